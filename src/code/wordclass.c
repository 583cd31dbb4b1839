/* The coder's word classes: loader (format in docs/formats/wordclasses.md) and a lookup of a
 * word's classes as a bit set in one open-addressing table. */
#include "code/wordclass.h"
#include "code/linereader.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/hash.h"
#include "util/limits.h"
#include <string.h>

static const char *const class_names[VG_WORDS_N_CLASSES] = {
    [VG_WORDS_HEDGE] = "hedge",
    [VG_WORDS_EVIDENCE] = "evidence",
    [VG_WORDS_LIGHT_VERB] = "light-verb",
    [VG_WORDS_ACCUSATION] = "accusation",
    [VG_WORDS_RECEIVING] = "receiving",
    [VG_WORDS_LAYING] = "laying",
    [VG_WORDS_DOING] = "doing",
    [VG_WORDS_ORDERS] = "orders",
    [VG_WORDS_TIES] = "ties",
    [VG_WORDS_RESPONSE] = "response",
    [VG_WORDS_SYMMETRIC] = "symmetric",
    [VG_WORDS_VIEWPOINT] = "viewpoint",
    [VG_WORDS_NAMING] = "naming",
    [VG_WORDS_PERSON] = "person",
    [VG_WORDS_FACILITY] = "facility",
    [VG_WORDS_ACT_NOUN] = "act-noun",
    [VG_WORDS_PART] = "part",
    [VG_WORDS_PARTICIPLE_ADJECTIVE] = "participle-adjective",
    [VG_WORDS_INSTITUTION] = "institution",
    [VG_WORDS_ANONYMOUS] = "anonymous",
    [VG_WORDS_COUNT_WORD] = "count",
    [VG_WORDS_RELATIONAL] = "relational",
    [VG_WORDS_BOTH_SIDES] = "both-sides",
    [VG_WORDS_MESSAGE] = "message",
    [VG_WORDS_STATE_ROLE] = "state-role",
    [VG_WORDS_PROMINENT_ROLE] = "prominent-role",
    [VG_WORDS_ARMED_ROLE] = "armed-role",
    [VG_WORDS_UNIDENTIFIED_ROLE] = "unidentified-role",
};

typedef struct word_slot {
    const char *word;            /* NULL: empty */
    uint32_t classes;            /* bit c: in class c */
} word_slot;

struct vg_wordclasses {
    vg_arena arena;              /* the words */
    word_slot *slots;
    size_t mask;                 /* slots - 1, a power of two less one */
    size_t n_words;
};

const char *vg_wordclass_name(vg_wordclass c)
{
    return (unsigned)c < VG_WORDS_N_CLASSES ? class_names[c] : NULL;
}

static uint64_t word_hash(const char *s, size_t n) { return vg_hash_bytes(s, n, 0x776f7264u); }

static word_slot *find_slot(const vg_wordclasses *w, const char *s, size_t n)
{
    for (size_t at = word_hash(s, n) & w->mask;; at = (at + 1) & w->mask) {
        word_slot *slot = &w->slots[at];
        if (!slot->word || (strlen(slot->word) == n && !memcmp(slot->word, s, n)))
            return slot;
    }
}

static int grow(vg_wordclasses *w)
{
    size_t n_slots = w->slots ? (w->mask + 1) * 2 : 256;
    word_slot *old = w->slots;
    size_t old_n = w->slots ? w->mask + 1 : 0;
    w->slots = vg_calloc(n_slots, sizeof *w->slots);
    if (!w->slots) {
        w->slots = old;
        return -1;
    }
    w->mask = n_slots - 1;
    for (size_t i = 0; i < old_n; i++)
        if (old[i].word)
            *find_slot(w, old[i].word, strlen(old[i].word)) = old[i];
    vg_free(old);
    return 0;
}

int vg_words_in(const vg_wordclasses *w, vg_wordclass c, const char *word)
{
    if (!w || !word || (unsigned)c >= VG_WORDS_N_CLASSES)
        return 0;
    const word_slot *slot = find_slot(w, word, strlen(word));
    return slot->word && (slot->classes >> c & 1u);
}

void vg_wordclasses_free(vg_wordclasses *w)
{
    if (!w)
        return;
    vg_free(w->slots);
    vg_arena_free(&w->arena);
    vg_free(w);
}

