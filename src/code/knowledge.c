/* Loading the coder's knowledge (knowledge.h). */
#include "code/knowledge.h"
#include <stdio.h>
#include <string.h>

int vg_knowledge_load(vg_knowledge *k, const char *data_dir, const char *const *extra, size_t n_extra,
                      vg_error *err)
{
    memset(k, 0, sizeof *k);
    char path[4096];
    snprintf(path, sizeof path, "%s/actors", data_dir);
    int rc = vg_dict_load_with(&k->dict, path, extra, n_extra, err);
    if (!rc) {
        snprintf(path, sizeof path, "%s/cameo/codes.txt", data_dir);
        rc = vg_cameo_load(&k->cameo, path, err);
    }
    if (!rc) {
        /* The lexicon keeps its own copy of the path for each rule's file:line. */
        snprintf(path, sizeof path, "%s/events/patterns.txt", data_dir);
        rc = vg_patterns_load(&k->patterns, path, k->cameo, err);
    }
    if (!rc) {
        snprintf(path, sizeof path, "%s/events/wordclasses.txt", data_dir);
        rc = vg_wordclasses_load(&k->words, path, err);
    }
    if (!rc)
        rc = vg_coder_open(&k->coder, k->dict, k->cameo, k->patterns, k->words, err);
    if (rc)
        vg_knowledge_free(k);
    return rc;
}

void vg_knowledge_free(vg_knowledge *k)
{
    vg_coder_free(k->coder);
    vg_wordclasses_free(k->words);
    vg_patterns_free(k->patterns);
    vg_cameo_free(k->cameo);
    vg_dict_free(k->dict);
    memset(k, 0, sizeof *k);
}
