/* unicode.h: the character classes and transforms the pipeline needs,
 * on code points, through utf8proc. */
#ifndef PRECIS_UNICODE_H
#define PRECIS_UNICODE_H

#include "util/symbols.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

bool uc_is_letter_slow(int32_t cp); /* L* */
bool uc_is_mark(int32_t cp);        /* M*: combining marks stay in a word */
bool uc_is_upper_slow(int32_t cp);  /* Lu, Lt */
bool uc_is_lower_slow(int32_t cp);  /* Ll */
bool uc_is_digit(int32_t cp);       /* Nd */
/* Letters, marks and digits: the characters words are made of. */
bool uc_is_word_slow(int32_t cp);
/* Any Unicode space separator, tab, or line/paragraph separator. */
bool uc_is_space_slow(int32_t cp);
/* Format characters that carry nothing in plain text (zero-width space,
 * joiners, BOM, soft hyphen): ingest drops them. */
bool uc_is_invisible(int32_t cp);

/* Appends the case-folded form of s[0..len) (valid UTF-8) to out. */
/* The ASCII answers inline (most text is ASCII), the rest from utf8proc. */
static inline bool uc_is_letter(int32_t cp)
{
    if (cp >= 0 && cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    return uc_is_letter_slow(cp);
}

static inline bool uc_is_upper(int32_t cp)
{
    if (cp >= 0 && cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    return uc_is_upper_slow(cp);
}

static inline bool uc_is_lower(int32_t cp)
{
    if (cp >= 0 && cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return uc_is_lower_slow(cp);
}

static inline bool uc_is_word(int32_t cp)
{
    if (cp >= 0 && cp < 0x80)
        return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
               (cp >= '0' && cp <= '9');
    return uc_is_word_slow(cp);
}

static inline bool uc_is_space(int32_t cp)
{
    if (cp >= 0 && cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    return uc_is_space_slow(cp);
}

/* Lower-cases the run of ASCII bytes at the start of s[0..n) into out
 * (which has room for n) and returns its length: when that is n, out is
 * uc_casefold's result without the trip through utf8proc. */
static inline size_t uc_fold_ascii(char *out, const char *s, size_t n)
{
    size_t i = 0;
    for (; i < n && (unsigned char)s[i] < 0x80; i++)
        out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    return i;
}

void uc_casefold(buf *out, const char *s, size_t len);
/* Replaces b's contents with their NFC form. Returns false (leaving b
 * unchanged) if utf8proc rejects the text, which repaired input never
 * triggers. */
bool uc_nfc(buf *b);
/* Whether valid UTF-8 s is made only of characters NFC never changes
 * (then uc_nfc would leave it as it is). */
bool uc_nfc_inert(const char *s, size_t len);

#endif
