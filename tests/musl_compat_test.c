/* musl_compat_test.c: src/musl_compat.c linked like the musl summarize.
 * memcpy at every length to 300 and several alignments; memmove (musl's,
 * which copies forwards through our __memcpy_fwd) over every overlap up
 * to 70 bytes either way; the glibc checked functions the archives call. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int __snprintf_chk(char *s, size_t maxlen, int flag, size_t slen,
                   const char *format, ...);
void *__memcpy_chk(void *dest, const void *src, size_t n, size_t destlen);
char *__strncpy_chk(char *dest, const char *src, size_t n, size_t destlen);

static int failures;

static void expect(int ok, const char *what, int a, int b)
{
    if (!ok && failures++ < 10)
        fprintf(stderr, "musl_compat_test: %s (%d, %d)\n", what, a, b);
}

static unsigned char pattern(int i)
{
    return (unsigned char)(i * 7 + 1);
}

int main(void)
{
    unsigned char src[400], dst[400];
    for (int i = 0; i < 400; i++)
        src[i] = pattern(i);
    for (int n = 0; n <= 300; n++)
        for (int align = 0; align < 8; align++) {
            memset(dst, 0xEE, sizeof dst);
            memcpy(dst + align, src + 3, (size_t)n);
            int ok = memcmp(dst + align, src + 3, (size_t)n) == 0;
            for (int i = 0; i < align; i++)
                ok = ok && dst[i] == 0xEE;
            for (int i = align + n; i < 400; i++)
                ok = ok && dst[i] == 0xEE;
            expect(ok, "memcpy", n, align);
        }

    unsigned char buf[400], ref[400], tmp[400];
    for (int n = 0; n < 120; n++)
        for (int off = -70; off <= 70; off++) {
            for (int i = 0; i < 400; i++)
                buf[i] = ref[i] = pattern(i);
            int from = 150, to = 150 + off;
            memmove(buf + to, buf + from, (size_t)n);
            for (int i = 0; i < n; i++)
                tmp[i] = ref[from + i];
            for (int i = 0; i < n; i++)
                ref[to + i] = tmp[i];
            expect(memcmp(buf, ref, sizeof buf) == 0, "memmove", n, off);
        }

    char out[16];
    int len = __snprintf_chk(out, sizeof out, 1, sizeof out, "%s-%d", "ab", 42);
    expect(len == 5 && strcmp(out, "ab-42") == 0, "__snprintf_chk", len, 0);
    char small[8];
    __memcpy_chk(small, "1234567", 8, sizeof small);
    expect(strcmp(small, "1234567") == 0, "__memcpy_chk", 0, 0);
    __strncpy_chk(small, "xy", sizeof small, sizeof small);
    expect(strcmp(small, "xy") == 0 && small[7] == 0, "__strncpy_chk", 0, 0);

    printf("musl_compat_test: %d failures\n", failures);
    return failures != 0;
}
