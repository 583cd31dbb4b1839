/* Who did it and to whom (coder_internal.h): the actors in an entry's relations, and the
 * phases that find the participants an act does not name itself (receivers, owners of acts,
 * authors named around the act, places and things, speakers of judgements) and its stance. */
#include "code/coder_internal.h"
#include <stdio.h>
#include <string.h>
#include "code/sides.h"
#include "code/when.h"
#include "text/tagset.h"

size_t vg_coder_actors_of(sentence_ctx *sc, uint32_t token, const vg_actor **out)
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
size_t vg_coder_role_actors(sentence_ctx *sc, uint32_t i, const vg_pattern_roles *roles, const vg_actor **out,
                          const char **rel_out)
{
    const vg_tree *t = &sc->tree;
    /* "a cartel figure accused of plotting", "the diplomats expelled on Monday": a participle's
     * object is the noun it modifies. */
    int gov = vg_tree_head(t, i);
    if (gov >= 0 && !strcmp(vg_tree_deprel(t, i), "acl") && vg_tree_is_passive(t, i))
        for (uint32_t r = 0; r < roles->n; r++)
            if (!strcmp(roles->rels[r], "obj")) {
                size_t n = vg_coder_actors_of(sc, (uint32_t)gov, out);
                if (n) {
                    if (rel_out)
                        *rel_out = "the noun the participle modifies";
                    return n;
                }
            }
    /* "two days after the leader of the Brigade threatened to kill her", parsed with the finite
     * verb as the leader's participle (an active acl, with no subject of its own): the noun is
     * its subject. */
    const vg_token *tok = &t->s->tokens[i];
    if (gov >= 0 && !strcmp(vg_tree_deprel(t, i), "acl") && !vg_tree_is_passive(t, i) && tok->upos == VG_UPOS_VERB &&
        vg_tree_find_child(t, i, "nsubj") < 0 && vg_tree_find_child(t, i, "mark") < 0)
        for (uint32_t r = 0; r < roles->n; r++)
            if (!strcmp(roles->rels[r], "nsubj")) {
                size_t n = vg_coder_actors_of(sc, (uint32_t)gov, out);
                if (n) {
                    if (rel_out)
                        *rel_out = "the noun the verb was misread as modifying";
                    return n;
                }
            }
    for (uint32_t r = 0; r < roles->n; r++) {
        /* A verb has one object and one subject: a second one is a misattached phrase ("arrested
         * a suspect in the attack on the ambassador's convoy" with "convoy" hung on the verb),
         * so the first, even when no actor is known for it, is the participant. */
        int single = !strcmp(roles->rels[r], "obj") || !strcmp(roles->rels[r], "nsubj");
        for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
            uint32_t c = vg_tree_child(t, i, k);
            /* A time is no participant ("exchanged fire on Monday"), nor a modifier that is a word
             * of the pattern itself ("a general strike" is no general's, "a drone strike" no
             * drone's). */
            const char *d = vg_tree_deprel(t, c);
            if (!vg_tree_rel_matches(t, c, roles->rels[r]) ||
                (!vg_tree_is_nominal(t, c) && t->s->tokens[c].upos != VG_UPOS_ADJ) || vg_when_is_temporal(t, c) ||
                (sc->marks[c].covered_by == (int32_t)i && (!strcmp(d, "amod") || !strcmp(d, "compound"))))
                continue;
            size_t n = vg_coder_actors_of(sc, c, out);
            if (n) {
                if (rel_out)
                    *rel_out = roles->rels[r];
                return n;
            }
            if (single)
                break;
        }
    }
    return 0;
}

