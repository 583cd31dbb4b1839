/* One option parser for every subcommand (options.h). */
#include "cli/options.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cli_option *find_option(const cli_option *options, const char *arg)
{
    for (const cli_option *o = options; o->name; o++)
        if (!strcmp(arg, o->name) || (o->alias && !strcmp(arg, o->alias)))
            return o;
    return NULL;
}

int cli_options_parse(const cli_command *command, int argc, char **argv, int *n_operands)
{
    int operands = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
            fputs(command->help, stdout);
            return 0;
        }
        const cli_option *o = find_option(command->options, arg);
        if (!o) {
            int is_option = arg[0] == '-' && arg[1];
            if (!command->takes_operands) {
                fprintf(stderr, "vigil %s: unknown argument '%s' (see --help)\n", command->name, arg);
                return 2;
            }
            if (is_option) {
                fprintf(stderr, "vigil %s: unknown option '%s' (see --help)\n", command->name, arg);
                return 2;
            }
            argv[1 + operands++] = argv[i]; /* never ahead of i, so nothing unread is overwritten */
            continue;
        }
        if (o->flag) {
            *o->flag = 1;
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "vigil %s: %s needs a value (see --help)\n", command->name, arg);
            return 2;
        }
        const char *value = argv[++i];
        if (o->value) {
            *o->value = value;
        } else {
            if (*o->n_list == o->max_list) {
                fprintf(stderr, "vigil %s: at most %zu %s files\n", command->name, o->max_list, o->name);
                return 2;
            }
            o->list[(*o->n_list)++] = value;
        }
    }
    if (n_operands)
        *n_operands = operands;
    return -1;
}

int cli_options_beam(const char *command, const char *value, int fallback, int *width)
{
    const char *env = getenv("VIGIL_PARSE_BEAM");
    *width = fallback;
    if (!value && env && *env)
        value = env;
    if (!value)
        return 0;
    char *end;
    long n = strtol(value, &end, 10);
    if (end == value || *end || n < 1 || n > 16) {
        fprintf(stderr, "vigil %s: --beam takes a number from 1 to 16, not '%s'\n", command, value);
        return 2;
    }
    *width = (int)n;
    return 0;
}

int cli_options_count(const char *command, const char *option, const char *value, long max, size_t *out)
{
    char *end;
    long n = strtol(value, &end, 10);
    if (end == value || *end || n < 0 || n > max) {
        fprintf(stderr, "vigil %s: %s takes a number", command, option);
        if (max < LONG_MAX)
            fprintf(stderr, " from 0 to %ld", max);
        fprintf(stderr, ", not '%s'\n", value);
        return 2;
    }
    *out = (size_t)n;
    return 0;
}
