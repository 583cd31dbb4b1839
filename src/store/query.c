/* The store's read side: incidents, ledgers, actors and the threat board as JSON values. */
#include "store/query.h"
#include "store/store_internal.h"
#include "store/threat.h"
#include "util/alloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Statements of the read side, prepared per call (a query command runs once). */
/* The names of the country codes a query's incidents use, looked up once each. */
#define READER_COUNTRIES 64

typedef struct reader {
    vg_store *store;
    sqlite3_stmt *ledger, *evidence, *publishers, *country, *side_name[2];
    char country_code[READER_COUNTRIES][4];
    char *country_name[READER_COUNTRIES];   /* NULL: the store knows no name */
    int n_countries;
} reader;

static int prepare(vg_store *store, const char *sql, sqlite3_stmt **stmt)
{
    if (sqlite3_prepare_v2(store->db, sql, -1, stmt, NULL) != SQLITE_OK)
        return vg_store_fail(store, "preparing a query");
    return 0;
}

static json_t *text_or_null(sqlite3_stmt *stmt, int col)
{
    const unsigned char *s = sqlite3_column_text(stmt, col);
    return s && *s ? json_string((const char *)s) : json_null();
}

static void set_text(json_t *obj, const char *key, sqlite3_stmt *stmt, int col)
{
    json_object_set_new(obj, key, text_or_null(stmt, col));
}

/* How a column of a row becomes a member of a JSON object (text: NULL or "" become null). */
typedef enum { AS_TEXT, AS_INTEGER, AS_BOOLEAN } column_kind;
typedef struct column {
    const char *key;   /* NULL: the column is left out */
    column_kind kind;
} column;

/* The current row of stmt as an object: its first n columns under columns[i].key, in order. */
static json_t *row_json(sqlite3_stmt *stmt, const column *columns, int n)
{
    json_t *o = json_object();
    for (int i = 0; i < n; i++) {
        if (!columns[i].key)
            continue;
        json_t *value = columns[i].kind == AS_INTEGER   ? json_integer(sqlite3_column_int64(stmt, i))
                        : columns[i].kind == AS_BOOLEAN ? json_boolean(sqlite3_column_int(stmt, i))
                                                        : text_or_null(stmt, i);
        json_object_set_new(o, columns[i].key, value);
    }
    return o;
}

#define N_COLUMNS(columns) ((int)(sizeof columns / sizeof *columns))

/* The end of a query: its result to *out, or freed when rc says it failed. Returns rc. */
static int hand_over(json_t *result, int rc, json_t **out)
{
    if (rc) {
        json_decref(result);
        return rc;
    }
    *out = result;
    return 0;
}

/* The name the store knows for country code `code` (its first three letters): the most
 * mentioned actor of that code with a name, or NULL. */
static const char *country_name(reader *r, const char *code)
{
    if (!code || strlen(code) < 3)
        return NULL;
    for (int k = 0; k < r->n_countries; k++)
        if (!strncmp(r->country_code[k], code, 3))
            return r->country_name[k];
    char *name = NULL;
    sqlite3_reset(r->country);
    sqlite3_bind_text(r->country, 1, code, 3, SQLITE_TRANSIENT);
    if (sqlite3_step(r->country) == SQLITE_ROW && sqlite3_column_text(r->country, 0))
        name = vg_strdup((const char *)sqlite3_column_text(r->country, 0));
    if (r->n_countries == READER_COUNTRIES) { /* more codes than a page of incidents has: start over */
        for (int k = 0; k < r->n_countries; k++)
            vg_free(r->country_name[k]);
        r->n_countries = 0;
    }
    snprintf(r->country_code[r->n_countries], 4, "%.3s", code);
    r->country_name[r->n_countries++] = name;
    return name;
}

/* The name an incident's events resolved a one-word side to ("she": Mira Castell), or NULL:
 * the incident keeps no name for a side found through a pronoun (it tells targets apart by
 * names), but its events keep what the coder resolved. side: 0 source, 1 target. */
