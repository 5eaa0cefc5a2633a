/* group.c: articles into stories, by event rather than by topic.
 *
 * Two reports of one event share its particular words (names, places,
 * numbers, the verb of what happened); two stories on one topic share the
 * topic's words and differ in those. Three steps, each near-linear in the
 * number of articles:
 *
 *   1. candidates: an inverted index over each article's heaviest terms,
 *      each term's list cut to its heaviest postings, so that neither a
 *      word every article has nor a wire story in hundreds of outlets
 *      makes the work quadratic; a few best candidates per article by
 *      the dot product over those terms;
 *   2. edges: the exact cosine of each candidate pair, kept when it
 *      reaches the threshold;
 *   3. merging, strongest edge first, by average linkage: two groups join
 *      only when the mean cosine over all pairs of their articles reaches
 *      the threshold too, when their dates (if both have one) are
 *      within a few days, and when their leads (if both name days of the
 *      week) name one day in common. The mean needs no pairs: for unit
 *      vectors it is the dot product of the two groups' vector sums over
 *      the product of their sizes, so each check costs one merge of two
 *      sparse sums.
 *      A chain A-B-C of related events does not pull C into A's story
 *      unless C is close to A's articles on average (single linkage joins
 *      whatever touches; a centroid check is lenient too, since the
 *      centroid of a growing story keeps only its topic's words).
 *
 * Cosines are of vectors scaled up when they are short (see
 * SHORT_SCALE_MAX), so one threshold serves whole articles and feed items.
 *
 * Cost: index O(n k log n) for k terms an article; candidates O(n k P)
 * for P postings a term; merges O(E C) for E edges and C terms a sum. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "brief/group.h"
#include "util/alloc.h"
#include "util/sort.h"

/* Terms of each article that go into the index. */
#define PROBE_TERMS 16
/* Postings kept per term: the heaviest. Enough to reach the copies of a
 * story (each copy finds the others through its own terms), bounded for
 * a word every article uses. */
#define POSTING_CAP 64
/* Candidates per article whose exact cosine is computed. */
#define CANDIDATES 24
/* Terms kept in a group's vector sum (the heaviest): enough for the
 * articles' shared words, bounded for a story of hundreds. */
#define SUM_TERMS 300
/* Articles dated further apart than this report different events. */
#define DATE_WINDOW_DAYS 3
/* A short text (a feed item, a teaser, a first paragraph) holds few of
 * its event's words, so two short reports of one event share fewer terms
 * and their cosine is lower than that of two whole articles: a vector of
 * n terms, below the full_terms of a whole article, is scaled by
 * (full_terms / n)^(1/4), at most SHORT_SCALE_MAX, which lowers the bar
 * for two short items by up to 0.62 of itself and for a short and a whole
 * one by up to 0.79. (tools/storyscore --short, 250-character items:
 * B-cubed F1 0.733 -> 0.809 with full_terms 60; whole articles unchanged;
 * a cap of sqrt 2 gave 0.818 but joined two items of one small town's
 * news that share only its name.) */
#define SHORT_SCALE_MAX 1.265

typedef struct posting {
    uint64_t id;
    uint32_t item;
    float w;
} posting;

/* Postings by term, the heaviest first within a term, then by item. */
#define POSTING_LESS(x, y)                                                    \
    ((x).id != (y).id ? (x).id < (y).id                                       \
     : (x).w != (y).w ? (x).w > (y).w                                         \
                      : (x).item < (y).item)
SORT_DEFINE(sort_postings, posting, POSTING_LESS)

typedef struct edge {
    uint32_t a, b; /* a < b */
    double sim;
} edge;

/* Edges strongest first, then by their articles. */
#define EDGE_LESS(x, y)                                                       \
    ((x).sim != (y).sim ? (x).sim > (y).sim                                   \
     : (x).a != (y).a   ? (x).a < (y).a                                       \
                        : (x).b < (y).b)
SORT_DEFINE(sort_edges, edge, EDGE_LESS)

typedef struct scored_item {
    uint32_t item;
    double score;
} scored_item;

/* Candidates best first, then by item: a total order, so the choice
 * below does not depend on the order they were found in. */
