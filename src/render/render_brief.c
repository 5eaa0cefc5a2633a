/* render_brief.c: a briefing as plain text, Markdown or JSON, through the
 * public story accessors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/xmlwriter.h>

#include "brief/brief.h"
#include "brief/hvec.h"
#include "internal.h"
#include "render/render.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/json_util.h"
#include "util/utf8.h"

/* ==== Rendering ==== */

/* A source in Markdown: [name](<url>). */
static void md_link(renderer *r, const char *name, const char *url)
{
    render_lit(r, "[");
    render_text(r, name, strlen(name));
    render_lit(r, "](<");
    render_url(r, url);
    render_lit(r, ">)");
}

static precis_status render_plain(const precis_brief *b, bool md,
                                  precis_sink *sink)
{
    renderer r;
    render_begin(&r, NULL, sink, md ? render_md_outc : NULL);
    const char *date = precis_brief_date(b);
    render_lit(&r, md ? "# Briefing" : "Briefing");
    if (date) {
        render_lit(&r, md ? ": " : " for ");
        render_lit(&r, date);
    }
    render_cr(&r);
    for (size_t i = 0; i < precis_brief_story_count(b); i++) {
        precis_story s;
        precis_brief_story(b, i, &s);
        render_blankline(&r);
        if (md)
            render_lit(&r, "## ");
        else if (s.time) {
            render_lit(&r, s.time);
            render_lit(&r, "  ");
        }
        render_block_start(&r);
        render_text(&r, s.headline, s.headline_len);
        render_cr(&r);
        if (md) {
            render_blankline(&r);
            render_lit(&r, "*");
            /* The story's date when it is not the briefing's day. */
            if (s.date && (!date || strcmp(s.date, date) != 0)) {
                render_lit(&r, s.date);
                render_lit(&r, s.time ? " " : " \xC2\xB7 ");
            }
            if (s.time) {
                render_lit(&r, s.time);
                render_lit(&r, " \xC2\xB7 ");
            }
        }
        render_story_sources(&r, &s, md ? md_link : NULL);
        if (md)
            render_lit(&r, "*");
        render_cr(&r);
        if (md && s.n_sentences)
            render_blankline(&r);
        for (size_t k = 0; k < s.n_sentences; k++) {
            if (md && k)
                render_lit(&r, " ");
            if (!md || k == 0)
                render_block_start(&r);
            render_text(&r, s.sentences[k], s.sentence_lens[k]);
            if (!md)
                render_cr(&r);
        }
        render_cr(&r);
    }
    size_t more = precis_brief_more_count(b);
    if (more) {
        render_blankline(&r);
        char line[64];
        snprintf(line, sizeof line, "%s%zu more %s%s", md ? "*" : "", more,
                 more == 1 ? "story" : "stories", md ? "*" : "");
        render_lit(&r, line);
        render_cr(&r);
    }
    size_t n_also = precis_brief_also_count(b);
    if (n_also) {
        render_blankline(&r);
        render_lit(&r, md ? "## Also in the news" : "Also in the news");
        render_cr(&r);
        if (md)
            render_blankline(&r);
        for (size_t k = 0; k < n_also; k++) {
            precis_headline h;
            precis_brief_also(b, k, &h);
            render_lit(&r, md ? "- **" : "");
            render_text(&r, h.time, h.time_len);
            render_lit(&r, md ? "** " : "  ");
            render_text(&r, h.text, h.len);
            render_cr(&r);
        }
    }
    return render_end(&r);
}

