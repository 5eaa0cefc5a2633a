/* extract.c: the block classifier and the choice of the article region
 * (see extract.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "read/extract.h"
#include "util/alloc.h"
#include "util/strmap.h"
#include "util/unicode.h"
#include "util/utf8.h"

/* ==== Features ==== */

/* Ideographs and kana: scripts written without spaces between words. */
static bool is_unspaced(int32_t cp)
{
    return (cp >= 0x3040 && cp < 0xA000) || (cp >= 0xF900 && cp < 0xFB00) ||
           (cp >= 0x20000 && cp < 0x2FA20);
}

/* Closing marks that may follow a sentence end: quotes, brackets. */
static bool is_closer(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' ||
           cp == 0x201D || cp == 0x2019 || cp == 0xBB || cp == 0x300D ||
           cp == 0x300F || cp == 0xFF09;
}

static bool is_sentence_end(int32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == ':' ||
           cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F ||
           cp == 0x061F || cp == 0x0964;
}

/* Whether the folded word is a stopword of m. Words longer than any
 * stopword are not looked up. */
static bool is_stopword(const lang_model *m, const char *w, size_t len,
                        bool ascii, buf *scratch)
{
    if (len > 40)
        return false;
    if (ascii) {
        char low[40];
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)w[i];
            low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        return strmap_get(&m->stopwords, low, len) != NULL;
    }
    buf_clear(scratch);
    uc_casefold(scratch, w, len);
    return strmap_get(&m->stopwords, scratch->data, scratch->len) != NULL;
}

/* "Four Arrested After a Late-Night RaidPolice said on Monday...": a
 * teaser's headline run into its excerpt by a scraper, seen as a lower-
 * case letter or digit glued to a capital after at least six words, most
 * of them capitalised. (A "McDonald" early in a sentence is not.) */
static bool glued_headline(const char *s, size_t len)
{
    size_t words = 1, caps = 0;
    bool word_start = true;
    for (size_t i = 0; i + 1 < len && i < 300; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ') {
            words++;
            word_start = true;
            continue;
        }
        if (word_start)
            caps += (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        word_start = false;
        unsigned char d = (unsigned char)s[i + 1];
        /* A digit before a capital glues only before a word ("2019The"),
         * not in a name like "3D" or "2K20". */
        unsigned char e = i + 2 < len ? (unsigned char)s[i + 2] : 0;
        bool glued = d >= 'A' && d <= 'Z' &&
                     ((c >= 'a' && c <= 'z') ||
                      (c >= '0' && c <= '9' && e >= 'a' && e <= 'z'));
        if (glued)
            return words >= 6 && caps * 4 >= words * 3;
    }
    return false;
}

void ex_features(ex_block *b, const lang_model *m)
{
    const char *s = b->text;
    size_t len = b->len;
    uint32_t chars = 0, words = 0, stop = 0, letters = 0, upper = 0;
    uint32_t commas = 0, unspaced = 0;
    int32_t last = 0; /* the last code point that is not a closer */
    bool use_stop = m && m->stopwords.count > 0;
    buf scratch = {0};
    size_t i = 0;
    while (i < len) {
        size_t at = i;
        int32_t cp = u8_next(s, len, &i);
        chars++;
        if (uc_is_word(cp)) {
            /* A word: the run of word characters from here. */
            bool ascii = cp < 0x80;
            size_t end = i;
            if (is_unspaced(cp)) {
                unspaced++;
                letters++;
                last = cp;
                continue;
            }
            letters += uc_is_letter(cp);
            upper += uc_is_upper(cp);
            last = cp;
            while (end < len) {
                size_t next = end;
                int32_t c2 = u8_next(s, len, &next);
                if (!uc_is_word(c2) || is_unspaced(c2))
                    break;
                ascii &= c2 < 0x80;
                chars++;
                letters += uc_is_letter(c2);
                upper += uc_is_upper(c2);
                last = c2;
                end = next;
            }
            words++;
            if (use_stop && is_stopword(m, s + at, end - at, ascii, &scratch))
                stop++;
            i = end;
            continue;
        }
        if (cp == ',' || cp == ';' || cp == 0x3001 || cp == 0xFF0C ||
            cp == 0x060C)
            commas++;
        if (!is_closer(cp) && !uc_is_space(cp))
            last = cp;
    }
    buf_free(&scratch);
    b->chars = chars;
    b->words = words + unspaced / 2;
    b->stopwords = stop;
    b->letters = letters;
    b->upper = upper;
    b->commas = commas;
    b->unspaced = unspaced;
    b->terminal = is_sentence_end(last);
    /* "...ends mid-sen..." or "…": an excerpt of a story elsewhere. */
    size_t e = len;
    while (e > 0 && s[e - 1] == ' ')
        e--;
    b->truncated = (e >= 2 && memcmp(s + e - 2, "..", 2) == 0) ||
                   (e >= 3 && memcmp(s + e - 3, "\xE2\x80\xA6", 3) == 0) ||
                   glued_headline(s, len);
}

