/* Unit tests: ingest (src/read/ingest.c) through the document API. */
#include <stdbool.h>

#include "test_util.h"

static precis_ctx *ctx;

static int setup(void **state)
{
    (void)state;
    precis_status st;
    ctx = precis_ctx_new("english", NULL, &st);
    return ctx ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    precis_ctx_free(ctx);
    return 0;
}

static precis_doc *must_finish(const char *text, size_t len)
{
    precis_status st;
    precis_doc *doc = finish_text(ctx, text, len, &st);
    if (!doc)
        fail_msg("finish failed: %s (%s)", precis_strerror(st),
                 precis_ctx_errmsg(ctx));
    return doc;
}

static void test_invalid_utf8_is_repaired(void **state)
{
    (void)state;
    const char in[] = "Prices rose by 5\xFF percent in May.";
    precis_doc *doc = must_finish(in, sizeof in - 1);
    assert_string_equal(precis_doc_text(doc, NULL),
                        "Prices rose by 5\xEF\xBF\xBD percent in May.");
    precis_doc_free(doc);
}

static void test_strict_utf8_fails(void **state)
{
    (void)state;
    precis_options opt = precis_options_default();
    opt.flags |= PRECIS_OPT_STRICT_UTF8;
    precis_doc *doc = precis_doc_new(ctx);
    precis_doc_feed(doc, "bad \xC3 byte here.", 16);
    assert_int_equal(precis_doc_finish(doc, &opt), PRECIS_EUTF8);
    precis_doc_free(doc);
}

static void test_whitespace_is_normalised(void **state)
{
    (void)state;
    /* CRLF, CR, tabs, a no-break space, a zero-width space, runs of
     * spaces and trailing blanks. */
    const char in[] = "First  line\there.\r\nSecond\xC2\xA0line\xE2\x80\x8B "
                      "here. \r\rThird\rline.  ";
    precis_doc *doc = must_finish(in, sizeof in - 1);
    assert_string_equal(precis_doc_text(doc, NULL),
                        "First line here.\nSecond line here.\nThird\nline.");
    precis_doc_free(doc);
}

static void test_text_becomes_nfc(void **state)
{
    (void)state;
    /* "café" written with a combining acute accent. */
    const char in[] = "The cafe\xCC\x81 opened today.";
    precis_doc *doc = must_finish(in, sizeof in - 1);
    assert_string_equal(precis_doc_text(doc, NULL),
                        "The caf\xC3\xA9 opened today.");
    precis_doc_free(doc);
}

static void test_title_line_is_not_body(void **state)
{
    (void)state;
    const char in[] = "Storm closes schools across the north\n\n"
                      "Heavy snow closed 200 schools on Tuesday.\n\n"
                      "Forecasters expect more snow tonight.\n";
    precis_doc *doc = must_finish(in, sizeof in - 1);
    size_t len;
    const char *title = precis_doc_title(doc, &len);
    assert_non_null(title);
    assert_int_equal(len, strlen("Storm closes schools across the north"));
    assert_memory_equal(title, "Storm closes schools across the north", len);
    assert_int_equal(precis_doc_sentence_count(doc), 2);
    assert_sentence(doc, 0, "Heavy snow closed 200 schools on Tuesday.");
    precis_sentence s;
    precis_doc_sentence(doc, 1, &s);
    assert_int_equal(s.paragraph, 1);
    precis_doc_free(doc);
}

/* A video player's notice glued by a scraper to the first sentence goes,
 * and the sentence stays, also in an excerpt cut off mid-sentence (a
 * "sentence" rule would drop both, leaving no text). */
static void test_glued_video_notice_goes(void **state)
{
    (void)state;
    const char in[] = "Please enable Javascript to watch this video Four "
                      "people have been taken to hospital after three "
                      "lorries collided on the ring road near the";
    precis_doc *doc = must_finish(in, sizeof in - 1);
    assert_int_equal(precis_doc_sentence_count(doc), 1);
    assert_sentence(doc, 0,
                    "Four people have been taken to hospital after three "
                    "lorries collided on the ring road near the");
    precis_doc_free(doc);
}

