/* bdf2c: converts bitmap fonts (BDF, Unifont .hex, either possibly
 * gzipped) into C tables for src/render/font.h, at build time.
 *
 *   bdf2c OUTPUT.c NAME:FILE[:RANGES]...
 *
 * NAME is the font's name in the library (a C identifier: lowercase
 * letters, digits, '_'); FILE a .bdf or .hex file, gzipped or not (zlib's
 * gzopen reads both); RANGES, when given, keeps only the code points in a
 * comma-separated list of hex ranges ("20-7e,a0-24f,2000-206f").
 *
 * For each font it writes the glyphs sorted by code point (for binary
 * search), their metrics, and their bitmaps cropped to the ink and packed
 * as 1-bit rows, most significant bit first. A blank glyph (a space)
 * keeps only its advance.
 *
 * Fonts are build assets, but the parser still treats its input as
 * hostile: every number is range-checked, every line length bounded, and
 * anything malformed (a missing BBX, too few or too many BITMAP rows, a bad
 * hex digit, a duplicate ENCODING, a truncated file) stops the conversion
 * with "FILE:LINE: message" and exit status 1. The output is written to
 * OUTPUT.c.tmp and renamed, so a failed run leaves nothing behind. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#define MAX_LINE 4096
#define MAX_GLYPH_SIDE 255 /* w and h fit the table's uint8_t */
#define MAX_GLYPHS 0x110000
#define MAX_BITS (1u << 24) /* bitmap offsets are 24-bit in the table */
#define MAX_RANGES 256

typedef struct glyph {
    uint32_t cp;
    int w, h, x, y, dw;
    uint8_t *rows; /* h rows of (w + 7) / 8 bytes */
} glyph;

typedef struct range {
    uint32_t lo, hi;
} range;

typedef struct fontsrc {
    const char *name;
    const char *path;
    const char *base; /* file name without folders */
    int ascent, descent;
    char copyright[256];
    glyph *g;
    size_t n, cap;
    range ranges[MAX_RANGES];
    size_t n_ranges;
} fontsrc;

/* ==== errors ==== */

static const char *cur_path = "";
static unsigned long cur_line;

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Reports "FILE:LINE: message" and fails the whole run. Memory is left to
 * the process exit: this is a build tool that stops at the first error. */
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (cur_line)
        fprintf(stderr, "bdf2c: %s:%lu: ", cur_path, cur_line);
    else
        fprintf(stderr, "bdf2c: %s: ", cur_path);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fprintf(stderr, "bdf2c: out of memory\n");
        exit(1);
    }
    return q;
}

/* ==== reading lines ==== */

/* Reads one line into line (without its end of line). Returns 0 at end of
 * file, 1 otherwise; fails on over-long lines, NUL bytes and read
 * errors. */
static int read_line(gzFile in, char line[MAX_LINE])
{
    if (!gzgets(in, line, MAX_LINE)) {
        int err;
        const char *msg = gzerror(in, &err);
        if (err != Z_OK && err != Z_STREAM_END)
            die("read error: %s", msg);
        return 0;
    }
    cur_line++;
    size_t n = strlen(line);
    if (n == MAX_LINE - 1 && line[n - 1] != '\n' && !gzeof(in))
        die("line longer than %d bytes", MAX_LINE - 2);
    /* gzgets stops at a NUL byte without saying so: a short line that
     * neither ends in a newline nor ends the file had one. */
    if ((n == 0 || line[n - 1] != '\n') && n < MAX_LINE - 1 && !gzeof(in))
        die("NUL byte in a text font");
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = '\0';
    return 1;
}

/* True when line starts with keyword followed by a blank or its end;
 * *rest then points past the blanks. */
static int keyword(const char *line, const char *kw, const char **rest)
{
    size_t k = strlen(kw);
    if (strncmp(line, kw, k) != 0 ||
        (line[k] && line[k] != ' ' && line[k] != '\t'))
        return 0;
    const char *p = line + k;
    while (*p == ' ' || *p == '\t')
        p++;
    *rest = p;
    return 1;
}

/* Parses up to max decimal integers from s into v, each within
 * [lo, hi]. Returns how many were read; fails on junk. */
