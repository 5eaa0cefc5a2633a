/* One escaper for every name and id written to standard error, and the
 * message line that uses it. */
#include "cli/quote.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "util/utf8.h"

/* The bytes of the valid UTF-8 sequence at s (of at most len), or 0. */
static size_t utf8_sequence(const unsigned char *s, size_t len)
{
    unsigned c = s[0];
    size_t k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (!k || k > len || !u8_is_valid((const char *)s, k))
        return 0;
    return k;
}

static void put_escaped(buf *out, unsigned char c)
{
    static const char letters[] = "abtnvfr"; /* \a = 7 .. \r = 13 */
    if (c == '\\')
        buf_put(out, "\\\\", 2);
    else if (c >= 7 && c <= 13) {
        buf_putc(out, '\\');
        buf_putc(out, letters[c - 7]);
    } else
        buf_printf(out, "\\%03o", c);
}

void quote_for_terminal(buf *out, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        unsigned c = p[i];
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7F || c == '\\')
                put_escaped(out, (unsigned char)c);
            else
                buf_putc(out, (char)c);
            i++;
            continue;
        }
        size_t k = utf8_sequence(p + i, len - i);
        /* A C1 control (C2 80..C2 9F) is a terminal command too (0x9B is
         * CSI): both its bytes escaped. */
        bool c1 = k == 2 && c == 0xC2 && p[i + 1] < 0xA0;
        if (k && !c1) {
            buf_put(out, s + i, k);
            i += k;
            continue;
        }
        for (size_t j = 0; j < (c1 ? 2u : 1u); j++, i++)
            put_escaped(out, p[i]);
    }
}

void cli_error(const char *name, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!name) {
        fprintf(stderr, "summarize: %s\n", msg);
        return;
    }
    buf shown = {0};
    quote_for_terminal(&shown, name, strlen(name));
    fprintf(stderr, "summarize: %s: %s\n", buf_cstr(&shown), msg);
    buf_free(&shown);
}
