/* The dictionary loader: parses the line format of docs/formats/dictionaries.md, tokenises every
 * name the way documents are tokenised, and builds the first-token hash indexes. */
#include "code/dict_internal.h"
#include "text/segment.h"
#include "util/alloc.h"
#include "util/limits.h"
#include "util/mapfile.h"
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <utf8proc.h>

/* A name as indexed while loading; sorted, then turned into vg_dict_hit. */
typedef struct rec {
    uint64_t hash;            /* of the first token */
    const char **tokens;
    const char *text;         /* the name as written, for messages */
    const char *code;
    uint32_t entry;           /* index into dict->entries */
    uint32_t line;            /* the line the name is written on */
    uint16_t n_tokens;
    uint8_t how;
    uint8_t variant;          /* the copy without a final dot ("U.S"): never warned about */
} rec;

typedef struct recs {
    rec *items;
    size_t n, cap;
} recs;

typedef struct ptrs {
    const void **items;
    size_t n, cap;
} ptrs;

typedef struct loader {
    vg_dict *dict;
    vg_error *err;
    size_t cap_entries;
    recs actor_recs, role_recs;
    vg_dict_kind section;     /* 0 before the first [section] line */
    const char *file;         /* path of the file being read (in the arena) */
    uint32_t line;
    int in_entry;             /* entries[n_entries - 1] is still receiving fields */
    ptrs names, members, host_words;
    vg_dict_role *roles;
    size_t n_roles, cap_roles;
    vg_arena scratch;         /* the segmenter's sentences, reset after each name */
    uint32_t *members_line;   /* per entry: the line of its "members:" field (for messages) */
} loader;

static int fail(loader *ld, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int fail(loader *ld, int code, const char *fmt, ...)
{
    char what[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return vg_error_set(ld->err, code, "%s:%u: %s", ld->file, ld->line, what);
}

static int oom(loader *ld)
{
    return vg_error_set(ld->err, VG_ENOMEM, "out of memory loading dictionaries");
}

static int ptrs_push(ptrs *v, const void *p)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        const void **items = vg_realloc(v->items, cap * sizeof *items);
        if (!items)
            return VG_ENOMEM;
        v->items = items;
        v->cap = cap;
    }
    v->items[v->n++] = p;
    return 0;
}

static int recs_push(recs *v, const rec *r)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 1024;
        rec *items = vg_realloc(v->items, cap * sizeof *items);
        if (!items)
            return VG_ENOMEM;
        v->items = items;
        v->cap = cap;
    }
    v->items[v->n++] = *r;
    return 0;
}

static char *keep(loader *ld, const char *s, size_t n)
{
    return vg_arena_strndup(&ld->dict->arena, s, n);
}

/* Copies a pointer vector into the arena as the entry's final array. */
static const char *const *freeze(loader *ld, const ptrs *v)
{
    if (v->n == 0)
        return NULL;
    const char **out = vg_arena_alloc(&ld->dict->arena, v->n * sizeof *out);
    if (out)
        memcpy(out, v->items, v->n * sizeof *out);
    return out;
}

static int is_space(char c) { return c == ' ' || c == '\t'; }

static void trim(const char **s, size_t *n)
{
    while (*n && is_space(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && is_space((*s)[*n - 1]))
        (*n)--;
}

/* ---- codes and dates ---- */

static int code_ok(const char *s, size_t n)
{
    if (n < 3 || n > VG_DICT_MAX_CODE || n % 3)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return 1;
}

static int bad_code(loader *ld, const char *s, size_t n)
{
    return fail(ld, VG_EINVAL, "bad code \"%.*s\": a code is 1 to 5 blocks of three capital letters A-Z",
                (int)(n > 40 ? 40 : n), s);
}

/* A checked code, copied into the arena; *out NULL and an error on failure. */
static int take_code(loader *ld, const char *s, size_t n, const char **out)
{
    *out = NULL;
    if (!code_ok(s, n))
        return bad_code(ld, s, n);
    *out = keep(ld, s, n);
    return *out ? 0 : oom(ld);
}

static int days_in_month(int y, int m)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

static int digits(const char *s, size_t n, int *value)
{
    *value = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        *value = *value * 10 + (s[i] - '0');
    }
    return 0;
}

int vg_dict_date_parse(const char *s, size_t len, int32_t *first, int32_t *last)
{
    int y, m = 0, d = 0;
    if (len != 4 && len != 7 && len != 10)
        return VG_EINVAL;
    if (digits(s, 4, &y) || y < 1000)
        return VG_EINVAL;
    if (len >= 7 && (s[4] != '-' || digits(s + 5, 2, &m) || m < 1 || m > 12))
        return VG_EINVAL;
    if (len == 10 && (s[7] != '-' || digits(s + 8, 2, &d) || d < 1 || d > days_in_month(y, m)))
        return VG_EINVAL;
    *first = y * 10000 + (m ? m : 1) * 100 + (d ? d : 1);
    *last = y * 10000 + (m ? m : 12) * 100 + (d ? d : days_in_month(y, m ? m : 12));
    return 0;
}

