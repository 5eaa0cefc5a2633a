/* group.h: articles into stories (group.c says how). */
#ifndef PRECIS_GROUP_H
#define PRECIS_GROUP_H

#include "util/symbols.h"

#include <stdbool.h>
#include <stddef.h>

#include "brief/hvec.h"

/* Groups n articles into stories. vecs[i] is article i's unit vector;
 * dates[i] (dates may be NULL) its "YYYY-MM-DD" or "" when unknown;
 * full_terms the number of terms in the vector of a whole article (its
 * cap): a vector with fewer is a short text, whose cosines count more.
 * Two articles can share a story when their cosine reaches threshold, two
 * groups when the mean cosine between their articles does (average
 * linkage) and their dates are within a few days. story[i] receives
 * article i's story, numbered from 0 in the order of each story's first
 * article. Returns the number of stories. Deterministic; near-linear in
 * n. */
size_t group_stories(const hvec *const *vecs, const char *const *dates,
                     size_t n, size_t full_terms, double threshold,
                     size_t *story);

#endif
