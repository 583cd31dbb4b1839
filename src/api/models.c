/* The analyser handle: the tagger and parser models, and analysis of sentences with them. */
#include "vigil.h"
#include "api/api_internal.h"
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

void vigil_analyser_free(vigil_analyser *a)
{
    if (!a)
        return;
    vg_tagger_close(a->tagger);
    vg_parser_close(a->parser);
    vg_free(a);
}

int api_analyse_sentence(const vigil_analyser *a, vg_sentence *s, vg_arena *arena)
{
    int rc = vg_tagger_tag(a->tagger, s, arena);
    if (rc)
        return api_fail(rc, "tagging failed");
    rc = vg_parser_parse(a->parser, s);
    return rc ? api_fail(rc, "parsing failed") : 0;
}

int vigil_analyse_conllu(const vigil_analyser *a, const char *path, FILE *out)
{
    vg_error err = {0};
    vg_treebank bank;
    int rc = vg_treebank_read(&bank, path, &err);
    if (rc)
        return api_fail(rc, "%s", err.message);
    for (size_t i = 0; i < bank.n_sentences && !rc; i++) {
        vg_sentence *s = &bank.sentences[i];
        for (uint32_t j = 0; j < s->n_tokens; j++) {
            vg_token *t = &s->tokens[j];
            t->upos = t->xpos = t->deprel = 0;
            t->lemma = NULL;
            t->feats = NULL;
            t->head = -1;
        }
        rc = api_analyse_sentence(a, s, &bank.arena);
        if (!rc)
            vg_conllu_write(out, s);
    }
    vg_treebank_free(&bank);
    return rc;
}
