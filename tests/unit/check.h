/* A minimal assertion kit for unit tests: failures print file:line and make the test exit 1. */
#ifndef VIGIL_TEST_CHECK_H
#define VIGIL_TEST_CHECK_H
#include <stdio.h>
#include <string.h>

extern int check_failures;

#define CHECK(cond) do { if (!(cond)) { \
    fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
    check_failures++; } } while (0)
#define CHECK_STR(got, want) do { const char *g_ = (got), *w_ = (want); \
    if (!g_ || !w_ || strcmp(g_, w_) != 0) { \
      fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, \
              g_ ? g_ : "(null)", w_ ? w_ : "(null)"); check_failures++; } } while (0)
#define CHECK_INT(got, want) do { long long g_ = (long long)(got), w_ = (long long)(want); \
    if (g_ != w_) { fprintf(stderr, "%s:%d: %s = %lld, want %lld\n", __FILE__, __LINE__, \
                            #got, g_, w_); check_failures++; } } while (0)

/* Path of a file under ../shared, or NULL (and a skip message) when it is absent. */
const char *check_shared_path(const char *relative);
/* Path of a file under the source tree. */
const char *check_source_path(const char *relative);

/* A loader's refusal of one file, checked whole: rc is want_rc, message is "PATH:LINE: what"
 * (or "PATH: what" when line is 0) and loaded is 0 (nothing handed back); else a check failure
 * that prints what came and what was wanted. */
void check_refusal(const char *path, int line, const char *what, int want_rc, int rc, const char *message,
                   int loaded);

/* Writes the round-th damaged copy of original (len bytes) to path: 1 to max_edits bytes
 * replaced by bytes of junk, or, every seventh round, the text cut short. *seed carries the
 * generator from round to round. Returns 0, or -1 when path cannot be written. */
#include <stdint.h>
int check_write_damaged(const char *path, const char *original, size_t len, int round, int max_edits,
                        uint32_t *seed, const char *junk, size_t n_junk);

/* Runs load(ctx, err) with its nth allocation failing, for n = 1, 2, ... until it succeeds (at
 * most max_tries runs). load returns 0 once it has loaded, checked and freed what it loads, or
 * the loader's error code, which must be VG_ENOMEM (or VG_EIO: a read whose buffer could not be
 * allocated) with nothing left allocated (the sanitizer build sees leaks). Any other code, or
 * no success at all, is a check failure. Returns how many runs failed cleanly. */
struct vg_error;
int check_allocation_failures(int (*load)(void *ctx, struct vg_error *err), void *ctx, long max_tries);

/* Ends main(): prints the tally and returns the process status. */
int check_finish(const char *suite);
#define CHECK_SKIP 77

#endif
