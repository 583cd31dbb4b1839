/* The coder's word classes (data/events/wordclasses.txt, format in docs/formats/wordclasses.md):
 * the words its rules name by what they do — light verbs, hedges, evidence nouns, nouns that
 * stand for a body — kept as data, so a rule reads "a light verb" and an analyst can extend
 * the class without touching the rule. */
#ifndef VIGIL_CODE_WORDCLASS_H
#define VIGIL_CODE_WORDCLASS_H
#include "util/error.h"

/* One value per [section] of the file; every section must be present. */
typedef enum vg_wordclass {
    VG_WORDS_HEDGE,            /* "alleged", "reportedly": the act is told at a distance */
    VG_WORDS_EVIDENCE,         /* "no evidence that ...": what there is none of did not happen */
    VG_WORDS_LIGHT_VERB,       /* "announced charges": the object noun is the act */
    VG_WORDS_ACCUSATION,       /* "denied the accusation": a denied noun that was an accusation */
    VG_WORDS_RECEIVING,        /* "received threats": the subject is the act's target */
    VG_WORDS_LAYING,           /* "an attack attributed to Iran": an act laid at someone's door */
    VG_WORDS_DOING,            /* "a strike ordered by Trump": the participle's agent did it */
    VG_WORDS_ORDERS,           /* "on the orders of": who gave them did it */
    VG_WORDS_TIES,             /* "a ship linked to Israel": whose the thing is */
    VG_WORDS_RESPONSE,         /* "in response to X's statement": a statement answers X */
    VG_WORDS_SYMMETRIC,        /* "exchanged fire": an act both sides do */
    VG_WORDS_VIEWPOINT,        /* "from the perspective of Iran": Iran says what follows */
    VG_WORDS_NAMING,           /* "called the minister a criminal": a judgement of the object */
    VG_WORDS_PERSON,           /* "the minister": a singular one is "he" or "she" */
    VG_WORDS_FACILITY,         /* "the embassy": a place, which an attack on a person is not on */
    VG_WORDS_ACT_NOUN,         /* "welcomed the decision": a noun for someone's last act */
    VG_WORDS_PART,             /* "an IRGC member": the body its modifier names */
    VG_WORDS_PARTICIPLE_ADJECTIVE, /* "neighbouring Afghanistan": a describing word, no verb */
    VG_WORDS_INSTITUTION,      /* "ministries" in the plural are no one country's */
    VG_WORDS_ANONYMOUS,        /* "officials said": an unnamed source */
    VG_WORDS_COUNT_WORD,       /* "hundreds of civilians": the people counted */
    VG_WORDS_RELATIONAL,       /* "Iran's allies": others, named by their relation to the owner */
    VG_WORDS_BOTH_SIDES,       /* "both countries", "the two sides": the last two named */
    VG_WORDS_MESSAGE,          /* "a video threatening X": what a message says, said when it came out */
    VG_WORDS_STATE_ROLE,       /* actor role codes of a state's own bodies (GOV, MIL, ...) */
    VG_WORDS_PROMINENT_ROLE,   /* role codes whose killing is an assassination (186) */
    VG_WORDS_ARMED_ROLE,       /* role codes of armed figures, prominent when named */
    VG_WORDS_UNIDENTIFIED_ROLE, /* role codes of actors no one has named ("gunmen") */
    VG_WORDS_N_CLASSES
} vg_wordclass;

typedef struct vg_wordclasses vg_wordclasses;

/* Loads path. Returns 0, or VG_EIO / VG_ELIMIT / VG_ENOMEM, or VG_EINVAL with "FILE:LINE: what
 * is wrong" in err (an unknown section, a word before any section, a section given twice, a
 * word with an upper-case letter) or "FILE: no [section]" for a missing one. *out is NULL on
 * failure. */
int vg_wordclasses_load(vg_wordclasses **out, const char *path, vg_error *err);
void vg_wordclasses_free(vg_wordclasses *words);

/* Whether word (a lowercase lemma, or a role code) is in class c. words may be NULL: no word
 * is then in any class. */
int vg_words_in(const vg_wordclasses *words, vg_wordclass c, const char *word);

/* The section name of class c ("light-verb"), or NULL when c is out of range. */
const char *vg_wordclass_name(vg_wordclass c);

#endif
