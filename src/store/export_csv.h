/* The CSV export: one row per event, columns in the spirit of GDELT 2.0's event table plus
 * vigil's own (docs/formats/exports.md), RFC 4180 quoting. */
#ifndef VIGIL_STORE_EXPORT_CSV_H
#define VIGIL_STORE_EXPORT_CSV_H
#include <stdio.h>
#include "store/export.h"

/* The header row's columns, in order, NULL-terminated. */
extern const char *const vg_export_csv_columns[];

/* Writes the header and a row per selected event to out. options->cameo is required. Returns
 * 0, or VG_EIO / VG_EINVAL with err set. */
int vg_export_csv(vg_store *store, const vg_export_options *options, FILE *out, vg_error *err);

#endif
