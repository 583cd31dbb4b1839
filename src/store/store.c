/* The SQLite store: opening and migrating the file, and storing a coded document in one
 * transaction. Schema and its versions: docs/store.md. */
#include "store/store_internal.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/hash.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Migration k (1-based) brings a store from user_version k-1 to k. Never edit a migration
 * that has shipped: add the next one. */
static const char *const migrations[] = {
    /* 1: the first schema. */
    "CREATE TABLE documents ("
    "  id INTEGER PRIMARY KEY,"
    "  body_hash TEXT NOT NULL,"
    "  publisher TEXT NOT NULL DEFAULT '',"
    "  doc_id TEXT, name TEXT, url TEXT, pubdate TEXT, title TEXT,"
    "  simhash INTEGER NOT NULL,"
    "  band0 INTEGER NOT NULL, band1 INTEGER NOT NULL, band2 INTEGER NOT NULL,"
    "  band3 INTEGER NOT NULL, band4 INTEGER NOT NULL, band5 INTEGER NOT NULL,"
    "  copy_of INTEGER REFERENCES documents(id),"
    "  origin TEXT NOT NULL,"
    "  n_sentences INTEGER NOT NULL, n_events INTEGER NOT NULL,"
    "  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  UNIQUE (body_hash, publisher));"
    "CREATE INDEX documents_band0 ON documents(band0);"
    "CREATE INDEX documents_band1 ON documents(band1);"
    "CREATE INDEX documents_band2 ON documents(band2);"
    "CREATE INDEX documents_band3 ON documents(band3);"
    "CREATE INDEX documents_band4 ON documents(band4);"
    "CREATE INDEX documents_band5 ON documents(band5);"
    "CREATE INDEX documents_doc_id ON documents(doc_id);"
    "CREATE INDEX documents_simhash ON documents(simhash);"
    "CREATE TABLE sentences ("
    "  document INTEGER NOT NULL REFERENCES documents(id),"
    "  idx INTEGER NOT NULL,"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL,"
    "  text TEXT NOT NULL,"
    "  PRIMARY KEY (document, idx)) WITHOUT ROWID;"
    "CREATE TABLE actors ("
    "  id INTEGER PRIMARY KEY,"
    "  key TEXT NOT NULL UNIQUE,"
    "  name TEXT, code TEXT,"
    "  mentions INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE actor_codes ("
    "  actor INTEGER NOT NULL REFERENCES actors(id), code TEXT NOT NULL,"
    "  mentions INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (actor, code)) WITHOUT ROWID;"
    "CREATE INDEX actor_codes_code ON actor_codes(code);"
    "CREATE TABLE actor_aliases ("
    "  actor INTEGER NOT NULL REFERENCES actors(id), alias TEXT NOT NULL,"
    "  mentions INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (actor, alias)) WITHOUT ROWID;"
    "CREATE INDEX actor_aliases_alias ON actor_aliases(alias COLLATE NOCASE);"
    "CREATE TABLE incidents ("
    "  id TEXT PRIMARY KEY,"
    "  seq INTEGER NOT NULL UNIQUE,"
    "  family TEXT NOT NULL,"
    "  cameo TEXT NOT NULL, cameo_name TEXT, severity INTEGER NOT NULL,"
    "  mode TEXT NOT NULL, stance TEXT NOT NULL,"
    "  source_code TEXT, source_name TEXT, source_text TEXT,"
    "  target_code TEXT, target_name TEXT, target_text TEXT, target_country TEXT,"
    "  place_name TEXT, place_country TEXT,"
    "  date TEXT, date_precision TEXT, precision_rank INTEGER NOT NULL,"
    "  window_lo TEXT NOT NULL, window_hi TEXT NOT NULL,"
    "  first_reported TEXT, last_reported TEXT,"
    "  n_events INTEGER NOT NULL DEFAULT 0, n_documents INTEGER NOT NULL DEFAULT 0,"
    "  n_sources INTEGER NOT NULL DEFAULT 0, n_claims INTEGER NOT NULL DEFAULT 0,"
    "  weight REAL NOT NULL DEFAULT 0);"
    "CREATE INDEX incidents_match ON incidents(family, target_country, window_hi, window_lo);"
    "CREATE INDEX incidents_recent ON incidents(last_reported DESC, severity DESC);"
    "CREATE TABLE incident_actors ("
    "  incident TEXT NOT NULL REFERENCES incidents(id),"
    "  role TEXT NOT NULL CHECK (role IN ('source', 'target')),"
    "  code TEXT NOT NULL DEFAULT '', name TEXT NOT NULL DEFAULT '', text TEXT NOT NULL DEFAULT '',"
    "  host TEXT NOT NULL DEFAULT '',"
    "  PRIMARY KEY (incident, role, code, name, text, host)) WITHOUT ROWID;"
    "CREATE INDEX incident_actors_code ON incident_actors(role, code);"
    "CREATE TABLE events ("
    "  id INTEGER PRIMARY KEY,"
    "  document INTEGER NOT NULL REFERENCES documents(id),"
    "  sentence INTEGER NOT NULL, idx INTEGER NOT NULL,"
    "  cameo TEXT NOT NULL, cameo_name TEXT, root TEXT NOT NULL, plover TEXT, severity INTEGER NOT NULL, goldstein REAL,"
    "  mode TEXT NOT NULL, negated INTEGER NOT NULL, stance TEXT NOT NULL,"
    "  source_actor INTEGER REFERENCES actors(id), source_text TEXT, source_code TEXT, source_name TEXT,"
    "  source_anonymous INTEGER,"
    "  target_actor INTEGER REFERENCES actors(id), target_text TEXT, target_code TEXT, target_name TEXT,"
    "  target_host TEXT,"
    "  date TEXT, date_end TEXT, date_precision TEXT NOT NULL, date_text TEXT,"
    "  place_name TEXT, place_country TEXT,"
    "  rule_file TEXT, rule_line INTEGER, rule_text TEXT, path TEXT,"
    "  head INTEGER, span_start INTEGER, span_end INTEGER,"
    "  parent INTEGER REFERENCES events(id),"
    "  incident TEXT REFERENCES incidents(id),"
    "  link TEXT CHECK (link IN ('act', 'claim')),"
    "  UNIQUE (document, idx));"
    "CREATE INDEX events_incident ON events(incident);"
    "CREATE INDEX events_source_actor ON events(source_actor);"
    "CREATE INDEX events_target_actor ON events(target_actor);"
    "CREATE TABLE event_attributions ("
    "  event INTEGER NOT NULL REFERENCES events(id), idx INTEGER NOT NULL,"
    "  actor INTEGER REFERENCES actors(id),"
    "  text TEXT, code TEXT, name TEXT, anonymous INTEGER NOT NULL,"
    "  PRIMARY KEY (event, idx)) WITHOUT ROWID;"
    "CREATE TABLE claims ("
    "  id INTEGER PRIMARY KEY,"
    "  incident TEXT NOT NULL REFERENCES incidents(id),"
    "  role TEXT NOT NULL CHECK (role IN ('alleges', 'confirms', 'denies', 'no_comment')),"
    "  actor INTEGER REFERENCES actors(id),"
    "  actor_text TEXT NOT NULL DEFAULT '', actor_code TEXT, actor_name TEXT,"
    "  anonymous INTEGER NOT NULL DEFAULT 0,"
    "  event INTEGER NOT NULL REFERENCES events(id),"
    "  document INTEGER NOT NULL REFERENCES documents(id), sentence INTEGER NOT NULL,"
    "  said_on TEXT, publisher TEXT,"
    "  UNIQUE (incident, role, document, sentence, actor_text));"
    "CREATE INDEX claims_incident ON claims(incident);",
    /* 2: what a target's words name (person, facility), which tells acts apart. */
    "ALTER TABLE events ADD COLUMN target_kind TEXT;"
    "ALTER TABLE incidents ADD COLUMN target_kind TEXT;",
};
#define N_MIGRATIONS (sizeof migrations / sizeof *migrations)

