#include "models_builtin.h"

#include <string.h>

bool model_builtin(lang_model *m, const char *language)
{
    for (size_t i = 0; precis__builtin_languages[i]; i++)
        if (strcmp(precis__builtin_languages[i], language) == 0) {
            *m = precis__builtin_models[i];
            return true;
        }
    return false;
}

const strmap *model_builtin_stopword_langs(const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!precis__builtin_languages[i] ||
            strcmp(precis__builtin_languages[i], names[i]) != 0)
            return NULL;
    return precis__builtin_languages[n] ? NULL
                                        : &precis__builtin_stopword_langs;
}
