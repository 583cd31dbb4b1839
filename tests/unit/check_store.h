/* What the store tests share (test_store_*.c): the source tree's CAMEO codebook, and a news
 * document made from its fields as one JSON Lines record. Both end the test on failure, as
 * nothing can be checked without them. */
#ifndef VIGIL_TEST_CHECK_STORE_H
#define VIGIL_TEST_CHECK_STORE_H
#include "check.h"
#include "code/cameo.h"
#include "text/document.h"
#include <stdlib.h>

/* data/cameo/codes.txt, loaded; exits 1 with the loader's message when it does not load. */
static inline vg_cameo *check_codebook(void)
{
    vg_cameo *cameo = NULL;
    vg_error err = {0};
    if (vg_cameo_load(&cameo, check_source_path("data/cameo/codes.txt"), &err) != 0) {
        fprintf(stderr, "%s\n", err.message);
        exit(1);
    }
    return cameo;
}

/* The document of one JSON Lines record with this id, source, date and text (put in as they
 * are: no quoting); exits 1 when it does not read. */
static inline vg_document *check_document(const char *id, const char *source, const char *date, const char *body)
{
    char json[4096];
    snprintf(json, sizeof json, "{\"id\":\"%s\",\"source\":\"%s\",\"date\":\"%s\",\"text\":\"%s\"}", id, source,
             date, body);
    vg_document *doc = NULL;
    vg_error err = {0};
    if (vg_document_from_text(&doc, id, json, strlen(json), VG_FORMAT_JSONL, NULL, &err) != 0) {
        fprintf(stderr, "document %s: %s\n", id, err.message);
        exit(1);
    }
    return doc;
}

#endif
