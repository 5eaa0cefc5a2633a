/* utf8.h: UTF-8 decoding, encoding and repair.
 *
 * Ingest calls u8_repair once; every later stage may assume valid
 * UTF-8 and use u8_next, which never reads past the end it is given. */
#ifndef PRECIS_UTF8_H
#define PRECIS_UTF8_H

#include "util/symbols.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

#define UTF8_REPLACEMENT 0xFFFD

/* Appends s[0..len) to out with every invalid sequence (bad lead byte,
 * truncated, overlong, surrogate, above U+10FFFF) replaced by U+FFFD, one
 * replacement per maximal invalid subpart as Unicode recommends. Returns
 * the number of replacements made. */
size_t u8_repair(buf *out, const char *s, size_t len);

/* The length of the run of ASCII bytes at the start of s[0..len), read
 * eight bytes at a time: most text is mostly ASCII, and the scans that
 * only care about the other bytes skip the run with this. */
size_t u8_ascii_run(const char *s, size_t len);

/* Whether s[0..len) is valid UTF-8 already (u8_repair would change
 * nothing). */
bool u8_is_valid(const char *s, size_t len);

/* Decodes the code point at s[*i] (valid UTF-8 assumed, len the end) and
 * advances *i past it. Returns U+FFFD and advances one byte on anything
 * malformed, so a loop always terminates. */
int32_t u8_next_slow(const char *s, size_t len, size_t *i);
static inline int32_t u8_next(const char *s, size_t len, size_t *i)
{
    if (*i < len && (unsigned char)s[*i] < 0x80)
        return (unsigned char)s[(*i)++];
    return u8_next_slow(s, len, i);
}

/* Decodes the code point that ends just before s[*i] and moves *i back
 * to its first byte. *i must be > 0. */
int32_t u8_prev(const char *s, size_t *i);

/* Writes cp as UTF-8 into out (at least 4 bytes); returns the length. */
size_t u8_encode(int32_t cp, char *out);
void u8_put_slow(buf *b, int32_t cp);
static inline void u8_put(buf *b, int32_t cp)
{
    if (cp >= 0 && cp < 0x80)
        buf_putc(b, (char)cp);
    else
        u8_put_slow(b, cp);
}

/* Number of code points in s[0..len). */
size_t u8_count(const char *s, size_t len);

#endif
