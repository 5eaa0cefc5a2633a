/* feed.c: RSS and Atom feeds into items (title, link, date, source,
 * content), with libxml2.
 *
 * A feed comes from the open web, so the parser is kept on a short leash:
 * no network (XML_PARSE_NONET), no external DTD or entity is loaded, and
 * entities are never substituted (no XML_PARSE_NOENT). Text is collected
 * from text and CDATA nodes only, so an entity reference (an external one
 * naming a local file, or a "billion laughs" chain) contributes nothing;
 * the predefined entities and character references are already text by
 * then. libxml2's own limits (no XML_PARSE_HUGE) bound what is left. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "internal.h"
#include "read/date.h"
#include "read/feed.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/utf8.h"

/* Most items read from one feed; the rest are dropped. */
#define FEED_MAX_ITEMS 10000

typedef struct feed_entry {
    char *title, *link, *content;
    size_t content_len;
    bool content_is_html;
    char date[11], time[6];
} feed_entry;

struct precis_feed {
    precis_ctx *ctx; /* where failures are reported; the caller's */
    char *source;    /* the channel's or feed's title */
    feed_entry *items;
    size_t n_items;
};

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
    xmlInitParser();
}

/* ==== Reading the tree ==== */

static bool named(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE &&
           strcmp((const char *)n->name, name) == 0;
}

/* The text of n's text and CDATA descendants, in order; entity
 * references are skipped (see the top of the file). Depth-bounded. */
static void gather_text(const xmlNode *n, buf *out, int depth)
{
    if (depth > 64)
        return;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                buf_puts(out, (const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            gather_text(c, out, depth + 1);
            /* Elements inside xhtml content are blocks or words. */
            buf_putc(out, ' ');
        }
    }
}

/* n's text, white space collapsed and trimmed, valid UTF-8; NULL when
 * empty. */
static char *text_of(const xmlNode *n)
{
    buf raw = {0}, clean = {0};
    gather_text(n, &raw, 0);
    buf fixed = {0};
    u8_repair(&fixed, raw.data ? raw.data : "", raw.len);
    bool space = false;
    for (size_t i = 0; i < fixed.len; i++) {
        char c = fixed.data[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = clean.len > 0;
            continue;
        }
        if (space)
            buf_putc(&clean, ' ');
        space = false;
        buf_putc(&clean, c);
    }
    buf_free(&raw);
    buf_free(&fixed);
    if (clean.len == 0) {
        buf_free(&clean);
        return NULL;
    }
    return buf_detach(&clean, NULL);
}

/* n's text as it stands (line breaks kept), for content. */
static char *content_of(const xmlNode *n, size_t *len)
{
    buf raw = {0}, fixed = {0};
    gather_text(n, &raw, 0);
    u8_repair(&fixed, raw.data ? raw.data : "", raw.len);
    buf_free(&raw);
    if (fixed.len == 0) {
        buf_free(&fixed);
        *len = 0;
        return NULL;
    }
    return buf_detach(&fixed, len);
}

static char *attr(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *s = precis__strdup((const char *)v);
    xmlFree(v);
    return s;
}

/* The date and time of a pubDate ("Tue, 04 Nov 2025 12:20:00 GMT") or an
 * ISO date ("2025-11-04T12:20:00Z"). */
static void read_date(const xmlNode *n, feed_entry *e)
{
    char *t = text_of(n);
    if (!t)
        return;
    size_t at, end, len = strlen(t);
    char d[11], hm[6];
    if (date_find(t, len, d, &at, &end)) {
        memcpy(e->date, d, sizeof d);
        size_t i = end;
        while (i < len && (t[i] == ' ' || t[i] == 'T' || t[i] == ','))
            i++;
        if (time_parse(t, len, i, hm))
            memcpy(e->time, hm, sizeof hm);
    }
    free(t);
}

static void set_once(char **field, char *value)
{
    if (*field || !value) {
        free(value);
        return;
    }
    *field = value;
}

