/* Sentence splitting and tokenisation of a document body, following the UD English EWT
 * conventions (clitics split as multi-word tokens, punctuation split off); see docs/internals/segment.md. */
#ifndef VIGIL_SEGMENT_H
#define VIGIL_SEGMENT_H
#include <stddef.h>
#include <stdint.h>
#include "text/sentence.h"
#include "util/arena.h"
#include "util/error.h"
#include "util/limits.h"

/* Splits a body (UTF-8, one paragraph per line; a sentence never crosses a "\n") into
 * sentences of tokens. Everything (the sentence array, tokens, forms, texts) is allocated
 * from arena; nothing is borrowed from body. Each sentence's text is the exact substring
 * body[start, end). A run of more than VG_MAX_SENTENCE_TOKENS tokens without a boundary is
 * cut into pieces of at most that many tokens, and a token longer than VG_MAX_TOKEN_BYTES
 * into pieces of at most that many bytes. Invalid UTF-8 never fails: a bad byte becomes part
 * of a symbol token. Returns 0, VG_ENOMEM, or VG_ELIMIT when len exceeds
 * VG_MAX_DOCUMENT_BYTES. An empty body gives no sentences (*sentences may be NULL). */
int vg_segment(const char *body, size_t len, vg_arena *arena,
               vg_sentence **sentences, size_t *n_sentences, vg_error *err);

/* The streaming form of vg_segment, for callers that want memory bounded by one sentence
 * rather than by the document: each call to vg_segmenter_next yields the next sentence,
 * allocated from the arena the caller passes (which it may reset between calls). The
 * segmenter itself never allocates. The fields are private. */
#define VG_SEGMENT_LOOKAHEAD 16u
#define VG_SEGMENT_WINDOW (VG_MAX_SENTENCE_TOKENS + VG_SEGMENT_LOOKAHEAD + 8u)

typedef struct vg_segment_piece {
    uint32_t start, end;
    uint32_t flags;
} vg_segment_piece;

typedef struct vg_segmenter {
    const char *body;
    uint32_t len;
    uint32_t pos;              /* next byte to tokenise */
    uint32_t para_end;         /* the "\n" ending the current paragraph, or len */
    uint32_t chunk_start, chunk_end; /* the whitespace-free run holding pos */
    uint32_t url_start, url_end; /* a URL or e-mail address in that run, kept whole */
    int para_done;             /* the window holds the rest of the paragraph */
    uint32_t n, scanned;       /* pieces in the window; how many were tested for a boundary */
    vg_segment_piece window[VG_SEGMENT_WINDOW];
} vg_segmenter;

/* Returns 0, or VG_ELIMIT when len exceeds VG_MAX_DOCUMENT_BYTES. body must outlive the
 * segmenter. */
int vg_segmenter_init(vg_segmenter *seg, const char *body, size_t len, vg_error *err);
/* Returns 1 and fills *sentence, 0 when the body is exhausted, or VG_ENOMEM. */
int vg_segmenter_next(vg_segmenter *seg, vg_arena *arena, vg_sentence *sentence, vg_error *err);

#endif
