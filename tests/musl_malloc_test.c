/* musl_malloc_test.c: src/musl_malloc.c under load, linked like the musl
 * summarize (musl-gcc -static). Threads malloc, calloc, realloc and free
 * blocks of every class and beyond (up to 3 MB), fill each with a pattern
 * of its own and check it before every realloc and free: a block handed
 * out twice, too small, misaligned or not zeroed by calloc fails. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 4
#define SLOTS 512
#define ROUNDS 20000

size_t malloc_usable_size(void *p);

typedef struct slot {
    unsigned char *p;
    size_t n;
    unsigned char tag;
} slot;

static int failures;
static pthread_mutex_t report = PTHREAD_MUTEX_INITIALIZER;

static void fail(const char *what, size_t n)
{
    pthread_mutex_lock(&report);
    if (failures++ < 10)
        fprintf(stderr, "musl_malloc_test: %s (%zu bytes)\n", what, n);
    pthread_mutex_unlock(&report);
}

static uint64_t next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Mostly small sizes, some up to a few MB (own mappings). */
static size_t pick_size(uint64_t *s)
{
    uint64_t r = next(s);
    if (r % 256 == 0)
        return (size_t)(r >> 8) % (3u << 20);
    switch (r % 16) {
    case 0:
        return 0;
    case 1:
        return (size_t)(r >> 8) % (1100u << 10); /* across the 1 MB class */
    case 2:
    case 3:
        return (size_t)(r >> 8) % 70000;
    default:
        return (size_t)(r >> 8) % 300;
    }
}

static void check(const slot *sl)
{
    for (size_t i = 0; i < sl->n; i++)
        if (sl->p[i] != (unsigned char)(sl->tag + i)) {
            fail("block changed under its owner", sl->n);
            return;
        }
}

static void fill(slot *sl, size_t from)
{
    for (size_t i = from; i < sl->n; i++)
        sl->p[i] = (unsigned char)(sl->tag + i);
}

static void *run(void *arg)
{
    uint64_t s = 0x9E3779B97F4A7C15u ^ (uintptr_t)arg;
    slot slots[SLOTS] = {{0}};
    for (int r = 0; r < ROUNDS; r++) {
        slot *sl = &slots[next(&s) % SLOTS];
        size_t n = pick_size(&s);
        if (sl->p)
            check(sl);
        switch (next(&s) % 4) {
        case 0: /* free, then malloc */
            free(sl->p);
            sl->p = malloc(n);
            sl->n = n;
            sl->tag = (unsigned char)next(&s);
            if (n && !sl->p)
                fail("malloc failed", n);
            fill(sl, 0);
            break;
        case 1: { /* calloc: zero */
            free(sl->p);
            sl->p = calloc(1, n);
            sl->n = n;
            sl->tag = (unsigned char)next(&s);
            if (n && !sl->p)
                fail("calloc failed", n);
            for (size_t i = 0; i < n; i++)
                if (sl->p[i]) {
                    fail("calloc block not zero", n);
                    break;
                }
            fill(sl, 0);
            break;
        }
        default: { /* realloc keeps the common prefix */
            if (n == 0)
                n = 1;
            unsigned char *q = realloc(sl->p, n);
            if (!q) {
                fail("realloc failed", n);
                break;
            }
            size_t kept = sl->n < n ? sl->n : n;
            sl->p = q;
            sl->n = kept;
            check(sl);
            sl->n = n;
            fill(sl, kept);
            break;
        }
        }
        if (sl->p && ((uintptr_t)sl->p & 15))
            fail("block not 16-byte aligned", n);
        if (sl->p && malloc_usable_size(sl->p) < sl->n)
            fail("usable size below the request", n);
    }
    for (int i = 0; i < SLOTS; i++) {
        if (slots[i].p)
            check(&slots[i]);
        free(slots[i].p);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++)
        if (pthread_create(&t[i], NULL, run, (void *)(uintptr_t)(i + 1)) != 0) {
            fprintf(stderr, "musl_malloc_test: cannot start a thread\n");
            return 1;
        }
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    if (realloc(malloc(10), 0) != NULL)
        fail("realloc to 0 bytes returned a block", 0);
    void *p = NULL;
    if (posix_memalign(&p, 16, 100) != 0 || !p || ((uintptr_t)p & 15))
        fail("posix_memalign at 16", 100);
    free(p);
    printf("musl_malloc_test: %d threads x %d rounds, %d failures\n", THREADS,
           ROUNDS, failures);
    return failures != 0;
}
