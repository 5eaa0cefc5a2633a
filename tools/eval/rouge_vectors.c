/* rouge_vectors.c: checks the ROUGE module against the scores the original
 * ROUGE-1.5.5 Perl script gave for the pairs in rouge-vectors.tsv
 * (../shared/data/rouge-vectors.tsv).
 *
 * Usage: rouge_vectors FILE. Lines starting with '#' are comments; the
 * first other line is the header (name, candidate, reference, then
 * rouge1_p rouge1_r rouge1_f rouge2_p ... rougeL_f); in the texts " | "
 * separates sentences. Every number must agree within 0.0005.
 *
 * Exit status: 0 all rows agree, 1 a row differs or the file is malformed,
 * 77 (meson's "skipped") when FILE does not exist, 2 usage. */
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rouge.h"

#define TOLERANCE 0.0005
#define N_SCORES 9

static const char *const score_names[N_SCORES] = {
    "rouge1_p", "rouge1_r", "rouge1_f", "rouge2_p", "rouge2_r",
    "rouge2_f", "rougeL_p", "rougeL_r", "rougeL_f",
};

/* Splits line in place at tabs into at most max fields; returns how many
 * there are. */
static size_t split_tabs(char *line, char **fields, size_t max)
{
    size_t n = 0;
    char *p = line;
    while (n < max) {
        fields[n++] = p;
        p = strchr(p, '\t');
        if (!p)
            break;
        *p++ = '\0';
    }
    return n;
}

/* Rewrites the " | " sentence marks of s in place as newlines (SPL). */
static void bars_to_lines(char *s)
{
    char *out = s;
    for (const char *in = s; *in;) {
        if (strncmp(in, " | ", 3) == 0) {
            *out++ = '\n';
            in += 3;
        } else {
            *out++ = *in++;
        }
    }
    *out = '\0';
}

static void score_array(const rouge_score *sc, double out[N_SCORES])
{
    const rouge_prf *m[3] = {&sc->r1, &sc->r2, &sc->rl};
    for (int i = 0; i < 3; i++) {
        out[3 * i] = m[i]->p;
        out[3 * i + 1] = m[i]->r;
        out[3 * i + 2] = m[i]->f;
    }
}

/* Checks one data row; prints the differences. Returns true when all nine
 * numbers agree. */
static bool check_row(rouge_scorer *s, char **f, const char *file,
                      size_t lineno)
{
    double want[N_SCORES], got[N_SCORES];
    for (int i = 0; i < N_SCORES; i++) {
        char *end;
        want[i] = strtod(f[3 + i], &end);
        if (end == f[3 + i]) {
            fprintf(stderr, "rouge_vectors: %s:%zu: bad number '%s'\n", file,
                    lineno, f[3 + i]);
            return false;
        }
    }
    bars_to_lines(f[1]);
    bars_to_lines(f[2]);
    rouge_score sc;
    rouge_score_texts(s, f[1], strlen(f[1]), f[2], strlen(f[2]), &sc);
    score_array(&sc, got);
    bool ok = true;
    for (int i = 0; i < N_SCORES; i++) {
        if (fabs(got[i] - want[i]) > TOLERANCE) {
            fprintf(stderr, "FAIL %s: %s = %.5f, ROUGE-1.5.5 says %.5f\n", f[0],
                    score_names[i], got[i], want[i]);
            ok = false;
        }
    }
    printf("%s %s\n", ok ? "ok  " : "FAIL", f[0]);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("Usage: rouge_vectors FILE\n", stderr);
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    if (!in) {
        fprintf(stderr, "rouge_vectors: %s: %s\n", argv[1], strerror(errno));
        return errno == ENOENT ? 77 : 1;
    }
    rouge_scorer *s = rouge_scorer_new();
    if (!s) {
        fputs("rouge_vectors: libstemmer has no \"porter\" stemmer\n", stderr);
        fclose(in);
        return 1;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0, rows = 0, failed = 0;
    bool header = true;
    ssize_t len;
    while ((len = getline(&line, &cap, in)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        char *f[3 + N_SCORES];
        size_t nf = split_tabs(line, f, 3 + N_SCORES);
        if (header) { /* the column names */
            header = false;
            continue;
        }
        rows++;
        if (nf != 3 + N_SCORES) {
            fprintf(stderr, "rouge_vectors: %s:%zu: %zu fields, want %d\n",
                    argv[1], lineno, nf, 3 + N_SCORES);
            failed++;
        } else if (!check_row(s, f, argv[1], lineno)) {
            failed++;
        }
    }
    free(line);
    fclose(in);
    rouge_scorer_free(s);
    printf("%zu of %zu rows agree with ROUGE-1.5.5\n", rows - failed, rows);
    return failed || rows == 0 ? 1 : 0;
}
