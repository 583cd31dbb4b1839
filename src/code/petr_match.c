/* The PETRARCH-style coder over dependency trees (see petr_match.h). */
#include "code/petr_match.h"
#include "code/tree.h"
#include "text/tagset.h"
#include <stdio.h>
#include <string.h>

#define MAX_AGENTS 6
#define MAX_MENTIONS 16
#define MAX_FOUND_PER_VERB 64

/* An actor noun phrase: an actor code and the agents composed with it. */
typedef struct mention {
    const char *actor;               /* resolved for the date; NULL when none */
    const char *agents[MAX_AGENTS];
    uint8_t agent_prefix[MAX_AGENTS];
    uint8_t agent_head[MAX_AGENTS];  /* the agent is the phrase's head word ("government") */
    int n_agents;
    int blocked;                     /* an actor was named whose code is null */
    uint32_t token;
    int actor_token;                 /* the token of the actor's name, -1 when none */
} mention;

typedef struct mentions {
    mention m[MAX_MENTIONS];
    int n;
} mentions;

/* A dictionary match in the sentence's words. */
typedef struct dmatch {
    uint32_t first, len;             /* words */
    int actor;                       /* 1 actor, 0 agent */
    int32_t id;
} dmatch;

typedef struct ctx {
    const vg_petr_knowledge *k;
    const vg_sentence *s;
    int32_t date;
    vg_arena *arena;
    uint32_t n;                      /* tokens */
    vg_tree tree;                    /* the parse as the main coder repairs it (its heads) */
    const char **deprel;             /* per token, from the repaired tree */
    /* words: tokens, with "X - Y" written without spaces joined into one "X-Y" */
    uint32_t nw;
    const char **word, **lemma;
    uint32_t *wfirst, *wlast, *word_of;
    dmatch *matches;
    uint32_t n_matches;
    int32_t *match_at;               /* per word: the match starting there, or -1 */
    uint8_t *mark, *domain;          /* scratch marks; where targets are looked for */
    uint8_t *word_domain;            /* where a pattern's words after the verb are looked for */
    uint8_t *subject_np;             /* where its words before the verb are: the subject's phrase */
    uint32_t min_token;              /* phrases start here or later (0 but for noun-modifier verbs) */
    const char **scratch;            /* a copy of word[] for lookups with one word replaced */
    uint64_t *keys;                  /* vg_petr_word_key of every word and lemma, open addressing */
    uint32_t key_mask;
} ctx;

/* (the first letters are compared first: these run for every token of every walk) */
static int dep_is(const ctx *c, uint32_t t, const char *name)
{
    const char *d = c->deprel[t];
    return d[0] == name[0] && d[1] == name[1] && !strcmp(d, name);
}
static int dep_starts(const ctx *c, uint32_t t, const char *prefix)
{
    const char *d = c->deprel[t];
    if (d[0] != prefix[0])
        return 0;
    size_t n = strlen(prefix);
    return !strncmp(d, prefix, n) && (d[n] == '\0' || d[n] == ':');
}
/* The head's index, or -1 for the root, an unassigned head or one out of range (a tree read
 * from a file may have anything there). */
static int head_of(const ctx *c, uint32_t t)
{
    int h = c->tree.head[t];
    return h >= 1 && (uint32_t)h <= c->n && (uint32_t)h != t + 1 ? h - 1 : -1;
}
static int upos(const ctx *c, uint32_t t) { return c->s->tokens[t].upos; }
static int is_nominal(const ctx *c, uint32_t t)
{
    int u = upos(c, t);
    return u == VG_UPOS_NOUN || u == VG_UPOS_PROPN || u == VG_UPOS_PRON || u == VG_UPOS_NUM || u == VG_UPOS_ADJ ||
           u == VG_UPOS_X || u == VG_UPOS_SYM;
}

static char *upper_copy(vg_arena *arena, const char *s, size_t n)
{
    char *out = vg_arena_strndup(arena, s, n);
    if (out)
        for (char *p = out; *p; p++)
            if (*p >= 'a' && *p <= 'z')
                *p = (char)(*p - 'a' + 'A');
    return out;
}

static int build_words(ctx *c)
{
    const vg_sentence *s = c->s;
    c->word = vg_arena_alloc(c->arena, (c->n + 1) * sizeof *c->word);
    c->lemma = vg_arena_alloc(c->arena, (c->n + 1) * sizeof *c->lemma);
    c->wfirst = vg_arena_alloc(c->arena, (c->n + 1) * sizeof *c->wfirst);
    c->wlast = vg_arena_alloc(c->arena, (c->n + 1) * sizeof *c->wlast);
    c->word_of = vg_arena_alloc(c->arena, (c->n + 1) * sizeof *c->word_of);
    c->deprel = vg_arena_alloc(c->arena, (c->n + 1) * sizeof *c->deprel);
    c->mark = vg_arena_alloc(c->arena, c->n + 1);
    c->domain = vg_arena_alloc(c->arena, c->n + 1);
    c->word_domain = vg_arena_alloc(c->arena, c->n + 1);
    c->subject_np = vg_arena_alloc(c->arena, c->n + 1);
    if (!c->word || !c->lemma || !c->wfirst || !c->wlast || !c->word_of || !c->deprel || !c->mark || !c->domain ||
        !c->word_domain || !c->subject_np)
        return VG_ENOMEM;
    for (uint32_t i = 0; i < c->n; i++) {
        uint8_t d = c->tree.deprel[i];
        c->deprel[i] = d < vg_deprel_count ? vg_deprel_names[d] : "_";
    }
    uint32_t nw = 0;
    for (uint32_t i = 0; i < c->n;) {
        uint32_t j = i;
        /* X - Y with no spaces between: one word */
        while (j + 2 < c->n && !s->tokens[j].space_after && !strcmp(s->tokens[j + 1].form, "-") &&
               !s->tokens[j + 1].space_after && s->tokens[j + 2].form[0] != '\0')
            j += 2;
        char buf[1024];
        size_t len = 0;
        for (uint32_t t = i; t <= j && len < sizeof buf - 1; t++) {
            size_t fl = strlen(s->tokens[t].form);
            if (len + fl >= sizeof buf)
                fl = sizeof buf - 1 - len;
            memcpy(buf + len, s->tokens[t].form, fl);
            len += fl;
        }
        c->word[nw] = upper_copy(c->arena, buf, len);
        const char *lemma = s->tokens[i].lemma;
        c->lemma[nw] = i == j && lemma ? upper_copy(c->arena, lemma, strlen(lemma)) : c->word[nw];
        if (!c->word[nw] || !c->lemma[nw])
            return VG_ENOMEM;
        c->wfirst[nw] = i;
        c->wlast[nw] = j;
        for (uint32_t t = i; t <= j; t++)
            c->word_of[t] = nw;
        nw++;
        i = j + 1;
    }
    c->nw = nw;
    c->scratch = vg_arena_alloc(c->arena, (nw + 1) * sizeof *c->scratch);
    uint32_t slots = 16;
    while (slots < 4 * nw)
        slots *= 2;
    c->keys = vg_arena_alloc(c->arena, slots * sizeof *c->keys);
    if (!c->scratch || !c->keys)
        return VG_ENOMEM;
    memcpy(c->scratch, c->word, nw * sizeof *c->word);
    c->key_mask = slots - 1;
    for (uint32_t w = 0; w < nw; w++)
        for (int which = 0; which < 2; which++) {
            uint64_t key = vg_petr_word_key(which ? c->lemma[w] : c->word[w]);
            uint32_t i = (uint32_t)key & c->key_mask;
            while (c->keys[i] && c->keys[i] != key)
                i = (i + 1) & c->key_mask;
            c->keys[i] = key;
        }
    return 0;
}

