/* Unit tests: is the first line a title? (src/read/title.c), through the
 * public API. A title is set apart; anything else stays body text, so no
 * sentence is lost. Every text is written for this test. */
#include <stdlib.h>

#include "test_util.h"

typedef struct title_case {
    const char *lang;
    const char *text;
    const char *title; /* NULL: the text has none */
    const char *first; /* the first body sentence */
    size_t sentences;  /* body sentences */
} title_case;

static const title_case cases[] = {
    /* A headline over its article. */
    {"en",
     "Harbour bridge reopens after repairs\nThe bridge reopened on "
     "Monday. Drivers were relieved.",
     "Harbour bridge reopens after repairs", "The bridge reopened on Monday.",
     2},
    /* A headline may ask a question. */
    {"en",
     "Is the four-day week here to stay?\nMore firms are trying it. "
     "Staff like it.",
     "Is the four-day week here to stay?", "More firms are trying it.", 2},
    /* No title: the first line is a sentence and stays in the body. */
    {"en",
     "The council approved the budget on Tuesday.\nSchools get more "
     "money. Roads get less.",
     NULL, "The council approved the budget on Tuesday.", 3},
    /* Two sentences on the first line, the last without a full stop. */
    {"en",
     "Rain fell all night. Roads closed by morning\nCrews cleared "
     "them by noon. Traffic moved again.",
     NULL, "Rain fell all night.", 4},
    /* A first line that leads on with a colon or a comma. */
    {"en",
     "Here is what we know so far:\nThe fire started at 3 a.m. in a "
     "kitchen. Nobody was hurt.",
     NULL, "Here is what we know so far:", 3},
    /* A list entry is never a title. */
    {"en",
     "1. Heat the oven to 200 degrees\n2. Mix the flour and the "
     "butter. Add the eggs one at a time.",
     NULL, "1. Heat the oven to 200 degrees", 3},
    {"en", "a) Check the tyres\nb) Check the oil before every long trip.", NULL,
     "a) Check the tyres", 2},
    /* A section label above the title is dropped, the title kept. */
    {"en",
     "Politics\nMinister resigns over leaked memo\nThe minister "
     "stepped down on Friday. Her deputy takes over.",
     "Minister resigns over leaked memo",
     "The minister stepped down on "
     "Friday.",
     2},
    /* A cookie notice is boilerplate, not a title: with it kept, it is
     * body text. */
    {"en",
     "We use cookies to give you the best experience\nThe museum "
     "opens a new wing in May. Entry is free.",
     NULL, "We use cookies to give you the best experience", 3},
    /* A page's menu is not a title over body text. */
    {"en",
     "Home\nWorld\nBusiness\nSport\nThe bridge reopened on Monday. "
     "Drivers were relieved.",
     NULL, "Home", 6},
    /* A prompt over a notice: no body follows, so no title. */
    {"en",
     "Share\nWe use cookies to improve this site. By continuing you "
     "accept them.",
     NULL, "Share", 3},
    /* A dateline is not a title. */
    {"en",
     "Friday, July 21, 2017\nThe robotics contest opened on Friday. "
     "Teams came from 150 countries.",
     NULL, "Friday, July 21, 2017", 3},
    /* Short lines with no body after them: headings of a list, kept. */
    {"en", "Shopping for the week\nApples\nPears\nBread", NULL,
     "Shopping for the week", 4},
    /* A standfirst between the title and the body. */
    {"en",
     "Storm hits the coast\nThousands without power\nWinds of 120 "
     "km/h tore down lines overnight. Repairs will take days.",
     "Storm hits the coast", "Thousands without power", 3},
    /* Other languages. */
    {"de",
     "Bahn streikt erneut\nDie Lokf\xC3\xBChrer legen am Montag die "
     "Arbeit nieder. Pendler m\xC3\xBCssen umplanen.",
     "Bahn streikt erneut",
     "Die Lokf\xC3\xBChrer legen am Montag die "
     "Arbeit nieder.",
     2},
    {"de", "Der Zug kam p\xC3\xBCnktlich an.\nAlle waren zufrieden.", NULL,
     "Der Zug kam p\xC3\xBCnktlich an.", 2},
    {"fr",
     "Faut-il taxer les robots ?\nLe d\xC3\xA9"
     "bat reprend au "
     "S\xC3\xA9nat. Les avis sont partag\xC3\xA9s.",
     "Faut-il taxer les robots ?",
     "Le d\xC3\xA9"
     "bat reprend au "
     "S\xC3\xA9nat.",
     2},
    {"es",
     "El tren lleg\xC3\xB3 con retraso.\nNadie explic\xC3\xB3 por "
     "qu\xC3\xA9.",
     NULL, "El tren lleg\xC3\xB3 con retraso.", 2},
};

static void test_title_cases(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const title_case *c = &cases[k];
        precis_status st;
        precis_ctx *ctx = precis_ctx_new(c->lang, NULL, &st);
        assert_non_null(ctx);
        precis_doc *doc = precis_doc_new(ctx);
        precis_doc_feed(doc, c->text, strlen(c->text));
        precis_options opt = precis_options_default();
        opt.flags |= PRECIS_OPT_KEEP_BOILERPLATE;
        assert_int_equal(precis_doc_finish(doc, &opt), PRECIS_OK);
        size_t len;
        const char *title = precis_doc_title(doc, &len);
        if (!c->title && title)
            fail_msg("case %zu: unwanted title \"%.*s\"", k, (int)len, title);
        if (c->title && (!title || len != strlen(c->title) ||
                         memcmp(title, c->title, len) != 0))
            fail_msg("case %zu: title \"%.*s\", want \"%s\"", k,
                     title ? (int)len : 6, title ? title : "(none)", c->title);
        if (c->first) {
            assert_int_equal(precis_doc_sentence_count(doc), c->sentences);
            assert_sentence(doc, 0, c->first);
        }
        precis_doc_free(doc);
        precis_ctx_free(ctx);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_title_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
