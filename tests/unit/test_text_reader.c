/* The document readers: the seed articles split as tests/resources/reader/seeds.golden says,
 * the project's own plain-text, HTML and JSON Lines examples, folders, stdin, format sniffing,
 * and bad input (empty, binary, invalid UTF-8, NUL, a 50 MB line, 100,000-deep HTML,
 * truncated JSON, unreadable files, failing allocations): never a crash, hang or blow-up. */
#include "check.h"
#include "text/document.h"
#include "util/alloc.h"
#include "util/limits.h"
#include "util/mapfile.h"
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ------------------------------------------------------------------ helpers */

#define MAX_WARNINGS 64
static char warnings[MAX_WARNINGS][1024];
static size_t n_warnings;

static void collect_warning(void *context, const char *message)
{
    (void)context;
    if (n_warnings < MAX_WARNINGS)
        snprintf(warnings[n_warnings], sizeof warnings[0], "%s", message);
    n_warnings++;
    if (getenv("VIGIL_READER_PRINT"))
        fprintf(stderr, "warning: %s\n", message);
}

static void clear_warnings(void) { n_warnings = 0; }

/* Is there a warning containing both strings (b may be NULL)? */
static int warned(const char *a, const char *b)
{
    for (size_t i = 0; i < n_warnings && i < MAX_WARNINGS; i++)
        if (strstr(warnings[i], a) && (!b || strstr(warnings[i], b)))
            return 1;
    return 0;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void write_file(const char *path, const void *bytes, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        fprintf(stderr, "cannot write %s: %s\n", path, strerror(errno));
        check_failures++;
        return;
    }
    fwrite(bytes, 1, len, f);
    fclose(f);
}

static void write_text(const char *path, const char *text) { write_file(path, text, strlen(text)); }

static vg_document *from_text(const char *name, const char *text, vg_format format)
{
    vg_document *doc = NULL;
    vg_error err = {0};
    int rc = vg_document_from_text(&doc, name, text, strlen(text), format, NULL, &err);
    if (rc) {
        fprintf(stderr, "vg_document_from_text(%s): %s\n", name, err.message);
        check_failures++;
    }
    return doc;
}

static const char *paragraph(const vg_document *doc, uint32_t i)
{
    static char out[4][8192];
    static int next;
    char *buf = out[next++ % 4];
    if (i >= doc->n_paragraphs)
        return "(none)";
    const vg_paragraph *p = &doc->paragraphs[i];
    snprintf(buf, sizeof out[0], "%.*s", (int)(p->end - p->start), doc->body + p->start);
    return buf;
}

static int has_part(const vg_document *doc, vg_part_kind kind, const char *text)
{
    for (uint32_t i = 0; i < doc->n_parts; i++)
        if (doc->parts[i].kind == kind && strcmp(doc->parts[i].text, text) == 0)
            return 1;
    return 0;
}

/* The invariants every document keeps. */
static void check_document(const vg_document *doc)
{
    CHECK(doc->body != NULL && doc->body[doc->body_len] == '\0');
    CHECK(strlen(doc->body) == doc->body_len);
    CHECK(doc->body_len == 0 || (doc->body[0] != '\n' && doc->body[doc->body_len - 1] != '\n'));
    uint32_t at = 0;
    for (uint32_t i = 0; i < doc->n_paragraphs; i++) {
        const vg_paragraph *p = &doc->paragraphs[i];
        CHECK(p->start == at && p->end > p->start && p->end <= doc->body_len);
        CHECK(memchr(doc->body + p->start, '\n', p->end - p->start) == NULL);
        at = p->end + 1;
    }
    CHECK(doc->n_paragraphs == 0 || doc->paragraphs[doc->n_paragraphs - 1].end == doc->body_len);
    CHECK(doc->id != NULL && doc->name != NULL);
}

static char tmpdir[64];

static const char *tmp_path(const char *name)
{
    static char paths[8][256];
    static int next;
    char *out = paths[next++ % 8];
    snprintf(out, sizeof paths[0], "%s/%s", tmpdir, name);
    return out;
}

static const char *resource(const char *name)
{
    static char paths[4][1024];
    static int next;
    char *out = paths[next++ % 4];
    snprintf(out, sizeof paths[0], "%s", check_source_path("tests/resources/reader"));
    size_t n = strlen(out);
    snprintf(out + n, sizeof paths[0] - n, "/%s", name);
    return out;
}

static vg_document *read_one(const char *path, const vg_read_options *opts)
{
    vg_reader *r = NULL;
    vg_error err = {0};
    vg_document *doc = NULL;
    if (vg_reader_open_with(&r, path, opts, &err)) {
        fprintf(stderr, "open %s: %s\n", path, err.message);
        check_failures++;
        return NULL;
    }
    int rc = vg_reader_next(r, &doc, &err);
    CHECK_INT(rc, 1);
    vg_reader_close(r);
    if (doc)
        check_document(doc);
    return doc;
}

/* ------------------------------------------------------------------ the seeds */

