/* vigil ingest: read documents, code them, and store them with their incidents and claims. */
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "code/knowledge.h"
#include "code/pipeline.h"
#include "store/store.h"
#include "vigil.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char help[] =
    "usage: vigil ingest [options] FILE|DIR|-...\n"
    "\n"
    "Reads news documents (plain text, HTML or JSON Lines; files, folders or '-' for stdin),\n"
    "codes their events and stores them in the store (./vigil.db by default): the document,\n"
    "its sentences, actors and events, and the incidents and claims ledgers they add to\n"
    "(docs/store.md, docs/incidents.md). A document already stored (the same body from the\n"
    "same publisher) is skipped. Each document is stored in one transaction, so an ingest\n"
    "that is interrupted, even by kill -9, can simply be run again.\n"
    "\n"
    "options:\n"
    "  --db FILE          the store (default: ./vigil.db)\n"
    "  --date YYYY-MM-DD  resolve relative dates against this date instead of each\n"
    "                     document's own publication date\n"
    "  --data DIR         dictionaries, codebook and patterns (default: $VIGIL_DATA or data/)\n"
    "  --actors FILE      an actor dictionary to load after DIR/actors/ (repeatable), e.g.\n"
    "                     examples/actors.txt for the example reports\n"
    "  --models DIR       model folder (default: $VIGIL_MODELS or data/models)\n"
    "  --beam N           the parser's beam width (default 1, greedy, or $VIGIL_PARSE_BEAM; 4 gives\n"
    "                     better trees and events at about 60% of the speed; at most 16)\n"
    "  --format F         input format: auto (default), text, html, jsonl\n"
    "  -q, --quiet        no summary on stderr\n";

/* The models and knowledge the pipeline borrows. */
typedef struct ingest_models {
    vg_tagger *tagger;
    vg_parser *parser;
    vg_knowledge knowledge;
} ingest_models;

static int models_open(ingest_models *m, const char *models, const char *data, const char *const *extra_actors,
                       size_t n_extra_actors, vg_error *err)
{
    memset(m, 0, sizeof *m);
    char path[4096];
    if (!models)
        models = vigil_default_model_dir();
    if (!data)
        data = vigil_default_data_dir();
    snprintf(path, sizeof path, "%s/en_ewt.tagger", models);
    int rc = vg_tagger_open(&m->tagger, path, err);
    if (!rc) {
        snprintf(path, sizeof path, "%s/en_ewt.parser", models);
        rc = vg_parser_open(&m->parser, path, err);
    }
    if (!rc)
        rc = vg_knowledge_load(&m->knowledge, data, extra_actors, n_extra_actors, err);
    return rc;
}

static void models_close(ingest_models *m)
{
    vg_knowledge_free(&m->knowledge);
    vg_parser_close(m->parser);
    vg_tagger_close(m->tagger);
}

/* Documents are committed in batches of at most this many, and at least this often (seconds):
 * a kill loses at most one batch, which a rerun stores again. */
#define INGEST_BATCH_DOCUMENTS 64
#define INGEST_BATCH_SECONDS 0.5
/* Documents are analysed together (vg_pipeline_analyse) up to this many, or this many bytes of
 * text: 32 reports of 500 words analyse 14% faster together than one by one. */
#define INGEST_ANALYSIS_DOCUMENTS 32
#define INGEST_ANALYSIS_BYTES (256 * 1024)

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct ingest_run {
    vg_store *store;
    size_t in_batch;
    double batch_started;
    vg_pipeline pipeline;
    int32_t date;
    vg_read_options read;
    progress bar;
    size_t documents, stored, already, failed, empty, copies, events, incidents_new, incidents_linked, claims;
} ingest_run;

/* Whether a document has no text to code (an empty file or stdin, a page with no article). */
static int no_text(const vg_document *doc)
{
    for (uint32_t i = 0; i < doc->body_len; i++)
        if (!isspace((unsigned char)doc->body[i]))
            return 0;
    return 1;
}

/* Commits the open batch when it is full or old, and opens the next. */
static int batch_turn(ingest_run *run, int force)
{
    vg_error err = {0};
    if (run->in_batch && (force || run->in_batch >= INGEST_BATCH_DOCUMENTS
                          || seconds_now() - run->batch_started >= INGEST_BATCH_SECONDS)) {
        if (vg_store_batch_commit(run->store, &err)) {
            fprintf(stderr, "vigil ingest: %s\n", err.message);
            return -1;
        }
        run->in_batch = 0;
    }
    if (!force && run->in_batch == 0) {
        if (vg_store_batch_begin(run->store, &err)) {
            fprintf(stderr, "vigil ingest: %s\n", err.message);
            return -1;
        }
        run->batch_started = seconds_now();
    }
    return 0;
}

