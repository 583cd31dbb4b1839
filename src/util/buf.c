/* Bounded dynamic buffer; see buf.h. */
#include "util/buf.h"
#include "util/alloc.h"
#include "util/error.h"
#include <stdio.h>
#include <string.h>

void vg_buf_init(vg_buf *buf, size_t max)
{
    buf->data = NULL;
    buf->len = buf->cap = 0;
    buf->max = max ? max : (size_t)-1 / 2;
}

static int reserve(vg_buf *buf, size_t extra)
{
    if (extra > buf->max || buf->len > buf->max - extra)
        return VG_ELIMIT;
    size_t need = buf->len + extra + 1;
    if (need <= buf->cap)
        return 0;
    size_t cap = buf->cap ? buf->cap : 64;
    while (cap < need)
        cap *= 2;
    char *grown = vg_realloc(buf->data, cap);
    if (!grown)
        return VG_ENOMEM;
    buf->data = grown;
    buf->cap = cap;
    return 0;
}

int vg_buf_append(vg_buf *buf, const void *bytes, size_t n)
{
    int rc = reserve(buf, n);
    if (rc)
        return rc;
    if (n)
        memcpy(buf->data + buf->len, bytes, n);
    buf->len += n;
    buf->data[buf->len] = '\0';
    return 0;
}

int vg_buf_putc(vg_buf *buf, char c) { return vg_buf_append(buf, &c, 1); }
int vg_buf_puts(vg_buf *buf, const char *s) { return vg_buf_append(buf, s, strlen(s)); }

int vg_buf_printf(vg_buf *buf, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return VG_EINVAL;
    int rc = reserve(buf, (size_t)n);
    if (rc)
        return rc;
    va_start(ap, fmt);
    vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    buf->len += (size_t)n;
    return 0;
}

void vg_buf_clear(vg_buf *buf)
{
    buf->len = 0;
    if (buf->data)
        buf->data[0] = '\0';
}

void vg_buf_free(vg_buf *buf)
{
    vg_free(buf->data);
    buf->data = NULL;
    buf->len = buf->cap = 0;
}

char *vg_buf_detach(vg_buf *buf)
{
    char *out = buf->data;
    if (!out)
        out = vg_strdup("");
    buf->data = NULL;
    buf->len = buf->cap = 0;
    return out;
}
