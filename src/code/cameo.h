/* The CAMEO event codebook (data/cameo/codes.txt, format in docs/formats/cameo.md): every event
 * code with its name, PLOVER type and mode, Goldstein weight, quad class and vigil's severity. */
#ifndef VIGIL_CODE_CAMEO_H
#define VIGIL_CODE_CAMEO_H
#include <stddef.h>
#include <stdint.h>
#include "util/error.h"

/* The PLOVER event types, in PLOVER's order (cooperation first). */
typedef enum vg_plover {
    VG_PLOVER_NONE = 0,    /* PLOVER has no category for the code ("-" in the file) */
    VG_PLOVER_AGREE,
    VG_PLOVER_CONSULT,
    VG_PLOVER_SUPPORT,
    VG_PLOVER_CONCEDE,
    VG_PLOVER_COOPERATE,
    VG_PLOVER_AID,
    VG_PLOVER_RETREAT,
    VG_PLOVER_REQUEST,
    VG_PLOVER_ACCUSE,
    VG_PLOVER_REJECT,
    VG_PLOVER_THREATEN,
    VG_PLOVER_PROTEST,
    VG_PLOVER_SANCTION,
    VG_PLOVER_MOBILIZE,
    VG_PLOVER_COERCE,
    VG_PLOVER_ASSAULT
} vg_plover;
#define VG_PLOVER_COUNT 17

/* The quad class of a root, as in GDELT. */
typedef enum vg_cameo_quad {
    VG_CAMEO_VERBAL_COOPERATION = 1,   /* VCOOP: roots 01-05 */
    VG_CAMEO_MATERIAL_COOPERATION = 2, /* MCOOP: 06-08 */
    VG_CAMEO_VERBAL_CONFLICT = 3,      /* VCONF: 09-13 */
    VG_CAMEO_MATERIAL_CONFLICT = 4     /* MCONF: 14-20 */
} vg_cameo_quad;

/* Longest code ("1121") plus its NUL. */
#define VG_CAMEO_CODE_SIZE 5

typedef struct vg_cameo vg_cameo;

/* One code of the codebook; owned by the codebook, valid until vg_cameo_free. */
typedef struct vg_cameo_code {
    char code[VG_CAMEO_CODE_SIZE];  /* "18", "185", "1121" */
    char root[3];                   /* "18" */
    int depth;                      /* 1 root (2 digits), 2 (3 digits), 3 (4 digits) */
    const struct vg_cameo_code *parent; /* "185" -> "18"; "1121" -> "112"; NULL for a root */
    const char *name;               /* short name, "Attempt to assassinate" */
    vg_plover plover;
    const char *plover_mode;        /* "assassinate", or "" when the code names no mode */
    double goldstein;               /* -10..10; a root has that of its "not specified" code RR0 */
    int severity;                   /* 0..10, vigil's; a root has that of RR0 */
    vg_cameo_quad quad;
    uint32_t line;                  /* where it is written in the file */
} vg_cameo_code;

/* Loads the codebook. Returns 0, or VG_EIO / VG_ELIMIT (file unreadable or too large),
 * VG_EINVAL ("FILE:LINE: what is wrong" in err) or VG_ENOMEM; *out is NULL on failure. */
int vg_cameo_load(vg_cameo **out, const char *path, vg_error *err);
void vg_cameo_free(vg_cameo *cameo);

/* The code's entry, or NULL when the codebook has no such code. */
const vg_cameo_code *vg_cameo_find(const vg_cameo *cameo, const char *code);
/* Number of codes (roots included) and the codes in file order. */
size_t vg_cameo_count(const vg_cameo *cameo);
const vg_cameo_code *vg_cameo_at(const vg_cameo *cameo, size_t index);

/* Whether s has the form of a CAMEO event code: 2 to 4 ASCII digits whose first two are a
 * root 01..20. It says nothing of whether the codebook defines it (vg_cameo_find does). */
int vg_cameo_code_valid(const char *s);
/* Whether ancestor is a code above code (a proper prefix): ("18", "185") and ("112", "1121") are;
 * ("180", "185") and ("18", "18") are not. 0 when either is not a well-formed code. */
int vg_cameo_is_ancestor(const char *ancestor, const char *code);

/* "ASSAULT" for VG_PLOVER_ASSAULT, "-" for VG_PLOVER_NONE, NULL when out of range. */
const char *vg_plover_name(vg_plover plover);
/* The type named s (exact, uppercase), VG_PLOVER_NONE for "-", or -1 when unknown. */
int vg_plover_parse(const char *s, size_t len);
/* "VCOOP", "MCOOP", "VCONF", "MCONF", or NULL. */
const char *vg_cameo_quad_name(vg_cameo_quad quad);

#endif
