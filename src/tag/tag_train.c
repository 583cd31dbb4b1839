/* Training the tagger (an averaged perceptron over both passes, best pass chosen on dev) and
 * the lemmatizer (lexicon and suffix rules counted from the treebank); writing the model. */
#include "tag/tagger.h"
#include "tag/tag_internal.h"
#include "text/tagset.h"
#include "util/alloc.h"
#include "util/hash.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DEFAULT_ITERATIONS 12
#define DICTIONARY_FOLDS 10
/* Longer training sentences (none in UD treebanks) are left out. */
#define TRAIN_MAX_TOKENS 4096

/* ---- Weights during training ------------------------------------------------------------ */

/* One class's weight of one feature, averaged lazily: `total` holds the sum of the weight
 * over all steps up to `stamp`. */
typedef struct train_weight {
    double total;
    float w;
    uint32_t stamp;
    uint32_t cls;
} train_weight;

typedef struct train_feature {
    uint64_t key;
    train_weight *w;
    uint32_t n, cap;
} train_feature;

typedef struct weights {
    train_feature *features;
    size_t n, cap;
    uint32_t *slots;          /* feature index + 1; 0 = empty */
    size_t mask;
    uint32_t step;
} weights;

static int weights_init(weights *ws)
{
    memset(ws, 0, sizeof *ws);
    ws->mask = (1u << 20) - 1;
    ws->slots = vg_calloc(ws->mask + 1, sizeof *ws->slots);
    return ws->slots ? 0 : VG_ENOMEM;
}

static void weights_free(weights *ws)
{
    for (size_t i = 0; i < ws->n; i++)
        vg_free(ws->features[i].w);
    vg_free(ws->features);
    vg_free(ws->slots);
}

static train_feature *weights_find(const weights *ws, uint64_t key)
{
    for (size_t s = key & ws->mask;; s = (s + 1) & ws->mask) {
        uint32_t f = ws->slots[s];
        if (!f)
            return NULL;
        if (ws->features[f - 1].key == key)
            return &ws->features[f - 1];
    }
}

static int weights_grow(weights *ws)
{
    size_t mask = ws->mask * 2 + 1;
    uint32_t *slots = vg_calloc(mask + 1, sizeof *slots);
    if (!slots)
        return VG_ENOMEM;
    for (size_t i = 0; i < ws->n; i++) {
        size_t s = ws->features[i].key & mask;
        while (slots[s])
            s = (s + 1) & mask;
        slots[s] = (uint32_t)i + 1;
    }
    vg_free(ws->slots);
    ws->slots = slots;
    ws->mask = mask;
    return 0;
}

static train_feature *weights_add(weights *ws, uint64_t key)
{
    train_feature *f = weights_find(ws, key);
    if (f)
        return f;
    if ((ws->n + 1) * 2 > ws->mask && weights_grow(ws))
        return NULL;
    if (ws->n == ws->cap) {
        size_t cap = ws->cap ? ws->cap * 2 : 65536;
        train_feature *grown = vg_realloc(ws->features, cap * sizeof *grown);
        if (!grown)
            return NULL;
        ws->features = grown;
        ws->cap = cap;
    }
    size_t s = key & ws->mask;
    while (ws->slots[s])
        s = (s + 1) & ws->mask;
    ws->slots[s] = (uint32_t)ws->n + 1;
    f = &ws->features[ws->n++];
    memset(f, 0, sizeof *f);
    f->key = key;
    return f;
}

static int weight_update(weights *ws, uint64_t key, uint32_t cls, float delta)
{
    train_feature *f = weights_add(ws, key);
    if (!f)
        return VG_ENOMEM;
    train_weight *w = NULL;
    for (uint32_t j = 0; j < f->n; j++)
        if (f->w[j].cls == cls) {
            w = &f->w[j];
            break;
        }
    if (!w) {
        if (f->n == f->cap) {
            uint32_t cap = f->cap ? f->cap * 2 : 2;
            train_weight *grown = vg_realloc(f->w, cap * sizeof *grown);
            if (!grown)
                return VG_ENOMEM;
            f->w = grown;
            f->cap = cap;
        }
        w = &f->w[f->n++];
        memset(w, 0, sizeof *w);
        w->cls = cls;
        w->stamp = ws->step;
    }
    w->total += (double)w->w * (ws->step - w->stamp);
    w->stamp = ws->step;
    w->w += delta;
    return 0;
}

static void weights_score(const weights *ws, float *scores, const uint64_t *keys, int n_keys)
{
    for (int k = 0; k < n_keys; k++) {
        const train_feature *f = weights_find(ws, keys[k]);
        if (f)
            for (uint32_t j = 0; j < f->n; j++)
                scores[f->w[j].cls] += f->w[j].w;
    }
}

static double weight_average(const weights *ws, const train_weight *w)
{
    if (ws->step == 0)
        return w->w;
    return (w->total + (double)w->w * (ws->step - w->stamp)) / ws->step;
}

/* ---- Lemmatizer data -------------------------------------------------------------------- */

typedef struct lemma_triple {
    const char *form, *lemma;
    unsigned xpos;
} lemma_triple;

static int triple_cmp(const void *a, const void *b)
{
    const lemma_triple *x = a, *y = b;
    int c = strcmp(x->form, y->form);
    if (c)
        return c;
    if (x->xpos != y->xpos)
        return x->xpos < y->xpos ? -1 : 1;
    return strcmp(x->lemma, y->lemma);
}

#define RULE_APPEND_MAX 24
typedef struct rule_record {
    char suffix[TAG_RULE_MAX_SUFFIX + 1];
    char append[RULE_APPEND_MAX];
    uint8_t xpos, suffix_bytes, strip;
} rule_record;

static int rule_record_cmp(const void *a, const void *b)
{
    const rule_record *x = a, *y = b;
    if (x->xpos != y->xpos)
        return x->xpos < y->xpos ? -1 : 1;
    if (x->suffix_bytes != y->suffix_bytes)
        return x->suffix_bytes < y->suffix_bytes ? -1 : 1;
    int c = memcmp(x->suffix, y->suffix, x->suffix_bytes);
    if (c)
        return c;
    if (x->strip != y->strip)
        return x->strip < y->strip ? -1 : 1;
    return strcmp(x->append, y->append);
}

typedef struct lexicon_entry {
    const char *form, *lemma;
    unsigned xpos;
} lexicon_entry;

typedef struct rule_choice {
    char suffix[TAG_RULE_MAX_SUFFIX + 1];
    uint8_t xpos, suffix_bytes;
    uint32_t rule;
} rule_choice;

typedef struct rule_text {
    uint32_t strip;
    char append[RULE_APPEND_MAX];
} rule_text;

