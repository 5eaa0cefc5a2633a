/* Unit tests: briefings (src/brief/, src/render/render_brief.c): stories
 * by event, headlines, sources by name, the cap and its count, the "also
 * in the news" list, budgets, and the Atom feed read back by the feed
 * reader. Every article is written for these tests. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "test_util.h"

#include "brief/group.h"

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

/* Two reports of a ferry returning, one of a school closing, one of a
 * football match; the first carries a sidebar. */
static const char *const articles[][2] = {
    {"news/courier/ferry.txt",
     "date 2026-03-14\n"
     "- 08:10Tram line to the airport opens a week early\n"
     "- 09:45Council votes to keep the night buses running\n"
     "Harbour ferry returns after winter repairs\n"
     "The Kettleby harbour ferry carried its first passengers in four "
     "months on Saturday after engineers replaced both of its engines.\n"
     "The ferry links the old town with the island villages, and about "
     "2,000 people a day used it before the repairs began in November.\n"
     "The operator, Bayline, said the new engines burn a third less fuel.\n"},
    {"news/post/ferry-back.html",
     "date 2026-03-14\n"
     "- 09:45Council votes to keep the night buses running\n"
     "- 10:30Storm warning lifted for the northern coast\n"
     "The Kettleby ferry is back on the water after four months of "
     "repairs, with Bayline engineers fitting two new engines.\n"
     "Island villagers had taken a replacement bus around the bay since "
     "November, adding forty minutes to every crossing.\n"
     "About 2,000 passengers a day used the Kettleby ferry before it was "
     "taken out of service for the engine work.\n"},
    {"news/courier/school.txt",
     "date 2026-03-13\n"
     "Ashby primary school to close in July\n"
     "Ashby primary school will close at the end of the summer term after "
     "the county council approved the merger of three village schools.\n"
     "The 46 pupils will move to the new school in Marden, four miles "
     "away, where a bus service will be provided.\n"
     "Parents said they were disappointed but understood the falling "
     "numbers of children in the valley.\n"},
    {"news/post/match.txt",
     "date 2026-03-14\n"
     "Rovers win the derby in the last minute\n"
     "Kettleby Rovers beat Ashby Town 2-1 with a header from Dan Okoro in "
     "the last minute of the derby on Saturday afternoon.\n"
     "Town had led through a penalty before half time, and Rovers "
     "equalised with twenty minutes left.\n"
     "The win lifts Rovers to third place in the league table.\n"},
};
#define N_ARTICLES (sizeof articles / sizeof articles[0])

static precis_brief *make_brief(const precis_brief_options *opt)
{
    precis_brief *b = precis_brief_new(ctx, opt);
    assert_non_null(b);
    for (size_t i = 0; i < N_ARTICLES; i++) {
        precis_doc *doc = precis_doc_new(ctx);
        assert_int_equal(precis_doc_feed(doc, articles[i][1],
                                         strlen(articles[i][1])),
                         PRECIS_OK);
        assert_int_equal(precis_doc_finish(doc, NULL), PRECIS_OK);
        assert_int_equal(precis_doc_summarize(doc, NULL), PRECIS_OK);
        precis_brief_item *it = precis_brief_item_new(doc, articles[i][0]);
        assert_non_null(it);
        assert_int_equal(precis_brief_add(b, it), PRECIS_OK);
        precis_doc_free(doc);
    }
    assert_int_equal(precis_brief_finish(b), PRECIS_OK);
    return b;
}

static void test_stories(void **state)
{
    (void)state;
    precis_brief *b = make_brief(NULL);
    assert_int_equal(precis_brief_article_count(b), 4);
    assert_int_equal(precis_brief_story_count(b), 3);
    assert_int_equal(precis_brief_more_count(b), 0);
    assert_string_equal(precis_brief_date(b), "2026-03-14");
    precis_story s;
    /* The two-source story comes first, its headline a title. */
    assert_int_equal(precis_brief_story(b, 0, &s), PRECIS_OK);
    assert_int_equal(s.n_sources, 2);
    assert_string_equal(s.source_names[0], "ferry");
    assert_string_equal(s.source_names[1], "ferry-back");
    assert_string_equal(s.sources[1], "news/post/ferry-back.html");
    assert_string_equal(s.headline, "Harbour ferry returns after winter repairs");
    for (size_t i = 0; i < precis_brief_story_count(b); i++) {
        assert_int_equal(precis_brief_story(b, i, &s), PRECIS_OK);
        assert_true(s.headline_len > 0 && s.headline_len <= 120);
        assert_true(s.n_sentences > 0 && s.n_sentences <= 3);
        /* Never the headline again as the first line. */
        assert_false(s.sentence_lens[0] == s.headline_len &&
                     memcmp(s.sentences[0], s.headline, s.headline_len) == 0);
    }
    assert_int_equal(precis_brief_story(b, 3, &s), PRECIS_EINVAL);
    /* Also in the news: three distinct items, newest first. */
    assert_int_equal(precis_brief_also_count(b), 3);
    precis_headline h;
    assert_int_equal(precis_brief_also(b, 0, &h), PRECIS_OK);
    assert_memory_equal(h.time, "10:30", 5);
    assert_int_equal(precis_brief_also(b, 2, &h), PRECIS_OK);
    assert_memory_equal(h.time, "08:10", 5);
    assert_int_equal(precis_brief_also(b, 3, &h), PRECIS_EINVAL);
    precis_brief_free(b);
}

