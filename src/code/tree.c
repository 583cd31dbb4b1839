/* The tree view of a parsed sentence (tree.h). Children are stored in one flat array in
 * sentence order (counting sort by head), so walking them allocates nothing. */
#include "code/tree.h"
#include <stdio.h>
#include <string.h>
#include "code/when.h"
#include "text/tagset.h"
#include "util/limits.h"

/* s itself when it has no capital letter (most words): no copy. */
static const char *lowercase(const char *s, vg_arena *arena)
{
    size_t n = 0;
    int upper = 0;
    for (; s[n]; n++)
        upper |= s[n] >= 'A' && s[n] <= 'Z';
    if (!upper)
        return s;
    char *out = vg_arena_strndup(arena, s, n);
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (out[i] >= 'A' && out[i] <= 'Z')
            out[i] = (char)(out[i] - 'A' + 'a');
    return out;
}

int vg_tree_is_reflexive(const vg_tree *t, uint32_t i)
{
    const char *w = t->lower_form[i];
    size_t n = strlen(w);
    return t->s->tokens[i].upos == VG_UPOS_PRON &&
           ((n > 4 && !strcmp(w + n - 4, "self")) || (n > 6 && !strcmp(w + n - 6, "selves")));
}

int vg_tree_head(const vg_tree *t, uint32_t i)
{
    int h = t->head[i];
    return (h >= 1 && (uint32_t)h <= t->n && (uint32_t)h != i + 1) ? h - 1 : -1;
}

uint32_t vg_tree_n_children(const vg_tree *t, uint32_t i) { return t->first_child[i + 1] - t->first_child[i]; }
uint32_t vg_tree_child(const vg_tree *t, uint32_t i, uint32_t k) { return t->child[t->first_child[i] + k]; }

const char *vg_tree_deprel(const vg_tree *t, uint32_t i)
{
    uint8_t d = t->deprel[i];
    return d < vg_deprel_count ? vg_deprel_names[d] : "_";
}

static int deprel_is(const vg_tree *t, uint32_t i, const char *name)
{
    return strcmp(vg_tree_deprel(t, i), name) == 0;
}

int vg_tree_is_passive(const vg_tree *t, uint32_t i) { return t->passive[i]; }

/* The tag and relation ids the repairs compare with, looked up by name once (the repairs run
 * on every sentence coded; a lookup by name costs a binary search of strings). */
struct tree_ids {
    int acl, advcl, agent, amod, appos, aux, aux_pass, case_id, cc, ccomp, compound, conj, csubj_pass;
    int cop, det, fixed, flat, mark, nmod, nsubj, nsubj_pass, obj, obl, obl_unmarked, parataxis, poss, punct, relcl,
        vocative, xcomp; /* relations */
    int nns, nnps, vbd, vbn, vbp, vbz, wdt, wp;                                               /* tags */
};

static const struct tree_ids *tree_ids(void)
{
    static struct tree_ids ids;
    static int ready;
    if (!ready) {
        ids.acl = vg_deprel_id("acl");
        ids.advcl = vg_deprel_id("advcl");
        ids.agent = vg_deprel_id("obl:agent");
        ids.amod = vg_deprel_id("amod");
        ids.appos = vg_deprel_id("appos");
        ids.aux = vg_deprel_id("aux");
        ids.aux_pass = vg_deprel_id("aux:pass");
        ids.case_id = vg_deprel_id("case");
        ids.cc = vg_deprel_id("cc");
        ids.ccomp = vg_deprel_id("ccomp");
        ids.compound = vg_deprel_id("compound");
        ids.conj = vg_deprel_id("conj");
        ids.csubj_pass = vg_deprel_id("csubj:pass");
        ids.cop = vg_deprel_id("cop");
        ids.det = vg_deprel_id("det");
        ids.flat = vg_deprel_id("flat");
        ids.obl_unmarked = vg_deprel_id("obl:unmarked"); /* UD 2.13+ for a bare time: "last month" */
        ids.vocative = vg_deprel_id("vocative");
        ids.fixed = vg_deprel_id("fixed");
        ids.mark = vg_deprel_id("mark");
        ids.nmod = vg_deprel_id("nmod");
        ids.nsubj = vg_deprel_id("nsubj");
        ids.nsubj_pass = vg_deprel_id("nsubj:pass");
        ids.obj = vg_deprel_id("obj");
        ids.obl = vg_deprel_id("obl");
        ids.parataxis = vg_deprel_id("parataxis");
        ids.poss = vg_deprel_id("nmod:poss");
        ids.punct = vg_deprel_id("punct");
        ids.relcl = vg_deprel_id("acl:relcl");
        ids.nns = vg_xpos_id("NNS");
        ids.nnps = vg_xpos_id("NNPS");
        ids.vbd = vg_xpos_id("VBD");
        ids.vbn = vg_xpos_id("VBN");
        ids.vbp = vg_xpos_id("VBP");
        ids.vbz = vg_xpos_id("VBZ");
        ids.wdt = vg_xpos_id("WDT");
        ids.wp = vg_xpos_id("WP");
        ids.xcomp = vg_deprel_id("xcomp");
        ready = 1;
    }
    return &ids;
}

int vg_tree_is_plural(const vg_tree *t, uint32_t i)
{
    const struct tree_ids *id = tree_ids();
    int x = t->s->tokens[i].xpos;
    return x && (x == id->nns || x == id->nnps);
}

/* Computed once per token by vg_tree_build: the relations are compared by id. */
static int compute_passive(const vg_tree *t, uint32_t i)
{
    const struct tree_ids *id = tree_ids();
    const int aux_pass = id->aux_pass, nsubj_pass = id->nsubj_pass, csubj_pass = id->csubj_pass,
              acl = id->acl, vbn = id->vbn, vbd = id->vbd, obj = id->obj, xcomp = id->xcomp,
              ccomp = id->ccomp;
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        int d = t->deprel[vg_tree_child(t, i, k)];
        if (d == aux_pass || d == nsubj_pass || d == csubj_pass)
            return 1;
    }
    /* "the plot uncovered by police": a past participle modifying a noun. A verb in acl
     * (not acl:relcl) tagged as a past tense is a participle mistagged: a finite verb
     * modifying a noun would be a relative clause. */
    const vg_token *tok = &t->s->tokens[i];
    if (tok->upos != VG_UPOS_VERB || (tok->xpos != vbn && tok->xpos != vbd) || t->deprel[i] != acl)
        return 0;
    /* "the leader ... threatened her", "the leader ... threatened to kill her": with a direct
     * object (or, tagged past tense, with a complement clause) it is a misread finite verb. */
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        int d = t->deprel[vg_tree_child(t, i, k)];
        if (d == obj || (tok->xpos == vbd && (d == xcomp || d == ccomp)))
            return 0;
    }
    return 1;
}

/* The relation with its marker, built once per token by vg_tree_build. */
static const char *marked_rel(const vg_tree *t, uint32_t i, vg_arena *arena)
{
    const char *d = vg_tree_deprel(t, i);
    const struct tree_ids *id = tree_ids();
    int r = t->deprel[i];
    if (r != id->obl && r != id->nmod && r != id->advcl && r != id->acl)
        return d;
    char buf[VG_TREE_REL_SIZE];
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        uint32_t c = vg_tree_child(t, i, k);
        if (t->deprel[c] != id->case_id && t->deprel[c] != id->mark)
            continue;
        const char *w = t->lower_form[c];
        if (!strcmp(w, "to") && !strcmp(d, "advcl"))
            continue;             /* an infinitive's "to" is no marker */
        int len = snprintf(buf, sizeof buf, "%s:%s", d, w);
        /* "according to", "because of": the marker's fixed dependents. */
        for (uint32_t f = 0; f < vg_tree_n_children(t, c) && len > 0 && (size_t)len < sizeof buf; f++) {
            uint32_t g = vg_tree_child(t, c, f);
            if (t->deprel[g] == id->fixed)
                len += snprintf(buf + len, sizeof buf - (size_t)len, "_%s", t->lower_form[g]);
        }
        if (len <= 0 || (size_t)len >= sizeof buf)
            return d;
        int h = vg_tree_head(t, i);
        if (!strcmp(buf, "obl:by") && h >= 0 && vg_tree_is_passive(t, (uint32_t)h))
            return "obl:agent";
        char *out = vg_arena_strndup(arena, buf, (size_t)len);
        return out ? out : d;
    }
    return d;
}

/* Whether token i has a child with relation id rel in the (possibly repaired) heads. */
static int has_child(const vg_tree *t, uint32_t i, int rel)
{
    for (uint32_t c = 0; c < t->n; c++)
        if (t->head[c] == (int)i + 1 && t->deprel[c] == rel)
            return 1;
    return 0;
}

