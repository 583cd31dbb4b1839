/* The document builder every reader ends in: bytes -> valid NFC lines -> article parts -> body.
 * The body is assembled in place in the normalised text, so a large document costs about
 * twice its size at the peak (the input and its normalised copy). */
#include "text/article.h"
#include "text/reader_internal.h"
#include "text/utf8.h"
#include "util/alloc.h"
#include "util/buf.h"
#include <stdio.h>
#include <string.h>

const char *vg_format_name(vg_format format)
{
    switch (format) {
    case VG_FORMAT_TEXT: return "text";
    case VG_FORMAT_HTML: return "html";
    case VG_FORMAT_JSONL: return "jsonl";
    default: return "auto";
    }
}

int vg_format_parse(const char *name)
{
    static const char *const names[] = {"auto", "text", "html", "jsonl"};
    for (int i = 0; i < 4; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    if (strcmp(name, "txt") == 0)
        return VG_FORMAT_TEXT;
    if (strcmp(name, "json") == 0 || strcmp(name, "ndjson") == 0)
        return VG_FORMAT_JSONL;
    return -1;
}

const char *vg_part_kind_name(vg_part_kind kind)
{
    static const char *const names[] = {"body", "headline", "subtitle", "section", "date", "byline",
                                        "dateline", "caption", "heading", "trailer", "noise", "unknown"};
    return (unsigned)kind <= VG_PART_UNKNOWN ? names[kind] : "unknown";
}

void vg_read_options_resolve(vg_read_options *resolved, const vg_read_options *opts)
{
    memset(resolved, 0, sizeof *resolved);
    if (opts)
        *resolved = *opts;
    if (!resolved->max_document_bytes || resolved->max_document_bytes > VG_MAX_DOCUMENT_BYTES)
        resolved->max_document_bytes = VG_MAX_DOCUMENT_BYTES;
    if (!resolved->max_line_bytes || resolved->max_line_bytes > VG_MAX_JSONL_LINE_BYTES)
        resolved->max_line_bytes = VG_MAX_JSONL_LINE_BYTES;
}

void vg_document_id_from_name(const char *name, char *out, size_t cap)
{
    if (!name || !*name || *name == '(') { /* no name, or "(memory)" */
        snprintf(out, cap, "memory");
        return;
    }
    if (strcmp(name, "-") == 0) {
        snprintf(out, cap, "stdin");
        return;
    }
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    if (n == 0)
        n = strlen(base);
    snprintf(out, cap, "%.*s", (int)(n < cap ? n : cap - 1), base);
}

void vg_document_free(vg_document *doc)
{
    if (!doc)
        return;
    vg_arena_free(&doc->arena);
    vg_free(doc->body_storage_);
    vg_free(doc);
}

/* A physical line after trimming, in the normalised text. */
typedef struct line_rec {
    uint32_t start, len, chars;
    uint32_t line;
    uint8_t hint, indented, blank_before;
} line_rec;

/* Metadata strings: repaired, normalised, white space collapsed, copied to the arena. */
static const char *meta_string(vg_document *doc, const char *s, size_t n)
{
    if (!s)
        return NULL;
    if (n > 65536)
        n = 65536; /* metadata is short; a huge title is an attack, not a title */
    vg_buf clean, nfc;
    vg_buf_init(&clean, 0);
    vg_buf_init(&nfc, 0);
    const char *out = NULL;
    if (vg_utf8_clean(s, n, &clean, NULL) == 0 && vg_utf8_nfc(clean.data ? clean.data : "", clean.len, &nfc) == 0) {
        char *copy = vg_arena_alloc(&doc->arena, nfc.len + 1);
        if (copy) {
            size_t w = 0;
            int space = 1;
            for (size_t i = 0; i < nfc.len; i++) {
                char c = nfc.data[i];
                if (c == ' ' || c == '\n') {
                    if (!space)
                        copy[w++] = ' ';
                    space = 1;
                } else {
                    copy[w++] = c;
                    space = 0;
                }
            }
            while (w > 0 && copy[w - 1] == ' ')
                w--;
            copy[w] = '\0';
            out = w ? copy : NULL;
        }
    }
    vg_buf_free(&clean);
    vg_buf_free(&nfc);
    return out;
}

/* Warns and bumps the document's warning count. */
#define DOC_WARN(doc, ...) do { vg_warn(__VA_ARGS__); (doc)->n_warnings++; } while (0)

/* Bytes -> valid NFC UTF-8 in *text (the caller frees it). */
static int normalise(vg_document *doc, const char *bytes, size_t len, const vg_doc_input *in, char **text,
                     size_t *text_len, vg_error *err)
{
    const char *name = in->name ? in->name : "(memory)";
    const unsigned char *u = (const unsigned char *)bytes;
    vg_buf utf8, clean, nfc;
    vg_buf_init(&utf8, 0);
    vg_buf_init(&clean, 0);
    vg_buf_init(&nfc, 0);
    vg_utf8_report report;
    memset(&report, 0, sizeof report);
    int rc = 0;
    if (in->raw_bytes) {
        size_t bom = 0;
        int utf16 = vg_utf_sniff(u, len, &bom);
        if (utf16) {
            rc = vg_utf16_to_utf8(u + bom, len - bom, utf16 == 2, &utf8, &report);
            if (rc)
                goto out;
            bytes = utf8.data ? utf8.data : "";
            len = utf8.len;
            if (report.invalid)
                DOC_WARN(doc, "%s: invalid UTF-16 at byte %zu (%zu code unit(s) replaced by U+FFFD)", name,
                         report.first_invalid + bom, report.invalid);
        } else {
            bytes += bom;
            len -= bom;
            if (vg_utf8_looks_binary(bytes, len)) {
                rc = vg_error_set(err, VG_EINVAL,
                                  "%s: looks like binary data (NUL, control or invalid bytes), not text; skipped",
                                  name);
                goto out;
            }
        }
    }
    rc = vg_utf8_clean(bytes, len, &clean, &report);
    if (rc)
        goto out;
    if (report.invalid) {
        DOC_WARN(doc, "%s: invalid UTF-8 at byte %zu (%zu sequence(s) replaced by U+FFFD)", name,
                 report.first_invalid, report.invalid);
        doc->flags |= VG_DOC_REPAIRED;
    }
    if (report.nul) {
        DOC_WARN(doc, "%s: %zu NUL byte(s) removed (the first at byte %zu)", name, report.nul, report.first_nul);
        doc->flags |= VG_DOC_REPAIRED;
    }
    vg_buf_free(&utf8);
    rc = vg_utf8_nfc(clean.data ? clean.data : "", clean.len, &nfc);
    if (rc)
        goto out;
    vg_buf_free(&clean);
    *text_len = nfc.len;
    *text = vg_buf_detach(&nfc);
    if (!*text)
        rc = VG_ENOMEM;
out:
    vg_buf_free(&utf8);
    vg_buf_free(&clean);
    vg_buf_free(&nfc);
    if (rc == VG_ENOMEM || rc == VG_ELIMIT)
        vg_error_set(err, VG_ENOMEM, "%s: out of memory", name);
    return rc;
}

/* Splits text into trimmed lines with single spaces, compacting it in place (each kept line is
 * followed by one "\n"). Blank lines are dropped but remembered on the next line. */
static int split_lines(vg_document *doc, char *text, size_t len, const vg_doc_input *in, line_rec **out_lines,
                       size_t *out_n, vg_error *err)
{
    size_t cap = 0, n = 0;
    line_rec *lines = NULL;
    size_t r = 0, w = 0;
    uint32_t lineno = 0;
    int blank = 0;
    while (r < len) {
        lineno++;
        size_t end = r;
        while (end < len && text[end] != '\n')
            end++;
        int indented = r < end && text[r] == ' ';
        size_t start_w = w;
        uint32_t chars = 0;
        int space = 1;
        for (size_t i = r; i < end; i++) {
            char c = text[i];
            if (c == ' ') {
                if (!space)
                    text[w++] = ' ';
                space = 1;
            } else {
                text[w++] = c;
                chars += ((unsigned char)c & 0xC0) != 0x80;
                space = 0;
            }
        }
        while (w > start_w && text[w - 1] == ' ')
            w--, chars--;
        r = end + 1;
        if (w == start_w) {
            blank = 1;
            continue;
        }
        if (n == VG_MAX_DOCUMENT_LINES) {
            DOC_WARN(doc, "%s: more than %u lines; the rest is cut (VG_MAX_DOCUMENT_LINES)",
                     in->name ? in->name : "(memory)", (unsigned)VG_MAX_DOCUMENT_LINES);
            doc->flags |= VG_DOC_TRUNCATED;
            w = start_w;
            break;
        }
        if (n == cap) {
            size_t grown = cap ? cap * 2 : 64;
            line_rec *bigger = vg_realloc(lines, grown * sizeof *lines);
            if (!bigger) {
                vg_free(lines);
                return vg_error_set(err, VG_ENOMEM, "out of memory");
            }
            lines = bigger;
            cap = grown;
        }
        line_rec *l = &lines[n++];
        l->start = (uint32_t)start_w;
        l->len = (uint32_t)(w - start_w);
        l->chars = chars;
        l->line = lineno;
        l->hint = in->hints && lineno - 1 < in->n_hints ? in->hints[lineno - 1] : VG_PART_UNKNOWN;
        l->indented = (uint8_t)indented;
        l->blank_before = (uint8_t)blank;
        blank = 0;
        if (end < len) /* (the last line may have no "\n", and there is no room for one) */
            text[w++] = '\n';
    }
    text[w] = '\0';
    *out_lines = lines;
    *out_n = n;
    return 0;
}

static int ends_terminal(const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')' || (unsigned char)s[n - 1] == 0x9D ||
                     (unsigned char)s[n - 1] == 0x99)) {
        if ((unsigned char)s[n - 1] >= 0x80 && n >= 3)
            n -= 3;
        else
            n--;
    }
    return n > 0 && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' || s[n - 1] == ':');
}

