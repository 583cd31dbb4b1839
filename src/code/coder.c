/* The event coder (coder.h). For each sentence:
 *   1. every token is matched against the lexicon: an event, a mode marker, an attribution;
 *   2. the speakers of the sentence are found first (they are who "we" is in a quote), then
 *      every noun phrase is resolved in sentence order, so pronouns see what came before;
 *   3. each event head walks up the tree: mode markers it is the content of (the outermost
 *      decides: "thwarted a plot to kill" is thwarted), the accusation or denial it is the
 *      content of (stance, and the accused as its source), the reporting verb or "according
 *      to" that attributes it; its source, when the head has none, comes from the chain
 *      (a mode marker's subject, a control verb's subject, a relative clause's noun);
 *   4. one record per source and target pair is kept when at least one side is known.
 * docs/internals/coder.md explains the choices. */
#include "code/coder.h"
#include <stdio.h>
#include <string.h>
#include "code/mention.h"
#include "code/tree.h"
#include "code/sides.h"
#include "code/when.h"
#include "text/tagset.h"
#include "util/alloc.h"
#include "util/limits.h"

#define MAX_SIDE 6            /* actors on one side of an event ("U.S. and Israeli officials") */
#define MAX_CHAIN 24          /* tokens walked up from an event head */

struct vg_coder {
    const vg_dict *dict;
    const vg_cameo *cameo;
    const vg_patterns *patterns;
    const vg_wordclasses *words;
    const vg_cameo_code *accuse;          /* 112: the speakers of an allegation accuse its source */
    const vg_cameo_code *unspecified_assault; /* 180: a plot with a target but no act named */
};

struct vg_coding {
    const vg_coder *coder;
    int32_t pubdate;
    unsigned flags;           /* VG_CODE_* */
    vg_arena *arena;
    vg_memory *memory;
    vg_event *events;         /* vg_malloc'd, grown by doubling */
    size_t n_events, cap;
    const vg_actor *last_speaker; /* a quote's speaker stays the speaker of the next sentences */
    const char *home;             /* the dateline's country, or NULL */
};

/* The lexicon entries a token carries. */
typedef struct marks {
    const vg_pattern *event, *mode, *attribution;
    int32_t covered_by;       /* the head of a multi-word event pattern this token is a word of, or -1 */
} marks;


/* One sentence being coded. */
typedef struct sentence_ctx {
    vg_coding *coding;
    const vg_coder *coder;
    vg_tree tree;
    vg_mentions mentions;
    marks *marks;
    uint32_t index;
    /* Resolved actors per token, filled in sentence order before any event is coded. */
    vg_actor **actors;
    uint8_t *n_actors;
    uint8_t *resolved;
} sentence_ctx;

/* Whether lemma is in word class c (data/events/wordclasses.txt). */
static int is_word(const sentence_ctx *sc, vg_wordclass c, const char *lemma)
{
    return vg_words_in(sc->coder->words, c, lemma);
}

const char *vg_stance_name(vg_stance stance)
{
    static const char *const names[] = { "asserted", "alleged", "denied" };
    return (unsigned)stance < 3 ? names[stance] : NULL;
}

const char *vg_date_precision_name(vg_date_precision p)
{
    static const char *const names[] = { "none", "publication", "day", "month", "part_of_year", "year",
                                         "approximate" };
    return (unsigned)p < sizeof names / sizeof *names ? names[p] : NULL;
}

int vg_coder_open(vg_coder **out, const vg_dict *actors, const vg_cameo *cameo,
                  const vg_patterns *patterns, const vg_wordclasses *words, vg_error *err)
{
    *out = NULL;
    vg_coder *c = vg_calloc(1, sizeof *c);
    if (!c)
        return vg_error_set(err, VG_ENOMEM, "coder: out of memory");
    c->dict = actors;
    c->cameo = cameo;
    c->patterns = patterns;
    c->words = words;
    c->accuse = vg_cameo_find(cameo, "112");
    c->unspecified_assault = vg_cameo_find(cameo, "180");
    if (!c->accuse || !c->unspecified_assault) {
        vg_free(c);
        return vg_error_set(err, VG_EINVAL, "coder: the codebook lacks code 112 or 180, which the coder uses");
    }
    *out = c;
    return 0;
}

void vg_coder_free(vg_coder *coder) { vg_free(coder); }

int vg_coding_begin(vg_coding **out, const vg_coder *coder, int32_t pubdate, unsigned flags, vg_arena *arena)
{
    *out = NULL;
    vg_coding *c = vg_arena_alloc(arena, sizeof *c);
    if (!c)
        return VG_ENOMEM;
    c->coder = coder;
    c->pubdate = pubdate;
    c->flags = flags;
    c->arena = arena;
    c->memory = vg_memory_new(arena);
    if (!c->memory)
        return VG_ENOMEM;
    *out = c;
    return 0;
}

/* The country one comma-separated part of a dateline names ("NEW YORK", "Germany"): its words
 * title-cased and looked up as a country or a capital. NULL when it names none. */
static const char *dateline_country(const vg_coding *c, const char **s)
{
    const char *words[8];
    char buf[128];
    size_t n = 0, at = 0;
    while (**s && n < 8 && at < sizeof buf - 1) {
        while (**s == ' ')
            (*s)++;
        if (!**s || **s == '(' || **s == ',' || (unsigned char)**s == 0xE2 || **s == '-')
            break;
        words[n++] = buf + at;
        int first = 1;
        while (**s && **s != ' ' && **s != '(' && **s != ',' && at < sizeof buf - 1) {
            char ch = *(*s)++;
            if (!first && ch >= 'A' && ch <= 'Z')
                ch = (char)(ch - 'A' + 'a');
            buf[at++] = ch;
            first = 0;
        }
        buf[at++] = '\0';
    }
    vg_dict_match m;
    if (n && vg_dict_match_words(c->coder->dict, words, n, 0, &m) == n && m.n_hits) {
        const vg_dict_hit *h = &m.hits[0];
        if ((h->entry->kind == VG_DICT_COUNTRY || h->how == VG_DICT_BY_CAPITAL) && h->code && strlen(h->code) >= 3)
            return h->code;
    }
    return NULL;
}

void vg_coding_set_dateline(vg_coding *c, const char *dateline)
{
    c->home = NULL;
    if (!dateline)
        return;
    /* "NEW YORK (AP)", "KARLSRUHE, Germany (AP)": the city, else the country after a comma. */
    const char *s = dateline;
    for (int part = 0; part < 3 && *s && !c->home; part++) {
        const char *code = dateline_country(c, &s);
        if (code)
            c->home = vg_arena_strndup(c->arena, code, 3);
        if (*s != ',')
            break;
        s++;
    }
}

const vg_event *vg_coding_events(const vg_coding *coding, size_t *n)
{
    *n = coding->n_events;
    return coding->events;
}

void vg_coding_end(vg_coding *coding)
{
    if (coding)
        vg_free(coding->events);
}

/* ---- matching the lexicon on the tree ---------------------------------------------------- */

static int pos_fits(const vg_tree *t, uint32_t i, vg_pattern_pos pos)
{
    uint8_t u = t->s->tokens[i].upos;
    switch (pos) {
    case VG_PATTERN_VERB: return u == VG_UPOS_VERB;
    case VG_PATTERN_NOUN: return u == VG_UPOS_NOUN || u == VG_UPOS_PROPN;
    case VG_PATTERN_ADJ: return u == VG_UPOS_ADJ || u == VG_UPOS_VERB;
    case VG_PATTERN_ADP: return 0;   /* matched on forms by attribution_by_phrase */
    }
    return 0;
}

/* Whether token k lies within depth levels below i. */
/* How many levels below i token k is (1 for a child), or 0 when it is not within depth. */
static int below(const vg_tree *t, uint32_t i, uint32_t k, unsigned depth)
{
    int cur = (int)k;
    for (unsigned d = 0; d <= depth && cur >= 0; d++) {
        if ((uint32_t)cur == i)
            return (int)d;
        cur = vg_tree_head(t, (uint32_t)cur);
    }
    return 0;
}

/* Whether every word of p other than its head is found near head i, in the pattern's order:
 * words after the head among i's descendants (three levels), words before it among the
 * descendants or the head's own governor ("assassination ^attempt": the compound). Returns the
 * number of words matched (p->n_words) or 0. */
/* Whether token k is the preposition of a time ("on Monday", "in 2019"): "called the minister
 * on Monday" is no "call on". */
static int marks_time(const vg_tree *t, uint32_t k)
{
    int h = vg_tree_head(t, k);
    return h >= 0 && !strcmp(vg_tree_deprel(t, k), "case") && vg_when_is_temporal(t, (uint32_t)h);
}

static uint32_t pattern_fits(const vg_tree *t, uint32_t i, const vg_pattern *p, uint32_t *where)
{
    if (strcmp(t->lower[i], p->words[p->head]) || !pos_fits(t, i, p->pos))
        return 0;
    where[p->head] = i;
    int last = (int)i;
    for (uint32_t w = p->head + 1; w < p->n_words; w++) {
        int found = -1;
        for (uint32_t k = (uint32_t)last + 1; k < t->n && found < 0; k++)
            if (!strcmp(t->lower[k], p->words[w]) && below(t, i, k, 3) && !marks_time(t, k))
                found = (int)k;
        if (found < 0)
            return 0;
        last = found;
        where[w] = (uint32_t)found;
    }
    int first = (int)i;
    for (uint32_t w = p->head; w-- > 0;) {
        int found = -1;
        for (int k = first - 1; k >= 0 && found < 0; k--)
            if (!strcmp(t->lower[k], p->words[w]) &&
                (below(t, i, (uint32_t)k, 3) || vg_tree_head(t, i) == k))
                found = k;
        if (found < 0)
            return 0;
        first = found;
        where[w] = (uint32_t)found;
    }
    return p->n_words;
}

static int has_role_child(const vg_tree *t, uint32_t i, const vg_pattern_roles *roles)
{
    for (uint32_t r = 0; r < roles->n; r++)
        if (vg_tree_find_child(t, i, roles->rels[r]) >= 0)
            return 1;
    return 0;
}

/* The lemmatizer's suffix rules miss some unseen forms ("blamed" -> "blam"). When a verb's or
 * noun's lemma heads no pattern, the regular ways back from its form are tried, and the first
 * that heads one is taken: the lexicon knows which verbs exist. */
static void lemma_by_lexicon(const vg_coder *c, vg_tree *t, uint32_t i, vg_arena *arena)
{
    uint8_t u = t->s->tokens[i].upos;
    size_t n;
    if ((u != VG_UPOS_VERB && u != VG_UPOS_NOUN) || vg_patterns_by_head(c->patterns, t->lower[i], &n))
        return;
    const char *f = t->lower_form[i];
    size_t len = strlen(f);
    char cand[8][64];
    int k = 0;
#define ENDS(s) (len > strlen(s) + 1 && !strcmp(f + len - strlen(s), s))
#define CUT(m, add) (snprintf(cand[k], sizeof cand[k], "%.*s%s", (int)(len - (m)), f, add), k++)
    if (len >= sizeof cand[0] - 4)
        return;
    if (ENDS("ied") || ENDS("ies"))
        CUT(3, "y");
    if (ENDS("ed")) {
        CUT(1, "");
        CUT(2, "");
        if (len > 4 && f[len - 3] == f[len - 4])
            CUT(3, "");
    }
    if (ENDS("ing")) {
        CUT(3, "");
        CUT(3, "e");
        if (len > 5 && f[len - 4] == f[len - 5])
            CUT(4, "");
    }
    if (ENDS("es"))
        CUT(2, "");
    if (ENDS("s"))
        CUT(1, "");
#undef ENDS
#undef CUT
    for (int j = 0; j < k; j++)
        if (vg_patterns_by_head(c->patterns, cand[j], &n)) {
            const char *kept = vg_arena_strndup(arena, cand[j], strlen(cand[j]));
            if (kept)
                t->lower[i] = kept;
            return;
        }
}

