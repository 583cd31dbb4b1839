/* The analysed sentence every stage reads and fills in: tokens with offsets, tags, lemmas, tree.
 * All strings and arrays live in the arena of the document (or batch) that owns the sentence. */
#ifndef VIGIL_SENTENCE_H
#define VIGIL_SENTENCE_H
#include <stdint.h>

typedef struct vg_token {
    const char *form;        /* the token as written (NFC UTF-8) */
    const char *lemma;       /* NULL until lemmatised */
    uint32_t start, end;     /* byte span in the document body; both 0 when unknown */
    uint8_t upos, xpos;      /* tagset.h ids; 0 = not assigned */
    uint8_t deprel;          /* tagset.h id; 0 = not assigned */
    uint8_t space_after;     /* 1 when whitespace follows in the source text */
    int16_t head;            /* 1-based index of the head token, 0 = root, -1 = not assigned */
    const char *feats;       /* CoNLL-U FEATS kept from input, or NULL */
} vg_token;

typedef struct vg_sentence {
    vg_token *tokens;        /* tokens[0 .. n_tokens-1]; CoNLL-U id = index + 1 */
    uint32_t n_tokens;
    uint32_t start, end;     /* byte span in the document body */
    const char *text;        /* the sentence text (# text) */
    const char *id;          /* sent_id, or NULL */
    /* Multi-word tokens from CoNLL-U input ("don't" over do + n't), kept for output. */
    struct vg_multiword { uint32_t first, last; const char *form; } *multiwords;
    uint32_t n_multiwords;
} vg_sentence;

#endif
