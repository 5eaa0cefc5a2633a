/* Unit tests: the ordered stream of src/cli/pool.c (pool_stream_run): every
 * item written once, in read order, whatever the threads; never more in
 * flight than max_items, nor more weight than max_bytes plus one item; one
 * item through however heavy; a state per worker. */
#include "test_util.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>

#include "cli/pool.h"

typedef struct item {
    size_t no;
    size_t weight;
    unsigned long result;
} item;

typedef struct job {
    size_t n, read;          /* items to read, read so far */
    size_t (*weight)(size_t no);
    size_t next_written;     /* the number the next write must have */
    size_t in_flight, most_in_flight;
    size_t bytes, most_bytes, heaviest;
    pthread_mutex_t lock;    /* in_flight and bytes: read and write race */
    atomic_int states, runs_without_state;
    bool order_ok, result_ok;
} job;

static void *init(void *ud)
{
    job *j = ud;
    atomic_fetch_add(&j->states, 1);
    int *state = malloc(sizeof *state);
    *state = 42;
    return state;
}

static void fini(void *state, void *ud)
{
    (void)ud;
    free(state);
}

static void *read_item(void *ud, size_t *bytes)
{
    job *j = ud;
    if (j->read == j->n)
        return NULL;
    item *it = calloc(1, sizeof *it);
    it->no = j->read++;
    it->weight = j->weight(it->no);
    *bytes = it->weight;
    pthread_mutex_lock(&j->lock);
    j->in_flight++;
    j->bytes += it->weight;
    if (j->in_flight > j->most_in_flight)
        j->most_in_flight = j->in_flight;
    if (j->bytes > j->most_bytes)
        j->most_bytes = j->bytes;
    if (it->weight > j->heaviest)
        j->heaviest = it->weight;
    pthread_mutex_unlock(&j->lock);
    return it;
}

/* Some work whose length varies, so that items finish out of order. */
static void run_item(void *state, void *p, void *ud)
{
    job *j = ud;
    item *it = p;
    if (!state || *(int *)state != 42)
        atomic_fetch_add(&j->runs_without_state, 1);
    unsigned long h = it->no + 1;
    size_t rounds = (it->no * 7919) % 97 * 50;
    for (size_t k = 0; k < rounds; k++)
        h = h * 6364136223846793005UL + 1442695040888963407UL;
    it->result = h | 1; /* never 0: 0 means "not run" */
}

static void write_item(void *p, void *ud)
{
    job *j = ud;
    item *it = p;
    if (it->no != j->next_written)
        j->order_ok = false;
    if (it->result == 0)
        j->result_ok = false;
    j->next_written++;
    pthread_mutex_lock(&j->lock);
    j->in_flight--;
    j->bytes -= it->weight;
    pthread_mutex_unlock(&j->lock);
    free(it);
}

static size_t light(size_t no)
{
    return 100 + no % 7;
}

/* Every tenth item is a heavy one. */
static size_t mixed(size_t no)
{
    return no % 10 == 3 ? 5000 : 10;
}

static void run_job(job *j, unsigned threads, size_t n, size_t max_items,
                    size_t max_bytes, size_t (*weight)(size_t))
{
    memset(j, 0, sizeof *j);
    j->n = n;
    j->weight = weight;
    j->order_ok = j->result_ok = true;
    pthread_mutex_init(&j->lock, NULL);
    pool_stream s = {threads, max_items, max_bytes, init,     fini,
                     read_item, run_item, write_item, j};
    assert_int_equal(pool_stream_run(&s), 0);
    pthread_mutex_destroy(&j->lock);
    assert_int_equal(j->next_written, n);
    assert_true(j->order_ok);
    assert_true(j->result_ok);
    assert_int_equal(j->runs_without_state, 0);
    assert_int_equal(j->in_flight, 0);
}

static void test_order_any_threads(void **state)
{
    (void)state;
    unsigned threads[] = {1, 2, 3, 8, 33};
    for (size_t t = 0; t < sizeof threads / sizeof *threads; t++) {
        job j;
        run_job(&j, threads[t], 2000, 4 * threads[t] + 1, 0, light);
        assert_true(j.most_in_flight <= 4 * threads[t] + 1);
        assert_true(j.states >= 1 && j.states <= (int)threads[t]);
    }
}

static void test_bounded_by_count(void **state)
{
    (void)state;
    job j;
    run_job(&j, 4, 3000, 6, 0, light);
    assert_true(j.most_in_flight <= 6);
    assert_true(j.most_in_flight >= 2); /* the workers did share it */
}

static void test_bounded_by_bytes(void **state)
{
    (void)state;
    job j;
    /* 1,000 bytes: at most one heavy item (5,000) in flight, alone or
     * after light ones below the budget. */
    run_job(&j, 4, 1000, 64, 1000, mixed);
    assert_true(j.most_bytes < 1000 + j.heaviest);
    assert_int_equal(j.heaviest, 5000);
}

static void test_one_item_and_none(void **state)
{
    (void)state;
    job j;
    run_job(&j, 8, 1, 32, 1, light); /* heavier than the budget: still run */
    assert_int_equal(j.states, 1);   /* one item, one worker started */
    run_job(&j, 8, 0, 32, 0, light);
    assert_int_equal(j.states, 0);   /* nothing read, no worker */
    run_job(&j, 1, 0, 1, 0, light);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order_any_threads),
        cmocka_unit_test(test_bounded_by_count),
        cmocka_unit_test(test_bounded_by_bytes),
        cmocka_unit_test(test_one_item_and_none),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
