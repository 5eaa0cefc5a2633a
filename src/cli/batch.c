/* batch.c: the many-article commands of the CLI, on worker threads.
 *
 *   summarize brief DIR|FILE...   one briefing from many articles
 *   summarize --jsonl             JSON Lines in, JSON Lines out, streaming
 *
 * Each worker thread has its own precis_ctx (contexts are not
 * thread-safe). Results land in per-article slots and are written in input
 * order, so the output is the same whatever --jobs is. One broken article
 * is reported by name and the others still come out; the exit status is
 * then 1. */
#include "cli/batch.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "util/json_util.h"
#include "cli/jsonl.h"
#include "cli/outfile.h"
#include "cli/pool.h"

static const char *prog = "summarize";

/* ==== Progress on a terminal ==== */

typedef struct progress {
    bool on;
    size_t total;
    struct timespec start;
    struct timespec last;
} progress;

static double seconds_since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) +
           (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void progress_start(progress *p, size_t total)
{
    p->on = isatty(STDERR_FILENO) && total > 1;
    p->total = total;
    clock_gettime(CLOCK_MONOTONIC, &p->start);
    p->last = p->start;
}

/* Redraws at most ten times a second: "[####    ] 230/450 articles,
 * 812/s, 0.3 s left". */
static void progress_show(progress *p, size_t done)
{
    if (!p->on || (done < p->total && seconds_since(&p->last) < 0.1))
        return;
    clock_gettime(CLOCK_MONOTONIC, &p->last);
    double t = seconds_since(&p->start);
    double rate = t > 0 ? (double)done / t : 0.0;
    double left = rate > 0 ? (double)(p->total - done) / rate : 0.0;
    char bar[31];
    size_t fill = p->total ? done * 30 / p->total : 30;
    for (size_t i = 0; i < 30; i++)
        bar[i] = i < fill ? '#' : ' ';
    bar[30] = '\0';
    fprintf(stderr, "\r[%s] %zu/%zu articles, %.0f/s, %.1f s left ", bar, done,
            p->total, rate, left);
    if (done == p->total)
        fputc('\n', stderr);
    fflush(stderr);
}

/* ==== Inputs ==== */

/* One article to read: a file, or a record of a JSON Lines file. */
typedef struct input {
    char *name; /* file path, or "FILE:LINE" / the record's id */
    char *path; /* the file to read, NULL for a record */
    jsonl_record rec;
    bool is_record;
    char *error; /* set when the record itself is broken */
} input;

typedef struct input_list {
    input *v;
    size_t n, cap;
} input_list;

static input *input_add(input_list *l)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 256;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
        if (!l->v) {
            fputs("precis: out of memory\n", stderr);
            abort();
        }
    }
    input *in = &l->v[l->n++];
    memset(in, 0, sizeof *in);
    return in;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int by_name(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Reads one line (without its newline) into line, at most max bytes;
 * a longer line is read to its end and reported by *too_long. Returns
 * false at the end of the input. */
static bool read_line(FILE *f, buf *line, size_t max, bool *too_long)
{
    buf_clear(line);
    *too_long = false;
    int c;
    bool any = false;
    while ((c = getc(f)) != EOF) {
        any = true;
        if (c == '\n')
            return true;
        if (max && line->len >= max) {
            *too_long = true;
            continue; /* skip to the end of the line: memory stays bounded */
        }
        buf_putc(line, (char)c);
    }
    return any;
}

static void add_jsonl_file(input_list *l, const char *path, size_t max,
                           bool *ok)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
        *ok = false;
        return;
    }
    buf line = {0};
    bool too_long;
    size_t no = 0;
    while (read_line(f, &line, max, &too_long)) {
        no++;
        if (!too_long && line.len == 0)
            continue;
        input *in = input_add(l);
        in->is_record = true;
        char err[256];
        if (too_long)
            snprintf(err, sizeof err,
                     "line longer than --max-input (%zu "
                     "bytes)",
                     max);
        else if (jsonl_parse(buf_cstr(&line), line.len, &in->rec, err,
                             sizeof err) == 0)
            err[0] = '\0';
        buf name = {0};
        if (in->rec.id.len)
            buf_put(&name, in->rec.id.data, in->rec.id.len);
        else
            buf_printf(&name, "%s:%zu", path, no);
        in->name = buf_detach(&name, NULL);
        if (err[0])
            in->error = precis__strdup(err);
    }
    buf_free(&line);
    fclose(f);
}

