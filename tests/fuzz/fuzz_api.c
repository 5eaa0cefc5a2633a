/* fuzz_api: a random sequence of library calls on one context, driven by
 * the input, checked against the life of a document that precis.h
 * describes (new, feed any number of times, finish, summarize, read or
 * render, free) -- including the calls made in the wrong state, which must
 * fail with PRECIS_ESTATE and change nothing.
 *
 * Byte 0: the context's language (bits 0-2, fuzz_languages).
 * Then operations until the input ends: one byte, the operation (its
 * value modulo OP_COUNT), then what that operation takes:
 *   FEED n bytes (byte: n), FEED_EDGE (NULL with 0 or with a length),
 *   MAX_INPUT (u16), TITLE n bytes, DATE n bytes, LANGUAGE (byte: which),
 *   FINISH (2 bytes of options), SUMMARIZE (3 bytes of options), ACCESS
 *   (every accessor), RENDER (byte: format, failing sink), HOLD (every
 *   pointer the document handed out, with a copy of its bytes), BRIEF
 *   (byte: format), SUMMARIZE_TO n bytes (the one-call path on the same
 *   context), RENEW (free the document, start another).
 * At most three summaries, eight renders and one image per document, so
 * that a run stays fast.
 *
 * Checks: each call returns what the header promises in the document's
 * state; accessors hand out what fuzz_check_doc and fuzz_check_summary
 * expect, and nothing before finish; every held pointer shows the same
 * bytes until the document is freed; outputs are valid UTF-8 (text, Markdown,
 * JSON, HTML) and a failing sink gives PRECIS_EIO. */
#include <stdbool.h>

#include "fuzz_util.h"

enum {
    OP_FEED,
    OP_FEED2, /* feeding is the common case: two codes */
    OP_FEED_EDGE,
    OP_MAX_INPUT,
    OP_TITLE,
    OP_DATE,
    OP_LANGUAGE,
    OP_FINISH,
    OP_SUMMARIZE,
    OP_ACCESS,
    OP_RENDER,
    OP_HOLD,
    OP_BRIEF,
    OP_SUMMARIZE_TO,
    OP_RENEW,
    OP_COUNT
};

typedef enum { S_NEW, S_FAILED, S_FINISHED, S_DEAD } doc_state;

#define HELD_MAX 96

typedef struct run {
    fuzz_input in;
    precis_ctx *ctx;
    precis_doc *doc;
    doc_state state;
    size_t fed, max_input;
    bool summarized;   /* the last summarize succeeded */
    bool ever_summarized;
    unsigned summaries, renders, images, docs;
    /* Pointers the document handed out, with their bytes then. */
    size_t n_held;
    const char *held[HELD_MAX];
    size_t held_len[HELD_MAX];
    char *held_copy[HELD_MAX];
} run;

/* Takes n bytes (fewer at the end of the input) as a slice. */
static const char *take(run *r, size_t n, size_t *got)
{
    if (n > r->in.n)
        n = r->in.n;
    const char *p = (const char *)r->in.p;
    r->in.p += n;
    r->in.n -= n;
    *got = n;
    return p;
}

static void hold(run *r, const char *p, size_t len)
{
    if (!p || r->n_held == HELD_MAX)
        return;
    char *copy = malloc(len ? len : 1);
    FUZZ_CHECK(copy != NULL);
    memcpy(copy, p, len);
    r->held[r->n_held] = p;
    r->held_len[r->n_held] = len;
    r->held_copy[r->n_held] = copy;
    r->n_held++;
}

/* Every held pointer still shows its bytes (read through it, so that ASan
 * sees a use after free). */
static void check_held(run *r)
{
    for (size_t i = 0; i < r->n_held; i++)
        FUZZ_CHECK(memcmp(r->held[i], r->held_copy[i], r->held_len[i]) == 0);
}

static void release_held(run *r)
{
    check_held(r);
    for (size_t i = 0; i < r->n_held; i++)
        free(r->held_copy[i]);
    r->n_held = 0;
}

