/* Recognising the parts of a news article in its lines: headline, standfirst, date line,
 * byline, dateline, captions, trailers and page furniture, by general rules of line shape,
 * position and keywords (docs/formats/input.md lists them). */
#ifndef VIGIL_ARTICLE_H
#define VIGIL_ARTICLE_H
#include <stddef.h>
#include <stdint.h>
#include "text/document.h"

/* One paragraph candidate: a trimmed line with single spaces, valid UTF-8, no "\n". */
typedef struct vg_article_line {
    const char *text;
    uint32_t len;
    uint32_t line;          /* 1-based line in the input */
    uint8_t hint;           /* a vg_part_kind the reader knows from markup, or VG_PART_UNKNOWN */
    /* Filled by vg_article_classify: */
    uint8_t kind;           /* a vg_part_kind; BODY lines go to the body */
    const char *rule;       /* the rule that decided (static string) */
    uint32_t dateline_len;  /* the first body line: text[0, dateline_len) is the dateline */
    uint32_t body_offset;   /* ... and its running text starts at text[body_offset] */
} vg_article_line;

typedef struct vg_article_options {
    /* Plain text: the first line is the headline unless it reads as a sentence (ends with a
     * full stop), or is the only line, a date line or a byline. */
    int first_line_is_headline;
    /* A headline known from metadata (JSON "title", HTML og:title): one of the first lines
     * equal to it is the headline. May be NULL. */
    const char *title;
} vg_article_options;

/* Classifies lines[0..n). Lines with a hint keep it. Returns 1 when no running text was
 * found and every line that is not clearly something else was made body (a note, a single
 * line, text without sentence punctuation), 0 otherwise, or VG_ENOMEM. Time is linear in
 * the total length. */
int vg_article_classify(vg_article_line *lines, size_t n, const vg_article_options *opts);

/* Date recognition. Strict (whole_line = 1): every word of s must belong to a date ("9:50 AM
 * on Friday, November 7", "Published: Nov. 30, 2020 10:42 am ET", "2020-11-30"), as a date
 * line does. Loose (whole_line = 0): finds a date among other words (a JSON "date" value,
 * an HTTP date, "WASHINGTON, Nov 7 (Reuters)"). Returns 1 and fills *date (unknown fields 0)
 * when a date was found (month and day, month and year, or a numeric date), else 0. A line
 * of relative time ("2 hours ago") is a date line with all fields 0 (returns 1 in strict mode). */
int vg_date_parse(const char *s, size_t len, int whole_line, vg_date *date);

/* The dateline at the start of a paragraph ("WASHINGTON (AP) — ", "PARIS, Nov 7 (Reuters) - ",
 * "JERUSALEM — "): returns the length of the dateline text and sets *body_offset to where
 * the running text begins; 0 when the paragraph does not start with one. */
uint32_t vg_article_dateline(const char *text, size_t len, uint32_t *body_offset);

#endif
