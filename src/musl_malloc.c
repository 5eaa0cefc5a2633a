/* musl_malloc.c: the allocator of the musl summarize (meson.build links
 * it in place of musl's own, which musl supports).
 *
 * musl's allocator (mallocng) maps every group of blocks with mmap and
 * unmaps it when the group empties: a one-article run made 21 mmap and
 * 20 munmap calls, and each new mapping is a new VMA whose pages fault
 * twice (read, then write). This one carves blocks from 2 MB regions
 * (pages never touched cost nothing) and never gives small blocks back:
 * power-of-two size classes from 16 bytes to 1 MB, a free list per
 * class, and its own mapping (grown with mremap) for anything larger. It
 * wastes up to half a block, which Precis's allocation pattern (arenas,
 * tables that double) barely feels.
 * One lock: the worker threads allocate mostly from their arenas. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define MIN_SHIFT 4 /* the smallest block: 16 bytes */
#define MAX_SHIFT 20 /* the largest class: 1 MB */
#define N_CLASSES (MAX_SHIFT - MIN_SHIFT + 1)
#define MAPPED N_CLASSES /* the class of a block with its own mapping */
#define LARGEST ((size_t)1 << MAX_SHIFT)
#define REGION (2 * LARGEST) /* room for a largest block and its header */
#define PAGE ((size_t)4096)

/* Before every block: 16 bytes, so that blocks stay 16-byte aligned. */
typedef struct header {
    size_t size;  /* usable bytes: the class size, or the mapping's */
    size_t klass; /* 0..N_CLASSES-1, or MAPPED */
} header;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static void *free_list[N_CLASSES]; /* linked through each block's start */
static char *bump, *bump_end;      /* the unused rest of the region */

size_t malloc_usable_size(void *p);
void *memalign(size_t align, size_t n);

static size_t class_of(size_t n)
{
    if (n <= ((size_t)1 << MIN_SHIFT))
        return 0;
    return (size_t)(64 - __builtin_clzll((unsigned long long)(n - 1))) -
           MIN_SHIFT;
}

/* The bytes of a mapping for an n-byte block and its header; 0 when n
 * is too large for one. */
static size_t mapping_size(size_t n)
{
    if (n > SIZE_MAX - sizeof(header) - PAGE)
        return 0;
    return (n + sizeof(header) + PAGE - 1) & ~(PAGE - 1);
}

static void *map_block(size_t n)
{
    size_t total = mapping_size(n);
    if (!total)
        return NULL;
    header *h = mmap(NULL, total, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (h == MAP_FAILED)
        return NULL;
    h->size = total - sizeof(header);
    h->klass = MAPPED;
    return h + 1;
}

/* malloc itself; calloc and realloc call this, never malloc: a compiler
 * may turn "malloc, then memset to 0" into a call to calloc, which here
 * would call itself. */
static void *alloc_block(size_t n)
{
    if (n > LARGEST) {
        void *p = map_block(n);
        if (!p)
            errno = ENOMEM;
        return p;
    }
    size_t k = class_of(n);
    size_t size = (size_t)1 << (k + MIN_SHIFT);
    pthread_mutex_lock(&lock);
    void *p = free_list[k];
    if (p) {
        free_list[k] = *(void **)p;
        pthread_mutex_unlock(&lock);
        return p;
    }
    if ((size_t)(bump_end - bump) < sizeof(header) + size) {
        /* The rest of the old region is left unused. */
        char *r = mmap(NULL, REGION, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (r == MAP_FAILED) {
            pthread_mutex_unlock(&lock);
            errno = ENOMEM;
            return NULL;
        }
        bump = r;
        bump_end = r + REGION;
    }
    header *h = (header *)bump;
    bump += sizeof(header) + size;
    pthread_mutex_unlock(&lock);
    h->size = size;
    h->klass = k;
    return h + 1;
}

void *malloc(size_t n)
{
    return alloc_block(n);
}

void free(void *p)
{
    if (!p)
        return;
    header *h = (header *)p - 1;
    if (h->klass == MAPPED) {
        munmap(h, h->size + sizeof(header));
        return;
    }
    pthread_mutex_lock(&lock);
    *(void **)p = free_list[h->klass];
    free_list[h->klass] = p;
    pthread_mutex_unlock(&lock);
}

void *calloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) {
        errno = ENOMEM;
        return NULL;
    }
    size_t n = count * size;
    char *p = alloc_block(n);
    if (!p)
        return NULL;
    /* A fresh mapping is zero already; a recycled block is not. */
    const header *h = (const header *)(p - sizeof(header));
    if (h->klass != MAPPED)
        memset(p, 0, n);
    return p;
}

void *realloc(void *p, size_t n)
{
    if (!p)
        return alloc_block(n);
    if (n == 0) { /* as glibc: free, and no block */
        free(p);
        return NULL;
    }
    header *h = (header *)p - 1;
    if (n <= h->size)
        return p;
    size_t total = h->klass == MAPPED ? mapping_size(n) : 0;
    if (total) {
        header *g = mremap(h, h->size + sizeof(header), total, MREMAP_MAYMOVE);
        if (g == MAP_FAILED) {
            errno = ENOMEM;
            return NULL;
        }
        g->size = total - sizeof(header);
        return g + 1;
    }
    void *q = alloc_block(n);
    if (!q)
        return NULL;
    memcpy(q, p, h->size);
    free(p);
    return q;
}

size_t malloc_usable_size(void *p)
{
    return p ? ((header *)p - 1)->size : 0;
}

/* Blocks are 16-byte aligned; nothing in summarize asks for more, and a
 * stricter alignment would need blocks this allocator does not make. */
void *aligned_alloc(size_t align, size_t n)
{
    if (align > 16) {
        errno = ENOMEM;
        return NULL;
    }
    return alloc_block(n);
}

void *memalign(size_t align, size_t n)
{
    return aligned_alloc(align, n);
}

int posix_memalign(void **out, size_t align, size_t n)
{
    if (align < sizeof(void *) || (align & (align - 1)))
        return EINVAL;
    if (align > 16)
        return ENOMEM;
    void *p = alloc_block(n);
    if (!p)
        return ENOMEM;
    *out = p;
    return 0;
}
