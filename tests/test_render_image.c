/* Tests for the image renderers: fonts and the fallback chain (font.c),
 * layouts (canvas.c), PNG/APNG (render_png.c), PPM and options
 * (render_image.c).
 *
 *   test_render_image                       the unit tests (cmocka, TAP)
 *   test_render_image --golden DIR CASE     one golden image: render, decode the
 *                                    PNG with libpng, compare header
 *                                    fields and pixels with DIR/CASE.ppm.gz
 *   test_render_image --seed FILE           FILE's sidebar headlines through the
 *                                    document API with every profile; exit
 *                                    77 (skipped) when FILE is missing or
 *                                    ingest finds no headlines
 *
 * PNG bytes depend on the zlib build, so no test compares them with a
 * stored file: goldens are decoded pixels, stored as gzipped binary PPM
 * (zcat CASE.ppm.gz > x.ppm to look at one). To regenerate them after an
 * intended change, run
 *     PRECIS_UPDATE_GOLDEN=1 meson test -C BUILD --suite image-golden
 * and review the pictures (never in CI). A failing case writes
 * CASE.actual.ppm into the build's tests folder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>
#include <zlib.h>

#include "test_util.h"

#include "render/canvas.h"
#include "render/font.h"

/* ==== fixtures: text written for these tests ==== */

static const char *const headlines[9][2] = {
    {"06:05", "Harbour bridge reopens two weeks early after \xC2\xA3"
              "14.2m repair"},
    {"07:30", "Rail strike called off as unions accept \xE2\x80\x9C"
              "final\xE2\x80\x9D pay offer"},
    {"08:12", "Storm Imogen brings 90 mph gusts \xE2\x80\x94 ferries "
              "cancelled until Friday"},
    {"09:45", "Central bank holds rates at 4.25% for a third month"},
    {"10:20", "Zo\xC3\xAB Castell wins city marathon in record 2:21:07"},
    {"11:02", "Caf\xC3\xA9 owners protest new \xE2\x82\xAC"
              "2 levy on takeaway cups"},
    {"12:40", "Museum returns bronze statue to Athens (\xCE\x91\xCE\xB8"
              "\xCE\xAE\xCE\xBD\xCE\xB1) after 80 years"},
    {"13:15", "Scientists map 1,200 new deep-sea species off the "
              "coast\xE2\x80\xA6"},
    {"14:50", "Council approves 3,000 homes on former airfield site"},
};

static const char title[] = "Harbour bridge reopens two weeks early";

static const char *const sentences[3] = {
    "The Kettleby harbour bridge reopened to traffic on Monday morning, "
    "two weeks ahead of schedule, after a six-month repair that cost the "
    "city \xC2\xA3"
    "14.2m.",
    "Engineers closed the 1930s steel bridge in May when an inspection "
    "found corrosion in three of its main support cables.",
    "Dr. Amir Castell, the structural engineer who led the project, said "
    "the new cables were designed to last at least 80 years.",
};

/* Scripts and symbols from every step of the fallback chain: Terminus,
 * Unifont (Devanagari, rupee), misc-fixed, ASCII substitutes, hex boxes
 * (CJK, beyond the BMP), a decomposed e + acute, a zero-width space. */
static const char unicode_line[] =
    "Zo\xC3\xAB \xE4\xB8\xAD\xE6\x96\x87 \xE0\xA4\x95\xE0\xA4\xBF "
    "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xE2\x84\xB5 \xF0\x9F\x98\x80 "
    "\xEF\xAC\x81nal\xE2\x84\xA2 e\xCC\x81 \xE2\x80\x9Cq\xE2\x80\x9D "
    "\xE2\x80\xA6 \xE2\x82\xB9 \xE2\x80\x8B|";

/* Headlines in scripts that need more than a font: Arabic (joining
 * forms, right to left), Hebrew (right to left, a number inside), and
 * Chinese (the fallback font). Written for these tests. */
static const char *const world[4][2] = {
    {"07:10", "\xD8\xA7\xD9\x84\xD9\x85\xD8\xAF\xD9\x8A\xD9\x86\xD8\xA9 "
              "\xD8\xAA\xD9\x81\xD8\xAA\xD8\xAD \xD8\xAC\xD8\xB3\xD8\xB1\xD8\xA7 "
              "\xD8\xAC\xD8\xAF\xD9\x8A\xD8\xAF\xD8\xA7 \xD9\x81\xD9\x8A 2026"},
    {"08:25", "\xD7\x94\xD7\xA2\xD7\x99\xD7\xA8 \xD7\xA4\xD7\x95\xD7\xAA\xD7\x97\xD7\xAA "
              "\xD7\x92\xD7\xA9\xD7\xA8 \xD7\x97\xD7\x93\xD7\xA9 \xD7\x91-2026"},
    {"09:40", "\xE5\x9F\x8E\xE5\xB8\x82\xE6\x96\xB0\xE6\xA1\xA5\xE6\x8F\x90\xE5\x89\x8D"
              "\xE4\xB8\xA4\xE5\x91\xA8\xE9\x80\x9A\xE8\xBD\xA6"},
    {"10:05", "Bridge reopens early, \xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1 and "
              "\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 cheer"},
};

static size_t fill_world(precis_item *items)
{
    for (size_t i = 0; i < 4; i++)
        items[i] = (precis_item){world[i][0], strlen(world[i][0]), world[i][1],
                                 strlen(world[i][1])};
    return 4;
}

static size_t fill_headlines(precis_item *items, size_t n)
{
    for (size_t i = 0; i < n && i < 9; i++)
        items[i] = (precis_item){headlines[i][0], strlen(headlines[i][0]),
                                 headlines[i][1], strlen(headlines[i][1])};
    return n < 9 ? n : 9;
}

static size_t fill_sentences(precis_item *items)
{
    for (size_t i = 0; i < 3; i++)
        items[i] = (precis_item){NULL, 0, sentences[i], strlen(sentences[i])};
    return 3;
}

/* ==== decoding ==== */

typedef struct image {
    int w, h;
    uint8_t *rgb; /* w * h * 3 */
} image;

/* Header fields straight from the IHDR chunk. */
typedef struct ihdr {
    uint32_t w, h;
    int depth, color_type;
} ihdr;

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
           p[3];
}

static ihdr read_ihdr(const precis_membuf *m)
{
    const uint8_t *p = (const uint8_t *)m->data;
    assert_true(m->len > 33);
    assert_memory_equal(p, "\x89PNG\r\n\x1A\n", 8);
    assert_memory_equal(p + 12, "IHDR", 4);
    return (ihdr){be32(p + 16), be32(p + 20), p[24], p[25]};
}

/* Decodes PNG bytes to RGB with libpng's simplified API. */
static image decode_png(const void *data, size_t len)
{
    png_image pi;
    memset(&pi, 0, sizeof pi);
    pi.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&pi, data, len))
        fail_msg("libpng cannot read the PNG: %s", pi.message);
    pi.format = PNG_FORMAT_RGB;
    image im = {(int)pi.width, (int)pi.height, NULL};
    im.rgb = malloc(PNG_IMAGE_SIZE(pi));
    assert_non_null(im.rgb);
    if (!png_image_finish_read(&pi, NULL, im.rgb, 0, NULL))
        fail_msg("libpng cannot decode the PNG: %s", pi.message);
    return im;
}