/* The best entry of each kind at token i: the most words; then one whose target or content
 * relation is present (so "charge" with "against" picks the legal charge); then file order. */
/* How far the pattern's words lie from head i, summed (for ties between patterns of as many
 * words: "demanded the aides' release" is "demand release", its object, not "demand aid"). */
static int pattern_spread(const vg_tree *t, uint32_t i, const vg_pattern *p, const uint32_t *where)
{
    int spread = 0;
    for (uint32_t w = 0; w < p->n_words; w++)
        if (where[w] != i) {
            int d = below(t, i, where[w], 3);
            spread += d ? d : 1;
        }
    return spread;
}

static void mark_token(const vg_coder *c, const vg_tree *t, uint32_t i, marks *all)
{
    marks *m = &all[i];
    uint32_t where[VG_MAX_DICT_NAME_TOKENS + 1], event_where[VG_MAX_DICT_NAME_TOKENS + 1];
    size_t n;
    const vg_pattern *const *cands = vg_patterns_by_head(c->patterns, t->lower[i], &n);
    uint32_t best_len[4] = { 0 };
    int best_fit[4] = { 0 }, best_spread[4] = { 0 };
    for (size_t k = 0; k < n; k++) {
        const vg_pattern *p = cands[k];
        if (p->n_words > VG_MAX_DICT_NAME_TOKENS)
            continue;
        uint32_t len = pattern_fits(t, i, p, where);
        if (!len)
            continue;
        int fit = has_role_child(t, i, &p->target) + has_role_child(t, i, &p->content);
        int spread = pattern_spread(t, i, p, where);
        const vg_pattern **slot = p->kind == VG_PATTERN_EVENT ? &m->event
                                  : p->kind == VG_PATTERN_MODE ? &m->mode : &m->attribution;
        int kind = p->kind;
        if (!*slot || len > best_len[kind] || (len == best_len[kind] && spread < best_spread[kind]) ||
            (len == best_len[kind] && spread == best_spread[kind] && fit > best_fit[kind])) {
            *slot = p;
            best_len[kind] = len;
            best_fit[kind] = fit;
            best_spread[kind] = spread;
            if (p->kind == VG_PATTERN_EVENT)
                memcpy(event_where, where, p->n_words * sizeof *where);
        }
    }
    /* The other words of a multi-word event ("issue" + "threat") are not events of their own. */
    for (uint32_t w = 0; m->event && w < m->event->n_words; w++)
        if (event_where[w] != i)
            all[event_where[w]].covered_by = (int32_t)i;
}

/* ---- actors -------------------------------------------------------------------------------- */

static size_t actors_of(sentence_ctx *sc, uint32_t token, const vg_actor **out)
{
    if (!sc->resolved[token]) {
        vg_actor buf[MAX_SIDE];
        size_t n = vg_mention_actors(&sc->mentions, token, buf, MAX_SIDE);
        sc->resolved[token] = 1;
        if (n) {
            sc->actors[token] = vg_arena_alloc(sc->coding->arena, n * sizeof *buf);
            if (sc->actors[token]) {
                memcpy(sc->actors[token], buf, n * sizeof *buf);
                sc->n_actors[token] = (uint8_t)n;
            }
        }
    }
    *out = sc->actors[token];
    return sc->n_actors[token];
}

/* The actors in the relations roles of head i; rel_out (when not NULL) names the relation used. */
static size_t role_actors(sentence_ctx *sc, uint32_t i, const vg_pattern_roles *roles, const vg_actor **out,
                          const char **rel_out)
{
    const vg_tree *t = &sc->tree;
    /* "a cartel figure accused of plotting", "the diplomats expelled on Monday": a participle's
     * object is the noun it modifies. */
    int gov = vg_tree_head(t, i);
    if (gov >= 0 && !strcmp(vg_tree_deprel(t, i), "acl") && vg_tree_is_passive(t, i))
        for (uint32_t r = 0; r < roles->n; r++)
            if (!strcmp(roles->rels[r], "obj")) {
                size_t n = actors_of(sc, (uint32_t)gov, out);
                if (n) {
                    if (rel_out)
                        *rel_out = "the noun the participle modifies";
                    return n;
                }
            }
    for (uint32_t r = 0; r < roles->n; r++)
        for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
            uint32_t c = vg_tree_child(t, i, k);
            /* A time is no participant: "exchanged fire on Monday". */
            if (!vg_tree_rel_matches(t, c, roles->rels[r]) ||
                (!vg_tree_is_nominal(t, c) && t->s->tokens[c].upos != VG_UPOS_ADJ) || vg_when_is_temporal(t, c))
                continue;
            size_t n = actors_of(sc, c, out);
            if (n) {
                if (rel_out)
                    *rel_out = roles->rels[r];
                return n;
            }
        }
    return 0;
}

static int any_code(const vg_actor *a, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i].code)
            return 1;
    return 0;
}

/* ---- the walk from an event head up the tree ---------------------------------------------- */

typedef struct walk {
    vg_event_mode mode;
    int mode_marker;              /* the outermost mode marker, or -1 */
    int parent;                   /* token of the accusation or denial whose content this is */
    int attribution;              /* token of the reporting word, or -1 */
    const vg_actor *speakers;
    size_t n_speakers;
    int allege;                   /* the attribution keeps its distance (allege, claim) */
    int alleged_word;             /* "alleged", "allegedly", "suspected" on the chain */
    int negated;
    int future;                   /* "will", "shall" on the clause: an intent or a threat */
    const vg_actor *source;       /* inherited from the chain */
    size_t n_source;
    const char *source_how;
    const vg_actor *target;
    size_t n_target;
    uint32_t chain[MAX_CHAIN];    /* event head first */
    uint32_t n_chain;
} walk;

static int content_fits(const vg_tree *t, uint32_t child, const vg_pattern *p)
{
    for (uint32_t r = 0; r < p->content.n; r++)
        if (vg_tree_rel_matches(t, child, p->content.rels[r]))
            return 1;
    return 0;
}

/* The speakers of "according to X" or "citing X" among i's children. */
static size_t by_phrase_speakers(sentence_ctx *sc, uint32_t i, const vg_actor **out)
{
    const vg_tree *t = &sc->tree;
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        uint32_t c = vg_tree_child(t, i, k);
        const char *r = vg_tree_rel(t, c);
        if (!strcmp(r, "obl:according_to") || !strcmp(r, "nmod:according_to")) {
            size_t n = actors_of(sc, c, out);
            if (n)
                return n;
        }
        /* "From the perspective of Iran, X", "in Tehran's view", "in the eyes of Israel": the
         * holder of the view says so. */
        if ((!strcmp(r, "obl:from") || !strcmp(r, "obl:in")) && is_word(sc, VG_WORDS_VIEWPOINT, t->lower[c])) {
            int holder = vg_tree_find_child(t, c, "nmod:of");
            if (holder < 0)
                holder = vg_tree_find_child(t, c, "nmod:poss");
            size_t n = holder >= 0 ? actors_of(sc, (uint32_t)holder, out) : 0;
            if (n)
                return n;
        }
        if (!strncmp(r, "advcl", 5) && !strcmp(t->lower[c], "cite")) {
            int o = vg_tree_find_child(t, c, "obj");
            size_t n = o >= 0 ? actors_of(sc, (uint32_t)o, out) : 0;
            if (n)
                return n;
        }
    }
    return 0;
}

/* A reporting verb hanging off the clause: "X attacked Y, officials said" (parsed as
 * parataxis, or as a conjunct when the parser takes the comma for a coordination: a reporting
 * verb after the clause with a subject and nothing it reports of its own). */
static int parataxis_attribution(sentence_ctx *sc, uint32_t i)
{
    const vg_tree *t = &sc->tree;
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        uint32_t c = vg_tree_child(t, i, k);
        const char *d = vg_tree_deprel(t, c);
        int hangs = !strcmp(d, "parataxis") || !strcmp(d, "ccomp") || !strncmp(d, "advcl", 5) ||
                    (!strcmp(d, "conj") && c > i && vg_tree_find_child(t, c, "nsubj") >= 0 &&
                     vg_tree_find_child(t, c, "obj") < 0);
        if (hangs && sc->marks[c].attribution && sc->marks[c].attribution->pos == VG_PATTERN_VERB &&
            vg_tree_find_child(t, c, "ccomp") < 0)
            return (int)c;
    }
    return -1;
}

static void take_attribution(sentence_ctx *sc, walk *w, uint32_t token)
{
    w->attribution = (int)token;
    const vg_pattern *p = sc->marks[token].attribution;
    w->n_speakers = role_actors(sc, token, &p->source, &w->speakers, NULL);
    w->allege = p->attribution == VG_ATTRIBUTION_ALLEGE;
}

/* Whether verb v's object is "no evidence", "no sign", "no indication", "no proof". */
static int no_evidence(const sentence_ctx *sc, uint32_t v)
{
    const vg_tree *t = &sc->tree;
    int o = vg_tree_find_child(t, v, "obj");
    return o >= 0 && vg_tree_is_negated(t, (uint32_t)o) && is_word(sc, VG_WORDS_EVIDENCE, t->lower[o]);
}

/* A light verb's object noun carries the event while its subject does it: "announced
 * charges", "launched an attack", "issued a warning", "imposed sanctions". */
static int is_light_verb(const sentence_ctx *sc, const char *lemma)
{
    return is_word(sc, VG_WORDS_LIGHT_VERB, lemma);
}

static int has_future_aux(const vg_tree *t, uint32_t i)
{
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        uint32_t c = vg_tree_child(t, i, k);
        const char *w = t->lower_form[c];
        if (strcmp(vg_tree_deprel(t, c), "aux"))
            continue;
        if (!strcmp(w, "will") || !strcmp(w, "shall") || !strcmp(w, "'ll"))
            return 1;
        /* "said it would expel": the future of reported speech, not "would have" */
        if (!strcmp(w, "would") && vg_tree_find_child_lemma(t, i, "have") < 0)
            return 1;
    }
    return 0;
}

/* The accusation or legal action whose object is noun n, when n's clause introduced by marker
 * is its content misattached: "accused [Iran of plotting]", "charged [a man with planning]".
 * Returns the accusation's token, or -1. */
static int accused_of(sentence_ctx *sc, uint32_t n, const char *marker)
{
    const vg_tree *t = &sc->tree;
    int v = vg_tree_head(t, n);
    if (v < 0 || !vg_tree_rel_matches(t, n, "obj"))
        return -1;
    const vg_pattern *p = sc->marks[v].event;
    if (!p || !p->content.n)
        return -1;
    for (uint32_t r = 0; r < p->content.n; r++) {
        const char *c = strchr(p->content.rels[r], ':');
        if (c && (!strncmp(p->content.rels[r], "advcl", 5) || !strncmp(p->content.rels[r], "obl", 3)) &&
            !strcmp(c + 1, marker))
            return v;
    }
    return -1;
}

