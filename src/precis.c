/* precis.c: the context and document lifecycle, status messages, sinks
 * and options. The stages live in their folders, the read accessors in
 * accessors.c. */
#include "precis.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "read/date.h"
#include "read/encoding.h"
#include "internal.h"
#include "lang/load.h"
#include "lang/models_builtin.h"
#include "util/utf8.h"

/* ==== Version and errors ==== */

const char *precis_version_string(void)
{
    return PRECIS_VERSION_STRING;
}

const char *precis_strerror(precis_status status)
{
    switch (status) {
    case PRECIS_OK:
        return "success";
    case PRECIS_EINVAL:
        return "invalid argument";
    case PRECIS_EIO:
        return "input/output error";
    case PRECIS_EUTF8:
        return "invalid UTF-8";
    case PRECIS_ELANG:
        return "unsupported language";
    case PRECIS_EEMPTY:
        return "no text to summarise";
    case PRECIS_EBINARY:
        return "binary data, not text";
    case PRECIS_EMODEL:
        return "cannot load models";
    case PRECIS_ESTATE:
        return "call out of order";
    case PRECIS_ETOOBIG:
        return "input too large";
    case PRECIS_EIMAGE:
        return "cannot render the image";
    case PRECIS_EFEED:
        return "not an RSS or Atom feed";
    }
    return "unknown error";
}

/* ==== Sinks ==== */

static int write_file(void *ud, const void *data, size_t len)
{
    return fwrite(data, 1, len, (FILE *)ud) == len ? 0 : -1;
}

precis_sink precis_sink_file(FILE *f)
{
    return (precis_sink){write_file, f};
}

static int write_mem(void *ud, const void *data, size_t len)
{
    precis_membuf *m = ud;
    buf b = {m->data, m->len, m->cap};
    buf_put(&b, data, len);
    m->data = b.data;
    m->len = b.len;
    m->cap = b.cap;
    return 0;
}

precis_sink precis_sink_mem(precis_membuf *m)
{
    return (precis_sink){write_mem, m};
}

void precis_membuf_free(precis_membuf *m)
{
    if (!m)
        return;
    free(m->data);
    m->data = NULL;
    m->len = m->cap = 0;
}

/* ==== Options ==== */

precis_options precis_options_default(void)
{
    return (precis_options){
        .sentences = 3,
        .words = 0,
        .ratio = 0.0,
        .damping = 0.85,
        .tolerance = 1e-6,
        .max_iterations = 100,
        .flags = 0,
        .keywords = 10,
        .algorithm = PRECIS_ALGO_PRECIS,
        .input = PRECIS_INPUT_AUTO,
    };
}

precis_status precis_options_check(const precis_options *opt)
{
    if (!opt)
        return PRECIS_EINVAL;
    if (!(opt->ratio >= 0.0 && opt->ratio <= 1.0))
        return PRECIS_EINVAL;
    if (!(opt->damping >= 0.0 && opt->damping < 1.0))
        return PRECIS_EINVAL;
    if (!(opt->tolerance > 0.0) || !isfinite(opt->tolerance))
        return PRECIS_EINVAL;
    if (opt->max_iterations == 0)
        return PRECIS_EINVAL;
    if (opt->sentences == 0 && opt->words == 0 && opt->ratio == 0.0)
        return PRECIS_EINVAL;
    if (opt->keywords > 1000)
        return PRECIS_EINVAL;
    if (opt->input != PRECIS_INPUT_AUTO && opt->input != PRECIS_INPUT_TEXT &&
        opt->input != PRECIS_INPUT_HTML)
        return PRECIS_EINVAL;
    if (opt->algorithm != PRECIS_ALGO_PRECIS &&
        opt->algorithm != PRECIS_ALGO_TEXTRANK &&
        opt->algorithm != PRECIS_ALGO_LEXRANK)
        return PRECIS_EINVAL;
    return PRECIS_OK;
}

/* ==== Context ==== */

