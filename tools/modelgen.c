/* modelgen: freezes the models into C data at build time.
 *
 *   modelgen OUTPUT.c
 *
 * Loads every language's models from the compiled-in copy of models/
 * with the library's own loader (src/lang/model.c), idf.txt included, builds
 * the map from stopword to language bits that detection uses, and writes
 * all of it as initialised C structures: hash tables already filled, rule
 * chains already linked. The library then starts with nothing to parse
 * (src/lang/models_builtin.c). The output is written to OUTPUT.c.tmp and
 * renamed, so a failed run leaves no half-written source behind. */
#include <libstemmer.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/model.h"
#include "lang/models_builtin.h"

/* A C string literal for any bytes: octal escapes for everything but
 * letters, digits and a few safe characters (no trigraphs, no greedy hex
 * escapes). */
static void emit_string(FILE *out, const char *s, size_t len)
{
    fputc('"', out);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
            (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '.' ||
            c == '_' || c == '\'')
            fputc(c, out);
        else
            fprintf(out, "\\%03o", c);
    }
    fputc('"', out);
}

/* Writes the filled slots of m as a static array named name. */
static void emit_map_slots(FILE *out, const char *name, const strmap *m)
{
    if (!m->cap)
        return;
    fprintf(out, "static strmap_slot %s[%zu] = {\n", name, m->cap);
    for (size_t i = 0; i < m->cap; i++) {
        const strmap_slot *s = &m->slots[i];
        if (!s->key)
            continue;
        fprintf(out, "    [%zu] = {", i);
        emit_string(out, s->key, s->len);
        fprintf(out, ", %uu, %uu, %uu},\n", s->len, s->hash, s->value);
    }
    fputs("};\n", out);
}

static void emit_map_init(FILE *out, const char *name, const strmap *m)
{
    if (m->cap)
        fprintf(out, "{.slots = %s, .cap = %zu, .count = %zu}", name, m->cap,
                m->count);
    else
        fputs("{0}", out);
}

static void emit_buf_data(FILE *out, const char *name, const buf *b)
{
    if (!b->len)
        return;
    /* Bytes, not a string literal: C guarantees literals of only 4095
     * bytes. The NUL after the data is kept, as a buf has one. */
    fprintf(out, "static unsigned char %s[] = {", name);
    for (size_t i = 0; i <= b->len; i++)
        fprintf(out, "%s%u,", i % 24 ? "" : "\n", (unsigned char)b->data[i]);
    fputs("\n};\n", out);
}

static void emit_buf_init(FILE *out, const char *name, const buf *b)
{
    if (b->len)
        fprintf(out, "{.data = (char *)%s, .len = %zu, .cap = %zu}", name,
                b->len, b->len + 1);
    else
        fputs("{0}", out);
}

/* The per-kind rows of a bp_index table as ".name = {{...},...},":
 * value(ix, kind, column) gives each entry. */
static void emit_rows(FILE *out, const char *name, const bp_index *ix,
                      int (*value)(const bp_index *, int, int), int columns)
{
    fprintf(out, "    .%s = {", name);
    for (int k = 0; k < BP_KINDS; k++) {
        fputs("{", out);
        for (int c = 0; c < columns; c++)
            fprintf(out, "%d,", value(ix, k, c));
        fputs("},", out);
    }
    fputs("},\n", out);
}

static int head_at(const bp_index *ix, int k, int c)
{
    return (int)ix->head[k][c];
}

static int can_start_at(const bp_index *ix, int k, int c)
{
    return ix->can_start[k][c];
}

static int prefix3_at(const bp_index *ix, int k, int c)
{
    return ix->prefix3[k][c];
}

static int check_always_at(const bp_index *ix, int k, int c)
{
    return ix->check_always[k][c];
}

