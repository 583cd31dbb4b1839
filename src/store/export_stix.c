/* vigil export --format stix: incidents as STIX 2.1 reports. Every id is a UUIDv5 of a key
 * taken from the data and every timestamp a date from the data, so the same store exports
 * to the same bytes. Each incident's own objects (report, notes, opinions) are written as it
 * is read; only the objects incidents share (identities, threat actors, locations,
 * relationships) are held until the end, so memory grows with the actors, not the incidents. */
#include "store/export_stix.h"
#include "store/store_internal.h"
#include <ctype.h>
#include <jansson.h>
#include <string.h>

#define STIX_ID_SIZE 96
#define NO_DATE "1970-01-01"

typedef struct stix_state {
    vg_store *store;
    const vg_export_options *options;
    FILE *out;
    long long written;    /* objects written so far */
    json_t *shared;       /* the objects incidents share, in order of creation */
    json_t *by_id;        /* id -> shared object (borrowed from shared) */
    json_t *own;          /* the current incident's own objects, written when it is done */
    json_t *kinds;        /* dictionary name -> "individual" / "group" / "organization" */
    json_t *alpha2;       /* ISO alpha-3 -> alpha-2 */
    char creator[STIX_ID_SIZE];
    sqlite3_stmt *acts, *claims, *documents;
} stix_state;

/* "2025-11-07" -> "2025-11-07T00:00:00.000Z" (size 25); days before any date: the epoch. */
static void timestamp(const char *date, char out[25])
{
    if (!date || strlen(date) != 10)
        date = NO_DATE;
    snprintf(out, 25, "%.10sT00:00:00.000Z", date);
}

/* Widens an object's created/modified to cover ts. */
static void touch(json_t *o, const char *ts)
{
    const char *created = json_string_value(json_object_get(o, "created"));
    const char *modified = json_string_value(json_object_get(o, "modified"));
    if (!created || strcmp(ts, created) < 0)
        json_object_set_new(o, "created", json_string(ts));
    if (!modified || strcmp(ts, modified) > 0)
        json_object_set_new(o, "modified", json_string(ts));
}

/* A new object with the common properties, appended to list. */
static json_t *new_object(stix_state *s, json_t *list, const char *type, const char *id)
{
    json_t *o = json_object();
    json_object_set_new(o, "type", json_string(type));
    json_object_set_new(o, "spec_version", json_string("2.1"));
    json_object_set_new(o, "id", json_string(id));
    if (s->creator[0] && strcmp(id, s->creator))
        json_object_set_new(o, "created_by_ref", json_string(s->creator));
    json_array_append_new(list, o);
    return o;
}

/* The shared object of type and key, made when new (*is_new says which), its dates widened to
 * cover ts. The id is written to id (STIX_ID_SIZE). */
static json_t *object(stix_state *s, const char *type, const char *key, const char *ts, char *id, int *is_new)
{
    vg_export_stix_id(type, key, id, STIX_ID_SIZE);
    json_t *o = json_object_get(s->by_id, id);
    if (is_new)
        *is_new = !o;
    if (!o) {
        o = new_object(s, s->shared, type, id);
        json_object_set(s->by_id, id, o);
    }
    touch(o, ts);
    return o;
}

/* An object of the current incident alone (its report, a note, an opinion). */
static json_t *own_object(stix_state *s, const char *type, const char *key, const char *ts, char *id)
{
    vg_export_stix_id(type, key, id, STIX_ID_SIZE);
    json_t *o = new_object(s, s->own, type, id);
    touch(o, ts);
    return o;
}

/* Writes the objects of list to the bundle and empties it. */
static int write_objects(stix_state *s, json_t *list)
{
    size_t i;
    json_t *o;
    json_array_foreach(list, i, o) {
        if (fputs(s->written ? ",\n" : "\n", s->out) == EOF ||
            json_dumpf(o, s->out, JSON_INDENT(1) | JSON_PRESERVE_ORDER))
            return vg_error_set(s->store->err, VG_EIO, "cannot write the output");
        s->written++;
    }
    json_array_clear(list);
    return 0;
}

