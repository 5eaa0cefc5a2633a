/* rouge.c: ROUGE-1/2/L scoring that reproduces ROUGE-1.5.5 -n 2 -m -a.
 * See rouge.h for what is computed; the comments here say how and why. */
#include "rouge.h"

#include <libstemmer.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== memory ==== */

/* Like the library, treat allocation failure as fatal: an evaluation run
 * has no sensible way to continue without memory. */
static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fputs("precis-eval: out of memory\n", stderr);
        abort();
    }
    return q;
}

/* Grows *p (elements of size elem) so that it holds at least need. */
static void grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return;
    size_t c = *cap ? *cap : 16;
    while (c < need) {
        if (c > SIZE_MAX / 2 / elem) {
            fputs("precis-eval: out of memory\n", stderr);
            abort();
        }
        c *= 2;
    }
    *p = xrealloc(*p, c * elem);
    *cap = c;
}

/* ==== string interning ==== */

/* An open-addressing map from byte strings to ids. Keys are copied and
 * live as long as the map. */
typedef struct intern_slot {
    char *key; /* NULL: empty slot */
    size_t len;
    uint32_t id;
} intern_slot;

typedef struct intern_map {
    intern_slot *slots;
    size_t cap; /* a power of two, or 0 */
    size_t used;
} intern_map;

static uint64_t hash_bytes(const char *p, size_t len)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)p[i];
        h *= 1099511628211u;
    }
    return h;
}

/* The slot where key is, or the empty slot where it would go. */
static intern_slot *map_find(intern_map *m, const char *key, size_t len)
{
    size_t mask = m->cap - 1;
    size_t i = (size_t)hash_bytes(key, len) & mask;
    while (m->slots[i].key &&
           (m->slots[i].len != len || memcmp(m->slots[i].key, key, len)))
        i = (i + 1) & mask;
    return &m->slots[i];
}

static void map_rehash(intern_map *m)
{
    intern_map bigger = {0};
    bigger.cap = m->cap ? m->cap * 2 : 1024;
    bigger.slots = xrealloc(NULL, bigger.cap * sizeof *bigger.slots);
    memset(bigger.slots, 0, bigger.cap * sizeof *bigger.slots);
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            *map_find(&bigger, m->slots[i].key, m->slots[i].len) = m->slots[i];
    bigger.used = m->used;
    free(m->slots);
    *m = bigger;
}

/* Returns the id stored for key, or UINT32_MAX when it has none. */
static uint32_t map_get(intern_map *m, const char *key, size_t len)
{
    if (!m->cap)
        return UINT32_MAX;
    intern_slot *s = map_find(m, key, len);
    return s->key ? s->id : UINT32_MAX;
}

/* Stores key -> id (key must not be in the map yet). */
static void map_put(intern_map *m, const char *key, size_t len, uint32_t id)
{
    if ((m->used + 1) * 4 > m->cap * 3) /* keep the load under 3/4 */
        map_rehash(m);
    intern_slot *s = map_find(m, key, len);
    s->key = xrealloc(NULL, len + 1);
    memcpy(s->key, key, len);
    s->key[len] = '\0';
    s->len = len;
    s->id = id;
    m->used++;
}

static void map_free(intern_map *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->slots[i].key);
    free(m->slots);
    memset(m, 0, sizeof *m);
}

/* ==== scorer ==== */

/* A text as token ids, sentence by sentence: sentence k is
 * ids[start[k] .. start[k + 1]). */
typedef struct token_text {
    uint32_t *ids;
    size_t n, cap;
    size_t *start; /* n_sent + 1 entries */
    size_t n_sent, cap_start;
} token_text;

struct rouge_scorer {
    struct sb_stemmer *porter;
    intern_map words; /* lower-cased token -> id of its stem */
    intern_map stems; /* stem -> id */
    char **stem_text; /* id -> stem, owned by the stems map */
    size_t n_stems, cap_stem_text;
    /* Scratch space reused from call to call. */
    token_text cand, ref;
    char *word;
    size_t cap_word;
    uint64_t *grams_c, *grams_r;
    size_t cap_grams_c, cap_grams_r;
    uint32_t *count_c, *count_r; /* unigram counts by id, kept all zero */
    size_t cap_count;
    uint32_t *lcs_table;
    size_t cap_lcs;
    unsigned char *hit_mask;
    size_t cap_mask;
};

