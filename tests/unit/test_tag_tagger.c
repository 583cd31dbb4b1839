/* Tagger and lemmatizer: accuracy floors on EWT dev with the committed model, hand-written
 * sentences and lemmas, damaged model files refused with VG_EMODEL, and training end to end
 * on a tiny treebank (deterministic for a seed). */
#include "check.h"
#include "tag/tagger.h"
#include "tag/tag_internal.h"
#include "text/conllu.h"
#include "text/tagset.h"
#include "util/alloc.h"
#include "util/mapfile.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MODEL "data/models/en_ewt.tagger"

static int write_file(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t w = size ? fwrite(data, 1, size, f) : 0;
    return fclose(f) == 0 && w == size ? 0 : -1;
}

/* A sentence from space-separated tokens, in the arena. */
static vg_sentence make_sentence(vg_arena *arena, const char *text)
{
    vg_sentence s;
    memset(&s, 0, sizeof s);
    s.tokens = vg_arena_alloc(arena, 64 * sizeof *s.tokens);
    const char *p = text;
    while (*p && s.n_tokens < 64) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        if (!n)
            break;
        vg_token *t = &s.tokens[s.n_tokens++];
        t->form = vg_arena_strndup(arena, p, n);
        t->head = -1;
        p += n;
    }
    return s;
}

static const vg_token *find(const vg_sentence *s, const char *form)
{
    for (uint32_t i = 0; i < s->n_tokens; i++)
        if (!strcmp(s->tokens[i].form, form))
            return &s->tokens[i];
    return NULL;
}

static void expect(const vg_sentence *s, const char *form, const char *upos, const char *xpos,
                   const char *lemma)
{
    const vg_token *t = find(s, form);
    CHECK(t != NULL);
    if (!t)
        return;
    if (upos)
        CHECK_STR(vg_upos_names[t->upos], upos);
    if (xpos)
        CHECK_STR(vg_xpos_names[t->xpos], xpos);
    if (lemma)
        CHECK_STR(t->lemma, lemma);
}

static void test_sentences(const vg_tagger *tagger)
{
    vg_arena arena;
    vg_arena_init(&arena, 0);
    vg_sentence s = make_sentence(&arena, "The officials said Friday that Iran planned to kill "
                                          "the ambassador in Mexico .");
    CHECK_INT(vg_tagger_tag(tagger, &s, &arena), 0);
    expect(&s, "The", "DET", "DT", "the");
    expect(&s, "officials", "NOUN", "NNS", "official");
    expect(&s, "said", "VERB", "VBD", "say");
    expect(&s, "Friday", "PROPN", "NNP", "Friday");
    expect(&s, "Iran", "PROPN", "NNP", "Iran");
    expect(&s, "planned", "VERB", "VBD", "plan");
    expect(&s, "to", "PART", "TO", "to");
    expect(&s, "kill", "VERB", "VB", "kill");
    expect(&s, "ambassador", "NOUN", "NN", "ambassador");
    expect(&s, ".", "PUNCT", ".", ".");

    s = make_sentence(&arena, "He plotted attacks on the ministries , but it was n't the U.S. that "
                              "stopped them .");
    CHECK_INT(vg_tagger_tag(tagger, &s, &arena), 0);
    expect(&s, "plotted", "VERB", "VBD", "plot");
    expect(&s, "ministries", "NOUN", "NNS", "ministry");
    expect(&s, "was", "AUX", "VBD", "be");
    expect(&s, "n't", "PART", "RB", "not");
    expect(&s, "U.S.", "PROPN", "NNP", "U.S.");
    expect(&s, "He", "PRON", "PRP", "he");
    expect(&s, "them", "PRON", "PRP", "they");

    /* unseen words still get a tag and a lemma by their suffix */
    s = make_sentence(&arena, "The zorblaxes were glimflorking quickly .");
    CHECK_INT(vg_tagger_tag(tagger, &s, &arena), 0);
    expect(&s, "zorblaxes", "NOUN", "NNS", NULL);
    expect(&s, "glimflorking", "VERB", "VBG", "glimflork");
    expect(&s, "quickly", "ADV", "RB", "quickly");

    /* empty sentences, and a long one (longer than the stack buffer for words) */
    s = make_sentence(&arena, "");
    CHECK_INT(vg_tagger_tag(tagger, &s, &arena), 0);
    vg_sentence big;
    memset(&big, 0, sizeof big);
    big.n_tokens = 600;
    big.tokens = vg_arena_alloc(&arena, big.n_tokens * sizeof *big.tokens);
    for (uint32_t i = 0; i < big.n_tokens; i++)
        big.tokens[i].form = i % 3 == 2 ? "," : i % 3 ? "dog" : "big";
    CHECK_INT(vg_tagger_tag(tagger, &big, &arena), 0);
    for (uint32_t i = 0; i < big.n_tokens; i++)
        CHECK(big.tokens[i].upos != 0 && big.tokens[i].xpos != 0 && big.tokens[i].lemma);
    vg_arena_free(&arena);
}

