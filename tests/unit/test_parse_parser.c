/* Parser: accuracy floors on EWT dev with the committed models, every output a tree,
 * corrupt and truncated models refused with VG_EMODEL, extreme sentence lengths. */
#include "check.h"
#include "parse/parse_internal.h"
#include "parse/parser.h"
#include "tag/tagger.h"
#include "text/conllu.h"
#include "text/tagset.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/mapfile.h"
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Single root, every head in range, no cycles. */
static int is_tree(const vg_sentence *s)
{
    int n = (int)s->n_tokens, roots = 0;
    for (int i = 0; i < n; i++) {
        int h = s->tokens[i].head;
        if (h < 0 || h > n || h == i + 1 || s->tokens[i].deprel == 0)
            return 0;
        roots += h == 0;
        int a = i + 1, steps = 0;
        while (a != 0 && steps++ <= n)
            a = s->tokens[a - 1].head;
        if (a != 0)
            return 0;
    }
    return roots == 1;
}

static int write_file(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t w = fwrite(data, 1, size, f);
    return fclose(f) == 0 && w == size ? 0 : -1;
}

/* A damaged model must be refused with VG_EMODEL and a message, never crash. */
static void check_damaged_models(const char *model_path)
{
    vg_mapfile map;
    vg_error err = {0};
    if (vg_mapfile_open(&map, model_path, &err) != 0) {
        CHECK(0);
        return;
    }
    char tmp[] = "/tmp/vigil_parse_testXXXXXX";
    int fd = mkstemp(tmp);
    CHECK(fd >= 0);
    if (fd < 0) {
        vg_mapfile_close(&map);
        return;
    }
    close(fd);
    size_t cuts[] = {0, 4, 60, map.size / 2, map.size - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        CHECK_INT(write_file(tmp, map.data, cuts[i]), 0);
        vg_parser *p = NULL;
        memset(&err, 0, sizeof err);
        CHECK_INT(vg_parser_open(&p, tmp, &err), VG_EMODEL);
        CHECK(p == NULL);
        CHECK(err.message[0] != 0);
    }
    unsigned char *copy = vg_malloc(map.size);
    CHECK(copy != NULL);
    if (copy) {
        /* header fields: magic, version, label count, a table size, the filters' sizes */
        size_t offsets[] = {0, 8, 16, 64, offsetof(parse_header, move_filter_bits),
                            offsetof(parse_header, label_filter_bits)};
        for (size_t i = 0; i < sizeof offsets / sizeof offsets[0]; i++) {
            memcpy(copy, map.data, map.size);
            copy[offsets[i]] ^= 0x5a;
            CHECK_INT(write_file(tmp, copy, map.size), 0);
            vg_parser *p = NULL;
            CHECK_INT(vg_parser_open(&p, tmp, &err), VG_EMODEL);
            CHECK(err.message[0] != 0);
        }
        vg_free(copy);
    }
    vg_parser *p = NULL;
    CHECK_INT(vg_parser_open(&p, "/nonexistent/parser.model", &err), VG_EMODEL);
    unlink(tmp);
    vg_mapfile_close(&map);
}

/* A model whose header is intact but whose tables are scrambled still loads, and parsing
 * with it stays in bounds and still yields trees (garbage ones). */
