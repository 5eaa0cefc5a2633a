/* views.c: the subcommands' views of a document.
 *
 *   split      the cleaned body, one sentence a line
 *   headlines  the sidebar's timestamped items, HH:MM<TAB>headline
 *   keywords   the key phrases, best first
 *
 * JSON views share the summary's keys where they mean the same ("version",
 * "source", "sentences", "headlines", "keywords") and are built by
 * jansson, which does the quoting. */
#include "cli/views.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "util/json_util.h"

static json_t *need(json_t *v)
{
    if (!v) {
        fputs("precis: out of memory\n", stderr);
        abort();
    }
    return v;
}

static void set(json_t *obj, const char *key, json_t *value)
{
    if (json_object_set_new(obj, key, need(value)) != 0)
        need(NULL);
}

static void append(json_t *arr, json_t *value)
{
    if (json_array_append_new(arr, need(value)) != 0)
        need(NULL);
}

static void put(precis_membuf *out, const void *p, size_t n)
{
    precis_sink sink = precis_sink_mem(out);
    sink.write(sink.ud, p, n);
}

static void puts_mem(precis_membuf *out, const char *s)
{
    put(out, s, strlen(s));
}

/* ==== Text ==== */

static void text_view(const precis_doc *doc, enum cli_command cmd,
                      precis_membuf *out)
{
    if (cmd == CMD_SPLIT) {
        for (size_t i = 0; i < precis_doc_sentence_count(doc); i++) {
            precis_sentence s;
            precis_doc_sentence(doc, i, &s);
            put(out, s.text, s.len);
            put(out, "\n", 1);
        }
    } else if (cmd == CMD_HEADLINES) {
        for (size_t i = 0; i < precis_doc_headline_count(doc); i++) {
            precis_headline h;
            precis_doc_headline(doc, i, &h);
            put(out, h.time, h.time_len);
            put(out, "\t", 1);
            put(out, h.text, h.len);
            put(out, "\n", 1);
        }
    } else {
        for (size_t i = 0; i < precis_doc_keyword_count(doc); i++) {
            size_t len;
            const char *k;
            if (precis_doc_keyword(doc, i, &k, &len) != PRECIS_OK)
                continue;
            put(out, k, len);
            put(out, "\n", 1);
        }
    }
}

/* ==== Markdown (headlines) ==== */

/* Writes input text so that it stays text in CommonMark: the characters
 * that can open or close an inline construct are backslash-escaped (any
 * ASCII punctuation may be), and so is what would start a block at the
 * start of a piece ("- ", "+ ", "1. ", "2) ", "="); control characters
 * become spaces so that an item stays on its line. */
static void md_text(precis_membuf *out, const char *p, size_t len)
{
    size_t digits = 0;
    bool at_start = true;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c < 0x20 || c == 0x7f)
            c = ' ';
        bool esc = strchr("\\`*_[]<>#|~&", c) != NULL;
        if (at_start && c >= '0' && c <= '9') {
            digits++;
        } else if (at_start) {
            esc = esc || (digits ? c == '.' || c == ')'
                                 : c == '-' || c == '+' || c == '=');
            at_start = false;
        }
        if (esc && c != '\0')
            put(out, "\\", 1);
        put(out, &c, 1);
    }
}

/* "# Title" when there is one, then "- **12:20** Headline" a line. */
static void md_headlines(const precis_doc *doc, precis_membuf *out)
{
    size_t tlen;
    const char *title = precis_doc_title(doc, &tlen);
    if (title && tlen) {
        puts_mem(out, "# ");
        md_text(out, title, tlen);
        puts_mem(out, "\n\n");
    }
    for (size_t i = 0; i < precis_doc_headline_count(doc); i++) {
        precis_headline h;
        precis_doc_headline(doc, i, &h);
        puts_mem(out, "- ");
        if (h.time_len) {
            puts_mem(out, "**");
            md_text(out, h.time, h.time_len);
            puts_mem(out, "** ");
        }
        md_text(out, h.text, h.len);
        put(out, "\n", 1);
    }
}

/* ==== JSON ==== */

static json_t *json_view(const precis_doc *doc, enum cli_command cmd,
                         const char *source)
{
    json_t *root = need(json_object());
    set(root, "version", json_integer(PRECIS_JSON_VERSION));
    set(root, "source",
        precis__json_string(source, source ? strlen(source) : 0));
    size_t tlen;
    const char *title = precis_doc_title(doc, &tlen);
    set(root, "title", precis__json_string(title, tlen));
    if (cmd == CMD_SPLIT) {
        const char *lang = precis_doc_language(doc);
        set(root, "language",
            precis__json_string(lang, lang ? strlen(lang) : 0));
        json_t *arr = need(json_array());
        for (size_t i = 0; i < precis_doc_sentence_count(doc); i++) {
            precis_sentence s;
            precis_doc_sentence(doc, i, &s);
            json_t *o = need(json_object());
            set(o, "text", precis__json_string(s.text, s.len));
            set(o, "index", json_integer((json_int_t)i));
            set(o, "offset", json_integer((json_int_t)s.offset));
            set(o, "length", json_integer((json_int_t)s.len));
            append(arr, o);
        }
        set(root, "sentences", arr);
    } else if (cmd == CMD_HEADLINES) {
        json_t *arr = need(json_array());
        for (size_t i = 0; i < precis_doc_headline_count(doc); i++) {
            precis_headline h;
            precis_doc_headline(doc, i, &h);
            json_t *o = need(json_object());
            set(o, "time", precis__json_string(h.time, h.time_len));
            set(o, "text", precis__json_string(h.text, h.len));
            append(arr, o);
        }
        set(root, "headlines", arr);
    } else {
        json_t *arr = need(json_array());
        for (size_t i = 0; i < precis_doc_keyword_count(doc); i++) {
            size_t len;
            const char *k;
            if (precis_doc_keyword(doc, i, &k, &len) == PRECIS_OK)
                append(arr, precis__json_string(k, len));
        }
        set(root, "keywords", arr);
    }
    return root;
}

void view_write(const precis_doc *doc, const cli_opts *o, const char *source,
                precis_membuf *out)
{
    if (o->format == FMT_JSON || o->format == FMT_JSONL) {
        json_t *root = json_view(doc, o->command, source);
        size_t flags = JSON_PRESERVE_ORDER;
        flags |= (o->json_flags & PRECIS_JSON_PRETTY) ? JSON_INDENT(2)
                                                      : JSON_COMPACT;
        char *text = json_dumps(root, flags);
        json_decref(root);
        if (!text)
            need(NULL);
        puts_mem(out, text);
        put(out, "\n", 1);
        free(text);
    } else if (o->format == FMT_MD) {
        md_headlines(doc, out);
    } else {
        text_view(doc, o->command, out);
    }
}
