/* Loading a parser model (memory-mapped, header validated) and greedy parsing with it. */
#include "parse/parser.h"
#include "parse/parse_internal.h"
#include "text/tagset.h"
#include "util/alloc.h"
#include <math.h>
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif
#include <stdlib.h>
#include <string.h>

/* exp(-x) for x in [0, 16) by steps of 1/64: the beam's softmax without calls to exp. */
#define PARSE_EXP_PER_UNIT 64
#define PARSE_EXP_STEPS (16 * PARSE_EXP_PER_UNIT)

/* Files older than version 6 have no filters: their tables get a one-word filter that
 * lets every key through. */
static const uint64_t filter_pass_all = ~0ULL;

typedef struct parser_table {
    const parse_slot *slots;
    const parse_entry *entries;
    const int16_t *dense;
    uint64_t mask, n_entries, n_dense;
    uint32_t width;
    const uint64_t *filter;  /* bit (check & filter_mask) set when the table may hold the key */
    uint32_t filter_mask;
} parser_table;

/* Sums the weights of a table's features `keys` into scores[0..t->width-1] (the array
 * holds PARSE_MAX_LABELS). */
typedef void parser_score_fn(const parser_table *t, const uint64_t *keys, int n_keys, int32_t *scores);
static parser_score_fn *choose_score(void);
/* Sets bit k of differ[k / 64] when a[k] != b[k] (k < n <= PARSE_MAX_FEATURES); returns how
 * many differ. */
typedef int parser_differ_fn(const uint64_t *a, const uint64_t *b, int n, uint64_t *differ);
static parser_differ_fn *choose_differ(void);

struct vg_parser {
    vg_mapfile map;
    parser_score_fn *score;                    /* score_portable or score_avx2 */
    parser_differ_fn *differ;                  /* differ_portable or differ_avx2 */
    parser_table moves, labels;
    parse_lexicon lexicon;
    uint64_t left_allowed, right_allowed;
    uint64_t group_labels[PARSE_MAX_GROUPS];  /* labels of each group */
    uint32_t left_groups, right_groups;        /* groups with a label allowed that way */
    int root_label;
    int beam;                                  /* 1 = greedy */
    double inverse_temperature;                /* of the move scores, for the beam */
    float exp_table[PARSE_EXP_STEPS];          /* exp(-i / PARSE_EXP_PER_UNIT) */
    uint8_t deprel_of_label[PARSE_MAX_LABELS];
    /* The classes the beam offers when the legal moves are (bit m set: move m legal), in
     * class_order: listed once instead of tested for every configuration. */
    int8_t offered[1 << PARSE_N_MOVES][PARSE_N_CLASSES];
    uint8_t n_offered[1 << PARSE_N_MOVES];
};
static void list_offered(vg_parser *p);

/* A table's rows are as wide as its classes (the lookup writes scores that far and no
 * further, and the callers read every class). */
static int table_header_ok(const parse_table_header *t, uint32_t width)
{
    return t->n_slots && (t->n_slots & (t->n_slots - 1)) == 0 && t->n_slots <= VG_MAX_MODEL_BYTES &&
           t->n_entries >= 1 && t->n_entries <= VG_MAX_MODEL_BYTES && t->n_dense <= VG_MAX_MODEL_BYTES &&
           t->dense_width == width;
}

/* A version 6 file's filter sizes: powers of two within bounds (older files: none). */
static int filter_bits_ok(uint64_t bits, int v6)
{
    if (!v6)
        return bits == 0;
    return bits >= PARSE_FILTER_MIN_BITS && bits <= PARSE_FILTER_MAX_BITS && (bits & (bits - 1)) == 0;
}

static void table_open(parser_table *t, const parse_table_header *h, const parse_table_layout *lay,
                       const unsigned char *data, uint64_t filter_at, uint64_t filter_bits)
{
    if (filter_bits) {
        t->filter = (const uint64_t *)(data + filter_at);
        t->filter_mask = (uint32_t)(filter_bits - 1);
    } else {
        t->filter = &filter_pass_all;
        t->filter_mask = 63;
    }
    t->slots = (const parse_slot *)(data + lay->slots);
    t->entries = (const parse_entry *)(data + lay->entries);
    t->dense = (const int16_t *)(data + lay->dense);
    t->n_dense = h->n_dense;
    t->width = h->dense_width;
    t->mask = h->n_slots - 1;
    t->n_entries = h->n_entries;
}

static int corrupt(vg_error *err, const char *path, const char *why)
{
    return vg_error_set(err, VG_EMODEL, "%s: not a usable parser model: %s", path, why);
}

