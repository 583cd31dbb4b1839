/* Dictionary lookups: longest match of names and role words on token sequences (a hash probe
 * on the first token, then a short scan of that token's names, longest first), codes, dates. */
#include "code/dict_internal.h"
#include "util/alloc.h"
#include <string.h>

/* The next byte of s in folded form; *s advances past what it consumed. */
static inline unsigned char next_folded(const unsigned char **s, int lower)
{
    const unsigned char *p = *s;
    if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x98 || p[2] == 0x99)) {
        *s = p + 3;
        return '\'';
    }
    if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x90 || p[2] == 0x91)) {
        *s = p + 3;
        return '-';
    }
    if (p[0] == 0xCA && p[1] == 0xBC) {
        *s = p + 2;
        return '\'';
    }
    *s = p + 1;
    return lower && p[0] >= 'A' && p[0] <= 'Z' ? (unsigned char)(p[0] - 'A' + 'a') : p[0];
}

uint64_t dict_token_hash(const char *s, int lower)
{
    const unsigned char *p = (const unsigned char *)s;
    uint64_t h = 0xcbf29ce484222325ULL;
    while (*p) {
        h ^= next_folded(&p, lower);
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h ? h : 1; /* 0 marks an empty slot */
}

/* stored is already folded; input is compared through the fold. */
int dict_token_equal(const char *stored, const char *input, int lower)
{
    const unsigned char *s = (const unsigned char *)stored, *p = (const unsigned char *)input;
    while (*s && *p)
        if (*s++ != next_folded(&p, lower))
            return 0;
    return *s == 0 && *p == 0;
}

typedef const char *(*word_fn)(const void *words, size_t k);

static const char *word_of_strings(const void *words, size_t k)
{
    return ((const char *const *)words)[k];
}

static const char *form_of_token(const void *words, size_t k)
{
    return ((const vg_token *)words)[k].form;
}

static const char *lemma_of_token(const void *words, size_t k)
{
    const vg_token *t = &((const vg_token *)words)[k];
    return t->lemma ? t->lemma : t->form;
}

static size_t match_at(const dict_index *ix, word_fn word, const void *words, size_t n, size_t i,
                       int lower, vg_dict_match *m)
{
    m->n_tokens = 0;
    m->n_hits = 0;
    m->hits = NULL;
    if (!ix->slots || i >= n)
        return 0;
    const char *first = word(words, i);
    if (!first || !*first)
        return 0;
    uint64_t hash = dict_token_hash(first, lower);
    size_t slot = (size_t)hash & ix->mask;
    const dict_slot *found = NULL;
    for (; ix->slots[slot].hash; slot = (slot + 1) & ix->mask)
        if (ix->slots[slot].hash == hash && dict_token_equal(ix->slots[slot].key, first, lower)) {
            found = &ix->slots[slot];
            break;
        }
    if (!found)
        return 0;
    const vg_dict_hit *hits = ix->hits + found->start;
    for (uint32_t h = 0; h < found->count; h++) {
        uint32_t len = hits[h].n_tokens;
        if (len > n - i)
            continue;
        uint32_t k = 1;
        for (; k < len; k++) {
            const char *w = word(words, i + k);
            if (!w || !dict_token_equal(hits[h].tokens[k], w, lower))
                break;
        }
        if (k < len)
            continue;
        /* The longest match; the same name for other entries follows it. */
        uint32_t same = 1;
        while (h + same < found->count && hits[h + same].n_tokens == len) {
            uint32_t j = 1;
            while (j < len && strcmp(hits[h + same].tokens[j], hits[h].tokens[j]) == 0)
                j++;
            if (j < len)
                break;
            same++;
        }
        m->n_tokens = len;
        m->n_hits = same;
        m->hits = &hits[h];
        return len;
    }
    return 0;
}

size_t vg_dict_match_words(const vg_dict *dict, const char *const *forms, size_t n, size_t i,
                           vg_dict_match *match)
{
    return match_at(&dict->actors, word_of_strings, forms, n, i, 0, match);
}

size_t vg_dict_match_tokens(const vg_dict *dict, const vg_token *tokens, size_t n, size_t i,
                            vg_dict_match *match)
{
    return match_at(&dict->actors, form_of_token, tokens, n, i, 0, match);
}

size_t vg_dict_match_role_words(const vg_dict *dict, const char *const *lemmas, size_t n, size_t i,
                                vg_dict_match *match)
{
    return match_at(&dict->roles, word_of_strings, lemmas, n, i, 1, match);
}

size_t vg_dict_match_role_tokens(const vg_dict *dict, const vg_token *tokens, size_t n, size_t i,
                                 vg_dict_match *match)
{
    return match_at(&dict->roles, lemma_of_token, tokens, n, i, 1, match);
}

const vg_dict_entry *vg_dict_role_word(const vg_dict *dict, const char *lemma)
{
    vg_dict_match m;
    /* Only a one-word role phrase can match a single word exactly. */
    if (vg_dict_match_role_words(dict, &lemma, 1, 0, &m) != 1)
        return NULL;
    return m.hits[0].entry;
}

int dict_kind_rank(vg_dict_kind kind)
{
    switch (kind) {
    case VG_DICT_COUNTRY: return 0;
    case VG_DICT_CODE: return 1;
    case VG_DICT_ORGANISATION: return 2;
    case VG_DICT_GROUP: return 3;
    case VG_DICT_PERSON: return 4;
    case VG_DICT_ROLE: return 5;
    }
    return 6;
}

/* The first entry (in vg_dict_find_code's order) with exactly the code code[0, len), of kind
 * kind (0: any), by binary search of the code index. */
static const vg_dict_entry *find_code(const vg_dict *dict, const char *code, size_t len, vg_dict_kind kind)
{
    size_t lo = 0, hi = dict->n_by_code;
    while (lo < hi) { /* the first entry whose code is not below the key */
        size_t mid = lo + (hi - lo) / 2;
        const char *c = dict->by_code[mid]->code;
        if (strncmp(c, code, len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* Equal codes come first ("IRN" sorts before "IRNGOV"), in kind order. */
    for (size_t i = lo; i < dict->n_by_code; i++) {
        const vg_dict_entry *e = dict->by_code[i];
        if (strncmp(e->code, code, len) != 0 || e->code[len] != '\0')
            break;
        if (!kind || e->kind == kind)
            return e;
    }
    return NULL;
}

const vg_dict_entry *vg_dict_find_code(const vg_dict *dict, const char *code)
{
    return code ? find_code(dict, code, strlen(code), 0) : NULL;
}

const vg_dict_entry *vg_dict_country(const vg_dict *dict, const char *code)
{
    if (!code || strlen(code) < 3)
        return NULL;
    return find_code(dict, code, 3, VG_DICT_COUNTRY);
}

static const vg_dict_entry *find_kind(const vg_dict *dict, vg_dict_kind kind, const char *block)
{
    return find_code(dict, block, 3, kind);
}

size_t vg_dict_describe(const vg_dict *dict, const char *code, char *buf, size_t size)
{
    size_t len = 0, code_len = code ? strlen(code) : 0;
    if (size)
        buf[0] = '\0';
    for (size_t b = 0; b < code_len; b += 3) {
        char block[4] = { 0 };
        memcpy(block, code + b, code_len - b < 3 ? code_len - b : 3);
        const vg_dict_entry *e = b == 0 ? find_kind(dict, VG_DICT_COUNTRY, block) : NULL;
        if (!e)
            e = find_kind(dict, VG_DICT_CODE, block);
        const char *text = e ? e->name : block;
        const char *sep = b ? " / " : "";
        size_t need = strlen(sep) + strlen(text);
        if (size && len + need < size) {
            memcpy(buf + len, sep, strlen(sep));
            memcpy(buf + len + strlen(sep), text, strlen(text));
            buf[len + need] = '\0';
        } else if (size) {
            size = 0; /* too small: stop writing, keep counting */
        }
        len += need;
    }
    return len;
}

const char *vg_dict_code_at(const vg_dict_entry *entry, int32_t date, const vg_dict_role **role)
{
    const vg_dict_role *best = NULL;
    if (date)
        for (uint32_t r = 0; r < entry->n_roles; r++) {
            const vg_dict_role *x = &entry->roles[r];
            if (x->from <= date && date <= x->to && (!best || x->from >= best->from))
                best = x;
        }
    if (role)
        *role = best;
    return best ? best->code : entry->code;
}

size_t vg_dict_count(const vg_dict *dict, vg_dict_kind kind)
{
    if (!kind)
        return dict->n_entries;
    size_t n = 0;
    for (size_t i = 0; i < dict->n_entries; i++)
        n += dict->entries[i].kind == kind;
    return n;
}

const vg_dict_entry *vg_dict_entry_at(const vg_dict *dict, size_t index)
{
    return index < dict->n_entries ? &dict->entries[index] : NULL;
}

size_t vg_dict_warnings(const vg_dict *dict)
{
    return dict->n_warnings;
}

void vg_dict_free(vg_dict *dict)
{
    if (!dict)
        return;
    vg_free(dict->actors.hits);
    vg_free(dict->actors.slots);
    vg_free(dict->roles.hits);
    vg_free(dict->roles.slots);
    vg_free(dict->by_code);
    vg_free(dict->entries);
    vg_arena_free(&dict->arena);
    vg_free(dict);
}
