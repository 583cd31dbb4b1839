/* Unit tests of the event-pattern lexicon: the real data/events/patterns.txt (size, every CAMEO
 * root covered, the seed constructions), the lookups, every loader error with its exact
 * file:line message, failed allocations and damaged input. */
#include "check.h"
#include "code/patterns.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static vg_cameo *load_codebook(void)
{
    vg_cameo *c = NULL;
    vg_error err = { 0 };
    if (vg_cameo_load(&c, check_source_path("data/cameo/codes.txt"), &err)) {
        fprintf(stderr, "%s\n", err.message);
        check_failures++;
    }
    return c;
}

/* The first entry of a kind written exactly as text (space-separated words) and, when code is
 * not NULL, with that CAMEO code; or NULL. */
static const vg_pattern *find(const vg_patterns *p, const char *text, vg_pattern_kind kind, const char *code)
{
    char copy[256];
    const char *words[16];
    size_t n = 0;
    snprintf(copy, sizeof copy, "%s", text);
    for (char *w = strtok(copy, " "); w && n < 16; w = strtok(NULL, " "))
        words[n++] = w;
    size_t count;
    const vg_pattern *const *hits = vg_patterns_find(p, words, n, &count);
    for (size_t i = 0; i < count; i++)
        if (hits[i]->kind == kind && (!code || strcmp(hits[i]->cameo->code, code) == 0))
            return hits[i];
    return NULL;
}

static const vg_pattern *event(const vg_patterns *p, const char *text, vg_pattern_kind kind)
{
    return find(p, text, kind, NULL);
}

static int has_rel(const vg_pattern_roles *roles, const char *rel)
{
    for (uint32_t i = 0; i < roles->n; i++)
        if (strcmp(roles->rels[i], rel) == 0)
            return 1;
    return 0;
}

static void check_code(const vg_patterns *p, const char *text, const char *code)
{
    if (!find(p, text, VG_PATTERN_EVENT, code)) {
        fprintf(stderr, "pattern \"%s\": no entry with code %s\n", text, code);
        check_failures++;
    }
}

static void check_mode(const vg_patterns *p, const char *text, vg_event_mode mode)
{
    const vg_pattern *e = event(p, text, VG_PATTERN_MODE);
    if (!e || e->mode != mode) {
        fprintf(stderr, "mode marker \"%s\": got %s, want %s\n", text, e ? vg_event_mode_name(e->mode) : "none",
                vg_event_mode_name(mode));
        check_failures++;
    }
}

