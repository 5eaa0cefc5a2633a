/* ingest.c: raw bytes -> clean text, paragraphs and title.
 *
 * Scraped text arrives in every state: CRLF, tabs and no-break spaces,
 * invalid UTF-8, stray control characters, hard-wrapped lines. Ingest makes
 * it one canonical form that the later stages can trust: valid NFC UTF-8,
 * one paragraph per line, single spaces, and the title (when the first line
 * looks like one) set apart from the body. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "read/date.h"
#include "read/extract.h"
#include "read/html.h"
#include "read/title.h"
#include "internal.h"
#include "util/unicode.h"
#include "util/utf8.h"

/* ==== Binary detection ==== */

/* Text never holds NUL, and only a little else below 0x20 besides tab and
 * the line ends. Judge by the first 64 KiB, the way file(1) and grep do. */
static bool looks_binary(const unsigned char *s, size_t len)
{
    size_t n = len < 65536 ? len : 65536;
    size_t nul = 0, ctrl = 0;
    for (size_t i = 0; i < n; i++) {
        /* Eight bytes at once when none is below 0x20 or 0x7F (the bit
         * tricks flag a byte under 0x20, and a 0x7F, in a word). */
        if (n - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            uint64_t low = (w - 0x2020202020202020u) & ~w;
            uint64_t x = w ^ 0x7F7F7F7F7F7F7F7Fu;
            uint64_t del = (x - 0x0101010101010101u) & ~x;
            if (!((low | del) & 0x8080808080808080u)) {
                i += 7;
                continue;
            }
        }
        unsigned char c = s[i];
        if (c == 0)
            nul++;
        else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
                  c != '\f' && c != '\v') ||
                 c == 0x7F)
            ctrl++;
    }
    /* A stray NUL in scraped text is repaired below; many mean binary. */
    return n > 0 && (nul * 100 > n || (nul + ctrl) * 10 > n);
}

/* ==== Line normalisation ==== */

/* Appends s as lines to out: every line end becomes '\n', white space runs
 * become one space, control and invisible characters go, and lines are
 * trimmed. Blank lines are kept (as empty lines) to mark paragraphs. */
static void normalise_lines(buf *out, const char *s, size_t len)
{
    buf_grow(out, len);
    size_t i = 0;
    bool pending_space = false; /* a space seen since the last character */
    bool line_empty = true;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        /* Most text is runs of printable ASCII: copy each run at once. */
        if (c > 0x20 && c < 0x7F) {
            size_t j = i + 1;
            while (j < len && (unsigned char)s[j] > 0x20 &&
                   (unsigned char)s[j] < 0x7F)
                j++;
            if (pending_space)
                buf_putc(out, ' ');
            pending_space = false;
            line_empty = false;
            buf_put(out, s + i, j - i);
            i = j;
            continue;
        }
        int32_t cp;
        if (c < 0x80) {
            cp = c;
            i++;
            if (c == '\r') {
                if (i < len && s[i] == '\n')
                    i++;
                cp = '\n';
            }
        } else {
            cp = u8_next(s, len, &i);
        }
        if (cp == '\n' || cp == '\f' || cp == '\v' || cp == 0x2028 ||
            cp == 0x2029 || cp == 0x85) {
            buf_putc(out, '\n');
            pending_space = false;
            line_empty = true;
            continue;
        }
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
            uc_is_space(cp)) {
            pending_space = !line_empty;
            continue;
        }
        if (uc_is_invisible(cp))
            continue;
        if (pending_space)
            buf_putc(out, ' ');
        pending_space = false;
        line_empty = false;
        u8_put(out, cp);
    }
}

/* ==== Paragraphs ==== */

/* The end of the line that starts at s[i]: its '\n', or len. */
static size_t line_end(const char *s, size_t len, size_t i)
{
    const char *nl = i < len ? memchr(s + i, '\n', len - i) : NULL;
    return nl ? (size_t)(nl - s) : len;
}

typedef struct line {
    size_t off, len; /* into the normalised text */
    size_t chars;    /* code points */
} line;

/* "- item", "* item", "• item", "1. item", "12) item": a list entry, which
 * is never joined to the line before it and never a title. */
