/* title.c: is the first line a title?
 *
 * Scraped pages and plain texts open in many ways: with a headline, with a
 * section label above the headline ("Politics"), with a notice, or with
 * the first sentence of the body. Only a headline may be set apart: taking
 * a body sentence as the title loses it from the summary. So a line is a
 * title only when its shape says so (short, no sentence-final full stop,
 * one sentence at most, not a list entry or a notice) and body text, not
 * more headings, follows it. */
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "read/date.h"
#include "read/title.h"
#include "util/unicode.h"
#include "util/utf8.h"

/* Titles longer than this are sentences that lost their full stop. */
#define TITLE_MAX_WORDS 25
#define TITLE_MAX_BYTES 250
/* A label above a title has at most this many words. */
#define LABEL_MAX_WORDS 3

typedef struct shape {
    size_t words, letters;
    int32_t last;     /* the last character that is not a closer */
    bool inner_break; /* ". A" inside: two sentences on one line */
} shape;

static bool is_closing(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x2019 ||
           cp == 0x201D || cp == 0x00BB;
}

static shape measure(const char *s, size_t len)
{
    shape sh = {.words = len > 0};
    int32_t prev = 0, prev2 = 0;
    size_t word_letters = 0, stop_word_letters = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp = u8_next(s, len, &i);
        if (cp == ' ') {
            sh.words++;
        } else if (uc_is_letter(cp)) {
            sh.letters++;
            word_letters++;
        }
        if (cp == '.' || cp == '!' || cp == '?')
            stop_word_letters = word_letters;
        if (cp == ' ' || cp == '.' || cp == '!' || cp == '?')
            word_letters = 0;
        /* ". The", "? Yes": a sentence ends inside the line, after a word
         * of three letters or more (not "J. Smith", "Mr. Jones", "St.
         * Mary") and before a word (not "Part 2. A"). */
        if (prev == ' ' && uc_is_upper(cp) &&
            (prev2 == '.' || prev2 == '!' || prev2 == '?') &&
            stop_word_letters >= 3 && i < len &&
            uc_is_lower(u8_next(s, len, &(size_t){i})))
            sh.inner_break = true;
        if (!is_closing(cp) && cp != ' ')
            sh.last = cp;
        prev2 = prev;
        prev = cp;
    }
    return sh;
}