/* "announced charges against X for plotting": the content of the light verb's noun attached
 * to the verb. Returns the noun's token, or -1. */
static int light_parent(sentence_ctx *sc, uint32_t verb, uint32_t child)
{
    const vg_tree *t = &sc->tree;
    int o = vg_tree_find_child(t, verb, "obj");
    if (o < 0 || (uint32_t)o == child || !sc->marks[o].event || !sc->marks[o].event->content.n)
        return -1;
    const char *r = vg_tree_rel(t, child);
    const char *colon = strchr(r, ':');
    if (!colon)
        return -1;
    /* The noun's content relations name nmod/acl; on the verb the same phrase is obl/advcl. */
    const vg_pattern *p = sc->marks[o].event;
    for (uint32_t k = 0; k < p->content.n; k++) {
        const char *c = strchr(p->content.rels[k], ':');
        if (c && !strcmp(c, colon))
            return o;
    }
    return -1;
}

/* The subject of verb v, or of the verb that controls it ("continued to issue threats":
 * "issue" has the subject of "continued"; "urged them to raise": "them"). -1 when none. */
static int subject_of(const vg_tree *t, uint32_t v)
{
    for (unsigned steps = 0; steps < 8; steps++) {
        int s = vg_tree_find_child(t, v, "nsubj");
        if (s >= 0)
            return s;
        const char *rel = vg_tree_rel(t, v);
        int g = vg_tree_head(t, v);
        if (g < 0 || (strcmp(rel, "xcomp") && strcmp(rel, "conj")))
            return -1;
        if (!strcmp(rel, "xcomp") && (s = vg_tree_find_child(t, (uint32_t)g, "obj")) >= 0)
            return s;
        /* "demanded her release and summoned the ambassador" parsed with "summoned" conjoined
         * to the noun: the verb that governs the noun has the subject. */
        if (!strcmp(rel, "conj") && t->s->tokens[g].upos != VG_UPOS_VERB && vg_tree_head(t, (uint32_t)g) >= 0 &&
            t->s->tokens[vg_tree_head(t, (uint32_t)g)].upos == VG_UPOS_VERB)
            g = vg_tree_head(t, (uint32_t)g);
        v = (uint32_t)g;
    }
    return -1;
}

static void walk_up(sentence_ctx *sc, uint32_t head, walk *w)
{
    const vg_tree *t = &sc->tree;
    memset(w, 0, sizeof *w);
    w->mode_marker = w->parent = w->attribution = -1;
    uint32_t cur = head;
    int in_mode_chain = 1, passed_thwart = 0, tense_open = 1;
    w->chain[w->n_chain++] = head;
    for (unsigned steps = 0; steps < MAX_CHAIN - 1; steps++) {
        /* What the node itself carries. */
        for (uint32_t k = 0; k < vg_tree_n_children(t, cur); k++) {
            uint32_t c = vg_tree_child(t, cur, k);
            const char *d = vg_tree_deprel(t, c);
            if ((!strcmp(d, "amod") || !strcmp(d, "advmod")) && is_word(sc, VG_WORDS_HEDGE, t->lower_form[c]))
                w->alleged_word = 1;
        }
        if (in_mode_chain && vg_tree_is_negated(t, cur))
            w->negated = 1;
        /* The tense is that of the first verb up the chain ("will work in cooperation with"),
         * or of the verb controlling it, since an infinitive has none of its own ("will
         * continue to work in cooperation with"). */
        if ((in_mode_chain || tense_open) && has_future_aux(t, cur))
            w->future = 1;
        if (t->s->tokens[cur].upos == VG_UPOS_VERB && strcmp(vg_tree_deprel(t, cur), "xcomp"))
            tense_open = 0;
        if (w->attribution < 0 && !w->n_speakers) {
            const vg_actor *sp;
            size_t n = by_phrase_speakers(sc, cur, &sp);
            if (n) {
                w->speakers = sp;
                w->n_speakers = n;
            } else {
                int pa = parataxis_attribution(sc, cur);
                if (pa >= 0 && (uint32_t)pa != head)
                    take_attribution(sc, w, (uint32_t)pa);
            }
        }
        int g = vg_tree_head(t, cur);
        if (g < 0)
            break;
        const marks *gm = &sc->marks[g];
        const char *rel = vg_tree_rel(t, cur);
        /* "found no evidence that the building had been attacked" (the clause parsed on the verb):
         * what there is no evidence of did not happen, as far as the report goes. */
        if ((!strcmp(rel, "ccomp") && no_evidence(sc, (uint32_t)g)) ||
            (!strncmp(rel, "acl", 3) && is_word(sc, VG_WORDS_EVIDENCE, t->lower[g]) && vg_tree_is_negated(t, (uint32_t)g)))
            w->negated = 1;
        if (gm->mode && content_fits(t, cur, gm->mode) && in_mode_chain) {
            w->mode = gm->mode->mode;   /* the outer marker decides */
            w->mode_marker = g;
            passed_thwart |= gm->mode->mode == VG_MODE_THWARTED;
            if (!w->n_source && gm->mode->mode != VG_MODE_THWARTED) {
                const char *how = NULL;
                w->n_source = role_actors(sc, (uint32_t)g, &gm->mode->source, &w->source, &how);
                w->source_how = how;
            }
        } else if (gm->event && gm->event->content.n && content_fits(t, cur, gm->event)) {
            w->parent = g;
            break;
        } else if (!strncmp(rel, "acl:", 4) && (w->parent = accused_of(sc, (uint32_t)g, rel + 4)) >= 0) {
            /* "accused Iran of plotting", "charged a man with planning" parsed with the clause
             * on the object */
            break;
        } else if (is_light_verb(sc, t->lower[g]) && (w->parent = light_parent(sc, (uint32_t)g, cur)) >= 0) {
            break;
        } else if (gm->attribution && content_fits(t, cur, gm->attribution)) {
            take_attribution(sc, w, (uint32_t)g);
            break;
        } else if (!strcmp(rel, "xcomp") ||
                   (!strcmp(rel, "conj") && vg_tree_find_child(t, cur, "nsubj") < 0) ||
                   (!strcmp(rel, "acl") && t->s->tokens[cur].upos == VG_UPOS_VERB)) {
            /* Control and coordination of verbs sharing a subject: "sought to attack",
             * "arrested and charged". A conjunct with a subject of its own is a clause of its
             * own ("did not say who..., but officials blamed X": not negated). */
        } else {
            in_mode_chain = 0;
        }
        /* The subject of a governing verb acts, when the head has none of its own; with an
         * object, the object does ("urged them to raise", "ordered police to arrest"). Not past
         * a thwarting: who stopped a plot did not plot it. */
        int control = (!strcmp(rel, "xcomp") || !strcmp(rel, "conj")) && in_mode_chain && !passed_thwart;
        int light = cur == head && !strcmp(rel, "obj") && t->s->tokens[head].upos == VG_UPOS_NOUN &&
                    is_light_verb(sc, t->lower[g]);
        if (!w->n_source && (control || light)) {
            const vg_actor *a;
            int s = !strcmp(rel, "xcomp") ? vg_tree_find_child(t, (uint32_t)g, "obj") : -1;
            /* "demanded her release and summoned the ambassador" parsed with "summoned"
             * conjoined to the noun: the verb governing the noun has the subject. */
            int host = g;
            if (!strcmp(rel, "conj") && t->s->tokens[g].upos != VG_UPOS_VERB && vg_tree_head(t, (uint32_t)g) >= 0 &&
                t->s->tokens[vg_tree_head(t, (uint32_t)g)].upos == VG_UPOS_VERB)
                host = vg_tree_head(t, (uint32_t)g);
            if (s < 0)
                s = subject_of(t, (uint32_t)host);
            size_t n = s >= 0 ? actors_of(sc, (uint32_t)s, &a) : 0;
            if (n) {
                w->source = a;
                w->n_source = n;
                w->source_how = light ? "subject of the light verb"
                                : !strcmp(rel, "xcomp") ? "controller of the infinitive" : "shared subject";
            }
        }
        cur = (uint32_t)g;
        if (w->n_chain < MAX_CHAIN)
            w->chain[w->n_chain++] = cur;
    }
}

/* ---- records ------------------------------------------------------------------------------- */

/* CAMEO codes a threat to act as a threat (13x), not as the act: the threatened act's family
 * picks the threat's code. */
static const vg_cameo_code *threat_code(const vg_coder *c, const vg_cameo_code *act)
{
    const char *code = NULL;
    int root = (act->root[0] - '0') * 10 + (act->root[1] - '0');
    static const struct { const char *act, *threat; } exact[] = {
        { "161", "1313" }, { "162", "1311" }, { "163", "1312" }, { "1621", "1311" },
        { "180", "138" },     /* unspecified violence ("vowed revenge"): a threat of force */
    };
    for (size_t i = 0; i < sizeof exact / sizeof *exact; i++)
        if (!strcmp(act->code, exact[i].act)) {
            const vg_cameo_code *t = vg_cameo_find(c->cameo, exact[i].threat);
            return t ? t : act;
        }
    switch (root) {
    case 14: code = "133"; break;
    case 15: code = "138"; break;
    case 16: code = "131"; break;
    case 17: code = "137"; break;
    case 18: code = "1383"; break;
    case 19: code = "1384"; break;
    case 20: code = "1385"; break;
    default: return act;
    }
    const vg_cameo_code *t = vg_cameo_find(c->cameo, code);
    return t ? t : act;
}

/* CAMEO codes a stated intention to cooperate as 03x ("express intent to"), not as the
 * cooperation: the intended act picks the code. */
static const vg_cameo_code *intent_code(const vg_coder *c, const vg_cameo_code *act)
{
    static const struct { const char *act, *intent; } map[] = {
        { "04", "036" }, { "05", "032" }, { "06", "031" }, { "061", "0311" }, { "062", "0312" },
        { "063", "0313" }, { "064", "0314" }, { "07", "033" }, { "071", "0331" }, { "072", "0332" },
        { "073", "0333" }, { "074", "0334" }, { "08", "035" }, { "081", "0351" }, { "083", "034" },
    };
    const char *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < sizeof map / sizeof *map; i++) {
        size_t n = strlen(map[i].act);
        if (!strncmp(act->code, map[i].act, n) && n > best_len) {
            best = map[i].intent;
            best_len = n;
        }
    }
    const vg_cameo_code *t = best ? vg_cameo_find(c->cameo, best) : NULL;
    return t ? t : act;
}

/* The code an act gets in a mode. CAMEO's assassination codes: 186 only when the target died; a
 * planned, attempted or thwarted assassination or killing of someone is 185. */
static const vg_cameo_code *mode_code(const vg_coder *c, const vg_cameo_code *code, vg_event_mode mode)
{
    if (mode == VG_MODE_THREATENED)
        return threat_code(c, code);
    if (mode == VG_MODE_PLANNED && code->quad == VG_CAMEO_MATERIAL_COOPERATION)
        return intent_code(c, code);
    if (mode != VG_MODE_OCCURRED && (!strcmp(code->code, "186") || !strcmp(code->code, "1823"))) {
        const vg_cameo_code *a = vg_cameo_find(c->cameo, "185");
        return a ? a : code;
    }
    return code;
}

static int same_code(const vg_actor *a, const vg_actor *b)
{
    const char *x = a ? a->code : NULL, *y = b ? b->code : NULL;
    return x == y || (x && y && !strcmp(x, y));
}