int vg_parser_open(vg_parser **out, const char *model_path, vg_error *err)
{
    *out = NULL;
    vg_parser *p = vg_calloc(1, sizeof *p);
    if (!p)
        return vg_error_set(err, VG_ENOMEM, "out of memory loading %s", model_path);
    int rc = vg_mapfile_open(&p->map, model_path, err);
    if (rc) {
        if (rc == VG_EIO)
            rc = vg_error_set(err, VG_EMODEL, "%s", err->message);
        goto fail;
    }
    const unsigned char *data = p->map.data;
    size_t size = p->map.size;
    parse_header h;
    memset(&h, 0, sizeof h);
    if (size < PARSE_V4_HEADER_BYTES) {
        rc = corrupt(err, model_path, "shorter than its header");
        goto fail;
    }
    memcpy(&h, data, size < sizeof h ? size : sizeof h);
    int v4 = memcmp(h.magic, PARSE_MAGIC_V4, sizeof h.magic) == 0;
    int v5 = memcmp(h.magic, PARSE_MAGIC_V5, sizeof h.magic) == 0;
    if (!v4 && !v5 && memcmp(h.magic, PARSE_MAGIC, sizeof h.magic) != 0) {
        rc = corrupt(err, model_path, "wrong magic number");
        goto fail;
    }
    if (h.version != (v4 ? 4u : v5 ? 5u : PARSE_VERSION) || h.feature_set != PARSE_FEATURE_SET) {
        rc = vg_error_set(err, VG_EMODEL, "%s: parser model version %u.%u, this vigil reads %u.%u",
                          model_path, h.version, h.feature_set, PARSE_VERSION, PARSE_FEATURE_SET);
        goto fail;
    }
    size_t header_bytes = v4 ? PARSE_V4_HEADER_BYTES : v5 ? PARSE_V5_HEADER_BYTES : sizeof h;
    if (v4) {
        h.beam_temperature = PARSE_V4_TEMPERATURE;
        h.unused = 0;
    }
    if (v4 || v5)
        h.move_filter_bits = h.label_filter_bits = 0;
    if (h.header_bytes != header_bytes || size < header_bytes || h.n_labels == 0 || h.n_labels >= PARSE_MAX_LABELS ||
        h.root_label == 0 || h.root_label > h.n_labels || h.n_groups == 0 ||
        h.n_groups > PARSE_MAX_GROUPS || !table_header_ok(&h.moves, PARSE_MOVE_WIDTH) ||
        !table_header_ok(&h.labels, PARSE_MAX_LABELS) ||
        h.n_lexicon_slots == 0 || (h.n_lexicon_slots & (h.n_lexicon_slots - 1)) != 0 ||
        h.n_lexicon_slots > VG_MAX_MODEL_BYTES || !(h.beam_temperature >= 1.0f && h.beam_temperature <= 1e9f) ||
        !filter_bits_ok(h.move_filter_bits, !v4 && !v5) || !filter_bits_ok(h.label_filter_bits, !v4 && !v5)) {
        rc = corrupt(err, model_path, "inconsistent header");
        goto fail;
    }
    parse_layout lay;
    parse_model_layout(&h, &lay);
    if (h.file_bytes != size || lay.total != size) {
        rc = corrupt(err, model_path, "file size does not match its header (truncated?)");
        goto fail;
    }
    uint64_t all_labels = (h.n_labels == 63 ? ~0ULL : ((1ULL << (h.n_labels + 1)) - 1)) & ~1ULL;
    p->left_allowed = h.left_allowed & all_labels & ~(1ULL << h.root_label);
    p->right_allowed = h.right_allowed & all_labels & ~(1ULL << h.root_label);
    for (uint32_t l = 1; l <= h.n_labels; l++) {
        char name[PARSE_LABEL_NAME_BYTES];
        memcpy(name, data + lay.labels + (uint64_t)l * PARSE_LABEL_NAME_BYTES, sizeof name);
        if (memchr(name, 0, sizeof name) == NULL) {
            rc = corrupt(err, model_path, "label name not terminated");
            goto fail;
        }
        int id = vg_deprel_id(name);
        if (id <= 0) {
            rc = vg_error_set(err, VG_EMODEL, "%s: unknown dependency relation '%s' in model",
                              model_path, name);
            goto fail;
        }
        p->deprel_of_label[l] = (uint8_t)id;
        unsigned g = data[lay.groups + l];
        if (g >= h.n_groups) {
            rc = corrupt(err, model_path, "label group out of range");
            goto fail;
        }
        p->group_labels[g] |= 1ULL << l;
        if (p->left_allowed & (1ULL << l))
            p->left_groups |= 1u << g;
        if (p->right_allowed & (1ULL << l))
            p->right_groups |= 1u << g;
    }
    if (!p->left_groups || !p->right_groups) {
        rc = corrupt(err, model_path, "no label allowed in one direction");
        goto fail;
    }
    p->root_label = (int)h.root_label;
    list_offered(p);
    p->score = choose_score();
    p->differ = choose_differ();
    p->beam = 1;
    p->inverse_temperature = 1.0 / h.beam_temperature;
    for (int i = 0; i < PARSE_EXP_STEPS; i++)
        p->exp_table[i] = (float)exp(-(double)i / PARSE_EXP_PER_UNIT);
    const char *beam = getenv("VIGIL_PARSE_BEAM");
    if (beam && *beam)
        vg_parser_set_beam(p, atoi(beam));
    table_open(&p->moves, &h.moves, &lay.moves, data, lay.move_filter, h.move_filter_bits);
    table_open(&p->labels, &h.labels, &lay.labels_table, data, lay.label_filter, h.label_filter_bits);
    p->lexicon.slots = (const parse_lexicon_slot *)(data + lay.lexicon);
    p->lexicon.mask = h.n_lexicon_slots - 1;
    *out = p;
    return 0;
fail:
    vg_mapfile_close(&p->map);
    vg_free(p);
    return rc;
}

