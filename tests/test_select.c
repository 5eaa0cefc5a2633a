/* Unit tests: budgets and order of the summary (src/score/select.c). */
#include "test_util.h"

static precis_ctx *ctx;
static precis_doc *doc;

/* Eight sentences about one story, of known lengths, plus a heading line
 * and a fragment that must never be chosen. */
static const char article[] =
    "Election results\n"
    "Voters in the river valley chose a new council on Sunday.\n"
    "The new council has nine members from four parties.\n"
    "Turnout in the valley was the highest in twenty years.\n"
    "The river party won four of the nine council seats.\n"
    "Its leader promised cheaper buses for the valley.\n"
    "Two parties lost seats on the council.\n"
    "Counting took longer than usual because of the high turnout.\n"
    "The council meets for the first time next week.\n"
    "Photo: staff\n";

static int setup(void **state)
{
    (void)state;
    precis_status st;
    ctx = precis_ctx_new("english", NULL, &st);
    doc = finish_text(ctx, article, sizeof article - 1, &st);
    return doc ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    precis_doc_free(doc);
    precis_ctx_free(ctx);
    return 0;
}

static size_t summary_words(void)
{
    size_t words = 0;
    for (size_t k = 0; k < precis_doc_summary_count(doc); k++) {
        precis_sentence s;
        assert_int_equal(precis_doc_summary_sentence(doc, k, &s), PRECIS_OK);
        words += s.words;
    }
    return words;
}

static void assert_document_order_and_candidates(void)
{
    size_t n = precis_doc_summary_count(doc);
    for (size_t k = 0; k < n; k++) {
        precis_sentence s, prev;
        assert_int_equal(precis_doc_summary_sentence(doc, k, &s), PRECIS_OK);
        if (k) {
            assert_int_equal(precis_doc_summary_sentence(doc, k - 1, &prev),
                             PRECIS_OK);
            assert_true(s.index > prev.index);
        }
        /* Neither the heading nor the photo credit is ever chosen. */
        assert_false(s.len == 16 && memcmp(s.text, "Election results", 16) == 0);
        assert_false(memcmp(s.text, "Photo:", 6) == 0);
    }
}

static void test_sentence_budget(void **state)
{
    (void)state;
    precis_options opt = precis_options_default();
    for (size_t n = 1; n <= 8; n++) {
        opt.sentences = n;
        assert_int_equal(precis_doc_summarize(doc, &opt), PRECIS_OK);
        assert_int_equal(precis_doc_summary_count(doc), n);
        assert_document_order_and_candidates();
    }
    /* More than there are: all eight candidate sentences. */
    opt.sentences = 50;
    precis_doc_summarize(doc, &opt);
    assert_int_equal(precis_doc_summary_count(doc), 8);
}

static void test_word_budget(void **state)
{
    (void)state;
    precis_options opt = precis_options_default();
    size_t budgets[] = {25, 30, 40, 60};
    for (size_t k = 0; k < 4; k++) {
        opt.words = budgets[k];
        assert_int_equal(precis_doc_summarize(doc, &opt), PRECIS_OK);
        assert_true(precis_doc_summary_count(doc) >= 1);
        assert_true(summary_words() <= budgets[k]);
        assert_document_order_and_candidates();
    }
    /* A budget smaller than any sentence still yields the best one. */
    opt.words = 1;
    precis_doc_summarize(doc, &opt);
    assert_int_equal(precis_doc_summary_count(doc), 1);
}

static void test_ratio_budget(void **state)
{
    (void)state;
    precis_options opt = precis_options_default();
    opt.ratio = 0.25; /* of 8 candidates: 2 */
    precis_doc_summarize(doc, &opt);
    assert_int_equal(precis_doc_summary_count(doc), 2);
    opt.ratio = 0.3; /* 2.4 rounds up to 3 */
    precis_doc_summarize(doc, &opt);
    assert_int_equal(precis_doc_summary_count(doc), 3);
    opt.ratio = 0.01; /* never less than one */
    precis_doc_summarize(doc, &opt);
    assert_int_equal(precis_doc_summary_count(doc), 1);
    opt.ratio = 1.0;
    precis_doc_summarize(doc, &opt);
    assert_int_equal(precis_doc_summary_count(doc), 8);
}

