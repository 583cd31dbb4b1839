/* vigil train: trains the tagger, lemmatizer and parser on a UD treebank. */
#include "cli/commands.h"
#include "vigil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: vigil train --train TRAIN.conllu [--dev DEV.conllu] [--out DIR] [options]\n"
    "\n"
    "Trains the part-of-speech tagger and lemmatizer, then the dependency parser, on a\n"
    "Universal Dependencies treebank, and writes DIR/en_ewt.tagger and DIR/en_ewt.parser.\n"
    "The parser is trained on the gold tags and on predicted (jackknifed) tags, as it will\n"
    "see predicted tags at run time. The dev file selects the best training pass; the test file is\n"
    "never used. The shipped models were trained with:\n"
    "\n"
    "  vigil train --train ../shared/ud-english-ewt/en_ewt-ud-train.conllu \\\n"
    "              --dev ../shared/ud-english-ewt/en_ewt-ud-dev.conllu --out data/models\n"
    "\n"
    "options:\n"
    "  --out DIR               where the models go (default: data/models)\n"
    "  --jackknife K           taggers trained on K-1 folds tag the parser's training set\n"
    "                          (default 10)\n"
    "  --tagger-iterations N   passes of the tagger (default: the tagger's own)\n"
    "  --parser-iterations N   passes of the parser (default: the parser's own)\n"
    "  --seed N                shuffling seed (default 0)\n"
    "  --quiet                 no progress on stderr\n";

int cmd_train(int argc, char **argv)
{
    vigil_train_options o = {.out_dir = "data/models", .jackknife_folds = 10, .seed = 0, .verbose = 1};
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
            fputs(help, stdout);
            return 0;
        } else if (!strcmp(arg, "--quiet")) {
            o.verbose = 0;
            continue;
        }
        if (!value) {
            fprintf(stderr, "vigil train: %s needs a value (see --help)\n", arg);
            return 2;
        }
        if (!strcmp(arg, "--train"))
            o.train_path = value;
        else if (!strcmp(arg, "--dev"))
            o.dev_path = value;
        else if (!strcmp(arg, "--out"))
            o.out_dir = value;
        else if (!strcmp(arg, "--jackknife"))
            o.jackknife_folds = atoi(value);
        else if (!strcmp(arg, "--tagger-iterations"))
            o.tagger_iterations = atoi(value);
        else if (!strcmp(arg, "--parser-iterations"))
            o.parser_iterations = atoi(value);
        else if (!strcmp(arg, "--seed"))
            o.seed = (unsigned)strtoul(value, NULL, 10);
        else {
            fprintf(stderr, "vigil train: unknown option '%s' (see --help)\n", arg);
            return 2;
        }
        i++;
    }
    if (!o.train_path) {
        fputs(help, stderr);
        return 2;
    }
    if (vigil_train(&o) != 0) {
        fprintf(stderr, "vigil train: %s\n", vigil_error_message());
        return 1;
    }
    return 0;
}