static void check_scrambled_tables(const char *model_path, const vg_treebank *bank)
{
    vg_mapfile map;
    vg_error err = {0};
    if (vg_mapfile_open(&map, model_path, &err) != 0)
        return;
    unsigned char *copy = vg_malloc(map.size);
    char tmp[] = "/tmp/vigil_parse_testXXXXXX";
    int fd = mkstemp(tmp);
    if (copy && fd >= 0) {
        close(fd);
        memcpy(copy, map.data, map.size);
        uint64_t x = 88172645463325252ULL;
        for (size_t i = 0; i < map.size / 64; i++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            size_t at = 4096 + (size_t)(x % (map.size - 4096));
            copy[at] = (unsigned char)(x >> 32);
        }
        CHECK_INT(write_file(tmp, copy, map.size), 0);
        vg_parser *p = NULL;
        CHECK_INT(vg_parser_open(&p, tmp, &err), 0);
        size_t trees = 0, n = bank->n_sentences < 300 ? bank->n_sentences : 300;
        for (size_t i = 0; p && i < n; i++) {
            vg_parser_set_beam(p, 1 + (int)(i % 2) * 3); /* greedy and beam 4 in turn */
            CHECK_INT(vg_parser_parse(p, &bank->sentences[i]), 0);
            trees += is_tree(&bank->sentences[i]);
        }
        CHECK_INT(trees, p ? n : 0);
        vg_parser_close(p);
        unlink(tmp);
    }
    vg_free(copy);
    vg_mapfile_close(&map);
}

/* One word, and a sentence of 250 words (the raw-text limit), both give trees. */
static void check_lengths(const vg_parser *p)
{
    vg_token one = {0};
    one.form = "Hello";
    one.lemma = "hello";
    one.upos = (uint8_t)vg_upos_id("INTJ");
    one.xpos = (uint8_t)vg_xpos_id("UH");
    one.head = -1;
    vg_sentence s = {0};
    s.tokens = &one;
    s.n_tokens = 1;
    CHECK_INT(vg_parser_parse(p, &s), 0);
    CHECK_INT(one.head, 0);
    CHECK_STR(vg_deprel_names[one.deprel], "root");

    enum { N = 250 };
    vg_token *t = vg_calloc(N, sizeof *t);
    CHECK(t != NULL);
    if (!t)
        return;
    static const char *const forms[] = {"the", "officials", "said", "that", "Iran", "planned", ",", "and"};
    static const char *const xpos[] = {"DT", "NNS", "VBD", "IN", "NNP", "VBD", ",", "CC"};
    static const char *const upos[] = {"DET", "NOUN", "VERB", "SCONJ", "PROPN", "VERB", "PUNCT", "CCONJ"};
    for (int i = 0; i < N; i++) {
        t[i].form = t[i].lemma = forms[i % 8];
        t[i].xpos = (uint8_t)vg_xpos_id(xpos[i % 8]);
        t[i].upos = (uint8_t)vg_upos_id(upos[i % 8]);
        t[i].head = -1;
    }
    s.tokens = t;
    s.n_tokens = N;
    CHECK_INT(vg_parser_parse(p, &s), 0);
    CHECK(is_tree(&s));
    vg_free(t);
}

/* parse_state_same_features may only say yes when the move features agree: twin
 * configurations follow the same random legal moves, their arcs now and then labelled
 * differently, and wherever the test says "same" the keys must be equal. */
static void check_same_features(const vg_treebank *bank)
{
    uint64_t rng = 0x9e3779b97f4a7c15ULL;
    int said_same = 0, said_differ = 0;
    for (size_t i = 0; i < bank->n_sentences && i < 300; i++) {
        const vg_sentence *s = &bank->sentences[i];
        size_t bytes = parse_scratch_bytes((int)s->n_tokens);
        void *scratch_a = vg_malloc(bytes), *scratch_b = vg_malloc(bytes);
        parse_state a, b;
        parse_state_init(&a, s, NULL, scratch_a);
        parse_state_init(&b, s, NULL, scratch_b);
        while (!parse_state_done(&a)) {
            uint64_t keys_a[PARSE_MAX_FEATURES], keys_b[PARSE_MAX_FEATURES];
            int n_a = parse_state_features(&a, keys_a), n_b = parse_state_features(&b, keys_b);
            int same = parse_state_same_features(&a, &b);
            said_same += same;
            said_differ += !same;
            if (same)
                CHECK(n_a == n_b && memcmp(keys_a, keys_b, (size_t)n_a * sizeof keys_a[0]) == 0);
            int legal[PARSE_N_MOVES], move;
            parse_state_legal(&a, legal);
            do {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                move = (int)(rng % PARSE_N_MOVES);
            } while (!legal[move]);
            int label = 1 + (int)((rng >> 8) % 40);
            parse_state_apply(&a, move, label);
            parse_state_apply(&b, move, (rng >> 20) % 8 == 0 ? 1 + (int)((rng >> 24) % 40) : label);
        }
        vg_free(scratch_a);
        vg_free(scratch_b);
    }
    CHECK(said_same > 0 && said_differ > 0);
}

