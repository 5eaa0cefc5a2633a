/* canvas.c: text onto pixels. Shapes UTF-8 into glyphs (font.c's
 * fallback chain), breaks it into lines, cuts what does not fit with an
 * ellipsis, and draws the strip, list and panel layouts onto a grey or
 * RGB canvas. No file formats here: see render_png.c and
 * render_image.c. */
#include "render/canvas.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "render/bidi.h"
#include "util/alloc.h"
#include "util/unicode.h"
#include "util/utf8.h"

/* ==== the canvas ==== */

unsigned canvas_luma(uint32_t rgb)
{
    unsigned r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
    return (299 * r + 587 * g + 114 * b + 500) / 1000;
}

canvas *canvas_new(int w, int h, int ch, uint32_t bg)
{
    canvas *c = precis__calloc(1, sizeof *c);
    c->w = w;
    c->h = h;
    c->ch = ch == 1 ? 1 : 3;
    c->px = precis__reallocarray(NULL, (size_t)w * (size_t)h, (size_t)c->ch);
    canvas_fill(c, 0, 0, w, h, bg);
    return c;
}

void canvas_free(canvas *c)
{
    if (!c)
        return;
    free(c->px);
    free(c);
}

void canvas_fill(canvas *c, int x, int y, int w, int h, uint32_t rgb)
{
    int x0 = x < 0 ? 0 : x, y0 = y < 0 ? 0 : y;
    int x1 = x + w > c->w ? c->w : x + w, y1 = y + h > c->h ? c->h : y + h;
    if (x0 >= x1 || y0 >= y1)
        return;
    uint8_t v[3] = {(uint8_t)(rgb >> 16), (uint8_t)(rgb >> 8), (uint8_t)rgb};
    if (c->ch == 1)
        v[0] = (uint8_t)canvas_luma(rgb);
    for (int yy = y0; yy < y1; yy++) {
        uint8_t *p =
            c->px + ((size_t)yy * (size_t)c->w + (size_t)x0) * (size_t)c->ch;
        if (c->ch == 1) {
            memset(p, v[0], (size_t)(x1 - x0));
            continue;
        }
        for (int xx = x0; xx < x1; xx++, p += 3)
            memcpy(p, v, 3);
    }
}

void canvas_blend(canvas *c, int x, int y, uint32_t rgb, unsigned a)
{
    if (x < 0 || y < 0 || x >= c->w || y >= c->h || a == 0)
        return;
    uint8_t *p = c->px + ((size_t)y * (size_t)c->w + (size_t)x) * (size_t)c->ch;
    if (a >= 255) {
        if (c->ch == 1) {
            p[0] = (uint8_t)canvas_luma(rgb);
        } else {
            p[0] = (uint8_t)(rgb >> 16);
            p[1] = (uint8_t)(rgb >> 8);
            p[2] = (uint8_t)rgb;
        }
        return;
    }
    if (c->ch == 1) {
        unsigned v = canvas_luma(rgb);
        p[0] = (uint8_t)((p[0] * (255 - a) + v * a + 127) / 255);
        return;
    }
    for (int k = 0; k < 3; k++) {
        unsigned v = rgb >> (16 - 8 * k) & 0xFF;
        p[k] = (uint8_t)((p[k] * (255 - a) + v * a + 127) / 255);
    }
}

uint32_t canvas_pixel(const canvas *c, int x, int y)
{
    const uint8_t *p =
        c->px + ((size_t)y * (size_t)c->w + (size_t)x) * (size_t)c->ch;
    if (c->ch == 1)
        return (uint32_t)p[0] * 0x010101u;
    return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

/* ==== shaped text ====
 *
 * A tvec is text ready to draw: one tglyph per glyph, in order, with its
 * colour and where a line may break. A code point that became several
 * glyphs (an ASCII substitute), and a combining mark drawn over its base,
 * continue the glyph before them (cont), so lines never break and cuts
 * never fall inside them. */

enum { BRK_NONE, BRK_SPACE, BRK_AFTER, BRK_CJK };

typedef struct tglyph {
    glyph_ref g;
    uint32_t colour;
    uint32_t src; /* the input code point */
    int16_t x;    /* drawn this far from the pen (marks: back over the base) */
    uint8_t level; /* bidi embedding level: odd reads right to left */
    uint8_t brk;
    uint8_t cont;
    uint8_t how; /* enum font_how */
} tglyph;

typedef struct tvec {
    tglyph *v;
    size_t n, cap;
    int rtl; /* its first paragraph reads right to left: align it right */
} tvec;

static tglyph *tvec_push(tvec *t)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 64;
        t->v = precis__reallocarray(t->v, t->cap, sizeof *t->v);
    }
    tglyph *g = &t->v[t->n++];
    memset(g, 0, sizeof *g);
    return g;
}

static void tvec_free(tvec *t)
{
    free(t->v);
    t->v = NULL;
    t->n = t->cap = 0;
}

static int is_cjk(uint32_t cp)
{
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0x20000 && cp <= 0x3FFFF);
}

static int break_class(uint32_t cp)
{
    if (cp == '-' || cp == '/' || cp == 0x2010 || cp == 0x2013 || cp == 0x2014)
        return BRK_AFTER;
    if (is_cjk(cp))
        return BRK_CJK;
    return BRK_NONE;
}

/* Spaces that do not break a line (no-break, narrow no-break, figure). */
static int is_nobreak_space(uint32_t cp)
{
    return cp == 0xA0 || cp == 0x202F || cp == 0x2007;
}

