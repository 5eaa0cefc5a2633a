/* eval.c: precis-eval, the ROUGE evaluation of Precis on a data set.
 *
 * For every DATASET/articles/ID.txt that has a DATASET/refs/ID.txt, each
 * system makes a summary: lead-N in-process with libprecis, every other
 * system by running its command on the article (no shell; up to --jobs at
 * a time). The summaries are scored with ROUGE-1/2/L (rouge.c) and the
 * means of the per-document scores are printed per source (the ID up to
 * its first '-') and overall. Diagnostics go to stderr as
 * "precis-eval: FILE: reason"; stdout carries only the report. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "precis.h"
#include "rouge.h"

#ifndef PRECIS_EVAL_SUMMARIZE
#define PRECIS_EVAL_SUMMARIZE "summarize"
#endif

#define EXIT_RUNTIME 1
#define EXIT_USAGE 2

extern char **environ;

static const char *const prog = "precis-eval";

static const char usage[] =
    "Usage: precis-eval [OPTION]... DATASET_DIR\n"
    "Summarise every DATASET_DIR/articles/ID.txt that has a reference\n"
    "summary DATASET_DIR/refs/ID.txt, score the summaries with ROUGE-1,\n"
    "ROUGE-2 and ROUGE-L as ROUGE-1.5.5 computes them with -n 2 -m -a, and\n"
    "print a table per source (the part of ID before its first '-') and\n"
    "overall, one row per system.\n"
    "\n"
    "Systems: lead-N (the first N sentences, found by libprecis) and precis\n"
    "(the summarize command) always run; --system adds more.\n"
    "  -n, --sentences=N        summary length in sentences for lead-N and\n"
    "                           precis (default 3)\n"
    "      --summarize=PATH     the summarize binary of the precis system\n"
    "                           (default: the one built with precis-eval)\n"
    "      --system=NAME=COMMAND\n"
    "                           also score the output of COMMAND ARTICLE,\n"
    "                           one sentence per line. COMMAND is split at\n"
    "                           spaces and run without a shell; a word {}\n"
    "                           is replaced by the article instead. A NAME\n"
    "                           in use replaces that system. Repeatable.\n"
    "  -j, --jobs=N             run N commands at a time (default 2)\n"
    "\n"
    "Output:\n"
    "  -v, --verbose            add precision and recall columns\n"
    "      --per-doc=FILE       write each document's scores as TSV to FILE\n"
    "                           (- for standard output)\n"
    "  -h, --help               display this help and exit\n"
    "  -V, --version            output version information and exit\n"
    "\n"
    "Scores are percentages: means of the per-document scores, as\n"
    "ROUGE-1.5.5 -a averages them. R1, R2 and RL are F1 scores; \"words\"\n"
    "is the mean summary length in ROUGE tokens.\n"
    "\n"
    "Exit status:\n"
    "  0  every summary was made and scored\n"
    "  1  a system failed on some article (it counts as an empty summary),\n"
    "     or a file could not be read or written\n"
    "  2  usage error\n";

/* ==== small utilities ==== */

static void fatal_oom(void)
{
    fprintf(stderr, "%s: out of memory\n", prog);
    exit(EXIT_RUNTIME);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        fatal_oom();
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        fatal_oom();
    return q;
}

