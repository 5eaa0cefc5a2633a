/* Unit tests: sentence splitting (src/text/segment.c), table-driven. Every
 * case is text written for this test; each lists the sentences it must
 * split into. */
#include <stdlib.h>

#include "test_util.h"

typedef struct seg_case {
    const char *lang;
    const char *text;
    const char *want[8]; /* NULL-terminated */
} seg_case;

static const seg_case cases[] = {
    /* Titles and other abbreviations that never end a sentence. */
    {"en", "Mr. Smith met Dr. Jones at noon. They talked for an hour.",
     {"Mr. Smith met Dr. Jones at noon.", "They talked for an hour."}},
    {"en", "Gen. Ortiz and Sen. Park spoke first. Then the vote began.",
     {"Gen. Ortiz and Sen. Park spoke first.", "Then the vote began."}},
    {"en", "The talks resume on Jan. 12 in Geneva. Both sides agreed.",
     {"The talks resume on Jan. 12 in Geneva.", "Both sides agreed."}},
    {"en", "She lives at No. 10 with her cat. It is a quiet street.",
     {"She lives at No. 10 with her cat.", "It is a quiet street."}},
    /* U.S. inside a sentence, and U.S. ending one. */
    {"en", "The U.S. economy grew by 2% last year. Exports rose.",
     {"The U.S. economy grew by 2% last year.", "Exports rose."}},
    {"en", "He moved to the U.S. The move was a success.",
     {"He moved to the U.S.", "The move was a success."}},
    {"en", "Prices fell at Acme Inc. in March. Sales did not.",
     {"Prices fell at Acme Inc. in March.", "Sales did not."}},
    {"en", "She founded Acme Inc. The firm now has 40 staff.",
     {"She founded Acme Inc.", "The firm now has 40 staff."}},
    /* Initials. */
    {"en", "J. K. Rowling wrote the books. George W. Bush read them.",
     {"J. K. Rowling wrote the books.", "George W. Bush read them."}},
    {"en", "They chose Plan B. The rest is history.",
     {"They chose Plan B.", "The rest is history."}},
    /* Numbers, prices and times. */
    {"en", "Growth was 3.5 percent. Profit hit $1.13bn in May.",
     {"Growth was 3.5 percent.", "Profit hit $1.13bn in May."}},
    {"en", "The train left at 12:20. It arrived at 14.05 sharp.",
     {"The train left at 12:20.", "It arrived at 14.05 sharp."}},
    {"en", "In 2019. the plan changed.", {"In 2019. the plan changed."}},
    {"en", "Sales reached 1,200 units in 2023. The target was 1,000.",
     {"Sales reached 1,200 units in 2023.", "The target was 1,000."}},
    /* Ellipses. */
    {"en", "He paused... and then went on. Nobody spoke.",
     {"He paused... and then went on.", "Nobody spoke."}},
    {"en", "Wait for it\xE2\x80\xA6 The doors opened.",
     {"Wait for it\xE2\x80\xA6", "The doors opened."}},
    /* Quotes and brackets after the stop. */
    {"en", "\xE2\x80\x9CWe are ready now.\xE2\x80\x9D He smiled.",
     {"\xE2\x80\x9CWe are ready now.\xE2\x80\x9D", "He smiled."}},
    {"en", "\"Is it over?\" she asked. \"Yes,\" he said.",
     {"\"Is it over?\" she asked.", "\"Yes,\" he said."}},
    {"en", "The vote passed (by two votes.) Critics were angry.",
     {"The vote passed (by two votes.)", "Critics were angry."}},
    {"en", "She said: \xE2\x80\x98It works.\xE2\x80\x99 The crowd cheered.",
     {"She said: \xE2\x80\x98It works.\xE2\x80\x99", "The crowd cheered."}},
    /* Exclamation and question marks. */
    {"en", "What a win! Fans danced. Who scored? Nobody knew!",
     {"What a win!", "Fans danced.", "Who scored?", "Nobody knew!"}},
    {"en", "Really?! That is news.", {"Really?!", "That is news."}},
    /* A stop glued to the next sentence, as in scraped text. */
    {"en", "The storm hit at dawn (AP).Less than a day later it was gone.",
     {"The storm hit at dawn (AP).", "Less than a day later it was gone."}},
    {"en", "\xE2\x80\x9CWe won.\xE2\x80\x9DHe said it twice.",
     {"\xE2\x80\x9CWe won.\xE2\x80\x9D", "He said it twice."}},
    /* Full stops inside tokens. */
    {"en", "Visit bbc.co.uk or mail news@example.com today. Thanks.",
     {"Visit bbc.co.uk or mail news@example.com today.", "Thanks."}},
    {"en", "Use e.g. the new app. It is free.",
     {"Use e.g. the new app.", "It is free."}},
    /* No terminal punctuation at all. */
    {"en", "Breaking news from the harbour", {"Breaking news from the harbour"}},
    /* Lines are paragraphs: a line end always ends a sentence. */
    {"en", "The council met.\nWeather warning for the coast\nThe mayor resigned.",
     {"The council met.", "Weather warning for the coast",
      "The mayor resigned."}},
    /* German: titles and abbreviations. */
    {"de", "Dr. Weber kam um 9 Uhr. Sie sprach mit Prof. Lang.",
     {"Dr. Weber kam um 9 Uhr.", "Sie sprach mit Prof. Lang."}},
    /* CJK full stops need no space after them. */
    {"en", "\xE4\xBB\x8A\xE5\xA4\xA9\xE4\xB8\x8B\xE9\x9B\xA8\xE3\x80\x82"
           "\xE6\x98\x8E\xE5\xA4\xA9\xE6\x99\xB4\xE3\x80\x82",
     {"\xE4\xBB\x8A\xE5\xA4\xA9\xE4\xB8\x8B\xE9\x9B\xA8\xE3\x80\x82",
      "\xE6\x98\x8E\xE5\xA4\xA9\xE6\x99\xB4\xE3\x80\x82"}},
};