/* "A..B", "A..", "..B" or "A": a coarse date counts for its whole period at either end. */
static int parse_range(loader *ld, const char *s, size_t n, int32_t *from, int32_t *to)
{
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == '.' && s[i + 1] == '.') {
            dots = s + i;
            break;
        }
    int32_t a_first = 0, a_last = 0, b_first = 0, b_last = VG_DICT_DATE_OPEN;
    int ok;
    if (!dots) {
        ok = vg_dict_date_parse(s, n, &a_first, &a_last) == 0;
        b_last = a_last;
    } else {
        size_t na = (size_t)(dots - s), nb = n - na - 2;
        ok = (na || nb) &&
             (na == 0 || vg_dict_date_parse(s, na, &a_first, &a_last) == 0) &&
             (nb == 0 || vg_dict_date_parse(dots + 2, nb, &b_first, &b_last) == 0) &&
             (na == 0 || nb == 0 || a_first <= b_last);
    }
    if (!ok)
        return fail(ld, VG_EINVAL, "bad date range \"%.*s\": expected FROM..TO with dates YYYY, "
                    "YYYY-MM or YYYY-MM-DD (either end may be left open), FROM not after TO",
                    (int)(n > 40 ? 40 : n), s);
    *from = a_first;
    *to = b_last;
    return 0;
}

/* ---- names ---- */

/* Appends s folded (’ ‘ ʼ -> ', ‐ ‑ -> -, and A-Z -> a-z when lower) to out; returns the length. */
static size_t fold_into(const char *s, size_t n, int lower, char *out)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (i + 2 < n && p[i] == 0xE2 && p[i + 1] == 0x80 &&
            (p[i + 2] == 0x98 || p[i + 2] == 0x99)) {
            out[o++] = '\'';
            i += 3;
        } else if (i + 2 < n && p[i] == 0xE2 && p[i + 1] == 0x80 &&
                   (p[i + 2] == 0x90 || p[i + 2] == 0x91)) {
            out[o++] = '-';
            i += 3;
        } else if (i + 1 < n && p[i] == 0xCA && p[i + 1] == 0xBC) {
            out[o++] = '\'';
            i += 2;
        } else {
            char c = (char)p[i++];
            out[o++] = lower && c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
        }
    }
    out[o] = '\0';
    return o;
}

/* NFC form of a name, in a vg_malloc'd buffer, so names match the normalised document text. */
static char *normalise(const char *s, size_t n, size_t *out_len)
{
    size_t cap = n + 8;
    for (;;) {
        utf8proc_int32_t *buf = vg_malloc(cap * sizeof *buf + 1);
        if (!buf)
            return NULL;
        utf8proc_ssize_t got = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
                                                  buf, (utf8proc_ssize_t)cap,
                                                  UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (got < 0) {
            vg_free(buf);
            return NULL;
        }
        if ((size_t)got <= cap) {
            utf8proc_ssize_t bytes = utf8proc_reencode(buf, got, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
            if (bytes < 0) {
                vg_free(buf);
                return NULL;
            }
            *out_len = (size_t)bytes;
            return (char *)buf;
        }
        vg_free(buf);
        cap = (size_t)got;
    }
}

static int is_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    return 1;
}

/* Splits a name into tokens exactly as vg_segment splits running text (even plain words:
 * the tokeniser splits "cannot" and "Im"). The name is followed by " and" so that a final
 * "U.S." is tokenised as inside a sentence ("U.S."), not as its end ("U.S" "."). */
static int tokenise(loader *ld, const char *s, size_t n, int lower, const char ***out, uint16_t *n_out)
{
    const char *piece[VG_MAX_DICT_NAME_TOKENS + 1];
    size_t piece_len[VG_MAX_DICT_NAME_TOKENS + 1];
    size_t count = 0;
    char *nfc = NULL;
    char text[VG_MAX_DICT_LINE_BYTES + 8];
    const char *name = s;
    size_t len = n;
    int rc = 0;
    if (!is_ascii(s, n)) { /* ASCII is already in NFC */
        nfc = normalise(s, n, &len);
        if (!nfc)
            return oom(ld);
        name = nfc;
    }
    if (len > VG_MAX_DICT_LINE_BYTES)
        len = VG_MAX_DICT_LINE_BYTES; /* NFC can grow a string a little; a line is at most this */
    memcpy(text, name, len);
    memcpy(text + len, " and", 5);
    vg_sentence *sentences;
    size_t n_sentences;
    rc = vg_segment(text, len + 4, &ld->scratch, &sentences, &n_sentences, ld->err);
    if (rc) {
        rc = rc == VG_ENOMEM ? oom(ld) : rc;
        goto out;
    }
    for (size_t k = 0; k < n_sentences; k++)
        for (uint32_t t = 0; t < sentences[k].n_tokens; t++) {
            if (count == VG_MAX_DICT_NAME_TOKENS + 1)
                goto too_long;
            piece[count] = sentences[k].tokens[t].form;
            piece_len[count++] = strlen(sentences[k].tokens[t].form);
        }
    if (count && piece_len[count - 1] == 3 && memcmp(piece[count - 1], "and", 3) == 0)
        count--; /* the " and" added above */
    if (count > VG_MAX_DICT_NAME_TOKENS)
        goto too_long;
    if (count == 0) {
        rc = fail(ld, VG_EINVAL, "empty name");
        goto out;
    }
    const char **tokens = vg_arena_alloc(&ld->dict->arena, count * sizeof *tokens);
    if (!tokens) {
        rc = oom(ld);
        goto out;
    }
    for (size_t k = 0; k < count; k++) {
        char *t = vg_arena_alloc(&ld->dict->arena, piece_len[k] + 1);
        if (!t) {
            rc = oom(ld);
            goto out;
        }
        fold_into(piece[k], piece_len[k], lower, t);
        tokens[k] = t;
    }
    *out = tokens;
    *n_out = (uint16_t)count;
    goto out;
too_long:
    rc = fail(ld, VG_ELIMIT, "name \"%.*s\" has more than %u tokens", (int)(n > 60 ? 60 : n), s,
              (unsigned)VG_MAX_DICT_NAME_TOKENS);
out:
    vg_free(nfc);
    vg_arena_reset(&ld->scratch);
    return rc;
}

