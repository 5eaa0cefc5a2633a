/* boilerplate.c: matching boilerplate rules against text.
 *
 * A pattern is literal text compared case-insensitively for ASCII letters,
 * with two wildcards: '#' for a run of digits and '*' for any text up to
 * STAR_MAX bytes (shortest match first). Matches start at a word start;
 * "line" and "sentence" matches must also end at a word end, while "strip"
 * matches may run into the next word, since scrapers glue boilerplate to
 * the text ("...this deviceThe visitors led"). */
#include "lang/boilerplate.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

#define STAR_MAX 300

static inline unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static inline bool is_alnum(unsigned char c)
{
    return (unsigned)(c - '0') < 10 || (unsigned)((c | 0x20) - 'a') < 26;
}

static inline bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* The hash of the first three bytes (ASCII letters folded) that indexes
 * bp_index.prefix3; s must have three bytes. */
static inline unsigned prefix_hash(const char *s)
{
    return ((unsigned)lower((unsigned char)s[0]) * 961u +
            (unsigned)lower((unsigned char)s[1]) * 31u +
            (unsigned)lower((unsigned char)s[2])) %
           BP_PREFIX_BITS;
}

/* Whether a rule of kind could match at s[i], a word start whose byte
 * can start a rule: the prefix test. */
static inline bool prefix_may_match(const bp_index *ix, enum bp_kind kind,
                                    const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (ix->check_always[kind][c])
        return true;
    if (len - i < 3)
        return false;
    unsigned h = prefix_hash(s + i);
    return ix->prefix3[kind][h / 8] & (1u << (h % 8));
}

size_t bp_match(const char *p, size_t plen, const char *s, size_t len, size_t i)
{
    const unsigned char *pat = (const unsigned char *)p;
    const unsigned char *txt = (const unsigned char *)s;
    for (size_t k = 0; k < plen; k++) {
        unsigned char c = pat[k];
        if (c == '#') {
            if (i >= len || !is_digit(txt[i]))
                return (size_t)-1;
            while (i < len && is_digit(txt[i]))
                i++;
        } else if (c == '*') {
            /* Only one '*' per pattern is honoured as a wildcard (see
             * bp_add), so this recursion is one level deep. */
            for (size_t skip = 0; skip <= STAR_MAX && i + skip <= len; skip++) {
                size_t end =
                    bp_match(p + k + 1, plen - k - 1, s, len, i + skip);
                if (end != (size_t)-1)
                    return end;
            }
            return (size_t)-1;
        } else {
            if (i >= len || lower(txt[i]) != lower(c))
                return (size_t)-1;
            i++;
        }
    }
    return i;
}

bool bp_add(bp_rules *r, const char *line, size_t len)
{
    static const struct {
        const char *name;
        enum bp_kind kind;
    } kinds[] = {
        {"strip", BP_STRIP},
        {"line", BP_LINE},
        {"sentence", BP_SENTENCE},
        {"caption", BP_CAPTION}};
    size_t w = 0;
    while (w < len && line[w] != ' ' && line[w] != '\t')
        w++;
    size_t k = w;
    while (k < len && (line[k] == ' ' || line[k] == '\t'))
        k++;
    if (k >= len)
        return false;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (strlen(kinds[i].name) != w || memcmp(line, kinds[i].name, w))
            continue;
        if (r->n == r->cap) {
            r->cap = r->cap ? r->cap * 2 : 32;
            r->rules = precis__reallocarray(r->rules, r->cap, sizeof *r->rules);
        }
        char *pat = precis__strndup(line + k, len - k);
        /* A second '*' would make matching exponential: keep it literal
         * by turning it into a character that never matches text. */
        char *star = strchr(pat, '*');
        if (star)
            for (char *q = strchr(star + 1, '*'); q; q = strchr(q + 1, '*'))
                *q = '\x01';
        /* Chains keep the file's order: a new rule goes to the end. */
        if (!r->ix)
            r->ix = precis__calloc(1, sizeof *r->ix);
        unsigned char c = lower((unsigned char)pat[0]);
        int32_t *link = c == '#' ? &r->ix->digit_head[kinds[i].kind]
                                 : &r->ix->head[kinds[i].kind][c];
        while (*link)
            link = &r->rules[*link - 1].next;
        uint32_t head4 = 0, mask4 = 0;
        for (size_t q = 0; q < 4 && q < len - k; q++) {
            unsigned char b = lower((unsigned char)pat[q]);
            if (b == '#' || b == '*' || b == '\x01')
                break;
            head4 |= (uint32_t)b << (8 * q);
            mask4 |= (uint32_t)0xFF << (8 * q);
        }
        r->rules[r->n] =
            (bp_rule){kinds[i].kind, pat, len - k, 0, head4, mask4};
        enum bp_kind kind = kinds[i].kind;
        bool *can = r->ix->can_start[kind];
        bool *always = r->ix->check_always[kind];
        bool literal3 = len - k >= 3;
        for (size_t q = 0; q < 3 && literal3; q++)
            literal3 = pat[q] != '#' && pat[q] != '*' && pat[q] != '\x01';
        if (literal3) {
            unsigned h = prefix_hash(pat);
            r->ix->prefix3[kind][h / 8] |= (uint8_t)(1u << (h % 8));
        }
        if (c == '#') {
            for (int dgt = '0'; dgt <= '9'; dgt++)
                can[dgt] = always[dgt] = true;
        } else {
            unsigned char upper = c >= 'a' && c <= 'z' ? c - 32 : c;
            can[c] = can[upper] = true;
            if (!literal3)
                always[c] = always[upper] = true;
        }
        *link = (int32_t)++r->n;
        return true;
    }
    return false;
}

