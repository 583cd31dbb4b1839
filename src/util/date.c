/* Calendar arithmetic (date.h) through a day count: days since 1970-01-01 from a civil date
 * and back, after Howard Hinnant's well-known public-domain algorithms. */
#include "util/date.h"
#include <stdio.h>
#include <string.h>

static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int32_t civil_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    return (int32_t)(y * 10000 + m * 100 + d);
}

static long to_days(int32_t ymd) { return days_from_civil(ymd / 10000, ymd / 100 % 100, ymd % 100); }

int32_t vg_date_make(int year, int month, int day) { return year * 10000 + month * 100 + day; }

int vg_date_days_in_month(int year, int month)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (month < 1 || month > 12)
        return 0;
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return days[month - 1] + (month == 2 && leap);
}

int vg_date_valid(int32_t ymd)
{
    int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    return ymd > 0 && d >= 1 && d <= vg_date_days_in_month(y, m);
}

int32_t vg_date_parse_iso(const char *s)
{
    int y, m, d;
    char tail;
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
        return 0;
    int32_t ymd = vg_date_make(y, m, d);
    return vg_date_valid(ymd) ? ymd : 0;
}

void vg_date_format(int32_t ymd, char buf[11])
{
    if (ymd <= 0) {
        buf[0] = '\0';
        return;
    }
    snprintf(buf, 11, "%04d-%02d-%02d", (int)(ymd / 10000 % 10000), (int)(ymd / 100 % 100), (int)(ymd % 100));
}

int32_t vg_date_add_days(int32_t ymd, long days) { return civil_from_days(to_days(ymd) + days); }

long vg_date_diff_days(int32_t a, int32_t b) { return to_days(b) - to_days(a); }

int vg_date_weekday(int32_t ymd)
{
    /* 1970-01-01 was a Thursday. */
    long w = ((to_days(ymd) % 7) + 7 + 3) % 7;
    return (int)w + 1;
}