static const char *field(const vg_document *doc, const char *name, char *buf, size_t cap)
{
    const char *v = NULL;
    if (strcmp(name, "title") == 0) v = doc->title;
    else if (strcmp(name, "subtitle") == 0) v = doc->subtitle;
    else if (strcmp(name, "date_text") == 0) v = doc->date_text;
    else if (strcmp(name, "dateline") == 0) v = doc->dateline;
    else if (strcmp(name, "byline") == 0) v = doc->byline;
    else if (strcmp(name, "paragraphs") == 0) { snprintf(buf, cap, "%u", doc->n_paragraphs); return buf; }
    else if (strcmp(name, "captions") == 0) { snprintf(buf, cap, "%u", doc->n_captions); return buf; }
    else if (strcmp(name, "trailers") == 0) { snprintf(buf, cap, "%u", doc->n_trailers); return buf; }
    else if (strcmp(name, "first") == 0) v = paragraph(doc, 0);
    else if (strcmp(name, "last") == 0) v = doc->n_paragraphs ? paragraph(doc, doc->n_paragraphs - 1) : NULL;
    else return "(unknown field)";
    return v ? v : "-";
}

/* Every line of the article is accounted for: a body paragraph (after its dateline) or the
 * text of a part; and no part's text is inside the body. */
static void check_seed_complete(const vg_document *doc, const char *raw, size_t len)
{
    const char *line = raw;
    while (line < raw + len) {
        const char *end = memchr(line, '\n', (size_t)(raw + len - line));
        if (!end)
            end = raw + len;
        size_t n = (size_t)(end - line);
        if (n > 0) {
            int found = 0;
            for (uint32_t i = 0; i < doc->n_paragraphs && !found; i++) {
                const char *p = paragraph(doc, i);
                size_t pn = strlen(p);
                found = pn <= n && memcmp(line + n - pn, p, pn) == 0;
            }
            for (uint32_t i = 0; i < doc->n_parts && !found; i++)
                found = strlen(doc->parts[i].text) == n && memcmp(doc->parts[i].text, line, n) == 0;
            if (!found)
                fprintf(stderr, "%s: line lost: %.*s\n", doc->name, (int)(n > 80 ? 80 : n), line);
            CHECK(found);
        }
        line = end + 1;
    }
    for (uint32_t i = 0; i < doc->n_parts; i++) {
        if (strlen(doc->parts[i].text) >= 8 && strstr(doc->body, doc->parts[i].text)) {
            fprintf(stderr, "%s: %s in the body: %s\n", doc->name, vg_part_kind_name(doc->parts[i].kind),
                    doc->parts[i].text);
            check_failures++;
        }
    }
    CHECK(strstr(doc->body, "contributed to this report") == NULL);
    CHECK(strstr(doc->body, "(AFP/") == NULL && strstr(doc->body, "screenshot") == NULL);
}

static void test_seeds(void)
{
    const char *dir = check_shared_path("seeds");
    if (!dir)
        return;
    vg_mapfile golden;
    vg_error err = {0};
    if (vg_mapfile_open(&golden, resource("seeds.golden"), &err)) {
        fprintf(stderr, "%s\n", err.message);
        check_failures++;
        return;
    }
    char current[256] = "";
    vg_document *doc = NULL;
    size_t checked = 0;
    const char *s = (const char *)golden.data, *end = s + golden.size;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl)
            nl = end;
        char line[8192];
        snprintf(line, sizeof line, "%.*s", (int)(nl - s), s);
        s = nl + 1;
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
        if (!tab2) {
            fprintf(stderr, "seeds.golden: bad line %s\n", line);
            check_failures++;
            continue;
        }
        *tab1 = *tab2 = '\0';
        if (strcmp(line, current) != 0) {
            vg_document_free(doc);
            snprintf(current, sizeof current, "%.200s", line);
            char path[1024];
            snprintf(path, sizeof path, "%s/%s", dir, current);
            doc = read_one(path, NULL);
            if (!doc)
                return;
            char *raw;
            size_t len;
            if (vg_file_read_all(path, 1u << 20, &raw, &len, &err) == 0) {
                check_seed_complete(doc, raw, len);
                vg_free(raw);
            }
            CHECK(doc->n_warnings == 0 && doc->flags == 0);
        }
        char buf[32];
        const char *got = field(doc, tab1 + 1, buf, sizeof buf);
        if (strcmp(got, tab2 + 1) != 0) {
            fprintf(stderr, "%s %s:\n  got  %s\n  want %s\n", current, tab1 + 1, got, tab2 + 1);
            check_failures++;
        }
        checked++;
    }
    vg_document_free(doc);
    vg_mapfile_close(&golden);
    CHECK(checked >= 30);
}

/* ------------------------------------------------------------------ the project's examples */

