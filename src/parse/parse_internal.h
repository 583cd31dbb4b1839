/* Private to the parser: the arc-hybrid transition system, its feature templates and the
 * model file layout, shared by parsing (parser.c) and training (parse_train.c). */
#ifndef VIGIL_PARSE_INTERNAL_H
#define VIGIL_PARSE_INTERNAL_H
#include <stddef.h>
#include <stdint.h>
#include "text/sentence.h"
#include "util/limits.h"
#include "util/error.h"
#include "util/mapfile.h"

/* Longest sentence parsed: CoNLL-U input may carry up to four times the raw-text limit. */
#define PARSE_MAX_WORDS (VG_MAX_SENTENCE_TOKENS * 4u)

/* Labels are numbered by the model (1..n_labels, 0 = none), at most 63 of them, so a set
 * of labels fits a 64-bit mask. A transition is chosen first among three moves; when it
 * makes an arc, a second classifier picks the arc's label (parse_label_features). */
#define PARSE_MAX_LABELS 64
enum { PARSE_SHIFT = 0, PARSE_LEFT = 1, PARSE_RIGHT = 2, PARSE_N_MOVES = 3 };
/* The move classifier predicts the move together with a coarse group of labels (function
 * word, core argument, nominal modifier...): SHIFT, LEFT-group, RIGHT-group. The label
 * classifier then picks a label within the group. Groups are numbered 0..n_groups-1. */
#define PARSE_MAX_GROUPS 7
#define PARSE_N_CLASSES (1 + 2 * PARSE_MAX_GROUPS)
#define PARSE_CLASS_LEFT(g) (1 + (g))
#define PARSE_CLASS_RIGHT(g) (1 + PARSE_MAX_GROUPS + (g))
/* Group of a UD relation name (its universal part decides) when there are n_groups. */
int parse_label_group(const char *deprel, int n_groups);

/* Widest beam vg_parser_set_beam accepts. */
#define PARSE_MAX_BEAM 16
/* The beam drops a hypothesis whose log-probability is this far below the best one's: most
 * steps are then greedy, and the beam only branches where the model hesitates. */
#define PARSE_BEAM_PRUNE 2.0

/* Upper bound on the keys one configuration yields (checked against the template count). */
#define PARSE_MAX_FEATURES 128

/* Per-word values the feature templates combine: hashed codes of the normalised form, the
 * lemma and the two tags. Index 0 stands for "no such word", index n+1 for ROOT. */
typedef struct parse_atoms {
    uint64_t *word, *lemma, *xpos, *upos;
    uint64_t *tagset;        /* the XPOS tags the word had in training: robust to tagger errors */
} parse_atoms;

/* The training words seen often enough, each with the set of XPOS ids (bit i = id i) it
 * was tagged with: an open-addressing table keyed by parse_word_code (0 = empty slot). */
typedef struct parse_lexicon_slot {
    uint64_t word;
    uint64_t tags;
} parse_lexicon_slot;

typedef struct parse_lexicon {
    const parse_lexicon_slot *slots;
    uint64_t mask;           /* n_slots - 1; n_slots is a power of two */
} parse_lexicon;

/* Hash of a word form as the features see it (case and digits folded). */
uint64_t parse_word_code(const char *form);

/* What the features need of each word's subtree so far. */
typedef struct parse_node {
    int16_t head;            /* -1 until attached; n+1 is ROOT */
    uint8_t label;           /* model label of the arc to the head */
    uint8_t n_left, n_right;
    int16_t left1, left2;    /* leftmost and second-leftmost child (0 = none) */
    int16_t right1, right2;  /* rightmost and second-rightmost child */
    uint64_t left_labels, right_labels;
} parse_node;

/* An arc-hybrid configuration. The buffer is always the contiguous run b0..n+1, with ROOT
 * last (Ballesteros & Nivre 2013), which with the legality rules in parse_state_legal
 * guarantees one root and a head for every word. */
typedef struct parse_state {
    int n;                   /* words 1..n, ROOT = n+1 */
    int b0;
    int depth;               /* stack size */
    int16_t *stack;          /* stack[depth-1] is s0 */
    parse_node *nodes;       /* 0..n+1 */
    parse_atoms atoms;
} parse_state;

/* Bytes of scratch memory a sentence of n words needs (for parse_state_init). */
size_t parse_scratch_bytes(int n);
/* Lays out the state in `scratch` and computes the atoms of the sentence's words. */
void parse_state_init(parse_state *st, const vg_sentence *sentence, const parse_lexicon *lexicon,
                      void *scratch);
int parse_state_done(const parse_state *st);
/* Which of the three moves are legal (the ROOT-last rules live here). */
void parse_state_legal(const parse_state *st, int legal[PARSE_N_MOVES]);
/* Head and dependent of the arc a LEFT or RIGHT move would make. */
void parse_state_arc(const parse_state *st, int move, int *head, int *dep);
void parse_state_apply(parse_state *st, int move, int label);
/* Fills keys[] with the configuration's feature keys for the move; returns how many. */
int parse_state_features(const parse_state *st, uint64_t *keys);
/* Whether two configurations of one sentence certainly have the same move features: all
 * that parse_state_features reads of them is equal (it may be false when the keys agree). */
int parse_state_same_features(const parse_state *a, const parse_state *b);
/* Fills keys[] with the features for labelling the arc head -> dep; returns how many. */
int parse_label_features(const parse_state *st, int head, int dep, uint64_t *keys);