static void test_real_data(void)
{
    vg_cameo *c = load_codebook();
    if (!c)
        return;
    vg_patterns *p;
    vg_error err = { 0 };
    int rc = vg_patterns_load(&p, check_source_path("data/events/patterns.txt"), c, &err);
    CHECK_INT(rc, 0);
    if (rc) {
        fprintf(stderr, "%s\n", err.message);
        vg_cameo_free(c);
        return;
    }
    size_t n = vg_patterns_count(p);
    CHECK(n >= 400);
    /* Every CAMEO root has several event patterns, verbs among them. */
    for (int r = 1; r <= 20; r++) {
        char root[3];
        snprintf(root, sizeof root, "%02d", r);
        int entries = 0, verbs = 0;
        for (size_t i = 0; i < n; i++) {
            const vg_pattern *e = vg_patterns_at(p, i);
            if (e->kind == VG_PATTERN_EVENT && strncmp(e->cameo->code, root, 2) == 0) {
                entries++;
                verbs += e->pos == VG_PATTERN_VERB;
            }
        }
        if (entries < 8 || verbs < 5)
            fprintf(stderr, "root %s: %d entries, %d verbs\n", root, entries, verbs);
        CHECK(entries >= 8 && verbs >= 5);
    }
    /* Every entry: words, a head in range, codes from the codebook, roles where expected. */
    for (size_t i = 0; i < n; i++) {
        const vg_pattern *e = vg_patterns_at(p, i);
        CHECK(e->n_words >= 1 && e->head < e->n_words);
        CHECK(e->line > 0 && e->file != NULL);
        if (e->kind == VG_PATTERN_EVENT) {
            CHECK(e->cameo && vg_cameo_find(c, e->cameo->code) == e->cameo);
            if (e->pos == VG_PATTERN_VERB || e->pos == VG_PATTERN_NOUN)
                CHECK(e->source.n > 0 && e->target.n > 0);
        }
    }
    /* The constructions of the seed articles and the brief. */
    check_code(p, "assassinate", "186");
    check_code(p, "assassination", "186");
    check_code(p, "assassination attempt", "185");
    check_code(p, "attack", "180");
    check_code(p, "carry out attack", "180");
    check_code(p, "issue threat", "130");
    check_code(p, "threat", "130");
    check_code(p, "vow revenge", "138");       /* revenge vows are threats of force */
    check_code(p, "arrest", "173");
    check_code(p, "charge", "173");          /* "charged with": a legal charge, never 112 */
    check_code(p, "accuse", "112");
    check_code(p, "blame", "112");
    check_code(p, "attribute to", "112");
    check_code(p, "accuse of crime", "1121");
    check_code(p, "deny", "016");
    check_code(p, "decline to comment", "011");
    check_code(p, "not respond to request for comment", "011");
    check_code(p, "have no comment", "011");
    check_code(p, "not comment", "011");
    check_code(p, "thank", "051");
    check_code(p, "denounce", "111");
    check_code(p, "raise vigilance", "151");
    check_code(p, "kill", "1823");
    check_mode(p, "plot", VG_MODE_PLANNED);
    check_mode(p, "plan", VG_MODE_PLANNED);
    check_mode(p, "conspire", VG_MODE_PLANNED);
    check_mode(p, "intend", VG_MODE_PLANNED);
    check_mode(p, "attempt", VG_MODE_ATTEMPTED);
    check_mode(p, "try", VG_MODE_ATTEMPTED);
    check_mode(p, "seek", VG_MODE_PLANNED);
    check_mode(p, "thwart", VG_MODE_THWARTED);
    check_mode(p, "foil", VG_MODE_THWARTED);
    check_mode(p, "disrupt", VG_MODE_THWARTED);
    check_mode(p, "contain", VG_MODE_THWARTED);
    check_mode(p, "prevent", VG_MODE_THWARTED);
    check_mode(p, "break up", VG_MODE_THWARTED);
    check_mode(p, "threaten", VG_MODE_THREATENED);
    check_mode(p, "vow", VG_MODE_THREATENED);
    check_mode(p, "warn", VG_MODE_THREATENED);
    const vg_pattern *e = event(p, "deny", VG_PATTERN_EVENT);
    CHECK(e && e->denied && has_rel(&e->content, "ccomp"));
    e = event(p, "assassination", VG_PATTERN_EVENT);
    /* "Soleimani's assassination": the possessive is who underwent it */
    CHECK(e && has_rel(&e->target, "nmod:of") && has_rel(&e->source, "amod") && has_rel(&e->target, "nmod:poss") &&
          !has_rel(&e->source, "nmod:poss"));
    e = event(p, "attack", VG_PATTERN_EVENT);
    CHECK(e && e->pos == VG_PATTERN_VERB && has_rel(&e->source, "nsubj") && has_rel(&e->source, "obl:agent") &&
          has_rel(&e->target, "obj"));
    e = event(p, "threat", VG_PATTERN_EVENT);
    CHECK(e && e->mode == VG_MODE_THREATENED && has_rel(&e->target, "nmod:against"));
    e = event(p, "accuse", VG_PATTERN_EVENT);
    CHECK(e && has_rel(&e->content, "advcl:of") && has_rel(&e->target, "obj"));
    e = event(p, "according to", VG_PATTERN_ATTRIBUTION);
    CHECK(e && e->pos == VG_PATTERN_ADP && e->attribution == VG_ATTRIBUTION_SAY);
    e = event(p, "say", VG_PATTERN_ATTRIBUTION);
    CHECK(e && e->attribution == VG_ATTRIBUTION_SAY && has_rel(&e->content, "ccomp"));
    e = event(p, "allege", VG_PATTERN_ATTRIBUTION);
    CHECK(e && e->attribution == VG_ATTRIBUTION_ALLEGE);
    e = event(p, "assassination attempt", VG_PATTERN_EVENT);
    CHECK(e && e->head == 1 && strcmp(e->words[e->head], "attempt") == 0 && e->mode == VG_MODE_ATTEMPTED);
    /* By head: "plot" is a mode marker (noun and verb). */
    size_t count;
    const vg_pattern *const *hits = vg_patterns_by_head(p, "plot", &count);
    CHECK(count >= 2);
    for (size_t i = 0; i < count; i++)
        CHECK_STR(hits[i]->words[hits[i]->head], "plot");
    CHECK(vg_patterns_by_head(p, "zzzz", &count) == NULL && count == 0);
    /* Longest match over a lemma sequence, articles skipped. */
    const char *lemmas[] = { "they", "carry", "out", "an", "attack", "on", "the", "embassy" };
    const vg_pattern *out[8];
    size_t span;
    size_t got = vg_patterns_match(p, lemmas, 8, 1, out, 8, &span);
    CHECK(got >= 1 && span == 4);
    CHECK(got >= 1 && out[0]->cameo && strcmp(out[0]->cameo->code, "180") == 0);
    const char *no_comment[] = { "do", "not", "respond", "to", "a", "request", "for", "comment" };
    got = vg_patterns_match(p, no_comment, 8, 1, out, 8, &span);
    CHECK(got == 1 && span == 7 && strcmp(out[0]->cameo->code, "011") == 0);
    CHECK_INT(vg_patterns_match(p, lemmas, 8, 0, out, 8, &span), 0);
    CHECK_INT(span, 0);
    CHECK_STR(vg_event_mode_name(VG_MODE_THWARTED), "thwarted");
    vg_patterns_free(p);
    vg_cameo_free(c);
}

