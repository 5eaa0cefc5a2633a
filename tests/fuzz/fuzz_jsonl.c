/* fuzz_jsonl: the JSON Lines reader (src/cli/jsonl.h), as summarize --jsonl
 * uses it: the input is read as a stream (fmemopen) by jsonl_read, a few
 * bytes at a time, and each line it returns is parsed into one record,
 * reused from line to line.
 *
 * Byte 0: bit 0 also summarises each record's text (its first 16 KiB)
 * through a document, in the record's language when it names one; bits
 * 1-7 the reader's read size (1 to 127 bytes, so lines cross reads).
 * Byte 1: the longest line kept (0: no limit, else 1 to 255 x 16 bytes).
 * The rest: lines of JSON.
 *
 * Checks: the reader returns lines in order, without line ends, never a
 * blank one, none longer than the limit, and together with the blank and
 * too-long ones as many as the input has; a parsed record round-trips
 * (its fields, written back as JSON with jansson and parsed again, come
 * out the same) and holds no NUL; a refused line leaves a message;
 * buffers never hold stale bytes from an earlier line; the document path
 * takes whatever bytes "text" held; an id quoted for the terminal
 * (quote_for_terminal) is valid UTF-8 without a control character. */
#include <jansson.h>

#include "fuzz_util.h"
#include "cli/jsonl.h"
#include "cli/quote.h"

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

/* quote_for_terminal's promise: printable UTF-8, no C0, DEL or C1 control. */
static void check_quoted(const buf *id)
{
    buf q = {0};
    quote_for_terminal(&q, buf_cstr(id), id->len);
    FUZZ_CHECK(q.len >= id->len);
    FUZZ_CHECK(fuzz_utf8_valid(buf_cstr(&q), q.len));
    for (size_t i = 0; i < q.len; i++) {
        unsigned char c = (unsigned char)q.data[i];
        FUZZ_CHECK(c >= 0x20 && c != 0x7F);
        if (c == 0xC2 && i + 1 < q.len)
            FUZZ_CHECK((unsigned char)q.data[i + 1] >= 0xA0);
    }
    buf_free(&q);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    unsigned b0 = fuzz_byte(&in);
    size_t max = (size_t)fuzz_byte(&in) * 16;
    if (in.n == 0)
        return 0; /* fmemopen wants a size */
    FILE *f = fmemopen((void *)in.p, in.n, "r");
    FUZZ_CHECK(f != NULL);
    size_t lines = 1;
    for (size_t i = 0; i < in.n; i++)
        lines += in.p[i] == '\n';
    jsonl_reader rd;
    jsonl_reader_init(&rd, f, max);
    rd.chunk = (b0 >> 1) ? (b0 >> 1) : 1;
    jsonl_record rec, again;
    memset(&rec, 0, sizeof rec);
    memset(&again, 0, sizeof again);
    buf line = {0};
    int too_long;
    size_t last = 0;
    while (jsonl_read(&rd, &line, &too_long)) {
        FUZZ_CHECK(rd.line_no > last && rd.line_no <= lines);
        last = rd.line_no;
        FUZZ_CHECK(memchr(buf_cstr(&line), '\n', line.len) == NULL);
        FUZZ_CHECK(!max || line.len <= max);
        if (too_long) {
            FUZZ_CHECK(line.len == 0);
            continue;
        }
        size_t j = 0;
        while (j < line.len && (line.data[j] == ' ' || line.data[j] == '\t' ||
                                line.data[j] == '\r'))
            j++;
        FUZZ_CHECK(j < line.len); /* never blank */
        char err[128];
        err[0] = '\0';
        int rc = jsonl_parse(buf_cstr(&line), line.len, &rec, err, sizeof err);
        check_quoted(&rec.id);
        FUZZ_CHECK(memchr(buf_cstr(&rec.id), '\0', rec.id.len) == NULL);
        if (rc == 0) {
            FUZZ_CHECK(memchr(buf_cstr(&rec.text), '\0', rec.text.len) == NULL);
            round_trip(&rec, &again);
            if (b0 & 1)
                summarise(&rec);
        } else {
            FUZZ_CHECK(rc == -1);
            FUZZ_CHECK(err[0] != '\0');
            FUZZ_CHECK(strncmp(err, "line", 4) != 0); /* the caller says where */
            FUZZ_CHECK(rec.text.len == 0 && rec.title.len == 0 &&
                       rec.date.len == 0 && rec.lang.len == 0);
        }
    }
    FUZZ_CHECK(!ferror(f) && rd.err == 0);
    buf_free(&line);
    jsonl_reader_free(&rd);
    fclose(f);
    jsonl_record_free(&rec);
    jsonl_record_free(&again);
    return 0;
}
