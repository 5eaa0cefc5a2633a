/* load.h: loading a language into a context. */
#ifndef PRECIS_LANG_LOAD_H
#define PRECIS_LANG_LOAD_H

#include "util/symbols.h"

#include <stdbool.h>

#include "internal.h"

/* Loads lang's model and stemmer if not yet tried; returns lang->loaded.
 * *st receives PRECIS_OK, PRECIS_ELANG or PRECIS_EMODEL; on failure the
 * reason is in ctx->errmsg. */
bool lang_load(precis_ctx *ctx, lang_state *lang, precis_status *st);

/* The context's slot for the language of Snowball name name, or NULL. */
lang_state *lang_find(precis_ctx *ctx, const char *name);

#endif
