/* Shared helpers for the unit tests: paths to test data and the final tally. */
#include "check.h"
#include "util/alloc.h"
#include "util/error.h"
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

void check_refusal(const char *path, int line, const char *what, int want_rc, int rc, const char *message,
                   int loaded)
{
    char want[1024];
    if (line)
        snprintf(want, sizeof want, "%s:%d: %s", path, line, what);
    else
        snprintf(want, sizeof want, "%s: %s", path, what);
    if (rc != want_rc || strcmp(message, want) != 0 || loaded) {
        fprintf(stderr, "%s: rc %d, message\n  \"%s\"\nwant rc %d,\n  \"%s\"\n", path, rc, message, want_rc,
                want);
        check_failures++;
    }
}

int check_allocation_failures(int (*load)(void *ctx, vg_error *err), void *ctx, long max_tries)
{
    int failed = 0;
    for (long nth = 1; nth <= max_tries; nth++) {
        vg_error err = { 0 };
        vg_alloc_fail_after(nth);
        int rc = load(ctx, &err);
        vg_alloc_fail_after(0);
        if (rc == 0)
            return failed;
        if (rc != VG_ENOMEM && rc != VG_EIO) {
            fprintf(stderr, "allocation %ld failing: rc %d (%s)\n", nth, rc, err.message);
            check_failures++;
            return failed;
        }
        failed++;
    }
    fprintf(stderr, "no load succeeded in %ld runs with one allocation failing\n", max_tries);
    check_failures++;
    return failed;
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

int check_write_damaged(const char *path, const char *original, size_t len, int round, int max_edits,
                        uint32_t *seed, const char *junk, size_t n_junk)
{
    char *copy = malloc(len ? len : 1);
    if (!copy)
        return -1;
    memcpy(copy, original, len);
    size_t n = len;
    for (int k = 0; k < 1 + round % max_edits && n > 0; k++) {
        *seed = *seed * 1103515245u + 12345u;
        size_t at = (*seed >> 8) % n;
        *seed = *seed * 1103515245u + 12345u;
        if (round % 7 == 0)
            n = at + 1; /* cut short */
        else
            copy[at] = junk[(*seed >> 8) % n_junk];
    }
    FILE *f = fopen(path, "wb");
    if (!f) {
        free(copy);
        return -1;
    }
    fwrite(copy, 1, n, f);
    fclose(f);
    free(copy);
    return 0;
}
