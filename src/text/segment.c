/* segment.c: paragraphs -> sentences.
 *
 * A rule-based splitter in one left-to-right pass. A sentence ends at a
 * terminator (. ! ? … and their CJK and Arabic forms) plus any closing
 * quotes or brackets after it, unless the context says otherwise:
 *
 *   - the next word starts in lower case ("e.g. the", "… and then");
 *   - a full stop ends an abbreviation from models/LANG/abbreviations.txt,
 *     an initial ("J. K. Rowling") or an acronym ("U.S."), and no
 *     capitalised function word follows ("U.S. The" does split);
 *   - the full stop sits inside a token: decimals, prices and hosts
 *     (3.5, $1.13bn, bbc.co.uk).
 *
 * Text glued without a space after the stop ("(AP).Less than") splits when
 * a lower-case word ends the sentence and a capitalised word begins the
 * next. Every look-around is bounded, so splitting is linear in the input. */
#include <stdbool.h>
#include <string.h>

#include "internal.h"
#include "util/unicode.h"
#include "util/utf8.h"

/* How far the splitter looks back for the word before a stop and ahead for
 * the word after it. Words longer than this are not abbreviations. */
#define LOOK 64

static bool is_terminator(int32_t cp)
{
    switch (cp) {
    case '.':
    case '!':
    case '?':
    case 0x2026: /* … */
    case 0x203C: /* ‼ */
    case 0x2047: /* ⁇ */
    case 0x2048: /* ⁈ */
    case 0x2049: /* ⁉ */
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case 0xFF0E: /* ． */
    case 0x061F: /* ؟ Arabic question mark */
    case 0x06D4: /* ۔ Arabic full stop */
    case 0x0964: /* । Devanagari danda */
    case 0x0965: /* ॥ */
        return true;
    }
    return false;
}

static bool is_closer(int32_t cp)
{
    switch (cp) {
    case '"':
    case '\'':
    case ')':
    case ']':
    case '}':
    case 0x2019: /* ’ */
    case 0x201D: /* ” */
    case 0x201C: /* “ closes a German „quote“ */
    case 0x2018: /* ‘ closes a German ‚quote‘ */
    case 0x00BB: /* » */
    case 0x203A: /* › */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
    case 0xFF09: /* ） */
        return true;
    }
    return false;
}

static bool is_opener(int32_t cp)
{
    switch (cp) {
    case '"':
    case '\'':
    case '(':
    case '[':
    case '{':
    case 0x2018: /* ‘ */
    case 0x201C: /* “ */
    case 0x201E: /* „ */
    case 0x00AB: /* « */
    case 0x2039: /* ‹ */
    case 0x00BF: /* ¿ */
    case 0x00A1: /* ¡ */
    case 0x300C: /* 「 */
    case 0x300E: /* 『 */
    case 0xFF08: /* （ */
        return true;
    }
    return false;
}

static int32_t peek(const char *s, size_t end, size_t i)
{
    return i < end ? u8_next(s, end, &i) : -1;
}

/* True for a CJK-style terminator that needs no space after it. */
static bool is_fullwidth(int32_t cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
}

typedef struct splitter {
    const char *s;
    size_t end; /* paragraph end */
    const lang_model *model;
    buf fold;
} splitter;

/* The word before a full stop at s[at]: back to a space or an opening
 * bracket or quote, at most LOOK bytes. Sets *w and returns its length, 0
 * when there is none or it is too long to matter. */
static size_t word_before(const splitter *sp, size_t start, size_t at,
                          size_t *w)
{
    size_t i = at;
    while (i > start && at - i <= LOOK) {
        size_t j = i;
        int32_t cp = u8_prev(sp->s, &j);
        if (uc_is_space(cp) || is_opener(cp))
            break;
        i = j;
    }
    if (at - i > LOOK)
        return 0;
    *w = i;
    return at - i;
}

/* "U.S", "e.g", "Ph.D", "a.m": letter groups of one or two joined by
 * dots. */
