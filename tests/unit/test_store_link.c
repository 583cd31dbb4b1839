/* The store and the incident linker on hand-built events: one plot reported by a wire story,
 * two copies of it, an independent article and an accusation; a denial and a no-comment; an
 * unrelated attack and a denied plot against someone else. Checks incidents, the claims
 * ledger, independent-source counts, idempotence and stable incident ids. */
#include "check_store.h"
#include "store/store.h"
#include "store/store_internal.h"
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

static vg_cameo *cameo;

static const char wire_body[] =
    "Mexican authorities thwarted a plot by Iran's Revolutionary Guard to assassinate Israel's "
    "ambassador to Mexico, U.S. officials said on Thursday, describing an operation that began "
    "late last year and was run from Venezuela by an officer of the Quds Force. The officials, who "
    "spoke on condition of anonymity, said the plot was contained before any attack could take "
    "place. Mexico's foreign ministry said it had no information about the plot. Iran's mission to "
    "the United Nations declined to comment on the allegations.";

/* The same story as an outlet ran it: a different first word and a credit line added. */
static const char copy_body[] =
    "MEXICAN authorities thwarted a plot by Iran's Revolutionary Guard to assassinate Israel's "
    "ambassador to Mexico, U.S. officials said on Thursday, describing an operation that began "
    "late last year and was run from Venezuela by an officer of the Quds Force. The officials, who "
    "spoke on condition of anonymity, said the plot was contained before any attack could take "
    "place. Mexico's foreign ministry said it had no information about the plot. Iran's mission to "
    "the United Nations declined to comment on the allegations. Wire staff contributed.";

static const char other_body[] =
    "Israeli officials said Iran had tried to kill the country's envoy in Mexico City, in the latest "
    "of a string of plots they attribute to Tehran's elite forces. The officials said the security "
    "services of several countries had cooperated to stop it. They gave no details of the suspects.";

static const char accusation_body[] =
    "The State Department accused Iran of plotting to assassinate the Israeli ambassador in Mexico "
    "and said Washington would hold Tehran responsible for attacks on diplomats anywhere.";

static const char war_body[] =
    "Russian forces shelled the city of Kharkiv overnight, Ukrainian officials said, killing three people.";

static const char trump_body[] =
    "Iran's foreign ministry spokesman denied that Tehran had any plan to harm Donald Trump and called the "
    "reports fabricated.";

static vg_actor actor(const char *text, const char *code, const char *name)
{
    vg_actor a = {0};
    a.text = text;
    a.code = code;
    a.name = name;
    return a;
}

static vg_event event(const char *code, const vg_actor *source, const vg_actor *target, vg_event_mode mode,
                      vg_stance stance, int32_t date, vg_date_precision precision)
{
    vg_event e = {0};
    e.sentence = 1;
    e.text = "(sentence)";
    e.cameo = vg_cameo_find(cameo, code);
    if (!e.cameo) {
        fprintf(stderr, "no code %s\n", code);
        exit(1);
    }
    e.source = source;
    e.target = target;
    e.mode = mode;
    e.stance = stance;
    e.date = date;
    e.date_precision = precision;
    e.parent = -1;
    return e;
}

static vg_store_result add(vg_store *store, vg_document *doc, vg_event *events, size_t n)
{
    vg_sentence sentence = {0};
    sentence.start = 0;
    sentence.end = doc->body_len;
    sentence.text = doc->body;
    vg_coded_document coded = {.doc = doc, .sentences = &sentence, .n_sentences = 1, .events = events, .n_events = n};
    vg_store_result result;
    vg_error err = {0};
    int rc = vg_store_add(store, &coded, &result, &err);
    if (rc)
        fprintf(stderr, "vg_store_add(%s): %s\n", doc->id, err.message);
    CHECK_INT(rc, 0);
    return result;
}

static long long query_int(const char *db_path, const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *stmt;
    long long value = -1;
    if (sqlite3_open(db_path, &db) == SQLITE_OK && sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK) {
        if (sqlite3_step(stmt) == SQLITE_ROW)
            value = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
    } else {
        fprintf(stderr, "query %s: %s\n", sql, sqlite3_errmsg(db));
    }
    sqlite3_close(db);
    return value;
}