static void emit_rules_data(FILE *out, size_t lang, const bp_rules *r)
{
    if (!r->n)
        return;
    fprintf(out, "static bp_rule rules_%zu[] = {\n", lang);
    for (size_t i = 0; i < r->n; i++) {
        const bp_rule *rule = &r->rules[i];
        fprintf(out, "    {%d, (char *)", (int)rule->kind);
        emit_string(out, rule->pat, rule->len);
        fprintf(out, ", %zu, %d, %uu, %uu},\n", rule->len, (int)rule->next,
                (unsigned)rule->head4, (unsigned)rule->mask4);
    }
    fputs("};\n", out);
    const bp_index *ix = r->ix;
    fprintf(out, "static bp_index index_%zu = {\n", lang);
    emit_rows(out, "head", ix, head_at, 256);
    fputs("    .digit_head = {", out);
    for (int k = 0; k < BP_KINDS; k++)
        fprintf(out, "%s%d", k ? ", " : "", (int)ix->digit_head[k]);
    fputs("},\n", out);
    emit_rows(out, "can_start", ix, can_start_at, 256);
    emit_rows(out, "prefix3", ix, prefix3_at, (int)sizeof ix->prefix3[0]);
    emit_rows(out, "check_always", ix, check_always_at, 256);
    fputs("};\n", out);
}

static void emit_rules_init(FILE *out, size_t lang, const bp_rules *r)
{
    if (r->n)
        fprintf(out,
                "{.rules = rules_%zu, .n = %zu, .cap = %zu, "
                ".ix = &index_%zu}",
                lang, r->n, r->n, lang);
    else
        fputs("{0}", out);
}

/* ==== Stems of frequent words (words.txt) ==== */

typedef struct seed_state {
    struct sb_stemmer *sb;
    strmap words; /* the words taken, so that a repeat is skipped */
    buf text;     /* "word\0stem\0word\0stem\0..." in words.txt order */
} seed_state;

static void add_seed_word(void *ud, const char *word, size_t len)
{
    seed_state *st = ud;
    bool digits = true;
    for (size_t i = 0; i < len && digits; i++)
        digits = word[i] >= '0' && word[i] <= '9';
    /* Numbers are their own stems anyway (stem.c); long words are not
     * words the analyser makes (it cuts at PRECIS_MAX_TOKEN bytes). */
    if (digits || len > 64)
        return;
    const sb_symbol *r =
        sb_stemmer_stem(st->sb, (const sb_symbol *)word, (int)len);
    if (!r)
        return;
    size_t stem_len = (size_t)sb_stemmer_length(st->sb);
    /* A record must fit in a bucket after its flag byte; longer words
     * are left to Snowball. */
    if (len + stem_len + 3 > STEM_SEED_BUCKET - 1)
        return;
    int added;
    strmap_put(&st->words, word, len, 0, &added);
    if (!added)
        return;
    buf_put(&st->text, word, len);
    buf_putc(&st->text, '\0');
    buf_put(&st->text, r, stem_len);
    buf_putc(&st->text, '\0');
}

/* Writes st's words as language i's stem_seed table (seed_buckets_I,
 * seed_I; stem.h has the layout), the buckets about 70% full, so that few
 * words live outside their home bucket. Returns whether there was one. */
