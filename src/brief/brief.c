/* brief.c: many summarised articles -> one daily briefing.
 *
 * Each article is reduced to a brief_item: its metadata, a tf-idf vector
 * of the whole text and its best sentences with vectors of their own, all
 * over hashed stems so that articles can be compared with each other
 * (term ids are per document); names and numbers weigh more, since they
 * tell one event from another on the same topic. group.c makes stories of
 * the articles whose vectors, and whose groups' centroids, are close.
 * Each story then gets
 * one summary by MMR over the sentences of all its articles, so a second
 * source adds only what the first did not say, and no sentence repeats
 * one already given for an earlier story. The MEAD/centroid recipe with
 * MMR (Radev et al. 2004; ALGORITHMS.md section 4). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "internal.h"
#include "brief/brief.h"
#include "brief/group.h"
#include "brief/hvec.h"
#include "util/unicode.h"
#include "util/utf8.h"
#include "read/date.h"
#include "score/vector.h"

/* Sentences each article offers to its story. */
#define ITEM_SENTENCES 8
/* Terms kept in an article's vector: enough to tell stories apart. */
#define ITEM_TERMS 100
/* In an article's vector the title and the first sentences count fully,
 * the rest of the body this much. */
#define LEAD_SENTENCES 3
#define BODY_WEIGHT 0.3
/* Names and numbers say which event a report is about (who, where, how
 * many), where the other words say what it is about: a term written with
 * a capital inside a sentence, or with a digit, counts this many times. */
#define ENTITY_BOOST 3.0
/* MMR for a story: novelty counts more than for one article. */
#define STORY_LAMBDA 0.6
/* A sentence this close to one already in the briefing says it again. */
#define REPEAT_COSINE 0.5

/* ==== Items: what the briefing keeps of one article ==== */

typedef struct item_sentence {
    char *text;
    size_t len;
    size_t index;     /* in its document */
    double relevance; /* 0..1 within its document */
    hvec vec;
} item_sentence;

struct precis_brief_item {
    char *source;
    char *title; /* NULL when the article has none */
    size_t title_len;
    char date[11];
    char time[6];
    hvec vec;
    item_sentence *sents;
    size_t n_sents;
};

/* The hashed stem of each doc-local term id. */
static uint64_t *term_hashes(const precis_doc *doc)
{
    uint64_t *h = precis__calloc(doc->n_terms ? doc->n_terms : 1, sizeof *h);
    for (size_t k = 0; k < doc->terms.cap; k++) {
        const strmap_slot *s = &doc->terms.slots[k];
        if (s->key)
            h[s->value] = hvec_hash(s->key, s->len);
    }
    return h;
}

typedef struct scored {
    size_t index;
    double score;
} scored;

static int by_score_desc(const void *x, const void *y)
{
    const scored *a = x, *b = y;
    if (a->score != b->score)
        return a->score < b->score ? 1 : -1;
    return (a->index > b->index) - (a->index < b->index);
}