void vg_parser_close(vg_parser *parser)
{
    if (!parser)
        return;
    vg_mapfile_close(&parser->map);
    vg_free(parser);
}

/* Sums the weights of the features' classes into scores[0..t->width-1] (a damaged class
 * byte is ignored). Keys the table's filter rules out are dropped first (the filter sits in
 * L2; the slots mostly do not). Every remaining slot is prefetched before any is read, so
 * the cache misses of ~100 features overlap instead of queueing; dense rows are summed in
 * a loop the compiler turns into vector adds. */
static inline __attribute__((always_inline)) void score_body(const parser_table *t, const uint64_t *keys,
                                                               int n_keys, int32_t *scores)
{
    uint64_t present[PARSE_MAX_FEATURES];
    int n_present = 0;
    for (int i = 0; i < n_keys; i++) {
        uint32_t bit = (uint32_t)(keys[i] >> 32) & t->filter_mask;
        if (t->filter[bit >> 6] >> (bit & 63) & 1) {
            __builtin_prefetch(&t->slots[keys[i] & t->mask]);
            present[n_present++] = keys[i];
        }
    }
    /* rows[]: dense rows by index; runs[]: first entries of sparse runs */
    const int16_t *rows[PARSE_MAX_FEATURES];
    uint32_t runs[PARSE_MAX_FEATURES];
    int n_rows = 0, n_runs = 0;
    uint32_t width = t->width;
    for (int i = 0; i < n_present; i++) {
        uint64_t at = present[i] & t->mask;
        uint32_t check = (uint32_t)(present[i] >> 32);
        for (uint64_t probe = 0; probe <= t->mask; probe++) {
            const parse_slot *s = &t->slots[at];
            if (s->run == 0)
                break;
            if (s->check == check) {
                uint32_t run = s->run;
                if (run & PARSE_RUN_DENSE) {
                    run &= ~PARSE_RUN_DENSE;
                    if (run >= t->n_dense)
                        break;
                    const int16_t *row = &t->dense[(uint64_t)run * width];
                    __builtin_prefetch(row);
                    if (width > 32)
                        __builtin_prefetch(row + 32);
                    rows[n_rows++] = row;
                } else {
                    __builtin_prefetch(&t->entries[run]);
                    runs[n_runs++] = run;
                }
                break;
            }
            at = (at + 1) & t->mask;
        }
    }
    /* Dense rows in loops of their own, so the sums stay in vector registers. Only the
     * table's classes (its width) are written: no one reads beyond them. */
    if (width == PARSE_MOVE_WIDTH) {
        int32_t sum[PARSE_MOVE_WIDTH] = {0};
        for (int i = 0; i < n_rows; i++)
            for (int j = 0; j < PARSE_MOVE_WIDTH; j++)
                sum[j] += rows[i][j];
        for (int j = 0; j < PARSE_MOVE_WIDTH; j++)
            scores[j] = sum[j];
    } else {
        int32_t sum[PARSE_MAX_LABELS] = {0};
        for (int i = 0; i < n_rows; i++)
            for (int j = 0; j < PARSE_MAX_LABELS; j++)
                sum[j] += rows[i][j];
        for (int j = 0; j < PARSE_MAX_LABELS; j++)
            scores[j] = sum[j];
    }
    for (int i = 0; i < n_runs; i++)
        for (uint64_t e = runs[i]; e < t->n_entries; e++) {
            unsigned c = t->entries[e].cls, cls = c & (PARSE_MAX_LABELS - 1);
            if (cls < width) /* always, but in a damaged file */
                scores[cls] += t->entries[e].weight;
            if (c & PARSE_ENTRY_LAST)
                break;
        }
}

