/* render_json.c: the document and its summary as one JSON object, built
 * and serialised by jansson (schema in precis.h and README.md).
 *
 * jansson reports allocation failure as NULL from its constructors; the
 * library's policy is to abort on out-of-memory (alloc.h), so every
 * constructor goes through need(). The one other way a string constructor
 * fails, invalid UTF-8, is handled before: see jstr. */
#include <jansson.h>
#include <math.h>
#include <string.h>

#include "util/alloc.h"
#include "internal.h"
#include "util/json_util.h"
#include "render/render.h"
#include "util/utf8.h"

static json_t *need(json_t *v)
{
    if (!v)
        precis__oom();
    return v;
}

static void set(json_t *obj, const char *key, json_t *value)
{
    if (json_object_set_new(obj, key, need(value)) != 0)
        precis__oom();
}

static void append(json_t *arr, json_t *value)
{
    if (json_array_append_new(arr, need(value)) != 0)
        precis__oom();
}

/* A JSON string of p[0..len), or null for a NULL p. Document text is valid
 * UTF-8 after ingest, but a source name is whatever bytes the file system
 * had: jansson refuses invalid UTF-8, so that is repaired to U+FFFD
 * rather than dropped. NUL bytes are kept (jansson writes \u0000). */
json_t *precis__json_string(const char *p, size_t len)
{
    if (!p)
        return need(json_null());
    json_t *s = json_stringn(p, len);
    if (s)
        return s;
    buf fixed = {0};
    u8_repair(&fixed, p, len);
    s = need(json_stringn(buf_cstr(&fixed), fixed.len));
    buf_free(&fixed);
    return s;
}

static json_t *jsize(size_t n)
{
    return need(json_integer((json_int_t)n));
}

/* Scores rounded to 4 decimals, so that output (and golden files) do not
 * depend on the last bits of a floating-point sum. jansson prints reals
 * with "%.Ng" (see the dump flags below), and any decimal of at most 15
 * significant digits survives the trip through a double, so 0.1235 comes
 * out as 0.1235, not 0.12349999999999999. */
static json_t *jscore(double x)
{
    double r = round(x * 1e4) / 1e4;
    if (!isfinite(r))
        return json_null();
    if (r == 0.0)
        r = 0.0; /* never "-0.0" */
    return need(json_real(r));
}

static json_t *build(const precis_doc *doc, const char *source, unsigned flags)
{
    json_t *root = need(json_object());
    set(root, "version", need(json_integer(PRECIS_JSON_VERSION)));
    if (flags & PRECIS_JSON_ID)
        set(root, "id",
            source ? precis__json_string(source, strlen(source)) : json_null());
    set(root, "source",
        source ? precis__json_string(source, strlen(source)) : json_null());

    size_t len;
    const char *title = precis_doc_title(doc, &len);
    set(root, "title", precis__json_string(title, len));
    const char *date = precis_doc_date(doc);
    set(root, "date",
        date ? precis__json_string(date, strlen(date)) : json_null());
    /* Page metadata (HTML input): present only when the page gave it. */
    static const struct {
        const char *key;
        const char *(*get)(const precis_doc *);
    } page_meta[] = {{"site", precis_doc_site},
                     {"url", precis_doc_url},
                     {"author", precis_doc_author},
                     {"page_language", precis_doc_page_language}};
    for (size_t k = 0; k < sizeof page_meta / sizeof page_meta[0]; k++) {
        const char *v = page_meta[k].get(doc);
        if (v)
            set(root, page_meta[k].key, precis__json_string(v, strlen(v)));
    }
    const char *time = precis_doc_time(doc);
    if (time)
        set(root, "time", precis__json_string(time, strlen(time)));
    const char *lang = precis_doc_language(doc);
    set(root, "language",
        lang ? precis__json_string(lang, strlen(lang)) : json_null());

    json_t *sents = need(json_array());
    for (size_t k = 0; k < precis_doc_summary_count(doc); k++) {
        precis_sentence s;
        if (precis_doc_summary_sentence(doc, k, &s) != PRECIS_OK)
            continue;
        json_t *o = need(json_object());
        set(o, "text", precis__json_string(s.text, s.len));
        set(o, "index", jsize(s.index));
        set(o, "score", jscore(s.score));
        set(o, "offset", jsize(s.offset));
        set(o, "length", jsize(s.len));
        append(sents, o);
    }
    set(root, "sentences", sents);

    json_t *kws = need(json_array());
    for (size_t i = 0; i < precis_doc_keyword_count(doc); i++) {
        const char *k;
        if (precis_doc_keyword(doc, i, &k, &len) == PRECIS_OK)
            append(kws, precis__json_string(k, len));
    }
    set(root, "keywords", kws);

    json_t *heads = need(json_array());
    for (size_t i = 0; i < precis_doc_headline_count(doc); i++) {
        precis_headline h;
        if (precis_doc_headline(doc, i, &h) != PRECIS_OK)
            continue;
        json_t *o = need(json_object());
        set(o, "time", precis__json_string(h.time ? h.time : "", h.time_len));
        set(o, "text", precis__json_string(h.text ? h.text : "", h.len));
        append(heads, o);
    }
    set(root, "headlines", heads);
    return root;
}

/* json_dump_callback hands over the output in many small pieces: gather
 * them, so that the sink sees one write per object. */
static int gather(const char *p, size_t len, void *ud)
{
    buf_put(ud, p, len);
    return 0;
}

precis_status precis_render_json(const precis_doc *doc, const char *source,
                                 unsigned flags, precis_sink *sink)
{
    precis_status st = render_check_doc(doc);
    if (st != PRECIS_OK)
        return st;
    if (flags & ~(PRECIS_JSON_PRETTY | PRECIS_JSON_ID))
        return precis__fail(doc->ctx, PRECIS_EINVAL, "unknown JSON flags 0x%x",
                            flags);
    json_t *root = build(doc, source, flags);
    size_t dump_flags = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15);
    dump_flags |= (flags & PRECIS_JSON_PRETTY) ? JSON_INDENT(2) : JSON_COMPACT;
    buf out = {0};
    if (json_dump_callback(root, gather, &out, dump_flags) != 0)
        precis__oom(); /* gather never fails: jansson ran out of memory */
    json_decref(root);
    buf_putc(&out, '\n');
    int failed = sink->write(sink->ud, out.data, out.len);
    buf_free(&out);
    if (failed)
        return precis__fail(doc->ctx, PRECIS_EIO, "write failed: %s",
                            "the output sink refused the data");
    return PRECIS_OK;
}