static json_t *resolved_name(reader *r, int side, const char *incident, const char *text)
{
    sqlite3_stmt *s = r->side_name[side];
    json_t *name = NULL;
    sqlite3_reset(s);
    sqlite3_bind_text(s, 1, incident, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, text, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        name = json_string((const char *)sqlite3_column_text(s, 0));
    return name;
}

/* An incident's side (0 source, 1 target: INCIDENT_COLUMNS 7-9 and 10-12): its words, code
 * and name, and with no name of its own the name of the country its code begins with ("its
 * intelligence service", XKRSPY: Karesh), and for a side named by one word (a pronoun) the
 * name its events resolved it to ("refers_to"). */
static json_t *actor_json(reader *r, sqlite3_stmt *stmt, int side)
{
    int text_col = 7 + 3 * side, code_col = text_col + 1, name_col = text_col + 2;
    if (sqlite3_column_type(stmt, text_col) == SQLITE_NULL && sqlite3_column_type(stmt, code_col) == SQLITE_NULL
        && sqlite3_column_type(stmt, name_col) == SQLITE_NULL)
        return json_null();
    json_t *a = json_object();
    set_text(a, "text", stmt, text_col);
    set_text(a, "code", stmt, code_col);
    set_text(a, "name", stmt, name_col);
    const char *code = (const char *)sqlite3_column_text(stmt, code_col);
    const char *country = sqlite3_column_type(stmt, name_col) == SQLITE_NULL && code && strlen(code) > 3
                              ? country_name(r, code) : NULL;
    if (country)
        json_object_set_new(a, "country_name", json_string(country));
    const char *text = (const char *)sqlite3_column_text(stmt, text_col);
    if (sqlite3_column_type(stmt, name_col) == SQLITE_NULL && text && *text && !strchr(text, ' ')) {
        json_t *name = resolved_name(r, side, (const char *)sqlite3_column_text(stmt, 0), text);
        if (name)
            json_object_set_new(a, "refers_to", name);
    }
    return a;
}

#define INCIDENT_COLUMNS                                                                                      \
    "i.id, i.family, i.cameo, i.cameo_name, i.severity, i.mode, i.stance, i.source_text, i.source_code,"      \
    " i.source_name, i.target_text, i.target_code, i.target_name, i.place_name, i.place_country, i.date,"     \
    " i.date_precision, i.first_reported, i.last_reported, i.n_events, i.n_documents, i.n_sources, i.n_claims," \
    " i.weight, i.window_lo, i.window_hi"

/* An incident's own columns (INCIDENT_COLUMNS); a place known only by its country is given
 * the country's name ("XAS" of "the convoy of Norland's ambassador to Astoria": Astoria). */
static json_t *incident_json(reader *r, sqlite3_stmt *stmt)
{
    json_t *o = json_object();
    set_text(o, "id", stmt, 0);
    set_text(o, "family", stmt, 1);
    set_text(o, "cameo", stmt, 2);
    set_text(o, "event", stmt, 3);
    json_object_set_new(o, "severity", json_integer(sqlite3_column_int(stmt, 4)));
    set_text(o, "mode", stmt, 5);
    set_text(o, "stance", stmt, 6);
    json_object_set_new(o, "source", actor_json(r, stmt, 0));
    json_object_set_new(o, "target", actor_json(r, stmt, 1));
    if (sqlite3_column_type(stmt, 13) != SQLITE_NULL || sqlite3_column_type(stmt, 14) != SQLITE_NULL) {
        json_t *place = json_object();
        set_text(place, "name", stmt, 13);
        set_text(place, "country", stmt, 14);
        const char *country = sqlite3_column_type(stmt, 13) == SQLITE_NULL
                                  ? country_name(r, (const char *)sqlite3_column_text(stmt, 14)) : NULL;
        if (country)
            json_object_set_new(place, "name", json_string(country));
        json_object_set_new(o, "place", place);
    } else {
        json_object_set_new(o, "place", json_null());
    }
    set_text(o, "date", stmt, 15);
    set_text(o, "date_precision", stmt, 16);
    /* the days the act may have happened on, as the linker matches them (docs/incidents.md) */
    const char *lo = (const char *)sqlite3_column_text(stmt, 24);
    if (lo && strcmp(lo, "0001-01-01") && sqlite3_column_type(stmt, 25) != SQLITE_NULL) { /* not undated */
        json_t *window = json_object();
        set_text(window, "from", stmt, 24);
        set_text(window, "to", stmt, 25);
        json_object_set_new(o, "date_window", window);
    }
    set_text(o, "first_reported", stmt, 17);
    set_text(o, "last_reported", stmt, 18);
    json_object_set_new(o, "events", json_integer(sqlite3_column_int(stmt, 19)));
    json_object_set_new(o, "documents", json_integer(sqlite3_column_int(stmt, 20)));
    json_object_set_new(o, "independent_sources", json_integer(sqlite3_column_int(stmt, 21)));
    json_object_set_new(o, "claims", json_integer(sqlite3_column_int(stmt, 22)));
    json_object_set_new(o, "weight", json_real(sqlite3_column_double(stmt, 23)));
    return o;
}

static int reader_open(reader *r, vg_store *store)
{
    memset(r, 0, sizeof *r);
    r->store = store;
    if (prepare(store,
                "SELECT c.role, c.actor_text, c.actor_code, c.actor_name, c.anonymous, c.said_on, c.publisher,"
                " d.doc_id, c.sentence, s.text FROM claims c JOIN documents d ON d.id = c.document"
                " LEFT JOIN sentences s ON s.document = c.document AND s.idx = c.sentence"
                " WHERE c.incident = ?1 ORDER BY c.said_on, c.id",
                &r->ledger)
        || prepare(store,
                   "SELECT d.doc_id, CASE WHEN d.origin LIKE 'body:%' THEN NULL ELSE d.origin END, d.pubdate,"
                   " e.sentence, s.text, e.cameo, e.mode, e.stance,"
                   " e.negated, e.rule_file, e.rule_line FROM events e JOIN documents d ON d.id = e.document"
                   " LEFT JOIN sentences s ON s.document = e.document AND s.idx = e.sentence"
                   " WHERE e.incident = ?1 AND e.link = 'act' GROUP BY e.document, e.sentence"
                   " ORDER BY d.pubdate, min(e.id)",
                   &r->evidence)
        || prepare(store,
                   "SELECT DISTINCT d.publisher, d.origin, d.doc_id, d.copy_of IS NOT NULL FROM documents d"
                   " WHERE d.id IN (SELECT document FROM events WHERE incident = ?1) ORDER BY d.id",
                   &r->publishers)
        || prepare(store,
                   "SELECT a.name FROM actor_codes ac JOIN actors a ON a.id = ac.actor"
                   " WHERE ac.code = ?1 AND a.name IS NOT NULL ORDER BY ac.mentions DESC LIMIT 1",
                   &r->country)
        || prepare(store,
                   "SELECT source_name FROM events WHERE incident = ?1 AND source_text = ?2"
                   " AND source_name IS NOT NULL LIMIT 1",
                   &r->side_name[0])
        || prepare(store,
                   "SELECT target_name FROM events WHERE incident = ?1 AND target_text = ?2"
                   " AND target_name IS NOT NULL LIMIT 1",
                   &r->side_name[1]))
        return VG_EIO;
    return 0;
}

static void reader_close(reader *r)
{
    sqlite3_finalize(r->ledger);
    sqlite3_finalize(r->evidence);
    sqlite3_finalize(r->publishers);
    sqlite3_finalize(r->country);
    sqlite3_finalize(r->side_name[0]);
    sqlite3_finalize(r->side_name[1]);
    for (int k = 0; k < r->n_countries; k++)
        vg_free(r->country_name[k]);
}

static const column ledger_columns[] = {
    {NULL, AS_TEXT}, {"actor", AS_TEXT}, {"code", AS_TEXT}, {"name", AS_TEXT}, {"anonymous", AS_BOOLEAN},
    {"said_on", AS_TEXT}, {"publisher", AS_TEXT}, {"doc", AS_TEXT}, {"sentence", AS_INTEGER}, {"text", AS_TEXT},
};
static const column publisher_columns[] = {
    {"publisher", AS_TEXT}, {"counts_as", AS_TEXT}, {"doc", AS_TEXT}, {"copy", AS_BOOLEAN},
};
static const column evidence_columns[] = { /* then the rule's file and line */
    {"doc", AS_TEXT}, {"publisher", AS_TEXT}, {"published", AS_TEXT}, {"sentence", AS_INTEGER}, {"text", AS_TEXT},
    {"cameo", AS_TEXT}, {"mode", AS_TEXT}, {"stance", AS_TEXT}, {"negated", AS_BOOLEAN},
};

/* {"alleges": [...], "confirms": [...], "denies": [...], "no_comment": [...]} */
static int add_ledger(reader *r, json_t *incident, const char *id)
{
    json_t *ledger = json_object();
    static const char *const roles[] = {"alleges", "confirms", "denies", "no_comment"};
    for (int i = 0; i < 4; i++)
        json_object_set_new(ledger, roles[i], json_array());
    sqlite3_reset(r->ledger);
    sqlite3_bind_text(r->ledger, 1, id, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(r->ledger)) == SQLITE_ROW) {
        json_t *c = row_json(r->ledger, ledger_columns, N_COLUMNS(ledger_columns));
        json_t *list = json_object_get(ledger, (const char *)sqlite3_column_text(r->ledger, 0));
        if (list)
            json_array_append_new(list, c);
        else
            json_decref(c);
    }
    json_object_set_new(incident, "ledger", ledger);
    if (rc != SQLITE_DONE)
        return vg_store_fail(r->store, "reading a ledger");

    json_t *publishers = json_array();
    sqlite3_reset(r->publishers);
    sqlite3_bind_text(r->publishers, 1, id, -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step(r->publishers)) == SQLITE_ROW)
        json_array_append_new(publishers, row_json(r->publishers, publisher_columns, N_COLUMNS(publisher_columns)));
    json_object_set_new(incident, "reported_by", publishers);
    if (rc != SQLITE_DONE)
        return vg_store_fail(r->store, "reading publishers");
    return 0;
}