precis_brief_item *precis_brief_item_new(precis_doc *doc, const char *source)
{
    if (doc->state != DOC_SUMMARIZED) {
        precis__fail(doc->ctx, PRECIS_ESTATE,
                     "briefing item from a document not summarised");
        return NULL;
    }
    precis_brief_item *it = precis__calloc(1, sizeof *it);
    it->source = precis__strdup(source ? source : "");
    size_t tlen;
    const char *title = precis_doc_title(doc, &tlen);
    if (title) {
        it->title = precis__strndup(title, tlen);
        it->title_len = tlen;
    }
    memcpy(it->date, doc->date, sizeof it->date);
    memcpy(it->time, doc->time, sizeof it->time);
    if (!doc->vecs) /* textrank and lexrank leave none: make them */
        doc->vecs = vectors_build(doc, WEIGHT_TFIDF);
    uint64_t *hash = term_hashes(doc);

    /* The article's vector: (1 + ln tf) * idf over all its sentences,
     * where the title and the lead count more. Two reports of one story
     * agree most in what they put first (who, what) and differ in the
     * details further down. */
    double *tf = precis__calloc(doc->n_terms ? doc->n_terms : 1, sizeof *tf);
    size_t lead = 0;
    for (size_t i = 0; i < doc->n_sents; i++) {
        double weight = BODY_WEIGHT;
        if (rank_is_candidate(&doc->sents[i]) && lead < LEAD_SENTENCES) {
            weight = 1.0;
            lead++;
        }
        for (uint32_t k = 0; k < doc->sents[i].n_terms; k++)
            tf[doc->sents[i].terms[k]] += weight;
    }
    for (uint32_t k = 0; k < doc->title_terms.n_terms; k++)
        tf[doc->title_terms.terms[k]] += 1.0;
    bool *entity = precis__calloc(doc->n_terms ? doc->n_terms : 1, 1);
    for (size_t i = 0; i < doc->n_sents; i++) {
        const sentence *st = &doc->sents[i];
        for (uint32_t k = 0; k < st->n_terms; k++) {
            const char *w = doc->text.data + st->off + st->pos[k].off;
            size_t at = 0;
            bool capital = st->pos[k].word > 0 &&
                           uc_is_upper(u8_next(w, st->pos[k].len, &at));
            if (capital || (*w >= '0' && *w <= '9'))
                entity[st->terms[k]] = true;
        }
    }
    for (size_t k = 0; k < doc->n_terms; k++)
        if (entity[k])
            tf[k] *= ENTITY_BOOST;
    free(entity);
    hterm *t = precis__malloc((doc->n_terms ? doc->n_terms : 1) * sizeof *t);
    size_t nt = 0;
    for (size_t k = 0; k < doc->n_terms; k++)
        if (tf[k] > 0.0)
            t[nt++] = (hterm){hash[k], (1.0 + log(tf[k])) *
                                           vectors_idf(doc, (uint32_t)k, true)};
    it->vec = hvec_make(t, nt, ITEM_TERMS);
    free(tf);

    /* The best candidate sentences, by the document's own scores. */
    scored *order =
        precis__malloc((doc->n_sents ? doc->n_sents : 1) * sizeof *order);
    size_t n_cand = 0;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < doc->n_sents; i++) {
        if (!rank_is_candidate(&doc->sents[i]))
            continue;
        order[n_cand++] = (scored){i, doc->scores[i]};
        lo = fmin(lo, doc->scores[i]);
        hi = fmax(hi, doc->scores[i]);
    }
    qsort(order, n_cand, sizeof *order, by_score_desc);
    it->n_sents = n_cand < ITEM_SENTENCES ? n_cand : ITEM_SENTENCES;
    it->sents =
        precis__calloc(it->n_sents ? it->n_sents : 1, sizeof *it->sents);
    for (size_t k = 0; k < it->n_sents; k++) {
        size_t i = order[k].index;
        const sentence *s = &doc->sents[i];
        const svec *sv = &doc->vecs[i];
        item_sentence *is = &it->sents[k];
        is->text = precis__strndup(doc->text.data + s->off, s->len);
        is->len = s->len;
        is->index = i;
        is->relevance = hi > lo ? (order[k].score - lo) / (hi - lo) : 1.0;
        for (uint32_t j = 0; j < sv->n; j++)
            t[j] = (hterm){hash[sv->ids[j]], sv->w[j]};
        is->vec = hvec_make(t, sv->n, sv->n);
    }
    free(order);
    free(t);
    free(hash);
    return it;
}

void precis_brief_item_free(precis_brief_item *it)
{
    if (!it)
        return;
    for (size_t k = 0; k < it->n_sents; k++) {
        free(it->sents[k].text);
        hvec_free(&it->sents[k].vec);
    }
    free(it->sents);
    hvec_free(&it->vec);
    free(it->source);
    free(it->title);
    free(it);
}

