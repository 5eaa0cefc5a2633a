/* bench: how fast libprecis summarises a set of articles, in one process.
 *
 *   bench [-r RUNS] [-w WARMUP] [-l LANG] [-n N] [-k K] [-c MB] [-q]
 *         [DIR | FILE...]
 *
 * Every *.txt file of DIR (default: the dev set, ../shared/data/dev/articles)
 * is read into memory first, so the disk is not measured. Then RUNS times
 * (default 5, after WARMUP untimed runs, default 1) the whole set is
 * summarised twice:
 *
 *   api     through the public calls (new, feed, finish, summarize,
 *           render_text to a memory sink, free), as a program would;
 *   staged  the same pipeline with the stages of precis_doc_finish and
 *           precis_doc_summarize called one by one (internal.h), each
 *           timed with CLOCK_MONOTONIC.
 *
 * Reported are medians over the runs: articles/s and MB/s of the api path,
 * the time and share of each stage, the cost of precis_ctx_new (part of
 * every `summarize FILE`), and the peak resident memory (ru_maxrss). The
 * two paths' summaries are compared byte for byte: a difference means
 * precis.c's pipeline changed and stage_doc() below must follow it.
 *
 * -c MB builds one document of MB megabytes (the articles concatenated,
 * cycled when the set is smaller, cut at a line end) and measures that
 * instead: the per-stage view of a long document.
 *
 * The last line is for scripts (tools/bench/run):
 *   bench: articles=A bytes=B runs=R api_s=S staged_s=S maxrss_kb=K
 *
 * A benchmark, not a test: it exits 0 unless it cannot run. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"
#include "read/encoding.h"

#ifndef BENCH_DEFAULT_DIR
#define BENCH_DEFAULT_DIR "../shared/data/dev/articles"
#endif

/* ==== Timing ==== */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median of v[0..n) (sorts a copy). */
static double median(const double *v, size_t n)
{
    if (n == 0)
        return 0.0;
    double *c = malloc(n * sizeof *c);
    if (!c) {
        fputs("bench: out of memory\n", stderr);
        exit(1);
    }
    memcpy(c, v, n * sizeof *c);
    qsort(c, n, sizeof *c, cmp_double);
    double m = n % 2 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2.0;
    free(c);
    return m;
}

static long maxrss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* ==== Input ==== */

typedef struct article {
    char *name;
    char *text;
    size_t len;
} article;

typedef struct article_set {
    article *a;
    size_t n, cap;
    size_t bytes;
} article_set;

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) {
        fputs("bench: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(NULL, n), s, n);
}

static int add_file(article_set *set, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "bench: %s: %s\n", path, strerror(errno));
        return -1;
    }
    buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_put(&b, chunk, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        fprintf(stderr, "bench: %s: read error\n", path);
        buf_free(&b);
        return -1;
    }
    if (set->n == set->cap) {
        set->cap = set->cap ? 2 * set->cap : 64;
        set->a = xrealloc(set->a, set->cap * sizeof *set->a);
    }
    article *a = &set->a[set->n++];
    a->name = xstrdup(path);
    a->text = buf_detach(&b, &a->len);
    set->bytes += a->len;
    return 0;
}

static int by_name(const void *x, const void *y)
{
    return strcmp(((const article *)x)->name, ((const article *)y)->name);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Adds every *.txt file of dir, or path itself when it is no folder. */
static int add_path(article_set *set, const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        if (errno == ENOTDIR)
            return add_file(set, path);
        fprintf(stderr, "bench: %s: %s\n", path, strerror(errno));
        return -1;
    }
    size_t first = set->n;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || !ends_with(e->d_name, ".txt"))
            continue;
        buf p = {0};
        buf_printf(&p, "%s/%s", path, e->d_name);
        if (add_file(set, buf_cstr(&p)) != 0)
            rc = -1;
        buf_free(&p);
    }
    closedir(d);
    qsort(set->a + first, set->n - first, sizeof *set->a, by_name);
    return rc;
}

/* Replaces the set by one document of about mb megabytes: the articles
 * in order, cycled, separated by an empty line, cut after a newline. */
