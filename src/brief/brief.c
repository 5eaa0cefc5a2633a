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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "internal.h"
#include "brief/brief.h"
#include "brief/group.h"
#include "brief/hvec.h"
#include "util/unicode.h"
#include "util/utf8.h"
#include "lang/load.h"
#include "lang/model.h"
#include "read/date.h"
#include "score/vector.h"

/* Sentences each article offers to its story. */
#define ITEM_SENTENCES 8
/* Terms kept in an article's vector: enough to tell stories apart. */
#define ITEM_TERMS 100
/* An article's vector with fewer terms than this is of a short text (a
 * feed item, a teaser): group.c lowers its bar for those. */
#define WHOLE_TEXT_TERMS 60
/* In an article's vector the title and the first sentences count twice
 * as much as the rest of the body: the lead says who and what, and the
 * details further down (quotes, numbers, names) tell one event from
 * another on the same topic too. (3:1 merged more related stories on the
 * same-story set, 1:1 more on the dev set; tools/storyscore.) */
#define LEAD_SENTENCES 3
#define BODY_WEIGHT 0.5
/* Names and numbers say which event a report is about (who, where, how
 * many), where the other words say what it is about: a term written with
 * a capital inside a sentence, or with a digit, counts this many times. */
#define ENTITY_BOOST 3.0
/* The lead sentences whose days of the week say which day an article
 * reports ("said on Tuesday"): two leads naming different days are two
 * events, such as a hearing and the verdict a week later (tools/
 * storyscore: related stories merged 6 -> 3 of 18, F1 0.896 -> 0.894;
 * with three sentences, days further down, F1 fell to 0.885). */
#define DAY_SENTENCES 2
/* MMR for a story: novelty counts more than for one article. */
#define STORY_LAMBDA 0.6
/* A sentence this close to one already in the briefing says it again. */
#define REPEAT_COSINE 0.5

/* ==== Items: what the briefing keeps of one article ==== */

typedef struct item_sentence {
    char *text;
    size_t len;
    size_t words;
    size_t index;     /* in its document */
    double relevance; /* 0..1 within its document */
    hvec vec;
} item_sentence;

/* A timed headline of the article's sidebar, copied. */
typedef struct item_headline {
    char time[6];
    char *text;
    size_t len;
} item_headline;

struct precis_brief_item {
    char *source; /* as the caller named it */
    char *name;   /* as a reader sees it: the file name without folder and
                   * extension */
    char *url;    /* where it was published (http or https), or NULL */
    char *title;  /* NULL when the article has none */
    size_t title_len;
    char date[11];
    char time[6];
    hvec vec;
    unsigned char days; /* bit d - 1: the lead names day d (1 = Monday) */
    /* Its text's language (a Snowball name, static storage), or NULL: a
     * name rather than the model, since the context that read the document
     * may be gone before the briefing is finished. */
    const char *language;
    item_sentence *sents;
    size_t n_sents;
    item_headline *heads;
    size_t n_heads;
};

/* The name a reader knows a source by: "news/bbc-1.txt" -> "bbc-1". */
static char *display_name(const char *source)
{
    const char *base = strrchr(source, '/');
    base = base ? base + 1 : source;
    if (!*base)
        base = source;
    size_t len = strlen(base);
    static const char *const ext[] = {".txt", ".html", ".htm", ".xml",
                                      ".jsonl", ".json", ".md"};
    for (size_t e = 0; e < sizeof ext / sizeof ext[0]; e++) {
        size_t n = strlen(ext[e]);
        if (len > n && strcmp(base + len - n, ext[e]) == 0) {
            len -= n;
            break;
        }
    }
    return precis__strndup(base, len);
}

/* The host of a web URL as a reader names the site: "https://www.
 * example.com:8080/a" -> "example.com"; NULL when there is none. url is
 * web_url's (absolute http or https, no white space). */
