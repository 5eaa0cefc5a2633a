/* pool.c: a fixed set of POSIX threads pulling task indices, and an
 * ordered stream through a bounded ring of items. */
#include "cli/pool.h"

#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h> /* mallopt */
#endif

#include "util/alloc.h"

typedef struct shared {
    const pool_job *job;
    pthread_mutex_t lock;
    size_t next; /* the next task to hand out */
    size_t done;
} shared;

static void *worker(void *arg)
{
    shared *sh = arg;
    const pool_job *job = sh->job;
    void *state = job->init ? job->init(job->ud) : NULL;
    for (;;) {
        pthread_mutex_lock(&sh->lock);
        size_t i = sh->next < job->n ? sh->next++ : job->n;
        pthread_mutex_unlock(&sh->lock);
        if (i == job->n)
            break;
        job->run(state, i, job->ud);
        pthread_mutex_lock(&sh->lock);
        sh->done++;
        if (job->progress)
            job->progress(sh->done, job->ud);
        pthread_mutex_unlock(&sh->lock);
    }
    if (job->fini)
        job->fini(state, job->ud);
    return NULL;
}

int pool_run(const pool_job *job, unsigned threads)
{
    shared sh = {.job = job, .next = 0, .done = 0};
    pthread_mutex_init(&sh.lock, NULL);
    if (threads < 1)
        threads = 1;
    if (threads > job->n)
        threads = job->n ? (unsigned)job->n : 1;
    pthread_t *tids = precis__calloc(threads, sizeof *tids);
    /* The workers run what the main thread runs, so they get a stack as
     * big as the main thread's usual 8 MB rather than the C library's
     * default for threads (as little as 128 KB on some C libraries). */
    pthread_attr_t attr;
    bool have_attr = pthread_attr_init(&attr) == 0;
    if (have_attr)
        pthread_attr_setstacksize(&attr, (size_t)8 << 20);
    unsigned started = 0;
    for (unsigned t = 1; t < threads; t++) {
        if (pthread_create(&tids[t], have_attr ? &attr : NULL, worker, &sh) != 0)
            break;
        started++;
    }
    if (have_attr)
        pthread_attr_destroy(&attr);
    worker(&sh); /* the calling thread works too */
    for (unsigned t = 1; t <= started; t++)
        pthread_join(tids[t], NULL);
    free(tids);
    pthread_mutex_destroy(&sh.lock);
    return threads > 1 && started == 0 ? -1 : 0;
}

/* ==== An ordered stream ==== */

typedef struct slot {
    void *item;
    size_t bytes;
    bool done;
} slot;

/* Items are numbered from 0 in read order; [head, tail) are in flight, at
 * ring[k % cap]: [head, next) handed to workers (some done), [next, tail)
 * waiting for one. */
typedef struct stream {
    const pool_stream *s;
    pthread_mutex_t lock;
    pthread_cond_t work;  /* an item waits, or the end came */
    pthread_cond_t space; /* an item was written */
    slot *ring;
    size_t cap;
    size_t head, next, tail;
    size_t bytes;  /* the weight of [head, tail) */
    size_t idle;   /* workers waiting on work */
    bool end;      /* read returned NULL */
    bool writing;  /* a worker is in drain's write */
} stream;

/* With the lock held: unless another worker is at it, writes every
 * finished item at the head, in order. The lock is let go around each
 * write; the writer looks again after each, so an item finished in the
 * meantime is never left behind. */
static void drain(stream *st)
{
    if (st->writing)
        return;
    st->writing = true;
    while (st->head < st->next && st->ring[st->head % st->cap].done) {
        slot *sl = &st->ring[st->head % st->cap];
        void *item = sl->item;
        size_t w = sl->bytes;
        sl->item = NULL;
        sl->done = false;
        pthread_mutex_unlock(&st->lock);
        st->s->write(item, st->s->ud);
        pthread_mutex_lock(&st->lock);
        /* Only now is the slot free and the weight gone: write frees. */
        st->head++;
        st->bytes -= w;
        pthread_cond_signal(&st->space);
    }
    st->writing = false;
}

