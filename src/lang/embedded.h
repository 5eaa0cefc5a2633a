/* embedded.h: the models/ files compiled into the library. The table is
 * generated at build time by tools/embed.c from the files in models/. */
#ifndef PRECIS_EMBEDDED_H
#define PRECIS_EMBEDDED_H

#include "util/symbols.h"

#include <stddef.h>

typedef struct embedded_file {
    const char *path; /* relative to models/, e.g. "english/stopwords.txt" */
    const unsigned char *data;
    size_t len;
} embedded_file;

extern const embedded_file precis__embedded[];
extern const size_t precis__embedded_count;

#endif
