/* render_png.c: a canvas as PNG, or a scrolling strip as APNG, through
 * libpng. The only file with setjmp: libpng reports errors by calling
 * our error function, which records the message and longjmps back to
 * the encoder (the rwpng_write_image_init pattern, minus the print).
 *
 * The encoder writes into a memory buffer and hands it over only when the
 * image is complete, so a failure leaves the caller's output untouched.
 *
 * Determinism: no tIME, tEXt, gAMA or pHYs chunks, fixed compression
 * level and filters, a palette sorted by colour. The same canvas gives the
 * same bytes with the same zlib (other zlib builds, zlib-ng for one, give
 * other bytes for the same pixels: compare decoded pixels in tests). */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>
#include <zlib.h>

#include "util/alloc.h"
#include "render/canvas.h"

/* ==== choosing the PNG type ==== */

/* The smallest PNG type that holds every pixel exactly. */
typedef struct png_plan {
    int color_type;    /* PNG_COLOR_TYPE_GRAY, _PALETTE or _RGB */
    int depth;         /* bits a sample: 1, 2, 4 or 8 */
    uint32_t pal[256]; /* palette, sorted ascending */
    int n_pal;
} png_plan;

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int bits_for(int count)
{
    return count <= 2 ? 1 : count <= 4 ? 2 : count <= 16 ? 4 : 8;
}

/* Collects c's distinct colours into p->pal (up to 256; *many is set when
 * there are more) with a small open-addressing set. */
static void collect_colours(const canvas *c, png_plan *p, int *many)
{
    enum { SLOTS = 1024 };
    uint32_t slot[SLOTS];
    unsigned char used[SLOTS] = {0};
    int n = 0;
    *many = 0;
    size_t npx = (size_t)c->w * (size_t)c->h;
    uint32_t last = 0;
    int have_last = 0;
    for (size_t i = 0; i < npx; i++) {
        const uint8_t *q = c->px + i * (size_t)c->ch;
        uint32_t v = c->ch == 1
                         ? (uint32_t)q[0] * 0x010101u
                         : (uint32_t)q[0] << 16 | (uint32_t)q[1] << 8 | q[2];
        if (have_last && v == last)
            continue;
        last = v;
        have_last = 1;
        size_t h = (v * 2654435761u) >> 22 & (SLOTS - 1);
        while (used[h] && slot[h] != v)
            h = (h + 1) & (SLOTS - 1);
        if (used[h])
            continue;
        if (n == 256) {
            *many = 1;
            return;
        }
        used[h] = 1;
        slot[h] = v;
        p->pal[n++] = v;
    }
    p->n_pal = n;
    qsort(p->pal, (size_t)n, sizeof *p->pal, cmp_u32);
}

static void plan_png(const canvas *c, precis_pixels pixels, png_plan *p)
{
    memset(p, 0, sizeof *p);
    if (pixels == PRECIS_PIXELS_RGB) {
        p->color_type = PNG_COLOR_TYPE_RGB;
        p->depth = 8;
        return;
    }
    if (pixels == PRECIS_PIXELS_GREY) {
        p->color_type = PNG_COLOR_TYPE_GRAY;
        p->depth = 8;
        return;
    }
    if (pixels == PRECIS_PIXELS_MONO) {
        p->color_type = PNG_COLOR_TYPE_GRAY;
        p->depth = 1;
        return;
    }
    /* The canvas was quantised to these levels (render_image.c). */
    if (pixels == PRECIS_PIXELS_GREY2 || pixels == PRECIS_PIXELS_GREY4) {
        p->color_type = PNG_COLOR_TYPE_GRAY;
        p->depth = pixels == PRECIS_PIXELS_GREY2 ? 2 : 4;
        return;
    }
    int many;
    collect_colours(c, p, &many);
    if (many) {
        p->color_type = PNG_COLOR_TYPE_RGB;
        p->depth = 8;
        return;
    }
    /* Grey when every colour is grey and grey needs no more bits than a
     * palette would: e-ink firmware prefers grey, and it needs no PLTE. */
    int grey = 1, grey_bits = 1;
    for (int i = 0; i < p->n_pal && grey; i++) {
        uint32_t v = p->pal[i], g = v & 0xFF;
        if (v != g * 0x010101u) {
            grey = 0;
            break;
        }
        int need = g % 255 == 0 ? 1 : g % 85 == 0 ? 2 : g % 17 == 0 ? 4 : 8;
        grey_bits = need > grey_bits ? need : grey_bits;
    }
    int pal_bits = bits_for(p->n_pal);
    if (grey && grey_bits <= pal_bits) {
        p->color_type = PNG_COLOR_TYPE_GRAY;
        p->depth = grey_bits;
        p->n_pal = 0;
        return;
    }
    p->color_type = PNG_COLOR_TYPE_PALETTE;
    p->depth = pal_bits;
}

