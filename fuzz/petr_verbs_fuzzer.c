/* Fuzz target for the PETRARCH verb-dictionary loader (vg_petr_verbs_load, code/petr_verbs.h):
 * any bytes load or are refused with "file:line: what"; what loads has well-formed blocks,
 * patterns (one verb element each) and forms that are found again in the index. The input
 * goes through a temporary file, as the loader reads paths.
 * Stage: code. Needs: vg_petr_verbs_load */
#include "fuzz.h"
#include "code/petr_verbs.h"
#include <string.h>
#include <unistd.h>

static char verbs_path[64];

static void quiet(void *context, const char *message)
{
    (void)context;
    (void)message;
}

static void remove_file(void)
{
    if (verbs_path[0])
        unlink(verbs_path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    vg_warning_set_sink(quiet, NULL);
    snprintf(verbs_path, sizeof verbs_path, "/tmp/vigil-petr-fuzz-XXXXXX");
    int fd = mkstemp(verbs_path);
    FUZZ_CHECK(fd >= 0);
    close(fd);
    atexit(remove_file);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(verbs_path, "wb");
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(fwrite(data, 1, size, f) == size);
    FUZZ_CHECK(fclose(f) == 0);

    vg_petr_verbs v;
    vg_error err = {0};
    int rc = vg_petr_verbs_load(&v, verbs_path, &err);
    if (rc != 0) {
        FUZZ_CHECK(rc < 0 && !strncmp(err.message, verbs_path, strlen(verbs_path)));
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