static void test_plain_text(void)
{
    vg_document *doc = read_one(resource("wire.txt"), NULL);
    if (!doc)
        return;
    CHECK_STR(doc->id, "wire");
    CHECK_STR(doc->title, "Drone strike hits fuel depot near border city, officials say");
    CHECK_STR(doc->date, "2025-03-04");
    CHECK_STR(doc->date_text, "Posted 11:05 PM on Tuesday, March 4, 2025");
    CHECK_INT(doc->date_parts.weekday, 2);
    CHECK_STR(doc->dateline, "KHARKIV, Ukraine (AP)");
    CHECK_STR(doc->byline, "By ANA GARCIA and TOM O'NEILL");
    CHECK_INT(doc->n_paragraphs, 5);
    CHECK_STR(paragraph(doc, 0), "A drone struck a fuel depot on the edge of the city overnight, regional officials "
                                 "said Wednesday. No casualties were reported.");
    CHECK_STR(paragraph(doc, 3), "“We will rebuild, as we always have,” Ivanenko told reporters.");
    CHECK_STR(paragraph(doc, 4), "Moscow did not immediately respond to a request for comment.");
    CHECK_INT(doc->paragraphs[0].line, 6);
    CHECK_INT(doc->n_captions, 2);
    CHECK_STR(doc->captions[1], "Governor Petro Ivanenko at a briefing (Reuters/Jane Doe)");
    CHECK_INT(doc->n_trailers, 3);
    CHECK(has_part(doc, VG_PART_SECTION, "Advertisement"));
    CHECK(has_part(doc, VG_PART_SECTION, "World › Europe › Conflict"));
    vg_document_free(doc);

    /* Hard-wrapped text: the lines of a paragraph are joined again. */
    doc = read_one(resource("wrapped.txt"), NULL);
    if (!doc)
        return;
    CHECK_STR(doc->byline, "By Omar Said");
    CHECK_INT(doc->n_paragraphs, 2);
    CHECK_STR(paragraph(doc, 0), "The negotiators met again on Sunday after a pause of two weeks, according to two "
                                 "diplomats who asked not to be named because they were not allowed to speak to the press.");
    CHECK_INT(doc->paragraphs[0].line, 5);
    CHECK_INT(doc->n_trailers, 3);
    vg_document_free(doc);

    /* VG_READ_RAW: no recognition, every line is body. */
    vg_read_options raw = {0};
    raw.flags = VG_READ_RAW;
    doc = read_one(resource("wire.txt"), &raw);
    if (doc) {
        CHECK_INT(doc->n_paragraphs, 16);
        CHECK(doc->title == NULL && doc->n_parts == 0);
        vg_document_free(doc);
    }
}

static void test_html(void)
{
    clear_warnings();
    vg_document *doc = read_one(resource("page.html"), NULL);
    if (!doc)
        return;
    CHECK(doc->format == VG_FORMAT_HTML);
    CHECK_STR(doc->title, "Port workers strike over pay");
    CHECK_STR(doc->date, "2024-05-13");
    CHECK_STR(doc->url, "https://tribune.example/2024/05/port-strike");
    CHECK_STR(doc->source, "Example Tribune");
    CHECK_STR(doc->byline, "By Sara Lindqvist");
    CHECK_STR(doc->dateline, "ROTTERDAM");
    CHECK_INT(doc->n_paragraphs, 4);
    CHECK_STR(paragraph(doc, 0), "Thousands of dock workers walked off the job on Monday, halting container traffic "
                                 "at Europe's largest port, union leaders said.");
    CHECK_STR(paragraph(doc, 1), "The union is demanding a seven percent raise; the employers have offered four.");
    CHECK_STR(paragraph(doc, 3), "The employers said in a statement that the demands were “unaffordable” and urged "
                                 "workers to return.");
    CHECK_INT(doc->n_captions, 1);
    CHECK(has_part(doc, VG_PART_HEADING, "Talks break down"));
    const char *never[] = {"tracking", "color", "Home", "trust", "Share", "shoes", "Dock strikes", "Sign up",
                           "Copyright", "News / Business"};
    for (size_t i = 0; i < sizeof never / sizeof *never; i++) {
        CHECK(strstr(doc->body, never[i]) == NULL);
        for (uint32_t p = 0; p < doc->n_parts; p++)
            CHECK(strstr(doc->parts[p].text, never[i]) == NULL);
    }
    CHECK_INT(n_warnings, 0);
    vg_document_free(doc);

    /* A declared character set is decoded; undeclared bad bytes are replaced with one warning. */
    doc = from_text("latin1.html",
                    "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 owners said the "
                    "protest would go on.</p></body></html>", VG_FORMAT_AUTO);
    if (doc) {
        CHECK_STR(doc->body, "Café owners said the protest would go on.");
        vg_document_free(doc);
    }
    clear_warnings();
    doc = from_text("bad.html", "<p>Caf\xe9 owners said the protest would go on.</p>", VG_FORMAT_HTML);
    if (doc) {
        CHECK_STR(doc->body, "Caf\xEF\xBF\xBD owners said the protest would go on.");
        CHECK_INT(n_warnings, 1);
        CHECK(warned("bad.html", "byte 6"));
        vg_document_free(doc);
    }

    /* An article split around an advertisement; metadata from JSON-LD only. */
    doc = read_one(resource("split.html"), NULL);
    if (doc) {
        CHECK_STR(doc->title, "Rail strike spreads to the north");
        CHECK_STR(doc->date, "2023-10-02");
        CHECK_STR(doc->byline, "Nadia Kaur");
        CHECK_STR(doc->url, "https://x.example/rail");
        CHECK_INT(doc->n_paragraphs, 4);
        CHECK_STR(paragraph(doc, 3), "Union leaders said they would appeal any such order before the supreme court.");
        CHECK(strstr(doc->body, "phone") == NULL && strstr(doc->body, "Home") == NULL);
        vg_document_free(doc);
    }
    doc = from_text("br.html", "<div>Pre-CSS pages separate paragraphs with breaks, like this one.<br><br>"
                               "The second paragraph follows the breaks.</div>", VG_FORMAT_HTML);
    if (doc) {
        CHECK_INT(doc->n_paragraphs, 2);
        CHECK_STR(paragraph(doc, 1), "The second paragraph follows the breaks.");
        vg_document_free(doc);
    }

    /* No paragraphs: the page's blocks, sorted by the line rules. */
    doc = from_text("divs.html", "<body><div>Clashes erupt near the stadium</div><div>Police said two people "
                                 "were hurt in the clashes.</div><span>Share</span></body>", VG_FORMAT_HTML);
    if (doc) {
        CHECK_STR(doc->body, "Police said two people were hurt in the clashes.");
        vg_document_free(doc);
    }

    /* 100,000 nested elements: bounded by the parser's and our depth limits, fast, no crash. */
    size_t depth = 100000;
    char *deep = malloc(depth * 11 + 64);
    size_t n = 0;
    n += (size_t)sprintf(deep + n, "<html><body>");
    for (size_t i = 0; i < depth; i++)
        n += (size_t)sprintf(deep + n, i % 2 ? "<div>" : "<span>");
    n += (size_t)sprintf(deep + n, "Deep text.");
    double t0 = now_seconds();
    vg_error err = {0};
    int rc = vg_document_from_text(&doc, "deep.html", deep, n, VG_FORMAT_HTML, NULL, &err);
    CHECK(rc == 0 || rc == VG_EINVAL);
    if (rc == 0) {
        check_document(doc);
        vg_document_free(doc);
    }
    CHECK(now_seconds() - t0 < 5.0);
    free(deep);

    /* Text after a nest deeper than libxml2's default limit (256) is kept, not silently lost. */
    char *nest = malloc(300 * 11 + 300 * 6 + 256);
    n = (size_t)sprintf(nest, "<html><body><p>Before the nest.</p>");
    for (int i = 0; i < 300; i++)
        n += (size_t)sprintf(nest + n, "<div>");
    n += (size_t)sprintf(nest + n, "<p>Inside the nest.</p>");
    for (int i = 0; i < 300; i++)
        n += (size_t)sprintf(nest + n, "</div>");
    n += (size_t)sprintf(nest + n, "<p>After the nest.</p></body></html>");
    rc = vg_document_from_text(&doc, "nest.html", nest, n, VG_FORMAT_HTML, NULL, &err);
    CHECK_INT(rc, 0);
    if (rc == 0) {
        CHECK(strstr(doc->body, "Inside the nest.") != NULL);
        CHECK(strstr(doc->body, "After the nest.") != NULL);
        vg_document_free(doc);
    }
    free(nest);

    /* Too many elements: cut with a warning. */
    size_t tags = VG_MAX_HTML_ELEMENTS + 1000;
    char *many = malloc(tags * 4 + 16);
    for (size_t i = 0; i < tags; i++)
        memcpy(many + i * 4, "<b>x", 4);
    clear_warnings();
    rc = vg_document_from_text(&doc, "many.html", many, tags * 4, VG_FORMAT_HTML, NULL, &err);
    CHECK_INT(rc, 0);
    if (rc == 0) {
        CHECK(doc->flags & VG_DOC_TRUNCATED);
        CHECK(warned("many.html", "VG_MAX_HTML_ELEMENTS"));
        vg_document_free(doc);
    }
    free(many);
}

