/* Training the parser: averaged perceptron over arc-hybrid transitions with a dynamic oracle
 * (Goldberg & Nivre 2013) and error exploration; writes the model file parser.c maps. */
#include "parse/parser.h"
#include "parse/parse_internal.h"
#include "text/tagset.h"
#include "util/alloc.h"
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* One class's weight of one feature, with what lazy averaging needs. */
typedef struct train_entry {
    float weight;
    float best;              /* averaged weight after the best pass on dev */
    double total;            /* sum of the weight over the updates so far, up to `stamp` */
    uint32_t stamp;
    uint8_t cls;
} train_entry;

typedef struct train_feature {
    uint64_t key;
    train_entry *entries;
    uint16_t n, cap;
    uint32_t updates;        /* how often an update touched it: rare ones are not saved */
} train_feature;

typedef struct train_model {
    train_feature *features;
    size_t n_features, cap_features;
    uint32_t *table;         /* feature index + 1; 0 = empty */
    size_t table_mask;
    uint32_t now;            /* updates are stamped with the number of decisions so far */
} train_model;

/* The two classifiers being trained and the label set they share. */
typedef struct train_parser {
    train_model moves, labels;
    int root_label, n_labels, n_groups;
    uint64_t left_allowed, right_allowed;     /* without root */
    uint64_t group_labels[PARSE_MAX_GROUPS];
    uint32_t left_groups, right_groups;
    uint8_t group_of_label[PARSE_MAX_LABELS];
    uint8_t label_of_deprel[256];
    uint8_t deprel_of_label[PARSE_MAX_LABELS];
    parse_lexicon_slot *lexicon_slots;
    parse_lexicon lexicon;
} train_parser;

/* Per-sentence gold tree in model terms: head (n+1 for ROOT) and label of each word. */
typedef struct train_gold {
    int16_t *head;
    uint8_t *label;
} train_gold;

/* Training settings, chosen by measurement (docs/internals/parser.md). */
enum {
    TRAIN_GROUPS = 7,           /* label groups of the move classifier */
    TRAIN_LEXICON_MIN = 3,      /* words seen this often get a training tag set */
    TRAIN_EXPLORE_FROM = 1,     /* first pass (0-based) that follows its own mistakes */
    TRAIN_MIN_UPDATES = 2,      /* features updated less often are not saved */
    TRAIN_LOAD_PERCENT = 70,    /* most slots of a model table in use */
    TRAIN_DENSE_MOVES = 5,      /* a feature with weights on this many moves gets a dense row */
    TRAIN_DENSE_LABELS = 12,    /* ... on this many labels */
    TRAIN_MEMBERS = 3,          /* models trained with different shuffles, then averaged */
    TRAIN_BEAM_WIDTH = 4        /* the beam the temperature is chosen for */
};
/* The beam's softmax temperature, in int16 weight units (the largest weight is 32767):
 * the trainer tries TRAIN_BEAM_TEMPERATURE times 1.25^k, k = -4..4, on dev. */
enum {
    TRAIN_BEAM_TEMPERATURE = 20000
};
#define TRAIN_EXPLORE 0.9       /* probability of following the model's own wrong move */

