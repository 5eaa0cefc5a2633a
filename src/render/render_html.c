/* render_html.c: one article's summary as a self-contained HTML page.
 *
 * The page is for a browser, an e-mail or a static site, and holds
 * nothing it could fetch or run: the style is inline, there is no script,
 * no link to anything and no image, and a Content-Security-Policy says so
 * to any browser that opens the file. All text taken from the input goes
 * through html_outc, which escapes the five characters that mean
 * something in HTML text or in a quoted attribute, so no article can add
 * markup, close an element early or leave an attribute. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "render/render.h"
#include "util/unicode.h"
#include "util/utf8.h"

/* The outc hook: escapes & < > " ' (the last two matter inside
 * attributes; escaping them in text is harmless) and turns control
 * characters into spaces, as the other renderers do. */
static void html_outc(renderer *r, unsigned char c, unsigned char next)
{
    (void)next;
    switch (c) {
    case '&':
        render_lit(r, "&amp;");
        return;
    case '<':
        render_lit(r, "&lt;");
        return;
    case '>':
        render_lit(r, "&gt;");
        return;
    case '"':
        render_lit(r, "&quot;");
        return;
    case '\'':
        render_lit(r, "&#39;");
        return;
    default:
        render_byte(r, c < 0x20 || c == 0x7f ? ' ' : c);
    }
}

/* A calm page that reads well on a phone and prints well; system fonts
 * only, since nothing may be fetched. */
static const char style[] =
    "body{margin:0;padding:2rem 1rem;background:#fff;color:#1a1a1a;"
    "font:1.05rem/1.55 system-ui,-apple-system,\"Segoe UI\",sans-serif;"
    "overflow-wrap:break-word}"
    "article{max-width:40rem;margin:0 auto}"
    "a{color:#0b57d0}"
    "h1{font-size:1.6rem;line-height:1.25;margin:0 0 .4rem}"
    "h2{font-size:1rem;margin:1.6rem 0 .4rem}"
    ".date{color:#555;margin:0 0 1.2rem}"
    ".summary p{margin:0 0 .8rem}"
    ".keywords{color:#333;font-size:.95rem}"
    ".headlines ul{padding-left:1.2rem}"
    ".headlines time{font-variant-numeric:tabular-nums;color:#555;"
    "margin-right:.5rem}"
    "@media (prefers-color-scheme:dark){body{background:#111;color:#eee}"
    "a{color:#8ab4f8}.date,.headlines time{color:#aaa}.keywords{color:#ccc}}"
    "@media print{body{background:#fff;color:#000;padding:0;font-size:11pt}"
    "a{color:inherit}a[href]::after{content:\" <\" attr(href) \">\";"
    "font-size:.85em;overflow-wrap:anywhere}}";

/* The body's look again, inline, for e-mail clients that drop <style>:
 * the column, its margins and the font. */
static const char body_open[] =
    "<body style=\"margin:0;padding:2rem 1rem;"
    "font-family:system-ui,-apple-system,'Segoe UI',sans-serif;"
    "line-height:1.55\">\n";
static const char column_style[] = " style=\"max-width:40rem;margin:0 auto\"";

static void html_head(renderer *r, const precis_doc *doc)
{
    const char *lang = precis_doc_language(doc);
    const char *code = lang ? precis_language_code(lang) : "";
    render_lit(r, "<!DOCTYPE html>\n<html");
    if (code && *code) {
        render_lit(r, " lang=\"");
        render_text(r, code, strlen(code));
        render_lit(r, "\"");
    }
    render_lit(r, ">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta http-equiv=\"Content-Security-Policy\" "
                  "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                  "<meta name=\"color-scheme\" content=\"light dark\">\n"
                  "<meta name=\"viewport\" "
                  "content=\"width=device-width, initial-scale=1\">\n"
                  "<meta name=\"generator\" content=\"precis ");
    render_lit(r, PRECIS_VERSION_STRING);
    render_lit(r, "\">\n<title>");
    size_t len;
    const char *title = precis_doc_title(doc, &len);
    if (render_has_text(title, len))
        render_text(r, title, len);
    else
        render_lit(r, "Summary");
    render_lit(r, "</title>\n<style>");
    render_lit(r, style);
    render_lit(r, "</style>\n</head>\n");
    render_lit(r, body_open);
    render_lit(r, "<article dir=\"auto\"");
    render_lit(r, column_style);
    render_lit(r, ">\n");
}

