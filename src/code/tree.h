/* A parsed sentence seen as a tree: children of each token, the relation a child holds with the
 * preposition that introduces it ("obl:against"), passives, negation and spans. The coder's only
 * view of the parse. */
#ifndef VIGIL_CODE_TREE_H
#define VIGIL_CODE_TREE_H
#include <stddef.h>
#include <stdint.h>
#include "text/sentence.h"
#include "util/arena.h"

/* Longest relation name the tree produces: a deprel, ":" and a lowercase marker word. */
#define VG_TREE_REL_SIZE 48

typedef struct vg_tree {
    const vg_sentence *s;
    uint32_t n;
    const uint32_t *first_child;  /* children of token i: child[first_child[i] .. first_child[i+1]) */
    const uint32_t *child;        /* 0-based token indices, in sentence order */
    const char **lower;           /* lowercase lemma of each token (form when no lemma); the coder
                                   * may correct one (coder.c, lemma_by_lexicon) */
    const char *const *lower_form;/* lowercase form of each token */
    const char *const *rel;       /* each token's relation to its head, marker added (see vg_tree_rel) */
    int16_t *head;                /* the parse's heads and relations, as repaired (vg_tree_build) */
    uint8_t *deprel;
    uint8_t repaired;             /* a fragment parse was read as a sentence */
    uint8_t *passive;             /* per token: a passive verb (vg_tree_is_passive) */
} vg_tree;

/* Builds the tree view of a tagged, lemmatised and parsed sentence from arena.
 * Returns 0 or VG_ENOMEM. Heads out of range are treated as roots. One frequent parse error is
 * repaired in the view (the sentence itself is not changed): a sentence parsed as a noun with a
 * participle ("Police fired tear gas at protesters" as "police [who were] fired ...") when the
 * participle has no auxiliary and no subject of its own is read with the participle as the
 * main verb and the noun as its subject: news sentences have a finite verb (an "agent" without
 * "by" is then the verb's object: "Police detained Turkish journalist Ahmet Altan"); so is one with a
 * past participle modifying a noun after it ("the Directorate on Thursday blamed Iranian
 * hackers" with "blamed" an adjective of "hackers"), that noun then its object. A past tense
 * or participle read as the adjective of the next noun while the noun before it hangs on it
 * ("A gunman opened fire" as "a [gunman-opened] fire") is a finite verb between its subject
 * and object. "her" right after a verb with no object, read as the possessive of a time ("kill
 * [her last month]"), is the verb's object. So is a noun
 * whose relative clause goes on, after a comma, with a finite verb of no subject of its own
 * ("Hamas, which Israel accuses of the raid, rejected the charge" read as the relative clause
 * rejecting): the verb is the sentence's, the noun its subject. A finite verb conjoined to a
 * noun ("blamed X for the attack and recalled its ambassador") is the conjunct of the verb
 * above the noun; so is a participle with an object of its own ("and promised aid"). A "compound" with a preposition of its own, cut off from its head by a
 * comma ("a camp in Karesh, Astorian prosecutors said"), belongs to the noun before the
 * preposition. A noun after a subordinating word ("since", "after", ...) read as its
 * preposition, right before a finite verb, is that verb's subject ("her first trip abroad since
 * the Red Hand Brigade threatened" with "trip" the subject); so is such a noun read as a phrase
 * of a verb with no subject ("..., after the United Nations appealed for help" with "appealed"
 * a conjunct), the verb's clause then subordinate. A bare past
 * participle after a comma parsed as a parataxis ("Soleimani, killed in a strike ..., ") is
 * read as a reduced relative clause (acl) of the nominal before the comma. A predicate with two
 * subjects, the first with a finite verb in acl ("troops exchanged fire ..., officials said"
 * read as "troops [that] exchanged"), gets that verb as its reported clause (ccomp); two
 * subjects side by side ("Norland's interior ministry" as "interior" and "ministry") are one
 * name, and a first subject marked with "'s" right before the last is its possessor ("Britain's
 * Foreign Office"); a first subject right after a verb with no object, the reporting verb's clause or
 * governor ("Russia expelled three Polish diplomats ..., the ministry said" with "diplomats" a
 * subject of "said"), is that verb's object. A phrase read as an apposition that begins with the
 * preposition of one of its modifiers ("aides of opposition leader María Corina Machado" with
 * the name the apposition) is the head's prepositional modifier. An adjective conjoined to a
 * verb right before "and" and a noun phrase ("..., Israeli and U.S. officials said") modifies
 * that phrase; a verb coordinated with the root without a conjunction, its subject right after
 * a comma, with nothing said ("..., officials said Friday"), is the root, the old root its clause.
 * A sentence-initial vocative before a finite verb is its subject ("Fakhrizadeh, the scientist
 * said by Israel to ..., was killed"), a subject after the comma its apposition. A "that"
 * clause read as a relative clause of a noun under "said" ("said in response to the statement
 * that ...") is what was said. "be" as the copula of a verb is the passive's auxiliary, and the
 * subject of a verb with a passive auxiliary the passive's subject. An adjective takes no object
 * ("met Iraqi Prime Minister Mohammed Shia al-Sudani" with the name hung on "Iraqi"): the noun is
 * the verb's object, the adjective its title's. A past tense read as the adjective of a noun
 * hung with no preposition on the object before it ("said American warplanes later struck
 * Houthi radar sites") is the reported clause's verb. A "by"
 * phrase on an active verb with a noun object is the object's ("condemned the attack by X"). */