/* The statements of vg_stmt_id, in its order. */
static const char *const statement_sql[ST_COUNT] = {
    [ST_DOC_EXISTS] = "SELECT id FROM documents WHERE body_hash = ?1 AND publisher = ?2",
    [ST_DOC_INSERT] =
        "INSERT INTO documents (body_hash, publisher, doc_id, name, url, pubdate, title, simhash,"
        " band0, band1, band2, band3, band4, band5, copy_of, origin, n_sentences, n_events)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?17, ?18, ?13, ?14, ?15, ?16)",
    [ST_DOC_NEAR] =
        "SELECT id, simhash, origin, copy_of FROM documents"
        " WHERE band0 = ?1 OR band1 = ?2 OR band2 = ?3 OR band3 = ?4 OR band4 = ?5 OR band5 = ?6 ORDER BY id",
    [ST_DOC_SAME_SIMHASH] = "SELECT id, simhash, origin, copy_of FROM documents WHERE simhash = ?1 ORDER BY id LIMIT 1",
    [ST_SENTENCE_INSERT] = "INSERT INTO sentences (document, idx, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    [ST_ACTOR_UPSERT] =
        "INSERT INTO actors (key, name, code, mentions) VALUES (?1, ?2, ?3, 1)"
        " ON CONFLICT (key) DO UPDATE SET mentions = mentions + 1,"
        " name = coalesce(actors.name, excluded.name), code = coalesce(actors.code, excluded.code)"
        " RETURNING id",
    [ST_ACTOR_CODE_UPSERT] =
        "INSERT INTO actor_codes (actor, code, mentions) VALUES (?1, ?2, 1)"
        " ON CONFLICT (actor, code) DO UPDATE SET mentions = mentions + 1",
    [ST_ACTOR_ALIAS_UPSERT] =
        "INSERT INTO actor_aliases (actor, alias, mentions) VALUES (?1, ?2, 1)"
        " ON CONFLICT (actor, alias) DO UPDATE SET mentions = mentions + 1",
    [ST_EVENT_INSERT] =
        "INSERT INTO events (document, sentence, idx, cameo, cameo_name, root, plover, severity, goldstein,"
        " mode, negated, stance, source_actor, source_text, source_code, source_name, source_anonymous,"
        " target_actor, target_text, target_code, target_name, target_host, target_kind,"
        " date, date_end, date_precision, date_text, place_name, place_country,"
        " rule_file, rule_line, rule_text, path, head, span_start, span_end)"
        " VALUES (?1, ?2, ?3, ?4, ?35, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,"
        " ?20, ?21, ?36, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34)",
    [ST_EVENT_SET_PARENT] = "UPDATE events SET parent = ?2 WHERE id = ?1",
    [ST_ATTRIBUTION_INSERT] =
        "INSERT INTO event_attributions (event, idx, actor, text, code, name, anonymous)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    /* Acts on the same target country, latest first: the index gives them in that order, so
     * the limit bounds the work however many incidents the store holds. */
    [ST_INCIDENT_CANDIDATES] =
        "SELECT id, source_code, target_code, target_name, place_country, precision_rank, window_lo, window_hi,"
        " target_kind, n_events, date"
        " FROM incidents WHERE family = ?1 AND target_country = ?4 AND window_hi >= ?2 AND window_lo <= ?3"
        " ORDER BY window_hi DESC LIMIT 200",
    [ST_INCIDENT_BY_ID] =
        "SELECT id, source_code, target_code, target_name, place_country, precision_rank, window_lo, window_hi,"
        " target_kind, n_events, date"
        " FROM incidents WHERE id = ?1 AND family = ?2 AND window_hi >= ?3 AND window_lo <= ?4",
    /* The incident of the act a near copy's event repeats: the same code and actors in the same
     * sentence of the story's stored copy (the nearest, should an outlet have added some). */
    [ST_COPY_EVENT_INCIDENT] =
        "SELECT e.incident FROM events e JOIN sentences s ON s.document = e.document AND s.idx = e.sentence"
        " WHERE e.document = ?1 AND e.link = 'act' AND e.cameo = ?2 AND coalesce(e.source_code, '') = ?3"
        " AND coalesce(e.target_code, '') = ?4"
        " AND s.text = (SELECT text FROM sentences WHERE document = ?5 AND idx = ?6)"
        " ORDER BY abs(e.sentence - ?6), e.idx LIMIT 1",
    [ST_INCIDENT_INSERT] =
        "INSERT INTO incidents (id, seq, family, cameo, severity, mode, stance, source_code, source_name,"
        " source_text, target_code, target_name, target_text, place_name, place_country, date,"
        " date_precision, precision_rank, window_lo, window_hi, target_country, target_kind)"
        " VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM incidents), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
        " ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, substr(?10, 1, 3), ?20)",
    [ST_INCIDENT_GET] = "SELECT 1 FROM incidents WHERE id = ?1",
    /* A new event narrows the incident's dates when it is more precise, and fills in actors
     * and a place the incident did not know. */
    [ST_INCIDENT_UPDATE_LINK] =
        "UPDATE incidents SET"
        /* a name and words only with their own code, so one actor's name never labels another's
         * code ("Karesh (XKRSPY)") */
        " source_name = coalesce(source_name, CASE WHEN source_code IS NULL OR source_code = ?2 THEN ?3 END),"
        " source_text = coalesce(source_text, CASE WHEN source_code IS NULL OR source_code = ?2 THEN ?4 END),"
        " source_code = coalesce(source_code, ?2),"
        " target_name = coalesce(target_name, CASE WHEN target_code IS NULL OR target_code = ?5 THEN ?6 END),"
        " target_text = coalesce(target_text, CASE WHEN target_code IS NULL OR target_code = ?5 THEN ?7 END),"
        " target_code = coalesce(target_code, ?5), target_country = coalesce(target_country, substr(?5, 1, 3)),"
        " target_kind = coalesce(target_kind, ?15),"
        " place_name = coalesce(place_name, ?8), place_country = coalesce(place_country, ?9),"
        " date = CASE WHEN ?12 < precision_rank THEN ?10 ELSE date END,"
        " date_precision = CASE WHEN ?12 < precision_rank THEN ?11 ELSE date_precision END,"
        " window_lo = CASE WHEN ?12 < precision_rank THEN ?13 ELSE window_lo END,"
        " window_hi = CASE WHEN ?12 < precision_rank THEN ?14 ELSE window_hi END,"
        " precision_rank = min(precision_rank, ?12)"
        " WHERE id = ?1",
    [ST_EVENT_SET_INCIDENT] = "UPDATE events SET incident = ?2, link = ?3 WHERE id = ?1",
    [ST_CLAIM_INSERT] =
        "INSERT OR IGNORE INTO claims (incident, role, actor, actor_text, actor_code, actor_name, anonymous,"
        " event, document, sentence, said_on, publisher)"
        " VALUES (?1, ?2, (SELECT id FROM actors WHERE key = ?3), ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    [ST_INCIDENT_ACTOR_INSERT] =
        "INSERT OR IGNORE INTO incident_actors (incident, role, code, name, text, host)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    /* The acts of an incident, the most telling first: what it did to its target. */
    [ST_INCIDENT_SUMMARY_ACTS] =
        "SELECT cameo, severity, mode, stance, negated, cameo_name FROM events WHERE incident = ?1 AND link = 'act'"
        " ORDER BY id",
    [ST_INCIDENT_SUMMARY_DOCS] =
        "SELECT count(*), count(DISTINCT d.origin), min(d.pubdate), max(d.pubdate) FROM documents d"
        " WHERE d.id IN (SELECT document FROM events WHERE incident = ?1)",
    [ST_INCIDENT_SUMMARY_CLAIMS] = "SELECT count(*) FROM claims WHERE incident = ?1",
    [ST_INCIDENT_UPDATE_SUMMARY] =
        "UPDATE incidents SET cameo = ?2, cameo_name = ?13, severity = ?3, mode = ?4, stance = ?5, n_events = ?6,"
        " n_documents = ?7, n_sources = ?8, first_reported = ?9, last_reported = ?10, n_claims = ?11,"
        " weight = ?12 WHERE id = ?1",
};