/* Non-spacing and enclosing marks (Mn, Me): drawn over their base.
 * Spacing marks (Mc) advance like letters. */
static int is_overlay_mark(uint32_t cp)
{
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_ME;
}

/* Appends cp's glyphs to t. Overlay marks that NFC could not compose are
 * drawn over the glyph before them and advance nothing; one that no font
 * has is left out (its base letter stays). */
static void push_cp(tvec *t, size_t start, const font_line_ctx *lc, uint32_t cp,
                    uint32_t colour, int brk)
{
    glyph_ref refs[FONT_MAX_EXPANSION];
    enum font_how how;
    size_t k = font_resolve(lc, cp, refs, &how);
    int mark = is_overlay_mark(cp);
    if (mark && (how == FONT_BOX || t->n == start))
        return;
    for (size_t i = 0; i < k; i++) {
        int16_t back = mark ? (int16_t)-t->v[t->n - 1].g.adv : 0;
        tglyph *g = tvec_push(t);
        g->g = refs[i];
        g->colour = colour;
        g->src = cp;
        g->brk = (uint8_t)brk;
        g->how = (uint8_t)how;
        g->cont = i > 0 || mark;
        if (mark) {
            g->x = back;
            g->g.adv = 0;
        }
    }
}


/* Appends the outline run cps[a..b) (one face, one bidi level) to t,
 * shaped by HarfBuzz. Each glyph's advance is the rounded pen position
 * after it less the one before, so the run's width is exact in whole
 * pixels; a glyph that continues its cluster (a mark, a second glyph)
 * continues the unit before it. */
static void push_run(tvec *t, const font_line_ctx *lc, size_t face,
                     const uint32_t *cps, const uint8_t *brk,
                     const uint8_t *levels, size_t a, size_t b,
                     uint32_t colour)
{
    ofont *f = lc->outline[face];
    oshaped *g;
    size_t n = ofont_shape(f, cps + a, b - a, levels[a] & 1, &g);
    long pen = 0;
    uint32_t last = (uint32_t)-1;
    for (size_t i = 0; i < n; i++) {
        size_t at = a + (g[i].cluster < b - a ? g[i].cluster : 0);
        tglyph *tg = tvec_push(t);
        long x0 = (pen + 32) >> 6, x1 = (pen + g[i].x_adv + 32) >> 6;
        pen += g[i].x_adv;
        tg->g = (glyph_ref){.of = f,
                            .gid = g[i].gid,
                            .cp = cps[at],
                            .adv = (int16_t)(x1 - x0),
                            .dy = (int16_t)((g[i].y_off + 32) >> 6),
                            .scale = 1};
        tg->x = (int16_t)((g[i].x_off + 32) >> 6);
        tg->colour = colour;
        tg->src = cps[at];
        tg->level = levels[at];
        tg->cont = g[i].cluster == last;
        tg->brk = tg->cont ? BRK_NONE : brk[at];
        tg->how = face == 0 ? FONT_PRIMARY : FONT_FALLBACK;
        last = g[i].cluster;
    }
    free(g);
}

/* The first outline face of lc that has cp, or -1. */
static int outline_face(const font_line_ctx *lc, uint32_t cp)
{
    for (size_t k = 0; k < lc->n_outline; k++)
        if (ofont_has(lc->outline[k], cp))
            return (int)k;
    return -1;
}

/* Appends the cleaned code points cps[0..n) with their break classes to
 * t: bidi levels first (FriBidi), then outline runs shaped by HarfBuzz
 * where lc has outline faces, and code point by code point through
 * font_resolve (Arabic in its joining forms) where it has not. */
static void push_text(tvec *t, size_t start, const font_line_ctx *lc,
                      uint32_t *cps, uint8_t *brk, size_t n, uint32_t colour)
{
    uint8_t *levels = precis__reallocarray(NULL, n ? n : 1, 1);
    int base = bidi_levels(cps, n, levels);
    if (t->n == 0)
        t->rtl = base;
    if (!lc->n_outline)
        bidi_arabic_forms(cps, n, levels);
    size_t i = 0;
    while (i < n) {
        int face = lc->n_outline ? outline_face(lc, cps[i]) : -1;
        if (face < 0) {
            /* Presentation forms leave U+FEFF where a lam-alef merged. */
            if (cps[i] != 0xFEFF) {
                size_t before = t->n;
                push_cp(t, start, lc, cps[i], colour, brk[i]);
                for (size_t k = before; k < t->n; k++)
                    t->v[k].level = levels[i];
            }
            i++;
            continue;
        }
        /* The run: same face (a space or mark stays in the run when its
         * face has it), same level. */
        size_t j = i + 1;
        while (j < n && levels[j] == levels[i]) {
            if (ofont_has(lc->outline[face], cps[j]) == 0)
                break;
            if (cps[j] != ' ' && !is_overlay_mark(cps[j]) &&
                outline_face(lc, cps[j]) != face)
                break;
            j++;
        }
        push_run(t, lc, (size_t)face, cps, brk, levels, i, j, colour);
        i = j;
    }
    free(levels);
}

/* Appends one code point with break class brk through the outline
 * faces when the line has them (a space as wide as the face's), else
 * through font_resolve. */
static void push_one(tvec *t, size_t start, const font_line_ctx *lc,
                     uint32_t cp, uint32_t colour, int brk)
{
    uint8_t b = (uint8_t)brk;
    push_text(t, start, lc, &cp, &b, 1, colour);
}

/* Appends one breaking space, unless t is empty since start or already
 * ends in one. */
