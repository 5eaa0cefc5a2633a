/* Tests for the text, Markdown and JSON renderers (src/render*.c).
 *
 * One program, four ways to run it:
 *
 *   test_render                        unit tests
 *   test_render --golden DIR CASE      renders DIR/CASE.txt as text,
 *                                      Markdown and JSON and compares with
 *                                      DIR/CASE.expected.{txt,md,json}
 *   test_render --regen DIR CASE       rewrites those expected files
 *                                      (tools/regen-golden; never in CI)
 *   test_render --commonmark [CMARK]   renders hostile text to Markdown,
 *                                      runs the CommonMark reference
 *                                      renderer on it and checks the HTML
 *                                      structure; exits 77 (skipped)
 *                                      without CMARK
 *
 * Golden inputs are articles as scraped (date prefix, headline sidebar
 * and all), run through the whole pipeline. A case may have
 * DIR/CASE.meta, lines of "KEY VALUE" ('#' starts a comment line):
 *
 *   sentences N        the summary budget (default 3)
 *   md-style STYLE     paragraph or bullets (default paragraph)
 *
 * CASE.expected.json holds the pretty form, whose diffs can be read;
 * test_json_layouts checks that the compact form is the same object. */
#include <errno.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "internal.h"
#include "test_util.h"
#include "util/utf8.h"

/* ==== Helpers ==== */

/* The whole of a file, NUL-terminated (malloc'd), or NULL with errno. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_put(&b, chunk, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        buf_free(&b);
        errno = EIO;
        return NULL;
    }
    return buf_detach(&b, len);
}

/* A sink that refuses every write. */
static int refuse(void *ud, const void *data, size_t len)
{
    (void)ud;
    (void)data;
    (void)len;
    return -1;
}

/* text through the real pipeline, summarised in the given number of
 * sentences. */
static precis_doc *summarize_text(precis_ctx *c, const char *text,
                                  size_t sentences)
{
    precis_status st;
    precis_doc *doc = finish_text(c, text, strlen(text), &st);
    if (!doc)
        fail_msg("finish: %s (%s)", precis_strerror(st),
                 precis_ctx_errmsg(c));
    precis_options opt = precis_options_default();
    opt.sentences = sentences;
    assert_int_equal(precis_doc_summarize(doc, &opt), PRECIS_OK);
    return doc;
}

enum fmt { FMT_TEXT, FMT_MD, FMT_JSON, FMT_JSON_PRETTY, FMT_HTML };

/* Renders doc in fmt and returns the output (malloc'd, NUL-terminated). */
static char *render(precis_doc *doc, enum fmt fmt, precis_md_style style,
                    const char *source)
{
    precis_membuf m = {0};
    precis_sink sink = precis_sink_mem(&m);
    precis_md_options mo = precis_md_options_default();
    mo.style = style;
    precis_status st = PRECIS_OK;
    switch (fmt) {
    case FMT_TEXT:
        st = precis_render_text(doc, &sink);
        break;
    case FMT_MD:
        st = precis_render_md(doc, &mo, &sink);
        break;
    case FMT_JSON:
        st = precis_render_json(doc, source, 0, &sink);
        break;
    case FMT_JSON_PRETTY:
        st = precis_render_json(doc, source, PRECIS_JSON_PRETTY, &sink);
        break;
    case FMT_HTML:
        st = precis_render_html(doc, &sink);
        break;
    }
    assert_int_equal(st, PRECIS_OK);
    if (!m.data)
        return strdup("");
    return m.data;
}

/* ==== Documents built by hand ====
 *
 * THESE WRITE THE DOCUMENT'S INTERNAL FIELDS DIRECTLY (src/internal.h),
 * the ones precis.c's accessors read, after summarize: the date, headline
 * items and keywords (doc->date, doc->meta, doc->headlines,
 * doc->keywords), and the text, title and sentences. Ingest and ranking
 * would never produce most of what goes in here (a headline time full of
 * asterisks, a sentence with a newline, a date of "<2025>"), and that is
 * the point: the renderers must hold up whatever the document holds. The
 * golden tests, by contrast, use the real pipeline only. */

typedef struct meta {
    const char *date;             /* NULL: leave the document's own */
    const char *const *headlines; /* time, text, time, text, ... */
    size_t n_headlines;
    const char *const *keywords;
    size_t n_keywords;
} meta;

static span meta_put(precis_doc *doc, const char *s)
{
    span sp = {doc->meta.len, strlen(s)};
    buf_put(&doc->meta, s, sp.len);
    return sp;
}

/* Keywords are spans of the text: after the sentences, out of their way. */
static span text_put(precis_doc *doc, const char *s)
{
    span sp = {doc->text.len, strlen(s)};
    buf_put(&doc->text, s, sp.len);
    return sp;
}

static void inject(precis_doc *doc, const meta *m)
{
    if (m->date) {
        memset(doc->date, 0, sizeof doc->date);
        strncpy(doc->date, m->date, sizeof doc->date - 1);
    }
    if (m->n_headlines) {
        doc->headlines =
            arena_array(&doc->mem, m->n_headlines, sizeof *doc->headlines);
        for (size_t i = 0; i < m->n_headlines; i++) {
            doc->headlines[i].time = meta_put(doc, m->headlines[2 * i]);
            doc->headlines[i].text = meta_put(doc, m->headlines[2 * i + 1]);
        }
        doc->n_headlines = m->n_headlines;
    }
    if (m->n_keywords) {
        doc->keywords =
            arena_array(&doc->mem, m->n_keywords, sizeof *doc->keywords);
        for (size_t i = 0; i < m->n_keywords; i++)
            doc->keywords[i] = text_put(doc, m->keywords[i]);
        doc->n_keywords = m->n_keywords;
    }
}

/* Replaces a summarised document's text, title and sentences with the
 * given ones (title may be NULL), every sentence in the summary, scores
 * as given (or 0). The sentences may hold anything, newlines included,
 * which real ones never do: that is the point. */
static void fake_content(precis_doc *doc, const char *title,
                         const char *const *sents, size_t n,
                         const double *scores)
{
    buf_clear(&doc->text);
    doc->has_title = title != NULL;
    if (title) {
        doc->title = (span){0, strlen(title)};
        buf_puts(&doc->text, title);
        buf_putc(&doc->text, '\n');
    }
    doc->sents = arena_array(&doc->mem, n, sizeof *doc->sents);
    doc->scores = arena_array(&doc->mem, n, sizeof *doc->scores);
    doc->summary = arena_array(&doc->mem, n, sizeof *doc->summary);
    for (size_t i = 0; i < n; i++) {
        doc->sents[i].off = doc->text.len;
        doc->sents[i].len = strlen(sents[i]);
        buf_puts(&doc->text, sents[i]);
        buf_putc(&doc->text, '\n');
        doc->scores[i] = scores ? scores[i] : 0.0;
        doc->summary[i] = i;
    }
    doc->n_sents = doc->n_summary = n;
}

/* A short real article every fake document starts from, so that the
 * context, language and state are what the pipeline makes them. */
static const char base_article[] =
    "The ferry to the island runs again after the storm.\n"
    "The ferry company said the crossing was safe again on Friday.\n"
    "Island shops had run short of bread and milk during the storm.\n";

static precis_ctx *ctx;

static int setup_ctx(void **state)
{
    (void)state;
    precis_status st;
    ctx = precis_ctx_new("english", NULL, &st);
    return ctx ? 0 : -1;
}

