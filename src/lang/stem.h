/* stem.h: Snowball stemming with a cache. stem.c is the only file that
 * includes libstemmer.h.
 *
 * A stemmer is not thread-safe (libstemmer's rule): one per context. */
#ifndef PRECIS_STEM_H
#define PRECIS_STEM_H

#include "util/symbols.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct stemmer stemmer;

/* Creates a stemmer for a Snowball name; NULL when libstemmer has none. */
stemmer *stemmer_new(const char *language);
/* NULL is a no-op. */
void stemmer_free(stemmer *s);

/* One distinct case-folded word as the stemmer's cache holds it. Besides
 * the stem, an entry carries what the analyser learns of the word once
 * (is it a stopword?) and a memo of its term id in the document being
 * analysed, so that a repeated word costs one lookup. */
typedef struct stem_entry {
    const char *stem; /* NUL-terminated, len bytes; NULL until stemmed */
    size_t len;
    uint32_t memo_doc; /* the document the memo is for; 0: none */
    uint32_t memo;     /* the term id in that document */
    bool classified;   /* skip is set */
    bool skip;         /* not a content term (a stopword, a lone letter) */
} stem_entry;

/* The cache entry of a case-folded word, added (not yet stemmed) on first
 * sight. The pointer is valid until the next call. */
stem_entry *stemmer_entry(stemmer *s, const char *word, size_t len);

/* Stems e's word (the word stemmer_entry was given) unless done: numbers
 * (ASCII digits only) are their own stems, and words libstemmer cannot
 * take keep themselves. The stem text stays valid until the stemmer is
 * freed or its cache is reset (every few hundred thousand distinct words,
 * and only between documents: see stemmer_trim). Stemming only the words
 * that need it spares Snowball every stopword. */
void stemmer_fill(stemmer *s, stem_entry *e, const char *word, size_t len);

/* Stems computed ahead of time (tools/modelgen, from words.txt), in
 * buckets of one cache line. A word's home bucket is strmap_hash64 of it
 * modulo n_buckets; a bucket holds records "W S word stem\0" one after
 * another from its second byte (W and S: the lengths in bytes; W = 0
 * ends the records). Its first byte is 1 when a word whose home it is
 * did not fit and went on to the next bucket. A lookup reads one line
 * for almost every word, where a table of slots beside a text read two:
 * in a one-article run each line is a miss to memory. */
#define STEM_SEED_BUCKET 64

typedef struct stem_seed {
    const unsigned char *buckets; /* n_buckets * STEM_SEED_BUCKET bytes */
    size_t n_buckets;
} stem_seed;

/* Gives the stemmer seed (which must outlive it; NULL for none):
 * stemmer_fill takes a word's stem from there when it has it, instead of
 * running Snowball. */
void stemmer_use_seed(stemmer *s, const stem_seed *seed);

/* stemmer_entry's stem alone. */
const char *stemmer_stem(stemmer *s, const char *word, size_t len,
                         size_t *out_len);

/* Makes room for n distinct words in all, sized by the caller from the
 * text ahead (one rehash instead of several, and no room a short text
 * never uses: a one-article run pays a page fault per page touched). */
void stemmer_reserve(stemmer *s, size_t n);

/* Clears every entry's memo (memo_doc = 0): for a caller whose document
 * numbers wrapped around. */
void stemmer_forget_memos(stemmer *s);

/* Drops the cache if it has grown past its bound. Call only when no stem
 * pointer is still in use (between documents). */
void stemmer_trim(stemmer *s);

/* The Snowball names libstemmer offers, NULL-terminated. */
const char *const *stemmer_languages(void);

#endif