/* Appends id to o's list key unless it is there. */
static void add_ref(json_t *o, const char *key, const char *id)
{
    json_t *list = json_object_get(o, key);
    if (!list) {
        list = json_array();
        json_object_set_new(o, key, list);
    }
    size_t i;
    json_t *v;
    json_array_foreach(list, i, v) if (!strcmp(json_string_value(v), id)) return;
    json_array_append_new(list, json_string(id));
}

static int is_country(const stix_state *s, const char *code)
{
    return code && strlen(code) == 3 && s->options->dict && vg_dict_country(s->options->dict, code);
}

static const char *country_name(const stix_state *s, const char *code)
{
    const vg_dict_entry *c = s->options->dict ? vg_dict_country(s->options->dict, code) : NULL;
    return c ? c->name : code;
}

/* A location for a country code; its id into id. */
static void location(stix_state *s, const char *code, const char *ts, char *id)
{
    char key[8];
    snprintf(key, sizeof key, "%.3s", code);
    int is_new;
    json_t *o = object(s, "location", key, ts, id, &is_new);
    if (is_new) {
        json_object_set_new(o, "name", json_string(country_name(s, key)));
        const char *a2 = json_string_value(json_object_get(s->alpha2, key));
        json_object_set_new(o, "country", json_string(a2 ? a2 : key));
        json_object_set_new(o, "x_vigil_cameo_code", json_string(key));
    }
}

/* How STIX should class a named actor the dictionaries do not know: a run of two to four
 * capitalised words without a possessive reads as a person's name ("Marco Reyes"). */
