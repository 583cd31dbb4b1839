/* A growable byte buffer with a stated maximum; appending past it fails instead of growing. */
#ifndef VIGIL_BUF_H
#define VIGIL_BUF_H
#include <stddef.h>
#include <stdarg.h>

typedef struct vg_buf {
    char *data;       /* always NUL-terminated when non-NULL */
    size_t len, cap, max;
} vg_buf;

void vg_buf_init(vg_buf *buf, size_t max);
/* 0 on success, VG_ENOMEM or VG_ELIMIT (the maximum would be passed). */
int vg_buf_append(vg_buf *buf, const void *bytes, size_t n);
int vg_buf_putc(vg_buf *buf, char c);
int vg_buf_puts(vg_buf *buf, const char *s);
int vg_buf_printf(vg_buf *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void vg_buf_clear(vg_buf *buf);
void vg_buf_free(vg_buf *buf);
/* Hands the data to the caller (who frees it with vg_free) and empties the buffer. */
char *vg_buf_detach(vg_buf *buf);

#endif
