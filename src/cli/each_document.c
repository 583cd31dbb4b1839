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

int each_document_in(const char *command, char *const *paths, int n_paths, const char *format, document_fn fn,
                     void *context, document_totals *totals)
{
    static char stdin_path[] = "-";
    static char *const stdin_only[] = {stdin_path};
    if (n_paths == 0) {
        paths = stdin_only;
        n_paths = 1;
    }
    char label[64];
    snprintf(label, sizeof label, "%s: documents", command);
    progress bar;
    progress_start(&bar, label, 0);
    int status = 0;
    for (int i = 0; i < n_paths; i++)
        status |= each_document(command, paths[i], format, &bar, fn, context, totals);
    progress_finish(&bar);
    return status;
}