static void score_portable(const parser_table *t, const uint64_t *keys, int n_keys, int32_t *scores)
{
    score_body(t, keys, n_keys, scores);
}

/* On x86-64 an AVX2 copy is chosen at run time when the processor has it: the rows' int16
 * weights widen and add in half the instructions of the SSE2 baseline. */
#if defined(__x86_64__) && defined(__GNUC__)
#define PARSE_HAVE_AVX2_DISPATCH 1
__attribute__((target("avx2"))) static void score_avx2(const parser_table *t, const uint64_t *keys, int n_keys,
                                                       int32_t *scores)
{
    score_body(t, keys, n_keys, scores);
}
#endif

static parser_score_fn *choose_score(void)
{
#ifdef PARSE_HAVE_AVX2_DISPATCH
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2"))
        return score_avx2;
#endif
    return score_portable;
}

/* Without a branch per key: whether two keys agree is unpredictable. */
static int differ_portable(const uint64_t *a, const uint64_t *b, int n, uint64_t *differ)
{
    int n_differ = 0;
    for (int w = 0; w * 64 < n; w++) {
        uint64_t m = 0;
        for (int k = w * 64; k < n && k < w * 64 + 64; k++) {
            int bit = a[k] != b[k];
            m |= (uint64_t)bit << (k & 63);
            n_differ += bit;
        }
        differ[w] = m;
    }
    return n_differ;
}

#ifdef PARSE_HAVE_AVX2_DISPATCH
/* Four keys a comparison. */
__attribute__((target("avx2,popcnt"))) static int differ_avx2(const uint64_t *a, const uint64_t *b, int n,
                                                              uint64_t *differ)
{
    int n_differ = 0;
    for (int w = 0; w * 64 < n; w++) {
        uint64_t m = 0;
        int k = w * 64, end = n < k + 64 ? n : k + 64;
        for (; k + 4 <= end; k += 4) {
            __m256i x = _mm256_loadu_si256((const __m256i *)(a + k));
            __m256i y = _mm256_loadu_si256((const __m256i *)(b + k));
            unsigned same = (unsigned)_mm256_movemask_pd(_mm256_castsi256_pd(_mm256_cmpeq_epi64(x, y)));
            m |= (uint64_t)(~same & 15u) << (k & 63);
        }
        for (; k < end; k++)
            m |= (uint64_t)(a[k] != b[k]) << (k & 63);
        differ[w] = m;
        n_differ += __builtin_popcountll(m);
    }
    return n_differ;
}
#endif

static parser_differ_fn *choose_differ(void)
{
#ifdef PARSE_HAVE_AVX2_DISPATCH
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt"))
        return differ_avx2;
#endif
    return differ_portable;
}

/* The highest-scoring label of the mask (ties go to the lowest label id). */
static int best_label(uint64_t allowed, const int32_t *scores)
{
    int best = 0;
    for (uint64_t m = allowed; m; m &= m - 1) {
        int l = __builtin_ctzll(m);
        if (best == 0 || scores[l] > scores[best])
            best = l;
    }
    return best;
}

void vg_parser_set_beam(vg_parser *parser, int width)
{
    parser->beam = width < 1 ? 1 : width > PARSE_MAX_BEAM ? PARSE_MAX_BEAM : width;
}

static int move_of_class(int cls)
{
    return cls == PARSE_SHIFT ? PARSE_SHIFT : cls <= PARSE_MAX_GROUPS ? PARSE_LEFT : PARSE_RIGHT;
}

/* The labels an arc of class `cls` (LEFT-g or RIGHT-g) may take. */
static uint64_t class_labels(const vg_parser *parser, int cls)
{
    if (move_of_class(cls) == PARSE_LEFT)
        return parser->left_allowed & parser->group_labels[cls - PARSE_CLASS_LEFT(0)];
    return parser->right_allowed & parser->group_labels[cls - PARSE_CLASS_RIGHT(0)];
}

/* The label of the arc a LEFT or RIGHT class would make in `st`. A group with one label
 * allowed that way (punctuation: one arc in seven) needs no scoring. */
