/* Fuzz target for the plain-text document reader (vg_document_from_text, VG_FORMAT_TEXT):
 * any bytes give a document that keeps the promises of text/document.h, or a refusal with a
 * message. Needs: vg_document_from_text */
#include "fuzz_document.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_one_document(data, size, VG_FORMAT_TEXT);
    return 0;
}
