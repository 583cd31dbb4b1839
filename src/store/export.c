/* The exports' shared parts: the walk over stored events, stable event ids, SHA-1 and UUIDv5. */
#include "store/export.h"
#include "store/store_internal.h"
#include <stdlib.h>
#include <string.h>

/* ---- SHA-1 (FIPS 180-4), for UUIDv5 and stable event ids; no security rests on it ---- */

typedef struct sha1_state {
    uint32_t h[5];
    unsigned char block[64];
    size_t used;
    uint64_t bits;
} sha1_state;

static uint32_t rotl(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

static void sha1_block(sha1_state *s, const unsigned char *p)
{
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 80; i++)
        w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3], e = s->h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) {
            f = (b & c) | (~b & d);
            k = 0x5A827999u;
        } else if (i < 40) {
            f = b ^ c ^ d;
            k = 0x6ED9EBA1u;
        } else if (i < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8F1BBCDCu;
        } else {
            f = b ^ c ^ d;
            k = 0xCA62C1D6u;
        }
        uint32_t t = rotl(a, 5) + f + e + k + w[i];
        e = d;
        d = c;
        c = rotl(b, 30);
        b = a;
        a = t;
    }
    s->h[0] += a;
    s->h[1] += b;
    s->h[2] += c;
    s->h[3] += d;
    s->h[4] += e;
}

static void sha1_init(sha1_state *s)
{
    static const uint32_t h0[5] = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u};
    memcpy(s->h, h0, sizeof h0);
    s->used = 0;
    s->bits = 0;
}

static void sha1_update(sha1_state *s, const void *data, size_t len)
{
    const unsigned char *p = data;
    s->bits += (uint64_t)len * 8;
    while (len) {
        size_t n = 64 - s->used < len ? 64 - s->used : len;
        memcpy(s->block + s->used, p, n);
        s->used += n;
        p += n;
        len -= n;
        if (s->used == 64) {
            sha1_block(s, s->block);
            s->used = 0;
        }
    }
}

static void sha1_final(sha1_state *s, unsigned char digest[20])
{
    uint64_t bits = s->bits;
    unsigned char pad = 0x80;
    sha1_update(s, &pad, 1);
    pad = 0;
    while (s->used != 56)
        sha1_update(s, &pad, 1);
    unsigned char len[8];
    for (int i = 0; i < 8; i++)
        len[i] = (unsigned char)(bits >> (56 - 8 * i));
    sha1_update(s, len, 8);
    for (int i = 0; i < 5; i++) {
        digest[4 * i] = (unsigned char)(s->h[i] >> 24);
        digest[4 * i + 1] = (unsigned char)(s->h[i] >> 16);
        digest[4 * i + 2] = (unsigned char)(s->h[i] >> 8);
        digest[4 * i + 3] = (unsigned char)s->h[i];
    }
}

void vg_export_sha1(const void *data, size_t len, unsigned char digest[20])
{
    sha1_state s;
    sha1_init(&s);
    sha1_update(&s, data, len);
    sha1_final(&s, digest);
}

/* vigil's UUIDv5 namespace: uuid5(NAMESPACE_URL, "urn:vigil:stix-export"). */
static const unsigned char stix_namespace[16] = {0xaa, 0x1e, 0x8c, 0xb3, 0xdb, 0x00, 0x56, 0x18,
                                                 0xa6, 0xca, 0x62, 0x5d, 0x75, 0x30, 0x66, 0xc9};

void vg_export_stix_id(const char *type, const char *key, char *out, size_t size)
{
    sha1_state s;
    unsigned char d[20];
    sha1_init(&s);
    sha1_update(&s, stix_namespace, sizeof stix_namespace);
    sha1_update(&s, type, strlen(type));
    sha1_update(&s, "|", 1);
    sha1_update(&s, key, strlen(key));
    sha1_final(&s, d);
    d[6] = (unsigned char)((d[6] & 0x0f) | 0x50); /* version 5 */
    d[8] = (unsigned char)((d[8] & 0x3f) | 0x80); /* RFC 4122 variant */
    snprintf(out, size,
             "%s--%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", type, d[0], d[1],
             d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10], d[11], d[12], d[13], d[14], d[15]);
}

uint64_t vg_export_event_id(const char *body_hash, const char *publisher, int idx)
{
    sha1_state s;
    unsigned char d[20];
    char index[16];
    int n = snprintf(index, sizeof index, "%d", idx);
    sha1_init(&s);
    sha1_update(&s, body_hash ? body_hash : "", body_hash ? strlen(body_hash) : 0);
    sha1_update(&s, "|", 1);
    sha1_update(&s, publisher ? publisher : "", publisher ? strlen(publisher) : 0);
    sha1_update(&s, "|", 1);
    sha1_update(&s, index, (size_t)n);
    sha1_final(&s, d);
    uint64_t id = 0;
    for (int i = 0; i < 8; i++)
        id = id << 8 | d[i];
    return id >> 1; /* 63 bits: a positive signed 64-bit integer in every tool */
}

/* ---- the walk over events ---- */

struct vg_export_walk {
    vg_store *store;
    sqlite3_stmt *events, *attributions;
};