/* The sentence's root when it is its only one and a noun (a fragment parse), else -1. */
static int noun_root(const vg_tree *t)
{
    const vg_token *tok = t->s->tokens;
    int root = -1;
    for (uint32_t i = 0; i < t->n; i++)
        if (t->head[i] == 0) {
            if (root >= 0)
                return -1;
            root = (int)i;
        }
    return root >= 0 && (tok[root].upos == VG_UPOS_NOUN || tok[root].upos == VG_UPOS_PROPN) ? root : -1;
}

/* Makes verb v the root and the noun root its subject; the noun's dependents after the verb
 * (the sentence's punctuation, later clauses) now hang off the verb. */
static void promote_to_root(vg_tree *t, int root, uint32_t v)
{
    t->head[v] = 0;
    t->deprel[v] = (uint8_t)vg_deprel_id("root");
    t->head[root] = (int16_t)(v + 1);
    t->deprel[root] = (uint8_t)vg_deprel_id("nsubj");
    for (uint32_t c = 0; c < t->n; c++)
        if (t->head[c] == root + 1 && c > v)
            t->head[c] = (int16_t)(v + 1);
    t->repaired = 1;
}

/* Whether form is word, ASCII case aside ("Since" at a sentence's start). */
static int same_word(const char *form, const char *word)
{
    for (; *form && *word; form++, word++)
        if ((*form >= 'A' && *form <= 'Z' ? *form - 'A' + 'a' : *form) != *word)
            return 0;
    return !*form && !*word;
}

/* See vg_tree_build: the noun-with-participle fragment read as subject and verb. */
static void repair_fragment(vg_tree *t)
{
    const vg_token *tok = t->s->tokens;
    int root = noun_root(t);
    if (root < 0)
        return;
    const struct tree_ids *id = tree_ids();
    const int acl = id->acl, aux = id->aux, aux_pass = id->aux_pass;
    const int nsubj = id->nsubj, vbn = id->vbn, vbd = id->vbd;
    for (uint32_t v = (uint32_t)root + 1; v < t->n; v++) {
        if (t->head[v] != root + 1 || t->deprel[v] != acl || tok[v].upos != VG_UPOS_VERB ||
            (tok[v].xpos != vbn && tok[v].xpos != vbd))
            continue;
        if (has_child(t, v, aux) || has_child(t, v, aux_pass) || has_child(t, v, nsubj))
            return;
        promote_to_root(t, root, v);
        return;
    }
    /* "Israel's National Cyber Directorate on Thursday blamed Iranian state hackers" tagged with
     * "blamed" a participle modifying "hackers": in a sentence with no verb of its own, a past
     * participle before the noun it modifies, after the root noun, is the verb, and that noun
     * its object. */
    int amod = vg_deprel_id("amod");
    for (uint32_t v = (uint32_t)root + 1; v < t->n; v++) {
        int h = t->head[v] - 1;
        if (t->deprel[v] != amod || tok[v].upos != VG_UPOS_VERB || (tok[v].xpos != vbn && tok[v].xpos != vbd) ||
            h <= (int)v || (uint32_t)h >= t->n || (tok[h].upos != VG_UPOS_NOUN && tok[h].upos != VG_UPOS_PROPN))
            continue;
        promote_to_root(t, root, v);
        t->head[h] = (int16_t)(v + 1);
        t->deprel[h] = (uint8_t)vg_deprel_id("obj");
        return;
    }
}

/* See vg_tree_build: "Police arrested Russian journalist Pavel Sokolov" read as a noun with a
 * passive participle whose agent is the name: an agent has "by"; without it the phrase is the
 * verb's object (when it has none). */
static void repair_agent_without_by(vg_tree *t)
{
    const vg_token *tok = t->s->tokens;
    const struct tree_ids *id = tree_ids();
    const int agent = id->agent, case_id = id->case_id, obj = id->obj;
    for (uint32_t x = 0; x < t->n; x++) {
        int h = t->head[x] - 1;
        if (t->deprel[x] != agent || h < 0 || (uint32_t)h >= t->n || has_child(t, (uint32_t)h, obj))
            continue;
        int by = 0;
        for (uint32_t c = 0; c < t->n && !by; c++)
            by = t->head[c] == (int)x + 1 && t->deprel[c] == case_id && tok[c].form && same_word(tok[c].form, "by");
        if (by)
            continue;
        t->deprel[x] = (uint8_t)obj;
        t->repaired = 1;
    }
}

/* See vg_tree_build: "The Red Hand Brigade, which Norland accuses of attacks, denied any
 * involvement" read as a noun whose relative clause goes on to deny. */
static void repair_relative_clause_predicate(vg_tree *t)
{
    const vg_token *tok = t->s->tokens;
    int root = noun_root(t);
    if (root < 0)
        return;
    const struct tree_ids *id = tree_ids();
    const int relcl = id->relcl, parataxis = id->parataxis, conj = id->conj;
    const int nsubj = id->nsubj, punct = id->punct;
    const int wdt = id->wdt, wp = id->wp, vbd = id->vbd, vbz = id->vbz, vbp = id->vbp;
    for (uint32_t r = (uint32_t)root + 1; r < t->n; r++) {
        if (t->head[r] != root + 1 || (t->deprel[r] != relcl && t->deprel[r] != parataxis))
            continue;
        /* the clause opens with a relative pronoun ("which", "who") */
        int relative = 0;
        for (uint32_t c = (uint32_t)root + 1; c < r && !relative; c++)
            relative = t->head[c] == (int)r + 1 && (tok[c].xpos == wdt || tok[c].xpos == wp);
        if (!relative)
            continue;
        for (uint32_t v = r + 1; v < t->n; v++) {
            if (t->head[v] != (int)r + 1 || t->deprel[v] != conj || tok[v].upos != VG_UPOS_VERB ||
                (tok[v].xpos != vbd && tok[v].xpos != vbz && tok[v].xpos != vbp) || v == 0 ||
                strcmp(tok[v - 1].form ? tok[v - 1].form : "", ","))
                continue;
            if (has_child(t, v, nsubj))
                continue;
            promote_to_root(t, root, v);
            t->deprel[r] = (uint8_t)relcl;   /* a relative clause read as a parataxis */
            /* the comma closing the clause hangs off the verb too */
            if (t->head[v - 1] == (int)v + 1 || t->head[v - 1] == (int)r + 1)
                t->head[v - 1] = (int16_t)(v + 1), t->deprel[v - 1] = (uint8_t)punct;
            return;
        }
    }
}

/* See vg_tree_build: "blamed Karesh for the attack and recalled its ambassador" read with
 * "recalled" conjoined to "attack": a finite verb is no noun's conjunct, but the verb's above.
 * So is a past participle with an object of its own and no auxiliary ("condemned an attack
 * ... and promised aid", "promised" tagged VBN): a participle that modifies a noun takes no
 * direct object. */
static void repair_verb_conjoined_to_noun(vg_tree *t)
{
    const vg_token *tok = t->s->tokens;
    const struct tree_ids *id = tree_ids();
    const int conj = id->conj, nsubj = id->nsubj, obj = id->obj, aux = id->aux, aux_pass = id->aux_pass;
    const int vbd = id->vbd, vbz = id->vbz, vbp = id->vbp, vbn = id->vbn;
    for (uint32_t v = 0; v < t->n; v++) {
        int h = t->head[v] - 1;
        if (t->deprel[v] != conj || h < 0 || (uint32_t)h >= t->n || tok[v].upos != VG_UPOS_VERB ||
            (tok[h].upos != VG_UPOS_NOUN && tok[h].upos != VG_UPOS_PROPN))
            continue;
        int finite = tok[v].xpos == vbd || tok[v].xpos == vbz || tok[v].xpos == vbp;
        int participle_with_object = tok[v].xpos == vbn && has_child(t, v, obj) && !has_child(t, v, aux) &&
                                     !has_child(t, v, aux_pass);
        if (!finite && !participle_with_object)
            continue;
        if (has_child(t, v, nsubj))
            continue;
        int g = t->head[h] - 1;
        for (uint32_t steps = 0; g >= 0 && (uint32_t)g < t->n && tok[g].upos != VG_UPOS_VERB && steps < t->n; steps++)
            g = t->head[g] - 1;
        if (g < 0 || (uint32_t)g >= t->n || (uint32_t)g > v)
            continue;
        t->head[v] = (int16_t)(g + 1);
        t->repaired = 1;
    }
}

/* See vg_tree_build: "trained at a camp in Karesh, Astorian prosecutors said" read with
 * "Karesh" a compound of "prosecutors": a word with its own preposition is no compound, and
 * one cut off from its head by a comma belongs to the noun before its preposition. */
