/* font.c: glyph lookup in the embedded fonts, with the fallback chain
 * chosen font -> fallback fonts -> ASCII substitute -> hex box. */
#include "render/font.h"

#include <stdio.h>
#include <string.h>

#include <utf8proc.h>

/* ==== lookup ==== */

const font *font_find(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < precis__font_count; i++)
        if (strcmp(precis__fonts[i]->name, name) == 0)
            return precis__fonts[i];
    return NULL;
}

const font_glyph *font_glyph_get(const font *f, uint32_t cp)
{
    size_t lo = 0, hi = f->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t c = f->glyphs[mid].cp;
        if (c == cp)
            return &f->glyphs[mid];
        if (c < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* ==== the line and its fallbacks ==== */

/* The faces that cover what the chosen one lacks: Unifont's subset covers
 * most of the Basic Multilingual Plane; misc-fixed 6x13 and 5x7 are
 * smaller, so they serve lines too short for Unifont's 16 pixels. */
static const char *const fallback_names[] = {"uni16", "fixed6x13", "fixed5x7"};

static int absdiff(int a, int b)
{
    return a > b ? a - b : b - a;
}

/* Adds the bitmap fallbacks for a line of lc's height. */
static void add_fallbacks(font_line_ctx *lc);

font_line_ctx font_line(const font *primary)
{
    font_line_ctx lc = {0};
    lc.primary = primary;
    lc.ascent = primary->ascent;
    lc.descent = primary->descent;
    add_fallbacks(&lc);
    return lc;
}

font_line_ctx font_line_outline(ofont *const *faces, size_t n)
{
    font_line_ctx lc = {0};
    for (size_t i = 0; i < n && lc.n_outline < FONT_MAX_OUTLINE; i++)
        if (faces[i])
            lc.outline[lc.n_outline++] = faces[i];
    if (lc.n_outline) {
        lc.ascent = ofont_ascent(lc.outline[0]);
        lc.descent = ofont_descent(lc.outline[0]);
    }
    add_fallbacks(&lc);
    return lc;
}

const char *font_line_name(const font_line_ctx *lc, char *out, size_t size)
{
    if (lc->primary)
        snprintf(out, size, "%s", lc->primary->name);
    else if (lc->n_outline)
        snprintf(out, size, "%s %dpx", ofont_name(lc->outline[0]),
                 ofont_px(lc->outline[0]));
    else
        snprintf(out, size, "?");
    return out;
}

static void add_fallbacks(font_line_ctx *plc)
{
    font_line_ctx lc = *plc;
    const font *primary = lc.primary;
    int lh = lc.ascent + lc.descent;
    for (size_t i = 0; i < sizeof fallback_names / sizeof *fallback_names;
         i++) {
        const font *f = font_find(fallback_names[i]);
        if (!f || f == primary || lc.n_fallback == FONT_MAX_FALLBACKS)
            continue;
        int fh = f->ascent + f->descent;
        int s = fh > 0 && lh / fh > 1 ? lh / fh : 1;
        if (s > 8)
            s = 8;
        /* Insert, keeping the faces whose scaled height is nearest the
         * line's first (a stable insertion: ties keep the list's order). */
        size_t k = lc.n_fallback;
        while (
            k > 0 &&
            absdiff(lc.fallback[k - 1]->ascent * lc.fallback_scale[k - 1] +
                        lc.fallback[k - 1]->descent * lc.fallback_scale[k - 1],
                    lh) > absdiff(fh * s, lh)) {
            lc.fallback[k] = lc.fallback[k - 1];
            lc.fallback_scale[k] = lc.fallback_scale[k - 1];
            k--;
        }
        lc.fallback[k] = f;
        lc.fallback_scale[k] = (uint8_t)s;
        lc.n_fallback++;
    }
    *plc = lc;
}

/* Fills *r with f's glyph for cp at scale s when it exists and its ink
 * fits the line box (moving it up or down into the box when it pokes
 * out). Returns 1 on success. */
static int try_font(const font_line_ctx *lc, const font *f, int s, uint32_t cp,
                    glyph_ref *r)
{
    const font_glyph *g = font_glyph_get(f, cp);
    if (!g)
        return 0;
    int lh = lc->ascent + lc->descent;
    if (g->h * s > lh)
        return 0;
    int top = (g->y + g->h) * s, bottom = g->y * s, dy = 0;
    if (g->h && top > lc->ascent)
        dy = lc->ascent - top;
    else if (g->h && bottom < -lc->descent)
        dy = -lc->descent - bottom;
    *r = (glyph_ref){.f = f,
                     .g = g,
                     .cp = cp,
                     .adv = (int16_t)(FONT_GLYPH_DW(g) * s),
                     .dy = (int16_t)dy,
                     .scale = (uint8_t)s};
    return 1;
}

/* The chosen face, then the fallbacks. Returns FONT_PRIMARY,
 * FONT_FALLBACK, or -1 when no face has a glyph that fits. */
static int find_glyph(const font_line_ctx *lc, uint32_t cp, glyph_ref *r)
{
    if (lc->primary && try_font(lc, lc->primary, 1, cp, r))
        return FONT_PRIMARY;
    for (size_t i = 0; i < lc->n_fallback; i++)
        if (try_font(lc, lc->fallback[i], lc->fallback_scale[i], cp, r))
            return FONT_FALLBACK;
    return -1;
}

/* ==== ASCII substitutes ==== */

/* Typographic characters news text is full of, and letters that
 * Unicode does not decompose, written with ASCII. Sorted by code point.
 * Accented letters and compatibility forms (ligatures, full-width
 * letters, superscripts) are left to utf8proc's decomposition. */
static const struct {
    uint32_t cp;
    const char *ascii;
} substitutes[] = {
    /* clang-format off */
    {0x00A0, " "},   {0x00A2, "c"},    {0x00A3, "GBP"},  {0x00A5, "JPY"},
    {0x00A6, "|"},   {0x00A7, "S"},    {0x00A9, "(c)"},  {0x00AB, "<<"},
    {0x00AE, "(R)"}, {0x00B0, "o"},    {0x00B1, "+/-"},  {0x00B6, "P"},
    {0x00B7, "."},   {0x00BB, ">>"},   {0x00BC, "1/4"},  {0x00BD, "1/2"},
    {0x00BE, "3/4"}, {0x00BF, "?"},    {0x00C6, "AE"},   {0x00D0, "D"},
    {0x00D7, "x"},   {0x00D8, "O"},    {0x00DE, "Th"},   {0x00DF, "ss"},
    {0x00E6, "ae"},  {0x00F0, "d"},    {0x00F7, "/"},    {0x00F8, "o"},
    {0x00FE, "th"},  {0x0110, "D"},    {0x0111, "d"},    {0x0131, "i"},
    {0x0141, "L"},   {0x0142, "l"},    {0x0152, "OE"},   {0x0153, "oe"},
    {0x2010, "-"},   {0x2011, "-"},    {0x2012, "-"},    {0x2013, "-"},
    {0x2014, "-"},   {0x2015, "-"},    {0x2016, "||"},   {0x2018, "'"},
    {0x2019, "'"},   {0x201A, ","},    {0x201B, "'"},    {0x201C, "\""},
    {0x201D, "\""},  {0x201E, "\""},   {0x201F, "\""},   {0x2020, "+"},
    {0x2021, "+"},   {0x2022, "*"},    {0x2023, ">"},    {0x2024, "."},
    {0x2025, ".."},  {0x2026, "..."},  {0x2027, "-"},    {0x2030, "0/00"},
    {0x2032, "'"},   {0x2033, "\""},   {0x2039, "<"},    {0x203A, ">"},
    {0x2043, "-"},   {0x2044, "/"},    {0x20A4, "L"},    {0x20A9, "W"},
    {0x20AA, "ILS"}, {0x20AC, "EUR"},  {0x20B9, "Rs"},   {0x20BA, "TL"},
    {0x20BD, "RUB"}, {0x20BF, "BTC"},  {0x2116, "No"},   {0x2122, "TM"},
    {0x2190, "<-"},  {0x2191, "^"},    {0x2192, "->"},   {0x2193, "v"},
    {0x2194, "<->"}, {0x21D0, "<="},   {0x21D2, "=>"},   {0x2212, "-"},
    {0x2215, "/"},   {0x2219, "."},    {0x221E, "oo"},   {0x2248, "~"},
    {0x2260, "!="},  {0x2264, "<="},   {0x2265, ">="},   {0x2500, "-"},
    {0x2502, "|"},   {0x25A0, "#"},    {0x25B2, "^"},    {0x25B6, ">"},
    {0x25BA, ">"},   {0x25BC, "v"},    {0x25C0, "<"},    {0x25C4, "<"},
    {0x25CF, "*"},   {0x25E6, "o"},    {0x2605, "*"},    {0x2606, "*"},
    {0x2713, "v"},   {0x2714, "v"},    {0x2717, "x"},    {0x2718, "x"},
    {0x27E8, "<"},   {0x27E9, ">"},    {0x3001, ","},    {0x3002, "."},
    {0x300C, "\""},  {0x300D, "\""},   {0xFF5E, "~"},    {0xFFFD, "?"},
    /* clang-format on */
};

const char *font_substitute(uint32_t cp)
{
    size_t lo = 0, hi = sizeof substitutes / sizeof *substitutes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (substitutes[mid].cp == cp)
            return substitutes[mid].ascii;
        if (substitutes[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* Every space separator reads as a space. */
    if ((cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
        cp == 0x3000 || cp == 0x1680)
        return " ";
    return NULL;
}

/* Resolves each of cps[0..n) through the faces alone. Returns n, or 0
 * when one of them has no glyph (the substitute is then useless). */
static size_t resolve_all(const font_line_ctx *lc, const int32_t *cps, size_t n,
                          glyph_ref *out)
{
    if (n == 0 || n > FONT_MAX_EXPANSION)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (find_glyph(lc, (uint32_t)cps[i], &out[i]) < 0)
            return 0;
    return n;
}

/* ==== the hex box ==== */

static const uint16_t hex_digits[16] = {
    /* Each digit 3 x 5, rows top to bottom, bit 14 top-left. */
    /* clang-format off */
    075557, 026227, 071747, 071717, 055711, 074717, 074757, 071222,
    075757, 075717, 025755, 065656, 034443, 065556, 074747, 074744,
    /* clang-format on */
};

unsigned font_hex_digit(unsigned d)
{
    return hex_digits[d & 15];
}

/* A box for cp: with its code point in hex when the line is tall enough
 * for two rows of 3 x 5 digits (15 pixels with border and padding), else
 * an empty rectangle the height of a capital. */
static glyph_ref make_box(const font_line_ctx *lc, uint32_t cp)
{
    int lh = lc->ascent + lc->descent;
    glyph_ref r = {.cp = cp, .scale = 1};
    if (lh >= 15) {
        int s = lh / 15;
        r.hex = 1;
        r.box_w = cp > 0xFFFF ? 15 : 11;
        r.box_h = 15;
        r.scale = (uint8_t)s;
        /* Top edge at the line's top. */
        r.dy = (int16_t)(lc->ascent - 15 * s);
        r.adv = (int16_t)((r.box_w + 1) * s);
    } else {
        int h = lc->ascent > 2 ? lc->ascent - 1 : lc->ascent;
        int w = h * 3 / 5 > 3 ? h * 3 / 5 : 3;
        r.box_w = (uint8_t)w;
        r.box_h = (uint8_t)(h > 0 ? h : 1);
        r.dy = 0;
        r.adv = (int16_t)(w + 1);
    }
    return r;
}

/* ==== the chain ==== */

size_t font_resolve(const font_line_ctx *lc, uint32_t cp,
                    glyph_ref out[FONT_MAX_EXPANSION], enum font_how *how)
{
    int found = find_glyph(lc, cp, &out[0]);
    if (found >= 0) {
        *how = (enum font_how)found;
        return 1;
    }

    int32_t cps[FONT_MAX_EXPANSION];
    size_t n = 0;
    const char *ascii = font_substitute(cp);
    if (ascii) {
        for (; ascii[n] && n < FONT_MAX_EXPANSION; n++)
            cps[n] = (unsigned char)ascii[n];
        n = resolve_all(lc, cps, n, out);
    }
    if (!n && cp <= 0x10FFFF) {
        /* Compatibility decomposition without marks: é -> e, ﬁ -> fi,
         * Ａ -> A, ² -> 2, and utf8proc's lumping of dashes and quotes. */
        utf8proc_int32_t dec[FONT_MAX_EXPANSION];
        utf8proc_ssize_t k = utf8proc_decompose_char(
            (utf8proc_int32_t)cp, dec, FONT_MAX_EXPANSION,
            UTF8PROC_COMPAT | UTF8PROC_LUMP | UTF8PROC_STRIPMARK, NULL);
        if (k > 0 && k <= FONT_MAX_EXPANSION &&
            !(k == 1 && (uint32_t)dec[0] == cp)) {
            for (utf8proc_ssize_t i = 0; i < k; i++)
                cps[i] = dec[i];
            n = resolve_all(lc, cps, (size_t)k, out);
        }
    }
    if (n) {
        *how = FONT_SUBSTITUTE;
        return n;
    }
    out[0] = make_box(lc, cp);
    *how = FONT_BOX;
    return 1;
}