rouge_scorer *rouge_scorer_new(void)
{
    /* Tokens are pure ASCII, so the encoding does not matter. */
    struct sb_stemmer *porter = sb_stemmer_new("porter", "UTF_8");
    if (!porter)
        return NULL;
    rouge_scorer *s = xrealloc(NULL, sizeof *s);
    memset(s, 0, sizeof *s);
    s->porter = porter;
    return s;
}

static void text_free(token_text *t)
{
    free(t->ids);
    free(t->start);
}

void rouge_scorer_free(rouge_scorer *s)
{
    if (!s)
        return;
    sb_stemmer_delete(s->porter);
    map_free(&s->words);
    map_free(&s->stems);
    free(s->stem_text);
    text_free(&s->cand);
    text_free(&s->ref);
    free(s->word);
    free(s->grams_c);
    free(s->grams_r);
    free(s->count_c);
    free(s->count_r);
    free(s->lcs_table);
    free(s->hit_mask);
    free(s);
}

/* ==== tokenising ==== */

/* The id of a stem, making one when it is new. */
static uint32_t stem_id(rouge_scorer *s, const char *stem, size_t len)
{
    uint32_t id = map_get(&s->stems, stem, len);
    if (id != UINT32_MAX)
        return id;
    if (s->n_stems >= UINT32_MAX - 1) {
        fputs("precis-eval: too many distinct words\n", stderr);
        abort();
    }
    id = (uint32_t)s->n_stems;
    map_put(&s->stems, stem, len, id);
    grow((void **)&s->stem_text, &s->cap_stem_text, s->n_stems + 1,
         sizeof *s->stem_text);
    s->stem_text[s->n_stems++] = map_find(&s->stems, stem, len)->key;
    return id;
}

/* The id of a lower-cased token's stem. ROUGE-1.5.5 stems only tokens
 * longer than three characters, so "was" stays "was" (Porter: "wa").
 * Stems are cached per token: libstemmer is the slow part. */
static uint32_t word_id(rouge_scorer *s, const char *w, size_t len)
{
    uint32_t id = map_get(&s->words, w, len);
    if (id != UINT32_MAX)
        return id;
    const char *stem = w;
    size_t stem_len = len;
    if (len > 3 && len < 1024) {
        const sb_symbol *out =
            sb_stemmer_stem(s->porter, (const sb_symbol *)w, (int)len);
        if (out) { /* NULL only on out of memory: keep the word */
            stem = (const char *)out;
            stem_len = (size_t)sb_stemmer_length(s->porter);
        }
    }
    id = stem_id(s, stem, stem_len);
    map_put(&s->words, w, len, id);
    return id;
}

static void text_push_id(token_text *t, uint32_t id)
{
    grow((void **)&t->ids, &t->cap, t->n + 1, sizeof *t->ids);
    t->ids[t->n++] = id;
}

/* Starts a new sentence at the current end of t. */
static void text_open_sentence(token_text *t)
{
    grow((void **)&t->start, &t->cap_start, t->n_sent + 2, sizeof *t->start);
    t->start[++t->n_sent] = t->n;
}

static int is_token_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

/* Splits SPL text into sentences of token ids. ROUGE-1.5.5 lower-cases
 * A-Z only (tr/A-Z/a-z/) and turns every byte outside [A-Za-z0-9-] into a
 * space; it then splits "-" off as a token of its own and drops it
 * (tokens must start with [a-z0-9]). What remains is exactly the maximal
 * runs of ASCII letters and digits. Empty lines add nothing, just as the
 * script skips them. */
