/* The document loop of the commands that read news (vigil parse, vigil code): every document
 * of a file, folder or stdin through a callback, with reader errors reported and the
 * progress bar advanced. */
#ifndef VIGIL_CLI_EACH_DOCUMENT_H
#define VIGIL_CLI_EACH_DOCUMENT_H
#include "cli/progress.h"
#include "vigil.h"

/* Does one document's work; returns 0, or non-zero when it failed (already reported). */
typedef int (*document_fn)(vigil_document *document, void *context);

/* Reads path (format NULL: guessed) and calls fn on each document. command names the command
 * in messages ("code"). Returns 0, or 1 when the path could not be read or a document failed. */
int each_document(const char *command, const char *path, const char *format, progress *bar, document_fn fn,
                  void *context);

#endif
