/* fuzz_bdf: the font converter's parsers (tools/bdf2c.c: BDF, Unifont
 * .hex, the range list), on hostile fonts.
 *
 * bdf2c is a build tool that stops at the first error with exit(1) and
 * leaves its memory to the process exit. To fuzz it unchanged, this file
 * includes it with three substitutions: exit() jumps back here, realloc()
 * and free() keep every block on a list so that whatever a failed parse
 * held is freed, and its stderr is /dev/null (the messages would drown
 * libFuzzer's output). Its main() is renamed away.
 *
 * Byte 0: bit 0 reads the rest as Unifont .hex instead of BDF; bit 1
 * takes the first line of the rest as a range list ("20-7e,a0-ff"). The
 * rest is the font, read through zlib's gzdopen (so gzip input works as it
 * does in the build) from a memory file. A font that parses is also
 * prepared (sorted, checked, cropped) and emitted to /dev/null; its glyphs
 * must then be sorted by code point, unique, within the table's limits. */
#define _GNU_SOURCE /* memfd_create */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <zlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ==== the substitutions ==== */

static jmp_buf bdf_bail;
static int bdf_status;
static FILE *bdf_null;

static _Noreturn void bdf_exit(int status)
{
    bdf_status = status ? status : 1;
    longjmp(bdf_bail, 1);
}

/* Blocks handed to bdf2c, on a doubly linked list behind a header. */
typedef union block {
    struct {
        union block *prev, *next;
    } l;
    max_align_t align;
} block;

static block live = {{&live, &live}};

static void *bdf_realloc(void *p, size_t n)
{
    block *b = p ? (block *)p - 1 : NULL;
    if (b) {
        b->l.prev->l.next = b->l.next;
        b->l.next->l.prev = b->l.prev;
    }
    block *q = realloc(b, sizeof(block) + n);
    if (!q) {
        if (b)
            free(b);
        return NULL;
    }
    q->l.prev = &live;
    q->l.next = live.l.next;
    live.l.next->l.prev = q;
    live.l.next = q;
    return q + 1;
}

static void bdf_free(void *p)
{
    if (!p)
        return;
    block *b = (block *)p - 1;
    b->l.prev->l.next = b->l.next;
    b->l.next->l.prev = b->l.prev;
    free(b);
}

static void bdf_free_all(void)
{
    while (live.l.next != &live) {
        block *b = live.l.next;
        live.l.next = b->l.next;
        free(b);
    }
    live.l.prev = &live;
}

#define exit(status) bdf_exit(status)
#define realloc(p, n) bdf_realloc(p, n)
#define free(p) bdf_free(p)
#define main bdf2c_main
#undef stderr
#define stderr bdf_null

#include "../../tools/bdf2c.c"

#undef exit
#undef realloc
#undef free
#undef main
#undef stderr

/* ==== the target ==== */

static fontsrc font;

/* What the parse holds open, for closing after a jump out of it. */
static int open_fd = -1;
static gzFile open_in;

/* Runs the parser on fd (which it takes over); returns 0 when the font
 * was converted, the exit status when bdf2c gave up. */
static int convert(int fd, unsigned mode, const char *ranges)
{
    open_fd = fd;
    open_in = NULL;
    if (setjmp(bdf_bail)) {
        if (open_in)
            gzclose(open_in);
        else if (open_fd >= 0)
            close(open_fd);
        return bdf_status;
    }
    memset(&font, 0, sizeof font);
    font.name = "fuzz";
    font.path = font.base = "fuzz.bdf";
    cur_path = "fuzz";
    cur_line = 0;
    if (ranges)
        parse_ranges(&font, ranges);
    open_in = gzdopen(fd, "rb");
    if (!open_in) {
        close(fd);
        return -1;
    }
    if (mode & 1)
        read_hex(&font, open_in);
    else
        read_bdf(&font, open_in);
    gzclose(open_in);
    open_in = NULL;
    open_fd = -1;
    prepare(&font);
    emit_font(bdf_null, &font);
    return 0;
}

static void check_font(const fontsrc *f)
{
    if (!(f->n > 0 && f->ascent >= 0 && f->descent >= 0 &&
          f->ascent + f->descent > 0 &&
          f->ascent + f->descent <= MAX_GLYPH_SIDE))
        abort();
    for (size_t i = 0; i < f->n; i++) {
        const glyph *g = &f->g[i];
        if (i && g->cp <= f->g[i - 1].cp)
            abort();
        if (g->cp > 0x10FFFF || (g->cp >= 0xD800 && g->cp <= 0xDFFF))
            abort();
        if (g->w < 0 || g->h < 0 || g->w > MAX_GLYPH_SIDE ||
            g->h > MAX_GLYPH_SIDE || g->x < -128 || g->x > 127 ||
            g->y < -128 || g->y > 127 || g->dw < 0 || g->dw > 255)
            abort();
        if ((g->w && g->h) != (g->rows != NULL))
            abort();
        if (!in_ranges(f, g->cp))
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!bdf_null && !(bdf_null = fopen("/dev/null", "w")))
        abort();
    if (size == 0)
        return 0;
    unsigned mode = data[0];
    data++, size--;
    char ranges[256];
    if (mode & 2) {
        const uint8_t *nl = memchr(data, '\n', size);
        size_t len = nl ? (size_t)(nl - data) : size;
        size_t k = len < sizeof ranges - 1 ? len : sizeof ranges - 1;
        memcpy(ranges, data, k);
        ranges[k] = '\0';
        data += len + (nl != NULL);
        size -= len + (nl != NULL);
    }
    int fd = memfd_create("fuzz_bdf", 0);
    if (fd < 0)
        abort();
    for (size_t at = 0; at < size;) {
        ssize_t k = write(fd, data + at, size - at);
        if (k <= 0)
            abort();
        at += (size_t)k;
    }
    if (lseek(fd, 0, SEEK_SET) != 0)
        abort();
    int status = convert(fd, mode, (mode & 2) ? ranges : NULL);
    if (status == 0)
        check_font(&font);
    bdf_free_all();
    return 0;
}
