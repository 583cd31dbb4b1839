/* PETRARCH dictionary lines and the phrase index (see petr_lines.h). */
#include "code/petr_lines.h"
#include "util/alloc.h"
#include "util/hash.h"
#include <stdio.h>
#include <string.h>

int vg_petr_lines_open(vg_petr_lines *lr, const char *path, vg_error *err)
{
    lr->in_comment = 0;
    return vg_linereader_open(&lr->lines, path, VG_MAX_PETR_FILE_BYTES, err);
}

void vg_petr_lines_close(vg_petr_lines *lr)
{
    vg_linereader_close(&lr->lines);
}

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Cuts the comments out of one line (in place); keeps in_comment across lines. */
static void cut_comments(vg_petr_lines *lr, char *s)
{
    char *out = s;
    int brackets = 0;
    for (char *p = s; *p;) {
        if (lr->in_comment) {
            char *end = strstr(p, "-->");
            if (!end)
                break;
            lr->in_comment = 0;
            p = end + 3;
            continue;
        }
        if (p[0] == '<' && p[1] == '!') { /* "<!--", and the "<! --" some files have */
            lr->in_comment = 1;
            p += 2;
            continue;
        }
        if (*p == '[')
            brackets++;
        else if (*p == ']' && brackets > 0)
            brackets--;
        /* "#" starts a comment, except inside a [code] ("[###]" is a code); ";" is the
         * legacy KEDS/TABARI comment, when it starts a word. */
        if (!brackets && (*p == '#' || (*p == ';' && (p == s || is_blank(p[-1]) || p[-1] == '}' || p[-1] == ']'))))
            break;
        *out++ = *p++;
    }
    *out = '\0';
}

int vg_petr_lines_next(vg_petr_lines *lr, char **s, int *indent, vg_error *err)
{
    char *line;
    size_t n;
    int rc;
    while ((rc = vg_linereader_next_raw(&lr->lines, VG_MAX_PETR_LINE_BYTES, &line, &n, err)) == 1) {
        /* a stray control character (the Phoenix actors have two ^Z) is read as a blank */
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)line[i];
            if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7F) {
                vg_warn("%s:%u: control character 0x%02X at column %zu read as a blank", lr->lines.path,
                        (unsigned)lr->lines.line, c, i + 1);
                line[i] = ' ';
            }
        }
        cut_comments(lr, line);
        size_t len = strlen(line);
        while (len && is_blank(line[len - 1]))
            line[--len] = '\0';
        char *start = line;
        while (is_blank(*start))
            start++;
        if (!*start)
            continue;
        *indent = start != line;
        *s = start;
        return 1;
    }
    return rc;
}

void vg_petr_normalise(char *s)
{
    for (; *s; s++) {
        if (*s >= 'a' && *s <= 'z')
            *s = (char)(*s - 'a' + 'A');
        else if (*s == '_')
            *s = ' ';
    }
}

int vg_petr_split(char *s, char **words, int max)
{
    int n = 0;
    while (*s) {
        while (is_blank(*s))
            s++;
        if (!*s)
            break;
        if (n == max)
            return -1;
        words[n++] = s;
        while (*s && !is_blank(*s))
            s++;
        if (*s)
            *s++ = '\0';
    }
    return n;
}

void vg_petr_index_init(vg_petr_index *index)
{
    memset(index, 0, sizeof *index);
    vg_arena_init(&index->arena, 0);
}

void vg_petr_index_free(vg_petr_index *index)
{
    vg_arena_free(&index->arena);
    vg_free(index->phrases);
    vg_free(index->slots);
    vg_free(index->next);
    memset(index, 0, sizeof *index);
}

static size_t slot_of(const vg_petr_index *index, const char *word)
{
    size_t mask = index->n_slots - 1;
    size_t i = (size_t)vg_hash_bytes(word, strlen(word), 17) & mask;
    while (index->slots[i] >= 0 && strcmp(index->phrases[index->slots[i]].words[0], word) != 0)
        i = (i + 1) & mask;
    return i;
}

