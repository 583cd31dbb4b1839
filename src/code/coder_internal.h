/* Internals shared by the coder's files: coder.c (the lexicon on the tree, the phases of an
 * event, the records), walk.c (the walk up from an event head) and participants.c (who did
 * it and to whom). Nothing here is part of coder.h's interface. */
#ifndef VIGIL_CODE_CODER_INTERNAL_H
#define VIGIL_CODE_CODER_INTERNAL_H
#include <stddef.h>
#include <stdint.h>
#include "code/coder.h"
#include "code/mention.h"
#include "code/tree.h"

#define MAX_SIDE 6            /* actors on one side of an event ("U.S. and Israeli officials") */
#define MAX_CHAIN 24          /* tokens walked up from an event head */

struct vg_coder {
    const vg_dict *dict;
    const vg_cameo *cameo;
    const vg_patterns *patterns;
    const vg_wordclasses *words;
    const vg_cameo_code *accuse;          /* 112: the speakers of an allegation accuse its source */
    const vg_cameo_code *demand;          /* 100: the speakers of "X must be punished" demand it */
    const vg_cameo_code *unspecified_assault; /* 180: a plot with a target but no act named */
};

struct vg_coding {
    const vg_coder *coder;
    int32_t pubdate;
    unsigned flags;           /* VG_CODE_* */
    vg_arena *arena;
    vg_memory *memory;
    vg_event *events;         /* vg_malloc'd, grown by doubling */
    size_t n_events, cap;
    const vg_actor *last_speaker; /* a quote's speaker stays the speaker of the next sentences */
    const char *home;             /* the dateline's country, or NULL */
};

/* The lexicon entries a token carries. */
typedef struct marks {
    const vg_pattern *event, *mode, *attribution;
    int32_t covered_by;       /* the head of a multi-word event pattern this token is a word of, or -1 */
} marks;


/* One sentence being coded. */
typedef struct sentence_ctx {
    vg_coding *coding;
    const vg_coder *coder;
    vg_tree tree;
    vg_mentions mentions;
    marks *marks;
    uint32_t index;
    /* Resolved actors per token, filled in sentence order before any event is coded. */
    vg_actor **actors;
    uint8_t *n_actors;
    uint8_t *resolved;
} sentence_ctx;

/* What the walk up from an event head found (walk.c). */
typedef struct walk {
    vg_event_mode mode;
    int mode_marker;              /* the outermost mode marker, or -1 */
    int parent;                   /* token of the accusation or denial whose content this is */
    int attribution;              /* token of the reporting word, or -1 */
    const vg_actor *speakers;
    size_t n_speakers;
    int allege;                   /* the attribution keeps its distance (allege, claim) */
    int alleged_word;             /* "alleged", "allegedly", "suspected" on the chain */
    int negated;
    int future;                   /* "will", "shall" on the clause: an intent or a threat */
    int demanded;                 /* "must", "should" on the clause: what someone says ought to be done */
    const vg_actor *source;       /* inherited from the chain */
    size_t n_source;
    const char *source_how;
    const vg_actor *target;
    size_t n_target;
    uint32_t chain[MAX_CHAIN];    /* event head first */
    uint32_t n_chain;
} walk;

/* An event being coded: its head and entry, the walk up from it, and what the rules have found
 * so far. code_event (coder.c) runs the phases in order — those of participants.c, then its
 * own (finer codes, records) — each filling in what is still missing. */
typedef struct draft {
    uint32_t i;                   /* the event head */
    const vg_pattern *p;
    walk w;
    const vg_actor *src, *tgt;
    size_t n_src, n_tgt;
    const char *src_how, *tgt_how;
    int attributed_author;        /* the author was named by words that lay blame ("behind") */
    const vg_cameo_code *act;
    vg_stance stance;
    const vg_actor *speakers;
    size_t n_speakers;
    int parent_record;            /* the record of the accusation or denial holding it, or -1 */
} draft;

/* ---- coder.c ---- */

