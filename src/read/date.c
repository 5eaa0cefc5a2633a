/* date.c: dates and times as news pages print them. */
#include "read/date.h"

#include <string.h>

#include "util/buf.h"
#include "util/unicode.h"
#include "lang/model.h"

static const char *const months[12] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

static unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
    return (lower((unsigned char)c) >= 'a' && lower((unsigned char)c) <= 'z');
}

/* A word of another language's month table at s[i] (letters of any
 * script, an optional period after it). */
static int month_at_lang(const char *s, size_t len, size_t i, size_t *next,
                         const char *table)
{
    if (!table || i >= len || (i > 0 && (unsigned char)s[i - 1] >= 0x80))
        return 0;
    size_t j = i;
    while (j < len && (is_alpha(s[j]) || (unsigned char)s[j] >= 0x80))
        j++;
    if (j == i || j - i > 40)
        return 0;
    buf fold = {0};
    uc_casefold(&fold, s + i, j - i);
    int m = model_table_line(table, strlen(table), buf_cstr(&fold), fold.len,
                             12);
    buf_free(&fold);
    if (m && j < len && s[j] == '.')
        j++;
    if (m)
        *next = j;
    return m;
}

/* A month name or its 3- or 4-letter abbreviation (with an optional
 * period) at s[i]: returns 1..12 and sets *next, or 0. */
static int month_at(const char *s, size_t len, size_t i, size_t *next,
                    const char *table)
{
    int lm = month_at_lang(s, len, i, next, table);
    if (lm)
        return lm;
    size_t j = i;
    while (j < len && is_alpha(s[j]))
        j++;
    size_t n = j - i;
    if (n < 3 || (i > 0 && is_alpha(s[i - 1])))
        return 0;
    for (int m = 0; m < 12; m++) {
        size_t full = strlen(months[m]);
        bool whole = n == full;
        bool abbrev = n == 3 || (n == 4 && m == 8); /* "Sept" */
        if (!whole && !abbrev)
            continue;
        size_t k = 0;
        while (k < n && lower((unsigned char)s[i + k]) == months[m][k])
            k++;
        if (k != n)
            continue;
        if (!whole && j < len && s[j] == '.')
            j++;
        *next = j;
        return m + 1;
    }
    return 0;
}

/* Reads 1..max digits at s[i]; returns the value or -1. */
static int number_at(const char *s, size_t len, size_t i, size_t max,
                     size_t *next)
{
    if (i > 0 && is_digit(s[i - 1]))
        return -1;
    int v = 0;
    size_t j = i;
    while (j < len && j - i < max && is_digit(s[j]))
        v = v * 10 + (s[j++] - '0');
    if (j == i || (j < len && is_digit(s[j])))
        return -1;
    *next = j;
    return v;
}

static size_t skip(const char *s, size_t len, size_t i, const char *chars)
{
    while (i < len && strchr(chars, s[i]))
        i++;
    return i;
}

static bool valid(int y, int m, int d)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m != 2 || d <= 28 || leap;
}

/* Day with an optional ordinal suffix: "4", "4th", "21st". */
static int day_at(const char *s, size_t len, size_t i, size_t *next)
{
    int d = number_at(s, len, i, 2, next);
    if (d < 0)
        return -1;
    size_t j = *next;
    if (j + 1 < len && is_alpha(s[j]) && is_alpha(s[j + 1]) &&
        (j + 2 >= len || !is_alpha(s[j + 2]))) {
        char a = (char)lower((unsigned char)s[j]);
        char b = (char)lower((unsigned char)s[j + 1]);
        if ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
            (a == 'r' && b == 'd') || (a == 't' && b == 'h'))
            *next = j + 2;
    }
    return d;
}

/* Skips a joining word between day, month and year: "de" (Spanish,
 * Portuguese), "of". */
static size_t skip_joiner(const char *s, size_t len, size_t j)
{
    static const char *const joiners[] = {"de ", "del ", "of "};
    for (size_t k = 0; k < sizeof joiners / sizeof joiners[0]; k++) {
        size_t n = strlen(joiners[k]);
        if (j + n <= len && memcmp(s + j, joiners[k], n) == 0)
            return j + n;
    }
    return j;
}

