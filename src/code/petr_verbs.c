/* Loader of PETRARCH verb dictionaries (see petr_verbs.h). */
#include "code/petr_verbs.h"
#include "util/alloc.h"
#include "util/hash.h"
#include <stdio.h>
#include <string.h>

/* Room for element n of an array that grows as the file is read. */
static int grow(void *array_ptr, size_t *cap, size_t n, size_t size)
{
    return vg_grow(array_ptr, cap, n, size, 64) ? VG_ENOMEM : 0;
}

typedef struct loader {
    vg_petr_verbs *v;
    vg_petr_lines lr;
    vg_error *err;
    size_t cap_synsets, cap_blocks, cap_patterns, cap_verbs;
    size_t cap_members;          /* of the synset being read */
} loader;

static int is_blank(char c) { return c == ' ' || c == '\t'; }

uint64_t vg_petr_word_key(const char *word)
{
    uint64_t k = vg_hash_bytes(word, strlen(word), 0x5e7a);
    return k ? k : 1;
}

int vg_petr_parse_codes(const char *s, vg_petr_codes *codes)
{
    memset(codes, 0, sizeof *codes);
    codes->given = 1;
    while (is_blank(*s))
        s++;
    const char *colon = strchr(s, ':');
    size_t n1 = colon ? (size_t)(colon - s) : strlen(s);
    const char *second = colon ? colon + 1 : "";
    while (n1 && is_blank(s[n1 - 1]))
        n1--;
    while (is_blank(*second))
        second++;
    size_t n2 = strlen(second);
    while (n2 && is_blank(second[n2 - 1]))
        n2--;
    if (n1 >= VG_PETR_CODE_SIZE || n2 >= VG_PETR_CODE_SIZE || (!n1 && !n2) || strchr(second, ':'))
        return -1;
    for (size_t i = 0; i < n1; i++)
        if (is_blank(s[i]))
            return -1;
    for (size_t i = 0; i < n2; i++)
        if (is_blank(second[i]))
            return -1;
    if (!(n1 == 3 && !memcmp(s, "---", 3)))
        memcpy(codes->code, s, n1);
    if (!(n2 == 3 && !memcmp(second, "---", 3)))
        memcpy(codes->code2, second, n2);
    return 0;
}

/* Cuts the last "[...]" off s into codes; 1 when there was one, 0 when none, <0 on error. */
static int take_codes(loader *L, char *s, vg_petr_codes *codes)
{
    memset(codes, 0, sizeof *codes);
    char *open = strrchr(s, '[');
    if (!open)
        return strchr(s, ']') ? vg_linereader_fail(&L->lr.lines, L->err, VG_EINVAL, "']' without '['") : 0;
    char *close = strchr(open, ']');
    if (!close)
        return vg_linereader_fail(&L->lr.lines, L->err, VG_EINVAL, "'[' without ']'");
    for (char *p = close + 1; *p; p++)
        if (!is_blank(*p))
            return vg_linereader_fail(&L->lr.lines, L->err, VG_EINVAL, "text after the [code]");
    *close = '\0';
    if (vg_petr_parse_codes(open + 1, codes))
        return vg_linereader_fail(&L->lr.lines, L->err, VG_EINVAL, "malformed code '[%s]'", open + 1);
    *open = '\0';
    return 1;
}

static const char *copy(loader *L, const char *s, size_t n)
{
    return vg_arena_strndup(&L->v->arena, s, n);
}

/* Copies words[0..n-1] into the arena. */
static const char **copy_words(loader *L, char **words, size_t n)
{
    const char **out = vg_arena_alloc(&L->v->arena, (n ? n : 1) * sizeof *out);
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (!(out[i] = copy(L, words[i], strlen(words[i]))))
            return NULL;
    return out;
}

/* A synset's name as looked up: uppercase, without a final "_" (which only says "no plurals"). */
static void synset_name(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '_' || is_blank(s[n - 1])))
        s[--n] = '\0';
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            *s = (char)(*s - 'a' + 'A');
}

static int find_synset(const vg_petr_verbs *v, const char *name)
{
    for (size_t i = 0; i < v->n_synsets; i++)
        if (!strcmp(v->synsets[i].name, name))
            return (int)i;
    return -1;
}

