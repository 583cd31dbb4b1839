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
/* Sentences analysed together (parse/analyse.h) by the API's batch loops: enough for each
 * model's tables to stay cached over a step (the two models do not fit the L3 cache
 * together: 1,024 sentences or 65,536 tokens tag and parse EWT test 8-12% faster than 64 or
 * 4,096, greedy and with the beam), few enough to bound the memory they hold (a few MB). */
#define API_ANALYSIS_BATCH 1024u
#define API_ANALYSIS_BATCH_TOKENS 65536u

#endif
