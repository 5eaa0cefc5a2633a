/* musl_link_check.c: configure time (meson.build) links this with
 * musl-gcc against the dependencies' static archives and src/musl_compat.c
 * and runs it; summarize is built on musl only when it links and prints
 * "ok". */
#include <jansson.h>
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int main(void)
{
    struct sb_stemmer *s = sb_stemmer_new("english", "UTF_8");
    const sb_symbol *stem =
        s ? sb_stemmer_stem(s, (const sb_symbol *)"running", 7) : NULL;
    json_t *j = json_pack("{s:i}", "n", 3);
    char *text = j ? json_dumps(j, JSON_COMPACT) : NULL;
    int ok = stem && strcmp((const char *)stem, "run") == 0 &&
             utf8proc_tolower('A') == 'a' && text &&
             strcmp(text, "{\"n\":3}") == 0;
    free(text);
    json_decref(j);
    sb_stemmer_delete(s);
    puts(ok ? "ok" : "broken");
    return !ok;
}
