/* fuzz_summarize: the whole path, bytes to rendered summary, with the
 * options chosen by the leading bytes (the cmark-fuzz.c idea).
 *
 * Byte 0: language (bits 0-2), algorithm (bits 3-4, modulo 3), strict
 *         UTF-8 (bit 5), keep boilerplate (bit 6), and the one-call
 *         precis_summarize_to instead of the document API (bit 7).
 * Byte 1: budget kind (bits 0-1: sentences, words, ratio, default) and
 *         its value (bits 2-7).
 * Byte 2: keywords (bits 0-3), Markdown bullets (bit 4), JSON flags
 *         (bits 5-6: pretty, id), output format (bit 7 and byte 3's
 *         bit 7: text, Markdown, JSON, all three).
 * Byte 3: PageRank iterations (bits 0-6, 0: default).
 * Byte 4: an input limit one byte below the article's size, fed in two
 *         halves (bit 0), summarise twice more with other options, every
 *         pointer the document handed out held across (bit 1), render
 *         into a sink that fails after byte 5 bytes (bit 2), check the
 *         keyword count (bit 3).
 * Byte 5: the failing sink's limit.
 * The rest: the article.
 *
 * Checks the document and summary invariants (fuzz_util.h); that plain
 * text is exactly the summary sentences, one a line; that the JSON parses
 * back (jansson) with every key and the sentences' text, offsets and
 * indices; and that every output is valid UTF-8 with no NUL byte. */
#include <jansson.h>
#include <stdbool.h>

#include "fuzz_util.h"

/* What a caller may hold across calls: every pointer the document handed
 * out, with a copy of the bytes it pointed at. */
#define HELD_MAX 64
typedef struct held {
    size_t n;
    const char *p[HELD_MAX];
    size_t len[HELD_MAX];
    char *copy[HELD_MAX];
} held;

static void hold(held *h, const char *p, size_t len)
{
    if (!p || h->n == HELD_MAX)
        return;
    h->p[h->n] = p;
    h->len[h->n] = len;
    h->copy[h->n] = malloc(len ? len : 1);
    FUZZ_CHECK(h->copy[h->n] != NULL);
    memcpy(h->copy[h->n], p, len);
    h->n++;
}

/* Holds the text, title, date, time, sentences, headlines and keywords. */
static void hold_all(held *h, const precis_doc *doc)
{
    size_t len;
    const char *t = precis_doc_text(doc, &len);
    hold(h, t, len);
    t = precis_doc_title(doc, &len);
    hold(h, t, t ? len : 0);
    const char *d = precis_doc_date(doc);
    hold(h, d, d ? strlen(d) + 1 : 0);
    d = precis_doc_time(doc);
    hold(h, d, d ? strlen(d) + 1 : 0);
    for (size_t i = 0; i < precis_doc_sentence_count(doc) && i < 8; i++) {
        precis_sentence s;
        FUZZ_CHECK(precis_doc_sentence(doc, i, &s) == PRECIS_OK);
        hold(h, s.text, s.len);
    }
    for (size_t i = 0; i < precis_doc_headline_count(doc) && i < 8; i++) {
        precis_headline hl;
        FUZZ_CHECK(precis_doc_headline(doc, i, &hl) == PRECIS_OK);
        hold(h, hl.time, hl.time_len);
        hold(h, hl.text, hl.len);
    }
    for (size_t i = 0; i < precis_doc_keyword_count(doc) && i < 16; i++) {
        const char *k;
        FUZZ_CHECK(precis_doc_keyword(doc, i, &k, &len) == PRECIS_OK);
        hold(h, k, len);
    }
}

/* Every held pointer still shows the bytes it showed (read through it, so
 * that ASan sees a use after free), then the copies go. */
static void check_held(held *h, bool release)
{
    for (size_t i = 0; i < h->n; i++) {
        FUZZ_CHECK(memcmp(h->p[i], h->copy[i], h->len[i]) == 0);
        if (release)
            free(h->copy[i]);
    }
    if (release)
        h->n = 0;
}

