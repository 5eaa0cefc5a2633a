#include "lang/model.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lang/embedded.h"
#include "util/unicode.h"

static const embedded_file *embedded_find(const char *path)
{
    for (size_t i = 0; i < precis__embedded_count; i++)
        if (strcmp(precis__embedded[i].path, path) == 0)
            return &precis__embedded[i];
    return NULL;
}

static precis_status read_file(const char *path, buf *out, bool *found,
                               buf *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT) {
            *found = false;
            return PRECIS_OK;
        }
        buf_printf(err, "%s: %s", path, strerror(errno));
        return PRECIS_EMODEL;
    }
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_put(out, chunk, n);
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        buf_printf(err, "%s: read error", path);
        return PRECIS_EMODEL;
    }
    *found = true;
    return PRECIS_OK;
}

precis_status model_read(const char *language, const char *name,
                         const char *dir, buf *out, bool *found, buf *err)
{
    *found = false;
    buf path = {0};
    if (dir)
        buf_printf(&path, "%s/%s/%s", dir, language, name);
    else
        buf_printf(&path, "%s/%s", language, name);
    precis_status st = PRECIS_OK;
    if (dir) {
        st = read_file(path.data, out, found, err);
    } else {
        const embedded_file *e = embedded_find(path.data);
        if (e) {
            buf_put(out, e->data, e->len);
            *found = true;
        }
    }
    buf_free(&path);
    return st;
}

void model_each_line(const char *text, size_t len,
                     void (*fn)(void *ud, const char *line, size_t len),
                     void *ud)
{
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        while (i < len && text[i] != '\n')
            i++;
        size_t end = i;
        if (i < len)
            i++;
        while (start < end && (text[start] == ' ' || text[start] == '\t' ||
                               text[start] == '\r'))
            start++;
        while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t' ||
                               text[end - 1] == '\r'))
            end--;
        if (end > start && text[start] != '#')
            fn(ud, text + start, end - start);
    }
}

typedef struct load_state {
    lang_model *m;
    buf fold;
} load_state;

/* Stopword lists are written in lower case (their header says so), so
 * folding is needed only for a line with ASCII capitals: skipping it for
 * the others makes a cold start several times cheaper. */
static void add_stopword(void *ud, const char *line, size_t len)
{
    load_state *st = ud;
    bool capitals = false;
    for (size_t i = 0; i < len && !capitals; i++)
        capitals = line[i] >= 'A' && line[i] <= 'Z';
    if (!capitals) {
        strmap_put(&st->m->stopwords, line, len, 1, NULL);
        return;
    }
    buf_clear(&st->fold);
    uc_casefold(&st->fold, line, len);
    strmap_put(&st->m->stopwords, st->fold.data, st->fold.len, 1, NULL);
}

static void add_opener(void *ud, const char *line, size_t len)
{
    load_state *st = ud;
    buf_clear(&st->fold);
    uc_casefold(&st->fold, line, len);
    strmap_put(&st->m->openers, st->fold.data, st->fold.len, 1, NULL);
}

static void add_boilerplate(void *ud, const char *line, size_t len)
{
    load_state *st = ud;
    bp_add(&st->m->boilerplate, line, len);
}

static const rank_weights default_weights = {
    .lead = 1.0,
    .lead_decay = 2.0,
    .centrality = 0.0,
    .centroid = 0.4,
    .title = 0.0,
    .length = 0.0,
    .quote = 0.0,
    .damping = 0.85,
    .edge_threshold = 0.05,
    .mmr_lambda = 0.7,
    .background_idf = 0.0,
};

/* weights.txt: "NAME VALUE" lines naming rank_weights fields. */
static void set_weight(void *ud, const char *line, size_t len)
{
    static const struct {
        const char *name;
        size_t offset;
    } fields[] = {
        {"lead", offsetof(rank_weights, lead)},
        {"lead_decay", offsetof(rank_weights, lead_decay)},
        {"centrality", offsetof(rank_weights, centrality)},
        {"centroid", offsetof(rank_weights, centroid)},
        {"title", offsetof(rank_weights, title)},
        {"length", offsetof(rank_weights, length)},
        {"quote", offsetof(rank_weights, quote)},
        {"damping", offsetof(rank_weights, damping)},
        {"edge_threshold", offsetof(rank_weights, edge_threshold)},
        {"mmr_lambda", offsetof(rank_weights, mmr_lambda)},
        {"background_idf", offsetof(rank_weights, background_idf)},
    };
    load_state *st = ud;
    char tmp[128];
    if (len >= sizeof tmp)
        return;
    memcpy(tmp, line, len);
    tmp[len] = '\0';
    char name[64];
    double value;
    if (sscanf(tmp, "%63s %lf", name, &value) != 2)
        return;
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (strcmp(name, fields[i].name) == 0)
            *(double *)((char *)&st->m->weights + fields[i].offset) = value;
}

