/* The vigil command: dispatches to one cmd_<name>.c per subcommand. */
#include "cli/commands.h"
#include "vigil.h"
#include <stdio.h>
#include <string.h>

static const vg_command commands[] = {
    {"parse", "read documents and write CoNLL-U (sentences, tags, lemmas, trees)", cmd_parse},
    {"code", "read documents and write their events as JSON Lines", cmd_code},
    {"ingest", "code documents and store them, their incidents and claims (vigil.db)", cmd_ingest},
    {"incidents", "list the stored incidents with their claims ledgers", cmd_incidents},
    {"claims", "the incidents an entity takes part in, with who alleges and who denies", cmd_claims},
    {"actor", "what the store knows of an actor: codes, names, incidents, claims", cmd_actor},
    {"board", "the threat board: a level per watched entity, with the evidence", cmd_board},
    {"export", "write the store as JSON Lines, GDELT-like CSV or a STIX 2.1 bundle", cmd_export},
    {"eval-parse", "compare a predicted CoNLL-U file with a gold one", cmd_eval_parse},
    {"train", "train the tagger, lemmatizer and parser on a treebank", cmd_train},
    {"validate", "run PETRARCH validation records with PETRARCH-format dictionaries", cmd_validate},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: vigil <command> [options] [args]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n'vigil <command> --help' describes a command. vigil %s\n", vigil_version());
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("vigil %s\n", vigil_version());
        return 0;
    }
    vigil_init();
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "vigil: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