static void test_cap_and_budget(void **state)
{
    (void)state;
    precis_brief_options opt = precis_brief_options_default();
    opt.top = 1;
    opt.sentences = 1;
    precis_brief *b = make_brief(&opt);
    assert_int_equal(precis_brief_story_count(b), 1);
    assert_int_equal(precis_brief_more_count(b), 2);
    precis_story s;
    assert_int_equal(precis_brief_story(b, 0, &s), PRECIS_OK);
    assert_int_equal(s.n_sentences, 1);
    precis_membuf m = {0};
    precis_sink sink = precis_sink_mem(&m);
    assert_int_equal(precis_brief_render(b, PRECIS_BRIEF_TEXT, 0, &sink),
                     PRECIS_OK);
    assert_non_null(strstr(m.data, "2 more stories"));
    assert_non_null(strstr(m.data, "Also in the news"));
    assert_non_null(strstr(m.data, "2 sources: ferry, ferry-back"));
    precis_membuf_free(&m);
    precis_brief_free(b);

    opt = precis_brief_options_default();
    opt.words = 5; /* the first sentence always comes, then nothing fits */
    b = make_brief(&opt);
    assert_int_equal(precis_brief_story(b, 0, &s), PRECIS_OK);
    assert_int_equal(s.n_sentences, 1);
    precis_brief_free(b);
}

static void test_bad_options(void **state)
{
    (void)state;
    precis_brief_options opt = precis_brief_options_default();
    memcpy(opt.date, "2026-02-30", 11);
    assert_null(precis_brief_new(ctx, &opt));
    assert_non_null(strstr(precis_ctx_errmsg(ctx), "2026-02-30"));
    opt = precis_brief_options_default();
    opt.threshold = 1.5;
    assert_null(precis_brief_new(ctx, &opt));
    opt = precis_brief_options_default();
    opt.sentences = 0;
    assert_null(precis_brief_new(ctx, &opt));
    assert_null(precis_brief_new(NULL, NULL));
}

/* The Atom feed is well-formed, and the feed reader reads it back. */
static void test_atom_round_trip(void **state)
{
    (void)state;
    precis_brief *b = make_brief(NULL);
    precis_membuf m = {0};
    precis_sink sink = precis_sink_mem(&m);
    assert_int_equal(precis_brief_render(b, PRECIS_BRIEF_ATOM, 0, &sink),
                     PRECIS_OK);
    assert_non_null(strstr(m.data, "xmlns=\"http://www.w3.org/2005/Atom\""));
    assert_non_null(strstr(m.data, "<updated>2026-03-14T00:00:00Z</updated>"));
    precis_feed *f = precis_feed_parse(ctx, m.data, m.len);
    assert_non_null(f);
    assert_int_equal(precis_feed_count(f), 3);
    precis_feed_entry e;
    assert_int_equal(precis_feed_item(f, 0, &e), PRECIS_OK);
    assert_string_equal(e.title, "Harbour ferry returns after winter repairs");
    assert_string_equal(e.date, "2026-03-14");
    assert_non_null(strstr(e.content, "Sources: ferry, ferry-back"));
    precis_feed_free(f);
    precis_membuf_free(&m);
    precis_brief_free(b);
}

/* A wire story carried by 200 outlets, word for word, is one story with
 * 200 sources, however common its terms become in the briefing; two
 * other stories stay apart from it. */
