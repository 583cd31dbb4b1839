/* CoNLL-U reader and writer; see conllu.h. */
#include "text/conllu.h"
#include "text/tagset.h"
#include "util/alloc.h"
#include "util/limits.h"
#include "util/mapfile.h"
#include <stdlib.h>
#include <string.h>

typedef struct pending {
    vg_token tokens[VG_MAX_SENTENCE_TOKENS * 4];
    struct vg_multiword multiwords[VG_MAX_SENTENCE_TOKENS];
    uint32_t n_tokens, n_multiwords;
    const char *text, *id;
} pending;

static int split_fields(char *line, char *fields[10])
{
    int n = 0;
    fields[n++] = line;
    for (char *p = line; *p; p++) {
        if (*p == '\t') {
            *p = '\0';
            if (n == 10)
                return 11;
            fields[n++] = p + 1;
        }
    }
    return n;
}

/* A head is "_" or a token id from 0 to max written in digits; anything else (negative, huge,
 * trailing junk) is refused rather than wrapped into the int16_t it is stored in. */
static int parse_head(const char *field, size_t max, int16_t *head)
{
    if (strcmp(field, "_") == 0) {
        *head = -1;
        return 0;
    }
    if (*field < '0' || *field > '9' || strlen(field) > 9)
        return -1;
    char *end;
    unsigned long value = strtoul(field, &end, 10);
    if (*end != '\0' || value > max)
        return -1;
    *head = (int16_t)value;
    return 0;
}

static const char *keep(vg_arena *arena, const char *s)
{
    if (strcmp(s, "_") == 0)
        return NULL;
    return vg_arena_strndup(arena, s, strlen(s));
}

static int flush(vg_treebank *bank, size_t *cap, pending *p)
{
    if (p->n_tokens == 0) {
        p->text = p->id = NULL;
        p->n_multiwords = 0;
        return 0;
    }
    if (bank->n_sentences == *cap) {
        size_t grown_cap = *cap ? *cap * 2 : 1024;
        vg_sentence *grown = vg_realloc(bank->sentences, grown_cap * sizeof *grown);
        if (!grown)
            return VG_ENOMEM;
        bank->sentences = grown;
        *cap = grown_cap;
    }
    vg_sentence *s = &bank->sentences[bank->n_sentences++];
    memset(s, 0, sizeof *s);
    s->tokens = vg_arena_alloc(&bank->arena, p->n_tokens * sizeof *s->tokens);
    if (!s->tokens)
        return VG_ENOMEM;
    memcpy(s->tokens, p->tokens, p->n_tokens * sizeof *s->tokens);
    s->n_tokens = p->n_tokens;
    if (p->n_multiwords) {
        s->multiwords = vg_arena_alloc(&bank->arena, p->n_multiwords * sizeof *s->multiwords);
        if (!s->multiwords)
            return VG_ENOMEM;
        memcpy(s->multiwords, p->multiwords, p->n_multiwords * sizeof *s->multiwords);
        s->n_multiwords = p->n_multiwords;
    }
    s->text = p->text;
    s->id = p->id;
    p->n_tokens = p->n_multiwords = 0;
    p->text = p->id = NULL;
    return 0;
}