static void new_doc(run *r)
{
    r->doc = precis_doc_new(r->ctx);
    FUZZ_CHECK(r->doc != NULL);
    r->state = S_NEW;
    r->fed = 0;
    r->max_input = PRECIS_DEFAULT_MAX_INPUT;
    r->summarized = r->ever_summarized = false;
    r->summaries = r->renders = r->images = 0;
    r->docs++;
}

/* ==== Before finish ==== */

static void op_feed(run *r)
{
    size_t n;
    const char *p = take(r, fuzz_byte(&r->in), &n);
    precis_status st = precis_doc_feed(r->doc, p, n);
    if (r->state != S_NEW) {
        FUZZ_CHECK(st == PRECIS_ESTATE);
    } else if (r->max_input && r->fed + n > r->max_input) {
        FUZZ_CHECK(st == PRECIS_ETOOBIG);
        r->state = S_FAILED;
    } else {
        FUZZ_CHECK(st == PRECIS_OK);
        r->fed += n;
    }
}

static void op_feed_edge(run *r)
{
    if (fuzz_byte(&r->in) & 1) {
        precis_status st = precis_doc_feed(r->doc, NULL, 0);
        FUZZ_CHECK(st == (r->state == S_NEW ? PRECIS_OK : PRECIS_ESTATE));
    } else {
        precis_status st = precis_doc_feed(r->doc, NULL, 3);
        FUZZ_CHECK(st == PRECIS_EINVAL || st == PRECIS_ESTATE);
        if (r->state == S_NEW)
            FUZZ_CHECK(st == PRECIS_EINVAL);
    }
}

static void op_max_input(run *r)
{
    size_t max = fuzz_u16(&r->in);
    precis_status st = precis_doc_set_max_input(r->doc, max);
    if (r->state != S_NEW) {
        FUZZ_CHECK(st == PRECIS_ESTATE);
    } else if (max && r->fed > max) {
        FUZZ_CHECK(st == PRECIS_EINVAL);
    } else {
        FUZZ_CHECK(st == PRECIS_OK);
        r->max_input = max;
    }
}

static void op_title(run *r)
{
    size_t n;
    const char *p = take(r, fuzz_byte(&r->in) % 200, &n);
    precis_status st = precis_doc_set_title(r->doc, p, n);
    FUZZ_CHECK(st == (r->state == S_NEW ? PRECIS_OK : PRECIS_ESTATE));
}

static void op_date(run *r)
{
    size_t n;
    const char *p = take(r, fuzz_byte(&r->in) % 40, &n);
    char date[41];
    memcpy(date, p, n);
    date[n] = '\0';
    precis_status st = precis_doc_set_date(r->doc, date);
    if (r->state == S_NEW)
        FUZZ_CHECK(st == PRECIS_OK || st == PRECIS_EINVAL);
    else
        FUZZ_CHECK(st == PRECIS_ESTATE);
}

static void op_language(run *r)
{
    static const char *const names[] = {
        "en", "de", "fr", "ru", "english", "German", "auto", "porter",
        "", "xx", "klingon", "EN", "nl", "es", "ar", "el"};
    const char *name = names[fuzz_byte(&r->in) % 16];
    precis_status st = precis_doc_set_language(r->doc, name);
    if (r->state != S_NEW)
        FUZZ_CHECK(st == PRECIS_ESTATE);
    else
        FUZZ_CHECK(st == PRECIS_OK || st == PRECIS_ELANG ||
                   st == PRECIS_EMODEL);
}

