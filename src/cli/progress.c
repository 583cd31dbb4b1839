/* Progress bar for long batch runs; redrawn at most ten times a second. */
#include "cli/progress.h"
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void draw(progress *p)
{
    double elapsed = now() - p->started;
    double rate = elapsed > 0 ? p->done / elapsed : 0;
    if (p->total) {
        int width = 30, filled = (int)(width * (double)p->done / (double)p->total);
        if (filled > width)
            filled = width;
        fprintf(stderr, "\r%s [%.*s%*s] %zu/%zu %.0f/s ", p->label, filled,
                "##############################", width - filled, "", p->done, p->total, rate);
    } else {
        fprintf(stderr, "\r%s %zu %.0f/s ", p->label, p->done, rate);
    }
    fflush(stderr);
    p->last_drawn = now();
}

void progress_start(progress *p, const char *label, size_t total)
{
    p->enabled = isatty(STDERR_FILENO);
    p->total = total;
    p->done = 0;
    p->label = label;
    p->started = p->last_drawn = now();
}

void progress_advance(progress *p, size_t n)
{
    p->done += n;
    if (p->enabled && now() - p->last_drawn >= 0.1)
        draw(p);
}

void progress_finish(progress *p)
{
    if (!p->enabled)
        return;
    draw(p);
    fputc('\n', stderr);
}