static bool is_list_item(const char *s, size_t len)
{
    if (len >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ')
        return true;
    if (len >= 4 && memcmp(s, "\xE2\x80\xA2 ", 4) == 0) /* "• " */
        return true;
    size_t d = 0;
    while (d < len && d < 3 && s[d] >= '0' && s[d] <= '9')
        d++;
    return d > 0 && d + 1 < len && (s[d] == '.' || s[d] == ')') &&
           s[d + 1] == ' ';
}

/* Hard-wrapped text (mail, plain-text archives) breaks lines at a fixed
 * width inside paragraphs. It shows as most lines being nearly as long as
 * the longest one, and that one being short. Scraped web text puts one
 * paragraph on a line, so its lengths vary widely. */
static size_t wrap_width(const line *lines, size_t n)
{
    size_t width = 0, nonempty = 0;
    for (size_t k = 0; k < n; k++) {
        if (lines[k].chars > width)
            width = lines[k].chars;
        nonempty += lines[k].len > 0;
    }
    if (width < 30 || width > 100 || nonempty < 4)
        return 0;
    size_t full = 0;
    for (size_t k = 0; k < n; k++)
        full += lines[k].chars * 10 >= width * 7;
    return full * 10 >= nonempty * 6 ? width : 0;
}

static bool ends_with_any(const char *s, size_t len, const char *set)
{
    return len > 0 && strchr(set, s[len - 1]) != NULL;
}

/* Builds doc->text (one paragraph per line), doc->paras and the title
 * from the normalised lines. */
static void build_paragraphs(precis_doc *doc, const buf *norm)
{
    const char *s = buf_cstr(norm);
    size_t n_lines = 0, cap = 64;
    line *lines = precis__reallocarray(NULL, cap, sizeof *lines);
    for (size_t i = 0; i <= norm->len;) {
        size_t start = i;
        i = line_end(s, norm->len, i);
        if (n_lines == cap) {
            cap *= 2;
            lines = precis__reallocarray(lines, cap, sizeof *lines);
        }
        lines[n_lines++] =
            (line){start, i - start, u8_count(s + start, i - start)};
        i++;
    }
    size_t width = wrap_width(lines, n_lines);

    /* Paragraph spans are collected first into a growable array. */
    size_t n_paras = 0, cap_paras = 16;
    span *paras = precis__reallocarray(NULL, cap_paras, sizeof *paras);
    buf *text = &doc->text;
    buf_grow(text, norm->len);
    /* A title given by the caller (a JSON Lines record's "title") opens
     * the text, so that it is analysed like a detected one. */
    if (doc->forced_title.len) {
        buf_put(text, doc->meta.data + doc->forced_title.off,
                doc->forced_title.len);
        paras[n_paras++] = (span){0, doc->forced_title.len};
    }
    bool open = false; /* a paragraph is being built */
    for (size_t k = 0; k < n_lines; k++) {
        const line *l = &lines[k];
        if (l->len == 0) {
            open = false;
            continue;
        }
        const char *p = s + l->off;
        bool join = open && width && !is_list_item(p, l->len) &&
                    lines[k - 1].chars * 10 >= width * 6;
        if (join) {
            buf_putc(text, ' ');
            buf_put(text, p, l->len);
            paras[n_paras - 1].len = text->len - paras[n_paras - 1].off;
            continue;
        }
        if (text->len)
            buf_putc(text, '\n');
        if (n_paras == cap_paras) {
            cap_paras *= 2;
            paras = precis__reallocarray(paras, cap_paras, sizeof *paras);
        }
        paras[n_paras++] = (span){text->len, l->len};
        buf_put(text, p, l->len);
        open = true;
    }
    free(lines);

    size_t first_body = 0;
    size_t at = doc->forced_title.len
                    ? 0
                    : title_find(doc->lang->model, text->data, paras, n_paras);
    if (at != TITLE_NONE) {
        doc->has_title = 1;
        doc->title = paras[at];
        first_body = at + 1;
    }
    doc->n_paras = n_paras - first_body;
    doc->paras = arena_array(&doc->mem, doc->n_paras ? doc->n_paras : 1,
                             sizeof *doc->paras);
    if (doc->n_paras)
        memcpy(doc->paras, paras + first_body,
               doc->n_paras * sizeof *doc->paras);
    free(paras);
}

/* ==== Metadata: date prefix, headline sidebar ==== */

static bool starts_with_ci(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    if (len < n)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)prefix[i])
            return false;
    }
    return true;
}