static void test_wire_story(void **state)
{
    (void)state;
    enum { COPIES = 200 };
    static const char wire[] =
        "date 2026-03-14\n"
        "Harbour bridge at Lowmarsh closes for repairs\n"
        "The Lowmarsh harbour bridge will close for six weeks from Monday "
        "while engineers replace 40 steel cables, the county council said.\n"
        "Ferries will run every 20 minutes between Lowmarsh and Eastholm "
        "during the works, which cost 3.2 million pounds.\n"
        "Traders on the quay fear fewer visitors over the Easter holiday.\n";
    precis_brief_options opt = precis_brief_options_default();
    opt.top = 0;
    precis_brief *b = precis_brief_new(ctx, &opt);
    assert_non_null(b);
    for (size_t i = 0; i < COPIES + 2; i++) {
        const char *text = i < COPIES ? wire : articles[i - COPIES + 2][1];
        char name[32];
        snprintf(name, sizeof name, "wire/outlet-%03zu.txt", i);
        precis_doc *doc = precis_doc_new(ctx);
        assert_int_equal(precis_doc_feed(doc, text, strlen(text)), PRECIS_OK);
        assert_int_equal(precis_doc_finish(doc, NULL), PRECIS_OK);
        assert_int_equal(precis_doc_summarize(doc, NULL), PRECIS_OK);
        precis_brief_item *it = precis_brief_item_new(doc, name);
        assert_non_null(it);
        assert_int_equal(precis_brief_add(b, it), PRECIS_OK);
        precis_doc_free(doc);
    }
    assert_int_equal(precis_brief_finish(b), PRECIS_OK);
    assert_int_equal(precis_brief_story_count(b), 3);
    precis_story s;
    assert_int_equal(precis_brief_story(b, 0, &s), PRECIS_OK);
    assert_int_equal(s.n_sources, COPIES);
    assert_non_null(strstr(s.headline, "Lowmarsh"));
    for (size_t k = 1; k < 3; k++) {
        assert_int_equal(precis_brief_story(b, k, &s), PRECIS_OK);
        assert_int_equal(s.n_sources, 1);
    }
    precis_brief_free(b);
}

/* A unit vector over terms 1.. with the given weights (normalised). */
static hvec vec_of(const double *w, size_t n)
{
    hterm t[8];
    for (size_t k = 0; k < n; k++)
        t[k] = (hterm){k + 1, w[k]};
    return hvec_make(t, n, n);
}

/* Average linkage does not chain: a and b are one story (cosine 0.6),
 * c is close to b (0.45) but far from a (0.1). At threshold 0.4 single
 * linkage would take c in through b; the mean cosine of c to the story
 * (0.275) keeps it apart. At 0.25 all three are one story, unless c is
 * dated weeks after them. */
static void test_group_linkage(void **state)
{
    (void)state;
    /* a = e1; b = 0.6 e1 + 0.8 e2; c = 0.1 e1 + y e2 + z e3 with
     * b.c = 0.06 + 0.8 y = 0.45. */
    double y = (0.45 - 0.06) / 0.8;
    double z = sqrt(1.0 - 0.01 - y * y);
    const double wa[] = {1.0}, wb[] = {0.6, 0.8}, wc[] = {0.1, y, z};
    hvec a = vec_of(wa, 1), b = vec_of(wb, 2), c = vec_of(wc, 3);
    assert_true(fabs(hvec_dot(&a, &b) - 0.6) < 1e-6);
    assert_true(fabs(hvec_dot(&b, &c) - 0.45) < 1e-6);
    assert_true(fabs(hvec_dot(&a, &c) - 0.1) < 1e-6);
    const hvec *vecs[] = {&a, &b, &c};
    size_t story[3];
    assert_int_equal(group_stories(vecs, NULL, 3, 0.4, story), 2);
    assert_int_equal(story[0], 0);
    assert_int_equal(story[1], 0);
    assert_int_equal(story[2], 1);
    assert_int_equal(group_stories(vecs, NULL, 3, 0.25, story), 1);
    const char *dates[] = {"2026-03-01", "2026-03-02", "2026-03-20"};
    assert_int_equal(group_stories(vecs, dates, 3, 0.25, story), 2);
    assert_int_equal(story[0], story[1]);
    assert_true(story[2] != story[0]);
    hvec_free(&a);
    hvec_free(&b);
    hvec_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stories),
        cmocka_unit_test(test_cap_and_budget),
        cmocka_unit_test(test_bad_options),
        cmocka_unit_test(test_atom_round_trip),
        cmocka_unit_test(test_wire_story),
        cmocka_unit_test(test_group_linkage),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
