/* vector.c: sentence vectors for the similarity functions of rank.c. */
#include "score/vector.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/sort.h"

/* The background document frequency of every term of doc, looked up in
 * the language's idf.txt (read on first use) by the terms' stems. */
static void make_term_df(precis_doc *doc)
{
    lang_model *m = doc->lang->model;
    model_need_idf(m);
    doc->term_df =
        precis__calloc(doc->n_terms ? doc->n_terms : 1, sizeof *doc->term_df);
    for (size_t k = 0; k < doc->terms.cap; k++) {
        const strmap_slot *s = &doc->terms.slots[k];
        if (!s->key)
            continue;
        const uint32_t *df = strmap_get(&m->idf, s->key, s->len);
        doc->term_df[s->value] = df ? *df : 0;
    }
}

double vectors_idf(const precis_doc *doc, uint32_t t, bool background)
{
    const uint32_t *sent_df = doc->sent_df;
    if (background && !doc->term_df)
        make_term_df((precis_doc *)doc); /* a cache, filled once */
    uint32_t docs = doc->lang->model->idf_docs;
    if (background && docs > 0) {
        /* A term the background corpus never showed (df below its cut-off
         * of 2) is rare: give it the IDF of a single occurrence. */
        double df = doc->term_df[t] ? doc->term_df[t] : 1.0;
        return log((docs + 1.0) / (df + 0.5));
    }
    uint32_t df = t < doc->n_sent_df ? sent_df[t] : 0;
    return log((doc->n_sents + 1.0) / (df + 0.5));
}

/* Fills v with the distinct terms of s (ascending) and their counts. */
static void count_terms(precis_doc *doc, const sentence *s, svec *v,
                        uint32_t **scratch, size_t *cap)
{
    if (s->n_terms > *cap) {
        *cap = s->n_terms;
        *scratch = precis__reallocarray(*scratch, *cap, sizeof **scratch);
    }
    if (s->n_terms) { /* memcpy and qsort take no NULL, even for 0 */
        memcpy(*scratch, s->terms, s->n_terms * sizeof **scratch);
        sort_u32(*scratch, s->n_terms);
    }
    uint32_t distinct = 0;
    for (uint32_t k = 0; k < s->n_terms; k++)
        distinct += k == 0 || (*scratch)[k] != (*scratch)[k - 1];
    v->n = distinct;
    v->ids = arena_array(&doc->work, distinct ? distinct : 1, sizeof *v->ids);
    v->w = arena_array(&doc->work, distinct ? distinct : 1, sizeof *v->w);
    uint32_t d = 0;
    for (uint32_t k = 0; k < s->n_terms; k++) {
        if (k > 0 && (*scratch)[k] == (*scratch)[k - 1]) {
            v->w[d - 1] += 1.0f;
            continue;
        }
        v->ids[d] = (*scratch)[k];
        v->w[d++] = 1.0f;
    }
}

/* Turns counts into weights: binary, or (1 + ln tf) * idf at unit length.
 * idf, when not NULL, holds every term's vectors_idf already. */
static void weigh(const precis_doc *doc, svec *v, enum weighting how,
                  const double *idf)
{
    bool background = doc->lang->model->weights.background_idf > 0.0;
    double norm = 0.0;
    for (uint32_t k = 0; k < v->n; k++) {
        double w = 1.0;
        if (how == WEIGHT_TFIDF) {
            /* ln 1 = 0: most terms occur once in a sentence. */
            double tf = v->w[k] == 1.0f ? 1.0 : 1.0 + log(v->w[k]);
            w = tf * (idf ? idf[v->ids[k]]
                          : vectors_idf(doc, v->ids[k], background));
        }
        if (w < 0.0)
            w = 0.0;
        v->w[k] = (float)w;
        norm += w * w;
    }
    if (how == WEIGHT_TFIDF && norm > 0.0) {
        float scale = (float)(1.0 / sqrt(norm));
        for (uint32_t k = 0; k < v->n; k++)
            v->w[k] *= scale;
    }
}

svec vectors_one(precis_doc *doc, const sentence *s)
{
    svec v;
    uint32_t *scratch = NULL;
    size_t cap = 0;
    count_terms(doc, s, &v, &scratch, &cap);
    free(scratch);
    weigh(doc, &v, WEIGHT_TFIDF, NULL);
    return v;
}

svec *vectors_build(precis_doc *doc, enum weighting how)
{
    size_t n = doc->n_sents;
    svec *v = arena_array(&doc->work, n ? n : 1, sizeof *v);
    doc->n_sent_df = doc->n_terms;
    doc->sent_df = arena_array(&doc->work, doc->n_terms ? doc->n_terms : 1,
                               sizeof *doc->sent_df);
    uint32_t *scratch = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < n; i++) {
        count_terms(doc, &doc->sents[i], &v[i], &scratch, &cap);
        for (uint32_t k = 0; k < v[i].n; k++)
            doc->sent_df[v[i].ids[k]]++;
    }
    free(scratch);
    /* Each term's IDF once, not once per sentence holding it. */
    double *idf = NULL;
    if (how == WEIGHT_TFIDF) {
        bool background = doc->lang->model->weights.background_idf > 0.0;
        idf = precis__reallocarray(NULL, doc->n_terms ? doc->n_terms : 1,
                                   sizeof *idf);
        for (size_t t = 0; t < doc->n_terms; t++)
            idf[t] = vectors_idf(doc, (uint32_t)t, background);
    }
    for (size_t i = 0; i < n; i++)
        weigh(doc, &v[i], how, idf);
    free(idf);
    return v;
}

double svec_dot(const svec *a, const svec *b)
{
    double dot = 0.0;
    uint32_t i = 0, j = 0;
    while (i < a->n && j < b->n) {
        if (a->ids[i] == b->ids[j])
            dot += (double)a->w[i++] * b->w[j++];
        else if (a->ids[i] < b->ids[j])
            i++;
        else
            j++;
    }
    return dot;
}

double svec_dot_dense(const svec *a, const double *dense)
{
    double dot = 0.0;
    for (uint32_t k = 0; k < a->n; k++)
        dot += (double)a->w[k] * dense[a->ids[k]];
    return dot;
}

svec vectors_centroid(precis_doc *doc, const svec *vecs, size_t n)
{
    double *sum = precis__calloc(doc->n_terms ? doc->n_terms : 1, sizeof *sum);
    for (size_t i = 0; i < n; i++)
        for (uint32_t k = 0; k < vecs[i].n; k++)
            sum[vecs[i].ids[k]] += vecs[i].w[k];
    uint32_t nz = 0;
    double norm = 0.0;
    for (size_t t = 0; t < doc->n_terms; t++) {
        nz += sum[t] != 0.0;
        norm += sum[t] * sum[t];
    }
    svec c = {nz, arena_array(&doc->work, nz ? nz : 1, sizeof *c.ids),
              arena_array(&doc->work, nz ? nz : 1, sizeof *c.w)};
    uint32_t k = 0;
    double scale = norm > 0.0 ? 1.0 / sqrt(norm) : 0.0;
    for (size_t t = 0; t < doc->n_terms; t++)
        if (sum[t] != 0.0) {
            c.ids[k] = (uint32_t)t;
            c.w[k++] = (float)(sum[t] * scale);
        }
    free(sum);
    return c;
}
