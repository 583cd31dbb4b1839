/* The event record the coder produces (the JSON Lines record of MISSION.md, as a C struct),
 * and its JSON form. Every string and array belongs to the arena the coder was given. */
#ifndef VIGIL_CODE_EVENT_H
#define VIGIL_CODE_EVENT_H
#include <stdint.h>
#include <stdio.h>
#include "code/cameo.h"
#include "code/patterns.h"

/* One actor as the sentence names it, with what the dictionaries make of it. */
typedef struct vg_actor {
    const char *text;      /* the words of the mention ("the Israeli ambassador") */
    const char *code;      /* CAMEO actor code ("ISRGOV"), or NULL when unknown */
    const char *name;      /* canonical name of the entity ("Einat Kranz Neiger"), or NULL */
    const char *host;      /* the country a diplomat is posted to ("MEX"), or NULL */
    const char *role;      /* the role code a role word gave ("GOV" of "officials"), or NULL; with
                            * no country known, code is NULL and only the role is */
    uint32_t start, end;   /* byte span of the mention in the document body */
    uint32_t token;        /* 0-based index of the mention's head token in its sentence */
    uint32_t sentence;     /* 1-based sentence of the mention (earlier for a resolved pronoun) */
    uint8_t anonymous;     /* an unnamed source: "officials", "a source familiar with" */
    uint8_t resolved;      /* found through a pronoun, a definite description or an alias */
    uint8_t kind;          /* vg_actor_kind: what the words name, as far as their head tells */
} vg_actor;

/* What an actor's words name: a person or people ("the ambassador", "Jonas Weller",
 * "diplomats"), a building or site ("the embassy"), or neither that the words tell ("his
 * car", "Iran"). Two targets of different known kinds are two acts. */
typedef enum vg_actor_kind {
    VG_KIND_UNKNOWN = 0,
    VG_KIND_PERSON,
    VG_KIND_FACILITY
} vg_actor_kind;
const char *vg_actor_kind_name(vg_actor_kind kind);   /* "person", "facility", or NULL */

/* How the report presents the event. */
typedef enum vg_stance {
    VG_STANCE_ASSERTED = 0, /* stated as fact, by the reporter or an attributed speaker */
    VG_STANCE_ALLEGED,      /* an accusation, "alleged", "allegedly", a claim kept at a distance */
    VG_STANCE_DENIED        /* the content of a denial */
} vg_stance;
const char *vg_stance_name(vg_stance stance);

/* How precise a resolved date is. A date is a range [date, date_end] of YYYYMMDD days. */
typedef enum vg_date_precision {
    VG_DATE_NONE = 0,       /* no date known */
    VG_DATE_PUBLICATION,    /* no date in the text: the publication date stands in */
    VG_DATE_DAY,
    VG_DATE_MONTH,
    VG_DATE_PART_OF_YEAR,   /* "the end of last year", "the middle of this year" */
    VG_DATE_YEAR,
    VG_DATE_APPROXIMATE     /* "days after", "recently": around the reference date */
} vg_date_precision;
const char *vg_date_precision_name(vg_date_precision precision);

typedef struct vg_event {
    uint32_t sentence;           /* 1-based index of the sentence in the document */
    const char *text;            /* the sentence text */
    const vg_cameo_code *cameo;  /* borrowed from the codebook */
    const vg_actor *source;      /* NULL when the sentence names none */
    const vg_actor *target;
    vg_event_mode mode;
    uint8_t negated;             /* "did not attack", "no evidence of a plot" */
    vg_stance stance;
    const vg_actor *attributed_to; /* who says so (reporting verb, "according to"); may be empty */
    uint32_t n_attributed;
    int32_t date, date_end;      /* YYYYMMDD, 0 when unknown */
    vg_date_precision date_precision;
    const char *date_text;       /* the words the date came from, or NULL */
    const char *place_name;      /* "Mexico", or NULL */
    const char *place_country;   /* "MEX", or NULL */
    const vg_pattern *rule;      /* the lexicon entry that fired (file, line, text) */
    const char *path;            /* the tree path from the attribution or mode marker to the event
                                  * head and its participants, for --explain */
    uint32_t head;               /* 0-based index of the event's head token */
    uint32_t start, end;         /* byte span of the event's words in the body */
    int32_t parent;              /* index (in the document's events) of the event whose content
                                  * this one is (the accusation of an alleged plot), or -1 */
} vg_event;

/* Writes one event as a JSON object on one line (no newline before, one after). doc is the
 * document id. explain adds "rule" details and "path". Returns 0 or VG_EIO / VG_ENOMEM. */
int vg_event_write_json(FILE *out, const char *doc, const vg_event *event, int explain);

#endif