/* Indexes one name of the current entry. */
static int add_name(loader *ld, const char *s, size_t n, vg_dict_how how)
{
    trim(&s, &n);
    if (n == 0)
        return fail(ld, VG_EINVAL, "empty name (two | in a row, or a | at an end)");
    int lower = ld->section == VG_DICT_ROLE;
    rec r = { 0 };
    int rc = tokenise(ld, s, n, lower, &r.tokens, &r.n_tokens);
    if (rc)
        return rc;
    vg_dict_entry *e = &ld->dict->entries[ld->dict->n_entries - 1];
    r.text = keep(ld, s, n);
    if (!r.text || ptrs_push(&ld->names, r.text))
        return oom(ld);
    r.hash = dict_token_hash(r.tokens[0], 0);
    r.code = e->code;
    if (how == VG_DICT_BY_CAPITAL) {
        char gov[VG_DICT_MAX_CODE + 4];
        snprintf(gov, sizeof gov, "%.3sGOV", e->code);
        r.code = keep(ld, gov, strlen(gov));
        if (!r.code)
            return oom(ld);
    }
    r.entry = (uint32_t)(ld->dict->n_entries - 1);
    r.line = ld->line;
    r.how = (uint8_t)how;
    recs *into = lower ? &ld->role_recs : &ld->actor_recs;
    if (recs_push(into, &r))
        return oom(ld);
    /* A sentence-final "U.S." is tokenised "U.S" "."; index the name without its last dot too. */
    const char *last = r.tokens[r.n_tokens - 1];
    size_t last_len = strlen(last);
    if (last_len > 1 && last[last_len - 1] == '.') {
        const char **tokens = vg_arena_alloc(&ld->dict->arena, r.n_tokens * sizeof *tokens);
        char *cut = keep(ld, last, last_len - 1);
        if (!tokens || !cut)
            return oom(ld);
        memcpy(tokens, r.tokens, r.n_tokens * sizeof *tokens);
        tokens[r.n_tokens - 1] = cut;
        r.tokens = tokens;
        r.variant = 1;
        if (r.n_tokens == 1)
            r.hash = dict_token_hash(cut, 0);
        if (recs_push(into, &r))
            return oom(ld);
    }
    return 0;
}

static int add_names(loader *ld, const char *s, size_t n, vg_dict_how how)
{
    for (;;) {
        const char *bar = memchr(s, '|', n);
        size_t len = bar ? (size_t)(bar - s) : n;
        int rc = add_name(ld, s, len, how);
        if (rc || !bar)
            return rc;
        s = bar + 1;
        n -= len + 1;
    }
}

/* ---- entries and fields ---- */

static int finish_entry(loader *ld)
{
    if (!ld->in_entry)
        return 0;
    ld->in_entry = 0;
    vg_dict_entry *e = &ld->dict->entries[ld->dict->n_entries - 1];
    e->names = freeze(ld, &ld->names);
    e->n_names = (uint32_t)ld->names.n;
    e->members = freeze(ld, &ld->members);
    e->n_members = (uint32_t)ld->members.n;
    e->host_words = freeze(ld, &ld->host_words);
    e->n_host_words = (uint32_t)ld->host_words.n;
    if (ld->n_roles) {
        vg_dict_role *roles = vg_arena_alloc(&ld->dict->arena, ld->n_roles * sizeof *roles);
        if (!roles)
            return oom(ld);
        memcpy(roles, ld->roles, ld->n_roles * sizeof *roles);
        e->roles = roles;
        e->n_roles = (uint32_t)ld->n_roles;
    }
    if ((ld->names.n && !e->names) || (ld->members.n && !e->members) ||
        (ld->host_words.n && !e->host_words))
        return oom(ld);
    ld->names.n = ld->members.n = ld->host_words.n = 0;
    ld->n_roles = 0;
    return 0;
}