static void test_jsonl(void)
{
    clear_warnings();
    vg_reader *r = NULL;
    vg_error err = {0};
    CHECK_INT(vg_reader_open(&r, resource("records.jsonl"), &err), 0);
    if (!r)
        return;
    const char *ids[] = {"r1", "42", "r5"};
    vg_document *doc;
    size_t count = 0;
    int rc;
    while ((rc = vg_reader_next(r, &doc, &err)) == 1) {
        check_document(doc);
        CHECK(doc->format == VG_FORMAT_JSONL);
        if (count < 3)
            CHECK_STR(doc->id, ids[count]);
        if (count == 0) {
            CHECK_STR(doc->title, "Militants attack convoy");
            CHECK_STR(doc->date, "2024-02-01");
            CHECK_STR(doc->url, "https://news.example/r1");
            CHECK_STR(doc->source, "Example Wire");
            CHECK_STR(doc->body, "Militants attacked a supply convoy on Thursday, the army said.\nTwo soldiers were wounded.");
        } else if (count == 1) {
            CHECK_STR(doc->title, "Navy intercepts smuggling boat"); /* the first line of a record without title */
            CHECK_INT(doc->n_paragraphs, 1);
        } else if (count == 2) {
            CHECK_STR(doc->date, "2023-03-03");
            CHECK_STR(doc->body, "Police arrested three suspects after the bombing.\nThey were charged with terrorism.");
        }
        vg_document_free(doc);
        count++;
    }
    CHECK_INT(rc, 0);
    CHECK_INT(count, 3);
    vg_reader_stats stats;
    vg_reader_stats_get(r, &stats);
    CHECK_INT(stats.documents, 3);
    CHECK_INT(stats.skipped, 2);
    CHECK(warned("records.jsonl:4", "malformed"));
    CHECK(warned("records.jsonl:5", "\"text\""));
    vg_reader_close(r);

    /* From memory: a record over the line limit is skipped, the rest is read; a record with
     * bad bytes is repaired with a warning that names its line. */
    const char *lines = "{\"text\": \"First record, short.\"}\n"
                        "{\"text\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}\n"
                        "{\"text\": \"Bad byte \xff here.\"}\n"
                        "[1, 2]\n"
                        "{\"id\": \"last\", \"text\": \"Last record.\"}";
    vg_read_options opts = {0};
    opts.max_line_bytes = 64;
    clear_warnings();
    CHECK_INT(vg_reader_open_memory(&r, "mem.jsonl", lines, strlen(lines), &opts, &err), 0);
    count = 0;
    while ((rc = vg_reader_next(r, &doc, &err)) == 1) {
        check_document(doc);
        if (count == 0)
            CHECK_STR(doc->id, "mem-1");
        if (count == 1)
            CHECK_STR(doc->body, "Bad byte \xEF\xBF\xBD here.");
        if (count == 2)
            CHECK_STR(doc->id, "last");
        vg_document_free(doc);
        count++;
    }
    CHECK_INT(count, 3);
    CHECK(warned("mem.jsonl:2", "longer than 64 bytes"));
    CHECK(warned("mem.jsonl:3", "invalid UTF-8"));
    CHECK(warned("mem.jsonl:4", "not a JSON object"));
    vg_reader_close(r);

    /* One record in memory (the HTTP API's input). */
    doc = from_text("post", "  {\"id\": \"p\", \"title\": \"T\", \"text\": \"One line.\"}\n", VG_FORMAT_JSONL);
    if (doc) {
        CHECK_STR(doc->id, "p");
        CHECK_STR(doc->body, "One line.");
        vg_document_free(doc);
    }
    CHECK_INT(vg_document_from_text(&doc, "post", "{} {}", 5, VG_FORMAT_JSONL, NULL, &err), VG_EINVAL);
    CHECK(doc == NULL && strstr(err.message, "post:1") != NULL);
    CHECK_INT(vg_document_from_text(&doc, "post", "{\"text\": 5}", 11, VG_FORMAT_JSONL, NULL, &err), VG_EINVAL);

    /* A ".json" file holding one object over several lines. */
    write_text(tmp_path("pretty.json"), "{\n  \"id\": \"pj\",\n  \"text\": \"Officials confirmed the arrest.\"\n}\n");
    doc = read_one(tmp_path("pretty.json"), NULL);
    if (doc) {
        CHECK_STR(doc->id, "pj");
        CHECK_STR(doc->body, "Officials confirmed the arrest.");
        vg_document_free(doc);
    }
}

