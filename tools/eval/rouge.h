/* rouge.h: ROUGE-1, ROUGE-2 and ROUGE-L as ROUGE-1.5.5 computes them with
 * "-n 2 -m -a" (Porter stemming, no stop-word removal, F1).
 *
 * Texts are in SPL form, as the Perl script reads them: one sentence per
 * line; empty lines are ignored. What ROUGE-1.5.5 does, and this module
 * does too:
 *
 *   - tokens: ASCII letters are lower-cased, then every maximal run of
 *     [a-z0-9] bytes is a token. Everything else separates tokens, so
 *     "high-speed" is two tokens and "José" gives "jos" (the bytes of é
 *     are not letters).
 *   - stemming: Porter (libstemmer's "porter"), but only for tokens longer
 *     than three characters ("was" stays "was").
 *   - ROUGE-N: n-grams over the whole text, across sentence boundaries;
 *     hits are clipped: an n-gram counts min(candidate, reference) times.
 *   - ROUGE-L: summary-level union-LCS. For each reference sentence, the
 *     tokens on an LCS with any candidate sentence are marked; a marked
 *     token is a hit while its unigram count is left in both texts (each
 *     hit uses one up), so ROUGE-L never exceeds ROUGE-1.
 *   - P = hits / candidate count, R = hits / reference count; the script
 *     rounds P and R to 5 decimals and computes F1 from the rounded values,
 *     and so does rouge_score_texts, so that results match its printout.
 *
 * One rouge_scorer is not thread-safe; use one per thread.
 */
#ifndef PRECIS_EVAL_ROUGE_H
#define PRECIS_EVAL_ROUGE_H

#include <stddef.h>

typedef struct rouge_prf {
    double p, r, f;
} rouge_prf;

typedef struct rouge_score {
    rouge_prf r1, r2, rl;
    size_t cand_tokens; /* tokens in the candidate (its length in words) */
    size_t ref_tokens;  /* tokens in the reference */
} rouge_score;

typedef struct rouge_scorer rouge_scorer;

/** Creates a scorer (it owns a libstemmer "porter" stemmer and caches
 * stems). Returns NULL when libstemmer has no "porter" algorithm. Free it
 * with rouge_scorer_free. Aborts on out of memory. */
rouge_scorer *rouge_scorer_new(void);

/** Frees s. NULL is a no-op. */
void rouge_scorer_free(rouge_scorer *s);

/** Scores the candidate cand[0..cand_len) against the single reference
 * ref[0..ref_len), both SPL text (one sentence per line), into *out.
 * Either text may be empty (its scores are then 0). The texts stay owned
 * by the caller and need not be NUL-terminated. */
void rouge_score_texts(rouge_scorer *s, const char *cand, size_t cand_len,
                       const char *ref, size_t ref_len, rouge_score *out);

/** The tokens of text[0..len) as ROUGE sees them (lower-cased, stemmed
 * when longer than three characters), joined by single spaces; sentences
 * are not marked. Returns a malloc'd NUL-terminated string the caller
 * frees. For tests and debugging. */
char *rouge_tokens_string(rouge_scorer *s, const char *text, size_t len);

#endif
