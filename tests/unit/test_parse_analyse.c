/* Analysing a batch of sentences: the same tags and trees as one sentence at a time, and on
 * a failure the index of the failing sentence with every sentence before it analysed. */
#include "check.h"
#include "parse/analyse.h"
#include "parse/parse_internal.h"
#include "text/segment.h"
#include "text/tagset.h"
#include "util/alloc.h"
#include <string.h>
#include <unistd.h>

static const char text[] =
    "Gunmen attacked the embassy on Monday. The ministry denied the report. "
    "Officials said the plot had been foiled by the police.";

/* The sentences of `text`, segmented into the arena. */
static uint32_t segment(vg_arena *arena, vg_sentence *out, uint32_t cap)
{
    vg_sentence *s = NULL;
    size_t n = 0;
    vg_error err = {0};
    CHECK_INT(vg_segment(text, strlen(text), arena, &s, &n, &err), 0);
    if (n > cap)
        n = cap;
    if (n)
        memcpy(out, s, n * sizeof *out);
    return (uint32_t)n;
}

static int same_analysis(const vg_sentence *a, const vg_sentence *b)
{
    if (a->n_tokens != b->n_tokens)
        return 0;
    for (uint32_t i = 0; i < a->n_tokens; i++) {
        const vg_token *x = &a->tokens[i], *y = &b->tokens[i];
        if (x->upos != y->upos || x->xpos != y->xpos || x->head != y->head || x->deprel != y->deprel ||
            !x->lemma || !y->lemma || strcmp(x->lemma, y->lemma) != 0)
            return 0;
    }
    return 1;
}

int main(void)
{
    const char *tagger_path = check_source_path("data/models/en_ewt.tagger");
    const char *parser_path = check_source_path("data/models/en_ewt.parser");
    if (access(tagger_path, R_OK) != 0 || access(parser_path, R_OK) != 0) {
        printf("skip: the models under data/models are absent\n");
        return CHECK_SKIP;
    }
    vg_error err = {0};
    vg_tagger *tagger = NULL;
    vg_parser *parser = NULL;
    CHECK_INT(vg_tagger_open(&tagger, tagger_path, &err), 0);
    CHECK_INT(vg_parser_open(&parser, parser_path, &err), 0);
    if (!tagger || !parser)
        return check_finish("parse_analyse");
    vg_arena arena;
    vg_arena_init(&arena, 1 << 16);

    vg_sentence batch[4], single[4];
    uint32_t n = segment(&arena, batch, 4);
    CHECK_INT(n, 3);
    CHECK_INT(segment(&arena, single, 4), n);
    uint32_t done = 99;
    CHECK_INT(vg_analyse_sentences(tagger, parser, batch, n, &arena, &done), 0);
    CHECK_INT(done, n);
    for (uint32_t i = 0; i < n; i++) {
        CHECK_INT(vg_tagger_tag(tagger, &single[i], &arena), 0);
        CHECK_INT(vg_parser_parse(parser, &single[i]), 0);
        CHECK(same_analysis(&batch[i], &single[i]));
    }

    /* A sentence longer than the parser takes, second of three: the first is analysed,
     * the failure names the second. */
    uint32_t long_n = PARSE_MAX_WORDS + 1;
    vg_token *tokens = vg_calloc(long_n, sizeof *tokens);
    CHECK(tokens != NULL);
    if (tokens) {
        for (uint32_t i = 0; i < long_n; i++) {
            tokens[i].form = "word";
            tokens[i].head = -1;
        }
        vg_sentence mixed[3];
        CHECK_INT(segment(&arena, mixed, 3), 3);
        mixed[1].tokens = tokens;
        mixed[1].n_tokens = long_n;
        done = 99;
        CHECK(vg_analyse_sentences(tagger, parser, mixed, 3, &arena, &done) != 0);
        CHECK_INT(done, 1);
        CHECK(same_analysis(&mixed[0], &single[0]));
        vg_free(tokens);
    }
    CHECK_INT(vg_analyse_sentences(tagger, parser, batch, 0, &arena, &done), 0);
    CHECK_INT(done, 0);

    vg_arena_free(&arena);
    vg_parser_close(parser);
    vg_tagger_close(tagger);
    return check_finish("parse_analyse");
}
