/* Threat levels: the weight of one incident against its target, and the level of a watched
 * entity from the incidents that target it. The formula and its reasons: docs/threat.md. */
#ifndef VIGIL_STORE_THREAT_H
#define VIGIL_STORE_THREAT_H
#include <stdint.h>

typedef enum vg_threat_mode {
    VG_THREAT_OCCURRED = 0,
    VG_THREAT_PLANNED,
    VG_THREAT_ATTEMPTED,
    VG_THREAT_THWARTED,
    VG_THREAT_THREATENED
} vg_threat_mode;

typedef enum vg_threat_stance {
    VG_THREAT_ASSERTED = 0,   /* some report states it as fact */
    VG_THREAT_ALLEGED,        /* only alleged by sources */
    VG_THREAT_DENIED          /* only known from denials */
} vg_threat_stance;

/* "occurred", ... (the vg_event_mode names); unknown names give VG_THREAT_OCCURRED. */
vg_threat_mode vg_threat_mode_parse(const char *name);
vg_threat_stance vg_threat_stance_parse(const char *name);

/* The factors of the formula, exposed for the documentation and the tests. */
double vg_threat_mode_factor(vg_threat_mode mode);
double vg_threat_stance_factor(vg_threat_stance stance);
double vg_threat_corroboration(int n_sources);
/* Halving time of an incident's weight, in days. */
#define VG_THREAT_HALF_LIFE_DAYS 30.0

/* An incident's weight before recency: severity/10 x mode x stance x corroboration, 0..2. */
double vg_threat_incident_weight(int severity, vg_threat_mode mode, vg_threat_stance stance, int n_sources);
/* Recency factor for an incident last reported on last (YYYYMMDD) seen from as_of. */
double vg_threat_recency(int32_t last, int32_t as_of);

/* The level 1..5 of a score (sum of weight x recency), and its name. */
int vg_threat_level(double score);
const char *vg_threat_level_name(int level);

#endif