static uint32_t pixel(const image *im, int x, int y)
{
    const uint8_t *p = im->rgb + ((size_t)y * (size_t)im->w + (size_t)x) * 3;
    return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

/* The first differing pixel's index, or -1. */
static long first_difference(const image *a, const image *b)
{
    if (a->w != b->w || a->h != b->h)
        return 0;
    for (long i = 0; i < (long)a->w * a->h; i++)
        if (memcmp(a->rgb + i * 3, b->rgb + i * 3, 3) != 0)
            return i;
    return -1;
}

/* Reads binary PPM (P6, maxval 255), gzipped or not. */
static int read_ppm(const char *path, image *im)
{
    gzFile f = gzopen(path, "rb");
    if (!f)
        return -1;
    char head[64];
    int n = gzread(f, head, sizeof head - 1);
    int w, h, max, used = 0;
    if (n <= 0) {
        gzclose(f);
        return -1;
    }
    head[n] = '\0';
    if (sscanf(head, "P6 %d %d %d%n", &w, &h, &max, &used) != 3 || max != 255 ||
        w < 1 || h < 1 || used >= n) {
        gzclose(f);
        return -1;
    }
    used++; /* the single white space after maxval */
    size_t size = (size_t)w * (size_t)h * 3;
    im->w = w;
    im->h = h;
    im->rgb = malloc(size);
    size_t have = (size_t)n - (size_t)used;
    memcpy(im->rgb, head + used, have < size ? have : size);
    if (have < size && gzread(f, im->rgb + have, (unsigned)(size - have)) !=
                           (int)(size - have)) {
        gzclose(f);
        free(im->rgb);
        return -1;
    }
    gzclose(f);
    return 0;
}

static int write_ppm(const char *path, const image *im, int gz)
{
    char head[64];
    int hn = snprintf(head, sizeof head, "P6\n%d %d\n255\n", im->w, im->h);
    size_t size = (size_t)im->w * (size_t)im->h * 3;
    if (gz) {
        gzFile f = gzopen(path, "wb9");
        if (!f)
            return -1;
        int ok = gzwrite(f, head, (unsigned)hn) == hn &&
                 gzwrite(f, im->rgb, (unsigned)size) == (int)size;
        return gzclose(f) == Z_OK && ok ? 0 : -1;
    }
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int ok = fwrite(head, 1, (size_t)hn, f) == (size_t)hn &&
             fwrite(im->rgb, 1, size, f) == size;
    return fclose(f) == 0 && ok ? 0 : -1;
}

/* ==== rendering helpers ==== */

static precis_status render(const char *t, const precis_item *items, size_t n,
                            const precis_image_options *o, precis_membuf *m,
                            char *err, size_t errsize)
{
    precis_sink sink = precis_sink_mem(m);
    return precis_render_image_items(t, t ? strlen(t) : 0, items, n, o, &sink,
                                     err, errsize);
}

static void must_render(const char *t, const precis_item *items, size_t n,
                        const precis_image_options *o, precis_membuf *m)
{
    char err[256];
    precis_status st = render(t, items, n, o, m, err, sizeof err);
    if (st != PRECIS_OK)
        fail_msg("render failed: %s: %s", precis_strerror(st), err);
}

/* The asymmetric fixture (stb's trick): a 6 x 5 "F" that no flip,
 * transposition or channel swap maps onto itself. Red F on blue, a green
 * pixel top-right, and one colour with three different channels bottom
 * right, so R <-> B or any other channel swap shows. */
static const char *const fixture_f[5] = {
    "RRRRBG", "RBBBBB", "RRRBBB", "RBBBBB", "RBBBBX",
};

static uint32_t fixture_colour(char c)
{
    switch (c) {
    case 'R':
        return 0xFF0000;
    case 'G':
        return 0x00FF00;
    case 'X':
        return 0x123456;
    default:
        return 0x0000FF;
    }
}

static canvas *make_fixture(void)
{
    canvas *c = canvas_new(6, 5, 3, 0);
    for (int y = 0; y < 5; y++)
        for (int x = 0; x < 6; x++)
            canvas_fill(c, x, y, 1, 1, fixture_colour(fixture_f[y][x]));
    return c;
}

static void assert_fixture(const image *im)
{
    assert_int_equal(im->w, 6);
    assert_int_equal(im->h, 5);
    for (int y = 0; y < 5; y++)
        for (int x = 0; x < 6; x++)
            if (pixel(im, x, y) != fixture_colour(fixture_f[y][x]))
                fail_msg("pixel (%d,%d) is %06X, want %06X", x, y,
                         (unsigned)pixel(im, x, y),
                         (unsigned)fixture_colour(fixture_f[y][x]));
}

static ihdr encode_decode(const canvas *c, precis_pixels px, image *im)
{
    buf b = {0};
    char err[128];
    assert_int_equal(img_png_encode(c, px, &b, err, sizeof err), 0);
    precis_membuf m = {b.data, b.len, b.cap};
    ihdr h = read_ihdr(&m);
    *im = decode_png(b.data, b.len);
    buf_free(&b);
    return h;
}

/* ==== the fixture through every encoder ==== */

static void test_fixture_png_palette(void **state)
{
    (void)state;
    canvas *c = make_fixture();
    image im;
    ihdr h = encode_decode(c, PRECIS_PIXELS_AUTO, &im);
    /* Four colours: a 2-bit palette. */
    assert_int_equal(h.color_type, PNG_COLOR_TYPE_PALETTE);
    assert_int_equal(h.depth, 2);
    assert_int_equal(h.w, 6);
    assert_int_equal(h.h, 5);
    assert_fixture(&im);
    free(im.rgb);
    canvas_free(c);
}

static void test_fixture_png_rgb(void **state)
{
    (void)state;
    canvas *c = make_fixture();
    image im;
    ihdr h = encode_decode(c, PRECIS_PIXELS_RGB, &im);
    assert_int_equal(h.color_type, PNG_COLOR_TYPE_RGB);
    assert_int_equal(h.depth, 8);
    assert_fixture(&im);
    free(im.rgb);
    canvas_free(c);
}

static void test_fixture_ppm(void **state)
{
    (void)state;
    canvas *c = make_fixture();
    buf b = {0};
    img_ppm_encode(c, &b);
    const char head[] = "P6\n6 5\n255\n";
    assert_int_equal(b.len, sizeof head - 1 + 6 * 5 * 3);
    assert_memory_equal(b.data, head, sizeof head - 1);
    image im = {6, 5, (uint8_t *)b.data + sizeof head - 1};
    assert_fixture(&im);
    buf_free(&b);
    canvas_free(c);
}

/* The fixture in grey: the F at 0, background 255, a mid grey marker:
 * grey canvases keep their orientation through packed grey rows too. */
static void test_fixture_grey_and_mono(void **state)
{
    (void)state;
    canvas *c = canvas_new(6, 5, 1, 0xFFFFFF);
    for (int y = 0; y < 5; y++)
        for (int x = 0; x < 6; x++)
            if (fixture_f[y][x] == 'R')
                canvas_fill(c, x, y, 1, 1, 0);
    image im;
    ihdr h = encode_decode(c, PRECIS_PIXELS_AUTO, &im);
    assert_int_equal(h.color_type, PNG_COLOR_TYPE_GRAY);
    assert_int_equal(h.depth, 1);
    for (int y = 0; y < 5; y++)
        for (int x = 0; x < 6; x++)
            assert_int_equal(pixel(&im, x, y),
                             fixture_f[y][x] == 'R' ? 0 : 0xFFFFFF);
    free(im.rgb);

    h = encode_decode(c, PRECIS_PIXELS_GREY, &im);
    assert_int_equal(h.color_type, PNG_COLOR_TYPE_GRAY);
    assert_int_equal(h.depth, 8);
    assert_int_equal(pixel(&im, 0, 4), 0);
    assert_int_equal(pixel(&im, 5, 4), 0xFFFFFF);
    free(im.rgb);
    canvas_free(c);
}

/* ==== the smallest faithful type ==== */

static ihdr type_of(const uint32_t *colours, int n, int ch, precis_pixels px)
{
    canvas *c = canvas_new(n, 2, ch, colours[0]);
    for (int i = 0; i < n; i++)
        canvas_fill(c, i, 0, 1, 2, colours[i]);
    image im;
    ihdr h = encode_decode(c, px, &im);
    for (int i = 0; i < n; i++) {
        uint32_t want =
            ch == 1 ? canvas_luma(colours[i]) * 0x010101u : colours[i];
        if (px == PRECIS_PIXELS_MONO)
            want = (want & 0xFF) >= 128 ? 0xFFFFFF : 0;
        assert_int_equal(pixel(&im, i, 1), want);
    }
    free(im.rgb);
    canvas_free(c);
    return h;
}

static void test_png_type_choice(void **state)
{
    (void)state;
    uint32_t bw[] = {0, 0xFFFFFF};
    uint32_t g2[] = {0, 0x555555, 0xAAAAAA, 0xFFFFFF};
    uint32_t g4[16], odd_grey[] = {0, 0x646464, 0xFFFFFF};
    uint32_t many[300], colour[] = {0, 0xFFB000, 0x00C8FF};
    for (int i = 0; i < 16; i++)
        g4[i] = (uint32_t)(17 * i) * 0x010101u;
    for (int i = 0; i < 300; i++)
        many[i] = (uint32_t)i << 12 | 0x80;
    ihdr h;
    h = type_of(bw, 2, 3, PRECIS_PIXELS_AUTO);
    assert_true(h.color_type == PNG_COLOR_TYPE_GRAY && h.depth == 1);
    h = type_of(g2, 4, 3, PRECIS_PIXELS_AUTO);
    assert_true(h.color_type == PNG_COLOR_TYPE_GRAY && h.depth == 2);
    h = type_of(g4, 16, 1, PRECIS_PIXELS_AUTO);
    assert_true(h.color_type == PNG_COLOR_TYPE_GRAY && h.depth == 4);
    /* Three greys 2-bit grey cannot hold: a 2-bit palette beats 8-bit
     * grey. */
    h = type_of(odd_grey, 3, 3, PRECIS_PIXELS_AUTO);
    assert_true(h.color_type == PNG_COLOR_TYPE_PALETTE && h.depth == 2);
    h = type_of(colour, 3, 3, PRECIS_PIXELS_AUTO);
    assert_true(h.color_type == PNG_COLOR_TYPE_PALETTE && h.depth == 2);
    h = type_of(many, 300, 3, PRECIS_PIXELS_AUTO);
    assert_true(h.color_type == PNG_COLOR_TYPE_RGB && h.depth == 8);
    h = type_of(odd_grey, 3, 1, PRECIS_PIXELS_GREY);
    assert_true(h.color_type == PNG_COLOR_TYPE_GRAY && h.depth == 8);
    h = type_of(bw, 2, 1, PRECIS_PIXELS_MONO);
    assert_true(h.color_type == PNG_COLOR_TYPE_GRAY && h.depth == 1);
    h = type_of(bw, 2, 3, PRECIS_PIXELS_RGB);
    assert_true(h.color_type == PNG_COLOR_TYPE_RGB && h.depth == 8);
}

/* ==== fonts and the fallback chain ==== */

static const font *must_font(const char *name)
{
    const font *f = font_find(name);
    if (!f)
        fail_msg("font %s is not embedded", name);
    return f;
}

static void test_fonts_are_sound(void **state)
{
    (void)state;
    /* precis_image_fonts lists exactly the embedded fonts, smallest
     * first. */
    size_t listed = 0;
    int last_h = 0;
    for (const char *const *p = precis_image_fonts(); *p; p++, listed++) {
        if (strcmp(*p, "sans") == 0)
            break; /* the outline faces follow the bitmap fonts */
        const font *f = must_font(*p);
        assert_true(f->ascent + f->descent >= last_h);
        last_h = f->ascent + f->descent;
    }
    assert_int_equal(listed, precis__font_count);
    for (size_t i = 0; i < precis__font_count; i++) {
        const font *f = precis__fonts[i];
        assert_true(f->count > 0);
        assert_true(f->ascent > 0 && f->descent >= 0);
        /* Sorted strictly (binary search), every bitmap in its font. */
        for (size_t k = 1; k < f->count; k++)
            assert_true(f->glyphs[k - 1].cp < f->glyphs[k].cp);
        /* Printable ASCII comes from the font itself. */
        font_line_ctx lc = font_line(f);
        for (uint32_t cp = 0x20; cp < 0x7F; cp++) {
            glyph_ref r[FONT_MAX_EXPANSION];
            enum font_how how;
            assert_int_equal(font_resolve(&lc, cp, r, &how), 1);
            if (how != FONT_PRIMARY)
                fail_msg("%s lacks U+%04X", f->name, (unsigned)cp);
            assert_true(r[0].g->h <= f->ascent + f->descent);
        }
    }
    /* Terminus converted must not carry its Reserved Font Name. */
    for (size_t i = 0; i < precis__font_count; i++)
        assert_null(strstr(precis__fonts[i]->name, "erminus"));
}

static enum font_how resolve(const char *fname, uint32_t cp, glyph_ref *r,
                             size_t *n)
{
    font_line_ctx lc = font_line(must_font(fname));
    enum font_how how;
    *n = font_resolve(&lc, cp, r, &how);
    return how;
}

static void test_fallback_chain(void **state)
{
    (void)state;
    glyph_ref r[FONT_MAX_EXPANSION];
    size_t n;
    /* In the font. */
    assert_int_equal(resolve("term16", 0x2019, r, &n), FONT_PRIMARY);
    /* Devanagari KA: not in Terminus, in Unifont (same height). */
    assert_int_equal(resolve("term16", 0x0915, r, &n), FONT_FALLBACK);
    assert_string_equal(r[0].f->name, "uni16");
    assert_int_equal(r[0].scale, 1);
    /* On a 32-pixel line Unifont is drawn at twice its size. */
    assert_int_equal(resolve("term32b", 0x0915, r, &n), FONT_FALLBACK);
    assert_int_equal(r[0].scale, 2);
    /* The partial-differential sign on a 12-pixel line: Terminus lacks
     * it, and of the fallbacks misc-fixed 6x13 is nearest that height. */
    assert_int_equal(resolve("term12", 0x2202, r, &n), FONT_FALLBACK);
    assert_string_equal(r[0].f->name, "fixed6x13");
    /* The rupee: Unifont on 16 pixels; on the 8-pixel LED line no face
     * fits, so its ASCII substitute. */
    assert_int_equal(resolve("term16", 0x20B9, r, &n), FONT_FALLBACK);
    assert_int_equal(resolve("fixed5x7", 0x20B9, r, &n), FONT_SUBSTITUTE);
    assert_int_equal(n, 2);
    assert_int_equal(r[0].cp, 'R');
    assert_int_equal(r[1].cp, 's');
    assert_string_equal(font_substitute(0x2026), "...");
    assert_string_equal(font_substitute(0x2019), "'");
    assert_null(font_substitute('A'));
    /* CJK (not in the default Unifont subset, and never in 5x7): a box
     * with the code point in hex where the line is tall enough. */
    if (resolve("term16", 0x4E2D, r, &n) == FONT_BOX) {
        assert_int_equal(r[0].hex, 1);
        assert_int_equal(r[0].box_w, 11);
        assert_int_equal(r[0].cp, 0x4E2D);
    }
    assert_int_equal(resolve("fixed5x7", 0x4E2D, r, &n), FONT_BOX);
    assert_int_equal(r[0].hex, 0);
    assert_true(r[0].box_h <= 7 && r[0].adv > 0);
    /* Beyond the BMP: a six-digit box. */
    assert_int_equal(resolve("term16", 0x1F600, r, &n), FONT_BOX);
    assert_int_equal(r[0].box_w, 15);
    /* Nothing resolves to nothing. */
    for (uint32_t cp = 0x80; cp < 0x3000; cp += 7)
        for (size_t i = 0; i < precis__font_count; i++) {
            font_line_ctx lc = font_line(precis__fonts[i]);
            enum font_how how;
            size_t k = font_resolve(&lc, cp, r, &how);
            assert_true(k >= 1 && k <= FONT_MAX_EXPANSION);
            for (size_t j = 0; j < k; j++)
                assert_true(r[j].adv > 0 ||
                            (r[j].g && FONT_GLYPH_DW(r[j].g) == 0));
        }
}

static void test_substitute_table_sorted(void **state)
{
    (void)state;
    /* Every entry must be found by the binary search: probe each cp
     * known to have one, and a few known not to. */
    const uint32_t have[] = {0xA0,   0xA3,   0xDF,   0x2013, 0x2014,
                             0x2018, 0x201C, 0x2022, 0x2026, 0x20AC,
                             0x2122, 0x2192, 0x2264, 0xFFFD};
    for (size_t i = 0; i < sizeof have / sizeof *have; i++)
        assert_non_null(font_substitute(have[i]));
    assert_null(font_substitute(0x4E2D));
    assert_string_equal(font_substitute(0x3000), " ");
}

/* ==== layouts ==== */

static canvas *layout(const precis_image_options *o, const char *t,
                      const precis_item *items, size_t n, layout_spec *sp,
                      layout_stats *st)
{
    char err[256];
    canvas *c;
    precis_status rc = image_layout(t, t ? strlen(t) : 0, items, n, o, sp, &c,
                                    st, err, sizeof err);
    if (rc != PRECIS_OK)
        fail_msg("layout failed: %s: %s", precis_strerror(rc), err);
    return c;
}

/* Every profile, every layout: nine headlines, all of them there (or cut
 * with an ellipsis where a small panel cannot hold them), in a font at
 * least 7 pixels tall, nothing clipped, no character boxed. */
static void test_every_profile_nine_headlines(void **state)
{
    (void)state;
    precis_item items[9];
    size_t n = fill_headlines(items, 9);
    for (const char *const *p = precis_image_profiles(); *p; p++) {
        for (int lay = PRECIS_LAYOUT_STRIP; lay <= PRECIS_LAYOUT_PANEL; lay++) {
            precis_image_options o = precis_image_options_default();
            assert_int_equal(precis_image_profile(&o, *p), PRECIS_OK);
            unsigned pw = o.width, ph = o.height;
            o.layout = (precis_layout)lay;
            layout_spec sp;
            layout_stats st;
            canvas *c = layout(&o, NULL, items, n, &sp, &st);
            if (sp.line_px < 7)
                fail_msg("%s: font %s too small", *p, sp.face);
            if (st.clipped)
                fail_msg("%s %d: %zu clipped, face %s", *p, lay, st.clipped,
                         sp.face);
            assert_int_equal(st.boxed, 0);
            assert_true(st.glyphs > 0);
            /* A page too small for a list or panel (32x8) gets a strip. */
            if (precis_image_effective_layout(&o) == PRECIS_LAYOUT_STRIP) {
                /* A strip carries everything, as tall as the panel; on a
                 * fixed page (fit: e-ink, Kindle) it is one line, cut. */
                if (ph)
                    assert_int_equal(c->h, (int)ph);
                if (o.fit) {
                    assert_int_equal(c->w, (int)pw);
                } else {
                    assert_true(c->w >= (int)pw);
                    assert_false(st.truncated);
                    assert_int_equal(st.dropped, 0);
                }
            } else {
                assert_int_equal(c->w, pw ? (int)pw : 640);
                if (ph)
                    assert_int_equal(c->h, (int)ph);
                else
                    assert_false(st.truncated);
                /* Pages (e-ink, Kindle) hold all nine. */
                if (ph >= 400)
                    assert_false(st.truncated);
            }
            /* Text was drawn (a 32x8 page holds only "06:05…"). */
            size_t ink = 0;
            for (int y = 0; y < c->h; y++)
                for (int x = 0; x < c->w; x++)
                    ink += canvas_pixel(c, x, y) != sp.bg;
            assert_true(ink >= 40);
            canvas_free(c);

            /* And the PNG decodes to that size. */
            precis_membuf m = {0};
            must_render(NULL, items, n, &o, &m);
            ihdr h = read_ihdr(&m);
            image im = decode_png(m.data, m.len);
            assert_int_equal(im.w, (int)h.w);
            assert_int_equal(im.h, (int)h.h);
            if (o.pixels == PRECIS_PIXELS_MONO)
                assert_true(h.color_type == PNG_COLOR_TYPE_GRAY &&
                            h.depth == 1);
            if (o.pixels == PRECIS_PIXELS_GREY)
                assert_true(h.color_type == PNG_COLOR_TYPE_GRAY &&
                            h.depth == 8);
            free(im.rgb);
            precis_membuf_free(&m);
        }
    }
}

/* The list's wrapped lines start under the headline, not under the time
 * (the hanging indent), and the time column is empty on them. */
static void test_list_hanging_indent(void **state)
{
    (void)state;
    precis_image_options o = precis_image_options_default();
    o.layout = PRECIS_LAYOUT_LIST;
    o.width = 240;
    o.font = "term16";
    o.margin = 4;
    o.line_gap = 0;
    precis_item item = {"12:20", 5, sentences[0], strlen(sentences[0])};
    layout_spec sp;
    layout_stats st;
    canvas *c = layout(&o, NULL, &item, 1, &sp, &st);
    assert_true(st.lines >= 3);
    /* The column: five 8-pixel digits and a two-space gap. */
    int col = 4 + 5 * 8 + 2 * 8;
    for (int line = 0; line < 3; line++) {
        int y0 = 4 + 16 * line, time_ink = 0, text_ink = 0, left_ink = 0;
        for (int y = y0; y < y0 + 16; y++) {
            for (int x = 4; x < col; x++)
                time_ink += canvas_pixel(c, x, y) != sp.bg;
            for (int x = col; x < col + 8; x++)
                left_ink += canvas_pixel(c, x, y) != sp.bg;
            for (int x = col; x < c->w; x++)
                text_ink += canvas_pixel(c, x, y) != sp.bg;
        }
        assert_true(text_ink > 0);
        assert_true(left_ink > 0); /* text starts at the column */
        if (line == 0)
            assert_true(time_ink > 0);
        else
            assert_int_equal(time_ink, 0);
    }
    canvas_free(c);
}

/* A fixed height cuts the text with an ellipsis at a word, never a
 * glyph; a fitted strip likewise. */
static void test_ellipsis(void **state)
{
    (void)state;
    precis_item items[9];
    size_t n = fill_headlines(items, 9);
    precis_image_options o = precis_image_options_default();
    o.layout = PRECIS_LAYOUT_PANEL;
    o.width = 200;
    o.height = 60;
    o.font = "term16";
    layout_spec sp;
    layout_stats st;
    canvas *c = layout(&o, title, items, n, &sp, &st);
    assert_true(st.truncated);
    assert_true(st.dropped > 0);
    assert_int_equal(st.clipped, 0);
    assert_int_equal(c->h, 60);
    canvas_free(c);

    o = precis_image_options_default();
    precis_image_profile(&o, "led-192x16");
    o.fit = 1;
    c = layout(&o, NULL, items, n, &sp, &st);
    assert_int_equal(c->w, 192);
    assert_true(st.truncated);
    assert_int_equal(st.clipped, 0);
    canvas_free(c);

    /* Text that fits is never cut. */
    o.width = 4000;
    c = layout(&o, NULL, items, 1, &sp, &st);
    assert_false(st.truncated);
    canvas_free(c);
}

/* Words wider than the line break between glyphs, never mid-glyph, and
 * a line too narrow for one glyph is an error, not a clipped glyph. */
static void test_narrow_and_long_words(void **state)
{
    (void)state;
    char word[400];
    memset(word, 'W', sizeof word - 1);
    word[sizeof word - 1] = '\0';
    precis_item item = {NULL, 0, word, strlen(word)};
    precis_image_options o = precis_image_options_default();
    o.layout = PRECIS_LAYOUT_PANEL;
    o.width = 100;
    o.margin = 0;
    o.font = "term16";
    layout_spec sp;
    layout_stats st;
    canvas *c = layout(&o, NULL, &item, 1, &sp, &st);
    assert_int_equal(st.clipped, 0);
    assert_int_equal(st.lines, (399 + 11) / 12); /* 12 glyphs of 8 a line */
    canvas_free(c);

    o.width = 6; /* narrower than one 8-pixel glyph */
    precis_membuf m = {0};
    char err[256];
    assert_int_equal(render(NULL, &item, 1, &o, &m, err, sizeof err),
                     PRECIS_EINVAL);
    assert_int_equal(m.len, 0);
    assert_non_null(strstr(err, "pixels for text"));
}

/* ==== limits and failures: a clear error, nothing written ==== */

static void expect_failure(const precis_image_options *o,
                           const precis_item *items, size_t n,
                           precis_status want, const char *needle)
{
    precis_membuf m = {0};
    char err[256] = "";
    precis_status st = render(NULL, items, n, o, &m, err, sizeof err);
    if (st != want)
        fail_msg("got %s (%s), want %s", precis_strerror(st), err,
                 precis_strerror(want));
    assert_int_equal(m.len, 0);
    assert_true(err[0] != '\0');
    if (needle && !strstr(err, needle))
        fail_msg("message \"%s\" lacks \"%s\"", err, needle);
    precis_membuf_free(&m);
}

static void test_bounds_and_errors(void **state)
{
    (void)state;
    precis_item items[9];
    size_t n = fill_headlines(items, 9);
    precis_image_options o = precis_image_options_default();

    o.width = 70000;
    expect_failure(&o, items, n, PRECIS_EIMAGE, "at most 65535");

    /* A strip longer than the limit: thousands of items. */
    size_t many = 4000;
    precis_item *lots = malloc(many * sizeof *lots);
    for (size_t i = 0; i < many; i++)
        lots[i] = items[i % 9];
    o = precis_image_options_default();
    expect_failure(&o, lots, many, PRECIS_EIMAGE, "at most");
    /* A list taller than the limit. */
    o.layout = PRECIS_LAYOUT_LIST;
    o.width = 200;
    expect_failure(&o, lots, many, PRECIS_EIMAGE, "at most");
    /* An area above the limit with both sides allowed. */
    o.layout = PRECIS_LAYOUT_PANEL;
    o.width = 60000;
    o.height = 60000;
    expect_failure(&o, items, n, PRECIS_EIMAGE, "pixels in all");
    free(lots);

    /* More text than any image could show is refused before shaping. */
    size_t big = (1u << 20) + 1;
    char *huge = malloc(big);
    memset(huge, 'a', big);
    precis_item one = {NULL, 0, huge, big};
    o = precis_image_options_default();
    o.layout = PRECIS_LAYOUT_PANEL;
    expect_failure(&o, &one, 1, PRECIS_EIMAGE, "more than an image");
    free(huge);

    o = precis_image_options_default();
    o.height = 5; /* no font is 5 pixels tall */
    expect_failure(&o, items, n, PRECIS_EINVAL, "no font fits");
    o.height = 12;
    o.font = "term32b";
    expect_failure(&o, items, n, PRECIS_EINVAL, "32 pixels tall");
    o = precis_image_options_default();
    o.font = "Terminus";
    expect_failure(&o, items, n, PRECIS_EINVAL, "unknown font");
    o = precis_image_options_default();
    o.format = PRECIS_IMG_APNG;
    o.layout = PRECIS_LAYOUT_LIST;
    expect_failure(&o, items, n, PRECIS_EINVAL, "strip");
    o.layout = PRECIS_LAYOUT_STRIP;
    o.scroll_step = 1;
    o.width = 4000;
    o.height = 32;
    expect_failure(&o, items, n, PRECIS_EIMAGE, "frames");
    o = precis_image_options_default();
    o.fg = 0x1000000;
    expect_failure(&o, items, n, PRECIS_EINVAL, "colour");
    o = precis_image_options_default();
    o.layout = (precis_layout)7;
    expect_failure(&o, items, n, PRECIS_EINVAL, NULL);
}

static int refuse(void *ud, const void *data, size_t len)
{
    (void)ud;
    (void)data;
    (void)len;
    return -1;
}

static void test_sink_failure(void **state)
{
    (void)state;
    precis_item items[2];
    size_t n = fill_headlines(items, 2);
    precis_sink sink = {refuse, NULL};
    char err[128];
    assert_int_equal(precis_render_image_items(NULL, 0, items, n, NULL, &sink,
                                               err, sizeof err),
                     PRECIS_EIO);
    assert_int_equal(precis_render_image_items(NULL, 0, items, n, NULL, NULL,
                                               err, sizeof err),
                     PRECIS_EINVAL);
}

/* ==== determinism, PPM ==== */

static void test_deterministic(void **state)
{
    (void)state;
    precis_item items[9];
    size_t n = fill_headlines(items, 9);
    for (int f = PRECIS_IMG_PNG; f <= PRECIS_IMG_APNG; f++) {
        precis_image_options o = precis_image_options_default();
        precis_image_profile(&o, "led-32x8");
        o.format = (precis_image_format)f;
        o.scroll_step = 4;
        precis_membuf a = {0}, b = {0};
        must_render(NULL, items, n, &o, &a);
        must_render(NULL, items, n, &o, &b);
        assert_int_equal(a.len, b.len);
        assert_memory_equal(a.data, b.data, a.len);
        precis_membuf_free(&a);
        precis_membuf_free(&b);
    }
}

/* PPM and PNG of one render hold the same pixels. */
static void test_ppm_matches_png(void **state)
{
    (void)state;
    precis_item items[3];
    size_t n = fill_headlines(items, 3);
    precis_image_options o = precis_image_options_default();
    precis_image_profile(&o, "led-64x32");
    precis_membuf png = {0}, ppm = {0};
    must_render(NULL, items, n, &o, &png);
    o.format = PRECIS_IMG_PPM;
    must_render(NULL, items, n, &o, &ppm);
    image a = decode_png(png.data, png.len);
    char head[64];
    int hn = snprintf(head, sizeof head, "P6\n%d %d\n255\n", a.w, a.h);
    assert_int_equal(ppm.len, (size_t)hn + (size_t)a.w * (size_t)a.h * 3);
    assert_memory_equal(ppm.data, head, (size_t)hn);
    assert_memory_equal(ppm.data + hn, a.rgb, (size_t)a.w * (size_t)a.h * 3);
    free(a.rgb);
    precis_membuf_free(&png);
    precis_membuf_free(&ppm);
}

/* ==== APNG ==== */

typedef struct chunk {
    char type[5];
    const uint8_t *data;
    uint32_t len;
} chunk;

static size_t chunks(const precis_membuf *m, chunk *out, size_t max)
{
    const uint8_t *p = (const uint8_t *)m->data;
    size_t pos = 8, n = 0;
    while (pos + 12 <= m->len && n < max) {
        uint32_t len = be32(p + pos);
        assert_true(pos + 12 + len <= m->len);
        chunk *c = &out[n++];
        memcpy(c->type, p + pos + 4, 4);
        c->type[4] = '\0';
        c->data = p + pos + 8;
        c->len = len;
        uint32_t crc = (uint32_t)crc32(0, p + pos + 4, len + 4);
        assert_int_equal(crc, be32(p + pos + 8 + len));
        pos += 12 + len;
    }
    assert_int_equal(pos, m->len);
    return n;
}

static void put_chunk(buf *b, const char *type, const void *data, uint32_t len)
{
    uint8_t h[8] = {(uint8_t)(len >> 24), (uint8_t)(len >> 16),
                    (uint8_t)(len >> 8), (uint8_t)len};
    memcpy(h + 4, type, 4);
    buf_put(b, h, 8);
    if (len)
        buf_put(b, data, len);
    uint32_t crc = (uint32_t)crc32(0, (const Bytef *)type, 4);
    if (len)
        crc = (uint32_t)crc32(crc, data, len);
    uint8_t c[4] = {(uint8_t)(crc >> 24), (uint8_t)(crc >> 16),
                    (uint8_t)(crc >> 8), (uint8_t)crc};
    buf_put(b, c, 4);
}

/* Frame k of an APNG as a still PNG (its IHDR and PLTE, its fdAT data as
 * IDAT), decoded by libpng. */
static image decode_frame(const chunk *cs, size_t n, size_t k)
{
    buf b = {0};
    buf_put(&b, "\x89PNG\r\n\x1A\n", 8);
    size_t frame = 0;
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(cs[i].type, "IHDR") || !strcmp(cs[i].type, "PLTE"))
            put_chunk(&b, cs[i].type, cs[i].data, cs[i].len);
        if (!strcmp(cs[i].type, "fcTL"))
            frame = be32(cs[i].data) == 0 ? 0 : frame + 1;
        if (frame == k && k == 0 && !strcmp(cs[i].type, "IDAT"))
            put_chunk(&b, "IDAT", cs[i].data, cs[i].len);
        if (frame == k && k > 0 && !strcmp(cs[i].type, "fdAT"))
            put_chunk(&b, "IDAT", cs[i].data + 4, cs[i].len - 4);
    }
    put_chunk(&b, "IEND", NULL, 0);
    image im = decode_png(b.data, b.len);
    buf_free(&b);
    return im;
}