static void repair_prepositional_compound(vg_tree *t)
{
    const vg_token *tok = t->s->tokens;
    const struct tree_ids *id = tree_ids();
    const int compound = id->compound, case_id = id->case_id, nmod = id->nmod;
    for (uint32_t x = 1; x < t->n; x++) {
        int h = t->head[x] - 1;
        if (t->deprel[x] != compound || h <= (int)x || (uint32_t)h >= t->n)
            continue;
        int marker = -1, comma = 0;
        for (uint32_t c = 0; c < x; c++)
            if (t->head[c] == (int)x + 1 && t->deprel[c] == case_id)
                marker = (int)c;
        for (uint32_t c = x + 1; c < (uint32_t)h && !comma; c++)
            comma = tok[c].form && !strcmp(tok[c].form, ",");
        if (marker <= 0 || !comma)
            continue;
        int noun = -1;
        for (int c = marker - 1; c >= 0 && c >= marker - 4 && noun < 0; c--)
            if (tok[c].upos == VG_UPOS_NOUN || tok[c].upos == VG_UPOS_PROPN)
                noun = c;
        if (noun < 0)
            continue;
        /* no cycle: the noun must not hang under x */
        int a = noun, steps = 0;
        while (a >= 0 && a != (int)x && steps++ <= (int)t->n)
            a = t->head[a] - 1;
        if (a == (int)x)
            continue;
        t->head[x] = (int16_t)(noun + 1);
        t->deprel[x] = (uint8_t)nmod;
        t->repaired = 1;
    }
}

/* Whether a dominates b in the (possibly repaired) heads; bounded against cycles. */
static int heads_reach(const vg_tree *t, uint32_t a, uint32_t b)
{
    for (uint32_t steps = 0; steps <= t->n; steps++) {
        if (b == a)
            return 1;
        int h = t->head[b];
        if (h < 1 || (uint32_t)h > t->n)
            return 0;
        b = (uint32_t)h - 1;
    }
    return 0;
}

/* See vg_tree_build: "detained three aides of opposition leader María Corina Machado" read
 * with the name an apposition of "aides" and "of" on "leader": an apposition never begins with
 * a preposition, so a phrase right after its head whose first word is the marker of one of its
 * modifiers is the head's prepositional modifier, the marker its own. */
static void repair_prepositional_apposition(vg_tree *t)
{
    const vg_token *tok = t->s->tokens;
    const struct tree_ids *id = tree_ids();
    const int appos = id->appos, case_id = id->case_id, nmod = id->nmod;
    for (uint32_t x = 2; x < t->n; x++) {
        int h = t->head[x] - 1;
        if (t->deprel[x] != appos || h < 0 || h >= (int)x)
            continue;
        uint32_t first = x;     /* the first word of x's phrase */
        for (uint32_t c = (uint32_t)h + 1; c < x && first == x; c++)
            if (heads_reach(t, x, c))
                first = c;
        if (first == x || tok[first].upos != VG_UPOS_ADP || t->deprel[first] != case_id ||
            !heads_reach(t, (uint32_t)h, first - 1))
            continue;
        int marked = t->head[first] - 1;   /* a noun's marker ("at least 30 people" is a count) */
        if (marked < 0 || (tok[marked].upos != VG_UPOS_NOUN && tok[marked].upos != VG_UPOS_PROPN))
            continue;
        t->head[first] = (int16_t)(x + 1);
        t->deprel[x] = (uint8_t)nmod;
        t->repaired = 1;
    }
}

/* See vg_tree_build: "Soleimani, killed in a drone strike, ..." with the participle hung on a
 * distant verb as parataxis, or as a conjunct with no conjunction. A bare past participle (no
 * subject, no auxiliary; often tagged as a past tense) is no clause of its own, so it cannot
 * be a parataxis; after a comma it is a reduced relative clause of the nominal before it. */
static void repair_participle_parataxis(vg_tree *t)
{
    const vg_token *tok = t->s->tokens;
    const struct tree_ids *id = tree_ids();
    const int parataxis = id->parataxis, acl = id->acl;
    const int vbn = id->vbn, vbd = id->vbd;
    const int conj = id->conj, cc = id->cc, advcl = id->advcl, mark = id->mark;
    static const char *const own_clause[] = { "nsubj", "nsubj:pass", "csubj", "aux", "aux:pass", "cop", "expl" };
    int clause_ids[sizeof own_clause / sizeof *own_clause];
    for (size_t k = 0; k < sizeof own_clause / sizeof *own_clause; k++)
        clause_ids[k] = vg_deprel_id(own_clause[k]);
    for (uint32_t v = 2; v < t->n; v++) {
        /* An asyndetic conjunct (no "and") of one past participle is the same misreading. */
        int loose = t->deprel[v] == parataxis;
        if (t->deprel[v] == conj) {
            loose = 1;
            for (uint32_t c = 0; c < t->n; c++)
                if (t->head[c] == (int)v + 1 && t->deprel[c] == cc)
                    loose = 0;
        }
        int comma = tok[v - 1].upos == VG_UPOS_PUNCT && !strcmp(tok[v - 1].form ? tok[v - 1].form : "", ",");
        /* "extradited a hitman accused of plotting" with "accused" on the verb as a purpose or
         * manner clause: a bare participle right after a nominal, with no marker, is its
         * reduced relative too. */
        int touching = t->deprel[v] == advcl && tok[v].xpos == vbn &&
                       (tok[v - 1].upos == VG_UPOS_NOUN || tok[v - 1].upos == VG_UPOS_PROPN);
        for (uint32_t c = 0; c < t->n && touching; c++)
            if (t->head[c] == (int)v + 1 && t->deprel[c] == mark)
                touching = 0;
        if (!((loose && comma) || touching) || tok[v].upos != VG_UPOS_VERB || (tok[v].xpos != vbn && tok[v].xpos != vbd))
            continue;
        int clause = 0;
        for (uint32_t c = 0; c < t->n && !clause; c++)
            if (t->head[c] == (int)v + 1)
                for (size_t k = 0; k < sizeof own_clause / sizeof *own_clause; k++)
                    clause |= t->deprel[c] == clause_ids[k];
        uint32_t nominal = touching ? v - 1 : v - 2;
        if (clause || (tok[nominal].upos != VG_UPOS_NOUN && tok[nominal].upos != VG_UPOS_PROPN))
            continue;
        /* The phrase's head: "Commander" of "IRGC Commander Qasem Soleimani". */
        for (unsigned steps = 0; steps < 8 && t->head[nominal] >= 1 && (uint32_t)t->head[nominal] <= t->n &&
                                 (deprel_is(t, nominal, "flat") || deprel_is(t, nominal, "compound"));
             steps++)
            nominal = (uint32_t)t->head[nominal] - 1;
        if (heads_reach(t, v, nominal))
            continue;
        t->head[v] = (int16_t)(nominal + 1);
        t->deprel[v] = (uint8_t)acl;
    }
}

/* See vg_tree_build: "A gunman opened fire at a rally ..., police said" read as one noun
 * phrase, "a [gunman-opened] fire": a past tense or participle modifying the next noun while
 * the noun before it hangs on it is a finite verb between its subject and its object. */
static void repair_participle_adjective(vg_tree *t)
{
    const vg_token *tok = t->s->tokens;
    const struct tree_ids *id = tree_ids();
    const int amod = id->amod, det = id->det, nsubj = id->nsubj;
    const int vbn = id->vbn, vbd = id->vbd;
    for (uint32_t v = 1; v + 1 < t->n; v++) {
        uint32_t n = v - 1, h = v + 1;
        if (t->deprel[v] != amod || t->head[v] != (int)h + 1 || tok[v].upos != VG_UPOS_VERB ||
            (tok[v].xpos != vbn && tok[v].xpos != vbd) || tok[n].upos != VG_UPOS_NOUN || t->head[n] != (int)v + 1 ||
            (tok[h].upos != VG_UPOS_NOUN && tok[h].upos != VG_UPOS_PROPN))
            continue;
        for (uint32_t c = 0; c < n; c++)    /* "A" of "A gunman" is the subject's */
            if (t->head[c] == (int)h + 1 && t->deprel[c] == det)
                t->head[c] = (int16_t)(n + 1);
        t->head[n] = (int16_t)(v + 1);
        t->deprel[n] = (uint8_t)nsubj;
        t->head[v] = t->head[h];
        t->deprel[v] = t->deprel[h] == nsubj ? (uint8_t)vg_deprel_id("ccomp") : t->deprel[h];
        t->head[h] = (int16_t)(v + 1);
        t->deprel[h] = (uint8_t)vg_deprel_id("obj");
        t->repaired = 1;
    }
}

