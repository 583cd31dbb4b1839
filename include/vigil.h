/* vigil: the public C API.
 *
 * Ownership, stated once: every handle returned through an output parameter belongs to the
 * caller and is released with its matching *_free function; every pointer returned by a
 * getter is borrowed from the handle it came from and stays valid until that handle is freed
 * or next modified. Functions return 0 on success or a negative VIGIL_E* code; the message of
 * the last error is kept on the handle (vigil_*_error). */
#ifndef VIGIL_H
#define VIGIL_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define VIGIL_VERSION "0.1.0"

enum {
    VIGIL_OK = 0,
    VIGIL_ENOMEM = -1,
    VIGIL_EIO = -2,
    VIGIL_EINVAL = -3,
    VIGIL_ELIMIT = -4,
    VIGIL_ENOTFOUND = -5,
    VIGIL_EMODEL = -6
};

/* The version string of the library. */
const char *vigil_version(void);

#ifdef __cplusplus
}
#endif
#endif
