/* Parser model conversion: the committed (version 6) model, taken back to the version 5
 * layout (no filters), parses exactly as it does, and converting that image gives back the
 * committed file byte for byte; a version 6 file is not converted again. */
#include "check.h"
#include "parse/parse_internal.h"
#include "parse/parser.h"
#include "text/conllu.h"
#include "util/alloc.h"
#include "util/mapfile.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The version 5 image of a version 6 model: the same header fields and tables, without
 * the filters. Returns NULL when the input is not a version 6 model. */
static unsigned char *version5_image(const unsigned char *v6, size_t v6_bytes, uint64_t *out_bytes)
{
    parse_header h;
    if (v6_bytes < sizeof h || memcmp(v6, PARSE_MAGIC, 8) != 0)
        return NULL;
    memcpy(&h, v6, sizeof h);
    parse_layout from;
    parse_model_layout(&h, &from);
    h.move_filter_bits = h.label_filter_bits = 0;
    memcpy(h.magic, PARSE_MAGIC_V5, 8);
    h.version = 5;
    h.header_bytes = PARSE_V5_HEADER_BYTES;
    parse_layout to;
    parse_model_layout(&h, &to);
    h.file_bytes = to.total;
    unsigned char *image = vg_calloc(1, to.total);
    if (!image)
        return NULL;
    memcpy(image, &h, PARSE_V5_HEADER_BYTES);
    memcpy(image + to.labels, v6 + from.labels, ((size_t)h.n_labels + 1) * PARSE_LABEL_NAME_BYTES + PARSE_MAX_LABELS);
    memcpy(image + to.moves.slots, v6 + from.moves.slots, to.total - to.moves.slots);
    *out_bytes = to.total;
    return image;
}

static int write_file(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t w = fwrite(data, 1, size, f);
    return fclose(f) == 0 && w == size ? 0 : -1;
}

/* Heads and labels of the first `n` sentences parsed by both models agree exactly. */
static void check_same_parses(const char *a_path, const char *b_path, const vg_treebank *bank, size_t n, int beam)
{
    vg_error err = {0};
    vg_parser *a = NULL, *b = NULL;
    CHECK_INT(vg_parser_open(&a, a_path, &err), 0);
    CHECK_INT(vg_parser_open(&b, b_path, &err), 0);
    if (!a || !b)
        goto out;
    vg_parser_set_beam(a, beam);
    vg_parser_set_beam(b, beam);
    size_t differ = 0;
    for (size_t i = 0; i < n && i < bank->n_sentences; i++) {
        vg_sentence *s = &bank->sentences[i];
        CHECK_INT(vg_parser_parse(a, s), 0);
        int16_t heads[PARSE_MAX_WORDS];
        uint8_t labels[PARSE_MAX_WORDS];
        for (uint32_t j = 0; j < s->n_tokens; j++) {
            heads[j] = s->tokens[j].head;
            labels[j] = s->tokens[j].deprel;
        }
        CHECK_INT(vg_parser_parse(b, s), 0);
        for (uint32_t j = 0; j < s->n_tokens; j++)
            differ += heads[j] != s->tokens[j].head || labels[j] != s->tokens[j].deprel;
    }
    CHECK_INT(differ, 0);
out:
    vg_parser_close(a);
    vg_parser_close(b);
}

int main(void)
{
    const char *model = check_source_path("data/models/en_ewt.parser");
    if (access(model, R_OK) != 0) {
        printf("skip: %s is absent\n", model);
        return CHECK_SKIP;
    }
    vg_error err = {0};
    vg_mapfile map;
    CHECK_INT(vg_mapfile_open(&map, model, &err), 0);
    uint64_t v5_bytes = 0;
    unsigned char *v5 = version5_image(map.data, map.size, &v5_bytes);
    CHECK(v5 != NULL);
    if (!v5) {
        vg_mapfile_close(&map);
        return check_finish("parse_convert");
    }
    /* converting the version 5 image reproduces the committed file */
    unsigned char *v6 = NULL;
    uint64_t v6_bytes = 0;
    CHECK_INT(parse_model_convert(v5, v5_bytes, &v6, &v6_bytes, &err), 0);
    CHECK(v6 != NULL && v6_bytes == map.size && memcmp(v6, map.data, map.size) == 0);
    vg_free(v6);
    /* a version 6 file, or a truncated version 5 one, is refused */
    CHECK_INT(parse_model_convert(map.data, map.size, &v6, &v6_bytes, &err), VG_EMODEL);
    CHECK(v6 == NULL);
    CHECK_INT(parse_model_convert(v5, v5_bytes - 1, &v6, &v6_bytes, &err), VG_EMODEL);
    CHECK(v6 == NULL);

    char tmp[] = "/tmp/vigil_parse_convertXXXXXX";
    int fd = mkstemp(tmp);
    CHECK(fd >= 0);
    if (fd >= 0) {
        close(fd);
        CHECK_INT(write_file(tmp, v5, v5_bytes), 0);
        /* the filters change no parse (they only skip keys the tables do not hold) */
        const char *dev = check_shared_path("ud-english-ewt/en_ewt-ud-dev.conllu");
        if (dev) {
            vg_treebank bank;
            CHECK_INT(vg_treebank_read(&bank, dev, &err), 0);
            check_same_parses(model, tmp, &bank, 400, 1);
            check_same_parses(model, tmp, &bank, 400, 4);
            vg_treebank_free(&bank);
        }
        unlink(tmp);
    }
    vg_free(v5);
    vg_mapfile_close(&map);
    return check_finish("parse_convert");
}
