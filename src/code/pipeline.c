/* One document through the whole analysis (pipeline.h). Sentences and events live in the
 * caller's arena, so a caller that stores or prints them frees everything at once. */
#include "code/pipeline.h"
#include <string.h>
#include <time.h>
#include "parse/analyse.h"
#include "text/segment.h"
#include "util/alloc.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The events of the PETRARCH backend, kept in the arena as the document goes. */
typedef struct petrarch_events {
    vg_event *items;
    size_t n, cap;
} petrarch_events;

static int petrarch_sentence(const vg_pipeline *p, const vg_sentence *s, uint32_t index, int32_t date,
                             vg_arena *arena, petrarch_events *acc)
{
    vg_event *ev = NULL;
    size_t n = 0;
    if (vg_petrarch_code_sentence(p->petrarch, s, index, date, arena, &ev, &n))
        return VG_ENOMEM;
    if (acc->n + n > acc->cap) {
        size_t cap = acc->cap ? acc->cap * 2 : 32;
        while (cap < acc->n + n)
            cap *= 2;
        vg_event *grown = vg_arena_alloc(arena, cap * sizeof *grown);
        if (!grown)
            return VG_ENOMEM;
        if (acc->n)
            memcpy(grown, acc->items, acc->n * sizeof *grown);
        acc->items = grown;
        acc->cap = cap;
    }
    if (n)
        memcpy(acc->items + acc->n, ev, n * sizeof *ev);
    acc->n += n;
    return 0;
}

int32_t vg_document_pubdate(const vg_document *doc)
{
    const vg_date *d = &doc->date_parts;
    if (d->year && d->month && d->day)
        return d->year * 10000 + d->month * 100 + d->day;
    return 0;
}

/* Appends the sentences of doc to *all (grown in the arena). Returns 0 or an error with err set. */
static int segment_document(const vg_document *doc, vg_arena *arena, vg_sentence **all, uint32_t *n, uint32_t *cap,
                            vg_error *err)
{
    vg_segmenter *seg = vg_malloc(sizeof *seg);
    if (!seg)
        return vg_error_set(err, VG_ENOMEM, "%s: out of memory", doc->name);
    int rc = vg_segmenter_init(seg, doc->body, doc->body_len, err);
    vg_sentence s;
    while (rc == 0 && (rc = vg_segmenter_next(seg, arena, &s, err)) == 1) {
        rc = 0;
        if (*n == *cap) {
            uint32_t ncap = *cap ? *cap * 2 : 32;
            vg_sentence *grown = vg_arena_alloc(arena, ncap * sizeof *grown);
            if (!grown) {
                rc = vg_error_set(err, VG_ENOMEM, "%s: out of memory", doc->name);
                break;
            }
            if (*cap)
                memcpy(grown, *all, *cap * sizeof *grown);
            *all = grown;
            *cap = ncap;
        }
        (*all)[(*n)++] = s;
    }
    vg_free(seg);
    return rc < 0 ? rc : 0;
}

int vg_pipeline_analyse(const vg_pipeline *p, const vg_document *const *docs, size_t n, int32_t pubdate,
                        vg_arena *arena, vg_coded_document *out, int *status, vg_error *errs)
{
    uint32_t *first = vg_arena_alloc(arena, (n + 1) * sizeof *first);
    if (!first)
        return VG_ENOMEM;
    vg_sentence *all = NULL;
    uint32_t total = 0, cap = 0;
    double t0 = now();
    for (size_t d = 0; d < n; d++) {
        memset(&out[d], 0, sizeof out[d]);
        out[d].doc = docs[d];
        out[d].pubdate = pubdate ? pubdate : vg_document_pubdate(docs[d]);
        first[d] = total;
        status[d] = segment_document(docs[d], arena, &all, &total, &cap, &errs[d]);
        if (status[d])
            total = first[d]; /* a document that failed to segment is not analysed */
    }
    first[n] = total;
    uint32_t done = 0;
    int rc = vg_analyse_sentences(p->tagger, p->parser, all, total, arena, &done);
    double seconds = now() - t0;
    for (size_t d = 0; d < n; d++) {
        out[d].sentences = all + first[d];
        out[d].n_sentences = first[d + 1] - first[d];
        /* the batch's time, shared by sentences (a document's own time is not measured) */
        out[d].analysis_seconds = total ? seconds * out[d].n_sentences / total : 0;
        if (rc && !status[d] && first[d + 1] > done) {
            out[d].n_sentences = done > first[d] ? done - first[d] : 0;
            status[d] = vg_error_set(&errs[d], rc, "%s: analysing sentence %u failed", docs[d]->name,
                                     out[d].n_sentences + 1);
        }
    }
    return 0;
}