/* Whether some word of the sentence (as written or as a lemma) may be the one with this key. */
static int has_key(const ctx *c, uint64_t key)
{
    for (uint32_t i = (uint32_t)key & c->key_mask; c->keys[i]; i = (i + 1) & c->key_mask)
        if (c->keys[i] == key)
            return 1;
    return 0;
}

/* A pattern whose words the sentence lacks cannot match: most patterns of a block are
 * dismissed here without walking the tree. */
static int pattern_possible(const ctx *c, const vg_petr_pattern *p)
{
    for (uint32_t i = 0; i < p->n_elems; i++)
        if (p->elems[i].kind == VG_PETR_ELEM_WORDS && !has_key(c, p->elems[i].key))
            return 0;
    return 1;
}

/* Actors and agents in the words, left to right, longest first (an actor wins a tie). */
static int find_matches(ctx *c)
{
    c->matches = vg_arena_alloc(c->arena, (c->nw + 1) * sizeof *c->matches);
    c->match_at = vg_arena_alloc(c->arena, (c->nw + 1) * sizeof *c->match_at);
    if (!c->matches || !c->match_at)
        return VG_ENOMEM;
    for (uint32_t w = 0; w < c->nw; w++)
        c->match_at[w] = -1;
    for (uint32_t w = 0; w < c->nw;) {
        int32_t actor = -1, agent = -1;
        size_t la = vg_petr_index_longest(&c->k->actors->index, c->word, c->nw, w, &actor);
        size_t lg = vg_petr_index_longest(&c->k->agents->index, c->word, c->nw, w, &agent);
        if (!la && !lg) {
            w++;
            continue;
        }
        dmatch m = la >= lg ? (dmatch){w, (uint32_t)la, 1, actor} : (dmatch){w, (uint32_t)lg, 0, agent};
        c->match_at[w] = (int32_t)c->n_matches;
        c->matches[c->n_matches++] = m;
        w += m.len;
    }
    return 0;
}

/* Relations that keep a dependent inside its head's noun phrase. */
static int np_internal(const ctx *c, uint32_t t)
{
    static const char *const inside[] = {"det", "det:predet", "amod", "compound", "flat", "flat:foreign",
                                         "nmod:desc", "nmod:poss", "nmod:unmarked", "nummod", "case",
                                         "fixed", "goeswith", "punct"};
    for (size_t i = 0; i < sizeof inside / sizeof *inside; i++)
        if (!strcmp(c->deprel[t], inside[i]))
            return 1;
    return 0;
}

static void mark_local(ctx *c, uint32_t h, int depth)
{
    c->mark[h] = 1;
    if (depth > 40)
        return;
    for (uint32_t t = 0; t < c->n; t++)
        if (head_of(c, t) == (int)h && np_internal(c, t))
            mark_local(c, t, depth + 1);
}

/* The noun phrase of h in c->mark. A run of names the parser split into two subjects ("Bree
 * President Romendacil arrived": Bree and Romendacil both nsubj) is taken whole: same-role
 * nominal siblings just before the phrase join it. */
static void mark_subtree(ctx *c, uint32_t h, int depth)
{
    c->mark[h] = 1;
    for (uint32_t t = 0; t < c->n && depth < 40; t++)
        if (head_of(c, t) == (int)h)
            mark_subtree(c, t, depth + 1);
}

static void mark_phrase(ctx *c, uint32_t h)
{
    memset(c->mark, 0, c->n);
    mark_local(c, h, 0);
    uint32_t lo = h;
    while (lo > 0 && c->mark[lo - 1])
        lo--;
    int hd = head_of(c, h);
    int argument = dep_starts(c, h, "nsubj") || dep_is(c, h, "obj") || dep_is(c, h, "iobj");
    while (lo > 0 && hd >= 0 && argument) {
        /* the sibling the token before the phrase belongs to ("death and injury toll": death) */
        uint32_t t = lo - 1;
        if (upos(c, lo) == VG_UPOS_PUNCT || upos(c, t) == VG_UPOS_PUNCT || upos(c, t) == VG_UPOS_CCONJ)
            break; /* "Mordor, Rohan, Arnor and Bree": a list, not one name */
        for (int guard = 0; guard < 64 && head_of(c, t) >= 0 && head_of(c, t) != hd; guard++)
            t = (uint32_t)head_of(c, t);
        if (head_of(c, t) != hd || strcmp(c->deprel[t], c->deprel[h]) || !is_nominal(c, t) ||
            upos(c, t) == VG_UPOS_PRON || t >= h)
            break;
        mark_subtree(c, t, 0);
        while (lo > 0 && c->mark[lo - 1])
            lo--;
    }
    /* "Ithilen's minister Calimehtar" parsed with Ithilen as the head and the rest in apposition:
     * a possessive head's appositions are its phrase */
    int possessive = 0;
    for (uint32_t t = 0; t < c->n && !possessive; t++)
        possessive = head_of(c, t) == (int)h && dep_is(c, t, "case") && !strcmp(c->word[c->word_of[t]], "'S");
    for (uint32_t t = 0; t < c->n && possessive; t++)
        if (head_of(c, t) == (int)h && dep_is(c, t, "appos") && t > h)
            mark_local(c, t, 1);
    /* a phrase never reaches back over the verb it follows (c->min_token) */
    for (uint32_t t = 0; t < c->min_token && t < c->n; t++)
        c->mark[t] = 0;
}

