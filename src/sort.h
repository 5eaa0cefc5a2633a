/* sort.h: sorting small arrays of term and sentence ids.
 *
 * The pipeline sorts many short id lists (a sentence's terms, a row of
 * graph neighbours). qsort pays a comparator call per comparison and, in
 * glibc, a merge through a temporary buffer; insertion sort on a short
 * list is several times cheaper. Long lists still go to qsort. */
#ifndef PRECIS_SORT_H
#define PRECIS_SORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

static inline int sort_cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

/* Sorts a[0..n) ascending. */
static inline void sort_u32(uint32_t *a, size_t n)
{
    if (n > 48) {
        qsort(a, n, sizeof *a, sort_cmp_u32);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        uint32_t v = a[i];
        size_t j = i;
        for (; j > 0 && a[j - 1] > v; j--)
            a[j] = a[j - 1];
        a[j] = v;
    }
}

#endif