/* idf.txt: "# documents N", then "STEM<TAB>DF" lines (tools/idf). */
static void load_idf(lang_model *m, const char *text, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        while (i < len && text[i] != '\n')
            i++;
        const char *l = text + start;
        size_t n = i - start;
        i++;
        if (n > 12 && memcmp(l, "# documents ", 12) == 0) {
            m->idf_docs = (uint32_t)strtoul(l + 12, NULL, 10);
            continue;
        }
        const char *tab = memchr(l, '\t', n);
        if (!tab || tab == l || l[0] == '#')
            continue;
        unsigned long df = strtoul(tab + 1, NULL, 10);
        if (df > 0 && df <= UINT32_MAX)
            strmap_put(&m->idf, l, (size_t)(tab - l), (uint32_t)df, NULL);
    }
}

/* An abbreviations line is "WORD" or "WORD title", WORD written without
 * its final period ("Mr", "U.S", "etc"). */
static void add_abbrev(void *ud, const char *line, size_t len)
{
    load_state *st = ud;
    size_t w = 0;
    while (w < len && line[w] != ' ' && line[w] != '\t')
        w++;
    size_t k = w;
    while (k < len && (line[k] == ' ' || line[k] == '\t'))
        k++;
    uint32_t kind = ABBREV_PLAIN;
    if (len - k == 5 && memcmp(line + k, "title", 5) == 0)
        kind = ABBREV_TITLE;
    /* "-str": any word ending so ("Hauptstr."): kept as kind, suffix, NUL. */
    if (w > 1 && line[0] == '-') {
        buf_putc(&st->m->abbrev_suffixes, (char)kind);
        buf_put(&st->m->abbrev_suffixes, line + 1, w - 1);
        buf_putc(&st->m->abbrev_suffixes, '\0');
        return;
    }
    /* Kept as written: "No" (number) must not match the word "no". */
    *strmap_put(&st->m->abbrevs, line, w, kind, NULL) = kind;
}

precis_status model_load(lang_model *m, const char *language, const char *dir,
                         buf *err)
{
    memset(m, 0, sizeof *m);
    if (dir) {
        struct stat sb;
        buf path = {0};
        buf_printf(&path, "%s/%s", dir, language);
        int bad = stat(path.data, &sb) != 0 || !S_ISDIR(sb.st_mode);
        if (bad)
            buf_printf(err, "%s: no models folder for %s", path.data, language);
        buf_free(&path);
        if (bad)
            return PRECIS_EMODEL;
    }
    static const struct {
        const char *name;
        void (*add)(void *, const char *, size_t);
    } files[] = {{"stopwords.txt", add_stopword},
                 {"abbreviations.txt", add_abbrev},
                 {"openers.txt", add_opener},
                 {"weights.txt", set_weight},
                 {"boilerplate.txt", add_boilerplate}};
    m->weights = default_weights;
    load_state st = {m, {0}};
    buf text = {0};
    precis_status status = PRECIS_OK;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        bool found;
        buf_clear(&text);
        status = model_read(language, files[i].name, dir, &text, &found, err);
        if (status != PRECIS_OK)
            break;
        if (found)
            model_each_line(buf_cstr(&text), text.len, files[i].add, &st);
    }
    if (status == PRECIS_OK) {
        bool found;
        status =
            model_read(language, "months.txt", dir, &m->months, &found, err);
    }
    if (status == PRECIS_OK) {
        bool found;
        status = model_read(language, "weekdays.txt", dir, &m->weekdays,
                            &found, err);
    }
    if (status == PRECIS_OK) {
        bool found;
        status = model_read(language, "dangling.txt", dir, &m->dangling,
                            &found, err);
    }
    m->language = language;
    m->dir = dir;
    buf_free(&text);
    buf_free(&st.fold);
    if (status != PRECIS_OK)
        model_free(m);
    return status;
}

