/* html.c: a web page to the article's text and the page's metadata (see
 * html.h).
 *
 * The walk over libxml2's DOM is iterative (pages nest thousands deep)
 * and makes two flat arrays in document order: the elements that matter
 * for structure (block-level ones and those with class/id hints) and the
 * blocks of text between block boundaries. Everything after the parse is
 * a few linear passes over those arrays. */
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "read/date.h"
#include "read/extract.h"
#include "read/html.h"
#include "util/alloc.h"
#include "util/utf8.h"

/* ==== Sniffing ==== */

static bool starts_ci(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    if (len < n)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)word[i])
            return false;
    }
    return true;
}

/* Whether s[0..len) holds word, ignoring ASCII case. */
static bool contains_ci(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i + n <= len; i++)
        if (starts_ci(s + i, len - i, word))
            return true;
    return false;
}

/* ASCII case-insensitive equality of two NUL-terminated strings. */
static bool eq_ci(const char *a, const char *b)
{
    size_t n = strlen(b);
    return strlen(a) == n && starts_ci(a, n, b);
}

bool html_sniff(const char *s, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    /* Skip white space and comments; a page opens with markup. */
    for (int rounds = 0; rounds < 64 && i < len; rounds++) {
        while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
                           s[i] == '\r' || s[i] == '\f'))
            i++;
        if (i + 4 <= len && memcmp(s + i, "<!--", 4) == 0) {
            const char *end = NULL;
            for (size_t k = i + 4; k + 3 <= len; k++)
                if (s[k] == '-' && s[k + 1] == '-' && s[k + 2] == '>') {
                    end = s + k + 3;
                    break;
                }
            if (!end)
                return false;
            i = (size_t)(end - s);
            continue;
        }
        break;
    }
    static const char *const opens[] = {"<!doctype html", "<html", "<head",
                                        "<body", "<meta", "<?xml"};
    for (size_t k = 0; k < sizeof opens / sizeof opens[0]; k++)
        if (starts_ci(s + i, len - i, opens[k]))
            /* XML opens XHTML pages, and feeds too. */
            return k < 5 ||
                   contains_ci(s + i, len - i < 1024 ? len - i : 1024, "<html");
    return false;
}

/* ==== Tags ==== */

enum tag_kind {
    TAG_INLINE, /* text flows through it: a, span, em, ... */
    TAG_BLOCK,  /* starts and ends a block: p, div, li, ... */
    TAG_SKIP,   /* never text: script, style, forms, media */
    TAG_JUNK,   /* page furniture: nav, aside, footer */
    TAG_BREAK   /* br, hr: ends the block it is in */
};

typedef struct tag_info {
    const char *name;
    enum tag_kind kind;
    unsigned flags; /* EX_HEADING, EX_LIST, EX_QUOTE */
} tag_info;

static const tag_info tags[] = {
    {"address", TAG_BLOCK, 0},     {"article", TAG_BLOCK, 0},
    {"aside", TAG_JUNK, 0},        {"audio", TAG_SKIP, 0},
    {"blockquote", TAG_BLOCK, EX_QUOTE},
    {"body", TAG_BLOCK, 0},        {"br", TAG_BREAK, 0},
    {"button", TAG_SKIP, 0},       {"canvas", TAG_SKIP, 0},
    {"caption", TAG_BLOCK, 0},     {"center", TAG_BLOCK, 0},
    {"dd", TAG_BLOCK, 0},          {"details", TAG_BLOCK, 0},
    {"dialog", TAG_SKIP, 0},       {"div", TAG_BLOCK, 0},
    {"dl", TAG_BLOCK, 0},          {"dt", TAG_BLOCK, 0},
    {"embed", TAG_SKIP, 0},        {"fieldset", TAG_BLOCK, 0},
    {"figcaption", TAG_SKIP, 0},   {"figure", TAG_SKIP, 0},
    {"footer", TAG_JUNK, 0},       {"form", TAG_BLOCK, 0},
    {"h1", TAG_BLOCK, EX_HEADING}, {"h2", TAG_BLOCK, EX_HEADING},
    {"h3", TAG_BLOCK, EX_HEADING}, {"h4", TAG_BLOCK, EX_HEADING},
    {"h5", TAG_BLOCK, EX_HEADING}, {"h6", TAG_BLOCK, EX_HEADING},
    {"head", TAG_SKIP, 0},         {"header", TAG_BLOCK, 0},
    {"hr", TAG_BREAK, 0},          {"html", TAG_BLOCK, 0},
    {"iframe", TAG_SKIP, 0},       {"input", TAG_SKIP, 0},
    {"label", TAG_SKIP, 0},        {"legend", TAG_BLOCK, 0},
    {"li", TAG_BLOCK, EX_LIST},    {"main", TAG_BLOCK, 0},
    {"map", TAG_SKIP, 0},          {"math", TAG_SKIP, 0},
    {"menu", TAG_JUNK, 0},         {"nav", TAG_JUNK, 0},
    {"noscript", TAG_SKIP, 0},     {"object", TAG_SKIP, 0},
    {"ol", TAG_BLOCK, 0},          {"option", TAG_SKIP, 0},
    {"p", TAG_BLOCK, 0},           {"picture", TAG_SKIP, 0},
    {"pre", TAG_BLOCK, EX_QUOTE},  {"script", TAG_SKIP, 0},
    {"section", TAG_BLOCK, 0},     {"select", TAG_SKIP, 0},
    {"style", TAG_SKIP, 0},        {"summary", TAG_BLOCK, 0},
    {"svg", TAG_SKIP, 0},          {"table", TAG_BLOCK, 0},
    {"tbody", TAG_BLOCK, 0},       {"td", TAG_BLOCK, 0},
    {"template", TAG_SKIP, 0},     {"textarea", TAG_SKIP, 0},
    {"tfoot", TAG_BLOCK, 0},       {"th", TAG_BLOCK, 0},
    {"thead", TAG_BLOCK, 0},       {"title", TAG_SKIP, 0},
    {"tr", TAG_BLOCK, 0},          {"ul", TAG_BLOCK, 0},
    {"video", TAG_SKIP, 0},
};

