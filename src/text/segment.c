/* segment.c: paragraphs -> sentences.
 *
 * A rule-based splitter in one left-to-right pass. A sentence ends at a
 * terminator (. ! ? … and their CJK and Arabic forms) plus any closing
 * quotes, brackets and citation markers ("1971. [1]") after it, unless
 * the context says otherwise:
 *
 *   - the next word starts in lower case ("e.g. the", "… and then"), or
 *     a number follows a short lower-case abbreviation ("p. 14");
 *   - a full stop ends an abbreviation from models/LANG/abbreviations.txt,
 *     an initial ("J. K. Rowling"), a single lower-case letter ("b."), an
 *     acronym ("U.S."), or a list marker opening the sentence ("1.",
 *     "iv."), and no capitalised function word follows ("U.S. The" does
 *     split);
 *   - the full stop sits inside a token: decimals, prices, hosts and
 *     addresses (3.5, $1.13bn, bbc.co.uk, j.smith@example.org);
 *   - a spaced ellipsis (" ... ") is a pause unless a capitalised word
 *     follows.
 *
 * Evidence that holds across text comes first; the repairs for scraped
 * pages (sentences glued without a space, captions run into the text,
 * inline lists) fire only where it is strong, and were measured against
 * ordinary prose (docs/SEGMENTATION.md). Every look-around is bounded, so
 * splitting is linear in the input. */
#include <stdbool.h>
#include <string.h>

#include "internal.h"
#include "util/unicode.h"
#include "util/utf8.h"

/* How far the splitter looks back for the word before a stop and ahead for
 * the word after it. Words longer than this are not abbreviations. */
#define LOOK 64

/* ==== Characters ==== */

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

