/* Unit tests: boilerplate rules (src/lang/boilerplate.c), dates and times
 * (src/read/date.c), and the metadata ingest takes out of the body: the date
 * prefix, datelines, the headline sidebar and the title after it. All
 * texts are written for these tests. */
#include "test_util.h"

#include "lang/boilerplate.h"
#include "read/date.h"

/* ==== Pattern matching ==== */

static void test_patterns(void **state)
{
    (void)state;
    const char *s = "Last updated at 09:22 GMTRichard won";
    size_t len = strlen(s);
    const char *p = "Last updated at #:# GMT";
    assert_int_equal(bp_match(p, strlen(p), s, len, 0), 25);
    /* Case-insensitive for ASCII. */
    assert_int_equal(bp_match("last UPDATED", 12, s, len, 0), 12);
    /* '#' needs at least one digit. */
    assert_int_equal(bp_match("at #", 4, "at x", 4, 0), (size_t)-1);
    /* '*' takes the shortest text that lets the rest match. */
    const char *t = "Share this withEmailFacebookCopy this linkThe firm";
    const char *q = "Share this with*Copy this link";
    assert_int_equal(bp_match(q, strlen(q), t, strlen(t), 0), 42);
}

static bp_rules english_like_rules(void)
{
    bp_rules r = {0};
    const char *lines[] = {
        "strip Share this with*Copy this link",
        "strip Scroll down for video",
        "line Follow us on",
        "line Read more",
        "sentence your donation",
        "sentence sign up to the * newsletter",
        "bogus rule",
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        bp_add(&r, lines[i], strlen(lines[i]));
    return r;
}

static void test_rules(void **state)
{
    (void)state;
    bp_rules r = english_like_rules();
    assert_int_equal(r.n, 6); /* the unknown kind is refused */
    buf out = {0};
    const char *glued = "Share this withEmailXCopy this linkThe mill closed.";
    assert_int_equal(bp_strip(&r, glued, strlen(glued), &out), 1);
    assert_string_equal(buf_cstr(&out), "The mill closed.");
    buf_clear(&out);
    const char *mid = "A caption Scroll down for video The mill closed.";
    bp_strip(&r, mid, strlen(mid), &out);
    assert_string_equal(buf_cstr(&out), "A caption The mill closed.");
    buf_free(&out);

    assert_true(bp_is_line(&r, "Follow us on Facebook", 21));
    assert_true(bp_is_line(&r, "Read more: the story of the mill", 32));
    /* A line rule needs a word end and a short line. */
    assert_false(bp_is_line(&r, "Read moreover", 13));
    const char *longer = "Read more about how the mill was built in the "
                         "village by the river in the old days before the war";
    assert_false(bp_is_line(&r, longer, strlen(longer)));
    /* Sentence rules match anywhere, '*' within the sentence. */
    const char *appeal = "We rely on your donation to report.";
    assert_true(bp_is_sentence(&r, appeal, strlen(appeal)));
    const char *news = "Sign up to the weekly newsletter today.";
    assert_true(bp_is_sentence(&r, news, strlen(news)));
    const char *plain = "The mill donated flour to the school.";
    assert_false(bp_is_sentence(&r, plain, strlen(plain)));
    bp_free(&r);
}

/* ==== Dates and times ==== */

static void test_dates(void **state)
{
    (void)state;
    static const struct {
        const char *text, *want;
    } cases[] = {
        {"date 2025-11-04", "2025-11-04"},
        {"Published: 4 November 2025", "2025-11-04"},
        {"Updated 4th Nov. 2025, 12:20 GMT", "2025-11-04"},
        {"November 4, 2025", "2025-11-04"},
        {"on Sept 30 2024 we", "2024-09-30"},
        {"2024/02/29 leap day", "2024-02-29"},
        {"2023-02-29 is not a day", NULL},
        {"31 April 2025", NULL},
        {"in March next year", NULL},
        {"12:20 and 3.5 percent", NULL},
        {"May 2025", NULL},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char out[11];
        bool found = date_find(cases[k].text, strlen(cases[k].text), out,
                               NULL, NULL);
        if (!cases[k].want) {
            if (found)
                fail_msg("\"%s\": found %s", cases[k].text, out);
            continue;
        }
        if (!found)
            fail_msg("\"%s\": no date", cases[k].text);
        assert_string_equal(out, cases[k].want);
    }
}

static void test_times(void **state)
{
    (void)state;
    char out[6];
    assert_int_equal(time_parse("12:20Morocco", 12, 0, out), 5);
    assert_string_equal(out, "12:20");
    assert_int_equal(time_parse("9:05 x", 6, 0, out), 4);
    assert_string_equal(out, "09:05");
    assert_int_equal(time_parse("24:00", 5, 0, out), 0);
    assert_int_equal(time_parse("12:60", 5, 0, out), 0);
    assert_int_equal(time_parse("12:345", 6, 0, out), 0);
    assert_int_equal(time_parse("12:3", 4, 0, out), 0);
}

/* ==== Through ingest ==== */

static precis_ctx *ctx;

static int setup(void **state)
{
    (void)state;
    precis_status st;
    ctx = precis_ctx_new("auto", NULL, &st);
    return ctx ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    precis_ctx_free(ctx);
    return 0;
}

static precis_doc *finish(const char *text, unsigned flags)
{
    precis_options opt = precis_options_default();
    opt.flags = flags;
    precis_doc *doc = precis_doc_new(ctx);
    precis_doc_feed(doc, text, strlen(text));
    precis_status st = precis_doc_finish(doc, &opt);
    if (st != PRECIS_OK)
        fail_msg("finish: %s", precis_ctx_errmsg(ctx));
    return doc;
}

static bool body_contains(const precis_doc *doc, const char *needle)
{
    for (size_t i = 0; i < precis_doc_sentence_count(doc); i++) {
        precis_sentence s;
        precis_doc_sentence(doc, i, &s);
        for (size_t k = 0; k + strlen(needle) <= s.len; k++)
            if (memcmp(s.text + k, needle, strlen(needle)) == 0)
                return true;
    }
    return false;
}

/* The sidebar comes first, glued times included, then a social prompt,
 * then the title and the body: the layout of a real scraped page. */
static const char page[] =
    "- 12:20Council votes to keep the harbour ferry running\n"
    "- 9:05 Storm warning issued for the northern coast\n"
    "- 18:30Local school wins national science prize\n"
    "Follow us on Facebook\n"
    "Ferry service saved after council vote\n"
    "The harbour ferry will keep running after councillors voted to fund it "
    "for three more years.\n"
    "The service carries about 900 passengers a day between the two towns.\n"
    "Share on X\n";

static void test_sidebar_title_and_body(void **state)
{
    (void)state;
    precis_doc *doc = finish(page, 0);
    assert_int_equal(precis_doc_headline_count(doc), 3);
    precis_headline h;
    precis_doc_headline(doc, 0, &h);
    assert_int_equal(h.time_len, 5);
    assert_memory_equal(h.time, "12:20", 5);
    assert_int_equal(h.len, strlen("Council votes to keep the harbour ferry running"));
    assert_memory_equal(h.text, "Council votes", 13);
    precis_doc_headline(doc, 1, &h);
    assert_memory_equal(h.time, "09:05", 5);
    assert_int_equal(precis_doc_headline(doc, 3, &h), PRECIS_EINVAL);
    size_t len;
    const char *title = precis_doc_title(doc, &len);
    assert_non_null(title);
    assert_int_equal(len, strlen("Ferry service saved after council vote"));
    assert_int_equal(precis_doc_sentence_count(doc), 2);
    assert_false(body_contains(doc, "Follow us"));
    assert_false(body_contains(doc, "Share on"));
    assert_string_equal(precis_doc_language(doc), "english");
    precis_doc_free(doc);

    /* With --keep-boilerplate the prompts stay; metadata is still read. */
    doc = finish(page, PRECIS_OPT_KEEP_BOILERPLATE);
    assert_int_equal(precis_doc_headline_count(doc), 3);
    assert_true(body_contains(doc, "Share on X"));
    precis_doc_free(doc);
}

static void test_one_timestamp_is_not_a_sidebar(void **state)
{
    (void)state;
    precis_doc *doc = finish("12:20 The ferry left on time today.\n"
                             "It was full of passengers.\n",
                             0);
    assert_int_equal(precis_doc_headline_count(doc), 0);
    assert_true(body_contains(doc, "12:20 The ferry"));
    precis_doc_free(doc);
}

static void test_date_prefix_glued_to_an_appeal(void **state)
{
    (void)state;
    precis_doc *doc = finish(
        "date 2025-03-02 Your support helps us tell the story Read more "
        "Support Now We rely on readers. Your donation keeps our reporters "
        "in the field. Sign up for our newsletter today. Read more\n\n"
        "The mill on Water Lane reopened on Saturday after a year of "
        "repairs.\n\nIts owners said flour would be on sale from Monday.\n",
        0);
    assert_string_equal(precis_doc_date(doc), "2025-03-02");
    assert_int_equal(precis_doc_sentence_count(doc), 2);
    assert_false(body_contains(doc, "date"));
    assert_false(body_contains(doc, "donation"));
    assert_true(body_contains(doc, "The mill on Water Lane"));
    precis_doc_free(doc);
}

static void test_datelines_bylines_and_link_rows(void **state)
{
    (void)state;
    precis_doc *doc = finish(
        "Mill reopens on Water Lane\n"
        "By Jane Marsh, Business Reporter\n"
        "Published: 2 March 2025\n"
        "Home | News | Business | Sport\n"
        "The mill on Water Lane reopened on Saturday after repairs.\n"
        "Its owners said flour would be on sale from Monday.\n",
        0);
    assert_string_equal(precis_doc_date(doc), "2025-03-02");
    assert_int_equal(precis_doc_sentence_count(doc), 2);
    assert_false(body_contains(doc, "Jane Marsh"));
    assert_false(body_contains(doc, "Home"));
    precis_doc_free(doc);
}

static void test_glued_boilerplate_is_cut_mid_line(void **state)
{
    (void)state;
    precis_doc *doc = finish(
        "Share this withEmailFacebookTwitterCopy this linkThe mill reopened "
        "on Saturday.Its owners were pleased.\n",
        0);
    assert_int_equal(precis_doc_sentence_count(doc), 2);
    assert_sentence(doc, 0, "The mill reopened on Saturday.");
    assert_sentence(doc, 1, "Its owners were pleased.");
    precis_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_patterns),
        cmocka_unit_test(test_rules),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_times),
        cmocka_unit_test(test_sidebar_title_and_body),
        cmocka_unit_test(test_one_timestamp_is_not_a_sidebar),
        cmocka_unit_test(test_date_prefix_glued_to_an_appeal),
        cmocka_unit_test(test_datelines_bylines_and_link_rows),
        cmocka_unit_test(test_glued_boilerplate_is_cut_mid_line),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
