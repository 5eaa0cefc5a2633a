/* Unit tests: the ROUGE module (tools/eval/rouge.c). Every text was
 * written for this test; the expected numbers were worked out by hand
 * from the rules ROUGE-1.5.5 follows (see rouge.h). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rouge.h"

/* ==== helpers ==== */

static int setup(void **state)
{
    rouge_scorer *s = rouge_scorer_new();
    if (!s)
        return -1;
    *state = s;
    return 0;
}

static int teardown(void **state)
{
    rouge_scorer_free(*state);
    return 0;
}

static void check_tokens(rouge_scorer *s, const char *text, const char *want)
{
    char *got = rouge_tokens_string(s, text, strlen(text));
    assert_string_equal(got, want);
    free(got);
}

static void score(rouge_scorer *s, const char *cand, const char *ref,
                  rouge_score *out)
{
    rouge_score_texts(s, cand, strlen(cand), ref, strlen(ref), out);
}

/* Scores are rounded to 5 decimals, as ROUGE-1.5.5 prints them, so they
 * must equal the hand-worked values almost exactly. */
static void check_prf(const char *what, const rouge_prf *got, double p,
                      double r, double f)
{
    if (fabs(got->p - p) > 1e-9 || fabs(got->r - r) > 1e-9 ||
        fabs(got->f - f) > 1e-9)
        fail_msg("%s: got P %.5f R %.5f F %.5f, want %.5f %.5f %.5f", what,
                 got->p, got->r, got->f, p, r, f);
}

/* ==== tokens ==== */

/* A hyphen separates tokens and is not a token itself. */
static void test_hyphens(void **state)
{
    check_tokens(*state, "A state-of-the-art, high-speed link",
                 "a state of the art high speed link");
}

/* Only ASCII letters count as letters: the two bytes of "é" split
 * "José" and are dropped, as in the Perl script. */
static void test_accents(void **state)
{
    check_tokens(*state, "José Mourínho's café", "jos mour nho s caf");
}

/* Porter applies only to tokens longer than three characters: "was" and
 * "has" would become "wa" and "ha" otherwise. */
static void test_stem_long_tokens_only(void **state)
{
    check_tokens(*state, "He WAS running; news has cars",
                 "he was run new has car");
}

static void test_numbers_and_punctuation(void **state)
{
    check_tokens(*state, "Profit: $1.13bn (76%) in 2004!",
                 "profit 1 13bn 76 in 2004");
    check_tokens(*state, "... !!! ---", "");
}

/* ==== ROUGE-N ==== */

/* A word repeated in the candidate earns no more than the reference
 * holds: "police" counts twice, not three times. */
static void test_clipping(void **state)
{
    rouge_score sc;
    score(*state, "Police police police said.",
          "Police said the police arrived.", &sc);
    check_prf("ROUGE-1", &sc.r1, 0.75, 0.6, 0.66667);
    /* cand: polic-polic x2, polic-said; ref: polic-said, said-the,
     * the-polic, polic-arriv. */
    check_prf("ROUGE-2", &sc.r2, 0.33333, 0.25, 0.28571);
    assert_int_equal(sc.cand_tokens, 4);
    assert_int_equal(sc.ref_tokens, 5);
}

/* Bigrams run across sentence boundaries: "car blue" matches. */
static void test_bigrams_cross_sentences(void **state)
{
    rouge_score sc;
    score(*state, "Red car.\nBlue sky.", "Car blue.", &sc);
    check_prf("ROUGE-2", &sc.r2, 0.33333, 1.0, 0.5);
}

static void test_empty_texts(void **state)
{
    rouge_score sc;
    score(*state, "", "Something happened.", &sc);
    check_prf("ROUGE-1", &sc.r1, 0, 0, 0);
    check_prf("ROUGE-L", &sc.rl, 0, 0, 0);
    score(*state, "Something happened.", "\n\n", &sc);
    check_prf("ROUGE-2", &sc.r2, 0, 0, 0);
    check_prf("ROUGE-L", &sc.rl, 0, 0, 0);
}

/* ==== ROUGE-L ==== */

/* Lin's union-LCS example, with a second reference sentence. Reference
 * sentence 1 shares "one two" with candidate sentence 1 and "one three
 * five" with sentence 2: their union holds four words (the best single
 * LCS only three). Sentence 2 shares "six seven" with candidate
 * sentence 1. Hits 6 of 7 reference and 10 candidate tokens. */
static void test_union_lcs(void **state)
{
    rouge_score sc;
    score(*state, "One two six seven eight.\nOne three eight nine five.",
          "One two three four five.\nSix seven.", &sc);
    check_prf("ROUGE-L", &sc.rl, 0.6, 0.85714, 0.70588);
}

/* "six seven" against "seven one two six eight" has two LCSs of length
 * one. ROUGE-1.5.5's traceback picks "six", which reference sentence 1
 * has already used up (the candidate has one "six"), so sentence 2 adds
 * no hit; picking "seven" would add one. Hits 3 of 5 and 5. */
static void test_lcs_ties_and_clipping(void **state)
{
    rouge_score sc;
    score(*state, "Seven one two six eight.", "One two six.\nSix seven.", &sc);
    check_prf("ROUGE-L", &sc.rl, 0.6, 0.6, 0.6);
    check_prf("ROUGE-1", &sc.r1, 0.8, 0.8, 0.8);
}

/* A candidate word matched by one reference sentence cannot be matched
 * again by the next. */
static void test_lcs_clipped_across_sentences(void **state)
{
    rouge_score sc;
    score(*state, "Cats sleep.", "Cats sleep.\nCats sleep.", &sc);
    check_prf("ROUGE-L", &sc.rl, 1.0, 0.5, 0.66667);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hyphens),
        cmocka_unit_test(test_accents),
        cmocka_unit_test(test_stem_long_tokens_only),
        cmocka_unit_test(test_numbers_and_punctuation),
        cmocka_unit_test(test_clipping),
        cmocka_unit_test(test_bigrams_cross_sentences),
        cmocka_unit_test(test_empty_texts),
        cmocka_unit_test(test_union_lcs),
        cmocka_unit_test(test_lcs_ties_and_clipping),
        cmocka_unit_test(test_lcs_clipped_across_sentences),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