/* ------------------------------------------------------------------ bad input */

static void test_empty_and_odd_text(void)
{
    clear_warnings();
    vg_document *doc = from_text("empty.txt", "", VG_FORMAT_TEXT);
    if (doc) {
        check_document(doc);
        CHECK_INT(doc->body_len, 0);
        CHECK_INT(doc->n_paragraphs, 0);
        CHECK_STR(doc->id, "empty");
        vg_document_free(doc);
    }
    doc = from_text("blank.txt", " \n\t\r\n\xC2\xA0\n", VG_FORMAT_TEXT);
    if (doc) {
        CHECK_INT(doc->body_len, 0);
        vg_document_free(doc);
    }
    CHECK_INT(n_warnings, 0);

    /* Line breaks of every kind; invisible characters; NFC; curly quotes and dashes kept. */
    doc = from_text("crlf.txt", "Rally turns violent\r\nPolice said the rally turned violent.\rThey made arrests.\r\n",
                    VG_FORMAT_TEXT);
    if (doc) {
        CHECK_STR(doc->title, "Rally turns violent");
        CHECK_STR(doc->body, "Police said the rally turned violent.\nThey made arrests.");
        vg_document_free(doc);
    }
    doc = from_text("marks.txt", "Cafe\xCC\x81 owners \xE2\x80\x9Cprotest\xE2\x80\x9D \xE2\x80\x94 it\xE2\x80\x99s "
                                 "over.\xE2\x80\xA8Tab\there,\xC2\xA0no-break,\xE2\x80\x8Bzero\xC2\xAD width.",
                    VG_FORMAT_TEXT);
    if (doc) {
        CHECK_STR(doc->body, "Café owners “protest” — it’s over.\nTab here, no-break,zero width.");
        vg_document_free(doc);
    }
    CHECK_INT(n_warnings, 0);
}