/* See vg_tree_build: "Central Command said American warplanes later struck Houthi radar
 * sites" read as "said [warplanes [of] struck sites]": "struck" an adjective of "sites", and
 * "sites" hung on "warplanes" with no preposition (which no noun's modifier is without). The
 * verb is finite: the noun before it its subject, the noun after it its object, and the
 * clause what the first noun was to the reporting verb (its object: now its complement). */
static void repair_caseless_nmod_verb(vg_tree *t)
{
    const vg_token *tok = t->s->tokens;
    const struct tree_ids *id = tree_ids();
    const int amod = id->amod, nmod = id->nmod, obj = id->obj, nsubj = id->nsubj, ccomp = id->ccomp;
    const int vbn = id->vbn, vbd = id->vbd;
    for (uint32_t v = 1; v + 1 < t->n; v++) {
        int h = t->head[v] - 1;
        if (t->deprel[v] != amod || tok[v].upos != VG_UPOS_VERB || (tok[v].xpos != vbn && tok[v].xpos != vbd) ||
            h <= (int)v || (uint32_t)h >= t->n || (tok[h].upos != VG_UPOS_NOUN && tok[h].upos != VG_UPOS_PROPN) ||
            t->deprel[h] != nmod || has_child(t, (uint32_t)h, id->case_id))
            continue;
        int n = t->head[h] - 1;
        if (n < 0 || n >= (int)v || (tok[n].upos != VG_UPOS_NOUN && tok[n].upos != VG_UPOS_PROPN) ||
            t->deprel[n] != obj)
            continue;
        int g = t->head[n] - 1;
        if (g < 0 || (uint32_t)g >= t->n || tok[g].upos != VG_UPOS_VERB)
            continue;
        int between = 1; /* only the verb's own words ("later") between the noun and the verb */
        for (uint32_t k = (uint32_t)n + 1; k < v; k++)
            between &= t->head[k] == (int)v + 1;
        if (!between)
            continue;
        t->head[v] = (int16_t)(g + 1);
        t->deprel[v] = (uint8_t)ccomp;
        t->head[n] = (int16_t)(v + 1);
        t->deprel[n] = (uint8_t)nsubj;
        t->head[h] = (int16_t)(v + 1);
        t->deprel[h] = (uint8_t)obj;
        t->repaired = 1;
    }
}

/* See vg_tree_build: "threatened to kill her last month" read as "kill [her last month]": "her"
 * right after a verb with no object, as the possessive of a time, is the verb's object. */
static void repair_her_object(vg_tree *t)
{
    static const char *const times[] = { "week", "month", "year", "weekend", "night", "time", "summer",
                                         "winter", "spring", "autumn" };
    const vg_token *tok = t->s->tokens;
    const struct tree_ids *id = tree_ids();
    const int poss = id->poss, obj = id->obj;
    for (uint32_t x = 1; x < t->n; x++) {
        int h = t->head[x] - 1;
        if (t->deprel[x] != poss || !tok[x].form || !same_word(tok[x].form, "her") || h <= (int)x ||
            (uint32_t)h >= t->n || tok[x - 1].upos != VG_UPOS_VERB)
            continue;
        /* the verb has no object, or only the time itself ("kill [her last month]" as one object) */
        int other_object = 0;
        for (uint32_t c = 0; c < t->n; c++)
            other_object |= t->head[c] == (int)x && t->deprel[c] == obj && (int)c != h;
        if (other_object)
            continue;
        int time = 0;
        for (size_t k = 0; k < sizeof times / sizeof *times && !time; k++)
            time = tok[h].form && same_word(tok[h].form, times[k]);
        if (!time)
            continue;
        t->head[x] = (int16_t)x;          /* the verb before it, 1-based */
        t->deprel[x] = (uint8_t)obj;
        if (t->head[h] == (int)x && t->deprel[h] == obj)
            t->deprel[h] = (uint8_t)id->obl_unmarked; /* "last month" is when, not whom */
        t->repaired = 1;
    }
}


/* See vg_tree_build: "her first trip abroad since the Red Hand Brigade threatened to kill her"
 * read with "since" a preposition of "Brigade" and "trip" the subject of "threatened": a noun
 * after a subordinating word, right before a finite verb, is that verb's subject. */
/* The subordinating word ("since", "after", ...) noun x's phrase is marked with, read as its
 * preposition, or -1; "as" counts only when with_as ("as president" is no clause). */
static int subordinating_marker(const vg_tree *t, int x, int with_as)
{
    static const char *const subordinators[] = { "since", "after", "before", "until", "because", "while",
                                                 "although", "though", "once", "unless", "when", "as" };
    const size_t n = sizeof subordinators / sizeof *subordinators - (with_as ? 0 : 1);
    const struct tree_ids *id = tree_ids();
    const int case_id = id->case_id;
    int marker = -1;
    for (int c = 0; c < x; c++)
        if (t->head[c] == x + 1 && t->deprel[c] == case_id && t->s->tokens[c].form)
            for (size_t k = 0; k < n; k++)
                if (same_word(t->s->tokens[c].form, subordinators[k]))
                    marker = c;
    return marker;
}

/* The head of the noun phrase that ends right before token v: up through modifiers before their
 * heads, and through the "of" phrases and compounds of a noun before it ("the leader of the Red
 * Hand Brigade" before "threatened": "leader"); -1 when there is none. */
static int phrase_head_before(const vg_tree *t, uint32_t v)
{
    const struct tree_ids *id = tree_ids();
    int x = (int)v - 1;
    for (uint32_t steps = 0; x >= 0 && steps < t->n; steps++) {
        int h = t->head[x] - 1;
        if (h < 0 || (uint32_t)h >= v)
            break;
        int r = t->deprel[x];
        int noun_head = t->s->tokens[h].upos == VG_UPOS_NOUN || t->s->tokens[h].upos == VG_UPOS_PROPN;
        if (h < x && !(noun_head && (r == id->nmod || r == id->compound || r == id->flat)))
            break;
        /* ... but not past a phrase with a preposition of its own other than "of": "after the
         * leader" is where the phrase begins */
        int own_case = 0;
        for (uint32_t c = 0; h < x && c < (uint32_t)x; c++)
            if (t->head[c] == x + 1 && t->deprel[c] == id->case_id && t->s->tokens[c].form &&
                !same_word(t->s->tokens[c].form, "of"))
                own_case = 1;
        if (own_case)
            break;
        x = h;
    }
    return x;
}

static void repair_subordinate_subject(vg_tree *t)
{
    const vg_token *tok = t->s->tokens;
    const struct tree_ids *id = tree_ids();
    const int nsubj = id->nsubj, vbd = id->vbd, vbz = id->vbz, vbp = id->vbp;
    for (uint32_t v = 1; v < t->n; v++) {
        if (tok[v].upos != VG_UPOS_VERB || (tok[v].xpos != vbd && tok[v].xpos != vbz && tok[v].xpos != vbp))
            continue;
        int x = phrase_head_before(t, v);   /* the noun phrase right before the verb */
        if (x < 0 || (tok[x].upos != VG_UPOS_NOUN && tok[x].upos != VG_UPOS_PROPN))
            continue;
        int marker = subordinating_marker(t, x, 1);
        if (marker < 0)
            continue;
        /* the verb's subject is a noun before the marker that holds x */
        int s = -1;
        for (uint32_t c = 0; c < (uint32_t)marker; c++)
            if (t->head[c] == (int)v + 1 && t->deprel[c] == nsubj)
                s = (int)c;
        if (s < 0 || !heads_reach(t, (uint32_t)s, (uint32_t)x) || t->head[v] == 0)
            continue;
        t->head[s] = t->head[v];                 /* the old subject leaves the clause */
        t->deprel[s] = (uint8_t)vg_deprel_id("dep");
        t->head[x] = (int16_t)(v + 1);
        t->deprel[x] = (uint8_t)nsubj;
        t->head[marker] = (int16_t)(v + 1);
        t->deprel[marker] = (uint8_t)vg_deprel_id("mark");
        t->repaired = 1;
    }
}

/* See vg_tree_build: "pledged aid to Yemen, after the United Nations appealed for help" read
 * with "after the United Nations" a phrase of "appealed" and "appealed" a conjunct sharing the
 * pledger as subject: a noun marked by a subordinating word right before a verb with no subject
 * (a past participle without auxiliary included: it is the tagger's past tense) is the verb's
 * subject, and the verb's clause hangs on the verb it was conjoined to. */