static void test_apng(void **state)
{
    (void)state;
    precis_item items[2];
    size_t n = fill_headlines(items, 2);
    precis_image_options o = precis_image_options_default();
    precis_image_profile(&o, "led-32x8");
    o.format = PRECIS_IMG_APNG;
    o.scroll_step = 3;
    o.frame_ms = 50;
    precis_membuf m = {0};
    must_render(NULL, items, n, &o, &m);
    ihdr h = read_ihdr(&m);
    assert_int_equal(h.w, 32);
    assert_int_equal(h.h, 8);

    chunk *cs = malloc(8192 * sizeof *cs);
    size_t nc = chunks(&m, cs, 8192);
    /* Order: IHDR, PLTE, acTL, fcTL 0, IDAT, then fcTL/fdAT pairs, IEND;
     * sequence numbers run 0, 1, 2, ... over fcTL and fdAT. */
    assert_string_equal(cs[0].type, "IHDR");
    size_t i = 1;
    if (!strcmp(cs[i].type, "PLTE"))
        i++;
    assert_string_equal(cs[i].type, "acTL");
    uint32_t frames = be32(cs[i].data), plays = be32(cs[i].data + 4);
    assert_int_equal(plays, 0);
    assert_true(frames > 10);
    i++;
    uint32_t seq = 0, fctl = 0, fdat = 0, idat = 0;
    for (; i < nc; i++) {
        if (!strcmp(cs[i].type, "fcTL")) {
            assert_int_equal(cs[i].len, 26);
            assert_int_equal(be32(cs[i].data), seq++);
            assert_int_equal(be32(cs[i].data + 4), 32);
            assert_int_equal(be32(cs[i].data + 8), 8);
            assert_int_equal(cs[i].data[20] << 8 | cs[i].data[21], 50);
            assert_int_equal(cs[i].data[22] << 8 | cs[i].data[23], 1000);
            fctl++;
        } else if (!strcmp(cs[i].type, "fdAT")) {
            assert_int_equal(be32(cs[i].data), seq++);
            fdat++;
        } else if (!strcmp(cs[i].type, "IDAT")) {
            assert_int_equal(fctl, 1); /* frame 0 is the default image */
            idat++;
        } else {
            assert_string_equal(cs[i].type, "IEND");
            assert_int_equal(i, nc - 1);
        }
    }
    assert_int_equal(fctl, frames);
    assert_int_equal(fdat, frames - 1);
    assert_true(idat >= 1);

    /* Each frame is the one before moved left by the step, and the first
     * follows the last the same way: a seamless loop. */
    image first = decode_png(m.data, m.len); /* what plain viewers show */
    image f0 = decode_frame(cs, nc, 0), f1 = decode_frame(cs, nc, 1);
    image last = decode_frame(cs, nc, frames - 1);
    assert_int_equal(first_difference(&first, &f0), -1);
    for (int y = 0; y < 8; y++)
        for (int x = 0; x + 3 < 32; x++) {
            assert_int_equal(pixel(&f1, x, y), pixel(&f0, x + 3, y));
            assert_int_equal(pixel(&f0, x, y), pixel(&last, x + 3, y));
        }
    /* And the frames show the looped strip: frame 0 is its left end. */
    o.format = PRECIS_IMG_PNG;
    o.loop = 1;
    precis_membuf s = {0};
    must_render(NULL, items, n, &o, &s);
    image strip = decode_png(s.data, s.len);
    for (int y = 0; y < 8; y++)
        for (int x = 0; x < 32; x++)
            assert_int_equal(pixel(&f0, x, y), pixel(&strip, x, y));
    assert_true(frames * 3 >= (uint32_t)strip.w &&
                frames * 3 < (uint32_t)strip.w + 3);
    free(strip.rgb);
    precis_membuf_free(&s);
    free(first.rgb);
    free(f0.rgb);
    free(f1.rgb);
    free(last.rgb);
    free(cs);
    precis_membuf_free(&m);
}

