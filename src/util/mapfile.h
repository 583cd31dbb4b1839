/* Read-only memory mapping of a whole file (models load this way in well under a second). */
#ifndef VIGIL_MAPFILE_H
#define VIGIL_MAPFILE_H
#include <stddef.h>
#include "util/error.h"

typedef struct vg_mapfile {
    const unsigned char *data;
    size_t size;
} vg_mapfile;

int vg_mapfile_open(vg_mapfile *map, const char *path, vg_error *err);
void vg_mapfile_close(vg_mapfile *map);

/* Reads a whole file into a NUL-terminated heap buffer (caller frees with vg_free).
 * Refuses files larger than max_bytes with VG_ELIMIT. path "-" reads stdin. */
int vg_file_read_all(const char *path, size_t max_bytes, char **out, size_t *out_len, vg_error *err);

#endif