/* Plain text hard-wrapped at a fixed width (e-mail, wire copy, 72 columns) has paragraphs
 * running over several lines. Detected when no line is longer than 100 characters and
 * several long lines end mid-sentence with the text going on in the next line; then a line
 * continues the previous one unless a blank line or an indent separates them, or the previous
 * line is short (the end of a paragraph, or a header line). Returns the paragraph count. */
static size_t join_wrapped(char *text, line_rec *lines, size_t n)
{
    uint32_t width = 0;
    for (size_t i = 0; i < n; i++)
        if (lines[i].chars > width)
            width = lines[i].chars;
    if (width > 100 || width < 40 || n < 3)
        return n;
    uint32_t long_line = width * 6 / 10;
    size_t wrapped = 0;
    for (size_t i = 0; i + 1 < n; i++)
        if (lines[i].chars >= long_line && !lines[i + 1].blank_before &&
            !ends_terminal(text + lines[i].start, lines[i].len))
            wrapped++;
    if (wrapped < 2)
        return n;
    size_t out = 0;
    uint32_t previous_chars = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t chars = lines[i].chars;
        if (out > 0 && !lines[i].blank_before && !lines[i].indented && previous_chars >= long_line) {
            line_rec *p = &lines[out - 1];
            text[p->start + p->len] = ' '; /* the "\n" between them */
            p->len = lines[i].start + lines[i].len - p->start;
        } else {
            lines[out++] = lines[i];
        }
        previous_chars = chars;
    }
    return out;
}

