/* The sentence-splitting cases of tests/segment_cases.txt, one file of
 * readable examples (cmark's regression.txt idea):
 *
 *     lang: en
 *     input, one or more lines
 *     ---
 *     expected sentence
 *     ===
 *
 * Usage: test_segment_cases FILE. Prints TAP, one line per case, named by
 * the line the case starts on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "precis.h"

typedef struct text {
    char *data;
    size_t len, cap;
} text;

static void append(text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        t->cap = (t->len + n + 1) * 2;
        t->data = realloc(t->data, t->cap);
        if (!t->data)
            abort();
    }
    memcpy(t->data + t->len, s, n);
    t->len += n;
    t->data[t->len] = '\0';
}

static int run_case(const char *lang, const text *input, const text *want,
                    int line_no, int number)
{
    precis_status st;
    precis_ctx *ctx = precis_ctx_new(lang, NULL, &st);
    if (!ctx) {
        printf("not ok %d - line %d: unknown language %s\n", number, line_no,
               lang);
        return 0;
    }
    precis_doc *doc = precis_doc_new(ctx);
    precis_doc_feed(doc, input->data, input->len);
    /* Boilerplate is kept: these cases test the splitter alone. */
    precis_options opt = precis_options_default();
    opt.flags |= PRECIS_OPT_KEEP_BOILERPLATE;
    st = precis_doc_finish(doc, &opt);
    text got = {0};
    append(&got, "", 0);
    if (st == PRECIS_OK) {
        for (size_t i = 0; i < precis_doc_sentence_count(doc); i++) {
            precis_sentence s;
            precis_doc_sentence(doc, i, &s);
            append(&got, s.text, s.len);
            append(&got, "\n", 1);
        }
    }
    int ok = st == PRECIS_OK && strcmp(got.data, want->data) == 0;
    printf("%s %d - line %d\n", ok ? "ok" : "not ok", number, line_no);
    if (!ok) {
        printf("# input:\n# %s", input->data);
        printf("# want:\n");
        for (char *p = want->data; *p;) {
            char *e = strchr(p, '\n');
            printf("#   [%.*s]\n", (int)(e - p), p);
            p = e + 1;
        }
        printf("# got:\n");
        for (char *p = got.data; *p;) {
            char *e = strchr(p, '\n');
            printf("#   [%.*s]\n", (int)(e - p), p);
            p = e + 1;
        }
    }
    free(got.data);
    precis_doc_free(doc);
    precis_ctx_free(ctx);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_segment_cases FILE\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    char line[8192];
    char lang[32] = "en";
    text input = {0}, want = {0};
    enum { OUTSIDE, INPUT, WANT } part = OUTSIDE;
    int line_no = 0, start = 0, number = 0, passed = 0;
    while (fgets(line, sizeof line, f)) {
        line_no++;
        if (part == OUTSIDE) {
            if (strncmp(line, "lang:", 5) == 0) {
                sscanf(line + 5, " %31s", lang);
                part = INPUT;
                start = line_no;
                input.len = want.len = 0;
                append(&input, "", 0);
                append(&want, "", 0);
            }
            continue;
        }
        if (strcmp(line, "---\n") == 0 && part == INPUT) {
            part = WANT;
        } else if (strcmp(line, "===\n") == 0 && part == WANT) {
            number++;
            passed += run_case(lang, &input, &want, start, number);
            part = OUTSIDE;
        } else if (part == INPUT) {
            append(&input, line, strlen(line));
        } else {
            /* Expected sentences are trimmed, as the splitter trims. */
            char *s = line, *e = line + strlen(line);
            while (*s == ' ')
                s++;
            while (e > s && (e[-1] == '\n' || e[-1] == ' '))
                e--;
            if (e > s) {
                append(&want, s, (size_t)(e - s));
                append(&want, "\n", 1);
            }
        }
    }
    fclose(f);
    free(input.data);
    free(want.data);
    printf("1..%d\n# %d of %d cases pass\n", number, passed, number);
    return passed == number && number > 0 ? 0 : 1;
}
