/* load.c: a language's model and stemmer, loaded into a context when a
 * document first needs them. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "lang/load.h"
#include "lang/models_builtin.h"
#include "util/alloc.h"

bool lang_load(precis_ctx *ctx, lang_state *lang, precis_status *st)
{
    if (lang->tried) {
        *st = lang->loaded ? PRECIS_OK : PRECIS_EMODEL;
        return lang->loaded;
    }
    lang->tried = true;
    lang->stem = stemmer_new(lang->name);
    if (!lang->stem) {
        *st = precis__fail(ctx, PRECIS_ELANG, "%s: no stemmer", lang->name);
        return false;
    }
    buf_clear(&ctx->errmsg);
    lang->model = precis__malloc(sizeof *lang->model);
    if (!ctx->models_dir && model_builtin(lang->model, lang->name))
        *st = PRECIS_OK;
    else
        *st =
            model_load(lang->model, lang->name, ctx->models_dir, &ctx->errmsg);
    if (*st != PRECIS_OK) {
        stemmer_free(lang->stem);
        lang->stem = NULL;
        free(lang->model);
        lang->model = NULL;
        return false;
    }
    stemmer_use_seed(lang->stem, lang->model->stem_seed);
    lang->has_stopwords = lang->model->stopwords.count > 0;
    lang->loaded = true;
    return true;
}

lang_state *lang_find(precis_ctx *ctx, const char *name)
{
    for (size_t i = 0; i < ctx->n_langs; i++)
        if (strcmp(ctx->langs[i].name, name) == 0)
            return &ctx->langs[i];
    return NULL;
}
