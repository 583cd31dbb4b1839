/* Developer driver for the tagger: train a model (with experimental knobs), or score one on a
 * treebank (accuracy, speed, load time). The shipped command is `vigil train`. */
#include "tag/tagger.h"
#include "tag/tag_internal.h"
#include "text/conllu.h"
#include "text/tagset.h"
#include "util/mapfile.h"
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

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int usage(void)
{
    fputs("usage: train_tagger train TRAIN.conllu DEV.conllu MODEL [-i N] [-s SEED] [--separate|--shared]\n"
          "         [--frozen] [--rare N] [--min-count N] [--min-weight X] [--dict-min N] [--shortcut N] [--dense N] [--cache N] [--ensemble N] [--second N]\n"
          "         [--jackknife FOLDS]\n"
          "       train_tagger eval MODEL GOLD.conllu [-r REPS] [-o PRED.conllu] [-t TRAIN.conllu]\n"
          "       train_tagger lemmas MODEL GOLD.conllu   (lemma accuracy given the gold tags)\n"
          "       train_tagger convert OLD NEW   (a version 1 model to version 2: the same tables, the new checksum)\n",
          stderr);
    return 2;
}

static int train(int argc, char **argv)
{
    if (argc < 5)
        return usage();
    vg_tagger_train_options opt = {0, 1, 0};
    tag_train_config cfg;
    tag_train_config_default(&cfg);
    /* The integer knobs, by option. */
    const struct {
        const char *name;
        int *value;
    } knobs[] = {
        {"-i", &opt.iterations},
        {"--rare", &cfg.lemma_rare},
        {"--min-count", &cfg.lemma_min_count},
        {"--jackknife", &cfg.jackknife_folds},
        {"--second", &cfg.second_neighbours},
        {"--ensemble", &cfg.ensemble},
        {"--cache", &cfg.cached_words},
        {"--dense", &cfg.dense_min},
        {"--shortcut", &cfg.shortcut_min_count},
        {"--dict-min", &cfg.dictionary_min_count},
    };
    for (int i = 5; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        size_t k = 0;
        while (k < sizeof knobs / sizeof *knobs && strcmp(a, knobs[k].name))
            k++;
        if (!strcmp(a, "--separate"))
            cfg.shared_static = 0;
        else if (!strcmp(a, "--shared"))
            cfg.shared_static = 1;
        else if (!strcmp(a, "--frozen"))
            cfg.shared_static = 2;
        else if (!v)
            return usage();
        else if (k < sizeof knobs / sizeof *knobs)
            *knobs[k].value = atoi(v), i++;
        else if (!strcmp(a, "-s"))
            opt.seed = (unsigned)strtoul(v, NULL, 10), i++;
        else if (!strcmp(a, "--min-weight"))
            cfg.min_weight = atof(v), i++;
        else
            return usage();
    }
    vg_error err = {0};
    vg_treebank tr, dev;
    if (vg_treebank_read(&tr, argv[2], &err) || vg_treebank_read(&dev, argv[3], &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    double t0 = now();
    if (tag_train_with(&tr, &dev, &opt, &cfg, argv[4], &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    fprintf(stderr, "trained in %.1fs\n", now() - t0);
    vg_treebank_free(&tr);
    vg_treebank_free(&dev);
    return 0;
}

/* Forms of the training set, to score seen and unseen words apart. */
typedef struct form_set {
    const char **forms;
    size_t n;
} form_set;

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int form_seen(const form_set *fs, const char *form)
{
    return fs->n && bsearch(&form, fs->forms, fs->n, sizeof *fs->forms, str_cmp) != NULL;
}

/* Lemma accuracy with the gold tags, to measure the lemmatizer alone. */
static int eval_lemmas(const char *model_path, const char *gold_path)
{
    vg_error err = {0};
    vg_mapfile map;
    tag_model m;
    vg_treebank gold;
    if (vg_mapfile_open(&map, model_path, &err) || tag_model_view(&m, map.data, map.size, model_path, &err) ||
        vg_treebank_read(&gold, gold_path, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    vg_arena arena;
    vg_arena_init(&arena, 0);
    size_t n = 0, ok = 0;
    for (size_t s = 0; s < gold.n_sentences; s++)
        for (uint32_t i = 0; i < gold.sentences[s].n_tokens; i++) {
            const vg_token *t = &gold.sentences[s].tokens[i];
            const char *l = tag_lemmatize(&m, t->form, t->xpos, t->upos, &arena);
            n++;
            ok += l && t->lemma && !strcmp(l, t->lemma);
        }
    printf("lemma with gold tags %.2f (%zu tokens)\n", 100.0 * ok / n, n);
    vg_arena_free(&arena);
    vg_treebank_free(&gold);
    vg_mapfile_close(&map);
    return 0;
}

static int eval_model(int argc, char **argv)
{
    if (argc < 4)
        return usage();
    const char *out_path = NULL, *train_path = NULL;
    int reps = 1;
    for (int i = 4; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "-r"))
            reps = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "-o"))
            out_path = argv[i + 1];
        else if (!strcmp(argv[i], "-t"))
            train_path = argv[i + 1];
        else
            return usage();
    }
    vg_error err = {0};
    double t0 = now();
    vg_tagger *tagger;
    if (vg_tagger_open(&tagger, argv[2], &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    double t_load = now() - t0;
    vg_treebank gold, pred, tr = {0};
    if (vg_treebank_read(&gold, argv[3], &err) || vg_treebank_read(&pred, argv[3], &err) ||
        (train_path && vg_treebank_read(&tr, train_path, &err))) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    form_set fs = {0};
    if (train_path) {
        size_t n = 0;
        for (size_t s = 0; s < tr.n_sentences; s++)
            n += tr.sentences[s].n_tokens;
        fs.forms = malloc(n * sizeof *fs.forms);
        for (size_t s = 0; s < tr.n_sentences; s++)
            for (uint32_t i = 0; i < tr.sentences[s].n_tokens; i++)
                fs.forms[fs.n++] = tr.sentences[s].tokens[i].form;
        qsort(fs.forms, fs.n, sizeof *fs.forms, str_cmp);
    }
    vg_arena arena;
    vg_arena_init(&arena, 0);
    double best = 1e30, best_cpu = 1e30;
    size_t tokens = 0;
    for (int r = 0; r < reps; r++) {
        tokens = 0;
        vg_arena_reset(&arena);
        t0 = now();
        double c0 = cpu_now();
        for (size_t i = 0; i < pred.n_sentences; i++) {
            if (vg_tagger_tag(tagger, &pred.sentences[i], &arena)) {
                fprintf(stderr, "tagging failed on sentence %zu\n", i + 1);
                return 1;
            }
            tokens += pred.sentences[i].n_tokens;
        }
        double t = now() - t0, c = cpu_now() - c0;
        if (t < best)
            best = t;
        if (c < best_cpu)
            best_cpu = c;
    }
    size_t upos = 0, xpos = 0, lemma = 0, unk = 0, unk_upos = 0, unk_xpos = 0, unk_lemma = 0;
    for (size_t s = 0; s < gold.n_sentences; s++)
        for (uint32_t i = 0; i < gold.sentences[s].n_tokens; i++) {
            const vg_token *g = &gold.sentences[s].tokens[i], *p = &pred.sentences[s].tokens[i];
            int u = g->upos == p->upos, x = g->xpos == p->xpos;
            int l = g->lemma && p->lemma && !strcmp(g->lemma, p->lemma);
            upos += u, xpos += x, lemma += l;
            if (train_path && !form_seen(&fs, g->form))
                unk++, unk_upos += u, unk_xpos += x, unk_lemma += l;
        }
    double n = (double)tokens;
    printf("tokens %zu  UPOS %.2f  XPOS %.2f  lemma %.2f\n", tokens, 100.0 * upos / n,
           100.0 * xpos / n, 100.0 * lemma / n);
    if (train_path && unk)
        printf("unseen words %zu (%.1f%%)  UPOS %.2f  XPOS %.2f  lemma %.2f\n", unk, 100.0 * unk / n,
               100.0 * unk_upos / unk, 100.0 * unk_xpos / unk, 100.0 * unk_lemma / unk);
    printf("speed %.0f tokens/s wall, %.0f tokens/s CPU time (best of %d)  load %.1f ms\n",
           n / best, n / best_cpu, reps, t_load * 1e3);
    if (out_path) {
        FILE *f = fopen(out_path, "w");
        if (!f) {
            perror(out_path);
            return 1;
        }
        for (size_t i = 0; i < pred.n_sentences; i++)
            vg_conllu_write(f, &pred.sentences[i]);
        fclose(f);
    }
    free(fs.forms);
    vg_arena_free(&arena);
    vg_tagger_close(tagger);
    vg_treebank_free(&gold);
    vg_treebank_free(&pred);
    if (train_path)
        vg_treebank_free(&tr);
    return 0;
}

/* Rewrites a valid model of an older version as the current one: only the header's version
 * and checksum change. */
static int convert(const char *from, const char *to)
{
    vg_error err = {0};
    vg_mapfile map;
    if (vg_mapfile_open(&map, from, &err)) {
        fprintf(stderr, "train_tagger: %s\n", err.message);
        return 1;
    }
    tag_model m;
    unsigned char *image = malloc(map.size);
    int rc = image ? tag_model_view(&m, map.data, map.size, from, &err) : VG_ENOMEM;
    if (rc == 0) {
        memcpy(image, map.data, map.size);
        tag_header h;
        memcpy(&h, image, sizeof h);
        h.version = TAG_VERSION;
        memcpy(image, &h, sizeof h);
        h.checksum = tag_checksum(image, map.size);
        memcpy(image, &h, sizeof h);
        rc = tag_model_view(&m, image, map.size, to, &err);
    }
    FILE *f = rc == 0 ? fopen(to, "wb") : NULL;
    if (rc == 0) {
        int written = f && fwrite(image, 1, map.size, f) == map.size;
        if ((f && fclose(f) != 0) || !written) {
            fprintf(stderr, "train_tagger: cannot write %s\n", to);
            rc = 1;
        }
    } else
        fprintf(stderr, "train_tagger: %s\n", err.message[0] ? err.message : "out of memory");
    free(image);
    vg_mapfile_close(&map);
    return rc ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && !strcmp(argv[1], "convert"))
        return convert(argv[2], argv[3]);
    if (argc >= 2 && !strcmp(argv[1], "train"))
        return train(argc, argv);
    if (argc == 4 && !strcmp(argv[1], "lemmas"))
        return eval_lemmas(argv[2], argv[3]);
    if (argc >= 2 && !strcmp(argv[1], "eval"))
        return eval_model(argc, argv);
    return usage();
}
