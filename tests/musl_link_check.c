/* musl_link_check.c: configure time (meson.build) links this with
 * musl-gcc against the dependencies' static archives and src/musl_compat.c
 * and runs it; summarize is built on musl only when it links and prints
 * "ok". It calls what summarize calls of each library (with CHECK_PNG,
 * libpng's writer and so zlib's deflate too), so that the archive members
 * summarize pulls in are linked here first. */
#include <jansson.h>
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#ifdef CHECK_PNG
#include <png.h>

static size_t png_bytes;
static unsigned char png_head[8];

static void count_bytes(png_structp png, png_bytep data, size_t n)
{
    (void)png;
    for (size_t i = 0; i < n; i++, png_bytes++)
        if (png_bytes < sizeof png_head)
            png_head[png_bytes] = data[i];
}

static void no_flush(png_structp png)
{
    (void)png;
}

/* A 1x1 grey PNG written through libpng; whether it starts right. */
static int png_works(void)
{
    png_structp png =
        png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return 0;
    }
    png_set_write_fn(png, NULL, count_bytes, no_flush);
    png_set_compression_level(png, 9);
    png_set_IHDR(png, info, 1, 1, 8, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    png_byte row[1] = {128};
    png_write_row(png, row);
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return png_bytes > 8 && memcmp(png_head, "\x89PNG\r\n\x1a\n", 8) == 0;
}
#else
static int png_works(void)
{
    return 1;
}
#endif

int main(void)
{
    struct sb_stemmer *s = sb_stemmer_new("english", "UTF_8");
    const sb_symbol *stem =
        s ? sb_stemmer_stem(s, (const sb_symbol *)"running", 7) : NULL;
    json_t *j = json_pack("{s:i}", "n", 3);
    char *text = j ? json_dumps(j, JSON_COMPACT) : NULL;
    int ok = stem && strcmp((const char *)stem, "run") == 0 &&
             utf8proc_tolower('A') == 'a' && text &&
             strcmp(text, "{\"n\":3}") == 0 && png_works();
    free(text);
    json_decref(j);
    sb_stemmer_delete(s);
    puts(ok ? "ok" : "broken");
    return !ok;
}
