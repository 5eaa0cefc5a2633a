/* fuzz_render: the renderers with random sizes, layouts, profiles and
 * text.
 *
 * Byte 0: bit 0 chooses the mode. 0: precis_render_image_items on items
 *         cut from the rest; 1: the rest is an article, whose document is
 *         rendered as text, Markdown, JSON and an image
 *         (precis_render_image), before and after summarize. Bit 1
 *         renders twice and requires the same bytes.
 * Bytes 1-15: image options: a profile, then overrides of layout,
 *         format, pixels, width (at most 512), height (at most 255),
 *         font, margin, gaps, colours, separator, fit, loop, APNG step
 *         and frame time.
 * The rest, in items mode: lines ("\n"); the first is the title when
 * byte 5 bit 7 is set, the next the separator when bit 5 is set; every
 * other line is an item, "TIME\tTEXT" or "TEXT".
 *
 * Sizes are kept small (the library's own limits allow 16 Mpixel images
 * and APNGs of a second's encoding, too slow to fuzz): the text of a strip
 * is cut to 512 bytes, of a list or panel to 2048, of an APNG to 128 bytes
 * with a step of at least 8, and a document to 16 KiB (2 KiB for APNG).
 *
 * Checks: success writes a PNG (signature, IHDR size), a PPM (header and
 * exact length) or an APNG (acTL before the first IDAT) whose sides obey
 * the options (a fixed width or height is exactly that, a strip is at
 * least its width, no side above PRECIS_IMAGE_MAX_SIDE); failure writes
 * nothing and leaves a message. */
#include "fuzz_util.h"

#define MAX_ITEMS 64

/* Whether m holds the bytes of s (m need not be NUL-terminated). */
static int has_bytes(const precis_membuf *m, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; m->data && i + n <= m->len; i++)
        if (memcmp(m->data + i, s, n) == 0)
            return 1;
    return 0;
}


static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
           p[3];
}

/* Reads the image's size from PNG or PPM bytes, checking the format. */
static void image_size(const precis_membuf *m, precis_image_format fmt,
                       unsigned *w, unsigned *h)
{
    const unsigned char *p = (const unsigned char *)m->data;
    if (fmt == PRECIS_IMG_BMP) {
        /* BITMAPINFOHEADER, bottom-up rows padded to 4 bytes. */
        FUZZ_CHECK(m->len > 54 && p[0] == 'B' && p[1] == 'M');
        uint32_t size = (uint32_t)p[2] | (uint32_t)p[3] << 8 |
                        (uint32_t)p[4] << 16 | (uint32_t)p[5] << 24;
        FUZZ_CHECK(size == m->len);
        *w = (unsigned)p[18] | (unsigned)p[19] << 8 | (unsigned)p[20] << 16;
        *h = (unsigned)p[22] | (unsigned)p[23] << 8 | (unsigned)p[24] << 16;
        unsigned bits = p[28];
        FUZZ_CHECK(bits == 1 || bits == 8 || bits == 24);
        uint32_t off = (uint32_t)p[10] | (uint32_t)p[11] << 8;
        FUZZ_CHECK(m->len == off + (size_t)((*w * bits + 31) / 32 * 4) * *h);
        return;
    }
    if (fmt == PRECIS_IMG_PPM) {
        FUZZ_CHECK(m->len > 3 && memcmp(p, "P6\n", 3) == 0);
        unsigned maxval = 0;
        int used = 0;
        FUZZ_CHECK(sscanf(m->data + 3, "%u %u\n%u%n", w, h, &maxval,
                          &used) == 3);
        FUZZ_CHECK(maxval == 255);
        size_t header = 3 + (size_t)used + 1;
        FUZZ_CHECK(m->len == header + (size_t)*w * *h * 3);
        return;
    }
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n',
                                         0x1A, '\n'};
    FUZZ_CHECK(m->len > 33 && memcmp(p, sig, 8) == 0);
    FUZZ_CHECK(memcmp(p + 12, "IHDR", 4) == 0);
    *w = be32(p + 16);
    *h = be32(p + 20);
    /* Walk the chunks: lengths in range, ending with IEND; an APNG has
     * acTL before the first IDAT. */
    size_t at = 8;
    int seen_actl = 0, seen_idat = 0, seen_iend = 0;
    while (at + 12 <= m->len) {
        uint32_t len = be32(p + at);
        FUZZ_CHECK(len <= m->len - at - 12);
        const unsigned char *type = p + at + 4;
        if (memcmp(type, "acTL", 4) == 0)
            seen_actl = 1;
        if (memcmp(type, "IDAT", 4) == 0) {
            if (fmt == PRECIS_IMG_APNG && !seen_idat)
                FUZZ_CHECK(seen_actl);
            seen_idat = 1;
        }
        if (memcmp(type, "IEND", 4) == 0)
            seen_iend = 1;
        at += 12 + len;
    }
    FUZZ_CHECK(at == m->len && seen_iend && seen_idat);
    FUZZ_CHECK(seen_actl == (fmt == PRECIS_IMG_APNG));
}