static int arc_label(const vg_parser *parser, const parse_state *st, int cls, uint64_t *keys,
                     int32_t *scores)
{
    int move = move_of_class(cls);
    uint64_t allowed = class_labels(parser, cls);
    if ((allowed & (allowed - 1)) == 0)
        return allowed ? __builtin_ctzll(allowed) : 0;
    int head, dep;
    parse_state_arc(st, move, &head, &dep);
    int n_keys = parse_label_features(st, head, dep, keys);
    parser->score(&parser->labels, keys, n_keys, scores);
    return best_label(allowed, scores);
}

/* Whether SHIFT is the only legal move (the stack is empty): there is nothing to score. */
static int only_shift(const int *legal)
{
    return !legal[PARSE_LEFT] && !legal[PARSE_RIGHT];
}

/* Whether the move classifier may predict class `cls` in a configuration with these legal
 * moves; classes are visited in one fixed order, so ties resolve the same way everywhere. */
static int class_allowed(const vg_parser *parser, const int *legal, int cls)
{
    if (cls == PARSE_SHIFT)
        return legal[PARSE_SHIFT];
    if (cls <= PARSE_MAX_GROUPS)
        return legal[PARSE_LEFT] && (parser->left_groups >> (cls - PARSE_CLASS_LEFT(0)) & 1);
    return legal[PARSE_RIGHT] && (parser->right_groups >> (cls - PARSE_CLASS_RIGHT(0)) & 1);
}

/* SHIFT, then LEFT-g and RIGHT-g for each group: the order ties are broken in. */
static const int8_t class_order[PARSE_N_CLASSES] = {
    PARSE_SHIFT,
    PARSE_CLASS_LEFT(0), PARSE_CLASS_RIGHT(0), PARSE_CLASS_LEFT(1), PARSE_CLASS_RIGHT(1),
    PARSE_CLASS_LEFT(2), PARSE_CLASS_RIGHT(2), PARSE_CLASS_LEFT(3), PARSE_CLASS_RIGHT(3),
    PARSE_CLASS_LEFT(4), PARSE_CLASS_RIGHT(4), PARSE_CLASS_LEFT(5), PARSE_CLASS_RIGHT(5),
    PARSE_CLASS_LEFT(6), PARSE_CLASS_RIGHT(6),
};

static int legal_mask(const int *legal)
{
    return legal[PARSE_SHIFT] | legal[PARSE_LEFT] << 1 | legal[PARSE_RIGHT] << 2;
}

static void list_offered(vg_parser *p)
{
    for (int mask = 0; mask < 1 << PARSE_N_MOVES; mask++) {
        int legal[PARSE_N_MOVES] = {mask & 1, mask >> 1 & 1, mask >> 2 & 1};
        p->n_offered[mask] = 0;
        for (int k = 0; k < PARSE_N_CLASSES; k++)
            if (class_allowed(p, legal, class_order[k]))
                p->offered[mask][p->n_offered[mask]++] = class_order[k];
    }
}

static void write_tree(const vg_parser *parser, const parse_state *st, vg_sentence *sentence)
{
    uint32_t n = sentence->n_tokens;
    for (uint32_t i = 1; i <= n; i++) {
        const parse_node *nd = &st->nodes[i];
        vg_token *t = &sentence->tokens[i - 1];
        t->head = (int16_t)(nd->head == (int)n + 1 ? 0 : nd->head);
        t->deprel = parser->deprel_of_label[nd->label];
    }
}

/* One hypothesis of the beam: a configuration of its own (atoms shared) and the
 * log-probability of its moves. */
typedef struct beam_item {
    parse_state st;
    double score;
} beam_item;

typedef struct beam_candidate {
    double score;
    int item, cls;
} beam_candidate;

/* Inserts c into the best-first list best[0..*n-1] of at most `width`; equal scores keep
 * the earlier candidate first, so a beam of one is the greedy parse. */
static void keep_candidate(beam_candidate *best, int *n, int width, beam_candidate c)
{
    int at = *n;
    while (at > 0 && best[at - 1].score < c.score)
        at--;
    if (at >= width)
        return;
    int last = *n < width ? *n : width - 1;
    memmove(&best[at + 1], &best[at], (size_t)(last - at) * sizeof *best);
    best[at] = c;
    if (*n < width)
        (*n)++;
}

/* Offers the legal classes of item i as candidates, scored by the item's log-probability
 * plus the class's: the perceptron's scores turned into probabilities by a softmax at the
 * model's temperature. (Summing raw perceptron scores instead favours whichever path takes
 * the most confident-looking moves, and measured far worse than greedy parsing.) */
