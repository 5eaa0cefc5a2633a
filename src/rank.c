/* rank.c: TextRank (Mihalcea & Tarau 2004) over the sentences.
 *
 * Similarity is the number of shared terms over log|Si| + log|Sj|. The
 * graph is built from an inverted index, so only sentence pairs that share
 * a term are ever compared; PageRank then runs on the sparse graph. */
#include "rank.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "internal.h"

unsigned pagerank(const graph *g, double d, double tol, unsigned max_iter,
                  const double *personal, double *out)
{
    size_t n = g->n;
    if (n == 0)
        return 0;
    double *p = precis__malloc(n * sizeof *p);
    double *out_w = precis__calloc(n, sizeof *out_w);
    double *next = precis__malloc(n * sizeof *next);
    double psum = 0.0;
    for (size_t i = 0; i < n; i++)
        psum += personal ? personal[i] : 1.0;
    for (size_t i = 0; i < n; i++)
        p[i] = psum > 0.0 ? (personal ? personal[i] : 1.0) / psum
                          : 1.0 / (double)n;
    for (size_t i = 0; i < n; i++) {
        for (size_t e = g->row[i]; e < g->row[i + 1]; e++)
            out_w[i] += g->w[e];
        out[i] = p[i];
    }
    unsigned it = 0;
    while (it < max_iter) {
        it++;
        double dangling = 0.0;
        for (size_t i = 0; i < n; i++)
            if (out_w[i] <= 0.0)
                dangling += out[i];
        for (size_t i = 0; i < n; i++)
            next[i] = ((1.0 - d) + d * dangling) * p[i];
        /* Push each node's rank along its edges; the graph is stored by
         * source, so this is a scatter over row i. */
        for (size_t i = 0; i < n; i++) {
            if (out_w[i] <= 0.0)
                continue;
            double share = d * out[i] / out_w[i];
            for (size_t e = g->row[i]; e < g->row[i + 1]; e++)
                next[g->col[e]] += share * g->w[e];
        }
        double change = 0.0;
        for (size_t i = 0; i < n; i++) {
            change += fabs(next[i] - out[i]);
            out[i] = next[i];
        }
        if (change < tol)
            break;
    }
    free(p);
    free(out_w);
    free(next);
    return it;
}

/* ==== Graph construction ==== */

typedef struct edge_list {
    uint32_t *a, *b;
    double *w;
    size_t n, cap;
} edge_list;

static void edge_add(edge_list *el, uint32_t a, uint32_t b, double w)
{
    if (el->n == el->cap) {
        el->cap = el->cap ? el->cap * 2 : 256;
        el->a = precis__reallocarray(el->a, el->cap, sizeof *el->a);
        el->b = precis__reallocarray(el->b, el->cap, sizeof *el->b);
        el->w = precis__reallocarray(el->w, el->cap, sizeof *el->w);
    }
    el->a[el->n] = a;
    el->b[el->n] = b;
    el->w[el->n] = w;
    el->n++;
}

static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

/* Each sentence's distinct terms, sorted: the sets the similarity counts. */
static uint32_t **unique_terms(precis_doc *doc, uint32_t *counts)
{
    uint32_t **sets = arena_array(&doc->mem, doc->n_sents, sizeof *sets);
    for (size_t i = 0; i < doc->n_sents; i++) {
        const sentence *s = &doc->sents[i];
        uint32_t *t = arena_array(&doc->mem, s->n_terms ? s->n_terms : 1,
                                  sizeof *t);
        memcpy(t, s->terms, s->n_terms * sizeof *t);
        qsort(t, s->n_terms, sizeof *t, cmp_u32);
        uint32_t k = 0;
        for (uint32_t j = 0; j < s->n_terms; j++)
            if (k == 0 || t[k - 1] != t[j])
                t[k++] = t[j];
        sets[i] = t;
        counts[i] = k;
    }
    return sets;
}

