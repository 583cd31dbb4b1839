/* The STIX 2.1 export: one bundle with a report per incident, identities, threat actors,
 * locations, "targets"/"attributed-to"/"located-at" relationships, notes for allegations and
 * opinions for denials, all with deterministic ids and timestamps (docs/formats/exports.md). */
#ifndef VIGIL_STORE_EXPORT_STIX_H
#define VIGIL_STORE_EXPORT_STIX_H
#include <stdio.h>
#include "store/export.h"

/* Where ISO 3166-1 alpha-3 codes are turned into the alpha-2 codes STIX locations want
 * (Debian's iso-codes); without it a location's country is its CAMEO code. */
#define VG_EXPORT_ISO3166_PATH "/usr/share/iso-codes/json/iso_3166-1.json"

/* Writes the bundle of the incidents options selects to out. Returns 0, or VG_EIO / VG_ENOMEM
 * with err set. */
int vg_export_stix(vg_store *store, const vg_export_options *options, FILE *out, vg_error *err);

#endif
