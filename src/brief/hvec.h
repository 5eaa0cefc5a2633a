/* hvec.h: sparse unit vectors over hashed stems, so that articles
 * analysed with different term ids can be compared. */
#ifndef PRECIS_HVEC_H
#define PRECIS_HVEC_H

#include "util/symbols.h"

#include <stddef.h>
#include <stdint.h>

typedef struct hvec {
    uint32_t n;
    uint64_t *ids; /* ascending */
    float *w;      /* unit length */
} hvec;

/* One weighted term, for building a vector. */
typedef struct hterm {
    uint64_t id;
    double w;
} hterm;

/* The 64-bit FNV-1a hash of a stem: its id in every vector. */
uint64_t hvec_hash(const char *s, size_t len);
/* The dot product of two vectors (their cosine: both are unit length). */
double hvec_dot(const hvec *a, const hvec *b);
/* Moves the keep heaviest of t[0..n) (ties: the smaller id) to the front,
 * sorted by id; returns their number, at most keep. */
size_t hterm_keep_heaviest(hterm *t, size_t n, size_t keep);
/* Keeps the keep heaviest of t[0..n) (reordering t), as a unit vector
 * sorted by id. Free with hvec_free. */
hvec hvec_make(hterm *t, size_t n, size_t keep);
void hvec_free(hvec *v);

#endif
