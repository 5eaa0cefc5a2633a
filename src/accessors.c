/* accessors.c: what a finished document hands out (text, title,
 * sentences, summary, metadata, headline items, key phrases). Kept apart
 * from the lifecycle in precis.c: the renderers and the briefing read a
 * document through these, and nothing here calls back into precis.c. */
#include "precis.h"

#include "internal.h"

/* Every read by index fails the same way: PRECIS_EINVAL, the outputs left
 * alone, and the reason in the context's message. */
static precis_status out_of_range(const precis_doc *doc, const char *what,
                                  size_t i, size_t n)
{
    return precis__fail(doc->ctx, PRECIS_EINVAL,
                        "%s %zu out of range (the document has %zu)", what, i,
                        n);
}

const char *precis_doc_text(const precis_doc *doc, size_t *len)
{
    if (len)
        *len = doc->text.len;
    return buf_cstr(&doc->text);
}

const char *precis_doc_title(const precis_doc *doc, size_t *len)
{
    if (!doc->has_title) {
        if (len)
            *len = 0;
        return NULL;
    }
    if (len)
        *len = doc->title.len;
    return doc->text.data + doc->title.off;
}

size_t precis_doc_sentence_count(const precis_doc *doc)
{
    return doc->n_sents;
}

precis_status precis_doc_sentence(const precis_doc *doc, size_t i,
                                  precis_sentence *out)
{
    if (i >= doc->n_sents)
        return out_of_range(doc, "sentence", i, doc->n_sents);
    const sentence *s = &doc->sents[i];
    out->index = i;
    out->text = doc->text.data + s->off;
    out->len = s->len;
    out->offset = s->off;
    out->paragraph = s->paragraph;
    out->words = s->words;
    out->score = doc->scores ? doc->scores[i] : 0.0;
    return PRECIS_OK;
}

size_t precis_doc_summary_count(const precis_doc *doc)
{
    return doc->state == DOC_SUMMARIZED ? doc->n_summary : 0;
}

precis_status precis_doc_summary_sentence(const precis_doc *doc, size_t k,
                                          precis_sentence *out)
{
    size_t n = precis_doc_summary_count(doc);
    if (k >= n)
        return out_of_range(doc, "summary sentence", k, n);
    precis_status st = precis_doc_sentence(doc, doc->summary[k], out);
    /* The summary says what happened; "MADRID (AP) — " is how it was
     * filed. The span stays one of the text's. */
    size_t skip = dateline_length(out->text, out->len);
    out->text += skip;
    out->len -= skip;
    out->offset += skip;
    return st;
}

const char *precis_doc_date(const precis_doc *doc)
{
    return doc->date[0] ? doc->date : NULL;
}

const char *precis_doc_time(const precis_doc *doc)
{
    return doc->time[0] ? doc->time : NULL;
}

const char *precis_doc_language(const precis_doc *doc)
{
    /* A language set before finish (precis_doc_set_language) is only the
     * one to use: the document was analysed in nothing yet. */
    bool done = doc->state == DOC_FINISHED || doc->state == DOC_SUMMARIZED;
    return done && doc->lang ? doc->lang->name : NULL;
}

size_t precis_doc_headline_count(const precis_doc *doc)
{
    return doc->n_headlines;
}

precis_status precis_doc_headline(const precis_doc *doc, size_t i,
                                  precis_headline *out)
{
    if (i >= doc->n_headlines)
        return out_of_range(doc, "headline", i, doc->n_headlines);
    const headline_item *h = &doc->headlines[i];
    out->time = doc->meta.data + h->time.off;
    out->time_len = h->time.len;
    out->text = doc->meta.data + h->text.off;
    out->len = h->text.len;
    return PRECIS_OK;
}

size_t precis_doc_keyword_count(const precis_doc *doc)
{
    if (doc->state != DOC_SUMMARIZED || doc->keyword_limit == 0)
        return 0;
    /* Found on first use: most callers never ask, and the phrases do not
     * depend on the options. The document is const to its readers; this
     * fills a cache inside it, once. */
    keywords_run((precis_doc *)doc);
    return doc->n_keywords < doc->keyword_limit ? doc->n_keywords
                                                : doc->keyword_limit;
}

precis_status precis_doc_keyword(const precis_doc *doc, size_t i,
                                 const char **text, size_t *len)
{
    size_t n = precis_doc_keyword_count(doc);
    if (i >= n)
        return out_of_range(doc, "keyword", i, n);
    *text = doc->text.data + doc->keywords[i].off;
    if (len)
        *len = doc->keywords[i].len;
    return PRECIS_OK;
}

const char *precis_doc_site(const precis_doc *doc)
{
    return doc->site;
}

const char *precis_doc_url(const precis_doc *doc)
{
    return doc->url;
}

const char *precis_doc_author(const precis_doc *doc)
{
    return doc->author;
}

const char *precis_doc_page_language(const precis_doc *doc)
{
    return doc->page_lang;
}

void precis_doc_extracted(const precis_doc *doc, size_t *visible,
                          size_t *kept)
{
    bool done = doc->state == DOC_FINISHED || doc->state == DOC_SUMMARIZED;
    if (visible)
        *visible = done ? doc->visible : 0;
    /* The title opens the text; it is counted once, as visible text. */
    size_t title = doc->has_title ? doc->title.len + 1 : 0;
    if (kept)
        *kept = done && doc->text.len > title ? doc->text.len - title : 0;
}
