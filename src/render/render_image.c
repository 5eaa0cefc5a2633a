/* render_image.c: the image renderers' public face (precis.h, "Image
 * rendering"): options and display presets, the choice of font, PPM, and
 * the scrolling tape behind APNG. Layout and pixels are canvas.c's; PNG
 * and APNG encoding is render_png.c's. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/alloc.h"
#include "render/canvas.h"
#include "render/outline.h"
#include "internal.h"

/* ==== options and presets ==== */

#define BLACK 0x000000UL
#define WHITE 0xFFFFFFUL
#define AMBER 0xFFB000UL

typedef struct profile {
    const char *name;
    precis_layout layout;
    precis_pixels pixels;
    unsigned width, height;
    const char *font; /* NULL: chosen to fit */
    unsigned long fg, bg, accent, time;
    unsigned margin, line_gap, item_gap;
    int fit;
    int outline;             /* outline fonts for lists and panels */
    unsigned dpi;            /* for sizes in points */
    unsigned long max_bytes; /* the device's file limit, 0: none */
    const char *device;      /* what it is, for --list-profiles */
} profile;

/* LED panels show light on black: amber text (easy on the eye at night,
 * readable by day), times and separators in cyan so they stand apart;
 * their bitmap fonts are drawn pixel for pixel. Single-colour P10 signs
 * and e-ink get black and white; grey e-ink and Kindles show the times in
 * dark grey. Paper displays get outline fonts: hinted 1-bit on 1-bit
 * panels, anti-aliased on grey ones, sized in points at the panel's dpi
 * (TRMNL 7.5" 800x480: 125 dpi; TRMNL X 10.3": 227; Kindle Paperwhite
 * 6.8" and Basic 6": 300; a 13.3" 1600x1200 panel: 150). */
static const profile profiles[] = {
    {"led-32x8", PRECIS_LAYOUT_STRIP, PRECIS_PIXELS_AUTO, 32, 8, NULL, AMBER,
     BLACK, 0x00C8FFUL, PRECIS_COLOR_ACCENT, 0, 0, 0, 0, 0, 0, 0,
     "32x8 RGB LED matrix (AWTRIX, WLED)"},
    {"led-64x32", PRECIS_LAYOUT_STRIP, PRECIS_PIXELS_AUTO, 64, 32, NULL, AMBER,
     BLACK, 0x00C8FFUL, PRECIS_COLOR_ACCENT, 0, 0, 0, 0, 0, 0, 0,
     "64x32 HUB75 LED panel"},
    {"led-128x32", PRECIS_LAYOUT_STRIP, PRECIS_PIXELS_AUTO, 128, 32, NULL,
     AMBER, BLACK, 0x00C8FFUL, PRECIS_COLOR_ACCENT, 0, 0, 0, 0, 0, 0, 0,
     "two chained 64x32 LED panels"},
    {"led-192x16", PRECIS_LAYOUT_STRIP, PRECIS_PIXELS_MONO, 192, 16, NULL,
     WHITE, BLACK, WHITE, PRECIS_COLOR_ACCENT, 0, 0, 0, 0, 0, 0, 0,
     "single-colour P10 LED sign"},
    {"trmnl", PRECIS_LAYOUT_LIST, PRECIS_PIXELS_MONO, 800, 480, NULL, BLACK,
     WHITE, BLACK, PRECIS_COLOR_ACCENT, 20, 0, 6, 1, 1, 125, 90000,
     "TRMNL (-f bmp: its 48,062-byte 1-bit BMP)"},
    {"trmnl-2bit", PRECIS_LAYOUT_LIST, PRECIS_PIXELS_GREY2, 800, 480, NULL,
     BLACK, WHITE, 0x555555UL, PRECIS_COLOR_ACCENT, 20, 0, 6, 1, 1, 125,
     90000, "TRMNL, 4 grey levels"},
    {"trmnl-x", PRECIS_LAYOUT_LIST, PRECIS_PIXELS_GREY4, 1872, 1404, NULL,
     BLACK, WHITE, 0x444444UL, PRECIS_COLOR_ACCENT, 48, 0, 14, 1, 1, 227,
     750000, "TRMNL X, 10.3-inch"},
    {"kindle-paperwhite", PRECIS_LAYOUT_LIST, PRECIS_PIXELS_GREY, 1236, 1648,
     NULL, BLACK, WHITE, 0x505050UL, PRECIS_COLOR_ACCENT, 60, 0, 18, 1, 1,
     300, 0, "Kindle Paperwhite (2021 on), 6.8-inch, portrait"},
    {"kindle-basic", PRECIS_LAYOUT_LIST, PRECIS_PIXELS_GREY, 1072, 1448, NULL,
     BLACK, WHITE, 0x505050UL, PRECIS_COLOR_ACCENT, 52, 0, 16, 1, 1, 300, 0,
     "Kindle (2022 on), 6-inch, portrait"},
    {"epaper-7in5", PRECIS_LAYOUT_LIST, PRECIS_PIXELS_MONO, 800, 480, NULL,
     BLACK, WHITE, BLACK, PRECIS_COLOR_ACCENT, 20, 0, 6, 1, 1, 125, 0,
     "7.5-inch e-paper panel"},
    {"epaper-13in3", PRECIS_LAYOUT_LIST, PRECIS_PIXELS_GREY4, 1600, 1200,
     NULL, BLACK, WHITE, 0x444444UL, PRECIS_COLOR_ACCENT, 40, 0, 12, 1, 1,
     150, 0, "13.3-inch e-paper panel"},
    {"eink-800x480", PRECIS_LAYOUT_LIST, PRECIS_PIXELS_MONO, 800, 480, NULL,
     BLACK, WHITE, BLACK, PRECIS_COLOR_ACCENT, 16, 0, 6, 1, 0, 0, 0,
     "7.5-inch 1-bit panel (the earlier preset)"},
    {"kindle", PRECIS_LAYOUT_LIST, PRECIS_PIXELS_GREY, 600, 800, NULL, BLACK,
     WHITE, 0x505050UL, PRECIS_COLOR_ACCENT, 24, 2, 10, 1, 0, 0, 0,
     "older 6-inch Kindles"},
    {"web", PRECIS_LAYOUT_STRIP, PRECIS_PIXELS_AUTO, 0, 0, NULL, 0x1A1A1AUL,
     WHITE, 0xB00020UL, PRECIS_COLOR_ACCENT, 8, 2, 8, 0, 1, 96, 0,
     "web page, any width"},
};

