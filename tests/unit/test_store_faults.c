/* Storing a document when the Nth allocation fails: every failure is reported as VG_ENOMEM and
 * leaves the store as it was (no half-stored document, incident or claim); storing again once
 * memory is back gives the same store as storing it the first time. */
#include "check_store.h"
#include "store/store.h"
#include "util/alloc.h"
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

static long long count(const char *path, const char *table)
{
    sqlite3 *db;
    sqlite3_stmt *stmt;
    char sql[128];
    long long n = -1;
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
    if (sqlite3_open(path, &db) == SQLITE_OK && sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK) {
        if (sqlite3_step(stmt) == SQLITE_ROW)
            n = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return n;
}

int main(void)
{
    vg_cameo *cameo = check_codebook();
    vg_error err = {0};
    char dir[] = "/tmp/vigil-faults-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char path[256];
    snprintf(path, sizeof path, "%s/f.db", dir);
    static const char json[] =
        "{\"id\":\"f1\",\"source\":\"Wire\",\"date\":\"2025-11-07\",\"text\":\"U.S. officials said Iran plotted to "
        "kill Israel's ambassador. Mexico denied it. Iran's mission declined to comment.\"}";
    vg_document *doc;
    if (vg_document_from_text(&doc, "f1", json, strlen(json), VG_FORMAT_JSONL, NULL, &err) != 0)
        return 1;
    vg_actor iran = {.text = "Iran", .code = "IRN"}, ambassador = {.text = "Israel's ambassador", .code = "ISRGOV"};
    vg_actor officials = {.text = "U.S. officials", .code = "USAGOV", .anonymous = 1};
    vg_actor mexico = {.text = "Mexico", .code = "MEX"}, mission = {.text = "Iran's mission", .code = "IRNGOV"};
    vg_event events[3] = {{0}};
    for (int i = 0; i < 3; i++) {
        events[i].sentence = (uint32_t)(i + 1);
        events[i].parent = -1;
        events[i].date = 20251107;
        events[i].date_precision = VG_DATE_PUBLICATION;
    }
    events[0].cameo = vg_cameo_find(cameo, "185");
    events[0].source = &iran;
    events[0].target = &ambassador;
    events[0].mode = VG_MODE_PLANNED;
    events[0].stance = VG_STANCE_ALLEGED;
    events[0].attributed_to = &officials;
    events[0].n_attributed = 1;
    events[1].cameo = vg_cameo_find(cameo, "016");
    events[1].source = &mexico;
    events[2].cameo = vg_cameo_find(cameo, "011");
    events[2].source = &mission;
    vg_sentence sentences[3] = {{0}};
    for (int i = 0; i < 3; i++)
        sentences[i].text = "(sentence)";
    vg_coded_document coded = {.doc = doc, .sentences = sentences, .n_sentences = 3, .events = events, .n_events = 3};

    vg_store *store;
    CHECK_INT(vg_store_open(&store, path, 0, &err), 0);
    int stored = 0, failures = 0;
    for (long nth = 1; nth < 200 && !stored; nth++) {
        vg_store_result result;
        vg_alloc_fail_after(nth);
        int rc = vg_store_add(store, &coded, &result, &err);
        vg_alloc_fail_after(0);
        if (rc == 0) {
            stored = 1;
            CHECK_INT(result.is_new, 1);
            break;
        }
        failures++;
        CHECK_INT(rc, VG_ENOMEM);
        /* Nothing of the document is left behind. */
        CHECK_INT(count(path, "documents"), 0);
        CHECK_INT(count(path, "events"), 0);
        CHECK_INT(count(path, "incidents"), 0);
        CHECK_INT(count(path, "claims"), 0);
    }
    CHECK(stored);
    CHECK(failures > 0);
    CHECK_INT(count(path, "documents"), 1);
    CHECK_INT(count(path, "events"), 3);
    CHECK_INT(count(path, "incidents"), 1);
    CHECK_INT(count(path, "claims"), 3); /* alleged by the officials, denied, no comment */
    vg_store_close(store);
    vg_document_free(doc);
    vg_cameo_free(cameo);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        return 1;
    return check_finish("test_store_faults");
}
