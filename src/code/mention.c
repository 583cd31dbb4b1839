/* Actor mentions (mention.h). A mention is resolved from its head token outward: a dictionary
 * name covering the head; else a role word composed with the countries or bodies that modify
 * it; else a pronoun, a definite description or a bare name looked up in the document's memory.
 * Coordinated heads ("Iran and Syria") add their own actors. */
#include "code/mention.h"
#include <string.h>
#include "text/tagset.h"

/* One thing the document has named. */
typedef struct memory_entry {
    const char *code;
    const char *name;       /* canonical name or the words */
    const char *head;       /* lowercase head lemma: "ambassador", "ministry" */
    const char *surname;    /* last word of a person's name, or NULL */
    const char *host;
    uint8_t person, plural;
    uint8_t subject;        /* it was a clause's subject: the likelier antecedent */
    uint32_t sentence;
} memory_entry;

#define MEMORY_MAX 512      /* a long article names far fewer; the oldest are forgotten */
#define ALIAS_MAX 64

struct vg_memory {
    memory_entry entries[MEMORY_MAX];
    uint32_t n, next;       /* ring buffer once full */
    struct { const char *alias; memory_entry entry; } aliases[ALIAS_MAX];
    uint32_t n_aliases;
    vg_arena *arena;
};

vg_memory *vg_memory_new(vg_arena *arena)
{
    vg_memory *m = vg_arena_alloc(arena, sizeof *m);
    if (m)
        m->arena = arena;
    return m;
}

static void remember(vg_memory *mem, const memory_entry *e)
{
    if (!mem || !e->code)
        return;
    mem->entries[mem->next] = *e;
    mem->next = (mem->next + 1) % MEMORY_MAX;
    if (mem->n < MEMORY_MAX)
        mem->n++;
}

/* Entries from the most recent back; k = 0 is the latest. */
static const memory_entry *recent(const vg_memory *mem, uint32_t k)
{
    if (!mem || k >= mem->n)
        return NULL;
    return &mem->entries[(mem->next + MEMORY_MAX - 1 - k) % MEMORY_MAX];
}

/* Whether lemma is in word class c (data/events/wordclasses.txt): "person" roles are "he" or
 * "she" in the singular, "part" nouns stand for the body their modifier names. */
static int is_word(const vg_mentions *m, vg_wordclass c, const char *lemma)
{
    return vg_words_in(m->words, c, lemma);
}

int vg_mentions_begin(vg_mentions *m, const vg_dict *dict, const vg_wordclasses *words, const vg_tree *tree,
                      int32_t date, uint32_t sentence, vg_memory *memory, vg_arena *arena)
{
    memset(m, 0, sizeof *m);
    m->dict = dict;
    m->words = words;
    m->tree = tree;
    m->date = date;
    m->sentence = sentence;
    m->memory = memory;
    m->arena = arena;
    uint32_t n = tree->n;
    m->name_span = vg_arena_alloc(arena, (n + 1) * sizeof *m->name_span);
    m->spans = vg_arena_alloc(arena, (n + 1) * sizeof *m->spans);
    m->roles = vg_arena_alloc(arena, (n + 1) * sizeof *m->roles);
    if (!m->name_span || !m->spans || !m->roles)
        return -1;
    for (uint32_t i = 0; i < n; i++) {
        m->name_span[i] = -1;
        m->roles[i].n_tokens = -1;
    }
    const vg_token *toks = tree->s->tokens;
    for (uint32_t i = 0; i < n;) {
        vg_dict_match match;
        size_t k = vg_dict_match_tokens(dict, toks, n, i, &match);
        /* A lowercase single word ("general", "mission") is a common noun, not a name. */
        if (k == 1 && toks[i].form && toks[i].form[0] >= 'a' && toks[i].form[0] <= 'z' &&
            match.hits[0].how != VG_DICT_BY_ADJECTIVE && match.hits[0].how != VG_DICT_BY_DEMONYM)
            k = 0;
        if (!k) {
            i++;
            continue;
        }
        struct vg_name_span *sp = &m->spans[m->n_spans];
        sp->first = i;
        sp->n_tokens = (uint32_t)k;
        sp->hit = &match.hits[0];
        for (uint32_t j = i; j < i + k; j++)
            m->name_span[j] = (int32_t)m->n_spans;
        m->n_spans++;
        i += (uint32_t)k;
    }
    return 0;
}

static const char *arena_concat(vg_arena *arena, const char *a, size_t alen, const char *b)
{
    size_t blen = strlen(b);
    char *out = vg_arena_alloc(arena, alen + blen + 1);
    if (!out)
        return NULL;
    memcpy(out, a, alen);
    memcpy(out + alen, b, blen);
    out[alen + blen] = '\0';
    return out;
}

static int is_plural(const vg_tree *t, uint32_t i)
{
    static int nns, nnps;   /* (looked up once: asked of every mention) */
    if (!nns) {
        nnps = vg_xpos_id("NNPS");
        nns = vg_xpos_id("NNS");
    }
    uint8_t x = t->s->tokens[i].xpos;
    return x && (x == nns || x == nnps);
}

static int pronoun_kind(const char *w);

/* What the words headed by token name (vg_actor_kind): a building or site, a person or
 * people (a role word, "he" or "she"; a named person is one through the dictionary), else
 * unknown; a thing a person has is the person's ("his car", "the ambassador's convoy": an
 * attack on it is one on them). */
static uint8_t kind_of_word(const vg_mentions *m, uint32_t token)
{
    const char *lemma = m->tree->lower[token];
    if (is_word(m, VG_WORDS_FACILITY, lemma))
        return VG_KIND_FACILITY;
    if (is_word(m, VG_WORDS_PERSON, lemma) || pronoun_kind(m->tree->lower_form[token]) == 1)
        return VG_KIND_PERSON;
    return VG_KIND_UNKNOWN;
}

static uint8_t kind_of_head(const vg_mentions *m, uint32_t head)
{
    uint8_t kind = kind_of_word(m, head);
    const vg_tree *t = m->tree;
    for (uint32_t k = 0; !kind && k < vg_tree_n_children(t, head); k++) {
        uint32_t c = vg_tree_child(t, head, k);
        const char *d = vg_tree_deprel(t, c);
        if ((!strcmp(d, "nmod:poss") || !strcmp(d, "nmod")) && kind_of_word(m, c) == VG_KIND_PERSON)
            kind = VG_KIND_PERSON;
    }
    return kind;
}