/* A hyphen or dash standing between words ("-", "–", "—"). */
static bool is_dash(int32_t cp)
{
    return cp == '-' || cp == 0x2013 || cp == 0x2014;
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

/* ==== Words around a full stop ==== */

typedef struct splitter {
    const char *s;
    size_t end; /* paragraph end */
    const lang_model *model;
    buf fold;
} splitter;

/* The end of the word of letters that starts at s[k] (at most LOOK
 * bytes), or k when none does. */
static size_t letters_end(const splitter *sp, size_t k)
{
    size_t w = k;
    while (w < sp->end && w - k <= LOOK) {
        size_t t = w;
        if (!uc_is_letter(u8_next(sp->s, sp->end, &t)))
            break;
        w = t;
    }
    return w - k > LOOK ? k : w;
}

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

/* A list marker's number or letter: up to three digits, one letter, or a
 * short roman numeral ("12", "2.1", "b", "iv"). */
static bool is_marker_word(const char *w, size_t len)
{
    if (len == 0 || len > 8)
        return false;
    size_t digits = 0, roman = 0, dots = 0;
    for (size_t i = 0; i < len; i++) {
        char c = (char)(w[i] | 0x20);
        digits += w[i] >= '0' && w[i] <= '9';
        dots += w[i] == '.' && i > 0 && w[i - 1] != '.';
        roman += c == 'i' || c == 'v' || c == 'x';
    }
    /* "12", and section numbers such as "2.1" or "3.4.1". */
    if (digits + dots == len && w[len - 1] != '.')
        return dots ? digits <= 6 : len <= 3;
    if (len > 4)
        return false;
    if (len == 1)
        return ((unsigned char)w[0] | 0x20) >= 'a' &&
               ((unsigned char)w[0] | 0x20) <= 'z';
    return roman == len;
}

/* Whether s[0..len) holds more than max words. */
static bool more_words_than(const char *s, size_t len, size_t max)
{
    size_t words = len > 0;
    for (size_t i = 0; i < len && words <= max; i++)
        words += s[i] == ' ';
    return words > max;
}

/* Whether every letter of word is lower case (and there is one). */
static bool all_lower(const char *word, size_t len)
{
    size_t i = 0, letters = 0;
    while (i < len) {
        int32_t cp = u8_next(word, len, &i);
        if (uc_is_letter(cp)) {
            if (!uc_is_lower(cp))
                return false;
            letters++;
        } else if (cp != '.') {
            return false;
        }
    }
    return letters > 0;
}

/* Whether the word at s[k] is in capitals throughout ("EST", "GMT"). */
static bool word_in_capitals(const splitter *sp, size_t k)
{
    size_t i = k, n = 0;
    while (i < sp->end && n < 8) {
        int32_t cp = u8_next(sp->s, sp->end, &i);
        if (!uc_is_letter(cp))
            break;
        if (!uc_is_upper(cp))
            return false;
        n++;
    }
    return n >= 2;
}

/* Whether a list item's marker starts at s[k]: a number of up to three
 * digits and "." or ")", then a space and a capital ("3. Bake", "2) Add").
 * After a full stop, it opens the next sentence. */
static bool list_marker_at(const splitter *sp, size_t k)
{
    size_t i = k;
    while (i < sp->end && i - k < 3 && sp->s[i] >= '0' && sp->s[i] <= '9')
        i++;
    if (i == k || i + 2 >= sp->end || (sp->s[i] != '.' && sp->s[i] != ')') ||
        sp->s[i + 1] != ' ')
        return false;
    return uc_is_upper(peek(sp->s, sp->end, i + 2));
}

/* Whether the word at s[w] follows a coordinate's degrees, minutes or
 * seconds ("1.88° W", "10º 30' E"): then a capital letter there is a
 * compass point, not an initial. (After a plain number it is often a
 * street's: "319 S. Denver Avenue".) */
static bool after_number(const splitter *sp, size_t start, size_t w)
{
    if (w <= start + 1 || sp->s[w - 1] != ' ')
        return false;
    size_t j = w - 1;
    int32_t cp = u8_prev(sp->s, &j); /* the character before the space */
    return cp == 0xB0 || cp == 0xBA || cp == 0x2032 || cp == 0x2033 ||
           cp == '\'' || cp == '"';
}

/* ==== Does a full stop end the sentence? ==== */

/* Decides whether a single full stop at s[at] followed by a space and then
 * the text at s[k] ends the sentence. */
static bool stop_ends_sentence(splitter *sp, size_t start, size_t at, size_t k)
{
    size_t w;
    size_t wlen = word_before(sp, start, at, &w);
    if (wlen == 0)
        return true;
    const char *word = sp->s + w;
    /* "1. First item", "b. Second", "iv. Fourth": a marker opening the
     * sentence is a list entry's, not a sentence of its own. */
    size_t first = start;
    while (first < at && sp->s[first] == ' ')
        first++;
    if (w == first && is_marker_word(word, wlen))
        return false;
    bool one_letter = u8_count(word, wlen) == 1;
    /* "1.88° W. Divers", "54,9° N. Fähren": a compass point after a
     * number ends the sentence before a capital, whatever the language's
     * abbreviations say about the letter. */
    if (one_letter && uc_is_upper(peek(sp->s, sp->end, w)) &&
        after_number(sp, start, w))
        return uc_is_upper(peek(sp->s, sp->end, k));
    enum abbrev_kind kind = model_abbrev(sp->model, word, wlen);
    if (kind == ABBREV_TITLE)
        return false;
    /* "p. 12", "c. 1850", "div. 1964", "b. 1950": a short lower-case
     * abbreviation before a number. */
    int32_t next = peek(sp->s, sp->end, k);
    if (next >= '0' && next <= '9' && wlen <= 4 && all_lower(word, wlen) &&
        !list_marker_at(sp, k))
        return false;
    /* "at 5 p.m. Police said": after a time, a capitalised word starts
     * the next sentence unless it is a zone in capitals ("p.m. EST"), or
     * the time opens the sentence ("At 5 a.m. Mr. Hale left": a sentence
     * is more than an adverbial). */
    if (is_dotted_acronym(word, wlen) && all_lower(word, wlen) && w >= 2 &&
        sp->s[w - 1] == ' ' && sp->s[w - 2] >= '0' && sp->s[w - 2] <= '9' &&
        more_words_than(sp->s + first, w - first, 3))
        return uc_is_upper(next) && !word_in_capitals(sp, k);
    bool initial = false;
    size_t i = 0;
    int32_t cp = u8_next(word, wlen, &i);
    /* "J." in "J. K. Rowling", "W." in "George W."; and a single
     * lower-case letter is an abbreviation ("b." for born, "c." for
     * circa, "m." for married). */
    if (i == wlen && uc_is_letter(cp))
        initial = true;
    if (kind == ABBREV_PLAIN || initial || is_dotted_acronym(word, wlen) ||
        is_ordinal_number(sp, word, wlen))
        return starts_with_capital_stopword(sp, k);
    return true;
}

/* ==== Citation markers and ellipses ==== */

/* Citation markers after a stop belong to its sentence: "in 1971. [1]
 * Next", "fee.[12][13]", "2009. [citation needed]", "found.¹²". Returns
 * the end of the markers at s[j], or j when none follow. A marker is a
 * bracketed group of at most 32 bytes with no full stop or bracket in
 * it. */
static size_t skip_citations(const splitter *sp, size_t j)
{
    size_t end = j;
    for (int n = 0; n < 16; n++) {
        size_t i = end;
        if (i < sp->end && sp->s[i] == ' ')
            i++;
        if (i < sp->end && sp->s[i] == '[') {
            size_t k = i + 1;
            while (k < sp->end && k - i <= 32 && sp->s[k] != ']' &&
                   sp->s[k] != '[' && sp->s[k] != '.' && sp->s[k] != '!' &&
                   sp->s[k] != '?')
                k++;
            if (k >= sp->end || sp->s[k] != ']' || k == i + 1)
                break;
            end = k + 1;
            continue;
        }
        size_t t = end;
        int32_t cp = peek(sp->s, sp->end, t);
        if (cp == 0xB9 || cp == 0xB2 || cp == 0xB3 ||
            (cp >= 0x2070 && cp <= 0x2079)) {
            u8_next(sp->s, sp->end, &t);
            end = t;
            continue;
        }
        break;
    }
    return end;
}

/* After an ellipsis with a space before it (" ... ", " … "), which is
 * often a pause inside a sentence, whether the capital at s[k] starts a
 * new one: a word of two letters or more (not the pronoun "I", which
 * goes on after a pause), and not a title running on ("Seven Days ...
 * Seven Nights": the word before the ellipsis is capitalised too). */
static bool spaced_ellipsis_ends(splitter *sp, size_t start, size_t at,
                                 size_t k)
{
    size_t end = letters_end(sp, k);
    if (end < k + 2 || !uc_is_upper(peek(sp->s, sp->end, k)))
        return false;
    size_t w;
    if (at < start + 1 || word_before(sp, start, at - 1, &w) == 0)
        return true;
    return !uc_is_upper(peek(sp->s, sp->end, w));
}

/* Whether the word at s[k] is a name in camel case that starts in lower
 * case ("iPhone", "eBay", "wikiHow"): it may open a sentence. */
static bool camel_case_at(const splitter *sp, size_t k)
{
    size_t i = k;
    bool lower_seen = false;
    while (i < sp->end && i - k <= LOOK) {
        int32_t cp = u8_next(sp->s, sp->end, &i);
        if (uc_is_upper(cp))
            return lower_seen;
        if (!uc_is_lower(cp))
            return false;
        lower_seen = true;
    }
    return false;
}

/* Whether the terminator run s[at..j) is an ellipsis ("...", "…"). */
static bool is_ellipsis(const char *s, size_t at, size_t j)
{
    if (j - at == 3 && (unsigned char)s[at] == 0xE2)
        return true; /* U+2026 */
    size_t dots = 0;
    for (size_t i = at; i < j; i++) {
        if (s[i] != '.' && s[i] != ' ') /* ". . ." counts */
            return false;
        dots += s[i] == '.';
    }
    return dots >= 2;
}

/* ==== Glued text and captions (scraped pages) ==== */

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
 * ("...for soldier sonsMr Yashin said", "...storiesThe union's"). At a
 * capital right after a lower-case letter, split when the capitalised
 * word is a title ("Mr", "Dr"), or an opener ("The") followed by a space
 * and a lower-case word after a lower-case word of five letters or more.
 * Camel-case names have short lower-case heads ("wikiHow", "eBay",
 * "iPhone", "YouTube"), so they never qualify. */
static bool glued_word_starts_sentence(splitter *sp, size_t start, size_t at)
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
    size_t head = at, n = 0;
    while (head > start && n < 5) {
        size_t t = head;
        if (!uc_is_lower(u8_prev(sp->s, &t)))
            break;
        head = t;
        n++;
    }
    if (n < 5)
        return false;
    buf_clear(&sp->fold);
    uc_casefold(&sp->fold, sp->s + at, w - at);
    return model_is_opener(sp->model, buf_cstr(&sp->fold), sp->fold.len);
}

