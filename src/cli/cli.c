/* cli.c: argv -> cli_opts. Parsing only: no I/O and no summarising. */
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *const cli_usage[] = {
    "Usage: summarize [OPTION]... [FILE]...\n"
    "  or:  summarize split [OPTION]... [FILE]...\n"
    "  or:  summarize headlines [OPTION]... [FILE]...\n"
    "  or:  summarize keywords [OPTION]... [FILE]...\n"
    "  or:  summarize brief [OPTION]... DIR|FILE...\n"
    "  or:  summarize --jsonl [OPTION]... < IN.jsonl > OUT.jsonl\n"
    "Print a short extractive summary of each news article FILE: its most\n"
    "central sentences, in document order, one per line.\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Commands:\n"
    "  split                 print the cleaned body, one sentence per line\n"
    "                        (-f text, json or jsonl)\n"
    "  headlines             print the timestamped sidebar headlines as\n"
    "                        HH:MM<TAB>headline (-f text, md, json, jsonl;\n"
    "                        png, ppm or apng draw them as a ticker)\n"
    "  keywords              print the key phrases, best first, one per line\n"
    "                        (-f text, json or jsonl)\n"
    "  brief                 one briefing from many articles (folders are\n"
    "                        read recursively for *.txt, *.html, feeds;\n"
    "                        *.jsonl files hold one article per line;\n"
    "                        whatever is not a regular file, or is an\n"
    "                        output of the run, is skipped and named):\n"
    "                        articles on the same event are merged, the most\n"
    "                        important stories first (-f text, md, json,\n"
    "                        html or atom)\n"
    "\n",
    "Budget (summaries and brief; the last one given applies):\n"
    "  -n, --sentences=N     at most N sentences (default 3)\n"
    "  -w, --words=N         at most N words (at least one sentence)\n"
    "  -r, --ratio=R         this fraction of the sentences, 0 < R <= 1\n"
    "  -a, --algorithm=NAME  precis (default; news-aware TextRank with a lead\n"
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
    "  -f, --format=FORMAT   text, md (Markdown: title, date, summary,\n"
    "                        keywords, headlines), json (one object; an\n"
    "                        array of them for several files), jsonl (one\n"
    "                        object per file and line), html (one page, one\n"
    "                        file), atom (brief: an Atom feed), png, ppm or\n"
    "                        apng (see Images); default:\n"
    "                        from the extension of -o, else text\n"
    "      --md-style=STYLE  -f md summaries: paragraph (default) or bullets\n"
    "      --json-pretty     -f json: indent the JSON\n"
    "  -o, --output=FILE     write to FILE (replaced only when complete,\n"
    "                        keeping its mode; a failed run keeps it); its\n"
    "                        extension (.txt .md .json .jsonl .html .png\n"
    "                        .ppm .apng) sets the format, and must agree\n"
    "                        with -f\n"
    "\n",
    "Images (-f png, ppm, apng or bmp: a headline ticker or a summary panel;\n"
    "one input; -o FILE unless stdout is not a terminal; also brief --png):\n"
    "      --profile=NAME    display preset: led-32x8, led-64x32, led-128x32,\n"
    "                        trmnl, trmnl-x, kindle-basic, ... (-f bmp:\n"
    "                        TRMNL's 1-bit BMP)\n"
    "                        (--list-profiles); other options override it\n"
    "      --layout=L        strip (one line), list (a time column) or\n"
    "                        panel (title and summary)\n"
    "      --width=N, --height=N  pixels (0: automatic)\n"
    "      --font=NAME       an embedded font (--list-fonts) or auto\n"
    "      --fg=C, --bg=C, --accent=C, --time-color=C  colours: #RRGGBB or\n"
    "                        a name (black, white, red, amber, ...)\n"
    "      --pixels=P        auto, mono (1-bit), grey or rgb\n"
    "      --margin=N, --line-gap=N, --item-gap=N  spacing in pixels\n"
    "      --separator=TEXT  between strip items (default \" \xE2\x80\xA2 \")\n"
    "      --fit             strip: exactly --width, cut with an ellipsis\n"
    "      --loop            strip: end with the separator, to wrap around\n"
    "                        (an apng always does)\n"
    "      --scroll-step=N, --frame-ms=N  apng: pixels and ms per frame\n"
    "                        (default 2 and 40)\n"
    "      --list-profiles   list the profiles: size, pixels, layout, font\n"
    "      --list-fonts      list the fonts: cell size, glyphs, scripts\n"
    "      --sort=S          time (newest first, the default) or input\n"
    "      --heading=TEXT, --dateline=TEXT, --updated=HH:MM, --footer=TEXT\n"
    "                        the page's header and footer (default: today\n"
    "                        and now, or SOURCE_DATE_EPOCH; '' for none)\n"
    "      --png=FILE        brief: also the day's headline ticker as PNG\n"
    "                        (FILE.png)\n"
    "\n"
    "",
    "Batches:\n"
    "      --jsonl           read JSON Lines records on stdin: {\"id\",\n"
    "                        \"text\" (or \"html\": a web page), optional\n"
    "                        \"title\", \"date\", \"lang\"};\n"
    "                        write one JSON result per line, in input order\n"
    "  -j, --jobs=N          worker threads (default: one per processor);\n"
    "                        the output is the same for any N\n"
    "      --date=YYYY-MM-DD brief: only that day's articles (and undated)\n"
    "      --top=N           brief: at most N stories (default 20), a line\n"
    "                        counts the others\n"
    "      --threshold=T     brief: same story from this similarity (0..1,\n"
    "                        default 0.3)\n"
    "\n"
    "Input:\n"
    "      --input=KIND      text, html or auto (default: HTML when the\n"
    "                        file ends in .html or .htm or the bytes open\n"
    "                        with HTML markup, else text)\n"
    "      --keep-boilerplate  keep share prompts, appeals, bylines and\n"
    "                        captions in the text\n"
    "      --max-input=BYTES refuse inputs larger than BYTES (default 64M;\n"
    "                        K, M and G suffixes; 0: no limit)\n"
    "      --encoding=NAME   read input in this encoding (an iconv name such\n"
    "                        as windows-1252, latin1, utf-16; default auto)\n"
    "\n"
    "  -v, --verbose         report each input's language, date and counts\n"
    "                        on stderr (brief: the totals; not --jsonl)\n"
    "  -h, --help            display this help and exit\n"
    "  -V, --version         output version information and exit\n"
    "\n"
    "With several files, each text summary is preceded by \"==> FILE <==\".\n"
    "An option that would have no effect on the command or format given is\n"
    "a usage error.\n"
    "\n"
    "Exit status:\n"
    "  0  every input was summarised\n"
    "  1  an input could not be read or summarised (the others still were),\n"
    "     a briefing had nothing in it, or output failed (old outputs kept)\n"
    "  2  usage error\n",
    NULL,
};

