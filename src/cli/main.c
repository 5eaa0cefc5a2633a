/* main.c: the summarize command. Parses the command line, reads each
 * input, asks libprecis for its summary and writes it. Every diagnostic
 * goes to stderr as "summarize: FILE: reason"; stdout (or -o FILE) carries
 * only the results. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/batch.h"
#include "cli/cli.h"
#include "cli/outfile.h"
#include "cli/quote.h"
#include "cli/views.h"
#include "precis.h"

static const char *prog = "summarize";

/* ==== Input ==== */

/* Opens and reads one input ("-" is stdin). On failure prints the reason
 * and returns false. */
static bool read_input(const char *name, const char *shown, size_t max,
                       char **data, size_t *len)
{
    int err = infile_read(name, max, data, len);
    if (err == EFBIG)
        cli_error(shown, "input larger than --max-input (%zu bytes)", max);
    else if (err)
        cli_error(shown, "%s", strerror(err));
    return err == 0;
}

static void report(const precis_doc *doc, const char *shown)
{
    const char *date = precis_doc_date(doc);
    const char *lang = precis_doc_language(doc);
    cli_error(shown, "language %s, date %s, %zu sentences, %zu headlines",
              lang ? lang : "?", date ? date : "none",
              precis_doc_sentence_count(doc), precis_doc_headline_count(doc));
    size_t visible, kept;
    precis_doc_extracted(doc, &visible, &kept);
    if (visible)
        cli_error(shown,
                  "kept %zu of %zu bytes of text, %.0f%% dropped as "
                  "boilerplate",
                  kept, visible,
                  kept < visible ? 100.0 * (double)(visible - kept) /
                                       (double)visible
                                 : 0.0);
}

/* ==== One input ==== */

/* The image options for one input: the profile's and the command
 * line's, with the header's heading ("Headlines" for a headline list)
 * and the footer (the input's file name) when not given. */
static precis_image_options image_options(const cli_opts *o, const char *shown)
{
    precis_image_options img = o->img;
    if (!img.heading)
        img.heading = o->command == CMD_HEADLINES ? "Headlines" : "Summary";
    if (!img.footer && shown) {
        const char *base = strrchr(shown, '/');
        img.footer = base ? base + 1 : shown;
    }
    return img;
}

/* Renders the summary in the chosen format. */
static precis_status render(const precis_doc *doc, const cli_opts *o,
                            const char *name, precis_membuf *out)
{
    precis_sink sink = precis_sink_mem(out);
    switch (o->format) {
    case FMT_MD:
        return precis_render_md(doc, &o->md, &sink);
    case FMT_JSON:
    case FMT_JSONL:
        return precis_render_json(doc, name, o->json_flags, &sink);
    case FMT_HTML:
        return precis_render_html(doc, &sink);
    case FMT_IMAGE: {
        precis_image_options img = image_options(o, name);
        return precis_render_image(doc, &img, &sink);
    }
    case FMT_TEXT:
    case FMT_ATOM: /* brief only: refused for one article by cli_parse */
        break;
    }
    return precis_render_text(doc, &sink);
}

/* summarize headlines -f png|ppm|apng: the sidebar's items as a ticker.
 * An article without them is an error, not a picture of its summary.
 * On failure prints the reason and returns false. */
static bool draw_headlines(const precis_doc *doc, const cli_opts *o,
                           const char *shown, precis_membuf *out)
{
    size_t n = precis_doc_headline_count(doc);
    if (n == 0) {
        cli_error(shown, "no timestamped headlines to draw");
        return false;
    }
    precis_item *items = calloc(n, sizeof *items);
    if (!items) {
        fputs("precis: out of memory\n", stderr);
        abort();
    }
    for (size_t i = 0; i < n; i++) {
        precis_headline h;
        precis_doc_headline(doc, i, &h);
        items[i] = (precis_item){h.time, h.time_len, h.text, h.len};
    }
    precis_sink sink = precis_sink_mem(out);
    char err[256] = "";
    precis_image_options img = image_options(o, shown);
    precis_status st = precis_render_image_items(NULL, 0, items, n, &img,
                                                 &sink, err, sizeof err);
    free(items);
    if (st != PRECIS_OK)
        cli_error(shown, "%s", err[0] ? err : precis_strerror(st));
    return st == PRECIS_OK;
}

