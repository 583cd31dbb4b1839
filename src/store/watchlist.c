/* The watchlist loader and matcher (docs/formats/watchlist.md). */
#include "store/watchlist.h"
#include "code/linereader.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/limits.h"
#include <ctype.h>
#include <fnmatch.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

typedef struct entry_build {
    vg_watch_entry entry;
    const char *items[4][VG_MAX_WATCHLIST_ITEMS]; /* names, codes, roles, hosts */
    size_t n[4];
} entry_build;

struct vg_watchlist {
    vg_arena arena;
    vg_watch_entry *entries;
    size_t n, cap;
};

const char *vg_watch_kind_name(vg_watch_kind kind)
{
    switch (kind) {
    case VG_WATCH_PERSON: return "person";
    case VG_WATCH_PLACE: return "place";
    case VG_WATCH_GROUP: return "group";
    case VG_WATCH_CLASS: return "class";
    }
    return "?";
}

static int kind_parse(const char *s, size_t len)
{
    static const char *const names[] = {"person", "place", "group", "class"};
    for (int i = 0; i < 4; i++)
        if (strlen(names[i]) == len && strncmp(s, names[i], len) == 0)
            return i + 1;
    return 0;
}

static void trim(const char **s, size_t *len)
{
    while (*len && isspace((unsigned char)**s)) {
        (*s)++;
        (*len)--;
    }
    while (*len && isspace((unsigned char)(*s)[*len - 1]))
        (*len)--;
}

/* Splits "a | b | c" (or, for codes and hosts, "A B C" too) into items. */
static int split_items(vg_watchlist *list, entry_build *b, int slot, const char *s, size_t len, int spaces,
                       const char *file, uint32_t line, vg_error *err)
{
    size_t i = 0;
    while (i <= len) {
        size_t j = i;
        while (j < len && s[j] != '|' && !(spaces && (s[j] == ' ' || s[j] == '\t')))
            j++;
        const char *item = s + i;
        size_t n = j - i;
        trim(&item, &n);
        if (n) {
            if (b->n[slot] >= VG_MAX_WATCHLIST_ITEMS)
                return vg_error_set(err, VG_ELIMIT, "%s:%u: more than %u items", file, line, VG_MAX_WATCHLIST_ITEMS);
            char *copy = vg_arena_strndup(&list->arena, item, n);
            if (!copy)
                return vg_error_set(err, VG_ENOMEM, "out of memory");
            b->items[slot][b->n[slot]++] = copy;
        } else if (!spaces && j < len) {
            return vg_error_set(err, VG_EINVAL, "%s:%u: empty item between '|'", file, line);
        }
        i = j + 1;
    }
    return 0;
}

static int valid_code_pattern(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 15)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!(isupper((unsigned char)s[i]) || s[i] == '*' || s[i] == '?'))
            return 0;
    return 1;
}

static int valid_country(const char *s)
{
    return strlen(s) == 3 && isupper((unsigned char)s[0]) && isupper((unsigned char)s[1])
           && isupper((unsigned char)s[2]);
}

/* Copies the item arrays of a finished entry into the arena and checks it is usable. */
static int finish_entry(vg_watchlist *list, entry_build *b, vg_error *err)
{
    vg_watch_entry *e = &b->entry;
    if (e->kind != VG_WATCH_PERSON && b->n[1] == 0)
        return vg_error_set(err, VG_EINVAL, "%s:%u: a %s needs a 'codes:' line (a person may be matched by name alone)",
                            e->file, e->line, vg_watch_kind_name(e->kind));
    const char **arrays[4];
    for (int s = 0; s < 4; s++) {
        arrays[s] = NULL;
        if (!b->n[s])
            continue;
        arrays[s] = vg_arena_alloc(&list->arena, b->n[s] * sizeof *arrays[s]);
        if (!arrays[s])
            return vg_error_set(err, VG_ENOMEM, "out of memory");
        memcpy(arrays[s], b->items[s], b->n[s] * sizeof *arrays[s]);
    }
    e->names = arrays[0];
    e->n_names = b->n[0];
    e->name = e->names[0];
    e->codes = arrays[1];
    e->n_codes = b->n[1];
    e->roles = arrays[2];
    e->n_roles = b->n[2];
    e->hosts = arrays[3];
    e->n_hosts = b->n[3];
    if (list->n == list->cap) {
        size_t cap = list->cap ? 2 * list->cap : 16;
        vg_watch_entry *grown = vg_realloc(list->entries, cap * sizeof *grown);
        if (!grown)
            return vg_error_set(err, VG_ENOMEM, "out of memory");
        list->entries = grown;
        list->cap = cap;
    }
    for (size_t i = 0; i < list->n; i++)
        if (strcmp(list->entries[i].name, e->name) == 0)
            return vg_error_set(err, VG_EINVAL, "%s:%u: '%s' is already on the watchlist (line %u)", e->file, e->line,
                                e->name, list->entries[i].line);
    list->entries[list->n++] = *e;
    return 0;
}