#define N_PROFILES (sizeof profiles / sizeof *profiles)

static void apply(precis_image_options *o, const profile *p)
{
    o->layout = p->layout;
    o->pixels = p->pixels;
    o->width = p->width;
    o->height = p->height;
    o->font = p->font;
    o->fg = p->fg;
    o->bg = p->bg;
    o->accent = p->accent;
    o->time = p->time;
    o->margin = p->margin;
    o->line_gap = p->line_gap;
    o->item_gap = p->item_gap;
    o->fit = p->fit;
    o->outline = p->outline;
    o->dpi = p->dpi;
    o->max_bytes = p->max_bytes;
}

precis_image_options precis_image_options_default(void)
{
    precis_image_options o = {0};
    apply(&o, &profiles[N_PROFILES - 1]);
    o.format = PRECIS_IMG_PNG;
    o.separator = NULL;
    o.loop = 0;
    o.scroll_step = 2;
    o.frame_ms = 40;
    return o;
}

precis_status precis_image_profile(precis_image_options *o, const char *name)
{
    if (!o || !name)
        return PRECIS_EINVAL;
    for (size_t i = 0; i < N_PROFILES; i++)
        if (strcmp(profiles[i].name, name) == 0) {
            apply(o, &profiles[i]);
            return PRECIS_OK;
        }
    return PRECIS_EINVAL;
}

static const char *const profile_names[] = {
    "led-32x8",     "led-64x32",   "led-128x32",        "led-192x16",
    "trmnl",        "trmnl-2bit",  "trmnl-x",           "kindle-paperwhite",
    "kindle-basic", "epaper-7in5", "epaper-13in3",      "eink-800x480",
    "kindle",       "web",         NULL,
};

static const char *const pixel_words[] = {
    "colour", "1-bit", "8-bit grey", "RGB", "2-bit grey", "4-bit grey",
};
static const char *const layout_words[] = {"strip", "list", "panel"};

const char *precis_image_profile_info(const char *name, char *out,
                                      size_t size)
{
    if (!out || !size)
        return NULL;
    for (size_t i = 0; name && i < N_PROFILES; i++) {
        const profile *p = &profiles[i];
        if (strcmp(p->name, name) != 0)
            continue;
        char dims[32], limit[48] = "";
        if (p->width && p->height)
            snprintf(dims, sizeof dims, "%ux%u", p->width, p->height);
        else
            snprintf(dims, sizeof dims, "any size");
        if (p->max_bytes)
            snprintf(limit, sizeof limit, ", PNG < %lu bytes", p->max_bytes);
        snprintf(out, size, "%s, %s, %s, %s fonts%s: %s", dims,
                 pixel_words[p->pixels], layout_words[p->layout],
                 !p->outline || !outline_available() ? "bitmap"
                 : p->layout == PRECIS_LAYOUT_STRIP
                     ? "bitmap strip, outline list and panel"
                     : "outline",
                 limit, p->device);
        return out;
    }
    return NULL;
}

_Static_assert(sizeof profile_names / sizeof *profile_names == N_PROFILES + 1,
               "profile_names must list every profile");

const char *const *precis_image_profiles(void)
{
    return profile_names;
}

/* Smallest first, as precis.h promises; the list must name every font
 * meson.build embeds (test_render_image checks). */
static const char *const font_names[] = {
    "fixed5x7", "term12",  "fixed6x13", "term16",    "term16b", "uni16",
    "term24b",  "term32b", "sans",      "sans-bold", "serif",   NULL,
};

/* Where the bitmap names end and the outline faces begin. */
#define N_BITMAP_FONTS 8

const char *const *precis_image_fonts(void)
{
    static const char *const bitmap_only[N_BITMAP_FONTS + 1] = {
        "fixed5x7", "term12", "fixed6x13", "term16", "term16b",
        "uni16",    "term24b", "term32b",  NULL,
    };
    return outline_available() ? font_names : bitmap_only;
}

/* One letter of each script --list-fonts reports. */
static const struct {
    const char *script;
    uint32_t cp;
} script_probes[] = {
    {"Latin", 0x0041},    {"Greek", 0x03B1},  {"Cyrillic", 0x0416},
    {"Hebrew", 0x05D0},   {"Arabic", 0x0628}, {"Devanagari", 0x0915},
    {"Thai", 0x0E01},     {"CJK", 0x4E2D},    {"Hangul", 0xAC00},
};

