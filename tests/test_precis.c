/* Unit tests: the document's lifecycle and what it hands out (src/precis.c,
 * src/accessors.c): pointers that outlive any number of summarises, memory
 * that does not grow with them, the input limit as bytes are fed, state
 * checks on the setters, and one error convention. The article is written
 * for these tests. */
#include "test_util.h"

#include "internal.h"

static precis_ctx *ctx;

static int setup(void **state)
{
    (void)state;
    precis_status st;
    ctx = precis_ctx_new("english", NULL, &st);
    return ctx ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    precis_ctx_free(ctx);
    return 0;
}

/* A dated page with a sidebar of timed headlines, a title and a body. */
static const char article[] =
    "date 2026-03-14\n"
    "- 08:10Tram line to the airport opens a week early\n"
    "- 09:45Council votes to keep the night buses running\n"
    "- 11:30Storm warning lifted for the northern coast\n"
    "Harbour ferry returns after winter repairs\n"
    "The Kettleby harbour ferry carried its first passengers in four months "
    "on Saturday, after engineers replaced both of its engines.\n"
    "The ferry links the old town with the island villages, and about 2,000 "
    "people a day used it before the repairs began in November.\n"
    "During the closure islanders took a replacement bus that added forty "
    "minutes to every crossing of the bay.\n"
    "The ferry operator said the new engines burn a third less fuel and are "
    "quieter for the people who live along the quay.\n"
    "Timetables stay as they were, with the first ferry at six in the "
    "morning and the last one shortly before midnight.\n"
    "Island shopkeepers said the return of the ferry would bring back the "
    "weekend visitors they had missed all winter.\n";

static precis_doc *finished(void)
{
    precis_status st;
    precis_doc *doc = finish_text(ctx, article, sizeof article - 1, &st);
    if (!doc)
        fail_msg("finish: %s (%s)", precis_strerror(st),
                 precis_ctx_errmsg(ctx));
    return doc;
}

/* One pointer the document handed out and a copy of what it showed. */
typedef struct held {
    const char *p;
    size_t len;
    char copy[256];
} held;

static size_t hold(held *h, size_t n, const char *p, size_t len)
{
    assert_non_null(p);
    assert_true(len < sizeof h[n].copy);
    h[n].p = p;
    h[n].len = len;
    memcpy(h[n].copy, p, len);
    return n + 1;
}

static void test_pointers_outlive_summaries(void **state)
{
    (void)state;
    precis_doc *doc = finished();
    precis_options opt = precis_options_default();
    assert_int_equal(precis_doc_summarize(doc, &opt), PRECIS_OK);

    held h[64];
    size_t n = 0, len;
    const char *title = precis_doc_title(doc, &len);
    n = hold(h, n, title, len);
    assert_memory_equal(title, "Harbour ferry", 13);
    n = hold(h, n, precis_doc_date(doc), 11); /* with its NUL */
    assert_int_equal(precis_doc_headline_count(doc), 3);
    for (size_t i = 0; i < 3; i++) {
        precis_headline hl;
        assert_int_equal(precis_doc_headline(doc, i, &hl), PRECIS_OK);
        n = hold(h, n, hl.time, hl.time_len);
        n = hold(h, n, hl.text, hl.len);
    }
    for (size_t i = 0; i < precis_doc_sentence_count(doc); i++) {
        precis_sentence s;
        assert_int_equal(precis_doc_sentence(doc, i, &s), PRECIS_OK);
        n = hold(h, n, s.text, s.len);
    }
    size_t nk = precis_doc_keyword_count(doc);
    assert_true(nk > 0);
    for (size_t i = 0; i < nk; i++) {
        const char *k;
        assert_int_equal(precis_doc_keyword(doc, i, &k, &len), PRECIS_OK);
        n = hold(h, n, k, len);
    }

    /* Again with other options, twice: more keywords, another algorithm,
     * another budget. Nothing handed out moves or changes. */
    precis_options other[2] = {opt, opt};
    other[0].algorithm = PRECIS_ALGO_TEXTRANK;
    other[0].sentences = 1;
    other[0].keywords = 40;
    other[1].algorithm = PRECIS_ALGO_LEXRANK;
    other[1].sentences = 0;
    other[1].ratio = 1.0;
    other[1].keywords = 2;
    for (int round = 0; round < 2; round++) {
        assert_int_equal(precis_doc_summarize(doc, &other[round]), PRECIS_OK);
        assert_true(precis_doc_keyword_count(doc) <= other[round].keywords);
        for (size_t i = 0; i < n; i++)
            assert_memory_equal(h[i].p, h[i].copy, h[i].len);
    }
    /* The first keywords are the same phrases, at the same place. */
    const char *k;
    assert_int_equal(precis_doc_keyword(doc, 0, &k, &len), PRECIS_OK);
    assert_ptr_equal(k, h[n - nk].p);
    precis_doc_free(doc);
}

