/* The tagger's feature templates: what it looks at in a word and its neighbours, hashed into
 * 64-bit keys. Training and tagging both call these, so the two cannot drift apart. */
#include "tag/tag_internal.h"
#include "util/hash.h"
#include <string.h>
#include <utf8proc.h>

/* Template numbers: part of every key, so two templates never share weights. Changing a
 * template or adding one changes the keys, so bump TAG_VERSION with it. */
enum {
    T_BIAS = 1, T_FORM, T_LOWER, T_PREFIX, T_SUFFIX = T_PREFIX + 3, T_SHAPE = T_SUFFIX + 5,
    T_FLAG, T_PREV, T_NEXT, T_PREV2, T_NEXT2, T_PREV_SUFFIX, T_NEXT_SUFFIX,
    T_PREV_SHAPE, T_NEXT_SHAPE, T_WORD_NEXT, T_PREV_WORD, T_NEXT_SUFFIX2, T_SUFFIX_PREV,
    T_AMB, T_AMB_NEXT, T_AMB_PREV,
    T_AMB_PAIR, T_AMB_SUFFIX,
    /* tag context, first pass */
    T_L1 = 64, T_L2L1, T_L1_WORD, T_L2, T_L1_SUFFIX,
    /* tag context, second pass */
    T_R1 = 96, T_R1R2, T_L1R1, T_R1_WORD, T_R2, T_P2_L1, T_P2_L2L1, T_R1_NEXT, T_P2_L1_WORD
};

/* Hash values standing for the words before the first and after the last. */
#define EDGE_BEFORE 0x5bd1e9955bd1e995ULL
#define EDGE_AFTER 0x27d4eb2f165667c5ULL

static inline uint64_t key1(uint64_t template_id, uint64_t a)
{
    return vg_hash_mix(template_id * 0x9e3779b97f4a7c15ULL, a);
}

static inline uint64_t key2(uint64_t template_id, uint64_t a, uint64_t b)
{
    return vg_hash_mix(vg_hash_mix(template_id * 0x9e3779b97f4a7c15ULL, a), b);
}

size_t tag_lowercase(char *out, size_t out_size, const char *text, size_t len)
{
    size_t o = 0, i = 0;
    while (i < len && o + 1 < out_size) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80) {
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t step = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
                                                 (utf8proc_ssize_t)(len - i), &cp);
        if (step <= 0) { /* not UTF-8: copy the byte as it is */
            out[o++] = (char)c;
            i++;
            continue;
        }
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t n = utf8proc_encode_char(utf8proc_tolower(cp), enc);
        if (n <= 0 || o + (size_t)n + 1 > out_size)
            break;
        memcpy(out + o, enc, (size_t)n);
        o += (size_t)n;
        i += (size_t)step;
    }
    out[o] = '\0';
    return o;
}

/* FNV-1a steps with vg_hash_bytes's final mixing, so that the hashes of all prefixes (and,
 * running backwards, all suffixes) of a word come out of one pass over its bytes. */
static inline uint64_t fnv_step(uint64_t h, unsigned char c)
{
    return (h ^ c) * 0x100000001b3ULL;
}

