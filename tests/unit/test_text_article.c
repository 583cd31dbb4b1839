/* Article parts: every recognition rule on lines written for the test (not from the seeds),
 * with the look-alike lines each rule must leave alone; date and dateline parsing. */
#include "check.h"
#include "text/article.h"
#include <stdlib.h>

#define MAX_LINES 32

typedef struct classified {
    vg_article_line lines[MAX_LINES];
    size_t n;
    int unstructured;
} classified;

/* Classifies the NULL-terminated lines as plain text (first line a possible headline). */
static void classify(classified *c, const char *const *texts, const char *title)
{
    memset(c, 0, sizeof *c);
    while (texts[c->n] && c->n < MAX_LINES) {
        vg_article_line *l = &c->lines[c->n];
        l->text = texts[c->n];
        l->len = (uint32_t)strlen(texts[c->n]);
        l->line = (uint32_t)c->n + 1;
        l->hint = VG_PART_UNKNOWN;
        c->n++;
    }
    vg_article_options opts = {title == NULL, title};
    c->unstructured = vg_article_classify(c->lines, c->n, &opts);
}

#define CHECK_KIND(c, i, want_kind, want_rule) do { \
    CHECK_STR(vg_part_kind_name((vg_part_kind)(c).lines[i].kind), vg_part_kind_name(want_kind)); \
    if (want_rule) CHECK_STR((c).lines[i].rule, (const char *)(want_rule)); } while (0)

static const char *const NO_RULE = NULL;

static void test_headline(void)
{
    classified c;
    const char *const a[] = {"Rebels shell border town as talks stall",
                             "Artillery fire hit the town of Kessala on Tuesday, residents said.", NULL};
    classify(&c, a, NULL);
    CHECK_KIND(c, 0, VG_PART_HEADLINE, "headline:first-line");
    CHECK_KIND(c, 1, VG_PART_BODY, "body:sentence");

    /* A first line that reads as a sentence (full stop) is running text, not a headline. */
    const char *const b[] = {"The army said it had retaken the airport.", "Fighting continued in the north.", NULL};
    classify(&c, b, NULL);
    CHECK_KIND(c, 0, VG_PART_BODY, NO_RULE);
    CHECK_KIND(c, 1, VG_PART_BODY, NO_RULE);

    /* A question is still a headline. */
    const char *const q[] = {"Who ordered the raid on the consulate?", "Investigators have three theories.", NULL};
    classify(&c, q, NULL);
    CHECK_KIND(c, 0, VG_PART_HEADLINE, NO_RULE);

    /* One line alone is body, even without punctuation. */
    const char *const one[] = {"Protesters storm parliament in the capital", NULL};
    classify(&c, one, NULL);
    CHECK_KIND(c, 0, VG_PART_BODY, "body:unstructured");
    CHECK(c.unstructured);

    /* A headline ending with an abbreviation is still one. */
    const char *const abbr[] = {"Tehran warns U.S.", "Iran warned the United States on Sunday.", NULL};
    classify(&c, abbr, NULL);
    CHECK_KIND(c, 0, VG_PART_HEADLINE, NO_RULE);

    /* A known title (JSON, HTML) marks the line that repeats it, case and spaces aside. */
    const char *const t[] = {"Border  crossing reopens", "The crossing reopened at dawn, officials said.", NULL};
    classify(&c, t, "border crossing reopens");
    CHECK_KIND(c, 0, VG_PART_HEADLINE, "headline:title");
    const char *const t2[] = {"Trucks lined up for miles.", "The crossing reopened at dawn.", NULL};
    classify(&c, t2, "Border crossing reopens");
    CHECK_KIND(c, 0, VG_PART_BODY, NO_RULE);
}

static void test_header_lines(void)
{
    classified c;
    const char *const a[] = {
        "Coast guard seizes tanker in the Gulf",
        "Home › World › Middle East",
        "6 min read",
        "Sponsored by Example Bank",
        "Updated 07:40 GMT, Thu 12 June 2025",
        "By LAILA HASSAN, Associated Press",
        "Officials in two capitals trade blame as shipping companies weigh the risk of new seizures",
        "The coast guard boarded the tanker before dawn, the navy said in a statement.",
        NULL};
    classify(&c, a, NULL);
    CHECK_KIND(c, 0, VG_PART_HEADLINE, NO_RULE);
    CHECK_KIND(c, 1, VG_PART_SECTION, "section:breadcrumb");
    CHECK_KIND(c, 2, VG_PART_SECTION, "section:furniture");
    CHECK_KIND(c, 3, VG_PART_SECTION, "section:header-line");
    CHECK_KIND(c, 4, VG_PART_DATE, "date:line");
    CHECK_KIND(c, 5, VG_PART_BYLINE, "byline");
    CHECK_KIND(c, 6, VG_PART_SUBTITLE, "subtitle:not-a-sentence");
    CHECK_KIND(c, 7, VG_PART_BODY, "body:sentence");
}

