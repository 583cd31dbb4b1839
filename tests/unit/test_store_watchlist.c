/* The watchlist format: the example file loads; every error names FILE:LINE; the matching rule
 * by name, by code and role, and by host. */
#include "check.h"
#include "store/watchlist.h"
#include <stdlib.h>
#include <unistd.h>

static char dir[] = "/tmp/vigil-watch-XXXXXX";

static const char *write_bytes(const char *name, const char *text, size_t len)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        return NULL;
    fwrite(text, 1, len, f);
    fclose(f);
    return path;
}

static const char *write_file(const char *name, const char *text)
{
    return write_bytes(name, text, strlen(text));
}

/* The file must be refused with "NAME:LINE: ..." containing what. */
static void expect_error_bytes(const char *text, size_t len, const char *where, const char *what)
{
    const char *path = write_bytes("bad.txt", text, len);
    vg_watchlist *list = NULL;
    vg_error err = {0};
    int rc = vg_watchlist_load(&list, path, &err);
    CHECK(rc != 0);
    CHECK(list == NULL);
    char want[600];
    snprintf(want, sizeof want, "%s/bad.txt%s", dir, where);
    if (!strstr(err.message, want) || !strstr(err.message, what))
        fprintf(stderr, "error for %s: got \"%s\", want \"%s\" and \"%s\"\n", where, err.message, want, what);
    CHECK(strstr(err.message, want) != NULL);
    CHECK(strstr(err.message, what) != NULL);
    vg_watchlist_free(list);
}

static void expect_error(const char *text, const char *where, const char *what)
{
    expect_error_bytes(text, strlen(text), where, what);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    vg_error err = {0};
    vg_watchlist *list = NULL;

    /* The example. */
    CHECK_INT(vg_watchlist_load(&list, check_source_path("examples/watchlist.txt"), &err), 0);
    if (list) {
        CHECK(vg_watchlist_count(list) >= 5);
        const vg_watch_entry *e = vg_watchlist_at(list, 0);
        CHECK_INT(e->kind, VG_WATCH_CLASS);
        CHECK_STR(e->name, "Norland's diplomatic missions and their staff");
        CHECK_INT(e->n_names, 3);
        CHECK_STR(e->codes[0], "XNLGOV");
        CHECK(e->n_roles >= 5);
        CHECK(e->line > 1);
        vg_watchlist_free(list);
    }

    /* Matching. */
    const char *text =
        "class  Israeli diplomatic missions | Israeli diplomats\n"
        "  codes: ISRGOV\n"
        "  roles: ambassador | embassy | embassies | mission | diplomat\n"
        "place  Israeli embassy in Mexico\n"
        "  codes: ISR*\n"
        "  roles: embassy\n"
        "  host: MEX\n"
        "person  Donald Trump | President Trump\n"
        "  codes: USAGOV | USAELI\n"
        "group  Norland Courier\n"
        "  codes: XNLMED\n";
    CHECK_INT(vg_watchlist_load(&list, write_file("good.txt", text), &err), 0);
    if (list) {
        const vg_watch_entry *missions = vg_watchlist_at(list, 0), *embassy = vg_watchlist_at(list, 1);
        const vg_watch_entry *trump = vg_watchlist_at(list, 2), *courier = vg_watchlist_at(list, 3);
        CHECK(vg_watch_matches(missions, "ISRGOV", "Einat Kranz Neiger", "Israel's ambassador to Mexico", "MEX"));
        CHECK(vg_watch_matches(missions, "ISRGOV", NULL, "Israeli diplomats", NULL));     /* plural */
        CHECK(vg_watch_matches(missions, "ISRGOV", NULL, "the Israeli embassies", NULL));
        CHECK(!vg_watch_matches(missions, "ISRGOV", NULL, "Israel's prime minister", NULL)); /* no role */
        CHECK(!vg_watch_matches(missions, "ISRMIL", NULL, "an Israeli military mission", NULL)); /* code */
        CHECK(!vg_watch_matches(missions, "ISRGOV", NULL, "the ambassadorial residence", NULL)); /* whole words */
        CHECK(vg_watch_matches(embassy, "ISRGOV", NULL, "the Israeli embassy", "MEX"));
        CHECK(!vg_watch_matches(embassy, "ISRGOV", NULL, "the Israeli embassy", "ARG")); /* host */
        CHECK(!vg_watch_matches(embassy, "ISRGOV", NULL, "the Israeli embassy", NULL));
        CHECK(vg_watch_matches(trump, "USAGOV", "Donald Trump", "the president", NULL));  /* canonical name */
        CHECK(vg_watch_matches(trump, "USAELI", NULL, "former President Trump", NULL)); /* alias in the words */
        CHECK(!vg_watch_matches(trump, "USAGOV", NULL, "the president", NULL));          /* a code is not a person */
        CHECK(!vg_watch_matches(trump, "USAGOV", "Donald Trumpet", "Trumpeter", NULL));
        CHECK(vg_watch_matches(courier, "XNLMED", NULL, "a reporter", NULL));            /* a group by code */
        CHECK(vg_watch_matches(courier, NULL, NULL, "the Norland Courier", NULL));      /* or by name */
        vg_watchlist_free(list);
    }

    /* Errors, each with its line. */
    expect_error("# watched\npersn  Someone\n", ":2:", "an entry begins with person, place, group or class");
    expect_error("  codes: ISRGOV\n", ":1:", "a field before the first entry");
    expect_error("class  Diplomats\n  code: ISRGOV\n", ":2:", "unknown field 'code'");
    expect_error("class  Diplomats\n  codes: isrgov\n", ":2:", "'isrgov' is not an actor-code pattern");
    expect_error("class  Diplomats\n  codes: ISRGOV\n  host: Mexico\n", ":3:", "not a three-letter country code");
    expect_error("class  Diplomats\n  roles: ambassador\n", ":1:", "a class needs a 'codes:' line");
    expect_error("person  A\nperson  B\n\nperson  A\n", ":4:", "already on the watchlist (line 1)");
    expect_error("place\n", ":1:", "without a name");
    expect_error("person  A |  | B\n", ":1:", "empty item");
    expect_error("person  A\n  codes ISRGOV\n", ":2:", "'key: value'");
    expect_error("person  A\n  roles:\n", ":2:", "has no value");
    expect_error("# only comments\n\n", "", "no entries");
    expect_error_bytes("person  A\nperson  B\x00\n", 21, ":2:", "NUL byte");

    /* An unreadable file. */
    CHECK(vg_watchlist_load(&list, "/nonexistent/watchlist.txt", &err) == VG_EIO);
    CHECK(strstr(err.message, "/nonexistent/watchlist.txt") != NULL);

    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        return 1;
    return check_finish("test_store_watchlist");
}