/* A news agency's photo caption run into the text ("FILE - In this July
 * 12, 2018 file photo, ...") stays a sentence, for its words, but no
 * summary chooses it; prose that merely says "In this case, the photo"
 * may be chosen. */
static void test_agency_caption_is_never_chosen(void **state)
{
    (void)state;
    const char in[] =
        "FILE - In this July 12, 2018 file photo, council leader Ann Marsh "
        "speaks at the town hall in Kettleby.\n\n"
        "The Kettleby council approved the new harbour plan on Tuesday "
        "after a long debate in the town hall.\n\n"
        "In this Saturday, July 1, 2017, photo, people line up at the old "
        "ferry pier in Kettleby.\n\n"
        "The plan adds two berths and a new cafe to the old ferry pier by "
        "next summer, council leader Ann Marsh said.\n\n"
        "In this case, the photo of the old ferry pier was taken in 2019 "
        "by a reader of the paper.\n";
    precis_doc *doc = must_finish(in, sizeof in - 1);
    assert_int_equal(precis_doc_sentence_count(doc), 5);
    precis_options opt = precis_options_default();
    opt.sentences = 3;
    assert_int_equal(precis_doc_summarize(doc, &opt), PRECIS_OK);
    assert_int_equal(precis_doc_summary_count(doc), 3);
    for (size_t k = 0; k < precis_doc_summary_count(doc); k++) {
        precis_sentence s;
        assert_int_equal(precis_doc_summary_sentence(doc, k, &s), PRECIS_OK);
        assert_true(s.index == 1 || s.index == 3 || s.index == 4);
    }
    precis_doc_free(doc);
}

/* Page furniture on the first line is no title: a dateline cut at a
 * separator, a photo credit, a caption pointing at a person, a share link,
 * a quoted infobox line, a relative time, a line in brackets; controls
 * glued to a caption ("Media caption ...") go and leave the caption. */
