/* The event-pattern lexicon: loader (format in docs/formats/patterns.md) and lookups by head
 * lemma, by exact word sequence and by longest match over a lemma sequence. */
#include "code/patterns.h"
#include "code/linereader.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/limits.h"
#include <stdlib.h>
#include <string.h>

struct vg_patterns {
    vg_arena arena;              /* words, texts, relation lists */
    vg_pattern *items;           /* file order */
    size_t n_items;
    const vg_pattern **by_words; /* sorted by word sequence (shorter first on a common prefix), then file order */
    const vg_pattern **by_head;  /* sorted by head word, then file order */
    /* Each distinct head word's run in by_head, by hash (open addressing, at most half full):
     * the coder looks up every token of every sentence. */
    struct head_run { const char *head; uint32_t first, count; } *runs;
    size_t runs_mask;
};

static const char *const mode_names[] = { "occurred", "planned", "attempted", "thwarted", "threatened" };

const char *vg_event_mode_name(vg_event_mode mode)
{
    return (unsigned)mode < sizeof mode_names / sizeof mode_names[0] ? mode_names[mode] : NULL;
}

/* ---- loading ---- */

typedef struct loader {
    vg_linereader lr;
    vg_error *err;
    vg_patterns *p;
    const vg_cameo *cameo;
    size_t cap;
    vg_pattern_kind section;   /* 0 before the first section line */
} loader;

static int oom(loader *ld)
{
    return vg_error_set(ld->err, VG_ENOMEM, "out of memory loading event patterns");
}

#define FAIL(ld, code, ...) vg_linereader_fail(&(ld)->lr, (ld)->err, code, __VA_ARGS__)

static int is_space(char c) { return c == ' ' || c == '\t'; }

static int next_field(const char *s, size_t n, size_t *pos, const char **f, size_t *fn)
{
    size_t i = *pos;
    while (i < n && is_space(s[i]))
        i++;
    if (i == n)
        return 0;
    size_t start = i;
    while (i < n && !is_space(s[i]))
        i++;
    *f = s + start;
    *fn = i - start;
    *pos = i;
    return 1;
}

static int equals(const char *s, size_t n, const char *word)
{
    return strlen(word) == n && memcmp(s, word, n) == 0;
}

static int start_section(loader *ld, const char *s, size_t n)
{
    static const char *const names[] = { NULL, "[events]", "[modes]", "[attribution]" };
    for (int k = 1; k <= 3; k++)
        if (equals(s, n, names[k])) {
            ld->section = (vg_pattern_kind)k;
            return 0;
        }
    return FAIL(ld, VG_EINVAL, "unknown section \"%.*s\": expected [events], [modes] or [attribution]",
                (int)(n > 40 ? 40 : n), s);
}

static int parse_mode(const char *s, size_t n)
{
    for (int m = 1; m <= 4; m++)
        if (equals(s, n, mode_names[m]))
            return m;
    return -1;
}

/* A relation: a UD deprel from the list, or obl/nmod/advcl/acl with ":" and a lowercase
 * preposition or conjunction (underscores join words: "obl:according_to"). */