typedef struct lemma_data {
    uint64_t case_keeping;     /* XPOS whose lemmas keep the form's case */
    lexicon_entry *lexicon;
    size_t n_lexicon;
    rule_choice *choices;
    size_t n_choices;
    rule_text *rules;
    size_t n_rules;
    lemma_triple *triples;     /* owns the arrays the entries point into */
} lemma_data;

static void lemma_data_free(lemma_data *d)
{
    vg_free(d->lexicon);
    vg_free(d->choices);
    vg_free(d->rules);
    vg_free(d->triples);
}


static int rule_index(lemma_data *d, uint32_t strip, const char *append)
{
    for (size_t r = 0; r < d->n_rules; r++)
        if (d->rules[r].strip == strip && strcmp(d->rules[r].append, append) == 0)
            return (int)r;
    if (d->n_rules + 1 >= UINT16_MAX)
        return -1;
    rule_text *grown = vg_realloc(d->rules, (d->n_rules + 1) * sizeof *grown);
    if (!grown)
        return -1;
    d->rules = grown;
    d->rules[d->n_rules].strip = strip;
    snprintf(d->rules[d->n_rules].append, RULE_APPEND_MAX, "%s", append);
    return (int)d->n_rules++;
}

/* Counts the lexicon (most frequent lemma of each (form, xpos)) and the suffix rules. The
 * rules are learned from word types seen at most `rare` times, since unseen words resemble
 * rare words more than frequent ones (which are mostly irregular). */
static int lemma_learn(lemma_data *d, const vg_treebank *bank, int rare, int min_count)
{
    memset(d, 0, sizeof *d);
    size_t n = 0;
    for (size_t s = 0; s < bank->n_sentences; s++)
        n += bank->sentences[s].n_tokens;
    d->triples = vg_malloc((n ? n : 1) * sizeof *d->triples);
    d->lexicon = vg_malloc((n ? n : 1) * sizeof *d->lexicon);
    rule_record *records = vg_malloc((n ? n : 1) * (TAG_RULE_MAX_SUFFIX + 1) * sizeof *records);
    if (!d->triples || !d->lexicon || !records) {
        vg_free(records);
        return VG_ENOMEM;
    }
    size_t m = 0;
    for (size_t s = 0; s < bank->n_sentences; s++)
        for (uint32_t i = 0; i < bank->sentences[s].n_tokens; i++) {
            const vg_token *t = &bank->sentences[s].tokens[i];
            if (!t->form || !t->lemma || !t->xpos || strcmp(t->lemma, "_") == 0)
                continue;
            d->triples[m].form = t->form;
            d->triples[m].lemma = t->lemma;
            d->triples[m].xpos = t->xpos;
            m++;
        }
    qsort(d->triples, m, sizeof *d->triples, triple_cmp);
    /* An XPOS keeps case when most of its capitalised forms keep their capitals in the
     * lemma (NNP, NNPS, ADD in EWT); the others are lowercased. */
    size_t kept[64] = {0}, lowered[64] = {0};
    for (size_t i = 0; i < m; i++) {
        const lemma_triple *t = &d->triples[i];
        const char *c = t->form;
        while (*c && !(*c >= 'A' && *c <= 'Z'))
            c++;
        if (!*c || t->xpos >= 64)
            continue;
        const char *l = t->lemma;
        while (*l && !(*l >= 'A' && *l <= 'Z'))
            l++;
        if (*l)
            kept[t->xpos]++;
        else
            lowered[t->xpos]++;
    }
    for (int x = 0; x < 64; x++)
        if (kept[x] > lowered[x])
            d->case_keeping |= 1ULL << x;
    size_t n_records = 0;
    for (size_t a = 0; a < m;) {
        /* the run of one (form, xpos); within it, runs of one lemma */
        size_t b = a, best = a, best_count = 0, total = 0;
        while (b < m && strcmp(d->triples[b].form, d->triples[a].form) == 0 &&
               d->triples[b].xpos == d->triples[a].xpos) {
            size_t c = b;
            while (c < m && strcmp(d->triples[c].form, d->triples[b].form) == 0 &&
                   d->triples[c].xpos == d->triples[b].xpos &&
                   strcmp(d->triples[c].lemma, d->triples[b].lemma) == 0)
                c++;
            if (c - b > best_count) {
                best_count = c - b;
                best = b;
            }
            total += c - b;
            b = c;
        }
        const lemma_triple *t = &d->triples[best];
        d->lexicon[d->n_lexicon].form = t->form;
        d->lexicon[d->n_lexicon].lemma = t->lemma;
        d->lexicon[d->n_lexicon].xpos = t->xpos;
        d->n_lexicon++;
        if ((int)total <= rare) {
            char lower[4 * TAG_WORD_BYTES + 8];
            const char *base = t->form;
            size_t blen = strlen(t->form), llen = strlen(t->lemma), lcp = 0;
            if (!(d->case_keeping >> t->xpos & 1)) {
                blen = tag_lowercase(lower, sizeof lower, t->form, blen);
                base = lower;
            }
            while (lcp < blen && lcp < llen && base[lcp] == t->lemma[lcp])
                lcp++;
            while (lcp > 0 && lcp < blen && ((unsigned char)base[lcp] & 0xC0) == 0x80)
                lcp--;
            size_t strip = blen - lcp;
            if (llen - lcp < RULE_APPEND_MAX && strip <= TAG_RULE_MAX_SUFFIX) {
                size_t top = blen < TAG_RULE_MAX_SUFFIX ? blen : TAG_RULE_MAX_SUFFIX;
                for (size_t k = strip; k <= top; k++) {
                    const char *suffix = base + blen - k;
                    if (k > 0 && k < blen && ((unsigned char)suffix[0] & 0xC0) == 0x80)
                        continue;
                    rule_record *r = &records[n_records++];
                    memset(r, 0, sizeof *r);
                    memcpy(r->suffix, suffix, k);
                    memcpy(r->append, t->lemma + lcp, llen - lcp);
                    r->xpos = (uint8_t)t->xpos;
                    r->suffix_bytes = (uint8_t)k;
                    r->strip = (uint8_t)strip;
                }
            }
        }
        a = b;
    }
    qsort(records, n_records, sizeof *records, rule_record_cmp);
    d->choices = vg_malloc((n_records ? n_records : 1) * sizeof *d->choices);
    int rc = d->choices ? 0 : VG_ENOMEM;
    for (size_t a = 0; !rc && a < n_records;) {
        /* the run of one (xpos, suffix); pick its most frequent rewrite */
        size_t b = a, best = a, best_count = 0, total = 0;
        while (b < n_records && records[b].xpos == records[a].xpos &&
               records[b].suffix_bytes == records[a].suffix_bytes &&
               memcmp(records[b].suffix, records[a].suffix, records[a].suffix_bytes) == 0) {
            size_t c = b;
            while (c < n_records && rule_record_cmp(&records[c], &records[b]) == 0)
                c++;
            if (c - b > best_count) {
                best_count = c - b;
                best = b;
            }
            total += c - b;
            b = c;
        }
        if ((int)total >= min_count) {
            int r = rule_index(d, records[best].strip, records[best].append);
            if (r < 0) {
                rc = VG_ENOMEM;
                break;
            }
            rule_choice *ch = &d->choices[d->n_choices++];
            memcpy(ch->suffix, records[best].suffix, sizeof ch->suffix);
            ch->xpos = records[best].xpos;
            ch->suffix_bytes = records[best].suffix_bytes;
            ch->rule = (uint32_t)r;
        }
        a = b;
    }
    vg_free(records);
    return rc;
}

