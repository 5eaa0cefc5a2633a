/* jsonl.h: one article per line of JSON Lines, the streaming input of
 * summarize --jsonl and summarize brief:
 *
 *     {"id": "a1", "text": "...", "title": "...", "date": "2025-11-04",
 *      "lang": "de", "url": "https://..."}
 *
 * "text" is required, or instead "html": a web page, read as HTML (its
 * article and metadata); the others are optional ("id" may also be a
 * number; any other key is ignored). */
#ifndef PRECIS_JSONL_H
#define PRECIS_JSONL_H

#include <stddef.h>

#include "util/buf.h"

typedef struct jsonl_record {
    buf id; /* the id as text: a string as is, a number printed */
    buf text;
    buf title;
    buf date;
    buf lang;
    buf url; /* where the article was published; empty when not given */
    int has_title, has_date, has_lang;
    int is_html; /* text holds the record's "html" */
} jsonl_record;

/* Parses one line (len bytes, no newline needed) into rec, whose buffers
 * are cleared first. Returns 0, or -1 with a reason in err (err_size
 * bytes) for a line that is not a JSON object with a string "text".
 * Whatever was read of "id" stays in rec->id, for the error report. */
int jsonl_parse(const char *line, size_t len, jsonl_record *rec, char *err,
                size_t err_size);

void jsonl_record_free(jsonl_record *rec);

#endif