enum {
    OPT_MODELS = 256,
    OPT_LIST_LANGUAGES,
    OPT_KEEP_BOILERPLATE,
    OPT_MD_STYLE,
    OPT_JSON_PRETTY,
    OPT_MAX_INPUT,
    OPT_JSONL,
    OPT_DATE,
    OPT_TOP,
    OPT_THRESHOLD,
    OPT_PNG,
    OPT_LIST_PROFILES,
    OPT_LIST_FONTS,
    OPT_ENCODING,
    OPT_INPUT,
    /* Image options, applied after --profile whatever their order. */
    OPT_PROFILE,
    OPT_IMG_FIRST,
    OPT_LAYOUT = OPT_IMG_FIRST,
    OPT_WIDTH,
    OPT_HEIGHT,
    OPT_FONT,
    OPT_FG,
    OPT_BG,
    OPT_ACCENT,
    OPT_TIME_COLOR,
    OPT_PIXELS,
    OPT_MARGIN,
    OPT_LINE_GAP,
    OPT_ITEM_GAP,
    OPT_SEPARATOR,
    OPT_FIT,
    OPT_LOOP,
    OPT_SCROLL_STEP,
    OPT_FRAME_MS,
    OPT_SORT,
    OPT_HEADING,
    OPT_DATELINE,
    OPT_UPDATED,
    OPT_FOOTER,
    OPT_IMG_LAST = OPT_FOOTER
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
    {"encoding", required_argument, NULL, OPT_ENCODING},
    {"input", required_argument, NULL, OPT_INPUT},
    {"jsonl", no_argument, NULL, OPT_JSONL},
    {"jobs", required_argument, NULL, 'j'},
    {"date", required_argument, NULL, OPT_DATE},
    {"top", required_argument, NULL, OPT_TOP},
    {"threshold", required_argument, NULL, OPT_THRESHOLD},
    {"png", required_argument, NULL, OPT_PNG},
    {"list-profiles", no_argument, NULL, OPT_LIST_PROFILES},
    {"sort", required_argument, NULL, OPT_SORT},
    {"heading", required_argument, NULL, OPT_HEADING},
    {"dateline", required_argument, NULL, OPT_DATELINE},
    {"updated", required_argument, NULL, OPT_UPDATED},
    {"footer", required_argument, NULL, OPT_FOOTER},
    {"list-fonts", no_argument, NULL, OPT_LIST_FONTS},
    {"profile", required_argument, NULL, OPT_PROFILE},
    {"layout", required_argument, NULL, OPT_LAYOUT},
    {"width", required_argument, NULL, OPT_WIDTH},
    {"height", required_argument, NULL, OPT_HEIGHT},
    {"font", required_argument, NULL, OPT_FONT},
    {"fg", required_argument, NULL, OPT_FG},
    {"bg", required_argument, NULL, OPT_BG},
    {"accent", required_argument, NULL, OPT_ACCENT},
    {"time-color", required_argument, NULL, OPT_TIME_COLOR},
    {"pixels", required_argument, NULL, OPT_PIXELS},
    {"margin", required_argument, NULL, OPT_MARGIN},
    {"line-gap", required_argument, NULL, OPT_LINE_GAP},
    {"item-gap", required_argument, NULL, OPT_ITEM_GAP},
    {"separator", required_argument, NULL, OPT_SEPARATOR},
    {"fit", no_argument, NULL, OPT_FIT},
    {"loop", no_argument, NULL, OPT_LOOP},
    {"scroll-step", required_argument, NULL, OPT_SCROLL_STEP},
    {"frame-ms", required_argument, NULL, OPT_FRAME_MS},
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

/* A pixel count or a small number: 0..65535. */
static int parse_pixels(const char *arg, unsigned *out)
{
    char *end;
    errno = 0;
    long v = strtol(arg, &end, 10);
    if (errno || end == arg || *end || v < 0 || v > 65535)
        return -1;
    *out = (unsigned)v;
    return 0;
}

static const char *option_name(int code);

/* Appends the NULL-terminated names to s (size bytes), comma-separated,
 * "or" before the last. */
static void join_names(char *s, size_t size, const char *const *names)
{
    size_t n = 0;
    while (names[n])
        n++;
    for (size_t i = 0; i < n; i++) {
        size_t used = strlen(s);
        snprintf(s + used, size - used, "%s%s",
                 i == 0       ? ""
                 : i + 1 == n ? " or "
                              : ", ",
                 names[i]);
    }
}

/* What an image option takes, for its error message. */
static void image_option_values(int code, char *s, size_t size)
{
    s[0] = '\0';
    switch (code) {
    case OPT_LAYOUT:
        snprintf(s, size, "strip, list or panel");
        break;
    case OPT_PIXELS:
        snprintf(s, size, "auto, mono, grey, grey2, grey4 or rgb");
        break;
    case OPT_SORT:
        snprintf(s, size, "time or input");
        break;
    case OPT_FONT: {
        static const char *const autos[] = {"auto", NULL};
        join_names(s, size, autos);
        size_t used = strlen(s);
        snprintf(s + used, size - used, ", ");
        join_names(s, size, precis_image_fonts());
        used = strlen(s);
        snprintf(s + used, size - used, " (see --list-fonts)");
        break;
    }
    case OPT_FG:
    case OPT_BG:
    case OPT_ACCENT:
    case OPT_TIME_COLOR:
        snprintf(s, size,
                 "#RRGGBB or black, white, red, green, blue, yellow, "
                 "cyan, magenta, amber, orange or grey");
        break;
    case OPT_SCROLL_STEP:
    case OPT_FRAME_MS:
        snprintf(s, size, "a whole number from 1 to 65535");
        break;
    default:
        snprintf(s, size, "a whole number from 0 to 65535");
        break;
    }
}

/* The image header's date and time: now, or SOURCE_DATE_EPOCH (UTC)
 * for reproducible images. */
static void image_clock(cli_opts *o)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    time_t now = time(NULL);
    struct tm tm;
    int ok;
    if (epoch && *epoch) {
        char *end;
        long long v = strtoll(epoch, &end, 10);
        now = (time_t)v;
        ok = !*end && gmtime_r(&now, &tm) != NULL;
    } else {
        ok = localtime_r(&now, &tm) != NULL;
    }
    if (!ok)
        return;
    static const char *const days[] = {"Sun", "Mon", "Tue", "Wed",
                                       "Thu", "Fri", "Sat"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr",
                                         "May", "Jun", "Jul", "Aug",
                                         "Sep", "Oct", "Nov", "Dec"};
    snprintf(o->img_date, sizeof o->img_date, "%s %d %s %d",
             days[tm.tm_wday % 7], tm.tm_mday, months[tm.tm_mon % 12],
             tm.tm_year + 1900);
    snprintf(o->img_updated, sizeof o->img_updated, "%02d:%02d",
             tm.tm_hour % 24, tm.tm_min % 60);
    o->img.date = o->img_date;
    o->img.updated = o->img_updated;
}

