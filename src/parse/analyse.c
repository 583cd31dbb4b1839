/* The tagger then the parser over a batch of sentences (analyse.h). */
#include "parse/analyse.h"

int vg_analyse_sentences(const vg_tagger *tagger, const vg_parser *parser, vg_sentence *sentences, uint32_t n,
                         vg_arena *arena, uint32_t *n_done)
{
    uint32_t tagged = 0, parsed = 0;
    int tag_rc = 0, parse_rc = 0;
    while (tagged < n && (tag_rc = vg_tagger_tag(tagger, &sentences[tagged], arena)) == 0)
        tagged++;
    while (parsed < tagged && (parse_rc = vg_parser_parse(parser, &sentences[parsed])) == 0)
        parsed++;
    *n_done = parsed;
    return parse_rc ? parse_rc : tag_rc;
}