static precis_status render_json(const precis_brief *b, unsigned flags,
                                 precis_sink *sink)
{
    json_t *root = json_object();
    json_t *stories = json_array();
    if (!root || !stories)
        precis__oom();
    json_object_set_new(root, "version", json_integer(PRECIS_JSON_VERSION));
    const char *date = precis_brief_date(b);
    json_object_set_new(root, "date",
                        date ? precis__json_string(date, 10) : json_null());
    for (size_t i = 0; i < precis_brief_story_count(b); i++) {
        precis_story s;
        precis_brief_story(b, i, &s);
        json_t *o = json_object(), *src = json_array(), *sent = json_array();
        if (!o || !src || !sent)
            precis__oom();
        json_object_set_new(o, "headline",
                            precis__json_string(s.headline, s.headline_len));
        json_object_set_new(
            o, "date", s.date ? precis__json_string(s.date, 10) : json_null());
        json_object_set_new(
            o, "time", s.time ? precis__json_string(s.time, 5) : json_null());
        for (size_t k = 0; k < s.n_sources; k++) {
            json_t *one = json_object();
            if (!one)
                precis__oom();
            json_object_set_new(one, "name",
                                precis__json_string(s.source_names[k],
                                                    strlen(s.source_names[k])));
            json_object_set_new(one, "file",
                                precis__json_string(s.sources[k],
                                                    strlen(s.sources[k])));
            const char *url = s.source_urls ? s.source_urls[k] : NULL;
            json_object_set_new(
                one, "url",
                url ? precis__json_string(url, strlen(url)) : json_null());
            json_array_append_new(src, one);
        }
        json_object_set_new(o, "sources", src);
        for (size_t k = 0; k < s.n_sentences; k++)
            json_array_append_new(
                sent, precis__json_string(s.sentences[k], s.sentence_lens[k]));
        json_object_set_new(o, "sentences", sent);
        json_array_append_new(stories, o);
    }
    json_object_set_new(root, "stories", stories);
    json_object_set_new(root, "more",
                        json_integer((json_int_t)precis_brief_more_count(b)));
    json_t *also = json_array();
    if (!also)
        precis__oom();
    for (size_t k = 0; k < precis_brief_also_count(b); k++) {
        precis_headline h;
        precis_brief_also(b, k, &h);
        json_t *one = json_object();
        if (!one)
            precis__oom();
        json_object_set_new(one, "time", precis__json_string(h.time, h.time_len));
        json_object_set_new(one, "text", precis__json_string(h.text, h.len));
        json_array_append_new(also, one);
    }
    json_object_set_new(root, "also", also);
    size_t dump =
        JSON_PRESERVE_ORDER |
        ((flags & PRECIS_JSON_PRETTY) ? JSON_INDENT(2) : JSON_COMPACT);
    char *text = json_dumps(root, dump);
    json_decref(root);
    if (!text)
        precis__oom();
    size_t len = strlen(text);
    int failed =
        sink->write(sink->ud, text, len) || sink->write(sink->ud, "\n", 1);
    free(text);
    return failed ? PRECIS_EIO : PRECIS_OK;
}

/* ==== Atom ==== */

/* A stable id for a story: its headline and first source, hashed, so that
 * a feed reader sees the same story again as the same entry. */
static void story_id(const precis_story *s, char out[64])
{
    buf key = {0};
    buf_put(&key, s->headline, s->headline_len);
    buf_puts(&key, s->n_sources ? s->sources[0] : "");
    uint64_t h = hvec_hash(key.data ? key.data : "", key.len);
    buf_free(&key);
    snprintf(out, 64, "urn:precis:story:%016llx", (unsigned long long)h);
}

/* "YYYY-MM-DDTHH:MM:00Z" from a date and an optional time; the briefing's
 * date, else 1970-01-01, when the story has none. */
static void atom_time(const char *date, const char *time, const char *fallback,
                      char out[32])
{
    const char *d = date ? date : fallback ? fallback : "1970-01-01";
    snprintf(out, 32, "%.10sT%.5s:00Z", d, time ? time : "00:00");
}

/* Input text made fit for XML: invalid UTF-8 repaired and the control
 * characters XML 1.0 forbids dropped (tab and newline kept in element
 * text, dropped in an attribute, where they would become spaces). */
static void xml_clean(buf *clean, const char *text, size_t len,
                      bool keep_breaks)
{
    buf fixed = {0};
    u8_repair(&fixed, text, len);
    for (size_t k = 0; k < fixed.len; k++) {
        unsigned char c = (unsigned char)fixed.data[k];
        if (c >= 0x20 || (keep_breaks && (c == '\t' || c == '\n')))
            buf_putc(clean, (char)c);
    }
    buf_free(&fixed);
}

static int write_text_element(xmlTextWriterPtr w, const char *name,
                              const char *text, size_t len)
{
    buf clean = {0};
    xml_clean(&clean, text, len, true);
    int rc = xmlTextWriterWriteElement(w, BAD_CAST name,
                                       BAD_CAST(clean.data ? clean.data : ""));
    buf_free(&clean);
    return rc;
}

static int write_attribute(xmlTextWriterPtr w, const char *name,
                           const char *text)
{
    buf clean = {0};
    xml_clean(&clean, text, strlen(text), false);
    int rc = xmlTextWriterWriteAttribute(
        w, BAD_CAST name, BAD_CAST(clean.data ? clean.data : ""));
    buf_free(&clean);
    return rc;
}

