/* HTML pages: libxml2's forgiving parser, the article's container found by where the paragraph
 * text is, page furniture dropped by tag and by class, blocks become paragraphs, metadata from
 * <meta>, <time>, JSON-LD and <title>. Every walk follows the tree's links, never recursion. */
#include "text/reader_internal.h"
#include "text/utf8.h"
#include "util/alloc.h"
#include "util/buf.h"
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <string.h>

static const char *const excluded_tags[] = {
    "nav", "header", "footer", "aside", "script", "style", "noscript", "form", "iframe", "svg", "button",
    "select", "textarea", "input", "template", "canvas", "object", "embed", "menu", "dialog", "head", "link",
    "meta", "video", "audio", "map", NULL};

static const char *const block_tags[] = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
    "dd", "blockquote", "pre", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "figure", "figcaption",
    "address", "hr", "br", "center", "details", "summary", "caption", "fieldset", "html", "body", "hgroup",
    "header", "footer", "nav", "aside", "time", NULL};

/* class and id words that mark page furniture */
static const char *const furniture_words[] = {
    "share", "sharing", "social", "ad", "ads", "advert", "adverts", "advertisement", "advertising", "sponsor",
    "sponsored", "promo", "promoted", "newsletter", "subscribe", "subscription", "related", "recommended",
    "recommendations", "comments", "comment", "cookie", "cookies", "consent", "popup", "modal", "breadcrumb",
    "breadcrumbs", "navbar", "navigation", "nav", "menu", "sidebar", "footer", "masthead", "outbrain",
    "taboola", "paywall", "banner", "toolbar", "tags", "topics", "skip", "sr", "hidden", NULL};
static const char *const caption_words[] = {"caption", "figcaption", "credit", "credits", NULL};
static const char *const byline_words[] = {"byline", "author", "authors", "contributor", NULL};

static int name_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

static int name_in(const xmlNode *n, const char *const *list)
{
    if (n->type != XML_ELEMENT_NODE || !n->name)
        return 0;
    for (; *list; list++)
        if (strcmp((const char *)n->name, *list) == 0)
            return 1;
    return 0;
}

/* An attribute's value without allocating (NULL when absent). */
static const char *attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && strcmp((const char *)a->name, name) == 0)
            return a->children && a->children->content ? (const char *)a->children->content : "";
    return NULL;
}

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int equals_ci(const char *a, const char *b)
{
    while (*a && *b && lower((unsigned char)*a) == lower((unsigned char)*b))
        a++, b++;
    return *a == '\0' && *b == '\0';
}

static int contains_ci(const char *s, const char *needle)
{
    size_t m = strlen(needle);
    for (; *s; s++) {
        size_t k = 0;
        while (k < m && s[k] && lower((unsigned char)s[k]) == lower((unsigned char)needle[k]))
            k++;
        if (k == m)
            return 1;
    }
    return 0;
}

