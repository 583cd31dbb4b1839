/* vigil board: the threat board — a level for each watched entity, with the incidents behind it. */
#include "cli/commands.h"
#include "cli/ledger_print.h"
#include "cli/options.h"
#include "store/query.h"
#include "store/threat.h"
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char help[] =
    "usage: vigil board [options]\n"
    "\n"
    "Prints a threat level (1 normal, 2 guarded, 3 elevated, 4 high, 5 critical) for each\n"
    "entity of the watchlist, computed from the incidents in the store that target it: the\n"
    "severity of the act, its mode, its stance, its recency and its number of independent\n"
    "sources (docs/threat.md), with the incidents and sentences behind each level.\n"
    "\n"
    "options:\n"
    "  --db FILE          the store (default: ./vigil.db)\n"
    "  --watchlist FILE   the watchlist (default: ./watchlist.txt; format in\n"
    "                     docs/formats/watchlist.md)\n"
    "  --as-of YYYY-MM-DD the day the board is for (default: the latest publication date\n"
    "                     in the store); 'today' for today\n"
    "  --top N            incidents shown in full per entity (default 3)\n"
    "  --json             one JSON object: {\"as_of\", \"entities\": [...]}\n";

int cmd_board(int argc, char **argv)
{
    const char *db = "vigil.db", *watchlist = "watchlist.txt", *as_of_text = NULL, *top_text = NULL;
    size_t top = 3;
    int json = 0;
    const cli_option options[] = {
        {.name = "--db", .value = &db},
        {.name = "--watchlist", .value = &watchlist},
        {.name = "--as-of", .value = &as_of_text},
        {.name = "--top", .value = &top_text},
        {.name = "--json", .flag = &json},
        {0},
    };
    const cli_command command = {"board", help, options, 0};
    int rc = cli_options_parse(&command, argc, argv, NULL);
    if (rc >= 0)
        return rc;
    if (top_text && cli_options_count("board", "--top", top_text, LONG_MAX, &top))
        return 2;
    int32_t as_of = 0;
    if (as_of_text && !strcmp(as_of_text, "today")) {
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        as_of = (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
    } else if (as_of_text && !(as_of = vg_store_date_parse(as_of_text))) {
        fprintf(stderr, "vigil board: bad date \"%s\": expected YYYY-MM-DD or 'today'\n", as_of_text);
        return 2;
    }
    vg_error err = {0};
    vg_watchlist *list;
    if (vg_watchlist_load(&list, watchlist, &err)) {
        fprintf(stderr, "vigil board: %s\n", err.message);
        return 1;
    }
    vg_store *store;
    if (vg_store_open(&store, db, VG_STORE_READONLY, &err)) {
        fprintf(stderr, "vigil board: %s\n", err.message);
        vg_watchlist_free(list);
        return 1;
    }
    json_t *board;
    int status = 0;
    if (vg_store_board(store, list, as_of, top, &board, &err)) {
        fprintf(stderr, "vigil board: %s\n", err.message);
        vg_store_close(store);
        vg_watchlist_free(list);
        return 1;
    }
    if (json) {
        status = ledger_print_json(stdout, board) ? 1 : 0;
    } else {
        const char *day = json_string_value(json_object_get(board, "as_of"));
        printf("THREAT BOARD as of %s (recency half-life %.0f days)\n\n", day ? day : "(no dated reports)",
               VG_THREAT_HALF_LIFE_DAYS);
        printf("%-5s %-9s %6s %5s  %s\n", "LEVEL", "", "SCORE", "INC.", "WATCHED ENTITY");
        const json_t *entities = json_object_get(board, "entities");
        for (size_t i = 0; i < json_array_size(entities); i++) {
            const json_t *e = json_array_get(entities, i);
            printf("%-5lld %-9s %6.2f %5lld  %s (%s)\n", (long long)json_integer_value(json_object_get(e, "level")),
                   json_string_value(json_object_get(e, "level_name")), json_real_value(json_object_get(e, "score")),
                   (long long)json_integer_value(json_object_get(e, "incidents_total")),
                   json_string_value(json_object_get(e, "entity")), json_string_value(json_object_get(e, "kind")));
        }
        for (size_t i = 0; i < json_array_size(entities); i++) {
            const json_t *e = json_array_get(entities, i);
            const json_t *incidents = json_object_get(e, "incidents");
            if (!json_array_size(incidents))
                continue;
            printf("\n%s — level %lld %s, score %.2f from %zu incident%s\n",
                   json_string_value(json_object_get(e, "entity")),
                   (long long)json_integer_value(json_object_get(e, "level")),
                   json_string_value(json_object_get(e, "level_name")), json_real_value(json_object_get(e, "score")),
                   json_array_size(incidents), json_array_size(incidents) == 1 ? "" : "s");
            for (size_t k = 0; k < json_array_size(incidents) && k < top; k++) {
                const json_t *x = json_array_get(incidents, k);
                printf("  + %.2f = weight %.2f x recency %.2f\n", json_real_value(json_object_get(x, "contribution")),
                       json_real_value(json_object_get(x, "weight")), json_real_value(json_object_get(x, "recency")));
                ledger_print_incident(stdout, x, 1, "    ");
            }
            if (json_array_size(incidents) > top)
                printf("  ... and %zu more (--top, --json)\n", json_array_size(incidents) - top);
        }
    }
    json_decref(board);
    vg_store_close(store);
    vg_watchlist_free(list);
    if (fflush(stdout) || ferror(stdout))
        status = 1;
    return status;
}