static void repair_subordinate_obl(vg_tree *t)
{
    const vg_token *tok = t->s->tokens;
    const struct tree_ids *id = tree_ids();
    const int nsubj = id->nsubj, nsubj_pass = id->nsubj_pass, obl = id->obl, conj = id->conj, cc = id->cc,
              aux = id->aux, aux_pass = id->aux_pass, vbd = id->vbd, vbz = id->vbz, vbp = id->vbp,
              vbn = id->vbn;
    for (uint32_t v = 1; v < t->n; v++) {
        if (tok[v].upos != VG_UPOS_VERB ||
            (tok[v].xpos != vbd && tok[v].xpos != vbz && tok[v].xpos != vbp && tok[v].xpos != vbn) ||
            has_child(t, v, nsubj) || has_child(t, v, nsubj_pass) || has_child(t, v, cc) ||
            (tok[v].xpos == vbn && (has_child(t, v, aux) || has_child(t, v, aux_pass))))
            continue;
        int x = phrase_head_before(t, v);   /* the noun phrase right before the verb */
        /* x on the verb as an oblique, or ("two days after the leader threatened" read as "days
         * [after the leader] [that] threatened") beside it, on the noun the verb describes */
        int beside = t->deprel[v] == id->acl && x >= 0 && t->head[x] == t->head[v] && t->deprel[x] == id->nmod;
        if (x < 0 || (!beside && (t->head[x] != (int)v + 1 || t->deprel[x] != obl)) ||
            (tok[x].upos != VG_UPOS_NOUN && tok[x].upos != VG_UPOS_PROPN))
            continue;
        int marker = subordinating_marker(t, x, 0);
        if (marker < 0)
            continue;
        t->head[x] = (int16_t)(v + 1);
        t->deprel[x] = (uint8_t)nsubj;
        t->head[marker] = (int16_t)(v + 1);
        t->deprel[marker] = (uint8_t)vg_deprel_id("mark");
        if (t->deprel[v] == conj)
            t->deprel[v] = (uint8_t)vg_deprel_id("advcl");
        t->repaired = 1;
    }
}

/* See vg_tree_build: "Indian and Pakistani troops exchanged fire ..., officials said" with
 * "exchanged" read as a participle of "troops" and both "troops" and "officials" subjects of
 * "said". A predicate has one subject; when it has two, and the first has in acl a finite verb,
 * or a "participle" with a direct object (which a passive participle has not), with no subject
 * of its own, that verb is the first subject's clause, reported by the predicate. */
static void repair_double_subject(vg_tree *t)
{
    const vg_token *tok = t->s->tokens;
    const struct tree_ids *id = tree_ids();
    const int nsubj = id->nsubj, acl = id->acl, ccomp = id->ccomp;
    const int vbd = id->vbd, vbz = id->vbz, vbp = id->vbp, vbn = id->vbn, obj = id->obj;
    /* The first and last subject of each head, in one pass (a sentence is short, but this runs
     * on every sentence coded). */
    /* (A CoNLL-U sentence may hold up to four times the segmenter's limit.) */
    int16_t first_subject[VG_MAX_SENTENCE_TOKENS * 4], last_subject[VG_MAX_SENTENCE_TOKENS * 4];
    if (t->n > VG_MAX_SENTENCE_TOKENS * 4)
        return;
    for (uint32_t h = 0; h < t->n; h++)
        first_subject[h] = last_subject[h] = -1;
    for (uint32_t c = 0; c < t->n; c++)
        if (t->deprel[c] == nsubj && t->head[c] >= 1 && (uint32_t)t->head[c] <= t->n) {
            uint32_t h = (uint32_t)t->head[c] - 1;
            if (first_subject[h] < 0)
                first_subject[h] = (int16_t)c;
            last_subject[h] = (int16_t)c;
        }
    for (uint32_t h = 0; h < t->n; h++) {
        int first = first_subject[h], last = last_subject[h];
        if (first < 0 || first == last)
            continue;
        /* "Iran expelled two British diplomats on Monday, the news agency reported" read with
         * "diplomats" a second subject of "reported": a first subject right after a verb with
         * no object, the reporting verb's clause or governor, is that verb's object. */
        uint32_t from = (uint32_t)first;
        for (uint32_t c = 0; c < t->n; c++)
            if (c < from && heads_reach(t, (uint32_t)first, c))
                from = c;
        int verb_before = (int)from - 1;
        if (verb_before >= 0 && tok[verb_before].upos == VG_UPOS_VERB && !has_child(t, (uint32_t)verb_before, obj) &&
            (t->head[h] == verb_before + 1 || t->head[verb_before] == (int)h + 1)) {
            t->head[first] = (int16_t)(verb_before + 1);
            t->deprel[first] = (uint8_t)obj;
            continue;
        }
        /* "Britain's Foreign Office" read as two subjects, "Britain" and "Office": a first
         * subject marked with "'s" whose phrase ends where the last's begins is its possessor. */
        uint32_t first_end = (uint32_t)first, last_from = (uint32_t)last;
        for (uint32_t c = 0; c < t->n; c++) {
            if (c > first_end && heads_reach(t, (uint32_t)first, c))
                first_end = c;
            if (c < last_from && heads_reach(t, (uint32_t)last, c))
                last_from = c;
        }
        int marker = first_end > (uint32_t)first && tok[first_end].form && t->head[first_end] == first + 1 &&
                     (!strcmp(tok[first_end].form, "'s") || !strcmp(tok[first_end].form, "’s"));
        if (marker && first_end + 1 == last_from) {
            t->head[first] = (int16_t)(last + 1);
            t->deprel[first] = (uint8_t)vg_deprel_id("nmod:poss");
            continue;
        }
        /* "Norland's interior ministry" read as two subjects, "interior" and "ministry", or
         * "Dutch Foreign Minister Caspar Veldkamp" as "Dutch" and "Caspar": a one-word first
         * subject right before the last's phrase is its first word, a modifier of the word the
         * phrase's next word hangs on ("Minister", which "Dutch" then owns). */
        int one_word = first_end == (uint32_t)first && first_end + 1 == last_from;
        if (one_word && (tok[last].upos == VG_UPOS_NOUN || tok[last].upos == VG_UPOS_PROPN) &&
            (tok[first].upos == VG_UPOS_PROPN || tok[first].upos == VG_UPOS_NOUN || tok[first].upos == VG_UPOS_ADJ) &&
            (first + 1 == last || tok[last].upos == VG_UPOS_PROPN)) {
            int into = last;
            if ((uint32_t)last_from != (uint32_t)last && t->head[last_from] >= 1 &&
                heads_reach(t, (uint32_t)last, (uint32_t)t->head[last_from] - 1))
                into = t->head[last_from] - 1;
            t->head[first] = (int16_t)(into + 1);
            t->deprel[first] = (uint8_t)vg_deprel_id(tok[first].upos == VG_UPOS_ADJ ? "amod" : "compound");
            for (uint32_t c = 0; c < (uint32_t)first; c++)
                if (t->head[c] == first + 1)
                    t->head[c] = (int16_t)(into + 1);   /* "Norland's" owns the name */
            continue;
        }
        int verb = -1;
        /* The verb may hang on a word inside the first subject ("An air strike by Myanmar's
         * military killed ...": on "military"). */
        for (uint32_t v = (uint32_t)first + 1; v < (uint32_t)last && verb < 0; v++)
            if (heads_reach(t, (uint32_t)first, v) && t->deprel[v] == acl && tok[v].upos == VG_UPOS_VERB &&
                (tok[v].xpos == vbd || tok[v].xpos == vbz || tok[v].xpos == vbp ||
                 (tok[v].xpos == vbn && has_child(t, v, obj))))
                verb = (int)v;
        if (verb < 0)
            continue;
        for (uint32_t c = 0; c < t->n; c++)
            if (t->head[c] == verb + 1 && t->deprel[c] == nsubj)
                verb = -1;
        if (verb < 0)
            continue;
        t->head[verb] = (int16_t)(h + 1);
        t->deprel[verb] = (uint8_t)ccomp;
        t->head[first] = (int16_t)(verb + 1);
        /* What the parser hung on the predicate between the two subjects belongs to the clause. */
        for (uint32_t c = (uint32_t)verb + 1; c < (uint32_t)last; c++)
            if (t->head[c] == (int)h + 1)
                t->head[c] = (int16_t)(verb + 1);
    }
}

/* See vg_tree_build: "..., Israeli and U.S. officials said" read with "Israeli" a conjunct of
 * the main verb and "and" coordinating "said" with it. An adjective followed by a conjunction
 * and a noun phrase, hung on anything but that phrase, is the phrase's first modifier, the
 * word after the conjunction coordinated with it ("Israeli and U.S."). */