/* Does a class or id value contain one of the words (split at anything but letters and digits)? */
static int has_word(const char *value, const char *const *words)
{
    if (!value)
        return 0;
    const char *s = value;
    while (*s) {
        while (*s && !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
            s++;
        const char *start = s;
        while ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9'))
            s++;
        size_t n = (size_t)(s - start);
        if (n == 0 || n > 31)
            continue;
        char word[32];
        for (size_t i = 0; i < n; i++)
            word[i] = (char)lower((unsigned char)start[i]);
        word[n] = '\0';
        for (const char *const *w = words; *w; w++)
            if (strcmp(word, *w) == 0)
                return 1;
    }
    return 0;
}

static int marked(const xmlNode *n, const char *const *words)
{
    return has_word(attr(n, "class"), words) || has_word(attr(n, "id"), words);
}

/* Left out of the text: furniture tags, hidden elements, and elements whose class or id says
 * share widget, advertisement, newsletter... (never the page's main containers). */
static int excluded(const xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    if (name_in(n, excluded_tags))
        return 1;
    if (attr(n, "hidden"))
        return 1;
    const char *aria = attr(n, "aria-hidden");
    if (aria && equals_ci(aria, "true"))
        return 1;
    const char *style = attr(n, "style");
    if (style && (contains_ci(style, "display:none") || contains_ci(style, "display: none") ||
                  contains_ci(style, "visibility:hidden") || contains_ci(style, "visibility: hidden")))
        return 1;
    if (name_is(n, "html") || name_is(n, "body") || name_is(n, "main") || name_is(n, "article"))
        return 0;
    return marked(n, furniture_words);
}

/* Next node in document order within root, skipping the subtree of node when skip_children.
 * *depth follows the nesting. */
static xmlNode *next_node(xmlNode *node, xmlNode *root, int skip_children, unsigned *depth)
{
    if (!skip_children && node->children) {
        (*depth)++;
        return node->children;
    }
    while (node != root && !node->next) {
        node = node->parent;
        (*depth)--;
    }
    return node == root ? NULL : node->next;
}

/* Text length of a subtree, furniture excluded. */
static size_t text_length(xmlNode *root)
{
    size_t total = 0;
    unsigned depth = 0;
    for (xmlNode *n = root; n;) {
        int skip = n != root && excluded(n);
        if (!skip && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
            for (const xmlChar *c = n->content; *c; c++)
                total += *c != ' ' && *c != '\n' && *c != '\t' && *c != '\r';
        }
        n = next_node(n, root, skip, &depth);
    }
    return total;
}

/* Text of a subtree into buf (at most max bytes), white space collapsed. */
static void text_of(xmlNode *root, vg_buf *buf, size_t max)
{
    unsigned depth = 0;
    for (xmlNode *n = root; n && buf->len < max;) {
        int skip = n != root && (name_is(n, "script") || name_is(n, "style"));
        if (!skip && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
            for (const xmlChar *c = n->content; *c && buf->len < max; c++) {
                int space = *c == ' ' || *c == '\n' || *c == '\t' || *c == '\r';
                if (space) {
                    if (buf->len && buf->data[buf->len - 1] != ' ')
                        vg_buf_putc(buf, ' ');
                } else {
                    vg_buf_putc(buf, (char)*c);
                }
            }
            if (buf->len && buf->data[buf->len - 1] != ' ')
                vg_buf_putc(buf, ' ');
        }
        n = next_node(n, root, skip, &depth);
    }
    while (buf->len && buf->data[buf->len - 1] == ' ')
        buf->data[--buf->len] = '\0';
}

/* ------------------------------------------------------------------ metadata */

typedef struct html_meta {
    vg_buf title_tag, h1, byline_text;
    const char *og_title, *date, *url, *canonical, *source, *author, *description, *time_datetime;
    char *ld_headline, *ld_date, *ld_author, *ld_url; /* owned copies from JSON-LD */
} html_meta;

static char *copy_string(json_t *v)
{
    return json_is_string(v) ? vg_strdup(json_string_value(v)) : NULL;
}

/* schema.org NewsArticle fields, from an object or an @graph of them. */
static void jsonld_scan(json_t *v, html_meta *m, int depth)
{
    if (depth > 4 || !v)
        return;
    if (json_is_array(v)) {
        size_t i;
        json_t *item;
        json_array_foreach(v, i, item) {
            if (i >= 64)
                break;
            jsonld_scan(item, m, depth + 1);
        }
        return;
    }
    if (!json_is_object(v))
        return;
    if (!m->ld_headline)
        m->ld_headline = copy_string(json_object_get(v, "headline"));
    if (!m->ld_date)
        m->ld_date = copy_string(json_object_get(v, "datePublished"));
    if (!m->ld_url && json_object_get(v, "headline"))
        m->ld_url = copy_string(json_object_get(v, "url"));
    json_t *author = json_object_get(v, "author");
    if (!m->ld_author && author) {
        if (json_is_array(author))
            author = json_array_get(author, 0);
        if (json_is_object(author))
            m->ld_author = copy_string(json_object_get(author, "name"));
        else
            m->ld_author = copy_string(author);
    }
    jsonld_scan(json_object_get(v, "@graph"), m, depth + 1);
}

static void read_jsonld(xmlNode *script, html_meta *m)
{
    vg_buf text;
    vg_buf_init(&text, 0);
    for (xmlNode *c = script->children; c; c = c->next)
        if (c->content && text.len + strlen((const char *)c->content) <= VG_MAX_JSONLD_BYTES)
            vg_buf_puts(&text, (const char *)c->content);
    if (text.len) {
        json_t *root = json_loadb(text.data, text.len, 0, NULL);
        jsonld_scan(root, m, 0);
        json_decref(root);
    }
    vg_buf_free(&text);
}

static void read_meta(xmlDoc *doc, html_meta *m)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    unsigned depth = 0;
    for (xmlNode *n = root; n;) {
        int skip = 0;
        if (n->type == XML_ELEMENT_NODE) {
            if (name_is(n, "title") && !m->title_tag.len) {
                text_of(n, &m->title_tag, 1000);
                skip = 1;
            } else if (name_is(n, "meta")) {
                const char *key = attr(n, "property");
                if (!key)
                    key = attr(n, "name");
                if (!key)
                    key = attr(n, "itemprop");
                const char *content = attr(n, "content");
                if (key && content && *content) {
                    if ((equals_ci(key, "og:title") || equals_ci(key, "twitter:title")) && !m->og_title)
                        m->og_title = content;
                    else if ((equals_ci(key, "article:published_time") || equals_ci(key, "og:article:published_time") ||
                              equals_ci(key, "datepublished") || equals_ci(key, "date") || equals_ci(key, "pubdate") ||
                              equals_ci(key, "publishdate") || equals_ci(key, "dc.date") ||
                              equals_ci(key, "dc.date.issued") || equals_ci(key, "sailthru.date") ||
                              equals_ci(key, "parsely-pub-date")) && !m->date)
                        m->date = content;
                    else if (equals_ci(key, "og:url") && !m->url)
                        m->url = content;
                    else if (equals_ci(key, "og:site_name") && !m->source)
                        m->source = content;
                    else if ((equals_ci(key, "author") || equals_ci(key, "article:author") || equals_ci(key, "byl")) &&
                             !m->author && strncmp(content, "http", 4) != 0)
                        m->author = content;
                    else if ((equals_ci(key, "description") || equals_ci(key, "og:description")) && !m->description)
                        m->description = content;
                }
            } else if (name_is(n, "link")) {
                const char *rel = attr(n, "rel");
                if (rel && equals_ci(rel, "canonical") && !m->canonical)
                    m->canonical = attr(n, "href");
            } else if (name_is(n, "time")) {
                const char *dt = attr(n, "datetime");
                if (dt && *dt && !m->time_datetime)
                    m->time_datetime = dt;
            } else if (name_is(n, "h1") && !m->h1.len) {
                text_of(n, &m->h1, 1000);
                skip = 1;
            } else if (name_is(n, "script")) {
                const char *type = attr(n, "type");
                if (type && equals_ci(type, "application/ld+json"))
                    read_jsonld(n, m);
                skip = 1;
            } else if (name_is(n, "style")) {
                skip = 1;
            } else if (!m->byline_text.len && marked(n, byline_words) && text_length(n) < 200) {
                text_of(n, &m->byline_text, 300);
                skip = 1;
            }
        }
        n = next_node(n, root, skip, &depth);
    }
}

