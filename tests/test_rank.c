/* Unit tests: PageRank on graphs small enough to solve by hand, and
 * TextRank on a document (src/score/rank.c). */
#include "test_util.h"

#include "internal.h"
#include "score/rank.h"

/* The path A - B - C with unit weights, d = 0.85, uniform teleport.
 * By symmetry r_A = r_C = x and r_B = y, with
 *   x = 0.05 + 0.85 * y / 2
 *   y = 0.05 + 0.85 * 2x
 * so x = 0.07125 / 0.2775 = 0.256757 and y = 0.486486. */
static void test_path_graph_by_hand(void **state)
{
    (void)state;
    size_t row[] = {0, 1, 3, 4};
    uint32_t col[] = {1, 0, 2, 1};
    double w[] = {1, 1, 1, 1};
    graph g = {3, row, col, w};
    double r[3];
    unsigned it = pagerank(&g, 0.85, 1e-12, 1000, NULL, r);
    assert_true(it > 1 && it < 1000);
    assert_float_equal(r[0], 0.07125 / 0.2775, 1e-9);
    assert_float_equal(r[1], 0.05 + 1.7 * 0.07125 / 0.2775, 1e-9);
    assert_float_equal(r[2], r[0], 1e-12);
    assert_float_equal(r[0] + r[1] + r[2], 1.0, 1e-12);
}

/* A weighted star: B is joined to A with weight 3 and to C with weight 1.
 *   a = 0.05 + 0.85 * b * 3/4
 *   c = 0.05 + 0.85 * b * 1/4
 *   b = 0.05 + 0.85 * (a + c)
 * b = 0.05 + 0.85 * (0.1 + 0.85 b) gives b = 0.135 / 0.2775. */
static void test_weighted_star_by_hand(void **state)
{
    (void)state;
    size_t row[] = {0, 1, 3, 4};
    uint32_t col[] = {1, 0, 2, 1};
    double w[] = {3, 3, 1, 1};
    graph g = {3, row, col, w};
    double r[3];
    pagerank(&g, 0.85, 1e-12, 1000, NULL, r);
    double b = 0.135 / 0.2775;
    assert_float_equal(r[1], b, 1e-9);
    assert_float_equal(r[0], 0.05 + 0.85 * b * 0.75, 1e-9);
    assert_float_equal(r[2], 0.05 + 0.85 * b * 0.25, 1e-9);
}

/* Nodes without edges hand their rank to the teleport vector; with no
 * edges at all every node keeps its teleport share. */
static void test_edgeless_graph_keeps_teleport(void **state)
{
    (void)state;
    size_t row[] = {0, 0, 0, 0};
    graph g = {3, row, NULL, NULL};
    double r[3];
    pagerank(&g, 0.85, 1e-12, 1000, NULL, r);
    for (int i = 0; i < 3; i++)
        assert_float_equal(r[i], 1.0 / 3.0, 1e-12);
    double personal[] = {2, 1, 1};
    pagerank(&g, 0.85, 1e-12, 1000, personal, r);
    assert_float_equal(r[0], 0.5, 1e-12);
    assert_float_equal(r[1], 0.25, 1e-12);
}

/* The iteration cap is honoured. */
static void test_iteration_cap(void **state)
{
    (void)state;
    size_t row[] = {0, 1, 3, 4};
    uint32_t col[] = {1, 0, 2, 1};
    double w[] = {1, 1, 1, 1};
    graph g = {3, row, col, w};
    double r[3];
    assert_int_equal(pagerank(&g, 0.85, 1e-300, 7, NULL, r), 7);
}

/* On a document, the sentence that shares words with all the others is
 * the most central, and equal scores go to the earlier sentence. */
static void test_textrank_prefers_the_central_sentence(void **state)
{
    (void)state;
    precis_status st;
    precis_ctx *ctx = precis_ctx_new("en", NULL, &st);
    const char *text =
        "Farmers protested about grain prices in the capital.\n"
        "Bakers complained that flour costs doubled this spring.\n"
        "Farmers, bakers and millers all blame grain and flour prices.\n"
        "Millers said flour supplies remain tight.\n";
    precis_doc *doc = finish_text(ctx, text, strlen(text), &st);
    assert_non_null(doc);
    precis_options opt = precis_options_default();
    opt.sentences = 1;
    opt.algorithm = PRECIS_ALGO_TEXTRANK;
    assert_int_equal(precis_doc_summarize(doc, &opt), PRECIS_OK);
    assert_int_equal(precis_doc_summary_count(doc), 1);
    precis_sentence s0;
    assert_int_equal(precis_doc_summary_sentence(doc, 0, &s0), PRECIS_OK);
    assert_int_equal(s0.index, 2);
    /* LexRank agrees on this one. */
    opt.algorithm = PRECIS_ALGO_LEXRANK;
    assert_int_equal(precis_doc_summarize(doc, &opt), PRECIS_OK);
    assert_int_equal(precis_doc_summary_sentence(doc, 0, &s0), PRECIS_OK);
    assert_int_equal(s0.index, 2);
    double sum = 0.0;
    for (size_t i = 0; i < precis_doc_sentence_count(doc); i++) {
        precis_sentence s;
        precis_doc_sentence(doc, i, &s);
        sum += s.score;
    }
    assert_float_equal(sum, 1.0, 1e-9);
    precis_doc_free(doc);
    precis_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_path_graph_by_hand),
        cmocka_unit_test(test_weighted_star_by_hand),
        cmocka_unit_test(test_edgeless_graph_keeps_teleport),
        cmocka_unit_test(test_iteration_cap),
        cmocka_unit_test(test_textrank_prefers_the_central_sentence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
