/* tune: chooses the weights of the precis score (models/LANG/weights.txt)
 * by grid search on a data set, honestly: two-fold cross-validation says
 * how the chosen weights do on articles they were not chosen on.
 *
 *   tune [-s SOURCE] [-n N] DATASET_DIR
 *
 * Every article of DATASET_DIR/articles with a reference in refs/ is read
 * and analysed once; then each point of the grid re-ranks all of them and
 * scores the summaries with ROUGE (tools/eval/rouge.c). The objective is
 * the mean of ROUGE-1, -2 and -L F1 on SOURCE (default cnndm: human
 * highlights, the subset that matters most). The folds split the SOURCE
 * articles by the parity of a hash of their ID. Prints the best weights
 * on all articles (as weights.txt lines), the cross-validated score next
 * to LEAD-N on the same folds, and every subset's score. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "rouge.h"

typedef struct article {
    char *id;
    char *source;
    char *ref;
    size_t ref_len;
    precis_doc *doc;
    int fold;
} article;

static char *read_text(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_put(&b, chunk, n);
    fclose(f);
    return buf_detach(&b, len);
}

static int by_id(const void *x, const void *y)
{
    return strcmp(((const article *)x)->id, ((const article *)y)->id);
}

/* ROUGE of one summary: the chosen sentences, one per line. */
static void score_doc(rouge_scorer *rs, const article *a, rouge_score *out)
{
    buf cand = {0};
    for (size_t k = 0; k < precis_doc_summary_count(a->doc); k++) {
        precis_sentence s;
        if (precis_doc_summary_sentence(a->doc, k, &s) != PRECIS_OK)
            continue;
        buf_put(&cand, s.text, s.len);
        buf_putc(&cand, '\n');
    }
    rouge_score_texts(rs, buf_cstr(&cand), cand.len, a->ref, a->ref_len, out);
    buf_free(&cand);
}

/* The lead: the first n sentences that select.c could choose. */
static void score_lead(rouge_scorer *rs, const article *a, size_t n,
                       rouge_score *out)
{
    buf cand = {0};
    for (size_t i = 0, k = 0; i < a->doc->n_sents && k < n; i++, k++) {
        const sentence *s = &a->doc->sents[i];
        buf_put(&cand, a->doc->text.data + s->off, s->len);
        buf_putc(&cand, '\n');
    }
    rouge_score_texts(rs, buf_cstr(&cand), cand.len, a->ref, a->ref_len, out);
    buf_free(&cand);
}

static double mean3(const rouge_score *s)
{
    return (s->r1.f + s->r2.f + s->rl.f) / 3.0;
}

typedef struct totals {
    double sum[4]; /* fold 0, fold 1, all of the source, everything */
    size_t n[4];
} totals;

static void add(totals *t, const article *a, const char *source, double v)
{
    bool mine = strcmp(a->source, source) == 0;
    if (mine) {
        t->sum[a->fold] += v, t->n[a->fold]++;
        t->sum[2] += v, t->n[2]++;
    }
    t->sum[3] += v, t->n[3]++;
}

static double avg(const totals *t, int k)
{
    return t->n[k] ? 100.0 * t->sum[k] / (double)t->n[k] : 0.0;
}

/* Which cross-validation half an article is in: FNV-1a of its id, so the
 * halves stay the ones the weights were tuned on (strmap_hash changed). */
static int fold_of(const char *id)
{
    uint32_t h = 2166136261u;
    for (const char *p = id; *p; p++) {
        h ^= (unsigned char)*p;
        h *= 16777619u;
    }
    return (int)(h & 1);
}

/* The grid: every combination of these values. */
static const double lead_decays[] = {0.5, 0.75, 1.0, 1.5, 2.0};
static const double centroids[] = {0.4, 0.6, 0.8, 1.0};
static const double centralities[] = {0.0, 0.2, 0.4};
static const double titles[] = {0.0, 0.2};
static const double lengths[] = {0.0, 0.1};
static const double quotes[] = {0.0, 0.1, 0.2};
static const double lambdas[] = {0.6, 0.7, 0.8};
#define COUNT(a) (sizeof a / sizeof a[0])

