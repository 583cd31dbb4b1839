/* Watchlists: the protected people, places, groups and classes of people whose threat level
 * vigil keeps (format: docs/formats/watchlist.md). */
#ifndef VIGIL_STORE_WATCHLIST_H
#define VIGIL_STORE_WATCHLIST_H
#include <stddef.h>
#include <stdint.h>
#include "util/error.h"

typedef enum vg_watch_kind {
    VG_WATCH_PERSON = 1,
    VG_WATCH_PLACE,
    VG_WATCH_GROUP,
    VG_WATCH_CLASS
} vg_watch_kind;

/* One watched entity; strings are owned by the watchlist. */
typedef struct vg_watch_entry {
    vg_watch_kind kind;
    const char *name;            /* the first name on the entry line */
    const char *const *names;    /* every name and alias, the first being name */
    size_t n_names;
    const char *const *codes;    /* actor-code patterns: "ISRGOV", "ISR*" */
    size_t n_codes;
    const char *const *roles;    /* role words the target's wording must contain */
    size_t n_roles;
    const char *const *hosts;    /* countries a posting must be in ("MEX"), or none */
    size_t n_hosts;
    const char *note;
    const char *file;
    uint32_t line;
} vg_watch_entry;

typedef struct vg_watchlist vg_watchlist;

/* Loads a watchlist file. Returns 0, or VG_EIO (unreadable), VG_EINVAL ("FILE:LINE: what is
 * wrong" in err), VG_ELIMIT, VG_ENOMEM; *out NULL on failure. */
int vg_watchlist_load(vg_watchlist **out, const char *path, vg_error *err);
void vg_watchlist_free(vg_watchlist *list);
size_t vg_watchlist_count(const vg_watchlist *list);
const vg_watch_entry *vg_watchlist_at(const vg_watchlist *list, size_t index);
const char *vg_watch_kind_name(vg_watch_kind kind);

/* Whether a target mention (code, canonical name, words, host country; any may be NULL or "")
 * is the entry (the matching rule: docs/formats/watchlist.md). */
int vg_watch_matches(const vg_watch_entry *entry, const char *code, const char *name, const char *text,
                     const char *host);

#endif
