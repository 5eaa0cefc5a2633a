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

/* The number of processors online, at least 1. */
unsigned pool_cpus(void);

#endif
