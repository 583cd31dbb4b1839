/* Private glue of the public API: the per-thread error message and shared helpers. */
#ifndef VIGIL_API_INTERNAL_H
#define VIGIL_API_INTERNAL_H
#include "text/document.h"
#include "text/sentence.h"
#include "util/arena.h"

/* Records the calling thread's last error and returns code. */
int api_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A document handle wraps the reader's document. */
struct vigil_document {
    vg_document *doc;
};

/* The analyser handle: the tagger and parser models (models.c opens them). */
struct vigil_analyser {
    struct vg_tagger *tagger;
    struct vg_parser *parser;
};
/* Tags, lemmatises and parses one segmented sentence; lemmas may be allocated from arena. */
int api_analyse_sentence(const struct vigil_analyser *analyser, vg_sentence *sentence, vg_arena *arena);

#endif
