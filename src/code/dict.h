/* vigil's actor and role dictionaries (data/actors/, format in docs/formats/dictionaries.md):
 * the loader, longest-match lookup of names on token sequences, role words, codes and dated roles. */
#ifndef VIGIL_CODE_DICT_H
#define VIGIL_CODE_DICT_H
#include <stddef.h>
#include <stdint.h>
#include "text/sentence.h"
#include "util/error.h"

/* A CAMEO actor code is 1 to 5 blocks of three capital letters: IRN, IRNGOV, IGOUNOIAE. */
#define VG_DICT_MAX_CODE 15
/* The "to" of a role that has not ended ("2025-01-20.."). */
#define VG_DICT_DATE_OPEN 99991231

typedef struct vg_dict vg_dict;

/* The section an entry was read from. */
typedef enum vg_dict_kind {
    VG_DICT_COUNTRY = 1,   /* [countries] */
    VG_DICT_ORGANISATION,  /* [organisations]: ministries, agencies, militaries, IGOs, NGOs */
    VG_DICT_GROUP,         /* [groups]: armed groups, state-linked units, cartels */
    VG_DICT_PERSON,        /* [people] */
    VG_DICT_ROLE,          /* [roles]: role words -> a role code */
    VG_DICT_CODE           /* [codes]: what each role, prefix or region code means */
} vg_dict_kind;
#define VG_DICT_N_KINDS 6

/* One dated code of an entry (a "role:" line): on dates from..to the entry is coded code. */
typedef struct vg_dict_role {
    int32_t from, to;      /* YYYYMMDD, inclusive; from 0 = since ever, to VG_DICT_DATE_OPEN = ongoing */
    const char *code;
    const char *title;     /* "president", "foreign minister"; "" when none */
    const char *host;      /* where a posting abroad is ("host=MEX", "host=IGOUNO"), or NULL */
    uint32_t line;         /* where the role line is, in the entry's file */
} vg_dict_role;

/* One entry. Every string is owned by the dictionary and lives until vg_dict_free. */
typedef struct vg_dict_entry {
    vg_dict_kind kind;
    const char *code;          /* the CAMEO code; for a person, the code outside any dated role */
    const char *name;          /* the canonical name (the first on the entry line) */
    const char *const *names;  /* every name written for it (canonical, aliases, adjectives, ...) */
    uint32_t n_names;
    const vg_dict_role *roles; /* dated codes, in file order */
    uint32_t n_roles;
    const char *const *members; /* [organisations] "members:": country codes */
    uint32_t n_members;
    const char *const *host_words; /* [roles] "host:": words introducing the host country ("to") */
    uint32_t n_host_words;
    const char *note;          /* "note:" text, or NULL */
    const char *file;          /* the file it came from, as given to the loader */
    uint32_t line;             /* its entry line */
} vg_dict_entry;

/* How a name matched its entry. */
typedef enum vg_dict_how {
    VG_DICT_BY_NAME = 1,   /* the canonical name */
    VG_DICT_BY_ALIAS,      /* another name ("U.S.", "IRGC") */
    VG_DICT_BY_ADJECTIVE,  /* "Iranian" (countries, organisations, groups) */
    VG_DICT_BY_DEMONYM,    /* "Iranians" */
    VG_DICT_BY_CAPITAL,    /* "Tehran": the code is the country's code + GOV */
    VG_DICT_BY_ROLE_WORD   /* a [roles] word */
} vg_dict_how;

/* One entry a token sequence names. */
typedef struct vg_dict_hit {
    const vg_dict_entry *entry;
    const char *code;          /* the code this name gives: the entry's, or <country>GOV for a capital */
    vg_dict_how how;
    uint32_t n_tokens;
    const char *const *tokens; /* the name as indexed (apostrophes and hyphens folded to ASCII) */
} vg_dict_hit;

/* The longest match at a position: all entries with exactly that name (usually one; more when
 * a name is ambiguous, in load order). n_tokens == 0 means no match. */