/* Whether the sentence already has this record (same head, code and sides' codes). */
static int duplicate_record(const vg_coding *c, uint32_t sentence, uint32_t head, const vg_cameo_code *code,
                            const vg_actor *s, const vg_actor *g)
{
    for (size_t k = c->n_events; k-- > 0;) {
        const vg_event *e = &c->events[k];
        if (e->sentence != sentence)
            break;
        if (e->head == head && e->cameo == code && same_code(e->source, s) && same_code(e->target, g))
            return 1;
    }
    return 0;
}

static vg_event *new_event(vg_coding *c)
{
    if (c->n_events == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        vg_event *e = vg_realloc(c->events, cap * sizeof *e);
        if (!e)
            return NULL;
        c->events = e;
        c->cap = cap;
    }
    vg_event *e = &c->events[c->n_events++];
    memset(e, 0, sizeof *e);
    e->parent = -1;
    return e;
}

static const char *chain_path(sentence_ctx *sc, const walk *w, const char *source_how, const char *target_how)
{
    const vg_tree *t = &sc->tree;
    char buf[1024];
    size_t at = 0;
    int top = w->attribution >= 0 ? w->attribution : w->parent;
    if (top >= 0)
        at += (size_t)snprintf(buf + at, sizeof buf - at, "%s ", t->s->tokens[top].form);
    for (uint32_t k = w->n_chain; k-- > 0 && at < sizeof buf;) {
        uint32_t i = w->chain[k];
        if (k + 1 < w->n_chain || top >= 0)
            at += (size_t)snprintf(buf + at, sizeof buf - at, ">%s ", vg_tree_rel(t, i));
        if (at < sizeof buf)
            at += (size_t)snprintf(buf + at, sizeof buf - at, "%s ", t->s->tokens[i].form);
    }
    if (at < sizeof buf)
        at += (size_t)snprintf(buf + at, sizeof buf - at, "; source: %s; target: %s",
                               source_how ? source_how : "-", target_how ? target_how : "-");
    if (at >= sizeof buf)
        at = sizeof buf - 1;
    return vg_arena_strndup(sc->coding->arena, buf, at);
}

static void place_of(sentence_ctx *sc, const walk *w, vg_event *e)
{
    const vg_tree *t = &sc->tree;
    for (uint32_t k = 0; k < w->n_chain; k++) {
        uint32_t i = w->chain[k];
        for (uint32_t j = 0; j < vg_tree_n_children(t, i); j++) {
            uint32_t c = vg_tree_child(t, i, j);
            const char *r = vg_tree_rel(t, c);
            if (strcmp(r, "obl:in") && strcmp(r, "nmod:in") && strcmp(r, "obl:at"))
                continue;
            const vg_actor *a;
            size_t n = actors_of(sc, c, &a);
            if (n && a[0].code && strlen(a[0].code) >= 3 && t->s->tokens[c].upos == VG_UPOS_PROPN) {
                e->place_name = a[0].name ? a[0].name : a[0].text;
                e->place_country = vg_arena_strndup(sc->coding->arena, a[0].code, 3);
                return;
            }
        }
    }
}

static int take_date(sentence_ctx *sc, uint32_t c, vg_event *e)
{
    vg_when when;
    if (!vg_when_is_temporal(&sc->tree, c) || !vg_when_phrase(&sc->tree, c, sc->coding->pubdate, &when, sc->coding->arena))
        return 0;
    e->date = when.date;
    e->date_end = when.date_end;
    e->date_precision = when.precision;
    e->date_text = when.text;
    return 1;
}

static void date_of(sentence_ctx *sc, const walk *w, vg_event *e)
{
    const vg_tree *t = &sc->tree;
    for (uint32_t k = 0; k < w->n_chain; k++) {
        uint32_t i = w->chain[k];
        if ((int)i == w->attribution)
            break;
        for (uint32_t j = 0; j < vg_tree_n_children(t, i); j++)
            if (take_date(sc, vg_tree_child(t, i, j), e))
                return;
    }
    /* "arrested an Iranian agent on Monday" is often parsed with the date on the agent: a date
     * on a participant of the event is the event's. */
    for (uint32_t j = 0; j < vg_tree_n_children(t, e->head); j++) {
        uint32_t c = vg_tree_child(t, e->head, j);
        if (!vg_tree_is_nominal(t, c))
            continue;
        for (uint32_t g = 0; g < vg_tree_n_children(t, c); g++)
            if (take_date(sc, vg_tree_child(t, c, g), e))
                return;
    }
    if (sc->coding->pubdate) {
        e->date = e->date_end = sc->coding->pubdate;
        e->date_precision = VG_DATE_PUBLICATION;
    }
}

/* Adds one record per (source, target) pair. Returns the index of the first, or -1. */
static int add_records(sentence_ctx *sc, uint32_t head, const vg_pattern *rule, const vg_cameo_code *code,
                       const vg_actor *src, size_t n_src, const vg_actor *tgt, size_t n_tgt, const walk *w,
                       vg_stance stance, const vg_actor *speakers, size_t n_speakers, int parent,
                       const char *path)
{
    vg_coding *c = sc->coding;
    const vg_tree *t = &sc->tree;
    int first = -1;
    size_t ns = n_src ? n_src : 1, nt = n_tgt ? n_tgt : 1;
    for (size_t a = 0; a < ns; a++)
        for (size_t b = 0; b < nt; b++) {
            const vg_actor *s = n_src ? &src[a] : NULL, *g = n_tgt ? &tgt[b] : NULL;
            /* A pronoun is not its own clause's subject ("X denied it" is not X denying X):
             * such a target is dropped, reflexives ("itself") kept. */
            if (s && g && g->resolved && g->sentence == sc->index && t->s->tokens[g->token].upos == VG_UPOS_PRON &&
                !strstr(t->lower_form[g->token], "self") && same_code(s, g))
                g = NULL;
            /* One phrase cannot be both sides, unless it names two: "Indian and Pakistani troops". */
            if (s && g && s->code && g->code && s->token == g->token && s->sentence == g->sentence &&
                !vg_sides_other(sc->coder->words, s, g))
                continue;
            if (duplicate_record(c, sc->index, head, code, s, g))
                continue;     /* "police and prosecutors" of one country: one record */
            vg_event *e = new_event(c);
            if (!e)
                return first;
            if (first < 0)
                first = (int)(c->n_events - 1);
            e->sentence = sc->index;
            e->text = t->s->text;
            e->cameo = code;
            e->source = s;
            e->target = g;
            e->mode = w->mode;
            e->negated = (uint8_t)w->negated;
            e->stance = stance;
            e->attributed_to = speakers;
            e->n_attributed = (uint32_t)n_speakers;
            e->rule = rule;
            e->path = path;
            e->head = head;
            e->start = t->s->tokens[head].start;
            e->end = t->s->tokens[head].end;
            e->parent = parent;
            date_of(sc, w, e);
            place_of(sc, w, e);
        }
    return first;
}

/* The distinct sources (side 0) or targets (side 1) of the records of the event whose first
 * record is first, as one array from the arena. */
static size_t record_sides(sentence_ctx *sc, uint32_t first, int side, const vg_actor **out)
{
    const vg_coding *c = sc->coding;
    uint32_t head = c->events[first].head;
    vg_actor *all = vg_arena_alloc(c->arena, MAX_SIDE * sizeof *all);
    size_t n = 0;
    for (size_t k = first; all && k < c->n_events && n < MAX_SIDE; k++) {
        const vg_event *e = &c->events[k];
        if (e->sentence != sc->index || e->head != head)
            continue;
        const vg_actor *a = side ? e->target : e->source;
        int seen = !a;
        for (size_t j = 0; j < n && !seen; j++)
            seen = all[j].token == a->token && all[j].code == a->code;
        if (!seen)
            all[n++] = *a;
    }
    *out = all;
    return n;
}

/* The target of the first act found in the content of marker p at token i. */
static size_t content_target(sentence_ctx *sc, uint32_t i, const vg_pattern *p, const vg_actor **out)
{
    const vg_tree *t = &sc->tree;
    for (uint32_t k = 0; k < t->n; k++) {
        if (k == i || !below(t, i, k, 5))
            continue;
        /* k must be inside a content child of i */
        int top = (int)k;
        while (top >= 0 && vg_tree_head(t, (uint32_t)top) != (int)i)
            top = vg_tree_head(t, (uint32_t)top);
        if (top < 0 || !content_fits(t, (uint32_t)top, p))
            continue;
        static const char *const against[] = { "nmod:against", "nmod:on", "nmod:of" };
        static const vg_pattern_roles plot_roles = { against, 3 };
        const vg_pattern_roles *roles = sc->marks[k].event ? &sc->marks[k].event->target
                                        : sc->marks[k].mode ? &plot_roles : NULL;
        size_t n = roles ? role_actors(sc, k, roles, out, NULL) : 0;
        if (n && any_code(*out, n))
            return n;
    }
    return 0;
}

/* "rejected the accusation", "denied the claims": the denied content is an accusation made
 * before in the document; its author is the denial's target. */
static size_t denied_accuser(sentence_ctx *sc, uint32_t i, const vg_pattern *p, const vg_actor **out)
{
    const vg_tree *t = &sc->tree;
    int is_accusation = 0;
    for (uint32_t k = 0; k < vg_tree_n_children(t, i) && !is_accusation; k++) {
        uint32_t c = vg_tree_child(t, i, k);
        if (!content_fits(t, c, p))
            continue;
        is_accusation |= is_word(sc, VG_WORDS_ACCUSATION, t->lower[c]);
    }
    if (!is_accusation)
        return 0;
    const vg_coding *c = sc->coding;
    for (size_t k = c->n_events; k-- > 0;) {
        const vg_event *e = &c->events[k];
        if (e->cameo->plover == VG_PLOVER_ACCUSE && e->source && e->source->code) {
            *out = e->source;
            return 1;
        }
    }
    return 0;
}

/* Who the sentence blames for a wrong named like noun c ("blamed Israel for the death"): the
 * accusation's target, when another token with c's lemma is the accusation's content. */
static size_t accused_for(sentence_ctx *sc, uint32_t c, const vg_actor **out)
{
    const vg_tree *t = &sc->tree;
    for (uint32_t x = 0; x < t->n; x++) {
        int a = vg_tree_head(t, x);
        if (x == c || a < 0 || strcmp(t->lower[x], t->lower[c]))
            continue;
        const vg_pattern *acc = sc->marks[a].event;
        if (!acc || acc->cameo->plover != VG_PLOVER_ACCUSE || !content_fits(t, x, acc))
            continue;
        size_t n = role_actors(sc, (uint32_t)a, &acc->target, out, NULL);
        if (n && any_code(*out, n))
            return n;
    }
    return 0;
}

/* For an act noun: the subject of "receive/get/face/suffer" of which it is the object, or of the
 * clause it is "under" ("under attack", "under protection"). */