static bool is_feed_name(const char *name)
{
    return ends_with(name, ".xml") || ends_with(name, ".rss") ||
           ends_with(name, ".atom");
}

/* An RSS or Atom feed: each item becomes a record (its content, title and
 * date), named by the feed's title so that the briefing lists the outlet.
 * Returns false when the file is not a feed (nothing added). */
static bool add_feed_file(input_list *l, const char *path, size_t max,
                          bool *ok, bool must)
{
    char *data;
    size_t len;
    int e = infile_read(path, max, &data, &len);
    if (e) {
        fprintf(stderr, "%s: %s: %s\n", prog, path,
                e == EFBIG ? "larger than --max-input" : strerror(e));
        *ok = false;
        return true;
    }
    if (!must && !precis_feed_sniff(data, len)) {
        free(data);
        return false;
    }
    precis_status st;
    precis_ctx *ctx = precis_ctx_new("english", NULL, &st);
    precis_feed *f = ctx ? precis_feed_parse(ctx, data, len) : NULL;
    free(data);
    if (!f) {
        fprintf(stderr, "%s: %s: %s\n", prog, path,
                ctx ? precis_ctx_errmsg(ctx) : precis_strerror(st));
        *ok = false;
        precis_ctx_free(ctx);
        return true;
    }
    const char *source = precis_feed_source(f);
    for (size_t i = 0; i < precis_feed_count(f); i++) {
        precis_feed_entry it;
        precis_feed_item(f, i, &it);
        input *in = input_add(l);
        in->is_record = true;
        buf_put(&in->rec.text, it.content, it.content_len);
        in->rec.is_html = it.content_is_html;
        if (it.link)
            buf_puts(&in->rec.url, it.link);
        if (it.title) {
            buf_puts(&in->rec.title, it.title);
            in->rec.has_title = 1;
        }
        if (it.date) {
            buf_printf(&in->rec.date, "%s%s%s", it.date, it.time ? " " : "",
                       it.time ? it.time : "");
            in->rec.has_date = 1;
        }
        buf name = {0};
        if (source)
            buf_puts(&name, source);
        else
            buf_printf(&name, "%s#%zu", path, i + 1);
        in->name = buf_detach(&name, NULL);
    }
    precis_feed_free(f);
    precis_ctx_free(ctx);
    return true;
}

/* Walks a folder for *.txt, *.html, *.htm, *.jsonl and feeds (*.xml,
 * *.rss, *.atom), sorted so the order is the same
 * on every file system. Symbolic links are not followed: a briefing reads
 * what the user named, nothing outside it. */
static void add_dir(input_list *l, const char *dir, size_t max, bool *ok)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "%s: %s: %s\n", prog, dir, strerror(errno));
        *ok = false;
        return;
    }
    size_t n = 0, cap = 64;
    char **names = malloc(cap * sizeof *names);
    struct dirent *e;
    while (names && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap)
            names = realloc(names, (cap *= 2) * sizeof *names);
        if (names)
            names[n++] = precis__strdup(e->d_name);
    }
    closedir(d);
    if (!names) {
        fputs("precis: out of memory\n", stderr);
        abort();
    }
    qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        buf path = {0};
        buf_printf(&path, "%s%s%s", dir, ends_with(dir, "/") ? "" : "/",
                   names[i]);
        struct stat sb;
        if (lstat(path.data, &sb) == 0) {
            if (S_ISDIR(sb.st_mode)) {
                add_dir(l, path.data, max, ok);
            } else if (S_ISREG(sb.st_mode) && ends_with(names[i], ".jsonl")) {
                add_jsonl_file(l, path.data, max, ok);
            } else if (S_ISREG(sb.st_mode) && is_feed_name(names[i])) {
                add_feed_file(l, path.data, max, ok, true);
            } else if (S_ISREG(sb.st_mode) &&
                       (ends_with(names[i], ".txt") ||
                        ends_with(names[i], ".html") ||
                        ends_with(names[i], ".htm"))) {
                input *in = input_add(l);
                in->name = precis__strdup(path.data);
                in->path = precis__strdup(path.data);
            }
        }
        buf_free(&path);
        free(names[i]);
    }
    free(names);
}