void bp_free(bp_rules *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->rules[i].pat);
    free(r->rules);
    free(r->ix);
    memset(r, 0, sizeof *r);
}

static bool word_start(const char *s, size_t i)
{
    return i == 0 || !is_alnum((unsigned char)s[i - 1]);
}

/* The lower-cased bytes s[i..i+4) as bp_rule.head4 packs them (0 past
 * the end). */
static uint32_t text_head4(const char *s, size_t len, size_t i)
{
    uint32_t h = 0;
    for (size_t q = 0; q < 4 && i + q < len; q++)
        h |= (uint32_t)lower((unsigned char)s[i + q]) << (8 * q);
    return h;
}

/* The end of a match of rule at s[i] of kind, or (size_t)-1; head4 is
 * text_head4(s, len, i). */
static size_t match_rule(const bp_rule *rule, enum bp_kind kind, const char *s,
                         size_t len, size_t i, uint32_t head4)
{
    if ((head4 & rule->mask4) != rule->head4)
        return (size_t)-1;
    size_t end = bp_match(rule->pat, rule->len, s, len, i);
    if (end == (size_t)-1)
        return end;
    bool needs_word_end =
        kind != BP_STRIP && is_alnum((unsigned char)rule->pat[rule->len - 1]);
    if (needs_word_end && end < len && is_alnum((unsigned char)s[end]))
        return (size_t)-1;
    return end;
}

/* The end of the first match of a rule of kind at s[i], or (size_t)-1. */
static size_t match_kind(const bp_rules *r, enum bp_kind kind, const char *s,
                         size_t len, size_t i)
{
    unsigned char c = lower((unsigned char)s[i]);
    int32_t k = r->ix->head[kind][c];
    int32_t d = is_digit(c) ? r->ix->digit_head[kind] : 0;
    if ((!k && !d) || !word_start(s, i))
        return (size_t)-1;
    uint32_t head4 = text_head4(s, len, i);
    for (; k; k = r->rules[k - 1].next) {
        size_t end = match_rule(&r->rules[k - 1], kind, s, len, i, head4);
        if (end != (size_t)-1)
            return end;
    }
    for (; d; d = r->rules[d - 1].next) {
        size_t end = match_rule(&r->rules[d - 1], kind, s, len, i, head4);
        if (end != (size_t)-1)
            return end;
    }
    return (size_t)-1;
}

size_t bp_strip(const bp_rules *r, const char *s, size_t len, buf *out)
{
    size_t cuts = 0, run = 0, i = 0;
    if (!r->ix) {
        buf_put(out, s, len);
        return 0;
    }
    const bool *can_start = r->ix->can_start[BP_STRIP];
    while (i < len) {
        if (!can_start[(unsigned char)s[i]] ||
            (i > 0 && is_alnum((unsigned char)s[i - 1])) ||
            !prefix_may_match(r->ix, BP_STRIP, s, len, i)) {
            i++;
            continue;
        }
        size_t end = match_kind(r, BP_STRIP, s, len, i);
        if (end == (size_t)-1 || end == i) {
            i++;
            continue;
        }
        /* Keep one space where the cut joined two pieces of text. */
        size_t keep_end = i;
        while (keep_end > run && s[keep_end - 1] == ' ')
            keep_end--;
        buf_put(out, s + run, keep_end - run);
        while (end < len && s[end] == ' ')
            end++;
        if (keep_end > run && end < len)
            buf_putc(out, ' ');
        cuts++;
        run = i = end;
    }
    buf_put(out, s + run, len - run);
    return cuts;
}

/* Whether s has more than max words, reading only as far as needed. */
static bool more_words_than(const char *s, size_t len, size_t max)
{
    size_t words = 0;
    bool in = false;
    for (size_t i = 0; i < len && words <= max; i++) {
        bool space = s[i] == ' ';
        words += !space && !in;
        in = !space;
    }
    return words > max;
}

bool bp_is_line(const bp_rules *r, const char *s, size_t len)
{
    /* The rule test first: it fails at once for most lines. */
    return len > 0 && r->ix && r->ix->can_start[BP_LINE][(unsigned char)s[0]] &&
           prefix_may_match(r->ix, BP_LINE, s, len, 0) &&
           match_kind(r, BP_LINE, s, len, 0) != (size_t)-1 &&
           !more_words_than(s, len, BP_LINE_MAX_WORDS);
}

/* Whether a rule of kind matches at a word start anywhere in s. */
static bool holds_kind(const bp_rules *r, enum bp_kind kind, const char *s,
                       size_t len)
{
    if (!r->ix)
        return false;
    const bool *can_start = r->ix->can_start[kind];
    for (size_t i = 0; i < len; i++) {
        /* Most bytes start no rule, or are inside a word: skip them
         * without a call. */
        if (!can_start[(unsigned char)s[i]] ||
            (i > 0 && is_alnum((unsigned char)s[i - 1])) ||
            !prefix_may_match(r->ix, kind, s, len, i))
            continue;
        if (match_kind(r, kind, s, len, i) != (size_t)-1)
            return true;
    }
    return false;
}

bool bp_is_sentence(const bp_rules *r, const char *s, size_t len)
{
    return bp_is_line(r, s, len) || holds_kind(r, BP_SENTENCE, s, len);
}

bool bp_is_caption(const bp_rules *r, const char *s, size_t len)
{
    return holds_kind(r, BP_CAPTION, s, len);
}
