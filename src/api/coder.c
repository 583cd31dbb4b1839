/* The coder handle: the knowledge the event coder reads (actor dictionaries, codebook, event
 * patterns), and coding a document to JSON Lines with it. */
#include "vigil.h"
#include "api/api_internal.h"
#include "code/knowledge.h"
#include "code/pipeline.h"
#include "text/conllu.h"
#include "util/alloc.h"
#include "util/date.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef VIGIL_DEFAULT_DATA_DIR
#define VIGIL_DEFAULT_DATA_DIR "data"
#endif

struct vigil_coder {
    vg_knowledge knowledge;
    vg_coder *coder;          /* knowledge.coder, or NULL with PETRARCH dictionaries */
    vg_cameo *cameo;          /* the codebook the PETRARCH dictionaries' codes are read against */
    vg_petrarch *petrarch;
};

const char *vigil_default_data_dir(void)
{
    const char *env = getenv("VIGIL_DATA");
    return env && *env ? env : VIGIL_DEFAULT_DATA_DIR;
}

int vigil_coder_open(vigil_coder **out, const char *data_dir)
{
    return vigil_coder_open_with(out, data_dir, NULL, 0);
}

int vigil_coder_open_with(vigil_coder **out, const char *data_dir, const char *const *actor_files,
                          size_t n_actor_files)
{
    *out = NULL;
    if (!data_dir)
        data_dir = vigil_default_data_dir();
    vigil_coder *c = vg_calloc(1, sizeof *c);
    if (!c)
        return api_fail(VG_ENOMEM, "out of memory");
    vg_error err = {0};
    int rc = vg_knowledge_load(&c->knowledge, data_dir, actor_files, n_actor_files, &err);
    if (rc) {
        vg_free(c);
        return api_fail(rc, "%s", err.message);
    }
    c->coder = c->knowledge.coder;
    *out = c;
    return 0;
}

int vigil_coder_open_petrarch(vigil_coder **out, const char *data_dir, const char *petrarch_dir)
{
    *out = NULL;
    if (!data_dir)
        data_dir = vigil_default_data_dir();
    vigil_coder *c = vg_calloc(1, sizeof *c);
    if (!c)
        return api_fail(VG_ENOMEM, "out of memory");
    char path[4096];
    snprintf(path, sizeof path, "%s/cameo/codes.txt", data_dir);
    vg_error err = {0};
    int rc = vg_cameo_load(&c->cameo, path, &err);
    if (!rc)
        rc = vg_petrarch_load(&c->petrarch, petrarch_dir, c->cameo, &err);
    if (rc) {
        vigil_coder_free(c);
        return api_fail(rc, "%s", err.message);
    }
    *out = c;
    return 0;
}

void vigil_coder_free(vigil_coder *c)
{
    if (!c)
        return;
    vg_petrarch_free(c->petrarch);
    vg_cameo_free(c->cameo);
    vg_knowledge_free(&c->knowledge);
    vg_free(c);
}

static int parse_date(const char *s, int32_t *out)
{
    *out = vg_date_parse_iso(s);
    return *out ? 0 : -1;
}

/* What both coding entry points share: the options read, the pipeline set up, the events
 * written. */
typedef struct code_call {
    const vigil_code_options *options;
    int32_t date;
    vg_pipeline pipeline;
} code_call;

static int code_call_begin(code_call *c, const vigil_analyser *analyser, const vigil_coder *coder,
                           const vigil_code_options *options)
{
    static const vigil_code_options none = {0};
    c->options = options ? options : &none;
    c->date = 0;
    if (c->options->date && parse_date(c->options->date, &c->date))
        return api_fail(VG_EINVAL, "bad date \"%s\": expected YYYY-MM-DD", c->options->date);
    c->pipeline = (vg_pipeline){ analyser->tagger, analyser->parser, coder->coder,
                                 c->options->keep_negated ? VG_CODE_KEEP_NEGATED : 0, coder->petrarch };
    return 0;
}

static int code_call_write(const code_call *c, const vg_coded_document *coded, const char *id, FILE *out,
                           size_t *n_sentences, size_t *n_events)
{
    const vigil_code_options *o = c->options;
    if (o->analysis_seconds)
        *o->analysis_seconds += coded->analysis_seconds;
    if (o->coding_seconds)
        *o->coding_seconds += coded->coding_seconds;
    int rc = 0;
    for (size_t i = 0; i < coded->n_events && !rc; i++)
        rc = vg_event_write_json(out, id, &coded->events[i], o->explain);
    if (n_sentences)
        *n_sentences = coded->n_sentences;
    if (n_events)
        *n_events = coded->n_events;
    return rc ? api_fail(rc, "writing events failed") : 0;
}

int vigil_document_write_events(const vigil_analyser *analyser, const vigil_coder *coder,
                                const vigil_document *d, const vigil_code_options *options, FILE *out,
                                size_t *n_sentences, size_t *n_events)
{
    code_call call;
    int rc = code_call_begin(&call, analyser, coder, options);
    if (rc)
        return rc;
    vg_arena arena;
    vg_arena_init(&arena, 64 * 1024);
    vg_coded_document coded;
    vg_error err = {0};
    rc = vg_pipeline_code(&call.pipeline, d->doc, call.date, &arena, &coded, &err);
    if (rc)
        rc = api_fail(rc, "%s", err.message);
    else
        rc = code_call_write(&call, &coded, d->doc->id ? d->doc->id : d->doc->name, out, n_sentences, n_events);
    vg_arena_free(&arena);
    return rc;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

int vigil_code_conllu(const vigil_analyser *analyser, const vigil_coder *coder, const char *path,
                      const vigil_code_options *options, FILE *out, size_t *n_sentences, size_t *n_events)
{
    code_call call;
    int rc = code_call_begin(&call, analyser, coder, options);
    if (rc)
        return rc;
    vg_error err = {0};
    vg_treebank bank;
    rc = vg_treebank_read(&bank, path, &err);
    if (rc)
        return api_fail(rc, "%s", err.message);
    vg_coded_document coded;
    rc = vg_pipeline_code_sentences(&call.pipeline, bank.sentences, (uint32_t)bank.n_sentences, call.date,
                                    &bank.arena, &coded, &err);
    if (rc) {
        rc = api_fail(rc, "%s: %s", path, err.message);
    } else {
        char id[256];
        snprintf(id, sizeof id, "%s", base_name(path));
        char *dot = strrchr(id, '.');
        if (dot)
            *dot = '\0';
        rc = code_call_write(&call, &coded, id, out, n_sentences, n_events);
    }
    vg_treebank_free(&bank);
    return rc;
}