static void query_text(const char *db_path, const char *sql, char *out, size_t size)
{
    sqlite3 *db;
    sqlite3_stmt *stmt;
    out[0] = '\0';
    if (sqlite3_open(db_path, &db) == SQLITE_OK && sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK) {
        if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
            snprintf(out, size, "%s", (const char *)sqlite3_column_text(stmt, 0));
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
}

/* The scenario, stored into path; returns the incident id of the Mexico plot in id. */
static void run_scenario(const char *path, char *plot_id, size_t plot_id_size, int check_results)
{
    vg_store *store;
    vg_error err = {0};
    CHECK_INT(vg_store_open(&store, path, 0, &err), 0);
    if (!store) {
        fprintf(stderr, "%s\n", err.message);
        exit(1);
    }
    CHECK_INT(vg_store_schema_version(store), VG_STORE_SCHEMA_VERSION);

    vg_actor irgc = actor("Iran's Revolutionary Guard", "IRNMIL", "Islamic Revolutionary Guard Corps");
    vg_actor iran = actor("Iran", "IRN", "Iran");
    vg_actor tehran = actor("Tehran", "IRNGOV", NULL);
    vg_actor ambassador = actor("Israel's ambassador to Mexico", "ISRGOV", "Einat Kranz Neiger");
    vg_actor envoy = actor("the country's envoy in Mexico City", "ISRGOV", NULL);
    vg_actor us_officials = actor("U.S. officials", "USAGOV", NULL);
    us_officials.anonymous = 1;
    vg_actor israeli_officials = actor("Israeli officials", "ISRGOV", NULL);
    vg_actor mexico_fm = actor("Mexico's foreign ministry", "MEXGOV", "Secretariat of Foreign Affairs");
    vg_actor iran_un = actor("Iran's mission to the United Nations", "IRNGOV", NULL);
    vg_actor state = actor("The State Department", "USAGOV", "U.S. Department of State");
    vg_actor russia = actor("Russian forces", "RUSMIL", NULL);
    vg_actor kharkiv = actor("the city of Kharkiv", "UKR", NULL);
    vg_actor spokesman = actor("Iran's foreign ministry spokesman", "IRNGOV", NULL);
    vg_actor trump = actor("Donald Trump", "USAGOV", "Donald Trump");

    /* 1. The wire story: an alleged thwarted plot, a denial of knowledge, a no-comment. */
    vg_document *wire = check_document("wire-1", "Wire", "2025-11-07", wire_body);
    vg_event wire_events[3];
    wire_events[0] = event("185", &irgc, &ambassador, VG_MODE_THWARTED, VG_STANCE_ALLEGED, 20251106, VG_DATE_DAY);
    wire_events[0].attributed_to = &us_officials;
    wire_events[0].n_attributed = 1;
    wire_events[0].place_name = "Mexico";
    wire_events[0].place_country = "MEX";
    wire_events[1] = event("016", &mexico_fm, NULL, VG_MODE_OCCURRED, VG_STANCE_ASSERTED, 20251107, VG_DATE_PUBLICATION);
    wire_events[1].sentence = 3;
    wire_events[2] = event("011", &iran_un, NULL, VG_MODE_OCCURRED, VG_STANCE_ASSERTED, 20251107, VG_DATE_PUBLICATION);
    wire_events[2].sentence = 4;
    vg_store_result r = add(store, wire, wire_events, 3);
    if (check_results) {
        CHECK_INT(r.is_new, 1);
        CHECK_INT(r.events, 3);
        CHECK_INT(r.incidents_new, 1);
        CHECK_INT(r.is_copy, 0);
    }

    /* 2. Storing the same document again changes nothing. */
    r = add(store, wire, wire_events, 3);
    if (check_results) {
        CHECK_INT(r.is_new, 0);
        CHECK_INT(r.events, 0);
    }

    /* 3. Two outlets run the wire story: the same incident, still one independent source. */
    vg_document *copy1 = check_document("outlet-a-1", "Outlet A", "2025-11-07", copy_body);
    vg_document *copy2 = check_document("outlet-b-1", "Outlet B", "2025-11-08", wire_body);
    r = add(store, copy1, wire_events, 3);
    if (check_results) {
        CHECK_INT(r.is_new, 1);
        CHECK_INT(r.is_copy, 1);
        CHECK_INT(r.incidents_new, 0);
        CHECK_INT(r.incidents_linked, 1);
    }
    r = add(store, copy2, wire_events, 3);
    if (check_results)
        CHECK_INT(r.is_copy, 1);

    /* 4. An independent article: the act undated (publication date), the target known only by
     * code, the source by its capital. Same incident, a second source. */
    vg_document *other = check_document("daily-1", "Daily Planet", "2025-11-09", other_body);
    vg_event other_events[1];
    other_events[0] = event("185", &tehran, &envoy, VG_MODE_ATTEMPTED, VG_STANCE_ALLEGED, 0, VG_DATE_NONE);
    other_events[0].attributed_to = &israeli_officials;
    other_events[0].n_attributed = 1;
    r = add(store, other, other_events, 1);
    if (check_results) {
        CHECK_INT(r.is_copy, 0);
        CHECK_INT(r.incidents_new, 0);
        CHECK_INT(r.incidents_linked, 1);
    }

    /* 5. An accusation whose content is the plot: the accuser alleges it. */
    vg_document *accusation = check_document("state-1", "State Wire", "2025-11-10", accusation_body);
    vg_event acc_events[2];
    acc_events[0] = event("112", &state, &iran, VG_MODE_OCCURRED, VG_STANCE_ASSERTED, 20251110, VG_DATE_PUBLICATION);
    acc_events[1] = event("186", &iran, &ambassador, VG_MODE_PLANNED, VG_STANCE_ALLEGED, 0, VG_DATE_NONE);
    acc_events[1].parent = 0;
    r = add(store, accusation, acc_events, 2);
    if (check_results)
        CHECK_INT(r.incidents_new, 0);

    /* 6. An unrelated attack: its own incident. */
    vg_document *war = check_document("war-1", "Wire", "2025-11-08", war_body);
    vg_event war_events[1];
    war_events[0] = event("190", &russia, &kharkiv, VG_MODE_OCCURRED, VG_STANCE_ASSERTED, 20251107, VG_DATE_DAY);
    r = add(store, war, war_events, 1);
    if (check_results)
        CHECK_INT(r.incidents_new, 1);

    /* 7. A plot only known from its denial, against another target: its own incident. */
    vg_document *denial = check_document("trump-1", "Wire", "2025-11-09", trump_body);
    vg_event denial_events[1];
    denial_events[0] = event("185", &spokesman, &trump, VG_MODE_PLANNED, VG_STANCE_DENIED, 0, VG_DATE_NONE);
    r = add(store, denial, denial_events, 1);
    if (check_results)
        CHECK_INT(r.incidents_new, 1);

    vg_store_counts counts;
    CHECK_INT(vg_store_counts_get(store, &counts, &err), 0);
    if (check_results) {
        CHECK_INT(counts.documents, 7);
        CHECK_INT(counts.incidents, 3);
        CHECK_INT(counts.events, 14);
    }
    vg_store_close(store);
    query_text(path, "SELECT incident FROM events WHERE cameo = '185' ORDER BY id LIMIT 1", plot_id, plot_id_size);
    vg_document_free(wire);
    vg_document_free(copy1);
    vg_document_free(copy2);
    vg_document_free(other);
    vg_document_free(accusation);
    vg_document_free(war);
    vg_document_free(denial);
}

/* The incident of document doc_id's event idx, into out. */
static void incident_of(const char *path, const char *doc_id, int idx, char *out, size_t size)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT e.incident FROM events e JOIN documents d ON d.id = e.document WHERE d.doc_id = '%s' AND e.idx = %d",
             doc_id, idx);
    query_text(path, sql, out, size);
}

