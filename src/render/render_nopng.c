/* render_nopng.c: the PNG and APNG encoders of a build without libpng
 * (meson -Dpng=disabled). PPM still works; PNG and APNG fail cleanly. */
#include <stdio.h>

#include "render/canvas.h"

int img_png_encode(const canvas *c, precis_pixels pixels, buf *out, char *err,
               size_t errsize)
{
    (void)c;
    (void)pixels;
    (void)out;
    if (err && errsize)
        snprintf(err, errsize, "built without libpng: no PNG output");
    return -1;
}

int img_apng_encode(const canvas *tape, int frame_w, int step, unsigned delay_ms,
                precis_pixels pixels, buf *out, char *err, size_t errsize)
{
    (void)frame_w;
    (void)step;
    (void)delay_ms;
    return img_png_encode(tape, pixels, out, err, errsize);
}
