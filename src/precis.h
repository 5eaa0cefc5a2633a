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
 * The library never prints and never exits. Errors, one convention for
 * every call:
 *
 *   - a call that can fail returns a precis_status (0 for success,
 *     negative for an error); precis_strerror names the status and
 *     precis_ctx_errmsg(ctx) gives the detail of the last failure on that
 *     context or anything made from it (documents, renderers, briefings).
 *     Only precis_ctx_new, which has no context yet, reports through its
 *     err out-parameter alone;
 *   - a read by index (a sentence, a summary sentence, a headline, a
 *     keyword, a story) past its count returns PRECIS_EINVAL and leaves
 *     its outputs alone; counts are 0 until the stage that makes the items
 *     has run;
 *   - allocation failure aborts the process with "precis: out of memory".
 *
 * Lifetimes: everything a document hands out (text, title, sentences,
 * headlines, keywords, date, time) stays where it is until precis_doc_free,
 * whatever is called in between; summarising again changes which
 * sentences are in the summary, not the memory they live in.
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

/* Marks the functions the library exports. libprecis is built with hidden
 * visibility, so that only these leave the shared library. */
#if defined(PRECIS_BUILDING) && (defined(__GNUC__) || defined(__clang__))
#define PRECIS_API __attribute__((visibility("default")))
#else
#define PRECIS_API
#endif

/* ==== Version ==== */

#define PRECIS_VERSION_MAJOR 0
#define PRECIS_VERSION_MINOR 1
#define PRECIS_VERSION_PATCH 0
#define PRECIS_VERSION_STRING "0.1.0"

/** Returns the library's version, "MAJOR.MINOR.PATCH". Static storage:
 * never free it. */
PRECIS_API const char *precis_version_string(void);

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
    PRECIS_ESTATE = -8,  /* a call out of order (feed after finish) */
    PRECIS_EIMAGE = -9,  /* an image too large, or libpng failed */
    PRECIS_ETOOBIG = -10, /* the input is larger than max_input */
    PRECIS_EFEED = -11    /* not a well-formed RSS or Atom feed */
} precis_status;

/** Returns a short English description of status ("input is empty").
 * Static storage: never free it. Unknown values give "unknown error". */
PRECIS_API const char *precis_strerror(precis_status status);

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
PRECIS_API precis_sink precis_sink_file(FILE *f);

/** Growable memory that a memory sink appends to. Start from
 * `precis_membuf m = {0};`. data is NUL-terminated once anything was
 * written; release it with precis_membuf_free. */
typedef struct precis_membuf {
    char *data;
    size_t len;
    size_t cap;
} precis_membuf;

/** A sink that appends to m (owned by the caller, must outlive the sink). */
PRECIS_API precis_sink precis_sink_mem(precis_membuf *m);

/** Frees m's bytes and empties it. NULL is a no-op. */
PRECIS_API void precis_membuf_free(precis_membuf *m);

/* ==== Options ==== */

/** Fail with PRECIS_EUTF8 on invalid UTF-8 instead of repairing it. */
#define PRECIS_OPT_STRICT_UTF8 (1u << 0)
/** Keep boilerplate (share prompts, appeals, bylines, captions) in the
 * body instead of removing it. Metadata is still read. */
#define PRECIS_OPT_KEEP_BOILERPLATE (1u << 1)

/** How sentences are scored. */
typedef enum precis_algorithm {
    /* News-aware (default): a lead prior, centrality over tf-idf cosine
     * personalised towards the lead, closeness to the centroid and the
     * title, and MMR against repeats. */
    PRECIS_ALGO_PRECIS = 0,
    /* Mihalcea & Tarau 2004, as published: word overlap, PageRank. */
    PRECIS_ALGO_TEXTRANK = 1,
    /* Erkan & Radev 2004: tf-idf cosine from 0.1, weighted PageRank. */
    PRECIS_ALGO_LEXRANK = 2
} precis_algorithm;

/** What the input bytes are. */
typedef enum precis_input {
    /* Decide by content: a page that opens with a doctype or an <html>,
     * <head>, <body> or <meta> tag is HTML, anything else text. */
    PRECIS_INPUT_AUTO = 0,
    PRECIS_INPUT_TEXT = 1, /* plain text, as scraped or written */
    /* An HTML page: parsed with libxml2 (recovering from broken markup,
     * no network access), decoded from the charset its BOM or meta tag
     * names, reduced to its article; title, date, site name, canonical
     * URL, author and language come from its metadata. */
    PRECIS_INPUT_HTML = 2
} precis_input;

typedef struct precis_options {
    /* Budget. The first non-zero of words, ratio, sentences applies:
     * words  at most this many words (at least one sentence is chosen);
     * ratio  this fraction of the body's sentences, rounded up (0 < r <= 1);
     * sentences  this many sentences (default 3). */
    size_t sentences;
    size_t words;
    double ratio;
    /* PageRank: stop when the L1 change of the scores falls below
     * tolerance (default 1e-6) or after max_iterations (default 100), for
     * every algorithm. damping (default 0.85) applies to
     * PRECIS_ALGO_TEXTRANK and PRECIS_ALGO_LEXRANK only: the default
     * algorithm takes its damping from the language's tuned weights
     * (models/LANG/weights.txt), like its other weights. */
    double damping;
    double tolerance;
    unsigned max_iterations;
    unsigned flags; /* PRECIS_OPT_* */
    /* How many key phrases precis_doc_keyword_count offers after this
     * summarize (default 10; 0: none; at most 1000). The phrases are found
     * the first time they are asked for, not at summarize. */
    size_t keywords;
    precis_algorithm algorithm; /* default PRECIS_ALGO_PRECIS */
    /* The input's character encoding, an iconv name ("windows-1252",
     * "latin1", "utf-16", "koi8-r"); NULL (default), "" or "auto" to
     * detect it: a byte-order mark, UTF-16, or a legacy 8-bit code page
     * (Windows-1252/Latin-1, Windows-1251, KOI8-R); anything else is read
     * as UTF-8. Borrowed: it must stay valid until precis_doc_finish
     * returns. An encoding iconv does not know makes precis_doc_finish
     * fail with PRECIS_EINVAL. */
    const char *encoding;
    precis_input input; /* default PRECIS_INPUT_AUTO */
} precis_options;

