/* Unit tests of the actor and role dictionaries: the real data (counts, names, adjectives,
 * capitals, dated roles, role words), every loader error with its file:line message, and
 * malformed or truncated input and failed allocations that must never crash. */
#include "check.h"
#include "code/dict.h"
#include "text/segment.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char warnings[4096];
static int n_warnings;

static void capture_warning(void *context, const char *message)
{
    (void)context;
    n_warnings++;
    size_t used = strlen(warnings);
    snprintf(warnings + used, sizeof warnings - used, "%s\n", message);
}

/* Splits text on spaces into words (a stand-in for token forms). */
static size_t split(char *text, const char **words, size_t max)
{
    size_t n = 0;
    for (char *w = strtok(text, " "); w && n < max; w = strtok(NULL, " "))
        words[n++] = w;
    return n;
}

/* The code of the longest actor name at the start of text ("" when none), with its token count. */
static const char *actor(const vg_dict *d, const char *text, size_t *n_tokens, vg_dict_how *how)
{
    static char copy[512];
    const char *words[32];
    snprintf(copy, sizeof copy, "%s", text);
    size_t n = split(copy, words, 32);
    vg_dict_match m;
    size_t got = vg_dict_match_words(d, words, n, 0, &m);
    if (n_tokens)
        *n_tokens = got;
    if (how)
        *how = got ? m.hits[0].how : 0;
    return got ? m.hits[0].code : "";
}

static const char *role(const vg_dict *d, const char *text, size_t *n_tokens)
{
    static char copy[512];
    const char *words[32];
    snprintf(copy, sizeof copy, "%s", text);
    size_t n = split(copy, words, 32);
    vg_dict_match m;
    size_t got = vg_dict_match_role_words(d, words, n, 0, &m);
    if (n_tokens)
        *n_tokens = got;
    return got ? m.hits[0].code : "";
}

static const vg_dict_entry *entry_named(const vg_dict *d, const char *text)
{
    static char copy[512];
    const char *words[32];
    snprintf(copy, sizeof copy, "%s", text);
    size_t n = split(copy, words, 32);
    vg_dict_match m;
    return vg_dict_match_words(d, words, n, 0, &m) == n ? m.hits[0].entry : NULL;
}

static int32_t date(const char *s)
{
    int32_t first = 0, last = 0;
    CHECK_INT(vg_dict_date_parse(s, strlen(s), &first, &last), 0);
    return first;
}

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void test_dates(void)
{
    int32_t a, b;
    CHECK_INT(vg_dict_date_parse("2019", 4, &a, &b), 0);
    CHECK_INT(a, 20190101);
    CHECK_INT(b, 20191231);
    CHECK_INT(vg_dict_date_parse("2024-02", 7, &a, &b), 0);
    CHECK_INT(b, 20240229);
    CHECK_INT(vg_dict_date_parse("2023-02-29", 10, &a, &b), VG_EINVAL);
    CHECK_INT(vg_dict_date_parse("2023-13", 7, &a, &b), VG_EINVAL);
    CHECK_INT(vg_dict_date_parse("20230101", 8, &a, &b), VG_EINVAL);
    CHECK_INT(vg_dict_date_parse("2025-11-07", 10, &a, &b), 0);
    CHECK_INT(a, 20251107);
    CHECK_INT(b, 20251107);
}