static void add_agent(mention *m, const vg_petr_agent *agent, int is_head)
{
    for (int i = 0; i < m->n_agents; i++)
        if (!strcmp(m->agents[i], agent->code))
            return;
    if (m->n_agents == MAX_AGENTS)
        return;
    m->agents[m->n_agents] = agent->code;
    m->agent_prefix[m->n_agents] = (uint8_t)agent->prefix;
    m->agent_head[m->n_agents] = (uint8_t)is_head;
    m->n_agents++;
}

/* The actor and agents named inside h's own noun phrase. */
static mention local_mention(ctx *c, uint32_t h)
{
    mention m;
    memset(&m, 0, sizeof m);
    m.token = h;
    m.actor_token = -1;
    mark_phrase(c, h);
    int have_actor = 0;
    for (uint32_t i = 0; i < c->n_matches; i++) {
        const dmatch *d = &c->matches[i];
        uint32_t t0 = c->wfirst[d->first], t1 = c->wlast[d->first + d->len - 1];
        int inside = 1, covers_head = 0;
        for (uint32_t t = t0; t <= t1; t++) {
            inside &= c->mark[t];
            covers_head |= t == h;
        }
        /* a name that starts in the phrase and runs on through its head ("Ministry of Silly
         * Walks") belongs to it too */
        if (!inside && !(covers_head && c->mark[t0]))
            continue;
        if (d->actor) {
            if (have_actor)
                continue;
            have_actor = 1;
            m.actor = vg_petr_actor_code(&c->k->actors->actors[d->id], c->date);
            m.blocked = !m.actor;
            m.actor_token = (int)t1;
        } else {
            add_agent(&m, &c->k->agents->agents[d->id], covers_head);
        }
    }
    return m;
}

static void np_list(ctx *c, uint32_t h, mentions *out, int depth);
static void np_conjuncts(ctx *c, uint32_t h, mentions *out, int depth);

/* The mentions h stands for, its conjuncts aside. */
static void np_one(ctx *c, uint32_t h, mentions *out, int depth)
{
    mention m = local_mention(c, h);
    if (m.actor || m.blocked) {
        if (!m.actor || out->n >= MAX_MENTIONS)
            return;
        out->m[out->n++] = m;
        /* "Eriadori and Calenardhon leaders": the actor modifier is coordinated */
        if (m.actor_token >= 0 && m.actor_token != (int)h && depth < 6)
            for (uint32_t t = 0; t < c->n && out->n < MAX_MENTIONS; t++) {
                if (head_of(c, t) != m.actor_token || !dep_is(c, t, "conj"))
                    continue;
                mention other = local_mention(c, t);
                if (!other.actor)
                    continue;
                mention r = m;
                r.actor = other.actor;
                r.actor_token = other.actor_token;
                out->m[out->n++] = r;
            }
        return;
    }
    /* "the ambassadors of Arnor", "soldiers from Gondor": the actor of a nominal modifier */
    if (depth < 6)
        for (uint32_t t = 0; t < c->n; t++) {
            if (head_of(c, t) != (int)h || !dep_is(c, t, "nmod"))
                continue;
            mentions sub = {.n = 0};
            np_list(c, t, &sub, depth + 1);
            int found = 0;
            for (int i = 0; i < sub.n && out->n < MAX_MENTIONS; i++) {
                if (!sub.m[i].actor)
                    continue;
                mention r = sub.m[i];
                r.token = h;
                for (int j = 0; j < m.n_agents && r.n_agents < MAX_AGENTS; j++) {
                    r.agents[r.n_agents] = m.agents[j];
                    r.agent_prefix[r.n_agents] = m.agent_prefix[j];
                    r.agent_head[r.n_agents] = m.agent_head[j];
                    r.n_agents++;
                }
                out->m[out->n++] = r;
                found = 1;
            }
            if (found)
                return;
        }
    /* "Old foe Gondor and Osgiliath": a name in apposition */
    if (!m.n_agents && depth < 6) {
        int before = out->n;
        for (uint32_t t = 0; t < c->n && out->n == before; t++)
            if (head_of(c, t) == (int)h && dep_is(c, t, "appos") && upos(c, t) == VG_UPOS_PROPN)
                np_list(c, t, out, depth + 1);
        if (out->n > before)
            return;
    }
    if (m.n_agents && out->n < MAX_MENTIONS)
        out->m[out->n++] = m; /* agents alone: a conjunct may give them an actor */
}

/* The conjuncts of h, and theirs ("Mordor, Rohan, Arnor and Bree" may chain). */
static void np_conjuncts(ctx *c, uint32_t h, mentions *out, int depth)
{
    for (uint32_t t = 0; t < c->n && depth < 8; t++) {
        if (head_of(c, t) != (int)h || !is_nominal(c, t))
            continue;
        int list_item = 0; /* "Arnor, Calenardhon and Gondor" parsed with Calenardhon in apposition */
        if (dep_is(c, t, "appos") && upos(c, t) == VG_UPOS_PROPN)
            for (uint32_t u = 0; u < c->n && !list_item; u++)
                list_item = head_of(c, u) == (int)t && dep_is(c, u, "conj");
        if (dep_is(c, t, "conj") || list_item) {
            np_one(c, t, out, depth + 1);
            np_conjuncts(c, t, out, depth + 1);
        }
    }
}

/* h and its conjuncts; a conjunct naming only agents takes the actors of the others
 * ("Danish media and government", "lawmakers and officials in Arnor and Gondor"). */
