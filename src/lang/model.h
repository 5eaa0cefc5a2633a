/* model.h: per-language data from models/ (stopwords, abbreviations),
 * either compiled into the library or read from a folder at run time. */
#ifndef PRECIS_MODEL_H
#define PRECIS_MODEL_H

#include "util/symbols.h"

#include <stdbool.h>
#include <stddef.h>

#include "lang/boilerplate.h"
#include "util/buf.h"
#include "precis.h"
#include "lang/stem.h"
#include "util/strmap.h"

/* What an abbreviation is to the sentence splitter. */
enum abbrev_kind {
    ABBREV_NONE = 0,
    ABBREV_PLAIN = 1, /* "etc", "Inc": may end a sentence */
    ABBREV_TITLE = 2  /* "Mr", "Dr": comes before a name, never ends one */
};

/* The weights of the precis score (rank.c), from models/LANG/weights.txt
 * when present ("NAME VALUE" lines), else the defaults of model.c. */
typedef struct rank_weights {
    double lead;           /* weight of the lead prior */
    double lead_decay;     /* the prior of the k-th candidate: e^(-k/decay) */
    double centrality;     /* weight of TextRank centrality (max = 1) */
    double centroid;       /* weight of cosine to the document centroid */
    double title;          /* weight of cosine to the title */
    double length;         /* penalty for fragments and rambling */
    double quote;          /* penalty for a sentence that opens a quote */
    double damping;        /* PageRank damping of the centrality */
    double edge_threshold; /* cosine below which there is no edge */
    double mmr_lambda;     /* MMR: relevance vs. novelty, 1 = no MMR */
    double background_idf; /* 1: sentence vectors use idf.txt; 0: the
                            * document's own sentence IDF */
} rank_weights;

typedef struct lang_model {
    strmap stopwords; /* case-folded words */
    strmap openers;   /* case-folded words that open a sentence */
    bp_rules boilerplate;
    rank_weights weights;
    buf months;        /* months.txt: names of the months, for dates */
    buf weekdays;      /* weekdays.txt: names of the days, Monday first */
    buf dangling;      /* dangling.txt: words a cut headline ends badly on */
    strmap idf;        /* stem -> background document frequency */
    uint32_t idf_docs; /* documents behind the idf table, 0: none */
    /* idf.txt is read on first use (model_need_idf): most runs never need
     * it, and parsing it is most of a cold start. */
    bool idf_tried;
    const char *language; /* static storage */
    const char *dir;      /* the models folder (the context's), or NULL */
    strmap abbrevs;       /* as written, without the final period -> kind */
    buf abbrev_suffixes;  /* "-str" entries: "str\0..." with kinds after */
    /* Built-in models only: the stems of words.txt's frequent words,
     * computed at build time; NULL for models read from a folder. */
    const stem_seed *stem_seed;
    /* A copy of a model frozen at build time (models_builtin.h): its
     * tables are static data, never written or freed. */
    bool builtin;
} lang_model;

/* Loads language's models, from dir when it is not NULL, otherwise from
 * the compiled-in copy. On failure returns PRECIS_EMODEL with the reason
 * in err. */
precis_status model_load(lang_model *m, const char *language, const char *dir,
                         buf *err);
void model_free(lang_model *m);

/* Reads idf.txt into m->idf and m->idf_docs unless already tried. A
 * missing or unreadable file leaves the table empty (idf_docs 0). */
void model_need_idf(lang_model *m);

/* Loads only the stopwords of language into set (for detection).
 * Returns PRECIS_OK, or PRECIS_EMODEL with the reason in err. */
precis_status model_load_stopwords(strmap *set, const char *language,
                                   const char *dir, buf *err);

/* Sets bit in *langs's value of every word of the stopword set words:
 * the map from stopword to the languages whose lists hold it. */
void model_add_stopword_bit(strmap *langs, const strmap *words, uint32_t bit);

/* Reads the file models/LANGUAGE/NAME into out, from dir or the
 * compiled-in copy. *found tells whether it exists. Returns PRECIS_EMODEL
 * (reason in err) only when an existing file cannot be read. */
precis_status model_read(const char *language, const char *name,
                         const char *dir, buf *out, bool *found, buf *err);

/* Calls fn for each line of text that is neither blank nor a # comment,
 * trimmed of surrounding white space. */
void model_each_line(const char *text, size_t len,
                     void (*fn)(void *ud, const char *line, size_t len),
                     void *ud);

bool model_is_stopword(const lang_model *m, const char *folded, size_t len);
/* The line of table[0..len) that lists word[0..n) among its forms
 * (separated by spaces), counting from 1 and skipping blank lines and '#'
 * comments, up to the max-th line; 0 when none does. The shape of
 * months.txt and weekdays.txt. */
int model_table_line(const char *table, size_t len, const char *word,
                     size_t n, int max);
/* The day of the week the case-folded word names in weekdays.txt, 1 for
 * Monday to 7 for Sunday, or 0. */
int model_weekday(const lang_model *m, const char *folded, size_t len);
/* Whether the case-folded word is one of dangling.txt's: an article,
 * preposition, conjunction or auxiliary that a shortened headline should
 * not end on. */
bool model_is_dangling(const lang_model *m, const char *folded, size_t len);
/* A stopword or one of openers.txt: a word that, capitalised, starts a
 * sentence ("The", "However"). */
bool model_is_opener(const lang_model *m, const char *folded, size_t len);
/* Looks word up as written; an entry written in lower case ("etc") also
 * matches the word in any case. */
enum abbrev_kind model_abbrev(const lang_model *m, const char *word,
                              size_t len);

#endif