static void html_title_date(renderer *r, const precis_doc *doc)
{
    size_t len;
    const char *title = precis_doc_title(doc, &len);
    if (render_has_text(title, len)) {
        render_lit(r, "<h1>");
        render_text(r, title, len);
        render_lit(r, "</h1>\n");
    }
    const char *date = precis_doc_date(doc);
    if (date && render_has_text(date, strlen(date))) {
        render_lit(r, "<p class=\"date\"><time datetime=\"");
        render_text(r, date, strlen(date));
        render_lit(r, "\">");
        render_text(r, date, strlen(date));
        render_lit(r, "</time></p>\n");
    }
}

/* The summary, one paragraph a sentence: sentences chosen from different
 * parts of an article rarely read as one paragraph. */
static void html_summary(renderer *r, const precis_doc *doc)
{
    render_lit(r, "<section class=\"summary\">\n");
    for (size_t k = 0; k < precis_doc_summary_count(doc); k++) {
        precis_sentence s;
        if (precis_doc_summary_sentence(doc, k, &s) != PRECIS_OK ||
            !render_has_text(s.text, s.len))
            continue;
        render_lit(r, "<p>");
        render_text(r, s.text, s.len);
        render_lit(r, "</p>\n");
    }
    render_lit(r, "</section>\n");
}

static void html_keywords(renderer *r, const precis_doc *doc)
{
    bool first = true;
    for (size_t i = 0; i < precis_doc_keyword_count(doc); i++) {
        size_t len;
        const char *k;
        if (precis_doc_keyword(doc, i, &k, &len) != PRECIS_OK ||
            !render_has_text(k, len))
            continue;
        render_lit(r, first ? "<p class=\"keywords\"><strong>Keywords:"
                              "</strong> "
                            : ", ");
        render_text(r, k, len);
        first = false;
    }
    if (!first)
        render_lit(r, "</p>\n");
}

static void html_headlines(renderer *r, const precis_doc *doc)
{
    bool first = true;
    for (size_t i = 0; i < precis_doc_headline_count(doc); i++) {
        precis_headline h;
        if (precis_doc_headline(doc, i, &h) != PRECIS_OK)
            continue;
        bool has_time = render_has_text(h.time, h.time_len);
        if (!has_time && !render_has_text(h.text, h.len))
            continue;
        if (first)
            render_lit(r, "<section class=\"headlines\">\n<h2>Headlines</h2>\n"
                          "<ul>\n");
        render_lit(r, "<li>");
        if (has_time) {
            render_lit(r, "<time>");
            render_text(r, h.time, h.time_len);
            render_lit(r, "</time> ");
        }
        render_text(r, h.text, h.len);
        render_lit(r, "</li>\n");
        first = false;
    }
    if (!first)
        render_lit(r, "</ul>\n</section>\n");
}

precis_status precis_render_html(const precis_doc *doc, precis_sink *sink)
{
    precis_status st = render_check_doc(doc);
    if (st != PRECIS_OK)
        return st;
    renderer r;
    render_begin(&r, doc, sink, html_outc);
    html_head(&r, doc);
    html_title_date(&r, doc);
    html_summary(&r, doc);
    html_keywords(&r, doc);
    html_headlines(&r, doc);
    render_lit(&r, "</article>\n</body>\n</html>\n");
    return render_end(&r);
}

/* ==== A briefing as a page ==== */

/* The same calm page for a briefing, with inline styles on the blocks
 * that matter, for e-mail clients that drop a <style> element. */
static const char brief_style[] =
    ".story{margin:0 0 1.6rem;padding:0 0 1.2rem;border-bottom:1px solid #ddd}"
    ".story h2{font-size:1.2rem;margin:0 0 .3rem}"
    ".meta{color:#555;font-size:.9rem;margin:0 0 .6rem}"
    ".more{color:#555;font-style:italic}"
    "@media (prefers-color-scheme:dark){.meta,.more{color:#aaa!important}"
    ".story{border-color:#333}}"
    "@media print{.meta,.more{color:#333!important}"
    ".story{break-inside:avoid}h2{break-after:avoid}}";

