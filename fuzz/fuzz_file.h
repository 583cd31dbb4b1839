/* What the targets of loaders that read a path share: the input goes through one temporary
 * file, made before the first input and removed at exit; warnings, expected on every other
 * input, are not printed. Shared by the dict and petr_* targets. */
#ifndef VIGIL_FUZZ_FILE_H
#define VIGIL_FUZZ_FILE_H
#include "fuzz.h"
#include "util/error.h"
#include <string.h>
#include <unistd.h>

/* The temporary file each input is written to (a loader's refusal starts with it). */
static char fuzz_path[64];

static void fuzz_remove_file(void)
{
    if (fuzz_path[0])
        unlink(fuzz_path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    vg_warning_set_sink(fuzz_quiet, NULL);
    snprintf(fuzz_path, sizeof fuzz_path, "/tmp/vigil-fuzz-XXXXXX");
    int fd = mkstemp(fuzz_path);
    FUZZ_CHECK(fd >= 0);
    close(fd);
    atexit(fuzz_remove_file);
    return 0;
}

/* Writes the input to fuzz_path, replacing what was there. */
static inline void fuzz_file_write(const uint8_t *data, size_t size)
{
    FILE *f = fopen(fuzz_path, "wb");
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(fwrite(data, 1, size, f) == size);
    FUZZ_CHECK(fclose(f) == 0);
}

/* A loader's refusal: a negative code, with a message that names the file first. */
static inline void fuzz_check_refusal(int rc, const vg_error *err)
{
    FUZZ_CHECK(rc < 0 && !strncmp(err->message, fuzz_path, strlen(fuzz_path)));
}

#endif
