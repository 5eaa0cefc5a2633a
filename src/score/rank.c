/* rank.c: sentence scores.
 *
 * Three algorithms share one sparse graph builder (an inverted index, so
 * only sentence pairs that share a term are ever compared) and one
 * PageRank:
 *
 *   textrank  Mihalcea & Tarau 2004: shared terms over log|Si| + log|Sj|.
 *   lexrank   Erkan & Radev 2004: tf-idf cosine, edges from 0.1, weighted.
 *   precis    news-aware: a lead prior, TextRank centrality over tf-idf
 *             cosine personalised towards the lead, closeness to the
 *             document's centroid and to the title, and a penalty for
 *             fragments. Selection then adds MMR (select.c). */
#include "score/rank.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "internal.h"
#include "util/sort.h"
#include "score/vector.h"

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

/* How a pair's dot product becomes an edge weight. */
enum edge_kind {
    EDGE_OVERLAP, /* binary vectors: shared terms / (log|Si| + log|Sj|) */
    EDGE_COSINE   /* unit vectors: the cosine itself, from a threshold */
};

/* Documents with more sentences than this get a sparse graph: each
 * sentence keeps only its strongest SPARSE_EDGES neighbours, and terms held
 * by more than a sentence in SPARSE_COMMON are left out of the comparison
 * (they join everything to everything and decide nothing). Below it the
 * graph is exact, as the published algorithms define it. */
#define SPARSE_FROM 1000
#define SPARSE_EDGES 20
#define SPARSE_COMMON 100

typedef struct scored_edge {
    uint32_t j;
    double w;
} scored_edge;

static int by_weight_desc(const void *x, const void *y)
{
    const scored_edge *a = x, *b = y;
    if (a->w != b->w)
        return a->w < b->w ? 1 : -1;
    return (a->j > b->j) - (a->j < b->j);
}

typedef struct keyed_edge {
    uint64_t key; /* a << 32 | b */
    double w;
} keyed_edge;

#define KEY_LESS(x, y) ((x).key < (y).key)
SORT_DEFINE(sort_keyed_edges, keyed_edge, KEY_LESS)

/* Sorts the edges by (a, b) and keeps one of each: an edge chosen from
 * both of its ends appears twice, with the same weight. */
static void dedupe_edges(edge_list *el)
{
    keyed_edge *k = precis__malloc((el->n ? el->n : 1) * sizeof *k);
    for (size_t e = 0; e < el->n; e++)
        k[e] = (keyed_edge){(uint64_t)el->a[e] << 32 | el->b[e], el->w[e]};
    sort_keyed_edges(k, el->n);
    size_t m = 0;
    for (size_t e = 0; e < el->n; e++) {
        if (m > 0 && k[e].key == k[m - 1].key)
            continue;
        k[m++] = k[e];
    }
    for (size_t e = 0; e < m; e++) {
        el->a[e] = (uint32_t)(k[e].key >> 32);
        el->b[e] = (uint32_t)k[e].key;
        el->w[e] = k[e].w;
    }
    el->n = m;
    free(k);
}

/* The weight of the edge between sentences i and j from their dot
 * product, or 0 for no edge. */
static double edge_weight(const precis_doc *doc, enum edge_kind kind,
                          double threshold, uint32_t i, uint32_t j, double dot)
{
    if (kind == EDGE_OVERLAP) {
        double denom = log((double)doc->sents[i].n_terms) +
                       log((double)doc->sents[j].n_terms);
        return denom > 0.0 ? dot / denom : 0.0;
    }
    return dot >= threshold ? dot : 0.0;
}

/* Builds an undirected graph over doc's sentences into g (arena memory):
 * the dot products of the pairs that share a term, made into weights. */
