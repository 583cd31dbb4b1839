/* Upgrading a parser model to the current file version: the tables and weights as they are,
 * plus the filters that let lookups skip keys absent from a table. The trainer writes its
 * models through this too, so new and converted models are laid out by one piece of code. */
#include "parse/parse_internal.h"
#include "util/alloc.h"
#include <string.h>

/* Filter bits per feature, and the smallest filter (bits). Measured on EWT test
 * (docs/internals/parser.md): a filter that stays in L2 beats a sparser one that does not;
 * at 2-3 bits a feature about a quarter of the absent keys pass it, which still avoids most
 * of their cache misses; below 128 KB a filter is cheap enough to be sparser. */
#define CONVERT_FILTER_BITS_PER_KEY 2
#define CONVERT_FILTER_FLOOR_BITS (1u << 20)

static uint64_t filter_bits_for(uint64_t n_keys)
{
    uint64_t bits = CONVERT_FILTER_FLOOR_BITS;
    while (bits < n_keys * CONVERT_FILTER_BITS_PER_KEY && bits < PARSE_FILTER_MAX_BITS)
        bits *= 2;
    return bits;
}

static uint64_t features_in(const unsigned char *data, const parse_table_header *t, const parse_table_layout *lay)
{
    const parse_slot *slots = (const parse_slot *)(data + lay->slots);
    uint64_t n = 0;
    for (uint64_t i = 0; i < t->n_slots; i++)
        n += slots[i].run != 0;
    return n;
}

static void filter_fill(unsigned char *filter, uint64_t bits, const unsigned char *data, const parse_table_header *t,
                        const parse_table_layout *lay)
{
    const parse_slot *slots = (const parse_slot *)(data + lay->slots);
    for (uint64_t i = 0; i < t->n_slots; i++)
        if (slots[i].run) {
            uint64_t bit = slots[i].check & (bits - 1);
            filter[bit >> 3] |= (unsigned char)(1u << (bit & 7));
        }
}

int parse_model_convert(const unsigned char *in, uint64_t in_bytes, unsigned char **out, uint64_t *out_bytes,
                        vg_error *err)
{
    *out = NULL;
    *out_bytes = 0;
    if (in_bytes < PARSE_V5_HEADER_BYTES)
        return vg_error_set(err, VG_EMODEL, "parser model to convert is shorter than its header");
    int v4 = memcmp(in, PARSE_MAGIC_V4, 8) == 0;
    if (!v4 && memcmp(in, PARSE_MAGIC_V5, 8) != 0)
        return vg_error_set(err, VG_EMODEL, "only version 4 and 5 parser models can be converted");
    parse_header h;
    memset(&h, 0, sizeof h);
    memcpy(&h, in, v4 ? PARSE_V4_HEADER_BYTES : PARSE_V5_HEADER_BYTES);
    if (v4)
        h.beam_temperature = PARSE_V4_TEMPERATURE;
    parse_layout old;
    parse_model_layout(&h, &old);
    if (h.header_bytes != (v4 ? PARSE_V4_HEADER_BYTES : PARSE_V5_HEADER_BYTES) || old.total != in_bytes)
        return vg_error_set(err, VG_EMODEL, "parser model to convert has an inconsistent layout");

    parse_header nh = h;
    memcpy(nh.magic, PARSE_MAGIC, sizeof nh.magic);
    nh.version = PARSE_VERSION;
    nh.header_bytes = sizeof nh;
    nh.unused = 0;
    nh.move_filter_bits = filter_bits_for(features_in(in, &h.moves, &old.moves));
    nh.label_filter_bits = filter_bits_for(features_in(in, &h.labels, &old.labels_table));
    parse_layout lay;
    parse_model_layout(&nh, &lay);
    nh.file_bytes = lay.total;
    if (lay.total > VG_MAX_MODEL_BYTES)
        return vg_error_set(err, VG_ELIMIT, "converted parser model would be over the size limit");
    unsigned char *buf = vg_calloc(1, lay.total);
    if (!buf)
        return vg_error_set(err, VG_ENOMEM, "out of memory converting a parser model");
    memcpy(buf, &nh, sizeof nh);
    /* Everything after the header keeps its order; only the offset it starts at moves (each
     * table starts on a 64-byte boundary, so its relative layout is unchanged). */
    memcpy(buf + lay.labels, in + old.labels, ((uint64_t)h.n_labels + 1) * PARSE_LABEL_NAME_BYTES + PARSE_MAX_LABELS);
    if (lay.lexicon - lay.moves.slots != old.lexicon - old.moves.slots) { /* cannot happen: see above */
        vg_free(buf);
        return vg_error_set(err, VG_EMODEL, "parser model to convert has an inconsistent layout");
    }
    memcpy(buf + lay.moves.slots, in + old.moves.slots, old.total - old.moves.slots);
    filter_fill(buf + lay.move_filter, nh.move_filter_bits, in, &h.moves, &old.moves);
    filter_fill(buf + lay.label_filter, nh.label_filter_bits, in, &h.labels, &old.labels_table);
    *out = buf;
    *out_bytes = lay.total;
    return 0;
}
