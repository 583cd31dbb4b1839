/* Temporal expressions (when.h). The words of a temporal phrase are read left to right into
 * a few slots (weekday, day, month, year, relative year, part of year, vagueness) and then
 * resolved against the publication date. */
#include "code/when.h"
#include <stdlib.h>
#include <string.h>
#include "text/tagset.h"

static int word_in(const char *w, const char *const *list, int n)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(w, list[i]))
            return i + 1;
    return 0;
}

static int month_of(const char *w)
{
    static const char *const full[] = { "january", "february", "march", "april", "may", "june", "july",
                                        "august", "september", "october", "november", "december" };
    static const char *const abbr[] = { "jan.", "feb.", "mar.", "apr.", "may", "jun.", "jul.",
                                        "aug.", "sept.", "oct.", "nov.", "dec." };
    int m = word_in(w, full, 12);
    return m ? m : word_in(w, abbr, 12);
}

/* 1 spring, 2 summer, 3 autumn, 4 winter ("fall" is left out: "after the fall of Kabul"). */
static int season_of(const char *w)
{
    static const char *const seasons[] = { "spring", "summer", "autumn", "winter" };
    return word_in(w, seasons, 4);
}

/* Season s of year y as a range of days, in the northern hemisphere's months (spring March to
 * May, summer June to August, autumn September to November, winter December to February; the
 * winter of y begins in December of y). */
static void season_range(int s, int y, vg_when *out)
{
    int m0 = 3 * s, y1 = y, m1 = m0 + 2;
    if (m1 > 12) {
        m1 -= 12;
        y1++;
    }
    out->date = vg_date_make(y, m0, 1);
    out->date_end = vg_date_make(y1, m1, vg_date_days_in_month(y1, m1));
    out->precision = VG_DATE_PART_OF_YEAR;
}

/* "last summer" (the latest that ended before publication), "next winter" (the first that
 * begins after it), "this spring" (the one beginning in the publication's year), "in the summer"
 * (the latest begun by publication). */
static void season_near(int s, int pub, int last, int next, int this_one, vg_when *out)
{
    int y = pub / 10000;
    if (!this_one) {
        season_range(s, y, out);
        if (last || !next) {
            while (last ? out->date_end >= pub : out->date > pub)
                season_range(s, --y, out);
        } else {
            while (out->date <= pub)
                season_range(s, ++y, out);
        }
        return;
    }
    season_range(s, y, out);
}

static int weekday_of(const char *w)
{
    static const char *const days[] = { "monday", "tuesday", "wednesday", "thursday", "friday",
                                        "saturday", "sunday" };
    return word_in(w, days, 7);
}

int vg_when_weekday(const char *lower)
{
    return weekday_of(lower);
}

static int number_of(const char *w, int lo, int hi)
{
    char *end;
    long v = strtol(w, &end, 10);
    if (end == w || (*end && strcmp(end, "st") && strcmp(end, "nd") && strcmp(end, "rd") && strcmp(end, "th")))
        return 0;
    return v >= lo && v <= hi ? (int)v : 0;
}