/* Checks a finished render: what was written, or that nothing was. */
static void check_image(precis_status st, const precis_membuf *m,
                        const precis_image_options *o, const char *err)
{
    FUZZ_CHECK(st == PRECIS_OK || st == PRECIS_EINVAL ||
               st == PRECIS_EIMAGE || st == PRECIS_ESTATE);
    if (st != PRECIS_OK) {
        FUZZ_CHECK(m->len == 0);
        if (err)
            FUZZ_CHECK(err[0] != '\0');
        return;
    }
    unsigned w = 0, h = 0;
    image_size(m, o->format, &w, &h);
    FUZZ_CHECK(w >= 1 && h >= 1);
    FUZZ_CHECK(w <= PRECIS_IMAGE_MAX_SIDE && h <= PRECIS_IMAGE_MAX_SIDE);
    if (o->format == PRECIS_IMG_APNG) {
        FUZZ_CHECK(w == (o->width ? o->width : 320));
    } else if (precis_image_effective_layout(o) == PRECIS_LAYOUT_STRIP) {
        if (o->fit && o->width)
            FUZZ_CHECK(w == o->width);
        else
            FUZZ_CHECK(w >= o->width);
    } else {
        FUZZ_CHECK(w == (o->width ? o->width : 640));
    }
    if (o->height)
        FUZZ_CHECK(h == o->height);
}

/* Sets *o from the option bytes. Returns byte 5 (the flags). */
static unsigned read_options(fuzz_input *in, precis_image_options *o,
                             char *font_buf)
{
    unsigned b[15];
    for (int i = 0; i < 15; i++)
        b[i] = fuzz_byte(in);
    *o = precis_image_options_default();
    const char *const *profiles = precis_image_profiles();
    size_t np = 0;
    while (profiles[np])
        np++;
    if (b[0] % 16 < np)
        FUZZ_CHECK(precis_image_profile(o, profiles[b[0] % 16]) == PRECIS_OK);
    if (b[1] % 4 < 3)
        o->layout = (precis_layout)(b[1] % 4);
    o->format = (precis_image_format)(b[2] % 4);
    if (b[3] % 7 < 6)
        o->pixels = (precis_pixels)(b[3] % 7);
    o->sort = (precis_sort)(b[3] >> 7);
    if (b[14] & 1) {
        o->date = "Thu 3 Dec 2026";
        o->updated = "14:52";
        o->footer = "fuzz.txt";
        o->heading = "Headlines";
    }
    unsigned flags = b[4];
    if (flags & 1)
        o->width = ((b[5] << 8) | b[6]) % 513;
    if (flags & 2)
        o->height = b[7];
    if (flags & 4) {
        const char *const *fonts = precis_image_fonts();
        size_t nf = 0;
        while (fonts[nf])
            nf++;
        if (b[8] % (nf + 2) < nf)
            o->font = fonts[b[8] % (nf + 2)];
        else if (b[8] % (nf + 2) == nf)
            o->font = "auto";
        else
            o->font = strcpy(font_buf, "no-such-font");
    }
    o->fit = (flags >> 3) & 1;
    o->loop = (flags >> 4) & 1;
    if (b[9] & 0x80)
        o->margin = b[9] & 31;
    if (b[10] & 0x80) {
        o->line_gap = b[10] & 7;
        o->item_gap = (b[10] >> 3) & 15;
    }
    if (flags & 64) {
        o->fg = (unsigned long)b[11] * 0x010203UL;
        o->bg = (unsigned long)b[12] * 0x030201UL;
        o->accent = (unsigned long)b[11] * 0x000101UL;
        o->time = (b[12] & 1) ? PRECIS_COLOR_ACCENT
                              : (unsigned long)b[13] * 0x010101UL;
    }
    o->scroll_step = b[13] % 64;
    o->frame_ms = b[14] * 4u;
    if (o->format == PRECIS_IMG_APNG) {
        /* Keep an animation quick to encode. */
        if (o->scroll_step && o->scroll_step < 8)
            o->scroll_step = 8;
        if (o->width > 128)
            o->width = 128;
    }
    return flags;
}

