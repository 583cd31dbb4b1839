/* Calendar days as YYYYMMDD integers (20251107): validation, parsing, arithmetic, weekdays.
 * Proleptic Gregorian calendar; 0 means "no date". */
#ifndef VIGIL_UTIL_DATE_H
#define VIGIL_UTIL_DATE_H
#include <stdint.h>

int32_t vg_date_make(int year, int month, int day);
/* Days in a month (0 for a month out of 1..12). */
int vg_date_days_in_month(int year, int month);
/* Whether ymd is a real day (2026-02-30 is not). */
int vg_date_valid(int32_t ymd);
/* "YYYY-MM-DD" (exactly) to YYYYMMDD, or 0 when it is not a real day. */
int32_t vg_date_parse_iso(const char *s);
/* YYYYMMDD to "YYYY-MM-DD" (buf of 11); "" for 0. */
void vg_date_format(int32_t ymd, char buf[11]);
int32_t vg_date_add_days(int32_t ymd, long days);
/* b - a in days. */
long vg_date_diff_days(int32_t a, int32_t b);
/* 1 = Monday .. 7 = Sunday. */
int vg_date_weekday(int32_t ymd);

#endif
