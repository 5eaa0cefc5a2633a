/* image_demo: renders timed lines with the image renderers, for looking
 * at the output and for the README's examples. Not a test.
 *
 *   image_demo [-p PROFILE] [-l LAYOUT] [-f FORMAT] [-w W] [-h H]
 *              [-F FONT] [-t TITLE] [-D DATELINE] [-U HH:MM] [-S FOOTER]
 *              [-s time|input] [-n REPEAT] [-o OUT] [FILE]
 *
 * FILE (default: nine built-in headlines) holds one item a line,
 * "HH:MM text" or just text. -n renders REPEAT times and prints the time
 * per render to stderr. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "precis.h"

static const char *const builtin[] = {
    "06:05 Harbour bridge reopens two weeks early after \xC2\xA3"
    "14.2m repair",
    "07:30 Rail strike called off as unions accept \xE2\x80\x9C"
    "final\xE2\x80\x9D pay offer",
    "08:12 Storm Imogen brings 90 mph gusts \xE2\x80\x94 ferries cancelled "
    "until Friday",
    "09:45 Central bank holds rates at 4.25% for a third month",
    "10:20 Zo\xC3\xAB Castell wins city marathon in record 2:21:07",
    "11:02 Caf\xC3\xA9 owners protest new \xE2\x82\xAC"
    "2 levy on takeaway cups",
    "12:40 Museum returns bronze statue to Athens (\xCE\x91\xCE\xB8\xCE\xAE"
    "\xCE\xBD\xCE\xB1) after 80 years",
    "13:15 Scientists map 1,200 new deep-sea species off the "
    "coast\xE2\x80\xA6",
    "14:50 Council approves 3,000 homes on former airfield site",
};

static int is_time(const char *s)
{
    return s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' &&
           s[2] == ':' && s[3] >= '0' && s[3] <= '9' && s[4] >= '0' &&
           s[4] <= '9' && s[5] == ' ';
}

int main(int argc, char **argv)
{
    precis_image_options o = precis_image_options_default();
    const char *out_path = NULL, *title = NULL, *file = NULL;
    int repeat = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (a[0] != '-') {
            file = a;
            continue;
        }
        if (!v) {
            fprintf(stderr, "image_demo: %s needs a value\n", a);
            return 2;
        }
        i++;
        if (strcmp(a, "-p") == 0) {
            if (precis_image_profile(&o, v) != PRECIS_OK) {
                fprintf(stderr, "image_demo: unknown profile %s\n", v);
                return 2;
            }
        } else if (strcmp(a, "-l") == 0) {
            if (precis_layout_parse(v, &o.layout) != PRECIS_OK)
                return 2;
        } else if (strcmp(a, "-f") == 0) {
            if (precis_image_format_parse(v, &o.format) != PRECIS_OK)
                return 2;
        } else if (strcmp(a, "-w") == 0) {
            o.width = (unsigned)atoi(v);
        } else if (strcmp(a, "-h") == 0) {
            o.height = (unsigned)atoi(v);
        } else if (strcmp(a, "-F") == 0) {
            o.font = v;
        } else if (strcmp(a, "-t") == 0) {
            title = v;
        } else if (strcmp(a, "-D") == 0) {
            o.date = v;
        } else if (strcmp(a, "-U") == 0) {
            o.updated = v;
        } else if (strcmp(a, "-S") == 0) {
            o.footer = v;
        } else if (strcmp(a, "-s") == 0) {
            if (precis_sort_parse(v, &o.sort) != PRECIS_OK)
                return 2;
        } else if (strcmp(a, "-n") == 0) {
            repeat = atoi(v) > 0 ? atoi(v) : 1;
        } else if (strcmp(a, "-o") == 0) {
            out_path = v;
        } else {
            fprintf(stderr, "image_demo: unknown option %s\n", a);
            return 2;
        }
    }

    char *lines[256];
    size_t n = 0;
    if (file) {
        FILE *f = fopen(file, "r");
        if (!f) {
            perror(file);
            return 1;
        }
        char line[4096];
        while (n < 256 && fgets(line, sizeof line, f)) {
            line[strcspn(line, "\n")] = '\0';
            if (line[0])
                lines[n++] = strdup(line);
        }
        fclose(f);
    } else {
        for (; n < sizeof builtin / sizeof *builtin; n++)
            lines[n] = strdup(builtin[n]);
    }
    precis_item items[256];
    for (size_t i = 0; i < n; i++) {
        if (is_time(lines[i]))
            items[i] =
                (precis_item){lines[i], 5, lines[i] + 6, strlen(lines[i] + 6)};
        else
            items[i] = (precis_item){NULL, 0, lines[i], strlen(lines[i])};
    }

    precis_membuf m = {0};
    char err[256];
    precis_status st = PRECIS_OK;
    struct timespec t0, t1, c0, c1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    for (int r = 0; r < repeat && st == PRECIS_OK; r++) {
        precis_membuf_free(&m);
        precis_sink sink = precis_sink_mem(&m);
        st = precis_render_image_items(title, title ? strlen(title) : 0, items,
                                       n, &o, &sink, err, sizeof err);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    if (st != PRECIS_OK) {
        fprintf(stderr, "image_demo: %s: %s\n", precis_strerror(st), err);
        return 1;
    }
    double ms = ((double)(t1.tv_sec - t0.tv_sec) * 1e3 +
                 (double)(t1.tv_nsec - t0.tv_nsec) / 1e6) /
                repeat;
    double cpu = ((double)(c1.tv_sec - c0.tv_sec) * 1e3 +
                  (double)(c1.tv_nsec - c0.tv_nsec) / 1e6) /
                 repeat;
    /* CPU time too: on a shared machine the wall clock counts others'
     * work. */
    fprintf(stderr, "%zu bytes, %.2f ms per render (%.2f ms CPU)\n", m.len,
            ms, cpu);
    FILE *out = out_path ? fopen(out_path, "wb") : stdout;
    if (!out || fwrite(m.data, 1, m.len, out) != m.len) {
        perror(out_path ? out_path : "stdout");
        return 1;
    }
    if (out_path)
        fclose(out);
    precis_membuf_free(&m);
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    return 0;
}
