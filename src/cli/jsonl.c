/* jsonl.c: JSON Lines records through jansson, which owns the parsing of
 * JSON (escapes, surrogates, nesting), the classic place for bugs. */
#include "cli/jsonl.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

static void take_string(json_t *obj, const char *key, buf *out, int *has)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_string(v))
        return;
    buf_put(out, json_string_value(v), json_string_length(v));
    if (has)
        *has = 1;
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
    rec->has_title = rec->has_date = rec->has_lang = rec->is_html = 0;
    json_error_t jerr;
    /* JSON_ALLOW_NUL: a "\u0000" in the text reaches ingest, which knows
     * what to do with NUL bytes; jansson's default would refuse it. */
    json_t *root =
        json_loadb(line, len, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
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
        buf_put(&rec->id, json_string_value(id), json_string_length(id));
    } else if (json_is_integer(id)) {
        buf_printf(&rec->id, "%lld", (long long)json_integer_value(id));
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
}
