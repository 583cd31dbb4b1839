/* The shared command line of the one-subject store queries (store_query.h). */
#include "cli/store_query.h"
#include "cli/options.h"
#include <limits.h>
#include <stdio.h>

int store_query_parse(store_query *q, int argc, char **argv, const char *help, const char *what)
{
    const char *limit = NULL;
    const cli_option options[] = {
        {.name = "--db", .value = &q->db},
        {.name = "--limit", .value = &limit},
        {.name = "--json", .flag = &q->json},
        {0},
    };
    const cli_command command = {q->command, help, options, 1};
    int n_subjects;
    int rc = cli_options_parse(&command, argc, argv, &n_subjects);
    if (rc >= 0)
        return rc;
    if (limit && cli_options_count(q->command, "--limit", limit, LONG_MAX, &q->limit))
        return 2;
    if (n_subjects > 1) {
        fprintf(stderr, "vigil %s: one %s at a time (quote a name with spaces)\n", q->command, what);
        return 2;
    }
    q->subject = n_subjects ? argv[1] : NULL;
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
