/* vigil parse: documents in, CoNLL-U out (sentences, tokens, tags, lemmas, dependency trees). */
#include "cli/commands.h"
#include "cli/each_document.h"
#include "cli/options.h"
#include "vigil.h"
#include <stdio.h>

static const char help[] =
    "usage: vigil parse [options] [FILE|DIR|-]...\n"
    "       vigil parse [options] --conllu FILE.conllu\n"
    "\n"
    "Reads news documents (plain text, HTML or JSON Lines; files, folders or '-' for stdin,\n"
    "the default), finds each article's body, splits it into sentences and tokens, and writes\n"
    "CoNLL-U to stdout: UPOS and Penn tags, lemmas and a Universal Dependencies tree per\n"
    "sentence, with '# newdoc id', '# sent_id' and '# text' comments. Headlines, bylines,\n"
    "captions and trailers are not parsed.\n"
    "\n"
    "With --conllu, the sentences and tokens of a CoNLL-U file are kept as they are and their\n"
    "tags, lemmas and trees are predicted (for 'vigil eval-parse').\n"
    "\n"
    "options:\n"
    "  --conllu FILE     keep the tokenisation of FILE\n"
    "  --beam N          the parser's beam width (default 4, or $VIGIL_PARSE_BEAM: the most\n"
    "                    accurate; 1 parses greedily, nearly twice as fast; at most 16)\n"
    "  --format F        input format: auto (default), text, html, jsonl\n"
    "  --models DIR      model folder (default: $VIGIL_MODELS or the built-in data/models)\n"
    "  -q, --quiet       no summary on stderr\n";

static int parse_document(vigil_document *doc, void *analyser, size_t *sentences, size_t *tokens)
{
    return vigil_document_write_conllu(analyser, doc, stdout, sentences, tokens);
}

int cmd_parse(int argc, char **argv)
{
    const char *conllu = NULL, *format = NULL, *models = NULL, *beam = NULL;
    int quiet = 0, n_paths = 0;
    const cli_option options[] = {
        {.name = "--quiet", .alias = "-q", .flag = &quiet},
        {.name = "--conllu", .value = &conllu},
        {.name = "--format", .value = &format},
        {.name = "--models", .value = &models},
        {.name = "--beam", .value = &beam},
        {0},
    };
    const cli_command command = {"parse", help, options, 1};
    int rc = cli_options_parse(&command, argc, argv, &n_paths);
    if (rc >= 0)
        return rc;
    if (conllu && n_paths) {
        fprintf(stderr, "vigil parse: --conllu takes no other input files\n");
        return 2;
    }
    /* The beam by default: this command's output is the trees themselves, so accuracy comes
     * first; the event coder, which reads thousands of reports, parses greedily. */
    int width;
    if (cli_options_beam("parse", beam, 4, &width))
        return 2;
    vigil_analyser *analyser;
    if (vigil_analyser_open(&analyser, models) != 0) {
        fprintf(stderr, "vigil parse: %s\n", vigil_error_message());
        return 1;
    }
    vigil_analyser_set_beam(analyser, width);
    int status = 0;
    if (conllu) {
        if (vigil_analyse_conllu(analyser, conllu, stdout) != 0) {
            fprintf(stderr, "vigil parse: %s\n", vigil_error_message());
            status = 1;
        }
    } else {
        document_totals totals = {0};   /* items are tokens */
        /* the parser gathered the input paths at the front of argv */
        status = each_document_in("parse", argv + 1, n_paths, format, parse_document, analyser, &totals);
        if (!quiet)
            fprintf(stderr, "vigil parse: %zu documents, %zu sentences, %zu tokens\n", totals.documents,
                    totals.sentences, totals.items);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "vigil parse: error writing the output\n");
        status = 1;
    }
    vigil_analyser_free(analyser);
    return status;
}