int vg_store_fail(vg_store *store, const char *what)
{
    return vg_error_set(store->err, VG_EIO, "store: %s: %s", what, sqlite3_errmsg(store->db));
}

sqlite3_stmt *vg_store_stmt(vg_store *store, vg_stmt_id id)
{
    sqlite3_stmt *stmt = store->stmts[id];
    if (!stmt) {
        if (sqlite3_prepare_v3(store->db, statement_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL)
            != SQLITE_OK) {
            vg_store_fail(store, "preparing a statement");
            return NULL;
        }
        store->stmts[id] = stmt;
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return stmt;
}

int vg_store_bind_text(sqlite3_stmt *stmt, int index, const char *text)
{
    return text ? sqlite3_bind_text(stmt, index, text, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(stmt, index);
}

static int exec(vg_store *store, const char *sql, const char *what)
{
    char *message = NULL;
    if (sqlite3_exec(store->db, sql, NULL, NULL, &message) != SQLITE_OK) {
        vg_error_set(store->err, VG_EIO, "store: %s: %s", what, message ? message : "failed");
        sqlite3_free(message);
        return VG_EIO;
    }
    return 0;
}

int vg_store_schema_version(vg_store *store)
{
    sqlite3_stmt *stmt;
    int version = -1;
    if (sqlite3_prepare_v2(store->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK) {
        if (sqlite3_step(stmt) == SQLITE_ROW)
            version = sqlite3_column_int(stmt, 0);
        sqlite3_finalize(stmt);
    }
    return version;
}

static int migrate(vg_store *store)
{
    int version = vg_store_schema_version(store);
    if (version < 0)
        return vg_store_fail(store, "reading the schema version");
    if (version > (int)N_MIGRATIONS)
        return vg_error_set(store->err, VG_EIO,
                            "store: schema version %d is newer than this vigil knows (%d)", version,
                            (int)N_MIGRATIONS);
    /* A file with tables but no version is someone else's database. */
    if (version == 0) {
        sqlite3_stmt *stmt;
        int tables = 0;
        if (sqlite3_prepare_v2(store->db, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL) == SQLITE_OK) {
            if (sqlite3_step(stmt) == SQLITE_ROW)
                tables = sqlite3_column_int(stmt, 0);
            sqlite3_finalize(stmt);
        }
        if (tables > 0)
            return vg_error_set(store->err, VG_EIO, "store: the file holds tables but is not a vigil store");
    }
    for (int v = version; v < (int)N_MIGRATIONS; v++) {
        char set_version[64];
        snprintf(set_version, sizeof set_version, "PRAGMA user_version = %d", v + 1);
        if (exec(store, "BEGIN IMMEDIATE", "starting a migration"))
            return VG_EIO;
        if (exec(store, migrations[v], "migrating the schema") || exec(store, set_version, "migrating the schema")
            || exec(store, "COMMIT", "committing a migration")) {
            sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
            return VG_EIO;
        }
    }
    return 0;
}

int vg_store_open(vg_store **out, const char *path, unsigned flags, vg_error *err)
{
    *out = NULL;
    vg_store *store = vg_calloc(1, sizeof *store);
    if (!store)
        return vg_error_set(err, VG_ENOMEM, "out of memory");
    store->err = err;
    int open_flags = (flags & VG_STORE_READONLY) ? SQLITE_OPEN_READONLY
                                                 : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &store->db, open_flags, NULL) != SQLITE_OK) {
        vg_error_set(err, VG_EIO, "store: cannot open %s: %s", path,
                     store->db ? sqlite3_errmsg(store->db) : "out of memory");
        vg_store_close(store);
        return VG_EIO;
    }
    sqlite3_busy_timeout(store->db, 10000);
    /* WAL with synchronous=NORMAL: a crash may lose the last commits but never leaves a torn
     * one, and commits do not wait for the disk; a rerun of ingest restores what was lost. */
    int rc;
    if (flags & VG_STORE_READONLY) {
        /* Queries read the file through a memory map (no copy into SQLite's page cache). */
        rc = exec(store, "PRAGMA foreign_keys = ON; PRAGMA query_only = ON; PRAGMA mmap_size = 1073741824",
                  "setting up");
        if (!rc) {
            int version = vg_store_schema_version(store);
            if (version > 0 && version < VG_STORE_SCHEMA_VERSION)
                rc = vg_error_set(err, VG_EIO, "store: %s has schema version %d, this vigil reads %d: the next"
                                  " vigil ingest into it brings it up to date",
                                  path, version, VG_STORE_SCHEMA_VERSION);
            else if (version != VG_STORE_SCHEMA_VERSION)
                rc = vg_error_set(err, VG_EIO, "store: %s is not a vigil store of schema version %d (it has %d)",
                                  path, VG_STORE_SCHEMA_VERSION, version);
        }
    } else {
        rc = exec(store,
                  "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
                  " PRAGMA cache_size = -65536",
                  "setting up");
        if (!rc)
            rc = migrate(store);
    }
    if (rc) {
        if (rc == VG_EIO && err && strncmp(err->message, "store: ", 7) == 0 && !strstr(err->message, path)) {
            char message[sizeof err->message];
            snprintf(message, sizeof message, "%s: %s", path, err->message + 7);
            vg_error_set(err, VG_EIO, "store: %s", message);
        }
        vg_store_close(store);
        return rc;
    }
    *out = store;
    return 0;
}

void vg_store_close(vg_store *store)
{
    if (!store)
        return;
    if (store->in_batch) /* an unfinished batch is not committed */
        sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(store->stmts[i]);
    sqlite3_close(store->db);
    vg_free(store);
}

/* ---- document identity ---- */

void vg_store_key_of(const vg_document *doc, vg_store_key *key)
{
    /* Hash the body with whitespace runs folded, without copying it. */
    uint64_t h1 = 0x76696769ULL, h2 = 0x6c626f6479ULL;
    const unsigned char *p = (const unsigned char *)doc->body;
    size_t n = doc->body_len;
    size_t i = 0;
    while (i < n && isspace(p[i]))
        i++;
    unsigned char chunk[256];
    size_t used = 0;
    int pending_space = 0;
    for (; i < n; i++) {
        if (isspace(p[i])) {
            pending_space = 1;
            continue;
        }
        if (pending_space) {
            chunk[used++] = ' ';
            pending_space = 0;
            if (used == sizeof chunk) {
                h1 = vg_hash_bytes(chunk, used, h1);
                h2 = vg_hash_bytes(chunk, used, h2 ^ 0x9e3779b97f4a7c15ULL);
                used = 0;
            }
        }
        chunk[used++] = p[i];
        if (used == sizeof chunk) {
            h1 = vg_hash_bytes(chunk, used, h1);
            h2 = vg_hash_bytes(chunk, used, h2 ^ 0x9e3779b97f4a7c15ULL);
            used = 0;
        }
    }
    if (used) {
        h1 = vg_hash_bytes(chunk, used, h1);
        h2 = vg_hash_bytes(chunk, used, h2 ^ 0x9e3779b97f4a7c15ULL);
    }
    snprintf(key->body_hash, sizeof key->body_hash, "%016llx%016llx", (unsigned long long)h1,
             (unsigned long long)h2);
    /* An unknown publisher: the document's own id stands in, so the same file read again is
     * the same document while outlets' copies saved under other names are not. */
    key->publisher = doc->source && *doc->source ? doc->source : doc->id ? doc->id : "";
}

int vg_store_has(vg_store *store, const vg_store_key *key, int *found, vg_error *err)
{
    store->err = err;
    *found = 0;
    sqlite3_stmt *stmt = vg_store_stmt(store, ST_DOC_EXISTS);
    if (!stmt)
        return VG_EIO;
    sqlite3_bind_text(stmt, 1, key->body_hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, key->publisher, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *found = 1;
    else if (rc != SQLITE_DONE)
        return vg_store_fail(store, "looking up a document");
    sqlite3_reset(stmt);
    return 0;
}

/* A 64-bit simhash of the body's word trigrams (lowercased ASCII letters and digits; other
 * bytes kept as they are), so copies of one story with small edits hash within a few bits. */
/* Bit b of each shingle counted into ones[b]: a byte of the shingle at a time, its eight bits
 * spread over the eight byte-lanes of a word (spread(x) has byte k = bit k of x) and added to
 * that byte's lane counters, which are flushed into ones[] before they can overflow. */
typedef struct bit_counts {
    uint64_t lanes[8];   /* lanes[j] byte k: how many shingles had bit 8j + k set, since the flush */
    uint32_t ones[64];
    uint32_t pending, total;
} bit_counts;

static uint64_t spread(uint64_t x)
{
    /* bits 0-6 copied to 8k by one multiply (the copies do not overlap), bit 7 by a shift */
    return ((x & 0x7F) * 0x0002040810204081ULL & 0x0101010101010101ULL) | (x >> 7 & 1) << 56;
}

static void bit_counts_flush(bit_counts *c)
{
    for (int j = 0; j < 8; j++) {
        for (int k = 0; k < 8; k++)
            c->ones[8 * j + k] += (uint32_t)(c->lanes[j] >> (8 * k) & 0xFF);
        c->lanes[j] = 0;
    }
    c->pending = 0;
}

static void bit_counts_add(bit_counts *c, uint64_t shingle)
{
    for (int j = 0; j < 8; j++)
        c->lanes[j] += spread(shingle >> (8 * j) & 0xFF);
    c->total++;
    if (++c->pending == 255)
        bit_counts_flush(c);
}

static uint64_t body_simhash(const char *body, size_t len, size_t *n_words)
{
    bit_counts counts = {0};
    uint64_t window[3] = {0, 0, 0};
    size_t words = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && !isalnum((unsigned char)body[i]) && !((unsigned char)body[i] & 0x80))
            i++;
        if (i >= len)
            break;
        uint64_t h = 0xcbf29ce484222325ULL;
        while (i < len && (isalnum((unsigned char)body[i]) || ((unsigned char)body[i] & 0x80))) {
            h ^= (unsigned char)tolower((unsigned char)body[i++]);
            h *= 0x100000001b3ULL;
        }
        window[0] = window[1];
        window[1] = window[2];
        window[2] = h;
        words++;
        if (words < 3)
            continue;
        bit_counts_add(&counts, vg_hash_mix(vg_hash_mix(window[0], window[1]), window[2]));
    }
    if (words < 3) /* too short for trigrams: the words themselves */
        bit_counts_add(&counts, vg_hash_mix(vg_hash_mix(window[0], window[1]), window[2]));
    bit_counts_flush(&counts);
    /* bit b is set when more shingles had it than had not */
    uint64_t simhash = 0;
    for (int b = 0; b < 64; b++)
        if (2 * counts.ones[b] > counts.total)
            simhash |= 1ULL << b;
    *n_words = words;
    return simhash;
}