static const tag_info *tag_lookup(const char *name)
{
    size_t lo = 0, hi = sizeof tags / sizeof tags[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(name, tags[mid].name);
        if (c == 0)
            return &tags[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* ==== Class and id hints ==== */

/* Words in class and id attributes that name page furniture (negative)
 * or the article itself (positive), across sites and CMSs. */
static const char *const negative_hints[] = {
    "comment",   "share",    "social",    "related",   "newsletter",
    "subscri",   "cookie",   "consent",   "promo",     "advert",
    "sponsor",   "sidebar",  "breadcrumb", "popup",    "modal",
    "recirc",    "trending", "recommend", "signup",    "sign-up",
    "paywall",   "footer",   "byline",    "caption",   "credit",
    "navbar",    "navigation", "menu",    "masthead",  "toolbar",
    "widget",    "tags",     "disclaimer", "author-bio", "read-more",
    "readmore",  "more-stories", "most-popular", "mostpopular",
    "gdpr",      "banner",   "pagination", "pager",    "overlay",
    "teaser",    "outbrain", "taboola",   "disqus",
    "print-only", "skip-link", "sr-only",  "visually-hidden", "login",
    "donate",    "membership", "inline-ad", "ad-slot", "ad-container",
    "adslot",    "dfp",      "timestamp", "dateline",  "meta-data",
    "image",     "photo",    "gallery",   "standfirst",
    "article-meta", "post-meta", "entry-meta", "kicker", "eyebrow",
};
static const char *const positive_hints[] = {
    "article-body", "articlebody", "article-content", "article__body",
    "article_body", "story-body", "storybody", "story-content",
    "entry-content", "post-content", "post-body", "postbody",
    "main-content", "body-text", "bodytext", "article-text",
    "content-body", "text-body", "rich-text", "richtext",
};

/* Cards that pop up over a word or a name: furniture, but the word or the
 * linked name they wrap is the sentence's (see inline_furniture). */
static const char *const hover_hints[] = {"tooltip", "popover", "hovercard",
                                          "rollover"};

static bool has_hint(const char *s, const char *const *hints, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (strstr(s, hints[k]))
            return true;
    return false;
}

#define HAS_HINT(s, hints) has_hint(s, hints, sizeof hints / sizeof *hints)

/* +1 for an article hint, -1 for furniture, 0 for neither; s is the
 * lower-cased class, id and role. */
static int hint_of(const char *s)
{
    if (HAS_HINT(s, positive_hints))
        return 1;
    if (HAS_HINT(s, negative_hints) || HAS_HINT(s, hover_hints))
        return -1;
    return 0;
}

/* ==== The walk: elements and blocks ==== */

typedef struct element {
    int32_t parent;   /* index, -1 for the root */
    uint32_t end;     /* one past the last element of its subtree */
    int8_t hint;      /* hint_of */
    bool structural;  /* article, main, role=main, itemprop=articleBody */
    bool junk_tag;    /* nav, aside, footer */
    bool has_struct;  /* a structural element in its subtree */
    double value;     /* the blocks' values summed over the subtree */
    double positive;  /* the positive part of it */
} element;

typedef struct block {
    size_t off, len; /* into walk.text */
    int32_t el;      /* the innermost element it stands in */
    uint32_t link_chars;
    unsigned flags;
    bool linky; /* mostly link text */
    double value;
} block;

typedef struct walk {
    element *els;
    size_t n_els, cap_els;
    block *blocks;
    size_t n_blocks, cap_blocks;
    buf text;          /* the blocks' text, each NUL-terminated */
    size_t block_at;   /* where the open block's text starts */
    uint32_t link_at;  /* link code points in the open block */
    int link_depth;    /* inside <a> */
    int hover_depth;   /* inside a kept hover-card wrapper */
    bool pending_space;
    unsigned block_flags; /* flags of the open block element */
    int32_t cur;       /* the innermost open element */
    buf attr;          /* scratch for attributes */
} walk;

static void flush_block(walk *w)
{
    /* Drop a trailing space. */
    if (w->text.len > w->block_at && w->text.data[w->text.len - 1] == ' ')
        w->text.data[--w->text.len] = '\0';
    size_t len = w->text.len - w->block_at;
    w->pending_space = false;
    if (len == 0)
        return;
    if (w->n_blocks == w->cap_blocks) {
        w->cap_blocks = w->cap_blocks ? w->cap_blocks * 2 : 256;
        w->blocks =
            precis__reallocarray(w->blocks, w->cap_blocks, sizeof *w->blocks);
    }
    w->blocks[w->n_blocks++] = (block){w->block_at, len, w->cur, w->link_at,
                                       w->block_flags, false, 0};
    buf_putc(&w->text, '\0');
    w->block_at = w->text.len;
    w->link_at = 0;
}

/* Appends a text node's content with white space collapsed. */
static void add_text(walk *w, const char *s)
{
    size_t start = w->text.len;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            w->pending_space = w->text.len > w->block_at;
            continue;
        }
        /* U+00A0 no-break space reads as a space. */
        if (c == 0xC2 && p[1] == 0xA0) {
            p++;
            w->pending_space = w->text.len > w->block_at;
            continue;
        }
        if (w->pending_space) {
            buf_putc(&w->text, ' ');
            w->pending_space = false;
        }
        buf_putc(&w->text, (char)c);
    }
    /* (Nothing written leaves an empty buffer's NULL data: no offset.) */
    if (w->link_depth > 0 && w->text.len > start)
        w->link_at += (uint32_t)u8_count(w->text.data + start,
                                         w->text.len - start);
}

/* The lower-cased value of attribute name, in w->attr; false when
 * absent. */
static bool get_attr(walk *w, xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    if (!v)
        return false;
    buf_clear(&w->attr);
    for (const xmlChar *p = v; *p; p++)
        buf_putc(&w->attr, (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p));
    xmlFree(v);
    return true;
}

/* Hidden from readers: the hidden attribute, aria-hidden, display:none. */
static bool is_hidden(walk *w, xmlNode *n)
{
    if (xmlHasProp(n, (const xmlChar *)"hidden"))
        return true;
    if (get_attr(w, n, "aria-hidden") &&
        strcmp(buf_cstr(&w->attr), "true") == 0)
        return true;
    if (get_attr(w, n, "style")) {
        const char *s = buf_cstr(&w->attr);
        if (strstr(s, "display:none") || strstr(s, "display: none") ||
            strstr(s, "visibility:hidden") || strstr(s, "visibility: hidden"))
            return true;
    }
    return false;
}

/* Which furniture an element's class and id name: none, only a hover
 * card, or other furniture. */
enum furniture_kind { FURNITURE_NONE, FURNITURE_HOVER, FURNITURE_OTHER };

static enum furniture_kind furniture_of(walk *w, xmlNode *n)
{
    buf hints = {0};
    static const char *const names[] = {"class", "id"};
    for (size_t k = 0; k < 2; k++)
        if (get_attr(w, n, names[k])) {
            buf_put(&hints, buf_cstr(&w->attr), w->attr.len);
            buf_putc(&hints, ' ');
        }
    enum furniture_kind kind = FURNITURE_NONE;
    if (hints.len && hint_of(hints.data) < 0)
        kind = HAS_HINT(hints.data, negative_hints) ? FURNITURE_OTHER
                                                    : FURNITURE_HOVER;
    buf_free(&hints);
    return kind;
}

static bool is_anchor(const xmlNode *n)
{
    return strcmp((const char *)n->name, "a") == 0;
}

/* Whether n's subtree holds a hover card other than a link. */
static bool holds_hover_card(walk *w, xmlNode *n)
{
    for (xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE &&
            ((!is_anchor(c) && furniture_of(w, c) == FURNITURE_HOVER) ||
             holds_hover_card(w, c)))
            return true;
    return false;
}

/* Whether an inline element's class or id names page furniture (a photo's
 * caption and credit, a share link), which holds no article text. A hover
 * card is furniture, but its wrapper is not: a name linked in a sentence
 * may sit in an element named "rollover" together with the card of the
 * person's biography, and the name is the sentence's. So a link is kept,
 * and so is an outermost hover element that holds a card; a card inside
 * one, or standing alone, is dropped. Sets *wrapper for a kept one. */
static bool inline_furniture(walk *w, xmlNode *n, bool *wrapper)
{
    *wrapper = false;
    enum furniture_kind kind = furniture_of(w, n);
    if (kind != FURNITURE_HOVER)
        return kind == FURNITURE_OTHER;
    if (is_anchor(n))
        return false;
    if (w->hover_depth > 0 || !holds_hover_card(w, n))
        return true;
    *wrapper = true;
    return false;
}

static int32_t add_element(walk *w, const tag_info *t, xmlNode *n)
{
    if (w->n_els == w->cap_els) {
        w->cap_els = w->cap_els ? w->cap_els * 2 : 256;
        w->els = precis__reallocarray(w->els, w->cap_els, sizeof *w->els);
    }
    element *e = &w->els[w->n_els];
    *e = (element){w->cur, 0, 0, false, false, false, 0, 0};
    buf hints = {0};
    static const char *const names[] = {"class", "id", "role", "itemprop"};
    for (size_t k = 0; k < 4; k++)
        if (get_attr(w, n, names[k])) {
            buf_put(&hints, buf_cstr(&w->attr), w->attr.len);
            buf_putc(&hints, ' ');
        }
    if (hints.len) {
        e->hint = (int8_t)hint_of(hints.data);
        e->structural = strstr(hints.data, "articlebody") != NULL ||
                        (get_attr(w, n, "role") &&
                         (strcmp(buf_cstr(&w->attr), "main") == 0 ||
                          strcmp(buf_cstr(&w->attr), "article") == 0));
    }
    buf_free(&hints);
    if (t && (strcmp(t->name, "article") == 0 || strcmp(t->name, "main") == 0))
        e->structural = true;
    e->junk_tag = t && t->kind == TAG_JUNK;
    w->cur = (int32_t)w->n_els;
    return (int32_t)w->n_els++;
}

/* Enters node n; returns whether to descend into its children. */
static bool enter(walk *w, xmlNode *n)
{
    n->_private = NULL;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            add_text(w, (const char *)n->content);
        return false;
    }
    if (n->type != XML_ELEMENT_NODE)
        return false;
    const tag_info *t = tag_lookup((const char *)n->name);
    enum tag_kind kind = t ? t->kind : TAG_INLINE;
    if (kind == TAG_SKIP || is_hidden(w, n))
        return false;
    if (kind == TAG_BREAK) {
        flush_block(w);
        return false;
    }
    if (strcmp((const char *)n->name, "a") == 0)
        w->link_depth++;
    if (kind == TAG_INLINE) {
        /* An inline element named as furniture (a photo's caption and
         * credit, a share link) holds no article text. */
        bool wrapper;
        if (inline_furniture(w, n, &wrapper)) {
            if (strcmp((const char *)n->name, "a") == 0)
                w->link_depth--;
            return false;
        }
        w->hover_depth += wrapper;
        n->_private = (void *)(uintptr_t)(wrapper ? 3 : 1);
        return n->children != NULL;
    }
    flush_block(w);
    add_element(w, t, n);
    w->block_flags = t->flags;
    n->_private = (void *)(uintptr_t)2;
    return n->children != NULL;
}