static void test_real_data(void)
{
    const char *dir = check_source_path("data/actors");
    vg_dict *d = NULL;
    vg_error err = { 0 };
    warnings[0] = '\0';
    n_warnings = 0;
    double t0 = now_ms();
    int rc = vg_dict_load(&d, dir, &err);
    double elapsed = now_ms() - t0;
    if (rc) {
        fprintf(stderr, "loading %s: %s\n", dir, err.message);
        check_failures++;
        return;
    }
    printf("loaded %zu entries from %s in %.1f ms\n", vg_dict_count(d, 0), dir, elapsed);
#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__)
    CHECK(elapsed < 50.0);
#else
    CHECK(elapsed < 2000.0);
#endif
    /* Counts: every ISO 3166-1 country and territory (249) plus Kosovo, and the rest. */
    CHECK_INT(vg_dict_count(d, VG_DICT_COUNTRY), 250);
    CHECK(vg_dict_count(d, VG_DICT_ORGANISATION) >= 300);
    CHECK(vg_dict_count(d, VG_DICT_GROUP) >= 50);
    CHECK(vg_dict_count(d, VG_DICT_PERSON) >= 250);
    CHECK(vg_dict_count(d, VG_DICT_ROLE) >= 60);
    CHECK(vg_dict_count(d, VG_DICT_CODE) >= 40);
    CHECK_INT(vg_dict_warnings(d), 0);
    if (n_warnings)
        fprintf(stderr, "unexpected warnings:\n%s", warnings);

    /* Names, aliases, adjectives, demonyms and capitals; longest match; case-sensitive. */
    size_t n;
    vg_dict_how how;
    CHECK_STR(actor(d, "United States of America said", &n, &how), "USA");
    CHECK_INT(n, 4);
    CHECK_STR(actor(d, "United States", &n, &how), "USA");
    CHECK_INT(how, VG_DICT_BY_NAME);
    CHECK_STR(actor(d, "U.S. officials", &n, &how), "USA");
    CHECK_INT(n, 1);
    CHECK_INT(how, VG_DICT_BY_ALIAS);
    CHECK_STR(actor(d, "U.S", &n, NULL), "USA"); /* a sentence-final "U.S." is tokenised "U.S" "." */
    CHECK_STR(actor(d, "US", NULL, NULL), "USA");
    CHECK_STR(actor(d, "us", &n, NULL), "");
    CHECK_STR(actor(d, "America", NULL, NULL), "USA");
    CHECK_STR(actor(d, "American", NULL, &how), "USA");
    CHECK_INT(how, VG_DICT_BY_ADJECTIVE);
    CHECK_STR(actor(d, "Americans", NULL, &how), "USA");
    CHECK_INT(how, VG_DICT_BY_DEMONYM);
    CHECK_STR(actor(d, "UK", NULL, NULL), "GBR");
    CHECK_STR(actor(d, "Great Britain", &n, NULL), "GBR");
    CHECK_INT(n, 2);
    CHECK_STR(actor(d, "Britain", NULL, NULL), "GBR");
    CHECK_STR(actor(d, "British", NULL, NULL), "GBR");
    CHECK_STR(actor(d, "South Korea", NULL, NULL), "KOR");
    CHECK_STR(actor(d, "Republic of Korea", &n, NULL), "KOR");
    CHECK_INT(n, 3);
    CHECK_STR(actor(d, "Democratic People's Republic of Korea", NULL, NULL), "");  /* "People's" is two tokens */
    CHECK_STR(actor(d, "Democratic People 's Republic of Korea", &n, NULL), "PRK");
    CHECK_INT(n, 6);
    CHECK_STR(actor(d, "ROK", NULL, NULL), "KOR");
    CHECK_STR(actor(d, "Iranian", NULL, NULL), "IRN");
    CHECK_STR(actor(d, "Israeli", NULL, NULL), "ISR");
    CHECK_STR(actor(d, "Mexican authorities", &n, NULL), "MEXGOV"); /* an organisation's name */
    CHECK_INT(n, 2);
    CHECK_STR(actor(d, "Mexican officials", &n, NULL), "MEX");
    CHECK_INT(n, 1);
    CHECK_STR(actor(d, "Emirati", NULL, NULL), "ARE");
    CHECK_STR(actor(d, "Islamic Republic", NULL, NULL), "IRN");
    CHECK_STR(actor(d, "Tehran", NULL, &how), "IRNGOV");
    CHECK_INT(how, VG_DICT_BY_CAPITAL);
    CHECK_STR(actor(d, "Jerusalem", NULL, NULL), "ISRGOV");
    CHECK_STR(actor(d, "Washington", NULL, NULL), "USAGOV");
    CHECK_STR(actor(d, "Moscow", NULL, NULL), "RUSGOV");
    CHECK_STR(actor(d, "Beijing", NULL, NULL), "CHNGOV");
    CHECK_STR(actor(d, "Mexico City", &n, NULL), "MEXGOV");
    CHECK_INT(n, 2);
    CHECK_STR(actor(d, "Mexico", &n, NULL), "MEX");
    CHECK_STR(actor(d, "Washington Post", &n, NULL), "USAMED");
    CHECK_INT(n, 2);

    /* Organisations and groups. */
    CHECK_STR(actor(d, "State Department", NULL, NULL), "USAGOV");
    CHECK_STR(actor(d, "Justice Department", NULL, NULL), "USAJUD");
    CHECK_STR(actor(d, "FBI", NULL, NULL), "USACOP");
    CHECK_STR(actor(d, "Mossad", NULL, NULL), "ISRSPY");
    CHECK_STR(actor(d, "IAEA", NULL, NULL), "IGOUNOIAE");
    CHECK_STR(actor(d, "U.N.", NULL, NULL), "IGOUNO");
    CHECK_STR(actor(d, "NATO", NULL, NULL), "IGOWSTNAT");
    CHECK_STR(actor(d, "Revolutionary Guard Corps", &n, NULL), "IRNMIL");
    CHECK_INT(n, 3);
    CHECK_STR(actor(d, "Iranian Revolutionary Guard Corps", &n, NULL), "IRNMIL");
    CHECK_INT(n, 4);
    CHECK_STR(actor(d, "IRGC", NULL, NULL), "IRNMIL");
    CHECK_STR(actor(d, "Quds Force", NULL, NULL), "IRNMIL");
    CHECK_STR(actor(d, "Revolutionary Guards aerospace force", &n, NULL), "IRNMIL");
    CHECK_INT(n, 4);
    CHECK_STR(actor(d, "Hezbollah", NULL, NULL), "LBNUAFHEZ");
    CHECK_STR(actor(d, "Hamas", NULL, NULL), "PSEREBHMS");
    CHECK_STR(actor(d, "Palestinian Islamic Jihad", &n, NULL), "PSEREBPIJ");
    CHECK_INT(n, 3);
    CHECK_STR(actor(d, "Ansar Allah", NULL, NULL), "YEMREBHOU");
    CHECK_STR(actor(d, "Daesh", NULL, NULL), "IMGMOSISI");
    CHECK_STR(actor(d, "al - Qaeda", &n, NULL), "IMGMOSALQ"); /* hyphens are tokens */
    CHECK_INT(n, 3);
    CHECK_STR(actor(d, "Kata’ib Hezbollah", NULL, NULL), "IRQUAFKHZ"); /* ’ matches ' */
    CHECK_STR(actor(d, "CJNG", NULL, NULL), "MEXCRMCJN");
    /* "Iran's mission to the U.N." as the tokeniser splits it, with a curly apostrophe. */
    CHECK_STR(actor(d, "Iran ’s mission to the U.N.", &n, NULL), "IRNGOV");
    CHECK_INT(n, 6);

    /* People and dated roles. */
    const vg_dict_entry *trump = entry_named(d, "Donald Trump");
    CHECK(trump != NULL);
    if (trump) {
        const vg_dict_role *r = NULL;
        CHECK_INT(trump->kind, VG_DICT_PERSON);
        CHECK_STR(vg_dict_code_at(trump, date("2019-06-01"), &r), "USAGOV");
        CHECK(r && strcmp(r->title, "president") == 0);
        CHECK_STR(vg_dict_code_at(trump, date("2022-06-01"), &r), "USAELI");
        CHECK(r == NULL);
        CHECK_STR(vg_dict_code_at(trump, date("2025-11-07"), &r), "USAGOV");
        CHECK(r && r->to == VG_DICT_DATE_OPEN);
        CHECK_STR(vg_dict_code_at(trump, date("2017-01-20"), NULL), "USAGOV");
        CHECK_STR(vg_dict_code_at(trump, date("2017-01-19"), NULL), "USAELI");
        CHECK_STR(vg_dict_code_at(trump, 0, NULL), "USAELI");
    }
    CHECK(entry_named(d, "Trump") == trump);
    CHECK(entry_named(d, "Donald J. Trump") == trump);
    const vg_dict_entry *izadi = entry_named(d, "Masood Rahnema");
    CHECK(izadi && strcmp(izadi->name, "Hasan Izadi") == 0 && strcmp(izadi->code, "IRNMIL") == 0);
    const vg_dict_entry *raisi = entry_named(d, "Ebrahim Raisi");
    if (raisi) {
        CHECK_STR(vg_dict_code_at(raisi, date("2020-06-01"), NULL), "IRNJUD");
        CHECK_STR(vg_dict_code_at(raisi, date("2022-01-15"), NULL), "IRNGOV");
        CHECK_STR(vg_dict_code_at(raisi, date("2024-07-16"), NULL), "IRNELI");
    } else {
        CHECK(raisi != NULL);
    }
    const vg_dict_entry *neiger = entry_named(d, "Einat Kranz Neiger");
    if (neiger) {
        const vg_dict_role *r = NULL;
        CHECK_STR(vg_dict_code_at(neiger, date("2025-11-07"), &r), "ISRGOV");
        CHECK(r && r->host && strcmp(r->host, "MEX") == 0);
    } else {
        CHECK(neiger != NULL);
    }
    const vg_dict_entry *taliban = entry_named(d, "Taliban");
    if (taliban) {
        CHECK_STR(vg_dict_code_at(taliban, date("2020-01-01"), NULL), "AFGREBTAL");
        CHECK_STR(vg_dict_code_at(taliban, date("2021-08-15"), NULL), "AFGGOV");
    } else {
        CHECK(taliban != NULL);
    }
    /* Overlapping roles: the one that began last wins. */
    const vg_dict_entry *rubio = entry_named(d, "Marco Rubio");
    if (rubio) {
        const vg_dict_role *r = NULL;
        vg_dict_code_at(rubio, date("2025-03-01"), &r);
        CHECK(r && strcmp(r->title, "secretary of state") == 0);
        vg_dict_code_at(rubio, date("2025-06-01"), &r);
        CHECK(r && strcmp(r->title, "acting national security adviser") == 0);
    } else {
        CHECK(rubio != NULL);
    }
    CHECK(entry_named(d, "Soleimani") && strcmp(entry_named(d, "Soleimani")->code, "IRNMIL") == 0);
    CHECK(entry_named(d, "Nasser Kanaani") != NULL);
    CHECK(entry_named(d, "Ali Bagheri-Kani") == NULL); /* one token here; the tokeniser splits it */
    CHECK(entry_named(d, "Ali Bagheri - Kani") != NULL);

    /* Role words: by lowercase lemma, longest phrase first. */
    const vg_dict_entry *e = vg_dict_role_word(d, "officials");
    CHECK(e && strcmp(e->code, "GOV") == 0);
    e = vg_dict_role_word(d, "Authorities");
    CHECK(e && strcmp(e->code, "GOV") == 0);
    static const char *const pairs[][2] = {
        { "official", "GOV" }, { "ambassador", "GOV" }, { "diplomat", "GOV" }, { "envoy", "GOV" },
        { "spokesperson", "GOV" }, { "spokesman", "GOV" }, { "spokeswoman", "GOV" }, { "minister", "GOV" },
        { "president", "GOV" }, { "aide", "GOV" }, { "officer", "MIL" }, { "commander", "MIL" },
        { "general", "MIL" }, { "military", "MIL" }, { "army", "MIL" }, { "troops", "MIL" },
        { "forces", "MIL" }, { "police", "COP" }, { "prosecutors", "JUD" }, { "court", "JUD" },
        { "judge", "JUD" }, { "militants", "UAF" }, { "gunmen", "UAF" }, { "rebels", "REB" },
        { "insurgents", "INS" }, { "opposition", "OPP" }, { "protesters", "OPP" },
        { "journalists", "MED" }, { "media", "MED" }, { "civilians", "CVL" }, { "cartel", "CRM" },
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        e = vg_dict_role_word(d, pairs[i][0]);
        if (!e || strcmp(e->code, pairs[i][1]) != 0) {
            fprintf(stderr, "role word \"%s\": got %s, want %s\n", pairs[i][0], e ? e->code : "nothing", pairs[i][1]);
            check_failures++;
        }
    }
    CHECK_STR(role(d, "foreign minister Abbas Araghchi", &n), "GOV");
    CHECK_INT(n, 2);
    CHECK_STR(role(d, "Prime Minister", &n), "GOV");
    CHECK_INT(n, 2);
    CHECK_STR(role(d, "intelligence agencies", &n), "SPY");
    CHECK_INT(n, 2);
    CHECK_STR(role(d, "intelligence", &n), "SPY");
    CHECK_STR(role(d, "security forces", &n), "COP");
    CHECK_STR(role(d, "director - general of the Foreign Ministry", &n), "GOV");
    CHECK_INT(n, 3);
    CHECK_STR(role(d, "former officials", &n), "ELI");
    CHECK(vg_dict_role_word(d, "foreign minister") == NULL); /* one word only */
    e = vg_dict_role_word(d, "ambassador");
    CHECK(e && e->n_host_words >= 2 && strcmp(e->host_words[0], "to") == 0);

    /* Codes. */
    e = vg_dict_find_code(d, "IRN");
    CHECK(e && e->kind == VG_DICT_COUNTRY && strcmp(e->name, "Iran") == 0);
    e = vg_dict_find_code(d, "GOV");
    CHECK(e && e->kind == VG_DICT_CODE && strcmp(e->name, "government") == 0);
    e = vg_dict_find_code(d, "IGOUNOIAE");
    CHECK(e && strcmp(e->name, "International Atomic Energy Agency") == 0);
    CHECK(vg_dict_find_code(d, "ZZZ") == NULL);
    CHECK(vg_dict_find_code(d, "IR") == NULL);
    e = vg_dict_find_code(d, "PSEREBHMS"); /* the group before the people coded like it */
    CHECK(e && e->kind == VG_DICT_GROUP && strcmp(e->name, "Hamas") == 0);
    e = vg_dict_find_code(d, "USAGOV"); /* the first organisation so coded */
    CHECK(e && strcmp(e->name, "United States government") == 0);
    e = vg_dict_country(d, "ISRGOV");
    CHECK(e && strcmp(e->name, "Israel") == 0);
    char gloss[128];
    vg_dict_describe(d, "IRNGOV", gloss, sizeof gloss);
    CHECK_STR(gloss, "Iran / government");
    vg_dict_describe(d, "LBNUAFHEZ", gloss, sizeof gloss);
    CHECK_STR(gloss, "Lebanon / unaffiliated armed forces / HEZ");
    size_t need = vg_dict_describe(d, "IRNGOV", gloss, 5);
    CHECK_INT(need, strlen("Iran / government"));
    CHECK_STR(gloss, "Iran");
    e = vg_dict_find_code(d, "IGOWSTNAT");
    CHECK(e && e->n_members == 32);

    /* Over real tokens from the tokeniser: a sentence written for this test. */
    const char *text = "Mexican authorities thwarted a plot against Israel’s ambassador to Mexico, "
                       "U.S. officials said, naming an IRGC officer.";
    vg_arena arena;
    vg_arena_init(&arena, 0);
    vg_sentence *sentences = NULL;
    size_t n_sentences = 0;
    CHECK_INT(vg_segment(text, strlen(text), &arena, &sentences, &n_sentences, &err), 0);
    char found[256] = "";
    for (size_t s = 0; s < n_sentences; s++)
        for (size_t i = 0; i < sentences[s].n_tokens;) {
            vg_dict_match m;
            size_t got = vg_dict_match_tokens(d, sentences[s].tokens, sentences[s].n_tokens, i, &m);
            if (!got)
                got = vg_dict_match_role_tokens(d, sentences[s].tokens, sentences[s].n_tokens, i, &m);
            if (got) {
                size_t used = strlen(found);
                snprintf(found + used, sizeof found - used, "%s%s", used ? " " : "", m.hits[0].code);
                i += got;
            } else {
                i++;
            }
        }
    CHECK_STR(found, "MEXGOV ISR GOV MEX USA GOV IRNMIL MIL");
    vg_arena_free(&arena);
    vg_dict_free(d);
}