static void set_content(feed_entry *e, const xmlNode *n, bool html)
{
    size_t len;
    char *c = content_of(n, &len);
    if (!c)
        return;
    /* The fuller body wins: content:encoded or content over a
     * description or summary. */
    if (e->content && e->content_len >= len) {
        free(c);
        return;
    }
    free(e->content);
    e->content = c;
    e->content_len = len;
    e->content_is_html = html;
}

/* An RSS <item> (2.0, 0.9x and 1.0 alike). */
static void read_rss_item(const xmlNode *item, feed_entry *e)
{
    char *guid = NULL;
    for (const xmlNode *c = item->children; c; c = c->next) {
        if (named(c, "title"))
            set_once(&e->title, text_of(c));
        else if (named(c, "link"))
            set_once(&e->link, text_of(c));
        else if (named(c, "guid"))
            set_once(&guid, text_of(c));
        else if (named(c, "pubDate") || named(c, "date") ||
                 named(c, "published") || named(c, "updated"))
            read_date(c, e);
        else if (named(c, "description") || named(c, "encoded"))
            set_content(e, c, true);
    }
    if (!e->link && guid && (strncmp(guid, "http://", 7) == 0 ||
                             strncmp(guid, "https://", 8) == 0)) {
        e->link = guid;
        guid = NULL;
    }
    free(guid);
}

/* An Atom <entry>. */
static void read_atom_entry(const xmlNode *entry, feed_entry *e)
{
    for (const xmlNode *c = entry->children; c; c = c->next) {
        if (named(c, "title")) {
            set_once(&e->title, text_of(c));
        } else if (named(c, "link")) {
            char *rel = attr(c, "rel");
            if (!rel || strcmp(rel, "alternate") == 0)
                set_once(&e->link, attr(c, "href"));
            free(rel);
        } else if (named(c, "published") ||
                   (named(c, "updated") && !e->date[0])) {
            read_date(c, e);
        } else if (named(c, "content") || named(c, "summary")) {
            char *type = attr(c, "type");
            bool html = type && (strcmp(type, "html") == 0 ||
                                 strstr(type, "html") != NULL);
            /* xhtml content is markup inside the element: its text. */
            if (type && strcmp(type, "xhtml") == 0)
                html = false;
            free(type);
            set_content(e, c, html);
        }
    }
}

static void add_item(precis_feed *f, size_t *cap, const xmlNode *n,
                     bool atom)
{
    if (f->n_items == FEED_MAX_ITEMS)
        return;
    if (f->n_items == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        f->items = precis__reallocarray(f->items, *cap, sizeof *f->items);
    }
    feed_entry *e = &f->items[f->n_items];
    memset(e, 0, sizeof *e);
    if (atom)
        read_atom_entry(n, e);
    else
        read_rss_item(n, e);
    f->n_items++;
}

/* Items are the <item>s of an RSS channel (or of an RSS 1.0 rdf:RDF) and
 * the <entry>s of an Atom feed; the source is the channel's title. */
static void read_feed(precis_feed *f, const xmlNode *root)
{
    size_t cap = 0;
    bool atom = named(root, "feed");
    for (const xmlNode *c = root->children; c; c = c->next) {
        if (named(c, "channel")) {
            for (const xmlNode *d = c->children; d; d = d->next) {
                if (named(d, "title"))
                    set_once(&f->source, text_of(d));
                else if (named(d, "item"))
                    add_item(f, &cap, d, false);
            }
        } else if (atom && named(c, "title")) {
            set_once(&f->source, text_of(c));
        } else if (atom && named(c, "entry")) {
            add_item(f, &cap, c, true);
        } else if (!atom && named(c, "item")) {
            add_item(f, &cap, c, false);
        }
    }
}

/* ==== Detection and the public calls ==== */

/* Skips a BOM, white space, the XML declaration, comments, processing
 * instructions and a DOCTYPE; returns where the root element's name
 * starts, or NULL. Looks at the first 4 KB only. */
