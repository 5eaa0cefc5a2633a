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
#include "cli/quote.h"
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
    bool listed; /* found in a folder: read only if a regular file */
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

/* ---- The folder reader: what it read, what it skipped and why ---- */

/* Why an input is not in the briefing; the summary at the end counts
 * each. The first three are failures (exit status 1). */
enum skip_reason {
    SKIP_NONE,
    SKIP_UNREADABLE, /* dangling link, permission, I/O, name too long */
    SKIP_FAILED,     /* read, but not an article (binary, empty, ...) */
    SKIP_SPECIAL,    /* a FIFO, socket or device */
    SKIP_OUTPUT,     /* an output of this very run */
    SKIP_SAME,       /* a file or folder already read by another name */
    SKIP_N
};

static const char *const skip_what[SKIP_N] = {"",
                                              "could not be read",
                                              "could not be summarised",
                                              "not a regular file",
                                              "output of this run",
                                              "read already"};

typedef struct file_id {
    dev_t dev;
    ino_t ino;
} file_id;

typedef struct reader {
    size_t max;         /* --max-input */
    bool ok;            /* false once an input could not be read */
    file_id outputs[2]; /* -o and --png, when they exist already */
    size_t n_outputs;
    file_id *seen; /* every file and folder read: an open hash set */
    size_t n_seen, cap_seen;
    size_t skipped[SKIP_N];
} reader;

static size_t id_hash(file_id id, size_t cap)
{
    uint64_t h = ((uint64_t)id.dev * 0x9E3779B97F4A7C15u) ^ (uint64_t)id.ino;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9u;
    h ^= h >> 32;
    return (size_t)h & (cap - 1);
}

/* Adds sb's file to the files read; false when it was read already (a
 * second link to it, a folder met again through a symbolic link). */
static bool seen_add(reader *r, const struct stat *sb)
{
    if (2 * (r->n_seen + 1) > r->cap_seen) {
        size_t cap = r->cap_seen ? 2 * r->cap_seen : 1024;
        file_id *v = calloc(cap, sizeof *v);
        if (!v) {
            fputs("precis: out of memory\n", stderr);
            abort();
        }
        for (size_t i = 0; i < r->cap_seen; i++) {
            if (r->seen[i].ino == 0)
                continue;
            size_t h = id_hash(r->seen[i], cap);
            while (v[h].ino != 0)
                h = (h + 1) & (cap - 1);
            v[h] = r->seen[i];
        }
        free(r->seen);
        r->seen = v;
        r->cap_seen = cap;
    }
    /* Inode 0 marks an empty slot; no file system hands it out. */
    file_id id = {sb->st_dev, sb->st_ino ? sb->st_ino : (ino_t)-1};
    size_t h = id_hash(id, r->cap_seen);
    while (r->seen[h].ino != 0) {
        if (r->seen[h].dev == id.dev && r->seen[h].ino == id.ino)
            return false;
        h = (h + 1) & (r->cap_seen - 1);
    }
    r->seen[h] = id;
    r->n_seen++;
    return true;
}

static bool is_output(const reader *r, const struct stat *sb)
{
    for (size_t i = 0; i < r->n_outputs; i++)
        if (r->outputs[i].dev == sb->st_dev && r->outputs[i].ino == sb->st_ino)
            return true;
    return false;
}

/* Records an output of the run that exists already, so that it is never
 * read as an input (lstat: an output that is a symbolic link is replaced
 * as a name, and the file it points to stays an input like any other). */
static void reader_output(reader *r, const char *path)
{
    struct stat sb;
    if (path && strcmp(path, "-") != 0 && lstat(path, &sb) == 0 &&
        S_ISREG(sb.st_mode) && r->n_outputs < 2)
        r->outputs[r->n_outputs++] = (file_id){sb.st_dev, sb.st_ino};
}

/* Names a skipped input on stderr and counts it. */
static void skip(reader *r, const char *path, enum skip_reason why,
                 const char *msg)
{
    cli_error(path, "%s", msg);
    r->skipped[why]++;
    if (why == SKIP_UNREADABLE || why == SKIP_FAILED)
        r->ok = false;
}

/* The reason for an open or read error e of path (INFILE_NOT_REGULAR,
 * EFBIG, or an errno value); msg gets the message. */
static enum skip_reason read_error(int e, const struct stat *sb, size_t max,
                                   char *msg, size_t size)
{
    if (e == INFILE_NOT_REGULAR) {
        snprintf(msg, size, "skipped: %s, not a regular file", file_kind(sb));
        return SKIP_SPECIAL;
    }
    if (e == EFBIG)
        snprintf(msg, size, "input larger than --max-input (%zu bytes)", max);
    else
        snprintf(msg, size, "%s", strerror(e));
    return SKIP_UNREADABLE;
}

