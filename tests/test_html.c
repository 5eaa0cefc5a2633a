/* Unit tests: main-content extraction (src/read/extract.c) and HTML input
 * (src/read/html.c), through the document API and html_sniff. Every page
 * here is written for the test. */
#include "test_util.h"

#include <stdlib.h>

#include "read/html.h"
#include "util/utf8.h"

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

/* The document made from s with the given input kind, finished. */
static precis_doc *finish_as(const char *s, precis_input kind)
{
    precis_options opt = precis_options_default();
    opt.input = kind;
    precis_doc *doc = precis_doc_new(ctx);
    assert_int_equal(precis_doc_feed(doc, s, strlen(s)), PRECIS_OK);
    precis_status st = precis_doc_finish(doc, &opt);
    if (st != PRECIS_OK)
        fail_msg("finish failed: %s (%s)", precis_strerror(st),
                 precis_ctx_errmsg(ctx));
    return doc;
}

static void assert_has(const char *hay, const char *needle)
{
    if (!strstr(hay, needle))
        fail_msg("\"%s\" not in \"%s\"", needle, hay);
}

static void assert_lacks(const char *hay, const char *needle)
{
    if (strstr(hay, needle))
        fail_msg("\"%s\" should not be in \"%s\"", needle, hay);
}

/* ==== HTML ==== */

static const char page[] =
    "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
    "<title>Ferry timetable changes | The Harbour Gazette</title>"
    "<meta property=\"og:site_name\" content=\"The Harbour Gazette\">"
    "<meta property=\"article:published_time\" "
    "content=\"2025-03-14T09:45:00+00:00\">"
    "<link rel=\"canonical\" href=\"https://news.example/ferry\">"
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
    "\"author\":[{\"@type\":\"Person\",\"name\":\"Lena Ortiz\"}]}</script>"
    "</head><body>"
    "<header><a href=\"/\">Gazette</a></header>"
    "<nav><ul><li><a href=\"/news\">News</a></li><li><a href=\"/sport\">"
    "Sport</a></li><li><a href=\"/weather\">Weather</a></li></ul></nav>"
    "<div class=\"cookie-notice\"><p>We use cookies to make this site "
    "work, and you can change your settings at any time.</p></div>"
    "<main><h1>Ferry timetable changes from April</h1>"
    "<p class=\"byline\">By Lena Ortiz</p>"
    "<div class=\"story\"><p>The island ferry will sail twice more each "
    "day from April, the operator said on Friday, after a winter of "
    "complaints about crowded boats.</p>"
    "<p>An early crossing at six will serve commuters, and a late one "
    "will leave the mainland at eleven, so that visitors can stay for an "
    "evening.</p>"
    "<h2>Fares stay the same</h2>"
    "<p>Fares will not change this year, the operator added, though the "
    "price of a car ticket is under review &amp; may rise in 2026.</p>"
    "<figure><img src=\"f.jpg\"><figcaption>The ferry leaving port at "
    "dawn on a calm day.</figcaption></figure>"
    "<p>Residents welcomed the news, saying the old timetable had made "
    "it hard to reach hospital appointments on the mainland.</p></div>"
    "<div class=\"share-tools\"><a href=\"#\">Share on social media</a>"
    "</div></main>"
    "<aside><h3><a href=\"/x\">Storm closes the coast road</a></h3>"
    "<p>Police advised drivers to avoid the area until further notice, "
    "as crews worked through the night.</p></aside>"
    "<section id=\"comments\"><p>I have waited years for this, and it is "
    "about time the operator listened to the people who live here.</p>"
    "</section>"
    "<footer><p>Copyright 2025 The Harbour Gazette. All rights reserved."
    "</p></footer></body></html>\n";