/** The input limit of a new document (precis_doc_set_max_input): 64 MiB,
 * far above any article. */
#define PRECIS_DEFAULT_MAX_INPUT ((size_t)64 << 20)

/** Returns the defaults described above. */
PRECIS_API precis_options precis_options_default(void);

/** Checks every field's range. Returns PRECIS_OK or PRECIS_EINVAL. */
PRECIS_API precis_status precis_options_check(const precis_options *opt);

/* ==== Languages ==== */

/** Resolves a language name: a Snowball stemmer name ("english",
 * "german") or an ISO 639-1 code ("en", "de"), in any case. Returns the
 * Snowball name in static storage, or NULL when libstemmer has no such
 * stemmer. */
PRECIS_API const char *precis_language_resolve(const char *name);

/** Returns the NULL-terminated list of Snowball names libstemmer offers.
 * Static storage: never free it. */
PRECIS_API const char *const *precis_language_list(void);

/** Returns the ISO 639-1 code for a Snowball name ("english" -> "en"),
 * or "" when the language has none (Snowball's "porter"). */
PRECIS_API const char *precis_language_code(const char *snowball_name);

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
PRECIS_API precis_ctx *precis_ctx_new(const char *language, const char *models_dir,
                           precis_status *err);

/** Frees ctx. Every document made from it must be freed first. NULL is a
 * no-op. */
PRECIS_API void precis_ctx_free(precis_ctx *ctx);

/** The Snowball name of ctx's language, or "auto". Static storage. */
PRECIS_API const char *precis_ctx_language(const precis_ctx *ctx);

/** The message of the last error on ctx or any of its documents ("" when
 * none), with detail such as the offending byte offset. Valid until the
 * next call that fails on ctx. */
PRECIS_API const char *precis_ctx_errmsg(const precis_ctx *ctx);

/* ==== Documents ====
 *
 * Life of a document: new, feed (any number of times), finish, summarize,
 * read or render, free. */

typedef struct precis_doc precis_doc;

/** Creates an empty document that uses ctx (which must outlive it). Free
 * it with precis_doc_free. Never NULL. */
PRECIS_API precis_doc *precis_doc_new(precis_ctx *ctx);

/** Appends len bytes of input (copied; data may be NULL when len is 0).
 * Returns PRECIS_OK; PRECIS_ETOOBIG when the input would exceed the
 * document's limit (precis_doc_set_max_input): nothing of this call is
 * kept, what was fed before is freed and the document has failed (every
 * later call but the accessors and precis_doc_free returns PRECIS_ESTATE);
 * PRECIS_EINVAL for NULL data with a length; PRECIS_ESTATE after
 * precis_doc_finish or a failure. */
PRECIS_API precis_status precis_doc_feed(precis_doc *doc, const void *data,
                                         size_t len);

/** Sets the most bytes precis_doc_feed accepts in all (default
 * PRECIS_DEFAULT_MAX_INPUT; 0: no limit). Checked as bytes are fed, so a
 * stream larger than the limit never costs more memory than the limit.
 * Before finish. Returns PRECIS_OK, PRECIS_EINVAL when more than bytes was
 * fed already, or PRECIS_ESTATE. */
PRECIS_API precis_status precis_doc_set_max_input(precis_doc *doc,
                                                  size_t bytes);

/** Sets the title instead of taking it from the first line (a JSON
 * Lines record's "title"). title (len bytes, copied; invalid UTF-8 is
 * repaired and white space collapsed) must be set before finish. Returns
 * PRECIS_OK or PRECIS_ESTATE. */
PRECIS_API precis_status precis_doc_set_title(precis_doc *doc, const char *title,
                                   size_t len);

/** Sets the document's date ("YYYY-MM-DD", or any form precis reads, such
 * as "4 November 2025"), and its time when one follows ("2025-11-04T12:20",
 * "2025-11-04 12:20:05"). Before finish. Returns PRECIS_OK, PRECIS_EINVAL
 * when date is not a date, or PRECIS_ESTATE. */
PRECIS_API precis_status precis_doc_set_date(precis_doc *doc, const char *date);

/** Sets the document's URL, where it was published (a feed item's link,
 * a JSON Lines record's "url"), instead of the page's canonical URL;
 * precis_doc_url returns it. url (NUL-terminated, copied) loses white
 * space at either end; "" clears it. Before finish. Returns PRECIS_OK,
 * PRECIS_EINVAL for NULL or white space or a control character inside,
 * or PRECIS_ESTATE. */
PRECIS_API precis_status precis_doc_set_url(precis_doc *doc, const char *url);

/** Sets the name of the site or outlet that published the document (a
 * feed's title, a JSON Lines record's "site"), instead of the page's
 * og:site_name; precis_doc_site returns it and a briefing lists the
 * source by it. site (NUL-terminated, copied) loses white space at either
 * end; "" clears it. Before finish. Returns PRECIS_OK, PRECIS_EINVAL for
 * NULL, a control character inside or invalid UTF-8, or PRECIS_ESTATE. */
PRECIS_API precis_status precis_doc_set_site(precis_doc *doc, const char *site);

/** Analyses this document in language (a Snowball name or ISO code)
 * whatever the context's language. Before finish. Returns PRECIS_OK,
 * PRECIS_ELANG, PRECIS_EMODEL or PRECIS_ESTATE. */
