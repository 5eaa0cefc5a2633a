/* font.h: the embedded bitmap fonts and glyph lookup with a fallback chain.
 *
 * The fonts are BDF and Unifont .hex files from assets/fonts, converted
 * into C tables at build time by tools/bdf2c.c (fonts_embedded.c in the
 * build tree). A font is a table of glyphs sorted by code point, so a
 * lookup is a binary search; each glyph's bitmap is cropped to its ink and
 * stored as packed 1-bit rows, most significant bit first, each row
 * ceil(w / 8) bytes.
 *
 * Looking a code point up never fails: font_resolve tries the chosen font,
 * then the fallback fonts (whose glyph must fit the line), then an ASCII
 * substitute (’ -> ', … -> ..., é -> e), and finally draws a box that
 * shows the code point in hex, so no character of the input is lost. */
#ifndef PRECIS_FONT_H
#define PRECIS_FONT_H

#include "util/symbols.h"

#include <stddef.h>
#include <stdint.h>

#include "render/outline.h"

/* One glyph. x, y place the ink box as BDF's BBX does: x is its left edge
 * from the pen position, y its bottom edge from the baseline (up is
 * positive). An empty glyph (a space) has w == h == 0. */
typedef struct font_glyph {
    uint32_t cp;
    uint32_t off_dw; /* bitmap offset << 8 | advance width (DWIDTH) */
    uint8_t w, h;
    int8_t x, y;
} font_glyph;

#define FONT_GLYPH_OFF(g) ((g)->off_dw >> 8)
#define FONT_GLYPH_DW(g) ((int)((g)->off_dw & 0xFF))
#define FONT_PACK(off, dw) (((uint32_t)(off) << 8) | (uint32_t)(dw))

typedef struct font {
    const char *name;         /* "term16": what --font takes */
    const char *origin;       /* source file and licence, for --list-fonts */
    int ascent;               /* pixels above the baseline (FONT_ASCENT) */
    int descent;              /* pixels below it (FONT_DESCENT) */
    const font_glyph *glyphs; /* sorted by cp, no duplicates */
    size_t count;
    const uint8_t *bits;
} font;

/* The generated tables (fonts_embedded.c). */
extern const font *const precis__fonts[];
extern const size_t precis__font_count;

/* The font named name, or NULL. */
const font *font_find(const char *name);

/* The glyph for cp in f, or NULL (binary search). */
const font_glyph *font_glyph_get(const font *f, uint32_t cp);

/* How one code point is drawn.
 * An outline glyph (of != NULL): glyph gid of of, rasterised by
 * ofont_glyph, moved up by dy pixels.
 * A glyph (g != NULL): g of font f, each bit a scale x scale block, moved
 * up by dy pixels (negative: down) so that its ink stays in the line box.
 * A box (g == NULL): a rectangle box_w x box_h unscaled units, each
 * drawn scale x scale, whose bottom edge is dy pixels above the baseline;
 * with hex set it shows cp in hex digits (font_hex_digit).
 * adv is the advance in pixels. */
typedef struct glyph_ref {
    ofont *of;
    uint32_t gid;
    const font *f;
    const font_glyph *g;
    uint32_t cp; /* the code point drawn (a substitute's, or the boxed one) */
    int16_t adv;
    int16_t dy;
    uint8_t scale;
    uint8_t hex;
    uint8_t box_w, box_h;
} glyph_ref;

/* The hex box's digits: 3 x 5 pixels, row-major, bit 14 the top-left
 * pixel. d is 0 to 15. */
unsigned font_hex_digit(unsigned d);

/* How a code point was resolved, for statistics and tests. */
enum font_how {
    FONT_PRIMARY,    /* the chosen font had it */
    FONT_FALLBACK,   /* another embedded font had it */
    FONT_SUBSTITUTE, /* written with an ASCII (or simpler) substitute */
    FONT_BOX         /* no glyph anywhere: a box with the code point */
};

#define FONT_MAX_FALLBACKS 3
#define FONT_MAX_OUTLINE 3

/* A line's fonts: the chosen face, the line box its glyphs must fit in
 * (the face's ascent and descent), and the fallback faces with the integer
 * scale that brings each closest to the line's height, nearest first.
 * Build it with font_line, or font_line_outline for outline faces
 * (primary is then NULL: the outline faces come first, in order, and the
 * bitmap fallbacks serve what none of them has, CJK for one). */
typedef struct font_line_ctx {
    const font *primary;
    ofont *outline[FONT_MAX_OUTLINE];
    size_t n_outline;
    int ascent, descent;
    const font *fallback[FONT_MAX_FALLBACKS];
    uint8_t fallback_scale[FONT_MAX_FALLBACKS];
    size_t n_fallback;
} font_line_ctx;

font_line_ctx font_line(const font *primary);
font_line_ctx font_line_outline(ofont *const *faces, size_t n);

/* The line's face name for messages ("term16", "serif 24px"): written
 * into out[0..size). Returns out. */
const char *font_line_name(const font_line_ctx *lc, char *out, size_t size);

/* The most glyph_refs one code point resolves to (the longest ASCII
 * substitute). */
#define FONT_MAX_EXPANSION 6

/* Resolves cp for line lc into out[0..n) and returns n (1 to
 * FONT_MAX_EXPANSION), setting *how. Never fails and never returns 0. */
size_t font_resolve(const font_line_ctx *lc, uint32_t cp,
                    glyph_ref out[FONT_MAX_EXPANSION], enum font_how *how);

/* The ASCII (or simpler) substitute for cp from the built-in table, as a
 * NUL-terminated string in static storage, or NULL when there is none.
 * Exposed for tests. */
const char *font_substitute(uint32_t cp);

/* The packed bits of glyph g's row r (0 = top). */
static inline const uint8_t *font_glyph_row(const font *f, const font_glyph *g,
                                            int r)
{
    return f->bits + FONT_GLYPH_OFF(g) + (size_t)r * ((g->w + 7u) / 8u);
}

#endif
