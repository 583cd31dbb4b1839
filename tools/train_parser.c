/* Developer driver for the parser: train a model, or score one on a treebank (accuracy and
 * speed). The shipped command is `vigil train`; this exists to run experiments. */
#include "parse/parser.h"
#include "parse/parse_internal.h"
#include "util/alloc.h"
#include "util/mapfile.h"
#include "tag/tagger.h"
#include "text/conllu.h"
#include "text/tagset.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int usage(void)
{
    fputs("usage: train_parser train TRAIN.conllu DEV.conllu MODEL [-i N] [-s SEED] [-m MEMBERS] [-t TAGGER [-k FOLDS]]\n"
          "       train_parser eval MODEL GOLD.conllu [-r REPS] [-o PRED.conllu] [-t TAGGER]\n"
          "       train_parser retag TAGGER IN.conllu OUT.conllu\n"
          "       train_parser jackknife TRAIN.conllu DEV.conllu OUT.conllu [-k FOLDS] [-s SEED]\n"
          "       train_parser convert OLD_MODEL NEW_MODEL   (version 4/5 -> 6, same weights)\n",
          stderr);
    return 2;
}

static int same_universal(int a, int b)
{
    const char *x = vg_deprel_names[a], *y = vg_deprel_names[b];
    size_t lx = strcspn(x, ":"), ly = strcspn(y, ":");
    return lx == ly && strncmp(x, y, lx) == 0;
}