static bool is_dotted_acronym(const char *s, size_t len)
{
    size_t i = 0, group = 0, groups = 0;
    while (i < len) {
        int32_t cp = u8_next(s, len, &i);
        if (cp == '.') {
            if (group == 0)
                return false;
            groups++;
            group = 0;
        } else if (uc_is_letter(cp)) {
            if (++group > 2)
                return false;
        } else {
            return false;
        }
    }
    return groups >= 1 && group > 0;
}

/* Whether the word at s[k] is a capitalised function word ("The", "He",
 * "But"): evidence that a new sentence starts there. */
static bool starts_with_capital_stopword(splitter *sp, size_t k)
{
    size_t i = k;
    int32_t first = peek(sp->s, sp->end, i);
    if (!uc_is_upper(first))
        return false;
    while (i < sp->end && i - k <= LOOK) {
        size_t j = i;
        int32_t cp = u8_next(sp->s, sp->end, &j);
        if (!uc_is_word(cp) && cp != '\'' && cp != 0x2019)
            break;
        i = j;
    }
    if (i - k > LOOK)
        return false;
    buf_clear(&sp->fold);
    uc_casefold(&sp->fold, sp->s + k, i - k);
    return model_is_opener(sp->model, buf_cstr(&sp->fold), sp->fold.len);
}

/* "19." in German or Danish is an ordinal ("am 3. Mai"): a language says
 * so with the abbreviations entry "NUMBER". A number of up to three digits
 * then ends a sentence only before a capitalised function word. */
static bool is_ordinal_number(const splitter *sp, const char *w, size_t len)
{
    if (len > 3)
        return false;
    for (size_t i = 0; i < len; i++)
        if (w[i] < '0' || w[i] > '9')
            return false;
    return model_abbrev(sp->model, "NUMBER", 6) != ABBREV_NONE;
}

/* Decides whether a single full stop at s[at] followed by a space and then
 * the text at s[k] ends the sentence. */
static bool stop_ends_sentence(splitter *sp, size_t start, size_t at, size_t k)
{
    size_t w;
    size_t wlen = word_before(sp, start, at, &w);
    if (wlen == 0)
        return true;
    const char *word = sp->s + w;
    enum abbrev_kind kind = model_abbrev(sp->model, word, wlen);
    if (kind == ABBREV_TITLE)
        return false;
    bool initial = false;
    size_t i = 0;
    int32_t cp = u8_next(word, wlen, &i);
    if (i == wlen && uc_is_upper(cp))
        initial = true; /* "J." in "J. K. Rowling", "W." in "George W." */
    /* "1. First item": a number opening the paragraph is a list marker. */
    if (w == start && wlen <= 3 && word[0] >= '0' && word[0] <= '9' &&
        u8_count(word, wlen) == wlen)
        return false;
    if (kind == ABBREV_PLAIN || initial || is_dotted_acronym(word, wlen) ||
        is_ordinal_number(sp, word, wlen))
        return starts_with_capital_stopword(sp, k);
    return true;
}

/* Text glued to the stop ("(AP).Less", "now.”He", "in the US.Authorities",
 * "in 1993.Mrs"): split when a capital and a lower-case letter follow and
 * the word before is an ordinary word (no inner full stop, not an
 * abbreviation) ending in a letter, digit, or closing bracket or quote. */
static bool glued_ends_sentence(splitter *sp, size_t start, size_t at,
                                int32_t term, size_t next)
{
    size_t i = next;
    int32_t c1 = peek(sp->s, sp->end, i);
    if (!uc_is_upper(c1))
        return false;
    u8_next(sp->s, sp->end, &i);
    if (!uc_is_lower(peek(sp->s, sp->end, i)))
        return false;
    if (term != '.')
        return true;
    size_t w;
    size_t wlen = word_before(sp, start, at, &w);
    if (wlen < 2 || memchr(sp->s + w, '.', wlen))
        return false;
    if (model_abbrev(sp->model, sp->s + w, wlen) != ABBREV_NONE)
        return false;
    size_t j = at;
    int32_t last = u8_prev(sp->s, &j);
    return uc_is_word(last) || is_closer(last);
}

/* Scraped link lists glue one headline to the next with no space
 * ("...for soldier sonsMr Yashin said"). At a capital right after a
 * lower-case letter, split when the capitalised word is a title ("Mr",
 * "Dr") or an opener ("The") followed by a space, and a lower-case word
 * follows an opener. Brand names ("PlayStation", "WhatsApp") never
 * qualify. */