/* Two acts against one country's GOV: a plot against its embassy and shots at its
 * ambassador's car are two incidents (a facility and a person are two targets), and a later
 * report of an attack on "the ambassador" joins the shots. A no-comment whose target is the
 * prosecutors answers their charges, not the alleged plot the report tells next to them. */
static void check_target_kinds_and_answers(const char *dir)
{
    char path[256];
    snprintf(path, sizeof path, "%s/kinds.db", dir);
    vg_store *store = NULL;
    vg_error err = {0};
    CHECK_INT(vg_store_open(&store, path, 0, &err), 0);
    if (!store)
        return;
    vg_actor embassy = actor("the Norland embassy", "XNLGOV", NULL);
    embassy.kind = VG_KIND_FACILITY;
    vg_actor car = actor("Jonas Weller's car", "XNLGOV", "Jonas Weller");
    car.kind = VG_KIND_PERSON;
    vg_actor ambassador = actor("Norland's ambassador", "XNLGOV", NULL);
    ambassador.kind = VG_KIND_PERSON;
    vg_actor gunmen = actor("Gunmen", "XASUAF", NULL);
    vg_actor prosecutors = actor("Valdorian prosecutors", "XVDJUD", NULL);
    vg_actor mission = actor("Karesh's embassy", "XKRGOV", NULL);
    vg_actor spies = actor("Karesh's intelligence service", "XKRSPY", NULL);

    vg_document *plot = check_document("plot", "Wire", "2026-01-20", "Police foiled a plot to bomb the Norland embassy.");
    vg_event plot_events[1] = {
        event("183", NULL, &embassy, VG_MODE_THWARTED, VG_STANCE_ASSERTED, 20260120, VG_DATE_DAY)};
    add(store, plot, plot_events, 1);
    vg_document *shots = check_document("shots", "Herald", "2026-01-21", "Gunmen fired on the ambassador's car.");
    vg_event shots_events[1] = {
        event("193", &gunmen, &car, VG_MODE_OCCURRED, VG_STANCE_ASSERTED, 20260121, VG_DATE_DAY)};
    add(store, shots, shots_events, 1);
    vg_document *later = check_document("later", "Ledger", "2026-01-23", "Norland blamed Karesh for the attack on its ambassador.");
    vg_event later_events[1] = {
        event("180", NULL, &ambassador, VG_MODE_OCCURRED, VG_STANCE_ASSERTED, 20260123, VG_DATE_PUBLICATION)};
    add(store, later, later_events, 1);
    /* Karesh blamed for the shots: the gunmen were unidentified, so they are no other side's;
     * "his car", resolved to the ambassador's words, is no name to disagree with. */
    vg_actor his_car = actor("his car", "XNLGOV", "Norland's ambassador to Astoria");
    his_car.kind = VG_KIND_PERSON;
    his_car.resolved = 1;
    vg_document *blame = check_document("blame", "Courier", "2026-01-23", "Norland blamed Karesh's spies for the shots at his car.");
    vg_event blame_events[1] = {
        event("180", &spies, &his_car, VG_MODE_OCCURRED, VG_STANCE_ALLEGED, 20260123, VG_DATE_PUBLICATION)};
    add(store, blame, blame_events, 1);
    char a[32], b[32], c[32], d[32];
    incident_of(path, "plot", 0, a, sizeof a);
    incident_of(path, "shots", 0, b, sizeof b);
    incident_of(path, "later", 0, c, sizeof c);
    incident_of(path, "blame", 0, d, sizeof d);
    CHECK(a[0] && b[0] && strcmp(a, b) != 0);
    CHECK_STR(c, b);
    CHECK_STR(d, b);

    vg_document *charges = check_document("charges", "Wire", "2026-01-24",
                                          "Prosecutors charged three men. Karesh's embassy declined to comment on the charges.");
    vg_event charge_events[3];
    charge_events[0] = event("173", &prosecutors, NULL, VG_MODE_OCCURRED, VG_STANCE_ASSERTED, 20260124, VG_DATE_DAY);
    charge_events[1] = event("1834", &spies, &embassy, VG_MODE_PLANNED, VG_STANCE_ALLEGED, 20260124, VG_DATE_PUBLICATION);
    charge_events[2] = event("011", &mission, &prosecutors, VG_MODE_OCCURRED, VG_STANCE_ASSERTED, 20260124, VG_DATE_DAY);
    add(store, charges, charge_events, 3);
    incident_of(path, "charges", 0, a, sizeof a);
    incident_of(path, "charges", 2, b, sizeof b);
    CHECK(a[0] != 0);
    CHECK_STR(b, a);
    CHECK_INT(query_int(path, "SELECT count(*) FROM claims WHERE role = 'no_comment' AND actor_text = \"Karesh's embassy\""), 1);
    /* the kinds are kept: an incident's first known target kind */
    CHECK_INT(query_int(path, "SELECT count(*) FROM incidents WHERE target_kind = 'facility'"), 1);
    vg_store_close(store);
    vg_document_free(plot);
    vg_document_free(shots);
    vg_document_free(later);
    vg_document_free(blame);
    vg_document_free(charges);
}