/* Scrapers put "date 2025-11-04" before the text, often glued to the first
 * line. Take it as the document's date and cut it out. */
static void take_date_prefix(precis_doc *doc, buf *norm)
{
    const char *s = buf_cstr(norm);
    size_t i = 0;
    if (!starts_with_ci(s, norm->len, "date"))
        return;
    i = 4;
    if (i < norm->len && s[i] == ':')
        i++;
    if (i >= norm->len || (s[i] != ' ' && s[i] != '\n'))
        return;
    while (i < norm->len && (s[i] == ' ' || s[i] == '\n'))
        i++;
    size_t at, end;
    char date[11];
    /* The date must come first, not somewhere in the article. */
    size_t window = norm->len - i < 40 ? norm->len - i : 40;
    if (!date_find(s + i, window, date, &at, &end) || at != 0) /* ISO */
        return;
    memcpy(doc->date, date, sizeof date);
    end += i;
    while (end < norm->len && s[end] == ' ')
        end++;
    memmove(norm->data, norm->data + end, norm->len - end + 1);
    norm->len -= end;
}

/* A sidebar entry: an optional list marker, a time, then a headline, with
 * or without a space between ("- 12:20Morocco strengthens ..."). On
 * success fills time and the headline's span within the line. */
static bool parse_headline(const char *s, size_t len, char time[6],
                           size_t *text_at)
{
    size_t i = 0;
    if (len >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ')
        i = 2;
    else if (len >= 4 && memcmp(s, "\xE2\x80\xA2 ", 4) == 0)
        i = 4;
    size_t j = time_parse(s, len, i, time);
    if (!j)
        return false;
    while (j < len && (s[j] == ' ' || s[j] == '|' || s[j] == '-'))
        j++;
    /* The headline: some words, starting with a letter, quote or digit. */
    size_t words = 1;
    for (size_t k = j; k < len; k++)
        words += s[k] == ' ';
    if (j >= len || words < 2)
        return false;
    *text_at = j;
    return true;
}

static void add_headline(precis_doc *doc, size_t *cap, const char time[6],
                         const char *text, size_t len)
{
    if (doc->n_headlines == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        headline_item *grown = arena_array(&doc->mem, ncap, sizeof *grown);
        if (doc->n_headlines)
            memcpy(grown, doc->headlines, doc->n_headlines * sizeof *grown);
        doc->headlines = grown;
        *cap = ncap;
    }
    headline_item *h = &doc->headlines[doc->n_headlines++];
    h->time = (span){doc->meta.len, 5};
    buf_put(&doc->meta, time, 5);
    h->text = (span){doc->meta.len, len};
    buf_put(&doc->meta, text, len);
}

/* ==== Boilerplate lines ==== */

static size_t word_count(const char *s, size_t len)
{
    size_t words = len > 0;
    for (size_t i = 0; i < len; i++)
        words += s[i] == ' ';
    return words;
}

/* Whether s has more than max words, reading only as far as needed. */
static bool more_words_than(const char *s, size_t len, size_t max)
{
    size_t words = len > 0;
    for (size_t i = 0; i < len && words <= max; i++)
        words += s[i] == ' ';
    return words > max;
}

/* "Home | News | Sport | Weather": a row of links. */
static bool is_link_row(const char *s, size_t len)
{
    static const char *const seps[] = {" | ", " \xE2\x80\xA2 ", " \xC2\xB7 ",
                                       " \xC2\xBB "};
    size_t n_seps = 0;
    for (const char *sp = memchr(s, ' ', len); sp;
         sp = memchr(sp + 1, ' ', len - (size_t)(sp + 1 - s))) {
        size_t i = (size_t)(sp - s);
        /* Every separator's second byte is one of these. */
        unsigned char next = i + 1 < len ? (unsigned char)s[i + 1] : 0;
        if (next != '|' && next != 0xE2 && next != 0xC2)
            continue;
        for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
            size_t sl = strlen(seps[k]);
            if (i + sl <= len && memcmp(s + i, seps[k], sl) == 0)
                n_seps++;
        }
        if (i + 1 >= len)
            break;
    }
    return n_seps >= 2 && word_count(s, len) <= (n_seps + 1) * 4;
}

