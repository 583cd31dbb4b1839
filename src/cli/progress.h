/* A one-line progress bar on stderr, shown only when stderr is a terminal. */
#ifndef VIGIL_CLI_PROGRESS_H
#define VIGIL_CLI_PROGRESS_H
#include <stddef.h>

typedef struct progress {
    int enabled;
    size_t total;        /* 0 when unknown: a counter instead of a bar */
    size_t done;
    double started, last_drawn;
    const char *label;
} progress;

void progress_start(progress *p, const char *label, size_t total);
void progress_advance(progress *p, size_t n);
void progress_finish(progress *p);

#endif
