/* Everything the coder knows, loaded from a data folder: the actor dictionaries (DATA/actors/
 * and any extra actor files), the CAMEO codebook (DATA/cameo/codes.txt), the event patterns
 * (DATA/events/patterns.txt), the word classes (DATA/events/wordclasses.txt), and the coder over
 * them. One load for every command that codes. */
#ifndef VIGIL_CODE_KNOWLEDGE_H
#define VIGIL_CODE_KNOWLEDGE_H
#include <stddef.h>
#include "code/cameo.h"
#include "code/coder.h"
#include "code/dict.h"
#include "code/patterns.h"
#include "util/error.h"

typedef struct vg_knowledge {
    vg_dict *dict;
    vg_cameo *cameo;
    vg_patterns *patterns;
    vg_wordclasses *words;
    vg_coder *coder;
} vg_knowledge;

/* Loads data_dir's knowledge, with the actor files extra[0..n_extra) after the folder's own
 * ("examples/actors.txt" for invented countries). Errors name the file and line. On failure
 * nothing stays allocated. */
int vg_knowledge_load(vg_knowledge *k, const char *data_dir, const char *const *extra, size_t n_extra,
                      vg_error *err);
void vg_knowledge_free(vg_knowledge *k);

#endif