/* ==== The classifier ==== */

bool ex_stopwords_usable(const ex_block *b, size_t n)
{
    uint64_t words = 0, stop = 0, unspaced = 0;
    for (size_t i = 0; i < n; i++) {
        words += b[i].words;
        stop += b[i].stopwords;
        unspaced += b[i].unspaced;
    }
    return words > 0 && stop * 20 >= words && unspaced < words;
}

bool ex_is_prose(const ex_block *b, bool have_stopwords)
{
    if (b->words < 6 || !b->terminal)
        return false;
    /* Prose in a language with a stopword list is full of them; a list
     * of names or a headline run on is not. */
    if (have_stopwords && b->words >= 6 && b->stopwords * 12 < b->words)
        return false;
    return true;
}

double ex_block_value(const ex_block *b, bool have_stopwords)
{
    double words = b->words;
    if (b->flags & EX_JUNK)
        return -(2 + words);
    if (b->letters == 0)
        return -1; /* a separator row, a lone symbol or number */
    double link = b->chars ? (double)b->link_chars / b->chars : 0;
    if (link > 0.5)
        return -(1 + words * link);
    if (b->flags & (EX_REPEATED | EX_ECHO))
        return -(2 + words / 2);
    /* Teasers of other stories: a cut excerpt, or the text under a linked
     * headline. */
    if (b->truncated || (b->flags & EX_TEASER))
        return -(1 + words / 4);
    /* ALL CAPS lines are menus, labels and kickers, not prose. */
    if (b->letters >= 8 && b->upper * 10 >= b->letters * 9)
        return -(1 + words / 2);
    if (ex_is_prose(b, have_stopwords))
        return words * (1 - link) + b->commas;
    if (b->words >= 25 && (!have_stopwords || b->stopwords * 8 >= b->words))
        return words / 2; /* prose that lost its final stop */
    /* A short line: a heading or a label inside an article, an item of a
     * menu outside one. Runs of them cost. */
    return -(1 + (words < 12 ? words : 12) / 4);
}

/* ==== Plain text ==== */

/* Lines of plain text that share their exact text with another line:
 * menus printed twice, "Advertisement" between paragraphs. A long line
 * that stands twice (a notice the page prints in two places, a question
 * an interview puts to each guest) is marked EX_ECHO: it costs as a
 * repeat, but inside the article it stays. */
static void mark_repeats(ex_block *bl, size_t n)
{
    strmap seen = {0};
    strmap_reserve(&seen, n);
    for (size_t i = 0; i < n; i++) {
        if (bl[i].len == 0)
            continue;
        int added;
        uint32_t *first = strmap_put(&seen, bl[i].text, bl[i].len,
                                     (uint32_t)i, &added);
        if (!added) {
            unsigned f = bl[i].len > 200 ? EX_ECHO : EX_REPEATED;
            bl[i].flags |= f;
            bl[*first].flags |= f;
        }
    }
    strmap_free(&seen);
}

/* A line that reads as a headline: a handful of words with letters, no
 * sentence end, not a list entry, not repeated elsewhere. */
