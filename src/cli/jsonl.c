/* jsonl.c: JSON Lines records through jansson, which owns the parsing of
 * JSON (escapes, surrogates, nesting), the classic place for bugs; the
 * line reader (line ends, blank lines, byte-order marks, long lines) and
 * the quoting of names for the terminal. */
#include "cli/jsonl.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/alloc.h"
#include "util/utf8.h"

/* ==== Lines ==== */

#define READ_CHUNK 65536

void jsonl_reader_init(jsonl_reader *r, FILE *f, size_t max)
{
    memset(r, 0, sizeof *r);
    r->f = f;
    r->max = max;
    r->chunk = READ_CHUNK;
    r->data = precis__malloc(READ_CHUNK);
}

int jsonl_reader_error(const jsonl_reader *r)
{
    return r->err ? r->err : ferror(r->f) ? EIO : 0;
}

void jsonl_reader_free(jsonl_reader *r)
{
    free(r->data);
    r->data = NULL;
}

/* Reads what is there, up to a chunk: read(2) on the stream's descriptor
 * returns as soon as a pipe has bytes, where fread would wait for a whole
 * chunk, so a record is answered while the writer still holds the pipe
 * open. A FILE without a descriptor (fmemopen) goes through fread. Returns
 * 0 at the end or on an error (r->err). */
static size_t fill(jsonl_reader *r)
{
    size_t want = r->chunk && r->chunk < READ_CHUNK ? r->chunk : READ_CHUNK;
    int fd = fileno(r->f);
    if (fd < 0)
        return fread(r->data, 1, want, r->f);
    for (;;) {
        ssize_t n = read(fd, r->data, want);
        if (n >= 0)
            return (size_t)n;
        if (errno != EINTR) {
            r->err = errno;
            return 0;
        }
    }
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

int jsonl_read(jsonl_reader *r, buf *line, int *too_long)
{
    for (;;) {
        buf_clear(line);
        *too_long = 0;
        int any = 0;
        /* One byte more than max is kept, for a "\r" before the "\n". */
        size_t keep = r->max ? r->max + 1 : (size_t)-1;
        for (;;) {
            if (r->pos == r->end) {
                if (r->eof)
                    break;
                r->pos = 0;
                r->end = fill(r);
                if (r->end == 0) {
                    r->eof = 1;
                    break;
                }
            }
            any = 1;
            const char *p = r->data + r->pos;
            const char *nl = memchr(p, '\n', r->end - r->pos);
            size_t take = nl ? (size_t)(nl - p) : r->end - r->pos;
            if (!*too_long) {
                if (take > keep - line->len) {
                    *too_long = 1; /* read on to the end, keep nothing */
                    buf_clear(line);
                } else {
                    buf_put(line, p, take);
                }
            }
            r->pos += take + (nl != NULL);
            if (nl)
                break;
        }
        if (!any)
            return 0;
        r->line_no++;
        if (*too_long)
            return 1;
        if (line->len && line->data[line->len - 1] == '\r')
            line->data[--line->len] = '\0';
        if (r->max && line->len > r->max) {
            *too_long = 1;
            buf_clear(line);
            return 1;
        }
        /* A byte-order mark: an editor's at the start of the file, or at
         * the start of a file concatenated into the stream. */
        if (line->len >= 3 && memcmp(line->data, "\xEF\xBB\xBF", 3) == 0) {
            memmove(line->data, line->data + 3, line->len - 3 + 1);
            line->len -= 3;
        }
        if (!blank(line->data ? line->data : "", line->len))
            return 1;
    }
}

/* ==== Records ==== */

static void take_string(json_t *obj, const char *key, buf *out, int *has)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_string(v))
        return;
    buf_put(out, json_string_value(v), json_string_length(v));
    if (has)
        *has = 1;
}

/* Whether v or anything inside it is a string holding a NUL. jansson
 * bounds the nesting (2048 levels), and so the recursion. */