static void free_meta(html_meta *m)
{
    vg_buf_free(&m->title_tag);
    vg_buf_free(&m->h1);
    vg_buf_free(&m->byline_text);
    vg_free(m->ld_headline);
    vg_free(m->ld_date);
    vg_free(m->ld_author);
    vg_free(m->ld_url);
}

/* ------------------------------------------------------------ the article's container */

/* Paragraph text scores its parent fully and its grandparent by half; the element with the
 * highest score holds the article. An <article> holding at least half of all paragraph text
 * is preferred. Scores are kept in the nodes' _private field, which is the application's. */
static xmlNode *find_container(xmlNode *body)
{
    size_t total = 0, best_score = 0;
    xmlNode *best = NULL;
    xmlNode *articles[64];
    size_t n_articles = 0;
    unsigned depth = 0;
    for (xmlNode *n = body; n;) {
        int skip = n != body && excluded(n);
        if (!skip && name_is(n, "article") && n_articles < 64)
            articles[n_articles++] = n;
        if (!skip && name_is(n, "p")) {
            size_t len = text_length(n);
            if (len >= 25) {
                total += len;
                xmlNode *targets[2] = {n->parent, n->parent ? n->parent->parent : NULL};
                for (int k = 0; k < 2; k++) {
                    xmlNode *t = targets[k];
                    if (!t || t->type != XML_ELEMENT_NODE)
                        continue;
                    uintptr_t score = (uintptr_t)t->_private + (k == 0 ? len : len / 2);
                    t->_private = (void *)score;
                    if (score > best_score) {
                        best_score = score;
                        best = t;
                    }
                }
            }
            skip = 1; /* (paragraphs do not nest) */
        }
        n = next_node(n, body, skip, &depth);
    }
    /* An article split over sibling blocks (around an advertisement, say): when a sibling
     * of the best element has a fifth of its score or more, their parent holds the article. */
    if (best && best->parent && best->parent->type == XML_ELEMENT_NODE) {
        for (xmlNode *sibling = best->parent->children; sibling; sibling = sibling->next)
            if (sibling != best && sibling->type == XML_ELEMENT_NODE && (uintptr_t)sibling->_private > 0 &&
                (uintptr_t)sibling->_private * 5 >= best_score) {
                best = best->parent;
                break;
            }
    }
    /* The nodes are freed with the tree, but leave _private as libxml found it. */
    depth = 0;
    for (xmlNode *n = body; n; n = next_node(n, body, 0, &depth))
        n->_private = NULL;
    if (total < 200)
        return body; /* no real paragraphs: take the page's text and let the line rules sort it */
    xmlNode *best_article = NULL;
    size_t best_article_text = 0;
    for (size_t i = 0; i < n_articles; i++) {
        size_t text = 0;
        unsigned d = 0;
        for (xmlNode *n = articles[i]; n;) {
            int skip = n != articles[i] && excluded(n);
            if (!skip && name_is(n, "p")) {
                size_t len = text_length(n);
                if (len >= 25)
                    text += len;
                skip = 1;
            }
            n = next_node(n, articles[i], skip, &d);
        }
        if (text > best_article_text) {
            best_article_text = text;
            best_article = articles[i];
        }
    }
    if (best_article && best_article_text * 2 >= total)
        return best_article;
    return best ? best : body;
}