static int emit_seed_table(FILE *out, size_t i, const seed_state *st)
{
    if (!st->words.count)
        return 0;
    size_t total = 0;
    for (size_t at = 0; at < st->text.len;) {
        size_t wl = strlen(st->text.data + at);
        size_t sl = strlen(st->text.data + at + wl + 1);
        total += wl + sl + 3;
        at += wl + sl + 2;
    }
    size_t n = total * 10 / ((STEM_SEED_BUCKET - 1) * 7) + 1;
    unsigned char *buckets = calloc(n, STEM_SEED_BUCKET);
    size_t *fill = malloc(n * sizeof *fill);
    if (!buckets || !fill) {
        free(buckets);
        free(fill);
        return -1;
    }
    for (size_t b = 0; b < n; b++)
        fill[b] = 1;
    size_t away = 0;
    for (size_t at = 0; at < st->text.len;) {
        const char *word = st->text.data + at;
        size_t wl = strlen(word);
        const char *stem = word + wl + 1;
        size_t sl = strlen(stem);
        at += wl + sl + 2;
        size_t rec = wl + sl + 3;
        size_t home = (size_t)(strmap_hash64(word, wl) % n), b = home;
        while (fill[b] + rec > STEM_SEED_BUCKET) {
            buckets[b * STEM_SEED_BUCKET] |= 1;
            b = b + 1 == n ? 0 : b + 1;
        }
        away += b != home;
        unsigned char *r = buckets + b * STEM_SEED_BUCKET + fill[b];
        r[0] = (unsigned char)wl;
        r[1] = (unsigned char)sl;
        memcpy(r + 2, word, wl);
        memcpy(r + 2 + wl, stem, sl);
        fill[b] += rec;
    }
    fprintf(out,
            "/* %zu words in %zu buckets, %zu of them outside their home "
            "bucket */\n",
            st->words.count, n, away);
    fprintf(out,
            "_Alignas(%d) static const unsigned char seed_buckets_%zu[%zu] "
            "= {",
            STEM_SEED_BUCKET, i, n * STEM_SEED_BUCKET);
    for (size_t k = 0; k < n * STEM_SEED_BUCKET; k++)
        fprintf(out, "%s%u,", k % 24 ? "" : "\n", buckets[k]);
    fputs("\n};\n", out);
    fprintf(out,
            "static const stem_seed seed_%zu = {seed_buckets_%zu, %zu};\n",
            i, i, n);
    free(buckets);
    free(fill);
    return 1;
}

/* The same entries in the smallest table that keeps the load at most
 * num/den, placed as strmap's probing finds them. A table looked up mostly
 * for words it holds (idf) can be fuller (3/4) than a growing map, which
 * keeps the pages a lookup touches few; tables most lookups miss
 * (stopwords: most words are not) stay at 1/2, where a miss probes 2.5
 * slots on average rather than 8.5. */
static strmap pack_map(const strmap *in, size_t num, size_t den)
{
    size_t cap = 64;
    while (in->count * den > cap * num)
        cap *= 2;
    strmap out = {0};
    out.slots = calloc(cap, sizeof *out.slots);
    if (!out.slots)
        return out;
    out.cap = cap;
    out.count = in->count;
    for (size_t k = 0; k < in->cap; k++) {
        const strmap_slot *s = &in->slots[k];
        if (!s->key)
            continue;
        size_t i = s->hash & (cap - 1);
        while (out.slots[i].key)
            i = (i + 1) & (cap - 1);
        out.slots[i] = *s;
    }
    return out;
}

/* Repacks m in place at most num/den full (its keys stay in its arena). */
static int repack(strmap *m, size_t num, size_t den)
{
    if (!m->count)
        return 0;
    strmap packed = pack_map(m, num, den);
    if (!packed.slots)
        return -1;
    free(m->slots);
    m->slots = packed.slots;
    m->cap = packed.cap;
    return 0;
}

/* Emits the seed table of language i (nothing when it has no words.txt)
 * and sets *has_seed. */
static void emit_seed(FILE *out, size_t i, const char *language, bool *has_seed,
                      int *failed)
{
    *has_seed = false;
    buf text = {0}, err = {0};
    bool found = false;
    if (model_read(language, "words.txt", NULL, &text, &found, &err) !=
        PRECIS_OK) {
        fprintf(stderr, "modelgen: %s\n", buf_cstr(&err));
        *failed = 1;
    }
    seed_state st = {sb_stemmer_new(language, "UTF_8"), {0}, {0}};
    if (found && st.sb && !*failed) {
        model_each_line(buf_cstr(&text), text.len, add_seed_word, &st);
        int r = emit_seed_table(out, i, &st);
        if (r < 0)
            *failed = 1;
        *has_seed = r > 0;
    }
    if (st.sb)
        sb_stemmer_delete(st.sb);
    strmap_free(&st.words);
    buf_free(&st.text);
    buf_free(&text);
    buf_free(&err);
}

static void emit_weights(FILE *out, const rank_weights *w)
{
    /* Hexadecimal floating constants: exactly the parsed values. */
    fprintf(out,
            "{.lead = %a, .lead_decay = %a, .centrality = %a, .centroid = %a,"
            " .title = %a, .length = %a, .quote = %a, .damping = %a,"
            " .edge_threshold = %a, .mmr_lambda = %a, .background_idf = %a}",
            w->lead, w->lead_decay, w->centrality, w->centroid, w->title,
            w->length, w->quote, w->damping, w->edge_threshold, w->mmr_lambda,
            w->background_idf);
}