static void test_furniture_is_not_a_title(void **state)
{
    (void)state;
    static const char body[] =
        "\n\nThe Kettleby harbour ferry carried its first passengers in four "
        "months on Saturday after engineers replaced both of its engines. "
        "The operator said the new engines burn a third less fuel.\n";
    static const struct {
        const char *line, *title; /* title NULL: none */
    } cases[] = {
        {"KETTLEBY, Westshire |", NULL},
        {"Ann Marsh/ Harbour Gazette/", NULL},
        {"Harbour Images/Westshire via Harbour Images/Westshire via", NULL},
        {"Crew members Ann Marsh (left) and Tom Reed at the pier", NULL},
        {"The ferry's old engines, lifted out in May (second from right)",
         NULL},
        {"E-mail this to a friend \xC2\xBB", NULL},
        {"> Occupation: Harbour master", NULL},
        {"(Gazette Staff Photo/Ann Marsh)", NULL},
        {"2 years ago", NULL},
        {"UPDATED 5:30 PM WITH MORE DETAILS", NULL},
        {"Get the Gazette app for your phone!", NULL},
        {"Enlarge this image toggle caption Ann Marsh/ Ann Marsh/", NULL},
        {"Media caption The ferry docked at dawn on Saturday",
         "The ferry docked at dawn on Saturday"},
        {"Harbour ferry returns after engine refit",
         "Harbour ferry returns after engine refit"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char in[1024];
        snprintf(in, sizeof in, "%s%s", cases[i].line, body);
        precis_doc *doc = must_finish(in, strlen(in));
        size_t len = 0;
        const char *title = precis_doc_title(doc, &len);
        if (!cases[i].title && title)
            fail_msg("\"%s\" taken as the title \"%.*s\"", cases[i].line,
                     (int)len, title);
        if (cases[i].title &&
            (!title || len != strlen(cases[i].title) ||
             memcmp(title, cases[i].title, len) != 0))
            fail_msg("title of \"%s\": \"%.*s\"", cases[i].line, (int)len,
                     title ? title : "");
        precis_doc_free(doc);
    }
}

static void test_first_sentence_is_not_a_title(void **state)
{
    (void)state;
    const char in[] = "Heavy snow closed 200 schools on Tuesday.\n"
                      "Forecasters expect more snow tonight.\n";
    precis_doc *doc = must_finish(in, sizeof in - 1);
    assert_null(precis_doc_title(doc, NULL));
    assert_int_equal(precis_doc_sentence_count(doc), 2);
    precis_doc_free(doc);
}

static void test_single_paragraph_has_no_title(void **state)
{
    (void)state;
    const char in[] = "Just one line without a full stop";
    precis_doc *doc = must_finish(in, sizeof in - 1);
    assert_null(precis_doc_title(doc, NULL));
    assert_int_equal(precis_doc_sentence_count(doc), 1);
    precis_doc_free(doc);
}

static void test_hard_wrapped_lines_are_joined(void **state)
{
    (void)state;
    const char in[] =
        "The council met on Thursday evening to discuss the budget for\n"
        "the coming year, which has been delayed twice since the spring\n"
        "because of disagreements over the cost of road repairs.\n"
        "\n"
        "Members agreed to spend more on buses and less on new car parks\n"
        "in the town centre, a change that campaigners had sought.\n";
    precis_doc *doc = must_finish(in, sizeof in - 1);
    assert_int_equal(precis_doc_sentence_count(doc), 2);
    assert_sentence(doc, 0,
                    "The council met on Thursday evening to discuss the "
                    "budget for the coming year, which has been delayed "
                    "twice since the spring because of disagreements over "
                    "the cost of road repairs.");
    precis_doc_free(doc);
}

static void test_list_lines_are_not_joined(void **state)
{
    (void)state;
    const char in[] =
        "- Council approves the new budget for the town centre today\n"
        "- Campaigners welcome the decision on buses and parking now\n"
        "- Road repairs will start in the spring, says the town mayor\n"
        "- Residents asked to comment on the plans before next June\n";
    precis_doc *doc = must_finish(in, sizeof in - 1);
    assert_int_equal(precis_doc_sentence_count(doc), 4);
    precis_doc_free(doc);
}

static void test_empty_and_blank_input_fail(void **state)
{
    (void)state;
    precis_status st;
    assert_null(finish_text(ctx, "", 0, &st));
    assert_int_equal(st, PRECIS_EEMPTY);
    assert_null(finish_text(ctx, " \n\t\r\n  ", 7, &st));
    assert_int_equal(st, PRECIS_EEMPTY);
    assert_null(finish_text(ctx, "... --- !!!", 11, &st));
    assert_int_equal(st, PRECIS_EEMPTY);
}

static void test_binary_input_fails(void **state)
{
    (void)state;
    char zeros[4096] = {0};
    precis_status st;
    assert_null(finish_text(ctx, zeros, sizeof zeros, &st));
    assert_int_equal(st, PRECIS_EBINARY);
    unsigned char noise[1024];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof noise; i++) {
        x = x * 1103515245u + 12345u;
        noise[i] = (unsigned char)(x >> 16);
    }
    assert_null(finish_text(ctx, (const char *)noise, sizeof noise, &st));
    assert_int_equal(st, PRECIS_EBINARY);
}

static void test_stray_nul_is_tolerated(void **state)
{
    (void)state;
    /* One NUL in a long text is damage, not a binary file. */
    char in[400];
    memset(in, 'a', sizeof in);
    for (size_t i = 5; i < sizeof in; i += 6)
        in[i] = ' ';
    in[200] = '\0';
    in[sizeof in - 1] = '.';
    precis_status st;
    precis_doc *doc = finish_text(ctx, in, sizeof in, &st);
    assert_non_null(doc);
    assert_null(memchr(precis_doc_text(doc, NULL), '\0',
                       strlen(precis_doc_text(doc, NULL))));
    precis_doc_free(doc);
}

