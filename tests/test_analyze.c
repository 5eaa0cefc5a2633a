/* Unit tests: words, stopwords, stems and term ids (src/text/analyze.c,
 * src/lang/stem.c). The stem table pins what libstemmer gives the pipeline, so
 * an upgrade that changes a stem fails loudly (the Snowball GNUmakefile's
 * check_utf8 idea). */
#include "test_util.h"

#include "internal.h"
#include "lang/stem.h"

typedef struct stem_case {
    const char *lang, *word, *stem;
} stem_case;

static const stem_case stems[] = {
    {"english", "running", "run"},
    {"english", "connections", "connect"},
    {"english", "generously", "generous"},
    {"english", "summaries", "summari"},
    {"english", "trump's", "trump"},
    {"german", "h\xC3\xA4user", "haus"},
    {"german", "zeitungen", "zeitung"},
    {"french", "nationales", "national"},
    {"spanish", "corriendo", "corr"},
    {"russian", "\xD0\xBC\xD0\xB0\xD1\x88\xD0\xB8\xD0\xBD\xD1\x8B",
     "\xD0\xBC\xD0\xB0\xD1\x88\xD0\xB8\xD0\xBD"},
};

static void test_stems_are_pinned(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof stems / sizeof stems[0]; k++) {
        stemmer *s = stemmer_new(stems[k].lang);
        assert_non_null(s);
        size_t len;
        /* Twice: the second answer comes from the cache. */
        for (int pass = 0; pass < 2; pass++) {
            const char *got =
                stemmer_stem(s, stems[k].word, strlen(stems[k].word), &len);
            if (len != strlen(stems[k].stem) ||
                memcmp(got, stems[k].stem, len) != 0)
                fail_msg("%s %s: got %.*s, want %s", stems[k].lang,
                         stems[k].word, (int)len, got, stems[k].stem);
        }
        stemmer_free(s);
    }
    stemmer_free(NULL);
}

static precis_doc *analysed(precis_ctx *ctx, const char *text)
{
    precis_status st;
    precis_doc *doc = finish_text(ctx, text, strlen(text), &st);
    assert_non_null(doc);
    return doc;
}

static void test_words_stopwords_and_terms(void **state)
{
    (void)state;
    precis_status st;
    precis_ctx *ctx = precis_ctx_new("en", NULL, &st);
    precis_doc *doc = analysed(ctx, "The CATS were running to the harbour.\n"
                                    "A cat runs; cats ran.");
    assert_int_equal(doc->n_sents, 2);
    const sentence *a = &doc->sents[0], *b = &doc->sents[1];
    /* "The CATS were running to the harbour": 7 words, and "the", "were",
     * "to" are stopwords: cat, run, harbour remain. */
    assert_int_equal(a->words, 7);
    assert_int_equal(a->n_terms, 3);
    /* "A cat runs; cats ran.": "a" is a stopword and "ran" is its own
     * stem, so: cat run cat ran. */
    assert_int_equal(b->words, 5);
    assert_int_equal(b->n_terms, 4);
    /* Case folding and stemming give CATS, cat and cats one id. */
    assert_int_equal(a->terms[0], b->terms[0]);
    assert_int_equal(b->terms[0], b->terms[2]);
    assert_int_equal(a->terms[1], b->terms[1]);
    assert_int_not_equal(b->terms[3], b->terms[1]);
    precis_doc_free(doc);
    precis_ctx_free(ctx);
}

static void test_apostrophes_numbers_and_letters(void **state)
{
    (void)state;
    precis_status st;
    precis_ctx *ctx = precis_ctx_new("en", NULL, &st);
    /* Curly and straight apostrophes are one; numbers are kept; a lone
     * letter ("x") is dropped; hyphens split words. */
    precis_doc *doc = analysed(ctx, "Trump\xE2\x80\x99s plan cost 2025 x.\n"
                                    "Trump's well-known plan.");
    const sentence *a = &doc->sents[0], *b = &doc->sents[1];
    assert_int_equal(a->words, 5);
    assert_int_equal(a->n_terms, 4); /* trump plan cost 2025 */
    assert_int_equal(b->words, 4);   /* trump's well known plan */
    assert_int_equal(a->terms[0], b->terms[0]);
    assert_int_equal(a->terms[1], b->terms[b->n_terms - 1]);
    precis_doc_free(doc);
    precis_ctx_free(ctx);
}

static void test_german_text_uses_german_stems(void **state)
{
    (void)state;
    precis_status st;
    precis_ctx *ctx = precis_ctx_new("de", NULL, &st);
    assert_string_equal(precis_ctx_language(ctx), "german");
    /* "Häuser" and "Haus" share a stem; "die", "und", "das" are German
     * stopwords. */
    precis_doc *doc = analysed(ctx, "Die H\xC3\xA4user und Stra\xC3\x9F"
                                    "en.\nDas Haus.");
    const sentence *a = &doc->sents[0], *b = &doc->sents[1];
    assert_int_equal(a->n_terms, 2);
    assert_int_equal(b->n_terms, 1);
    assert_int_equal(a->terms[0], b->terms[0]);
    precis_doc_free(doc);
    precis_ctx_free(ctx);
}

static void test_unknown_language_is_refused(void **state)
{
    (void)state;
    precis_status st = PRECIS_OK;
    assert_null(precis_ctx_new("klingon", NULL, &st));
    assert_int_equal(st, PRECIS_ELANG);
    assert_string_equal(precis_language_resolve("RU"), "russian");
    assert_string_equal(precis_language_resolve("Dutch"), "dutch");
    assert_null(precis_language_resolve("xx"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stems_are_pinned),
        cmocka_unit_test(test_words_stopwords_and_terms),
        cmocka_unit_test(test_apostrophes_numbers_and_letters),
        cmocka_unit_test(test_german_text_uses_german_stems),
        cmocka_unit_test(test_unknown_language_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
