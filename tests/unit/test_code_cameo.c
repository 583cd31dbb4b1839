/* Unit tests of the CAMEO codebook: the real data/cameo/codes.txt (every root, sub-codes,
 * weights, PLOVER types), code validation and ancestry, every loader error with its exact
 * file:line message, failed allocations and damaged input. */
#include "check.h"
#include "code/cameo.h"
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void test_validation(void)
{
    CHECK(vg_cameo_code_valid("01"));
    CHECK(vg_cameo_code_valid("20"));
    CHECK(vg_cameo_code_valid("185"));
    CHECK(vg_cameo_code_valid("1121"));
    CHECK(vg_cameo_code_valid("0874"));
    CHECK(!vg_cameo_code_valid("00"));
    CHECK(!vg_cameo_code_valid("21"));
    CHECK(!vg_cameo_code_valid("1"));
    CHECK(!vg_cameo_code_valid("11211"));
    CHECK(!vg_cameo_code_valid("18a"));
    CHECK(!vg_cameo_code_valid(""));
    CHECK(!vg_cameo_code_valid(NULL));
    CHECK(vg_cameo_is_ancestor("18", "185"));
    CHECK(vg_cameo_is_ancestor("18", "180"));
    CHECK(vg_cameo_is_ancestor("112", "1121"));
    CHECK(vg_cameo_is_ancestor("11", "1121"));
    CHECK(!vg_cameo_is_ancestor("18", "18"));
    CHECK(!vg_cameo_is_ancestor("180", "185"));
    CHECK(!vg_cameo_is_ancestor("185", "18"));
    CHECK(!vg_cameo_is_ancestor("19", "185"));
    CHECK(!vg_cameo_is_ancestor("1", "185"));
    CHECK(!vg_cameo_is_ancestor("110", "1121"));
    CHECK_STR(vg_plover_name(VG_PLOVER_ASSAULT), "ASSAULT");
    CHECK_STR(vg_plover_name(VG_PLOVER_NONE), "-");
    CHECK(vg_plover_name((vg_plover)VG_PLOVER_COUNT) == NULL);
    CHECK_INT(vg_plover_parse("THREATEN", 8), VG_PLOVER_THREATEN);
    CHECK_INT(vg_plover_parse("threaten", 8), -1);
    CHECK_STR(vg_cameo_quad_name(VG_CAMEO_MATERIAL_CONFLICT), "MCONF");
}