/* Whether the word ending at s[at] (exclusive) is a function word ("of",
 * "and", "that"): prose goes on after one, a caption never ends with one.
 * With names set, a capitalised word counts too: it may be a name that
 * runs on ("Andy Warhol"). */
static bool word_before_is_function(splitter *sp, size_t start, size_t at,
                                    bool names)
{
    size_t w = at;
    while (w > start && at - w <= LOOK) {
        size_t t = w;
        if (!uc_is_letter(u8_prev(sp->s, &t)))
            break;
        w = t;
    }
    if (w == at || at - w > LOOK)
        return true;
    if (names && uc_is_upper(peek(sp->s, sp->end, w)))
        return true;
    buf_clear(&sp->fold);
    uc_casefold(&sp->fold, sp->s + w, at - w);
    return model_is_stopword(sp->model, buf_cstr(&sp->fold), sp->fold.len);
}

/* A caption label starts at s[k]: the last capitalised word before a colon
 * within four words ("Up in smoke: Some ...", "Image: Nick ..."), the
 * other words in lower case, and a capitalised word after the colon. */
static bool caption_label_at(const splitter *sp, size_t k)
{
    size_t i = k;
    for (int words = 0; words < 4 && i < sp->end; words++) {
        if (words > 0 && !uc_is_lower(peek(sp->s, sp->end, i)))
            return false;
        while (i < sp->end && sp->s[i] != ' ' && sp->s[i] != ':')
            i++;
        if (i < sp->end && sp->s[i] == ':') {
            if (i + 3 >= sp->end || sp->s[i + 1] != ' ')
                return false;
            size_t t = i + 2;
            if (!uc_is_upper(u8_next(sp->s, sp->end, &t)))
                return false;
            return uc_is_lower(peek(sp->s, sp->end, t));
        }
        i++;
    }
    return false;
}