static void add_jsonl_file(reader *r, input_list *l, const char *path,
                           bool listed)
{
    struct stat sb;
    int e;
    int fd = infile_open(path, listed, &sb, &e);
    FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
    if (!f) {
        char msg[160];
        if (fd >= 0) {
            e = errno;
            close(fd);
        }
        skip(r, path, read_error(e, &sb, r->max, msg, sizeof msg), msg);
        return;
    }
    /* The reader of --jsonl: CRLF, blank lines and a byte-order mark
     * are taken as there. */
    jsonl_reader jr;
    jsonl_reader_init(&jr, f, r->max);
    buf line = {0};
    int too_long;
    while (jsonl_read(&jr, &line, &too_long)) {
        input *in = input_add(l);
        in->is_record = true;
        char err[256];
        if (too_long)
            snprintf(err, sizeof err,
                     "line longer than --max-input (%zu "
                     "bytes)",
                     r->max);
        else if (jsonl_parse(buf_cstr(&line), line.len, &in->rec, err,
                             sizeof err) == 0)
            err[0] = '\0';
        buf name = {0};
        if (in->rec.id.len)
            buf_put(&name, in->rec.id.data, in->rec.id.len);
        else
            buf_printf(&name, "%s:%zu", path, jr.line_no);
        in->name = buf_detach(&name, NULL);
        if (err[0])
            in->error = precis__strdup(err);
    }
    int read_failed = jsonl_reader_error(&jr);
    jsonl_reader_free(&jr);
    if (read_failed)
        skip(r, path, SKIP_UNREADABLE, strerror(read_failed));
    buf_free(&line);
    fclose(f);
}

static bool is_feed_name(const char *name)
{
    return ends_with(name, ".xml") || ends_with(name, ".rss") ||
           ends_with(name, ".atom");
}

static bool is_article_name(const char *name)
{
    return ends_with(name, ".txt") || ends_with(name, ".html") ||
           ends_with(name, ".htm");
}

/* An RSS or Atom feed: each item becomes a record (its content, title,
 * date and link) named FILE#N, its site the feed's title so that the
 * briefing lists the outlet.
 * Returns false when the file is not a feed (nothing added). */
static bool add_feed_file(reader *r, input_list *l, const char *path,
                          bool listed, bool must)
{
    char *data;
    size_t len;
    struct stat sb;
    int e = listed ? infile_read_regular(path, r->max, &data, &len, &sb)
                   : infile_read(path, r->max, &data, &len);
    if (e) {
        char msg[160];
        skip(r, path, read_error(e, &sb, r->max, msg, sizeof msg), msg);
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
        skip(r, path, SKIP_FAILED,
             ctx ? precis_ctx_errmsg(ctx) : precis_strerror(st));
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
        if (source)
            buf_puts(&in->rec.site, source);
        buf name = {0};
        buf_printf(&name, "%s#%zu", path, i + 1);
        in->name = buf_detach(&name, NULL);
    }
    precis_feed_free(f);
    precis_ctx_free(ctx);
    return true;
}

/* A file of the folder reader (sb: its status, followed through a
 * symbolic link): skipped when it is an output of this run or was read
 * already, else added by its kind. */
static void add_file(reader *r, input_list *l, const char *path,
                     const struct stat *sb, bool listed)
{
    if (is_output(r, sb)) {
        skip(r, path, SKIP_OUTPUT, "skipped: an output of this run");
        return;
    }
    if (!seen_add(r, sb)) {
        skip(r, path, SKIP_SAME, "skipped: the same file was read already");
        return;
    }
    if (ends_with(path, ".jsonl")) {
        add_jsonl_file(r, l, path, listed);
    } else if (is_feed_name(path)) {
        add_feed_file(r, l, path, listed, true);
    } else if (listed || !S_ISREG(sb->st_mode) ||
               !add_feed_file(r, l, path, false, false)) {
        /* Articles are read by the workers; a named file is read even
         * without .txt (its errors then come in order with the others). */
        input *in = input_add(l);
        in->name = precis__strdup(path);
        in->path = precis__strdup(path);
        in->listed = listed;
    }
}

/* Walks a folder for *.txt, *.html, *.htm, *.jsonl and feeds (*.xml,
 * *.rss, *.atom), sorted so the order is the same on every file system.
 * Hidden names (.*) are passed by, as ls does. Symbolic links are
 * followed, to files and to folders; a file or folder met twice is read
 * once (so a link loop ends). Anything that is not a regular file is
 * skipped with a message; anything that cannot be read (a dangling link,
 * permission, a name too long, an I/O error) is named and makes the exit
 * status 1. */