static void offer_moves(const vg_parser *parser, const beam_item *item, int i, const int32_t *scores,
                        const int *legal, beam_candidate *best, int *n_best)
{
    /* in class_order, the order every sum below keeps */
    const int8_t *allowed = parser->offered[legal_mask(legal)];
    int n_allowed = parser->n_offered[legal_mask(legal)];
    int32_t top = INT32_MIN;
    for (int k = 0; k < n_allowed; k++)
        if (scores[allowed[k]] > top)
            top = scores[allowed[k]];
    double to_units = parser->inverse_temperature * PARSE_EXP_PER_UNIT, z = 0;
    for (int k = 0; k < n_allowed; k++) {
        double x = (double)(top - scores[allowed[k]]) * to_units;
        if (x < PARSE_EXP_STEPS)
            z += parser->exp_table[(int)x];
    }
    double base = item->score - log(z);
    /* A candidate already pruned (parse_beam's test) against the step's best so far, or
     * against this item's most probable class (its score is `base`), cannot survive the
     * step, nor would it keep another in: the best can only rise. Most classes of a
     * configuration are that improbable; they are screened without a branch each (which
     * mispredicted), and the few left are offered in class order as before. */
    double floor = (*n_best > 0 && best[0].score > base ? best[0].score : base) - PARSE_BEAM_PRUNE;
    double score[PARSE_N_CLASSES];
    uint32_t left = 0;
    for (int k = 0; k < n_allowed; k++) {
        score[k] = base - (double)(top - scores[allowed[k]]) * parser->inverse_temperature;
        left |= (uint32_t)(score[k] >= floor) << k;
    }
    for (; left; left &= left - 1) {
        int k = __builtin_ctz(left);
        /* a full list keeps the earlier of equal scores: nothing at or below its last gets in */
        if (*n_best == parser->beam && score[k] <= best[*n_best - 1].score)
            continue;
        if (*n_best > 0 && score[k] < best[0].score - PARSE_BEAM_PRUNE)
            continue;
        keep_candidate(best, n_best, parser->beam, (beam_candidate){score[k], i, allowed[k]});
    }
}

/* The lookups of one table in one step of the beam, kept so that a later lookup can start
 * from an earlier one's sums. */
typedef struct shared_scores {
    uint64_t (*keys)[PARSE_MAX_FEATURES];
    int32_t (*scores)[PARSE_MAX_LABELS];
    int n_keys[PARSE_MAX_BEAM];
    uint32_t anchor[PARSE_MAX_BEAM];   /* lookups of different anchors are not compared */
    int item[PARSE_MAX_BEAM];          /* the move lookups' hypotheses */
    int n;
} shared_scores;

/* Scores the features t->keys[i] (looked up in `table`, anchored at `anchor`) into
 * t->scores[i] and returns them. The hypotheses of a step often differ only where the
 * features do not look (an arc deeper in the stack): on EWT test 39% of the hypotheses after
 * a step's first have the same 87 move keys as an earlier one (most are caught before their
 * keys are computed, by parse_state_same_features), and 13% more differ in fewer than 24.
 * Those take the earlier lookup's scores plus the weights of their own differing keys minus
 * its: the sums are of integers, so the scores are exactly those of a full lookup. Only
 * lookups with the same anchor (b0 and s0 for moves, the arc for labels) are compared:
 * elsewhere most keys differ. */
static const int32_t *score_shared(const vg_parser *parser, const parser_table *table, shared_scores *t,
                                   int i, uint32_t anchor)
{
    const uint64_t *keys = t->keys[i];
    int n_keys = t->n_keys[i], most = n_keys / 3;
    int32_t *scores = t->scores[i];
    t->anchor[i] = anchor;
    /* the latest lookup of the same anchor first: usually the nearest */
    for (int j = i - 1; j >= 0; j--) {
        if (t->anchor[j] != anchor || t->n_keys[j] != n_keys)
            continue;
        const uint64_t *other = t->keys[j];
        uint64_t differ[PARSE_MAX_FEATURES / 64] = {0};
        int n_differ = parser->differ(keys, other, n_keys, differ);
        if (n_differ > most)
            continue;
        const int32_t *from = t->scores[j];
        if (n_differ == 0) {
            memcpy(scores, from, table->width * sizeof *scores);
            return scores;
        }
        uint64_t gained[PARSE_MAX_FEATURES], lost[PARSE_MAX_FEATURES];
        int n = 0;
        for (int w = 0; w < PARSE_MAX_FEATURES / 64; w++)
            for (uint64_t m = differ[w]; m; m &= m - 1) {
                int k = w * 64 + __builtin_ctzll(m);
                gained[n] = keys[k];
                lost[n++] = other[k];
            }
        int32_t plus[PARSE_MAX_LABELS], minus[PARSE_MAX_LABELS];
        parser->score(table, gained, n, plus);
        parser->score(table, lost, n, minus);
        for (uint32_t c = 0; c < table->width; c++)
            scores[c] = from[c] + plus[c] - minus[c];
        return scores;
    }
    parser->score(table, keys, n_keys, scores);
    return scores;
}

