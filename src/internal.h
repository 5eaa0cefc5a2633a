/* internal.h: the structures behind precis_ctx and precis_doc, shared by
 * the pipeline stages. Not installed. */
#ifndef PRECIS_INTERNAL_H
#define PRECIS_INTERNAL_H

#include "util/symbols.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/buf.h"
#include "lang/model.h"
#include "precis.h"
#include "lang/stem.h"
#include "util/error.h"
#include "util/strmap.h"

/* Longest token (bytes) the analyser stems; longer runs are cut. */
#define PRECIS_MAX_TOKEN 64

/* One language's data and stemmer, loaded when first needed. */
typedef struct lang_state {
    const char *name; /* Snowball name, static storage */
    bool tried;       /* a load was attempted */
    bool loaded;      /* model and stemmer are ready */
    bool has_stopwords;
    bool profiled; /* its stopwords are in ctx->stopword_langs (or the
                    * built-in table) */
    int script;    /* the script it is written in (detect.c's enum) */
    lang_model *model; /* NULL until loaded: a context holds one slot per
                        * libstemmer language and few are ever used */
    stemmer *stem;
    uint32_t docs_analyzed; /* numbers documents for the stem memos */
} lang_state;

struct precis_ctx {
    bool auto_lang;    /* detect each document's language */
    lang_state *fixed; /* the language when not auto */
    char *models_dir;  /* NULL: the compiled-in models */
    lang_state *langs; /* one per libstemmer language */
    size_t n_langs;
    /* For detection: each stopword of any language -> a bit per language
     * (bit i for langs[i]) whose list holds it; one lookup per word. */
    strmap stopword_langs;
    /* The compiled-in models' compact version of it; when set, used
     * instead (and stopword_langs stays empty). */
    const struct lang_bits_table *builtin_lang_bits;
    buf errmsg;
};

/* The language of text by its script and by stopword counts, among the
 * languages whose models load; falls back to English. */
lang_state *detect_language(precis_ctx *ctx, const char *text, size_t len);
/* The script language (a Snowball name) is written in, for lang_state. */
int precis__language_script(const char *name);

typedef struct span {
    size_t off;
    size_t len;
} span;

/* Where a term's word stands in its sentence, for keyphrases. */
typedef struct term_pos {
    uint32_t off;  /* byte offset from the sentence start */
    uint32_t len;  /* bytes of the word as written */
    uint32_t word; /* word number in the sentence, stopwords counted */
} term_pos;

typedef struct sentence {
    size_t off; /* into doc->text */
    size_t len;
    uint32_t paragraph;
    uint32_t words;   /* word tokens, stopwords included */
    uint32_t n_terms; /* content terms, repeats included */
    uint32_t *terms;  /* term ids (doc-local), in order */
    term_pos *pos;    /* n_terms entries, parallel to terms */
    uint8_t terminal; /* ends with terminal punctuation */
    uint8_t caption;  /* a photo caption run into the text (boilerplate.txt
                       * "caption"): its words count, it is never chosen */
} sentence;

enum doc_state { DOC_FEEDING, DOC_FINISHED, DOC_SUMMARIZED, DOC_FAILED };

typedef struct headline_item {
    span time; /* into doc->meta */
    span text; /* into doc->meta */
} headline_item;

struct precis_doc {
    precis_ctx *ctx;
    lang_state *lang; /* set by ingest, or by precis_doc_set_language */
    arena mem;  /* what finish makes; dies with the document */
    arena work; /* what summarize makes (graphs, vectors, scores, the
                 * summary); emptied by each summarize, so summarising
                 * again does not grow the document */
    enum doc_state state;
    size_t max_input; /* feed refuses more bytes than this (0: no limit) */
    buf input;
    buf text; /* the cleaned text */
    int has_title;
    span title;
    char date[11];     /* "YYYY-MM-DD" or "" */
    char time[6];      /* "HH:MM" or "" */
    buf meta; /* bytes of metadata taken out of the body (headlines, a
               * caller's title): complete when finish returns and never
               * appended to after, so pointers into it stay valid */
    span forced_title; /* into meta: a title set by the caller */
    headline_item *headlines;
    size_t n_headlines;
    /* From an HTML page's metadata (NUL-terminated, in mem), or NULL. */
    const char *site, *url, *author, *page_lang;
    bool url_given;  /* url is the caller's (precis_doc_set_url) */
    bool site_given; /* site is the caller's (precis_doc_set_site) */
    size_t visible; /* bytes of readable text in the input */
    span *keywords; /* into text; made on first use (keywords_run) */
    size_t n_keywords;
    bool keywords_done;
    size_t keyword_limit; /* how many the last summarize asked for */
    span *paras; /* body paragraphs, title excluded */
    size_t n_paras;
    sentence *sents;
    size_t n_sents;
    strmap terms; /* stem -> doc-local term id */
    size_t n_terms;
    uint32_t *term_df; /* per term: background document frequency, 0 if
                        * unknown; made on first use (vector.c) */
    uint32_t *sent_df; /* per term: sentences holding it (vector.c) */
    size_t n_sent_df;
    sentence title_terms; /* the title, analysed like a sentence */
    struct svec *vecs;    /* tf-idf sentence vectors, or NULL */
    double *scores;
    size_t *summary; /* sentence indices, ascending */
    size_t n_summary;
};

/* Fewer words than this and a "sentence" is a fragment, never chosen. */
#define RANK_MIN_WORDS 4

/* Whether a sentence can stand alone in a summary: it ends with terminal
 * punctuation and is no fragment. Headings, captions and list entries
 * rank in the graph but are not chosen (unless nothing else is left). */
bool rank_is_candidate(const sentence *s);

/* Records a formatted message as ctx's last error and returns status. */
#define precis__fail(ctx, status, ...)                                        \
    error_set(&(ctx)->errmsg, (status), __VA_ARGS__)

/* The stages, in pipeline order. Each reads what the previous one left in
 * doc and allocates its output from doc->mem. */
precis_status ingest_run(precis_doc *doc, const precis_options *opt);
/* After segmentation: drops boilerplate sentences, and paragraphs that are
 * mostly boilerplate. */
void ingest_drop_boilerplate(precis_doc *doc);
void segment_run(precis_doc *doc);
/* Folds word as the analyser does before stopword tests and stemming
 * (case folding, ’ as ', at most PRECIS_MAX_TOKEN bytes) into fold. */
void analyze_fold_word(buf *fold, const char *w, size_t len);
/* The length of the dateline a wire story's sentence s[0..len) opens
 * with ("DALLAS (AP) — ", "CHRISTCHURCH, New Zealand (Reuters) - ",
 * "BOSTON — ", "(CNN) -- "), or 0: what a reader skips (dateline.c). */
size_t dateline_length(const char *s, size_t len);
void analyze_run(precis_doc *doc);
void rank_run(precis_doc *doc, const precis_options *opt);
void select_run(precis_doc *doc, const precis_options *opt);
/* At most this many key phrases are found in a document. */
#define PRECIS_MAX_KEYWORDS 1000
/* Key phrases by TextRank over words, best first, at most
 * PRECIS_MAX_KEYWORDS, into doc->keywords. Runs once per document (later
 * calls return at once): the phrases do not depend on the options. */
void keywords_run(precis_doc *doc);

#endif
