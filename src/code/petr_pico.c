/* Reader of PETRARCH's internal coding ontology, for negated codes (see petr_pico.h). */
#include "code/petr_pico.h"
#include "util/alloc.h"
#include <stdlib.h>
#include <string.h>

void vg_petr_pico_free(vg_petr_pico *pico)
{
    vg_free(pico->entries);
    memset(pico, 0, sizeof *pico);
}

/* A hexadecimal "0x..." number at *s; -1 when there is none. */
static long hex_at(const char **s)
{
    const char *p = *s;
    while (*p == ' ' || *p == '\t')
        p++;
    if (p[0] != '0' || (p[1] != 'x' && p[1] != 'X'))
        return -1;
    char *end;
    long v = strtol(p + 2, &end, 16);
    if (end == p + 2 || v < 0 || v > 0xFFFFF)
        return -1;
    *s = end;
    return v;
}

/* The value other than 0xFFFF (negation) in an expression like "0xFFFF+0x0080"; -1 if none. */
static long negated_part(const char *s)
{
    for (const char *p = s; *p && *p != '#'; p++) {
        if (p[0] != '0' || (p[1] != 'x' && p[1] != 'X'))
            continue;
        const char *q = p;
        long v = hex_at(&q);
        if (v < 0)
            continue; /* "0x" without digits */
        if (v != 0xFFFF)
            return v;
        p = q - 1;
    }
    return -1;
}

int vg_petr_pico_load(vg_petr_pico *pico, const char *path, vg_error *err)
{
    memset(pico, 0, sizeof *pico);
    /* "#" separates the fields here as well as starting comments, so lines are read raw, without
     * the PETRARCH comment rules of vg_petr_lines */
    vg_linereader lines;
    char *line;
    size_t n;
    int rc = vg_linereader_open(&lines, path, VG_MAX_PETR_FILE_BYTES, err);
    while (rc == 0 && (rc = vg_linereader_next_raw(&lines, VG_MAX_PETR_LINE_BYTES, &line, &n, err)) == 1) {
        rc = 0;
        while (*line == ' ' || *line == '\t')
            line++;
        if (!*line || *line == '#' || *line == '\r')
            continue;
        char *colon = strchr(line, ':');
        if (!colon || colon == line || colon - line >= VG_PETR_CODE_SIZE) {
            rc = vg_linereader_fail(&lines, err, VG_EINVAL, "expected CODE:VALUE");
            break;
        }
        vg_petr_pico_entry e;
        memset(&e, 0, sizeof e);
        memcpy(e.code, line, (size_t)(colon - line));
        e.negated_value = -1;
        const char *p = colon + 1;
        long v = hex_at(&p);
        if (v >= 0x10000) { /* "0x1NNNN#NEGATION#VALUE#Name" */
            const char *second = strchr(p, '#');
            const char *third = second ? strchr(second + 1, '#') : NULL;
            if (second)
                e.negated_value = (int32_t)negated_part(second + 1);
            v = -1;
            if (third) {
                const char *q = third + 1;
                v = hex_at(&q);
            }
        }
        e.value = v > 0 ? (uint32_t)v : 0;
        if (vg_grow(&pico->entries, &pico->cap, pico->n, sizeof *pico->entries, 128)) {
            rc = vg_error_set(err, VG_ENOMEM, "%s: out of memory", path);
            break;
        }
        pico->entries[pico->n++] = e;
    }
    vg_linereader_close(&lines);
    if (rc < 0) {
        vg_petr_pico_free(pico);
        return rc;
    }
    return 0;
}

int vg_petr_pico_negate(const vg_petr_pico *pico, const char *code, char *out)
{
    for (size_t i = 0; i < pico->n; i++) {
        if (strcmp(pico->entries[i].code, code) || pico->entries[i].negated_value < 0)
            continue;
        for (size_t j = 0; j < pico->n; j++)
            if (pico->entries[j].value == (uint32_t)pico->entries[i].negated_value && pico->entries[j].value) {
                memcpy(out, pico->entries[j].code, VG_PETR_CODE_SIZE);
                return 1;
            }
        return 0;
    }
    return 0;
}