/* The move scores of a configuration where SHIFT is the only legal move: offer_moves then
 * gives it probability 1. */
static const int32_t shift_only[PARSE_MAX_LABELS];

/* Beam search over the same transitions: the best sequences of moves by probability are
 * extended in step (all end after 2n moves); a hypothesis far less likely than the best is
 * dropped (PARSE_BEAM_PRUNE), so where the model is sure the beam holds one. */
static int parse_beam(const vg_parser *parser, vg_sentence *sentence)
{
    int n = (int)sentence->n_tokens, width = parser->beam;
    size_t nodes_bytes = ((size_t)n + 2) * sizeof(parse_node);
    size_t stack_bytes = ((size_t)n + 2) * sizeof(int16_t);
    size_t item_bytes = (nodes_bytes + stack_bytes + 15) & ~(size_t)15;
    size_t base_bytes = (parse_scratch_bytes(n) + 15) & ~(size_t)15;
    size_t keys_bytes = (size_t)width * PARSE_MAX_FEATURES * sizeof(uint64_t);
    size_t scores_bytes = (size_t)width * PARSE_MAX_LABELS * sizeof(int32_t);
    size_t shared_at = base_bytes + 2 * (size_t)width * item_bytes;
    unsigned char *scratch = vg_malloc(shared_at + 2 * (keys_bytes + scores_bytes));
    if (!scratch)
        return VG_ENOMEM;
    shared_scores moves, labels;
    moves.keys = (uint64_t(*)[PARSE_MAX_FEATURES])(scratch + shared_at);
    labels.keys = (uint64_t(*)[PARSE_MAX_FEATURES])(scratch + shared_at + keys_bytes);
    moves.scores = (int32_t(*)[PARSE_MAX_LABELS])(scratch + shared_at + 2 * keys_bytes);
    labels.scores = (int32_t(*)[PARSE_MAX_LABELS])(scratch + shared_at + 2 * keys_bytes + scores_bytes);
    beam_item items[2][PARSE_MAX_BEAM];
    parse_state base;
    parse_state_init(&base, sentence, &parser->lexicon, scratch);
    for (int side = 0; side < 2; side++)
        for (int i = 0; i < width; i++) {
            unsigned char *at = scratch + base_bytes + ((size_t)side * width + i) * item_bytes;
            items[side][i].st = base;
            items[side][i].st.nodes = (parse_node *)at;
            items[side][i].st.stack = (int16_t *)(at + nodes_bytes);
        }
    beam_item *cur = items[0], *next = items[1];
    memcpy(cur[0].st.nodes, base.nodes, nodes_bytes);
    cur[0].score = 0;
    int n_cur = 1;
    int legal[PARSE_N_MOVES];
    beam_candidate best[PARSE_MAX_BEAM];
    while (!parse_state_done(&cur[0].st)) {
        int n_best = 0;
        moves.n = 0;
        for (int i = 0; i < n_cur; i++) {
            const parse_state *st = &cur[i].st;
            if (st->b0 == n + 1 && st->depth == 1) {
                keep_candidate(best, &n_best, width, (beam_candidate){cur[i].score, i, PARSE_CLASS_LEFT(0)});
                continue;
            }
            parse_state_legal(st, legal);
            const int32_t *scores = shift_only;
            if (!only_shift(legal)) {
                int at = moves.n++, same = -1;
                moves.item[at] = i;
                /* A hypothesis that looks the same to the features as an earlier one (they
                 * differ deeper in the stack: a quarter of the configurations scored) has its
                 * scores, and its keys need not be computed. */
                for (int k = at - 1; k >= 0 && same < 0; k--)
                    if (parse_state_same_features(st, &cur[moves.item[k]].st))
                        same = k;
                if (same >= 0) {
                    moves.n--; /* the earlier lookup stands for both */
                    scores = moves.scores[same];
                } else {
                    moves.n_keys[at] = parse_state_features(st, moves.keys[at]);
                    scores = score_shared(parser, &parser->moves, &moves, at,
                                          (uint32_t)st->b0 << 16 | (uint16_t)st->stack[st->depth - 1]);
                }
            }
            offer_moves(parser, &cur[i], i, scores, legal, best, &n_best);
        }
        while (n_best > 1 && best[n_best - 1].score < best[0].score - PARSE_BEAM_PRUNE)
            n_best--;
        int in_place = n_best == 1 && n_cur == 1; /* one hypothesis goes on: no copy */
        if (!in_place) {
            /* A hypothesis's first successor takes its memory over (the two swap); only
             * the others copy it, all before any move is applied. */
            uint32_t claimed = 0, first = 0;
            for (int j = 0; j < n_best; j++) {
                int f = best[j].item;
                if (!(claimed >> f & 1)) {
                    claimed |= 1u << f;
                    first |= 1u << j;
                    continue;
                }
                const parse_state *from = &cur[f].st;
                parse_state *to = &next[j].st;
                memcpy(to->nodes, from->nodes, nodes_bytes);
                memcpy(to->stack, from->stack, (size_t)from->depth * sizeof(int16_t));
                to->b0 = from->b0;
                to->depth = from->depth;
            }
            for (int j = 0; j < n_best; j++)
                if (first >> j & 1) {
                    parse_state swap = next[j].st;
                    next[j].st = cur[best[j].item].st;
                    cur[best[j].item].st = swap;
                }
        }
        labels.n = 0;
        for (int j = 0; j < n_best; j++) {
            int cls = best[j].cls, move = move_of_class(cls), label = 0;
            parse_state *to = in_place ? &cur[0].st : &next[j].st;
            uint64_t allowed = move == PARSE_SHIFT ? 0 : class_labels(parser, cls);
            if (to->b0 == n + 1 && to->depth == 1) {
                label = parser->root_label;
            } else if (allowed & (allowed - 1)) {
                int head, dep, at = labels.n++;
                parse_state_arc(to, move, &head, &dep);
                labels.n_keys[at] = parse_label_features(to, head, dep, labels.keys[at]);
                label = best_label(allowed, score_shared(parser, &parser->labels, &labels, at,
                                                         (uint32_t)head << 16 | (uint16_t)dep));
            } else if (allowed) {
                label = __builtin_ctzll(allowed);
            }
            parse_state_apply(to, move, label);
            if (to == &cur[0].st)
                cur[0].score = best[0].score;
            else
                next[j].score = best[j].score;
        }
        if (!in_place) {
            beam_item *swap = cur;
            cur = next;
            next = swap;
        }
        n_cur = n_best;
    }
    write_tree(parser, &cur[0].st, sentence);
    vg_free(scratch);
    return 0;
}

