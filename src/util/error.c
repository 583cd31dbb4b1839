/* Error records and the warning sink; see error.h. */
#include "util/error.h"
#include <stdarg.h>
#include <stdio.h>

int vg_error_set(vg_error *err, int code, const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

void vg_error_clear(vg_error *err)
{
    err->code = 0;
    err->message[0] = '\0';
}

const char *vg_error_code_name(int code)
{
    switch (code) {
    case VG_OK: return "ok";
    case VG_ENOMEM: return "out of memory";
    case VG_EIO: return "i/o error";
    case VG_EINVAL: return "invalid input";
    case VG_ELIMIT: return "limit exceeded";
    case VG_ENOTFOUND: return "not found";
    case VG_EMODEL: return "bad model";
    default: return "error";
    }
}

static void warn_to_stderr(void *context, const char *message)
{
    (void)context;
    fprintf(stderr, "vigil: warning: %s\n", message);
}

static vg_warning_fn warning_sink = warn_to_stderr;
static void *warning_context = NULL;

void vg_warning_set_sink(vg_warning_fn fn, void *context)
{
    warning_sink = fn ? fn : warn_to_stderr;
    warning_context = context;
}

void vg_warn(const char *fmt, ...)
{
    char message[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    warning_sink(warning_context, message);
}
