/* PETRARCH discard lists: phrases whose presence stops a sentence ("BASEBALL") or, with a
 * leading "+", the whole story ("+TYPHOON") from being coded. A phrase ending in "_" must end
 * at a word boundary; otherwise it is a stem. Matching ignores case. */
#ifndef VIGIL_CODE_PETR_DISCARDS_H
#define VIGIL_CODE_PETR_DISCARDS_H
#include <stddef.h>
#include <stdint.h>
#include "code/petr_lines.h"

typedef struct vg_petr_discard {
    const char *text;    /* uppercase, blanks single, without "+" and final "_" */
    int story;           /* "+": discard the whole story */
    int whole_word;      /* final "_": must end at a word boundary */
} vg_petr_discard;

typedef struct vg_petr_discards {
    vg_petr_discard *items;
    size_t n, cap;
    vg_arena arena;
    /* the items by their first byte, so a text is compared only with those starting with the
     * letter at each of its words: order[bucket[b] .. bucket[b+1]) start with byte b */
    uint32_t *order;
    uint32_t bucket[257];
} vg_petr_discards;

void vg_petr_discards_init(vg_petr_discards *d);
int vg_petr_discards_load(vg_petr_discards *d, const char *path, vg_error *err);
void vg_petr_discards_free(vg_petr_discards *d);
/* The first discard found in text (any case), or NULL. */
const vg_petr_discard *vg_petr_discards_find(const vg_petr_discards *d, const char *text);

#endif