int main(void)
{
    const char *model = check_source_path("data/models/en_ewt.parser");
    vg_error err = {0};
    vg_parser *p = NULL;
    if (access(model, R_OK) != 0) {
        printf("skip: %s is absent\n", model);
        return CHECK_SKIP;
    }
    CHECK_INT(vg_parser_open(&p, model, &err), 0);
    if (!p)
        return check_finish("parse_parser");
    check_lengths(p);
    vg_parser_set_beam(p, 4);
    check_lengths(p);
    vg_parser_set_beam(p, 1);
    check_damaged_models(model);

    const char *dev = check_shared_path("ud-english-ewt/en_ewt-ud-dev.conllu");
    if (dev) {
        vg_treebank gold, bank;
        CHECK_INT(vg_treebank_read(&gold, dev, &err), 0);
        CHECK_INT(vg_treebank_read(&bank, dev, &err), 0);
        check_scrambled_tables(model, &bank);
        check_same_features(&bank);
        /* Predicted tags when the tagger model is there, as in use; else the gold ones. */
        vg_tagger *tagger = NULL;
        const char *tagger_model = check_source_path("data/models/en_ewt.tagger");
        if (access(tagger_model, R_OK) == 0)
            CHECK_INT(vg_tagger_open(&tagger, tagger_model, &err), 0);
        vg_arena arena;
        vg_arena_init(&arena, 1 << 16);
        for (size_t i = 0; tagger && i < bank.n_sentences; i++)
            CHECK_INT(vg_tagger_tag(tagger, &bank.sentences[i], &arena), 0);
        double greedy_las = 0;
        for (int beam = 1; beam <= 4; beam += 3) {
            vg_parser_set_beam(p, beam);
            size_t tokens = 0, uas = 0, las = 0, trees = 0;
            for (size_t i = 0; i < bank.n_sentences; i++) {
                vg_sentence *s = &bank.sentences[i];
                for (uint32_t j = 0; j < s->n_tokens; j++) {
                    s->tokens[j].head = -1;
                    s->tokens[j].deprel = 0;
                }
                CHECK_INT(vg_parser_parse(p, s), 0);
                trees += is_tree(s);
                for (uint32_t j = 0; j < s->n_tokens; j++) {
                    const vg_token *g = &gold.sentences[i].tokens[j];
                    tokens++;
                    if (g->head == s->tokens[j].head) {
                        uas++;
                        las += g->deprel == s->tokens[j].deprel;
                    }
                }
            }
            double u = 100.0 * uas / tokens, l = 100.0 * las / tokens;
            printf("EWT dev (%s tags, beam %d): UAS %.2f LAS %.2f over %zu tokens\n",
                   tagger ? "predicted" : "gold", beam, u, l, tokens);
            CHECK_INT(trees, bank.n_sentences);
            if (beam == 1) {
                /* measured: 85.81 / 82.46 with predicted tags, 88.48 / 86.50 with gold tags */
                CHECK(u > (tagger ? 85.3 : 88.0));
                CHECK(l > (tagger ? 82.0 : 86.0));
                greedy_las = l;
            } else {
                /* vigil parse's default; measured 87.08 / 83.75 with predicted tags (+1.29 LAS) */
                CHECK(l > greedy_las + 0.5);
                CHECK(!tagger || (u > 86.6 && l > 83.3));
            }
        }
        vg_parser_set_beam(p, 1);
        vg_arena_free(&arena);
        vg_tagger_close(tagger);
        vg_treebank_free(&gold);
        vg_treebank_free(&bank);
    }
    vg_parser_close(p);
    return check_finish("parse_parser");
}
