/* select.c: scores + budget -> the summary, in document order.
 *
 * Candidates are the sentences a reader would accept on their own: ones
 * that end with terminal punctuation and have a few words. Headings,
 * list entries and link lines rank in the graph but are not chosen, unless
 * the article has nothing else. */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "internal.h"

/* Fewer words than this and a "sentence" is a fragment. */
#define MIN_WORDS 4

typedef struct ranked {
    size_t index;
    double score;
} ranked;

/* Higher score first; the earlier sentence wins a tie, so results never
 * depend on qsort's order. */
static int by_score(const void *x, const void *y)
{
    const ranked *a = x, *b = y;
    if (a->score != b->score)
        return a->score < b->score ? 1 : -1;
    return (a->index > b->index) - (a->index < b->index);
}

static int by_index(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return (a > b) - (a < b);
}

static bool is_candidate(const sentence *s)
{
    return s->terminal && s->words >= MIN_WORDS;
}

void select_run(precis_doc *doc, const precis_options *opt)
{
    size_t n = doc->n_sents, n_cand = 0;
    for (size_t i = 0; i < n; i++)
        n_cand += is_candidate(&doc->sents[i]);
    bool all = n_cand == 0;
    if (all)
        n_cand = n;
    ranked *order = precis__malloc(n_cand * sizeof *order);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (all || is_candidate(&doc->sents[i]))
            order[k++] = (ranked){i, doc->scores[i]};
    qsort(order, n_cand, sizeof *order, by_score);

    doc->summary = arena_array(&doc->mem, n_cand, sizeof *doc->summary);
    doc->n_summary = 0;
    if (opt->words) {
        /* Best first while the words fit; the best one always goes in. */
        size_t used = 0;
        for (size_t r = 0; r < n_cand; r++) {
            size_t w = doc->sents[order[r].index].words;
            if (doc->n_summary > 0 && used + w > opt->words)
                continue;
            doc->summary[doc->n_summary++] = order[r].index;
            used += w;
            if (used >= opt->words)
                break;
        }
    } else {
        size_t want = opt->sentences;
        if (opt->ratio > 0.0) {
            double x = ceil(opt->ratio * (double)n_cand);
            want = x < 1.0 ? 1 : (size_t)x;
        }
        if (want > n_cand)
            want = n_cand;
        for (size_t r = 0; r < want; r++)
            doc->summary[doc->n_summary++] = order[r].index;
    }
    free(order);
    qsort(doc->summary, doc->n_summary, sizeof *doc->summary, by_index);
}
