/* Loader of PETRARCH agent dictionaries (see petr_agents.h). */
#include "code/petr_agents.h"
#include "util/alloc.h"
#include <stdio.h>
#include <string.h>

void vg_petr_agents_init(vg_petr_agents *a)
{
    memset(a, 0, sizeof *a);
    vg_petr_index_init(&a->index);
    vg_arena_init(&a->arena, 0);
}

void vg_petr_agents_free(vg_petr_agents *a)
{
    vg_free(a->agents);
    vg_free(a->subst);
    vg_petr_index_free(&a->index);
    vg_arena_free(&a->arena);
    memset(a, 0, sizeof *a);
}

static int is_blank(char c) { return c == ' ' || c == '\t'; }

static char *trim(char *s)
{
    while (is_blank(*s))
        s++;
    size_t n = strlen(s);
    while (n && is_blank(s[n - 1]))
        s[--n] = '\0';
    return s;
}

/* "!NAME! = A, B, C" */
static int add_subst(vg_petr_agents *a, vg_petr_lines *lr, char *s, vg_error *err)
{
    char *close = strchr(s + 1, '!');
    char *eq = strchr(s, '=');
    if (!close || !eq || eq < close)
        return vg_linereader_fail(&lr->lines, err, VG_EINVAL, "substitution set is not '!NAME! = WORD, WORD, ...'");
    struct vg_petr_subst sub = {vg_arena_strndup(&a->arena, s, (size_t)(close - s + 1)), NULL, 0};
    char *list = eq + 1;
    size_t n = 1;
    for (char *p = list; *p; p++)
        n += *p == ',';
    sub.items = vg_arena_alloc(&a->arena, n * sizeof *sub.items);
    if (!sub.marker || !sub.items)
        return VG_ENOMEM;
    char *item = list;
    for (;;) {
        char *comma = strchr(item, ',');
        if (comma)
            *comma = '\0';
        char *word = trim(item);
        vg_petr_normalise(word);
        if (*word && !(sub.items[sub.n_items++] = vg_arena_strndup(&a->arena, word, strlen(word))))
            return VG_ENOMEM;
        if (!comma)
            break;
        item = comma + 1;
    }
    if (!sub.n_items)
        return vg_linereader_fail(&lr->lines, err, VG_EINVAL, "empty substitution set");
    struct vg_petr_subst *grown = vg_realloc(a->subst, (a->n_subst + 1) * sizeof *grown);
    if (!grown)
        return VG_ENOMEM;
    a->subst = grown;
    a->subst[a->n_subst++] = sub;
    return 0;
}

static int add_words(vg_petr_agents *a, vg_petr_lines *lr, const char *phrase, int32_t k, vg_error *err)
{
    char buf[VG_MAX_PETR_LINE_BYTES + 1];
    int len = snprintf(buf, sizeof buf, "%s", phrase);
    if (len < 0 || (size_t)len >= sizeof buf)
        return vg_linereader_fail(&lr->lines, err, VG_ELIMIT, "agent phrase longer than %u bytes",
                                  VG_MAX_PETR_LINE_BYTES);
    char *words[VG_MAX_PETR_WORDS];
    int n = vg_petr_split(buf, words, VG_MAX_PETR_WORDS);
    if (n < 0)
        return vg_linereader_fail(&lr->lines, err, VG_ELIMIT, "agent phrase of more than %u words", VG_MAX_PETR_WORDS);
    if (n == 0)
        return vg_linereader_fail(&lr->lines, err, VG_EINVAL, "empty agent phrase");
    return vg_petr_index_add(&a->index, (const char *const *)words, (size_t)n, k);
}

/* The phrase with its regular plural (on the last word), unless plural is given. */
static int add_forms(vg_petr_agents *a, vg_petr_lines *lr, const char *phrase, const char *plural, int32_t k,
                     vg_error *err)
{
    int rc = add_words(a, lr, phrase, k, err);
    if (rc)
        return rc;
    if (plural)
        return *plural ? add_words(a, lr, plural, k, err) : 0;
    char buf[VG_MAX_PETR_LINE_BYTES + 1], last_plural[256];
    snprintf(buf, sizeof buf, "%s", phrase);
    char *last = strrchr(buf, ' ');
    last = last ? last + 1 : buf;
    if (strlen(last) + 4 > sizeof last_plural)
        return 0;
    vg_petr_plural(last, last_plural, sizeof last_plural);
    *last = '\0';
    char both[VG_MAX_PETR_LINE_BYTES + 300];
    snprintf(both, sizeof both, "%s%s", buf, last_plural);
    return add_words(a, lr, both, k, err);
}