static void np_list(ctx *c, uint32_t h, mentions *out, int depth)
{
    int start = out->n;
    np_one(c, h, out, depth);
    np_conjuncts(c, h, out, depth);
    int end = out->n;
    mention actors[MAX_MENTIONS];
    int n_actors = 0;
    for (int i = start; i < end; i++)
        if (out->m[i].actor)
            actors[n_actors++] = out->m[i];
    mentions result = {.n = 0};
    for (int i = start; i < end; i++) {
        mention *m = &out->m[i];
        if (m->actor) {
            result.m[result.n++] = *m;
            continue;
        }
        for (int a = 0; a < n_actors && result.n < MAX_MENTIONS; a++) {
            int seen = 0;
            for (int b = 0; b < a; b++)
                seen |= !strcmp(actors[b].actor, actors[a].actor);
            if (seen)
                continue;
            mention r = *m;
            r.actor = actors[a].actor;
            r.n_agents = 0;
            for (int j = 0; j < actors[a].n_agents && r.n_agents < MAX_AGENTS; j++)
                if (!actors[a].agent_head[j]) {
                    r.agents[r.n_agents] = actors[a].agents[j];
                    r.agent_prefix[r.n_agents] = actors[a].agent_prefix[j];
                    r.agent_head[r.n_agents++] = 0;
                }
            for (int j = 0; j < m->n_agents && r.n_agents < MAX_AGENTS; j++) {
                r.agents[r.n_agents] = m->agents[j];
                r.agent_prefix[r.n_agents] = m->agent_prefix[j];
                r.agent_head[r.n_agents++] = m->agent_head[j];
            }
            result.m[result.n++] = r;
        }
    }
    for (int i = 0; i < result.n; i++)
        out->m[start + i] = result.m[i];
    out->n = start + result.n;
}

/* The actor code of a mention: the actor's code with its agents' codes, each once. */
static const char *compose(ctx *c, const mention *m)
{
    char code[128];
    snprintf(code, sizeof code, "%s", m->actor);
    for (int i = 0; i < m->n_agents; i++) {
        const char *a = m->agents[i];
        size_t al = strlen(a), cl = strlen(code);
        int present = 0;
        for (size_t off = 0; off + al <= cl && !present; off += 3)
            present = !strncmp(code + off, a, al);
        if (present || cl + al + 1 > sizeof code)
            continue;
        if (m->agent_prefix[i]) {
            memmove(code + al, code, cl + 1);
            memcpy(code, a, al);
        } else {
            memcpy(code + cl, a, al + 1);
        }
    }
    return vg_arena_strndup(c->arena, code, strlen(code));
}

/* The head of the noun phrase a word belongs to. */
static uint32_t np_head(const ctx *c, uint32_t t)
{
    for (int guard = 0; guard < 64; guard++) {
        int h = head_of(c, t);
        if (h < 0 || !np_internal(c, t) || dep_is(c, t, "punct") || dep_is(c, t, "case"))
            break;
        t = (uint32_t)h;
    }
    /* a second conjunct: start from the first, so the list is whole */
    while (dep_is(c, t, "conj") && head_of(c, t) >= 0 && is_nominal(c, (uint32_t)head_of(c, t)) && is_nominal(c, t))
        t = (uint32_t)head_of(c, t);
    return t;
}

/* The mentions of the first actor phrase at or after word w (inside the domain when
 * domain_only), or of the last one before w when backwards. Returns the word after (or the
 * word before) the phrase, or -1 when none. */
static int mentions_at(ctx *c, int w, int backwards, int domain_only, int avoid_token, mentions *out)
{
    for (; w >= 0 && w < (int)c->nw; w += backwards ? -1 : 1) {
        uint32_t t = c->wfirst[w];
        if (domain_only && !c->domain[t])
            continue;
        if (c->match_at[w] < 0)
            continue;
        uint32_t h = np_head(c, t);
        if ((int)h == avoid_token)
            continue;
        out->n = 0;
        np_list(c, h, out, 0);
        if (!out->n)
            continue;
        const dmatch *d = &c->matches[c->match_at[w]];
        return backwards ? (int)d->first - 1 : (int)(d->first + d->len);
    }
    return -1;
}

static int word_matches(const ctx *c, uint32_t w, const char *want)
{
    if (!strcmp(c->word[w], want))
        return 1;
    int u = upos(c, c->wfirst[w]);
    return (u == VG_UPOS_NOUN || u == VG_UPOS_PROPN) && !strcmp(c->lemma[w], want);
}

static int words_at(const ctx *c, uint32_t w, const char *const *words, uint32_t n)
{
    if (w + n > c->nw)
        return 0;
    for (uint32_t i = 0; i < n; i++)
        if (!word_matches(c, w + i, words[i]))
            return 0;
    return 1;
}

/* Length of the element's words at w (the longest synset member), or 0. */
struct member_ctx { const ctx *c; uint32_t w; int32_t synset; uint32_t best; };

static int longer_member(void *arg, const vg_petr_phrase *phrase)
{
    struct member_ctx *m = arg;
    if (phrase->value == m->synset && phrase->n_words > m->best && words_at(m->c, m->w, phrase->words, phrase->n_words))
        m->best = phrase->n_words;
    return 0;
}

static uint32_t elem_at(const ctx *c, const vg_petr_elem *e, uint32_t w)
{
    if (e->kind == VG_PETR_ELEM_WORDS)
        return words_at(c, w, e->words, e->n_words) ? e->n_words : 0;
    /* the set's members starting with this word (as written, and as its lemma) */
    struct member_ctx m = {c, w, e->synset, 0};
    vg_petr_index_each(&c->k->verbs->members, c->word, c->nw, w, longer_member, &m);
    if (c->lemma[w] != c->word[w] && strcmp(c->lemma[w], c->word[w])) {
        /* members starting with the lemma: looked up in the words with this one replaced
         * (words_at then compares each word as written or as its lemma) */
        c->scratch[w] = c->lemma[w];
        vg_petr_index_each(&c->k->verbs->members, c->scratch, c->nw, w, longer_member, &m);
        c->scratch[w] = c->word[w];
    }
    return m.best;
}

typedef struct binding {
    mentions source, target;
    int has_source, has_target;
} binding;

/* Tries pattern p around the verb occupying words [vfirst, vlast]: 0 when it does not match,
 * else a score, higher for a more specific match. */
/* Whether word w may follow the element matched last (ending at word prev_end, token
 * prev_tok) as an element with the given adjacency. */
static int follows(const ctx *c, int adjacent, int w, int expected, int prev_tok)
{
    if (adjacent == 1)
        return w == expected;
    if (adjacent == 2 && prev_tok >= 0)
        return np_head(c, c->wfirst[w]) == np_head(c, (uint32_t)prev_tok);
    return 1;
}

/* Tries pattern p around the verb occupying words [vfirst, vlast]: 0 when it does not match,
 * else a score, higher for a more specific match. */
