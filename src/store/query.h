/* Questions the commands ask the store, answered as JSON values (jansson) that the CLI prints
 * as tables or as JSON: incidents with their ledgers, the claims about an entity, an actor,
 * and the threat board. The caller owns every json_t returned (json_decref). */
#ifndef VIGIL_STORE_QUERY_H
#define VIGIL_STORE_QUERY_H
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include "store/store.h"
#include "store/watchlist.h"

typedef struct vg_incident_query {
    size_t limit;          /* most incidents returned, most recently reported first; 0 = all */
    const char *since;     /* only incidents last reported on or after this date, or NULL */
    int ledger;            /* add each incident's claims ledger and evidence sentences */
    int min_severity;      /* only incidents at least this severe (0-10) */
} vg_incident_query;

/* {"incidents": [...], "total": N}: incidents, most recently reported first. */
int vg_store_incidents(vg_store *store, const vg_incident_query *query, json_t **out, vg_error *err);

/* The same, one incident at a time, so a large answer need not be held in memory: fn gets each
 * incident (borrowed: it is freed when fn returns) and returns 0 to go on, else stops the walk
 * with that code. *total (may be NULL) receives the number of incidents the query matches. */
typedef int (*vg_incident_fn)(void *context, const json_t *incident);
int vg_store_incidents_each(vg_store *store, const vg_incident_query *query, vg_incident_fn fn, void *context,
                            long long *total, vg_error *err);

/* The incidents an entity takes part in (an incident id; an actor code; a name or wording,
 * case-insensitive), each with its ledger, and the claims the entity itself made:
 * {"entity": ..., "incidents": [...], "said": [...]}. */
int vg_store_claims(vg_store *store, const char *entity, size_t limit, json_t **out, vg_error *err);

/* The actors whose name, code or wording matches: codes, aliases, their events, incidents
 * and claims. {"query": ..., "actors": [...]}. */
int vg_store_actor(vg_store *store, const char *name, size_t limit, json_t **out, vg_error *err);

/* The threat board: per watched entity its level, score and the incidents behind it (the top
 * `top` with their evidence sentences, all with their contributions). as_of YYYYMMDD, or 0 for
 * the latest publication date in the store. */
int vg_store_board(vg_store *store, const vg_watchlist *list, int32_t as_of, size_t top, json_t **out,
                   vg_error *err);

#endif