/* Bodies whose simhashes differ in at most this many of 64 bits are copies of one story (two
 * unrelated bodies differ in about 32). With six bands of 11 or 10 bits, such a pair agrees on
 * at least one band, which is how candidates are found. */
#define NEAR_COPY_BITS 5
/* Shorter bodies have too few trigrams for that: only an identical simhash counts. */
#define NEAR_COPY_MIN_WORDS 50
#define N_BANDS 6

static int64_t band(uint64_t simhash, int b)
{
    static const int shift[N_BANDS] = {0, 11, 22, 33, 44, 54};
    static const int width[N_BANDS] = {11, 11, 11, 11, 10, 10};
    return (int64_t)((simhash >> shift[b]) & ((1u << width[b]) - 1));
}

/* ---- dates ---- */

void vg_store_date_format(int32_t ymd, char buf[11]) { vg_date_format(ymd, buf); }

/* 2026-02-30 is not a day: vg_date_parse_iso refuses it. */
int32_t vg_store_date_parse(const char *s) { return vg_date_parse_iso(s); }

int32_t vg_store_date_add_days(int32_t ymd, int days) { return vg_date_add_days(ymd, days); }

long vg_store_days_between(int32_t a, int32_t b) { return vg_date_diff_days(a, b); }

/* The dates an act may have happened on, from what the report says of its date
 * (docs/incidents.md, "Dates"). */
