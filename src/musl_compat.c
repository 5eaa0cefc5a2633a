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
