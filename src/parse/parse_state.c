/* The arc-hybrid transition system and the feature templates over its configurations;
 * used unchanged by parsing and training so the two can never disagree. */
#include "parse/parse_internal.h"
#include "util/hash.h"
#include <string.h>

enum { SEED_WORD = 11, SEED_LEMMA = 12, SEED_XPOS = 13, SEED_UPOS = 14 };
static const uint64_t CODE_NONE = 0x6a09e667f3bcc908ULL, CODE_ROOT = 0xbb67ae8584caa73bULL;
static const uint64_t CODE_UNKNOWN = 0x3c6ef372fe94f82bULL;

size_t parse_scratch_bytes(int n)
{
    size_t nodes = (size_t)n + 2;
    return nodes * (sizeof(parse_node) + 5 * sizeof(uint64_t) + sizeof(int16_t)) + 64;
}

/* Lowercase ASCII and every digit as 0: "1,200" and "3,400" share their features, and
 * sentence-initial capitals do not split a word's statistics (the tags keep the case). */
uint64_t parse_word_code(const char *form)
{
    unsigned char buf[64];
    size_t len = 0;
    for (const unsigned char *p = (const unsigned char *)form; *p && len < sizeof buf; p++) {
        unsigned char c = *p;
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        else if (c >= '0' && c <= '9')
            c = '0';
        buf[len++] = c;
    }
    return vg_hash_bytes(buf, len, SEED_WORD);
}

static uint64_t lemma_code(const char *lemma, uint64_t word)
{
    if (!lemma || !lemma[0] || (lemma[0] == '_' && !lemma[1]))
        return word;
    return vg_hash_bytes(lemma, strlen(lemma), SEED_LEMMA);
}

static uint64_t lexicon_tags(const parse_lexicon *lexicon, uint64_t word)
{
    if (lexicon && lexicon->slots && word)
        for (uint64_t at = word & lexicon->mask, probe = 0; probe <= lexicon->mask; probe++) {
            const parse_lexicon_slot *s = &lexicon->slots[at];
            if (s->word == word)
                return s->tags;
            if (s->word == 0)
                break;
            at = (at + 1) & lexicon->mask;
        }
    return CODE_UNKNOWN;
}

void parse_state_init(parse_state *st, const vg_sentence *sentence, const parse_lexicon *lexicon,
                      void *scratch)
{
    int n = (int)sentence->n_tokens;
    size_t nodes = (size_t)n + 2;
    unsigned char *p = scratch;
    st->n = n;
    st->b0 = 1;
    st->depth = 0;
    st->nodes = (parse_node *)p;
    p += nodes * sizeof(parse_node);
    st->atoms.word = (uint64_t *)p;
    st->atoms.lemma = st->atoms.word + nodes;
    st->atoms.xpos = st->atoms.lemma + nodes;
    st->atoms.upos = st->atoms.xpos + nodes;
    st->atoms.tagset = st->atoms.upos + nodes;
    p += 5 * nodes * sizeof(uint64_t);
    st->stack = (int16_t *)p;
    memset(st->nodes, 0, nodes * sizeof(parse_node));
    for (size_t i = 0; i < nodes; i++)
        st->nodes[i].head = -1;
    st->atoms.word[0] = st->atoms.lemma[0] = st->atoms.xpos[0] = st->atoms.upos[0] = CODE_NONE;
    st->atoms.tagset[0] = CODE_NONE;
    st->atoms.word[n + 1] = st->atoms.lemma[n + 1] = CODE_ROOT;
    st->atoms.xpos[n + 1] = st->atoms.upos[n + 1] = st->atoms.tagset[n + 1] = CODE_ROOT;
    for (int i = 0; i < n; i++) {
        const vg_token *t = &sentence->tokens[i];
        uint64_t w = parse_word_code(t->form ? t->form : "");
        st->atoms.word[i + 1] = w;
        st->atoms.lemma[i + 1] = lemma_code(t->lemma, w);
        st->atoms.xpos[i + 1] = vg_hash_mix(SEED_XPOS, t->xpos);
        st->atoms.upos[i + 1] = vg_hash_mix(SEED_UPOS, t->upos);
        st->atoms.tagset[i + 1] = lexicon_tags(lexicon, w);
    }
}

int parse_state_done(const parse_state *st)
{
    return st->b0 == st->n + 1 && st->depth == 0;
}

void parse_state_legal(const parse_state *st, int legal[PARSE_N_MOVES])
{
    int root = st->n + 1;
    legal[PARSE_SHIFT] = st->b0 < root;
    /* Only the last word left on the stack may attach to ROOT: one root per sentence. */
    legal[PARSE_LEFT] = st->depth > 0 && (st->b0 < root || st->depth == 1);
    legal[PARSE_RIGHT] = st->depth > 1;
}

