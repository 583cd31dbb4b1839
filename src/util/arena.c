/* Bump allocator over a chain of blocks; see arena.h. */
#include "util/arena.h"
#include "util/alloc.h"
#include <string.h>
#include <stdint.h>

struct vg_arena_block {
    vg_arena_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

void vg_arena_init(vg_arena *arena, size_t block_size)
{
    arena->head = NULL;
    arena->block_size = block_size ? block_size : 64 * 1024;
    arena->used_bytes = 0;
}

void *vg_arena_alloc(vg_arena *arena, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if (size == 0)
        size = 16;
#ifdef VIGIL_ARENA_MALLOC
    vg_arena_block *own = vg_malloc(sizeof *own + size);
    if (!own)
        return NULL;
    own->next = arena->head;
    own->size = own->used = size;
    arena->head = own;
    arena->used_bytes += size;
    memset(own->data, 0, size);
    return own->data;
#else
    vg_arena_block *block = arena->head;
    if (!block || block->size - block->used < size) {
        size_t want = size > arena->block_size ? size : arena->block_size;
        block = vg_malloc(sizeof *block + want);
        if (!block)
            return NULL;
        block->size = want;
        block->used = 0;
        block->next = arena->head;
        arena->head = block;
    }
    void *out = block->data + block->used;
    block->used += size;
    arena->used_bytes += size;
    memset(out, 0, size);
    return out;
#endif
}

char *vg_arena_strndup(vg_arena *arena, const char *s, size_t n)
{
    char *copy = vg_arena_alloc(arena, n + 1);
    if (!copy)
        return NULL;
    memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
}

void vg_arena_reset(vg_arena *arena)
{
    vg_arena_block *block = arena->head;
    while (block) {
        vg_arena_block *next = block->next;
        vg_free(block);
        block = next;
    }
    arena->head = NULL;
    arena->used_bytes = 0;
}

void vg_arena_free(vg_arena *arena) { vg_arena_reset(arena); }