/* The text render must be the summary sentences, one per line. */
static void check_text(const precis_doc *doc, const precis_membuf *m)
{
    size_t at = 0, tlen;
    const char *text = precis_doc_text(doc, &tlen);
    for (size_t k = 0; k < precis_doc_summary_count(doc); k++) {
        precis_sentence s;
        FUZZ_CHECK(precis_doc_summary_sentence(doc, k, &s) == PRECIS_OK);
        FUZZ_CHECK(s.text == text + s.offset);
        FUZZ_CHECK(m->len - at >= s.len + 1);
        FUZZ_CHECK(memcmp(m->data + at, s.text, s.len) == 0);
        FUZZ_CHECK(m->data[at + s.len] == '\n');
        at += s.len + 1;
    }
    FUZZ_CHECK(at == m->len);
}

/* The JSON must parse back and hold what the document says. */
static void check_json(const precis_doc *doc, const precis_membuf *m,
                       unsigned flags, const char *source)
{
    FUZZ_CHECK(m->len > 0 && m->data[m->len - 1] == '\n');
    if (!(flags & PRECIS_JSON_PRETTY))
        FUZZ_CHECK(memchr(m->data, '\n', m->len - 1) == NULL);
    json_error_t err;
    json_t *root = json_loadb(m->data, m->len, 0, &err);
    if (!root)
        fprintf(stderr, "JSON error: %s at %d\n", err.text, err.position);
    FUZZ_CHECK(root != NULL);
    FUZZ_CHECK(json_is_object(root));
    FUZZ_CHECK(json_integer_value(json_object_get(root, "version")) ==
               PRECIS_JSON_VERSION);
    json_t *src = json_object_get(root, "source");
    FUZZ_CHECK(source ? json_is_string(src) : json_is_null(src));
    size_t tl;
    const char *title = precis_doc_title(doc, &tl);
    json_t *jt = json_object_get(root, "title");
    if (title)
        FUZZ_CHECK(json_is_string(jt) && json_string_length(jt) == tl &&
                   memcmp(json_string_value(jt), title, tl) == 0);
    else
        FUZZ_CHECK(json_is_null(jt));
    FUZZ_CHECK(json_object_get(root, "date") != NULL);
    FUZZ_CHECK(json_is_string(json_object_get(root, "language")));
    json_t *sents = json_object_get(root, "sentences");
    FUZZ_CHECK(json_is_array(sents));
    FUZZ_CHECK(json_array_size(sents) == precis_doc_summary_count(doc));
    for (size_t k = 0; k < json_array_size(sents); k++) {
        json_t *o = json_array_get(sents, k);
        precis_sentence s;
        FUZZ_CHECK(precis_doc_summary_sentence(doc, k, &s) == PRECIS_OK);
        size_t i = s.index;
        json_t *t = json_object_get(o, "text");
        FUZZ_CHECK(json_is_string(t) && json_string_length(t) == s.len &&
                   memcmp(json_string_value(t), s.text, s.len) == 0);
        FUZZ_CHECK(json_integer_value(json_object_get(o, "index")) ==
                   (json_int_t)i);
        FUZZ_CHECK(json_integer_value(json_object_get(o, "offset")) ==
                   (json_int_t)s.offset);
        FUZZ_CHECK(json_integer_value(json_object_get(o, "length")) ==
                   (json_int_t)s.len);
        json_t *sc = json_object_get(o, "score");
        FUZZ_CHECK(json_is_number(sc) || json_is_null(sc));
    }
    json_t *kws = json_object_get(root, "keywords");
    FUZZ_CHECK(json_is_array(kws) &&
               json_array_size(kws) == precis_doc_keyword_count(doc));
    json_t *heads = json_object_get(root, "headlines");
    FUZZ_CHECK(json_is_array(heads) &&
               json_array_size(heads) == precis_doc_headline_count(doc));
    json_decref(root);
}

