/* Unit tests: RSS and Atom feeds (src/read/feed.c), and hostile ones: an
 * external entity naming a local file, an entity-expansion bomb, a
 * malformed document, something that is not a feed. The feeds are
 * written for these tests. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "test_util.h"

#include "read/feed.h"

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

static precis_feed *parse(const char *xml)
{
    precis_feed *f = precis_feed_parse(ctx, xml, strlen(xml));
    if (!f)
        fail_msg("parse: %s", precis_ctx_errmsg(ctx));
    return f;
}

static void test_rss(void **state)
{
    (void)state;
    static const char xml[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<rss version=\"2.0\" "
        "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n"
        "<channel><title>Kettleby Courier</title>\n"
        "<item><title>Bridge reopens &amp; traffic returns</title>\n"
        "<link>https://courier.example/bridge</link>\n"
        "<pubDate>Tue, 04 Nov 2025 12:20:00 GMT</pubDate>\n"
        "<description>&lt;p&gt;Short.&lt;/p&gt;</description>\n"
        "<content:encoded><![CDATA[<p>The bridge reopened on Monday.</p>"
        "<p>Drivers caf&eacute; 5 &lt; 6.</p>]]></content:encoded>\n"
        "</item>\n"
        "<item><title>Ferry timetable</title>"
        "<guid>https://courier.example/ferry</guid>"
        "<description>The ferry runs hourly.</description></item>\n"
        "</channel></rss>\n";
    precis_feed *f = parse(xml);
    assert_int_equal(precis_feed_count(f), 2);
    assert_string_equal(precis_feed_source(f), "Kettleby Courier");
    precis_feed_entry e;
    assert_int_equal(precis_feed_item(f, 0, &e), PRECIS_OK);
    assert_string_equal(e.title, "Bridge reopens & traffic returns");
    assert_string_equal(e.link, "https://courier.example/bridge");
    assert_string_equal(e.date, "2025-11-04");
    assert_string_equal(e.time, "12:20");
    assert_true(e.content_is_html);
    /* content:encoded, the fuller body, over the description; CDATA as
     * written (the entity in it is HTML's, for the HTML reader). */
    assert_non_null(strstr(e.content, "<p>The bridge reopened on Monday.</p>"));
    assert_non_null(strstr(e.content, "caf&eacute;"));
    assert_int_equal(precis_feed_item(f, 1, &e), PRECIS_OK);
    assert_string_equal(e.link, "https://courier.example/ferry"); /* guid */
    assert_null(e.date);
    assert_string_equal(e.content, "The ferry runs hourly.");
    assert_int_equal(precis_feed_item(f, 2, &e), PRECIS_EINVAL);
    assert_non_null(strstr(precis_ctx_errmsg(ctx), "out of range"));
    precis_feed_free(f);
}

static void test_atom(void **state)
{
    (void)state;
    static const char xml[] =
        "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n"
        "<!-- an Atom feed -->\n"
        "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        "<title type=\"text\">Harbour Notes</title>\n"
        "<entry><title>Quay works begin</title>\n"
        "<link rel=\"self\" href=\"https://n.example/self\"/>\n"
        "<link rel=\"alternate\" href=\"https://n.example/quay\"/>\n"
        "<updated>2026-01-09T08:00:00Z</updated>\n"
        "<published>2026-01-08T17:45:00+01:00</published>\n"
        "<summary>Works begin.</summary>\n"
        "<content type=\"html\">&lt;p&gt;The quay works begin on "
        "Friday.&lt;/p&gt;</content></entry>\n"
        "<entry><title>Xhtml entry</title>"
        "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
        "<p>First part.</p><p>Second part.</p></div></content></entry>\n"
        "</feed>\n";
    assert_true(feed_sniff(xml, strlen(xml)));
    precis_feed *f = parse(xml);
    assert_int_equal(precis_feed_count(f), 2);
    assert_string_equal(precis_feed_source(f), "Harbour Notes");
    precis_feed_entry e;
    assert_int_equal(precis_feed_item(f, 0, &e), PRECIS_OK);
    assert_string_equal(e.link, "https://n.example/quay");
    assert_string_equal(e.date, "2026-01-08"); /* published over updated */
    assert_string_equal(e.time, "17:45");
    assert_true(e.content_is_html);
    assert_string_equal(e.content, "<p>The quay works begin on Friday.</p>");
    assert_int_equal(precis_feed_item(f, 1, &e), PRECIS_OK);
    assert_false(e.content_is_html);
    assert_non_null(strstr(e.content, "First part."));
    assert_non_null(strstr(e.content, "Second part."));
    precis_feed_free(f);
}

