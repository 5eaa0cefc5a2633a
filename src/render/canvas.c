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
    uint8_t brk;
    uint8_t cont;
    uint8_t how; /* enum font_how */
} tglyph;

typedef struct tvec {
    tglyph *v;
    size_t n, cap;
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

/* Appends one breaking space, unless t is empty since start or already
 * ends in one. */
static void push_space(tvec *t, size_t start, const font_line_ctx *lc,
                       uint32_t colour)
{
    if (t->n == start || t->v[t->n - 1].brk == BRK_SPACE)
        return;
    push_cp(t, start, lc, ' ', colour, BRK_SPACE);
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
    size_t start = t->n, i = 0;
    int space = 0;
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
        if (space && (t->n > start || keep))
            push_cp(t, start, lc, ' ', colour, BRK_SPACE);
        space = 0;
        push_cp(t, start, lc, cp, colour, break_class(cp));
    }
    if (space && keep)
        push_cp(t, start, lc, ' ', colour, BRK_SPACE);
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
} pline;

typedef struct block {
    tvec text;
    tvec prefix; /* list: the time or bullet in the left column */
    const font_line_ctx *lc;
    int x_first, x_rest; /* from the left margin */
    int gap_after;
} block;

typedef struct lay {
    const layout_spec *spec;
    font_line_ctx body, title;
    tvec ellipsis;
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
    if (lh > *h - 2 * sp->margin)
        return fail(L, PRECIS_EINVAL,
                    "font %s is %d pixels tall; a %d-pixel strip holds at "
                    "most %d",
                    L->body.primary->name, lh, *h, *h - 2 * sp->margin);
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
            if (!b->text.n && !b->prefix.n)
                L->n_blocks--; /* nothing to show; both vectors empty */
        }
        /* The text column starts after the widest time, plus a gap of two
         * spaces (one after a bullet): the hanging indent. */
        tvec sp_t = {0};
        push_cp(&sp_t, 0, &L->body, ' ', sp->fg, BRK_NONE);
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
                    push_cp(&t, 0, &L->body, ' ', sp->fg, BRK_SPACE);
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

/* Breaks every block into lines and stacks them from the top margin,
 * cutting with an ellipsis where the height runs out. */
static precis_status lay_flow(lay *L, const char *title, size_t title_len,
                              const precis_item *items, size_t n, int *w,
                              int *h)
{
    const layout_spec *sp = L->spec;
    *w = sp->width ? sp->width : 640;
    int content = *w - 2 * sp->margin;
    build_blocks(L, title, title_len, items, n);

    for (size_t i = 0; i < L->n_blocks; i++) {
        block *b = &L->blocks[i];
        int room = content - (b->x_first > b->x_rest ? b->x_first : b->x_rest);
        int need = widest_unit(&b->text);
        int ell = widest_unit(&L->ellipsis);
        need = ell > need ? ell : need;
        if (room < need || room < widest_unit(&b->prefix) - b->x_first)
            return fail(L, PRECIS_EINVAL,
                        "a %d-pixel wide image leaves %d pixels for text; "
                        "font %s needs %d",
                        *w, room, b->lc->primary->name, need);
    }

    int limit_y = sp->height ? sp->height - sp->margin : -1;
    int y = sp->margin, bottom = sp->margin, full = 0;
    size_t last = (size_t)-1; /* index of the last text line placed */
    for (size_t i = 0; i < L->n_blocks && !full; i++) {
        block *b = &L->blocks[i];
        int lh = line_height(b->lc);
        size_t s = 0;
        int first = 1;
        do {
            if (limit_y >= 0 && y + lh > limit_y) {
                full = 1;
                break;
            }
            size_t next;
            int x0 = first ? b->x_first : b->x_rest;
            size_t e = b->text.n ? break_line(&b->text, s, content - x0, &next)
                                 : (next = 0);
            if (first && b->prefix.n) {
                pline *p = add_line(L);
                p->t = &b->prefix;
                p->e = b->prefix.n;
                p->x = sp->margin;
                p->y = y + b->lc->ascent;
            }
            pline *p = add_line(L);
            p->t = &b->text;
            p->s = s;
            p->e = e;
            p->x = sp->margin + x0;
            p->y = y + b->lc->ascent;
            last = L->n_lines - 1;
            bottom = y + lh;
            y += lh + sp->line_gap;
            s = next;
            first = 0;
        } while (s < b->text.n);
        if (!full)
            y += b->gap_after - sp->line_gap;
    }
    if (full) {
        if (last == (size_t)-1)
            return fail(L, PRECIS_EINVAL,
                        "a %d-pixel high image has no room for one line of "
                        "font %s (%d pixels)",
                        sp->height, L->blocks[0].lc->primary->name,
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

static void draw_line(canvas *c, const pline *p, const tvec *ell,
                      layout_stats *st)
{
    int x = p->x;
    for (size_t i = p->s; i < p->e; i++) {
        const tglyph *g = &p->t->v[i];
        if (c)
            draw_glyph(c, x, p->y, g, st);
        count_glyph(g, st);
        x += g->g.adv;
    }
    if (!p->ell)
        return;
    uint32_t colour = p->e > p->s ? p->t->v[p->e - 1].colour
                                  : (ell->n ? ell->v[0].colour : 0);
    for (size_t i = 0; i < ell->n; i++) {
        tglyph g = ell->v[i];
        g.colour = colour;
        if (c)
            draw_glyph(c, x, p->y, &g, st);
        x += g.g.adv;
    }
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
    L.body = font_line(spec->body);
    L.title = font_line(spec->title ? spec->title : spec->body);
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
    /* Count what was drawn, and what the cut left out: every code point
     * of the text blocks but the spaces (a line break eats those). */
    size_t total = 0, shown = 0;
    for (size_t i = 0; i < L.n_blocks; i++)
        total += units(&L.blocks[i].text, 0, L.blocks[i].text.n);
    for (size_t i = 0; i < L.n_lines; i++) {
        const pline *p = &L.lines[i];
        draw_line(c, p, &L.ellipsis, st);
        st->truncated |= p->ell;
        int is_prefix = 0;
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