static int add_member(loader *L, vg_petr_synset *set, char **words, size_t n)
{
    if (grow(&set->members, &L->cap_members, set->n_members, sizeof *set->members))
        return VG_ENOMEM;
    const char **w = copy_words(L, words, n);
    if (!w)
        return VG_ENOMEM;
    set->members[set->n_members++] = (struct vg_petr_words){w, (uint32_t)n};
    return 0;
}

/* "+PHRASE" of the synset being read; plurals unless the label or the phrase ends in "_". */
static int synset_member(loader *L, char *s, int plurals)
{
    vg_petr_synset *set = &L->v->synsets[L->v->n_synsets - 1];
    while (is_blank(*s))
        s++;
    if (*s == '&') { /* an embedded synset: its members, defined earlier */
        synset_name(s);
        int k = find_synset(L->v, s);
        if (k < 0 || &L->v->synsets[k] == set)
            return vg_linereader_fail(&L->lr.lines, L->err, VG_EINVAL, "synset %s used before it is defined", s);
        for (uint32_t i = 0; i < L->v->synsets[k].n_members; i++) {
            struct vg_petr_words m = L->v->synsets[k].members[i];
            if (grow(&set->members, &L->cap_members, set->n_members, sizeof *set->members))
                return VG_ENOMEM;
            set->members[set->n_members++] = m;
        }
        return 0;
    }
    size_t len = strlen(s);
    if (len && s[len - 1] == '_')
        plurals = 0;
    for (char *p = s; *p; p++)
        if (*p == '(' || *p == ')')
            *p = ' ';
    vg_petr_normalise(s);
    char *words[VG_MAX_PETR_WORDS];
    int n = vg_petr_split(s, words, VG_MAX_PETR_WORDS);
    if (n < 0)
        return vg_linereader_fail(&L->lr.lines, L->err, VG_ELIMIT, "synset phrase of more than %u words", VG_MAX_PETR_WORDS);
    if (n == 0)
        return vg_linereader_fail(&L->lr.lines, L->err, VG_EINVAL, "empty synset member");
    int rc = add_member(L, set, words, (size_t)n);
    if (rc || !plurals)
        return rc;
    char plural[128];
    if (strlen(words[n - 1]) + 4 > sizeof plural)
        return 0;
    vg_petr_plural(words[n - 1], plural, sizeof plural);
    words[n - 1] = plural;
    return add_member(L, set, words, (size_t)n);
}

static int is_vowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }

/* The regular forms of an uppercase verb word: base, -S, -ED, -ING (and doubled-consonant
 * -ED/-ING for a final consonant-vowel-consonant). Returns the number written to out. */
static int regular_forms(const char *w, char out[][72])
{
    size_t n = strlen(w);
    int k = 0;
    if (n == 0 || n > 64)
        return 0;
    snprintf(out[k++], 72, "%s", w);
    char last = w[n - 1], before = n > 1 ? w[n - 2] : 0;
    if (last == 'Y' && before && !is_vowel(before)) {
        snprintf(out[k++], 72, "%.*sIES", (int)(n - 1), w);
        snprintf(out[k++], 72, "%.*sIED", (int)(n - 1), w);
    } else {
        int es = last == 'S' || last == 'X' || last == 'Z' || last == 'O' ||
                 (n > 1 && (!strcmp(w + n - 2, "CH") || !strcmp(w + n - 2, "SH")));
        snprintf(out[k++], 72, "%s%s", w, es ? "ES" : "S");
        snprintf(out[k++], 72, "%s%s", w, last == 'E' ? "D" : "ED");
    }
    if (last == 'E' && before != 'E' && n > 2)
        snprintf(out[k++], 72, "%.*sING", (int)(n - 1), w);
    else if (last == 'E' && before == 'I')
        snprintf(out[k++], 72, "%.*sYING", (int)(n - 2), w);
    else
        snprintf(out[k++], 72, "%sING", w);
    if (n >= 3 && !is_vowel(last) && last != 'W' && last != 'X' && last != 'Y' && is_vowel(before) &&
        !is_vowel(w[n - 3])) {
        snprintf(out[k++], 72, "%s%cED", w, last);
        snprintf(out[k++], 72, "%s%cING", w, last);
    }
    return k;
}

