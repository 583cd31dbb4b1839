/* Fuzz target for the PETRARCH verb-dictionary loader (vg_petr_verbs_load, code/petr_verbs.h):
 * any bytes load or are refused with "file:line: what"; what loads has well-formed blocks,
 * patterns (one verb element each) and forms that are found again in the index. The input
 * goes through a temporary file, as the loader reads paths.
 * Stage: code. Needs: vg_petr_verbs_load */
#include "fuzz_file.h"
#include "code/petr_verbs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_file_write(data, size);

    vg_petr_verbs v;
    vg_error err = {0};
    int rc = vg_petr_verbs_load(&v, fuzz_path, &err);
    if (rc != 0) {
        fuzz_check_refusal(rc, &err);
        return 0;
    }
    uint32_t patterns = 0;
    for (size_t b = 0; b < v.n_blocks; b++) {
        FUZZ_CHECK(v.blocks[b].first_pattern + v.blocks[b].n_patterns <= v.n_patterns);
        patterns += v.blocks[b].n_patterns;
    }
    FUZZ_CHECK(patterns == v.n_patterns);
    for (size_t i = 0; i < v.n_patterns; i++) {
        const vg_petr_pattern *p = &v.patterns[i];
        FUZZ_CHECK(p->verb < p->n_elems && p->elems[p->verb].kind == VG_PETR_ELEM_VERB);
        for (uint32_t e = 0; e < p->n_elems; e++)
            if (p->elems[e].kind == VG_PETR_ELEM_SYNSET)
                FUZZ_CHECK(p->elems[e].synset >= 0 && (size_t)p->elems[e].synset < v.n_synsets);
    }
    for (size_t i = 0; i < v.n_verbs; i++)
        FUZZ_CHECK(v.verbs[i].block < v.n_blocks && v.verbs[i].base != NULL);
    for (size_t i = 0; i < v.forms.n_phrases; i++) {
        int32_t id = -1;
        const char *w = v.forms.phrases[i].words[0];
        FUZZ_CHECK(vg_petr_index_longest(&v.forms, &w, 1, 0, &id) == 1 && id >= 0 && (size_t)id < v.n_verbs);
    }
    vg_petr_verbs_free(&v);
    return 0;
}