/* Allocates n elements of size elem, checking the product. */
static void *xcalloc(size_t n, size_t elem)
{
    void *p = calloc(n ? n : 1, elem ? elem : 1);
    if (!p)
        fatal_oom();
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

/* A malloc'd printf. */
static char *xasprintf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        fatal_oom();
    char *s = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

/* A growable byte string; data is NUL-terminated once anything was
 * appended. */
typedef struct strbuf {
    char *data;
    size_t len, cap;
} strbuf;

static void sb_append(strbuf *b, const void *p, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1) {
            if (cap > (size_t)-1 / 2)
                fatal_oom();
            cap *= 2;
        }
        b->data = xrealloc(b->data, cap);
        b->cap = cap;
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

/* Reads the whole file path into *out. Returns 0 or an errno value. */
static int read_file(const char *path, strbuf *out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno;
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        sb_append(out, chunk, got);
    int err = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    return err;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ==== options ==== */

typedef struct eval_opts {
    size_t sentences;
    size_t jobs;
    const char *summarize;
    const char **system_specs; /* NAME=COMMAND, from argv */
    size_t n_system_specs;
    bool verbose;
    const char *per_doc;
    const char *dataset;
} eval_opts;

enum { OPT_SUMMARIZE = 256, OPT_SYSTEM, OPT_PER_DOC };

static const struct option long_options[] = {
    {"sentences", required_argument, NULL, 'n'},
    {"jobs", required_argument, NULL, 'j'},
    {"summarize", required_argument, NULL, OPT_SUMMARIZE},
    {"system", required_argument, NULL, OPT_SYSTEM},
    {"per-doc", required_argument, NULL, OPT_PER_DOC},
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

static int usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* Prints a one-line usage complaint and the hint; returns EXIT_USAGE. */
static int usage_error(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help'.\n", prog);
    return EXIT_USAGE;
}

/* A count in lo..hi, the whole argument. */
static bool parse_count(const char *arg, long lo, long hi, size_t *out)
{
    char *end;
    errno = 0;
    long v = strtol(arg, &end, 10);
    if (errno || end == arg || *end || v < lo || v > hi)
        return false;
    *out = (size_t)v;
    return true;
}

/* NAME=COMMAND with a NAME of printable non-blank bytes (it becomes a
 * TSV field) and a COMMAND with at least one word. */
static bool valid_system_spec(const char *spec)
{
    const char *eq = strchr(spec, '=');
    if (!eq || eq == spec)
        return false;
    for (const char *p = spec; p < eq; p++)
        if ((unsigned char)*p <= ' ' || *p == 0x7f)
            return false;
    return eq[strspn(eq + 1, " \t") + 1] != '\0';
}

/* Fills *o from argv. Returns -1 to go on, or an exit status (0 after
 * --help or --version). */
static int parse_options(int argc, char **argv, eval_opts *o)
{
    *o = (eval_opts){
        .sentences = 3, .jobs = 2, .summarize = PRECIS_EVAL_SUMMARIZE};
    o->system_specs = xcalloc((size_t)argc, sizeof *o->system_specs);
    opterr = 0; /* the messages below say more than getopt's */
    int c;
    while ((c = getopt_long(argc, argv, ":n:j:vhV", long_options, NULL)) !=
           -1) {
        switch (c) {
        case 'n':
            if (!parse_count(optarg, 1, 1000, &o->sentences))
                return usage_error("-n: '%s' is not a count in 1..1000",
                                   optarg);
            break;
        case 'j':
            if (!parse_count(optarg, 1, 256, &o->jobs))
                return usage_error("--jobs: '%s' is not a count in 1..256",
                                   optarg);
            break;
        case OPT_SUMMARIZE:
            o->summarize = optarg;
            break;
        case OPT_SYSTEM:
            if (!valid_system_spec(optarg))
                return usage_error("--system: '%s' is not NAME=COMMAND",
                                   optarg);
            o->system_specs[o->n_system_specs++] = optarg;
            break;
        case OPT_PER_DOC:
            o->per_doc = optarg;
            break;
        case 'v':
            o->verbose = true;
            break;
        case 'h':
            fputs(usage, stdout);
            return 0;
        case 'V':
            printf("precis-eval (precis) %s\n", precis_version_string());
            return 0;
        case ':':
            return usage_error("option '%s' needs an argument",
                               argv[optind - 1]);
        default:
            return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (argc - optind != 1)
        return usage_error(argc == optind ? "no DATASET_DIR given"
                                          : "more than one DATASET_DIR");
    o->dataset = argv[optind];
    return -1;
}

/* ==== systems ==== */

typedef struct eval_system {
    char *name;
    char *cmd;   /* owned copy of COMMAND that argv points into */
    char **argv; /* NULL for lead-N; else argc words, the article, NULL */
    size_t argc;
    size_t article_at; /* where the article goes: the "{}" word, or argc */
    bool broken;       /* could not be started: skip its other articles */
} eval_system;

/* Splits cmd (modified in place) at runs of spaces and tabs into a new
 * argv with room for the article path and the NULL at the end. */
static char **split_command(char *cmd, size_t *argc)
{
    size_t n = 0, cap = 4;
    char **v = xmalloc(cap * sizeof *v);
    for (char *p = strtok(cmd, " \t"); p; p = strtok(NULL, " \t")) {
        if (n + 3 > cap)
            v = xrealloc(v, (cap *= 2) * sizeof *v);
        v[n++] = p;
    }
    v[n] = v[n + 1] = NULL;
    *argc = n;
    return v;
}

/* Adds or replaces the system called name (length name_len). */
static void add_system(eval_system **sys, size_t *n, const char *name,
                       size_t name_len, const char *cmd)
{
    size_t i = 0;
    while (i < *n && (strlen((*sys)[i].name) != name_len ||
                      memcmp((*sys)[i].name, name, name_len)))
        i++;
    if (i == *n) {
        *sys = xrealloc(*sys, (*n + 1) * sizeof **sys);
        (*n)++;
        (*sys)[i].name = memcpy(xmalloc(name_len + 1), name, name_len);
        (*sys)[i].name[name_len] = '\0';
    } else {
        free((*sys)[i].cmd);
        free((*sys)[i].argv);
    }
    eval_system *s = &(*sys)[i];
    s->broken = false;
    s->cmd = cmd ? xstrdup(cmd) : NULL;
    s->argv = cmd ? split_command(s->cmd, &s->argc) : NULL;
    if (!cmd)
        s->argc = 0;
    s->article_at = 0;
    while (s->article_at < s->argc && strcmp(s->argv[s->article_at], "{}"))
        s->article_at++;
}

/* lead-N, then precis, then the --system ones in the order given. */
static eval_system *make_systems(const eval_opts *o, size_t *n)
{
    eval_system *sys = NULL;
    *n = 0;
    char *lead = xasprintf("lead-%zu", o->sentences);
    add_system(&sys, n, lead, strlen(lead), NULL);
    free(lead);
    /* precis runs "SUMMARIZE -n N ARTICLE". The command is split like any
     * other, then the path goes back in whole, spaces and all; it points
     * into argv or a literal, both of which outlive the run. */
    char *precis_cmd = xasprintf("summarize -n %zu", o->sentences);
    add_system(&sys, n, "precis", 6, precis_cmd);
    free(precis_cmd);
    sys[1].argv[0] = (char *)o->summarize;
    for (size_t i = 0; i < o->n_system_specs; i++) {
        const char *spec = o->system_specs[i];
        const char *eq = strchr(spec, '=');
        add_system(&sys, n, spec, (size_t)(eq - spec), eq + 1);
    }
    return sys;
}

static void free_systems(eval_system *sys, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(sys[i].name);
        free(sys[i].cmd);
        free(sys[i].argv);
    }
    free(sys);
}

/* ==== the data set ==== */

typedef struct eval_doc {
    char *id;
    char *article; /* path of the article */
    strbuf ref;    /* the reference summary */
    size_t source; /* index into the source names */
} eval_doc;

typedef struct eval_set {
    eval_doc *docs;
    size_t n_docs;
    char **sources; /* ID prefixes, in order of first appearance */
    size_t n_sources;
} eval_set;

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_regular_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Sets *out to the IDs of DIR/articles/ID.txt, sorted so that the run
 * (and its output) does not depend on directory order. Returns false
 * after printing why. */
static bool list_articles(const char *dir, char ***out, size_t *n)
{
    char *path = xasprintf("%s/articles", dir);
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
        free(path);
        return false;
    }
    char **ids = NULL;
    size_t cap = 0;
    *n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len <= 4 ||
            strcmp(e->d_name + len - 4, ".txt") != 0)
            continue;
        if (*n == cap)
            ids = xrealloc(ids, (cap = cap ? cap * 2 : 256) * sizeof *ids);
        ids[*n] = xstrdup(e->d_name);
        ids[(*n)++][len - 4] = '\0';
    }
    closedir(d);
    free(path);
    if (*n)
        qsort(ids, *n, sizeof *ids, cmp_names);
    *out = ids;
    return true;
}

/* The index of id's source (its prefix before the first '-'), adding the
 * source when it is new. */
static size_t source_of(eval_set *set, const char *id)
{
    size_t len = strcspn(id, "-");
    for (size_t i = 0; i < set->n_sources; i++)
        if (strlen(set->sources[i]) == len &&
            memcmp(set->sources[i], id, len) == 0)
            return i;
    set->sources =
        xrealloc(set->sources, (set->n_sources + 1) * sizeof *set->sources);
    char *s = memcpy(xmalloc(len + 1), id, len);
    s[len] = '\0';
    set->sources[set->n_sources] = s;
    return set->n_sources++;
}

/* Loads the documents of dir that have both an article and a reference.
 * Returns false after printing why when there are none or a reference
 * cannot be read. */
static bool load_set(const char *dir, eval_set *set)
{
    size_t n_ids;
    char **ids;
    if (!list_articles(dir, &ids, &n_ids))
        return false;
    bool ok = true;
    size_t skipped = 0;
    set->docs = xcalloc(n_ids, sizeof *set->docs);
    for (size_t i = 0; i < n_ids; i++) {
        char *ref_path = xasprintf("%s/refs/%s.txt", dir, ids[i]);
        if (!is_regular_file(ref_path)) {
            skipped++;
        } else {
            eval_doc *doc = &set->docs[set->n_docs];
            int err = read_file(ref_path, &doc->ref);
            if (err) {
                fprintf(stderr, "%s: %s: %s\n", prog, ref_path, strerror(err));
                free(doc->ref.data);
                doc->ref = (strbuf){0};
                ok = false;
            } else {
                doc->id = ids[i];
                ids[i] = NULL;
                doc->article = xasprintf("%s/articles/%s.txt", dir, doc->id);
                doc->source = source_of(set, doc->id);
                set->n_docs++;
            }
        }
        free(ref_path);
        free(ids[i]);
    }
    free(ids);
    if (skipped)
        fprintf(stderr, "%s: %s: %zu article%s no reference; skipped\n", prog,
                dir, skipped, skipped == 1 ? " has" : "s have");
    if (ok && set->n_docs == 0) {
        fprintf(stderr, "%s: %s: no article with a reference summary\n", prog,
                dir);
        ok = false;
    }
    return ok;
}

static void free_set(eval_set *set)
{
    for (size_t i = 0; i < set->n_docs; i++) {
        free(set->docs[i].id);
        free(set->docs[i].article);
        free(set->docs[i].ref.data);
    }
    free(set->docs);
    for (size_t i = 0; i < set->n_sources; i++)
        free(set->sources[i]);
    free(set->sources);
}

/* ==== making summaries ==== */

/* One summary: results[doc * n_systems + system]. */
typedef struct eval_result {
    strbuf text;
    bool failed;
    rouge_score score;
} eval_result;

/* lead-N: the first n body sentences as libprecis splits them (ingest
 * already took the title out), one per line. Returns false after
 * printing why (name is the system's, for the message). */
static bool lead_summary(precis_ctx *ctx, const char *name, const char *path,
                         size_t n, strbuf *out)
{
    strbuf article = {0};
    int err = read_file(path, &article);
    if (err) {
        fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(err));
        free(article.data);
        return false;
    }
    precis_doc *doc = precis_doc_new(ctx);
    precis_status st = precis_doc_feed(doc, article.data, article.len);
    if (st == PRECIS_OK)
        st = precis_doc_finish(doc, NULL);
    size_t count = st == PRECIS_OK ? precis_doc_sentence_count(doc) : 0;
    for (size_t i = 0; i < count && i < n; i++) {
        precis_sentence s;
        if (precis_doc_sentence(doc, i, &s) == PRECIS_OK) {
            sb_append(out, s.text, s.len);
            sb_append(out, "\n", 1);
        }
    }
    if (st != PRECIS_OK)
        fprintf(stderr, "%s: %s: %s: %s\n", prog, path, name,
                *precis_ctx_errmsg(ctx) ? precis_ctx_errmsg(ctx)
                                        : precis_strerror(st));
    precis_doc_free(doc);
    free(article.data);
    return st == PRECIS_OK;
}

