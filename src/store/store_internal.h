/* Private parts of the store shared by its files: the handle, the prepared-statement cache,
 * and the linker's entry point. */
#ifndef VIGIL_STORE_INTERNAL_H
#define VIGIL_STORE_INTERNAL_H
#include <sqlite3.h>
#include <stdint.h>
#include "store/store.h"

/* Every statement the store runs more than once, prepared once per handle (store.c lists
 * the SQL in the same order). */
typedef enum vg_stmt_id {
    ST_DOC_EXISTS = 0,
    ST_DOC_INSERT,
    ST_DOC_NEAR,
    ST_DOC_SAME_SIMHASH,
    ST_SENTENCE_INSERT,
    ST_ACTOR_UPSERT,
    ST_ACTOR_CODE_UPSERT,
    ST_ACTOR_ALIAS_UPSERT,
    ST_EVENT_INSERT,
    ST_EVENT_SET_PARENT,
    ST_ATTRIBUTION_INSERT,
    ST_INCIDENT_CANDIDATES,
    ST_INCIDENT_BY_ID,
    ST_COPY_EVENT_INCIDENT,
    ST_INCIDENT_INSERT,
    ST_INCIDENT_GET,
    ST_INCIDENT_UPDATE_LINK,
    ST_EVENT_SET_INCIDENT,
    ST_CLAIM_INSERT,
    ST_INCIDENT_ACTOR_INSERT,
    ST_INCIDENT_SUMMARY_ACTS,
    ST_INCIDENT_SUMMARY_DOCS,
    ST_INCIDENT_SUMMARY_CLAIMS,
    ST_INCIDENT_UPDATE_SUMMARY,
    ST_COUNT
} vg_stmt_id;

struct vg_store {
    sqlite3 *db;
    sqlite3_stmt *stmts[ST_COUNT];
    vg_error *err;          /* where the current call reports */
    int in_batch;           /* inside vg_store_batch_begin .. commit */
};

/* The statement, prepared on first use and reset for reuse; NULL with err set on failure. */
sqlite3_stmt *vg_store_stmt(vg_store *store, vg_stmt_id id);
/* Records SQLite's current message in store->err and returns VG_EIO. */
int vg_store_fail(vg_store *store, const char *what);
/* Binds text, or NULL for a NULL pointer. */
int vg_store_bind_text(sqlite3_stmt *stmt, int index, const char *text);

/* One stored event as the linker sees it (store.c fills these while inserting). */
typedef struct vg_link_event {
    const vg_event *event;
    int64_t rowid;          /* events.id */
    int32_t window_lo, window_hi; /* the dates the act may have happened on (docs/incidents.md) */
    int precision_rank;     /* 1 day .. 7 unknown */
    char incident[24];      /* the incident it was linked to, or "" */
} vg_link_event;

/* The document being stored, as the linker needs it. */
typedef struct vg_link_document {
    int64_t rowid;
    const char *said_on;    /* publication date "YYYY-MM-DD", or NULL */
    const char *publisher;  /* the identity's publisher (the document id when unknown) */
    const char *origin;     /* the independent source it counts as, or NULL when unknown */
    const char *body_hash;
    int32_t pubdate;
    int64_t copy_of;        /* documents.id of the stored story this is a near copy of, or 0 */
} vg_link_document;

/* Links a stored document's events into incidents and writes their claims (link.c). Runs
 * inside vg_store_add's transaction. */
int vg_store_link(vg_store *store, const vg_link_document *doc, vg_link_event *events, size_t n,
                  vg_store_result *result);

/* The event family that decides which acts can be the same incident ("violence" for roots
 * 18-20, else the root), and whether a code is a claim about another act rather than an act. */
const char *vg_store_family(const char *cameo);

#endif
