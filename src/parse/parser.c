/* Loading a parser model (memory-mapped, header validated) and greedy parsing with it. */
#include "parse/parser.h"
#include "parse/parse_internal.h"
#include "text/tagset.h"
#include "util/alloc.h"
#include <math.h>
#include <string.h>

typedef struct parser_table {
    const parse_slot *slots;
    const parse_entry *entries;
    const int16_t *dense;
    uint64_t mask, n_entries, n_dense;
    uint32_t width;
} parser_table;

struct vg_parser {
    vg_mapfile map;
    parser_table moves, labels;
    parse_lexicon lexicon;
    uint64_t left_allowed, right_allowed;
    uint64_t group_labels[PARSE_MAX_GROUPS];  /* labels of each group */
    uint32_t left_groups, right_groups;        /* groups with a label allowed that way */
    int root_label;
    uint8_t deprel_of_label[PARSE_MAX_LABELS];
};

static int table_header_ok(const parse_table_header *t)
{
    return t->n_slots && (t->n_slots & (t->n_slots - 1)) == 0 && t->n_slots <= VG_MAX_MODEL_BYTES &&
           t->n_entries >= 1 && t->n_entries <= VG_MAX_MODEL_BYTES && t->n_dense <= VG_MAX_MODEL_BYTES &&
           (t->dense_width == PARSE_MOVE_WIDTH || t->dense_width == PARSE_MAX_LABELS);
}

static void table_open(parser_table *t, const parse_table_header *h, const parse_table_layout *lay,
                       const unsigned char *data)
{
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
    if (size < sizeof h) {
        rc = corrupt(err, model_path, "shorter than its header");
        goto fail;
    }
    memcpy(&h, data, sizeof h);
    if (memcmp(h.magic, PARSE_MAGIC, sizeof h.magic) != 0) {
        rc = corrupt(err, model_path, "wrong magic number");
        goto fail;
    }
    if (h.version != PARSE_VERSION || h.feature_set != PARSE_FEATURE_SET) {
        rc = vg_error_set(err, VG_EMODEL, "%s: parser model version %u.%u, this vigil reads %u.%u",
                          model_path, h.version, h.feature_set, PARSE_VERSION, PARSE_FEATURE_SET);
        goto fail;
    }
    if (h.header_bytes != sizeof h || h.n_labels == 0 || h.n_labels >= PARSE_MAX_LABELS ||
        h.root_label == 0 || h.root_label > h.n_labels || h.n_groups == 0 ||
        h.n_groups > PARSE_MAX_GROUPS || !table_header_ok(&h.moves) || !table_header_ok(&h.labels) ||
        h.n_lexicon_slots == 0 || (h.n_lexicon_slots & (h.n_lexicon_slots - 1)) != 0 ||
        h.n_lexicon_slots > VG_MAX_MODEL_BYTES) {
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
    table_open(&p->moves, &h.moves, &lay.moves, data);
    table_open(&p->labels, &h.labels, &lay.labels_table, data);
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

/* Sums the weights of the features' classes into scores[0..PARSE_MAX_LABELS-1] (a damaged
 * class byte lands in it harmlessly). Every slot is prefetched before any is read, so the
 * cache misses of ~100 features overlap instead of queueing; dense rows are summed in a
 * loop the compiler turns into vector adds. */
static void score(const parser_table *t, const uint64_t *keys, int n_keys, int32_t *scores)
{
    uint32_t runs[PARSE_MAX_FEATURES];
    for (int i = 0; i < n_keys; i++)
        __builtin_prefetch(&t->slots[keys[i] & t->mask]);
    int n_runs = 0;
    for (int i = 0; i < n_keys; i++) {
        uint64_t at = keys[i] & t->mask;
        uint32_t check = (uint32_t)(keys[i] >> 32);
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
                    __builtin_prefetch(&t->dense[(uint64_t)run * t->width]);
                    if (t->width > 32)
                        __builtin_prefetch(&t->dense[(uint64_t)run * t->width + 32]);
                    run |= PARSE_RUN_DENSE;
                } else
                    __builtin_prefetch(&t->entries[run]);
                runs[n_runs++] = run;
                break;
            }
            at = (at + 1) & t->mask;
        }
    }
    int32_t sum[PARSE_MAX_LABELS] = {0};
    uint32_t width = t->width;
    memset(scores, 0, PARSE_MAX_LABELS * sizeof *scores);
    for (int i = 0; i < n_runs; i++) {
        uint32_t run = runs[i];
        if (run & PARSE_RUN_DENSE) {
            const int16_t *row = &t->dense[(uint64_t)(run & ~PARSE_RUN_DENSE) * width];
            if (width == PARSE_MOVE_WIDTH)
                for (int j = 0; j < PARSE_MOVE_WIDTH; j++)
                    sum[j] += row[j];
            else
                for (int j = 0; j < PARSE_MAX_LABELS; j++)
                    sum[j] += row[j];
            continue;
        }
        for (uint64_t e = run; e < t->n_entries; e++) {
            unsigned c = t->entries[e].cls;
            scores[c & (PARSE_MAX_LABELS - 1)] += t->entries[e].weight;
            if (c & PARSE_ENTRY_LAST)
                break;
        }
    }
    for (int j = 0; j < PARSE_MAX_LABELS; j++)
        scores[j] += sum[j];
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

int vg_parser_parse(const vg_parser *parser, vg_sentence *sentence)
{
    uint32_t n = sentence->n_tokens;
    if (n == 0)
        return 0;
    if (n > PARSE_MAX_WORDS)
        return VG_ELIMIT;
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
        } else {
            int n_keys = parse_state_features(&st, keys);
            score(&parser->moves, keys, n_keys, scores);
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
            move = cls == PARSE_SHIFT ? PARSE_SHIFT : cls <= PARSE_MAX_GROUPS ? PARSE_LEFT : PARSE_RIGHT;
            if (move != PARSE_SHIFT) {
                int group = move == PARSE_LEFT ? cls - PARSE_CLASS_LEFT(0) : cls - PARSE_CLASS_RIGHT(0);
                int head, dep;
                parse_state_arc(&st, move, &head, &dep);
                n_keys = parse_label_features(&st, head, dep, keys);
                score(&parser->labels, keys, n_keys, scores);
                label = best_label((move == PARSE_LEFT ? parser->left_allowed : parser->right_allowed) &
                                       parser->group_labels[group], scores);
            }
        }
        parse_state_apply(&st, move, label);
    }
    for (uint32_t i = 1; i <= n; i++) {
        const parse_node *nd = &st.nodes[i];
        vg_token *t = &sentence->tokens[i - 1];
        t->head = (int16_t)(nd->head == (int)n + 1 ? 0 : nd->head);
        t->deprel = parser->deprel_of_label[nd->label];
    }
    vg_free(scratch);
    return 0;
}