static void test_feed_in_pieces_equals_one_feed(void **state)
{
    (void)state;
    const char in[] = "Caf\xC3\xA9 owners met. They agreed on prices.";
    precis_doc *doc = precis_doc_new(ctx);
    /* Split inside the two-byte "é". */
    assert_int_equal(precis_doc_feed(doc, in, 4), PRECIS_OK);
    assert_int_equal(precis_doc_feed(doc, in + 4, sizeof in - 5), PRECIS_OK);
    assert_int_equal(precis_doc_finish(doc, NULL), PRECIS_OK);
    assert_string_equal(precis_doc_text(doc, NULL), in);
    assert_int_equal(precis_doc_feed(doc, "x", 1), PRECIS_ESTATE);
    assert_int_equal(precis_doc_finish(doc, NULL), PRECIS_ESTATE);
    precis_doc_free(doc);
}

/* Whether needle occurs in s[0..len). */
static bool has_bytes(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(s + i, needle, n) == 0)
            return true;
    return false;
}

/* A scraped page whose photo caption, credit at its end, sits between
 * the headline and the body: the headline is the title, the caption is
 * neither title nor body. */
static void test_caption_with_credit_is_not_title_or_body(void **state)
{
    (void)state;
    static const char in[] =
        "Home\nNews\nSport\nWeather\nLocal\nOpinion\n"
        "Rovers win the derby in the last minute\n"
        "Rovers striker Dan Okoro heads the winning goal past the Ashby Town "
        "goalkeeper at the Riverside ground, Saturday, March 14, 2026. "
        "(Jane Roe/Valley Press)\n"
        "Valley Press\n"
        "KETTLEBY — Kettleby Rovers beat Ashby Town 2-1 with a header from Dan "
        "Okoro in the last minute of the derby on Saturday afternoon, in front "
        "of the largest crowd the ground has seen this season.\n"
        "Town had led through a penalty before half time, and Rovers "
        "equalised with twenty minutes left when their captain scored from "
        "the edge of the area after a long spell of pressure.\n"
        "The win lifts Rovers to third place in the league table, two points "
        "behind the leaders with four matches of the season left to play.\n"
        "Manager Sam Hollis said his players had shown the patience the "
        "club had asked of them since the start of the winter.\n";
    precis_doc *doc = must_finish(in, sizeof in - 1);
    size_t len;
    const char *title = precis_doc_title(doc, &len);
    assert_non_null(title);
    assert_int_equal(len, strlen("Rovers win the derby in the last minute"));
    for (size_t i = 0; i < precis_doc_sentence_count(doc); i++) {
        precis_sentence s;
        assert_int_equal(precis_doc_sentence(doc, i, &s), PRECIS_OK);
        assert_false(has_bytes(s.text, s.len, "goalkeeper at the Riverside"));
        assert_false(has_bytes(s.text, s.len, "Jane Roe"));
    }
    precis_doc_free(doc);
}

/* Whether the document's text holds needle. */
static bool text_has(precis_doc *doc, const char *needle)
{
    size_t len;
    const char *t = precis_doc_text(doc, &len);
    return t && has_bytes(t, len, needle);
}

/* Five paragraphs of a made-up council story, the body the tests below
 * wrap in page furniture, captions and standfirsts. */
#define COUNCIL_BODY                                                          \
    "The council of Marlow Bridge voted on Tuesday night to close the old "  \
    "swimming baths at the end of the summer, after a survey found that "    \
    "the roof would cost more to repair than the building is worth.\n"      \
    "Residents had asked the council to keep the baths open until a new "    \
    "pool is built, but the leader of the council said the money was not "  \
    "there and that the site would be sold to pay for the new one.\n"       \
    "The new pool, on the edge of the town park, is due to open in the "     \
    "spring of next year if the builders keep to their plan.\n"             \
    "Swimming clubs that train at the baths will use the school pool in "    \
    "the meantime, and the council will pay for a bus on club nights.\n"    \
    "A petition against the closure had gathered more than two thousand "   \
    "names by the time of the vote, and its organisers say they will "      \
    "keep on with it until the new pool opens its doors.\n"

/* Captions inside the article go, whatever their credit looks like: the
 * source after the caption's last full stop ("Credit: ...",
 * "AGENCY/Name"), or a copyright line above it. A quoted post that ends
 * with its link stays. */
