#include "util/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

struct arena_chunk {
    arena_chunk *next;
    size_t used;
    size_t cap;
    _Alignas(16) unsigned char data[];
};

#define ARENA_CHUNK (64 * 1024)
#define ARENA_FIRST_CHUNK (2 * 1024 - 64)

static arena_chunk *chunk_new(size_t cap, arena_chunk *next)
{
    arena_chunk *c = precis__malloc(sizeof *c + cap);
    c->next = next;
    c->used = 0;
    c->cap = cap;
    return c;
}

/* n bytes at a multiple of align (1 or 16), not cleared. */
static void *alloc_raw(arena *a, size_t n, size_t align)
{
    if (n > SIZE_MAX - 64)
        precis__oom();
    size_t need = n ? n : 1;
#ifdef PRECIS_ARENA_MALLOC
    arena_chunk *c = chunk_new(n, a->head);
    a->head = c;
    return c->data;
#else
    arena_chunk *c = a->head;
    size_t at = c ? (c->used + align - 1) & ~(align - 1) : 0;
    if (!c || at > c->cap || c->cap - at < need) {
        if (need > ARENA_CHUNK / 4) {
            /* Big blocks get a chunk of their own, kept behind the head
             * so the head's free space is not wasted. */
            arena_chunk *big = chunk_new(need, NULL);
            if (c) {
                big->next = c->next;
                c->next = big;
            } else {
                a->head = big;
            }
            big->used = need;
            return big->data;
        }
        /* Chunks grow from a few pages to ARENA_CHUNK: a short document
         * touches few pages (a one-article run pays a fault for each). */
        size_t cap = c && c->cap < ARENA_CHUNK ? c->cap * 2 : ARENA_CHUNK;
        if (!c)
            cap = ARENA_FIRST_CHUNK;
        if (cap > ARENA_CHUNK)
            cap = ARENA_CHUNK;
        if (cap < need)
            cap = need;
        c = chunk_new(cap, c);
        a->head = c;
        at = 0;
    }
    void *p = c->data + at;
    c->used = at + need;
    return p;
#endif
}

void *arena_alloc(arena *a, size_t n)
{
    void *p = alloc_raw(a, n, 16);
    memset(p, 0, n);
    return p;
}

void *arena_array(arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        precis__oom();
    return arena_alloc(a, count * size);
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    /* Strings need no alignment: packed, they touch fewer pages. Every
     * byte is written below. */
    char *d = alloc_raw(a, n + 1, 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void arena_free(arena *a)
{
    arena_chunk *c = a->head;
    while (c) {
        arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
}

size_t arena_size(const arena *a)
{
    size_t total = 0;
    for (const arena_chunk *c = a->head; c; c = c->next)
        total += sizeof *c + c->cap;
    return total;
}