static void expect_error(const vg_cameo *c, const char *name, int want_rc, int line, const char *want_what)
{
    char relative[256];
    snprintf(relative, sizeof relative, "tests/resources/patterns/%s", name);
    const char *path = check_source_path(relative);
    vg_patterns *p = (vg_patterns *)1;
    vg_error err = { 0 };
    int rc = vg_patterns_load(&p, path, c, &err);
    check_refusal(path, line, want_what, want_rc, rc, err.message, p != NULL);
    vg_patterns_free(rc ? NULL : p);
}

static void test_errors(void)
{
    vg_cameo *c = load_codebook();
    if (!c)
        return;
    expect_error(c, "no_section.txt", VG_EINVAL, 2, "entry before any section line such as [events]");
    expect_error(c, "bad_section.txt", VG_EINVAL, 1,
                 "unknown section \"[places]\": expected [events], [modes] or [attribution]");
    expect_error(c, "bad_code.txt", VG_EINVAL, 2,
                 "bad CAMEO code \"1x6\": an [events] entry starts with its event code, as in \"186  verb  assassinate\"");
    expect_error(c, "unknown_code.txt", VG_EINVAL, 3, "unknown CAMEO code \"187\": not in the codebook");
    expect_error(c, "bad_pos.txt", VG_EINVAL, 2, "unknown part of speech \"verbb\": expected verb, noun, adj or adp");
    expect_error(c, "missing_pos.txt", VG_EINVAL, 2,
                 "missing part of speech and pattern: expected \"LABEL POS words [options]\"");
    expect_error(c, "missing_words.txt", VG_EINVAL, 2, "missing pattern words after the part of speech");
    expect_error(c, "missing_words2.txt", VG_EINVAL, 2, "missing pattern words after the part of speech");
    expect_error(c, "empty_alternative.txt", VG_EINVAL, 2, "empty pattern (two | in a row, or a | at an end)");
    expect_error(c, "bad_option.txt", VG_EINVAL, 2,
                 "unknown option \"colour\": expected source=, target=, content=, stance= or mode=");
    expect_error(c, "bad_relation.txt", VG_EINVAL, 2,
                 "bad relation \"subject\" in source=: expected nsubj, nsubj:pass, obj, iobj, obl, obl:agent, "
                 "nmod, nmod:poss, amod, compound, ccomp, xcomp, advcl, acl, acl:relcl, conj, appos, "
                 "or obl:/nmod:/advcl:/acl: with a lowercase preposition");
    expect_error(c, "twice.txt", VG_EINVAL, 2, "option \"source=\" given twice");
    expect_error(c, "word_after_option.txt", VG_EINVAL, 2, "pattern word \"now\" after an option: options come last");
    expect_error(c, "uppercase.txt", VG_EINVAL, 2, "bad pattern word \"Kill\": words are lowercase lemmas");
    expect_error(c, "article.txt", VG_EINVAL, 2,
                 "article \"an\" in a pattern: articles are skipped when matching, leave them out");
    expect_error(c, "two_heads.txt", VG_EINVAL, 2, "two head marks \"^\" in the pattern \"^assassination ^attempt\"");
    expect_error(c, "duplicate.txt", VG_EINVAL, 3, "duplicate pattern \"kill\" (first on line 2)");
    expect_error(c, "bad_mode.txt", VG_EINVAL, 2,
                 "unknown mode \"maybe\": expected planned, attempted, thwarted or threatened");
    expect_error(c, "stance_in_modes.txt", VG_EINVAL, 2, "option \"stance=\" is only allowed in [events]");
    expect_error(c, "bad_stance.txt", VG_EINVAL, 2, "bad stance \"maybe\": the only stance an entry gives is denied");
    expect_error(c, "bad_event_mode.txt", VG_EINVAL, 2,
                 "unknown mode \"later\": expected planned, attempted, thwarted or threatened");
    expect_error(c, "bad_attribution.txt", VG_EINVAL, 2, "unknown attribution \"whisper\": expected say or allege");
    expect_error(c, "target_in_attribution.txt", VG_EINVAL, 2, "option \"target=\" is not allowed in [attribution]");
    expect_error(c, "indented.txt", VG_EINVAL, 2, "indented line: every entry starts in the first column");
    expect_error(c, "too_long.txt", VG_ELIMIT, 2,
                 "pattern \"a1 a2 a3 a4 a5 a6 a7 a8 a9 b1 b2 b3 b4 b5 b6 b7 b8\" has more than 16 words");
    expect_error(c, "control.txt", VG_EINVAL, 2, "control character 0x01 at column 13");
    expect_error(c, "empty.txt", VG_EINVAL, 0, "no patterns in the file");
    vg_cameo_free(c);
}

