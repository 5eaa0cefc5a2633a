/* analyze.c: sentences -> terms.
 *
 * Words are runs of letters, marks and digits (an apostrophe between
 * letters stays inside: "don't", "Trump's"). Each word is case-folded,
 * dropped when it is a stopword or a lone letter, stemmed with Snowball
 * (numbers are kept as they are: they matter in news) and mapped to a
 * document-local term id. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "internal.h"
#include "util/unicode.h"
#include "util/utf8.h"

static bool is_apostrophe(int32_t cp)
{
    return cp == '\'' || cp == 0x2019;
}

void analyze_fold_word(buf *fold, const char *w, size_t len)
{
    buf_clear(fold);
    /* Most words are ASCII: lower-case them in one pass, and fall back to
     * Unicode folding at the first byte that is not. */
    size_t n = len < PRECIS_MAX_TOKEN ? len : PRECIS_MAX_TOKEN;
    if (n >= fold->cap)
        buf_grow(fold, n);
    /* (Bytes past the cut cannot change the first n: folding an ASCII
     * prefix leaves it as lower-case ASCII.) */
    if (uc_fold_ascii(fold->data, w, n) == n) {
        fold->len = n;
        fold->data[n] = '\0';
        return;
    }
    buf_clear(fold);
    uc_casefold(fold, w, len);
    char *p = fold->data;
    size_t kept = 0;
    for (size_t k = 0; k < fold->len;) {
        if ((unsigned char)p[k] == 0xE2 && k + 2 < fold->len &&
            (unsigned char)p[k + 1] == 0x80 &&
            (unsigned char)p[k + 2] == 0x99) {
            p[kept++] = '\'';
            k += 3;
        } else {
            p[kept++] = p[k++];
        }
    }
    fold->len = kept;
    if (fold->len > PRECIS_MAX_TOKEN) {
        size_t cut = PRECIS_MAX_TOKEN;
        while (cut > 0 && ((unsigned char)p[cut] & 0xC0) == 0x80)
            cut--;
        fold->len = cut;
    }
    p[fold->len] = '\0';
}

static bool all_digits(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return len > 0;
}

typedef struct analyzer {
    precis_doc *doc;
    uint32_t stamp; /* this document's number for the stem entries' memos */
    buf fold;
    uint32_t *terms; /* scratch for one sentence */
    term_pos *pos;
    size_t cap;
} analyzer;

static void add_word(analyzer *a, sentence *st, const char *w, size_t len,
                     size_t off)
{
    lang_state *lang = a->doc->lang;
    st->words++;
    analyze_fold_word(&a->fold, w, len);
    const char *f = a->fold.data;
    size_t flen = a->fold.len;
    if (flen == 0)
        return;
    /* One lookup per word: the entry says once whether the word counts
     * and remembers its term id in this document. */
    stem_entry *e = stemmer_entry(lang->stem, f, flen);
    if (!e->classified) {
        e->classified = true;
        /* A lone letter: one character, which is at most 4 bytes. */
        bool lone = flen <= 4 && u8_count(f, flen) < 2;
        e->skip = model_is_stopword(lang->model, f, flen) ||
                  (lone && !all_digits(f, flen));
    }
    if (e->skip)
        return;
    if (e->memo_doc != a->stamp) {
        stemmer_fill(lang->stem, e, f, flen);
        int added;
        e->memo = *strmap_put(&a->doc->terms, e->stem, e->len,
                              (uint32_t)a->doc->n_terms, &added);
        e->memo_doc = a->stamp;
        if (added)
            a->doc->n_terms++;
    }
    uint32_t id = e->memo;
    if (st->n_terms == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 64;
        a->terms = precis__reallocarray(a->terms, a->cap, sizeof *a->terms);
        a->pos = precis__reallocarray(a->pos, a->cap, sizeof *a->pos);
    }
    /* Sentences and words beyond 4 GiB are not supported: offsets clamp. */
    a->pos[st->n_terms] = (term_pos){
        (uint32_t)(off < UINT32_MAX ? off : UINT32_MAX),
        (uint32_t)(len < UINT32_MAX ? len : UINT32_MAX), st->words - 1};
    a->terms[st->n_terms++] = id;
}

static void analyze_sentence(analyzer *a, sentence *st)
{
    const char *s = a->doc->text.data + st->off;
    size_t len = st->len, i = 0;
    st->n_terms = 0;
    st->words = 0;
    while (i < len) {
        size_t start = i;
        int32_t cp = u8_next(s, len, &i);
        if (!uc_is_word(cp))
            continue;
        size_t end = i;
        while (i < len) {
            unsigned char b = (unsigned char)s[i];
            if ((unsigned)(b - '0') < 10 || (unsigned)((b | 0x20) - 'a') < 26) {
                i = end = i + 1; /* an ASCII letter or digit */
                continue;
            }
            size_t j = i;
            int32_t c = u8_next(s, len, &j);
            if (uc_is_word(c)) {
                i = end = j;
                continue;
            }
            /* An apostrophe joins two word characters. */
            if (is_apostrophe(c) && j < len) {
                size_t k = j;
                if (uc_is_word(u8_next(s, len, &k))) {
                    i = end = k;
                    continue;
                }
            }
            break;
        }
        add_word(a, st, s + start, end - start, start);
    }
    st->terms = arena_array(&a->doc->mem, st->n_terms ? st->n_terms : 1,
                            sizeof *st->terms);
    st->pos = arena_array(&a->doc->mem, st->n_terms ? st->n_terms : 1,
                          sizeof *st->pos);
    if (st->n_terms) {
        memcpy(st->terms, a->terms, st->n_terms * sizeof *st->terms);
        memcpy(st->pos, a->pos, st->n_terms * sizeof *st->pos);
    }
}

void analyze_run(precis_doc *doc)
{
    analyzer a = {.doc = doc};
    lang_state *lang = doc->lang;
    if (++lang->docs_analyzed == 0) { /* wrapped: old memos would match */
        stemmer_forget_memos(lang->stem);
        lang->docs_analyzed = 1;
    }
    a.stamp = lang->docs_analyzed;
    /* About one new term per 16 bytes of text (measured on the dev set:
     * 12-20): no rehashing on the way for most documents. */
    size_t guess = doc->text.len / 16 + 16;
    strmap_reserve(&doc->terms, guess < 100000 ? guess : 100000);
    /* Distinct words, stopwords included: about one per 10 bytes. */
    size_t words = doc->text.len / 10 + 16;
    stemmer_reserve(lang->stem, words < 100000 ? words : 100000);
    for (size_t k = 0; k < doc->n_sents; k++)
        analyze_sentence(&a, &doc->sents[k]);
    /* The title's terms, for the title cue of the precis score. */
    if (doc->has_title) {
        doc->title_terms.off = doc->title.off;
        doc->title_terms.len = doc->title.len;
        analyze_sentence(&a, &doc->title_terms);
    }
    buf_free(&a.fold);
    free(a.terms);
    free(a.pos);
}
