/* outline.c: FreeType rasterises, HarfBuzz shapes (outline.h). Both read
 * the font bytes compiled into the library; nothing here opens a file. */
#include "render/outline.h"

#include <stdlib.h>
#include <string.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ft.h>
#include <hb.h>

#include "util/alloc.h"

struct ofont {
    struct ofont *next;
    const char *name;
    int px, ascent, descent;
    FT_Face face;    /* its own face, so each size keeps its own scale */
    hb_font_t *hb;
    int mono;
    oglyph **cache;  /* one slot per glyph index, filled on first use */
    size_t n_glyphs;
};

struct otext {
    FT_Library lib;
    int mono;
    ofont *fonts;
};

int outline_available(void)
{
    return 1;
}

otext *otext_new(int mono)
{
    otext *t = precis__calloc(1, sizeof *t);
    if (FT_Init_FreeType(&t->lib) != 0) {
        free(t);
        return NULL;
    }
    t->mono = mono;
    return t;
}

static void ofont_free(ofont *f)
{
    for (size_t i = 0; i < f->n_glyphs; i++)
        free(f->cache[i]);
    free(f->cache);
    hb_font_destroy(f->hb);
    FT_Done_Face(f->face);
    free(f);
}

void otext_free(otext *t)
{
    if (!t)
        return;
    for (ofont *f = t->fonts, *next; f; f = next) {
        next = f->next;
        ofont_free(f);
    }
    FT_Done_FreeType(t->lib);
    free(t);
}

static const outline_blob *find_blob(const char *name)
{
    for (size_t i = 0; name && i < precis__face_count; i++)
        if (strcmp(precis__faces[i].name, name) == 0)
            return &precis__faces[i];
    return NULL;
}

/* 26.6 fixed point to whole pixels, rounding away from the baseline so
 * that no ink is cut. */
static int ceil_px(long v)
{
    return (int)((v + 63) >> 6);
}

ofont *otext_font(otext *t, const char *name, int px)
{
    if (!t || px < 4 || px > 1024)
        return NULL;
    const outline_blob *b = find_blob(name);
    if (!b)
        return NULL;
    for (ofont *f = t->fonts; f; f = f->next)
        if (f->px == px && strcmp(f->name, b->name) == 0)
            return f;
    FT_Face face;
    if (FT_New_Memory_Face(t->lib, b->data, (FT_Long)b->len, 0, &face) != 0)
        return NULL;
    if (FT_Set_Pixel_Sizes(face, 0, (FT_UInt)px) != 0) {
        FT_Done_Face(face);
        return NULL;
    }
    ofont *f = precis__calloc(1, sizeof *f);
    f->name = b->name;
    f->px = px;
    f->face = face;
    f->mono = t->mono;
    f->ascent = ceil_px(face->size->metrics.ascender);
    f->descent = ceil_px(-face->size->metrics.descender);
    f->n_glyphs = (size_t)face->num_glyphs;
    f->cache = precis__calloc(f->n_glyphs ? f->n_glyphs : 1, sizeof *f->cache);
    /* HarfBuzz reads the same FreeType face: its advances are then the
     * hinted ones the glyphs are drawn with. */
    f->hb = hb_ft_font_create_referenced(face);
    hb_ft_font_set_load_flags(f->hb, t->mono ? FT_LOAD_TARGET_MONO
                                             : FT_LOAD_TARGET_LIGHT);
    f->next = t->fonts;
    t->fonts = f;
    return f;
}

int ofont_ascent(const ofont *f)
{
    return f->ascent;
}

int ofont_descent(const ofont *f)
{
    return f->descent;
}

int ofont_px(const ofont *f)
{
    return f->px;
}

const char *ofont_name(const ofont *f)
{
    return f->name;
}

uint32_t ofont_has(const ofont *f, uint32_t cp)
{
    return FT_Get_Char_Index(f->face, cp);
}

size_t ofont_shape(ofont *f, const uint32_t *cps, size_t n, int rtl,
                   oshaped **out)
{
    *out = NULL;
    if (n == 0 || n > (size_t)INT32_MAX)
        return 0;
    hb_buffer_t *b = hb_buffer_create();
    hb_buffer_add_utf32(b, cps, (int)n, 0, (int)n);
    hb_buffer_set_direction(b, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_guess_segment_properties(b);
    hb_shape(f->hb, b, NULL, 0);
    unsigned count = 0;
    hb_glyph_info_t *info = hb_buffer_get_glyph_infos(b, &count);
    hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(b, &count);
    oshaped *v = precis__reallocarray(NULL, count ? count : 1, sizeof *v);
    for (unsigned i = 0; i < count; i++) {
        unsigned k = rtl ? count - 1 - i : i; /* back to logical order */
        v[i] = (oshaped){info[k].codepoint, info[k].cluster,
                         pos[k].x_advance, pos[k].x_offset, pos[k].y_offset};
    }
    hb_buffer_destroy(b);
    *out = v;
    return count;
}

/* Renders gid into a new oglyph (an empty one when FreeType fails). */
static oglyph *rasterise(ofont *f, uint32_t gid)
{
    FT_Int32 flags = FT_LOAD_RENDER | (f->mono ? FT_LOAD_TARGET_MONO
                                               : FT_LOAD_TARGET_LIGHT);
    oglyph *g;
    if (FT_Load_Glyph(f->face, gid, flags) != 0) {
        g = precis__calloc(1, sizeof *g);
        return g;
    }
    FT_GlyphSlot s = f->face->glyph;
    FT_Bitmap *bm = &s->bitmap;
    int w = (int)bm->width, h = (int)bm->rows;
    size_t n = (size_t)w * (size_t)h;
    g = precis__calloc(1, sizeof *g + n);
    uint8_t *cov = (uint8_t *)(g + 1);
    g->left = s->bitmap_left;
    g->top = s->bitmap_top;
    g->w = w;
    g->h = h;
    g->cov = cov;
    for (int y = 0; y < h; y++) {
        const unsigned char *row = bm->buffer + (long)y * bm->pitch;
        for (int x = 0; x < w; x++) {
            uint8_t v;
            if (bm->pixel_mode == FT_PIXEL_MODE_MONO)
                v = (row[x >> 3] >> (7 - (x & 7)) & 1) ? 255 : 0;
            else if (bm->pixel_mode == FT_PIXEL_MODE_GRAY)
                v = row[x];
            else
                v = 0;
            cov[(size_t)y * (size_t)w + (size_t)x] = v;
        }
    }
    return g;
}

const oglyph *ofont_glyph(ofont *f, uint32_t gid)
{
    static const oglyph empty = {0, 0, 0, 0, NULL};
    if (gid >= f->n_glyphs)
        return &empty;
    if (!f->cache[gid])
        f->cache[gid] = rasterise(f, gid);
    return f->cache[gid];
}
