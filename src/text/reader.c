/* The reader: a file, a folder walked recursively in sorted order, stdin or memory, each
 * document's format chosen by extension and then by content. */
#include "text/reader_internal.h"
#include "util/alloc.h"
#include "util/buf.h"
#include <dirent.h>
#include <libxml/parser.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define SNIFF_BYTES 4096u

typedef struct dir_level {
    char *path;
    char **names;
    size_t n, next;
} dir_level;

enum { SOURCE_FILE, SOURCE_DIR, SOURCE_STDIN, SOURCE_MEMORY };

struct vg_reader {
    vg_read_options opts;
    int source;
    char *path;
    FILE *file;              /* a single file or stdin, until it is read */
    int started;
    dir_level levels[VG_MAX_DIR_DEPTH];
    size_t depth;
    vg_jsonl *jsonl;         /* the JSON Lines stream being read, if any */
    const char *mem;
    size_t mem_len;
    vg_reader_stats stats;
};

static void reader_warn_skip(vg_reader *r, const char *message)
{
    vg_warn("%s", message);
    r->stats.skipped++;
    r->stats.warnings++;
}

static int ends_with_ci(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    if (m > n)
        return 0;
    for (size_t i = 0; i < m; i++) {
        char a = s[n - m + i], b = suffix[i];
        if (a >= 'A' && a <= 'Z')
            a = (char)(a + 32);
        if (a != b)
            return 0;
    }
    return 1;
}

/* Format by extension; VG_FORMAT_AUTO when the extension says nothing. *json_file is set
 * for ".json", which may hold one object over several lines rather than JSON Lines. */
static vg_format format_by_extension(const char *path, int *json_file)
{
    *json_file = 0;
    if (!path)
        return VG_FORMAT_AUTO;
    if (ends_with_ci(path, ".html") || ends_with_ci(path, ".htm") || ends_with_ci(path, ".xhtml") ||
        ends_with_ci(path, ".shtml"))
        return VG_FORMAT_HTML;
    if (ends_with_ci(path, ".jsonl") || ends_with_ci(path, ".ndjson") || ends_with_ci(path, ".jsonlines"))
        return VG_FORMAT_JSONL;
    if (ends_with_ci(path, ".json")) {
        *json_file = 1;
        return VG_FORMAT_JSONL;
    }
    if (ends_with_ci(path, ".txt") || ends_with_ci(path, ".text") || ends_with_ci(path, ".md"))
        return VG_FORMAT_TEXT;
    return VG_FORMAT_AUTO;
}

/* Format by content: markup starts with "<", a JSON record with "{"; the rest is text. */
static vg_format format_by_content(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF)
        i = 3;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    if (i < n && s[i] == '<')
        return VG_FORMAT_HTML;
    if (i < n && s[i] == '{')
        return VG_FORMAT_JSONL;
    return VG_FORMAT_TEXT;
}

static vg_format choose_format(const vg_read_options *opts, const char *path, const char *head, size_t n,
                               int *json_file)
{
    *json_file = 0;
    if (opts->format != VG_FORMAT_AUTO)
        return opts->format;
    vg_format f = format_by_extension(path, json_file);
    return f != VG_FORMAT_AUTO ? f : format_by_content(head, n);
}

/* One document (text or HTML, or a ".json" file holding one object) from whole bytes. */
static int document_from_bytes(vg_document **out, const char *name, const char *bytes, size_t len, vg_format format,
                               const vg_read_options *opts, vg_error *err)
{
    if (format == VG_FORMAT_HTML)
        return vg_html_document(out, name, bytes, len, opts, err);
    if (format == VG_FORMAT_JSONL)
        return vg_jsonl_document(out, name, 1, bytes, len, opts, err);
    vg_doc_input in;
    memset(&in, 0, sizeof in);
    in.name = name;
    in.format = VG_FORMAT_TEXT;
    in.raw_bytes = 1;
    in.first_line_is_headline = 1;
    return vg_document_build(out, bytes, len, &in, opts, err);
}

