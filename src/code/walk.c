/* The walk up from an event head (coder_internal.h): the mode markers, accusations, denials
 * and reporting words it is the content of, its tense, negation and hedges, and a source
 * inherited from a controlling verb or a mode marker's subject. */
#include "code/coder_internal.h"
#include <string.h>
#include "text/tagset.h"

int vg_coder_content_fits(const vg_tree *t, uint32_t child, const vg_pattern *p)
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
            size_t n = vg_coder_actors_of(sc, c, out);
            if (n)
                return n;
        }
        /* "From the perspective of Iran, X", "in Tehran's view", "in the eyes of Israel": the
         * holder of the view says so. */
        if ((!strcmp(r, "obl:from") || !strcmp(r, "obl:in")) && vg_coder_is_word(sc, VG_WORDS_VIEWPOINT, t->lower[c])) {
            int holder = vg_tree_find_child(t, c, "nmod:of");
            if (holder < 0)
                holder = vg_tree_find_child(t, c, "nmod:poss");
            size_t n = holder >= 0 ? vg_coder_actors_of(sc, (uint32_t)holder, out) : 0;
            if (n)
                return n;
        }
        if (!strncmp(r, "advcl", 5) && !strcmp(t->lower[c], "cite")) {
            int o = vg_tree_find_child(t, c, "obj");
            size_t n = o >= 0 ? vg_coder_actors_of(sc, (uint32_t)o, out) : 0;
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
    w->n_speakers = vg_coder_role_actors(sc, token, &p->source, &w->speakers, NULL);
    /* "... expelled two diplomats after its intelligence service concluded that ..." parsed
     * with the reporting verb conjoined and no subject of its own: the shared subject speaks. */
    int s = w->n_speakers ? -1 : vg_coder_subject_of(&sc->tree, token);
    if (s >= 0)
        w->n_speakers = vg_coder_actors_of(sc, (uint32_t)s, &w->speakers);
    w->allege = p->attribution == VG_ATTRIBUTION_ALLEGE;
}

/* Whether verb v's object is "no evidence", "no sign", "no indication", "no proof". */
static int no_evidence(const sentence_ctx *sc, uint32_t v)
{
    const vg_tree *t = &sc->tree;
    int o = vg_tree_find_child(t, v, "obj");
    return o >= 0 && vg_tree_is_negated(t, (uint32_t)o) && vg_coder_is_word(sc, VG_WORDS_EVIDENCE, t->lower[o]);
}

/* A light verb's object noun carries the event while its subject does it: "announced
 * charges", "launched an attack", "issued a warning", "imposed sanctions". */
int vg_coder_is_light_verb(const sentence_ctx *sc, const char *lemma)
{
    return vg_coder_is_word(sc, VG_WORDS_LIGHT_VERB, lemma);
}

/* Whether clause i carries a modal of obligation ("must be prosecuted", "should stop"). */
static int has_deontic_aux(const vg_tree *t, uint32_t i)
{
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        uint32_t c = vg_tree_child(t, i, k);
        const char *w = t->lower_form[c];
        if (!strcmp(vg_tree_deprel(t, c), "aux") && (!strcmp(w, "must") || !strcmp(w, "should") || !strcmp(w, "ought")))
            return 1;
    }
    return 0;
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
int vg_coder_subject_of(const vg_tree *t, uint32_t v)
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

