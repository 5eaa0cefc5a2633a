/* render_bmp.c: a canvas as a Windows BMP (BITMAPINFOHEADER, bottom-up
 * rows, no compression), the format TRMNL's firmware and many e-paper
 * driver boards take. Black and white canvases are written 1-bit with a
 * black, white palette: an 800x480 page is exactly 62 + 48,000 = 48,062
 * bytes. Grey canvases are 8-bit with a grey ramp; colour is 24-bit. */
#include <string.h>

#include "render/canvas.h"

static void put16(buf *b, unsigned v)
{
    char p[2] = {(char)(v & 0xFF), (char)(v >> 8 & 0xFF)};
    buf_put(b, p, 2);
}

static void put32(buf *b, unsigned long v)
{
    char p[4] = {(char)(v & 0xFF), (char)(v >> 8 & 0xFF),
                 (char)(v >> 16 & 0xFF), (char)(v >> 24 & 0xFF)};
    buf_put(b, p, 4);
}

void img_bmp_encode(const canvas *c, precis_pixels pixels, buf *out)
{
    int bits = pixels == PRECIS_PIXELS_MONO ? 1 : c->ch == 1 ? 8 : 24;
    unsigned long row = ((unsigned long)c->w * (unsigned long)bits + 31) / 32 * 4;
    unsigned long colours = bits == 1 ? 2 : bits == 8 ? 256 : 0;
    unsigned long head = 14 + 40 + 4 * colours;
    unsigned long size = head + row * (unsigned long)c->h;
    buf_grow(out, size);
    /* BITMAPFILEHEADER */
    buf_put(out, "BM", 2);
    put32(out, size);
    put32(out, 0);
    put32(out, head);
    /* BITMAPINFOHEADER: positive height, so rows go bottom-up */
    put32(out, 40);
    put32(out, (unsigned long)c->w);
    put32(out, (unsigned long)c->h);
    put16(out, 1);
    put16(out, (unsigned)bits);
    put32(out, 0); /* BI_RGB */
    put32(out, row * (unsigned long)c->h);
    put32(out, 2835); /* 72 dpi, as most writers put it */
    put32(out, 2835);
    put32(out, colours);
    put32(out, 0);
    for (unsigned long i = 0; i < colours; i++) {
        unsigned v = bits == 1 ? (i ? 255u : 0u) : (unsigned)i;
        char q[4] = {(char)v, (char)v, (char)v, 0};
        buf_put(out, q, 4);
    }
    char pad[4] = {0};
    for (int y = c->h - 1; y >= 0; y--) {
        unsigned long done = 0;
        if (bits == 1) {
            for (int x = 0; x < c->w; x += 8) {
                unsigned byte = 0;
                for (int k = 0; k < 8; k++) {
                    int on = x + k < c->w &&
                             canvas_luma(canvas_pixel(c, x + k, y)) >= 128;
                    byte |= (unsigned)on << (7 - k);
                }
                char b = (char)byte;
                buf_put(out, &b, 1);
                done++;
            }
        } else if (bits == 8) {
            buf_put(out, c->px + (size_t)y * (size_t)c->w, (size_t)c->w);
            done = (unsigned long)c->w;
        } else {
            for (int x = 0; x < c->w; x++) {
                uint32_t v = canvas_pixel(c, x, y);
                char q[3] = {(char)(v & 0xFF), (char)(v >> 8 & 0xFF),
                             (char)(v >> 16 & 0xFF)};
                buf_put(out, q, 3);
            }
            done = 3UL * (unsigned long)c->w;
        }
        buf_put(out, pad, row - done);
    }
}