static int keep_string(vg_document *doc, const char *s, size_t n, const char **out)
{
    *out = vg_arena_strndup(&doc->arena, s, n);
    return *out ? 0 : VG_ENOMEM;
}

/* The best date among the date lines: one that says "published" beats one that says
 * "updated"; a full date beats a partial one. */
static int date_score(const vg_date *d, const char *s, size_t n)
{
    int score = (d->month ? 2 : 0) + (d->day ? 2 : 0) + (d->year ? 2 : 0);
    for (size_t i = 0; i + 7 <= n; i++) {
        if ((s[i] == 'u' || s[i] == 'U') && strncmp(s + i + 1, "pdated", 6) == 0)
            score -= 1;
        if ((s[i] == 'p' || s[i] == 'P') && i + 9 <= n && strncmp(s + i + 1, "ublished", 8) == 0)
            score += 1;
    }
    return score;
}

static int assemble(vg_document *doc, char *text, vg_article_line *paras, size_t n, const vg_doc_input *in)
{
    size_t n_body = 0, n_parts = 0, n_captions = 0, n_trailers = 0;
    for (size_t i = 0; i < n; i++) {
        vg_part_kind k = (vg_part_kind)paras[i].kind;
        if (k == VG_PART_BODY)
            n_body++;
        else
            n_parts++;
        n_captions += k == VG_PART_CAPTION;
        n_trailers += k == VG_PART_TRAILER;
        n_parts += paras[i].dateline_len > 0;
    }
    doc->paragraphs = vg_arena_alloc(&doc->arena, (n_body ? n_body : 1) * sizeof *doc->paragraphs);
    doc->parts = vg_arena_alloc(&doc->arena, (n_parts ? n_parts : 1) * sizeof *doc->parts);
    doc->captions = vg_arena_alloc(&doc->arena, (n_captions ? n_captions : 1) * sizeof *doc->captions);
    doc->trailers = vg_arena_alloc(&doc->arena, (n_trailers ? n_trailers : 1) * sizeof *doc->trailers);
    if (!doc->paragraphs || !doc->parts || !doc->captions || !doc->trailers)
        return VG_ENOMEM;

    /* Metadata from the reader first, then from the recognised lines. */
    doc->title = meta_string(doc, in->title, in->title ? strlen(in->title) : 0);
    doc->subtitle = meta_string(doc, in->subtitle, in->subtitle ? strlen(in->subtitle) : 0);
    doc->url = meta_string(doc, in->url, in->url ? strlen(in->url) : 0);
    doc->source = meta_string(doc, in->source, in->source ? strlen(in->source) : 0);
    doc->byline = meta_string(doc, in->byline, in->byline ? strlen(in->byline) : 0);
    if (in->date) {
        doc->date_text = meta_string(doc, in->date, strlen(in->date));
        if (doc->date_text)
            vg_date_parse(doc->date_text, strlen(doc->date_text), 0, &doc->date_parts);
    }
    int best_date = -1;

    /* Parts are copied out before the body overwrites the text they live in. */
    for (size_t i = 0; i < n; i++) {
        vg_article_line *p = &paras[i];
        vg_part_kind k = (vg_part_kind)p->kind;
        if (k == VG_PART_BODY) {
            if (p->dateline_len) {
                vg_part *part = &doc->parts[doc->n_parts++];
                part->kind = VG_PART_DATELINE;
                part->line = p->line;
                part->rule = "dateline";
                if (keep_string(doc, p->text, p->dateline_len, &part->text))
                    return VG_ENOMEM;
                if (!doc->dateline)
                    doc->dateline = part->text;
            }
            continue;
        }
        vg_part *part = &doc->parts[doc->n_parts++];
        part->kind = k;
        part->line = p->line;
        part->rule = p->rule;
        size_t keep = k == VG_PART_DATELINE && p->dateline_len ? p->dateline_len : p->len; /* "CNN —" */
        if (keep_string(doc, p->text, keep, &part->text))
            return VG_ENOMEM;
        switch (k) {
        case VG_PART_DATELINE:
            if (!doc->dateline)
                doc->dateline = part->text;
            break;
        case VG_PART_HEADLINE:
            if (!doc->title)
                doc->title = part->text;
            break;
        case VG_PART_SUBTITLE:
            if (!doc->subtitle)
                doc->subtitle = part->text;
            break;
        case VG_PART_BYLINE:
            if (!doc->byline)
                doc->byline = part->text;
            break;
        case VG_PART_CAPTION: doc->captions[doc->n_captions++] = part->text; break;
        case VG_PART_TRAILER: doc->trailers[doc->n_trailers++] = part->text; break;
        case VG_PART_DATE:
            if (!in->date) {
                vg_date d;
                vg_date_parse(p->text, p->len, 0, &d);
                int score = date_score(&d, p->text, p->len);
                if (score > best_date) {
                    best_date = score;
                    doc->date_text = part->text;
                    doc->date_parts = d;
                }
            }
            break;
        default: break;
        }
    }
    /* A date given only in the byline or the dateline ("PARIS, Nov 7 (Reuters)"). */
    if (!doc->date_text) {
        const char *candidates[2] = {doc->byline, doc->dateline};
        for (int c = 0; c < 2 && !doc->date_text; c++) {
            vg_date d;
            if (candidates[c] && vg_date_parse(candidates[c], strlen(candidates[c]), 0, &d)) {
                doc->date_parts = d;
                doc->date_text = candidates[c];
            }
        }
    }
    if (doc->date_parts.year && doc->date_parts.month && doc->date_parts.day) {
        char iso[16];
        snprintf(iso, sizeof iso, "%04d-%02d-%02d", doc->date_parts.year, doc->date_parts.month,
                 doc->date_parts.day);
        doc->date = vg_arena_strndup(&doc->arena, iso, strlen(iso));
    }

    /* The body, compacted in place: every paragraph moves towards the start, never past text
     * not yet moved. */
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        vg_article_line *p = &paras[i];
        if (p->kind != VG_PART_BODY)
            continue;
        const char *src = p->text + p->body_offset;
        size_t len = p->len - p->body_offset;
        if (len == 0)
            continue;
        if (doc->n_paragraphs > 0)
            text[w++] = '\n';
        memmove(text + w, src, len);
        vg_paragraph *para = &doc->paragraphs[doc->n_paragraphs++];
        para->start = (uint32_t)w;
        para->end = (uint32_t)(w + len);
        para->line = p->line;
        w += len;
    }
    text[w] = '\0';
    doc->body = text;
    doc->body_len = (uint32_t)w;
    return 0;
}