static inline uint64_t fnv_final(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

static void word_fill(tag_word *w, const char *form)
{
    size_t len = strlen(form);
    char lower[TAG_WORD_BYTES * 4 + 8];
    size_t llen = tag_lowercase(lower, sizeof lower, form, len);
    const unsigned char *lw = (const unsigned char *)lower;
    w->form = vg_hash_bytes(form, len, 1);
    /* prefixes of 1-3 characters, then the whole word */
    uint64_t h = 0xcbf29ce484222325ULL;
    int got = 0;
    for (size_t i = 0; i < llen; i++) {
        h = fnv_step(h, lw[i]);
        if (got < 3 && (i + 1 == llen || (lw[i + 1] & 0xC0) != 0x80))
            w->prefix[got++] = fnv_final(h);
    }
    w->lower = fnv_final(h ^ 0x2545f4914f6cdd1dULL);
    for (; got < 3; got++) /* short words: the longer prefixes are the whole word */
        w->prefix[got] = got ? w->prefix[got - 1] : fnv_final(h);
    /* suffixes of 1-5 characters, hashed from the last byte backwards */
    h = 0x84222325cbf29ce4ULL;
    got = 0;
    for (size_t i = llen; i > 0 && got < 5; i--) {
        h = fnv_step(h, lw[i - 1]);
        if ((lw[i - 1] & 0xC0) != 0x80)
            w->suffix[got++] = fnv_final(h);
    }
    for (; got < 5; got++)
        w->suffix[got] = got ? w->suffix[got - 1] : fnv_final(h);
    /* Shape: X upper, x lower, d digit, u other non-ASCII, punctuation as itself; runs of
     * one kind collapse to one character, at most 8 kept. */
    char shape[8];
    size_t slen = 0;
    uint32_t flags = 0, chars = 0;
    int n_upper = 0, n_lower = 0, n_digit = 0, n_other = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)form[i];
        char k;
        if ((c & 0xC0) == 0x80)
            continue;
        chars++;
        if (c >= 'A' && c <= 'Z') {
            k = 'X';
            n_upper++;
        } else if (c >= 'a' && c <= 'z') {
            k = 'x';
            n_lower++;
        } else if (c >= '0' && c <= '9') {
            k = 'd';
            n_digit++;
        } else if (c >= 0x80) {
            k = 'u';
            flags |= TAG_F_NONASCII;
            n_other++;
        } else {
            k = (char)c;
            if (c == '-')
                flags |= TAG_F_HYPHEN;
            n_other++;
        }
        if ((slen == 0 || shape[slen - 1] != k) && slen < sizeof shape)
            shape[slen++] = k;
    }
    w->shape = vg_hash_bytes(shape, slen, 5);
    if (n_digit)
        flags |= TAG_F_DIGIT;
    if (n_digit && n_digit == (int)chars)
        flags |= TAG_F_ALLDIGIT;
    if (n_upper)
        flags |= TAG_F_UPPER;
    if (n_upper > 1 && n_lower == 0)
        flags |= TAG_F_ALLCAPS;
    if (len && form[0] >= 'A' && form[0] <= 'Z' && n_lower)
        flags |= TAG_F_INITCAP;
    if (n_lower && !n_upper)
        flags |= TAG_F_LOWER;
    if (n_other == (int)chars && !(flags & TAG_F_NONASCII))
        flags |= TAG_F_PUNCT;
    w->flags = flags;
}

void tag_words_fill(tag_word *words, const vg_sentence *sentence,
                    const tag_ambiguity_slot *dictionary, uint32_t mask)
{
    for (uint32_t i = 0; i < sentence->n_tokens; i++) {
        tag_word *w = &words[i];
        word_fill(w, sentence->tokens[i].form ? sentence->tokens[i].form : "");
        w->ambiguity = 0;
        w->only = 0;
        for (uint32_t s = (uint32_t)w->lower & mask;; s = (s + 1) & mask) {
            if (dictionary[s].word == 0)
                break;
            if (dictionary[s].word == w->lower) {
                w->ambiguity = dictionary[s].tags;
                w->only = dictionary[s].only;
                break;
            }
        }
    }
}

static inline uint64_t ambiguity_at(const tag_word *words, int n, int i)
{
    return i < 0 ? EDGE_BEFORE : i >= n ? EDGE_AFTER : words[i].ambiguity;
}

static inline uint64_t lower_at(const tag_word *words, int n, int i)
{
    return i < 0 ? EDGE_BEFORE : i >= n ? EDGE_AFTER : words[i].lower;
}

static inline uint64_t suffix_at(const tag_word *words, int n, int i, int k)
{
    return i < 0 ? EDGE_BEFORE : i >= n ? EDGE_AFTER : words[i].suffix[k];
}

static inline uint64_t shape_at(const tag_word *words, int n, int i)
{
    return i < 0 ? EDGE_BEFORE : i >= n ? EDGE_AFTER : words[i].shape;
}

