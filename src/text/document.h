/* Documents and the reader that yields them from files, folders, stdin or memory (plain text,
 * HTML, JSON Lines), with the article body separated from headline, dates, bylines, captions
 * and trailers. See docs/formats/input.md. */
#ifndef VIGIL_DOCUMENT_H
#define VIGIL_DOCUMENT_H
#include <stddef.h>
#include <stdint.h>
#include "util/arena.h"
#include "util/error.h"

typedef enum vg_format {
    VG_FORMAT_AUTO = 0, /* by file extension, then by content */
    VG_FORMAT_TEXT,
    VG_FORMAT_HTML,
    VG_FORMAT_JSONL
} vg_format;

/* "auto", "text", "html", "jsonl"; vg_format_parse returns -1 for an unknown name. */
const char *vg_format_name(vg_format format);
int vg_format_parse(const char *name);

/* What a line (paragraph) of the input was recognised as. */
typedef enum vg_part_kind {
    VG_PART_BODY = 0,   /* running text: goes to the body */
    VG_PART_HEADLINE,
    VG_PART_SUBTITLE,   /* standfirst under the headline */
    VG_PART_SECTION,    /* page furniture: breadcrumbs, "Advertisement", "Audio By ...", "5 min read" */
    VG_PART_DATE,       /* a date line ("9:50 AM on Friday, November 7") */
    VG_PART_BYLINE,
    VG_PART_DATELINE,   /* "WASHINGTON (AP)": the prefix of the first body paragraph */
    VG_PART_CAPTION,    /* photo captions and other lines that are not sentences */
    VG_PART_HEADING,    /* a heading inside the article (HTML h2-h6) */
    VG_PART_TRAILER,    /* "___" and after, "... contributed to this report", "Read more:" */
    VG_PART_NOISE,      /* a repeated line, a separator */
    VG_PART_UNKNOWN     /* (internal: not yet classified) */
} vg_part_kind;

const char *vg_part_kind_name(vg_part_kind kind);

/* A body paragraph: body[start, end) holds no "\n"; line is the 1-based line of the input
 * (of the "text" field for JSON Lines) where it begins. */
typedef struct vg_paragraph {
    uint32_t start, end;
    uint32_t line;
} vg_paragraph;

/* A part of the article that is not body, in input order. rule names the recognising rule
 * (e.g. "caption:credit", "trailer:separator") so a user can see why. */
typedef struct vg_part {
    vg_part_kind kind;
    uint32_t line;
    const char *text;
    const char *rule;
} vg_part;

/* A calendar date as far as it is known: 0 = unknown. weekday: 1 = Monday .. 7 = Sunday. */
typedef struct vg_date {
    int year, month, day, weekday;
} vg_date;

enum {
    VG_DOC_TRUNCATED = 1u << 0,  /* cut at VG_MAX_DOCUMENT_BYTES or VG_MAX_DOCUMENT_LINES */
    VG_DOC_REPAIRED = 1u << 1,   /* ill-formed UTF-8 replaced, or NUL bytes removed */
    VG_DOC_UNSTRUCTURED = 1u << 2 /* no running text was recognised, so every line is body */
};

/* One document. Every string is valid NFC UTF-8 and NUL-terminated; fields are NULL when
 * unknown. Everything belongs to the document and is freed by vg_document_free; later stages
 * may allocate per-document data (sentences) from `arena`. */