/* Applies one explicit image option (after the profile). */
static int apply_image_option(cli_opts *o, int code, const char *arg, char *err,
                              size_t err_size)
{
    precis_image_options *img = &o->img;
    int bad = 0;
    switch (code) {
    case OPT_LAYOUT:
        bad = precis_layout_parse(arg, &img->layout) != PRECIS_OK;
        break;
    case OPT_WIDTH:
        bad = parse_pixels(arg, &img->width);
        break;
    case OPT_HEIGHT:
        bad = parse_pixels(arg, &img->height);
        break;
    case OPT_FONT: {
        bad = strcmp(arg, "auto") != 0;
        for (const char *const *f = precis_image_fonts(); bad && *f; f++)
            bad = strcmp(*f, arg) != 0;
        img->font = strcmp(arg, "auto") == 0 ? NULL : arg;
        break;
    }
    case OPT_FG:
        bad = precis_color_parse(arg, &img->fg) != PRECIS_OK;
        break;
    case OPT_BG:
        bad = precis_color_parse(arg, &img->bg) != PRECIS_OK;
        break;
    case OPT_ACCENT:
        bad = precis_color_parse(arg, &img->accent) != PRECIS_OK;
        break;
    case OPT_TIME_COLOR:
        bad = precis_color_parse(arg, &img->time) != PRECIS_OK;
        break;
    case OPT_PIXELS:
        bad = precis_pixels_parse(arg, &img->pixels) != PRECIS_OK;
        break;
    case OPT_MARGIN:
        bad = parse_pixels(arg, &img->margin);
        break;
    case OPT_LINE_GAP:
        bad = parse_pixels(arg, &img->line_gap);
        break;
    case OPT_ITEM_GAP:
        bad = parse_pixels(arg, &img->item_gap);
        break;
    case OPT_SEPARATOR:
        img->separator = arg;
        break;
    case OPT_FIT:
        img->fit = 1;
        break;
    case OPT_LOOP:
        img->loop = 1;
        break;
    case OPT_SCROLL_STEP:
        bad = parse_pixels(arg, &img->scroll_step) || img->scroll_step == 0;
        break;
    case OPT_FRAME_MS:
        bad = parse_pixels(arg, &img->frame_ms) || img->frame_ms == 0;
        break;
    case OPT_SORT:
        bad = precis_sort_parse(arg, &img->sort) != PRECIS_OK;
        break;
    case OPT_HEADING:
        img->heading = arg;
        break;
    case OPT_DATELINE:
        img->date = arg;
        break;
    case OPT_UPDATED:
        img->updated = arg;
        break;
    case OPT_FOOTER:
        img->footer = arg;
        break;
    }
    if (bad) {
        char values[512];
        image_option_values(code, values, sizeof values);
        return usage_error(err, err_size, "invalid --%s '%s': want %s",
                           option_name(code), arg, values);
    }
    return EXIT_OK;
}