/* The tables of language i's model, named NAME_i. */
static void emit_language_data(FILE *out, size_t i, const lang_model *m)
{
    const struct {
        const char *name;
        const strmap *map;
    } maps[] = {{"stopwords", &m->stopwords},
                {"openers", &m->openers},
                {"abbrevs", &m->abbrevs},
                {"idf", &m->idf}};
    char name[64];
    for (size_t k = 0; k < sizeof maps / sizeof maps[0]; k++) {
        snprintf(name, sizeof name, "%s_%zu", maps[k].name, i);
        emit_map_slots(out, name, maps[k].map);
    }
    snprintf(name, sizeof name, "months_%zu", i);
    emit_buf_data(out, name, &m->months);
    snprintf(name, sizeof name, "weekdays_%zu", i);
    emit_buf_data(out, name, &m->weekdays);
    snprintf(name, sizeof name, "dangling_%zu", i);
    emit_buf_data(out, name, &m->dangling);
    snprintf(name, sizeof name, "suffixes_%zu", i);
    emit_buf_data(out, name, &m->abbrev_suffixes);
    emit_rules_data(out, i, &m->boilerplate);
}

/* Starts field FIELD of an initialiser (",\n        .FIELD = ") and
 * writes the name of its table, TABLE_i, into name. */
static void start_field(FILE *out, const char *field, const char *table,
                        size_t i, char name[64])
{
    snprintf(name, 64, "%s_%zu", table, i);
    fprintf(out, ",\n        .%s = ", field);
}

static void emit_map_field(FILE *out, const char *field, const char *table,
                           size_t i, const strmap *m)
{
    char name[64];
    start_field(out, field, table, i, name);
    emit_map_init(out, name, m);
}

static void emit_buf_field(FILE *out, const char *field, const char *table,
                           size_t i, const buf *b)
{
    char name[64];
    start_field(out, field, table, i, name);
    emit_buf_init(out, name, b);
}

/* Language i's entry of precis__builtin_models. */
static void emit_language_init(FILE *out, size_t i, const char *language,
                               const lang_model *m, bool has_seed)
{
    fputs("    {\n        .builtin = 1", out);
    emit_map_field(out, "stopwords", "stopwords", i, &m->stopwords);
    emit_map_field(out, "openers", "openers", i, &m->openers);
    emit_map_field(out, "abbrevs", "abbrevs", i, &m->abbrevs);
    emit_map_field(out, "idf", "idf", i, &m->idf);
    emit_buf_field(out, "months", "months", i, &m->months);
    emit_buf_field(out, "weekdays", "weekdays", i, &m->weekdays);
    emit_buf_field(out, "dangling", "dangling", i, &m->dangling);
    emit_buf_field(out, "abbrev_suffixes", "suffixes", i, &m->abbrev_suffixes);
    fputs(",\n        .boilerplate = ", out);
    emit_rules_init(out, i, &m->boilerplate);
    fputs(",\n        .weights = ", out);
    emit_weights(out, &m->weights);
    fprintf(out, ",\n        .idf_docs = %uu,\n        .idf_tried = 1",
            m->idf_docs);
    fputs(",\n        .language = ", out);
    emit_string(out, language, strlen(language));
    if (has_seed)
        fprintf(out, ",\n        .stem_seed = &seed_%zu", i);
    fputs(",\n    },\n", out);
}

/* The detection table (models_builtin.h): langs's words as fingerprints
 * with their language bits, at most half full. Two words with the same
 * fingerprint in one probe run share a slot (their bits merged). */