PRECIS_API precis_status precis_doc_set_language(precis_doc *doc, const char *language);

/** Cleans the input, finds the title, splits sentences and analyses their
 * words. Returns PRECIS_OK, PRECIS_EBINARY (the bytes are not text),
 * PRECIS_EUTF8 (strict mode), PRECIS_EEMPTY (no sentence of body text), or
 * PRECIS_ESTATE when called twice. opt may be NULL for the defaults. */
PRECIS_API precis_status precis_doc_finish(precis_doc *doc, const precis_options *opt);

/** Ranks the sentences and chooses the summary within opt's budget
 * (NULL: defaults). May be called again with other options: the new
 * summary replaces the old, and the document's memory does not grow.
 * Returns PRECIS_OK, PRECIS_EINVAL for bad options, or PRECIS_ESTATE
 * before a successful precis_doc_finish. */
PRECIS_API precis_status precis_doc_summarize(precis_doc *doc, const precis_options *opt);

/** Frees doc and everything it handed out. NULL is a no-op. */
PRECIS_API void precis_doc_free(precis_doc *doc);

/** The cleaned text: valid NFC UTF-8, LF line ends, one paragraph per
 * line, title first when there is one. *len (if not NULL) receives its
 * length. NUL-terminated; "" before finish. Valid until precis_doc_free. */
PRECIS_API const char *precis_doc_text(const precis_doc *doc, size_t *len);

/** The title line, or NULL when the article has none. Not NUL-terminated:
 * *len receives its length. Valid until precis_doc_free. */
PRECIS_API const char *precis_doc_title(const precis_doc *doc, size_t *len);

/** One body sentence. text points into precis_doc_text (not
 * NUL-terminated) and holds no newline. */
typedef struct precis_sentence {
    size_t index; /* its number among the body sentences, from 0 */
    const char *text;
    size_t len;
    size_t offset;    /* byte offset of text in precis_doc_text */
    size_t paragraph; /* 0-based paragraph of the body */
    size_t words;     /* number of words */
    double score;     /* rank score after summarize, else 0 */
} precis_sentence;

/** Number of body sentences (the title is not one). */
PRECIS_API size_t precis_doc_sentence_count(const precis_doc *doc);

/** Fills *out with sentence i. Returns PRECIS_OK, or PRECIS_EINVAL when i
 * is out of range. */
PRECIS_API precis_status precis_doc_sentence(const precis_doc *doc, size_t i,
                                  precis_sentence *out);

/** Number of sentences in the summary (0 before summarize). */
PRECIS_API size_t precis_doc_summary_count(const precis_doc *doc);

/** Fills *out with the k-th summary sentence, in document order (its
 * index says which body sentence it is), without the wire dateline it may
 * open with ("MADRID (AP) — "; text, len and offset start after it). Returns PRECIS_OK, or
 * PRECIS_EINVAL when k is out of range. */
PRECIS_API precis_status precis_doc_summary_sentence(const precis_doc *doc,
                                                     size_t k,
                                                     precis_sentence *out);

/** The document's date, "YYYY-MM-DD", when ingest found one (a "date
 * YYYY-MM-DD" prefix or a dated line), else NULL. NUL-terminated. Valid
 * until precis_doc_free. */
PRECIS_API const char *precis_doc_date(const precis_doc *doc);

/** The document's time of day, "HH:MM", when known (from a dateline such
 * as "Updated 4 November 2025 12:20 GMT" or precis_doc_set_date), else
 * NULL. NUL-terminated, valid until precis_doc_free. */
PRECIS_API const char *precis_doc_time(const precis_doc *doc);

/** The Snowball name of the language the document was analysed in (the
 * detected one under "auto"); NULL before a successful precis_doc_finish.
 * Static storage. */
PRECIS_API const char *precis_doc_language(const precis_doc *doc);

/** Page metadata read from an HTML input (PRECIS_INPUT_HTML, or AUTO on
 * a page): the site's name (og:site_name), the canonical URL, the author,
 * and the language the page declares (<html lang>, as written, such as
 * "en-GB"); the URL is the caller's when precis_doc_set_url gave one, the
 * site's name when precis_doc_set_site did.
 * Each returns a NUL-terminated string valid until
 * precis_doc_free, or NULL when the page gave none (always NULL for text
 * input, but for a URL or site name set by the caller). */
PRECIS_API const char *precis_doc_site(const precis_doc *doc);
PRECIS_API const char *precis_doc_url(const precis_doc *doc);
PRECIS_API const char *precis_doc_author(const precis_doc *doc);
PRECIS_API const char *precis_doc_page_language(const precis_doc *doc);

/** How much of the input was kept as the article after finish: *visible
 * receives the bytes of readable text in the input (for HTML, the text of
 * the page without markup), *kept the bytes of the cleaned text. Either
 * pointer may be NULL. Both are 0 before a successful finish. */
PRECIS_API void precis_doc_extracted(const precis_doc *doc, size_t *visible,
                          size_t *kept);

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
PRECIS_API size_t precis_doc_headline_count(const precis_doc *doc);

/** Fills *out with headline i, in input order. Returns PRECIS_OK, or
 * PRECIS_EINVAL when i is out of range. */
PRECIS_API precis_status precis_doc_headline(const precis_doc *doc, size_t i,
                                  precis_headline *out);

/** Number of keywords (key phrases) after summarize: at most the options'
 * keywords; 0 before summarize. The first call after a summarize finds
 * them (TextRank over words), so a caller who never asks never pays. */
PRECIS_API size_t precis_doc_keyword_count(const precis_doc *doc);

/** Sets *text to keyword i (best first) as people read it ("North
 * Korea"), a span of precis_doc_text, not NUL-terminated; *len (if not
 * NULL) receives its length. Valid until precis_doc_free. Returns
 * PRECIS_OK, or PRECIS_EINVAL when i is out of range. */
