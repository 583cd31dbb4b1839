/* The command line every store query with one subject shares (vigil actor NAME, vigil claims
 * ENTITY): --help, --db FILE, --limit N, --json, one subject; and opening the store. */
#ifndef VIGIL_CLI_STORE_QUERY_H
#define VIGIL_CLI_STORE_QUERY_H
#include <stddef.h>
#include "store/store.h"

typedef struct store_query {
    const char *command;     /* "actor": for messages */
    const char *db;          /* --db, default ./vigil.db */
    const char *subject;     /* the one positional argument */
    size_t limit;            /* --limit, default as given */
    int json;                /* --json */
} store_query;

/* Parses argv (from the command name on). Returns -1 to go on, or the exit status to return now
 * (0 after --help, 2 on a usage error, with a message naming the command). what names the
 * subject in messages ("NAME", "ENTITY"). */
int store_query_parse(store_query *q, int argc, char **argv, const char *help, const char *what);
/* Opens q->db read-only; on failure prints the error and returns NULL. */
vg_store *store_query_open(const store_query *q);

#endif
