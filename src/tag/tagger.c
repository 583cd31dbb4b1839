/* Loading a tagger model (memory-mapped, every offset validated) and tagging with it: a greedy
 * left-to-right pass, then a second pass that also sees the first pass's tags on the right. */
#include "tag/tagger.h"
#include "tag/tag_internal.h"
#include "text/tagset.h"
#include "util/alloc.h"
#include "util/hash.h"
#include "util/limits.h"
#include "util/mapfile.h"
#include <string.h>

struct vg_tagger {
    vg_mapfile map;
    tag_model model;
};

static size_t align8(size_t n)
{
    return (n + 7) & ~(size_t)7;
}

void tag_layout_compute(tag_layout *l, const tag_header *h)
{
    size_t at = align8(sizeof *h);
    l->classes = at;
    at = align8(at + (size_t)h->n_classes * sizeof(tag_class));
    l->ambiguity = at;
    at = align8(at + (size_t)h->ambiguity_slots * sizeof(tag_ambiguity_slot));
    l->words = at;
    at = align8(at + (size_t)h->word_slots * sizeof(tag_word_slot));
    l->features = at;
    at = align8(at + (size_t)h->feature_slots * sizeof(tag_feature_slot));
    l->rows = at;
    at = align8(at + (size_t)h->row_bytes);
    at = (at + 63) & ~(size_t)63;
    l->dense = at;
    at = align8(at + (size_t)h->n_dense * (size_t)tag_dense_width((int)h->n_classes) * sizeof(int16_t));
    at = (at + 63) & ~(size_t)63;
    l->word_rows = at;
    at = align8(at + (size_t)h->n_word_rows * tag_dense_width((int)h->n_classes) *
                         (h->options & TAG_OPT_SHARED_STATIC ? 1 : 2) * sizeof(int32_t));
    l->lexicon = at;
    at = align8(at + (size_t)h->lexicon_slots * sizeof(tag_lexicon_slot));
    l->rule_slots = at;
    at = align8(at + (size_t)h->rule_slots * sizeof(tag_rule_slot));
    l->rules = at;
    at = align8(at + (size_t)h->n_rules * sizeof(tag_rule));
    l->strings = at;
    l->end = at + h->string_bytes;
}

/* Adds a dense row: blocks of a constant 16 classes, which compilers turn into vector adds.
 * On x86-64 an AVX2 copy is chosen at run time when the processor has it (two to three
 * times fewer instructions than the SSE2 baseline, which must widen int16 in steps). */
#define DENSE_ADDER(name, type)                                                              \
    static void name(int32_t *restrict scores, const type *restrict w, size_t width)          \
    {                                                                                         \
        for (size_t blocks = width / TAG_DENSE_BLOCK; blocks > 0; blocks--) {                 \
            for (size_t c = 0; c < TAG_DENSE_BLOCK; c++)                                      \
                scores[c] += w[c];                                                            \
            scores += TAG_DENSE_BLOCK;                                                        \
            w += TAG_DENSE_BLOCK;                                                             \
        }                                                                                     \
    }
DENSE_ADDER(add_dense_portable, int16_t)
DENSE_ADDER(add_dense32_portable, int32_t)
#if defined(__x86_64__) && defined(__GNUC__)
#define VG_HAVE_AVX2_DISPATCH 1
__attribute__((target("avx2"))) DENSE_ADDER(add_dense_avx2, int16_t)
__attribute__((target("avx2"))) DENSE_ADDER(add_dense32_avx2, int32_t)
#endif

static void choose_dense(tag_model *m)
{
    m->add_dense = add_dense_portable;
    m->add_dense32 = add_dense32_portable;
#ifdef VG_HAVE_AVX2_DISPATCH
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2")) {
        m->add_dense = add_dense_avx2;
        m->add_dense32 = add_dense32_avx2;
    }
#endif
}

uint64_t tag_checksum(const unsigned char *image, size_t size)
{
    tag_header h;
    memcpy(&h, image, sizeof h);
    h.checksum = 0;
    uint64_t seed = vg_hash_bytes(&h, sizeof h, 0);
    if (h.version == 1)
        return vg_hash_bytes(image + sizeof h, size - sizeof h, seed);
    return vg_hash_block(image + sizeof h, size - sizeof h, seed);
}