PRECIS_API precis_status precis_doc_keyword(const precis_doc *doc, size_t i,
                                            const char **text, size_t *len);

/* ==== Rendering ==== */

/** Writes the summary as plain text, one sentence per line, to sink.
 * Returns PRECIS_OK, PRECIS_EIO when the sink fails, or PRECIS_ESTATE
 * before summarize. */
PRECIS_API precis_status precis_render_text(const precis_doc *doc, precis_sink *sink);

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
PRECIS_API precis_md_options precis_md_options_default(void);

/** Parses a style name as the command line spells it, "paragraph" or
 * "bullets" (exact, lower case), into *out. Returns PRECIS_OK, or
 * PRECIS_EINVAL (leaving *out alone) for any other name or NULL. */
PRECIS_API precis_status precis_md_style_parse(const char *name, precis_md_style *out);

/** Writes the summary as CommonMark to sink, each block separated by an
 * empty line, in this order:
 *
 *     # Title                        when the document has one
 *     *2025-11-04*                   the date, when known
 *     *Site, by Author* <URL>        from an HTML page's metadata, when
 *                                    it gave them
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
PRECIS_API precis_status precis_render_md(const precis_doc *doc,
                               const precis_md_options *opt, precis_sink *sink);

/** The "version" that precis_render_json writes. It changes only when a
 * key is removed or changes meaning; new keys may appear without it. */
#define PRECIS_JSON_VERSION 1

/** precis_render_json flag: indent with two spaces instead of writing
 * one line. */
#define PRECIS_JSON_PRETTY (1u << 0)

/** precis_render_json flag: also write the source as "id" (right after
 * "version"), as summarize --jsonl does for each record's id. */
#define PRECIS_JSON_ID (1u << 1)

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
 * or PRECIS_JSON_PRETTY and PRECIS_JSON_ID. The JSON is built with jansson and
 * freed before returning. Returns PRECIS_OK, PRECIS_EINVAL for unknown flags,
 * PRECIS_ESTATE before summarize, or PRECIS_EIO. */
PRECIS_API precis_status precis_render_json(const precis_doc *doc, const char *source,
                                 unsigned flags, precis_sink *sink);

/** Writes the document and its summary as one self-contained HTML5 page
 * (UTF-8) to sink: the title in <title> and <h1> ("Summary" in <title>
 * when there is none), the date in <time>, one <p> per summary sentence,
 * then the keywords and the headline items when the document has them,
 * as precis_render_md lays them out. The page loads and runs nothing: the
 * CSS is inline, there is no script, no link and no image, and a
 * Content-Security-Policy meta element forbids them. Every piece of text
 * from the input is escaped (& < > " ' become entities, control
 * characters spaces), so no input can add markup. <html lang> is the
 * ISO 639-1 code of the analysed language when it has one (a briefing's
 * page: precis_brief_render with PRECIS_BRIEF_HTML). Returns PRECIS_OK, PRECIS_ESTATE before summarize, or
 * PRECIS_EIO when the sink refuses a write (what was written before stays
 * written). */
PRECIS_API precis_status precis_render_html(const precis_doc *doc, precis_sink *sink);

/* ==== Image rendering: PNG, PPM, APNG ====
 *
 * Headlines and summaries as pictures for displays: LED matrices (a strip
 * as tall as the panel, to scroll), e-ink dashboards and e-readers (a
 * page), and web pages. Text is drawn with bitmap fonts compiled into the
 * library (precis_image_fonts), so the output is pixel-exact and the same
 * input always gives the same pixels. No character is lost: a glyph the
 * font lacks comes from a fallback font, else from an ASCII substitute
 * (’ -> ', … -> ...), else a box showing its code point in hex.
 *
 * Three layouts:
 *   strip  one line, "12:20 Headline • 12:50 Headline": times in the time
 *          colour, text in fg, the separator in the accent colour;
 *   list   a column of times (or bullets), then each headline or sentence
 *          wrapped with a hanging indent; a title on top when given;
 *   panel  the title, then the text wrapped to the width.
 *
 * Sizes. A strip is height pixels high (0: the font's height plus the
 * margins), its line centred; it is as wide as its text, and at least
 * width, so it can scroll on a display of that width; with fit set it is
 * exactly width wide and the text is cut with an ellipsis. A list or panel
 * is width wide (0: 640); height 0 makes it as tall as its text, otherwise
 * the text is wrapped and, where it runs out of room, cut with an ellipsis
 * ("…"). Glyphs are never clipped. No side may exceed
 * PRECIS_IMAGE_MAX_SIDE and no image PRECIS_IMAGE_MAX_AREA pixels: such a
 * request fails with PRECIS_EIMAGE.
 *
 * Formats. PNG uses the smallest type that holds the pixels exactly:
 * 1, 2, 4 or 8-bit grey, a palette of 1 to 8 bits, or 8-bit RGB (pixels
 * can force one). PPM is binary P6, as rpi-rgb-led-matrix's demo and
 * led-image-viewer read it. APNG scrolls the strip through a window width
 * pixels wide, scroll_step pixels a frame, and loops seamlessly (the last
 * frame leads back into the first); Debian's libpng cannot write APNG, so
 * its acTL, fcTL and fdAT chunks are written by hand.
 *
 * Every renderer builds the whole image in memory and writes it to the
 * sink only when it is complete: when rendering fails nothing is written. */

/** Largest width or height of an image or animation frame, in pixels. */
#define PRECIS_IMAGE_MAX_SIDE 65535
/** Largest number of pixels in an image (for APNG: in the scrolled
 * strip). */
#define PRECIS_IMAGE_MAX_AREA 16777216L
/** Most frames in an APNG animation. */
#define PRECIS_IMAGE_MAX_FRAMES 20000

