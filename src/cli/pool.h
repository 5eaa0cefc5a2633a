/* pool.h: run n independent tasks on a few threads.
 *
 * Each thread gets its own state from init (a precis_ctx, say: contexts
 * are not thread-safe) and takes the next task index from a shared
 * counter. Tasks write their results into slots of their own, so the
 * outcome never depends on the number of threads or their timing. */
#ifndef PRECIS_POOL_H
#define PRECIS_POOL_H

#include <stddef.h>

typedef struct pool_job {
    size_t n;                          /* tasks 0 .. n-1 */
    void *(*init)(void *ud);           /* per-thread state (may be NULL) */
    void (*fini)(void *state, void *ud);
    void (*run)(void *state, size_t i, void *ud);
    /* Called after each task, one call at a time (under a lock), with the
     * number of tasks done so far; may be NULL. */
    void (*progress)(size_t done, void *ud);
    void *ud;
} pool_job;

/* Runs the job on threads threads (at least 1; the calling thread is one
 * of them) and returns when every task is done. Returns 0, or -1 when no
 * thread could be started (then the calling thread ran every task). */
int pool_run(const pool_job *job, unsigned threads);

/* ==== An ordered stream ==== */

/* Items read one at a time, run on threads threads, and handed back in
 * the order they were read, with bounded memory: at most max_items items
 * are in flight (read and not yet handed back), and no item is read while
 * those in flight weigh max_bytes or more (so at most max_bytes plus one
 * item's weight; one item is always let through, however heavy).
 *
 * The calling thread reads; the workers run items and hand them back:
 * whichever worker finishes the oldest item writes it and every finished
 * item after it, one writer at a time, so results come out as soon as
 * they and all before them are done. Workers start as items arrive (a
 * short stream starts few). With threads <= 1, or when no thread can be
 * started, the calling thread does it all, item by item. */
typedef struct pool_stream {
    unsigned threads;   /* workers (at least 1) */
    size_t max_items;   /* in flight (at least 1) */
    size_t max_bytes;   /* weight in flight (0: no limit) */
    void *(*init)(void *ud); /* per-worker state (may be NULL) */
    void (*fini)(void *state, void *ud);
    /* Returns the next item and its weight in *bytes, or NULL at the end.
     * Called on the calling thread only. */
    void *(*read)(void *ud, size_t *bytes);
    /* Runs one item, on a worker, with that worker's state. */
    void (*run)(void *state, void *item, void *ud);
    /* Hands one item back (and frees it), in read order, one call at a
     * time, on a worker or the calling thread. */
    void (*write)(void *item, void *ud);
    void *ud;
} pool_stream;

/* Runs the stream to its end; returns when every item has been written.
 * Returns 0 (also when it had to fall back on the calling thread). */
int pool_stream_run(const pool_stream *s);

/* Asks the allocator to keep up to bytes of freed memory at the top of
 * each heap rather than give it back to the system at once, for workers
 * that free and allocate the same large arrays task after task (glibc's
 * M_TOP_PAD; elsewhere it does nothing). Process-wide: call it before the
 * threads start. */
void pool_keep_heap(size_t bytes);

/* The number of processors online, at least 1. */
unsigned pool_cpus(void);

#endif