static void check_utf8_output(const precis_membuf *m)
{
    FUZZ_CHECK(fuzz_utf8_valid(m->data ? m->data : "", m->len));
    FUZZ_CHECK(m->len == 0 || memchr(m->data, 0, m->len) == NULL);
}

/* Renders doc in the formats chosen by fmt (0 text, 1 md, 2 json, 3 all)
 * and checks each. */
static void render_all(precis_doc *doc, unsigned fmt, unsigned b2)
{
    if (fmt == 0 || fmt == 3) {
        precis_membuf m = {0};
        precis_sink sink = precis_sink_mem(&m);
        FUZZ_CHECK(precis_render_text(doc, &sink) == PRECIS_OK);
        check_utf8_output(&m);
        check_text(doc, &m);
        precis_membuf_free(&m);
    }
    if (fmt == 1 || fmt == 3) {
        precis_membuf m = {0};
        precis_sink sink = precis_sink_mem(&m);
        precis_md_options md = precis_md_options_default();
        md.style = (b2 & 16) ? PRECIS_MD_BULLETS : PRECIS_MD_PARAGRAPH;
        FUZZ_CHECK(precis_render_md(doc, &md, &sink) == PRECIS_OK);
        check_utf8_output(&m);
        precis_membuf_free(&m);
    }
    if (fmt == 2 || fmt == 3) {
        precis_membuf m = {0};
        precis_sink sink = precis_sink_mem(&m);
        unsigned flags = (b2 >> 5) & 3;
        const char *source = (b2 & 1) ? NULL : "fuzz\xFF.txt";
        precis_status st = precis_render_json(doc, source, flags, &sink);
        unsigned known = PRECIS_JSON_PRETTY;
#ifdef PRECIS_JSON_ID
        known |= PRECIS_JSON_ID;
#endif
        if (flags & ~known) {
            FUZZ_CHECK(st == PRECIS_EINVAL);
        } else {
            FUZZ_CHECK(st == PRECIS_OK);
            check_utf8_output(&m);
            check_json(doc, &m, flags, source);
        }
        precis_membuf_free(&m);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    unsigned b0 = fuzz_byte(&in), b1 = fuzz_byte(&in), b2 = fuzz_byte(&in),
             b3 = fuzz_byte(&in), b4 = fuzz_byte(&in), b5 = fuzz_byte(&in);
    precis_ctx *ctx = fuzz_ctx(b0 & 7);

    precis_options opt = precis_options_default();
    opt.algorithm = (precis_algorithm)((b0 >> 3 & 3) % 3);
    if (b0 & 32)
        opt.flags |= PRECIS_OPT_STRICT_UTF8;
    if (b0 & 64)
        opt.flags |= PRECIS_OPT_KEEP_BOILERPLATE;
    unsigned v = b1 >> 2;
    switch (b1 & 3) {
    case 0:
        opt.sentences = v + 1;
        break;
    case 1:
        opt.words = v + 1;
        break;
    case 2:
        opt.ratio = (v + 1) / 64.0;
        break;
    default:
        break;
    }
    opt.keywords = b2 & 15;
    if (b3 & 127)
        opt.max_iterations = b3 & 127;
    FUZZ_CHECK(precis_options_check(&opt) == PRECIS_OK);
    unsigned fmt = (b2 >> 7) | ((b3 >> 7) << 1);

    if (b0 & 128) {
        /* The convenience call: one shot, plain text. */
        precis_membuf m = {0};
        precis_sink sink = precis_sink_mem(&m);
        precis_status st = precis_summarize_to(ctx, in.p, in.n, &opt, &sink);
        if (st == PRECIS_OK)
            check_utf8_output(&m);
        else
            FUZZ_CHECK(m.len == 0);
        precis_membuf_free(&m);
        return 0;
    }

    precis_doc *doc = precis_doc_new(ctx);
    if (b4 & 1) {
        /* The limit holds as bytes are fed: the second half is refused
         * when it would pass it, and the document has then failed. */
        size_t limit = in.n > 1 ? in.n - 1 : 1;
        FUZZ_CHECK(precis_doc_set_max_input(doc, limit) == PRECIS_OK);
        size_t half = in.n / 2;
        FUZZ_CHECK(precis_doc_feed(doc, in.p, half) == PRECIS_OK);
        precis_status fed = precis_doc_feed(doc, in.p + half, in.n - half);
        FUZZ_CHECK(in.n <= limit ? fed == PRECIS_OK : fed == PRECIS_ETOOBIG);
        if (fed != PRECIS_OK) {
            FUZZ_CHECK(precis_doc_feed(doc, "x", 1) == PRECIS_ESTATE);
            FUZZ_CHECK(precis_doc_finish(doc, &opt) == PRECIS_ESTATE);
            FUZZ_CHECK(strlen(precis_ctx_errmsg(ctx)) > 0);
            precis_doc_free(doc);
            return 0;
        }
    } else {
        FUZZ_CHECK(precis_doc_feed(doc, in.p, in.n) == PRECIS_OK);
    }
    precis_status st = precis_doc_finish(doc, &opt);
    if (st != PRECIS_OK) {
        /* Rendering an unfinished document is refused. */
        precis_membuf m = {0};
        precis_sink sink = precis_sink_mem(&m);
        FUZZ_CHECK(precis_render_text(doc, &sink) == PRECIS_ESTATE);
        FUZZ_CHECK(precis_render_json(doc, NULL, 0, &sink) == PRECIS_ESTATE);
        FUZZ_CHECK(m.len == 0);
        precis_doc_free(doc);
        return 0;
    }
    fuzz_check_doc(doc);
    {
        precis_membuf m = {0};
        precis_sink sink = precis_sink_mem(&m);
        FUZZ_CHECK(precis_render_md(doc, NULL, &sink) == PRECIS_ESTATE);
        precis_membuf_free(&m);
    }

    FUZZ_CHECK(precis_doc_summarize(doc, &opt) == PRECIS_OK);
    fuzz_check_summary(doc);
    if (b4 & 8)
        FUZZ_CHECK(precis_doc_keyword_count(doc) <= opt.keywords);
    render_all(doc, fmt, b2);

    if (b4 & 2) {
        /* Twice more with other options: the document is reusable, and
         * nothing it handed out before moves or dies. */
        held h = {0};
        hold_all(&h, doc);
        for (int round = 1; round <= 2; round++) {
            precis_options o2 = opt;
            o2.algorithm = (precis_algorithm)((opt.algorithm + round) % 3);
            o2.sentences = (size_t)((b5 + round) & 7) + 1;
            o2.words = 0;
            o2.ratio = 0;
            o2.keywords = (size_t)(b5 >> 4) + (size_t)round * 5;
            FUZZ_CHECK(precis_doc_summarize(doc, &o2) == PRECIS_OK);
            fuzz_check_summary(doc);
            FUZZ_CHECK(precis_doc_summary_count(doc) <=
                       (size_t)o2.sentences);
            FUZZ_CHECK(precis_doc_keyword_count(doc) <= o2.keywords);
            render_all(doc, 3, b2);
            check_held(&h, false);
            hold_all(&h, doc);
        }
        check_held(&h, true);
    }

    if (b4 & 4) {
        /* A sink that fails part way: an error, never a crash. */
        fuzz_limited l = {{0}, b5};
        precis_sink sink = {fuzz_limited_write, &l};
        precis_status r1 = precis_render_text(doc, &sink);
        FUZZ_CHECK(r1 == PRECIS_OK || r1 == PRECIS_EIO);
        l.mem.len = 0;
        precis_status r2 = precis_render_md(doc, NULL, &sink);
        FUZZ_CHECK(r2 == PRECIS_OK || r2 == PRECIS_EIO);
        l.mem.len = 0;
        precis_status r3 = precis_render_json(doc, "x", 0, &sink);
        FUZZ_CHECK(r3 == PRECIS_OK || r3 == PRECIS_EIO);
        precis_membuf_free(&l.mem);
    }
    precis_doc_free(doc);
    return 0;
}