static void test_real_data(void)
{
    vg_cameo *c;
    vg_error err = { 0 };
    int rc = vg_cameo_load(&c, check_source_path("data/cameo/codes.txt"), &err);
    CHECK_INT(rc, 0);
    if (rc) {
        fprintf(stderr, "%s\n", err.message);
        return;
    }
    /* Every root 01..20 is there with its "not specified" code and at least two more codes. */
    for (int r = 1; r <= 20; r++) {
        char root[3], unspecified[4];
        snprintf(root, sizeof root, "%02d", r);
        snprintf(unspecified, sizeof unspecified, "%02d0", r);
        const vg_cameo_code *e = vg_cameo_find(c, root);
        CHECK(e != NULL);
        CHECK(vg_cameo_find(c, unspecified) != NULL);
        if (!e)
            continue;
        CHECK_INT(e->depth, 1);
        CHECK(e->parent == NULL);
        CHECK_INT(e->quad, r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4);
        int children = 0;
        for (size_t i = 0; i < vg_cameo_count(c); i++)
            children += vg_cameo_is_ancestor(root, vg_cameo_at(c, i)->code);
        CHECK(children >= 3);
        if (r >= 2)
            CHECK(e->plover != VG_PLOVER_NONE);
    }
    CHECK(vg_cameo_count(c) > 300);
    /* Every code: well formed, parent above it, sane numbers; file order keeps parents first. */
    for (size_t i = 0; i < vg_cameo_count(c); i++) {
        const vg_cameo_code *e = vg_cameo_at(c, i);
        CHECK(vg_cameo_code_valid(e->code));
        CHECK(vg_cameo_find(c, e->code) == e);
        CHECK(e->goldstein >= -10.0 && e->goldstein <= 10.0);
        CHECK(e->severity >= 0 && e->severity <= 10);
        CHECK(e->name && e->name[0]);
        if (e->depth > 1) {
            CHECK(e->parent != NULL && vg_cameo_is_ancestor(e->parent->code, e->code));
            CHECK(e->parent && e->parent->quad == e->quad);
        }
        /* Cooperation is never dangerous (a denial or a gloomy remark barely). */
        if (e->quad <= 2)
            CHECK(e->severity <= 1);
        if (e->root[0] == '1' && e->root[1] == '8')
            CHECK(e->severity >= 8);
    }
    const vg_cameo_code *e = vg_cameo_find(c, "185");
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(e->name, "Attempt to assassinate");
        CHECK_INT(e->plover, VG_PLOVER_ASSAULT);
        CHECK_STR(e->plover_mode, "assassinate");
        CHECK(fabs(e->goldstein - -8.0) < 1e-9);
        CHECK_INT(e->severity, 9);
        CHECK_INT(e->quad, VG_CAMEO_MATERIAL_CONFLICT);
        CHECK_STR(e->root, "18");
        CHECK(e->parent && strcmp(e->parent->code, "18") == 0);
    }
    e = vg_cameo_find(c, "1121");
    CHECK(e && e->parent && strcmp(e->parent->code, "112") == 0 && e->plover == VG_PLOVER_ACCUSE);
    CHECK(e && e->depth == 3);
    e = vg_cameo_find(c, "011");
    CHECK(e && strcmp(e->name, "Decline to comment") == 0 && e->plover == VG_PLOVER_NONE);
    CHECK(e && e->plover_mode[0] == '\0' && fabs(e->goldstein - -0.1) < 1e-9);
    e = vg_cameo_find(c, "016");
    CHECK(e && e->plover == VG_PLOVER_REJECT);
    e = vg_cameo_find(c, "18");
    CHECK(e && fabs(e->goldstein - -9.0) < 1e-9 && e->severity == 8 && e->plover == VG_PLOVER_ASSAULT);
    CHECK(e && strcmp(e->name, "Assault") == 0);
    e = vg_cameo_find(c, "0873");
    CHECK(e && fabs(e->goldstein - 9.0) < 1e-9);      /* the published weight; 0874 is the 10.0 */
    e = vg_cameo_find(c, "1383");
    CHECK(e && e->plover == VG_PLOVER_THREATEN && e->severity == 8);
    e = vg_cameo_find(c, "186");
    CHECK(e && e->severity == 10 && fabs(e->goldstein - -10.0) < 1e-9);
    CHECK(vg_cameo_find(c, "187") == NULL);
    CHECK(vg_cameo_find(c, "21") == NULL);
    CHECK(vg_cameo_find(c, "") == NULL);
    CHECK(vg_cameo_find(c, NULL) == NULL);
    CHECK(vg_cameo_at(c, vg_cameo_count(c)) == NULL);
    /* Every PLOVER type is used by some code. */
    for (int p = 1; p < VG_PLOVER_COUNT; p++) {
        int used = 0;
        for (size_t i = 0; i < vg_cameo_count(c); i++)
            used |= vg_cameo_at(c, i)->plover == (vg_plover)p;
        if (!used)
            fprintf(stderr, "PLOVER %s unused\n", vg_plover_name((vg_plover)p));
        CHECK(used);
    }
    vg_cameo_free(c);
}

/* Loads one malformed file and checks the error code and the exact "file:line: what" message
 * (line 0: no line in the message). */
static void expect_error(const char *name, int want_rc, int line, const char *want_what)
{
    char relative[256];
    snprintf(relative, sizeof relative, "tests/resources/cameo/%s", name);
    const char *path = check_source_path(relative);
    vg_cameo *c = (vg_cameo *)1;
    vg_error err = { 0 };
    int rc = vg_cameo_load(&c, path, &err);
    check_refusal(path, line, want_what, want_rc, rc, err.message, c != NULL);
    vg_cameo_free(rc ? NULL : c);
}