uint8_t vg_mention_kind(const vg_mentions *m, const vg_actor *a)
{
    /* the words' own head decides ("his car" is the person's, not a car owner's kind); a name
     * keeps the kind the dictionary gave it */
    if (a->sentence != m->sentence || a->token >= m->tree->n)
        return a->kind;
    uint8_t kind = kind_of_head(m, a->token);
    return kind || m->tree->s->tokens[a->token].upos != VG_UPOS_PROPN ? kind : a->kind;
}

static void fill_text(vg_mentions *m, uint32_t head, vg_actor *a)
{
    uint32_t first, last;
    vg_tree_phrase(m->tree, head, &first, &last);
    const vg_sentence *s = m->tree->s;
    a->text = vg_tree_text(m->tree, first, last, m->arena);
    a->start = s->tokens[first].start;
    a->end = s->tokens[last].end;
    a->token = head;
    a->sentence = m->sentence;
}

static void remember_actor(vg_mentions *m, const vg_actor *a, uint32_t head, int person)
{
    const vg_tree *t = m->tree;
    memory_entry e = {0};
    e.code = a->code;
    e.name = a->name ? a->name : a->text;
    e.head = t->lower[head];
    e.host = a->host;
    e.person = (uint8_t)person;
    e.plural = (uint8_t)is_plural(t, head);
    e.sentence = m->sentence;
    e.subject = !strncmp(vg_tree_deprel(t, head), "nsubj", 5);
    if (person && t->s->tokens[head].upos == VG_UPOS_PROPN)
        e.surname = t->lower_form[head];
    /* "Russian opposition journalist Pavel Sokolov", the name in apposition: a later "Sokolov"
     * is the journalist. */
    int name = person && !e.surname ? vg_tree_find_child(t, head, "appos") : -1;
    if (name > (int)head && t->s->tokens[name].upos == VG_UPOS_PROPN) {
        uint32_t last = (uint32_t)name;
        for (uint32_t k = 0; k < vg_tree_n_children(t, (uint32_t)name); k++) {
            uint32_t c = vg_tree_child(t, (uint32_t)name, k);
            if (c > last && !strcmp(vg_tree_deprel(t, c), "flat"))
                last = c;
        }
        e.surname = t->lower_form[last];
        e.name = vg_tree_text(t, (uint32_t)name, last, m->arena);
    }
    remember(m->memory, &e);
}

static size_t actors_at(vg_mentions *m, uint32_t token, vg_actor *out, size_t max, unsigned depth);
static size_t head_actors(vg_mentions *m, uint32_t token, vg_actor *out, size_t max, unsigned depth);

/* The modifiers of a role word that say whose it is: "Mexican", "Iran's", "of Iran", "U.S."
 * (compound), "for the Israeli Embassy"; "in Mexico" only when the role is not posted abroad. */
static int owner_rel(const vg_tree *t, uint32_t c, int has_host)
{
    const char *r = vg_tree_rel(t, c);
    if (!strcmp(r, "amod") || !strcmp(r, "compound") || !strcmp(r, "nmod:poss") ||
        !strcmp(r, "nmod:of") || !strcmp(r, "nmod:from") || !strcmp(r, "nmod:for"))
        return 1;
    return !has_host && !strcmp(r, "nmod:in");
}

/* The host a diplomat or mission is posted to: "to Mexico", "in Mexico". */
static const char *host_of(vg_mentions *m, uint32_t head, const vg_dict_entry *role, unsigned depth)
{
    const vg_tree *t = m->tree;
    for (uint32_t k = 0; k < vg_tree_n_children(t, head); k++) {
        uint32_t c = vg_tree_child(t, head, k);
        const char *r = vg_tree_rel(t, c);
        if (strncmp(r, "nmod:", 5))
            continue;
        for (uint32_t w = 0; w < role->n_host_words; w++) {
            if (strcmp(r + 5, role->host_words[w]))
                continue;
            vg_actor a[4];
            size_t n = actors_at(m, c, a, 4, depth + 1);
            if (n && a[0].code)
                return a[0].code;
        }
    }
    return NULL;
}

/* Roles a report leaves unqualified when they are the home country's own: everyone but the
 * diplomats and missions, who are by definition abroad, and institutions in the plural
 * ("likeminded governments", "ministries"): a country has one of each. */
static int is_domestic_role(const vg_mentions *m, const vg_dict_entry *role, const char *lemma, int plural)
{
    return !role->n_host_words && !(plural && is_word(m, VG_WORDS_INSTITUTION, lemma));
}

/* The owners among word w's children, composed with the role into out[*n..max); guessed[i] is
 * set for an owner not named but taken from the dateline or the document's memory. */
static void add_owners(vg_mentions *m, uint32_t w, uint32_t head, const vg_dict_entry *role, uint32_t role_first,
                       uint32_t role_last, const char *host, vg_actor *out, uint8_t *guessed, size_t *n, size_t max,
                       unsigned depth)
{
    const vg_tree *t = m->tree;
    for (uint32_t k = 0; k < vg_tree_n_children(t, w) && *n < max; k++) {
        uint32_t c = vg_tree_child(t, w, k);
        if (c >= role_first && c <= role_last)
            continue;
        if (!owner_rel(t, c, role->n_host_words > 0) ||
            (!vg_tree_is_nominal(t, c) && t->s->tokens[c].upos != VG_UPOS_ADJ))
            continue;
        /* "the Israeli security and intelligence community": a modifier coordinated with a word
         * of the role phrase describes the one body; only its own owners count. */
        int conj_in_role = 0;
        for (uint32_t j = 0; j < vg_tree_n_children(t, c); j++) {
            uint32_t cc = vg_tree_child(t, c, j);
            conj_in_role |= cc >= role_first && cc <= role_last && !strcmp(vg_tree_deprel(t, cc), "conj");
        }
        vg_actor owners[8];
        size_t k_owners = conj_in_role ? head_actors(m, c, owners, 8, depth + 1) : actors_at(m, c, owners, 8, depth + 1);
        for (size_t o = 0; o < k_owners && *n < max; o++) {
            const char *oc = owners[o].code;
            if (!oc || strlen(oc) < 3)
                continue;
            guessed[*n] = owners[o].resolved;
            vg_actor *a = &out[(*n)++];
            memset(a, 0, sizeof *a);
            /* A person of a body keeps the body's code ("a spokesperson for the Israeli
             * Embassy"); otherwise the owner's country takes the role ("an IRGC officer"). */
            if (strlen(oc) > 3 && is_word(m, VG_WORDS_PART, t->lower[head]))
                a->code = oc;
            else if (strlen(oc) > 6 && !strncmp(oc + 3, role->code, 3))
                a->code = oc;     /* "the ELN rebel group": the group is the role's own body */
            else if (!vg_dict_country(m->dict, oc))
                a->code = oc;     /* "ASEAN foreign ministers": a body of many countries is itself */
            else
                a->code = arena_concat(m->arena, oc, 3, role->code);
            a->host = host;
        }
    }
}