/* Splits a verb token ("WIRE_+TAP", "+GO_BY", "SAY") into words and the verb word's index. */
static int verb_words(char *token, char **words, int *verb_at)
{
    if (*token == '+')
        token++;
    *verb_at = 0;
    int n = 0;
    char *p = token;
    while (*p) {
        if (n == (int)VG_MAX_PETR_WORDS)
            return -1;
        if (*p == '+') {
            *verb_at = n;
            p++;
        }
        words[n++] = p;
        while (*p && *p != '_')
            p++;
        if (*p)
            *p++ = '\0';
    }
    for (int i = 0; i < n; i++) {
        vg_petr_normalise(words[i]);
        if (!*words[i])
            return -1;
    }
    return n;
}

static int add_form(loader *L, const vg_petr_verb *proto, const char *form)
{
    vg_petr_verbs *v = L->v;
    if (grow(&v->verbs, &L->cap_verbs, v->n_verbs, sizeof *v->verbs))
        return VG_ENOMEM;
    int32_t id = (int32_t)v->n_verbs++;
    v->verbs[id] = *proto;
    const char *w[1] = {form};
    return vg_petr_index_add(&v->forms, w, 1, id);
}

/* A verb line of the current block: "SAY {SAYS SAID} [010]". */
static int verb_line(loader *L, char *s)
{
    vg_petr_verbs *v = L->v;
    vg_petr_codes codes;
    int rc = take_codes(L, s, &codes);
    if (rc < 0)
        return rc;
    vg_petr_block *block = &v->blocks[v->n_blocks - 1];
    if (!codes.given)
        codes = block->codes;
    char *forms = strchr(s, '{');
    if (forms) {
        char *end = strchr(forms, '}');
        if (!end)
            return vg_linereader_fail(&L->lr.lines, L->err, VG_EINVAL, "'{' without '}'");
        for (char *p = end + 1; *p; p++)
            if (!is_blank(*p))
                return vg_linereader_fail(&L->lr.lines, L->err, VG_EINVAL, "text after the {forms} of a verb");
        *end = '\0';
        *forms++ = '\0';
    }
    /* "LASH OUT" is read as LASH_OUT: the first word is the verb */
    while (is_blank(*s))
        s++;
    size_t len = strlen(s);
    while (len && is_blank(s[len - 1]))
        s[--len] = '\0';
    for (char *p = s; *p; p++)
        if (is_blank(*p))
            *p = '_';
    char *tokens[2];
    int nt = vg_petr_split(s, tokens, 2);
    if (nt != 1)
        return vg_linereader_fail(&L->lr.lines, L->err, VG_EINVAL, "verb line without a verb");
    char *words[VG_MAX_PETR_WORDS];
    int verb_at;
    int n = verb_words(tokens[0], words, &verb_at);
    if (n <= 0)
        return vg_linereader_fail(&L->lr.lines, L->err, VG_EINVAL, "malformed verb '%s'", tokens[0]);
    vg_petr_verb proto = {(uint32_t)(v->n_blocks - 1), codes, NULL, (uint32_t)verb_at, NULL,
                          (uint32_t)(n - verb_at - 1), NULL, L->lr.lines.line};
    proto.before = copy_words(L, words, (size_t)verb_at);
    proto.after = copy_words(L, words + verb_at + 1, (size_t)(n - verb_at - 1));
    proto.base = copy(L, words[verb_at], strlen(words[verb_at]));
    if (!proto.before || !proto.after || !proto.base)
        return VG_ENOMEM;
    char generated[8][72];
    int ng = regular_forms(words[verb_at], generated);
    for (int i = 0; i < ng; i++)
        if ((rc = add_form(L, &proto, generated[i])))
            return rc;
    if (!forms)
        return 0;
    char *irregular[VG_MAX_PETR_VERB_FORMS];
    int ni = vg_petr_split(forms, irregular, (int)VG_MAX_PETR_VERB_FORMS);
    if (ni < 0)
        return vg_linereader_fail(&L->lr.lines, L->err, VG_ELIMIT, "more than %u verb forms", VG_MAX_PETR_VERB_FORMS);
    for (int i = 0; i < ni; i++) {
        char *fw[VG_MAX_PETR_WORDS];
        int fat;
        int fn = verb_words(irregular[i], fw, &fat);
        if (fn <= 0)
            return vg_linereader_fail(&L->lr.lines, L->err, VG_EINVAL, "malformed verb form '%s'", irregular[i]);
        /* a multi-word form keeps its own words around the verb word */
        vg_petr_verb form = proto;
        form.before = copy_words(L, fw, (size_t)fat);
        form.after = copy_words(L, fw + fat + 1, (size_t)(fn - fat - 1));
        form.n_before = (uint32_t)fat;
        form.n_after = (uint32_t)(fn - fat - 1);
        if (!form.before || !form.after)
            return VG_ENOMEM;
        if ((rc = add_form(L, &form, fw[fat])))
            return rc;
    }
    return 0;
}