static bool glued_word_starts_sentence(splitter *sp, size_t at)
{
    size_t w = at;
    while (w < sp->end && w - at <= LOOK) {
        size_t t = w;
        if (!uc_is_letter(u8_next(sp->s, sp->end, &t)))
            break;
        w = t;
    }
    if (w + 1 >= sp->end || sp->s[w] != ' ')
        return false;
    if (model_abbrev(sp->model, sp->s + at, w - at) == ABBREV_TITLE)
        return true;
    if (!uc_is_lower(peek(sp->s, sp->end, w + 1)))
        return false;
    buf_clear(&sp->fold);
    uc_casefold(&sp->fold, sp->s + at, w - at);
    return model_is_stopword(sp->model, buf_cstr(&sp->fold), sp->fold.len);
}

/* Whether, within the next few words from s[i], one ends with a colon
 * that a capital follows: a caption label ("Short and sweet: Julia ..."). */
static bool caption_label_follows(const splitter *sp, size_t i)
{
    for (int words = 0; words < 4 && i < sp->end; words++) {
        while (i < sp->end && sp->s[i] != ' ' && sp->s[i] != ':')
            i++;
        if (i < sp->end && sp->s[i] == ':')
            return i + 2 < sp->end && sp->s[i + 1] == ' ' &&
                   uc_is_upper(peek(sp->s, sp->end, i + 2));
        i++;
    }
    return false;
}

/* A photo caption run into the text with no full stop: "... than a
 * colleague The cost of divorce can ...". At the space s[sp_at], split
 * when a lower-case word ends before it and a capitalised opener ("The",
 * "However") follows, itself followed by a lower-case word or a comma, or
 * a capitalised word starts a caption label. */
static bool caption_break(splitter *sp, size_t start, size_t sp_at)
{
    /* Only where nouns are not capitalised (a language with openers.txt:
     * not German), and after a clause of some words, not a name. */
    if (sp_at == start || sp->model->openers.count == 0)
        return false;
    /* The cheapest tests first: this runs at every space. */
    size_t k = sp_at + 1, w = k;
    if (!uc_is_upper(peek(sp->s, sp->end, k)))
        return false;
    size_t j = sp_at;
    if (!uc_is_lower(u8_prev(sp->s, &j)))
        return false;
    size_t words = 1;
    for (size_t i = start; i < sp_at && words < 4; i++)
        words += sp->s[i] == ' ';
    if (words < 4)
        return false;
    while (w < sp->end && w - k <= LOOK) {
        size_t t = w;
        if (!uc_is_letter(u8_next(sp->s, sp->end, &t)))
            break;
        w = t;
    }
    if (w >= sp->end || w - k > LOOK)
        return false;
    if (caption_label_follows(sp, w))
        return true;
    int32_t after = peek(sp->s, sp->end, w);
    if (after == ' ') {
        if (!uc_is_lower(peek(sp->s, sp->end, w + 1)))
            return false;
    } else if (after != ',') {
        return false;
    }
    buf_clear(&sp->fold);
    uc_casefold(&sp->fold, sp->s + k, w - k);
    return model_is_opener(sp->model, buf_cstr(&sp->fold), sp->fold.len);
}

static void emit(precis_doc *doc, size_t *cap, size_t from, size_t to,
                 uint32_t para, bool terminal)
{
    const char *s = doc->text.data;
    while (from < to && s[from] == ' ')
        from++;
    while (to > from && s[to - 1] == ' ')
        to--;
    /* Keep only pieces with something to read: a letter or a digit. */
    bool words = false;
    for (size_t i = from; i < to && !words;) {
        int32_t cp = u8_next(s, to, &i);
        words = uc_is_word(cp);
    }
    if (!words)
        return;
    if (doc->n_sents == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        sentence *grown = arena_array(&doc->mem, ncap, sizeof *grown);
        if (doc->n_sents)
            memcpy(grown, doc->sents, doc->n_sents * sizeof *grown);
        doc->sents = grown;
        *cap = ncap;
    }
    sentence *out = &doc->sents[doc->n_sents++];
    memset(out, 0, sizeof *out);
    out->off = from;
    out->len = to - from;
    out->paragraph = para;
    out->terminal = terminal;
}