static int relation_ok(const char *s, size_t n)
{
    static const char *const plain[] = { "nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "nmod",
                                         "nmod:poss", "amod", "compound", "ccomp", "xcomp", "advcl",
                                         "acl", "acl:relcl", "conj", "appos" };
    for (size_t k = 0; k < sizeof plain / sizeof plain[0]; k++)
        if (equals(s, n, plain[k]))
            return 1;
    static const char *const with_prep[] = { "obl:", "nmod:", "advcl:", "acl:" };
    for (size_t k = 0; k < sizeof with_prep / sizeof with_prep[0]; k++) {
        size_t pn = strlen(with_prep[k]);
        if (n > pn && memcmp(s, with_prep[k], pn) == 0) {
            for (size_t i = pn; i < n; i++)
                if (!((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_'))
                    return 0;
            return s[pn] != '_' && s[n - 1] != '_';
        }
    }
    return 0;
}

static int parse_roles(loader *ld, const char *name, const char *s, size_t n, vg_pattern_roles *roles)
{
    if (roles->n)
        return FAIL(ld, VG_EINVAL, "option \"%s=\" given twice", name);
    if (n == 0)
        return FAIL(ld, VG_EINVAL, "option \"%s=\" is empty", name);
    uint32_t count = 1;
    for (size_t i = 0; i < n; i++)
        count += s[i] == ',';
    const char **rels = vg_arena_alloc(&ld->p->arena, count * sizeof *rels);
    if (!rels)
        return oom(ld);
    size_t start = 0;
    for (uint32_t k = 0; k < count; k++) {
        size_t end = start;
        while (end < n && s[end] != ',')
            end++;
        if (!relation_ok(s + start, end - start))
            return FAIL(ld, VG_EINVAL,
                        "bad relation \"%.*s\" in %s=: expected nsubj, nsubj:pass, obj, iobj, obl, obl:agent, "
                        "nmod, nmod:poss, amod, compound, ccomp, xcomp, advcl, acl, acl:relcl, conj, appos, "
                        "or obl:/nmod:/advcl:/acl: with a lowercase preposition",
                        (int)(end - start > 40 ? 40 : end - start), s + start, name);
        rels[k] = vg_arena_strndup(&ld->p->arena, s + start, end - start);
        if (!rels[k])
            return oom(ld);
        start = end + 1;
    }
    roles->rels = rels;
    roles->n = count;
    return 0;
}

static int parse_option(loader *ld, vg_pattern *e, const char *s, size_t n)
{
    const char *eq = memchr(s, '=', n);
    size_t kn = (size_t)(eq - s), vn = n - kn - 1;
    const char *v = eq + 1;
    if (equals(s, kn, "source"))
        return parse_roles(ld, "source", v, vn, &e->source);
    if (equals(s, kn, "target")) {
        if (ld->section == VG_PATTERN_ATTRIBUTION)
            return FAIL(ld, VG_EINVAL, "option \"target=\" is not allowed in [attribution]");
        return parse_roles(ld, "target", v, vn, &e->target);
    }
    if (equals(s, kn, "content"))
        return parse_roles(ld, "content", v, vn, &e->content);
    if (equals(s, kn, "stance")) {
        if (ld->section != VG_PATTERN_EVENT)
            return FAIL(ld, VG_EINVAL, "option \"stance=\" is only allowed in [events]");
        if (!equals(v, vn, "denied"))
            return FAIL(ld, VG_EINVAL, "bad stance \"%.*s\": the only stance an entry gives is denied",
                        (int)(vn > 40 ? 40 : vn), v);
        e->denied = 1;
        return 0;
    }
    if (equals(s, kn, "mode")) {
        if (ld->section != VG_PATTERN_EVENT)
            return FAIL(ld, VG_EINVAL, "option \"mode=\" is only allowed in [events]");
        int m = parse_mode(v, vn);
        if (m < 0)
            return FAIL(ld, VG_EINVAL, "unknown mode \"%.*s\": expected planned, attempted, thwarted or threatened",
                        (int)(vn > 40 ? 40 : vn), v);
        e->mode = (vg_event_mode)m;
        return 0;
    }
    return FAIL(ld, VG_EINVAL, "unknown option \"%.*s\": expected source=, target=, content=, stance= or mode=",
                (int)(kn > 40 ? 40 : kn), s);
}

/* Relations assumed when an entry names none: the usual places of a verb's or noun's agent
 * and patient. An entry states its own when they differ ("accuse X of" has content obl:of). */
static int set_defaults(loader *ld, vg_pattern *e)
{
    static const char *const verb_source[] = { "nsubj", "obl:agent" };
    static const char *const verb_target[] = { "obj" };
    static const char *const noun_source[] = { "nmod:poss", "nmod:by", "nmod:from", "amod", "compound" };
    static const char *const noun_target[] = { "nmod:against", "nmod:on" };
    static const char *const say_source[] = { "nsubj" };
    static const char *const say_content[] = { "ccomp", "parataxis" };
    static const char *const mode_content[] = { "xcomp", "obj" };
    static const char *const mode_noun_content[] = { "acl", "nmod:of", "nmod:against", "nmod:on" };
#define SET(roles, array) do { if (!(roles).n) { (roles).rels = (array); \
    (roles).n = (uint32_t)(sizeof(array) / sizeof(array)[0]); } } while (0)
    (void)ld;
    int noun = e->pos == VG_PATTERN_NOUN;
    switch (e->kind) {
    case VG_PATTERN_EVENT:
        if (noun) {
            SET(e->source, noun_source);
            SET(e->target, noun_target);
        } else if (e->pos == VG_PATTERN_VERB) {
            SET(e->source, verb_source);
            SET(e->target, verb_target);
        }
        break;
    case VG_PATTERN_MODE:
        if (noun) {
            SET(e->source, noun_source);
            SET(e->content, mode_noun_content);
        } else {
            SET(e->source, verb_source);
            SET(e->content, mode_content);
        }
        break;
    case VG_PATTERN_ATTRIBUTION:
        if (e->pos == VG_PATTERN_VERB) {
            SET(e->source, say_source);
            SET(e->content, say_content);
        }
        break;
    }
#undef SET
    return 0;
}

static int word_ok(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '=' || s[i] == '|' || s[i] == ',')
            return 0;
    return n > 0;
}