int tag_word_features(uint64_t *keys, const tag_word *w)
{
    int k = 0;
    keys[k++] = key1(T_BIAS, 0);
    keys[k++] = key1(T_FORM, w->form);
    keys[k++] = key1(T_LOWER, w->lower);
    for (int j = 0; j < 3; j++)
        keys[k++] = key1(T_PREFIX + j, w->prefix[j]);
    for (int j = 0; j < 5; j++)
        keys[k++] = key1(T_SUFFIX + j, w->suffix[j]);
    keys[k++] = key1(T_SHAPE, w->shape);
    for (uint32_t bit = 1; bit <= TAG_F_ALLDIGIT; bit <<= 1)
        if (w->flags & bit)
            keys[k++] = key1(T_FLAG, bit);
    keys[k++] = key1(T_AMB, w->ambiguity);
    if (!w->ambiguity)
        keys[k++] = key2(T_AMB_SUFFIX, w->suffix[2], w->flags & (TAG_F_INITCAP | TAG_F_UPPER));
    return k;
}

int tag_neighbour_features(uint64_t *keys, const tag_word *words, int n, int i)
{
    const tag_word *w = &words[i];
    int k = 0;
    /* the second pass keeps only the first TAG_SECOND_NEIGHBOURS of these (it has the tags
     * on both sides): the most useful come first */
    keys[k++] = key1(T_PREV, lower_at(words, n, i - 1));
    keys[k++] = key1(T_NEXT, lower_at(words, n, i + 1));
    keys[k++] = key2(T_WORD_NEXT, w->lower, lower_at(words, n, i + 1));
    keys[k++] = key2(T_PREV_WORD, lower_at(words, n, i - 1), w->lower);
    keys[k++] = key1(T_AMB_PREV, ambiguity_at(words, n, i - 1));
    keys[k++] = key1(T_AMB_NEXT, ambiguity_at(words, n, i + 1));
    keys[k++] = key1(T_PREV2, lower_at(words, n, i - 2));
    keys[k++] = key1(T_NEXT2, lower_at(words, n, i + 2));
    keys[k++] = key1(T_PREV_SUFFIX, suffix_at(words, n, i - 1, 2));
    keys[k++] = key1(T_NEXT_SUFFIX, suffix_at(words, n, i + 1, 2));
    keys[k++] = key1(T_PREV_SHAPE, shape_at(words, n, i - 1));
    keys[k++] = key1(T_NEXT_SHAPE, shape_at(words, n, i + 1));
    keys[k++] = key1(T_NEXT_SUFFIX2, suffix_at(words, n, i + 1, 1));
    keys[k++] = key2(T_SUFFIX_PREV, w->suffix[2], lower_at(words, n, i - 1));
    keys[k++] = key2(T_AMB_PAIR, w->ambiguity, ambiguity_at(words, n, i + 1));
    return k;
}

int tag_static_features(uint64_t *keys, const tag_word *words, int n, int i)
{
    int k = tag_word_features(keys, &words[i]);
    return k + tag_neighbour_features(keys + k, words, n, i);
}

int tag_context_features(uint64_t *keys, const tag_word *words, int n, int i,
                         const int *left, const int *right)
{
    const tag_word *w = &words[i];
    int k = 0;
    if (!right) {
        keys[k++] = key1(T_L1, (uint64_t)left[0]);
        keys[k++] = key2(T_L2L1, (uint64_t)left[1], (uint64_t)left[0]);
        keys[k++] = key2(T_L1_WORD, (uint64_t)left[0], w->lower);
        keys[k++] = key1(T_L2, (uint64_t)left[1]);
        keys[k++] = key2(T_L1_SUFFIX, (uint64_t)left[0], w->suffix[2]);
        return k;
    }
    keys[k++] = key1(T_R1, (uint64_t)right[0]);
    keys[k++] = key2(T_R1R2, (uint64_t)right[0], (uint64_t)right[1]);
    keys[k++] = key2(T_L1R1, (uint64_t)left[0], (uint64_t)right[0]);
    keys[k++] = key2(T_R1_WORD, (uint64_t)right[0], w->lower);
    keys[k++] = key1(T_R2, (uint64_t)right[1]);
    keys[k++] = key1(T_P2_L1, (uint64_t)left[0]);
    keys[k++] = key2(T_P2_L2L1, (uint64_t)left[1], (uint64_t)left[0]);
    keys[k++] = key2(T_R1_NEXT, (uint64_t)right[0], lower_at(words, n, i + 1));
    keys[k++] = key2(T_P2_L1_WORD, (uint64_t)left[0], w->lower);
    return k;
}
