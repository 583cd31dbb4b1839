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

/* Makes room for element n of the array *array_ptr (a pointer to the array pointer) of *cap
 * elements of size bytes: when n reaches *cap the array doubles (first to first_cap). Returns
 * 0, or -1 when out of memory (the array then unchanged). */
int vg_grow(void *array_ptr, size_t *cap, size_t n, size_t size, size_t first_cap);

/* Test hook: make the countdown-th allocation from now (1 = the next) fail; 0 disables. */
void vg_alloc_fail_after(long countdown);

#endif
