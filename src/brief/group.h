/* group.h: articles into stories (group.c says how). */
#ifndef PRECIS_GROUP_H
#define PRECIS_GROUP_H

#include "util/symbols.h"

#include <stdbool.h>
#include <stddef.h>

#include "brief/hvec.h"

/* Groups n articles into stories. vecs[i] is article i's unit vector;
 * dates[i] (dates may be NULL) its "YYYY-MM-DD" or "" when unknown;
 * days[i] (days may be NULL) the days of the week its lead names, bit
 * d - 1 for day d, 0 when none;
 * full_terms the fewest terms the vector of a whole article has: a
 * vector with fewer is of a short text, whose cosines count more.
 * Two articles can share a story when their cosine reaches threshold, two
 * groups when the mean cosine between their articles does (average
 * linkage), their dates are within a few days and their leads, when both
 * name days of the week, name one day in common. story[i] receives
 * article i's story, numbered from 0 in the order of each story's first
 * article. Returns the number of stories. Deterministic; near-linear in
 * n. */
size_t group_stories(const hvec *const *vecs, const char *const *dates,
                     const unsigned char *days, size_t n, size_t full_terms,
                     double threshold, size_t *story);

#endif
