/* models_builtin.h: the models frozen into C data at build time.
 *
 * tools/modelgen loads models/ with model.c's loader and writes the
 * result as initialised structures (hash tables filled, rule chains
 * linked), so a context built on the compiled-in models parses nothing
 * at start-up. A --models folder is still read and parsed at run time. */
#ifndef PRECIS_MODELS_BUILTIN_H
#define PRECIS_MODELS_BUILTIN_H

#include <stddef.h>

#include "model.h"
#include "strmap.h"

/* Generated (models_builtin_data.c): one model per libstemmer language,
 * in the order of precis__builtin_languages (NULL-terminated), and the
 * map from stopword to language bits (bit i: precis__builtin_languages[i]). */
extern const lang_model precis__builtin_models[];
extern const char *const precis__builtin_languages[];
extern const strmap precis__builtin_stopword_langs;

/* Fills m with the built-in model of language (a Snowball name); false
 * when there is none. m shares the static tables (m->builtin is set). */
bool model_builtin(lang_model *m, const char *language);

/* The built-in stopword -> language bits map when its bits mean the
 * languages of names (n of them), as they do unless the library was built
 * against another libstemmer; else NULL. */
const strmap *model_builtin_stopword_langs(const char *const *names, size_t n);

#endif