static bool is_headline(const ex_block *b)
{
    const char *t = b->text;
    bool listed = b->len >= 2 && (t[0] == '-' || t[0] == '*' ||
                                  t[0] == '+') && t[1] == ' ';
    return b->words >= 3 && b->words <= 30 && !b->terminal && !listed &&
           !(b->flags & EX_REPEATED) && b->letters * 2 >= b->chars;
}

/* An ALL-CAPS line: a label, a kicker, a dateline's place. */
static bool is_caps(const ex_block *b)
{
    return b->letters >= 4 && b->upper * 10 >= b->letters * 9;
}

/* A short line that holds a year (1900-2099) or a time of day (12:20):
 * a dateline, a byline with its date. */
static bool is_dateish(const ex_block *b)
{
    if (b->len == 0 || b->words > 12 || b->terminal)
        return false;
    const char *s = b->text;
    for (size_t i = 0; i < b->len; i++) {
        if (s[i] < '0' || s[i] > '9' || (i > 0 && s[i - 1] >= '0' &&
                                         s[i - 1] <= '9'))
            continue;
        size_t k = i;
        while (k < b->len && s[k] >= '0' && s[k] <= '9')
            k++;
        bool year = k - i == 4 && (memcmp(s + i, "19", 2) == 0 ||
                                   memcmp(s + i, "20", 2) == 0);
        bool clock = k - i <= 2 && k + 2 < b->len && s[k] == ':' &&
                     s[k + 1] >= '0' && s[k + 1] <= '5' && s[k + 2] >= '0' &&
                     s[k + 2] <= '9';
        if (year || clock)
            return true;
        i = k;
    }
    return false;
}

/* A photo credit: a short line with a copyright sign (2), or names set
 * apart by one or two bars, "Jane Doe | Agency | Images" (1); else 0.
 * More bars make a menu row. */
static int credit_kind(const ex_block *b)
{
    if (b->len == 0 || b->words > 8 || b->terminal)
        return 0;
    const char *s = b->text;
    size_t bars = 0;
    for (size_t i = 0; i + 1 < b->len; i++) {
        if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA9)
            return 2; /* U+00A9 */
        if (s[i] == ' ' && s[i + 1] == '|' && i + 2 < b->len &&
            s[i + 2] == ' ')
            bars++;
    }
    return bars >= 1 && bars <= 2 ? 1 : 0;
}

/* A line before the article that reads as its headline: a handful of
 * words, no sentence end, not repeated elsewhere. Among the few lines
 * just above the body (bylines, dates and captions come between) the
 * longest wins. */
static size_t find_title(const ex_block *bl, size_t start)
{
    size_t best = SIZE_MAX, seen = 0;
    for (size_t k = start; k > 0 && seen < 6; k--) {
        const ex_block *b = &bl[k - 1];
        if (b->len == 0)
            continue;
        seen++;
        /* List entries ("- 12:20 Headline") belong to a sidebar, and a
         * line of more digits than letters is a date or a count. */
        if (!is_headline(b) || (b->flags & EX_TEASER) || credit_kind(b))
            continue; /* a caption, teaser or credit is never the title */
        if (best == SIZE_MAX || b->words > bl[best].words)
            best = k - 1;
    }
    return best;
}

/* Whether a short line opens with a copyright sign: "© Jane Roe",
 * the credit a photo carries over its top edge; its caption follows. */
static bool opens_with_copyright(const ex_block *b)
{
    size_t i = 0;
    while (i < b->len && b->text[i] == ' ')
        i++;
    return i + 1 < b->len && (unsigned char)b->text[i] == 0xC2 &&
           (unsigned char)b->text[i + 1] == 0xA9;
}

/* The words of s[0..len); *mark tells whether one holds a slash or a
 * colon and none is a link ("https://t.co/x", "pic.twitter.com/x": a
 * post quoted in the text ends with its link, not a caption with its
 * source). */
static size_t tail_words(const char *s, size_t len, bool *mark)
{
    size_t words = 0;
    bool in_word = false, dot = false, url = false;
    *mark = false;
    for (size_t i = 0; i < len; i++) {
        bool sp = s[i] == ' ';
        words += !sp && !in_word;
        in_word = !sp;
        dot = !sp && (dot || s[i] == '.');
        *mark |= s[i] == '/' || s[i] == ':';
        url |= s[i] == '/' && (dot || (i > 0 && s[i - 1] == '/'));
    }
    *mark &= !url;
    return words;
}