static int teardown_ctx(void **state)
{
    (void)state;
    precis_ctx_free(ctx);
    return 0;
}

/* A document with exactly the given title, sentences and metadata:
 * whatever the pipeline found (keywords, say) is dropped first. */
static precis_doc *fake_doc(const char *title, const char *const *sents,
                            size_t n, const meta *m)
{
    precis_doc *doc = summarize_text(ctx, base_article, 3);
    fake_content(doc, title, sents, n, NULL);
    memset(doc->date, 0, sizeof doc->date);
    doc->n_headlines = 0;
    doc->n_keywords = 0;
    doc->keywords_done = true; /* found: none, unless injected */
    doc->keyword_limit = 1000;
    if (m)
        inject(doc, m);
    return doc;
}

/* ==== Unit tests: text ==== */

/* A summary line leaves out the wire dateline its sentence opens with, in
 * every format, and its offset and length still point into the text. */
static void test_summary_without_dateline(void **state)
{
    (void)state;
    precis_doc *doc = summarize_text(
        ctx,
        "KETTLEBY, Westshire (Courier) \xE2\x80\x94 The harbour ferry carried "
        "its first passengers in four months on Saturday after its repairs. "
        "Engineers replaced both of its engines over the winter.",
        2);
    precis_sentence s;
    assert_int_equal(precis_doc_summary_sentence(doc, 0, &s), PRECIS_OK);
    assert_int_equal(s.len, strlen("The harbour ferry carried its first "
                                   "passengers in four months on Saturday "
                                   "after its repairs."));
    assert_memory_equal(s.text, "The harbour ferry", 17);
    assert_ptr_equal(s.text, precis_doc_text(doc, NULL) + s.offset);
    for (enum fmt f = FMT_TEXT; f <= FMT_HTML; f++) {
        char *out = render(doc, f, PRECIS_MD_PARAGRAPH, "courier");
        assert_null(strstr(out, "KETTLEBY"));
        assert_non_null(strstr(out, "The harbour ferry carried"));
        free(out);
    }
    /* The sentence itself, as split, keeps it. */
    assert_int_equal(precis_doc_sentence(doc, 0, &s), PRECIS_OK);
    assert_memory_equal(s.text, "KETTLEBY", 8);
    precis_doc_free(doc);
}

static void test_text_lines(void **state)
{
    (void)state;
    const char *s[] = {"First one.", "Second one.", "Third one."};
    precis_doc *doc = fake_doc("A title", s, 3, NULL);
    char *out = render(doc, FMT_TEXT, 0, NULL);
    assert_string_equal(out, "First one.\nSecond one.\nThird one.\n");
    free(out);
    precis_doc_free(doc);
}

/* ==== Unit tests: Markdown ==== */

static const char *const full_sents[] = {
    "The harbour bridge reopened on Monday.",
    "Repairs cost the city 14 million.",
    "Traffic was light in the morning.",
};
static const char *const full_heads[] = {
    "12:20",
    "Ferry timetable changes from Friday",
    "09:05",
    "Council votes on the bus fares",
};
static const char *const full_kws[] = {"harbour bridge", "repairs", "traffic"};
static const meta full_meta = {"2025-11-04", full_heads, 2, full_kws, 3};

static void test_md_layout_paragraph(void **state)
{
    (void)state;
    precis_doc *doc = fake_doc("Bridge reopens", full_sents, 3, &full_meta);
    char *out = render(doc, FMT_MD, PRECIS_MD_PARAGRAPH, NULL);
    assert_string_equal(out, "# Bridge reopens\n"
                             "\n"
                             "*2025-11-04*\n"
                             "\n"
                             "The harbour bridge reopened on Monday. Repairs "
                             "cost the city 14 million. Traffic was light in "
                             "the morning.\n"
                             "\n"
                             "**Keywords:** harbour bridge, repairs, traffic\n"
                             "\n"
                             "**Headlines:**\n"
                             "\n"
                             "- **12:20** Ferry timetable changes from Friday\n"
                             "- **09:05** Council votes on the bus fares\n");
    free(out);
    precis_doc_free(doc);
}

static void test_md_layout_bullets(void **state)
{
    (void)state;
    precis_doc *doc = fake_doc("Bridge reopens", full_sents, 3, &full_meta);
    char *out = render(doc, FMT_MD, PRECIS_MD_BULLETS, NULL);
    assert_string_equal(out, "# Bridge reopens\n"
                             "\n"
                             "*2025-11-04*\n"
                             "\n"
                             "- The harbour bridge reopened on Monday.\n"
                             "- Repairs cost the city 14 million.\n"
                             "- Traffic was light in the morning.\n"
                             "\n"
                             "**Keywords:** harbour bridge, repairs, traffic\n"
                             "\n"
                             "**Headlines:**\n"
                             "\n"
                             "- **12:20** Ferry timetable changes from Friday\n"
                             "- **09:05** Council votes on the bus fares\n");
    free(out);
    precis_doc_free(doc);
}

/* No title, date, keywords or headlines: only the summary. */
static void test_md_no_metadata(void **state)
{
    (void)state;
    precis_doc *doc = fake_doc(NULL, full_sents, 2, NULL);
    char *out = render(doc, FMT_MD, PRECIS_MD_PARAGRAPH, NULL);
    assert_true(out[0] != '#' && out[0] != '*' && out[0] != '\n');
    assert_null(strstr(out, "Keywords"));
    assert_null(strstr(out, "Headlines"));
    assert_string_equal(out, "The harbour bridge reopened on Monday. Repairs "
                             "cost the city 14 million.\n");
    free(out);
    precis_doc_free(doc);
}

/* Each input renders as the expected Markdown, one at a time as the only
 * sentence of a paragraph (the start of a block) and after a first
 * sentence "A." (the middle of a line). */
