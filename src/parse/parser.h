/* Labelled dependency parser (UD v2 relations) over tagged sentences. */
#ifndef VIGIL_PARSER_H
#define VIGIL_PARSER_H
#include "text/conllu.h"
#include "text/sentence.h"
#include "util/error.h"

typedef struct vg_parser vg_parser;

typedef struct vg_parser_train_options {
    int iterations;      /* passes over the training set; 0 = the default */
    int verbose;         /* progress and dev UAS/LAS per pass on stderr */
    unsigned seed;       /* shuffling seed */
    int members;         /* models trained with different shuffles and averaged; 0 = the default */
} vg_parser_train_options;

/* Trains on `train` (its tags are the features: pass predicted tags for realistic training),
 * selects each member's best pass on `dev` (may be NULL), averages the members, writes the
 * model file, and with dev chooses the beam's softmax temperature on it (for beam parsing). */
int vg_parser_train(const vg_treebank *train, const vg_treebank *dev,
                    const vg_parser_train_options *options, const char *model_path, vg_error *err);

/* How the shipped model is trained (`vigil train`): the parser learns the gold trees twice,
 * once with the gold tags and once with the tags of taggers that never saw the sentence
 * (jackknifing: `folds` taggers, 0 = 10, each trained with vg_tagger_train on the other
 * folds), and selects its best pass on `dev` as tagged by the tagger model at tagger_path.
 * Writes a temporary model_path".fold" and removes it. */
int vg_parser_train_jackknifed(const vg_treebank *train, const vg_treebank *dev, const char *tagger_path,
                               int folds, const vg_parser_train_options *options, const char *model_path,
                               vg_error *err);

/* Loads a model file (memory-mapped; fast). */
int vg_parser_open(vg_parser **out, const char *model_path, vg_error *err);
void vg_parser_close(vg_parser *parser);

/* Beam width of vg_parser_parse: 1 (the default) parses greedily; wider beams keep that
 * many most probable move sequences (4: about a point more accurate, half the speed; at most
 * PARSE_MAX_BEAM = 16). The environment variable VIGIL_PARSE_BEAM sets it when the model is
 * opened. Set it before sharing the parser between threads. */
void vg_parser_set_beam(vg_parser *parser, int width);

/* Fills head and deprel of every token, reading form, lemma, upos and xpos.
 * Always produces a single-rooted tree. Read-only parser: safe across threads. */
int vg_parser_parse(const vg_parser *parser, vg_sentence *sentence);

#endif