/* "By Jane Smith" or "By JANE SMITH, Political Editor": a byline; also
 * "By Jane Smith on Monday, November 4th, 2025 at 11:04 a.m.", a byline
 * with its date. */
static bool is_byline(const lang_model *m, const char *s, size_t len)
{
    if (len < 4 || memcmp(s, "By ", 3) != 0 || !(s[3] >= 'A' && s[3] <= 'Z'))
        return false;
    size_t words = word_count(s, len);
    if (!ends_with_any(s, len, ".!?"))
        return words <= 10;
    char date[11];
    size_t at, end;
    const char *months = m->months.len ? m->months.data : NULL;
    return words <= 16 && date_find_lang(s, len, months, date, &at, &end);
}

/* A short line that is mostly a date ("Published: 4 November 2025",
 * "Tuesday 4 Nov 2025 12:20 GMT"). Writes the date to out. */
static bool is_dateline(const lang_model *m, const char *s, size_t len,
                        char out[11])
{
    size_t at, end;
    const char *months = m->months.len ? m->months.data : NULL;
    if (more_words_than(s, len, 12) ||
        !date_find_lang(s, len, months, out, &at, &end))
        return false;
    size_t outside = word_count(s, at) + word_count(s + end, len - end);
    return outside <= 4 || bp_is_line(&m->boilerplate, s, len);
}

/* Which lines of the normalised text belong to the article (see
 * extract.h): a mask with one entry per line, or NULL to keep them all
 * (boilerplate kept on request, or a body already chosen from HTML). */
static bool *article_lines(const precis_doc *doc, const buf *norm)
{
    const char *s = buf_cstr(norm);
    size_t n = 0, cap = 64;
    const char **lines = precis__reallocarray(NULL, cap, sizeof *lines);
    size_t *lens = precis__reallocarray(NULL, cap, sizeof *lens);
    for (size_t i = 0; i <= norm->len;) {
        size_t start = i;
        i = line_end(s, norm->len, i);
        if (n == cap) {
            cap *= 2;
            lines = precis__reallocarray(lines, cap, sizeof *lines);
            lens = precis__reallocarray(lens, cap, sizeof *lens);
        }
        lines[n] = s + start;
        lens[n++] = i - start;
        i++;
    }
    /* Hard-wrapped text (mail, archives) is one document, not a page:
     * its lines are pieces of paragraphs, which the classifier cannot
     * judge one by one. */
    line *wl = precis__reallocarray(NULL, n, sizeof *wl);
    for (size_t k = 0; k < n; k++)
        wl[k] = (line){(size_t)(lines[k] - s), lens[k],
                       u8_count(lines[k], lens[k])};
    bool wrapped = wrap_width(wl, n) > 0;
    free(wl);
    bool *keep = precis__calloc(n, sizeof *keep);
    size_t title;
    if (wrapped)
        for (size_t k = 0; k < n; k++)
            keep[k] = true;
    else
        ex_text_keep(lines, lens, n, doc->lang->model, keep, &title);
    free(lines);
    free(lens);
    return keep;
}

/* Rewrites the normalised lines into out: sidebar headlines go to the
 * document's metadata, lines outside the article and boilerplate lines
 * are cut (unless kept), and a removed line leaves an empty line, which
 * ends a paragraph. Metadata (headlines, the date) is read from every
 * line, inside the article or not. */
