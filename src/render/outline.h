/* outline.h: outline fonts (TrueType, compiled in by tools/ttf2c.c) drawn
 * through FreeType and shaped through HarfBuzz.
 *
 * One otext serves one rendering call: it owns a FreeType library, the
 * faces opened on the embedded bytes, and one ofont per face and pixel
 * size with its cache of rasterised glyphs. Nothing is shared between
 * calls, so rendering stays thread-safe. Built without FreeType
 * (-Dfreetype=disabled), otext_new returns NULL and the renderers use the
 * bitmap fonts alone (outline_none.c). */
#ifndef PRECIS_OUTLINE_H
#define PRECIS_OUTLINE_H

#include "util/symbols.h"

#include <stddef.h>
#include <stdint.h>

/* One embedded font file (the generated faces_embedded.c). */
typedef struct outline_blob {
    const char *name; /* "sans", "sans-bold", "serif" */
    const char *file; /* the source file's name, for --list-fonts */
    const unsigned char *data;
    size_t len;
} outline_blob;

extern const outline_blob precis__faces[]; /* ends with a NULL name */
extern const size_t precis__face_count;

typedef struct otext otext;
typedef struct ofont ofont;

/* A new context; mono set renders hinted 1-bit glyphs (e-ink), else
 * anti-aliased ones. NULL when the library was built without outline
 * fonts. Free with otext_free (NULL is a no-op). */
otext *otext_new(int mono);
void otext_free(otext *t);

/* Whether outline fonts were compiled in. */
int outline_available(void);

/* The face named name ("sans", "sans-bold", "serif") at px pixels (the
 * em size, 4 to 1024), owned by t; NULL for an unknown face or when
 * FreeType cannot open it. The same arguments give the same ofont. */
ofont *otext_font(otext *t, const char *name, int px);

/* Pixels above and below the baseline that a line of f needs (the face's
 * ascender and descender, rounded up), and its em size. */
int ofont_ascent(const ofont *f);
int ofont_descent(const ofont *f);
int ofont_px(const ofont *f);
const char *ofont_name(const ofont *f);

/* The glyph index of cp in f's face, 0 when the face lacks it. */
uint32_t ofont_has(const ofont *f, uint32_t cp);

/* One glyph of shaped text, in logical order. Advances and offsets are in
 * 1/64 pixel; cluster is the index in the input of the first code point
 * that the glyph belongs to. */
typedef struct oshaped {
    uint32_t gid;
    uint32_t cluster;
    int32_t x_adv, x_off, y_off;
} oshaped;

/* Shapes cps[0..n) (one run: one face, one direction; rtl set for a
 * right-to-left run) with HarfBuzz: ligatures, kerning, Arabic joining
 * forms, marks. Returns the glyph count and sets *out to a malloc'd array
 * the caller frees, in logical order (a right-to-left run's glyphs are
 * reversed back, so a line can be broken before it is reordered). */
size_t ofont_shape(ofont *f, const uint32_t *cps, size_t n, int rtl,
                   oshaped **out);

/* A rasterised glyph: w x h coverage bytes (0 to 255, row-major), whose
 * top-left pixel is left pixels right of the pen and top pixels above
 * the baseline. */
typedef struct oglyph {
    int left, top, w, h;
    const uint8_t *cov;
} oglyph;

/* Glyph gid of f, rasterised on first use and cached in f; never NULL
 * (a glyph FreeType cannot load is empty). */
const oglyph *ofont_glyph(ofont *f, uint32_t gid);

#endif