static int parse_ints(const char *s, long *v, int max, long lo, long hi)
{
    int n = 0;
    while (*s) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            break;
        if (n == max)
            die("too many numbers");
        char *end;
        errno = 0;
        long x = strtol(s, &end, 10);
        if (end == s || (*end && *end != ' ' && *end != '\t'))
            die("not a number: \"%.40s\"", s);
        if (errno == ERANGE || x < lo || x > hi)
            die("number %.40s out of range [%ld, %ld]", s, lo, hi);
        v[n++] = x;
        s = end;
    }
    return n;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* ==== glyph storage ==== */

static int in_ranges(const fontsrc *f, uint32_t cp)
{
    if (!f->n_ranges)
        return 1;
    for (size_t i = 0; i < f->n_ranges; i++)
        if (cp >= f->ranges[i].lo && cp <= f->ranges[i].hi)
            return 1;
    return 0;
}

static glyph *add_glyph(fontsrc *f)
{
    if (f->n == MAX_GLYPHS)
        die("more than %d glyphs", MAX_GLYPHS);
    if (f->n == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 256;
        f->g = xrealloc(f->g, f->cap * sizeof *f->g);
    }
    glyph *g = &f->g[f->n++];
    memset(g, 0, sizeof *g);
    return g;
}

static int cmp_cp(const void *a, const void *b)
{
    uint32_t x = ((const glyph *)a)->cp, y = ((const glyph *)b)->cp;
    return x < y ? -1 : x > y;
}

static int bit(const glyph *g, int r, int c)
{
    return g->rows[(size_t)r * (size_t)((g->w + 7) / 8) + (size_t)(c / 8)] >>
               (7 - c % 8) &
           1;
}

/* Crops g's bitmap to the box that holds ink, moving x and y so the ink
 * lands on the same pixels. A glyph with no ink becomes 0 x 0. */
static void crop(glyph *g)
{
    int top = g->h, bottom = -1, left = g->w, right = -1;
    for (int r = 0; r < g->h; r++)
        for (int c = 0; c < g->w; c++)
            if (bit(g, r, c)) {
                top = r < top ? r : top;
                bottom = r > bottom ? r : bottom;
                left = c < left ? c : left;
                right = c > right ? c : right;
            }
    if (bottom < 0) {
        free(g->rows);
        g->rows = NULL;
        g->w = g->h = g->x = g->y = 0;
        return;
    }
    int w = right - left + 1, h = bottom - top + 1, stride = (w + 7) / 8;
    uint8_t *rows = xrealloc(NULL, (size_t)h * (size_t)stride);
    memset(rows, 0, (size_t)h * (size_t)stride);
    for (int r = 0; r < h; r++)
        for (int c = 0; c < w; c++)
            if (bit(g, top + r, left + c))
                rows[r * stride + c / 8] |= (uint8_t)(0x80 >> (c % 8));
    free(g->rows);
    g->rows = rows;
    g->x += left;
    g->y += g->h - 1 - bottom;
    g->w = w;
    g->h = h;
    if (g->x < -128 || g->x > 127 || g->y < -128 || g->y > 127)
        die("glyph U+%04X: offset out of range", (unsigned)g->cp);
}

/* Parses one bitmap row of hex digits into out (stride bytes). BDF pads
 * rows to whole bytes; extra digits beyond the box are allowed (some
 * converters write 32-bit rows) and bits beyond w are cleared. */
static void parse_row(const char *s, uint8_t *out, int w)
{
    int stride = (w + 7) / 8;
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (len % 2 || len < (size_t)stride * 2)
        die("bitmap row \"%.40s\" is not %d whole bytes", s, stride);
    for (size_t i = 0; i < len; i++)
        if (hexval((unsigned char)s[i]) < 0)
            die("bad hex digit in bitmap row \"%.40s\"", s);
    for (int i = 0; i < stride; i++)
        out[i] = (uint8_t)(hexval((unsigned char)s[2 * i]) << 4 |
                           hexval((unsigned char)s[2 * i + 1]));
    if (w % 8)
        out[stride - 1] &= (uint8_t)(0xFF00 >> (w % 8));
}

/* ==== BDF ==== */

