/* main.c: runs a fuzz target without libFuzzer (the libvips
 * StandaloneFuzzTargetMain idea), so that `meson test` replays the seed
 * corpus and the targets cannot rot.
 *
 *     fuzz_TARGET FILE_OR_FOLDER...
 *
 * Every file named, and every file in every folder named (not recursing,
 * skipping names that start with '.', in name order), is read into a
 * buffer of exactly its size, so that sanitizers catch overreads, and
 * passed to LLVMFuzzerTestOneInput once. Prints one line per input and a
 * count. Exits 1 when an input cannot be read or when nothing was run (an
 * empty or missing corpus is a broken test, not a passing one). */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t runs;

/* Reads path whole into a malloc'd buffer of exactly its size. */
static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "fuzz: %s: %s\n", path, strerror(errno));
        return -1;
    }
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    for (;;) {
        if (!buf) {
            fprintf(stderr, "fuzz: %s: out of memory\n", path);
            fclose(f);
            return -1;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
        if (n == cap) {
            uint8_t *q = realloc(buf, cap *= 2);
            if (!q)
                free(buf);
            buf = q;
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        fprintf(stderr, "fuzz: %s: read error\n", path);
        free(buf);
        return -1;
    }
    /* An exact-size copy: a byte past the input is outside the block. */
    uint8_t *exact = malloc(n ? n : 1);
    if (!exact) {
        free(buf);
        fprintf(stderr, "fuzz: %s: out of memory\n", path);
        return -1;
    }
    memcpy(exact, buf, n);
    free(buf);
    printf("fuzz: %s (%zu bytes)\n", path, n);
    fflush(stdout);
    LLVMFuzzerTestOneInput(exact, n);
    free(exact);
    runs++;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "fuzz: %s: %s\n", dir, strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **q = realloc(names, cap * sizeof *names);
            if (!q) {
                rc = -1;
                break;
            }
            names = q;
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        if (!(names[n] = malloc(len))) {
            rc = -1;
            break;
        }
        snprintf(names[n++], len, "%s/%s", dir, e->d_name);
    }
    closedir(d);
    if (rc)
        fprintf(stderr, "fuzz: %s: out of memory\n", dir);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        struct stat sb;
        if (!rc && stat(names[i], &sb) == 0 && S_ISREG(sb.st_mode))
            rc = run_file(names[i]);
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    int rc = 0;
    for (int i = 1; i < argc && !rc; i++) {
        struct stat sb;
        if (stat(argv[i], &sb) != 0) {
            fprintf(stderr, "fuzz: %s: %s\n", argv[i], strerror(errno));
            rc = -1;
        } else {
            rc = S_ISDIR(sb.st_mode) ? run_dir(argv[i]) : run_file(argv[i]);
        }
    }
    if (!rc && runs == 0) {
        fprintf(stderr, "fuzz: no inputs to run\n");
        rc = -1;
    }
    printf("fuzz: ran %zu inputs\n", runs);
    return rc ? 1 : 0;
}