/* The ASan reproduction of the bug this guards against: a headline held
 * across a re-summarise that asks for key phrases. */
static void test_headline_across_resummarise(void **state)
{
    (void)state;
    precis_doc *doc = finished();
    precis_options opt = precis_options_default();
    assert_int_equal(precis_doc_summarize(doc, &opt), PRECIS_OK);
    precis_headline hl;
    assert_int_equal(precis_doc_headline(doc, 0, &hl), PRECIS_OK);
    opt.keywords = 1000;
    assert_int_equal(precis_doc_summarize(doc, &opt), PRECIS_OK);
    assert_true(precis_doc_keyword_count(doc) > 0);
    assert_memory_equal(hl.text, "Tram line to the airport", 24);
    precis_doc_free(doc);
}

static void test_memory_does_not_grow(void **state)
{
    (void)state;
    precis_doc *doc = finished();
    precis_options a = precis_options_default();
    precis_options b = a;
    b.algorithm = PRECIS_ALGO_LEXRANK;
    b.sentences = 5;
    assert_int_equal(precis_doc_summarize(doc, &a), PRECIS_OK);
    assert_true(precis_doc_keyword_count(doc) > 0);
    size_t mem = arena_size(&doc->mem);
    size_t work_a = arena_size(&doc->work);
    assert_int_equal(precis_doc_summarize(doc, &b), PRECIS_OK);
    size_t work_b = arena_size(&doc->work);
    for (int round = 0; round < 50; round++) {
        assert_int_equal(precis_doc_summarize(doc, round % 2 ? &b : &a),
                         PRECIS_OK);
        assert_true(precis_doc_keyword_count(doc) > 0);
        assert_int_equal(arena_size(&doc->mem), mem);
        assert_int_equal(arena_size(&doc->work), round % 2 ? work_b : work_a);
    }
    assert_true(doc->meta.len < 200);
    precis_doc_free(doc);
}

static void test_keywords_found_when_asked(void **state)
{
    (void)state;
    precis_doc *doc = finished();
    precis_options opt = precis_options_default();
    assert_int_equal(precis_doc_keyword_count(doc), 0); /* before summarize */
    assert_int_equal(precis_doc_summarize(doc, &opt), PRECIS_OK);
    assert_false(doc->keywords_done);
    assert_true(precis_doc_keyword_count(doc) > 0);
    assert_true(doc->keywords_done);
    opt.keywords = 0;
    assert_int_equal(precis_doc_summarize(doc, &opt), PRECIS_OK);
    assert_int_equal(precis_doc_keyword_count(doc), 0);
    precis_doc_free(doc);
}