int vg_pipeline_code_analysed(const vg_pipeline *p, vg_arena *arena, vg_coded_document *out, vg_error *err)
{
    const vg_document *doc = out->doc;
    vg_coding *coding = NULL;
    petrarch_events petr = {0};
    if (!p->petrarch && vg_coding_begin(&coding, p->coder, out->pubdate, p->flags, arena))
        return vg_error_set(err, VG_ENOMEM, "%s: out of memory", doc->name);
    if (coding)
        vg_coding_set_dateline(coding, doc->dateline);
    double t1 = now();
    int rc = 0;
    for (uint32_t i = 0; i < out->n_sentences && !rc; i++) {
        vg_sentence *s = &out->sentences[i];
        rc = p->petrarch ? petrarch_sentence(p, s, i + 1, out->pubdate, arena, &petr)
                         : vg_coding_sentence(coding, s, i + 1);
        if (rc)
            rc = vg_error_set(err, rc, "%s: coding sentence %u failed", doc->name, i + 1);
    }
    out->coding_seconds = now() - t1;
    if (rc == 0 && p->petrarch) {
        out->events = petr.items;
        out->n_events = petr.n;
    } else if (rc == 0) {
        size_t n;
        const vg_event *ev = vg_coding_events(coding, &n);
        vg_event *copy = n ? vg_arena_alloc(arena, n * sizeof *copy) : NULL;
        if (n && !copy)
            rc = vg_error_set(err, VG_ENOMEM, "%s: out of memory", doc->name);
        else {
            if (n)
                memcpy(copy, ev, n * sizeof *copy);
            out->events = copy;
            out->n_events = n;
        }
    }
    vg_coding_end(coding);
    return rc < 0 ? rc : 0;
}

int vg_pipeline_code(const vg_pipeline *p, const vg_document *doc, int32_t pubdate, vg_arena *arena,
                     vg_coded_document *out, vg_error *err)
{
    int status = 0;
    if (vg_pipeline_analyse(p, &doc, 1, pubdate, arena, out, &status, err))
        return vg_error_set(err, VG_ENOMEM, "%s: out of memory", doc->name);
    if (status)
        return status < 0 ? status : VG_ENOMEM;
    return vg_pipeline_code_analysed(p, arena, out, err);
}

static int has_tree(const vg_sentence *s)
{
    for (uint32_t i = 0; i < s->n_tokens; i++)
        if (s->tokens[i].head < 0 || !s->tokens[i].deprel)
            return 0;
    return s->n_tokens > 0;
}

int vg_pipeline_code_sentences(const vg_pipeline *p, vg_sentence *sentences, uint32_t n, int32_t pubdate,
                               vg_arena *arena, vg_coded_document *out, vg_error *err)
{
    memset(out, 0, sizeof *out);
    out->pubdate = pubdate;
    out->sentences = sentences;
    out->n_sentences = n;
    vg_coding *coding = NULL;
    petrarch_events petr = {0};
    if (!p->petrarch && vg_coding_begin(&coding, p->coder, pubdate, p->flags, arena))
        return vg_error_set(err, VG_ENOMEM, "out of memory");
    int rc = 0;
    for (uint32_t i = 0; i < n && !rc; i++) {
        vg_sentence *s = &sentences[i];
        if (!has_tree(s)) {
            rc = vg_tagger_tag(p->tagger, s, arena);
            if (!rc)
                rc = vg_parser_parse(p->parser, s);
            if (rc) {
                rc = vg_error_set(err, rc, "analysing sentence %u failed", i + 1);
                break;
            }
        }
        rc = p->petrarch ? petrarch_sentence(p, s, i + 1, pubdate, arena, &petr) : vg_coding_sentence(coding, s, i + 1);
        if (rc)
            rc = vg_error_set(err, rc, "coding sentence %u failed", i + 1);
    }
    if (!rc && p->petrarch) {
        out->events = petr.items;
        out->n_events = petr.n;
    } else if (!rc) {
        size_t k;
        const vg_event *ev = vg_coding_events(coding, &k);
        vg_event *copy = k ? vg_arena_alloc(arena, k * sizeof *copy) : NULL;
        if (k && !copy)
            rc = vg_error_set(err, VG_ENOMEM, "out of memory");
        else {
            if (k)
                memcpy(copy, ev, k * sizeof *copy);
            out->events = copy;
            out->n_events = k;
        }
    }
    vg_coding_end(coding);
    return rc;
}