/* ==== options ==== */

static void test_options_and_parsers(void **state)
{
    (void)state;
    precis_image_options o = precis_image_options_default();
    assert_int_equal(o.layout, PRECIS_LAYOUT_STRIP);
    assert_int_equal(o.format, PRECIS_IMG_PNG);
    assert_int_equal(o.scroll_step, 2);
    precis_image_options before = o;
    assert_int_equal(precis_image_profile(&o, "led-99x9"), PRECIS_EINVAL);
    assert_memory_equal(&o, &before, sizeof o);
    size_t k = 0;
    for (const char *const *p = precis_image_profiles(); *p; p++, k++)
        assert_int_equal(precis_image_profile(&o, *p), PRECIS_OK);
    assert_int_equal(k, 14);
    precis_image_profile(&o, "eink-800x480");
    assert_int_equal(o.width, 800);
    assert_int_equal(o.height, 480);
    assert_int_equal(o.pixels, PRECIS_PIXELS_MONO);
    assert_int_equal(o.fg, 0);
    assert_int_equal(o.bg, 0xFFFFFF);

    unsigned long c = 42;
    assert_int_equal(precis_color_parse("#FFB000", &c), PRECIS_OK);
    assert_int_equal(c, 0xFFB000);
    assert_int_equal(precis_color_parse("0x00c8ff", &c), PRECIS_OK);
    assert_int_equal(c, 0x00C8FF);
    assert_int_equal(precis_color_parse("123456", &c), PRECIS_OK);
    assert_int_equal(c, 0x123456);
    assert_int_equal(precis_color_parse("Amber", &c), PRECIS_OK);
    assert_int_equal(c, 0xFFB000);
    c = 42;
    assert_int_equal(precis_color_parse("#FFF", &c), PRECIS_EINVAL);
    assert_int_equal(precis_color_parse("#1234567", &c), PRECIS_EINVAL);
    assert_int_equal(precis_color_parse("12345g", &c), PRECIS_EINVAL);
    assert_int_equal(precis_color_parse(NULL, &c), PRECIS_EINVAL);
    assert_int_equal(c, 42);

    precis_layout l;
    assert_int_equal(precis_layout_parse("panel", &l), PRECIS_OK);
    assert_int_equal(l, PRECIS_LAYOUT_PANEL);
    assert_int_equal(precis_layout_parse("Panel", &l), PRECIS_EINVAL);
    precis_image_format f;
    assert_int_equal(precis_image_format_parse("apng", &f), PRECIS_OK);
    assert_int_equal(f, PRECIS_IMG_APNG);
    assert_int_equal(precis_image_format_parse("gif", &f), PRECIS_EINVAL);
    precis_pixels px;
    assert_int_equal(precis_pixels_parse("gray", &px), PRECIS_OK);
    assert_int_equal(px, PRECIS_PIXELS_GREY);
    assert_int_equal(precis_pixels_parse("mono", &px), PRECIS_OK);
    assert_int_equal(px, PRECIS_PIXELS_MONO);
    assert_string_equal(precis_strerror(PRECIS_EIMAGE),
                        "cannot render the image");
}