static void push_space(tvec *t, size_t start, const font_line_ctx *lc,
                       uint32_t colour)
{
    if (t->n == start || t->v[t->n - 1].brk == BRK_SPACE)
        return;
    push_one(t, start, lc, ' ', colour, BRK_SPACE);
}

/* Appends the UTF-8 text s[0..len) to t in colour: invalid UTF-8 is
 * repaired to U+FFFD, the text put in NFC (so e + U+0301 finds the font's
 * é), control and invisible characters dropped, and every run of white
 * space made one breaking space. Leading and trailing space is dropped,
 * unless keep is set (a separator's spaces are part of it). */
static void shape_keep(tvec *t, const font_line_ctx *lc, const char *s,
                       size_t len, uint32_t colour, int keep)
{
    buf b = {0};
    u8_repair(&b, s, len);
    uc_nfc(&b);
    size_t start = t->n, i = 0, n = 0;
    /* At most one code point a byte. */
    uint32_t *cps = precis__reallocarray(NULL, b.len + 1, sizeof *cps);
    uint8_t *brk = precis__reallocarray(NULL, b.len + 1, 1);
    int space = 0, any = t->n > start;
    while (i < b.len) {
        uint32_t cp = (uint32_t)u8_next(b.data, b.len, &i);
        if (cp < 0x20 || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
            if (cp == '\t' || cp == '\n' || cp == '\r' || cp >= 0x85)
                space = 1;
            continue;
        }
        if ((cp >= 0x7F && cp < 0xA0) || uc_is_invisible((int32_t)cp))
            continue;
        if (!is_nobreak_space(cp) && (cp == ' ' || uc_is_space((int32_t)cp))) {
            space = 1;
            continue;
        }
        if (space && (any || n || keep)) {
            cps[n] = ' ';
            brk[n++] = BRK_SPACE;
        }
        space = 0;
        cps[n] = cp;
        brk[n++] = (uint8_t)break_class(cp);
    }
    if (space && keep) {
        cps[n] = ' ';
        brk[n++] = BRK_SPACE;
    }
    push_text(t, start, lc, cps, brk, n, colour);
    free(cps);
    free(brk);
    buf_free(&b);
}

static void shape(tvec *t, const font_line_ctx *lc, const char *s, size_t len,
                  uint32_t colour)
{
    shape_keep(t, lc, s, len, colour, 0);
}

static long width_of(const tvec *t, size_t s, size_t e)
{
    long w = 0;
    for (size_t i = s; i < e; i++)
        w += t->v[i].g.adv;
    return w;
}

/* The widest unbreakable unit's advance: a glyph with what continues it. */
static int widest_unit(const tvec *t)
{
    int best = 0, cur = 0;
    for (size_t i = 0; i < t->n; i++) {
        if (!t->v[i].cont)
            cur = 0;
        cur += t->v[i].g.adv;
        best = cur > best ? cur : best;
    }
    return best;
}

/* ==== line breaking and cutting ==== */

static int may_break_before(const tvec *t, size_t j)
{
    const tglyph *a = &t->v[j - 1], *b = &t->v[j];
    if (b->cont || b->brk == BRK_SPACE)
        return 0;
    return a->brk == BRK_AFTER || a->brk == BRK_CJK || b->brk == BRK_CJK;
}

/* Greedy line breaking. Returns the end (exclusive) of the line that
 * starts at s and fits in limit pixels, and sets *next to where the next
 * line starts (past the space it broke at). A word longer than the line
 * is broken between glyphs; a unit wider than the line (which the caller
 * rules out) is placed alone. */
static size_t break_line(const tvec *t, size_t s, int limit, size_t *next)
{
    int x = 0, have = 0;
    size_t brk_end = 0, brk_next = 0;
    for (size_t j = s; j < t->n; j++) {
        const tglyph *g = &t->v[j];
        if (g->brk == BRK_SPACE) {
            have = 1;
            brk_end = j;
            brk_next = j + 1;
        } else if (j > s && may_break_before(t, j)) {
            have = 1;
            brk_end = brk_next = j;
        }
        if (g->brk != BRK_SPACE && j > s && x + g->g.adv > limit) {
            if (have && brk_end > s) {
                *next = brk_next;
                return brk_end;
            }
            size_t k = j;
            while (k > s && t->v[k].cont)
                k--;
            if (k == s) { /* one unit wider than the line */
                k = j;
                while (k < t->n && t->v[k].cont)
                    k++;
            }
            *next = k;
            return k;
        }
        x += g->g.adv;
    }
    *next = t->n;
    return t->n;
}

static int is_trailing_punct(uint32_t cp)
{
    return cp == ' ' || cp == ',' || cp == ';' || cp == ':' || cp == '-' ||
           cp == 0x2013 || cp == 0x2014 || cp == '.' || cp == '(' ||
           cp == '/' || cp == 0x2022;
}

/* Where to cut t[s..e) so that it plus an ellipsis ell_w wide fits in
 * limit: the last unit boundary that fits, moved back to the last space
 * when that loses no more than a quarter of the width, then before any
 * trailing space or punctuation. May return s (only the ellipsis). */
