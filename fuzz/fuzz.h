/* What every fuzz target shares: an invariant check that stops the run where a plain
 * assert() would vanish under -DNDEBUG. */
#ifndef VIGIL_FUZZ_H
#define VIGIL_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* libFuzzer's entry point; replay.c calls it once per corpus file. Returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A warning sink that prints nothing: warnings about bad bytes are expected on every other
 * input, and printing them would only slow the fuzzer down. */
static inline void fuzz_quiet(void *context, const char *message)
{
    (void)context;
    (void)message;
}

/* A broken invariant is a finding like a crash: say which and abort, so libFuzzer saves the
 * input and the replay test fails. */
#define FUZZ_CHECK(cond) do { if (!(cond)) { \
    fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
    abort(); } } while (0)

#endif
