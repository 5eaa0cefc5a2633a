/* select.c: scores + budget -> the summary, in document order.
 *
 * Candidates (rank_is_candidate: whole sentences, no fragments) are
 * chosen first. A short sentence ("Prices rose.": terminal punctuation,
 * fewer than RANK_MIN_WORDS words) is a sentence too, but one that
 * rarely says much: it is chosen only once every whole sentence is in the
 * summary and the budget asks for more, so -r 1 gives every sentence and
 * -n N gives all N sentences of an N-sentence text. When an article has
 * neither, any sentence may be chosen (headings, captions). With the precis
 * algorithm the choice is MMR (Carbonell & Goldstein 1998): each next sentence
 * maximises lambda * relevance - (1 - lambda) * its closest similarity to
 * what is already chosen, so a summary does not say one thing twice. */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "internal.h"
#include "score/vector.h"

/* MMR for at most this many sentences; beyond, ranking by score alone
 * keeps selection linear. */
#define MMR_MAX_PICKS 100

typedef struct pick {
    size_t index;
    double score; /* relevance, scaled to 0..1 among the candidates */
    double worst; /* the highest similarity to a chosen sentence so far */
    bool taken;
    bool is_short; /* a short sentence: only after every whole one */
} pick;

/* Picks the next sentence: the best by MMR value, ties to the earlier
 * sentence, short sentences only when allow_short; NULL when none is
 * left. */
static pick *next_pick(pick *p, size_t n, double lambda, bool allow_short)
{
    pick *best = NULL;
    double best_value = 0.0;
    for (size_t k = 0; k < n; k++) {
        if (p[k].taken || (p[k].is_short && !allow_short))
            continue;
        double value = lambda * p[k].score - (1.0 - lambda) * p[k].worst;
        if (!best || value > best_value) {
            best = &p[k];
            best_value = value;
        }
    }
    return best;
}

static int by_index(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return (a > b) - (a < b);
}

/* A short sentence: it ends a sentence but is too short to be a
 * candidate (see the comment at the top). */
static bool is_short_sentence(const sentence *s)
{
    return s->terminal && s->words > 0 && !rank_is_candidate(s);
}

void select_run(precis_doc *doc, const precis_options *opt)
{
    size_t n = doc->n_sents, n_whole = 0, n_short = 0;
    for (size_t i = 0; i < n; i++) {
        n_whole += rank_is_candidate(&doc->sents[i]);
        n_short += is_short_sentence(&doc->sents[i]);
    }
    bool all = n_whole == 0 && n_short == 0;
    size_t n_cand = all ? n : n_whole + n_short;
    pick *p = precis__calloc(n_cand ? n_cand : 1, sizeof *p);
    size_t k = 0;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        const sentence *s = &doc->sents[i];
        bool whole = rank_is_candidate(s);
        if (!all && !whole && !is_short_sentence(s))
            continue;
        p[k].index = i;
        p[k].score = doc->scores[i];
        p[k].is_short = !all && !whole && n_whole > 0;
        /* Scaled among the whole sentences only, so that short ones,
         * chosen last, change nothing in how whole ones compare. */
        if (!p[k].is_short) {
            lo = fmin(lo, doc->scores[i]);
            hi = fmax(hi, doc->scores[i]);
        }
        k++;
    }
    for (k = 0; k < n_cand; k++)
        p[k].score = hi > lo ? (p[k].score - lo) / (hi - lo) : 1.0;
    /* Without vectors (textrank, lexrank) there is no MMR: lambda 1 ranks
     * by score alone. MMR costs a similarity per candidate and pick, so a
     * summary of many sentences (a ratio of a book) goes by score too. */
    const svec *v = doc->vecs;
    double lambda = v ? doc->lang->model->weights.mmr_lambda : 1.0;

    size_t want = opt->sentences;
    if (opt->ratio > 0.0) {
        double x = ceil(opt->ratio * (double)n_cand);
        want = x < 1.0 ? 1 : (size_t)x;
    }
    if (opt->words || want > n_cand)
        want = n_cand;
    if (want > MMR_MAX_PICKS && !opt->words) {
        v = NULL;
        lambda = 1.0;
    }
    doc->summary =
        arena_array(&doc->work, n_cand ? n_cand : 1, sizeof *doc->summary);
    doc->n_summary = 0;
    size_t used = 0;
    while (doc->n_summary < want) {
        /* Short sentences wait until every whole one is in (with -w,
         * whole ones that did not fit keep them out). */
        pick *best = next_pick(p, n_cand, lambda, doc->n_summary >= n_whole);
        if (!best)
            break;
        best->taken = true;
        size_t w = doc->sents[best->index].words;
        if (opt->words) {
            /* The best sentence always goes in; others only if they fit. */
            if (doc->n_summary > 0 && used + w > opt->words)
                continue;
        }
        doc->summary[doc->n_summary++] = best->index;
        used += w;
        if (opt->words && used >= opt->words)
            break;
        if (v)
            for (size_t j = 0; j < n_cand; j++)
                if (!p[j].taken)
                    p[j].worst = fmax(
                        p[j].worst, svec_dot(&v[p[j].index], &v[best->index]));
    }
    free(p);
    qsort(doc->summary, doc->n_summary, sizeof *doc->summary, by_index);
}