static void test_invalid_utf8(void)
{
    clear_warnings();
    /* overlong, overlong 3-byte, surrogate, truncated in the middle, out of range, truncated at the end */
    const char *bad = "Ok \xC0\xAF overlong \xE0\x80\xAF surrogate \xED\xA0\x80 cut \xE2\x82 end \xF5 and trunc \xF0\x9F";
    vg_document *doc = from_text("bad.txt", bad, VG_FORMAT_TEXT);
    if (!doc)
        return;
    const char *r = "\xEF\xBF\xBD";
    char want[256];
    snprintf(want, sizeof want, "Ok %s%s overlong %s%s%s surrogate %s%s%s cut %s end %s and trunc %s", r, r, r, r, r,
             r, r, r, r, r, r);
    CHECK_STR(doc->body, want);
    CHECK_INT(n_warnings, 1);
    CHECK(warned("bad.txt", "at byte 3"));
    CHECK(doc->flags & VG_DOC_REPAIRED);
    CHECK_INT(doc->n_warnings, 1);
    vg_document_free(doc);

    /* NUL bytes: removed, one warning. */
    clear_warnings();
    const char nul[] = "Tehran\0 said\0\0 nothing.";
    vg_error err = {0};
    CHECK_INT(vg_document_from_text(&doc, "nul.txt", nul, sizeof nul - 1, VG_FORMAT_TEXT, NULL, &err), 0);
    if (doc) {
        CHECK_STR(doc->body, "Tehran said nothing.");
        CHECK_INT(n_warnings, 1);
        CHECK(warned("nul.txt", "3 NUL byte(s) removed (the first at byte 6)"));
        vg_document_free(doc);
    }

    /* UTF-16, with and without a byte-order mark. */
    const char *ascii = "Ministers meet\nThe ministers met in Cairo on Friday.";
    size_t n = strlen(ascii);
    char u16[256];
    u16[0] = (char)0xFF, u16[1] = (char)0xFE;
    for (size_t i = 0; i < n; i++)
        u16[2 + 2 * i] = ascii[i], u16[3 + 2 * i] = 0;
    CHECK_INT(vg_document_from_text(&doc, "le.txt", u16, 2 + 2 * n, VG_FORMAT_TEXT, NULL, &err), 0);
    if (doc) {
        CHECK_STR(doc->body, "The ministers met in Cairo on Friday.");
        vg_document_free(doc);
    }
    for (size_t i = 0; i < n; i++)
        u16[2 * i] = 0, u16[2 * i + 1] = ascii[i];
    CHECK_INT(vg_document_from_text(&doc, "be.txt", u16, 2 * n, VG_FORMAT_TEXT, NULL, &err), 0);
    if (doc) {
        CHECK_STR(doc->title, "Ministers meet");
        vg_document_free(doc);
    }
}

/* Binary data is refused (skipped by the reader); text with a few bad bytes is repaired. */
static void test_binary(void)
{
    size_t n = 64 * 1024;
    unsigned char *random_bytes = malloc(n);
    uint32_t x = 12345;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        random_bytes[i] = (unsigned char)(x >> 16);
    }
    vg_document *doc = NULL;
    vg_error err = {0};
    CHECK_INT(vg_document_from_text(&doc, "random.bin", (const char *)random_bytes, n, VG_FORMAT_TEXT, NULL, &err),
              VG_EINVAL);
    CHECK(doc == NULL && strstr(err.message, "binary") != NULL);
    CHECK_INT(vg_document_from_text(&doc, "random.bin", (const char *)random_bytes, n, VG_FORMAT_HTML, NULL, &err),
              VG_EINVAL);
    /* Auto-detection cannot see JSON in it either; JSON Lines reading skips its lines. */
    vg_reader *r;
    CHECK_INT(vg_reader_open_memory(&r, "random.jsonl", (const char *)random_bytes, n, NULL, &err), 0);
    int rc;
    while ((rc = vg_reader_next(r, &doc, &err)) == 1)
        vg_document_free(doc);
    CHECK(rc == 0);
    vg_reader_close(r);

    /* Latin-1 French in a UTF-8 world: 2% bad bytes is text, repaired. */
    char text[2048];
    size_t len = 0;
    while (len + 40 < sizeof text)
        len += (size_t)snprintf(text + len, sizeof text - len, "Le minist\xe8re a confirm\xe9 l'attaque. ");
    clear_warnings();
    CHECK_INT(vg_document_from_text(&doc, "latin1.txt", text, len, VG_FORMAT_TEXT, NULL, &err), 0);
    if (doc) {
        CHECK(strstr(doc->body, "minist\xEF\xBF\xBDre") != NULL);
        CHECK_INT(n_warnings, 1);
        vg_document_free(doc);
    }
    free(random_bytes);
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* A 50 MB line without punctuation: one body paragraph, seconds, memory a small multiple. */
static void test_huge_line(void)
{
    size_t n = 50u * 1024u * 1024u;
    char *s = malloc(n);
    for (size_t i = 0; i < n; i++)
        s[i] = i % 9 == 8 ? ' ' : (char)('a' + i % 23);
    s[n - 1] = 'z';
    long before = peak_rss_kb();
    double t0 = now_seconds();
    vg_document *doc = NULL;
    vg_error err = {0};
    CHECK_INT(vg_document_from_text(&doc, "huge.txt", s, n, VG_FORMAT_TEXT, NULL, &err), 0);
    double seconds = now_seconds() - t0;
    long grown_mb = (peak_rss_kb() - before) / 1024;
    if (doc) {
        CHECK_INT(doc->body_len, n);
        CHECK_INT(doc->n_paragraphs, 1);
        CHECK(doc->flags & VG_DOC_UNSTRUCTURED);
        vg_document_free(doc);
    }
    printf("50 MB line: %.2f s, peak memory grew by %ld MB\n", seconds, grown_mb);
    CHECK(seconds < 20.0);
#if !defined(__SANITIZE_ADDRESS__) && !defined(VIGIL_ARENA_MALLOC)
    CHECK(grown_mb < 3 * 50 + 20); /* the input's normalised copy and working buffers */
#endif
    free(s);

    /* Past VG_MAX_DOCUMENT_BYTES (lowered here): cut with a warning, at a character boundary. */
    vg_read_options opts = {0};
    opts.max_document_bytes = 1000;
    char big[3000];
    for (size_t i = 0; i < sizeof big; i += 3)
        memcpy(big + i, "\xE2\x80\x94", 3);
    clear_warnings();
    CHECK_INT(vg_document_from_text(&doc, "big.txt", big, sizeof big, VG_FORMAT_TEXT, &opts, &err), 0);
    if (doc) {
        CHECK(doc->flags & VG_DOC_TRUNCATED);
        CHECK(doc->body_len <= 1000 && doc->body_len % 3 == 0);
        CHECK(!(doc->flags & VG_DOC_REPAIRED));
        CHECK(warned("big.txt", "cut at"));
        vg_document_free(doc);
    }

    /* More lines than VG_MAX_DOCUMENT_LINES. */
    size_t lines = VG_MAX_DOCUMENT_LINES + 10;
    char *many = malloc(lines * 2);
    for (size_t i = 0; i < lines; i++)
        many[2 * i] = 'a', many[2 * i + 1] = '\n';
    clear_warnings();
    CHECK_INT(vg_document_from_text(&doc, "lines.txt", many, lines * 2, VG_FORMAT_TEXT, NULL, &err), 0);
    if (doc) {
        CHECK(doc->flags & VG_DOC_TRUNCATED);
        CHECK(doc->n_paragraphs <= VG_MAX_DOCUMENT_LINES);
        CHECK(warned("lines.txt", "VG_MAX_DOCUMENT_LINES"));
        vg_document_free(doc);
    }
    free(many);
}

