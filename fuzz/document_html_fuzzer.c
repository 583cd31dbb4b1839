/* Fuzz target for the HTML document reader (vg_document_from_text, VG_FORMAT_HTML): any bytes
 * (deep nesting, broken markup, bad encodings) give a document that keeps the promises of
 * text/document.h, or a refusal with a message. Needs: vg_document_from_text */
#include "fuzz_document.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_one_document(data, size, VG_FORMAT_HTML);
    return 0;
}
