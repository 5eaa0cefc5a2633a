#include "util/alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void precis__oom(void)
{
    fputs("precis: out of memory\n", stderr);
    abort();
}

void *precis__malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        precis__oom();
    return p;
}

void *precis__calloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        precis__oom();
    return p;
}

void *precis__realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        precis__oom();
    return q;
}

void *precis__reallocarray(void *p, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        precis__oom();
    return precis__realloc(p, count * size);
}

char *precis__strndup(const char *s, size_t n)
{
    char *d = precis__malloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *precis__strdup(const char *s)
{
    return precis__strndup(s, strlen(s));
}
