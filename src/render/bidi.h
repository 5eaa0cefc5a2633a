/* bidi.h: the Unicode bidirectional algorithm (FriBidi) for image text:
 * embedding levels, so that Hebrew and Arabic read right to left and
 * numbers and Latin inside them stay left to right, and Arabic joining
 * forms for fonts that cannot shape. Without FriBidi (-Dfribidi=disabled)
 * every level is 0: text is drawn in logical order. */
#ifndef PRECIS_BIDI_H
#define PRECIS_BIDI_H

#include "util/symbols.h"

#include <stddef.h>
#include <stdint.h>

/* Fills levels[0..n) with the embedding level of each of cps[0..n), one
 * paragraph whose direction is that of its first strong character, and
 * returns the paragraph's level (0: left to right, 1: right to left). */
int bidi_levels(const uint32_t *cps, size_t n, uint8_t *levels);

/* Replaces Arabic letters in cps[0..n) by their presentation forms
 * (initial, medial, final, isolated) and lam-alef ligatures by their
 * joining with their neighbours, for bitmap fonts, which do no shaping.
 * levels are bidi_levels' output for the same text. */
void bidi_arabic_forms(uint32_t *cps, size_t n, const uint8_t *levels);

/* Whether cp is a right-to-left letter (Hebrew, Arabic, Syriac, Thaana,
 * N'Ko and their presentation forms): a quick test that skips the
 * algorithm for text without any. */
int bidi_is_rtl(uint32_t cp);

#endif
