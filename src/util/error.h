/* Error codes and the error record kept on each handle.
 * Functions return 0 or a negative VG_E* code; the message says where (file, line, byte). */
#ifndef VIGIL_ERROR_H
#define VIGIL_ERROR_H
#include <stddef.h>

enum {
    VG_OK = 0,
    VG_ENOMEM = -1,   /* out of memory */
    VG_EIO = -2,      /* a file could not be read or written */
    VG_EINVAL = -3,   /* malformed input */
    VG_ELIMIT = -4,   /* input passes a limit in limits.h */
    VG_ENOTFOUND = -5,
    VG_EMODEL = -6    /* a model file is missing, corrupt or of another version */
};

typedef struct vg_error {
    int code;
    char message[512];
} vg_error;

/* Records an error and returns its code. Never allocates, so it can report VG_ENOMEM. */
int vg_error_set(vg_error *err, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void vg_error_clear(vg_error *err);
const char *vg_error_code_name(int code);

/* Warnings (bad bytes replaced, a long line cut) go to one sink; stderr by default. */
typedef void (*vg_warning_fn)(void *context, const char *message);
void vg_warning_set_sink(vg_warning_fn fn, void *context);
void vg_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