/* Loads one malformed file and checks the error code and the exact "file:line: what" message. */
static void expect_error(const char *name, int want_rc, int line, const char *want_what)
{
    char relative[256];
    snprintf(relative, sizeof relative, "tests/resources/dict/%s", name);
    const char *path = check_source_path(relative);
    vg_dict *d = (vg_dict *)1;
    vg_error err = { 0 };
    int rc = vg_dict_load(&d, path, &err);
    check_refusal(path, line, want_what, want_rc, rc, err.message, d != NULL);
    vg_dict_free(rc ? NULL : d);
}

static void test_errors(void)
{
    expect_error("unknown_field.txt", VG_EINVAL, 4, "unknown field \"colour\"");
    expect_error("bad_code.txt", VG_EINVAL, 3,
                 "bad code \"IR1\": a code is 1 to 5 blocks of three capital letters A-Z");
    expect_error("bad_role_code.txt", VG_EINVAL, 4,
                 "bad code \"USAG\": a code is 1 to 5 blocks of three capital letters A-Z");
    expect_error("bad_date.txt", VG_EINVAL, 4,
                 "bad date range \"2021-02-30..2022\": expected FROM..TO with dates YYYY, YYYY-MM or "
                 "YYYY-MM-DD (either end may be left open), FROM not after TO");
    expect_error("reversed_range.txt", VG_EINVAL, 4,
                 "bad date range \"2021..2017-01-20\": expected FROM..TO with dates YYYY, YYYY-MM or "
                 "YYYY-MM-DD (either end may be left open), FROM not after TO");
    expect_error("bad_role.txt", VG_EINVAL, 4,
                 "bad role \"2017-01-20..2021-01-20\": expected \"role: FROM..TO CODE [title] [host=CODE]\"");
    expect_error("missing_code.txt", VG_EINVAL, 3,
                 "missing code: an entry line starts with its code, as in \"IRN  Iran\"");
    expect_error("missing_name.txt", VG_EINVAL, 3, "missing name after the code \"IRN\"");
    expect_error("empty_name.txt", VG_EINVAL, 3, "empty name (two | in a row, or a | at an end)");
    expect_error("invalid_utf8.txt", VG_EINVAL, 3, "invalid UTF-8 at column 8");
    expect_error("control_char.txt", VG_EINVAL, 3, "control character 0x01 at column 8");
    expect_error("long_line.txt", VG_ELIMIT, 3, "line longer than 4096 bytes");
    expect_error("field_outside.txt", VG_EINVAL, 3, "indented field line outside an entry");
    expect_error("no_section.txt", VG_EINVAL, 2, "entry before any section line such as [countries]");
    expect_error("unknown_section.txt", VG_EINVAL, 2, "unknown section \"[places]\"");
    expect_error("field_not_allowed.txt", VG_EINVAL, 4, "field \"capital\" is not allowed in [people]");
    expect_error("too_many_tokens.txt", VG_ELIMIT, 3,
                 "name \"a b c d e f g h i j k l m n o p q\" has more than 16 tokens");
    expect_error("no_colon.txt", VG_EINVAL, 4, "expected \"field: value\" on an indented line");
    expect_error("unknown_code.txt", VG_EINVAL, 11,
                 "unknown code \"IRNGVO\": GVO is neither a country nor a [codes] code");
    expect_error("unknown_member.txt", VG_EINVAL, 11, "unknown member \"XYZ\": not a country code");

    /* A missing path and a directory without dictionaries. */
    vg_dict *d = NULL;
    vg_error err = { 0 };
    CHECK_INT(vg_dict_load(&d, "/nonexistent/dictionary.txt", &err), VG_EIO);
    CHECK_STR(err.message, "/nonexistent/dictionary.txt: no such file or directory");
    char empty[] = "/tmp/vigil-dict-empty-XXXXXX";
    if (mkdtemp(empty)) {
        char want[256];
        snprintf(want, sizeof want, "%s: no .txt dictionary in the directory", empty);
        CHECK_INT(vg_dict_load(&d, empty, &err), VG_EIO);
        CHECK_STR(err.message, want);
        rmdir(empty);
    }

    /* A duplicate name with two codes is a warning; the load succeeds and keeps both. */
    const char *path = check_source_path("tests/resources/dict/duplicate.txt");
    warnings[0] = '\0';
    n_warnings = 0;
    CHECK_INT(vg_dict_load(&d, path, &err), 0);
    if (d) {
        char want[1024];
        snprintf(want, sizeof want, "%s:7: warning: \"Georgia\" means USA here and GEO (Georgia) at %s:3\n",
                 path, path);
        CHECK_STR(warnings, want);
        CHECK_INT(n_warnings, 1);
        CHECK_INT(vg_dict_warnings(d), 1);
        const char *words[] = { "Georgia" };
        vg_dict_match m;
        CHECK_INT(vg_dict_match_words(d, words, 1, 0, &m), 1);
        CHECK_INT(m.n_hits, 2);
        if (m.n_hits == 2) {
            CHECK_STR(m.hits[0].code, "GEO");
            CHECK_STR(m.hits[1].code, "USA");
        }
        vg_dict_free(d);
    }

    /* A directory loads its *.txt files in name order and nothing else. */
    CHECK_INT(vg_dict_load(&d, check_source_path("tests/resources/dict/dir"), &err), 0);
    if (d) {
        CHECK_INT(vg_dict_count(d, 0), 2);
        CHECK_INT(vg_dict_entry_at(d, 0)->kind, VG_DICT_COUNTRY);
        CHECK_INT(vg_dict_entry_at(d, 1)->kind, VG_DICT_PERSON);
        CHECK(vg_dict_entry_at(d, 2) == NULL);
        vg_dict_free(d);
    }
}

