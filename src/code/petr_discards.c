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
    vg_free(d->items);
    vg_arena_free(&d->arena);
    memset(d, 0, sizeof *d);
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
            rc = vg_petr_lines_fail(&lr, err, VG_EINVAL, "empty discard phrase");
            break;
        }
        if (d->n == d->cap) {
            size_t cap = d->cap ? d->cap * 2 : 64;
            vg_petr_discard *grown = vg_realloc(d->items, cap * sizeof *grown);
            if (!grown) {
                rc = VG_ENOMEM;
                break;
            }
            d->items = grown;
            d->cap = cap;
        }
        if (!(item.text = vg_arena_strndup(&d->arena, s, strlen(s)))) {
            rc = VG_ENOMEM;
            break;
        }
        d->items[d->n++] = item;
    }
    if (rc == VG_ENOMEM)
        vg_error_set(err, rc, "%s: out of memory", path);
    vg_petr_lines_close(&lr);
    return rc < 0 ? rc : 0;
}

static int upper(int c) { return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c; }
static int is_word_char(int c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80; }

const vg_petr_discard *vg_petr_discards_find(const vg_petr_discards *d, const char *text)
{
    for (size_t k = 0; k < d->n; k++) {
        const char *want = d->items[k].text;
        size_t wn = strlen(want);
        for (const char *p = text; *p; p++) {
            if (p != text && is_word_char((unsigned char)p[-1]))
                continue; /* a discard starts at a word */
            size_t i = 0;
            while (i < wn && p[i] && upper((unsigned char)p[i]) == want[i])
                i++;
            if (i < wn)
                continue;
            if (d->items[k].whole_word && is_word_char((unsigned char)p[wn]))
                continue;
            return &d->items[k];
        }
    }
    return NULL;
}