static bool try_at(const char *s, size_t len, size_t i, int *y, int *m, int *d,
                   size_t *end, const char *table)
{
    size_t j;
    if (is_digit(s[i])) {
        /* 2025-11-04 or 2025/11/04 */
        int lead = number_at(s, len, i, 4, &j);
        if (lead >= 1000 && j < len && (s[j] == '-' || s[j] == '/')) {
            char sep = s[j];
            int mon = number_at(s, len, j + 1, 2, &j);
            if (mon > 0 && j < len && s[j] == sep) {
                int day = number_at(s, len, j + 1, 2, &j);
                if (day > 0) {
                    *y = lead, *m = mon, *d = day, *end = j;
                    return true;
                }
            }
            return false;
        }
        /* 4 November 2025, 4th Nov. 2025, 4 November, 2025 */
        int day = day_at(s, len, i, &j);
        if (day < 0)
            return false;
        /* 10/06/2024 or 08.05.2024: day first, as every language with a
         * months table writes it (English is left out: US order differs). */
        if (table && lead >= 1 && lead <= 31 && j < len &&
            (s[j] == '/' || s[j] == '.')) {
            char sep = s[j];
            size_t k;
            int mon = number_at(s, len, j + 1, 2, &k);
            if (mon > 0 && k < len && s[k] == sep) {
                int year = number_at(s, len, k + 1, 4, &k);
                if (year >= 1000) {
                    *y = year, *m = mon, *d = day, *end = k;
                    return true;
                }
            }
        }
        j = skip(s, len, j, ". "); /* "8. Mai" */
        j = skip_joiner(s, len, j);
        int mon = month_at(s, len, j, &j, table);
        if (!mon)
            return false;
        j = skip(s, len, j, " ,");
        j = skip_joiner(s, len, j);
        int year = number_at(s, len, j, 4, &j);
        if (year < 1000)
            return false;
        *y = year, *m = mon, *d = day, *end = j;
        return true;
    }
    /* November 4, 2025 or Nov. 4 2025 */
    int mon = month_at(s, len, i, &j, table);
    if (!mon)
        return false;
    j = skip(s, len, j, " ");
    int day = day_at(s, len, j, &j);
    if (day < 0)
        return false;
    j = skip(s, len, j, " ,");
    int year = number_at(s, len, j, 4, &j);
    if (year < 1000)
        return false;
    *y = year, *m = mon, *d = day, *end = j;
    return true;
}

bool date_find(const char *s, size_t len, char out[11], size_t *at, size_t *end)
{
    return date_find_lang(s, len, NULL, out, at, end);
}

bool date_find_lang(const char *s, size_t len, const char *table, char out[11],
                    size_t *at, size_t *end)
{
    for (size_t i = 0; i < len; i++) {
        bool lead = is_digit(s[i]) || is_alpha(s[i]) ||
                    (table && (unsigned char)s[i] >= 0xC0);
        if (!lead)
            continue;
        int y, m, d;
        size_t e;
        if (try_at(s, len, i, &y, &m, &d, &e, table) && valid(y, m, d)) {
            /* valid() bounds every field, so the digits fit. */
            out[0] = (char)('0' + y / 1000);
            out[1] = (char)('0' + y / 100 % 10);
            out[2] = (char)('0' + y / 10 % 10);
            out[3] = (char)('0' + y % 10);
            out[4] = '-';
            out[5] = (char)('0' + m / 10);
            out[6] = (char)('0' + m % 10);
            out[7] = '-';
            out[8] = (char)('0' + d / 10);
            out[9] = (char)('0' + d % 10);
            out[10] = '\0';
            if (at)
                *at = i;
            if (end)
                *end = e;
            return true;
        }
        /* Skip the rest of this word or number. */
        while (i + 1 < len && (is_digit(s[i + 1]) || is_alpha(s[i + 1]) ||
                               (unsigned char)s[i + 1] >= 0x80))
            i++;
    }
    return false;
}

size_t time_parse(const char *s, size_t len, size_t i, char out[6])
{
    size_t j;
    if (i > 0 && is_digit(s[i - 1]))
        return 0;
    int h = number_at(s, len, i, 2, &j);
    if (h < 0 || h > 23 || j + 2 >= len || s[j] != ':')
        return 0;
    if (!is_digit(s[j + 1]) || !is_digit(s[j + 2]))
        return 0;
    int m = (s[j + 1] - '0') * 10 + (s[j + 2] - '0');
    if (m > 59 || (j + 3 < len && is_digit(s[j + 3])))
        return 0;
    out[0] = (char)('0' + h / 10);
    out[1] = (char)('0' + h % 10);
    out[2] = ':';
    out[3] = (char)('0' + m / 10);
    out[4] = (char)('0' + m % 10);
    out[5] = '\0';
    return j + 3;
}
