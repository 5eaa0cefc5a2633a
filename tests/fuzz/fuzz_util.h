/* fuzz_util.h: helpers the fuzz targets share: taking option bytes off
 * the front of an input, checking invariants (a failed check aborts, which
 * libFuzzer and the replay main both report as a crash), and contexts made
 * once per process. */
#ifndef PRECIS_FUZZ_UTIL_H
#define PRECIS_FUZZ_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "precis.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts with the failed condition: an invariant of the library broke. */
#define FUZZ_CHECK(cond)                                                   \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__,     \
                    __LINE__, #cond);                                      \
            abort();                                                       \
        }                                                                  \
    } while (0)

/* The input, read from the front: option bytes, then the rest. A byte
 * past the end reads as 0, so every input is a valid one. */
typedef struct fuzz_input {
    const uint8_t *p;
    size_t n;
} fuzz_input;

static inline unsigned fuzz_byte(fuzz_input *in)
{
    if (!in->n)
        return 0;
    in->n--;
    return *in->p++;
}

static inline unsigned fuzz_u16(fuzz_input *in)
{
    unsigned hi = fuzz_byte(in);
    return hi << 8 | fuzz_byte(in);
}

/* True when s[0..n) is valid UTF-8 (shortest forms, no surrogates, at
 * most U+10FFFF). Written here rather than taken from the library, so that
 * the check does not share the library's bugs. */
static inline int fuzz_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        size_t k;
        uint32_t cp, min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            k = 1, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            k = 2, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            k = 3, cp = c & 0x07, min = 0x10000;
        } else {
            return 0;
        }
        if (n - i <= k)
            return 0;
        for (size_t j = 1; j <= k; j++) {
            if ((p[i + j] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (p[i + j] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += k + 1;
    }
    return 1;
}

/* The languages the targets pick from: with and without models, with
 * Latin and Cyrillic scripts, and detection. */
static const char *const fuzz_languages[8] = {
    "english", "auto", "german", "french",
    "russian", "porter", "dutch", "spanish",
};

/* A context for fuzz_languages[i % 8], made on first use and kept for the
 * process (still reachable at exit, so not a leak). */
static inline precis_ctx *fuzz_ctx(unsigned i)
{
    static precis_ctx *ctx[8];
    i %= 8;
    if (!ctx[i]) {
        precis_status st;
        ctx[i] = precis_ctx_new(fuzz_languages[i], NULL, &st);
        if (!ctx[i]) {
            fprintf(stderr, "fuzz: no context for %s: %s\n",
                    fuzz_languages[i], precis_strerror(st));
            abort();
        }
    }
    return ctx[i];
}

/* A sink that fails after limit bytes, to reach the renderers' error
 * paths. */
typedef struct fuzz_limited {
    precis_membuf mem;
    size_t limit;
} fuzz_limited;

static inline int fuzz_limited_write(void *ud, const void *data, size_t len)
{
    fuzz_limited *l = ud;
    if (l->mem.len + len > l->limit)
        return 1;
    precis_sink s = precis_sink_mem(&l->mem);
    return s.write(s.ud, data, len);
}

/* Checks what a finished document hands out: the cleaned text is valid
 * UTF-8 with no NUL, sentences lie inside it in order without newlines,
 * the title, date and headlines have their documented shapes. */
static inline void fuzz_check_doc(const precis_doc *doc)
{
    size_t tlen = 0;
    const char *text = precis_doc_text(doc, &tlen);
    FUZZ_CHECK(text != NULL);
    FUZZ_CHECK(text[tlen] == '\0');
    FUZZ_CHECK(strlen(text) == tlen);
    FUZZ_CHECK(fuzz_utf8_valid(text, tlen));

    size_t title_len = 0;
    const char *title = precis_doc_title(doc, &title_len);
    if (title) {
        FUZZ_CHECK(title >= text && title + title_len <= text + tlen);
        FUZZ_CHECK(memchr(title, '\n', title_len) == NULL);
    }

    size_t ns = precis_doc_sentence_count(doc), end = 0, para = 0;
    for (size_t i = 0; i < ns; i++) {
        precis_sentence s;
        FUZZ_CHECK(precis_doc_sentence(doc, i, &s) == PRECIS_OK);
        FUZZ_CHECK(s.offset <= tlen && s.len <= tlen - s.offset);
        FUZZ_CHECK(s.text == text + s.offset);
        FUZZ_CHECK(s.offset >= end);
        FUZZ_CHECK(s.len > 0);
        FUZZ_CHECK(memchr(s.text, '\n', s.len) == NULL);
        FUZZ_CHECK(fuzz_utf8_valid(s.text, s.len));
        FUZZ_CHECK(s.paragraph >= para);
        end = s.offset + s.len;
        para = s.paragraph;
    }
    precis_sentence s;
    FUZZ_CHECK(precis_doc_sentence(doc, ns, &s) == PRECIS_EINVAL);

    const char *date = precis_doc_date(doc);
    if (date) {
        FUZZ_CHECK(strlen(date) == 10);
        FUZZ_CHECK(date[4] == '-' && date[7] == '-');
    }
    FUZZ_CHECK(precis_doc_language(doc) != NULL);

    size_t nh = precis_doc_headline_count(doc);
    for (size_t i = 0; i < nh; i++) {
        precis_headline h;
        FUZZ_CHECK(precis_doc_headline(doc, i, &h) == PRECIS_OK);
        FUZZ_CHECK(h.time != NULL && h.text != NULL);
        FUZZ_CHECK(h.time_len >= 4 && h.time_len <= 5);
        FUZZ_CHECK(fuzz_utf8_valid(h.text, h.len));
    }
    precis_headline h;
    FUZZ_CHECK(precis_doc_headline(doc, nh, &h) == PRECIS_EINVAL);
}

/* Checks the summary after precis_doc_summarize: indices in document
 * order, within range, keywords non-empty valid UTF-8. */
static inline void fuzz_check_summary(const precis_doc *doc)
{
    size_t ns = precis_doc_sentence_count(doc);
    size_t k = precis_doc_summary_count(doc);
    FUZZ_CHECK(k <= ns);
    FUZZ_CHECK(ns == 0 || k > 0);
    size_t prev = 0;
    precis_sentence s;
    for (size_t j = 0; j < k; j++) {
        FUZZ_CHECK(precis_doc_summary_sentence(doc, j, &s) == PRECIS_OK);
        FUZZ_CHECK(s.index < ns);
        FUZZ_CHECK(j == 0 || s.index > prev);
        prev = s.index;
    }
    FUZZ_CHECK(precis_doc_summary_sentence(doc, k, &s) == PRECIS_EINVAL);
    size_t nk = precis_doc_keyword_count(doc);
    const char *kw = NULL;
    size_t len = 0;
    for (size_t j = 0; j < nk; j++) {
        FUZZ_CHECK(precis_doc_keyword(doc, j, &kw, &len) == PRECIS_OK);
        FUZZ_CHECK(kw != NULL && len > 0);
        FUZZ_CHECK(fuzz_utf8_valid(kw, len));
    }
    FUZZ_CHECK(precis_doc_keyword(doc, nk, &kw, &len) == PRECIS_EINVAL);
}

#endif
