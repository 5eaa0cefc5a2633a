/* main.c: the summarize command. Parses the command line, reads each
 * input, asks libprecis for its summary and writes it. Every diagnostic
 * goes to stderr as "summarize: FILE: reason"; stdout carries only
 * summaries. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "precis.h"

static const char *prog = "summarize";

/* Reads all of f into *data (malloc'd) and *len. Returns 0, or an errno
 * value. */
static int read_all(FILE *f, char **data, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *p = malloc(cap);
    if (!p)
        return ENOMEM;
    for (;;) {
        if (n == cap) {
            char *q = cap < (size_t)-1 / 2 ? realloc(p, cap * 2) : NULL;
            if (!q) {
                free(p);
                return ENOMEM;
            }
            p = q;
            cap *= 2;
        }
        size_t got = fread(p + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                int e = errno ? errno : EIO;
                free(p);
                return e;
            }
            break;
        }
    }
    *data = p;
    *len = n;
    return 0;
}

/* Opens and reads one input ("-" is stdin). On failure prints the reason
 * and returns false. */
static bool read_input(const char *name, char **data, size_t *len)
{
    bool is_stdin = strcmp(name, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(name, "rb");
    if (!f) {
        fprintf(stderr, "%s: %s: %s\n", prog, name, strerror(errno));
        return false;
    }
    struct stat sb;
    int err = 0;
    if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode))
        err = EISDIR;
    else
        err = read_all(f, data, len);
    if (!is_stdin)
        fclose(f);
    if (err) {
        fprintf(stderr, "%s: %s: %s\n", prog, name, strerror(err));
        return false;
    }
    return true;
}

/* Writes the document's body sentences, one per line. */
static void write_split(const precis_doc *doc, precis_membuf *out)
{
    precis_sink sink = precis_sink_mem(out);
    for (size_t i = 0; i < precis_doc_sentence_count(doc); i++) {
        precis_sentence s;
        precis_doc_sentence(doc, i, &s);
        sink.write(sink.ud, s.text, s.len);
        sink.write(sink.ud, "\n", 1);
    }
}

/* Writes the sidebar headlines as HH:MM<TAB>headline. */
static void write_headlines(const precis_doc *doc, precis_membuf *out)
{
    precis_sink sink = precis_sink_mem(out);
    for (size_t i = 0; i < precis_doc_headline_count(doc); i++) {
        precis_headline h;
        precis_doc_headline(doc, i, &h);
        sink.write(sink.ud, h.time, h.time_len);
        sink.write(sink.ud, "\t", 1);
        sink.write(sink.ud, h.text, h.len);
        sink.write(sink.ud, "\n", 1);
    }
}

static void report(const precis_doc *doc, const char *shown)
{
    const char *date = precis_doc_date(doc);
    const char *lang = precis_doc_language(doc);
    fprintf(stderr, "%s: %s: language %s, date %s, %zu sentences, %zu headlines\n",
            prog, shown, lang ? lang : "?", date ? date : "none",
            precis_doc_sentence_count(doc), precis_doc_headline_count(doc));
}

/* Processes one input for the chosen command and writes the result to
 * stdout. */
static bool process_one(precis_ctx *ctx, const cli_opts *o, const char *name,
                        const char *shown, bool header, bool first)
{
    char *data = NULL;
    size_t len = 0;
    if (!read_input(name, &data, &len))
        return false;
    precis_doc *doc = precis_doc_new(ctx);
    precis_status st = precis_doc_feed(doc, data, len);
    free(data);
    if (st == PRECIS_OK)
        st = precis_doc_finish(doc, &o->opt);
    /* A page of nothing but a sidebar still has headlines to list. */
    if (st == PRECIS_EEMPTY && o->command == CMD_HEADLINES &&
        precis_doc_headline_count(doc) > 0)
        st = PRECIS_OK;
    if (st == PRECIS_OK && o->verbose)
        report(doc, shown);
    /* Render to memory first, so a failure never leaves half a summary. */
    precis_membuf out = {0};
    if (st == PRECIS_OK) {
        switch (o->command) {
        case CMD_SPLIT:
            write_split(doc, &out);
            break;
        case CMD_HEADLINES:
            write_headlines(doc, &out);
            break;
        case CMD_SUMMARY: {
            st = precis_doc_summarize(doc, &o->opt);
            precis_sink sink = precis_sink_mem(&out);
            if (st == PRECIS_OK)
                st = precis_render_text(doc, &sink);
            break;
        }
        }
    }
    if (st != PRECIS_OK) {
        const char *msg = precis_ctx_errmsg(ctx);
        fprintf(stderr, "%s: %s: %s\n", prog, shown,
                *msg ? msg : precis_strerror(st));
    } else {
        if (header)
            printf("%s==> %s <==\n", first ? "" : "\n", shown);
        fwrite(out.data ? out.data : "", 1, out.len, stdout);
    }
    precis_membuf_free(&out);
    precis_doc_free(doc);
    return st == PRECIS_OK;
}

int main(int argc, char **argv)
{
    cli_opts o;
    char err[256];
    if (cli_parse(argc, argv, &o, err, sizeof err) != EXIT_OK) {
        fprintf(stderr, "%s: %s\nTry '%s --help' for more information.\n",
                prog, err, prog);
        return EXIT_USAGE;
    }
    switch (o.action) {
    case CLI_HELP:
        fputs(cli_usage, stdout);
        return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
    case CLI_VERSION:
        printf("summarize (precis) %s\n", precis_version_string());
        return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
    case CLI_LIST_LANGUAGES:
        for (const char *const *l = precis_language_list(); *l; l++) {
            const char *code = precis_language_code(*l);
            printf("%s%s%s\n", *l, *code ? "\t" : "", code);
        }
        return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
    case CLI_SUMMARIZE:
        break;
    }

    precis_status st;
    precis_ctx *ctx = precis_ctx_new(o.language, o.models_dir, &st);
    if (!ctx) {
        fprintf(stderr, "%s: %s: %s\n", prog,
                o.models_dir ? o.models_dir : o.language,
                precis_strerror(st));
        return EXIT_FAIL;
    }
    static char *stdin_only[] = {"-"};
    char **files = o.n_files ? o.files : stdin_only;
    size_t n = o.n_files ? o.n_files : 1;
    bool header = n > 1, ok = true, first = true;
    for (size_t i = 0; i < n; i++) {
        const char *shown =
            strcmp(files[i], "-") == 0 ? "standard input" : files[i];
        bool done = process_one(ctx, &o, files[i], shown, header, first);
        ok = done && ok;
        first = first && !done;
    }
    precis_ctx_free(ctx);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s: write error: %s\n", prog, strerror(errno));
        return EXIT_FAIL;
    }
    return ok ? EXIT_OK : EXIT_FAIL;
}