static char *url_site(const char *url)
{
    const char *h = strstr(url, "://");
    if (!h)
        return NULL;
    h += 3;
    size_t len = strcspn(h, "/?#");
    const char *at = memchr(h, '@', len); /* user:password@ */
    if (at) {
        len -= (size_t)(at + 1 - h);
        h = at + 1;
    }
    if (len && h[0] != '[') { /* an IPv6 address keeps its colons */
        const char *colon = memchr(h, ':', len);
        if (colon)
            len = (size_t)(colon - h);
    }
    if (len > 4 && strncasecmp(h, "www.", 4) == 0) {
        h += 4;
        len -= 4;
    }
    if (!len)
        return NULL;
    char *site = precis__strndup(h, len);
    for (char *p = site; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    return site;
}

/* A copy of url when it is an absolute http or https URL, which a reader
 * can follow (a relative canonical or a javascript: one is no link), else
 * NULL. */
static char *web_url(const char *url)
{
    if (!url)
        return NULL;
    size_t scheme = 0;
    if (strncasecmp(url, "https://", 8) == 0)
        scheme = 8;
    else if (strncasecmp(url, "http://", 7) == 0)
        scheme = 7;
    if (!scheme || !url[scheme] || url[scheme] == '/')
        return NULL;
    for (const char *p = url; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == 0x7f)
            return NULL;
    return precis__strdup(url);
}

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

/* The days of the week named in the first DAY_SENTENCES candidate
 * sentences of doc, as bits (d - 1 for day d); 0 when none or when the
 * language has no weekdays.txt. */
static unsigned char lead_days(const precis_doc *doc)
{
    const lang_model *m = doc->lang->model;
    if (!m || !m->weekdays.len)
        return 0;
    unsigned char days = 0;
    buf fold = {0};
    size_t seen = 0;
    for (size_t i = 0; i < doc->n_sents && seen < DAY_SENTENCES; i++) {
        const sentence *st = &doc->sents[i];
        if (!rank_is_candidate(st))
            continue;
        seen++;
        const char *s = doc->text.data + st->off;
        for (uint32_t k = 0; k < st->n_terms; k++) {
            size_t off = st->pos[k].off, len = st->pos[k].len;
            analyze_fold_word(&fold, s + off, len);
            int day = model_weekday(m, fold.data, fold.len);
            /* A name the analyser split at its hyphen ("segunda-feira"). */
            if (!day && k + 1 < st->n_terms && off + len < st->len &&
                s[off + len] == '-' && st->pos[k + 1].off == off + len + 1) {
                analyze_fold_word(&fold, s + off,
                                  len + 1 + st->pos[k + 1].len);
                day = model_weekday(m, fold.data, fold.len);
            }
            if (day)
                days |= (unsigned char)(1u << (day - 1));
        }
    }
    buf_free(&fold);
    return days;
}

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
    /* The name a reader knows it by: the site's (the page's, a feed's),
     * else the host of its URL, else the file's. */
    it->url = web_url(precis_doc_url(doc));
    const char *site = precis_doc_site(doc);
    if (site)
        it->name = precis__strdup(site);
    else if (it->url)
        it->name = url_site(it->url);
    if (!it->name)
        it->name = display_name(it->source);
    it->n_heads = precis_doc_headline_count(doc);
    it->heads = precis__calloc(it->n_heads ? it->n_heads : 1, sizeof *it->heads);
    for (size_t h = 0; h < it->n_heads; h++) {
        precis_headline hl;
        precis_doc_headline(doc, h, &hl);
        size_t tl = hl.time_len < 5 ? hl.time_len : 5;
        memcpy(it->heads[h].time, hl.time, tl);
        it->heads[h].text = precis__strndup(hl.text, hl.len);
        it->heads[h].len = hl.len;
    }
    size_t tlen;
    const char *title = precis_doc_title(doc, &tlen);
    if (title) {
        it->title = precis__strndup(title, tlen);
        it->title_len = tlen;
    }
    it->language = doc->lang ? doc->lang->name : NULL;
    memcpy(it->date, doc->date, sizeof it->date);
    memcpy(it->time, doc->time, sizeof it->time);
    if (!doc->vecs) /* textrank and lexrank leave none: make them */
        doc->vecs = vectors_build(doc, WEIGHT_TFIDF);
    uint64_t *hash = term_hashes(doc);

    /* The article's vector: (1 + ln tf) * idf over all its sentences,
     * where the title and the lead count more. */
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
    it->days = lead_days(doc);
    free(tf);

    /* The best candidate sentences, by the document's own scores. */
    scored *order =
        precis__malloc((doc->n_sents ? doc->n_sents : 1) * sizeof *order);
    size_t n_cand = 0;
    double lo = INFINITY, hi = -INFINITY;
    /* A feed item or a teaser may be one sentence cut short ("... to the
     * hearing on"): without a whole sentence, one of enough words still
     * tells the story, so the article is not left out of the briefing. */
    for (int strict = 1; strict >= 0 && n_cand == 0; strict--)
        for (size_t i = 0; i < doc->n_sents; i++) {
            const sentence *s = &doc->sents[i];
            if (strict ? !rank_is_candidate(s) : s->words < RANK_MIN_WORDS)
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
        size_t skip = dateline_length(doc->text.data + s->off, s->len);
        is->text = precis__strndup(doc->text.data + s->off + skip,
                                   s->len - skip);
        is->len = s->len - skip;
        is->words = s->words;
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
    for (size_t h = 0; h < it->n_heads; h++)
        free(it->heads[h].text);
    free(it->heads);
    free(it->name);
    free(it->source);
    free(it->url);
    free(it->title);
    free(it);
}

/* ==== The briefing ==== */

typedef struct story {
    size_t *members; /* item indices, ascending */
    size_t n_members;
    double importance;
    char *headline; /* owned: a title, cut, or a headline made from the lead */
    size_t headline_len;
    const char *date; /* newest member date, NULL when none has one */
    const char *time;
    const item_sentence **chosen;
    size_t n_chosen;
    const char **sources;
    const char **names;
    const char **urls;
    const char **texts;
    size_t *lens;
} story;

/* An item of the "also in the news" list. */
typedef struct also_item {
    const char *time;
    const char *text;
    size_t len;
    size_t order; /* first seen, for a stable order */
} also_item;

struct precis_brief {
    precis_brief_options opt;
    precis_brief_item **items;
    size_t n_items, cap_items;
    story *stories;
    size_t n_stories;     /* shown */
    size_t n_more;        /* found beyond opt.top */
    also_item *also;
    size_t n_also;
    char date[11];
    bool finished;
    precis_ctx *ctx; /* where failures are reported; the caller's */
};

precis_brief_options precis_brief_options_default(void)
{
    return (precis_brief_options){
        .sentences = 3,
        .words = 0,
        .ratio = 0.0,
        .threshold = 0.3,
        .top = PRECIS_BRIEF_DEFAULT_TOP,
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
    if (!(o.ratio >= 0.0 && o.ratio <= 1.0) ||
        (o.sentences == 0 && o.words == 0 && o.ratio == 0.0)) {
        precis__fail(ctx, PRECIS_EINVAL,
                     "a story needs a budget: sentences, words or a ratio "
                     "in (0, 1]");
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

/* ==== Headlines ==== */

/* Longest headline, in bytes; a longer title is cut at a word. */
#define HEADLINE_MAX 120
/* A headline made from a sentence keeps this many words at most. */
#define HEADLINE_WORDS 12

/* s[0..len) cut at the last space before max bytes, with an ellipsis. */
static char *cut_at_word(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return precis__strndup(s, len);
    size_t end = max - 3; /* room for "…" */
    while (end > 0 && s[end] != ' ')
        end--;
    if (end == 0) /* one long word: cut at a character boundary */
        for (end = max - 3; end > 0 && ((unsigned char)s[end] & 0xC0) == 0x80;)
            end--;
    while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == ',' ||
                       s[end - 1] == ';' || s[end - 1] == ':'))
        end--;
    char *h = precis__malloc(end + 4);
    memcpy(h, s, end);
    memcpy(h + end, "\xE2\x80\xA6", 4);
    return h;
}

/* Whether the word s[0..len) is one a cut headline should not end on
 * in language m (its dangling.txt): an article, a preposition, a
 * conjunction, a possessive ("reminded Ibe about…" reads better as
 * "reminded Ibe…"). Without a model nothing is dropped. */
static bool dangling_word(const lang_model *m, buf *fold, const char *s,
                          size_t len)
{
    if (!m || !m->dangling.len)
        return false;
    analyze_fold_word(fold, s, len);
    return model_is_dangling(m, fold->data, fold->len);
}

/* Whether s[0..len) holds a word of four letters or more that starts in
 * lower case: a clause says what happened in words a name is not made of
 * ("arrested", "wedding"), where "Editor in Chief Frank Newport" has none. */
static bool has_lower_word(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        size_t letters = 0;
        int32_t first = 0;
        while (i < len && s[i] != ' ') {
            int32_t cp = u8_next(s, len, &i);
            if (uc_is_letter(cp) && !letters++)
                first = cp;
        }
        if (letters >= 4 && uc_is_lower(first))
            return true;
        while (i < len && s[i] == ' ')
            i++;
    }
    return false;
}

/* The lead sentence s[0..len) without what a headline does without: a
 * wire tag before it ("(CNN)", "(Reuters) - ") and the picture pointers
 * of a page with photos ("Prisoner Carlos Boente (pictured) was..."). */
static char *headline_text(const char *s, size_t len)
{
    static const char *const pointers[] = {
        " (pictured)", " (pictured left)", " (pictured right)", " (left)",
        " (right)",    " (centre)",        " (center)",         " (above)",
        " (below)",    " (inset)",         " (file photo)"};
    size_t at = 0;
    if (len && s[0] == '(') {
        const char *close = memchr(s, ')', len < 24 ? len : 24);
        if (close) {
            at = (size_t)(close - s) + 1;
            while (at < len && (s[at] == ' ' || s[at] == '-'))
                at++;
            if (at == len) /* nothing but the tag: keep it */
                at = 0;
        }
    }
    buf out = {0};
    while (at < len) {
        size_t skip = 0;
        if (s[at] == ' ')
            for (size_t k = 0; k < sizeof pointers / sizeof pointers[0]; k++) {
                size_t n = strlen(pointers[k]);
                if (n <= len - at && strncasecmp(s + at, pointers[k], n) == 0) {
                    skip = n;
                    break;
                }
            }
        if (skip) {
            at += skip;
        } else {
            buf_putc(&out, s[at]);
            at++;
        }
    }
    char *t = precis__strndup(buf_cstr(&out), out.len);
    buf_free(&out);
    return t;
}

/* A headline from a lead sentence, never the sentence itself: the sentence
 * up to its first clause break (a comma, a dash, a colon, a semicolon, or
 * "said"/"says") when that leaves 4 to HEADLINE_WORDS words, else its first
 * HEADLINE_WORDS words, less any that leave it dangling, and an ellipsis;
 * the closing full stop goes. The story's summary then leaves the
 * sentence out, so the headline is never read twice. */
static char *headline_from(const lang_model *m, const char *s, size_t len)
{
    size_t words = 0, end = len;
    bool in = false;
    for (size_t i = 0; i < len; i++) {
        bool space = s[i] == ' ';
        if (!space && !in && ++words > HEADLINE_WORDS) {
            end = i;
            break;
        }
        in = !space;
        bool brk = (s[i] == ',' || s[i] == ';' || s[i] == ':') &&
                   i + 1 < len && s[i + 1] == ' ';
        brk |= i + 2 < len && s[i] == ' ' && s[i + 1] == '-';
        brk |= i + 4 <= len && s[i] == ' ' &&
               (memcmp(s + i + 1, "\xE2\x80\x93", 3) == 0 ||
                memcmp(s + i + 1, "\xE2\x80\x94", 3) == 0);
        brk |= i + 6 <= len && s[i] == ' ' &&
               (memcmp(s + i, " said ", 6) == 0 ||
                memcmp(s + i, " says ", 6) == 0);
        /* A clause of four words or more: cut there, unless it is only a
         * name and its titles ("Senate Majority Leader Mitch McConnell,
         * R-Ky., smiles..."), which says who but not what. */
        if (brk && words >= 4 && has_lower_word(s, i))
            return cut_at_word(s, i, HEADLINE_MAX);
    }
    if (end == len) {
        /* The whole sentence fits: drop its closing full stop. */
        while (end > 0 && (s[end - 1] == '.' || s[end - 1] == ' '))
            end--;
        return cut_at_word(s, end, HEADLINE_MAX);
    }
    /* Drop the words it would end on badly, keeping at least four. */
    buf fold = {0};
    for (;;) {
        while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == ','))
            end--;
        size_t start = end;
        while (start > 0 && s[start - 1] != ' ')
            start--;
        size_t kept = 0;
        for (size_t i = 0; i < start; i++)
            kept += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
        if (kept < 4 || !dangling_word(m, &fold, s + start, end - start))
            break;
        end = start;
    }
    buf_free(&fold);
    char *h = precis__malloc(end + 4);
    memcpy(h, s, end);
    memcpy(h + end, "\xE2\x80\xA6", 4);
    if (end + 3 > HEADLINE_MAX) {
        char *c = cut_at_word(h, end + 3, HEADLINE_MAX);
        free(h);
        return c;
    }
    return h;
}