/* A caption that carries its photo's credit at its end: "... in Madrid,
 * Tuesday. (Jane Roe/AP)", "(AP Photo/John Doe)", "(Photo: Agency)": a
 * closing parenthesis of at most 8 words holding a slash or opening with
 * "Photo"; or, after the caption's last full stop, a short unfinished
 * tail naming the source, "... on Monday. AGENCY/Jane Roe", "... the
 * moon. Credit: Agency" (at most five words, one with a slash or a
 * colon, not a link). Body text ends its lines with a sentence end. */
static bool ends_with_credit(const ex_block *b)
{
    const char *s = b->text;
    size_t len = b->len;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '.'))
        len--;
    if (len < 4)
        return false;
    if (s[len - 1] != ')') {
        if (b->terminal || b->words < 8)
            return false;
        /* The tail after the last ". " */
        size_t k = len;
        while (k > 1 && len - k < 60 &&
               !(s[k - 1] == ' ' && (s[k - 2] == '.' || s[k - 2] == '!' ||
                                     s[k - 2] == '?')))
            k--;
        if (k <= 1 || len - k >= 60)
            return false;
        bool mark;
        size_t words = tail_words(s + k, len - k, &mark);
        /* The caption before it: at least six words. */
        return mark && words >= 1 && words <= 5 && b->words >= words + 6;
    }
    size_t open = len - 1;
    while (open > 0 && s[open] != '(' && len - open < 80)
        open--;
    if (s[open] != '(' || open == 0)
        return false;
    size_t words = 1;
    bool slash = false;
    for (size_t i = open + 1; i + 1 < len; i++) {
        words += s[i] == ' ';
        slash |= s[i] == '/';
    }
    bool photo = len - open > 6 && (memcmp(s + open + 1, "Photo", 5) == 0 ||
                                    memcmp(s + open + 1, "photo", 5) == 0);
    return words <= 8 && (slash || photo);
}

/* The next non-empty line after i, or n. */
static size_t next_line(const ex_block *bl, size_t n, size_t i)
{
    size_t k = i + 1;
    while (k < n && bl[k].len == 0)
        k++;
    return k;
}

/* A caption sits next to its photo's credit: the sentence just before
 * the credit describes the photo, not the story; after a copyright line
 * that opens the photo ("© Jane Roe"), the sentence that follows does.
 * So does a sentence between a credit and a line that is not prose
 * (a byline, a label): the body does not stand alone between them. */
static void mark_captions(ex_block *bl, size_t n, bool have_stop)
{
    size_t prev = SIZE_MAX; /* the last non-empty line */
    for (size_t i = 0; i < n; i++) {
        if (bl[i].len == 0)
            continue;
        if (ends_with_credit(&bl[i]))
            bl[i].flags |= EX_TEASER;
        int kind = credit_kind(&bl[i]);
        size_t next = kind ? next_line(bl, n, i) : n;
        bool next_caption = next < n && !credit_kind(&bl[next]);
        if (kind == 2 && opens_with_copyright(&bl[i]) && next_caption) {
            bl[next].flags |= EX_TEASER;
        } else if (kind && prev != SIZE_MAX && bl[prev].terminal) {
            bl[prev].flags |= EX_TEASER;
        } else if (kind == 1 && next_caption &&
                   ex_is_prose(&bl[next], have_stop)) {
            size_t after = next_line(bl, n, next);
            if (after < n && !ex_is_prose(&bl[after], have_stop))
                bl[next].flags |= EX_TEASER;
        }
        prev = i;
    }
}