/* ---- The model image -------------------------------------------------------------------- */

typedef struct string_pool {
    char *data;
    size_t len, cap;
} string_pool;

static int64_t pool_add(string_pool *p, const char *s)
{
    size_t n = strlen(s) + 1;
    if (p->len + n > p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 65536;
        while (cap < p->len + n)
            cap *= 2;
        char *grown = vg_realloc(p->data, cap);
        if (!grown)
            return -1;
        p->data = grown;
        p->cap = cap;
    }
    memcpy(p->data + p->len, s, n);
    p->len += n;
    return (int64_t)(p->len - n);
}

static uint32_t table_size(size_t n)
{
    uint32_t size = 16;
    while (size < n + n / 2 + 1)
        size *= 2;
    return size;
}

typedef struct train_setup {
    const tag_class *classes;
    int n_classes;
    uint32_t options;
    const tag_ambiguity_slot *dictionary;
    uint32_t dictionary_slots;
    const char **cached_words;  /* forms whose word features are summed ahead */
    size_t n_cached_words;
} train_setup;

/* Builds the model image from the averaged weights (quantised to int16, zeros dropped) and
 * the lemmatizer data. The image is 8-byte aligned (vg_malloc). */
static int image_build(unsigned char **out, size_t *out_size, const weights *ws,
                       const train_setup *setup, const lemma_data *ld, double min_weight,
                       int dense_min)
{
    *out = NULL;
    double max_abs = 1e-9;
    for (size_t i = 0; i < ws->n; i++)
        for (uint32_t j = 0; j < ws->features[i].n; j++) {
            double a = fabs(weight_average(ws, &ws->features[i].w[j]));
            if (a > max_abs)
                max_abs = a;
        }
    double scale = 32000.0 / max_abs;
    /* first count what is kept */
    size_t n_kept = 0, row_bytes = 0, n_dense = 0;
    for (size_t i = 0; i < ws->n; i++) {
        size_t k = 0;
        for (uint32_t j = 0; j < ws->features[i].n; j++) {
            double a = weight_average(ws, &ws->features[i].w[j]);
            if (fabs(a) >= min_weight && lrint(a * scale) != 0)
                k++;
        }
        if (k && (int)k >= dense_min)
            n_dense++;
        else if (k)
            row_bytes += 1 + 3 * k;
        n_kept += k > 0;
    }
    if (row_bytes >= UINT32_MAX)
        return VG_ENOMEM;
    string_pool pool = {0};
    int rc = 0;
    if (pool_add(&pool, "") < 0)
        return VG_ENOMEM;
    uint32_t *lex_form = vg_malloc((ld->n_lexicon + 1) * sizeof *lex_form);
    uint32_t *lex_lemma = vg_malloc((ld->n_lexicon + 1) * sizeof *lex_lemma);
    uint32_t *rule_append = vg_malloc((ld->n_rules + 1) * sizeof *rule_append);
    if (!lex_form || !lex_lemma || !rule_append)
        rc = VG_ENOMEM;
    for (size_t i = 0; !rc && i < ld->n_lexicon; i++) {
        int64_t f = pool_add(&pool, ld->lexicon[i].form);
        int64_t l = strcmp(ld->lexicon[i].form, ld->lexicon[i].lemma) == 0 ? f
                    : pool_add(&pool, ld->lexicon[i].lemma);
        if (f < 0 || l < 0)
            rc = VG_ENOMEM;
        lex_form[i] = (uint32_t)f;
        lex_lemma[i] = (uint32_t)l;
    }
    for (size_t i = 0; !rc && i < ld->n_rules; i++) {
        int64_t a = pool_add(&pool, ld->rules[i].append);
        if (a < 0)
            rc = VG_ENOMEM;
        rule_append[i] = (uint32_t)a;
    }
    tag_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, TAG_MAGIC, sizeof h.magic);
    h.version = TAG_VERSION;
    h.byte_order = TAG_BYTE_ORDER;
    h.header_bytes = sizeof h;
    h.n_classes = (uint32_t)setup->n_classes;
    h.ambiguity_slots = setup->dictionary_slots;
    h.feature_slots = (uint32_t)(n_kept + n_kept / 4 + 2); /* 80% full */
    h.row_bytes = (uint32_t)row_bytes;
    h.n_dense = (uint32_t)n_dense;
    h.word_slots = table_size(setup->n_cached_words);
    h.n_word_rows = (uint32_t)setup->n_cached_words;
    int width = tag_dense_width(setup->n_classes);
    h.lexicon_slots = table_size(ld->n_lexicon);
    h.rule_slots = table_size(ld->n_choices);
    h.n_rules = (uint32_t)ld->n_rules;
    h.string_bytes = (uint32_t)pool.len;
    h.options = setup->options;
    h.case_keeping = ld->case_keeping;
    tag_layout l;
    tag_layout_compute(&l, &h);
    h.file_bytes = l.end;
    unsigned char *img = rc ? NULL : vg_calloc(1, l.end);
    if (!img)
        rc = VG_ENOMEM;
    if (!rc) {
        memcpy(img + l.classes, setup->classes, (size_t)setup->n_classes * sizeof(tag_class));
        memcpy(img + l.ambiguity, setup->dictionary, (size_t)setup->dictionary_slots * sizeof(tag_ambiguity_slot));
        tag_feature_slot *slots = (tag_feature_slot *)(img + l.features);
        for (uint32_t s = 0; s < h.feature_slots; s++)
            slots[s].row = UINT32_MAX;
        uint8_t *rows = img + l.rows;
        int16_t *dense = (int16_t *)(img + l.dense);
        uint32_t at = 0, at_dense = 0;
        for (size_t i = 0; i < ws->n; i++) {
            const train_feature *f = &ws->features[i];
            uint8_t cls[TAG_MAX_CLASSES];
            int16_t val[TAG_MAX_CLASSES];
            uint32_t count = 0;
            for (uint32_t j = 0; j < f->n; j++) {
                double a = weight_average(ws, &f->w[j]);
                long q = lrint(a * scale);
                if (fabs(a) < min_weight || q == 0)
                    continue;
                cls[count] = (uint8_t)f->w[j].cls;
                val[count] = (int16_t)(q > 32767 ? 32767 : q < -32767 ? -32767 : q);
                count++;
            }
            if (!count)
                continue;
            uint32_t check = (uint32_t)(f->key >> 32);
            uint32_t s = tag_feature_home(f->key, h.feature_slots);
            while (slots[s].row != UINT32_MAX && slots[s].check != check)
                s = s + 1 == h.feature_slots ? 0 : s + 1;
            if (slots[s].row != UINT32_MAX) /* a 64-bit key collision: keep the first */
                continue;
            slots[s].check = check;
            if ((int)count >= dense_min) {
                int16_t *d = dense + (size_t)at_dense * (size_t)width;
                for (uint32_t j = 0; j < count; j++)
                    d[cls[j]] = val[j];
                slots[s].row = TAG_DENSE | at_dense++;
                continue;
            }
            slots[s].row = at;
            rows[at] = (uint8_t)count;
            memcpy(rows + at + 1, cls, count);
            memcpy(rows + at + 1 + count, val, 2 * (size_t)count);
            at += 1 + 3 * count;
        }
        tag_lexicon_slot *lex = (tag_lexicon_slot *)(img + l.lexicon);
        uint32_t lmask = h.lexicon_slots - 1;
        for (uint32_t s = 0; s < h.lexicon_slots; s++)
            lex[s].form = UINT32_MAX;
        for (size_t i = 0; i < ld->n_lexicon; i++) {
            const lexicon_entry *e = &ld->lexicon[i];
            uint64_t hash = tag_lexicon_hash(e->form, strlen(e->form), e->xpos);
            uint32_t s = (uint32_t)hash & lmask;
            while (lex[s].form != UINT32_MAX)
                s = (s + 1) & lmask;
            lex[s].form = lex_form[i];
            lex[s].lemma = lex_lemma[i];
            lex[s].xpos = e->xpos;
        }
        tag_rule_slot *rs = (tag_rule_slot *)(img + l.rule_slots);
        uint32_t rmask = h.rule_slots - 1;
        for (uint32_t s = 0; s < h.rule_slots; s++)
            rs[s].rule = UINT16_MAX;
        for (size_t i = 0; i < ld->n_choices; i++) {
            const rule_choice *c = &ld->choices[i];
            uint64_t hash = tag_rule_hash(c->suffix, c->suffix_bytes, c->xpos);
            uint32_t s = (uint32_t)hash & rmask;
            while (rs[s].rule != UINT16_MAX)
                s = (s + 1) & rmask;
            rs[s].check = (uint32_t)(hash >> 32);
            rs[s].rule = (uint16_t)c->rule;
            rs[s].xpos = c->xpos;
            rs[s].suffix_bytes = c->suffix_bytes;
        }
        tag_rule *rules = (tag_rule *)(img + l.rules);
        for (size_t i = 0; i < ld->n_rules; i++) {
            rules[i].strip = ld->rules[i].strip;
            rules[i].append = rule_append[i];
        }
        memcpy(img + l.strings, pool.data, pool.len);
        tag_word_slot *wslots = (tag_word_slot *)(img + l.words);
        for (uint32_t s = 0; s < h.word_slots; s++)
            wslots[s].row = UINT32_MAX;
        tag_word *cached = vg_malloc((setup->n_cached_words + 1) * sizeof *cached);
        if (!cached)
            rc = VG_ENOMEM;
        for (size_t i = 0; !rc && i < setup->n_cached_words; i++) {
            vg_token token = {0};
            vg_sentence one = {0};
            token.form = setup->cached_words[i];
            one.tokens = &token;
            one.n_tokens = 1;
            tag_words_fill(&cached[i], &one, setup->dictionary, setup->dictionary_slots - 1);
            uint32_t s = (uint32_t)cached[i].form & (h.word_slots - 1);
            while (wslots[s].row != UINT32_MAX)
                s = (s + 1) & (h.word_slots - 1);
            wslots[s].form = cached[i].form;
            wslots[s].row = (uint32_t)i;
        }
        memcpy(img, &h, sizeof h);
        h.checksum = tag_checksum(img, l.end);
        memcpy(img, &h, sizeof h);
        /* The summed rows of the frequent words come from the finished weights (int32: the
         * sums of a frequent word's features often pass the int16 range). */
        tag_model m;
        vg_error err;
        if (!rc && tag_model_view(&m, img, l.end, "(training)", &err) != 0)
            rc = VG_EINVAL;
        int32_t *wrows = (int32_t *)(img + l.word_rows);
        for (size_t i = 0; !rc && i < setup->n_cached_words; i++) {
            int32_t first[TAG_MAX_WIDTH], second[TAG_MAX_WIDTH];
            tag_model_word_scores(&m, &cached[i], first, second);
            int32_t *row = wrows + i * m.word_row_width;
            for (uint32_t c = 0; c < m.word_row_width; c++)
                row[c] = c < m.width ? first[c] : second[c - m.width];
        }
        vg_free(cached);
        h.checksum = tag_checksum(img, l.end);
        memcpy(img, &h, sizeof h);
        if (rc) {
            vg_free(img);
        } else {
            *out = img;
            *out_size = l.end;
        }
    }
    vg_free(lex_form);
    vg_free(lex_lemma);
    vg_free(rule_append);
    vg_free(pool.data);
    return rc;
}