int vg_treebank_read_memory(vg_treebank *bank, const char *data, size_t size, const char *name, vg_error *err)
{
    memset(bank, 0, sizeof *bank);
    vg_arena_init(&bank->arena, 1 << 20);
    const char *path = name ? name : "<memory>";
    pending *p = vg_calloc(1, sizeof *p);
    /* Each line is copied out so it can be cut into NUL-terminated fields in place; the input
     * itself is read-only and need not end in a NUL. */
    char *line = NULL;
    size_t line_cap = 0, cap = 0, lineno = 0, at = 0;
    int rc = p ? 0 : vg_error_set(err, VG_ENOMEM, "out of memory");
    while (!rc && at < size) {
        const char *nl = memchr(data + at, '\n', size - at);
        size_t len = nl ? (size_t)(nl - (data + at)) : size - at;
        if (len + 1 > line_cap) {
            size_t grown_cap = line_cap ? line_cap : 256;
            while (grown_cap < len + 1)
                grown_cap *= 2;
            char *grown = vg_realloc(line, grown_cap);
            if (!grown) {
                rc = vg_error_set(err, VG_ENOMEM, "out of memory");
                break;
            }
            line = grown;
            line_cap = grown_cap;
        }
        memcpy(line, data + at, len);
        line[len] = '\0';
        at += len + (nl != NULL);
        lineno++;
        while (len > 0 && line[len - 1] == '\r')
            line[--len] = '\0';
        if (len == 0) {
            if (flush(bank, &cap, p))
                rc = vg_error_set(err, VG_ENOMEM, "out of memory");
            continue;
        }
        if (line[0] == '#') {
            if (strncmp(line, "# text = ", 9) == 0)
                p->text = vg_arena_strndup(&bank->arena, line + 9, len - 9);
            else if (strncmp(line, "# sent_id = ", 12) == 0)
                p->id = vg_arena_strndup(&bank->arena, line + 12, len - 12);
            continue;
        }
        char *fields[10];
        if (split_fields(line, fields) != 10) {
            rc = vg_error_set(err, VG_EINVAL, "%s:%zu: expected 10 tab-separated fields", path, lineno);
            break;
        }
        if (strchr(fields[0], '.'))
            continue; /* empty node of an enhanced graph */
        char *dash = strchr(fields[0], '-');
        if (dash) {
            if (p->n_multiwords < VG_MAX_SENTENCE_TOKENS) {
                struct vg_multiword *mw = &p->multiwords[p->n_multiwords++];
                mw->first = (uint32_t)strtoul(fields[0], NULL, 10);
                mw->last = (uint32_t)strtoul(dash + 1, NULL, 10);
                mw->form = vg_arena_strndup(&bank->arena, fields[1], strlen(fields[1]));
                if (!mw->form)
                    rc = vg_error_set(err, VG_ENOMEM, "out of memory");
            }
            continue;
        }
        if (p->n_tokens >= sizeof p->tokens / sizeof *p->tokens) {
            rc = vg_error_set(err, VG_ELIMIT, "%s:%zu: sentence has more than %zu tokens", path, lineno,
                              sizeof p->tokens / sizeof *p->tokens);
            break;
        }
        unsigned long id = strtoul(fields[0], NULL, 10);
        if (id != p->n_tokens + 1) {
            rc = vg_error_set(err, VG_EINVAL, "%s:%zu: token id %s out of sequence", path, lineno, fields[0]);
            break;
        }
        vg_token *t = &p->tokens[p->n_tokens++];
        memset(t, 0, sizeof *t);
        t->form = vg_arena_strndup(&bank->arena, fields[1], strlen(fields[1]));
        t->lemma = keep(&bank->arena, fields[2]);
        if (strcmp(fields[2], "_") == 0 && strcmp(fields[1], "_") == 0)
            t->lemma = t->form;
        t->upos = (uint8_t)vg_upos_id(fields[3]);
        t->xpos = (uint8_t)vg_xpos_id(fields[4]);
        t->feats = keep(&bank->arena, fields[5]);
        if (parse_head(fields[6], sizeof p->tokens / sizeof *p->tokens, &t->head) != 0) {
            rc = vg_error_set(err, VG_EINVAL, "%s:%zu: head \"%.40s\" is not a token id", path, lineno, fields[6]);
            break;
        }
        t->deprel = (uint8_t)vg_deprel_id(fields[7]);
        t->space_after = strstr(fields[9], "SpaceAfter=No") ? 0 : 1;
        if (!t->form)
            rc = vg_error_set(err, VG_ENOMEM, "out of memory");
    }
    if (!rc && flush(bank, &cap, p))
        rc = vg_error_set(err, VG_ENOMEM, "out of memory");
    vg_free(line);
    vg_free(p);
    if (rc)
        vg_treebank_free(bank);
    return rc;
}

