/* Which side an actor is on (sides.h). */
#include "code/sides.h"
#include <string.h>

int vg_sides_role_in(const vg_wordclasses *words, vg_wordclass k, const char *c)
{
    char role[4];
    if (!c || strlen(c) < 6)
        return 0;
    memcpy(role, c + 3, 3);
    role[3] = 0;
    return vg_words_in(words, k, role);
}

int vg_sides_other(const vg_wordclasses *words, const vg_actor *a, const vg_actor *b)
{
    if (!a->code || !b->code || !strcmp(a->code, b->code))
        return 0;
    size_t la = strlen(a->code), lb = strlen(b->code);
    if (la < 3 || lb < 3 || strncmp(a->code, b->code, 3))
        return 1;
    int a_state = la == 3 || vg_sides_role_in(words, VG_WORDS_STATE_ROLE, a->code);
    int b_state = lb == 3 || vg_sides_role_in(words, VG_WORDS_STATE_ROLE, b->code);
    return !(a_state && b_state);
}

int vg_sides_distinct(const vg_wordclasses *words, const vg_actor *a, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (vg_sides_other(words, &a[0], &a[i]))
            return 1;
    return 0;
}

int vg_sides_prominent(const vg_wordclasses *words, const vg_actor *a, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (vg_sides_role_in(words, VG_WORDS_PROMINENT_ROLE, a[i].code) ||
            (a[i].name && vg_sides_role_in(words, VG_WORDS_ARMED_ROLE, a[i].code)))
            return 1;
    return 0;
}

int vg_sides_armed(const vg_wordclasses *words, const vg_actor *a, size_t n, int *military)
{
    for (size_t i = 0; i < n; i++) {
        /* by the code's role, or with no code by the bare role ("gunmen": UAF) */
        const char *role = a[i].code ? a[i].code + 3 : a[i].role;
        int armed = a[i].code ? vg_sides_role_in(words, VG_WORDS_ARMED_ROLE, a[i].code)
                              : a[i].role && vg_words_in(words, VG_WORDS_ARMED_ROLE, a[i].role);
        if (armed) {
            *military = !strncmp(role, "MIL", 3);
            return 1;
        }
    }
    return 0;
}

int vg_sides_spy(const vg_actor *a, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i].code && strlen(a[i].code) >= 6 && !strncmp(a[i].code + 3, "SPY", 3))
            return 1;
    return 0;
}

int vg_sides_same_country(const vg_actor *a, size_t na, const vg_actor *b, size_t nb)
{
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (a[i].code && b[j].code && strlen(a[i].code) >= 3 && !strncmp(a[i].code, b[j].code, 3))
                return 1;
    return 0;
}

int vg_sides_unidentified(const vg_wordclasses *words, const vg_actor *a, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i].code && !vg_sides_role_in(words, VG_WORDS_UNIDENTIFIED_ROLE, a[i].code))
            return 0;
    return 1;
}

int vg_sides_own_press(const vg_actor *speakers, size_t ns, const vg_actor *src, size_t n)
{
    for (size_t i = 0; i < ns; i++) {
        const char *c = speakers[i].code;
        if (!c || strlen(c) < 6 || strncmp(c + 3, "MED", 3))
            return 0;
        int own = 0;
        for (size_t j = 0; j < n && !own; j++)
            own = src[j].code && !strncmp(src[j].code, c, 3);
        if (!own)
            return 0;
    }
    return ns > 0;
}

int vg_sides_same(const vg_wordclasses *words, const vg_actor *a, size_t na, const vg_actor *b, size_t nb)
{
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (a[i].code && b[j].code && !vg_sides_other(words, &a[i], &b[j]))
                return 1;
    return 0;
}