/* Appends the scripts that have(cp) covers to out (NUL-terminated). */
static void list_scripts(char *out, size_t size, const font *f, ofont *of)
{
    for (size_t i = 0; i < sizeof script_probes / sizeof *script_probes; i++) {
        uint32_t cp = script_probes[i].cp;
        int has = f ? font_glyph_get(f, cp) != NULL : ofont_has(of, cp) != 0;
        size_t at = strlen(out);
        if (has && at < size)
            snprintf(out + at, size - at, " %s", script_probes[i].script);
    }
}

const char *precis_image_font_describe(const char *name, char *out, size_t size)
{
    if (!name || !out || !size)
        return NULL;
    const font *f = font_find(name);
    if (f) {
        snprintf(out, size, "bitmap, %d pixels, %zu glyphs:",
                 f->ascent + f->descent, f->count);
        list_scripts(out, size, f, NULL);
        return out;
    }
    for (size_t i = 0; outline_available() && i < precis__face_count; i++)
        if (strcmp(precis__faces[i].name, name) == 0) {
            otext *ot = otext_new(0);
            ofont *of = otext_font(ot, name, 16);
            snprintf(out, size, "outline, any size, %zu KB (%s):",
                     precis__faces[i].len / 1024, precis__faces[i].file);
            if (of)
                list_scripts(out, size, NULL, of);
            otext_free(ot);
            return out;
        }
    return NULL;
}

/* Whether name is an outline face. */
static int is_outline_name(const char *name)
{
    for (size_t i = 0; name && i < precis__face_count; i++)
        if (strcmp(precis__faces[i].name, name) == 0)
            return 1;
    return 0;
}

static precis_status lookup(const char *name, const char *const *names,
                            int *out)
{
    if (!name)
        return PRECIS_EINVAL;
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], name) == 0) {
            *out = i;
            return PRECIS_OK;
        }
    return PRECIS_EINVAL;
}

precis_status precis_layout_parse(const char *name, precis_layout *out)
{
    static const char *const names[] = {"strip", "list", "panel", NULL};
    int i;
    if (lookup(name, names, &i) != PRECIS_OK)
        return PRECIS_EINVAL;
    *out = (precis_layout)i;
    return PRECIS_OK;
}

precis_status precis_image_format_parse(const char *name,
                                        precis_image_format *out)
{
    static const char *const names[] = {"png", "ppm", "apng", "bmp", NULL};
    int i;
    if (lookup(name, names, &i) != PRECIS_OK)
        return PRECIS_EINVAL;
    *out = (precis_image_format)i;
    return PRECIS_OK;
}

precis_status precis_pixels_parse(const char *name, precis_pixels *out)
{
    static const char *const names[] = {"auto",  "mono",  "grey",  "rgb",
                                        "gray",  "grey2", "grey4", "gray2",
                                        "gray4", NULL};
    static const precis_pixels values[] = {
        PRECIS_PIXELS_AUTO,  PRECIS_PIXELS_MONO,  PRECIS_PIXELS_GREY,
        PRECIS_PIXELS_RGB,   PRECIS_PIXELS_GREY,  PRECIS_PIXELS_GREY2,
        PRECIS_PIXELS_GREY4, PRECIS_PIXELS_GREY2, PRECIS_PIXELS_GREY4,
    };
    int i;
    if (lookup(name, names, &i) != PRECIS_OK)
        return PRECIS_EINVAL;
    *out = values[i];
    return PRECIS_OK;
}

precis_status precis_sort_parse(const char *name, precis_sort *out)
{
    static const char *const names[] = {"time", "input", NULL};
    int i;
    if (lookup(name, names, &i) != PRECIS_OK)
        return PRECIS_EINVAL;
    *out = (precis_sort)i;
    return PRECIS_OK;
}

precis_status precis_color_parse(const char *name, unsigned long *out)
{
    static const struct {
        const char *name;
        unsigned long rgb;
    } named[] = {
        {"black", 0x000000},  {"white", 0xFFFFFF},   {"red", 0xFF0000},
        {"green", 0x00FF00},  {"blue", 0x0000FF},    {"yellow", 0xFFFF00},
        {"cyan", 0x00FFFF},   {"magenta", 0xFF00FF}, {"amber", AMBER},
        {"orange", 0xFF8000}, {"grey", 0x808080},    {"gray", 0x808080},
    };
    if (!name)
        return PRECIS_EINVAL;
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        if (strcasecmp(named[i].name, name) == 0) {
            *out = named[i].rgb;
            return PRECIS_OK;
        }
    const char *p = name;
    if (*p == '#')
        p++;
    else if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
        p += 2;
    unsigned long v = 0;
    int n = 0;
    for (; *p; p++, n++) {
        int c = (unsigned char)*p, d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return PRECIS_EINVAL;
        v = v << 4 | (unsigned long)d;
        if (n == 6)
            return PRECIS_EINVAL;
    }
    if (n != 6)
        return PRECIS_EINVAL;
    *out = v;
    return PRECIS_OK;
}

/* ==== errors ==== */

typedef struct errsink {
    char *buf;
    size_t size;
} errsink;

static precis_status fail(errsink *e, precis_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static precis_status fail(errsink *e, precis_status st, const char *fmt, ...)
{
    if (e->buf && e->size) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(e->buf, e->size, fmt, ap);
        va_end(ap);
    }
    return st;
}

/* ==== fonts and colours ==== */

/* The bold face that titles use, where the family has one. */
static const font *bold_of(const font *f)
{
    if (strcmp(f->name, "term16") == 0) {
        const font *b = font_find("term16b");
        return b ? b : f;
    }
    return f;
}