precis_ctx *precis_ctx_new(const char *language, const char *models_dir,
                           precis_status *err)
{
    precis_status dummy;
    if (!err)
        err = &dummy;
    if (!language)
        language = "english";
    bool auto_lang = strcmp(language, "auto") == 0;
    const char *name = auto_lang ? NULL : precis_language_resolve(language);
    if (!auto_lang && !name) {
        *err = PRECIS_ELANG;
        return NULL;
    }
    precis_ctx *ctx = precis__calloc(1, sizeof *ctx);
    ctx->auto_lang = auto_lang;
    ctx->models_dir = models_dir ? precis__strdup(models_dir) : NULL;
    const char *const *names = stemmer_languages();
    while (names[ctx->n_langs])
        ctx->n_langs++;
    ctx->langs = precis__calloc(ctx->n_langs, sizeof *ctx->langs);
    for (size_t i = 0; i < ctx->n_langs; i++) {
        ctx->langs[i].name = names[i];
        ctx->langs[i].script = precis__language_script(names[i]);
        if (name && strcmp(names[i], name) == 0)
            ctx->fixed = &ctx->langs[i];
    }
    precis_status st = PRECIS_OK;
    if (ctx->fixed) {
        lang_load(ctx, ctx->fixed, &st);
    } else if (auto_lang) {
        /* Detection compares stopword profiles: every language's
         * stopwords are needed now (a --models folder may lack some), a
         * language's whole model only when a document turns out to be in
         * it. English is the fallback, so it must load. */
        const lang_bits_table *builtin =
            ctx->models_dir ? NULL
                            : model_builtin_lang_bits(names, ctx->n_langs);
        ctx->builtin_lang_bits = builtin;
        for (size_t i = 0; i < ctx->n_langs && i < 32; i++) {
            lang_state *l = &ctx->langs[i];
            if (builtin) {
                l->profiled = precis__builtin_profiled >> i & 1;
            } else {
                buf ignored = {0};
                strmap words = {0};
                if (model_load_stopwords(&words, l->name, ctx->models_dir,
                                         &ignored) == PRECIS_OK)
                    l->profiled = words.count > 0;
                model_add_stopword_bit(&ctx->stopword_langs, &words,
                                       (uint32_t)1 << i);
                strmap_free(&words);
                buf_free(&ignored);
            }
            if (strcmp(l->name, "english") == 0)
                lang_load(ctx, l, &st);
        }
    }
    if (st != PRECIS_OK) {
        precis_ctx_free(ctx);
        *err = st;
        return NULL;
    }
    *err = PRECIS_OK;
    return ctx;
}

void precis_ctx_free(precis_ctx *ctx)
{
    if (!ctx)
        return;
    for (size_t i = 0; i < ctx->n_langs; i++) {
        stemmer_free(ctx->langs[i].stem);
        if (ctx->langs[i].loaded)
            model_free(ctx->langs[i].model);
        free(ctx->langs[i].model);
    }
    free(ctx->langs);
    strmap_free(&ctx->stopword_langs);
    free(ctx->models_dir);
    buf_free(&ctx->errmsg);
    free(ctx);
}

const char *precis_ctx_language(const precis_ctx *ctx)
{
    return ctx->auto_lang ? "auto" : ctx->fixed->name;
}

const char *precis_ctx_errmsg(const precis_ctx *ctx)
{
    return buf_cstr(&ctx->errmsg);
}

/* ==== Document ==== */

precis_doc *precis_doc_new(precis_ctx *ctx)
{
    precis_doc *doc = precis__calloc(1, sizeof *doc);
    doc->ctx = ctx;
    doc->state = DOC_FEEDING;
    doc->max_input = PRECIS_DEFAULT_MAX_INPUT;
    return doc;
}

precis_status precis_doc_set_max_input(precis_doc *doc, size_t bytes)
{
    if (doc->state != DOC_FEEDING)
        return precis__fail(doc->ctx, PRECIS_ESTATE,
                            "input limit set after the document was finished");
    if (bytes && doc->input.len > bytes)
        return precis__fail(doc->ctx, PRECIS_EINVAL,
                            "input limit of %zu bytes below the %zu bytes "
                            "already fed",
                            bytes, doc->input.len);
    doc->max_input = bytes;
    return PRECIS_OK;
}