/* A store of its own for one case, in dir. */
static vg_store *case_store(const char *dir, const char *name, char *path, size_t size)
{
    snprintf(path, size, "%s/%s.db", dir, name);
    vg_store *store = NULL;
    vg_error err = {0};
    CHECK_INT(vg_store_open(&store, path, 0, &err), 0);
    return store;
}

/* Stores a report of one act (freed at once: the store keeps its own copy) and writes the
 * incident the act joined into id. */
static void report_one(vg_store *store, const char *path, const char *doc_id, const char *publisher,
                       const char *date, const char *text, vg_event ev, char id[32])
{
    vg_document *doc = check_document(doc_id, publisher, date, text);
    add(store, doc, &ev, 1);
    incident_of(path, doc_id, 0, id, 32);
    vg_document_free(doc);
}

/* A threat against a country's diplomats, an unnamed class of people, is not the threat
 * against its named foreign minister a month before, though the source and the target's code
 * are the same; a later report of threats against "Norland's diplomats" joins the former. */
static void check_people_and_person(const char *dir)
{
    char path[256], a[32], b[32], c[32];
    vg_store *store = case_store(dir, "people", path, sizeof path);
    if (!store)
        return;
    vg_actor brigade = actor("the Red Hand Brigade", "IMGUAFRHB", "Red Hand Brigade");
    vg_actor minister = actor("Foreign Minister Helga Brandt", "XNLGOV", "Helga Brandt");
    minister.kind = VG_KIND_PERSON;
    vg_actor diplomats = actor("Norland's diplomats", "XNLGOV", NULL);
    diplomats.kind = VG_KIND_PERSON;
    diplomats.anonymous = 1;
    report_one(store, path, "first", "Wire", "2026-01-07", "The Brigade threatened to kill Brandt.",
               event("138", &brigade, &minister, VG_MODE_THREATENED, VG_STANCE_ASSERTED, 20260107, VG_DATE_DAY), a);
    /* undated: the report's date stands in, and its window reaches back to the first threat */
    report_one(store, path, "video", "Courier", "2026-02-10", "The Brigade threatened Norland's diplomats.",
               event("138", &brigade, &diplomats, VG_MODE_THREATENED, VG_STANCE_ASSERTED, 20260210,
                     VG_DATE_PUBLICATION), b);
    report_one(store, path, "again", "Ledger", "2026-02-12", "The Brigade's threats to Norland's diplomats.",
               event("138", &brigade, &diplomats, VG_MODE_THREATENED, VG_STANCE_ASSERTED, 20260212,
                     VG_DATE_PUBLICATION), c);
    CHECK(a[0] && b[0] && strcmp(a, b) != 0);
    CHECK_STR(c, b);
    CHECK_INT(query_int(path, "SELECT count(*) FROM incidents WHERE target_kind = 'people'"), 1);
    vg_store_close(store);
}

