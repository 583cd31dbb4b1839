/* PETRARCH actor dictionaries: named actors (a primary phrase, "+" synonyms) with a CAMEO actor
 * code, or codes restricted to dates ("[HOBGOV 19950601-19990815]", "[HOB <950601]",
 * "[HOBREB >990816]"). Format: docs/formats/petrarch.md. */
#ifndef VIGIL_CODE_PETR_ACTORS_H
#define VIGIL_CODE_PETR_ACTORS_H
#include <stddef.h>
#include <stdint.h>
#include "code/petr_lines.h"

typedef struct vg_petr_dated_code {
    const char *code;    /* NULL for the null code "---" */
    int32_t from, to;    /* YYYYMMDD, inclusive; 0 = open */
} vg_petr_dated_code;

typedef struct vg_petr_actor {
    const char *name;            /* the primary phrase as written */
    const char *code;            /* the default code, or NULL */
    vg_petr_dated_code *dated;   /* restrictions in file order; the first that holds wins */
    uint32_t n_dated;
    const char *file;
    uint32_t line;
} vg_petr_actor;

typedef struct vg_petr_actors {
    vg_petr_index index;         /* phrase -> actor number */
    vg_petr_actor *actors;
    size_t n_actors, cap_actors;
    vg_arena arena;
} vg_petr_actors;

void vg_petr_actors_init(vg_petr_actors *actors);
/* Adds the records of one actor file. Returns 0, or VG_EIO / VG_ELIMIT / VG_EINVAL with
 * "FILE:LINE: what is wrong" in err, or VG_ENOMEM. */
int vg_petr_actors_load(vg_petr_actors *actors, const char *path, vg_error *err);
void vg_petr_actors_free(vg_petr_actors *actors);
/* The actor's code on date (YYYYMMDD), or NULL. With date 0 (unknown): the default, else the
 * latest dated code. */
const char *vg_petr_actor_code(const vg_petr_actor *actor, int32_t date);

/* Parses a PETRARCH date, YYYYMMDD or YYMMDD (YY < 30 is 20YY), into YYYYMMDD; -1 if malformed. */
int32_t vg_petr_parse_date(const char *s, size_t n);

#endif