static int is_article(const char *s, size_t n)
{
    return equals(s, n, "a") || equals(s, n, "an") || equals(s, n, "the");
}

static int same_words(const vg_pattern *x, const vg_pattern *y)
{
    if (x->n_words != y->n_words)
        return 0;
    for (uint32_t k = 0; k < x->n_words; k++)
        if (strcmp(x->words[k], y->words[k]))
            return 0;
    return 1;
}

/* Adds one entry for the words s[0..n) (one alternative of the line), with the line's label
 * and options already in *proto. */
static int add_entry(loader *ld, const vg_pattern *proto, const char *s, size_t n)
{
    while (n && is_space(*s)) {
        s++;
        n--;
    }
    while (n && is_space(s[n - 1]))
        n--;
    if (n == 0)
        return FAIL(ld, VG_EINVAL, "empty pattern (two | in a row, or a | at an end)");
    const char *words[VG_MAX_DICT_NAME_TOKENS];
    uint32_t n_words = 0, head = 0;
    int head_marked = 0;
    size_t pos = 0, fn = 0;
    const char *f = "";
    while (next_field(s, n, &pos, &f, &fn)) {
        if (n_words == VG_MAX_DICT_NAME_TOKENS)
            return FAIL(ld, VG_ELIMIT, "pattern \"%.*s\" has more than %u words", (int)(n > 60 ? 60 : n), s,
                        (unsigned)VG_MAX_DICT_NAME_TOKENS);
        if (f[0] == '^') {
            if (head_marked)
                return FAIL(ld, VG_EINVAL, "two head marks \"^\" in the pattern \"%.*s\"", (int)(n > 60 ? 60 : n), s);
            head_marked = 1;
            head = n_words;
            f++;
            fn--;
        }
        if (!word_ok(f, fn))
            return FAIL(ld, VG_EINVAL, "bad pattern word \"%.*s\": words are lowercase lemmas", (int)(fn > 40 ? 40 : fn), f);
        if (is_article(f, fn))
            return FAIL(ld, VG_EINVAL, "article \"%.*s\" in a pattern: articles are skipped when matching, leave them out",
                        (int)fn, f);
        words[n_words] = vg_arena_strndup(&ld->p->arena, f, fn);
        if (!words[n_words++])
            return oom(ld);
    }
    if (ld->p->n_items == ld->cap) {
        size_t cap = ld->cap ? ld->cap * 2 : 512;
        vg_pattern *items = vg_realloc(ld->p->items, cap * sizeof *items);
        if (!items)
            return oom(ld);
        ld->p->items = items;
        ld->cap = cap;
    }
    vg_pattern e = *proto;
    const char **kept = vg_arena_alloc(&ld->p->arena, n_words * sizeof *kept);
    e.text = vg_arena_strndup(&ld->p->arena, s, n);
    if (!kept || !e.text)
        return oom(ld);
    memcpy(kept, words, n_words * sizeof *kept);
    e.words = kept;
    e.n_words = n_words;
    e.head = head;
    for (size_t i = 0; i < ld->p->n_items; i++) {
        const vg_pattern *o = &ld->p->items[i];
        if (o->kind == e.kind && o->cameo == e.cameo && o->mode == e.mode && o->attribution == e.attribution &&
            o->pos == e.pos && same_words(o, &e))
            return FAIL(ld, VG_EINVAL, "duplicate pattern \"%s\" (first on line %u)", e.text, (unsigned)o->line);
    }
    ld->p->items[ld->p->n_items++] = e;
    return 0;
}