precis_status precis_doc_feed(precis_doc *doc, const void *data, size_t len)
{
    if (doc->state != DOC_FEEDING)
        return precis__fail(doc->ctx, PRECIS_ESTATE,
                            doc->state == DOC_FAILED
                                ? "feed after the document failed"
                                : "feed after the document was finished");
    if (len && !data)
        return precis__fail(doc->ctx, PRECIS_EINVAL, "feed of NULL data");
    /* Refused before it is copied: a stream larger than the limit never
     * costs more than the limit. */
    if (doc->max_input && len > doc->max_input - doc->input.len) {
        buf_free(&doc->input);
        doc->state = DOC_FAILED;
        return precis__fail(doc->ctx, PRECIS_ETOOBIG,
                            "input larger than the limit of %zu bytes",
                            doc->max_input);
    }
    buf_put(&doc->input, data, len);
    return PRECIS_OK;
}

precis_status precis_doc_set_title(precis_doc *doc, const char *title,
                                   size_t len)
{
    if (doc->state != DOC_FEEDING)
        return precis__fail(doc->ctx, PRECIS_ESTATE,
                            "title set after the document was finished");
    /* The title is one line of clean text: repair it like the body. */
    buf fixed = {0};
    u8_repair(&fixed, title, len);
    size_t start = doc->meta.len;
    bool space = false;
    for (size_t i = 0; i < fixed.len; i++) {
        char c = fixed.data[i];
        bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                     (unsigned char)c < 0x20;
        if (blank) {
            space = doc->meta.len > start;
            continue;
        }
        if (space)
            buf_putc(&doc->meta, ' ');
        space = false;
        buf_putc(&doc->meta, c);
    }
    buf_free(&fixed);
    doc->forced_title = (span){start, doc->meta.len - start};
    return PRECIS_OK;
}

precis_status precis_doc_set_date(precis_doc *doc, const char *date)
{
    if (doc->state != DOC_FEEDING)
        return precis__fail(doc->ctx, PRECIS_ESTATE,
                            "date set after the document was finished");
    char out[11];
    size_t at, end;
    if (!date || !date_find(date, strlen(date), out, &at, &end) || at != 0)
        return precis__fail(doc->ctx, PRECIS_EINVAL,
                            "not a date: want YYYY-MM-DD");
    memcpy(doc->date, out, sizeof out);
    /* A time after the date: "T12:20", " 12:20:05". */
    size_t i = end;
    if (date[i] == 'T' || date[i] == 't' || date[i] == ' ')
        i++;
    char hm[6];
    if (time_parse(date, strlen(date), i, hm))
        memcpy(doc->time, hm, sizeof hm);
    return PRECIS_OK;
}

/* A one-line value the caller gives a document (a URL, a site's name):
 * white space at either end goes; a control character inside, or a space
 * when spaced is false, or invalid UTF-8 is refused, named as what. On
 * success *out is the copy in doc's arena, NULL for an empty value. */
static precis_status one_line_value(precis_doc *doc, const char *what,
                                    const char *value, bool spaced,
                                    const char **out)
{
    if (doc->state != DOC_FEEDING)
        return precis__fail(doc->ctx, PRECIS_ESTATE,
                            "%s set after the document was finished", what);
    if (!value)
        return precis__fail(doc->ctx, PRECIS_EINVAL, "no %s", what);
    size_t len = strlen(value);
    while (len && (unsigned char)value[len - 1] <= ' ')
        len--;
    while (len && (unsigned char)*value <= ' ') {
        value++;
        len--;
    }
    unsigned char lowest = spaced ? ' ' : ' ' + 1;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)value[i] < lowest || value[i] == 0x7f)
            return precis__fail(doc->ctx, PRECIS_EINVAL,
                                "not a %s: %s inside", what,
                                spaced ? "a control character"
                                       : "white space or a control "
                                         "character");
    if (!u8_is_valid(value, len))
        return precis__fail(doc->ctx, PRECIS_EINVAL,
                            "not a %s: not valid UTF-8", what);
    *out = len ? arena_strndup(&doc->mem, value, len) : NULL;
    return PRECIS_OK;
}