static int eval_model(int argc, char **argv)
{
    if (argc < 4)
        return usage();
    const char *model = argv[2], *gold_path = argv[3], *out_path = NULL, *tagger_path = NULL;
    int reps = 1;
    for (int i = 4; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "-r"))
            reps = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "-o"))
            out_path = argv[i + 1];
        else if (!strcmp(argv[i], "-t"))
            tagger_path = argv[i + 1];
        else
            return usage();
    }
    vg_tagger *tagger = NULL;
    vg_arena arena;
    vg_arena_init(&arena, 1 << 16);
    vg_error err = {0};
    double t0 = now();
    vg_parser *p;
    if (vg_parser_open(&p, model, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    double t_load = now() - t0;
    if (tagger_path && vg_tagger_open(&tagger, tagger_path, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    vg_treebank gold, pred;
    if (vg_treebank_read(&gold, gold_path, &err) || vg_treebank_read(&pred, gold_path, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    size_t tokens = 0;
    double best = 1e30;
    for (int r = 0; r < reps; r++) {
        tokens = 0;
        vg_arena_reset(&arena);
        t0 = now();
        for (size_t i = 0; i < pred.n_sentences; i++) {
            vg_sentence *s = &pred.sentences[i];
            for (uint32_t j = 0; j < s->n_tokens; j++) {
                s->tokens[j].head = -1;
                s->tokens[j].deprel = 0;
            }
            if (tagger && vg_tagger_tag(tagger, s, &arena)) {
                fprintf(stderr, "tagging failed on sentence %zu\n", i + 1);
                return 1;
            }
            if (vg_parser_parse(p, s)) {
                fprintf(stderr, "parse failed on sentence %zu\n", i + 1);
                return 1;
            }
            tokens += s->n_tokens;
        }
        double t = now() - t0;
        if (t < best)
            best = t;
    }
    size_t uas = 0, las = 0, ulas = 0;
    for (size_t i = 0; i < gold.n_sentences; i++)
        for (uint32_t j = 0; j < gold.sentences[i].n_tokens; j++) {
            const vg_token *g = &gold.sentences[i].tokens[j], *q = &pred.sentences[i].tokens[j];
            if (g->head == q->head) {
                uas++;
                las += g->deprel == q->deprel;
                ulas += same_universal(g->deprel, q->deprel);
            }
        }
    printf("tokens %zu  UAS %.2f  LAS %.2f  LAS(univ) %.2f  load %.3fs  %s %.0f tokens/s\n", tokens,
           100.0 * uas / tokens, 100.0 * las / tokens, 100.0 * ulas / tokens, t_load,
           tagger ? "tag+parse" : "parse", tokens / best);
    if (out_path) {
        FILE *f = fopen(out_path, "w");
        for (size_t i = 0; f && i < pred.n_sentences; i++)
            vg_conllu_write(f, &pred.sentences[i]);
        if (f)
            fclose(f);
    }
    vg_parser_close(p);
    vg_tagger_close(tagger);
    vg_arena_free(&arena);
    vg_treebank_free(&gold);
    vg_treebank_free(&pred);
    return 0;
}

static int write_bank(const char *path, const vg_treebank *bank)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    for (size_t i = 0; i < bank->n_sentences; i++)
        vg_conllu_write(f, &bank->sentences[i]);
    return fclose(f);
}

/* Replaces the tags and lemmas of `bank` (sentences [from, to)) with the tagger's. */
static int tag_range(const char *tagger_path, vg_treebank *bank, size_t from, size_t to)
{
    vg_error err = {0};
    vg_tagger *tagger;
    if (vg_tagger_open(&tagger, tagger_path, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    for (size_t i = from; i < to; i++) {
        vg_sentence *s = &bank->sentences[i];
        if (vg_tagger_tag(tagger, s, &bank->arena)) {
            fprintf(stderr, "tagging failed on sentence %zu\n", i + 1);
            return 1;
        }
        /* lemmas may point into the tagger model, which is closed below */
        for (uint32_t j = 0; j < s->n_tokens; j++)
            if (s->tokens[j].lemma)
                s->tokens[j].lemma = vg_arena_strndup(&bank->arena, s->tokens[j].lemma, strlen(s->tokens[j].lemma));
    }
    vg_tagger_close(tagger);
    return 0;
}

static int retag(int argc, char **argv)
{
    if (argc != 5)
        return usage();
    vg_error err = {0};
    vg_treebank bank;
    if (vg_treebank_read(&bank, argv[3], &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    int rc = tag_range(argv[2], &bank, 0, bank.n_sentences) || write_bank(argv[4], &bank);
    vg_treebank_free(&bank);
    return rc ? 1 : 0;
}

/* Tags each of k folds of TRAIN with a tagger trained on the other k-1 (dev still selects
 * the tagger's pass), so the parser trains on tags as wrong as they will be in use.
 * Folds are tagged in place, in order: the taggers of later folds learn from the earlier
 * folds' predicted tags, a noisier jackknife than vg_parser_train_jackknifed's. The
 * committed parser was trained from this output (docs/internals/parser.md), so it stays. */
static int jackknife(int argc, char **argv)
{
    if (argc < 5)
        return usage();
    int folds = 10;
    unsigned seed = 1;
    for (int i = 5; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "-k"))
            folds = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "-s"))
            seed = (unsigned)strtoul(argv[i + 1], NULL, 10);
        else
            return usage();
    }
    vg_error err = {0};
    vg_treebank train, dev;
    if (vg_treebank_read(&train, argv[2], &err) || vg_treebank_read(&dev, argv[3], &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    size_t n = train.n_sentences;
    vg_sentence *all = train.sentences;
    vg_sentence *rest = malloc(n * sizeof *rest);
    vg_sentence *tagged = malloc(n * sizeof *tagged);
    char model[] = "/tmp/vigil_jackknife_XXXXXX";
    int fd = mkstemp(model);
    if (!rest || !tagged || fd < 0)
        return 1;
    for (int k = 0; k < folds; k++) {
        size_t from = n * (size_t)k / (size_t)folds, to = n * (size_t)(k + 1) / (size_t)folds;
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (i < from || i >= to)
                rest[m++] = all[i];
        vg_treebank part = train;
        part.sentences = rest;
        part.n_sentences = m;
        vg_tagger_train_options opt = {0, 0, seed};
        double t0 = now();
        if (vg_tagger_train(&part, &dev, &opt, model, &err)) {
            fprintf(stderr, "%s\n", err.message);
            return 1;
        }
        if (tag_range(model, &train, from, to))
            return 1;
        fprintf(stderr, "fold %d/%d: sentences %zu-%zu tagged (%.1fs)\n", k + 1, folds, from, to, now() - t0);
    }
    unlink(model);
    int rc = write_bank(argv[4], &train);
    free(rest);
    free(tagged);
    vg_treebank_free(&train);
    vg_treebank_free(&dev);
    return rc ? 1 : 0;
}

static int train_model(int argc, char **argv)
{
    if (argc < 5)
        return usage();
    vg_parser_train_options opt = {0};
    opt.verbose = 1;
    const char *tagger = NULL;
    int folds = 10;
    for (int i = 5; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "-i"))
            opt.iterations = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "-s"))
            opt.seed = (unsigned)strtoul(argv[i + 1], NULL, 10);
        else if (!strcmp(argv[i], "-t"))
            tagger = argv[i + 1];
        else if (!strcmp(argv[i], "-k"))
            folds = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "-m"))
            opt.members = atoi(argv[i + 1]);
        else
            return usage();
    }
    vg_error err = {0};
    vg_treebank train, dev;
    if (vg_treebank_read(&train, argv[2], &err) || vg_treebank_read(&dev, argv[3], &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    double t0 = now();
    int rc = tagger ? vg_parser_train_jackknifed(&train, &dev, tagger, folds, &opt, argv[4], &err)
                    : vg_parser_train(&train, &dev, &opt, argv[4], &err);
    if (rc)
        fprintf(stderr, "%s\n", err.message);
    else
        fprintf(stderr, "trained in %.1fs\n", now() - t0);
    vg_treebank_free(&train);
    vg_treebank_free(&dev);
    return rc ? 1 : 0;
}

/* Re-lays out an older model file as the current version (the same weights). */
static int convert_model(int argc, char **argv)
{
    if (argc != 4)
        return usage();
    vg_error err = {0};
    vg_parser *p = NULL;
    if (vg_parser_open(&p, argv[2], &err)) { /* validates the input as strictly as ever */
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    vg_parser_close(p);
    vg_mapfile map;
    if (vg_mapfile_open(&map, argv[2], &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    unsigned char *out = NULL;
    uint64_t out_bytes = 0;
    int rc = parse_model_convert(map.data, map.size, &out, &out_bytes, &err);
    vg_mapfile_close(&map);
    if (rc) {
        fprintf(stderr, "%s: %s\n", argv[2], err.message);
        return 1;
    }
    FILE *f = fopen(argv[3], "wb");
    int bad = !f || fwrite(out, 1, out_bytes, f) != out_bytes;
    bad |= f && fclose(f) != 0;
    vg_free(out);
    if (bad) {
        fprintf(stderr, "%s: write failed\n", argv[3]);
        return 1;
    }
    if (vg_parser_open(&p, argv[3], &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    vg_parser_close(p);
    fprintf(stderr, "%s: version %u, %llu bytes\n", argv[3], PARSE_VERSION, (unsigned long long)out_bytes);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage();
    if (!strcmp(argv[1], "train"))
        return train_model(argc, argv);
    if (!strcmp(argv[1], "eval"))
        return eval_model(argc, argv);
    if (!strcmp(argv[1], "retag"))
        return retag(argc, argv);
    if (!strcmp(argv[1], "jackknife"))
        return jackknife(argc, argv);
    if (!strcmp(argv[1], "convert"))
        return convert_model(argc, argv);
    return usage();
}
