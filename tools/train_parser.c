/* Developer driver for the parser: train a model, or score one on a treebank (accuracy and
 * speed). The shipped command is `vigil train`; this exists to run experiments. */
#include "parse/parser.h"
#include "text/conllu.h"
#include "text/tagset.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int usage(void)
{
    fputs("usage: train_parser train TRAIN.conllu DEV.conllu MODEL [-i N] [-s SEED]\n"
          "       train_parser eval MODEL GOLD.conllu [-r REPS] [-o PRED.conllu]\n",
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
    const char *model = argv[2], *gold_path = argv[3], *out_path = NULL;
    int reps = 1;
    for (int i = 4; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "-r"))
            reps = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "-o"))
            out_path = argv[i + 1];
        else
            return usage();
    }
    vg_error err = {0};
    double t0 = now();
    vg_parser *p;
    if (vg_parser_open(&p, model, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    double t_load = now() - t0;
    vg_treebank gold, pred;
    if (vg_treebank_read(&gold, gold_path, &err) || vg_treebank_read(&pred, gold_path, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    size_t tokens = 0;
    double best = 1e30;
    for (int r = 0; r < reps; r++) {
        tokens = 0;
        t0 = now();
        for (size_t i = 0; i < pred.n_sentences; i++) {
            vg_sentence *s = &pred.sentences[i];
            for (uint32_t j = 0; j < s->n_tokens; j++) {
                s->tokens[j].head = -1;
                s->tokens[j].deprel = 0;
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
    printf("tokens %zu  UAS %.2f  LAS %.2f  LAS(univ) %.2f  load %.3fs  parse %.0f tokens/s\n", tokens,
           100.0 * uas / tokens, 100.0 * las / tokens, 100.0 * ulas / tokens, t_load, tokens / best);
    if (out_path) {
        FILE *f = fopen(out_path, "w");
        for (size_t i = 0; f && i < pred.n_sentences; i++)
            vg_conllu_write(f, &pred.sentences[i]);
        if (f)
            fclose(f);
    }
    vg_parser_close(p);
    vg_treebank_free(&gold);
    vg_treebank_free(&pred);
    return 0;
}

static int train_model(int argc, char **argv)
{
    if (argc < 5)
        return usage();
    vg_parser_train_options opt = {0};
    opt.verbose = 1;
    for (int i = 5; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "-i"))
            opt.iterations = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "-s"))
            opt.seed = (unsigned)strtoul(argv[i + 1], NULL, 10);
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
    int rc = vg_parser_train(&train, &dev, &opt, argv[4], &err);
    if (rc)
        fprintf(stderr, "%s\n", err.message);
    else
        fprintf(stderr, "trained in %.1fs\n", now() - t0);
    vg_treebank_free(&train);
    vg_treebank_free(&dev);
    return rc ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage();
    if (!strcmp(argv[1], "train"))
        return train_model(argc, argv);
    if (!strcmp(argv[1], "eval"))
        return eval_model(argc, argv);
    return usage();
}
