/* What every store query with one subject shares (vigil actor NAME, vigil claims ENTITY): the
 * command line (--help, --db FILE, --limit N, --json, one subject), opening the store, asking
 * it, and printing the answer as JSON. */
#ifndef VIGIL_CLI_STORE_QUERY_H
#define VIGIL_CLI_STORE_QUERY_H
#include <stddef.h>
#include <jansson.h>
#include "store/store.h"

typedef struct store_query {
    const char *command;     /* "actor": for messages */
    const char *db;          /* --db, default ./vigil.db */
    const char *subject;     /* the one positional argument */
    size_t limit;            /* --limit, default as given */
    int json;                /* --json */
} store_query;

/* What a query asks the store: vg_store_actor, vg_store_claims. */
typedef int (*store_query_ask)(vg_store *store, const char *subject, size_t limit, json_t **out, vg_error *err);

/* Runs the command: parses argv (from the command name on; what names the subject in messages,
 * "NAME"), opens q->db read-only, asks, and prints the answer, as JSON with --json, else with
 * print_text. Returns the exit status: 0, 1 on an error, 2 on a usage error (0 after --help). */
int store_query_run(store_query *q, int argc, char **argv, const char *help, const char *what, store_query_ask ask,
                    void (*print_text)(const store_query *q, const json_t *answer));

#endif