/* ------------------------------------------------------------------ extraction */

typedef struct extractor {
    const char *name;
    vg_buf lines;          /* one block per line */
    vg_buf hints;          /* one vg_part_kind byte per line */
    vg_buf block;          /* the block being gathered */
    uint8_t block_hint;
    uint8_t hint_at[VG_MAX_HTML_DEPTH + 1];
    size_t n_lines;
    int full, failed;
} extractor;

static void flush(extractor *x)
{
    if (x->failed || x->block.len == 0)
        return;
    if (x->n_lines == VG_MAX_DOCUMENT_LINES) {
        if (!x->full)
            vg_warn("%s: more than %u blocks; the rest is cut (VG_MAX_DOCUMENT_LINES)", x->name,
                    (unsigned)VG_MAX_DOCUMENT_LINES);
        x->full = 1;
        vg_buf_clear(&x->block);
        return;
    }
    /* Clean now, so that no character the cleaner turns into a line break (U+2028) can shift
     * the lines against their hints later. */
    vg_buf clean;
    vg_buf_init(&clean, 0);
    if (vg_utf8_clean(x->block.data, x->block.len, &clean, NULL)) {
        x->failed = 1;
        vg_buf_free(&clean);
        return;
    }
    size_t start = x->lines.len;
    int space = 1;
    for (size_t i = 0; i < clean.len && !x->failed; i++) {
        char c = clean.data[i] == '\n' ? ' ' : clean.data[i];
        if (c == ' ' && space)
            continue;
        space = c == ' ';
        x->failed |= vg_buf_putc(&x->lines, c) != 0;
    }
    while (x->lines.len > start && x->lines.data[x->lines.len - 1] == ' ')
        x->lines.data[--x->lines.len] = '\0';
    if (x->lines.len > start && !x->failed) {
        x->failed |= vg_buf_putc(&x->lines, '\n') != 0;
        x->failed |= vg_buf_putc(&x->hints, (char)x->block_hint) != 0;
        x->n_lines++;
    }
    vg_buf_free(&clean);
    vg_buf_clear(&x->block);
}