/* Candidates for "auto", largest first: bold faces for strips (LED
 * panels want weight), regular ones for running text. */
static const char *const strip_fonts[] = {"term32b", "term24b",  "term16b",
                                          "term12",  "fixed5x7", NULL};
static const char *const text_fonts[] = {"term32b", "term24b",  "term16",
                                         "term12",  "fixed5x7", NULL};

static int font_height(const font *f)
{
    return f->ascent + f->descent;
}

/* Maps a colour for the pixel mode: grey by luma, or black/white. */
static uint32_t map_colour(unsigned long rgb, precis_pixels px)
{
    uint32_t c = (uint32_t)(rgb & 0xFFFFFF);
    if (px == PRECIS_PIXELS_GREY)
        return canvas_luma(c) * 0x010101u;
    if (px == PRECIS_PIXELS_MONO)
        return canvas_luma(c) >= 128 ? 0xFFFFFFu : 0;
    return c;
}

/* Fills spec from o, except the fonts. */
static precis_status make_spec(const precis_image_options *o, layout_spec *sp,
                               errsink *e)
{
    memset(sp, 0, sizeof *sp);
    if ((unsigned)o->layout > PRECIS_LAYOUT_PANEL ||
        (unsigned)o->format > PRECIS_IMG_BMP ||
        (unsigned)o->pixels > PRECIS_PIXELS_GREY4 ||
        (unsigned)o->sort > PRECIS_SORT_INPUT)
        return fail(e, PRECIS_EINVAL, "unknown layout, format or pixels");
    if (o->width > PRECIS_IMAGE_MAX_SIDE || o->height > PRECIS_IMAGE_MAX_SIDE)
        return fail(e, PRECIS_EIMAGE, "%ux%u pixels: a side may be at most %d",
                    o->width, o->height, PRECIS_IMAGE_MAX_SIDE);
    if ((long)o->width * (long)o->height > PRECIS_IMAGE_MAX_AREA)
        return fail(e, PRECIS_EIMAGE, "%ux%u pixels: at most %ld pixels in all",
                    o->width, o->height, PRECIS_IMAGE_MAX_AREA);
    if (o->margin > 4096 || o->line_gap > 4096 || o->item_gap > 4096)
        return fail(e, PRECIS_EINVAL, "margin or gap above 4096 pixels");
    if (o->fg > 0xFFFFFF || o->bg > 0xFFFFFF || o->accent > 0xFFFFFF ||
        (o->time > 0xFFFFFF && o->time != PRECIS_COLOR_ACCENT))
        return fail(e, PRECIS_EINVAL, "a colour is not 0xRRGGBB");
    if (o->format == PRECIS_IMG_APNG) {
        if (o->layout != PRECIS_LAYOUT_STRIP)
            return fail(e, PRECIS_EINVAL,
                        "an animation scrolls a strip: use the strip layout");
        if (o->scroll_step < 1 || o->scroll_step > 1024 || o->frame_ms < 1 ||
            o->frame_ms > 65535)
            return fail(e, PRECIS_EINVAL,
                        "scroll step must be 1 to 1024 pixels and frame "
                        "time 1 to 65535 ms");
    }
    precis_pixels px = o->pixels;
    if (px == PRECIS_PIXELS_GREY2 || px == PRECIS_PIXELS_GREY4)
        px = PRECIS_PIXELS_GREY; /* quantised after drawing */
    sp->layout = precis_image_effective_layout(o);
    sp->channels = px == PRECIS_PIXELS_GREY || px == PRECIS_PIXELS_MONO ? 1 : 3;
    sp->bg = map_colour(o->bg, px);
    sp->fg = map_colour(o->fg, px);
    sp->accent = map_colour(o->accent, px);
    sp->time =
        o->time == PRECIS_COLOR_ACCENT ? sp->accent : map_colour(o->time, px);
    /* Black and white must not lose text that differed from the
     * background only in hue: give it the opposite of the background. */
    if (px == PRECIS_PIXELS_MONO) {
        uint32_t inv = sp->bg ^ 0xFFFFFFu;
        sp->fg = sp->fg == sp->bg ? inv : sp->fg;
        sp->accent = sp->accent == sp->bg ? inv : sp->accent;
        sp->time = sp->time == sp->bg ? inv : sp->time;
    }
    sp->width = (int)o->width;
    sp->height = (int)o->height;
    sp->margin = (int)o->margin;
    sp->line_gap = (int)o->line_gap;
    sp->item_gap = (int)o->item_gap;
    sp->sep = o->separator ? o->separator : " \xE2\x80\xA2 ";
    sp->sep_len = strlen(sp->sep);
    sp->more = sp->layout == PRECIS_LAYOUT_LIST;
    sp->fit = o->fit && o->format != PRECIS_IMG_APNG;
    sp->loop = o->loop || o->format == PRECIS_IMG_APNG;
    if (o->format == PRECIS_IMG_APNG) {
        sp->fit = 0;
        /* The tape is at least one window wide. */
        sp->width = o->width ? (int)o->width : 320;
    }
    return PRECIS_OK;
}

precis_layout precis_image_effective_layout(const precis_image_options *o)
{
    if (!o)
        return PRECIS_LAYOUT_STRIP;
    /* Three lines of the 5x7 font (8 pixels each) and the margins. */
    if (o->layout != PRECIS_LAYOUT_STRIP && o->height &&
        o->height < 24 + 2 * o->margin)
        return PRECIS_LAYOUT_STRIP;
    return o->layout;
}

