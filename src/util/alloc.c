/* The allocation wrapper: plain libc, plus a countdown that makes one allocation fail in tests. */
#include "util/alloc.h"
#include <stdlib.h>
#include <string.h>

static long fail_countdown = 0;

static int should_fail(void)
{
    if (fail_countdown <= 0)
        return 0;
    return --fail_countdown == 0;
}

void vg_alloc_fail_after(long countdown) { fail_countdown = countdown; }

void *vg_malloc(size_t size)
{
    if (should_fail())
        return NULL;
    return malloc(size ? size : 1);
}

void *vg_calloc(size_t count, size_t size)
{
    if (should_fail())
        return NULL;
    return calloc(count ? count : 1, size ? size : 1);
}

void *vg_realloc(void *ptr, size_t size)
{
    if (should_fail())
        return NULL;
    return realloc(ptr, size ? size : 1);
}

void vg_free(void *ptr) { free(ptr); }

char *vg_strndup(const char *s, size_t n)
{
    char *copy = vg_malloc(n + 1);
    if (!copy)
        return NULL;
    memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
}

char *vg_strdup(const char *s) { return vg_strndup(s, strlen(s)); }

int vg_grow(void *array_ptr, size_t *cap, size_t n, size_t size, size_t first_cap)
{
    void **array = array_ptr;
    if (n < *cap)
        return 0;
    size_t new_cap = *cap ? *cap * 2 : first_cap;
    void *grown = vg_realloc(*array, new_cap * size);
    if (!grown)
        return -1;
    *array = grown;
    *cap = new_cap;
    return 0;
}