/* Stores a coded document and counts what it brought. Returns 0, or -1 when the store is
 * unusable. */
static int store_document(ingest_run *run, vg_coded_document *coded)
{
    vg_error err = {0};
    const vg_document *doc = coded->doc;
    if (batch_turn(run, 0))
        return -1;
    run->in_batch++;
    vg_store_result result;
    if (vg_store_add(run->store, coded, &result, &err)) {
        fprintf(stderr, "vigil ingest: %s: %s\n", doc->name ? doc->name : "(document)", err.message);
        run->failed++;
        return -1;
    }
    if (!result.is_new) {
        run->already++;
        return 0;
    }
    run->stored++;
    run->copies += result.is_copy ? 1 : 0;
    run->events += result.events;
    run->incidents_new += result.incidents_new;
    run->incidents_linked += result.incidents_linked;
    run->claims += result.claims;
    return 0;
}

/* The documents read and not stored yet, analysed together when the batch is full. */
typedef struct pending {
    vg_document *docs[INGEST_ANALYSIS_DOCUMENTS];
    size_t n, bytes;
} pending;

/* Analyses, codes and stores the pending documents in order, then frees them. Returns 0, or
 * -1 when ingesting must stop. */
static int flush_pending(ingest_run *run, pending *pend, vg_arena *arena)
{
    int stop = 0;
    if (pend->n) {
        vg_coded_document coded[INGEST_ANALYSIS_DOCUMENTS];
        int status[INGEST_ANALYSIS_DOCUMENTS];
        vg_error errs[INGEST_ANALYSIS_DOCUMENTS];
        memset(errs, 0, sizeof errs);
        if (vg_pipeline_analyse(&run->pipeline, (const vg_document *const *)pend->docs, pend->n, run->date, arena,
                                coded, status, errs)) {
            fprintf(stderr, "vigil ingest: out of memory\n");
            stop = -1;
        }
        for (size_t i = 0; i < pend->n && !stop; i++) {
            const char *name = pend->docs[i]->name ? pend->docs[i]->name : "(document)";
            vg_error err = {0};
            int rc = status[i] ? status[i] : vg_pipeline_code_analysed(&run->pipeline, arena, &coded[i], &err);
            if (rc) {
                fprintf(stderr, "vigil ingest: %s: %s\n", name, status[i] ? errs[i].message : err.message);
                run->failed++;
                stop = rc == VG_ENOMEM ? -1 : 0;
                continue;
            }
            stop = store_document(run, &coded[i]);
        }
        progress_advance(&run->bar, pend->n);
    }
    for (size_t i = 0; i < pend->n; i++)
        vg_document_free(pend->docs[i]);
    pend->n = pend->bytes = 0;
    vg_arena_reset(arena);
    return stop;
}

static int ingest_path(ingest_run *run, const char *path)
{
    vg_reader *reader;
    vg_error err = {0};
    if (vg_reader_open_with(&reader, path, &run->read, &err) != 0) {
        fprintf(stderr, "vigil ingest: %s\n", err.message);
        return 1;
    }
    vg_arena arena;
    vg_arena_init(&arena, 64 * 1024);
    pending pend = {0};
    int status = 0, rc;
    vg_document *doc;
    while ((rc = vg_reader_next(reader, &doc, &err)) == 1) {
        run->documents++;
        if (no_text(doc)) { /* stored, it would only stand for every other empty document */
            fprintf(stderr, "vigil ingest: %s: no text; skipped\n", doc->name ? doc->name : "(document)");
            run->empty++;
            vg_document_free(doc);
            progress_advance(&run->bar, 1);
            continue;
        }
        vg_store_key key;
        vg_store_key_of(doc, &key);
        int found = 0;
        if (vg_store_has(run->store, &key, &found, &err)) {
            fprintf(stderr, "vigil ingest: %s\n", err.message);
            vg_document_free(doc);
            status = 1; /* the store is unusable: stop */
            break;
        }
        if (found) { /* stored by an earlier run: skip the analysis too */
            run->already++;
            vg_document_free(doc);
            progress_advance(&run->bar, 1);
            continue;
        }
        pend.docs[pend.n++] = doc;
        pend.bytes += doc->body_len;
        if ((pend.n == INGEST_ANALYSIS_DOCUMENTS || pend.bytes >= INGEST_ANALYSIS_BYTES) &&
            flush_pending(run, &pend, &arena) < 0) {
            status = 1;
            break;
        }
    }
    if (flush_pending(run, &pend, &arena) < 0)
        status = 1;
    if (rc < 0) {
        fprintf(stderr, "vigil ingest: %s\n", err.message);
        status = 1;
    }
    vg_reader_stats stats;
    vg_reader_stats_get(reader, &stats);
    run->failed += stats.skipped;
    vg_arena_free(&arena);
    vg_reader_close(reader);
    return status;
}