/* Two acts each dated to a day, days apart, are two acts (the arrests on the 19th, the
 * charges on the 22nd); a report a day off joins (an act late at night, another time zone). */
static void check_days_apart(const char *dir)
{
    char path[256], a[32], b[32], c[32];
    vg_store *store = case_store(dir, "days", path, sizeof path);
    if (!store)
        return;
    vg_actor police = actor("Valdorian police", "XVDCOP", NULL);
    vg_actor men = actor("three Karesh men", "XKR", NULL);
    report_one(store, path, "arrest", "Wire", "2026-01-19", "Police arrested three men.",
               event("173", &police, &men, VG_MODE_OCCURRED, VG_STANCE_ASSERTED, 20260119, VG_DATE_DAY), a);
    report_one(store, path, "late", "Herald", "2026-01-20", "Police arrested three men late on Monday.",
               event("173", &police, &men, VG_MODE_OCCURRED, VG_STANCE_ASSERTED, 20260120, VG_DATE_DAY), b);
    report_one(store, path, "charge", "Ledger", "2026-01-22", "Police charged three men on Thursday.",
               event("173", &police, &men, VG_MODE_OCCURRED, VG_STANCE_ASSERTED, 20260122, VG_DATE_DAY), c);
    CHECK(a[0] && c[0]);
    CHECK_STR(b, a);
    CHECK(strcmp(a, c) != 0);
    vg_store_close(store);
}

