/* outfile.c: outputs put in place only when complete, inputs read whole. */
#define _GNU_SOURCE /* O_TMPFILE, O_PATH, AT_EMPTY_PATH (Linux) */
#include "cli/outfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#ifndef NAME_MAX
#define NAME_MAX 255
#endif

/* -DPRECIS_NO_O_TMPFILE builds the named-temporary path alone, as on a
 * file system or kernel without O_TMPFILE, to test it. */
#if defined(PRECIS_NO_O_TMPFILE) && defined(O_TMPFILE)
#undef O_TMPFILE
#endif

/* ==== Temporaries the signal handler removes ==== */

/* Named temporaries in existence, for the signal handler: a fixed table
 * (no malloc in a handler), filled before the name exists and emptied
 * once it is gone or renamed. A run writes a handful of outputs; a name
 * that finds the table full is still removed by the next run. */
#define PENDING_MAX 16

static struct pending {
    volatile sig_atomic_t used;
    int dirfd;
    char name[NAME_MAX + 1];
} pending[PENDING_MAX];

static void on_signal(int sig)
{
    for (size_t i = 0; i < PENDING_MAX; i++)
        if (pending[i].used)
            unlinkat(pending[i].dirfd, pending[i].name, 0); /* signal-safe */
    signal(sig, SIG_DFL);
    raise(sig);
}

static void watch_signals(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa, old;
        /* A signal ignored at start (a background job's SIGINT) stays
         * ignored. */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
}

static int pending_add(int dirfd, const char *name)
{
    watch_signals();
    for (int i = 0; i < PENDING_MAX; i++) {
        if (!pending[i].used) {
            pending[i].dirfd = dirfd;
            snprintf(pending[i].name, sizeof pending[i].name, "%s", name);
            pending[i].used = 1; /* last: the entry is complete */
            return i;
        }
    }
    return -1;
}

static void pending_drop(int slot)
{
    if (slot >= 0)
        pending[slot].used = 0;
}

static bool pending_has(int dirfd, const char *name)
{
    for (size_t i = 0; i < PENDING_MAX; i++)
        if (pending[i].used && pending[i].dirfd == dirfd &&
            strcmp(pending[i].name, name) == 0)
            return true;
    return false;
}

/* ==== Temporary names and stale ones ==== */

/* ".NAME.precis-PID.tmp" (NAME cut to 200 bytes, so the whole stays
 * within NAME_MAX). Hidden, so a folder reader passes it by; the PID
 * tells a later run whether its writer still lives. Returns a malloc'd
 * string. */
static char *tmp_name(const char *base)
{
    size_t n = strlen(base) + 48;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, ".%.200s.precis-%ld.tmp", base, (long)getpid());
    return s;
}

/* The PID of a temporary name, or 0 when name is not one. */
static long tmp_pid(const char *name)
{
    size_t n = strlen(name);
    if (name[0] != '.' || n < 14 || strcmp(name + n - 4, ".tmp") != 0)
        return 0;
    size_t end = n - 4, start = end;
    while (start > 0 && name[start - 1] >= '0' && name[start - 1] <= '9')
        start--;
    if (start == end || end - start > 9 || start < 9 ||
        strncmp(name + start - 8, ".precis-", 8) != 0)
        return 0;
    long pid = 0;
    for (size_t i = start; i < end; i++)
        pid = pid * 10 + (name[i] - '0');
    return pid;
}

/* Removes the temporaries that processes which no longer exist (killed
 * with SIGKILL, or on a power cut) left in the folder dirfd. A process
 * that exists but is not ours (kill says EPERM) keeps its file. Each
 * folder is swept once per run. */
static void sweep_stale(int dirfd)
{
    static struct {
        dev_t dev;
        ino_t ino;
    } swept[8];
    static size_t n_swept;
    struct stat ds;
    if (fstat(dirfd, &ds) != 0)
        return;
    for (size_t i = 0; i < n_swept; i++)
        if (swept[i].dev == ds.st_dev && swept[i].ino == ds.st_ino)
            return;
    if (n_swept < sizeof swept / sizeof swept[0]) {
        swept[n_swept].dev = ds.st_dev;
        swept[n_swept].ino = ds.st_ino;
        n_swept++;
    }
    int fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0)
            close(fd);
        return;
    }
    long self = (long)getpid();
    struct dirent *e;
    while ((e = readdir(d))) {
        long pid = tmp_pid(e->d_name);
        if (pid <= 0 || pid == self || pid > INT_MAX)
            continue;
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue;
        struct stat sb;
        if (fstatat(dirfd, e->d_name, &sb, AT_SYMLINK_NOFOLLOW) == 0 &&
            S_ISREG(sb.st_mode))
            unlinkat(dirfd, e->d_name, 0);
    }
    closedir(d);
}

