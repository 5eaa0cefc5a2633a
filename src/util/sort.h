/* sort.h: the sorts on hot paths, without qsort.
 *
 * The pipeline sorts many short id lists (a sentence's terms, a row of
 * graph neighbours) and, for long documents, long edge lists. qsort calls
 * its comparator through a pointer for every comparison and copies
 * elements through a generic swap: on a 9 MB document it was a third of
 * the run.
 * SORT_DEFINE writes a sort for one element type with the comparison
 * inlined: insertion sort up to 32 elements, above that a bottom-up
 * merge sort (stable) through one temporary buffer. */
#ifndef PRECIS_SORT_H
#define PRECIS_SORT_H

#include "util/symbols.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

#define SORT_RUN 32

/* Defines static inline void NAME(TYPE *a, size_t n), which sorts a[0..n)
 * so that LESS(a[i], a[i - 1]) holds for no i, keeping equal elements in
 * their order. LESS(x, y) is an expression on two TYPE values. */
#define SORT_DEFINE(NAME, TYPE, LESS)                                         \
    static inline void NAME##_runs(TYPE *a, size_t n)                         \
    {                                                                         \
        for (size_t i = 1; i < n; i++) {                                      \
            TYPE v = a[i];                                                    \
            size_t j = i;                                                     \
            for (; j > 0 && (LESS(v, a[j - 1])); j--)                         \
                a[j] = a[j - 1];                                              \
            a[j] = v;                                                         \
        }                                                                     \
    }                                                                         \
    static inline void NAME(TYPE *a, size_t n)                                \
    {                                                                         \
        if (n <= SORT_RUN) {                                                  \
            NAME##_runs(a, n);                                                \
            return;                                                           \
        }                                                                     \
        for (size_t lo = 0; lo < n; lo += SORT_RUN)                           \
            NAME##_runs(a + lo, n - lo < SORT_RUN ? n - lo : SORT_RUN);       \
        TYPE *tmp = precis__reallocarray(NULL, n, sizeof *tmp);               \
        TYPE *src = a, *dst = tmp;                                            \
        for (size_t width = SORT_RUN; width < n; width *= 2) {                \
            for (size_t lo = 0; lo < n; lo += 2 * width) {                    \
                size_t mid = n - lo < width ? n : lo + width;                 \
                size_t hi = n - lo < 2 * width ? n : lo + 2 * width;          \
                size_t i = lo, j = mid, k = lo;                               \
                while (i < mid && j < hi)                                     \
                    dst[k++] = (LESS(src[j], src[i])) ? src[j++] : src[i++];  \
                while (i < mid)                                               \
                    dst[k++] = src[i++];                                      \
                while (j < hi)                                                \
                    dst[k++] = src[j++];                                      \
            }                                                                 \
            TYPE *t = src;                                                    \
            src = dst;                                                        \
            dst = t;                                                          \
        }                                                                     \
        if (src != a)                                                         \
            memcpy(a, src, n * sizeof *a);                                    \
        free(tmp);                                                            \
    }

#define SORT_U32_LESS(x, y) ((x) < (y))
/* sort_u32(a, n): a[0..n) ascending. */
SORT_DEFINE(sort_u32, uint32_t, SORT_U32_LESS)

#endif
