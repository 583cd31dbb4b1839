/* One document through the whole analysis: segment, tag, lemmatise, parse, code. The step
 * every command that codes (vigil code, vigil ingest, vigil validate) shares. */
#ifndef VIGIL_CODE_PIPELINE_H
#define VIGIL_CODE_PIPELINE_H
#include <stddef.h>
#include <stdint.h>
#include "code/coder.h"
#include "code/petrarch.h"
#include "parse/parser.h"
#include "tag/tagger.h"
#include "text/document.h"
#include "util/arena.h"
#include "util/error.h"

/* Borrowed, read-only models and knowledge; one pipeline may serve many threads. */
typedef struct vg_pipeline {
    const vg_tagger *tagger;
    const vg_parser *parser;
    const vg_coder *coder;
    unsigned flags;              /* VG_CODE_* */
    /* When set, sentences are coded with these PETRARCH2-format dictionaries instead of the
     * coder (vigil code --petrarch); coder may then be NULL. */
    const vg_petrarch *petrarch;
} vg_pipeline;

/* A document coded: its analysed sentences and its events, all in the caller's arena. */
typedef struct vg_coded_document {
    const vg_document *doc;
    vg_sentence *sentences;      /* body sentences in order; sentence k is sentences[k-1] */
    uint32_t n_sentences;
    const vg_event *events;
    size_t n_events;
    int32_t pubdate;             /* YYYYMMDD the relative dates were resolved against, or 0 */
    double analysis_seconds;     /* time spent segmenting, tagging and parsing */
    double coding_seconds;       /* time spent coding */
} vg_coded_document;

/* The publication date of a document as YYYYMMDD: its full date, else 0. */
int32_t vg_document_pubdate(const vg_document *doc);

/* Segments docs[0..n-1] and tags and parses all their sentences together (parse/analyse.h:
 * the two models do not fit the processor's cache together, so a few long passes of each run
 * faster than many short ones). out[i] gets document i's sentences and dates; status[i] is 0,
 * or the error of document i, described in errs[i] (its sentences up to the failure are
 * analysed). pubdate overrides the documents' own dates when not 0 (--date). Returns 0, or
 * VG_ENOMEM when nothing could be done. */
int vg_pipeline_analyse(const vg_pipeline *pipeline, const vg_document *const *docs, size_t n, int32_t pubdate,
                        vg_arena *arena, vg_coded_document *out, int *status, vg_error *errs);

/* Codes a document that vg_pipeline_analyse analysed into out (its events). Returns 0, or
 * VG_ENOMEM / VG_ELIMIT with err set. */
int vg_pipeline_code_analysed(const vg_pipeline *pipeline, vg_arena *arena, vg_coded_document *out, vg_error *err);

/* Codes doc: vg_pipeline_analyse of the one document, then vg_pipeline_code_analysed.
 * Returns 0, or VG_ENOMEM / VG_ELIMIT with err set. */
int vg_pipeline_code(const vg_pipeline *pipeline, const vg_document *doc, int32_t pubdate,
                     vg_arena *arena, vg_coded_document *out, vg_error *err);

/* Codes sentences already split (a CoNLL-U file): those with a tree are coded as they are,
 * the others are tagged and parsed first. The sentences become out->sentences. */
int vg_pipeline_code_sentences(const vg_pipeline *pipeline, vg_sentence *sentences, uint32_t n,
                               int32_t pubdate, vg_arena *arena, vg_coded_document *out, vg_error *err);

#endif
