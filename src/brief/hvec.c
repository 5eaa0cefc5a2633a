/* hvec.c: sparse vectors over hashed stems, comparable across documents
 * (term ids are per document; the hash of a stem is not). */
#include <math.h>
#include <stdlib.h>

#include "brief/hvec.h"
#include "util/alloc.h"

uint64_t hvec_hash(const char *s, size_t len)
{
    uint64_t h = 14695981039346656037ull; /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

double hvec_dot(const hvec *a, const hvec *b)
{
    double dot = 0.0;
    uint32_t i = 0, j = 0;
    while (i < a->n && j < b->n) {
        if (a->ids[i] == b->ids[j])
            dot += (double)a->w[i++] * b->w[j++];
        else if (a->ids[i] < b->ids[j])
            i++;
        else
            j++;
    }
    return dot;
}

static int by_weight(const void *x, const void *y)
{
    const hterm *a = x, *b = y;
    if (a->w != b->w)
        return a->w < b->w ? 1 : -1;
    return (a->id > b->id) - (a->id < b->id);
}

static int by_id(const void *x, const void *y)
{
    const hterm *a = x, *b = y;
    return (a->id > b->id) - (a->id < b->id);
}

size_t hterm_keep_heaviest(hterm *t, size_t n, size_t keep)
{
    if (n > keep) {
        qsort(t, n, sizeof *t, by_weight);
        n = keep;
    }
    qsort(t, n, sizeof *t, by_id);
    return n;
}

/* Keeps the keep heaviest of t[0..n), sorted by id, as a unit vector. */
hvec hvec_make(hterm *t, size_t n, size_t keep)
{
    n = hterm_keep_heaviest(t, n, keep);
    hvec v = {(uint32_t)n, precis__malloc((n ? n : 1) * sizeof *v.ids),
              precis__malloc((n ? n : 1) * sizeof *v.w)};
    double norm = 0.0;
    for (size_t k = 0; k < n; k++)
        norm += t[k].w * t[k].w;
    double scale = norm > 0.0 ? 1.0 / sqrt(norm) : 0.0;
    for (size_t k = 0; k < n; k++) {
        v.ids[k] = t[k].id;
        v.w[k] = (float)(t[k].w * scale);
    }
    return v;
}

void hvec_free(hvec *v)
{
    free(v->ids);
    free(v->w);
}