static const char *root_name(const char *s, size_t len)
{
    size_t i = 0, lim = len < 4096 ? len : 4096;
    if (lim >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < lim) {
        while (i < lim && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
                           s[i] == '\n'))
            i++;
        if (i + 1 >= lim || s[i] != '<')
            return NULL;
        if (s[i + 1] == '?' || s[i + 1] == '!') {
            const char *close = memchr(s + i, '>', lim - i);
            if (!close)
                return NULL;
            i = (size_t)(close - s) + 1;
            continue;
        }
        return s + i + 1;
    }
    return NULL;
}

bool feed_sniff(const void *data, size_t len)
{
    const char *s = data;
    const char *r = root_name(s, len);
    if (!r)
        return false;
    size_t left = len - (size_t)(r - s);
    static const char *const roots[] = {"rss", "feed", "rdf:RDF", "RDF"};
    for (size_t k = 0; k < sizeof roots / sizeof roots[0]; k++) {
        size_t n = strlen(roots[k]);
        if (left > n && memcmp(r, roots[k], n) == 0 &&
            (r[n] == ' ' || r[n] == '>' || r[n] == '\t' || r[n] == '\n' ||
             r[n] == '\r' || r[n] == '/'))
            return true;
    }
    return false;
}

precis_feed *precis_feed_parse(precis_ctx *ctx, const void *data, size_t len)
{
    if (!ctx)
        return NULL;
    if (!data || len == 0) {
        precis__fail(ctx, PRECIS_EEMPTY, "the feed is empty");
        return NULL;
    }
    if (len > INT32_MAX) {
        precis__fail(ctx, PRECIS_ETOOBIG, "the feed is larger than 2 GB");
        return NULL;
    }
    pthread_once(&xml_once, xml_init);
    xmlDoc *doc = xmlReadMemory(data, (int)len, NULL, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR |
                                    XML_PARSE_NOWARNING);
    if (!doc) {
        const xmlError *e = xmlGetLastError();
        precis__fail(ctx, PRECIS_EFEED, "not a well-formed feed%s%s",
                     e && e->message ? ": " : "",
                     e && e->message ? e->message : "");
        xmlResetLastError();
        return NULL;
    }
    const xmlNode *root = xmlDocGetRootElement(doc);
    if (!root || !(named(root, "rss") || named(root, "feed") ||
                   named(root, "RDF"))) {
        precis__fail(ctx, PRECIS_EFEED,
                     "not an RSS or Atom feed (the root element is <%s>)",
                     root ? (const char *)root->name : "nothing");
        xmlFreeDoc(doc);
        return NULL;
    }
    precis_feed *f = precis__calloc(1, sizeof *f);
    f->ctx = ctx;
    read_feed(f, root);
    xmlFreeDoc(doc);
    return f;
}

int precis_feed_sniff(const void *data, size_t len)
{
    return data && feed_sniff(data, len);
}

size_t precis_feed_count(const precis_feed *f)
{
    return f ? f->n_items : 0;
}

const char *precis_feed_source(const precis_feed *f)
{
    return f ? f->source : NULL;
}

precis_status precis_feed_item(const precis_feed *f, size_t i,
                               precis_feed_entry *out)
{
    if (!f)
        return PRECIS_EINVAL;
    if (i >= f->n_items)
        return precis__fail(f->ctx, PRECIS_EINVAL,
                            "feed item %zu out of range (the feed has %zu)",
                            i, f->n_items);
    const feed_entry *e = &f->items[i];
    out->title = e->title;
    out->link = e->link;
    out->date = e->date[0] ? e->date : NULL;
    out->time = e->time[0] ? e->time : NULL;
    out->content = e->content ? e->content : "";
    out->content_len = e->content_len;
    out->content_is_html = e->content_is_html;
    return PRECIS_OK;
}

void precis_feed_free(precis_feed *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n_items; i++) {
        free(f->items[i].title);
        free(f->items[i].link);
        free(f->items[i].content);
    }
    free(f->items);
    free(f->source);
    free(f);
}