static void test_md_escapes(void **state)
{
    (void)state;
    static const char *const cases[][3] = {
        /* input, at the start of a block, in mid-line */
        {"*bold* and _em_", "\\*bold\\* and \\_em\\_", NULL},
        {"[link](http://x.org)", "\\[link\\](http://x.org)", NULL},
        {"![img](a.png)", "!\\[img\\](a.png)", NULL},
        {"<b>tag</b> & <http://x>", "\\<b\\>tag\\</b\\> & \\<http://x\\>",
         NULL},
        {"`code` ~~del~~ a|b", "\\`code\\` \\~\\~del\\~\\~ a\\|b", NULL},
        {"&amp; &#42; AT&T & co", "\\&amp; \\&\\#42; AT\\&T & co", NULL},
        {"back\\slash", "back\\\\slash", NULL},
        {"# Not a heading #", "\\# Not a heading \\#", NULL},
        {"> not a quote", "\\> not a quote", NULL},
        {"1. not a list", "1\\. not a list", "1. not a list"},
        {"2024) not a list", "2024\\) not a list", "2024) not a list"},
        {"2024-11-04 is a date", "2024-11-04 is a date", NULL},
        {"- not a bullet", "\\- not a bullet", "- not a bullet"},
        {"+ not a bullet", "\\+ not a bullet", "+ not a bullet"},
        {"=== not a heading", "\\=== not a heading", "=== not a heading"},
        {"U.S. (AP) says: yes!", "U.S. (AP) says: yes!", NULL},
        {"  \t   indented code?  ", "indented code?", "indented code?"},
        {"line\nbreak\r\tand\x01 more", "line break  and  more", NULL},
        {"Zürich — 東京", "Zürich — 東京", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *in = cases[i][0];
        const char *start = cases[i][1];
        const char *mid = cases[i][2] ? cases[i][2] : start;
        precis_doc *doc = fake_doc(NULL, &in, 1, NULL);
        char *out = render(doc, FMT_MD, PRECIS_MD_PARAGRAPH, NULL);
        char want[256];
        snprintf(want, sizeof want, "%s\n", start);
        if (strcmp(out, want) != 0)
            fail_msg("start of block: \"%s\" gave \"%s\", want \"%s\"", in, out,
                     want);
        free(out);
        precis_doc_free(doc);

        const char *two[] = {"A.", in};
        doc = fake_doc(NULL, two, 2, NULL);
        out = render(doc, FMT_MD, PRECIS_MD_PARAGRAPH, NULL);
        snprintf(want, sizeof want, "A. %s\n", mid);
        if (strcmp(out, want) != 0)
            fail_msg("mid-line: \"%s\" gave \"%s\", want \"%s\"", in, out,
                     want);
        free(out);
        precis_doc_free(doc);
    }
}

/* Escaping reaches every piece: title, date, keywords, headline times and
 * texts; pieces that are only white space are left out. */
static void test_md_escapes_metadata(void **state)
{
    (void)state;
    const char *heads[] = {"*1*", "_x_ [y]", "",      "1. no time",
                           " ",   " \t",     "07:00", ""};
    const char *kws[] = {"a*b", "  ", "#tag"};
    meta m = {"<2025>", heads, 4, kws, 3};
    const char *s[] = {"Body.", " \n "};
    precis_doc *doc = fake_doc("Title with ` and # #", s, 2, &m);
    char *out = render(doc, FMT_MD, PRECIS_MD_BULLETS, NULL);
    assert_string_equal(out, "# Title with \\` and \\# \\#\n"
                             "\n"
                             "*\\<2025\\>*\n"
                             "\n"
                             "- Body.\n"
                             "\n"
                             "**Keywords:** a\\*b, \\#tag\n"
                             "\n"
                             "**Headlines:**\n"
                             "\n"
                             "- **\\*1\\*** \\_x\\_ \\[y\\]\n"
                             "- 1\\. no time\n"
                             "- **07:00**\n");
    free(out);
    precis_doc_free(doc);
}

static void test_md_options(void **state)
{
    (void)state;
    precis_md_options d = precis_md_options_default();
    assert_int_equal(d.style, PRECIS_MD_PARAGRAPH);
    precis_md_style st = PRECIS_MD_PARAGRAPH;
    assert_int_equal(precis_md_style_parse("bullets", &st), PRECIS_OK);
    assert_int_equal(st, PRECIS_MD_BULLETS);
    assert_int_equal(precis_md_style_parse("paragraph", &st), PRECIS_OK);
    assert_int_equal(st, PRECIS_MD_PARAGRAPH);
    assert_int_equal(precis_md_style_parse("Bullets", &st), PRECIS_EINVAL);
    assert_int_equal(precis_md_style_parse("", &st), PRECIS_EINVAL);
    assert_int_equal(precis_md_style_parse(NULL, &st), PRECIS_EINVAL);
    assert_int_equal(st, PRECIS_MD_PARAGRAPH);

    precis_doc *doc = summarize_text(ctx, base_article, 1);
    precis_membuf m = {0};
    precis_sink sink = precis_sink_mem(&m);
    precis_md_options bad = {(precis_md_style)7};
    assert_int_equal(precis_render_md(doc, &bad, &sink), PRECIS_EINVAL);
    assert_int_equal(m.len, 0);
    /* NULL options are the defaults. */
    assert_int_equal(precis_render_md(doc, NULL, &sink), PRECIS_OK);
    assert_true(m.len > 0);
    precis_membuf_free(&m);
    precis_doc_free(doc);
}

/* ==== Unit tests: every renderer ==== */

static void test_render_before_summarize(void **state)
{
    (void)state;
    precis_status st;
    precis_doc *doc =
        finish_text(ctx, base_article, sizeof base_article - 1, &st);
    assert_non_null(doc);
    precis_membuf m = {0};
    precis_sink sink = precis_sink_mem(&m);
    assert_int_equal(precis_render_text(doc, &sink), PRECIS_ESTATE);
    assert_int_equal(precis_render_md(doc, NULL, &sink), PRECIS_ESTATE);
    assert_int_equal(precis_render_json(doc, "x", 0, &sink), PRECIS_ESTATE);
    assert_int_equal(m.len, 0);
    precis_doc_free(doc);
}

static void test_render_sink_failure(void **state)
{
    (void)state;
    precis_doc *doc = summarize_text(ctx, base_article, 2);
    precis_sink sink = {refuse, NULL};
    assert_int_equal(precis_render_text(doc, &sink), PRECIS_EIO);
    assert_int_equal(precis_render_md(doc, NULL, &sink), PRECIS_EIO);
    assert_non_null(strstr(precis_ctx_errmsg(ctx), "write failed"));
    assert_int_equal(precis_render_json(doc, "x", 0, &sink), PRECIS_EIO);
    assert_int_equal(precis_render_json(doc, "x", PRECIS_JSON_PRETTY, &sink),
                     PRECIS_EIO);
    precis_doc_free(doc);
}

/* Output larger than the renderers' internal chunk arrives whole. */
static void test_render_long_output(void **state)
{
    (void)state;
    enum { N = 400 };
    static char texts[N][64];
    const char *s[N];
    size_t want = 0;
    for (size_t i = 0; i < N; i++) {
        snprintf(texts[i], sizeof texts[i],
                 "Sentence number %zu of a long summary.", i);
        s[i] = texts[i];
        want += strlen(texts[i]) + 1;
    }
    precis_doc *doc = fake_doc(NULL, s, N, NULL);
    char *out = render(doc, FMT_TEXT, 0, NULL);
    assert_int_equal(strlen(out), want);
    assert_non_null(strstr(out, "number 399 of"));
    free(out);
    out = render(doc, FMT_MD, PRECIS_MD_BULLETS, NULL);
    assert_int_equal(strlen(out), want + 2 * N);
    free(out);
    precis_doc_free(doc);
}

/* ==== Unit tests: JSON ==== */

static json_t *parse(const char *text)
{
    json_error_t err;
    json_t *root = json_loads(text, JSON_ALLOW_NUL, &err);
    if (!root)
        fail_msg("invalid JSON at line %d: %s\n%s", err.line, err.text, text);
    return root;
}

static const char *get_str(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_string(v))
        fail_msg("\"%s\" is not a string", key);
    return json_string_value(v);
}