static int parse_entry(loader *ld, const char *s, size_t n)
{
    if (!ld->section)
        return FAIL(ld, VG_EINVAL, "entry before any section line such as [events]");
    vg_pattern proto;
    memset(&proto, 0, sizeof proto);
    proto.kind = ld->section;
    proto.file = ld->lr.path;
    proto.line = ld->lr.line;
    size_t pos = 0, fn = 0;
    const char *f = "";
    next_field(s, n, &pos, &f, &fn);
    if (ld->section == VG_PATTERN_EVENT) {
        char code[VG_CAMEO_CODE_SIZE] = { 0 };
        if (fn < sizeof code)
            memcpy(code, f, fn);
        if (fn >= sizeof code || !vg_cameo_code_valid(code))
            return FAIL(ld, VG_EINVAL, "bad CAMEO code \"%.*s\": an [events] entry starts with its event code, as in \"186  verb  assassinate\"",
                        (int)(fn > 20 ? 20 : fn), f);
        proto.cameo = vg_cameo_find(ld->cameo, code);
        if (!proto.cameo)
            return FAIL(ld, VG_EINVAL, "unknown CAMEO code \"%s\": not in the codebook", code);
    } else if (ld->section == VG_PATTERN_MODE) {
        int m = parse_mode(f, fn);
        if (m < 0)
            return FAIL(ld, VG_EINVAL, "unknown mode \"%.*s\": expected planned, attempted, thwarted or threatened",
                        (int)(fn > 40 ? 40 : fn), f);
        proto.mode = (vg_event_mode)m;
    } else {
        if (equals(f, fn, "say"))
            proto.attribution = VG_ATTRIBUTION_SAY;
        else if (equals(f, fn, "allege"))
            proto.attribution = VG_ATTRIBUTION_ALLEGE;
        else
            return FAIL(ld, VG_EINVAL, "unknown attribution \"%.*s\": expected say or allege", (int)(fn > 40 ? 40 : fn), f);
    }
    if (!next_field(s, n, &pos, &f, &fn))
        return FAIL(ld, VG_EINVAL, "missing part of speech and pattern: expected \"LABEL POS words [options]\"");
    static const char *const pos_names[] = { NULL, "verb", "noun", "adj", "adp" };
    for (int k = 1; k <= 4; k++)
        if (equals(f, fn, pos_names[k]))
            proto.pos = (vg_pattern_pos)k;
    if (!proto.pos)
        return FAIL(ld, VG_EINVAL, "unknown part of speech \"%.*s\": expected verb, noun, adj or adp",
                    (int)(fn > 40 ? 40 : fn), f);
    /* The words run up to the first option (a field with "="); options run to the end. */
    size_t words_start = pos, words_end = pos, p2 = pos;
    int in_options = 0;
    while (next_field(s, n, &p2, &f, &fn)) {
        if (memchr(f, '=', fn)) {
            if (!in_options)
                words_end = (size_t)(f - s);
            in_options = 1;
            int rc = parse_option(ld, &proto, f, fn);
            if (rc)
                return rc;
        } else if (in_options) {
            return FAIL(ld, VG_EINVAL, "pattern word \"%.*s\" after an option: options come last",
                        (int)(fn > 40 ? 40 : fn), f);
        } else {
            words_end = p2;
        }
    }
    size_t a = words_start;
    while (a < words_end && is_space(s[a]))
        a++;
    if (a >= words_end)
        return FAIL(ld, VG_EINVAL, "missing pattern words after the part of speech");
    int rc = set_defaults(ld, &proto);
    if (rc)
        return rc;
    for (size_t start = a; start <= words_end;) {
        const char *bar = memchr(s + start, '|', words_end - start);
        size_t end = bar ? (size_t)(bar - s) : words_end;
        if ((rc = add_entry(ld, &proto, s + start, end - start)))
            return rc;
        start = end + 1;
        if (!bar)
            break;
    }
    return 0;
}