static size_t receiver_of(sentence_ctx *sc, uint32_t i, const vg_actor **out)
{
    const vg_tree *t = &sc->tree;
    int g = vg_tree_head(t, i);
    const char *r = vg_tree_rel(t, i);
    int s = -1;
    if (g >= 0 && !strcmp(r, "obj") && is_word(sc, VG_WORDS_RECEIVING, t->lower[g]))
        s = subject_of(t, (uint32_t)g);
    else if (g >= 0 && (!strcmp(r, "obl:under") || !strcmp(r, "nmod:under"))) {
        s = subject_of(t, (uint32_t)g);
        if (s < 0)      /* "has been placed under police protection" */
            s = vg_tree_find_child(t, (uint32_t)g, "nsubj:pass");
    }
    else if (vg_tree_find_child_lemma(t, i, "under") >= 0)   /* "she is under protection": copular */
        s = vg_tree_find_child(t, i, "nsubj");
    return s >= 0 ? actors_of(sc, (uint32_t)s, out) : 0;
}

/* Whether verb i receives an act ("received threats", "faced charges"). */
static int receives_act(sentence_ctx *sc, uint32_t i)
{
    int o = vg_tree_find_child(&sc->tree, i, "obj");
    return o >= 0 && sc->marks[o].event && is_word(sc, VG_WORDS_RECEIVING, sc->tree.lower[i]);
}

/* The target of the act a responsibility claim names ("for the attack"), in the sentence or,
 * for a definite act, the document's last act of that family. */
static size_t owned_act_target(sentence_ctx *sc, uint32_t i, const vg_actor **out)
{
    const vg_tree *t = &sc->tree;
    for (uint32_t k = 0; k < t->n; k++) {
        if (!below(t, i, k, 3) || !sc->marks[k].event || t->s->tokens[k].upos != VG_UPOS_NOUN ||
            vg_tree_find_child_lemma(t, k, "for") < 0)
            continue;
        const vg_pattern *act = sc->marks[k].event;
        size_t n = role_actors(sc, k, &act->target, out, NULL);
        if (n && any_code(*out, n))
            return n;
        /* "apologised for a shooting in which its border guards wounded a farmer": the act
         * told in the clause on the noun has the victims. */
        for (uint32_t j = 0; j < vg_tree_n_children(t, k); j++) {
            uint32_t c = vg_tree_child(t, k, j);
            const vg_pattern *told = sc->marks[c].event;
            if (told && !strncmp(vg_tree_deprel(t, c), "acl", 3) &&
                (n = role_actors(sc, c, &told->target, out, NULL)) > 0 && any_code(*out, n))
                return n;
        }
        for (size_t e = sc->coding->n_events; e-- > 0;) {
            const vg_event *ev = &sc->coding->events[e];
            if (!strcmp(ev->cameo->root, act->cameo->root) && ev->target && ev->target->code) {
                *out = ev->target;
                return 1;
            }
        }
    }
    return 0;
}

/* The author of an act named where p's target should be: the act's own source ("the Iranian
 * attack"), else the source of the document's last record of the same family. */
static size_t act_author_at(sentence_ctx *sc, uint32_t i, uint32_t head, const vg_pattern *p,
                            const vg_actor **out);

static size_t act_author(sentence_ctx *sc, uint32_t i, const vg_pattern *p, const vg_actor **out)
{
    /* The head's own phrases, then those of the pattern's other words ("vowed to avenge X"). */
    size_t n = act_author_at(sc, i, i, p, out);
    for (uint32_t k = 0; !n && k < sc->tree.n; k++)
        if (sc->marks[k].covered_by == (int32_t)i)
            n = act_author_at(sc, k, i, p, out);
    return n;
}

static size_t act_author_at(sentence_ctx *sc, uint32_t i, uint32_t head, const vg_pattern *p,
                            const vg_actor **out)
{
    const vg_tree *t = &sc->tree;
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        uint32_t c = vg_tree_child(t, i, k);
        int fits = vg_tree_rel_matches(t, c, "obj");
        for (uint32_t r = 0; r < p->target.n && !fits; r++)
            fits = vg_tree_rel_matches(t, c, p->target.rels[r]);
        const vg_pattern *act = sc->marks[c].event;
        if (fits && !act && t->s->tokens[c].upos == VG_UPOS_NOUN && sc->marks[c].covered_by != (int32_t)head) {
            /* "blamed Israel for the death ... and vowed to avenge his death": the wrong was
             * laid at someone's door in the same sentence. */
            size_t n = accused_for(sc, c, out);
            if (n)
                return n;
        }
        if (!fits || !act || sc->marks[c].covered_by == (int32_t)head || t->s->tokens[c].upos != VG_UPOS_NOUN)
            continue;
        size_t n = role_actors(sc, c, &act->source, out, NULL);
        if (n && any_code(*out, n))
            return n;
        const vg_coding *cd = sc->coding;
        for (size_t e = cd->n_events; e-- > 0;) {
            const vg_event *ev = &cd->events[e];
            /* "denounced the remarks": a statement named as target is the last thing said, a
             * statement, demand, accusation, rejection or threat alike. */
            int said = !strcmp(act->cameo->root, "01") && ev->cameo->quad != VG_CAMEO_MATERIAL_COOPERATION &&
                       ev->cameo->quad != VG_CAMEO_MATERIAL_CONFLICT;
            if ((said || !strcmp(ev->cameo->root, act->cameo->root)) && ev->source && ev->source->code) {
                *out = ev->source;
                return 1;
            }
        }
    }
    return 0;
}

/* The author of the act at token i named by the words around it rather than as its subject.
 * *alleged is set when the words lay the act at someone's door ("behind", "attributed to",
 * "blamed on", "responsible for"): an allegation. */
static size_t author_around(sentence_ctx *sc, uint32_t i, const vg_actor **out, const char **how, int *alleged,
                            unsigned depth)
{
    const vg_tree *t = &sc->tree;
    if (depth > 2)
        return 0;
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        uint32_t c = vg_tree_child(t, i, k);
        const char *d = vg_tree_deprel(t, c);
        const char *r = vg_tree_rel(t, c);
        size_t n = 0;
        /* "Iran was behind the killings": the predicate noun's subject. */
        if (!strcmp(d, "case") && !strcmp(t->lower[c], "behind")) {
            int s = vg_tree_find_child(t, i, "nsubj");
            if (s >= 0 && (n = actors_of(sc, (uint32_t)s, out)) > 0) {
                *how = "subject of \"behind\"";
                *alleged = 1;
                return n;
            }
        }
        /* "an attack attributed to Iran", "a strike ordered by Trump" */
        if (!strncmp(d, "acl", 3) && t->s->tokens[c].upos == VG_UPOS_VERB) {
            int lays = is_word(sc, VG_WORDS_LAYING, t->lower[c]);
            if (lays || is_word(sc, VG_WORDS_DOING, t->lower[c])) {
                static const char *const rels[] = { "obl:to", "obl:on", "obl:agent", "obl:by" };
                const vg_pattern_roles roles = { rels, 4 };
                if ((n = role_actors(sc, c, &roles, out, NULL)) > 0) {
                    *how = lays ? "the one the act is laid on" : "agent of the act's participle";
                    *alleged |= lays;
                    return n;
                }
            }
        }
        /* "killed on the orders of Trump" */
        if (!strcmp(r, "obl:on") && is_word(sc, VG_WORDS_ORDERS, t->lower[c])) {
            int of = vg_tree_find_child(t, c, "nmod:of");
            if (of >= 0 && (n = actors_of(sc, (uint32_t)of, out)) > 0) {
                *how = "who gave the orders";
                return n;
            }
        }
        /* "killed in a drone strike ordered by Trump": the author of the act it happened in. */
        if ((!strcmp(r, "obl:in") || !strcmp(r, "obl:during")) && sc->marks[c].event) {
            const vg_pattern *ap = sc->marks[c].event;
            if (((n = role_actors(sc, c, &ap->source, out, NULL)) > 0 && any_code(*out, n)) ||
                (n = author_around(sc, c, out, how, alleged, depth + 1)) > 0) {
                *how = "author of the act it happened in";
                return n;
            }
        }
    }
    /* "X was responsible for the attack" */
    int g = vg_tree_head(t, i);
    if (g >= 0 && !strcmp(vg_tree_rel(t, i), "obl:for") && !strcmp(t->lower[g], "responsible")) {
        int s = vg_tree_find_child(t, (uint32_t)g, "nsubj");
        size_t n = s >= 0 ? actors_of(sc, (uint32_t)s, out) : 0;
        if (n) {
            *how = "subject of \"responsible for\"";
            *alleged = 1;
            return n;
        }
    }
    return 0;
}

/* The common noun in pattern p's target relations (or the object) at i: a place or a thing the
 * act was done to; -1 when none. */
static int target_thing_at(sentence_ctx *sc, uint32_t i, const vg_pattern *p);

static int target_thing(sentence_ctx *sc, uint32_t i, const vg_pattern *p)
{
    /* The head's phrases, then those of the pattern's other words ("threatened to strike X"). */
    const vg_tree *t = &sc->tree;
    int thing = target_thing_at(sc, i, p);
    for (uint32_t k = 0; thing < 0 && k < t->n; k++) {
        if (sc->marks[k].covered_by != (int32_t)i)
            continue;
        if (t->s->tokens[k].upos == VG_UPOS_VERB)
            thing = target_thing_at(sc, k, p);
        else if (t->s->tokens[k].upos == VG_UPOS_NOUN)
            /* "carried out an attack on a cargo ship": the thing hangs off the pattern's noun. */
            for (uint32_t j = 0; j < vg_tree_n_children(t, k) && thing < 0; j++) {
                uint32_t c = vg_tree_child(t, k, j);
                if (t->s->tokens[c].upos == VG_UPOS_NOUN &&
                    (vg_tree_rel_matches(t, c, "nmod:on") || vg_tree_rel_matches(t, c, "nmod:against")))
                    thing = (int)c;
            }
    }
    return thing;
}

static int target_thing_at(sentence_ctx *sc, uint32_t i, const vg_pattern *p)
{
    const vg_tree *t = &sc->tree;
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        uint32_t c = vg_tree_child(t, i, k);
        /* A word of the pattern ("attack" of "carried out an attack") is the act, not its thing. */
        if (t->s->tokens[c].upos != VG_UPOS_NOUN || sc->marks[c].covered_by >= 0)
            continue;
        if (vg_tree_rel_matches(t, c, "obj"))
            return (int)c;
        for (uint32_t r = 0; r < p->target.n; r++)
            if (vg_tree_rel_matches(t, c, p->target.rels[r]))
                return (int)c;
    }
    return -1;
}

/* The country a thing is in: "a refinery in Russia's Samara region", "a base in Arauca". */
static size_t thing_place(sentence_ctx *sc, uint32_t thing, const vg_actor **out)
{
    static const char *const rels[] = { "nmod:in", "nmod:at", "nmod:near", "nmod:outside", "nmod:inside" };
    static const vg_pattern_roles roles = { rels, 5 };
    size_t n = role_actors(sc, thing, &roles, out, NULL);
    if (n && any_code(*out, n)) {
        /* A place names its country: "a synagogue in Berlin" is in Germany, not its government. */
        vg_actor *country = vg_arena_alloc(sc->coding->arena, n * sizeof *country);
        if (!country)
            return n;
        for (size_t k = 0; k < n; k++) {
            country[k] = (*out)[k];
            if (country[k].code && strlen(country[k].code) > 3)
                country[k].code = vg_arena_strndup(sc->coding->arena, country[k].code, 3);
            country[k].role = NULL;
        }
        *out = country;
        return n;
    }
    /* "any vessel linked to Israel", "a ship owned by an Israeli firm": whose the thing is. */
    const vg_tree *t = &sc->tree;
    static const char *const to[] = { "obl:to", "obl:agent", "obl:by" };
    static const vg_pattern_roles to_roles = { to, 3 };
    for (uint32_t k = 0; k < vg_tree_n_children(t, thing); k++) {
        uint32_t c = vg_tree_child(t, thing, k);
        if (!strncmp(vg_tree_deprel(t, c), "acl", 3) && is_word(sc, VG_WORDS_TIES, t->lower[c]) &&
            (n = role_actors(sc, c, &to_roles, out, NULL)) > 0)
            return n;
        /* "a Greek-owned cargo ship", "an Iranian-flagged tanker": the owner is the
         * participle's own modifier. */
        if (!strcmp(vg_tree_deprel(t, c), "amod") && is_word(sc, VG_WORDS_TIES, t->lower[c]))
            for (uint32_t j = 0; j < vg_tree_n_children(t, c); j++) {
                uint32_t o = vg_tree_child(t, c, j);
                const char *d = vg_tree_deprel(t, o);
                if (o < c && strcmp(d, "punct") && strcmp(d, "advmod") &&
                    (n = actors_of(sc, o, out)) > 0 && any_code(*out, n))
                    return n;
            }
    }
    return 0;
}