static void test_max_input_while_feeding(void **state)
{
    (void)state;
    precis_doc *doc = precis_doc_new(ctx);
    assert_int_equal(precis_doc_set_max_input(doc, 100), PRECIS_OK);
    assert_int_equal(precis_doc_feed(doc, article, 60), PRECIS_OK);
    assert_int_equal(precis_doc_feed(doc, article + 60, 40), PRECIS_OK);
    /* The 101st byte is refused as it is fed, not at finish. */
    assert_int_equal(precis_doc_feed(doc, article + 100, 1), PRECIS_ETOOBIG);
    assert_non_null(strstr(precis_ctx_errmsg(ctx), "100 bytes"));
    assert_int_equal(doc->input.len, 0); /* what was fed is freed */
    assert_int_equal(precis_doc_feed(doc, "x", 1), PRECIS_ESTATE);
    assert_int_equal(precis_doc_finish(doc, NULL), PRECIS_ESTATE);
    precis_doc_free(doc);

    doc = precis_doc_new(ctx);
    assert_int_equal(precis_doc_feed(doc, article, 50), PRECIS_OK);
    assert_int_equal(precis_doc_set_max_input(doc, 10), PRECIS_EINVAL);
    assert_int_equal(precis_doc_set_max_input(doc, 0), PRECIS_OK);
    assert_int_equal(precis_doc_feed(doc, NULL, 1), PRECIS_EINVAL);
    assert_int_equal(precis_doc_feed(doc, NULL, 0), PRECIS_OK);
    precis_doc_free(doc);
}

static void test_setters_check_state(void **state)
{
    (void)state;
    precis_doc *doc = finished();
    assert_int_equal(precis_doc_set_title(doc, "T", 1), PRECIS_ESTATE);
    assert_int_equal(precis_doc_set_date(doc, "2026-01-01"), PRECIS_ESTATE);
    assert_int_equal(precis_doc_set_language(doc, "en"), PRECIS_ESTATE);
    assert_int_equal(precis_doc_set_max_input(doc, 10), PRECIS_ESTATE);
    assert_int_equal(precis_doc_feed(doc, "x", 1), PRECIS_ESTATE);
    assert_int_equal(precis_doc_finish(doc, NULL), PRECIS_ESTATE);
    assert_string_equal(precis_doc_date(doc), "2026-03-14");
    precis_doc_free(doc);
}

/* Every read past its count: PRECIS_EINVAL, outputs alone, a message. */
static void test_out_of_range_reads(void **state)
{
    (void)state;
    precis_doc *doc = finished();
    assert_int_equal(precis_doc_summarize(doc, NULL), PRECIS_OK);
    precis_sentence s = {.len = 7};
    precis_headline hl = {.len = 7};
    const char *k = "untouched";
    size_t len = 7;
    assert_int_equal(precis_doc_sentence(doc, 99, &s), PRECIS_EINVAL);
    assert_int_equal(s.len, 7);
    assert_non_null(strstr(precis_ctx_errmsg(ctx), "sentence 99"));
    assert_int_equal(
        precis_doc_summary_sentence(doc, precis_doc_summary_count(doc), &s),
        PRECIS_EINVAL);
    assert_int_equal(s.len, 7);
    assert_int_equal(precis_doc_headline(doc, 3, &hl), PRECIS_EINVAL);
    assert_int_equal(hl.len, 7);
    assert_int_equal(
        precis_doc_keyword(doc, precis_doc_keyword_count(doc), &k, &len),
        PRECIS_EINVAL);
    assert_string_equal(k, "untouched");
    assert_int_equal(len, 7);
    assert_non_null(strstr(precis_ctx_errmsg(ctx), "keyword"));
    /* The summary's sentences say which body sentences they are. */
    for (size_t i = 0; i < precis_doc_summary_count(doc); i++) {
        precis_sentence body;
        assert_int_equal(precis_doc_summary_sentence(doc, i, &s), PRECIS_OK);
        assert_int_equal(precis_doc_sentence(doc, s.index, &body), PRECIS_OK);
        assert_ptr_equal(body.text, s.text);
    }
    precis_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pointers_outlive_summaries),
        cmocka_unit_test(test_headline_across_resummarise),
        cmocka_unit_test(test_memory_does_not_grow),
        cmocka_unit_test(test_keywords_found_when_asked),
        cmocka_unit_test(test_max_input_while_feeding),
        cmocka_unit_test(test_setters_check_state),
        cmocka_unit_test(test_out_of_range_reads),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
