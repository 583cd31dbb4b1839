/* The lemmatizer: a (form, XPOS) -> lemma lexicon learned from the treebank for words seen
 * in training, and suffix rewrite rules chosen per XPOS by the longest known suffix for the
 * others. Lemmas are lowercase except for proper nouns, as in UD English. */
#include "tag/tag_internal.h"
#include "text/tagset.h"
#include "util/arena.h"
#include "util/hash.h"
#include "util/limits.h"
#include <stdlib.h>
#include <string.h>

uint64_t tag_lexicon_hash(const char *form, size_t len, unsigned xpos)
{
    return vg_hash_bytes(form, len, 0x1000u + xpos);
}

/* The suffix is hashed from its last byte backwards, so that the lemmatizer gets the hashes
 * of all the suffixes of a word in one pass (rule_hashes). */
static inline uint64_t rule_seed(unsigned xpos)
{
    return 0xcbf29ce484222325ULL ^ ((uint64_t)xpos << 40);
}

static inline uint64_t rule_final(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

uint64_t tag_rule_hash(const char *suffix, size_t len, unsigned xpos)
{
    uint64_t h = rule_seed(xpos);
    for (size_t i = len; i > 0; i--)
        h = (h ^ (unsigned char)suffix[i - 1]) * 0x100000001b3ULL;
    return rule_final(h);
}

static const char *lexicon_find(const tag_model *m, const char *form, size_t len, unsigned xpos)
{
    uint64_t h = tag_lexicon_hash(form, len, xpos);
    for (uint32_t s = (uint32_t)h & m->lexicon_mask;; s = (s + 1) & m->lexicon_mask) {
        const tag_lexicon_slot *x = &m->lexicon[s];
        if (x->form == UINT32_MAX)
            return NULL;
        if (x->xpos == xpos && strncmp(m->strings + x->form, form, len) == 0 &&
            m->strings[x->form + len] == '\0')
            return m->strings + x->lemma;
    }
}

static const tag_rule *rule_find(const tag_model *m, uint64_t h, size_t len, unsigned xpos)
{
    uint32_t check = (uint32_t)(h >> 32);
    for (uint32_t s = (uint32_t)h & m->rule_mask;; s = (s + 1) & m->rule_mask) {
        const tag_rule_slot *r = &m->rule_slots[s];
        if (r->rule == UINT16_MAX)
            return NULL;
        if (r->check == check && r->xpos == xpos && r->suffix_bytes == len)
            return &m->rules[r->rule];
    }
}


static const struct irregular { const char *form, *verb; } irregulars[] = {
#define IRREGULAR(form, verb) { form, verb },
#include "tag/irregular.def"
#undef IRREGULAR
};

static int compare_irregular(const void *key, const void *item)
{
    return strcmp(key, ((const struct irregular *)item)->form);
}

const char *tag_irregular_verb(const char *lower_form)
{
    const struct irregular *hit = bsearch(lower_form, irregulars, sizeof irregulars / sizeof *irregulars,
                                          sizeof *irregulars, compare_irregular);
    return hit ? hit->verb : NULL;
}

int tag_stem_takes_no_e(const char *stem, size_t len)
{
    if (len < 3 || !strchr("lnrdtkpm", stem[len - 1]) || stem[len - 1] == '\0')
        return 0;
    /* the vowel pairs spelled as one vowel; "ia", "ua" are two ("evacuate", "associate") */
    static const char digraphs[][3] = { "ai", "au", "ea", "ee", "ei", "oa", "oi", "oo", "ou" };
    for (size_t i = 0; i < sizeof digraphs / sizeof *digraphs; i++)
        if (stem[len - 3] == digraphs[i][0] && stem[len - 2] == digraphs[i][1])
            return !(len >= 4 && stem[len - 4] == 'q');
    return 0;
}

const char *tag_lemmatize(const tag_model *m, const char *form, unsigned xpos, unsigned upos,
                          void *arena_ptr)
{
    vg_arena *arena = arena_ptr;
    size_t len = strlen(form);
    const char *lemma = lexicon_find(m, form, len, xpos);
    if (lemma)
        return lemma;
    char lower[4 * VG_MAX_TOKEN_BYTES];
    if (len >= VG_MAX_TOKEN_BYTES) /* no rule for such a word; it is its own lemma */
        return form;
    size_t llen = tag_lowercase(lower, sizeof lower, form, len);
    int keeps_case = xpos < 64 && (m->header->case_keeping >> xpos & 1);
    int lowered = llen != len || memcmp(lower, form, len) != 0;
    if (lowered && !keeps_case && (lemma = lexicon_find(m, lower, llen, xpos)) != NULL)
        return lemma;
    const char *base = keeps_case ? form : lower;
    size_t blen = keeps_case ? len : llen;
    /* A past form the treebank never showed as one: irregular verbs first, as the suffix rules
     * would turn "shot" into "shet". */
    if (upos == VG_UPOS_VERB || upos == VG_UPOS_AUX) {
        const char *verb = tag_irregular_verb(lower);
        if (verb)
            return verb;
    }
    /* The longest suffix with a rule decides; suffixes are cut on character boundaries. */
    uint64_t hashes[TAG_RULE_MAX_SUFFIX + 1];
    size_t top = blen < TAG_RULE_MAX_SUFFIX ? blen : TAG_RULE_MAX_SUFFIX;
    hashes[0] = rule_final(rule_seed(xpos));
    uint64_t h = rule_seed(xpos);
    for (size_t k = 1; k <= top; k++) {
        h = (h ^ (unsigned char)base[blen - k]) * 0x100000001b3ULL;
        hashes[k] = rule_final(h);
    }
    for (size_t k = top;; k--) {
        const char *suffix = base + blen - k;
        if (k == 0 || ((unsigned char)suffix[0] & 0xC0) != 0x80) {
            const tag_rule *r = rule_find(m, hashes[k], k, xpos);
            if (r && r->strip <= blen) {
                const char *append = m->strings + r->append;
                if (r->strip == 0 && append[0] == '\0')
                    break;
                size_t alen = strlen(append), keep = blen - r->strip;
                if (upos == VG_UPOS_VERB && r->strip > 0 && !strcmp(append, "e") && tag_stem_takes_no_e(base, keep))
                    alen = 0, append = "";
                char *out = vg_arena_alloc(arena, keep + alen + 1);
                if (!out)
                    return NULL;
                memcpy(out, base, keep);
                memcpy(out + keep, append, alen + 1);
                return out;
            }
        }
        if (k == 0)
            break;
    }
    if (base == form)
        return form;
    return vg_arena_strndup(arena, base, blen);
}