/* Whether the active subject of verb i is a common noun that names no actor (not even a role):
 * a fire, a storm, a fault. */
static int thing_did_it(sentence_ctx *sc, uint32_t i)
{
    const vg_tree *t = &sc->tree;
    int s = vg_tree_find_child(t, i, "nsubj");
    if (s >= 0 && t->s->tokens[s].upos == VG_UPOS_PRON && !strncmp(vg_tree_deprel(t, i), "acl", 3))
        s = vg_tree_head(t, i);   /* "a fire that damaged": the relative pronoun's noun */
    if (s < 0 || t->s->tokens[s].upos != VG_UPOS_NOUN)
        return 0;
    const vg_actor *a;
    return actors_of(sc, (uint32_t)s, &a) == 0;
}

/* For a noun in a manner adjunct ("with assistance from", "in cooperation with"), the subject
 * of the clause (or the noun the adjunct modifies). */
static size_t clause_subject(sentence_ctx *sc, uint32_t i, const vg_actor **out)
{
    const vg_tree *t = &sc->tree;
    const char *r = vg_tree_rel(t, i);
    int g = vg_tree_head(t, i);
    if (g < 0)
        return 0;
    if (!strcmp(r, "nmod:with") || !strcmp(r, "nmod:in"))
        return actors_of(sc, (uint32_t)g, out);
    if (strcmp(r, "obl:with") && strcmp(r, "obl:in"))
        return 0;
    int s = subject_of(t, (uint32_t)g);
    return s >= 0 ? actors_of(sc, (uint32_t)s, out) : 0;
}

static int is_definite_noun(const vg_tree *t, uint32_t i)
{
    if (t->s->tokens[i].upos != VG_UPOS_NOUN)
        return 0;
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        uint32_t c = vg_tree_child(t, i, k);
        const char *w = t->lower_form[c];
        if (!strcmp(vg_tree_deprel(t, c), "det") && (!strcmp(w, "the") || !strcmp(w, "this") || !strcmp(w, "that")))
            return 1;
    }
    return 0;
}

/* The author of an act of the same family told as a participle on the victim token v. */
static size_t author_on_victim(sentence_ctx *sc, uint32_t v, const char *root, const vg_actor **out,
                               const char **how, int *alleged)
{
    const vg_tree *t = &sc->tree;
    for (uint32_t k = 0; k < vg_tree_n_children(t, v); k++) {
        uint32_t c = vg_tree_child(t, v, k);
        const vg_pattern *ap = sc->marks[c].event;
        if (strncmp(vg_tree_deprel(t, c), "acl", 3) || !ap || strcmp(ap->cameo->root, root))
            continue;
        size_t n = role_actors(sc, c, &ap->source, out, NULL);
        if (!n || !any_code(*out, n))
            n = author_around(sc, c, out, how, alleged, 1);
        if (n) {
            *how = "author of the act told on the victim";
            return n;
        }
    }
    return 0;
}

/* Whom the words at token i answer: "in response to Mexico's statement", "in reply to the
 * accusation by Iran" (the author of the act answered), "in response to Israel". */
static size_t response_target(sentence_ctx *sc, uint32_t i, const vg_actor **out)
{
    const vg_tree *t = &sc->tree;
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        uint32_t c = vg_tree_child(t, i, k);
        if (strcmp(vg_tree_rel(t, c), "obl:in") || !is_word(sc, VG_WORDS_RESPONSE, t->lower[c]))
            continue;
        int to = vg_tree_find_child(t, c, "nmod:to");
        if (to < 0)
            continue;
        const vg_pattern *act = sc->marks[to].event;
        size_t n = act ? role_actors(sc, (uint32_t)to, &act->source, out, NULL) : 0;
        if (n && any_code(*out, n))
            return n;
        if (!act && (n = actors_of(sc, (uint32_t)to, out)) > 0 && any_code(*out, n))
            return n;
    }
    return 0;
}

/* Whether a noun entry's target is its subject: a judgement ("X is a criminal"). */
static int judges_subject(const vg_pattern *p)
{
    for (uint32_t r = 0; r < p->target.n; r++)
        if (!strcmp(p->target.rels[r], "nsubj"))
            return 1;
    return 0;
}

/* The judgement noun a naming verb gives its object ("called the minister a criminal"), or -1.
 * UD has it as xcomp; the parser often makes it a second object. */
static int naming_predicate(const sentence_ctx *sc, uint32_t verb)
{
    const vg_tree *t = &sc->tree;
    if (!is_word(sc, VG_WORDS_NAMING, t->lower[verb]))
        return -1;
    int objects = 0;
    for (uint32_t k = 0; k < vg_tree_n_children(t, verb); k++) {
        uint32_t c = vg_tree_child(t, verb, k);
        const char *d = vg_tree_deprel(t, c);
        int second_object = !strcmp(d, "obj") && objects++ > 0;
        const vg_pattern *e = sc->marks[c].event;
        if ((second_object || !strcmp(d, "xcomp")) && e && e->pos == VG_PATTERN_NOUN && judges_subject(e))
            return (int)c;
    }
    return -1;
}

/* An event being coded: its head and entry, the walk up from it, and what the rules have found
 * so far. code_event runs the phases below in order; each fills in what is still missing. */
typedef struct draft {
    uint32_t i;                   /* the event head */
    const vg_pattern *p;
    walk w;
    const vg_actor *src, *tgt;
    size_t n_src, n_tgt;
    const char *src_how, *tgt_how;
    int attributed_author;        /* the author was named by words that lay blame ("behind") */
    const vg_cameo_code *act;
    vg_stance stance;
    const vg_actor *speakers;
    size_t n_speakers;
    int parent_record;            /* the record of the accusation or denial holding it, or -1 */
} draft;

static void take_source(draft *d, const vg_actor *a, size_t n, const char *how)
{
    d->src = a;
    d->n_src = n;
    d->src_how = how;
}

static void take_target(draft *d, const vg_actor *a, size_t n, const char *how)
{
    d->tgt = a;
    d->n_tgt = n;
    d->tgt_how = how;
}

/* The participants named on the head and its pattern's words. Returns -1 when the entry is no
 * act here (a judgement noun that is no predicate). */
static int own_participants(sentence_ctx *sc, draft *d)
{
    const vg_tree *t = &sc->tree;
    uint32_t i = d->i;
    const vg_pattern *p = d->p;
    d->n_src = role_actors(sc, i, &p->source, &d->src, &d->src_how);
    d->n_tgt = role_actors(sc, i, &p->target, &d->tgt, &d->tgt_how);
    if (p->pos == VG_PATTERN_NOUN && judges_subject(p)) {
        /* A judgement noun ("a criminal", "a spy") is an act only as a predicate: "X is a
         * criminal" judges the subject (for the speaker, below); "called X a criminal" the
         * object, for whoever called. "A Russian spy was arrested" judges no one. */
        int g = vg_tree_head(t, i);
        if (vg_tree_find_child(t, i, "cop") >= 0) {
            d->n_src = 0;
        } else if (g >= 0 && naming_predicate(sc, (uint32_t)g) == (int)i) {
            static const char *const subj[] = { "nsubj" }, *const obj[] = { "obj" };
            static const vg_pattern_roles subj_role = { subj, 1 }, obj_role = { obj, 1 };
            d->n_src = role_actors(sc, (uint32_t)g, &subj_role, &d->src, NULL);
            d->n_tgt = role_actors(sc, (uint32_t)g, &obj_role, &d->tgt, NULL);
            d->src_how = "who gave the name";
            d->tgt_how = "whom the name was given";
        } else {
            return -1;
        }
    }
    static const char *const noun_targets[] = { "nmod:against", "nmod:on", "nmod:of", "nmod:to" };
    static const vg_pattern_roles noun_roles = { noun_targets, 4 };
    /* "issued threats against Trump": the target hangs off the pattern's noun. */
    for (uint32_t k = 0; !d->n_tgt && k < t->n; k++)
        if (k != i && sc->marks[k].covered_by == (int32_t)i) {
            uint8_t u = t->s->tokens[k].upos;
            const vg_pattern_roles *roles = sc->marks[k].event ? &sc->marks[k].event->target
                                            : u == VG_UPOS_NOUN ? &noun_roles : &p->target;
            d->n_tgt = role_actors(sc, k, roles, &d->tgt, &d->tgt_how);
        }
    /* A verb's object is its target when the entry's own relations find none ("urged Beijing
     * to show restraint"), unless the object is a word of the pattern. */
    if (!d->n_tgt && p->pos == VG_PATTERN_VERB) {
        static const char *const obj[] = { "obj", "iobj" };
        static const vg_pattern_roles obj_role = { obj, 2 };
        int o = vg_tree_find_child(t, i, "obj");
        if (o < 0 || sc->marks[o].covered_by != (int32_t)i)
            d->n_tgt = role_actors(sc, i, &obj_role, &d->tgt, &d->tgt_how);
    }
    return 0;
}

/* Targets found around the act when it names none: who receives it, the victims of the act it
 * owns, the author of an act named as target, the light verb's phrase. */
static void targets_around(sentence_ctx *sc, draft *d)
{
    const vg_tree *t = &sc->tree;
    uint32_t i = d->i;
    const vg_pattern *p = d->p;
    const vg_actor *a;
    size_t n;
    /* "she received death threats", "the embassy came under attack", "has been under police
     * protection": the one who receives or is under an act is its target. */
    if (!any_code(d->tgt, d->n_tgt) && t->s->tokens[i].upos == VG_UPOS_NOUN && (n = receiver_of(sc, i, &a)) > 0)
        take_target(d, a, n, "who received it or was under it");
    /* "claimed responsibility for the attack", "apologised for the shooting": whoever owns an
     * act takes its victims as target. */
    if (!any_code(d->tgt, d->n_tgt) && (!strcmp(p->cameo->code, "015") || !strcmp(p->cameo->code, "055")) &&
        (n = owned_act_target(sc, i, &a)) > 0)
        take_target(d, a, n, "the target of the act owned");
    /* "condemned the arrests": an act as target stands for whoever did it. */
    if (!any_code(d->tgt, d->n_tgt) && (n = act_author(sc, i, p, &a)) > 0)
        take_target(d, a, n, "author of the act named as target");
    /* "announced charges against X" is often parsed with the phrase on the verb. */
    int g = vg_tree_head(t, i);
    if (!d->n_tgt && g >= 0 && t->s->tokens[i].upos == VG_UPOS_NOUN && !strcmp(vg_tree_rel(t, i), "obj") &&
        is_light_verb(sc, t->lower[g])) {
        const char *obl[8];
        uint32_t k_obl = 0;
        char names[8][VG_TREE_REL_SIZE];
        for (uint32_t r = 0; r < p->target.n && k_obl < 8; r++)
            if (!strncmp(p->target.rels[r], "nmod:", 5)) {
                snprintf(names[k_obl], sizeof names[k_obl], "obl:%s", p->target.rels[r] + 5);
                obl[k_obl] = names[k_obl];
                k_obl++;
            }
        const vg_pattern_roles verb_roles = { obl, k_obl };
        /* (the relation names live in this block: the explanation names the rule instead) */
        d->n_tgt = role_actors(sc, (uint32_t)g, &verb_roles, &d->tgt, NULL);
        if (d->n_tgt)
            d->tgt_how = "the light verb's phrase";
    }
}