/* The sentences that report the act: the evidence behind an incident. */
static int add_evidence(reader *r, json_t *incident, const char *id, size_t max)
{
    json_t *list = json_array();
    sqlite3_reset(r->evidence);
    sqlite3_bind_text(r->evidence, 1, id, -1, SQLITE_TRANSIENT);
    int rc;
    size_t n = 0;
    while ((rc = sqlite3_step(r->evidence)) == SQLITE_ROW) {
        if (max && n++ >= max)
            continue;
        json_t *e = row_json(r->evidence, evidence_columns, N_COLUMNS(evidence_columns));
        if (sqlite3_column_type(r->evidence, 9) != SQLITE_NULL) {
            char rule[512];
            snprintf(rule, sizeof rule, "%s:%d", (const char *)sqlite3_column_text(r->evidence, 9),
                     sqlite3_column_int(r->evidence, 10));
            json_object_set_new(e, "rule", json_string(rule));
        }
        json_array_append_new(list, e);
    }
    json_object_set_new(incident, "evidence", list);
    if (rc != SQLITE_DONE)
        return vg_store_fail(r->store, "reading evidence");
    return 0;
}

/* The incident of stmt's current row (INCIDENT_COLUMNS) into *out, with its ledger and
 * evidence when with_ledger; *out is set (and the caller's) even when rc says a part failed. */