/* ---- The tag dictionary ------------------------------------------------------------------- */

typedef struct word_class {
    uint64_t word;
    uint32_t cls;
} word_class;

static int word_class_cmp(const void *a, const void *b)
{
    const word_class *x = a, *y = b;
    if (x->word != y->word)
        return x->word < y->word ? -1 : 1;
    return x->cls < y->cls ? -1 : x->cls > y->cls;
}

/* Builds the tag dictionary from (word, class) pairs: for each word seen at least min_count
 * times, the set of XPOS and UPOS tags that make up at least 5% of its occurrences. */
static tag_ambiguity_slot *dictionary_build(word_class *pairs, size_t n, const tag_class *classes,
                                            int min_count, int shortcut_count, uint32_t *n_slots)
{
    qsort(pairs, n, sizeof *pairs, word_class_cmp);
    size_t n_words = 0;
    for (size_t a = 0; a < n;) {
        size_t b = a;
        while (b < n && pairs[b].word == pairs[a].word)
            b++;
        n_words += (int)(b - a) >= min_count;
        a = b;
    }
    uint32_t size = table_size(n_words), mask = size - 1;
    tag_ambiguity_slot *slots = vg_calloc(size, sizeof *slots);
    if (!slots)
        return NULL;
    for (size_t a = 0; a < n;) {
        size_t b = a;
        while (b < n && pairs[b].word == pairs[a].word)
            b++;
        if ((int)(b - a) >= min_count && pairs[a].word != 0) {
            uint64_t xmask = 0, umask = 0;
            uint32_t only = 0;
            for (size_t c = a; c < b;) {
                size_t d = c;
                while (d < b && pairs[d].cls == pairs[c].cls)
                    d++;
                if (c == a && d == b && shortcut_count > 0 && (int)(b - a) >= shortcut_count)
                    only = pairs[c].cls + 1;
                if ((d - c) * 20 >= b - a) {
                    xmask |= 1ULL << (classes[pairs[c].cls].xpos & 63);
                    umask |= 1ULL << (classes[pairs[c].cls].upos & 63);
                }
                c = d;
            }
            uint32_t s = (uint32_t)pairs[a].word & mask;
            while (slots[s].word)
                s = (s + 1) & mask;
            slots[s].word = pairs[a].word;
            slots[s].tags = vg_hash_mix(xmask, umask) | 1;
            slots[s].only = only;
        }
        a = b;
    }
    *n_slots = size;
    return slots;
}

