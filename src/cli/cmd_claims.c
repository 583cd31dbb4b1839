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

/* Every incident the entity takes part in, with its full ledger, then what the entity said. */
static void print_claims(const store_query *q, const json_t *answer)
{
    const char *entity = q->subject;
    const json_t *list = json_object_get(answer, "incidents"), *said = json_object_get(answer, "said");
    printf("%s: %zu incident%s\n\n", entity, json_array_size(list), json_array_size(list) == 1 ? "" : "s");
    for (size_t i = 0; i < json_array_size(list); i++) {
        ledger_print_incident(stdout, json_array_get(list, i), 1, "");
        fputc('\n', stdout);
    }
    if (json_array_size(said)) {
        printf("what %s said:\n", entity);
        for (size_t i = 0; i < json_array_size(said); i++) {
            const json_t *c = json_array_get(said, i);
            char who[512];
            printf("  %s %s of %s (%s against %s), %s, %s #%lld\n", ledger_claimant(c, who, sizeof who),
                   ledger_text_or(c, "role", "?"), ledger_text_or(c, "incident", "?"),
                   ledger_text_or(c, "event", "?"), ledger_text_or(c, "target", "?"),
                   ledger_text_or(c, "said_on", "undated"), ledger_text_or(c, "doc", "?"),
                   (long long)json_integer_value(json_object_get(c, "sentence")));
        }
    }
}

int cmd_claims(int argc, char **argv)
{
    store_query q = { .command = "claims", .db = "vigil.db", .limit = 50 };
    return store_query_run(&q, argc, argv, help, "ENTITY", vg_store_claims, print_claims);
}
