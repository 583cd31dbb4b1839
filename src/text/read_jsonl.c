/* JSON Lines: one {"id","date","title","text","url","source"} object per line, read in bounded
 * pieces; a bad record is reported with its file and line and the next one is read. */
#include "text/reader_internal.h"
#include "text/utf8.h"
#include "util/alloc.h"
#include "util/buf.h"
#include <errno.h>
#include <jansson.h>
#include <string.h>

#define CHUNK_BYTES 65536u

struct vg_jsonl {
    char *name;
    vg_read_options opts;
    FILE *file;
    int owns_file;
    char *chunk;              /* file mode: bytes read but not yet consumed */
    size_t chunk_cap, chunk_pos, chunk_end;
    int eof;
    const char *mem;          /* memory mode */
    size_t mem_len, mem_pos;
    vg_buf line;
    size_t lineno;
};

/* jansson allocates through vg_malloc too, so allocation-failure tests reach it. Setting
 * the same two pointers again is harmless; vg_text_global_init does it before threads start. */
void vg_jsonl_global_init(void)
{
    static int done = 0;
    if (!done) {
        json_set_alloc_funcs(vg_malloc, vg_free);
        done = 1;
    }
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

static const char *string_field(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

int vg_jsonl_document(vg_document **out, const char *name, size_t line, const char *json, size_t len,
                      const vg_read_options *opts, vg_error *err)
{
    *out = NULL;
    vg_jsonl_global_init();
    if (!name)
        name = "(memory)";
    /* A byte-order mark before the first record. */
    if (len >= 3 && (unsigned char)json[0] == 0xEF && (unsigned char)json[1] == 0xBB && (unsigned char)json[2] == 0xBF)
        json += 3, len -= 3;
    vg_buf repaired;
    vg_buf_init(&repaired, 0);
    size_t bad;
    if (!vg_utf8_valid(json, len, &bad) || memchr(json, '\0', len)) {
        vg_utf8_report report;
        if (vg_utf8_clean(json, len, &repaired, &report))
            return vg_error_set(err, VG_ENOMEM, "out of memory");
        if (report.invalid)
            vg_warn("%s:%zu: invalid UTF-8 at byte %zu of the record (%zu sequence(s) replaced by U+FFFD)", name,
                    line, report.first_invalid, report.invalid);
        if (report.nul)
            vg_warn("%s:%zu: %zu NUL byte(s) removed from the record", name, line, report.nul);
        json = repaired.data ? repaired.data : "";
        len = repaired.len;
    }
    json_error_t jerr;
    json_t *root = json_loadb(json, len, JSON_ALLOW_NUL, &jerr);
    vg_buf_free(&repaired);
    if (!root) {
        if (json_error_code(&jerr) == json_error_out_of_memory)
            return vg_error_set(err, VG_ENOMEM, "%s:%zu: out of memory", name, line);
        return vg_error_set(err, VG_EINVAL, "%s:%zu: malformed JSON record: %s (column %d)", name, line, jerr.text,
                            jerr.column);
    }
    int rc = 0;
    if (!json_is_object(root)) {
        rc = vg_error_set(err, VG_EINVAL, "%s:%zu: the record is not a JSON object", name, line);
        goto out;
    }
    json_t *text = json_object_get(root, "text");
    if (!json_is_string(text)) {
        rc = vg_error_set(err, VG_EINVAL, "%s:%zu: the record has no \"text\" string", name, line);
        goto out;
    }
    char id[32];
    const char *id_value = string_field(root, "id");
    json_t *id_json = json_object_get(root, "id");
    if (!id_value && json_is_integer(id_json)) {
        snprintf(id, sizeof id, "%lld", (long long)json_integer_value(id_json));
        id_value = id;
    }
    char where[4096];
    snprintf(where, sizeof where, "%s:%zu", name, line);
    vg_doc_input in;
    memset(&in, 0, sizeof in);
    in.name = where;
    in.id = id_value;
    in.format = VG_FORMAT_JSONL;
    in.title = string_field(root, "title");
    in.date = string_field(root, "date");
    in.url = string_field(root, "url");
    in.source = string_field(root, "source");
    in.first_line_is_headline = in.title == NULL;
    rc = vg_document_build(out, json_string_value(text), json_string_length(text), &in, opts, err);
    if (rc == 0 && !id_value) {
        /* Records without an id are named by file and line, which is stable and unique. */
        char fallback[300];
        vg_document_id_from_name(name, fallback, sizeof fallback);
        size_t n = strlen(fallback);
        snprintf(fallback + n, sizeof fallback - n, "-%zu", line);
        const char *copy = vg_arena_strndup(&(*out)->arena, fallback, strlen(fallback));
        if (copy)
            (*out)->id = copy;
    }
out:
    json_decref(root);
    return rc;
}

static int open_common(vg_jsonl **out, const char *name, const vg_read_options *opts, vg_error *err)
{
    vg_jsonl *j = vg_calloc(1, sizeof *j);
    if (!j)
        return vg_error_set(err, VG_ENOMEM, "out of memory");
    j->name = vg_strdup(name ? name : "(memory)");
    if (!j->name) {
        vg_free(j);
        return vg_error_set(err, VG_ENOMEM, "out of memory");
    }
    vg_read_options_resolve(&j->opts, opts);
    vg_buf_init(&j->line, 0);
    *out = j;
    return 0;
}

int vg_jsonl_open_file(vg_jsonl **out, const char *name, FILE *f, int owns_file, const char *prefix,
                       size_t prefix_len, const vg_read_options *opts, vg_error *err)
{
    *out = NULL;
    vg_jsonl *j = NULL;
    int rc = open_common(&j, name, opts, err);
    if (rc) {
        if (owns_file)
            fclose(f);
        return rc;
    }
    j->file = f;
    j->owns_file = owns_file;
    j->chunk_cap = prefix_len > CHUNK_BYTES ? prefix_len : CHUNK_BYTES;
    j->chunk = vg_malloc(j->chunk_cap);
    if (!j->chunk) {
        vg_jsonl_close(j);
        return vg_error_set(err, VG_ENOMEM, "out of memory");
    }
    if (prefix_len)
        memcpy(j->chunk, prefix, prefix_len);
    j->chunk_end = prefix_len;
    *out = j;
    return 0;
}

int vg_jsonl_open_memory(vg_jsonl **out, const char *name, const char *bytes, size_t len,
                         const vg_read_options *opts, vg_error *err)
{
    *out = NULL;
    vg_jsonl *j = NULL;
    int rc = open_common(&j, name, opts, err);
    if (rc)
        return rc;
    j->mem = bytes ? bytes : "";
    j->mem_len = len;
    *out = j;
    return 0;
}

/* The next line: 1 (with *line, *len; *overlong when it passed the limit and was dropped),
 * 0 at the end, negative on a read error. Memory stays within the line limit. */
static int read_line(vg_jsonl *j, const char **line, size_t *len, int *overlong, vg_error *err)
{
    *overlong = 0;
    size_t max = j->opts.max_line_bytes;
    if (j->mem) {
        if (j->mem_pos >= j->mem_len)
            return 0;
        const char *start = j->mem + j->mem_pos;
        const char *nl = memchr(start, '\n', j->mem_len - j->mem_pos);
        size_t n = nl ? (size_t)(nl - start) : j->mem_len - j->mem_pos;
        j->mem_pos += n + (nl != NULL);
        *line = start;
        *len = n;
        *overlong = n > max;
        return 1;
    }
    vg_buf_clear(&j->line);
    int got = 0;
    while (1) {
        if (j->chunk_pos == j->chunk_end) {
            if (j->eof)
                break;
            j->chunk_pos = 0;
            j->chunk_end = fread(j->chunk, 1, j->chunk_cap, j->file);
            if (j->chunk_end == 0) {
                if (ferror(j->file))
                    return vg_error_set(err, VG_EIO, "%s: read error: %s", j->name, strerror(errno));
                j->eof = 1;
                break;
            }
        }
        got = 1;
        char *start = j->chunk + j->chunk_pos;
        size_t avail = j->chunk_end - j->chunk_pos;
        char *nl = memchr(start, '\n', avail);
        size_t n = nl ? (size_t)(nl - start) : avail;
        j->chunk_pos += n + (nl != NULL);
        if (!*overlong) {
            if (j->line.len + n > max) {
                *overlong = 1;
                vg_buf_free(&j->line); /* give the memory back at once */
                vg_buf_init(&j->line, 0);
            } else if (vg_buf_append(&j->line, start, n)) {
                return vg_error_set(err, VG_ENOMEM, "%s: out of memory", j->name);
            }
        }
        if (nl)
            break;
    }
    if (!got)
        return 0;
    *line = j->line.data ? j->line.data : "";
    *len = *overlong ? 0 : j->line.len;
    return 1;
}

int vg_jsonl_next(vg_jsonl *j, vg_document **doc, size_t *skipped, vg_error *err)
{
    *doc = NULL;
    while (1) {
        const char *line = NULL;
        size_t len = 0;
        int overlong = 0;
        int rc = read_line(j, &line, &len, &overlong, err);
        if (rc <= 0)
            return rc;
        j->lineno++;
        if (overlong) {
            vg_warn("%s:%zu: record longer than %zu bytes (VG_MAX_JSONL_LINE_BYTES); skipped", j->name, j->lineno,
                    j->opts.max_line_bytes);
            (*skipped)++;
            continue;
        }
        if (is_blank(line, len))
            continue;
        vg_error e;
        vg_error_clear(&e);
        rc = vg_jsonl_document(doc, j->name, j->lineno, line, len, &j->opts, &e);
        if (rc == 0)
            return 1;
        if (rc == VG_ENOMEM) {
            if (err)
                *err = e;
            return rc;
        }
        vg_warn("%s", e.message);
        (*skipped)++;
    }
}

void vg_jsonl_close(vg_jsonl *j)
{
    if (!j)
        return;
    if (j->file && j->owns_file)
        fclose(j->file);
    vg_buf_free(&j->line);
    vg_free(j->chunk);
    vg_free(j->name);
    vg_free(j);
}