typedef enum precis_layout {
    PRECIS_LAYOUT_STRIP = 0,
    PRECIS_LAYOUT_LIST = 1,
    PRECIS_LAYOUT_PANEL = 2
} precis_layout;

typedef enum precis_image_format {
    PRECIS_IMG_PNG = 0,
    PRECIS_IMG_PPM = 1,
    PRECIS_IMG_APNG = 2,
    PRECIS_IMG_BMP = 3 /* uncompressed BMP: 1-bit for mono (TRMNL's
                          firmware), 8-bit grey, or 24-bit colour */
} precis_image_format;

/** The order of a list's or strip's items. */
typedef enum precis_sort {
    PRECIS_SORT_TIME = 0, /* newest first when every item has a time
                             ("HH:MM", optionally after "YYYY-MM-DD");
                             otherwise as given */
    PRECIS_SORT_INPUT = 1 /* as given */
} precis_sort;

/** What the pixels may be. */
typedef enum precis_pixels {
    PRECIS_PIXELS_AUTO = 0, /* colour; the smallest faithful PNG type */
    PRECIS_PIXELS_MONO = 1, /* black and white: colours become black or
                               white by luma, PNG 1-bit grey (TRMNL) */
    PRECIS_PIXELS_GREY = 2, /* colours become grey by luma, PNG always
                               8-bit grey (Kindle) */
    PRECIS_PIXELS_RGB = 3,  /* colour, PNG always 8-bit RGB */
    PRECIS_PIXELS_GREY2 = 4, /* 4 grey levels, PNG 2-bit grey (TRMNL) */
    PRECIS_PIXELS_GREY4 = 5  /* 16 grey levels, PNG 4-bit grey (TRMNL X) */
} precis_pixels;

/** precis_image_options.time: use the accent colour. */
#define PRECIS_COLOR_ACCENT 0xFFFFFFFFUL

typedef struct precis_image_options {
    precis_layout layout;       /* default PRECIS_LAYOUT_STRIP */
    precis_image_format format; /* default PRECIS_IMG_PNG */
    precis_pixels pixels;       /* default PRECIS_PIXELS_AUTO */
    unsigned width, height;     /* pixels; 0: automatic (see above) */
    /* An embedded font's name (precis_image_fonts), or NULL or "auto": the
     * largest that fits. For a strip, the largest whose line fits the
     * height (term16 when height is 0); for a list or panel of fixed
     * height, the largest that shows all the text, else the one that
     * shows most of it (never below 1/60 of the height); term16 when the
     * height is 0. The title uses the font's bold face when there is one.
     * The string is the caller's and is read only during the call. */
    const char *font;
    unsigned long fg;     /* text, 0xRRGGBB */
    unsigned long bg;     /* background */
    unsigned long accent; /* separators and bullets */
    unsigned long time;   /* times; PRECIS_COLOR_ACCENT: the accent colour */
    unsigned margin;      /* pixels on every side */
    unsigned line_gap;    /* extra pixels between wrapped lines */
    unsigned item_gap;    /* extra pixels between list items, paragraphs */
    /* The strip's separator, UTF-8 (caller's; NULL: " • "). */
    const char *separator;
    int fit;  /* strip: exactly width pixels, text cut with an ellipsis */
    int loop; /* strip: end with the separator, so its end leads into its
                 start when a display wraps it around (APNG always does) */
    unsigned scroll_step; /* APNG: pixels a frame (default 2) */
    unsigned frame_ms;    /* APNG: milliseconds a frame (default 40) */
    /* Outline fonts (DejaVu through FreeType; docs/FONTS.md), for font
     * NULL or "auto" on a list or panel: sans for lists, serif for a
     * panel's text, sans bold for titles; anti-aliased, or hinted 1-bit
     * when pixels is mono. Sizes are in points at dpi dots an inch,
     * between font_pt_min and font_pt_max (0: 8, and 22 for a list or 26
     * for a panel), the largest
     * that shows everything. Built without FreeType, or outline 0: the
     * bitmap fonts. font may also name "sans" or "serif" directly. */
    int outline;
    unsigned dpi;          /* the display's dots an inch (0: 96) */
    unsigned font_pt_min;  /* smallest body size in points */
    unsigned font_pt_max;  /* largest body size in points */
    precis_sort sort;      /* default PRECIS_SORT_TIME */
    /* The dashboard, for lists and panels: heading is the title when the
     * caller gives none (a headline list); date and updated go at the
     * header's right ("Thu 3 Dec · updated 14:34"); footer at the bottom
     * when a fixed-height page has room. UTF-8, NUL-terminated, the
     * caller's, read only during the call; NULL or "" for none. */
    const char *heading;
    const char *date;
    const char *updated;
    const char *footer;
    /* The device's file limit in bytes (0: none): a larger PNG or BMP
     * fails with PRECIS_EIMAGE rather than be rejected by the device. */
    unsigned long max_bytes;
} precis_image_options;

/** Returns the defaults: the "web" profile (precis_image_profile) with
 * the strip layout, PNG, and the APNG defaults above. */
PRECIS_API precis_image_options precis_image_options_default(void);

