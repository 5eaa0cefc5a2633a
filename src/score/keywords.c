/* keywords.c: key phrases by TextRank over words (Mihalcea & Tarau 2004).
 *
 * The content words of the document (stopwords and numbers out, stemmed)
 * are the nodes of a graph with an edge between words that follow each
 * other; PageRank scores them, the top third are keywords, and keywords
 * that stand next to each other in the text are joined into phrases
 * ("North Korea"). Each phrase is shown as it is written in the text. */
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "internal.h"
#include "score/rank.h"
#include "util/sort.h"
#include "util/unicode.h"
#include "util/utf8.h"
#include "score/vector.h"

/* Longest phrase, in words. */
#define MAX_PHRASE 4

/* Whether a term's word is a number (or has no letter at all): numbers are
 * facts, not topics. */
static bool has_letter(const char *s, size_t len)
{
    for (size_t i = 0; i < len;)
        if (uc_is_letter(u8_next(s, len, &i)))
            return true;
    return false;
}

/* Builds the word graph: an edge for each pair of neighbouring content
 * words, weighted by how often they are neighbours. The pairs are bucketed
 * by their first word (a counting sort, linear), then each bucket is
 * sorted and merged. */
static void word_graph(precis_doc *doc, const bool *topical, graph *g)
{
    size_t n = doc->n_terms;
    size_t *count = precis__calloc(n + 1, sizeof *count);
    /* Two passes over the neighbours: count per first word, then place. */
    for (int pass = 0; pass < 2; pass++) {
        uint32_t *slot = pass ? (uint32_t *)g->col : NULL;
        for (size_t s = 0; s < doc->n_sents; s++) {
            const sentence *st = &doc->sents[s];
            uint32_t prev = UINT32_MAX;
            for (uint32_t k = 0; k < st->n_terms; k++) {
                uint32_t t = st->terms[k];
                if (!topical[t])
                    continue;
                if (prev != UINT32_MAX && prev != t) {
                    if (pass == 0) {
                        count[prev + 1]++;
                        count[t + 1]++;
                    } else {
                        slot[g->row[prev] + count[prev]++] = t;
                        slot[g->row[t] + count[t]++] = prev;
                    }
                }
                prev = t;
            }
        }
        if (pass == 0) {
            g->n = n;
            g->row = arena_array(&doc->mem, n + 1, sizeof *g->row);
            for (size_t t = 0; t < n; t++)
                g->row[t + 1] = g->row[t] + count[t + 1];
            size_t m = g->row[n] ? g->row[n] : 1;
            g->col = arena_array(&doc->mem, m, sizeof *g->col);
            g->w = arena_array(&doc->mem, m, sizeof *g->w);
            memset(count, 0, (n + 1) * sizeof *count);
        }
    }
    free(count);
    /* Merge repeated neighbours into weights, compacting the rows. */
    size_t out = 0;
    for (size_t t = 0; t < n; t++) {
        size_t start = g->row[t], end = g->row[t + 1];
        sort_u32(g->col + start, end - start);
        g->row[t] = out;
        for (size_t e = start; e < end; e++) {
            if (out > g->row[t] && g->col[out - 1] == g->col[e]) {
                g->w[out - 1] += 1.0;
                continue;
            }
            g->col[out] = g->col[e];
            g->w[out++] = 1.0;
        }
    }
    g->row[n] = out;
}

/* Sorts term ids by score, best first, ties to the smaller id (a merge
 * sort: qsort's comparator could not see the scores without a global). */
static void sort_by_score(uint32_t *ids, size_t n, const double *score)
{
    if (n < 2)
        return;
    uint32_t *tmp = precis__malloc(n * sizeof *tmp);
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t a = lo, b = mid, k = lo;
            while (a < mid || b < hi) {
                bool take_a =
                    b >= hi ||
                    (a < mid &&
                     (score[ids[a]] > score[ids[b]] ||
                      (score[ids[a]] == score[ids[b]] && ids[a] < ids[b])));
                tmp[k++] = take_a ? ids[a++] : ids[b++];
            }
        }
        memcpy(ids, tmp, n * sizeof *ids);
    }
    free(tmp);
}

typedef struct phrase {
    uint32_t ids[MAX_PHRASE];
    uint32_t n;
    double score;
    const char *surface; /* into doc->text */
    size_t surface_len;
    bool initial; /* the surface stands at a sentence start */
} phrase;

static int by_score(const void *x, const void *y)
{
    const phrase *p = x, *q = y;
    if (p->score != q->score)
        return p->score < q->score ? 1 : -1;
    /* Equal scores: the earlier phrase in the text first. */
    return (p->surface > q->surface) - (p->surface < q->surface);
}

/* Two neighbouring terms belong to one phrase when their words are
 * neighbours in the text, joined by a space or a hyphen only. */
static bool joined(const char *s, const term_pos *a, const term_pos *b)
{
    if (b->word != a->word + 1)
        return false;
    for (uint32_t i = a->off + a->len; i < b->off; i++)
        if (s[i] != ' ' && s[i] != '-')
            return false;
    return true;
}

static bool contains(const phrase *big, const phrase *small)
{
    for (uint32_t i = 0; i + small->n <= big->n; i++)
        if (memcmp(big->ids + i, small->ids, small->n * sizeof *small->ids) ==
            0)
            return true;
    return false;
}

