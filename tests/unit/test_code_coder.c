/* The coder on trees nobody would write: random heads and relations over news words, cycles,
 * heads out of range, empty and very long sentences, a document of many sentences — it must
 * never crash, loop or write outside its arena, and every record it gives must be well formed.
 * The coder's choices are tested on checked trees (tests/golden/constructions/). */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "code/knowledge.h"
#include "text/tagset.h"
#include "util/arena.h"

static const char *const words[][2] = {
    /* form, lemma */
    { "Iran", "Iran" }, { "Israel", "Israel" }, { "officials", "official" }, { "said", "say" },
    { "plotted", "plot" }, { "to", "to" }, { "kill", "kill" }, { "the", "the" }, { "ambassador", "ambassador" },
    { "denied", "deny" }, { "any", "any" }, { "knowledge", "knowledge" }, { "of", "of" }, { "plot", "plot" },
    { "it", "it" }, { "he", "he" }, { "who", "who" }, { "by", "by" }, { "Mexican", "Mexican" },
    { "police", "police" }, { "foiled", "foil" }, { "attack", "attack" }, { "on", "on" }, { "Friday", "Friday" },
    { "not", "not" }, { "threatened", "threaten" }, { "accused", "accuse" }, { "according", "accord" },
    { "last", "last" }, { "year", "year" }, { "in", "in" }, { "February", "February" }, { "2023", "2023" },
    { "behind", "behind" }, { "will", "will" }, { "aka", "aka" }, { "Tehran", "Tehran" }, { ",", "," },
};
#define N_WORDS (sizeof words / sizeof *words)

static uint32_t rng = 12345;
static uint32_t next(void)
{
    rng = rng * 1103515245u + 12345u;
    return rng >> 8;
}

/* A sentence of n random tokens with random tags, heads (sometimes cyclic or out of range) and
 * relations, allocated from arena. */
static vg_sentence random_sentence(vg_arena *arena, uint32_t n)
{
    vg_sentence s;
    memset(&s, 0, sizeof s);
    s.tokens = vg_arena_alloc(arena, (n ? n : 1) * sizeof *s.tokens);
    s.n_tokens = n;
    s.text = "random";
    for (uint32_t i = 0; i < n; i++) {
        vg_token *t = &s.tokens[i];
        uint32_t w = next() % N_WORDS;
        t->form = words[w][0];
        t->lemma = words[w][1];
        /* Mostly plausible tags and relations, so the coder's paths are reached; some wholly
         * random ones. */
        static const char *const rels[] = { "nsubj", "obj", "obl", "nmod", "xcomp", "ccomp", "acl", "amod", "case",
                                            "det", "conj", "advmod", "mark", "nmod:poss", "aux", "nsubj:pass",
                                            "aux:pass", "acl:relcl", "appos", "compound", "parataxis", "obl:agent" };
        int wild = next() % 10 == 0;
        const char *lemma = t->lemma;
        int verb = lemma[strlen(lemma) - 1] == 'y' || !strcmp(lemma, "plot") || !strcmp(lemma, "kill") ||
                   !strcmp(lemma, "deny") || !strcmp(lemma, "foil") || !strcmp(lemma, "threaten") ||
                   !strcmp(lemma, "accuse") || !strcmp(lemma, "say") || !strcmp(lemma, "attack");
        int name = t->form[0] >= 'A' && t->form[0] <= 'Z';
        t->upos = wild ? (uint8_t)(1 + next() % (vg_upos_count - 1))
                       : (uint8_t)(verb && next() % 3 ? VG_UPOS_VERB : name ? VG_UPOS_PROPN : VG_UPOS_NOUN);
        t->xpos = (uint8_t)(1 + next() % (vg_xpos_count - 1));
        t->deprel = wild ? (uint8_t)(1 + next() % (vg_deprel_count - 1))
                         : (uint8_t)vg_deprel_id(rels[next() % (sizeof rels / sizeof *rels)]);
        uint32_t r = next() % 20;
        t->head = r == 0 ? (int16_t)(n + 3) : r == 1 ? (int16_t)(i + 1) : (int16_t)(next() % (n + 1));
    }
    return s;
}

static size_t total_events;

static void check_events(const vg_coding *coding, const vg_cameo *cameo)
{
    size_t n;
    const vg_event *ev = vg_coding_events(coding, &n);
    total_events += n;
    for (size_t i = 0; i < n; i++) {
        CHECK(ev[i].cameo != NULL);
        CHECK(ev[i].cameo && vg_cameo_find(cameo, ev[i].cameo->code) == ev[i].cameo);
        CHECK(ev[i].source || ev[i].target);
        CHECK((int)ev[i].mode >= 0 && ev[i].mode <= VG_MODE_THREATENED);
        CHECK(ev[i].parent < (int32_t)n);
    }
}

int main(void)
{
    vg_knowledge k;
    vg_error err = { 0 };
    if (vg_knowledge_load(&k, check_source_path("data"), NULL, 0, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    /* Random trees, in documents of 20 sentences (pronouns and definite descriptions reach back). */
    int sentences = getenv("VIGIL_SANITIZED") ? 600 : 4000;
    for (int doc = 0; doc < sentences / 20; doc++) {
        vg_arena arena;
        vg_arena_init(&arena, 1 << 16);
        vg_coding *coding;
        CHECK_INT(vg_coding_begin(&coding, k.coder, 20251107, doc % 2 ? VG_CODE_KEEP_NEGATED : 0, &arena), 0);
        vg_coding_set_dateline(coding, doc % 3 ? "TEHRAN (Reuters)" : "NOWHERE, Atlantis");
        for (uint32_t i = 1; i <= 20; i++) {
            vg_sentence s = random_sentence(&arena, next() % 40);
            CHECK_INT(vg_coding_sentence(coding, &s, i), 0);
        }
        check_events(coding, k.cameo);
        vg_coding_end(coding);
        vg_arena_free(&arena);
    }
    /* A long sentence: every token governed by the next, the last by the first (a cycle). */
    {
        vg_arena arena;
        vg_arena_init(&arena, 1 << 16);
        vg_coding *coding;
        CHECK_INT(vg_coding_begin(&coding, k.coder, 0, 0, &arena), 0);
        uint32_t n = 2000;
        vg_sentence s = random_sentence(&arena, n);
        for (uint32_t i = 0; i < n; i++)
            s.tokens[i].head = (int16_t)(i + 2 <= n ? i + 2 : 1);
        CHECK_INT(vg_coding_sentence(coding, &s, 1), 0);
        vg_sentence empty = random_sentence(&arena, 0);
        CHECK_INT(vg_coding_sentence(coding, &empty, 2), 0);
        vg_coding_set_dateline(coding, NULL);
        vg_coding_set_dateline(coding, "");
        check_events(coding, k.cameo);
        vg_coding_end(coding);
        vg_arena_free(&arena);
    }
    /* The random trees must reach the coding paths, not only be rejected early. */
    CHECK(total_events >= (size_t)sentences / 100);
    fprintf(stderr, "%zu events from random trees\n", total_events);
    vg_knowledge_free(&k);
    return check_finish("code_coder");
}
