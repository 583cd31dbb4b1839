/* Documents in the public API: reading, and analysis into CoNLL-U, one sentence at a time. */
#include "vigil.h"
#include "api/api_internal.h"
#include "parse/analyse.h"
#include "text/conllu.h"
#include "text/document.h"
#include "text/segment.h"
#include "util/alloc.h"
#include <stdio.h>
#include <string.h>

struct vigil_reader {
    vg_reader *reader;
};


static int parse_format(const char *format, vg_read_options *opts)
{
    memset(opts, 0, sizeof *opts);
    if (!format)
        return 0;
    int parsed = vg_format_parse(format);
    if (parsed < 0)
        return api_fail(VIGIL_EINVAL, "unknown input format '%s' (auto, text, html, jsonl)", format);
    opts->format = (vg_format)parsed;
    return 0;
}

int vigil_reader_open(vigil_reader **out, const char *path, const char *format)
{
    *out = NULL;
    vg_read_options opts;
    int rc = parse_format(format, &opts);
    if (rc)
        return rc;
    vigil_reader *r = vg_calloc(1, sizeof *r);
    if (!r)
        return api_fail(VIGIL_ENOMEM, "out of memory");
    vg_error err = {0};
    rc = vg_reader_open_with(&r->reader, path, &opts, &err);
    if (rc) {
        vg_free(r);
        return api_fail(rc, "%s", err.message);
    }
    *out = r;
    return 0;
}

static int wrap(vigil_document **out, vg_document *doc)
{
    vigil_document *d = vg_calloc(1, sizeof *d);
    if (!d) {
        vg_document_free(doc);
        return api_fail(VIGIL_ENOMEM, "out of memory");
    }
    d->doc = doc;
    *out = d;
    return 0;
}

int vigil_reader_next(vigil_reader *r, vigil_document **out)
{
    *out = NULL;
    vg_document *doc = NULL;
    vg_error err = {0};
    int rc = vg_reader_next(r->reader, &doc, &err);
    if (rc < 0)
        return api_fail(rc, "%s", err.message);
    if (rc == 0)
        return 0;
    rc = wrap(out, doc);
    return rc ? rc : 1;
}

void vigil_reader_free(vigil_reader *r)
{
    if (!r)
        return;
    vg_reader_close(r->reader);
    vg_free(r);
}

int vigil_document_from_memory(vigil_document **out, const char *name, const char *bytes, size_t len,
                               const char *format)
{
    *out = NULL;
    vg_read_options opts;
    int rc = parse_format(format, &opts);
    if (rc)
        return rc;
    vg_document *doc = NULL;
    vg_error err = {0};
    rc = vg_document_from_text(&doc, name, bytes, len, opts.format, &opts, &err);
    if (rc)
        return api_fail(rc, "%s", err.message);
    return wrap(out, doc);
}

void vigil_document_free(vigil_document *d)
{
    if (!d)
        return;
    vg_document_free(d->doc);
    vg_free(d);
}

const char *vigil_document_id(const vigil_document *d) { return d->doc->id; }
const char *vigil_document_title(const vigil_document *d) { return d->doc->title; }
const char *vigil_document_date(const vigil_document *d) { return d->doc->date; }
const char *vigil_document_body(const vigil_document *d) { return d->doc->body; }

int vigil_document_write_conllu(const vigil_analyser *analyser, const vigil_document *d, FILE *out,
                                size_t *n_sentences, size_t *n_tokens)
{
    const vg_document *doc = d->doc;
    vg_error err = {0};
    vg_segmenter *seg = vg_malloc(sizeof *seg);
    if (!seg)
        return api_fail(VIGIL_ENOMEM, "out of memory");
    int rc = vg_segmenter_init(seg, doc->body, doc->body_len, &err);
    if (rc) {
        vg_free(seg);
        return api_fail(rc, "%s: %s", doc->name, err.message);
    }
    /* Sentences in batches (parse/analyse.h) through a reused arena: memory stays bounded by
     * a batch of at most API_ANALYSIS_BATCH_TOKENS tokens and one sentence more, whatever the
     * size of the document. */
    vg_arena arena;
    vg_arena_init(&arena, 64 * 1024);
    fprintf(out, "# newdoc id = %s\n", doc->id ? doc->id : doc->name);
    size_t sentences = 0, tokens = 0;
    char id[512];
    vg_sentence batch[API_ANALYSIS_BATCH];
    uint32_t n_batch = 0, batch_tokens = 0;
    do {
        rc = vg_segmenter_next(seg, &arena, &batch[n_batch], &err);
        if (rc == 1)
            batch_tokens += batch[n_batch++].n_tokens;
        if (n_batch && (rc != 1 || n_batch == API_ANALYSIS_BATCH || batch_tokens >= API_ANALYSIS_BATCH_TOKENS)) {
            uint32_t done;
            int failed = vg_analyse_sentences(analyser->tagger, analyser->parser, batch, n_batch, &arena, &done);
            for (uint32_t i = 0; i < done; i++) {
                snprintf(id, sizeof id, "%s-%zu", doc->id ? doc->id : doc->name, ++sentences);
                batch[i].id = id;
                vg_conllu_write(out, &batch[i]);
                tokens += batch[i].n_tokens;
            }
            if (failed) {
                rc = api_fail(failed, "%s: analysing sentence %zu failed", doc->name, sentences + 1);
                break;
            }
            n_batch = batch_tokens = 0;
            vg_arena_reset(&arena);
        }
    } while (rc == 1);
    if (rc < 0 && err.message[0])
        api_fail(rc, "%s: %s", doc->name, err.message);
    vg_arena_free(&arena);
    vg_free(seg);
    if (n_sentences)
        *n_sentences = sentences;
    if (n_tokens)
        *n_tokens = tokens;
    return rc < 0 ? rc : 0;
}