static void clean_lines(precis_doc *doc, const buf *norm, bool keep,
                        bool whole)
{
    const char *s = buf_cstr(norm);
    const lang_model *m = doc->lang->model;
    char time[6];
    size_t text_at, n_times = 0;
    for (size_t i = 0; i <= norm->len;) {
        size_t start = i;
        i = line_end(s, norm->len, i);
        n_times += parse_headline(s + start, i - start, time, &text_at);
        i++;
    }
    bool *in_article = keep || whole ? NULL : article_lines(doc, norm);
    /* One timestamped line may be an article's own; a run is a sidebar. */
    bool take_headlines = n_times >= 2;
    size_t cap = 0, k = 0;
    buf out = {0}, line = {0};
    buf_grow(&out, norm->len);
    for (size_t i = 0; i <= norm->len; k++) {
        size_t start = i;
        i = line_end(s, norm->len, i);
        const char *l = s + start;
        size_t len = i - start;
        i++;
        if (take_headlines && parse_headline(l, len, time, &text_at)) {
            add_headline(doc, &cap, time, l + text_at, len - text_at);
            buf_putc(&out, '\n');
            continue;
        }
        buf_clear(&line);
        if (keep)
            buf_put(&line, l, len);
        else
            bp_strip(&m->boilerplate, l, len, &line);
        const char *t = buf_cstr(&line);
        char date[11];
        bool dateline = is_dateline(m, t, line.len, date);
        if (dateline && !doc->date[0]) {
            memcpy(doc->date, date, sizeof date);
            /* "Updated 4 Nov 2025, 12:20 GMT": the first time in it. */
            for (size_t c = 0; c < line.len && !doc->time[0]; c++)
                time_parse(t, line.len, c, doc->time);
        }
        bool drop =
            !keep && ((in_article && !in_article[k]) || dateline ||
                      bp_is_line(&m->boilerplate, t, line.len) ||
                      is_link_row(t, line.len) || is_byline(m, t, line.len));
        if (!drop)
            buf_put(&out, t, line.len);
        buf_putc(&out, '\n');
    }
    free(in_article);
    buf_free(&line);
    build_paragraphs(doc, &out);
    buf_free(&out);
}

/* ==== Boilerplate sentences ==== */

void ingest_drop_boilerplate(precis_doc *doc)
{
    const bp_rules *rules = &doc->lang->model->boilerplate;
    size_t n = doc->n_sents;
    bool *flag = precis__calloc(n ? n : 1, sizeof *flag);
    for (size_t k = 0; k < n; k++) {
        sentence *st = &doc->sents[k];
        flag[k] = bp_is_sentence(rules, doc->text.data + st->off, st->len);
        st->caption = bp_is_caption(rules, doc->text.data + st->off, st->len);
    }
    /* A paragraph that is mostly appeal or notice goes whole: its other
     * sentences ("The Independent is on the ground...") belong to it. */
    for (size_t a = 0; a < n;) {
        size_t b = a, flagged = 0;
        while (b < n && doc->sents[b].paragraph == doc->sents[a].paragraph)
            flagged += flag[b++];
        if (flagged >= 2 && flagged * 3 >= b - a)
            for (size_t k = a; k < b; k++)
                flag[k] = true;
        a = b;
    }
    size_t kept = 0;
    for (size_t k = 0; k < n; k++)
        if (!flag[k])
            doc->sents[kept++] = doc->sents[k];
    doc->n_sents = kept;
    free(flag);
}

/* ==== Entry point ==== */

/* The language of an HTML page's prose, for the block classifier's
 * stopword counts (html_lang_fn). */
static const lang_model *html_language(void *ud, const char *sample,
                                       size_t len)
{
    precis_doc *doc = ud;
    if (!doc->lang)
        doc->lang = doc->ctx->auto_lang
                        ? detect_language(doc->ctx, sample, len)
                        : doc->ctx->fixed;
    return doc->lang ? doc->lang->model : NULL;
}

/* A copy of a page's metadata string in the document, valid UTF-8: an
 * attribute (a canonical link's href) reaches us with whatever bytes the
 * page had, which the parser does not repair. */
static const char *meta_string(precis_doc *doc, const buf *b)
{
    if (!b->len)
        return NULL;
    if (u8_is_valid(b->data, b->len))
        return arena_strndup(&doc->mem, b->data, b->len);
    buf fixed = {0};
    u8_repair(&fixed, b->data, b->len);
    const char *s = arena_strndup(&doc->mem, fixed.data, fixed.len);
    buf_free(&fixed);
    return s;
}

/* Reads an HTML page: its article becomes the input text (buffered in
 * page->text) and its metadata the document's. */