int vg_tree_build(vg_tree *tree, const vg_sentence *s, vg_arena *arena);

/* Hangs token i on head with relation deprel (a UD name) in the view, when that makes no cycle
 * (the coder's repairs that need its lexicon: "a plot to kill" with the infinitive on the
 * verb). Returns 0; 1 when refused (a cycle, an index out of range), nothing changed; -1
 * when out of memory, after which the view must not be used. */
int vg_tree_reattach(vg_tree *tree, uint32_t i, uint32_t head, const char *deprel, vg_arena *arena);

/* Whether token i is a plural noun (NNS, NNPS). */
int vg_tree_is_plural(const vg_tree *tree, uint32_t i);

/* Whether token i is a reflexive pronoun ("herself", "themselves"). */
int vg_tree_is_reflexive(const vg_tree *tree, uint32_t i);

/* Head of token i (0-based), or -1 for a root. */
int vg_tree_head(const vg_tree *tree, uint32_t i);
/* Number of children of i, and the k-th. */
uint32_t vg_tree_n_children(const vg_tree *tree, uint32_t i);
uint32_t vg_tree_child(const vg_tree *tree, uint32_t i, uint32_t k);
/* The deprel name of token i ("nsubj:pass"). */
const char *vg_tree_deprel(const vg_tree *tree, uint32_t i);
/* The relation of i with its marker: an obl, nmod, advcl or acl that has a case or mark child
 * is named "obl:against", "nmod:of", "advcl:of" (multi-word markers joined by "_":
 * "obl:according_to"); "by" under a passive verb gives "obl:agent". Other relations are the
 * deprel itself. */
const char *vg_tree_rel(const vg_tree *tree, uint32_t i);
/* Whether pattern relation want matches token i's relation: equal, or want is the bare deprel
 * of a relation with subtype or marker ("obl" matches "obl:on"; "nsubj" does not match
 * "nsubj:pass"). Passive verbs: their nsubj:pass matches "obj", their agent "nsubj". */
int vg_tree_rel_matches(const vg_tree *tree, uint32_t i, const char *want);

/* Whether verb i is passive (an aux:pass or nsubj:pass child, or a past participle modifying a
 * noun: "the plot uncovered by police"). */
int vg_tree_is_passive(const vg_tree *tree, uint32_t i);
/* Whether token i is negated: a "not"/"never" advmod, a "no" determiner, or "without". */
int vg_tree_is_negated(const vg_tree *tree, uint32_t i);
/* The first child of i whose relation matches rel (vg_tree_rel_matches), or -1. */
int vg_tree_find_child(const vg_tree *tree, uint32_t i, const char *rel);
/* The first child of i whose lowercase lemma is lemma, or -1. */
int vg_tree_find_child_lemma(const vg_tree *tree, uint32_t i, const char *lemma);
/* Whether a is b or an ancestor of b. */
int vg_tree_dominates(const vg_tree *tree, uint32_t a, uint32_t b);
/* Whether token i is nominal (NOUN, PROPN, PRON, NUM) */
int vg_tree_is_nominal(const vg_tree *tree, uint32_t i);

/* The token range [*first, *last] of i's phrase: its subtree without clauses (acl, relcl,
 * appos, conj, parataxis, punctuation at the edges). */
void vg_tree_phrase(const vg_tree *tree, uint32_t i, uint32_t *first, uint32_t *last);
/* The text of tokens first..last: a slice of the sentence text when offsets are known, else
 * the forms joined by their spacing. Allocated from arena; NULL on exhaustion. */
char *vg_tree_text(const vg_tree *tree, uint32_t first, uint32_t last, vg_arena *arena);

#endif