/** Applies the preset for a display to *o: layout, pixels, width,
 * height, font (NULL: chosen to fit), outline, dpi, colours, margins,
 * fit and max_bytes. Format, separator, loop, sort, the dashboard's texts
 * and the APNG fields are left alone. Presets (precis_image_profile_info
 * describes each):
 *
 *   led-32x8      32x8 RGB LED matrix (AWTRIX, WLED): 5x7 font, strip
 *   led-64x32     64x32 HUB75 panel: term32b, strip
 *   led-128x32    two chained 64x32 panels: term32b, strip
 *   led-192x16    a single-colour P10 sign: term16b, black and white, strip
 *   trmnl         TRMNL: 800x480, 1-bit, list, PNG under 90,000 bytes
 *                 (-f bmp: the 48,062-byte 1-bit BMP its firmware takes)
 *   trmnl-2bit    TRMNL at 4 grey levels: 800x480, 2-bit grey
 *   trmnl-x       TRMNL X: 1872x1404, 4-bit grey, PNG under 750,000 bytes
 *   kindle-paperwhite  1236x1648 portrait, 8-bit grey (300 dpi)
 *   kindle-basic  1072x1448 portrait, 8-bit grey (300 dpi)
 *   epaper-7in5   a 7.5" e-paper panel: 800x480, 1-bit
 *   epaper-13in3  a 13.3" e-paper panel: 1600x1200, 4-bit grey
 *   eink-800x480  the earlier name of a 7.5" 1-bit panel (bitmap fonts)
 *   kindle        600x800 portrait, 8-bit grey (older Kindles)
 *   web           RGB, any width, dark text on white, strip
 *
 * Apply the preset first, then explicit settings (--width, --font, ...),
 * which override it. profile is the caller's. Returns PRECIS_OK, or
 * PRECIS_EINVAL (o unchanged) for an unknown name. */
PRECIS_API precis_status precis_image_profile(precis_image_options *o,
                                   const char *profile);

/** One line describing a preset for --list-profiles ("800x480, 1-bit,
 * list, outline fonts, PNG < 90000 bytes: TRMNL"), written into
 * out[0..size) (NUL-terminated, cut to fit). Returns out, or NULL for an
 * unknown name or a NULL or zero-size out. */
PRECIS_API const char *precis_image_profile_info(const char *profile, char *out,
                                      size_t size);

/** The layout o will get: a list or panel on a display too small for
 * three lines of the smallest font (a 32x8 LED matrix) becomes a strip,
 * which the renderers then draw; the caller may say so. */
PRECIS_API precis_layout precis_image_effective_layout(const precis_image_options *o);

/** The preset names, NULL-terminated. Static storage. */
PRECIS_API const char *const *precis_image_profiles(void);

/** The embedded fonts' names ("fixed5x7", "term16", ...), NULL-terminated,
 * smallest first, then the outline faces ("sans", "sans-bold", "serif")
 * when built with FreeType. Static storage. */
PRECIS_API const char *const *precis_image_fonts(void);

/** One line describing an embedded font for --list-fonts (bitmap: its
 * height and glyph count; outline: its file; then the scripts it covers,
 * "Latin Greek Cyrillic Hebrew Arabic"), written into out[0..size)
 * (NUL-terminated, cut to fit); returns out, or NULL for an unknown name
 * or a NULL or zero-size out. */
PRECIS_API const char *precis_image_font_describe(const char *name, char *out,
                                                  size_t size);

/** Parse the command line's spellings into *out: a layout ("strip",
 * "list", "panel"), a format ("png", "ppm", "apng", "bmp"), a pixel mode
 * ("auto", "mono", "grey" or "gray", "rgb", "grey2", "grey4"), a sort
 * ("time", "input"), or a colour ("#RRGGBB",
 * "RRGGBB", "0xRRGGBB", or one of black, white, red, green, blue, yellow,
 * cyan, magenta, amber, orange, grey/gray). Each returns PRECIS_OK, or
 * PRECIS_EINVAL (leaving *out alone) for anything else or NULL. */
PRECIS_API precis_status precis_layout_parse(const char *name, precis_layout *out);
PRECIS_API precis_status precis_image_format_parse(const char *name,
                                        precis_image_format *out);
PRECIS_API precis_status precis_pixels_parse(const char *name, precis_pixels *out);
PRECIS_API precis_status precis_color_parse(const char *name, unsigned long *out);
PRECIS_API precis_status precis_sort_parse(const char *name, precis_sort *out);

/** One line of a ticker: an optional time ("12:20") and its text, both
 * UTF-8 (invalid bytes are drawn as U+FFFD), not NUL-terminated, owned by
 * the caller. time may be NULL. */
typedef struct precis_item {
    const char *time;
    size_t time_len;
    const char *text;
    size_t len;
} precis_item;

/** Renders title (NULL or empty: none) and items[0..n) as an image with o
 * (NULL: precis_image_options_default()) to sink. This serves any list of
 * timed lines: a sidebar's headlines, a briefing's stories. Everything is
 * the caller's and is only read during the call. Returns PRECIS_OK;
 * PRECIS_EINVAL for bad options (an unknown font, a font taller than the
 * image, an APNG of a list), PRECIS_EIMAGE when the image would exceed
 * the limits or libpng fails, PRECIS_EIO when the sink fails. On failure
 * errbuf (may be NULL) receives a message of at most errsize - 1 bytes and
 * nothing was written to sink. */
PRECIS_API precis_status precis_render_image_items(const char *title, size_t title_len,
                                        const precis_item *items, size_t n,
                                        const precis_image_options *o,
                                        precis_sink *sink, char *errbuf,
                                        size_t errsize);

/** Renders a document: its headline items (precis_doc_headline) when the
 * layout is strip or list and it has any; otherwise its title and summary
 * sentences, which needs precis_doc_summarize first. Returns as
 * precis_render_image_items, or PRECIS_ESTATE for a summary before
 * summarize; the message goes to precis_ctx_errmsg. */
PRECIS_API precis_status precis_render_image(const precis_doc *doc,
                                  const precis_image_options *o,
                                  precis_sink *sink);

