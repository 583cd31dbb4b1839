/* Private to the tagger: feature templates, the model file layout, and the in-memory view of a
 * model, shared by tagging (tagger.c), lemmatising (lemma.c) and training (tag_train.c). */
#ifndef VIGIL_TAG_INTERNAL_H
#define VIGIL_TAG_INTERNAL_H
#include <stddef.h>
#include <stdint.h>
#include "text/sentence.h"
#include "util/error.h"

/* ---- Feature extraction (tag_features.c) ------------------------------------------------ */

/* Classes are the (UPOS, XPOS) pairs seen in training, numbered 0..n_classes-1; the
 * features of the tag context use class + 1, with 0 meaning "before/after the sentence". */
#define TAG_MAX_CLASSES 250
/* Dense weight rows hold one weight per class, padded to a multiple of 16 classes so that
 * adding a row is a few vector instructions; score arrays are this wide. */
#define TAG_DENSE_BLOCK 16
#define TAG_MAX_WIDTH 256
static inline int tag_dense_width(int n_classes)
{
    return (n_classes + TAG_DENSE_BLOCK - 1) / TAG_DENSE_BLOCK * TAG_DENSE_BLOCK;
}
/* Upper bounds on the keys one token yields, checked against the template lists. */
#define TAG_MAX_STATIC 48
#define TAG_MAX_CONTEXT 16
/* The lowercase form is cut at about four times this many bytes before its prefixes and
 * suffixes are taken (the exact form is hashed whole): plenty for any real word. */
#define TAG_WORD_BYTES 64

/* What the templates need of each word, hashed once per sentence. */
typedef struct tag_word {
    uint64_t form, lower, shape, prefix[3], suffix[5];
    uint64_t ambiguity;        /* the tags seen with the word in training (0 = unknown word) */
    uint32_t only;             /* class+1 when the word is frequent and unambiguous, else 0 */
    uint32_t flags;            /* TAG_F_* */
} tag_word;

enum {
    TAG_F_DIGIT = 1, TAG_F_HYPHEN = 2, TAG_F_UPPER = 4, TAG_F_ALLCAPS = 8, TAG_F_INITCAP = 16,
    TAG_F_LOWER = 32, TAG_F_PUNCT = 64, TAG_F_NONASCII = 128, TAG_F_ALLDIGIT = 256
};

/* The tag dictionary: lowercased word hash -> hash of the set of tags it was seen with (words
 * seen at least dictionary_min_count times). Open addressing; word 0 marks an empty slot. */
typedef struct tag_ambiguity_slot {
    uint64_t word, tags;
    uint32_t only;             /* class+1 of a frequent word always seen with one class, else 0 */
    uint32_t reserved;
} tag_ambiguity_slot;

/* Fills words[0..n-1] from the sentence's forms, with the tag dictionary (slots, mask). */
void tag_words_fill(tag_word *words, const vg_sentence *sentence,
                    const tag_ambiguity_slot *dictionary, uint32_t mask);

/* Keys of the features that do not depend on predicted tags, for token i: those of the word
 * alone (which a model may have summed ahead of time for frequent words), then those of its
 * neighbourhood. Each returns its count; together at most TAG_MAX_STATIC. */
#define TAG_MAX_WORD_FEATURES 24
int tag_word_features(uint64_t *keys, const tag_word *word);
int tag_neighbour_features(uint64_t *keys, const tag_word *words, int n, int i);
int tag_static_features(uint64_t *keys, const tag_word *words, int n, int i);

/* Keys of the features on the tag context: left[k] is the class+1 of token i-1-k (0 at the
 * edge) and right[k] that of token i+1+k, known in the second pass only (right == NULL in
 * the first). Returns the count (<= TAG_MAX_CONTEXT). */
int tag_context_features(uint64_t *keys, const tag_word *words, int n, int i,
                         const int *left, const int *right);

/* Lowercases UTF-8 text into out (at most out_size-1 bytes, NUL-terminated); returns length.
 * Characters outside ASCII go through utf8proc's case mapping. */
size_t tag_lowercase(char *out, size_t out_size, const char *text, size_t len);

/* ---- Model file layout ------------------------------------------------------------------ */
/* All integers little-endian (the header's byte_order field rejects the other order). Each
 * section starts on an 8-byte boundary (dense rows on 64), in the order of tag_layout. */

