/* feed.h: what the rest of the library needs of the feed reader. */
#ifndef PRECIS_FEED_H
#define PRECIS_FEED_H

#include "util/symbols.h"

#include <stdbool.h>
#include <stddef.h>

/* Whether data looks like an RSS or Atom feed: its root element (after a
 * BOM, the XML declaration, comments and a DOCTYPE, within 4 KB) is <rss>,
 * <feed> or <rdf:RDF>. A guess for choosing a reader, not a check. */
bool feed_sniff(const void *data, size_t len);

#endif