static int pattern_matches(ctx *c, const vg_petr_pattern *p, uint32_t vfirst, uint32_t vlast, binding *b)
{
    b->has_source = b->has_target = 0;
    int matched_words = 0, roles = 0;
    for (uint32_t i = 0; i < p->n_elems; i++)
        roles += p->elems[i].kind == VG_PETR_ELEM_SOURCE || p->elems[i].kind == VG_PETR_ELEM_TARGET ||
                 p->elems[i].kind == VG_PETR_ELEM_COMPOUND || p->elems[i].kind == VG_PETR_ELEM_SKIP;
    /* after the verb, left to right, among the words of the verb's phrase */
    int cur = (int)vlast + 1, prev_tok = -1;
    for (uint32_t i = p->verb + 1; i < p->n_elems; i++) {
        const vg_petr_elem *e = &p->elems[i];
        if (e->kind == VG_PETR_ELEM_WORDS || e->kind == VG_PETR_ELEM_SYNSET) {
            int found = -1;
            uint32_t len = 0;
            for (int w = cur; w < (int)c->nw; w++) {
                if (e->adjacent == 1 && w != cur)
                    break;
                if (!c->word_domain[c->wfirst[w]] || !follows(c, e->adjacent, w, cur, prev_tok))
                    continue;
                if ((len = elem_at(c, e, (uint32_t)w))) {
                    found = w;
                    break;
                }
            }
            if (found < 0)
                return 0;
            cur = found + (int)len;
            prev_tok = (int)c->wfirst[found];
            matched_words += (int)len;
        } else if (e->kind == VG_PETR_ELEM_SOURCE || e->kind == VG_PETR_ELEM_TARGET) {
            mentions *m = e->kind == VG_PETR_ELEM_SOURCE ? &b->source : &b->target;
            m->n = 0;
            int next = mentions_at(c, cur, 0, 1, -1, m);
            if (next < 0)
                return 0;
            *(e->kind == VG_PETR_ELEM_SOURCE ? &b->has_source : &b->has_target) = 1;
            cur = next;
            prev_tok = -1;
        } else if (e->kind == VG_PETR_ELEM_SKIP) { /* "^": over the next actor phrase, if any */
            mentions skipped = {.n = 0};
            int next = mentions_at(c, cur, 0, 1, -1, &skipped);
            if (next >= 0)
                cur = next;
            prev_tok = -1;
        }
    }
    /* before the verb, right to left, inside the subject's noun phrase */
    cur = (int)vfirst - 1;
    prev_tok = -1;
    for (int i = (int)p->verb - 1; i >= 0; i--) {
        const vg_petr_elem *e = &p->elems[i];
        int adjacent = p->elems[i + 1].adjacent;
        if (e->kind == VG_PETR_ELEM_WORDS || e->kind == VG_PETR_ELEM_SYNSET) {
            int found = -1;
            for (int w = cur; w >= 0; w--) {
                if (!c->subject_np[c->wfirst[w]])
                    continue;
                uint32_t len = elem_at(c, e, (uint32_t)w);
                /* "{...}" before the verb: the subject's phrase is the noun phrase */
                if (len && w + (int)len - 1 <= cur && (adjacent != 1 || w + (int)len - 1 == cur)) {
                    found = w;
                    break;
                }
                if (adjacent == 1 && w < cur - 8)
                    break;
            }
            if (found < 0)
                return 0;
            matched_words += (int)elem_at(c, e, (uint32_t)found);
            cur = found - 1;
            prev_tok = (int)c->wfirst[found];
        } else if (e->kind == VG_PETR_ELEM_SOURCE || e->kind == VG_PETR_ELEM_TARGET) {
            mentions *m = e->kind == VG_PETR_ELEM_SOURCE ? &b->source : &b->target;
            m->n = 0;
            int next = mentions_at(c, cur, 1, 0, -1, m);
            if (next < -1 || !m->n)
                return 0;
            *(e->kind == VG_PETR_ELEM_SOURCE ? &b->has_source : &b->has_target) = 1;
            cur = next;
            prev_tok = -1;
        }
    }
    /* how specific the match is: the words it matched (a three-word synset member counts three),
     * then the actors it places */
    return 1 + 4 * matched_words + roles;
}

/* Marks the verb's domain: its subtree without coordinated or adverbial clauses and
 * without other sentences run in (parataxis). */
/* An infinitive ("to wage war") that the parser attached as an adverbial clause: read as the
 * complement it usually is. */
static int infinitive(const ctx *c, uint32_t t)
{
    for (uint32_t u = 0; u < c->n && u < t; u++)
        if (head_of(c, u) == (int)t && dep_is(c, u, "mark") && !strcmp(c->word[c->word_of[u]], "TO"))
            return 1;
    return 0;
}

static int complement(const ctx *c, uint32_t t)
{
    return dep_is(c, t, "xcomp") || (dep_starts(c, t, "advcl") && infinitive(c, t));
}

/* Marks the verb's domain in out: its subtree without coordinated verbs, adverbial clauses,
 * other sentences run in (parataxis) and its subject; for pattern words (words_only 1) also
 * without complement clauses that have their own subject ("allowed that Mordor ...") and
 * relative clauses; with words_only 2, with the adverbial clauses. */
static void mark_domain(ctx *c, uint32_t v, int depth, uint8_t *out, int words_only)
{
    out[v] = 1;
    if (depth > 60)
        return;
    for (uint32_t t = 0; t < c->n; t++) {
        if (head_of(c, t) != (int)v)
            continue;
        if (dep_is(c, t, "parataxis") || (dep_starts(c, t, "advcl") && !complement(c, t) && words_only != 2) ||
            dep_starts(c, t, "csubj") || dep_is(c, t, "list") || dep_is(c, t, "reparandum") ||
            dep_is(c, t, "discourse") || (dep_is(c, t, "conj") && depth == 0) ||
            (dep_starts(c, t, "nsubj") && depth == 0))
            continue;
        if (words_only == 1 && (dep_is(c, t, "ccomp") || dep_is(c, t, "acl:relcl")))
            continue;
        mark_domain(c, t, depth + 1, out, words_only);
    }
}

static int is_pronoun(const ctx *c, uint32_t t) { return upos(c, t) == VG_UPOS_PRON; }

/* The subject of v (its own, or the one it shares as an xcomp or a conjunct), with whether
 * v is passive. -1 when none. */
