/* error.c: the last-error message that a context keeps for its caller. */
#include <stdarg.h>
#include <stdio.h>

#include "util/error.h"

precis_status error_set(buf *msg, precis_status status, const char *fmt, ...)
{
    buf_clear(msg);
    va_list ap;
    va_start(ap, fmt);
    char text[512];
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    buf_puts(msg, text);
    return status;
}