/* Black and white never loses text whose colour differs from the
 * background only in hue: it is drawn in the background's opposite. */
static void test_mono_keeps_contrast(void **state)
{
    (void)state;
    precis_item items[1];
    fill_headlines(items, 1);
    precis_image_options o = precis_image_options_default();
    o.pixels = PRECIS_PIXELS_MONO;
    o.fg = 0x202020;
    o.bg = 0x000000;
    o.accent = 0x101010;
    layout_spec sp;
    layout_stats st;
    canvas *c = layout(&o, NULL, items, 1, &sp, &st);
    assert_int_equal(sp.bg, 0);
    assert_int_equal(sp.fg, 0xFFFFFF);
    assert_int_equal(sp.time, 0xFFFFFF);
    assert_int_equal(c->ch, 1);
    canvas_free(c);
}

/* ==== documents ==== */

static void test_document(void **state)
{
    (void)state;
    precis_status st;
    precis_ctx *ctx = precis_ctx_new("english", NULL, &st);
    assert_non_null(ctx);
    buf text = {0};
    buf_printf(&text, "%s\n", title);
    for (int i = 0; i < 3; i++)
        buf_printf(&text, "%s\n", sentences[i]);
    precis_doc *doc = precis_doc_new(ctx);
    assert_int_equal(precis_doc_feed(doc, text.data, text.len), PRECIS_OK);
    assert_int_equal(precis_doc_finish(doc, NULL), PRECIS_OK);

    precis_image_options o = precis_image_options_default();
    o.layout = PRECIS_LAYOUT_PANEL;
    o.width = 320;
    precis_membuf m = {0};
    precis_sink sink = precis_sink_mem(&m);
    /* A summary needs summarize first. */
    assert_int_equal(precis_render_image(doc, &o, &sink), PRECIS_ESTATE);
    assert_int_equal(m.len, 0);
    assert_int_equal(precis_doc_summarize(doc, NULL), PRECIS_OK);
    assert_int_equal(precis_render_image(doc, &o, &sink), PRECIS_OK);
    image im = decode_png(m.data, m.len);
    assert_int_equal(im.w, 320);
    assert_true(im.h > 50);
    free(im.rgb);
    precis_membuf_free(&m);

    /* Errors land in the context. */
    o.font = "nosuchfont";
    assert_int_equal(precis_render_image(doc, &o, &sink), PRECIS_EINVAL);
    assert_non_null(strstr(precis_ctx_errmsg(ctx), "nosuchfont"));
    assert_int_equal(m.len, 0);
    precis_doc_free(doc);
    buf_free(&text);
    precis_ctx_free(ctx);
}