static const char *section_name(vg_dict_kind kind)
{
    switch (kind) {
    case VG_DICT_COUNTRY: return "countries";
    case VG_DICT_ORGANISATION: return "organisations";
    case VG_DICT_GROUP: return "groups";
    case VG_DICT_PERSON: return "people";
    case VG_DICT_ROLE: return "roles";
    case VG_DICT_CODE: return "codes";
    }
    return "?";
}

static int start_section(loader *ld, const char *s, size_t n)
{
    int rc = finish_entry(ld);
    if (rc)
        return rc;
    if (n < 2 || s[n - 1] != ']')
        return fail(ld, VG_EINVAL, "bad section line: expected [countries], [organisations], "
                    "[groups], [people], [roles] or [codes]");
    const char *name = s + 1;
    size_t len = n - 2;
    for (int k = VG_DICT_COUNTRY; k <= VG_DICT_CODE; k++) {
        const char *want = section_name((vg_dict_kind)k);
        if (len == strlen(want) && memcmp(name, want, len) == 0) {
            ld->section = (vg_dict_kind)k;
            return 0;
        }
    }
    if (len == 13 && memcmp(name, "organizations", 13) == 0) {
        ld->section = VG_DICT_ORGANISATION;
        return 0;
    }
    return fail(ld, VG_EINVAL, "unknown section \"[%.*s]\"", (int)(len > 40 ? 40 : len), name);
}

static int start_entry(loader *ld, const char *s, size_t n)
{
    int rc = finish_entry(ld);
    if (rc)
        return rc;
    if (!ld->section)
        return fail(ld, VG_EINVAL, "entry before any section line such as [countries]");
    size_t code_len = 0;
    while (code_len < n && !is_space(s[code_len]))
        code_len++;
    for (size_t i = 0; i < code_len; i++)
        if (s[i] >= 'a' && s[i] <= 'z')
            return fail(ld, VG_EINVAL, "missing code: an entry line starts with its code, "
                        "as in \"IRN  Iran\"");
    const char *code;
    if ((rc = take_code(ld, s, code_len, &code)))
        return rc;
    if ((ld->section == VG_DICT_ROLE || ld->section == VG_DICT_CODE) && code_len != 3)
        return fail(ld, VG_EINVAL, "bad code \"%s\": a [%s] code is one block of three letters",
                    code, section_name(ld->section));
    const char *rest = s + code_len;
    size_t rest_len = n - code_len;
    trim(&rest, &rest_len);
    if (rest_len == 0)
        return fail(ld, VG_EINVAL, "missing name after the code \"%s\"", code);

    vg_dict *d = ld->dict;
    if (d->n_entries == ld->cap_entries) {
        size_t cap = ld->cap_entries ? ld->cap_entries * 2 : 512;
        vg_dict_entry *entries = vg_realloc(d->entries, cap * sizeof *entries);
        if (!entries)
            return oom(ld);
        d->entries = entries;
        uint32_t *lines = vg_realloc(ld->members_line, cap * sizeof *lines);
        if (!lines)
            return oom(ld);
        ld->members_line = lines;
        ld->cap_entries = cap;
    }
    vg_dict_entry *e = &d->entries[d->n_entries++];
    memset(e, 0, sizeof *e);
    e->kind = ld->section;
    e->code = code;
    e->file = ld->file;
    e->line = ld->line;
    ld->in_entry = 1;
    if (ld->section == VG_DICT_CODE) {
        e->name = keep(ld, rest, rest_len);
        if (!e->name || ptrs_push(&ld->names, e->name))
            return oom(ld);
        return 0;
    }
    const char *bar = memchr(rest, '|', rest_len);
    size_t first = bar ? (size_t)(bar - rest) : rest_len;
    if ((rc = add_name(ld, rest, first, VG_DICT_BY_NAME)))
        return rc;
    e->name = ld->names.items[0];
    if (bar && (rc = add_names(ld, bar + 1, rest_len - first - 1,
                               ld->section == VG_DICT_ROLE ? VG_DICT_BY_NAME : VG_DICT_BY_ALIAS)))
        return rc;
    return 0;
}

/* "role: RANGE CODE [title words] [host=CODE]" */
static int add_role(loader *ld, const char *s, size_t n)
{
    vg_dict_role role = { 0 };
    role.line = ld->line;
    const char *word[3];
    size_t word_len[3];
    const char *p = s, *end = s + n;
    for (int k = 0; k < 2; k++) {
        while (p < end && is_space(*p))
            p++;
        word[k] = p;
        while (p < end && !is_space(*p))
            p++;
        word_len[k] = (size_t)(p - word[k]);
    }
    if (word_len[1] == 0)
        return fail(ld, VG_EINVAL, "bad role \"%.*s\": expected \"role: FROM..TO CODE [title] [host=CODE]\"",
                    (int)(n > 60 ? 60 : n), s);
    int rc = parse_range(ld, word[0], word_len[0], &role.from, &role.to);
    if (rc || (rc = take_code(ld, word[1], word_len[1], &role.code)))
        return rc;
    const char *title = p;
    size_t title_len = (size_t)(end - p);
    trim(&title, &title_len);
    /* A last word host=CODE names where a posting abroad is: a country, or a body (IGOUNO). */
    const char *last = title + title_len;
    while (last > title && !is_space(last[-1]))
        last--;
    word[2] = last;
    word_len[2] = (size_t)(title + title_len - last);
    if (word_len[2] > 5 && memcmp(word[2], "host=", 5) == 0) {
        if ((rc = take_code(ld, word[2] + 5, word_len[2] - 5, &role.host)))
            return rc;
        title_len = (size_t)(last - title);
        trim(&title, &title_len);
    }
    role.title = keep(ld, title, title_len);
    if (!role.title)
        return oom(ld);
    if (ld->n_roles == ld->cap_roles) {
        size_t cap = ld->cap_roles ? ld->cap_roles * 2 : 8;
        vg_dict_role *roles = vg_realloc(ld->roles, cap * sizeof *roles);
        if (!roles)
            return oom(ld);
        ld->roles = roles;
        ld->cap_roles = cap;
    }
    ld->roles[ld->n_roles++] = role;
    return 0;
}

