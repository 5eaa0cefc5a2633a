/* outfile.h: the CLI's files: outputs that are never seen half-written, and
 * whole inputs read with a size limit.
 *
 * The CLI writes to a temporary file in the target's folder and renames it
 * over the target only when everything was written, so a reader (a web
 * server, a display fetching a PNG) sees the old file or the new one,
 * never a torn one. If the process is interrupted (SIGINT, SIGTERM,
 * SIGHUP) the temporary file is removed. */
#ifndef PRECIS_OUTFILE_H
#define PRECIS_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

typedef struct outfile {
    FILE *f;      /* write here */
    char *path;   /* the target, NULL for stdout */
    char *tmp;    /* the temporary file, NULL for stdout */
    bool direct;  /* a device or FIFO, written in place */
} outfile;

/* Opens path for writing ("-" or NULL: stdout). Returns 0 or an errno
 * value. */
int outfile_open(outfile *o, const char *path);

/* Flushes, closes and renames into place. Returns 0 or an errno value
 * (the temporary file is then removed). */
int outfile_commit(outfile *o);

/* Closes and removes the temporary file; the target is untouched. */
void outfile_abort(outfile *o);

/* Whether o writes to a terminal. */
bool outfile_is_tty(const outfile *o);

/* Reads the whole input path ("-": stdin) into *data (malloc'd, with a
 * NUL after *len bytes, which may themselves hold NULs). Returns 0, or an
 * errno value: EISDIR for a folder, EFBIG when the input is longer than
 * max bytes (0: no limit; reading stops there, so a huge input costs no
 * more than the limit), ENOMEM, or the error of open or read. */
int infile_read(const char *path, size_t max, char **data, size_t *len);

#endif
