/* render_text.c: the summary as plain text, one sentence per line.
 *
 * Plain text needs no escaping: with no hook, input text is copied as it
 * is, and sentences hold no newline (segment guarantees it), so each
 * stays on its line. */
#include "internal.h"
#include "render/render.h"

precis_status precis_render_text(const precis_doc *doc, precis_sink *sink)
{
    precis_status st = render_check_doc(doc);
    if (st != PRECIS_OK)
        return st;
    renderer r;
    render_begin(&r, doc, sink, NULL);
    for (size_t k = 0; k < doc->n_summary; k++) {
        precis_sentence s;
        precis_doc_summary_sentence(doc, k, &s);
        render_text(&r, s.text, s.len);
        render_lit(&r, "\n");
    }
    return render_end(&r);
}
