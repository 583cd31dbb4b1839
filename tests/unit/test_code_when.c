/* Dates in the text resolved against the publication date (src/code/when.h): every form the
 * coder reads, on a publication date of Friday 7 November 2025 unless a case says otherwise. */
#include <string.h>
#include "check.h"
#include "code/when.h"

#define PUB 20251107

/* Splits a lowercase phrase on spaces and resolves it. */
static int when(const char *phrase, int32_t pub, vg_when *out)
{
    static char buf[256];
    const char *words[32];
    uint32_t n = 0;
    strncpy(buf, phrase, sizeof buf - 1);
    buf[sizeof buf - 1] = '\0';
    for (char *tok = strtok(buf, " "); tok && n < 32; tok = strtok(NULL, " "))
        words[n++] = tok;
    return vg_when_words(words, n, pub, out);
}

static void expect(const char *phrase, int32_t pub, int32_t first, int32_t last, vg_date_precision precision)
{
    vg_when w;
    int ok = when(phrase, pub, &w);
    CHECK(ok);
    if (!ok) {
        fprintf(stderr, "  phrase: %s\n", phrase);
        return;
    }
    if (w.date != first || w.date_end != last || w.precision != precision)
        fprintf(stderr, "  %s: got %d..%d %s\n", phrase, (int)w.date, (int)w.date_end,
                vg_date_precision_name(w.precision));
    CHECK_INT(w.date, first);
    CHECK_INT(w.date_end, last);
    CHECK_INT(w.precision, precision);
}

static void calendar(void)
{
    CHECK_INT(vg_date_weekday(20251107), 5);   /* a Friday */
    CHECK_INT(vg_date_weekday(20000101), 6);   /* a Saturday */
    CHECK_INT(vg_date_add_days(20250101, -1), 20241231);
    CHECK_INT(vg_date_add_days(20240228, 1), 20240229);   /* leap year */
    CHECK_INT(vg_date_add_days(20230228, 1), 20230301);
    CHECK_INT(vg_date_days_in_month(2100, 2), 28);         /* not a leap year */
    CHECK_INT(vg_date_days_in_month(2000, 2), 29);
    CHECK_INT(vg_date_days_in_month(2025, 13), 0);
}

static void weekdays(void)
{
    expect("friday", PUB, 20251107, 20251107, VG_DATE_DAY);            /* the day itself */
    expect("on saturday", PUB, 20251101, 20251101, VG_DATE_DAY);       /* the last one before */
    expect("on monday", PUB, 20251103, 20251103, VG_DATE_DAY);
    expect("next monday", PUB, 20251110, 20251110, VG_DATE_DAY);
    expect("yesterday", PUB, 20251106, 20251106, VG_DATE_DAY);
}

static void months_and_years(void)
{
    expect("in february 2023", PUB, 20230201, 20230228, VG_DATE_MONTH);
    expect("november 7", PUB, 20251107, 20251107, VG_DATE_DAY);
    expect("in february", PUB, 20250201, 20250228, VG_DATE_MONTH);     /* the last February */
    expect("in december", PUB, 20251201, 20251231, VG_DATE_MONTH);     /* next month: upcoming */
    expect("in december", 20250115, 20241201, 20241231, VG_DATE_MONTH); /* else the last one */
    expect("in 1992", PUB, 19920101, 19921231, VG_DATE_YEAR);
    expect("last year", PUB, 20240101, 20241231, VG_DATE_YEAR);
    expect("this year", PUB, 20250101, 20251231, VG_DATE_YEAR);
    expect("the end of last year", PUB, 20240901, 20241231, VG_DATE_PART_OF_YEAR);
    expect("the middle of this year", PUB, 20250501, 20250831, VG_DATE_PART_OF_YEAR);
    expect("the beginning of 2024", PUB, 20240101, 20240430, VG_DATE_PART_OF_YEAR);
    expect("in mid-2024", PUB, 20240501, 20240831, VG_DATE_PART_OF_YEAR);
    expect("last month", PUB, 20251001, 20251031, VG_DATE_MONTH);
    expect("last month", 20250115, 20241201, 20241231, VG_DATE_MONTH); /* across a year */
}

/* Seasons in the northern hemisphere's months; the winter of y begins in December of y. */
static void seasons(void)
{
    expect("last summer", PUB, 20250601, 20250831, VG_DATE_PART_OF_YEAR);
    expect("last summer", 20250715, 20240601, 20240831, VG_DATE_PART_OF_YEAR); /* this one is not over */
    expect("last winter", PUB, 20241201, 20250228, VG_DATE_PART_OF_YEAR);
    expect("this spring", PUB, 20250301, 20250531, VG_DATE_PART_OF_YEAR);
    expect("next spring", PUB, 20260301, 20260531, VG_DATE_PART_OF_YEAR);
    expect("in the summer of 2023", PUB, 20230601, 20230831, VG_DATE_PART_OF_YEAR);
    expect("in the winter", PUB, 20241201, 20250228, VG_DATE_PART_OF_YEAR); /* the latest begun */
    expect("in autumn", PUB, 20250901, 20251130, VG_DATE_PART_OF_YEAR);
    vg_when w;
    CHECK(!when("the fall of kabul", PUB, &w)); /* "fall" is no season here */
}

static void vague(void)
{
    expect("days after", PUB, 20251008, 20251107, VG_DATE_APPROXIMATE);
    expect("last week", PUB, 20251031, 20251106, VG_DATE_APPROXIMATE);
    /* "has attacked diplomats in the past": years back, ending months before the report */
    expect("in the past", PUB, 20151110, 20250710, VG_DATE_APPROXIMATE);
    vg_when w;
    CHECK(when("the past week", PUB, &w) && w.date != 20151110);   /* a span: not the vague past */
}

static void not_dates(void)
{
    vg_when w;
    CHECK(!when("the embassy", PUB, &w));
    CHECK(!when("may be", PUB, &w));          /* the verb, not the month */
    CHECK(!when("three days of mourning", PUB, &w));   /* a duration, not a date */
    CHECK(!when("for 10 days", PUB, &w));
    CHECK(when("three days ago", PUB, &w));
    CHECK(when("in recent days", PUB, &w));
    CHECK(!when("friday", 0, &w));            /* relative, and no publication date */
    CHECK(when("in 1992", 0, &w));            /* absolute dates need none */
    CHECK(!when("31 people", PUB, &w));       /* a number is no day without a month */
}

int main(void)
{
    calendar();
    weekdays();
    months_and_years();
    seasons();
    vague();
    not_dates();
    return check_finish("code_when");
}