static void test_json_schema(void **state)
{
    (void)state;
    precis_doc *doc = fake_doc("Bridge reopens", full_sents, 3, &full_meta);
    doc->scores[0] = 0.5;
    doc->scores[1] = 0.123456;
    doc->scores[2] = 1.0 / 3.0;
    doc->summary[1] = 2; /* summary: sentences 0 and 2 */
    doc->n_summary = 2;
    char *out = render(doc, FMT_JSON, 0, "news/bridge.txt");
    json_t *root = parse(out);

    const char *keys[] = {"version",  "source",    "title",    "date",
                          "language", "sentences", "keywords", "headlines"};
    assert_int_equal(json_object_size(root), 8);
    size_t k = 0;
    const char *key;
    json_t *value;
    json_object_foreach(root, key, value)
    {
        (void)value;
        assert_string_equal(key, keys[k++]); /* documented order */
    }
    assert_int_equal(json_integer_value(json_object_get(root, "version")),
                     PRECIS_JSON_VERSION);
    assert_string_equal(get_str(root, "source"), "news/bridge.txt");
    assert_string_equal(get_str(root, "title"), "Bridge reopens");
    assert_string_equal(get_str(root, "date"), "2025-11-04");
    assert_string_equal(get_str(root, "language"), precis_doc_language(doc));

    json_t *sents = json_object_get(root, "sentences");
    assert_true(json_is_array(sents));
    assert_int_equal(json_array_size(sents), 2);
    size_t text_len;
    const char *text = precis_doc_text(doc, &text_len);
    const size_t want_index[] = {0, 2};
    for (size_t i = 0; i < 2; i++) {
        json_t *s = json_array_get(sents, i);
        assert_int_equal(json_object_size(s), 5);
        json_t *idx = json_object_get(s, "index");
        json_t *off = json_object_get(s, "offset");
        json_t *len = json_object_get(s, "length");
        assert_true(json_is_integer(idx) && json_is_integer(off) &&
                    json_is_integer(len));
        assert_true(json_is_real(json_object_get(s, "score")));
        assert_int_equal(json_integer_value(idx), want_index[i]);
        /* offset and length locate the text in precis_doc_text. */
        size_t o = (size_t)json_integer_value(off);
        size_t n = (size_t)json_integer_value(len);
        assert_true(o + n <= text_len);
        const char *t = get_str(s, "text");
        assert_int_equal(strlen(t), n);
        assert_memory_equal(text + o, t, n);
        assert_string_equal(t, full_sents[want_index[i]]);
    }
    /* Rounded to 4 decimals, printed without binary noise. */
    assert_non_null(strstr(out, "\"score\":0.5,"));
    assert_non_null(strstr(out, "\"score\":0.3333,"));
    assert_null(strstr(out, "0.1235")); /* sentence 1 is not in the summary */

    json_t *kws = json_object_get(root, "keywords");
    assert_int_equal(json_array_size(kws), 3);
    assert_string_equal(json_string_value(json_array_get(kws, 0)),
                        "harbour bridge");
    json_t *heads = json_object_get(root, "headlines");
    assert_int_equal(json_array_size(heads), 2);
    json_t *h = json_array_get(heads, 1);
    assert_int_equal(json_object_size(h), 2);
    assert_string_equal(get_str(h, "time"), "09:05");
    assert_string_equal(get_str(h, "text"), "Council votes on the bus fares");

    json_decref(root);
    free(out);
    precis_doc_free(doc);
}

/* What a document lacks is null (title, date) or [] (keywords,
 * headlines), never missing; source NULL is null. */
static void test_json_absent(void **state)
{
    (void)state;
    precis_doc *doc = fake_doc(NULL, full_sents, 2, NULL);
    char *out = render(doc, FMT_JSON, 0, NULL);
    json_t *root = parse(out);
    assert_true(json_is_null(json_object_get(root, "source")));
    assert_true(json_is_null(json_object_get(root, "title")));
    assert_true(json_is_null(json_object_get(root, "date")));
    json_t *kws = json_object_get(root, "keywords");
    json_t *heads = json_object_get(root, "headlines");
    assert_true(json_is_array(kws) && json_array_size(kws) == 0);
    assert_true(json_is_array(heads) && json_array_size(heads) == 0);
    assert_int_equal(json_array_size(json_object_get(root, "sentences")), 2);
    json_decref(root);
    free(out);
    precis_doc_free(doc);
}

/* UTF-8 comes out as UTF-8, control characters as escapes, and both come
 * back byte for byte. */
static void test_json_text_survives(void **state)
{
    (void)state;
    const char *title = "Zürich — 東京 \xF0\x9F\x9A\x80 «quotes»";
    const char *s[] = {"Tab\there, \"quotes\", back\\slash, bell\x07.",
                       "Line\nbreak and \x01\x1f\x7f controls."};
    const char *heads[] = {"12:20", "Ünïcödé \u2028 separator"};
    meta m = {NULL, heads, 1, NULL, 0};
    precis_doc *doc = fake_doc(title, s, 2, &m);
    char *out = render(doc, FMT_JSON, 0, "dir/naïve.txt");
    assert_non_null(strstr(out, "Zürich — 東京")); /* not \u-escaped */
    assert_non_null(strstr(out, "\\t"));
    assert_non_null(strstr(out, "\\u0001"));
    json_t *root = parse(out);
    assert_string_equal(get_str(root, "title"), title);
    assert_string_equal(get_str(root, "source"), "dir/naïve.txt");
    json_t *sents = json_object_get(root, "sentences");
    assert_string_equal(get_str(json_array_get(sents, 0), "text"), s[0]);
    assert_string_equal(get_str(json_array_get(sents, 1), "text"), s[1]);
    json_t *h = json_array_get(json_object_get(root, "headlines"), 0);
    assert_string_equal(get_str(h, "text"), heads[1]);
    json_decref(root);
    free(out);
    precis_doc_free(doc);
}

/* A source name that is not UTF-8 (file names are bytes) is repaired, not
 * dropped and not an error. */
static void test_json_bad_source(void **state)
{
    (void)state;
    precis_doc *doc = summarize_text(ctx, base_article, 1);
    char *out = render(doc, FMT_JSON, 0, "caf\xE9.txt");
    json_t *root = parse(out);
    assert_string_equal(get_str(root, "source"), "caf\xEF\xBF\xBD.txt");
    json_decref(root);
    free(out);
    precis_doc_free(doc);
}

/* Compact output is one line (JSON Lines); pretty output is the same
 * object over several lines; unknown flags are refused. */
static void test_json_layouts(void **state)
{
    (void)state;
    precis_doc *doc = fake_doc("Bridge reopens", full_sents, 3, &full_meta);
    char *compact = render(doc, FMT_JSON, 0, "a.txt");
    char *pretty = render(doc, FMT_JSON_PRETTY, 0, "a.txt");
    size_t n = strlen(compact);
    assert_true(n > 2 && compact[0] == '{' && compact[n - 1] == '\n');
    assert_ptr_equal(strchr(compact, '\n'), compact + n - 1);
    assert_null(strstr(compact, "\": ")); /* compact separators */
    assert_non_null(strstr(pretty, "\n  \"version\": 1,\n"));
    assert_int_equal(pretty[strlen(pretty) - 1], '\n');
    json_t *a = parse(compact), *b = parse(pretty);
    assert_true(json_equal(a, b));
    json_decref(a);
    json_decref(b);

    /* Two documents in a row make two JSON Lines. */
    precis_membuf m = {0};
    precis_sink sink = precis_sink_mem(&m);
    assert_int_equal(precis_render_json(doc, "a.txt", 0, &sink), PRECIS_OK);
    assert_int_equal(precis_render_json(doc, "b.txt", 0, &sink), PRECIS_OK);
    assert_int_equal(m.len, 2 * n);
    precis_membuf_free(&m);

    assert_int_equal(precis_render_json(doc, "a.txt", 1u << 5, &sink),
                     PRECIS_EINVAL);
    assert_int_equal(m.len, 0);
    free(compact);
    free(pretty);
    precis_doc_free(doc);
}

