/* vigil: the public C API.
 *
 * Ownership, stated once: every handle returned through an output parameter belongs to the
 * caller and is released with its matching *_free function; every pointer returned by a
 * getter is borrowed from the handle it came from and stays valid until that handle is freed
 * or next modified. Functions return 0 on success or a negative VIGIL_E* code; the message of
 * the last error is kept on the handle (vigil_*_error). */
#ifndef VIGIL_H
#define VIGIL_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define VIGIL_VERSION "0.1.0"

enum {
    VIGIL_OK = 0,
    VIGIL_ENOMEM = -1,
    VIGIL_EIO = -2,
    VIGIL_EINVAL = -3,
    VIGIL_ELIMIT = -4,
    VIGIL_ENOTFOUND = -5,
    VIGIL_EMODEL = -6
};

/* The version string of the library. */
const char *vigil_version(void);

/* Prepares the libraries vigil uses (libxml2, jansson). Call once, before starting threads. */
void vigil_init(void);

/* The message of the last failed call on this thread (file, line or byte offset where they apply). */
const char *vigil_error_message(void);

/* Scores of a predicted CoNLL-U file against a gold one with the same tokenisation. */
typedef struct vigil_parse_scores {
    size_t sentences, tokens;
    double upos, xpos, lemma;   /* accuracy, 0..1 */
    double uas, las;            /* attachment scores, 0..1 (punctuation included) */
    double clas_universal;      /* LAS comparing only the universal part of labels */
} vigil_parse_scores;

/* Compares pred with gold token by token. Fails with VIGIL_EINVAL (message in `message`)
 * when the files differ in sentence or token count. `message` may be NULL. */
int vigil_eval_conllu(const char *gold_path, const char *pred_path, vigil_parse_scores *scores,
                      char *message, size_t message_size);

/* Analysis: the tagger, lemmatizer and parser models. */
typedef struct vigil_analyser vigil_analyser;

/* The model folder used when none is given: $VIGIL_MODELS, else the one built in. */
const char *vigil_default_model_dir(void);
/* Loads the models of model_dir (NULL: the default). Free with vigil_analyser_free. */
int vigil_analyser_open(vigil_analyser **out, const char *model_dir);
void vigil_analyser_free(vigil_analyser *analyser);
/* The parser's beam width: 1 parses greedily (what vigil_analyser_open sets, unless the
 * environment variable VIGIL_PARSE_BEAM says otherwise); wider beams keep that many most
 * probable move sequences (4: about a point more accurate, a little over half the speed; at
 * most 16). Set it before sharing the analyser between threads. */
void vigil_analyser_set_beam(vigil_analyser *analyser, int width);

/* Reads a CoNLL-U file, keeps its tokenisation and writes it to out with the analyser's tags,
 * lemmas and trees (for evaluation). */
int vigil_analyse_conllu(const vigil_analyser *analyser, const char *path, FILE *out);

/* Training (vigil train). */
typedef struct vigil_train_options {
    const char *train_path, *dev_path;  /* CoNLL-U; dev may be NULL */
    const char *out_dir;                /* receives en_ewt.tagger and en_ewt.parser */
    int jackknife_folds;                /* predicted training tags for the parser; <= 1: none */
    int tagger_iterations, parser_iterations;  /* 0: the defaults */
    unsigned seed;
    int verbose;
} vigil_train_options;

int vigil_train(const vigil_train_options *options);

/* Documents: plain text, HTML or JSON Lines, from files, folders, stdin ("-") or memory. */
typedef struct vigil_reader vigil_reader;
typedef struct vigil_document vigil_document;

/* format: "auto" (or NULL), "text", "html" or "jsonl". */
int vigil_reader_open(vigil_reader **out, const char *path, const char *format);
/* 1 and a document (the caller frees it), 0 at the end, or a negative code. Unreadable
 * files and malformed records are warnings (on stderr) and are skipped. */
int vigil_reader_next(vigil_reader *reader, vigil_document **out);
void vigil_reader_free(vigil_reader *reader);
int vigil_document_from_memory(vigil_document **out, const char *name, const char *bytes, size_t len,
                               const char *format);
void vigil_document_free(vigil_document *document);

const char *vigil_document_id(const vigil_document *document);
const char *vigil_document_title(const vigil_document *document);
const char *vigil_document_date(const vigil_document *document);   /* yyyy-mm-dd or NULL */
const char *vigil_document_body(const vigil_document *document);   /* one paragraph a line */

/* Splits the body into sentences and tokens, tags, lemmatises and parses them, and writes
 * CoNLL-U (# newdoc id, # sent_id, # text). Memory is bounded by the longest sentence.
 * The counts (may be NULL) receive what was written. */
int vigil_document_write_conllu(const vigil_analyser *analyser, const vigil_document *document, FILE *out,
                                size_t *n_sentences, size_t *n_tokens);

/* ---- Coding events ---------------------------------------------------------------------- */

/* The coder's knowledge: actor dictionaries (DATA/actors/), the CAMEO codebook
 * (DATA/cameo/codes.txt) and the event patterns (DATA/events/patterns.txt). */
typedef struct vigil_coder vigil_coder;
/* $VIGIL_DATA, else the data/ folder of the source tree vigil was built from. */
const char *vigil_default_data_dir(void);
/* Loads the knowledge of data_dir (NULL: the default). Errors name the file and line. */
int vigil_coder_open(vigil_coder **out, const char *data_dir);
/* The same, with more actor dictionaries loaded after DATA/actors/ (a report set's invented
 * countries and people, as examples/actors.txt). */
int vigil_coder_open_with(vigil_coder **out, const char *data_dir, const char *const *actor_files,
                          size_t n_actor_files);
/* A coder over PETRARCH2-format dictionaries (verbs, actors, agents, discards in petrarch_dir;
 * docs/formats/petrarch.md) instead of vigil's own; event codes are read against data_dir's
 * codebook (NULL: the default). */
int vigil_coder_open_petrarch(vigil_coder **out, const char *data_dir, const char *petrarch_dir);
void vigil_coder_free(vigil_coder *coder);

typedef struct vigil_code_options {
    const char *date;      /* "YYYY-MM-DD": the publication date to resolve relative dates against,
                            * instead of the document's own; NULL keeps the document's */
    int explain;           /* add each event's tree path ("path") */
    int keep_negated;      /* keep events the text says did not happen, marked "negated": true */
    /* When not NULL, the seconds spent analysing (segmenting, tagging, parsing) and coding are
     * added to these two counters (for make bench). */
    double *analysis_seconds, *coding_seconds;
} vigil_code_options;

/* Analyses the document and writes its events as JSON Lines (the event record of
 * docs/formats/events.md), one per line. options may be NULL. The counts (may be NULL)
 * receive the sentences read and the events written. */
int vigil_document_write_events(const vigil_analyser *analyser, const vigil_coder *coder,
                                const vigil_document *document, const vigil_code_options *options,
                                FILE *out, size_t *n_sentences, size_t *n_events);
/* Codes the sentences of a CoNLL-U file as one document (its id the file name): sentences
 * with a tree keep it, the others are tagged and parsed. For testing the coder on given trees. */
int vigil_code_conllu(const vigil_analyser *analyser, const vigil_coder *coder, const char *path,
                      const vigil_code_options *options, FILE *out, size_t *n_sentences, size_t *n_events);

#ifdef __cplusplus
}
#endif
#endif