/* Whether lemma is in word class c (data/events/wordclasses.txt). */
int vg_coder_is_word(const sentence_ctx *sc, vg_wordclass c, const char *lemma);

/* How many levels below i token k is (1 for a child), or 0 when it is not within depth. */
int vg_coder_below(const vg_tree *t, uint32_t i, uint32_t k, unsigned depth);

/* ---- walk.c ---- */

void vg_coder_walk_up(sentence_ctx *sc, uint32_t head, walk *w);

/* The subject of verb v, or of the verb that controls it ("continued to issue threats":
 * "issue" has the subject of "continued"; "urged them to raise": "them"). -1 when none. */
int vg_coder_subject_of(const vg_tree *t, uint32_t v);

int vg_coder_content_fits(const vg_tree *t, uint32_t child, const vg_pattern *p);

/* A light verb's object noun carries the event while its subject does it: "announced
 * charges", "launched an attack", "issued a warning", "imposed sanctions". */
int vg_coder_is_light_verb(const sentence_ctx *sc, const char *lemma);

/* ---- participants.c ---- */

/* Participants the speech around the act supplies: a denial's target, the speaker of an
 * arrest with no agent or of a judgement. */
void vg_coder_participants_from_speech(sentence_ctx *sc, draft *d);
/* Whether noun i is definite ("the", "this", "that"). */
int vg_coder_is_definite_noun(const vg_tree *t, uint32_t i);
/* "Protesters hurled petrol bombs at riot police ... Police responded with tear gas": force
 * used in response ([response] words) with no target of its own answers the last act done to
 * its source, whose author it targets. */
void vg_coder_target_answered(sentence_ctx *sc, draft *d);

/* The participants named on the head and its pattern's words. Returns -1 when the entry is no
 * act here (a judgement noun that is no predicate). */
int vg_coder_own_participants(sentence_ctx *sc, draft *d);

/* Whether verb i receives an act ("received threats", "faced charges"). */
int vg_coder_receives_act(sentence_ctx *sc, uint32_t i);

/* The name a naming verb gives its object ("who call themselves Ansar Allah", "called the
 * minister a criminal": UD's xcomp, often parsed as a second object), or -1. */
int vg_coder_name_given(const sentence_ctx *sc, uint32_t verb);

/* The name given when it is a judgement noun ("called the minister a criminal"), or -1. */
int vg_coder_naming_predicate(const sentence_ctx *sc, uint32_t verb);

/* Targets found around the act when it names none: who receives it, the victims of the act it
 * owns, the author of an act named as target, the light verb's phrase. */
void vg_coder_targets_around(sentence_ctx *sc, draft *d);

/* Sources the act does not name itself: from the walk (a mode marker, a controlling verb),
 * the words around it, the act told again on its victim, the document's last act of its
 * family. */
void vg_coder_sources_around(sentence_ctx *sc, draft *d);

/* Who says so and how: the accusation or denial the act is the content of (whose accused did
 * it), an alleging attribution or hedge, or one side reporting another's hostile act. */
void vg_coder_stance_of(sentence_ctx *sc, draft *d);

/* Whether the draft is an event an analyst could use: someone known on either side, not the
 * circumstance of another act, not a thing's doing. */
int vg_coder_worth_a_record(sentence_ctx *sc, const draft *d);

int vg_coder_any_code(const vg_actor *a, size_t n);

size_t vg_coder_actors_of(sentence_ctx *sc, uint32_t token, const vg_actor **out);

/* Targets the rest of the sentence supplies: the object of the harm an attack did, the
 * country of the place or thing attacked, the partner of cooperation named as a manner, whom a
 * statement responds to. */
void vg_coder_targets_from_sentence(sentence_ctx *sc, draft *d);

/* The actors in the relations roles of head i; rel_out (when not NULL) names the relation used. */
size_t vg_coder_role_actors(sentence_ctx *sc, uint32_t i, const vg_pattern_roles *roles, const vg_actor **out, const char **rel_out);

#endif
