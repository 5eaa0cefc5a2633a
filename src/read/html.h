/* html.h: a web page to the article's text and the page's metadata.
 *
 * libxml2's HTML parser reads the page (recovering from any markup, never
 * touching the network, converting from the charset the BOM or a meta tag
 * declares); the walk below turns its DOM into blocks, extract.h's
 * classifier values them, and the article is the element whose subtree
 * holds the most value, read as plain text with one block a paragraph. */
#ifndef PRECIS_HTML_H
#define PRECIS_HTML_H

#include "util/symbols.h"

#include <stdbool.h>
#include <stddef.h>

#include "lang/model.h"
#include "util/buf.h"

/* What html_extract found. Every buf is NUL-terminated UTF-8 (or empty);
 * the caller owns them and frees the page with html_page_free. */
typedef struct html_page {
    buf text;      /* the article: blocks separated by blank lines */
    buf title;     /* og:title, the JSON-LD headline, h1 or <title> */
    buf site;      /* og:site_name or the JSON-LD publisher */
    buf url;       /* <link rel=canonical> or og:url */
    buf author;    /* meta author or the JSON-LD author */
    buf lang;      /* <html lang>, as written ("en-GB") */
    char date[11]; /* "YYYY-MM-DD" or "" */
    char time[6];  /* "HH:MM" or "" */
    size_t visible; /* bytes of visible text on the whole page */
} html_page;

/* Whether s looks like HTML: a doctype, or an <html>, <head>, <body> or
 * <meta> tag near the start (after a BOM, white space and comments). */
bool html_sniff(const char *s, size_t len);

/* The language model of a sample of the page's text (for the stopwords
 * the block classifier counts), or NULL. */
typedef const lang_model *(*html_lang_fn)(void *ud, const char *sample,
                                          size_t len);

/* Parses len bytes of s as an HTML page into *page (zeroed by the caller).
 * pick (may be NULL) is asked once for the page's language. Returns
 * false, with a message in err, only when the page cannot be parsed at
 * all (larger than INT_MAX bytes, or libxml2 gives up); a page without an
 * article yields an empty text, not an error. */
bool html_extract(const char *s, size_t len, html_lang_fn pick, void *ud,
                  html_page *page, buf *err);

/* Frees page's buffers. NULL is a no-op. */
void html_page_free(html_page *page);

#endif
