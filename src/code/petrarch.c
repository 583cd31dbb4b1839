/* PETRARCH2-format dictionaries and the coder over them, as vg_event records (see petrarch.h). */
#include "code/petrarch.h"
#include "code/petr_match.h"
#include "code/petr_pico.h"
#include "util/alloc.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct vg_petrarch {
    vg_petr_verbs verbs;
    vg_petr_actors actors;
    vg_petr_agents agents;
    vg_petr_discards discards;
    vg_petr_pico pico;
    const vg_cameo *cameo;
    vg_cameo_code *own;          /* codes the codebook lacks ("075A", "102b") */
    size_t n_own, cap_own;
    int require_dyad;
};

void vg_petrarch_free(vg_petrarch *p)
{
    if (!p)
        return;
    vg_petr_verbs_free(&p->verbs);
    vg_petr_actors_free(&p->actors);
    vg_petr_agents_free(&p->agents);
    vg_petr_discards_free(&p->discards);
    vg_petr_pico_free(&p->pico);
    vg_free(p->own);
    vg_free(p);
}

static const vg_cameo_code *find_code(const vg_petrarch *p, const char *code)
{
    const vg_cameo_code *c = p->cameo ? vg_cameo_find(p->cameo, code) : NULL;
    if (c)
        return c;
    for (size_t i = 0; i < p->n_own; i++)
        if (!strcmp(p->own[i].code, code))
            return &p->own[i];
    return NULL;
}

/* Makes sure code has a record: the codebook's, or one of our own. */
static int own_code(vg_petrarch *p, const char *code, uint32_t line)
{
    if (!code[0] || find_code(p, code))
        return 0;
    if (p->n_own == p->cap_own) {
        size_t cap = p->cap_own ? p->cap_own * 2 : 16;
        vg_cameo_code *grown = vg_realloc(p->own, cap * sizeof *grown);
        if (!grown)
            return VG_ENOMEM;
        p->own = grown;
        p->cap_own = cap;
    }
    vg_cameo_code *c = &p->own[p->n_own++];
    memset(c, 0, sizeof *c);
    snprintf(c->code, sizeof c->code, "%.*s", (int)(sizeof c->code - 1), code);
    snprintf(c->root, sizeof c->root, "%.2s", code);
    const vg_cameo_code *root = p->cameo ? vg_cameo_find(p->cameo, c->root) : NULL;
    c->depth = (int)strlen(c->code) - 1;
    if (c->depth < 1)
        c->depth = 1;
    c->parent = root;
    c->name = "PETRARCH dictionary code outside the CAMEO codebook";
    c->plover = root ? root->plover : VG_PLOVER_NONE;
    c->plover_mode = "";
    c->goldstein = root ? root->goldstein : 0;
    c->severity = root ? root->severity : 0;
    c->quad = root ? root->quad : (vg_cameo_quad)0;
    c->line = line;
    return 0;
}

static int own_codes(vg_petrarch *p, const vg_petr_codes *codes, uint32_t line)
{
    int rc = own_code(p, codes->code, line);
    return rc ? rc : own_code(p, codes->code2, line);
}

static int prepare(vg_petrarch *p)
{
    /* the records are made before coding, so coding never writes to the handle; the pointers
     * handed out stay valid because the array is not grown afterwards */
    int rc = 0;
    for (size_t i = 0; i < p->verbs.n_blocks && !rc; i++)
        rc = own_codes(p, &p->verbs.blocks[i].codes, p->verbs.blocks[i].line);
    for (size_t i = 0; i < p->verbs.n_verbs && !rc; i++)
        rc = own_codes(p, &p->verbs.verbs[i].codes, p->verbs.verbs[i].line);
    for (size_t i = 0; i < p->verbs.n_patterns && !rc; i++)
        rc = own_codes(p, &p->verbs.patterns[i].codes, p->verbs.patterns[i].line);
    return rc;
}

static vg_petrarch *create(const vg_cameo *cameo)
{
    vg_petrarch *p = vg_calloc(1, sizeof *p);
    if (!p)
        return NULL;
    vg_petr_actors_init(&p->actors);
    vg_petr_agents_init(&p->agents);
    vg_petr_discards_init(&p->discards);
    vg_arena_init(&p->verbs.arena, 0);
    vg_petr_index_init(&p->verbs.forms);
    vg_petr_index_init(&p->verbs.members);
    p->cameo = cameo;
    p->require_dyad = 1;
    return p;
}