static int pal_index(const png_plan *p, uint32_t v)
{
    int lo = 0, hi = p->n_pal - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (p->pal[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Packs w pixels of c's row y, from column x0 on (wrapping around c's
 * width, for animation frames), into out as p says. */
static void pack_row(const canvas *c, int y, int x0, int w, const png_plan *p,
                     uint8_t *out)
{
    int ch = c->ch;
    const uint8_t *row = c->px + (size_t)y * (size_t)c->w * (size_t)ch;
    if (p->color_type == PNG_COLOR_TYPE_RGB) {
        for (int i = 0; i < w; i++) {
            const uint8_t *q = row + (size_t)((x0 + i) % c->w) * (size_t)ch;
            out[3 * i] = q[0];
            out[3 * i + 1] = q[ch == 3];
            out[3 * i + 2] = q[2 * (ch == 3)];
        }
        return;
    }
    int d = p->depth;
    if (d == 8 && ch == 1 && p->color_type == PNG_COLOR_TYPE_GRAY &&
        x0 + w <= c->w) {
        memcpy(out, row + x0, (size_t)w); /* a Kindle page: as it is */
        return;
    }
    size_t nbytes = ((size_t)w * (size_t)d + 7) / 8;
    memset(out, 0, nbytes);
    if (ch == 1 && p->color_type == PNG_COLOR_TYPE_GRAY && x0 + w <= c->w) {
        /* Grey pages at 1, 2 or 4 bits (TRMNL, e-paper): no wrap, no
         * luma, no palette. */
        const uint8_t *q = row + x0;
        for (int i = 0; i < w; i++) {
            unsigned v = d == 1 ? q[i] >= 128 : (unsigned)q[i] >> (8 - d);
            size_t bitpos = (size_t)i * (size_t)d;
            out[bitpos / 8] |= (uint8_t)(v << (8 - d - bitpos % 8));
        }
        return;
    }
    for (int i = 0; i < w; i++) {
        const uint8_t *q = row + (size_t)((x0 + i) % c->w) * (size_t)ch;
        unsigned v;
        if (p->color_type == PNG_COLOR_TYPE_PALETTE) {
            uint32_t rgb =
                ch == 1 ? (uint32_t)q[0] * 0x010101u
                        : (uint32_t)q[0] << 16 | (uint32_t)q[1] << 8 | q[2];
            v = (unsigned)pal_index(p, rgb);
        } else {
            unsigned g = ch == 1 ? q[0]
                                 : canvas_luma((uint32_t)q[0] << 16 |
                                               (uint32_t)q[1] << 8 | q[2]);
            /* 1-bit: a threshold; 2 and 4 bits: the levels are exact. */
            v = d == 1 ? g >= 128 : g >> (8 - d);
        }
        size_t bitpos = (size_t)i * (size_t)d;
        out[bitpos / 8] |= (uint8_t)(v << (8 - d - bitpos % 8));
    }
}

static size_t row_bytes(const png_plan *p, int w)
{
    int samples = p->color_type == PNG_COLOR_TYPE_RGB ? 3 : 1;
    return ((size_t)w * (size_t)samples * (size_t)p->depth + 7) / 8;
}

/* ==== libpng plumbing ==== */

/* Everything the callbacks touch lives on the heap, reached through a
 * pointer that does not change after setjmp, so nothing needs to be
 * volatile. */
typedef struct pngw {
    jmp_buf jb;
    buf out; /* the encoded bytes */
    char *err;
    size_t errsize;
} pngw;

static void on_error(png_structp png, png_const_charp msg)
{
    pngw *w = png_get_error_ptr(png);
    if (w->err && w->errsize)
        snprintf(w->err, w->errsize, "libpng: %s", msg);
    longjmp(w->jb, 1);
}

static void on_warning(png_structp png, png_const_charp msg)
{
    (void)png; /* Warnings are not errors: the image is still right. */
    (void)msg;
}

static void on_write(png_structp png, png_bytep data, size_t len)
{
    pngw *w = png_get_io_ptr(png);
    buf_put(&w->out, data, len);
}

static void on_flush(png_structp png)
{
    (void)png;
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* Sets up png for a w x h image as plan p says. */
static void write_header(png_structp png, png_infop info, const png_plan *p,
                         int w, int h)
{
    png_set_write_fn(png, png_get_io_ptr(png), on_write, on_flush);
    png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, p->depth,
                 p->color_type, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (p->color_type == PNG_COLOR_TYPE_PALETTE) {
        png_color pal[256];
        for (int i = 0; i < p->n_pal; i++) {
            pal[i].red = (png_byte)(p->pal[i] >> 16);
            pal[i].green = (png_byte)(p->pal[i] >> 8);
            pal[i].blue = (png_byte)p->pal[i];
        }
        png_set_PLTE(png, info, pal, p->n_pal);
    }
    /* zlib's level 9 spends its time on long match chains in rows of
     * one colour, which is what a page of text mostly is: level 6 is two
     * to seven times as fast for 2 to 7% more bytes; above half a
     * megapixel (Kindle, TRMNL X pages) level 4 and no filters keep a
     * page under 50 ms. */
    int large = (long)w * (long)h > 524288L;
    png_set_compression_level(png, large ? 4 : 6);
    /* Filters help only 8-bit samples; libpng would skip them for packed
     * and palette rows anyway, this makes it explicit. */
    if (large || p->depth < 8 || p->color_type == PNG_COLOR_TYPE_PALETTE)
        png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
}

/* ==== PNG ==== */

int img_png_encode(const canvas *c, precis_pixels pixels, buf *out, char *err,
               size_t errsize)
{
    png_plan *plan = precis__malloc(sizeof *plan);
    plan_png(c, pixels, plan);
    uint8_t *row = precis__malloc(row_bytes(plan, c->w));
    pngw *w = precis__calloc(1, sizeof *w);
    w->err = err;
    w->errsize = errsize;
    png_structp png =
        png_create_write_struct(PNG_LIBPNG_VER_STRING, w, on_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    int rc = -1;
    if (!info) {
        if (err && errsize)
            snprintf(err, errsize, "libpng: cannot create a write struct");
        goto done;
    }
    if (setjmp(w->jb))
        goto done; /* on_error recorded the message */
    png_init_io(png, NULL);
    png_set_write_fn(png, w, on_write, on_flush);
    write_header(png, info, plan, c->w, c->h);
    png_write_info(png, info);
    for (int y = 0; y < c->h; y++) {
        pack_row(c, y, 0, c->w, plan, row);
        png_write_row(png, row);
    }
    png_write_end(png, NULL);
    buf_put(out, w->out.data, w->out.len);
    rc = 0;
done:
    png_destroy_write_struct(png ? &png : NULL, info ? &info : NULL);
    buf_free(&w->out);
    free(w);
    free(row);
    free(plan);
    return rc;
}

/* ==== APNG ====
 *
 * Layout: signature, IHDR, PLTE, acTL, then for frame 0 an fcTL and the
 * ordinary IDAT (so a viewer without APNG shows the first frame), then
 * for every later frame an fcTL and an fdAT holding its compressed rows
 * behind a sequence number, then IEND. fcTL and fdAT share one sequence
 * counter. libpng writes IHDR, PLTE, IDAT and IEND; png_write_chunk
 * writes the three APNG chunks. Every frame covers the whole canvas
 * (scrolling changes every pixel, so sub-rectangles would not help), with
 * dispose op NONE and blend op SOURCE. */

static void write_fctl(png_structp png, uint32_t seq, int w, int h,
                       unsigned delay_ms)
{
    uint8_t d[26];
    put32(d, seq);
    put32(d + 4, (uint32_t)w);
    put32(d + 8, (uint32_t)h);
    put32(d + 12, 0);                 /* x offset */
    put32(d + 16, 0);                 /* y offset */
    d[20] = (uint8_t)(delay_ms >> 8); /* delay numerator */
    d[21] = (uint8_t)delay_ms;
    d[22] = 1000 >> 8; /* delay denominator: milliseconds */
    d[23] = 1000 & 0xFF;
    d[24] = 0; /* dispose: none */
    d[25] = 0; /* blend: source */
    png_write_chunk(png, (png_const_bytep) "fcTL", d, sizeof d);
}

/* A frame's rows, filter byte 0 before each, deflated into z (4 bytes of
 * sequence number first, as fdAT wants). Returns 0 or -1. */
static int deflate_frame(z_stream *zs, const canvas *tape, int x0, int fw,
                         const png_plan *p, uint8_t *raw, size_t stride, buf *z)
{
    for (int y = 0; y < tape->h; y++) {
        raw[(size_t)y * (stride + 1)] = 0;
        pack_row(tape, y, x0, fw, p, raw + (size_t)y * (stride + 1) + 1);
    }
    size_t raw_len = (size_t)tape->h * (stride + 1);
    if (deflateReset(zs) != Z_OK)
        return -1;
    size_t bound = deflateBound(zs, (uLong)raw_len);
    buf_clear(z);
    buf_grow(z, 4 + bound);
    zs->next_in = raw;
    zs->avail_in = (uInt)raw_len;
    zs->next_out = (Bytef *)z->data + 4;
    zs->avail_out = (uInt)bound;
    if (deflate(zs, Z_FINISH) != Z_STREAM_END)
        return -1;
    z->len = 4 + (bound - zs->avail_out);
    return 0;
}

int img_apng_encode(const canvas *tape, int frame_w, int step, unsigned delay_ms,
                precis_pixels pixels, buf *out, char *err, size_t errsize)
{
    if (step < 1 || frame_w < 1 || tape->w % step != 0 || delay_ms > 65535) {
        if (err && errsize)
            snprintf(err, errsize, "bad animation parameters");
        return -1;
    }
    uint32_t frames = (uint32_t)(tape->w / step);
    png_plan *plan = precis__malloc(sizeof *plan);
    plan_png(tape, pixels, plan);
    size_t stride = row_bytes(plan, frame_w);
    uint8_t *row = precis__malloc(stride);
    uint8_t *raw = precis__reallocarray(NULL, (size_t)tape->h, stride + 1);
    buf *z = precis__calloc(1, sizeof *z);
    z_stream *zs = precis__calloc(1, sizeof *zs);
    int zok = deflateInit(zs, 9) == Z_OK;
    pngw *w = precis__calloc(1, sizeof *w);
    w->err = err;
    w->errsize = errsize;
    png_structp png = zok ? png_create_write_struct(PNG_LIBPNG_VER_STRING, w,
                                                    on_error, on_warning)
                          : NULL;
    png_infop info = png ? png_create_info_struct(png) : NULL;
    int rc = -1;
    if (!info) {
        if (err && errsize)
            snprintf(err, errsize, "cannot set up the PNG writer");
        goto done;
    }
    if (setjmp(w->jb))
        goto done;
    png_set_write_fn(png, w, on_write, on_flush);
    write_header(png, info, plan, frame_w, tape->h);
    png_write_info(png, info);

    uint8_t actl[8];
    put32(actl, frames);
    put32(actl + 4, 0); /* plays: 0 = forever */
    png_write_chunk(png, (png_const_bytep) "acTL", actl, sizeof actl);
    uint32_t seq = 0;
    write_fctl(png, seq++, frame_w, tape->h, delay_ms);
    for (int y = 0; y < tape->h; y++) {
        pack_row(tape, y, 0, frame_w, plan, row);
        png_write_row(png, row);
    }
    for (uint32_t f = 1; f < frames; f++) {
        write_fctl(png, seq++, frame_w, tape->h, delay_ms);
        if (deflate_frame(zs, tape, (int)f * step, frame_w, plan, raw, stride,
                          z) != 0)
            png_error(png, "zlib failed to compress a frame");
        put32((uint8_t *)z->data, seq++);
        png_write_chunk(png, (png_const_bytep) "fdAT", (png_const_bytep)z->data,
                        z->len);
    }
    png_write_end(png, NULL);
    buf_put(out, w->out.data, w->out.len);
    rc = 0;
done:
    png_destroy_write_struct(png ? &png : NULL, info ? &info : NULL);
    if (zok)
        deflateEnd(zs);
    free(zs);
    buf_free(z);
    free(z);
    buf_free(&w->out);
    free(w);
    free(raw);
    free(row);
    free(plan);
    return rc;
}