/* Space- or |-separated words; codes are checked as codes. */
static int add_words(loader *ld, const char *s, size_t n, ptrs *into, int are_codes)
{
    const char *end = s + n;
    while (s < end) {
        while (s < end && (is_space(*s) || *s == '|'))
            s++;
        const char *w = s;
        while (s < end && !is_space(*s) && *s != '|')
            s++;
        if (s == w)
            break;
        const char *copy;
        if (are_codes) {
            int rc = take_code(ld, w, (size_t)(s - w), &copy);
            if (rc)
                return rc;
        } else {
            char *lower = vg_arena_alloc(&ld->dict->arena, (size_t)(s - w) + 1);
            if (!lower)
                return oom(ld);
            fold_into(w, (size_t)(s - w), 1, lower);
            copy = lower;
        }
        if (ptrs_push(into, copy))
            return oom(ld);
    }
    return 0;
}

enum { IN_C = 1 << VG_DICT_COUNTRY, IN_O = 1 << VG_DICT_ORGANISATION, IN_G = 1 << VG_DICT_GROUP,
       IN_P = 1 << VG_DICT_PERSON, IN_R = 1 << VG_DICT_ROLE, IN_K = 1 << VG_DICT_CODE };

enum field_id { F_ALIAS, F_ADJECTIVE, F_DEMONYM, F_CAPITAL, F_MEMBERS, F_ROLE, F_HOST, F_NOTE };

static const struct field {
    const char *key;
    enum field_id id;
    unsigned sections;   /* where it may appear */
} fields[] = {
    { "alias", F_ALIAS, IN_C | IN_O | IN_G | IN_P },
    { "adjective", F_ADJECTIVE, IN_C | IN_O | IN_G },
    { "demonym", F_DEMONYM, IN_C | IN_G },
    { "capital", F_CAPITAL, IN_C },
    { "members", F_MEMBERS, IN_O },
    { "role", F_ROLE, IN_O | IN_G | IN_P },
    { "host", F_HOST, IN_R },
    { "note", F_NOTE, IN_C | IN_O | IN_G | IN_P | IN_R | IN_K },
};

static int add_field(loader *ld, const char *s, size_t n)
{
    if (!ld->in_entry)
        return fail(ld, VG_EINVAL, "indented field line outside an entry");
    size_t key_len = 0;
    while (key_len < n && s[key_len] >= 'a' && s[key_len] <= 'z')
        key_len++;
    if (key_len == 0 || key_len == n || s[key_len] != ':')
        return fail(ld, VG_EINVAL, "expected \"field: value\" on an indented line");
    const struct field *f = NULL;
    for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
        if (strlen(fields[k].key) == key_len && memcmp(fields[k].key, s, key_len) == 0)
            f = &fields[k];
    if (!f)
        return fail(ld, VG_EINVAL, "unknown field \"%.*s\"", (int)(key_len > 40 ? 40 : key_len), s);
    if (!(f->sections & (1u << ld->section)))
        return fail(ld, VG_EINVAL, "field \"%s\" is not allowed in [%s]", f->key, section_name(ld->section));
    const char *value = s + key_len + 1;
    size_t value_len = n - key_len - 1;
    trim(&value, &value_len);
    if (value_len == 0)
        return fail(ld, VG_EINVAL, "field \"%s\" is empty", f->key);
    vg_dict_entry *e = &ld->dict->entries[ld->dict->n_entries - 1];
    switch (f->id) {
    case F_ALIAS: return add_names(ld, value, value_len, VG_DICT_BY_ALIAS);
    case F_ADJECTIVE: return add_names(ld, value, value_len, VG_DICT_BY_ADJECTIVE);
    case F_DEMONYM: return add_names(ld, value, value_len, VG_DICT_BY_DEMONYM);
    case F_CAPITAL: return add_names(ld, value, value_len, VG_DICT_BY_CAPITAL);
    case F_MEMBERS:
        ld->members_line[ld->dict->n_entries - 1] = ld->line;
        return add_words(ld, value, value_len, &ld->members, 1);
    case F_ROLE: return add_role(ld, value, value_len);
    case F_HOST: return add_words(ld, value, value_len, &ld->host_words, 0);
    case F_NOTE:
        if (e->note)
            return fail(ld, VG_EINVAL, "a second \"note\" field (join them into one)");
        e->note = keep(ld, value, value_len);
        return e->note ? 0 : oom(ld);
    }
    return 0;
}

