/* vigil claims: the incidents an entity takes part in, with their full ledgers, and what it said. */
#include "cli/commands.h"
#include "cli/ledger_print.h"
#include "cli/store_query.h"
#include "store/query.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: vigil claims [options] ENTITY\n"
    "\n"
    "ENTITY is an incident id (inc-...), an actor code (ISRGOV), a canonical name or words of a\n"
    "mention (\"ambassador\"; case-insensitive). Prints every incident it is the source or\n"
    "target of, with the claims ledger in full — who alleges, confirms, denies or declines to\n"
    "comment, when, in which document and sentence — and the claims the entity itself made.\n"
    "\n"
    "options:\n"
    "  --db FILE    the store (default: ./vigil.db)\n"
    "  --limit N    at most N incidents and N claims (default 50; 0 for all)\n"
    "  --json       one JSON object: {\"entity\", \"incidents\": [...], \"said\": [...]}\n";

int cmd_claims(int argc, char **argv)
{
    store_query q = { .command = "claims", .db = "vigil.db", .limit = 50 };
    int rc = store_query_parse(&q, argc, argv, help, "ENTITY");
    if (rc >= 0)
        return rc;
    const char *entity = q.subject;
    size_t limit = q.limit;
    int json = q.json;
    vg_store *store = store_query_open(&q);
    if (!store)
        return 1;
    vg_error err = {0};
    json_t *result;
    if (vg_store_claims(store, entity, limit, &result, &err)) {
        fprintf(stderr, "vigil claims: %s\n", err.message);
        vg_store_close(store);
        return 1;
    }
    int status = 0;
    const json_t *list = json_object_get(result, "incidents"), *said = json_object_get(result, "said");
    if (json) {
        status = ledger_print_json(stdout, result) ? 1 : 0;
    } else {
        printf("%s: %zu incident%s\n\n", entity, json_array_size(list), json_array_size(list) == 1 ? "" : "s");
        for (size_t i = 0; i < json_array_size(list); i++) {
            ledger_print_incident(stdout, json_array_get(list, i), 1, "");
            fputc('\n', stdout);
        }
        if (json_array_size(said)) {
            printf("what %s said:\n", entity);
            for (size_t i = 0; i < json_array_size(said); i++) {
                const json_t *c = json_array_get(said, i);
                printf("  %s %s of %s (%s against %s), %s, %s #%lld\n",
                       json_string_value(json_object_get(c, "actor")), json_string_value(json_object_get(c, "role")),
                       json_string_value(json_object_get(c, "incident")),
                       json_string_value(json_object_get(c, "event")) ? json_string_value(json_object_get(c, "event")) : "?",
                       json_string_value(json_object_get(c, "target")) ? json_string_value(json_object_get(c, "target")) : "?",
                       json_string_value(json_object_get(c, "said_on")) ? json_string_value(json_object_get(c, "said_on")) : "undated",
                       json_string_value(json_object_get(c, "doc")) ? json_string_value(json_object_get(c, "doc")) : "?",
                       (long long)json_integer_value(json_object_get(c, "sentence")));
            }
        }
    }
    json_decref(result);
    vg_store_close(store);
    if (fflush(stdout) || ferror(stdout))
        status = 1;
    return status;
}