void model_need_idf(lang_model *m)
{
    if (m->idf_tried)
        return;
    m->idf_tried = true;
    buf text = {0}, err = {0};
    bool found;
    if (model_read(m->language, "idf.txt", m->dir, &text, &found, &err) ==
            PRECIS_OK &&
        found)
        load_idf(m, buf_cstr(&text), text.len);
    buf_free(&text);
    buf_free(&err);
}

precis_status model_load_stopwords(strmap *set, const char *language,
                                   const char *dir, buf *err)
{
    lang_model tmp;
    memset(&tmp, 0, sizeof tmp);
    load_state st = {&tmp, {0}};
    buf text = {0};
    bool found;
    precis_status status =
        model_read(language, "stopwords.txt", dir, &text, &found, err);
    if (status == PRECIS_OK && found)
        model_each_line(buf_cstr(&text), text.len, add_stopword, &st);
    buf_free(&text);
    buf_free(&st.fold);
    *set = tmp.stopwords;
    return status;
}

void model_add_stopword_bit(strmap *langs, const strmap *words, uint32_t bit)
{
    for (size_t k = 0; k < words->cap; k++) {
        const strmap_slot *w = &words->slots[k];
        if (w->key)
            *strmap_put(langs, w->key, w->len, 0, NULL) |= bit;
    }
}

void model_free(lang_model *m)
{
    if (m->builtin) {
        memset(m, 0, sizeof *m);
        return;
    }
    strmap_free(&m->stopwords);
    strmap_free(&m->openers);
    strmap_free(&m->abbrevs);
    buf_free(&m->abbrev_suffixes);
    strmap_free(&m->idf);
    buf_free(&m->months);
    buf_free(&m->weekdays);
    buf_free(&m->dangling);
    bp_free(&m->boilerplate);
}

bool model_is_stopword(const lang_model *m, const char *folded, size_t len)
{
    return strmap_get(&m->stopwords, folded, len) != NULL;
}

int model_table_line(const char *table, size_t len, const char *word,
                     size_t n, int max)
{
    /* A few lines of names: a scan costs less than a map would to build,
     * and it runs on a few words an article. */
    if (!len || !n)
        return 0;
    const char *p = table, *end = table + len;
    int line = 0;
    while (p < end && line < max) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        if (*p != '#' && eol > p) {
            line++;
            for (const char *w = p; w < eol;) {
                while (w < eol && (*w == ' ' || *w == '\t' || *w == '\r'))
                    w++;
                const char *we = w;
                while (we < eol && *we != ' ' && *we != '\t' && *we != '\r')
                    we++;
                if ((size_t)(we - w) == n && memcmp(w, word, n) == 0)
                    return line;
                w = we;
            }
        }
        p = eol + 1;
    }
    return 0;
}

int model_weekday(const lang_model *m, const char *folded, size_t len)
{
    return model_table_line(m->weekdays.data, m->weekdays.len, folded, len,
                            7);
}

bool model_is_dangling(const lang_model *m, const char *folded, size_t len)
{
    /* A few dozen words, read for the last word or two of a headline. */
    return model_table_line(m->dangling.data, m->dangling.len, folded, len,
                            INT_MAX) != 0;
}

bool model_is_opener(const lang_model *m, const char *folded, size_t len)
{
    return strmap_get(&m->stopwords, folded, len) != NULL ||
           strmap_get(&m->openers, folded, len) != NULL;
}

enum abbrev_kind model_abbrev(const lang_model *m, const char *word, size_t len)
{
    const uint32_t *v = strmap_get(&m->abbrevs, word, len);
    if (v)
        return (enum abbrev_kind) * v;
    buf fold = {0};
    uc_casefold(&fold, word, len);
    v = strmap_get(&m->abbrevs, buf_cstr(&fold), fold.len);
    buf_free(&fold);
    if (v)
        return (enum abbrev_kind) * v;
    const char *p = m->abbrev_suffixes.data;
    const char *end = p ? p + m->abbrev_suffixes.len : NULL;
    while (p && p < end) {
        enum abbrev_kind kind = (enum abbrev_kind) * p++;
        size_t n = strlen(p);
        if (len > n && memcmp(word + len - n, p, n) == 0)
            return kind;
        p += n + 1;
    }
    return ABBREV_NONE;
}
