/* jsonl.h: one article per line of JSON Lines, the streaming input of
 * summarize --jsonl and summarize brief:
 *
 *     {"id": "a1", "text": "...", "title": "...", "date": "2025-11-04",
 *      "lang": "de", "url": "https://..."}
 *
 * "text" is required, or instead "html": a web page, read as HTML (its
 * article and metadata); the others are optional ("id" may also be a
 * number; any other key is ignored). Lines may end in "\n" or "\r\n";
 * blank lines and a UTF-8 byte-order mark at the start of a line are
 * skipped; no string may hold "\u0000". */
#ifndef PRECIS_JSONL_H
#define PRECIS_JSONL_H

#include <stdio.h>
#include <stddef.h>

#include "util/buf.h"

/* ==== Lines ==== */

/* Reads the lines of a stream that hold a record: the reader owns a read
 * buffer; the FILE stays the caller's, and is read through its descriptor
 * (read(2), so a line is returned as soon as it has come, also from a
 * pipe): read nothing from it through stdio before. A zeroed reader is not
 * valid: use jsonl_reader_init. */
typedef struct jsonl_reader {
    FILE *f;
    size_t max;     /* longest line kept, in bytes (0: no limit) */
    size_t line_no; /* the number of the line last returned, from 1 */
    size_t chunk;   /* bytes a read asks for (at most the default, 64 KiB) */
    char *data;     /* read buffer */
    size_t pos, end;
    int eof;
    int err; /* errno of a failed read, else 0 */
} jsonl_reader;

/* Reads f with lines of at most max bytes (0: no limit). */
void jsonl_reader_init(jsonl_reader *r, FILE *f, size_t max);

/* Reads the next line that is not blank into line (cleared first),
 * without its line end ("\n", "\r\n" or the end of the input) or a
 * leading UTF-8 byte-order mark; r->line_no is then its line number.
 * Lines of only spaces, tabs and carriage returns are skipped. A line
 * longer than max bytes is read to its end but not kept: *too_long is set
 * and line is left empty, so memory stays bounded. Returns 1 with a line,
 * 0 at the end of the input or on a read error (r->err, or ferror(r->f)
 * for a FILE without a descriptor). */
int jsonl_read(jsonl_reader *r, buf *line, int *too_long);

/* Why reading stopped early: the errno of a failed read (EIO for a FILE
 * without a descriptor in error), or 0 after a clean end. */
int jsonl_reader_error(const jsonl_reader *r);

/* Frees the read buffer (not the FILE). */
void jsonl_reader_free(jsonl_reader *r);

/* ==== Records ==== */

typedef struct jsonl_record {
    buf id; /* the id as text: a string as is, a number printed */
    buf text;
    buf title;
    buf date;
    buf lang;
    buf url; /* where the article was published; empty when not given */
    buf site; /* the site or outlet that published it; empty when not
               * given */
    int has_title, has_date, has_lang;
    int is_html; /* text holds the record's "html" */
} jsonl_record;

/* Parses one line (len bytes, no newline needed) into rec, whose buffers
 * are cleared first. Returns 0, or -1 with a reason in err (err_size
 * bytes; the reason names no line, the caller adds where it was) for a
 * line that is not a JSON object with a string "text", or that holds
 * "\u0000" in any string (never truncated at it). Whatever was read of
 * "id" stays in rec->id, for the error report, unless the id itself held
 * the "\u0000". */
int jsonl_parse(const char *line, size_t len, jsonl_record *rec, char *err,
                size_t err_size);

void jsonl_record_free(jsonl_record *rec);

#endif
