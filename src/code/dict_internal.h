/* Private parts of the dictionary shared by the loader (dict_load.c) and the lookups (dict.c). */
#ifndef VIGIL_CODE_DICT_INTERNAL_H
#define VIGIL_CODE_DICT_INTERNAL_H
#include "code/dict.h"
#include "util/arena.h"

/* One slot of a name index: the hits whose first token is key are hits[start, start+count),
 * sorted longest name first, equal names adjacent. */
typedef struct dict_slot {
    uint64_t hash;       /* 0 = empty slot */
    const char *key;
    uint32_t start, count;
} dict_slot;

typedef struct dict_index {
    vg_dict_hit *hits;
    size_t n_hits;
    dict_slot *slots;
    size_t mask;         /* slot count - 1 (a power of two) */
} dict_index;

struct vg_dict {
    vg_arena arena;      /* every string and small array */
    vg_dict_entry *entries;
    size_t n_entries;
    size_t n_warnings;
    dict_index actors;   /* names of countries, organisations, groups, people */
    dict_index roles;    /* role words, lowercase */
    const vg_dict_entry **by_code; /* every entry but role words, sorted by code, then by the
                                    * kind order of vg_dict_find_code, then load order */
    size_t n_by_code;
};

/* Rank of a kind when several entries share a code: countries, codes, organisations, groups, people. */
int dict_kind_rank(vg_dict_kind kind);

/* Hash and comparison of tokens with ’ ‘ ʼ folded to ' and ‐ ‑ to -; lower also folds ASCII case. */
uint64_t dict_token_hash(const char *s, int lower);
int dict_token_equal(const char *stored, const char *input, int lower);

#endif
