/* keywords.c: key phrases by TextRank over words (Mihalcea & Tarau 2004).
 *
 * The content words of the document (stopwords and numbers out, stemmed)
 * are the nodes of a graph with an edge between words that follow each
 * other; PageRank scores them, the top third are keywords, and keywords
 * that stand next to each other in the text are joined into phrases
 * ("North Korea"). Each phrase is shown as it is written in the text. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "internal.h"
#include "rank.h"
#include "unicode.h"
#include "utf8.h"

/* Longest phrase, in words. */
#define MAX_PHRASE 4

typedef struct pair {
    uint32_t a, b;
} pair;

static int by_pair(const void *x, const void *y)
{
    const pair *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

/* Whether a term's word is a number (or has no letter at all): numbers are
 * facts, not topics. */
static bool has_letter(const char *s, size_t len)
{
    for (size_t i = 0; i < len;)
        if (uc_is_letter(utf8_next(s, len, &i)))
            return true;
    return false;
}

/* Builds the word graph: an edge for each pair of neighbouring content
 * words, weighted by how often they are neighbours. */
static void word_graph(precis_doc *doc, const bool *topical, graph *g)
{
    size_t n_pairs = 0, cap = 256;
    pair *pairs = precis__malloc(cap * sizeof *pairs);
    for (size_t s = 0; s < doc->n_sents; s++) {
        const sentence *st = &doc->sents[s];
        uint32_t prev = UINT32_MAX;
        for (uint32_t k = 0; k < st->n_terms; k++) {
            uint32_t t = st->terms[k];
            if (!topical[t])
                continue;
            if (prev != UINT32_MAX && prev != t) {
                if (n_pairs + 2 > cap) {
                    cap *= 2;
                    pairs = precis__reallocarray(pairs, cap, sizeof *pairs);
                }
                pairs[n_pairs++] = (pair){prev, t};
                pairs[n_pairs++] = (pair){t, prev};
            }
            prev = t;
        }
    }
    qsort(pairs, n_pairs, sizeof *pairs, by_pair);
    size_t n = doc->n_terms;
    g->n = n;
    g->row = arena_array(&doc->mem, n + 1, sizeof *g->row);
    g->col = arena_array(&doc->mem, n_pairs ? n_pairs : 1, sizeof *g->col);
    g->w = arena_array(&doc->mem, n_pairs ? n_pairs : 1, sizeof *g->w);
    size_t m = 0;
    for (size_t e = 0; e < n_pairs; e++) {
        if (m > 0 && e > 0 && pairs[e].a == pairs[e - 1].a &&
            pairs[e].b == pairs[e - 1].b) {
            g->w[m - 1] += 1.0;
            continue;
        }
        g->col[m] = pairs[e].b;
        g->w[m] = 1.0;
        g->row[pairs[e].a + 1]++;
        m++;
    }
    for (size_t i = 0; i < n; i++)
        g->row[i + 1] += g->row[i];
    free(pairs);
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

void keywords_run(precis_doc *doc, size_t max_keywords)
{
    doc->n_keywords = 0;
    size_t n = doc->n_terms;
    if (n == 0 || max_keywords == 0)
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

    /* The top third of the connected content words are keywords. */
    size_t nodes = 0;
    for (size_t t = 0; t < n; t++)
        nodes += topical[t] && g.row[t + 1] > g.row[t];
    size_t want = nodes / 3 < 5 ? (nodes < 5 ? nodes : 5) : nodes / 3;
    bool *key = precis__calloc(n, sizeof *key);
    for (size_t picked = 0; picked < want; picked++) {
        size_t best = n;
        for (size_t t = 0; t < n; t++)
            if (topical[t] && !key[t] && g.row[t + 1] > g.row[t] &&
                (best == n || score[t] > score[best]))
                best = t;
        if (best == n)
            break;
        key[best] = true;
    }

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
            p.surface_len = st->pos[end - 1].off + st->pos[end - 1].len -
                            st->pos[k].off;
            p.initial = st->pos[k].word == 0;
            int added;
            uint32_t *slot = strmap_put(&index, (const char *)p.ids,
                                        p.n * sizeof *p.ids,
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

    doc->keywords = arena_array(&doc->mem, max_keywords, sizeof *doc->keywords);
    for (size_t i = 0; i < n_phrases && doc->n_keywords < max_keywords; i++) {
        bool inside = false;
        for (size_t j = 0; j < i && !inside; j++)
            inside = phrases[j].n > phrases[i].n &&
                     contains(&phrases[j], &phrases[i]);
        if (inside)
            continue;
        doc->keywords[doc->n_keywords++] =
            (span){doc->meta.len, phrases[i].surface_len};
        buf_put(&doc->meta, phrases[i].surface, phrases[i].surface_len);
    }
    free(phrases);
    free(key);
    free(score);
    free(topical);
}