static void op_finish(run *r)
{
    unsigned a = fuzz_byte(&r->in), b = fuzz_byte(&r->in);
    precis_options opt = precis_options_default();
    opt.input = (precis_input)(a % 3);
    if (a & 4)
        opt.flags |= PRECIS_OPT_STRICT_UTF8;
    if (a & 8)
        opt.flags |= PRECIS_OPT_KEEP_BOILERPLATE;
    static const char *const encodings[] = {
        NULL, "auto", "windows-1252", "latin1", "utf-16", "koi8-r",
        "no-such-encoding", "utf-8"};
    opt.encoding = encodings[(a >> 4) % 8];
    precis_status st = precis_doc_finish(r->doc, (b & 1) ? NULL : &opt);
    if (r->state != S_NEW) {
        FUZZ_CHECK(st == PRECIS_ESTATE);
        return;
    }
    FUZZ_CHECK(st != PRECIS_ESTATE);
    if (st == PRECIS_EUTF8)
        FUZZ_CHECK(!(b & 1) && (opt.flags & PRECIS_OPT_STRICT_UTF8));
    r->state = st == PRECIS_OK ? S_FINISHED : S_DEAD;
    if (st == PRECIS_OK)
        fuzz_check_doc(r->doc);
    /* A second finish is refused and changes nothing. */
    if (b & 2) {
        size_t n0 = precis_doc_sentence_count(r->doc);
        FUZZ_CHECK(precis_doc_finish(r->doc, NULL) == PRECIS_ESTATE);
        FUZZ_CHECK(precis_doc_sentence_count(r->doc) == n0);
    }
}

/* ==== After finish ==== */

static void op_summarize(run *r)
{
    unsigned a = fuzz_byte(&r->in), b = fuzz_byte(&r->in),
             c = fuzz_byte(&r->in);
    if (r->summaries == 3)
        return;
    r->summaries++;
    precis_options opt = precis_options_default();
    switch (a & 3) {
    case 0:
        opt.sentences = b % 12;
        break;
    case 1:
        opt.sentences = 0;
        opt.words = b * 2u;
        break;
    case 2:
        opt.sentences = 0;
        opt.ratio = (double)b / 200.0; /* up to 1.27: some refused */
        break;
    default:
        break;
    }
    opt.algorithm = (precis_algorithm)((a >> 2) % 3);
    opt.keywords = (c & 0x80) ? 1000u + (c & 0x7F) : c % 24;
    if (a & 0x10)
        opt.max_iterations = c % 5;
    if (a & 0x20)
        opt.damping = (double)(c % 11) / 10.0;
    if (a & 0x40)
        opt.tolerance = (c & 1) ? 0.5 : -1.0;
    precis_status want_ok = precis_options_check(&opt);
    precis_status st = precis_doc_summarize(r->doc, (a & 0x80) ? NULL : &opt);
    if (r->state != S_FINISHED) {
        FUZZ_CHECK(st == PRECIS_ESTATE);
        return;
    }
    if (a & 0x80)
        FUZZ_CHECK(st == PRECIS_OK);
    else if (want_ok != PRECIS_OK)
        FUZZ_CHECK(st == PRECIS_EINVAL);
    else
        FUZZ_CHECK(st == PRECIS_OK);
    r->summarized = st == PRECIS_OK;
    if (st == PRECIS_OK) {
        r->ever_summarized = true;
        fuzz_check_summary(r->doc);
        if (!(a & 0x80))
            FUZZ_CHECK(precis_doc_keyword_count(r->doc) <= opt.keywords);
    }
    check_held(r);
}

