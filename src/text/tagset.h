/* Numeric ids for UPOS, XPOS and dependency relations (tables in tagset.def). */
#ifndef VIGIL_TAGSET_H
#define VIGIL_TAGSET_H
#include <stddef.h>

extern const char *const vg_upos_names[];
extern const char *const vg_xpos_names[];
extern const char *const vg_deprel_names[];
extern const size_t vg_upos_count, vg_xpos_count, vg_deprel_count;

/* Id of a name, or 0 when the name is not in the set. */
int vg_upos_id(const char *name);
int vg_xpos_id(const char *name);
int vg_deprel_id(const char *name);

/* Frequently tested ids, checked against the tables in the unit test. */
enum {
    VG_UPOS_ADJ = 1, VG_UPOS_ADP, VG_UPOS_ADV, VG_UPOS_AUX, VG_UPOS_CCONJ, VG_UPOS_DET,
    VG_UPOS_INTJ, VG_UPOS_NOUN, VG_UPOS_NUM, VG_UPOS_PART, VG_UPOS_PRON, VG_UPOS_PROPN,
    VG_UPOS_PUNCT, VG_UPOS_SCONJ, VG_UPOS_SYM, VG_UPOS_VERB, VG_UPOS_X
};

#endif
