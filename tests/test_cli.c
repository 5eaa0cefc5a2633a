/* Unit tests: the command-line parser (src/cli/cli.c), with argv arrays. */
#include "test_util.h"

#include "cli/cli.h"

static int parse(cli_opts *o, char *err, int argc, ...)
{
    char *argv[16];
    va_list ap;
    va_start(ap, argc);
    for (int i = 0; i < argc; i++)
        argv[i] = va_arg(ap, char *);
    va_end(ap);
    argv[argc] = NULL;
    static char *copy[16];
    memcpy(copy, argv, sizeof argv);
    return cli_parse(argc, copy, o, err, 256);
}

static void test_defaults(void **state)
{
    (void)state;
    cli_opts o;
    char err[256];
    assert_int_equal(parse(&o, err, 1, "summarize"), EXIT_OK);
    assert_int_equal(o.action, CLI_SUMMARIZE);
    assert_int_equal(o.opt.sentences, 3);
    assert_int_equal(o.n_files, 0);
    assert_string_equal(o.language, "auto");
    assert_null(o.models_dir);
    assert_int_equal(o.command, CMD_SUMMARY);
    assert_int_equal(parse(&o, err, 3, "summarize", "split", "-"), EXIT_OK);
    assert_int_equal(o.command, CMD_SPLIT);
    assert_int_equal(o.n_files, 1);
    assert_int_equal(parse(&o, err, 4, "summarize", "headlines", "-v", "a"),
                     EXIT_OK);
    assert_int_equal(o.command, CMD_HEADLINES);
    assert_int_equal(o.verbose, 1);
    assert_int_equal(parse(&o, err, 2, "summarize", "--keep-boilerplate"),
                     EXIT_OK);
    assert_true(o.opt.flags & PRECIS_OPT_KEEP_BOILERPLATE);
}

static void test_input_kind(void **state)
{
    (void)state;
    cli_opts o;
    char err[256];
    assert_int_equal(parse(&o, err, 1, "summarize"), EXIT_OK);
    assert_int_equal(o.opt.input, PRECIS_INPUT_AUTO);
    /* auto: the extension makes a page HTML; the bytes decide the rest. */
    assert_int_equal(cli_input_options(&o, "a/page.html").input,
                     PRECIS_INPUT_HTML);
    assert_int_equal(cli_input_options(&o, "page.htm").input,
                     PRECIS_INPUT_HTML);
    assert_int_equal(cli_input_options(&o, "page.txt").input,
                     PRECIS_INPUT_AUTO);
    assert_int_equal(cli_input_options(&o, NULL).input, PRECIS_INPUT_AUTO);
    assert_int_equal(parse(&o, err, 2, "summarize", "--input=text"), EXIT_OK);
    assert_int_equal(cli_input_options(&o, "page.html").input,
                     PRECIS_INPUT_TEXT);
    assert_int_equal(parse(&o, err, 3, "summarize", "--input", "html"),
                     EXIT_OK);
    assert_int_equal(o.opt.input, PRECIS_INPUT_HTML);
    assert_int_equal(parse(&o, err, 2, "summarize", "--input=pdf"),
                     EXIT_USAGE);
    assert_non_null(strstr(err, "--input"));
}

static void test_budgets_last_one_wins(void **state)
{
    (void)state;
    cli_opts o;
    char err[256];
    assert_int_equal(parse(&o, err, 4, "summarize", "-n", "5", "a.txt"),
                     EXIT_OK);
    assert_int_equal(o.opt.sentences, 5);
    assert_int_equal(o.n_files, 1);
    assert_string_equal(o.files[0], "a.txt");
    assert_int_equal(parse(&o, err, 4, "summarize", "-n5", "--words=40", "-"),
                     EXIT_OK);
    assert_int_equal(o.opt.words, 40);
    assert_int_equal(parse(&o, err, 4, "summarize", "-w", "40", "--ratio=0.2"),
                     EXIT_OK);
    assert_int_equal(o.opt.words, 0);
    assert_float_equal(o.opt.ratio, 0.2, 1e-12);
    assert_int_equal(parse(&o, err, 4, "summarize", "-r", "0.5", "-n2"),
                     EXIT_OK);
    assert_float_equal(o.opt.ratio, 0.0, 0.0);
    assert_int_equal(o.opt.sentences, 2);
}