/* Every accessor, in any state. */
static void op_access(run *r)
{
    size_t len = 99;
    const char *text = precis_doc_text(r->doc, &len);
    FUZZ_CHECK(text != NULL && strlen(text) == len);
    (void)precis_doc_text(r->doc, NULL);
    size_t visible = 1, kept = 1;
    precis_doc_extracted(r->doc, &visible, &kept);
    precis_doc_extracted(r->doc, NULL, NULL);
    const char *meta[] = {precis_doc_date(r->doc),
                          precis_doc_time(r->doc),
                          precis_doc_site(r->doc),
                          precis_doc_url(r->doc),
                          precis_doc_author(r->doc),
                          precis_doc_page_language(r->doc)};
    for (size_t i = 0; i < sizeof meta / sizeof *meta; i++)
        if (meta[i])
            FUZZ_CHECK(fuzz_utf8_valid(meta[i], strlen(meta[i])));
    const char *t = precis_doc_time(r->doc);
    if (t)
        FUZZ_CHECK(strlen(t) == 5 && t[2] == ':');
    if (r->state != S_FINISHED) {
        /* Nothing before a successful finish. A failed one may leave the
         * text it cleaned (a page of only headlines still lists them),
         * but no sentence, summary or language. */
        if (r->state != S_DEAD)
            FUZZ_CHECK(len == 0);
        else
            FUZZ_CHECK(fuzz_utf8_valid(text, len));
        FUZZ_CHECK(visible == 0 && kept == 0);
        FUZZ_CHECK(precis_doc_sentence_count(r->doc) == 0);
        FUZZ_CHECK(precis_doc_summary_count(r->doc) == 0);
        FUZZ_CHECK(precis_doc_keyword_count(r->doc) == 0);
        FUZZ_CHECK(precis_doc_language(r->doc) == NULL);
        precis_sentence s;
        FUZZ_CHECK(precis_doc_sentence(r->doc, 0, &s) == PRECIS_EINVAL);
        FUZZ_CHECK(precis_doc_summary_sentence(r->doc, 0, &s) ==
                   PRECIS_EINVAL);
        const char *k;
        FUZZ_CHECK(precis_doc_keyword(r->doc, 0, &k, NULL) == PRECIS_EINVAL);
        return;
    }
    FUZZ_CHECK(kept <= len); /* the title line is not counted */
    fuzz_check_doc(r->doc);
    if (r->summarized)
        fuzz_check_summary(r->doc);
    else if (!r->ever_summarized)
        FUZZ_CHECK(precis_doc_summary_count(r->doc) == 0);
    const char *lang = precis_doc_language(r->doc);
    FUZZ_CHECK(lang != NULL && precis_language_resolve(lang) != NULL);
    check_held(r);
}

static void op_hold(run *r)
{
    size_t len;
    const char *t = precis_doc_text(r->doc, &len);
    hold(r, t, len + 1); /* with its NUL */
    t = precis_doc_title(r->doc, &len);
    hold(r, t, t ? len : 0);
    const char *meta[] = {precis_doc_date(r->doc), precis_doc_time(r->doc),
                          precis_doc_site(r->doc), precis_doc_url(r->doc),
                          precis_doc_author(r->doc),
                          precis_doc_page_language(r->doc)};
    for (size_t i = 0; i < sizeof meta / sizeof *meta; i++)
        hold(r, meta[i], meta[i] ? strlen(meta[i]) + 1 : 0);
    for (size_t i = 0; i < precis_doc_sentence_count(r->doc) && i < 8; i++) {
        precis_sentence s;
        FUZZ_CHECK(precis_doc_sentence(r->doc, i, &s) == PRECIS_OK);
        hold(r, s.text, s.len);
    }
    for (size_t i = 0; i < precis_doc_headline_count(r->doc) && i < 8; i++) {
        precis_headline h;
        FUZZ_CHECK(precis_doc_headline(r->doc, i, &h) == PRECIS_OK);
        hold(r, h.time, h.time_len);
        hold(r, h.text, h.len);
    }
    for (size_t i = 0; i < precis_doc_keyword_count(r->doc) && i < 16; i++) {
        const char *k;
        FUZZ_CHECK(precis_doc_keyword(r->doc, i, &k, &len) == PRECIS_OK);
        hold(r, k, len);
    }
}

/* What a render may return: PRECIS_ESTATE exactly when there is no
 * summary (after a refused summarize the old one may or may not stay);
 * PRECIS_EIO only into a failing sink. */