int vg_when_words(const char *const *w, uint32_t n, int32_t pub, vg_when *out)
{
    memset(out, 0, sizeof *out);
    int weekday = 0, day = 0, month = 0, year = 0, rel_year = 0, has_rel_year = 0, part = 0;
    int vague = 0, rel_month = 0, has_rel_month = 0, rel_day = 0, has_rel_day = 0, next = 0, last = 0;
    int counted = 0, anchored = 0;   /* "three days", and whether "ago", "earlier", ... place them */
    int season = 0, season_last = 0, season_next = 0, season_this = 0;
    for (uint32_t i = 0; i < n; i++) {
        const char *x = w[i];
        int v;
        static const char *const counts[] = { "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                              "several", "few", "many" };
        if ((number_of(x, 1, 1000) || word_in(x, counts, (int)(sizeof counts / sizeof *counts))) && i + 1 < n &&
            (!strcmp(w[i + 1], "days") || !strcmp(w[i + 1], "weeks")))
            counted = 1;
        if (!strcmp(x, "ago") || !strcmp(x, "earlier") || !strcmp(x, "later") || !strcmp(x, "recently") ||
            !strcmp(x, "recent") || !strcmp(x, "past") || !strcmp(x, "last"))
            anchored = 1;
        if ((v = season_of(x))) {
            season = v;
            season_last = last;
            season_next = next;
            season_this = i > 0 && (!strcmp(w[i - 1], "this") || !strcmp(w[i - 1], "current"));
            last = next = 0;
        } else if ((v = weekday_of(x)))
            weekday = v;
        else if ((v = month_of(x)) && !(v == 5 && i + 1 < n && !strcmp(w[i + 1], "be")))
            month = v;
        else if ((v = number_of(x, 1800, 2100)))
            year = v;
        else if ((v = number_of(x, 1, 31)) && (month || (i + 1 < n && month_of(w[i + 1]))))
            day = v;
        else if (!strncmp(x, "mid-", 4) && (v = number_of(x + 4, 1800, 2100))) {
            year = v;
            part = 2;
        } else if (!strcmp(x, "last") || !strcmp(x, "past") || !strcmp(x, "previous"))
            last = 1;
        else if (!strcmp(x, "next") || !strcmp(x, "coming"))
            next = 1;
        else if (!strcmp(x, "this") || !strcmp(x, "current"))
            last = next = 0;
        else if (!strcmp(x, "year")) {
            rel_year = last ? -1 : next ? 1 : 0;
            has_rel_year = 1;
            last = next = 0;
        } else if (!strcmp(x, "month")) {
            rel_month = last ? -1 : next ? 1 : 0;
            has_rel_month = 1;
            last = next = 0;
        } else if (!strcmp(x, "week")) {
            vague = 1;
            rel_day = last ? -7 : next ? 7 : 0;
            has_rel_day = 1;
            last = next = 0;
        } else if (!strcmp(x, "yesterday")) {
            rel_day = -1;
            has_rel_day = 1;
        } else if (!strcmp(x, "today") || !strcmp(x, "tonight")) {
            rel_day = 0;
            has_rel_day = 1;
        } else if (!strcmp(x, "tomorrow")) {
            rel_day = 1;
            has_rel_day = 1;
        } else if (!strcmp(x, "beginning") || !strcmp(x, "start") || !strcmp(x, "early"))
            part = 1;
        else if (!strcmp(x, "middle") || !strcmp(x, "mid"))
            part = 2;
        else if (!strcmp(x, "end") || !strcmp(x, "late"))
            part = 3;
        else if (!strcmp(x, "days") || !strcmp(x, "weeks") || !strcmp(x, "recently") ||
                 !strcmp(x, "earlier") || !strcmp(x, "ago"))
            vague = 1;
    }
    /* "declared three days of national mourning": a span of days with nothing placing it is a
     * duration, not a date. */
    if (counted && !anchored && !weekday && !month && !year && !has_rel_day && !has_rel_month && !has_rel_year)
        return 0;
    int py = pub / 10000, pm = pub / 100 % 100;
    if (weekday && pub) {
        /* The most recent such day on or before publication, or the next one after "next". */
        int delta = weekday - vg_date_weekday(pub);
        if (next)
            delta = delta <= 0 ? delta + 7 : delta;
        else if (delta > 0)
            delta -= 7;
        out->date = out->date_end = vg_date_add_days(pub, delta);
        out->precision = VG_DATE_DAY;
        return 1;
    }
    if (season && (year || pub)) {
        if (year)
            season_range(season, year, out);
        else
            season_near(season, pub, season_last, season_next, season_this, out);
        return 1;
    }
    if (has_rel_day && pub) {
        out->date = out->date_end = vg_date_add_days(pub, rel_day);
        out->precision = vague ? VG_DATE_APPROXIMATE : VG_DATE_DAY;
        if (vague) {
            out->date = vg_date_add_days(pub, rel_day < 0 ? rel_day : 0);
            out->date_end = vg_date_add_days(out->date, 6);
        }
        return 1;
    }
    if (month) {
        if (!year && pub) {
            /* "in February": the last February up to publication (a month after counts). */
            year = py;
            if (month > pm + 1)
                year--;
        }
        if (!year)
            return 0;
        int dim = vg_date_days_in_month(year, month);
        if (day && day <= dim) {
            out->date = out->date_end = vg_date_make(year, month, day);
            out->precision = VG_DATE_DAY;
        } else {
            out->date = vg_date_make(year, month, 1);
            out->date_end = vg_date_make(year, month, dim);
            out->precision = VG_DATE_MONTH;
        }
        return 1;
    }
    if (has_rel_month && pub) {
        int y = py, m = pm + rel_month;
        if (m < 1) { m += 12; y--; }
        if (m > 12) { m -= 12; y++; }
        out->date = vg_date_make(y, m, 1);
        out->date_end = vg_date_make(y, m, vg_date_days_in_month(y, m));
        out->precision = vague || part ? VG_DATE_APPROXIMATE : VG_DATE_MONTH;
        return 1;
    }
    if (has_rel_year && pub)
        year = py + rel_year;
    if (year) {
        static const int part_months[4][2] = { { 1, 12 }, { 1, 4 }, { 5, 8 }, { 9, 12 } };
        int m0 = part_months[part][0], m1 = part_months[part][1];
        out->date = vg_date_make(year, m0, 1);
        out->date_end = vg_date_make(year, m1, vg_date_days_in_month(year, m1));
        out->precision = part ? VG_DATE_PART_OF_YEAR : VG_DATE_YEAR;
        return 1;
    }
    /* "in the past" with no span ("the past week" has one): some time before the news, not
     * lately — years back, ending months before the report. */
    for (uint32_t i = 0; i < n && pub; i++) {
        static const char *const spans[] = { "day", "days", "week", "weeks", "month", "months", "year", "years",
                                             "decade", "decades", "hours", "hour" };
        if (strcmp(w[i], "past") || (i + 1 < n && word_in(w[i + 1], spans, (int)(sizeof spans / sizeof *spans))))
            continue;
        out->date = vg_date_add_days(pub, -3650);
        out->date_end = vg_date_add_days(pub, -120);
        out->precision = VG_DATE_APPROXIMATE;
        return 1;
    }
    if (vague && pub) {
        /* "days after", "recently": within a few weeks of the reference date. */
        out->date = vg_date_add_days(pub, -30);
        out->date_end = pub;
        out->precision = VG_DATE_APPROXIMATE;
        return 1;
    }
    return 0;
}

/* Whether w is a word of dates: a month, weekday, season, year, or one of the words that
 * place a time ("week", "yesterday", "end", ...). */
static int time_word(const char *w)
{
    if (weekday_of(w) || month_of(w) || season_of(w) || number_of(w, 1800, 2100) || !strncmp(w, "mid-", 4))
        return 1;
    static const char *const words[] = { "year", "month", "week", "yesterday", "today", "tonight", "tomorrow",
                                         "end", "beginning", "start", "middle", "days", "weeks", "recently",
                                         "past" };
    return word_in(w, words, (int)(sizeof words / sizeof *words)) > 0;
}

/* The relations a time phrase may hang by, without their markers: most tokens' relations are
 * none of them, and are turned away by id before any name is compared. */
static const uint8_t *temporal_relations(void)
{
    static uint8_t set[256];
    static int ready;
    if (!ready) {
        static const char *const bases[] = { "obl", "obl:tmod", "obl:npmod", "obl:unmarked", "nmod", "nmod:tmod",
                                             "nmod:unmarked", "nmod:poss", "advmod", "advcl" };
        for (size_t k = 0; k < sizeof bases / sizeof *bases; k++) {
            int id = vg_deprel_id(bases[k]);
            if (id > 0 && id < 256)
                set[id] = 1;
        }
        ready = 1;
    }
    return set;
}

int vg_when_is_temporal(const vg_tree *t, uint32_t i)
{
    if (!temporal_relations()[t->deprel[i]])
        return 0;
    const char *r = vg_tree_rel(t, i);
    static const char *const rels[] = { "obl:tmod", "obl:npmod", "obl:unmarked", "nmod:tmod", "nmod:unmarked",
                                        "obl:in", "obl:on", "obl:at", "obl:during", "obl:since", "obl:by",
                                        "obl:until", "obl:before", "obl:after", "obl:from", "obl:of",
                                        "nmod:on", "nmod:in", "nmod:during", "nmod:since", "nmod:poss",
                                        "advmod", "obl", "advcl:after", "advcl:before" };
    /* every relation above starts with one of three letters: most others leave at once */
    if (r[0] != 'o' && r[0] != 'n' && r[0] != 'a')
        return 0;
    int ok = 0;
    for (size_t k = 0; k < sizeof rels / sizeof *rels && !ok; k++)
        ok = !strcmp(r, rels[k]);
    if (!ok)
        return 0;
    /* The words decide: a month, weekday, year or relative date word somewhere in the head's
     * immediate phrase; a day's number read as the head of its month ("on January 19" with
     * "January" under "19"). */
    if (time_word(t->lower_form[i]))
        return 1;
    if (number_of(t->lower_form[i], 1, 31))
        for (uint32_t k = 0; k < vg_tree_n_children(t, i); k++)
            if (month_of(t->lower_form[vg_tree_child(t, i, k)]))
                return 1;
    return 0;
}

/* The span of the time phrase headed by token x: x and, below it, the words that make up a
 * date (determiners, numbers, modifiers, a month read as a modifier, "of last year"), not the
 * phrases and clauses a misparse may hang on it ("on January 19 at a warehouse near the port,
 * where ..." read with the place under "19"). */
static void date_words_span(const vg_tree *t, uint32_t x, unsigned depth, uint32_t *first, uint32_t *last)
{
    if (x < *first)
        *first = x;
    if (x > *last)
        *last = x;
    if (depth > 4)
        return;
    static const char *const inner[] = { "det", "amod", "nummod", "case", "cc", "compound", "nmod:unmarked",
                                         "nmod:poss", "advmod", "fixed", "flat" };
    for (uint32_t k = 0; k < vg_tree_n_children(t, x); k++) {
        uint32_t c = vg_tree_child(t, x, k);
        const char *d = vg_tree_deprel(t, c);
        if (word_in(d, inner, (int)(sizeof inner / sizeof *inner)) ||
            ((!strncmp(d, "nmod", 4) || !strcmp(d, "conj")) && time_word(t->lower_form[c])))
            date_words_span(t, c, depth + 1, first, last);
    }
}

int vg_when_phrase(const vg_tree *t, uint32_t i, int32_t pub, vg_when *out, vg_arena *arena)
{
    /* The date's own words below its head: "the end of last year" has "year" two levels
     * down; "on March 4 at a hotel near the airport" is read as "on March 4". */
    uint32_t first = i, last = i;
    date_words_span(t, i, 0, &first, &last);
    if (last - first > 12)
        return 0;
    const char *words[16];
    uint32_t n = 0;
    for (uint32_t k = first; k <= last && n < 16; k++)
        words[n++] = t->lower_form[k];
    if (!vg_when_words(words, n, pub, out))
        return 0;
    while (first < i && (t->s->tokens[first].upos == VG_UPOS_ADP || t->s->tokens[first].upos == VG_UPOS_PUNCT))
        first++;
    out->text = vg_tree_text(t, first, last, arena);
    return 1;
}