/* A role spread over the world ("agencies around the world", "embassies worldwide", "across
 * the globe") names no one country's, nor the last one the document named. */
static int is_worldwide(const vg_tree *t, uint32_t head)
{
    for (uint32_t k = 0; k < vg_tree_n_children(t, head); k++) {
        uint32_t c = vg_tree_child(t, head, k);
        const char *w = t->lower[c];
        if ((!strcmp(w, "world") || !strcmp(w, "globe")) && !strncmp(vg_tree_deprel(t, c), "nmod", 4))
            return 1;
        if (!strcmp(w, "worldwide") || !strcmp(w, "globally"))
            return 1;
    }
    return 0;
}

/* A role word ("authorities", "foreign minister") at head, composed with its owners. */
static size_t role_actors(vg_mentions *m, uint32_t head, const vg_dict_entry *role, uint32_t role_first,
                          uint32_t role_last, vg_actor *out, size_t max, unsigned depth)
{
    const vg_tree *t = m->tree;
    const char *host = role->n_host_words ? host_of(m, head, role, depth) : NULL;
    size_t n = 0;
    uint8_t guessed[16] = {0};
    if (max > sizeof guessed)
        max = sizeof guessed;
    /* The owners hang off the head or off the role phrase's other words ("Israeli" of
     * "Israeli intelligence community" modifies "intelligence"); those words own nothing. */
    add_owners(m, head, head, role, role_first, role_last, host, out, guessed, &n, max, depth);
    for (uint32_t w = role_first; w <= role_last && n == 0; w++)
        if (w != head && vg_tree_dominates(t, head, w))
            add_owners(m, w, head, role, role_first, role_last, host, out, guessed, &n, max, depth);
    /* "Russian opposition journalist": an owner named ("Russian") outranks one a modifier only
     * guessed from the dateline ("opposition", home's). */
    size_t named = 0;
    for (size_t i = 0; i < n; i++)
        named += !guessed[i];
    if (named && named < n) {
        size_t kept = 0;
        for (size_t i = 0; i < n; i++)
            if (!guessed[i])
                out[kept++] = out[i];
        n = kept;
    }
    if (n == 0 && !role->n_host_words) {
        /* "thanked the police in Mexico" is often parsed with "in Mexico" on the verb: a place
         * on the verb of which the role is the object owns it. */
        uint32_t x = head;
        for (uint32_t steps = 0; steps < 8 && !strcmp(vg_tree_deprel(t, x), "conj") && vg_tree_head(t, x) >= 0; steps++)
            x = (uint32_t)vg_tree_head(t, x);   /* bounded: a malformed tree may cycle */
        int verb = vg_tree_head(t, x);
        if (verb >= 0 && (!strcmp(vg_tree_deprel(t, x), "obj") || !strcmp(vg_tree_deprel(t, x), "iobj"))) {
            int in = vg_tree_find_child(t, (uint32_t)verb, "obl:in");
            vg_actor place[2];
            /* (a capital's code is its country's government: "in Berlin" is DEUGOV) */
            if (in >= 0 && t->s->tokens[in].upos == VG_UPOS_PROPN && actors_at(m, (uint32_t)in, place, 2, depth + 1) &&
                place[0].code && vg_dict_country(m->dict, place[0].code) &&
                (strlen(place[0].code) == 3 || !strcmp(place[0].code + 3, "GOV"))) {
                out[0] = (vg_actor){0};
                out[0].code = arena_concat(m->arena, place[0].code, 3, role->code);
                n = 1;
            }
        }
    }
    if (n == 0 && !strcmp(vg_tree_deprel(t, head), "conj") && vg_tree_head(t, head) >= 0) {
        /* "the Israeli police and intelligence services": an owner before the first conjunct
         * owns the conjuncts that name none of their own. */
        uint32_t first = (uint32_t)vg_tree_head(t, head);
        for (uint32_t k = 0; k < vg_tree_n_children(t, first) && n < max; k++) {
            uint32_t c = vg_tree_child(t, first, k);
            const char *r = vg_tree_deprel(t, c);
            if (c > first || (strcmp(r, "amod") && strcmp(r, "nmod:poss") && strcmp(r, "compound")))
                continue;
            vg_actor owner[2];
            if (actors_at(m, c, owner, 2, depth + 1) && owner[0].code && !owner[0].resolved &&
                strlen(owner[0].code) >= 3) {
                out[n] = (vg_actor){0};
                out[n].code = arena_concat(m->arena, owner[0].code, 3, role->code);
                out[n].host = host;
                n++;
            }
        }
    }
    if (n == 0 && is_worldwide(t, head)) {
        out[0] = (vg_actor){0};    /* "agencies around the world": everyone's, so no one's */
        n = 1;
    }
    if (n == 0) {
        /* No owner named here: "the ambassador" is the last ambassador the document named. */
        const memory_entry *e = NULL;
        for (uint32_t k = 0; (e = recent(m->memory, k)) != NULL; k++)
            if (e->head && !strcmp(e->head, t->lower[head]) && e->code)
                break;
        /* "stormed the Swedish embassy in Baghdad ... threatened to storm the mission": a post
         * abroad named by another word, with "the", is the last post abroad of its role the
         * document named ("every embassy" is none in particular). */
        int the = vg_tree_find_child_lemma(t, head, "the") >= 0;
        for (uint32_t k = 0; !e && the && role->n_host_words && (e = recent(m->memory, k)) != NULL; k++)
            if (!e->host || !e->code || strlen(e->code) < 6 || strncmp(e->code + 3, role->code, 3))
                e = NULL;
            else
                break;
        /* "The International Criminal Court opened ... Judges also issued": a body of the role
         * named in this or the last sentence is the one meant. Not for a modifier ("a drone
         * strike") nor for the title of a name ("Foreign Minister Lars Holm" after "Foreign
         * Minister Jan Nowak" is not Nowak's). */
        const char *d = vg_tree_deprel(t, head);
        int title = !strcmp(d, "nmod:desc") && vg_tree_head(t, head) >= 0 &&
                    t->s->tokens[vg_tree_head(t, head)].upos == VG_UPOS_PROPN;
        int modifier = !strcmp(d, "compound") || !strcmp(d, "amod") || title;
        for (uint32_t k = 0; !e && !modifier && (e = recent(m->memory, k)) != NULL; k++)
            if (!(e->code && strlen(e->code) >= 6 && !strncmp(e->code + 3, role->code, 3) &&
                  e->sentence + 1 >= m->sentence))
                e = NULL;
            else
                break;
        out[0] = (vg_actor){0};
        if (e) {
            out[0].code = e->code;
            out[0].name = e->name;
            out[0].host = e->host;
            out[0].resolved = 1;
        } else if (m->home && is_domestic_role(m, role, t->lower[head], is_plural(t, head)) &&
                   vg_tree_find_child_lemma(t, head, "same") < 0) {
            /* ("the same people who tried to bomb our embassy" points back, not home.) */
            /* Unqualified police, courts and authorities in a datelined report are the
             * dateline country's ("LONDON (Reuters) - Police said"). */
            out[0].code = arena_concat(m->arena, m->home, 3, role->code);
            out[0].resolved = 1;
        } else {
            out[0].host = host;      /* a bare role: only out[i].role is known */
        }
        n = 1;
    }
    int anon = is_word(m, VG_WORDS_ANONYMOUS, t->lower[head]);
    for (size_t i = 0; i < n; i++) {
        fill_text(m, head, &out[i]);
        out[i].anonymous = (uint8_t)anon;
        out[i].role = role->code;
        if (!out[i].resolved && out[i].code)
            remember_actor(m, &out[i], head, is_word(m, VG_WORDS_PERSON, t->lower[head]) && !is_plural(t, head));
    }
    return n;
}

