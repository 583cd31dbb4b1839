/* Fuzz target for the JSON Lines reader (vg_reader_open_memory with VG_FORMAT_JSONL): every
 * line is one record; each document read keeps the promises of text/document.h, and a bad
 * record is skipped, never fatal. Needs: vg_reader_open_memory */
#include "fuzz_document.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vg_read_options opts = {0};
    opts.format = VG_FORMAT_JSONL;
    /* a lowered line limit, so the fuzzer reaches the over-long-record path with small inputs */
    opts.max_line_bytes = 4096;
    vg_reader *reader = NULL;
    vg_error err = {0};
    int rc = vg_reader_open_memory(&reader, "fuzz.jsonl", (const char *)data, size, &opts, &err);
    if (rc == VG_ENOMEM)
        return 0;
    FUZZ_CHECK(rc == 0 && reader != NULL);
    vg_document *doc;
    size_t documents = 0;
    while ((rc = vg_reader_next(reader, &doc, &err)) == 1) {
        fuzz_check_document(doc);
        FUZZ_CHECK(doc->format == VG_FORMAT_JSONL);
        vg_document_free(doc);
        documents++;
    }
    FUZZ_CHECK(rc == 0 || rc == VG_ENOMEM);
    vg_reader_stats stats;
    vg_reader_stats_get(reader, &stats);
    FUZZ_CHECK(stats.documents == documents);
    vg_reader_close(reader);
    return 0;
}
