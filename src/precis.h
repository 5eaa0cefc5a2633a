/* precis.h: the public interface of libprecis, and its manual.
 *
 * libprecis turns a news article (bytes of UTF-8 text, as scraped) into a
 * short extractive summary: the sentences that matter most, in document
 * order. The pipeline is
 *
 *     bytes --ingest--> clean text, title, paragraphs
 *           --segment-> sentences
 *           --analyze-> case-folded, stop-worded, stemmed terms
 *           --rank----> sentence scores (TextRank: similarity graph + PageRank)
 *           --select--> the summary, within a budget, in document order
 *           --render--> text on a caller-supplied sink
 *
 * Two objects carry the state:
 *
 *   precis_ctx  long-lived: language, stemmer, stopwords, abbreviations.
 *               Not thread-safe: use one context per thread.
 *   precis_doc  one article: its text, sentences, terms, scores and
 *               summary. Everything a document hands out stays valid until
 *               precis_doc_free.
 *
 * The library never prints and never exits. Functions that can fail return
 * a precis_status (0 for success, negative for an error);
 * precis_strerror names the error and precis_ctx_errmsg gives the detail.
 * Allocation failure aborts the process with "precis: out of memory".
 *
 * A minimal program:
 *
 *     precis_status err;
 *     precis_ctx *ctx = precis_ctx_new("english", NULL, &err);
 *     precis_options opt = precis_options_default();
 *     precis_sink out = precis_sink_file(stdout);
 *     if (precis_summarize_to(ctx, text, len, &opt, &out) != PRECIS_OK)
 *         fprintf(stderr, "%s\n", precis_ctx_errmsg(ctx));
 *     precis_ctx_free(ctx);
 */
#ifndef PRECIS_H
#define PRECIS_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ==== Version ==== */

#define PRECIS_VERSION_MAJOR 0
#define PRECIS_VERSION_MINOR 1
#define PRECIS_VERSION_PATCH 0
#define PRECIS_VERSION_STRING "0.1.0"

/** Returns the library's version, "MAJOR.MINOR.PATCH". Static storage:
 * never free it. */
const char *precis_version_string(void);

/* ==== Errors ==== */

typedef enum precis_status {
    PRECIS_OK = 0,
    PRECIS_EINVAL = -1,  /* an argument or option is out of range */
    PRECIS_EIO = -2,     /* a read or a write failed */
    PRECIS_EUTF8 = -3,   /* invalid UTF-8 with PRECIS_OPT_STRICT_UTF8 */
    PRECIS_ELANG = -4,   /* no stemmer or models for the language */
    PRECIS_EEMPTY = -5,  /* the input holds no text to summarise */
    PRECIS_EBINARY = -6, /* the input is binary data, not text */
    PRECIS_EMODEL = -7,  /* a models folder is missing or unreadable */
    PRECIS_ESTATE = -8   /* a call out of order (feed after finish) */
} precis_status;

/** Returns a short English description of status ("input is empty").
 * Static storage: never free it. Unknown values give "unknown error". */
const char *precis_strerror(precis_status status);

/* ==== Output sinks ====
 *
 * Renderers never open files: they write through a sink, a function and
 * its user data (the stb_image_write model). write returns 0 on success and
 * non-zero on failure, which the renderer reports as PRECIS_EIO. */

typedef int (*precis_write_fn)(void *ud, const void *data, size_t len);

typedef struct precis_sink {
    precis_write_fn write;
    void *ud;
} precis_sink;

/** A sink that fwrite()s to f. f stays owned by the caller and must
 * outlive the sink. */
precis_sink precis_sink_file(FILE *f);

/** Growable memory that a memory sink appends to. Start from
 * `precis_membuf m = {0};`. data is NUL-terminated once anything was
 * written; release it with precis_membuf_free. */
typedef struct precis_membuf {
    char *data;
    size_t len;
    size_t cap;
} precis_membuf;

/** A sink that appends to m (owned by the caller, must outlive the sink). */
precis_sink precis_sink_mem(precis_membuf *m);

/** Frees m's bytes and empties it. NULL is a no-op. */
void precis_membuf_free(precis_membuf *m);

/* ==== Options ==== */