/* ==== The briefing ==== */

typedef struct story {
    size_t *members; /* item indices, ascending */
    size_t n_members;
    const char *headline;
    size_t headline_len;
    const char *date; /* NULL when no member has one */
    const char *time;
    const item_sentence **chosen;
    size_t n_chosen;
    const char **sources;
    const char **texts;
    size_t *lens;
} story;

struct precis_brief {
    precis_brief_options opt;
    precis_brief_item **items;
    size_t n_items, cap_items;
    story *stories;
    size_t n_stories;
    char date[11];
    bool finished;
    precis_ctx *ctx; /* where failures are reported; the caller's */
};

precis_brief_options precis_brief_options_default(void)
{
    return (precis_brief_options){
        .sentences = 3,
        .threshold = 0.3,
        .top = 0,
        .date = "",
    };
}

precis_brief *precis_brief_new(precis_ctx *ctx,
                               const precis_brief_options *opt)
{
    if (!ctx)
        return NULL;
    precis_brief_options o = opt ? *opt : precis_brief_options_default();
    o.date[10] = '\0';
    if (!(o.threshold > 0.0 && o.threshold <= 1.0)) {
        precis__fail(ctx, PRECIS_EINVAL,
                     "briefing threshold %g is not in (0, 1]", o.threshold);
        return NULL;
    }
    char normal[11];
    size_t at, end;
    if (o.date[0] &&
        (!date_find(o.date, strlen(o.date), normal, &at, &end) || at != 0 ||
         end != 10 || strcmp(normal, o.date) != 0)) {
        precis__fail(ctx, PRECIS_EINVAL,
                     "briefing date '%s' is not a real YYYY-MM-DD date",
                     o.date);
        return NULL;
    }
    precis_brief *b = precis__calloc(1, sizeof *b);
    b->opt = o;
    b->ctx = ctx;
    return b;
}

precis_ctx *brief_ctx(const precis_brief *b)
{
    return b->ctx;
}

precis_status precis_brief_add(precis_brief *b, precis_brief_item *item)
{
    if (!item)
        return precis__fail(b->ctx, PRECIS_EINVAL, "no article to add");
    if (b->finished) {
        precis_brief_item_free(item);
        return precis__fail(b->ctx, PRECIS_ESTATE,
                            "article added after the briefing was finished");
    }
    /* --date keeps that day's articles, and undated ones: scraped pages
     * often carry no date, and the folder is the day's. */
    if (b->opt.date[0] && item->date[0] &&
        strcmp(item->date, b->opt.date) != 0) {
        precis_brief_item_free(item);
        return PRECIS_OK;
    }
    if (b->n_items == b->cap_items) {
        b->cap_items = b->cap_items ? b->cap_items * 2 : 64;
        b->items =
            precis__reallocarray(b->items, b->cap_items, sizeof *b->items);
    }
    b->items[b->n_items++] = item;
    return PRECIS_OK;
}

/* ==== Stories ==== */

static int cmp_str(const char *a, const char *b)
{
    /* Missing sorts last: "" after any date. */
    if (!a || !*a)
        return (b && *b) ? 1 : 0;
    if (!b || !*b)
        return -1;
    return -strcmp(a, b); /* newest first */
}

static int by_story(const void *x, const void *y)
{
    const story *a = x, *b = y;
    int c = cmp_str(a->date, b->date);
    if (c)
        return c;
    c = cmp_str(a->time, b->time);
    if (c)
        return c;
    if (a->n_members != b->n_members)
        return a->n_members < b->n_members ? 1 : -1;
    return (a->members[0] > b->members[0]) - (a->members[0] < b->members[0]);
}

/* Picks the story's sentences by MMR over all its articles' sentences,
 * skipping any that repeats one already in the briefing. */