#define SCORED_LESS(x, y)                                                     \
    ((x).score != (y).score ? (x).score > (y).score : (x).item < (y).item)

/* Moves the best k of c[0..n) (k < n) to c[0..k), in no particular
 * order: quickselect, linear on average and bounded by n squared, n
 * being at most PROBE_TERMS * POSTING_CAP (sorting every article's
 * candidates was a sixth of a 40,000-article briefing). */
static void select_best(scored_item *c, size_t n, size_t k)
{
    size_t lo = 0, hi = n; /* the (k + 1)-th best is in [lo, hi) */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        scored_item t = c[mid];
        c[mid] = c[hi - 1];
        c[hi - 1] = t;
        scored_item pivot = t;
        size_t store = lo;
        for (size_t i = lo; i + 1 < hi; i++)
            if (SCORED_LESS(c[i], pivot)) {
                t = c[i];
                c[i] = c[store];
                c[store++] = t;
            }
        c[hi - 1] = c[store];
        c[store] = pivot; /* [lo, store) are better than the pivot */
        if (store == k)
            return;
        if (store < k)
            lo = store + 1;
        else
            hi = store;
    }
}

/* ==== Candidates and edges ==== */

/* The heaviest PROBE_TERMS terms of every article, as postings sorted by
 * term, heaviest first within a term. *n receives their number. */
static posting *index_terms(const hvec *const *vecs, size_t n, size_t *total)
{
    size_t cap = 0;
    for (size_t i = 0; i < n; i++)
        cap += vecs[i]->n < PROBE_TERMS ? vecs[i]->n : PROBE_TERMS;
    posting *post = precis__malloc((cap ? cap : 1) * sizeof *post);
    size_t k = 0;
    hterm *t = NULL;
    size_t t_cap = 0;
    for (size_t i = 0; i < n; i++) {
        const hvec *v = vecs[i];
        if (v->n > t_cap) {
            t_cap = v->n;
            t = precis__reallocarray(t, t_cap, sizeof *t);
        }
        for (uint32_t j = 0; j < v->n; j++)
            t[j] = (hterm){v->ids[j], v->w[j]};
        size_t keep = v->n < PROBE_TERMS ? v->n : PROBE_TERMS;
        /* Partial selection of the heaviest: a short insertion pass. */
        for (size_t a = 0; a < keep; a++) {
            size_t best = a;
            for (size_t b = a + 1; b < v->n; b++)
                if (t[b].w > t[best].w ||
                    (t[b].w == t[best].w && t[b].id < t[best].id))
                    best = b;
            hterm tmp = t[a];
            t[a] = t[best];
            t[best] = tmp;
            post[k++] = (posting){t[a].id, (uint32_t)i, (float)t[a].w};
        }
    }
    free(t);
    sort_postings(post, k);
    *total = k;
    return post;
}

/* The edges of at least threshold between each article and its best
 * candidates, each pair once. *n_edges receives their number. */