/* Items mode: title, separator and items from lines of the rest. */
static void fuzz_items(fuzz_input *in, unsigned b0)
{
    precis_image_options o;
    char font_buf[16];
    unsigned flags = read_options(in, &o, font_buf);
    size_t cap = o.format == PRECIS_IMG_APNG
                     ? 128
                     : o.layout == PRECIS_LAYOUT_STRIP ? 512 : 2048;
    size_t n = in->n < cap ? in->n : cap;
    const char *text = (const char *)in->p;

    precis_item items[MAX_ITEMS];
    size_t ni = 0;
    const char *title = NULL;
    size_t title_len = 0;
    char sep[64];
    size_t at = 0;
    int want_title = (flags & 128) != 0, want_sep = (flags & 32) != 0;
    while (at < n && ni < MAX_ITEMS) {
        const char *nl = memchr(text + at, '\n', n - at);
        size_t len = nl ? (size_t)(nl - (text + at)) : n - at;
        const char *line = text + at;
        at += len + 1;
        if (want_title) {
            title = line;
            title_len = len;
            want_title = 0;
            continue;
        }
        if (want_sep) {
            size_t k = len < sizeof sep - 1 ? len : sizeof sep - 1;
            memcpy(sep, line, k);
            sep[k] = '\0';
            o.separator = sep;
            want_sep = 0;
            continue;
        }
        const char *tab = memchr(line, '\t', len);
        if (tab)
            items[ni++] = (precis_item){line, (size_t)(tab - line), tab + 1,
                                        len - (size_t)(tab - line) - 1};
        else
            items[ni++] = (precis_item){NULL, 0, line, len};
    }

    precis_membuf m = {0};
    precis_sink sink = precis_sink_mem(&m);
    char err[256] = "x";
    precis_status st = precis_render_image_items(title, title_len, items, ni,
                                                 &o, &sink, err, sizeof err);
    check_image(st, &m, &o, err);
    if ((b0 & 2) && st == PRECIS_OK) {
        precis_membuf m2 = {0};
        precis_sink s2 = precis_sink_mem(&m2);
        FUZZ_CHECK(precis_render_image_items(title, title_len, items, ni, &o,
                                             &s2, NULL, 0) == PRECIS_OK);
        FUZZ_CHECK(m.len == m2.len && memcmp(m.data, m2.data, m.len) == 0);
        precis_membuf_free(&m2);
    }
    if (st == PRECIS_OK) {
        /* A sink that refuses: EIO, and the message says so. */
        fuzz_limited l = {{0}, m.len - 1};
        precis_sink bad = {fuzz_limited_write, &l};
        FUZZ_CHECK(precis_render_image_items(title, title_len, items, ni, &o,
                                             &bad, err, sizeof err) ==
                   PRECIS_EIO);
        FUZZ_CHECK(l.mem.len == 0 && err[0] != '\0');
        precis_membuf_free(&l.mem);
    }
    precis_membuf_free(&m);
}

/* Document mode: every renderer on one document. */
static void fuzz_doc(fuzz_input *in, unsigned b0)
{
    precis_image_options o;
    char font_buf[16];
    read_options(in, &o, font_buf);
    size_t cap = o.format == PRECIS_IMG_APNG ? 2048 : 16384;
    size_t n = in->n < cap ? in->n : cap;
    precis_ctx *ctx = fuzz_ctx((b0 >> 2) & 7);
    precis_doc *doc = precis_doc_new(ctx);
    FUZZ_CHECK(precis_doc_feed(doc, in->p, n) == PRECIS_OK);
    precis_status st = precis_doc_finish(doc, NULL);
    if (st != PRECIS_OK) {
        precis_doc_free(doc);
        return;
    }
    precis_membuf m = {0};
    precis_sink sink = precis_sink_mem(&m);
    /* Before summarize: headlines can be drawn, a summary cannot. */
    st = precis_render_image(doc, &o, &sink);
    if (precis_doc_headline_count(doc) == 0 ||
        o.layout == PRECIS_LAYOUT_PANEL)
        FUZZ_CHECK(st == PRECIS_ESTATE);
    check_image(st, &m, &o, st == PRECIS_OK ? NULL : precis_ctx_errmsg(ctx));
    m.len = 0;
    FUZZ_CHECK(precis_render_text(doc, &sink) == PRECIS_ESTATE);

    precis_options opt = precis_options_default();
    opt.sentences = (b0 >> 5) + 1;
    FUZZ_CHECK(precis_doc_summarize(doc, &opt) == PRECIS_OK);
    fuzz_check_summary(doc);
    FUZZ_CHECK(precis_render_text(doc, &sink) == PRECIS_OK);
    FUZZ_CHECK(fuzz_utf8_valid(m.data ? m.data : "", m.len));
    m.len = 0;
    precis_md_options md = precis_md_options_default();
    md.style = (b0 & 2) ? PRECIS_MD_BULLETS : PRECIS_MD_PARAGRAPH;
    FUZZ_CHECK(precis_render_md(doc, &md, &sink) == PRECIS_OK);
    FUZZ_CHECK(fuzz_utf8_valid(m.data ? m.data : "", m.len));
    m.len = 0;
    FUZZ_CHECK(precis_render_json(doc, "doc", 0, &sink) == PRECIS_OK);
    FUZZ_CHECK(fuzz_utf8_valid(m.data ? m.data : "", m.len));
    m.len = 0;
    /* HTML: whatever the input, no element but the page's own. */
    FUZZ_CHECK(precis_render_html(doc, &sink) == PRECIS_OK);
    FUZZ_CHECK(fuzz_utf8_valid(m.data ? m.data : "", m.len));
    FUZZ_CHECK(!has_bytes(&m, "<script") && !has_bytes(&m, "<img") &&
               !has_bytes(&m, "<a "));
    m.len = 0;
    st = precis_render_image(doc, &o, &sink);
    check_image(st, &m, &o, st == PRECIS_OK ? NULL : precis_ctx_errmsg(ctx));
    precis_membuf_free(&m);
    precis_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    unsigned b0 = fuzz_byte(&in);
    if (b0 & 1)
        fuzz_doc(&in, b0);
    else
        fuzz_items(&in, b0);
    return 0;
}
