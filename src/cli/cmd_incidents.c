/* vigil incidents: the incidents in the store, most recently reported first, with their ledgers. */
#include "cli/commands.h"
#include "cli/ledger_print.h"
#include "cli/options.h"
#include "store/query.h"
#include <limits.h>
#include <stdio.h>

static const char help[] =
    "usage: vigil incidents [options]\n"
    "\n"
    "Lists the incidents of the store, most recently reported first: what happened to whom,\n"
    "its mode and stance, how many documents and independent sources report it, and its\n"
    "claims ledger (who alleges, confirms, denies, declines to comment, and when).\n"
    "Linking rules: docs/incidents.md.\n"
    "\n"
    "options:\n"
    "  --db FILE          the store (default: ./vigil.db)\n"
    "  --limit N          at most N incidents (default 100; 0 for all)\n"
    "  --since YYYY-MM-DD only incidents reported on or after this date\n"
    "  --min-severity N   only incidents whose act is at least this severe (0-10, the\n"
    "                     severity column of data/cameo/codes.txt)\n"
    "  --sentences        print the evidence sentences and each claim's words\n"
    "  --json             one JSON object: {\"incidents\": [...], \"total\": N}\n";

typedef struct print_state {
    int json, sentences;
    size_t printed;
} print_state;

static int print_incident(void *context, const json_t *incident)
{
    print_state *p = context;
    if (p->json) {
        fputs(p->printed ? ",\n" : "\n", stdout);
        if (json_dumpf(incident, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(4)))
            return VG_EIO;
    } else {
        ledger_print_incident(stdout, incident, p->sentences, "");
        fputc('\n', stdout);
    }
    p->printed++;
    return ferror(stdout) ? VG_EIO : 0;
}

int cmd_incidents(int argc, char **argv)
{
    const char *db = "vigil.db", *limit = NULL, *min_severity = NULL;
    vg_incident_query q = {100, NULL, 1, 0};
    int json = 0, sentences = 0;
    const cli_option options[] = {
        {.name = "--db", .value = &db},
        {.name = "--limit", .value = &limit},
        {.name = "--since", .value = &q.since},
        {.name = "--min-severity", .value = &min_severity},
        {.name = "--sentences", .flag = &sentences},
        {.name = "--json", .flag = &json},
        {0},
    };
    const cli_command command = {"incidents", help, options, 0};
    int rc = cli_options_parse(&command, argc, argv, NULL);
    if (rc >= 0)
        return rc;
    if (q.since && !vg_store_date_parse(q.since)) {
        fprintf(stderr, "vigil incidents: bad date \"%s\": expected YYYY-MM-DD\n", q.since);
        return 2;
    }
    if (limit && cli_options_count("incidents", "--limit", limit, LONG_MAX, &q.limit))
        return 2;
    if (min_severity) {
        size_t n;
        if (cli_options_count("incidents", "--min-severity", min_severity, 10, &n))
            return 2;
        q.min_severity = (int)n;
    }
    vg_error err = {0};
    vg_store *store;
    if (vg_store_open(&store, db, VG_STORE_READONLY, &err)) {
        fprintf(stderr, "vigil incidents: %s\n", err.message);
        return 1;
    }
    /* Incidents are printed as they are read, so even --limit 0 on a large store runs in
     * bounded memory. */
    print_state state = {json, sentences, 0};
    long long total = 0;
    if (json)
        fputs("{\"incidents\": [", stdout);
    int status = 0;
    if (vg_store_incidents_each(store, &q, print_incident, &state, &total, &err)) {
        fprintf(stderr, "vigil incidents: %s\n", err.message[0] ? err.message : "cannot write the output");
        status = 1;
    }
    if (json)
        printf("%s], \"total\": %lld}\n", state.printed ? "\n" : "", total);
    else
        printf("%zu of %lld incidents\n", state.printed, total);
    vg_store_close(store);
    if (fflush(stdout) || ferror(stdout))
        status = 1;
    return status;
}
