/* pool.c: a fixed set of POSIX threads pulling task indices. */
#include "cli/pool.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

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

unsigned pool_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}