/* ==== golden images ==== */

typedef struct golden_case {
    const char *name;
    const char *profile;
    int layout;             /* -1: the profile's */
    unsigned width, height; /* 0: the profile's */
    int fit;
    precis_pixels pixels; /* AUTO: the profile's */
    const char *font;
    int with_title;
    int what; /* 0: headlines, 1: sentences, 2: the Unicode line,
                 3: the world headlines (Arabic, Hebrew, Chinese) */
    size_t n;
    int color_type, depth; /* the PNG type the case must produce */
    int dashboard;         /* a fixed date, update time and footer */
} golden_case;

static const golden_case golden_cases[] = {
    {"strip-led-32x8", "led-32x8", -1, 0, 0, 0, PRECIS_PIXELS_AUTO, NULL, 0, 0,
     3, PNG_COLOR_TYPE_PALETTE, 2, 0},
    {"strip-led-192x16-fit", "led-192x16", -1, 0, 0, 1, PRECIS_PIXELS_AUTO,
     NULL, 0, 0, 9, PNG_COLOR_TYPE_GRAY, 1, 0},
    {"strip-web-unicode", "web", -1, 0, 0, 0, PRECIS_PIXELS_RGB, "term16", 0, 2,
     1, PNG_COLOR_TYPE_RGB, 8, 0},
    {"list-eink-800x480", "eink-800x480", -1, 0, 0, 0, PRECIS_PIXELS_AUTO, NULL,
     0, 0, 9, PNG_COLOR_TYPE_GRAY, 1, 0},
    {"list-kindle", "kindle", -1, 0, 0, 0, PRECIS_PIXELS_AUTO, NULL, 1, 0, 9,
     PNG_COLOR_TYPE_GRAY, 8, 0},
    {"list-led-64x32", "led-64x32", PRECIS_LAYOUT_LIST, 0, 0, 0,
     PRECIS_PIXELS_AUTO, NULL, 0, 0, 9, PNG_COLOR_TYPE_PALETTE, 2, 0},
    {"list-web-summary", "web", PRECIS_LAYOUT_LIST, 360, 0, 0,
     PRECIS_PIXELS_AUTO, NULL, 1, 1, 3, PNG_COLOR_TYPE_PALETTE, 8, 0},
    {"panel-web", "web", PRECIS_LAYOUT_PANEL, 320, 0, 0, PRECIS_PIXELS_AUTO,
     NULL, 1, 1, 3, PNG_COLOR_TYPE_GRAY, 8, 0},
    {"panel-led-128x32", "led-128x32", PRECIS_LAYOUT_PANEL, 0, 0, 0,
     PRECIS_PIXELS_AUTO, NULL, 1, 1, 3, PNG_COLOR_TYPE_PALETTE, 1, 0},
    /* Outline fonts, the dashboard: one per kind of paper display. */
    {"list-trmnl", "trmnl", -1, 0, 0, 0, PRECIS_PIXELS_AUTO, NULL, 0, 0, 9,
     PNG_COLOR_TYPE_GRAY, 1, 1},
    {"list-trmnl-2bit", "trmnl-2bit", -1, 0, 0, 0, PRECIS_PIXELS_AUTO, NULL, 0,
     0, 9, PNG_COLOR_TYPE_GRAY, 2, 1},
    {"panel-trmnl", "trmnl", PRECIS_LAYOUT_PANEL, 0, 0, 0, PRECIS_PIXELS_AUTO,
     NULL, 1, 1, 3, PNG_COLOR_TYPE_GRAY, 1, 1},
    {"list-kindle-basic-half", "kindle-basic", -1, 536, 724, 0,
     PRECIS_PIXELS_AUTO, NULL, 0, 0, 9, PNG_COLOR_TYPE_GRAY, 8, 1},
    {"list-world-rtl-cjk", "trmnl-2bit", -1, 0, 0, 0, PRECIS_PIXELS_AUTO, NULL,
     0, 3, 4, PNG_COLOR_TYPE_GRAY, 2, 1},
    {"list-world-bitmap", "kindle", -1, 0, 400, 0, PRECIS_PIXELS_AUTO, NULL, 0,
     3, 4, PNG_COLOR_TYPE_GRAY, 8, 0},
};

static const char *golden_dir;
static const golden_case *golden_one;

/* Whether Unifont's CJK part is embedded (-Dunifont_cjk). */
static int has_cjk(void)
{
    const font *u = font_find("uni16");
    return u && font_glyph_get(u, 0x4E2D) != NULL;
}