/* ==== Opening ==== */

static void reset(outfile *o)
{
    memset(o, 0, sizeof *o);
    o->dirfd = o->fd = o->slot = -1;
}

static void release(outfile *o)
{
    pending_drop(o->slot);
    if (o->dirfd >= 0)
        close(o->dirfd);
    free(o->path);
    free(o->base);
    free(o->tmp);
    reset(o);
}

#ifdef O_TMPFILE
/* An unnamed file can be linked through /proc/self/fd/N without
 * privileges (AT_EMPTY_PATH needs CAP_DAC_READ_SEARCH): without /proc, a
 * named temporary is the safer choice. */
static bool proc_link_works(int fd)
{
    char p[64];
    struct stat sb;
    snprintf(p, sizeof p, "/proc/self/fd/%d", fd);
    return stat(p, &sb) == 0;
}
#endif

/* Creates o->tmp in o->dirfd exclusively; a file of that name can only
 * be a dead process's with our PID, unless this run already made it (the
 * same target twice). Returns the fd or -1 with errno set. */
static int create_named(outfile *o)
{
    o->tmp = tmp_name(o->base);
    if (!o->tmp) {
        errno = ENOMEM;
        return -1;
    }
    if (pending_has(o->dirfd, o->tmp)) {
        errno = EBUSY;
        return -1;
    }
    o->slot = pending_add(o->dirfd, o->tmp);
    int fd =
        openat(o->dirfd, o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno == EEXIST && unlinkat(o->dirfd, o->tmp, 0) == 0)
        fd = openat(o->dirfd, o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                    0600);
    return fd;
}

int outfile_open(outfile *o, const char *path)
{
    reset(o);
    if (!path || strcmp(path, "-") == 0) {
        o->f = stdout;
        return 0;
    }
    /* A device, a FIFO or a socket ("-o /dev/null", a pipe to a display)
     * is written to directly: renaming over it would replace the device
     * with a file. Only regular files (or new names) get the temporary
     * file and the rename. */
    struct stat sb;
    if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        if (S_ISDIR(sb.st_mode))
            return EISDIR;
        o->fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (o->fd < 0)
            return errno;
        o->f = fdopen(o->fd, "wb");
        if (!o->f) {
            int e = errno;
            close(o->fd);
            reset(o);
            return e;
        }
        o->direct = true;
        return 0;
    }
    /* The target itself (lstat: a symbolic link is replaced as a name,
     * its target never written). A regular file the user may not write
     * is not replaced behind their back, although the folder would let
     * the rename through. */
    bool keep = false;
    if (lstat(path, &sb) == 0) {
        if (S_ISREG(sb.st_mode)) {
            if (faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0)
                return errno;
            keep = true;
        }
    } else if (errno != ENOENT) {
        return errno;
    }
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    if (!*base)
        return EISDIR;
    o->path = strdup(path);
    o->base = strdup(base);
    char *dir = slash
                    ? strndup(path, slash == path ? 1 : (size_t)(slash - path))
                    : strdup(".");
    if (!o->path || !o->base || !dir) {
        free(dir);
        release(o);
        return ENOMEM;
    }
    /* The temporary file lives in the target's folder, so the rename is
     * atomic (same file system) and never follows a path elsewhere; the
     * folder is held open, so a folder renamed meanwhile still gets the
     * file. */
#ifdef O_PATH
    o->dirfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
#else
    o->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
#endif
    int e = errno;
    free(dir);
    if (o->dirfd < 0) {
        release(o);
        return e;
    }
    sweep_stale(o->dirfd);
    int fd = -1;
