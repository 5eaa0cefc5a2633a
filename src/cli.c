/* cli.c: argv -> cli_opts. Parsing only: no I/O and no summarising. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char cli_usage[] =
    "Usage: summarize [OPTION]... [FILE]...\n"
    "  or:  summarize split [OPTION]... [FILE]...\n"
    "  or:  summarize headlines [OPTION]... [FILE]...\n"
    "  or:  summarize keywords [OPTION]... [FILE]...\n"
    "Print a short extractive summary of each news article FILE: its most\n"
    "central sentences, in document order, one per line.\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Commands:\n"
    "  split                 print the cleaned body, one sentence per line\n"
    "  headlines             print the timestamped sidebar headlines as\n"
    "                        HH:MM<TAB>headline\n"
    "  keywords              print the key phrases, best first, one per line\n"
    "\n"
    "Budget (the last one given applies):\n"
    "  -n, --sentences=N     at most N sentences (default 3)\n"
    "  -w, --words=N         at most N words (at least one sentence)\n"
    "  -r, --ratio=R         this fraction of the sentences, 0 < R <= 1\n"
    "  -a, --algorithm=NAME  precis (default: news-aware TextRank with a lead\n"
    "                        prior, centroid and MMR), textrank (Mihalcea &\n"
    "                        Tarau 2004) or lexrank (Erkan & Radev 2004)\n"
    "\n"
    "Language:\n"
    "  -l, --lang=LANG       language of the text: a Snowball name, an ISO\n"
    "                        639-1 code, or auto (default: detect it)\n"
    "      --list-languages  list the languages and exit\n"
    "      --models=DIR      read stopwords and abbreviations from\n"
    "                        DIR/LANG/ instead of the built-in copy\n"
    "\n"
    "Output:\n"
    "  -f, --format=FORMAT   text (default), md (Markdown: title, date,\n"
    "                        summary, keywords, headlines) or json (one\n"
    "                        object per article and line)\n"
    "      --md-style=STYLE  paragraph (default) or bullets\n"
    "      --json-pretty     indent the JSON\n"
    "  -o, --output=FILE     write to FILE (replaced only when complete)\n"
    "\n"
    "Input:\n"
    "      --keep-boilerplate  keep share prompts, appeals, bylines and\n"
    "                        captions in the text\n"
    "      --max-input=BYTES refuse inputs larger than BYTES (default 64M;\n"
    "                        K, M and G suffixes; 0: no limit)\n"
    "\n"
    "  -v, --verbose         report each input's language, date and counts\n"
    "                        on stderr\n"
    "  -h, --help            display this help and exit\n"
    "  -V, --version         output version information and exit\n"
    "\n"
    "With several files, each summary is preceded by \"==> FILE <==\".\n"
    "\n"
    "Exit status:\n"
    "  0  every input was summarised\n"
    "  1  an input could not be read or summarised (the others still were)\n"
    "  2  usage error\n";

enum {
    OPT_MODELS = 256,
    OPT_LIST_LANGUAGES,
    OPT_KEEP_BOILERPLATE,
    OPT_MD_STYLE,
    OPT_JSON_PRETTY,
    OPT_MAX_INPUT
};

static const struct option long_options[] = {
    {"sentences", required_argument, NULL, 'n'},
    {"words", required_argument, NULL, 'w'},
    {"ratio", required_argument, NULL, 'r'},
    {"algorithm", required_argument, NULL, 'a'},
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"md-style", required_argument, NULL, OPT_MD_STYLE},
    {"json-pretty", no_argument, NULL, OPT_JSON_PRETTY},
    {"max-input", required_argument, NULL, OPT_MAX_INPUT},
    {"lang", required_argument, NULL, 'l'},
    {"language", required_argument, NULL, 'l'},
    {"models", required_argument, NULL, OPT_MODELS},
    {"list-languages", no_argument, NULL, OPT_LIST_LANGUAGES},
    {"keep-boilerplate", no_argument, NULL, OPT_KEEP_BOILERPLATE},
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

static int usage_error(char *err, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int usage_error(char *err, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, size, fmt, ap);
    va_end(ap);
    return EXIT_USAGE;
}

/* A byte count with an optional K, M or G suffix (powers of 1024). */
static int parse_bytes(const char *arg, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(arg, &end, 10);
    if (errno || end == arg || arg[0] == '-')
        return -1;
    unsigned shift = 0;
    if (*end == 'K' || *end == 'k')
        shift = 10, end++;
    else if (*end == 'M' || *end == 'm')
        shift = 20, end++;
    else if (*end == 'G' || *end == 'g')
        shift = 30, end++;
    if (*end || v > ((unsigned long long)SIZE_MAX >> shift))
        return -1;
    *out = (size_t)(v << shift);
    return 0;
}

/* A count in 1..1000000, the whole argument. */
static int parse_count(const char *arg, size_t *out)
{
    char *end;
    errno = 0;
    long v = strtol(arg, &end, 10);
    if (errno || end == arg || *end || v < 1 || v > 1000000)
        return -1;
    *out = (size_t)v;
    return 0;
}

