/* extract.h: the article among a page's blocks.
 *
 * A page, scraped as text or parsed from HTML, is a run of blocks (lines,
 * paragraphs, list items, headings). The classifier gives each block a
 * value from features that hold across sites and languages: its length in
 * words, sentence-final punctuation, the share of stopwords in the
 * language, links, repeats, separator rows and all-caps lines. Prose is
 * worth its words; menu items, notices and teasers cost. The article is
 * then the region with the best total: the densest run of prose with the
 * short lines between its paragraphs (ex_text_keep), or for HTML the
 * element whose subtree sums best (html.c). Phrase rules (boilerplate.txt)
 * are applied afterwards by ingest, as the last resort. */
#ifndef PRECIS_EXTRACT_H
#define PRECIS_EXTRACT_H

#include "util/symbols.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lang/model.h"

enum ex_flags {
    EX_HEADING = 1u << 0,  /* h1-h6 */
    EX_LIST = 1u << 1,     /* a list entry */
    EX_REPEATED = 1u << 2, /* the same text stands elsewhere on the page */
    EX_JUNK = 1u << 3,     /* inside navigation, a form, a comment section */
    EX_QUOTE = 1u << 4,    /* a block quotation or preformatted text */
    EX_TEASER = 1u << 5,   /* follows a linked heading: a story's teaser;
                            * in plain text, a photo's caption */
    EX_ECHO = 1u << 6      /* a long line that stands elsewhere too */
};

/* One block and its features. ex_features fills words..caps from the
 * text; the caller sets link_chars (HTML) and flags. */
typedef struct ex_block {
    const char *text;
    size_t len;
    uint32_t chars;      /* code points */
    uint32_t words;      /* words; for scripts written without spaces,
                          * ideographs / 2 */
    uint32_t stopwords;  /* words in the language's stopword list */
    uint32_t link_chars; /* code points inside links (HTML) */
    uint32_t letters;
    uint32_t upper;    /* upper-case letters */
    uint32_t commas;   /* commas and other clause marks */
    uint32_t unspaced; /* ideographs and kana */
    bool terminal;     /* ends a sentence: . ! ? … (before quotes) */
    bool truncated;    /* ends in ".." or "…", or opens with a headline
                        * glued to its text: an excerpt of a teaser */
    unsigned flags;    /* enum ex_flags */
} ex_block;

/* Measures b->text[0..len) into b's counts. m may be NULL (no stopword
 * figures, the other features still hold). */
void ex_features(ex_block *b, const lang_model *m);

/* Whether the stopword counts of these blocks say anything: the page is
 * in the language of the model (prose has a good share of its stopwords)
 * and not in a script written without spaces. */
bool ex_stopwords_usable(const ex_block *b, size_t n);

/* The block's worth as article text: positive for prose, negative for
 * navigation, notices, link lists and repeats; roughly in words. */
double ex_block_value(const ex_block *b, bool have_stopwords);

/* Whether a block reads as running prose: enough words, a sentence end,
 * and (when the language has stopwords) the stopwords prose has. */
bool ex_is_prose(const ex_block *b, bool have_stopwords);

/* Plain text: chooses the article among n lines (lines[i] points at line
 * i, len[i] its length; empty lines separate paragraphs). Sets keep[i]
 * for every line of the article, and *title_line to a line just before
 * it that reads as the title (or SIZE_MAX). When no region stands out
 * (a clean article, a page of short lines) every line is kept. Returns
 * the number of lines kept. Linear in the input. */
size_t ex_text_keep(const char *const *lines, const size_t *len, size_t n,
                    const lang_model *m, bool *keep, size_t *title_line);

#endif
