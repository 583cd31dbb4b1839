/* CoNLL-U reading and writing (https://universaldependencies.org/format.html). */
#ifndef VIGIL_CONLLU_H
#define VIGIL_CONLLU_H
#include <stdio.h>
#include <stddef.h>
#include "text/sentence.h"
#include "util/arena.h"
#include "util/error.h"

typedef struct vg_treebank {
    vg_sentence *sentences;
    size_t n_sentences;
    vg_arena arena;          /* owns every sentence, token and string */
} vg_treebank;

/* Reads a whole CoNLL-U file. Empty nodes (8.1) are skipped; multi-word token lines are kept
 * in sentence.multiwords. Errors name the file and line. Free with vg_treebank_free. */
int vg_treebank_read(vg_treebank *bank, const char *path, vg_error *err);
/* The same reader over data[0, size) (which need not end in a NUL, and may hold any bytes);
 * name stands for the path in error messages (NULL: "<memory>"). vg_treebank_read reads the
 * file whole (at most VG_MAX_TREEBANK_BYTES) and calls this. */
int vg_treebank_read_memory(vg_treebank *bank, const char *data, size_t size, const char *name,
                            vg_error *err);
void vg_treebank_free(vg_treebank *bank);

/* Writes one sentence as CoNLL-U, with "# sent_id" and "# text" comments when known. */
void vg_conllu_write(FILE *out, const vg_sentence *sentence);

#endif
