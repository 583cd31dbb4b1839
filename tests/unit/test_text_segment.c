/* Sentence splitting and tokenisation: golden cases, the seed articles' boundaries, accuracy
 * against UD English EWT dev, limits (a 50 MB line, huge tokens), odd input, and speed.
 * VIGIL_SEGMENT_PRINT=1 prints what the segmenter produced for each golden case;
 * VIGIL_SEGMENT_DIFF=1 prints the EWT boundary and token disagreements. */
#include "check.h"
#include "text/segment.h"
#include "text/segment_internal.h"
#include "util/alloc.h"
#include "util/mapfile.h"
#include <stdlib.h>
#include <stdint.h>
#include <strings.h>
#include <time.h>

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A sentence as the golden files write it: tokens separated by spaces, the words of a
 * multi-word token joined by "~". */
static void render(const vg_sentence *s, char *out, size_t cap)
{
    size_t len = 0;
    uint32_t m = 0;
    out[0] = '\0';
    for (uint32_t t = 0; t < s->n_tokens; t++) {
        while (m < s->n_multiwords && s->multiwords[m].last < t + 1)
            m++;
        int inside = m < s->n_multiwords && s->multiwords[m].first < t + 1 && t + 1 <= s->multiwords[m].last;
        len += (size_t)snprintf(out + len, len < cap ? cap - len : 0, "%s%s", t == 0 ? "" : inside ? "~" : " ",
                                s->tokens[t].form);
    }
}

/* Every sentence must be what its offsets say, in order, within the body. */
static void check_invariants(const char *body, size_t len, const vg_sentence *s, size_t n)
{
    uint32_t previous_end = 0;
    for (size_t i = 0; i < n; i++) {
        CHECK(s[i].n_tokens > 0 && s[i].n_tokens <= VG_MAX_SENTENCE_TOKENS);
        CHECK(s[i].start >= previous_end && s[i].end <= len && s[i].start < s[i].end);
        CHECK(s[i].text[s[i].end - s[i].start] == '\0' && memcmp(s[i].text, body + s[i].start, s[i].end - s[i].start) == 0);
        CHECK(memchr(s[i].text, '\n', s[i].end - s[i].start) == NULL);
        CHECK(s[i].tokens[0].start == s[i].start && s[i].tokens[s[i].n_tokens - 1].end == s[i].end);
        uint32_t at = s[i].start;
        for (uint32_t t = 0; t < s[i].n_tokens; t++) {
            const vg_token *tok = &s[i].tokens[t];
            size_t flen = tok->end - tok->start;
            CHECK(tok->form[flen] == '\0');
            CHECK(tok->start >= at && tok->end > tok->start && flen == tok->end - tok->start);
            CHECK(flen <= VG_MAX_TOKEN_BYTES);
            CHECK(memcmp(tok->form, body + tok->start, flen) == 0);
            CHECK(tok->head == -1);
            at = tok->end;
        }
        for (uint32_t m = 0; m < s[i].n_multiwords; m++) {
            const struct vg_multiword *mw = &s[i].multiwords[m];
            CHECK(mw->first >= 1 && mw->first < mw->last && mw->last <= s[i].n_tokens);
            CHECK(strlen(mw->form) == s[i].tokens[mw->last - 1].end - s[i].tokens[mw->first - 1].start);
        }
        previous_end = s[i].end;
        if (check_failures > 20)
            return;
    }
}

/* ---- golden cases: tests/golden/segment/cases.txt ---- */

static void check_case(const char *body, size_t len, char **expected, size_t n_expected, int line, int print)
{
    vg_arena arena;
    vg_arena_init(&arena, 0);
    vg_error err = {0};
    vg_sentence *s;
    size_t n;
    int rc = vg_segment(body, len, &arena, &s, &n, &err);
    CHECK_INT(rc, 0);
    if (rc == 0) {
        check_invariants(body, len, s, n);
        char got[8192];
        int bad = n != n_expected;
        for (size_t i = 0; i < n && i < n_expected && !bad; i++) {
            render(&s[i], got, sizeof got);
            bad = strcmp(got, expected[i]) != 0;
        }
        if (bad || print) {
            if (bad) {
                fprintf(stderr, "cases.txt:%d: segmentation differs\n  want:\n", line);
                for (size_t i = 0; i < n_expected; i++)
                    fprintf(stderr, "    %s\n", expected[i]);
                check_failures++;
            }
            fprintf(bad ? stderr : stdout, "  %s:\n", bad ? "got" : "case");
            for (size_t i = 0; i < n; i++) {
                render(&s[i], got, sizeof got);
                fprintf(bad ? stderr : stdout, "    %s\n", got);
            }
        }
    }
    vg_arena_free(&arena);
}

