/* Unit tests: UTF-8 repair and decoding (src/utf8.c). */
#include "test_util.h"

#include "util/buf.h"
#include "util/utf8.h"

static void repair_case(const char *in, size_t len, const char *want,
                        size_t want_fixes)
{
    buf out = {0};
    size_t fixes = u8_repair(&out, in, len);
    assert_int_equal(fixes, want_fixes);
    assert_string_equal(buf_cstr(&out), want);
    buf_free(&out);
}

static void test_valid_text_is_unchanged(void **state)
{
    (void)state;
    const char *s = "plain ASCII, caf\xC3\xA9, \xE2\x82\xAC" "5, \xF0\x9F\x98\x80";
    repair_case(s, strlen(s), s, 0);
}

static void test_invalid_sequences_become_replacement(void **state)
{
    (void)state;
    /* A lone continuation byte, a bad lead (F5) and 0xFF. */
    repair_case("a\x80" "b\xF5" "c\xFF", 6,
                "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD", 3);
    /* Overlong encodings of '/' and NUL. */
    repair_case("\xC0\xAF|\xE0\x80\x80", 6,
                "\xEF\xBF\xBD\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
                5);
    /* A UTF-16 surrogate encoded in UTF-8 (CESU). */
    repair_case("x\xED\xA0\x80y", 5, "x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDy",
                3);
    /* Above U+10FFFF. */
    repair_case("\xF4\x90\x80\x80", 4,
                "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4);
}

static void test_truncated_sequence_is_one_replacement(void **state)
{
    (void)state;
    /* "€" cut after two of its three bytes, at the end and mid-text. */
    repair_case("x\xE2\x82", 3, "x\xEF\xBF\xBD", 1);
    repair_case("\xE2\x82z", 3, "\xEF\xBF\xBDz", 1);
}

static void test_next_and_prev_walk_code_points(void **state)
{
    (void)state;
    const char *s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
    size_t len = strlen(s), i = 0;
    int32_t want[] = {'a', 0xE9, 0x20AC, 0x1F600};
    for (size_t k = 0; k < 4; k++)
        assert_int_equal(u8_next(s, len, &i), want[k]);
    assert_int_equal(i, len);
    assert_int_equal(u8_next(s, len, &i), -1);
    for (size_t k = 4; k-- > 0;)
        assert_int_equal(u8_prev(s, &i), want[k]);
    assert_int_equal(i, 0);
    assert_int_equal(u8_count(s, len), 4);
}

static void test_encode_round_trips(void **state)
{
    (void)state;
    int32_t cps[] = {0x24, 0xA2, 0x939, 0x20AC, 0xD55C, 0x10348};
    for (size_t k = 0; k < sizeof cps / sizeof cps[0]; k++) {
        char tmp[4];
        size_t n = u8_encode(cps[k], tmp), i = 0;
        assert_int_equal(u8_next(tmp, n, &i), cps[k]);
        assert_int_equal(i, n);
    }
    char tmp[4];
    /* Surrogates cannot be encoded: they come out as U+FFFD. */
    assert_int_equal(u8_encode(0xD800, tmp), 3);
    assert_memory_equal(tmp, "\xEF\xBF\xBD", 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_text_is_unchanged),
        cmocka_unit_test(test_invalid_sequences_become_replacement),
        cmocka_unit_test(test_truncated_sequence_is_one_replacement),
        cmocka_unit_test(test_next_and_prev_walk_code_points),
        cmocka_unit_test(test_encode_round_trips),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