static uint8_t own_hint(const xmlNode *n)
{
    if (name_is(n, "figcaption") || name_is(n, "figure"))
        return VG_PART_CAPTION;
    if (name_is(n, "h1"))
        return VG_PART_HEADLINE;
    if (name_is(n, "h2") || name_is(n, "h3") || name_is(n, "h4") || name_is(n, "h5") || name_is(n, "h6"))
        return VG_PART_HEADING;
    if (marked(n, byline_words))
        return VG_PART_BYLINE;
    if (marked(n, caption_words))
        return VG_PART_CAPTION;
    return VG_PART_UNKNOWN;
}

static void enter(extractor *x, xmlNode *n, unsigned depth)
{
    if (depth >= VG_MAX_HTML_DEPTH)
        return; /* deeper structure is flattened into the enclosing block */
    uint8_t hint = own_hint(n);
    uint8_t inherited = depth > 0 ? x->hint_at[depth - 1] : VG_PART_UNKNOWN;
    x->hint_at[depth] = hint != VG_PART_UNKNOWN ? hint : inherited;
    if (name_in(n, block_tags) || hint != VG_PART_UNKNOWN)
        flush(x);
}

static void leave(extractor *x, xmlNode *n, unsigned depth)
{
    if (depth >= VG_MAX_HTML_DEPTH)
        return;
    if (name_in(n, block_tags) || own_hint(n) != VG_PART_UNKNOWN)
        flush(x);
}

static void add_text(extractor *x, const xmlChar *text, unsigned depth)
{
    if (x->full || x->failed)
        return;
    unsigned parent = depth == 0 ? 0 : (depth - 1 < VG_MAX_HTML_DEPTH ? depth - 1 : VG_MAX_HTML_DEPTH - 1);
    uint8_t hint = depth == 0 ? VG_PART_UNKNOWN : x->hint_at[parent];
    int empty = 1;
    for (const xmlChar *c = text; *c; c++)
        if (*c != ' ' && *c != '\n' && *c != '\t' && *c != '\r') {
            empty = 0;
            break;
        }
    if (empty) {
        if (x->block.len && x->block.data[x->block.len - 1] != ' ')
            x->failed |= vg_buf_putc(&x->block, ' ') != 0;
        return;
    }
    if (x->block.len == 0)
        x->block_hint = hint;
    for (const xmlChar *c = text; *c && !x->failed; c++) {
        char ch = (char)*c;
        if (ch == '\n' || ch == '\t' || ch == '\r')
            ch = ' ';
        if (ch == ' ' && (x->block.len == 0 || x->block.data[x->block.len - 1] == ' '))
            continue;
        x->failed |= vg_buf_putc(&x->block, ch) != 0;
    }
}

static void extract(extractor *x, xmlNode *root)
{
    unsigned depth = 0;
    xmlNode *node = root;
    while (node && !x->failed) {
        int entered = 0;
        if (node->type == XML_ELEMENT_NODE && (node == root || !excluded(node))) {
            enter(x, node, depth);
            entered = 1;
        } else if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) && node->content) {
            add_text(x, node->content, depth);
        }
        if (entered && node->children) {
            node = node->children;
            depth++;
            continue;
        }
        if (entered)
            leave(x, node, depth);
        while (node != root && !node->next) {
            node = node->parent;
            depth--;
            leave(x, node, depth);
        }
        if (node == root)
            break;
        node = node->next;
    }
    flush(x);
}

