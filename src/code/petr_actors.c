/* Loader of PETRARCH actor dictionaries (see petr_actors.h). */
#include "code/petr_actors.h"
#include "util/alloc.h"
#include <stdlib.h>
#include <string.h>

void vg_petr_actors_init(vg_petr_actors *a)
{
    memset(a, 0, sizeof *a);
    vg_petr_index_init(&a->index);
    vg_arena_init(&a->arena, 0);
}

void vg_petr_actors_free(vg_petr_actors *a)
{
    for (size_t i = 0; i < a->n_actors; i++)
        vg_free(a->actors[i].dated);
    vg_free(a->actors);
    vg_petr_index_free(&a->index);
    vg_arena_free(&a->arena);
    memset(a, 0, sizeof *a);
}

int32_t vg_petr_parse_date(const char *s, size_t n)
{
    if (n != 6 && n != 8)
        return -1;
    int32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    if (n == 6)
        v += (v / 10000 < 30 ? 20000000 : 19000000);
    int month = v / 100 % 100, day = v % 100;
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return -1;
    return v;
}

const char *vg_petr_actor_code(const vg_petr_actor *a, int32_t date)
{
    if (date > 0)
        for (uint32_t i = 0; i < a->n_dated; i++) {
            const vg_petr_dated_code *d = &a->dated[i];
            if ((!d->from || date >= d->from) && (!d->to || date <= d->to))
                return d->code;
        }
    if (date > 0 || a->code || !a->n_dated)
        return a->code;
    /* no date and no default: the latest role ("[USAGOV >090120]" for Obama) */
    const vg_petr_dated_code *latest = &a->dated[0];
    for (uint32_t i = 1; i < a->n_dated; i++) {
        const vg_petr_dated_code *d = &a->dated[i];
        int32_t end = d->to ? d->to : 99999999, latest_end = latest->to ? latest->to : 99999999;
        if (end > latest_end || (end == latest_end && d->from > latest->from))
            latest = d;
    }
    return latest->code;
}

static int is_blank(char c) { return c == ' ' || c == '\t'; }

static const char *code_copy(vg_petr_actors *a, const char *s, size_t n)
{
    if (n == 3 && !memcmp(s, "---", 3))
        return NULL;
    return vg_arena_strndup(&a->arena, s, n);
}

/* The Phoenix dictionaries have a few impossible dates ("9008223-911221"): such a restriction
 * is left out with a warning naming its line, and the actor keeps its other codes. */
static int skip_restriction(const vg_petr_lines *lr, const char *what)
{
    vg_warn("%s:%u: %s (restriction left out)", lr->lines.path, (unsigned)lr->lines.line, what);
    return 0;
}

/* One "[CODE]" or "[CODE restriction]" (without its brackets) for actor k. */
/* The date at *s, blanks around it skipped (as vg_petr_parse_date reads it: < 0 when malformed). */
static int32_t take_date(char **s)
{
    char *p = *s;
    while (is_blank(*p))
        p++;
    char *digits = p;
    while (*p >= '0' && *p <= '9')
        p++;
    int32_t date = vg_petr_parse_date(digits, (size_t)(p - digits));
    while (is_blank(*p))
        p++;
    *s = p;
    return date;
}

static int add_code(vg_petr_actors *a, vg_petr_lines *lr, size_t k, char *s, vg_error *err)
{
    vg_petr_actor *actor = &a->actors[k];
    while (is_blank(*s))
        s++;
    char *code = s;
    while (*s && !is_blank(*s) && *s != '<' && *s != '>')
        s++;
    size_t code_len = (size_t)(s - code);
    while (is_blank(*s))
        s++;
    if (!code_len)
        return vg_linereader_fail(&lr->lines, err, VG_EINVAL, "empty actor code in [...]");
    if (!*s) { /* a plain code: the default */
        actor->code = code_copy(a, code, code_len);
        if (code_len && !(code_len == 3 && !memcmp(code, "---", 3)) && !actor->code)
            return VG_ENOMEM;
        return 0;
    }
    vg_petr_dated_code d = {code_copy(a, code, code_len), 0, 0};
    if (code_len && !(code_len == 3 && !memcmp(code, "---", 3)) && !d.code)
        return VG_ENOMEM;
    char kind = *s;
    if (kind == '<' || kind == '>')
        s++;
    int32_t date1 = take_date(&s), date2 = 0;
    if (kind != '<' && kind != '>') {
        if (*s != '-')
            return skip_restriction(lr, "date restriction is not <DATE, >DATE or DATE-DATE");
        s++;
        date2 = take_date(&s);
    }
    if (date1 < 0 || date2 < 0 || *s)
        return skip_restriction(lr, "malformed date in restriction (YYMMDD or YYYYMMDD)");
    if (kind == '<')
        d.to = date1;
    else if (kind == '>')
        d.from = date1;
    else {
        d.from = date1;
        d.to = date2;
    }
    vg_petr_dated_code *grown = vg_realloc(actor->dated, (actor->n_dated + 1) * sizeof *grown);
    if (!grown)
        return VG_ENOMEM;
    actor->dated = grown;
    actor->dated[actor->n_dated++] = d;
    return 0;
}

