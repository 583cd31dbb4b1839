/* PETRARCH's internal coding ontology (PICO, "PETR_Validate_Internal_Coding_Ontology_1_01.txt"):
 * each CAMEO code with a hexadecimal value, and for some codes what their negation means
 * ("110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove": not disapproving is 0x0080, which is 050).
 * vigil reads it only for that: a negated verb's code is replaced by its negation's. */
#ifndef VIGIL_CODE_PETR_PICO_H
#define VIGIL_CODE_PETR_PICO_H
#include <stddef.h>
#include <stdint.h>
#include "code/petr_lines.h"
#include "code/petr_verbs.h"

typedef struct vg_petr_pico_entry {
    char code[VG_PETR_CODE_SIZE];
    uint32_t value;                 /* the code's value (0 when none is written) */
    int32_t negated_value;          /* the value its negation has, or -1 */
} vg_petr_pico_entry;

typedef struct vg_petr_pico {
    vg_petr_pico_entry *entries;
    size_t n, cap;
} vg_petr_pico;

/* Returns 0, or VG_EIO / VG_ELIMIT / VG_EINVAL ("FILE:LINE: what is wrong") / VG_ENOMEM. */
int vg_petr_pico_load(vg_petr_pico *pico, const char *path, vg_error *err);
void vg_petr_pico_free(vg_petr_pico *pico);
/* The code meaning "not code" (written to out, VG_PETR_CODE_SIZE bytes), or 0 when the
 * ontology says nothing of code's negation. */
int vg_petr_pico_negate(const vg_petr_pico *pico, const char *code, char *out);

#endif