static void read_bdf(fontsrc *f, gzFile in)
{
    char line[MAX_LINE];
    const char *rest;
    long v[4];
    int have_bbox = 0, bbox_w = 0, bbox_h = 0, bbox_x = 0, bbox_y = 0;
    int have_ascent = 0, have_descent = 0, default_dw = -1;
    int started = 0, in_char = 0, in_props = 0;
    glyph cur = {0};
    int cur_has_enc = 0, cur_has_bbx = 0, cur_dw = -1;
    long cur_enc = -1;

    while (read_line(in, line)) {
        if (!started) {
            if (!keyword(line, "STARTFONT", &rest))
                die("not a BDF font (no STARTFONT)");
            started = 1;
            continue;
        }
        if (in_props) {
            if (keyword(line, "ENDPROPERTIES", &rest)) {
                in_props = 0;
            } else if (keyword(line, "FONT_ASCENT", &rest)) {
                if (parse_ints(rest, v, 1, -255, 255) != 1)
                    die("FONT_ASCENT needs a number");
                f->ascent = (int)v[0];
                have_ascent = 1;
            } else if (keyword(line, "FONT_DESCENT", &rest)) {
                if (parse_ints(rest, v, 1, -255, 255) != 1)
                    die("FONT_DESCENT needs a number");
                f->descent = (int)v[0];
                have_descent = 1;
            } else if (keyword(line, "COPYRIGHT", &rest) ||
                       keyword(line, "NOTICE", &rest)) {
                /* A quoted string: keep what is between the quotes. */
                size_t used = strlen(f->copyright), n = strlen(rest);
                if (n >= 2 && rest[0] == '"' && rest[n - 1] == '"') {
                    rest++;
                    n -= 2;
                }
                snprintf(f->copyright + used, sizeof f->copyright - used,
                         "%s%.*s", used ? "; " : "", (int)n, rest);
            }
            continue;
        }
        if (!in_char) {
            if (keyword(line, "STARTPROPERTIES", &rest)) {
                in_props = 1;
            } else if (keyword(line, "FONTBOUNDINGBOX", &rest)) {
                if (parse_ints(rest, v, 4, -255, 255) != 4 || v[0] < 0 ||
                    v[1] < 0)
                    die("FONTBOUNDINGBOX needs width height x y");
                have_bbox = 1;
                bbox_w = (int)v[0];
                bbox_h = (int)v[1];
                bbox_x = (int)v[2];
                bbox_y = (int)v[3];
            } else if (keyword(line, "DWIDTH", &rest)) {
                if (parse_ints(rest, v, 2, 0, 255) < 1)
                    die("DWIDTH needs a number");
                default_dw = (int)v[0];
            } else if (keyword(line, "STARTCHAR", &rest)) {
                in_char = 1;
                memset(&cur, 0, sizeof cur);
                cur_has_enc = cur_has_bbx = 0;
                cur_dw = default_dw;
                cur_enc = -1;
            } else if (keyword(line, "ENDFONT", &rest)) {
                goto done;
            } else if (keyword(line, "ENCODING", &rest) ||
                       keyword(line, "BITMAP", &rest) ||
                       keyword(line, "ENDCHAR", &rest) ||
                       keyword(line, "BBX", &rest)) {
                die("%.20s outside STARTCHAR ... ENDCHAR", line);
            }
            continue;
        }
        /* Inside STARTCHAR ... ENDCHAR. */
        if (keyword(line, "ENCODING", &rest)) {
            int k = parse_ints(rest, v, 2, -1, 0x10FFFF);
            if (k < 1)
                die("ENCODING needs a number");
            cur_enc = v[0]; /* -1: not in the font's encoding; skipped */
            cur_has_enc = 1;
        } else if (keyword(line, "DWIDTH", &rest)) {
            if (parse_ints(rest, v, 2, 0, 255) < 1)
                die("DWIDTH needs a number in [0, 255]");
            cur_dw = (int)v[0];
        } else if (keyword(line, "BBX", &rest)) {
            if (parse_ints(rest, v, 4, -128, 255) != 4 || v[0] < 0 ||
                v[1] < 0 || v[0] > MAX_GLYPH_SIDE || v[1] > MAX_GLYPH_SIDE ||
                v[2] > 127 || v[3] > 127)
                die("BBX needs width height x y within the limits");
            cur.w = (int)v[0];
            cur.h = (int)v[1];
            cur.x = (int)v[2];
            cur.y = (int)v[3];
            cur_has_bbx = 1;
        } else if (keyword(line, "BITMAP", &rest)) {
            if (!cur_has_enc)
                die("BITMAP before ENCODING");
            if (!cur_has_bbx) {
                if (!have_bbox)
                    die("BITMAP without BBX or FONTBOUNDINGBOX");
                cur.w = bbox_w;
                cur.h = bbox_h;
                cur.x = bbox_x;
                cur.y = bbox_y;
            }
            int stride = (cur.w + 7) / 8;
            cur.rows = xrealloc(NULL, (size_t)cur.h * (size_t)stride);
            for (int r = 0; r < cur.h; r++) {
                if (!read_line(in, line))
                    die("end of file inside BITMAP");
                if (keyword(line, "ENDCHAR", &rest))
                    die("BITMAP has %d rows, BBX says %d", r, cur.h);
                parse_row(line, cur.rows + (size_t)r * (size_t)stride, cur.w);
            }
            if (!read_line(in, line))
                die("end of file inside a glyph");
            if (!keyword(line, "ENDCHAR", &rest))
                die("BITMAP has more rows than BBX's %d", cur.h);
            goto endchar;
        } else if (keyword(line, "ENDCHAR", &rest)) {
            if (!cur_has_enc)
                die("glyph without ENCODING");
            if (cur.w && cur.h && !cur.rows)
                die("glyph without BITMAP");
            goto endchar;
        } else if (keyword(line, "STARTCHAR", &rest) ||
                   keyword(line, "ENDFONT", &rest)) {
            die("%.20s inside a glyph (missing ENDCHAR)", line);
        }
        continue;
    endchar:
        in_char = 0;
        if (cur_dw < 0) {
            if (!have_bbox)
                die("glyph without DWIDTH and font without FONTBOUNDINGBOX");
            cur_dw = bbox_w;
        }
        if (cur_enc < 0 || cur_enc > 0x10FFFF ||
            (cur_enc >= 0xD800 && cur_enc <= 0xDFFF) ||
            !in_ranges(f, (uint32_t)cur_enc)) {
            free(cur.rows);
            continue;
        }
        glyph *g = add_glyph(f);
        *g = cur;
        g->cp = (uint32_t)cur_enc;
        g->dw = cur_dw;
        if (!g->rows && g->w && g->h) {
            /* No BITMAP line at all: an empty glyph. */
            g->w = g->h = 0;
        }
    }
    if (!started)
        die("empty file");
    if (in_char)
        die("end of file inside a glyph");
    die("end of file before ENDFONT");
done:
    if (!have_ascent || !have_descent) {
        if (!have_bbox)
            die("no FONT_ASCENT/FONT_DESCENT and no FONTBOUNDINGBOX");
        if (!have_ascent)
            f->ascent = bbox_h + bbox_y;
        if (!have_descent)
            f->descent = -bbox_y;
    }
    if (f->ascent < 0 || f->descent < 0 || f->ascent + f->descent == 0 ||
        f->ascent + f->descent > MAX_GLYPH_SIDE)
        die("ascent %d and descent %d make no line", f->ascent, f->descent);
}

