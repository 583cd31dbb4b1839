/* Fuzz target for the actor and role dictionary loader (vg_dict_load, code/dict.h): any bytes
 * load or are refused with "file:line: what"; what loads answers lookups of its own codes and of
 * the input's words. The loader reads paths only, so the input goes through a temporary file.
 * Stage: code. Needs: vg_dict_load */
#include "fuzz_file.h"
#include "code/dict.h"
#include <string.h>

/* Up to 64 words of the input (split at ASCII spaces), for lookups. */
static size_t split_words(const uint8_t *data, size_t size, char *copy, const char **words)
{
    size_t n = 0;
    memcpy(copy, data, size);
    copy[size] = '\0';
    char *p = copy;
    while (n < 64 && *p) {
        while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
            *p++ = '\0';
        if (!*p)
            break;
        words[n++] = p;
        while (*p && *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
            p++;
    }
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_file_write(data, size);

    vg_dict *dict = NULL;
    vg_error err = {0};
    int rc = vg_dict_load(&dict, fuzz_path, &err);
    if (rc != 0) {
        FUZZ_CHECK(rc < 0 && err.message[0] != '\0' && dict == NULL);
        return 0;
    }
    FUZZ_CHECK(dict != NULL);
    size_t n = vg_dict_count(dict, 0);
    char gloss[256];
    for (size_t i = 0; i < n; i++) {
        const vg_dict_entry *e = vg_dict_entry_at(dict, i);
        FUZZ_CHECK(e != NULL && e->name != NULL && e->n_names >= 1);
        if (e->code) {
            if (e->kind != VG_DICT_ROLE) /* role words carry a role code, not an actor's */
                FUZZ_CHECK(vg_dict_find_code(dict, e->code) != NULL);
            vg_dict_describe(dict, e->code, gloss, sizeof gloss);
            FUZZ_CHECK(memchr(gloss, '\0', sizeof gloss) != NULL);
        }
        for (uint32_t r = 0; r < e->n_roles; r++)
            FUZZ_CHECK(e->roles[r].from <= e->roles[r].to && e->roles[r].code != NULL);
        FUZZ_CHECK(vg_dict_code_at(e, 20250101, NULL) != NULL || e->code == NULL);
    }

    char *copy = malloc(size + 1);
    FUZZ_CHECK(copy != NULL);
    const char *words[64];
    size_t n_words = split_words(data, size, copy, words);
    vg_dict_match match;
    for (size_t i = 0; i < n_words; i++) {
        size_t got = vg_dict_match_words(dict, words, n_words, i, &match);
        FUZZ_CHECK(got == match.n_tokens && got <= n_words - i);
        for (uint32_t h = 0; h < match.n_hits; h++)
            FUZZ_CHECK(match.hits[h].entry != NULL && match.hits[h].code != NULL);
        got = vg_dict_match_role_words(dict, words, n_words, i, &match);
        FUZZ_CHECK(got <= n_words - i);
        vg_dict_role_word(dict, words[i]);
        vg_dict_country(dict, words[i]);
    }
    free(copy);
    vg_dict_free(dict);
    return 0;
}