static edge *find_edges(const hvec *const *vecs, const double *scale,
                        size_t n, double threshold, size_t *n_edges)
{
    size_t total;
    posting *post = index_terms(vecs, n, &total);
    /* Where each term's run starts, for the article side: the run of
     * posting p is [run_start[p], run_end[p]). */
    size_t *run_start = precis__malloc((total ? total : 1) * sizeof *run_start);
    size_t *run_end = precis__malloc((total ? total : 1) * sizeof *run_end);
    for (size_t p = 0; p < total;) {
        size_t e = p;
        while (e < total && post[e].id == post[p].id)
            e++;
        for (size_t q = p; q < e; q++) {
            run_start[q] = p;
            run_end[q] = e - p > POSTING_CAP ? p + POSTING_CAP : e;
        }
        p = e;
    }
    /* The postings of each article, to walk its own terms. */
    size_t *by_item_start = precis__calloc(n + 1, sizeof *by_item_start);
    for (size_t p = 0; p < total; p++)
        by_item_start[post[p].item + 1]++;
    for (size_t i = 0; i < n; i++)
        by_item_start[i + 1] += by_item_start[i];
    size_t *by_item = precis__malloc((total ? total : 1) * sizeof *by_item);
    size_t *fill = precis__malloc((n ? n : 1) * sizeof *fill);
    memcpy(fill, by_item_start, n * sizeof *fill);
    for (size_t p = 0; p < total; p++)
        by_item[fill[post[p].item]++] = p;
    free(fill);

    double *acc = precis__calloc(n ? n : 1, sizeof *acc);
    uint32_t *touched = precis__malloc((n ? n : 1) * sizeof *touched);
    scored_item *cand = precis__malloc((n ? n : 1) * sizeof *cand);
    size_t cap_edges = 64, m = 0;
    edge *edges = precis__malloc(cap_edges * sizeof *edges);
    for (size_t i = 0; i < n; i++) {
        size_t n_touched = 0;
        for (size_t q = by_item_start[i]; q < by_item_start[i + 1]; q++) {
            size_t p = by_item[q];
            double w = post[p].w;
            for (size_t r = run_start[p]; r < run_end[p]; r++) {
                uint32_t j = post[r].item;
                if (j == i)
                    continue;
                if (acc[j] == 0.0)
                    touched[n_touched++] = j;
                acc[j] += w * post[r].w;
            }
        }
        for (size_t t = 0; t < n_touched; t++) {
            cand[t] = (scored_item){touched[t], acc[touched[t]]};
            acc[touched[t]] = 0.0;
        }
        size_t keep = n_touched;
        if (keep > CANDIDATES) {
            select_best(cand, n_touched, CANDIDATES);
            keep = CANDIDATES;
        }
        for (size_t t = 0; t < keep; t++) {
            uint32_t j = cand[t].item;
            double sim = hvec_dot(vecs[i], vecs[j]) * scale[i] * scale[j];
            if (sim < threshold)
                continue;
            if (m == cap_edges) {
                cap_edges *= 2;
                edges = precis__reallocarray(edges, cap_edges, sizeof *edges);
            }
            edges[m++] = (edge){i < j ? (uint32_t)i : j,
                                i < j ? j : (uint32_t)i, sim};
        }
    }
    free(acc);
    free(touched);
    free(cand);
    free(by_item);
    free(by_item_start);
    free(run_start);
    free(run_end);
    free(post);
    /* Each pair once (found from either side), strongest first. */
    sort_edges(edges, m);
    size_t u = 0;
    for (size_t k = 0; k < m; k++)
        if (u == 0 || edges[k].a != edges[u - 1].a ||
            edges[k].b != edges[u - 1].b || edges[k].sim != edges[u - 1].sim)
            edges[u++] = edges[k];
    *n_edges = u;
    return edges;
}

/* ==== Groups and their vector sums ==== */

typedef struct group {
    hterm *c; /* the sum of the members' vectors, by id; at most
               * SUM_TERMS terms */
    size_t n_c;
    size_t size; /* articles */
    long first_day, last_day; /* -1: no member is dated */
    unsigned char weekdays;   /* the days the members' leads name */
} group;

/* The mean cosine between the articles of a and those of b. */
static double average_link(const group *a, const group *b)
{
    double dot = 0.0;
    size_t i = 0, j = 0;
    while (i < a->n_c && j < b->n_c) {
        if (a->c[i].id == b->c[j].id)
            dot += a->c[i++].w * b->c[j++].w;
        else if (a->c[i].id < b->c[j].id)
            i++;
        else
            j++;
    }
    return dot / ((double)a->size * (double)b->size);
}

/* into += from (both sorted by id), cut to the heaviest SUM_TERMS. */
static void sum_add(group *into, const group *from)
{
    hterm *sum = precis__malloc((into->n_c + from->n_c + 1) * sizeof *sum);
    size_t i = 0, j = 0, k = 0;
    while (i < into->n_c || j < from->n_c) {
        if (j == from->n_c ||
            (i < into->n_c && into->c[i].id < from->c[j].id))
            sum[k++] = into->c[i++];
        else if (i == into->n_c || from->c[j].id < into->c[i].id)
            sum[k++] = from->c[j++];
        else {
            sum[k] = into->c[i++];
            sum[k++].w += from->c[j++].w;
        }
    }
    if (k > SUM_TERMS) /* (else the merge left it sorted by id) */
        k = hterm_keep_heaviest(sum, k, SUM_TERMS);
    free(into->c);
    into->c = sum;
    into->n_c = k;
    into->size += from->size;
}