static void leave(walk *w, xmlNode *n)
{
    uintptr_t mark = (uintptr_t)n->_private;
    if (mark == 0)
        return;
    if (strcmp((const char *)n->name, "a") == 0)
        w->link_depth--;
    if (mark == 3)
        w->hover_depth--;
    if (mark == 2) {
        flush_block(w);
        element *e = &w->els[w->cur];
        e->end = (uint32_t)w->n_els;
        w->cur = e->parent;
        w->block_flags = 0;
    }
    n->_private = NULL;
}

/* Walks the subtree of top in document order without recursion. */
static void walk_tree(walk *w, xmlNode *top)
{
    xmlNode *n = top;
    while (n) {
        if (enter(w, n) && n->children) {
            n = n->children;
            continue;
        }
        for (;;) {
            leave(w, n);
            if (n == top)
                return;
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
}

/* ==== Metadata ==== */

static void set_once(buf *b, const char *s)
{
    if (b->len || !s)
        return;
    /* Collapse white space, as the body's text is. */
    bool space = false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p <= ' ') {
            space = b->len > 0;
            continue;
        }
        if (space)
            buf_putc(b, ' ');
        space = false;
        buf_putc(b, (char)*p);
    }
}

/* "2019-11-18T23:03:00Z" and the like: the date and, after a 'T' or a
 * space, the time. */
