/* Coding with PETRARCH2-format dictionaries (verbs with synsets and patterns, actors with
 * dated codes, agents, discards): the knowledge behind `vigil code --petrarch DIR` and
 * `vigil validate`. It produces the same vg_event records as vigil's own coder.
 * Format and what is supported: docs/formats/petrarch.md. */
#ifndef VIGIL_CODE_PETRARCH_H
#define VIGIL_CODE_PETRARCH_H
#include <stddef.h>
#include <stdint.h>
#include "code/cameo.h"
#include "code/event.h"
#include "text/sentence.h"
#include "util/arena.h"
#include "util/error.h"

typedef struct vg_petrarch vg_petrarch;

/* dir holds the dictionaries: the verb file (CAMEO.*.txt, else *verbs*.txt), every *actors*.txt,
 * the *agents*.txt and the *discards*.txt. cameo (borrowed, must outlive the handle) gives the
 * event codes; a code the codebook lacks gets its own record. Returns 0, or VG_EIO / VG_EINVAL /
 * VG_ELIMIT ("FILE:LINE: what is wrong" in err) / VG_ENOTFOUND / VG_ENOMEM; *out NULL on failure. */
int vg_petrarch_load(vg_petrarch **out, const char *dir, const vg_cameo *cameo, vg_error *err);
/* The same with explicit files; agents and discards may be NULL. */
int vg_petrarch_load_files(vg_petrarch **out, const char *verbs, const char *actors, const char *agents,
                           const char *discards, const vg_cameo *cameo, vg_error *err);
void vg_petrarch_free(vg_petrarch *p);
/* Adds PETRARCH's internal coding ontology (the validation suite's <PICOfile>), used for what a
 * negated verb's code means ("didn't clash": 050, not 110). vg_petrarch_load reads a
 * "*Ontology*.txt" of its folder itself. Returns 0 or an error as the loaders do. */
int vg_petrarch_load_ontology(vg_petrarch *p, const char *path, vg_error *err);

/* PETRARCH's options: "require_dyad" ("true"/"false": an event needs both a source and a
 * target; true by default). Returns 0, or VG_EINVAL for an unknown option or value (which is
 * then ignored). */
int vg_petrarch_set_option(vg_petrarch *p, const char *option, const char *value);

/* Codes one analysed sentence; events allocated from arena; date YYYYMMDD or 0 for the dated
 * actor codes. index is the 1-based sentence number stored in the events. Returns 0 or VG_ENOMEM. */
int vg_petrarch_code_sentence(const vg_petrarch *p, const vg_sentence *s, uint32_t index, int32_t date,
                              vg_arena *arena, vg_event **events, size_t *n_events);

/* Sizes, for messages: verbs forms, patterns, actors, agents, discards. */
void vg_petrarch_counts(const vg_petrarch *p, size_t *verbs, size_t *patterns, size_t *actors, size_t *agents,
                        size_t *discards);

#endif
