/* render.c: the buffered writer and block bookkeeping that the text and
 * Markdown renderers share. See render.h. */
#include "render/render.h"

#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "util/unicode.h"
#include "util/utf8.h"

/* Bytes gathered before the sink is called: large enough that a summary
 * is usually one write, small enough not to matter. */
#define RENDER_CHUNK 8192

static void flush(renderer *r)
{
    if (r->out.len == 0 || r->failed) {
        buf_clear(&r->out);
        return;
    }
    if (r->sink->write(r->sink->ud, r->out.data, r->out.len) != 0)
        r->failed = true;
    buf_clear(&r->out);
}

void render_begin(renderer *r, const precis_doc *doc, precis_sink *sink,
                  render_outc_fn outc)
{
    memset(r, 0, sizeof *r);
    r->doc = doc;
    r->sink = sink;
    r->outc = outc;
}

void render_byte(renderer *r, unsigned char c)
{
    if (r->failed)
        return;
    buf_putc(&r->out, (char)c);
    r->newlines = c == '\n' ? r->newlines + 1 : 0;
    r->started = true;
    if (r->out.len >= RENDER_CHUNK)
        flush(r);
}

void render_raw(renderer *r, const char *p, size_t len)
{
    if (r->failed || len == 0)
        return;
    /* One copy for the run; the line-end count is what render_byte would
     * have left: the newlines ending the run (plus those before it when
     * the run is all newlines). */
    buf_put(&r->out, p, len);
    size_t tail = 0;
    while (tail < len && p[len - 1 - tail] == '\n')
        tail++;
    r->newlines = tail == len ? r->newlines + tail : tail;
    r->started = true;
    if (r->out.len >= RENDER_CHUNK)
        flush(r);
}

void render_lit(renderer *r, const char *s)
{
    render_raw(r, s, strlen(s));
}

void render_text(renderer *r, const char *p, size_t len)
{
    if (!r->outc) {
        render_raw(r, p, len);
        return;
    }
    for (size_t i = 0; i < len; i++)
        r->outc(r, (unsigned char)p[i],
                i + 1 < len ? (unsigned char)p[i + 1] : 0);
}

void render_cr(renderer *r)
{
    if (r->started && r->newlines == 0)
        render_byte(r, '\n');
}

void render_blankline(renderer *r)
{
    if (!r->started)
        return;
    while (r->newlines < 2)
        render_byte(r, '\n');
}

void render_block_start(renderer *r)
{
    r->begin_content = true;
    r->lead_digits = 0;
}

precis_status render_end(renderer *r)
{
    flush(r);
    buf_free(&r->out);
    if (r->failed && r->doc)
        return precis__fail(r->doc->ctx, PRECIS_EIO, "write failed: %s",
                            "the output sink refused the data");
    return r->failed ? PRECIS_EIO : PRECIS_OK;
}

precis_status render_check_doc(const precis_doc *doc)
{
    if (doc->state != DOC_SUMMARIZED)
        return precis__fail(doc->ctx, PRECIS_ESTATE, "render before summarize");
    return PRECIS_OK;
}

bool render_has_text(const char *p, size_t len)
{
    if (!p)
        return false;
    for (size_t i = 0; i < len;) {
        int32_t cp = u8_next(p, len, &i);
        if (cp > 0x20 && cp != 0x7f && !uc_is_space(cp))
            return true;
    }
    return false;
}

void render_story_sources(renderer *r, const precis_story *s)
{
    /* A wire story in dozens of outlets names the first few. */
    size_t shown = s->n_sources < 8 ? s->n_sources : 8;
    if (s->n_sources == 1) {
        render_lit(r, "Source: ");
    } else {
        char count[32];
        snprintf(count, sizeof count, "%zu sources: ", s->n_sources);
        render_lit(r, count);
    }
    for (size_t k = 0; k < shown; k++) {
        if (k)
            render_lit(r, ", ");
        render_text(r, s->source_names[k], strlen(s->source_names[k]));
    }
    if (shown < s->n_sources) {
        char more[48];
        snprintf(more, sizeof more, " and %zu more", s->n_sources - shown);
        render_lit(r, more);
    }
}