static void emit_lang_bits(FILE *out, const strmap *langs)
{
    size_t cap = 64;
    while (langs->count * 2 > cap)
        cap *= 2;
    lang_bits_slot *slots = calloc(cap, sizeof *slots);
    if (!slots) {
        fputs("#error modelgen ran out of memory\n", out);
        return;
    }
    for (size_t k = 0; k < langs->cap; k++) {
        const strmap_slot *w = &langs->slots[k];
        if (!w->key)
            continue;
        uint64_t h = strmap_hash64(w->key, w->len);
        uint32_t fp = (uint32_t)(h >> 32) | 1;
        size_t i = h & (cap - 1);
        while (slots[i].fp && slots[i].fp != fp)
            i = (i + 1) & (cap - 1);
        slots[i].fp = fp;
        slots[i].bits |= w->value;
    }
    fprintf(out, "static const lang_bits_slot lang_bits[%zu] = {\n", cap);
    for (size_t i = 0; i < cap; i++)
        if (slots[i].fp)
            fprintf(out, "    [%zu] = {%uu, %uu},\n", i, slots[i].fp,
                    slots[i].bits);
    fprintf(out,
            "};\nconst lang_bits_table precis__builtin_lang_bits = "
            "{lang_bits, %zu};\n",
            cap);
    free(slots);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: modelgen OUTPUT.c\n");
        return 2;
    }
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]) >= (int)sizeof tmp)
        return 1;
    FILE *out = fopen(tmp, "w");
    if (!out) {
        perror(tmp);
        return 1;
    }
    const char **names = sb_stemmer_list();
    size_t n = 0;
    while (names[n])
        n++;
    lang_model *models = calloc(n ? n : 1, sizeof *models);
    bool *seeds = calloc(n ? n : 1, sizeof *seeds);
    strmap langs = {0};
    int failed = !models || !seeds;
    for (size_t i = 0; i < n && !failed; i++) {
        buf err = {0};
        if (model_load(&models[i], names[i], NULL, &err) != PRECIS_OK) {
            fprintf(stderr, "modelgen: %s: %s\n", names[i], buf_cstr(&err));
            failed = 1;
        }
        buf_free(&err);
        if (failed)
            break;
        model_need_idf(&models[i]);
        lang_model *m = &models[i];
        if (repack(&m->stopwords, 1, 2) || repack(&m->openers, 1, 2) ||
            repack(&m->abbrevs, 1, 2) || repack(&m->idf, 3, 4)) {
            fprintf(stderr, "modelgen: out of memory\n");
            failed = 1;
            break;
        }
        /* Detection profiles at most 32 languages (one bit each). */
        if (i < 32)
            model_add_stopword_bit(&langs, &models[i].stopwords,
                                   (uint32_t)1 << i);
    }
    if (!failed) {
        fputs("/* Generated by tools/modelgen.c from models/: do not edit. "
              "*/\n#include \"lang/models_builtin.h\"\n\n",
              out);
        for (size_t i = 0; i < n; i++) {
            fprintf(out, "/* %s */\n", names[i]);
            emit_seed(out, i, names[i], &seeds[i], &failed);
            emit_language_data(out, i, &models[i]);
        }
        emit_lang_bits(out, &langs);
        fputs("\nconst lang_model precis__builtin_models[] = {\n", out);
        for (size_t i = 0; i < n; i++)
            emit_language_init(out, i, names[i], &models[i], seeds[i]);
        if (!n)
            fputs("    {0},\n", out);
        fputs("};\n\nconst char *const precis__builtin_languages[] = {\n", out);
        for (size_t i = 0; i < n; i++) {
            fputs("    ", out);
            emit_string(out, names[i], strlen(names[i]));
            fputs(",\n", out);
        }
        fputs("    NULL,\n};\n\nconst uint32_t precis__builtin_profiled = ",
              out);
        uint32_t profiled = 0;
        for (size_t i = 0; i < n && i < 32; i++)
            if (models[i].stopwords.count)
                profiled |= (uint32_t)1 << i;
        fprintf(out, "%uu;\n", profiled);
    }
    for (size_t i = 0; i < n && models; i++)
        model_free(&models[i]);
    free(models);
    free(seeds);
    strmap_free(&langs);
    if (fclose(out) != 0 || failed) {
        if (!failed)
            perror(tmp);
        remove(tmp);
        return 1;
    }
    if (rename(tmp, argv[1]) != 0) {
        perror(argv[1]);
        remove(tmp);
        return 1;
    }
    return 0;
}
