/* Reading line-oriented data files: vigil's own (CAMEO codebook, event patterns, word classes)
 * one line at a time with "#" comments cut, UTF-8 and control characters checked; formats with
 * their own comment rules (PETRARCH's) take the lines raw. Errors name FILE:LINE. */
#ifndef VIGIL_CODE_LINEREADER_H
#define VIGIL_CODE_LINEREADER_H
#include <stddef.h>
#include <stdint.h>
#include "util/error.h"

typedef struct vg_linereader {
    char *data;          /* the whole file, NUL-terminated (vg_free'd by close); lines are cut in place */
    size_t len, pos;
    const char *path;    /* borrowed from the caller */
    uint32_t line;       /* number of the line last returned (1-based) */
} vg_linereader;

/* Reads path whole (at most max_bytes; VG_EIO, VG_ELIMIT or VG_ENOMEM otherwise). A UTF-8
 * byte-order mark is skipped. */
int vg_linereader_open(vg_linereader *lr, const char *path, size_t max_bytes, vg_error *err);
/* The next line that is not blank once its comment is cut: *s points into the file, *n bytes,
 * without the comment, the line end or surrounding spaces; *indent says whether the line
 * started with a space or tab. Returns 1 for a line, 0 at the end of the file, or VG_EINVAL /
 * VG_ELIMIT with "FILE:LINE: ..." in err (invalid UTF-8, a control character, a line longer
 * than max_line bytes). */
int vg_linereader_next(vg_linereader *lr, size_t max_line, const char **s, size_t *n, int *indent,
                       vg_error *err);
/* Hands each line vg_linereader_next returns to fn (its text, length and whether it was
 * indented) until the end of the file (0), an error of the reader, or fn's first non-zero
 * return, which is returned. */
int vg_linereader_each(vg_linereader *lr, size_t max_line,
                       int (*fn)(void *context, const char *s, size_t n, int indent), void *context, vg_error *err);
/* The next line as it stands: *s is NUL-terminated in place, without its line end ("\n" or
 * "\r\n"), *n bytes, and the caller may change it (the reader does not look at it again).
 * Nothing in it is checked but its length. Returns 1 for a line, 0 at the end of the file, or
 * VG_ELIMIT with "FILE:LINE: ..." in err for a line longer than max_line bytes. */
int vg_linereader_next_raw(vg_linereader *lr, size_t max_line, char **s, size_t *n, vg_error *err);
/* Records "FILE:LINE: <message>" for the line last returned and returns code. */
int vg_linereader_fail(const vg_linereader *lr, vg_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void vg_linereader_close(vg_linereader *lr);

#endif