/* ==== Unifont .hex ==== */

/* One glyph a line: "XXXX:" (4 to 6 hex digits) then 32 hex digits for an
 * 8x16 glyph or 64 for a 16x16 one. Every glyph sits on a baseline 2
 * pixels above its bottom row. */
static void read_hex(fontsrc *f, gzFile in)
{
    char line[MAX_LINE];
    f->ascent = 14;
    f->descent = 2;
    while (read_line(in, line)) {
        if (!line[0] || line[0] == '#')
            continue;
        char *colon = strchr(line, ':');
        size_t cpn = colon ? (size_t)(colon - line) : 0;
        if (cpn < 4 || cpn > 6)
            die("expected CODEPOINT:BITS");
        uint32_t cp = 0;
        for (size_t i = 0; i < cpn; i++) {
            int d = hexval((unsigned char)line[i]);
            if (d < 0)
                die("bad hex digit in code point");
            cp = cp << 4 | (uint32_t)d;
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            die("code point %X out of range", (unsigned)cp);
        const char *bits = colon + 1;
        size_t n = strlen(bits);
        if (n != 32 && n != 64)
            die("U+%04X: %zu hex digits, want 32 or 64", (unsigned)cp, n);
        if (!in_ranges(f, cp))
            continue;
        glyph *g = add_glyph(f);
        g->cp = cp;
        g->w = g->dw = n == 32 ? 8 : 16;
        g->h = 16;
        g->x = 0;
        g->y = -2;
        int stride = g->w / 8;
        g->rows = xrealloc(NULL, 16 * (size_t)stride);
        char row[5];
        for (int r = 0; r < 16; r++) {
            memcpy(row, bits + r * stride * 2, (size_t)stride * 2);
            row[stride * 2] = '\0';
            parse_row(row, g->rows + r * stride, g->w);
        }
    }
}

/* ==== output ==== */

/* Writes s as a C comment's text: printable ASCII only, no comment end. */
static void put_comment_text(FILE *out, const char *s)
{
    for (int prev = 0; *s; prev = (unsigned char)*s++) {
        int c = (unsigned char)*s;
        if (c < 0x20 || c > 0x7E || (prev == '*' && c == '/'))
            c = ' ';
        fputc(c, out);
    }
}

/* Writes s as the body of a C string literal. */
static void put_string_text(FILE *out, const char *s)
{
    for (; *s; s++) {
        int c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c < 0x20 || c > 0x7E || c == '?')
            fprintf(out, "\\%03o", c);
        else
            fputc(c, out);
    }
}