/* Processes one input for the chosen command and appends the result to
 * out. On failure prints the reason and returns false. */
static bool process_text(precis_ctx *ctx, const cli_opts *o, const char *name,
                         const char *shown, const char *data, size_t len,
                         const precis_feed_entry *item, const char *site,
                         precis_membuf *out);

/* An RSS or Atom feed: each item is an article of its own, summarised
 * under a "==> FILE: TITLE <==" line in text (its title and date from the
 * feed, its content read as HTML when the feed says so). */
static bool process_feed(precis_ctx *ctx, const cli_opts *o, const char *name,
                         const char *shown, const char *data, size_t len,
                         precis_membuf *out)
{
    precis_feed *f = precis_feed_parse(ctx, data, len);
    if (!f) {
        cli_error(shown, "%s", precis_ctx_errmsg(ctx));
        return false;
    }
    bool ok = true;
    precis_sink sink = precis_sink_mem(out);
    for (size_t i = 0; i < precis_feed_count(f); i++) {
        precis_feed_entry e;
        precis_feed_item(f, i, &e);
        char label[512];
        snprintf(label, sizeof label, "%s: %s", shown,
                 e.title ? e.title : "(untitled item)");
        if (o->format == FMT_TEXT) {
            if (i)
                sink.write(sink.ud, "\n", 1);
            sink.write(sink.ud, "==> ", 4);
            sink.write(sink.ud, label, strlen(label));
            sink.write(sink.ud, " <==\n", 5);
        }
        ok &= process_text(ctx, o, name, label, e.content, e.content_len, &e,
                           precis_feed_source(f), out);
    }
    if (precis_feed_count(f) == 0) {
        cli_error(shown, "the feed has no items");
        ok = false;
    }
    precis_feed_free(f);
    return ok;
}

static bool process_one(precis_ctx *ctx, const cli_opts *o, const char *name,
                        const char *shown, precis_membuf *out)
{
    char *data = NULL;
    size_t len = 0;
    if (!read_input(name, shown, o->max_input, &data, &len))
        return false;
    bool ok = o->opt.input == PRECIS_INPUT_AUTO && precis_feed_sniff(data, len) &&
                      o->command != CMD_HEADLINES
                  ? process_feed(ctx, o, name, shown, data, len, out)
                  : process_text(ctx, o, name, shown, data, len, NULL, NULL,
                                 out);
    free(data);
    return ok;
}

/* One article's bytes (item: the feed item they came from, and site the
 * feed's title, or NULL). */