static void run_golden_cases(void)
{
    const char *path = check_source_path("tests/golden/segment/cases.txt");
    char *data;
    size_t size;
    vg_error err = {0};
    int rc = vg_file_read_all(path, 1u << 24, &data, &size, &err);
    CHECK_INT(rc, 0);
    if (rc)
        return;
    int print = getenv("VIGIL_SEGMENT_PRINT") != NULL;
    char body[8192], *expected[64];
    size_t body_len = 0, n_expected = 0, cases = 0;
    int case_line = 0, line_no = 0, in_case = 0;
    for (char *line = data; line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        line_no++;
        if (line[0] == '#') {
            /* a comment */
        } else if (line[0] == '<' && (line[1] == ' ' || line[1] == '\0')) {
            if (!in_case)
                case_line = line_no;
            if (in_case && body_len < sizeof body)
                body[body_len++] = '\n';
            size_t len = line[1] ? strlen(line + 2) : 0;
            if (body_len + len < sizeof body) {
                memcpy(body + body_len, line + 2, len);
                body_len += len;
            }
            in_case = 1;
        } else if (line[0] == '\0') {
            if (in_case) {
                check_case(body, body_len, expected, n_expected, case_line, print);
                cases++;
            }
            in_case = 0;
            body_len = n_expected = 0;
        } else if (in_case && n_expected < 64) {
            expected[n_expected++] = line;
        }
        line = nl ? nl + 1 : NULL;
    }
    if (in_case) {
        check_case(body, body_len, expected, n_expected, case_line, print);
        cases++;
    }
    printf("golden cases: %zu\n", cases);
    CHECK(cases >= 40);
    vg_free(data);
}

/* ---- the seed articles: every sentence boundary ---- */

/* tests/golden/segment/seeds.txt lists, per seed file, the range of body lines and each
 * expected sentence as "prefix … suffix" (its first and last words), so the test pins every
 * boundary without the project keeping a copy of the articles. */