/* ------------------------------------------------------------------ the page */

/* Does the page declare a character set other than UTF-8 (libxml2 then decodes it)? */
static int declares_other_charset(const char *s, size_t n)
{
    size_t limit = n < 2048 ? n : 2048;
    for (size_t i = 0; i + 8 < limit; i++) {
        if (lower((unsigned char)s[i]) != 'c')
            continue;
        static const char key[] = "charset=";
        size_t k = 0;
        while (k < 8 && i + k < limit && lower((unsigned char)s[i + k]) == key[k])
            k++;
        if (k < 8)
            continue;
        size_t v = i + 8;
        while (v < limit && (s[v] == '"' || s[v] == '\'' || s[v] == ' '))
            v++;
        return !(v + 5 <= limit && lower((unsigned char)s[v]) == 'u' && lower((unsigned char)s[v + 1]) == 't' &&
                 lower((unsigned char)s[v + 2]) == 'f');
    }
    return 0;
}

static const char *nonempty(const char *s) { return s && *s ? s : NULL; }

int vg_html_document(vg_document **out, const char *name, const char *bytes, size_t len,
                     const vg_read_options *opts, vg_error *err)
{
    *out = NULL;
    if (!name)
        name = "(memory)";
    vg_read_options o;
    vg_read_options_resolve(&o, opts);
    const unsigned char *u = (const unsigned char *)bytes;
    vg_buf utf8;
    vg_buf_init(&utf8, 0);
    html_meta meta;
    memset(&meta, 0, sizeof meta);
    vg_buf_init(&meta.title_tag, 0);
    vg_buf_init(&meta.h1, 0);
    vg_buf_init(&meta.byline_text, 0);
    extractor x;
    memset(&x, 0, sizeof x);
    x.name = name;
    vg_buf_init(&x.lines, 0);
    vg_buf_init(&x.hints, 0);
    vg_buf_init(&x.block, 0);
    xmlDoc *doc = NULL;
    unsigned warnings = 0;
    int cut = 0, rc = 0;

    if (len > o.max_document_bytes) {
        vg_warn("%s: document of %zu bytes cut at %zu bytes (VG_MAX_DOCUMENT_BYTES)", name, len, o.max_document_bytes);
        warnings++;
        len = o.max_document_bytes;
        cut = 1;
    }
    /* A page of millions of tiny elements would cost gigabytes as a tree: cut it. */
    size_t tags = 0;
    for (size_t i = 0; i + 1 < len; i++) {
        if (u[i] == '<' && ((u[i + 1] | 0x20) >= 'a' && (u[i + 1] | 0x20) <= 'z') && ++tags > VG_MAX_HTML_ELEMENTS) {
            vg_warn("%s: more than %u elements; the page is cut at byte %zu (VG_MAX_HTML_ELEMENTS)", name,
                    (unsigned)VG_MAX_HTML_ELEMENTS, i);
            warnings++;
            len = i;
            cut = 1;
            break;
        }
    }
    const char *encoding = "UTF-8";
    size_t bom = 0;
    int utf16 = vg_utf_sniff(u, len, &bom);
    vg_utf8_report report;
    memset(&report, 0, sizeof report);
    if (utf16) {
        rc = vg_utf16_to_utf8(u + bom, len - bom, utf16 == 2, &utf8, &report);
    } else if (vg_utf8_looks_binary(bytes + bom, len - bom)) {
        rc = vg_error_set(err, VG_EINVAL, "%s: looks like binary data (NUL, control or invalid bytes), not HTML; skipped",
                          name);
        goto out;
    } else if (declares_other_charset(bytes, len)) {
        encoding = NULL; /* libxml2 decodes the declared character set */
    } else {
        rc = vg_utf8_clean(bytes + bom, len - bom, &utf8, &report);
    }
    if (rc) {
        rc = vg_error_set(err, VG_ENOMEM, "%s: out of memory", name);
        goto out;
    }
    if (report.invalid) {
        vg_warn("%s: invalid %s at byte %zu (%zu sequence(s) replaced by U+FFFD)", name, utf16 ? "UTF-16" : "UTF-8",
                report.first_invalid + bom, report.invalid);
        warnings++;
    }
    if (report.nul) {
        vg_warn("%s: %zu NUL byte(s) removed (the first at byte %zu)", name, report.nul, report.first_nul + bom);
        warnings++;
    }
    const char *page = encoding ? (utf8.data ? utf8.data : "") : bytes;
    size_t page_len = encoding ? utf8.len : len;
    if (page_len > INT32_MAX) /* (the parser takes an int; the document limit is far below) */
        page_len = INT32_MAX;
    /* libxml2 stops building the tree below a nesting depth (256 levels, 2048 with
     * XML_PARSE_HUGE) and drops what lies deeper, however the page goes on; no real article
     * nests that deep, so such a page is read as far as the parser went, and said to be cut. */
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt) {
        rc = vg_error_set(err, VG_ENOMEM, "%s: out of memory", name);
        goto out;
    }
    doc = htmlCtxtReadMemory(ctxt, page, (int)page_len, NULL, encoding,
                             HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                                 HTML_PARSE_COMPACT | XML_PARSE_HUGE);
    const xmlError *last = xmlCtxtGetLastError(ctxt);
    if (last && last->message && strstr(last->message, "Excessive depth")) {
        vg_warn("%s: HTML nested deeper than the parser's limit of %u levels; the text below it is lost",
                name, 2048u);
        warnings++;
        cut = 1;
    }
    htmlFreeParserCtxt(ctxt);
    vg_buf_free(&utf8);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (root) {
        read_meta(doc, &meta);
        xmlNode *body = root;
        for (xmlNode *c = root->children; c; c = c->next)
            if (name_is(c, "body"))
                body = c;
        extract(&x, find_container(body));
        if (x.failed) {
            rc = vg_error_set(err, VG_ENOMEM, "%s: out of memory", name);
            goto out;
        }
    }
    vg_doc_input in;
    memset(&in, 0, sizeof in);
    in.name = name;
    in.format = VG_FORMAT_HTML;
    in.title = nonempty(meta.og_title);
    if (!in.title)
        in.title = nonempty(meta.ld_headline);
    if (!in.title)
        in.title = meta.h1.len ? meta.h1.data : NULL;
    if (!in.title)
        in.title = meta.title_tag.len ? meta.title_tag.data : NULL;
    in.date = nonempty(meta.date);
    if (!in.date)
        in.date = nonempty(meta.ld_date);
    if (!in.date)
        in.date = nonempty(meta.time_datetime);
    in.url = nonempty(meta.url);
    if (!in.url)
        in.url = nonempty(meta.canonical);
    if (!in.url)
        in.url = nonempty(meta.ld_url);
    in.source = nonempty(meta.source);
    in.byline = nonempty(meta.author);
    if (!in.byline)
        in.byline = nonempty(meta.ld_author);
    if (!in.byline)
        in.byline = meta.byline_text.len ? meta.byline_text.data : NULL;
    in.subtitle = nonempty(meta.description);
    in.hints = (const unsigned char *)x.hints.data;
    in.n_hints = x.hints.len;
    rc = vg_document_build(out, x.lines.data ? x.lines.data : "", x.lines.len, &in, &o, err);
    if (rc == 0) {
        (*out)->n_warnings += warnings + (unsigned)x.full;
        if (report.invalid || report.nul)
            (*out)->flags |= VG_DOC_REPAIRED;
        if (cut || x.full)
            (*out)->flags |= VG_DOC_TRUNCATED;
    }
out:
    if (doc)
        xmlFreeDoc(doc);
    vg_buf_free(&utf8);
    free_meta(&meta);
    vg_buf_free(&x.lines);
    vg_buf_free(&x.hints);
    vg_buf_free(&x.block);
    return rc;
}
