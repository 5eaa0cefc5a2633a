/* build-idf: counts in how many documents each stem occurs, for the
 * background IDF table of models/LANG/idf.txt.
 *
 *   build-idf [-l LANG] [-m MIN_DF] FILE... > models/LANG/idf.txt
 *
 * Each FILE is one document, read through the same ingest, splitting and
 * analysis as summarize (so the stems match exactly). Output: a header
 * line "# documents N", then "STEM<TAB>DF" for every stem seen in at least
 * MIN_DF documents (default 2), sorted by stem. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct entry {
    const char *stem;
    uint32_t len;
    uint32_t df;
} entry;

static int by_stem(const void *x, const void *y)
{
    const entry *a = x, *b = y;
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->stem, b->stem, n);
    return c ? c : (a->len > b->len) - (a->len < b->len);
}

static int read_file(const char *path, buf *out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_put(out, chunk, n);
    int bad = ferror(f) ? EIO : 0;
    fclose(f);
    return bad;
}

int main(int argc, char **argv)
{
    const char *lang = "english";
    unsigned min_df = 2;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-l") == 0 && i + 1 < argc)
            lang = argv[++i];
        else if (strcmp(argv[i], "-m") == 0 && i + 1 < argc)
            min_df = (unsigned)strtoul(argv[++i], NULL, 10);
        else {
            fprintf(stderr, "usage: build-idf [-l LANG] [-m MIN_DF] FILE...\n");
            return 2;
        }
    }
    precis_status st;
    precis_ctx *ctx = precis_ctx_new(lang, NULL, &st);
    if (!ctx) {
        fprintf(stderr, "build-idf: %s: %s\n", lang, precis_strerror(st));
        return 2;
    }
    strmap df = {0};
    size_t docs = 0;
    int failed = 0;
    for (; i < argc; i++) {
        buf text = {0};
        int err = read_file(argv[i], &text);
        if (err) {
            fprintf(stderr, "build-idf: %s: %s\n", argv[i], strerror(err));
            failed = 1;
            buf_free(&text);
            continue;
        }
        precis_doc *doc = precis_doc_new(ctx);
        precis_doc_feed(doc, buf_cstr(&text), text.len);
        buf_free(&text);
        if (precis_doc_finish(doc, NULL) == PRECIS_OK) {
            docs++;
            /* Every distinct stem of the document counts once. */
            for (size_t k = 0; k < doc->terms.cap; k++) {
                const strmap_slot *s = &doc->terms.slots[k];
                if (!s->key)
                    continue;
                int added;
                uint32_t *v = strmap_put(&df, s->key, s->len, 0, &added);
                (*v)++;
            }
        }
        precis_doc_free(doc);
    }
    entry *e = malloc((df.count ? df.count : 1) * sizeof *e);
    size_t n = 0;
    for (size_t k = 0; k < df.cap; k++)
        if (df.slots[k].key && df.slots[k].value >= min_df)
            e[n++] = (entry){df.slots[k].key, df.slots[k].len,
                             df.slots[k].value};
    qsort(e, n, sizeof *e, by_stem);
    printf("# documents %zu\n", docs);
    for (size_t k = 0; k < n; k++)
        printf("%.*s\t%u\n", (int)e[k].len, e[k].stem, e[k].df);
    free(e);
    strmap_free(&df);
    precis_ctx_free(ctx);
    return failed;
}