static void brief_heading(renderer *r, const char *date)
{
    render_lit(r, "<h1 style=\"font-size:1.6rem;margin:0 0 1.2rem\">Briefing");
    if (date) {
        render_lit(r, " for <time datetime=\"");
        render_text(r, date, strlen(date));
        render_lit(r, "\">");
        render_text(r, date, strlen(date));
        render_lit(r, "</time>");
    }
    render_lit(r, "</h1>\n");
}

/* A source as a link; the colour is inline for e-mail clients, which
 * keep it readable on the light page they show without the <style>. */
static void html_link(renderer *r, const char *name, const char *url)
{
    render_lit(r, "<a href=\"");
    render_url(r, url);
    render_lit(r, "\">");
    render_text(r, name, strlen(name));
    render_lit(r, "</a>");
}

static void brief_story(renderer *r, const precis_story *s, const char *day)
{
    render_lit(r, "<section class=\"story\">\n"
                  "<h2 style=\"font-size:1.2rem;line-height:1.3;"
                  "margin:0 0 .3rem\">");
    render_text(r, s->headline, s->headline_len);
    render_lit(r, "</h2>\n<p class=\"meta\" style=\"color:#555\">");
    /* The story's date when it is not the briefing's day, its time. */
    bool other_day = s->date && (!day || strcmp(s->date, day) != 0);
    if (other_day || s->time) {
        render_lit(r, "<time datetime=\"");
        if (other_day)
            render_text(r, s->date, strlen(s->date));
        if (other_day && s->time)
            render_lit(r, "T");
        if (s->time)
            render_text(r, s->time, strlen(s->time));
        render_lit(r, "\">");
        if (other_day)
            render_text(r, s->date, strlen(s->date));
        if (other_day && s->time)
            render_lit(r, " ");
        if (s->time)
            render_text(r, s->time, strlen(s->time));
        render_lit(r, "</time> \xC2\xB7 ");
    }
    render_story_sources(r, s, html_link);
    render_lit(r, "</p>\n");
    for (size_t k = 0; k < s->n_sentences; k++) {
        render_lit(r, "<p>");
        render_text(r, s->sentences[k], s->sentence_lens[k]);
        render_lit(r, "</p>\n");
    }
    render_lit(r, "</section>\n");
}

precis_status render_brief_html(const precis_brief *b, precis_sink *sink)
{
    renderer r;
    render_begin(&r, NULL, sink, html_outc);
    const char *date = precis_brief_date(b);
    render_lit(&r, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                   "<meta charset=\"utf-8\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" "
                   "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                   "<meta name=\"color-scheme\" content=\"light dark\">\n"
                   "<meta name=\"viewport\" "
                   "content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"precis ");
    render_lit(&r, PRECIS_VERSION_STRING);
    render_lit(&r, "\">\n<title>Briefing");
    if (date) {
        render_lit(&r, " for ");
        render_text(&r, date, strlen(date));
    }
    render_lit(&r, "</title>\n<style>");
    render_lit(&r, style);
    render_lit(&r, brief_style);
    render_lit(&r, "</style>\n</head>\n");
    render_lit(&r, body_open);
    render_lit(&r, "<main dir=\"auto\"");
    render_lit(&r, column_style);
    render_lit(&r, ">\n");
    brief_heading(&r, date);
    for (size_t i = 0; i < precis_brief_story_count(b); i++) {
        precis_story s;
        if (precis_brief_story(b, i, &s) == PRECIS_OK)
            brief_story(&r, &s, date);
    }
    size_t more = precis_brief_more_count(b);
    if (more) {
        char line[64];
        snprintf(line, sizeof line, "<p class=\"more\">%zu more %s</p>\n", more,
                 more == 1 ? "story" : "stories");
        render_lit(&r, line);
    }
    size_t n_also = precis_brief_also_count(b);
    if (n_also) {
        render_lit(&r, "<section class=\"headlines\">\n<h2>Also in the news"
                       "</h2>\n<ul>\n");
        for (size_t k = 0; k < n_also; k++) {
            precis_headline h;
            precis_brief_also(b, k, &h);
            render_lit(&r, "<li><time>");
            render_text(&r, h.time, h.time_len);
            render_lit(&r, "</time> ");
            render_text(&r, h.text, h.len);
            render_lit(&r, "</li>\n");
        }
        render_lit(&r, "</ul>\n</section>\n");
    }
    render_lit(&r, "</main>\n</body>\n</html>\n");
    return render_end(&r);
}
