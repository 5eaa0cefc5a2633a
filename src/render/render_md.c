/* render_md.c: the summary as CommonMark.
 *
 * The layout is fixed (see precis_render_md in precis.h); the work is in
 * render_md_outc, which escapes input text so that no article, however hostile,
 * can change the structure: a title cannot end its heading early, a
 * sentence cannot open a link, a headline cannot start a code block.
 *
 * Escaping is a backslash before ASCII punctuation, which CommonMark
 * accepts before any ASCII punctuation character and renders as the bare
 * character. Escaping every punctuation mark would be safe but would turn
 * "U.S. (AP)" into "U\.S\. \(AP\)" for anyone reading the Markdown source,
 * so, like cmark's own CommonMark writer, only the characters that can
 * start or end something are escaped, some of them only where they can. */
#include <stdbool.h>
#include <string.h>

#include "internal.h"
#include "render/render.h"
#include "util/unicode.h"
#include "util/utf8.h"

precis_md_options precis_md_options_default(void)
{
    return (precis_md_options){.style = PRECIS_MD_PARAGRAPH};
}

precis_status precis_md_style_parse(const char *name, precis_md_style *out)
{
    if (!name)
        return PRECIS_EINVAL;
    if (strcmp(name, "paragraph") == 0)
        *out = PRECIS_MD_PARAGRAPH;
    else if (strcmp(name, "bullets") == 0)
        *out = PRECIS_MD_BULLETS;
    else
        return PRECIS_EINVAL;
    return PRECIS_OK;
}

/* ==== Escaping ==== */

static bool is_ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
}

/* The outc hook. Called for every byte of input text; bytes >= 0x80 are
 * parts of UTF-8 sequences and never special in CommonMark. */
void render_md_outc(renderer *r, unsigned char c, unsigned char next)
{
    /* A newline would end the block (and the next line could open any
     * other); a tab could indent a code block. Sentences never hold
     * either, but titles and headline items come from other code. */
    if (c < 0x20 || c == 0x7f)
        c = ' ';
    bool esc = false;
    if (r->begin_content) {
        /* "1." or "1)" would make an ordered list, "-" or "+" a bullet
         * list or a thematic break, "=" a setext underline. Digits keep
         * us at the start; anything else ends it. */
        if (c >= '0' && c <= '9') {
            r->lead_digits++;
            render_byte(r, c);
            return;
        }
        if (r->lead_digits > 0)
            esc = c == '.' || c == ')';
        else
            esc = c == '-' || c == '+' || c == '=';
        r->begin_content = false;
    }
    switch (c) {
    case '\\': /* an escape of its own, or a hard line break */
    case '`':  /* code spans */
    case '*':  /* emphasis, list items, thematic breaks */
    case '_':
    case '[': /* links, images, reference definitions, footnotes */
    case ']':
    case '<': /* autolinks and raw HTML */
    case '>': /* block quotes */
    case '#': /* ATX headings, and a closing "#" would end ours */
    case '|': /* GFM tables */
    case '~': /* GFM strikethrough, tilde fences */
        esc = true;
        break;
    case '&': /* "&amp;" or "&#42;" would be decoded as an entity */
        esc = next == '#' || is_ascii_alnum(next);
        break;
    default:
        break;
    }
    if (esc)
        render_byte(r, '\\');
    render_byte(r, c);
}

/* True for what CommonMark strips or treats as indentation at the edges
 * of a line, and for the Unicode spaces that would stop "**" next to them
 * from opening or closing emphasis. */
static bool edge_space(int32_t cp)
{
    return cp < 0x20 || cp == 0x7f || cp == ' ' || uc_is_space(cp);
}

/* Writes one piece of input text, without the white space at its ends.
 * Returns false (writing nothing) when nothing is left. */
static bool md_piece(renderer *r, const char *p, size_t len)
{
    if (!p)
        return false;
    size_t start = 0, end = len;
    while (start < end) {
        size_t i = start;
        if (!edge_space(u8_next(p, end, &i)))
            break;
        start = i;
    }
    while (end > start) {
        size_t i = end;
        if (!edge_space(u8_prev(p, &i)))
            break;
        end = i;
    }
    if (start == end)
        return false;
    render_text(r, p + start, end - start);
    r->begin_content = false;
    return true;
}

/* ==== Layout ==== */

static void md_title(renderer *r, const precis_doc *doc)
{
    size_t len;
    const char *t = precis_doc_title(doc, &len);
    if (!render_has_text(t, len))
        return;
    render_lit(r, "# ");
    render_block_start(r);
    md_piece(r, t, len);
    render_cr(r);
}