static int corrupt(vg_error *err, const char *name, const char *what)
{
    return vg_error_set(err, VG_EMODEL, "%s: not a valid tagger model: %s", name, what);
}

static int power_of_two(uint32_t n)
{
    return n && (n & (n - 1)) == 0;
}

int tag_model_view(tag_model *m, const unsigned char *data, size_t size, const char *name,
                   vg_error *err)
{
    memset(m, 0, sizeof *m);
    tag_header h;
    if (size < sizeof h)
        return corrupt(err, name, "shorter than its header (truncated?)");
    memcpy(&h, data, sizeof h);
    if (memcmp(h.magic, TAG_MAGIC, sizeof h.magic) != 0)
        return corrupt(err, name, "wrong magic number");
    if (h.byte_order != TAG_BYTE_ORDER)
        return corrupt(err, name, "written on a machine of the other byte order");
    if (h.version != TAG_VERSION && h.version != 1)
        return vg_error_set(err, VG_EMODEL, "%s: tagger model version %u, this vigil reads version %u",
                            name, h.version, TAG_VERSION);
    if (h.header_bytes != sizeof h || h.n_classes == 0 || h.n_classes > TAG_MAX_CLASSES ||
        h.feature_slots < 2 || h.n_dense >= TAG_DENSE || !power_of_two(h.ambiguity_slots) || !power_of_two(h.word_slots) ||
        h.n_word_rows >= UINT32_MAX / TAG_MAX_WIDTH || !power_of_two(h.lexicon_slots) ||
        !power_of_two(h.rule_slots) || h.n_rules >= UINT16_MAX || h.string_bytes == 0)
        return corrupt(err, name, "inconsistent header");
    tag_layout l;
    tag_layout_compute(&l, &h);
    if (h.file_bytes != size || l.end != size)
        return corrupt(err, name, "file size does not match its header (truncated?)");
    if (tag_checksum(data, size) != h.checksum)
        return corrupt(err, name, "checksum mismatch (the file is damaged)");
    if (((uintptr_t)data & 7) != 0)
        return corrupt(err, name, "image is not 8-byte aligned");

    m->header = (const tag_header *)data;
    m->classes = (const tag_class *)(data + l.classes);
    m->ambiguity = (const tag_ambiguity_slot *)(data + l.ambiguity);
    m->features = (const tag_feature_slot *)(data + l.features);
    m->rows = data + l.rows;
    m->dense = (const int16_t *)(data + l.dense);
    m->word_slots = (const tag_word_slot *)(data + l.words);
    m->word_rows = (const int32_t *)(data + l.word_rows);
    m->word_mask = h.word_slots - 1;
    m->lexicon = (const tag_lexicon_slot *)(data + l.lexicon);
    m->rule_slots = (const tag_rule_slot *)(data + l.rule_slots);
    m->rules = (const tag_rule *)(data + l.rules);
    m->strings = (const char *)(data + l.strings);
    m->ambiguity_mask = h.ambiguity_slots - 1;
    m->feature_slots = h.feature_slots;
    m->width = (uint32_t)tag_dense_width((int)h.n_classes);
    m->word_row_width = m->width * (h.options & TAG_OPT_SHARED_STATIC ? 1 : 2);
    choose_dense(m);
    m->lexicon_mask = h.lexicon_slots - 1;
    m->rule_mask = h.rule_slots - 1;

    /* The checksum catches damage; these checks make even a deliberately crafted file
     * unable to send a lookup out of bounds or into an endless probe. */
    for (uint32_t c = 0; c < h.n_classes; c++)
        if (m->classes[c].upos >= vg_upos_count || m->classes[c].xpos >= vg_xpos_count)
            return corrupt(err, name, "class with an unknown tag");
    int empty = 0;
    for (uint32_t s = 0; s < h.ambiguity_slots; s++) {
        empty |= m->ambiguity[s].word == 0;
        if (m->ambiguity[s].only > h.n_classes)
            return corrupt(err, name, "tag dictionary names an unknown class");
    }
    if (!empty)
        return corrupt(err, name, "tag dictionary has no free slot");
    empty = 0;
    for (uint32_t s = 0; s < h.word_slots; s++) {
        if (m->word_slots[s].row == UINT32_MAX)
            empty = 1;
        else if (m->word_slots[s].row >= h.n_word_rows)
            return corrupt(err, name, "word row out of bounds");
    }
    if (!empty)
        return corrupt(err, name, "word table has no free slot");
    empty = 0;
    for (uint32_t s = 0; s < h.feature_slots; s++) {
        const tag_feature_slot *f = &m->features[s];
        if (f->row == UINT32_MAX) {
            empty = 1;
            continue;
        }
        if (f->row & TAG_DENSE) {
            if ((f->row & ~TAG_DENSE) >= h.n_dense)
                return corrupt(err, name, "feature weights out of bounds");
            continue;
        }
        if (f->row >= h.row_bytes)
            return corrupt(err, name, "feature weights out of bounds");
        uint32_t count = m->rows[f->row];
        if (count > h.n_classes || (size_t)h.row_bytes - f->row < 1 + 3 * (size_t)count)
            return corrupt(err, name, "feature weights out of bounds");
        for (uint32_t j = 0; j < count; j++)
            if (m->rows[f->row + 1 + j] >= h.n_classes)
                return corrupt(err, name, "weight for an unknown class");
    }
    if (!empty)
        return corrupt(err, name, "feature table has no free slot");
    if (m->strings[h.string_bytes - 1] != '\0')
        return corrupt(err, name, "string pool not terminated");
    empty = 0;
    for (uint32_t s = 0; s < h.lexicon_slots; s++) {
        const tag_lexicon_slot *x = &m->lexicon[s];
        if (x->form == UINT32_MAX) {
            empty = 1;
            continue;
        }
        if (x->form >= h.string_bytes || x->lemma >= h.string_bytes || x->xpos >= vg_xpos_count)
            return corrupt(err, name, "lexicon entry out of bounds");
    }
    if (!empty)
        return corrupt(err, name, "lexicon has no free slot");
    empty = 0;
    for (uint32_t s = 0; s < h.rule_slots; s++) {
        const tag_rule_slot *r = &m->rule_slots[s];
        if (r->rule == UINT16_MAX) {
            empty = 1;
            continue;
        }
        if (r->rule >= h.n_rules)
            return corrupt(err, name, "rule index out of bounds");
    }
    if (!empty)
        return corrupt(err, name, "rule table has no free slot");
    for (uint32_t r = 0; r < h.n_rules; r++)
        if (m->rules[r].append >= h.string_bytes || m->rules[r].strip > 255)
            return corrupt(err, name, "rule out of bounds");
    return 0;
}

