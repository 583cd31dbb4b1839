/* The store: one SQLite file holding documents, sentences, actors, events, incidents and their
 * claims ledgers (schema and migrations: docs/store.md; linking rules: docs/incidents.md).
 * This module and its siblings in src/store/ are the only code that talks to SQLite. */
#ifndef VIGIL_STORE_STORE_H
#define VIGIL_STORE_STORE_H
#include <stddef.h>
#include <stdint.h>
#include "code/pipeline.h"
#include "text/document.h"
#include "util/error.h"

typedef struct vg_store vg_store;

/* The schema version this build writes; older files are migrated when opened. */
#define VG_STORE_SCHEMA_VERSION 2

enum {
    VG_STORE_READONLY = 1u << 0   /* open an existing store for queries only */
};

/* Opens (creating when absent, unless VG_STORE_READONLY) the store at path and brings its
 * schema up to VG_STORE_SCHEMA_VERSION, one transaction per migration. Returns 0, or VG_EIO
 * (cannot open, not a vigil store, a newer schema) with the reason in err; *out NULL then. */
int vg_store_open(vg_store **out, const char *path, unsigned flags, vg_error *err);
void vg_store_close(vg_store *store);

/* The schema version of an open store. */
int vg_store_schema_version(vg_store *store);

/* A document's identity in the store: a 128-bit hash of its normalised body (whitespace runs
 * made one space, ends trimmed) as 32 hex digits, and its publisher ("" when unknown). The
 * same body from the same publisher is the same document. */
typedef struct vg_store_key {
    char body_hash[33];
    const char *publisher;
} vg_store_key;
void vg_store_key_of(const vg_document *doc, vg_store_key *key);

/* Whether a document with this key is stored already (so ingest can skip coding it). */
int vg_store_has(vg_store *store, const vg_store_key *key, int *found, vg_error *err);

/* What storing one document did. */
typedef struct vg_store_result {
    int is_new;                 /* 0: it was stored already and nothing changed */
    size_t events;              /* events stored */
    size_t incidents_new;       /* incidents it opened */
    size_t incidents_linked;    /* existing incidents it added events or claims to */
    size_t claims;              /* ledger entries it added */
    int is_copy;                /* its body is a near copy of a stored document's */
} vg_store_result;

/* Stores a coded document in one transaction (a savepoint inside a batch): the document, its sentences, actors and events,
 * then links its events into incidents and the claims ledger. A crash at any moment leaves
 * either all of it or none of it. Returns 0, or VG_EIO (with SQLite's message) / VG_ENOMEM. */
int vg_store_add(vg_store *store, const vg_coded_document *coded, vg_store_result *result, vg_error *err);

/* Batches: between begin and commit, documents are stored in one outer transaction (each still
 * all-or-nothing through a savepoint), which saves most of the cost of a commit per document.
 * A crash loses the uncommitted batch whole. Closing the store rolls an open batch back. */
int vg_store_batch_begin(vg_store *store, vg_error *err);
int vg_store_batch_commit(vg_store *store, vg_error *err);

/* Totals of the store. */
typedef struct vg_store_counts {
    long long documents, sentences, events, incidents, claims, actors;
} vg_store_counts;
int vg_store_counts_get(vg_store *store, vg_store_counts *counts, vg_error *err);

/* YYYYMMDD <-> "YYYY-MM-DD" (buf of 11 bytes; "" for 0), and day arithmetic on YYYYMMDD. */
void vg_store_date_format(int32_t ymd, char buf[11]);
int32_t vg_store_date_parse(const char *s);
int32_t vg_store_date_add_days(int32_t ymd, int days);
/* Days from a to b (b - a); both YYYYMMDD. */
long vg_store_days_between(int32_t a, int32_t b);

#endif
