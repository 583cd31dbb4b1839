/* Parser training: deterministic for a seed, the model it writes loads and parses, and a
 * treebank without trees is refused. Trains on a slice of EWT dev to stay fast. */
#include "check.h"
#include "parse/parser.h"
#include "text/conllu.h"
#include "util/alloc.h"
#include "util/mapfile.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int same_file(const char *a, const char *b)
{
    vg_mapfile x, y;
    vg_error err = {0};
    if (vg_mapfile_open(&x, a, &err))
        return 0;
    if (vg_mapfile_open(&y, b, &err)) {
        vg_mapfile_close(&x);
        return 0;
    }
    int same = x.size == y.size && memcmp(x.data, y.data, x.size) == 0;
    vg_mapfile_close(&x);
    vg_mapfile_close(&y);
    return same;
}

int main(void)
{
    const char *dev_path = check_shared_path("ud-english-ewt/en_ewt-ud-dev.conllu");
    if (!dev_path)
        return CHECK_SKIP;
    vg_error err = {0};
    vg_treebank bank;
    CHECK_INT(vg_treebank_read(&bank, dev_path, &err), 0);
    if (bank.n_sentences < 600)
        return check_finish("parse_train");
    vg_treebank train = bank, dev = bank;
    train.n_sentences = 500;
    dev.sentences = bank.sentences + 500;
    dev.n_sentences = 100;

    char a[] = "/tmp/vigil_parse_trainXXXXXX", b[] = "/tmp/vigil_parse_trainXXXXXX";
    int fa = mkstemp(a), fb = mkstemp(b);
    CHECK(fa >= 0 && fb >= 0);
    close(fa);
    close(fb);
    vg_parser_train_options opt = {.iterations = 2, .seed = 7};
    CHECK_INT(vg_parser_train(&train, &dev, &opt, a, &err), 0);
    CHECK_INT(vg_parser_train(&train, &dev, &opt, b, &err), 0);
    CHECK(same_file(a, b));

    vg_parser *p = NULL;
    CHECK_INT(vg_parser_open(&p, a, &err), 0);
    if (p) {
        vg_sentence *s = &bank.sentences[700];
        for (uint32_t j = 0; j < s->n_tokens; j++)
            s->tokens[j].head = -1;
        CHECK_INT(vg_parser_parse(p, s), 0);
        int roots = 0;
        for (uint32_t j = 0; j < s->n_tokens; j++) {
            CHECK(s->tokens[j].head >= 0 && s->tokens[j].head <= (int)s->n_tokens);
            roots += s->tokens[j].head == 0;
        }
        CHECK_INT(roots, 1);
        vg_parser_close(p);
    }

    /* Without any root relation there is nothing to learn from. */
    vg_token t = {0};
    t.form = "x";
    t.head = -1;
    vg_sentence one = {0};
    one.tokens = &t;
    one.n_tokens = 1;
    vg_treebank empty = bank;
    empty.sentences = &one;
    empty.n_sentences = 1;
    CHECK(vg_parser_train(&empty, NULL, &opt, a, &err) < 0);
    CHECK(err.message[0] != 0);

    unlink(a);
    unlink(b);
    vg_treebank_free(&bank);
    return check_finish("parse_train");
}