static void event_window(const vg_event *e, int32_t pubdate, int32_t *lo, int32_t *hi, int *rank)
{
    int32_t from = e->date, to = e->date_end ? e->date_end : e->date;
    switch (e->date_precision) {
    case VG_DATE_DAY: *rank = 1; break;
    case VG_DATE_MONTH: *rank = 2; break;
    case VG_DATE_PART_OF_YEAR: *rank = 3; break;
    case VG_DATE_YEAR: *rank = 4; break;
    case VG_DATE_APPROXIMATE: *rank = 5; break;
    case VG_DATE_PUBLICATION: *rank = 6; break;
    default: *rank = 7; break;
    }
    if (*rank == 6 && !from)
        from = to = pubdate;
    if (!from && pubdate) { /* no date at all: the publication date stands in */
        from = to = pubdate;
        *rank = 6;
    }
    if (!from) {
        *lo = 10101;
        *hi = 99991231;
        *rank = 7;
        return;
    }
    switch (*rank) {
    case 5: /* "days after", "recently" */
        *lo = vg_store_date_add_days(from, -30);
        *hi = vg_store_date_add_days(to, 30);
        break;
    case 6: /* undated: a fresh act is reported within a quarter of happening; words (statements,
             * appeals, consultations, praise: roots 01-05) within the week */
        *lo = vg_store_date_add_days(from, e->cameo && e->cameo->quad == VG_CAMEO_VERBAL_COOPERATION ? -7 : -91);
        *hi = to;
        break;
    default: /* a stated day, month or year, give or take the days reports disagree by */
        *lo = vg_store_date_add_days(from, -3);
        *hi = vg_store_date_add_days(to, 3);
        break;
    }
}

