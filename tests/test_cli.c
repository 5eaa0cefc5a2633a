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

/* The format: -f, else -o's extension (any case), else text; a conflict
 * is a usage error, and an APNG may be called .png. */
static void test_format_from_output_name(void **state)
{
    (void)state;
    cli_opts o;
    char err[256];
    static const struct {
        const char *out;
        enum cli_format fmt;
    } cases[] = {{"a.txt", FMT_TEXT},   {"a.md", FMT_MD},
                 {"a.MD", FMT_MD},      {"a.json", FMT_JSON},
                 {"a.jsonl", FMT_JSONL}, {"a.html", FMT_HTML},
                 {"a.htm", FMT_HTML},   {"a.png", FMT_IMAGE},
                 {"a.ppm", FMT_IMAGE},  {"a.apng", FMT_IMAGE},
                 {"a.log", FMT_TEXT},   {"dir.md/a", FMT_TEXT},
                 {"-", FMT_TEXT}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(parse(&o, err, 4, "summarize", "-o", cases[i].out,
                               "x.txt"),
                         EXIT_OK);
        assert_int_equal(o.format, cases[i].fmt);
    }
    assert_int_equal(parse(&o, err, 4, "summarize", "-o", "a.ppm", "x"),
                     EXIT_OK);
    assert_int_equal(o.img.format, PRECIS_IMG_PPM);
    assert_int_equal(parse(&o, err, 6, "summarize", "-f", "apng", "-o",
                           "a.png", "x"),
                     EXIT_OK);
    assert_int_equal(o.img.format, PRECIS_IMG_APNG);
    assert_int_equal(parse(&o, err, 6, "summarize", "-f", "png", "-o",
                           "a.apng", "x"),
                     EXIT_USAGE);
    assert_int_equal(parse(&o, err, 6, "summarize", "-f", "md", "-o",
                           "a.json", "x"),
                     EXIT_USAGE);
    assert_non_null(strstr(err, "conflicts"));
    assert_int_equal(parse(&o, err, 6, "summarize", "-f", "md", "-o",
                           "a.notes", "x"),
                     EXIT_OK);
    assert_int_equal(o.format, FMT_MD);
    /* --jsonl writes JSON Lines whatever the name, and refuses others. */
    assert_int_equal(parse(&o, err, 2, "summarize", "--jsonl"), EXIT_OK);
    assert_int_equal(o.format, FMT_JSONL);
    assert_true(o.opt.keywords > 0);
    assert_int_equal(parse(&o, err, 4, "summarize", "--jsonl", "-f", "md"),
                     EXIT_USAGE);
}

/* Each command takes its formats and options, and refuses the rest. */
static void test_options_must_apply(void **state)
{
    (void)state;
    cli_opts o;
    char err[256];
    assert_int_equal(parse(&o, err, 5, "summarize", "split", "-f", "json",
                           "x"),
                     EXIT_OK);
    assert_int_equal(parse(&o, err, 5, "summarize", "split", "-f", "md", "x"),
                     EXIT_USAGE);
    assert_int_equal(parse(&o, err, 5, "summarize", "headlines", "-f", "md",
                           "x"),
                     EXIT_OK);
    assert_int_equal(parse(&o, err, 5, "summarize", "brief", "-f", "png",
                           "d"),
                     EXIT_USAGE);
    assert_int_equal(parse(&o, err, 5, "summarize", "brief", "-f", "html",
                           "d"),
                     EXIT_OK);
    assert_int_equal(parse(&o, err, 5, "summarize", "brief", "-f", "atom",
                           "d"),
                     EXIT_OK);
    assert_int_equal(parse(&o, err, 4, "summarize", "-f", "atom", "x"),
                     EXIT_USAGE);
    assert_non_null(strstr(err, "atom is for brief"));
    assert_int_equal(parse(&o, err, 4, "summarize", "--top", "3", "x"),
                     EXIT_USAGE);
    assert_string_equal(err, "--top applies only to 'summarize brief'");
    assert_int_equal(parse(&o, err, 5, "summarize", "brief", "--top", "3",
                           "d"),
                     EXIT_OK);
    assert_int_equal(parse(&o, err, 5, "summarize", "keywords", "-n", "3",
                           "x"),
                     EXIT_USAGE);
    assert_int_equal(parse(&o, err, 3, "summarize", "--json-pretty", "x"),
                     EXIT_USAGE);
    assert_int_equal(parse(&o, err, 5, "summarize", "--fg", "red", "-f", "md"),
                     EXIT_USAGE);
    assert_int_equal(parse(&o, err, 7, "summarize", "brief", "--png", "t.png",
                           "--fg", "red", "d"),
                     EXIT_OK);
    assert_int_equal(parse(&o, err, 6, "summarize", "-f", "apng", "--layout",
                           "list", "x"),
                     EXIT_USAGE);
    assert_int_equal(parse(&o, err, 6, "summarize", "-f", "apng", "--layout",
                           "strip", "x"),
                     EXIT_OK);
}

static void test_dates_are_days(void **state)
{
    (void)state;
    cli_opts o;
    char err[256];
    static const char *const good[] = {"2025-11-04", "2024-02-29",
                                       "2000-02-29", "1999-12-31"};
    static const char *const bad[] = {"2025-13-45", "2025-02-29",
                                      "1900-02-29", "2025-04-31",
                                      "2025-00-10", "2025-1-04",
                                      "20251104", "2025-11-04x"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        assert_int_equal(parse(&o, err, 5, "summarize", "brief", "--date",
                               good[i], "d"),
                         EXIT_OK);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(parse(&o, err, 5, "summarize", "brief", "--date",
                               bad[i], "d"),
                         EXIT_USAGE);
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
        cmocka_unit_test(test_format_from_output_name),
        cmocka_unit_test(test_options_must_apply),
        cmocka_unit_test(test_dates_are_days),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