static size_t cut_point(const tvec *t, size_t s, size_t e, int limit, int ell_w)
{
    size_t best = s;
    int x = 0;
    for (size_t j = s; j <= e; j++) {
        if (j == e || !t->v[j].cont) {
            if (x + ell_w <= limit)
                best = j;
            else
                break;
        }
        if (j < e)
            x += t->v[j].g.adv;
    }
    long full = width_of(t, s, best);
    for (size_t j = best; j > s; j--)
        if (t->v[j - 1].brk == BRK_SPACE) {
            if (4 * width_of(t, s, j - 1) >= 3 * full)
                best = j - 1;
            break;
        }
    while (best > s) {
        size_t u = best - 1;
        while (u > s && t->v[u].cont)
            u--;
        if (!is_trailing_punct(t->v[u].src))
            break;
        best = u;
    }
    return best;
}

/* ==== layout ==== */

/* One line to draw: t[s..e) from pen x on baseline y, then an ellipsis
 * when ell is set. */
typedef struct pline {
    const tvec *t;
    size_t s, e;
    int x, y;
    int ell;
    int right; /* > 0: a right-to-left line, aligned to end at this x */
} pline;

typedef struct block {
    tvec text;
    tvec prefix; /* list: the time or bullet in the left column */
    const font_line_ctx *lc;
    int x_first, x_rest; /* from the left margin */
    int gap_after;
    int is_title;
    int is_item;      /* a list item (what "+N more" counts) */
    int reserve;      /* pixels kept free at the right (the header) */
    int top;          /* where it was placed */
    size_t first_line; /* its first line in lay.lines */
} block;

typedef struct lay {
    const layout_spec *spec;
    font_line_ctx body, title, small;
    tvec ellipsis;
    tvec header, footer, more; /* the dashboard's lines, when shown */
    int rule_y, rule_h;        /* the header's rule (rule_h 0: none) */
    int header_below;          /* the header has a line under the title */
    size_t more_n;
    block *blocks;
    size_t n_blocks, cap_blocks;
    pline *lines;
    size_t n_lines, cap_lines;
    char *err;
    size_t errsize;
} lay;

static precis_status fail(lay *L, precis_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static precis_status fail(lay *L, precis_status st, const char *fmt, ...)
{
    if (L->err && L->errsize) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(L->err, L->errsize, fmt, ap);
        va_end(ap);
    }
    return st;
}

static block *add_block(lay *L, const font_line_ctx *lc)
{
    if (L->n_blocks == L->cap_blocks) {
        L->cap_blocks = L->cap_blocks ? L->cap_blocks * 2 : 16;
        L->blocks =
            precis__reallocarray(L->blocks, L->cap_blocks, sizeof *L->blocks);
    }
    block *b = &L->blocks[L->n_blocks++];
    memset(b, 0, sizeof *b);
    b->lc = lc;
    return b;
}

static pline *add_line(lay *L)
{
    if (L->n_lines == L->cap_lines) {
        L->cap_lines = L->cap_lines ? L->cap_lines * 2 : 32;
        L->lines =
            precis__reallocarray(L->lines, L->cap_lines, sizeof *L->lines);
    }
    pline *p = &L->lines[L->n_lines++];
    memset(p, 0, sizeof *p);
    return p;
}

static void lay_free(lay *L)
{
    for (size_t i = 0; i < L->n_blocks; i++) {
        tvec_free(&L->blocks[i].text);
        tvec_free(&L->blocks[i].prefix);
    }
    free(L->blocks);
    free(L->lines);
    tvec_free(&L->ellipsis);
    tvec_free(&L->header);
    tvec_free(&L->footer);
    tvec_free(&L->more);
}

static int line_height(const font_line_ctx *lc)
{
    return lc->ascent + lc->descent;
}

static precis_status check_size(lay *L, long w, long h)
{
    if (w < 1 || h < 1)
        return fail(L, PRECIS_EINVAL, "image would be %ldx%ld pixels", w, h);
    if (w > PRECIS_IMAGE_MAX_SIDE || h > PRECIS_IMAGE_MAX_SIDE)
        return fail(L, PRECIS_EIMAGE,
                    "image would be %ldx%ld pixels; a side may be at most "
                    "%d",
                    w, h, PRECIS_IMAGE_MAX_SIDE);
    if (w * h > PRECIS_IMAGE_MAX_AREA)
        return fail(L, PRECIS_EIMAGE,
                    "image would be %ldx%ld pixels; at most %ld pixels in "
                    "all",
                    w, h, PRECIS_IMAGE_MAX_AREA);
    return PRECIS_OK;
}

/* The strip: one line, "[title • ]time text • time text", never wrapped.
 * Sets *w and *h to the image's size. */