int vg_document_build(vg_document **out, const char *bytes, size_t len, const vg_doc_input *in,
                      const vg_read_options *opts, vg_error *err)
{
    *out = NULL;
    vg_read_options o;
    vg_read_options_resolve(&o, opts);
    const char *name = in->name ? in->name : "(memory)";
    vg_document *doc = vg_calloc(1, sizeof *doc);
    if (!doc)
        return vg_error_set(err, VG_ENOMEM, "out of memory");
    vg_arena_init(&doc->arena, 0);
    doc->format = in->format;
    char *text = NULL;
    size_t text_len = 0;
    line_rec *lines = NULL;
    vg_article_line *paras = NULL;
    int rc = 0;

    if (len > o.max_document_bytes) {
        size_t cut = o.max_document_bytes;
        /* back to the start of a character, so the cut does not make a bad byte */
        for (int k = 0; k < 3 && cut > 0 && ((unsigned char)bytes[cut] & 0xC0) == 0x80; k++)
            cut--;
        DOC_WARN(doc, "%s: document of %zu bytes cut at %zu bytes (VG_MAX_DOCUMENT_BYTES)", name, len, cut);
        doc->flags |= VG_DOC_TRUNCATED;
        len = cut;
    }
    char idbuf[256];
    if (in->id)
        doc->id = meta_string(doc, in->id, strlen(in->id));
    if (!doc->id) {
        vg_document_id_from_name(in->name, idbuf, sizeof idbuf);
        doc->id = meta_string(doc, idbuf, strlen(idbuf));
    }
    doc->name = meta_string(doc, name, strlen(name)); /* (a file name may be any bytes) */
    if (!doc->name)
        doc->name = vg_arena_strndup(&doc->arena, "(unnamed)", 9);
    if (!doc->id || !doc->name) {
        rc = vg_error_set(err, VG_ENOMEM, "out of memory");
        goto fail;
    }

    rc = normalise(doc, bytes ? bytes : "", len, in, &text, &text_len, err);
    if (rc)
        goto fail;
    size_t n = 0;
    rc = split_lines(doc, text, text_len, in, &lines, &n, err);
    if (rc)
        goto fail;
    if (in->format != VG_FORMAT_HTML && !in->hints)
        n = join_wrapped(text, lines, n);
    paras = vg_calloc(n ? n : 1, sizeof *paras);
    if (!paras) {
        rc = vg_error_set(err, VG_ENOMEM, "out of memory");
        goto fail;
    }
    for (size_t i = 0; i < n; i++) {
        paras[i].text = text + lines[i].start;
        paras[i].len = lines[i].len;
        paras[i].line = lines[i].line;
        paras[i].hint = lines[i].hint;
    }
    vg_free(lines);
    lines = NULL;
    if (o.flags & VG_READ_RAW) {
        for (size_t i = 0; i < n; i++) {
            paras[i].kind = VG_PART_BODY;
            paras[i].rule = "body:raw";
        }
    } else {
        char *title = NULL;
        if (in->title)
            title = (char *)meta_string(doc, in->title, strlen(in->title));
        vg_article_options ao = {in->first_line_is_headline, title};
        int unstructured = vg_article_classify(paras, n, &ao);
        if (unstructured < 0) {
            rc = vg_error_set(err, VG_ENOMEM, "out of memory");
            goto fail;
        }
        if (unstructured)
            doc->flags |= VG_DOC_UNSTRUCTURED;
    }
    rc = assemble(doc, text, paras, n, in);
    if (rc) {
        rc = vg_error_set(err, VG_ENOMEM, "out of memory");
        goto fail;
    }
    doc->body_storage_ = text;
    vg_free(paras);
    *out = doc;
    return 0;
fail:
    vg_free(lines);
    vg_free(paras);
    vg_free(text);
    vg_document_free(doc);
    return rc;
}