int vg_parser_parse(const vg_parser *parser, vg_sentence *sentence)
{
    uint32_t n = sentence->n_tokens;
    if (n == 0)
        return 0;
    if (n > PARSE_MAX_WORDS)
        return VG_ELIMIT;
    if (parser->beam > 1)
        return parse_beam(parser, sentence);
    void *scratch = vg_malloc(parse_scratch_bytes((int)n));
    if (!scratch)
        return VG_ENOMEM;
    parse_state st;
    parse_state_init(&st, sentence, &parser->lexicon, scratch);
    uint64_t keys[PARSE_MAX_FEATURES];
    int32_t scores[PARSE_MAX_LABELS];
    int legal[PARSE_N_MOVES];
    while (!parse_state_done(&st)) {
        parse_state_legal(&st, legal);
        int move, label = 0;
        if (st.b0 == (int)n + 1 && st.depth == 1) {
            move = PARSE_LEFT; /* the last word left is the root */
            label = parser->root_label;
        } else if (only_shift(legal)) {
            move = PARSE_SHIFT;
        } else {
            int n_keys = parse_state_features(&st, keys);
            parser->score(&parser->moves, keys, n_keys, scores);
            int cls = -1;
            if (legal[PARSE_SHIFT])
                cls = PARSE_SHIFT;
            for (int g = 0; g < PARSE_MAX_GROUPS; g++) {
                if (legal[PARSE_LEFT] && (parser->left_groups >> g & 1) &&
                    (cls < 0 || scores[PARSE_CLASS_LEFT(g)] > scores[cls]))
                    cls = PARSE_CLASS_LEFT(g);
                if (legal[PARSE_RIGHT] && (parser->right_groups >> g & 1) &&
                    (cls < 0 || scores[PARSE_CLASS_RIGHT(g)] > scores[cls]))
                    cls = PARSE_CLASS_RIGHT(g);
            }
            move = move_of_class(cls);
            if (move != PARSE_SHIFT)
                label = arc_label(parser, &st, cls, keys, scores);
        }
        parse_state_apply(&st, move, label);
    }
    write_tree(parser, &st, sentence);
    vg_free(scratch);
    return 0;
}
