/* alloc.h: allocation that never returns NULL.
 *
 * Every heap allocation in libprecis goes through these wrappers. On
 * failure they print "precis: out of memory" and abort, as cmark does:
 * an allocation failure is not something a summariser can recover from,
 * and one policy removes hundreds of untested error paths. */
#ifndef PRECIS_ALLOC_H
#define PRECIS_ALLOC_H

#include "util/symbols.h"

#include <stddef.h>

void *precis__malloc(size_t n);
void *precis__calloc(size_t count, size_t size);
void *precis__realloc(void *p, size_t n);
/* realloc for arrays: count * size, aborting on overflow as well. */
void *precis__reallocarray(void *p, size_t count, size_t size);
char *precis__strndup(const char *s, size_t n);
char *precis__strdup(const char *s);
/* Aborts with the same message; for callers that detect overflow. */
_Noreturn void precis__oom(void);

#endif
