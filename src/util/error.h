/* error.h: recording an error's message beside its status. */
#ifndef PRECIS_ERROR_H
#define PRECIS_ERROR_H

#include "util/symbols.h"

#include "precis.h"
#include "util/buf.h"

/* Replaces msg with the formatted message (at most 511 bytes) and returns
 * status, so that a failing call can `return error_set(...)`. */
precis_status error_set(buf *msg, precis_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
