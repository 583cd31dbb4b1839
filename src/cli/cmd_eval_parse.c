/* vigil eval-parse GOLD PRED: tagging, lemma and attachment scores of a CoNLL-U prediction. */
#include "cli/commands.h"
#include "vigil.h"
#include <stdio.h>
#include <string.h>

static const char help[] =
    "usage: vigil eval-parse [--json] GOLD.conllu PRED.conllu\n"
    "\n"
    "Compares PRED with GOLD token by token (the two must share their tokenisation, as\n"
    "'vigil parse --conllu GOLD' guarantees) and prints UPOS, XPOS and lemma accuracy, UAS\n"
    "and LAS (punctuation included; LAS with full labels such as nmod:poss, and with the\n"
    "universal part only).\n"
    "\n"
    "  --json   print the scores as one JSON object\n";

int cmd_eval_parse(int argc, char **argv)
{
    int json = 0;
    const char *paths[2] = {NULL, NULL};
    int n_paths = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(help, stdout);
            return 0;
        }
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "vigil eval-parse: unknown option '%s'\n", argv[i]);
            return 2;
        } else if (n_paths < 2)
            paths[n_paths++] = argv[i];
        else
            n_paths = 3;
    }
    if (n_paths != 2) {
        fputs(help, stderr);
        return 2;
    }
    vigil_parse_scores s;
    char message[512];
    if (vigil_eval_conllu(paths[0], paths[1], &s, message, sizeof message) != 0) {
        fprintf(stderr, "vigil eval-parse: %s\n", message);
        return 1;
    }
    if (json)
        printf("{\"sentences\": %zu, \"tokens\": %zu, \"upos\": %.4f, \"xpos\": %.4f, \"lemma\": %.4f, "
               "\"uas\": %.4f, \"las\": %.4f, \"las_universal\": %.4f}\n",
               s.sentences, s.tokens, 100 * s.upos, 100 * s.xpos, 100 * s.lemma, 100 * s.uas, 100 * s.las,
               100 * s.clas_universal);
    else
        printf("sentences      %zu\ntokens         %zu\nUPOS           %.2f%%\nXPOS           %.2f%%\n"
               "lemma          %.2f%%\nUAS            %.2f%%\nLAS            %.2f%%\nLAS (univ.)    %.2f%%\n",
               s.sentences, s.tokens, 100 * s.upos, 100 * s.xpos, 100 * s.lemma, 100 * s.uas, 100 * s.las,
               100 * s.clas_universal);
    return 0;
}
