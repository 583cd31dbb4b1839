/* PETRARCH verb dictionaries: synonym sets ("&CURRENCY" with "+WORD" members), verb blocks
 * ("--- NAME [code] ---") listing verbs with their forms ("SAY {SAYS SAID SAYING}",
 * "+BREAK_DOWN {+BROKE_DOWN ...}", "WIRE_+TAP") and patterns ("- * (TO &CEASEFIRE) [0356]")
 * in which "*" is the verb, "$" the source, "+" the target, "^" a skipped phrase, "%" a
 * compound actor, "(...)" a prepositional phrase and "{...}" consecutive words. A code is
 * "[050]", a pair "[042:043]" (the second for target -> source), or the null code "[---]".
 * Format and what is supported: docs/formats/petrarch.md. */
#ifndef VIGIL_CODE_PETR_VERBS_H
#define VIGIL_CODE_PETR_VERBS_H
#include <stddef.h>
#include <stdint.h>
#include "code/petr_lines.h"

/* Longest event code kept ("0579", "102b"). */
#define VG_PETR_CODE_SIZE 8

/* A code field: [CODE], [CODE:CODE2], [:CODE2] or [---]. Empty strings are null codes. */
typedef struct vg_petr_codes {
    char code[VG_PETR_CODE_SIZE];   /* source -> target, "" for none */
    char code2[VG_PETR_CODE_SIZE];  /* target -> source, "" for none */
    uint8_t given;                  /* a [...] was written */
} vg_petr_codes;

typedef enum vg_petr_elem_kind {
    VG_PETR_ELEM_WORDS = 1,   /* words[0..n_words-1], consecutive */
    VG_PETR_ELEM_SYNSET,      /* any member of synset */
    VG_PETR_ELEM_VERB,        /* "*" */
    VG_PETR_ELEM_SOURCE,      /* "$" */
    VG_PETR_ELEM_TARGET,      /* "+" */
    VG_PETR_ELEM_SKIP,        /* "^" */
    VG_PETR_ELEM_COMPOUND     /* "%" */
} vg_petr_elem_kind;

typedef struct vg_petr_elem {
    vg_petr_elem_kind kind;
    const char **words;
    uint32_t n_words;
    int32_t synset;
    uint8_t adjacent;         /* 1: joined by "_", directly after the element before it;
                               * 2: inside "{...}", after it in the same noun phrase */
    uint8_t in_phrase;        /* inside "(...)" */
    uint64_t key;             /* VG_PETR_ELEM_WORDS: vg_petr_word_key of words[0], so a coder can
                               * tell quickly that a sentence lacks the word */
} vg_petr_elem;

typedef struct vg_petr_pattern {
    vg_petr_elem *elems;
    uint32_t n_elems;
    uint32_t verb;            /* index of the "*" element */
    vg_petr_codes codes;
    int compound;             /* has "%" */
    uint32_t n_words;         /* literal words and synsets: how specific it is */
    const char *text;         /* as written, for explanations */
    uint32_t line;
} vg_petr_pattern;

typedef struct vg_petr_block {
    const char *name;
    vg_petr_codes codes;
    uint32_t first_pattern, n_patterns;
    uint32_t line;
} vg_petr_block;

/* One written or generated form of one verb of a block. */
typedef struct vg_petr_verb {
    uint32_t block;
    vg_petr_codes codes;      /* its own code, or the block's */
    const char **before;      /* words written before the verb word ("WIRE" of WIRE_+TAP) */
    uint32_t n_before;
    const char **after;       /* words after it ("DOWN" of BREAK_DOWN) */
    uint32_t n_after;
    const char *base;         /* the verb as written in the block */
    uint32_t line;
} vg_petr_verb;

typedef struct vg_petr_synset {
    const char *name;         /* "&CURRENCY" */
    struct vg_petr_words { const char **words; uint32_t n; } *members;
    uint32_t n_members;
} vg_petr_synset;

typedef struct vg_petr_verbs {
    vg_petr_synset *synsets;
    size_t n_synsets;
    vg_petr_block *blocks;
    size_t n_blocks;
    vg_petr_pattern *patterns;
    size_t n_patterns;
    vg_petr_verb *verbs;
    size_t n_verbs;
    vg_petr_index forms;      /* one-word phrase: an inflected verb word -> verb number */
    vg_petr_index members;    /* every synset member -> its synset's number */
    vg_arena arena;
    const char *file;
    size_t n_skipped;         /* patterns left out (undefined synset, unreadable) */
    size_t n_transformations; /* "~" transformation lines, which are not read */
} vg_petr_verbs;

/* Loads one verb dictionary. Returns 0, or VG_EIO / VG_ELIMIT / VG_EINVAL with "FILE:LINE: what
 * is wrong" in err, or VG_ENOMEM; on failure *verbs is left empty. */
int vg_petr_verbs_load(vg_petr_verbs *verbs, const char *path, vg_error *err);
void vg_petr_verbs_free(vg_petr_verbs *verbs);

/* A 64-bit key of an uppercase word (never 0). */
uint64_t vg_petr_word_key(const char *word);

/* Parses the inside of "[...]" into codes; returns 0 or -1 when malformed. */
int vg_petr_parse_codes(const char *s, vg_petr_codes *codes);

#endif