static void build_graph(precis_doc *doc, const svec *v, enum edge_kind kind,
                        double threshold, graph *g)
{
    size_t n = doc->n_sents, nt = doc->n_terms;
    bool sparse = n > SPARSE_FROM;
    size_t common = sparse ? SPARSE_COMMON : n;

    /* Inverted index: for each term, the sentences that hold it (in order)
     * and the term's weight there. */
    size_t *post_start = arena_array(&doc->work, nt + 1, sizeof *post_start);
    for (size_t i = 0; i < n; i++)
        for (uint32_t k = 0; k < v[i].n; k++)
            post_start[v[i].ids[k] + 1]++;
    for (size_t t = 0; t < nt; t++)
        post_start[t + 1] += post_start[t];
    size_t total = post_start[nt] ? post_start[nt] : 1;
    uint32_t *post = arena_array(&doc->work, total, sizeof *post);
    float *post_w = arena_array(&doc->work, total, sizeof *post_w);
    size_t *fill = arena_array(&doc->work, nt ? nt : 1, sizeof *fill);
    for (size_t i = 0; i < n; i++)
        for (uint32_t k = 0; k < v[i].n; k++) {
            uint32_t t = v[i].ids[k];
            size_t at = post_start[t] + fill[t]++;
            post[at] = (uint32_t)i;
            post_w[at] = v[i].w[k];
        }

    /* Dot products: exact mode with every later sentence, sparse mode
     * with every other sentence (to choose the strongest neighbours). */
    double *dot = precis__calloc(n ? n : 1, sizeof *dot);
    uint32_t *touched = precis__malloc((n ? n : 1) * sizeof *touched);
    scored_edge *best =
        sparse ? precis__malloc(SPARSE_EDGES * sizeof *best) : NULL;
    edge_list el = {0};
    for (size_t i = 0; i < n; i++) {
        size_t n_touched = 0;
        for (uint32_t k = 0; k < v[i].n; k++) {
            uint32_t t = v[i].ids[k];
            if (post_start[t + 1] - post_start[t] > common)
                continue;
            double wi = v[i].w[k];
            for (size_t e = post_start[t]; e < post_start[t + 1]; e++) {
                uint32_t j = post[e];
                if (j == i || (!sparse && j < i))
                    continue;
                if (dot[j] == 0.0)
                    touched[n_touched++] = j;
                dot[j] += wi * post_w[e];
            }
        }
        if (!sparse) {
            /* In sentence order, so the edge list is the same on every
             * run. */
            sort_u32(touched, n_touched);
            for (size_t k = 0; k < n_touched; k++) {
                uint32_t j = touched[k];
                double w =
                    edge_weight(doc, kind, threshold, (uint32_t)i, j, dot[j]);
                if (w > 0.0)
                    edge_add(&el, (uint32_t)i, j, w);
                dot[j] = 0.0;
            }
            continue;
        }
        /* The strongest SPARSE_EDGES neighbours, by insertion into a short
         * sorted list: linear in the candidates. */
        size_t n_best = 0;
        for (size_t k = 0; k < n_touched; k++) {
            uint32_t j = touched[k];
            double w =
                edge_weight(doc, kind, threshold, (uint32_t)i, j, dot[j]);
            dot[j] = 0.0;
            scored_edge e = {j, w};
            if (w <= 0.0 || (n_best == SPARSE_EDGES &&
                             by_weight_desc(&e, &best[n_best - 1]) >= 0))
                continue;
            size_t at = n_best < SPARSE_EDGES ? n_best++ : n_best - 1;
            while (at > 0 && by_weight_desc(&e, &best[at - 1]) < 0) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = e;
        }
        for (size_t k = 0; k < n_best; k++) {
            uint32_t j = best[k].j;
            edge_add(&el, (uint32_t)(i < j ? i : j), (uint32_t)(i < j ? j : i),
                     best[k].w);
        }
    }
    free(dot);
    free(touched);
    free(best);
    if (sparse)
        dedupe_edges(&el);

    /* Both directions of each edge into CSR rows. */
    g->n = n;
    g->row = arena_array(&doc->work, n + 1, sizeof *g->row);
    for (size_t e = 0; e < el.n; e++) {
        g->row[el.a[e] + 1]++;
        g->row[el.b[e] + 1]++;
    }
    for (size_t i = 0; i < n; i++)
        g->row[i + 1] += g->row[i];
    size_t m = g->row[n];
    g->col = arena_array(&doc->work, m ? m : 1, sizeof *g->col);
    g->w = arena_array(&doc->work, m ? m : 1, sizeof *g->w);
    size_t *pos = arena_array(&doc->work, n ? n : 1, sizeof *pos);
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

/* ==== The precis score ==== */

/* Whether a sentence can stand alone in a summary (select.c agrees). */
bool rank_is_candidate(const sentence *s)
{
    return s->terminal && !s->caption && s->words >= RANK_MIN_WORDS;
}

/* A sentence that opens with a quotation mark reports what someone said;
 * summaries (and news highlights) state facts in their own words. */
static bool opens_quote(const char *s, size_t len)
{
    static const char *const marks[] = {
        "\"", "\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB", "\xE2\x80\x9E", "'"};
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
        size_t n = strlen(marks[k]);
        if (len >= n && memcmp(s, marks[k], n) == 0)
            return true;
    }
    return false;
}