static void tokenize(rouge_scorer *s, const char *text, size_t len,
                     token_text *t)
{
    t->n = 0;
    t->n_sent = 0;
    grow((void **)&t->start, &t->cap_start, 1, sizeof *t->start);
    t->start[0] = 0;
    size_t i = 0;
    while (i < len) {
        const char *eol = memchr(text + i, '\n', len - i);
        size_t end = eol ? (size_t)(eol - text) : len;
        size_t before = t->n;
        while (i < end) {
            if (!is_token_byte((unsigned char)text[i])) {
                i++;
                continue;
            }
            size_t j = i;
            while (j < end && is_token_byte((unsigned char)text[j]))
                j++;
            grow((void **)&s->word, &s->cap_word, j - i, 1);
            for (size_t k = i; k < j; k++) {
                unsigned char c = (unsigned char)text[k];
                s->word[k - i] =
                    (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            }
            text_push_id(t, word_id(s, s->word, j - i));
            i = j;
        }
        if (t->n > before)
            text_open_sentence(t);
        i = end + 1;
    }
}

char *rouge_tokens_string(rouge_scorer *s, const char *text, size_t len)
{
    tokenize(s, text, len, &s->cand);
    size_t total = 1;
    for (size_t k = 0; k < s->cand.n; k++)
        total += strlen(s->stem_text[s->cand.ids[k]]) + 1;
    char *out = xrealloc(NULL, total);
    char *p = out;
    for (size_t k = 0; k < s->cand.n; k++) {
        const char *w = s->stem_text[s->cand.ids[k]];
        size_t wl = strlen(w);
        if (k)
            *p++ = ' ';
        memcpy(p, w, wl);
        p += wl;
    }
    *p = '\0';
    return out;
}

/* ==== ROUGE-N ==== */

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Fills *grams with t's n-grams (n = 1 or 2) as sorted 64-bit keys and
 * returns their number. Sentences do not matter here: ROUGE-1.5.5 joins
 * them into one string before it makes n-grams. */
static size_t make_grams(const token_text *t, int n, uint64_t **grams,
                         size_t *cap)
{
    size_t count = t->n >= (size_t)n ? t->n - (size_t)n + 1 : 0;
    grow((void **)grams, cap, count, sizeof **grams);
    for (size_t i = 0; i < count; i++)
        (*grams)[i] =
            n == 1 ? t->ids[i] : ((uint64_t)t->ids[i] << 32) | t->ids[i + 1];
    qsort(*grams, count, sizeof **grams, cmp_u64);
    return count;
}

/* Sum over distinct n-grams of min(count in a, count in b): the clipping
 * that keeps a repeated word from earning more than the reference has. */
static size_t clipped_hits(const uint64_t *a, size_t na, const uint64_t *b,
                           size_t nb)
{
    size_t i = 0, j = 0, hits = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j]) {
            i++;
        } else if (a[i] > b[j]) {
            j++;
        } else {
            hits++;
            i++;
            j++;
        }
    }
    return hits;
}

/* ==== scores ==== */

/* ROUGE-1.5.5 formats every score with sprintf("%7.5f") and computes F
 * from the formatted P and R. Perl's sprintf is C's, so printing and
 * reading back gives the script's numbers bit for bit. */
static double round5(double x)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.5f", x);
    return strtod(buf, NULL);
}

static rouge_prf make_prf(size_t hits, size_t cand_count, size_t ref_count)
{
    rouge_prf s;
    s.r = round5(ref_count ? (double)hits / (double)ref_count : 0.0);
    s.p = round5(cand_count ? (double)hits / (double)cand_count : 0.0);
    double alpha = 0.5; /* -p 0.5: F1 */
    double den = (1 - alpha) * s.p + alpha * s.r;
    s.f = den > 0 ? round5(s.p * s.r / den) : 0.0;
    return s;
}

static rouge_prf rouge_n(rouge_scorer *s, int n)
{
    size_t nc = make_grams(&s->cand, n, &s->grams_c, &s->cap_grams_c);
    size_t nr = make_grams(&s->ref, n, &s->grams_r, &s->cap_grams_r);
    return make_prf(clipped_hits(s->grams_c, nc, s->grams_r, nr), nc, nr);
}

/* ==== ROUGE-L: summary-level union LCS ==== */

/* Marks in mask the positions of ref[0..m) on one LCS with cand[0..n).
 * The traceback breaks ties as ROUGE-1.5.5's markLCS does (match, else
 * "up" in the reference when c[i-1][j] >= c[i][j-1], else "left"): which
 * LCS is chosen changes the union, so the ties matter. */