static const char events_sql[] =
    "SELECT e.id, d.doc_id, d.title, d.url, d.publisher, d.origin, d.pubdate, d.body_hash, d.copy_of,"
    " e.sentence, e.idx, s.text, e.cameo, e.cameo_name, e.root, e.plover, e.severity, e.goldstein,"
    " e.mode, e.stance, e.negated, e.source_text, e.source_code, e.source_name, e.source_anonymous,"
    " e.target_text, e.target_code, e.target_name, e.target_host, e.date, e.date_end, e.date_precision,"
    " e.date_text, e.place_name, e.place_country, e.rule_file, e.rule_text, e.path, e.rule_line,"
    " e.span_start, e.span_end, p.idx, e.incident, e.link, i.n_events, i.n_documents, i.n_sources"
    " FROM events e JOIN documents d ON d.id = e.document"
    " LEFT JOIN sentences s ON s.document = e.document AND s.idx = e.sentence"
    " LEFT JOIN events p ON p.id = e.parent"
    " LEFT JOIN incidents i ON i.id = e.incident"
    " WHERE ?1 IS NULL OR d.pubdate >= ?1"
    " ORDER BY d.pubdate, d.id, e.idx";

static const char *text_at(sqlite3_stmt *stmt, int col)
{
    return (const char *)sqlite3_column_text(stmt, col);
}

static void read_event(sqlite3_stmt *st, vg_export_event *e)
{
    memset(e, 0, sizeof *e);
    e->rowid = sqlite3_column_int64(st, 0);
    e->doc_id = text_at(st, 1);
    e->title = text_at(st, 2);
    e->url = text_at(st, 3);
    e->publisher = text_at(st, 4);
    e->origin = text_at(st, 5);
    e->pubdate = text_at(st, 6);
    e->body_hash = text_at(st, 7);
    e->copy_of_rowid = sqlite3_column_int64(st, 8);
    e->sentence = sqlite3_column_int(st, 9);
    e->idx = sqlite3_column_int(st, 10);
    e->text = text_at(st, 11);
    e->cameo = text_at(st, 12);
    e->cameo_name = text_at(st, 13);
    e->root = text_at(st, 14);
    e->plover = text_at(st, 15);
    e->severity = sqlite3_column_int(st, 16);
    e->has_goldstein = sqlite3_column_type(st, 17) != SQLITE_NULL;
    e->goldstein = sqlite3_column_double(st, 17);
    e->mode = text_at(st, 18);
    e->stance = text_at(st, 19);
    e->negated = sqlite3_column_int(st, 20);
    e->source_text = text_at(st, 21);
    e->source_code = text_at(st, 22);
    e->source_name = text_at(st, 23);
    e->source_anonymous = sqlite3_column_int(st, 24);
    e->target_text = text_at(st, 25);
    e->target_code = text_at(st, 26);
    e->target_name = text_at(st, 27);
    e->target_host = text_at(st, 28);
    e->date = text_at(st, 29);
    e->date_end = text_at(st, 30);
    e->date_precision = text_at(st, 31);
    e->date_text = text_at(st, 32);
    e->place_name = text_at(st, 33);
    e->place_country = text_at(st, 34);
    e->rule_file = text_at(st, 35);
    e->rule_text = text_at(st, 36);
    e->path = text_at(st, 37);
    e->rule_line = sqlite3_column_int(st, 38);
    e->span_start = sqlite3_column_int(st, 39);
    e->span_end = sqlite3_column_int(st, 40);
    e->parent_idx = sqlite3_column_type(st, 41) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 41);
    e->incident = text_at(st, 42);
    e->link = text_at(st, 43);
    e->incident_events = sqlite3_column_int(st, 44);
    e->incident_documents = sqlite3_column_int(st, 45);
    e->incident_sources = sqlite3_column_int(st, 46);
    e->id = vg_export_event_id(e->body_hash, e->publisher, e->idx);
}

int vg_export_events_each(vg_store *store, const vg_export_options *options, vg_export_event_fn fn,
                          void *context, vg_error *err)
{
    vg_export_walk walk = {store, NULL, NULL};
    store->err = err;
    int rc = 0;
    if (sqlite3_prepare_v2(store->db, events_sql, -1, &walk.events, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(store->db,
                           "SELECT text, code, name, anonymous FROM event_attributions WHERE event = ?1 ORDER BY idx",
                           -1, &walk.attributions, NULL) != SQLITE_OK) {
        rc = vg_store_fail(store, "preparing the export");
        goto out;
    }
    vg_store_bind_text(walk.events, 1, options->since);
    for (;;) {
        int step = sqlite3_step(walk.events);
        if (step == SQLITE_DONE)
            break;
        if (step != SQLITE_ROW) {
            rc = vg_store_fail(store, "reading events");
            goto out;
        }
        vg_export_event e;
        read_event(walk.events, &e);
        if ((rc = fn(context, &walk, &e)))
            goto out;
    }
out:
    sqlite3_finalize(walk.events);
    sqlite3_finalize(walk.attributions);
    return rc;
}

int vg_export_attributions(vg_export_walk *walk, const vg_export_event *event,
                           int (*fn)(void *context, const vg_export_attribution *a), void *context)
{
    sqlite3_stmt *st = walk->attributions;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, event->rowid);
    int rc = 0, step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        vg_export_attribution a = {text_at(st, 0), text_at(st, 1), text_at(st, 2), sqlite3_column_int(st, 3)};
        if ((rc = fn(context, &a)))
            break;
    }
    if (!rc && step != SQLITE_DONE)
        rc = vg_store_fail(walk->store, "reading attributions");
    sqlite3_reset(st);
    return rc;
}
