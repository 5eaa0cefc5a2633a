#include "util/utf8.h"

#include <string.h>

/* Length of a sequence by its lead byte; 0 for bytes that cannot lead
 * (continuation bytes, the overlong leads C0 and C1, and F5..FF). */
static inline size_t lead_len(unsigned char c)
{
    if (c < 0x80)
        return 1;
    if (c < 0xC2)
        return 0;
    if (c < 0xE0)
        return 2;
    if (c < 0xF0)
        return 3;
    if (c < 0xF5)
        return 4;
    return 0;
}

/* Returns the length of the valid sequence at s (at most avail bytes), or
 * 0 when it is invalid; *cp receives the code point. */
static size_t decode_valid(const unsigned char *s, size_t avail, int32_t *cp)
{
    unsigned char c = s[0];
    size_t n = lead_len(c);
    if (n == 1) {
        *cp = c;
        return 1;
    }
    if (n == 0 || n > avail)
        return 0;
    unsigned char c1 = s[1];
    /* The second byte's range depends on the lead (Unicode table 3-7):
     * this rejects overlongs, surrogates and code points > U+10FFFF. */
    unsigned char lo = 0x80, hi = 0xBF;
    if (c == 0xE0)
        lo = 0xA0;
    else if (c == 0xED)
        hi = 0x9F;
    else if (c == 0xF0)
        lo = 0x90;
    else if (c == 0xF4)
        hi = 0x8F;
    if (c1 < lo || c1 > hi)
        return 0;
    for (size_t k = 2; k < n; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    if (n == 2)
        *cp = ((c & 0x1F) << 6) | (c1 & 0x3F);
    else if (n == 3)
        *cp = ((c & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (s[2] & 0x3F);
    else
        *cp = ((c & 0x07) << 18) | ((c1 & 0x3F) << 12) | ((s[2] & 0x3F) << 6) |
              (s[3] & 0x3F);
    return n;
}

/* Length of the maximal invalid subpart starting at s: the lead byte plus
 * the continuation bytes that could still have belonged to it. */
static size_t invalid_len(const unsigned char *s, size_t avail)
{
    size_t n = lead_len(s[0]);
    if (n <= 1)
        return 1;
    unsigned char lo = 0x80, hi = 0xBF;
    if (s[0] == 0xE0)
        lo = 0xA0;
    else if (s[0] == 0xED)
        hi = 0x9F;
    else if (s[0] == 0xF0)
        lo = 0x90;
    else if (s[0] == 0xF4)
        hi = 0x8F;
    size_t k = 1;
    if (k < avail && k < n && s[k] >= lo && s[k] <= hi) {
        k++;
        while (k < avail && k < n && (s[k] & 0xC0) == 0x80)
            k++;
    }
    return k;
}

size_t u8_ascii_run(const char *s, size_t len)
{
    size_t i = 0;
    for (; len - i >= 8; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080u)
            break;
    }
    while (i < len && (unsigned char)s[i] < 0x80)
        i++;
    return i;
}

/* Length of the longest valid UTF-8 prefix of s[0..len): ASCII runs
 * skipped eight bytes at a time, other sequences decoded. */
static size_t valid_prefix(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        i += u8_ascii_run(str + i, len - i);
        if (i == len)
            break;
        int32_t cp;
        size_t n = decode_valid(s + i, len - i, &cp);
        if (!n)
            break;
        i += n;
    }
    return i;
}

bool u8_is_valid(const char *str, size_t len)
{
    return valid_prefix(str, len) == len;
}

size_t u8_repair(buf *out, const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0, run = 0, fixes = 0;
    buf_grow(out, len);
    while (i < len) {
        /* Valid text is copied in runs; each maximal invalid subpart
         * becomes one U+FFFD. */
        i += valid_prefix(str + i, len - i);
        if (i == len)
            break;
        buf_put(out, s + run, i - run);
        u8_put(out, UTF8_REPLACEMENT);
        fixes++;
        i += invalid_len(s + i, len - i);
        run = i;
    }
    buf_put(out, s + run, len - run);
    return fixes;
}

int32_t u8_next_slow(const char *str, size_t len, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    if (*i >= len)
        return -1;
    if (s[*i] < 0x80)
        return s[(*i)++];
    int32_t cp;
    size_t n = decode_valid(s + *i, len - *i, &cp);
    if (!n) {
        (*i)++;
        return UTF8_REPLACEMENT;
    }
    *i += n;
    return cp;
}

int32_t u8_prev(const char *str, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t end = *i, start = end - 1;
    while (start > 0 && end - start < 4 && (s[start] & 0xC0) == 0x80)
        start--;
    size_t j = start;
    int32_t cp = u8_next(str, end, &j);
    if (j != end) { /* malformed: step back one byte only */
        *i = end - 1;
        return UTF8_REPLACEMENT;
    }
    *i = start;
    return cp;
}

size_t u8_encode(int32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = UTF8_REPLACEMENT;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

void u8_put_slow(buf *b, int32_t cp)
{
    char tmp[4];
    buf_put(b, tmp, u8_encode(cp, tmp));
}

size_t u8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}
