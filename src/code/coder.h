/* The event coder: from a document's parsed sentences to event records (event.h), using the
 * actor dictionaries (dict.h), the CAMEO codebook (cameo.h) and the event-pattern lexicon
 * (patterns.h). How it reads a tree: docs/internals/coder.md. */
#ifndef VIGIL_CODE_CODER_H
#define VIGIL_CODE_CODER_H
#include <stddef.h>
#include <stdint.h>
#include "code/dict.h"
#include "code/event.h"
#include "code/patterns.h"
#include "code/wordclass.h"
#include "text/sentence.h"
#include "util/arena.h"
#include "util/error.h"

/* The coder's knowledge. It borrows the four resources, which must outlive it; it is
 * read-only once opened, so one coder serves any number of threads. */
typedef struct vg_coder vg_coder;

int vg_coder_open(vg_coder **out, const vg_dict *actors, const vg_cameo *cameo,
                  const vg_patterns *patterns, const vg_wordclasses *words, vg_error *err);
void vg_coder_free(vg_coder *coder);

/* Coding flags. */
enum {
    /* Keep events the text says did not happen ("did not attack"), marked negated; by default
     * they are dropped, as a report that something did not happen is no event. */
    VG_CODE_KEEP_NEGATED = 1u << 0
};

/* The per-document state: what the document has named so far (for pronouns, definite
 * descriptions and aliases), its publication date, and the events coded. One per document,
 * used by one thread. */
typedef struct vg_coding vg_coding;

/* pubdate: YYYYMMDD, or 0 when unknown (relative dates then stay unresolved). Every string and
 * event the coding gives out is allocated from arena, which must outlive their use. */
int vg_coding_begin(vg_coding **out, const vg_coder *coder, int32_t pubdate, unsigned flags,
                    vg_arena *arena);
/* Codes one analysed sentence (tags, lemmas, tree filled in); index is 1-based. The sentence's
 * strings must live until vg_coding_end (they are read again for pronouns). Appends its events.
 * Returns 0 or VG_ENOMEM. */
int vg_coding_sentence(vg_coding *coding, const vg_sentence *sentence, uint32_t index);
/* The report's dateline ("LONDON (Reuters)"): its country stands for unqualified police, courts
 * and authorities. NULL or an unknown place changes nothing. */
void vg_coding_set_dateline(vg_coding *coding, const char *dateline);
/* The events coded so far, in sentence order. */
const vg_event *vg_coding_events(const vg_coding *coding, size_t *n);
void vg_coding_end(vg_coding *coding);

#endif