static void rank_precis(precis_doc *doc, const precis_options *opt)
{
    const rank_weights *rw = &doc->lang->model->weights;
    size_t n = doc->n_sents;
    svec *v = vectors_build(doc, WEIGHT_TFIDF);
    doc->vecs = v;

    /* The lead prior counts candidate sentences only: a caption or a
     * heading before the first paragraph does not push the lede down. */
    double *prior = precis__malloc((n ? n : 1) * sizeof *prior);
    size_t rank_in_lead = 0;
    for (size_t i = 0; i < n; i++) {
        if (rank_is_candidate(&doc->sents[i]))
            prior[i] = exp(-(double)rank_in_lead++ / rw->lead_decay);
        else
            prior[i] = 0.0;
    }

    graph g;
    build_graph(doc, v, EDGE_COSINE, rw->edge_threshold, &g);
    double *pr = precis__malloc((n ? n : 1) * sizeof *pr);
    pagerank(&g, rw->damping, opt->tolerance, opt->max_iterations, prior, pr);
    double pr_max = 0.0;
    for (size_t i = 0; i < n; i++)
        pr_max = pr[i] > pr_max ? pr[i] : pr_max;

    /* The centroid as a dense array: one lookup per term of a sentence,
     * where a sparse merge would walk the whole centroid each time. */
    svec centroid = vectors_centroid(doc, v, n);
    double *dense =
        precis__calloc(doc->n_terms ? doc->n_terms : 1, sizeof *dense);
    for (uint32_t k = 0; k < centroid.n; k++)
        dense[centroid.ids[k]] = centroid.w[k];
    svec title = {0};
    if (doc->title_terms.n_terms)
        title = vectors_one(doc, &doc->title_terms);

    for (size_t i = 0; i < n; i++) {
        const sentence *s = &doc->sents[i];
        double words = s->words;
        double fragment = words < 10.0 ? (10.0 - words) / 10.0 : 0.0;
        double ramble = words > 50.0 ? (words - 50.0) / 50.0 : 0.0;
        doc->scores[i] =
            rw->lead * prior[i] +
            rw->centrality * (pr_max > 0 ? pr[i] / pr_max : 0) +
            rw->centroid * svec_dot_dense(&v[i], dense) +
            rw->title * svec_dot(&v[i], &title) -
            rw->length * (fragment + ramble) -
            rw->quote * opens_quote(doc->text.data + s->off, s->len);
    }
    free(prior);
    free(pr);
    free(dense);
}

/* ==== Entry point ==== */

void rank_run(precis_doc *doc, const precis_options *opt)
{
    doc->scores = arena_array(&doc->work, doc->n_sents ? doc->n_sents : 1,
                              sizeof *doc->scores);
    doc->vecs = NULL;
    graph g;
    switch (opt->algorithm) {
    case PRECIS_ALGO_TEXTRANK: {
        svec *v = vectors_build(doc, WEIGHT_BINARY);
        build_graph(doc, v, EDGE_OVERLAP, 0.0, &g);
        pagerank(&g, opt->damping, opt->tolerance, opt->max_iterations, NULL,
                 doc->scores);
        break;
    }
    case PRECIS_ALGO_LEXRANK: {
        svec *v = vectors_build(doc, WEIGHT_TFIDF);
        build_graph(doc, v, EDGE_COSINE, 0.1, &g);
        pagerank(&g, opt->damping, opt->tolerance, opt->max_iterations, NULL,
                 doc->scores);
        break;
    }
    case PRECIS_ALGO_PRECIS:
        rank_precis(doc, opt);
        break;
    }
}