static void collect(input_list *l, char **args, size_t n, size_t max, bool *ok)
{
    for (size_t i = 0; i < n; i++) {
        struct stat sb;
        if (stat(args[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
            add_dir(l, args[i], max, ok);
        } else if (ends_with(args[i], ".jsonl")) {
            add_jsonl_file(l, args[i], max, ok);
        } else if (is_feed_name(args[i]) ||
                   (stat(args[i], &sb) == 0 && S_ISREG(sb.st_mode) &&
                    add_feed_file(l, args[i], max, ok, false))) {
            if (is_feed_name(args[i]))
                add_feed_file(l, args[i], max, ok, true);
        } else {
            /* Named files are read even without .txt; errors come later,
             * in order, with the others. */
            input *in = input_add(l);
            in->name = precis__strdup(args[i]);
            in->path = precis__strdup(args[i]);
        }
    }
}

static void inputs_free(input_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].name);
        free(l->v[i].path);
        free(l->v[i].error);
        jsonl_record_free(&l->v[i].rec);
    }
    free(l->v);
}

/* ==== Summarising one article (in a worker) ==== */

typedef struct worker {
    precis_ctx *ctx;
} worker;

typedef struct batch {
    const cli_opts *o;
    progress prog;
    bool ctx_failed;
} batch;

static void *worker_init(void *ud)
{
    batch *b = ud;
    worker *w = calloc(1, sizeof *w);
    if (!w) {
        fputs("precis: out of memory\n", stderr);
        abort();
    }
    precis_status st;
    w->ctx = precis_ctx_new(b->o->language, b->o->models_dir, &st);
    return w;
}

static void worker_fini(void *state, void *ud)
{
    (void)ud;
    worker *w = state;
    precis_ctx_free(w->ctx);
    free(w);
}

static void on_progress(size_t done, void *ud)
{
    batch *b = ud;
    progress_show(&b->prog, done);
}

/* Feeds, finishes and summarises one input; returns the document, or NULL
 * with a message in *err. */
static precis_doc *summarize_input(worker *w, const cli_opts *o,
                                   const input *in, char **err)
{
    if (in->error) {
        *err = precis__strdup(in->error);
        return NULL;
    }
    if (!w->ctx) {
        *err = precis__strdup("cannot load the language models");
        return NULL;
    }
    precis_doc *doc = precis_doc_new(w->ctx);
    precis_status st = precis_doc_set_max_input(doc, o->max_input);
    if (in->is_record) {
        const jsonl_record *r = &in->rec;
        if (st == PRECIS_OK)
            st = precis_doc_feed(doc, buf_cstr(&r->text), r->text.len);
        if (st == PRECIS_OK && r->has_title)
            st = precis_doc_set_title(doc, buf_cstr(&r->title), r->title.len);
        if (st == PRECIS_OK && r->has_date && r->date.len)
            st = precis_doc_set_date(doc, buf_cstr(&r->date));
        if (st == PRECIS_OK && r->has_lang && r->lang.len &&
            strcmp(buf_cstr(&r->lang), "auto") != 0)
            st = precis_doc_set_language(doc, buf_cstr(&r->lang));
        /* A URL with white space inside is left out, not the article. */
        if (st == PRECIS_OK && r->url.len)
            (void)precis_doc_set_url(doc, buf_cstr(&r->url));
    } else {
        size_t len;
        char *text;
        int e = infile_read(in->path, o->max_input, &text, &len);
        if (e) {
            char msg[96];
            if (e == EFBIG)
                snprintf(msg, sizeof msg,
                         "input larger than --max-input (%zu bytes)",
                         o->max_input);
            *err = precis__strdup(e == EFBIG ? msg : strerror(e));
            precis_doc_free(doc);
            return NULL;
        }
        /* The length, not strlen: NUL bytes are for ingest to judge. */
        if (st == PRECIS_OK)
            st = precis_doc_feed(doc, text, len);
        free(text);
    }
    precis_options opt = cli_input_options(o, in->is_record ? NULL : in->path);
    if (in->is_record && in->rec.is_html)
        opt.input = PRECIS_INPUT_HTML;
    if (st == PRECIS_OK)
        st = precis_doc_finish(doc, &opt);
    if (st == PRECIS_OK)
        st = precis_doc_summarize(doc, &opt);
    if (st != PRECIS_OK) {
        const char *msg = precis_ctx_errmsg(w->ctx);
        *err = precis__strdup(*msg ? msg : precis_strerror(st));
        precis_doc_free(doc);
        return NULL;
    }
    return doc;
}