static void run_seed_boundaries(void)
{
    const char *path = check_source_path("tests/golden/segment/seeds.txt");
    char *golden;
    size_t golden_size;
    vg_error err = {0};
    if (vg_file_read_all(path, 1u << 20, &golden, &golden_size, &err)) {
        CHECK(!"seeds.txt unreadable");
        return;
    }
    char *article = NULL;
    size_t article_len = 0;
    vg_arena arena;
    vg_arena_init(&arena, 0);
    vg_sentence *s = NULL;
    size_t n = 0, next = 0, checked = 0;
    char name[256] = "";
    int skipped = 0;
    for (char *line = strtok(golden, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#')
            continue;
        unsigned first, last;
        if (sscanf(line, "@ %255s %u-%u", name, &first, &last) == 3) {
            if (article && next != n) {
                fprintf(stderr, "seeds.txt: %s: %zu sentences, %zu expected\n", name, n, next);
                check_failures++;
            }
            vg_free(article);
            article = NULL;
            vg_arena_reset(&arena);
            char rel[300];
            snprintf(rel, sizeof rel, "seeds/%s", name);
            const char *seed = check_shared_path(rel);
            if (!seed) {
                skipped = 1;
                break;
            }
            char *text;
            size_t text_len;
            if (vg_file_read_all(seed, 1u << 24, &text, &text_len, &err)) {
                CHECK(!"seed unreadable");
                break;
            }
            /* the body: lines first..last of the file (1-based) */
            unsigned line_no = 1;
            size_t from = 0, to = text_len;
            for (size_t i = 0; i < text_len; i++)
                if (text[i] == '\n') {
                    line_no++;
                    if (line_no == first)
                        from = i + 1;
                    if (line_no == last + 1) {
                        to = i;
                        break;
                    }
                }
            article_len = to - from;
            article = vg_malloc(article_len + 1);
            memcpy(article, text + from, article_len);
            article[article_len] = '\0';
            vg_free(text);
            CHECK_INT(vg_segment(article, article_len, &arena, &s, &n, &err), 0);
            check_invariants(article, article_len, s, n);
            next = 0;
            continue;
        }
        if (!article)
            continue;
        char *dots = strstr(line, " … ");
        const char *prefix = line, *suffix = dots ? dots + strlen(" … ") : NULL;
        size_t prefix_len = dots ? (size_t)(dots - line) : strlen(line);
        if (next >= n) {
            fprintf(stderr, "seeds.txt: %s: missing sentence \"%s\"\n", name, line);
            check_failures++;
            next++;
            continue;
        }
        const char *got = s[next].text;
        size_t got_len = strlen(got);
        int ok = dots ? got_len >= prefix_len && strncmp(got, prefix, prefix_len) == 0 &&
                            got_len >= strlen(suffix) && strcmp(got + got_len - strlen(suffix), suffix) == 0
                      : strcmp(got, prefix) == 0;
        if (!ok) {
            fprintf(stderr, "seeds.txt: %s: sentence %zu is\n  %s\nwant\n  %s\n", name, next + 1, got, line);
            check_failures++;
        }
        checked++;
        next++;
    }
    if (article && next != n) {
        fprintf(stderr, "seeds.txt: %s: %zu sentences, %zu expected\n", name, n, next);
        check_failures++;
    }
    if (!skipped) {
        printf("seed sentences checked: %zu\n", checked);
        CHECK(checked >= 50);
    }
    vg_free(article);
    vg_arena_free(&arena);
    vg_free(golden);
}

/* ---- accuracy against UD English EWT ---- */

typedef struct span { uint32_t start, end; } span;
typedef struct span_list { span *items; size_t n, cap; } span_list;

static void span_add(span_list *list, uint32_t start, uint32_t end)
{
    if (list->n == list->cap) {
        list->cap = list->cap ? list->cap * 2 : 1024;
        list->items = vg_realloc(list->items, list->cap * sizeof *list->items);
        if (!list->items)
            abort();
    }
    list->items[list->n].start = start;
    list->items[list->n].end = end;
    list->n++;
}

/* Matches between two span lists, each sorted by position. */
static size_t span_matches(const span_list *a, const span_list *b)
{
    size_t i = 0, j = 0, same = 0;
    while (i < a->n && j < b->n) {
        if (a->items[i].start == b->items[j].start && a->items[i].end == b->items[j].end) {
            same++;
            i++;
            j++;
        } else if (a->items[i].start < b->items[j].start ||
                   (a->items[i].start == b->items[j].start && a->items[i].end < b->items[j].end)) {
            i++;
        } else {
            j++;
        }
    }
    return same;
}

typedef struct tally { size_t gold, predicted, correct; } tally;

static void tally_add(tally *t, const span_list *gold, const span_list *predicted)
{
    t->gold += gold->n;
    t->predicted += predicted->n;
    t->correct += span_matches(gold, predicted);
}

static double f1(const tally *t)
{
    double p = t->predicted ? (double)t->correct / t->predicted : 0, r = t->gold ? (double)t->correct / t->gold : 0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

typedef struct ewt_doc {
    char *text;
    size_t len, cap;
    span_list sentences, boundaries, tokens, words;
    int new_paragraph;
} ewt_doc;

typedef struct ewt_totals {
    tally sentences, boundaries, tokens, words;
    size_t documents, misaligned, words_total;
    double seconds;
} ewt_totals;

static void doc_append(ewt_doc *doc, const char *s, size_t len)
{
    while (doc->len + len + 1 > doc->cap) {
        doc->cap = doc->cap ? doc->cap * 2 : 65536;
        doc->text = vg_realloc(doc->text, doc->cap);
        if (!doc->text)
            abort();
    }
    memcpy(doc->text + doc->len, s, len);
    doc->len += len;
    doc->text[doc->len] = '\0';
}

static void print_context(const char *label, const ewt_doc *doc, uint32_t at)
{
    uint32_t from = at > 60 ? at - 60 : 0, to = at + 60 < doc->len ? at + 60 : (uint32_t)doc->len;
    fprintf(stderr, "%s: ", label);
    for (uint32_t i = from; i < to; i++) {
        if (i == at)
            fputs("[|]", stderr);
        fputs(doc->text[i] == '\n' ? "\\n" : (char[2]){doc->text[i], 0}, stderr);
    }
    fputc('\n', stderr);
}

/* Segments one rebuilt document and adds its agreement with the gold spans to the totals. */
static void evaluate_doc(ewt_doc *doc, ewt_totals *totals, int diff)
{
    if (!doc->len)
        return;
    vg_arena arena;
    vg_arena_init(&arena, 0);
    vg_error err = {0};
    vg_sentence *s;
    size_t n;
    double t0 = now_seconds();
    int rc = vg_segment(doc->text, doc->len, &arena, &s, &n, &err);
    totals->seconds += now_seconds() - t0;
    CHECK_INT(rc, 0);
    span_list sentences = {0}, boundaries = {0}, tokens = {0}, words = {0};
    for (size_t i = 0; rc == 0 && i < n; i++) {
        span_add(&sentences, s[i].start, s[i].end);
        if (i + 1 < n && !memchr(doc->text + s[i].end, '\n', s[i + 1].start - s[i].end))
            span_add(&boundaries, s[i].end, s[i].end);
        uint32_t m = 0;
        for (uint32_t t = 0; t < s[i].n_tokens; t++) {
            span_add(&words, s[i].tokens[t].start, s[i].tokens[t].end);
            if (m < s[i].n_multiwords && s[i].multiwords[m].first == t + 1) {
                span_add(&tokens, s[i].tokens[t].start, s[i].tokens[s[i].multiwords[m].last - 1].end);
                t = s[i].multiwords[m].last - 1;
                span_add(&words, s[i].tokens[t].start, s[i].tokens[t].end);
                m++;
            } else {
                span_add(&tokens, s[i].tokens[t].start, s[i].tokens[t].end);
            }
        }
    }
    tally_add(&totals->sentences, &doc->sentences, &sentences);
    tally_add(&totals->boundaries, &doc->boundaries, &boundaries);
    tally_add(&totals->tokens, &doc->tokens, &tokens);
    tally_add(&totals->words, &doc->words, &words);
    totals->documents++;
    if (diff) {
        size_t i = 0, j = 0;
        while (i < doc->boundaries.n || j < boundaries.n) {
            uint32_t g = i < doc->boundaries.n ? doc->boundaries.items[i].start : UINT32_MAX;
            uint32_t p = j < boundaries.n ? boundaries.items[j].start : UINT32_MAX;
            if (g == p) {
                i++;
                j++;
            } else if (g < p) {
                print_context("missed  ", doc, g);
                i++;
            } else {
                print_context("spurious", doc, p);
                j++;
            }
        }
        i = j = 0;
        while (i < doc->tokens.n || j < tokens.n) {
            span g = i < doc->tokens.n ? doc->tokens.items[i] : (span){UINT32_MAX, UINT32_MAX};
            span p = j < tokens.n ? tokens.items[j] : (span){UINT32_MAX, UINT32_MAX};
            if (g.start == p.start && g.end == p.end) {
                i++;
                j++;
                continue;
            }
            /* print the stretch where the two tokenisations disagree */
            uint32_t to = g.end > p.end ? g.end : p.end;
            size_t i0 = i, j0 = j;
            for (int grew = 1; grew;) {
                grew = 0;
                for (; i < doc->tokens.n && doc->tokens.items[i].start < to; i++)
                    if (doc->tokens.items[i].end > to)
                        to = doc->tokens.items[i].end, grew = 1;
                for (; j < tokens.n && tokens.items[j].start < to; j++)
                    if (tokens.items[j].end > to)
                        to = tokens.items[j].end, grew = 1;
            }
            fprintf(stderr, "tokens  : gold");
            for (size_t k = i0; k < i; k++)
                fprintf(stderr, " %.*s", (int)(doc->tokens.items[k].end - doc->tokens.items[k].start),
                        doc->text + doc->tokens.items[k].start);
            fprintf(stderr, "  | ours");
            for (size_t k = j0; k < j; k++)
                fprintf(stderr, " %.*s", (int)(tokens.items[k].end - tokens.items[k].start), doc->text + tokens.items[k].start);
            fputc('\n', stderr);
        }
    }
    vg_free(sentences.items);
    vg_free(boundaries.items);
    vg_free(tokens.items);
    vg_free(words.items);
    vg_arena_free(&arena);
    doc->len = 0;
    doc->sentences.n = doc->boundaries.n = doc->tokens.n = doc->words.n = 0;
}

/* Finds form at or after *at in the sentence text (skipping spaces); -1 when it is not there. */
static int align(const ewt_doc *doc, uint32_t *at, uint32_t end, const char *form, size_t len, span *out)
{
    uint32_t i = *at;
    while (i < end && (doc->text[i] == ' ' || doc->text[i] == '\t'))
        i++;
    if (i + len > end || memcmp(doc->text + i, form, len) != 0)
        return -1;
    out->start = i;
    out->end = (uint32_t)(i + len);
    *at = out->end;
    return 0;
}

/* Reads a CoNLL-U file, rebuilds each document's text from its "# text" lines (sentences of a
 * paragraph joined by a space, paragraphs by "\n"), and scores the segmenter on it. */
static int evaluate_ewt(const char *path, ewt_totals *totals, int diff)
{
    char *data;
    size_t size;
    vg_error err = {0};
    if (vg_file_read_all(path, 1u << 26, &data, &size, &err))
        return -1;
    memset(totals, 0, sizeof *totals);
    ewt_doc doc = {0};
    uint32_t sent_start = 0, sent_end = 0, cursor = 0;
    int sentence_ok = 1, have_sentence = 0;
    uint32_t mwt_last = 0;
    span mwt = {0, 0};
    const char *mwt_form = NULL;
    size_t mwt_len = 0, mwt_used = 0;
    char *line = data;
    while (line && *line) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        if (strncmp(line, "# newdoc", 8) == 0) {
            evaluate_doc(&doc, totals, diff);
        } else if (strncmp(line, "# newpar", 8) == 0) {
            doc.new_paragraph = 1;
        } else if (strncmp(line, "# text = ", 9) == 0) {
            const char *text = line + 9;
            if (doc.len) {
                if (!doc.new_paragraph && doc.sentences.n)
                    span_add(&doc.boundaries, doc.sentences.items[doc.sentences.n - 1].end,
                             doc.sentences.items[doc.sentences.n - 1].end);
                doc_append(&doc, doc.new_paragraph ? "\n" : " ", 1);
            }
            doc.new_paragraph = 0;
            sent_start = cursor = (uint32_t)doc.len;
            doc_append(&doc, text, strlen(text));
            sent_end = (uint32_t)doc.len;
            span_add(&doc.sentences, sent_start, sent_end);
            sentence_ok = have_sentence = 1;
            mwt_last = 0;
        } else if (line[0] >= '0' && line[0] <= '9' && have_sentence) {
            char *tab = strchr(line, '\t');
            char *form = tab ? tab + 1 : NULL;
            char *form_end = form ? strchr(form, '\t') : NULL;
            if (!form_end)
                goto next;
            size_t form_len = (size_t)(form_end - form);
            unsigned id = (unsigned)strtoul(line, NULL, 10);
            char *dash = strchr(line, '-');
            if (strchr(line, '.') && strchr(line, '.') < tab)
                goto next; /* empty node */
            if (dash && dash < tab) {
                mwt_last = (unsigned)strtoul(dash + 1, NULL, 10);
                if (sentence_ok && align(&doc, &cursor, sent_end, form, form_len, &mwt) == 0)
                    span_add(&doc.tokens, mwt.start, mwt.end);
                else
                    sentence_ok = 0;
                mwt_form = doc.text + mwt.start;
                mwt_len = mwt.end - mwt.start;
                mwt_used = 0;
                goto next;
            }
            totals->words_total++;
            if (id <= mwt_last) {
                /* a word inside a multi-word token: its part of the token's text when the
                 * words spell the token, else the whole token (which then cannot match) */
                if (sentence_ok && mwt_used + form_len <= mwt_len &&
                    strncasecmp(mwt_form + mwt_used, form, form_len) == 0) {
                    span_add(&doc.words, (uint32_t)(mwt.start + mwt_used), (uint32_t)(mwt.start + mwt_used + form_len));
                    mwt_used += form_len;
                } else if (sentence_ok) {
                    span_add(&doc.words, mwt.start, mwt.end);
                }
                goto next;
            }
            span w;
            if (sentence_ok && align(&doc, &cursor, sent_end, form, form_len, &w) == 0) {
                span_add(&doc.tokens, w.start, w.end);
                span_add(&doc.words, w.start, w.end);
            } else {
                sentence_ok = 0;
            }
        } else if (line[0] == '\0') {
            if (have_sentence && !sentence_ok)
                totals->misaligned++;
            have_sentence = 0;
        }
    next:
        line = nl ? nl + 1 : NULL;
    }
    evaluate_doc(&doc, totals, diff);
    vg_free(doc.text);
    vg_free(doc.sentences.items);
    vg_free(doc.boundaries.items);
    vg_free(doc.tokens.items);
    vg_free(doc.words.items);
    vg_free(data);
    return 0;
}

static void report_ewt(const char *label, const ewt_totals *t)
{
    printf("EWT %s: %zu documents, %zu sentences, %zu words (%zu sentences not aligned)\n", label, t->documents,
           t->sentences.gold, t->words_total, t->misaligned);
    printf("EWT %s: sentence F1 %.4f  boundary F1 %.4f (P %.4f R %.4f)  token F1 %.4f  word F1 %.4f\n", label,
           f1(&t->sentences), f1(&t->boundaries),
           t->boundaries.predicted ? (double)t->boundaries.correct / t->boundaries.predicted : 0,
           t->boundaries.gold ? (double)t->boundaries.correct / t->boundaries.gold : 0, f1(&t->tokens), f1(&t->words));
    printf("EWT %s: segmented in %.3f s (%.2f M words/s)\n", label, t->seconds,
           t->seconds > 0 ? t->words.predicted / t->seconds / 1e6 : 0);
}

/* Dev is asserted; test is reported as the held-out figure (the rules were tuned on train
 * and dev). VIGIL_SEGMENT_DIFF=train|dev|test prints that part's disagreements. */
static void run_ewt(void)
{
    const char *which = getenv("VIGIL_SEGMENT_DIFF");
    ewt_totals t;
    const char *dev = check_shared_path("ud-english-ewt/en_ewt-ud-dev.conllu");
    if (!dev)
        return;
    CHECK_INT(evaluate_ewt(dev, &t, which && strcmp(which, "dev") == 0), 0);
    report_ewt("dev", &t);
    /* Floors with a margin below the measured figures (docs/internals/segment.md). */
    CHECK(f1(&t.tokens) >= 0.98);
    CHECK(f1(&t.words) >= 0.98);
    CHECK(f1(&t.boundaries) >= 0.85);
    CHECK(f1(&t.sentences) >= 0.80);
    const char *test = check_shared_path("ud-english-ewt/en_ewt-ud-test.conllu");
    if (test && evaluate_ewt(test, &t, which && strcmp(which, "test") == 0) == 0)
        report_ewt("test", &t);
    if (which && strcmp(which, "train") == 0) {
        const char *train = check_shared_path("ud-english-ewt/en_ewt-ud-train.conllu");
        if (train && evaluate_ewt(train, &t, 1) == 0)
            report_ewt("train", &t);
    }
}

/* ---- limits, odd input, speed ---- */

static void run_limits(void)
{
    vg_arena arena;
    vg_arena_init(&arena, 0);
    vg_error err = {0};
    vg_sentence *s;
    size_t n;

    /* empty input, whitespace only, blank lines */
    CHECK_INT(vg_segment("", 0, &arena, &s, &n, &err), 0);
    CHECK_INT(n, 0);
    CHECK_INT(vg_segment(NULL, 0, &arena, &s, &n, &err), 0);
    CHECK_INT(n, 0);
    CHECK_INT(vg_segment(" \n\n\t \n", 6, &arena, &s, &n, &err), 0);
    CHECK_INT(n, 0);
    CHECK_INT(vg_segment("x", VG_MAX_DOCUMENT_BYTES + (size_t)1, &arena, &s, &n, &err), VG_ELIMIT);

    /* odd fragments never fail and keep the invariants */
    static const char *const odd[] = {
        "\xCC\x81", "\xCC\x81\xCC\x81 a\xCC\x81 .\xCC\x81", "\xEF\xBF\xBD", "a\xEF\xBF\xBD\x62. \xEF\xBF\xBD",
        "\x01\x02 bell\x07 tab\there\r\n", "\xFF\xFE\x80 bad bytes \xC3 end.", "\xE2\x80", "'", "\"", ".", "...",
        "U.S.", "Mr.", "a.\nb.", "don't", "'s", "’", "(", "—", "\xE2\x80\x8B zero width",
        "emoji \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9 ok \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD.",
        "http://", "a@b", "1-2-3-4-5-6-7-8", "-", "''", "``", "...\n\n...",
    };
    for (size_t i = 0; i < sizeof odd / sizeof *odd; i++) {
        size_t len = strlen(odd[i]);
        CHECK_INT(vg_segment(odd[i], len, &arena, &s, &n, &err), 0);
        check_invariants(odd[i], len, s, n);
    }
    /* what odd characters become: controls separate, marks cling, U+FFFD and bad bytes are symbols */
    static const struct { const char *body; const char *want; } shapes[] = {
        {"a\x07" "b\x1b" "c", "a b c"},
        {"\xCC\x81", "\xCC\x81"},
        {"\xCC\x81word", "\xCC\x81word"},
        {"cafe\xCC\x81 ok", "cafe\xCC\x81 ok"},
        {"x \xEF\xBF\xBD y", "x \xEF\xBF\xBD y"},
        {"x\xEF\xBF\xBDy", "x \xEF\xBF\xBD y"},
        {"a\xFF" "b", "a \xFF b"},
        {"!\xCC\x81 no", "!\xCC\x81 no"},
        {"one\xE2\x80\x8Btwo", "one two"},
        {"one\xC2\xA0two", "one two"},
        {"end.\r\nNext.", "end .|Next ."},
    };
    for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++) {
        size_t len = strlen(shapes[i].body);
        CHECK_INT(vg_segment(shapes[i].body, len, &arena, &s, &n, &err), 0);
        check_invariants(shapes[i].body, len, s, n);
        char got[512] = "", one[128];
        for (size_t k = 0; k < n; k++) {
            render(&s[k], one, sizeof one);
            snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", k ? "|" : "", one);
        }
        CHECK_STR(got, shapes[i].want);
    }

    const char nul_body[] = "x\0y. Z";
    CHECK_INT(vg_segment(nul_body, sizeof nul_body - 1, &arena, &s, &n, &err), 0);
    check_invariants(nul_body, sizeof nul_body - 1, s, n);
    CHECK_INT(n, 2);

    /* a token of 100,000 bytes is cut into pieces of VG_MAX_TOKEN_BYTES at character boundaries */
    size_t big = 100000;
    char *word = vg_malloc(big + 1);
    for (size_t i = 0; i < big; i += 2) {
        word[i] = (char)0xC3; /* é */
        word[i + 1] = (char)0xA9;
    }
    word[big] = '\0';
    CHECK_INT(vg_segment(word, big, &arena, &s, &n, &err), 0);
    check_invariants(word, big, s, n);
    size_t pieces = 0;
    for (size_t i = 0; i < n; i++)
        pieces += s[i].n_tokens;
    CHECK_INT(pieces, (big + VG_MAX_TOKEN_BYTES - 1) / VG_MAX_TOKEN_BYTES);
    vg_free(word);

    /* 1,000 words without punctuation: sentences of VG_MAX_SENTENCE_TOKENS tokens */
    char text[6000];
    size_t len = 0;
    for (int i = 0; i < 1000; i++)
        len += (size_t)snprintf(text + len, sizeof text - len, "%s", i % 3 ? "ab " : "cd ");
    CHECK_INT(vg_segment(text, len, &arena, &s, &n, &err), 0);
    CHECK_INT(n, (1000 + VG_MAX_SENTENCE_TOKENS - 1) / VG_MAX_SENTENCE_TOKENS);
    CHECK_INT(s[0].n_tokens, VG_MAX_SENTENCE_TOKENS);
    check_invariants(text, len, s, n);
    /* the cut never separates the words of a multi-word token */
    len = 0;
    for (int i = 0; i < 600; i++)
        len += (size_t)snprintf(text + len, sizeof text - len, "%s", i == VG_MAX_SENTENCE_TOKENS - 1 ? "don't " : "ab ");
    CHECK_INT(vg_segment(text, len, &arena, &s, &n, &err), 0);
    check_invariants(text, len, s, n);
    CHECK_INT(s[0].n_tokens, VG_MAX_SENTENCE_TOKENS - 1);
    CHECK_INT(s[0].n_multiwords, 0);
    CHECK_INT(s[1].n_multiwords, 1);

    /* running out of memory is reported, not a crash */
    for (long fail = 1; fail <= 4; fail++) {
        vg_arena small;
        vg_arena_init(&small, 256);
        vg_alloc_fail_after(fail);
        int rc = vg_segment("One. Two three. Don't.", 22, &small, &s, &n, &err);
        vg_alloc_fail_after(0);
        CHECK(rc == 0 || rc == VG_ENOMEM);
        vg_arena_free(&small);
    }
    vg_arena_free(&arena);
}

