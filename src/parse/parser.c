/* Loading a parser model (memory-mapped, header validated) and greedy parsing with it. */
#include "parse/parser.h"
#include "parse/parse_internal.h"
#include "text/tagset.h"
#include "util/alloc.h"
#include <math.h>
#include <string.h>

struct vg_parser {
    vg_mapfile map;
    const parse_slot *slots;
    const uint8_t *classes;
    const float *weights;
    uint64_t slot_mask, n_entries;
    uint64_t left_allowed, right_allowed;
    int root_label;
    uint8_t deprel_of_label[PARSE_MAX_LABELS];
};

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
        h.root_label == 0 || h.root_label > h.n_labels || h.n_slots == 0 ||
        (h.n_slots & (h.n_slots - 1)) != 0 || h.n_slots > VG_MAX_MODEL_BYTES ||
        h.n_entries < 1 || h.n_entries > VG_MAX_MODEL_BYTES) {
        rc = corrupt(err, model_path, "inconsistent header");
        goto fail;
    }
    parse_layout lay;
    parse_model_layout(h.n_labels, h.n_slots, h.n_entries, &lay);
    if (h.file_bytes != size || lay.total != size) {
        rc = corrupt(err, model_path, "file size does not match its header (truncated?)");
        goto fail;
    }
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
    }
    uint64_t labels_mask = (h.n_labels == 63 ? ~0ULL : ((1ULL << (h.n_labels + 1)) - 1)) & ~1ULL;
    p->left_allowed = h.left_allowed & labels_mask;
    p->right_allowed = h.right_allowed & labels_mask;
    p->root_label = (int)h.root_label;
    p->slots = (const parse_slot *)(data + lay.slots);
    p->classes = data + lay.classes;
    p->weights = (const float *)(data + lay.weights);
    p->slot_mask = h.n_slots - 1;
    p->n_entries = h.n_entries;
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

/* Sums the weights of the configuration's features into scores[]. Looks every slot up
 * before reading any, so the cache misses of ~100 features overlap instead of queueing. */
static void score(const vg_parser *p, const uint64_t *keys, int n_keys, float *scores)
{
    uint32_t runs[PARSE_MAX_FEATURES];
    for (int i = 0; i < n_keys; i++)
        __builtin_prefetch(&p->slots[keys[i] & p->slot_mask]);
    int n_runs = 0;
    for (int i = 0; i < n_keys; i++) {
        uint64_t at = keys[i] & p->slot_mask;
        uint32_t check = (uint32_t)(keys[i] >> 32);
        for (uint64_t probe = 0; probe <= p->slot_mask; probe++) {
            const parse_slot *s = &p->slots[at];
            if (s->run == 0)
                break;
            if (s->check == check) {
                runs[n_runs++] = s->run;
                __builtin_prefetch(&p->classes[s->run]);
                __builtin_prefetch(&p->weights[s->run]);
                break;
            }
            at = (at + 1) & p->slot_mask;
        }
    }
    memset(scores, 0, PARSE_N_CLASSES * sizeof *scores);
    for (int i = 0; i < n_runs; i++) {
        for (uint64_t e = runs[i]; e < p->n_entries; e++) {
            unsigned c = p->classes[e];
            scores[c & (PARSE_N_CLASSES - 1)] += p->weights[e];
            if (c & PARSE_ENTRY_LAST)
                break;
        }
    }
}

/* The best legal class; ties and NaN weights of a damaged model still pick a legal one. */
static int best_legal(const parse_legal *legal, const float *scores)
{
    int best = -1;
    float best_score = -INFINITY;
    if (legal->shift) {
        best = PARSE_SHIFT;
        best_score = scores[PARSE_SHIFT];
    }
    for (uint64_t m = legal->left; m; m &= m - 1) {
        int c = PARSE_LEFT(__builtin_ctzll(m));
        if (best < 0 || scores[c] > best_score) {
            best = c;
            best_score = scores[c];
        }
    }
    for (uint64_t m = legal->right; m; m &= m - 1) {
        int c = PARSE_RIGHT(__builtin_ctzll(m));
        if (best < 0 || scores[c] > best_score) {
            best = c;
            best_score = scores[c];
        }
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
    parse_state_init(&st, sentence, scratch);
    uint64_t keys[PARSE_MAX_FEATURES];
    float scores[PARSE_N_CLASSES];
    parse_legal legal;
    while (!parse_state_done(&st)) {
        int n_keys = parse_state_features(&st, keys);
        score(parser, keys, n_keys, scores);
        parse_state_legal(&st, parser->left_allowed, parser->right_allowed, parser->root_label, &legal);
        int cls = best_legal(&legal, scores);
        if (cls < 0) /* cannot happen: a model without labels allowed in a direction is refused */
            cls = legal.shift ? PARSE_SHIFT : PARSE_RIGHT(parser->root_label);
        parse_state_apply(&st, cls);
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