static int pronoun_kind(const char *w)
{
    static const char *const he[] = { "he", "him", "his", "himself", "she", "her", "hers", "herself" };
    static const char *const it[] = { "it", "its", "itself" };
    static const char *const they[] = { "they", "them", "their", "theirs", "themselves" };
    static const char *const we[] = { "we", "us", "our", "ours", "ourselves", "i", "me", "my", "mine" };
    static const char *const rel[] = { "who", "whom", "whose", "which", "that" };
    for (size_t i = 0; i < sizeof he / sizeof *he; i++) if (!strcmp(w, he[i])) return 1;
    for (size_t i = 0; i < sizeof it / sizeof *it; i++) if (!strcmp(w, it[i])) return 2;
    for (size_t i = 0; i < sizeof they / sizeof *they; i++) if (!strcmp(w, they[i])) return 3;
    for (size_t i = 0; i < sizeof we / sizeof *we; i++) if (!strcmp(w, we[i])) return 4;
    for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) if (!strcmp(w, rel[i])) return 5;
    return 0;
}

/* Whether the pronoun is the subject of a clause reported by the sentence's speaker:
 * pronoun <nsubj verb <ccomp|parataxis reporting verb >nsubj speaker. */
static int reports_speaker(const vg_mentions *m, uint32_t pronoun)
{
    const vg_tree *t = m->tree;
    if (strncmp(vg_tree_deprel(t, pronoun), "nsubj", 5))
        return 0;
    int verb = vg_tree_head(t, pronoun);
    if (verb < 0)
        return 0;
    const char *d = vg_tree_deprel(t, (uint32_t)verb);
    int report = vg_tree_head(t, (uint32_t)verb);
    if (report < 0 || (strcmp(d, "ccomp") && strcmp(d, "parataxis")))
        return 0;
    int s = vg_tree_find_child(t, (uint32_t)report, "nsubj");
    return s >= 0 && (uint32_t)s == m->speaker->token;
}

/* The code of the subject of the clause whose object pronoun is token (through control: "the
 * leader threatened to kill her" is the leader, as is the noun a finite verb misread as its
 * participle modifies), or NULL. Reflexives ("herself") are the subject, so they have none. */
static const char *own_subject(vg_mentions *m, uint32_t token, unsigned depth)
{
    const vg_tree *t = m->tree;
    const char *d = vg_tree_deprel(t, token);
    if ((strcmp(d, "obj") && strcmp(d, "iobj")) || vg_tree_is_reflexive(t, token))
        return NULL;
    int v = vg_tree_head(t, token);
    for (unsigned steps = 0; v >= 0 && steps < 4; steps++) {
        int s = vg_tree_find_child(t, (uint32_t)v, "nsubj");
        const char *vr = vg_tree_deprel(t, (uint32_t)v);
        if (s < 0 && !strcmp(vr, "acl") && !vg_tree_is_passive(t, (uint32_t)v))
            s = vg_tree_head(t, (uint32_t)v);
        if (s >= 0) {
            vg_actor a[2];
            return actors_at(m, (uint32_t)s, a, 2, depth + 1) && a[0].code ? a[0].code : NULL;
        }
        if (strcmp(vr, "xcomp"))
            return NULL;
        v = vg_tree_head(t, (uint32_t)v);
    }
    return NULL;
}

static int is_quote_mark(const char *form)
{
    return !strcmp(form, "\"") || !strcmp(form, "\u201c") || !strcmp(form, "\u201d") || !strcmp(form, "``") ||
           !strcmp(form, "''");
}