/* Sorts, checks and crops a font that was read: everything that can
 * fail happens here, before the output file exists. */
static void prepare(fontsrc *f)
{
    cur_line = 0;
    if (!f->n)
        die("no glyphs");
    qsort(f->g, f->n, sizeof *f->g, cmp_cp);
    for (size_t i = 1; i < f->n; i++)
        if (f->g[i].cp == f->g[i - 1].cp)
            die("duplicate glyph for U+%04X", (unsigned)f->g[i].cp);
    size_t total = 0;
    for (size_t i = 0; i < f->n; i++) {
        crop(&f->g[i]);
        total += (size_t)f->g[i].h * (size_t)((f->g[i].w + 7) / 8);
        if (total >= MAX_BITS)
            die("more than %u bytes of bitmaps", MAX_BITS);
    }
}

static void emit_font(FILE *out, const fontsrc *f)
{
    size_t total = 0;
    for (size_t i = 0; i < f->n; i++)
        total += (size_t)f->g[i].h * (size_t)((f->g[i].w + 7) / 8);
    fprintf(out, "\n/* %s: from %s (", f->name, f->base);
    put_comment_text(out, f->copyright[0] ? f->copyright : "see assets/fonts");
    fprintf(out, "), %zu glyphs, %zu bytes of bitmaps. */\n", f->n, total);

    fprintf(out, "static const uint8_t %s_bits[] = {", f->name);
    size_t k = 0;
    for (size_t i = 0; i < f->n; i++) {
        size_t len = (size_t)f->g[i].h * (size_t)((f->g[i].w + 7) / 8);
        for (size_t j = 0; j < len; j++, k++)
            fprintf(out, "%s0x%02x,", k % 16 ? "" : "\n", f->g[i].rows[j]);
    }
    fprintf(out, "%s};\n", k ? "\n" : "0");

    fprintf(out, "static const font_glyph %s_glyphs[] = {\n", f->name);
    size_t off = 0;
    for (size_t i = 0; i < f->n; i++) {
        const glyph *g = &f->g[i];
        fprintf(out, "{0x%04x,FONT_PACK(%zu,%d),%d,%d,%d,%d},\n",
                (unsigned)g->cp, off, g->dw, g->w, g->h, g->x, g->y);
        off += (size_t)g->h * (size_t)((g->w + 7) / 8);
    }
    fputs("};\n", out);

    fprintf(out, "static const font font_%s = {\"%s\", \"", f->name, f->name);
    put_string_text(out, f->base);
    if (f->copyright[0]) {
        fputs(": ", out);
        put_string_text(out, f->copyright);
    }
    fprintf(out, "\", %d, %d, %s_glyphs, %zu, %s_bits};\n", f->ascent,
            f->descent, f->name, f->n, f->name);
}