/* Floors on EWT dev, a margin below the measured accuracy (UPOS 95.6, XPOS 95.0, lemma 97.1). */
static void test_dev_accuracy(const vg_tagger *tagger)
{
    const char *dev_path = check_shared_path("ud-english-ewt/en_ewt-ud-dev.conllu");
    if (!dev_path)
        return;
    vg_error err = {0};
    vg_treebank gold, pred;
    if (vg_treebank_read(&gold, dev_path, &err) || vg_treebank_read(&pred, dev_path, &err)) {
        fprintf(stderr, "%s\n", err.message);
        CHECK(0);
        return;
    }
    vg_arena arena;
    vg_arena_init(&arena, 0);
    size_t n = 0, upos = 0, xpos = 0, lemma = 0;
    for (size_t s = 0; s < pred.n_sentences; s++) {
        vg_sentence *p = &pred.sentences[s];
        for (uint32_t i = 0; i < p->n_tokens; i++) {
            p->tokens[i].upos = p->tokens[i].xpos = 0;
            p->tokens[i].lemma = NULL;
        }
        CHECK_INT(vg_tagger_tag(tagger, p, &arena), 0);
        for (uint32_t i = 0; i < p->n_tokens; i++) {
            const vg_token *g = &gold.sentences[s].tokens[i], *t = &p->tokens[i];
            n++;
            upos += g->upos == t->upos;
            xpos += g->xpos == t->xpos;
            lemma += g->lemma && t->lemma && !strcmp(g->lemma, t->lemma);
        }
        vg_arena_reset(&arena);
    }
    double u = 100.0 * upos / n, x = 100.0 * xpos / n, l = 100.0 * lemma / n;
    printf("EWT dev: %zu tokens, UPOS %.2f, XPOS %.2f, lemma %.2f\n", n, u, x, l);
    CHECK(u >= 95.0);
    CHECK(x >= 94.4);
    CHECK(l >= 96.6);
    vg_arena_free(&arena);
    vg_treebank_free(&gold);
    vg_treebank_free(&pred);
}

static void expect_model_error(const char *path, const char *what)
{
    vg_tagger *t = (vg_tagger *)1;
    vg_error err = {0};
    int rc = vg_tagger_open(&t, path, &err);
    if (rc != VG_EMODEL)
        fprintf(stderr, "%s: got %d (%s)\n", what, rc, err.message);
    CHECK_INT(rc, VG_EMODEL);
    CHECK(t == NULL);
    if (rc == 0)
        vg_tagger_close(t);
    CHECK(err.message[0] != '\0');
}

static void test_damaged_models(const char *model_path)
{
    vg_mapfile map;
    vg_error err = {0};
    if (vg_mapfile_open(&map, model_path, &err)) {
        CHECK(0);
        return;
    }
    char path[64];
    snprintf(path, sizeof path, "/tmp/vigil_test_tag_%d.model", (int)getpid());
    unsigned char *copy = vg_malloc(map.size);
    CHECK(copy != NULL);

    expect_model_error("/nonexistent/dir/model.tagger", "missing file");
    CHECK(write_file(path, "", 0) == 0);
    expect_model_error(path, "empty file");
    CHECK(write_file(path, map.data, 40) == 0);
    expect_model_error(path, "shorter than the header");
    CHECK(write_file(path, map.data, map.size / 2) == 0);
    expect_model_error(path, "truncated to half");
    CHECK(write_file(path, map.data, map.size - 1) == 0);
    expect_model_error(path, "one byte short");

    memcpy(copy, map.data, map.size);
    copy[0] ^= 0xFF;
    CHECK(write_file(path, copy, map.size) == 0);
    expect_model_error(path, "wrong magic");

    memcpy(copy, map.data, map.size);
    copy[8] += 1; /* version */
    CHECK(write_file(path, copy, map.size) == 0);
    expect_model_error(path, "other version");

    memcpy(copy, map.data, map.size);
    copy[map.size / 3] ^= 0x55; /* damage in the body: the checksum catches it */
    CHECK(write_file(path, copy, map.size) == 0);
    expect_model_error(path, "flipped byte");

    /* a version 1 file (checksum by vg_hash_bytes) still loads; damaged, it does not */
    memcpy(copy, map.data, map.size);
    tag_header h;
    memcpy(&h, copy, sizeof h);
    h.version = 1;
    memcpy(copy, &h, sizeof h);
    h.checksum = tag_checksum(copy, map.size);
    memcpy(copy, &h, sizeof h);
    CHECK(write_file(path, copy, map.size) == 0);
    vg_tagger *old = NULL;
    vg_error old_err = {0};
    CHECK(vg_tagger_open(&old, path, &old_err) == 0);
    vg_tagger_close(old);
    copy[map.size / 2] ^= 0x10;
    CHECK(write_file(path, copy, map.size) == 0);
    expect_model_error(path, "flipped byte, version 1");

    memcpy(copy, map.data, map.size);
    copy[20] ^= 0x01; /* a count in the header */
    CHECK(write_file(path, copy, map.size) == 0);
    expect_model_error(path, "bad header count");

    vg_free(copy);
    vg_mapfile_close(&map);
    unlink(path);
}