static void test_golden(void **state)
{
    (void)state;
    const golden_case *g = golden_one;
    precis_image_options o = precis_image_options_default();
    assert_int_equal(precis_image_profile(&o, g->profile), PRECIS_OK);
    if (g->layout >= 0)
        o.layout = (precis_layout)g->layout;
    if (g->width)
        o.width = g->width;
    if (g->height)
        o.height = g->height;
    if (g->fit)
        o.fit = 1;
    if (g->pixels != PRECIS_PIXELS_AUTO)
        o.pixels = g->pixels;
    if (g->font)
        o.font = g->font;
    if (g->dashboard) {
        o.heading = "Headlines";
        o.date = "Thu 3 Dec 2026";
        o.updated = "14:52";
        o.footer = "golden.txt";
    }
    precis_item items[9];
    size_t n;
    if (g->what == 0) {
        n = fill_headlines(items, g->n);
    } else if (g->what == 3) {
        n = fill_world(items);
    } else if (g->what == 1) {
        n = fill_sentences(items);
    } else {
        items[0] =
            (precis_item){"12:00", 5, unicode_line, strlen(unicode_line)};
        n = 1;
    }
    precis_membuf m = {0};
    must_render(g->with_title ? title : NULL, items, n, &o, &m);
    ihdr h = read_ihdr(&m);
    image got = decode_png(m.data, m.len);
    precis_membuf_free(&m);
    assert_int_equal(h.w, (uint32_t)got.w);
    assert_int_equal(h.h, (uint32_t)got.h);

    char path[4096];
    snprintf(path, sizeof path, "%s/%s.ppm.gz", golden_dir, g->name);
    const char *update = getenv("PRECIS_UPDATE_GOLDEN");
    if (update && *update && strcmp(update, "0") != 0) {
        if (write_ppm(path, &got, 1) != 0)
            fail_msg("cannot write %s", path);
        fprintf(stderr, "# updated %s\n", path);
        free(got.rgb);
        return;
    }
    /* Header fields: the type is part of the contract (smallest
     * faithful, forced grey for the Kindle, 1-bit for e-ink). */
    if (h.color_type != g->color_type || h.depth != g->depth)
        fail_msg("%s: PNG colour type %d depth %d, want %d depth %d", g->name,
                 h.color_type, h.depth, g->color_type, g->depth);
    image want = {0};
    if (read_ppm(path, &want) != 0)
        fail_msg("cannot read the golden image %s", path);
    long d = first_difference(&got, &want);
    if (d >= 0) {
        char actual[512];
        snprintf(actual, sizeof actual, "%s.actual.ppm", g->name);
        write_ppm(actual, &got, 0);
        if (got.w != want.w || got.h != want.h)
            fail_msg("%s: %dx%d, golden %dx%d (see %s)", g->name, got.w, got.h,
                     want.w, want.h, actual);
        fail_msg("%s: pixel (%ld,%ld) is %06X, golden %06X (see %s)", g->name,
                 d % got.w, d / got.w,
                 (unsigned)pixel(&got, (int)(d % got.w), (int)(d / got.w)),
                 (unsigned)pixel(&want, (int)(d % got.w), (int)(d / got.w)),
                 actual);
    }
    free(got.rgb);
    free(want.rgb);
}

/* ==== the shared seed: real sidebar headlines ==== */

static int run_seed(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("SKIP: %s not found\n", path);
        return 77;
    }
    buf text = {0};
    char chunk_[4096];
    size_t k;
    while ((k = fread(chunk_, 1, sizeof chunk_, f)) > 0)
        buf_put(&text, chunk_, k);
    fclose(f);
    precis_status st;
    precis_ctx *ctx = precis_ctx_new("english", NULL, &st);
    precis_doc *doc = precis_doc_new(ctx);
    precis_doc_feed(doc, text.data, text.len);
    buf_free(&text);
    if (precis_doc_finish(doc, NULL) != PRECIS_OK) {
        printf("FAIL: finish: %s\n", precis_ctx_errmsg(ctx));
        return 1;
    }
    size_t nh = precis_doc_headline_count(doc);
    if (nh == 0) {
        printf("SKIP: ingest finds no sidebar headlines in %s yet\n", path);
        precis_doc_free(doc);
        precis_ctx_free(ctx);
        return 77;
    }
    int bad = 0;
    if (nh != 9) {
        printf("FAIL: %zu headlines, want 9\n", nh);
        bad = 1;
    }
    precis_item items[16];
    size_t n = 0;
    for (size_t i = 0; i < nh && n < 16; i++) {
        precis_headline h;
        if (precis_doc_headline(doc, i, &h) == PRECIS_OK)
            items[n++] = (precis_item){h.time, h.time_len, h.text, h.len};
    }
    for (const char *const *p = precis_image_profiles(); *p; p++) {
        for (int lay = PRECIS_LAYOUT_STRIP; lay <= PRECIS_LAYOUT_LIST; lay++) {
            precis_image_options o = precis_image_options_default();
            precis_image_profile(&o, *p);
            o.layout = (precis_layout)lay;
            /* Through the document API: the renderer finds the items. */
            precis_membuf m = {0};
            precis_sink sink = precis_sink_mem(&m);
            st = precis_render_image(doc, &o, &sink);
            if (st != PRECIS_OK) {
                printf("FAIL: %s %s: %s\n", *p, lay ? "list" : "strip",
                       precis_ctx_errmsg(ctx));
                bad = 1;
                continue;
            }
            png_image pi;
            memset(&pi, 0, sizeof pi);
            pi.version = PNG_IMAGE_VERSION;
            if (!png_image_begin_read_from_memory(&pi, m.data, m.len)) {
                printf("FAIL: %s: PNG does not decode\n", *p);
                bad = 1;
            }
            png_image_free(&pi);
            precis_membuf_free(&m);
            /* Legibly: every character drawn from a font (no box), in a
             * font at least 7 pixels tall, nothing clipped, and the strip
             * and the pages (e-ink, Kindle) not cut. */
            layout_spec sp;
            layout_stats ls;
            canvas *c;
            char err[256];
            st = image_layout(NULL, 0, items, n, &o, &sp, &c, &ls, err,
                              sizeof err);
            if (st != PRECIS_OK) {
                printf("FAIL: %s: %s\n", *p, err);
                bad = 1;
                continue;
            }
            /* Cuts are expected on small LED pages and in a one-line
             * strip on a fixed page; never in a scrolling strip or a
             * page's list. */
            int cut_ok = lay == PRECIS_LAYOUT_LIST ? o.height < 400 : o.fit;
            if (ls.boxed || ls.clipped ||
                sp.line_px < 7 ||
                (ls.truncated && !cut_ok)) {
                printf("FAIL: %s %s: boxed %zu clipped %zu font %s cut %d\n",
                       *p, lay ? "list" : "strip", ls.boxed, ls.clipped,
                       sp.face, ls.truncated);
                bad = 1;
            } else {
                printf("ok: %s %s: %dx%d, font %s, %zu glyphs%s\n", *p,
                       lay ? "list" : "strip", c->w, c->h, sp.face,
                       ls.glyphs, ls.truncated ? ", cut with an ellipsis" : "");
            }
            canvas_free(c);
        }
    }
    precis_doc_free(doc);
    precis_ctx_free(ctx);
    return bad;
}

/* ==== devices, dashboard and scripts ==== */

/* Every profile's PNG of nine headlines, and of a summary panel, has
 * the device's exact size and bit depth and keeps under its file limit;
 * TRMNL's BMP is the 48,062 bytes its firmware takes. */
static void test_device_limits(void **state)
{
    (void)state;
    precis_item items[9], sent[3];
    size_t n = fill_headlines(items, 9);
    fill_sentences(sent);
    for (const char *const *p = precis_image_profiles(); *p; p++) {
        for (int panel = 0; panel < 2; panel++) {
            precis_image_options o = precis_image_options_default();
            precis_image_profile(&o, *p);
            char info[192];
            assert_non_null(precis_image_profile_info(*p, info, sizeof info));
            if (panel)
                o.layout = PRECIS_LAYOUT_PANEL;
            o.date = "Thu 3 Dec 2026";
            o.updated = "14:52";
            o.footer = "limits.txt";
            precis_membuf m = {0};
            if (panel)
                must_render(title, sent, 3, &o, &m);
            else
                must_render(NULL, items, n, &o, &m);
            ihdr h = read_ihdr(&m);
            if (o.width && o.height &&
                precis_image_effective_layout(&o) != PRECIS_LAYOUT_STRIP) {
                assert_int_equal(h.w, o.width);
                assert_int_equal(h.h, o.height);
            }
            if (o.max_bytes && m.len > o.max_bytes)
                fail_msg("%s: %zu bytes, the device takes %lu", *p, m.len,
                         o.max_bytes);
            int want = o.pixels == PRECIS_PIXELS_MONO    ? 1
                       : o.pixels == PRECIS_PIXELS_GREY2 ? 2
                       : o.pixels == PRECIS_PIXELS_GREY4 ? 4
                       : o.pixels == PRECIS_PIXELS_GREY  ? 8
                                                         : 0;
            if (want && (h.color_type != PNG_COLOR_TYPE_GRAY || h.depth != want))
                fail_msg("%s: PNG type %d depth %d, want grey %d", *p,
                         h.color_type, h.depth, want);
            precis_membuf_free(&m);
        }
    }
    /* TRMNL's BMP: 62 bytes of headers and palette, 100 bytes a row. */
    precis_image_options o = precis_image_options_default();
    precis_image_profile(&o, "trmnl");
    o.format = PRECIS_IMG_BMP;
    precis_membuf m = {0};
    must_render(NULL, items, n, &o, &m);
    assert_int_equal(m.len, 48062);
    const uint8_t *b = (const uint8_t *)m.data;
    assert_true(b[0] == 'B' && b[1] == 'M');
    assert_int_equal(b[28], 1);  /* bits a pixel */
    assert_int_equal(b[10], 62); /* pixel data offset */
    /* The BMP's pixels are the PNG's: compare row 0 (the BMP's last). */
    o.format = PRECIS_IMG_PNG;
    precis_membuf pm = {0};
    must_render(NULL, items, n, &o, &pm);
    image im = decode_png(pm.data, pm.len);
    const uint8_t *top = b + 62 + 479 * 100;
    for (int x = 0; x < 800; x++) {
        int white = top[x / 8] >> (7 - x % 8) & 1;
        assert_int_equal(white, pixel(&im, x, 0) == 0xFFFFFF);
    }
    free(im.rgb);
    precis_membuf_free(&pm);
    precis_membuf_free(&m);
    /* A limit the image cannot meet fails, writing nothing. */
    o.max_bytes = 100;
    char err[256];
    precis_membuf small = {0};
    assert_int_equal(render(NULL, items, n, &o, &small, err, sizeof err),
                     PRECIS_EIMAGE);
    assert_int_equal(small.len, 0);
    assert_non_null(strstr(err, "at most 100"));
    precis_membuf_free(&small);
}

