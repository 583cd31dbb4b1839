/* The document loop (each_document.h). */
#include "cli/each_document.h"
#include <stdio.h>

int each_document(const char *command, const char *path, const char *format, progress *bar, document_fn fn,
                  void *context, document_totals *totals)
{
    vigil_reader *reader;
    if (vigil_reader_open(&reader, path, format) != 0) {
        fprintf(stderr, "vigil %s: %s\n", command, vigil_error_message());
        return 1;
    }
    int status = 0, rc;
    vigil_document *doc;
    while ((rc = vigil_reader_next(reader, &doc)) == 1) {
        size_t sentences = 0, items = 0;
        if (fn(doc, context, &sentences, &items) != 0) {
            fprintf(stderr, "vigil %s: %s\n", command, vigil_error_message());
            totals->failed++;
            status = 1;
        }
        totals->documents++;
        totals->sentences += sentences;
        totals->items += items;
        progress_advance(bar, 1);
        vigil_document_free(doc);
    }
    if (rc < 0) {
        /* A malformed record (a truncated JSON line) is reported; the rest is still read. */
        fprintf(stderr, "vigil %s: %s\n", command, vigil_error_message());
        status = 1;
    }
    vigil_reader_free(reader);
    return status;
}