static precis_status lay_strip(lay *L, const char *title, size_t title_len,
                               const precis_item *items, size_t n, int *w,
                               int *h)
{
    const layout_spec *sp = L->spec;
    block *b = add_block(L, &L->body);
    tvec *t = &b->text;
    tvec sep = {0};
    shape_keep(&sep, &L->body, sp->sep, sp->sep_len, sp->accent, 1);
    int pieces = 0;
    if (title && title_len) {
        shape(t, &L->body, title, title_len, sp->fg);
        pieces += t->n > 0;
    }
    for (size_t i = 0; i < n; i++) {
        size_t before = t->n;
        tvec piece = {0};
        if (items[i].time && items[i].time_len) {
            shape(&piece, &L->body, items[i].time, items[i].time_len, sp->time);
            push_space(&piece, 0, &L->body, sp->fg);
        }
        if (items[i].text)
            shape(&piece, &L->body, items[i].text, items[i].len, sp->fg);
        if (piece.n && pieces) {
            for (size_t k = 0; k < sep.n; k++)
                *tvec_push(t) = sep.v[k];
        }
        for (size_t k = 0; k < piece.n; k++)
            *tvec_push(t) = piece.v[k];
        pieces += t->n > before;
        tvec_free(&piece);
    }
    if (sp->loop && pieces)
        for (size_t k = 0; k < sep.n; k++)
            *tvec_push(t) = sep.v[k];
    tvec_free(&sep);

    int lh = line_height(&L->body);
    *h = sp->height ? sp->height : lh + 2 * sp->margin;
    char name[64];
    if (lh > *h - 2 * sp->margin)
        return fail(L, PRECIS_EINVAL,
                    "font %s is %d pixels tall; a %d-pixel strip holds at "
                    "most %d",
                    font_line_name(&L->body, name, sizeof name), lh, *h,
                    *h - 2 * sp->margin);
    long text_w = width_of(t, 0, t->n);
    pline *p = add_line(L);
    p->t = t;
    p->s = 0;
    p->e = t->n;
    p->x = sp->margin;
    p->y = (*h - lh) / 2 + L->body.ascent;
    if (sp->fit && sp->width) {
        *w = sp->width;
        int limit = *w - 2 * sp->margin;
        if (text_w > limit) {
            p->e = cut_point(t, 0, t->n, limit,
                             width_of(&L->ellipsis, 0, L->ellipsis.n));
            p->ell = 1;
        }
        return check_size(L, *w, *h);
    }
    long need = text_w + 2L * sp->margin;
    if (need < sp->width)
        need = sp->width;
    precis_status st = check_size(L, need, *h);
    *w = (int)(st == PRECIS_OK ? need : 1);
    return st;
}

/* The list and panel blocks: a title, then one block per item (list) or
 * per paragraph (panel). */
static void build_blocks(lay *L, const char *title, size_t title_len,
                         const precis_item *items, size_t n)
{
    const layout_spec *sp = L->spec;
    int lh = line_height(&L->body);
    if (title && title_len) {
        block *b = add_block(L, &L->title);
        shape(&b->text, &L->title, title, title_len, sp->fg);
        b->gap_after = lh / 2 + sp->item_gap;
        b->is_title = 1;
        if (L->header.n) {
            tvec sp_t = {0};
            push_one(&sp_t, 0, &L->title, ' ', sp->fg, BRK_NONE);
            b->reserve = (int)width_of(&L->header, 0, L->header.n) +
                         2 * (sp_t.n ? sp_t.v[0].g.adv : 1);
            tvec_free(&sp_t);
        }
        if (!b->text.n)
            L->n_blocks--;
    }
    if (sp->layout == PRECIS_LAYOUT_LIST) {
        size_t first = L->n_blocks;
        int any_time = 0, col = 0;
        for (size_t i = 0; i < n; i++)
            any_time |= items[i].time && items[i].time_len;
        for (size_t i = 0; i < n; i++) {
            block *b = add_block(L, &L->body);
            if (items[i].text)
                shape(&b->text, &L->body, items[i].text, items[i].len, sp->fg);
            if (any_time && items[i].time)
                shape(&b->prefix, &L->body, items[i].time, items[i].time_len,
                      sp->time);
            else if (!any_time)
                shape(&b->prefix, &L->body, "\xE2\x80\xA2", 3, sp->accent);
            int pw = (int)width_of(&b->prefix, 0, b->prefix.n);
            col = pw > col ? pw : col;
            b->gap_after = sp->item_gap;
            b->is_item = 1;
            if (!b->text.n && !b->prefix.n)
                L->n_blocks--; /* nothing to show; both vectors empty */
        }
        /* The text column starts after the widest time, plus a gap of two
         * spaces (one after a bullet): the hanging indent. */
        tvec sp_t = {0};
        push_one(&sp_t, 0, &L->body, ' ', sp->fg, BRK_NONE);
        int space = sp_t.n ? sp_t.v[0].g.adv : 1;
        tvec_free(&sp_t);
        if (col)
            col += any_time ? 2 * space : space;
        int content = (sp->width ? sp->width : 640) - 2 * sp->margin;
        if (2 * col > content) {
            /* Too narrow for a column (a 32-pixel LED panel): the time
             * leads its text on the line instead. */
            for (size_t i = first; i < L->n_blocks; i++) {
                block *b = &L->blocks[i];
                tvec t = b->prefix;
                b->prefix = (tvec){0};
                if (t.n) {
                    push_one(&t, 0, &L->body, ' ', sp->fg, BRK_SPACE);
                    for (size_t k = 0; k < b->text.n; k++)
                        *tvec_push(&t) = b->text.v[k];
                    tvec_free(&b->text);
                    b->text = t;
                } else {
                    tvec_free(&t);
                }
            }
            return;
        }
        for (size_t i = first; i < L->n_blocks; i++)
            L->blocks[i].x_first = L->blocks[i].x_rest = col;
        return;
    }
    /* Panel: an item with a time starts its own paragraph, led by the
     * time; items without one run together into one paragraph. */
    block *para = NULL;
    for (size_t i = 0; i < n; i++) {
        int timed = items[i].time && items[i].time_len;
        if (timed || !para) {
            para = add_block(L, &L->body);
            para->gap_after = sp->item_gap;
        }
        tvec *t = &para->text;
        push_space(t, 0, &L->body, sp->fg);
        if (timed) {
            shape(t, &L->body, items[i].time, items[i].time_len, sp->time);
            push_space(t, 0, &L->body, sp->fg);
        }
        if (items[i].text)
            shape(t, &L->body, items[i].text, items[i].len, sp->fg);
        if (timed)
            para = NULL;
    }
}