/* A photo caption run into the text with no full stop: "... than a
 * colleague The cost of divorce can ...". At the space s[sp_at], split
 * when the clause before has some words and ends in a lower-case content
 * word (not a function word such as "that" or "of", after which prose
 * goes on), and what follows is either a caption label or a capitalised
 * sentence opener of two letters or more ("The", "However"; never the
 * pronoun "I") followed by a lower-case word or a comma. */
static bool caption_break(splitter *sp, size_t start, size_t sp_at)
{
    /* Only where nouns are not capitalised (a language with openers.txt:
     * not German), and after a clause of some words, not a name. */
    if (sp_at == start || sp->model->openers.count == 0)
        return false;
    /* The cheapest tests first: this runs at every space. */
    size_t k = sp_at + 1;
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
    size_t w = letters_end(sp, k);
    if (w >= sp->end || u8_count(sp->s + k, w - k) < 2)
        return false;
    /* A word in capitals ("AND", "NASA") is emphasis or an acronym. */
    size_t second = k;
    u8_next(sp->s, sp->end, &second);
    if (!uc_is_lower(peek(sp->s, sp->end, second)))
        return false;
    if (caption_label_at(sp, k))
        return !word_before_is_function(sp, start, sp_at, true);
    int32_t after = peek(sp->s, sp->end, w);
    if (after == ' ') {
        if (!uc_is_lower(peek(sp->s, sp->end, w + 1)))
            return false;
    } else if (after != ',') {
        return false;
    }
    buf_clear(&sp->fold);
    uc_casefold(&sp->fold, sp->s + k, w - k);
    if (!model_is_opener(sp->model, buf_cstr(&sp->fold), sp->fold.len))
        return false;
    return !word_before_is_function(sp, start, sp_at, true);
}

/* ==== Inline lists ==== */

/* Reads a list marker at s[i]: a number of up to three digits or one
 * letter, then ".", ")" or ".)"; or a bullet ("•", "▪", "●", "◦"). Then
 * a space must follow. Sets *value (the number, the letter, or the
 * bullet's code point plus 0x10000000) and returns the marker's end, or
 * i when there is none. */