static uint64_t rng_next(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static long find_feature(const train_model *m, uint64_t key)
{
    for (size_t at = key & m->table_mask;; at = (at + 1) & m->table_mask) {
        uint32_t f = m->table[at];
        if (f == 0)
            return -1;
        if (m->features[f - 1].key == key)
            return (long)f - 1;
    }
}

static int grow_table(train_model *m)
{
    size_t size = (m->table_mask + 1) * 2;
    uint32_t *table = vg_calloc(size, sizeof *table);
    if (!table)
        return VG_ENOMEM;
    for (size_t f = 0; f < m->n_features; f++) {
        size_t at = m->features[f].key & (size - 1);
        while (table[at])
            at = (at + 1) & (size - 1);
        table[at] = (uint32_t)f + 1;
    }
    vg_free(m->table);
    m->table = table;
    m->table_mask = size - 1;
    return 0;
}

static long add_feature(train_model *m, uint64_t key)
{
    if ((m->n_features + 1) * 2 > m->table_mask + 1 && grow_table(m))
        return -1;
    if (m->n_features == m->cap_features) {
        size_t cap = m->cap_features ? m->cap_features * 2 : 1 << 16;
        train_feature *f = vg_realloc(m->features, cap * sizeof *f);
        if (!f)
            return -1;
        m->features = f;
        m->cap_features = cap;
    }
    train_feature *f = &m->features[m->n_features];
    memset(f, 0, sizeof *f);
    f->key = key;
    size_t at = key & m->table_mask;
    while (m->table[at])
        at = (at + 1) & m->table_mask;
    m->table[at] = (uint32_t)m->n_features + 1;
    return (long)m->n_features++;
}

/* The entry of class `cls` of a feature, added (zero) if it has none; NULL when out of memory. */
static train_entry *entry_of(train_model *m, train_feature *f, int cls)
{
    for (int i = 0; i < f->n; i++)
        if (f->entries[i].cls == cls)
            return &f->entries[i];
    if (f->n == f->cap) {
        int cap = f->cap ? f->cap * 2 : 2;
        train_entry *grown = vg_realloc(f->entries, (size_t)cap * sizeof *grown);
        if (!grown)
            return NULL;
        f->entries = grown;
        f->cap = (uint16_t)cap;
    }
    train_entry *e = &f->entries[f->n++];
    memset(e, 0, sizeof *e);
    e->cls = (uint8_t)cls;
    e->stamp = m->now;
    return e;
}

static int update(train_model *m, uint64_t key, int cls, float delta)
{
    long fi = find_feature(m, key);
    if (fi < 0 && (fi = add_feature(m, key)) < 0)
        return VG_ENOMEM;
    train_feature *f = &m->features[fi];
    if (delta > 0)
        f->updates++;
    train_entry *e = entry_of(m, f, cls);
    if (!e)
        return VG_ENOMEM;
    e->total += (double)(m->now - e->stamp) * e->weight;
    e->stamp = m->now;
    e->weight += delta;
    return 0;
}

static float averaged(const train_model *m, const train_entry *e)
{
    double total = e->total + (double)(m->now - e->stamp) * e->weight;
    return m->now ? (float)(total / m->now) : e->weight;
}

enum { USE_WEIGHT, USE_AVERAGE, USE_BEST };

static void score(const train_model *m, const uint64_t *keys, int n_keys, int which, float *scores)
{
    memset(scores, 0, PARSE_MAX_LABELS * sizeof *scores);
    for (int i = 0; i < n_keys; i++) {
        long fi = find_feature(m, keys[i]);
        if (fi < 0)
            continue;
        const train_feature *f = &m->features[fi];
        for (int j = 0; j < f->n; j++) {
            const train_entry *e = &f->entries[j];
            scores[e->cls] += which == USE_WEIGHT ? e->weight : which == USE_BEST ? e->best : averaged(m, e);
        }
    }
}

/* Legal classes of the move classifier, as a bit mask over PARSE_N_CLASSES. */
static uint32_t legal_classes(const train_parser *tp, const int *legal)
{
    uint32_t mask = legal[PARSE_SHIFT] ? 1u << PARSE_SHIFT : 0;
    for (int g = 0; g < tp->n_groups; g++) {
        if (legal[PARSE_LEFT] && (tp->left_groups >> g & 1))
            mask |= 1u << PARSE_CLASS_LEFT(g);
        if (legal[PARSE_RIGHT] && (tp->right_groups >> g & 1))
            mask |= 1u << PARSE_CLASS_RIGHT(g);
    }
    return mask;
}

static int argmax_class(uint32_t legal, const float *scores, const int *cost, int want_cost)
{
    int best = -1;
    for (uint32_t m = legal; m; m &= m - 1) {
        int c = __builtin_ctz(m);
        if ((!cost || cost[c] == want_cost) && (best < 0 || scores[c] > scores[best]))
            best = c;
    }
    return best;
}

static int move_of(int cls)
{
    return cls == PARSE_SHIFT ? PARSE_SHIFT : cls <= PARSE_MAX_GROUPS ? PARSE_LEFT : PARSE_RIGHT;
}

static int group_of_class(int cls)
{
    return cls <= PARSE_MAX_GROUPS ? cls - PARSE_CLASS_LEFT(0) : cls - PARSE_CLASS_RIGHT(0);
}

static int argmax_label(uint64_t allowed, const float *scores)
{
    int best = 0;
    for (uint64_t mask = allowed; mask; mask &= mask - 1) {
        int l = __builtin_ctzll(mask);
        if (best == 0 || scores[l] > scores[best])
            best = l;
    }
    return best;
}

/* Gold arcs each legal move makes unreachable (arc-hybrid, exact for projective trees):
 * LEFT pops s0 under b0, RIGHT pops s0 under s1, SHIFT buries b0 above s0. A gold arc
 * predicted with the wrong label group costs one more. Fills cost[] for the legal classes;
 * returns the least. */
static int oracle_costs(const train_parser *tp, const parse_state *st, const train_gold *g,
                        uint32_t legal, int *cost)
{
    int d = st->depth, b0 = st->b0, n = st->n;
    int least = 1 << 30;
    if (legal & (1u << PARSE_SHIFT)) {
        int c = 0;
        for (int i = 0; i < d; i++) {
            int s = st->stack[d - 1 - i];
            c += g->head[s] == b0;
            c += i >= 1 && g->head[b0] == s;
        }
        cost[PARSE_SHIFT] = c;
        least = c;
    }
    if (d == 0)
        return least;
    int s0 = st->stack[d - 1], s1 = d > 1 ? st->stack[d - 2] : 0;
    int deps_in_buffer = 0;
    for (int i = b0; i <= n; i++)
        deps_in_buffer += g->head[i] == s0;
    int h = g->head[s0], gold_group = tp->group_of_label[g->label[s0]];
    int left = deps_in_buffer + (h == s1 && s1) + (h > b0);
    int right = deps_in_buffer + (h >= b0);
    for (uint32_t m = legal & ~(1u << PARSE_SHIFT); m; m &= m - 1) {
        int c = __builtin_ctz(m), group = group_of_class(c);
        if (move_of(c) == PARSE_LEFT)
            cost[c] = left + (h == b0 && group != gold_group);
        else
            cost[c] = right + (h == s1 && group != gold_group);
        if (cost[c] < least)
            least = cost[c];
    }
    return least;
}

static int is_projective(const vg_sentence *s)
{
    int n = (int)s->n_tokens;
    for (int i = 0; i < n; i++) {
        int h = s->tokens[i].head, dep = i + 1;
        int lo = h < dep ? h : dep, hi = h < dep ? dep : h;
        for (int j = lo + 1; j < hi; j++) {
            /* every word strictly inside the arc must descend from h */
            int a = j, steps = 0;
            while (a != h && a != 0 && steps++ <= n)
                a = s->tokens[a - 1].head;
            if (a != h)
                return 0;
        }
    }
    return 1;
}

/* Usable for training: every word has a head in range and a label the model knows. */
static int gold_of(const train_parser *m, const vg_sentence *s, train_gold *g)
{
    int n = (int)s->n_tokens;
    int roots = 0;
    for (int i = 0; i < n; i++) {
        const vg_token *t = &s->tokens[i];
        if (t->head < 0 || t->head > n || t->head == i + 1 || !m->label_of_deprel[t->deprel])
            return 0;
        g->head[i + 1] = (int16_t)(t->head == 0 ? n + 1 : t->head);
        g->label[i + 1] = m->label_of_deprel[t->deprel];
        roots += t->head == 0;
    }
    g->head[0] = g->head[n + 1] = -1;
    return roots == 1;
}

typedef struct train_run {
    train_parser *tp;
    uint64_t rng;
    double explore;          /* probability of following the model's own (wrong) move */
    int explore_from;        /* first pass (0-based) that explores */
    uint64_t keys[PARSE_MAX_FEATURES];
    void *scratch;
    train_gold gold;
} train_run;

static int chance(train_run *r, double p)
{
    return (double)(rng_next(&r->rng) >> 11) / 9007199254740992.0 < p;
}

static int train_sentence(train_run *r, const vg_sentence *s, int pass)
{
    train_parser *tp = r->tp;
    parse_state st;
    parse_state_init(&st, s, &tp->lexicon, r->scratch);
    float scores[PARSE_MAX_LABELS];
    int cost[PARSE_N_CLASSES], legal[PARSE_N_MOVES];
    int exploring = pass >= r->explore_from;
    while (!parse_state_done(&st)) {
        parse_state_legal(&st, legal);
        if (st.b0 == st.n + 1 && st.depth == 1) {
            parse_state_apply(&st, PARSE_LEFT, tp->root_label);
            continue;
        }
        int n_keys = parse_state_features(&st, r->keys);
        score(&tp->moves, r->keys, n_keys, USE_WEIGHT, scores);
        uint32_t classes = legal_classes(tp, legal);
        int least = oracle_costs(tp, &st, &r->gold, classes, cost);
        int predicted = argmax_class(classes, scores, NULL, 0);
        int gold = argmax_class(classes, scores, cost, least);
        tp->moves.now++;
        if (cost[predicted] > least)
            for (int i = 0; i < n_keys; i++)
                if (update(&tp->moves, r->keys[i], gold, 1.0f) ||
                    update(&tp->moves, r->keys[i], predicted, -1.0f))
                    return VG_ENOMEM;
        int cls = gold;
        if (exploring && predicted != gold && chance(r, r->explore))
            cls = predicted;
        int move = move_of(cls), label = 0;
        if (move != PARSE_SHIFT) {
            int head, dep, group = group_of_class(cls);
            parse_state_arc(&st, move, &head, &dep);
            n_keys = parse_label_features(&st, head, dep, r->keys);
            score(&tp->labels, r->keys, n_keys, USE_WEIGHT, scores);
            uint64_t allowed = move == PARSE_LEFT ? tp->left_allowed : tp->right_allowed;
            label = argmax_label(allowed & tp->group_labels[group], scores);
            if (r->gold.head[dep] == head) {
                int want = r->gold.label[dep], want_group = tp->group_of_label[want];
                int guess = argmax_label(allowed & tp->group_labels[want_group], scores);
                tp->labels.now++;
                if (guess != want)
                    for (int i = 0; i < n_keys; i++)
                        if (update(&tp->labels, r->keys[i], want, 1.0f) ||
                            update(&tp->labels, r->keys[i], guess, -1.0f))
                            return VG_ENOMEM;
                if (group == want_group && !(exploring && chance(r, r->explore)))
                    label = want;
            }
        }
        parse_state_apply(&st, move, label);
    }
    return 0;
}

/* Parses with averaged (or best) weights, for dev scores. */
static void parse_with(const train_parser *tp, const vg_sentence *s, void *scratch, int which,
                       int16_t *heads, uint8_t *labels)
{
    parse_state st;
    parse_state_init(&st, s, &tp->lexicon, scratch);
    uint64_t keys[PARSE_MAX_FEATURES];
    float scores[PARSE_MAX_LABELS];
    int legal[PARSE_N_MOVES];
    while (!parse_state_done(&st)) {
        parse_state_legal(&st, legal);
        if (st.b0 == st.n + 1 && st.depth == 1) {
            parse_state_apply(&st, PARSE_LEFT, tp->root_label);
            continue;
        }
        int n_keys = parse_state_features(&st, keys);
        score(&tp->moves, keys, n_keys, which, scores);
        int cls = argmax_class(legal_classes(tp, legal), scores, NULL, 0);
        int move = move_of(cls), label = 0;
        if (move != PARSE_SHIFT) {
            int head, dep;
            parse_state_arc(&st, move, &head, &dep);
            n_keys = parse_label_features(&st, head, dep, keys);
            score(&tp->labels, keys, n_keys, which, scores);
            label = argmax_label((move == PARSE_LEFT ? tp->left_allowed : tp->right_allowed) &
                                     tp->group_labels[group_of_class(cls)],
                                 scores);
        }
        parse_state_apply(&st, move, label);
    }
    int n = (int)s->n_tokens;
    for (int i = 1; i <= n; i++) {
        heads[i] = (int16_t)(st.nodes[i].head == n + 1 ? 0 : st.nodes[i].head);
        labels[i] = tp->deprel_of_label[st.nodes[i].label];
    }
}

static void evaluate(const train_parser *tp, const vg_treebank *bank, void *scratch, int which,
                     double *uas, double *las)
{
    size_t tokens = 0, u = 0, l = 0;
    int16_t heads[PARSE_MAX_WORDS + 2];
    uint8_t labels[PARSE_MAX_WORDS + 2];
    for (size_t i = 0; i < bank->n_sentences; i++) {
        const vg_sentence *s = &bank->sentences[i];
        if (s->n_tokens == 0 || s->n_tokens > PARSE_MAX_WORDS)
            continue;
        parse_with(tp, s, scratch, which, heads, labels);
        for (uint32_t j = 0; j < s->n_tokens; j++) {
            tokens++;
            if (heads[j + 1] == s->tokens[j].head) {
                u++;
                l += labels[j + 1] == s->tokens[j].deprel;
            }
        }
    }
    *uas = tokens ? 100.0 * u / tokens : 0;
    *las = tokens ? 100.0 * l / tokens : 0;
}

static void keep_best(train_model *m)
{
    for (size_t f = 0; f < m->n_features; f++)
        for (int j = 0; j < m->features[f].n; j++)
            m->features[f].entries[j].best = averaged(m, &m->features[f].entries[j]);
}

/* Largest |best| weight of a model, to scale weights to int16. */
static float max_weight(const train_model *m)
{
    float top = 0;
    for (size_t f = 0; f < m->n_features; f++)
        for (int j = 0; j < m->features[f].n; j++)
            if (fabsf(m->features[f].entries[j].best) > top)
                top = fabsf(m->features[f].entries[j].best);
    return top > 0 ? top : 1;
}

static int16_t quantise(float w, float scale)
{
    float q = roundf(w * scale);
    return (int16_t)(q > 32767 ? 32767 : q < -32767 ? -32767 : q);
}

static uint64_t table_size(size_t n, int percent_load)
{
    uint64_t size = 1024;
    while (size * (uint64_t)percent_load < (uint64_t)n * 100)
        size *= 2;
    return size;
}

/* Counts what a table keeps: features with a weight that survives quantisation. */

/* Non-zero weights of a feature as saved, or 0 when the feature is not saved. */
static int saved_weights(const train_feature *tf, float scale)
{
    if (tf->updates < TRAIN_MIN_UPDATES)
        return 0;
    int nz = 0;
    for (int j = 0; j < tf->n; j++)
        nz += quantise(tf->entries[j].best, scale) != 0;
    return nz;
}

/* Counts what a table keeps: features with a weight that survives quantisation, as sparse
 * runs, or as dense rows when they have at least dense_from weights. */
static void table_size_of(const train_model *m, float scale, uint32_t width, int dense_from,
                          parse_table_header *t)
{
    size_t n_features = 0, n_entries = 1, n_dense = 0;
    for (size_t f = 0; f < m->n_features; f++) {
        int nz = saved_weights(&m->features[f], scale);
        n_features += nz > 0;
        if (nz >= dense_from)
            n_dense++;
        else
            n_entries += (size_t)nz;
    }
    t->n_slots = table_size(n_features, TRAIN_LOAD_PERCENT);
    t->n_entries = n_entries;
    t->n_dense = n_dense;
    t->dense_width = width;
    t->scale = scale;
}

static void table_write(const train_model *m, const parse_table_header *t, const parse_table_layout *lay,
                        int dense_from, unsigned char *buf)
{
    parse_slot *slots = (parse_slot *)(buf + lay->slots);
    parse_entry *entries = (parse_entry *)(buf + lay->entries);
    int16_t *dense = (int16_t *)(buf + lay->dense);
    uint64_t mask = t->n_slots - 1;
    size_t next = 1, next_dense = 0;
    for (size_t f = 0; f < m->n_features; f++) {
        const train_feature *tf = &m->features[f];
        int nz = saved_weights(tf, t->scale);
        if (!nz)
            continue;
        uint32_t run;
        if (nz >= dense_from) {
            int16_t *row = &dense[next_dense * t->dense_width];
            for (int j = 0; j < tf->n; j++)
                row[tf->entries[j].cls] = quantise(tf->entries[j].best, t->scale);
            run = (uint32_t)next_dense++ | PARSE_RUN_DENSE;
        } else {
            run = (uint32_t)next;
            for (int j = 0; j < tf->n; j++) {
                int16_t q = quantise(tf->entries[j].best, t->scale);
                if (q) {
                    entries[next].cls = tf->entries[j].cls;
                    entries[next].weight = q;
                    next++;
                }
            }
            entries[next - 1].cls |= PARSE_ENTRY_LAST;
        }
        uint64_t at = tf->key & mask;
        while (slots[at].run)
            at = (at + 1) & mask;
        slots[at].check = (uint32_t)(tf->key >> 32);
        slots[at].run = run;
    }
}

static int write_model(const train_parser *tp, const char *path, vg_error *err)
{
    parse_header h;
    memset(&h, 0, sizeof h);
    /* The tables are laid out as version 5 (slots, runs, dense rows); parse_model_convert
     * then adds the filters: one code path for new and converted models. */
    memcpy(h.magic, PARSE_MAGIC_V5, sizeof h.magic);
    h.version = 5;
    h.header_bytes = PARSE_V5_HEADER_BYTES;
    h.n_labels = (uint32_t)tp->n_labels;
    h.root_label = (uint32_t)tp->root_label;
    h.n_groups = (uint32_t)tp->n_groups;
    h.feature_set = PARSE_FEATURE_SET;
    h.left_allowed = tp->left_allowed;
    h.right_allowed = tp->right_allowed;
    table_size_of(&tp->moves, 32767.0f / max_weight(&tp->moves), PARSE_MOVE_WIDTH, TRAIN_DENSE_MOVES, &h.moves);
    table_size_of(&tp->labels, 32767.0f / max_weight(&tp->labels), PARSE_MAX_LABELS, TRAIN_DENSE_LABELS,
                  &h.labels);
    h.n_lexicon_slots = tp->lexicon.mask + 1;
    h.beam_temperature = TRAIN_BEAM_TEMPERATURE;
    parse_layout lay;
    parse_model_layout(&h, &lay);
    h.file_bytes = lay.total;
    if (lay.total > VG_MAX_MODEL_BYTES)
        return vg_error_set(err, VG_ELIMIT, "%s: model would be %llu bytes, over the limit", path,
                            (unsigned long long)lay.total);
    unsigned char *buf = vg_calloc(1, lay.total);
    if (!buf)
        return vg_error_set(err, VG_ENOMEM, "out of memory writing %s", path);
    memcpy(buf, &h, PARSE_V5_HEADER_BYTES);
    for (int l = 1; l <= tp->n_labels; l++) {
        snprintf((char *)buf + lay.labels + (size_t)l * PARSE_LABEL_NAME_BYTES, PARSE_LABEL_NAME_BYTES,
                 "%s", vg_deprel_names[tp->deprel_of_label[l]]);
        buf[lay.groups + l] = tp->group_of_label[l];
    }
    table_write(&tp->moves, &h.moves, &lay.moves, TRAIN_DENSE_MOVES, buf);
    table_write(&tp->labels, &h.labels, &lay.labels_table, TRAIN_DENSE_LABELS, buf);
    memcpy(buf + lay.lexicon, tp->lexicon_slots, h.n_lexicon_slots * sizeof(parse_lexicon_slot));
    unsigned char *model = NULL;
    uint64_t model_bytes = 0;
    int rc = parse_model_convert(buf, lay.total, &model, &model_bytes, err);
    vg_free(buf);
    if (rc)
        return rc;
    FILE *out = fopen(path, "wb");
    if (!out)
        rc = vg_error_set(err, VG_EIO, "%s: cannot create", path);
    else {
        if (fwrite(model, 1, model_bytes, out) != model_bytes)
            rc = vg_error_set(err, VG_EIO, "%s: write failed", path);
        if (fclose(out) != 0 && !rc)
            rc = vg_error_set(err, VG_EIO, "%s: write failed", path);
    }
    vg_free(model);
    return rc;
}

/* The lexicon of training words seen at least `min_count` times, with their XPOS sets.
 * Rarer words are left out: their sets would only repeat the gold tag, which the parser
 * would learn to trust more than it can at test time. */
static int build_lexicon(train_parser *tp, const vg_treebank *train, int min_count, vg_error *err)
{
    size_t n_tokens = 0;
    for (size_t i = 0; i < train->n_sentences; i++)
        n_tokens += train->sentences[i].n_tokens;
    uint64_t size = table_size(n_tokens, 50), mask = size - 1;
    parse_lexicon_slot *all = vg_calloc(size, sizeof *all);
    uint32_t *count = vg_calloc(size, sizeof *count);
    if (!all || !count) {
        vg_free(all);
        vg_free(count);
        return vg_error_set(err, VG_ENOMEM, "out of memory building the parser lexicon");
    }
    for (size_t i = 0; i < train->n_sentences; i++)
        for (uint32_t j = 0; j < train->sentences[i].n_tokens; j++) {
            const vg_token *t = &train->sentences[i].tokens[j];
            uint64_t w = parse_word_code(t->form ? t->form : "");
            if (!w || t->xpos >= 64)
                continue;
            uint64_t at = w & mask;
            while (all[at].word && all[at].word != w)
                at = (at + 1) & mask;
            all[at].word = w;
            all[at].tags |= 1ULL << t->xpos;
            count[at]++;
        }
    size_t n_kept = 0;
    for (uint64_t i = 0; i < size; i++)
        n_kept += all[i].word && count[i] >= (uint32_t)min_count;
    uint64_t kept_size = table_size(n_kept, 50);
    tp->lexicon_slots = vg_calloc(kept_size, sizeof *tp->lexicon_slots);
    if (!tp->lexicon_slots) {
        vg_free(all);
        vg_free(count);
        return vg_error_set(err, VG_ENOMEM, "out of memory building the parser lexicon");
    }
    for (uint64_t i = 0; i < size; i++)
        if (all[i].word && count[i] >= (uint32_t)min_count) {
            uint64_t at = all[i].word & (kept_size - 1);
            while (tp->lexicon_slots[at].word)
                at = (at + 1) & (kept_size - 1);
            tp->lexicon_slots[at] = all[i];
        }
    tp->lexicon.slots = tp->lexicon_slots;
    tp->lexicon.mask = kept_size - 1;
    vg_free(all);
    vg_free(count);
    return 0;
}

static int setup_labels(train_parser *m, const vg_treebank *train, vg_error *err)
{
    int used[256] = {0};
    for (size_t i = 0; i < train->n_sentences; i++)
        for (uint32_t j = 0; j < train->sentences[i].n_tokens; j++)
            used[train->sentences[i].tokens[j].deprel] = 1;
    used[0] = 0;
    int root = vg_deprel_id("root");
    if (root <= 0 || !used[root])
        return vg_error_set(err, VG_EINVAL, "training treebank has no root relation");
    for (int d = 1; d < 256; d++)
        if (used[d]) {
            if (m->n_labels + 1 >= PARSE_MAX_LABELS)
                return vg_error_set(err, VG_ELIMIT, "more than %d dependency relations", PARSE_MAX_LABELS - 1);
            m->n_labels++;
            m->label_of_deprel[d] = (uint8_t)m->n_labels;
            m->deprel_of_label[m->n_labels] = (uint8_t)d;
        }
    m->root_label = m->label_of_deprel[root];
    m->n_groups = TRAIN_GROUPS;
    for (int l = 1; l <= m->n_labels; l++) {
        int g = parse_label_group(vg_deprel_names[m->deprel_of_label[l]], m->n_groups);
        m->group_of_label[l] = (uint8_t)g;
        if (l != m->root_label)
            m->group_labels[g] |= 1ULL << l;
    }
    /* A label may attach leftwards (rightwards) only if training saw it do so. */
    for (size_t i = 0; i < train->n_sentences; i++)
        for (uint32_t j = 0; j < train->sentences[i].n_tokens; j++) {
            const vg_token *t = &train->sentences[i].tokens[j];
            if (!t->deprel || t->head <= 0)
                continue;
            uint64_t bit = 1ULL << m->label_of_deprel[t->deprel];
            if (t->head > (int)j + 1)
                m->left_allowed |= bit;
            else
                m->right_allowed |= bit;
        }
    m->left_allowed &= ~(1ULL << m->root_label);
    m->right_allowed &= ~(1ULL << m->root_label);
    for (int l = 1; l <= m->n_labels; l++) {
        if (m->left_allowed >> l & 1)
            m->left_groups |= 1u << m->group_of_label[l];
        if (m->right_allowed >> l & 1)
            m->right_groups |= 1u << m->group_of_label[l];
    }
    return 0;
}

static int init_model(train_model *m)
{
    m->table_mask = (1u << 20) - 1;
    m->table = vg_calloc(m->table_mask + 1, sizeof *m->table);
    return m->table ? 0 : VG_ENOMEM;
}

static void free_model(train_model *m)
{
    for (size_t f = 0; f < m->n_features; f++)
        vg_free(m->features[f].entries);
    vg_free(m->features);
    vg_free(m->table);
}

/* Trains tp's (fresh) models for `iterations` passes and keeps the pass best on dev as
 * their `best` weights (the last pass without dev). */
static int train_member(train_run *r, const vg_treebank *train, const vg_treebank *dev, size_t *order,
                        size_t n_order, int iterations, int verbose, vg_error *err)
{
    train_parser *tp = r->tp;
    double best_las = -1;
    int best_pass = 0;
    for (int pass = 0; pass < iterations; pass++) {
        double t0 = seconds_now();
        for (size_t i = n_order; i > 1; i--) {
            size_t j = rng_next(&r->rng) % i, tmp = order[i - 1];
            order[i - 1] = order[j];
            order[j] = tmp;
        }
        for (size_t i = 0; i < n_order; i++) {
            const vg_sentence *s = &train->sentences[order[i]];
            gold_of(tp, s, &r->gold);
            if (train_sentence(r, s, pass))
                return vg_error_set(err, VG_ENOMEM, "out of memory training the parser");
        }
        double uas = 0, las = 0;
        if (dev) {
            evaluate(tp, dev, r->scratch, USE_AVERAGE, &uas, &las);
            if (las > best_las) {
                best_las = las;
                best_pass = pass;
                keep_best(&tp->moves);
                keep_best(&tp->labels);
            }
        } else if (pass == iterations - 1) {
            keep_best(&tp->moves);
            keep_best(&tp->labels);
        }
        if (verbose)
            fprintf(stderr, "parser: pass %d: %zu+%zu features, %.1fs, dev UAS %.2f LAS %.2f\n", pass + 1,
                    tp->moves.n_features, tp->labels.n_features, seconds_now() - t0, uas, las);
    }
    if (verbose && dev)
        fprintf(stderr, "parser: best pass %d (dev LAS %.2f)\n", best_pass + 1, best_las);
    return 0;
}

/* Adds the `best` weights (and update counts) of `from` into `into`. */
static int accumulate(train_model *into, const train_model *from)
{
    for (size_t f = 0; f < from->n_features; f++) {
        const train_feature *src = &from->features[f];
        long fi = find_feature(into, src->key);
        if (fi < 0 && (fi = add_feature(into, src->key)) < 0)
            return VG_ENOMEM;
        into->features[fi].updates += src->updates;
        for (int j = 0; j < src->n; j++) {
            train_entry *e = entry_of(into, &into->features[fi], src->entries[j].cls);
            if (!e)
                return VG_ENOMEM;
            e->best += src->entries[j].best;
        }
    }
    return 0;
}

/* Turns the sums of `members` models into their mean: weights, and update counts (so a
 * feature is saved when the members updated it TRAIN_MIN_UPDATES times each on average,
 * which keeps the model the size of one member's). */
static void average_members(train_model *m, int members)
{
    for (size_t f = 0; f < m->n_features; f++) {
        m->features[f].updates /= (uint32_t)members;
        for (int j = 0; j < m->features[f].n; j++)
            m->features[f].entries[j].best /= (float)members;
    }
}

/* LAS on `bank` of the model file at `path` parsing with a beam of `width`. */
static double beam_las(const char *path, const vg_treebank *bank, int width, vg_token *tokens, vg_error *err)
{
    vg_parser *p;
    if (vg_parser_open(&p, path, err))
        return -1;
    vg_parser_set_beam(p, width);
    size_t n_tokens = 0, correct = 0;
    for (size_t i = 0; i < bank->n_sentences; i++) {
        vg_sentence s = bank->sentences[i];
        if (s.n_tokens == 0 || s.n_tokens > PARSE_MAX_WORDS)
            continue;
        memcpy(tokens, s.tokens, s.n_tokens * sizeof *tokens);
        s.tokens = tokens;
        if (vg_parser_parse(p, &s))
            continue;
        for (uint32_t j = 0; j < s.n_tokens; j++) {
            n_tokens++;
            correct += tokens[j].head == bank->sentences[i].tokens[j].head &&
                       tokens[j].deprel == bank->sentences[i].tokens[j].deprel;
        }
    }
    vg_parser_close(p);
    return n_tokens ? 100.0 * correct / n_tokens : 0;
}

static int set_temperature(const char *path, float temperature, vg_error *err)
{
    FILE *f = fopen(path, "r+b");
    if (!f)
        return vg_error_set(err, VG_EIO, "%s: cannot reopen to set the beam temperature", path);
    int bad = fseek(f, (long)offsetof(parse_header, beam_temperature), SEEK_SET) != 0 ||
              fwrite(&temperature, sizeof temperature, 1, f) != 1;
    bad |= fclose(f) != 0;
    return bad ? vg_error_set(err, VG_EIO, "%s: write failed", path) : 0;
}

/* Chooses the beam's temperature on dev with the model as written (quantised), and sets it
 * in the file. */
static int tune_temperature(const char *path, const vg_treebank *dev, int verbose, vg_error *err)
{
    vg_token *tokens = vg_malloc(PARSE_MAX_WORDS * sizeof *tokens);
    if (!tokens)
        return vg_error_set(err, VG_ENOMEM, "out of memory choosing the beam temperature");
    float best_t = TRAIN_BEAM_TEMPERATURE;
    double best_las = -1;
    int rc = 0;
    for (int k = -4; k <= 4 && !rc; k++) {
        float t = (float)(TRAIN_BEAM_TEMPERATURE * pow(1.25, k));
        if ((rc = set_temperature(path, t, err)))
            break;
        double las = beam_las(path, dev, TRAIN_BEAM_WIDTH, tokens, err);
        if (las < 0)
            rc = VG_EMODEL;
        else if (las > best_las) {
            best_las = las;
            best_t = t;
        }
        if (verbose)
            fprintf(stderr, "parser: beam %d, temperature %.0f: dev LAS %.2f\n", TRAIN_BEAM_WIDTH, t, las);
    }
    if (!rc)
        rc = set_temperature(path, best_t, err);
    vg_free(tokens);
    return rc;
}

int vg_parser_train(const vg_treebank *train, const vg_treebank *dev,
                    const vg_parser_train_options *options, const char *model_path, vg_error *err)
{
    vg_parser_train_options defaults = {0};
    const vg_parser_train_options *opt = options ? options : &defaults;
    int iterations = opt->iterations > 0 ? opt->iterations : 12;
    train_parser *tp = vg_calloc(1, sizeof *tp);
    train_run r;
    memset(&r, 0, sizeof r);
    struct { train_model moves, labels; } sum;
    memset(&sum, 0, sizeof sum);
    size_t *order = NULL;
    if (!tp)
        return vg_error_set(err, VG_ENOMEM, "out of memory training the parser");
    int rc = setup_labels(tp, train, err);
    if (!rc)
        rc = build_lexicon(tp, train, TRAIN_LEXICON_MIN, err);
    if (rc)
        goto out;
    order = vg_malloc((train->n_sentences + 1) * sizeof *order);
    r.scratch = vg_malloc(parse_scratch_bytes(PARSE_MAX_WORDS));
    r.gold.head = vg_malloc((PARSE_MAX_WORDS + 2) * sizeof *r.gold.head);
    r.gold.label = vg_malloc(PARSE_MAX_WORDS + 2);
    if (init_model(&tp->moves) || init_model(&tp->labels) || !order || !r.scratch || !r.gold.head ||
        !r.gold.label) {
        rc = vg_error_set(err, VG_ENOMEM, "out of memory training the parser");
        goto out;
    }
    r.tp = tp;
    r.explore = TRAIN_EXPLORE;
    r.explore_from = TRAIN_EXPLORE_FROM;
    size_t n_order = 0, n_nonprojective = 0;
    for (size_t i = 0; i < train->n_sentences; i++) {
        const vg_sentence *s = &train->sentences[i];
        if (s->n_tokens == 0 || s->n_tokens > PARSE_MAX_WORDS || !gold_of(tp, s, &r.gold))
            continue;
        /* kept: their oracle costs are approximate, and skipping them measured the same */
        n_nonprojective += !is_projective(s);
        order[n_order++] = i;
    }
    if (opt->verbose)
        fprintf(stderr, "parser: %zu training sentences (%zu non-projective), %d labels\n", n_order,
                n_nonprojective, tp->n_labels);
    int members = opt->members > 0 ? opt->members : TRAIN_MEMBERS;
    if (members > 1 && (init_model(&sum.moves) || init_model(&sum.labels))) {
        rc = vg_error_set(err, VG_ENOMEM, "out of memory training the parser");
        goto out;
    }
    for (int member = 0; member < members; member++) {
        if (member > 0) {
            free_model(&tp->moves);
            free_model(&tp->labels);
            memset(&tp->moves, 0, sizeof tp->moves);
            memset(&tp->labels, 0, sizeof tp->labels);
            if (init_model(&tp->moves) || init_model(&tp->labels)) {
                rc = vg_error_set(err, VG_ENOMEM, "out of memory training the parser");
                goto out;
            }
        }
        r.rng = 0x9e3779b97f4a7c15ULL ^ ((uint64_t)opt->seed * 0xbf58476d1ce4e5b9ULL) ^
                ((uint64_t)member * 0x94d049bb133111ebULL);
        if (!r.rng)
            r.rng = 1;
        if ((rc = train_member(&r, train, dev, order, n_order, iterations, opt->verbose, err)))
            goto out;
        if (members > 1 && (accumulate(&sum.moves, &tp->moves) || accumulate(&sum.labels, &tp->labels))) {
            rc = vg_error_set(err, VG_ENOMEM, "out of memory training the parser");
            goto out;
        }
    }
    if (members > 1) {
        /* Linear models over the same features: averaging the members' weights scores every
         * configuration by the members' mean score, at the cost of one model at parse time. */
        average_members(&sum.moves, members);
        average_members(&sum.labels, members);
        free_model(&tp->moves);
        free_model(&tp->labels);
        tp->moves = sum.moves;
        tp->labels = sum.labels;
        memset(&sum, 0, sizeof sum);
        if (opt->verbose && dev) {
            double uas, las;
            evaluate(tp, dev, r.scratch, USE_BEST, &uas, &las);
            fprintf(stderr, "parser: %d members averaged: dev UAS %.2f LAS %.2f\n", members, uas, las);
        }
    }
    rc = write_model(tp, model_path, err);
    if (!rc && dev)
        rc = tune_temperature(model_path, dev, opt->verbose, err);
out:
    free_model(&tp->moves);
    free_model(&tp->labels);
    free_model(&sum.moves);
    free_model(&sum.labels);
    vg_free(tp->lexicon_slots);
    vg_free(tp);
    vg_free(order);
    vg_free(r.scratch);
    vg_free(r.gold.head);
    vg_free(r.gold.label);
    return rc;
}
