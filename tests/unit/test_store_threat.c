/* The threat formula, case by case, and a board over a small hand-built store. */
#include "check_store.h"
#include "store/query.h"
#include "store/store.h"
#include "store/threat.h"
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#define NEAR(a, b) (fabs((a) - (b)) < 1e-6)

static vg_cameo *cameo;

static void add(vg_store *store, vg_document *doc, vg_event *e)
{
    vg_sentence sentence = {0};
    sentence.end = doc->body_len;
    sentence.text = doc->body;
    vg_coded_document coded = {.doc = doc, .sentences = &sentence, .n_sentences = 1, .events = e, .n_events = 1};
    vg_store_result result;
    vg_error err = {0};
    CHECK_INT(vg_store_add(store, &coded, &result, &err), 0);
    vg_document_free(doc);
}

static vg_event event(const char *code, const vg_actor *source, const vg_actor *target, vg_event_mode mode,
                      vg_stance stance, int32_t date)
{
    vg_event e = {0};
    e.sentence = 1;
    e.cameo = vg_cameo_find(cameo, code);
    e.source = source;
    e.target = target;
    e.mode = mode;
    e.stance = stance;
    e.date = date;
    e.date_precision = VG_DATE_DAY;
    e.parent = -1;
    return e;
}

int main(void)
{
    /* The factors and the weight. */
    CHECK(NEAR(vg_threat_incident_weight(9, VG_THREAT_THWARTED, VG_THREAT_ALLEGED, 1), 0.9 * 0.75 * 0.7));
    CHECK(NEAR(vg_threat_incident_weight(10, VG_THREAT_OCCURRED, VG_THREAT_ASSERTED, 2), 1.25));
    CHECK(NEAR(vg_threat_incident_weight(10, VG_THREAT_OCCURRED, VG_THREAT_ASSERTED, 9), 2.0)); /* 5 sources max */
    CHECK(NEAR(vg_threat_incident_weight(7, VG_THREAT_THREATENED, VG_THREAT_ASSERTED, 1), 0.35));
    CHECK(NEAR(vg_threat_incident_weight(9, VG_THREAT_PLANNED, VG_THREAT_DENIED, 1), 0.9 * 0.7 * 0.3));
    CHECK(NEAR(vg_threat_incident_weight(9, VG_THREAT_ATTEMPTED, VG_THREAT_ASSERTED, 0), 0.81)); /* no source: x1 */
    CHECK(NEAR(vg_threat_incident_weight(0, VG_THREAT_OCCURRED, VG_THREAT_ASSERTED, 3), 0.0));
    CHECK(NEAR(vg_threat_incident_weight(15, VG_THREAT_OCCURRED, VG_THREAT_ASSERTED, 1), 1.0)); /* clamped */
    CHECK_INT(vg_threat_mode_parse("thwarted"), VG_THREAT_THWARTED);
    CHECK_INT(vg_threat_mode_parse("nonsense"), VG_THREAT_OCCURRED);
    CHECK_INT(vg_threat_stance_parse("denied"), VG_THREAT_DENIED);

    /* Recency: a 30-day half-life, measured in calendar days across months and years. */
    CHECK(NEAR(vg_threat_recency(20251107, 20251107), 1.0));
    CHECK(NEAR(vg_threat_recency(20251108, 20251107), 1.0)); /* dated after the board */
    CHECK(NEAR(vg_threat_recency(20251008, 20251107), 0.5));
    CHECK(NEAR(vg_threat_recency(20251208, 20260206), 0.25));
    CHECK(NEAR(vg_threat_recency(0, 20251107), 1.0));

    /* Levels at their thresholds. */
    CHECK_INT(vg_threat_level(0.0), 1);
    CHECK_INT(vg_threat_level(0.1999), 1);
    CHECK_INT(vg_threat_level(0.2), 2);
    CHECK_INT(vg_threat_level(0.47), 3);
    CHECK_INT(vg_threat_level(0.9), 4);
    CHECK_INT(vg_threat_level(1.6), 5);
    CHECK_INT(vg_threat_level(40.0), 5);
    CHECK_STR(vg_threat_level_name(3), "elevated");
    CHECK_STR(vg_threat_level_name(5), "critical");

    /* A board: an alleged thwarted plot against an ambassador (one source, on the board's
     * date) and a threat against the embassy 40 days earlier (two sources), against a class
     * of diplomats; nothing against a watched person. */
    vg_error err = {0};
    cameo = check_codebook();
    char dir[] = "/tmp/vigil-threat-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char path[256], watch_path[256];
    snprintf(path, sizeof path, "%s/t.db", dir);
    snprintf(watch_path, sizeof watch_path, "%s/watch.txt", dir);
    vg_store *store;
    CHECK_INT(vg_store_open(&store, path, 0, &err), 0);
    vg_actor iran = {.text = "Iran", .code = "IRN", .name = "Iran"};
    vg_actor ambassador = {.text = "Israel's ambassador to Mexico", .code = "ISRGOV", .host = "MEX"};
    vg_actor embassy = {.text = "the Israeli embassy in Buenos Aires", .code = "ISRGOV", .host = "ARG"};
    vg_actor officials = {.text = "U.S. officials", .code = "USAGOV", .anonymous = 1};
    vg_event plot = event("185", &iran, &ambassador, VG_MODE_THWARTED, VG_STANCE_ALLEGED, 20251106);
    plot.attributed_to = &officials;
    plot.n_attributed = 1;
    vg_event threat = event("138", &iran, &embassy, VG_MODE_THREATENED, VG_STANCE_ASSERTED, 20250928);
    add(store, check_document("t1", "Wire", "2025-09-28", "Iran threatened to attack the Israeli embassy in Buenos Aires."), &threat);
    add(store, check_document("t2", "Herald", "2025-09-29", "The Iranian government has threatened Israel's embassy in Argentina, the Herald has learned."), &threat);
    add(store, check_document("p1", "Wire", "2025-11-07", "U.S. officials said Mexico had thwarted an Iranian plot to kill Israel's ambassador."), &plot);

    FILE *f = fopen(watch_path, "w");
    fputs("class  Israeli diplomatic missions and their staff\n  codes: ISRGOV\n  roles: ambassador | embassy\n"
          "person  Donald Trump\n  codes: USAGOV USAELI\n"
          "place  Israeli embassy in Mexico\n  codes: ISRGOV\n  roles: embassy\n  host: MEX\n", f);
    fclose(f);
    vg_watchlist *list;
    CHECK_INT(vg_watchlist_load(&list, watch_path, &err), 0);
    json_t *board = NULL;
    CHECK_INT(vg_store_board(store, list, 0, 3, &board, &err), 0);
    if (board) {
        CHECK_STR(json_string_value(json_object_get(board, "as_of")), "2025-11-07");
        const json_t *entities = json_object_get(board, "entities");
        CHECK_INT(json_array_size(entities), 3);
        const json_t *first = json_array_get(entities, 0);
        CHECK_STR(json_string_value(json_object_get(first, "entity")), "Israeli diplomatic missions and their staff");
        double plot_weight = 0.9 * 0.75 * 0.7, threat_weight = 0.7 * 0.5 * 1.0 * 1.25;
        /* Recency runs from the acts' dates: the plot one day before the board, the threat 40. */
        double expected = plot_weight * pow(0.5, 1.0 / 30.0) + threat_weight * pow(0.5, 40.0 / 30.0);
        CHECK(NEAR(json_real_value(json_object_get(first, "score")), expected));
        CHECK_INT(json_integer_value(json_object_get(first, "level")), 3);
        CHECK_INT(json_integer_value(json_object_get(first, "incidents_total")), 2);
        const json_t *top = json_array_get(json_object_get(first, "incidents"), 0);
        CHECK(NEAR(json_real_value(json_object_get(top, "contribution")), plot_weight * pow(0.5, 1.0 / 30.0)));
        CHECK(NEAR(json_real_value(json_object_get(top, "weight")), plot_weight));
        CHECK_STR(json_string_value(json_object_get(top, "mode")), "thwarted");
        const json_t *evidence = json_array_get(json_object_get(top, "evidence"), 0);
        CHECK(evidence && strstr(json_string_value(json_object_get(evidence, "text")), "thwarted") != NULL);
        const json_t *alleges = json_object_get(json_object_get(top, "ledger"), "alleges");
        CHECK_STR(json_string_value(json_object_get(json_array_get(alleges, 0), "actor")), "U.S. officials");
        const json_t *second = json_array_get(json_object_get(first, "incidents"), 1);
        CHECK_INT(json_integer_value(json_object_get(second, "independent_sources")), 2);
        /* The embassy in Mexico: only postings there count, and the ambassador is not an
         * embassy: no incident. The person: none. Both normal. */
        for (size_t i = 1; i < 3; i++) {
            const json_t *e = json_array_get(entities, i);
            CHECK_INT(json_integer_value(json_object_get(e, "level")), 1);
            CHECK_INT(json_integer_value(json_object_get(e, "incidents_total")), 0);
        }
        json_decref(board);
    }
    /* Seen from two months later, the same incidents weigh a quarter as much or less. */
    CHECK_INT(vg_store_board(store, list, 20260106, 3, &board, &err), 0);
    if (board) {
        const json_t *first = json_array_get(json_object_get(board, "entities"), 0);
        CHECK(json_real_value(json_object_get(first, "score")) < 0.2);
        CHECK_INT(json_integer_value(json_object_get(first, "level")), 1);
        json_decref(board);
    }
    vg_watchlist_free(list);
    vg_store_close(store);
    vg_cameo_free(cameo);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        return 1;
    return check_finish("test_store_threat");
}
