/* Actor mentions: what a noun phrase of a parsed sentence names — a dictionary entry, a role
 * composed with a country ("Mexican authorities" -> MEXGOV), coordinated actors ("U.S. and
 * Israeli officials"), or something named earlier in the document (pronouns, "the ambassador",
 * aliases). The document's memory of what it has named lives here too. */
#ifndef VIGIL_CODE_MENTION_H
#define VIGIL_CODE_MENTION_H
#include <stddef.h>
#include <stdint.h>
#include "code/dict.h"
#include "code/event.h"
#include "code/tree.h"
#include "code/wordclass.h"
#include "util/arena.h"

/* What a document has named so far. */
typedef struct vg_memory vg_memory;
vg_memory *vg_memory_new(vg_arena *arena);

/* The mention finder for one sentence. */
typedef struct vg_mentions {
    const vg_dict *dict;
    const vg_wordclasses *words;
    const vg_tree *tree;
    int32_t date;               /* for dated roles; 0 unknown */
    uint32_t sentence;          /* 1-based */
    vg_arena *arena;
    vg_memory *memory;
    int32_t *name_span;         /* per token: the dictionary match covering it, or -1 */
    struct vg_name_span {
        uint32_t first, n_tokens;
        const vg_dict_hit *hit;
    } *spans;
    uint32_t n_spans;
    /* per token: the longest [roles] match starting there, looked up once (a role phrase
     * ending at a head is tried from up to five tokens back for every head) */
    struct vg_role_match {
        int16_t n_tokens;           /* -1: not looked up yet; 0: none */
        const vg_dict_entry *entry;
    } *roles;
    const vg_actor *speaker;    /* who speaks the sentence's quote ("we", "I"), or NULL */
    const char *home;           /* the country of the dateline ("LONDON (Reuters)": GBR), or NULL */
} vg_mentions;

/* Prepares a sentence: finds every dictionary name in it. Returns 0 or VG_ENOMEM. */
int vg_mentions_begin(vg_mentions *m, const vg_dict *dict, const vg_wordclasses *words, const vg_tree *tree,
                      int32_t date, uint32_t sentence, vg_memory *memory, vg_arena *arena);

/* The actors the nominal token names, coordinated ones included ("Iran and Syria" gives two).
 * Fills out[0..max) and returns how many; 0 when the token names no actor (an actor with a
 * NULL code is returned when the words are an actor of unknown identity, such as an unknown
 * person's name). Remembers what it finds for later sentences. */
size_t vg_mention_actors(vg_mentions *m, uint32_t token, vg_actor *out, size_t max);
/* What actor a, found in this sentence, names (vg_actor_kind): from its head word, for the
 * targets of records only (the incident linker's use), so mentions pay nothing for it. */
uint8_t vg_mention_kind(const vg_mentions *m, const vg_actor *a);

/* Records aliases the sentence gives ("X, who also goes by Y", "X, also known as Y", "X aka Y"). */
void vg_mentions_learn_aliases(vg_mentions *m);

#endif