int vg_document_from_text(vg_document **out, const char *name, const char *bytes, size_t len, vg_format format,
                          const vg_read_options *opts, vg_error *err)
{
    *out = NULL;
    vg_read_options o;
    vg_read_options_resolve(&o, opts);
    if (format == VG_FORMAT_AUTO) {
        int json_file;
        format = choose_format(&o, name, bytes, len < SNIFF_BYTES ? len : SNIFF_BYTES, &json_file);
    }
    if (format == VG_FORMAT_JSONL && len > o.max_line_bytes)
        return vg_error_set(err, VG_ELIMIT, "%s: record longer than %zu bytes (VG_MAX_JSONL_LINE_BYTES)",
                            name ? name : "(memory)", o.max_line_bytes);
    return document_from_bytes(out, name, bytes ? bytes : "", len, format, &o, err);
}

/* Reads the first bytes of f for sniffing: up to the first non-blank line, at most
 * SNIFF_BYTES, so that a pipe delivering one record at a time is not waited on. */
static size_t read_head(FILE *f, char *head)
{
    size_t n = 0;
    int seen_text = 0, c;
    while (n < SNIFF_BYTES && (c = getc(f)) != EOF) {
        head[n++] = (char)c;
        if (c == '\n' && seen_text)
            break;
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            seen_text = 1;
    }
    return n;
}

/* Reads the rest of f after head, up to one byte past the document limit (so the builder
 * knows to cut and warn) without reading further. */
static int read_rest(FILE *f, const char *name, const char *head, size_t head_len, size_t max, char **out,
                     size_t *out_len, vg_error *err)
{
    vg_buf buf;
    vg_buf_init(&buf, 0);
    size_t limit = max + 1;
    if (vg_buf_append(&buf, head, head_len < limit ? head_len : limit))
        return vg_error_set(err, VG_ENOMEM, "%s: out of memory", name);
    char chunk[65536];
    while (buf.len < limit) {
        size_t want = limit - buf.len < sizeof chunk ? limit - buf.len : sizeof chunk;
        size_t got = fread(chunk, 1, want, f);
        if (got == 0)
            break;
        if (vg_buf_append(&buf, chunk, got)) {
            vg_buf_free(&buf);
            return vg_error_set(err, VG_ENOMEM, "%s: out of memory", name);
        }
    }
    if (ferror(f)) {
        vg_buf_free(&buf);
        return vg_error_set(err, VG_EIO, "%s: read error: %s", name, strerror(errno));
    }
    *out_len = buf.len;
    *out = vg_buf_detach(&buf);
    return *out ? 0 : vg_error_set(err, VG_ENOMEM, "%s: out of memory", name);
}

/* Starts reading an opened file: a JSON Lines file becomes the current stream (returns 0 and
 * no document); anything else is read whole into one document (returns 1). Takes f. */
static int start_file(vg_reader *r, FILE *f, int owns, const char *name, vg_document **doc, vg_error *err)
{
    char head[SNIFF_BYTES];
    size_t head_len = read_head(f, head);
    int json_file;
    vg_format format = choose_format(&r->opts, strcmp(name, "-") == 0 ? NULL : name, head, head_len, &json_file);
    if (format == VG_FORMAT_JSONL && !json_file)
        return vg_jsonl_open_file(&r->jsonl, name, f, owns, head, head_len, &r->opts, err);
    char *bytes = NULL;
    size_t len = 0;
    int rc = read_rest(f, name, head, head_len, format == VG_FORMAT_JSONL ? r->opts.max_line_bytes
                                                                          : r->opts.max_document_bytes,
                       &bytes, &len, err);
    if (owns)
        fclose(f);
    if (rc)
        return rc;
    if (json_file) {
        /* One object in the whole file, else JSON Lines over the bytes read. */
        vg_error e;
        vg_error_clear(&e);
        rc = vg_jsonl_document(doc, name, 1, bytes, len, &r->opts, &e);
        if (rc != 0 && rc != VG_ENOMEM && memchr(bytes, '\n', len)) {
            /* The stream reads the bytes in place; the reader frees them with the stream. */
            vg_jsonl *stream = NULL;
            rc = vg_jsonl_open_memory(&stream, name, bytes, len, &r->opts, err);
            if (rc == 0) {
                r->jsonl = stream;
                r->mem = bytes;
                return 0;
            }
        }
        vg_free(bytes);
        if (rc && err)
            *err = e;
        return rc == 0 ? 1 : rc;
    }
    rc = document_from_bytes(doc, name, bytes, len, format, &r->opts, err);
    vg_free(bytes);
    return rc == 0 ? 1 : rc;
}