static void test_captions_inside_article_go(void **state)
{
    (void)state;
    static const char in[] =
        "Home\nNews\nSport\nWeather\nLocal\nOpinion\n"
        "Marlow Bridge council votes to close the old baths\n"
        COUNCIL_BODY
        "Swimmers at the old baths in Marlow Bridge on a summer evening in "
        "2024. Credit: Valley Press\n"
        "The baths were built in 1911 and were the first public pool in the "
        "county, which is why a local history group wants the front of the "
        "building kept.\n"
        "The leader of the council at the meeting on Tuesday, with the "
        "survey in front of him. VALLEY PRESS/Jane Roe\n"
        "Council officers said the front could be kept if a buyer wants it, "
        "but that no buyer would be bound to keep it.\n"
        "\xC2\xA9 Sam Hollis\n"
        "The roof of the old baths, where the survey found rot in most of "
        "the beams.\n"
        "One of the petition's organisers posted her reply on the night, "
        "and it was shared by hundreds of people in the town within the "
        "hour: we are not done yet. https://example.org/p/123\n"
        "The sale of the site will go to a vote of the full council in the "
        "autumn, when a price will be known.\n"
        "Contact us\nAbout us\nPrivacy\nTerms\n";
    precis_doc *doc = must_finish(in, sizeof in - 1);
    assert_true(text_has(doc, "The baths were built in 1911"));
    assert_true(text_has(doc, "no buyer would be bound"));
    assert_true(text_has(doc, "https://example.org/p/123"));
    assert_true(text_has(doc, "when a price will be known"));
    assert_false(text_has(doc, "on a summer evening"));
    assert_false(text_has(doc, "with the survey in front of him"));
    assert_false(text_has(doc, "rot in most of the beams"));
    precis_doc_free(doc);
}

/* A photo's credit line is never the title, even when it is the only
 * headline-shaped line just above the body. */
static void test_credit_is_not_title(void **state)
{
    (void)state;
    static const char in[] =
        "Home\nNews\nSport\nWeather\nLocal\nOpinion\n"
        "Photo gallery\n"
        "(Image: \xC2\xA9 Valley Press/Jane Roe)\n"
        COUNCIL_BODY
        "Contact us\nAbout us\nPrivacy\nTerms\n";
    precis_doc *doc = must_finish(in, sizeof in - 1);
    size_t len;
    const char *title = precis_doc_title(doc, &len);
    assert_true(title == NULL || !has_bytes(title, len, "Valley Press"));
    assert_false(text_has(doc, "Valley Press"));
    assert_true(text_has(doc, "The council of Marlow Bridge voted"));
    assert_true(text_has(doc, "until the new pool opens its doors"));
    precis_doc_free(doc);
}

/* A caption between a "Name | Agency" credit and the byline is not the
 * body's first paragraph; the byline's own "Name | Paper" does not make
 * the lede after it a caption. */
static void test_caption_between_credit_and_byline_goes(void **state)
{
    (void)state;
    static const char in[] =
        "Home\nNews\nSport\nWeather\nLocal\nOpinion\n"
        "Marlow Bridge council votes to close the old baths\n"
        "Updated 12 May 2026\n"
        "Jane Roe | Valley Press\n"
        "Swimmers at the old baths in Marlow Bridge on a summer evening, "
        "when the water was still warm enough for the children's club, the "
        "coaches and the parents who had come to watch them, as they did "
        "every week.\n"
        "By\n"
        "Kim Lee | Marlow Bridge Courier\n"
        COUNCIL_BODY
        "Contact us\nAbout us\nPrivacy\nTerms\n";
    precis_doc *doc = must_finish(in, sizeof in - 1);
    assert_false(text_has(doc, "on a summer evening"));
    assert_true(text_has(doc, "The council of Marlow Bridge voted"));
    assert_true(text_has(doc, "until the new pool opens its doors"));
    precis_doc_free(doc);
}

/* A standfirst under the headline, set apart from the body by a single
 * line with the author and the date, is not the body. */