/* ==== Briefings ====
 *
 * A daily briefing from many articles: articles that report the same
 * event are grouped into a story (names and numbers weigh most, a story
 * grows only while its articles stay close to its centroid, dates more
 * than three days apart never join); each story gets a headline (its best
 * title, else one made from its lead, never longer than 120 bytes and
 * never the first summary sentence again), its sources, and one summary
 * drawn from all of its articles without repeats. Stories are ordered by
 * importance: how many articles report them, less half a point for each
 * day they are older than the newest; the first opt.top are kept and the
 * rest counted. The timed sidebar headlines of the inputs become an "also
 * in the news" list.
 *
 *     precis_brief *b = precis_brief_new(ctx, NULL);
 *     for each article, in a fixed order:
 *         ... precis_doc_finish, precis_doc_summarize ...
 *         precis_brief_add(b, precis_brief_item_new(doc, name));
 *         precis_doc_free(doc);
 *     precis_brief_finish(b);
 *     precis_brief_render(b, PRECIS_BRIEF_MD, 0, &sink);
 *     precis_brief_free(b);
 *
 * precis_brief_item_new reads only its document, so items can be made in
 * worker threads (one context each); add them in a fixed order and the
 * briefing is the same whatever the threads did. */

typedef struct precis_brief precis_brief;
typedef struct precis_brief_item precis_brief_item;

/** The stories a briefing shows by default. */
#define PRECIS_BRIEF_DEFAULT_TOP 20

typedef struct precis_brief_options {
    /* Each story's summary, as precis_options' budget: the first non-zero
     * of ratio (of the sentences its articles offer), sentences (default
     * 3), with words as a cap on top (0: none; the first sentence always
     * comes). */
    size_t sentences;
    size_t words;
    double ratio;
    /* Two articles are the same story when the cosine of their tf-idf
     * vectors over stems reaches this, and the mean cosine between the
     * articles of their two groups does too (default 0.3). */
    double threshold;
    size_t top;    /* at most this many stories (default
                    * PRECIS_BRIEF_DEFAULT_TOP; 0: all) */
    char date[11]; /* "YYYY-MM-DD": only that day's articles and undated
                    * ones; "" for all (default) */
} precis_brief_options;

/** The defaults described above. */
PRECIS_API precis_brief_options precis_brief_options_default(void);

/** Copies what a briefing needs of a summarised document (title, date,
 * time, URL, site name, a vector of its words, its best sentences); source
 * (copied: a file name, a record's id) identifies it. A reader sees it
 * named by its site (precis_doc_site), else its URL's host, else source's
 * file name. doc may be freed afterwards. Returns NULL (the
 * reason in doc's context) when doc was not summarised. Free with precis_brief_item_free unless it was
 * handed to precis_brief_add. */
PRECIS_API precis_brief_item *precis_brief_item_new(precis_doc *doc, const char *source);

/** NULL is a no-op. */
PRECIS_API void precis_brief_item_free(precis_brief_item *item);

/** A new, empty briefing (opt copied; NULL: defaults). Its failures are
 * reported to ctx (precis_ctx_errmsg), which must outlive it; of ctx it
 * otherwise uses only the language models (precis_brief_finish loads those
 * its headlines need), so worker threads may use other contexts for the
 * articles while ctx is not used elsewhere during finish. Returns NULL for a NULL ctx, or (the reason in ctx) a
 * threshold outside (0, 1] or a date that is not a real "YYYY-MM-DD". */
PRECIS_API precis_brief *precis_brief_new(precis_ctx *ctx,
                                          const precis_brief_options *opt);

/** Adds an article; the briefing takes ownership of item (also on
 * failure). Articles of another day than opt.date are dropped here.
 * Returns PRECIS_OK, PRECIS_EINVAL (item NULL) or PRECIS_ESTATE (after
 * finish). */
PRECIS_API precis_status precis_brief_add(precis_brief *b, precis_brief_item *item);

/** Groups the articles into stories and chooses each story's sentences.
 * Returns PRECIS_OK, or PRECIS_ESTATE when called twice. */
PRECIS_API precis_status precis_brief_finish(precis_brief *b);

/** Number of articles added (and kept by the date filter). */
PRECIS_API size_t precis_brief_article_count(const precis_brief *b);

/** Number of stories (0 before finish). */
PRECIS_API size_t precis_brief_story_count(const precis_brief *b);

/** The briefing's date: opt.date, or the most common article date; NULL
 * when no article has one. Valid until precis_brief_free. */
PRECIS_API const char *precis_brief_date(const precis_brief *b);

/** One story. Every pointer is valid until precis_brief_free; strings
 * with a length are not NUL-terminated, the others are. */
typedef struct precis_story {
    const char *headline; /* the best article title, else made from the
                           * lead; NUL-terminated too */
    size_t headline_len;
    const char *date; /* newest article date, or NULL */
    const char *time; /* newest "HH:MM", or NULL */
    size_t n_sources;
    const char *const *sources;      /* as given to precis_brief_item_new,
                                      * in input order */
    const char *const *source_names; /* as a reader knows them: the site
                                      * name, else the URL's host
                                      * ("example.com"), else the file name
                                      * without folder or extension */
    size_t n_sentences;
    const char *const *sentences;
    const size_t *sentence_lens;
    const char *const *source_urls; /* per source: where it was published
                                     * (precis_doc_url), only an absolute
                                     * http or https URL, else NULL */
} precis_story;

/** Fills *out with story i (0 = first in briefing order). Returns
 * PRECIS_OK, or PRECIS_EINVAL when i is out of range. */
PRECIS_API precis_status precis_brief_story(const precis_brief *b, size_t i,
                                 precis_story *out);

/** Number of stories found beyond opt.top (not shown). */
PRECIS_API size_t precis_brief_more_count(const precis_brief *b);

/** Number of "also in the news" headlines: the timed sidebar items of
 * the inputs, each text once, newest first. */
PRECIS_API size_t precis_brief_also_count(const precis_brief *b);

/** Fills *out with "also in the news" headline i (pointers valid until
 * precis_brief_free). Returns PRECIS_OK, or PRECIS_EINVAL when i is out
 * of range. */
PRECIS_API precis_status precis_brief_also(const precis_brief *b, size_t i,
                                           precis_headline *out);