/* ---- lines and files ---- */

static int check_line(loader *ld, const char *s, size_t n)
{
    if (n > VG_MAX_DICT_LINE_BYTES)
        return fail(ld, VG_ELIMIT, "line longer than %u bytes", (unsigned)VG_MAX_DICT_LINE_BYTES);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if ((c < 0x20 && c != '\t') || c == 0x7F)
                return fail(ld, VG_EINVAL, "control character 0x%02X at column %zu", c, i + 1);
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (len <= 0)
            return fail(ld, VG_EINVAL, "invalid UTF-8 at column %zu", i + 1);
        i += (size_t)len;
    }
    return 0;
}

static int parse_line(loader *ld, const char *s, size_t n)
{
    int rc = check_line(ld, s, n);
    if (rc)
        return rc;
    const char *hash = memchr(s, '#', n);
    if (hash)
        n = (size_t)(hash - s);
    while (n && is_space(s[n - 1]))
        n--;
    size_t indent = 0;
    while (indent < n && is_space(s[indent]))
        indent++;
    if (indent == n)
        return 0;
    if (indent)
        return add_field(ld, s + indent, n - indent);
    if (s[0] == '[')
        return start_section(ld, s, n);
    return start_entry(ld, s, n);
}

static int load_file(loader *ld, const char *path)
{
    char *data;
    size_t len;
    int rc = vg_file_read_all(path, VG_MAX_DICT_FILE_BYTES, &data, &len, ld->err);
    if (rc)
        return rc;
    ld->file = keep(ld, path, strlen(path));
    if (!ld->file) {
        vg_free(data);
        return oom(ld);
    }
    ld->section = 0;
    ld->line = 0;
    size_t pos = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        pos = 3; /* a byte-order mark some editors write */
    while (pos < len && !rc) {
        ld->line++;
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - data) : len;
        size_t n = end - pos;
        if (n && data[pos + n - 1] == '\r')
            n--;
        rc = parse_line(ld, data + pos, n);
        pos = end + 1;
    }
    if (!rc)
        rc = finish_entry(ld);
    vg_free(data);
    return rc;
}

/* ---- indexes ---- */

static int compare_recs(const void *a, const void *b)
{
    const rec *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    int c = strcmp(x->tokens[0], y->tokens[0]);
    if (c)
        return c;
    if (x->n_tokens != y->n_tokens)
        return x->n_tokens > y->n_tokens ? -1 : 1;
    for (uint16_t k = 1; k < x->n_tokens; k++)
        if ((c = strcmp(x->tokens[k], y->tokens[k])))
            return c;
    if (x->entry != y->entry)
        return x->entry < y->entry ? -1 : 1;
    return (int)x->how - (int)y->how;
}

static int same_tokens(const rec *x, const rec *y)
{
    if (x->n_tokens != y->n_tokens || x->hash != y->hash)
        return 0;
    for (uint16_t k = 0; k < x->n_tokens; k++)
        if (strcmp(x->tokens[k], y->tokens[k]))
            return 0;
    return 1;
}

static int build_index(loader *ld, recs *rs, dict_index *ix)
{
    vg_dict *d = ld->dict;
    if (rs->n) /* qsort wants a valid pointer even for no items */
        qsort(rs->items, rs->n, sizeof *rs->items, compare_recs);
    ix->hits = vg_malloc((rs->n ? rs->n : 1) * sizeof *ix->hits);
    if (!ix->hits)
        return oom(ld);
    size_t n = 0, keys = 0;
    for (size_t i = 0; i < rs->n; i++) {
        const rec *r = &rs->items[i];
        /* One name may reach the same entry twice ("Singapore" as name and capital): keep the first. */
        size_t group = i;
        while (group > 0 && same_tokens(&rs->items[group - 1], r))
            group--;
        int keep_it = 1;
        for (size_t k = group; k < i && keep_it; k++)
            if (rs->items[k].entry == r->entry)
                keep_it = 0;
        if (!keep_it)
            continue;
        if (group < i && !r->variant && strcmp(rs->items[group].code, r->code) != 0) {
            const rec *first = &rs->items[group];
            const vg_dict_entry *fe = &d->entries[first->entry], *re = &d->entries[r->entry];
            vg_warn("%s:%u: warning: \"%s\" means %s here and %s (%s) at %s:%u", re->file, r->line,
                    r->text, r->code, first->code, fe->name, fe->file, first->line);
            d->n_warnings++;
        }
        if (i == 0 || rs->items[i - 1].hash != r->hash || strcmp(rs->items[i - 1].tokens[0], r->tokens[0]))
            keys++;
        vg_dict_hit *h = &ix->hits[n++];
        h->entry = &d->entries[r->entry];
        h->code = r->code;
        h->how = (vg_dict_how)r->how;
        h->n_tokens = r->n_tokens;
        h->tokens = r->tokens;
    }
    ix->n_hits = n;
    size_t size = 16;
    while (size < keys * 2)
        size *= 2;
    ix->slots = vg_calloc(size, sizeof *ix->slots);
    if (!ix->slots)
        return oom(ld);
    ix->mask = size - 1;
    for (size_t i = 0; i < n;) {
        const char *key = ix->hits[i].tokens[0];
        size_t j = i + 1;
        while (j < n && strcmp(ix->hits[j].tokens[0], key) == 0)
            j++;
        uint64_t hash = dict_token_hash(key, 0);
        size_t slot = (size_t)hash & ix->mask;
        while (ix->slots[slot].hash)
            slot = (slot + 1) & ix->mask;
        ix->slots[slot] = (dict_slot){ hash, key, (uint32_t)i, (uint32_t)(j - i) };
        i = j;
    }
    return 0;
}