precis_status precis_doc_set_url(precis_doc *doc, const char *url)
{
    const char *copy;
    precis_status st = one_line_value(doc, "URL", url, false, &copy);
    if (st == PRECIS_OK) {
        doc->url = copy;
        doc->url_given = copy != NULL;
    }
    return st;
}

precis_status precis_doc_set_site(precis_doc *doc, const char *site)
{
    /* A name for one line of a briefing: spaces inside are its own. */
    const char *copy;
    precis_status st = one_line_value(doc, "site name", site, true, &copy);
    if (st == PRECIS_OK) {
        doc->site = copy;
        doc->site_given = copy != NULL;
    }
    return st;
}

precis_status precis_doc_set_language(precis_doc *doc, const char *language)
{
    if (doc->state != DOC_FEEDING)
        return precis__fail(doc->ctx, PRECIS_ESTATE,
                            "language set after the document was finished");
    const char *name = precis_language_resolve(language);
    if (!name)
        return precis__fail(doc->ctx, PRECIS_ELANG, "unknown language %s",
                            language ? language : "(null)");
    lang_state *l = lang_find(doc->ctx, name);
    if (!l)
        return precis__fail(doc->ctx, PRECIS_ELANG, "unknown language %s",
                            language);
    precis_status st;
    if (!lang_load(doc->ctx, l, &st))
        return st;
    doc->lang = l;
    return PRECIS_OK;
}

precis_status precis_doc_finish(precis_doc *doc, const precis_options *opt)
{
    if (doc->state != DOC_FEEDING)
        return precis__fail(doc->ctx, PRECIS_ESTATE,
                            "the document was already finished");
    precis_options defaults = precis_options_default();
    if (!opt)
        opt = &defaults;
    doc->state = DOC_FAILED;
    precis_status st = encoding_run(doc, opt);
    if (st == PRECIS_OK)
        st = ingest_run(doc, opt);
    buf_free(&doc->input); /* the clean text is all later stages need */
    if (st != PRECIS_OK)
        return st;
    stemmer_trim(doc->lang->stem);
    segment_run(doc);
    if (!(opt->flags & PRECIS_OPT_KEEP_BOILERPLATE))
        ingest_drop_boilerplate(doc);
    if (doc->n_sents == 0)
        return precis__fail(doc->ctx, PRECIS_EEMPTY,
                            "no sentence of body text");
    analyze_run(doc);
    doc->state = DOC_FINISHED;
    return PRECIS_OK;
}

precis_status precis_doc_summarize(precis_doc *doc, const precis_options *opt)
{
    if (doc->state != DOC_FINISHED && doc->state != DOC_SUMMARIZED)
        return precis__fail(doc->ctx, PRECIS_ESTATE,
                            "summarize before a successful finish");
    precis_options defaults = precis_options_default();
    if (!opt)
        opt = &defaults;
    if (precis_options_check(opt) != PRECIS_OK)
        return precis__fail(doc->ctx, PRECIS_EINVAL, "invalid options");
    /* Scores, graphs and the summary of an earlier summarize go: nothing
     * handed out points into them (accessors copy them out). */
    arena_free(&doc->work);
    rank_run(doc, opt);
    select_run(doc, opt);
    doc->keyword_limit = opt->keywords; /* found when first asked for */
    doc->state = DOC_SUMMARIZED;
    return PRECIS_OK;
}

void precis_doc_free(precis_doc *doc)
{
    if (!doc)
        return;
    buf_free(&doc->input);
    buf_free(&doc->text);
    buf_free(&doc->meta);
    strmap_free(&doc->terms);
    free(doc->term_df);
    arena_free(&doc->work);
    arena_free(&doc->mem);
    free(doc);
}

/* ==== Convenience ==== */

precis_status precis_summarize_to(precis_ctx *ctx, const void *text, size_t len,
                                  const precis_options *opt, precis_sink *sink)
{
    precis_doc *doc = precis_doc_new(ctx);
    precis_status st = precis_doc_feed(doc, text, len);
    if (st == PRECIS_OK)
        st = precis_doc_finish(doc, opt);
    if (st == PRECIS_OK)
        st = precis_doc_summarize(doc, opt);
    if (st == PRECIS_OK)
        st = precis_render_text(doc, sink);
    precis_doc_free(doc);
    return st;
}