static void check_render(run *r, precis_status st, bool failing)
{
    if (!r->ever_summarized || r->state != S_FINISHED)
        FUZZ_CHECK(st == PRECIS_ESTATE);
    else if (r->summarized)
        FUZZ_CHECK(st == PRECIS_OK || (failing && st == PRECIS_EIO));
    else
        FUZZ_CHECK(st == PRECIS_OK || st == PRECIS_ESTATE ||
                   (failing && st == PRECIS_EIO));
}

static void op_render(run *r)
{
    unsigned a = fuzz_byte(&r->in), lim = fuzz_byte(&r->in);
    if (r->renders == 8)
        return;
    r->renders++;
    bool failing = a & 0x80;
    fuzz_limited sink_ud = {{0}, failing ? lim : (size_t)-1};
    precis_sink sink = {fuzz_limited_write, &sink_ud};
    precis_status st;
    bool utf8 = true;
    switch (a % 6) {
    case 0:
        st = precis_render_text(r->doc, &sink);
        break;
    case 1: {
        precis_md_options mo = precis_md_options_default();
        mo.style = (a & 8) ? PRECIS_MD_BULLETS : PRECIS_MD_PARAGRAPH;
        st = precis_render_md(r->doc, (a & 16) ? NULL : &mo, &sink);
        break;
    }
    case 2: {
        unsigned flags = (a >> 3) & 3;
        st = precis_render_json(r->doc, (a & 32) ? NULL : "src\xff\x1b",
                                flags, &sink);
        if (st == PRECIS_OK && !failing)
            FUZZ_CHECK(sink_ud.mem.len > 0 &&
                       sink_ud.mem.data[sink_ud.mem.len - 1] == '\n');
        break;
    }
    case 3:
        st = precis_render_html(r->doc, &sink);
        break;
    default: {
        utf8 = false;
        if (r->images == 1) {
            precis_membuf_free(&sink_ud.mem);
            return;
        }
        r->images++;
        precis_image_options io = precis_image_options_default();
        io.layout = (precis_layout)((a >> 3) % 3);
        io.format = (precis_image_format)((a >> 5) % 4);
        io.width = 32 + lim % 200;
        io.height = (a & 1) ? 0 : 8 + lim % 40;
        io.pixels = (precis_pixels)(lim % 6);
        st = precis_render_image(r->doc, &io, &sink);
        /* An image may be refused (a size, an APNG of a list) or need a
         * summary; it never half-writes. */
        if (st != PRECIS_OK)
            FUZZ_CHECK(sink_ud.mem.len == 0);
        FUZZ_CHECK(st != PRECIS_ESTATE || !r->summarized ||
                   r->state != S_FINISHED);
        precis_membuf_free(&sink_ud.mem);
        check_held(r);
        return;
    }
    }
    check_render(r, st, failing);
    if (st == PRECIS_OK) {
        FUZZ_CHECK(!utf8 || fuzz_utf8_valid(sink_ud.mem.data ? sink_ud.mem.data : "",
                                            sink_ud.mem.len));
        FUZZ_CHECK(sink_ud.mem.len == 0 ||
                   memchr(sink_ud.mem.data, '\0', sink_ud.mem.len) == NULL);
    }
    precis_membuf_free(&sink_ud.mem);
    check_held(r);
}

