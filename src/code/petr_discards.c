/* Loader and matcher of PETRARCH discard lists (see petr_discards.h). */
#include "code/petr_discards.h"
#include "util/alloc.h"
#include <string.h>

void vg_petr_discards_init(vg_petr_discards *d)
{
    memset(d, 0, sizeof *d);
    vg_arena_init(&d->arena, 0);
}

void vg_petr_discards_free(vg_petr_discards *d)
{
    vg_free(d->order);
    vg_free(d->items);
    vg_arena_free(&d->arena);
    memset(d, 0, sizeof *d);
}

/* Counting sort of the items by first byte (file order kept within a bucket). */
static int index_by_first_byte(vg_petr_discards *d)
{
    uint32_t *order = vg_realloc(d->order, (d->n ? d->n : 1) * sizeof *order);
    if (!order)
        return VG_ENOMEM;
    d->order = order;
    memset(d->bucket, 0, sizeof d->bucket);
    for (size_t i = 0; i < d->n; i++)
        d->bucket[(unsigned char)d->items[i].text[0] + 1]++;
    for (int b = 0; b < 256; b++)
        d->bucket[b + 1] += d->bucket[b];
    uint32_t next[256];
    memcpy(next, d->bucket, sizeof next);
    for (size_t i = 0; i < d->n; i++)
        order[next[(unsigned char)d->items[i].text[0]]++] = (uint32_t)i;
    return 0;
}

int vg_petr_discards_load(vg_petr_discards *d, const char *path, vg_error *err)
{
    vg_petr_lines lr;
    int rc = vg_petr_lines_open(&lr, path, err);
    if (rc)
        return rc;
    char *s;
    int indent;
    while ((rc = vg_petr_lines_next(&lr, &s, &indent, err)) == 1) {
        vg_petr_discard item = {NULL, 0, 0};
        if (*s == '+') {
            item.story = 1;
            s++;
        }
        size_t n = strlen(s);
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
            n--;
        if (n && s[n - 1] == '_') {
            item.whole_word = 1;
            n--;
        }
        s[n] = '\0';
        vg_petr_normalise(s);
        /* single blanks, so the text compares with a sentence's words */
        char *out = s;
        for (char *p = s; *p; p++)
            if (!((*p == ' ' || *p == '\t') && (out == s || out[-1] == ' ')))
                *out++ = *p == '\t' ? ' ' : *p;
        while (out > s && out[-1] == ' ')
            out--;
        *out = '\0';
        if (!*s) {
            rc = vg_linereader_fail(&lr.lines, err, VG_EINVAL, "empty discard phrase");
            break;
        }
        if (vg_grow(&d->items, &d->cap, d->n, sizeof *d->items, 64)) {
            rc = VG_ENOMEM;
            break;
        }
        if (!(item.text = vg_arena_strndup(&d->arena, s, strlen(s)))) {
            rc = VG_ENOMEM;
            break;
        }
        d->items[d->n++] = item;
    }
    vg_petr_lines_close(&lr);
    if (rc >= 0 && (rc = index_by_first_byte(d)) == 0)
        return 0;
    if (rc == VG_ENOMEM)
        vg_error_set(err, rc, "%s: out of memory", path);
    return rc;
}

static int upper(int c) { return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c; }
static int is_word_char(int c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80; }

const vg_petr_discard *vg_petr_discards_find(const vg_petr_discards *d, const char *text)
{
    if (!d->order)
        return NULL;
    const vg_petr_discard *first = NULL;
    for (const char *p = text; *p; p++) {
        if (p != text && is_word_char((unsigned char)p[-1]))
            continue; /* a discard starts at a word */
        int b = upper((unsigned char)*p);
        for (uint32_t k = d->bucket[b]; k < d->bucket[b + 1]; k++) {
            const vg_petr_discard *item = &d->items[d->order[k]];
            if (first && item >= first)
                break; /* the earliest in the file wins, as without the buckets */
            const char *want = item->text;
            size_t wn = strlen(want), i = 0;
            while (i < wn && p[i] && upper((unsigned char)p[i]) == want[i])
                i++;
            if (i < wn || (item->whole_word && is_word_char((unsigned char)p[wn])))
                continue;
            first = item;
            break;
        }
    }
    return first;
}