/* ---- model file ----
 * header | label names and groups | move table | label table | lexicon | move filter | label filter
 * A table: slots[n_slots] | entries[n_entries] | dense rows[n_dense][dense_width].
 * A slot holds the high half of a feature key (its low bits pick the slot; linear probing)
 * and where the feature's weights are: with PARSE_RUN_DENSE set, a dense row of int16 per
 * class (for features with weights on many classes, summed with vector adds); otherwise the
 * first of a run of (class, weight) entries whose last has bit 7 of its class byte set.
 * Empty slots have run 0 (entry 0 is padding, never a run).
 * A filter (version 6) is a bitmap with bit (check & (bits - 1)) set for every feature of its
 * table: a key whose bit is clear is not in the table, and costs no access to it. It is small
 * enough to stay in the core's L2 cache, where the tables are not (most absent keys cost
 * a cache miss each otherwise, and a quarter of the move keys are absent).
 * Weights are int16, the float weights times the table's scale.
 * Integers are little-endian as written by the trainer; the magic check catches the rest. */
#define PARSE_MAGIC "VGPARSE6"
#define PARSE_VERSION 6u
/* Version 4 and 5 files (no filters; version 4 no temperature either) still load: every key
 * then goes to the table. The beam uses the temperature chosen for version 4 files on dev
 * (PARSE_V4_TEMPERATURE). `train_parser convert` upgrades them with the same weights. */
#define PARSE_MAGIC_V4 "VGPARSE4"
#define PARSE_MAGIC_V5 "VGPARSE5"
#define PARSE_V4_TEMPERATURE 20000.0f
#define PARSE_LABEL_NAME_BYTES 24
#define PARSE_ENTRY_LAST 0x80u

typedef struct parse_table_header {
    uint64_t n_slots;        /* power of two */
    uint64_t n_entries;      /* including the padding entry 0 */
    uint64_t n_dense;
    uint32_t dense_width;    /* PARSE_MOVE_WIDTH or PARSE_MAX_LABELS */
    float scale;             /* weights were multiplied by this before rounding */
} parse_table_header;

#define PARSE_RUN_DENSE 0x80000000u
#define PARSE_MOVE_WIDTH 16     /* >= PARSE_N_CLASSES, a multiple of 8 */
/* Filter sizes a version 6 file may declare (bits, powers of two). */
#define PARSE_FILTER_MIN_BITS 512u
#define PARSE_FILTER_MAX_BITS (1u << 30)

typedef struct parse_header {
    char magic[8];
    uint32_t version;
    uint32_t header_bytes;
    uint32_t n_labels;       /* labels 1..n_labels */
    uint32_t root_label;
    uint32_t n_groups;
    uint32_t feature_set;    /* templates version, so a model of other templates is refused */
    uint64_t left_allowed, right_allowed;
    uint64_t file_bytes;
    parse_table_header moves, labels;
    uint64_t n_lexicon_slots; /* power of two */
    /* Beam search turns move scores into probabilities, softmax(score / temperature);
     * the temperature (in the move table's int16 units) is chosen on dev by the trainer. */
    float beam_temperature;
    uint32_t unused;
    uint64_t move_filter_bits, label_filter_bits; /* version 6 */
} parse_header;

#define PARSE_V4_HEADER_BYTES offsetof(parse_header, beam_temperature)
#define PARSE_V5_HEADER_BYTES offsetof(parse_header, move_filter_bits)

typedef struct parse_slot {
    uint32_t check;          /* key >> 32 */
    uint32_t run;            /* index of the first entry; 0 = empty slot */
} parse_slot;

typedef struct parse_entry {
    int16_t weight;
    uint8_t cls;             /* | PARSE_ENTRY_LAST on the run's last entry */
    uint8_t unused;
} parse_entry;

typedef struct parse_table_layout {
    uint64_t slots, entries, dense, end;
} parse_table_layout;

typedef struct parse_layout {
    uint64_t labels, groups;
    parse_table_layout moves, labels_table;
    uint64_t lexicon;
    uint64_t move_filter, label_filter;  /* empty (at the end) in version 4 and 5 files */
    uint64_t total;
} parse_layout;

static inline void parse_table_place(const parse_table_header *t, uint64_t at, parse_table_layout *out)
{
    out->slots = (at + 63) & ~63ULL;
    out->entries = out->slots + t->n_slots * sizeof(parse_slot);
    out->dense = (out->entries + t->n_entries * sizeof(parse_entry) + 63) & ~63ULL;
    out->end = out->dense + t->n_dense * t->dense_width * sizeof(int16_t);
}

static inline void parse_model_layout(const parse_header *h, parse_layout *out)
{
    out->labels = h->header_bytes;
    out->groups = out->labels + ((uint64_t)h->n_labels + 1) * PARSE_LABEL_NAME_BYTES;
    parse_table_place(&h->moves, out->groups + PARSE_MAX_LABELS, &out->moves);
    parse_table_place(&h->labels, out->moves.end, &out->labels_table);
    out->lexicon = (out->labels_table.end + 63) & ~63ULL;
    uint64_t end = out->lexicon + h->n_lexicon_slots * sizeof(parse_lexicon_slot);
    if (!h->move_filter_bits && !h->label_filter_bits) {
        out->move_filter = out->label_filter = out->total = end;
        return;
    }
    out->move_filter = (end + 63) & ~63ULL;
    out->label_filter = out->move_filter + h->move_filter_bits / 8;
    out->total = out->label_filter + h->label_filter_bits / 8;
}

/* Re-lays out a version 4 or 5 model (`in`, `in_bytes`, validated by vg_parser_open) as
 * version 6, the same tables and weights with the filters added. On success *out
 * (vg_malloc'd, the caller frees) holds *out_bytes bytes. */
int parse_model_convert(const unsigned char *in, uint64_t in_bytes, unsigned char **out, uint64_t *out_bytes,
                        vg_error *err);

/* Feature template set; bump when parse_state_features changes. */
#define PARSE_FEATURE_SET 8u

#endif
