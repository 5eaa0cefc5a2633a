/* fuzz_feed: the RSS and Atom reader (src/read/feed.c) on any bytes.
 *
 * The whole input is the feed. Checks that a failure leaves a message,
 * that every item's strings are valid UTF-8 of the length they claim,
 * dates are "YYYY-MM-DD" and times "HH:MM", and that reading past the last
 * item is refused. */
#include "fuzz_util.h"

#include "read/feed.h"

static void check_string(const char *s)
{
    if (s)
        FUZZ_CHECK(fuzz_utf8_valid(s, strlen(s)));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    precis_ctx *ctx = fuzz_ctx(0);
    (void)feed_sniff(data, size);
    precis_feed *f = precis_feed_parse(ctx, data, size);
    if (!f) {
        FUZZ_CHECK(strlen(precis_ctx_errmsg(ctx)) > 0);
        return 0;
    }
    check_string(precis_feed_source(f));
    size_t n = precis_feed_count(f);
    for (size_t i = 0; i < n; i++) {
        precis_feed_entry e;
        FUZZ_CHECK(precis_feed_item(f, i, &e) == PRECIS_OK);
        check_string(e.title);
        check_string(e.link);
        FUZZ_CHECK(e.content != NULL);
        FUZZ_CHECK(strlen(e.content) <= e.content_len ||
                   e.content_len == 0);
        FUZZ_CHECK(fuzz_utf8_valid(e.content, e.content_len));
        FUZZ_CHECK(!e.date || (strlen(e.date) == 10 && e.date[4] == '-'));
        FUZZ_CHECK(!e.time || (strlen(e.time) == 5 && e.time[2] == ':'));
    }
    precis_feed_entry e;
    FUZZ_CHECK(precis_feed_item(f, n, &e) == PRECIS_EINVAL);
    precis_feed_free(f);
    return 0;
}