static int incident_read(reader *r, sqlite3_stmt *stmt, int with_ledger, json_t **out)
{
    json_t *o = incident_json(r, stmt);
    const char *id = (const char *)sqlite3_column_text(stmt, 0);
    int rc = 0;
    if (with_ledger) {
        rc = add_ledger(r, o, id);
        if (!rc)
            rc = add_evidence(r, o, id, 0);
    }
    *out = o;
    return rc;
}

int vg_store_incidents_each(vg_store *store, const vg_incident_query *q, vg_incident_fn fn, void *context,
                            long long *total, vg_error *err)
{
    store->err = err;
    reader r;
    sqlite3_stmt *stmt = NULL, *count = NULL;
    int rc = reader_open(&r, store);
    if (!rc)
        rc = prepare(store,
                     "SELECT " INCIDENT_COLUMNS " FROM incidents i"
                     " WHERE (?1 IS NULL OR i.last_reported >= ?1) AND i.severity >= ?3"
                     " ORDER BY i.last_reported DESC, i.severity DESC, i.seq DESC LIMIT ?2",
                     &stmt);
    if (!rc && total)
        rc = prepare(store,
                     "SELECT count(*) FROM incidents WHERE (?1 IS NULL OR last_reported >= ?1) AND severity >= ?2",
                     &count);
    if (!rc && total) {
        vg_store_bind_text(count, 1, q->since);
        sqlite3_bind_int(count, 2, q->min_severity);
        *total = sqlite3_step(count) == SQLITE_ROW ? sqlite3_column_int64(count, 0) : 0;
    }
    if (!rc) {
        vg_store_bind_text(stmt, 1, q->since);
        sqlite3_bind_int64(stmt, 2, q->limit ? (int64_t)q->limit : -1);
        sqlite3_bind_int(stmt, 3, q->min_severity);
        int step;
        while (!rc && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
            json_t *o;
            rc = incident_read(&r, stmt, q->ledger, &o);
            if (!rc)
                rc = fn(context, o);
            json_decref(o);
        }
        if (!rc && step != SQLITE_DONE)
            rc = vg_store_fail(store, "listing incidents");
    }
    sqlite3_finalize(stmt);
    sqlite3_finalize(count);
    reader_close(&r);
    return rc;
}

