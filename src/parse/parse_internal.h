/* Private to the parser: the arc-hybrid transition system, its feature templates and the
 * model file layout, shared by parsing (parser.c) and training (parse_train.c). */
#ifndef VIGIL_PARSE_INTERNAL_H
#define VIGIL_PARSE_INTERNAL_H
#include <stdint.h>
#include "text/sentence.h"
#include "util/limits.h"
#include "util/mapfile.h"

/* Longest sentence parsed: CoNLL-U input may carry up to four times the raw-text limit. */
#define PARSE_MAX_WORDS (VG_MAX_SENTENCE_TOKENS * 4u)

/* Labels are numbered by the model (1..n_labels, 0 = none), at most 63 of them, so a set
 * of labels fits a 64-bit mask. Classes: SHIFT, LEFT-label, RIGHT-label. */
#define PARSE_MAX_LABELS 64
#define PARSE_SHIFT 0
#define PARSE_LEFT(label) (label)
#define PARSE_RIGHT(label) (PARSE_MAX_LABELS + (label))
#define PARSE_N_CLASSES (2 * PARSE_MAX_LABELS)
#define PARSE_CLASS_LABEL(c) ((c) & (PARSE_MAX_LABELS - 1))
#define PARSE_CLASS_IS_RIGHT(c) ((c) >= PARSE_MAX_LABELS)

/* Upper bound on the keys one configuration yields (checked against the template count). */
#define PARSE_MAX_FEATURES 128

/* Per-word values the feature templates combine: hashed codes of the normalised form, the
 * lemma and the two tags. Index 0 stands for "no such word", index n+1 for ROOT. */
typedef struct parse_atoms {
    uint64_t *word, *lemma, *xpos, *upos;
} parse_atoms;

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
void parse_state_init(parse_state *st, const vg_sentence *sentence, void *scratch);
int parse_state_done(const parse_state *st);
/* Legal classes as two label masks and a shift flag. root_label: the model's "root". */
typedef struct parse_legal {
    int shift;
    uint64_t left, right;    /* bit l set: LEFT(l) / RIGHT(l) allowed */
} parse_legal;
void parse_state_legal(const parse_state *st, uint64_t left_allowed, uint64_t right_allowed,
                       int root_label, parse_legal *legal);
void parse_state_apply(parse_state *st, int cls);
/* Fills keys[] with the configuration's feature keys; returns how many. */
int parse_state_features(const parse_state *st, uint64_t *keys);

/* ---- model file ----
 * header | label names | slots[n_slots] | entry classes[n_entries] | entry weights[n_entries]
 * A slot holds the high half of a feature key (its low bits pick the slot; linear probing)
 * and the first of the feature's run of entries; the last entry of a run has bit 7 of its
 * class byte set. Empty slots have run == 0 (entry 0 is a padding entry, never a run start).
 * Integers are little-endian as written by the trainer; the magic check catches the rest. */
#define PARSE_MAGIC "VGPARSE1"
#define PARSE_VERSION 1u
#define PARSE_LABEL_NAME_BYTES 24
#define PARSE_ENTRY_LAST 0x80u

typedef struct parse_header {
    char magic[8];
    uint32_t version;
    uint32_t header_bytes;
    uint32_t n_labels;       /* labels 1..n_labels */
    uint32_t root_label;
    uint64_t left_allowed, right_allowed;
    uint64_t n_slots;        /* power of two */
    uint64_t n_entries;
    uint64_t file_bytes;
    uint32_t feature_set;    /* templates version, so a model of other templates is refused */
    uint32_t reserved;
} parse_header;

typedef struct parse_slot {
    uint32_t check;          /* key >> 32 */
    uint32_t run;            /* index of the first entry; 0 = empty slot */
} parse_slot;

typedef struct parse_layout {
    uint64_t labels, slots, classes, weights, total;
} parse_layout;

static inline void parse_model_layout(uint64_t n_labels, uint64_t n_slots, uint64_t n_entries,
                                      parse_layout *out)
{
    out->labels = sizeof(parse_header);
    out->slots = out->labels + (n_labels + 1) * PARSE_LABEL_NAME_BYTES;
    out->slots = (out->slots + 7) & ~7ULL;
    out->classes = out->slots + n_slots * sizeof(parse_slot);
    out->weights = (out->classes + n_entries + 3) & ~3ULL;
    out->total = out->weights + n_entries * sizeof(float);
}

/* Feature template set; bump when parse_state_features changes. */
#define PARSE_FEATURE_SET 1u

#endif
