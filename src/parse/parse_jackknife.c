/* The shipped parser's training recipe: learn from the gold trees with gold tags and again
 * with tags as wrong as the tagger makes them in use (jackknifing), select on tagged dev. */
#include "parse/parser.h"
#include "tag/tagger.h"
#include "util/alloc.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Copies sentences [from, to) of `src` into `dst` (tokens copied; strings shared, as `src`
 * outlives `dst`). */
static int copy_sentences(vg_treebank *dst, size_t at, const vg_treebank *src, vg_error *err)
{
    for (size_t i = 0; i < src->n_sentences; i++) {
        const vg_sentence *s = &src->sentences[i];
        vg_sentence *d = &dst->sentences[at + i];
        *d = *s;
        d->tokens = vg_arena_alloc(&dst->arena, (s->n_tokens ? s->n_tokens : 1) * sizeof *d->tokens);
        if (!d->tokens)
            return vg_error_set(err, VG_ENOMEM, "out of memory copying the treebank");
        memcpy(d->tokens, s->tokens, s->n_tokens * sizeof *d->tokens);
    }
    return 0;
}

/* Retags sentences [from, to) of `bank` with the model at `tagger_path`, keeping the trees.
 * Lemmas may point into the tagger model, which is closed here: they are copied. */
static int retag(vg_treebank *bank, size_t from, size_t to, const char *tagger_path, vg_error *err)
{
    vg_tagger *tagger;
    int rc = vg_tagger_open(&tagger, tagger_path, err);
    if (rc)
        return rc;
    for (size_t i = from; i < to && !rc; i++) {
        vg_sentence *s = &bank->sentences[i];
        rc = vg_tagger_tag(tagger, s, &bank->arena);
        if (rc) {
            rc = vg_error_set(err, rc, "%s: tagging training sentence %zu failed", tagger_path, i + 1);
            break;
        }
        for (uint32_t j = 0; j < s->n_tokens && !rc; j++)
            if (s->tokens[j].lemma) {
                s->tokens[j].lemma = vg_arena_strndup(&bank->arena, s->tokens[j].lemma, strlen(s->tokens[j].lemma));
                if (!s->tokens[j].lemma)
                    rc = vg_error_set(err, VG_ENOMEM, "out of memory retagging");
            }
    }
    vg_tagger_close(tagger);
    return rc;
}

int vg_parser_train_jackknifed(const vg_treebank *train, const vg_treebank *dev, const char *tagger_path,
                               int folds, const vg_parser_train_options *options, const char *model_path,
                               vg_error *err)
{
    if (folds < 2)
        folds = 10;
    size_t n = train->n_sentences;
    vg_treebank both, dev_tagged, rest;
    memset(&both, 0, sizeof both);
    memset(&dev_tagged, 0, sizeof dev_tagged);
    memset(&rest, 0, sizeof rest);
    vg_arena_init(&both.arena, 1 << 20);
    vg_arena_init(&dev_tagged.arena, 1 << 20);
    char fold_model[4096];
    snprintf(fold_model, sizeof fold_model, "%s.fold", model_path);
    int rc = 0;
    both.sentences = vg_malloc((2 * n + 1) * sizeof *both.sentences);
    rest.sentences = vg_malloc((n + 1) * sizeof *rest.sentences);
    if (dev)
        dev_tagged.sentences = vg_malloc((dev->n_sentences + 1) * sizeof *dev_tagged.sentences);
    if (!both.sentences || !rest.sentences || (dev && !dev_tagged.sentences)) {
        rc = vg_error_set(err, VG_ENOMEM, "out of memory preparing jackknifed training");
        goto out;
    }
    /* sentences [0, n): gold tags; [n, 2n): tags of a tagger that never saw the sentence */
    both.n_sentences = 2 * n;
    if ((rc = copy_sentences(&both, 0, train, err)) || (rc = copy_sentences(&both, n, train, err)))
        goto out;
    for (int k = 0; k < folds; k++) {
        size_t from = n * (size_t)k / (size_t)folds, to = n * (size_t)(k + 1) / (size_t)folds;
        rest.n_sentences = 0;
        for (size_t i = 0; i < n; i++)
            if (i < from || i >= to)
                rest.sentences[rest.n_sentences++] = train->sentences[i];
        vg_tagger_train_options tag_options = {0, 0, options ? options->seed : 0};
        if ((rc = vg_tagger_train(&rest, dev, &tag_options, fold_model, err)) ||
            (rc = retag(&both, n + from, n + to, fold_model, err)))
            goto out;
        if (options && options->verbose)
            fprintf(stderr, "parser: jackknife fold %d/%d tagged\n", k + 1, folds);
    }
    if (dev) {
        dev_tagged.n_sentences = dev->n_sentences;
        if ((rc = copy_sentences(&dev_tagged, 0, dev, err)) ||
            (rc = retag(&dev_tagged, 0, dev->n_sentences, tagger_path, err)))
            goto out;
    }
    rc = vg_parser_train(&both, dev ? &dev_tagged : NULL, options, model_path, err);
out:
    unlink(fold_model);
    vg_free(both.sentences);
    vg_free(rest.sentences);
    vg_free(dev_tagged.sentences);
    vg_arena_free(&both.arena);
    vg_arena_free(&dev_tagged.arena);
    return rc;
}
