/* build-idf: counts in how many documents each stem occurs, for the
 * background IDF table of models/LANG/idf.txt.
 *
 *   build-idf [-l LANG] [-m MIN_DF] [-w WORDS] FILE... > models/LANG/idf.txt
 *
 * Each FILE is one document, read through the same ingest, splitting and
 * analysis as summarize (so the stems match exactly). Output: a header
 * line "# documents N", then "STEM<TAB>DF" for every stem seen in at least
 * MIN_DF documents (default 2), sorted by stem.
 *
 * -w WORDS also writes the content words (case-folded as the analyser
 * folds them) seen in at least MIN_DF documents, one a line, sorted: the
 * models/LANG/words.txt whose stems tools/modelgen computes at build
 * time, so that summarize runs Snowball only on rarer words. */
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

static int by_word(const void *x, const void *y)
{
    return by_stem(x, y);
}

/* Counts each distinct content word of doc once in words. */
static void count_words(const precis_doc *doc, strmap *words)
{
    strmap seen = {0};
    buf fold = {0};
    for (size_t k = 0; k <= doc->n_sents; k++) {
        const sentence *st = k < doc->n_sents
                                 ? &doc->sents[k]
                                 : (doc->has_title ? &doc->title_terms : NULL);
        if (!st)
            break;
        for (size_t j = 0; j < st->n_terms; j++) {
            analyze_fold_word(&fold, doc->text.data + st->off + st->pos[j].off,
                              st->pos[j].len);
            int added;
            strmap_put(&seen, fold.data, fold.len, 0, &added);
            if (added)
                (*strmap_put(words, fold.data, fold.len, 0, NULL))++;
        }
    }
    buf_free(&fold);
    strmap_free(&seen);
}

static int write_words(const char *path, const strmap *words, unsigned min_df,
                       size_t docs, const char *lang)
{
    entry *e = malloc((words->count ? words->count : 1) * sizeof *e);
    FILE *f = fopen(path, "w");
    if (!e || !f) {
        free(e);
        if (f)
            fclose(f);
        return errno ? errno : ENOMEM;
    }
    size_t n = 0;
    for (size_t k = 0; k < words->cap; k++)
        if (words->slots[k].key && words->slots[k].value >= min_df)
            e[n++] = (entry){words->slots[k].key, words->slots[k].len,
                             words->slots[k].value};
    qsort(e, n, sizeof *e, by_word);
    fprintf(
        f,
        "# Content words (case-folded) seen in at least %u of %zu %s\n"
        "# documents, counted by tools/idf/build-idf -w (regenerate:\n"
        "# build-idf -w words.txt ARTICLES... > idf.txt). Their stems are\n"
        "# computed at build time (tools/modelgen), so that summarize runs\n"
        "# Snowball only on rarer words; the stems are the same either way.\n",
        min_df, docs, lang);
    for (size_t k = 0; k < n; k++)
        fprintf(f, "%.*s\n", (int)e[k].len, e[k].stem);
    free(e);
    return fclose(f) == 0 ? 0 : errno;
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
    const char *words_path = NULL;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-l") == 0 && i + 1 < argc)
            lang = argv[++i];
        else if (strcmp(argv[i], "-m") == 0 && i + 1 < argc)
            min_df = (unsigned)strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "-w") == 0 && i + 1 < argc)
            words_path = argv[++i];
        else {
            fprintf(stderr, "usage: build-idf [-l LANG] [-m MIN_DF] "
                            "[-w WORDS] FILE...\n");
            return 2;
        }
    }
    precis_status st;
    precis_ctx *ctx = precis_ctx_new(lang, NULL, &st);
    if (!ctx) {
        fprintf(stderr, "build-idf: %s: %s\n", lang, precis_strerror(st));
        return 2;
    }
    strmap df = {0}, words = {0};
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
            if (words_path)
                count_words(doc, &words);
        }
        precis_doc_free(doc);
    }
    entry *e = malloc((df.count ? df.count : 1) * sizeof *e);
    size_t n = 0;
    for (size_t k = 0; k < df.cap; k++)
        if (df.slots[k].key && df.slots[k].value >= min_df)
            e[n++] =
                (entry){df.slots[k].key, df.slots[k].len, df.slots[k].value};
    qsort(e, n, sizeof *e, by_stem);
    printf("# documents %zu\n", docs);
    for (size_t k = 0; k < n; k++)
        printf("%.*s\t%u\n", (int)e[k].len, e[k].stem, e[k].df);
    free(e);
    if (words_path) {
        int err = write_words(words_path, &words, min_df, docs, lang);
        if (err) {
            fprintf(stderr, "build-idf: %s: %s\n", words_path, strerror(err));
            failed = 1;
        }
    }
    strmap_free(&words);
    strmap_free(&df);
    precis_ctx_free(ctx);
    return failed;
}