/* The "[...]" groups of a line, from s on; anything else after them is an error. */
static int add_codes(vg_petr_actors *a, vg_petr_lines *lr, size_t k, char *s, vg_error *err)
{
    while (*s) {
        while (is_blank(*s))
            s++;
        if (!*s)
            break;
        if (*s != '[') { /* the Phoenix MNC records carry notes after the code */
            vg_warn("%s:%u: text after the actor code ignored", lr->lines.path, (unsigned)lr->lines.line);
            return 0;
        }
        char *end = strchr(s, ']');
        if (!end)
            return vg_linereader_fail(&lr->lines, err, VG_EINVAL, "'[' without ']'");
        *end = '\0';
        int rc = add_code(a, lr, k, s + 1, err);
        if (rc)
            return rc;
        s = end + 1;
    }
    return 0;
}

static int add_phrase(vg_petr_actors *a, vg_petr_lines *lr, size_t k, char *phrase, vg_error *err)
{
    vg_petr_normalise(phrase);
    char *words[VG_MAX_PETR_WORDS];
    int n = vg_petr_split(phrase, words, VG_MAX_PETR_WORDS);
    if (n < 0)
        return vg_linereader_fail(&lr->lines, err, VG_ELIMIT, "actor phrase of more than %u words", VG_MAX_PETR_WORDS);
    if (n == 0)
        return vg_linereader_fail(&lr->lines, err, VG_EINVAL, "empty actor phrase");
    return vg_petr_index_add(&a->index, (const char *const *)words, (size_t)n, (int32_t)k);
}

int vg_petr_actors_load(vg_petr_actors *a, const char *path, vg_error *err)
{
    vg_petr_lines lr;
    int rc = vg_petr_lines_open(&lr, path, err);
    if (rc)
        return rc;
    const char *file = vg_arena_strndup(&a->arena, path, strlen(path));
    long current = -1;
    char *s;
    int indent;
    while (!rc && (rc = vg_petr_lines_next(&lr, &s, &indent, err)) == 1) {
        rc = 0;
        if (*s == '[') { /* codes for the record being read */
            if (current < 0)
                rc = vg_linereader_fail(&lr.lines, err, VG_EINVAL, "actor code before any actor phrase");
            else
                rc = add_codes(a, &lr, (size_t)current, s, err);
            continue;
        }
        char *bracket = strchr(s, '[');
        if (bracket)
            *bracket = '\0';
        if (*s == '+' || (indent && current >= 0)) { /* a synonym of the record being read */
            if (*s == '+')
                s++;
            if (current < 0) {
                rc = vg_linereader_fail(&lr.lines, err, VG_EINVAL, "synonym '+' before any actor phrase");
                break;
            }
            rc = add_phrase(a, &lr, (size_t)current, s, err);
        } else {
            if (vg_grow(&a->actors, &a->cap_actors, a->n_actors, sizeof *a->actors, 256)) {
                rc = VG_ENOMEM;
                break;
            }
            current = (long)a->n_actors++;
            vg_petr_actor *actor = &a->actors[current];
            memset(actor, 0, sizeof *actor);
            actor->file = file;
            actor->line = lr.lines.line;
            size_t len = strlen(s);
            while (len && is_blank(s[len - 1]))
                len--;
            actor->name = vg_arena_strndup(&a->arena, s, len);
            if (!actor->name) {
                rc = VG_ENOMEM;
                break;
            }
            rc = add_phrase(a, &lr, (size_t)current, s, err);
        }
        if (!rc && bracket) {
            *bracket = '[';
            rc = add_codes(a, &lr, (size_t)current, bracket, err);
        }
    }
    if (rc == VG_ENOMEM)
        vg_error_set(err, rc, "%s: out of memory", path);
    vg_petr_lines_close(&lr);
    return rc < 0 ? rc : 0;
}