/* ==== summarize brief ==== */

typedef struct brief_task {
    batch b;
    input_list *inputs;
    precis_brief_item **items;
    char **errors;
} brief_task;

static void brief_run_one(void *state, size_t i, void *ud)
{
    brief_task *t = ud;
    const input *in = &t->inputs->v[i];
    precis_doc *doc = summarize_input(state, t->b.o, in, &t->errors[i]);
    if (doc) {
        /* A page names its source: the site's own name, when it gave one. */
        const char *site = precis_doc_site(doc);
        t->items[i] = precis_brief_item_new(doc, site ? site : in->name);
        precis_doc_free(doc);
    }
}

/* cli_parse has resolved -f and -o's name to one of these three. */
static precis_brief_format brief_format(const cli_opts *o)
{
    switch (o->format) {
    case FMT_MD:
        return PRECIS_BRIEF_MD;
    case FMT_JSON:
        return PRECIS_BRIEF_JSON;
    case FMT_HTML:
        return PRECIS_BRIEF_HTML;
    case FMT_ATOM:
        return PRECIS_BRIEF_ATOM;
    default:
        return PRECIS_BRIEF_TEXT;
    }
}

/* The day's headline ticker (the stories that fit the image, then "also
 * in the news"), rendered to memory first and then written atomically. */
static bool write_ticker(const cli_opts *o, const precis_brief *br,
                         precis_ctx *ctx)
{
    precis_membuf img = {0};
    precis_sink sink = precis_sink_mem(&img);
    precis_status st = precis_brief_render_image(br, &o->img, &sink, NULL);
    const char *err = st == PRECIS_OK ? "" : precis_ctx_errmsg(ctx);
    bool ok = st == PRECIS_OK;
    if (!ok) {
        fprintf(stderr, "%s: %s: %s\n", prog, o->png,
                err[0] ? err : precis_strerror(st));
    } else {
        outfile out;
        int e = outfile_open(&out, o->png);
        if (!e) {
            fwrite(img.data, 1, img.len, out.f);
            e = outfile_commit(&out);
        }
        if (e) {
            fprintf(stderr, "%s: %s: %s\n", prog, o->png, strerror(e));
            ok = false;
        }
    }
    precis_membuf_free(&img);
    return ok;
}

int batch_brief(const cli_opts *o)
{
    /* The briefing first, with its own context for its messages (the
     * workers' go with their threads): its options are checked before
     * any article is read. */
    precis_status cst;
    precis_ctx *bctx = precis_ctx_new("english", o->models_dir, &cst);
    if (!bctx) {
        fprintf(stderr, "%s: brief: %s\n", prog, precis_strerror(cst));
        return EXIT_FAIL;
    }
    precis_brief *br = precis_brief_new(bctx, &o->brief);
    if (!br) {
        fprintf(stderr, "%s: brief: %s\n", prog, precis_ctx_errmsg(bctx));
        precis_ctx_free(bctx);
        return EXIT_USAGE;
    }
    bool ok = true;
    input_list inputs = {0};
    collect(&inputs, o->files, o->n_files, o->max_input, &ok);
    brief_task t = {.b = {.o = o}, .inputs = &inputs};
    t.items = calloc(inputs.n ? inputs.n : 1, sizeof *t.items);
    t.errors = calloc(inputs.n ? inputs.n : 1, sizeof *t.errors);
    if (!t.items || !t.errors) {
        fputs("precis: out of memory\n", stderr);
        abort();
    }
    progress_start(&t.b.prog, inputs.n);
    pool_job job = {inputs.n,      worker_init, worker_fini,
                    brief_run_one, on_progress, &t};
    pool_run(&job, o->jobs ? o->jobs : pool_cpus());

    for (size_t i = 0; i < inputs.n; i++) {
        if (t.errors[i]) {
            fprintf(stderr, "%s: %s: %s\n", prog, inputs.v[i].name,
                    t.errors[i]);
            free(t.errors[i]);
            ok = false;
            continue;
        }
        precis_brief_add(br, t.items[i]);
    }
    free(t.items);
    free(t.errors);
    precis_brief_finish(br);
    if (o->verbose)
        fprintf(stderr, "%s: brief: %zu articles, %zu stories\n", prog,
                precis_brief_article_count(br), precis_brief_story_count(br));

    outfile out;
    int e = outfile_open(&out, o->output);
    if (e) {
        fprintf(stderr, "%s: %s: %s\n", prog, o->output, strerror(e));
        ok = false;
    } else {
        precis_sink sink = precis_sink_file(out.f);
        precis_status st =
            precis_brief_render(br, brief_format(o), o->json_flags, &sink);
        if (st != PRECIS_OK) {
            outfile_abort(&out);
            fprintf(stderr, "%s: %s: %s\n", prog,
                    o->output ? o->output : "standard output",
                    precis_ctx_errmsg(bctx));
            ok = false;
        } else if ((e = outfile_commit(&out)) != 0) {
            fprintf(stderr, "%s: %s: write error: %s\n", prog,
                    o->output ? o->output : "standard output", strerror(e));
            ok = false;
        }
    }
    if (o->png && !write_ticker(o, br, bctx))
        ok = false;
    precis_brief_free(br);
    precis_ctx_free(bctx);
    inputs_free(&inputs);
    return ok ? EXIT_OK : EXIT_FAIL;
}