static void test_rss1(void **state)
{
    (void)state;
    static const char xml[] =
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
        "xmlns=\"http://purl.org/rss/1.0/\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        "<channel><title>Valley Post</title></channel>"
        "<item><title>Mill reopens</title><link>https://v.example/mill</link>"
        "<dc:date>2025-12-01T09:30:00Z</dc:date>"
        "<description>The mill reopens.</description></item></rdf:RDF>";
    assert_true(feed_sniff(xml, strlen(xml)));
    precis_feed *f = parse(xml);
    assert_int_equal(precis_feed_count(f), 1);
    assert_string_equal(precis_feed_source(f), "Valley Post");
    precis_feed_entry e;
    assert_int_equal(precis_feed_item(f, 0, &e), PRECIS_OK);
    assert_string_equal(e.date, "2025-12-01");
    assert_string_equal(e.time, "09:30");
    precis_feed_free(f);
}

/* An item whose text is an entity naming a local file: the item comes,
 * without the file. */
static void test_external_entity(void **state)
{
    (void)state;
    char path[] = "/tmp/precis-secret-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *fp = fdopen(fd, "w");
    fputs("TOPSECRETCONTENT", fp);
    fclose(fp);
    char xml[1024];
    snprintf(xml, sizeof xml,
             "<?xml version=\"1.0\"?>\n"
             "<!DOCTYPE rss [<!ENTITY secret SYSTEM \"file://%s\">]>\n"
             "<rss><channel><title>T</title><item><title>Leak &secret;"
             "</title><description>Body &secret; here.</description></item>"
             "</channel></rss>",
             path);
    precis_feed *f = precis_feed_parse(ctx, xml, strlen(xml));
    unlink(path);
    assert_non_null(f); /* the feed is well-formed: it is read */
    {
        precis_feed_entry e;
        assert_int_equal(precis_feed_count(f), 1);
        assert_int_equal(precis_feed_item(f, 0, &e), PRECIS_OK);
        assert_null(strstr(e.title ? e.title : "", "TOPSECRET"));
        assert_null(strstr(e.content, "TOPSECRET"));
        precis_feed_free(f);
    }
}

/* Nested entities that would expand to gigabytes: a quick, bounded
 * answer (an error or items without the expansion). */
static void test_entity_bomb(void **state)
{
    (void)state;
    char xml[4096];
    size_t n = (size_t)snprintf(xml, sizeof xml,
                                "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
                                "<!ENTITY l0 \"laughlaughlaughlaughlaugh\">\n");
    for (int i = 1; i <= 10; i++)
        n += (size_t)snprintf(xml + n, sizeof xml - n,
                              "<!ENTITY l%d \"&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;"
                              "&l%d;&l%d;&l%d;&l%d;\">\n",
                              i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1,
                              i - 1, i - 1, i - 1, i - 1);
    snprintf(xml + n, sizeof xml - n,
             "]>\n<rss><channel><item><title>Bomb</title>"
             "<description>&l10;</description></item></channel></rss>");
    clock_t t0 = clock();
    precis_feed *f = precis_feed_parse(ctx, xml, strlen(xml));
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(secs < 5.0);
    if (f) {
        precis_feed_entry e;
        if (precis_feed_count(f) == 1) {
            assert_int_equal(precis_feed_item(f, 0, &e), PRECIS_OK);
            assert_true(e.content_len < 1000);
        }
        precis_feed_free(f);
    }
}

static void test_not_feeds(void **state)
{
    (void)state;
    static const char html[] = "<!DOCTYPE html><html><body>x</body></html>";
    assert_false(feed_sniff(html, strlen(html)));
    assert_null(precis_feed_parse(ctx, html, strlen(html)));
    static const char broken[] = "<rss><channel><item><title>Half";
    assert_true(feed_sniff(broken, strlen(broken)));
    assert_null(precis_feed_parse(ctx, broken, strlen(broken)));
    assert_non_null(strstr(precis_ctx_errmsg(ctx), "feed"));
    static const char nul[] = "<rss>\0</rss>";
    precis_feed *f = precis_feed_parse(ctx, nul, sizeof nul - 1);
    precis_feed_free(f); /* an error or an empty feed, never a crash */
    assert_null(precis_feed_parse(ctx, "", 0));
    static const char text[] = "Just an article.\nWith lines.";
    assert_false(feed_sniff(text, strlen(text)));
    static const char empty_channel[] = "<rss><channel/></rss>";
    f = parse(empty_channel);
    assert_int_equal(precis_feed_count(f), 0);
    precis_feed_free(f);
    precis_feed_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rss),
        cmocka_unit_test(test_atom),
        cmocka_unit_test(test_rss1),
        cmocka_unit_test(test_external_entity),
        cmocka_unit_test(test_entity_bomb),
        cmocka_unit_test(test_not_feeds),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