static void test_errors(void)
{
    const char *plover_list = "expected \"-\" or AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, "
                              "REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT";
    char want[512];
    expect_error("bad_code.txt", VG_EINVAL, 3,
                 "bad code \"1x5\": a CAMEO event code is 2 to 4 digits, the first two a root 01-20");
    expect_error("bad_root.txt", VG_EINVAL, 2,
                 "bad code \"21\": a CAMEO event code is 2 to 4 digits, the first two a root 01-20");
    expect_error("duplicate.txt", VG_EINVAL, 3, "duplicate code \"180\" (first on line 2)");
    expect_error("orphan.txt", VG_EINVAL, 2, "code \"185\" comes before its root line \"18\"");
    expect_error("orphan4.txt", VG_EINVAL, 3, "code \"1121\" comes before its parent \"112\"");
    expect_error("bad_goldstein.txt", VG_EINVAL, 3,
                 "bad Goldstein weight \"-18.0\": expected a number from -10.0 to 10.0 with at most one decimal");
    expect_error("bad_goldstein2.txt", VG_EINVAL, 3,
                 "bad Goldstein weight \"-8.25\": expected a number from -10.0 to 10.0 with at most one decimal");
    expect_error("bad_severity.txt", VG_EINVAL, 2, "bad severity \"11\": expected a whole number from 0 to 10");
    snprintf(want, sizeof want, "unknown PLOVER type \"ATTACK\": %s", plover_list);
    expect_error("bad_plover.txt", VG_EINVAL, 2, want);
    expect_error("bad_mode.txt", VG_EINVAL, 2,
                 "bad PLOVER mode \"ASSAULT/Kill\": a mode follows a type, in lowercase letters and hyphens");
    expect_error("mode_without_type.txt", VG_EINVAL, 2,
                 "bad PLOVER mode \"-/kill\": a mode follows a type, in lowercase letters and hyphens");
    expect_error("bad_quad.txt", VG_EINVAL, 1,
                 "bad quad class \"CONFLICT\": expected VCOOP, MCOOP, VCONF or MCONF");
    expect_error("root_missing_quad.txt", VG_EINVAL, 1,
                 "a root line is \"RR QUAD Name\": the quad class and name are missing");
    expect_error("missing_fields.txt", VG_EINVAL, 2,
                 "a code line is \"CODE GOLDSTEIN SEVERITY PLOVER[/mode] Name\": fields are missing");
    expect_error("missing_name.txt", VG_EINVAL, 2, "missing name after the code \"180\"");
    expect_error("no_unspecified.txt", VG_EINVAL, 1,
                 "root \"18\" has no code \"180\" (a root takes its weight, severity and PLOVER type from it)");
    expect_error("indented.txt", VG_EINVAL, 2,
                 "indented line: every line starts with its code in the first column");
    expect_error("control.txt", VG_EINVAL, 2, "control character 0x01 at column 27");
    expect_error("bad_utf8.txt", VG_EINVAL, 2, "invalid UTF-8 at column 27");
    expect_error("long_line.txt", VG_ELIMIT, 1, "line longer than 4096 bytes");
    expect_error("empty.txt", VG_EINVAL, 0, "no CAMEO codes in the file");
    expect_error("absent.txt", VG_EIO, 0, "No such file or directory");
}

static int load_valid(void *path, vg_error *err)
{
    vg_cameo *c = NULL;
    int rc = vg_cameo_load(&c, path, err);
    if (rc) {
        CHECK(c == NULL);
        return rc;
    }
    CHECK(vg_cameo_find(c, "185") != NULL);
    vg_cameo_free(c);
    return 0;
}

static void test_allocation_failures(void)
{
    const char *path = check_source_path("tests/resources/cameo/valid.txt");
    CHECK(check_allocation_failures(load_valid, (void *)path, 200) >= 3);
}

/* Random damage to the real codebook: the loader returns 0 or an error naming the file. */
static void test_damaged_input(void)
{
    const char *path = check_source_path("data/cameo/codes.txt");
    FILE *f = fopen(path, "rb");
    if (!f) {
        CHECK(f != NULL);
        return;
    }
    static char original[65536];
    size_t len = fread(original, 1, sizeof original, f);
    fclose(f);
    char tmp[] = "/tmp/vigil-cameo-fuzz-XXXXXX";
    int fd = mkstemp(tmp);
    if (fd < 0)
        return;
    close(fd);
    static const char junk[] = { '#', ' ', '\t', '\n', '.', '/', '-', '0', '9', 'A', 'z', '\xC3', '\xFF', '\0' };
    uint32_t seed = 777;
    for (int round = 0; round < 300; round++) {
        if (check_write_damaged(tmp, original, len, round, 5, &seed, junk, sizeof junk) != 0)
            break;
        vg_cameo *c = NULL;
        vg_error err = { 0 };
        int rc = vg_cameo_load(&c, tmp, &err);
        if (rc == 0) {
            vg_cameo_find(c, "185");
            vg_cameo_free(c);
        } else if (c != NULL || strncmp(err.message, tmp, strlen(tmp)) != 0) {
            fprintf(stderr, "damaged input, round %d: rc %d, message \"%s\"\n", round, rc, err.message);
            check_failures++;
        }
    }
    unlink(tmp);
}

int main(void)
{
    test_validation();
    test_real_data();
    test_errors();
    test_allocation_failures();
    test_damaged_input();
    return check_finish("test_code_cameo");
}