static int grow_slots(vg_petr_index *index)
{
    size_t n = index->n_slots ? index->n_slots * 2 : 1024;
    int32_t *old = index->slots;
    size_t old_n = index->n_slots;
    index->slots = vg_malloc(n * sizeof *index->slots);
    if (!index->slots) {
        index->slots = old;
        return VG_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        index->slots[i] = -1;
    index->n_slots = n;
    for (size_t i = 0; i < old_n; i++)
        if (old[i] >= 0)
            index->slots[slot_of(index, index->phrases[old[i]].words[0])] = old[i];
    vg_free(old);
    return 0;
}

int vg_petr_index_add(vg_petr_index *index, const char *const *words, size_t n, int32_t value)
{
    if (n == 0)
        return 0;
    if (index->n_phrases == index->cap_phrases) {
        size_t cap = index->cap_phrases ? index->cap_phrases * 2 : 256;
        vg_petr_phrase *p = vg_realloc(index->phrases, cap * sizeof *p);
        if (!p)
            return VG_ENOMEM;
        index->phrases = p;
        int32_t *nx = vg_realloc(index->next, cap * sizeof *nx);
        if (!nx)
            return VG_ENOMEM;
        index->next = nx;
        index->cap_phrases = cap;
    }
    if ((index->n_phrases + 1) * 2 > index->n_slots && grow_slots(index))
        return VG_ENOMEM;
    const char **copy = vg_arena_alloc(&index->arena, n * sizeof *copy);
    if (!copy)
        return VG_ENOMEM;
    for (size_t i = 0; i < n; i++)
        if (!(copy[i] = vg_arena_strndup(&index->arena, words[i], strlen(words[i]))))
            return VG_ENOMEM;
    int32_t id = (int32_t)index->n_phrases++;
    index->phrases[id] = (vg_petr_phrase){copy, (uint32_t)n, value};
    index->next[id] = -1;
    size_t slot = slot_of(index, copy[0]);
    if (index->slots[slot] < 0) {
        index->slots[slot] = id;
    } else { /* append, so the first added stays first */
        int32_t k = index->slots[slot];
        while (index->next[k] >= 0)
            k = index->next[k];
        index->next[k] = id;
    }
    return 0;
}

static int32_t chain(const vg_petr_index *index, const char *word)
{
    if (!index->n_slots || !word)
        return -1;
    return index->slots[slot_of(index, word)];
}

static int matches(const vg_petr_phrase *p, const char *const *words, size_t n, size_t at)
{
    if (at + p->n_words > n)
        return 0;
    for (uint32_t i = 0; i < p->n_words; i++)
        if (!words[at + i] || strcmp(p->words[i], words[at + i]) != 0)
            return 0;
    return 1;
}

size_t vg_petr_index_longest(const vg_petr_index *index, const char *const *words, size_t n, size_t at,
                             int32_t *value)
{
    size_t best = 0;
    for (int32_t k = at < n ? chain(index, words[at]) : -1; k >= 0; k = index->next[k]) {
        const vg_petr_phrase *p = &index->phrases[k];
        if (p->n_words > best && matches(p, words, n, at)) {
            best = p->n_words;
            *value = p->value;
        }
    }
    return best;
}

void vg_petr_index_each(const vg_petr_index *index, const char *const *words, size_t n, size_t at,
                        int (*fn)(void *ctx, const vg_petr_phrase *phrase), void *ctx)
{
    for (int32_t k = at < n ? chain(index, words[at]) : -1; k >= 0; k = index->next[k])
        if (matches(&index->phrases[k], words, n, at) && fn(ctx, &index->phrases[k]))
            return;
}

void vg_petr_plural(const char *word, char *out, size_t cap)
{
    size_t n = strlen(word);
    const char *suffix = "S";
    size_t keep = n;
    if (n >= 2 && word[n - 1] == 'Y' && !strchr("AEIOU", word[n - 2])) {
        keep = n - 1;
        suffix = "IES";
    } else if ((n >= 2 && (!strcmp(word + n - 2, "SS") || !strcmp(word + n - 2, "SH") ||
                           !strcmp(word + n - 2, "CH"))) || (n && (word[n - 1] == 'X' || word[n - 1] == 'Z'))) {
        suffix = "ES";
    }
    snprintf(out, cap, "%.*s%s", (int)keep, word, suffix);
}
