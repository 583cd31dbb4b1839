/* vigil: the public C API.
 *
 * Ownership, stated once: every handle returned through an output parameter belongs to the
 * caller and is released with its matching *_free function; every pointer returned by a
 * getter is borrowed from the handle it came from and stays valid until that handle is freed
 * or next modified. Functions return 0 on success or a negative VIGIL_E* code; the message of
 * the last error is kept on the handle (vigil_*_error). */
#ifndef VIGIL_H
#define VIGIL_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define VIGIL_VERSION "0.1.0"

enum {
    VIGIL_OK = 0,
    VIGIL_ENOMEM = -1,
    VIGIL_EIO = -2,
    VIGIL_EINVAL = -3,
    VIGIL_ELIMIT = -4,
    VIGIL_ENOTFOUND = -5,
    VIGIL_EMODEL = -6
};

/* The version string of the library. */
const char *vigil_version(void);

/* The message of the last failed call on this thread (file, line or byte offset where they apply). */
const char *vigil_error_message(void);

/* Scores of a predicted CoNLL-U file against a gold one with the same tokenisation. */
typedef struct vigil_parse_scores {
    size_t sentences, tokens;
    double upos, xpos, lemma;   /* accuracy, 0..1 */
    double uas, las;            /* attachment scores, 0..1 (punctuation included) */
    double clas_universal;      /* LAS comparing only the universal part of labels */
} vigil_parse_scores;

/* Compares pred with gold token by token. Fails with VIGIL_EINVAL (message in `message`)
 * when the files differ in sentence or token count. `message` may be NULL. */
int vigil_eval_conllu(const char *gold_path, const char *pred_path, vigil_parse_scores *scores,
                      char *message, size_t message_size);

#ifdef __cplusplus
}
#endif
#endif