static void test_json_scores(void **state)
{
    (void)state;
    const char *s[] = {"One.", "Two.", "Three.", "Four.", "Five.", "Six."};
    const double scores[] = {0.123456789, 0.00004, -0.00004,
                             2.0 / 3.0,   12.5,    1e-4};
    precis_doc *doc = fake_doc(NULL, s, 6, NULL);
    fake_content(doc, NULL, s, 6, scores);
    char *out = render(doc, FMT_JSON, 0, NULL);
    const char *want[] = {"\"score\":0.1235,", "\"score\":0.0,",
                          "\"score\":0.0,",    "\"score\":0.6667,",
                          "\"score\":12.5,",   "\"score\":0.0001,"};
    const char *p = out;
    for (size_t i = 0; i < 6; i++) {
        const char *hit = strstr(p, want[i]);
        if (!hit)
            fail_msg("score %zu: no %s after ...%s", i, want[i], p);
        p = hit + 1;
    }
    assert_null(strstr(out, "-0.0"));
    free(out);
    precis_doc_free(doc);
}

/* ==== Unit tests: HTML ==== */

static char *render_html(precis_doc *doc)
{
    precis_membuf m = {0};
    precis_sink sink = precis_sink_mem(&m);
    assert_int_equal(precis_render_html(doc, &sink), PRECIS_OK);
    return m.data ? m.data : strdup("");
}

/* The page's structure: title, date, one paragraph a sentence, keywords,
 * headlines, and nothing that loads or runs. */
static void test_html_layout(void **state)
{
    (void)state;
    precis_doc *doc =
        fake_doc("Harbour bridge reopens", full_sents, 2, &full_meta);
    char *out = render_html(doc);
    assert_non_null(strstr(out, "<!DOCTYPE html>\n<html lang=\"en\">"));
    assert_non_null(strstr(out, "<title>Harbour bridge reopens</title>"));
    assert_non_null(strstr(out, "<h1>Harbour bridge reopens</h1>"));
    assert_non_null(
        strstr(out, "<time datetime=\"2025-11-04\">2025-11-04</time>"));
    char want[512];
    snprintf(want, sizeof want, "<p>%s</p>\n<p>%s</p>\n", full_sents[0],
             full_sents[1]);
    assert_non_null(strstr(out, want));
    assert_non_null(strstr(out, "<strong>Keywords:</strong> harbour bridge, "
                                "repairs, traffic</p>"));
    assert_non_null(strstr(out, "<li><time>"));
    assert_null(strstr(out, "<script"));
    assert_null(strstr(out, "src="));
    assert_null(strstr(out, "href="));
    assert_non_null(strstr(out, "default-src 'none'"));
    assert_string_equal(out + strlen(out) - 8, "</html>\n");
    free(out);
    precis_doc_free(doc);
}

/* Hostile text stays text: every < > & " ' from the input is an entity,
 * control characters are spaces, and no tag or attribute can be opened. */
static void test_html_escapes(void **state)
{
    (void)state;
    static const char *const heads[] = {"<b>", "</time><script>x</script>"};
    static const char *const kws[] = {"\"quoted\"", "it's"};
    const meta m = {"\"><i x=", heads, 1, kws, 2}; /* dates hold 10 bytes */
    const char *sents[] = {"</p><script>alert(1)</script> & co.",
                           "A \"quote\" and 'single' <!-- comment -->\x01."};
    precis_doc *doc =
        fake_doc("</title><script>alert('t')</script>", sents, 2, &m);
    char *out = render_html(doc);
    assert_null(strstr(out, "<script"));
    assert_null(strstr(out, "<img"));
    assert_null(strstr(out, "<!--"));
    assert_null(strstr(out, "<b>"));
    assert_non_null(strstr(out, "<title>&lt;/title&gt;&lt;script&gt;alert("
                                "&#39;t&#39;)&lt;/script&gt;</title>"));
    assert_non_null(strstr(out, "<p>&lt;/p&gt;&lt;script&gt;alert(1)&lt;/"
                                "script&gt; &amp; co.</p>"));
    assert_non_null(strstr(out, "A &quot;quote&quot; and &#39;single&#39; "
                                "&lt;!-- comment --&gt; ."));
    assert_non_null(strstr(out, "datetime=\"&quot;&gt;&lt;i x=\""));
    assert_null(strstr(out, "<i "));
    assert_non_null(strstr(out, "&quot;quoted&quot;, it&#39;s"));
    free(out);
    precis_doc_free(doc);
}

/* No title: the page is still whole, titled "Summary", without an h1. */
static void test_html_untitled(void **state)
{
    (void)state;
    const char *s[] = {"Only one sentence."};
    precis_doc *doc = fake_doc(NULL, s, 1, NULL);
    char *out = render_html(doc);
    assert_non_null(strstr(out, "<title>Summary</title>"));
    assert_null(strstr(out, "<h1>"));
    assert_null(strstr(out, "Keywords"));
    assert_null(strstr(out, "class=\"headlines\""));
    assert_non_null(strstr(out, "<p>Only one sentence.</p>"));
    free(out);
    precis_doc_free(doc);
    precis_sink bad = {refuse, NULL};
    doc = fake_doc(NULL, s, 1, NULL);
    assert_int_equal(precis_render_html(doc, &bad), PRECIS_EIO);
    precis_doc_free(doc);
}

static int run_unit_tests(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_lines),
        cmocka_unit_test(test_summary_without_dateline),
        cmocka_unit_test(test_md_layout_paragraph),
        cmocka_unit_test(test_md_layout_bullets),
        cmocka_unit_test(test_md_no_metadata),
        cmocka_unit_test(test_md_escapes),
        cmocka_unit_test(test_md_escapes_metadata),
        cmocka_unit_test(test_md_options),
        cmocka_unit_test(test_render_before_summarize),
        cmocka_unit_test(test_render_sink_failure),
        cmocka_unit_test(test_render_long_output),
        cmocka_unit_test(test_json_schema),
        cmocka_unit_test(test_json_absent),
        cmocka_unit_test(test_json_text_survives),
        cmocka_unit_test(test_json_bad_source),
        cmocka_unit_test(test_json_layouts),
        cmocka_unit_test(test_json_scores),
        cmocka_unit_test(test_html_layout),
        cmocka_unit_test(test_html_escapes),
        cmocka_unit_test(test_html_untitled),
    };
    return cmocka_run_group_tests_name("render", tests, setup_ctx,
                                       teardown_ctx);
}

/* ==== Golden files ==== */

/* One golden case: input and options, read from DIR/CASE.txt and .meta. */
typedef struct golden_case {
    const char *dir;
    const char *name;
    char *input;
    size_t sentences;
    precis_md_style style;
    char *meta_text; /* the .meta file, cut into strings */
} golden_case;

static golden_case gcase;

static char *case_path(const char *suffix)
{
    size_t n = strlen(gcase.dir) + strlen(gcase.name) + strlen(suffix) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s%s", gcase.dir, gcase.name, suffix);
    return p;
}

/* Reads the case's .meta file, when it has one. Returns false (with a
 * message) on a line it does not understand. */
