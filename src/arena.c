#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

struct arena_chunk {
    arena_chunk *next;
    size_t used;
    size_t cap;
    _Alignas(16) unsigned char data[];
};

#define ARENA_CHUNK (64 * 1024)
#define ARENA_FIRST_CHUNK (8 * 1024 - 64)

static arena_chunk *chunk_new(size_t cap, arena_chunk *next)
{
    arena_chunk *c = precis__malloc(sizeof *c + cap);
    c->next = next;
    c->used = 0;
    c->cap = cap;
    return c;
}

/* n bytes, 16-byte aligned, not cleared. */
static void *alloc_raw(arena *a, size_t n)
{
    if (n > SIZE_MAX - 64)
        precis__oom();
    size_t need = (n + 15) & ~(size_t)15;
    if (need == 0)
        need = 16;
#ifdef PRECIS_ARENA_MALLOC
    arena_chunk *c = chunk_new(n, a->head);
    a->head = c;
    return c->data;
#else
    arena_chunk *c = a->head;
    if (!c || c->cap - c->used < need) {
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
    }
    void *p = c->data + c->used;
    c->used += need;
    return p;
#endif
}

void *arena_alloc(arena *a, size_t n)
{
    void *p = alloc_raw(a, n);
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
    char *d = alloc_raw(a, n + 1); /* every byte is written below */
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