/* The quotation marks around token, when the sentence quotes it: *open and *close are the
 * marks' indices. Straight marks pair up from the sentence's start; curly ones say which
 * side they are. */
static int quotation_around(const vg_tree *t, uint32_t token, uint32_t *open, uint32_t *close)
{
    int before = -1, after = -1, straight_before = 0;
    for (uint32_t i = 0; i < token; i++)
        if (is_quote_mark(t->s->tokens[i].form)) {
            before = (int)i;
            straight_before += !strcmp(t->s->tokens[i].form, "\"");
        }
    for (uint32_t i = token + 1; i < t->n && after < 0; i++)
        if (is_quote_mark(t->s->tokens[i].form))
            after = (int)i;
    if (before < 0 || after < 0)
        return 0;
    const char *o = t->s->tokens[before].form, *c = t->s->tokens[after].form;
    if (!strcmp(o, "\u201d") || !strcmp(o, "''") || !strcmp(c, "\u201c") || !strcmp(c, "``") ||
        (!strcmp(o, "\"") && straight_before % 2 == 0))
        return 0;
    *open = (uint32_t)before;
    *close = (uint32_t)after;
    return 1;
}

/* Who says the quotation token is in, as far as this sentence tells: the subject, outside the
 * quotation, of the first clause above the token that lies outside it ("the ministry called
 * the shooting "an attempt to murder our ambassador"": the ministry). The sentence's reporting
 * verbs find most speakers; this finds those of verbs that only frame a quote (call, describe
 * as, condemn as). */
static int quotation_speaker(vg_mentions *m, uint32_t token, vg_actor *out, unsigned depth)
{
    const vg_tree *t = m->tree;
    uint32_t open, close;
    if (!quotation_around(t, token, &open, &close))
        return 0;
    int x = vg_tree_head(t, token), s = -1;
    for (uint32_t steps = 0; x >= 0 && (uint32_t)x > open && (uint32_t)x < close && steps < t->n; steps++)
        x = vg_tree_head(t, (uint32_t)x);
    for (uint32_t steps = 0; x >= 0 && s < 0 && steps < t->n; steps++) {
        s = vg_tree_find_child(t, (uint32_t)x, "nsubj");
        x = vg_tree_head(t, (uint32_t)x);
    }
    if (s < 0 || ((uint32_t)s > open && (uint32_t)s < close))
        return 0;
    vg_actor a[2];
    if (!actors_at(m, (uint32_t)s, a, 2, depth + 1) || !a[0].code)
        return 0;
    out[0] = a[0];
    return 1;
}

/* The longest [roles] match starting at token start (its entry in *entry), or 0. */
static size_t role_at(const vg_mentions *m, uint32_t start, const vg_dict_entry **entry)
{
    struct vg_role_match *r = &m->roles[start];
    if (r->n_tokens < 0) {
        vg_dict_match match;
        size_t k = vg_dict_match_role_tokens(m->dict, m->tree->s->tokens, m->tree->n, start, &match);
        r->n_tokens = (int16_t)(k < 32767 ? k : 0);
        r->entry = k ? match.hits[0].entry : NULL;
    }
    *entry = r->entry;
    return (size_t)r->n_tokens;
}

/* Whether the words ending at token name a diplomatic role (one with host words: ambassador,
 * diplomats, embassy, "diplomatic missions", "chargé d'affaires": three tokens at most), which
 * only a state has. */
static int diplomatic_role_at(const vg_mentions *m, uint32_t token)
{
    for (uint32_t start = token > 2 ? token - 2 : 0; start <= token; start++) {
        const vg_dict_entry *role;
        size_t k = role_at(m, start, &role);
        if (k && start + k - 1 == token)
            return role->n_host_words > 0;
    }
    return 0;
}

static size_t pronoun_actors(vg_mentions *m, uint32_t token, int kind, vg_actor *out, size_t max,
                             unsigned depth)
{
    const vg_tree *t = m->tree;
    if (kind == 5) {
        /* "a network that sought to attack": the relative clause's noun. */
        int clause = vg_tree_head(t, token);
        if (clause < 0 || strncmp(vg_tree_deprel(t, (uint32_t)clause), "acl", 3))
            return 0;
        int noun = vg_tree_head(t, (uint32_t)clause);
        return noun < 0 ? 0 : actors_at(m, (uint32_t)noun, out, max, depth + 1);
    }
    if (kind == 4) {
        if (quotation_speaker(m, token, out, depth)) {
            out[0].resolved = 1;
            fill_text(m, token, &out[0]);
            return 1;
        }
        if (!m->speaker)
            return 0;
        out[0] = *m->speaker;
        out[0].resolved = 1;
        fill_text(m, token, &out[0]);
        return 1;
    }
    /* "A spokesperson for the embassy said it would not comment": the subject of reported
     * speech is first of all the speaker (or the body the speaker speaks for). */
    if (m->speaker && m->speaker->sentence == m->sentence && m->speaker->code && reports_speaker(m, token) &&
        (kind != 2 || strlen(m->speaker->code) > 3)) {
        out[0] = *m->speaker;
        out[0].resolved = 1;
        fill_text(m, token, &out[0]);
        return 1;
    }
    /* The latest fitting subject of this or the previous sentence first ("Israel accused Iran
     * of plotting to kill its ambassador": Israel's), else the latest fitting mention. An object
     * pronoun is not its own clause's subject ("the leader threatened to kill her"). */
    const char *subject = own_subject(m, token, depth);
    /* "Their lawyers", "their spokesman": people's, not a body's */
    int h = vg_tree_head(t, token);
    int people_only = kind == 3 && h >= 0 && !strcmp(vg_tree_deprel(t, token), "nmod:poss") &&
                      is_word(m, VG_WORDS_PERSON, t->lower[h]);
    /* "the Brigade threatened to attack its diplomats": only a state has diplomats and
     * embassies, so the owner is the latest state or government named (not a country's
     * rebels or army: "AFGINS", "XNLMIL"). */
    int state_only = h >= 0 && !strcmp(vg_tree_deprel(t, token), "nmod:poss") && diplomatic_role_at(m, (uint32_t)h);
    const memory_entry *e = NULL, *any = NULL;
    for (uint32_t k = 0; (e = recent(m->memory, k)) != NULL; k++) {
        int fits = (kind == 1 && e->person && !e->plural) || (kind == 2 && !e->person && !e->plural) ||
                   (kind == 3 && (people_only ? e->plural && e->person : e->plural || !e->person));
        if (state_only && !(e->code && vg_dict_country(m->dict, e->code) &&
                            (strlen(e->code) == 3 || !strncmp(e->code + 3, "GOV", 3))))
            fits = 0;
        if (!fits || (subject && e->sentence == m->sentence && !strcmp(e->code, subject)))
            continue;
        if (!any)
            any = e;
        if (e->sentence + 1 < m->sentence)
            break;
        if (e->subject)
            break;
    }
    if (!e || !e->subject)
        e = any;
    if (!e)
        return 0;
    out[0] = (vg_actor){ .code = e->code, .name = e->name, .host = e->host, .resolved = 1 };
    fill_text(m, token, &out[0]);
    return 1;
}