typedef struct vg_document {
    const char *name;     /* where it came from: a path, "path:line" for JSON Lines, "-" for stdin */
    const char *id;       /* JSON "id", else the file name without directory and extension */
    vg_format format;
    const char *title;    /* headline: JSON "title", og:title or <title>, or the first line of text */
    const char *subtitle;
    const char *date;     /* yyyy-mm-dd, only when the year, month and day are all known */
    const char *date_text;/* the date as written (JSON "date", HTML meta, the date line) */
    vg_date date_parts;   /* what is known of it (a date line often has no year) */
    const char *url;
    const char *source;   /* JSON "source", og:site_name */
    const char *dateline; /* "WASHINGTON (AP)" */
    const char *byline;   /* "By MATTHEW LEE and DAVID KLEPPER" */

    /* The running text, paragraphs separated by one "\n" (no final "\n"). Never NULL. */
    const char *body;
    uint32_t body_len;
    vg_paragraph *paragraphs;
    uint32_t n_paragraphs;

    const char **captions; /* kept, never coded */
    uint32_t n_captions;
    const char **trailers;
    uint32_t n_trailers;
    vg_part *parts;        /* every line not in the body, with its kind and rule */
    uint32_t n_parts;

    unsigned flags;        /* VG_DOC_* */
    unsigned n_warnings;   /* warnings issued (through vg_warn) while reading it */
    vg_arena arena;
    char *body_storage_;   /* (private) */
} vg_document;

void vg_document_free(vg_document *doc);

enum {
    /* No recognition of article parts: every non-empty line is a body paragraph. */
    VG_READ_RAW = 1u << 0
};

typedef struct vg_read_options {
    vg_format format;        /* VG_FORMAT_AUTO to sniff */
    unsigned flags;          /* VG_READ_* */
    /* 0 = the limits.h value. Tests lower them to exercise the limits quickly. */
    size_t max_document_bytes;
    size_t max_line_bytes;   /* JSON Lines record */
} vg_read_options;

/* Builds one document from bytes in memory (a file's content, an HTTP request body, a fuzz
 * input). name (may be NULL) is used for the id and in messages. format VG_FORMAT_AUTO sniffs
 * the content; VG_FORMAT_JSONL takes one JSON object (surrounding whitespace allowed).
 * opts may be NULL. Non-fatal problems (bad bytes, a cut) are warnings. Returns 0, or
 * VG_EINVAL (binary data, malformed JSON, no "text"), VG_ENOMEM. */
int vg_document_from_text(vg_document **out, const char *name, const char *bytes, size_t len,
                          vg_format format, const vg_read_options *opts, vg_error *err);

/* The reader: iterates the documents of a file, a folder (recursively, in byte order of the
 * names, skipping names that begin with "."), or stdin ("-"). */
typedef struct vg_reader vg_reader;

/* Returns 0, or VG_EIO when path cannot be opened, VG_ENOMEM. */
int vg_reader_open(vg_reader **out, const char *path, vg_error *err);
/* The same with options (opts may be NULL). */
int vg_reader_open_with(vg_reader **out, const char *path, const vg_read_options *opts, vg_error *err);
/* Iterates the documents of bytes in memory (JSON Lines gives one document per line).
 * bytes must outlive the reader. */
int vg_reader_open_memory(vg_reader **out, const char *name, const char *bytes, size_t len,
                          const vg_read_options *opts, vg_error *err);

/* Returns 1 and sets *doc (the caller frees it with vg_document_free), 0 at the end, or a
 * negative code on a fatal error (out of memory, stdin unreadable). Non-fatal problems are
 * reported through vg_warn and skipped: an unreadable or binary file, a malformed JSON line. */
int vg_reader_next(vg_reader *reader, vg_document **doc, vg_error *err);

/* Counts so far: documents returned, and files or records skipped because of an error. */
typedef struct vg_reader_stats {
    size_t documents, skipped, warnings;
} vg_reader_stats;
void vg_reader_stats_get(const vg_reader *reader, vg_reader_stats *stats);

void vg_reader_close(vg_reader *reader);

/* Prepares the libraries the readers use (libxml2's parser, jansson's allocator) for use
 * from several threads. Call once at program start before starting threads that read
 * documents; single-threaded programs need not call it. */
void vg_text_global_init(void);

/* The latest year <= not_after in which month/day falls on weekday (1 = Monday), or 0. For
 * date lines without a year ("Friday, November 7"), against the publication context. */
int vg_date_year_from_weekday(int month, int day, int weekday, int not_after);

#endif
