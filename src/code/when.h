/* Dates in the text ("Friday", "last year", "the end of last year", "in February 2023",
 * "in 1992", "days after") resolved against the publication date into a range of days. */
#ifndef VIGIL_CODE_WHEN_H
#define VIGIL_CODE_WHEN_H
#include <stdint.h>
#include "code/event.h"
#include "code/tree.h"
#include "util/arena.h"
#include "util/date.h"

typedef struct vg_when {
    int32_t date, date_end;      /* YYYYMMDD, first and last day; 0 when unresolved */
    vg_date_precision precision;
    const char *text;            /* the words it came from */
} vg_when;

/* Whether token i heads a temporal modifier of its head (by relation and words). */
int vg_when_is_temporal(const vg_tree *tree, uint32_t i);

/* The day of the week a lowercase word names, 1 (Monday) to 7, or 0. */
int vg_when_weekday(const char *lower);
/* Reads the date the phrase of token i names, resolved against pubdate (YYYYMMDD, 0 unknown:
 * then only absolute dates resolve). Returns 1 and fills out when the phrase is a date. */
int vg_when_phrase(const vg_tree *tree, uint32_t i, int32_t pubdate, vg_when *out, vg_arena *arena);
/* The same over words (lowercase), for tests and other callers. */
int vg_when_words(const char *const *words, uint32_t n, int32_t pubdate, vg_when *out);


#endif