/* A briefing of this document (twice, when the byte says so). */
static void op_brief(run *r)
{
    unsigned a = fuzz_byte(&r->in);
    precis_brief_item *item = precis_brief_item_new(r->doc, "one");
    if (r->state != S_FINISHED || !r->ever_summarized) {
        FUZZ_CHECK(item == NULL);
        return;
    }
    if (!item) {
        FUZZ_CHECK(!r->summarized);
        return;
    }
    precis_brief *b = precis_brief_new(r->ctx, NULL);
    FUZZ_CHECK(b != NULL);
    FUZZ_CHECK(precis_brief_add(b, item) == PRECIS_OK);
    if (a & 1) {
        precis_brief_item *again = precis_brief_item_new(r->doc, "two");
        FUZZ_CHECK(again != NULL);
        FUZZ_CHECK(precis_brief_add(b, again) == PRECIS_OK);
    }
    precis_membuf m = {0};
    precis_sink sink = precis_sink_mem(&m);
    FUZZ_CHECK(precis_brief_render(b, PRECIS_BRIEF_TEXT, 0, &sink) ==
               PRECIS_ESTATE);
    FUZZ_CHECK(precis_brief_finish(b) == PRECIS_OK);
    FUZZ_CHECK(precis_brief_finish(b) == PRECIS_ESTATE);
    FUZZ_CHECK(precis_brief_article_count(b) == 1u + (a & 1));
    size_t ns = precis_brief_story_count(b);
    /* A story needs a sentence to tell, one that could lead a summary
     * (rank_is_candidate): a sidebar of headlines, or only fragments,
     * make none, though the document has a summary of its own. */
    FUZZ_CHECK(ns <= 1u + (a & 1));
    if (precis_doc_sentence_count(r->doc) == 0)
        FUZZ_CHECK(ns == 0);
    precis_story s;
    for (size_t i = 0; i < ns; i++) {
        FUZZ_CHECK(precis_brief_story(b, i, &s) == PRECIS_OK);
        FUZZ_CHECK(s.headline != NULL && strlen(s.headline) == s.headline_len);
        FUZZ_CHECK(s.headline_len <= 120);
    }
    FUZZ_CHECK(precis_brief_story(b, ns, &s) == PRECIS_EINVAL);
    precis_status st = precis_brief_render(
        b, (precis_brief_format)((a >> 1) % 5), (a >> 4) & 1, &sink);
    FUZZ_CHECK(st == PRECIS_OK);
    FUZZ_CHECK(fuzz_utf8_valid(m.data ? m.data : "", m.len));
    precis_membuf_free(&m);
    precis_brief_free(b);
    check_held(r);
}

static void op_summarize_to(run *r)
{
    size_t n;
    const char *p = take(r, fuzz_byte(&r->in), &n);
    precis_membuf m = {0};
    precis_sink sink = precis_sink_mem(&m);
    precis_status st = precis_summarize_to(r->ctx, p, n, NULL, &sink);
    if (st == PRECIS_OK)
        FUZZ_CHECK(fuzz_utf8_valid(m.data ? m.data : "", m.len));
    else
        FUZZ_CHECK(m.len == 0 || st == PRECIS_EIO);
    const char *msg = precis_ctx_errmsg(r->ctx);
    FUZZ_CHECK(msg != NULL);
    precis_membuf_free(&m);
    check_held(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    run r;
    memset(&r, 0, sizeof r);
    r.in = (fuzz_input){data, size};
    r.ctx = fuzz_ctx(fuzz_byte(&r.in));
    new_doc(&r);
    while (r.in.n) {
        switch (fuzz_byte(&r.in) % OP_COUNT) {
        case OP_FEED:
        case OP_FEED2:
            op_feed(&r);
            break;
        case OP_FEED_EDGE:
            op_feed_edge(&r);
            break;
        case OP_MAX_INPUT:
            op_max_input(&r);
            break;
        case OP_TITLE:
            op_title(&r);
            break;
        case OP_DATE:
            op_date(&r);
            break;
        case OP_LANGUAGE:
            op_language(&r);
            break;
        case OP_FINISH:
            op_finish(&r);
            break;
        case OP_SUMMARIZE:
            op_summarize(&r);
            break;
        case OP_ACCESS:
            op_access(&r);
            break;
        case OP_RENDER:
            op_render(&r);
            break;
        case OP_HOLD:
            op_hold(&r);
            break;
        case OP_BRIEF:
            op_brief(&r);
            break;
        case OP_SUMMARIZE_TO:
            op_summarize_to(&r);
            break;
        case OP_RENEW:
            if (r.docs < 4) {
                release_held(&r);
                precis_doc_free(r.doc);
                new_doc(&r);
            }
            break;
        }
    }
    op_access(&r);
    release_held(&r);
    precis_doc_free(r.doc);
    return 0;
}
