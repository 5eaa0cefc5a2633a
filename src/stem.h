/* stem.h: Snowball stemming with a cache. stem.c is the only file that
 * includes libstemmer.h.
 *
 * A stemmer is not thread-safe (libstemmer's rule): one per context. */
#ifndef PRECIS_STEM_H
#define PRECIS_STEM_H

#include <stddef.h>

typedef struct stemmer stemmer;

/* Creates a stemmer for a Snowball name; NULL when libstemmer has none. */
stemmer *stemmer_new(const char *language);
/* NULL is a no-op. */
void stemmer_free(stemmer *s);

/* Stems a case-folded word. Returns the stem (NUL-terminated, *out_len
 * bytes), valid until the stemmer is freed or its cache is reset (every
 * few hundred thousand distinct words, and only between documents: see
 * stemmer_trim). Words libstemmer cannot take come back unchanged. */
const char *stemmer_stem(stemmer *s, const char *word, size_t len,
                         size_t *out_len);

/* Drops the cache if it has grown past its bound. Call only when no stem
 * pointer is still in use (between documents). */
void stemmer_trim(stemmer *s);

/* The Snowball names libstemmer offers, NULL-terminated. */
const char *const *stemmer_languages(void);

#endif
