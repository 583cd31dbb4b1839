/* The PETRARCH-style coder over vigil's dependency trees: finds the verbs of the verb
 * dictionary in a sentence, picks the most specific pattern that matches around each, binds its
 * source and target to actor noun phrases (actor dictionary, longest match, composed with the
 * agents they carry), expands compound actors and writes (source, target, code) triples.
 * How it reads a tree: docs/formats/petrarch.md. */
#ifndef VIGIL_CODE_PETR_MATCH_H
#define VIGIL_CODE_PETR_MATCH_H
#include <stddef.h>
#include <stdint.h>
#include "code/petr_actors.h"
#include "code/petr_agents.h"
#include "code/petr_discards.h"
#include "code/petr_pico.h"
#include "code/petr_verbs.h"
#include "text/sentence.h"
#include "util/arena.h"

/* The dictionaries a coding reads; borrowed. */
typedef struct vg_petr_knowledge {
    const vg_petr_verbs *verbs;
    const vg_petr_actors *actors;
    const vg_petr_agents *agents;
    const vg_petr_discards *discards;   /* may be NULL */
    const vg_petr_pico *pico;           /* negations of codes; may be NULL */
    int require_dyad;                   /* an event needs both a source and a target */
} vg_petr_knowledge;

/* One coded triple, with where it came from. Strings live in the arena. */
typedef struct vg_petr_found {
    const char *source, *target;        /* composed actor codes; NULL when none */
    const char *source_text, *target_text;
    uint32_t source_token, target_token;/* 0-based head tokens (meaningless when the code is NULL) */
    char code[VG_PETR_CODE_SIZE];
    uint32_t verb_token;
    const vg_petr_pattern *pattern;     /* NULL when the verb's own code was used */
    const vg_petr_verb *verb;
} vg_petr_found;

/* Codes one analysed sentence; date is YYYYMMDD or 0. *found is allocated from arena.
 * Returns 0 or VG_ENOMEM. A sentence matching a discard gives no triple. */
int vg_petr_match_sentence(const vg_petr_knowledge *k, const vg_sentence *s, int32_t date, vg_arena *arena,
                           vg_petr_found **found, size_t *n_found);

#endif
