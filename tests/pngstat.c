/* pngstat: what a screenshot holds, for tests that cannot look at it.
 *
 *     pngstat FILE.png...
 *
 * prints one line per file: "WIDTH HEIGHT INK LUMA", where INK is the
 * fraction of pixels that differ from the background (the top-left pixel,
 * a page's margin) by more than 48 in some channel, and LUMA the mean
 * luma (0 black .. 255 white) of all pixels. A blank page has INK 0; a
 * page in dark mode has a low LUMA. Read with libpng's simplified API.
 * Exit 1 when a file cannot be read. */
#include <png.h>
#include <stdio.h>
#include <stdlib.h>

static int stat_one(const char *path)
{
    png_image img = {0};
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&img, path)) {
        fprintf(stderr, "pngstat: %s: %s\n", path, img.message);
        return 1;
    }
    img.format = PNG_FORMAT_RGB;
    size_t size = PNG_IMAGE_SIZE(img);
    unsigned char *px = malloc(size ? size : 1);
    if (!px || !png_image_finish_read(&img, NULL, px, 0, NULL)) {
        fprintf(stderr, "pngstat: %s: %s\n", path,
                px ? img.message : "out of memory");
        free(px);
        png_image_free(&img);
        return 1;
    }
    size_t n = (size_t)img.width * img.height, ink = 0;
    double luma = 0.0;
    const unsigned char *bg = px;
    for (size_t i = 0; i < n; i++) {
        const unsigned char *p = px + 3 * i;
        int far = 0;
        for (int c = 0; c < 3; c++)
            far |= abs((int)p[c] - (int)bg[c]) > 48;
        ink += (size_t)far;
        luma += 0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2];
    }
    printf("%u %u %.4f %.1f\n", img.width, img.height,
           n ? (double)ink / (double)n : 0.0, n ? luma / (double)n : 0.0);
    free(px);
    return 0;
}

int main(int argc, char **argv)
{
    int rc = 0;
    for (int i = 1; i < argc; i++)
        rc |= stat_one(argv[i]);
    return rc;
}
