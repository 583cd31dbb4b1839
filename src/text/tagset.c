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

static int lookup(const char *const *names, size_t count, const char *name)
{
    for (size_t i = 1; i < count; i++)
        if (strcmp(names[i], name) == 0)
            return (int)i;
    return 0;
}

int vg_upos_id(const char *name) { return lookup(vg_upos_names, vg_upos_count, name); }
int vg_xpos_id(const char *name) { return lookup(vg_xpos_names, vg_xpos_count, name); }
int vg_deprel_id(const char *name) { return lookup(vg_deprel_names, vg_deprel_count, name); }