static void test_bad_numbers_are_usage_errors(void **state)
{
    (void)state;
    cli_opts o;
    char err[256];
    const char *bad_n[] = {"0", "-1", "3x", "", "99999999999"};
    for (size_t k = 0; k < 5; k++) {
        assert_int_equal(
            parse(&o, err, 3, "summarize", "-n", (char *)bad_n[k]),
            EXIT_USAGE);
        assert_non_null(strstr(err, "--sentences"));
    }
    const char *bad_r[] = {"0", "1.5", "nan", "abc", "-0.2"};
    for (size_t k = 0; k < 5; k++) {
        assert_int_equal(
            parse(&o, err, 3, "summarize", "-r", (char *)bad_r[k]),
            EXIT_USAGE);
        assert_non_null(strstr(err, "--ratio"));
    }
}

static void test_languages(void **state)
{
    (void)state;
    cli_opts o;
    char err[256];
    assert_int_equal(parse(&o, err, 3, "summarize", "-l", "de"), EXIT_OK);
    assert_string_equal(o.language, "german");
    assert_int_equal(parse(&o, err, 2, "summarize", "--lang=Russian"),
                     EXIT_OK);
    assert_string_equal(o.language, "russian");
    assert_int_equal(parse(&o, err, 3, "summarize", "--language", "pt"),
                     EXIT_OK);
    assert_string_equal(o.language, "portuguese");
    assert_int_equal(parse(&o, err, 3, "summarize", "-l", "elvish"),
                     EXIT_USAGE);
    assert_non_null(strstr(err, "elvish"));
}

static void test_unknown_and_incomplete_options(void **state)
{
    (void)state;
    cli_opts o;
    char err[256];
    assert_int_equal(parse(&o, err, 2, "summarize", "-x"), EXIT_USAGE);
    assert_non_null(strstr(err, "'x'"));
    assert_int_equal(parse(&o, err, 2, "summarize", "--frobnicate"),
                     EXIT_USAGE);
    assert_non_null(strstr(err, "--frobnicate"));
    assert_int_equal(parse(&o, err, 2, "summarize", "-n"), EXIT_USAGE);
    assert_non_null(strstr(err, "requires an argument"));
    assert_int_equal(parse(&o, err, 2, "summarize", "--models"), EXIT_USAGE);
    assert_non_null(strstr(err, "requires an argument"));
}

static void test_help_version_and_files(void **state)
{
    (void)state;
    cli_opts o;
    char err[256];
    assert_int_equal(parse(&o, err, 3, "summarize", "a", "--help"), EXIT_OK);
    assert_int_equal(o.action, CLI_HELP);
    assert_int_equal(parse(&o, err, 2, "summarize", "-V"), EXIT_OK);
    assert_int_equal(o.action, CLI_VERSION);
    assert_int_equal(parse(&o, err, 5, "summarize", "--models", "m", "--",
                           "-n"),
                     EXIT_OK);
    assert_string_equal(o.models_dir, "m");
    assert_int_equal(o.n_files, 1);
    assert_string_equal(o.files[0], "-n");
    bool exit_status = false;
    for (size_t i = 0; cli_usage[i]; i++)
        exit_status = exit_status || strstr(cli_usage[i], "Exit status");
    assert_true(exit_status);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_budgets_last_one_wins),
        cmocka_unit_test(test_bad_numbers_are_usage_errors),
        cmocka_unit_test(test_languages),
        cmocka_unit_test(test_input_kind),
        cmocka_unit_test(test_unknown_and_incomplete_options),
        cmocka_unit_test(test_help_version_and_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
