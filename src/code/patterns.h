/* vigil's event-pattern lexicon (data/events/patterns.txt, format in docs/formats/patterns.md):
 * lemmas and lemma sequences that signal a CAMEO event, an event mode or an attribution, with
 * the dependency relations that hold their source, target and embedded content. */
#ifndef VIGIL_CODE_PATTERNS_H
#define VIGIL_CODE_PATTERNS_H
#include <stddef.h>
#include <stdint.h>
#include "code/cameo.h"
#include "util/error.h"

typedef struct vg_patterns vg_patterns;

/* The section an entry is in. */
typedef enum vg_pattern_kind {
    VG_PATTERN_EVENT = 1,       /* [events]: a CAMEO event */
    VG_PATTERN_MODE,            /* [modes]: a marker that puts the event it governs in a mode */
    VG_PATTERN_ATTRIBUTION      /* [attribution]: a reporting word; its subject says so */
} vg_pattern_kind;

/* The part of speech of the pattern's head word. */
typedef enum vg_pattern_pos {
    VG_PATTERN_VERB = 1,
    VG_PATTERN_NOUN,
    VG_PATTERN_ADJ,
    VG_PATTERN_ADP              /* a multi-word preposition: "according to" */
} vg_pattern_pos;

/* Event modes a marker gives (MISSION.md); "occurred" is the default and has no marker. */
typedef enum vg_event_mode {
    VG_MODE_OCCURRED = 0,
    VG_MODE_PLANNED,
    VG_MODE_ATTEMPTED,
    VG_MODE_THWARTED,
    VG_MODE_THREATENED
} vg_event_mode;

/* What an [attribution] entry says of its content. */
typedef enum vg_attribution {
    VG_ATTRIBUTION_NONE = 0,
    VG_ATTRIBUTION_SAY,         /* neutral reporting: say, tell, announce, according to */
    VG_ATTRIBUTION_ALLEGE       /* a claim the reporter keeps at a distance: allege, claim */
} vg_attribution;

/* Relations (UD deprels, with the preposition of an obl/nmod/advcl/acl after ":") where an
 * entry's participants are found, e.g. "nsubj", "obl:agent", "nmod:poss", "nmod:against". */
typedef struct vg_pattern_roles {
    const char *const *rels;
    uint32_t n;
} vg_pattern_roles;

/* One pattern; owned by the lexicon until vg_patterns_free. */
typedef struct vg_pattern {
    vg_pattern_kind kind;
    vg_pattern_pos pos;
    const char *const *words;   /* lowercase lemmas, articles left out: "carry" "out" "attack" */
    uint32_t n_words;
    uint32_t head;              /* index of the head word (the first unless marked "^") */
    const char *text;           /* the pattern as written, for --explain */
    const vg_cameo_code *cameo; /* [events]: the code (borrowed from the codebook); else NULL */
    vg_event_mode mode;         /* [modes]: the mode; [events]: a mode the entry implies, or 0 */
    int denied;                 /* [events] stance=denied: the subject denies the content */
    vg_attribution attribution; /* [attribution]: say or allege */
    vg_pattern_roles source;    /* who acts (the speaker for attribution) */
    vg_pattern_roles target;    /* whom it is done to */
    vg_pattern_roles content;   /* the embedded event or claim ("accuse X of plotting", "say that",
                                 * "plot to kill", "foil an attack") */
    const char *file;
    uint32_t line;
} vg_pattern;

/* Loads a lexicon; every [events] code must exist in cameo (which must outlive the lexicon).
 * Returns 0, or VG_EIO / VG_ELIMIT / VG_EINVAL ("FILE:LINE: what is wrong" in err) / VG_ENOMEM;
 * *out is NULL on failure. */
int vg_patterns_load(vg_patterns **out, const char *path, const vg_cameo *cameo, vg_error *err);
void vg_patterns_free(vg_patterns *patterns);

/* Every entry whose head word is lemma (lowercase), in file order; *n their number. Returns
 * NULL and *n 0 when none. A tree-walking coder starts here from each verb or noun. */
const vg_pattern *const *vg_patterns_by_head(const vg_patterns *patterns, const char *lemma, size_t *n);
/* Every entry written with exactly the words given ("carry" "out" "attack"), in file order. */
const vg_pattern *const *vg_patterns_find(const vg_patterns *patterns, const char *const *words,
                                          size_t n_words, size_t *n);
/* Entries matching the lemma sequence starting at lemmas[i], articles (a, an, the) in the text
 * skipped between pattern words: the longest pattern first. Fills out[0..max) and returns how
 * many matched (all of them of the same, longest, length); *n_tokens the tokens it spans. */
size_t vg_patterns_match(const vg_patterns *patterns, const char *const *lemmas, size_t n, size_t i,
                         const vg_pattern **out, size_t max, size_t *n_tokens);

size_t vg_patterns_count(const vg_patterns *patterns);
const vg_pattern *vg_patterns_at(const vg_patterns *patterns, size_t index);

/* "planned", "attempted", ...; "occurred" for 0; NULL out of range. */
const char *vg_event_mode_name(vg_event_mode mode);

#endif