/* Finds the rows of the features `keys` (UINT32_MAX when the model has no such feature).
 * The slots of all keys are prefetched first so their cache misses overlap. */
static void find_rows(const tag_model *m, uint32_t *rows, const uint64_t *keys, int n_keys)
{
    uint32_t home[TAG_MAX_STATIC * 2 + TAG_MAX_CONTEXT];
    for (int k = 0; k < n_keys; k++) {
        home[k] = tag_feature_home(keys[k], m->feature_slots);
        __builtin_prefetch(&m->features[home[k]]);
    }
    for (int k = 0; k < n_keys; k++) {
        uint32_t check = (uint32_t)(keys[k] >> 32);
        rows[k] = UINT32_MAX;
        for (uint32_t s = home[k];;) {
            const tag_feature_slot *f = &m->features[s];
            if (f->row == UINT32_MAX)
                break;
            if (f->check == check) {
                rows[k] = f->row;
                if (f->row & TAG_DENSE)
                    __builtin_prefetch(m->dense + (size_t)(f->row & ~TAG_DENSE) * m->width);
                else
                    __builtin_prefetch(m->rows + f->row);
                break;
            }
            if (++s == m->feature_slots)
                s = 0;
        }
    }
}

/* Adds one feature's row to the scores (which are m->width wide). */
static inline void add_row(const tag_model *m, int32_t *restrict scores, uint32_t row)
{
    if (row == UINT32_MAX)
        return;
    if (row & TAG_DENSE) {
        m->add_dense(scores, m->dense + (size_t)(row & ~TAG_DENSE) * m->width, m->width);
        return;
    }
    const uint8_t *r = m->rows + row;
    uint32_t count = r[0];
    const uint8_t *cls = r + 1, *val = r + 1 + count;
    for (uint32_t j = 0; j < count; j++) {
        int16_t w;
        memcpy(&w, val + 2 * j, sizeof w);
        scores[cls[j]] += w;
    }
}