/* Whether layout_run with sp shows everything (or, with st_out, what it
 * did); an error other than PRECIS_EIMAGE counts as not fitting. */
static precis_status trial(const layout_spec *sp, const char *title,
                           size_t title_len, const precis_item *items,
                           size_t n, layout_stats *st, errsink *e)
{
    return layout_run(sp, title, title_len, items, n, NULL, st, e->buf,
                      e->size);
}

/* Sets sp's outline faces for a body of px pixels: body (with sans
 * behind a serif, for the scripts DejaVu Serif lacks), a bold title 1.3
 * times as large (1.15 over a panel's prose, whose title is a whole
 * headline), and a header and footer 0.8 times. */
static void set_outline(layout_spec *sp, otext *ot, const char *family, int px)
{
    int tpx = sp->layout == PRECIS_LAYOUT_PANEL ? px * 23 / 20 : px * 13 / 10;
    int spx = px * 8 / 10 > 8 ? px * 8 / 10 : 8;
    memset(sp->body_of, 0, sizeof sp->body_of);
    memset(sp->title_of, 0, sizeof sp->title_of);
    memset(sp->small_of, 0, sizeof sp->small_of);
    sp->body_of[0] = otext_font(ot, family, px);
    if (strcmp(family, "sans") != 0)
        sp->body_of[1] = otext_font(ot, "sans", px);
    sp->title_of[0] = otext_font(ot, "sans-bold", tpx);
    sp->title_of[1] = otext_font(ot, "sans", tpx);
    sp->small_of[0] = otext_font(ot, "sans", spx);
}

/* Outline faces for sp (precis_image_options.outline): the largest body
 * size between the point limits that shows everything, found by
 * bisection (a larger size never shows more); else the smallest. Returns
 * PRECIS_OK, or an error when no size fits the width or height at all. */