static int compare_words(const vg_pattern *x, const vg_pattern *y)
{
    uint32_t n = x->n_words < y->n_words ? x->n_words : y->n_words;
    for (uint32_t k = 0; k < n; k++) {
        int c = strcmp(x->words[k], y->words[k]);
        if (c)
            return c;
    }
    return x->n_words == y->n_words ? 0 : x->n_words < y->n_words ? -1 : 1;
}

static int by_words_cmp(const void *a, const void *b)
{
    const vg_pattern *x = *(const vg_pattern *const *)a, *y = *(const vg_pattern *const *)b;
    int c = compare_words(x, y);
    return c ? c : x < y ? -1 : x > y;
}

static const char *head_word(const vg_pattern *e) { return e->words[e->head]; }

/* FNV-1a: lemmas are short. */
static size_t head_hash(const char *s)
{
    uint64_t h = 14695981039346656037ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return (size_t)(h ^ (h >> 32));
}

static int by_head_cmp(const void *a, const void *b)
{
    const vg_pattern *x = *(const vg_pattern *const *)a, *y = *(const vg_pattern *const *)b;
    int c = strcmp(x->words[x->head], y->words[y->head]);
    return c ? c : x < y ? -1 : x > y;
}

static int finish(loader *ld)
{
    vg_patterns *p = ld->p;
    if (p->n_items == 0)
        return vg_error_set(ld->err, VG_EINVAL, "%s: no patterns in the file", ld->lr.path);
    p->by_words = vg_malloc(p->n_items * sizeof *p->by_words);
    p->by_head = vg_malloc(p->n_items * sizeof *p->by_head);
    if (!p->by_words || !p->by_head)
        return oom(ld);
    for (size_t i = 0; i < p->n_items; i++)
        p->by_words[i] = p->by_head[i] = &p->items[i];
    qsort(p->by_words, p->n_items, sizeof *p->by_words, by_words_cmp);
    qsort(p->by_head, p->n_items, sizeof *p->by_head, by_head_cmp);
    size_t slots = 16;
    while (slots < 2 * p->n_items)
        slots *= 2;
    p->runs = vg_calloc(slots, sizeof *p->runs);
    if (!p->runs)
        return oom(ld);
    p->runs_mask = slots - 1;
    for (size_t i = 0; i < p->n_items;) {
        const char *head = head_word(p->by_head[i]);
        size_t end = i + 1;
        while (end < p->n_items && !strcmp(head_word(p->by_head[end]), head))
            end++;
        size_t at = head_hash(head) & p->runs_mask;
        while (p->runs[at].head)
            at = (at + 1) & p->runs_mask;
        p->runs[at] = (struct head_run){ head, (uint32_t)i, (uint32_t)(end - i) };
        i = end;
    }
    return 0;
}

/* One line of the file: a [section] or an entry of the section. */
static int read_line(void *context, const char *s, size_t n, int indent)
{
    loader *ld = context;
    if (indent)
        return FAIL(ld, VG_EINVAL, "indented line: every entry starts in the first column");
    return s[0] == '[' ? start_section(ld, s, n) : parse_entry(ld, s, n);
}

int vg_patterns_load(vg_patterns **out, const char *path, const vg_cameo *cameo, vg_error *err)
{
    *out = NULL;
    loader ld;
    memset(&ld, 0, sizeof ld);
    ld.err = err;
    ld.cameo = cameo;
    ld.p = vg_calloc(1, sizeof *ld.p);
    if (!ld.p)
        return oom(&ld);
    vg_arena_init(&ld.p->arena, 65536);
    /* Entries name their file for --explain long after the caller's path is gone. */
    const char *kept_path = vg_arena_strndup(&ld.p->arena, path, strlen(path));
    if (!kept_path) {
        vg_patterns_free(ld.p);
        return oom(&ld);
    }
    int rc = vg_linereader_open(&ld.lr, kept_path, VG_MAX_DICT_FILE_BYTES, err);
    if (!rc)
        rc = vg_linereader_each(&ld.lr, VG_MAX_DICT_LINE_BYTES, read_line, &ld, err);
    if (!rc)
        rc = finish(&ld);
    vg_linereader_close(&ld.lr);
    if (rc) {
        vg_patterns_free(ld.p);
        return rc;
    }
    *out = ld.p;
    return 0;
}