typedef enum precis_brief_format {
    PRECIS_BRIEF_TEXT,
    PRECIS_BRIEF_MD,
    PRECIS_BRIEF_JSON,
    PRECIS_BRIEF_ATOM,
    PRECIS_BRIEF_HTML
} precis_brief_format;

/** Writes the briefing. Text: a heading line, then per story "HH:MM
 * headline", its sources by name (each name once, "(N)" after a name of
 * N articles) and its sentences, a line "N more
 * stories" when opt.top cut some, and the "also in the news" list.
 * Markdown: "# Briefing: DATE", a "## headline" section per story (input
 * text escaped as by precis_render_md, a source with a URL as a link),
 * the same closing parts. JSON:
 * {"version", "date", "stories": [{"headline", "date", "time",
 * "sources": [{"name", "file", "url"}], "sentences": [...]}], "more",
 * "also": [{"time", "text"}]} on one line (flags PRECIS_JSON_PRETTY
 * indents). Atom: an Atom 1.0 feed (written with libxml2), an entry per
 * story with a stable id (a hash of its headline and first source), its
 * date and time as updated, its first source's URL as its link (the
 * others' as related links), and its sentences and sources as summary
 * (as content when no source has a URL).
 * HTML: one self-contained page as precis_render_html writes (no script,
 * nothing fetched, everything escaped, light and dark, printable), a
 * section per story, sources with a URL as links. Returns PRECIS_OK, PRECIS_EIO,
 * PRECIS_EINVAL or PRECIS_ESTATE before finish. */
PRECIS_API precis_status precis_brief_render(const precis_brief *b,
                                  precis_brief_format format, unsigned flags,
                                  precis_sink *sink);

/** Draws the briefing's ticker: "Briefing DATE" over one item per story
 * (its time and headline, in briefing order) and then the "also in the
 * news" headlines, with o as precis_render_image_items (NULL: defaults).
 * When they do not all fit the image's limits (a side of 65,535 pixels,
 * the pixel count, an animation's frames, the profile's file size) it
 * draws the longest run of the first items that does, found by bisection
 * (O(log n) renders); a list of fixed height shows what fits of them and
 * "+N more" itself. *shown (may be NULL) receives how many items were
 * drawn. Returns PRECIS_OK, PRECIS_ESTATE before finish, PRECIS_EINVAL
 * for bad options, PRECIS_EIMAGE when not even the first item fits,
 * PRECIS_EIO when the sink refuses; the message goes to the context's
 * precis_ctx_errmsg and nothing is written on failure. */
PRECIS_API precis_status precis_brief_render_image(const precis_brief *b,
                                                   const precis_image_options *o,
                                                   precis_sink *sink,
                                                   size_t *shown);

/** NULL is a no-op. */
PRECIS_API void precis_brief_free(precis_brief *b);

/* ==== Feeds: RSS and Atom ====
 *
 * A feed is many articles: precis_feed_parse reads its items, and each
 * becomes a document of its own (its content fed, its title and date set,
 * its link and the feed's title as its source). RSS 2.0, 0.9x and 1.0
 * and Atom 1.0 are read with libxml2, never touching the network or the
 * file system on the feed's behalf: no external entity or DTD is loaded
 * and no entity is expanded, so an item whose text is an entity naming a
 * local file comes without it. */

typedef struct precis_feed precis_feed;

/** One item. Strings are NUL-terminated and valid until precis_feed_free;
 * title, link, date and time are NULL when the item has none. */
typedef struct precis_feed_entry {
    const char *title;
    const char *link;
    const char *date; /* "YYYY-MM-DD", from pubDate, dc:date, published */
    const char *time; /* "HH:MM" */
    const char *content; /* the fullest body (content:encoded, content,
                          * description, summary); "" when none */
    size_t content_len;
    int content_is_html; /* content is HTML markup (RSS, Atom type="html") */
} precis_feed_entry;

/** Parses len bytes of a feed (not copied; read during the call). Returns
 * a feed to free with precis_feed_free, or NULL with the reason in ctx
 * (PRECIS_EEMPTY, PRECIS_EFEED for anything that is not a well-formed RSS
 * or Atom document, PRECIS_ETOOBIG past 2 GB). ctx must outlive the feed.
 * At most 10,000 items are read. */
PRECIS_API precis_feed *precis_feed_parse(precis_ctx *ctx, const void *data,
                                          size_t len);

/** 1 when data looks like an RSS or Atom feed (its root element, after
 * a BOM, the XML declaration, comments and a DOCTYPE, is <rss>, <feed> or
 * <rdf:RDF>, within the first 4 KB), else 0: a guess for choosing how to
 * read an input, not a check. */
PRECIS_API int precis_feed_sniff(const void *data, size_t len);

/** Number of items (0 for NULL). */
PRECIS_API size_t precis_feed_count(const precis_feed *f);

/** The feed's title (the channel's), or NULL. */
PRECIS_API const char *precis_feed_source(const precis_feed *f);

/** Fills *out with item i, in feed order. Returns PRECIS_OK, or
 * PRECIS_EINVAL when i is out of range. */
PRECIS_API precis_status precis_feed_item(const precis_feed *f, size_t i,
                                          precis_feed_entry *out);

/** NULL is a no-op. */
PRECIS_API void precis_feed_free(precis_feed *f);

/* ==== Convenience ==== */

/** Summarises text[0..len) with opt (NULL: defaults) and renders it as
 * plain text to sink, in one call: new, feed, finish, summarize, render,
 * free. Returns the first failure's status (detail in
 * precis_ctx_errmsg). */
PRECIS_API precis_status precis_summarize_to(precis_ctx *ctx, const void *text, size_t len,
                                  const precis_options *opt, precis_sink *sink);

#ifdef __cplusplus
}
#endif

#endif
