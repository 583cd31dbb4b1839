/* The CAMEO codebook loader and lookups. The data file is the single source of the table:
 * nothing of it is repeated here but the PLOVER type names, which are an enum. */
#include "code/cameo.h"
#include "code/linereader.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/limits.h"
#include <stdlib.h>
#include <string.h>

struct vg_cameo {
    vg_arena arena;             /* names and modes */
    vg_cameo_code *codes;       /* file order */
    size_t n_codes;
    const vg_cameo_code **sorted; /* by code, for lookup */
};

static const char *const plover_names[VG_PLOVER_COUNT] = {
    "-", "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"
};

static const char *const quad_names[5] = { NULL, "VCOOP", "MCOOP", "VCONF", "MCONF" };

const char *vg_plover_name(vg_plover plover)
{
    return (unsigned)plover < VG_PLOVER_COUNT ? plover_names[plover] : NULL;
}

int vg_plover_parse(const char *s, size_t len)
{
    for (int i = 0; i < VG_PLOVER_COUNT; i++)
        if (strlen(plover_names[i]) == len && memcmp(plover_names[i], s, len) == 0)
            return i;
    return -1;
}

const char *vg_cameo_quad_name(vg_cameo_quad quad)
{
    return quad >= 1 && quad <= 4 ? quad_names[quad] : NULL;
}

static int code_valid_n(const char *s, size_t n)
{
    if (n < 2 || n > 4)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    int root = (s[0] - '0') * 10 + (s[1] - '0');
    return root >= 1 && root <= 20;
}

int vg_cameo_code_valid(const char *s)
{
    return s && code_valid_n(s, strlen(s));
}

int vg_cameo_is_ancestor(const char *ancestor, const char *code)
{
    if (!vg_cameo_code_valid(ancestor) || !vg_cameo_code_valid(code))
        return 0;
    size_t a = strlen(ancestor), c = strlen(code);
    return a < c && memcmp(ancestor, code, a) == 0;
}

/* ---- loading ---- */

typedef struct loader {
    vg_linereader lr;
    vg_error *err;
    vg_cameo *cameo;
    size_t cap;
} loader;

static int oom(loader *ld)
{
    return vg_error_set(ld->err, VG_ENOMEM, "out of memory loading the CAMEO codebook");
}

/* Splits off the next space-separated field of s[*pos..n). */
static int next_field(const char *s, size_t n, size_t *pos, const char **f, size_t *fn)
{
    size_t i = *pos;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i == n)
        return 0;
    size_t start = i;
    while (i < n && s[i] != ' ' && s[i] != '\t')
        i++;
    *f = s + start;
    *fn = i - start;
    *pos = i;
    return 1;
}

static const vg_cameo_code *find_n(const vg_cameo *cameo, const char *s, size_t n)
{
    /* Loading looks codes up before the sorted index exists; the file is small, so scan. */
    for (size_t i = 0; i < cameo->n_codes; i++)
        if (strlen(cameo->codes[i].code) == n && memcmp(cameo->codes[i].code, s, n) == 0)
            return &cameo->codes[i];
    return NULL;
}

/* A Goldstein weight: an optional sign, one or two digits, optionally "." and one digit. */
static int parse_goldstein(const char *s, size_t n, double *out)
{
    size_t i = 0;
    int negative = 0;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        negative = s[i++] == '-';
    int whole = 0, digits = 0, tenths = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9' && digits < 3) {
        whole = whole * 10 + (s[i++] - '0');
        digits++;
    }
    if (digits == 0 || digits > 2)
        return -1;
    if (i < n && s[i] == '.') {
        i++;
        if (i + 1 != n || s[i] < '0' || s[i] > '9')
            return -1;
        tenths = s[i++] - '0';
    }
    if (i != n || whole * 10 + tenths > 100)
        return -1;
    *out = (negative ? -1.0 : 1.0) * (whole * 10 + tenths) / 10.0;
    return 0;
}

static int mode_ok(const char *s, size_t n)
{
    if (n == 0 || s[0] == '-' || s[n - 1] == '-')
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || s[i] == '-'))
            return 0;
    return 1;
}