void keywords_run(precis_doc *doc)
{
    if (doc->keywords_done)
        return;
    doc->keywords_done = true;
    doc->n_keywords = 0;
    size_t n = doc->n_terms;
    if (n == 0)
        return;
    /* Which terms can be keywords: those written with a letter. */
    bool *topical = precis__calloc(n, sizeof *topical);
    bool *seen = precis__calloc(n, sizeof *seen);
    for (size_t s = 0; s < doc->n_sents; s++) {
        const sentence *st = &doc->sents[s];
        for (uint32_t k = 0; k < st->n_terms; k++) {
            uint32_t t = st->terms[k];
            if (seen[t])
                continue;
            seen[t] = true;
            topical[t] = has_letter(doc->text.data + st->off + st->pos[k].off,
                                    st->pos[k].len);
        }
    }
    free(seen);

    graph g;
    word_graph(doc, topical, &g);
    double *score = precis__malloc(n * sizeof *score);
    pagerank(&g, 0.85, 1e-8, 200, NULL, score);
    /* With a background table, words common in all news ("said", "year")
     * give way to the ones particular to this article. */
    model_need_idf(doc->lang->model);
    if (doc->lang->model->idf_docs > 0)
        for (size_t t = 0; t < n; t++)
            score[t] *= vectors_idf(doc, (uint32_t)t, true);

    /* The top third of the connected content words are keywords. */
    size_t nodes = 0;
    for (size_t t = 0; t < n; t++)
        nodes += topical[t] && g.row[t + 1] > g.row[t];
    size_t want = nodes / 3 < 5 ? (nodes < 5 ? nodes : 5) : nodes / 3;
    bool *key = precis__calloc(n, sizeof *key);
    uint32_t *order = precis__malloc(n * sizeof *order);
    size_t n_order = 0;
    for (size_t t = 0; t < n; t++)
        if (topical[t] && g.row[t + 1] > g.row[t])
            order[n_order++] = (uint32_t)t;
    sort_by_score(order, n_order, score);
    for (size_t k = 0; k < want && k < n_order; k++)
        key[order[k]] = true;
    free(order);

    /* Phrases: runs of neighbouring keywords, collected once each. */
    strmap index = {0};
    size_t n_phrases = 0, cap = 64;
    phrase *phrases = precis__malloc(cap * sizeof *phrases);
    for (size_t s = 0; s < doc->n_sents; s++) {
        const sentence *st = &doc->sents[s];
        const char *text = doc->text.data + st->off;
        for (uint32_t k = 0; k < st->n_terms;) {
            if (!key[st->terms[k]]) {
                k++;
                continue;
            }
            uint32_t end = k + 1;
            while (end < st->n_terms && end - k < MAX_PHRASE &&
                   key[st->terms[end]] &&
                   joined(text, &st->pos[end - 1], &st->pos[end]))
                end++;
            phrase p = {.n = end - k};
            for (uint32_t j = k; j < end; j++) {
                p.ids[j - k] = st->terms[j];
                p.score += score[st->terms[j]];
            }
            p.surface = text + st->pos[k].off;
            p.surface_len =
                st->pos[end - 1].off + st->pos[end - 1].len - st->pos[k].off;
            p.initial = st->pos[k].word == 0;
            int added;
            uint32_t *slot =
                strmap_put(&index, (const char *)p.ids, p.n * sizeof *p.ids,
                           (uint32_t)n_phrases, &added);
            if (added) {
                if (n_phrases == cap) {
                    cap *= 2;
                    phrases =
                        precis__reallocarray(phrases, cap, sizeof *phrases);
                }
                phrases[n_phrases++] = p;
            } else if (phrases[*slot].initial && !p.initial) {
                /* Prefer a surface from mid-sentence: "farmers", not the
                 * capitalised "Farmers" that opened a sentence. */
                phrases[*slot].surface = p.surface;
                phrases[*slot].surface_len = p.surface_len;
                phrases[*slot].initial = false;
            }
            k = end;
        }
    }
    strmap_free(&index);
    qsort(phrases, n_phrases, sizeof *phrases, by_score);

    /* The best PRECIS_MAX_KEYWORDS phrases not inside a better one. A
     * phrase inside a dropped one is inside the phrase that dropped it, so
     * comparing with the kept ones suffices (and keeps this linear). */
    size_t cap_kept = n_phrases < PRECIS_MAX_KEYWORDS ? n_phrases
                                                      : PRECIS_MAX_KEYWORDS;
    size_t *kept = precis__malloc((cap_kept ? cap_kept : 1) * sizeof *kept);
    doc->keywords =
        arena_array(&doc->mem, cap_kept ? cap_kept : 1, sizeof *doc->keywords);
    for (size_t i = 0; i < n_phrases && doc->n_keywords < cap_kept; i++) {
        bool inside = false;
        for (size_t j = 0; j < doc->n_keywords && !inside; j++)
            inside = phrases[kept[j]].n > phrases[i].n &&
                     contains(&phrases[kept[j]], &phrases[i]);
        if (inside)
            continue;
        /* "Trump's" names Trump: drop a possessive at the end. */
        size_t len = phrases[i].surface_len;
        const char *sf = phrases[i].surface;
        if (len > 4 && memcmp(sf + len - 4, "\xE2\x80\x99s", 4) == 0)
            len -= 4;
        else if (len > 2 && memcmp(sf + len - 2, "'s", 2) == 0)
            len -= 2;
        /* The words as written: a span of the text, which never moves. */
        kept[doc->n_keywords] = i;
        doc->keywords[doc->n_keywords++] =
            (span){(size_t)(sf - doc->text.data), len};
    }
    free(kept);
    free(phrases);
    free(key);
    free(score);
    free(topical);
}