/* Sources the act does not name itself: from the walk (a mode marker, a controlling verb),
 * the words around it, the act told again on its victim, the document's last act of its
 * family. */
static void sources_around(sentence_ctx *sc, draft *d)
{
    uint32_t i = d->i;
    const vg_pattern *p = d->p;
    if (!d->n_src && d->w.n_source)
        take_source(d, d->w.source, d->w.n_source, d->w.source_how);
    /* "Iran was behind the killings", "an attack attributed to Iran", "killed on the orders of
     * Trump", "killed in a strike ordered by Trump": the author named around the act. */
    if (!d->n_src)
        d->n_src = author_around(sc, i, &d->src, &d->src_how, &d->attributed_author, 0);
    /* "the assassination of Soleimani, killed in a strike ordered by Trump": the act told again
     * on its victim names the author. */
    if (!d->n_src && d->n_tgt && d->tgt[0].sentence == sc->index)
        d->n_src = author_on_victim(sc, d->tgt[0].token, p->cameo->root, &d->src, &d->src_how,
                                    &d->attributed_author);
    /* "Israel was behind the attack": a definite act with one participant of its own takes the
     * other from the document's last act of its family. (A bare "the indictment" with none is
     * only a mention of that act, not a new record.) */
    if ((!d->n_tgt || !d->n_src) && (d->n_tgt || d->n_src) && is_definite_noun(&sc->tree, i)) {
        for (size_t k = sc->coding->n_events; k-- > 0;) {
            const vg_event *e = &sc->coding->events[k];
            if (strcmp(e->cameo->root, p->cameo->root) || (e->sentence == sc->index && e->head == i))
                continue;
            if (!d->n_tgt && e->target && e->target->code)
                take_target(d, e->target, 1, "the act named before");
            if (!d->n_src && e->source && e->source->code)
                take_source(d, e->source, 1, "the act named before");
            break;
        }
    }
}

/* The mode from the entry and the tense: "will help" is an intent; "will strike" a threat. */
static void mode_of(draft *d)
{
    if (d->p->mode && d->w.mode == VG_MODE_OCCURRED)
        d->w.mode = d->p->mode;
    if (d->w.future && d->w.mode == VG_MODE_OCCURRED) {
        if (d->act->quad == VG_CAMEO_MATERIAL_COOPERATION)
            d->w.mode = VG_MODE_PLANNED;
        else if (d->act->quad == VG_CAMEO_MATERIAL_CONFLICT)
            d->w.mode = VG_MODE_THREATENED;
    }
}

/* Participants the speech around the act supplies: a denial's target, the speaker of an
 * arrest with no agent or of a judgement. */
static void participants_from_speech(sentence_ctx *sc, draft *d)
{
    uint32_t i = d->i;
    const vg_pattern *p = d->p;
    /* A denial names what is denied; its target is the target of the denied act ("denied a
     * plan to assassinate Trump"). */
    if (!d->n_tgt && p->denied) {
        d->n_tgt = content_target(sc, i, p, &d->tgt);
        d->tgt_how = "target of the denied act";
        if (!d->n_tgt && (d->n_tgt = denied_accuser(sc, i, p, &d->tgt)) > 0)
            d->tgt_how = "who made the denied accusation";
    }
    /* "Two men were arrested, police said": who reports an arrest with no agent made it. */
    if (!d->n_src && d->w.n_speakers && vg_tree_is_passive(&sc->tree, i) && !strcmp(d->act->root, "17"))
        take_source(d, d->w.speakers, d->w.n_speakers, "the speaker (passive with no agent)");
    /* "From Iran's perspective, Trump is a criminal", "X is a traitor, the ministry said": a
     * judgement with no one passing it is the speaker's. */
    if (!d->n_src && d->w.n_speakers && !strcmp(d->act->root, "11") && p->pos == VG_PATTERN_NOUN &&
        vg_tree_find_child(&sc->tree, i, "cop") >= 0)
        take_source(d, d->w.speakers, d->w.n_speakers, "the speaker of the judgement");
}

/* Who says so and how: the accusation or denial the act is the content of (whose accused did
 * it), an alleging attribution or hedge, or one side reporting another's hostile act. */
static void stance_of(sentence_ctx *sc, draft *d)
{
    const vg_coder *coder = sc->coder;
    uint32_t i = d->i;
    d->stance = VG_STANCE_ASSERTED;
    d->speakers = d->w.speakers;
    d->n_speakers = d->w.n_speakers;
    d->parent_record = -1;
    if (d->w.parent >= 0) {
        const vg_pattern *pp = sc->marks[d->w.parent].event;
        d->stance = pp->denied ? VG_STANCE_DENIED : VG_STANCE_ALLEGED;
        for (size_t k = 0; k < sc->coding->n_events && d->parent_record < 0; k++)
            if (sc->coding->events[k].sentence == sc->index && sc->coding->events[k].head == (uint32_t)d->w.parent)
                d->parent_record = (int)k;
        /* The accuser speaks; "accused Y of plotting": the accused is the one who plotted. The
         * accusation's own record knows both, however it found them. */
        const vg_actor *accused = NULL;
        size_t n_accused = 0;
        if (d->parent_record >= 0) {
            d->n_speakers = record_sides(sc, (uint32_t)d->parent_record, 0, &d->speakers);
            n_accused = record_sides(sc, (uint32_t)d->parent_record, 1, &accused);
        } else {
            d->n_speakers = role_actors(sc, (uint32_t)d->w.parent, &pp->source, &d->speakers, NULL);
            n_accused = role_actors(sc, (uint32_t)d->w.parent, &pp->target, &accused, NULL);
        }
        if (!d->n_src && !pp->denied && n_accused)
            take_source(d, accused, n_accused, "the accused");
        /* "The RSF denied targeting civilians": who denies doing it is who would have done it. */
        if (!d->n_src && pp->denied && vg_tree_head(&sc->tree, i) == d->w.parent &&
            !strcmp(vg_tree_rel(&sc->tree, i), "xcomp") && d->n_speakers)
            take_source(d, d->speakers, d->n_speakers, "the denier");
    } else if (d->w.allege || d->w.alleged_word || d->attributed_author) {
        d->stance = VG_STANCE_ALLEGED;
    } else if (d->n_speakers && (d->act->quad == VG_CAMEO_MATERIAL_CONFLICT || !strcmp(d->act->root, "13")) &&
               any_code(d->src, d->n_src) && any_code(d->speakers, d->n_speakers) &&
               !vg_sides_same(coder->words, d->speakers, d->n_speakers, d->src, d->n_src) &&
               !vg_sides_unidentified(coder->words, d->src, d->n_src)) {
        /* An act of violence, coercion or threat one side says another committed is that side's
         * allegation ("an opposition leader said a gang had threatened to kill him"); a side
         * reporting its own acts ("police said they arrested") asserts, and so does one
         * reporting what unidentified gunmen did: no side is accused. */
        d->stance = VG_STANCE_ALLEGED;
    }
}

/* Targets the rest of the sentence supplies: the object of the harm an attack did, the
 * country of the place or thing attacked, the partner of cooperation named as a manner, whom a
 * statement responds to. */
static void targets_from_sentence(sentence_ctx *sc, draft *d)
{
    const vg_tree *t = &sc->tree;
    uint32_t i = d->i;
    const vg_cameo_code *act = d->act;
    /* "An air strike by Myanmar's military killed 30 people": an attack that harms is the
     * subject of the harm, whose object is the attack's target. */
    if (!d->n_tgt && t->s->tokens[i].upos == VG_UPOS_NOUN && !strcmp(vg_tree_deprel(t, i), "nsubj")) {
        int harm = vg_tree_head(t, i);
        const vg_pattern *hp = harm >= 0 ? sc->marks[harm].event : NULL;
        if (hp && hp->cameo->quad == VG_CAMEO_MATERIAL_CONFLICT && act->quad == VG_CAMEO_MATERIAL_CONFLICT) {
            d->n_tgt = role_actors(sc, (uint32_t)harm, &hp->target, &d->tgt, NULL);
            if (d->n_tgt)
                d->tgt_how = "object of the harm the act did";
        }
    }
    /* "struck a refinery in Russia's Samara region", "Russian forces captured a village":
     * violence against a place or thing hits the country it is in, or else the country of the
     * report's dateline, unless that is the attacker's own. */
    int violent = act->quad == VG_CAMEO_MATERIAL_CONFLICT || !strcmp(act->root, "13");
    int thing = any_code(d->tgt, d->n_tgt) || !violent ? -1 : target_thing(sc, i, d->p);
    if (thing >= 0) {
        const vg_actor *where;
        size_t n = thing_place(sc, (uint32_t)thing, &where);
        if (n && any_code(where, n))
            take_target(d, where, n, "the country the place or thing is in, or whose it is");
    }
    const char *home = sc->coding->home;
    if (thing >= 0 && !any_code(d->tgt, d->n_tgt) && home &&
        !(d->n_src && d->src[0].code && !strncmp(d->src[0].code, home, 3))) {
        vg_actor *place = vg_arena_alloc(sc->coding->arena, sizeof *place);
        if (place) {
            *place = (vg_actor){ .code = home, .text = "", .resolved = 1, .sentence = sc->index, .token = i };
            take_target(d, place, 1, "a place or thing in the dateline's country");
        }
    }
    /* "Mexican authorities, with assistance from U.S. intelligence, thwarted ...", "will work
     * in full cooperation with ...": cooperation named as the manner of another act is between
     * the clause's subject and the one named with it. */
    if (act->quad <= VG_CAMEO_MATERIAL_COOPERATION && t->s->tokens[i].upos == VG_UPOS_NOUN && (!d->n_src || !d->n_tgt)) {
        const vg_actor *subj;
        size_t n = clause_subject(sc, i, &subj);
        if (n && !d->n_src)
            take_source(d, subj, n, "the subject of the clause it is the manner of");
        else if (n && !d->n_tgt)
            take_target(d, subj, n, "the subject of the clause it is the manner of");
    }
    /* "said in response to the Mexican authorities' statement that it would not comment": a
     * statement answers whoever it responds to. */
    if (!d->n_tgt && !strcmp(act->root, "01")) {
        const vg_actor *a;
        size_t n = response_target(sc, i, &a);
        if (!n && d->w.attribution >= 0)
            n = response_target(sc, (uint32_t)d->w.attribution, &a);
        if (n)
            take_target(d, a, n, "whom it responds to");
    }
}

