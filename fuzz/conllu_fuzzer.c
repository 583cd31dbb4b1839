/* Fuzz target for the CoNLL-U reader (vg_treebank_read_memory, text/conllu.h): any bytes are
 * read or refused with a message; what is read keeps its invariants and survives a round trip
 * through vg_conllu_write. */
#include "fuzz.h"
#include "text/conllu.h"
#include "text/tagset.h"
#include <string.h>

static int same_string(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static void check_bank(const vg_treebank *bank)
{
    for (size_t i = 0; i < bank->n_sentences; i++) {
        const vg_sentence *s = &bank->sentences[i];
        FUZZ_CHECK(s->n_tokens > 0 && s->tokens != NULL);
        for (uint32_t t = 0; t < s->n_tokens; t++) {
            const vg_token *tok = &s->tokens[t];
            FUZZ_CHECK(tok->form != NULL);
            FUZZ_CHECK(tok->upos < vg_upos_count && tok->xpos < vg_xpos_count && tok->deprel < vg_deprel_count);
            FUZZ_CHECK(tok->space_after <= 1);
        }
        for (uint32_t m = 0; m < s->n_multiwords; m++)
            FUZZ_CHECK(s->multiwords[m].form != NULL);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vg_treebank bank;
    vg_error err = {0};
    if (vg_treebank_read_memory(&bank, (const char *)data, size, "fuzz", &err) != 0) {
        /* a refusal must say why */
        FUZZ_CHECK(err.code < 0 && err.message[0] != '\0');
        return 0;
    }
    check_bank(&bank);

    /* What was read is written, and reading the output again gives the same tokens. */
    char *text = NULL;
    size_t text_len = 0;
    FILE *out = open_memstream(&text, &text_len);
    FUZZ_CHECK(out != NULL);
    for (size_t i = 0; i < bank.n_sentences; i++)
        vg_conllu_write(out, &bank.sentences[i]);
    FUZZ_CHECK(fclose(out) == 0);
    vg_treebank again;
    int rc = vg_treebank_read_memory(&again, text, text_len, "fuzz-output", &err);
    if (rc != 0)
        fprintf(stderr, "re-reading the written CoNLL-U failed: %s\n", err.message);
    FUZZ_CHECK(rc == 0);
    FUZZ_CHECK(again.n_sentences == bank.n_sentences);
    for (size_t i = 0; i < bank.n_sentences; i++) {
        const vg_sentence *a = &bank.sentences[i], *b = &again.sentences[i];
        FUZZ_CHECK(a->n_tokens == b->n_tokens);
        FUZZ_CHECK(same_string(a->text, b->text) && same_string(a->id, b->id));
        for (uint32_t t = 0; t < a->n_tokens; t++) {
            const vg_token *x = &a->tokens[t], *y = &b->tokens[t];
            FUZZ_CHECK(strcmp(x->form, y->form) == 0);
            FUZZ_CHECK(x->upos == y->upos && x->xpos == y->xpos && x->deprel == y->deprel);
            FUZZ_CHECK(x->head == y->head && x->space_after == y->space_after);
        }
    }
    vg_treebank_free(&again);
    free(text);
    vg_treebank_free(&bank);
    return 0;
}
