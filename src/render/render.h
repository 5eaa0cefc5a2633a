/* render.h: the core shared by the text and Markdown renderers (the shape
 * of cmark's render.h).
 *
 * A renderer writes two kinds of bytes: template text of its own ("# ",
 * "- ", newlines), which goes out verbatim through render_lit, and text
 * taken from the input (sentences, title, keywords), which goes through
 * render_text and, byte by byte, the format's outc hook. The hook is where
 * a format escapes: Markdown backslash-escapes whatever could open or
 * close a CommonMark construct; plain text has no hook and copies.
 *
 * Output is buffered and handed to the sink in chunks. After the first
 * refused write the renderer drops everything else, and render_end reports
 * PRECIS_EIO. Nothing allocated here outlives render_end. */
#ifndef PRECIS_RENDER_H
#define PRECIS_RENDER_H

#include "util/symbols.h"

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "precis.h"

typedef struct renderer renderer;

/* Writes input byte c; next is the byte after it in the same piece of
 * input text, or 0 at the end of the piece. */
typedef void (*render_outc_fn)(renderer *r, unsigned char c,
                               unsigned char next);

struct renderer {
    const precis_doc *doc;
    precis_sink *sink;
    render_outc_fn outc;
    buf out;         /* bytes not yet handed to the sink */
    bool failed;     /* the sink refused a write */
    size_t newlines; /* newlines at the end of the output so far */
    bool started;    /* anything written at all */
    /* Block state for the outc hook (cmark's begin_content): true from
     * render_block_start until the first byte of input text that is not
     * an ASCII digit; lead_digits counts the digits seen meanwhile, so
     * that "2024." at the start of a block can be told from "2024-". */
    bool begin_content;
    size_t lead_digits;
};

/* Markdown's hook, for other renderers of the format (the briefing): it
 * escapes what input text could turn into markup. Plain text needs no
 * hook. */
void render_md_outc(renderer *r, unsigned char c, unsigned char next);
/* True when p[0..len) (may be NULL) holds more than white space and
 * control characters. */
bool render_has_text(const char *p, size_t len);
/* Writes a source's name (escaped) as a link to url, an absolute http or
 * https URL (precis_story.source_urls), in the renderer's format. */
typedef void (*render_link_fn)(renderer *r, const char *name,
                               const char *url);
/* "Source: a" or "N sources: a, b (2), ... and M more": each name once
 * (with the number of its articles when more than one; at most 8 names),
 * through r's escaping: a briefing story's sources, in any text format.
 * With link, a name whose articles have a URL is a link to the first. */
void render_story_sources(renderer *r, const precis_story *s,
                          render_link_fn link);
/* Writes url through r's escaping, with white space, control characters
 * and " ' < > \ ` percent-encoded: a link target that cannot leave its
 * quotes or angle brackets. */
void render_url(renderer *r, const char *url);
/* A briefing as one self-contained HTML page (render_html.c), as
 * precis_render_html writes an article. */
precis_status render_brief_html(const precis_brief *b, precis_sink *sink);

/* Starts rendering doc to sink with the hook outc, or with none (NULL:
 * input text is copied verbatim, as plain text wants). Both must outlive
 * the renderer. doc may be NULL for output that is not one document's
 * (then a failure is only returned, not recorded on a context). */
void render_begin(renderer *r, const precis_doc *doc, precis_sink *sink,
                  render_outc_fn outc);

/* Appends one byte, or len bytes, verbatim: for the hooks themselves and
 * for template text. */
void render_byte(renderer *r, unsigned char c);
void render_raw(renderer *r, const char *p, size_t len);
/* render_raw of a NUL-terminated string. */
void render_lit(renderer *r, const char *s);

/* Passes input text p[0..len) through the outc hook (without one, the
 * text goes out verbatim, as a run). */
void render_text(renderer *r, const char *p, size_t len);

/* Ends the current line, unless the output is empty or already at the
 * start of a line. */
void render_cr(renderer *r);
/* Ensures an empty line before what follows (a new block), unless the
 * output is empty. */
void render_blankline(renderer *r);
/* Marks the start of a block's content: the outc hook sees
 * begin_content true. Call it after the block's own prefix ("- "). */
void render_block_start(renderer *r);

/* Flushes, frees the buffer and returns PRECIS_OK, or PRECIS_EIO (with
 * the message recorded on the document's context) when the sink refused a
 * write. */
precis_status render_end(renderer *r);

/* Returns PRECIS_OK when doc can be rendered (it was summarised), else
 * records why on the context and returns PRECIS_ESTATE. Shared by every
 * renderer so that they refuse alike. */
precis_status render_check_doc(const precis_doc *doc);

#endif
