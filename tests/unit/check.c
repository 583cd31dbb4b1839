/* Shared helpers for the unit tests: paths to test data and the final tally. */
#include "check.h"
#include <stdlib.h>
#include <unistd.h>

int check_failures = 0;

static const char *join(const char *env, const char *fallback, const char *relative)
{
    static char paths[8][4096];
    static int next = 0;
    const char *base = getenv(env);
    if (!base)
        base = fallback;
    char *out = paths[next++ % 8];
    snprintf(out, 4096, "%s/%s", base, relative);
    return out;
}

const char *check_shared_path(const char *relative)
{
    const char *path = join("VIGIL_SHARED_DIR", "../shared", relative);
    if (access(path, R_OK) != 0) {
        printf("skip: %s is absent (../shared not present)\n", path);
        return NULL;
    }
    return path;
}

const char *check_source_path(const char *relative)
{
    return join("VIGIL_SOURCE_DIR", ".", relative);
}

int check_finish(const char *suite)
{
    if (check_failures) {
        fprintf(stderr, "%s: %d check(s) failed\n", suite, check_failures);
        return 1;
    }
    printf("%s: ok\n", suite);
    return 0;
}