static void set_datetime(html_page *pg, const char *s)
{
    if (!s || pg->date[0])
        return;
    size_t len = strlen(s), at, end;
    char date[11];
    if (!date_find(s, len < 64 ? len : 64, date, &at, &end) || at != 0)
        return;
    memcpy(pg->date, date, sizeof date);
    if (end < len && (s[end] == 'T' || s[end] == ' '))
        time_parse(s, len, end + 1, pg->time);
}

static const char *json_str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* A name from a JSON-LD person or organisation: a string, an object with
 * "name", or the first of an array of them. */
static const char *json_name(json_t *v)
{
    if (json_is_array(v))
        v = json_array_get(v, 0);
    if (json_is_string(v))
        return json_string_value(v);
    return json_is_object(v) ? json_str(v, "name") : NULL;
}

typedef struct ld_info {
    buf body; /* articleBody */
} ld_info;

/* Reads schema.org objects of a JSON-LD script: the first article's
 * headline, dates, author, publisher and body. */
static void read_ld(json_t *v, html_page *pg, ld_info *ld, int depth)
{
    if (depth > 8)
        return;
    if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x) read_ld(x, pg, ld, depth + 1);
        return;
    }
    if (!json_is_object(v))
        return;
    json_t *graph = json_object_get(v, "@graph");
    if (graph)
        read_ld(graph, pg, ld, depth + 1);
    const char *body = json_str(v, "articleBody");
    const char *date = json_str(v, "datePublished");
    const char *type = json_str(v, "@type");
    bool article = type && (strstr(type, "Article") || strstr(type, "Posting"));
    if (!article && !body && !date && !json_object_get(v, "headline"))
        return;
    set_once(&ld->body, body);
    set_datetime(pg, date);
    set_once(&pg->author, json_name(json_object_get(v, "author")));
    set_once(&pg->site, json_name(json_object_get(v, "publisher")));
}

typedef struct meta_found {
    buf og_title, head_title, h1;
} meta_found;

/* Reads <meta>, <link>, <title>, <time> and JSON-LD from the whole
 * document (not only <head>: pages put them anywhere). */