/* ---- storing ---- */

static int step_done(vg_store *store, sqlite3_stmt *stmt, const char *what)
{
    int rc = sqlite3_step(stmt);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return vg_store_fail(store, what);
    sqlite3_reset(stmt);
    return 0;
}

/* The actor key: the canonical name when the dictionaries know one, else the code. */
static const char *actor_key(const vg_actor *a)
{
    if (!a)
        return NULL;
    if (a->name && *a->name)
        return a->name;
    if (a->code && *a->code)
        return a->code;
    return NULL;
}

/* Upserts the actor of a mention (its key, its code and the words used as an alias);
 * *id is 0 when the mention names no known actor. */
static int store_actor(vg_store *store, const vg_actor *a, int64_t *id)
{
    *id = 0;
    const char *key = actor_key(a);
    if (!key)
        return 0;
    sqlite3_stmt *stmt = vg_store_stmt(store, ST_ACTOR_UPSERT);
    if (!stmt)
        return VG_EIO;
    vg_store_bind_text(stmt, 1, key);
    vg_store_bind_text(stmt, 2, a->name && *a->name ? a->name : NULL);
    vg_store_bind_text(stmt, 3, a->code && *a->code ? a->code : NULL);
    if (sqlite3_step(stmt) != SQLITE_ROW)
        return vg_store_fail(store, "storing an actor");
    *id = sqlite3_column_int64(stmt, 0);
    sqlite3_reset(stmt);
    if (a->code && *a->code) {
        if (!(stmt = vg_store_stmt(store, ST_ACTOR_CODE_UPSERT)))
            return VG_EIO;
        sqlite3_bind_int64(stmt, 1, *id);
        vg_store_bind_text(stmt, 2, a->code);
        if (step_done(store, stmt, "storing an actor code"))
            return VG_EIO;
    }
    if (a->text && *a->text) {
        if (!(stmt = vg_store_stmt(store, ST_ACTOR_ALIAS_UPSERT)))
            return VG_EIO;
        sqlite3_bind_int64(stmt, 1, *id);
        vg_store_bind_text(stmt, 2, a->text);
        if (step_done(store, stmt, "storing an actor alias"))
            return VG_EIO;
    }
    return 0;
}

static void bind_nonempty(sqlite3_stmt *stmt, int index, const char *text)
{
    vg_store_bind_text(stmt, index, text && *text ? text : NULL);
}

static int store_event(vg_store *store, int64_t doc_rowid, uint32_t idx, const vg_event *e, int32_t pubdate,
                       vg_link_event *link)
{
    int64_t source_id, target_id;
    if (store_actor(store, e->source, &source_id) || store_actor(store, e->target, &target_id))
        return VG_EIO;
    sqlite3_stmt *stmt = vg_store_stmt(store, ST_EVENT_INSERT);
    if (!stmt)
        return VG_EIO;
    const vg_cameo_code *code = e->cameo;
    char date[11], date_end[11];
    vg_store_date_format(e->date, date);
    vg_store_date_format(e->date_end ? e->date_end : e->date, date_end);
    sqlite3_bind_int64(stmt, 1, doc_rowid);
    sqlite3_bind_int(stmt, 2, (int)e->sentence);
    sqlite3_bind_int(stmt, 3, (int)idx);
    vg_store_bind_text(stmt, 4, code->code);
    vg_store_bind_text(stmt, 5, code->root);
    vg_store_bind_text(stmt, 6, vg_plover_name(code->plover));
    sqlite3_bind_int(stmt, 7, code->severity);
    sqlite3_bind_double(stmt, 8, code->goldstein);
    vg_store_bind_text(stmt, 9, vg_event_mode_name(e->mode));
    sqlite3_bind_int(stmt, 10, e->negated ? 1 : 0);
    vg_store_bind_text(stmt, 11, vg_stance_name(e->stance));
    if (e->source) {
        if (source_id)
            sqlite3_bind_int64(stmt, 12, source_id);
        bind_nonempty(stmt, 13, e->source->text);
        bind_nonempty(stmt, 14, e->source->code);
        bind_nonempty(stmt, 15, e->source->name);
        sqlite3_bind_int(stmt, 16, e->source->anonymous ? 1 : 0);
    }
    if (e->target) {
        if (target_id)
            sqlite3_bind_int64(stmt, 17, target_id);
        bind_nonempty(stmt, 18, e->target->text);
        bind_nonempty(stmt, 19, e->target->code);
        bind_nonempty(stmt, 20, e->target->name);
        bind_nonempty(stmt, 21, e->target->host);
        bind_nonempty(stmt, 36, vg_actor_kind_name((vg_actor_kind)e->target->kind));
    }
    bind_nonempty(stmt, 22, date);
    bind_nonempty(stmt, 23, date_end);
    vg_store_bind_text(stmt, 24, vg_date_precision_name(e->date_precision));
    bind_nonempty(stmt, 25, e->date_text);
    bind_nonempty(stmt, 26, e->place_name);
    bind_nonempty(stmt, 27, e->place_country);
    if (e->rule) {
        bind_nonempty(stmt, 28, e->rule->file);
        sqlite3_bind_int(stmt, 29, (int)e->rule->line);
        bind_nonempty(stmt, 30, e->rule->text);
    }
    bind_nonempty(stmt, 31, e->path);
    sqlite3_bind_int(stmt, 32, (int)e->head);
    sqlite3_bind_int(stmt, 33, (int)e->start);
    sqlite3_bind_int(stmt, 34, (int)e->end);
    bind_nonempty(stmt, 35, code->name);
    if (step_done(store, stmt, "storing an event"))
        return VG_EIO;
    link->event = e;
    link->rowid = sqlite3_last_insert_rowid(store->db);
    link->incident[0] = '\0';
    event_window(e, pubdate, &link->window_lo, &link->window_hi, &link->precision_rank);

    for (uint32_t k = 0; k < e->n_attributed; k++) {
        const vg_actor *a = &e->attributed_to[k];
        int64_t actor_id;
        if (store_actor(store, a, &actor_id) || !(stmt = vg_store_stmt(store, ST_ATTRIBUTION_INSERT)))
            return VG_EIO;
        sqlite3_bind_int64(stmt, 1, link->rowid);
        sqlite3_bind_int(stmt, 2, (int)k);
        if (actor_id)
            sqlite3_bind_int64(stmt, 3, actor_id);
        bind_nonempty(stmt, 4, a->text);
        bind_nonempty(stmt, 5, a->code);
        bind_nonempty(stmt, 6, a->name);
        sqlite3_bind_int(stmt, 7, a->anonymous ? 1 : 0);
        if (step_done(store, stmt, "storing an attribution"))
            return VG_EIO;
    }
    return 0;
}

