/* What the tokeniser (tokenize.c) tells the sentence splitter (segment.c) about each piece.
 * Private to src/text/; see segment.h for the interface. */
#ifndef VIGIL_SEGMENT_INTERNAL_H
#define VIGIL_SEGMENT_INTERNAL_H
#include <stddef.h>
#include <stdint.h>
#include "text/segment.h"

/* vg_segment_piece.flags */
enum {
    VG_PIECE_SPACE_AFTER = 1u << 0,  /* whitespace (or a line break) follows */
    VG_PIECE_UPPER       = 1u << 1,  /* begins with an upper- or title-case letter */
    VG_PIECE_LOWER       = 1u << 2,  /* begins with a lower-case letter */
    VG_PIECE_CASELESS    = 1u << 3,  /* begins with a letter of a script without case */
    VG_PIECE_DIGIT       = 1u << 4,  /* begins with a digit */
    VG_PIECE_TERMINAL    = 1u << 5,  /* . ! ? … or a run of them */
    VG_PIECE_PERIOD      = 1u << 6,  /* exactly "." */
    VG_PIECE_ELLIPSIS    = 1u << 7,  /* "...", "…" and longer runs of periods */
    VG_PIECE_ABBREV      = 1u << 8,  /* a word holding its own final period ("U.S.", "Gen.") */
    VG_PIECE_TITLE       = 1u << 9,  /* an abbreviation that always precedes a name */
    VG_PIECE_OPEN        = 1u << 10, /* opening bracket or quote */
    VG_PIECE_CLOSE       = 1u << 11, /* closing bracket or quote (” ’ » ) ] }) */
    VG_PIECE_QUOTE       = 1u << 12, /* a straight quote; opens or closes depending on spacing */
    VG_PIECE_NOSTART     = 1u << 13, /* punctuation that cannot begin a sentence (, ; : — …) */
    VG_PIECE_MULTIWORD   = 1u << 14, /* with the next piece forms one multi-word token (do|n't) */
    VG_PIECE_NUMBER      = 1u << 15, /* a number of at most three digits (a list marker "1.") */
    VG_PIECE_EMOTICON    = 1u << 16  /* ":)", ";-(" */
};

/* Kinds of abbreviation in abbrev.def. */
enum { VG_ABBREV_NONE = 0, VG_ABBREV_PLAIN, VG_ABBREV_TITLE, VG_ABBREV_NUMBER };

/* Appends the next one to three pieces of the current paragraph to seg->window (which must
 * have room for four). Returns 0 when the paragraph holds no more. */
int vg_segment_tokenize_next(vg_segmenter *seg);

/* Looks a word (without its period) up in abbrev.def; returns a VG_ABBREV_* kind. */
int vg_segment_abbreviation(const char *word, size_t len);
/* 1 when the word is in starters.def. */
int vg_segment_is_starter(const char *word, size_t len);

#endif
