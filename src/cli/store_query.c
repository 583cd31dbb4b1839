/* The shared command line of the one-subject store queries (store_query.h). */
#include "cli/store_query.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int store_query_parse(store_query *q, int argc, char **argv, const char *help, const char *what)
{
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
            fputs(help, stdout);
            return 0;
        } else if (!strcmp(arg, "--json")) {
            q->json = 1;
        } else if (!strcmp(arg, "--db") || !strcmp(arg, "--limit")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "vigil %s: %s needs a value (see --help)\n", q->command, arg);
                return 2;
            }
            const char *value = argv[++i];
            if (!strcmp(arg, "--db")) {
                q->db = value;
            } else {
                char *end;
                long n = strtol(value, &end, 10);
                if (*end || n < 0 || end == value) {
                    fprintf(stderr, "vigil %s: --limit takes a number, not '%s'\n", q->command, value);
                    return 2;
                }
                q->limit = (size_t)n;
            }
        } else if (arg[0] == '-' && arg[1]) {
            fprintf(stderr, "vigil %s: unknown option '%s' (see --help)\n", q->command, arg);
            return 2;
        } else if (q->subject) {
            fprintf(stderr, "vigil %s: one %s at a time (quote a name with spaces)\n", q->command, what);
            return 2;
        } else {
            q->subject = arg;
        }
    }
    if (!q->subject || !*q->subject) {
        fprintf(stderr, "vigil %s: %s missing (see --help)\n", q->command, what);
        return 2;
    }
    return -1;
}

vg_store *store_query_open(const store_query *q)
{
    vg_error err = {0};
    vg_store *store;
    if (vg_store_open(&store, q->db, VG_STORE_READONLY, &err)) {
        fprintf(stderr, "vigil %s: %s\n", q->command, err.message);
        return NULL;
    }
    return store;
}
