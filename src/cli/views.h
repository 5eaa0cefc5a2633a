/* views.h: what summarize split, headlines and keywords print, in each
 * format they offer (text, JSON, Markdown for headlines). The summary
 * itself is rendered by libprecis. */
#ifndef PRECIS_VIEWS_H
#define PRECIS_VIEWS_H

#include "cli/cli.h"
#include "precis.h"

/* Appends doc's view for o->command (CMD_SPLIT, CMD_HEADLINES or
 * CMD_KEYWORDS) in o->format (text, json, jsonl or, for headlines, md) to
 * out. source names the input in JSON (NULL: null). JSON is one object
 * followed by a newline, indented with --json-pretty. Aborts on out of
 * memory; never fails otherwise. */
void view_write(const precis_doc *doc, const cli_opts *o, const char *source,
                precis_membuf *out);

#endif