/** Fail with PRECIS_EUTF8 on invalid UTF-8 instead of repairing it. */
#define PRECIS_OPT_STRICT_UTF8 (1u << 0)
/** Keep boilerplate (share prompts, appeals, bylines, captions) in the
 * body instead of removing it. Metadata is still read. */
#define PRECIS_OPT_KEEP_BOILERPLATE (1u << 1)

typedef struct precis_options {
    /* Budget. The first non-zero of words, ratio, sentences applies:
     * words  at most this many words (at least one sentence is chosen);
     * ratio  this fraction of the body's sentences, rounded up (0 < r <= 1);
     * sentences  this many sentences (default 3). */
    size_t sentences;
    size_t words;
    double ratio;
    /* PageRank: damping (default 0.85), stop when the L1 change of the
     * scores falls below tolerance (default 1e-6) or after max_iterations
     * (default 100). */
    double damping;
    double tolerance;
    unsigned max_iterations;
    unsigned flags; /* PRECIS_OPT_* */
} precis_options;

/** Returns the defaults described above. */
precis_options precis_options_default(void);

/** Checks every field's range. Returns PRECIS_OK or PRECIS_EINVAL. */
precis_status precis_options_check(const precis_options *opt);

/* ==== Languages ==== */

/** Resolves a language name: a Snowball stemmer name ("english",
 * "german") or an ISO 639-1 code ("en", "de"), in any case. Returns the
 * Snowball name in static storage, or NULL when libstemmer has no such
 * stemmer. */
const char *precis_language_resolve(const char *name);

/** Returns the NULL-terminated list of Snowball names libstemmer offers.
 * Static storage: never free it. */
const char *const *precis_language_list(void);

/** Returns the ISO 639-1 code for a Snowball name ("english" -> "en"),
 * or "" when the language has none (Snowball's "porter"). */
const char *precis_language_code(const char *snowball_name);

/* ==== Context ==== */

typedef struct precis_ctx precis_ctx;

/** Creates a context for language (see precis_language_resolve; NULL
 * means "english"; "auto" detects each document's language from its
 * script and stopwords, among the languages that have stopword lists,
 * falling back to English). models_dir NULL uses the models compiled into the
 * library; otherwise stopwords and abbreviations are read from
 * models_dir/LANGUAGE/NAME.txt (a missing file means an empty list).
 * Returns NULL and sets *err (when err is not NULL) to PRECIS_ELANG for an
 * unknown language or PRECIS_EMODEL for an unreadable models folder.
 * Free the result with precis_ctx_free. */
precis_ctx *precis_ctx_new(const char *language, const char *models_dir,
                           precis_status *err);

/** Frees ctx. Every document made from it must be freed first. NULL is a
 * no-op. */
void precis_ctx_free(precis_ctx *ctx);

/** The Snowball name of ctx's language, or "auto". Static storage. */
const char *precis_ctx_language(const precis_ctx *ctx);

/** The message of the last error on ctx or any of its documents ("" when
 * none), with detail such as the offending byte offset. Valid until the
 * next call that fails on ctx. */
const char *precis_ctx_errmsg(const precis_ctx *ctx);

/* ==== Documents ====
 *
 * Life of a document: new, feed (any number of times), finish, summarize,
 * read or render, free. */

typedef struct precis_doc precis_doc;

/** Creates an empty document that uses ctx (which must outlive it). Free
 * it with precis_doc_free. Never NULL. */
precis_doc *precis_doc_new(precis_ctx *ctx);

/** Appends len bytes of input (copied). Returns PRECIS_ESTATE after
 * precis_doc_finish, otherwise PRECIS_OK. */
precis_status precis_doc_feed(precis_doc *doc, const void *data, size_t len);

/** Cleans the input, finds the title, splits sentences and analyses their
 * words. Returns PRECIS_OK, PRECIS_EBINARY (the bytes are not text),
 * PRECIS_EUTF8 (strict mode), PRECIS_EEMPTY (no sentence of body text), or
 * PRECIS_ESTATE when called twice. opt may be NULL for the defaults. */
precis_status precis_doc_finish(precis_doc *doc, const precis_options *opt);

/** Ranks the sentences and chooses the summary within opt's budget
 * (NULL: defaults). May be called again with other options. Returns
 * PRECIS_OK, PRECIS_EINVAL for bad options, or PRECIS_ESTATE before a
 * successful precis_doc_finish. */
