/* The one-subject store queries' shared command line and answer (store_query.h). */
#include "cli/store_query.h"
#include "cli/ledger_print.h"
#include "cli/options.h"
#include <limits.h>
#include <stdio.h>

static int parse(store_query *q, int argc, char **argv, const char *help, const char *what)
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

int store_query_run(store_query *q, int argc, char **argv, const char *help, const char *what, store_query_ask ask,
                    void (*print_text)(const store_query *q, const json_t *answer))
{
    int rc = parse(q, argc, argv, help, what);
    if (rc >= 0)
        return rc;
    vg_error err = {0};
    vg_store *store;
    if (vg_store_open(&store, q->db, VG_STORE_READONLY, &err)) {
        fprintf(stderr, "vigil %s: %s\n", q->command, err.message);
        return 1;
    }
    json_t *answer;
    if (ask(store, q->subject, q->limit, &answer, &err)) {
        fprintf(stderr, "vigil %s: %s\n", q->command, err.message);
        vg_store_close(store);
        return 1;
    }
    int status = 0;
    if (q->json)
        status = ledger_print_json(stdout, answer) ? 1 : 0;
    else
        print_text(q, answer);
    json_decref(answer);
    vg_store_close(store);
    if (fflush(stdout) || ferror(stdout))
        status = 1;
    return status;
}
