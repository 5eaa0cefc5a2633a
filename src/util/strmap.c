#include "util/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

uint64_t strmap_hash64(const char *s, size_t len)
{
    /* Eight bytes per step, multiply-xorshift mixing: keys are words,
     * mostly 3-12 bytes, so a byte-at-a-time hash spends more time per
     * key than the probe. The frozen tables of tools/modelgen store
     * these values: the function is the same at build and run time. */
    /* The length multiplied in, not only xored: xored into the low bits
     * it cancelled against the first byte ("lee" and "me" hashed alike). */
    uint64_t h = (0x9E3779B97F4A7C15u ^ (uint64_t)len) * 0xFF51AFD7ED558CCDu;
    while (len >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDu;
        h ^= h >> 32;
        s += 8;
        len -= 8;
    }
    /* The last 0-7 bytes in two overlapping 4-byte loads, or for 1-3
     * bytes the first, middle and last one (the length is mixed in). */
    uint64_t tail = 0;
    if (len >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + len - 4, 4);
        tail = (uint64_t)lo | (uint64_t)hi << 32;
    } else if (len > 0) {
        tail = (uint64_t)(unsigned char)s[0] |
               (uint64_t)(unsigned char)s[len / 2] << 8 |
               (uint64_t)(unsigned char)s[len - 1] << 16;
    }
    h = (h ^ tail) * 0xC4CEB9FE1A85EC53u;
    h ^= h >> 29;
    h *= 0x9E3779B97F4A7C15u;
    return h ^ (h >> 31);
}

uint32_t strmap_hash(const char *s, size_t len)
{
    return (uint32_t)(strmap_hash64(s, len) >> 32);
}

static strmap_slot *find(const strmap *m, const char *key, size_t len,
                         uint32_t h)
{
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        strmap_slot *s = &m->slots[i];
        if (!s->key)
            return s;
        if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0)
            return s;
    }
}

uint32_t *strmap_get(const strmap *m, const char *key, size_t len)
{
    if (!m->cap)
        return NULL;
    strmap_slot *s = find(m, key, len, strmap_hash(key, len));
    return s->key ? &s->value : NULL;
}

static void rehash(strmap *m, size_t cap)
{
    strmap_slot *old = m->slots;
    size_t old_cap = m->cap;
    m->slots = precis__calloc(cap, sizeof *m->slots);
    m->cap = cap;
    for (size_t i = 0; i < old_cap; i++) {
        if (!old[i].key)
            continue;
        strmap_slot *s = find(m, old[i].key, old[i].len, old[i].hash);
        *s = old[i];
    }
    free(old);
}

static void grow(strmap *m)
{
    rehash(m, m->cap ? m->cap * 2 : 64);
}

void strmap_reserve(strmap *m, size_t n)
{
    size_t cap = m->cap ? m->cap : 64;
    while (cap / 2 < n + 1 && cap < ((size_t)1 << 40))
        cap *= 2;
    if (cap > m->cap)
        rehash(m, cap);
}

uint32_t *strmap_put(strmap *m, const char *key, size_t len, uint32_t value,
                     int *added)
{
    if (len > UINT32_MAX)
        precis__oom();
    /* Keep the load factor under 1/2 so probes stay short. */
    if ((m->count + 1) * 2 > m->cap)
        grow(m);
    uint32_t h = strmap_hash(key, len);
    strmap_slot *s = find(m, key, len, h);
    if (added)
        *added = s->key == NULL;
    if (!s->key) {
        s->key = arena_strndup(&m->keys, key, len);
        s->len = (uint32_t)len;
        s->hash = h;
        s->value = value;
        m->count++;
    }
    return &s->value;
}

void strmap_clear(strmap *m)
{
    if (m->cap)
        memset(m->slots, 0, m->cap * sizeof *m->slots);
    m->count = 0;
    arena_free(&m->keys);
}

void strmap_free(strmap *m)
{
    free(m->slots);
    arena_free(&m->keys);
    memset(m, 0, sizeof *m);
}