precis_status precis_doc_summarize(precis_doc *doc, const precis_options *opt);

/** Frees doc and everything it handed out. NULL is a no-op. */
void precis_doc_free(precis_doc *doc);

/** The cleaned text: valid NFC UTF-8, LF line ends, one paragraph per
 * line, title first when there is one. *len (if not NULL) receives its
 * length. NUL-terminated; "" before finish. Valid until precis_doc_free. */
const char *precis_doc_text(const precis_doc *doc, size_t *len);

/** The title line, or NULL when the article has none. Not NUL-terminated:
 * *len receives its length. Valid until precis_doc_free. */
const char *precis_doc_title(const precis_doc *doc, size_t *len);

/** One body sentence. text points into precis_doc_text (not
 * NUL-terminated) and holds no newline. */
typedef struct precis_sentence {
    const char *text;
    size_t len;
    size_t offset;    /* byte offset of text in precis_doc_text */
    size_t paragraph; /* 0-based paragraph of the body */
    size_t words;     /* number of words */
    double score;     /* rank score after summarize, else 0 */
} precis_sentence;

/** Number of body sentences (the title is not one). */
size_t precis_doc_sentence_count(const precis_doc *doc);

/** Fills *out with sentence i. Returns PRECIS_EINVAL when i is out of
 * range. */
precis_status precis_doc_sentence(const precis_doc *doc, size_t i,
                                  precis_sentence *out);

/** Number of sentences in the summary (0 before summarize). */
size_t precis_doc_summary_count(const precis_doc *doc);

/** The sentence index of the k-th summary sentence, in document order,
 * or (size_t)-1 when k is out of range. */
size_t precis_doc_summary_index(const precis_doc *doc, size_t k);

/** The document's date, "YYYY-MM-DD", when ingest found one (a "date
 * YYYY-MM-DD" prefix or a dated line), else NULL. NUL-terminated. Valid
 * until precis_doc_free. */
const char *precis_doc_date(const precis_doc *doc);

/** The Snowball name of the language the document was analysed in (the
 * detected one under "auto"); NULL before precis_doc_finish. Static
 * storage. */
const char *precis_doc_language(const precis_doc *doc);

/** A timestamped headline from a news sidebar ("12:20  Morocco
 * strengthens ..."), taken out of the body by ingest. Both strings point
 * into the document (not NUL-terminated) and are valid until
 * precis_doc_free. */
typedef struct precis_headline {
    const char *time; /* "HH:MM" */
    size_t time_len;
    const char *text;
    size_t len;
} precis_headline;

/** Number of headline items ingest found. */
size_t precis_doc_headline_count(const precis_doc *doc);

/** Fills *out with headline i, in input order. Returns PRECIS_EINVAL when
 * i is out of range. */
precis_status precis_doc_headline(const precis_doc *doc, size_t i,
                                  precis_headline *out);

/** Number of keywords (key phrases) known after summarize: 0 before. */
size_t precis_doc_keyword_count(const precis_doc *doc);

/** Keyword i (best first) as people read it ("North Korea"), not
 * NUL-terminated; *len receives its length. NULL when i is out of range.
 * Valid until precis_doc_free or the next summarize. */
const char *precis_doc_keyword(const precis_doc *doc, size_t i, size_t *len);

/* ==== Rendering ==== */

/** Writes the summary as plain text, one sentence per line, to sink.
 * Returns PRECIS_OK, PRECIS_EIO when the sink fails, or PRECIS_ESTATE
 * before summarize. */
precis_status precis_render_text(const precis_doc *doc, precis_sink *sink);

/* ==== Markdown and JSON rendering ====
 *
 * Both renderers read the same document as precis_render_text and, like
 * it, return PRECIS_ESTATE before precis_doc_summarize and PRECIS_EIO when
 * the sink refuses a write (what was written before stays written). They
 * keep no state: render a document as often and in as many formats as
 * wanted.
 *
 * Metadata that the document does not have (no title, no date, no
 * keywords, no headline items) is left out of Markdown altogether, and
 * appears in JSON as null (title, date, language) or as an empty array
 * (keywords, headlines), so that every key is always present. */