/* ==== Formats ==== */

/* The one-word spellings of -f. Returns 0, or -1 for an unknown name. */
static int parse_format(const char *name, enum cli_format *fmt,
                        precis_image_format *img)
{
    static const struct {
        const char *name;
        enum cli_format fmt;
    } names[] = {{"text", FMT_TEXT},   {"txt", FMT_TEXT},  {"md", FMT_MD},
                 {"markdown", FMT_MD}, {"json", FMT_JSON}, {"jsonl", FMT_JSONL},
                 {"html", FMT_HTML},   {"atom", FMT_ATOM}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i].name) == 0) {
            *fmt = names[i].fmt;
            return 0;
        }
    if (precis_image_format_parse(name, img) == PRECIS_OK) {
        *fmt = FMT_IMAGE;
        return 0;
    }
    return -1;
}

/* The format a file name's extension stands for (.txt .md .markdown .json
 * .jsonl .html .htm .png .ppm .apng, in any case). Returns 0, or -1 when
 * the name has none of them. */
static int format_of_path(const char *path, enum cli_format *fmt,
                          precis_image_format *img)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash + 1 : path, '.');
    if (!dot || dot[1] == '\0')
        return -1;
    char ext[12];
    size_t n = strlen(dot + 1);
    if (n >= sizeof ext)
        return -1;
    for (size_t i = 0; i <= n; i++) {
        char c = dot[1 + i];
        ext[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    if (strcmp(ext, "htm") == 0)
        return *fmt = FMT_HTML, 0;
    return parse_format(ext, fmt, img);
}

/* The format's name as -f spells it, for messages. */
static const char *format_name(enum cli_format fmt, precis_image_format img)
{
    switch (fmt) {
    case FMT_TEXT:
        return "text";
    case FMT_MD:
        return "md";
    case FMT_JSON:
        return "json";
    case FMT_JSONL:
        return "jsonl";
    case FMT_HTML:
        return "html";
    case FMT_ATOM:
        return "atom";
    case FMT_IMAGE:
        break;
    }
    return img == PRECIS_IMG_PPM    ? "ppm"
           : img == PRECIS_IMG_APNG ? "apng"
                                    : "png";
}

/* ==== Which options go together ==== */

/* Option codes are letters and OPT_* values, all below this. */
#define CODE_MAX 512

/* The option's long name, as the user can spell it ("--date"). */
static const char *option_name(int code)
{
    for (const struct option *lo = long_options; lo->name; lo++)
        if (lo->val == code)
            return lo->name;
    return "?";
}

static const char *command_name(enum cli_command c)
{
    static const char *const names[] = {"", "split", "headlines", "keywords",
                                        "brief"};
    return names[c];
}

/* Sets *fmt from -f and -o: -f wins when the extension agrees or is none
 * of ours, the extension decides without -f, and text is the default;
 * then checks that the command can write it. */
static int check_format(cli_opts *o, const bool *given, char *err,
                        size_t err_size)
{
    enum cli_format ext;
    precis_image_format ext_img = PRECIS_IMG_PNG;
    bool has_ext = o->output && strcmp(o->output, "-") != 0 &&
                   format_of_path(o->output, &ext, &ext_img) == 0;
    if (given['f'] && has_ext) {
        /* An APNG is a .png to every browser and viewer. */
        bool same =
            ext == o->format &&
            (ext != FMT_IMAGE || ext_img == o->img.format ||
             (o->img.format == PRECIS_IMG_APNG && ext_img == PRECIS_IMG_PNG));
        if (!same)
            return usage_error(err, err_size,
                               "-f %s conflicts with the name of -o '%s' "
                               "(%s); give one of them, or make them agree",
                               format_name(o->format, o->img.format), o->output,
                               format_name(ext, ext_img));
    } else if (has_ext) {
        o->format = ext;
        o->img.format = ext_img;
    }
    if (o->jsonl) {
        if (o->command != CMD_SUMMARY)
            return usage_error(err, err_size, "--jsonl is for summaries only");
        if (o->format != FMT_JSONL && (given['f'] || has_ext) &&
            o->format != FMT_JSON)
            return usage_error(err, err_size,
                               "--jsonl writes JSON Lines, not %s",
                               format_name(o->format, o->img.format));
        o->format = FMT_JSONL;
        return EXIT_OK;
    }
    const char *want = NULL;
    switch (o->command) {
    case CMD_SUMMARY:
        if (o->format == FMT_ATOM)
            want = "text, md, json, jsonl, html, png, ppm or apng (atom is "
                   "for brief)";
        break;
    case CMD_SPLIT:
    case CMD_KEYWORDS:
        if (o->format != FMT_TEXT && o->format != FMT_JSON &&
            o->format != FMT_JSONL)
            want = "text, json or jsonl";
        break;
        break;
    case CMD_HEADLINES:
        if (o->format == FMT_HTML || o->format == FMT_ATOM)
            want = "text, md, json, jsonl, png, ppm or apng";
        break;
    case CMD_BRIEF:
        if (o->format == FMT_IMAGE)
            return usage_error(err, err_size,
                               "brief writes text, md or json; draw its "
                               "headline ticker with --png FILE");
        if (o->format == FMT_JSONL)
            want = "text, md, json, html or atom";
        break;
    }
    if (want)
        return usage_error(err, err_size, "%s cannot write %s%s: want %s",
                           o->command == CMD_SUMMARY
                               ? "a summary"
                               : command_name(o->command),
                           format_name(o->format, o->img.format),
                           given['f'] ? "" : " (from the name of -o)", want);
    return EXIT_OK;
}

/* Refuses an option that would have no effect here, naming where it
 * does. Called after check_format, with the final format and layout. */
static int check_applies(const cli_opts *o, const bool *given, char *err,
                         size_t err_size)
{
    static const int budget[] = {'n', 'w', 'r', 'a'};
    static const int brief_only[] = {OPT_DATE, OPT_TOP, OPT_THRESHOLD, OPT_PNG};
    bool is_brief = o->command == CMD_BRIEF;
    bool summarises = o->command == CMD_SUMMARY || is_brief;
    for (size_t i = 0; i < sizeof budget / sizeof budget[0]; i++)
        if (given[budget[i]] && !summarises)
            return usage_error(err, err_size,
                               "--%s has no effect on %s: it sets the "
                               "length of summaries and briefings",
                               option_name(budget[i]),
                               command_name(o->command));
    for (size_t i = 0; i < sizeof brief_only / sizeof brief_only[0]; i++)
        if (given[brief_only[i]] && !is_brief)
            return usage_error(err, err_size,
                               "--%s applies only to 'summarize brief'",
                               option_name(brief_only[i]));
    if (given['v'] && o->jsonl)
        return usage_error(err, err_size,
                           "--verbose has no effect with --jsonl: a record "
                           "that fails is reported in its output line and "
                           "on stderr");
    if (o->png) {
        enum cli_format f;
        precis_image_format img = PRECIS_IMG_PNG;
        if (format_of_path(o->png, &f, &img) == 0 &&
            (f != FMT_IMAGE || img != PRECIS_IMG_PNG))
            return usage_error(err, err_size,
                               "--png writes a PNG, not %s: name it .png",
                               format_name(f, img));
    }
    if (given['j'] && !is_brief && !o->jsonl)
        return usage_error(err, err_size,
                           "--jobs applies only to 'summarize brief' and "
                           "--jsonl");
    if (given[OPT_MD_STYLE] &&
        !(o->format == FMT_MD && o->command == CMD_SUMMARY))
        return usage_error(err, err_size,
                           "--md-style applies only to a summary in "
                           "Markdown (-f md)");
    if (given[OPT_JSON_PRETTY] && o->format != FMT_JSON)
        return usage_error(
            err, err_size, "--json-pretty applies only to -f json%s",
            o->format == FMT_JSONL ? " (JSON Lines are one object a line)"
                                   : "");
    /* Image options: for -f png|ppm|apng, and for brief's --png. */
    bool image = o->format == FMT_IMAGE || (is_brief && o->png);
    bool strip = o->img.layout == PRECIS_LAYOUT_STRIP;
    bool apng = o->format == FMT_IMAGE && o->img.format == PRECIS_IMG_APNG;
    for (int c = OPT_PROFILE; c <= OPT_IMG_LAST; c++)
        if (given[c] && !image)
            return usage_error(err, err_size,
                               "--%s applies only to images (-f png, ppm "
                               "or apng%s)",
                               option_name(c),
                               is_brief ? ", or brief --png FILE" : "");
    if (!image)
        return EXIT_OK;
    if (apng && !strip)
        return usage_error(err, err_size,
                           "-f apng scrolls a strip: want --layout strip "
                           "(the layout is %s)",
                           o->img.layout == PRECIS_LAYOUT_LIST ? "list"
                                                               : "panel");
    static const int strip_only[] = {OPT_SEPARATOR, OPT_FIT, OPT_LOOP};
    for (size_t i = 0; i < sizeof strip_only / sizeof strip_only[0]; i++)
        if (given[strip_only[i]] && !strip)
            return usage_error(err, err_size,
                               "--%s applies only to --layout strip",
                               option_name(strip_only[i]));
    if ((given[OPT_FIT] || given[OPT_LOOP]) && apng)
        return usage_error(err, err_size,
                           "--%s has no effect with -f apng: an animation "
                           "always loops and scrolls the whole strip",
                           given[OPT_FIT] ? "fit" : "loop");
    if ((given[OPT_SCROLL_STEP] || given[OPT_FRAME_MS]) && !apng)
        return usage_error(err, err_size, "--%s applies only to -f apng",
                           option_name(given[OPT_SCROLL_STEP] ? OPT_SCROLL_STEP
                                                              : OPT_FRAME_MS));
    if (given[OPT_LINE_GAP] && strip)
        return usage_error(err, err_size,
                           "--line-gap has no effect on a strip (one line): "
                           "want --layout list or panel");
    return EXIT_OK;
}

/* A day of the calendar, YYYY-MM-DD (proleptic Gregorian). */
static bool valid_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1)
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap);
}