static int compare_by_code(const void *a, const void *b)
{
    const vg_dict_entry *x = *(const vg_dict_entry *const *)a, *y = *(const vg_dict_entry *const *)b;
    int c = strcmp(x->code, y->code);
    if (c)
        return c;
    if (x->kind != y->kind)
        return dict_kind_rank(x->kind) - dict_kind_rank(y->kind);
    return x < y ? -1 : x > y; /* entries sit in one array in load order */
}

static int build_code_index(loader *ld)
{
    vg_dict *d = ld->dict;
    d->by_code = vg_malloc((d->n_entries ? d->n_entries : 1) * sizeof *d->by_code);
    if (!d->by_code)
        return oom(ld);
    for (size_t i = 0; i < d->n_entries; i++)
        if (d->entries[i].kind != VG_DICT_ROLE)
            d->by_code[d->n_by_code++] = &d->entries[i];
    if (d->n_by_code)
        qsort(d->by_code, d->n_by_code, sizeof *d->by_code, compare_by_code);
    return 0;
}

/* ---- cross-checks once everything is loaded ---- */

static int compare_codes(const void *a, const void *b)
{
    return memcmp(a, b, 3);
}

static int is_known(const char *codes, size_t n, const char *block)
{
    return bsearch(block, codes, n, 3, compare_codes) != NULL;
}

static int check_code(loader *ld, const vg_dict_entry *e, uint32_t line, const char *code,
                      const char *known_blocks, size_t n_known)
{
    size_t len = strlen(code);
    for (size_t b = 0; b < len && b < 6; b += 3)
        if (!is_known(known_blocks, n_known, code + b)) {
            ld->file = e->file;
            ld->line = line;
            return fail(ld, VG_EINVAL, "unknown code \"%s\": %.3s is neither a country nor a [codes] code",
                        code, code + b);
        }
    return 0;
}

/* Every code's first two blocks must be a country or a [codes] code, so a typo (ISRGVO) is
 * caught; checked only when both the countries and the codes are loaded. */
static int cross_check(loader *ld)
{
    vg_dict *d = ld->dict;
    size_t n_countries = 0, n_codes = 0;
    for (size_t i = 0; i < d->n_entries; i++) {
        if (d->entries[i].kind == VG_DICT_COUNTRY && strlen(d->entries[i].code) == 3)
            n_countries++;
        if (d->entries[i].kind == VG_DICT_CODE)
            n_codes++;
    }
    if (!n_countries || !n_codes)
        return 0;
    char *blocks = vg_malloc((n_countries + n_codes) * 3);
    char *countries = vg_malloc(n_countries * 3);
    char *codes = vg_malloc(n_codes * 3);
    int rc = 0;
    if (!blocks || !countries || !codes) {
        rc = oom(ld);
        goto out;
    }
    size_t nb = 0, nc = 0, nk = 0;
    for (size_t i = 0; i < d->n_entries; i++) {
        const vg_dict_entry *e = &d->entries[i];
        if (e->kind == VG_DICT_COUNTRY && strlen(e->code) == 3) {
            memcpy(blocks + 3 * nb++, e->code, 3);
            memcpy(countries + 3 * nc++, e->code, 3);
        } else if (e->kind == VG_DICT_CODE) {
            memcpy(blocks + 3 * nb++, e->code, 3);
            memcpy(codes + 3 * nk++, e->code, 3);
        }
    }
    qsort(blocks, nb, 3, compare_codes);
    qsort(countries, nc, 3, compare_codes);
    qsort(codes, nk, 3, compare_codes);
    for (size_t i = 0; i < d->n_entries && !rc; i++) {
        const vg_dict_entry *e = &d->entries[i];
        ld->file = e->file;
        ld->line = e->line;
        if (e->kind == VG_DICT_ROLE) {
            if (!is_known(codes, nk, e->code))
                rc = fail(ld, VG_EINVAL, "unknown role code \"%s\": not in [codes]", e->code);
            continue;
        }
        if (e->kind == VG_DICT_CODE || e->kind == VG_DICT_COUNTRY)
            continue;
        rc = check_code(ld, e, e->line, e->code, blocks, nb);
        for (uint32_t r = 0; r < e->n_roles && !rc; r++) {
            rc = check_code(ld, e, e->roles[r].line, e->roles[r].code, blocks, nb);
            if (!rc && e->roles[r].host)
                rc = check_code(ld, e, e->roles[r].line, e->roles[r].host, blocks, nb);
        }
        for (uint32_t m = 0; m < e->n_members && !rc; m++)
            if (strlen(e->members[m]) != 3 || !is_known(countries, nc, e->members[m])) {
                ld->line = ld->members_line[i];
                rc = fail(ld, VG_EINVAL, "unknown member \"%s\": not a country code", e->members[m]);
            }
    }
out:
    vg_free(blocks);
    vg_free(countries);
    vg_free(codes);
    return rc;
}