static bool read_meta(void)
{
    char *path = case_path(".meta");
    gcase.meta_text = slurp(path, NULL);
    free(path);
    gcase.sentences = 3;
    gcase.style = PRECIS_MD_PARAGRAPH;
    if (!gcase.meta_text)
        return true;
    for (char *line = strtok(gcase.meta_text, "\n"); line;
         line = strtok(NULL, "\n")) {
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *value = strchr(line, ' ');
        if (!value) {
            fprintf(stderr, "%s.meta: no value: %s\n", gcase.name, line);
            return false;
        }
        *value++ = '\0';
        if (strcmp(line, "sentences") == 0) {
            gcase.sentences = (size_t)strtoul(value, NULL, 10);
        } else if (strcmp(line, "md-style") == 0) {
            if (precis_md_style_parse(value, &gcase.style) != PRECIS_OK) {
                fprintf(stderr, "%s.meta: bad style %s\n", gcase.name, value);
                return false;
            }
        } else {
            fprintf(stderr, "%s.meta: unknown key %s\n", gcase.name, line);
            return false;
        }
    }
    return true;
}

/* Runs the case through the whole pipeline and renders it. The source
 * name in JSON is the input's base name, so that output does not depend
 * on where the tree is. */
static char *golden_render(enum fmt fmt)
{
    precis_status st;
    precis_ctx *c = precis_ctx_new("english", NULL, &st);
    assert_non_null(c);
    precis_doc *doc = summarize_text(c, gcase.input, gcase.sentences);
    char source[256];
    snprintf(source, sizeof source, "%s.txt", gcase.name);
    char *out = render(doc, fmt, gcase.style, source);
    precis_doc_free(doc);
    precis_ctx_free(c);
    return out;
}

static const char *const golden_suffix[] = {".expected.txt", ".expected.md",
                                            ".expected.json", ".expected.html"};
static const enum fmt golden_fmt[] = {FMT_TEXT, FMT_MD, FMT_JSON_PRETTY,
                                      FMT_HTML};
#define N_GOLDEN (sizeof golden_suffix / sizeof golden_suffix[0])

/* When got and want differ, describes the first line where they do in
 * msg (size n) and returns false. Static storage, so that a failing test
 * leaves nothing to free. */
static bool compare(const char *what, const char *got, const char *want,
                    char *msg, size_t n)
{
    if (strcmp(got, want) == 0)
        return true;
    size_t line = 1;
    const char *g = got, *w = want;
    while (*g && *g == *w) {
        line += *g == '\n';
        g++;
        w++;
    }
    while (g > got && g[-1] != '\n') {
        g--;
        w--;
    }
    int gl = (int)strcspn(g, "\n"), wl = (int)strcspn(w, "\n");
    snprintf(msg, n,
             "%s differs at line %zu\n  want: %.*s\n  got:  %.*s\n"
             "(after a deliberate change: tools/regen-golden, then review "
             "the diff)",
             what, line, wl, w, gl, g);
    return false;
}

static void golden_check(size_t which)
{
    static char msg[4096];
    char *path = case_path(golden_suffix[which]);
    char *want = slurp(path, NULL);
    if (!want) {
        snprintf(msg, sizeof msg, "%s: %s (run tools/regen-golden)", path,
                 strerror(errno));
        free(path);
        fail_msg("%s", msg);
    }
    char *got = golden_render(golden_fmt[which]);
    bool same = compare(path, got, want, msg, sizeof msg);
    free(got);
    free(want);
    free(path);
    if (!same)
        fail_msg("%s", msg);
}

static void test_golden_text(void **state)
{
    (void)state;
    golden_check(0);
}

static void test_golden_md(void **state)
{
    (void)state;
    golden_check(1);
}

static void test_golden_json(void **state)
{
    (void)state;
    golden_check(2);
}

static void test_golden_html(void **state)
{
    (void)state;
    golden_check(3);
}

static int golden_load(const char *dir, const char *name)
{
    gcase.dir = dir;
    gcase.name = name;
    char *path = case_path(".txt");
    gcase.input = slurp(path, NULL);
    if (!gcase.input) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        free(path);
        return -1;
    }
    free(path);
    return read_meta() ? 0 : -1;
}

static int run_golden(const char *dir, const char *name)
{
    if (golden_load(dir, name) != 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_text),
        cmocka_unit_test(test_golden_md),
        cmocka_unit_test(test_golden_json),
        cmocka_unit_test(test_golden_html),
    };
    int failed = cmocka_run_group_tests_name(name, tests, NULL, NULL);
    free(gcase.input);
    free(gcase.meta_text);
    return failed;
}

static int regen_golden(const char *dir, const char *name)
{
    if (golden_load(dir, name) != 0)
        return 1;
    int rc = 0;
    for (size_t i = 0; i < N_GOLDEN; i++) {
        char *path = case_path(golden_suffix[i]);
        char *out = golden_render(golden_fmt[i]);
        FILE *f = fopen(path, "wb");
        if (!f || fputs(out, f) == EOF || fclose(f) != 0) {
            fprintf(stderr, "%s: %s\n", path, strerror(errno));
            rc = 1;
        } else {
            printf("wrote %s\n", path);
        }
        free(out);
        free(path);
    }
    free(gcase.input);
    free(gcase.meta_text);
    return rc;
}

/* ==== CommonMark: the Markdown through a real renderer ====
 *
 * Hostile pieces go into every place the Markdown renderer puts input
 * (title, date, sentences, keywords, headline times and texts); cmark
 * turns the result into HTML, and the HTML must have exactly the
 * structure the renderer meant, with each piece's text back intact
 * (white space at its ends dropped, control characters as spaces). */

static const char *cmark_path;

/* Escapes for HTML text the way the comparison needs it: the same
 * characters whatever entity form cmark chose. */
static void html_escape(buf *out, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (p[i]) {
        case '&':
            buf_puts(out, "&amp;");
            break;
        case '<':
            buf_puts(out, "&lt;");
            break;
        case '>':
            buf_puts(out, "&gt;");
            break;
        case '"':
            buf_puts(out, "&quot;");
            break;
        default:
            buf_putc(out, p[i]);
        }
    }
}

/* Decodes the entities cmark writes (&amp; &lt; &gt; &quot; and numeric
 * ones) in p[0..n) into out. */
static void html_unescape(buf *out, const char *p, size_t n)
{
    static const struct {
        const char *name;
        char c;
    } named[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}};
    for (size_t i = 0; i < n;) {
        if (p[i] != '&') {
            buf_putc(out, p[i++]);
            continue;
        }
        bool done = false;
        for (size_t k = 0; k < 4 && !done; k++) {
            size_t len = strlen(named[k].name);
            if (i + len <= n && memcmp(p + i, named[k].name, len) == 0) {
                buf_putc(out, named[k].c);
                i += len;
                done = true;
            }
        }
        if (!done && i + 2 < n && p[i + 1] == '#') {
            char *end;
            bool hex = p[i + 2] == 'x' || p[i + 2] == 'X';
            long cp = strtol(p + i + (hex ? 3 : 2), &end, hex ? 16 : 10);
            if (*end == ';' && cp > 0 && cp <= 0x10FFFF) {
                u8_put(out, (int32_t)cp);
                i = (size_t)(end - p) + 1;
                done = true;
            }
        }
        if (!done)
            buf_putc(out, p[i++]);
    }
}

/* HTML in a canonical form: tags as written, newlines between blocks
 * dropped, text with entities decoded and re-escaped. A tag that came
 * from the input as text stays escaped, so it can never pass for one of
 * the renderer's own. */