int cmd_ingest(int argc, char **argv)
{
    const char *db = "vigil.db", *models = NULL, *data = NULL, *date = NULL, *format = NULL, *beam = NULL;
    int quiet = 0, n_paths = 0;
    const char *actors[32];
    size_t n_actors = 0;
    const cli_option options[] = {
        {.name = "--quiet", .alias = "-q", .flag = &quiet},
        {.name = "--db", .value = &db},
        {.name = "--date", .value = &date},
        {.name = "--models", .value = &models},
        {.name = "--beam", .value = &beam},
        {.name = "--data", .value = &data},
        {.name = "--format", .value = &format},
        {.name = "--actors", .list = actors, .n_list = &n_actors, .max_list = sizeof actors / sizeof *actors},
        {0},
    };
    const cli_command command = {"ingest", help, options, 1};
    int rc = cli_options_parse(&command, argc, argv, &n_paths);
    if (rc >= 0)
        return rc;
    char **paths = argv + 1; /* where the parser gathered the input paths */
    if (n_paths == 0) {
        fprintf(stderr, "vigil ingest: name the files or folders to read ('-' for stdin; see --help)\n");
        return 2;
    }
    ingest_run run = {0};
    int width;
    if (cli_options_beam("ingest", beam, 1, &width))
        return 2;
    if (date) {
        char tail;
        int y, m, d;
        if (sscanf(date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1 || d > 31) {
            fprintf(stderr, "vigil ingest: bad date \"%s\": expected YYYY-MM-DD\n", date);
            return 2;
        }
        run.date = y * 10000 + m * 100 + d;
    }
    if (format) {
        int f = vg_format_parse(format);
        if (f < 0) {
            fprintf(stderr, "vigil ingest: unknown format '%s' (auto, text, html, jsonl)\n", format);
            return 2;
        }
        run.read.format = (vg_format)f;
    }
    vg_error err = {0};
    ingest_models m;
    if (models_open(&m, models, data, actors, n_actors, &err)) {
        fprintf(stderr, "vigil ingest: %s\n", err.message);
        models_close(&m);
        return 1;
    }
    if (vg_store_open(&run.store, db, 0, &err)) {
        fprintf(stderr, "vigil ingest: %s\n", err.message);
        models_close(&m);
        return 1;
    }
    vg_parser_set_beam(m.parser, width);
    run.pipeline.tagger = m.tagger;
    run.pipeline.parser = m.parser;
    run.pipeline.coder = m.knowledge.coder;
    int status = 0;
    progress_start(&run.bar, "ingest: documents", 0);
    for (int i = 0; i < n_paths && !status; i++)
        status |= ingest_path(&run, paths[i]);
    if (batch_turn(&run, 1))
        status = 1;
    progress_finish(&run.bar);
    if (!quiet) {
        fprintf(stderr,
                "vigil ingest: %zu documents: %zu new (%zu copies of stored stories), %zu already stored, %zu without text, %zu failed;"
                " %zu events; incidents: %zu new, %zu updated; %zu claims\n",
                run.documents, run.stored, run.copies, run.already, run.empty, run.failed, run.events, run.incidents_new,
                run.incidents_linked, run.claims);
        vg_store_counts counts;
        if (vg_store_counts_get(run.store, &counts, &err) == 0)
            fprintf(stderr, "vigil ingest: %s holds %lld documents, %lld events, %lld incidents, %lld claims\n", db,
                    counts.documents, counts.events, counts.incidents, counts.claims);
    }
    vg_store_close(run.store);
    models_close(&m);
    return status || run.failed ? 1 : 0;
}
