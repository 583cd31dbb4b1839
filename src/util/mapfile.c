/* mmap-based file loading; see mapfile.h. */
#include "util/mapfile.h"
#include "util/alloc.h"
#include "util/buf.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int vg_mapfile_open(vg_mapfile *map, const char *path, vg_error *err)
{
    map->data = NULL;
    map->size = 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return vg_error_set(err, VG_EIO, "%s: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return vg_error_set(err, VG_EIO, "%s: not a regular file", path);
    }
    if (st.st_size == 0) {
        close(fd);
        return vg_error_set(err, VG_EMODEL, "%s: file is empty", path);
    }
    void *data = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (data == MAP_FAILED)
        return vg_error_set(err, VG_EIO, "%s: cannot map: %s", path, strerror(errno));
    map->data = data;
    map->size = (size_t)st.st_size;
    return 0;
}

void vg_mapfile_close(vg_mapfile *map)
{
    if (map->data)
        munmap((void *)map->data, map->size);
    map->data = NULL;
    map->size = 0;
}

int vg_file_read_all(const char *path, size_t max_bytes, char **out, size_t *out_len, vg_error *err)
{
    *out = NULL;
    *out_len = 0;
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return vg_error_set(err, VG_EIO, "%s: %s", path, strerror(errno));
    vg_buf buf;
    vg_buf_init(&buf, max_bytes);
    char chunk[65536];
    size_t n;
    int rc = 0;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        rc = vg_buf_append(&buf, chunk, n);
        if (rc) {
            if (rc == VG_ELIMIT)
                vg_error_set(err, rc, "%s: larger than the %zu-byte limit", path, max_bytes);
            else
                vg_error_set(err, rc, "%s: out of memory", path);
            break;
        }
    }
    if (!rc && ferror(f))
        rc = vg_error_set(err, VG_EIO, "%s: read error", path);
    if (f != stdin)
        fclose(f);
    if (rc) {
        vg_buf_free(&buf);
        return rc;
    }
    *out_len = buf.len;
    *out = vg_buf_detach(&buf);
    return *out ? 0 : vg_error_set(err, VG_ENOMEM, "out of memory");
}