static char *canonical_html(const char *html)
{
    buf out = {0}, text = {0};
    for (const char *p = html; *p;) {
        if (*p == '<') {
            const char *end = strchr(p, '>');
            size_t n = end ? (size_t)(end - p) + 1 : strlen(p);
            buf_put(&out, p, n);
            p += n;
            continue;
        }
        size_t n = strcspn(p, "<");
        if (strspn(p, "\n") < n) {
            buf_clear(&text);
            html_unescape(&text, p, n);
            html_escape(&out, text.data, text.len);
        }
        p += n;
    }
    buf_free(&text);
    return buf_detach(&out, NULL);
}

/* The text of a piece as CommonMark should show it, HTML-escaped: ends
 * trimmed of white space (ASCII, no-break and ideographic spaces) and
 * control characters, the rest of them spaces. Empty when nothing is
 * left. */
static void expect_text(buf *out, const char *s)
{
    static const char *const spaces[] = {" ", "\xC2\xA0", "\xE3\x80\x80"};
    size_t start = 0, end = strlen(s);
    for (bool more = true; more;) {
        more = false;
        if (start < end &&
            ((unsigned char)s[start] < 0x20 || s[start] == 0x7f)) {
            start++;
            more = true;
        }
        for (size_t k = 0; k < 3 && !more; k++) {
            size_t n = strlen(spaces[k]);
            if (end - start >= n && memcmp(s + start, spaces[k], n) == 0) {
                start += n;
                more = true;
            }
        }
    }
    for (bool more = true; more;) {
        more = false;
        if (end > start &&
            ((unsigned char)s[end - 1] < 0x20 || s[end - 1] == 0x7f)) {
            end--;
            more = true;
        }
        for (size_t k = 0; k < 3 && !more; k++) {
            size_t n = strlen(spaces[k]);
            if (end - start >= n && memcmp(s + end - n, spaces[k], n) == 0) {
                end -= n;
                more = true;
            }
        }
    }
    buf t = {0};
    for (size_t i = start; i < end; i++) {
        unsigned char c = (unsigned char)s[i];
        buf_putc(&t, (char)(c < 0x20 || c == 0x7f ? ' ' : c));
    }
    html_escape(out, buf_cstr(&t), t.len);
    buf_free(&t);
}

static bool piece_empty(const char *s)
{
    buf b = {0};
    expect_text(&b, s);
    bool empty = b.len == 0;
    buf_free(&b);
    return empty;
}

typedef struct md_input {
    const char *title; /* may be NULL */
    const char *date;  /* may be NULL; at most 10 bytes */
    const char *const *sents;
    size_t n_sents;
    const char *const *heads; /* time, text pairs */
    size_t n_heads;
    const char *const *kws;
    size_t n_kws;
} md_input;

/* The canonical HTML that cmark should make of in's Markdown. */
static char *expected_html(const md_input *in, precis_md_style style)
{
    buf b = {0};
    if (in->title && !piece_empty(in->title)) {
        buf_puts(&b, "<h1>");
        expect_text(&b, in->title);
        buf_puts(&b, "</h1>");
    }
    if (in->date && !piece_empty(in->date)) {
        buf_puts(&b, "<p><em>");
        expect_text(&b, in->date);
        buf_puts(&b, "</em></p>");
    }
    bool first = true;
    for (size_t i = 0; i < in->n_sents; i++) {
        if (piece_empty(in->sents[i]))
            continue;
        if (style == PRECIS_MD_BULLETS)
            buf_puts(&b, first ? "<ul><li>" : "<li>");
        else
            buf_puts(&b, first ? "<p>" : " ");
        expect_text(&b, in->sents[i]);
        if (style == PRECIS_MD_BULLETS)
            buf_puts(&b, "</li>");
        first = false;
    }
    if (!first)
        buf_puts(&b, style == PRECIS_MD_BULLETS ? "</ul>" : "</p>");
    first = true;
    for (size_t i = 0; i < in->n_kws; i++) {
        if (piece_empty(in->kws[i]))
            continue;
        buf_puts(&b, first ? "<p><strong>Keywords:</strong> " : ", ");
        expect_text(&b, in->kws[i]);
        first = false;
    }
    if (!first)
        buf_puts(&b, "</p>");
    first = true;
    for (size_t i = 0; i < in->n_heads; i++) {
        const char *time = in->heads[2 * i], *text = in->heads[2 * i + 1];
        if (piece_empty(time) && piece_empty(text))
            continue;
        if (first)
            buf_puts(&b, "<p><strong>Headlines:</strong></p><ul>");
        buf_puts(&b, "<li>");
        if (!piece_empty(time)) {
            buf_puts(&b, "<strong>");
            expect_text(&b, time);
            buf_puts(&b, "</strong>");
            if (!piece_empty(text))
                buf_putc(&b, ' ');
        }
        expect_text(&b, text);
        buf_puts(&b, "</li>");
        first = false;
    }
    if (!first)
        buf_puts(&b, "</ul>");
    return buf_detach(&b, NULL);
}

/* Runs cmark on md; returns its HTML (malloc'd). */
static char *run_cmark(const char *md)
{
    char path[] = "/tmp/precis-md-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    assert_non_null(f);
    fputs(md, f);
    assert_int_equal(fclose(f), 0);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "'%s' '%s'", cmark_path, path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    buf html = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
        buf_put(&html, chunk, n);
    int status = pclose(p);
    unlink(path);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail_msg("%s failed (status %d)", cmark_path, status);
    return buf_detach(&html, NULL);
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p++)
        n++;
    return n;
}

/* Renders in (through a document made of it) in style, runs cmark, and
 * compares the HTML's structure and text with what was meant. */
static void check_commonmark(const md_input *in, precis_md_style style)
{
    meta m = {in->date, in->heads, in->n_heads, in->kws, in->n_kws};
    precis_doc *doc = fake_doc(in->title, in->sents, in->n_sents, &m);
    char *md = render(doc, FMT_MD, style, NULL);
    char *html = run_cmark(md);
    char *got = canonical_html(html);
    char *want = expected_html(in, style);
    /* The plain checks first, for a readable failure. */
    size_t h1 = in->title && !piece_empty(in->title);
    if (count(got, "<h1>") != h1 || count(got, "<h2") || count(got, "<a ") ||
        count(got, "<img") || count(got, "<code") || count(got, "<pre") ||
        count(got, "<blockquote") || count(got, "<ol") || count(got, "<hr") ||
        count(got, "<!--") || count(got, "<br"))
        fail_msg("unexpected structure\nMarkdown:\n%s\nHTML:\n%s", md, html);
    if (strcmp(got, want) != 0)
        fail_msg("HTML differs\nMarkdown:\n%s\nHTML:\n%s\nwant (canonical):"
                 "\n%s\ngot (canonical):\n%s",
                 md, html, want, got);
    free(want);
    free(got);
    free(html);
    free(md);
    precis_doc_free(doc);
}

static const char *const hostile_sents[] = {
    "*Emphasis*, __strong__ and _under_scores_ stay text.",
    "[A link](http://example.org \"t\") and ![an image](x.png) do not link.",
    "<b>Bold tags</b>, <script>alert(1)</script> and <!-- a comment --> "
    "are not HTML.",
    "# Not a heading, and neither is ## this.",
    "1. Not an ordered list, nor 2) this.",
    "> Not a quote.",
    "`Not code`, nor ```fenced```, nor ~~~tilde~~~ or ~~struck~~.",
    "&amp; &lt;b&gt; &#42; &#x2A; &copy; are entities only as text.",
    "Back\\slashes \\*, \\\\ and a trailing one \\",
    "| a | b |\n|---|---|\n| pipes | table |",
    "- Not a bullet\n- nor this\n\n    nor code",
    "+ plus, = equals\n===\nno setext.",
    "---",
    "<http://autolink.example> and <me@mail.example>.",
    "[ref]: http://example.org/ \"a definition\"",
    "Tab\tand\x01control\x7f characters, and 4 spaces:    here.",
    "Ünïcödé «quotes» — dashes, 東京 and 🚀 stay as they are.",
    "2024. The year alone.",
    "  \t  ",
};