static void test_bylines(void)
{
    classified c;
    const char *const a[] = {"Heading for the test", "By Reuters staff", "By the time the ceasefire began, dozens had died.",
                             "Written by Li Wei | Updated March 3, 2024", "By Jean-Luc de la Croix and Ana María Pérez",
                             "By dawn, troops had surrounded the compound.", NULL};
    classify(&c, a, NULL);
    CHECK_KIND(c, 1, VG_PART_BYLINE, "byline");
    CHECK_KIND(c, 2, VG_PART_BODY, NO_RULE);
    CHECK_KIND(c, 3, VG_PART_BYLINE, "byline"); /* a short byline is one wherever it is */
    CHECK_KIND(c, 5, VG_PART_BODY, NO_RULE);

    const char *const b[] = {"Heading for the test", "Written by Li Wei | Updated March 3, 2024",
                             "By Jean-Luc de la Croix and Ana María Pérez", "The first sentence of the story is here.", NULL};
    classify(&c, b, NULL);
    CHECK_KIND(c, 1, VG_PART_BYLINE, "byline");
    CHECK_KIND(c, 2, VG_PART_BYLINE, "byline");
}

static void test_dateline(void)
{
    struct { const char *text, *dateline, *rest; } cases[] = {
        {"KYIV, Ukraine (AP) — Drones struck the capital overnight.", "KYIV, Ukraine (AP)", "Drones struck"},
        {"NAIROBI — Police fired tear gas at protesters.", "NAIROBI", "Police fired"},
        {"Geneva, Jan 5 (Reuters) - The agency said aid was blocked.", "Geneva, Jan 5 (Reuters)", "The agency"},
        {"SAN SALVADOR, El Salvador -- Soldiers patrolled the streets.", "SAN SALVADOR, El Salvador", "Soldiers"},
        {"RAMALLAH, West Bank (AFP) – “We are afraid,” she said.", "RAMALLAH, West Bank (AFP)", "“We are"},
        {"The U.S. — which has troops in the region — said nothing.", NULL, NULL},
        {"NATO — the alliance said — will meet.", NULL, NULL},
        {"Rescuers worked through the night — and found no one.", NULL, NULL},
        {"Police said the man — a former soldier — was armed.", NULL, NULL},
        {"I — for one — disagree.", NULL, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        uint32_t offset = 0;
        uint32_t n = vg_article_dateline(cases[i].text, strlen(cases[i].text), &offset);
        if (!cases[i].dateline) {
            if (n != 0)
                fprintf(stderr, "dateline found in: %s\n", cases[i].text);
            CHECK(n == 0);
            continue;
        }
        char got[128];
        snprintf(got, sizeof got, "%.*s", (int)n, cases[i].text);
        CHECK_STR(got, cases[i].dateline);
        CHECK(strncmp(cases[i].text + offset, cases[i].rest, strlen(cases[i].rest)) == 0);
    }
    /* A dateline alone on its line, before the first paragraph. */
    classified d;
    const char *const own[] = {"Heading for the test", "CNN —", "Officials met in Vienna on Monday.", NULL};
    classify(&d, own, NULL);
    CHECK_KIND(d, 1, VG_PART_DATELINE, "dateline:own-line");
    CHECK_INT(d.lines[1].dateline_len, 3);
    CHECK_INT(d.lines[2].body_offset, 0);

    /* Only the first body paragraph carries a dateline. */
    classified c;
    const char *const a[] = {"Heading for the test", "LAGOS — Gunmen attacked a bus, police said.",
                             "KANO — This later paragraph quotes a place in capitals.", NULL};
    classify(&c, a, NULL);
    CHECK_INT(c.lines[1].dateline_len, 5);
    CHECK_INT(c.lines[2].dateline_len, 0);
}

static void test_captions(void)
{
    classified c;
    const char *const a[] = {
        "Troops deploy along the river",
        "Soldiers moved into positions along the river on Friday, the ministry said.",
        "File photo: Smoke rises over the harbour after the strike.",
        "FILE - Protesters march in the capital, May 1, 2021.",
        "Maria Lopez speaks at a rally (Reuters/John Doe)",
        "Soldiers patrol a market in Gao. (Photo by Jane Roe/AFP)",
        "In this undated image released by the ministry, a drone is shown on a launcher.",
        "The minister arrives in Oslo. Photo: Olav Berg",
        "Border crossing near the river",
        "A militia video shows fighters near the town (Telegram screenshot)",
        "He gave no details about the operation (which began in May).",
        "Residents said they heard explosions through the night.",
        NULL};
    classify(&c, a, NULL);
    CHECK_KIND(c, 2, VG_PART_CAPTION, "caption:label");
    CHECK_KIND(c, 3, VG_PART_CAPTION, "caption:label");
    CHECK_KIND(c, 4, VG_PART_CAPTION, "caption:credit");
    CHECK_KIND(c, 5, VG_PART_CAPTION, "caption:credit");
    CHECK_KIND(c, 6, VG_PART_CAPTION, "caption:this-photo");
    CHECK_KIND(c, 7, VG_PART_CAPTION, "caption:credit");
    CHECK_KIND(c, 8, VG_PART_CAPTION, "caption:not-a-sentence");
    CHECK_KIND(c, 9, VG_PART_CAPTION, "caption:credit");
    CHECK_KIND(c, 10, VG_PART_BODY, NO_RULE); /* brackets inside a sentence */
    CHECK_KIND(c, 11, VG_PART_BODY, NO_RULE);

    /* Look-alikes: a sentence about a photo, a long paragraph without its full stop. */
    const char *const b[] = {
        "Heading for the test",
        "Photographers were barred from the courtroom, the lawyer said.",
        "In this case the court ruled against the ministry.",
        "The minister did not say when the troops would leave or how many would stay behind in the bases "
        "near the border with the neighbouring country",
        "Officials said the talks would continue.",
        NULL};
    classify(&c, b, NULL);
    CHECK_KIND(c, 1, VG_PART_BODY, NO_RULE);
    CHECK_KIND(c, 2, VG_PART_BODY, NO_RULE);
    CHECK_KIND(c, 3, VG_PART_BODY, "body:long-line");

    /* A long paragraph whose last words look like a credit (an e-mail's signature line) is
     * running text, not a caption: it would be lost with the article. */
    const char *const s[] = {
        "Prices for the spring months",
        "Hi Mary, I need your help again with the prices for May, June and July, since the ones we "
        "had were for the old contract. The board meets next week and wants the figures before then. "
        "Could you send them by Friday? The last time we asked it took a month, and the auditors were "
        "not pleased. We also need the volumes for the same months, and the names of the shippers. "
        "If that is too much for one week, the prices come first and the rest can follow. I know you "
        "are busy with the merger, so any help is welcome. Thanks for everything you did last year. "
        "Gregg Penman 10/23/2000 12:12 PM Kay -",
        NULL};
    classify(&c, s, NULL);
    CHECK_KIND(c, 1, VG_PART_BODY, NO_RULE);

    /* A whole article in one paragraph (a JSON "text") ending with a trailer's words is the
     * article: three sentences and more are running text. */
    const char *const one[] = {
        "Gunmen attacked a checkpoint near the border on Monday, officials said. Two soldiers were "
        "wounded. The army said it was searching the area. Jane Doe contributed to this report.",
        NULL};
    classify(&c, one, NULL);
    CHECK_KIND(c, 0, VG_PART_BODY, NO_RULE);
}

static void test_trailers(void)
{
    classified c;
    const char *const a[] = {
        "Storm cuts power to thousands",
        "The storm cut power to thousands of homes on the coast, the utility said.",
        "Read more: Why the grid keeps failing",
        "Crews expect to restore power by Sunday.",
        "Get our free newsletter in your inbox every morning",
        "The weather service warned of more rain.",
        "* * *",
        "Reporting by Kim Tran; Editing by Paul Moss",
        "© 2024 Example News. All rights reserved.",
        NULL};
    classify(&c, a, NULL);
    CHECK_KIND(c, 2, VG_PART_TRAILER, "trailer:prompt");
    CHECK_KIND(c, 3, VG_PART_BODY, NO_RULE);
    CHECK_KIND(c, 4, VG_PART_TRAILER, "trailer:newsletter");
    CHECK_KIND(c, 5, VG_PART_BODY, NO_RULE);
    CHECK_KIND(c, 6, VG_PART_TRAILER, "trailer:separator");
    CHECK_KIND(c, 7, VG_PART_TRAILER, "trailer:after-end-marker");
    CHECK_KIND(c, 8, VG_PART_TRAILER, "trailer:after-end-marker");

    /* A contribution line ends the article; tags after the last paragraph are trailers. */
    const char *const b[] = {
        "Court jails activist",
        "A court sentenced the activist to five years in prison on Monday.",
        "Staff writer Omar Said contributed reporting.",
        "Follow us on Telegram for live updates",
        "Courts",
        "Human rights",
        NULL};
    classify(&c, b, NULL);
    CHECK_KIND(c, 2, VG_PART_TRAILER, "trailer:contribution");
    CHECK_KIND(c, 3, VG_PART_TRAILER, NO_RULE);
    CHECK_KIND(c, 5, VG_PART_TRAILER, NO_RULE);

    const char *const tags[] = {
        "Court jails activist",
        "A court sentenced the activist to five years in prison on Monday.",
        "Courts",
        "Human rights",
        NULL};
    classify(&c, tags, NULL);
    CHECK_KIND(c, 2, VG_PART_TRAILER, "trailer:after-body");
    CHECK_KIND(c, 3, VG_PART_TRAILER, "trailer:after-body");

    /* A bare "Related:" makes the link lines under it trailers, until running text resumes. */
    const char *const d[] = {
        "Heading for the test",
        "The first paragraph ends here.",
        "Related:",
        "Why the talks failed",
        "Who sits at the table",
        "Talks resume on Monday, the mediators said.",
        NULL};
    classify(&c, d, NULL);
    CHECK_KIND(c, 2, VG_PART_TRAILER, "trailer:prompt");
    CHECK_KIND(c, 3, VG_PART_TRAILER, "trailer:link-list");
    CHECK_KIND(c, 4, VG_PART_TRAILER, "trailer:link-list");
    CHECK_KIND(c, 5, VG_PART_BODY, NO_RULE);

    /* A separator with a long story after it is a section break, not the end. */
    const char *const e[] = {
        "Heading for the test",
        "The first part of the story is about the border and its many crossings.",
        "---",
        "The second part of the story describes the towns along the river in detail.",
        "Residents of the towns have complained about the checkpoints for many years now.",
        "Officials say the checkpoints will stay in place until the end of the conflict at least.",
        NULL};
    classify(&c, e, NULL);
    CHECK_KIND(c, 2, VG_PART_NOISE, "noise:separator");
    CHECK_KIND(c, 3, VG_PART_BODY, NO_RULE);
    CHECK_KIND(c, 5, VG_PART_BODY, NO_RULE);

    /* Look-alikes that are running text. */
    const char *const f[] = {
        "Heading for the test",
        "The group distributed a newsletter urging attacks on police.",
        "Subscribers to the service received the warning on Monday.",
        "Related charges were filed against two other men.",
        "Copyright lawyers for the broadcaster said the footage was stolen.",
        "Reporters were not allowed into the building.",
        NULL};
    classify(&c, f, NULL);
    for (size_t i = 1; i < c.n; i++)
        CHECK_KIND(c, i, VG_PART_BODY, NO_RULE);
}

/* Bulleted list items are running text without their bullets, unless they trail the article. */
static void test_list_items(void)
{
    classified c;
    const char *const a[] = {
        "Heading for the test",
        "The army gave this account of the attack on Tuesday:",
        "- Two soldiers were wounded by shrapnel",
        "• A patrol vehicle was destroyed near the checkpoint",
        "Investigators are still at the scene, police said.",
        "• Why the checkpoint was attacked again",
        "• Who guards the border crossings now",
        NULL};
    classify(&c, a, NULL);
    CHECK_KIND(c, 2, VG_PART_BODY, "body:list-item");
    CHECK_INT(c.lines[2].body_offset, 2);
    CHECK_KIND(c, 3, VG_PART_BODY, "body:list-item");
    CHECK_INT(c.lines[3].body_offset, 4);
    CHECK_KIND(c, 4, VG_PART_BODY, "body:sentence");
    CHECK_KIND(c, 5, VG_PART_TRAILER, "trailer:after-body");
    CHECK_KIND(c, 6, VG_PART_TRAILER, "trailer:after-body");
}

static void test_noise(void)
{
    classified c;
    const char *const a[] = {
        "Heading for the test",
        "Rescue teams searched the rubble on Tuesday, the civil defence said.",
        "Advertisement",
        "Story continues below advertisement",
        "Rescue teams searched the rubble on Tuesday, the civil defence said.",
        "https://example.org/gallery",
        "The search will continue through the night.",
        NULL};
    classify(&c, a, NULL);
    CHECK_KIND(c, 2, VG_PART_SECTION, "section:furniture");
    CHECK_KIND(c, 3, VG_PART_SECTION, "section:furniture");
    CHECK_KIND(c, 4, VG_PART_BODY, NO_RULE); /* a repeat only when adjacent */
    CHECK_KIND(c, 5, VG_PART_SECTION, "section:furniture");
    CHECK_KIND(c, 6, VG_PART_BODY, NO_RULE);

    const char *const b[] = {"Heading for the test", "Aid trucks wait at the gate (AFP/Ali Salem)",
                             "Aid trucks wait at the gate (AFP/Ali Salem)", "The trucks have waited for a week.", NULL};
    classify(&c, b, NULL);
    CHECK_KIND(c, 1, VG_PART_CAPTION, NO_RULE);
    CHECK_KIND(c, 2, VG_PART_NOISE, "noise:repeated");
}

static void test_dates(void)
{
    struct { const char *text; int whole, found, y, m, d, wd; } cases[] = {
        {"Posted 11:05 PM on Tuesday, March 4", 1, 1, 0, 3, 4, 2},
        {"June 2, 2019 8:15 pm", 1, 1, 2019, 6, 2, 0},
        {"Published: 14 Feb 2023 | 06:30 GMT", 1, 1, 2023, 2, 14, 0},
        {"Updated Sept. 9, 2021 at 10:02 a.m. ET", 1, 1, 2021, 9, 9, 0},
        {"Thu 12 June 2025 07.40 BST", 1, 1, 2025, 6, 12, 4},
        {"2024-05-13", 1, 1, 2024, 5, 13, 0},
        {"Last modified on 13.05.2024", 1, 1, 2024, 5, 13, 0},
        {"July 2020", 1, 1, 2020, 7, 0, 0},
        {"Updated 3 hours ago", 1, 1, 0, 0, 0, 0},
        {"In March 2019, the army withdrew.", 1, 0, 0, 0, 0, 0},
        {"May the talks succeed", 1, 0, 0, 0, 0, 0},
        {"Friday", 1, 0, 0, 0, 0, 0},
        {"2024-05-13T08:30:00+02:00", 0, 1, 2024, 5, 13, 0},
        {"Mon, 13 May 2024 06:30:00 +0000", 0, 1, 2024, 5, 13, 1},
        {"BEIRUT, Nov 21 (Reuters)", 0, 1, 0, 11, 21, 0},
        {"the 9th of October, 2022", 1, 1, 2022, 10, 9, 0},
        {"11/30/2020", 1, 1, 2020, 11, 30, 0},
        {"2024-13-45", 1, 0, 0, 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        vg_date d;
        int found = vg_date_parse(cases[i].text, strlen(cases[i].text), cases[i].whole, &d);
        if (found != cases[i].found || d.year != cases[i].y || d.month != cases[i].m || d.day != cases[i].d ||
            d.weekday != cases[i].wd) {
            fprintf(stderr, "date \"%s\": found %d %d-%d-%d wd %d\n", cases[i].text, found, d.year, d.month, d.day,
                    d.weekday);
            check_failures++;
        }
    }
    CHECK_INT(vg_date_year_from_weekday(11, 7, 5, 2025), 2025);  /* Friday, November 7 */
    CHECK_INT(vg_date_year_from_weekday(11, 7, 5, 2024), 2014);
    CHECK_INT(vg_date_year_from_weekday(3, 4, 2, 2026), 2025);   /* Tuesday, March 4 */
    CHECK_INT(vg_date_year_from_weekday(2, 30, 1, 2025), 0);
}

/* Nothing recognisable: every line is body and the document says so. */
static void test_unstructured(void)
{
    classified c;
    const char *const a[] = {"iran israel tension rising", "sources report troop movements", "no comment from officials",
                             NULL};
    classify(&c, a, NULL);
    CHECK(c.unstructured);
    CHECK_KIND(c, 0, VG_PART_HEADLINE, NO_RULE);
    CHECK_KIND(c, 1, VG_PART_BODY, "body:unstructured");
    CHECK_KIND(c, 2, VG_PART_BODY, "body:unstructured");
}

/* A long line must cost linear time: the shapes look at bounded windows. */
static void test_long_line(void)
{
    size_t n = 8u << 20;
    char *s = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        s[i] = i % 7 == 6 ? ' ' : (i % 50 == 0 ? '(' : 'a');
    s[n] = '\0';
    classified c;
    const char *const a[] = {s, NULL};
    classify(&c, a, NULL);
    CHECK_KIND(c, 0, VG_PART_BODY, NO_RULE);
    free(s);
}

int main(void)
{
    test_headline();
    test_header_lines();
    test_bylines();
    test_dateline();
    test_captions();
    test_trailers();
    test_list_items();
    test_noise();
    test_dates();
    test_unstructured();
    test_long_line();
    return check_finish("test_text_article");
}