static int holds_nul(json_t *v)
{
    if (json_is_string(v))
        return memchr(json_string_value(v), '\0', json_string_length(v)) !=
               NULL;
    if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++)
            if (holds_nul(json_array_get(v, i)))
                return 1;
        return 0;
    }
    if (json_is_object(v)) {
        const char *key;
        json_t *item;
        json_object_foreach(v, key, item) {
            if (holds_nul(item))
                return 1;
        }
    }
    return 0;
}

/* Refuses a record with "\u0000" in any string: a NUL would cut the id,
 * title or language short wherever C strings are used, and an article's
 * text never holds one. The keys this reader uses are named. */
static int refuse_nul(json_t *root, char *err, size_t err_size)
{
    static const char *const known[] = {"id",   "text", "html", "title",
                                        "date", "lang", "url",  "site"};
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v) {
        if (!holds_nul(v))
            continue;
        const char *name = NULL;
        for (size_t i = 0; i < sizeof known / sizeof *known; i++)
            if (strcmp(key, known[i]) == 0)
                name = known[i];
        if (name)
            snprintf(err, err_size,
                     "\"%s\" holds a NUL character (U+0000): refused", name);
        else
            snprintf(err, err_size,
                     "a string holds a NUL character (U+0000): refused");
        return -1;
    }
    return 0;
}

int jsonl_parse(const char *line, size_t len, jsonl_record *rec, char *err,
                size_t err_size)
{
    buf_clear(&rec->id);
    buf_clear(&rec->text);
    buf_clear(&rec->title);
    buf_clear(&rec->date);
    buf_clear(&rec->lang);
    buf_clear(&rec->url);
    buf_clear(&rec->site);
    rec->has_title = rec->has_date = rec->has_lang = rec->is_html = 0;
    json_error_t jerr;
    /* JSON_ALLOW_NUL, so that refuse_nul can say which key held one
     * (jansson's own refusal names none). */
    json_t *root =
        json_loadb(line, len, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
#if JANSSON_VERSION_HEX >= 0x020e00
        if (json_error_code(&jerr) == json_error_null_byte_in_key) {
            snprintf(err, err_size,
                     "a key holds a NUL character (U+0000) at column %d: "
                     "refused",
                     jerr.column);
            return -1;
        }
#endif
        snprintf(err, err_size, "invalid JSON at column %d: %s", jerr.column,
                 jerr.text);
        return -1;
    }
    if (!json_is_object(root)) {
        snprintf(err, err_size, "a line must hold a JSON object");
        json_decref(root);
        return -1;
    }
    json_t *id = json_object_get(root, "id");
    if (json_is_string(id)) {
        if (!memchr(json_string_value(id), '\0', json_string_length(id)))
            buf_put(&rec->id, json_string_value(id), json_string_length(id));
    } else if (json_is_integer(id)) {
        buf_printf(&rec->id, "%lld", (long long)json_integer_value(id));
    }
    if (refuse_nul(root, err, err_size) != 0) {
        json_decref(root);
        return -1;
    }
    json_t *text = json_object_get(root, "text");
    /* A web page as it was fetched: {"id": ..., "html": "<!doctype..."}. */
    json_t *html = json_object_get(root, "html");
    if (!text && json_is_string(html)) {
        text = html;
        rec->is_html = 1;
    }
    if (!json_is_string(text)) {
        snprintf(err, err_size, "%s",
                 text ? "\"text\" must be a string"
                 : html ? "\"html\" must be a string"
                        : "no \"text\" or \"html\" in the record");
        json_decref(root);
        return -1;
    }
    buf_put(&rec->text, json_string_value(text), json_string_length(text));
    take_string(root, "title", &rec->title, &rec->has_title);
    take_string(root, "date", &rec->date, &rec->has_date);
    take_string(root, "lang", &rec->lang, &rec->has_lang);
    take_string(root, "url", &rec->url, NULL);
    take_string(root, "site", &rec->site, NULL);
    json_decref(root);
    return 0;
}

void jsonl_record_free(jsonl_record *rec)
{
    buf_free(&rec->id);
    buf_free(&rec->text);
    buf_free(&rec->title);
    buf_free(&rec->date);
    buf_free(&rec->lang);
    buf_free(&rec->url);
    buf_free(&rec->site);
}