static void parse_ranges(fontsrc *f, const char *s)
{
    while (*s) {
        if (f->n_ranges == MAX_RANGES)
            die("more than %d ranges", MAX_RANGES);
        char *end;
        errno = 0;
        unsigned long lo = strtoul(s, &end, 16), hi = lo;
        if (end == s || errno)
            die("bad range list at \"%.20s\"", s);
        s = end;
        if (*s == '-') {
            hi = strtoul(s + 1, &end, 16);
            if (end == s + 1 || errno)
                die("bad range list at \"%.20s\"", s);
            s = end;
        }
        if (lo > hi || hi > 0x10FFFF)
            die("bad range %lX-%lX", lo, hi);
        f->ranges[f->n_ranges++] = (range){(uint32_t)lo, (uint32_t)hi};
        if (*s == ',')
            s++;
        else if (*s)
            die("bad range list at \"%.20s\"", s);
    }
}

static int valid_name(const char *s, size_t n)
{
    if (n == 0 || n > 32 || !(s[0] >= 'a' && s[0] <= 'z'))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
              s[i] == '_'))
            return 0;
    return 1;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bdf2c OUTPUT.c NAME:FILE[:RANGES]...\n");
        return 2;
    }
    const char *output = argv[1];
    size_t count = (size_t)argc - 2;
    fontsrc *fonts = xrealloc(NULL, count * sizeof *fonts);
    memset(fonts, 0, count * sizeof *fonts);

    for (size_t i = 0; i < count; i++) {
        fontsrc *f = &fonts[i];
        char *spec = argv[2 + i];
        char *c1 = strchr(spec, ':');
        cur_path = spec;
        cur_line = 0;
        if (!c1 || !valid_name(spec, (size_t)(c1 - spec)))
            die("want NAME:FILE[:RANGES] with NAME a lowercase identifier");
        *c1 = '\0';
        for (size_t j = 0; j < i; j++)
            if (strcmp(fonts[j].name, spec) == 0)
                die("font name %s given twice", spec);
        f->name = spec;
        f->path = c1 + 1;
        char *c2 = strchr(f->path, ':');
        if (c2) {
            *c2 = '\0';
            parse_ranges(f, c2 + 1);
        }
        const char *slash = strrchr(f->path, '/');
        f->base = slash ? slash + 1 : f->path;
        cur_path = f->path;
        gzFile in = gzopen(f->path, "rb");
        if (!in)
            die("cannot open: %s", strerror(errno ? errno : ENOENT));
        if (ends_with(f->path, ".hex") || ends_with(f->path, ".hex.gz"))
            read_hex(f, in);
        else
            read_bdf(f, in);
        gzclose(in);
        prepare(f);
    }

    char tmp[4096];
    cur_path = output;
    cur_line = 0;
    if (snprintf(tmp, sizeof tmp, "%s.tmp", output) >= (int)sizeof tmp)
        die("output path too long");
    FILE *out = fopen(tmp, "w");
    if (!out)
        die("cannot create %s: %s", tmp, strerror(errno));
    fputs("/* Generated by tools/bdf2c.c from assets/fonts: do not edit. */\n"
          "#include \"render/font.h\"\n",
          out);
    for (size_t i = 0; i < count; i++)
        emit_font(out, &fonts[i]);
    fputs("\nconst font *const precis__fonts[] = {\n", out);
    for (size_t i = 0; i < count; i++)
        fprintf(out, "    &font_%s,\n", fonts[i].name);
    fprintf(out, "};\nconst size_t precis__font_count = %zu;\n", count);
    cur_path = output;
    if (ferror(out) | fclose(out) || rename(tmp, output) != 0) {
        remove(tmp);
        die("cannot write: %s", strerror(errno));
    }
    for (size_t i = 0; i < count; i++) {
        for (size_t j = 0; j < fonts[i].n; j++)
            free(fonts[i].g[j].rows);
        free(fonts[i].g);
    }
    free(fonts);
    return 0;
}
