/* Line reader shared by the loaders of line-oriented data files (see linereader.h). */
#include "code/linereader.h"
#include "util/alloc.h"
#include "util/mapfile.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

int vg_linereader_open(vg_linereader *lr, const char *path, size_t max_bytes, vg_error *err)
{
    memset(lr, 0, sizeof *lr);
    lr->path = path;
    int rc = vg_file_read_all(path, max_bytes, &lr->data, &lr->len, err);
    if (rc)
        return rc;
    if (lr->len >= 3 && memcmp(lr->data, "\xEF\xBB\xBF", 3) == 0)
        lr->pos = 3; /* a byte-order mark some editors write */
    return 0;
}

void vg_linereader_close(vg_linereader *lr)
{
    vg_free(lr->data);
    lr->data = NULL;
}

int vg_linereader_fail(const vg_linereader *lr, vg_error *err, int code, const char *fmt, ...)
{
    char what[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return vg_error_set(err, code, "%s:%u: %s", lr->path, (unsigned)lr->line, what);
}

static int is_space(char c) { return c == ' ' || c == '\t'; }

static int check_text(const vg_linereader *lr, const char *s, size_t n, vg_error *err)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if ((c < 0x20 && c != '\t') || c == 0x7F)
                return vg_linereader_fail(lr, err, VG_EINVAL, "control character 0x%02X at column %zu",
                                          c, i + 1);
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (len <= 0)
            return vg_linereader_fail(lr, err, VG_EINVAL, "invalid UTF-8 at column %zu", i + 1);
        i += (size_t)len;
    }
    return 0;
}

int vg_linereader_next_raw(vg_linereader *lr, size_t max_line, char **s, size_t *n, vg_error *err)
{
    if (lr->pos >= lr->len)
        return 0;
    lr->line++;
    char *start = lr->data + lr->pos;
    char *nl = memchr(start, '\n', lr->len - lr->pos);
    size_t len = nl ? (size_t)(nl - start) : lr->len - lr->pos;
    lr->pos += len + (nl != NULL);
    if (len && start[len - 1] == '\r')
        len--;
    if (len > max_line)
        return vg_linereader_fail(lr, err, VG_ELIMIT, "line longer than %zu bytes", max_line);
    start[len] = '\0'; /* the data is NUL-terminated, so the last line has room too */
    *s = start;
    *n = len;
    return 1;
}

int vg_linereader_next(vg_linereader *lr, size_t max_line, const char **s, size_t *n, int *indent,
                       vg_error *err)
{
    char *start;
    size_t len;
    int rc;
    while ((rc = vg_linereader_next_raw(lr, max_line, &start, &len, err)) == 1) {
        if ((rc = check_text(lr, start, len, err)))
            return rc;
        const char *hash = memchr(start, '#', len);
        if (hash)
            len = (size_t)(hash - start);
        while (len && is_space(start[len - 1]))
            len--;
        size_t lead = 0;
        while (lead < len && is_space(start[lead]))
            lead++;
        if (lead == len)
            continue;
        *s = start + lead;
        *n = len - lead;
        if (indent)
            *indent = lead > 0;
        return 1;
    }
    return rc;
}

int vg_linereader_each(vg_linereader *lr, size_t max_line,
                       int (*fn)(void *context, const char *s, size_t n, int indent), void *context, vg_error *err)
{
    const char *s;
    size_t n;
    int indent, rc;
    while ((rc = vg_linereader_next(lr, max_line, &s, &n, &indent, err)) == 1)
        if ((rc = fn(context, s, n, indent)))
            return rc;
    return rc;
}
