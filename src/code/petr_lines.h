/* Reading PETRARCH-format dictionary files (verbs, actors, agents, discards): one logical line
 * at a time with "#" comments and "<!-- ... -->" comments (one or several lines) removed, and
 * errors reported as "FILE:LINE: what is wrong". Also the word index the loaders share: phrases
 * of uppercase words looked up by their first word, longest match first. */
#ifndef VIGIL_CODE_PETR_LINES_H
#define VIGIL_CODE_PETR_LINES_H
#include <stddef.h>
#include <stdint.h>
#include "code/linereader.h"
#include "util/arena.h"
#include "util/error.h"
#include "util/limits.h"

/* A PETRARCH file's lines: the shared line reader (which names FILE:LINE in errors, through
 * vg_linereader_fail on .lines) and the comment state the format carries from line to line. */
typedef struct vg_petr_lines {
    vg_linereader lines;
    int in_comment;       /* inside a "<!--" comment that has not ended yet */
} vg_petr_lines;

/* Reads path whole (at most VG_MAX_PETR_FILE_BYTES). */
int vg_petr_lines_open(vg_petr_lines *lr, const char *path, vg_error *err);
/* The next line that is not blank once its comments are cut. *s is NUL-terminated and may be
 * modified by the caller (it lives in the file buffer); trailing blanks are cut; *indent says
 * whether it started with a blank. A control character is read as a blank, with a warning.
 * Returns 1, 0 at the end, or VG_ELIMIT for a line longer than VG_MAX_PETR_LINE_BYTES. */
int vg_petr_lines_next(vg_petr_lines *lr, char **s, int *indent, vg_error *err);
void vg_petr_lines_close(vg_petr_lines *lr);

/* Uppercases ASCII letters in place and turns '_' into ' '. */
void vg_petr_normalise(char *s);
/* Splits s (modified in place) at blanks into at most max words; returns the count, or -1
 * when there are more. */
int vg_petr_split(char *s, char **words, int max);

/* A phrase: consecutive uppercase words with a value (an index chosen by the owner). */
typedef struct vg_petr_phrase {
    const char **words;
    uint32_t n_words;
    int32_t value;
} vg_petr_phrase;

/* Phrases indexed by their first word. Strings are kept in the index's own arena. */
typedef struct vg_petr_index {
    vg_arena arena;
    vg_petr_phrase *phrases;
    size_t n_phrases, cap_phrases;
    /* open addressing: first word -> head of a chain of phrase indices (next[]) */
    int32_t *slots;            /* phrase index of the chain head, -1 when empty */
    int32_t *next;             /* next phrase with the same first word, -1 at the end */
    size_t n_slots;
} vg_petr_index;

void vg_petr_index_init(vg_petr_index *index);
void vg_petr_index_free(vg_petr_index *index);
/* Adds words[0..n-1] (copied) with value. Returns 0 or VG_ENOMEM. */
int vg_petr_index_add(vg_petr_index *index, const char *const *words, size_t n, int32_t value);
/* The longest phrase matching words[at..] consecutively (n words in all); returns its number
 * of words (0 when none) and its value in *value. When several phrases of that length match,
 * the first added wins. */
size_t vg_petr_index_longest(const vg_petr_index *index, const char *const *words, size_t n, size_t at,
                             int32_t *value);
/* Calls fn for every phrase matching at words[at..]; stops when fn returns non-zero. */
void vg_petr_index_each(const vg_petr_index *index, const char *const *words, size_t n, size_t at,
                        int (*fn)(void *ctx, const vg_petr_phrase *phrase), void *ctx);

/* Regular plural of an uppercase noun (S, ES after SS/SH/CH/X/Z, IES after consonant + Y),
 * written to out (size cap). */
void vg_petr_plural(const char *word, char *out, size_t cap);

#endif
