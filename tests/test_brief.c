/* Unit tests: briefings (src/brief/, src/render/render_brief.c): stories
 * by event, headlines, sources by name, the cap and its count, the "also
 * in the news" list, budgets, and the Atom feed read back by the feed
 * reader. Every article is written for these tests. */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
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

/* Where each article was published: a web page, a javascript: URL (never
 * a link), a relative canonical (no use without its page), none. */
static const char *const urls[N_ARTICLES] = {
    "  https://courier.example/ferry?day=sat&pier=\"2\"  ",
    "javascript:alert(1)", "/school", NULL};
static bool with_urls;

static precis_brief *make_brief(const precis_brief_options *opt)
{
    precis_brief *b = precis_brief_new(ctx, opt);
    assert_non_null(b);
    for (size_t i = 0; i < N_ARTICLES; i++) {
        precis_doc *doc = precis_doc_new(ctx);
        assert_int_equal(precis_doc_feed(doc, articles[i][1],
                                         strlen(articles[i][1])),
                         PRECIS_OK);
        if (with_urls && urls[i])
            assert_int_equal(precis_doc_set_url(doc, urls[i]), PRECIS_OK);
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
    assert_int_equal(group_stories(vecs, NULL, NULL, 3, 1, 0.4, story), 2);
    assert_int_equal(story[0], 0);
    assert_int_equal(story[1], 0);
    assert_int_equal(story[2], 1);
    assert_int_equal(group_stories(vecs, NULL, NULL, 3, 1, 0.25, story), 1);
    const char *dates[] = {"2026-03-01", "2026-03-02", "2026-03-20"};
    assert_int_equal(group_stories(vecs, dates, NULL, 3, 1, 0.25, story), 2);
    assert_int_equal(story[0], story[1]);
    assert_true(story[2] != story[0]);
    hvec_free(&a);
    hvec_free(&b);
    hvec_free(&c);
}

/* Two short items (two terms, where a whole article has eight) with a
 * cosine of 0.3 are one story at threshold 0.4: each is scaled by
 * (8 / 2)^(1/4), capped at 1.265, so their cosine counts as 0.48. As
 * whole articles (full_terms 2) the same vectors stay apart; a short item
 * and a whole article (scales 1.265 and 1) with a cosine of 0.33 count as
 * 0.417. */
static void test_group_short_items(void **state)
{
    (void)state;
    double x = 0.3, y = sqrt(1.0 - x * x);
    const double wa[] = {1.0, 0.0}, wb[] = {x, y};
    hvec a = vec_of(wa, 2), b = vec_of(wb, 2);
    const hvec *vecs[] = {&a, &b};
    size_t story[2];
    assert_int_equal(group_stories(vecs, NULL, NULL, 2, 2, 0.4, story), 2);
    assert_int_equal(group_stories(vecs, NULL, NULL, 2, 8, 0.4, story), 1);
    /* c is a whole article of eight terms, its cosine to a 0.33. */
    double wc[8] = {0.33};
    for (size_t k = 1; k < 8; k++)
        wc[k] = sqrt((1.0 - 0.33 * 0.33) / 7.0);
    hvec c = vec_of(wc, 8);
    assert_true(fabs(hvec_dot(&a, &c) - 0.33) < 1e-6);
    const hvec *ac[] = {&a, &c};
    assert_int_equal(group_stories(ac, NULL, NULL, 2, 8, 0.4, story), 1);
    assert_int_equal(group_stories(ac, NULL, NULL, 2, 8, 0.45, story), 2);
    hvec_free(&a);
    hvec_free(&b);
    hvec_free(&c);
}

/* Groups whose leads name days of the week, none in common, stay apart
 * however close their words; a group naming several days joins one that
 * names any of them, and an article naming none joins either. */
static void test_group_weekdays(void **state)
{
    (void)state;
    const double wa[] = {1.0}, wb[] = {0.8, 0.6};
    hvec a = vec_of(wa, 1), b = vec_of(wb, 2);
    const hvec *vecs[] = {&a, &b};
    size_t story[2];
    const unsigned char tue = 1u << 1, wed = 1u << 2, fri = 1u << 4;
    const unsigned char apart[] = {tue, fri}, shared[] = {tue, tue | wed},
                        unnamed[] = {tue, 0};
    assert_int_equal(group_stories(vecs, NULL, apart, 2, 1, 0.3, story), 2);
    assert_int_equal(group_stories(vecs, NULL, shared, 2, 1, 0.3, story), 1);
    assert_int_equal(group_stories(vecs, NULL, unnamed, 2, 1, 0.3, story),
                     1);
    hvec_free(&a);
    hvec_free(&b);
}

/* The number of stories in a briefing of the n texts, read in language. */
static size_t stories_of(const char *language, const char *const *texts,
                         size_t n)
{
    precis_status st;
    precis_ctx *c = precis_ctx_new(language, NULL, &st);
    assert_non_null(c);
    precis_brief *b = precis_brief_new(c, NULL);
    assert_non_null(b);
    for (size_t i = 0; i < n; i++) {
        precis_doc *doc = precis_doc_new(c);
        assert_int_equal(precis_doc_feed(doc, texts[i], strlen(texts[i])),
                         PRECIS_OK);
        assert_int_equal(precis_doc_finish(doc, NULL), PRECIS_OK);
        assert_int_equal(precis_doc_summarize(doc, NULL), PRECIS_OK);
        char name[16];
        snprintf(name, sizeof name, "text-%zu", i);
        precis_brief_item *it = precis_brief_item_new(doc, name);
        assert_non_null(it);
        assert_int_equal(precis_brief_add(b, it), PRECIS_OK);
        precis_doc_free(doc);
    }
    assert_int_equal(precis_brief_finish(b), PRECIS_OK);
    size_t n_stories = precis_brief_story_count(b);
    precis_brief_free(b);
    precis_ctx_free(c);
    return n_stories;
}

/* The same people, two events: a court hearing on Tuesday (two reports)
 * and the charges on Friday. The leads' days keep them apart. */
static void test_leads_on_different_days(void **state)
{
    (void)state;
    const char *const english[] = {
        "Two former workers of the Kettleby paper mill appeared in court on "
        "Tuesday, charged with starting the fire that destroyed its "
        "warehouse in March. The magistrates sent the case to the crown "
        "court. Both men deny arson.",
        "Two former workers of the Kettleby paper mill were charged on "
        "Friday with starting the fire that destroyed its warehouse in "
        "March, police said. Both men will appear before the magistrates "
        "next week.",
        "Two former Kettleby paper mill workers accused of starting the "
        "March fire that destroyed the mill's warehouse appeared before "
        "the magistrates on Tuesday. The case was sent to the crown court, "
        "and both men deny arson."};
    assert_int_equal(stories_of("english", english, 3), 2);
    /* Portuguese writes the day with a hyphen, which the analyser splits;
     * Russian declines it ("в пятницу", on Friday). */
    const char *const portuguese[] = {
        "Dois antigos trabalhadores da fábrica de papel de Kettleby foram "
        "ouvidos em tribunal na segunda-feira, acusados de provocar o "
        "incêndio que destruiu o armazém em março.",
        "Dois antigos trabalhadores da fábrica de papel de Kettleby foram "
        "acusados na sexta-feira de provocar o incêndio que destruiu o "
        "armazém em março."};
    assert_int_equal(stories_of("portuguese", portuguese, 2), 2);
    const char *const russian[] = {
        "Двое бывших рабочих бумажной фабрики в Кеттлби предстали перед "
        "судом в понедельник по обвинению в поджоге склада в марте.",
        "Двоим бывшим рабочим бумажной фабрики в Кеттлби предъявили "
        "обвинение в пятницу в поджоге склада в марте."};
    assert_int_equal(stories_of("russian", russian, 2), 2);
}

/* Renders b in format into a string the caller frees. */
static char *render(const precis_brief *b, precis_brief_format format)
{
    precis_membuf m = {0};
    precis_sink sink = precis_sink_mem(&m);
    assert_int_equal(precis_brief_render(b, format, 0, &sink), PRECIS_OK);
    char *text = strndup(m.data, m.len);
    precis_membuf_free(&m);
    return text;
}

/* A source's URL becomes a link in every format that has links, escaped;
 * only an absolute http(s) URL does, and a source without one stays its
 * name. */
static void test_links(void **state)
{
    (void)state;
    precis_doc *doc = precis_doc_new(ctx);
    assert_int_equal(precis_doc_set_url(doc, "https://a.example/x y"),
                     PRECIS_EINVAL);
    assert_int_equal(precis_doc_set_url(doc, NULL), PRECIS_EINVAL);
    assert_int_equal(precis_doc_set_url(doc, "https://a.example/\xff"),
                     PRECIS_EINVAL);
    assert_int_equal(precis_doc_feed(doc, "Short text here.", 16), PRECIS_OK);
    assert_int_equal(precis_doc_set_url(doc, " https://a.example/x\n"),
                     PRECIS_OK);
    assert_int_equal(precis_doc_finish(doc, NULL), PRECIS_OK);
    assert_string_equal(precis_doc_url(doc), "https://a.example/x");
    assert_int_equal(precis_doc_set_url(doc, "https://b.example/"),
                     PRECIS_ESTATE);
    precis_doc_free(doc);

    with_urls = true;
    precis_brief *b = make_brief(NULL);
    with_urls = false;
    precis_story s;
    assert_int_equal(precis_brief_story(b, 0, &s), PRECIS_OK);
    assert_int_equal(s.n_sources, 2);
    assert_string_equal(s.source_urls[0],
                        "https://courier.example/ferry?day=sat&pier=\"2\"");
    assert_null(s.source_urls[1]); /* javascript: */
    for (size_t i = 1; i < precis_brief_story_count(b); i++) {
        assert_int_equal(precis_brief_story(b, i, &s), PRECIS_OK);
        assert_null(s.source_urls[0]); /* relative, or none */
    }
    char *md = render(b, PRECIS_BRIEF_MD);
    /* A source with a URL is named by its host, one without by its file. */
    assert_non_null(strstr(md, "*2 sources: [courier.example](<https://"
                               "courier.example/ferry?day=sat&pier=%222%22>), "
                               "ferry-back*"));
    /* The school story is of the day before the briefing's: dated. */
    assert_non_null(strstr(md, "*2026-03-13 \xC2\xB7 Source: school*"));
    free(md);
    char *html = render(b, PRECIS_BRIEF_HTML);
    assert_non_null(strstr(html, "<a href=\"https://courier.example/ferry?"
                                 "day=sat&amp;pier=%222%22\">courier.example"
                                 "</a>, ferry-back</p>"));
    assert_null(strstr(html, "javascript"));
    assert_null(strstr(html, "href=\"/school"));
    assert_non_null(strstr(html, "<time datetime=\"2026-03-13\">2026-03-13"
                                 "</time> \xC2\xB7 Source: school</p>"));
    free(html);
    char *json = render(b, PRECIS_BRIEF_JSON);
    assert_non_null(strstr(json, "\"url\":\"https://courier.example/ferry?"
                                 "day=sat&pier=\\\"2\\\"\"}"));
    assert_non_null(strstr(json, "\"name\":\"school\",\"file\":\"news/"
                                 "courier/school.txt\",\"url\":null"));
    free(json);
    /* Atom: the linked story's entry links to it, and reads back; the
     * others hold their text as content. */
    char *atom = render(b, PRECIS_BRIEF_ATOM);
    assert_non_null(strstr(atom, "<link href=\"https://courier.example/ferry?"
                                 "day=sat&amp;pier=&quot;2&quot;\"/>"));
    precis_feed *f = precis_feed_parse(ctx, atom, strlen(atom));
    assert_non_null(f);
    precis_feed_entry e;
    assert_int_equal(precis_feed_item(f, 0, &e), PRECIS_OK);
    assert_string_equal(e.link,
                        "https://courier.example/ferry?day=sat&pier=\"2\"");
    assert_int_equal(precis_feed_item(f, 1, &e), PRECIS_OK);
    assert_null(e.link);
    assert_non_null(strstr(e.content, "Source: "));
    precis_feed_free(f);
    free(atom);
    precis_brief_free(b);
}

/* Two pages of one site are one source to a reader: named once, with
 * their count. */
static void test_sources_by_site(void **state)
{
    (void)state;
    precis_brief *b = precis_brief_new(ctx, NULL);
    for (size_t i = 0; i < 2; i++) {
        precis_doc *doc = precis_doc_new(ctx);
        assert_int_equal(precis_doc_feed(doc, articles[i][1],
                                         strlen(articles[i][1])),
                         PRECIS_OK);
        assert_int_equal(precis_doc_finish(doc, NULL), PRECIS_OK);
        assert_int_equal(precis_doc_summarize(doc, NULL), PRECIS_OK);
        assert_int_equal(
            precis_brief_add(b, precis_brief_item_new(doc, "Courier")),
            PRECIS_OK);
        precis_doc_free(doc);
    }
    assert_int_equal(precis_brief_finish(b), PRECIS_OK);
    char *text = render(b, PRECIS_BRIEF_TEXT);
    assert_non_null(strstr(text, "2 sources: Courier (2)\n"));
    free(text);
    precis_brief_free(b);
}

/* A finished briefing of the n texts, each read in language (NULL: the
 * context's) and named "text-I". */
static precis_brief *brief_of(const char *const *texts, size_t n,
                              const char *language)
{
    precis_brief *b = precis_brief_new(ctx, NULL);
    for (size_t i = 0; i < n; i++) {
        precis_doc *doc = precis_doc_new(ctx);
        if (language)
            assert_int_equal(precis_doc_set_language(doc, language),
                             PRECIS_OK);
        assert_int_equal(precis_doc_feed(doc, texts[i], strlen(texts[i])),
                         PRECIS_OK);
        assert_int_equal(precis_doc_finish(doc, NULL), PRECIS_OK);
        assert_int_equal(precis_doc_summarize(doc, NULL), PRECIS_OK);
        char name[16];
        snprintf(name, sizeof name, "text-%zu", i);
        assert_int_equal(precis_brief_add(b, precis_brief_item_new(doc, name)),
                         PRECIS_OK);
        precis_doc_free(doc);
    }
    assert_int_equal(precis_brief_finish(b), PRECIS_OK);
    return b;
}

/* A story without a title gets a short headline from its lead that does
 * not end on a dangling word, and its summary does not say the lead
 * again. */
static void test_headline_from_lead(void **state)
{
    (void)state;
    static const char text[] =
        "(Wire) - The Kettleby harbour ferry (pictured) carried its first "
        "passengers in four months on Saturday after engineers from the "
        "Bayline yard replaced both of its engines over the winter. The ferry "
        "links the old town with the island villages, and about 2,000 people "
        "a day used it before the repairs began in November. The operator "
        "said the new engines burn a third less fuel than the old ones did.";
    const char *const texts[] = {text};
    precis_brief *b = brief_of(texts, 1, NULL);
    precis_story s;
    assert_int_equal(precis_brief_story(b, 0, &s), PRECIS_OK);
    /* Twelve words at most, less the "on" it would end on; without the
     * wire tag and the picture pointer. */
    assert_string_equal(s.headline, "The Kettleby harbour ferry carried its "
                                    "first passengers in four "
                                    "months\xE2\x80\xA6");
    for (size_t k = 0; k < s.n_sentences; k++)
        assert_null(strstr(s.sentences[k], "first passengers"));
    precis_brief_free(b);
}

/* The headline a one-article briefing of text in language makes. */
static char *lead_headline(const char *text, const char *language)
{
    const char *const texts[] = {text};
    precis_brief *b = brief_of(texts, 1, language);
    precis_story s;
    assert_int_equal(precis_brief_story(b, 0, &s), PRECIS_OK);
    char *headline = strdup(s.headline);
    precis_brief_free(b);
    return headline;
}

/* A lead whose first clause is only a name and its titles is not cut
 * there: the headline goes on to say what happened. */
static void test_headline_is_not_a_bare_name(void **state)
{
    (void)state;
    char *h = lead_headline(
        "Harbour Master Ann Marsh, 54, said on Monday that the Kettleby "
        "ferry will sail again on Saturday after four months of repairs. "
        "The operator said the new engines burn a third less fuel than the "
        "old ones did.",
        "english");
    assert_string_equal(h, "Harbour Master Ann Marsh, 54, said on Monday "
                           "that the Kettleby ferry\xE2\x80\xA6");
    free(h);
}

/* A headline cut from a lead in another language drops that language's
 * dangling words (its dangling.txt), not English ones. */
static void test_headline_dangling_by_language(void **state)
{
    (void)state;
    /* Twelve words end on "aux" (German: "nach"), neither an English one. */
    char *h = lead_headline(
        "Le nouveau pont de la ville de Kettleby a ouvert samedi aux voitures "
        "apr\xC3\xA8s deux ans de travaux sur la rive nord. Les habitants "
        "attendaient ce pont depuis la fermeture du bac en 2019. La mairie "
        "dit que le trafic du centre baissera d'un tiers.",
        "french");
    assert_string_equal(h, "Le nouveau pont de la ville de Kettleby a ouvert "
                           "samedi\xE2\x80\xA6");
    free(h);
    h = lead_headline(
        "Die neue Br\xC3\xBC" "cke \xC3\xBC" "ber den Fluss bei Kettleby wurde "
        "am Samstag nach zwei Jahren Bauzeit f\xC3\xBCr den Verkehr "
        "freigegeben. Die Anwohner hatten seit der Schlie\xC3\x9F" "ung der "
        "F\xC3\xA4hre auf sie gewartet. Die Stadt erwartet deutlich weniger "
        "Verkehr in der Altstadt.",
        "german");
    assert_string_equal(h, "Die neue Br\xC3\xBC" "cke \xC3\xBC" "ber den "
                           "Fluss bei Kettleby wurde am Samstag\xE2\x80\xA6");
    free(h);
}

/* Whether any story of b says needle in its headline or sentences. */
static bool brief_says(const precis_brief *b, const char *needle)
{
    for (size_t i = 0; i < precis_brief_story_count(b); i++) {
        precis_story s;
        assert_int_equal(precis_brief_story(b, i, &s), PRECIS_OK);
        if (strstr(s.headline, needle))
            return true;
        for (size_t k = 0; k < s.n_sentences; k++)
            if (strstr(s.sentences[k], needle))
                return true;
    }
    return false;
}

/* A wire story's dateline ("KETTLEBY, Westshire (Courier) — ") is not
 * read out in a briefing, headline or summary; a sentence that opens with
 * an acronym and a dash keeps it. */
static void test_datelines_dropped(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "KETTLEBY, Westshire (Courier) \xE2\x80\x94 The harbour ferry carried "
        "its first passengers in four months on Saturday. Engineers replaced "
        "both of its engines over the winter at the Bayline yard.",
        "BRANDMOUTH -- Volunteers planted four hundred oak saplings along the "
        "river path on Sunday morning. The council paid for the trees from "
        "its parks budget this year.",
        "(Wire) - Orchard growers in the valley began picking apples two "
        "weeks early after the warmest spring on record. Prices at the "
        "market fell by a tenth in the first week.",
        "NASA \xE2\x80\x94 the space agency \xE2\x80\x94 said on Monday that "
        "its new lunar rover had passed its final vacuum chamber test. The "
        "rover is due to fly late next year on a commercial lander.",
    };
    precis_brief *b = brief_of(texts, sizeof texts / sizeof *texts, NULL);
    assert_int_equal(precis_brief_story_count(b), 4);
    assert_false(brief_says(b, "KETTLEBY"));
    assert_false(brief_says(b, "Courier"));
    assert_false(brief_says(b, "BRANDMOUTH"));
    assert_false(brief_says(b, "(Wire)"));
    assert_true(brief_says(b, "The harbour ferry carried"));
    assert_true(brief_says(b, "Volunteers planted four hundred"));
    assert_true(brief_says(b, "Orchard growers in the valley"));
    assert_true(brief_says(b, "NASA \xE2\x80\x94 the space agency"));
    precis_brief_free(b);
}

