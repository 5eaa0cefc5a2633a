/* encoding.c: the fed bytes -> UTF-8, and HTML entities in plain text.
 *
 * Detection is by evidence that does not depend on the language: a
 * byte-order mark; for UTF-16 without one, NUL bytes in every other
 * position; for an 8-bit code page, bytes above 0x7F that never form a
 * UTF-8 sequence. Which code page is told by where those bytes fall:
 * Western text has a few accented letters among ASCII ones (Windows-1252,
 * a superset of Latin-1's printable characters), Cyrillic text is mostly
 * high bytes, its lower-case letters at 0xE0-0xFF in Windows-1251 and at
 * 0xC0-0xDF in KOI8-R. The conversion itself is iconv's. */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "read/encoding.h"
#include "read/html.h"
#include "util/utf8.h"

/* ==== Detection ==== */

/* The length of the valid UTF-8 sequence at u[0] (lead byte >= 0x80), or
 * 0 when it is not one. Overlong forms and surrogates count as invalid. */
static size_t utf8_seq(const unsigned char *u, size_t left)
{
    size_t n;
    int32_t min;
    if (u[0] >= 0xC2 && u[0] <= 0xDF)
        n = 2, min = 0x80;
    else if (u[0] >= 0xE0 && u[0] <= 0xEF)
        n = 3, min = 0x800;
    else if (u[0] >= 0xF0 && u[0] <= 0xF4)
        n = 4, min = 0x10000;
    else
        return 0;
    if (left < n)
        return 0;
    int32_t cp = u[0] & (0x7F >> n);
    for (size_t k = 1; k < n; k++) {
        if ((u[k] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (u[k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* UTF-16 without a mark: most code units of text in a Latin script have
 * a zero high byte, so NULs fill one parity of positions and not the
 * other. Returns the iconv name, or NULL. */
static const char *detect_utf16(const unsigned char *u, size_t n)
{
    size_t units = n / 2, zero_even = 0, zero_odd = 0;
    if (units < 4)
        return NULL;
    for (size_t i = 0; i + 1 < n; i += 2) {
        zero_even += u[i] == 0;
        zero_odd += u[i + 1] == 0;
    }
    if (zero_odd * 10 >= units * 7 && zero_even * 20 < units)
        return "UTF-16LE";
    if (zero_even * 10 >= units * 7 && zero_odd * 20 < units)
        return "UTF-16BE";
    return NULL;
}

static bool ascii_letter(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Whether the high byte u[i] reads as Western text in Windows-1252: one
 * at a time (a run of high bytes that is not UTF-8 is damage or another
 * script), and a letter (0xC0 and above) inside a word or standing alone
 * ("caf\xe9", "\xe0 venir"), while quotes, dashes and symbols (below
 * 0xC0) may stand anywhere. "5\xff percent" is damage. */
static bool plausible_western(const unsigned char *u, size_t n, size_t i)
{
    unsigned char before = i > 0 ? u[i - 1] : ' ';
    unsigned char after = i + 1 < n ? u[i + 1] : ' ';
    if (before >= 0x80 || after >= 0x80)
        return false;
    if (u[i] < 0xC0)
        return true;
    bool alone =
        (before == ' ' || before == '\n') && (after == ' ' || after == '\n');
    return ascii_letter(before) || ascii_letter(after) || alone;
}

const char *encoding_detect(const char *s, size_t len, size_t *bom)
{
    const unsigned char *u = (const unsigned char *)s;
    *bom = 0;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        *bom = 3;
        return NULL;
    }
    if (len >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) {
        *bom = 4;
        return "UTF-32LE";
    }
    if (len >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF) {
        *bom = 4;
        return "UTF-32BE";
    }
    if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        *bom = 2;
        return "UTF-16LE";
    }
    if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        *bom = 2;
        return "UTF-16BE";
    }
    size_t n = len < 65536 ? len : 65536;
    const char *wide = detect_utf16(u, n);
    if (wide)
        return wide;

    size_t ctrl = 0, valid = 0, invalid = 0, high = 0, c0 = 0, e0 = 0,
           letters = 0, plausible = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = u[i];
        if (c < 0x80) {
            ctrl += (c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
                     c != '\f' && c != '\v') ||
                    c == 0x7F;
            letters += ascii_letter(c);
            i++;
            continue;
        }
        size_t k = utf8_seq(u + i, n - i);
        /* A sequence cut by the 64 KiB window is not evidence. */
        if (k == 0 && n < len && n - i < 4)
            break;
        if (k) {
            valid++;
            i += k;
            continue;
        }
        invalid++;
        high++;
        plausible += plausible_western(u, n, i);
        c0 += c >= 0xC0;
        e0 += c >= 0xE0;
        i++;
    }
    /* Binary data, UTF-8 and UTF-8 with a little damage stay as they
     * are: ingest refuses the first and repairs the last. */
    if (ctrl * 100 > n || invalid == 0 || valid >= invalid)
        return NULL;
    /* Western: a few accented letters among ASCII ones. */
    if (high * 4 <= high + letters && plausible * 5 >= high * 4)
        return "WINDOWS-1252";
    /* Cyrillic: letters are 0xC0-0xFF, little else is high. */
    if (c0 * 100 >= high * 85 && letters * 2 < high)
        return e0 * 2 >= c0 ? "WINDOWS-1251" : "KOI8-R";
    return NULL;
}

/* ==== Conversion ==== */

/* The size of one code unit of an encoding, which a conversion error
 * skips: 4 for UTF-32, 2 for UTF-16 and UCS-2, else 1. */
static size_t unit_size(const char *name)
{
    char key[8];
    size_t n = 0;
    for (const char *p = name; *p && n < sizeof key - 1; p++)
        if (*p != '-' && *p != '_')
            key[n++] = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
    key[n] = '\0';
    if (strncmp(key, "UTF32", 5) == 0 || strncmp(key, "UCS4", 4) == 0)
        return 4;
    if (strncmp(key, "UTF16", 5) == 0 || strncmp(key, "UCS2", 4) == 0)
        return 2;
    return 1;
}

bool encoding_convert(const char *from, const char *s, size_t len, buf *out)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return false;
    size_t unit = unit_size(from);
    char *in = (char *)s;
    size_t left = len;
    char chunk[4096];
    buf_grow(out, len + len / 2 + 16);
    while (left > 0) {
        char *o = chunk;
        size_t room = sizeof chunk;
        size_t r = iconv(cd, &in, &left, &o, &room);
        buf_put(out, chunk, (size_t)(o - chunk));
        if (r != (size_t)-1 || errno == E2BIG)
            continue;
        /* EILSEQ: an invalid unit; EINVAL: a sequence cut at the end. */
        buf_put(out, "\xEF\xBF\xBD", 3);
        size_t skip = unit < left ? unit : left;
        in += skip;
        left -= skip;
        if (errno == EINVAL)
            break;
    }
    char *o = chunk;
    size_t room = sizeof chunk;
    iconv(cd, NULL, NULL, &o, &room);
    buf_put(out, chunk, (size_t)(o - chunk));
    iconv_close(cd);
    return true;
}

/* ==== HTML character references ==== */

/* The HTML names of U+00A0..U+00FF, in code point order. */
static const char *const latin1_names[96] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar",
    "sect",   "uml",    "copy",   "ordf",   "laquo",  "not",    "shy",
    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",
    "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",
    "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",
    "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute",
    "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",
    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",
    "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
    "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",
    "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
    "iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute",
    "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave", "uacute",
    "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

/* Other names that news text uses: markup escapes, typography, a few
 * letters of Latin Extended. */
static const struct {
    const char *name;
    int32_t cp;
} other_names[] = {
    {"quot", 0x22},     {"amp", 0x26},      {"apos", 0x27},
    {"lt", 0x3C},       {"gt", 0x3E},       {"OElig", 0x152},
    {"oelig", 0x153},   {"Scaron", 0x160},  {"scaron", 0x161},
    {"Yuml", 0x178},    {"Zcaron", 0x17D},  {"zcaron", 0x17E},
    {"fnof", 0x192},    {"circ", 0x2C6},    {"tilde", 0x2DC},
    {"ensp", 0x2002},   {"emsp", 0x2003},   {"thinsp", 0x2009},
    {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},
    {"rlm", 0x200F},    {"ndash", 0x2013},  {"mdash", 0x2014},
    {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"sbquo", 0x201A},
    {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"bdquo", 0x201E},
    {"dagger", 0x2020}, {"Dagger", 0x2021}, {"bull", 0x2022},
    {"hellip", 0x2026}, {"permil", 0x2030}, {"prime", 0x2032},
    {"Prime", 0x2033},  {"lsaquo", 0x2039}, {"rsaquo", 0x203A},
    {"euro", 0x20AC},   {"trade", 0x2122},  {"larr", 0x2190},
    {"uarr", 0x2191},   {"rarr", 0x2192},   {"darr", 0x2193},
    {"minus", 0x2212},
};

/* HTML reads the references &#128;..&#159; as Windows-1252 (pages
 * written in it); 0 where that code page has no character. */
static const int32_t cp1252_c1[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

static int32_t named_reference(const char *name, size_t len)
{
    for (size_t k = 0; k < 96; k++)
        if (strlen(latin1_names[k]) == len &&
            memcmp(latin1_names[k], name, len) == 0)
            return 0xA0 + (int32_t)k;
    for (size_t k = 0; k < sizeof other_names / sizeof other_names[0]; k++)
        if (strlen(other_names[k].name) == len &&
            memcmp(other_names[k].name, name, len) == 0)
            return other_names[k].cp;
    return -1;
}

/* The reference at s[0] ('&') of at most 10 bytes after it: its code
 * point and, in *used, its length with the ';'. -1 when it is none. */
static int32_t parse_reference(const char *s, size_t len, size_t *used)
{
    size_t i = 1, max = len < 12 ? len : 12;
    int32_t cp = -1;
    if (i < max && s[i] == '#') {
        i++;
        bool hex = i < max && (s[i] == 'x' || s[i] == 'X');
        i += hex;
        size_t digits = 0;
        int32_t v = 0;
        for (; i < max && digits < 8; i++, digits++) {
            int d;
            char c = s[i];
            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
                d = (c | 0x20) - 'a' + 10;
            else
                break;
            /* Clamped above the last code point: no overflow. */
            v = v > 0x10FFFF ? 0x110000 : v * (hex ? 16 : 10) + d;
        }
        if (digits == 0 || digits == 8)
            return -1;
        cp = v;
        if (cp >= 0x80 && cp < 0xA0)
            cp = cp1252_c1[cp - 0x80] ? cp1252_c1[cp - 0x80] : -1;
        if (cp <= 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return -1;
    } else {
        size_t start = i;
        while (i < max && (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') ||
                           (s[i] >= '0' && s[i] <= '9')))
            i++;
        if (i == start)
            return -1;
        cp = named_reference(s + start, i - start);
    }
    if (cp < 0 || i >= len || s[i] != ';')
        return -1;
    *used = i + 1;
    return cp;
}

size_t encoding_decode_entities(buf *out, const char *s, size_t len)
{
    size_t decoded = 0, i = 0;
    buf_grow(out, len);
    while (i < len) {
        const char *amp = memchr(s + i, '&', len - i);
        size_t at = amp ? (size_t)(amp - s) : len;
        buf_put(out, s + i, at - i);
        if (!amp)
            break;
        size_t used = 0;
        int32_t cp = parse_reference(s + at, len - at, &used);
        if (cp < 0) {
            buf_putc(out, '&');
            i = at + 1;
            continue;
        }
        u8_put(out, cp);
        decoded++;
        i = at + used;
    }
    return decoded;
}

bool encoding_looks_like_markup(const char *s, size_t len)
{
    static const char *const starts[] = {"<!doctype", "<html", "<?xml",
                                         "<head",     "<body", "<!--",
                                         "<rss",      "<feed"};
    size_t i = 0;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len &&
           (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    for (size_t k = 0; k < sizeof starts / sizeof starts[0]; k++) {
        size_t n = strlen(starts[k]);
        if (len - i >= n && strncasecmp(s + i, starts[k], n) == 0)
            return true;
    }
    return false;
}

/* ==== The step ==== */

static bool is_utf8_name(const char *name)
{
    return strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0;
}

precis_status encoding_run(precis_doc *doc, const precis_options *opt)
{
    const char *forced = opt->encoding;
    buf *input = &doc->input;
    if (input->len == 0)
        return PRECIS_OK;
    bool forced_name = forced && *forced && strcasecmp(forced, "auto") != 0;
    /* A web page names its own charset (BOM, meta charset), which
     * libxml2's HTML reader honours; its entities are the reader's too. */
    bool html = opt->input == PRECIS_INPUT_HTML ||
                (opt->input == PRECIS_INPUT_AUTO &&
                 html_sniff(input->data, input->len));
    if (html && !forced_name)
        return PRECIS_OK;
    const char *from = NULL;
    size_t bom = 0;
    if (forced && *forced && strcasecmp(forced, "auto") != 0) {
        if (is_utf8_name(forced)) {
            encoding_detect(input->data, input->len, &bom);
            bom = bom == 3 ? 3 : 0;
        } else {
            from = forced;
        }
    } else {
        from = encoding_detect(input->data, input->len, &bom);
        /* Strict UTF-8 refuses what is not UTF-8 rather than guess a code
         * page; a mark still names its encoding. */
        if (from && !bom && (opt->flags & PRECIS_OPT_STRICT_UTF8) &&
            strncmp(from, "UTF", 3) != 0)
            from = NULL;
    }
    buf out = {0};
    const char *s = input->data + bom;
    size_t len = input->len - bom;
    if (from) {
        if (!encoding_convert(from, s, len, &out))
            return precis__fail(doc->ctx, PRECIS_EINVAL, "unknown encoding %s",
                                from);
        s = buf_cstr(&out);
        len = out.len;
    }
    if (memchr(s, '&', len) && !encoding_looks_like_markup(s, len)) {
        buf decoded = {0};
        if (encoding_decode_entities(&decoded, s, len)) {
            buf_free(&out);
            out = decoded;
        } else {
            buf_free(&decoded);
        }
    }
    if (out.data) {
        buf_free(input);
        *input = out;
    } else if (bom) {
        memmove(input->data, input->data + bom, input->len - bom + 1);
        input->len -= bom;
    }
    return PRECIS_OK;
}
