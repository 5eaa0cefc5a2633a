/* Names and ids as shown on a terminal: control characters escaped, so
 * that a file name or a record's id cannot drive the terminal. */
#ifndef PRECIS_CLI_QUOTE_H
#define PRECIS_CLI_QUOTE_H

#include <stddef.h>

#include "util/buf.h"

/* Appends s[0..len) to out as C writes it: \a \b \t \n \v \f \r, a
 * backslash as \\, any other control byte, C1 control (U+0080..U+009F)
 * or byte that is not UTF-8 as \ooo; printable UTF-8 as it is. */
void quote_for_terminal(buf *out, const char *s, size_t len);

/* Prints "summarize: NAME: MESSAGE\n" to stderr, NAME quoted
 * (quote_for_terminal); NULL name: "summarize: MESSAGE". */
void cli_error(const char *name, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