/* The member whose title is the story's: the titled article closest to
 * the others (the first HEADLINE_PEERS of them, to stay linear). */
#define HEADLINE_PEERS 32
static const precis_brief_item *best_titled(const precis_brief *b,
                                            const story *s)
{
    const precis_brief_item *best = NULL;
    double best_sum = -1.0;
    size_t peers = s->n_members < HEADLINE_PEERS ? s->n_members
                                                 : HEADLINE_PEERS;
    for (size_t m = 0; m < peers; m++) {
        const precis_brief_item *it = b->items[s->members[m]];
        if (!it->title || !it->title_len)
            continue;
        double sum = 0.0;
        for (size_t o = 0; o < peers; o++)
            if (o != m)
                sum += hvec_dot(&it->vec, &b->items[s->members[o]]->vec);
        if (sum > best_sum) {
            best_sum = sum;
            best = it;
        }
    }
    return best;
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

/* Most important first: more sources, then newer, then input order. */
static int by_importance(const void *x, const void *y)
{
    const story *a = x, *b = y;
    if (a->importance != b->importance)
        return a->importance > b->importance ? -1 : 1;
    int c = cmp_str(a->date, b->date);
    if (c)
        return c;
    c = cmp_str(a->time, b->time);
    if (c)
        return c;
    return (a->members[0] > b->members[0]) - (a->members[0] < b->members[0]);
}

/* Days between two "YYYY-MM-DD" dates, by their day numbers (a rough
 * count is enough for an importance penalty: months as 31 days). */
static long days_apart(const char *newer, const char *older)
{
    long y1 = strtol(newer, NULL, 10), m1 = strtol(newer + 5, NULL, 10),
         d1 = strtol(newer + 8, NULL, 10);
    long y0 = strtol(older, NULL, 10), m0 = strtol(older + 5, NULL, 10),
         d0 = strtol(older + 8, NULL, 10);
    long diff = ((y1 * 12 + m1) * 31 + d1) - ((y0 * 12 + m0) * 31 + d0);
    return diff > 0 ? diff : 0;
}

/* How many sentences a story gets: the budget of the options over the
 * candidate sentences its articles offer. */
static size_t story_budget(const precis_brief *b, size_t pool)
{
    if (b->opt.ratio > 0.0) {
        size_t n = (size_t)ceil(b->opt.ratio * (double)pool);
        return n ? n : 1;
    }
    if (b->opt.sentences)
        return b->opt.sentences;
    return pool; /* words alone: the word budget stops it */
}

/* Picks the story's sentences by MMR over all its articles' sentences,
 * skipping any that repeats one already in the briefing, within the
 * sentence and word budgets (the first sentence always fits). */
static void summarize_story(precis_brief *b, story *s,
                            const item_sentence ***given, size_t *n_given,
                            size_t *cap_given, const item_sentence *skip)
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
        for (size_t j = 0; j < it->n_sents; j++) {
            /* The headline's sentence, and its copies in other reports
             * of the story, are not said again. */
            taken[k] = skip && (&it->sents[j] == skip ||
                                hvec_dot(&it->sents[j].vec, &skip->vec) >
                                    REPEAT_COSINE);
            cand[k++] = &it->sents[j];
        }
    }
    size_t want = story_budget(b, pool);
    s->chosen = precis__malloc((want ? want : 1) * sizeof *s->chosen);
    s->n_chosen = 0;
    size_t words = 0;
    while (s->n_chosen < want) {
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
        if (b->opt.words && s->n_chosen &&
            words + cand[best]->words > b->opt.words)
            continue; /* a shorter one may still fit */
        words += cand[best]->words;
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

/* The model of language in ctx, loading it if need be; NULL when it does
 * not load or language is NULL. */
static const lang_model *language_model(precis_ctx *ctx, const char *language)
{
    lang_state *l = language ? lang_find(ctx, language) : NULL;
    precis_status status;
    return l && lang_load(ctx, l, &status) ? l->model : NULL;
}

/* The story's headline: its best title (cut to HEADLINE_MAX), else one
 * made from its most relevant lead sentence. Returns the sentence the
 * headline was made from, which the summary then leaves out, or NULL. */
static const item_sentence *make_headline(const precis_brief *b, story *s)
{
    const precis_brief_item *titled = best_titled(b, s);
    if (titled) {
        s->headline = cut_at_word(titled->title, titled->title_len,
                                  HEADLINE_MAX);
        s->headline_len = strlen(s->headline);
        return NULL;
    }
    /* The most relevant sentence among the members' leads. */
    const item_sentence *lead = NULL;
    const precis_brief_item *lead_item = NULL;
    for (size_t m = 0; m < s->n_members && m < HEADLINE_PEERS; m++) {
        const precis_brief_item *it = b->items[s->members[m]];
        for (size_t j = 0; j < it->n_sents; j++)
            if (!lead || it->sents[j].relevance > lead->relevance ||
                (it->sents[j].relevance == lead->relevance &&
                 it->sents[j].index < lead->index)) {
                lead = &it->sents[j];
                lead_item = it;
            }
    }
    if (!lead) {
        s->headline = precis__strdup(b->items[s->members[0]]->name);
        s->headline_len = strlen(s->headline);
        return NULL;
    }
    char *clean = headline_text(lead->text, lead->len);
    s->headline = headline_from(language_model(b->ctx, lead_item->language),
                                clean, strlen(clean));
    free(clean);
    s->headline_len = strlen(s->headline);
    return lead;
}

static void sort_u64(uint64_t *v, size_t n);

/* The briefing's date: the one asked for, else the most common article
 * date (the newest of equals), by sorting: linear-ish in articles. */
static void choose_date(precis_brief *b)
{
    if (b->opt.date[0]) {
        memcpy(b->date, b->opt.date, sizeof b->date);
        return;
    }
    size_t n = 0;
    uint64_t *days = precis__malloc((b->n_items ? b->n_items : 1) *
                                    sizeof *days);
    for (size_t i = 0; i < b->n_items; i++) {
        const char *d = b->items[i]->date;
        if (d[0])
            days[n++] = (uint64_t)strtoul(d, NULL, 10) * 10000 +
                        strtoul(d + 5, NULL, 10) * 100 +
                        strtoul(d + 8, NULL, 10);
    }
    sort_u64(days, n);
    uint64_t best = 0;
    size_t best_run = 0;
    for (size_t i = 0; i < n;) {
        size_t e = i;
        while (e < n && days[e] == days[i])
            e++;
        if (e - i >= best_run) { /* ascending: a later equal run is newer */
            best_run = e - i;
            best = days[i];
        }
        i = e;
    }
    free(days);
    if (best_run)
        snprintf(b->date, sizeof b->date, "%04u-%02u-%02u",
                 (unsigned)(best / 10000 % 10000),
                 (unsigned)(best / 100 % 100), (unsigned)(best % 100));
}

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

static void sort_u64(uint64_t *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_u64);
}