/* ---- Frequent words ----------------------------------------------------------------------- */

typedef struct form_count {
    const char *form;
    size_t count;
} form_count;

static int form_ptr_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int form_count_cmp(const void *a, const void *b)
{
    const form_count *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->form, y->form);
}

/* The `limit` most frequent forms of the treebank (ties in byte order), into *out. */
static int frequent_forms(const vg_treebank *bank, size_t limit, const char ***out, size_t *n_out)
{
    size_t n = 0;
    for (size_t s = 0; s < bank->n_sentences; s++)
        n += bank->sentences[s].n_tokens;
    const char **forms = vg_malloc((n + 1) * sizeof *forms);
    form_count *counts = vg_malloc((n + 1) * sizeof *counts);
    if (!forms || !counts) {
        vg_free(forms);
        vg_free(counts);
        return VG_ENOMEM;
    }
    size_t m = 0, k = 0;
    for (size_t s = 0; s < bank->n_sentences; s++)
        for (uint32_t i = 0; i < bank->sentences[s].n_tokens; i++)
            if (bank->sentences[s].tokens[i].form)
                forms[m++] = bank->sentences[s].tokens[i].form;
    qsort(forms, m, sizeof *forms, form_ptr_cmp);
    for (size_t a = 0; a < m;) {
        size_t b = a;
        while (b < m && strcmp(forms[b], forms[a]) == 0)
            b++;
        counts[k].form = forms[a];
        counts[k].count = b - a;
        k++;
        a = b;
    }
    qsort(counts, k, sizeof *counts, form_count_cmp);
    if (k > limit)
        k = limit;
    for (size_t i = 0; i < k; i++)
        forms[i] = counts[i].form;
    vg_free(counts);
    *out = forms;
    *n_out = k;
    return 0;
}

/* ---- Training ----------------------------------------------------------------------------- */

typedef struct train_sentence {
    int n;
    tag_word *words;
    uint64_t *keys;            /* TAG_MAX_STATIC per token */
    uint8_t *n_keys;
    uint8_t *n_word;           /* how many of the keys are the word's own features */
    uint8_t *jackknifed;       /* first-pass classes from models that did not see it, or NULL */
    uint8_t *gold;             /* class index per token */
} train_sentence;

static int class_of(const tag_class *classes, int n_classes, unsigned upos, unsigned xpos)
{
    for (int c = 0; c < n_classes; c++)
        if (classes[c].upos == upos && classes[c].xpos == xpos)
            return c;
    return -1;
}

static int argmax(const float *scores, int n)
{
    int best = 0;
    for (int c = 1; c < n; c++)
        if (scores[c] > scores[best])
            best = c;
    return best;
}

static void static_keys_second(uint64_t *out, const uint64_t *keys, int n)
{
    for (int k = 0; k < n; k++)
        out[k] = vg_hash_mix(keys[k], 0x2545f4914f6cdd1dULL);
}

/* Trains on one sentence: the first pass, then (n_passes 2) the second on the first pass's
 * tags, or on ts->jackknifed when the sentence has them. With learn 0 it only predicts. */
static int train_sentence_step(weights *ws, const train_sentence *ts, int n_classes, int shared,
                               int second_neighbours, int n_passes, int learn, int *first,
                               int *second, size_t *errors)
{
    float scores[TAG_MAX_CLASSES];
    uint64_t ctx[TAG_MAX_CONTEXT], stat2[TAG_MAX_STATIC];
    const int *right_of = first;
    int rc = 0;
    for (int pass = 0; pass < n_passes && !rc; pass++) {
        int *pred = pass == 0 ? first : second;
        if (pass == 1 && ts->jackknifed) {
            for (int i = 0; i < ts->n; i++)
                second[TRAIN_MAX_TOKENS + i] = ts->jackknifed[i];
            right_of = second + TRAIN_MAX_TOKENS;
        }
        for (int i = 0; i < ts->n && !rc; i++) {
            const uint64_t *stat = ts->keys + (size_t)i * TAG_MAX_STATIC;
            int ns = ts->n_keys[i];
            if (pass == 1 && !shared) {
                int nw = ts->n_word[i], nn = ns - nw;
                ns = nw + (nn < second_neighbours ? nn : second_neighbours);
                static_keys_second(stat2, stat, ns);
                stat = stat2;
            }
            int left[2] = {i >= 1 ? pred[i - 1] + 1 : 0, i >= 2 ? pred[i - 2] + 1 : 0};
            int right[2] = {i + 1 < ts->n ? right_of[i + 1] + 1 : 0,
                            i + 2 < ts->n ? right_of[i + 2] + 1 : 0};
            int nc = tag_context_features(ctx, ts->words, ts->n, i, left, pass ? right : NULL);
            memset(scores, 0, (size_t)n_classes * sizeof *scores);
            weights_score(ws, scores, stat, ns);
            weights_score(ws, scores, ctx, nc);
            int p = argmax(scores, n_classes), g = ts->gold[i];
            if (learn)
                ws->step++;
            if (p != g && learn) {
                errors[pass]++;
                for (int k = 0; k < ns && !rc && !(pass == 1 && shared == 2); k++)
                    rc = weight_update(ws, stat[k], (uint32_t)g, 1.0f) ||
                         weight_update(ws, stat[k], (uint32_t)p, -1.0f) ? VG_ENOMEM : 0;
                for (int k = 0; k < nc && !rc; k++)
                    rc = weight_update(ws, ctx[k], (uint32_t)g, 1.0f) ||
                         weight_update(ws, ctx[k], (uint32_t)p, -1.0f) ? VG_ENOMEM : 0;
            }
            pred[i] = p;
        }
    }
    return rc;
}