int vg_coder_any_code(const vg_actor *a, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i].code)
            return 1;
    return 0;
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
        if (k == i || !vg_coder_below(t, i, k, 5))
            continue;
        /* k must be inside a content child of i */
        int top = (int)k;
        while (top >= 0 && vg_tree_head(t, (uint32_t)top) != (int)i)
            top = vg_tree_head(t, (uint32_t)top);
        if (top < 0 || !vg_coder_content_fits(t, (uint32_t)top, p))
            continue;
        static const char *const against[] = { "nmod:against", "nmod:on", "nmod:of" };
        static const vg_pattern_roles plot_roles = { against, 3 };
        const vg_pattern_roles *roles = sc->marks[k].event ? &sc->marks[k].event->target
                                        : sc->marks[k].mode ? &plot_roles : NULL;
        size_t n = roles ? vg_coder_role_actors(sc, k, roles, out, NULL) : 0;
        if (n && vg_coder_any_code(*out, n))
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
    const char *family = NULL;    /* "denied the charges": the charges were a legal action (17) */
    for (uint32_t k = 0; k < vg_tree_n_children(t, i) && !is_accusation; k++) {
        uint32_t c = vg_tree_child(t, i, k);
        if (!vg_coder_content_fits(t, c, p))
            continue;
        is_accusation |= vg_coder_is_word(sc, VG_WORDS_ACCUSATION, t->lower[c]);
        if (is_accusation && sc->marks[c].event)
            family = sc->marks[c].event->cameo->root;
    }
    if (!is_accusation)
        return 0;
    const vg_coding *c = sc->coding;
    for (size_t k = c->n_events; k-- > 0;) {
        const vg_event *e = &c->events[k];
        int accuses = e->cameo->plover == VG_PLOVER_ACCUSE || (family && !strcmp(e->cameo->root, family));
        if (accuses && e->source && e->source->code) {
            *out = e->source;
            return 1;
        }
    }
    /* No accusation coded: the accusations are what the last speaker said others did
     * ("Treasury said the group hired ... Iran's mission dismissed the accusations"). */
    for (size_t k = c->n_events; k-- > 0;) {
        const vg_event *e = &c->events[k];
        if (e->sentence < sc->index && e->n_attributed && e->attributed_to[0].code &&
            e->cameo->quad == VG_CAMEO_MATERIAL_CONFLICT) {
            *out = &e->attributed_to[0];
            return 1;
        }
    }
    return 0;
}

/* "Azerbaijan accused an Armenian group of ... Armenia denied that Yerevan had any links to
 * the group": a denial of a clause, by a side accused earlier in the document, answers the
 * latest accusation made against that side (its country); its author is the target. */