/* An ASCII byte that starts no sentence split: not a space, a full stop,
 * '!', '?' or a capital (glued sentences start with one). */
static inline bool plain_byte(unsigned char b)
{
    return b < 0x80 && b != ' ' && b != '.' && b != '!' && b != '?' &&
           !(b >= 'A' && b <= 'Z');
}

static void split_paragraph(precis_doc *doc, splitter *sp, size_t *cap,
                            size_t ps, size_t pe, uint32_t para)
{
    const char *s = sp->s;
    sp->end = pe;
    size_t start = ps, i = ps;
    int32_t prev = ' ';
    while (i < pe) {
        /* Most bytes are ASCII that none of the tests below can fire on:
         * not a space, a stop or a capital. Skip their run. */
        if (plain_byte((unsigned char)s[i])) {
            do
                i++;
            while (i < pe && plain_byte((unsigned char)s[i]));
            prev = (unsigned char)s[i - 1];
            continue;
        }
        size_t at = i;
        int32_t cp = u8_next(s, pe, &i);
        bool glue = uc_is_lower(prev) && uc_is_upper(cp);
        prev = cp;
        if (cp == ' ' && caption_break(sp, start, at)) {
            emit(doc, cap, start, at, para, false);
            start = at + 1;
            continue;
        }
        if (glue && at > start && glued_word_starts_sentence(sp, at)) {
            emit(doc, cap, start, at, para, false);
            start = at;
            continue;
        }
        if (!is_terminator(cp))
            continue;
        size_t j = i;
        bool multi = false; /* "...", "?!", "!!" */
        while (j < pe) {
            size_t t = j;
            if (!is_terminator(u8_next(s, pe, &t)))
                break;
            j = t;
            multi = true;
        }
        while (j < pe) {
            size_t t = j;
            if (!is_closer(u8_next(s, pe, &t)))
                break;
            j = t;
        }
        /* French typography: "nord. »" keeps a space before the closing
         * guillemet, which still belongs to this sentence. */
        if (j + 1 < pe && s[j] == ' ') {
            size_t t = j + 1;
            int32_t c = u8_next(s, pe, &t);
            if ((c == 0x00BB || c == 0x203A) && (t >= pe || s[t] == ' '))
                j = t;
        }
        if (j >= pe)
            break;
        bool split;
        int32_t next = peek(s, pe, j);
        if (next == ' ') {
            size_t k = j + 1;
            while (k < pe) {
                size_t t = k;
                if (!is_opener(u8_next(s, pe, &t)))
                    break;
                k = t;
            }
            int32_t first = peek(s, pe, k);
            if (uc_is_lower(first))
                split = false;
            else if (cp == '.' && !multi)
                split = stop_ends_sentence(sp, start, at, k);
            else
                split = true;
        } else if (is_fullwidth(cp)) {
            split = true;
        } else {
            split = !multi || cp != '.'
                        ? glued_ends_sentence(sp, start, at, cp, j)
                        : false;
        }
        if (split) {
            emit(doc, cap, start, j, para, true);
            start = j;
        }
        i = j;
    }
    /* The paragraph's end always ends a sentence. */
    size_t last = pe;
    while (last > start && s[last - 1] == ' ')
        last--;
    bool terminal = false;
    for (size_t t = last; t > start;) {
        int32_t cp = u8_prev(s, &t);
        if (is_closer(cp))
            continue;
        terminal = is_terminator(cp);
        break;
    }
    emit(doc, cap, start, pe, para, terminal);
}

void segment_run(precis_doc *doc)
{
    splitter sp = {.s = buf_cstr(&doc->text), .model = doc->lang->model};
    size_t cap = 0;
    for (size_t p = 0; p < doc->n_paras; p++)
        split_paragraph(doc, &sp, &cap, doc->paras[p].off,
                        doc->paras[p].off + doc->paras[p].len, (uint32_t)p);
    buf_free(&sp.fold);
}