static void repair_coordinated_modifier(vg_tree *t)
{
    const vg_token *tok = t->s->tokens;
    const struct tree_ids *id = tree_ids();
    const int conj = id->conj, cc = id->cc, amod = id->amod, compound = id->compound;
    for (uint32_t x = 0; x + 2 < t->n; x++) {
        uint32_t c = x + 1, w = x + 2;
        if (tok[x].upos != VG_UPOS_ADJ || t->deprel[x] != conj || tok[c].upos != VG_UPOS_CCONJ ||
            (t->deprel[w] != compound && t->deprel[w] != amod))
            continue;
        /* the noun phrase's head: the first word after w that w's modifier chain reaches */
        int n = t->head[w] - 1;
        while (n > (int)w && (uint32_t)n < t->n && (t->deprel[n] == compound || t->deprel[n] == amod) &&
               t->head[n] - 1 > n)
            n = t->head[n] - 1;
        if (n <= (int)w || (uint32_t)n >= t->n || tok[n].upos != VG_UPOS_NOUN || t->head[x] == n + 1)
            continue;
        t->head[x] = (int16_t)(n + 1);
        t->deprel[x] = (uint8_t)amod;
        t->head[c] = (int16_t)(w + 1);
        t->deprel[c] = (uint8_t)cc;
        t->head[w] = (int16_t)(x + 1);
        t->deprel[w] = (uint8_t)conj;
        t->repaired = 1;
    }
}

/* Whether form names a day of the week ("Friday"), any case. */
static int is_day_name(const char *form)
{
    char lower[16];
    size_t i = 0;
    for (; form && form[i] && i + 1 < sizeof lower; i++)
        lower[i] = form[i] >= 'A' && form[i] <= 'Z' ? (char)(form[i] - 'A' + 'a') : form[i];
    if (!form || form[i])
        return 0;
    lower[i] = '\0';
    return vg_when_weekday(lower) > 0;
}

/* See vg_tree_build: "Mexican authorities thwarted a plot ..., officials said Friday" read with
 * "said" a conjunct of "thwarted". A verb coordinated with the sentence's main verb without a
 * conjunction of its own, its subject right after a comma, and nothing said (no object or
 * clause) is the report's frame: the root, the main verb its complement clause. */
static void repair_reporting_conjunct(vg_tree *t)
{
    const vg_token *tok = t->s->tokens;
    const struct tree_ids *id = tree_ids();
    const int conj = id->conj, cc = id->cc, nsubj = id->nsubj, obj = id->obj, ccomp = id->ccomp;
    const int xcomp = id->xcomp, punct = id->punct;
    int root = -1;
    for (uint32_t i = 0; i < t->n; i++)
        if (t->head[i] == 0)
            root = root < 0 ? (int)i : -2;
    if (root < 0 || tok[root].upos != VG_UPOS_VERB)
        return;
    for (uint32_t v = (uint32_t)root + 1; v < t->n; v++) {
        if (t->head[v] != root + 1 || t->deprel[v] != conj || tok[v].upos != VG_UPOS_VERB ||
            has_child(t, v, cc) || has_child(t, v, obj) || has_child(t, v, ccomp) || has_child(t, v, xcomp))
            continue;
        int subject = -1;
        for (uint32_t c = 0; c < v; c++)
            if (t->head[c] == (int)v + 1 && t->deprel[c] == nsubj)
                subject = (int)c;
        if (subject < 0)
            continue;
        uint32_t from = (uint32_t)subject;
        for (uint32_t c = 0; c < (uint32_t)subject; c++)
            if (heads_reach(t, (uint32_t)subject, c) && c < from)
                from = c;
        if (from == 0 || !tok[from - 1].form || strcmp(tok[from - 1].form, ","))
            return;
        t->head[v] = 0;
        t->deprel[v] = (uint8_t)vg_deprel_id("root");
        t->head[root] = (int16_t)(v + 1);
        t->deprel[root] = (uint8_t)ccomp;
        t->head[from - 1] = (int16_t)(v + 1);
        t->deprel[from - 1] = (uint8_t)punct;
        /* a day name after the verb is its time, not a second subject */
        for (uint32_t c = v + 1; c < t->n; c++)
            if (t->head[c] == (int)v + 1 && t->deprel[c] == nsubj && is_day_name(tok[c].form))
                t->deprel[c] = (uint8_t)id->obl_unmarked;
        t->repaired = 1;
        return;
    }
}

/* See vg_tree_build: "A spokesperson said in response to the authorities' statement that it
 * would not have any comment" read with the "that" clause a relative clause of "response". A
 * relative clause has no subordinating "that" (its "that" is a pronoun); a clause with one and
 * its own subject, under a noun that a verb of saying with nothing said yet governs through a
 * preposition, is what the verb says (read as a relative clause or as the noun's content). */
static void repair_said_that_clause(vg_tree *t)
{
    const vg_token *tok = t->s->tokens;
    const struct tree_ids *id = tree_ids();
    const int relcl = id->relcl, acl = id->acl, mark = id->mark, nsubj = id->nsubj, obl = id->obl;
    const int ccomp = id->ccomp, obj = id->obj, nsubj_pass = id->nsubj_pass;
    for (uint32_t v = 0; v < t->n; v++) {
        if ((t->deprel[v] != relcl && t->deprel[v] != acl) || (!has_child(t, v, nsubj) && !has_child(t, v, nsubj_pass)))
            continue;
        int that = 0;
        for (uint32_t c = 0; c < v; c++)
            if (t->head[c] == (int)v + 1 && t->deprel[c] == mark && tok[c].upos == VG_UPOS_SCONJ && tok[c].form &&
                same_word(tok[c].form, "that"))
                that = 1;
        if (!that)
            continue;
        /* up from the noun through nominal modifiers to an oblique of a verb */
        int n = t->head[v] - 1;
        for (uint32_t steps = 0; n >= 0 && (uint32_t)n < t->n && t->deprel[n] != obl && steps < t->n; steps++)
            n = tok[n].upos == VG_UPOS_NOUN || tok[n].upos == VG_UPOS_PROPN ? t->head[n] - 1 : -1;
        if (n < 0 || (uint32_t)n >= t->n || t->deprel[n] != obl)
            continue;
        int s = t->head[n] - 1;
        if (s < 0 || (uint32_t)s >= t->n || (uint32_t)s > v || tok[s].upos != VG_UPOS_VERB || !tok[s].lemma ||
            strcmp(tok[s].lemma, "say") || has_child(t, (uint32_t)s, ccomp) || has_child(t, (uint32_t)s, obj))
            continue;
        t->head[v] = (int16_t)(s + 1);
        t->deprel[v] = (uint8_t)ccomp;
        t->repaired = 1;
    }
}

/* See vg_tree_build: "Fakhrizadeh, the scientist said by Israel to head the programme, was
 * killed" read with "Fakhrizadeh" a vocative, "the scientist" the subject of "said" and the
 * finite verb with no subject at all. News has no vocatives: a sentence-initial name or noun
 * read as one, before a verb with an auxiliary and no subject, is that verb's subject; a noun
 * after it that the parser made the subject of a participle without auxiliary is the first
 * noun's apposition, the participle its modifier. When the verb has a subject after a comma
 * ("Halvorsen, the officer accused of leaking the plans, was arrested" with "the officer" the
 * subject), the first noun takes its place and the subject is the first noun's apposition. */
