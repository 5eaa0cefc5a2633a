/* batch.h: summarize brief and summarize --jsonl (see batch.c). */
#ifndef PRECIS_BATCH_H
#define PRECIS_BATCH_H

#include "cli/cli.h"

/* Each returns the exit status: EXIT_OK, or EXIT_FAIL when any input or
 * the output failed (the rest still came out). */
int batch_brief(const cli_opts *o);
int batch_jsonl(const cli_opts *o);

#endif