/* Days since 1970-01-01 of "YYYY-MM-DD", or -1 (Howard Hinnant's
 * days_from_civil). */
static long day_number(const char *date)
{
    if (!date || strlen(date) != 10)
        return -1;
    long y = strtol(date, NULL, 10), m = strtol(date + 5, NULL, 10),
         d = strtol(date + 8, NULL, 10);
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static bool dates_apart(const group *a, const group *b)
{
    if (a->first_day < 0 || b->first_day < 0)
        return false;
    return b->first_day - a->last_day > DATE_WINDOW_DAYS ||
           a->first_day - b->last_day > DATE_WINDOW_DAYS;
}

/* Two groups whose leads name days of the week, none in common, report
 * different days ("appeared in court on Tuesday", "were charged on
 * Friday"): the same people, another event. A group whose members name
 * several days joins a group that names any of them, since a report
 * filed the next day may name both the event's day and its own. */
static bool weekdays_apart(const group *a, const group *b)
{
    return a->weekdays && b->weekdays && !(a->weekdays & b->weekdays);
}

static size_t root(size_t *parent, size_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

size_t group_stories(const hvec *const *vecs, const char *const *dates,
                     const unsigned char *days, size_t n, size_t full_terms,
                     double threshold, size_t *story)
{
    double *scale = precis__malloc((n ? n : 1) * sizeof *scale);
    for (size_t i = 0; i < n; i++) {
        size_t terms = vecs[i]->n ? vecs[i]->n : 1;
        scale[i] = terms >= full_terms
                       ? 1.0
                       : fmin(pow((double)full_terms / terms, 0.25),
                              SHORT_SCALE_MAX);
    }
    size_t n_edges;
    edge *edges = find_edges(vecs, scale, n, threshold, &n_edges);
    size_t *parent = precis__malloc((n ? n : 1) * sizeof *parent);
    group *g = precis__calloc(n ? n : 1, sizeof *g);
    for (size_t i = 0; i < n; i++) {
        parent[i] = i;
        g[i].size = 1;
        g[i].first_day = g[i].last_day = day_number(dates ? dates[i] : NULL);
        g[i].weekdays = days ? days[i] : 0;
    }
    for (size_t k = 0; k < n_edges; k++) {
        size_t a = root(parent, edges[k].a), b = root(parent, edges[k].b);
        if (a == b || dates_apart(&g[a], &g[b]) ||
            weekdays_apart(&g[a], &g[b]))
            continue;
        /* Sums are made when a group first grows: an article alone is
         * its own vector, and the edge's cosine is theirs. */
        for (size_t s = 0; s < 2; s++) {
            size_t r = s ? b : a, item = s ? edges[k].b : edges[k].a;
            if (g[r].c || item != r)
                continue;
            const hvec *v = vecs[r];
            g[r].c = precis__malloc((v->n ? v->n : 1) * sizeof *g[r].c);
            for (uint32_t t = 0; t < v->n; t++)
                g[r].c[t] = (hterm){v->ids[t], v->w[t] * scale[r]};
            g[r].n_c = v->n;
        }
        if (average_link(&g[a], &g[b]) < threshold)
            continue;
        /* The smaller index stays the root: the result does not depend on
         * which side an edge names first. */
        size_t keep = a < b ? a : b, gone = a < b ? b : a;
        sum_add(&g[keep], &g[gone]);
        g[keep].weekdays |= g[gone].weekdays;
        if (g[gone].first_day >= 0) {
            if (g[keep].first_day < 0 || g[gone].first_day < g[keep].first_day)
                g[keep].first_day = g[gone].first_day;
            if (g[gone].last_day > g[keep].last_day)
                g[keep].last_day = g[gone].last_day;
        }
        free(g[gone].c);
        g[gone].c = NULL;
        parent[gone] = keep;
    }
    free(edges);
    free(scale);
    /* Stories numbered in the order of their first article. */
    size_t n_stories = 0;
    for (size_t i = 0; i < n; i++) {
        size_t r = root(parent, i);
        story[i] = r == i ? n_stories++ : story[r];
    }
    for (size_t i = 0; i < n; i++)
        free(g[i].c);
    free(g);
    free(parent);
    return n_stories;
}
