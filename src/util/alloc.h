/* Every allocation in vigil goes through these wrappers so tests can fail the Nth one. */
#ifndef VIGIL_ALLOC_H
#define VIGIL_ALLOC_H
#include <stddef.h>

void *vg_malloc(size_t size);
void *vg_calloc(size_t count, size_t size);
void *vg_realloc(void *ptr, size_t size);
void vg_free(void *ptr);
char *vg_strdup(const char *s);
char *vg_strndup(const char *s, size_t n);

/* Test hook: make the countdown-th allocation from now (1 = the next) fail; 0 disables. */
void vg_alloc_fail_after(long countdown);

#endif