static void read_meta(xmlNode *top, html_page *pg, meta_found *mf, ld_info *ld)
{
    xmlNode *n = top;
    while (n) {
        bool down = true;
        if (n->type == XML_ELEMENT_NODE) {
            const char *name = (const char *)n->name;
            xmlChar *a = NULL, *b = NULL, *c = NULL;
            if (strcmp(name, "meta") == 0) {
                a = xmlGetNoNsProp(n, (const xmlChar *)"property");
                b = xmlGetNoNsProp(n, (const xmlChar *)"name");
                c = xmlGetNoNsProp(n, (const xmlChar *)"content");
                const char *key = (const char *)(a ? a : b);
                const char *val = (const char *)c;
                if (key && val) {
                    if (eq_ci(key, "og:title"))
                        set_once(&mf->og_title, val);
                    else if (eq_ci(key, "og:site_name"))
                        set_once(&pg->site, val);
                    else if (eq_ci(key, "og:url"))
                        set_once(&pg->url, val);
                    else if (eq_ci(key, "author") ||
                             eq_ci(key, "article:author"))
                        set_once(&pg->author, val);
                    else if (eq_ci(key, "article:published_time") ||
                             eq_ci(key, "date") ||
                             eq_ci(key, "pubdate"))
                        set_datetime(pg, val);
                }
                down = false;
            } else if (strcmp(name, "link") == 0) {
                a = xmlGetNoNsProp(n, (const xmlChar *)"rel");
                b = xmlGetNoNsProp(n, (const xmlChar *)"href");
                if (a && b && eq_ci((const char *)a, "canonical")) {
                    pg->url.len = 0;
                    set_once(&pg->url, (const char *)b);
                }
                down = false;
            } else if (strcmp(name, "title") == 0) {
                a = xmlNodeGetContent(n);
                set_once(&mf->head_title, (const char *)a);
                down = false;
            } else if (strcmp(name, "h1") == 0) {
                a = xmlNodeGetContent(n);
                set_once(&mf->h1, (const char *)a);
                down = false;
            } else if (strcmp(name, "time") == 0) {
                a = xmlGetNoNsProp(n, (const xmlChar *)"datetime");
                set_datetime(pg, (const char *)a);
            } else if (strcmp(name, "html") == 0) {
                a = xmlGetNoNsProp(n, (const xmlChar *)"lang");
                set_once(&pg->lang, (const char *)a);
            } else if (strcmp(name, "script") == 0) {
                a = xmlGetNoNsProp(n, (const xmlChar *)"type");
                if (a && eq_ci((const char *)a, "application/ld+json")) {
                    b = xmlNodeGetContent(n);
                    if (b) {
                        json_t *j = json_loads((const char *)b,
                                               JSON_DISABLE_EOF_CHECK, NULL);
                        read_ld(j, pg, ld, 0);
                        json_decref(j);
                    }
                }
                down = false;
            } else if (strcmp(name, "style") == 0) {
                down = false;
            }
            xmlFree(a);
            xmlFree(b);
            xmlFree(c);
        } else {
            down = false;
        }
        if (down && n->children) {
            n = n->children;
            continue;
        }
        while (n && n != top && !n->next)
            n = n->parent;
        if (!n || n == top)
            break;
        n = n->next;
    }
}

/* What stands between a story's title and its site's name. */
static const char *const title_seps[] = {" | ", " - ", " \xE2\x80\x93 ",
                                         " \xE2\x80\x94 ", " :: ",
                                         " \xC2\xBB "};

/* An og:title or h1 without the site's name when the page names the site
 * and the title ends ("Story | Site") or starts ("Site - Story") with it. */
static void strip_named_site(buf *t, const buf *site)
{
    if (!site->len || t->len <= site->len)
        return;
    for (size_t k = 0; k < sizeof title_seps / sizeof *title_seps; k++) {
        size_t sep = strlen(title_seps[k]), n = site->len + sep;
        if (t->len <= n)
            continue;
        const char *end = t->data + t->len - n;
        if (strncmp(end, title_seps[k], sep) == 0 &&
            strncasecmp(end + sep, site->data, site->len) == 0) {
            t->len -= n;
            t->data[t->len] = '\0';
            return;
        }
        if (strncasecmp(t->data, site->data, site->len) == 0 &&
            strncmp(t->data + site->len, title_seps[k], sep) == 0) {
            memmove(t->data, t->data + n, t->len - n);
            t->len -= n;
            t->data[t->len] = '\0';
            return;
        }
    }
}

/* The <title> element without the site's name: "Story - Site", "Site |
 * Story". The longest part between separators is the story. */
static void strip_site_suffix(buf *t)
{
    const char *s = buf_cstr(t);
    size_t best_at = 0, best_len = t->len, at = 0;
    bool cut = false;
    for (size_t i = 0; i <= t->len; i++) {
        size_t sep = 0;
        for (size_t k = 0;
             k < sizeof title_seps / sizeof *title_seps && i < t->len; k++)
            if (strncmp(s + i, title_seps[k], strlen(title_seps[k])) == 0)
                sep = strlen(title_seps[k]);
        if (sep || i == t->len) {
            if (!cut || i - at > best_len) {
                best_at = at;
                best_len = i - at;
            }
            if (!sep)
                break;
            cut = true;
            at = i + sep;
            i += sep - 1;
        }
    }
    if (cut && best_len > 0) {
        memmove(t->data, t->data + best_at, best_len);
        t->len = best_len;
        t->data[best_len] = '\0';
    }
}

/* ==== Choosing the article ==== */

/* Values every block and sums them over each element's subtree. junk
 * marks blocks that stand in page furniture. */
/* Whether blocks h (a linked headline) and p (a paragraph after it) make
 * a card: the smallest element holding both holds no other prose, within
 * a few blocks either side. A related-story link set between an
 * article's paragraphs shares its element with the article's prose. */
static bool is_card(const walk *w, const ex_block *x, size_t h, size_t p,
                    bool have_stop)
{
    int32_t a = w->blocks[h].el;
    int32_t pe = w->blocks[p].el;
    for (int up = 0; a >= 0 && up < 8; up++, a = w->els[a].parent)
        if (pe >= a && (uint32_t)pe < w->els[a].end)
            break;
    if (a < 0 || !(pe >= a && (uint32_t)pe < w->els[a].end))
        return false;
    uint32_t end = w->els[a].end;
    for (size_t k = h, n = 0; k-- > 0 && n < 8; n++) {
        if (w->blocks[k].el < a)
            break;
        if (ex_is_prose(&x[k], have_stop))
            return false;
    }
    for (size_t k = p + 1, n = 0; k < w->n_blocks && n < 8; k++, n++) {
        if ((uint32_t)w->blocks[k].el >= end || w->blocks[k].el < a)
            return true;
        if (ex_is_prose(&x[k], have_stop))
            return false;
    }
    return false;
}