static int parse_line(void *context, const char *s, size_t n, int indent)
{
    loader *ld = context;
    vg_linereader *lr = &ld->lr;
    if (indent)
        return vg_linereader_fail(lr, ld->err, VG_EINVAL,
                                  "indented line: every line starts with its code in the first column");
    size_t pos = 0, fn = 0;
    const char *f = "";
    next_field(s, n, &pos, &f, &fn);
    if (!code_valid_n(f, fn))
        return vg_linereader_fail(lr, ld->err, VG_EINVAL,
                                  "bad code \"%.*s\": a CAMEO event code is 2 to 4 digits, the first two a root 01-20",
                                  (int)(fn > 20 ? 20 : fn), f);
    const vg_cameo_code *dup = find_n(ld->cameo, f, fn);
    if (dup)
        return vg_linereader_fail(lr, ld->err, VG_EINVAL, "duplicate code \"%s\" (first on line %u)",
                                  dup->code, (unsigned)dup->line);
    if (ld->cameo->n_codes == ld->cap) {
        size_t cap = ld->cap ? ld->cap * 2 : 512;
        vg_cameo_code *codes = vg_realloc(ld->cameo->codes, cap * sizeof *codes);
        if (!codes)
            return oom(ld);
        ld->cameo->codes = codes;
        ld->cap = cap;
    }
    vg_cameo_code c;
    memset(&c, 0, sizeof c);
    memcpy(c.code, f, fn);
    memcpy(c.root, f, 2);
    c.depth = (int)fn - 1;
    c.line = lr->line;
    c.plover_mode = "";
    if (fn == 2) {
        if (!next_field(s, n, &pos, &f, &fn))
            return vg_linereader_fail(lr, ld->err, VG_EINVAL,
                                      "a root line is \"RR QUAD Name\": the quad class and name are missing");
        int quad = 0;
        for (int q = 1; q <= 4; q++)
            if (strlen(quad_names[q]) == fn && memcmp(quad_names[q], f, fn) == 0)
                quad = q;
        if (!quad)
            return vg_linereader_fail(lr, ld->err, VG_EINVAL,
                                      "bad quad class \"%.*s\": expected VCOOP, MCOOP, VCONF or MCONF",
                                      (int)(fn > 20 ? 20 : fn), f);
        c.quad = (vg_cameo_quad)quad;
    } else {
        /* Codes are written below their parent: the root, and for 4 digits the 3-digit code. */
        const vg_cameo_code *parent = find_n(ld->cameo, c.code, fn == 4 ? 3 : 2);
        if (!parent)
            return vg_linereader_fail(lr, ld->err, VG_EINVAL, "code \"%s\" comes before its %s \"%.*s\"",
                                      c.code, fn == 4 ? "parent" : "root line", fn == 4 ? 3 : 2, c.code);
        c.parent = parent;
        c.quad = parent->quad;
        const char *g, *sv, *p;
        size_t gn, svn, pn;
        if (!next_field(s, n, &pos, &g, &gn) || !next_field(s, n, &pos, &sv, &svn) ||
            !next_field(s, n, &pos, &p, &pn))
            return vg_linereader_fail(lr, ld->err, VG_EINVAL,
                                      "a code line is \"CODE GOLDSTEIN SEVERITY PLOVER[/mode] Name\": fields are missing");
        if (parse_goldstein(g, gn, &c.goldstein))
            return vg_linereader_fail(lr, ld->err, VG_EINVAL,
                                      "bad Goldstein weight \"%.*s\": expected a number from -10.0 to 10.0 with at most one decimal",
                                      (int)(gn > 20 ? 20 : gn), g);
        if (!((svn == 1 && sv[0] >= '0' && sv[0] <= '9') || (svn == 2 && sv[0] == '1' && sv[1] == '0')))
            return vg_linereader_fail(lr, ld->err, VG_EINVAL,
                                      "bad severity \"%.*s\": expected a whole number from 0 to 10",
                                      (int)(svn > 20 ? 20 : svn), sv);
        c.severity = svn == 2 ? 10 : sv[0] - '0';
        const char *slash = memchr(p, '/', pn);
        size_t tn = slash ? (size_t)(slash - p) : pn;
        int type = vg_plover_parse(p, tn);
        if (type < 0)
            return vg_linereader_fail(lr, ld->err, VG_EINVAL,
                                      "unknown PLOVER type \"%.*s\": expected \"-\" or AGREE, CONSULT, SUPPORT, "
                                      "CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, "
                                      "PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT",
                                      (int)(tn > 20 ? 20 : tn), p);
        c.plover = (vg_plover)type;
        if (slash) {
            size_t mn = pn - tn - 1;
            if (type == VG_PLOVER_NONE || !mode_ok(slash + 1, mn))
                return vg_linereader_fail(lr, ld->err, VG_EINVAL,
                                          "bad PLOVER mode \"%.*s\": a mode follows a type, in lowercase letters and hyphens",
                                          (int)(pn > 40 ? 40 : pn), p);
            c.plover_mode = vg_arena_strndup(&ld->cameo->arena, slash + 1, mn);
            if (!c.plover_mode)
                return oom(ld);
        }
    }
    while (pos < n && (s[pos] == ' ' || s[pos] == '\t'))
        pos++;
    if (pos == n)
        return vg_linereader_fail(lr, ld->err, VG_EINVAL, "missing name after the code \"%s\"", c.code);
    c.name = vg_arena_strndup(&ld->cameo->arena, s + pos, n - pos);
    if (!c.name)
        return oom(ld);
    ld->cameo->codes[ld->cameo->n_codes++] = c;
    return 0;
}