static int parse(vg_watchlist *list, const char *path, vg_linereader *lines, vg_error *err)
{
    const char *file = vg_arena_strndup(&list->arena, path, strlen(path));
    if (!file)
        return vg_error_set(err, VG_ENOMEM, "out of memory");
    entry_build *b = vg_calloc(1, sizeof *b);
    if (!b)
        return vg_error_set(err, VG_ENOMEM, "out of memory");
    int open = 0, rc = 0;
    char *start;
    size_t len;
    /* Lines are read raw: a watchlist may hold any bytes but NUL. */
    while (!rc && (rc = vg_linereader_next_raw(lines, VG_MAX_WATCHLIST_LINE_BYTES, &start, &len, err)) == 1) {
        rc = 0;
        uint32_t line = lines->line;
        if (memchr(start, '\0', len)) {
            rc = vg_error_set(err, VG_EINVAL, "%s:%u: NUL byte", file, line);
            break;
        }
        const char *hash = memchr(start, '#', len);
        if (hash)
            len = (size_t)(hash - start);
        const char *s = start;
        size_t n = len;
        int indented = n && (s[0] == ' ' || s[0] == '\t');
        trim(&s, &n);
        if (n == 0)
            continue;
        if (!indented) {
            /* An entry line: KIND  Name | alias | ... */
            if (open && (rc = finish_entry(list, b, err)))
                break;
            memset(b, 0, sizeof *b);
            open = 0;
            size_t k = 0;
            while (k < n && !isspace((unsigned char)s[k]))
                k++;
            int kind = kind_parse(s, k);
            if (!kind) {
                rc = vg_error_set(err, VG_EINVAL,
                                  "%s:%u: an entry begins with person, place, group or class, not '%.*s'", file, line,
                                  (int)(k < 40 ? k : 40), s);
                break;
            }
            if (k == n) {
                rc = vg_error_set(err, VG_EINVAL, "%s:%u: %.*s without a name", file, line, (int)k, s);
                break;
            }
            b->entry.kind = (vg_watch_kind)kind;
            b->entry.file = file;
            b->entry.line = line;
            if ((rc = split_items(list, b, 0, s + k, n - k, 0, file, line, err)))
                break;
            if (!b->n[0]) {
                rc = vg_error_set(err, VG_EINVAL, "%s:%u: entry without a name", file, line);
                break;
            }
            open = 1;
            continue;
        }
        /* A field: key: value */
        if (!open) {
            rc = vg_error_set(err, VG_EINVAL, "%s:%u: a field before the first entry", file, line);
            break;
        }
        const char *colon = memchr(s, ':', n);
        if (!colon) {
            rc = vg_error_set(err, VG_EINVAL, "%s:%u: a field is 'key: value'", file, line);
            break;
        }
        size_t klen = (size_t)(colon - s);
        const char *value = colon + 1;
        size_t vlen = n - klen - 1;
        trim(&value, &vlen);
        if (vlen == 0) {
            rc = vg_error_set(err, VG_EINVAL, "%s:%u: '%.*s:' has no value", file, line, (int)klen, s);
            break;
        }
        size_t before[4] = {b->n[0], b->n[1], b->n[2], b->n[3]};
        if (klen == 5 && !strncmp(s, "codes", 5)) {
            if ((rc = split_items(list, b, 1, value, vlen, 1, file, line, err)))
                break;
            for (size_t i = before[1]; i < b->n[1] && !rc; i++)
                if (!valid_code_pattern(b->items[1][i]))
                    rc = vg_error_set(err, VG_EINVAL,
                                      "%s:%u: '%s' is not an actor-code pattern (capital letters, * and ?)", file,
                                      line, b->items[1][i]);
        } else if (klen == 5 && !strncmp(s, "roles", 5)) {
            rc = split_items(list, b, 2, value, vlen, 0, file, line, err);
        } else if (klen == 7 && !strncmp(s, "aliases", 7)) {
            rc = split_items(list, b, 0, value, vlen, 0, file, line, err);
        } else if (klen == 4 && !strncmp(s, "host", 4)) {
            if ((rc = split_items(list, b, 3, value, vlen, 1, file, line, err)))
                break;
            for (size_t i = before[3]; i < b->n[3] && !rc; i++)
                if (!valid_country(b->items[3][i]))
                    rc = vg_error_set(err, VG_EINVAL, "%s:%u: '%s' is not a three-letter country code", file, line,
                                      b->items[3][i]);
        } else if (klen == 4 && !strncmp(s, "note", 4)) {
            if (!(b->entry.note = vg_arena_strndup(&list->arena, value, vlen)))
                rc = vg_error_set(err, VG_ENOMEM, "out of memory");
        } else {
            rc = vg_error_set(err, VG_EINVAL, "%s:%u: unknown field '%.*s' (codes, roles, aliases, host, note)", file,
                              line, (int)(klen < 40 ? klen : 40), s);
        }
    }
    if (!rc && open)
        rc = finish_entry(list, b, err);
    if (!rc && list->n == 0)
        rc = vg_error_set(err, VG_EINVAL, "%s: no entries", file);
    vg_free(b);
    return rc;
}