static void repair_vocative_subject(vg_tree *t)
{
    const vg_token *tok = t->s->tokens;
    const struct tree_ids *id = tree_ids();
    const int nsubj = id->nsubj, nsubj_pass = id->nsubj_pass, aux = id->aux, aux_pass = id->aux_pass;
    const int vbn = id->vbn, acl = id->acl, appos = id->appos, vocative = id->vocative;
    uint32_t x = 0;
    while (x < t->n && (tok[x].upos == VG_UPOS_DET || tok[x].upos == VG_UPOS_ADJ || t->head[x] == (int)x + 2))
        x++;   /* "The veteran diplomat Smith": the words before the noun's head */
    if (x >= t->n || t->deprel[x] != vocative || (tok[x].upos != VG_UPOS_NOUN && tok[x].upos != VG_UPOS_PROPN))
        return;
    for (uint32_t v = x + 1; v < t->n; v++) {
        if (tok[v].upos != VG_UPOS_VERB || !heads_reach(t, v, x))
            continue;
        int passive = has_child(t, v, aux_pass);
        if (!passive && !has_child(t, v, aux) && tok[v].xpos != id->vbd && tok[v].xpos != id->vbz &&
            tok[v].xpos != id->vbp)
            continue;   /* a participle ("the scientist said by Israel to ...") is no clause of its own */
        int subject = -1;
        for (uint32_t c = 0; c < v; c++)
            if (t->head[c] == (int)v + 1 && (t->deprel[c] == nsubj || t->deprel[c] == nsubj_pass))
                subject = (int)c;
        if (subject >= 0) {
            int comma = 0;
            for (uint32_t c = x + 1; c < (uint32_t)subject; c++)
                comma |= tok[c].form && !strcmp(tok[c].form, ",");
            if (!comma || subject < (int)x)
                return;
            t->head[x] = (int16_t)(v + 1);
            t->deprel[x] = t->deprel[subject];
            t->head[subject] = (int16_t)(x + 1);
            t->deprel[subject] = (uint8_t)appos;
            t->repaired = 1;
            return;
        }
        if (!passive && !has_child(t, v, aux))
            continue;
        t->head[x] = (int16_t)(v + 1);
        t->deprel[x] = (uint8_t)(passive ? nsubj_pass : nsubj);
        for (uint32_t y = x + 1; y < v; y++) {
            int p = t->head[y] - 1;
            if (t->deprel[y] != nsubj || p <= (int)y || p >= (int)v || tok[p].xpos != vbn ||
                has_child(t, (uint32_t)p, aux) || has_child(t, (uint32_t)p, aux_pass))
                continue;
            t->head[y] = (int16_t)(x + 1);
            t->deprel[y] = (uint8_t)appos;
            t->head[p] = (int16_t)(y + 1);
            t->deprel[p] = (uint8_t)acl;
            break;
        }
        t->repaired = 1;
        return;
    }
}

/* See vg_tree_build: "had met Iraqi Prime Minister Mohammed Shia al-Sudani" read with "Iraqi"
 * a complement of "met" and the name its object (or an oblique with no preposition). An
 * adjective takes no object: the noun is the verb's object, and the adjective modifies the
 * phrase it begins (the title "Prime Minister", else the noun). */
static void repair_adjective_object(vg_tree *t)
{
    const vg_token *tok = t->s->tokens;
    const struct tree_ids *id = tree_ids();
    const int obj = id->obj, amod = id->amod, obl = id->obl;
    for (uint32_t c = 0; c < t->n; c++) {
        int a = t->head[c] - 1;
        /* the object, or a noun hung on the adjective with no preposition (an "obl" unmarked) */
        int unmarked = t->deprel[c] == obj || (t->deprel[c] == obl && !has_child(t, c, id->case_id));
        if (!unmarked || a < 0 || (uint32_t)a >= c || tok[a].upos != VG_UPOS_ADJ ||
            (tok[c].upos != VG_UPOS_NOUN && tok[c].upos != VG_UPOS_PROPN))
            continue;
        int v = t->head[a] - 1;
        if (v < 0 || (uint32_t)v >= t->n || tok[v].upos != VG_UPOS_VERB || has_child(t, (uint32_t)v, obj))
            continue;
        int modified = (int)c;
        int next = (uint32_t)a + 1 < t->n ? t->head[a + 1] - 1 : -1;
        while (next > a && next < (int)c && t->head[next] - 1 > next && t->head[next] - 1 <= (int)c)
            next = t->head[next] - 1;   /* up the title's words to its head ("Prime" -> "Minister") */
        if (next > a && next < (int)c)
            modified = next;
        t->head[c] = (int16_t)(v + 1);
        t->deprel[c] = (uint8_t)obj;
        t->head[a] = (int16_t)(modified + 1);
        t->deprel[a] = (uint8_t)amod;
        t->repaired = 1;
    }
}

/* See vg_tree_build: "The Philippines was heavily criticized" with "criticized" a past tense
 * and "was" its copula. A copula joins a subject to a noun or adjective, never to a verb: "be"
 * on a verb is the passive's auxiliary, and the subject the passive's. So is the subject of a
 * verb with a passive auxiliary ("Turkey was heavily and unjustly criticized" read with
 * "Turkey" an active subject). */
static void repair_passive_subject(vg_tree *t)
{
    const vg_token *tok = t->s->tokens;
    const struct tree_ids *id = tree_ids();
    const int nsubj = id->nsubj, nsubj_pass = id->nsubj_pass, aux_pass = id->aux_pass, cop = id->cop;
    for (uint32_t c = 0; c < t->n; c++) {
        int v = t->head[c] - 1;
        if (t->deprel[c] != cop || v < 0 || (uint32_t)v >= t->n || tok[v].upos != VG_UPOS_VERB || !tok[c].lemma ||
            strcmp(tok[c].lemma, "be"))
            continue;
        t->deprel[c] = (uint8_t)aux_pass;
        t->repaired = 1;
    }
    for (uint32_t c = 0; c < t->n; c++) {
        int v = t->head[c] - 1;
        if (t->deprel[c] != aux_pass || v < 0 || (uint32_t)v >= t->n)
            continue;
        for (uint32_t s = 0; s < t->n; s++)
            if (t->head[s] == v + 1 && t->deprel[s] == nsubj) {
                t->deprel[s] = (uint8_t)nsubj_pass;
                t->repaired = 1;
            }
    }
}

/* See vg_tree_build: "condemned the attack by the militia" with "by the militia" on the verb.
 * An active verb takes no agent: a "by" phrase of persons or bodies on a verb with a noun object
 * and no passive marks is the object's ("the attack by the militia"). */
static void repair_active_by(vg_tree *t)
{
    const vg_token *tok = t->s->tokens;
    const struct tree_ids *id = tree_ids();
    const int obl = id->obl, obj = id->obj, nmod = id->nmod, cs = id->case_id;
    const int aux_pass = id->aux_pass, nsubj_pass = id->nsubj_pass;
    for (uint32_t b = 0; b < t->n; b++) {
        if (t->deprel[b] != obl || t->head[b] < 1 || (tok[b].upos != VG_UPOS_NOUN && tok[b].upos != VG_UPOS_PROPN))
            continue;
        uint32_t v = (uint32_t)t->head[b] - 1;
        int by = 0, passive = 0, object = -1;
        for (uint32_t c = 0; c < t->n; c++) {
            if (t->head[c] == (int)b + 1 && t->deprel[c] == cs && tok[c].form && !strcmp(tok[c].form, "by"))
                by = 1;
            if (t->head[c] == (int)v + 1 && (t->deprel[c] == aux_pass || t->deprel[c] == nsubj_pass))
                passive = 1;   /* then the phrase is the verb's agent */
            if (t->head[c] == (int)v + 1 && t->deprel[c] == obj && tok[c].upos == VG_UPOS_NOUN && c < b)
                object = (int)c;
        }
        if (!by || passive || object < 0 || tok[v].upos != VG_UPOS_VERB)
            continue;
        t->head[b] = (int16_t)(object + 1);
        t->deprel[b] = (uint8_t)nmod;
    }
}

/* The children of every token in sentence order (a counting sort by head). */
static int index_children(vg_tree *t, vg_arena *arena)
{
    uint32_t n = t->n;
    uint32_t *first = vg_arena_alloc(arena, (n + 2) * sizeof *first);
    uint32_t *child = vg_arena_alloc(arena, (n + 1) * sizeof *child);
    uint32_t *fill = vg_arena_alloc(arena, (n + 1) * sizeof *fill);
    if (!first || !child || !fill)
        return -1;
    memset(first, 0, (n + 2) * sizeof *first);
    for (uint32_t i = 0; i < n; i++) {
        int h = vg_tree_head(t, i);
        if (h >= 0)
            first[h + 1]++;
    }
    for (uint32_t i = 0; i < n; i++)
        first[i + 1] += first[i];
    memcpy(fill, first, n * sizeof *fill);
    for (uint32_t i = 0; i < n; i++) {
        int h = vg_tree_head(t, i);
        if (h >= 0)
            child[fill[h]++] = i;
    }
    t->first_child = first;
    t->child = child;
    return 0;
}

/* Passives, then each token's relation with its marker (which needs the passives). */
static int index_relations(vg_tree *t, vg_arena *arena)
{
    uint32_t n = t->n;
    const char **rel = vg_arena_alloc(arena, (n + 1) * sizeof *rel);
    uint8_t *passive = vg_arena_alloc(arena, n + 1);
    if (!rel || !passive)
        return -1;
    t->passive = passive;
    for (uint32_t i = 0; i < n; i++)
        passive[i] = (uint8_t)compute_passive(t, i);
    t->rel = rel;
    for (uint32_t i = 0; i < n; i++)
        rel[i] = marked_rel(t, i, arena);
    return 0;
}