static void test_html_article_is_found(void **state)
{
    (void)state;
    precis_doc *doc = finish_as(page, PRECIS_INPUT_AUTO);
    const char *text = precis_doc_text(doc, NULL);
    assert_has(text, "The island ferry will sail twice more");
    assert_has(text, "Residents welcomed the news");
    assert_has(text, "Fares stay the same");
    assert_has(text, "under review & may rise"); /* entity decoded */
    assert_lacks(text, "cookies");
    assert_lacks(text, "Weather");
    assert_lacks(text, "Storm closes");
    assert_lacks(text, "Police advised");
    assert_lacks(text, "waited years");
    assert_lacks(text, "Copyright");
    assert_lacks(text, "dawn on a calm day");
    assert_lacks(text, "Share on social");
    assert_lacks(text, "By Lena Ortiz");
    size_t visible, kept;
    precis_doc_extracted(doc, &visible, &kept);
    assert_true(kept > 0 && kept < visible);
    precis_doc_free(doc);
}

static void test_html_metadata(void **state)
{
    (void)state;
    precis_doc *doc = finish_as(page, PRECIS_INPUT_HTML);
    size_t len;
    const char *title = precis_doc_title(doc, &len);
    assert_non_null(title);
    /* No og:title: the h1, not the title element with the site. */
    assert_int_equal(len, strlen("Ferry timetable changes from April"));
    assert_memory_equal(title, "Ferry timetable changes from April", len);
    assert_string_equal(precis_doc_site(doc), "The Harbour Gazette");
    assert_string_equal(precis_doc_url(doc), "https://news.example/ferry");
    assert_string_equal(precis_doc_author(doc), "Lena Ortiz");
    assert_string_equal(precis_doc_page_language(doc), "en-GB");
    assert_string_equal(precis_doc_date(doc), "2025-03-14");
    assert_string_equal(precis_doc_time(doc), "09:45");
    assert_string_equal(precis_doc_language(doc), "english");
    precis_doc_free(doc);
}

/* The caller's site name (a feed's title, a record's "site") wins over
 * the page's; white space around it goes; a control character, invalid
 * UTF-8 or a finished document is refused. */
static void test_doc_set_site(void **state)
{
    (void)state;
    precis_options opt = precis_options_default();
    opt.input = PRECIS_INPUT_HTML;
    precis_doc *doc = precis_doc_new(ctx);
    assert_int_equal(precis_doc_feed(doc, page, strlen(page)), PRECIS_OK);
    assert_int_equal(precis_doc_set_site(doc, "Bad\x07name"), PRECIS_EINVAL);
    assert_int_equal(precis_doc_set_site(doc, "Bad \xC3("), PRECIS_EINVAL);
    assert_int_equal(precis_doc_set_site(doc, NULL), PRECIS_EINVAL);
    assert_int_equal(precis_doc_set_site(doc, "  Kettleby Courier \n"),
                     PRECIS_OK);
    assert_int_equal(precis_doc_finish(doc, &opt), PRECIS_OK);
    assert_string_equal(precis_doc_site(doc), "Kettleby Courier");
    assert_int_equal(precis_doc_set_site(doc, "Late"), PRECIS_ESTATE);
    precis_doc_free(doc);

    /* "" clears it: the page's own name is read again. */
    doc = precis_doc_new(ctx);
    assert_int_equal(precis_doc_feed(doc, page, strlen(page)), PRECIS_OK);
    assert_int_equal(precis_doc_set_site(doc, "Kettleby Courier"), PRECIS_OK);
    assert_int_equal(precis_doc_set_site(doc, ""), PRECIS_OK);
    assert_int_equal(precis_doc_finish(doc, &opt), PRECIS_OK);
    assert_string_equal(precis_doc_site(doc), "The Harbour Gazette");
    precis_doc_free(doc);
}

/* An og:title or h1 that carries the site's name (og:site_name) after
 * or before a separator loses it; one that merely mentions it keeps it. */