int vg_watchlist_load(vg_watchlist **out, const char *path, vg_error *err)
{
    *out = NULL;
    vg_linereader lines;
    int rc = vg_linereader_open(&lines, path, VG_MAX_WATCHLIST_BYTES, err);
    if (rc)
        return rc;
    vg_watchlist *list = vg_calloc(1, sizeof *list);
    if (!list) {
        vg_linereader_close(&lines);
        return vg_error_set(err, VG_ENOMEM, "out of memory");
    }
    vg_arena_init(&list->arena, 16384);
    rc = parse(list, path, &lines, err);
    vg_linereader_close(&lines);
    if (rc) {
        vg_watchlist_free(list);
        return rc;
    }
    *out = list;
    return 0;
}

void vg_watchlist_free(vg_watchlist *list)
{
    if (!list)
        return;
    vg_arena_free(&list->arena);
    vg_free(list->entries);
    vg_free(list);
}

size_t vg_watchlist_count(const vg_watchlist *list)
{
    return list->n;
}

const vg_watch_entry *vg_watchlist_at(const vg_watchlist *list, size_t index)
{
    return index < list->n ? &list->entries[index] : NULL;
}

/* Whether words (case-insensitive, whole words) occurs in text; a role word also matches its
 * plural with -s ("embassy" does not match "embassies": list both). */
static int contains_words(const char *text, const char *words, int allow_plural)
{
    if (!text || !*text)
        return 0;
    size_t n = strlen(words), len = strlen(text);
    for (size_t i = 0; i + n <= len; i++) {
        if (i > 0 && isalnum((unsigned char)text[i - 1]))
            continue;
        if (strncasecmp(text + i, words, n) != 0)
            continue;
        size_t end = i + n;
        if (end == len || !isalnum((unsigned char)text[end]))
            return 1;
        if (allow_plural && (text[end] == 's' || text[end] == 'S')
            && (end + 1 == len || !isalnum((unsigned char)text[end + 1])))
            return 1;
    }
    return 0;
}

int vg_watch_matches(const vg_watch_entry *e, const char *code, const char *name, const char *text,
                     const char *host)
{
    /* By name or alias: the canonical name equals one, or the words contain one. */
    for (size_t i = 0; i < e->n_names; i++) {
        if (name && *name && strcasecmp(name, e->names[i]) == 0)
            return 1;
        if (contains_words(text, e->names[i], 0))
            return 1;
    }
    if (e->kind == VG_WATCH_PERSON && e->n_roles == 0)
        return 0; /* a person is matched by name: a code alone names many people */
    if (!code || !*code || e->n_codes == 0)
        return 0;
    int code_ok = 0;
    for (size_t i = 0; i < e->n_codes && !code_ok; i++)
        code_ok = fnmatch(e->codes[i], code, 0) == 0;
    if (!code_ok)
        return 0;
    if (e->n_hosts) {
        int host_ok = 0;
        for (size_t i = 0; i < e->n_hosts && !host_ok; i++)
            host_ok = host && strcmp(host, e->hosts[i]) == 0;
        if (!host_ok)
            return 0;
    }
    if (e->n_roles == 0)
        return 1;
    for (size_t i = 0; i < e->n_roles; i++)
        if (contains_words(text, e->roles[i], 1) || contains_words(name, e->roles[i], 1))
            return 1;
    return 0;
}