/* A pattern of the current block: "- * (TO &CEASEFIRE) [0356]". */
/* A pattern PETRARCH could not read either: left out with a warning naming its line, so one
 * typo in a dictionary of thousands of patterns does not stop the whole dictionary. */
static int skip_pattern(loader *L, const char *what)
{
    vg_warn("%s:%u: %s (pattern left out)", L->lr.lines.path, (unsigned)L->lr.lines.line, what);
    L->v->n_skipped++;
    return 0;
}

static int pattern_line(loader *L, char *s, const char *written)
{
    vg_petr_verbs *v = L->v;
    vg_petr_codes codes;
    int rc = take_codes(L, s, &codes);
    if (rc < 0)
        return rc;
    if (rc == 0)
        return vg_linereader_fail(&L->lr.lines, L->err, VG_EINVAL, "pattern without a [code]");
    /* separate the brackets so they split as tokens */
    char spaced[VG_MAX_PETR_LINE_BYTES * 3 + 1];
    size_t k = 0;
    for (char *p = s; *p && k + 4 < sizeof spaced; p++) {
        if (*p == '*') { /* "*SCEPTICAL" is "* SCEPTICAL"; "**" stays one token */
            spaced[k++] = ' ';
            while (*p == '*' && k + 3 < sizeof spaced)
                spaced[k++] = *p++;
            spaced[k++] = ' ';
            p--;
        } else if (strchr("(){}", *p)) {
            spaced[k++] = ' ';
            spaced[k++] = *p;
            spaced[k++] = ' ';
        } else {
            spaced[k++] = *p;
        }
    }
    spaced[k] = '\0';
    char *split[VG_MAX_PETR_WORDS * 2];
    int ns = vg_petr_split(spaced, split, (int)(VG_MAX_PETR_WORDS * 2));
    if (ns < 0)
        return vg_linereader_fail(&L->lr.lines, L->err, VG_ELIMIT, "pattern of more than %u tokens", VG_MAX_PETR_WORDS * 2);
    /* "_" joins pieces that must be consecutive ("IN_*", "DEMAND_&GENINT_CONVENTIONS") */
    char *tokens[VG_MAX_PETR_WORDS * 2];
    uint8_t joined[VG_MAX_PETR_WORDS * 2];
    int nt = 0;
    for (int i = 0; i < ns; i++) {
        char *piece = split[i];
        int first = 1;
        for (;;) {
            char *underscore = strchr(piece, '_');
            if (underscore)
                *underscore = '\0';
            if (*piece) {
                if (nt == (int)(VG_MAX_PETR_WORDS * 2))
                    return vg_linereader_fail(&L->lr.lines, L->err, VG_ELIMIT, "pattern of more than %u tokens",
                                              VG_MAX_PETR_WORDS * 2);
                joined[nt] = (uint8_t)!first;
                tokens[nt++] = piece;
                first = 0;
            }
            if (!underscore)
                break;
            piece = underscore + 1;
        }
    }
    vg_petr_elem elems[VG_MAX_PETR_WORDS * 2];
    uint32_t ne = 0, n_words = 0;
    int verb = -1, compound = 0, in_phrase = 0, in_braces = 0, braces_first = 0, undefined = 0;
    for (int i = 0; i < nt; i++) {
        char *t = tokens[i];
        if (!strcmp(t, "(")) {
            if (in_phrase || in_braces)
                return skip_pattern(L, "nested '(' in a pattern");
            in_phrase = 1;
            continue;
        }
        if (!strcmp(t, ")")) {
            if (!in_phrase || in_braces)
                return skip_pattern(L, "')' without '('");
            in_phrase = 0;
            continue;
        }
        if (!strcmp(t, "{")) {
            if (in_braces)
                return skip_pattern(L, "nested '{' in a pattern");
            in_braces = 1;
            braces_first = 1;
            continue;
        }
        if (!strcmp(t, "}")) {
            if (!in_braces)
                return skip_pattern(L, "'}' without '{'");
            in_braces = 0;
            continue;
        }
        vg_petr_elem e = {0};
        e.in_phrase = (uint8_t)in_phrase;
        /* "_" joins words strictly; "{...}" asks for words of one noun phrase, in order */
        e.adjacent = (uint8_t)(joined[i] ? 1 : in_braces && !braces_first ? 2 : 0);
        braces_first = 0;
        e.synset = -1;
        if (!strcmp(t, "*") || !strcmp(t, "**")) {
            if (verb >= 0)
                return skip_pattern(L, "pattern with more than one '*'");
            e.kind = VG_PETR_ELEM_VERB;
            verb = (int)ne;
        } else if (!strcmp(t, "$")) {
            e.kind = VG_PETR_ELEM_SOURCE;
        } else if (!strcmp(t, "+")) {
            e.kind = VG_PETR_ELEM_TARGET;
        } else if (!strcmp(t, "^")) {
            e.kind = VG_PETR_ELEM_SKIP;
        } else if (!strcmp(t, "%")) {
            e.kind = VG_PETR_ELEM_COMPOUND;
            compound = 1;
        } else if (*t == '&') {
            synset_name(t);
            e.kind = VG_PETR_ELEM_SYNSET;
            e.synset = find_synset(v, t);
            if (e.synset < 0)
                undefined = 1;
            n_words++;
        } else {
            vg_petr_normalise(t);
            char *words[VG_MAX_PETR_WORDS];
            int n = vg_petr_split(t, words, VG_MAX_PETR_WORDS);
            if (n <= 0)
                return skip_pattern(L, "malformed word in a pattern");
            e.kind = VG_PETR_ELEM_WORDS;
            e.words = copy_words(L, words, (size_t)n);
            e.n_words = (uint32_t)n;
            if (!e.words)
                return VG_ENOMEM;
            e.key = vg_petr_word_key(e.words[0]);
            n_words += (uint32_t)n;
        }
        if (ne == VG_MAX_PETR_WORDS * 2)
            return vg_linereader_fail(&L->lr.lines, L->err, VG_ELIMIT, "pattern too long");
        elems[ne++] = e;
    }
    if (in_phrase || in_braces)
        return skip_pattern(L, in_phrase ? "unclosed '(' in a pattern" : "unclosed '{' in a pattern");
    if (verb < 0)
        return skip_pattern(L, "pattern without the verb '*'");
    if (undefined) { /* as PETRARCH does: a pattern naming an unknown synset is left out */
        v->n_skipped++;
        return 0;
    }
    if (grow(&v->patterns, &L->cap_patterns, v->n_patterns, sizeof *v->patterns))
        return VG_ENOMEM;
    vg_petr_pattern *p = &v->patterns[v->n_patterns];
    p->elems = vg_arena_alloc(&v->arena, ne * sizeof *p->elems);
    p->text = copy(L, written, strlen(written));
    if (!p->elems || !p->text)
        return VG_ENOMEM;
    memcpy(p->elems, elems, ne * sizeof *elems);
    p->n_elems = ne;
    p->verb = (uint32_t)verb;
    p->codes = codes;
    p->compound = compound;
    p->n_words = n_words;
    p->line = L->lr.lines.line;
    v->n_patterns++;
    v->blocks[v->n_blocks - 1].n_patterns++;
    return 0;
}

