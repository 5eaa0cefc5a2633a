/* bidi.c: bidi.h over FriBidi. */
#include "render/bidi.h"

#include <stdlib.h>
#include <string.h>

#include <fribidi.h>

#include "util/alloc.h"

int bidi_is_rtl(uint32_t cp)
{
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFF) || (cp >= 0x10800 && cp <= 0x10FFF) ||
           (cp >= 0x1E800 && cp <= 0x1EFFF);
}

int bidi_levels(const uint32_t *cps, size_t n, uint8_t *levels)
{
    memset(levels, 0, n);
    int any = 0;
    for (size_t i = 0; i < n && !any; i++)
        any = bidi_is_rtl(cps[i]);
    if (!any || n > (size_t)INT32_MAX)
        return 0;
    FriBidiCharType *types = precis__reallocarray(NULL, n, sizeof *types);
    FriBidiBracketType *brackets =
        precis__reallocarray(NULL, n, sizeof *brackets);
    FriBidiLevel *lv = precis__reallocarray(NULL, n, sizeof *lv);
    FriBidiParType dir = FRIBIDI_PAR_ON;
    const FriBidiChar *s = (const FriBidiChar *)cps;
    fribidi_get_bidi_types(s, (FriBidiStrIndex)n, types);
    fribidi_get_bracket_types(s, (FriBidiStrIndex)n, types, brackets);
    int base = 0;
    if (fribidi_get_par_embedding_levels_ex(types, brackets,
                                            (FriBidiStrIndex)n, &dir, lv)) {
        for (size_t i = 0; i < n; i++)
            levels[i] = (uint8_t)(lv[i] > 61 ? 61 : lv[i]);
        base = FRIBIDI_IS_RTL(dir) ? 1 : 0;
    }
    free(types);
    free(brackets);
    free(lv);
    return base;
}

void bidi_arabic_forms(uint32_t *cps, size_t n, const uint8_t *levels)
{
    int any = 0;
    for (size_t i = 0; i < n && !any; i++)
        any = cps[i] >= 0x0600 && cps[i] <= 0x06FF;
    if (!any || n > (size_t)INT32_MAX)
        return;
    FriBidiCharType *types = precis__reallocarray(NULL, n, sizeof *types);
    FriBidiJoiningType *joins = precis__reallocarray(NULL, n, sizeof *joins);
    FriBidiLevel *lv = precis__reallocarray(NULL, n, sizeof *lv);
    FriBidiArabicProp *props = precis__reallocarray(NULL, n, sizeof *props);
    FriBidiChar *s = (FriBidiChar *)cps;
    for (size_t i = 0; i < n; i++)
        lv[i] = levels[i];
    fribidi_get_bidi_types(s, (FriBidiStrIndex)n, types);
    fribidi_get_joining_types(s, (FriBidiStrIndex)n, joins);
    memcpy(props, joins, n * sizeof *props);
    fribidi_join_arabic(types, (FriBidiStrIndex)n, lv, props);
    fribidi_shape_arabic(FRIBIDI_FLAGS_ARABIC, lv, (FriBidiStrIndex)n, props,
                         s);
    free(types);
    free(joins);
    free(lv);
    free(props);
}
