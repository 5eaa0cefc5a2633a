/* font_info.c: what the embedded fonts are, for --list-fonts and for
 * programs that choose a font for a display. */
#include <string.h>

#include "precis.h"
#include "render/font.h"

precis_status precis_image_font_info(const char *name, precis_font_info *out)
{
    const font *f = font_find(name);
    if (!f || !out)
        return PRECIS_EINVAL;
    /* The advance of "M": the cell width of a fixed font, the widest
     * letter's of a proportional one. */
    const font_glyph *m = font_glyph_get(f, 'M');
    *out = (precis_font_info){
        .name = f->name,
        .width = m ? (unsigned)FONT_GLYPH_DW(m) : 0,
        .height = (unsigned)(f->ascent + f->descent),
        .ascent = (unsigned)f->ascent,
        .glyphs = f->count,
        .origin = f->origin,
    };
    return PRECIS_OK;
}

int precis_image_font_covers(const char *name, unsigned long cp)
{
    const font *f = font_find(name);
    return f && cp <= 0x10FFFF && font_glyph_get(f, (uint32_t)cp) != NULL;
}