typedef struct vg_dict_match {
    uint32_t n_tokens;
    uint32_t n_hits;
    const vg_dict_hit *hits;   /* borrowed from the dictionary */
} vg_dict_match;

/* Loads a dictionary file, or every *.txt file of a directory in byte order of their names.
 * Returns 0, or VG_EIO, VG_EINVAL (with "file:line: what is wrong" in err), VG_ELIMIT (a file
 * or a line too long, a name with too many tokens) or VG_ENOMEM; *out is NULL on failure.
 * Suspicious but usable data (a name that means two different codes) is reported with
 * vg_warn ("file:line: warning: ...") and counted by vg_dict_warnings. */
int vg_dict_load(vg_dict **out, const char *path_or_dir, vg_error *err);
/* The same, then the files extra[0..n_extra) (a report set's own actors) after them. */
int vg_dict_load_with(vg_dict **out, const char *path_or_dir, const char *const *extra, size_t n_extra,
                      vg_error *err);
/* The same over an explicit list of files, loaded in the order given. */
int vg_dict_load_files(vg_dict **out, const char *const *paths, size_t n_paths, vg_error *err);
void vg_dict_free(vg_dict *dict);

/* Longest actor name (countries, organisations, groups, people) starting at forms[i], matched
 * case-sensitively on token forms (’ and ' are the same, so are ‐ and -). Returns the number of
 * tokens matched (0 when none) and fills *match. */
size_t vg_dict_match_words(const vg_dict *dict, const char *const *forms, size_t n, size_t i,
                           vg_dict_match *match);
/* The same over a sentence's tokens (their forms). */
size_t vg_dict_match_tokens(const vg_dict *dict, const vg_token *tokens, size_t n, size_t i,
                            vg_dict_match *match);

/* Longest role phrase ("foreign minister", "intelligence agencies") starting at words[i];
 * words are lemmas, compared in ASCII lowercase. Returns the tokens matched, 0 when none. */
size_t vg_dict_match_role_words(const vg_dict *dict, const char *const *lemmas, size_t n, size_t i,
                                vg_dict_match *match);
/* The same over tokens: the lemma when set, else the form. */
size_t vg_dict_match_role_tokens(const vg_dict *dict, const vg_token *tokens, size_t n, size_t i,
                                 vg_dict_match *match);
/* The role entry of a single role word ("officials", "Spokesman"), or NULL. */
const vg_dict_entry *vg_dict_role_word(const vg_dict *dict, const char *lemma);

/* The entry whose code is exactly code, or NULL: a country first, then a [codes] entry, then
 * an organisation, group or person, the first loaded. */
const vg_dict_entry *vg_dict_find_code(const vg_dict *dict, const char *code);
/* The country entry of a code's first three letters ("IRNGOV" -> Iran), or NULL. */
const vg_dict_entry *vg_dict_country(const vg_dict *dict, const char *code);
/* A readable gloss of a code, "Iran / government", into buf (always NUL-terminated when size > 0).
 * Unknown blocks are copied as they are. Returns the length it needed. */
size_t vg_dict_describe(const vg_dict *dict, const char *code, char *buf, size_t size);

/* The code an entry has on a date (YYYYMMDD): the dated role covering it that began last (the
 * later line on a tie), else the entry's code. date 0 (unknown) gives the entry's code. *role
 * (when role is not NULL) is set to the role used, or NULL. */
const char *vg_dict_code_at(const vg_dict_entry *entry, int32_t date, const vg_dict_role **role);

/* Parses a date of the format, YYYY, YYYY-MM or YYYY-MM-DD, into the first and last day it
 * covers (YYYYMMDD). Returns 0 or VG_EINVAL. */
int vg_dict_date_parse(const char *s, size_t len, int32_t *first, int32_t *last);

/* Number of entries of a kind (0: all), the entries in load order, and the warnings of the load. */
size_t vg_dict_count(const vg_dict *dict, vg_dict_kind kind);
const vg_dict_entry *vg_dict_entry_at(const vg_dict *dict, size_t index);
size_t vg_dict_warnings(const vg_dict *dict);

#endif