static int subject_of(const ctx *c, uint32_t v, int *passive, int depth)
{
    /* the subject nearest the verb: with two (a name the parser split), the first joins it */
    int found = -1;
    for (uint32_t t = 0; t < c->n; t++)
        if (head_of(c, t) == (int)v && dep_starts(c, t, "nsubj") && (found < 0 || t < v))
            found = (int)t;
    if (found >= 0) {
        uint32_t t = (uint32_t)found;
        /* passive: so labelled, or a passive auxiliary the subject's label disagrees with */
        *passive = dep_is(c, t, "nsubj:pass");
        for (uint32_t u = 0; u < c->n && !*passive; u++)
            *passive = head_of(c, u) == (int)v && dep_is(c, u, "aux:pass");
        /* a relative pronoun stands for the noun the clause modifies */
        if (is_pronoun(c, t) && dep_is(c, v, "acl:relcl") && head_of(c, v) >= 0)
            return head_of(c, v);
        return (int)t;
    }
    int h = head_of(c, v);
    if (h >= 0 && depth < 8 && (complement(c, v) || dep_is(c, v, "conj"))) {
        int s = subject_of(c, (uint32_t)h, passive, depth + 1);
        if (complement(c, v)) /* "Gollum was seen to break into": Gollum breaks */
            *passive = 0;
        return s;
    }
    return -1;
}

/* No subject in the tree (a verb the parser hung somewhere odd): the subject of the nearest
 * clause above it. */
static int subject_above(const ctx *c, uint32_t v)
{
    /* clauses of their own (adverbial, complement, relative) do not share the subject above */
    if (dep_starts(c, v, "advcl") || dep_is(c, v, "ccomp") || dep_starts(c, v, "acl") || dep_is(c, v, "parataxis") ||
        dep_starts(c, v, "csubj"))
        return -1;
    int h = head_of(c, v);
    for (int guard = 0; h >= 0 && guard < 16; guard++, h = head_of(c, (uint32_t)h)) {
        int passive = 0;
        int s = subject_of(c, (uint32_t)h, &passive, 1);
        if (s >= 0)
            return passive ? -1 : s;
    }
    return -1;
}

/* The agent of a passive: "by X". */
static int passive_agent(const ctx *c, uint32_t v)
{
    for (uint32_t t = 0; t < c->n; t++) {
        if (head_of(c, t) != (int)v)
            continue;
        if (dep_is(c, t, "obl:agent"))
            return (int)t;
        if (dep_is(c, t, "obl"))
            for (uint32_t u = 0; u < c->n; u++)
                if (head_of(c, u) == (int)t && dep_is(c, u, "case") && !strcmp(c->word[c->word_of[u]], "BY"))
                    return (int)t;
    }
    return -1;
}

/* A pronoun subject takes the subject of the clause it is embedded in ("Ethiopia indicated it
 * would act"). */
static int resolve_pronoun(const ctx *c, uint32_t v, int depth)
{
    int h = head_of(c, v);
    while (h >= 0 && depth++ < 8) {
        int passive = 0;
        int s = subject_of(c, (uint32_t)h, &passive, 0);
        if (s >= 0 && !is_pronoun(c, (uint32_t)s) && !passive)
            return s;
        h = head_of(c, (uint32_t)h);
    }
    return -1;
}

static int is_verb_token(const ctx *c, uint32_t t)
{
    const vg_token *tok = &c->s->tokens[t];
    if (tok->upos == VG_UPOS_VERB)
        return 1;
    const char *x = tok->xpos < vg_xpos_count ? vg_xpos_names[tok->xpos] : "";
    return x[0] == 'V' && x[1] == 'B' && tok->upos != VG_UPOS_AUX;
}

typedef struct verb_hit {
    const vg_petr_verb *verbs[16];
    int n;
    uint32_t first, last;        /* words */
    uint32_t words;
} verb_hit;

struct hit_ctx { ctx *c; uint32_t w; verb_hit *hit; };

static int collect_verb(void *arg, const vg_petr_phrase *phrase)
{
    struct hit_ctx *h = arg;
    const vg_petr_verb *v = &h->c->k->verbs->verbs[phrase->value];
    ctx *c = h->c;
    if (v->n_before > h->w || h->w + v->n_after >= c->nw)
        return 0;
    for (uint32_t i = 0; i < v->n_before; i++)
        if (strcmp(c->word[h->w - v->n_before + i], v->before[i]))
            return 0;
    for (uint32_t i = 0; i < v->n_after; i++)
        if (strcmp(c->word[h->w + 1 + i], v->after[i]))
            return 0;
    uint32_t words = 1 + v->n_before + v->n_after;
    if (words > h->hit->words) {
        h->hit->n = 0;
        h->hit->words = words;
        h->hit->first = h->w - v->n_before;
        h->hit->last = h->w + v->n_after;
    }
    if (words == h->hit->words && h->hit->n < 16) {
        for (int i = 0; i < h->hit->n; i++)
            if (h->hit->verbs[i]->block == v->block)
                return 0;
        h->hit->verbs[h->hit->n++] = v;
    }
    return 0;
}

/* Whether token a is below token b through complement clauses (b's event is about a's). */
static int embedded_in(const ctx *c, uint32_t a, uint32_t b)
{
    for (int guard = 0; guard < 64; guard++) {
        int h = head_of(c, a);
        if (h < 0)
            return 0;
        if (!(dep_is(c, a, "ccomp") || dep_is(c, a, "xcomp") || dep_is(c, a, "conj") || dep_is(c, a, "obj") ||
              dep_is(c, a, "nsubj") || dep_is(c, a, "mark")))
            return 0;
        if (!dep_is(c, a, "conj") && h == (int)b)
            return 1;
        a = (uint32_t)h;
    }
    return 0;
}

static int add_found(ctx *c, vg_petr_found **found, size_t *n, size_t *cap, const vg_petr_found *f)
{
    for (size_t i = 0; i < *n; i++) {
        const vg_petr_found *g = &(*found)[i];
        if (!strcmp(g->code, f->code) && !strcmp(g->source ? g->source : "", f->source ? f->source : "") &&
            !strcmp(g->target ? g->target : "", f->target ? f->target : ""))
            return 0;
    }
    if (*n == *cap) {
        size_t new_cap = *cap ? *cap * 2 : 16;
        vg_petr_found *grown = vg_arena_alloc(c->arena, new_cap * sizeof *grown);
        if (!grown)
            return VG_ENOMEM;
        if (*n)
            memcpy(grown, *found, *n * sizeof *grown);
        *found = grown;
        *cap = new_cap;
    }
    (*found)[(*n)++] = *f;
    return 0;
}