void vg_patterns_free(vg_patterns *patterns)
{
    if (!patterns)
        return;
    vg_arena_free(&patterns->arena);
    vg_free(patterns->items);
    vg_free(patterns->by_words);
    vg_free(patterns->by_head);
    vg_free(patterns->runs);
    vg_free(patterns);
}

/* ---- lookups ---- */

const vg_pattern *const *vg_patterns_by_head(const vg_patterns *patterns, const char *lemma, size_t *n)
{
    *n = 0;
    if (!patterns || !lemma || !patterns->runs)
        return NULL;
    for (size_t at = head_hash(lemma) & patterns->runs_mask;; at = (at + 1) & patterns->runs_mask) {
        const struct head_run *r = &patterns->runs[at];
        if (!r->head)
            return NULL;
        if (!strcmp(r->head, lemma)) {
            *n = r->count;
            return patterns->by_head + r->first;
        }
    }
}

/* Compares a pattern's words with a word list as compare_words does. */
static int compare_with(const vg_pattern *x, const char *const *words, size_t n_words)
{
    size_t n = x->n_words < n_words ? x->n_words : n_words;
    for (size_t k = 0; k < n; k++) {
        int c = strcmp(x->words[k], words[k]);
        if (c)
            return c;
    }
    return x->n_words == n_words ? 0 : x->n_words < n_words ? -1 : 1;
}

const vg_pattern *const *vg_patterns_find(const vg_patterns *patterns, const char *const *words,
                                          size_t n_words, size_t *n)
{
    *n = 0;
    if (!patterns || !words || n_words == 0)
        return NULL;
    for (size_t k = 0; k < n_words; k++)
        if (!words[k])
            return NULL;
    size_t lo = 0, hi = patterns->n_items;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (compare_with(patterns->by_words[mid], words, n_words) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < patterns->n_items && compare_with(patterns->by_words[end], words, n_words) == 0)
        end++;
    *n = end - lo;
    return *n ? patterns->by_words + lo : NULL;
}

static int is_article_word(const char *w)
{
    return w && (strcmp(w, "a") == 0 || strcmp(w, "an") == 0 || strcmp(w, "the") == 0);
}

/* Tokens pattern e spans from lemmas[i], articles skipped between its words; 0 if it does not match. */
static size_t span_of(const vg_pattern *e, const char *const *lemmas, size_t n, size_t i)
{
    size_t t = i;
    for (uint32_t k = 0; k < e->n_words; k++) {
        if (k > 0)
            while (t < n && is_article_word(lemmas[t]))
                t++;
        if (t >= n || !lemmas[t] || strcmp(lemmas[t], e->words[k]) != 0)
            return 0;
        t++;
    }
    return t - i;
}

size_t vg_patterns_match(const vg_patterns *patterns, const char *const *lemmas, size_t n, size_t i,
                         const vg_pattern **out, size_t max, size_t *n_tokens)
{
    *n_tokens = 0;
    if (!patterns || !lemmas || i >= n || !lemmas[i])
        return 0;
    /* The range of patterns whose first word is lemmas[i]. */
    size_t lo = 0, hi = patterns->n_items;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(patterns->by_words[mid]->words[0], lemmas[i]) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t best_words = 0, best_span = 0, found = 0;
    for (size_t k = lo; k < patterns->n_items && strcmp(patterns->by_words[k]->words[0], lemmas[i]) == 0; k++) {
        const vg_pattern *e = patterns->by_words[k];
        if (e->n_words < best_words)
            continue;
        size_t span = span_of(e, lemmas, n, i);
        if (!span)
            continue;
        if (e->n_words > best_words) {
            best_words = e->n_words;
            best_span = span;
            found = 0;
        }
        if (found < max)
            out[found] = e;
        found++;
    }
    *n_tokens = best_span;
    return found < max ? found : max;
}

size_t vg_patterns_count(const vg_patterns *patterns)
{
    return patterns ? patterns->n_items : 0;
}

const vg_pattern *vg_patterns_at(const vg_patterns *patterns, size_t index)
{
    return patterns && index < patterns->n_items ? &patterns->items[index] : NULL;
}