int main(int argc, char **argv)
{
    const char *source = "cnndm";
    size_t n_sent = 3;
    int i = 1;
    for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
        if (strcmp(argv[i], "-s") == 0)
            source = argv[i + 1];
        else if (strcmp(argv[i], "-n") == 0)
            n_sent = (size_t)strtoul(argv[i + 1], NULL, 10);
    }
    if (i != argc - 1) {
        fprintf(stderr, "usage: tune [-s SOURCE] [-n N] DATASET_DIR\n");
        return 2;
    }
    const char *dir = argv[i];
    char path[4096];
    snprintf(path, sizeof path, "%s/articles", dir);
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "tune: %s: %s\n", path, strerror(errno));
        return 1;
    }
    precis_status st;
    precis_ctx *ctx = precis_ctx_new("english", NULL, &st);
    size_t n = 0, cap = 512;
    article *arts = calloc(cap, sizeof *arts);
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0)
            continue;
        if (n == cap)
            arts = realloc(arts, (cap *= 2) * sizeof *arts);
        article *a = &arts[n];
        memset(a, 0, sizeof *a);
        a->id = strndup(e->d_name, len - 4);
        snprintf(path, sizeof path, "%s/refs/%s", dir, e->d_name);
        a->ref = read_text(path, &a->ref_len);
        size_t text_len;
        snprintf(path, sizeof path, "%s/articles/%s", dir, e->d_name);
        char *text = read_text(path, &text_len);
        if (!a->ref || !text) {
            free(text);
            free(a->ref);
            free(a->id);
            continue;
        }
        a->source = strndup(a->id, strcspn(a->id, "-"));
        a->fold = fold_of(a->id);
        a->doc = precis_doc_new(ctx);
        precis_doc_feed(a->doc, text, text_len);
        free(text);
        if (precis_doc_finish(a->doc, NULL) != PRECIS_OK) {
            precis_doc_free(a->doc);
            free(a->ref);
            free(a->id);
            free(a->source);
            continue;
        }
        n++;
    }
    closedir(d);
    qsort(arts, n, sizeof *arts, by_id);
    rouge_scorer *rs = rouge_scorer_new();

    totals lead = {0};
    for (size_t k = 0; k < n; k++) {
        rouge_score s;
        score_lead(rs, &arts[k], n_sent, &s);
        add(&lead, &arts[k], source, mean3(&s));
    }

    precis_options opt = precis_options_default();
    opt.sentences = n_sent;
    opt.keywords = 0;
    rank_weights *w = &ctx->fixed->model->weights;
    rank_weights best[3] = {*w, *w, *w}; /* by fold 0, fold 1, all */
    double best_v[3] = {-1, -1, -1};
    totals at_best[3] = {0};
    size_t points = 0;
    for (size_t a = 0; a < COUNT(lead_decays); a++)
        for (size_t b = 0; b < COUNT(centroids); b++)
            for (size_t c = 0; c < COUNT(centralities); c++)
                for (size_t t = 0; t < COUNT(titles); t++)
                    for (size_t l = 0; l < COUNT(lengths); l++)
                        for (size_t q = 0; q < COUNT(quotes); q++)
                            for (size_t m = 0; m < COUNT(lambdas); m++) {
                                w->lead_decay = lead_decays[a];
                                w->centroid = centroids[b];
                                w->centrality = centralities[c];
                                w->title = titles[t];
                                w->length = lengths[l];
                                w->quote = quotes[q];
                                w->mmr_lambda = lambdas[m];
                                totals tot = {0};
                                for (size_t k = 0; k < n; k++) {
                                    rouge_score s;
                                    precis_doc_summarize(arts[k].doc, &opt);
                                    score_doc(rs, &arts[k], &s);
                                    add(&tot, &arts[k], source, mean3(&s));
                                }
                                for (int f = 0; f < 3; f++) {
                                    double v = avg(&tot, f);
                                    if (v > best_v[f]) {
                                        best_v[f] = v;
                                        best[f] = *w;
                                        at_best[f] = tot;
                                    }
                                }
                                points++;
                            }

    /* Cross-validation: weights chosen on one fold, scored on the other. */
    double cv = (avg(&at_best[0], 1) * (double)lead.n[1] +
                 avg(&at_best[1], 0) * (double)lead.n[0]) /
                (double)(lead.n[0] + lead.n[1]);
    printf("# %zu grid points, %zu articles, objective: mean of R1/R2/RL F1 "
           "on %s\n",
           points, n, source);
    printf("# %s lead-%zu: %.2f   cross-validated precis: %.2f   "
           "(fold weights scored on the other fold)\n",
           source, n_sent, avg(&lead, 2), cv);
    printf("# chosen on all %s: %.2f (optimistic: seen), all sources "
           "%.2f vs lead %.2f\n",
           source, avg(&at_best[2], 2), avg(&at_best[2], 3), avg(&lead, 3));
    for (int f = 0; f < 3; f++) {
        const rank_weights *bw = &best[f];
        printf("# %s: lead_decay %.2f centroid %.1f centrality %.1f title "
               "%.1f length %.1f quote %.1f mmr_lambda %.1f\n",
               f == 2   ? "all"
               : f == 0 ? "fold 0"
                        : "fold 1",
               bw->lead_decay, bw->centroid, bw->centrality, bw->title,
               bw->length, bw->quote, bw->mmr_lambda);
    }
    const rank_weights *bw = &best[2];
    printf("lead %g\nlead_decay %g\ncentrality %g\ncentroid %g\ntitle %g\n"
           "length %g\nquote %g\ndamping %g\nedge_threshold %g\n"
           "mmr_lambda %g\n",
           bw->lead, bw->lead_decay, bw->centrality, bw->centroid, bw->title,
           bw->length, bw->quote, bw->damping, bw->edge_threshold,
           bw->mmr_lambda);

    for (size_t k = 0; k < n; k++) {
        precis_doc_free(arts[k].doc);
        free(arts[k].id);
        free(arts[k].source);
        free(arts[k].ref);
    }
    free(arts);
    rouge_scorer_free(rs);
    precis_ctx_free(ctx);
    return 0;
}
