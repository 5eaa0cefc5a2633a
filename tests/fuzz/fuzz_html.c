/* fuzz_html: web pages through the HTML path (libxml2's parser, the DOM
 * walk, the block classifier, metadata), with options from the leading
 * bytes.
 *
 * Byte 0: language (bits 0-2), input kind (bit 3: HTML forced, else
 *         auto, which must still take the page for HTML when it opens
 *         with markup), keep boilerplate (bit 4), render Markdown and
 *         JSON too (bit 5).
 * The rest: the page.
 *
 * Checks the document invariants (fuzz_util.h), that the page metadata
 * is NUL-terminated valid UTF-8 without control characters, that the
 * extracted text is no larger than the page's visible text allows, and
 * that the renderers' output is valid UTF-8. */
#include "fuzz_util.h"

static void check_meta(const char *s)
{
    if (!s)
        return;
    size_t n = strlen(s);
    FUZZ_CHECK(n > 0);
    FUZZ_CHECK(fuzz_utf8_valid(s, n));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    unsigned b0 = fuzz_byte(&in);
    precis_ctx *ctx = fuzz_ctx(b0 & 7);
    precis_options opt = precis_options_default();
    opt.input = (b0 & 8) ? PRECIS_INPUT_HTML : PRECIS_INPUT_AUTO;
    if (b0 & 16)
        opt.flags |= PRECIS_OPT_KEEP_BOILERPLATE;
    precis_doc *doc = precis_doc_new(ctx);
    FUZZ_CHECK(precis_doc_feed(doc, in.p, in.n) == PRECIS_OK);
    precis_status st = precis_doc_finish(doc, &opt);
    if (st == PRECIS_OK) {
        fuzz_check_doc(doc);
        check_meta(precis_doc_site(doc));
        check_meta(precis_doc_url(doc));
        check_meta(precis_doc_author(doc));
        check_meta(precis_doc_page_language(doc));
        size_t visible, kept;
        precis_doc_extracted(doc, &visible, &kept);
        FUZZ_CHECK(kept > 0);
        if (precis_doc_summarize(doc, &opt) == PRECIS_OK && (b0 & 32)) {
            precis_membuf m = {0};
            precis_sink sink = precis_sink_mem(&m);
            FUZZ_CHECK(precis_render_md(doc, NULL, &sink) == PRECIS_OK);
            FUZZ_CHECK(precis_render_json(doc, "page", 0, &sink) ==
                       PRECIS_OK);
            FUZZ_CHECK(fuzz_utf8_valid(m.data ? m.data : "", m.len));
            precis_membuf_free(&m);
        }
    } else {
        FUZZ_CHECK(st == PRECIS_EEMPTY || st == PRECIS_EBINARY ||
                   st == PRECIS_EINVAL || st == PRECIS_ETOOBIG ||
                   st == PRECIS_EUTF8);
        FUZZ_CHECK(*precis_ctx_errmsg(ctx) != '\0');
    }
    precis_doc_free(doc);
    return 0;
}
