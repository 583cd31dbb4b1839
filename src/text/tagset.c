/* Tag-set tables expanded from tagset.def. */
#include "text/tagset.h"
#include <string.h>

#define VG_UPOS(name) name,
const char *const vg_upos_names[] = {
#include "text/tagset.def"
};
#define VG_XPOS(name) name,
const char *const vg_xpos_names[] = {
#include "text/tagset.def"
};
#define VG_DEPREL(name) name,
const char *const vg_deprel_names[] = {
#include "text/tagset.def"
};

const size_t vg_upos_count = sizeof vg_upos_names / sizeof *vg_upos_names;
const size_t vg_xpos_count = sizeof vg_xpos_names / sizeof *vg_xpos_names;
const size_t vg_deprel_count = sizeof vg_deprel_names / sizeof *vg_deprel_names;

/* The tables are in byte order from entry 1 on (tagset.def keeps them so; a unit test checks),
 * so a name is found by halving: the coder asks for ids in every sentence it reads. */
static int lookup(const char *const *names, size_t count, const char *name)
{
    size_t lo = 1, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(names[mid], name);
        if (c == 0)
            return (int)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

int vg_upos_id(const char *name) { return lookup(vg_upos_names, vg_upos_count, name); }
int vg_xpos_id(const char *name) { return lookup(vg_xpos_names, vg_xpos_count, name); }
int vg_deprel_id(const char *name) { return lookup(vg_deprel_names, vg_deprel_count, name); }