struct load_ctx {
    const char *path;
    const vg_cameo *cameo;
};

static int load_valid(void *arg, vg_error *err)
{
    const struct load_ctx *ctx = arg;
    vg_patterns *p = NULL;
    int rc = vg_patterns_load(&p, ctx->path, ctx->cameo, err);
    if (rc) {
        CHECK(p == NULL);
        return rc;
    }
    CHECK_INT(vg_patterns_count(p), 7);
    vg_patterns_free(p);
    return 0;
}

static void test_allocation_failures(void)
{
    vg_cameo *c = load_codebook();
    if (!c)
        return;
    const char *path = check_source_path("tests/resources/patterns/valid.txt");
    struct load_ctx ctx = { path, c };
    CHECK(check_allocation_failures(load_valid, &ctx, 300) >= 3);
    vg_cameo_free(c);
}

static void test_damaged_input(void)
{
    vg_cameo *c = load_codebook();
    if (!c)
        return;
    const char *path = check_source_path("data/events/patterns.txt");
    FILE *f = fopen(path, "rb");
    if (!f) {
        CHECK(f != NULL);
        vg_cameo_free(c);
        return;
    }
    static char original[131072];
    size_t len = fread(original, 1, sizeof original, f);
    fclose(f);
    char tmp[] = "/tmp/vigil-patterns-fuzz-XXXXXX";
    int fd = mkstemp(tmp);
    if (fd >= 0) {
        close(fd);
        static const char junk[] = { '#', ' ', '\t', '\n', '|', '^', '=', ',', ':', '[', ']', '0', 'A', 'z', '\xC3', '\0' };
        uint32_t seed = 4242;
        for (int round = 0; round < 200; round++) {
            if (check_write_damaged(tmp, original, len, round, 5, &seed, junk, sizeof junk) != 0)
                break;
            vg_patterns *p = NULL;
            vg_error err = { 0 };
            int rc = vg_patterns_load(&p, tmp, c, &err);
            if (rc == 0) {
                size_t count;
                vg_patterns_by_head(p, "attack", &count);
                vg_patterns_free(p);
            } else if (p != NULL || strncmp(err.message, tmp, strlen(tmp)) != 0) {
                fprintf(stderr, "damaged input, round %d: rc %d, message \"%s\"\n", round, rc, err.message);
                check_failures++;
            }
        }
        unlink(tmp);
    }
    vg_cameo_free(c);
}

int main(void)
{
    test_real_data();
    test_errors();
    test_allocation_failures();
    test_damaged_input();
    return check_finish("test_code_patterns");
}