void parse_state_arc(const parse_state *st, int move, int *head, int *dep)
{
    *dep = st->stack[st->depth - 1];
    *head = move == PARSE_RIGHT ? st->stack[st->depth - 2] : st->b0;
}

static void attach(parse_state *st, int head, int dep, int label)
{
    parse_node *h = &st->nodes[head], *d = &st->nodes[dep];
    d->head = (int16_t)head;
    d->label = (uint8_t)label;
    /* Left children arrive right to left and right children left to right, so the newest
     * is always the outermost. */
    if (dep < head) {
        h->left2 = h->left1;
        h->left1 = (int16_t)dep;
        if (h->n_left < 255)
            h->n_left++;
        h->left_labels |= 1ULL << label;
    } else {
        h->right2 = h->right1;
        h->right1 = (int16_t)dep;
        if (h->n_right < 255)
            h->n_right++;
        h->right_labels |= 1ULL << label;
    }
}

void parse_state_apply(parse_state *st, int move, int label)
{
    if (move == PARSE_SHIFT) {
        st->stack[st->depth++] = (int16_t)st->b0++;
        return;
    }
    int head, dep;
    parse_state_arc(st, move, &head, &dep);
    st->depth--;
    attach(st, head, dep, label);
}

/* A feature key: the atoms times distinct odd constants (independent multiplies, so the
 * ~150 keys of a configuration compute in parallel), then one avalanche so the low bits
 * (the table slot) and the high bits (the slot check) depend on everything. */
static inline uint64_t key3(int t, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t k = a * 0x9e3779b97f4a7c15ULL + b * 0xc2b2ae3d27d4eb4fULL + c * 0x165667b19e3779f9ULL +
                 (uint64_t)(t + 1) * 0xd6e8feb86659fd93ULL;
    k ^= k >> 32;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 29;
    return k ? k : 1; /* 0 marks an empty slot in the model */
}

static int distance_bin(int d)
{
    if (d < 0)
        d = -d;
    if (d <= 5)
        return d;
    return d <= 10 ? 6 : 7;
}

/* Templates after Zhang & Nivre (2011), adapted to arc-hybrid: RIGHT joins s1 and s0,
 * LEFT joins s0 and b0, so both pairs get the full set of word/tag conjunctions. */