static const char *const hostile_heads[] = {
    "12:20", "*Not* [a](link) <i>nor</i> `code`",
    "**",    "Empty bold? no: **stars** escaped",
    "",      "1. No time, so this starts the item",
    "09:00", "- a dash first",
    "<b>",   "> quote",
    "\\",    "&amp;",
    " ",     " ",
    "23:59", "",
};

static const char *const hostile_kws[] = {"*a*", "_b_", "[c]", "#d",
                                          "e|f", "  ",  "&g;", "1."};

static void test_cm_hostile_paragraph(void **state)
{
    (void)state;
    md_input in = {
        .title = "# Title with *stars*, [links](x) and <html> #",
        .date = "*1.* <x>",
        .sents = hostile_sents,
        .n_sents = sizeof hostile_sents / sizeof *hostile_sents,
        .heads = hostile_heads,
        .n_heads = sizeof hostile_heads / sizeof *hostile_heads / 2,
        .kws = hostile_kws,
        .n_kws = sizeof hostile_kws / sizeof *hostile_kws,
    };
    check_commonmark(&in, PRECIS_MD_PARAGRAPH);
}

static void test_cm_hostile_bullets(void **state)
{
    (void)state;
    md_input in = {
        .title = "1. A title that looks like a list",
        .date = "2025-11-04",
        .sents = hostile_sents,
        .n_sents = sizeof hostile_sents / sizeof *hostile_sents,
        .heads = hostile_heads,
        .n_heads = sizeof hostile_heads / sizeof *hostile_heads / 2,
        .kws = hostile_kws,
        .n_kws = sizeof hostile_kws / sizeof *hostile_kws,
    };
    check_commonmark(&in, PRECIS_MD_BULLETS);
}

/* Nothing but a summary: no heading, no date, no keywords, no list. */
static void test_cm_summary_only(void **state)
{
    (void)state;
    const char *s[] = {"=== Just this.", "Then - this."};
    md_input in = {.sents = s, .n_sents = 2};
    check_commonmark(&in, PRECIS_MD_PARAGRAPH);
    check_commonmark(&in, PRECIS_MD_BULLETS);
}

/* Random pieces made of CommonMark's building blocks, in every place. A
 * fixed seed: the test is the same every run. */
/* clang-format off */
static const char *const atoms[] = {
    "*", "**", "_", "__", "`", "```", "~", "~~~", "[", "]", "](x)", "[a](b)",
    "![i](j)", "<", ">", "<b>", "</p>", "<!--", "-->", "<http://x.y>",
    "<a@b.co>", "#", "## ", "1.", "2)", "10. ", "-", "- ", "+ ", "=", "---",
    "***", "___", "&amp;", "&#42;", "&#x2a;", "&copy", "&", "\\", "\\*", "|",
    "| a |", ":", "!", "(", ")", "{", "}", ".", " ", "  ", "\t", "\n", "\r\n",
    "\x01", "\xC2\xA0", "\xE3\x80\x80", "a", "word", "é", "日本",
    "\xF0\x9F\x98\x80", "    code", "> q", "* item", "=== ", "[^1]",
    "[x]: /u", "www.x.com", "\"", "'", "0", "9", "$x$", "<?php", "<![CDATA[",
    "<div>", "\\\n", "  \n", "&#0;", "&#;",
};
/* clang-format on */

static char *random_piece(unsigned *seed, size_t max_atoms)
{
    buf b = {0};
    size_t n = (size_t)rand_r(seed) % max_atoms + 1;
    for (size_t i = 0; i < n; i++)
        buf_puts(&b,
                 atoms[(size_t)rand_r(seed) % (sizeof atoms / sizeof *atoms)]);
    return buf_detach(&b, NULL);
}

static void test_cm_random(void **state)
{
    (void)state;
    enum { ROUNDS = 12, SENTS = 60, HEADS = 40, KWS = 12 };
    unsigned seed = 20251104;
    for (size_t round = 0; round < ROUNDS; round++) {
        char *title = random_piece(&seed, 6);
        /* The date field holds 10 bytes: cut there, but never inside a
         * UTF-8 sequence. */
        char *date = random_piece(&seed, 3);
        size_t dl = strlen(date);
        if (dl > 10) {
            dl = 10;
            while (dl > 0 && ((unsigned char)date[dl] & 0xC0) == 0x80)
                dl--;
            date[dl] = '\0';
        }
        char *sents[SENTS], *heads[2 * HEADS], *kws[KWS];
        for (size_t i = 0; i < SENTS; i++)
            sents[i] = random_piece(&seed, 8);
        for (size_t i = 0; i < HEADS; i++) {
            heads[2 * i] = random_piece(&seed, 2);
            heads[2 * i + 1] = random_piece(&seed, 8);
        }
        for (size_t i = 0; i < KWS; i++)
            kws[i] = random_piece(&seed, 3);
        md_input in = {
            .title = title,
            .date = date,
            .sents = (const char *const *)sents,
            .n_sents = SENTS,
            .heads = (const char *const *)heads,
            .n_heads = HEADS,
            .kws = (const char *const *)kws,
            .n_kws = KWS,
        };
        check_commonmark(&in,
                         round % 2 ? PRECIS_MD_BULLETS : PRECIS_MD_PARAGRAPH);
        free(title);
        free(date);
        for (size_t i = 0; i < SENTS; i++)
            free(sents[i]);
        for (size_t i = 0; i < 2 * HEADS; i++)
            free(heads[i]);
        for (size_t i = 0; i < KWS; i++)
            free(kws[i]);
    }
}

static int run_commonmark(const char *cmark)
{
    if (!cmark || !*cmark || access(cmark, X_OK) != 0) {
        printf("cmark (the CommonMark reference renderer) not found: "
               "skipped\n");
        return 77;
    }
    cmark_path = cmark;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cm_hostile_paragraph),
        cmocka_unit_test(test_cm_hostile_bullets),
        cmocka_unit_test(test_cm_summary_only),
        cmocka_unit_test(test_cm_random),
    };
    return cmocka_run_group_tests_name("commonmark", tests, setup_ctx,
                                       teardown_ctx);
}

/* ==== main ==== */

int main(int argc, char **argv)
{
    if (argc == 1)
        return run_unit_tests();
    if (argc == 4 && strcmp(argv[1], "--golden") == 0)
        return run_golden(argv[2], argv[3]);
    if (argc == 4 && strcmp(argv[1], "--regen") == 0)
        return regen_golden(argv[2], argv[3]);
    if ((argc == 2 || argc == 3) && strcmp(argv[1], "--commonmark") == 0)
        return run_commonmark(argc == 3 ? argv[2] : NULL);
    fprintf(stderr,
            "usage: %s [--golden DIR CASE | --regen DIR CASE | "
            "--commonmark [CMARK]]\n",
            argv[0]);
    return 2;
}