/* A BMP's width: little-endian at byte 18. */
static uint32_t bmp_width(const precis_membuf *m)
{
    const unsigned char *p = (const unsigned char *)m->data + 18;
    return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

/* The ticker draws every story and "also in the news" item when they fit,
 * else the first ones that do (BMP: no libpng needed, and a file limit
 * that is easy to set). */
static void test_ticker_fits(void **state)
{
    (void)state;
    precis_brief *b = make_brief(NULL);
    precis_image_options o = precis_image_options_default();
    o.format = PRECIS_IMG_BMP;
    precis_membuf all = {0};
    precis_sink sink = precis_sink_mem(&all);
    size_t shown = 99;
    assert_int_equal(precis_brief_render_image(b, &o, &sink, &shown),
                     PRECIS_OK);
    assert_int_equal(shown, 3 + 3); /* three stories, three headlines */
    assert_true(all.len > 54 && memcmp(all.data, "BM", 2) == 0);
    /* One byte less than all of it: fewer items, within the limit. */
    o.max_bytes = all.len - 1;
    precis_membuf part = {0};
    sink = precis_sink_mem(&part);
    assert_int_equal(precis_brief_render_image(b, &o, &sink, &shown),
                     PRECIS_OK);
    assert_true(shown >= 1 && shown < 6);
    assert_true(part.len > 0 && part.len <= o.max_bytes);
    /* A strip is as wide as its text: fewer items, a narrower image. */
    assert_true(bmp_width(&part) < bmp_width(&all));
    /* Not even the first fits: an error, and nothing written. */
    o.max_bytes = 100;
    precis_membuf none = {0};
    sink = precis_sink_mem(&none);
    assert_int_equal(precis_brief_render_image(b, &o, &sink, &shown),
                     PRECIS_EIMAGE);
    assert_int_equal(shown, 0);
    assert_int_equal(none.len, 0);
    assert_non_null(strstr(precis_ctx_errmsg(ctx), "at most 100"));
    precis_membuf_free(&all);
    precis_membuf_free(&part);
    precis_membuf_free(&none);
    precis_brief_free(b);
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
        cmocka_unit_test(test_group_short_items),
        cmocka_unit_test(test_group_weekdays),
        cmocka_unit_test(test_leads_on_different_days),
        cmocka_unit_test(test_links),
        cmocka_unit_test(test_sources_by_site),
        cmocka_unit_test(test_headline_from_lead),
        cmocka_unit_test(test_datelines_dropped),
        cmocka_unit_test(test_headline_dangling_by_language),
        cmocka_unit_test(test_headline_is_not_a_bare_name),
        cmocka_unit_test(test_ticker_fits),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
