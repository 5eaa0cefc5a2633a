/* outfile.h: the CLI's files: outputs that are never seen half-written
 * and never lost, whole inputs read with a size limit, and file names
 * shown on the terminal with their control characters escaped.
 *
 * An output is written to an unnamed temporary file in the target's
 * folder (O_TMPFILE; where the file system has none, a named one,
 * .NAME.precis-PID.tmp) and put in place only when everything was
 * written: linked to a fresh name beside the target, then renamed over
 * it. A reader (a web server, a display fetching a PNG) sees the old file
 * or the new one, never a torn one. The new file keeps the old one's
 * permission bits (and owner and group, where the process may set them);
 * a regular file the user may not write is refused, not replaced. Several
 * outputs of one run are put in place together (outfile_commit_all), and
 * only when all of them were written.
 *
 * No temporary outlives its process: an unnamed one vanishes with it; a
 * named one is removed on SIGINT, SIGTERM, SIGHUP and SIGPIPE, and after a
 * SIGKILL by the next run that writes into the same folder (any
 * .NAME.precis-PID.tmp whose process no longer exists). */
#ifndef PRECIS_OUTFILE_H
#define PRECIS_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/stat.h>

typedef struct outfile {
    FILE *f;    /* write here */
    char *path; /* the target, NULL for stdout */
    /* The rest is private. */
    int dirfd;   /* the target's folder */
    int fd;      /* the temporary file, or the device for a direct one */
    char *base;  /* the target's name in its folder */
    char *tmp;   /* the temporary's name, NULL while it has none */
    int slot;    /* its entry in the signal handler's list, or -1 */
    bool direct; /* a device or FIFO: the bytes are kept in memory and
                  * written to it at commit */
    char *mem;
    size_t mem_len;
} outfile;

/* Prepares the output path ("-" or NULL: stdout). Returns 0 or an errno
 * value: EISDIR for a folder, EACCES (or EROFS) for a file the user may
 * not write, or the error of creating the temporary file. */
int outfile_open(outfile *o, const char *path);

/* Flushes, syncs and puts the file in place. Returns 0 or an errno value
 * (the target is then untouched and the temporary file gone). */
int outfile_commit(outfile *o);

/* Puts n outputs in place together: all are written out and synced
 * first, then linked beside their targets, and only then renamed over
 * them, so one that fails leaves every target as it was. Returns 0, or
 * an errno value with the index of the failed output in *failed (every
 * output is then closed). */
int outfile_commit_all(outfile *const *v, size_t n, size_t *failed);

/* Closes and removes the temporary file; the target is untouched. Safe on
 * an outfile that failed to open or was already committed. */
void outfile_abort(outfile *o);

/* Whether o writes to a terminal. */
bool outfile_is_tty(const outfile *o);

/* Reads the whole input path ("-": stdin) into *data (malloc'd, with a
 * NUL after *len bytes, which may themselves hold NULs). Returns 0, or an
 * errno value: EISDIR for a folder, EFBIG when the input is longer than
 * max bytes (0: no limit; reading stops there, so a huge input costs no
 * more than the limit), ENOMEM, or the error of open or read. */
int infile_read(const char *path, size_t max, char **data, size_t *len);

/* Opens path for reading. With regular, it must be a regular file when
 * opened: a FIFO, socket or device (even one swapped in after a folder
 * was listed) is never waited on. Returns the fd, or -1 with *err an
 * errno value (EISDIR for a folder) or INFILE_NOT_REGULAR. *sb gets the
 * opened file's status, so the caller can tell which file it was. */
#define INFILE_NOT_REGULAR (-1)
int infile_open(const char *path, bool regular, struct stat *sb, int *err);

/* infile_read of a file that must be regular (infile_open). Returns what
 * infile_read does, or INFILE_NOT_REGULAR; *sb as infile_open's. */
int infile_read_regular(const char *path, size_t max, char **data, size_t *len,
                        struct stat *sb);

/* What kind of file sb is, for a message: "a FIFO", "a socket", ... */
const char *file_kind(const struct stat *sb);

#endif