/* Finds the first stored document this body is a near copy of: its origin (the independent
 * source a copy counts as) and id; *copy_of 0 when there is none. */
static int find_copy(vg_store *store, uint64_t simhash, int max_bits, int64_t *copy_of, char **origin)
{
    *copy_of = 0;
    *origin = NULL;
    sqlite3_stmt *stmt = vg_store_stmt(store, max_bits ? ST_DOC_NEAR : ST_DOC_SAME_SIMHASH);
    if (!stmt)
        return VG_EIO;
    if (max_bits)
        for (int b = 0; b < N_BANDS; b++)
            sqlite3_bind_int64(stmt, b + 1, band(simhash, b));
    else
        sqlite3_bind_int64(stmt, 1, (int64_t)simhash);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        uint64_t other = (uint64_t)sqlite3_column_int64(stmt, 1);
        if (__builtin_popcountll(other ^ simhash) > max_bits)
            continue;
        /* Point at the first document of the story, not at a copy of it. */
        int64_t first = sqlite3_column_type(stmt, 3) == SQLITE_NULL ? sqlite3_column_int64(stmt, 0)
                                                                    : sqlite3_column_int64(stmt, 3);
        *copy_of = first;
        *origin = vg_strdup((const char *)sqlite3_column_text(stmt, 2));
        break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return vg_store_fail(store, "looking for copies");
    sqlite3_reset(stmt);
    if (*copy_of && !*origin)
        return vg_error_set(store->err, VG_ENOMEM, "out of memory");
    return 0;
}