/* "CONGRESS!PERSON!": every item of the set in place of the marker, no plural; a phrase with
 * several markers gets every combination. */
static int expand(vg_petr_agents *a, vg_petr_lines *lr, const char *phrase, int32_t k, int depth, size_t *made,
                  vg_error *err)
{
    const char *mark = strchr(phrase, '!');
    if (!mark) {
        if (++*made > VG_MAX_PETR_EXPANSIONS) /* sets multiply: bound what one line can make */
            return vg_linereader_fail(&lr->lines, err, VG_ELIMIT, "substitutions make more than %u phrases",
                                      VG_MAX_PETR_EXPANSIONS);
        return add_words(a, lr, phrase, k, err);
    }
    const char *mark_end = strchr(mark + 1, '!');
    size_t i = 0;
    while (mark_end && i < a->n_subst && strncmp(a->subst[i].marker, mark, (size_t)(mark_end - mark + 1)))
        i++;
    if (!mark_end || i == a->n_subst)
        return vg_linereader_fail(&lr->lines, err, VG_EINVAL, "unknown substitution marker in '%s'", phrase);
    if (depth == (int)VG_MAX_PETR_MARKERS)
        return vg_linereader_fail(&lr->lines, err, VG_ELIMIT, "more than %u substitution markers in '%s'",
                                  VG_MAX_PETR_MARKERS, phrase);
    int rc = 0;
    for (uint32_t j = 0; j < a->subst[i].n_items && !rc; j++) {
        char expanded[VG_MAX_PETR_LINE_BYTES * 2];
        snprintf(expanded, sizeof expanded, "%.*s%s%s", (int)(mark - phrase), phrase, a->subst[i].items[j],
                 mark_end + 1);
        rc = expand(a, lr, expanded, k, depth + 1, made, err);
    }
    return rc;
}

int vg_petr_agents_load(vg_petr_agents *a, const char *path, vg_error *err)
{
    vg_petr_lines lr;
    int rc = vg_petr_lines_open(&lr, path, err);
    if (rc)
        return rc;
    char *s;
    int indent;
    while (!rc && (rc = vg_petr_lines_next(&lr, &s, &indent, err)) == 1) {
        rc = 0;
        if (*s == '!' && strchr(s, '=')) {
            rc = add_subst(a, &lr, s, err);
            continue;
        }
        char *open = strchr(s, '['), *close = open ? strchr(open, ']') : NULL;
        if (!open || !close) { /* Phoenix.agents.txt has a few ("[~ENV}", a phrase alone) */
            vg_warn("%s:%u: agent without a [~CODE] (left out)", path, (unsigned)lr.lines.line);
            continue;
        }
        *open = '\0';
        *close = '\0';
        char *code = trim(open + 1);
        vg_petr_agent agent = {NULL, 0, lr.lines.line};
        size_t len = strlen(code);
        if (len && code[len - 1] == '~') {
            agent.prefix = 1;
            code[--len] = '\0';
        } else if (*code == '~') {
            code++;
            len--;
        }
        if (!len || strchr(code, '~') || strchr(code, ' ')) {
            rc = vg_linereader_fail(&lr.lines, err, VG_EINVAL, "malformed agent code '[%s]'", open + 1);
            break;
        }
        if (!(agent.code = vg_arena_strndup(&a->arena, code, len))) {
            rc = VG_ENOMEM;
            break;
        }
        char *plural = NULL, *brace = strchr(s, '{');
        if (brace) {
            char *end = strchr(brace, '}');
            if (!end) {
                rc = vg_linereader_fail(&lr.lines, err, VG_EINVAL, "'{' without '}'");
                break;
            }
            *end = '\0';
            *brace = '\0';
            plural = trim(brace + 1);
            vg_petr_normalise(plural);
        }
        char *phrase = trim(s);
        vg_petr_normalise(phrase);
        if (!*phrase) {
            rc = vg_linereader_fail(&lr.lines, err, VG_EINVAL, "agent code without a phrase");
            break;
        }
        if (vg_grow(&a->agents, &a->cap_agents, a->n_agents, sizeof *a->agents, 128)) {
            rc = VG_ENOMEM;
            break;
        }
        int32_t k = (int32_t)a->n_agents++;
        a->agents[k] = agent;
        char *mark = strchr(phrase, '!');
        if (!mark) {
            rc = add_forms(a, &lr, phrase, plural, k, err);
            continue;
        }
        size_t made = 0;
        rc = expand(a, &lr, phrase, k, 0, &made, err);
    }
    if (rc == VG_ENOMEM)
        vg_error_set(err, rc, "%s: out of memory", path);
    vg_petr_lines_close(&lr);
    return rc < 0 ? rc : 0;
}