/* ---- entry points ---- */

int vg_dict_load_files(vg_dict **out, const char *const *paths, size_t n_paths, vg_error *err)
{
    *out = NULL;
    loader ld = { 0 };
    ld.err = err;
    ld.file = "(dictionary)";
    ld.dict = vg_calloc(1, sizeof *ld.dict);
    if (!ld.dict)
        return oom(&ld);
    vg_arena_init(&ld.dict->arena, 256 * 1024);
    vg_arena_init(&ld.scratch, 16 * 1024);
    int rc = 0;
    for (size_t i = 0; i < n_paths && !rc; i++)
        rc = load_file(&ld, paths[i]);
    if (!rc)
        rc = cross_check(&ld);
    if (!rc)
        rc = build_index(&ld, &ld.actor_recs, &ld.dict->actors);
    if (!rc)
        rc = build_index(&ld, &ld.role_recs, &ld.dict->roles);
    if (!rc)
        rc = build_code_index(&ld);
    vg_free(ld.actor_recs.items);
    vg_free(ld.role_recs.items);
    vg_free(ld.names.items);
    vg_free(ld.members.items);
    vg_free(ld.host_words.items);
    vg_free(ld.roles);
    vg_free(ld.members_line);
    vg_arena_free(&ld.scratch);
    if (rc) {
        vg_dict_free(ld.dict);
        return rc;
    }
    *out = ld.dict;
    return 0;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int vg_dict_load(vg_dict **out, const char *path_or_dir, vg_error *err)
{
    return vg_dict_load_with(out, path_or_dir, NULL, 0, err);
}

/* A file given with the extras, after the folder's own. */
/* The dictionary files to load, in order; each path owned. */
typedef struct path_list {
    char **paths;
    size_t n, cap;
} path_list;

/* Appends path (copied: "dir/name" when name is not NULL). Returns 0 or VG_ENOMEM in err. */
static int add_path(path_list *l, const char *path, const char *name, vg_error *err)
{
    size_t size = strlen(path) + (name ? strlen(name) + 1 : 0) + 1;
    char *copy = vg_grow(&l->paths, &l->cap, l->n, sizeof *l->paths, 16) ? NULL : vg_malloc(size);
    if (!copy)
        return vg_error_set(err, VG_ENOMEM, "out of memory loading dictionaries");
    snprintf(copy, size, name ? "%s/%s" : "%s", path, name);
    l->paths[l->n++] = copy;
    return 0;
}

/* The folder's .txt files, in name order. */
static int add_folder(path_list *l, const char *dir_path, vg_error *err)
{
    DIR *dir = opendir(dir_path);
    if (!dir)
        return vg_error_set(err, VG_EIO, "%s: cannot open the directory", dir_path);
    size_t first = l->n;
    int rc = 0;
    struct dirent *de;
    while (!rc && (de = readdir(dir)) != NULL) {
        size_t len = strlen(de->d_name);
        if (de->d_name[0] != '.' && len >= 5 && strcmp(de->d_name + len - 4, ".txt") == 0)
            rc = add_path(l, dir_path, de->d_name, err);
    }
    closedir(dir);
    if (!rc && l->n == first)
        rc = vg_error_set(err, VG_EIO, "%s: no .txt dictionary in the directory", dir_path);
    if (!rc)
        qsort(l->paths + first, l->n - first, sizeof *l->paths, compare_strings);
    return rc;
}

int vg_dict_load_with(vg_dict **out, const char *path_or_dir, const char *const *extra, size_t n_extra,
                      vg_error *err)
{
    *out = NULL;
    struct stat st;
    if (stat(path_or_dir, &st) != 0)
        return vg_error_set(err, VG_EIO, "%s: no such file or directory", path_or_dir);
    path_list l = { 0 };
    int rc = S_ISDIR(st.st_mode) ? add_folder(&l, path_or_dir, err) : add_path(&l, path_or_dir, NULL, err);
    for (size_t i = 0; !rc && i < n_extra; i++)
        rc = add_path(&l, extra[i], NULL, err);
    if (!rc)
        rc = vg_dict_load_files(out, (const char *const *)l.paths, l.n, err);
    for (size_t i = 0; i < l.n; i++)
        vg_free(l.paths[i]);
    vg_free(l.paths);
    return rc;
}
