/* The document loop of the commands that read news (vigil parse, vigil code): every document
 * of a file, folder or stdin through a callback, with errors reported, what was written
 * counted and the progress bar advanced. */
#ifndef VIGIL_CLI_EACH_DOCUMENT_H
#define VIGIL_CLI_EACH_DOCUMENT_H
#include "cli/progress.h"
#include "vigil.h"

/* What the documents read so far came to: items are what the command writes (events, tokens). */
typedef struct document_totals {
    size_t documents, sentences, items, failed;
} document_totals;

/* Does one document's work, setting how many sentences and items it wrote; returns 0, or
 * non-zero with vigil_error_message() saying why. */
typedef int (*document_fn)(vigil_document *document, void *context, size_t *sentences, size_t *items);

/* Reads path (format NULL: guessed), calls fn on each document and adds to totals. command
 * names the command in messages ("code"). Returns 0, or 1 when the path could not be read or a
 * document failed (each reported on stderr). */
int each_document(const char *command, const char *path, const char *format, progress *bar, document_fn fn,
                  void *context, document_totals *totals);

/* Reads every one of paths (or stdin, "-", when there are none) through each_document, with a
 * progress bar "COMMAND: documents". Returns 0, or 1 when a path or a document failed. */
int each_document_in(const char *command, char *const *paths, int n_paths, const char *format, document_fn fn,
                     void *context, document_totals *totals);

#endif