/* A name the dictionaries do not know: an apposition may say who it is ("Hasan Izadi, an IRGC
 * officer"), or the document named it before (by full name, surname or alias). */
/* Whether word (len bytes) is the first or the last word of name, and not all of it. */
static int begins_or_ends_name(const char *name, const char *word, size_t len)
{
    size_t n = strlen(name);
    if (n <= len)
        return 0;
    return (!strncmp(name, word, len) && name[len] == ' ') || (!strcmp(name + n - len, word) && name[n - len - 1] == ' ');
}

static size_t unknown_name_actors(vg_mentions *m, uint32_t head, vg_actor *out, unsigned depth)
{
    const vg_tree *t = m->tree;
    uint32_t first = head, last = head;
    for (uint32_t k = 0; k < vg_tree_n_children(t, head); k++) {
        uint32_t c = vg_tree_child(t, head, k);
        const char *d = vg_tree_deprel(t, c);
        if ((!strcmp(d, "flat") || !strcmp(d, "compound")) && t->s->tokens[c].upos == VG_UPOS_PROPN) {
            if (c < first) first = c;
            if (c > last) last = c;
        }
    }
    out[0] = (vg_actor){0};
    out[0].name = vg_tree_text(t, first, last, m->arena);
    fill_text(m, head, &out[0]);
    for (uint32_t k = 0; k < vg_tree_n_children(t, head); k++) {
        uint32_t c = vg_tree_child(t, head, k);
        /* "Hasan Izadi, an IRGC officer" (apposition), "U.N. aid chief Tom Fletcher" (a title
         * before the name): who the name is. */
        const char *d = vg_tree_deprel(t, c);
        int title = ((!strcmp(d, "compound") || !strcmp(d, "nmod:desc")) && t->s->tokens[c].upos == VG_UPOS_NOUN) ||
                    (!strcmp(d, "nmod:desc") && t->s->tokens[c].upos == VG_UPOS_PROPN); /* "Foreign Minister" */
        if (strcmp(d, "appos") && !title)
            continue;
        vg_actor a[2];
        size_t na = actors_at(m, c, a, 2, depth + 1);
        if (na && a[0].code) {
            out[0].code = a[0].code;
            break;
        }
        /* "Spanish Interior Minister Ana Ruiz" with "Spanish" hung elsewhere by the parser: a
         * title that gives only a role takes the country the word before the phrase names. */
        if (title && na && a[0].role && depth < 4) {
            uint32_t start = c;
            while (start > 0 && vg_tree_dominates(t, c, start - 1))
                start--;
            vg_actor country[2];
            if (start > 0 && t->s->tokens[start - 1].upos != VG_UPOS_PUNCT &&
                actors_at(m, start - 1, country, 2, depth + 1) && country[0].code && strlen(country[0].code) == 3 &&
                vg_dict_country(m->dict, country[0].code)) {
                out[0].code = arena_concat(m->arena, country[0].code, 3, a[0].role);
                break;
            }
        }
    }
    /* "the Central Council of Jews in Germany", "the Union of Journalists of Ukraine": a body
     * the dictionary does not know is of the country its name ends with. */
    for (uint32_t k = 0, x = head; !out[0].code && k < 2; k++) {
        int in = vg_tree_find_child(t, x, "nmod:in");
        if (in < 0)
            in = vg_tree_find_child(t, x, "nmod:of");
        if (in < 0)
            break;
        vg_actor a[2];
        if (t->s->tokens[in].upos == VG_UPOS_PROPN && actors_at(m, (uint32_t)in, a, 2, depth + 1) && a[0].code &&
            strlen(a[0].code) == 3 && !a[0].resolved)
            out[0].code = a[0].code;
        x = (uint32_t)in;
    }
    const char *surname = t->lower_form[last];
    if (!out[0].code && m->memory) {
        const vg_memory *mem = m->memory;
        for (uint32_t k = 0; k < mem->n_aliases && out[0].name; k++)
            if (!strcmp(mem->aliases[k].alias, out[0].name)) {
                out[0].code = mem->aliases[k].entry.code;
                out[0].name = mem->aliases[k].entry.name;
                out[0].resolved = 1;
            }
        const memory_entry *e = NULL;
        for (uint32_t k = 0; !out[0].code && (e = recent(mem, k)) != NULL; k++)
            if (e->surname && !strcmp(e->surname, surname)) {
                out[0].code = e->code;
                out[0].name = e->name;
                out[0].resolved = 1;
            }
        /* "the Treasury Department ... according to Treasury", "the European Commission ... the
         * Commission said": a name no dictionary knows that begins or ends the name of a body
         * named before is that body (the latest named). */
        size_t len = out[0].name ? strlen(out[0].name) : 0;
        for (uint32_t k = 0; !out[0].code && len && (e = recent(mem, k)) != NULL; k++)
            if (!e->person && e->code && e->name && begins_or_ends_name(e->name, out[0].name, len)) {
                out[0].code = e->code;
                out[0].name = e->name;
                out[0].resolved = 1;
            }
    }
    if (out[0].code && !out[0].resolved) {
        memory_entry e = { .code = out[0].code, .name = out[0].name, .head = t->lower[head],
                           .surname = surname, .person = 1, .sentence = m->sentence };
        remember(m->memory, &e);
    }
    return 1;
}