/* ------------------------------------------------------------------ folders, stdin, sniffing */

static void test_folder(void)
{
    char dir[256];
    snprintf(dir, sizeof dir, "%s/corpus", tmpdir);
    mkdir(dir, 0755);
    char sub[300];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    mkdir(sub, 0755);
    snprintf(sub, sizeof sub, "%s/.git", dir);
    mkdir(sub, 0755);
    write_text(tmp_path("corpus/a.txt"), "Talks collapse\nThe talks collapsed on Monday, both sides said.\n");
    write_text(tmp_path("corpus/b.htm"), "<p>The embassy was closed after the threat, officials said.</p>");
    write_text(tmp_path("corpus/c.jsonl"), "{\"id\":\"c1\",\"text\":\"One.\"}\n{\"id\":\"c2\",\"text\":\"Two\n"
                                           "{\"id\":\"c3\",\"text\":\"Three.\"}\n");
    write_text(tmp_path("corpus/.hidden.txt"), "Never read.");
    write_text(tmp_path("corpus/.git/x.txt"), "Never read either.");
    /* a folder's notes are no reports; a name that only begins like one is */
    write_text(tmp_path("corpus/README.md"), "# About this corpus\n\nReports collected in 2025.\n");
    write_text(tmp_path("corpus/sub/LICENSE"), "Licensed for research.");
    write_text(tmp_path("corpus/readmission.txt"), "Hospital readmissions fell, the ministry said.");
    write_text(tmp_path("corpus/empty.txt"), "");
    write_file(tmp_path("corpus/noise.bin"), "\x01\x02\x03\x04\x05\x00\x00\x00\x07\x08\x01\x02", 12);
    write_text(tmp_path("corpus/sub/d"), "No extension, plain text.");
    write_text(tmp_path("corpus/y.txt"), "Unreadable unless root.");
    chmod(tmp_path("corpus/y.txt"), 0);
    int can_read_unreadable = access(tmp_path("corpus/y.txt"), R_OK) == 0; /* root */
    if (symlink("/nonexistent/target", tmp_path("corpus/z-link")) != 0)
        fprintf(stderr, "symlink: %s\n", strerror(errno));

    clear_warnings();
    vg_reader *r = NULL;
    vg_error err = {0};
    CHECK_INT(vg_reader_open(&r, dir, &err), 0);
    if (!r)
        return;
    char ids[512] = "";
    vg_document *doc;
    int rc;
    while ((rc = vg_reader_next(r, &doc, &err)) == 1) {
        check_document(doc);
        strncat(ids, doc->id, sizeof ids - strlen(ids) - 2);
        strcat(ids, " ");
        vg_document_free(doc);
    }
    CHECK_INT(rc, 0);
    CHECK_STR(ids, can_read_unreadable ? "a b c1 c3 empty readmission d y " : "a b c1 c3 empty readmission d ");
    vg_reader_stats stats;
    vg_reader_stats_get(r, &stats);
    CHECK_INT(stats.skipped, can_read_unreadable ? 3 : 4);
    CHECK(warned("c.jsonl:2", "malformed"));
    CHECK(warned("noise.bin", "binary"));
    CHECK(warned("z-link", "skipped"));
    if (!can_read_unreadable)
        CHECK(warned("y.txt", "skipped"));
    CHECK(!warned(".hidden", NULL) && !warned(".git", NULL) && !warned("README", NULL));
    vg_reader_close(r);
    chmod(tmp_path("corpus/y.txt"), 0644);

    CHECK_INT(vg_reader_open(&r, tmp_path("no-such-file.txt"), &err), VG_EIO);
    CHECK(r == NULL && strstr(err.message, "no-such-file.txt") != NULL);
}

