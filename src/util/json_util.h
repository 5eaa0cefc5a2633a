/* json_util.h: JSON strings from arbitrary bytes, shared by the JSON
 * renderer, the briefing and the CLI's JSON Lines errors. */
#ifndef PRECIS_JSON_UTIL_H
#define PRECIS_JSON_UTIL_H

#include "util/symbols.h"

#include <jansson.h>
#include <stddef.h>

/* A new JSON string of p[0..len): JSON text must be UTF-8, so invalid
 * sequences (a file name, say) are repaired to U+FFFD first. NULL p gives
 * JSON null. Never NULL (aborts on out of memory). */
json_t *precis__json_string(const char *p, size_t len);

#endif
