/* test_util.h: helpers shared by the unit tests. */
#ifndef PRECIS_TEST_UTIL_H
#define PRECIS_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "precis.h"

/* A document made from text and finished, or NULL with *st set. */
static inline precis_doc *finish_text(precis_ctx *ctx, const char *text,
                                      size_t len, precis_status *st)
{
    precis_doc *doc = precis_doc_new(ctx);
    *st = precis_doc_feed(doc, text, len);
    if (*st == PRECIS_OK)
        *st = precis_doc_finish(doc, NULL);
    if (*st != PRECIS_OK) {
        precis_doc_free(doc);
        return NULL;
    }
    return doc;
}

/* Asserts that doc's sentence i is exactly want. */
static inline void assert_sentence(const precis_doc *doc, size_t i,
                                   const char *want)
{
    precis_sentence s;
    assert_int_equal(precis_doc_sentence(doc, i, &s), PRECIS_OK);
    if (s.len != strlen(want) || memcmp(s.text, want, s.len) != 0)
        fail_msg("sentence %zu: got \"%.*s\", want \"%s\"", i, (int)s.len,
                 s.text, want);
}

#endif
