/* The command line every subcommand shares: --help, flags, options with a value, repeatable
 * options and operands, read from one table per command, with usage errors worded alike. */
#ifndef VIGIL_CLI_OPTIONS_H
#define VIGIL_CLI_OPTIONS_H
#include <stddef.h>

/* One option of a command: exactly one of flag, value and list is set. */
typedef struct cli_option {
    const char *name;       /* "--db" */
    const char *alias;      /* another spelling ("-q"), or NULL */
    int *flag;              /* a flag: set to 1 when given */
    const char **value;     /* takes a value: the last one given */
    const char **list;      /* repeatable, takes a file: each one given, at most max_list */
    size_t *n_list;
    size_t max_list;
} cli_option;

typedef struct cli_command {
    const char *name;           /* "code": for messages */
    const char *help;           /* printed on stdout for --help or -h */
    const cli_option *options;  /* ended by an entry without a name */
    int takes_operands;         /* whether arguments that are not options (and "-") are taken */
} cli_command;

/* Parses argv[1..argc-1] (argv from the command name on). Operands are moved, in order, to
 * argv[1..*n_operands] (n_operands may be NULL for a command that takes none, which refuses
 * them). Returns -1 to go on, or the exit status to return at once: 0 after printing the help,
 * 2 after a usage error printed on stderr as "vigil COMMAND: ...". */
int cli_options_parse(const cli_command *command, int argc, char **argv, int *n_operands);

/* Reads the value of option as a count from 0 to max. Returns 0, or 2 after printing
 * "vigil COMMAND: OPTION takes a number[ from 0 to MAX], not 'VALUE'". */
int cli_options_count(const char *command, const char *option, const char *value, long max, size_t *out);

/* The parser's beam width (--beam): value when given, else $VIGIL_PARSE_BEAM when set, else
 * fallback. Returns 0, or 2 after printing "vigil COMMAND: --beam takes a number from 1 to 16,
 * not 'VALUE'". */
int cli_options_beam(const char *command, const char *value, int fallback, int *width);

#endif