static const char tiny_treebank[] =
    "# text = The dog barks .\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tdog\tdog\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tbarks\tbark\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# text = Dogs barked loudly .\n"
    "1\tDogs\tdog\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tbarked\tbark\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tloudly\tloudly\tADV\tRB\t_\t2\tadvmod\t_\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# text = Ann saw the cats .\n"
    "1\tAnn\tAnn\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\tcats\tcat\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n";

static void test_training(void)
{
    char bank_path[64], model_a[64], model_b[64];
    snprintf(bank_path, sizeof bank_path, "/tmp/vigil_test_tag_%d.conllu", (int)getpid());
    snprintf(model_a, sizeof model_a, "/tmp/vigil_test_tag_%d.a", (int)getpid());
    snprintf(model_b, sizeof model_b, "/tmp/vigil_test_tag_%d.b", (int)getpid());
    CHECK(write_file(bank_path, tiny_treebank, sizeof tiny_treebank - 1) == 0);
    vg_error err = {0};
    vg_treebank bank;
    if (vg_treebank_read(&bank, bank_path, &err)) {
        fprintf(stderr, "%s\n", err.message);
        CHECK(0);
        return;
    }
    vg_tagger_train_options opt = {3, 0, 7};
    CHECK_INT(vg_tagger_train(&bank, &bank, &opt, model_a, &err), 0);
    CHECK_INT(vg_tagger_train(&bank, &bank, &opt, model_b, &err), 0);

    /* the same seed gives the same file */
    vg_mapfile a, b;
    if (vg_mapfile_open(&a, model_a, &err) == 0) {
        if (vg_mapfile_open(&b, model_b, &err) == 0) {
            CHECK(a.size == b.size && memcmp(a.data, b.data, a.size) == 0);
            vg_mapfile_close(&b);
        } else {
            CHECK(0);
        }
        vg_mapfile_close(&a);
    } else {
        CHECK(0);
    }

    /* without a dev set the last pass is kept */
    CHECK_INT(vg_tagger_train(&bank, NULL, &opt, model_b, &err), 0);
    vg_tagger *tagger = NULL;
    CHECK_INT(vg_tagger_open(&tagger, model_b, &err), 0);
    vg_tagger_close(tagger);
    tagger = NULL;
    CHECK_INT(vg_tagger_open(&tagger, model_a, &err), 0);
    if (tagger) {
        vg_arena arena;
        vg_arena_init(&arena, 0);
        vg_sentence s = make_sentence(&arena, "The dog barks .");
        CHECK_INT(vg_tagger_tag(tagger, &s, &arena), 0);
        expect(&s, "dog", "NOUN", "NN", "dog");
        expect(&s, "barks", "VERB", "VBZ", "bark");
        vg_arena_free(&arena);
        vg_tagger_close(tagger);
    }
    vg_treebank_free(&bank);
    unlink(bank_path);
    unlink(model_a);
    unlink(model_b);
}

int main(void)
{
    const char *model_path = check_source_path(MODEL);
    test_training();
    vg_tagger *tagger = NULL;
    vg_error err = {0};
    if (vg_tagger_open(&tagger, model_path, &err) != 0) {
        fprintf(stderr, "%s\n", err.message);
        CHECK(0);
        return check_finish("tag_tagger");
    }
    test_sentences(tagger);
    test_damaged_models(model_path);
    test_dev_accuracy(tagger);
    vg_tagger_close(tagger);
    return check_finish("tag_tagger");
}
