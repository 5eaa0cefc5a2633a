/* fuzz_segment: ingest and segmentation through the document API.
 *
 * Byte 0: language (bits 0-2, fuzz_languages), strict UTF-8 (bit 3), keep
 * boilerplate (bit 4), and whether to feed the article in pieces (bit 5).
 * Byte 1: the piece size when feeding in pieces (1 to 256 bytes).
 * The rest: the article. Checks every invariant of the finished document
 * (fuzz_check_doc), that an error leaves a message, that feed after finish
 * is refused, and that feeding in pieces gives the same text and
 * sentences as feeding at once. */
#include "fuzz_util.h"

/* Makes and finishes a document from art, fed at once or in pieces. */
static precis_doc *make_doc(precis_ctx *ctx, const uint8_t *art, size_t n,
                            size_t piece, const precis_options *opt,
                            precis_status *st)
{
    precis_doc *doc = precis_doc_new(ctx);
    FUZZ_CHECK(doc != NULL);
    if (!piece) {
        FUZZ_CHECK(precis_doc_feed(doc, art, n) == PRECIS_OK);
    } else {
        for (size_t i = 0; i < n; i += piece) {
            size_t k = n - i < piece ? n - i : piece;
            FUZZ_CHECK(precis_doc_feed(doc, art + i, k) == PRECIS_OK);
        }
    }
    *st = precis_doc_finish(doc, opt);
    return doc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    unsigned b0 = fuzz_byte(&in), b1 = fuzz_byte(&in);
    precis_ctx *ctx = fuzz_ctx(b0 & 7);
    precis_options opt = precis_options_default();
    if (b0 & 8)
        opt.flags |= PRECIS_OPT_STRICT_UTF8;
    if (b0 & 16)
        opt.flags |= PRECIS_OPT_KEEP_BOILERPLATE;

    precis_status st;
    precis_doc *doc = make_doc(ctx, in.p, in.n, 0, &opt, &st);
    FUZZ_CHECK(st == PRECIS_OK || st == PRECIS_EEMPTY ||
               st == PRECIS_EBINARY || st == PRECIS_EUTF8);
    if (st != PRECIS_OK) {
        FUZZ_CHECK(*precis_strerror(st) != '\0');
        FUZZ_CHECK(precis_ctx_errmsg(ctx) != NULL);
        /* Not finished: nothing to summarise or render. */
        FUZZ_CHECK(precis_doc_summarize(doc, NULL) == PRECIS_ESTATE);
        FUZZ_CHECK(st != PRECIS_EUTF8 ||
                   (opt.flags & PRECIS_OPT_STRICT_UTF8));
        if (st == PRECIS_EUTF8)
            FUZZ_CHECK(!fuzz_utf8_valid((const char *)in.p, in.n) ||
                       memchr(in.p, 0, in.n) != NULL);
    } else {
        fuzz_check_doc(doc);
        FUZZ_CHECK(precis_doc_feed(doc, "x", 1) == PRECIS_ESTATE);
        FUZZ_CHECK(precis_doc_finish(doc, &opt) == PRECIS_ESTATE);
    }

    if (b0 & 32) {
        /* The same bytes in pieces: the same result. */
        precis_status st2;
        precis_doc *doc2 =
            make_doc(ctx, in.p, in.n, (b1 & 0xFF) + 1, &opt, &st2);
        FUZZ_CHECK(st2 == st);
        if (st == PRECIS_OK) {
            size_t l1, l2;
            const char *t1 = precis_doc_text(doc, &l1);
            const char *t2 = precis_doc_text(doc2, &l2);
            FUZZ_CHECK(l1 == l2 && memcmp(t1, t2, l1) == 0);
            FUZZ_CHECK(precis_doc_sentence_count(doc) ==
                       precis_doc_sentence_count(doc2));
            FUZZ_CHECK(precis_doc_headline_count(doc) ==
                       precis_doc_headline_count(doc2));
        }
        precis_doc_free(doc2);
    }
    precis_doc_free(doc);
    return 0;
}