static void *stream_worker(void *arg)
{
    stream *st = arg;
    const pool_stream *s = st->s;
    void *state = s->init ? s->init(s->ud) : NULL;
    pthread_mutex_lock(&st->lock);
    for (;;) {
        while (st->next == st->tail && !st->end) {
            st->idle++;
            pthread_cond_wait(&st->work, &st->lock);
            st->idle--;
        }
        if (st->next == st->tail)
            break; /* the end, and nothing left to run */
        size_t k = st->next++;
        void *item = st->ring[k % st->cap].item;
        pthread_mutex_unlock(&st->lock);
        s->run(state, item, s->ud);
        pthread_mutex_lock(&st->lock);
        st->ring[k % st->cap].done = true;
        drain(st);
    }
    pthread_mutex_unlock(&st->lock);
    if (s->fini)
        s->fini(state, s->ud);
    return NULL;
}

/* The whole stream on the calling thread, from first (already read, of
 * weight w; NULL: read it). */
static int stream_alone(const pool_stream *s, void *first)
{
    void *state = s->init ? s->init(s->ud) : NULL;
    size_t w = 0;
    void *item = first ? first : s->read(s->ud, &w);
    while (item) {
        s->run(state, item, s->ud);
        s->write(item, s->ud);
        item = s->read(s->ud, &w);
    }
    if (s->fini)
        s->fini(state, s->ud);
    return 0;
}

int pool_stream_run(const pool_stream *s)
{
    if (s->threads <= 1)
        return stream_alone(s, NULL);
    stream st = {.s = s};
    st.cap = s->max_items ? s->max_items : 1;
    st.ring = precis__calloc(st.cap, sizeof *st.ring);
    pthread_t *tids = precis__calloc(s->threads, sizeof *tids);
    pthread_mutex_init(&st.lock, NULL);
    pthread_cond_init(&st.work, NULL);
    pthread_cond_init(&st.space, NULL);
    pthread_attr_t attr; /* 8 MB stacks, as in pool_run */
    bool have_attr = pthread_attr_init(&attr) == 0;
    if (have_attr)
        pthread_attr_setstacksize(&attr, (size_t)8 << 20);
    unsigned started = 0;
    bool can_start = true;
    void *alone = NULL; /* the first item, when no worker could start */

    pthread_mutex_lock(&st.lock);
    for (;;) {
        while (st.tail - st.head >= st.cap ||
               (s->max_bytes && st.tail > st.head &&
                st.bytes >= s->max_bytes))
            pthread_cond_wait(&st.space, &st.lock);
        pthread_mutex_unlock(&st.lock);
        size_t w = 0;
        void *item = s->read(s->ud, &w);
        pthread_mutex_lock(&st.lock);
        if (!item)
            break;
        slot *sl = &st.ring[st.tail % st.cap];
        sl->item = item;
        sl->bytes = w;
        sl->done = false;
        st.tail++;
        st.bytes += w;
        /* One more worker when more items wait than workers do (a worker
         * woken but not yet running still counts as waiting). */
        if (can_start && started < s->threads && st.tail - st.next > st.idle) {
            if (pthread_create(&tids[started], have_attr ? &attr : NULL,
                               stream_worker, &st) == 0) {
                started++;
            } else {
                can_start = false;
                if (started == 0) {
                    alone = item;
                    break;
                }
            }
        }
        pthread_cond_signal(&st.work);
    }
    st.end = true;
    pthread_cond_broadcast(&st.work);
    pthread_mutex_unlock(&st.lock);
    for (unsigned t = 0; t < started; t++)
        pthread_join(tids[t], NULL);
    if (have_attr)
        pthread_attr_destroy(&attr);
    pthread_cond_destroy(&st.space);
    pthread_cond_destroy(&st.work);
    pthread_mutex_destroy(&st.lock);
    free(tids);
    free(st.ring);
    return alone ? stream_alone(s, alone) : 0;
}

void pool_keep_heap(size_t bytes)
{
#ifdef __GLIBC__
    /* glibc trims a heap's top as soon as 128 KB are free there (or the
     * dynamic threshold, a freed mmap's size); the pad is what it keeps. */
    mallopt(M_TOP_PAD, bytes > INT_MAX ? INT_MAX : (int)bytes);
#else
    (void)bytes;
#endif
}

unsigned pool_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}