static precis_status render_atom(const precis_brief *b, precis_sink *sink)
{
    xmlBufferPtr xb = xmlBufferCreate();
    xmlTextWriterPtr w = xb ? xmlNewTextWriterMemory(xb, 0) : NULL;
    if (!w) {
        if (xb)
            xmlBufferFree(xb);
        precis__oom();
    }
    const char *bdate = precis_brief_date(b);
    char updated[32], id[64];
    /* The feed is as new as its newest story. */
    const char *newest_d = NULL, *newest_t = NULL;
    for (size_t i = 0; i < precis_brief_story_count(b); i++) {
        precis_story s;
        precis_brief_story(b, i, &s);
        if (s.date && (!newest_d || strcmp(s.date, newest_d) > 0 ||
                       (strcmp(s.date, newest_d) == 0 && s.time &&
                        (!newest_t || strcmp(s.time, newest_t) > 0)))) {
            newest_d = s.date;
            newest_t = s.time;
        }
    }
    atom_time(newest_d, newest_t, bdate, updated);
    int rc = 0;
    rc |= xmlTextWriterSetIndent(w, 1) < 0;
    rc |= xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0;
    rc |= xmlTextWriterStartElement(w, BAD_CAST "feed") < 0;
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns",
                                      BAD_CAST "http://www.w3.org/2005/Atom") < 0;
    char title[64];
    snprintf(title, sizeof title, "Briefing%s%s", bdate ? " for " : "",
             bdate ? bdate : "");
    rc |= xmlTextWriterWriteElement(w, BAD_CAST "title", BAD_CAST title) < 0;
    snprintf(id, sizeof id, "urn:precis:briefing:%s", bdate ? bdate : "undated");
    rc |= xmlTextWriterWriteElement(w, BAD_CAST "id", BAD_CAST id) < 0;
    rc |= xmlTextWriterWriteElement(w, BAD_CAST "updated", BAD_CAST updated) < 0;
    rc |= xmlTextWriterStartElement(w, BAD_CAST "author") < 0;
    rc |= xmlTextWriterWriteElement(w, BAD_CAST "name", BAD_CAST "Precis") < 0;
    rc |= xmlTextWriterEndElement(w) < 0;
    rc |= xmlTextWriterStartElement(w, BAD_CAST "generator") < 0;
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "version",
                                      BAD_CAST PRECIS_VERSION_STRING) < 0;
    rc |= xmlTextWriterWriteString(w, BAD_CAST "Precis") < 0;
    rc |= xmlTextWriterEndElement(w) < 0;
    for (size_t i = 0; i < precis_brief_story_count(b) && !rc; i++) {
        precis_story s;
        precis_brief_story(b, i, &s);
        rc |= xmlTextWriterStartElement(w, BAD_CAST "entry") < 0;
        rc |= write_text_element(w, "title", s.headline, s.headline_len) < 0;
        story_id(&s, id);
        rc |= xmlTextWriterWriteElement(w, BAD_CAST "id", BAD_CAST id) < 0;
        atom_time(s.date, s.time, bdate, updated);
        rc |= xmlTextWriterWriteElement(w, BAD_CAST "updated",
                                        BAD_CAST updated) < 0;
        /* The first source with a URL is the entry's link; the others are
         * related (Atom allows one alternate link of a type). An entry
         * without a link must hold its text as content. */
        const char *alternate = NULL;
        for (size_t k = 0; k < s.n_sources && !rc; k++) {
            const char *url = s.source_urls ? s.source_urls[k] : NULL;
            if (!url)
                continue;
            rc |= xmlTextWriterStartElement(w, BAD_CAST "link") < 0;
            if (alternate)
                rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "rel",
                                                  BAD_CAST "related") < 0;
            rc |= write_attribute(w, "href", url) < 0;
            rc |= xmlTextWriterEndElement(w) < 0;
            if (!alternate)
                alternate = url;
        }
        buf summary = {0};
        for (size_t k = 0; k < s.n_sentences; k++) {
            if (k)
                buf_putc(&summary, ' ');
            buf_put(&summary, s.sentences[k], s.sentence_lens[k]);
        }
        buf_puts(&summary, s.n_sentences ? "\n\n" : "");
        buf_puts(&summary, s.n_sources == 1 ? "Source: " : "Sources: ");
        for (size_t k = 0; k < s.n_sources; k++) {
            if (k)
                buf_puts(&summary, ", ");
            buf_puts(&summary, s.source_names[k]);
        }
        rc |= write_text_element(w, alternate ? "summary" : "content",
                                 summary.data, summary.len) < 0;
        buf_free(&summary);
        rc |= xmlTextWriterEndElement(w) < 0;
    }
    rc |= xmlTextWriterEndDocument(w) < 0;
    xmlFreeTextWriter(w);
    int failed = rc || sink->write(sink->ud, xmlBufferContent(xb),
                                   (size_t)xmlBufferLength(xb));
    xmlBufferFree(xb);
    return failed ? PRECIS_EIO : PRECIS_OK;
}

/* ==== The ticker ==== */

/* A sink into a buf: precis_sink_mem belongs to the lifecycle layer,
 * above the renderers. */
