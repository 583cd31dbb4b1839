/* vigil code: documents in, event records out (JSON Lines). */
#include "cli/commands.h"
#include "cli/each_document.h"
#include "cli/options.h"
#include "vigil.h"
#include <stdio.h>

static const char help[] =
    "usage: vigil code [options] [FILE|DIR|-]...\n"
    "\n"
    "Reads news documents (plain text, HTML or JSON Lines; files, folders or '-' for stdin,\n"
    "the default), analyses each article's body and writes the events it reports as JSON\n"
    "Lines on stdout, one event a line: who did what to whom (CAMEO and PLOVER codes), the\n"
    "mode (occurred, planned, attempted, thwarted, threatened), the stance (asserted, alleged,\n"
    "denied), who says so, the date and the place. The record is described in\n"
    "docs/formats/events.md.\n"
    "\n"
    "options:\n"
    "  --conllu FILE      code the sentences of a CoNLL-U file as one document, keeping the\n"
    "                     trees it gives (for testing the coder on checked trees)\n"
    "  --date YYYY-MM-DD  resolve relative dates (\"Friday\", \"last year\") against this date\n"
    "                     instead of each document's own publication date\n"
    "  --explain          add each event's tree path (\"path\") to the record\n"
    "  --negated          keep events the text says did not happen, marked \"negated\": true\n"
    "  --data DIR         dictionaries, codebook and patterns (default: $VIGIL_DATA or the\n"
    "                     built-in data/)\n"
    "  --actors FILE      more actor dictionaries, after DATA/actors/ (may be repeated)\n"
    "  --petrarch DIR     code with the PETRARCH2-format dictionaries of DIR (verbs with synsets,\n"
    "                     actors with dates, agents, discards) instead of vigil's own\n"
    "  --format F         input format: auto (default), text, html, jsonl\n"
    "  --models DIR       model folder (default: $VIGIL_MODELS or the built-in data/models)\n"
    "  --beam N           the parser's beam width (default 1, greedy, or $VIGIL_PARSE_BEAM; 4 gives\n"
    "                     better trees and events at about 60% of the speed; at most 16)\n"
    "  --timing           add the time spent analysing and coding to the summary\n"
    "  -q, --quiet        no summary on stderr\n";

typedef struct code_run {
    const vigil_analyser *analyser;
    const vigil_coder *coder;
    vigil_code_options options;
    const char *format;
    document_totals totals;   /* items are events */
} code_run;

static int code_document(vigil_document *doc, void *context, size_t *sentences, size_t *events)
{
    code_run *run = context;
    return vigil_document_write_events(run->analyser, run->coder, doc, &run->options, stdout, sentences, events);
}

int cmd_code(int argc, char **argv)
{
    const char *models = NULL, *data = NULL, *conllu = NULL, *petrarch = NULL, *beam = NULL;
    code_run run = {0};
    int quiet = 0, n_paths = 0, timing = 0;
    double analysis = 0, coding = 0;
    const char *actor_files[16];
    size_t n_actor_files = 0;
    const cli_option options[] = {
        {.name = "--quiet", .alias = "-q", .flag = &quiet},
        {.name = "--explain", .flag = &run.options.explain},
        {.name = "--timing", .flag = &timing},
        {.name = "--negated", .flag = &run.options.keep_negated},
        {.name = "--date", .value = &run.options.date},
        {.name = "--format", .value = &run.format},
        {.name = "--models", .value = &models},
        {.name = "--beam", .value = &beam},
        {.name = "--data", .value = &data},
        {.name = "--conllu", .value = &conllu},
        {.name = "--petrarch", .value = &petrarch},
        {.name = "--actors", .list = actor_files, .n_list = &n_actor_files,
         .max_list = sizeof actor_files / sizeof *actor_files},
        {0},
    };
    const cli_command command = {"code", help, options, 1};
    int rc = cli_options_parse(&command, argc, argv, &n_paths);
    if (rc >= 0)
        return rc;
    int width;
    if (cli_options_beam("code", beam, 1, &width))
        return 2;
    if (timing) {
        run.options.analysis_seconds = &analysis;
        run.options.coding_seconds = &coding;
    }
    vigil_analyser *analyser = NULL;
    vigil_coder *coder = NULL;
    int loaded = petrarch ? vigil_coder_open_petrarch(&coder, data, petrarch)
                          : vigil_coder_open_with(&coder, data, actor_files, n_actor_files);
    if (loaded != 0 || vigil_analyser_open(&analyser, models) != 0) {
        fprintf(stderr, "vigil code: %s\n", vigil_error_message());
        vigil_coder_free(coder);
        return 1;
    }
    vigil_analyser_set_beam(analyser, width);
    run.analyser = analyser;
    run.coder = coder;
    if (conllu) {
        int status = 0;
        if (n_paths) {
            fprintf(stderr, "vigil code: --conllu takes no other input files\n");
            status = 2;
        } else if (vigil_code_conllu(analyser, coder, conllu, &run.options, stdout, &run.totals.sentences,
                                     &run.totals.items) != 0) {
            fprintf(stderr, "vigil code: %s\n", vigil_error_message());
            status = 1;
        }
        if (!status && !quiet)
            fprintf(stderr, "vigil code: %zu sentences, %zu events\n", run.totals.sentences, run.totals.items);
        if (fflush(stdout) != 0)
            status = 1;
        vigil_analyser_free(analyser);
        vigil_coder_free(coder);
        return status;
    }
    /* the parser gathered the input paths at the front of argv */
    int status = each_document_in("code", argv + 1, n_paths, run.format, code_document, &run, &run.totals);
    if (!quiet)
        fprintf(stderr, "vigil code: %zu documents, %zu sentences, %zu events%s\n", run.totals.documents,
                run.totals.sentences, run.totals.items, run.totals.failed ? " (some documents failed)" : "");
    if (timing)
        fprintf(stderr, "vigil code: analysis %.3f s, coding %.3f s (coding adds %.1f%%)\n", analysis, coding,
                analysis > 0 ? 100.0 * coding / analysis : 0.0);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "vigil code: error writing the output\n");
        status = 1;
    }
    vigil_analyser_free(analyser);
    vigil_coder_free(coder);
    return status;
}
