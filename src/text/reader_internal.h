/* Private to the readers: the document builder they share, and the per-format entry points. */
#ifndef VIGIL_READER_INTERNAL_H
#define VIGIL_READER_INTERNAL_H
#include <stdio.h>
#include "text/document.h"
#include "util/limits.h"

/* What a format reader knows besides the text. Strings may be NULL; they need not be clean
 * (they are repaired and normalised like the text). */
typedef struct vg_doc_input {
    const char *name;       /* for messages and, without id, the id */
    const char *id;
    vg_format format;
    int raw_bytes;          /* the text is a file's bytes: sniff UTF-16 and binary data */
    int first_line_is_headline;
    const char *title, *subtitle, *date, *url, *source, *byline;
    /* Per line of the text (HTML blocks): a vg_part_kind known from markup, or
     * VG_PART_UNKNOWN. Lines beyond n_hints are unknown. */
    const unsigned char *hints;
    size_t n_hints;
} vg_doc_input;

/* Builds a document from text bytes: cut at the size limit, repaired, NFC, split into lines
 * (hard-wrapped plain text re-joined into paragraphs), classified into article parts, body
 * assembled. Returns 0, VG_EINVAL (binary data; the message says so) or VG_ENOMEM. */
int vg_document_build(vg_document **out, const char *bytes, size_t len, const vg_doc_input *in,
                      const vg_read_options *opts, vg_error *err);

/* Options with the zero limits replaced by the limits.h values. */
void vg_read_options_resolve(vg_read_options *resolved, const vg_read_options *opts);

/* The id of a document named by a path: the file name without directory and extension. */
void vg_document_id_from_name(const char *name, char *out, size_t cap);

/* HTML: one page to one document. */
int vg_html_document(vg_document **out, const char *name, const char *bytes, size_t len,
                     const vg_read_options *opts, vg_error *err);

/* JSON Lines: one record (a JSON object) to one document. line is the record's 1-based line,
 * used in messages. Returns 0, VG_EINVAL (malformed JSON, not an object, no "text"; the
 * message names name:line) or VG_ENOMEM. */
int vg_jsonl_document(vg_document **out, const char *name, size_t line, const char *json, size_t len,
                      const vg_read_options *opts, vg_error *err);

/* A stream of JSON Lines records from a file (read in bounded pieces) or from memory. */
typedef struct vg_jsonl vg_jsonl;
/* Takes over f (closed by vg_jsonl_close when owns_file). prefix[0..prefix_len) are bytes
 * already read from f. */
int vg_jsonl_open_file(vg_jsonl **out, const char *name, FILE *f, int owns_file, const char *prefix,
                       size_t prefix_len, const vg_read_options *opts, vg_error *err);
int vg_jsonl_open_memory(vg_jsonl **out, const char *name, const char *bytes, size_t len,
                         const vg_read_options *opts, vg_error *err);
/* 1 and a document, 0 at the end, negative on a fatal error. Bad records are reported through
 * vg_warn, counted in *skipped, and passed over. */
int vg_jsonl_next(vg_jsonl *stream, vg_document **doc, size_t *skipped, vg_error *err);
void vg_jsonl_close(vg_jsonl *stream);
/* Sets jansson to allocate through vg_malloc (once; see vg_text_global_init). */
void vg_jsonl_global_init(void);

#endif