int cli_parse(int argc, char **argv, cli_opts *o, char *err, size_t err_size)
{
    /* Image options wait until the profile is known. */
    struct {
        int code;
        const char *arg;
    } img_flags[64];
    size_t n_img_flags = 0;
    const char *profile = NULL;
    bool given[CODE_MAX] = {false}; /* by option code: what the user set */
    memset(o, 0, sizeof *o);
    o->action = CLI_SUMMARIZE;
    o->opt = precis_options_default();
    o->max_input = PRECIS_DEFAULT_MAX_INPUT;
    o->language = "auto";
    o->md = precis_md_options_default();
    o->brief = precis_brief_options_default();
    o->img = precis_image_options_default();
    image_clock(o);
    err[0] = '\0';
    /* A subcommand comes first, as with git: "summarize split a.txt". */
    if (argc > 1 && strcmp(argv[1], "split") == 0)
        o->command = CMD_SPLIT;
    else if (argc > 1 && strcmp(argv[1], "headlines") == 0)
        o->command = CMD_HEADLINES;
    else if (argc > 1 && strcmp(argv[1], "keywords") == 0)
        o->command = CMD_KEYWORDS;
    else if (argc > 1 && strcmp(argv[1], "brief") == 0)
        o->command = CMD_BRIEF;
    if (o->command != CMD_SUMMARY) {
        argv++;
        argc--;
    }
    optind = 0; /* GNU: full re-initialisation, so tests can parse twice */
    opterr = 0; /* messages are ours, not getopt's */
    int c;
    while ((c = getopt_long(argc, argv, ":n:w:r:a:f:o:j:l:vhV", long_options,
                            NULL)) != -1) {
        if (c > 0 && c < CODE_MAX)
            given[c] = true;
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
            if (parse_format(optarg, &o->format, &o->img.format))
                return usage_error(err, err_size,
                                   "invalid --format '%s': want text, md, "
                                   "json, jsonl, html, atom, png, ppm, apng or bmp",
                                   optarg);
            break;
        case OPT_PNG:
            o->png = optarg;
            break;
        case OPT_LIST_PROFILES:
            o->action = CLI_LIST_PROFILES;
            break;
        case OPT_LIST_FONTS:
            o->action = CLI_LIST_FONTS;
            break;
        case OPT_PROFILE:
            profile = optarg;
            break;
        case 'o':
            o->output = optarg;
            break;
        case OPT_JSONL:
            o->jsonl = true;
            break;
        case 'j': {
            size_t jobs;
            if (parse_count(optarg, &jobs) || jobs > 1024)
                return usage_error(err, err_size,
                                   "invalid --jobs '%s': want 1 to 1024",
                                   optarg);
            o->jobs = (unsigned)jobs;
            break;
        }
        case OPT_DATE:
            if (!valid_date(optarg))
                return usage_error(err, err_size,
                                   "invalid --date '%s': want a day of the "
                                   "calendar as YYYY-MM-DD, such as "
                                   "2025-11-04",
                                   optarg);
            memcpy(o->brief.date, optarg, 11);
            break;
        case OPT_TOP:
            if (parse_count(optarg, &o->brief.top))
                return usage_error(err, err_size,
                                   "invalid --top '%s': want a whole number "
                                   "from 1 to 1000000",
                                   optarg);
            break;
        case OPT_THRESHOLD: {
            char *end;
            errno = 0;
            double t = strtod(optarg, &end);
            if (errno || end == optarg || *end || !(t > 0.0 && t <= 1.0))
                return usage_error(err, err_size,
                                   "invalid --threshold '%s': want a number "
                                   "above 0 and at most 1",
                                   optarg);
            o->brief.threshold = t;
            break;
        }
        case OPT_MD_STYLE:
            if (precis_md_style_parse(optarg, &o->md.style) != PRECIS_OK)
                return usage_error(err, err_size,
                                   "invalid --md-style '%s': want paragraph "
                                   "or bullets",
                                   optarg);
            break;
        case OPT_MAX_INPUT:
            if (parse_bytes(optarg, &o->max_input))
                return usage_error(err, err_size,
                                   "invalid --max-input '%s': want a size "
                                   "in bytes, such as 1000000 or 16M",
                                   optarg);
            break;
        case OPT_INPUT:
            if (strcmp(optarg, "text") == 0)
                o->opt.input = PRECIS_INPUT_TEXT;
            else if (strcmp(optarg, "html") == 0)
                o->opt.input = PRECIS_INPUT_HTML;
            else if (strcmp(optarg, "auto") == 0)
                o->opt.input = PRECIS_INPUT_AUTO;
            else
                return usage_error(err, err_size,
                                   "invalid --input '%s': want text, html "
                                   "or auto",
                                   optarg);
            break;
        case OPT_JSON_PRETTY:
            o->json_flags |= PRECIS_JSON_PRETTY;
            break;
        case OPT_MODELS:
            o->models_dir = optarg;
            break;
        case OPT_LAYOUT:
        case OPT_WIDTH:
        case OPT_HEIGHT:
        case OPT_FONT:
        case OPT_FG:
        case OPT_BG:
        case OPT_ACCENT:
        case OPT_TIME_COLOR:
        case OPT_PIXELS:
        case OPT_MARGIN:
        case OPT_LINE_GAP:
        case OPT_ITEM_GAP:
        case OPT_SEPARATOR:
        case OPT_FIT:
        case OPT_LOOP:
        case OPT_SCROLL_STEP:
        case OPT_FRAME_MS:
            if (n_img_flags == sizeof img_flags / sizeof img_flags[0])
                return usage_error(err, err_size, "too many image options");
            img_flags[n_img_flags].code = c;
            img_flags[n_img_flags++].arg = optarg;
            break;
        case OPT_KEEP_BOILERPLATE:
            o->opt.flags |= PRECIS_OPT_KEEP_BOILERPLATE;
            break;
        case OPT_ENCODING: /* checked by iconv when an input is read */
            o->opt.encoding = optarg;
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
    if (profile && precis_image_profile(&o->img, profile) != PRECIS_OK) {
        char names[512] = "";
        join_names(names, sizeof names, precis_image_profiles());
        return usage_error(err, err_size,
                           "invalid --profile '%s': want %s (see "
                           "--list-profiles)",
                           profile, names);
    }
    for (size_t i = 0; i < n_img_flags; i++)
        if (apply_image_option(o, img_flags[i].code, img_flags[i].arg, err,
                               err_size) != EXIT_OK)
            return EXIT_USAGE;
    if (o->action != CLI_SUMMARIZE)
        return EXIT_OK; /* --list-*, --version: nothing else matters */
    if (check_format(o, given, err, err_size) != EXIT_OK ||
        check_applies(o, given, err, err_size) != EXIT_OK)
        return EXIT_USAGE;
    if (o->format == FMT_IMAGE && o->n_files > 1)
        return usage_error(err, err_size,
                           "an image shows one input; give "
                           "one FILE");
    if (o->format == FMT_HTML && o->n_files > 1 && o->command != CMD_BRIEF)
        return usage_error(err, err_size,
                           "-f html writes one page for one input; give one "
                           "FILE");
    if (o->command == CMD_BRIEF && o->n_files == 0)
        return usage_error(err, err_size, "brief needs a folder or files");
    if (o->jsonl && o->n_files)
        return usage_error(err, err_size,
                           "--jsonl reads standard input, not files");
    /* Key phrases cost a second graph: find them only where they show. */
    bool show_keywords =
        o->command == CMD_KEYWORDS ||
        (o->command == CMD_SUMMARY &&
         (o->format == FMT_MD || o->format == FMT_JSON ||
          o->format == FMT_JSONL || o->format == FMT_HTML || o->jsonl));
    if (!show_keywords)
        o->opt.keywords = 0;
    /* Each story's summary follows -n, -w and -r. */
    o->brief.sentences = o->opt.sentences;
    o->brief.words = o->opt.words;
    o->brief.ratio = o->opt.ratio;
    return EXIT_OK;
}

precis_options cli_input_options(const cli_opts *o, const char *path)
{
    precis_options opt = o->opt;
    size_t n = path ? strlen(path) : 0;
    if (opt.input == PRECIS_INPUT_AUTO &&
        ((n >= 5 && strcmp(path + n - 5, ".html") == 0) ||
         (n >= 4 && strcmp(path + n - 4, ".htm") == 0)))
        opt.input = PRECIS_INPUT_HTML;
    return opt;
}
