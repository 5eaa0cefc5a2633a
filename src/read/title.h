/* title.h: whether a document opens with a title, and which paragraph it
 * is. Ingest calls it once its paragraphs are built. */
#ifndef PRECIS_TITLE_H
#define PRECIS_TITLE_H

#include "util/symbols.h"
#include <stdbool.h>
#include <stddef.h>

#include "internal.h"
#include "lang/model.h"

/* No paragraph is a title. */
#define TITLE_NONE ((size_t)-1)

/* Finds the title among the first paragraphs of text (paras[0..n) are
 * spans into it, one paragraph each): 0 when the first paragraph is one,
 * 1 when the first is a section label ("Politics", "Live") standing above
 * the title, TITLE_NONE when the text has no title (then nothing is taken
 * from the body). A title is short, has no sentence-final full stop and no
 * sentence break inside, is not a list entry or a notice (m's boilerplate
 * rules), and body text follows it. Paragraphs before the returned one
 * are labels, which the caller drops. Reads at most three paragraphs. */
size_t title_find(const lang_model *m, const char *text, const span *paras,
                  size_t n);

/* Whether the line s[0..len) could be a title by its own shape (the first
 * test of title_find, without the context). Exposed for the unit tests. */
bool title_shape(const lang_model *m, const char *s, size_t len);

#endif