/* Words are news within the week: an undated "thanked" in a report joins a thanks of the days
 * before, not one three weeks earlier (an undated attack may be months old). The reports'
 * texts differ: a near copy of a stored story would join its acts whatever their dates. */
static void check_words_within_week(const char *dir)
{
    char path[256], a[32], b[32], c[32];
    vg_store *store = case_store(dir, "words", path, sizeof path);
    if (!store)
        return;
    vg_actor minister = actor("Foreign Minister Helga Brandt", "XNLGOV", "Helga Brandt");
    vg_actor police = actor("Valdoria's police", "XVDCOP", NULL);
    report_one(store, path, "thanks", "Wire", "2026-01-22", "Brandt thanked Valdoria's police on Thursday.",
               event("051", &minister, &police, VG_MODE_OCCURRED, VG_STANCE_ASSERTED, 20260122, VG_DATE_DAY), a);
    report_one(store, path, "again", "Herald", "2026-01-24", "Brandt thanked Valdoria's police.",
               event("051", &minister, &police, VG_MODE_OCCURRED, VG_STANCE_ASSERTED, 20260124,
                     VG_DATE_PUBLICATION), b);
    report_one(store, path, "visit", "Ledger", "2026-02-12",
               "On a visit to Valdoria City, the minister again thanked its police for their work.",
               event("051", &minister, &police, VG_MODE_OCCURRED, VG_STANCE_ASSERTED, 20260212,
                     VG_DATE_PUBLICATION), c);
    CHECK(a[0] && c[0]);
    CHECK_STR(b, a);
    CHECK(strcmp(a, c) != 0);
    vg_store_close(store);
}

