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

void render_url(renderer *r, const char *url)
{
    /* What could end a quoted attribute or an autolink, or break a line,
     * is percent-encoded; the rest goes through the format's escaping,
     * which a link destination undoes (an entity in HTML, a backslash in
     * CommonMark). */
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        if (*p <= ' ' || *p == 0x7f || strchr("\"'<>\\`", *p)) {
            char enc[4] = {'%', hex[*p >> 4], hex[*p & 15], '\0'};
            render_lit(r, enc);
        } else {
            render_text(r, (const char *)p, 1);
        }
    }
}

/* Distinct source names a story shows at most: a wire story in dozens of
 * outlets names the first few. */
#define SOURCES_SHOWN 8

void render_story_sources(renderer *r, const precis_story *s,
                          render_link_fn link)
{
    /* Each name once, in input order, with the first URL its articles
     * have and how many articles it gave: two pages of one site are one
     * source to a reader. O(SOURCES_SHOWN n). */
    size_t first[SOURCES_SHOWN], count[SOURCES_SHOWN];
    const char *url[SOURCES_SHOWN];
    size_t shown = 0, hidden = 0;
    for (size_t k = 0; k < s->n_sources; k++) {
        const char *u = s->source_urls ? s->source_urls[k] : NULL;
        size_t j = 0;
        while (j < shown && strcmp(s->source_names[first[j]],
                                   s->source_names[k]) != 0)
            j++;
        if (j < shown) {
            count[j]++;
            if (!url[j])
                url[j] = u;
        } else if (shown < SOURCES_SHOWN) {
            first[shown] = k;
            count[shown] = 1;
            url[shown++] = u;
        } else {
            hidden++;
        }
    }
    if (s->n_sources == 1) {
        render_lit(r, "Source: ");
    } else {
        char line[32];
        snprintf(line, sizeof line, "%zu sources: ", s->n_sources);
        render_lit(r, line);
    }
    for (size_t j = 0; j < shown; j++) {
        if (j)
            render_lit(r, ", ");
        const char *name = s->source_names[first[j]];
        if (link && url[j])
            link(r, name, url[j]);
        else
            render_text(r, name, strlen(name));
        if (count[j] > 1) {
            char times[32];
            snprintf(times, sizeof times, " (%zu)", count[j]);
            render_lit(r, times);
        }
    }
    if (hidden) {
        char more[48];
        snprintf(more, sizeof more, " and %zu more", hidden);
        render_lit(r, more);
    }
}