/* Random bodies built from the pieces the rules look at (and some bad bytes): whatever the
 * mix, the invariants hold (run under the sanitizers, this is the segmenter's fuzz test). */
static void run_random(void)
{
    static const char *const pieces[] = {
        "U.S.", "Gen.", "No.", "etc.", "e.g.", "F.", "a.m.", "Inc..", ".", "..", "...", "\xE2\x80\xA6", "!", "?!",
        "'", "\xE2\x80\x99", "\xE2\x80\x98", "\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "(", ")", "[", ":", ";", ")", ",",
        "n't", "'s", "s'", "don't", "Iran\xE2\x80\x99s", "cannot", "-", "--", "\xE2\x80\x94", "$", "%", "#", "@", "=",
        "http://", "www.", "a@b.com", ".com", ".pdf", "1", "12", "2020", "-11-", "3.5", "1,000", "10:30", "9/11", "5pm",
        "The", "the", "He", "x", "Al-", "non-", "\xCC\x81", "\xEF\xBF\xBD", "\xFF", "\xC3", "\x01", "\t", " ", " ", " ",
        "\n", "\xE2\x80\x8B", "\xF0\x9F\x91\x8D", "\xE2\x80\x8D", ":)", ";-)", "'90s", "\xE5\x8C\x97",
    };
    const size_t n_pieces = sizeof pieces / sizeof *pieces;
    char body[4096];
    uint32_t x = 2024;
    vg_arena arena;
    vg_arena_init(&arena, 0);
    vg_error err = {0};
    for (int round = 0; round < 3000 && check_failures == 0; round++) {
        size_t len = 0, count = 1 + round % 300;
        for (size_t k = 0; k < count; k++) {
            x = x * 1103515245u + 12345u;
            const char *piece = pieces[(x >> 8) % n_pieces];
            size_t plen = strlen(piece);
            if (len + plen >= sizeof body)
                break;
            memcpy(body + len, piece, plen);
            len += plen;
        }
        vg_sentence *s;
        size_t n;
        CHECK_INT(vg_segment(body, len, &arena, &s, &n, &err), 0);
        check_invariants(body, len, s, n);
        /* every non-space byte lies in exactly one token */
        size_t covered = 0, spaces = 0;
        for (size_t i = 0; i < n; i++)
            for (uint32_t t = 0; t < s[i].n_tokens; t++)
                covered += s[i].tokens[t].end - s[i].tokens[t].start;
        for (size_t i = 0; i < len; i++)
            spaces += body[i] == ' ' || body[i] == '\n' || body[i] == '\t' || body[i] == '\x01';
        /* (multi-byte spaces: ZWSP is 3 bytes) */
        for (size_t i = 0; i + 2 < len; i++)
            spaces += (unsigned char)body[i] == 0xE2 && (unsigned char)body[i + 1] == 0x80 && (unsigned char)body[i + 2] == 0x8B ? 3 : 0;
        if (covered + spaces != len) {
            fprintf(stderr, "random round %d: %zu bytes in tokens + %zu spaces != %zu\n", round, covered, spaces, len);
            check_failures++;
        }
        vg_arena_reset(&arena);
    }
    vg_arena_free(&arena);
}

