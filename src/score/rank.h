/* rank.h: sentence graphs and PageRank, exposed for the unit tests. */
#ifndef PRECIS_RANK_H
#define PRECIS_RANK_H

#include "util/symbols.h"

#include <stddef.h>
#include <stdint.h>

/* A weighted graph in compressed sparse rows: the edges of node i are
 * col[row[i] .. row[i+1]) with weights w[...]. Undirected graphs store
 * each edge in both rows. */
typedef struct graph {
    size_t n;
    size_t *row; /* n + 1 entries */
    uint32_t *col;
    double *w;
} graph;

/* Weighted PageRank by power iteration:
 *
 *   r_i = (1 - d) p_i + d * sum_j r_j * w_ji / W_j  (+ dangling mass * p_i)
 *
 * where W_j is the total weight leaving j and p is the teleport vector
 * (uniform when personal is NULL, else personal normalised to sum 1). Nodes
 * without edges hand their mass to p. Stops when the L1 change is below
 * tol or after max_iter rounds. out (n entries) receives scores summing to
 * 1. Returns the number of iterations run. Deterministic: a fixed order of
 * summation, no randomness. */
unsigned pagerank(const graph *g, double d, double tol, unsigned max_iter,
                  const double *personal, double *out);

#endif