static int finish(vg_petrarch *p, vg_petrarch **out, int rc, vg_error *err)
{
    if (!rc && (rc = prepare(p)))
        vg_error_set(err, rc, "out of memory");
    if (rc) {
        vg_petrarch_free(p);
        return rc;
    }
    *out = p;
    return 0;
}

int vg_petrarch_load_files(vg_petrarch **out, const char *verbs, const char *actors, const char *agents,
                           const char *discards, const vg_cameo *cameo, vg_error *err)
{
    *out = NULL;
    vg_petrarch *p = create(cameo);
    if (!p)
        return vg_error_set(err, VG_ENOMEM, "out of memory");
    vg_petr_verbs_free(&p->verbs);
    int rc = vg_petr_verbs_load(&p->verbs, verbs, err);
    if (!rc)
        rc = vg_petr_actors_load(&p->actors, actors, err);
    if (!rc && agents)
        rc = vg_petr_agents_load(&p->agents, agents, err);
    if (!rc && discards)
        rc = vg_petr_discards_load(&p->discards, discards, err);
    return finish(p, out, rc, err);
}

static int contains(const char *name, const char *part)
{
    size_t n = strlen(part);
    for (; *name; name++)
        if (!strncasecmp(name, part, n))
            return 1;
    return 0;
}

static int compare_names(const void *a, const void *b) { return strcmp(a, b); }

static int ends_txt(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && !strcasecmp(name + n - 4, ".txt");
}

/* The files of dir whose names contain part; the validation suite's own ("Validate") only when
 * nothing else is there. Sorted, so the order is stable. */
static int pick(const char *dir, const char *part, char names[][512], int max, vg_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return vg_error_set(err, VG_EIO, "%s: cannot open the dictionary folder", dir);
    int n = 0, validate_only = 1;
    char found[64][256];
    int nf = 0;
    struct dirent *e;
    while ((e = readdir(d)) && nf < 64) {
        if (!ends_txt(e->d_name) || !contains(e->d_name, part) || strlen(e->d_name) >= 256)
            continue;
        snprintf(found[nf++], 256, "%s", e->d_name);
        validate_only &= contains(e->d_name, "validate") != 0;
    }
    closedir(d);
    qsort(found, (size_t)nf, sizeof found[0], compare_names);
    for (int i = 0; i < nf && n < max; i++)
        if (validate_only || !contains(found[i], "validate"))
            snprintf(names[n++], 512, "%.250s/%.255s", dir, found[i]);
    return n;
}

int vg_petrarch_load(vg_petrarch **out, const char *dir, const vg_cameo *cameo, vg_error *err)
{
    *out = NULL;
    char verbs[4][512], actors[8][512], agents[2][512], discards[2][512], ontology[1][512];
    int nv = pick(dir, "CAMEO", verbs, 4, err);
    if (nv == 0)
        nv = pick(dir, "verbs", verbs, 4, err);
    int na = nv < 0 ? nv : pick(dir, "actors", actors, 8, err);
    int ng = na < 0 ? na : pick(dir, "agents", agents, 2, err);
    int nd = ng < 0 ? ng : pick(dir, "discards", discards, 2, err);
    int no = nd < 0 ? nd : pick(dir, "Ontology", ontology, 1, err);
    if (no < 0)
        return no;
    if (nv == 0 || na == 0)
        return vg_error_set(err, VG_ENOTFOUND, "%s: no %s dictionary (a CAMEO*.txt or *verbs*.txt, and *actors*.txt)",
                            dir, nv == 0 ? "verb" : "actor");
    vg_petrarch *p = create(cameo);
    if (!p)
        return vg_error_set(err, VG_ENOMEM, "out of memory");
    vg_petr_verbs_free(&p->verbs);
    int rc = vg_petr_verbs_load(&p->verbs, verbs[0], err);
    for (int i = 0; i < na && !rc; i++)
        rc = vg_petr_actors_load(&p->actors, actors[i], err);
    for (int i = 0; i < ng && !rc; i++)
        rc = vg_petr_agents_load(&p->agents, agents[i], err);
    for (int i = 0; i < nd && !rc; i++)
        rc = vg_petr_discards_load(&p->discards, discards[i], err);
    if (!rc && no)
        rc = vg_petrarch_load_ontology(p, ontology[0], err);
    return finish(p, out, rc, err);
}

