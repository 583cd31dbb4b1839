/* The last error message, kept per thread as libgit2 does, so it survives a failed open. */
#include "vigil.h"
#include "api/api_internal.h"
#include <stdarg.h>
#include <stdio.h>

static _Thread_local char last_error[1024];

int api_fail(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_error, sizeof last_error, fmt, ap);
    va_end(ap);
    return code;
}

const char *vigil_error_message(void) { return last_error[0] ? last_error : "no error"; }