#ifdef O_TMPFILE
    fd = openat(o->dirfd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    if (fd >= 0 && !proc_link_works(fd)) {
        close(fd);
        fd = -1;
    }
#endif
    if (fd < 0)
        fd = create_named(o);
    if (fd < 0) {
        e = errno;
        release(o);
        return e;
    }
    o->fd = fd;
    /* The old file's owner, group and permission bits (the owner first:
     * chown clears set-id bits); a new file gets the usual 0666 less the
     * umask rather than the temporary's 0600. */
    if (keep) {
        if (fchown(fd, sb.st_uid, sb.st_gid) != 0 && sb.st_gid != (gid_t)-1)
            (void)!fchown(fd, (uid_t)-1, sb.st_gid);
        fchmod(fd, sb.st_mode & 07777);
    } else {
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
    o->f = fdopen(fd, "wb");
    if (!o->f) {
        e = errno;
        close(fd);
        o->fd = -1;
        outfile_abort(o);
        return e;
    }
    return 0;
}

/* ==== Committing ==== */

/* Step 1: everything written out and on disk. */
static int flush_out(outfile *o)
{
    if (!o->f)
        return EBADF;
    if (fflush(o->f) != 0 || ferror(o->f))
        return errno ? errno : EIO;
    if (o->path && !o->direct && fsync(o->fd) != 0)
        return errno ? errno : EIO;
    return 0;
}

/* Step 2: an unnamed temporary gets its fresh name beside the target
 * (linkat cannot replace a name, so the rename that follows does). */
static int name_it(outfile *o)
{
    if (!o->path || o->direct || o->tmp)
        return 0;
    o->tmp = tmp_name(o->base);
    if (!o->tmp)
        return ENOMEM;
    o->slot = pending_add(o->dirfd, o->tmp);
    char p[64];
    snprintf(p, sizeof p, "/proc/self/fd/%d", o->fd);
    int r = linkat(AT_FDCWD, p, o->dirfd, o->tmp, AT_SYMLINK_FOLLOW);
    if (r != 0 && errno == EEXIST && unlinkat(o->dirfd, o->tmp, 0) == 0)
        r = linkat(AT_FDCWD, p, o->dirfd, o->tmp, AT_SYMLINK_FOLLOW);
#ifdef AT_EMPTY_PATH
    if (r != 0 && errno == ENOENT)
        r = linkat(o->fd, "", o->dirfd, o->tmp, AT_EMPTY_PATH);
#endif
    if (r != 0) {
        int e = errno;
        pending_drop(o->slot);
        o->slot = -1;
        free(o->tmp);
        o->tmp = NULL; /* nothing was linked */
        return e;
    }
    return 0;
}

/* Step 3: the rename over the target, then the files closed. */
static int place(outfile *o)
{
    int e = 0;
    if (o->path && !o->direct) {
        if (renameat(o->dirfd, o->tmp, o->dirfd, o->base) != 0) {
            e = errno;
            unlinkat(o->dirfd, o->tmp, 0);
        }
    }
    if (o->f && o->f != stdout && fclose(o->f) != 0 && !e)
        e = errno ? errno : EIO;
    o->f = NULL;
    release(o);
    return e;
}

int outfile_commit_all(outfile *const *v, size_t n, size_t *failed)
{
    int e = 0;
    size_t bad = 0;
    /* The files first (written and synced, then named: both undone by an
     * abort), then stdout and devices, whose bytes cannot be taken back,
     * then the renames. */
    for (size_t i = 0; i < n && !e; i++)
        if (v[i]->path && !v[i]->direct && (e = flush_out(v[i])) != 0)
            bad = i;
    for (size_t i = 0; i < n && !e; i++)
        if ((e = name_it(v[i])) != 0)
            bad = i;
    for (size_t i = 0; i < n && !e; i++)
        if ((!v[i]->path || v[i]->direct) && (e = flush_out(v[i])) != 0)
            bad = i;
    if (e) {
        if (failed)
            *failed = bad;
        for (size_t i = 0; i < n; i++)
            outfile_abort(v[i]);
        return e;
    }
    /* Every output is complete and named: now the renames, which fail
     * only if the folder changed under us. */
    for (size_t i = 0; i < n; i++) {
        int e1 = place(v[i]);
        if (e1 && !e) {
            e = e1;
            if (failed)
                *failed = i;
        }
    }
    return e;
}

int outfile_commit(outfile *o)
{
    outfile *v[1] = {o};
    return outfile_commit_all(v, 1, NULL);
}

void outfile_abort(outfile *o)
{
    if (o->f && o->f != stdout)
        fclose(o->f);
    else if (!o->f && o->fd >= 0)
        close(o->fd);
    if (o->tmp && o->dirfd >= 0)
        unlinkat(o->dirfd, o->tmp, 0);
    o->f = NULL;
    release(o);
}

bool outfile_is_tty(const outfile *o)
{
    return o->f && isatty(fileno(o->f));
}

/* ==== Inputs ==== */

/* Reads fd to its end (see infile_read); sb: its status, or NULL. */
static int read_fd(int fd, const struct stat *sb, size_t max, char **data,
                   size_t *len)
{
    int err = 0;
    size_t cap = 65536, n = 0;
    char *p = NULL;
    if (sb && S_ISDIR(sb->st_mode))
        return EISDIR;
    /* A regular file's size is known: refuse it before reading it, and
     * read it into a buffer of its size (+2: room to see the end, or
     * growth while reading). */
    if (sb && S_ISREG(sb->st_mode)) {
        if (max && (uintmax_t)sb->st_size > max)
            return EFBIG;
        if (sb->st_size > 0 && (uintmax_t)sb->st_size < SIZE_MAX / 4)
            cap = (size_t)sb->st_size + 2;
    }
    p = malloc(cap);
    if (!p)
        return ENOMEM;
    for (;;) {
        if (n + 1 >= cap) {
            char *q = cap < SIZE_MAX / 2 ? realloc(p, cap * 2) : NULL;
            if (!q) {
                err = ENOMEM;
                break;
            }
            p = q;
            cap *= 2;
        }
        ssize_t got = read(fd, p + n, cap - n - 1);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            err = errno ? errno : EIO;
            break;
        }
        if (got == 0)
            break;
        n += (size_t)got;
        if (max && n > max) {
            err = EFBIG;
            break;
        }
    }
    if (err) {
        free(p);
        return err;
    }
    p[n] = '\0';
    *data = p;
    *len = n;
    return 0;
}