#define TAG_MAGIC "VGTAGGER"
/* Version 2 (session 5): the checksum is vg_hash_block's; version 1 files (vg_hash_bytes)
 * still load. */
#define TAG_VERSION 2u
#define TAG_BYTE_ORDER 0x01020304u

typedef struct tag_header {
    char magic[8];
    uint32_t version;
    uint32_t byte_order;
    uint32_t header_bytes;
    uint32_t n_classes;
    uint32_t ambiguity_slots;  /* power of two */
    uint32_t feature_slots;    /* any size (slot = high bits of (uint32)key * slots) */
    uint32_t row_bytes;        /* size of the sparse weight rows */
    uint32_t n_dense;          /* dense rows (features with weights for many classes) */
    uint32_t word_slots;       /* power of two */
    uint32_t n_word_rows;      /* frequent words whose word features are summed ahead */
    uint32_t lexicon_slots;    /* power of two */
    uint32_t rule_slots;       /* power of two */
    uint32_t n_rules;
    uint32_t string_bytes;
    uint32_t options;          /* TAG_OPT_* the model was trained with */
    uint32_t sure_margin;      /* a first-pass lead this large skips the second pass; 0: never */
    uint64_t case_keeping;     /* bit x set: lemmas of XPOS x keep the form's case (NNP...) */
    uint64_t file_bytes;
    uint64_t checksum;         /* tag_checksum: the whole file, this field taken as 0 */
} tag_header;

enum { TAG_OPT_SHARED_STATIC = 1 };
/* Bits 8-15 of the options: how many neighbour features (tag_neighbour_features order) the
 * second pass has weights for, when the passes do not share them. */
#define TAG_OPT_SECOND_SHIFT 8
static inline int tag_second_neighbours(uint32_t options)
{
    return (int)(options >> TAG_OPT_SECOND_SHIFT & 0xFF);
}

typedef struct tag_class { uint8_t upos, xpos; } tag_class;

/* A frequent word (hash of its exact form) and the row of its summed word features: width
 * weights for the first pass, then width for the second unless the passes share them. */
typedef struct tag_word_slot {
    uint64_t form;
    uint32_t row;              /* UINT32_MAX = empty slot */
    uint32_t reserved;
} tag_word_slot;

/* A feature: its key's high 32 bits and the offset of its weight row. A row is sparse (only
 * classes whose weight is not zero) and contiguous, so a feature costs two cache misses at
 * most: [count: u8] [count class ids: u8] [count weights: int16, unaligned]. */
typedef struct tag_feature_slot {
    uint32_t check;
    uint32_t row;              /* byte offset in the sparse rows, or TAG_DENSE | index of a
                                * dense row; UINT32_MAX = empty slot */
} tag_feature_slot;

#define TAG_DENSE 0x80000000u

static inline uint32_t tag_feature_home(uint64_t key, uint32_t slots)
{
    return (uint32_t)(((uint64_t)(uint32_t)key * slots) >> 32);
}

/* (form, xpos) -> lemma for forms seen in training. */
typedef struct tag_lexicon_slot {
    uint32_t form;             /* string offset; UINT32_MAX = empty slot */
    uint32_t lemma;            /* string offset */
    uint32_t xpos;
} tag_lexicon_slot;

/* (xpos, last characters of the word) -> suffix rewrite, for unseen words. */
typedef struct tag_rule_slot {
    uint32_t check;            /* high bits of the key */
    uint16_t rule;             /* index into the rules; UINT16_MAX = empty slot */
    uint8_t xpos, suffix_bytes;
} tag_rule_slot;

typedef struct tag_rule {
    uint32_t strip;            /* bytes removed from the end of the word */
    uint32_t append;           /* string offset of what is appended */
} tag_rule;

/* Longest suffix (in bytes) a rule looks at. */
#define TAG_RULE_MAX_SUFFIX 8

typedef void (*tag_dense_fn)(int32_t *restrict scores, const int16_t *restrict weights, size_t width);
typedef void (*tag_dense32_fn)(int32_t *restrict scores, const int32_t *restrict weights, size_t width);

