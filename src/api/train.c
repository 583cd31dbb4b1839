/* Training of the tagger and parser models from a UD treebank: `vigil train`. */
#include "vigil.h"
#include "api/api_internal.h"
#include "parse/parser.h"
#include "tag/tagger.h"
#include <stdio.h>

int vigil_train(const vigil_train_options *options)
{
    vg_error err = {0};
    vg_treebank train = {0}, dev = {0};
    char tagger_path[4096], parser_path[4096];
    snprintf(tagger_path, sizeof tagger_path, "%s/en_ewt.tagger", options->out_dir);
    snprintf(parser_path, sizeof parser_path, "%s/en_ewt.parser", options->out_dir);
    int rc = vg_treebank_read(&train, options->train_path, &err);
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

    /* The parser learns from the tags it will see at run time: predicted ones, which on the
     * training set come from taggers that did not see the sentence (jackknifing). */
    vg_parser_train_options parser_options = {.iterations = options->parser_iterations,
                                              .verbose = options->verbose, .seed = options->seed};
    if (options->verbose)
        fprintf(stderr, "train: parser -> %s (%d jackknife folds)\n", parser_path, options->jackknife_folds);
    rc = vg_parser_train_jackknifed(&train, options->dev_path ? &dev : NULL, tagger_path,
                                    options->jackknife_folds, &parser_options, parser_path, &err);
out:
    vg_treebank_free(&train);
    vg_treebank_free(&dev);
    return rc ? api_fail(rc, "%s", err.message[0] ? err.message : "training failed") : 0;
}
