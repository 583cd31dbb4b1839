/* vigil actor: what the store knows of an actor — codes, wordings, incidents, claims. */
#include "cli/commands.h"
#include "cli/ledger_print.h"
#include "cli/store_query.h"
#include "store/query.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: vigil actor [options] NAME\n"
    "\n"
    "NAME is a canonical name, an actor code or words of a mention (case-insensitive). Prints\n"
    "each matching actor: the codes it was given, the wordings that named it, the incidents\n"
    "it is the source or target of, and how many claims it made of each kind.\n"
    "\n"
    "options:\n"
    "  --db FILE    the store (default: ./vigil.db)\n"
    "  --limit N    at most N actors (default 10; 0 for all)\n"
    "  --json       one JSON object: {\"query\", \"actors\": [...]}\n";

static const char *s(const json_t *o, const char *key)
{
    const char *v = json_string_value(json_object_get(o, key));
    return v ? v : "";
}

int cmd_actor(int argc, char **argv)
{
    store_query q = { .command = "actor", .db = "vigil.db", .limit = 10 };
    int rc = store_query_parse(&q, argc, argv, help, "NAME");
    if (rc >= 0)
        return rc;
    const char *name = q.subject;
    size_t limit = q.limit;
    int json = q.json;
    vg_store *store = store_query_open(&q);
    if (!store)
        return 1;
    vg_error err = {0};
    json_t *result;
    if (vg_store_actor(store, name, limit, &result, &err)) {
        fprintf(stderr, "vigil actor: %s\n", err.message);
        vg_store_close(store);
        return 1;
    }
    int status = 0;
    const json_t *actors = json_object_get(result, "actors");
    if (json) {
        status = ledger_print_json(stdout, result) ? 1 : 0;
    } else if (!json_array_size(actors)) {
        printf("no actor matches '%s'\n", name);
    } else {
        for (size_t i = 0; i < json_array_size(actors); i++) {
            const json_t *a = json_array_get(actors, i);
            printf("%s%s%s  (%lld mentions)\n", s(a, "key"), *s(a, "name") && *s(a, "code") ? "  " : "",
                   *s(a, "name") ? s(a, "code") : "", (long long)json_integer_value(json_object_get(a, "mentions")));
            const json_t *codes = json_object_get(a, "codes"), *aliases = json_object_get(a, "aliases");
            printf("  codes:  ");
            for (size_t k = 0; k < json_array_size(codes); k++)
                printf("%s%s", k ? ", " : "", s(json_array_get(codes, k), "code"));
            printf("\n  named:  ");
            for (size_t k = 0; k < json_array_size(aliases) && k < 12; k++)
                printf("%s\"%s\"", k ? ", " : "", s(json_array_get(aliases, k), "alias"));
            printf("\n");
            const json_t *incidents = json_object_get(a, "incidents");
            for (size_t k = 0; k < json_array_size(incidents); k++) {
                const json_t *x = json_array_get(incidents, k);
                printf("  %-6s of %s  %s  %s (%s, %s)  %s -> %s\n", s(x, "as"), s(x, "incident"),
                       *s(x, "date") ? s(x, "date") : "undated", s(x, "event"), s(x, "mode"), s(x, "stance"),
                       *s(x, "source") ? s(x, "source") : "?", *s(x, "target") ? s(x, "target") : "?");
            }
            const json_t *claims = json_object_get(a, "claims_made");
            if (json_object_size(claims)) {
                printf("  claims made:");
                const char *key;
                const json_t *value;
                json_object_foreach((json_t *)claims, key, value)
                    printf(" %s %lld", key, (long long)json_integer_value(value));
                printf("\n");
            }
            printf("\n");
        }
    }
    json_decref(result);
    vg_store_close(store);
    if (fflush(stdout) || ferror(stdout))
        status = 1;
    return status;
}