/* "- item", "• item", "1. item", "2) item", "a) item", "(iv) item". */
static bool is_list_entry(const char *s, size_t len)
{
    if (len >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ')
        return true;
    if (len >= 4 && memcmp(s, "\xE2\x80\xA2 ", 4) == 0) /* "• " */
        return true;
    /* "2.1. Methods", "3.4 Results": a numbered section heading. */
    size_t d = 0;
    while (d < len && ((s[d] >= '0' && s[d] <= '9') || s[d] == '.'))
        d++;
    if (d >= 3 && d < len && s[d] == ' ' && memchr(s, '.', d) && s[0] != '.')
        return true;
    size_t i = s[0] == '(' ? 1 : 0, k = i;
    while (k < len && k - i < 4 &&
           ((s[k] >= '0' && s[k] <= '9') ||
            ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z')))
        k++;
    if (k == i || k + 1 >= len)
        return false;
    bool digits = s[i] >= '0' && s[i] <= '9';
    /* A letter marker is one letter ("a)") or a roman numeral ("iv."). */
    if (!digits && k - i > 1 && strspn(s + i, "ivxIVX") < k - i)
        return false;
    if (s[k] == '.' && k + 1 < len && s[k + 1] == ')')
        k++; /* "1.)" */
    return (s[k] == '.' || s[k] == ')') && s[k + 1] == ' ' &&
           (digits || s[k] == ')' || k - i == 1);
}

/* What no headline looks like: a line that ends on a separator, a slash
 * or "via" ("CHRISTCHURCH, New Zealand |", a photo credit "Name/ Name/", "E-mail
 * this to a friend »"), opens with a quote marker (">"), stands wholly in
 * brackets ("(Staff Photo/Name)"), or points at a person in a picture
 * ("Khuram Butt (left) who...", "(second from right)"): a caption. */
static bool looks_like_furniture(const char *s, size_t len)
{
    size_t end = len;
    while (end > 0 && s[end - 1] == ' ')
        end--;
    if (end == 0)
        return true;
    char last = s[end - 1];
    if (last == '/' || last == '|' || last == '>' || s[0] == '>')
        return true;
    if (end > 4 && strncasecmp(s + end - 4, " via", 4) == 0) /* a credit */
        return true;
    if (end >= 2 && memcmp(s + end - 2, "\xC2\xBB", 2) == 0) /* "»" */
        return true;
    if ((s[0] == '(' && last == ')') || (s[0] == '[' && last == ']'))
        return true;
    static const char *const pointers[] = {
        "(left)",  "(right)",  "(centre)", "(center)",  "(second from left)",
        "(second from right)", "(left to right)", "(from left)", "(l-r)",
        "(pictured)"};
    for (size_t k = 0; k < sizeof pointers / sizeof *pointers; k++) {
        size_t n = strlen(pointers[k]);
        for (size_t i = 0; i + n <= len; i++)
            if (s[i] == '(' && strncasecmp(s + i, pointers[k], n) == 0)
                return true;
    }
    return false;
}

bool title_shape(const lang_model *m, const char *s, size_t len)
{
    if (len == 0 || len > TITLE_MAX_BYTES || is_list_entry(s, len) ||
        looks_like_furniture(s, len))
        return false;
    shape sh = measure(s, len);
    if (sh.words > TITLE_MAX_WORDS || sh.letters < 2 || sh.inner_break)
        return false;
    /* A full stop, comma, semicolon or colon ends a sentence or leads on;
     * a headline may ask or exclaim. */
    if (sh.last == '.' || sh.last == ',' || sh.last == ';' || sh.last == ':' ||
        sh.last == 0x2026)
        return false;
    /* A dateline ("Friday, July 21, 2017") dates the article; it is no
     * title (a date with at most two words around it). */
    char date[11];
    size_t at, end;
    const char *months = m && m->months.len ? m->months.data : NULL;
    if (date_find_lang(s, len, months, date, &at, &end) &&
        measure(s, at).words + measure(s + end, len - end).words <= 2)
        return false;
    /* A notice ("We use cookies...", "Subscribe to our newsletter") or a
     * prompt is boilerplate, not the article's title. */
    return !(m && (bp_is_line(&m->boilerplate, s, len) ||
                   bp_is_sentence(&m->boilerplate, s, len)));
}

/* Body text follows a title: a sentence of four words or more, or a
 * long paragraph. A menu of short links ("Home", "Politics", "Sport"), a
 * list of names under a heading, or a notice is not body text. */
static bool body_like(const lang_model *m, const char *s, size_t len)
{
    /* A cookie or newsletter notice under a prompt is not body text. */
    if (m && bp_is_sentence(&m->boilerplate, s, len))
        return false;
    shape sh = measure(s, len);
    bool terminal = sh.last == '.' || sh.last == '!' || sh.last == '?' ||
                    sh.last == 0x2026 || sh.last == ':' || sh.last == ';';
    return (terminal && sh.words >= 4) || sh.words >= 15;
}

size_t title_find(const lang_model *m, const char *text, const span *paras,
                  size_t n)
{
    if (n < 2)
        return TITLE_NONE;
    const char *p0 = text + paras[0].off;
    size_t l0 = paras[0].len;
    if (!title_shape(m, p0, l0))
        return TITLE_NONE;
    /* "Politics" above "Minister resigns over leak" above the body: the
     * first line is a section label and the second the title. */
    if (n >= 3 && measure(p0, l0).words <= LABEL_MAX_WORDS) {
        const char *p1 = text + paras[1].off;
        size_t l1 = paras[1].len;
        if (title_shape(m, p1, l1) &&
            measure(p1, l1).words > measure(p0, l0).words &&
            body_like(m, text + paras[2].off, paras[2].len))
            return 1;
    }
    /* A standfirst or an author line may stand between the title and
     * the body: look at the next three paragraphs. */
    for (size_t k = 1; k < n && k <= 3; k++)
        if (body_like(m, text + paras[k].off, paras[k].len))
            return 0;
    return TITLE_NONE;
}
