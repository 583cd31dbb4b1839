/* Fuzz target for the PETRARCH actor, agent, discard and coding-ontology loaders
 * (code/petr_actors.h, petr_agents.h, petr_discards.h, petr_pico.h): the same bytes are read as
 * each kind of file; each loads or is refused with "file:line: what", and what loads answers
 * lookups of its own phrases. The input goes through a temporary file.
 * Stage: code. Needs: vg_petr_actors_load */
#include "fuzz_file.h"
#include "code/petr_actors.h"
#include "code/petr_agents.h"
#include "code/petr_discards.h"
#include "code/petr_pico.h"
#include <string.h>

/* Every phrase of the index is found again, at least as long. */
static void check_index(const vg_petr_index *index, size_t n_values)
{
    for (size_t i = 0; i < index->n_phrases; i++) {
        const vg_petr_phrase *p = &index->phrases[i];
        int32_t value = -1;
        size_t got = vg_petr_index_longest(index, p->words, p->n_words, 0, &value);
        FUZZ_CHECK(got >= p->n_words && value >= 0 && (size_t)value < n_values);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_file_write(data, size);
    vg_error err = {0};

    vg_petr_actors actors;
    vg_petr_actors_init(&actors);
    int rc = vg_petr_actors_load(&actors, fuzz_path, &err);
    if (rc)
        fuzz_check_refusal(rc, &err);
    else {
        check_index(&actors.index, actors.n_actors);
        for (size_t i = 0; i < actors.n_actors; i++) {
            vg_petr_actor_code(&actors.actors[i], 20000101);
            for (uint32_t k = 0; k < actors.actors[i].n_dated; k++)
                FUZZ_CHECK(actors.actors[i].dated[k].from >= 0 && actors.actors[i].dated[k].to >= 0);
        }
    }
    vg_petr_actors_free(&actors);

    vg_petr_agents agents;
    vg_petr_agents_init(&agents);
    rc = vg_petr_agents_load(&agents, fuzz_path, &err);
    if (rc)
        fuzz_check_refusal(rc, &err);
    else
        check_index(&agents.index, agents.n_agents);
    vg_petr_agents_free(&agents);

    vg_petr_discards discards;
    vg_petr_discards_init(&discards);
    rc = vg_petr_discards_load(&discards, fuzz_path, &err);
    if (rc)
        fuzz_check_refusal(rc, &err);
    else {
        char *text = malloc(size + 1);
        FUZZ_CHECK(text != NULL);
        memcpy(text, data, size);
        text[size] = '\0';
        vg_petr_discards_find(&discards, text);
        free(text);
    }
    vg_petr_discards_free(&discards);

    vg_petr_pico pico;
    rc = vg_petr_pico_load(&pico, fuzz_path, &err);
    if (rc)
        fuzz_check_refusal(rc, &err);
    else {
        char out[VG_PETR_CODE_SIZE];
        for (size_t i = 0; i < pico.n; i++)
            if (vg_petr_pico_negate(&pico, pico.entries[i].code, out))
                FUZZ_CHECK(memchr(out, '\0', sizeof out) != NULL);
        vg_petr_pico_free(&pico);
    }
    return 0;
}
