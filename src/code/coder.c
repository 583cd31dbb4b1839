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
 * The walk of step 3 is walk.c; the participants an act does not name itself, participants.c;
 * this file matches the lexicon, runs an event's phases in order and writes the records.
 * docs/internals/coder.md explains the choices. */
#include "code/coder.h"
#include "code/coder_internal.h"
#include <stdio.h>
#include <string.h>
#include "code/sides.h"
#include "code/when.h"
#include "text/tagset.h"
#include "util/alloc.h"
#include "util/limits.h"


/* Whether lemma is in word class c (data/events/wordclasses.txt). */
int vg_coder_is_word(const sentence_ctx *sc, vg_wordclass c, const char *lemma)
{
    return vg_words_in(sc->coder->words, c, lemma);
}

const char *vg_stance_name(vg_stance stance)
{
    static const char *const names[] = { "asserted", "alleged", "denied" };
    return (unsigned)stance < 3 ? names[stance] : NULL;
}

const char *vg_actor_kind_name(vg_actor_kind kind)
{
    return kind == VG_KIND_PERSON ? "person" : kind == VG_KIND_FACILITY ? "facility" : NULL;
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
    c->demand = vg_cameo_find(cameo, "100");
    if (!c->accuse || !c->unspecified_assault || !c->demand) {
        vg_free(c);
        return vg_error_set(err, VG_EINVAL, "coder: the codebook lacks code 100, 112 or 180, which the coder uses");
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
int vg_coder_below(const vg_tree *t, uint32_t i, uint32_t k, unsigned depth)
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

/* Whether word k below head i, when a preposition or particle, is not a verb's conjoined to
 * it: "condemned the expulsions ... and vowed to respond" holds no "condemn to", the "to"
 * being the other verb's. */
static int same_clause(const vg_tree *t, uint32_t i, uint32_t k)
{
    uint8_t pos = t->s->tokens[k].upos;
    if (pos != VG_UPOS_ADP && pos != VG_UPOS_PART && pos != VG_UPOS_SCONJ)
        return 1;
    for (int cur = (int)k, steps = 0; cur >= 0 && (uint32_t)cur != i && steps < 4; steps++) {
        if (!strcmp(vg_tree_deprel(t, (uint32_t)cur), "conj") && t->s->tokens[cur].upos == VG_UPOS_VERB)
            return 0;
        cur = vg_tree_head(t, (uint32_t)cur);
    }
    return 1;
}

static uint32_t pattern_fits(const vg_tree *t, uint32_t i, const vg_pattern *p, uint32_t *where)
{
    if (strcmp(t->lower[i], p->words[p->head]) || !pos_fits(t, i, p->pos))
        return 0;
    where[p->head] = i;
    int last = (int)i;
    for (uint32_t w = p->head + 1; w < p->n_words; w++) {
        int found = -1;
        /* (the first letters compared inline: this scan runs for every word of every entry a
         * head word has, and most tokens differ at once) */
        const char *want = p->words[w];
        for (uint32_t k = (uint32_t)last + 1; k < t->n && found < 0; k++)
            if (t->lower[k][0] == want[0] && !strcmp(t->lower[k], want) && vg_coder_below(t, i, k, 3) &&
                !marks_time(t, k) && same_clause(t, i, k))
                found = (int)k;
        if (found < 0)
            return 0;
        last = found;
        where[w] = (uint32_t)found;
    }
    int first = (int)i;
    for (uint32_t w = p->head; w-- > 0;) {
        int found = -1;
        const char *want = p->words[w];
        for (int k = first - 1; k >= 0 && found < 0; k--)
            if (t->lower[k][0] == want[0] && !strcmp(t->lower[k], want) &&
                (vg_coder_below(t, i, (uint32_t)k, 3) || vg_tree_head(t, i) == k))
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

/* The entries headed by token i's lemma (*n of them; NULL when none). The lemmatizer's suffix
 * rules miss some unseen forms ("blamed" -> "blam"): when a verb's or noun's lemma heads no
 * pattern, the regular ways back from its form are tried, and the first that heads one is taken
 * as its lemma — the lexicon knows which verbs exist. A noun keeps a lemma that is one of those
 * regular ways back. */
static const vg_pattern *const *entries_at(const vg_coder *c, vg_tree *t, uint32_t i, vg_arena *arena, size_t *n)
{
    uint8_t u = t->s->tokens[i].upos;
    const vg_pattern *const *found = vg_patterns_by_head(c->patterns, t->lower[i], n);
    if ((u != VG_UPOS_VERB && u != VG_UPOS_NOUN) || found)
        return found;
    const char *f = t->lower_form[i];
    size_t len = strlen(f);
    char cand[8][64];
    int k = 0;
#define ENDS(s) (len > strlen(s) + 1 && !strcmp(f + len - strlen(s), s))
#define CUT(m, add) (snprintf(cand[k], sizeof cand[k], "%.*s%s", (int)(len - (m)), f, add), k++)
    if (len >= sizeof cand[0] - 4)
        return NULL;
    /* Nouns inflect for number only ("mourning" is no form of "mourn"); verbs for tense too. */
    int verb = u == VG_UPOS_VERB;
    if ((verb && ENDS("ied")) || ENDS("ies"))
        CUT(3, "y");
    if (verb && ENDS("ed")) {
        CUT(1, "");
        CUT(2, "");
        if (len > 4 && f[len - 3] == f[len - 4])
            CUT(3, "");
    }
    if (verb && ENDS("ing")) {
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
    /* A noun's lemma that is itself a regular singular of its form ("aides" -> "aide") is a
     * word in its own right that heads no entry; another reading ("aid") would change the word. */
    for (int j = 0; j < k && j < (int)(sizeof cand / sizeof *cand) && !verb; j++)
        if (!strcmp(cand[j], t->lower[i])) {
            *n = 0;
            return NULL;
        }
    for (int j = 0; j < k; j++)
        if ((found = vg_patterns_by_head(c->patterns, cand[j], n)) != NULL) {
            const char *kept = vg_arena_strndup(arena, cand[j], strlen(cand[j]));
            if (kept)
                t->lower[i] = kept;
            return kept ? found : NULL;
        }
    *n = 0;
    return NULL;
}

/* How far the pattern's words lie from head i, summed (for ties between patterns of as many
 * words: "demanded the aides' release" is "demand release", its object, not "demand aid"). */
static int pattern_spread(const vg_tree *t, uint32_t i, const vg_pattern *p, const uint32_t *where)
{
    int spread = 0;
    for (uint32_t w = 0; w < p->n_words; w++)
        if (where[w] != i) {
            int d = vg_coder_below(t, i, where[w], 3);
            spread += d ? d : 1;
        }
    return spread;
}

/* The best entry of each kind among the n entries cands headed at token i: the most words; then
 * the nearest words; then one whose target or content relation is present (so "charge" with
 * "against" picks the legal charge); then file order. */
static void mark_token(const vg_tree *t, uint32_t i, const vg_pattern *const *cands, size_t n, marks *all)
{
    marks *m = &all[i];
    uint32_t where[VG_MAX_DICT_NAME_TOKENS + 1], event_where[VG_MAX_DICT_NAME_TOKENS + 1];
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




/* ---- the walk from an event head up the tree ---------------------------------------------- */













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
            size_t n = vg_coder_actors_of(sc, c, &a);
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

/* "threatened to kill the minister last month": a time wholly before the report in the
 * clause the act is about dates the act ("next week" there is when the threatened act would
 * be, not the threat). */
static int date_of_content(sentence_ctx *sc, vg_event *e)
{
    const vg_tree *t = &sc->tree;
    for (uint32_t j = 0; j < vg_tree_n_children(t, e->head); j++) {
        uint32_t c = vg_tree_child(t, e->head, j);
        if (strcmp(vg_tree_deprel(t, c), "xcomp") || t->s->tokens[c].upos != VG_UPOS_VERB)
            continue;
        for (uint32_t g = 0; g < vg_tree_n_children(t, c); g++) {
            vg_event dated = *e;
            if (take_date(sc, vg_tree_child(t, c, g), &dated) && dated.date && sc->coding->pubdate &&
                dated.date_end && dated.date_end < sc->coding->pubdate) {
                *e = dated;
                return 1;
            }
        }
    }
    return 0;
}

static void date_of(sentence_ctx *sc, const walk *w, vg_event *e)
{
    const vg_tree *t = &sc->tree;
    for (uint32_t k = 0; k < w->n_chain; k++) {
        uint32_t i = w->chain[k];
        if ((int)i == w->attribution)
            break;
        /* "arrived on Monday ... and threatened to kill her last month": the act's own content
         * dates it before the clause it is joined to does. */
        if (k == 1 && date_of_content(sc, e))
            return;
        for (uint32_t j = 0; j < vg_tree_n_children(t, i); j++) {
            uint32_t c = vg_tree_child(t, i, j);
            /* "had been under surveillance since December and were detained at a warehouse": a
             * "since" phrase is when a state began, not when an act joined to it happened; it
             * dates only the act it is on. */
            const char *r = vg_tree_rel(t, c);
            size_t len = strlen(r);
            if (k > 0 && len > 6 && !strcmp(r + len - 6, ":since"))
                continue;
            if (take_date(sc, c, e))
                return;
        }
        /* A clause that describes a person or thing ("Sowan, the officer accused of organising
         * the plot", "men charged with plotting") tells of another time than the sentence's
         * verb ("the EU on Tuesday imposed sanctions on ..."), unless it spells out an act
         * named by its noun ("a plot to kill") or what a message says ("released a video on
         * Tuesday threatening to attack": the threat is Tuesday's). */
        int noun = vg_tree_head(t, i);
        if (noun >= 0 && !strncmp(vg_tree_deprel(t, i), "acl", 3) && vg_tree_is_nominal(t, (uint32_t)noun) &&
            !sc->marks[noun].event && !sc->marks[noun].mode &&
            !vg_coder_is_word(sc, VG_WORDS_MESSAGE, t->lower[noun]))
            break;
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
    if (date_of_content(sc, e))
        return;
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
                !vg_tree_is_reflexive(t, g->token) && same_code(s, g))
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
            uint8_t kind = g ? vg_mention_kind(&sc->mentions, g) : 0;
            if (g && kind != g->kind) {
                vg_actor *copy = vg_arena_alloc(c->arena, sizeof *copy);
                if (copy) {
                    *copy = *g;
                    copy->kind = kind;
                    e->target = copy;
                }
            }
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








/* The author of an act named where p's target should be: the act's own source ("the Iranian
 * attack"), else the source of the document's last record of the same family. */




/* The common noun in pattern p's target relations (or the object) at i: a place or a thing the
 * act was done to; -1 when none. */

















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
    /* "put its forces on high alert", "deployed its troops": a show of force has no target
     * of its own side. */
    if (!strcmp(d->act->root, "15") && d->n_tgt && d->n_src && vg_sides_same(coder->words, d->src, d->n_src, d->tgt, d->n_tgt))
        d->n_tgt = 0;
    /* "Gunmen stormed a hotel", "troops occupied the building": what protesters do to block
     * or occupy (14x) is force when armed men do it — unconventional violence (180), or an
     * army's conventional force (190). */
    int military = 0;
    if (!strcmp(d->act->root, "14") && vg_sides_armed(coder->words, d->src, d->n_src, &military)) {
        const vg_cameo_code *force = vg_cameo_find(coder->cameo, military ? "190" : "180");
        if (force)
            d->act = force;
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
    const vg_cameo_code *code = mode_code(coder, d->act, d->w.mode);
    /* A stated intention to cooperate is an act of its own (03x) that occurred: "will share
     * intelligence" is an expression of intent now, as CAMEO codes it. */
    if (d->w.mode == VG_MODE_PLANNED && d->act->quad == VG_CAMEO_MATERIAL_COOPERATION && code != d->act)
        d->w.mode = VG_MODE_OCCURRED;
    const walk *w = &d->w;
    const char *path = chain_path(sc, w, d->src_how ? d->src_how : (d->n_src ? "?" : NULL),
                                  d->n_tgt ? d->tgt_how : NULL);
    int first;
    int mutual = code->quad <= VG_CAMEO_MATERIAL_COOPERATION || vg_coder_is_word(sc, VG_WORDS_SYMMETRIC, sc->tree.lower[i]);
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
        vg_coder_any_code(d->src, d->n_src) && code->quad >= VG_CAMEO_VERBAL_CONFLICT) {
        walk plain = *w;
        plain.mode = VG_MODE_OCCURRED;
        plain.negated = 0;
        add_records(sc, i, d->p, coder->accuse, d->speakers, d->n_speakers, d->src, d->n_src, &plain,
                    VG_STANCE_ASSERTED, NULL, 0, first, path);
    }
    return first;
}

/* "From Iran's perspective, Trump must be prosecuted": what someone says must be done has not
 * been done; it is their demand (100), addressed to whoever the act would concern. Returns 0
 * when no one says so (nothing is coded then). */
static int demand_of(sentence_ctx *sc, draft *d)
{
    if (!d->w.n_speakers || d->w.parent >= 0)
        return 0;
    const vg_actor *concerned = vg_coder_any_code(d->tgt, d->n_tgt) ? d->tgt : d->src;
    size_t n_concerned = concerned == d->tgt ? d->n_tgt : d->n_src;
    d->act = sc->coder->demand;
    d->src = d->w.speakers;
    d->n_src = d->w.n_speakers;
    d->src_how = "who says it must be done";
    d->tgt = concerned;
    d->n_tgt = n_concerned;
    d->w.mode = VG_MODE_OCCURRED;
    d->stance = VG_STANCE_ASSERTED;
    return 1;
}

/* The event record(s) of event head i coded by pattern p. Returns the first record's index, or
 * -1 when none is kept. */
/* Whether the appeal or demand entry e at verb g is the verb alone ("urge", "demand") or with
 * its own preposition ("called on France to": "on" a phrase of the verb's); entries with a
 * noun ("seek help") say what is asked for themselves, and match more loosely. */
static int appeal_verb(const sentence_ctx *sc, uint32_t g, const vg_pattern *e)
{
    for (uint32_t k = 1; k < e->n_words; k++) {
        const char *w = e->words[k];
        if (strcmp(w, "on") && strcmp(w, "for") && strcmp(w, "with"))
            return 0;
        char rel[16];
        snprintf(rel, sizeof rel, "obl:%s", w);
        int found = 0;
        for (uint32_t j = 0; j < vg_tree_n_children(&sc->tree, g) && !found; j++)
            found = vg_tree_rel_matches(&sc->tree, vg_tree_child(&sc->tree, g, j), rel);
        if (!found)
            return 0;
    }
    return 1;
}

/* Whether the act at head i is what an appeal or a demand asks for ("urged France to arrest
 * the perpetrators", "demanded that France arrest them"): asked for, not done — the appeal or
 * demand is the record. */
static int asked_for(const sentence_ctx *sc, uint32_t i)
{
    const vg_tree *t = &sc->tree;
    uint32_t cur = i;
    for (unsigned steps = 0; steps < 4; steps++) {
        int g = vg_tree_head(t, cur);
        const char *rel = vg_tree_deprel(t, cur);
        int clause = !strcmp(rel, "xcomp") || !strcmp(rel, "ccomp") ||
                     (!strcmp(rel, "obj") && t->s->tokens[cur].upos == VG_UPOS_VERB);
        if (g < 0 || !clause)
            return 0;
        const vg_pattern *e = sc->marks[g].event;
        if (e && e->pos == VG_PATTERN_VERB && (!strcmp(e->cameo->root, "02") || !strcmp(e->cameo->root, "10")) &&
            appeal_verb(sc, (uint32_t)g, e))
            return 1;
        if (e || sc->marks[g].mode || sc->marks[g].attribution)
            return 0;          /* another act or marker governs it */
        cur = (uint32_t)g;
    }
    return 0;
}

static int code_event(sentence_ctx *sc, uint32_t i, const vg_pattern *p)
{
    if (asked_for(sc, i))
        return -1;
    draft d = { .i = i, .p = p, .act = p->cameo };
    vg_coder_walk_up(sc, i, &d.w);
    if (vg_coder_own_participants(sc, &d))
        return -1;
    vg_coder_targets_around(sc, &d);
    vg_coder_sources_around(sc, &d);
    vg_coder_target_answered(sc, &d);
    mode_of(&d);
    vg_coder_participants_from_speech(sc, &d);
    vg_coder_stance_of(sc, &d);
    if (d.w.negated && !(sc->coding->flags & VG_CODE_KEEP_NEGATED)) {
        /* What the text says did not happen is no event, unless the entry itself says "not"
         * ("did not comment"). */
        int pattern_negates = 0;
        for (uint32_t k = 0; k < p->n_words; k++)
            pattern_negates |= !strcmp(p->words[k], "not") || !strcmp(p->words[k], "no");
        if (!pattern_negates)
            return -1;
    }
    vg_coder_targets_from_sentence(sc, &d);
    if (!vg_coder_worth_a_record(sc, &d))
        return -1;
    if (p->denied)
        d.stance = VG_STANCE_DENIED;
    if (d.w.demanded && !demand_of(sc, &d))
        return -1;
    refine_code(sc, &d);
    return write_records(sc, &d);
}

/* Whether noun i is quantified over ("every threat", "any attack", "each attack"). */
static int quantified(const vg_tree *t, uint32_t i)
{
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        uint32_t c = vg_tree_child(t, i, k);
        const char *w = t->lower_form[c];
        if (!strcmp(vg_tree_deprel(t, c), "det") && (!strcmp(w, "any") || !strcmp(w, "every") || !strcmp(w, "each")))
            return 1;
    }
    return 0;
}

/* Whether act noun i names a kind of act rather than one: a plural with nothing to single its
 * acts out (no determiner, owner, number or adjective) that something is about ("would share
 * intelligence on threats to diplomats", "a report about attacks against journalists",
 * "commented on killings of civilians"). */
static int kind_of_act(const vg_tree *t, uint32_t i)
{
    if (t->s->tokens[i].upos != VG_UPOS_NOUN || !vg_tree_is_plural(t, i))
        return 0;
    int topic = 0;
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        uint32_t c = vg_tree_child(t, i, k);
        const char *d = vg_tree_deprel(t, c), *w = t->lower[c];
        if (!strcmp(d, "det") || !strcmp(d, "nmod:poss") || !strcmp(d, "nummod") || !strcmp(d, "amod") ||
            !strcmp(d, "compound"))
            return 0;
        topic |= !strcmp(d, "case") && (!strcmp(w, "on") || !strcmp(w, "about") || !strcmp(w, "regarding") ||
                                        !strcmp(w, "concerning"));
    }
    return topic;
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
        if (!vg_coder_content_fits(t, c, m))
            continue;
        if (sc->marks[c].event && sc->marks[c].covered_by != (int32_t)i)
            return 1;
        if (sc->marks[c].mode && content_has_event(sc, c, sc->marks[c].mode, depth + 1))
            return 1;
    }
    return 0;
}

/* "the plot was disrupted before anyone was harmed": a definite plot, plan or attempt with no
 * act of its own, thwarted, is the document's last planned or attempted act of violence, now
 * thwarted; its code, or NULL. (The act's participants come with it: vg_coder_sources_around
 * takes a definite act's sides from the last act of its family.) */
static const vg_cameo_code *thwarted_plot(sentence_ctx *sc, uint32_t i)
{
    if (!vg_coder_is_definite_noun(&sc->tree, i))
        return NULL;
    walk w;
    vg_coder_walk_up(sc, i, &w);
    if (w.mode != VG_MODE_THWARTED)
        return NULL;
    const vg_coding *cd = sc->coding;
    for (size_t e = cd->n_events; e-- > 0;) {
        const vg_event *ev = &cd->events[e];
        if (ev->cameo->quad == VG_CAMEO_MATERIAL_CONFLICT &&
            (ev->mode == VG_MODE_PLANNED || ev->mode == VG_MODE_ATTEMPTED || ev->mode == VG_MODE_THWARTED) &&
            (ev->source || ev->target))
            return ev->cameo;
    }
    return NULL;
}

/* ---- the sentence -------------------------------------------------------------------------- */

static int is_phrase_head(const vg_tree *t, uint32_t i)
{
    /* relations of a word inside a noun phrase, by id (this runs on every token) */
    static uint8_t inside[256];
    static int ready;
    if (!ready) {
        static const char *const names[] = { "compound", "flat", "fixed", "amod", "nmod:poss", "det", "nummod" };
        for (size_t k = 0; k < sizeof names / sizeof *names; k++)
            inside[vg_deprel_id(names[k]) & 255] = 1;
        inside[0] = 0;
        ready = 1;
    }
    return vg_tree_is_nominal(t, i) && !inside[t->deprel[i]];
}

/* "thwarted a plot by Iran to assassinate the ambassador" parsed with the infinitive on the
 * verb (advcl) rather than on the noun: when the verb's object is an entry whose noun takes an
 * infinitive (a plot, a plan, an attempt: content "acl"), the infinitive is the noun's. The
 * lexicon decides, so "used a bomb to kill" keeps its purpose clause. Likewise an infinitive
 * hung on a noun whose phrase ends with such an entry ("men over a plot | to bomb").
 * Returns VG_ENOMEM or 0. */
/* Whether token o is a noun whose entry (an act or a mode: "plot", "plan", "attempt") takes
 * its content as a clause on it ("a plot to bomb"). */
static int takes_infinitive(const sentence_ctx *sc, uint32_t o)
{
    if (sc->tree.s->tokens[o].upos != VG_UPOS_NOUN)
        return 0;
    const vg_pattern *np = sc->marks[o].mode ? sc->marks[o].mode : sc->marks[o].event;
    int takes = 0;
    for (uint32_t r = 0; np && np->pos == VG_PATTERN_NOUN && r < np->content.n; r++)
        takes |= !strncmp(np->content.rels[r], "acl", 3);
    return takes;
}

static int reattach_infinitives(sentence_ctx *sc, vg_arena *arena)
{
    vg_tree *t = &sc->tree;
    for (uint32_t i = 0; i < t->n; i++) {
        if (t->s->tokens[i].upos != VG_UPOS_VERB)
            continue;
        const char *d = vg_tree_deprel(t, i);
        int g = vg_tree_head(t, i), noun = -1, o = -1;
        if (g < 0 || (strcmp(d, "advcl") && strcmp(d, "acl")) || vg_tree_find_child_lemma(t, i, "to") < 0)
            continue;
        if (!strcmp(d, "advcl"))
            noun = vg_tree_find_child(t, (uint32_t)g, "obj");   /* the verb's object */
        else if (!strcmp(d, "acl"))
            noun = g;                                             /* the noun it hangs on */
        if (noun < 0 || (uint32_t)noun > i)
            continue;
        if (!strcmp(d, "advcl") && takes_infinitive(sc, (uint32_t)noun))
            o = noun;
        /* "arrested two men over a plot to bomb a synagogue" with "to bomb" on "men" or on
         * "arrested": the entry ending the noun's phrase just before the clause has it. */
        for (uint32_t k = 0; o < 0 && k < vg_tree_n_children(t, (uint32_t)noun); k++) {
            uint32_t c = vg_tree_child(t, (uint32_t)noun, k);
            int adjacent = c < i && !strncmp(vg_tree_deprel(t, c), "nmod", 4) && takes_infinitive(sc, c);
            for (uint32_t x = c + 1; adjacent && x < i; x++)
                adjacent = vg_tree_dominates(t, c, x) || vg_tree_dominates(t, i, x); /* "to" */
            if (adjacent)
                o = (int)c;
        }
        if (o < 0)
            continue;
        if (vg_tree_reattach(t, i, (uint32_t)o, "acl", arena) < 0)
            return VG_ENOMEM;
    }
    return 0;
}

/* "sought to assassinate dissidents in the United States on behalf of Iran's Ministry of
 * Intelligence" parsed with the phrase on "States": orders and behalf phrases say who is behind
 * an act, so one hung on a noun that is no act belongs to the nearest verb above. */
static int reattach_orders(sentence_ctx *sc, vg_arena *arena)
{
    vg_tree *t = &sc->tree;
    for (uint32_t i = 0; i < t->n; i++) {
        int g = vg_tree_head(t, i);
        if (g < 0 || strcmp(vg_tree_rel(t, i), "nmod:on") || !vg_coder_is_word(sc, VG_WORDS_ORDERS, t->lower[i]) ||
            sc->marks[g].event)
            continue;
        int v = g;
        for (unsigned steps = 0; v >= 0 && steps < 8 && t->s->tokens[v].upos != VG_UPOS_VERB; steps++)
            v = vg_tree_head(t, (uint32_t)v);
        if (v >= 0 && t->s->tokens[v].upos == VG_UPOS_VERB && vg_tree_reattach(t, i, (uint32_t)v, "obl", arena) < 0)
            return VG_ENOMEM;
    }
    return 0;
}

/* "Tarek Sowan, the officer accused of directing the plot" tagged and parsed with "accused" as
 * a finite verb whose subject is "officer": an accusing or charging verb with no object but an
 * "of", "with" or "over" phrase is a passive participle ("X accused Y of ..." needs its Y), so it
 * describes its subject, which takes the verb's place (in apposition after a comma). */
static int reattach_reduced_passives(sentence_ctx *sc, vg_arena *arena)
{
    vg_tree *t = &sc->tree;
    int vbd = vg_xpos_id("VBD");
    static const char *const phrases[] = { "advcl:of", "obl:of", "advcl:with", "obl:with", "obl:over", "advcl:over" };
    for (uint32_t v = 0; v < t->n; v++) {
        const vg_pattern *p = sc->marks[v].event;
        int g = vg_tree_head(t, v);
        if (!p || g < 0 || t->s->tokens[v].xpos != vbd || (strcmp(p->cameo->root, "11") && strcmp(p->cameo->root, "17")))
            continue;
        int subject = vg_tree_find_child(t, v, "nsubj");
        if (subject < 0 || vg_tree_find_child(t, v, "obj") >= 0 || vg_tree_find_child(t, v, "iobj") >= 0 ||
            vg_tree_find_child(t, v, "ccomp") >= 0 || !vg_tree_is_nominal(t, (uint32_t)subject) ||
            t->s->tokens[subject].upos == VG_UPOS_PRON)
            continue;
        int phrase = 0;
        for (uint32_t k = 0; k < vg_tree_n_children(t, v) && !phrase; k++)
            for (size_t r = 0; r < sizeof phrases / sizeof *phrases && !phrase; r++)
                phrase = vg_tree_rel_matches(t, vg_tree_child(t, v, k), phrases[r]);
        /* an entry that holds the preposition itself is an intransitive phrase, never passive
         * ("responded with tear gas") */
        for (uint32_t w = 1; w < p->n_words && phrase; w++)
            phrase = strcmp(p->words[w], "with") && strcmp(p->words[w], "of") && strcmp(p->words[w], "over");
        if (!phrase)
            continue;
        uint32_t first, last;
        vg_tree_phrase(t, (uint32_t)subject, &first, &last);
        const char *before = first > 0 && t->s->tokens[first - 1].form ? t->s->tokens[first - 1].form : "";
        /* a relative clause's object may be its noun ("a diplomat the government accused of
         * spying"); an apposition after a comma is no relative clause */
        if (!strncmp(vg_tree_deprel(t, v), "acl", 3) && strcmp(before, ","))
            continue;
        int rc = vg_tree_reattach(t, (uint32_t)subject, (uint32_t)g, strcmp(before, ",") ? "dep" : "appos", arena);
        if (rc == 0)
            rc = vg_tree_reattach(t, v, (uint32_t)subject, "acl", arena);
        if (rc < 0)
            return VG_ENOMEM;
    }
    return 0;
}

/* "Pakistan blamed neighbouring Afghanistan for sheltering the group" tagged with
 * "neighbouring" a gerund under "blamed" and "Afghanistan" its object: a describing form
 * (`[participle-adjective]`) read as a verb, right before its object, under a verb with no
 * object of its own, is the object's adjective, the object the verb's and the rest of what
 * hung on the form the verb's. */
static int reattach_participle_adjectives(sentence_ctx *sc, vg_arena *arena)
{
    vg_tree *t = &sc->tree;
    for (uint32_t g = 0; g + 1 < t->n; g++) {
        int v = vg_tree_head(t, g);
        if (t->s->tokens[g].upos != VG_UPOS_VERB || v < 0 || t->s->tokens[v].upos != VG_UPOS_VERB ||
            !vg_coder_is_word(sc, VG_WORDS_PARTICIPLE_ADJECTIVE, t->lower_form[g]) ||
            vg_tree_find_child(t, (uint32_t)v, "obj") >= 0)
            continue;
        int o = vg_tree_find_child(t, g, "obj");
        uint32_t first, last;
        if (o < 0)
            continue;
        vg_tree_phrase(t, (uint32_t)o, &first, &last);
        if (first != g + 1)
            continue;
        int rc = vg_tree_reattach(t, (uint32_t)o, (uint32_t)v, "obj", arena);
        for (uint32_t k = 0; rc == 0 && k < vg_tree_n_children(t, g); k++) {
            uint32_t c = vg_tree_child(t, g, k);
            rc = vg_tree_reattach(t, c, (uint32_t)v, vg_tree_deprel(t, c), arena);
            k = rc == 0 ? (uint32_t)-1 : k;     /* the children were re-indexed: start again */
        }
        if (rc == 0)
            rc = vg_tree_reattach(t, g, (uint32_t)o, "amod", arena);
        if (rc < 0)
            return VG_ENOMEM;
    }
    return 0;
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
    /* Every lemma is settled before any entry is matched: a multi-word entry reads the lemmas
     * of the words around its head. */
    const vg_pattern *const **entries = vg_arena_alloc(arena, (n + 1) * sizeof *entries);
    size_t *n_entries = vg_arena_alloc(arena, (n + 1) * sizeof *n_entries);
    if (!entries || !n_entries)
        return VG_ENOMEM;
    for (uint32_t i = 0; i < n; i++) {
        sc.marks[i].covered_by = -1;
        entries[i] = entries_at(coding->coder, &sc.tree, i, arena, &n_entries[i]);
    }
    for (uint32_t i = 0; i < n; i++)
        mark_token(t, i, entries[i], n_entries[i], sc.marks);
    if (reattach_infinitives(&sc, arena) || reattach_orders(&sc, arena) || reattach_reduced_passives(&sc, arena) ||
        reattach_participle_adjectives(&sc, arena))
        return VG_ENOMEM;
    vg_mentions_learn_aliases(&sc.mentions);

    sc.mentions.home = coding->home;
    /* The sentence's speaker first: a quote's "we" is who says it. */
    sc.mentions.speaker = coding->last_speaker;
    for (uint32_t i = 0; i < n; i++) {
        const vg_pattern *a = sc.marks[i].attribution;
        if (!a || a->pos != VG_PATTERN_VERB)
            continue;
        const vg_actor *sp;
        size_t k = vg_coder_role_actors(&sc, i, &a->source, &sp, NULL);
        if (k && sp[0].code) {
            sc.mentions.speaker = &sp[0];
            coding->last_speaker = &sp[0];
            break;
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        const vg_actor *a;
        if (is_phrase_head(t, i))
            vg_coder_actors_of(&sc, i, &a);
    }

    for (uint32_t i = 0; i < n; i++) {
        const marks *m = &sc.marks[i];
        /* A reporting verb with its report is an attribution, not a statement event. */
        if (m->attribution && (vg_tree_find_child(t, i, "ccomp") >= 0 || vg_tree_find_child(t, i, "parataxis") >= 0))
            continue;
        if (m->event && m->covered_by >= 0 && sc.marks[m->covered_by].event)
            continue;
        /* "she received death threats": receiving an act is no act of its own. */
        if (m->event && vg_coder_receives_act(&sc, i))
            continue;
        /* "The Committee to Protect Journalists called ...": a word of a name is no act. */
        if (m->event && sc.mentions.name_span[i] >= 0 && sc.mentions.spans[sc.mentions.name_span[i]].n_tokens > 1)
            continue;
        /* "the Russian opposition journalist", "a murder suspect": a noun that says what kind of
         * person is meant tells of no act. */
        if (m->event && !strcmp(vg_tree_deprel(t, i), "compound") && vg_tree_head(t, i) > (int)i &&
            vg_coder_is_word(&sc, VG_WORDS_PERSON, t->lower[vg_tree_head(t, i)]))
            continue;
        /* "called the minister a criminal", "who call themselves Ansar Allah": naming, not a
         * phone call. */
        if (m->event && vg_coder_name_given(&sc, i) >= 0)
            continue;
        /* "the alleged mastermind": a participle modifying a noun is a word of stance, not an act. */
        if (m->event && m->event->pos == VG_PATTERN_VERB && !strcmp(vg_tree_deprel(t, i), "amod"))
            continue;
        /* "We take every threat seriously", "will respond to any attack": a quantified act is
         * no particular one. */
        if (m->event && t->s->tokens[i].upos == VG_UPOS_NOUN && quantified(t, i))
            continue;
        /* "would share intelligence on threats to diplomats": a kind of act is none in particular. */
        if (m->event && kind_of_act(t, i))
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
            const vg_cameo_code *act = NULL;
            if (vg_coder_role_actors(&sc, i, &roles, &tgt, NULL))
                act = coding->coder->unspecified_assault;
            else
                act = thwarted_plot(&sc, i);
            if (act) {
                vg_pattern synthetic = *m->mode;
                synthetic.kind = VG_PATTERN_EVENT;
                synthetic.cameo = act;
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
