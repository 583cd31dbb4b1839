/* The analyser handle: the tagger and parser models, and analysis of sentences with them. */
#include "vigil.h"
#include "api/api_internal.h"
#include "parse/analyse.h"
#include "parse/parser.h"
#include "tag/tagger.h"
#include "util/alloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef VIGIL_DEFAULT_MODEL_DIR
#define VIGIL_DEFAULT_MODEL_DIR "data/models"
#endif

const char *vigil_default_model_dir(void)
{
    const char *env = getenv("VIGIL_MODELS");
    return env && *env ? env : VIGIL_DEFAULT_MODEL_DIR;
}

int vigil_analyser_open(vigil_analyser **out, const char *model_dir)
{
    *out = NULL;
    if (!model_dir)
        model_dir = vigil_default_model_dir();
    vigil_analyser *a = vg_calloc(1, sizeof *a);
    if (!a)
        return api_fail(VG_ENOMEM, "out of memory");
    char path[4096];
    vg_error err = {0};
    snprintf(path, sizeof path, "%s/en_ewt.tagger", model_dir);
    int rc = vg_tagger_open(&a->tagger, path, &err);
    if (!rc) {
        snprintf(path, sizeof path, "%s/en_ewt.parser", model_dir);
        rc = vg_parser_open(&a->parser, path, &err);
    }
    if (rc) {
        vigil_analyser_free(a);
        return api_fail(rc, "%s", err.message);
    }
    *out = a;
    return 0;
}

void vigil_analyser_set_beam(vigil_analyser *a, int width)
{
    vg_parser_set_beam(a->parser, width);
}

void vigil_analyser_free(vigil_analyser *a)
{
    if (!a)
        return;
    vg_tagger_close(a->tagger);
    vg_parser_close(a->parser);
    vg_free(a);
}

int vigil_analyse_conllu(const vigil_analyser *a, const char *path, FILE *out)
{
    vg_error err = {0};
    vg_treebank bank;
    int rc = vg_treebank_read(&bank, path, &err);
    if (rc)
        return api_fail(rc, "%s", err.message);
    for (size_t i = 0; i < bank.n_sentences; i++) {
        vg_sentence *s = &bank.sentences[i];
        for (uint32_t j = 0; j < s->n_tokens; j++) {
            vg_token *t = &s->tokens[j];
            t->upos = t->xpos = t->deprel = 0;
            t->lemma = NULL;
            t->feats = NULL;
            t->head = -1;
        }
    }
    /* In batches (parse/analyse.h), each written as soon as it is analysed; on a failure,
     * the sentences before it are written. */
    for (size_t at = 0; at < bank.n_sentences && !rc; at += API_ANALYSIS_BATCH) {
        size_t left = bank.n_sentences - at;
        uint32_t n = left < API_ANALYSIS_BATCH ? (uint32_t)left : API_ANALYSIS_BATCH, done;
        rc = vg_analyse_sentences(a->tagger, a->parser, &bank.sentences[at], n, &bank.arena, &done);
        for (uint32_t i = 0; i < done; i++)
            vg_conllu_write(out, &bank.sentences[at + i]);
        if (rc)
            rc = api_fail(rc, "%s: analysing sentence %zu failed", path, at + done + 1);
    }
    vg_treebank_free(&bank);
    return rc;
}