/* Adds the weights of the features `keys` to `scores`. */
static void add_weights(const tag_model *m, int32_t *scores, const uint64_t *keys, int n_keys)
{
    uint32_t rows[TAG_MAX_STATIC * 2 + TAG_MAX_CONTEXT];
    find_rows(m, rows, keys, n_keys);
    for (int k = 0; k < n_keys; k++)
        add_row(m, scores, rows[k]);
}

static int best_class(const int32_t *scores, int n)
{
    int best = 0;
    for (int c = 1; c < n; c++)
        if (scores[c] > scores[best])
            best = c;
    return best;
}

/* Keys of the static features as the second pass sees them when it has weights of its own. */
static void second_pass_keys(uint64_t *keys, int n)
{
    for (int k = 0; k < n; k++)
        keys[k] = vg_hash_mix(keys[k], 0x2545f4914f6cdd1dULL);
}

/* The first pass at token j: its class+1, and the static scores the second pass will add its
 * context to (the same as the first pass's when the passes share them). */
static const int32_t *word_row(const tag_model *m, uint64_t form)
{
    for (uint32_t s = (uint32_t)form & m->word_mask;; s = (s + 1) & m->word_mask) {
        const tag_word_slot *w = &m->word_slots[s];
        if (w->row == UINT32_MAX)
            return NULL;
        if (w->form == form)
            return m->word_rows + (size_t)w->row * m->word_row_width;
    }
}

void tag_model_word_scores(const tag_model *m, const tag_word *word, int32_t *first, int32_t *second)
{
    uint64_t keys[TAG_MAX_WORD_FEATURES];
    int nk = tag_word_features(keys, word);
    memset(first, 0, m->width * sizeof *first);
    add_weights(m, first, keys, nk);
    if (!(m->header->options & TAG_OPT_SHARED_STATIC)) {
        second_pass_keys(keys, nk);
        memset(second, 0, m->width * sizeof *second);
        add_weights(m, second, keys, nk);
    }
}

/* The first pass at token j: its class+1. Unless the first pass is sure of itself (its best
 * class leads the next by the model's sure_margin), also the static scores the second pass
 * will add its context to; *sure tells which. */
static int first_pass(const tag_model *m, const tag_word *words, int n, int j, const int *left,
                      int32_t *statics, int *sure)
{
    int n_classes = (int)m->header->n_classes;
    int shared = (m->header->options & TAG_OPT_SHARED_STATIC) != 0;
    uint64_t keys[TAG_MAX_STATIC * 2];
    uint32_t rows[TAG_MAX_STATIC * 2];
    int32_t scores[TAG_MAX_WIDTH];
    /* A frequent word's own features come summed in one row; the others are looked up. */
    const int32_t *cached = word_row(m, words[j].form);
    int nw = cached ? 0 : tag_word_features(keys, &words[j]);
    int nn = tag_neighbour_features(keys + nw, words, n, j);
    int ns = nw + nn;
    find_rows(m, rows, keys, ns);
    memset(scores, 0, m->width * sizeof *scores);
    if (cached)
        m->add_dense32(scores, cached, m->width);
    for (int k = 0; k < ns; k++)
        add_row(m, scores, rows[k]);
    if (shared)
        memcpy(statics, scores, m->width * sizeof *statics);
    uint64_t context[TAG_MAX_CONTEXT];
    int nk = tag_context_features(context, words, n, j, left, NULL);
    add_weights(m, scores, context, nk);
    int best = 0, runner_up = -1;
    for (int c = 1; c < n_classes; c++) {
        if (scores[c] > scores[best]) {
            runner_up = best;
            best = c;
        } else if (runner_up < 0 || scores[c] > scores[runner_up]) {
            runner_up = c;
        }
    }
    uint32_t margin = m->header->sure_margin;
    *sure = margin && (runner_up < 0 || (int64_t)scores[best] - scores[runner_up] >= margin);
    if (!shared && !*sure) {
        /* the second pass's static weights: the word's features and the first few
         * neighbours' (keys[0..ns) still hold the first pass's keys) */
        int second = tag_second_neighbours(m->header->options);
        int n2 = nw + (nn < second ? nn : second);
        second_pass_keys(keys, n2);
        find_rows(m, rows, keys, n2);
        memset(statics, 0, m->width * sizeof *statics);
        if (cached)
            m->add_dense32(statics, cached + m->width, m->width);
        for (int k = 0; k < n2; k++)
            add_row(m, statics, rows[k]);
    }
    return best + 1;
}