int parse_state_features(const parse_state *st, uint64_t *keys)
{
    const parse_atoms *a = &st->atoms;
    const parse_node *nd = st->nodes;
    int d = st->depth;
    int s0 = d > 0 ? st->stack[d - 1] : 0, s1 = d > 1 ? st->stack[d - 2] : 0;
    int s2 = d > 2 ? st->stack[d - 3] : 0;
    int root = st->n + 1;
    int b0 = st->b0, b1 = b0 < root ? b0 + 1 : 0, b2 = b1 && b1 < root ? b1 + 1 : 0;
    int s0l1 = nd[s0].left1, s0l2 = nd[s0].left2, s0r1 = nd[s0].right1, s0r2 = nd[s0].right2;
    int s1l1 = nd[s1].left1;
    int b0l1 = nd[b0].left1, b0l2 = nd[b0].left2;
    if (!s0)
        s0l1 = s0l2 = s0r1 = s0r2 = 0;
    if (!s1)
        s1l1 = 0;
    const uint64_t *W = a->word, *P = a->xpos, *U = a->upos, *L = a->lemma;
    uint64_t s0w = W[s0], s0p = P[s0], s1w = W[s1], s1p = P[s1], s2p = P[s2];
    uint64_t b0w = W[b0], b0p = P[b0], b1w = W[b1], b1p = P[b1], b2p = P[b2];
    uint64_t d01 = (uint64_t)(s0 ? distance_bin(b0 - s0) : 0);
    uint64_t d10 = (uint64_t)(s1 ? distance_bin(s0 - s1) : 0);
    int k = 0;
#define F(x, y, z) (keys[k] = key3(k, (x), (y), (z)), k++)
    /* unigrams */
    F(s0w, 0, 0); F(s0p, 0, 0); F(s0w, s0p, 0); F(L[s0], 0, 0); F(U[s0], 0, 0);
    F(s1w, 0, 0); F(s1p, 0, 0); F(s1w, s1p, 0); F(U[s1], 0, 0);
    F(s2p, 0, 0);
    F(b0w, 0, 0); F(b0p, 0, 0); F(b0w, b0p, 0); F(L[b0], 0, 0); F(U[b0], 0, 0);
    F(b1w, 0, 0); F(b1p, 0, 0); F(b1w, b1p, 0);
    F(b2p, 0, 0);
    /* s0-b0 pairs */
    F(s0w, s0p, b0w ^ (b0p << 1)); F(s0w, s0p, b0p); F(s0p, b0p, 0);
    /* s1-s0 pairs */
    F(s1w, s1p, s0p); F(s1p, s0w, s0p); F(L[s1], L[s0], 0);
    /* tag trigrams and word-tag mixes around the stack top */
    F(b0p, b1p, b2p); F(s0p, b0p, b1p); F(s1p, s0p, b0p); F(s2p, s1p, s0p); F(s1p, s0p, b1p);
    F(s0w, b0p, b1p); F(s1p, s0w, b0p); F(s1w, s0p, b0p); F(b0w, b1p, 0);
    F(b0p, b1w, 0); F(s0p, b1w, 0);
    /* children */
    F(W[s0l1], 0, 0); F(P[s0l1], 0, 0); F(nd[s0l1].label, 0, 0);
    F(P[s0r1], 0, 0); F(nd[s0r1].label, 0, 0);
    F(P[s0l2], nd[s0l2].label, 0); F(P[s0r2], nd[s0r2].label, 0);
    F(W[b0l1], 0, 0); F(P[b0l1], 0, 0); F(nd[b0l1].label, 0, 0); F(P[b0l2], nd[b0l2].label, 0);
    F(P[s1l1], nd[s1l1].label, 0);
    F(s0p, P[s0l1], b0p); F(s0p, P[s0r1], b0p); F(s0p, b0p, P[b0l1]);
    F(s1p, s0p, P[s0l1]); F(s1p, s0p, P[s0r1]); F(s1p, P[s1l1], s0p);
    F(s0w, nd[s0l1].label, nd[s0r1].label);
    /* third order */
    F(s0p, P[s0l1], P[s0l2]); F(b0p, P[b0l1], P[b0l2]);
    F(s0p, nd[s0l1].label, nd[s0l2].label); F(s0p, nd[s0r1].label, nd[s0r2].label);
    F(b0p, nd[b0l1].label, nd[b0l2].label);
    /* distance */
    F(s0w, d01, 0); F(s0p, d01, 0); F(b0p, d01, 0); F(s0p, b0p, d01); F(s1p, s0p, d10);
    F(s0w, d10, 0);
    /* valency */
    F(s0w, nd[s0].n_left, 0); F(s0p, nd[s0].n_left, 0); F(s0w, nd[s0].n_right, 0);
    F(s0p, nd[s0].n_right, 0); F(b0p, nd[b0].n_left, 0);
    F(s1p, nd[s1].n_right, 0);
    /* label sets */
    F(s0w, nd[s0].left_labels, 0); F(s0p, nd[s0].left_labels, 0);
    F(s0w, nd[s0].right_labels, 0);
    F(b0w, nd[b0].left_labels, 0); F(b0p, nd[b0].left_labels, 0);
    F(s1p, nd[s1].left_labels, 0);
    /* training tag sets: what the words could be, whatever the tagger said */
    const uint64_t *T = a->tagset;
    F(T[s0], 0, 0); F(T[b0], 0, 0); F(T[s1], 0, 0); F(T[b1], 0, 0); F(T[s0], T[b0], 0);
    F(T[s1], T[s0], 0); F(T[s0], b0p, 0); F(s0p, T[b0], 0); F(T[b0], b1p, 0);
#undef F
    return k;
}

static int same_node(const parse_node *a, const parse_node *b)
{
    return a->head == b->head && a->label == b->label && a->n_left == b->n_left && a->n_right == b->n_right &&
           a->left1 == b->left1 && a->left2 == b->left2 && a->right1 == b->right1 && a->right2 == b->right2 &&
           a->left_labels == b->left_labels && a->right_labels == b->right_labels;
}

int parse_state_same_features(const parse_state *a, const parse_state *b)
{
    /* Everything parse_state_features reads: keep the two in step. */
    if (a->b0 != b->b0 || (a->depth < 3 ? a->depth : 3) != (b->depth < 3 ? b->depth : 3))
        return 0;
    int top[3] = {0, 0, 0};
    for (int k = 0; k < 3 && k < a->depth; k++) {
        top[k] = a->stack[a->depth - 1 - k];
        if (b->stack[b->depth - 1 - k] != top[k])
            return 0;
    }
    const parse_node *na = a->nodes, *nb = b->nodes;
    int s0 = top[0], s1 = top[1];
    if (!same_node(&na[s0], &nb[s0]) || !same_node(&na[s1], &nb[s1]) || !same_node(&na[a->b0], &nb[a->b0]))
        return 0;
    /* the children are then the same words; the templates read their labels */
    const int children[] = {na[s0].left1, na[s0].left2, na[s0].right1, na[s0].right2,
                            na[s1].left1, na[a->b0].left1, na[a->b0].left2};
    for (size_t c = 0; c < sizeof children / sizeof children[0]; c++)
        if (na[children[c]].label != nb[children[c]].label)
            return 0;
    return 1;
}