int vg_treebank_read(vg_treebank *bank, const char *path, vg_error *err)
{
    char *data;
    size_t size;
    memset(bank, 0, sizeof *bank);
    int rc = vg_file_read_all(path, VG_MAX_TREEBANK_BYTES, &data, &size, err);
    if (rc)
        return rc;
    rc = vg_treebank_read_memory(bank, data, size, path, err);
    vg_free(data);
    return rc;
}

void vg_treebank_free(vg_treebank *bank)
{
    vg_free(bank->sentences);
    bank->sentences = NULL;
    bank->n_sentences = 0;
    vg_arena_free(&bank->arena);
}

static const char *or_blank(const char *s) { return s && *s ? s : "_"; }

/* vg_conllu_write builds its lines here and hands them to stdio a few kilobytes at a time:
 * fprintf parsing a ten-field format for every token was 3% of `vigil parse --conllu`. */
typedef struct out_buffer {
    FILE *out;
    size_t len;
    char data[4096];
} out_buffer;

static void out_flush(out_buffer *b)
{
    fwrite(b->data, 1, b->len, b->out);
    b->len = 0;
}

static void out_bytes(out_buffer *b, const char *s, size_t n)
{
    if (b->len + n > sizeof b->data) {
        out_flush(b);
        if (n > sizeof b->data) {
            fwrite(s, 1, n, b->out);
            return;
        }
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

/* A field; a missing string is written as CoNLL-U's blank. */
static void out_field(out_buffer *b, const char *s, char after)
{
    if (!s)
        s = "_";
    out_bytes(b, s, strlen(s));
    out_bytes(b, &after, 1);
}

static void out_number(out_buffer *b, uint32_t v, char after)
{
    char digits[12];
    size_t at = sizeof digits;
    digits[--at] = after;
    do
        digits[--at] = (char)('0' + v % 10);
    while (v /= 10);
    out_bytes(b, digits + at, sizeof digits - at);
}

void vg_conllu_write(FILE *out, const vg_sentence *s)
{
    out_buffer b;
    b.out = out;
    b.len = 0;
    if (s->id) {
        out_bytes(&b, "# sent_id = ", 12);
        out_field(&b, s->id, '\n');
    }
    if (s->text) {
        out_bytes(&b, "# text = ", 9);
        out_field(&b, s->text, '\n');
    }
    uint32_t next_mw = 0;
    for (uint32_t i = 0; i < s->n_tokens; i++) {
        const vg_token *t = &s->tokens[i];
        while (next_mw < s->n_multiwords && s->multiwords[next_mw].first < i + 1)
            next_mw++;
        if (next_mw < s->n_multiwords && s->multiwords[next_mw].first == i + 1) {
            const struct vg_multiword *mw = &s->multiwords[next_mw];
            out_number(&b, mw->first, '-');
            out_number(&b, mw->last, '\t');
            out_field(&b, mw->form, '\t');
            out_bytes(&b, "_\t_\t_\t_\t_\t_\t_\t_\n", 16);
        }
        out_number(&b, i + 1, '\t');
        out_field(&b, t->form, '\t');
        out_field(&b, or_blank(t->lemma), '\t');
        out_field(&b, vg_upos_names[t->upos], '\t');
        out_field(&b, vg_xpos_names[t->xpos], '\t');
        out_field(&b, or_blank(t->feats), '\t');
        if (t->head < 0)
            out_bytes(&b, "_\t", 2);
        else
            out_number(&b, (uint32_t)t->head, '\t');
        out_field(&b, vg_deprel_names[t->deprel], '\t');
        out_bytes(&b, "_\t", 2);
        out_field(&b, t->space_after ? "_" : "SpaceAfter=No", '\n');
    }
    out_bytes(&b, "\n", 1);
    out_flush(&b);
}