static int add_document(vg_store *store, const vg_coded_document *coded, const vg_store_key *key,
                        vg_store_result *result)
{
    const vg_document *doc = coded->doc;
    int found;
    if (vg_store_has(store, key, &found, store->err))
        return VG_EIO;
    if (found)
        return 0;
    result->is_new = 1;

    size_t n_words;
    uint64_t simhash = body_simhash(doc->body, doc->body_len, &n_words);
    int64_t copy_of;
    char *copy_origin;
    if (find_copy(store, simhash, n_words >= NEAR_COPY_MIN_WORDS ? NEAR_COPY_BITS : 0, &copy_of, &copy_origin))
        return store->err->code;
    /* A document's independent source: the publisher of the story's first stored copy. With
     * no publisher, the news agency of the dateline ("VALDORIA CITY (Meridian News Agency)"),
     * else the document stands alone. */
    char own_origin[128];
    const char *agency_open = doc->dateline ? strchr(doc->dateline, '(') : NULL;
    const char *agency_close = agency_open ? strchr(agency_open, ')') : NULL;
    if (doc->source && *doc->source)
        snprintf(own_origin, sizeof own_origin, "%.120s", doc->source);
    else if (agency_open && agency_close && agency_close - agency_open > 1)
        snprintf(own_origin, sizeof own_origin, "%.*s", (int)(agency_close - agency_open - 1 < 120
                                                               ? agency_close - agency_open - 1 : 120),
                 agency_open + 1);
    else
        snprintf(own_origin, sizeof own_origin, "body:%s", key->body_hash);
    result->is_copy = copy_of != 0;

    int32_t pubdate = coded->pubdate ? coded->pubdate : vg_document_pubdate(doc);
    char said_on[11];
    vg_store_date_format(pubdate, said_on);

    sqlite3_stmt *stmt = vg_store_stmt(store, ST_DOC_INSERT);
    if (!stmt) {
        vg_free(copy_origin);
        return VG_EIO;
    }
    vg_store_bind_text(stmt, 1, key->body_hash);
    vg_store_bind_text(stmt, 2, key->publisher);
    bind_nonempty(stmt, 3, doc->id);
    bind_nonempty(stmt, 4, doc->name);
    bind_nonempty(stmt, 5, doc->url);
    bind_nonempty(stmt, 6, said_on);
    bind_nonempty(stmt, 7, doc->title);
    sqlite3_bind_int64(stmt, 8, (int64_t)simhash);
    for (int b = 0; b < N_BANDS; b++)
        sqlite3_bind_int64(stmt, b < 4 ? 9 + b : 17 + (b - 4), band(simhash, b));
    if (copy_of)
        sqlite3_bind_int64(stmt, 13, copy_of);
    vg_store_bind_text(stmt, 14, copy_origin ? copy_origin : own_origin);
    sqlite3_bind_int(stmt, 15, (int)coded->n_sentences);
    sqlite3_bind_int64(stmt, 16, (int64_t)coded->n_events);
    int rc = step_done(store, stmt, "storing a document");
    char copy_origin_kept[128] = "";
    if (copy_origin)
        snprintf(copy_origin_kept, sizeof copy_origin_kept, "%s", copy_origin);
    vg_free(copy_origin);
    if (rc)
        return rc;
    int64_t doc_rowid = sqlite3_last_insert_rowid(store->db);

    for (uint32_t i = 0; i < coded->n_sentences; i++) {
        const vg_sentence *s = &coded->sentences[i];
        if (!(stmt = vg_store_stmt(store, ST_SENTENCE_INSERT)))
            return VG_EIO;
        sqlite3_bind_int64(stmt, 1, doc_rowid);
        sqlite3_bind_int(stmt, 2, (int)(i + 1));
        sqlite3_bind_int(stmt, 3, (int)s->start);
        sqlite3_bind_int(stmt, 4, (int)s->end);
        if (s->text)
            sqlite3_bind_text(stmt, 5, s->text, -1, SQLITE_STATIC);
        else if (s->end <= doc->body_len && s->start <= s->end)
            sqlite3_bind_text(stmt, 5, doc->body + s->start, (int)(s->end - s->start), SQLITE_STATIC);
        else
            sqlite3_bind_text(stmt, 5, "", 0, SQLITE_STATIC);
        if (step_done(store, stmt, "storing a sentence"))
            return VG_EIO;
    }

    vg_link_event *links = NULL;
    if (coded->n_events) {
        links = vg_calloc(coded->n_events, sizeof *links);
        if (!links)
            return vg_error_set(store->err, VG_ENOMEM, "out of memory");
    }
    rc = 0;
    for (size_t i = 0; i < coded->n_events && !rc; i++)
        rc = store_event(store, doc_rowid, (uint32_t)i, &coded->events[i], pubdate, &links[i]);
    for (size_t i = 0; i < coded->n_events && !rc; i++) {
        int32_t parent = coded->events[i].parent;
        if (parent < 0 || (size_t)parent >= coded->n_events || (size_t)parent == i)
            continue;
        if (!(stmt = vg_store_stmt(store, ST_EVENT_SET_PARENT))) {
            rc = VG_EIO;
            break;
        }
        sqlite3_bind_int64(stmt, 1, links[i].rowid);
        sqlite3_bind_int64(stmt, 2, links[parent].rowid);
        rc = step_done(store, stmt, "storing an event's parent");
    }
    result->events = coded->n_events;
    if (!rc) {
        const char *origin = copy_origin_kept[0] ? copy_origin_kept : own_origin;
        vg_link_document ld = {doc_rowid, said_on[0] ? said_on : NULL, key->publisher,
                               strncmp(origin, "body:", 5) ? origin : NULL, key->body_hash, pubdate, copy_of};
        rc = vg_store_link(store, &ld, links, coded->n_events, result);
    }
    vg_free(links);
    return rc;
}

int vg_store_add(vg_store *store, const vg_coded_document *coded, vg_store_result *result, vg_error *err)
{
    store->err = err;
    memset(result, 0, sizeof *result);
    vg_store_key key;
    vg_store_key_of(coded->doc, &key);
    /* Inside a batch, a savepoint makes the document all-or-nothing on its own. */
    const char *begin = store->in_batch ? "SAVEPOINT document" : "BEGIN IMMEDIATE";
    const char *commit = store->in_batch ? "RELEASE document" : "COMMIT";
    const char *rollback = store->in_batch ? "ROLLBACK TO document; RELEASE document" : "ROLLBACK";
    if (exec(store, begin, "starting a transaction"))
        return VG_EIO;
    int rc = add_document(store, coded, &key, result);
    if (!rc && exec(store, commit, "committing a document"))
        rc = VG_EIO;
    if (rc) {
        sqlite3_exec(store->db, rollback, NULL, NULL, NULL);
        memset(result, 0, sizeof *result);
    }
    return rc;
}

int vg_store_batch_begin(vg_store *store, vg_error *err)
{
    store->err = err;
    if (store->in_batch)
        return 0;
    if (exec(store, "BEGIN IMMEDIATE", "starting a batch"))
        return VG_EIO;
    store->in_batch = 1;
    return 0;
}

int vg_store_batch_commit(vg_store *store, vg_error *err)
{
    store->err = err;
    if (!store->in_batch)
        return 0;
    store->in_batch = 0;
    if (exec(store, "COMMIT", "committing a batch")) {
        sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
        return VG_EIO;
    }
    return 0;
}

int vg_store_counts_get(vg_store *store, vg_store_counts *counts, vg_error *err)
{
    store->err = err;
    static const char sql[] =
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences),"
        " (SELECT count(*) FROM events), (SELECT count(*) FROM incidents),"
        " (SELECT count(*) FROM claims), (SELECT count(*) FROM actors)";
    sqlite3_stmt *stmt;
    if (sqlite3_prepare_v2(store->db, sql, -1, &stmt, NULL) != SQLITE_OK)
        return vg_store_fail(store, "counting");
    int rc = 0;
    if (sqlite3_step(stmt) == SQLITE_ROW) {
        counts->documents = sqlite3_column_int64(stmt, 0);
        counts->sentences = sqlite3_column_int64(stmt, 1);
        counts->events = sqlite3_column_int64(stmt, 2);
        counts->incidents = sqlite3_column_int64(stmt, 3);
        counts->claims = sqlite3_column_int64(stmt, 4);
        counts->actors = sqlite3_column_int64(stmt, 5);
    } else {
        rc = vg_store_fail(store, "counting");
    }
    sqlite3_finalize(stmt);
    return rc;
}