/* Whether noun i is counted as two with nothing of its own: "both countries", "the two sides". */
static int names_two(const vg_tree *t, uint32_t i)
{
    int two = 0;
    for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++) {
        uint32_t c = vg_tree_child(t, i, k);
        const char *d = vg_tree_deprel(t, c);
        if (!strcmp(d, "amod") || !strcmp(d, "nmod:poss") || !strcmp(d, "compound"))
            return 0;     /* "both Gulf countries", "both Koreas' leaders": named otherwise */
        two |= (!strcmp(d, "det") || !strcmp(d, "cc:preconj") || !strcmp(d, "det:predet")) && !strcmp(t->lower[c], "both");
        two |= !strcmp(d, "nummod") && !strcmp(t->lower[c], "two");
    }
    return two;
}

/* "called on both countries to avoid escalation": the last two countries the document named. */
static size_t both_sides(vg_mentions *m, uint32_t token, vg_actor *out)
{
    size_t n = 0;
    const memory_entry *e;
    for (uint32_t k = 0; n < 2 && (e = recent(m->memory, k)) != NULL; k++) {
        if (!e->code || !vg_dict_country(m->dict, e->code) || (n == 1 && !strncmp(out[0].code, e->code, 3)))
            continue;
        out[n] = (vg_actor){0};
        out[n].code = vg_arena_strndup(m->arena, e->code, 3);
        out[n].resolved = 1;
        fill_text(m, token, &out[n]);
        if (!out[n].code)
            return 0;
        n++;
    }
    return n == 2 ? 2 : 0;
}

static size_t head_actors(vg_mentions *m, uint32_t token, vg_actor *out, size_t max, unsigned depth)
{
    const vg_tree *t = m->tree;
    const vg_token *tok = &t->s->tokens[token];
    int32_t span = m->name_span[token];
    /* "Russia's FSB" parsed with "FSB" as a flat word of "Russia": the body named in the same
     * phrase is the more precise name of the country's. */
    for (uint32_t k = 0; span >= 0 && k < vg_tree_n_children(t, token); k++) {
        uint32_t c = vg_tree_child(t, token, k);
        int32_t cs = m->name_span[c];
        if (cs < 0 || cs == span || strcmp(vg_tree_deprel(t, c), "flat"))
            continue;
        const char *outer = m->spans[span].hit->code, *inner = m->spans[cs].hit->code;
        if (outer && inner && strlen(outer) == 3 && strlen(inner) > 3 && !strncmp(outer, inner, 3))
            span = cs;
    }
    if (span >= 0) {
        const struct vg_name_span *sp = &m->spans[span];
        const vg_dict_hit *hit = sp->hit;
        vg_actor *a = &out[0];
        memset(a, 0, sizeof *a);
        const vg_dict_role *role = NULL;
        a->code = hit->how == VG_DICT_BY_CAPITAL ? hit->code : vg_dict_code_at(hit->entry, m->date, &role);
        if (hit->how != VG_DICT_BY_CAPITAL && hit->code && strcmp(hit->code, hit->entry->code) &&
            !role)
            a->code = hit->code;
        a->name = hit->entry->name;
        a->host = role ? role->host : NULL;
        if (hit->entry->kind == VG_DICT_PERSON)
            a->kind = VG_KIND_PERSON;
        fill_text(m, token, a);
        /* A name used as a modifier's head keeps only the name's own words ("Iran" of "Iran's"). */
        if (hit->how != VG_DICT_BY_ADJECTIVE)
            remember_actor(m, a, token, hit->entry->kind == VG_DICT_PERSON);
        if (hit->entry->kind == VG_DICT_PERSON && m->memory) {
            /* The surname alone refers to the person later. */
            memory_entry e = { .code = a->code, .name = a->name, .head = t->lower[token],
                               .surname = t->lower_form[sp->first + sp->n_tokens - 1], .person = 1,
                               .sentence = m->sentence };
            remember(m->memory, &e);
        }
        return 1;
    }
    /* "hundreds of civilians", "two of the suspects": the people counted. */
    int counted = tok->upos == VG_UPOS_NUM || is_word(m, VG_WORDS_COUNT_WORD, t->lower[token]);
    if (counted) {
        int of = vg_tree_find_child(t, token, "nmod:of");
        if (of >= 0)
            return actors_at(m, (uint32_t)of, out, max, depth + 1);
    }
    int pk = tok->upos == VG_UPOS_PRON || tok->upos == VG_UPOS_DET ? pronoun_kind(t->lower_form[token]) : 0;
    if (pk)
        return pronoun_actors(m, token, pk, out, max, depth);
    if (max >= 2 && is_word(m, VG_WORDS_BOTH_SIDES, t->lower[token]) && names_two(t, token))
        return both_sides(m, token, out);
    /* A role phrase ending at the head: "foreign minister", "intelligence agencies". */
    for (uint32_t start = token > 4 ? token - 4 : 0; start <= token; start++) {
        const vg_dict_entry *role;
        size_t k = role_at(m, start, &role);
        if (k && start + k - 1 >= token && start + k - 1 <= token + 2)
            return role_actors(m, token, role, start, (uint32_t)(start + k - 1), out, max, depth);
    }
    if (tok->upos == VG_UPOS_PROPN)
        return unknown_name_actors(m, token, out, depth);
    /* "an IRGC member": a part of the body its modifier names; "Romanian men", "Houthi radar
     * sites": any other noun takes its owner's code — but not the nouns that name others by
     * their relation to the owner ("its allies", "Iran's enemies"). */
    int other = is_word(m, VG_WORDS_RELATIONAL, t->lower[token]);
    if (tok->upos == VG_UPOS_NOUN && !other) {
        int part = is_word(m, VG_WORDS_PART, t->lower[token]);
        for (uint32_t k = 0; k < vg_tree_n_children(t, token); k++) {
            uint32_t c = vg_tree_child(t, token, k);
            const char *r = vg_tree_rel(t, c);
            if (part ? !owner_rel(t, c, 0)
                     : strcmp(r, "amod") && strcmp(r, "compound") && strcmp(r, "nmod:poss"))
                continue;
            vg_actor a[2];
            if (actors_at(m, c, a, 2, depth + 1) && a[0].code) {
                out[0] = a[0];
                /* "a Malian army convoy", "a Pakistani police station": a country before a
                 * role word that modifies the same thing is that role's owner (MLIMIL). */
                for (uint32_t j = k + 1; !part && strlen(a[0].code) == 3 && j < vg_tree_n_children(t, token); j++) {
                    uint32_t w = vg_tree_child(t, token, j);
                    const vg_dict_entry *role;
                    size_t len;
                    if (w > token || strcmp(vg_tree_deprel(t, w), "compound") || !(len = role_at(m, w, &role)) ||
                        w + len - 1 >= token || !role->code)
                        continue;
                    out[0].code = arena_concat(m->arena, a[0].code, 3, role->code);
                    out[0].name = NULL;
                    break;
                }
                fill_text(m, token, &out[0]);
                return 1;
            }
        }
        /* "the European Commission ... The Commission said", "the Wagner Group ... the group":
         * "the" and the head word of a body named before, with nothing else said of it, is
         * that body (the latest named). */
        if (m->memory && !other && vg_tree_n_children(t, token) == 1 && vg_tree_find_child_lemma(t, token, "the") >= 0) {
            const memory_entry *e = NULL;
            for (uint32_t k = 0; (e = recent(m->memory, k)) != NULL; k++)
                if (!e->person && e->code && e->head && !strcmp(e->head, t->lower[token])) {
                    out[0] = (vg_actor){0};
                    out[0].code = e->code;
                    out[0].name = e->name;
                    out[0].host = e->host;
                    out[0].resolved = 1;
                    fill_text(m, token, &out[0]);
                    return 1;
                }
        }
    }
    return 0;
}