static int append_incident(void *context, const json_t *incident)
{
    return json_array_append((json_t *)context, (json_t *)incident) ? VG_ENOMEM : 0;
}

int vg_store_incidents(vg_store *store, const vg_incident_query *q, json_t **out, vg_error *err)
{
    *out = NULL;
    json_t *result = json_object(), *list = json_array();
    json_object_set_new(result, "incidents", list);
    long long total = 0;
    int rc = vg_store_incidents_each(store, q, append_incident, list, &total, err);
    if (rc) {
        if (rc == VG_ENOMEM)
            vg_error_set(err, VG_ENOMEM, "out of memory");
        json_decref(result);
        return rc;
    }
    json_object_set_new(result, "total", json_integer(total));
    *out = result;
    return 0;
}

int vg_store_claims(vg_store *store, const char *entity, size_t limit, json_t **out, vg_error *err)
{
    store->err = err;
    *out = NULL;
    reader r;
    sqlite3_stmt *stmt = NULL, *said = NULL;
    int rc = reader_open(&r, store);
    /* An incident id, else every incident with a source or target of that code, canonical name
     * or wording. */
    if (!rc)
        rc = prepare(store,
                     "SELECT " INCIDENT_COLUMNS " FROM incidents i WHERE i.id = ?1 OR i.id IN"
                     " (SELECT incident FROM incident_actors WHERE code = ?1 OR name = ?1 COLLATE NOCASE"
                     "  OR text LIKE '%' || ?1 || '%')"
                     " ORDER BY i.last_reported DESC, i.seq DESC LIMIT ?2",
                     &stmt);
    if (!rc)
        rc = prepare(store,
                     "SELECT c.incident, c.role, c.actor_text, c.said_on, c.publisher, d.doc_id, c.sentence, s.text,"
                     " i.cameo_name, i.target_text, c.actor_name FROM claims c JOIN documents d ON d.id = c.document"
                     " JOIN incidents i ON i.id = c.incident"
                     " LEFT JOIN sentences s ON s.document = c.document AND s.idx = c.sentence"
                     " WHERE c.actor_code = ?1 OR c.actor_name = ?1 COLLATE NOCASE OR c.actor_text LIKE '%' || ?1 || '%'"
                     " ORDER BY c.said_on DESC, c.id LIMIT ?2",
                     &said);
    json_t *result = json_object(), *list = json_array(), *said_list = json_array();
    json_object_set_new(result, "entity", json_string(entity));
    json_object_set_new(result, "incidents", list);
    json_object_set_new(result, "said", said_list);
    if (!rc) {
        sqlite3_bind_text(stmt, 1, entity, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(stmt, 2, limit ? (int64_t)limit : -1);
        int step;
        while (!rc && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
            json_t *o;
            rc = incident_read(&r, stmt, 1, &o);
            json_array_append_new(list, o);
        }
        if (!rc && step != SQLITE_DONE)
            rc = vg_store_fail(store, "finding incidents");
    }
    if (!rc) {
        sqlite3_bind_text(said, 1, entity, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(said, 2, limit ? (int64_t)limit : -1);
        int step;
        static const column said_columns[] = {
            {"incident", AS_TEXT}, {"role", AS_TEXT}, {"actor", AS_TEXT}, {"said_on", AS_TEXT},
            {"publisher", AS_TEXT}, {"doc", AS_TEXT}, {"sentence", AS_INTEGER}, {"text", AS_TEXT},
            {"event", AS_TEXT}, {"target", AS_TEXT}, {"name", AS_TEXT},
        };
        while ((step = sqlite3_step(said)) == SQLITE_ROW)
            json_array_append_new(said_list, row_json(said, said_columns, N_COLUMNS(said_columns)));
        if (step != SQLITE_DONE)
            rc = vg_store_fail(store, "finding claims");
    }
    sqlite3_finalize(stmt);
    sqlite3_finalize(said);
    reader_close(&r);
    return hand_over(result, rc, out);
}

/* Every row of stmt, run with ?1 bound to id, as an array of row_json objects. */
static json_t *rows_json(sqlite3_stmt *stmt, int64_t id, const column *columns, int n)
{
    json_t *rows = json_array();
    sqlite3_reset(stmt);
    sqlite3_bind_int64(stmt, 1, id);
    while (sqlite3_step(stmt) == SQLITE_ROW)
        json_array_append_new(rows, row_json(stmt, columns, n));
    return rows;
}

static const column actor_columns[] = {
    {NULL, AS_TEXT}, {"key", AS_TEXT}, {"name", AS_TEXT}, {"code", AS_TEXT}, {"mentions", AS_INTEGER},
};
static const column code_columns[] = {{"code", AS_TEXT}, {"mentions", AS_INTEGER}};
static const column alias_columns[] = {{"alias", AS_TEXT}, {"mentions", AS_INTEGER}};
static const column incident_columns[] = {
    {"incident", AS_TEXT}, {"as", AS_TEXT}, {"event", AS_TEXT}, {"mode", AS_TEXT},
    {"stance", AS_TEXT}, {"date", AS_TEXT}, {"target", AS_TEXT}, {"source", AS_TEXT},
};

int vg_store_actor(vg_store *store, const char *name, size_t limit, json_t **out, vg_error *err)
{
    store->err = err;
    *out = NULL;
    sqlite3_stmt *find = NULL, *codes = NULL, *aliases = NULL, *incidents = NULL, *said = NULL;
    int rc = prepare(store,
                     "SELECT a.id, a.key, a.name, a.code, a.mentions FROM actors a WHERE a.key = ?1 COLLATE NOCASE"
                     " OR a.name = ?1 COLLATE NOCASE"
                     " OR a.id IN (SELECT actor FROM actor_codes WHERE code = ?1)"
                     " OR a.id IN (SELECT actor FROM actor_aliases WHERE alias LIKE '%' || ?1 || '%')"
                     /* The actor so named first, then those whose codes or wordings match. */
                     " ORDER BY (a.key = ?1 COLLATE NOCASE OR a.name = ?1 COLLATE NOCASE) DESC,"
                     " (a.id IN (SELECT actor FROM actor_codes WHERE code = ?1)) DESC, a.mentions DESC, a.id LIMIT ?2",
                     &find);
    if (!rc)
        rc = prepare(store, "SELECT code, mentions FROM actor_codes WHERE actor = ?1 ORDER BY mentions DESC, code",
                     &codes);
    if (!rc)
        rc = prepare(store,
                     "SELECT alias, mentions FROM actor_aliases WHERE actor = ?1 ORDER BY mentions DESC, alias LIMIT 50",
                     &aliases);
    if (!rc)
        rc = prepare(store,
                     "SELECT DISTINCT e.incident, CASE WHEN e.source_actor = ?1 THEN 'source' ELSE 'target' END,"
                     " i.cameo_name, i.mode, i.stance, i.date, i.target_text, i.source_text FROM events e"
                     " JOIN incidents i ON i.id = e.incident"
                     " WHERE (e.source_actor = ?1 OR e.target_actor = ?1) AND e.link = 'act'"
                     " ORDER BY i.last_reported DESC LIMIT 50",
                     &incidents);
    if (!rc)
        rc = prepare(store, "SELECT role, count(*) FROM claims WHERE actor = ?1 GROUP BY role ORDER BY role", &said);
    json_t *result = json_object(), *list = json_array();
    json_object_set_new(result, "query", json_string(name));
    json_object_set_new(result, "actors", list);
    if (!rc) {
        sqlite3_bind_text(find, 1, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(find, 2, limit ? (int64_t)limit : -1);
        int step;
        while (!rc && (step = sqlite3_step(find)) == SQLITE_ROW) {
            int64_t id = sqlite3_column_int64(find, 0);
            json_t *a = row_json(find, actor_columns, N_COLUMNS(actor_columns)), *cl = json_object();
            json_t *c = rows_json(codes, id, code_columns, N_COLUMNS(code_columns));
            json_t *al = rows_json(aliases, id, alias_columns, N_COLUMNS(alias_columns));
            json_t *inc = rows_json(incidents, id, incident_columns, N_COLUMNS(incident_columns));
            sqlite3_reset(said);
            sqlite3_bind_int64(said, 1, id);
            while (sqlite3_step(said) == SQLITE_ROW)
                json_object_set_new(cl, (const char *)sqlite3_column_text(said, 0),
                                    json_integer(sqlite3_column_int64(said, 1)));
            json_object_set_new(a, "codes", c);
            json_object_set_new(a, "aliases", al);
            json_object_set_new(a, "incidents", inc);
            json_object_set_new(a, "claims_made", cl);
            json_array_append_new(list, a);
        }
        if (!rc && step != SQLITE_DONE)
            rc = vg_store_fail(store, "finding actors");
    }
    sqlite3_finalize(find);
    sqlite3_finalize(codes);
    sqlite3_finalize(aliases);
    sqlite3_finalize(incidents);
    sqlite3_finalize(said);
    return hand_over(result, rc, out);
}

/* ---- the board ---- */

typedef struct scored {
    char id[24];
    double weight, recency, contribution;
    int32_t dated;              /* the date recency was measured from */
} scored;

static int by_contribution(const void *a, const void *b)
{
    const scored *x = a, *y = b;
    if (x->contribution != y->contribution)
        return x->contribution < y->contribution ? 1 : -1;
    return strcmp(x->id, y->id);
}

static int by_id(const void *a, const void *b)
{
    return strcmp(((const scored *)a)->id, ((const scored *)b)->id);
}

typedef struct entity_score {
    json_t *json;
    int level;
    double score;
} entity_score;

static int by_level(const void *a, const void *b)
{
    const entity_score *x = a, *y = b;
    if (x->level != y->level)
        return y->level - x->level;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return 0;
}

/* The date an incident's recency is measured from: when the act happened if a report says
 * (day, month, part of year, year), else when it was last reported. */
static int32_t recency_date(sqlite3_stmt *stmt, int date_col, int precision_col, int last_col)
{
    const char *precision = (const char *)sqlite3_column_text(stmt, precision_col);
    const char *date = (const char *)sqlite3_column_text(stmt, date_col);
    if (date && precision
        && (!strcmp(precision, "day") || !strcmp(precision, "month") || !strcmp(precision, "part_of_year")
            || !strcmp(precision, "year")))
        return vg_store_date_parse(date);
    return vg_store_date_parse((const char *)sqlite3_column_text(stmt, last_col));
}

static int board_entry(vg_store *store, reader *r, sqlite3_stmt *by_code, sqlite3_stmt *all_targets,
                       sqlite3_stmt *one, const vg_watch_entry *e, int32_t as_of, size_t top, entity_score *out)
{
    scored *items = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    /* Candidate target mentions: by code pattern when the entry has codes, else all. */
    size_t passes = e->n_codes ? e->n_codes : 1;
    for (size_t p = 0; p < passes && !rc; p++) {
        sqlite3_stmt *stmt = e->n_codes ? by_code : all_targets;
        sqlite3_reset(stmt);
        if (e->n_codes)
            sqlite3_bind_text(stmt, 1, e->codes[p], -1, SQLITE_TRANSIENT);
        int step;
        while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
            const char *id = (const char *)sqlite3_column_text(stmt, 0);
            if (!vg_watch_matches(e, (const char *)sqlite3_column_text(stmt, 1),
                                  (const char *)sqlite3_column_text(stmt, 2),
                                  (const char *)sqlite3_column_text(stmt, 3),
                                  (const char *)sqlite3_column_text(stmt, 4)))
                continue;
            if (n && strcmp(items[n - 1].id, id) == 0)
                continue; /* rows come grouped by incident */
            if (n == cap) {
                cap = cap ? 2 * cap : 64;
                scored *grown = vg_realloc(items, cap * sizeof *items);
                if (!grown) {
                    rc = vg_error_set(store->err, VG_ENOMEM, "out of memory");
                    break;
                }
                items = grown;
            }
            scored *s = &items[n++];
            memset(s, 0, sizeof *s);
            snprintf(s->id, sizeof s->id, "%s", id);
            s->weight = sqlite3_column_double(stmt, 5);
            s->dated = recency_date(stmt, 6, 7, 8);
            s->recency = vg_threat_recency(s->dated, as_of);
            s->contribution = s->weight * s->recency;
        }
        if (!rc && step != SQLITE_DONE)
            rc = vg_store_fail(store, "matching the watchlist");
    }
    if (rc) {
        vg_free(items);
        return rc;
    }
    /* Several code patterns may find one incident twice. */
    if (n)
        qsort(items, n, sizeof *items, by_id);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (kept == 0 || strcmp(items[kept - 1].id, items[i].id) != 0)
            items[kept++] = items[i];
    n = kept;
    if (n)
        qsort(items, n, sizeof *items, by_contribution);
    double score = 0;
    for (size_t i = 0; i < n; i++)
        score += items[i].contribution;
    int level = vg_threat_level(score);

    json_t *o = json_object();
    json_object_set_new(o, "entity", json_string(e->name));
    json_object_set_new(o, "kind", json_string(vg_watch_kind_name(e->kind)));
    json_object_set_new(o, "level", json_integer(level));
    json_object_set_new(o, "level_name", json_string(vg_threat_level_name(level)));
    json_object_set_new(o, "score", json_real(score));
    json_object_set_new(o, "incidents_total", json_integer((json_int_t)n));
    char where[512];
    snprintf(where, sizeof where, "%s:%u", e->file, e->line);
    json_object_set_new(o, "watchlist", json_string(where));
    json_t *list = json_array();
    for (size_t i = 0; i < n && !rc; i++) {
        json_t *x = json_object();
        json_object_set_new(x, "id", json_string(items[i].id));
        json_object_set_new(x, "weight", json_real(items[i].weight));
        json_object_set_new(x, "recency", json_real(items[i].recency));
        json_object_set_new(x, "contribution", json_real(items[i].contribution));
        if (i < top) {
            /* The top incidents in full, with the sentences behind them. */
            sqlite3_reset(one);
            sqlite3_bind_text(one, 1, items[i].id, -1, SQLITE_TRANSIENT);
            if (sqlite3_step(one) == SQLITE_ROW) {
                json_t *inc = incident_json(r, one);
                json_object_update(x, inc);
                json_decref(inc);
                rc = add_ledger(r, x, items[i].id);
                if (!rc)
                    rc = add_evidence(r, x, items[i].id, 5);
            }
        }
        json_array_append_new(list, x);
    }
    json_object_set_new(o, "incidents", list);
    vg_free(items);
    out->json = o;
    out->level = level;
    out->score = score;
    return rc;
}

int vg_store_board(vg_store *store, const vg_watchlist *list, int32_t as_of, size_t top, json_t **out,
                   vg_error *err)
{
    store->err = err;
    *out = NULL;
    reader r;
    sqlite3_stmt *by_code = NULL, *all_targets = NULL, *one = NULL, *latest = NULL;
    int rc = reader_open(&r, store);
    static const char target_columns[] =
        "SELECT ia.incident, ia.code, ia.name, ia.text, ia.host, i.weight, i.date, i.date_precision,"
        " i.last_reported FROM incident_actors ia JOIN incidents i ON i.id = ia.incident"
        " WHERE ia.role = 'target'";
    char sql[1024];
    snprintf(sql, sizeof sql, "%s AND ia.code GLOB ?1 ORDER BY ia.incident", target_columns);
    if (!rc)
        rc = prepare(store, sql, &by_code);
    snprintf(sql, sizeof sql, "%s ORDER BY ia.incident", target_columns);
    if (!rc)
        rc = prepare(store, sql, &all_targets);
    if (!rc)
        rc = prepare(store, "SELECT " INCIDENT_COLUMNS " FROM incidents i WHERE i.id = ?1", &one);
    if (!rc)
        rc = prepare(store, "SELECT max(pubdate) FROM documents", &latest);
    if (!rc && !as_of) {
        if (sqlite3_step(latest) == SQLITE_ROW)
            as_of = vg_store_date_parse((const char *)sqlite3_column_text(latest, 0));
    }
    size_t n = vg_watchlist_count(list);
    entity_score *scores = vg_calloc(n ? n : 1, sizeof *scores);
    if (!scores && !rc)
        rc = vg_error_set(err, VG_ENOMEM, "out of memory");
    for (size_t i = 0; i < n && !rc; i++)
        rc = board_entry(store, &r, by_code, all_targets, one, vg_watchlist_at(list, i), as_of, top, &scores[i]);
    json_t *result = json_object(), *entities = json_array();
    char as_of_text[11];
    vg_store_date_format(as_of, as_of_text);
    json_object_set_new(result, "as_of", as_of_text[0] ? json_string(as_of_text) : json_null());
    json_object_set_new(result, "half_life_days", json_real(VG_THREAT_HALF_LIFE_DAYS));
    json_object_set_new(result, "entities", entities);
    if (!rc) {
        if (n)
            qsort(scores, n, sizeof *scores, by_level);
        for (size_t i = 0; i < n; i++) {
            json_array_append_new(entities, scores[i].json);
            scores[i].json = NULL;
        }
    }
    for (size_t i = 0; i < n && scores; i++)
        json_decref(scores[i].json);
    vg_free(scores);
    sqlite3_finalize(by_code);
    sqlite3_finalize(all_targets);
    sqlite3_finalize(one);
    sqlite3_finalize(latest);
    reader_close(&r);
    return hand_over(result, rc, out);
}
