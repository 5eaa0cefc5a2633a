/* Unit tests: encodings and HTML entities (src/read/encoding.c), through
 * the public API: bytes in one encoding are fed, the sentences come out
 * in UTF-8. Every text is written for this test. */
#include <stdbool.h>
#include <stdlib.h>

#include "test_util.h"

/* Feeds len bytes, finishes with the encoding forced (NULL: detect), and
 * returns the document or NULL with *st set. */
static precis_doc *finish_with(precis_ctx *ctx, const char *bytes, size_t len,
                               const char *encoding, precis_status *st)
{
    precis_options opt = precis_options_default();
    opt.encoding = encoding;
    precis_doc *doc = precis_doc_new(ctx);
    *st = precis_doc_feed(doc, bytes, len);
    if (*st == PRECIS_OK)
        *st = precis_doc_finish(doc, &opt);
    if (*st != PRECIS_OK) {
        precis_doc_free(doc);
        return NULL;
    }
    return doc;
}

/* Encodes the ASCII-and-Latin-1 UTF-8 text s as UTF-16 (little or big
 * endian, with or without a mark) into out; returns the byte count. */
static size_t to_utf16(const char *s, char *out, bool big, bool mark)
{
    size_t n = 0;
    if (mark) {
        out[n++] = big ? (char)0xFE : (char)0xFF;
        out[n++] = big ? (char)0xFF : (char)0xFE;
    }
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        unsigned cp = *p++;
        if (cp >= 0xC0) /* two-byte UTF-8: Latin-1 only here */
            cp = ((cp & 0x1F) << 6) | (*p++ & 0x3F);
        out[n++] = (char)(big ? cp >> 8 : cp & 0xFF);
        out[n++] = (char)(big ? cp & 0xFF : cp >> 8);
    }
    return n;
}

static void test_utf16_with_and_without_mark(void **state)
{
    (void)state;
    precis_status st;
    precis_ctx *ctx = precis_ctx_new("fr", NULL, &st);
    const char *text = "Le caf\xC3\xA9 a ouvert lundi. Les clients sont "
                       "venus t\xC3\xB4t.";
    char bytes[512];
    for (int variant = 0; variant < 4; variant++) {
        size_t n = to_utf16(text, bytes, variant & 1, variant < 2);
        precis_doc *doc = finish_with(ctx, bytes, n, NULL, &st);
        assert_non_null(doc);
        assert_int_equal(precis_doc_sentence_count(doc), 2);
        assert_sentence(doc, 0, "Le caf\xC3\xA9 a ouvert lundi.");
        assert_sentence(doc, 1, "Les clients sont venus t\xC3\xB4t.");
        precis_doc_free(doc);
    }
    precis_ctx_free(ctx);
}

static void test_utf8_mark_is_dropped(void **state)
{
    (void)state;
    precis_status st;
    precis_ctx *ctx = precis_ctx_new("en", NULL, &st);
    const char *text = "\xEF\xBB\xBFRain fell all day. The river rose.";
    precis_doc *doc = finish_text(ctx, text, strlen(text), &st);
    assert_non_null(doc);
    assert_sentence(doc, 0, "Rain fell all day.");
    precis_doc_free(doc);
    precis_ctx_free(ctx);
}

static void test_windows_1252_detected(void **state)
{
    (void)state;
    precis_status st;
    precis_ctx *ctx = precis_ctx_new("de", NULL, &st);
    /* German in Windows-1252, with its curly quotes (0x84 and 0x93). */
    const char *text = "Die Stra\xDF"
                       "e in M\xFCnchen bleibt gesperrt. Der "
                       "B\xFCrgermeister sagte: \x84Wir arbeiten daran.\x93";
    precis_doc *doc = finish_text(ctx, text, strlen(text), &st);
    assert_non_null(doc);
    assert_int_equal(precis_doc_sentence_count(doc), 2);
    assert_sentence(doc, 0,
                    "Die Stra\xC3\x9F"
                    "e in M\xC3\xBCnchen bleibt "
                    "gesperrt.");
    assert_sentence(doc, 1,
                    "Der B\xC3\xBCrgermeister sagte: "
                    "\xE2\x80\x9EWir arbeiten daran.\xE2\x80\x9C");
    precis_doc_free(doc);
    precis_ctx_free(ctx);
}

static void test_cyrillic_code_pages_detected(void **state)
{
    (void)state;
    precis_status st;
    precis_ctx *ctx = precis_ctx_new("ru", NULL, &st);
    /* "Мост открыли в среду. Движение восстановлено." */
    const char *cp1251 = "\xCC\xEE\xF1\xF2 \xEE\xF2\xEA\xF0\xFB\xEB\xE8 \xE2 "
                         "\xF1\xF0\xE5\xE4\xF3. \xC4\xE2\xE8\xE6\xE5\xED\xE8"
                         "\xE5 \xE2\xEE\xF1\xF1\xF2\xE0\xED\xEE\xE2\xEB\xE5"
                         "\xED\xEE.";
    const char *koi8 = "\xED\xCF\xD3\xD4 \xCF\xD4\xCB\xD2\xD9\xCC\xC9 \xD7 "
                       "\xD3\xD2\xC5\xC4\xD5. \xE4\xD7\xC9\xD6\xC5\xCE\xC9"
                       "\xC5 \xD7\xCF\xD3\xD3\xD4\xC1\xCE\xCF\xD7\xCC\xC5"
                       "\xCE\xCF.";
    const char *want = "\xD0\x9C\xD0\xBE\xD1\x81\xD1\x82 \xD0\xBE\xD1\x82"
                       "\xD0\xBA\xD1\x80\xD1\x8B\xD0\xBB\xD0\xB8 \xD0\xB2 "
                       "\xD1\x81\xD1\x80\xD0\xB5\xD0\xB4\xD1\x83.";
    const char *inputs[] = {cp1251, koi8};
    for (int k = 0; k < 2; k++) {
        precis_doc *doc = finish_text(ctx, inputs[k], strlen(inputs[k]), &st);
        assert_non_null(doc);
        assert_int_equal(precis_doc_sentence_count(doc), 2);
        assert_sentence(doc, 0, want);
        precis_doc_free(doc);
    }
    precis_ctx_free(ctx);
}