int cli_parse(int argc, char **argv, cli_opts *o, char *err, size_t err_size)
{
    memset(o, 0, sizeof *o);
    o->action = CLI_SUMMARIZE;
    o->opt = precis_options_default();
    o->language = "auto";
    o->md = precis_md_options_default();
    err[0] = '\0';
    /* A subcommand comes first, as with git: "summarize split a.txt". */
    if (argc > 1 && strcmp(argv[1], "split") == 0)
        o->command = CMD_SPLIT;
    else if (argc > 1 && strcmp(argv[1], "headlines") == 0)
        o->command = CMD_HEADLINES;
    else if (argc > 1 && strcmp(argv[1], "keywords") == 0)
        o->command = CMD_KEYWORDS;
    if (o->command != CMD_SUMMARY) {
        argv++;
        argc--;
    }
    optind = 0; /* GNU: full re-initialisation, so tests can parse twice */
    opterr = 0; /* messages are ours, not getopt's */
    int c;
    while ((c = getopt_long(argc, argv, ":n:w:r:a:f:o:l:vhV", long_options, NULL)) !=
           -1) {
        switch (c) {
        case 'n':
            if (parse_count(optarg, &o->opt.sentences))
                return usage_error(err, err_size,
                                   "invalid --sentences '%s': want a whole "
                                   "number from 1 to 1000000",
                                   optarg);
            o->opt.words = 0;
            o->opt.ratio = 0.0;
            break;
        case 'w':
            if (parse_count(optarg, &o->opt.words))
                return usage_error(err, err_size,
                                   "invalid --words '%s': want a whole "
                                   "number from 1 to 1000000",
                                   optarg);
            o->opt.ratio = 0.0;
            break;
        case 'r': {
            char *end;
            errno = 0;
            double r = strtod(optarg, &end);
            if (errno || end == optarg || *end || !(r > 0.0 && r <= 1.0))
                return usage_error(err, err_size,
                                   "invalid --ratio '%s': want a number "
                                   "above 0 and at most 1",
                                   optarg);
            o->opt.ratio = r;
            o->opt.words = 0;
            break;
        }
        case 'a':
            if (strcmp(optarg, "precis") == 0)
                o->opt.algorithm = PRECIS_ALGO_PRECIS;
            else if (strcmp(optarg, "textrank") == 0)
                o->opt.algorithm = PRECIS_ALGO_TEXTRANK;
            else if (strcmp(optarg, "lexrank") == 0)
                o->opt.algorithm = PRECIS_ALGO_LEXRANK;
            else
                return usage_error(err, err_size,
                                   "invalid --algorithm '%s': want precis, "
                                   "textrank or lexrank",
                                   optarg);
            break;
        case 'l': {
            const char *name = strcmp(optarg, "auto") == 0
                                   ? "auto"
                                   : precis_language_resolve(optarg);
            if (!name)
                return usage_error(err, err_size,
                                   "unknown language '%s' (see "
                                   "--list-languages)",
                                   optarg);
            o->language = name;
            break;
        }
        case 'f':
            if (strcmp(optarg, "text") == 0)
                o->format = FMT_TEXT;
            else if (strcmp(optarg, "md") == 0 ||
                     strcmp(optarg, "markdown") == 0)
                o->format = FMT_MD;
            else if (strcmp(optarg, "json") == 0)
                o->format = FMT_JSON;
            else
                return usage_error(err, err_size,
                                   "invalid --format '%s': want text, md or "
                                   "json",
                                   optarg);
            break;
        case 'o':
            o->output = optarg;
            break;
        case OPT_MD_STYLE:
            if (precis_md_style_parse(optarg, &o->md.style) != PRECIS_OK)
                return usage_error(err, err_size,
                                   "invalid --md-style '%s': want paragraph "
                                   "or bullets",
                                   optarg);
            break;
        case OPT_MAX_INPUT:
            if (parse_bytes(optarg, &o->opt.max_input))
                return usage_error(err, err_size,
                                   "invalid --max-input '%s': want a size "
                                   "in bytes, such as 1000000 or 16M",
                                   optarg);
            break;
        case OPT_JSON_PRETTY:
            o->json_flags |= PRECIS_JSON_PRETTY;
            break;
        case OPT_MODELS:
            o->models_dir = optarg;
            break;
        case OPT_KEEP_BOILERPLATE:
            o->opt.flags |= PRECIS_OPT_KEEP_BOILERPLATE;
            break;
        case 'v':
            o->verbose++;
            break;
        case OPT_LIST_LANGUAGES:
            o->action = CLI_LIST_LANGUAGES;
            break;
        case 'h':
            o->action = CLI_HELP;
            return EXIT_OK;
        case 'V':
            o->action = CLI_VERSION;
            break;
        case ':':
            /* optopt holds a long option's code, not a letter: name the
             * option as the user wrote it. */
            return usage_error(err, err_size,
                               "option '%s' requires an argument",
                               argv[optind - 1]);
        default:
            if (optopt > 0 && optopt < 128)
                return usage_error(err, err_size, "invalid option -- '%c'",
                                   optopt);
            return usage_error(err, err_size, "unrecognized option '%s'",
                               argv[optind - 1]);
        }
    }
    o->files = argv + optind;
    o->n_files = (size_t)(argc - optind);
    return EXIT_OK;
}