static void add_dir(reader *r, input_list *l, const char *dir)
{
    DIR *d = opendir(dir);
    struct stat ds;
    if (!d) {
        skip(r, dir, SKIP_UNREADABLE, strerror(errno));
        return;
    }
    if (fstat(dirfd(d), &ds) == 0 && !seen_add(r, &ds)) {
        closedir(d);
        skip(r, dir, SKIP_SAME, "skipped: the same folder was read already");
        return;
    }
    size_t n = 0, cap = 64;
    char **names = malloc(cap * sizeof *names);
    struct dirent *e;
    for (;;) {
        errno = 0;
        if (!names || !(e = readdir(d)))
            break;
        if (e->d_name[0] == '.')
            continue;
        if (n == cap)
            names = realloc(names, (cap *= 2) * sizeof *names);
        if (names)
            names[n++] = precis__strdup(e->d_name);
    }
    if (names && errno)
        skip(r, dir, SKIP_UNREADABLE, strerror(errno));
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
        const char *p = path.data;
        /* Only names that could be inputs are reported (a dangling link
         * called notes.md is not the briefing's business), and folders. */
        bool wanted = is_article_name(names[i]) || is_feed_name(names[i]) ||
                      ends_with(names[i], ".jsonl");
        struct stat sb;
        if (lstat(p, &sb) != 0) {
            skip(r, p, SKIP_UNREADABLE, strerror(errno));
        } else if (S_ISLNK(sb.st_mode) && stat(p, &sb) != 0) {
            int err = errno;
            if (wanted)
                skip(r, p, SKIP_UNREADABLE,
                     err == ENOENT ? "dangling symbolic link" : strerror(err));
        } else if (S_ISDIR(sb.st_mode)) {
            add_dir(r, l, p);
        } else if (!wanted) {
            /* another kind of file: not an input */
        } else if (!S_ISREG(sb.st_mode)) {
            char msg[96];
            snprintf(msg, sizeof msg, "skipped: %s, not a regular file",
                     file_kind(&sb));
            skip(r, p, SKIP_SPECIAL, msg);
        } else {
            add_file(r, l, p, &sb, true);
        }
        buf_free(&path);
        free(names[i]);
    }
    free(names);
}

/* The inputs named on the command line: folders are walked; files are
 * read whatever their name and kind (a FIFO named by the user is waited
 * on). A name that cannot be looked at is read later, by a worker, and
 * reported in order with the others. */