static size_t read_marker(const splitter *sp, size_t i, int32_t *value)
{
    const char *s = sp->s;
    size_t j = i;
    int32_t cp = peek(s, sp->end, j);
    if (cp == 0x2022 || cp == 0x25AA || cp == 0x25CF || cp == 0x25E6) {
        u8_next(s, sp->end, &j);
        *value = 0x10000000 + cp;
    } else if (cp >= '0' && cp <= '9') {
        int32_t v = 0;
        while (j < sp->end && j - i < 3 && s[j] >= '0' && s[j] <= '9')
            v = v * 10 + (s[j++] - '0');
        *value = v;
    } else if (cp >= 'a' && cp <= 'z') {
        *value = cp;
        j++;
    } else {
        return i;
    }
    if (*value < 0x10000000) {
        if (j >= sp->end || (s[j] != '.' && s[j] != ')'))
            return i;
        j += s[j] == '.' && j + 1 < sp->end && s[j + 1] == ')' ? 2 : 1;
    }
    return j < sp->end && s[j] == ' ' ? j : i;
}

/* An inline list without full stops: "1) Mix the flour 2) Add the eggs",
 * "• Tent • Stove". At the space s[sp_at], split when the sentence opens
 * with a marker and the next marker of its series follows here (2 after
 * 1, b after a, the same bullet), then a capital; not after a comma or
 * "and" ("1) Flour, 2) Eggs and 3) Milk" is one sentence). */
static bool inline_marker_break(splitter *sp, size_t start, size_t sp_at)
{
    int32_t c = peek(sp->s, sp->end, sp_at + 1);
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == 0x2022 ||
          c == 0x25AA || c == 0x25CF || c == 0x25E6))
        return false;
    size_t first = start;
    while (first < sp_at && sp->s[first] == ' ')
        first++;
    int32_t opened, here;
    /* "... in this order: a) Raise taxes": a list's first marker after a
     * colon starts the list (a line joined by hard-wrap repair). */
    if (sp->s[sp_at - 1] == ':') {
        size_t e = read_marker(sp, sp_at + 1, &here);
        return e > sp_at + 1 && e + 1 < sp->end &&
               (here == 1 || here == 'a' || here == 'i' || here >= 0x10000000) &&
               uc_is_upper(peek(sp->s, sp->end, e + 1));
    }
    size_t e0 = read_marker(sp, first, &opened);
    if (e0 == first || e0 >= sp_at)
        return false;
    size_t e1 = read_marker(sp, sp_at + 1, &here);
    if (e1 == sp_at + 1 || e1 + 1 >= sp->end ||
        !uc_is_upper(peek(sp->s, sp->end, e1 + 1)))
        return false;
    if (here != (opened >= 0x10000000 ? opened : opened + 1))
        return false;
    char before = sp->s[sp_at - 1];
    if (before == ',' || before == ';')
        return false;
    return !word_before_is_function(sp, start, sp_at, false);
}

/* ==== The pass ==== */

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
        if (cp == ' ' && at > start && inline_marker_break(sp, start, at)) {
            emit(doc, cap, start, at, para, false);
            start = at + 1;
            continue;
        }
        if (cp == ' ' && caption_break(sp, start, at)) {
            emit(doc, cap, start, at, para, false);
            start = at + 1;
            continue;
        }
        if (glue && at > start && glued_word_starts_sentence(sp, start, at)) {
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
        /* ". . .": a spaced ellipsis is one terminator run. */
        while (cp == '.' && j + 1 < pe && s[j] == ' ' && s[j + 1] == '.' &&
               (j + 2 >= pe || !uc_is_word(peek(s, pe, j + 2)))) {
            j += 2;
            multi = true;
        }
        size_t term_end = j;
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
        j = skip_citations(sp, j);
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
            bool bracket = k > j + 1 && s[k - 1] == '(';
            if ((uc_is_lower(first) && !camel_case_at(sp, k)) ||
                (bracket && first >= '0' && first <= '9'))
                split = false; /* "e.g. the", "Viva Maria! (1965)" */
            else if (is_dash(first) && k + 1 < pe &&
                     uc_is_lower(peek(s, pe, k + (first == '-' ? 1 : 3) + 1)))
                split = false; /* "'Huh?' – used as ..." */
            else if (cp == '.' && !multi)
                split = stop_ends_sentence(sp, start, at, k);
            else if (is_ellipsis(s, at, term_end) && at > start &&
                     s[at - 1] == ' ')
                /* "we just ... I don't know": a spaced ellipsis is a
                 * pause; only a capitalised function word (not "I")
                 * shows a new sentence. */
                split = spaced_ellipsis_ends(sp, start, at, k);
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
