/* fuzz_jsonl: the JSON Lines reader (src/cli/jsonl.h), as summarize --jsonl
 * uses it: each line of the input is parsed into one record, reused from
 * line to line.
 *
 * Byte 0: bit 0 also summarises each record's text (its first 16 KiB)
 * through a document, in the record's language when it names one. The
 * rest: lines of JSON.
 *
 * Checks: a parsed record round-trips (its fields, written back as JSON
 * with jansson and parsed again, come out the same); a refused line
 * leaves a message; buffers never hold stale bytes from an earlier line;
 * the document path takes whatever bytes "text" held. */
#include <jansson.h>

#include "fuzz_util.h"
#include "cli/jsonl.h"

static int same(const buf *a, const buf *b)
{
    return a->len == b->len &&
           (a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

/* Writes rec back as a JSON line and parses it again into *again. */
static void round_trip(const jsonl_record *rec, jsonl_record *again)
{
    json_t *o = json_object();
    FUZZ_CHECK(o != NULL);
    json_object_set_new(o, "id", json_stringn(buf_cstr(&rec->id), rec->id.len));
    json_object_set_new(o, "text",
                        json_stringn(buf_cstr(&rec->text), rec->text.len));
    if (rec->has_title)
        json_object_set_new(o, "title", json_stringn(buf_cstr(&rec->title),
                                                     rec->title.len));
    if (rec->has_date)
        json_object_set_new(o, "date",
                            json_stringn(buf_cstr(&rec->date), rec->date.len));
    if (rec->has_lang)
        json_object_set_new(o, "lang",
                            json_stringn(buf_cstr(&rec->lang), rec->lang.len));
    /* Every value was valid UTF-8 (jansson checked it on the way in), so
     * every key must have been set. */
    FUZZ_CHECK(json_object_size(o) ==
               2u + (unsigned)(rec->has_title + rec->has_date + rec->has_lang));
    char *line = json_dumps(o, JSON_COMPACT);
    FUZZ_CHECK(line != NULL);
    json_decref(o);
    char err[256];
    FUZZ_CHECK(jsonl_parse(line, strlen(line), again, err, sizeof err) == 0);
    free(line);
    FUZZ_CHECK(same(&rec->id, &again->id));
    FUZZ_CHECK(same(&rec->text, &again->text));
    FUZZ_CHECK(same(&rec->title, &again->title));
    FUZZ_CHECK(same(&rec->date, &again->date));
    FUZZ_CHECK(same(&rec->lang, &again->lang));
    FUZZ_CHECK(rec->has_title == again->has_title &&
               rec->has_date == again->has_date &&
               rec->has_lang == again->has_lang);
}

/* The record's text through ingest, segment and summarize. */
static void summarise(const jsonl_record *rec)
{
    unsigned lang = 0; /* english */
    if (rec->has_lang) {
        const char *name = precis_language_resolve(buf_cstr(&rec->lang));
        if (name && strcmp(name, "german") == 0)
            lang = 2;
        else if (name && strcmp(name, "english") != 0)
            lang = 1; /* auto */
    }
    precis_doc *doc = precis_doc_new(fuzz_ctx(lang));
    size_t n = rec->text.len < 16384 ? rec->text.len : 16384;
    FUZZ_CHECK(precis_doc_feed(doc, buf_cstr(&rec->text), n) == PRECIS_OK);
    if (precis_doc_finish(doc, NULL) == PRECIS_OK) {
        fuzz_check_doc(doc);
        FUZZ_CHECK(precis_doc_summarize(doc, NULL) == PRECIS_OK);
        fuzz_check_summary(doc);
    }
    precis_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    unsigned b0 = fuzz_byte(&in);
    jsonl_record rec, again;
    memset(&rec, 0, sizeof rec);
    memset(&again, 0, sizeof again);
    const char *p = (const char *)in.p;
    size_t n = in.n, at = 0;
    while (at <= n) {
        const char *nl = memchr(p + at, '\n', n - at);
        size_t len = nl ? (size_t)(nl - (p + at)) : n - at;
        char err[128];
        err[0] = '\0';
        int rc = jsonl_parse(p + at, len, &rec, err, sizeof err);
        if (rc == 0) {
            round_trip(&rec, &again);
            if (b0 & 1)
                summarise(&rec);
        } else {
            FUZZ_CHECK(rc == -1);
            FUZZ_CHECK(err[0] != '\0');
            FUZZ_CHECK(rec.text.len == 0 && rec.title.len == 0 &&
                       rec.date.len == 0 && rec.lang.len == 0);
        }
        if (!nl)
            break;
        at += len + 1;
    }
    jsonl_record_free(&rec);
    jsonl_record_free(&again);
    return 0;
}