/* A copy of the averaged weights (step 0, so that the copy's weights are used as they are). */
static int weights_averaged(weights *out, const weights *ws, int n_members)
{
    int rc = weights_init(out);
    for (int e = 0; e < n_members && !rc; e++)
        for (size_t i = 0; i < ws[e].n && !rc; i++)
            for (uint32_t j = 0; j < ws[e].features[i].n && !rc; j++) {
                const train_weight *w = &ws[e].features[i].w[j];
                rc = weight_update(out, ws[e].features[i].key, w->cls,
                                   (float)(weight_average(&ws[e], w) / n_members));
            }
    return rc;
}

/* Stacking without leaking: the first-pass tags the second pass trains on come from
 * first-pass models that did not see the sentence (folds of the training set), as tags of
 * new text will. */
static int jackknife_first_pass(train_sentence *sents, size_t n_sent, int n_classes, int folds,
                                int passes, uint64_t seed, int *first, int *second)
{
    size_t *order = vg_malloc((n_sent ? n_sent : 1) * sizeof *order);
    if (!order)
        return VG_ENOMEM;
    int rc = 0;
    size_t errors[2];
    uint64_t rng = seed ^ 0x2545f4914f6cdd1dULL;
    for (int fold = 0; fold < folds && !rc; fold++) {
        weights ws, avg;
        if ((rc = weights_init(&ws)) != 0)
            break;
        size_t m = 0;
        for (size_t s = 0; s < n_sent; s++)
            if ((int)(s % (size_t)folds) != fold)
                order[m++] = s;
        for (int it = 0; it < passes && !rc; it++) {
            for (size_t s = m; s > 1; s--) {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                size_t j = (size_t)(rng % s), tmp = order[s - 1];
                order[s - 1] = order[j];
                order[j] = tmp;
            }
            for (size_t s = 0; s < m && !rc; s++)
                rc = train_sentence_step(&ws, &sents[order[s]], n_classes, 1, 0, 1, 1, first,
                                         second, errors);
        }
        if (!rc && (rc = weights_averaged(&avg, &ws, 1)) == 0) {
            for (size_t s = (size_t)fold; s < n_sent && !rc; s += (size_t)folds) {
                train_sentence *ts = &sents[s];
                if (!ts->n)
                    continue;
                rc = train_sentence_step(&avg, ts, n_classes, 1, 0, 1, 0, first, second, errors);
                for (int i = 0; i < ts->n && !rc; i++)
                    ts->jackknifed[i] = (uint8_t)first[i];
            }
            weights_free(&avg);
        }
        weights_free(&ws);
    }
    vg_free(order);
    return rc;
}

typedef struct tag_scores {
    size_t tokens, upos, xpos, lemma, both;
} tag_scores;

/* Tags a copy of every sentence of `bank` with the model and counts what matches. */
static int evaluate(const tag_model *m, const vg_treebank *bank, tag_scores *sc)
{
    memset(sc, 0, sizeof *sc);
    vg_arena arena;
    vg_arena_init(&arena, 0);
    int rc = 0;
    for (size_t s = 0; s < bank->n_sentences && !rc; s++) {
        const vg_sentence *gold = &bank->sentences[s];
        vg_sentence copy = *gold;
        copy.tokens = vg_arena_alloc(&arena, (gold->n_tokens + 1) * sizeof *copy.tokens);
        if (!copy.tokens) {
            rc = VG_ENOMEM;
            break;
        }
        memcpy(copy.tokens, gold->tokens, gold->n_tokens * sizeof *copy.tokens);
        rc = tag_model_tag(m, &copy, &arena);
        for (uint32_t i = 0; i < gold->n_tokens && !rc; i++) {
            const vg_token *g = &gold->tokens[i], *p = &copy.tokens[i];
            sc->tokens++;
            sc->upos += g->upos == p->upos;
            sc->xpos += g->xpos == p->xpos;
            sc->both += g->upos == p->upos && g->xpos == p->xpos;
            sc->lemma += g->lemma && p->lemma && strcmp(g->lemma, p->lemma) == 0;
        }
        vg_arena_reset(&arena);
    }
    vg_arena_free(&arena);
    return rc;
}

static int set_sure_margin(unsigned char *image, size_t size, uint32_t margin, tag_model *m,
                           vg_error *err)
{
    tag_header h;
    memcpy(&h, image, sizeof h);
    h.sure_margin = margin;
    memcpy(image, &h, sizeof h);
    h.checksum = tag_checksum(image, size);
    memcpy(image, &h, sizeof h);
    return tag_model_view(m, image, size, "(training)", err);
}

/* The second pass changes few of the first pass's confident decisions: the smallest margin
 * (a power of two) that costs at most 0.02% of the dev tokens is written into the model, so
 * that tokens decided by a wider lead skip the second pass. */
static int tune_sure_margin(unsigned char *image, size_t size, const vg_treebank *dev, int verbose,
                            vg_error *err)
{
    tag_model m;
    tag_scores base, sc;
    int rc = set_sure_margin(image, size, 0, &m, err);
    if (rc)
        return rc;
    if (evaluate(&m, dev, &base))
        return vg_error_set(err, VG_ENOMEM, "out of memory");
    size_t slack = base.tokens / 5000;
    uint32_t chosen = 0;
    for (int k = 30; k >= 6; k--) {
        if ((rc = set_sure_margin(image, size, 1u << k, &m, err)) != 0)
            return rc;
        if (evaluate(&m, dev, &sc))
            return vg_error_set(err, VG_ENOMEM, "out of memory");
        if (sc.both + slack < base.both || sc.upos + slack < base.upos)
            break;
        chosen = 1u << k;
    }
    if (verbose)
        fprintf(stderr, "tagger: second pass skipped when the first leads by %u\n", chosen);
    return set_sure_margin(image, size, chosen, &m, err);
}

static double pct(size_t a, size_t b)
{
    return b ? 100.0 * (double)a / (double)b : 0.0;
}

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