/* Runs lead-N, system number sys, on every document. Returns the number
 * of documents it failed on. */
static size_t run_lead(const eval_set *set, const eval_system *systems,
                       size_t sys, size_t n_sys, size_t sentences,
                       eval_result *res)
{
    const char *name = systems[sys].name;
    precis_status err;
    precis_ctx *ctx = precis_ctx_new("english", NULL, &err);
    if (!ctx) {
        fprintf(stderr, "%s: %s: %s\n", prog, name, precis_strerror(err));
        for (size_t d = 0; d < set->n_docs; d++)
            res[d * n_sys + sys].failed = true;
        return set->n_docs;
    }
    size_t failures = 0;
    for (size_t d = 0; d < set->n_docs; d++) {
        eval_result *r = &res[d * n_sys + sys];
        if (!lead_summary(ctx, name, set->docs[d].article, sentences,
                          &r->text)) {
            r->failed = true;
            r->text.len = 0;
            failures++;
        }
    }
    precis_ctx_free(ctx);
    return failures;
}

/* ==== running commands ==== */

/* A command in flight: its process, the read end of its stdout, and the
 * result it fills. */
typedef struct child {
    pid_t pid;
    int fd;
    size_t doc;
    eval_system *sys;
    eval_result *res;
} child;

/* Starts sys on doc's article with stdout on a pipe and stdin on
 * /dev/null. Returns 0, or an errno value (nothing is left running). */
