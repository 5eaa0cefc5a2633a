/* boilerplate.h: the rules of models/LANG/boilerplate.txt and the
 * matching that applies them (see that file's header for the format). */
#ifndef PRECIS_BOILERPLATE_H
#define PRECIS_BOILERPLATE_H

#include "util/symbols.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

enum bp_kind { BP_STRIP, BP_LINE, BP_SENTENCE, BP_CAPTION, BP_KINDS };

/* Lines (and sentences that are whole lines) longer than this many words
 * are never dropped by a "line" rule. */
#define BP_LINE_MAX_WORDS 12

typedef struct bp_rule {
    enum bp_kind kind;
    char *pat; /* owned */
    size_t len;
    int32_t next; /* the next rule of the same kind and first byte, or -1 */
    /* Its first four bytes, lower case, as one word (byte k at bits 8k),
     * with mask4 covering those before any wildcard: a text position
     * whose bytes differ there is rejected without matching. */
    uint32_t head4, mask4;
} bp_rule;

/* For each kind and lower-case first byte, the first rule (+1; 0 for
 * none) of a chain through bp_rule.next ('#' rules chained under every
 * digit by a chain of their own): a word start is checked only against
 * the rules that can match it. */
#define BP_PREFIX_BITS 4096

typedef struct bp_index {
    int32_t head[BP_KINDS][256];
    int32_t digit_head[BP_KINDS]; /* rules starting with '#', +1 */
    /* For each kind and byte as written: can a rule start there? The
     * scanning loops test this first and skip most bytes at once. */
    bool can_start[BP_KINDS][256];
    /* A finer test: bit h3(first three bytes) is set for every rule whose
     * first three bytes are literals, and check_always[kind][byte] for a
     * rule that starts with that byte but is shorter or has a wildcard
     * there. Most word starts fail both and are never matched. */
    uint8_t prefix3[BP_KINDS][BP_PREFIX_BITS / 8];
    bool check_always[BP_KINDS][256];
} bp_index;

typedef struct bp_rules {
    bp_rule *rules;
    size_t n, cap;
    bp_index *ix; /* NULL until the first rule (a language without rules
                   * costs its context nothing) */
} bp_rules;

/* Parses one "KIND PATTERN" line and adds it; returns false (adding
 * nothing) for an unknown kind or an empty pattern. */
bool bp_add(bp_rules *r, const char *line, size_t len);
void bp_free(bp_rules *r);

/* Cuts every "strip" match out of s[0..len) and appends the rest to out,
 * with the spaces around a cut merged. Returns the number of cuts. */
size_t bp_strip(const bp_rules *r, const char *s, size_t len, buf *out);

/* A short line that starts with a "line" pattern. */
bool bp_is_line(const bp_rules *r, const char *s, size_t len);

/* A sentence that holds a "sentence" pattern, or is a boilerplate line. */
bool bp_is_sentence(const bp_rules *r, const char *s, size_t len);

/* A sentence that holds a "caption" pattern: a photo's caption run into
 * the text, kept for its words but never chosen. */
bool bp_is_caption(const bp_rules *r, const char *s, size_t len);

/* Matches pattern p at s[i]; returns the end of the match, or (size_t)-1.
 * Exposed for the unit tests. */
size_t bp_match(const char *p, size_t plen, const char *s, size_t len,
                size_t i);

#endif
