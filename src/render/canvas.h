/* canvas.h: rasterising text onto an 8-bit grey or RGB buffer, and the
 * three layouts (strip, list, panel) that the image renderers share.
 *
 * This is the stb_truetype half of the image renderers: it knows fonts and
 * pixels but no file format. render_png.c encodes a canvas as PNG or
 * APNG, render_image.c as PPM, and drives both. */
#ifndef PRECIS_CANVAS_H
#define PRECIS_CANVAS_H

#include "util/symbols.h"

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"
#include "render/font.h"
#include "precis.h"

/* ==== the canvas ==== */

typedef struct canvas {
    int w, h;
    int ch;      /* channels: 1 (grey) or 3 (RGB) */
    uint8_t *px; /* w * h * ch bytes, top row first */
} canvas;

/* A w x h canvas (both >= 1) with ch channels, filled with bg (0xRRGGBB;
 * a grey canvas takes its luma). Never NULL: aborts on OOM. Free with
 * canvas_free. */
canvas *canvas_new(int w, int h, int ch, uint32_t bg);
void canvas_free(canvas *c);

/* Fills the rectangle, clipped to the canvas. */
void canvas_fill(canvas *c, int x, int y, int w, int h, uint32_t rgb);

/* Blends rgb over the pixel at (x, y) with coverage a (0 to 255; 255
 * replaces it); outside the canvas nothing happens. */
void canvas_blend(canvas *c, int x, int y, uint32_t rgb, unsigned a);

/* The pixel at (x, y) as 0xRRGGBB (grey v reads as v * 0x010101). */
uint32_t canvas_pixel(const canvas *c, int x, int y);

/* The luma of rgb (ITU-R BT.601 weights, rounded): 0 to 255. */
unsigned canvas_luma(uint32_t rgb);

/* ==== layouts ==== */

/* Everything a layout needs, resolved: fonts picked, colours already
 * mapped to grey or black and white when the output is. */
typedef struct layout_spec {
    precis_layout layout;
    const font *body;  /* items, times, separators */
    const font *title; /* the title (a bold face when there is one) */
    /* Outline faces, first wins, NULL-padded: when body_of[0] is set they
     * replace body (and title_of, small_of replace title and the header
     * and footer's face, which is body otherwise). */
    ofont *body_of[FONT_MAX_OUTLINE];
    ofont *title_of[FONT_MAX_OUTLINE];
    ofont *small_of[FONT_MAX_OUTLINE];
    /* The dashboard's parts, UTF-8, NUL-terminated, NULL for none: the
     * header's right side (date and update time, beside the title, a rule
     * under them), and a footer line at the bottom when the page has
     * room (lists and panels of fixed height). */
    const char *header_right;
    const char *footer;
    int more; /* list of fixed height: whole items, then "+N more" */
    /* Set by image_layout, for messages and tests: the body's face
     * ("term16", "sans 38px") and its line height in pixels. */
    char face[48];
    int line_px;
    uint32_t fg, bg, accent, time;
    int channels;      /* 1 or 3 */
    int width, height; /* 0: automatic (see precis_image_options) */
    int margin;        /* pixels on every side */
    int line_gap;      /* extra pixels between wrapped lines */
    int item_gap;      /* extra pixels between list items */
    const char *sep;   /* strip separator, UTF-8 */
    size_t sep_len;
    int fit;  /* strip: exactly width pixels wide, cut with an ellipsis */
    int loop; /* strip: end with the separator so that it wraps around */
} layout_spec;

/* What a layout did, for the font choice and for tests. */
typedef struct layout_stats {
    int width, height;  /* of the image */
    size_t glyphs;      /* code points drawn (a substitute counts once) */
    size_t fallback;    /* drawn from a fallback font */
    size_t substituted; /* drawn as an ASCII substitute */
    size_t boxed;       /* drawn as a hex box */
    size_t lines;       /* text lines drawn */
    size_t dropped;     /* code points not drawn because the text was cut */
    size_t more;        /* list items left out for a "+N more" line */
    int truncated;      /* an ellipsis was added */
    size_t clipped;     /* glyph pixels that fell off the canvas: always 0 */
} layout_stats;

/* Lays out title (may be NULL) and items[0..n) with spec. When out is
 * not NULL, draws them onto a new canvas stored in *out (free it with
 * canvas_free); with out NULL it only measures. Fills *st (may be NULL).
 * Returns PRECIS_OK, or PRECIS_EINVAL / PRECIS_EIMAGE with a message in
 * err[0..errsize) (the image would be too large, or too small for the
 * font); *out is then NULL. */
precis_status layout_run(const layout_spec *spec, const char *title,
                         size_t title_len, const precis_item *items, size_t n,
                         canvas **out, layout_stats *st, char *err,
                         size_t errsize);

/* ==== the renderers' common front (render_image.c) ==== */

/* Resolves o (precis_image_options: pixel mode, colours, the font chosen
 * to fit) into *sp and lays out title and items onto a new canvas in
 * *out (free it with canvas_free); *st (may be NULL) gets the layout's
 * statistics. What every image format does before it encodes; exposed
 * for tests. Returns as precis_render_image_items, *out NULL on failure. */
precis_status image_layout(const char *title, size_t title_len,
                           const precis_item *items, size_t n,
                           const precis_image_options *o, layout_spec *sp,
                           canvas **out, layout_stats *st, char *err,
                           size_t errsize);

/* ==== encoders ==== */

/* Appends c as a BMP: 1-bit black and white for PRECIS_PIXELS_MONO,
 * 8-bit grey for a grey canvas, else 24-bit. (render_bmp.c) */
void img_bmp_encode(const canvas *c, precis_pixels pixels, buf *out);

/* Appends c as binary PPM (P6, maxval 255; grey expanded to RGB), the
 * format rpi-rgb-led-matrix's demo and led-image-viewer read. */
void img_ppm_encode(const canvas *c, buf *out);

/* Encodes c as a PNG into out, choosing the smallest faithful type for
 * pixels (see precis_pixels). Returns 0, or -1 with libpng's message in
 * err. Nothing is appended to out on failure. (render_png.c) */
int img_png_encode(const canvas *c, precis_pixels pixels, buf *out, char *err,
               size_t errsize);

/* Encodes a scrolling animation (APNG) into out: frames frame_w wide and
 * tape->h high, frame k showing tape's columns k * step ... k * step +
 * frame_w - 1, wrapping around; tape->w must be a multiple of step, and
 * the animation has tape->w / step frames of delay_ms each, looping
 * forever. Returns 0, or -1 with the message in err; nothing is appended
 * on failure. (render_png.c) */
int img_apng_encode(const canvas *tape, int frame_w, int step, unsigned delay_ms,
                precis_pixels pixels, buf *out, char *err, size_t errsize);

#endif
