/* lang.c: language names. libstemmer knows languages by Snowball name;
 * people also write ISO 639-1 codes. */
#include <string.h>
#include <strings.h>

#include "precis.h"
#include "lang/stem.h"

static const struct {
    const char *code;
    const char *name;
} iso_codes[] = {
    {"ar", "arabic"},     {"hy", "armenian"},  {"eu", "basque"},
    {"ca", "catalan"},    {"da", "danish"},    {"nl", "dutch"},
    {"en", "english"},    {"fi", "finnish"},   {"fr", "french"},
    {"de", "german"},     {"el", "greek"},     {"hi", "hindi"},
    {"hu", "hungarian"},  {"id", "indonesian"}, {"ga", "irish"},
    {"it", "italian"},    {"lt", "lithuanian"}, {"ne", "nepali"},
    {"no", "norwegian"},  {"nb", "norwegian"}, {"pt", "portuguese"},
    {"ro", "romanian"},   {"ru", "russian"},   {"sr", "serbian"},
    {"es", "spanish"},    {"sv", "swedish"},   {"ta", "tamil"},
    {"tr", "turkish"},    {"yi", "yiddish"},
};

const char *const *precis_language_list(void)
{
    return stemmer_languages();
}

const char *precis_language_resolve(const char *name)
{
    if (!name)
        return NULL;
    const char *want = name;
    for (size_t i = 0; i < sizeof iso_codes / sizeof iso_codes[0]; i++)
        if (strcasecmp(name, iso_codes[i].code) == 0)
            want = iso_codes[i].name;
    for (const char *const *l = stemmer_languages(); *l; l++)
        if (strcasecmp(want, *l) == 0)
            return *l;
    return NULL;
}

const char *precis_language_code(const char *snowball_name)
{
    for (size_t i = 0; i < sizeof iso_codes / sizeof iso_codes[0]; i++)
        if (snowball_name && strcmp(snowball_name, iso_codes[i].name) == 0)
            return iso_codes[i].code;
    return "";
}