static void md_date(renderer *r, const precis_doc *doc)
{
    const char *date = precis_doc_date(doc);
    if (!date || !render_has_text(date, strlen(date)))
        return;
    render_blankline(r);
    render_lit(r, "*");
    md_piece(r, date, strlen(date));
    render_lit(r, "*");
    render_cr(r);
}

/* "*Site, by Author* <https://...>": where the page came from, when an
 * HTML page said so. */
static void md_source(renderer *r, const precis_doc *doc)
{
    const char *site = precis_doc_site(doc), *author = precis_doc_author(doc);
    const char *url = precis_doc_url(doc);
    bool has_site = site && render_has_text(site, strlen(site));
    bool has_author = author && render_has_text(author, strlen(author));
    /* An autolink holds no space, control character, < or >. */
    bool has_url = url && *url && strncmp(url, "http", 4) == 0;
    for (const char *p = url; has_url && *p; p++)
        if ((unsigned char)*p <= ' ' || *p == '<' || *p == '>')
            has_url = false;
    if (!has_site && !has_author && !has_url)
        return;
    render_blankline(r);
    if (has_site || has_author) {
        render_lit(r, "*");
        if (has_site)
            md_piece(r, site, strlen(site));
        if (has_site && has_author)
            render_lit(r, ", ");
        if (has_author) {
            render_lit(r, "by ");
            md_piece(r, author, strlen(author));
        }
        render_lit(r, "*");
    }
    if (has_url) {
        render_lit(r, has_site || has_author ? " <" : "<");
        render_lit(r, url);
        render_lit(r, ">");
    }
    render_cr(r);
}

static void md_summary(renderer *r, const precis_doc *doc,
                       precis_md_style style)
{
    bool first = true;
    for (size_t k = 0; k < precis_doc_summary_count(doc); k++) {
        precis_sentence s;
        if (precis_doc_summary_sentence(doc, k, &s) != PRECIS_OK ||
            !render_has_text(s.text, s.len))
            continue;
        if (first)
            render_blankline(r);
        if (style == PRECIS_MD_BULLETS) {
            render_cr(r);
            render_lit(r, "- ");
            render_block_start(r);
        } else if (first) {
            render_block_start(r);
        } else {
            render_lit(r, " ");
        }
        md_piece(r, s.text, s.len);
        first = false;
    }
    render_cr(r);
}

static void md_keywords(renderer *r, const precis_doc *doc)
{
    bool first = true;
    for (size_t i = 0; i < precis_doc_keyword_count(doc); i++) {
        size_t len;
        const char *k;
        if (precis_doc_keyword(doc, i, &k, &len) != PRECIS_OK ||
            !render_has_text(k, len))
            continue;
        if (first) {
            render_blankline(r);
            render_lit(r, "**Keywords:** ");
        } else {
            render_lit(r, ", ");
        }
        md_piece(r, k, len);
        first = false;
    }
    render_cr(r);
}

/* The headline items get a label paragraph of their own: without
 * something between them, a bulleted summary and the headline list would
 * merge into one list. */
static void md_headlines(renderer *r, const precis_doc *doc)
{
    bool first = true;
    for (size_t i = 0; i < precis_doc_headline_count(doc); i++) {
        precis_headline h;
        if (precis_doc_headline(doc, i, &h) != PRECIS_OK)
            continue;
        bool has_time = render_has_text(h.time, h.time_len);
        if (!has_time && !render_has_text(h.text, h.len))
            continue;
        if (first) {
            render_blankline(r);
            render_lit(r, "**Headlines:**");
            render_blankline(r);
        }
        render_cr(r);
        render_lit(r, "- ");
        if (has_time) {
            render_lit(r, "**");
            md_piece(r, h.time, h.time_len);
            render_lit(r, "**");
            if (render_has_text(h.text, h.len))
                render_lit(r, " ");
        } else {
            render_block_start(r);
        }
        md_piece(r, h.text, h.len);
        first = false;
    }
    render_cr(r);
}

precis_status precis_render_md(const precis_doc *doc,
                               const precis_md_options *opt, precis_sink *sink)
{
    precis_status st = render_check_doc(doc);
    if (st != PRECIS_OK)
        return st;
    precis_md_options defaults = precis_md_options_default();
    if (!opt)
        opt = &defaults;
    if (opt->style != PRECIS_MD_PARAGRAPH && opt->style != PRECIS_MD_BULLETS)
        return precis__fail(doc->ctx, PRECIS_EINVAL,
                            "unknown Markdown style %d", (int)opt->style);
    renderer r;
    render_begin(&r, doc, sink, render_md_outc);
    md_title(&r, doc);
    md_date(&r, doc);
    md_source(&r, doc);
    md_summary(&r, doc, opt->style);
    md_keywords(&r, doc);
    md_headlines(&r, doc);
    return render_end(&r);
}
