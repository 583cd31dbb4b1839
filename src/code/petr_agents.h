/* PETRARCH agent dictionaries: role words ("MINISTER [~GOV]", "HUMAN_RIGHTS_BODY [NGO~]") with
 * their plurals ("{}" none, "{ATTORNEYS_GENERAL}" irregular) and substitution sets
 * ("!PERSON! = MAN, MEN, ..."). An agent's code is composed with the actor it modifies: after it
 * for "~CODE", before it for "CODE~". Format: docs/formats/petrarch.md. */
#ifndef VIGIL_CODE_PETR_AGENTS_H
#define VIGIL_CODE_PETR_AGENTS_H
#include <stddef.h>
#include <stdint.h>
#include "code/petr_lines.h"

typedef struct vg_petr_agent {
    const char *code;     /* without the "~" */
    int prefix;           /* "CODE~": goes before the actor's code */
    uint32_t line;
} vg_petr_agent;

typedef struct vg_petr_agents {
    vg_petr_index index;  /* phrase -> agent number */
    vg_petr_agent *agents;
    size_t n_agents, cap_agents;
    vg_arena arena;
    /* substitution sets: "!NAME!" -> comma-separated words */
    struct vg_petr_subst { const char *marker; const char **items; uint32_t n_items; } *subst;
    size_t n_subst;
} vg_petr_agents;

void vg_petr_agents_init(vg_petr_agents *agents);
/* Adds the entries of one agent file. Returns 0, or VG_EIO / VG_ELIMIT / VG_EINVAL with
 * "FILE:LINE: what is wrong" in err, or VG_ENOMEM. */
int vg_petr_agents_load(vg_petr_agents *agents, const char *path, vg_error *err);
void vg_petr_agents_free(vg_petr_agents *agents);

#endif
