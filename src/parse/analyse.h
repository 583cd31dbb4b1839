/* Tagging and parsing a batch of segmented sentences: the tagger over all of them, then the
 * parser over all of them. Each model's tables then stay in the processor's caches for a
 * whole step, where the two models together are larger than the shared cache and, taken a
 * sentence at a time, evict each other (BENCHMARKS.md: 6-8% of ingest). */
#ifndef VIGIL_ANALYSE_H
#define VIGIL_ANALYSE_H
#include <stdint.h>
#include "parse/parser.h"
#include "tag/tagger.h"
#include "text/sentence.h"
#include "util/arena.h"

/* Tags, lemmatises and parses sentences[0..n-1] (lemmas may be allocated from arena).
 * Returns 0, or the error code of the first sentence that failed; *n_done is then its index,
 * and the sentences before it are fully analysed (on success *n_done = n). */
int vg_analyse_sentences(const vg_tagger *tagger, const vg_parser *parser, vg_sentence *sentences, uint32_t n,
                         vg_arena *arena, uint32_t *n_done);

#endif