static const char *guess_class(const char *name)
{
    int words = 0;
    for (const char *p = name; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        if (!isupper((unsigned char)*p))
            return "organization";
        words++;
        while (*p && *p != ' ') {
            if (*p == '\'' || ((unsigned char)*p == 0xe2 && (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x99))
                return "organization";
            p++;
        }
    }
    return words >= 2 && words <= 4 ? "individual" : "organization";
}

/* The identity of an actor seen as (name, code, text); its id into id. Countries are one
 * identity per country code, whatever the wording. Returns 0 when there is no actor. */
static int identity(stix_state *s, const char *name, const char *code, const char *text, const char *ts, char *id)
{
    char key[600];
    const char *label, *klass;
    char described[256];
    if (is_country(s, code)) {
        snprintf(key, sizeof key, "country:%s", code);
        label = country_name(s, code);
        klass = "organization";
    } else if (name && *name) {
        snprintf(key, sizeof key, "actor:%s", name);
        label = name;
        const char *known = json_string_value(json_object_get(s->kinds, name));
        klass = known ? known : guess_class(name);
    } else if (code && *code) {
        snprintf(key, sizeof key, "actor:%s", code);
        if (s->options->dict) {
            vg_dict_describe(s->options->dict, code, described, sizeof described);
            label = described;
        } else {
            label = code;
        }
        klass = "organization";
    } else if (text && *text) {
        snprintf(key, sizeof key, "actor:%s", text);
        label = text;
        klass = "unknown";
    } else {
        return 0;
    }
    int is_new;
    json_t *o = object(s, "identity", key, ts, id, &is_new);
    if (is_new) {
        json_object_set_new(o, "name", json_string(label));
        json_object_set_new(o, "identity_class", json_string(klass));
        if (code && *code)
            json_object_set_new(o, "x_vigil_cameo_code", json_string(code));
        if (is_country(s, code)) {
            char where[STIX_ID_SIZE], rel[STIX_ID_SIZE], rkey[256];
            json_object_set_new(o, "sectors", json_pack("[s]", "government-national"));
            location(s, code, ts, where);
            snprintf(rkey, sizeof rkey, "located-at|%s|%s", id, where);
            json_t *r = object(s, "relationship", rkey, ts, rel, NULL);
            json_object_set_new(r, "relationship_type", json_string("located-at"));
            json_object_set_new(r, "source_ref", json_string(id));
            json_object_set_new(r, "target_ref", json_string(where));
        }
    }
    return 1;
}

/* A relationship of type from one object to another, for the report; its id into id. */
static json_t *relationship(stix_state *s, const char *type, const char *from, const char *to, const char *ts,
                            char *id)
{
    char key[512];
    snprintf(key, sizeof key, "%s|%s|%s", type, from, to);
    int is_new;
    json_t *r = object(s, "relationship", key, ts, id, &is_new);
    if (is_new) {
        json_object_set_new(r, "relationship_type", json_string(type));
        json_object_set_new(r, "source_ref", json_string(from));
        json_object_set_new(r, "target_ref", json_string(to));
    }
    return r;
}

/* Whether the act threatens, plots or attacks (threaten, assault, fight, mass violence): its
 * author is then a threat actor. Coercion (arrests, sanctions) and force postures are not. */
static int hostile_root(const char *cameo)
{
    static const char *const roots[] = {"13", "18", "19", "20"};
    for (size_t i = 0; cameo && i < sizeof roots / sizeof *roots; i++)
        if (!strncmp(cameo, roots[i], 2))
            return 1;
    return 0;
}

/* A threat actor for a hostile source, attributed to its identity and to its state. */
static void threat_actor(stix_state *s, const char *code, const char *self, json_t *report,
                         const char *ts, char *id)
{
    json_t *me = json_object_get(s->by_id, self);
    const char *label = json_string_value(json_object_get(me, "name"));
    char key[STIX_ID_SIZE + 8], rel[STIX_ID_SIZE];
    snprintf(key, sizeof key, "of:%s", self);
    int is_new;
    json_t *t = object(s, "threat-actor", key, ts, id, &is_new);
    if (is_new) {
        json_object_set_new(t, "name", json_string(label ? label : "unknown"));
        if (is_country(s, code))
            json_object_set_new(t, "threat_actor_types", json_pack("[s]", "nation-state"));
        if (code && *code)
            json_object_set_new(t, "x_vigil_cameo_code", json_string(code));
    }
    add_ref(report, "object_refs", id);
    relationship(s, "attributed-to", id, self, ts, rel);
    add_ref(report, "object_refs", rel);
    if (code && strlen(code) > 3 && is_country(s, (char[4]){code[0], code[1], code[2], 0})) {
        char state[STIX_ID_SIZE], country[4] = {code[0], code[1], code[2], 0};
        identity(s, NULL, country, NULL, ts, state);
        add_ref(report, "object_refs", state);
        relationship(s, "attributed-to", id, state, ts, rel);
        add_ref(report, "object_refs", rel);
    }
}

static const char *col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

static int incident(stix_state *s, sqlite3_stmt *inc)
{
    const char *incident_id = col(inc, 0), *cameo = col(inc, 1), *cameo_name = col(inc, 2);
    const char *mode = col(inc, 4), *stance = col(inc, 5), *place_country = col(inc, 7);
    char first[25], last[25], report_id[STIX_ID_SIZE];
    timestamp(col(inc, 9), first);
    timestamp(col(inc, 10) ? col(inc, 10) : col(inc, 9), last);
    json_t *report = own_object(s, "report", incident_id, first, report_id);
    touch(report, last);
    touch(json_object_get(s->by_id, s->creator), first);
    touch(json_object_get(s->by_id, s->creator), last);
    json_object_set_new(report, "report_types", json_pack("[s]", "threat-report"));
    json_object_set_new(report, "published", json_string(last));
    json_t *refs = json_array();
    json_object_set_new(report, "object_refs", refs);
    int hostile = hostile_root(cameo);

    /* The acts: who did it to whom. */
    json_t *targets = json_array();
    sqlite3_reset(s->acts);
    sqlite3_bind_text(s->acts, 1, incident_id, -1, SQLITE_TRANSIENT);
    int step;
    char from[STIX_ID_SIZE], to[STIX_ID_SIZE], ta[STIX_ID_SIZE], rel[STIX_ID_SIZE], where[STIX_ID_SIZE];
    while ((step = sqlite3_step(s->acts)) == SQLITE_ROW) {
        int has_source = identity(s, col(s->acts, 0), col(s->acts, 1), col(s->acts, 2), first, from);
        if (has_source) {
            touch(json_object_get(s->by_id, from), last);
            add_ref(report, "object_refs", from);
        }
        int has_target = identity(s, col(s->acts, 3), col(s->acts, 4), col(s->acts, 5), first, to);
        if (has_target) {
            touch(json_object_get(s->by_id, to), last);
            add_ref(report, "object_refs", to);
        }
        const char *host = col(s->acts, 6);
        if (host && strlen(host) >= 3) {
            location(s, host, first, where);
            add_ref(report, "object_refs", where);
        }
        if (hostile && has_source) {
            threat_actor(s, col(s->acts, 1), from, report, first, ta);
            touch(json_object_get(s->by_id, ta), last);
            if (has_target) {
                json_t *r = relationship(s, "targets", ta, to, first, rel);
                touch(r, last);
                add_ref(report, "object_refs", rel);
                json_array_append_new(targets, json_string(rel));
            }
        }
    }
    if (step != SQLITE_DONE) {
        json_decref(targets);
        return vg_store_fail(s->store, "reading an incident's acts");
    }
    if (place_country && strlen(place_country) >= 3) {
        location(s, place_country, first, where);
        add_ref(report, "object_refs", where);
    }

    /* The name says what happened to whom, as the incident's summary has it. */
    const char *src = col(inc, 11) ? col(inc, 11) : col(inc, 12);
    const char *tgt = col(inc, 13) ? col(inc, 13) : col(inc, 14);
    char name[1024];
    snprintf(name, sizeof name, "%s%s%s%s%s (%s, %s)", src ? src : "", src ? ": " : "",
             cameo_name ? cameo_name : cameo, tgt ? " against " : "", tgt ? tgt : "", mode, stance);
    json_object_set_new(report, "name", json_string(name));
    char description[512];
    snprintf(description, sizeof description,
             "vigil incident %s: CAMEO %s, mode %s, stance %s; reported by %d documents from %d independent "
             "sources, %d events.",
             incident_id, cameo, mode, stance, sqlite3_column_int(inc, 16), sqlite3_column_int(inc, 17),
             sqlite3_column_int(inc, 15));
    json_object_set_new(report, "description", json_string(description));

    /* Where the reports were read: each document as an external reference. */
    json_t *ext = json_array();
    json_array_append_new(ext, json_pack("{s:s,s:s}", "source_name", "vigil", "external_id", incident_id));
    sqlite3_reset(s->documents);
    sqlite3_bind_text(s->documents, 1, incident_id, -1, SQLITE_TRANSIENT);
    while ((step = sqlite3_step(s->documents)) == SQLITE_ROW) {
        const char *publisher = col(s->documents, 0), *url = col(s->documents, 1), *doc = col(s->documents, 2);
        json_t *r = json_object();
        json_object_set_new(r, "source_name", json_string(publisher && *publisher ? publisher : "unknown"));
        if (url && *url)
            json_object_set_new(r, "url", json_string(url));
        json_object_set_new(r, "external_id", json_string(doc && *doc ? doc : "unknown"));
        json_array_append_new(ext, r);
    }
    json_object_set_new(report, "external_references", ext);
    if (step != SQLITE_DONE) {
        json_decref(targets);
        return vg_store_fail(s->store, "reading an incident's documents");
    }
    json_object_set_new(report, "x_vigil_incident", json_string(incident_id));
    json_object_set_new(report, "x_vigil_cameo", json_string(cameo));
    json_object_set_new(report, "x_vigil_mode", json_string(mode));
    json_object_set_new(report, "x_vigil_stance", json_string(stance));
    json_object_set_new(report, "x_vigil_severity", json_integer(sqlite3_column_int(inc, 3)));
    json_object_set_new(report, "x_vigil_independent_sources", json_integer(sqlite3_column_int(inc, 17)));

    /* The ledger: allegations, confirmations and no-comments as notes, denials as opinions,
     * each about the report and the act's "targets" relationships. */
    sqlite3_reset(s->claims);
    sqlite3_bind_text(s->claims, 1, incident_id, -1, SQLITE_TRANSIENT);
    while ((step = sqlite3_step(s->claims)) == SQLITE_ROW) {
        const char *role = col(s->claims, 0), *actor_text = col(s->claims, 1), *actor_name = col(s->claims, 3);
        const char *who = actor_name && *actor_name ? actor_name : actor_text && *actor_text ? actor_text : "unknown";
        const char *sentence = col(s->claims, 10);
        char said[25], key[1024], id[STIX_ID_SIZE];
        timestamp(col(s->claims, 5) ? col(s->claims, 5) : col(inc, 9), said);
        snprintf(key, sizeof key, "%s|%s|%s|%s|%d|%s", incident_id, role, col(s->claims, 8),
                 col(s->claims, 9) ? col(s->claims, 9) : "", sqlite3_column_int(s->claims, 7),
                 actor_text ? actor_text : "");
        int denial = !strcmp(role, "denies");
        json_t *o = own_object(s, denial ? "opinion" : "note", key, said, id);
        json_object_set_new(o, "authors", json_pack("[s]", who));
        if (denial) {
            json_object_set_new(o, "opinion", json_string("strongly-disagree"));
            json_object_set_new(o, "explanation", json_string(sentence ? sentence : name));
        } else {
            char abstract[1400];
            const char *what = !strcmp(role, "alleges") ? "Alleged by" : !strcmp(role, "confirms") ? "Confirmed by"
                                                                                                    : "No comment from";
            snprintf(abstract, sizeof abstract, "%s %s: %s", what, who, name);
            json_object_set_new(o, "abstract", json_string(abstract));
            json_object_set_new(o, "content", json_string(sentence ? sentence : abstract));
        }
        json_t *about = json_pack("[s]", report_id);
        json_array_extend(about, targets);
        json_object_set_new(o, "object_refs", about);
        json_object_set_new(o, "x_vigil_role", json_string(role));
        if (col(s->claims, 2))
            json_object_set_new(o, "x_vigil_cameo_code", json_string(col(s->claims, 2)));
        json_object_set_new(o, "x_vigil_anonymous", json_boolean(sqlite3_column_int(s->claims, 4)));
        if (col(s->claims, 6))
            json_object_set_new(o, "x_vigil_publisher", json_string(col(s->claims, 6)));
        add_ref(report, "object_refs", id);
    }
    json_decref(targets);
    if (step != SQLITE_DONE)
        return vg_store_fail(s->store, "reading an incident's claims");
    /* A report must refer to something: with no actor, place or claim, its author. */
    if (!json_array_size(refs))
        add_ref(report, "object_refs", s->creator);
    return write_objects(s, s->own);
}

/* name -> identity class, from the dictionaries' sections. */
static json_t *dictionary_kinds(const vg_dict *dict)
{
    json_t *kinds = json_object();
    for (size_t i = 0; dict && i < vg_dict_count(dict, 0); i++) {
        const vg_dict_entry *e = vg_dict_entry_at(dict, i);
        const char *klass = e->kind == VG_DICT_PERSON ? "individual"
                            : e->kind == VG_DICT_GROUP ? "group"
                            : e->kind == VG_DICT_COUNTRY || e->kind == VG_DICT_ORGANISATION ? "organization"
                                                                                              : NULL;
        if (klass && e->name && !json_object_get(kinds, e->name))
            json_object_set_new(kinds, e->name, json_string(klass));
    }
    return kinds;
}

static json_t *iso_alpha2(void)
{
    json_t *map = json_object();
    json_t *iso = json_load_file(VG_EXPORT_ISO3166_PATH, 0, NULL);
    json_t *list = json_object_get(iso, "3166-1"), *c;
    size_t i;
    json_array_foreach(list, i, c) {
        const char *a3 = json_string_value(json_object_get(c, "alpha_3"));
        const char *a2 = json_string_value(json_object_get(c, "alpha_2"));
        if (a3 && a2)
            json_object_set_new(map, a3, json_string(a2));
    }
    json_decref(iso);
    return map;
}

/* The bundle's id: over the selection (since, first and last incident, count), known before
 * any incident is written. */
static int bundle_id(stix_state *s, char *id)
{
    sqlite3_stmt *st = NULL;
    const char *sql = "SELECT count(*), (SELECT id FROM incidents WHERE ?1 IS NULL OR last_reported >= ?1 ORDER BY seq"
                      " LIMIT 1), (SELECT id FROM incidents WHERE ?1 IS NULL OR last_reported >= ?1 ORDER BY seq DESC"
                      " LIMIT 1) FROM incidents WHERE ?1 IS NULL OR last_reported >= ?1";
    if (sqlite3_prepare_v2(s->store->db, sql, -1, &st, NULL) != SQLITE_OK)
        return vg_store_fail(s->store, "preparing the STIX export");
    vg_store_bind_text(st, 1, s->options->since);
    int rc = 0;
    if (sqlite3_step(st) == SQLITE_ROW) {
        char key[256];
        snprintf(key, sizeof key, "%s|%s|%s|%lld", s->options->since ? s->options->since : "all",
                 col(st, 1) ? col(st, 1) : "", col(st, 2) ? col(st, 2) : "", sqlite3_column_int64(st, 0));
        vg_export_stix_id("bundle", key, id, STIX_ID_SIZE);
    } else {
        rc = vg_store_fail(s->store, "counting incidents");
    }
    sqlite3_finalize(st);
    return rc;
}

int vg_export_stix(vg_store *store, const vg_export_options *options, FILE *out, vg_error *err)
{
    stix_state s = {store, options, out, 0, json_array(), json_object(), json_array(),
                    dictionary_kinds(options->dict), iso_alpha2(), "", NULL, NULL, NULL};
    sqlite3_stmt *inc = NULL;
    store->err = err;
    int rc = 0;
    if (sqlite3_prepare_v2(store->db,
                           "SELECT id, cameo, cameo_name, severity, mode, stance, place_name, place_country, date,"
                           " first_reported, last_reported, source_name, source_text, target_name, target_text,"
                           " n_events, n_documents, n_sources"
                           " FROM incidents WHERE ?1 IS NULL OR last_reported >= ?1 ORDER BY seq",
                           -1, &inc, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(store->db,
                           "SELECT source_name, source_code, source_text, target_name, target_code, target_text,"
                           " target_host FROM events WHERE incident = ?1 AND link = 'act' ORDER BY id",
                           -1, &s.acts, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(store->db,
                           "SELECT c.role, c.actor_text, c.actor_code, c.actor_name, c.anonymous, c.said_on,"
                           " c.publisher, c.sentence, d.body_hash, d.publisher, t.text"
                           " FROM claims c JOIN documents d ON d.id = c.document"
                           " LEFT JOIN sentences t ON t.document = c.document AND t.idx = c.sentence"
                           " WHERE c.incident = ?1 ORDER BY c.id",
                           -1, &s.claims, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(store->db,
                           "SELECT d.publisher, d.url, d.doc_id FROM documents d WHERE d.id IN"
                           " (SELECT document FROM events WHERE incident = ?1) ORDER BY d.id",
                           -1, &s.documents, NULL) != SQLITE_OK) {
        rc = vg_store_fail(store, "preparing the STIX export");
        goto out;
    }
    vg_store_bind_text(inc, 1, options->since);
    char id[STIX_ID_SIZE];
    if ((rc = bundle_id(&s, id)))
        goto out;
    if (fprintf(out, "{\n \"type\": \"bundle\",\n \"id\": \"%s\",\n \"objects\": [", id) < 0) {
        rc = vg_error_set(err, VG_EIO, "cannot write the output");
        goto out;
    }

    /* vigil itself, as the author of every object; its dates span the incidents'. */
    json_t *me = object(&s, "identity", "vigil", NO_DATE "T00:00:00.000Z", s.creator, NULL);
    json_object_set_new(me, "name", json_string("vigil"));
    json_object_set_new(me, "identity_class", json_string("system"));
    json_object_del(me, "created");
    json_object_del(me, "modified");

    int step;
    while ((step = sqlite3_step(inc)) == SQLITE_ROW)
        if ((rc = incident(&s, inc)))
            goto out;
    if (step != SQLITE_DONE) {
        rc = vg_store_fail(store, "reading incidents");
        goto out;
    }
    if (!json_object_get(me, "created"))
        touch(me, NO_DATE "T00:00:00.000Z");
    if ((rc = write_objects(&s, s.shared)))
        goto out;
    if (fputs("\n ]\n}\n", out) == EOF || ferror(out))
        rc = vg_error_set(err, VG_EIO, "cannot write the output");
out:
    sqlite3_finalize(inc);
    sqlite3_finalize(s.acts);
    sqlite3_finalize(s.claims);
    sqlite3_finalize(s.documents);
    json_decref(s.shared);
    json_decref(s.by_id);
    json_decref(s.own);
    json_decref(s.kinds);
    json_decref(s.alpha2);
    return rc;
}