int infile_read(const char *path, size_t max, char **data, size_t *len)
{
    /* read(2) rather than stdio: no FILE buffer to allocate and copy
     * through, which is a measurable part of a one-article run. */
    bool is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    struct stat sb;
    int err = read_fd(fd, fstat(fd, &sb) == 0 ? &sb : NULL, max, data, len);
    if (!is_stdin)
        close(fd);
    return err;
}

int infile_open(const char *path, bool regular, struct stat *sb, int *err)
{
    /* O_NONBLOCK: opening a FIFO with no writer (or a device that waits
     * for a carrier) returns at once, and fstat then says what it is. */
    int fd = open(path,
                  O_RDONLY | O_NOCTTY | O_CLOEXEC | (regular ? O_NONBLOCK : 0));
    if (fd < 0) {
        *err = errno;
        return -1;
    }
    if (fstat(fd, sb) != 0) {
        *err = errno;
    } else if (S_ISDIR(sb->st_mode)) {
        *err = EISDIR;
    } else if (regular && !S_ISREG(sb->st_mode)) {
        *err = INFILE_NOT_REGULAR;
    } else {
        if (regular) {
            int fl = fcntl(fd, F_GETFL);
            if (fl >= 0)
                fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
        }
        *err = 0;
        return fd;
    }
    close(fd);
    return -1;
}

int infile_read_regular(const char *path, size_t max, char **data, size_t *len,
                        struct stat *sb)
{
    int err;
    int fd = infile_open(path, true, sb, &err);
    if (fd < 0)
        return err;
    err = read_fd(fd, sb, max, data, len);
    close(fd);
    return err;
}

const char *file_kind(const struct stat *sb)
{
    if (S_ISFIFO(sb->st_mode))
        return "a FIFO";
    if (S_ISSOCK(sb->st_mode))
        return "a socket";
    if (S_ISCHR(sb->st_mode))
        return "a character device";
    if (S_ISBLK(sb->st_mode))
        return "a block device";
    if (S_ISDIR(sb->st_mode))
        return "a folder";
    if (S_ISLNK(sb->st_mode))
        return "a symbolic link";
    return "not a regular file";
}