static void value_blocks(walk *w, const lang_model *m)
{
    ex_block *x = precis__calloc(w->n_blocks ? w->n_blocks : 1, sizeof *x);
    for (size_t k = 0; k < w->n_blocks; k++) {
        block *b = &w->blocks[k];
        x[k].text = w->text.data + b->off;
        x[k].len = b->len;
        ex_features(&x[k], m);
        x[k].link_chars = b->link_chars;
        x[k].flags = b->flags;
    }
    bool have_stop = m && ex_stopwords_usable(x, w->n_blocks);
    /* A headline that is a link, then (after a byline, a time, a source
     * label) a paragraph: a teaser of another story. */
    for (size_t k = 0; k + 1 < w->n_blocks; k++) {
        if (!(x[k].flags & EX_HEADING) || x[k].link_chars * 2 <= x[k].chars)
            continue;
        for (size_t j = k + 1; j < w->n_blocks && j <= k + 3; j++) {
            if (x[j].flags & EX_HEADING)
                break;
            if (ex_is_prose(&x[j], have_stop) && x[j].link_chars == 0) {
                if (is_card(w, x, k, j, have_stop))
                    x[j].flags |= EX_TEASER;
                break;
            }
        }
    }
    for (size_t k = 0; k < w->n_blocks; k++)
        w->blocks[k].linky = x[k].link_chars * 2 > x[k].chars;
    for (size_t e = 0; e < w->n_els; e++)
        w->els[e].value = w->els[e].positive = 0;
    for (size_t k = 0; k < w->n_blocks; k++) {
        block *b = &w->blocks[k];
        b->value = ex_block_value(&x[k], have_stop);
        if (b->el >= 0) {
            w->els[b->el].value += b->value;
            if (b->value > 0)
                w->els[b->el].positive += b->value;
        }
    }
    free(x);
    /* Children follow their parents in the array: one backward pass sums
     * every subtree. */
    for (size_t e = w->n_els; e-- > 1;) {
        element *el = &w->els[e];
        if (el->parent >= 0) {
            w->els[el->parent].value += el->value;
            w->els[el->parent].positive += el->positive;
            w->els[el->parent].has_struct |= el->structural || el->has_struct;
        }
    }
}

/* Marks the blocks inside page furniture (nav, aside, footer, elements
 * whose class or id names a comment section, share bar, related list...)
 * as junk, unless the furniture holds the article: a wrapper that holds
 * most of the page's prose or an article element is not furniture. */
static bool mark_junk(walk *w, const lang_model *m)
{
    if (w->n_els == 0)
        return false;
    double total = w->els[0].positive;
    bool *junk = precis__calloc(w->n_els, sizeof *junk);
    bool any = false;
    for (size_t e = 0; e < w->n_els; e++) {
        element *x = &w->els[e];
        if (x->parent >= 0 && junk[x->parent]) {
            junk[e] = true;
            continue;
        }
        bool furniture = x->junk_tag || (x->hint < 0 && !x->structural);
        junk[e] = furniture && !x->has_struct && x->positive < total * 0.6;
        any |= junk[e];
    }
    for (size_t k = 0; k < w->n_blocks; k++)
        if (w->blocks[k].el >= 0 && junk[w->blocks[k].el])
            w->blocks[k].flags |= EX_JUNK;
    free(junk);
    if (any)
        value_blocks(w, m);
    return any;
}

/* The element whose subtree holds the most value; an element marked as
 * the article (itemprop=articleBody, <article>, <main>) or hinted so by
 * its class gets a little more. Among equals the innermost wins. */
static int32_t best_element(const walk *w)
{
    int32_t best = -1;
    double best_v = 0;
    for (size_t e = 0; e < w->n_els; e++) {
        const element *x = &w->els[e];
        double v = x->value;
        if (x->structural || x->hint > 0)
            v *= 1.1;
        if (best < 0 || v >= best_v) {
            best = (int32_t)e;
            best_v = v;
        }
    }
    return best;
}

/* The element the page marks as its article (itemprop=articleBody,
 * <article>, <main>, role=main, an article-body class) when it holds
 * most of the page's prose: then it is the article even when lists,
 * tables or short paragraphs make its sum poor. Among nested ones, the
 * innermost that holds nearly as much prose as the largest. -1 if none. */
static int32_t marked_article(const walk *w)
{
    double total = w->n_els ? w->els[0].positive : 0, most = 0;
    for (size_t e = 0; e < w->n_els; e++) {
        const element *x = &w->els[e];
        if ((x->structural || x->hint > 0) && x->positive > most)
            most = x->positive;
    }
    if (most <= 0 || most < total * 0.5)
        return -1;
    int32_t best = -1;
    for (size_t e = 0; e < w->n_els; e++) {
        const element *x = &w->els[e];
        if ((x->structural || x->hint > 0) && x->positive >= most * 0.9)
            best = (int32_t)e;
    }
    return best;
}

/* Whether text equals the title, ignoring case of ASCII letters. */
static bool same_text(const char *a, size_t alen, const buf *b)
{
    if (!b->len || alen != b->len)
        return false;
    for (size_t i = 0; i < alen; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b->data[i];
        if ((x >= 'A' && x <= 'Z' ? x + 32 : x) !=
            (y >= 'A' && y <= 'Z' ? y + 32 : y))
            return false;
    }
    return true;
}