/* ==== summarize --jsonl ==== */

/* Records in flight (read, not yet written): this many per worker, at
 * least JSONL_MIN_ITEMS, and none read while those in flight hold
 * JSONL_BYTES of input or more. Each worker runs one; the others wait
 * their turn or, done, wait for a slower one before them. So memory is
 * the workers' own (a context and the document each) plus a few records
 * each, however long the stream. */
#define JSONL_PER_WORKER 4
#define JSONL_MIN_ITEMS 16
#define JSONL_BYTES ((size_t)32 << 20)

typedef struct jsonl_item {
    size_t line_no;
    char *line; /* the line as read (NULL when too long); freed once parsed */
    size_t len;
    bool too_long;
    precis_membuf out; /* its line of output */
    char *report;      /* its message for stderr, or NULL */
} jsonl_item;

typedef struct jsonl_stream {
    batch b; /* first: worker_init takes the stream as a batch */
    jsonl_reader rd;
    buf line;
    FILE *out;
    bool ok; /* touched only by the one writing */
} jsonl_stream;

/* A record that failed still gets its line of output, so that a consumer
 * can match inputs and outputs one for one. */
static void error_line(precis_membuf *out, const char *id, const char *msg)
{
    json_t *o = json_object();
    if (!o) {
        fputs("precis: out of memory\n", stderr);
        abort();
    }
    json_object_set_new(o, "version", json_integer(PRECIS_JSON_VERSION));
    json_object_set_new(o, "id", precis__json_string(id, id ? strlen(id) : 0));
    json_object_set_new(o, "error", precis__json_string(msg, strlen(msg)));
    char *text = json_dumps(o, JSON_PRESERVE_ORDER | JSON_COMPACT);
    json_decref(o);
    if (!text) {
        fputs("precis: out of memory\n", stderr);
        abort();
    }
    precis_sink sink = precis_sink_mem(out);
    sink.write(sink.ud, text, strlen(text));
    sink.write(sink.ud, "\n", 1);
    free(text);
}

/* On the reading thread: the next line that holds something. */
static void *jsonl_read_item(void *ud, size_t *bytes)
{
    jsonl_stream *js = ud;
    int too_long;
    if (!jsonl_read(&js->rd, &js->line, &too_long))
        return NULL;
    jsonl_item *it = precis__calloc(1, sizeof *it);
    it->line_no = js->rd.line_no;
    it->too_long = too_long;
    if (!too_long) {
        it->len = js->line.len;
        it->line = precis__malloc(it->len + 1);
        memcpy(it->line, buf_cstr(&js->line), it->len + 1);
    }
    *bytes = it->len;
    return it;
}

/* On a worker: parses the line and summarises the record. Every message
 * says its line once: "line 4: invalid JSON ..." in the error record; on
 * stderr "line 4: ..." or, for a record with an id, "line 4 (ID): ...",
 * with control characters escaped (jsonl_quote). */