static bool process_text(precis_ctx *ctx, const cli_opts *o, const char *name,
                         const char *shown, const char *data, size_t len,
                         const precis_feed_entry *item, const char *site,
                         precis_membuf *out)
{
    precis_doc *doc = precis_doc_new(ctx);
    precis_status st = precis_doc_set_max_input(doc, o->max_input);
    if (st == PRECIS_OK)
        st = precis_doc_feed(doc, data, len);
    precis_options opt = cli_input_options(o, name);
    if (item) {
        opt.input = item->content_is_html ? PRECIS_INPUT_HTML
                                          : PRECIS_INPUT_TEXT;
        if (st == PRECIS_OK && item->title)
            st = precis_doc_set_title(doc, item->title, strlen(item->title));
        if (st == PRECIS_OK && item->date) {
            char when[24];
            snprintf(when, sizeof when, "%s%s%s", item->date,
                     item->time ? " " : "", item->time ? item->time : "");
            st = precis_doc_set_date(doc, when);
        }
        /* A link with white space inside is left out, not the item. */
        if (st == PRECIS_OK && item->link)
            (void)precis_doc_set_url(doc, item->link);
        if (st == PRECIS_OK && site)
            (void)precis_doc_set_site(doc, site);
    }
    if (st == PRECIS_OK)
        st = precis_doc_finish(doc, &opt);
    /* A page of nothing but a sidebar still has headlines to list. */
    if (st == PRECIS_EEMPTY && o->command == CMD_HEADLINES &&
        precis_doc_headline_count(doc) > 0)
        st = PRECIS_OK;
    if (st == PRECIS_OK && o->verbose)
        report(doc, shown);
    if (st == PRECIS_OK) {
        switch (o->command) {
        case CMD_SPLIT:
            view_write(doc, o, name, out);
            break;
        case CMD_HEADLINES:
            if (o->format == FMT_IMAGE) {
                if (!draw_headlines(doc, o, shown, out)) {
                    precis_doc_free(doc);
                    return false;
                }
            } else {
                view_write(doc, o, name, out);
            }
            break;
        case CMD_KEYWORDS:
            st = precis_doc_summarize(doc, &o->opt);
            if (st == PRECIS_OK)
                view_write(doc, o, name, out);
            break;
        case CMD_SUMMARY:
        case CMD_BRIEF:
            st = precis_doc_summarize(doc, &o->opt);
            if (st == PRECIS_OK)
                st = render(doc, o, name, out);
            break;
        }
    }
    if (st != PRECIS_OK) {
        const char *msg = precis_ctx_errmsg(ctx);
        cli_error(shown, "%s", *msg ? msg : precis_strerror(st));
    }
    precis_doc_free(doc);
    return st == PRECIS_OK;
}

/* ==== Lists, help and version ==== */

/* Ends a report on stdout: a full disk or a closed pipe is an error
 * here too, as coreutils has it. Returns the exit status. */
static int close_stdout(void)
{
    int e = 0;
    if (fflush(stdout) != 0 || ferror(stdout))
        e = errno ? errno : EIO;
    if (fclose(stdout) != 0 && !e)
        e = errno ? errno : EIO;
    if (e) {
        fprintf(stderr, "%s: write error: %s\n", prog, strerror(e));
        return EXIT_FAIL;
    }
    return EXIT_OK;
}

/* --help, --version and the --list-* reports. Returns the exit status. */
static int run_action(const cli_opts *o)
{
    switch (o->action) {
    case CLI_HELP:
        for (size_t i = 0; cli_usage[i]; i++)
            fputs(cli_usage[i], stdout);
        break;
    case CLI_LIST_PROFILES:
        for (const char *const *p = precis_image_profiles(); *p; p++) {
            char info[192];
            const char *i = precis_image_profile_info(*p, info, sizeof info);
            printf("%-18s %s\n", *p, i ? i : "");
        }
        break;
    case CLI_LIST_FONTS:
        for (const char *const *f = precis_image_fonts(); *f; f++) {
            char info[160];
            const char *i = precis_image_font_describe(*f, info, sizeof info);
            printf("%-10s %s\n", *f, i ? i : "");
        }
        break;
    case CLI_VERSION:
        printf("summarize (precis) %s\n", precis_version_string());
        break;
    case CLI_LIST_LANGUAGES:
        for (const char *const *l = precis_language_list(); *l; l++) {
            const char *code = precis_language_code(*l);
            printf("%s%s%s\n", *l, *code ? "\t" : "", code);
        }
        break;
    case CLI_SUMMARIZE:
        break;
    }
    return close_stdout();
}

/* ==== Output of several inputs ==== */

/* Writes one JSON object (text ending in a newline) as an element of the
 * array that -f json makes of several inputs; pretty objects are indented
 * one more level, so the whole stays what jansson would have written. */
static void write_array_element(FILE *f, const precis_membuf *obj, bool first,
                                bool pretty)
{
    size_t len = obj->len;
    while (len && obj->data[len - 1] == '\n')
        len--;
    fputs(first ? (pretty ? "[\n  " : "[") : (pretty ? ",\n  " : ","), f);
    for (size_t i = 0; i < len; i++) {
        fputc(obj->data[i], f);
        if (pretty && obj->data[i] == '\n')
            fputs("  ", f);
    }
}