static void concat_set(article_set *set, double mb)
{
    size_t want = (size_t)(mb * 1024 * 1024);
    buf b = {0};
    for (size_t i = 0; b.len < want; i = (i + 1) % set->n) {
        buf_put(&b, set->a[i].text, set->a[i].len);
        buf_puts(&b, "\n\n");
    }
    while (b.len > want && b.data[b.len - 1] != '\n')
        b.len--;
    while (b.len > want) { /* cut back to the last line end within want */
        b.len--;
        while (b.len > 0 && b.data[b.len - 1] != '\n')
            b.len--;
    }
    b.data[b.len] = '\0';
    for (size_t i = 0; i < set->n; i++) {
        free(set->a[i].name);
        free(set->a[i].text);
    }
    set->n = 1;
    set->a[0].name = xstrdup("(concatenated)");
    set->a[0].text = buf_detach(&b, &set->a[0].len);
    set->bytes = set->a[0].len;
}

/* ==== The pipeline, stage by stage ==== */

enum {
    ST_FEED,    /* precis_doc_new + precis_doc_feed (a copy) */
    ST_INGEST,  /* ingest_run */
    ST_SEGMENT, /* stemmer_trim + segment_run */
    ST_BOILER,  /* ingest_drop_boilerplate */
    ST_ANALYZE, /* analyze_run */
    ST_RANK,    /* rank_run */
    ST_SELECT,  /* select_run */
    ST_KEYWORDS, /* keywords_run */
    ST_RENDER,  /* precis_render_text to a memory sink */
    ST_FREE,    /* precis_doc_free */
    N_STAGES
};

static const char *const stage_name[N_STAGES] = {
    "feed", "ingest", "segment", "boilerplate", "analyze",
    "rank", "select", "keywords", "render", "free",
};

/* precis_doc_finish, then precis_doc_summarize, then render, as precis.c
 * runs them, adding each stage's seconds to t[]. Keep in step with
 * src/precis.c. */
static precis_status stage_doc(precis_ctx *ctx, const article *a,
                               const precis_options *opt, precis_membuf *out,
                               double t[N_STAGES])
{
    double t0 = now(), t1;
    precis_doc *doc = precis_doc_new(ctx);
    precis_doc_set_max_input(doc, 0);
    precis_doc_feed(doc, a->text, a->len);
    precis_status st = PRECIS_OK;
    t1 = now(), t[ST_FEED] += t1 - t0, t0 = t1;

    doc->state = DOC_FAILED;
    st = encoding_run(doc, opt);
    if (st == PRECIS_OK)
        st = ingest_run(doc, opt);
    buf_free(&doc->input);
    t1 = now(), t[ST_INGEST] += t1 - t0, t0 = t1;
    if (st != PRECIS_OK)
        goto done;

    stemmer_trim(doc->lang->stem);
    segment_run(doc);
    t1 = now(), t[ST_SEGMENT] += t1 - t0, t0 = t1;

    if (!(opt->flags & PRECIS_OPT_KEEP_BOILERPLATE))
        ingest_drop_boilerplate(doc);
    t1 = now(), t[ST_BOILER] += t1 - t0, t0 = t1;
    if (doc->n_sents == 0) {
        st = PRECIS_EEMPTY;
        goto done;
    }

    analyze_run(doc);
    doc->state = DOC_FINISHED;
    t1 = now(), t[ST_ANALYZE] += t1 - t0, t0 = t1;

    rank_run(doc, opt);
    t1 = now(), t[ST_RANK] += t1 - t0, t0 = t1;
    select_run(doc, opt);
    t1 = now(), t[ST_SELECT] += t1 - t0, t0 = t1;
    /* As a caller who asks for them (JSON, Markdown) pays: the API finds
     * key phrases only when asked. */
    doc->keyword_limit = opt->keywords;
    if (opt->keywords)
        keywords_run(doc);
    doc->state = DOC_SUMMARIZED;
    t1 = now(), t[ST_KEYWORDS] += t1 - t0, t0 = t1;

    precis_sink sink = precis_sink_mem(out);
    st = precis_render_text(doc, &sink);
    t1 = now(), t[ST_RENDER] += t1 - t0, t0 = t1;
done:
    precis_doc_free(doc);
    t[ST_FREE] += now() - t0;
    return st;
}

/* The same through the public calls only. */
static precis_status api_doc(precis_ctx *ctx, const article *a,
                             const precis_options *opt, precis_membuf *out)
{
    precis_sink sink = precis_sink_mem(out);
    return precis_summarize_to(ctx, a->text, a->len, opt, &sink);
}

/* ==== Main ==== */

