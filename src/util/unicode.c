#include "util/unicode.h"

#include <stdlib.h>
#include <utf8proc.h>

#include "util/alloc.h"
#include "util/utf8.h"

static utf8proc_propval_t category(int32_t cp)
{
    if (cp < 0 || cp > 0x10FFFF)
        return UTF8PROC_CATEGORY_CN;
    return utf8proc_category(cp);
}

bool uc_is_letter_slow(int32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    utf8proc_propval_t c = category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool uc_is_mark(int32_t cp)
{
    if (cp < 0x80)
        return false;
    utf8proc_propval_t c = category(cp);
    return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

bool uc_is_upper_slow(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_propval_t c = category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool uc_is_lower_slow(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return category(cp) == UTF8PROC_CATEGORY_LL;
}

bool uc_is_digit(int32_t cp)
{
    if (cp < 0x80)
        return cp >= '0' && cp <= '9';
    return category(cp) == UTF8PROC_CATEGORY_ND;
}

bool uc_is_word_slow(int32_t cp)
{
    if (cp < 0x80)
        return uc_is_letter(cp) || (cp >= '0' && cp <= '9');
    utf8proc_propval_t c = category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME) ||
           c == UTF8PROC_CATEGORY_ND;
}

bool uc_is_space_slow(int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
               cp == '\f' || cp == '\v';
    utf8proc_propval_t c = category(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
           c == UTF8PROC_CATEGORY_ZP || cp == 0x85;
}

bool uc_is_invisible(int32_t cp)
{
    return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 ||
           cp == 0xFEFF || cp == 0x00AD;
}

void uc_casefold(buf *out, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            buf_putc(out, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
            i++;
            continue;
        }
        int32_t cp = u8_next(s, len, &i);
        /* Full case folding may give several code points (ß -> ss). */
        utf8proc_int32_t dst[8];
        int last = 0;
        utf8proc_ssize_t n =
            utf8proc_decompose_char(cp, dst, 8, UTF8PROC_CASEFOLD, &last);
        if (n < 0 || n > 8) {
            u8_put(out, cp);
            continue;
        }
        for (utf8proc_ssize_t k = 0; k < n; k++)
            u8_put(out, dst[k]);
    }
}

/* Whether cp leaves NFC unchanged whatever surrounds it: everything below
 * the combining marks (U+0300), general punctuation (quotes, dashes, the
 * ellipsis) and currency signs. U+2000 and U+2001 are the exceptions
 * there, but they are spaces, which ingest replaces anyway. */
static bool nfc_inert(int32_t cp)
{
    return cp < 0x300 || (cp >= 0x2000 && cp < 0x2070) ||
           (cp >= 0x20A0 && cp < 0x20D0);
}

bool uc_nfc_inert(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        i += u8_ascii_run(s + i, len - i);
        if (i == len)
            break;
        if (!nfc_inert(u8_next(s, len, &i)))
            return false;
    }
    return true;
}

bool uc_nfc(buf *b)
{
    /* Most news text is made only of such characters: then it is NFC
     * already, and the copy through utf8proc can be skipped. */
    if (uc_nfc_inert(buf_cstr(b), b->len))
        return true;
    utf8proc_uint8_t *res = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)b->data,
                                      (utf8proc_ssize_t)b->len, &res,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n == UTF8PROC_ERROR_NOMEM)
        precis__oom(); /* never silently skip normalisation */
    if (n < 0)
        return false;
    buf_clear(b);
    buf_put(b, res, (size_t)n);
    free(res);
    return true;
}
