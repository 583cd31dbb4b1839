/* The promises of text/document.h, checked on every document a fuzz target reads: valid NFC
 * UTF-8 strings without NUL, paragraphs inside the body, known part kinds; and the body then
 * goes through the segmenter, as the pipeline sends it. Shared by the document_* targets. */
#ifndef VIGIL_FUZZ_DOCUMENT_H
#define VIGIL_FUZZ_DOCUMENT_H
#include "fuzz.h"
#include "text/document.h"
#include "text/segment.h"
#include <string.h>
#include <utf8proc.h>

/* Warnings are not printed (fuzz_quiet). */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    vg_warning_set_sink(fuzz_quiet, NULL);
    return 0;
}

/* s[0, len) is valid UTF-8 in NFC, with no NUL. */
static inline void fuzz_check_text(const char *s, size_t len)
{
    FUZZ_CHECK(memchr(s, '\0', len) == NULL);
    utf8proc_int32_t cp;
    for (size_t i = 0; i < len;) {
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        FUZZ_CHECK(n > 0);
        i += (size_t)n;
    }
    utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)s);
    FUZZ_CHECK(nfc != NULL);
    FUZZ_CHECK(strcmp((const char *)nfc, s) == 0);
    free(nfc);
}

static inline void fuzz_check_string(const char *s)
{
    if (s)
        fuzz_check_text(s, strlen(s));
}

static inline void fuzz_check_document(const vg_document *doc)
{
    FUZZ_CHECK(doc != NULL && doc->body != NULL);
    FUZZ_CHECK(doc->body[doc->body_len] == '\0');
    fuzz_check_text(doc->body, doc->body_len);
    FUZZ_CHECK(doc->body_len == 0 || (doc->body[0] != '\n' && doc->body[doc->body_len - 1] != '\n'));
    const char *strings[] = {doc->name, doc->id, doc->title, doc->subtitle, doc->date, doc->date_text,
                             doc->url, doc->source, doc->dateline, doc->byline};
    for (size_t i = 0; i < sizeof strings / sizeof *strings; i++)
        fuzz_check_string(strings[i]);
    if (doc->date) {
        FUZZ_CHECK(strlen(doc->date) == 10 && doc->date[4] == '-' && doc->date[7] == '-');
        FUZZ_CHECK(doc->date_parts.year > 0 && doc->date_parts.month > 0 && doc->date_parts.day > 0);
    }
    FUZZ_CHECK(doc->date_parts.month >= 0 && doc->date_parts.month <= 12);
    FUZZ_CHECK(doc->date_parts.day >= 0 && doc->date_parts.day <= 31);
    FUZZ_CHECK(doc->date_parts.weekday >= 0 && doc->date_parts.weekday <= 7);

    uint32_t previous_end = 0;
    for (uint32_t i = 0; i < doc->n_paragraphs; i++) {
        const vg_paragraph *p = &doc->paragraphs[i];
        FUZZ_CHECK(p->start >= previous_end && p->start <= p->end && p->end <= doc->body_len);
        FUZZ_CHECK(memchr(doc->body + p->start, '\n', p->end - p->start) == NULL);
        FUZZ_CHECK(p->end == doc->body_len || doc->body[p->end] == '\n');
        previous_end = p->end;
    }
    for (uint32_t i = 0; i < doc->n_captions; i++) {
        FUZZ_CHECK(doc->captions[i] != NULL);
        fuzz_check_string(doc->captions[i]);
    }
    for (uint32_t i = 0; i < doc->n_trailers; i++) {
        FUZZ_CHECK(doc->trailers[i] != NULL);
        fuzz_check_string(doc->trailers[i]);
    }
    for (uint32_t i = 0; i < doc->n_parts; i++) {
        const vg_part *p = &doc->parts[i];
        FUZZ_CHECK((unsigned)p->kind < VG_PART_UNKNOWN && p->kind != VG_PART_BODY);
        FUZZ_CHECK(p->text != NULL && p->rule != NULL);
        fuzz_check_string(p->text);
    }

    /* The next stage takes the body as it is. */
    vg_arena arena;
    vg_arena_init(&arena, 0);
    vg_sentence *sentences;
    size_t n;
    vg_error err = {0};
    FUZZ_CHECK(vg_segment(doc->body, doc->body_len, &arena, &sentences, &n, &err) == 0);
    vg_arena_free(&arena);
}

/* One input read as a single document of the given format. */
static inline void fuzz_one_document(const uint8_t *data, size_t size, vg_format format)
{
    vg_document *doc = NULL;
    vg_error err = {0};
    int rc = vg_document_from_text(&doc, "fuzz", (const char *)data, size, format, NULL, &err);
    if (rc != 0) {
        FUZZ_CHECK(rc < 0 && err.message[0] != '\0'); /* a refusal says why */
        FUZZ_CHECK(doc == NULL);
        return;
    }
    fuzz_check_document(doc);
    vg_document_free(doc);
}

#endif
