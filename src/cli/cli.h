/* cli.h: the summarize command line, parsed into an options struct
 * (the pngquant_opts shape), so that the parser can be tested alone. */
#ifndef PRECIS_CLI_H
#define PRECIS_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "precis.h"

enum cli_action {
    CLI_SUMMARIZE,
    CLI_HELP,
    CLI_VERSION,
    CLI_LIST_LANGUAGES,
    CLI_LIST_PROFILES,
    CLI_LIST_FONTS
};

/* Output formats: -f, else the extension of -o (cli_parse resolves it).
 * FMT_JSON is one JSON document (an object; an array of objects for
 * several inputs), FMT_JSONL one object per input and line, FMT_IMAGE
 * one of img.format. */
enum cli_format {
    FMT_TEXT,
    FMT_MD,
    FMT_JSON,
    FMT_JSONL,
    FMT_HTML,
    FMT_ATOM,
    FMT_IMAGE
};

/* What is printed for each input: the summary, or a subcommand's view. */
enum cli_command {
    CMD_SUMMARY,
    CMD_SPLIT,
    CMD_HEADLINES,
    CMD_KEYWORDS,
    CMD_BRIEF
};

typedef struct cli_opts {
    enum cli_action action;
    enum cli_command command;
    precis_options opt;
    size_t max_input;       /* --max-input: bytes an input may have (0: any) */
    const char *language;   /* Snowball name, resolved, or "auto" */
    int verbose;
    const char *models_dir; /* NULL: the compiled-in models */
    enum cli_format format;
    precis_md_options md;
    unsigned json_flags;    /* PRECIS_JSON_* */
    const char *output;     /* -o FILE; NULL: stdout */
    bool jsonl;             /* --jsonl: JSON Lines in, JSON Lines out */
    unsigned jobs;          /* --jobs; 0: one per processor */
    precis_brief_options brief;
    precis_image_options img; /* -f png|ppm|apng and brief --png */
    const char *png;          /* brief --png FILE */
    char img_date[64];        /* the image header's date (clock) */
    char img_updated[16];     /* its "updated HH:MM" (clock) */
    char **files;           /* points into argv; none means stdin */
    size_t n_files;
} cli_opts;

/* Exit codes, as documented in --help and the README. */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* Parses argv into o. Returns EXIT_OK, or EXIT_USAGE with a one-line
 * reason in err (err_size bytes). Reentrant: resets getopt's state.
 * Besides each value, it checks that the options go together: the
 * format suits the command and -o's extension, and every option given
 * has an effect on this command and format (one that would be ignored is
 * a usage error, never silently dropped). */
int cli_parse(int argc, char **argv, cli_opts *o, char *err, size_t err_size);

/* The library options for one input: o->opt, with --input=auto made
 * HTML for a path ending in .html or .htm (the bytes decide otherwise).
 * path may be NULL (stdin, a record). */
precis_options cli_input_options(const cli_opts *o, const char *path);

/* The --help text, in pieces (C limits the length of one string literal);
 * NULL-terminated. */
extern const char *const cli_usage[];

#endif
