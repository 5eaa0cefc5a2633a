/* outfile.c: write to a temporary name, rename when complete. */
#include "cli/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The one temporary file being written, for the signal handler. A CLI
 * writes one output at a time, so one slot is enough. */
static char *volatile pending_tmp;

static void on_signal(int sig)
{
    char *tmp = pending_tmp;
    if (tmp)
        unlink(tmp); /* async-signal-safe */
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

int outfile_open(outfile *o, const char *path)
{
    memset(o, 0, sizeof *o);
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
        o->f = fopen(path, "wb");
        if (!o->f)
            return errno;
        o->direct = true;
        return 0;
    }
    /* The temporary file lives beside the target, so rename() is atomic
     * (same file system) and never follows a path outside the target's
     * folder. */
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
    size_t n = strlen(path) + 16;
    o->tmp = malloc(n);
    o->path = strdup(path);
    if (!o->tmp || !o->path) {
        free(o->tmp);
        free(o->path);
        return ENOMEM;
    }
    snprintf(o->tmp, n, "%.*s.%s.XXXXXX", (int)dir_len, path, path + dir_len);
    watch_signals();
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        int e = errno;
        free(o->tmp);
        free(o->path);
        o->tmp = o->path = NULL;
        return e;
    }
    pending_tmp = o->tmp;
    /* mkstemp makes the file 0600; give it the usual mode. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    o->f = fdopen(fd, "wb");
    if (!o->f) {
        int e = errno;
        close(fd);
        outfile_abort(o);
        return e;
    }
    return 0;
}

int outfile_commit(outfile *o)
{
    if (o->direct) {
        int e = 0;
        if (fflush(o->f) != 0 || ferror(o->f))
            e = errno ? errno : EIO;
        if (fclose(o->f) != 0 && !e)
            e = errno ? errno : EIO;
        o->f = NULL;
        o->direct = false;
        return e;
    }
    if (!o->tmp) {
        if (fflush(o->f) != 0 || ferror(o->f))
            return errno ? errno : EIO;
        return 0;
    }
    int e = 0;
    if (fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0)
        e = errno ? errno : EIO;
    if (fclose(o->f) != 0 && !e)
        e = errno ? errno : EIO;
    o->f = NULL;
    if (!e && rename(o->tmp, o->path) != 0)
        e = errno;
    if (e)
        unlink(o->tmp);
    pending_tmp = NULL;
    free(o->tmp);
    free(o->path);
    o->tmp = o->path = NULL;
    return e;
}

void outfile_abort(outfile *o)
{
    if (o->direct && o->f)
        fclose(o->f);
    if (o->tmp) {
        if (o->f)
            fclose(o->f);
        unlink(o->tmp);
        pending_tmp = NULL;
        free(o->tmp);
        free(o->path);
    }
    memset(o, 0, sizeof *o);
}

bool outfile_is_tty(const outfile *o)
{
    return o->f && isatty(fileno(o->f));
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
    int err = 0;
    size_t cap = 65536, n = 0;
    char *p = NULL;
    bool have_stat = fstat(fd, &sb) == 0;
    if (have_stat && S_ISDIR(sb.st_mode)) {
        err = EISDIR;
        goto done;
    }
    /* A regular file's size is known: refuse it before reading it, and
     * read it into a buffer of its size (+2: room to see the end, or
     * growth while reading). */
    if (have_stat && S_ISREG(sb.st_mode)) {
        if (max && (uintmax_t)sb.st_size > max) {
            err = EFBIG;
            goto done;
        }
        if (sb.st_size > 0 && (uintmax_t)sb.st_size < SIZE_MAX / 4)
            cap = (size_t)sb.st_size + 2;
    }
    p = malloc(cap);
    if (!p) {
        err = ENOMEM;
        goto done;
    }
    for (;;) {
        if (n + 1 >= cap) {
            char *q = cap < SIZE_MAX / 2 ? realloc(p, cap * 2) : NULL;
            if (!q) {
                err = ENOMEM;
                goto done;
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
            goto done;
        }
    }
done:
    if (!is_stdin)
        close(fd);
    if (err) {
        free(p);
        return err;
    }
    p[n] = '\0';
    *data = p;
    *len = n;
    return 0;
}