static precis_status choose_outline(const precis_image_options *o,
                                    layout_spec *sp, otext *ot,
                                    const char *family, const char *title,
                                    size_t title_len, const precis_item *items,
                                    size_t n, errsink *e)
{
    unsigned dpi = o->dpi ? o->dpi : 96;
    unsigned pt_min = o->font_pt_min ? o->font_pt_min : 8;
    /* A panel's prose may grow larger than a list's lines. */
    unsigned pt_max = o->font_pt_max ? o->font_pt_max
                      : sp->layout == PRECIS_LAYOUT_PANEL ? 26
                                                          : 22;
    if (pt_max < pt_min)
        pt_max = pt_min;
    int lo = (int)((pt_min * dpi + 36) / 72), hi = (int)((pt_max * dpi + 36) / 72);
    lo = lo < 6 ? 6 : lo > 512 ? 512 : lo;
    hi = hi < lo ? lo : hi > 512 ? 512 : hi;
    int avail = sp->height - 2 * sp->margin;
    if (sp->layout == PRECIS_LAYOUT_STRIP) {
        /* The largest size whose line fits the strip (or 11 points):
         * scaled from one probe, then stepped down the last pixels. */
        int px = sp->height ? avail : (int)((11 * dpi + 36) / 72);
        px = px > 512 ? 512 : px;
        if (sp->height && px >= 6) {
            ofont *probe = otext_font(ot, family, px);
            int lh = probe ? ofont_ascent(probe) + ofont_descent(probe) : 0;
            if (lh > avail)
                px = (int)((long)px * avail / lh) + 1;
        }
        for (; px >= 6; px--) {
            set_outline(sp, ot, family, px);
            if (!sp->body_of[0])
                return fail(e, PRECIS_EINVAL, "font %s cannot be opened",
                            family);
            if (!sp->height || ofont_ascent(sp->body_of[0]) +
                                       ofont_descent(sp->body_of[0]) <=
                                   avail)
                return PRECIS_OK;
        }
        return fail(e, PRECIS_EINVAL, "no font fits a %d-pixel strip",
                    sp->height);
    }
    if (sp->height == 0) {
        set_outline(sp, ot, family, (int)((11 * dpi + 36) / 72));
        return sp->body_of[0] ? PRECIS_OK
                              : fail(e, PRECIS_EINVAL,
                                     "font %s cannot be opened", family);
    }
    /* Bisection for the largest px in [lo, hi] that shows everything. */
    int good = 0;
    layout_stats st;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        set_outline(sp, ot, family, mid);
        if (!sp->body_of[0])
            return fail(e, PRECIS_EINVAL, "font %s cannot be opened", family);
        precis_status rc = trial(sp, title, title_len, items, n, &st, e);
        if (rc == PRECIS_EIMAGE)
            return rc;
        if (rc == PRECIS_OK && !st.truncated) {
            good = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    int px = good ? good : (int)((pt_min * dpi + 36) / 72);
    for (; px >= 6; px--) {
        set_outline(sp, ot, family, px);
        precis_status rc = trial(sp, title, title_len, items, n, &st, e);
        if (rc == PRECIS_OK)
            return PRECIS_OK;
        if (rc == PRECIS_EIMAGE)
            return rc;
    }
    return fail(e, PRECIS_EINVAL,
                "no font fits a %dx%d image with %d-pixel margins", sp->width,
                sp->height, sp->margin);
}

/* Picks sp->body and sp->title: the named font, or the largest that fits
 * (precis.h, precis_image_options.font). */
static precis_status choose_font(const precis_image_options *o, layout_spec *sp,
                                 const char *title, size_t title_len,
                                 const precis_item *items, size_t n, errsink *e)
{
    if (o->font && strcmp(o->font, "auto") != 0) {
        const font *f = font_find(o->font);
        if (!f) {
            char names[256] = "";
            for (const char *const *p = precis_image_fonts(); *p; p++)
                snprintf(names + strlen(names), sizeof names - strlen(names),
                         "%s%s", p == precis_image_fonts() ? "" : ", ", *p);
            return fail(e, PRECIS_EINVAL, "unknown font \"%s\" (fonts: %s)",
                        o->font, names);
        }
        sp->body = f;
        sp->title = bold_of(f);
        return PRECIS_OK;
    }
    int avail = sp->height - 2 * sp->margin;
    if (sp->layout == PRECIS_LAYOUT_STRIP) {
        const font *pick = NULL;
        for (const char *const *p = strip_fonts; *p && !pick; p++) {
            const font *f = font_find(*p);
            if (f && (sp->height == 0 ? strcmp(*p, "term16b") == 0
                                      : font_height(f) <= avail))
                pick = f;
        }
        if (!pick)
            return fail(e, PRECIS_EINVAL,
                        "no font fits a %d-pixel strip with %d-pixel "
                        "margins",
                        sp->height, sp->margin);
        sp->body = sp->title = pick;
        return PRECIS_OK;
    }
    if (sp->height == 0) {
        sp->body = font_find("term16");
        sp->title = bold_of(sp->body);
        return sp->body ? PRECIS_OK
                        : fail(e, PRECIS_EINVAL, "font term16 missing");
    }
    /* Fixed page: the largest font that shows everything, with the
     * spacing asked for or, failing that, with tight spacing (a larger
     * face reads better across a room than wider gaps); if none shows
     * everything, the one that shows the most text, among those no
     * smaller than 1/60 of the height. */
    const font *best = NULL;
    layout_spec best_spec = *sp;
    size_t best_dropped = (size_t)-1;
    for (const char *const *p = text_fonts; *p; p++) {
        const font *f = font_find(*p);
        if (!f || font_height(f) > avail)
            continue;
        if (best && font_height(f) * 60 < sp->height)
            break;
        for (int tight = 0; tight < 2; tight++) {
            layout_spec trial = *sp;
            trial.body = f;
            trial.title = bold_of(f);
            if (tight) {
                if (sp->line_gap == 0 && sp->item_gap <= 2)
                    break;
                trial.line_gap = 0;
                trial.item_gap = sp->item_gap < 2 ? sp->item_gap : 2;
            }
            layout_stats st;
            precis_status rc = layout_run(&trial, title, title_len, items, n,
                                          NULL, &st, e->buf, e->size);
            if (rc == PRECIS_EIMAGE)
                return rc; /* too large whatever the font */
            if (rc != PRECIS_OK)
                continue;
            if (!st.truncated) {
                *sp = trial;
                return PRECIS_OK;
            }
            if (!tight && st.dropped < best_dropped) {
                best = f;
                best_spec = trial;
                best_dropped = st.dropped;
            }
        }
    }
    if (!best)
        return fail(e, PRECIS_EINVAL,
                    "no font fits a %dx%d image with %d-pixel margins",
                    sp->width, sp->height, sp->margin);
    *sp = best_spec;
    return PRECIS_OK;
}

/* ==== encoders ==== */

void img_ppm_encode(const canvas *c, buf *out)
{
    buf_printf(out, "P6\n%d %d\n255\n", c->w, c->h);
    size_t n = (size_t)c->w * (size_t)c->h;
    buf_grow(out, n * 3);
    for (size_t i = 0; i < n; i++) {
        const uint8_t *q = c->px + i * (size_t)c->ch;
        if (c->ch == 1) {
            char g[3] = {(char)q[0], (char)q[0], (char)q[0]};
            buf_put(out, g, 3);
        } else {
            buf_put(out, q, 3);
        }
    }
}

/* Widens the strip to a multiple of step by adding background at its end
 * (after the closing separator), so the loop closes exactly. */
static canvas *pad_tape(canvas *c, int step, uint32_t bg)
{
    int w = (c->w + step - 1) / step * step;
    if (w == c->w)
        return c;
    canvas *t = canvas_new(w, c->h, c->ch, bg);
    for (int y = 0; y < c->h; y++)
        memcpy(t->px + (size_t)y * (size_t)w * (size_t)c->ch,
               c->px + (size_t)y * (size_t)c->w * (size_t)c->ch,
               (size_t)c->w * (size_t)c->ch);
    canvas_free(c);
    return t;
}

/* Rounds every grey pixel to the nearest multiple of step (85: 4
 * levels, 17: 16 levels), so the PNG holds them at 2 or 4 bits. */
static void quantise(canvas *c, unsigned step)
{
    uint8_t to[256];
    for (unsigned v = 0; v < 256; v++)
        to[v] = (uint8_t)((v + step / 2) / step * step);
    size_t n = (size_t)c->w * (size_t)c->h * (size_t)c->ch;
    for (size_t i = 0; i < n; i++)
        c->px[i] = to[c->px[i]];
}

/* ==== order ==== */

/* The sort key of an item's time: "[YYYY-MM-DD[T ]]H:MM" as minutes
 * (the date, when there, in front), or -1 when there is no such time. */
static long time_key(const char *t, size_t len)
{
    if (!t)
        return -1;
    long date = 0;
    size_t i = 0;
    if (len >= 10 && t[4] == '-' && t[7] == '-') {
        for (size_t k = 0; k < 10; k++)
            if (k != 4 && k != 7) {
                if (t[k] < '0' || t[k] > '9')
                    return -1;
                date = date * 10 + (t[k] - '0');
            }
        i = 10;
        if (i < len && (t[i] == 'T' || t[i] == ' '))
            i++;
    }
    while (i < len && t[i] == ' ')
        i++;
    long h = 0, m = 0;
    size_t d = 0;
    for (; i < len && t[i] >= '0' && t[i] <= '9' && d < 2; i++, d++)
        h = h * 10 + (t[i] - '0');
    if (d == 0 || i >= len || t[i] != ':')
        return -1;
    i++;
    for (d = 0; i < len && t[i] >= '0' && t[i] <= '9' && d < 2; i++, d++)
        m = m * 10 + (t[i] - '0');
    if (d != 2 || h > 23 || m > 59)
        return -1;
    return date * 1440 + h * 60 + m;
}

typedef struct keyed {
    long key;
    size_t at;
} keyed;

static int newest_first(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? 1 : -1;
    return x->at < y->at ? -1 : x->at > y->at; /* stable */
}

/* items newest first in a new array (free it), or NULL when they stay as
 * they are: sort is PRECIS_SORT_INPUT, or an item has no time. */
static precis_item *sort_items(const precis_image_options *o,
                               const precis_item *items, size_t n)
{
    if (o->sort != PRECIS_SORT_TIME || n < 2)
        return NULL;
    keyed *k = precis__reallocarray(NULL, n, sizeof *k);
    for (size_t i = 0; i < n; i++) {
        k[i] = (keyed){time_key(items[i].time, items[i].time_len), i};
        if (k[i].key < 0) {
            free(k);
            return NULL;
        }
    }
    qsort(k, n, sizeof *k, newest_first);
    precis_item *v = precis__reallocarray(NULL, n, sizeof *v);
    for (size_t i = 0; i < n; i++)
        v[i] = items[k[i].at];
    free(k);
    return v;
}

/* ==== entry points ==== */

/* Bytes of text (title and items together) an image may be asked for. */
#define IMAGE_MAX_TEXT (1 << 20)

/* All frames of an animation together: about a second of encoding. */
#define APNG_MAX_PIXELS 268435456.0

precis_status image_layout(const char *title, size_t title_len,
                           const precis_item *items, size_t n,
                           const precis_image_options *o, layout_spec *sp,
                           canvas **out, layout_stats *st, char *err,
                           size_t errsize)
{
    errsink e = {err, errsize};
    *out = NULL;
    if (n && !items)
        return fail(&e, PRECIS_EINVAL, "no items");
    /* More text than any image within the limits can show (a 5x7 glyph
     * in every one of PRECIS_IMAGE_MAX_AREA pixels' worth of cells is
     * under half a million): refuse it before shaping it. */
    size_t total = title ? title_len : 0;
    for (size_t i = 0; i < n; i++)
        total += (items[i].text ? items[i].len : 0) +
                 (items[i].time ? items[i].time_len : 0);
    if (total > IMAGE_MAX_TEXT)
        return fail(&e, PRECIS_EIMAGE,
                    "%zu bytes of text is more than an image can show (at "
                    "most %d)",
                    total, IMAGE_MAX_TEXT);
    precis_status rc = make_spec(o, sp, &e);
    if (rc != PRECIS_OK)
        return rc;
    /* The dashboard's texts. */
    char right[160] = "";
    int has_date = o->date && *o->date, has_upd = o->updated && *o->updated;
    if (has_date || has_upd)
        snprintf(right, sizeof right, "%s%s%s%s", has_date ? o->date : "",
                 has_date && has_upd ? " \xC2\xB7 " : "",
                 has_upd ? "updated " : "", has_upd ? o->updated : "");
    if (sp->layout != PRECIS_LAYOUT_STRIP) {
        sp->header_right = right[0] ? right : NULL;
        sp->footer = o->footer;
        if ((!title || !title_len) && o->heading && *o->heading) {
            title = o->heading;
            title_len = strlen(o->heading);
        }
    }
    precis_item *sorted = sort_items(o, items, n);
    if (sorted)
        items = sorted;
    /* Outline faces for lists and panels when asked for and compiled in;
     * the bitmap fonts otherwise (and always on LED strips). */
    const char *family = NULL;
    if (o->font && is_outline_name(o->font))
        family = o->font;
    else if ((!o->font || strcmp(o->font, "auto") == 0) && o->outline &&
             sp->layout != PRECIS_LAYOUT_STRIP)
        family = sp->layout == PRECIS_LAYOUT_PANEL ? "serif" : "sans";
    otext *ot = family ? otext_new(o->pixels == PRECIS_PIXELS_MONO) : NULL;
    if (family && !ot && o->font && is_outline_name(o->font))
        rc = fail(&e, PRECIS_EINVAL, "outline fonts are not compiled in");
    else if (ot)
        rc = choose_outline(o, sp, ot, family, title, title_len, items, n, &e);
    else
        rc = choose_font(o, sp, title, title_len, items, n, &e);
    if (rc == PRECIS_OK && sp->body_of[0]) {
        snprintf(sp->face, sizeof sp->face, "%s %dpx",
                 ofont_name(sp->body_of[0]), ofont_px(sp->body_of[0]));
        sp->line_px =
            ofont_ascent(sp->body_of[0]) + ofont_descent(sp->body_of[0]);
    } else if (rc == PRECIS_OK && sp->body) {
        snprintf(sp->face, sizeof sp->face, "%s", sp->body->name);
        sp->line_px = sp->body->ascent + sp->body->descent;
    }
    if (rc == PRECIS_OK)
        rc = layout_run(sp, title, title_len, items, n, out, st, err, errsize);
    /* The faces die here: *sp's outline pointers are not to be used. */
    memset(sp->body_of, 0, sizeof sp->body_of);
    memset(sp->title_of, 0, sizeof sp->title_of);
    memset(sp->small_of, 0, sizeof sp->small_of);
    sp->header_right = NULL;
    otext_free(ot);
    free(sorted);
    if (rc == PRECIS_OK && *out &&
        (o->pixels == PRECIS_PIXELS_GREY2 || o->pixels == PRECIS_PIXELS_GREY4))
        quantise(*out, o->pixels == PRECIS_PIXELS_GREY2 ? 85 : 17);
    return rc;
}

static precis_status render(const char *title, size_t title_len,
                            const precis_item *items, size_t n,
                            const precis_image_options *o, precis_sink *sink,
                            errsink *e)
{
    precis_image_options defaults = precis_image_options_default();
    if (!o)
        o = &defaults;
    if (!sink || !sink->write)
        return fail(e, PRECIS_EINVAL, "no sink");
    layout_spec sp;
    canvas *c;
    precis_status st = image_layout(title, title_len, items, n, o, &sp, &c,
                                    NULL, e->buf, e->size);
    if (st != PRECIS_OK)
        return st;

    buf out = {0};
    int rc = 0;
    if (o->format == PRECIS_IMG_PPM) {
        img_ppm_encode(c, &out);
    } else if (o->format == PRECIS_IMG_BMP) {
        img_bmp_encode(c, o->pixels, &out);
    } else if (o->format == PRECIS_IMG_PNG) {
        rc = img_png_encode(c, o->pixels, &out, e->buf, e->size);
    } else {
        int step = (int)o->scroll_step;
        c = pad_tape(c, step, sp.bg);
        long frames = c->w / step;
        int fw = sp.width;
        /* Bound the frames, and the pixels all frames hold together (the
         * encoding time), with a message that says what to change. */
        int fh = c->h;
        if (frames > PRECIS_IMAGE_MAX_FRAMES ||
            (double)frames * fw * fh > APNG_MAX_PIXELS) {
            canvas_free(c);
            return fail(e, PRECIS_EIMAGE,
                        "the animation would have %ld frames of %dx%d; at "
                        "most %d frames and %.0f pixels in all (scroll more "
                        "pixels a frame, or show less text)",
                        frames, fw, fh, PRECIS_IMAGE_MAX_FRAMES,
                        APNG_MAX_PIXELS);
        }
        rc = img_apng_encode(c, fw, step, o->frame_ms, o->pixels, &out, e->buf,
                         e->size);
    }
    canvas_free(c);
    if (rc != 0) {
        buf_free(&out);
        return PRECIS_EIMAGE;
    }
    if (o->max_bytes && out.len > o->max_bytes &&
        (o->format == PRECIS_IMG_PNG || o->format == PRECIS_IMG_BMP)) {
        size_t len = out.len;
        buf_free(&out);
        return fail(e, PRECIS_EIMAGE,
                    "the image is %zu bytes; the device takes at most %lu",
                    len, o->max_bytes);
    }
    int wrc = sink->write(sink->ud, out.data, out.len);
    buf_free(&out);
    if (wrc != 0)
        return fail(e, PRECIS_EIO, "the output sink refused the data");
    return PRECIS_OK;
}

precis_status precis_render_image_items(const char *title, size_t title_len,
                                        const precis_item *items, size_t n,
                                        const precis_image_options *o,
                                        precis_sink *sink, char *errbuf,
                                        size_t errsize)
{
    errsink e = {errbuf, errsize};
    if (errbuf && errsize)
        errbuf[0] = '\0';
    return render(title, title_len, items, n, o, sink, &e);
}

precis_status precis_render_image(const precis_doc *doc,
                                  const precis_image_options *o,
                                  precis_sink *sink)
{
    if (!doc)
        return PRECIS_EINVAL;
    precis_image_options defaults = precis_image_options_default();
    if (!o)
        o = &defaults;
    char msg[512] = "";
    errsink e = {msg, sizeof msg};
    size_t nh = precis_doc_headline_count(doc);
    precis_item *items = NULL;
    size_t n = 0;
    const char *title = NULL;
    size_t title_len = 0;
    precis_status st;
    if (nh && o->layout != PRECIS_LAYOUT_PANEL) {
        items = precis__reallocarray(NULL, nh, sizeof *items);
        for (size_t i = 0; i < nh; i++) {
            precis_headline h;
            if (precis_doc_headline(doc, i, &h) != PRECIS_OK)
                continue;
            items[n++] = (precis_item){h.time, h.time_len, h.text, h.len};
        }
    } else if (doc->state != DOC_SUMMARIZED) {
        return precis__fail(doc->ctx, PRECIS_ESTATE, "render before summarize");
    } else {
        size_t ns = precis_doc_summary_count(doc);
        items = precis__reallocarray(NULL, ns ? ns : 1, sizeof *items);
        for (size_t k = 0; k < ns; k++) {
            precis_sentence s;
            if (precis_doc_summary_sentence(doc, k, &s) != PRECIS_OK)
                continue;
            items[n++] = (precis_item){NULL, 0, s.text, s.len};
        }
        title = precis_doc_title(doc, &title_len);
    }
    st = render(title, title_len, items, n, o, sink, &e);
    free(items);
    if (st != PRECIS_OK)
        return precis__fail(doc->ctx, st, "%s", msg);
    return PRECIS_OK;
}