static int add_word(vg_wordclasses *w, const char *s, size_t n, vg_wordclass c)
{
    /* Kept at most half full, so a probe ends quickly at an empty slot. */
    if ((w->n_words + 1) * 2 > w->mask + 1 && grow(w))
        return -1;
    word_slot *slot = find_slot(w, s, n);
    if (!slot->word) {
        char *copy = vg_arena_strndup(&w->arena, s, n);
        if (!copy)
            return -1;
        slot->word = copy;
        w->n_words++;
    }
    slot->classes |= 1u << c;
    return 0;
}

static int section_of(const char *s, size_t n)
{
    for (int c = 0; c < VG_WORDS_N_CLASSES; c++)
        if (n == strlen(class_names[c]) + 2 && s[0] == '[' && s[n - 1] == ']' &&
            !memcmp(s + 1, class_names[c], n - 2))
            return c;
    return -1;
}

int vg_wordclasses_load(vg_wordclasses **out, const char *path, vg_error *err)
{
    *out = NULL;
    vg_wordclasses *w = vg_calloc(1, sizeof *w);
    if (!w)
        return vg_error_set(err, VG_ENOMEM, "out of memory loading %s", path);
    vg_arena_init(&w->arena, 4096);
    vg_linereader lr;
    int rc = vg_linereader_open(&lr, path, VG_MAX_DICT_FILE_BYTES, err);
    if (rc) {
        vg_wordclasses_free(w);
        return rc;
    }
    if (grow(w)) {
        rc = vg_error_set(err, VG_ENOMEM, "out of memory loading %s", path);
        goto out;
    }
    uint32_t seen = 0;
    int section = -1;
    const char *s;
    size_t n;
    int indent;
    while ((rc = vg_linereader_next(&lr, VG_MAX_DICT_LINE_BYTES, &s, &n, &indent, err)) == 1) {
        if (s[0] == '[') {
            section = section_of(s, n);
            if (section < 0) {
                rc = vg_linereader_fail(&lr, err, VG_EINVAL, "unknown section \"%.*s\"", (int)(n > 40 ? 40 : n), s);
                goto out;
            }
            if (seen >> section & 1u) {
                rc = vg_linereader_fail(&lr, err, VG_EINVAL, "section [%s] given twice", class_names[section]);
                goto out;
            }
            seen |= 1u << section;
            continue;
        }
        if (section < 0) {
            rc = vg_linereader_fail(&lr, err, VG_EINVAL, "a word before the first [section]");
            goto out;
        }
        for (size_t i = 0; i < n;) {
            while (i < n && (s[i] == ' ' || s[i] == '\t'))
                i++;
            size_t start = i;
            while (i < n && s[i] != ' ' && s[i] != '\t')
                i++;
            if (i == start)
                break;
            if (i - start >= VG_MAX_TOKEN_BYTES) {
                rc = vg_linereader_fail(&lr, err, VG_ELIMIT, "a word longer than %u bytes", VG_MAX_TOKEN_BYTES - 1);
                goto out;
            }
            /* Lemmas are looked up lowercased; role codes are upper case in state-, prominent-
             * and armed-role, the only classes of codes. */
            int codes = section >= VG_WORDS_STATE_ROLE;
            for (size_t k = start; k < i; k++)
                if (codes ? (s[k] >= 'a' && s[k] <= 'z') : (s[k] >= 'A' && s[k] <= 'Z')) {
                    rc = vg_linereader_fail(&lr, err, VG_EINVAL, "\"%.*s\": [%s] takes %s", (int)(i - start),
                                            s + start, class_names[section],
                                            codes ? "upper-case role codes" : "lowercase lemmas");
                    goto out;
                }
            if (add_word(w, s + start, i - start, (vg_wordclass)section)) {
                rc = vg_error_set(err, VG_ENOMEM, "out of memory loading %s", path);
                goto out;
            }
        }
    }
    if (rc < 0)
        goto out;
    rc = 0;
    for (int c = 0; c < VG_WORDS_N_CLASSES; c++)
        if (!(seen >> c & 1u)) {
            rc = vg_error_set(err, VG_EINVAL, "%s: no [%s] section", path, class_names[c]);
            goto out;
        }
out:
    vg_linereader_close(&lr);
    if (rc) {
        vg_wordclasses_free(w);
        return rc;
    }
    *out = w;
    return 0;
}