static const char *mention_text(ctx *c, uint32_t h)
{
    memset(c->mark, 0, c->n);
    mark_local(c, h, 0);
    uint32_t lo = h, hi = h;
    for (uint32_t t = 0; t < c->n; t++)
        if (c->mark[t]) {
            lo = t < lo ? t : lo;
            hi = t > hi ? t : hi;
        }
    const vg_sentence *s = c->s;
    if (s->tokens[hi].end > s->tokens[lo].start && s->tokens[lo].start >= s->start && s->tokens[hi].end <= s->end)
        return vg_arena_strndup(c->arena, s->text + (s->tokens[lo].start - s->start),
                                s->tokens[hi].end - s->tokens[lo].start);
    return s->tokens[h].form;
}

/* Whether t is in the subtree of root. */
static int below(const ctx *c, uint32_t t, uint32_t root)
{
    for (int guard = 0; guard < 64; guard++) {
        if (t == root)
            return 1;
        int h = head_of(c, t);
        if (h < 0)
            return 0;
        t = (uint32_t)h;
    }
    return 0;
}

/* A past or present tense verb (VBD, VBZ, VBP): a clause of its own. */
static int finite(const ctx *c, uint32_t t)
{
    const vg_token *tok = &c->s->tokens[t];
    const char *x = tok->xpos < vg_xpos_count ? vg_xpos_names[tok->xpos] : "";
    return !strcmp(x, "VBD") || !strcmp(x, "VBZ") || !strcmp(x, "VBP");
}

/* Whether the verb itself is negated: "not", "n't", "never" on it (not on a verb above it:
 * in "won't try to clash" only trying is negated). */
static int negated(const ctx *c, uint32_t v)
{
    for (uint32_t t = 0; t < c->n; t++) {
        if (head_of(c, t) != (int)v || !dep_is(c, t, "advmod"))
            continue;
        const char *w = c->word[c->word_of[t]];
        if (!strcmp(w, "NOT") || !strcmp(w, "N'T") || !strcmp(w, "NEVER"))
            return 1;
    }
    return 0;
}