static void test_stdin(void)
{
    write_text(tmp_path("stdin.jsonl"), "{\"text\":\"From a pipe.\"}\n\n{\"text\":\"Second.\"}\n");
    if (!freopen(tmp_path("stdin.jsonl"), "rb", stdin)) {
        check_failures++;
        return;
    }
    vg_reader *r = NULL;
    vg_error err = {0};
    CHECK_INT(vg_reader_open(&r, "-", &err), 0);
    vg_document *doc;
    size_t count = 0;
    while (vg_reader_next(r, &doc, &err) == 1) {
        if (count == 0) {
            CHECK_STR(doc->name, "-:1");
            CHECK_STR(doc->body, "From a pipe.");
        }
        vg_document_free(doc);
        count++;
    }
    CHECK_INT(count, 2);
    vg_reader_close(r);

    write_text(tmp_path("stdin.txt"), "Headline from stdin\nA sentence from standard input.\n");
    if (freopen(tmp_path("stdin.txt"), "rb", stdin)) {
        CHECK_INT(vg_reader_open(&r, "-", &err), 0);
        CHECK_INT(vg_reader_next(r, &doc, &err), 1);
        if (doc) {
            CHECK_STR(doc->id, "stdin");
            CHECK_STR(doc->title, "Headline from stdin");
            vg_document_free(doc);
        }
        CHECK_INT(vg_reader_next(r, &doc, &err), 0);
        vg_reader_close(r);
    }
}

static void test_sniffing(void)
{
    vg_document *doc = from_text(NULL, "  <html><body><p>An HTML page without a name or an extension, sniffed "
                                       "from its first character.</p></body></html>", VG_FORMAT_AUTO);
    if (doc) {
        CHECK(doc->format == VG_FORMAT_HTML);
        CHECK_STR(doc->id, "memory");
        vg_document_free(doc);
    }
    doc = from_text("x", "{\"text\": \"A JSON record.\"}", VG_FORMAT_AUTO);
    if (doc) {
        CHECK(doc->format == VG_FORMAT_JSONL);
        vg_document_free(doc);
    }
    doc = from_text("notes.txt", "<b> is how some people start notes.", VG_FORMAT_AUTO);
    if (doc) {
        CHECK(doc->format == VG_FORMAT_TEXT); /* the extension wins */
        vg_document_free(doc);
    }
    doc = from_text("page.htm", "Not really markup, but named so.", VG_FORMAT_AUTO);
    if (doc) {
        CHECK(doc->format == VG_FORMAT_HTML);
        vg_document_free(doc);
    }
    CHECK_INT(vg_format_parse("jsonl"), VG_FORMAT_JSONL);
    CHECK_INT(vg_format_parse("nope"), -1);
    CHECK_STR(vg_format_name(VG_FORMAT_HTML), "html");
}

/* Every allocation failing in turn: an error or a good document, never a crash or a leak. */
static void test_allocation_failures(void)
{
    char *wire;
    size_t len;
    vg_error err = {0};
    if (vg_file_read_all(resource("wire.txt"), 1u << 20, &wire, &len, &err)) {
        check_failures++;
        return;
    }
    const char *json = "{\"id\":\"a\",\"title\":\"T\",\"date\":\"2024-01-02\",\"text\":\"Line one.\\nLine two.\"}\n"
                       "{\"id\":\"b\",\"text\":\"Third.\"}\n";
    const char *html = "<html><head><title>T</title></head><body><article><p>A paragraph long enough to "
                       "count as one, with words.</p><figure><figcaption>Caption</figcaption></figure></article></body></html>";
    size_t failures = 0;
    for (long n = 1; n <= 300; n++) {
        vg_document *doc = NULL;
        vg_alloc_fail_after(n);
        int rc = vg_document_from_text(&doc, "wire.txt", wire, len, VG_FORMAT_TEXT, NULL, &err);
        CHECK(rc == 0 || rc == VG_ENOMEM);
        if (rc == 0)
            check_document(doc);
        else
            failures++;
        vg_document_free(doc);

        vg_alloc_fail_after(n);
        doc = NULL;
        rc = vg_document_from_text(&doc, "page.html", html, strlen(html), VG_FORMAT_HTML, NULL, &err);
        CHECK(rc == 0 || rc == VG_ENOMEM);
        vg_document_free(doc);

        vg_alloc_fail_after(n);
        vg_reader *r = NULL;
        if (vg_reader_open_memory(&r, "m.jsonl", json, strlen(json), NULL, &err) == 0) {
            while ((rc = vg_reader_next(r, &doc, &err)) == 1) {
                check_document(doc);
                vg_document_free(doc);
            }
            CHECK(rc == 0 || rc == VG_ENOMEM);
            vg_reader_close(r);
        }
    }
    vg_alloc_fail_after(0);
    CHECK(failures >= 5); /* (the failures did reach the reader) */
    vg_free(wire);
}

int main(void)
{
    vg_text_global_init();
    vg_warning_set_sink(collect_warning, NULL);
    snprintf(tmpdir, sizeof tmpdir, "/tmp/vigil-reader-XXXXXX");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    test_plain_text();
    test_html();
    test_jsonl();
    test_empty_and_odd_text();
    test_invalid_utf8();
    test_binary();
    test_huge_line();
    test_folder();
    test_stdin();
    test_sniffing();
    test_allocation_failures();
    test_seeds();
    char command[128];
    snprintf(command, sizeof command, "rm -rf '%s'", tmpdir);
    if (system(command) != 0)
        fprintf(stderr, "could not remove %s\n", tmpdir);
    return check_finish("test_text_reader");
}