/* A 50 MB line without punctuation: the streaming segmenter finishes in seconds with memory
 * bounded by one sentence (the arena is reset after each). */
static void run_huge_line(void)
{
    const size_t size = 50u * 1024u * 1024u;
    char *line = vg_malloc(size);
    CHECK(line != NULL);
    if (!line)
        return;
    uint32_t x = 12345;
    size_t i = 0;
    while (i < size) {
        x = x * 1103515245u + 12345u;
        size_t len = 1 + (x >> 16) % 9;
        for (size_t k = 0; k < len && i < size; k++)
            line[i++] = (char)('a' + (x >> (k + 3)) % 26);
        if (i < size)
            line[i++] = ' ';
    }
    vg_segmenter *seg = vg_malloc(sizeof *seg);
    vg_error err = {0};
    vg_arena arena;
    vg_arena_init(&arena, 64 * 1024);
    vg_sentence sentence;
    size_t sentences = 0, tokens = 0, peak = 0;
    double t0 = now_seconds();
    CHECK_INT(vg_segmenter_init(seg, line, size, &err), 0);
    int rc;
    while ((rc = vg_segmenter_next(seg, &arena, &sentence, &err)) == 1) {
        sentences++;
        tokens += sentence.n_tokens;
        CHECK(sentence.n_tokens <= VG_MAX_SENTENCE_TOKENS);
        if (arena.used_bytes > peak)
            peak = arena.used_bytes;
        vg_arena_reset(&arena);
    }
    double seconds = now_seconds() - t0;
    CHECK_INT(rc, 0);
    CHECK(tokens > 5000000);
    CHECK(peak < 64 * 1024);
    printf("50 MB line: %zu tokens, %zu sentences in %.2f s (%.2f M tokens/s), peak arena %zu bytes\n", tokens,
           sentences, seconds, tokens / seconds / 1e6, peak);
    vg_arena_free(&arena);
    vg_free(seg);
    vg_free(line);
}

