/* arena.h: a bump allocator for everything that dies with one document.
 *
 * Sentence spans, tokens, term lists and graphs are allocated here and
 * released together by arena_free. Built with -DPRECIS_ARENA_MALLOC every
 * allocation is its own malloc, so AddressSanitizer still sees overruns. */
#ifndef PRECIS_ARENA_H
#define PRECIS_ARENA_H

#include "util/symbols.h"

#include <stddef.h>

typedef struct arena_chunk arena_chunk;

typedef struct arena {
    arena_chunk *head;
} arena;

/* Returns zeroed, 16-byte aligned memory valid until arena_free. Never
 * NULL (aborts on OOM). */
void *arena_alloc(arena *a, size_t n);
/* arena_alloc for count * size with an overflow check. */
void *arena_array(arena *a, size_t count, size_t size);
char *arena_strndup(arena *a, const char *s, size_t n);
void arena_free(arena *a);
/* Bytes the arena holds from malloc (its chunks), for tests and memory
 * accounting. */
size_t arena_size(const arena *a);

#endif