/* Short sentences ("Prices rose sharply.") are sentences: chosen after
 * every whole sentence, so -r 1 gives all and -n N gives all N of an
 * N-sentence text; a budget that whole sentences fill leaves them out. */
static void test_short_sentences_fill_the_budget(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Prices rose sharply. The central bank said inflation reached its "
        "highest level in a decade. Economists expect further increases "
        "next month.\n",
        "The storm knocked out power to thousands of homes overnight. Crews "
        "worked until dawn. Schools stay shut.\n",
        "It rained. Then it snowed. Roads closed.\n",
    };
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        precis_status st;
        precis_doc *d = finish_text(ctx, texts[t], strlen(texts[t]), &st);
        assert_non_null(d);
        size_t n = precis_doc_sentence_count(d);
        assert_int_equal(n, 3);
        precis_options opt = precis_options_default();
        opt.ratio = 1.0;
        assert_int_equal(precis_doc_summarize(d, &opt), PRECIS_OK);
        assert_int_equal(precis_doc_summary_count(d), n);
        opt = precis_options_default();
        opt.sentences = n;
        assert_int_equal(precis_doc_summarize(d, &opt), PRECIS_OK);
        assert_int_equal(precis_doc_summary_count(d), n);
        for (size_t k = 0; k < n; k++) {
            precis_sentence s;
            assert_int_equal(precis_doc_summary_sentence(d, k, &s), PRECIS_OK);
            assert_int_equal(s.index, k);
        }
        precis_doc_free(d);
    }
    /* Whole sentences come first: of the first text, -n 2 keeps the two
     * long ones. */
    precis_status st;
    precis_doc *d = finish_text(ctx, texts[0], strlen(texts[0]), &st);
    precis_options opt = precis_options_default();
    opt.sentences = 2;
    precis_doc_summarize(d, &opt);
    assert_int_equal(precis_doc_summary_count(d), 2);
    precis_sentence s0, s1;
    assert_int_equal(precis_doc_summary_sentence(d, 0, &s0), PRECIS_OK);
    assert_int_equal(precis_doc_summary_sentence(d, 1, &s1), PRECIS_OK);
    assert_int_equal(s0.index, 1);
    assert_int_equal(s1.index, 2);
    precis_doc_free(d);
}

static void test_bad_options_are_refused(void **state)
{
    (void)state;
    precis_options opt = precis_options_default();
    opt.ratio = 1.5;
    assert_int_equal(precis_doc_summarize(doc, &opt), PRECIS_EINVAL);
    opt = precis_options_default();
    opt.damping = 1.0;
    assert_int_equal(precis_doc_summarize(doc, &opt), PRECIS_EINVAL);
    opt = precis_options_default();
    opt.sentences = 0;
    assert_int_equal(precis_doc_summarize(doc, &opt), PRECIS_EINVAL);
}

static void test_render_text_writes_one_line_each(void **state)
{
    (void)state;
    precis_options opt = precis_options_default();
    opt.sentences = 3;
    precis_doc_summarize(doc, &opt);
    precis_membuf m = {0};
    precis_sink sink = precis_sink_mem(&m);
    assert_int_equal(precis_render_text(doc, &sink), PRECIS_OK);
    size_t lines = 0;
    for (size_t i = 0; i < m.len; i++)
        lines += m.data[i] == '\n';
    assert_int_equal(lines, 3);
    assert_int_equal(m.data[m.len - 1], '\n');
    precis_membuf_free(&m);
}

static void test_summarize_to_matches_the_steps(void **state)
{
    (void)state;
    precis_membuf a = {0}, b = {0};
    precis_sink sa = precis_sink_mem(&a), sb = precis_sink_mem(&b);
    assert_int_equal(precis_summarize_to(ctx, article, sizeof article - 1,
                                         NULL, &sa),
                     PRECIS_OK);
    precis_options opt = precis_options_default();
    precis_doc_summarize(doc, &opt);
    precis_render_text(doc, &sb);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    precis_membuf_free(&a);
    precis_membuf_free(&b);
    precis_membuf_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sentence_budget),
        cmocka_unit_test(test_word_budget),
        cmocka_unit_test(test_ratio_budget),
        cmocka_unit_test(test_short_sentences_fill_the_budget),
        cmocka_unit_test(test_bad_options_are_refused),
        cmocka_unit_test(test_render_text_writes_one_line_each),
        cmocka_unit_test(test_summarize_to_matches_the_steps),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