static void summarize_story(precis_brief *b, story *s,
                            const item_sentence ***given, size_t *n_given,
                            size_t *cap_given)
{
    size_t pool = 0;
    for (size_t m = 0; m < s->n_members; m++)
        pool += b->items[s->members[m]]->n_sents;
    const item_sentence **cand =
        precis__malloc((pool ? pool : 1) * sizeof *cand);
    double *worst = precis__calloc(pool ? pool : 1, sizeof *worst);
    bool *taken = precis__calloc(pool ? pool : 1, sizeof *taken);
    size_t k = 0;
    for (size_t m = 0; m < s->n_members; m++) {
        const precis_brief_item *it = b->items[s->members[m]];
        for (size_t j = 0; j < it->n_sents; j++)
            cand[k++] = &it->sents[j];
    }
    s->chosen = precis__malloc((b->opt.sentences ? b->opt.sentences : 1) *
                               sizeof *s->chosen);
    s->n_chosen = 0;
    while (s->n_chosen < b->opt.sentences) {
        size_t best = pool;
        double best_value = 0.0;
        for (size_t c = 0; c < pool; c++) {
            if (taken[c])
                continue;
            double value = STORY_LAMBDA * cand[c]->relevance -
                           (1.0 - STORY_LAMBDA) * worst[c];
            if (best == pool || value > best_value) {
                best = c;
                best_value = value;
            }
        }
        if (best == pool)
            break;
        taken[best] = true;
        bool repeat = false;
        for (size_t g = 0; g < *n_given && !repeat; g++)
            repeat =
                hvec_dot(&cand[best]->vec, &(*given)[g]->vec) > REPEAT_COSINE;
        if (repeat)
            continue;
        s->chosen[s->n_chosen++] = cand[best];
        if (*n_given == *cap_given) {
            *cap_given = *cap_given ? *cap_given * 2 : 64;
            *given = precis__reallocarray(*given, *cap_given, sizeof **given);
        }
        (*given)[(*n_given)++] = cand[best];
        for (size_t c = 0; c < pool; c++)
            if (!taken[c])
                worst[c] =
                    fmax(worst[c], hvec_dot(&cand[c]->vec, &cand[best]->vec));
    }
    free(cand);
    free(worst);
    free(taken);
}

