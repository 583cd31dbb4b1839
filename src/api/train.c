/* Training of the tagger and parser models from a UD treebank: `vigil train`. */
#include "vigil.h"
#include "api/api_internal.h"
#include "parse/parser.h"
#include "tag/tagger.h"
#include "util/alloc.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* A treebank that borrows the sentences of another: every sentence except those of one fold. */
static int view_without_fold(vg_treebank *view, const vg_treebank *bank, int fold, int folds)
{
    memset(view, 0, sizeof *view);
    view->sentences = vg_malloc(bank->n_sentences * sizeof *view->sentences);
    if (!view->sentences)
        return VG_ENOMEM;
    for (size_t i = 0; i < bank->n_sentences; i++)
        if ((int)(i % (size_t)folds) != fold)
            view->sentences[view->n_sentences++] = bank->sentences[i];
    return 0;
}

static int tag_all(const vg_tagger *tagger, vg_treebank *bank, int fold, int folds)
{
    for (size_t i = 0; i < bank->n_sentences; i++) {
        if (folds > 1 && (int)(i % (size_t)folds) != fold)
            continue;
        int rc = vg_tagger_tag(tagger, &bank->sentences[i], &bank->arena);
        if (rc)
            return rc;
    }
    return 0;
}

int vigil_train(const vigil_train_options *options)
{
    vg_error err = {0};
    vg_treebank train = {0}, tagged_train = {0}, dev = {0};
    vg_tagger *tagger = NULL;
    char tagger_path[4096], parser_path[4096], fold_path[4200];
    snprintf(tagger_path, sizeof tagger_path, "%s/en_ewt.tagger", options->out_dir);
    snprintf(parser_path, sizeof parser_path, "%s/en_ewt.parser", options->out_dir);
    int rc = vg_treebank_read(&train, options->train_path, &err);
    if (!rc)
        rc = vg_treebank_read(&tagged_train, options->train_path, &err);
    if (!rc && options->dev_path)
        rc = vg_treebank_read(&dev, options->dev_path, &err);
    if (rc)
        goto out;

    vg_tagger_train_options tagger_options = {.iterations = options->tagger_iterations,
                                              .verbose = options->verbose, .seed = options->seed};
    if (options->verbose)
        fprintf(stderr, "train: tagger -> %s\n", tagger_path);
    rc = vg_tagger_train(&train, options->dev_path ? &dev : NULL, &tagger_options, tagger_path, &err);
    if (rc)
        goto out;

    /* The parser learns from the tags it will see at run time: predicted ones. On the training
     * set they come from taggers that did not see the sentence (jackknifing). */
    int folds = options->jackknife_folds;
    if (folds > 1) {
        snprintf(fold_path, sizeof fold_path, "%s/.fold.tagger", options->out_dir);
        for (int fold = 0; fold < folds && !rc; fold++) {
            vg_treebank view;
            if ((rc = view_without_fold(&view, &train, fold, folds)) != 0)
                break;
            tagger_options.verbose = 0;
            if (options->verbose)
                fprintf(stderr, "train: jackknife fold %d/%d\n", fold + 1, folds);
            rc = vg_tagger_train(&view, NULL, &tagger_options, fold_path, &err);
            vg_free(view.sentences);
            vg_tagger *fold_tagger = NULL;
            if (!rc)
                rc = vg_tagger_open(&fold_tagger, fold_path, &err);
            if (!rc)
                rc = tag_all(fold_tagger, &tagged_train, fold, folds);
            vg_tagger_close(fold_tagger);
        }
        unlink(fold_path);
        if (rc)
            goto out;
    }
    rc = vg_tagger_open(&tagger, tagger_path, &err);
    if (!rc && folds <= 1)
        rc = tag_all(tagger, &tagged_train, 0, 1);
    if (!rc && options->dev_path)
        rc = tag_all(tagger, &dev, 0, 1);
    if (rc)
        goto out;

    vg_parser_train_options parser_options = {.iterations = options->parser_iterations,
                                              .verbose = options->verbose, .seed = options->seed};
    if (options->verbose)
        fprintf(stderr, "train: parser -> %s\n", parser_path);
    rc = vg_parser_train(&tagged_train, options->dev_path ? &dev : NULL, &parser_options, parser_path, &err);
out:
    vg_tagger_close(tagger);
    vg_treebank_free(&train);
    vg_treebank_free(&tagged_train);
    vg_treebank_free(&dev);
    return rc ? api_fail(rc, "%s", err.message[0] ? err.message : "training failed") : 0;
}
