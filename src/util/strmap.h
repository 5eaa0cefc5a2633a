/* strmap.h: a map from byte strings to 32-bit values (open addressing).
 *
 * Keys are copied into the map's own storage, so callers may pass spans
 * into temporary buffers. Used for stopword sets, abbreviation lists, the
 * stem cache and per-document term tables. */
#ifndef PRECIS_STRMAP_H
#define PRECIS_STRMAP_H

#include "util/symbols.h"

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

typedef struct strmap_slot {
    const char *key; /* NULL when empty; owned by the map's arena */
    uint32_t len;
    uint32_t hash;
    uint32_t value;
} strmap_slot;

typedef struct strmap {
    strmap_slot *slots;
    size_t cap; /* a power of two, or 0 */
    size_t count;
    arena keys;
} strmap;

/* The 64-bit hash of a key; strmap_hash is its upper half. */
uint64_t strmap_hash64(const char *s, size_t len);
uint32_t strmap_hash(const char *s, size_t len);
/* Returns a pointer to the value stored for key, or NULL when absent. The
 * pointer is valid until the next insertion. */
uint32_t *strmap_get(const strmap *m, const char *key, size_t len);
/* Inserts key with value unless present. Returns the slot's value pointer;
 * *added tells whether the key was new. Keys longer than UINT32_MAX bytes
 * are not supported (the caller bounds token length). */
uint32_t *strmap_put(strmap *m, const char *key, size_t len, uint32_t value,
                     int *added);
/* Makes room for n keys in all, so that filling the map up to n keys
 * never rehashes (for a map whose size can be guessed). */
void strmap_reserve(strmap *m, size_t n);
void strmap_clear(strmap *m);
void strmap_free(strmap *m);

#endif