static precis_status read_html(precis_doc *doc, const char *raw, size_t len,
                               html_page *page)
{
    buf err = {0};
    if (!html_extract(raw, len, html_language, doc, page, &err)) {
        precis_status st = precis__fail(doc->ctx, PRECIS_EINVAL, "%s",
                                        buf_cstr(&err));
        buf_free(&err);
        return st;
    }
    buf_free(&err);
    if (!doc->site_given) /* the caller's name (a feed's title) wins */
        doc->site = meta_string(doc, &page->site);
    if (!doc->url_given) /* the caller's URL (a feed's link) wins */
        doc->url = meta_string(doc, &page->url);
    doc->author = meta_string(doc, &page->author);
    doc->page_lang = meta_string(doc, &page->lang);
    if (!doc->date[0] && page->date[0]) {
        memcpy(doc->date, page->date, sizeof doc->date);
        memcpy(doc->time, page->time, sizeof doc->time);
    }
    /* The page's title is the document's unless the caller gave one; it
     * opens the text as a given title does. */
    if (!doc->forced_title.len && page->title.len) {
        doc->forced_title = (span){doc->meta.len, page->title.len};
        buf_put(&doc->meta, page->title.data, page->title.len);
    }
    return PRECIS_OK;
}

precis_status ingest_run(precis_doc *doc, const precis_options *opt)
{
    precis_ctx *ctx = doc->ctx;
    const unsigned char *raw = (const unsigned char *)buf_cstr(&doc->input);
    size_t len = doc->input.len;
    if (len == 0)
        return precis__fail(ctx, PRECIS_EEMPTY, "input is empty");
    bool html = opt->input == PRECIS_INPUT_HTML ||
                (opt->input == PRECIS_INPUT_AUTO &&
                 html_sniff((const char *)raw, len));
    html_page page = {0};
    if (html) {
        precis_status st = read_html(doc, (const char *)raw, len, &page);
        if (st != PRECIS_OK) {
            html_page_free(&page);
            return st;
        }
        doc->visible = page.visible;
        raw = (const unsigned char *)buf_cstr(&page.text);
        len = page.text.len;
        if (len == 0) {
            html_page_free(&page);
            return precis__fail(ctx, PRECIS_EEMPTY,
                                "no article text in the HTML page");
        }
    } else {
        doc->visible = len;
    }
    if (looks_binary(raw, len)) {
        html_page_free(&page);
        return precis__fail(ctx, PRECIS_EBINARY,
                            "binary data, not text (NUL or control bytes)");
    }

    /* Most input is valid NFC already: then it is read where it is, not
     * copied through repair and normalisation. */
    buf valid = {0};
    const char *text = (const char *)raw;
    size_t text_len = len;
    if (!u8_is_valid(text, len) || !uc_nfc_inert(text, len)) {
        size_t fixes = u8_repair(&valid, (const char *)raw, len);
        if (fixes && (opt->flags & PRECIS_OPT_STRICT_UTF8)) {
            buf_free(&valid);
            html_page_free(&page);
            return precis__fail(ctx, PRECIS_EUTF8,
                                "invalid UTF-8 (%zu bad sequences)", fixes);
        }
        /* Mostly-invalid input is not text in any encoding we could
         * read. */
        if (fixes * 4 > len && len >= 16) {
            buf_free(&valid);
            html_page_free(&page);
            return precis__fail(ctx, PRECIS_EBINARY,
                                "binary data, not text (%zu of %zu bytes are "
                                "not UTF-8)",
                                fixes, len);
        }
        uc_nfc(&valid);
        text = buf_cstr(&valid);
        text_len = valid.len;
    }

    buf norm = {0};
    normalise_lines(&norm, text, text_len);
    buf_free(&valid);
    html_page_free(&page);
    if (!html)
        take_date_prefix(doc, &norm);
    if (!doc->lang)
        doc->lang = ctx->auto_lang
                        ? detect_language(ctx, buf_cstr(&norm), norm.len)
                        : ctx->fixed;
    /* An HTML page's article was chosen from its DOM already. */
    clean_lines(doc, &norm, opt->flags & PRECIS_OPT_KEEP_BOILERPLATE, html);
    buf_free(&norm);
    if (doc->text.len == 0)
        return precis__fail(ctx, PRECIS_EEMPTY,
                            doc->n_headlines ? "no body text, only headlines"
                                             : "input holds only white space");
    return PRECIS_OK;
}