/* Whether element e stands in element anc's subtree. */
static bool within(const walk *w, int32_t e, int32_t anc)
{
    return e >= anc && (uint32_t)e < w->els[anc].end;
}

/* A page of several posts (a blog's post, then the teasers of others,
 * each its own <article>): when the chosen element and the page's
 * headline stand in different article elements side by side, the
 * article is the one that holds the headline, if it holds a fair share
 * of the prose. Returns top when there is no such choice. */
static int32_t headline_article(const walk *w, int32_t top, const buf *h1)
{
    int32_t head = -1;
    for (size_t k = 0; k < w->n_blocks && head < 0; k++)
        if (same_text(w->text.data + w->blocks[k].off, w->blocks[k].len, h1))
            head = w->blocks[k].el;
    if (head < 0)
        return top;
    /* The smallest element that holds both. */
    int32_t both = top;
    while (both >= 0 && !within(w, head, both))
        both = w->els[both].parent;
    if (both < 0)
        return top;
    /* The outermost article elements below it. */
    size_t outer = 0;
    int32_t pick = -1;
    for (uint32_t e = (uint32_t)both + 1; e < w->els[both].end;) {
        if (!w->els[e].structural) {
            e++;
            continue;
        }
        outer++;
        if (within(w, head, (int32_t)e))
            pick = (int32_t)e;
        /* On past its subtree. */
        e = w->els[e].end > e ? w->els[e].end : e + 1;
    }
    if (outer < 2 || pick < 0 || pick == top ||
        w->els[pick].positive * 4 < w->els[top].positive)
        return top;
    return pick;
}

/* Writes the article: the blocks of element top's subtree that are prose,
 * and the short blocks (headings, list entries, short paragraphs) that
 * stand between two of them. */
/* Whether block k stands in the subtree [lo, hi) and counts: not
 * furniture, not a link list. */
static bool in_article(const walk *w, size_t k, uint32_t lo, uint32_t hi)
{
    const block *b = &w->blocks[k];
    return b->el >= (int32_t)lo && (uint32_t)b->el < hi &&
           !(b->flags & EX_JUNK) && !b->linky;
}

/* As for plain text (extract.c): a short paragraph at either end of the
 * article, set apart from the rest by a label, a credit or a byline (a
 * few blocks; a long list or table between is the article's own), is a
 * caption, a prompt or an author's note, not the article's. */
static void trim_islands(const walk *w, uint32_t lo, uint32_t hi,
                         size_t *first, size_t *last)
{
    double total = 0;
    for (size_t k = *first; k <= *last; k++)
        if (in_article(w, k, lo, hi) && w->blocks[k].value > 0)
            total += w->blocks[k].value;
    for (int pass = 0; pass < 3 && *first < *last; pass++) {
        double v = w->blocks[*last].value;
        size_t k = *last, gap = 0;
        while (k > *first && !(in_article(w, k - 1, lo, hi) &&
                               w->blocks[k - 1].value > 0))
            gap += in_article(w, --k, lo, hi);
        if (gap == 0 || gap > 3 || k <= *first || v >= 30 || v * 4 >= total)
            break;
        *last = k - 1;
    }
    for (int pass = 0; pass < 3 && *first < *last; pass++) {
        double v = w->blocks[*first].value;
        size_t k = *first, gap = 0;
        while (k < *last && !(in_article(w, k + 1, lo, hi) &&
                              w->blocks[k + 1].value > 0))
            gap += in_article(w, ++k, lo, hi);
        if (gap == 0 || gap > 3 || k >= *last || v >= 30 || v * 4 >= total)
            break;
        *first = k + 1;
    }
}

/* A standfirst: the article's first paragraph when it comes just after
 * the headline (a few short blocks, the byline and the date, between)
 * but stands outside the element that holds the rest of the body, as a
 * heading or a box of its own between the headline and the text. */
static bool is_standfirst(const walk *w, uint32_t lo, uint32_t hi,
                          size_t first, size_t last, const buf *title)
{
    size_t k2 = first + 1;
    while (k2 <= last &&
           !(in_article(w, k2, lo, hi) && w->blocks[k2].value > 0))
        k2++;
    if (k2 >= last || !title->len)
        return false;
    /* The headline within the three blocks before it. */
    bool after_title = false;
    for (size_t k = first, n = 0; k-- > 0 && n < 3; n++) {
        const block *b = &w->blocks[k];
        if (same_text(w->text.data + b->off, b->len, title)) {
            after_title = true;
            break;
        }
        if (b->value > 0)
            break;
    }
    if (!after_title)
        return false;
    /* The smallest element that holds the body's other paragraphs. */
    int32_t body = w->blocks[k2].el;
    while (body >= 0 && !within(w, w->blocks[last].el, body))
        body = w->els[body].parent;
    if (body < 0 || within(w, w->blocks[first].el, body))
        return false;
    double rest = 0;
    for (size_t k = k2; k <= last; k++)
        if (in_article(w, k, lo, hi) && w->blocks[k].value > 0)
            rest += w->blocks[k].value;
    return w->blocks[first].value * 3 < rest;
}

