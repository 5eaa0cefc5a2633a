/* encoding.h: the fed bytes -> UTF-8, before ingest cleans them.
 *
 * Text arrives as UTF-8, with or without a byte-order mark, as UTF-16 or
 * UTF-32 (with a mark, or UTF-16 without one), or in a legacy 8-bit code
 * page (Windows-1252 and Latin-1 for Western languages, Windows-1251 and
 * KOI8-R for Cyrillic). Plain text scraped from pages also carries HTML
 * entities ("caf&#233;", "&amp;"). */
#ifndef PRECIS_ENCODING_H
#define PRECIS_ENCODING_H

#include "util/symbols.h"
#include <stdbool.h>
#include <stddef.h>

#include "internal.h"
#include "util/buf.h"

/* Rewrites doc->input as UTF-8: from the encoding opt->encoding forces
 * (an iconv name; NULL, "" or "auto" to detect), else from the one
 * detected (with PRECIS_OPT_STRICT_UTF8, only a mark or UTF-16 is
 * detected, never a code page), and decodes HTML entities when the input
 * is plain text (not an HTML page, whose parser decodes them). Input that
 * is neither (binary data, UTF-8 with some damage) is left as it is for
 * ingest to judge. Returns PRECIS_OK, or PRECIS_EINVAL (with a message in
 * the context) for a forced encoding iconv does not know. */
precis_status encoding_run(precis_doc *doc, const precis_options *opt);

/* The encoding of s[0..len): NULL for UTF-8 (or text it cannot name),
 * else an iconv name. *bom receives the length of a byte-order mark to
 * skip (0 when none). Reads at most the first 64 KiB to decide. */
const char *encoding_detect(const char *s, size_t len, size_t *bom);

/* Appends s[0..len) converted from the encoding from to UTF-8 to out; a
 * byte sequence invalid in that encoding becomes U+FFFD. Returns false
 * (appending nothing) when iconv does not know from. */
bool encoding_convert(const char *from, const char *s, size_t len, buf *out);

/* Appends s[0..len) to out with HTML character references decoded:
 * named ("&amp;", "&eacute;", "&nbsp;"), decimal ("&#233;") and hex
 * ("&#xE9;"). A reference must end with ';'; an unknown name, a code
 * point out of range, a surrogate or NUL stays as written ("AT&T",
 * "&#0;"). Returns the number decoded. */
size_t encoding_decode_entities(buf *out, const char *s, size_t len);

/* Whether s starts like an HTML or XML document (after white space and a
 * mark): "<!DOCTYPE", "<html", "<?xml", "<head", "<body" or a comment. */
bool encoding_looks_like_markup(const char *s, size_t len);

#endif