static int compare_codes(const void *a, const void *b)
{
    const vg_cameo_code *x = *(const vg_cameo_code *const *)a, *y = *(const vg_cameo_code *const *)b;
    return strcmp(x->code, y->code);
}

/* Roots take their weight, severity and PLOVER type from their "not specified" code RR0. */
static int finish(loader *ld)
{
    vg_cameo *cameo = ld->cameo;
    if (cameo->n_codes == 0)
        return vg_error_set(ld->err, VG_EINVAL, "%s: no CAMEO codes in the file", ld->lr.path);
    for (size_t i = 0; i < cameo->n_codes; i++) {
        vg_cameo_code *c = &cameo->codes[i];
        if (c->depth != 1)
            continue;
        char unspecified[4] = { c->code[0], c->code[1], '0', '\0' };
        const vg_cameo_code *u = find_n(cameo, unspecified, 3);
        if (!u)
            return vg_error_set(ld->err, VG_EINVAL,
                                "%s:%u: root \"%s\" has no code \"%s\" (a root takes its weight, severity and PLOVER type from it)",
                                ld->lr.path, (unsigned)c->line, c->code, unspecified);
        c->goldstein = u->goldstein;
        c->severity = u->severity;
        c->plover = u->plover;
    }
    /* The parents point into codes[], which no longer moves. */
    for (size_t i = 0; i < cameo->n_codes; i++)
        if (cameo->codes[i].parent)
            cameo->codes[i].parent = find_n(cameo, cameo->codes[i].code, (size_t)cameo->codes[i].depth);
    cameo->sorted = vg_malloc(cameo->n_codes * sizeof *cameo->sorted);
    if (!cameo->sorted)
        return oom(ld);
    for (size_t i = 0; i < cameo->n_codes; i++)
        cameo->sorted[i] = &cameo->codes[i];
    qsort(cameo->sorted, cameo->n_codes, sizeof *cameo->sorted, compare_codes);
    return 0;
}

int vg_cameo_load(vg_cameo **out, const char *path, vg_error *err)
{
    *out = NULL;
    loader ld;
    memset(&ld, 0, sizeof ld);
    ld.err = err;
    ld.cameo = vg_calloc(1, sizeof *ld.cameo);
    if (!ld.cameo)
        return oom(&ld);
    vg_arena_init(&ld.cameo->arena, 16384);
    int rc = vg_linereader_open(&ld.lr, path, VG_MAX_DICT_FILE_BYTES, err);
    if (!rc)
        rc = vg_linereader_each(&ld.lr, VG_MAX_DICT_LINE_BYTES, parse_line, &ld, err);
    if (!rc)
        rc = finish(&ld);
    vg_linereader_close(&ld.lr);
    if (rc) {
        vg_cameo_free(ld.cameo);
        return rc;
    }
    *out = ld.cameo;
    return 0;
}

void vg_cameo_free(vg_cameo *cameo)
{
    if (!cameo)
        return;
    vg_arena_free(&cameo->arena);
    vg_free(cameo->codes);
    vg_free(cameo->sorted);
    vg_free(cameo);
}

const vg_cameo_code *vg_cameo_find(const vg_cameo *cameo, const char *code)
{
    if (!cameo || !code)
        return NULL;
    size_t lo = 0, hi = cameo->n_codes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(cameo->sorted[mid]->code, code);
        if (c == 0)
            return cameo->sorted[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

size_t vg_cameo_count(const vg_cameo *cameo)
{
    return cameo ? cameo->n_codes : 0;
}

const vg_cameo_code *vg_cameo_at(const vg_cameo *cameo, size_t index)
{
    return cameo && index < cameo->n_codes ? &cameo->codes[index] : NULL;
}