static int by_also(const void *x, const void *y)
{
    const also_item *a = x, *b = y;
    int c = strcmp(b->time, a->time); /* newest first */
    if (c)
        return c;
    return (a->order > b->order) - (a->order < b->order);
}

/* "Also in the news": the inputs' timed sidebar headlines, each once (the
 * same words at any time count as one: the first kept), newest first. */
static void collect_also(precis_brief *b)
{
    size_t total = 0;
    for (size_t i = 0; i < b->n_items; i++)
        total += b->items[i]->n_heads;
    b->also = precis__calloc(total ? total : 1, sizeof *b->also);
    strmap seen = {0};
    for (size_t i = 0; i < b->n_items; i++) {
        const precis_brief_item *it = b->items[i];
        for (size_t h = 0; h < it->n_heads; h++) {
            int added;
            strmap_put(&seen, it->heads[h].text, it->heads[h].len, 0, &added);
            if (!added)
                continue;
            b->also[b->n_also] = (also_item){it->heads[h].time,
                                             it->heads[h].text,
                                             it->heads[h].len, b->n_also};
            b->n_also++;
        }
    }
    strmap_free(&seen);
    qsort(b->also, b->n_also, sizeof *b->also, by_also);
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
    unsigned char *days = precis__malloc(n ? n : 1);
    for (size_t i = 0; i < n; i++) {
        vecs[i] = &b->items[i]->vec;
        dates[i] = b->items[i]->date;
        days[i] = b->items[i]->days;
    }
    size_t *story_of = precis__malloc((n ? n : 1) * sizeof *story_of);
    b->n_stories = group_stories(vecs, dates, days, n, WHOLE_TEXT_TERMS,
                                 b->opt.threshold, story_of);
    free(vecs);
    free(dates);
    free(days);
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
    /* A page that is only a sidebar gives headlines for "also in the
     * news", not a story: a story needs a sentence to tell. */
    size_t kept = 0;
    for (size_t s = 0; s < b->n_stories; s++) {
        size_t sents = 0;
        for (size_t m = 0; m < b->stories[s].n_members; m++)
            sents += b->items[b->stories[s].members[m]]->n_sents;
        if (sents)
            b->stories[kept++] = b->stories[s];
        else
            free(b->stories[s].members);
    }
    b->n_stories = kept;
    choose_date(b);

    /* Each story's dates, and its importance: how many reported it, less
     * a little for each day it is older than the briefing's newest. */
    const char *newest = NULL;
    for (size_t i = 0; i < n; i++)
        if (b->items[i]->date[0] &&
            (!newest || strcmp(b->items[i]->date, newest) > 0))
            newest = b->items[i]->date;
    for (size_t s = 0; s < b->n_stories; s++) {
        story *st = &b->stories[s];
        for (size_t m = 0; m < st->n_members; m++) {
            const precis_brief_item *it = b->items[st->members[m]];
            if (it->date[0] && (!st->date || strcmp(it->date, st->date) > 0))
                st->date = it->date;
            if (it->time[0] && (!st->time || strcmp(it->time, st->time) > 0))
                st->time = it->time;
        }
        st->importance = log2(1.0 + (double)st->n_members);
        if (st->date && newest)
            st->importance -= 0.5 * (double)days_apart(newest, st->date);
    }
    qsort(b->stories, b->n_stories, sizeof *b->stories, by_importance);
    if (b->opt.top && b->n_stories > b->opt.top) {
        for (size_t s = b->opt.top; s < b->n_stories; s++)
            free(b->stories[s].members);
        b->n_more = b->n_stories - b->opt.top;
        b->n_stories = b->opt.top;
    }

    const item_sentence **given = NULL;
    size_t n_given = 0, cap_given = 0;
    for (size_t s = 0; s < b->n_stories; s++) {
        story *st = &b->stories[s];
        const item_sentence *said = make_headline(b, st);
        summarize_story(b, st, &given, &n_given, &cap_given, said);
        st->sources = precis__malloc(st->n_members * sizeof *st->sources);
        st->names = precis__malloc(st->n_members * sizeof *st->names);
        st->urls = precis__malloc(st->n_members * sizeof *st->urls);
        for (size_t m = 0; m < st->n_members; m++) {
            st->sources[m] = b->items[st->members[m]]->source;
            st->names[m] = b->items[st->members[m]]->name;
            st->urls[m] = b->items[st->members[m]]->url;
        }
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
    collect_also(b);
    return PRECIS_OK;
}

size_t precis_brief_story_count(const precis_brief *b)
{
    return b->finished ? b->n_stories : 0;
}

size_t precis_brief_more_count(const precis_brief *b)
{
    return b->finished ? b->n_more : 0;
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
        return precis__fail(b->ctx, PRECIS_EINVAL,
                            "story %zu out of range (the briefing has %zu)",
                            i, precis_brief_story_count(b));
    const story *s = &b->stories[i];
    out->headline = s->headline ? s->headline : "";
    out->headline_len = s->headline ? s->headline_len : 0;
    out->date = s->date;
    out->time = s->time;
    out->n_sources = s->n_members;
    out->sources = s->sources;
    out->source_names = s->names;
    out->source_urls = s->urls;
    out->n_sentences = s->n_chosen;
    out->sentences = s->texts;
    out->sentence_lens = s->lens;
    return PRECIS_OK;
}

size_t precis_brief_also_count(const precis_brief *b)
{
    return b->finished ? b->n_also : 0;
}

precis_status precis_brief_also(const precis_brief *b, size_t i,
                                precis_headline *out)
{
    if (i >= precis_brief_also_count(b))
        return precis__fail(b->ctx, PRECIS_EINVAL,
                            "headline %zu out of range (the briefing has "
                            "%zu)",
                            i, precis_brief_also_count(b));
    out->time = b->also[i].time;
    out->time_len = strlen(b->also[i].time);
    out->text = b->also[i].text;
    out->len = b->also[i].len;
    return PRECIS_OK;
}

void precis_brief_free(precis_brief *b)
{
    if (!b)
        return;
    for (size_t s = 0; s < b->n_stories; s++) {
        free(b->stories[s].members);
        free(b->stories[s].headline);
        free(b->stories[s].chosen);
        free(b->stories[s].sources);
        free(b->stories[s].names);
        free(b->stories[s].urls);
        free(b->stories[s].texts);
        free(b->stories[s].lens);
    }
    free(b->stories);
    free(b->also);
    for (size_t i = 0; i < b->n_items; i++)
        precis_brief_item_free(b->items[i]);
    free(b->items);
    free(b);
}

bool brief_is_finished(const precis_brief *b)
{
    return b->finished;
}