static int start_child(eval_system *sys, const eval_doc *doc, child *c)
{
    int fds[2];
    if (pipe(fds) != 0)
        return errno;
    /* Close-on-exec on both ends, so that no other child inherits them;
     * dup2 onto fd 1 in the child clears the flag for its stdout. */
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    posix_spawn_file_actions_t fa;
    int err = posix_spawn_file_actions_init(&fa);
    if (!err) {
        err = posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null",
                                               O_RDONLY, 0);
        if (!err)
            err = posix_spawn_file_actions_adddup2(&fa, fds[1], STDOUT_FILENO);
        char *word = sys->argv[sys->article_at]; /* "{}" or the NULL */
        sys->argv[sys->article_at] = doc->article;
        if (!err)
            err = posix_spawnp(&c->pid, sys->argv[0], &fa, NULL, sys->argv,
                               environ);
        sys->argv[sys->article_at] = word;
        posix_spawn_file_actions_destroy(&fa);
    }
    close(fds[1]);
    if (err) {
        close(fds[0]);
        return err;
    }
    c->fd = fds[0];
    return 0;
}

/* Reads what c's command wrote. Returns false at end of file. */
static bool drain_child(child *c)
{
    char chunk[16384];
    ssize_t got = read(c->fd, chunk, sizeof chunk);
    if (got > 0) {
        sb_append(&c->res->text, chunk, (size_t)got);
        return true;
    }
    return got < 0 && errno == EINTR;
}