/* A model in memory, either mapped from a file or built by the trainer. */
typedef struct tag_model {
    const tag_header *header;
    const tag_class *classes;
    const tag_ambiguity_slot *ambiguity;
    const tag_feature_slot *features;
    const uint8_t *rows;
    const int16_t *dense;      /* n_dense rows of tag_dense_width(n_classes) weights */
    const tag_word_slot *word_slots;
    const int32_t *word_rows;
    uint32_t word_mask, word_row_width;
    const tag_lexicon_slot *lexicon;
    const tag_rule_slot *rule_slots;
    const tag_rule *rules;
    const char *strings;
    uint32_t ambiguity_mask, feature_slots, lexicon_mask, rule_mask;
    uint32_t width;            /* tag_dense_width(n_classes) */
    tag_dense_fn add_dense;    /* the fastest way this processor has to add a dense row */
    tag_dense32_fn add_dense32; /* the same for the int32 rows of frequent words */
} tag_model;

/* Checksum of a model image of the header's version: the header (with its checksum field
 * zeroed), then the rest. */
uint64_t tag_checksum(const unsigned char *image, size_t size);

/* Byte offsets of the sections for a header's counts; `end` is the file size they make. */
typedef struct tag_layout {
    size_t classes, ambiguity, words, features, rows, dense, word_rows, lexicon, rule_slots, rules, strings, end;
} tag_layout;
void tag_layout_compute(tag_layout *layout, const tag_header *header);

/* Validates a model image (header, sizes, checksum, every offset) and fills the view.
 * `name` is used in messages. Errors are VG_EMODEL. */
int tag_model_view(tag_model *model, const unsigned char *data, size_t size, const char *name,
                   vg_error *err);

/* Sums the weights of a word's own features (tag_word_features) for each pass: first[] and,
 * when the passes have separate weights, second[] (both m->width wide). */
void tag_model_word_scores(const tag_model *m, const tag_word *word, int32_t *first, int32_t *second);

/* Tags the sentence with a model (upos, xpos, lemma). */
int tag_model_tag(const tag_model *model, vg_sentence *sentence, void *arena);

/* Hash of a lexicon key and of a rule key. */
uint64_t tag_lexicon_hash(const char *form, size_t len, unsigned xpos);
uint64_t tag_rule_hash(const char *suffix, size_t len, unsigned xpos);

/* Lemma of a word tagged xpos/upos: from the lexicon, else (a verb) an irregular past form,
 * else by the longest-suffix rule. The result points into the model, a static table or
 * `arena` (a vg_arena). */
/* The verb of an irregular past form ("shot" -> "shoot"), lowercase in and out, or NULL. */
const char *tag_irregular_verb(const char *lower_form);

/* Whether a verb stem ends in a vowel spelled with two letters ("ai", "ea", "oi", ...) and one of
 * l, n, r, d, t, k, p, m ("foil", "rain", "heal", "seek", "shout"): such verbs take no final
 * "e", whatever the suffix rule learned from "handling" or "settled" says ("foiling" is
 * "foil", not "foile"). Two vowels of two syllables ("evacuating") and "ui" ("guiding") are
 * not such a vowel. */
int tag_stem_takes_no_e(const char *stem, size_t len);
const char *tag_lemmatize(const tag_model *model, const char *form, unsigned xpos, unsigned upos,
                          void *arena);

/* ---- Training knobs (tag_train.c), for experiments with tools/train_tagger ---------------- */

typedef struct tag_train_config {
    int shared_static;         /* both passes share the weights of the static features */
    int lemma_rare;            /* suffix rules are learned from forms seen at most this often */
    int lemma_min_count;       /* a suffix needs this many forms behind it to get a rule */
    int dictionary_min_count;  /* words seen this often enter the tag dictionary */
    int shortcut_min_count;    /* words seen this often with one class only skip the classifier */
    double min_weight;         /* averaged weights smaller than this are dropped */
    int dense_min;             /* features with this many non-zero weights get a dense row */
    int cached_words;          /* the most frequent forms get their word features summed */
    int ensemble;              /* members trained with different shuffles, weights averaged */
    int second_neighbours;     /* neighbour features the second pass has weights for */
    int jackknife_folds;       /* > 1: the second pass trains on jackknifed first-pass tags */
    int jackknife_passes;      /* passes of each fold's first-pass model */
} tag_train_config;

#define TAG_MAX_ENSEMBLE 8
void tag_train_config_default(tag_train_config *config);

struct vg_tagger_train_options;
struct vg_treebank;
int tag_train_with(const struct vg_treebank *train, const struct vg_treebank *dev,
                   const struct vg_tagger_train_options *options, const tag_train_config *config,
                   const char *model_path, vg_error *err);

#endif