static void usage(FILE *f)
{
    fputs("usage: bench [-r RUNS] [-w WARMUP] [-l LANG] [-n N] [-k K] [-c MB] "
          "[-q] [DIR | FILE...]\n"
          "  -r RUNS  timed runs over the whole set (default 5), medians "
          "reported\n"
          "  -w N     untimed warm-up runs first (default 1)\n"
          "  -l LANG  language, as summarize --lang (default auto)\n"
          "  -n N     summary sentences (default 3)\n"
          "  -k K     key phrases (default 10, the library's; summarize's "
          "text output asks for 0)\n"
          "  -c MB    measure one document of MB megabytes made of the "
          "articles\n"
          "  -q       only the last (machine-readable) line\n"
          "default DIR: " BENCH_DEFAULT_DIR "\n",
          f);
}

int main(int argc, char **argv)
{
    int runs = 5, warmup = 1, quiet = 0;
    const char *lang = "auto";
    size_t sentences = 3, keywords = 10;
    double concat_mb = 0.0;
    int c;
    while ((c = getopt(argc, argv, "r:w:l:n:k:c:qh")) != -1) {
        switch (c) {
        case 'r':
            runs = atoi(optarg);
            break;
        case 'w':
            warmup = atoi(optarg);
            break;
        case 'l':
            lang = optarg;
            break;
        case 'n':
            sentences = (size_t)strtoul(optarg, NULL, 10);
            break;
        case 'k':
            keywords = (size_t)strtoul(optarg, NULL, 10);
            break;
        case 'c':
            concat_mb = strtod(optarg, NULL);
            break;
        case 'q':
            quiet = 1;
            break;
        case 'h':
            usage(stdout);
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    if (runs < 1 || warmup < 0 || sentences < 1 || concat_mb < 0.0) {
        usage(stderr);
        return 2;
    }

    article_set set = {0};
    if (optind == argc) {
        if (add_path(&set, BENCH_DEFAULT_DIR) != 0)
            return 1;
    }
    for (int i = optind; i < argc; i++)
        if (add_path(&set, argv[i]) != 0)
            return 1;
    if (set.n == 0) {
        fputs("bench: no articles (*.txt)\n", stderr);
        return 1;
    }
    if (concat_mb > 0.0)
        concat_set(&set, concat_mb);
    long rss_loaded = maxrss_kb();

    /* Start-up: the context a `summarize FILE` process builds first. */
    enum { CTX_TRIES = 7 };
    double ctx_t[CTX_TRIES];
    for (int i = 0; i < CTX_TRIES; i++) {
        double t0 = now();
        precis_status err;
        precis_ctx *tmp = precis_ctx_new(lang, NULL, &err);
        ctx_t[i] = now() - t0;
        if (!tmp) {
            fprintf(stderr, "bench: %s: %s\n", lang, precis_strerror(err));
            return 1;
        }
        precis_ctx_free(tmp);
    }
    precis_status err;
    precis_ctx *ctx = precis_ctx_new(lang, NULL, &err);
    long rss_ctx = maxrss_kb();

    precis_options opt = precis_options_default();
    opt.sentences = sentences;
    opt.keywords = keywords;

    double *api_t = calloc((size_t)runs, sizeof *api_t);
    double *staged_t = calloc((size_t)runs, sizeof *staged_t);
    double (*stage_t)[N_STAGES] = calloc((size_t)runs, sizeof *stage_t);
    if (!api_t || !staged_t || !stage_t) {
        fputs("bench: out of memory\n", stderr);
        return 1;
    }
    size_t failed = 0, differ = 0, out_bytes = 0;
    precis_membuf out = {0};
    /* The first pass keeps the API's summaries; the staged pass of the
     * same round compares its own with them. */
    char **first = calloc(set.n, sizeof *first);
    size_t *first_len = calloc(set.n, sizeof *first_len);
    if (!first || !first_len) {
        fputs("bench: out of memory\n", stderr);
        return 1;
    }

    /* Rounds before 0 are warm-up, not counted. */
    for (int r = -warmup; r < runs; r++) {
        int check = r == -warmup;
        double t_run[N_STAGES] = {0};
        double t0 = now();
        for (size_t i = 0; i < set.n; i++) {
            out.len = 0;
            precis_status st = api_doc(ctx, &set.a[i], &opt, &out);
            if (check) {
                failed += st != PRECIS_OK;
                out_bytes += out.len;
                first[i] = xrealloc(NULL, out.len + 1);
                memcpy(first[i], out.len ? out.data : "", out.len);
                first_len[i] = out.len;
            }
        }
        double t_api = now() - t0;
        t0 = now();
        for (size_t i = 0; i < set.n; i++) {
            out.len = 0;
            stage_doc(ctx, &set.a[i], &opt, &out, t_run);
            if (check && (out.len != first_len[i] ||
                          (out.len && memcmp(out.data, first[i], out.len))))
                differ++;
        }
        double t_staged = now() - t0;
        if (r >= 0) {
            api_t[r] = t_api;
            staged_t[r] = t_staged;
            memcpy(stage_t[r], t_run, sizeof t_run);
        }
    }
    precis_membuf_free(&out);
    for (size_t i = 0; i < set.n; i++)
        free(first[i]);
    free(first);
    free(first_len);
    long rss_peak = maxrss_kb();

    double api_med = median(api_t, (size_t)runs);
    double staged_med = median(staged_t, (size_t)runs);
    double mb = (double)set.bytes / 1e6;
    if (!quiet) {
        printf("precis %s, language %s, %zu sentences, %zu keywords, %d runs "
               "(medians; %d warm-up not counted)\n",
               precis_version_string(), lang, sentences, keywords, runs,
               warmup);
        printf("input: %zu %s, %.3f MB (%zu bytes), all in memory\n",
               set.n, set.n == 1 ? "document" : "articles", mb, set.bytes);
        if (failed)
            printf("  %zu of them fail (no summary), timed all the same\n",
                   failed);
        printf("\none process, public API (new/feed/finish/summarize/"
               "render/free):\n");
        double lo = median(api_t, 1), hi = lo;
        for (int r = 0; r < runs; r++) {
            lo = api_t[r] < lo ? api_t[r] : lo;
            hi = api_t[r] > hi ? api_t[r] : hi;
        }
        printf("  %.4f s per pass (min %.4f, max %.4f)\n", api_med, lo, hi);
        printf("  %.1f articles/s, %.3f ms/article, %.2f MB/s\n",
               (double)set.n / api_med, 1e3 * api_med / (double)set.n,
               mb / api_med);
        printf("\nper stage (staged pass, %.4f s):\n", staged_med);
        printf("  %-12s %10s %8s %12s\n", "stage", "ms", "share",
               "us/article");
        double sum = 0.0, col[N_STAGES];
        for (int s = 0; s < N_STAGES; s++) {
            for (int r = 0; r < runs; r++)
                staged_t[r] = stage_t[r][s]; /* staged_med is kept */
            col[s] = median(staged_t, (size_t)runs);
            sum += col[s];
        }
        for (int s = 0; s < N_STAGES; s++)
            printf("  %-12s %10.3f %7.1f%% %12.1f\n", stage_name[s],
                   1e3 * col[s], sum > 0 ? 100.0 * col[s] / sum : 0.0,
                   1e6 * col[s] / (double)set.n);
        printf("  %-12s %10.3f %7.1f%% %12.1f\n", "total", 1e3 * sum,
               100.0, 1e6 * sum / (double)set.n);
        if (differ)
            printf("  WARNING: %zu summaries differ between the staged "
                   "and the API path: src/precis.c changed its pipeline; "
                   "update stage_doc() in tools/bench/bench.c\n",
                   differ);
        else
            printf("  (staged and API summaries identical: %zu bytes)\n",
                   out_bytes);
        printf("\nstart-up: precis_ctx_new(\"%s\") %.3f ms (median of %d)\n",
               lang, 1e3 * median(ctx_t, CTX_TRIES), CTX_TRIES);
        printf("peak memory (ru_maxrss): %.1f MB; input loaded %.1f MB, "
               "+ context %.1f MB, + summarising %.1f MB\n",
               (double)rss_peak / 1024.0, (double)rss_loaded / 1024.0,
               (double)(rss_ctx - rss_loaded) / 1024.0,
               (double)(rss_peak - rss_ctx) / 1024.0);
    }
    printf("bench: articles=%zu bytes=%zu runs=%d api_s=%.6f staged_s=%.6f "
           "ctx_ms=%.3f maxrss_kb=%ld differ=%zu\n",
           set.n, set.bytes, runs, api_med, staged_med,
           1e3 * median(ctx_t, CTX_TRIES), rss_peak, differ);

    free(api_t);
    free(staged_t);
    free(stage_t);
    precis_ctx_free(ctx);
    for (size_t i = 0; i < set.n; i++) {
        free(set.a[i].name);
        free(set.a[i].text);
    }
    free(set.a);
    return 0;
}
