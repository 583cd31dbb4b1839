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

/* Each matching actor: codes, wordings, incidents and claims made. */
static void print_actors(const store_query *q, const json_t *answer)
{
    const json_t *actors = json_object_get(answer, "actors");
    if (!json_array_size(actors)) {
        printf("no actor matches '%s'\n", q->subject);
        return;
    }
    for (size_t i = 0; i < json_array_size(actors); i++) {
        const json_t *a = json_array_get(actors, i);
        const char *name = ledger_text(a, "name"), *code = ledger_text(a, "code");
        printf("%s%s%s  (%lld mentions)\n", ledger_text(a, "key"), *name && *code ? "  " : "", *name ? code : "",
               (long long)json_integer_value(json_object_get(a, "mentions")));
        const json_t *codes = json_object_get(a, "codes"), *aliases = json_object_get(a, "aliases");
        printf("  codes:  ");
        for (size_t k = 0; k < json_array_size(codes); k++)
            printf("%s%s", k ? ", " : "", ledger_text(json_array_get(codes, k), "code"));
        printf("\n  named:  ");
        for (size_t k = 0; k < json_array_size(aliases) && k < 12; k++)
            printf("%s\"%s\"", k ? ", " : "", ledger_text(json_array_get(aliases, k), "alias"));
        printf("\n");
        const json_t *incidents = json_object_get(a, "incidents");
        for (size_t k = 0; k < json_array_size(incidents); k++) {
            const json_t *x = json_array_get(incidents, k);
            printf("  %-6s of %s  %s  %s (%s, %s)  %s -> %s\n", ledger_text(x, "as"), ledger_text(x, "incident"),
                   ledger_text_or(x, "date", "undated"), ledger_text(x, "event"), ledger_text(x, "mode"),
                   ledger_text(x, "stance"), ledger_text_or(x, "source", "?"), ledger_text_or(x, "target", "?"));
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

int cmd_actor(int argc, char **argv)
{
    store_query q = { .command = "actor", .db = "vigil.db", .limit = 10 };
    return store_query_run(&q, argc, argv, help, "NAME", vg_store_actor, print_actors);
}