static void mark_lcs(rouge_scorer *s, const uint32_t *ref, size_t m,
                     const uint32_t *cand, size_t n, unsigned char *mask)
{
    if (m == 0 || n == 0)
        return;
    size_t w = n + 1;
    if (m + 1 > SIZE_MAX / sizeof(uint32_t) / w) {
        fputs("precis-eval: out of memory\n", stderr);
        abort();
    }
    grow((void **)&s->lcs_table, &s->cap_lcs, (m + 1) * w,
         sizeof *s->lcs_table);
    uint32_t *c = s->lcs_table;
    memset(c, 0, w * sizeof *c); /* row 0 */
    for (size_t i = 1; i <= m; i++) {
        c[i * w] = 0;
        for (size_t j = 1; j <= n; j++) {
            uint32_t up = c[(i - 1) * w + j], left = c[i * w + j - 1];
            if (ref[i - 1] == cand[j - 1])
                c[i * w + j] = c[(i - 1) * w + j - 1] + 1;
            else
                c[i * w + j] = up >= left ? up : left;
        }
    }
    size_t i = m, j = n;
    while (i > 0 && j > 0) {
        if (ref[i - 1] == cand[j - 1]) {
            mask[--i] = 1;
            j--;
        } else if (c[(i - 1) * w + j] >= c[i * w + j - 1]) {
            i--;
        } else {
            j--;
        }
    }
}

/* Makes the unigram count arrays cover every stem id. New entries are
 * zero; old ones are zero already, as rouge_l leaves them. */
static void ensure_counts(rouge_scorer *s)
{
    if (s->n_stems <= s->cap_count)
        return;
    size_t old = s->cap_count, cap = old;
    grow((void **)&s->count_c, &cap, s->n_stems, sizeof *s->count_c);
    s->count_r = xrealloc(s->count_r, cap * sizeof *s->count_r);
    memset(s->count_c + old, 0, (cap - old) * sizeof *s->count_c);
    memset(s->count_r + old, 0, (cap - old) * sizeof *s->count_r);
    s->cap_count = cap;
}

/* Union-LCS hits of every reference sentence against all candidate
 * sentences, each hit clipped by the unigram counts left in both texts
 * (ROUGE-1.5.5 since 1.4.1), so a candidate word cannot be credited to
 * several reference sentences. */
static rouge_prf rouge_l(rouge_scorer *s)
{
    const token_text *c = &s->cand, *r = &s->ref;
    ensure_counts(s);
    for (size_t k = 0; k < c->n; k++)
        s->count_c[c->ids[k]]++;
    for (size_t k = 0; k < r->n; k++)
        s->count_r[r->ids[k]]++;

    size_t hits = 0;
    for (size_t si = 0; si < r->n_sent; si++) {
        const uint32_t *sent = r->ids + r->start[si];
        size_t m = r->start[si + 1] - r->start[si];
        grow((void **)&s->hit_mask, &s->cap_mask, m, 1);
        memset(s->hit_mask, 0, m);
        for (size_t sj = 0; sj < c->n_sent; sj++)
            mark_lcs(s, sent, m, c->ids + c->start[sj],
                     c->start[sj + 1] - c->start[sj], s->hit_mask);
        for (size_t k = 0; k < m; k++) {
            uint32_t id = sent[k];
            if (s->hit_mask[k] && s->count_c[id] > 0 && s->count_r[id] > 0) {
                hits++;
                s->count_c[id]--;
                s->count_r[id]--;
            }
        }
    }
    /* Leave the counts all zero for the next call. */
    for (size_t k = 0; k < c->n; k++)
        s->count_c[c->ids[k]] = 0;
    for (size_t k = 0; k < r->n; k++)
        s->count_r[r->ids[k]] = 0;
    return make_prf(hits, c->n, r->n);
}

void rouge_score_texts(rouge_scorer *s, const char *cand, size_t cand_len,
                       const char *ref, size_t ref_len, rouge_score *out)
{
    tokenize(s, cand, cand_len, &s->cand);
    tokenize(s, ref, ref_len, &s->ref);
    out->r1 = rouge_n(s, 1);
    out->r2 = rouge_n(s, 2);
    out->rl = rouge_l(s);
    out->cand_tokens = s->cand.n;
    out->ref_tokens = s->ref.n;
}
