#include "lang/models_builtin.h"

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

const lang_bits_table *model_builtin_lang_bits(const char *const *names,
                                               size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!precis__builtin_languages[i] ||
            strcmp(precis__builtin_languages[i], names[i]) != 0)
            return NULL;
    return precis__builtin_languages[n] ? NULL : &precis__builtin_lang_bits;
}

uint32_t lang_bits_get(const lang_bits_table *t, const char *word, size_t len)
{
    if (!t->cap)
        return 0;
    uint64_t h = strmap_hash64(word, len);
    uint32_t fp = (uint32_t)(h >> 32) | 1;
    size_t mask = t->cap - 1;
    for (size_t i = h & mask; t->slots[i].fp; i = (i + 1) & mask)
        if (t->slots[i].fp == fp)
            return t->slots[i].bits;
    return 0;
}