/* Newest first by default; --sort=input keeps the order given; a list
 * without times for every item stays as given. */
static void test_sort_newest_first(void **state)
{
    (void)state;
    precis_item items[9], rev[9];
    size_t n = fill_headlines(items, 9);
    for (size_t i = 0; i < n; i++)
        rev[i] = items[n - 1 - i]; /* newest first, by hand */
    precis_image_options o = precis_image_options_default();
    precis_image_profile(&o, "trmnl");
    precis_membuf a = {0}, b = {0};
    must_render(NULL, items, n, &o, &a); /* sorted by the renderer */
    o.sort = PRECIS_SORT_INPUT;
    must_render(NULL, rev, n, &o, &b);
    image ia = decode_png(a.data, a.len), ib = decode_png(b.data, b.len);
    assert_int_equal(first_difference(&ia, &ib), -1);
    free(ia.rgb);
    free(ib.rgb);
    precis_membuf_free(&b);
    must_render(NULL, items, n, &o, &b); /* input order: different */
    ib = decode_png(b.data, b.len);
    ia = decode_png(a.data, a.len);
    assert_true(first_difference(&ia, &ib) >= 0);
    free(ia.rgb);
    free(ib.rgb);
    precis_membuf_free(&a);
    precis_membuf_free(&b);
    precis_sort so;
    assert_int_equal(precis_sort_parse("input", &so), PRECIS_OK);
    assert_int_equal(so, PRECIS_SORT_INPUT);
    assert_int_equal(precis_sort_parse("random", &so), PRECIS_EINVAL);
}

/* A list longer than the page ends with whole items and "+N more", not
 * a headline cut with an ellipsis; N counts what was left out. */
static void test_more_line(void **state)
{
    (void)state;
    enum { N = 40 };
    precis_item items[N];
    char times[N][8];
    for (size_t i = 0; i < N; i++) {
        snprintf(times[i], sizeof times[i], "%02zu:%02zu", 23 - i / 2,
                 (i % 2) * 30);
        items[i] = (precis_item){times[i], 5, headlines[i % 9][1],
                                 strlen(headlines[i % 9][1])};
    }
    precis_image_options o = precis_image_options_default();
    precis_image_profile(&o, "trmnl");
    layout_spec sp;
    layout_stats st;
    canvas *c = layout(&o, NULL, items, N, &sp, &st);
    assert_true(st.more > 0 && st.more < N);
    assert_int_equal(c->h, 480);
    assert_int_equal(st.clipped, 0);
    canvas_free(c);
    /* A page that holds everything has no such line. */
    c = layout(&o, NULL, items, 3, &sp, &st);
    assert_int_equal(st.more, 0);
    assert_false(st.truncated);
    canvas_free(c);
}

/* Arabic and Hebrew come out shaped and right to left, aligned to the
 * right edge; Chinese from the fallback font; no box anywhere. */
static void test_scripts(void **state)
{
    (void)state;
    if (!outline_available()) {
        print_message("# built without outline fonts: nothing to shape\n");
        return;
    }
    precis_item items[4];
    fill_world(items);
    const char *const profiles[] = {"trmnl", "kindle-basic", "kindle",
                                    "led-128x32"};
    for (size_t k = 0; k < 4; k++) {
        precis_image_options o = precis_image_options_default();
        precis_image_profile(&o, profiles[k]);
        o.sort = PRECIS_SORT_INPUT;
        layout_spec sp;
        layout_stats st;
        canvas *c = layout(&o, NULL, items, 4, &sp, &st);
        if (st.boxed && has_cjk())
            fail_msg("%s: %zu glyphs boxed", profiles[k], st.boxed);
        assert_int_equal(st.clipped, 0);
        canvas_free(c);
    }
    /* Right-aligned: the Arabic item alone on a wide page has ink near
     * the right margin and none in the left half of its column. */
    precis_image_options o = precis_image_options_default();
    precis_image_profile(&o, "trmnl");
    o.heading = NULL;
    layout_spec sp;
    layout_stats st;
    precis_item one = {NULL, 0, world[0][1], strlen(world[0][1])};
    canvas *c = layout(&o, NULL, &one, 1, &sp, &st);
    int min_x = c->w, max_x = -1;
    for (int y = 0; y < c->h; y++)
        for (int x = 40; x < c->w; x++) /* past the bullet */
            if (canvas_pixel(c, x, y) != sp.bg) {
                min_x = x < min_x ? x : min_x;
                max_x = x > max_x ? x : max_x;
            }
    assert_true(max_x >= c->w - (int)o.margin - 12);
    assert_true(min_x > c->w / 4);
    canvas_free(c);
    /* Shaped: the joined Arabic word is narrower than its letters'
     * isolated forms would be, and it differs from the same letters
     * drawn left to right. Checked through the glyph count: HarfBuzz
     * draws every letter once, no substitute, no fallback. */
    assert_int_equal(st.substituted, 0);
    assert_int_equal(st.boxed, 0);
}

/* A list or panel asked of a display too small for three lines becomes
 * the strip; the caller can tell. */
static void test_small_display_gets_strip(void **state)
{
    (void)state;
    precis_image_options o = precis_image_options_default();
    precis_image_profile(&o, "led-32x8");
    o.layout = PRECIS_LAYOUT_PANEL;
    assert_int_equal(precis_image_effective_layout(&o), PRECIS_LAYOUT_STRIP);
    precis_image_profile(&o, "trmnl");
    assert_int_equal(precis_image_effective_layout(&o), PRECIS_LAYOUT_LIST);
    char info[160];
    assert_non_null(precis_image_font_describe("term16", info, sizeof info));
    assert_null(precis_image_font_describe("nope", info, sizeof info));
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--seed") == 0)
        return run_seed(argv[2]);
    if (argc == 4 && strcmp(argv[1], "--golden") == 0) {
        golden_dir = argv[2];
        for (size_t i = 0; i < sizeof golden_cases / sizeof *golden_cases; i++)
            if (strcmp(golden_cases[i].name, argv[3]) == 0)
                golden_one = &golden_cases[i];
        if (!golden_one) {
            fprintf(stderr, "test_render_image: no golden case %s\n", argv[3]);
            return 2;
        }
        /* Outline and CJK goldens need what a build may leave out
         * (-Dfreetype=disabled, -Dunifont_cjk=false): TAP's skip-all. */
        precis_image_options po = precis_image_options_default();
        precis_image_profile(&po, golden_one->profile);
        if (golden_one->layout >= 0)
            po.layout = (precis_layout)golden_one->layout;
        int outline = po.outline && po.layout != PRECIS_LAYOUT_STRIP;
        if ((outline && !outline_available()) ||
            (golden_one->what >= 2 && !has_cjk())) {
            printf("1..0 # SKIP %s needs outline fonts or CJK\n", argv[3]);
            return 0;
        }
        const struct CMUnitTest one[] = {
            cmocka_unit_test(test_golden),
        };
        return cmocka_run_group_tests_name(argv[3], one, NULL, NULL);
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixture_png_palette),
        cmocka_unit_test(test_fixture_png_rgb),
        cmocka_unit_test(test_fixture_ppm),
        cmocka_unit_test(test_fixture_grey_and_mono),
        cmocka_unit_test(test_png_type_choice),
        cmocka_unit_test(test_fonts_are_sound),
        cmocka_unit_test(test_fallback_chain),
        cmocka_unit_test(test_substitute_table_sorted),
        cmocka_unit_test(test_every_profile_nine_headlines),
        cmocka_unit_test(test_list_hanging_indent),
        cmocka_unit_test(test_ellipsis),
        cmocka_unit_test(test_narrow_and_long_words),
        cmocka_unit_test(test_bounds_and_errors),
        cmocka_unit_test(test_sink_failure),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_ppm_matches_png),
        cmocka_unit_test(test_apng),
        cmocka_unit_test(test_options_and_parsers),
        cmocka_unit_test(test_mono_keeps_contrast),
        cmocka_unit_test(test_document),
        cmocka_unit_test(test_device_limits),
        cmocka_unit_test(test_sort_newest_first),
        cmocka_unit_test(test_more_line),
        cmocka_unit_test(test_scripts),
        cmocka_unit_test(test_small_display_gets_strip),
    };
    return cmocka_run_group_tests_name("image", tests, NULL, NULL);
}