/* Places a line of one piece of text (header, footer, "+N more"). */
static void place_single(lay *L, const tvec *t, int x, int baseline, int right)
{
    pline *p = add_line(L);
    p->t = t;
    p->e = t->n;
    p->x = x;
    p->y = baseline;
    if (right)
        p->x = right - (int)width_of(t, 0, t->n);
}

/* Replaces the lines from block k on with a "+N more" line, N the list
 * items from k on. Returns 0 when even that line does not fit below the
 * items before k. */
static int place_more(lay *L, size_t k, int limit_y)
{
    const layout_spec *sp = L->spec;
    size_t left = 0;
    for (size_t i = k; i < L->n_blocks; i++)
        left += L->blocks[i].is_item;
    char msg[48];
    snprintf(msg, sizeof msg, "+%zu more", left);
    tvec_free(&L->more);
    shape(&L->more, &L->body, msg, strlen(msg), sp->time);
    block *b = &L->blocks[k];
    if (b->top + line_height(&L->body) > limit_y)
        return 0;
    L->n_lines = b->first_line;
    place_single(L, &L->more, sp->margin + b->x_first, b->top + L->body.ascent,
                 0);
    L->more_n = left;
    return 1;
}

/* Breaks every block into lines and stacks them from the top margin,
 * cutting with an ellipsis where the height runs out; a list with more
 * set ends instead with the whole items that fit and a "+N more" line.
 * The header's right side goes beside the title with a rule under both;
 * the footer, when the page has room for it, at the bottom. */
static precis_status lay_flow(lay *L, const char *title, size_t title_len,
                              const precis_item *items, size_t n, int *w,
                              int *h)
{
    const layout_spec *sp = L->spec;
    char name[64];
    *w = sp->width ? sp->width : 640;
    int content = *w - 2 * sp->margin;
    if (sp->header_right && *sp->header_right)
        shape(&L->header, &L->small, sp->header_right,
              strlen(sp->header_right), sp->time);
    if (L->header.n && width_of(&L->header, 0, L->header.n) > content)
        tvec_free(&L->header); /* no room at all */
    build_blocks(L, title, title_len, items, n);

    for (size_t i = 0; i < L->n_blocks; i++) {
        block *b = &L->blocks[i];
        int room = content - (b->x_first > b->x_rest ? b->x_first : b->x_rest);
        int need = widest_unit(&b->text);
        int ell = widest_unit(&L->ellipsis);
        need = ell > need ? ell : need;
        if (b->reserve && (room - b->reserve < need || 2 * b->reserve > room)) {
            b->reserve = 0; /* the header goes under the title instead */
            L->header_below = 1;
        }
        if (room < need || room < widest_unit(&b->prefix) - b->x_first)
            return fail(L, PRECIS_EINVAL,
                        "a %d-pixel wide image leaves %d pixels for text; "
                        "font %s needs %d",
                        *w, room, font_line_name(b->lc, name, sizeof name),
                        need);
    }

    int limit_y = sp->height ? sp->height - sp->margin : -1;
    /* The footer, on a page that holds a dozen of its lines. */
    int slh = line_height(&L->small);
    if (sp->footer && *sp->footer && limit_y >= 0 &&
        sp->height >= 12 * slh) {
        shape(&L->footer, &L->small, sp->footer, strlen(sp->footer), sp->time);
        if (width_of(&L->footer, 0, L->footer.n) <= content) {
            place_single(L, &L->footer, sp->margin, limit_y - L->small.descent,
                         0);
            limit_y -= slh + slh / 2;
        } else {
            tvec_free(&L->footer);
        }
    }
    int y = sp->margin, bottom = sp->margin, full = 0;
    int has_title = L->n_blocks && L->blocks[0].is_title;
    if (L->header.n) {
        int lh = line_height(&L->body);
        L->rule_h = lh / 12 > 1 ? lh / 12 : 1;
    }
    if (L->header.n && !has_title) {
        place_single(L, &L->header, 0, y + L->small.ascent,
                     sp->margin + content);
        L->rule_y = y + slh + slh / 4;
        bottom = L->rule_y + L->rule_h;
        y = bottom + slh / 2 + sp->item_gap;
    }
    size_t last = (size_t)-1; /* index of the last text line placed */
    size_t cut_block = (size_t)-1;
    for (size_t i = 0; i < L->n_blocks && !full; i++) {
        block *b = &L->blocks[i];
        int lh = line_height(b->lc);
        size_t s = 0;
        int first = 1;
        b->top = y;
        b->first_line = L->n_lines;
        do {
            if (limit_y >= 0 && y + lh > limit_y) {
                full = 1;
                cut_block = i;
                break;
            }
            size_t next;
            int x0 = first ? b->x_first : b->x_rest;
            int limit = content - x0 - (first ? b->reserve : 0);
            size_t e = b->text.n ? break_line(&b->text, s, limit, &next)
                                 : (next = 0);
            if (first && b->prefix.n) {
                pline *p = add_line(L);
                p->t = &b->prefix;
                p->e = b->prefix.n;
                p->x = sp->margin;
                p->y = y + b->lc->ascent;
            }
            if (first && b->is_title && L->header.n && !L->header_below)
                place_single(L, &L->header, 0, y + b->lc->ascent,
                             sp->margin + content);
            pline *p = add_line(L);
            p->t = &b->text;
            p->s = s;
            p->e = e;
            p->x = sp->margin + x0;
            p->y = y + b->lc->ascent;
            if (b->text.rtl)
                p->right = sp->margin + content - (first ? b->reserve : 0);
            last = L->n_lines - 1;
            bottom = y + lh;
            y += lh + sp->line_gap;
            s = next;
            first = 0;
        } while (s < b->text.n);
        if (full)
            break;
        y += b->gap_after - sp->line_gap;
        if (b->is_title && L->header.n && i == 0) {
            /* The rule sits in the gap under the title (and the header's
             * line, when it did not fit beside it). */
            y -= b->gap_after;
            if (L->header_below) {
                place_single(L, &L->header, sp->margin,
                             bottom + L->small.ascent, 0);
                bottom += slh;
            }
            L->rule_y = bottom + lh / 4;
            y = L->rule_y + L->rule_h + lh / 2 + sp->item_gap;
        }
    }
    if (full && sp->more && cut_block != (size_t)-1 &&
        L->blocks[cut_block].is_item) {
        /* Back off whole items until "+N more" fits. */
        size_t k = cut_block, first_item = 0;
        while (!L->blocks[first_item].is_item)
            first_item++;
        while (k > first_item + 1 &&
               L->blocks[k].top + line_height(&L->body) > limit_y)
            k--;
        if (k > first_item && place_more(L, k, limit_y)) {
            *h = sp->height;
            return check_size(L, *w, *h);
        }
    }
    if (full) {
        if (last == (size_t)-1)
            return fail(L, PRECIS_EINVAL,
                        "a %d-pixel high image has no room for one line of "
                        "font %s (%d pixels)",
                        sp->height,
                        font_line_name(L->blocks[0].lc, name, sizeof name),
                        line_height(L->blocks[0].lc));
        /* Cut the last line that fits; its limit is the content width
         * less its indent. */
        pline *p = &L->lines[last];
        int x0 = p->x - sp->margin;
        p->e = cut_point(p->t, p->s, p->e, content - x0,
                         width_of(&L->ellipsis, 0, L->ellipsis.n));
        p->ell = 1;
    }
    *h = sp->height ? sp->height : bottom + sp->margin;
    return check_size(L, *w, *h);
}