/* ==== Main ==== */

int main(int argc, char **argv)
{
    cli_opts o;
    char err[1024];
    if (cli_parse(argc, argv, &o, err, sizeof err) != EXIT_OK) {
        fprintf(stderr, "%s: %s\nTry '%s --help' for more information.\n", prog,
                err, prog);
        return EXIT_USAGE;
    }
    if (o.action != CLI_SUMMARIZE)
        return run_action(&o);
    if (o.format == FMT_IMAGE &&
        precis_image_effective_layout(&o.img) != o.img.layout)
        fprintf(stderr,
                "%s: note: a %ux%u display is too small for a %s; drawing "
                "a strip\n",
                prog, o.img.width, o.img.height,
                o.img.layout == PRECIS_LAYOUT_PANEL ? "panel" : "list");

    /* A PNG on a terminal is noise and can upset it. */
    if (o.format == FMT_IMAGE && !o.output && o.command != CMD_BRIEF &&
        isatty(STDOUT_FILENO)) {
        fprintf(stderr,
                "%s: refusing to write an image to a terminal; use -o "
                "FILE\nTry '%s --help' for more information.\n",
                prog, prog);
        return EXIT_USAGE;
    }
    if (o.command == CMD_BRIEF)
        return batch_brief(&o);
    if (o.jsonl)
        return batch_jsonl(&o);

    precis_status st;
    precis_ctx *ctx = precis_ctx_new(o.language, o.models_dir, &st);
    if (!ctx) {
        cli_error(o.models_dir ? o.models_dir : o.language, "%s",
                  precis_strerror(st));
        return EXIT_FAIL;
    }
    outfile out;
    int e = outfile_open(&out, o.output);
    if (e) {
        cli_error(o.output, "%s", strerror(e));
        precis_ctx_free(ctx);
        return EXIT_FAIL;
    }
    static char *stdin_only[] = {"-"};
    char **files = o.n_files ? o.files : stdin_only;
    size_t n = o.n_files ? o.n_files : 1;
    /* Text gets head(1)-style headers; JSON objects name their source and
     * make one array (-f json) or one line each (-f jsonl); Markdown
     * documents are separated by a blank line. */
    bool header = n > 1 && o.format == FMT_TEXT;
    bool array = n > 1 && o.format == FMT_JSON;
    bool pretty = o.json_flags & PRECIS_JSON_PRETTY;
    bool ok = true, first = true;
    precis_membuf result = {0};
    for (size_t i = 0; i < n; i++) {
        const char *shown =
            strcmp(files[i], "-") == 0 ? "standard input" : files[i];
        result.len = 0;
        /* Each input is rendered to memory first, so a failure never
         * leaves half a summary in the output. */
        if (!process_one(ctx, &o, files[i], shown, &result)) {
            ok = false;
            continue;
        }
        if (header)
            fprintf(out.f, "%s==> %s <==\n", first ? "" : "\n", shown);
        else if (!first && o.format == FMT_MD)
            fputc('\n', out.f);
        if (array)
            write_array_element(out.f, &result, first, pretty);
        else
            fwrite(result.data ? result.data : "", 1, result.len, out.f);
        first = false;
    }
    if (array && !first)
        fputs(pretty ? "\n]\n" : "]\n", out.f);
    precis_membuf_free(&result);
    precis_ctx_free(ctx);
    /* Nothing came out: keep the old output file rather than empty it. */
    if (first && o.output) {
        cli_error(o.output, "not replaced: no input could be summarised");
        outfile_abort(&out);
        return EXIT_FAIL;
    }
    e = outfile_commit(&out);
    if (e) {
        cli_error(o.output ? o.output : "standard output", "write error: %s",
                  strerror(e));
        return EXIT_FAIL;
    }
    return ok ? EXIT_OK : EXIT_FAIL;
}