static void run_case(const seg_case *c)
{
    precis_status st;
    precis_ctx *ctx = precis_ctx_new(c->lang, NULL, &st);
    assert_non_null(ctx);
    precis_doc *doc = finish_text(ctx, c->text, strlen(c->text), &st);
    if (!doc)
        fail_msg("\"%s\": %s", c->text, precis_strerror(st));
    size_t want_n = 0;
    while (c->want[want_n])
        want_n++;
    size_t got_n = precis_doc_sentence_count(doc);
    if (got_n != want_n) {
        for (size_t i = 0; i < got_n; i++) {
            precis_sentence s;
            precis_doc_sentence(doc, i, &s);
            print_message("# got [%zu] \"%.*s\"\n", i, (int)s.len, s.text);
        }
        fail_msg("\"%s\": %zu sentences, want %zu", c->text, got_n, want_n);
    }
    for (size_t i = 0; i < want_n; i++)
        assert_sentence(doc, i, c->want[i]);
    precis_doc_free(doc);
    precis_ctx_free(ctx);
}

static void test_split_cases(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
        run_case(&cases[k]);
}

/* A long run of abbreviation-like tokens must not slow splitting down:
 * every look-around is bounded. */
static void test_long_token_runs_stay_linear(void **state)
{
    (void)state;
    size_t n = 2 * 1024 * 1024;
    char *text = malloc(n + 1);
    assert_non_null(text);
    for (size_t i = 0; i < n; i++)
        text[i] = i % 2 ? '.' : 'a';
    text[n] = '\0';
    precis_status st;
    precis_ctx *ctx = precis_ctx_new("en", NULL, &st);
    precis_doc *doc = finish_text(ctx, text, n, &st);
    assert_non_null(doc);
    assert_int_equal(precis_doc_sentence_count(doc), 1);
    precis_doc_free(doc);
    precis_ctx_free(ctx);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_split_cases),
        cmocka_unit_test(test_long_token_runs_stay_linear),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