/* Label templates: the two words of the arc, its direction and length, and what each
 * already governs (a head that has an nsubj is less likely to take another). */
int parse_label_features(const parse_state *st, int head, int dep, uint64_t *keys)
{
    const parse_atoms *a = &st->atoms;
    const parse_node *nd = st->nodes;
    const uint64_t *W = a->word, *P = a->xpos, *U = a->upos, *L = a->lemma;
    int n = st->n;
    uint64_t dir = head > dep ? 0x51 : 0x52;
    uint64_t hw = W[head], hp = P[head], dw = W[dep], dp = P[dep];
    uint64_t dist = (uint64_t)distance_bin(head - dep);
    int dprev = dep > 1 ? dep - 1 : 0, dnext = dep < n ? dep + 1 : 0;
    int hprev = head > 1 && head <= n ? head - 1 : 0, hnext = head < n ? head + 1 : 0;
    /* the sibling on the arc's side that the new dependent lands next to */
    int sib = head > dep ? nd[head].left1 : nd[head].right1;
    const parse_node *h = &nd[head], *d = &nd[dep];
    int k = 0;
#define F(x, y, z) (keys[k] = key3(200 + k, (x), (y), (z) ^ dir), k++)
    F(hw, 0, 0); F(hp, 0, 0); F(hw, hp, 0); F(L[head], 0, 0); F(U[head], 0, 0);
    F(dw, 0, 0); F(dp, 0, 0); F(dw, dp, 0); F(L[dep], 0, 0); F(U[dep], 0, 0);
    F(hp, dp, 0); F(U[head], U[dep], 0); F(hp, dp, dist); F(dw, dist, 0);
    F(dp, P[dprev], 0); F(dp, P[dnext], 0); F(hp, P[hprev], P[hnext]);
    F(dp, d->left_labels, d->right_labels); F(dw, d->left_labels, 0); F(dw, d->right_labels, 0);
    F(dp, nd[d->left1].label, nd[d->right1].label); F(dp, P[d->left1], P[d->right1]);
    F(W[d->left1], dp, 0);
    F(hp, h->left_labels, h->right_labels); F(hp, dp, h->left_labels | h->right_labels << 1);
    F(hp, dp, nd[sib].label); F(P[sib], nd[sib].label, dp);
    F(dp, d->n_left, d->n_right); F(hp, dp, d->n_left * 16 + d->n_right);
    /* the word after the arc's span: b0 after a RIGHT arc, b1 after a LEFT one */
    int after = head > dep ? (st->b0 < n ? st->b0 + 1 : 0) : (st->b0 <= n ? st->b0 : 0);
    F(P[after], dp, hp); F(W[after], dp, 0); F(W[d->left2], dp, 0); F(L[dep], hp, 0);
    F(L[head], dp, 0); F(L[dep], L[head], P[d->left1]);
    F(a->tagset[dep], 0, 0); F(a->tagset[dep], hp, 0); F(a->tagset[head], dp, 0);
#undef F
    return k;
}

int parse_label_group(const char *deprel, int n_groups)
{
    static const char *const groups[][16] = {
        {"punct"},
        {"det", "case", "mark", "cc", "aux", "cop", "clf", "expl"},
        {"nsubj", "csubj", "obj", "iobj"},
        {"amod", "nmod", "nummod", "compound", "flat", "appos", "acl", "fixed", "goeswith"},
        {"advmod", "obl", "discourse", "vocative"},
        {"conj", "parataxis", "list", "reparandum", "orphan", "dislocated", "dep"},
    };
    if (n_groups <= 1)
        return 0;
    size_t len = strcspn(deprel, ":");
    for (size_t g = 0; g < sizeof groups / sizeof groups[0] && (int)g < n_groups - 1; g++)
        for (size_t i = 0; i < 16 && groups[g][i]; i++)
            if (strlen(groups[g][i]) == len && strncmp(groups[g][i], deprel, len) == 0)
                return (int)g;
    return n_groups - 1; /* clausal complements and the rest: advcl, ccomp, xcomp, root... */
}