static void test_standfirst_before_dated_byline_goes(void **state)
{
    (void)state;
    static const char in[] =
        "Home\nNews\nSport\nWeather\nLocal\nOpinion\n"
        "Marlow Bridge council votes to close the old baths\n"
        "The town will lose its oldest pool this summer, but a new one is "
        "on the way, the council promises, and the clubs, the schools and "
        "the families who swim there will have somewhere to go in the "
        "meantime.\n"
        "Text: Kim Lee \xC2\xB7 12 May 2026\n"
        COUNCIL_BODY
        "Contact us\nAbout us\nPrivacy\nTerms\n";
    precis_doc *doc = must_finish(in, sizeof in - 1);
    assert_false(text_has(doc, "the council promises"));
    assert_true(text_has(doc, "The council of Marlow Bridge voted"));
    assert_true(text_has(doc, "until the new pool opens its doors"));
    precis_doc_free(doc);
}

/* A long notice the page prints twice after its footer (a consent box
 * and its settings panel) is not the article; a long question that an
 * interview puts to each guest, standing twice inside it, is. */
static void test_long_repeats_outside_go_inside_stay(void **state)
{
    (void)state;
#define NOTICE                                                                \
    "Our partners and we store small files on your device to measure "      \
    "visits, remember your settings and show offers that suit you; you can " \
    "choose which of them to allow in the settings panel at any time, and " \
    "withdraw your choice later.\n"
#define QUESTION                                                              \
    "What would you change first about the way the town looks after its "  \
    "swimmers, its clubs and its schools, if the council gave you the "     \
    "money, a free hand and a builder of your own for a whole year, and "  \
    "nobody could tell you no?\n"
    static const char in[] =
        "Home\nNews\nSport\nWeather\nLocal\nOpinion\n"
        "Two swimmers on the future of the town's pools\n"
        "By Kim Lee\n"
        "The old baths close at the end of the summer, and the new pool "
        "will not open until next spring, so we asked two swimmers who "
        "train in the town what they make of the plans.\n"
        QUESTION
        "Anna Berg, who coaches the children's club, said she would build "
        "a second, smaller pool for lessons, because the clubs and the "
        "schools now queue for the same water every evening.\n"
        QUESTION
        "Tom Hale, who swims before work, said he would open the pool at "
        "six every morning, since most adults can only swim before or "
        "after their working day, and the baths open too late.\n"
        "Both said they would sign the petition to keep the baths open "
        "until the new pool is ready for the clubs.\n"
        "Contact us\nAbout us\nPrivacy\nTerms\n"
        NOTICE
        "Settings\n"
        NOTICE
        "Allow all\nReject all\n";
#undef NOTICE
#undef QUESTION
    precis_doc *doc = must_finish(in, sizeof in - 1);
    assert_true(text_has(doc, "What would you change first"));
    assert_true(text_has(doc, "open the pool at six"));
    assert_true(text_has(doc, "sign the petition"));
    assert_false(text_has(doc, "Our partners and we store"));
    precis_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_invalid_utf8_is_repaired),
        cmocka_unit_test(test_strict_utf8_fails),
        cmocka_unit_test(test_whitespace_is_normalised),
        cmocka_unit_test(test_text_becomes_nfc),
        cmocka_unit_test(test_title_line_is_not_body),
        cmocka_unit_test(test_glued_video_notice_goes),
        cmocka_unit_test(test_agency_caption_is_never_chosen),
        cmocka_unit_test(test_furniture_is_not_a_title),
        cmocka_unit_test(test_first_sentence_is_not_a_title),
        cmocka_unit_test(test_single_paragraph_has_no_title),
        cmocka_unit_test(test_hard_wrapped_lines_are_joined),
        cmocka_unit_test(test_list_lines_are_not_joined),
        cmocka_unit_test(test_empty_and_blank_input_fail),
        cmocka_unit_test(test_binary_input_fails),
        cmocka_unit_test(test_stray_nul_is_tolerated),
        cmocka_unit_test(test_feed_in_pieces_equals_one_feed),
        cmocka_unit_test(test_caption_with_credit_is_not_title_or_body),
        cmocka_unit_test(test_captions_inside_article_go),
        cmocka_unit_test(test_credit_is_not_title),
        cmocka_unit_test(test_caption_between_credit_and_byline_goes),
        cmocka_unit_test(test_standfirst_before_dated_byline_goes),
        cmocka_unit_test(test_long_repeats_outside_go_inside_stay),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