void vg_coder_walk_up(sentence_ctx *sc, uint32_t head, walk *w)
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
            if ((!strcmp(d, "amod") || !strcmp(d, "advmod")) && vg_coder_is_word(sc, VG_WORDS_HEDGE, t->lower_form[c]))
                w->alleged_word = 1;
        }
        if (in_mode_chain && vg_tree_is_negated(t, cur))
            w->negated = 1;
        /* The tense is that of the first verb up the chain ("will work in cooperation with"),
         * or of the verb controlling it, since an infinitive has none of its own ("will
         * continue to work in cooperation with"). */
        if ((in_mode_chain || tense_open) && has_future_aux(t, cur))
            w->future = 1;
        if ((in_mode_chain || tense_open) && has_deontic_aux(t, cur))
            w->demanded = 1;
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
            (!strncmp(rel, "acl", 3) && vg_coder_is_word(sc, VG_WORDS_EVIDENCE, t->lower[g]) && vg_tree_is_negated(t, (uint32_t)g)))
            w->negated = 1;
        if (gm->mode && vg_coder_content_fits(t, cur, gm->mode) && in_mode_chain) {
            w->mode = gm->mode->mode;   /* the outer marker decides */
            w->mode_marker = g;
            passed_thwart |= gm->mode->mode == VG_MODE_THWARTED;
            if (!w->n_source && gm->mode->mode != VG_MODE_THWARTED) {
                const char *how = NULL;
                w->n_source = vg_coder_role_actors(sc, (uint32_t)g, &gm->mode->source, &w->source, &how);
                w->source_how = how;
            }
        } else if (gm->event && gm->event->content.n && vg_coder_content_fits(t, cur, gm->event)) {
            w->parent = g;
            break;
        } else if (!strncmp(rel, "acl:", 4) && (w->parent = accused_of(sc, (uint32_t)g, rel + 4)) >= 0) {
            /* "accused Iran of plotting", "charged a man with planning" parsed with the clause
             * on the object */
            break;
        } else if (vg_coder_is_light_verb(sc, t->lower[g]) && (w->parent = light_parent(sc, (uint32_t)g, cur)) >= 0) {
            break;
        } else if (gm->attribution && vg_coder_content_fits(t, cur, gm->attribution)) {
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
        /* "opened fire on a police station, killing two officers": a participle clause after a
         * comma, with no subject of its own, tells what the main clause's subject did ("denied
         * using chemical weapons" is no such clause). Only the participle's own act: "foiling
         * what officers described as an attack" is no attack by the subject; and not a
         * reporting verb's (a participle misread as the "said" clause's is not the speaker's). */
        control |= cur == head && !gm->attribution && !strcmp(rel, "advcl") && t->s->tokens[cur].upos == VG_UPOS_VERB &&
                   cur > 0 &&
                   t->s->tokens[cur - 1].form && !strcmp(t->s->tokens[cur - 1].form, ",") &&
                   t->s->tokens[cur].xpos == vg_xpos_id("VBG") && vg_tree_find_child(t, cur, "nsubj") < 0 &&
                   vg_tree_find_child(t, cur, "nsubj:pass") < 0 && !passed_thwart;
        int light = cur == head && !strcmp(rel, "obj") && t->s->tokens[head].upos == VG_UPOS_NOUN &&
                    vg_coder_is_light_verb(sc, t->lower[g]);
        if (!w->n_source && (control || light)) {
            const vg_actor *a;
            int s = !strcmp(rel, "xcomp") ? vg_tree_find_child(t, (uint32_t)g, "obj") : -1;
            if (s < 0 && !strcmp(rel, "xcomp"))
                s = vg_tree_find_child(t, (uint32_t)g, "iobj");   /* (the parser's reading of some objects) */
            /* "demanded her release and summoned the ambassador" parsed with "summoned"
             * conjoined to the noun: the verb governing the noun has the subject. */
            int host = g;
            if (!strcmp(rel, "conj") && t->s->tokens[g].upos != VG_UPOS_VERB && vg_tree_head(t, (uint32_t)g) >= 0 &&
                t->s->tokens[vg_tree_head(t, (uint32_t)g)].upos == VG_UPOS_VERB)
                host = vg_tree_head(t, (uint32_t)g);
            if (s < 0)
                s = vg_coder_subject_of(t, (uint32_t)host);
            size_t n = s >= 0 ? vg_coder_actors_of(sc, (uint32_t)s, &a) : 0;
            if (n) {
                w->source = a;
                w->n_source = n;
                w->source_how = light ? "subject of the light verb"
                                : !strcmp(rel, "xcomp") ? "controller of the infinitive"
                                : !strcmp(rel, "advcl") ? "subject of the clause the participle adds to"
                                : "shared subject";
            }
        }
        cur = (uint32_t)g;
        if (w->n_chain < MAX_CHAIN)
            w->chain[w->n_chain++] = cur;
    }
}