static size_t accuser_of_side(sentence_ctx *sc, const draft *d, const vg_actor **out)
{
    if (!d->n_src || !d->src[0].code || strlen(d->src[0].code) < 3 ||
        vg_tree_find_child(&sc->tree, d->i, "ccomp") < 0)
        return 0;
    const vg_coding *c = sc->coding;
    for (size_t k = c->n_events; k-- > 0;) {
        const vg_event *e = &c->events[k];
        if (e->sentence < sc->index && e->cameo->plover == VG_PLOVER_ACCUSE && e->source && e->source->code &&
            e->target && e->target->code && strlen(e->target->code) >= 3 &&
            !strncmp(e->target->code, d->src[0].code, 3) && strncmp(e->source->code, d->src[0].code, 3)) {
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
        if (!acc || acc->cameo->plover != VG_PLOVER_ACCUSE || !vg_coder_content_fits(t, x, acc))
            continue;
        size_t n = vg_coder_role_actors(sc, (uint32_t)a, &acc->target, out, NULL);
        if (n && vg_coder_any_code(*out, n))
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
    if (g >= 0 && !strcmp(r, "obj") && vg_coder_is_word(sc, VG_WORDS_RECEIVING, t->lower[g]))
        s = vg_coder_subject_of(t, (uint32_t)g);
    else if (g >= 0 && (!strcmp(r, "obl:under") || !strcmp(r, "nmod:under"))) {
        s = vg_coder_subject_of(t, (uint32_t)g);
        if (s < 0)      /* "has been placed under police protection" */
            s = vg_tree_find_child(t, (uint32_t)g, "nsubj:pass");
    }
    else if (vg_tree_find_child_lemma(t, i, "under") >= 0)   /* "she is under protection": copular */
        s = vg_tree_find_child(t, i, "nsubj");
    return s >= 0 ? vg_coder_actors_of(sc, (uint32_t)s, out) : 0;
}

/* Whether verb i receives an act ("received threats", "faced charges"). */
int vg_coder_receives_act(sentence_ctx *sc, uint32_t i)
{
    int o = vg_tree_find_child(&sc->tree, i, "obj");
    return o >= 0 && sc->marks[o].event && vg_coder_is_word(sc, VG_WORDS_RECEIVING, sc->tree.lower[i]);
}

/* The target of the act a responsibility claim names ("for the attack"), in the sentence or,
 * for a definite act, the document's last act of that family. */
static size_t owned_act_target(sentence_ctx *sc, uint32_t i, const vg_actor **out)
{
    const vg_tree *t = &sc->tree;
    for (uint32_t k = 0; k < t->n; k++) {
        if (!vg_coder_below(t, i, k, 3) || !sc->marks[k].event || t->s->tokens[k].upos != VG_UPOS_NOUN ||
            vg_tree_find_child_lemma(t, k, "for") < 0)
            continue;
        const vg_pattern *act = sc->marks[k].event;
        size_t n = vg_coder_role_actors(sc, k, &act->target, out, NULL);
        if (n && vg_coder_any_code(*out, n))
            return n;
        /* "apologised for a shooting in which its border guards wounded a farmer": the act
         * told in the clause on the noun has the victims. */
        for (uint32_t j = 0; j < vg_tree_n_children(t, k); j++) {
            uint32_t c = vg_tree_child(t, k, j);
            const vg_pattern *told = sc->marks[c].event;
            if (told && !strncmp(vg_tree_deprel(t, c), "acl", 3) &&
                (n = vg_coder_role_actors(sc, c, &told->target, out, NULL)) > 0 && vg_coder_any_code(*out, n))
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


/* The source of the last act an earlier sentence of the report told of, by someone other
 * than the n_self reacting: what "the decision" or "the step" stands for. */
static size_t last_author(sentence_ctx *sc, const vg_actor *self, size_t n_self, const vg_actor **out)
{
    const vg_coding *cd = sc->coding;
    for (size_t e = cd->n_events; e-- > 0;) {
        const vg_event *ev = &cd->events[e];
        if (ev->sentence >= sc->index || !ev->source || !ev->source->code)
            continue;
        int own = 0;
        for (size_t k = 0; k < n_self && !own; k++)
            own = self[k].code && !strncmp(ev->source->code, self[k].code, 3);
        if (!own) {
            *out = ev->source;
            return 1;
        }
    }
    return 0;
}

/* "condemned the attack" by unidentified assailants, placed only by the dateline: no one known
 * did it ("Afghan gunmen" or a named militia are known). */
static int unidentified_author(const sentence_ctx *sc, const vg_event *ev)
{
    return ev->source->resolved && strlen(ev->source->code) <= 6 &&
           vg_sides_unidentified(sc->coder->words, ev->source, 1);
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
            /* "Congo's government welcomed the decision": the last act another told of. */
            const vg_actor *self = NULL;
            size_t n_self = 0;
            if (vg_coder_is_word(sc, VG_WORDS_ACT_NOUN, t->lower[c]) && vg_coder_is_definite_noun(t, c) &&
                vg_tree_find_child(t, c, "acl") < 0 && vg_tree_find_child(t, c, "nmod") < 0) {
                int s = vg_tree_find_child(t, head, "nsubj");
                if (s >= 0)
                    n_self = vg_coder_actors_of(sc, (uint32_t)s, &self);
                if ((n = last_author(sc, self, n_self, out)) > 0)
                    return n;
            }
        }
        if (!fits || !act || sc->marks[c].covered_by == (int32_t)head || t->s->tokens[c].upos != VG_UPOS_NOUN)
            continue;
        size_t n = vg_coder_role_actors(sc, c, &act->source, out, NULL);
        if (n && vg_coder_any_code(*out, n))
            return n;
        const vg_coding *cd = sc->coding;
        /* "declined to comment on the charges": first the last act told by the same word
         * ("charged three men"), before any act of its kind (an arrest, a request for one). */
        for (size_t e = cd->n_events; e-- > 0;) {
            const vg_event *ev = &cd->events[e];
            if (ev->rule && ev->rule->n_words && !strcmp(ev->rule->words[0], t->lower[c]) &&
                !strcmp(ev->cameo->root, act->cameo->root) && ev->source && ev->source->code &&
                !(ev->sentence == sc->index && ev->head == c))
                return unidentified_author(sc, ev) ? 0 : (*out = ev->source, 1);
        }
        for (size_t e = cd->n_events; e-- > 0;) {
            const vg_event *ev = &cd->events[e];
            /* "denounced the remarks": a statement named as target is the last thing said, a
             * statement, demand, accusation, rejection or threat alike. */
            int said = !strcmp(act->cameo->root, "01") && ev->cameo->quad != VG_CAMEO_MATERIAL_COOPERATION &&
                       ev->cameo->quad != VG_CAMEO_MATERIAL_CONFLICT;
            /* ... and "the attack" any act of violence ("condemned the attack" after an air strike). */
            int violent = act->cameo->quad == VG_CAMEO_MATERIAL_CONFLICT && ev->cameo->quad == VG_CAMEO_MATERIAL_CONFLICT;
            if ((said || violent || !strcmp(ev->cameo->root, act->cameo->root)) && ev->source && ev->source->code) {
                if (unidentified_author(sc, ev))
                    return 0;
                *out = ev->source;
                return 1;
            }
        }
    }
    return 0;
}

static size_t act_author(sentence_ctx *sc, uint32_t i, const vg_pattern *p, const vg_actor **out)
{
    /* The head's own phrases, then those of the pattern's other words ("vowed to avenge X"). */
    size_t n = act_author_at(sc, i, i, p, out);
    for (uint32_t k = 0; !n && k < sc->tree.n; k++)
        if (sc->marks[k].covered_by == (int32_t)i)
            n = act_author_at(sc, k, i, p, out);
    return n;
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
            if (s >= 0 && (n = vg_coder_actors_of(sc, (uint32_t)s, out)) > 0) {
                *how = "subject of \"behind\"";
                *alleged = 1;
                return n;
            }
        }
        /* "an attack attributed to Iran", "a strike ordered by Trump" */
        if (!strncmp(d, "acl", 3) && t->s->tokens[c].upos == VG_UPOS_VERB) {
            int lays = vg_coder_is_word(sc, VG_WORDS_LAYING, t->lower[c]);
            if (lays || vg_coder_is_word(sc, VG_WORDS_DOING, t->lower[c])) {
                static const char *const rels[] = { "obl:to", "obl:on", "obl:agent", "obl:by" };
                const vg_pattern_roles roles = { rels, 4 };
                if ((n = vg_coder_role_actors(sc, c, &roles, out, NULL)) > 0) {
                    *how = lays ? "the one the act is laid on" : "agent of the act's participle";
                    *alleged |= lays;
                    return n;
                }
            }
        }
        /* "killed on the orders of Trump" */
        if (!strcmp(r, "obl:on") && vg_coder_is_word(sc, VG_WORDS_ORDERS, t->lower[c])) {
            int of = vg_tree_find_child(t, c, "nmod:of");
            if (of >= 0 && (n = vg_coder_actors_of(sc, (uint32_t)of, out)) > 0) {
                *how = "who gave the orders";
                return n;
            }
        }
        /* "killed in a drone strike ordered by Trump": the author of the act it happened in. */
        if ((!strcmp(r, "obl:in") || !strcmp(r, "obl:during")) && sc->marks[c].event) {
            const vg_pattern *ap = sc->marks[c].event;
            if (((n = vg_coder_role_actors(sc, c, &ap->source, out, NULL)) > 0 && vg_coder_any_code(*out, n)) ||
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
        size_t n = s >= 0 ? vg_coder_actors_of(sc, (uint32_t)s, out) : 0;
        if (n) {
            *how = "subject of \"responsible for\"";
            *alleged = 1;
            return n;
        }
    }
    return 0;
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
    /* "plant a bomb along the official's route", "a blast outside the embassy": the place it
     * was done at. */
    static const char *const at[] = { "obl:along", "obl:near", "obl:outside", "obl:at", "obl:inside" };
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        uint32_t c = vg_tree_child(t, i, k);
        for (size_t r = 0; r < sizeof at / sizeof *at && t->s->tokens[c].upos == VG_UPOS_NOUN; r++)
            if (vg_tree_rel_matches(t, c, at[r]) && !vg_when_is_temporal(t, c) && !sc->marks[c].event)
                return (int)c;
    }
    return -1;
}

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

/* The country a thing is in: "a refinery in Russia's Samara region", "a base in Arauca". */
static size_t thing_place(sentence_ctx *sc, uint32_t thing, const vg_actor **out)
{
    /* "an attempt on her life", "attacked the minister's car", "raided the headquarters of an
     * opposition party": the thing's owner is hit. (An act named as the object is no one's
     * thing: "avenge the killing of its commander" does not target the commander.) */
    static const char *const owner[] = { "nmod:poss", "nmod:of" };
    static const vg_pattern_roles owner_role = { owner, 2 }, poss_role = { owner, 1 };
    /* "a bomb outside the Indian embassy": a place that is itself an actor is hit. */
    size_t n = vg_coder_actors_of(sc, thing, out);
    if (n && vg_coder_any_code(*out, n))
        return n;
    n = vg_coder_role_actors(sc, thing, sc->marks[thing].event ? &poss_role : &owner_role, out, NULL);
    if (n && vg_coder_any_code(*out, n))
        return n;
    static const char *const rels[] = { "nmod:in", "nmod:at", "nmod:near", "nmod:outside", "nmod:inside" };
    static const vg_pattern_roles roles = { rels, 5 };
    n = vg_coder_role_actors(sc, thing, &roles, out, NULL);
    if (n && vg_coder_any_code(*out, n)) {
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
        if (!strncmp(vg_tree_deprel(t, c), "acl", 3) && vg_coder_is_word(sc, VG_WORDS_TIES, t->lower[c]) &&
            (n = vg_coder_role_actors(sc, c, &to_roles, out, NULL)) > 0)
            return n;
        /* "a Greek-owned cargo ship", "an Iranian-flagged tanker": the owner is the
         * participle's own modifier. */
        if (!strcmp(vg_tree_deprel(t, c), "amod") && vg_coder_is_word(sc, VG_WORDS_TIES, t->lower[c]))
            for (uint32_t j = 0; j < vg_tree_n_children(t, c); j++) {
                uint32_t o = vg_tree_child(t, c, j);
                const char *d = vg_tree_deprel(t, o);
                if (o < c && strcmp(d, "punct") && strcmp(d, "advmod") &&
                    (n = vg_coder_actors_of(sc, o, out)) > 0 && vg_coder_any_code(*out, n))
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
    return vg_coder_actors_of(sc, (uint32_t)s, &a) == 0;
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
        return vg_coder_actors_of(sc, (uint32_t)g, out);
    if (strcmp(r, "obl:with") && strcmp(r, "obl:in"))
        return 0;
    int s = vg_coder_subject_of(t, (uint32_t)g);
    return s >= 0 ? vg_coder_actors_of(sc, (uint32_t)s, out) : 0;
}

int vg_coder_is_definite_noun(const vg_tree *t, uint32_t i)
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
        size_t n = vg_coder_role_actors(sc, c, &ap->source, out, NULL);
        if (!n || !vg_coder_any_code(*out, n))
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
        if (strcmp(vg_tree_rel(t, c), "obl:in") || !vg_coder_is_word(sc, VG_WORDS_RESPONSE, t->lower[c]))
            continue;
        int to = vg_tree_find_child(t, c, "nmod:to");
        if (to < 0)
            continue;
        const vg_pattern *act = sc->marks[to].event;
        size_t n = act ? vg_coder_role_actors(sc, (uint32_t)to, &act->source, out, NULL) : 0;
        if (n && vg_coder_any_code(*out, n))
            return n;
        if (!act && (n = vg_coder_actors_of(sc, (uint32_t)to, out)) > 0 && vg_coder_any_code(*out, n))
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
int vg_coder_naming_predicate(const sentence_ctx *sc, uint32_t verb)
{
    int c = vg_coder_name_given(sc, verb);
    const vg_pattern *e = c >= 0 ? sc->marks[c].event : NULL;
    return e && e->pos == VG_PATTERN_NOUN && judges_subject(e) ? c : -1;
}

int vg_coder_name_given(const sentence_ctx *sc, uint32_t verb)
{
    const vg_tree *t = &sc->tree;
    if (!vg_coder_is_word(sc, VG_WORDS_NAMING, t->lower[verb]))
        return -1;
    /* "what he called a media campaign" (the clause on "what"): no one phones "what" */
    int wh = vg_tree_head(t, verb);
    if (wh >= 0 && !strncmp(vg_tree_deprel(t, verb), "acl", 3) && t->s->tokens[wh].xpos == vg_xpos_id("WP")) {
        int name = vg_tree_find_child(t, verb, "obj");
        return name >= 0 ? name : wh;
    }
    int objects = 0;
    for (uint32_t k = 0; k < vg_tree_n_children(t, verb); k++) {
        uint32_t c = vg_tree_child(t, verb, k);
        const char *d = vg_tree_deprel(t, c);
        int second_object = !strcmp(d, "obj") && objects++ > 0;
        if ((second_object || !strcmp(d, "xcomp")) && vg_tree_is_nominal(t, c))
            return (int)c;
        /* "calling it "malicious and baseless"": a judgement by an adjective */
        if (!strcmp(d, "xcomp") && t->s->tokens[c].upos == VG_UPOS_ADJ)
            return (int)c;
        /* "who call themselves Ansar Allah" with the name parsed away: no one phones himself. */
        if (!strcmp(d, "obj") && vg_tree_is_reflexive(t, c))
            return (int)c;
        /* "condemned what he called a media campaign": no one phones "what" */
        if (!strcmp(d, "obj") && (t->s->tokens[c].xpos == vg_xpos_id("WP") || t->s->tokens[c].xpos == vg_xpos_id("WDT")))
            return (int)c;
        /* "called the shooting "an attempt to murder"" with the name parsed as the object's
         * apposition */
        if (!strcmp(d, "obj")) {
            int name = vg_tree_find_child(t, c, "appos");
            if (name >= 0 && vg_tree_is_nominal(t, (uint32_t)name))
                return name;
        }
    }
    return -1;
}

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
int vg_coder_own_participants(sentence_ctx *sc, draft *d)
{
    const vg_tree *t = &sc->tree;
    uint32_t i = d->i;
    const vg_pattern *p = d->p;
    d->n_src = vg_coder_role_actors(sc, i, &p->source, &d->src, &d->src_how);
    d->n_tgt = vg_coder_role_actors(sc, i, &p->target, &d->tgt, &d->tgt_how);
    if (p->pos == VG_PATTERN_NOUN && judges_subject(p)) {
        /* A judgement noun ("a criminal", "a spy") is an act only as a predicate: "X is a
         * criminal" judges the subject (for the speaker, below); "called X a criminal" the
         * object, for whoever called. "A Russian spy was arrested" judges no one. */
        int g = vg_tree_head(t, i);
        if (vg_tree_find_child(t, i, "cop") >= 0) {
            d->n_src = 0;
        } else if (g >= 0 && vg_coder_naming_predicate(sc, (uint32_t)g) == (int)i) {
            static const char *const subj[] = { "nsubj" }, *const obj[] = { "obj" };
            static const vg_pattern_roles subj_role = { subj, 1 }, obj_role = { obj, 1 };
            d->n_src = vg_coder_role_actors(sc, (uint32_t)g, &subj_role, &d->src, NULL);
            d->n_tgt = vg_coder_role_actors(sc, (uint32_t)g, &obj_role, &d->tgt, NULL);
            d->src_how = "who gave the name";
            d->tgt_how = "whom the name was given";
        } else {
            return -1;
        }
    }
    static const char *const noun_targets[] = { "nmod:against", "nmod:on", "nmod:of", "nmod:to", "nmod:at" };
    static const vg_pattern_roles noun_roles = { noun_targets, 5 };
    /* "issued threats against Trump": the target hangs off the pattern's noun. */
    for (uint32_t k = 0; !d->n_tgt && k < t->n; k++)
        if (k != i && sc->marks[k].covered_by == (int32_t)i) {
            uint8_t u = t->s->tokens[k].upos;
            const vg_pattern_roles *roles = sc->marks[k].event ? &sc->marks[k].event->target
                                            : u == VG_UPOS_NOUN ? &noun_roles : &p->target;
            d->n_tgt = vg_coder_role_actors(sc, k, roles, &d->tgt, &d->tgt_how);
        }
    /* A verb's object is its target when the entry's own relations find none ("urged Beijing
     * to show restraint"), unless the object is a word of the pattern. */
    if (!d->n_tgt && p->pos == VG_PATTERN_VERB) {
        static const char *const obj[] = { "obj", "iobj" };
        static const vg_pattern_roles obj_role = { obj, 2 };
        int o = vg_tree_find_child(t, i, "obj");
        if (o < 0 || sc->marks[o].covered_by != (int32_t)i)
            d->n_tgt = vg_coder_role_actors(sc, i, &obj_role, &d->tgt, &d->tgt_how);
    }
    return 0;
}

/* Targets found around the act when it names none: who receives it, the victims of the act it
 * owns, the author of an act named as target, the light verb's phrase. */
void vg_coder_targets_around(sentence_ctx *sc, draft *d)
{
    const vg_tree *t = &sc->tree;
    uint32_t i = d->i;
    const vg_pattern *p = d->p;
    const vg_actor *a;
    size_t n;
    /* "she received death threats", "the embassy came under attack", "has been under police
     * protection": the one who receives or is under an act is its target. */
    if (!vg_coder_any_code(d->tgt, d->n_tgt) && t->s->tokens[i].upos == VG_UPOS_NOUN && (n = receiver_of(sc, i, &a)) > 0)
        take_target(d, a, n, "who received it or was under it");
    /* "claimed responsibility for the attack", "apologised for the shooting": whoever owns an
     * act takes its victims as target. */
    if (!vg_coder_any_code(d->tgt, d->n_tgt) && (!strcmp(p->cameo->code, "015") || !strcmp(p->cameo->code, "055")) &&
        (n = owned_act_target(sc, i, &a)) > 0)
        take_target(d, a, n, "the target of the act owned");
    /* "condemned the arrests": an act as target stands for whoever did it. */
    if (!vg_coder_any_code(d->tgt, d->n_tgt) && (n = act_author(sc, i, p, &a)) > 0)
        take_target(d, a, n, "author of the act named as target");
    /* "demanded that France find the perpetrators": an appeal or demand is made of the one
     * its clause asks to act. */
    if (!vg_coder_any_code(d->tgt, d->n_tgt) && (!strcmp(p->cameo->root, "02") || !strcmp(p->cameo->root, "10"))) {
        int clause = vg_tree_find_child(t, i, "ccomp");
        if (clause < 0) {   /* (the parser makes some such clauses an object) */
            clause = vg_tree_find_child(t, i, "obj");
            if (clause >= 0 && t->s->tokens[clause].upos != VG_UPOS_VERB)
                clause = -1;
        }
        int subject = clause >= 0 ? vg_tree_find_child(t, (uint32_t)clause, "nsubj") : -1;
        if (subject >= 0 && (n = vg_coder_actors_of(sc, (uint32_t)subject, &a)) > 0 && vg_coder_any_code(a, n))
            take_target(d, a, n, "the subject of the clause demanded");
    }
    /* "announced charges against X" is often parsed with the phrase on the verb. */
    int g = vg_tree_head(t, i);
    if (!d->n_tgt && g >= 0 && t->s->tokens[i].upos == VG_UPOS_NOUN && !strcmp(vg_tree_rel(t, i), "obj") &&
        vg_coder_is_light_verb(sc, t->lower[g])) {
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
        d->n_tgt = vg_coder_role_actors(sc, (uint32_t)g, &verb_roles, &d->tgt, NULL);
        if (d->n_tgt)
            d->tgt_how = "the light verb's phrase";
    }
}

/* Sources the act does not name itself: from the walk (a mode marker, a controlling verb),
 * the words around it, the act told again on its victim, the document's last act of its
 * family. */
/* "the Brigade released a video threatening to attack diplomats": what a message says (a
 * clause describing a [message] word) is said by whoever put the message out, the subject of
 * the verb the message is the object of. */
static size_t message_author(sentence_ctx *sc, uint32_t i, const vg_actor **out)
{
    const vg_tree *t = &sc->tree;
    int noun = vg_tree_head(t, i);
    if (noun < 0 || strncmp(vg_tree_deprel(t, i), "acl", 3) ||
        !vg_coder_is_word(sc, VG_WORDS_MESSAGE, t->lower[noun]) || strcmp(vg_tree_deprel(t, (uint32_t)noun), "obj"))
        return 0;
    int verb = vg_tree_head(t, (uint32_t)noun);
    int subject = verb < 0 ? -1 : vg_tree_find_child(t, (uint32_t)verb, "nsubj");
    return subject < 0 ? 0 : vg_coder_actors_of(sc, (uint32_t)subject, out);
}

void vg_coder_sources_around(sentence_ctx *sc, draft *d)
{
    uint32_t i = d->i;
    const vg_pattern *p = d->p;
    if (!d->n_src && d->w.n_source)
        take_source(d, d->w.source, d->w.n_source, d->w.source_how);
    /* "Iran was behind the killings", "an attack attributed to Iran", "killed on the orders of
     * Trump", "killed in a strike ordered by Trump": the author named around the act. */
    if (!d->n_src)
        d->n_src = author_around(sc, i, &d->src, &d->src_how, &d->attributed_author, 0);
    if (!d->n_src && (d->n_src = message_author(sc, i, &d->src)) > 0)
        d->src_how = "who put the message out";
    /* "the assassination of Soleimani, killed in a strike ordered by Trump": the act told again
     * on its victim names the author. */
    if (!d->n_src && d->n_tgt && d->tgt[0].sentence == sc->index)
        d->n_src = author_on_victim(sc, d->tgt[0].token, p->cameo->root, &d->src, &d->src_how,
                                    &d->attributed_author);
    /* "Israel was behind the attack": a definite act with one participant of its own takes the
     * other from the document's last act of its family. (A bare "the indictment" with none is
     * only a mention of that act, not a new record.) */
    /* ("the plot was disrupted": a plot with no act or side of its own takes both) */
    int plot_only = sc->marks[i].mode && !sc->marks[i].event && sc->marks[i].mode->pos == VG_PATTERN_NOUN;
    if ((!d->n_tgt || !d->n_src) && (d->n_tgt || d->n_src || plot_only) && vg_coder_is_definite_noun(&sc->tree, i)) {
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

void vg_coder_target_answered(sentence_ctx *sc, draft *d)
{
    /* (force in response: "did not respond to a request for comment" answers no act) */
    if (d->n_tgt || !d->n_src || !d->src[0].code || strlen(d->src[0].code) < 3 ||
        d->act->quad != VG_CAMEO_MATERIAL_CONFLICT || !vg_coder_is_word(sc, VG_WORDS_RESPONSE, sc->tree.lower[d->i]))
        return;
    const vg_coding *cd = sc->coding;
    size_t len = strlen(d->src[0].code);
    for (size_t e = cd->n_events; e-- > 0;) {
        const vg_event *ev = &cd->events[e];
        if (!ev->target || !ev->target->code || !ev->source || !ev->source->code ||
            strncmp(ev->target->code, d->src[0].code, len < 6 ? len : 6))
            continue;
        take_target(d, ev->source, 1, "the author of the act responded to");
        return;
    }
}

/* Participants the speech around the act supplies: a denial's target, the speaker of an
 * arrest with no agent or of a judgement. */
void vg_coder_participants_from_speech(sentence_ctx *sc, draft *d)
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
        if (!d->n_tgt && (d->n_tgt = accuser_of_side(sc, d, &d->tgt)) > 0)
            d->tgt_how = "who accused the denier's side";
    }
    /* "Two men were arrested, police said": who reports an arrest with no agent made it — but
     * courts and prosecutors charge and try, they do not arrest: "were arrested ..., the
     * prosecutors said" is an arrest by their country's authorities (DEU of DEUJUD). */
    if (!d->n_src && d->w.n_speakers && vg_tree_is_passive(&sc->tree, i) && !strcmp(d->act->root, "17")) {
        const vg_actor *s = &d->w.speakers[0];
        const char *lemma = sc->tree.lower[i];
        int arrest = !strcmp(lemma, "arrest") || !strcmp(lemma, "detain");
        if (arrest && s->code && strlen(s->code) >= 6 && !strncmp(s->code + 3, "JUD", 3)) {
            vg_actor *country = vg_arena_alloc(sc->coding->arena, sizeof *country);
            if (country) {
                const vg_dict_entry *state = vg_dict_country(sc->coder->dict, s->code);
                *country = (vg_actor){ .text = s->text, .code = vg_arena_strndup(sc->coding->arena, s->code, 3),
                                       .name = state ? state->name : NULL, .start = s->start, .end = s->end,
                                       .token = s->token, .sentence = s->sentence, .resolved = 1 };
                if (country->code)
                    take_source(d, country, 1, "the speaker's country (a court reporting an arrest)");
            }
        } else {
            take_source(d, d->w.speakers, d->w.n_speakers, "the speaker (passive with no agent)");
        }
    }
    /* "From Iran's perspective, Trump is a criminal", "X is a traitor, the ministry said": a
     * judgement with no one passing it is the speaker's. */
    if (!d->n_src && d->w.n_speakers && !strcmp(d->act->root, "11") && p->pos == VG_PATTERN_NOUN &&
        vg_tree_find_child(&sc->tree, i, "cop") >= 0)
        take_source(d, d->w.speakers, d->w.n_speakers, "the speaker of the judgement");
}

/* Who says so and how: the accusation or denial the act is the content of (whose accused did
 * it), an alleging attribution or hedge, or one side reporting another's hostile act. */
void vg_coder_stance_of(sentence_ctx *sc, draft *d)
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
            d->n_speakers = vg_coder_role_actors(sc, (uint32_t)d->w.parent, &pp->source, &d->speakers, NULL);
            n_accused = vg_coder_role_actors(sc, (uint32_t)d->w.parent, &pp->target, &accused, NULL);
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
               vg_coder_any_code(d->src, d->n_src) && vg_coder_any_code(d->speakers, d->n_speakers) &&
               !vg_sides_same(coder->words, d->speakers, d->n_speakers, d->src, d->n_src) &&
               !vg_sides_own_press(d->speakers, d->n_speakers, d->src, d->n_src) &&
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
void vg_coder_targets_from_sentence(sentence_ctx *sc, draft *d)
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
            d->n_tgt = vg_coder_role_actors(sc, (uint32_t)harm, &hp->target, &d->tgt, NULL);
            if (d->n_tgt)
                d->tgt_how = "object of the harm the act did";
        }
    }
    /* "struck a refinery in Russia's Samara region", "Russian forces captured a village":
     * violence against a place or thing hits the country it is in, or else the country of the
     * report's dateline, unless that is the attacker's own. */
    int violent = act->quad == VG_CAMEO_MATERIAL_CONFLICT || !strcmp(act->root, "13");
    int thing = vg_coder_any_code(d->tgt, d->n_tgt) || !violent ? -1 : target_thing(sc, i, d->p);
    if (thing >= 0) {
        const vg_actor *where;
        size_t n = thing_place(sc, (uint32_t)thing, &where);
        if (n && vg_coder_any_code(where, n))
            take_target(d, where, n, "the country the place or thing is in, or whose it is");
    }
    const char *home = sc->coding->home;
    if (thing >= 0 && !vg_coder_any_code(d->tgt, d->n_tgt) && home &&
        !(d->n_src && d->src[0].code && !strncmp(d->src[0].code, home, 3))) {
        vg_actor *place = vg_arena_alloc(sc->coding->arena, sizeof *place);
        uint32_t first, last;
        vg_tree_phrase(t, (uint32_t)thing, &first, &last);
        /* the words of the place or thing, which only the dateline places */
        char *words = vg_tree_text(t, first, last, sc->coding->arena);
        if (place) {
            *place = (vg_actor){ .code = home, .text = words ? words : "", .resolved = 1, .sentence = sc->index,
                                 .token = (uint32_t)thing };
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
int vg_coder_worth_a_record(sentence_ctx *sc, const draft *d)
{
    uint32_t i = d->i;
    if (!vg_coder_any_code(d->src, d->n_src) && !vg_coder_any_code(d->tgt, d->n_tgt))
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