/* ==== drawing ==== */

static void draw_glyph(canvas *c, int x, int base, const tglyph *tg,
                       layout_stats *st)
{
    const glyph_ref *r = &tg->g;
    int s = r->scale ? r->scale : 1;
    x += tg->x;
    if (r->of) {
        const oglyph *og = ofont_glyph(r->of, r->gid);
        int left = x + og->left, top = base - og->top - r->dy;
        if (og->w && og->h &&
            (left < 0 || top < 0 || left + og->w > c->w || top + og->h > c->h))
            st->clipped++;
        for (int row = 0; row < og->h; row++) {
            const uint8_t *cov = og->cov + (size_t)row * (size_t)og->w;
            for (int col = 0; col < og->w; col++)
                if (cov[col])
                    canvas_blend(c, left + col, top + row, tg->colour,
                                 cov[col]);
        }
        return;
    }
    if (r->g) {
        const font_glyph *g = r->g;
        int top = base - (g->y + g->h) * s - r->dy;
        int left = x + g->x * s;
        if (g->w && g->h &&
            (left < 0 || top < 0 || left + g->w * s > c->w ||
             top + g->h * s > c->h))
            st->clipped++;
        for (int row = 0; row < g->h; row++) {
            const uint8_t *bits = font_glyph_row(r->f, g, row);
            for (int col = 0; col < g->w; col++)
                if (bits[col / 8] >> (7 - col % 8) & 1)
                    canvas_fill(c, left + col * s, top + row * s, s, s,
                                tg->colour);
        }
        return;
    }
    /* A box: an outline, with the code point's hex digits inside. */
    int w = r->box_w * s, h = r->box_h * s;
    int top = base - r->dy - h;
    if (x < 0 || top < 0 || x + w > c->w || top + h > c->h)
        st->clipped++;
    canvas_fill(c, x, top, w, s, tg->colour);
    canvas_fill(c, x, top + h - s, w, s, tg->colour);
    canvas_fill(c, x, top, s, h, tg->colour);
    canvas_fill(c, x + w - s, top, s, h, tg->colour);
    if (!r->hex)
        return;
    int digits = r->cp > 0xFFFF ? 6 : 4, per_row = digits / 2;
    for (int d = 0; d < digits; d++) {
        unsigned v = r->cp >> (4 * (digits - 1 - d)) & 15;
        unsigned bits = font_hex_digit(v);
        int dx = x + (2 + (d % per_row) * 4) * s;
        int dy = top + (2 + (d / per_row) * 6) * s;
        for (int py = 0; py < 5; py++)
            for (int px = 0; px < 3; px++)
                if (bits >> (14 - (py * 3 + px)) & 1)
                    canvas_fill(c, dx + px * s, dy + py * s, s, s, tg->colour);
    }
}

/* Code points (not glyphs) in t[s..e), spaces not counted. */
static size_t units(const tvec *t, size_t s, size_t e)
{
    size_t n = 0;
    for (size_t i = s; i < e; i++)
        n += !t->v[i].cont && t->v[i].brk != BRK_SPACE;
    return n;
}

static void count_glyph(const tglyph *g, layout_stats *st)
{
    if (g->cont)
        return;
    st->glyphs++;
    if (g->how == FONT_FALLBACK)
        st->fallback++;
    else if (g->how == FONT_SUBSTITUTE)
        st->substituted++;
    else if (g->how == FONT_BOX)
        st->boxed++;
}

/* Fills idx[0..e-s) with t[s..e)'s glyphs in visual order: the bidi
 * algorithm's rule L2, each run at or above a level reversed, from the
 * highest level down to the lowest odd one. */
