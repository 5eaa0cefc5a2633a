/* vector.h: sparse term vectors of sentences, for similarity. */
#ifndef PRECIS_VECTOR_H
#define PRECIS_VECTOR_H

#include "util/symbols.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "internal.h"

/* A sparse vector: ids ascending, one weight each. */
typedef struct svec {
    uint32_t n;
    uint32_t *ids;
    float *w;
} svec;

/* How sentence terms are weighted. */
enum weighting {
    WEIGHT_BINARY, /* 1 for each distinct term (TextRank's word overlap) */
    WEIGHT_TFIDF   /* (1 + ln tf) * idf, scaled to unit length */
};

/* One vector per sentence of doc, in doc->mem (IDF: see vectors_idf). */
svec *vectors_build(precis_doc *doc, enum weighting how);

/* The IDF of term t of doc: from the language's background table when
 * background is set and there is one (words it never saw count as rare),
 * else from the document's own sentences (after vectors_build ran).
 * Sentence vectors use the background only when the weights say so
 * (measured: within one article the article's own IDF ranks better);
 * comparing articles (briefings) always wants it. */
double vectors_idf(const precis_doc *doc, uint32_t t, bool background);

/* A unit tf-idf vector for one more piece of text analysed like a
 * sentence (the title), with the IDF of the last vectors_build. */
svec vectors_one(precis_doc *doc, const sentence *s);

/* Dot product of two vectors (cosine for unit vectors). */
double svec_dot(const svec *a, const svec *b);

/* Dot product of a with a dense vector indexed by term id. */
double svec_dot_dense(const svec *a, const double *dense);

/* The sum of vecs[0..n) scaled to unit length, in doc->mem. */
svec vectors_centroid(precis_doc *doc, const svec *vecs, size_t n);

#endif
