/* brief.h: what the briefing renderers need beyond the public accessors
 * of precis.h. */
#ifndef PRECIS_BRIEF_H
#define PRECIS_BRIEF_H

#include "util/symbols.h"

#include <stdbool.h>

#include "precis.h"

/* Whether precis_brief_finish has run on b (its stories are known). */
bool brief_is_finished(const precis_brief *b);
/* The context b reports its failures to. */
precis_ctx *brief_ctx(const precis_brief *b);

#endif
