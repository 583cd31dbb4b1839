/* Per-document memory: many small allocations, freed together.
 * With VIGIL_ARENA_MALLOC defined (the sanitizer build) every allocation is a
 * separate malloc so AddressSanitizer sees each one's bounds. */
#ifndef VIGIL_ARENA_H
#define VIGIL_ARENA_H
#include <stddef.h>

typedef struct vg_arena_block vg_arena_block;
typedef struct vg_arena {
    vg_arena_block *head;
    size_t block_size;
    size_t used_bytes;
} vg_arena;

void vg_arena_init(vg_arena *arena, size_t block_size);
/* Returns NULL when memory is exhausted. Memory is 16-byte aligned and zeroed. */
void *vg_arena_alloc(vg_arena *arena, size_t size);
char *vg_arena_strndup(vg_arena *arena, const char *s, size_t n);
/* Frees everything allocated from the arena; it can be used again afterwards. */
void vg_arena_reset(vg_arena *arena);
void vg_arena_free(vg_arena *arena);

#endif
