/* detect.c: which language is this text in?
 *
 * Two cues, both cheap: the script of the letters (Cyrillic, Greek,
 * Arabic, ...) settles most non-Latin text at once; among the languages
 * written in the same script, the one whose stopwords occur most often
 * wins. Stopwords are the most frequent words of a language, so a few
 * hundred words of text are enough to tell them apart. */
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

#include "internal.h"
#include "lang/load.h"
#include "lang/models_builtin.h"
#include "util/unicode.h"
#include "util/utf8.h"

/* Read at most this much text: detection needs a sample, not the book. */
#define SAMPLE_BYTES 8192

enum script {
    SCRIPT_LATIN,
    SCRIPT_CYRILLIC,
    SCRIPT_GREEK,
    SCRIPT_ARABIC,
    SCRIPT_HEBREW,
    SCRIPT_ARMENIAN,
    SCRIPT_DEVANAGARI,
    SCRIPT_TAMIL,
    SCRIPT_OTHER,
    SCRIPT_COUNT
};

static enum script script_of(int32_t cp)
{
    if (cp < 0x0250)
        return SCRIPT_LATIN;
    if (cp >= 0x0370 && cp < 0x0400)
        return SCRIPT_GREEK;
    if (cp >= 0x0400 && cp < 0x0530)
        return SCRIPT_CYRILLIC;
    if (cp >= 0x0530 && cp < 0x0590)
        return SCRIPT_ARMENIAN;
    if (cp >= 0x0590 && cp < 0x0600)
        return SCRIPT_HEBREW;
    if (cp >= 0x0600 && cp < 0x0700)
        return SCRIPT_ARABIC;
    if (cp >= 0x0900 && cp < 0x0980)
        return SCRIPT_DEVANAGARI;
    if (cp >= 0x0B80 && cp < 0x0C00)
        return SCRIPT_TAMIL;
    if (cp >= 0x1E00 && cp < 0x1F00)
        return SCRIPT_LATIN;
    return SCRIPT_OTHER;
}

/* The script each Snowball language is written in (Serbian also in Latin;
 * its stemmer takes both, and Cyrillic text goes to Russian unless the
 * user says otherwise). */
int precis__language_script(const char *name)
{
    static const struct {
        const char *name;
        enum script script;
    } table[] = {
        {"russian", SCRIPT_CYRILLIC}, {"serbian", SCRIPT_CYRILLIC},
        {"greek", SCRIPT_GREEK},      {"arabic", SCRIPT_ARABIC},
        {"yiddish", SCRIPT_HEBREW},   {"armenian", SCRIPT_ARMENIAN},
        {"hindi", SCRIPT_DEVANAGARI}, {"nepali", SCRIPT_DEVANAGARI},
        {"tamil", SCRIPT_TAMIL},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(name, table[i].name) == 0)
            return (int)table[i].script;
    return (int)SCRIPT_LATIN;
}

/* For a script no stopword list covers, the language to use. */
static const char *default_for_script(enum script s)
{
    switch (s) {
    case SCRIPT_CYRILLIC:
        return "russian";
    case SCRIPT_GREEK:
        return "greek";
    case SCRIPT_ARABIC:
        return "arabic";
    case SCRIPT_HEBREW:
        return "yiddish";
    case SCRIPT_ARMENIAN:
        return "armenian";
    case SCRIPT_DEVANAGARI:
        return "hindi";
    case SCRIPT_TAMIL:
        return "tamil";
    default:
        return "english";
    }
}

static lang_state *find(precis_ctx *ctx, const char *name)
{
    for (size_t i = 0; i < ctx->n_langs; i++)
        if (strcmp(ctx->langs[i].name, name) == 0)
            return &ctx->langs[i];
    return NULL;
}

/* The script with the most letters so far (Latin on a tie or none). */
static enum script main_script(const size_t *letters)
{
    enum script main = SCRIPT_LATIN;
    for (int s = 0; s < SCRIPT_COUNT; s++)
        if (s != SCRIPT_OTHER && letters[s] > letters[main])
            main = (enum script)s;
    return main;
}

/* Among the profiled languages of script main, the one with most hits;
 * *runner_up gets the second best count. */
static lang_state *leader(precis_ctx *ctx, const size_t *hits, enum script main,
                          size_t *best_hits, size_t *runner_up)
{
    lang_state *best = NULL;
    *best_hits = *runner_up = 0;
    for (size_t k = 0; k < ctx->n_langs; k++) {
        lang_state *l = &ctx->langs[k];
        if (!l->profiled || l->script != (int)main)
            continue;
        if (hits[k] > *best_hits) {
            *runner_up = *best_hits;
            best = l;
            *best_hits = hits[k];
        } else if (hits[k] > *runner_up) {
            *runner_up = hits[k];
        }
    }
    return best;
}

/* Stop reading once the leader has this many stopword hits and at least
 * twice the runner-up's: by then more text only confirms it, and most of
 * detection's cost is the reading. */
#define SURE_HITS 48

lang_state *detect_language(precis_ctx *ctx, const char *text, size_t len)
{
    if (len > SAMPLE_BYTES) {
        len = SAMPLE_BYTES;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--;
    }
    size_t letters[SCRIPT_COUNT] = {0};
    size_t *hits = precis__calloc(ctx->n_langs, sizeof *hits);
    buf fold = {0};
    char ascii[PRECIS_MAX_TOKEN];
    size_t i = 0, since_check = 0;
    while (i < len) {
        size_t start = i;
        int32_t cp = u8_next(text, len, &i);
        if (!uc_is_word(cp))
            continue;
        size_t end = i;
        while (end < len) {
            size_t j = end;
            int32_t c = u8_next(text, len, &j);
            if (!uc_is_word(c) && c != '\'')
                break;
            if (uc_is_letter(c))
                letters[script_of(c)]++;
            end = j;
        }
        if (uc_is_letter(cp))
            letters[script_of(cp)]++;
        i = end;
        /* Most words of Latin-script text are ASCII: fold those here. */
        const char *key;
        size_t key_len = end - start;
        if (key_len <= sizeof ascii &&
            uc_fold_ascii(ascii, text + start, key_len) == key_len) {
            key = ascii;
        } else {
            buf_clear(&fold);
            uc_casefold(&fold, text + start, end - start);
            key = buf_cstr(&fold);
            key_len = fold.len;
        }
        uint32_t bits = 0;
        if (ctx->builtin_lang_bits) {
            bits = lang_bits_get(ctx->builtin_lang_bits, key, key_len);
        } else {
            const uint32_t *v = strmap_get(&ctx->stopword_langs, key, key_len);
            bits = v ? *v : 0;
        }
        for (uint32_t k = 0; bits; bits >>= 1, k++)
            hits[k] += bits & 1;
        if (++since_check == 32) {
            since_check = 0;
            size_t best_hits, runner_up;
            leader(ctx, hits, main_script(letters), &best_hits, &runner_up);
            if (best_hits >= SURE_HITS && best_hits >= 2 * runner_up)
                break;
        }
    }
    buf_free(&fold);

    enum script main = main_script(letters);
    size_t best_hits, runner_up;
    lang_state *best = leader(ctx, hits, main, &best_hits, &runner_up);
    free(hits);
    if (!best)
        best = find(ctx, default_for_script(main));
    /* The chosen language's whole model is loaded now; if it cannot be,
     * English (loaded with the context) stands in. */
    precis_status st;
    if (!best || !lang_load(ctx, best, &st))
        best = find(ctx, "english");
    return best;
}