static void test_forced_encoding(void **state)
{
    (void)state;
    precis_status st;
    precis_ctx *ctx = precis_ctx_new("es", NULL, &st);
    /* Forced Latin-1 reads the high bytes as "ñ" and "ó". */
    const char *text = "El ni\xF1o lleg\xF3 tarde. La escuela cerr\xF3.";
    precis_doc *doc = finish_with(ctx, text, strlen(text), "latin1", &st);
    assert_non_null(doc);
    assert_sentence(doc, 0, "El ni\xC3\xB1o lleg\xC3\xB3 tarde.");
    precis_doc_free(doc);
    /* Forced UTF-8 never guesses a code page: the bytes are repaired. */
    doc = finish_with(ctx, text, strlen(text), "utf-8", &st);
    assert_non_null(doc);
    assert_sentence(doc, 0, "El ni\xEF\xBF\xBDo lleg\xEF\xBF\xBD tarde.");
    precis_doc_free(doc);
    /* An unknown name is an error with a message, not a crash. */
    doc = finish_with(ctx, text, strlen(text), "no-such-charset", &st);
    assert_null(doc);
    assert_int_equal(st, PRECIS_EINVAL);
    assert_non_null(strstr(precis_ctx_errmsg(ctx), "no-such-charset"));
    precis_ctx_free(ctx);
}

static void test_damaged_utf8_and_binary_stay_as_before(void **state)
{
    (void)state;
    precis_status st;
    precis_ctx *ctx = precis_ctx_new("fr", NULL, &st);
    /* Valid UTF-8 with one stray byte: repaired, not re-read as 1252. */
    const char *text = "L'\xC3\xA9t\xC3\xA9 est chaud \xFF ici. Il pleut peu.";
    precis_doc *doc = finish_text(ctx, text, strlen(text), &st);
    assert_non_null(doc);
    assert_sentence(doc, 0, "L'\xC3\xA9t\xC3\xA9 est chaud \xEF\xBF\xBD ici.");
    precis_doc_free(doc);
    /* Control bytes everywhere are binary whatever the high bytes. */
    char bin[400];
    for (size_t i = 0; i < sizeof bin; i++)
        bin[i] = (char)(i % 3 ? 0x01 + i % 7 : 0xE9);
    doc = finish_text(ctx, bin, sizeof bin, &st);
    assert_null(doc);
    assert_int_equal(st, PRECIS_EBINARY);
    precis_ctx_free(ctx);
}

static void test_entities_decoded_in_text(void **state)
{
    (void)state;
    precis_status st;
    precis_ctx *ctx = precis_ctx_new("en", NULL, &st);
    const char *text =
        "The caf&#233; &amp; bar on Quay St reopened &mdash; with "
        "&quot;new&quot; owners. AT&T paid &pound;5&nbsp;m for it. "
        "Fish &amp chips &#x1F41F; cost &#0; or &bogus; nothing.";
    precis_doc *doc = finish_text(ctx, text, strlen(text), &st);
    assert_non_null(doc);
    assert_int_equal(precis_doc_sentence_count(doc), 3);
    assert_sentence(doc, 0,
                    "The caf\xC3\xA9 & bar on Quay St reopened "
                    "\xE2\x80\x94 with \"new\" owners.");
    assert_sentence(doc, 1,
                    "AT&T paid \xC2\xA3"
                    "5 m for it.");
    assert_sentence(doc, 2,
                    "Fish &amp chips \xF0\x9F\x90\x9F cost &#0; or "
                    "&bogus; nothing.");
    precis_doc_free(doc);
    /* Code points past U+10FFFF and overlong numbers stay as written. */
    const char *big = "Codes &#1114112; and &#x7FFFFFF; and &#xDAAAAAAA800; "
                      "stay. Then &#65; is A.";
    doc = finish_text(ctx, big, strlen(big), &st);
    assert_non_null(doc);
    assert_sentence(doc, 0,
                    "Codes &#1114112; and &#x7FFFFFF; and "
                    "&#xDAAAAAAA800; stay.");
    assert_sentence(doc, 1, "Then A is A.");
    precis_doc_free(doc);
    precis_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf16_with_and_without_mark),
        cmocka_unit_test(test_utf8_mark_is_dropped),
        cmocka_unit_test(test_windows_1252_detected),
        cmocka_unit_test(test_cyrillic_code_pages_detected),
        cmocka_unit_test(test_forced_encoding),
        cmocka_unit_test(test_damaged_utf8_and_binary_stay_as_before),
        cmocka_unit_test(test_entities_decoded_in_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
