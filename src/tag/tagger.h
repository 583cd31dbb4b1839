/* Part-of-speech tagger (UPOS + Penn XPOS) and lemmatizer, trained on a UD treebank. */
#ifndef VIGIL_TAGGER_H
#define VIGIL_TAGGER_H
#include "text/conllu.h"
#include "text/sentence.h"
#include "util/arena.h"
#include "util/error.h"

typedef struct vg_tagger vg_tagger;

typedef struct vg_tagger_train_options {
    int iterations;      /* passes over the training set; 0 = the default */
    int verbose;         /* progress and dev accuracy per pass on stderr */
    unsigned seed;       /* shuffling seed */
} vg_tagger_train_options;

/* Trains on `train`, selects the best pass on `dev` (may be NULL), writes the model file. */
int vg_tagger_train(const vg_treebank *train, const vg_treebank *dev,
                    const vg_tagger_train_options *options, const char *model_path, vg_error *err);

/* Loads a model file (memory-mapped; fast). */
int vg_tagger_open(vg_tagger **out, const char *model_path, vg_error *err);
void vg_tagger_close(vg_tagger *tagger);

/* Fills upos, xpos and lemma of every token of the sentence. Lemma strings either point into
 * the model or are allocated from `arena`. The tagger is read-only: safe across threads. */
int vg_tagger_tag(const vg_tagger *tagger, vg_sentence *sentence, vg_arena *arena);

#endif