static void collect(reader *r, input_list *l, char **args, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct stat sb;
        if (strcmp(args[i], "-") != 0 && stat(args[i], &sb) == 0) {
            if (S_ISDIR(sb.st_mode))
                add_dir(r, l, args[i]);
            else
                add_file(r, l, args[i], &sb, false);
        } else {
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
    /* Every input comes as a record: a file's bytes were read into one
     * by brief_run_one, which checks what it opened. */
    if (in->error) {
        *err = precis__strdup(in->error);
        return NULL;
    }
    if (!w->ctx) {
        *err = precis__strdup("cannot load the language models");
        return NULL;
    }
    const jsonl_record *r = &in->rec;
    precis_doc *doc = precis_doc_new(w->ctx);
    precis_status st = precis_doc_set_max_input(doc, o->max_input);
    /* The length, not strlen: NUL bytes are for ingest to judge. */
    if (st == PRECIS_OK)
        st = precis_doc_feed(doc, buf_cstr(&r->text), r->text.len);
    if (st == PRECIS_OK && r->has_title)
        st = precis_doc_set_title(doc, buf_cstr(&r->title), r->title.len);
    if (st == PRECIS_OK && r->has_date && r->date.len)
        st = precis_doc_set_date(doc, buf_cstr(&r->date));
    if (st == PRECIS_OK && r->has_lang && r->lang.len &&
        strcmp(buf_cstr(&r->lang), "auto") != 0)
        st = precis_doc_set_language(doc, buf_cstr(&r->lang));
    /* A URL with white space inside is left out, not the article; so is
     * a site name with a control character. */
    if (st == PRECIS_OK && r->url.len)
        (void)precis_doc_set_url(doc, buf_cstr(&r->url));
    if (st == PRECIS_OK && r->site.len)
        (void)precis_doc_set_site(doc, buf_cstr(&r->site));
    precis_options opt = cli_input_options(o, NULL);
    if (r->is_html)
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
    const reader *rd;
    input_list *inputs;
    precis_brief_item **items;
    char **errors;
    unsigned char *why; /* enum skip_reason of each failed input */
} brief_task;

static void brief_run_one(void *state, size_t i, void *ud)
{
    brief_task *t = ud;
    const cli_opts *o = t->b.o;
    const input *in = &t->inputs->v[i];
    input file;
    /* A file is read here, so that what was opened is checked (a file of
     * a folder must still be a regular file, and not an output of this
     * run), then summarised as a record of its bytes. */
    if (!in->is_record) {
        char *text, msg[160];
        size_t len;
        struct stat sb;
        int e = in->listed ? infile_read_regular(in->path, o->max_input, &text,
                                                 &len, &sb)
                           : infile_read(in->path, o->max_input, &text, &len);
        if (!e && in->listed && is_output(t->rd, &sb)) {
            free(text);
            t->why[i] = SKIP_OUTPUT;
            t->errors[i] = precis__strdup("skipped: an output of this run");
            return;
        }
        if (e) {
            t->why[i] = read_error(e, &sb, o->max_input, msg, sizeof msg);
            t->errors[i] = precis__strdup(msg);
            return;
        }
        memset(&file, 0, sizeof file);
        file.name = in->name;
        file.is_record = true;
        file.rec.text = (buf){text, len, len + 1};
        file.rec.is_html =
            cli_input_options(o, in->path).input == PRECIS_INPUT_HTML;
        in = &file;
    }
    precis_doc *doc = summarize_input(state, o, in, &t->errors[i]);
    if (in == &file)
        free(file.rec.text.data);
    if (doc) {
        /* The item names itself by its site when it has one. */
        t->items[i] = precis_brief_item_new(doc, in->name);
        precis_doc_free(doc);
    } else {
        t->why[i] = SKIP_FAILED;
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
 * in the news"), rendered into img. On failure prints the reason and
 * returns false. */
static bool render_ticker(const cli_opts *o, const precis_brief *br,
                          precis_ctx *ctx, precis_membuf *img)
{
    precis_sink sink = precis_sink_mem(img);
    precis_status st = precis_brief_render_image(br, &o->img, &sink, NULL);
    if (st != PRECIS_OK) {
        const char *err = precis_ctx_errmsg(ctx);
        cli_error(o->png, "%s", err[0] ? err : precis_strerror(st));
    }
    return st == PRECIS_OK;
}

/* "summarize: brief: 3 of 12 inputs skipped: 1 could not be read, ..." */
static void report_skipped(const reader *r, size_t read)
{
    size_t total = 0;
    for (int i = 1; i < SKIP_N; i++)
        total += r->skipped[i];
    if (!total)
        return;
    buf msg = {0};
    buf_printf(&msg, "%zu of %zu input%s skipped:", total, read + total,
               read + total == 1 ? "" : "s");
    const char *sep = " ";
    for (int i = 1; i < SKIP_N; i++) {
        if (r->skipped[i]) {
            buf_printf(&msg, "%s%zu %s", sep, r->skipped[i], skip_what[i]);
            sep = ", ";
        }
    }
    cli_error("brief", "%s", buf_cstr(&msg));
    buf_free(&msg);
}

/* Says why a briefing would be empty; the outputs are then kept. */
static void report_nothing(const cli_opts *o, size_t found, size_t added)
{
    if (found == 0)
        cli_error("brief",
                  "nothing to put in a briefing: no articles found (*.txt, "
                  "*.html, *.htm, *.jsonl, *.xml, *.rss, *.atom); the "
                  "output%s kept",
                  o->png ? "s are" : " is");
    else if (added == 0)
        cli_error("brief",
                  "nothing to put in a briefing: none of the %zu inputs "
                  "could be read and summarised; the output%s kept",
                  found, o->png ? "s are" : " is");
    else
        cli_error("brief",
                  "nothing to put in a briefing: none of the %zu articles "
                  "is dated %s; the output%s kept",
                  added, o->brief.date, o->png ? "s are" : " is");
}

int batch_brief(const cli_opts *o)
{
    /* The briefing first, with its own context for its messages (the
     * workers' go with their threads): its options are checked before
     * any article is read. */
    precis_status cst;
    precis_ctx *bctx = precis_ctx_new("english", o->models_dir, &cst);
    if (!bctx) {
        cli_error("brief", "%s", precis_strerror(cst));
        return EXIT_FAIL;
    }
    precis_brief *br = precis_brief_new(bctx, &o->brief);
    if (!br) {
        cli_error("brief", "%s", precis_ctx_errmsg(bctx));
        precis_ctx_free(bctx);
        return EXIT_USAGE;
    }
    /* The outputs are prepared before any article is read: a target that
     * cannot be written fails the run at once, and the outputs that
     * exist are known, so that they are never read as inputs. They are
     * put in place together at the end, and only if the whole briefing
     * was made. */
    reader rd = {.max = o->max_input, .ok = true};
    reader_output(&rd, o->output);
    reader_output(&rd, o->png);
    outfile out, png;
    outfile *outs[2] = {&out, &png};
    size_t n_outs = o->png ? 2 : 1;
    int e = outfile_open(&out, o->output);
    if (e) {
        cli_error(o->output, "%s", strerror(e));
    } else if (o->png && (e = outfile_open(&png, o->png)) != 0) {
        cli_error(o->png, "%s", strerror(e));
        outfile_abort(&out);
    }
    if (e) {
        precis_brief_free(br);
        precis_ctx_free(bctx);
        return EXIT_FAIL;
    }

    input_list inputs = {0};
    collect(&rd, &inputs, o->files, o->n_files);
    brief_task t = {.b = {.o = o}, .rd = &rd, .inputs = &inputs};
    t.items = calloc(inputs.n ? inputs.n : 1, sizeof *t.items);
    t.errors = calloc(inputs.n ? inputs.n : 1, sizeof *t.errors);
    t.why = calloc(inputs.n ? inputs.n : 1, 1);
    if (!t.items || !t.errors || !t.why) {
        fputs("precis: out of memory\n", stderr);
        abort();
    }
    progress_start(&t.b.prog, inputs.n);
    pool_job job = {inputs.n,      worker_init, worker_fini,
                    brief_run_one, on_progress, &t};
    pool_run(&job, o->jobs ? o->jobs : pool_cpus());

    size_t added = 0;
    for (size_t i = 0; i < inputs.n; i++) {
        if (t.errors[i]) {
            skip(&rd, inputs.v[i].name, t.why[i] ? t.why[i] : SKIP_FAILED,
                 t.errors[i]);
            free(t.errors[i]);
            continue;
        }
        precis_brief_add(br, t.items[i]);
        added++;
    }
    free(t.items);
    free(t.errors);
    free(t.why);
    precis_brief_finish(br);
    if (o->verbose)
        fprintf(stderr, "%s: brief: %zu articles, %zu stories\n", prog,
                precis_brief_article_count(br), precis_brief_story_count(br));
    report_skipped(&rd, added);

    /* Everything is rendered to memory first; the files are written only
     * when every part was made. */
    bool ok = rd.ok;
    bool made = precis_brief_article_count(br) > 0;
    precis_membuf text = {0}, img = {0};
    if (!made) {
        report_nothing(o, inputs.n, added);
    } else {
        precis_sink sink = precis_sink_mem(&text);
        precis_status st =
            precis_brief_render(br, brief_format(o), o->json_flags, &sink);
        if (st != PRECIS_OK) {
            cli_error(o->output ? o->output : "standard output", "%s",
                      precis_ctx_errmsg(bctx));
            made = false;
        } else if (o->png && !render_ticker(o, br, bctx, &img)) {
            made = false;
        }
    }
    if (made) {
        fwrite(text.data ? text.data : "", 1, text.len, out.f);
        if (o->png)
            fwrite(img.data ? img.data : "", 1, img.len, png.f);
        size_t bad = 0;
        if ((e = outfile_commit_all(outs, n_outs, &bad)) != 0) {
            const char *name = bad == 1 ? o->png : o->output;
            cli_error(name ? name : "standard output", "write error: %s",
                      strerror(e));
            made = false;
        }
    } else {
        for (size_t i = 0; i < n_outs; i++)
            outfile_abort(outs[i]);
    }
    precis_membuf_free(&text);
    precis_membuf_free(&img);
    precis_brief_free(br);
    precis_ctx_free(bctx);
    inputs_free(&inputs);
    free(rd.seen);
    return ok && made ? EXIT_OK : EXIT_FAIL;
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
 * with control characters escaped (quote_for_terminal). */
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
            quote_for_terminal(&m, id, in.rec.id.len);
            buf_putc(&m, ')');
        }
        buf_puts(&m, ": ");
        quote_for_terminal(&m, msg, strlen(msg));
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
        cli_error(o->output, "%s", strerror(e));
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
    if ((e = jsonl_reader_error(&js.rd)) != 0) {
        cli_error("standard input", "%s", strerror(e));
        ok = false;
    }
    jsonl_reader_free(&js.rd);
    if ((e = outfile_commit(&out)) != 0) {
        cli_error(o->output ? o->output : "standard output",
                  "write error: %s", strerror(e));
        return EXIT_FAIL;
    }
    return ok ? EXIT_OK : EXIT_FAIL;
}