/* Throughput on news-like prose (the golden cases' text, repeated), with vg_segment. */
static void run_speed(void)
{
    const char *path = check_source_path("tests/golden/segment/cases.txt");
    char *data;
    size_t size;
    vg_error err = {0};
    if (vg_file_read_all(path, 1u << 24, &data, &size, &err))
        return;
    /* the input paragraphs of the golden cases, repeated to about 8 MB */
    size_t cap = 8u << 20, len = 0;
    char *body = vg_malloc(cap);
    while (len < cap - size) {
        size_t before = len;
        for (char *line = data; line && *line;) {
            char *nl = strchr(line, '\n');
            size_t l = nl ? (size_t)(nl - line) : strlen(line);
            if (l > 2 && line[0] == '<' && line[1] == ' ' && len + l < cap) {
                memcpy(body + len, line + 2, l - 2);
                len += l - 2;
                body[len++] = '\n';
            }
            line = nl ? nl + 1 : NULL;
        }
        if (len == before)
            break;
    }
    vg_arena arena;
    vg_arena_init(&arena, 1 << 20);
    vg_sentence *s;
    size_t n, tokens = 0;
    double t0 = now_seconds();
    CHECK_INT(vg_segment(body, len, &arena, &s, &n, &err), 0);
    double seconds = now_seconds() - t0;
    for (size_t i = 0; i < n; i++)
        tokens += s[i].n_tokens;
    printf("speed: %.1f MB of prose, %zu tokens, %zu sentences in %.3f s: %.2f M tokens/s\n", len / 1e6, tokens, n,
           seconds, tokens / seconds / 1e6);
    vg_arena_free(&arena);
    vg_free(body);
    vg_free(data);
}