/* Codes one verb token; appends to found. */
static int code_verb(ctx *c, uint32_t v, vg_petr_found **found, size_t *n_found, size_t *cap)
{
    uint32_t w = c->word_of[v];
    verb_hit hit = {.n = 0, .words = 0};
    struct hit_ctx hc = {c, w, &hit};
    vg_petr_index_each(&c->k->verbs->forms, c->word, c->nw, w, collect_verb, &hc);
    if (!hit.n)
        return 0;
    memset(c->domain, 0, c->n);
    mark_domain(c, v, 0, c->domain, 0);
    memset(c->word_domain, 0, c->n);
    mark_domain(c, v, 0, c->word_domain, 1);
    int passive = 0;
    int subject = subject_of(c, v, &passive, 0);
    if (subject < 0)
        subject = subject_above(c, v);
    /* a verb the parser made a modifier of the noun after it ("Ethiopia has broken relations",
     * "Russian police arrested Russian students"): that noun is what it acts on */
    int head = head_of(c, v);
    int modifier = head > (int)v && (dep_is(c, v, "amod") || dep_is(c, v, "compound"));
    if (modifier)
        for (uint32_t t = v + 1; t < c->n; t++)
            if (below(c, t, (uint32_t)head))
                c->domain[t] = c->word_domain[t] = 1;
    /* still no subject, for a finite verb or such a modifier: the nearest name before it */
    if (subject < 0 && (modifier || finite(c, v)))
        for (int t = (int)v - 1; t >= 0 && subject < 0; t--)
            if (c->match_at[c->word_of[t]] >= 0 && c->wfirst[c->word_of[t]] == (uint32_t)t && !below(c, (uint32_t)t, v))
                subject = t;
    /* words before the verb are matched in the subject's phrase and the verb's auxiliaries and
     * negation ("- % HAVE * [191]", "- &NEGATVAUXVRB *"), not in adverbs or other clauses */
    memset(c->subject_np, 0, c->n);
    if (subject >= 0) {
        mark_phrase(c, (uint32_t)subject);
        memcpy(c->subject_np, c->mark, c->n);
    }
    for (uint32_t t = 0; t < v; t++)
        if (head_of(c, t) == (int)v &&
            (dep_starts(c, t, "aux") || (dep_is(c, t, "advmod") && c->s->tokens[t].lemma &&
                                         (!strcmp(c->s->tokens[t].lemma, "not") || !strcmp(c->s->tokens[t].lemma, "never")))))
            c->subject_np[t] = 1;
    mentions subject_mentions = {.n = 0};
    if (subject >= 0)
        np_list(c, (uint32_t)subject, &subject_mentions, 0);
    /* the most specific pattern of any block the verb belongs to */
    const vg_petr_pattern *best = NULL;
    const vg_petr_verb *best_verb = hit.verbs[hit.n - 1];
    binding bind, best_bind;
    memset(&best_bind, 0, sizeof best_bind);
    int best_score = 0;
    for (int i = 0; i < hit.n; i++) {
        const vg_petr_block *b = &c->k->verbs->blocks[hit.verbs[i]->block];
        for (uint32_t k = 0; k < b->n_patterns; k++) {
            const vg_petr_pattern *p = &c->k->verbs->patterns[b->first_pattern + k];
            if ((p->compound && subject_mentions.n < 2) || !pattern_possible(c, p))
                continue;
            int score = pattern_matches(c, p, hit.first, hit.last, &bind);
            if (score > best_score) {
                best_score = score;
                best = p;
                best_verb = hit.verbs[i];
                best_bind = bind;
            }
        }
    }
    vg_petr_codes negated_codes;
    const vg_petr_codes *codes = best ? &best->codes : &best_verb->codes;
    if (!codes->code[0] && !codes->code2[0])
        return 0;
    /* "didn't clash": the ontology says what a negated code means (not disapproving is 050) */
    if (c->k->pico && negated(c, v)) {
        negated_codes = *codes;
        int changed = 0;
        if (codes->code[0])
            changed |= vg_petr_pico_negate(c->k->pico, codes->code, negated_codes.code);
        if (codes->code2[0])
            changed |= vg_petr_pico_negate(c->k->pico, codes->code2, negated_codes.code2);
        if (changed)
            codes = &negated_codes;
    }
    /* the source: bound by the pattern, else the subject (the agent of a passive) */
    mentions sources = {.n = 0}, targets = {.n = 0};
    int source_token = -1, target_token = -1;
    if (best_bind.has_source) {
        sources = best_bind.source;
    } else if (subject >= 0 && !passive) {
        int st = subject;
        if (is_pronoun(c, (uint32_t)subject) && !subject_mentions.n)
            st = resolve_pronoun(c, v, 0);
        if (st >= 0)
            np_list(c, (uint32_t)st, &sources, 0);
        source_token = st;
        /* a list the parser split into several subjects ("Mordor, Rohan, Arnor and Bree") */
        for (uint32_t t = 0; t < c->n && st == subject; t++)
            if ((int)t != st && head_of(c, t) == (int)v && dep_is(c, t, "nsubj") && !c->subject_np[t])
                np_list(c, t, &sources, 0);
    } else if (passive) {
        int agent = passive_agent(c, v);
        if (agent >= 0)
            np_list(c, (uint32_t)agent, &sources, 0);
        source_token = agent;
        if (subject >= 0) {
            np_list(c, (uint32_t)subject, &targets, 0);
            target_token = subject;
        }
        /* "X was shot in Y": PETRARCH takes the first actor after the verb; not when the verb
         * has a complement ("Gollum was seen to break into ..."), whose event it is */
        int has_complement = 0;
        for (uint32_t t = 0; t < c->n; t++)
            has_complement |= head_of(c, t) == (int)v && (complement(c, t) || dep_is(c, t, "ccomp")) &&
                              upos(c, t) == VG_UPOS_VERB;
        if (agent < 0 && !has_complement)
            mentions_at(c, (int)hit.last + 1, 0, 1, target_token, &sources);
    }
    if (best_bind.has_target) {
        targets = best_bind.target;
    } else if (!targets.n) {
        int avoid = source_token >= 0 ? (int)np_head(c, (uint32_t)source_token) : -1;
        if (modifier) { /* the source is inside the noun phrase the verb modifies */
            c->min_token = v + 1;
            avoid = source_token;
        }
        if (mentions_at(c, (int)hit.last + 1, 0, 1, avoid, &targets) < 0) {
            /* none in the verb's phrase: look in its adverbial clauses too ("begun to question
             * whether he has a future with the Morgul Orcs") */
            mark_domain(c, v, 0, c->domain, 2);
            mentions_at(c, (int)hit.last + 1, 0, 1, avoid, &targets);
        }
    }
    c->min_token = 0;
    vg_petr_found f;
    memset(&f, 0, sizeof f);
    f.verb_token = v;
    f.pattern = best;
    f.verb = best_verb;
    int rc = 0;
    if (best && best->compound) { /* "%": the members of the compound act on each other */
        for (int i = 0; i < sources.n && !rc; i++)
            for (int j = 0; j < sources.n && !rc; j++) {
                if (i == j)
                    continue;
                f.source = compose(c, &sources.m[i]);
                f.target = compose(c, &sources.m[j]);
                if (!f.source || !f.target)
                    return VG_ENOMEM;
                f.source_token = sources.m[i].token;
                f.target_token = sources.m[j].token;
                if (strcmp(f.source, f.target) && codes->code[0]) {
                    snprintf(f.code, sizeof f.code, "%s", codes->code);
                    rc = add_found(c, found, n_found, cap, &f);
                }
            }
        return rc;
    }
    /* require_dyad off: an event with only a source (or only a target) is kept */
    if (!c->k->require_dyad && (sources.n == 0) != (targets.n == 0) && codes->code[0]) {
        const mentions *side = sources.n ? &sources : &targets;
        for (int i = 0; i < side->n && !rc; i++) {
            const char *code = compose(c, &side->m[i]);
            if (!code)
                return VG_ENOMEM;
            f.source = sources.n ? code : NULL;
            f.target = sources.n ? NULL : code;
            f.source_token = f.target_token = side->m[i].token;
            *(sources.n ? &f.source_text : &f.target_text) = mention_text(c, side->m[i].token);
            snprintf(f.code, sizeof f.code, "%s", codes->code);
            rc = add_found(c, found, n_found, cap, &f);
        }
        return rc;
    }
    for (int i = 0; i < sources.n && !rc; i++)
        for (int j = 0; j < targets.n && !rc; j++) {
            const char *src = compose(c, &sources.m[i]), *tgt = compose(c, &targets.m[j]);
            if (!src || !tgt)
                return VG_ENOMEM;
            if (!strcmp(src, tgt))
                continue;
            f.source_token = sources.m[i].token;
            f.target_token = targets.m[j].token;
            f.source_text = mention_text(c, f.source_token);
            f.target_text = mention_text(c, f.target_token);
            if (codes->code[0]) {
                f.source = src;
                f.target = tgt;
                snprintf(f.code, sizeof f.code, "%s", codes->code);
                rc = add_found(c, found, n_found, cap, &f);
            }
            if (!rc && codes->code2[0]) {
                vg_petr_found g = f;
                g.source = tgt;
                g.target = src;
                g.source_token = f.target_token;
                g.target_token = f.source_token;
                g.source_text = f.target_text;
                g.target_text = f.source_text;
                snprintf(g.code, sizeof g.code, "%s", codes->code2);
                rc = add_found(c, found, n_found, cap, &g);
            }
        }
    return rc;
}

int vg_petr_match_sentence(const vg_petr_knowledge *k, const vg_sentence *s, int32_t date, vg_arena *arena,
                           vg_petr_found **found, size_t *n_found)
{
    *found = NULL;
    *n_found = 0;
    if (!s->n_tokens)
        return 0;
    if (k->discards && s->text && vg_petr_discards_find(k->discards, s->text))
        return 0;
    ctx c = {.k = k, .s = s, .date = date, .arena = arena, .n = s->n_tokens};
    if (vg_tree_build(&c.tree, s, arena))
        return VG_ENOMEM;
    int rc = build_words(&c);
    if (!rc)
        rc = find_matches(&c);
    if (rc)
        return rc;
    vg_petr_found *all = NULL;
    size_t n_all = 0, cap = 0;
    for (uint32_t t = 0; t < c.n && !rc; t++)
        if (is_verb_token(&c, t) && c.wfirst[c.word_of[t]] == t)
            rc = code_verb(&c, t, &all, &n_all, &cap);
    if (rc)
        return rc;
    /* an event inside the complement of another verb's event is that event's content
     * ("X noted that Y regretted Z"): PETRARCH keeps the outer event only */
    size_t kept = 0;
    for (size_t i = 0; i < n_all; i++) {
        int inner = 0;
        for (size_t j = 0; j < n_all && !inner; j++)
            inner = all[j].verb_token != all[i].verb_token && embedded_in(&c, all[i].verb_token, all[j].verb_token);
        if (!inner)
            all[kept++] = all[i];
    }
    *found = all;
    *n_found = kept;
    return 0;
}