static int load_valid(void *path, vg_error *err)
{
    vg_dict *d = NULL;
    int rc = vg_dict_load(&d, path, err);
    if (rc) {
        CHECK(d == NULL);
        return rc;
    }
    const char *words[] = { "Washington", ",", "D.C." };
    vg_dict_match m;
    CHECK_INT(vg_dict_match_words(d, words, 3, 0, &m), 3);
    vg_dict_free(d);
    return 0;
}

/* Every allocation of a load fails in turn: the loader reports VG_ENOMEM and leaks nothing
 * (the sanitizer build checks the leaks). */
static void test_allocation_failures(void)
{
    const char *path = check_source_path("tests/resources/dict/valid.txt");
    CHECK(check_allocation_failures(load_valid, (void *)path, 2000) > 10);
}

/* Random damage to a valid dictionary: bytes changed, lines cut, junk appended. The loader
 * must return 0 or an error with a message, never crash (the sanitizer build checks memory). */
static void test_damaged_input(void)
{
    const char *path = check_source_path("tests/resources/dict/valid.txt");
    FILE *f = fopen(path, "rb");
    if (!f) {
        CHECK(f != NULL);
        return;
    }
    char original[4096];
    size_t len = fread(original, 1, sizeof original, f);
    fclose(f);
    char tmp[] = "/tmp/vigil-dict-fuzz-XXXXXX";
    int fd = mkstemp(tmp);
    if (fd < 0)
        return;
    close(fd);
    static const char junk[] = { '|', '#', '[', ']', ':', ' ', '\t', '\n', '.', '\'', 'A', 'z', '\xC3', '\xFF', '\0', '-' };
    uint32_t seed = 12345;
    for (int round = 0; round < 400; round++) {
        if (check_write_damaged(tmp, original, len, round, 6, &seed, junk, sizeof junk) != 0)
            break;
        vg_dict *d = NULL;
        vg_error err = { 0 };
        int rc = vg_dict_load(&d, tmp, &err);
        if (rc == 0) {
            const char *words[] = { "Iran", "U.S.", "Trump" };
            vg_dict_match m;
            for (size_t i = 0; i < 3; i++)
                vg_dict_match_words(d, words, 3, i, &m);
            vg_dict_free(d);
        } else if (d != NULL || strncmp(err.message, tmp, strlen(tmp)) != 0) {
            fprintf(stderr, "damaged input, round %d: rc %d, message \"%s\"\n", round, rc, err.message);
            check_failures++;
        }
    }
    unlink(tmp);
}

int main(void)
{
    vg_warning_set_sink(capture_warning, NULL);
    test_dates();
    test_real_data();
    test_errors();
    test_allocation_failures();
    test_damaged_input();
    vg_warning_set_sink(NULL, NULL);
    return check_finish("test_code_dict");
}