/* Closes c's pipe and reaps its process. Returns the wait status, or -1
 * when waitpid fails. */
static int reap_child(child *c)
{
    close(c->fd);
    int status;
    while (waitpid(c->pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return status;
}

/* Says on stderr how a failed command ended. */
static void report_status(const char *article, const char *name, int status)
{
    if (status == -1)
        fprintf(stderr, "%s: %s: %s: %s\n", prog, article, name,
                strerror(errno));
    else if (WIFEXITED(status))
        fprintf(stderr, "%s: %s: %s exited with status %d\n", prog, article,
                name, WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        fprintf(stderr, "%s: %s: %s was killed by signal %d\n", prog, article,
                name, WTERMSIG(status));
}

static void mark_failed(eval_result *r)
{
    r->failed = true;
    r->text.len = 0; /* a failure scores as an empty summary */
}

/* Starts the next task that has a command to run, skipping lead-N and
 * systems that could not be started. Returns false when none is left.
 * A command that cannot be started at all (say, not found) is reported
 * once and its system is marked broken. */
static bool start_next(const eval_set *set, eval_system *sys, size_t n_sys,
                       eval_result *res, size_t *next, child *c,
                       size_t *failures)
{
    while (*next < set->n_docs * n_sys) {
        size_t t = (*next)++, d = t / n_sys;
        eval_system *s = &sys[t % n_sys];
        if (!s->argv)
            continue;
        c->doc = d;
        c->sys = s;
        c->res = &res[t];
        int err = s->broken ? 0 : start_child(s, &set->docs[d], c);
        if (!s->broken && !err)
            return true;
        if (err) {
            fprintf(stderr, "%s: %s: %s (system %s not run)\n", prog,
                    s->argv[0], strerror(err), s->name);
            s->broken = true;
        }
        mark_failed(c->res);
        (*failures)++;
    }
    return false;
}

/* Runs every command system on every document, at most jobs at a time.
 * Each output goes to its own result slot, so the report does not depend
 * on which command finishes first. Returns the number of failures. */
static size_t run_commands(const eval_set *set, eval_system *sys, size_t n_sys,
                           size_t jobs, eval_result *res)
{
    child *kids = xcalloc(jobs, sizeof *kids);
    struct pollfd *pfd = xcalloc(jobs, sizeof *pfd);
    size_t next = 0, running = 0, failures = 0;
    for (;;) {
        while (running < jobs && start_next(set, sys, n_sys, res, &next,
                                            &kids[running], &failures))
            running++;
        if (running == 0)
            break;
        for (size_t i = 0; i < running; i++)
            pfd[i] = (struct pollfd){.fd = kids[i].fd, .events = POLLIN};
        if (poll(pfd, (nfds_t)running, -1) < 0) {
            if (errno == EINTR)
                continue;
            fprintf(stderr, "%s: poll: %s\n", prog, strerror(errno));
            exit(EXIT_RUNTIME);
        }
        /* Backwards, so that moving the last child into a finished one's
         * place only moves a child already looked at. */
        for (size_t i = running; i-- > 0;) {
            if (!pfd[i].revents || drain_child(&kids[i]))
                continue;
            int status = reap_child(&kids[i]);
            if (status == -1 || !WIFEXITED(status) ||
                WEXITSTATUS(status) != 0) {
                report_status(set->docs[kids[i].doc].article, kids[i].sys->name,
                              status);
                mark_failed(kids[i].res);
                failures++;
            }
            kids[i] = kids[--running];
        }
    }
    free(pfd);
    free(kids);
    return failures;
}

/* ==== scoring ==== */

/* Score sums for one system over a group of documents. */
typedef struct totals {
    double sum[9]; /* P, R, F of ROUGE-1, ROUGE-2, ROUGE-L */
    double words;  /* summary tokens */
    size_t docs, failed;
} totals;

static void score_values(const rouge_score *sc, double v[9])
{
    const rouge_prf *m[3] = {&sc->r1, &sc->r2, &sc->rl};
    for (int i = 0; i < 3; i++) {
        v[3 * i] = m[i]->p;
        v[3 * i + 1] = m[i]->r;
        v[3 * i + 2] = m[i]->f;
    }
}

static void score_all(rouge_scorer *scorer, const eval_set *set, size_t n_sys,
                      eval_result *res)
{
    for (size_t d = 0; d < set->n_docs; d++) {
        const strbuf *ref = &set->docs[d].ref;
        for (size_t s = 0; s < n_sys; s++) {
            eval_result *r = &res[d * n_sys + s];
            rouge_score_texts(scorer, r->text.data ? r->text.data : "",
                              r->text.len, ref->data ? ref->data : "", ref->len,
                              &r->score);
        }
    }
}

/* Adds up the scores of the documents of source (or of all documents
 * when source is n_sources) into t[0..n_sys). */
static void sum_group(const eval_set *set, size_t source, size_t n_sys,
                      const eval_result *res, totals *t)
{
    memset(t, 0, n_sys * sizeof *t);
    for (size_t d = 0; d < set->n_docs; d++) {
        if (source != set->n_sources && set->docs[d].source != source)
            continue;
        for (size_t s = 0; s < n_sys; s++) {
            const eval_result *r = &res[d * n_sys + s];
            double v[9];
            score_values(&r->score, v);
            for (int i = 0; i < 9; i++)
                t[s].sum[i] += v[i];
            t[s].words += (double)r->score.cand_tokens;
            t[s].docs++;
            t[s].failed += r->failed;
        }
    }
}

/* ==== the report ==== */

static const char *const metric_names[3] = {"R1", "R2", "RL"};
static const char *const prf_names[3] = {"P", "R", "F"};

static void print_header(FILE *out, int name_w, bool verbose)
{
    fprintf(out, "%-*s", name_w, "system");
    for (int m = 0; m < 3; m++) {
        if (!verbose) {
            fprintf(out, " %6s", metric_names[m]);
            continue;
        }
        for (int k = 0; k < 3; k++) {
            char col[8];
            snprintf(col, sizeof col, "%s-%s", metric_names[m], prf_names[k]);
            fprintf(out, " %6s", col);
        }
    }
    fprintf(out, " %6s %6s\n", "words", "failed");
}

/* One table: the mean of each score over the group's documents, as
 * ROUGE-1.5.5 -a averages them, in percent. */
static void print_table(FILE *out, const char *title, const totals *t,
                        const eval_system *sys, size_t n_sys, bool verbose)
{
    int name_w = 6;
    for (size_t s = 0; s < n_sys; s++)
        if ((int)strlen(sys[s].name) > name_w)
            name_w = (int)strlen(sys[s].name);
    fprintf(out, "\n%s (%zu documents)\n", title, t[0].docs);
    print_header(out, name_w, verbose);
    for (size_t s = 0; s < n_sys; s++) {
        double n = t[s].docs ? (double)t[s].docs : 1.0;
        fprintf(out, "%-*s", name_w, sys[s].name);
        for (int i = 0; i < 9; i++)
            if (verbose || i % 3 == 2)
                fprintf(out, " %6.2f", 100.0 * t[s].sum[i] / n);
        fprintf(out, " %6.1f %6zu\n", t[s].words / n, t[s].failed);
    }
}

static void print_report(FILE *out, const eval_opts *o, const eval_set *set,
                         const eval_system *sys, size_t n_sys,
                         const eval_result *res)
{
    fprintf(out,
            "ROUGE-1.5.5 -n 2 -m -a on %s: %zu documents, %zu sentence%s "
            "per summary; %s in %%\n",
            o->dataset, set->n_docs, o->sentences, o->sentences == 1 ? "" : "s",
            o->verbose ? "scores" : "F1 scores");
    totals *t = xcalloc(n_sys, sizeof *t);
    for (size_t g = 0; g <= set->n_sources; g++) {
        sum_group(set, g, n_sys, res, t);
        print_table(out, g < set->n_sources ? set->sources[g] : "overall", t,
                    sys, n_sys, o->verbose);
    }
    free(t);
}

/* Writes every document's nine scores as TSV. Returns false after
 * printing why. */
static bool write_per_doc(const char *path, const eval_set *set,
                          const eval_system *sys, size_t n_sys,
                          const eval_result *res)
{
    bool is_stdout = strcmp(path, "-") == 0;
    FILE *f = is_stdout ? stdout : fopen(path, "w");
    if (!f) {
        fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
        return false;
    }
    fputs("id\tsystem", f);
    for (int m = 0; m < 3; m++)
        for (int k = 0; k < 3; k++)
            fprintf(f, "\trouge%c_%c", "12L"[m], "prf"[k]);
    fputc('\n', f);
    for (size_t d = 0; d < set->n_docs; d++) {
        for (size_t s = 0; s < n_sys; s++) {
            double v[9];
            score_values(&res[d * n_sys + s].score, v);
            fprintf(f, "%s\t%s", set->docs[d].id, sys[s].name);
            for (int i = 0; i < 9; i++)
                fprintf(f, "\t%.5f", v[i]);
            fputc('\n', f);
        }
    }
    bool ok = !ferror(f);
    if (!is_stdout && fclose(f) != 0)
        ok = false;
    if (!ok)
        fprintf(stderr, "%s: %s: write error\n", prog, path);
    return ok;
}

/* ==== main ==== */

static void free_results(eval_result *res, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(res[i].text.data);
    free(res);
}

int main(int argc, char **argv)
{
    eval_opts o;
    int rc = parse_options(argc, argv, &o);
    if (rc >= 0) {
        free(o.system_specs);
        return rc;
    }
    double t0 = now_seconds();
    eval_set set = {0};
    rouge_scorer *scorer = rouge_scorer_new();
    if (!scorer) {
        fprintf(stderr, "%s: libstemmer has no \"porter\" stemmer\n", prog);
        free(o.system_specs);
        return EXIT_RUNTIME;
    }
    if (!load_set(o.dataset, &set)) {
        free_set(&set);
        rouge_scorer_free(scorer);
        free(o.system_specs);
        return EXIT_RUNTIME;
    }
    size_t n_sys;
    eval_system *sys = make_systems(&o, &n_sys);
    eval_result *res = xcalloc(set.n_docs * n_sys, sizeof *res);

    size_t failures = 0;
    for (size_t s = 0; s < n_sys; s++)
        if (!sys[s].argv)
            failures += run_lead(&set, sys, s, n_sys, o.sentences, res);
    failures += run_commands(&set, sys, n_sys, o.jobs, res);
    double t1 = now_seconds();
    score_all(scorer, &set, n_sys, res);
    double t2 = now_seconds();

    print_report(stdout, &o, &set, sys, n_sys, res);
    bool ok = failures == 0;
    if (o.per_doc && !write_per_doc(o.per_doc, &set, sys, n_sys, res))
        ok = false;
    printf("\ntime: %.1f s (summaries %.1f s, scoring %.2f s)\n", t2 - t0,
           t1 - t0, t2 - t1);
    if (failures)
        fprintf(stderr, "%s: %zu summaries failed and were scored as empty\n",
                prog, failures);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s: standard output: write error\n", prog);
        ok = false;
    }

    free_results(res, set.n_docs * n_sys);
    free_systems(sys, n_sys);
    free_set(&set);
    rouge_scorer_free(scorer);
    free(o.system_specs);
    return ok ? 0 : EXIT_RUNTIME;
}