/* Builds the Mihalcea-Tarau similarity graph into g (arena memory). */
static void build_textrank_graph(precis_doc *doc, graph *g)
{
    size_t n = doc->n_sents, nt = doc->n_terms;
    uint32_t *counts = arena_array(&doc->mem, n, sizeof *counts);
    uint32_t **sets = unique_terms(doc, counts);

    /* Inverted index: for each term, the sentences that hold it, in order. */
    size_t *post_start = arena_array(&doc->mem, nt + 1, sizeof *post_start);
    for (size_t i = 0; i < n; i++)
        for (uint32_t k = 0; k < counts[i]; k++)
            post_start[sets[i][k] + 1]++;
    for (size_t t = 0; t < nt; t++)
        post_start[t + 1] += post_start[t];
    uint32_t *post = arena_array(&doc->mem, post_start[nt] ? post_start[nt] : 1,
                                 sizeof *post);
    size_t *fill = arena_array(&doc->mem, nt ? nt : 1, sizeof *fill);
    for (size_t i = 0; i < n; i++)
        for (uint32_t k = 0; k < counts[i]; k++) {
            uint32_t t = sets[i][k];
            post[post_start[t] + fill[t]++] = (uint32_t)i;
        }

    /* Shared-term counts for every pair (i, j > i) that shares a term. */
    uint32_t *overlap = precis__calloc(n, sizeof *overlap);
    uint32_t *touched = precis__malloc(n * sizeof *touched);
    edge_list el = {0};
    for (size_t i = 0; i < n; i++) {
        size_t n_touched = 0;
        for (uint32_t k = 0; k < counts[i]; k++) {
            uint32_t t = sets[i][k];
            for (size_t e = post_start[t]; e < post_start[t + 1]; e++) {
                uint32_t j = post[e];
                if (j <= i)
                    continue;
                if (overlap[j]++ == 0)
                    touched[n_touched++] = j;
            }
        }
        qsort(touched, n_touched, sizeof *touched, cmp_u32);
        for (size_t k = 0; k < n_touched; k++) {
            uint32_t j = touched[k];
            double denom = log((double)doc->sents[i].n_terms) +
                           log((double)doc->sents[j].n_terms);
            if (denom > 0.0) {
                double w = overlap[j] / denom;
                edge_add(&el, (uint32_t)i, j, w);
            }
            overlap[j] = 0;
        }
    }
    free(overlap);
    free(touched);

    /* Both directions of each edge into CSR rows. */
    g->n = n;
    g->row = arena_array(&doc->mem, n + 1, sizeof *g->row);
    for (size_t e = 0; e < el.n; e++) {
        g->row[el.a[e] + 1]++;
        g->row[el.b[e] + 1]++;
    }
    for (size_t i = 0; i < n; i++)
        g->row[i + 1] += g->row[i];
    size_t m = g->row[n];
    g->col = arena_array(&doc->mem, m ? m : 1, sizeof *g->col);
    g->w = arena_array(&doc->mem, m ? m : 1, sizeof *g->w);
    size_t *pos = arena_array(&doc->mem, n, sizeof *pos);
    for (size_t i = 0; i < n; i++)
        pos[i] = g->row[i];
    for (size_t e = 0; e < el.n; e++) {
        size_t pa = pos[el.a[e]]++, pb = pos[el.b[e]]++;
        g->col[pa] = el.b[e];
        g->w[pa] = el.w[e];
        g->col[pb] = el.a[e];
        g->w[pb] = el.w[e];
    }
    free(el.a);
    free(el.b);
    free(el.w);
}

void rank_run(precis_doc *doc, const precis_options *opt)
{
    graph g;
    build_textrank_graph(doc, &g);
    doc->scores = arena_array(&doc->mem, doc->n_sents, sizeof *doc->scores);
    pagerank(&g, opt->damping, opt->tolerance, opt->max_iterations, NULL,
             doc->scores);
}