/* "--- NAME [code] ---" */
static int block_line(loader *L, char *s)
{
    vg_petr_verbs *v = L->v;
    char *p = s + 3;
    size_t n = strlen(p);
    while (n && (p[n - 1] == '-' || is_blank(p[n - 1])))
        p[--n] = '\0';
    vg_petr_codes codes;
    int rc = take_codes(L, p, &codes);
    if (rc < 0)
        return rc;
    if (grow(&v->blocks, &L->cap_blocks, v->n_blocks, sizeof *v->blocks))
        return VG_ENOMEM;
    while (is_blank(*p))
        p++;
    n = strlen(p);
    while (n && is_blank(p[n - 1]))
        n--;
    vg_petr_block *b = &v->blocks[v->n_blocks++];
    memset(b, 0, sizeof *b);
    b->name = copy(L, p, n);
    if (!b->name)
        return VG_ENOMEM;
    b->codes = codes;
    b->codes.given = 1; /* no code is the null code */
    b->first_pattern = (uint32_t)v->n_patterns;
    b->line = L->lr.lines.line;
    return 0;
}

int vg_petr_verbs_load(vg_petr_verbs *v, const char *path, vg_error *err)
{
    memset(v, 0, sizeof *v);
    vg_arena_init(&v->arena, 0);
    vg_petr_index_init(&v->forms);
    vg_petr_index_init(&v->members);
    loader L = {.v = v, .err = err};
    int rc = vg_petr_lines_open(&L.lr, path, err);
    if (rc) {
        vg_petr_verbs_free(v);
        return rc;
    }
    v->file = copy(&L, path, strlen(path));
    int in_synset = 0, synset_plurals = 1;
    char *s;
    int indent;
    while ((rc = vg_petr_lines_next(&L.lr, &s, &indent, err)) == 1) {
        rc = 0;
        char written[VG_MAX_PETR_LINE_BYTES + 1];
        snprintf(written, sizeof written, "%s", s);
        if (*s == '&') { /* a synset label */
            char *words[2];
            size_t len = strlen(s);
            synset_plurals = !(len && s[len - 1] == '_');
            if (vg_petr_split(s, words, 2) != 1) {
                rc = vg_linereader_fail(&L.lr.lines, err, VG_EINVAL, "synset label with more than one word");
                break;
            }
            synset_name(words[0]);
            size_t n = strlen(words[0]);
            int existing = find_synset(v, words[0]);
            if (existing >= 0) { /* defined again: the later definition adds to it */
                vg_petr_synset keep = v->synsets[existing];
                memmove(&v->synsets[existing], &v->synsets[existing + 1],
                        (v->n_synsets - existing - 1) * sizeof keep);
                v->synsets[v->n_synsets - 1] = keep;
                L.cap_members = keep.n_members;
            } else {
                if (grow(&v->synsets, &L.cap_synsets, v->n_synsets, sizeof *v->synsets)) {
                    rc = VG_ENOMEM;
                    break;
                }
                vg_petr_synset *set = &v->synsets[v->n_synsets++];
                memset(set, 0, sizeof *set);
                if (!(set->name = copy(&L, words[0], n))) {
                    rc = VG_ENOMEM;
                    break;
                }
                L.cap_members = 0;
            }
            in_synset = 1;
            continue;
        }
        if (*s == '+' && in_synset) {
            rc = synset_member(&L, s + 1, synset_plurals);
            if (rc)
                break;
            continue;
        }
        in_synset = 0;
        if (*s == '~') { /* a PETRARCH2 transformation ("~ a (b . ATTACK) SAY = a b 112"): not read */
            v->n_transformations++;
            continue;
        }
        if (!strncmp(s, "---", 3)) {
            rc = block_line(&L, s);
        } else if (!v->n_blocks) {
            rc = vg_linereader_fail(&L.lr.lines, err, VG_EINVAL, "verb or pattern before the first '--- NAME [code] ---' block");
        } else if (*s == '-' || *s == '*') { /* "* ..." without its dash is read as a pattern */
            rc = pattern_line(&L, *s == '-' ? s + 1 : s, written);
        } else {
            rc = verb_line(&L, s);
        }
        if (rc)
            break;
    }
    /* the members of every set, looked up by their first word when a pattern is matched */
    for (size_t i = 0; i < v->n_synsets && rc >= 0; i++)
        for (uint32_t m = 0; m < v->synsets[i].n_members && rc >= 0; m++)
            rc = vg_petr_index_add(&v->members, v->synsets[i].members[m].words, v->synsets[i].members[m].n,
                                   (int32_t)i);
    if (rc == VG_ENOMEM)
        vg_error_set(err, rc, "%s: out of memory", path);
    vg_petr_lines_close(&L.lr);
    if (rc < 0) {
        vg_petr_verbs_free(v);
        return rc;
    }
    return 0;
}

void vg_petr_verbs_free(vg_petr_verbs *v)
{
    for (size_t i = 0; i < v->n_synsets; i++)
        vg_free(v->synsets[i].members);
    vg_free(v->synsets);
    vg_free(v->blocks);
    vg_free(v->patterns);
    vg_free(v->verbs);
    vg_petr_index_free(&v->forms);
    vg_petr_index_free(&v->members);
    vg_arena_free(&v->arena);
    memset(v, 0, sizeof *v);
}