static void run_word_lists(void)
{
    static const char *const abbreviations[] = {
#define VG_ABBREV(text, kind) text,
#include "text/abbrev.def"
#undef VG_ABBREV
    };
    static const char *const starters[] = {
#define VG_STARTER(text) text,
#include "text/starters.def"
#undef VG_STARTER
    };
    for (size_t i = 1; i < sizeof abbreviations / sizeof *abbreviations; i++)
        if (strcmp(abbreviations[i - 1], abbreviations[i]) >= 0) {
            fprintf(stderr, "abbrev.def: \"%s\" must come after \"%s\"\n", abbreviations[i - 1], abbreviations[i]);
            check_failures++;
        }
    for (size_t i = 1; i < sizeof starters / sizeof *starters; i++)
        if (strcmp(starters[i - 1], starters[i]) >= 0) {
            fprintf(stderr, "starters.def: \"%s\" must come after \"%s\"\n", starters[i - 1], starters[i]);
            check_failures++;
        }
    for (size_t i = 0; i < sizeof abbreviations / sizeof *abbreviations; i++)
        CHECK(vg_segment_abbreviation(abbreviations[i], strlen(abbreviations[i])) != VG_ABBREV_NONE);
    CHECK_INT(vg_segment_abbreviation("Gen", 3), VG_ABBREV_TITLE);
    CHECK_INT(vg_segment_abbreviation("Etc", 3), VG_ABBREV_PLAIN);
    CHECK_INT(vg_segment_abbreviation("No", 2), VG_ABBREV_NUMBER);
    CHECK_INT(vg_segment_abbreviation("Smith", 5), VG_ABBREV_NONE);
    CHECK(vg_segment_is_starter("The", 3));
    CHECK(!vg_segment_is_starter("Army", 4));
}

int main(void)
{
    run_word_lists();
    run_golden_cases();
    run_limits();
    run_random();
    run_seed_boundaries();
    run_ewt();
    run_huge_line();
    run_speed();
    return check_finish("text_segment");
}