int tag_train_with(const vg_treebank *train, const vg_treebank *dev,
                   const vg_tagger_train_options *options, const tag_train_config *config,
                   const char *model_path, vg_error *err)
{
    int iterations = options && options->iterations > 0 ? options->iterations : DEFAULT_ITERATIONS;
    int verbose = options ? options->verbose : 0;
    int n_members = config->ensemble < 1 ? 1 : config->ensemble > TAG_MAX_ENSEMBLE ? TAG_MAX_ENSEMBLE
                                                                                  : config->ensemble;
    double t_start = seconds_now();

    /* Classes: the (UPOS, XPOS) pairs of the training set, most frequent first. */
    size_t pair_count[64][64];
    memset(pair_count, 0, sizeof pair_count);
    size_t n_tokens = 0;
    for (size_t s = 0; s < train->n_sentences; s++)
        for (uint32_t i = 0; i < train->sentences[s].n_tokens; i++) {
            const vg_token *t = &train->sentences[s].tokens[i];
            if (t->upos < 64 && t->xpos < 64)
                pair_count[t->upos][t->xpos]++;
            n_tokens++;
        }
    tag_class classes[TAG_MAX_CLASSES];
    int n_classes = 0;
    for (;;) {
        size_t best = 0;
        int bu = 0, bx = 0;
        for (int u = 1; u < 64; u++)
            for (int x = 1; x < 64; x++)
                if (pair_count[u][x] > best) {
                    best = pair_count[u][x];
                    bu = u;
                    bx = x;
                }
        if (!best || n_classes == TAG_MAX_CLASSES)
            break;
        classes[n_classes].upos = (uint8_t)bu;
        classes[n_classes].xpos = (uint8_t)bx;
        n_classes++;
        pair_count[bu][bx] = 0;
    }
    if (n_classes == 0)
        return vg_error_set(err, VG_EINVAL, "training treebank has no tagged tokens");

    /* Features of every training sentence, computed once. */
    size_t n_sent = train->n_sentences;
    train_sentence *sents = vg_calloc(n_sent ? n_sent : 1, sizeof *sents);
    size_t *orders[TAG_MAX_ENSEMBLE] = {0};
    uint64_t rngs[TAG_MAX_ENSEMBLE];
    weights ws[TAG_MAX_ENSEMBLE];
    memset(ws, 0, sizeof ws);
    int rc = 0;
    for (int e = 0; e < n_members; e++) {
        rngs[e] = 0x853c49e6748fea9bULL ^ ((options ? options->seed : 0) + 0x9e3779b9u * (unsigned)e);
        orders[e] = vg_malloc((n_sent ? n_sent : 1) * sizeof *orders[e]);
        if (!orders[e] || weights_init(&ws[e]))
            rc = VG_ENOMEM;
        for (size_t s = 0; orders[e] && s < n_sent; s++)
            orders[e][s] = s;
    }
    int *first = vg_malloc(TRAIN_MAX_TOKENS * sizeof *first);
    int *second = vg_malloc(2 * TRAIN_MAX_TOKENS * sizeof *second);
    lemma_data ld;
    memset(&ld, 0, sizeof ld);
    unsigned char *best_image = NULL, *image = NULL;
    const char **cached_words = NULL;
    size_t n_cached_words = 0;
    tag_ambiguity_slot *dictionary = NULL, no_dictionary = {0, 0, 0, 0};
    uint32_t dictionary_slots = 0;
    word_class *pairs = vg_malloc((2 * n_tokens + 1) * sizeof *pairs);
    size_t n_pairs = 0;
    size_t best_size = 0, image_size = 0;
    if (!sents || !first || !second || !pairs || rc) {
        rc = vg_error_set(err, VG_ENOMEM, "out of memory");
        goto out;
    }
    for (size_t s = 0; s < n_sent; s++) {
        const vg_sentence *sen = &train->sentences[s];
        train_sentence *ts = &sents[s];
        ts->n = (int)(sen->n_tokens < TRAIN_MAX_TOKENS ? sen->n_tokens : 0);
        if (!ts->n)
            continue;
        ts->words = vg_malloc((size_t)ts->n * sizeof *ts->words);
        ts->keys = vg_malloc((size_t)ts->n * TAG_MAX_STATIC * sizeof *ts->keys);
        ts->n_keys = vg_malloc((size_t)ts->n);
        ts->n_word = vg_malloc((size_t)ts->n);
        ts->gold = vg_malloc((size_t)ts->n);
        if (!ts->words || !ts->keys || !ts->n_keys || !ts->n_word || !ts->gold) {
            rc = vg_error_set(err, VG_ENOMEM, "out of memory");
            goto out;
        }
        tag_words_fill(ts->words, sen, &no_dictionary, 0);
        for (int i = 0; i < ts->n; i++) {
            int c = class_of(classes, n_classes, sen->tokens[i].upos, sen->tokens[i].xpos);
            ts->gold[i] = (uint8_t)(c < 0 ? 0 : c);
            pairs[n_pairs].word = ts->words[i].lower;
            pairs[n_pairs].cls = ts->gold[i];
            n_pairs++;
        }
    }
    /* The features of a training sentence see a dictionary built without its own fold, as
     * unseen text will: otherwise every rare word's entry would give its tag away. */
    for (int fold = 0; fold < DICTIONARY_FOLDS; fold++) {
        size_t m = 0, at = 0;
        for (size_t s = 0; s < n_sent; s++) {
            if ((int)(s % DICTIONARY_FOLDS) != fold)
                for (int i = 0; i < sents[s].n; i++)
                    pairs[n_pairs + m++] = pairs[at + (size_t)i];
            at += (size_t)sents[s].n;
        }
        uint32_t fold_slots = 0;
        tag_ambiguity_slot *fold_dictionary =
            dictionary_build(pairs + n_pairs, m, classes, config->dictionary_min_count, 0, &fold_slots);
        if (!fold_dictionary) {
            rc = vg_error_set(err, VG_ENOMEM, "out of memory");
            goto out;
        }
        for (size_t s = fold; s < n_sent; s += DICTIONARY_FOLDS) {
            train_sentence *ts = &sents[s];
            if (!ts->n)
                continue;
            tag_words_fill(ts->words, &train->sentences[s], fold_dictionary, fold_slots - 1);
            for (int i = 0; i < ts->n; i++) {
                ts->n_keys[i] = (uint8_t)tag_static_features(ts->keys + (size_t)i * TAG_MAX_STATIC,
                                                             ts->words, ts->n, i);
                uint64_t scratch[TAG_MAX_WORD_FEATURES];
                ts->n_word[i] = (uint8_t)tag_word_features(scratch, &ts->words[i]);
            }
        }
        vg_free(fold_dictionary);
    }
    dictionary = dictionary_build(pairs, n_pairs, classes, config->dictionary_min_count,
                                  config->shortcut_min_count, &dictionary_slots);
    if (!dictionary) {
        rc = vg_error_set(err, VG_ENOMEM, "out of memory");
        goto out;
    }
    if (lemma_learn(&ld, train, config->lemma_rare, config->lemma_min_count)) {
        rc = vg_error_set(err, VG_ENOMEM, "out of memory");
        goto out;
    }
    if (frequent_forms(train, (size_t)(config->cached_words > 0 ? config->cached_words : 0),
                       &cached_words, &n_cached_words)) {
        rc = vg_error_set(err, VG_ENOMEM, "out of memory");
        goto out;
    }
    int second_neighbours = config->second_neighbours < 0 ? 0
                            : config->second_neighbours > 255 ? 255 : config->second_neighbours;
    uint32_t opts = (config->shared_static ? TAG_OPT_SHARED_STATIC : 0) |
                    (uint32_t)second_neighbours << TAG_OPT_SECOND_SHIFT;
    train_setup setup = {classes, n_classes, opts,
                         dictionary, dictionary_slots, cached_words, n_cached_words};
    if (verbose)
        fprintf(stderr, "tagger: %zu sentences, %zu tokens, %d classes; lexicon %zu, %zu suffix rules (%zu rewrites)\n",
                n_sent, n_tokens, n_classes, ld.n_lexicon, ld.n_choices, ld.n_rules);
    if (config->jackknife_folds > 1) {
        for (size_t s = 0; s < n_sent && !rc; s++)
            if (sents[s].n && !(sents[s].jackknifed = vg_malloc((size_t)sents[s].n)))
                rc = VG_ENOMEM;
        if (!rc)
            rc = jackknife_first_pass(sents, n_sent, n_classes, config->jackknife_folds,
                                      config->jackknife_passes, options ? options->seed : 0,
                                      first, second);
        if (rc) {
            rc = vg_error_set(err, VG_ENOMEM, "out of memory");
            goto out;
        }
        if (verbose)
            fprintf(stderr, "tagger: first-pass tags jackknifed over %d folds (%.1fs)\n",
                    config->jackknife_folds, seconds_now() - t_start);
    }
    double best_score = -1;
    int best_iter = 0;
    for (int it = 1; it <= iterations; it++) {
        double t0 = seconds_now();
        size_t errors[2] = {0, 0};
        for (int e = 0; e < n_members && !rc; e++) {
            uint64_t *rng = &rngs[e];
            size_t *order = orders[e];
            for (size_t s = n_sent; s > 1; s--) { /* Fisher-Yates with xorshift: deterministic */
                *rng ^= *rng << 13;
                *rng ^= *rng >> 7;
                *rng ^= *rng << 17;
                size_t j = (size_t)(*rng % s), tmp = order[s - 1];
                order[s - 1] = order[j];
                order[j] = tmp;
            }
            for (size_t s = 0; s < n_sent && !rc; s++)
                rc = train_sentence_step(&ws[e], &sents[order[s]], n_classes, config->shared_static,
                                         second_neighbours, 2, 1, first, second, errors);
        }
        weights combined;
        const weights *final = &ws[0];
        if (!rc && n_members > 1) {
            /* The members are linear models over the same features: averaging their weights
             * is averaging their scores, an ensemble at no cost at tagging time. */
            rc = weights_averaged(&combined, ws, n_members);
            final = &combined;
        }
        if (!rc)
            rc = image_build(&image, &image_size, final, &setup, &ld, config->min_weight,
                             config->dense_min);
        if (n_members > 1)
            weights_free(&combined);
        if (rc) {
            rc = vg_error_set(err, VG_ENOMEM, "out of memory");
            goto out;
        }
        tag_model m;
        if ((rc = tag_model_view(&m, image, image_size, "(training)", err)))
            goto out;
        tag_scores sc = {0};
        double score = it;
        if (dev && (rc = evaluate(&m, dev, &sc)) == 0)
            score = pct(sc.both, sc.tokens) + pct(sc.upos, sc.tokens);
        if (rc) {
            rc = vg_error_set(err, rc, "out of memory");
            goto out;
        }
        if (verbose)
            fprintf(stderr, "pass %2d: train errors %.2f%% / %.2f%%, features %zu, model %.1f MB, "
                    "dev UPOS %.2f XPOS %.2f both %.2f lemma %.2f (%.1fs)\n", it,
                    pct(errors[0], n_tokens * n_members), pct(errors[1], n_tokens * n_members),
                    ws[0].n, image_size / 1e6, pct(sc.upos, sc.tokens), pct(sc.xpos, sc.tokens),
                    pct(sc.both, sc.tokens), pct(sc.lemma, sc.tokens), seconds_now() - t0);
        if (score > best_score) {
            best_score = score;
            best_iter = it;
            vg_free(best_image);
            best_image = image;
            best_size = image_size;
        } else {
            vg_free(image);
        }
        image = NULL;
    }
    if (dev && (rc = tune_sure_margin(best_image, best_size, dev, verbose, err)) != 0)
        goto out;
    if (verbose)
        fprintf(stderr, "tagger: keeping pass %d; trained in %.1fs\n", best_iter, seconds_now() - t_start);
    FILE *f = fopen(model_path, "wb");
    if (!f || fwrite(best_image, 1, best_size, f) != best_size) {
        rc = vg_error_set(err, VG_EIO, "%s: cannot write the model", model_path);
        if (f)
            fclose(f);
        goto out;
    }
    if (fclose(f) != 0)
        rc = vg_error_set(err, VG_EIO, "%s: cannot write the model", model_path);
out:
    vg_free(cached_words);
    vg_free(pairs);
    vg_free(dictionary);
    vg_free(image);
    vg_free(best_image);
    lemma_data_free(&ld);
    if (sents)
        for (size_t s = 0; s < n_sent; s++) {
            vg_free(sents[s].words);
            vg_free(sents[s].keys);
            vg_free(sents[s].n_keys);
            vg_free(sents[s].n_word);
            vg_free(sents[s].jackknifed);
            vg_free(sents[s].gold);
        }
    vg_free(sents);
    for (int e = 0; e < n_members; e++) {
        vg_free(orders[e]);
        weights_free(&ws[e]);
    }
    vg_free(first);
    vg_free(second);
    return rc;
}

int vg_tagger_train(const vg_treebank *train, const vg_treebank *dev,
                    const vg_tagger_train_options *options, const char *model_path, vg_error *err)
{
    tag_train_config config;
    tag_train_config_default(&config);
    return tag_train_with(train, dev, options, &config, model_path, err);
}

/* The settings of the shipped model; docs/internals/tagger.md has the measurements behind
 * each of them. */
void tag_train_config_default(tag_train_config *c)
{
    c->shared_static = 0;
    c->lemma_rare = 3;
    c->lemma_min_count = 1;
    c->dictionary_min_count = 1;
    c->shortcut_min_count = 200;
    c->min_weight = 0.5;
    c->dense_min = 24;
    c->cached_words = 5000;
    c->ensemble = 3;
    c->second_neighbours = 255;
    c->jackknife_folds = 5;
    c->jackknife_passes = 8;
}