int vg_tree_build(vg_tree *t, const vg_sentence *s, vg_arena *arena)
{
    memset(t, 0, sizeof *t);
    t->s = s;
    t->n = s->n_tokens;
    uint32_t n = t->n;
    t->head = vg_arena_alloc(arena, (n + 1) * sizeof *t->head);
    t->deprel = vg_arena_alloc(arena, n + 1);
    if (!t->head || !t->deprel)
        return -1;
    for (uint32_t i = 0; i < n; i++) {
        t->head[i] = s->tokens[i].head;
        t->deprel[i] = s->tokens[i].deprel;
    }
    repair_fragment(t);
    repair_agent_without_by(t);
    repair_relative_clause_predicate(t);
    repair_verb_conjoined_to_noun(t);
    repair_prepositional_compound(t);
    repair_prepositional_apposition(t);
    repair_subordinate_subject(t);
    repair_subordinate_obl(t);
    repair_participle_adjective(t);
    repair_caseless_nmod_verb(t);
    repair_her_object(t);
    repair_participle_parataxis(t);
    repair_coordinated_modifier(t);
    repair_reporting_conjunct(t);
    repair_double_subject(t);
    repair_vocative_subject(t);
    repair_said_that_clause(t);
    repair_passive_subject(t);
    repair_adjective_object(t);
    repair_active_by(t);
    const char **lower = vg_arena_alloc(arena, (n + 1) * sizeof *lower);
    const char **lower_form = vg_arena_alloc(arena, (n + 1) * sizeof *lower_form);
    if (!lower || !lower_form || index_children(t, arena))
        return -1;
    t->lower = lower;
    t->lower_form = lower_form;
    for (uint32_t i = 0; i < n; i++) {
        const vg_token *tok = &s->tokens[i];
        lower_form[i] = lowercase(tok->form ? tok->form : "", arena);
        lower[i] = tok->lemma ? lowercase(tok->lemma, arena) : lower_form[i];
        if (!lower[i] || !lower_form[i])
            return -1;
    }
    return index_relations(t, arena);
}

int vg_tree_reattach(vg_tree *t, uint32_t i, uint32_t head, const char *deprel, vg_arena *arena)
{
    int id = vg_deprel_id(deprel);
    if (i >= t->n || head >= t->n || id <= 0 || heads_reach(t, i, head))
        return 1;
    t->head[i] = (int16_t)(head + 1);
    t->deprel[i] = (uint8_t)id;
    return index_children(t, arena) || index_relations(t, arena) ? -1 : 0;
}

const char *vg_tree_rel(const vg_tree *t, uint32_t i) { return t->rel[i]; }

int vg_tree_rel_matches(const vg_tree *t, uint32_t i, const char *want)
{
    const char *have = t->rel[i];
    /* Most pairs differ in their first letter; only the passive mappings cross letters. */
    if (have[0] != want[0] && !(have[0] == 'n' && want[0] == 'o') && !(have[0] == 'o' && want[0] == 'n'))
        return 0;
    if (!strcmp(have, want))
        return 1;
    int h = vg_tree_head(t, i);
    int passive = h >= 0 && vg_tree_is_passive(t, (uint32_t)h);
    if (passive && !strcmp(want, "obj") && !strcmp(have, "nsubj:pass"))
        return 1;
    if (passive && !strcmp(want, "nsubj") && !strcmp(have, "obl:agent"))
        return 1;
    size_t n = strlen(want);
    /* "obl" matches "obl:on" and "obl:agent"; but a subject type is never widened. */
    if (!strncmp(have, want, n) && have[n] == ':' && strcmp(want, "nsubj") && strcmp(want, "csubj"))
        return 1;
    return 0;
}

int vg_tree_find_child(const vg_tree *t, uint32_t i, const char *rel)
{
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        uint32_t c = vg_tree_child(t, i, k);
        if (vg_tree_rel_matches(t, c, rel))
            return (int)c;
    }
    return -1;
}

int vg_tree_find_child_lemma(const vg_tree *t, uint32_t i, const char *lemma)
{
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        uint32_t c = vg_tree_child(t, i, k);
        if (t->lower[c][0] == lemma[0] && !strcmp(t->lower[c], lemma))
            return (int)c;
    }
    return -1;
}

int vg_tree_is_negated(const vg_tree *t, uint32_t i)
{
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        uint32_t c = vg_tree_child(t, i, k);
        const char *w = t->lower[c];
        const char *d = vg_tree_deprel(t, c);
        if ((!strcmp(d, "advmod") || !strcmp(d, "neg")) && (!strcmp(w, "not") || !strcmp(w, "never")))
            return 1;
        if (!strcmp(d, "det") && !strcmp(w, "no"))
            return 1;
        if ((!strcmp(d, "case") || !strcmp(d, "mark")) && !strcmp(w, "without"))
            return 1;
    }
    return 0;
}

int vg_tree_dominates(const vg_tree *t, uint32_t a, uint32_t b)
{
    /* Bounded by n steps so a malformed (cyclic) head array cannot loop forever. */
    int cur = (int)b;
    for (uint32_t steps = 0; cur >= 0 && steps <= t->n; steps++) {
        if ((uint32_t)cur == a)
            return 1;
        cur = vg_tree_head(t, (uint32_t)cur);
    }
    return 0;
}

int vg_tree_is_nominal(const vg_tree *t, uint32_t i)
{
    uint8_t u = t->s->tokens[i].upos;
    return u == VG_UPOS_NOUN || u == VG_UPOS_PROPN || u == VG_UPOS_PRON || u == VG_UPOS_NUM;
}

static int clause_rel(const char *d)
{
    return !strncmp(d, "acl", 3) || !strcmp(d, "appos") || !strcmp(d, "conj") || !strcmp(d, "cc") ||
           !strcmp(d, "parataxis") || !strncmp(d, "advcl", 5) || !strcmp(d, "dep") || !strcmp(d, "punct");
}

static void extend(const vg_tree *t, uint32_t i, uint32_t *first, uint32_t *last, unsigned depth)
{
    if (i < *first)
        *first = i;
    if (i > *last)
        *last = i;
    if (depth > 64)
        return;
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        uint32_t c = vg_tree_child(t, i, k);
        /* "Karesh on Monday denied": a time the parser hung on the noun is no part of its name. */
        if (!clause_rel(vg_tree_deprel(t, c)) && !vg_when_is_temporal(t, c))
            extend(t, c, first, last, depth + 1);
    }
}

void vg_tree_phrase(const vg_tree *t, uint32_t i, uint32_t *first, uint32_t *last)
{
    *first = *last = i;
    extend(t, i, first, last, 0);
    /* "three Norland diplomats on Monday in retaliation": what the parser hung on the noun
     * after a time is no more part of its words than the time is. */
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        uint32_t c = vg_tree_child(t, i, k);
        if (c <= i || c > *last || !vg_when_is_temporal(t, c))
            continue;
        uint32_t from = c, to = c;
        extend(t, c, &from, &to, 0);
        if (from > i && from <= *last)
            *last = from - 1;
    }
    /* Leading determiners are kept ("the ambassador"), leading markers not: "by", "of", and
     * the fixed words of a marker of several ("according to the officials"). */
    while (*first < i && (deprel_is(t, *first, "case") || deprel_is(t, *first, "mark") ||
                          deprel_is(t, *first, "punct") || deprel_is(t, *first, "cc") ||
                          deprel_is(t, *first, "fixed")))
        (*first)++;
    /* Trailing punctuation and the possessive marker go too: "the ambassador's" is "the
     * ambassador". */
    while (*last > i && (deprel_is(t, *last, "punct") || (deprel_is(t, *last, "case") && vg_tree_head(t, *last) == (int)i)))
        (*last)--;
}

char *vg_tree_text(const vg_tree *t, uint32_t first, uint32_t last, vg_arena *arena)
{
    const vg_sentence *s = t->s;
    const vg_token *a = &s->tokens[first], *b = &s->tokens[last];
    if (s->text && b->end > a->start && a->start >= s->start && b->end <= s->end &&
        (size_t)(b->end - s->start) <= strlen(s->text))
        return vg_arena_strndup(arena, s->text + (a->start - s->start), b->end - a->start);
    size_t len = 0;
    for (uint32_t i = first; i <= last; i++)
        len += strlen(s->tokens[i].form ? s->tokens[i].form : "") + 1;
    char *out = vg_arena_alloc(arena, len + 1);
    if (!out)
        return NULL;
    size_t at = 0;
    for (uint32_t i = first; i <= last; i++) {
        const char *f = s->tokens[i].form ? s->tokens[i].form : "";
        size_t fl = strlen(f);
        memcpy(out + at, f, fl);
        at += fl;
        if (i < last && s->tokens[i].space_after)
            out[at++] = ' ';
    }
    out[at] = '\0';
    return out;
}