static int second_pass(const tag_model *m, const tag_word *words, int n, int i, const int *left,
                       const int *right, const int32_t *statics)
{
    int32_t scores[TAG_MAX_WIDTH];
    uint64_t keys[TAG_MAX_CONTEXT];
    memcpy(scores, statics, m->width * sizeof *scores);
    int nk = tag_context_features(keys, words, n, i, left, right);
    add_weights(m, scores, keys, nk);
    return best_class(scores, (int)m->header->n_classes) + 1;
}

int tag_model_tag(const tag_model *m, vg_sentence *sentence, void *arena)
{
    int n = (int)sentence->n_tokens;
    /* The second pass runs two tokens behind the first, so four rows of scores and tags
     * suffice whatever the sentence's length: no allocation per sentence. */
    int32_t statics[4][TAG_MAX_WIDTH];
    int first[4] = {0}, second[4] = {0}, sure[4] = {0};
    tag_word words_small[VG_MAX_SENTENCE_TOKENS];
    tag_word *words = words_small;
    if (n > (int)VG_MAX_SENTENCE_TOKENS) { /* only CoNLL-U input can be this long */
        words = vg_malloc((size_t)n * sizeof *words);
        if (!words)
            return VG_ENOMEM;
    }
    tag_words_fill(words, sentence, m->ambiguity, m->ambiguity_mask);
    int rc = 0;
    for (int j = 0; j < n + 2; j++) {
        if (j < n) {
            int left[2] = {j >= 1 ? first[(j - 1) & 3] : 0, j >= 2 ? first[(j - 2) & 3] : 0};
            /* a frequent word always seen with one class needs no classifier */
            sure[j & 3] = 1;
            first[j & 3] = words[j].only ? (int)words[j].only
                                         : first_pass(m, words, n, j, left, statics[j & 3], &sure[j & 3]);
        }
        int i = j - 2;
        if (i < 0)
            continue;
        int left[2] = {i >= 1 ? second[(i - 1) & 3] : 0, i >= 2 ? second[(i - 2) & 3] : 0};
        int right[2] = {i + 1 < n ? first[(i + 1) & 3] : 0, i + 2 < n ? first[(i + 2) & 3] : 0};
        int c = sure[i & 3] ? first[i & 3] : second_pass(m, words, n, i, left, right, statics[i & 3]);
        second[i & 3] = c;
        vg_token *t = &sentence->tokens[i];
        t->upos = m->classes[c - 1].upos;
        t->xpos = m->classes[c - 1].xpos;
        t->lemma = tag_lemmatize(m, t->form ? t->form : "", t->xpos, t->upos, arena);
        if (!t->lemma) {
            rc = VG_ENOMEM;
            break;
        }
    }
    if (words != words_small)
        vg_free(words);
    return rc;
}

int vg_tagger_open(vg_tagger **out, const char *model_path, vg_error *err)
{
    *out = NULL;
    vg_tagger *t = vg_calloc(1, sizeof *t);
    if (!t)
        return vg_error_set(err, VG_ENOMEM, "out of memory");
    int rc = vg_mapfile_open(&t->map, model_path, err);
    if (rc) {
        if (rc == VG_EMODEL || rc == VG_EIO) { /* a missing model is a model error too */
            char why[sizeof err->message];
            memcpy(why, err->message, sizeof why);
            rc = vg_error_set(err, VG_EMODEL, "cannot load tagger model: %s", why);
        }
        vg_free(t);
        return rc;
    }
    if (t->map.size > VG_MAX_MODEL_BYTES) {
        rc = vg_error_set(err, VG_EMODEL, "%s: tagger model larger than %u bytes", model_path,
                          VG_MAX_MODEL_BYTES);
        vg_tagger_close(t);
        return rc;
    }
    rc = tag_model_view(&t->model, t->map.data, t->map.size, model_path, err);
    if (rc) {
        vg_tagger_close(t);
        return rc;
    }
    *out = t;
    return 0;
}

void vg_tagger_close(vg_tagger *tagger)
{
    if (!tagger)
        return;
    vg_mapfile_close(&tagger->map);
    vg_free(tagger);
}

int vg_tagger_tag(const vg_tagger *tagger, vg_sentence *sentence, vg_arena *arena)
{
    return tag_model_tag(&tagger->model, sentence, arena);
}
