/* The JSON Lines export: one event record per line (docs/formats/events.md) with its stable id,
 * incident and document (docs/formats/exports.md). */
#ifndef VIGIL_STORE_EXPORT_JSONL_H
#define VIGIL_STORE_EXPORT_JSONL_H
#include <stdio.h>
#include "store/export.h"

/* Writes the events options selects to out. Returns 0, or VG_EIO / VG_ENOMEM with err set. */
int vg_export_jsonl(vg_store *store, const vg_export_options *options, FILE *out, vg_error *err);

#endif