static void visual_order(const tvec *t, size_t s, size_t e, size_t *idx)
{
    int hi = 0, lo_odd = 255;
    for (size_t i = s; i < e; i++) {
        idx[i - s] = i;
        int lv = t->v[i].level;
        hi = lv > hi ? lv : hi;
        if (lv & 1)
            lo_odd = lv < lo_odd ? lv : lo_odd;
    }
    for (int lv = hi; lv >= lo_odd && lv > 0; lv--) {
        size_t i = 0, n = e - s;
        while (i < n) {
            if (t->v[idx[i]].level < lv) {
                i++;
                continue;
            }
            size_t j = i;
            while (j < n && t->v[idx[j]].level >= lv)
                j++;
            for (size_t a = i, b = j - 1; a < b; a++, b--) {
                size_t tmp = idx[a];
                idx[a] = idx[b];
                idx[b] = tmp;
            }
            i = j;
        }
    }
}

static void draw_ellipsis(canvas *c, const pline *p, const tvec *ell, int *x,
                          layout_stats *st)
{
    uint32_t colour = p->e > p->s ? p->t->v[p->e - 1].colour
                                  : (ell->n ? ell->v[0].colour : 0);
    for (size_t i = 0; i < ell->n; i++) {
        tglyph g = ell->v[i];
        g.colour = colour;
        if (c)
            draw_glyph(c, *x, p->y, &g, st);
        *x += g.g.adv;
    }
}

static void draw_line(canvas *c, const pline *p, const tvec *ell,
                      layout_stats *st)
{
    int x = p->x;
    size_t n = p->e - p->s;
    int any_rtl = 0;
    for (size_t i = p->s; i < p->e && !any_rtl; i++)
        any_rtl = p->t->v[i].level > 0;
    if (p->right > 0) {
        long w = width_of(p->t, p->s, p->e) +
                 (p->ell ? width_of(ell, 0, ell->n) : 0);
        x = p->right - (int)w;
        if (p->ell) /* the cut end of a right-to-left line is its left */
            draw_ellipsis(c, p, ell, &x, st);
    }
    size_t stack[256];
    size_t *idx = NULL;
    if (any_rtl)
        idx = n <= 256 ? stack : precis__reallocarray(NULL, n, sizeof *idx);
    if (idx)
        visual_order(p->t, p->s, p->e, idx);
    for (size_t k = 0; k < n; k++) {
        const tglyph *g = &p->t->v[idx ? idx[k] : p->s + k];
        if (c)
            draw_glyph(c, x, p->y, g, st);
        count_glyph(g, st);
        x += g->g.adv;
    }
    if (idx && idx != stack)
        free(idx);
    if (p->ell && p->right <= 0)
        draw_ellipsis(c, p, ell, &x, st);
}

/* ==== entry point ==== */

precis_status layout_run(const layout_spec *spec, const char *title,
                         size_t title_len, const precis_item *items, size_t n,
                         canvas **out, layout_stats *st, char *err,
                         size_t errsize)
{
    lay L = {0};
    layout_stats dummy;
    if (!st)
        st = &dummy;
    memset(st, 0, sizeof *st);
    if (out)
        *out = NULL;
    L.spec = spec;
    L.err = err;
    L.errsize = errsize;
    L.body = spec->body_of[0] ? font_line_outline(spec->body_of, FONT_MAX_OUTLINE)
                              : font_line(spec->body);
    L.title = spec->title_of[0]
                  ? font_line_outline(spec->title_of, FONT_MAX_OUTLINE)
                  : font_line(spec->title ? spec->title : spec->body);
    L.small = spec->small_of[0]
                  ? font_line_outline(spec->small_of, FONT_MAX_OUTLINE)
                  : L.body;
    shape(&L.ellipsis, &L.body, "\xE2\x80\xA6", 3, spec->fg);

    int w = 0, h = 0;
    precis_status rc = spec->layout == PRECIS_LAYOUT_STRIP
                           ? lay_strip(&L, title, title_len, items, n, &w, &h)
                           : lay_flow(&L, title, title_len, items, n, &w, &h);
    if (rc != PRECIS_OK) {
        lay_free(&L);
        return rc;
    }
    st->width = w;
    st->height = h;
    canvas *c = out ? canvas_new(w, h, spec->channels, spec->bg) : NULL;
    if (c && L.rule_h)
        canvas_fill(c, spec->margin, L.rule_y, w - 2 * spec->margin, L.rule_h,
                    spec->fg);
    st->more = L.more_n;
    st->truncated = L.more_n > 0;
    /* Count what was drawn, and what the cut left out: every code point
     * of the text blocks but the spaces (a line break eats those). */
    size_t total = 0, shown = 0;
    for (size_t i = 0; i < L.n_blocks; i++)
        total += units(&L.blocks[i].text, 0, L.blocks[i].text.n);
    for (size_t i = 0; i < L.n_lines; i++) {
        const pline *p = &L.lines[i];
        draw_line(c, p, &L.ellipsis, st);
        st->truncated |= p->ell;
        int is_prefix = p->t == &L.header || p->t == &L.footer ||
                        p->t == &L.more;
        for (size_t b = 0; b < L.n_blocks; b++)
            is_prefix |= p->t == &L.blocks[b].prefix;
        if (!is_prefix) {
            st->lines++;
            shown += units(p->t, p->s, p->e);
        }
    }
    st->dropped = total > shown ? total - shown : 0;
    lay_free(&L);
    if (out)
        *out = c;
    return PRECIS_OK;
}