precis_status precis_brief_finish(precis_brief *b)
{
    if (b->finished)
        return precis__fail(b->ctx, PRECIS_ESTATE,
                            "the briefing was already finished");
    b->finished = true;
    size_t n = b->n_items;
    const hvec **vecs = precis__malloc((n ? n : 1) * sizeof *vecs);
    const char **dates = precis__malloc((n ? n : 1) * sizeof *dates);
    for (size_t i = 0; i < n; i++) {
        vecs[i] = &b->items[i]->vec;
        dates[i] = b->items[i]->date;
    }
    size_t *story_of = precis__malloc((n ? n : 1) * sizeof *story_of);
    b->n_stories = group_stories(vecs, dates, n, b->opt.threshold, story_of);
    free(vecs);
    free(dates);
    size_t *count = precis__calloc(b->n_stories ? b->n_stories : 1,
                                   sizeof *count);
    for (size_t i = 0; i < n; i++)
        count[story_of[i]]++;
    b->stories =
        precis__calloc(b->n_stories ? b->n_stories : 1, sizeof *b->stories);
    for (size_t s = 0; s < b->n_stories; s++)
        b->stories[s].members =
            precis__malloc(count[s] * sizeof *b->stories[s].members);
    for (size_t i = 0; i < n; i++) {
        story *s = &b->stories[story_of[i]];
        s->members[s->n_members++] = i;
    }
    free(story_of);
    free(count);

    /* Each story's metadata: the first title, the newest date and time. */
    for (size_t s = 0; s < b->n_stories; s++) {
        story *st = &b->stories[s];
        for (size_t m = 0; m < st->n_members; m++) {
            const precis_brief_item *it = b->items[st->members[m]];
            if (!st->headline && it->title) {
                st->headline = it->title;
                st->headline_len = it->title_len;
            }
            if (it->date[0] && (!st->date || strcmp(it->date, st->date) > 0))
                st->date = it->date;
            if (it->time[0] && (!st->time || strcmp(it->time, st->time) > 0))
                st->time = it->time;
        }
    }
    qsort(b->stories, b->n_stories, sizeof *b->stories, by_story);
    if (b->opt.top && b->n_stories > b->opt.top) {
        for (size_t s = b->opt.top; s < b->n_stories; s++)
            free(b->stories[s].members);
        b->n_stories = b->opt.top;
    }

    const item_sentence **given = NULL;
    size_t n_given = 0, cap_given = 0;
    for (size_t s = 0; s < b->n_stories; s++) {
        story *st = &b->stories[s];
        summarize_story(b, st, &given, &n_given, &cap_given);
        if (!st->headline && st->n_chosen) {
            st->headline = st->chosen[0]->text;
            st->headline_len = st->chosen[0]->len;
        }
        /* The chosen sentences in reading order: by article, then by
         * place in the article. */
        st->sources = precis__malloc(st->n_members * sizeof *st->sources);
        for (size_t m = 0; m < st->n_members; m++)
            st->sources[m] = b->items[st->members[m]]->source;
        st->texts = precis__malloc((st->n_chosen ? st->n_chosen : 1) *
                                   sizeof *st->texts);
        st->lens = precis__malloc((st->n_chosen ? st->n_chosen : 1) *
                                  sizeof *st->lens);
        for (size_t c = 0; c < st->n_chosen; c++) {
            st->texts[c] = st->chosen[c]->text;
            st->lens[c] = st->chosen[c]->len;
        }
    }
    free(given);

    /* The briefing's date: the one asked for, or the most common. */
    if (b->opt.date[0]) {
        memcpy(b->date, b->opt.date, sizeof b->date);
    } else {
        size_t best = 0;
        for (size_t i = 0; i < n; i++) {
            if (!b->items[i]->date[0])
                continue;
            size_t c = 0;
            for (size_t j = 0; j < n; j++)
                c += strcmp(b->items[j]->date, b->items[i]->date) == 0;
            if (c > best ||
                (c == best && strcmp(b->items[i]->date, b->date) > 0)) {
                best = c;
                memcpy(b->date, b->items[i]->date, sizeof b->date);
            }
        }
    }
    return PRECIS_OK;
}

size_t precis_brief_story_count(const precis_brief *b)
{
    return b->finished ? b->n_stories : 0;
}

size_t precis_brief_article_count(const precis_brief *b)
{
    return b->n_items;
}

const char *precis_brief_date(const precis_brief *b)
{
    return b->date[0] ? b->date : NULL;
}

precis_status precis_brief_story(const precis_brief *b, size_t i,
                                 precis_story *out)
{
    if (i >= precis_brief_story_count(b))
        return PRECIS_EINVAL;
    const story *s = &b->stories[i];
    out->headline = s->headline ? s->headline : "";
    out->headline_len = s->headline ? s->headline_len : 0;
    out->date = s->date;
    out->time = s->time;
    out->n_sources = s->n_members;
    out->sources = s->sources;
    out->n_sentences = s->n_chosen;
    out->sentences = s->texts;
    out->sentence_lens = s->lens;
    return PRECIS_OK;
}

void precis_brief_free(precis_brief *b)
{
    if (!b)
        return;
    for (size_t s = 0; s < b->n_stories; s++) {
        free(b->stories[s].members);
        free(b->stories[s].chosen);
        free(b->stories[s].sources);
        free(b->stories[s].texts);
        free(b->stories[s].lens);
    }
    free(b->stories);
    for (size_t i = 0; i < b->n_items; i++)
        precis_brief_item_free(b->items[i]);
    free(b->items);
    free(b);
}

bool brief_is_finished(const precis_brief *b)
{
    return b->finished;
}
