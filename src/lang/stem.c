#include "lang/stem.h"

#include <libstemmer.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/arena.h"
#include "util/strmap.h"

/* Distinct words kept before the cache is dropped: bounds memory on
 * endless batches while every normal article stays warm. */
#define STEM_CACHE_MAX 500000

struct stemmer {
    struct sb_stemmer *sb;
    strmap cache; /* word -> index into stems */
    stem_entry *stems;
    size_t n_stems, cap_stems;
    arena store; /* stem bytes */
    const stem_seed *seed;
};

stemmer *stemmer_new(const char *language)
{
    struct sb_stemmer *sb = sb_stemmer_new(language, "UTF_8");
    if (!sb)
        return NULL;
    stemmer *s = precis__calloc(1, sizeof *s);
    s->sb = sb;
    return s;
}

void stemmer_free(stemmer *s)
{
    if (!s)
        return;
    sb_stemmer_delete(s->sb);
    strmap_free(&s->cache);
    free(s->stems);
    arena_free(&s->store);
    free(s);
}

static bool all_digits(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return len > 0;
}

stem_entry *stemmer_entry(stemmer *s, const char *word, size_t len)
{
    int added;
    uint32_t *slot =
        strmap_put(&s->cache, word, len, (uint32_t)s->n_stems, &added);
    if (!added)
        return &s->stems[*slot];
    if (s->n_stems == s->cap_stems) {
        s->cap_stems = s->cap_stems ? s->cap_stems * 2 : 256;
        s->stems =
            precis__reallocarray(s->stems, s->cap_stems, sizeof *s->stems);
    }
    s->stems[s->n_stems] = (stem_entry){0};
    return &s->stems[s->n_stems++];
}

/* Sets e's stem from seed when the seed has word; returns whether. */
static bool seed_find(const stem_seed *seed, const char *word, size_t len,
                      stem_entry *e)
{
    if (len == 0 || len >= STEM_SEED_BUCKET)
        return false;
    size_t b = (size_t)(strmap_hash64(word, len) % seed->n_buckets);
    for (size_t tries = 0; tries < seed->n_buckets; tries++) {
        const unsigned char *bucket = seed->buckets + b * STEM_SEED_BUCKET;
        for (size_t at = 1; at + 2 < STEM_SEED_BUCKET && bucket[at];) {
            size_t word_len = bucket[at], stem_len = bucket[at + 1];
            const unsigned char *w = bucket + at + 2;
            if (word_len == len && memcmp(w, word, len) == 0) {
                e->stem = (const char *)w + word_len;
                e->len = stem_len;
                return true;
            }
            at += word_len + stem_len + 3;
        }
        if (!(bucket[0] & 1))
            return false;
        b = b + 1 == seed->n_buckets ? 0 : b + 1;
    }
    return false;
}

void stemmer_fill(stemmer *s, stem_entry *e, const char *word, size_t len)
{
    if (e->stem)
        return;
    if (s->seed && seed_find(s->seed, word, len, e))
        return;
    const char *stem = word;
    size_t stem_len = len;
    if (len < INT_MAX && !all_digits(word, len)) {
        const sb_symbol *r =
            sb_stemmer_stem(s->sb, (const sb_symbol *)word, (int)len);
        if (r) { /* NULL only on OOM inside libstemmer: keep the word */
            stem = (const char *)r;
            stem_len = (size_t)sb_stemmer_length(s->sb);
        }
    }
    /* libstemmer's buffer dies at the next call: copy the stem out now. */
    e->stem = arena_strndup(&s->store, stem, stem_len);
    e->len = stem_len;
}

void stemmer_use_seed(stemmer *s, const stem_seed *seed)
{
    s->seed = seed && seed->n_buckets ? seed : NULL;
}

const char *stemmer_stem(stemmer *s, const char *word, size_t len,
                         size_t *out_len)
{
    stem_entry *e = stemmer_entry(s, word, len);
    stemmer_fill(s, e, word, len);
    *out_len = e->len;
    return e->stem;
}

void stemmer_reserve(stemmer *s, size_t n)
{
    strmap_reserve(&s->cache, n);
}

void stemmer_forget_memos(stemmer *s)
{
    for (size_t i = 0; i < s->n_stems; i++)
        s->stems[i].memo_doc = 0;
}

void stemmer_trim(stemmer *s)
{
    if (s->n_stems < STEM_CACHE_MAX)
        return;
    strmap_clear(&s->cache);
    arena_free(&s->store);
    s->n_stems = 0;
}

const char *const *stemmer_languages(void)
{
    return (const char *const *)sb_stemmer_list();
}