static void write_article(const walk *w, int32_t top, bool marked,
                          const buf *title, buf *out)
{
    uint32_t lo = (uint32_t)top, hi = w->els[top].end;
    size_t first = SIZE_MAX, last = 0;
    for (size_t k = 0; k < w->n_blocks; k++) {
        const block *b = &w->blocks[k];
        if (b->el < (int32_t)lo || (uint32_t)b->el >= hi || b->value <= 0 ||
            same_text(w->text.data + b->off, b->len, title))
            continue;
        if (first == SIZE_MAX)
            first = k;
        last = k;
    }
    if (first == SIZE_MAX)
        return;
    trim_islands(w, lo, hi, &first, &last);
    if (is_standfirst(w, lo, hi, first, last, title))
        while (++first < last && !(in_article(w, first, lo, hi) &&
                                   w->blocks[first].value > 0))
            ;
    /* In an element the page marks as the article, what follows the
     * last paragraph (a list, a table, a short closing line) is still
     * the article's, up to a heading, which opens another section. */
    if (marked)
        for (size_t k = last + 1; k < w->n_blocks && w->blocks[k].el >= top &&
                                  (uint32_t)w->blocks[k].el < hi &&
                                  !(w->blocks[k].flags & EX_HEADING);
             k++)
            last = k;
    for (size_t k = first; k <= last; k++) {
        const block *b = &w->blocks[k];
        if (b->el < (int32_t)lo || (uint32_t)b->el >= hi)
            continue;
        const char *s = w->text.data + b->off;
        /* The headline is the title, never body text, even when it
         * reads as a sentence ("What is ... worth?"). */
        if ((b->flags & EX_JUNK) || b->linky || same_text(s, b->len, title))
            continue;
        /* Short blocks inside the article stay, unless they are link
         * lists or separators. */
        if (b->value < -4)
            continue;
        if (out->len)
            buf_puts(out, "\n\n");
        buf_put(out, s, b->len);
    }
}

/* ==== Entry point ==== */

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
    xmlInitParser();
}

/* A sample of the page's prose for language detection: its longest
 * blocks, up to 8 KiB. */
static void lang_sample(const walk *w, buf *out)
{
    for (size_t k = 0; k < w->n_blocks && out->len < 8192; k++)
        if (w->blocks[k].len >= 80) {
            buf_put(out, w->text.data + w->blocks[k].off, w->blocks[k].len);
            buf_putc(out, '\n');
        }
}

bool html_extract(const char *s, size_t len, html_lang_fn pick, void *ud,
                  html_page *pg, buf *err)
{
    if (len > INT_MAX) {
        buf_puts(err, "HTML page larger than 2 GiB");
        return false;
    }
    pthread_once(&xml_once, xml_init);
    htmlDocPtr doc = htmlReadMemory(s, (int)len, NULL, NULL,
                                    HTML_PARSE_RECOVER | HTML_PARSE_NONET |
                                        HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING);
    if (!doc) {
        buf_puts(err, "not a readable HTML page");
        return false;
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root) {
        xmlFreeDoc(doc);
        return true;
    }
    meta_found mf = {0};
    ld_info ld = {0};
    read_meta(root, pg, &mf, &ld);

    walk w = {0};
    w.cur = -1;
    /* Never NULL: blocks are offsets into it, even when it stays empty. */
    buf_grow(&w.text, 256);
    xmlNode *body = root;
    for (xmlNode *c = root->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE &&
            strcmp((const char *)c->name, "body") == 0)
            body = c;
    walk_tree(&w, body);
    flush_block(&w);
    for (size_t k = 0; k < w.n_blocks; k++)
        pg->visible += w.blocks[k].len;

    /* The title: og:title, the JSON-LD headline, the first h1, or the
     * title element without the site's name. */
    if (mf.og_title.len) {
        set_once(&pg->title, mf.og_title.data);
        strip_named_site(&pg->title, &pg->site);
    } else if (mf.h1.len) {
        set_once(&pg->title, mf.h1.data);
        strip_named_site(&pg->title, &pg->site);
    } else if (mf.head_title.len) {
        set_once(&pg->title, mf.head_title.data);
        strip_site_suffix(&pg->title);
    }

    buf sample = {0};
    lang_sample(&w, &sample);
    const lang_model *m = pick ? pick(ud, sample.data ? sample.data : "",
                                      sample.len)
                               : NULL;
    buf_free(&sample);
    value_blocks(&w, m);
    mark_junk(&w, m);
    int32_t top = best_element(&w);
    int32_t marked = marked_article(&w);
    if (marked >= 0)
        top = marked;
    if (top >= 0) {
        int32_t post = headline_article(&w, top, &mf.h1);
        if (post != top)
            top = marked = post;
    }
    if (top >= 0 && w.els[top].positive > 0)
        write_article(&w, top, top == marked, &mf.h1, &pg->text);
    /* A page whose markup hides the article (scripts build it) may still
     * give it whole in JSON-LD. */
    if (ld.body.len > 2 * pg->text.len && ld.body.len >= 200) {
        buf_clear(&pg->text);
        buf_put(&pg->text, ld.body.data, ld.body.len);
    }

    buf_free(&ld.body);
    buf_free(&mf.og_title);
    buf_free(&mf.head_title);
    buf_free(&mf.h1);
    free(w.els);
    free(w.blocks);
    buf_free(&w.text);
    buf_free(&w.attr);
    xmlFreeDoc(doc);
    return true;
}

void html_page_free(html_page *pg)
{
    if (!pg)
        return;
    buf_free(&pg->text);
    buf_free(&pg->title);
    buf_free(&pg->site);
    buf_free(&pg->url);
    buf_free(&pg->author);
    buf_free(&pg->lang);
}