static void jsonl_run_item(void *state, void *item, void *ud)
{
    jsonl_stream *js = ud;
    jsonl_item *it = item;
    const cli_opts *o = js->b.o;
    input in;
    memset(&in, 0, sizeof in);
    in.is_record = true;
    char err[256];
    err[0] = '\0';
    if (it->too_long)
        snprintf(err, sizeof err, "longer than --max-input (%zu bytes)",
                 o->max_input);
    else if (jsonl_parse(it->line, it->len, &in.rec, err, sizeof err) == 0)
        err[0] = '\0';
    free(it->line);
    it->line = NULL;
    if (err[0])
        in.error = err; /* summarize_input only reads it */
    char *msg = NULL;
    precis_doc *doc = summarize_input(state, o, &in, &msg);
    const char *id = in.rec.id.len ? buf_cstr(&in.rec.id) : NULL;
    precis_sink sink = precis_sink_mem(&it->out);
    if (doc) {
        precis_render_json(doc, id,
                           PRECIS_JSON_ID | (o->json_flags & ~PRECIS_JSON_PRETTY),
                           &sink);
        precis_doc_free(doc);
    } else {
        buf m = {0};
        buf_printf(&m, "line %zu: %s", it->line_no, msg);
        error_line(&it->out, id, m.data);
        buf_clear(&m);
        buf_printf(&m, "line %zu", it->line_no);
        if (id) {
            buf_puts(&m, " (");
            jsonl_quote(&m, id, in.rec.id.len);
            buf_putc(&m, ')');
        }
        buf_puts(&m, ": ");
        jsonl_quote(&m, msg, strlen(msg));
        it->report = buf_detach(&m, NULL);
        free(msg);
    }
    jsonl_record_free(&in.rec);
}

/* On whichever thread writes, one at a time, in input order. */
static void jsonl_write_item(void *item, void *ud)
{
    jsonl_stream *js = ud;
    jsonl_item *it = item;
    if (it->report) {
        fprintf(stderr, "%s: %s\n", prog, it->report);
        js->ok = false;
    }
    fwrite(it->out.data ? it->out.data : "", 1, it->out.len, js->out);
    /* A result as soon as it is known, for a consumer reading the
     * stream as it comes. */
    fflush(js->out);
    precis_membuf_free(&it->out);
    free(it->report);
    free(it);
}

int batch_jsonl(const cli_opts *o)
{
    unsigned threads = o->jobs ? o->jobs : pool_cpus();
    /* Each record's document frees its large arrays when it is done;
     * without this the allocator gave them back to the system and the
     * next record faulted them in again, page by page (45,000 page faults
     * for 500 records of 24 KB with -j 2, a third of the CPU time; 2,300
     * with it, and the same peak memory with -j 2 and -j 64). */
    pool_keep_heap((size_t)4 << 20);
    outfile out;
    int e = outfile_open(&out, o->output);
    if (e) {
        fprintf(stderr, "%s: %s: %s\n", prog, o->output, strerror(e));
        return EXIT_FAIL;
    }
    jsonl_stream js = {.b = {.o = o}, .out = out.f, .ok = true};
    jsonl_reader_init(&js.rd, stdin, o->max_input);
    size_t items = (size_t)threads * JSONL_PER_WORKER;
    pool_stream ps = {
        .threads = threads,
        .max_items = items < JSONL_MIN_ITEMS ? JSONL_MIN_ITEMS : items,
        .max_bytes = JSONL_BYTES,
        .init = worker_init,
        .fini = worker_fini,
        .read = jsonl_read_item,
        .run = jsonl_run_item,
        .write = jsonl_write_item,
        .ud = &js,
    };
    pool_stream_run(&ps);
    bool ok = js.ok;
    buf_free(&js.line);
    if (js.rd.err || ferror(stdin)) {
        fprintf(stderr, "%s: standard input: %s\n", prog,
                strerror(js.rd.err ? js.rd.err : EIO));
        ok = false;
    }
    jsonl_reader_free(&js.rd);
    if ((e = outfile_commit(&out)) != 0) {
        fprintf(stderr, "%s: %s: write error: %s\n", prog,
                o->output ? o->output : "standard output", strerror(e));
        return EXIT_FAIL;
    }
    return ok ? EXIT_OK : EXIT_FAIL;
}
