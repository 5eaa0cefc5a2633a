/* musl_compat.c: what Debian's static archives of libpng, zlib, jansson
 * expect from glibc, for the summarize that is linked against musl.
 *
 * Those archives were compiled against glibc's headers with
 * _FORTIFY_SOURCE, so they call glibc's checked variants (__memcpy_chk,
 * __snprintf_chk...) where the plain function would do. musl has the
 * plain ones; these do the same check glibc does (abort when the buffer
 * is smaller than the length) and call them. Everything else the
 * archives use is standard C or POSIX with the same layout in both
 * (jmp_buf is 200 bytes in both, and libpng's setjmp and longjmp both
 * resolve to musl's). Built only into the musl summarize. */
#include <setjmp.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Declared here only: no header has them (they are glibc's). */
int __snprintf_chk(char *s, size_t maxlen, int flag, size_t slen,
                   const char *format, ...);
int __vsnprintf_chk(char *s, size_t maxlen, int flag, size_t slen,
                    const char *format, va_list ap);
int __fprintf_chk(FILE *f, int flag, const char *format, ...);
char *__strncpy_chk(char *dest, const char *src, size_t n, size_t destlen);
void *__memcpy_chk(void *dest, const void *src, size_t n, size_t destlen);
_Noreturn void __longjmp_chk(jmp_buf env, int val);

int __vsnprintf_chk(char *s, size_t maxlen, int flag, size_t slen,
                    const char *format, va_list ap)
{
    (void)flag;
    if (maxlen > slen)
        abort();
    return vsnprintf(s, maxlen, format, ap);
}

int __snprintf_chk(char *s, size_t maxlen, int flag, size_t slen,
                   const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    int n = __vsnprintf_chk(s, maxlen, flag, slen, format, ap);
    va_end(ap);
    return n;
}

int __fprintf_chk(FILE *f, int flag, const char *format, ...)
{
    (void)flag;
    va_list ap;
    va_start(ap, format);
    int n = vfprintf(f, format, ap);
    va_end(ap);
    return n;
}

char *__strncpy_chk(char *dest, const char *src, size_t n, size_t destlen)
{
    if (destlen < n)
        abort();
    return strncpy(dest, src, n);
}

void *__memcpy_chk(void *dest, const void *src, size_t n, size_t destlen)
{
    if (destlen < n)
        abort();
    return memcpy(dest, src, n);
}

_Noreturn void __longjmp_chk(jmp_buf env, int val)
{
    longjmp(env, val);
}

/* memcpy: musl's copies with rep movsq, whose start-up costs dozens of
 * cycles, while most of Precis's copies are a word or a line long (keys,
 * spans, rows). Short copies here are two overlapping loads and stores,
 * long ones 32 bytes at a time. (musl's memcpy.o also holds
 * __memcpy_fwd, for memmove: it is below.) The loops stay loops: GCC
 * would otherwise turn them into calls to memcpy, this function. */
void *__memcpy_fwd(void *dest, const void *src, size_t n);

__attribute__((optimize("no-tree-loop-distribute-patterns"))) void *
memcpy(void *restrict dest, const void *restrict src, size_t n)
{
    unsigned char *d = dest;
    const unsigned char *s = src;
    if (n <= 16) {
        if (n >= 8) {
            uint64_t a, b;
            __builtin_memcpy(&a, s, 8);
            __builtin_memcpy(&b, s + n - 8, 8);
            __builtin_memcpy(d, &a, 8);
            __builtin_memcpy(d + n - 8, &b, 8);
        } else if (n >= 4) {
            uint32_t a, b;
            __builtin_memcpy(&a, s, 4);
            __builtin_memcpy(&b, s + n - 4, 4);
            __builtin_memcpy(d, &a, 4);
            __builtin_memcpy(d + n - 4, &b, 4);
        } else if (n > 0) {
            unsigned char a = s[0], b = s[n / 2], c = s[n - 1];
            d[0] = a;
            d[n / 2] = b;
            d[n - 1] = c;
        }
        return dest;
    }
    if (n <= 32) {
        unsigned char a[16], b[16];
        __builtin_memcpy(a, s, 16);
        __builtin_memcpy(b, s + n - 16, 16);
        __builtin_memcpy(d, a, 16);
        __builtin_memcpy(d + n - 16, b, 16);
        return dest;
    }
    unsigned char tail[32];
    __builtin_memcpy(tail, s + n - 32, 32);
    for (size_t i = 0; i + 32 <= n; i += 32)
        __builtin_memcpy(d + i, s + i, 32);
    __builtin_memcpy(d + n - 32, tail, 32);
    return dest;
}

/* musl's memmove copies forwards through this (when dest is below src,
 * or the two do not overlap), so it must allow overlap: a word at a time,
 * each loaded before it is stored, and no restrict. */
__attribute__((optimize("no-tree-loop-distribute-patterns"))) void *
__memcpy_fwd(void *dest, const void *src, size_t n)
{
    unsigned char *d = dest;
    const unsigned char *s = src;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        __builtin_memcpy(&w, s + i, 8);
        __builtin_memcpy(d + i, &w, 8);
    }
    for (; i < n; i++)
        d[i] = s[i];
    return dest;
}
