/* Scoring of tagging, lemmatisation and parsing against a gold CoNLL-U file. */
#include "vigil.h"
#include "text/conllu.h"
#include "text/tagset.h"
#include <stdio.h>
#include <string.h>

static int same_universal_label(int a, int b)
{
    const char *x = vg_deprel_names[a], *y = vg_deprel_names[b];
    size_t lx = strcspn(x, ":"), ly = strcspn(y, ":");
    return lx == ly && strncmp(x, y, lx) == 0;
}

static int report(char *message, size_t size, int code, const char *text)
{
    if (message && size)
        snprintf(message, size, "%s", text);
    return code;
}

static int same_lemma(const char *a, const char *b)
{
    return a && b ? strcmp(a, b) == 0 : a == b;
}

int vigil_eval_conllu(const char *gold_path, const char *pred_path, vigil_parse_scores *scores,
                      char *message, size_t message_size)
{
    memset(scores, 0, sizeof *scores);
    vg_error err = {0};
    vg_treebank gold, pred;
    int rc = vg_treebank_read(&gold, gold_path, &err);
    if (rc)
        return report(message, message_size, rc, err.message);
    rc = vg_treebank_read(&pred, pred_path, &err);
    if (rc) {
        vg_treebank_free(&gold);
        return report(message, message_size, rc, err.message);
    }
    size_t upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, ulas = 0, tokens = 0;
    if (gold.n_sentences != pred.n_sentences) {
        snprintf(err.message, sizeof err.message, "%s has %zu sentences, %s has %zu", gold_path,
                 gold.n_sentences, pred_path, pred.n_sentences);
        rc = report(message, message_size, VIGIL_EINVAL, err.message);
        goto out;
    }
    for (size_t i = 0; i < gold.n_sentences; i++) {
        const vg_sentence *g = &gold.sentences[i], *p = &pred.sentences[i];
        if (g->n_tokens != p->n_tokens) {
            snprintf(err.message, sizeof err.message, "%s: sentence %zu has %u tokens, the gold one %u",
                     pred_path, i + 1, p->n_tokens, g->n_tokens);
            rc = report(message, message_size, VIGIL_EINVAL, err.message);
            goto out;
        }
        for (uint32_t j = 0; j < g->n_tokens; j++) {
            const vg_token *gt = &g->tokens[j], *pt = &p->tokens[j];
            tokens++;
            upos += gt->upos == pt->upos;
            xpos += gt->xpos == pt->xpos;
            lemma += same_lemma(gt->lemma, pt->lemma);
            if (gt->head == pt->head) {
                uas++;
                las += gt->deprel == pt->deprel;
                ulas += same_universal_label(gt->deprel, pt->deprel);
            }
        }
    }
    scores->sentences = gold.n_sentences;
    scores->tokens = tokens;
    if (tokens) {
        double n = (double)tokens;
        scores->upos = upos / n;
        scores->xpos = xpos / n;
        scores->lemma = lemma / n;
        scores->uas = uas / n;
        scores->las = las / n;
        scores->clas_universal = ulas / n;
    }
out:
    vg_treebank_free(&gold);
    vg_treebank_free(&pred);
    return rc;
}