size_t ex_text_keep(const char *const *lines, const size_t *len, size_t n,
                    const lang_model *m, bool *keep, size_t *title_line)
{
    *title_line = SIZE_MAX;
    ex_block *bl = precis__calloc(n ? n : 1, sizeof *bl);
    double *val = precis__calloc(n ? n : 1, sizeof *val);
    for (size_t i = 0; i < n; i++) {
        bl[i].text = lines[i];
        bl[i].len = len[i];
        if (len[i])
            ex_features(&bl[i], m);
    }
    bool have_stop = m && ex_stopwords_usable(bl, n);
    mark_repeats(bl, n);
    mark_captions(bl, n, have_stop);

    /* The densest run of prose: the region with the largest total value
     * (Kadane). Short lines between paragraphs cost little and are
     * bridged; menus, teaser lists and notices cost more than an island
     * of prose inside them brings. */
    double best = 0, cur = 0, total_pos = 0;
    size_t best_a = 0, best_b = 0, cur_a = 0;
    for (size_t i = 0; i < n; i++) {
        if (len[i] == 0)
            continue;
        val[i] = ex_block_value(&bl[i], have_stop);
        if (val[i] > 0)
            total_pos += val[i];
        if (cur <= 0) {
            cur = 0;
            cur_a = i;
        }
        cur += val[i];
        if (cur > best) {
            best = cur;
            best_a = cur_a;
            best_b = i + 1;
        }
    }
    /* A photo between two paragraphs (its caption, its credit) does not
     * set them apart. */
    bool *photo = precis__calloc(n ? n : 1, sizeof *photo);
    for (size_t i = 0; i < n; i++)
        photo[i] = len[i] && ((bl[i].flags & EX_TEASER) || credit_kind(&bl[i]));
    /* A short island of prose at either edge of a long region, cut off
     * from the body by a label or a byline, is a standfirst or a prompt,
     * not the article's first or last paragraph.
     * (A short article's lede before a subheading looks the same, so
     * only islands small beside the whole are cut.) */
    for (int pass = 0; pass < 4 && best >= 10; pass++) {
        /* The first line, and the non-prose lines between it and the
         * next paragraph. */
        size_t a = best_a, k = a + 1, gap = 0, gap_line = a;
        while (k < best_b && val[k] <= 0) {
            if (len[k] > 0 && !photo[k] && gap++ == 0)
                gap_line = k;
            k++;
        }
        /* A standfirst: a paragraph right under the title (or under the
         * date below it), then the byline, the date, share buttons (two
         * lines or more, or one that holds a date or a dateline's place
         * in capitals) before the body. */
        size_t before = a;
        while (before > 0 && len[before - 1] == 0)
            before--;
        const ex_block *up = before > 0 ? &bl[before - 1] : NULL;
        bool deck = pass == 0 &&
                    (gap >= 2 || (gap == 1 && (is_dateish(&bl[gap_line]) ||
                                               is_caps(&bl[gap_line])))) &&
                    val[a] * 3 < best && up &&
                    ((is_headline(up) && up->words >= 5) || is_dateish(up));
        bool small = val[a] < 30 && val[a] * 4 < best;
        if (val[a] > 0 && k < best_b && gap > 0 && (small || deck)) {
            best_a = k;
            continue;
        }
        size_t z = best_b - 1;
        k = z;
        gap = 0;
        while (k > best_a && val[k - 1] <= 0) {
            k--;
            gap += len[k] > 0 && !photo[k];
        }
        if (val[z] > 0 && k > best_a && gap > 0 && val[z] < 30 &&
            val[z] * 4 < best) {
            best_b = k;
            continue;
        }
        break;
    }
    size_t kept = 0;
    if (best < 10) {
        /* Nothing reads as an article: keep it all, for the phrase rules
         * and the summariser to make what they can of it. */
        for (size_t i = 0; i < n; i++)
            keep[i] = true;
        kept = n;
    } else {
        for (size_t i = 0; i < n; i++) {
            bool in = i >= best_a && i < best_b;
            /* Inside the article a line goes only when it is surely not
             * its text: a repeat, a separator row, a photo's caption. */
            keep[i] = in && (len[i] == 0 ||
                             (!(bl[i].flags & (EX_REPEATED | EX_TEASER)) &&
                              bl[i].letters > 0));
            kept += keep[i];
        }
        *title_line = find_title(bl, best_a);
        if (*title_line != SIZE_MAX && !keep[*title_line]) {
            keep[*title_line] = true;
            kept++;
        }
    }
    (void)total_pos;
    free(photo);
    free(bl);
    free(val);
    return kept;
}