int vg_petrarch_load_ontology(vg_petrarch *p, const char *path, vg_error *err)
{
    vg_petr_pico_free(&p->pico);
    int rc = vg_petr_pico_load(&p->pico, path, err);
    if (rc)
        return rc;
    /* negated codes get records too, so coding never adds any */
    for (size_t i = 0; i < p->pico.n && !rc; i++) {
        char negated[VG_PETR_CODE_SIZE];
        if (vg_petr_pico_negate(&p->pico, p->pico.entries[i].code, negated))
            rc = own_code(p, negated, 0);
    }
    return rc ? vg_error_set(err, rc, "out of memory") : 0;
}

int vg_petrarch_set_option(vg_petrarch *p, const char *option, const char *value)
{
    if (!strcasecmp(option, "require_dyad")) {
        if (!strcasecmp(value, "true"))
            p->require_dyad = 1;
        else if (!strcasecmp(value, "false"))
            p->require_dyad = 0;
        else
            return VG_EINVAL;
        return 0;
    }
    return VG_EINVAL;
}

void vg_petrarch_counts(const vg_petrarch *p, size_t *verbs, size_t *patterns, size_t *actors, size_t *agents,
                        size_t *discards)
{
    *verbs = p->verbs.n_verbs;
    *patterns = p->verbs.n_patterns;
    *actors = p->actors.n_actors;
    *agents = p->agents.n_agents;
    *discards = p->discards.n;
}

static vg_actor *make_actor(vg_arena *arena, const vg_sentence *s, uint32_t index, const char *code,
                            const char *text, uint32_t token)
{
    vg_actor *a = vg_arena_alloc(arena, sizeof *a);
    if (!a)
        return NULL;
    a->code = code;
    a->text = text ? text : (token < s->n_tokens ? s->tokens[token].form : "");
    a->token = token;
    a->sentence = index;
    if (token < s->n_tokens) {
        a->start = s->tokens[token].start;
        a->end = s->tokens[token].end;
    }
    return a;
}

int vg_petrarch_code_sentence(const vg_petrarch *p, const vg_sentence *s, uint32_t index, int32_t date,
                              vg_arena *arena, vg_event **events, size_t *n_events)
{
    *events = NULL;
    *n_events = 0;
    vg_petr_knowledge k = {&p->verbs, &p->actors, &p->agents, &p->discards, &p->pico, p->require_dyad};
    vg_petr_found *found;
    size_t n;
    int rc = vg_petr_match_sentence(&k, s, date, arena, &found, &n);
    if (rc || !n)
        return rc;
    vg_event *out = vg_arena_alloc(arena, n * sizeof *out);
    if (!out)
        return VG_ENOMEM;
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        const vg_petr_found *f = &found[i];
        const vg_cameo_code *code = find_code(p, f->code);
        if (!code)
            continue;
        vg_event *e = &out[kept];
        memset(e, 0, sizeof *e);
        e->sentence = index;
        e->text = s->text;
        e->cameo = code;
        if (f->source && !(e->source = make_actor(arena, s, index, f->source, f->source_text, f->source_token)))
            return VG_ENOMEM;
        if (f->target && !(e->target = make_actor(arena, s, index, f->target, f->target_text, f->target_token)))
            return VG_ENOMEM;
        e->mode = VG_MODE_OCCURRED;
        e->stance = VG_STANCE_ASSERTED;
        e->date = e->date_end = date;
        e->date_precision = date ? VG_DATE_PUBLICATION : VG_DATE_NONE;
        e->head = f->verb_token;
        if (f->verb_token < s->n_tokens) {
            e->start = s->tokens[f->verb_token].start;
            e->end = s->tokens[f->verb_token].end;
        }
        e->parent = -1;
        if (f->pattern) {
            size_t len = strlen(p->verbs.file) + strlen(f->pattern->text) + 32;
            char *path = vg_arena_alloc(arena, len);
            if (!path)
                return VG_ENOMEM;
            snprintf(path, len, "%s:%u: %s", p->verbs.file, (unsigned)f->pattern->line, f->pattern->text);
            e->path = path;
        } else if (f->verb) {
            size_t len = strlen(f->verb->base) + strlen(p->verbs.file) + 32;
            char *path = vg_arena_alloc(arena, len);
            if (!path)
                return VG_ENOMEM;
            snprintf(path, len, "%s:%u: %s", p->verbs.file, (unsigned)f->verb->line, f->verb->base);
            e->path = path;
        }
        kept++;
    }
    *events = out;
    *n_events = kept;
    return 0;
}
