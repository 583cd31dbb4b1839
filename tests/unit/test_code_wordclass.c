/* Unit tests of the coder's word classes: the real data/events/wordclasses.txt (every class
 * present, words in several classes), the lookups, every loader error with its file:line
 * message, and failed allocations. */
#include "check.h"
#include "code/wordclass.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmp_path[64];

/* Writes text to a fresh temporary file (tmp_path) and returns its path. */
static const char *write_temp(const char *text)
{
    snprintf(tmp_path, sizeof tmp_path, "/tmp/vigil-wordclass-XXXXXX");
    int fd = mkstemp(tmp_path);
    if (fd < 0)
        return NULL;
    size_t n = strlen(text);
    int ok = write(fd, text, n) == (ssize_t)n;
    close(fd);
    return ok ? tmp_path : NULL;
}

/* Every section, each with one word, except the one named skip; extra is appended. */
static void all_sections(char *out, size_t cap, int skip, const char *extra)
{
    size_t used = 0;
    out[0] = 0;
    for (int c = 0; c < VG_WORDS_N_CLASSES; c++) {
        if (c == skip)
            continue;
        int codes = c >= VG_WORDS_STATE_ROLE;
        used += (size_t)snprintf(out + used, cap - used, "[%s]\n%s\n", vg_wordclass_name((vg_wordclass)c),
                                 codes ? "GOV" : "word");
    }
    snprintf(out + used, cap - used, "%s", extra);
}

static void test_real_data(void)
{
    vg_wordclasses *w = NULL;
    vg_error err = { 0 };
    int rc = vg_wordclasses_load(&w, check_source_path("data/events/wordclasses.txt"), &err);
    if (rc) {
        fprintf(stderr, "%s\n", err.message);
        check_failures++;
        return;
    }
    CHECK(vg_words_in(w, VG_WORDS_LIGHT_VERB, "announce"));
    CHECK(vg_words_in(w, VG_WORDS_HEDGE, "allegedly"));
    CHECK(vg_words_in(w, VG_WORDS_RECEIVING, "receive"));
    /* A word in several classes keeps each. */
    CHECK(vg_words_in(w, VG_WORDS_DOING, "order"));
    CHECK(vg_words_in(w, VG_WORDS_ORDERS, "order"));
    CHECK(vg_words_in(w, VG_WORDS_PERSON, "official"));
    CHECK(vg_words_in(w, VG_WORDS_PART, "official"));
    CHECK(vg_words_in(w, VG_WORDS_ANONYMOUS, "official"));
    CHECK(vg_words_in(w, VG_WORDS_STATE_ROLE, "SPY"));
    CHECK(vg_words_in(w, VG_WORDS_PROMINENT_ROLE, "GOV"));
    CHECK(!vg_words_in(w, VG_WORDS_PROMINENT_ROLE, "REB"));
    CHECK(vg_words_in(w, VG_WORDS_ARMED_ROLE, "REB"));
    CHECK(!vg_words_in(w, VG_WORDS_LIGHT_VERB, "kill"));
    CHECK(!vg_words_in(w, VG_WORDS_LIGHT_VERB, "Announce"));
    CHECK(!vg_words_in(w, VG_WORDS_N_CLASSES, "announce"));
    CHECK(!vg_words_in(NULL, VG_WORDS_LIGHT_VERB, "announce"));
    CHECK(vg_wordclass_name(VG_WORDS_N_CLASSES) == NULL);
    CHECK_STR(vg_wordclass_name(VG_WORDS_LIGHT_VERB), "light-verb");
    vg_wordclasses_free(w);
}

static void expect_error(const char *text, int want_rc, int line, const char *want_what)
{
    const char *path = write_temp(text);
    CHECK(path != NULL);
    if (!path)
        return;
    char want[512];
    if (line)
        snprintf(want, sizeof want, "%s:%d: %s", path, line, want_what);
    else
        snprintf(want, sizeof want, "%s: %s", path, want_what);
    vg_wordclasses *w = (vg_wordclasses *)1;
    vg_error err = { 0 };
    int rc = vg_wordclasses_load(&w, path, &err);
    if (rc != want_rc || strcmp(err.message, want) != 0 || w != NULL) {
        fprintf(stderr, "rc %d, message\n  \"%s\"\nwant rc %d,\n  \"%s\"\n", rc, err.message, want_rc, want);
        check_failures++;
    }
    unlink(path);
}

static void test_errors(void)
{
    static char text[8192];
    all_sections(text, sizeof text, -1, "[colour]\nred\n");
    expect_error(text, VG_EINVAL, 2 * VG_WORDS_N_CLASSES + 1, "unknown section \"[colour]\"");
    expect_error("# words\nannounce\n", VG_EINVAL, 2, "a word before the first [section]");
    all_sections(text, sizeof text, -1, "[hedge]\nclaimed\n");
    expect_error(text, VG_EINVAL, 2 * VG_WORDS_N_CLASSES + 1, "section [hedge] given twice");
    all_sections(text, sizeof text, VG_WORDS_HEDGE, "[hedge]\nalleged Reportedly\n");
    expect_error(text, VG_EINVAL, 2 * VG_WORDS_N_CLASSES, "\"Reportedly\": [hedge] takes lowercase lemmas");
    all_sections(text, sizeof text, VG_WORDS_ARMED_ROLE, "[armed-role]\nMIL reb\n");
    expect_error(text, VG_EINVAL, 2 * VG_WORDS_N_CLASSES, "\"reb\": [armed-role] takes upper-case role codes");
    all_sections(text, sizeof text, VG_WORDS_SYMMETRIC, "");
    expect_error(text, VG_EINVAL, 0, "no [symmetric] section");
    char long_word[400];
    memset(long_word, 'a', sizeof long_word - 1);
    long_word[sizeof long_word - 1] = 0;
    snprintf(text, sizeof text, "[hedge]\n%s\n", long_word);
    expect_error(text, VG_ELIMIT, 2, "a word longer than 255 bytes");
    expect_error("[hedge]\nalleg\x01" "ed\n", VG_EINVAL, 2, "control character 0x01 at column 6");
}

static int load_classes(void *path, vg_error *err)
{
    vg_wordclasses *w = NULL;
    int rc = vg_wordclasses_load(&w, path, err);
    if (rc) {
        CHECK(w == NULL);
        return rc;
    }
    CHECK(vg_words_in(w, VG_WORDS_SYMMETRIC, "word"));
    vg_wordclasses_free(w);
    return 0;
}

static void test_allocation_failures(void)
{
    static char text[8192];
    all_sections(text, sizeof text, -1, "");
    const char *path = write_temp(text);
    CHECK(path != NULL);
    if (!path)
        return;
    CHECK(check_allocation_failures(load_classes, (void *)path, 200) >= 2);
    unlink(path);
}

int main(void)
{
    test_real_data();
    test_errors();
    test_allocation_failures();
    return check_finish("test_code_wordclass");
}
