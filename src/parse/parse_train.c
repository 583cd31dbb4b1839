/* Training the parser: averaged perceptron over arc-hybrid transitions with a dynamic oracle
 * (Goldberg & Nivre 2013) and error exploration; writes the model file parser.c maps. */
#include "parse/parser.h"
#include "parse/parse_internal.h"
#include "text/tagset.h"
#include "util/alloc.h"
#include <math.h>
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
} train_feature;

typedef struct train_model {
    train_feature *features;
    size_t n_features, cap_features;
    uint32_t *table;         /* feature index + 1; 0 = empty */
    size_t table_mask;
    uint32_t now;            /* updates are stamped with the number of decisions so far */
    int root_label, n_labels;
    uint64_t left_allowed, right_allowed;
    uint8_t label_of_deprel[256];
    uint8_t deprel_of_label[PARSE_MAX_LABELS];
} train_model;

/* Per-sentence gold tree in model terms: head (n+1 for ROOT) and label of each word. */
typedef struct train_gold {
    int16_t *head;
    uint8_t *label;
} train_gold;

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

static int update(train_model *m, uint64_t key, int cls, float delta)
{
    long fi = find_feature(m, key);
    if (fi < 0 && (fi = add_feature(m, key)) < 0)
        return VG_ENOMEM;
    train_feature *f = &m->features[fi];
    train_entry *e = NULL;
    for (int i = 0; i < f->n; i++)
        if (f->entries[i].cls == cls) {
            e = &f->entries[i];
            break;
        }
    if (!e) {
        if (f->n == f->cap) {
            int cap = f->cap ? f->cap * 2 : 2;
            train_entry *grown = vg_realloc(f->entries, (size_t)cap * sizeof *grown);
            if (!grown)
                return VG_ENOMEM;
            f->entries = grown;
            f->cap = (uint16_t)cap;
        }
        e = &f->entries[f->n++];
        memset(e, 0, sizeof *e);
        e->cls = (uint8_t)cls;
        e->stamp = m->now;
    }
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
    memset(scores, 0, PARSE_N_CLASSES * sizeof *scores);
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

static int argmax_legal(const parse_legal *legal, const float *scores, const int *cost, int want_cost)
{
    int best = -1;
    float best_score = -INFINITY;
    if (legal->shift && (!cost || cost[PARSE_SHIFT] == want_cost)) {
        best = PARSE_SHIFT;
        best_score = scores[PARSE_SHIFT];
    }
    for (int dir = 0; dir < 2; dir++)
        for (uint64_t mask = dir ? legal->right : legal->left; mask; mask &= mask - 1) {
            int c = dir ? PARSE_RIGHT(__builtin_ctzll(mask)) : PARSE_LEFT(__builtin_ctzll(mask));
            if (cost && cost[c] != want_cost)
                continue;
            if (best < 0 || scores[c] > best_score) {
                best = c;
                best_score = scores[c];
            }
        }
    return best;
}

/* Gold arcs each legal transition makes unreachable (arc-hybrid, exact for projective trees):
 * LEFT pops s0 under b0, RIGHT pops s0 under s1, SHIFT buries b0 above s0. A wrong label on
 * an otherwise gold arc costs one more. Fills cost[] for the legal classes; returns the least. */
static int oracle_costs(const parse_state *st, const train_gold *g, const parse_legal *legal, int *cost)
{
    int d = st->depth, b0 = st->b0, n = st->n;
    int least = 1 << 30;
    if (legal->shift) {
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
    int h = g->head[s0];
    int left = deps_in_buffer + (h == s1 && s1) + (h > b0);
    int right = deps_in_buffer + (h >= b0);
    for (uint64_t mask = legal->left; mask; mask &= mask - 1) {
        int l = __builtin_ctzll(mask);
        int c = left + (h == b0 && l != g->label[s0]);
        cost[PARSE_LEFT(l)] = c;
        if (c < least)
            least = c;
    }
    for (uint64_t mask = legal->right; mask; mask &= mask - 1) {
        int l = __builtin_ctzll(mask);
        int c = right + (h == s1 && l != g->label[s0]);
        cost[PARSE_RIGHT(l)] = c;
        if (c < least)
            least = c;
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
static int gold_of(const train_model *m, const vg_sentence *s, train_gold *g)
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
    train_model *m;
    const vg_parser_train_options *opt;
    uint64_t rng;
    double explore;          /* probability of following the model's own (wrong) move */
    int explore_from;        /* first pass (0-based) that explores */
    int skip_nonprojective;
    uint64_t keys[PARSE_MAX_FEATURES];
    void *scratch;
    train_gold gold;
} train_run;

static int train_sentence(train_run *r, const vg_sentence *s, int pass)
{
    train_model *m = r->m;
    parse_state st;
    parse_state_init(&st, s, r->scratch);
    float scores[PARSE_N_CLASSES];
    int cost[PARSE_N_CLASSES];
    parse_legal legal;
    while (!parse_state_done(&st)) {
        int n_keys = parse_state_features(&st, r->keys);
        score(m, r->keys, n_keys, USE_WEIGHT, scores);
        parse_state_legal(&st, m->left_allowed, m->right_allowed, m->root_label, &legal);
        int least = oracle_costs(&st, &r->gold, &legal, cost);
        int predicted = argmax_legal(&legal, scores, NULL, 0);
        int gold = argmax_legal(&legal, scores, cost, least);
        m->now++;
        if (cost[predicted] > least)
            for (int i = 0; i < n_keys; i++)
                if (update(m, r->keys[i], gold, 1.0f) || update(m, r->keys[i], predicted, -1.0f))
                    return VG_ENOMEM;
        int follow = gold;
        if (pass >= r->explore_from && predicted != gold &&
            (double)(rng_next(&r->rng) >> 11) / 9007199254740992.0 < r->explore)
            follow = predicted;
        parse_state_apply(&st, follow);
    }
    return 0;
}

/* Parses with averaged (or best) weights, for dev scores; fills heads/labels of `s` copy. */
static void parse_with(const train_model *m, const vg_sentence *s, void *scratch, int which,
                       int16_t *heads, uint8_t *labels)
{
    parse_state st;
    parse_state_init(&st, s, scratch);
    uint64_t keys[PARSE_MAX_FEATURES];
    float scores[PARSE_N_CLASSES];
    parse_legal legal;
    while (!parse_state_done(&st)) {
        int n_keys = parse_state_features(&st, keys);
        score(m, keys, n_keys, which, scores);
        parse_state_legal(&st, m->left_allowed, m->right_allowed, m->root_label, &legal);
        int cls = argmax_legal(&legal, scores, NULL, 0);
        if (cls < 0)
            cls = PARSE_RIGHT(m->root_label);
        parse_state_apply(&st, cls);
    }
    int n = (int)s->n_tokens;
    for (int i = 1; i <= n; i++) {
        heads[i] = (int16_t)(st.nodes[i].head == n + 1 ? 0 : st.nodes[i].head);
        labels[i] = m->deprel_of_label[st.nodes[i].label];
    }
}

static void evaluate(const train_model *m, const vg_treebank *bank, void *scratch, int which,
                     double *uas, double *las)
{
    size_t tokens = 0, u = 0, l = 0;
    int16_t heads[PARSE_MAX_WORDS + 2];
    uint8_t labels[PARSE_MAX_WORDS + 2];
    for (size_t i = 0; i < bank->n_sentences; i++) {
        const vg_sentence *s = &bank->sentences[i];
        if (s->n_tokens == 0 || s->n_tokens > PARSE_MAX_WORDS)
            continue;
        parse_with(m, s, scratch, which, heads, labels);
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

static int write_model(const train_model *m, const char *path, vg_error *err)
{
    /* Keep features with at least one non-zero averaged weight. */
    size_t n_keep = 0, n_entries = 1;
    for (size_t f = 0; f < m->n_features; f++) {
        int nz = 0;
        for (int j = 0; j < m->features[f].n; j++)
            nz += m->features[f].entries[j].best != 0.0f;
        if (nz) {
            n_keep++;
            n_entries += (size_t)nz;
        }
    }
    uint64_t n_slots = 1024;
    while (n_slots < n_keep + n_keep / 3)
        n_slots *= 2;
    parse_layout lay;
    parse_model_layout((uint64_t)m->n_labels, n_slots, n_entries, &lay);
    if (lay.total > VG_MAX_MODEL_BYTES)
        return vg_error_set(err, VG_ELIMIT, "%s: model would be %llu bytes, over the limit", path,
                            (unsigned long long)lay.total);
    unsigned char *buf = vg_calloc(1, lay.total);
    if (!buf)
        return vg_error_set(err, VG_ENOMEM, "out of memory writing %s", path);
    parse_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, PARSE_MAGIC, sizeof h.magic);
    h.version = PARSE_VERSION;
    h.header_bytes = sizeof h;
    h.n_labels = (uint32_t)m->n_labels;
    h.root_label = (uint32_t)m->root_label;
    h.left_allowed = m->left_allowed;
    h.right_allowed = m->right_allowed;
    h.n_slots = n_slots;
    h.n_entries = n_entries;
    h.file_bytes = lay.total;
    h.feature_set = PARSE_FEATURE_SET;
    memcpy(buf, &h, sizeof h);
    for (int l = 1; l <= m->n_labels; l++)
        snprintf((char *)buf + lay.labels + (size_t)l * PARSE_LABEL_NAME_BYTES, PARSE_LABEL_NAME_BYTES,
                 "%s", vg_deprel_names[m->deprel_of_label[l]]);
    parse_slot *slots = (parse_slot *)(buf + lay.slots);
    uint8_t *classes = buf + lay.classes;
    float *weights = (float *)(buf + lay.weights);
    size_t next = 1;
    for (size_t f = 0; f < m->n_features; f++) {
        const train_feature *tf = &m->features[f];
        size_t first = next;
        for (int j = 0; j < tf->n; j++)
            if (tf->entries[j].best != 0.0f) {
                classes[next] = tf->entries[j].cls;
                weights[next] = tf->entries[j].best;
                next++;
            }
        if (next == first)
            continue;
        classes[next - 1] |= PARSE_ENTRY_LAST;
        uint64_t at = tf->key & (n_slots - 1);
        while (slots[at].run)
            at = (at + 1) & (n_slots - 1);
        slots[at].check = (uint32_t)(tf->key >> 32);
        slots[at].run = (uint32_t)first;
    }
    int rc = 0;
    FILE *out = fopen(path, "wb");
    if (!out)
        rc = vg_error_set(err, VG_EIO, "%s: cannot create", path);
    else {
        if (fwrite(buf, 1, lay.total, out) != lay.total)
            rc = vg_error_set(err, VG_EIO, "%s: write failed", path);
        if (fclose(out) != 0 && !rc)
            rc = vg_error_set(err, VG_EIO, "%s: write failed", path);
    }
    vg_free(buf);
    return rc;
}

static int setup_labels(train_model *m, const vg_treebank *train, vg_error *err)
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
    return 0;
}

static void free_model(train_model *m)
{
    for (size_t f = 0; f < m->n_features; f++)
        vg_free(m->features[f].entries);
    vg_free(m->features);
    vg_free(m->table);
}

static double env_double(const char *name, double fallback)
{
    const char *v = getenv(name);
    return v && *v ? atof(v) : fallback;
}

int vg_parser_train(const vg_treebank *train, const vg_treebank *dev,
                    const vg_parser_train_options *options, const char *model_path, vg_error *err)
{
    vg_parser_train_options defaults = {0};
    const vg_parser_train_options *opt = options ? options : &defaults;
    int iterations = opt->iterations > 0 ? opt->iterations : 15;
    train_model m;
    memset(&m, 0, sizeof m);
    train_run r;
    memset(&r, 0, sizeof r);
    size_t *order = NULL;
    int rc = setup_labels(&m, train, err);
    if (rc)
        goto out;
    m.table_mask = (1u << 20) - 1;
    m.table = vg_calloc(m.table_mask + 1, sizeof *m.table);
    order = vg_malloc((train->n_sentences + 1) * sizeof *order);
    r.scratch = vg_malloc(parse_scratch_bytes(PARSE_MAX_WORDS));
    r.gold.head = vg_malloc((PARSE_MAX_WORDS + 2) * sizeof *r.gold.head);
    r.gold.label = vg_malloc(PARSE_MAX_WORDS + 2);
    if (!m.table || !order || !r.scratch || !r.gold.head || !r.gold.label) {
        rc = vg_error_set(err, VG_ENOMEM, "out of memory training the parser");
        goto out;
    }
    r.m = &m;
    r.opt = opt;
    r.rng = 0x9e3779b97f4a7c15ULL ^ ((uint64_t)opt->seed * 0xbf58476d1ce4e5b9ULL);
    if (!r.rng)
        r.rng = 1;
    r.explore = env_double("VG_PARSE_EXPLORE", 0.9);
    r.explore_from = (int)env_double("VG_PARSE_EXPLORE_FROM", 1);
    r.skip_nonprojective = (int)env_double("VG_PARSE_SKIP_NONPROJ", 0);
    size_t n_order = 0, n_nonprojective = 0;
    for (size_t i = 0; i < train->n_sentences; i++) {
        const vg_sentence *s = &train->sentences[i];
        if (s->n_tokens == 0 || s->n_tokens > PARSE_MAX_WORDS || !gold_of(&m, s, &r.gold))
            continue;
        if (!is_projective(s)) {
            n_nonprojective++;
            if (r.skip_nonprojective)
                continue;
        }
        order[n_order++] = i;
    }
    if (opt->verbose)
        fprintf(stderr, "parser: %zu training sentences (%zu non-projective%s), %d labels\n", n_order,
                n_nonprojective, r.skip_nonprojective ? ", skipped" : "", m.n_labels);
    double best_las = -1;
    int best_pass = 0;
    for (int pass = 0; pass < iterations; pass++) {
        double t0 = seconds_now();
        for (size_t i = n_order; i > 1; i--) {
            size_t j = rng_next(&r.rng) % i, tmp = order[i - 1];
            order[i - 1] = order[j];
            order[j] = tmp;
        }
        for (size_t i = 0; i < n_order; i++) {
            const vg_sentence *s = &train->sentences[order[i]];
            gold_of(&m, s, &r.gold);
            if (train_sentence(&r, s, pass)) {
                rc = vg_error_set(err, VG_ENOMEM, "out of memory training the parser");
                goto out;
            }
        }
        double uas = 0, las = 0;
        if (dev) {
            evaluate(&m, dev, r.scratch, USE_AVERAGE, &uas, &las);
            if (las > best_las) {
                best_las = las;
                best_pass = pass;
                keep_best(&m);
            }
        } else if (pass == iterations - 1)
            keep_best(&m);
        if (opt->verbose)
            fprintf(stderr, "parser: pass %d: %zu features, %.1fs, dev UAS %.2f LAS %.2f\n", pass + 1,
                    m.n_features, seconds_now() - t0, uas, las);
    }
    if (opt->verbose && dev)
        fprintf(stderr, "parser: best pass %d (dev LAS %.2f)\n", best_pass + 1, best_las);
    rc = write_model(&m, model_path, err);
out:
    free_model(&m);
    vg_free(order);
    vg_free(r.scratch);
    vg_free(r.gold.head);
    vg_free(r.gold.label);
    return rc;
}