static int buf_write(void *ud, const void *p, size_t n)
{
    buf_put(ud, p, n);
    return 0;
}

/* Renders items[0..n) with o into a fresh buffer *out (freed by the caller
 * on success). */
static precis_status ticker_try(const char *title, const precis_item *items,
                                size_t n, const precis_image_options *o,
                                buf *out, char *err, size_t errsize)
{
    *out = (buf){0};
    precis_sink mem = {buf_write, out};
    precis_status st = precis_render_image_items(title, strlen(title), items,
                                                 n, o, &mem, err, errsize);
    if (st != PRECIS_OK)
        buf_free(out);
    return st;
}

precis_status precis_brief_render_image(const precis_brief *b,
                                        const precis_image_options *o,
                                        precis_sink *sink, size_t *shown)
{
    if (shown)
        *shown = 0;
    if (!brief_is_finished(b))
        return precis__fail(brief_ctx(b), PRECIS_ESTATE,
                            "render before the briefing was finished");
    if (!sink || !sink->write)
        return precis__fail(brief_ctx(b), PRECIS_EINVAL, "no sink");
    size_t n_stories = precis_brief_story_count(b);
    size_t n_also = precis_brief_also_count(b);
    size_t n = n_stories + n_also;
    precis_item *items = precis__reallocarray(NULL, n ? n : 1, sizeof *items);
    for (size_t i = 0; i < n_stories; i++) {
        precis_story s;
        precis_brief_story(b, i, &s);
        items[i] = (precis_item){s.time, s.time ? strlen(s.time) : 0,
                                 s.headline, s.headline_len};
    }
    for (size_t k = 0; k < n_also; k++) {
        precis_headline h;
        precis_brief_also(b, k, &h);
        items[n_stories + k] = (precis_item){h.time, h.time_len, h.text, h.len};
    }
    char title[64];
    const char *date = precis_brief_date(b);
    snprintf(title, sizeof title, "Briefing%s%s", date ? " " : "",
             date ? date : "");
    /* All of it when it fits; else the longest run of the first items
     * that does, by bisection (more items never make a smaller image):
     * O(log n) renders, each refused early when its size is over. */
    char err[512] = "";
    buf best = {0};
    size_t fits = n;
    precis_status st = ticker_try(title, items, n, o, &best, err, sizeof err);
    if (st == PRECIS_EIMAGE && n > 1) {
        char first_err[512];
        memcpy(first_err, err, sizeof err);
        size_t lo = 0, hi = n; /* lo items fit (0: none known), hi do not */
        while (hi - lo > 1) {
            size_t mid = lo + (hi - lo) / 2;
            buf out;
            if (ticker_try(title, items, mid, o, &out, err, sizeof err) ==
                PRECIS_OK) {
                buf_free(&best);
                best = out;
                lo = mid;
            } else {
                hi = mid;
            }
        }
        fits = lo;
        st = lo ? PRECIS_OK : PRECIS_EIMAGE;
        if (!lo) /* not even one: the reason the whole one failed */
            memcpy(err, first_err, sizeof err);
    }
    free(items);
    if (st != PRECIS_OK)
        return precis__fail(brief_ctx(b), st, "%s",
                            err[0] ? err : "the ticker could not be drawn");
    int failed = sink->write(sink->ud, best.data, best.len);
    buf_free(&best);
    if (failed)
        return precis__fail(brief_ctx(b), PRECIS_EIO,
                            "the output sink refused the image");
    if (shown)
        *shown = fits;
    return PRECIS_OK;
}

precis_status precis_brief_render(const precis_brief *b,
                                  precis_brief_format format, unsigned flags,
                                  precis_sink *sink)
{
    if (!brief_is_finished(b))
        return precis__fail(brief_ctx(b), PRECIS_ESTATE,
                            "render before the briefing was finished");
    precis_status st;
    switch (format) {
    case PRECIS_BRIEF_TEXT:
        st = render_plain(b, false, sink);
        break;
    case PRECIS_BRIEF_MD:
        st = render_plain(b, true, sink);
        break;
    case PRECIS_BRIEF_JSON:
        st = render_json(b, flags, sink);
        break;
    case PRECIS_BRIEF_ATOM:
        st = render_atom(b, sink);
        break;
    case PRECIS_BRIEF_HTML:
        st = render_brief_html(b, sink);
        break;
    default:
        return precis__fail(brief_ctx(b), PRECIS_EINVAL,
                            "unknown briefing format %d", (int)format);
    }
    if (st == PRECIS_EIO)
        return precis__fail(brief_ctx(b), PRECIS_EIO,
                            "the briefing's output could not be written");
    return st;
}
