/* The eight test articles of tests/data/lang (written for this project),
 * one per language: under "auto" each is detected as its language, split
 * into the number of body sentences its author intended, and summarised;
 * the German and Russian ones with German and Russian stems.
 * Usage: test_detect DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const struct {
    const char *code, *language;
    /* Two words of the article and the stem both share, or NULL. */
    const char *stem;
} cases[] = {
    {"en", "english", NULL},
    {"de", "german", "schul"},       /* Schule, Schulen */
    {"fr", "french", NULL},
    {"es", "spanish", NULL},
    {"it", "italian", NULL},
    {"pt", "portuguese", NULL},
    {"nl", "dutch", NULL},
    {"ru", "russian",
     "\xD0\xBF\xD0\xBE\xD0\xBB\xD0\xB8\xD0\xBA\xD0\xBB\xD0\xB8\xD0\xBD\xD0"
     "\xB8\xD0\xBA"}, /* поликлиника, поликлиники */
};

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_put(&b, chunk, n);
    fclose(f);
    return buf_detach(&b, len);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_detect DIR\n");
        return 2;
    }
    precis_status st;
    precis_ctx *ctx = precis_ctx_new("auto", NULL, &st);
    int failed = 0, n = (int)(sizeof cases / sizeof cases[0]);
    printf("1..%d\n", n);
    for (int k = 0; k < n; k++) {
        char path[4096];
        size_t len, want_len;
        snprintf(path, sizeof path, "%s/%s.txt", argv[1], cases[k].code);
        char *text = slurp(path, &len);
        snprintf(path, sizeof path, "%s/%s.expected-sentences", argv[1],
                 cases[k].code);
        char *want = slurp(path, &want_len);
        if (!text || !want) {
            printf("not ok %d - %s: cannot read the article\n", k + 1,
                   cases[k].code);
            failed++;
            free(text);
            free(want);
            continue;
        }
        precis_doc *doc = precis_doc_new(ctx);
        precis_doc_feed(doc, text, len);
        const char *why = NULL;
        char detail[160] = "";
        if (precis_doc_finish(doc, NULL) != PRECIS_OK ||
            precis_doc_summarize(doc, NULL) != PRECIS_OK)
            why = "not summarised";
        else if (strcmp(precis_doc_language(doc), cases[k].language) != 0)
            snprintf(detail, sizeof detail, "detected %s",
                     precis_doc_language(doc));
        else if (precis_doc_sentence_count(doc) != strtoul(want, NULL, 10))
            snprintf(detail, sizeof detail, "%zu sentences, want %lu",
                     precis_doc_sentence_count(doc), strtoul(want, NULL, 10));
        else if (precis_doc_summary_count(doc) != 3)
            why = "no three-sentence summary";
        else if (cases[k].stem &&
                 !strmap_get(&doc->terms, cases[k].stem,
                             strlen(cases[k].stem)))
            why = "the language's stems were not used";
        if (why || detail[0]) {
            printf("not ok %d - %s: %s\n", k + 1, cases[k].code,
                   why ? why : detail);
            failed++;
        } else {
            printf("ok %d - %s\n", k + 1, cases[k].code);
        }
        precis_doc_free(doc);
        free(text);
        free(want);
    }
    precis_ctx_free(ctx);
    return failed ? 1 : 0;
}