/* Whether the draft is an event an analyst could use: someone known on either side, not the
 * circumstance of another act, not a thing's doing. */
static int worth_a_record(sentence_ctx *sc, const draft *d)
{
    uint32_t i = d->i;
    if (!any_code(d->src, d->n_src) && !any_code(d->tgt, d->n_tgt))
        return 0;
    /* "Despite Iran's denials, ...": an act named as the circumstance of another is background
     * unless it says whom it concerned. */
    if (!d->n_tgt && sc->tree.s->tokens[i].upos == VG_UPOS_NOUN) {
        const char *r = vg_tree_rel(&sc->tree, i);
        if (!strcmp(r, "obl:despite") || !strcmp(r, "obl:amid") || !strcmp(r, "obl:in_spite_of"))
            return 0;
    }
    /* "A fire damaged the consulate": a thing, not an actor, did it; no political event. */
    return d->n_src || !thing_did_it(sc, i);
}

/* CAMEO's finer codes by the participants, and the mode a side's own plan takes. */
static void refine_code(sentence_ctx *sc, draft *d)
{
    const vg_coder *coder = sc->coder;
    /* A side announcing its own plan of violence threatens ("an IRGC commander said Iran
     * intends to kill Trump"); others reporting it allege a plot. */
    if (d->w.mode == VG_MODE_PLANNED && d->act->quad == VG_CAMEO_MATERIAL_CONFLICT && d->w.parent < 0 &&
        vg_sides_same_country(d->speakers, d->n_speakers, d->src, d->n_src))
        d->w.mode = VG_MODE_THREATENED;
    /* Help or cooperation from intelligence services is shared intelligence (064). */
    if ((!strcmp(d->act->code, "060") || !strcmp(d->act->root, "07")) && vg_sides_spy(d->src, d->n_src)) {
        const vg_cameo_code *intel = vg_cameo_find(coder->cameo, "064");
        if (intel)
            d->act = intel;
    }
    /* CAMEO's assassination: a killing of an official, politician, judge or a named commander. */
    if (!strcmp(d->act->code, "1823") && vg_sides_prominent(coder->words, d->tgt, d->n_tgt)) {
        const vg_cameo_code *assassinate = vg_cameo_find(coder->cameo, "186");
        if (assassinate)
            d->act = assassinate;
    }
}

/* The records of a finished draft. Returns the first record's index, or -1. */
static int write_records(sentence_ctx *sc, draft *d)
{
    const vg_coder *coder = sc->coder;
    uint32_t i = d->i;
    const walk *w = &d->w;
    const vg_cameo_code *code = mode_code(coder, d->act, w->mode);
    const char *path = chain_path(sc, w, d->src_how ? d->src_how : (d->n_src ? "?" : NULL),
                                  d->n_tgt ? d->tgt_how : NULL);
    int first;
    int mutual = code->quad <= VG_CAMEO_MATERIAL_COOPERATION || is_word(sc, VG_WORDS_SYMMETRIC, sc->tree.lower[i]);
    if (!d->n_tgt && d->n_src >= 2 && mutual && vg_sides_distinct(coder->words, d->src, d->n_src)) {
        /* "Colombia and the ELN agreed to resume talks", "Indian and Pakistani troops exchanged
         * fire": cooperation, and symmetric acts, between coordinated actors go both ways. */
        first = -1;
        for (size_t a = 0; a < d->n_src; a++)
            for (size_t b = 0; b < d->n_src; b++) {
                if (!vg_sides_other(coder->words, &d->src[a], &d->src[b]))
                    continue;
                int k = add_records(sc, i, d->p, code, &d->src[a], 1, &d->src[b], 1, w, d->stance, d->speakers,
                                    d->n_speakers, d->parent_record, path);
                if (first < 0)
                    first = k;
            }
    } else {
        first = add_records(sc, i, d->p, code, d->src, d->n_src, d->tgt, d->n_tgt, w, d->stance, d->speakers,
                            d->n_speakers, d->parent_record, path);
    }
    /* The speakers of an allegation of a hostile act accuse its author (US officials say Iran
     * plotted: the US accuses Iran); an accusation verb already is that record. */
    if (first >= 0 && d->stance == VG_STANCE_ALLEGED && w->parent < 0 && d->n_speakers &&
        any_code(d->src, d->n_src) && code->quad >= VG_CAMEO_VERBAL_CONFLICT) {
        walk plain = *w;
        plain.mode = VG_MODE_OCCURRED;
        plain.negated = 0;
        add_records(sc, i, d->p, coder->accuse, d->speakers, d->n_speakers, d->src, d->n_src, &plain,
                    VG_STANCE_ASSERTED, NULL, 0, first, path);
    }
    return first;
}

/* The event record(s) of event head i coded by pattern p. Returns the first record's index, or
 * -1 when none is kept. */
static int code_event(sentence_ctx *sc, uint32_t i, const vg_pattern *p)
{
    draft d = { .i = i, .p = p, .act = p->cameo };
    walk_up(sc, i, &d.w);
    if (own_participants(sc, &d))
        return -1;
    targets_around(sc, &d);
    sources_around(sc, &d);
    mode_of(&d);
    participants_from_speech(sc, &d);
    stance_of(sc, &d);
    if (d.w.negated && !(sc->coding->flags & VG_CODE_KEEP_NEGATED)) {
        /* What the text says did not happen is no event, unless the entry itself says "not"
         * ("did not comment"). */
        int pattern_negates = 0;
        for (uint32_t k = 0; k < p->n_words; k++)
            pattern_negates |= !strcmp(p->words[k], "not") || !strcmp(p->words[k], "no");
        if (!pattern_negates)
            return -1;
    }
    targets_from_sentence(sc, &d);
    if (!worth_a_record(sc, &d))
        return -1;
    if (p->denied)
        d.stance = VG_STANCE_DENIED;
    refine_code(sc, &d);
    return write_records(sc, &d);
}

/* Whether the content of marker m (a mode or an event taking content) at token i holds an
 * event head of its own: then the marker adds its mode or stance to that event instead of
 * standing alone. */
static int content_has_event(sentence_ctx *sc, uint32_t i, const vg_pattern *m, unsigned depth)
{
    const vg_tree *t = &sc->tree;
    if (depth > 4)
        return 0;
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        uint32_t c = vg_tree_child(t, i, k);
        if (!content_fits(t, c, m))
            continue;
        if (sc->marks[c].event && sc->marks[c].covered_by != (int32_t)i)
            return 1;
        if (sc->marks[c].mode && content_has_event(sc, c, sc->marks[c].mode, depth + 1))
            return 1;
    }
    return 0;
}

/* ---- the sentence -------------------------------------------------------------------------- */

static int is_phrase_head(const vg_tree *t, uint32_t i)
{
    if (!vg_tree_is_nominal(t, i))
        return 0;
    const char *d = vg_tree_deprel(t, i);
    return strcmp(d, "compound") && strcmp(d, "flat") && strcmp(d, "fixed") && strcmp(d, "amod") &&
           strcmp(d, "nmod:poss") && strcmp(d, "det") && strcmp(d, "nummod");
}

int vg_coding_sentence(vg_coding *coding, const vg_sentence *s, uint32_t index)
{
    vg_arena *arena = coding->arena;
    sentence_ctx sc = { .coding = coding, .coder = coding->coder, .index = index };
    if (vg_tree_build(&sc.tree, s, arena))
        return VG_ENOMEM;
    const vg_tree *t = &sc.tree;
    uint32_t n = t->n;
    sc.marks = vg_arena_alloc(arena, (n + 1) * sizeof *sc.marks);
    sc.actors = vg_arena_alloc(arena, (n + 1) * sizeof *sc.actors);
    sc.n_actors = vg_arena_alloc(arena, n + 1);
    sc.resolved = vg_arena_alloc(arena, n + 1);
    if (!sc.marks || !sc.actors || !sc.n_actors || !sc.resolved ||
        vg_mentions_begin(&sc.mentions, coding->coder->dict, coding->coder->words, t, coding->pubdate, index, coding->memory, arena))
        return VG_ENOMEM;
    for (uint32_t i = 0; i < n; i++) {
        sc.marks[i].covered_by = -1;
        lemma_by_lexicon(coding->coder, &sc.tree, i, arena);
    }
    for (uint32_t i = 0; i < n; i++)
        mark_token(coding->coder, t, i, sc.marks);
    vg_mentions_learn_aliases(&sc.mentions);

    sc.mentions.home = coding->home;
    /* The sentence's speaker first: a quote's "we" is who says it. */
    sc.mentions.speaker = coding->last_speaker;
    for (uint32_t i = 0; i < n; i++) {
        const vg_pattern *a = sc.marks[i].attribution;
        if (!a || a->pos != VG_PATTERN_VERB)
            continue;
        const vg_actor *sp;
        size_t k = role_actors(&sc, i, &a->source, &sp, NULL);
        if (k && sp[0].code) {
            sc.mentions.speaker = &sp[0];
            coding->last_speaker = &sp[0];
            break;
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        const vg_actor *a;
        if (is_phrase_head(t, i))
            actors_of(&sc, i, &a);
    }

    for (uint32_t i = 0; i < n; i++) {
        const marks *m = &sc.marks[i];
        /* A reporting verb with its report is an attribution, not a statement event. */
        if (m->attribution && (vg_tree_find_child(t, i, "ccomp") >= 0 || vg_tree_find_child(t, i, "parataxis") >= 0))
            continue;
        if (m->event && m->covered_by >= 0 && sc.marks[m->covered_by].event)
            continue;
        /* "she received death threats": receiving an act is no act of its own. */
        if (m->event && receives_act(&sc, i))
            continue;
        /* "called the minister a criminal" is the judgement, not a phone call. */
        if (m->event && naming_predicate(&sc, i) >= 0)
            continue;
        /* "the alleged mastermind": a participle modifying a noun is a word of stance, not an act. */
        if (m->event && m->event->pos == VG_PATTERN_VERB && !strcmp(vg_tree_deprel(t, i), "amod"))
            continue;
        if (m->event) {
            /* A marker whose content is an event lends it its mode ("threatened to kill" is
             * one threat); an accusation or denial stays a record of its own. */
            if (m->mode && content_has_event(&sc, i, m->mode, 0))
                continue;
            code_event(&sc, i, m->event);
        } else if (m->mode && (m->mode->mode == VG_MODE_PLANNED || m->mode->mode == VG_MODE_ATTEMPTED) &&
                   m->mode->pos == VG_PATTERN_NOUN && !content_has_event(&sc, i, m->mode, 0)) {
            /* "a plot against the embassy": a planned act of violence with no act named. */
            static const char *const against[] = { "nmod:against", "nmod:on", "acl:against" };
            const vg_pattern_roles roles = { against, 3 };
            const vg_actor *tgt;
            if (role_actors(&sc, i, &roles, &tgt, NULL)) {
                vg_pattern synthetic = *m->mode;
                synthetic.kind = VG_PATTERN_EVENT;
                synthetic.cameo = coding->coder->unspecified_assault;
                synthetic.target = roles;
                synthetic.mode = m->mode->mode;
                vg_pattern *copy = vg_arena_alloc(arena, sizeof *copy);
                if (copy) {
                    *copy = synthetic;
                    code_event(&sc, i, copy);
                }
            }
        }
    }
    return 0;
}