static size_t actors_at(vg_mentions *m, uint32_t token, vg_actor *out, size_t max, unsigned depth)
{
    if (depth > 6 || max == 0 || token >= m->tree->n)
        return 0;
    size_t n = head_actors(m, token, out, max, depth);
    const vg_tree *t = m->tree;
    /* "the opposition candidate Marco Reyes": a common noun no dictionary knows is who the name
     * in apposition is */
    if (n == 0 && t->s->tokens[token].upos == VG_UPOS_NOUN) {
        int name = vg_tree_find_child(t, token, "appos");
        if (name >= 0 && t->s->tokens[name].upos == VG_UPOS_PROPN)
            n = actors_at(m, (uint32_t)name, out, max, depth + 1);
    }
    for (uint32_t k = 0; k < vg_tree_n_children(t, token) && n < max; k++) {
        uint32_t c = vg_tree_child(t, token, k);
        if (!strcmp(vg_tree_deprel(t, c), "conj") &&
            (vg_tree_is_nominal(t, c) || t->s->tokens[c].upos == VG_UPOS_ADJ))
            n += actors_at(m, c, out + n, max - n, depth + 1);
    }
    return n;
}

size_t vg_mention_actors(vg_mentions *m, uint32_t token, vg_actor *out, size_t max)
{
    return actors_at(m, token, out, max, 0);
}

static void add_alias(vg_mentions *m, uint32_t named, uint32_t alias_head)
{
    vg_memory *mem = m->memory;
    if (!mem || mem->n_aliases >= ALIAS_MAX)
        return;
    vg_actor a[2];
    if (!actors_at(m, named, a, 2, 1) || !a[0].code)
        return;
    vg_actor alias;
    unknown_name_actors(m, alias_head, &alias, 1);
    if (!alias.name)
        return;
    memory_entry *e = &mem->aliases[mem->n_aliases].entry;
    *e = (memory_entry){ .code = a[0].code, .name = a[0].name ? a[0].name : a[0].text,
                         .person = 1, .sentence = m->sentence };
    mem->aliases[mem->n_aliases].alias = alias.name;
    mem->n_aliases++;
    /* The alias's last word alone names the person later ("Saberi"). */
    uint32_t last = alias_head;
    for (uint32_t k = 0; k < vg_tree_n_children(m->tree, alias_head); k++) {
        uint32_t c = vg_tree_child(m->tree, alias_head, k);
        if (!strcmp(vg_tree_deprel(m->tree, c), "flat") && c > last)
            last = c;
    }
    memory_entry s = *e;
    s.surname = m->tree->lower_form[last];
    remember(mem, &s);
}

void vg_mentions_learn_aliases(vg_mentions *m)
{
    const vg_tree *t = m->tree;
    for (uint32_t i = 0; i < t->n; i++) {
        if (t->s->tokens[i].upos != VG_UPOS_PROPN)
            continue;
        const char *r = vg_tree_rel(t, i);
        int verb = vg_tree_head(t, i);
        if (verb < 0)
            continue;
        const char *v = t->lower[verb];
        /* "who also goes by Y", "also known as Y", "called Y", "using the name Y" */
        int alias = (!strcmp(r, "obl:by") && !strcmp(v, "go")) ||
                    ((!strcmp(r, "obl:as") || !strcmp(r, "xcomp")) && (!strcmp(v, "know") || !strcmp(v, "call")));
        if (!alias)
            continue;
        const char *vr = vg_tree_deprel(t, (uint32_t)verb);
        int named = vg_tree_head(t, (uint32_t)verb);
        if (named >= 0 && (!strncmp(vr, "acl", 3) || !strcmp(vr, "appos")))
            add_alias(m, (uint32_t)named, i);
    }
    /* "X aka Y", "X, a.k.a. Y", "X alias Y": the marker word sits between the names. */
    for (uint32_t i = 1; i + 1 < t->n; i++) {
        const char *w = t->lower_form[i];
        if (strcmp(w, "aka") && strcmp(w, "a.k.a.") && strcmp(w, "alias"))
            continue;
        uint32_t before = i - 1;
        while (before > 0 && t->s->tokens[before].upos == VG_UPOS_PUNCT)
            before--;
        uint32_t after = i + 1;
        while (after + 1 < t->n && t->s->tokens[after + 1].upos == VG_UPOS_PROPN)
            after++;
        if (t->s->tokens[before].upos == VG_UPOS_PROPN && t->s->tokens[after].upos == VG_UPOS_PROPN)
            add_alias(m, before, after);
    }
}
