/* outline_none.c: the outline font interface in a build without FreeType
 * and HarfBuzz (-Dfreetype=disabled): no context can be made, so the
 * renderers use the bitmap fonts alone. */
#include "render/outline.h"

#include <stdlib.h>

const outline_blob precis__faces[] = {{0, 0, 0, 0}};
const size_t precis__face_count = 0;

int outline_available(void)
{
    return 0;
}

otext *otext_new(int mono)
{
    (void)mono;
    return NULL;
}

void otext_free(otext *t)
{
    (void)t;
}

ofont *otext_font(otext *t, const char *name, int px)
{
    (void)t, (void)name, (void)px;
    return NULL;
}

int ofont_ascent(const ofont *f)
{
    (void)f;
    return 0;
}

int ofont_descent(const ofont *f)
{
    (void)f;
    return 0;
}

int ofont_px(const ofont *f)
{
    (void)f;
    return 0;
}

const char *ofont_name(const ofont *f)
{
    (void)f;
    return "";
}

uint32_t ofont_has(const ofont *f, uint32_t cp)
{
    (void)f, (void)cp;
    return 0;
}

size_t ofont_shape(ofont *f, const uint32_t *cps, size_t n, int rtl,
                   oshaped **out)
{
    (void)f, (void)cps, (void)n, (void)rtl;
    *out = NULL;
    return 0;
}

const oglyph *ofont_glyph(ofont *f, uint32_t gid)
{
    static const oglyph empty = {0, 0, 0, 0, NULL};
    (void)f, (void)gid;
    return &empty;
}
