/* What the three exports (export_jsonl.h, export_csv.h, export_stix.h) share: their options,
 * the walk over stored events with their documents and incidents, stable event ids and
 * UUIDv5 ids. Formats: docs/formats/exports.md. */
#ifndef VIGIL_STORE_EXPORT_H
#define VIGIL_STORE_EXPORT_H
#include <stdint.h>
#include <stdio.h>
#include "code/cameo.h"
#include "code/dict.h"
#include "store/store.h"

typedef struct vg_export_options {
    const char *since;      /* "YYYY-MM-DD" or NULL: events of documents published on or after it;
                             * STIX: incidents last reported on or after it */
    const vg_cameo *cameo;  /* the codebook (quad classes); required by the CSV export */
    const vg_dict *dict;    /* actor dictionaries (STIX identity classes, country names); may be NULL */
} vg_export_options;

/* One stored event as the exports read it. Strings are borrowed from the statement (valid
 * during the callback) and NULL when the store has none. */
typedef struct vg_export_event {
    int64_t rowid;
    uint64_t id;                 /* stable id: vg_export_event_id of its document and index */
    const char *doc_id, *title, *url, *publisher, *origin, *pubdate, *body_hash;
    int64_t copy_of_rowid;       /* 0 when the document is a first copy */
    int sentence, idx;
    const char *text;            /* the sentence */
    const char *cameo, *cameo_name, *root, *plover;
    int severity;
    double goldstein;
    int has_goldstein;
    const char *mode, *stance;
    int negated;
    const char *source_text, *source_code, *source_name;
    int source_anonymous;
    const char *target_text, *target_code, *target_name, *target_host;
    const char *date, *date_end, *date_precision, *date_text;
    const char *place_name, *place_country;
    const char *rule_file, *rule_text, *path;
    int rule_line;
    int span_start, span_end;
    int parent_idx;              /* idx of the event it is the content of, or -1 */
    const char *incident, *link;
    int incident_events, incident_documents, incident_sources;
} vg_export_event;

/* One attribution ("who says so") of an event. */
typedef struct vg_export_attribution {
    const char *text, *code, *name;
    int anonymous;
} vg_export_attribution;

typedef struct vg_export_walk vg_export_walk;
typedef int (*vg_export_event_fn)(void *context, vg_export_walk *walk, const vg_export_event *event);

/* Calls fn for each event of the documents the options select, in order of publication date,
 * then document, then index. fn returns 0 to go on, else the walk stops with that code.
 * Returns 0 or a VG_E* code with the message in err. */
int vg_export_events_each(vg_store *store, const vg_export_options *options, vg_export_event_fn fn,
                          void *context, vg_error *err);

/* The attributions of the walk's current event, in order: n is set; items are borrowed until
 * the next call. Returns 0 or VG_EIO. */
int vg_export_attributions(vg_export_walk *walk, const vg_export_event *event,
                           int (*fn)(void *context, const vg_export_attribution *a), void *context);

/* The stable id of an event: the first 63 bits of SHA-1 over its document's body hash,
 * publisher and index, so it does not depend on the order documents were ingested in. */
uint64_t vg_export_event_id(const char *body_hash, const char *publisher, int idx);

/* A STIX id "<type>--<UUIDv5>" for key under vigil's namespace (docs/formats/exports.md): the
 * UUID is version 5 over the name "<type>|<key>". out must hold strlen(type) + 39 bytes. */
void vg_export_stix_id(const char *type, const char *key, char *out, size_t size);

/* SHA-1 of data (20 bytes into digest). */
void vg_export_sha1(const void *data, size_t len, unsigned char digest[20]);

#endif
