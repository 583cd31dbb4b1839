/* The threat formula (docs/threat.md): every constant of it is here. */
#include "store/threat.h"
#include "store/store.h"
#include <math.h>
#include <string.h>

vg_threat_mode vg_threat_mode_parse(const char *name)
{
    if (!name)
        return VG_THREAT_OCCURRED;
    if (!strcmp(name, "planned"))
        return VG_THREAT_PLANNED;
    if (!strcmp(name, "attempted"))
        return VG_THREAT_ATTEMPTED;
    if (!strcmp(name, "thwarted"))
        return VG_THREAT_THWARTED;
    if (!strcmp(name, "threatened"))
        return VG_THREAT_THREATENED;
    return VG_THREAT_OCCURRED;
}

vg_threat_stance vg_threat_stance_parse(const char *name)
{
    if (name && !strcmp(name, "alleged"))
        return VG_THREAT_ALLEGED;
    if (name && !strcmp(name, "denied"))
        return VG_THREAT_DENIED;
    return VG_THREAT_ASSERTED;
}

/* What the act says of the danger to its target: done is worst; an attempt shows intent and
 * capability; a thwarted plot shows both but was stopped; a plan shows intent; a threat is
 * words. */
double vg_threat_mode_factor(vg_threat_mode mode)
{
    switch (mode) {
    case VG_THREAT_OCCURRED: return 1.0;
    case VG_THREAT_ATTEMPTED: return 0.9;
    case VG_THREAT_THWARTED: return 0.75;
    case VG_THREAT_PLANNED: return 0.7;
    case VG_THREAT_THREATENED: return 0.5;
    }
    return 1.0;
}

/* How far the reports stand behind it: stated as fact, alleged by sources, or known only
 * from denials (which still tell that someone raised it). */
double vg_threat_stance_factor(vg_threat_stance stance)
{
    switch (stance) {
    case VG_THREAT_ASSERTED: return 1.0;
    case VG_THREAT_ALLEGED: return 0.7;
    case VG_THREAT_DENIED: return 0.3;
    }
    return 1.0;
}

/* Each independent source after the first adds a quarter, up to five sources (x2). */
double vg_threat_corroboration(int n_sources)
{
    int extra = n_sources - 1;
    if (extra < 0)
        extra = 0;
    if (extra > 4)
        extra = 4;
    return 1.0 + 0.25 * extra;
}

double vg_threat_incident_weight(int severity, vg_threat_mode mode, vg_threat_stance stance, int n_sources)
{
    if (severity < 0)
        severity = 0;
    if (severity > 10)
        severity = 10;
    return severity / 10.0 * vg_threat_mode_factor(mode) * vg_threat_stance_factor(stance)
           * vg_threat_corroboration(n_sources);
}

double vg_threat_recency(int32_t last, int32_t as_of)
{
    if (last <= 0 || as_of <= 0)
        return 1.0;
    long age = vg_store_days_between(last, as_of);
    if (age <= 0)
        return 1.0;
    return pow(0.5, (double)age / VG_THREAT_HALF_LIFE_DAYS);
}

/* Level thresholds on the score: one recent, alleged, thwarted assassination plot (0.47) is
 * "elevated"; an assassination stated by two sources (1.25) is "high"; it and a plot, or any
 * single incident at full weight, "critical". */
static const double thresholds[4] = {0.2, 0.45, 0.9, 1.6};

int vg_threat_level(double score)
{
    int level = 1;
    for (int i = 0; i < 4; i++)
        if (score >= thresholds[i])
            level = i + 2;
    return level;
}

const char *vg_threat_level_name(int level)
{
    static const char *const names[] = {"normal", "guarded", "elevated", "high", "critical"};
    return level >= 1 && level <= 5 ? names[level - 1] : "unknown";
}