static void test_html_title_loses_named_site(void **state)
{
    (void)state;
    static const struct {
        const char *title, *want;
    } cases[] = {
        {"Ferry returns to the island | The Harbour Gazette",
         "Ferry returns to the island"},
        {"Ferry returns to the island \xE2\x80\x93 the harbour gazette",
         "Ferry returns to the island"},
        {"The Harbour Gazette - Ferry returns to the island",
         "Ferry returns to the island"},
        {"The Harbour Gazette wins a prize for its ferry reporting",
         "The Harbour Gazette wins a prize for its ferry reporting"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char in[1024];
        snprintf(in, sizeof in,
                 "<html><head><meta property=\"og:site_name\" content=\"The "
                 "Harbour Gazette\"><meta property=\"og:title\" "
                 "content=\"%s\"></head><body><article><p>The ferry to the "
                 "island sails again on Monday after three weeks of repairs "
                 "to both of its engines.</p></article></body></html>",
                 cases[i].title);
        precis_doc *doc = finish_as(in, PRECIS_INPUT_HTML);
        size_t len;
        const char *title = precis_doc_title(doc, &len);
        assert_non_null(title);
        if (len != strlen(cases[i].want) ||
            memcmp(title, cases[i].want, len) != 0)
            fail_msg("title \"%.*s\", want \"%s\"", (int)len, title,
                     cases[i].want);
        precis_doc_free(doc);
    }
}

static void test_html_title_without_site(void **state)
{
    (void)state;
    const char in[] =
        "<html><head><title>The Valley Post - Orchard harvest starts "
        "early after a warm spring</title></head><body><p>Farmers in the "
        "valley began picking apples two weeks early this year, after the "
        "warmest spring on record.</p></body></html>";
    precis_doc *doc = finish_as(in, PRECIS_INPUT_AUTO);
    size_t len;
    const char *title = precis_doc_title(doc, &len);
    const char *want = "Orchard harvest starts early after a warm spring";
    assert_non_null(title);
    assert_int_equal(len, strlen(want));
    assert_memory_equal(title, want, len);
    assert_null(precis_doc_site(doc));
    precis_doc_free(doc);
}

static void test_html_legacy_charset(void **state)
{
    (void)state;
    /* ISO-8859-1 bytes, declared by a meta tag. */
    const char in[] =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
        "charset=iso-8859-1\"></head><body><p>Le caf\xE9 du port a rouvert "
        "mardi apr\xE8s six semaines de travaux, selon la mairie de la "
        "ville.</p></body></html>";
    precis_doc *doc = finish_as(in, PRECIS_INPUT_HTML);
    assert_has(precis_doc_text(doc, NULL), "caf\xC3\xA9 du port");
    assert_has(precis_doc_text(doc, NULL), "apr\xC3\xA8s");
    precis_doc_free(doc);
}

static void test_html_json_ld_body(void **state)
{
    (void)state;
    /* The markup holds no article (a script builds it); JSON-LD has it. */
    const char in[] =
        "<html><head><script type=\"application/ld+json\">{\"@graph\":[{"
        "\"@type\":\"NewsArticle\",\"headline\":\"Library hours\","
        "\"datePublished\":\"2024-12-01\",\"articleBody\":\"The town "
        "library will open on Sundays from January, the council said. The "
        "change follows a survey of readers. Staff will work in turns, and "
        "no branch will close. Children's reading groups will meet on "
        "Sunday afternoons as well.\"}]}</script></head><body><div "
        "id=\"app\"></div><a href=\"/\">Home</a></body></html>";
    precis_doc *doc = finish_as(in, PRECIS_INPUT_AUTO);
    assert_has(precis_doc_text(doc, NULL), "open on Sundays");
    assert_string_equal(precis_doc_date(doc), "2024-12-01");
    precis_doc_free(doc);
}

static void test_html_without_text_fails(void **state)
{
    (void)state;
    const char in[] = "<!doctype html><html><body><script>var a = 'The "
                      "council met.';</script><style>p{}</style></body>"
                      "</html>";
    precis_options opt = precis_options_default();
    precis_doc *doc = precis_doc_new(ctx);
    precis_doc_feed(doc, in, sizeof in - 1);
    assert_int_equal(precis_doc_finish(doc, &opt), PRECIS_EEMPTY);
    precis_doc_free(doc);
}

/* Attributes present but empty (aria-hidden="", style="", role="",
 * class="") hide nothing and name nothing; reading them once took a null
 * pointer for the empty value (found by fuzzing, kept as
 * tests/fuzz/corpus/html/regress-empty-attribute). */
static void test_html_empty_attributes(void **state)
{
    (void)state;
    const char in[] =
        "<!doctype html><html><body><main role=\"\" class=\"\">"
        "<div aria-hidden=\"\"><p>The ferry to the island sails again on "
        "Monday after three weeks of repairs to its engines.</p></div>"
        "<p style=\"\" id=\"\">Residents said the crossing had been "
        "missed by everyone who works on the mainland.</p>"
        "</main></body></html>";
    precis_doc *doc = finish_as(in, PRECIS_INPUT_HTML);
    const char *text = precis_doc_text(doc, NULL);
    assert_has(text, "The ferry to the island sails again");
    assert_has(text, "Residents said the crossing");
    precis_doc_free(doc);
}

/* A name linked in a sentence may sit in a hover-card wrapper beside the
 * card of the person's biography: the name stays, the card goes; a
 * tooltip's word stays and its definition goes; a card on its own goes. */
static void test_html_hover_cards(void **state)
{
    (void)state;
    const char in[] =
        "<!doctype html><html><body><article>"
        "<p>The harbour board was questioned by Councillor "
        "<span class=\"rollover-people\"><a class=\"rollover-people-link\" "
        "href=\"/people/ann-marsh\">Ann Marsh</a><span "
        "class=\"rollover-people-block\"><img src=\"marsh.jpg\">Ann Marsh "
        "has sat on the council since 2009 and chairs its transport "
        "committee.</span></span> (Independent) about the ferry repairs on "
        "Monday evening.</p>"
        "<p>She asked why the <span class=\"tooltip\">slipway<span "
        "class=\"tooltip-text\">a ramp on which boats are moved to and from "
        "the water</span></span> had been closed for three weeks without "
        "notice to the island residents.</p>"
        "<p>The board said the engines had failed an inspection in "
        "March.<span class=\"hovercard\">Follow the Harbour Gazette on its "
        "channels for more local news every day.</span></p>"
        "</article></body></html>";
    precis_doc *doc = finish_as(in, PRECIS_INPUT_HTML);
    const char *text = precis_doc_text(doc, NULL);
    assert_has(text, "questioned by Councillor Ann Marsh (Independent) about");
    assert_lacks(text, "has sat on the council");
    assert_has(text, "why the slipway had been closed");
    assert_lacks(text, "a ramp on which");
    assert_lacks(text, "Follow the Harbour Gazette");
    precis_doc_free(doc);
}

/* Metadata from attributes keeps no invalid UTF-8: an unquoted value
 * reaches us with the page's own bytes (here a surrogate encoded as
 * UTF-8), which become U+FFFD as in the text (found by fuzzing). */
static void test_html_metadata_is_valid_utf8(void **state)
{
    (void)state;
    const char in[] =
        "<link rel=\"canonical\" href=https://news.example/a\xed\xa0\x80>"
        "<p>The ferry to the island sails again on Monday after three "
        "weeks of repairs to its engines.</p>";
    precis_doc *doc = finish_as(in, PRECIS_INPUT_HTML);
    const char *url = precis_doc_url(doc);
    assert_non_null(url);
    assert_true(u8_is_valid(url, strlen(url)));
    assert_has(url, "https://news.example/a\xef\xbf\xbd");
    precis_doc_free(doc);
}

static void test_input_text_reads_markup_as_text(void **state)
{
    (void)state;
    const char in[] = "<html><body><p>The council met on Monday to vote on "
                      "the budget for the coming year.</p></body></html>";
    precis_doc *doc = finish_as(in, PRECIS_INPUT_TEXT);
    assert_has(precis_doc_text(doc, NULL), "<p>");
    precis_doc_free(doc);
    precis_options opt = precis_options_default();
    opt.input = (precis_input)7;
    assert_int_equal(precis_options_check(&opt), PRECIS_EINVAL);
}

static void test_html_sniff(void **state)
{
    (void)state;
    static const char *const yes[] = {
        "<!DOCTYPE html><p>x", "\xEF\xBB\xBF<html>", "  \n<!-- c --><HTML>",
        "<head><title>t</title>", "<meta charset=utf-8>",
        "<?xml version=\"1.0\"?><html xmlns=\"x\">"};
    static const char *const no[] = {
        "The council met.", "<3 the new library", "< 5 apples",
        "<!-- never closed", "<?xml version=\"1.0\"?><rss></rss>", ""};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        if (!html_sniff(yes[i], strlen(yes[i])))
            fail_msg("not taken for HTML: %s", yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (html_sniff(no[i], strlen(no[i])))
            fail_msg("taken for HTML: %s", no[i]);
}

/* ==== Plain text ==== */

static void test_text_page_keeps_the_article(void **state)
{
    (void)state;
    const char in[] =
        "Home\nNews\nSport\nWeather\nBusiness\nCulture\nContact us\n"
        "Sign in\nSubscribe\n"
        "NEWS SPORT WEATHER\n"
        "Ferry timetable changes from April\n"
        "By Lena Ortiz\n"
        "The island ferry will sail twice more each day from April, the "
        "operator said on Friday, after a winter of complaints about "
        "crowded boats.\n"
        "An early crossing at six will serve commuters, and a late one "
        "will leave the mainland at eleven, so that visitors can stay for "
        "an evening.\n"
        "Fares stay the same\n"
        "Fares will not change this year, the operator added, though the "
        "price of a car ticket is under review.\n"
        "Residents welcomed the news, saying the old timetable had made it "
        "hard to reach hospital appointments on the mainland.\n"
        "Most read\n"
        "Storm closes the coast road\n"
        "Council approves new budget\n"
        "Museum reopens after repairs\n"
        "Home\nNews\nSport\nWeather\n"
        "Privacy\nTerms\nCookies\n"
        "We use cookies to make this site work, and you can change your "
        "settings at any time.\n";
    precis_doc *doc = finish_as(in, PRECIS_INPUT_AUTO);
    const char *text = precis_doc_text(doc, NULL);
    size_t len;
    const char *title = precis_doc_title(doc, &len);
    assert_non_null(title);
    assert_memory_equal(title, "Ferry timetable changes from April", len);
    assert_has(text, "The island ferry will sail");
    assert_has(text, "Fares stay the same"); /* between two paragraphs */
    assert_has(text, "hospital appointments");
    assert_lacks(text, "Weather");
    assert_lacks(text, "Storm closes");
    assert_lacks(text, "cookies");
    precis_doc_free(doc);
}

static void test_text_article_is_kept_whole(void **state)
{
    (void)state;
    /* A clean article: every line stays. */
    const char in[] =
        "Orchard harvest starts early\n\n"
        "Farmers in the valley began picking apples two weeks early this "
        "year, after the warmest spring on record.\n\n"
        "Why so early?\n\n"
        "Growers said the trees flowered in March, and the fruit ripened "
        "in the dry heat of August.\n";
    precis_doc *doc = finish_as(in, PRECIS_INPUT_AUTO);
    const char *text = precis_doc_text(doc, NULL);
    assert_has(text, "Farmers in the valley");
    assert_has(text, "Why so early?");
    assert_has(text, "Growers said");
    precis_doc_free(doc);
}

static void test_text_keep_boilerplate_keeps_all(void **state)
{
    (void)state;
    const char in[] =
        "Home\nNews\nSport\nWeather\n"
        "The island ferry will sail twice more each day from April, the "
        "operator said on Friday, after a winter of complaints.\n"
        "An early crossing at six will serve commuters, and a late one "
        "will leave the mainland at eleven.\n";
    precis_options opt = precis_options_default();
    opt.flags |= PRECIS_OPT_KEEP_BOILERPLATE;
    precis_doc *doc = precis_doc_new(ctx);
    precis_doc_feed(doc, in, sizeof in - 1);
    assert_int_equal(precis_doc_finish(doc, &opt), PRECIS_OK);
    assert_has(precis_doc_text(doc, NULL), "Weather");
    precis_doc_free(doc);
}

static void test_text_captions_and_teasers_go(void **state)
{
    (void)state;
    /* A caption beside its photo credit, a standfirst under the title
     * set apart by the byline and date, teasers glued to their
     * headlines or cut short. */
    const char in[] =
        "Home\nNews\nSport\nWeather\nBusiness\n"
        "Council votes to keep every branch library open\n"
        "The vote ends a year of argument over the town's budget.\n"
        "By Sam Reed\n"
        "4 March 2025\n"
        "Readers at the central library on a busy Saturday morning.\n"
        "Jo Park | Valley Images\n"
        "The town council voted on Tuesday to keep all six branch "
        "libraries open, reversing a plan that would have closed two of "
        "them to save money.\n"
        "Councillors said a public survey, answered by more than four "
        "thousand residents, had changed their minds, and that the "
        "savings would be found elsewhere in the budget.\n"
        "The libraries will also open on Sunday afternoons from April, "
        "staffed by volunteers and two new part-time librarians.\n"
        "More stories\n"
        "Harbour Bridge Reopens After Six Weeks Of Repair WorkThe bridge "
        "carried its first cars on Monday after engineers finished the "
        "new deck.\n"
        "Storm warning lifted for the islands as the wind drops and the "
        "ferries start to sail again..\n"
        "Privacy\nTerms\n";
    precis_doc *doc = finish_as(in, PRECIS_INPUT_AUTO);
    const char *text = precis_doc_text(doc, NULL);
    assert_has(text, "The town council voted on Tuesday");
    assert_has(text, "open on Sunday afternoons");
    assert_lacks(text, "Readers at the central library");
    assert_lacks(text, "The vote ends a year");
    assert_lacks(text, "Harbour Bridge");
    assert_lacks(text, "Storm warning");
    size_t len;
    const char *title = precis_doc_title(doc, &len);
    assert_non_null(title);
    assert_memory_equal(title, "Council votes to keep every branch library "
                               "open",
                        len);
    precis_doc_free(doc);
}

/* Whether needle occurs in s[0..len). */
static bool span_has(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(s + i, needle, n) == 0)
            return true;
    return false;
}

/* A standfirst between the headline and the body's own element (here an
 * h3, then the byline and the date) is not the body; a headline that is a
 * question is the title, not the body's first sentence. The lede inside
 * the body's element stays. */
static void test_html_standfirst_and_question_headline(void **state)
{
    (void)state;
    static const char deck_page[] =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>Will the old swimming baths close this summer? | Courier"
        "</title></head><body>"
        "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
        "<div class=\"page\"><header>"
        "<h1>Will the old swimming baths close this summer?</h1>"
        "<h3>The town may lose its oldest pool this summer, but a new one "
        "is on the way, the council promises, and the clubs will have "
        "somewhere to swim in the meantime.</h3>"
        "<div class=\"meta\"><span>By Kim Lee</span> "
        "<time datetime=\"2026-05-12\">12 May 2026</time></div></header>"
        "<div class=\"text\">"
        "<p>The council of Marlow Bridge voted on Tuesday night to close "
        "the old swimming baths at the end of the summer, after a survey "
        "found that the roof would cost more to repair than the building "
        "is worth.</p>"
        "<p>Residents had asked the council to keep the baths open until a "
        "new pool is built, but the leader of the council said the money "
        "was not there and that the site would be sold to pay for the new "
        "one.</p>"
        "<p>The new pool, on the edge of the town park, is due to open in "
        "the spring of next year if the builders keep to their plan, and "
        "the clubs will use the school pool until then.</p>"
        "<p>A petition against the closure had gathered more than two "
        "thousand names by the time of the vote, and its organisers say "
        "they will keep on with it until the new pool opens.</p>"
        "</div></div>"
        "<footer><p>Copyright 2026 Courier.</p></footer></body></html>";
    precis_doc *doc = finish_as(deck_page, PRECIS_INPUT_AUTO);
    size_t len;
    const char *title = precis_doc_title(doc, &len);
    assert_non_null(title);
    assert_int_equal(len,
                     strlen("Will the old swimming baths close this summer?"));
    for (size_t i = 0; i < precis_doc_sentence_count(doc); i++) {
        precis_sentence st;
        assert_int_equal(precis_doc_sentence(doc, i, &st), PRECIS_OK);
        assert_false(st.len == len && memcmp(st.text, title, len) == 0);
        assert_false(span_has(st.text, st.len, "council promises"));
    }
    const char *text = precis_doc_text(doc, NULL);
    assert_has(text, "The council of Marlow Bridge voted");
    assert_has(text, "until the new pool opens");
    precis_doc_free(doc);
}

/* A blog's post page: the post in its own <article> with the headline,
 * then "You may also like" and the teasers of other posts, each an
 * <article>, holding more prose together than the post. The article is
 * the one with the headline. */
static void test_html_post_among_teaser_articles(void **state)
{
    (void)state;
    static const char *const teasers[] = {
        "A walk by the river in the morning is the best way to start a "
        "day, with the birds, the mist and the quiet of the water before "
        "the town wakes up and the traffic begins.",
        "Gardens in winter have their own beauty, with frost on the "
        "branches and the low sun on the walls, and a gardener can plan "
        "the whole of the next year at the kitchen table.",
        "Old friends are the ones who know the stories we have forgotten, "
        "and a letter to one of them is worth more than a hundred "
        "messages sent in a hurry from the bus.",
        "Bread made at home takes time, but the smell of it in the house "
        "and the taste of the first slice with butter pay back every "
        "minute of the kneading and the waiting.",
    };
    static char page[8192];
    strcpy(page,
           "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<title>On patience | Quiet Words</title></head><body>"
           "<nav><a href=\"/\">Home</a> <a href=\"/a\">About</a></nav>"
           "<div class=\"content\"><article class=\"post\">"
           "<h1>On patience</h1>"
           "<p>Patience is not waiting with folded hands, but the habit of "
           "doing the next small thing well while the large thing takes "
           "its time, in work, in friendship and in the garden, where "
           "nothing grows faster for being pulled, and where the seasons "
           "teach what no hurry can, that most good things arrive at the "
           "pace of their own roots and not at the pace of our wishes, "
           "and that the waiting itself is part of the growing.</p>"
           "</article><div class=\"more\"><h3>You may also like</h3>");
    for (size_t i = 0; i < sizeof teasers / sizeof *teasers; i++) {
        strcat(page, "<article class=\"post\"><p>");
        strcat(page, teasers[i]);
        strcat(page, "</p><a href=\"/x\">Share</a></article>");
    }
    strcat(page, "</div></div><footer><p>Quiet Words 2026</p></footer>"
                 "</body></html>");
    precis_doc *doc = finish_as(page, PRECIS_INPUT_AUTO);
    const char *text = precis_doc_text(doc, NULL);
    assert_has(text, "Patience is not waiting with folded hands");
    assert_lacks(text, "walk by the river");
    assert_lacks(text, "Bread made at home");
    precis_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_article_is_found),
        cmocka_unit_test(test_html_standfirst_and_question_headline),
        cmocka_unit_test(test_html_post_among_teaser_articles),
        cmocka_unit_test(test_html_metadata),
        cmocka_unit_test(test_doc_set_site),
        cmocka_unit_test(test_html_title_loses_named_site),
        cmocka_unit_test(test_html_title_without_site),
        cmocka_unit_test(test_html_legacy_charset),
        cmocka_unit_test(test_html_json_ld_body),
        cmocka_unit_test(test_html_without_text_fails),
        cmocka_unit_test(test_html_empty_attributes),
        cmocka_unit_test(test_html_hover_cards),
        cmocka_unit_test(test_html_metadata_is_valid_utf8),
        cmocka_unit_test(test_input_text_reads_markup_as_text),
        cmocka_unit_test(test_html_sniff),
        cmocka_unit_test(test_text_page_keeps_the_article),
        cmocka_unit_test(test_text_article_is_kept_whole),
        cmocka_unit_test(test_text_keep_boilerplate_keeps_all),
        cmocka_unit_test(test_text_captions_and_teasers_go),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
