/* bidi_none.c: bidi.h in a build without FriBidi: logical order. */
#include "render/bidi.h"

#include <string.h>

int bidi_is_rtl(uint32_t cp)
{
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFF) || (cp >= 0x10800 && cp <= 0x10FFF) ||
           (cp >= 0x1E800 && cp <= 0x1EFFF);
}

int bidi_levels(const uint32_t *cps, size_t n, uint8_t *levels)
{
    (void)cps;
    memset(levels, 0, n);
    return 0;
}

void bidi_arabic_forms(uint32_t *cps, size_t n, const uint8_t *levels)
{
    (void)cps, (void)n, (void)levels;
}
