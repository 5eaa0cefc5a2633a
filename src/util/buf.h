/* buf.h: a growable byte buffer, always NUL-terminated (cmark_strbuf).
 *
 * A zeroed buf is valid and empty. buf_detach hands the bytes to the
 * caller, who frees them with free(). */
#ifndef PRECIS_BUF_H
#define PRECIS_BUF_H

#include "util/symbols.h"

#include <stddef.h>
#include <string.h>

typedef struct buf {
    char *data; /* NUL-terminated when cap > 0; NULL when never grown */
    size_t len;
    size_t cap;
} buf;

void buf_grow(buf *b, size_t extra);
void buf_put_slow(buf *b, const void *p, size_t n);
void buf_puts(buf *b, const char *s);
void buf_putc_slow(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Returns the bytes (NUL-terminated, never NULL) and resets b. */
char *buf_detach(buf *b, size_t *len);
void buf_free(buf *b);
/* Appending is in every inner loop of ingest: the common case, room
 * left, stays inline; growing goes through the slow path. */
static inline void buf_putc(buf *b, char c)
{
    if (b->len + 1 < b->cap) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
    } else {
        buf_putc_slow(b, c);
    }
}

static inline void buf_put(buf *b, const void *p, size_t n)
{
    if (n < b->cap - b->len) {
        if (n)
            memcpy(b->data + b->len, p, n);
        b->len += n;
        b->data[b->len] = '\0';
    } else {
        buf_put_slow(b, p, n);
    }
}

static inline void buf_clear(buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

/* A read-only view: "" when the buffer was never grown. */
static inline const char *buf_cstr(const buf *b)
{
    return b->data ? b->data : "";
}

#endif