int main(void)
{
    vg_error err = {0};
    cameo = check_codebook();
    char dir[] = "/tmp/vigil-store-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char path[256], path2[256], sql[512], text[256];
    snprintf(path, sizeof path, "%s/a.db", dir);
    snprintf(path2, sizeof path2, "%s/b.db", dir);

    check_target_kinds_and_answers(dir);
    check_people_and_person(dir);
    check_days_apart(dir);
    check_words_within_week(dir);

    char plot[32];
    run_scenario(path, plot, sizeof plot, 1);
    CHECK(strncmp(plot, "inc-", 4) == 0);

    /* The plot's incident: every report of it, four publishers but three independent sources
     * (the wire and its two copies count once), the most severe code reported, the strongest
     * mode and stance, the most precise date. */
    snprintf(sql, sizeof sql, "SELECT n_documents FROM incidents WHERE id = '%s'", plot);
    CHECK_INT(query_int(path, sql), 5);
    snprintf(sql, sizeof sql, "SELECT n_sources FROM incidents WHERE id = '%s'", plot);
    CHECK_INT(query_int(path, sql), 3);
    snprintf(sql, sizeof sql, "SELECT cameo || ' ' || mode || ' ' || stance || ' ' || date FROM incidents WHERE id = '%s'", plot);
    query_text(path, sql, text, sizeof text);
    CHECK_STR(text, "186 attempted alleged 2025-11-06");
    snprintf(sql, sizeof sql, "SELECT source_code || ' ' || target_code FROM incidents WHERE id = '%s'", plot);
    query_text(path, sql, text, sizeof text);
    CHECK_STR(text, "IRNMIL ISRGOV");

    /* Its ledger: U.S. officials (anonymous), Israeli officials and the State Department allege;
     * Mexico's foreign ministry denies (once per document: three copies of the wire); Iran's UN
     * mission declines to comment. */
    snprintf(sql, sizeof sql,
             "SELECT group_concat(role || ':' || actor_text, '; ') FROM (SELECT DISTINCT role, actor_text FROM claims"
             " WHERE incident = '%s' ORDER BY role, actor_text)", plot);
    query_text(path, sql, text, sizeof text);
    CHECK_STR(text, "alleges:Israeli officials; alleges:The State Department; alleges:U.S. officials; "
                    "denies:Mexico's foreign ministry; no_comment:Iran's mission to the United Nations");
    snprintf(sql, sizeof sql, "SELECT count(*) FROM claims WHERE incident = '%s' AND role = 'denies'", plot);
    CHECK_INT(query_int(path, sql), 3);
    CHECK_INT(query_int(path, "SELECT anonymous FROM claims WHERE actor_text = 'U.S. officials' LIMIT 1"), 1);
    snprintf(sql, sizeof sql, "SELECT count(DISTINCT said_on) FROM claims WHERE incident = '%s' AND role = 'denies'", plot);
    CHECK_INT(query_int(path, sql), 2);

    /* The denied plot against Trump: stance denied, its speaker denies. */
    query_text(path, "SELECT stance || ' ' || target_name FROM incidents WHERE target_name = 'Donald Trump'", text,
               sizeof text);
    CHECK_STR(text, "denied Donald Trump");
    CHECK_INT(query_int(path, "SELECT count(*) FROM claims c JOIN incidents i ON i.id = c.incident"
                              " WHERE i.target_name = 'Donald Trump' AND c.role = 'denies'"), 1);

    /* Copies point at the first document of their story. */
    CHECK_INT(query_int(path, "SELECT count(*) FROM documents WHERE copy_of IS NOT NULL"), 2);
    CHECK_INT(query_int(path, "SELECT count(DISTINCT origin) FROM documents"), 3);

    /* Actors: one row per canonical entity, with the words used for it. */
    CHECK_INT(query_int(path, "SELECT count(*) FROM actor_aliases a JOIN actors b ON b.id = a.actor"
                              " WHERE b.key = 'ISRGOV'"), 2);

    /* The same documents stored in the same order into a new file give the same incident ids. */
    char plot2[32];
    run_scenario(path2, plot2, sizeof plot2, 0);
    CHECK_STR(plot2, plot);

    /* A version 1 store (before target kinds) opened for writing is migrated; read-only, it is
     * refused with the way to migrate it. */
    char old[256];
    snprintf(old, sizeof old, "%s/v1.db", dir);
    {
        vg_store *s1 = NULL;
        CHECK_INT(vg_store_open(&s1, old, 0, &err), 0);
        vg_store_close(s1);
        sqlite3 *db1;
        sqlite3_open(old, &db1);
        CHECK_INT(sqlite3_exec(db1, "ALTER TABLE events DROP COLUMN target_kind; ALTER TABLE incidents DROP COLUMN"
                                    " target_kind; PRAGMA user_version = 1", NULL, NULL, NULL), SQLITE_OK);
        sqlite3_close(db1);
        CHECK_INT(vg_store_open(&s1, old, VG_STORE_READONLY, &err), VG_EIO);
        CHECK(strstr(err.message, "next vigil ingest") != NULL);
        CHECK_INT(vg_store_open(&s1, old, 0, &err), 0);
        CHECK_INT(vg_store_schema_version(s1), VG_STORE_SCHEMA_VERSION);
        vg_store_close(s1);
        CHECK_INT(query_int(old, "SELECT count(*) FROM pragma_table_info('incidents') WHERE name = 'target_kind'"), 1);
    }

    /* Not a vigil store: refused, naming the file. */
    char foreign[256];
    snprintf(foreign, sizeof foreign, "%s/foreign.db", dir);
    sqlite3 *db;
    sqlite3_open(foreign, &db);
    sqlite3_exec(db, "CREATE TABLE t (x)", NULL, NULL, NULL);
    sqlite3_close(db);
    vg_store *store = NULL;
    CHECK_INT(vg_store_open(&store, foreign, 0, &err), VG_EIO);
    CHECK(strstr(err.message, "not a vigil store") != NULL);
    CHECK(strstr(err.message, "foreign.db") != NULL);
    /* A store from a newer vigil is refused too. */
    sqlite3_open(foreign, &db);
    sqlite3_exec(db, "DROP TABLE t; PRAGMA user_version = 99", NULL, NULL, NULL);
    sqlite3_close(db);
    CHECK_INT(vg_store_open(&store, foreign, 0, &err), VG_EIO);
    CHECK(strstr(err.message, "newer") != NULL);

    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    vg_cameo_free(cameo);
    return check_finish("test_store_link");
}
