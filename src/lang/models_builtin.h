/* models_builtin.h: the models frozen into C data at build time.
 *
 * tools/modelgen loads models/ with model.c's loader and writes the
 * result as initialised structures (hash tables filled, rule chains
 * linked), so a context built on the compiled-in models parses nothing
 * at start-up. A --models folder is still read and parsed at run time. */
#ifndef PRECIS_MODELS_BUILTIN_H
#define PRECIS_MODELS_BUILTIN_H

#include "util/symbols.h"

#include <stddef.h>

#include "lang/model.h"
#include "util/strmap.h"

/* For detection: every stopword of any language, as a fingerprint (the
 * upper half of strmap_hash64; never 0) in the slot its lower bits
 * choose, with its language bits (bit i: precis__builtin_languages[i]).
 * Fingerprints, not words: 8 bytes a slot keep the table to a few pages
 * for a one-article run, and a false match, about one lookup in 2^32,
 * would only add one stopword hit to a language's count. */
typedef struct lang_bits_slot {
    uint32_t fp; /* 0: empty */
    uint32_t bits;
} lang_bits_slot;

typedef struct lang_bits_table {
    const lang_bits_slot *slots;
    size_t cap; /* a power of two */
} lang_bits_table;

/* Generated (models_builtin_data.c): one model per libstemmer language,
 * in the order of precis__builtin_languages (NULL-terminated); which of
 * them have stopwords (bit i); the stopword table for detection. */
extern const lang_model precis__builtin_models[];
extern const char *const precis__builtin_languages[];
extern const uint32_t precis__builtin_profiled;
extern const lang_bits_table precis__builtin_lang_bits;

/* The language bits of word (case-folded) in t; 0 for none. */
uint32_t lang_bits_get(const lang_bits_table *t, const char *word, size_t len);

/* Fills m with the built-in model of language (a Snowball name); false
 * when there is none. m shares the static tables (m->builtin is set). */
bool model_builtin(lang_model *m, const char *language);

/* The built-in detection table when its bits mean the languages of names
 * (n of them), as they do unless the library was built against another
 * libstemmer; else NULL. */
const lang_bits_table *model_builtin_lang_bits(const char *const *names,
                                               size_t n);

#endif