/** How the Markdown summary is laid out. */
typedef enum precis_md_style {
    PRECIS_MD_PARAGRAPH = 0, /* one paragraph, sentences joined by a space */
    PRECIS_MD_BULLETS = 1    /* one "- " list item per sentence */
} precis_md_style;

typedef struct precis_md_options {
    precis_md_style style; /* default PRECIS_MD_PARAGRAPH */
} precis_md_options;

/** Returns the Markdown defaults described above. */
precis_md_options precis_md_options_default(void);

/** Parses a style name as the command line spells it, "paragraph" or
 * "bullets" (exact, lower case), into *out. Returns PRECIS_OK, or
 * PRECIS_EINVAL (leaving *out alone) for any other name or NULL. */
precis_status precis_md_style_parse(const char *name, precis_md_style *out);

/** Writes the summary as CommonMark to sink, each block separated by an
 * empty line, in this order:
 *
 *     # Title                        when the document has one
 *     *2025-11-04*                   the date, when known
 *     Sentence one. Sentence two.    the summary (or "- " bullets)
 *     **Keywords:** a, b, c          when known
 *     **Headlines:**                 then one item per headline:
 *     - **12:20** Headline text      (no bold part when the time is empty)
 *
 * Every piece of text taken from the input is escaped, so no input can
 * open or close a CommonMark construct: \ ` * _ [ ] < > # | ~ are always
 * backslash-escaped, & when an entity could follow, and - + = or the "."
 * / ")" of "1." at the start of a block. Control characters (newlines
 * among them) become spaces, and white space at either end of a piece is
 * dropped, so each piece stays on its own line and in its own block. A
 * piece left empty is skipped. GFM's bare-URL autolinks are the one
 * extension this cannot stop. opt (caller-owned, may be NULL for the
 * defaults) is only read during the call. Returns PRECIS_OK, PRECIS_EINVAL
 * for an unknown style, PRECIS_ESTATE before summarize, or PRECIS_EIO. */
precis_status precis_render_md(const precis_doc *doc,
                               const precis_md_options *opt,
                               precis_sink *sink);

/** The "version" that precis_render_json writes. It changes only when a
 * key is removed or changes meaning; new keys may appear without it. */
#define PRECIS_JSON_VERSION 1

/** precis_render_json flag: indent with two spaces instead of writing
 * one line. */
#define PRECIS_JSON_PRETTY (1u << 0)

/** Writes the document and its summary as one JSON object (UTF-8, not
 * \u-escaped) followed by a newline: by default the object is on one
 * line, so that consecutive calls produce JSON Lines. The keys, always in
 * this order and always present:
 *
 *     version    PRECIS_JSON_VERSION
 *     source     source as given, or null when source is NULL
 *     title      string, or null
 *     date       "YYYY-MM-DD", or null
 *     language   the Snowball name analysed in, or null
 *     sentences  the summary in document order: objects with
 *                text (string), index (sentence number in the document,
 *                from 0), score (rank score rounded to 4 decimals, null
 *                if not finite), offset and length (bytes, in
 *                precis_doc_text)
 *     keywords   array of strings, best first ([] when none)
 *     headlines  array of {time, text} objects, in input order ([] when
 *                none)
 *
 * source (caller-owned, typically the input's file name, "-" for stdin)
 * may be any bytes: invalid UTF-8 in it is written as U+FFFD. flags is 0
 * or PRECIS_JSON_PRETTY. The JSON is built with jansson and freed before
 * returning. Returns PRECIS_OK, PRECIS_EINVAL for unknown flags,
 * PRECIS_ESTATE before summarize, or PRECIS_EIO. */
precis_status precis_render_json(const precis_doc *doc, const char *source,
                                 unsigned flags, precis_sink *sink);

/* ==== Image rendering: PNG, PPM, APNG ==== */

/* ==== Convenience ==== */

/** Summarises text[0..len) with opt (NULL: defaults) and renders it as
 * plain text to sink, in one call: new, feed, finish, summarize, render,
 * free. Returns the first failure's status (detail in
 * precis_ctx_errmsg). */
precis_status precis_summarize_to(precis_ctx *ctx, const void *text,
                                  size_t len, const precis_options *opt,
                                  precis_sink *sink);

#ifdef __cplusplus
}
#endif

#endif
