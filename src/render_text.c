/* render_text.c: the summary as plain text, one sentence per line. */
#include "internal.h"

precis_status precis_render_text(const precis_doc *doc, precis_sink *sink)
{
    if (doc->state != DOC_SUMMARIZED)
        return precis__fail(doc->ctx, PRECIS_ESTATE,
                            "render before summarize");
    for (size_t k = 0; k < doc->n_summary; k++) {
        const sentence *s = &doc->sents[doc->summary[k]];
        if (sink->write(sink->ud, doc->text.data + s->off, s->len) != 0 ||
            sink->write(sink->ud, "\n", 1) != 0)
            return precis__fail(doc->ctx, PRECIS_EIO, "write failed: %s",
                                "the output sink refused the data");
    }
    return PRECIS_OK;
}