void vg_text_global_init(void)
{
    xmlInitParser();
    vg_jsonl_global_init();
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void free_level(dir_level *level)
{
    for (size_t i = 0; i < level->n; i++)
        vg_free(level->names[i]);
    vg_free(level->names);
    vg_free(level->path);
    memset(level, 0, sizeof *level);
}

/* Lists a folder's visible entries in byte order. */
static int push_dir(vg_reader *r, const char *path, vg_error *err)
{
    if (r->depth == VG_MAX_DIR_DEPTH) {
        char message[600];
        snprintf(message, sizeof message, "%s: folders nested deeper than %u; skipped (VG_MAX_DIR_DEPTH)", path,
                 (unsigned)VG_MAX_DIR_DEPTH);
        reader_warn_skip(r, message);
        return 0;
    }
    DIR *dir = opendir(path);
    if (!dir) {
        if (r->depth == 0)
            return vg_error_set(err, VG_EIO, "%s: %s", path, strerror(errno));
        char message[600];
        snprintf(message, sizeof message, "%s: %s; skipped", path, strerror(errno));
        reader_warn_skip(r, message);
        return 0;
    }
    dir_level level = {0};
    level.path = vg_strdup(path);
    size_t cap = 0;
    int rc = level.path ? 0 : VG_ENOMEM;
    struct dirent *entry;
    while (!rc && (entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.')
            continue; /* hidden files, "." and ".." */
        if (level.n == cap) {
            size_t grown = cap ? cap * 2 : 32;
            char **bigger = vg_realloc(level.names, grown * sizeof *bigger);
            if (!bigger) {
                rc = VG_ENOMEM;
                break;
            }
            level.names = bigger;
            cap = grown;
        }
        level.names[level.n] = vg_strdup(entry->d_name);
        if (!level.names[level.n])
            rc = VG_ENOMEM;
        else
            level.n++;
    }
    closedir(dir);
    if (rc) {
        free_level(&level);
        return vg_error_set(err, VG_ENOMEM, "%s: out of memory", path);
    }
    if (level.n)
        qsort(level.names, level.n, sizeof *level.names, cmp_names);
    r->levels[r->depth++] = level;
    return 0;
}

/* Whether a file named `name` in a folder of reports is the folder's documentation (README,
 * LICENSE, ...): a corpus's or an example folder's notes are no report. */
static int documentation_name(const char *name)
{
    static const char *const prefixes[] = { "readme", "license", "licence", "copying", "changelog", "notice",
                                            "authors" };
    for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++) {
        size_t n = strlen(prefixes[k]);
        if (!strncasecmp(name, prefixes[k], n) && (name[n] == '\0' || name[n] == '.' || name[n] == '-' || name[n] == '_'))
            return 1;
    }
    return 0;
}

/* The next file of the folder walk: 1 with *path (caller frees), 0 when the walk is done. */
static int next_path(vg_reader *r, char **path, vg_error *err)
{
    while (r->depth > 0) {
        dir_level *level = &r->levels[r->depth - 1];
        if (level->next == level->n) {
            free_level(level);
            r->depth--;
            continue;
        }
        const char *entry = level->names[level->next++];
        size_t n = strlen(level->path) + strlen(entry) + 2;
        char *full = vg_malloc(n);
        if (!full)
            return vg_error_set(err, VG_ENOMEM, "out of memory");
        snprintf(full, n, "%s%s%s", level->path, level->path[strlen(level->path) - 1] == '/' ? "" : "/", entry);
        struct stat link_st, st;
        char message[600];
        if (lstat(full, &link_st) != 0 || stat(full, &st) != 0) {
            snprintf(message, sizeof message, "%s: %s; skipped", full, strerror(errno));
            reader_warn_skip(r, message);
            vg_free(full);
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            /* Links to folders are not followed: they can make the walk loop. */
            int rc = S_ISLNK(link_st.st_mode) ? 0 : push_dir(r, full, err);
            vg_free(full);
            if (rc)
                return rc;
            continue;
        }
        if (!S_ISREG(st.st_mode)) {
            snprintf(message, sizeof message, "%s: not a regular file; skipped", full);
            reader_warn_skip(r, message);
            vg_free(full);
            continue;
        }
        if (documentation_name(entry)) { /* passed over like a hidden file */
            vg_free(full);
            continue;
        }
        *path = full;
        return 1;
    }
    return 0;
}

static int reader_new(vg_reader **out, const vg_read_options *opts, vg_error *err)
{
    vg_reader *r = vg_calloc(1, sizeof *r);
    if (!r)
        return vg_error_set(err, VG_ENOMEM, "out of memory");
    vg_read_options_resolve(&r->opts, opts);
    *out = r;
    return 0;
}

int vg_reader_open(vg_reader **out, const char *path, vg_error *err)
{
    return vg_reader_open_with(out, path, NULL, err);
}

int vg_reader_open_with(vg_reader **out, const char *path, const vg_read_options *opts, vg_error *err)
{
    *out = NULL;
    if (!path)
        return vg_error_set(err, VG_EINVAL, "no path");
    vg_reader *r = NULL;
    int rc = reader_new(&r, opts, err);
    if (rc)
        return rc;
    r->path = vg_strdup(path);
    if (!r->path) {
        vg_reader_close(r);
        return vg_error_set(err, VG_ENOMEM, "out of memory");
    }
    if (strcmp(path, "-") == 0) {
        r->source = SOURCE_STDIN;
        r->file = stdin;
        *out = r;
        return 0;
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        rc = vg_error_set(err, VG_EIO, "%s: %s", path, strerror(errno));
        vg_reader_close(r);
        return rc;
    }
    if (S_ISDIR(st.st_mode)) {
        r->source = SOURCE_DIR;
        rc = push_dir(r, path, err);
    } else {
        r->source = SOURCE_FILE;
        r->file = fopen(path, "rb");
        if (!r->file)
            rc = vg_error_set(err, VG_EIO, "%s: %s", path, strerror(errno));
    }
    if (rc) {
        vg_reader_close(r);
        return rc;
    }
    *out = r;
    return 0;
}

int vg_reader_open_memory(vg_reader **out, const char *name, const char *bytes, size_t len,
                          const vg_read_options *opts, vg_error *err)
{
    *out = NULL;
    vg_reader *r = NULL;
    int rc = reader_new(&r, opts, err);
    if (rc)
        return rc;
    r->source = SOURCE_MEMORY;
    r->path = vg_strdup(name ? name : "(memory)");
    if (!r->path) {
        vg_reader_close(r);
        return vg_error_set(err, VG_ENOMEM, "out of memory");
    }
    r->mem = bytes ? bytes : "";
    r->mem_len = len;
    *out = r;
    return 0;
}

/* Accounts for a document about to be returned. */
static int deliver(vg_reader *r, vg_document *doc, vg_document **out)
{
    r->stats.documents++;
    r->stats.warnings += doc->n_warnings;
    *out = doc;
    return 1;
}

/* After a failed document: fatal errors stop the reader, the rest are skipped with a warning. */
static int after_failure(vg_reader *r, int rc, vg_error *e, vg_error *err)
{
    if (rc == VG_ENOMEM) {
        if (err)
            *err = *e;
        return rc;
    }
    reader_warn_skip(r, e->message);
    return 0;
}

int vg_reader_next(vg_reader *r, vg_document **doc, vg_error *err)
{
    *doc = NULL;
    while (1) {
        if (r->jsonl) {
            size_t skipped = 0;
            int rc = vg_jsonl_next(r->jsonl, doc, &skipped, err);
            r->stats.skipped += skipped;
            r->stats.warnings += skipped;
            if (rc > 0)
                return deliver(r, *doc, doc);
            vg_jsonl_close(r->jsonl);
            r->jsonl = NULL;
            if (r->source != SOURCE_MEMORY && r->mem) {
                vg_free((void *)r->mem); /* a ".json" file's bytes read as JSON Lines */
                r->mem = NULL;
            }
            if (rc < 0)
                return rc;
            continue;
        }
        vg_error e;
        vg_error_clear(&e);
        int rc;
        switch (r->source) {
        case SOURCE_MEMORY: {
            if (r->started)
                return 0;
            r->started = 1;
            int json_file;
            vg_format format = choose_format(&r->opts, r->path, r->mem,
                                             r->mem_len < SNIFF_BYTES ? r->mem_len : SNIFF_BYTES, &json_file);
            if (format == VG_FORMAT_JSONL) {
                rc = vg_jsonl_open_memory(&r->jsonl, r->path, r->mem, r->mem_len, &r->opts, err);
                r->mem = NULL; /* (borrowed: never freed) */
                if (rc)
                    return rc;
                continue;
            }
            rc = document_from_bytes(doc, r->path, r->mem, r->mem_len, format, &r->opts, &e);
            if (rc == 0)
                return deliver(r, *doc, doc);
            if ((rc = after_failure(r, rc, &e, err)) < 0)
                return rc;
            continue;
        }
        case SOURCE_FILE:
        case SOURCE_STDIN: {
            if (r->started)
                return 0;
            r->started = 1;
            FILE *f = r->file;
            r->file = NULL;
            rc = start_file(r, f, r->source == SOURCE_FILE, r->path, doc, &e);
            if (rc == 1)
                return deliver(r, *doc, doc);
            if (rc == 0)
                continue; /* a JSON Lines stream */
            if (rc == VG_EIO && r->source == SOURCE_STDIN) {
                if (err)
                    *err = e;
                return rc;
            }
            if ((rc = after_failure(r, rc, &e, err)) < 0)
                return rc;
            continue;
        }
        default: { /* SOURCE_DIR */
            char *path = NULL;
            rc = next_path(r, &path, err);
            if (rc <= 0)
                return rc;
            FILE *f = fopen(path, "rb");
            if (!f) {
                char message[600];
                snprintf(message, sizeof message, "%s: %s; skipped", path, strerror(errno));
                reader_warn_skip(r, message);
                vg_free(path);
                continue;
            }
            rc = start_file(r, f, 1, path, doc, &e);
            vg_free(path);
            if (rc == 1)
                return deliver(r, *doc, doc);
            if (rc == 0)
                continue;
            if ((rc = after_failure(r, rc, &e, err)) < 0)
                return rc;
            continue;
        }
        }
    }
}

void vg_reader_stats_get(const vg_reader *r, vg_reader_stats *stats)
{
    *stats = r->stats;
}

void vg_reader_close(vg_reader *r)
{
    if (!r)
        return;
    vg_jsonl_close(r->jsonl);
    if (r->source != SOURCE_MEMORY && r->mem)
        vg_free((void *)r->mem);
    if (r->file && r->file != stdin)
        fclose(r->file);
    while (r->depth > 0)
        free_level(&r->levels[--r->depth]);
    vg_free(r->path);
    vg_free(r);
}
