/* The parts of a news article recognised line by line: first the shape of each line (is it a
 * sentence, a byline, a date, a credit...), then its position (header, body, trailer). */
#include "text/article.h"
#include "util/alloc.h"
#include <string.h>

/* ------------------------------------------------------------------ small text helpers */

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static int is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_digit(int c) { return c >= '0' && c <= '9'; }

/* Case-insensitive (ASCII) prefix test that also wants a word boundary after the prefix. */
static int starts_word(const char *s, size_t n, const char *prefix)
{
    if (n == 0 || lower((unsigned char)s[0]) != lower((unsigned char)prefix[0]))
        return 0; /* (most calls end here, before any strlen) */
    size_t p = strlen(prefix);
    if (n < p)
        return 0;
    for (size_t i = 0; i < p; i++)
        if (lower((unsigned char)s[i]) != lower((unsigned char)prefix[i]))
            return 0;
    return n == p || !is_alpha((unsigned char)s[p]);
}

static int contains_ci(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    if (m == 0 || n < m)
        return m == 0;
    int first = lower((unsigned char)needle[0]);
    for (size_t i = 0; i + m <= n; i++) {
        if (lower((unsigned char)s[i]) != first)
            continue;
        size_t k = 1;
        while (k < m && lower((unsigned char)s[i + k]) == lower((unsigned char)needle[k]))
            k++;
        if (k == m)
            return 1;
    }
    return 0;
}

static int equals_ci(const char *s, size_t n, const char *word)
{
    if (n == 0 || lower((unsigned char)s[0]) != lower((unsigned char)word[0]))
        return n == 0 && word[0] == '\0';
    size_t m = strlen(word);
    if (n != m)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (lower((unsigned char)s[i]) != lower((unsigned char)word[i]))
            return 0;
    return 1;
}

static int in_list(const char *s, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (equals_ci(s, n, *list))
            return 1;
    return 0;
}

static unsigned count_words(const char *s, size_t n, unsigned stop_at)
{
    unsigned words = 0;
    int inside = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ') {
            inside = 0;
        } else if (!inside) {
            inside = 1;
            if (++words >= stop_at)
                return words;
        }
    }
    return words;
}

/* The next space-separated word of s[*at, n); returns its length (0 at the end). */
static size_t next_word(const char *s, size_t n, size_t *at, const char **word)
{
    size_t i = *at;
    while (i < n && s[i] == ' ')
        i++;
    size_t start = i;
    while (i < n && s[i] != ' ')
        i++;
    *at = i;
    *word = s + start;
    return i - start;
}

/* Closing quotes and brackets that may follow a sentence's final punctuation. */
static size_t closer_before(const char *s, size_t e)
{
    unsigned char c = (unsigned char)s[e - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ' || c == '*')
        return 1;
    if (e >= 3 && (unsigned char)s[e - 3] == 0xE2 && (unsigned char)s[e - 2] == 0x80 &&
        ((unsigned char)s[e - 1] == 0x9D || (unsigned char)s[e - 1] == 0x99)) /* ” ’ */
        return 3;
    if (e >= 2 && (unsigned char)s[e - 2] == 0xC2 && c == 0xBB) /* » */
        return 2;
    return 0;
}

/* Does the line end as a sentence does? 2 when it ends with a full stop. */
static int ends_sentence(const char *s, size_t n, unsigned words)
{
    size_t e = n, k;
    int quoted = 0;
    while (e > 0 && (k = closer_before(s, e)) > 0) {
        quoted |= s[e - 1] != ' ' && s[e - 1] != ')' && s[e - 1] != ']' && s[e - 1] != '*';
        e -= k;
    }
    if (e == 0)
        return 0;
    int c = (unsigned char)s[e - 1];
    if (c == '.')
        return 2;
    if (c == '!' || c == '?')
        return 1;
    if (e >= 3 && (unsigned char)s[e - 3] == 0xE2 && (unsigned char)s[e - 2] == 0x80 && c == 0xA6) /* … */
        return 1;
    if (c == ':' || c == ';')
        return words >= 4;
    return quoted && words >= 6; /* a quotation that carries its own final punctuation */
}

/* ------------------------------------------------------------------------- dates */

static const char *const month_names[] = {"january", "february", "march", "april", "may", "june", "july",
                                          "august", "september", "october", "november", "december", NULL};
static const char *const weekday_names[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                            "saturday", "sunday", NULL};

static int month_of(const char *w, size_t n)
{
    if (n < 3)
        return 0;
    for (int m = 0; month_names[m]; m++) {
        size_t full = strlen(month_names[m]);
        if (equals_ci(w, n, month_names[m]))
            return m + 1;
        /* Abbreviations: "Nov", "Sept" (written with or without the period, stripped before). */
        if (n <= 4 && n < full) {
            size_t i = 0;
            while (i < n && lower((unsigned char)w[i]) == month_names[m][i])
                i++;
            if (i == n && (n == 3 || (m == 8 && n == 4)))
                return m + 1;
        }
    }
    return 0;
}

static int weekday_of(const char *w, size_t n)
{
    if (n < 3)
        return 0;
    for (int d = 0; weekday_names[d]; d++) {
        size_t full = strlen(weekday_names[d]);
        if (n > full)
            continue;
        size_t i = 0;
        while (i < n && lower((unsigned char)w[i]) == weekday_names[d][i])
            i++;
        /* "Fri", "Tues", "Thurs", "Friday" */
        if (i == n && (n == full || n == 3 || (n == 4 && (d == 1 || d == 3)) || (n == 5 && d == 3)))
            return d + 1;
    }
    return 0;
}

static const char *const date_fillers[] = {
    "published", "updated", "posted", "last", "modified", "on", "at", "date", "dated", "first", "created",
    "the", "of", "edited", "publication", "released", "issued", "time", "local", "|", "-", "–", "—", "·", "•",
    "/", "and", NULL};
static const char *const time_zones[] = {
    "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "gmt", "utc", "bst",
    "cet", "cest", "eet", "eest", "ist", "idt", "msk", "jst", "kst", "aest", "aedt", "z", "wib", "hkt", "sgt",
    "ast", "irst", "pkt", NULL};
static const char *const relative_words[] = {
    "ago", "hour", "hours", "minute", "minutes", "min", "mins", "hr", "hrs", "day", "days", "week", "weeks",
    "month", "months", "just", "now", "yesterday", "today", "an", "a", "second", "seconds", NULL};

enum { D_OTHER, D_SKIP, D_MONTH, D_WEEKDAY, D_NUM, D_YEAR, D_ORD, D_TIME, D_AMPM, D_TZ, D_FILLER, D_REL,
       D_FULL };

typedef struct date_token {
    int kind, value, y, m, d;
} date_token;

static int digits(const char *w, size_t n, size_t at, size_t count)
{
    if (at + count > n)
        return -1;
    int v = 0;
    for (size_t i = at; i < at + count; i++) {
        if (!is_digit((unsigned char)w[i]))
            return -1;
        v = v * 10 + (w[i] - '0');
    }
    return v;
}

static int plausible(int y, int m, int d) { return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31; }

/* Classifies one word (its surrounding punctuation already stripped). */
static date_token date_word(const char *w, size_t n)
{
    date_token t = {D_OTHER, 0, 0, 0, 0};
    if (n == 0) {
        t.kind = D_SKIP;
        return t;
    }
    size_t nd = 0;
    while (nd < n && is_digit((unsigned char)w[nd]))
        nd++;
    if (nd == n) {
        int v = digits(w, n, 0, n > 6 ? 6 : n);
        if (n == 4 && v >= 1800 && v <= 2200) {
            t.kind = D_YEAR;
            t.value = v;
        } else if (n <= 2 && v >= 1 && v <= 31) {
            t.kind = D_NUM;
            t.value = v;
        }
        return t;
    }
    /* ISO 8601 "2020-11-30", "2020-11-30T10:42:00Z", "2020/11/30" */
    if (nd == 4 && n >= 10 && (w[4] == '-' || w[4] == '/') && w[7] == w[4]) {
        int y = digits(w, n, 0, 4), m = digits(w, n, 5, 2), d = digits(w, n, 8, 2);
        if (plausible(y, m, d) && (n == 10 || w[10] == 'T' || w[10] == 't')) {
            t.kind = D_FULL;
            t.y = y, t.m = m, t.d = d;
        }
        return t;
    }
    /* numeric "30/11/2020", "11/30/2020", "30.11.2020" (day first unless impossible) */
    if (nd >= 1 && nd <= 2 && n >= 6 && (w[nd] == '/' || w[nd] == '.' || w[nd] == '-')) {
        char sep = w[nd];
        int a = digits(w, n, 0, nd);
        size_t j = nd + 1, k = j;
        while (k < n && is_digit((unsigned char)w[k]))
            k++;
        if (k > j && k - j <= 2 && k < n && w[k] == sep) {
            int b = digits(w, n, j, k - j);
            size_t yl = n - k - 1;
            int y = (yl == 4 || yl == 2) ? digits(w, n, k + 1, yl) : -1;
            if (y >= 0) {
                if (yl == 2)
                    y += y < 70 ? 2000 : 1900;
                /* '/' is American month/day unless the first number cannot be a month. */
                int m = sep == '/' ? a : b, d = sep == '/' ? b : a;
                if (m > 12) {
                    int swap = m;
                    m = d;
                    d = swap;
                }
                if (plausible(y, m, d)) {
                    t.kind = D_FULL;
                    t.y = y, t.m = m, t.d = d;
                }
                return t;
            }
        }
    }
    /* times "9:50", "10:42am", "14.30", "09:50:00" */
    if (nd >= 1 && nd <= 2 && n >= nd + 3 && (w[nd] == ':' || w[nd] == '.') && digits(w, n, nd + 1, 2) >= 0) {
        size_t rest = nd + 3;
        if (rest + 3 <= n && w[rest] == ':' && digits(w, n, rest + 1, 2) >= 0)
            rest += 3;
        const char *tail = w + rest;
        size_t tn = n - rest;
        if (tn == 0 || equals_ci(tail, tn, "am") || equals_ci(tail, tn, "pm") || equals_ci(tail, tn, "a.m") ||
            equals_ci(tail, tn, "p.m") || equals_ci(tail, tn, "a.m.") || equals_ci(tail, tn, "p.m.") ||
            equals_ci(tail, tn, "z")) {
            if (w[nd] == ':' || tn > 0 || n == nd + 3)
                t.kind = D_TIME;
        }
        return t;
    }
    /* ordinals "7th", "1st" and hours "9am" */
    if (nd >= 1 && nd <= 2 && n == nd + 2) {
        const char *sfx = w + nd;
        int v = digits(w, n, 0, nd);
        if ((equals_ci(sfx, 2, "st") || equals_ci(sfx, 2, "nd") || equals_ci(sfx, 2, "rd") ||
             equals_ci(sfx, 2, "th")) && v >= 1 && v <= 31) {
            t.kind = D_ORD;
            t.value = v;
        } else if ((equals_ci(sfx, 2, "am") || equals_ci(sfx, 2, "pm")) && v >= 1 && v <= 12) {
            t.kind = D_TIME;
        }
        return t;
    }
    /* "+0200", "UTC+2" */
    if ((w[0] == '+' || w[0] == '-') && n == 5 && digits(w, n, 1, 4) >= 0) {
        t.kind = D_TZ;
        return t;
    }
    if (n > 3 && (starts_word(w, 3, "utc") || starts_word(w, 3, "gmt")) && (w[3] == '+' || w[3] == '-')) {
        t.kind = D_TZ;
        return t;
    }
    int v;
    if ((v = month_of(w, n))) {
        t.kind = D_MONTH;
        t.value = v;
    } else if ((v = weekday_of(w, n))) {
        t.kind = D_WEEKDAY;
        t.value = v;
    } else if (equals_ci(w, n, "am") || equals_ci(w, n, "pm") || equals_ci(w, n, "a.m") ||
               equals_ci(w, n, "p.m") || equals_ci(w, n, "a.m.") || equals_ci(w, n, "p.m.")) {
        t.kind = D_AMPM;
    } else if (in_list(w, n, time_zones)) {
        t.kind = D_TZ;
    } else if (in_list(w, n, date_fillers)) {
        t.kind = D_FILLER;
    } else if (in_list(w, n, relative_words)) {
        t.kind = D_REL;
    }
    return t;
}

#define DATE_MAX_WORDS 24

int vg_date_parse(const char *s, size_t len, int whole_line, vg_date *date)
{
    date_token tok[DATE_MAX_WORDS];
    size_t nt = 0, at = 0;
    memset(date, 0, sizeof *date);
    if (whole_line && len > 200)
        return 0;
    while (nt < DATE_MAX_WORDS) {
        /* Words are split at spaces, commas, pipes and brackets. */
        while (at < len && (s[at] == ' ' || s[at] == ',' || s[at] == '|' || s[at] == '(' || s[at] == ')'))
            at++;
        if (at >= len)
            break;
        size_t start = at;
        while (at < len && s[at] != ' ' && s[at] != ',' && s[at] != '|' && s[at] != '(' && s[at] != ')')
            at++;
        const char *w = s + start;
        size_t n = at - start;
        /* trailing ":" ";" and a final period of an abbreviation ("Nov.", but keep "a.m.") */
        while (n > 0 && (w[n - 1] == ':' || w[n - 1] == ';'))
            n--;
        if (n > 1 && w[n - 1] == '.' && !(n >= 3 && w[n - 3] == '.'))
            n--;
        date_token t = date_word(w, n);
        if (t.kind == D_SKIP)
            continue;
        if (t.kind == D_OTHER && whole_line) {
            /* page punctuation between parts: "·", "•", "—" */
            if (n <= 3 && !is_alpha((unsigned char)w[0]) && !is_digit((unsigned char)w[0]))
                continue;
            return 0;
        }
        tok[nt++] = t;
    }
    if (whole_line && at < len)
        return 0; /* too many words for a date line */
    int have_rel = 0;
    for (size_t i = 0; i < nt; i++) {
        date_token *t = &tok[i];
        switch (t->kind) {
        case D_FULL:
            if (!date->month) {
                date->year = t->y, date->month = t->m, date->day = t->d;
            }
            break;
        case D_MONTH:
            if (date->month)
                break;
            date->month = t->value;
            /* the day next to the month: "November 7" or "7 November"; a number followed by
             * "am"/"pm" is an hour */
            if (i + 1 < nt && (tok[i + 1].kind == D_NUM || tok[i + 1].kind == D_ORD) &&
                !(i + 2 < nt && tok[i + 2].kind == D_AMPM))
                date->day = tok[i + 1].value;
            else if (i > 0 && (tok[i - 1].kind == D_NUM || tok[i - 1].kind == D_ORD))
                date->day = tok[i - 1].value;
            else if (i > 1 && tok[i - 1].kind == D_FILLER && (tok[i - 2].kind == D_NUM || tok[i - 2].kind == D_ORD))
                date->day = tok[i - 2].value; /* "the 9th of October" */
            break;
        case D_YEAR:
            if (!date->year)
                date->year = t->value;
            break;
        case D_WEEKDAY:
            if (!date->weekday)
                date->weekday = t->value;
            break;
        case D_REL:
            have_rel = 1;
            break;
        default:
            break;
        }
    }
    int found = (date->month && (date->day || date->year)) != 0;
    if (!found) {
        memset(date, 0, sizeof *date);
        /* "3 hours ago": a date line that dates nothing */
        if (whole_line && have_rel && contains_ci(s, len, "ago"))
            return 1;
        return 0;
    }
    if (!date->day)
        date->weekday = 0;
    return 1;
}

/* Day of the week of a Gregorian date, 1 = Monday (Sakamoto's method). */
static int weekday_of_date(int y, int m, int d)
{
    static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 3)
        y -= 1;
    int w = (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7; /* 0 = Sunday */
    return w == 0 ? 7 : w;
}

int vg_date_year_from_weekday(int month, int day, int weekday, int not_after)
{
    if (month < 1 || month > 12 || day < 1 || day > 31 || weekday < 1 || weekday > 7)
        return 0;
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > days[month - 1])
        return 0;
    /* The calendar repeats within 28 years, except for 29 February (up to 40 years apart). */
    for (int y = not_after; y > not_after - 40; y--) {
        int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        if (month == 2 && day == 29 && !leap)
            continue;
        if (weekday_of_date(y, month, day) == weekday)
            return y;
    }
    return 0;
}

/* ---------------------------------------------------------------- line shapes */

/* Lower-case words allowed inside a byline's names and titles. */
static const char *const byline_words[] = {
    "and", "&", "of", "the", "in", "at", "for", "staff", "writer", "writers", "reporter", "reporters",
    "correspondent", "correspondents", "editor", "editors", "contributor", "news", "agencies", "agency",
    "wire", "wires", "service", "services", "desk", "team", "de", "van", "von", "der", "den", "da", "del",
    "della", "la", "le", "al", "el", "bin", "ben", "y", "e", "du", "dos", "das", "with", NULL};

static int name_like(const char *w, size_t n)
{
    int c = (unsigned char)w[0];
    if ((c >= 'A' && c <= 'Z') || c >= 0x80)
        return 1; /* capitalised, all capitals, or a non-ASCII initial ("Ángel") */
    return in_list(w, n, byline_words);
}

/* "By MATTHEW LEE and DAVID KLEPPER", "By TOI staff", "Written by Jane Doe | Nov 7, 2025".
 * Returns 1 for a byline. */
static int byline_shape(const char *s, size_t n)
{
    size_t at = 0;
    const char *w;
    size_t wn = next_word(s, n, &at, &w);
    if (equals_ci(w, wn, "written") || equals_ci(w, wn, "story") || equals_ci(w, wn, "words") ||
        equals_ci(w, wn, "text") || equals_ci(w, wn, "reported"))
        wn = next_word(s, n, &at, &w);
    if (!(wn == 2 && (w[0] == 'B' || w[0] == 'b') && (w[1] == 'y' || w[1] == 'Y')))
        return 0;
    unsigned names = 0;
    while (1) {
        size_t before = at;
        wn = next_word(s, n, &at, &w);
        if (wn == 0)
            break;
        size_t core = wn;
        while (core > 0 && (w[core - 1] == ',' || w[core - 1] == ';' || w[core - 1] == ':'))
            core--;
        if (core == 0)
            continue;
        date_token t = date_word(w, core);
        if (equals_ci(w, core, "|") || equals_ci(w, core, "-") || equals_ci(w, core, "—") ||
            equals_ci(w, core, "–") || equals_ci(w, core, "·") || equals_ci(w, core, "•") ||
            t.kind == D_MONTH || t.kind == D_WEEKDAY || t.kind == D_FULL || equals_ci(w, core, "updated") ||
            equals_ci(w, core, "published") || equals_ci(w, core, "posted")) {
            /* a date after the names: the rest must be a date line */
            vg_date date;
            const char *rest = s + before;
            size_t rn = n - before;
            while (rn > 0 && (*rest == ' ' || *rest == '|' || *rest == '-'))
                rest++, rn--;
            if (!vg_date_parse(rest, rn, 1, &date))
                return 0;
            break;
        }
        if (!name_like(w, core))
            return 0;
        if (++names > 12)
            return 0;
    }
    return names >= 1;
}

static int is_separator(const char *s, size_t n)
{
    unsigned marks = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ') {
            i++;
        } else if (c == '_' || c == '-' || c == '*' || c == '=' || c == '#' || c == '~') {
            marks++, i++;
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0x94 || (unsigned char)s[i + 2] == 0x93 ||
                    (unsigned char)s[i + 2] == 0xA2)) { /* — – • */
            marks++, i += 3;
        } else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xB7) { /* · */
            marks++, i += 2;
        } else {
            return 0;
        }
    }
    return marks >= 3;
}

/* "News > Politics & Government News", "Home › World › Middle East" */
static int is_breadcrumb(const char *s, size_t n, unsigned words)
{
    if (words > 16)
        return 0;
    unsigned separators = 0, segment_words = 0;
    size_t at = 0;
    const char *w;
    size_t wn;
    while ((wn = next_word(s, n, &at, &w)) > 0) {
        if (equals_ci(w, wn, ">") || equals_ci(w, wn, "›") || equals_ci(w, wn, "»") || equals_ci(w, wn, "/")) {
            if (segment_words == 0 || segment_words > 5)
                return 0;
            separators++;
            segment_words = 0;
        } else {
            segment_words++;
        }
    }
    return separators >= 1 && segment_words >= 1 && segment_words <= 5;
}

static const char *const caption_prefixes[] = {
    "illustrative", "illustration", "file photo", "file", "photo", "photos", "photograph", "picture",
    "pictured", "image", "images", "caption", "above", "top", "left", "right", "inset", "main image", "video",
    "watch", "credit", "graphic", "screenshot", "screengrab", "handout", "archive photo", "archive", NULL};

static const char *const credit_words[] = {
    "photo", "photos", "photograph", "photographer", "screenshot", "screengrab", "screen", "grab", "courtesy",
    "credit", "via", "file", "handout", "image", "images", "video", "illustrative", "illustration", "pool",
    "getty", "afp", "ap", "reuters", "epa", "efe", "xinhua", "anadolu", "flash90", "gpo", "shutterstock",
    "istock", "wikimedia", "commons", "youtube", "twitter", "telegram", "facebook", "instagram", "tiktok",
    "x", NULL};

/* A credit in brackets ending the line: "(AFP/Louisa Gouliamaki)", "(YouTube screenshot)",
 * "(Iranian Defense Ministry via AP)". */
static int ends_with_credit(const char *s, size_t n)
{
    if (n < 3 || s[n - 1] != ')')
        return 0;
    size_t open = n - 1;
    int depth = 0;
    size_t limit = n > 160 ? n - 160 : 0;
    while (open > limit) {
        open--;
        if (s[open] == ')')
            depth++;
        else if (s[open] == '(' && depth-- == 0)
            break;
    }
    if (s[open] != '(')
        return 0;
    const char *c = s + open + 1;
    size_t cn = n - 1 - (open + 1);
    if (cn == 0 || count_words(c, cn, 13) > 12)
        return 0;
    if (memchr(c, '/', cn))
        return 1;
    size_t at = 0;
    const char *w;
    size_t wn;
    while ((wn = next_word(c, cn, &at, &w)) > 0) {
        while (wn > 0 && (w[wn - 1] == ',' || w[wn - 1] == '.' || w[wn - 1] == ';'))
            wn--;
        if (wn && in_list(w, wn, credit_words))
            return 1;
    }
    return 0;
}

/* The longest paragraph a credit at its end makes a caption (bytes). */
#define CAPTION_MAX_BYTES 600
/* A paragraph with this many sentence ends is running text: no caption, trailer, byline or
 * date line is that long. */
#define RUNNING_TEXT_SENTENCES 3

/* How many sentence ends (". ", "? ", "! ") s holds. */
static size_t sentence_ends(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 1; i < n; i++)
        k += s[i] == ' ' && (s[i - 1] == '.' || s[i - 1] == '?' || s[i - 1] == '!');
    return k;
}

/* Caption shapes: a caption label, "In this photo ...", a credit at the end. Returns the rule. */
static const char *caption_rule(const char *s, size_t n)
{
    for (int i = 0; caption_prefixes[i]; i++) {
        size_t p = strlen(caption_prefixes[i]);
        if (!starts_word(s, n, caption_prefixes[i]))
            continue;
        const char *r = s + p;
        size_t rn = n - p;
        if (rn > 0 && r[0] == ':')
            return "caption:label";
        if (rn > 2 && r[0] == ' ' && (r[1] == '-' || (rn > 4 && (unsigned char)r[1] == 0xE2)))
            return "caption:label"; /* "FILE - ...", "File — ..." */
        if (rn > 3 && starts_word(r + 1, rn - 1, "by") && (i == 4 || i == 6 || i == 7))
            return "caption:photo-by"; /* "Photo by ..." */
    }
    /* "In this photo ...", "This undated image ..." */
    size_t at = 0;
    const char *w;
    size_t wn = next_word(s, n, &at, &w);
    if (equals_ci(w, wn, "in"))
        wn = next_word(s, n, &at, &w);
    if (equals_ci(w, wn, "this")) {
        for (int k = 0; k < 5; k++) {
            wn = next_word(s, n, &at, &w);
            while (wn > 0 && (w[wn - 1] == ',' || w[wn - 1] == '.'))
                wn--;
            if (wn == 0)
                break;
            if (equals_ci(w, wn, "photo") || equals_ci(w, wn, "photograph") || equals_ci(w, wn, "image") ||
                equals_ci(w, wn, "picture") || equals_ci(w, wn, "video") || equals_ci(w, wn, "screenshot") ||
                equals_ci(w, wn, "screengrab") || equals_ci(w, wn, "frame") || equals_ci(w, wn, "handout") ||
                equals_ci(w, wn, "still"))
                return "caption:this-photo";
        }
    }
    /* A photo's caption with its credit is a few sentences at most: a longer paragraph whose
     * last words look like one (an e-mail signature "Gregg Penman 10/23/2000 12:12 PM") is
     * running text, and dropping it would lose the article. */
    if (n > CAPTION_MAX_BYTES)
        return NULL;
    if (ends_with_credit(s, n))
        return "caption:credit";
    /* A credit after the last sentence: "... in Tehran. Photo: Reuters", ". Jane Doe/Getty Images" */
    size_t last = 0;
    for (size_t i = n; i > 1; i--) {
        if ((s[i - 2] == '.' || s[i - 2] == '?' || s[i - 2] == '!') && s[i - 1] == ' ') {
            last = i;
            break;
        }
    }
    if (last > 0 && last < n) {
        const char *t = s + last;
        size_t tn = n - last;
        static const char *const labels[] = {"photo", "photograph", "picture", "image", "credit", "photos", NULL};
        for (int i = 0; labels[i]; i++) {
            size_t p = strlen(labels[i]);
            if (starts_word(t, tn, labels[i]) && tn > p &&
                (t[p] == ':' || (tn > p + 3 && starts_word(t + p + 1, tn - p - 1, "by"))))
                return "caption:credit";
        }
        if (tn < 80 && memchr(t, '/', tn) && count_words(t, tn, 9) <= 8 && t[0] >= 'A' && t[0] <= 'Z' &&
            !ends_sentence(t, tn, 8))
            return "caption:credit";
    }
    return NULL;
}

static const char *const trailer_any[] = {
    "read more", "read also", "also read", "read next", "see also", "more on this", "you may also like",
    "you might also like", "you may be interested", "most read", "most popular", "recommended for you",
    "sign up", "subscribe", "click here", "follow us", "share this", "share on", "download the",
    "download our", "get the latest", "don't miss", "do not miss", "join our", "we want to hear",
    "this story has been updated", "this article has been updated", "this article was originally",
    "this story was originally", "this article originally", "originally published", "related coverage",
    "related articles", "related stories", "related content", "related topics", "related news",
    "related reading", "related links", "further reading", "more stories", "more news", "top stories",
    "latest news", "keep reading", "what to read next", "this article is more than", NULL};
/* Navigation words that are a trailer only on their own or before a colon or separator. */
static const char *const trailer_nav[] = {"related", "more", "trending", "recommended", "topics", "tags",
                                          "listen", NULL};

/* Strips list bullets and arrows a page puts before a link. */
static const char *skip_bullets(const char *s, size_t *n)
{
    while (*n > 0) {
        unsigned char c = (unsigned char)s[0];
        if (c == ' ' || c == '-' || c == '*' || c == '>') {
            s++, (*n)--;
        } else if (c == 0xE2 && *n >= 3 && ((unsigned char)s[1] == 0x80 || (unsigned char)s[1] == 0x96 ||
                                            (unsigned char)s[1] == 0x97)) {
            /* • (E2 80 A2), ► (E2 96 BA), ▶ (E2 96 B6), ● (E2 97 8F) */
            unsigned char d = (unsigned char)s[2];
            if ((s[1] == (char)0x80 && d == 0xA2) || (s[1] == (char)0x96 && (d == 0xBA || d == 0xB6)) ||
                (s[1] == (char)0x97 && d == 0x8F)) {
                s += 3, *n -= 3;
            } else {
                break;
            }
        } else if (c == 0xC2 && *n >= 2 && (unsigned char)s[1] == 0xBB) { /* » */
            s += 2, *n -= 2;
        } else {
            break;
        }
    }
    return s;
}

/* The length of a list bullet and its space opening a line ("• ", "- ", "* "), or 0. */
static uint32_t bullet_length(const char *s, size_t n)
{
    if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
        return 2;
    if (n >= 4 && (unsigned char)s[0] == 0xE2 && s[3] == ' ' &&
        (((unsigned char)s[1] == 0x80 && ((unsigned char)s[2] == 0xA2 || (unsigned char)s[2] == 0xA3)) ||
         ((unsigned char)s[1] == 0x96 && ((unsigned char)s[2] == 0xAA || (unsigned char)s[2] == 0xBA))))
        return 4; /* • ‣ ▪ ► */
    if (n >= 3 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xB7 && s[2] == ' ')
        return 3; /* · */
    return 0;
}

/* Does the line end with an abbreviation such as "U.S." (so its full stop ends no sentence)? */
static int ends_with_abbreviation(const char *s, size_t n)
{
    size_t e = n;
    while (e > 0 && s[e - 1] == '.')
        e--;
    for (size_t i = e; i > 0 && s[i - 1] != ' '; i--)
        if (s[i - 1] == '.')
            return 1;
    return 0;
}

/* Promotions, navigation and subscription prompts. *bare is set when the line is only the
 * label ("Read more:"), so that the link lines under it are trailers too. */
static const char *trailer_rule(const char *s, size_t n, unsigned words, int *bare)
{
    *bare = 0;
    if (words > 40)
        return NULL;
    size_t m = n;
    const char *t = skip_bullets(s, &m);
    for (int i = 0; trailer_any[i]; i++) {
        if (starts_word(t, m, trailer_any[i])) {
            size_t p = strlen(trailer_any[i]);
            size_t rest = p;
            while (rest < m && (t[rest] == ':' || t[rest] == ' ' || t[rest] == '.'))
                rest++;
            *bare = rest >= m && words <= 5;
            return "trailer:prompt";
        }
    }
    for (int i = 0; trailer_nav[i]; i++) {
        if (starts_word(t, m, trailer_nav[i])) {
            size_t p = strlen(trailer_nav[i]);
            if (p == m || t[p] == ':' || (p + 2 <= m && t[p] == ' ' && (t[p + 1] == '|' || t[p + 1] == '-' ||
                                                                       t[p + 1] == '>'))) {
                *bare = p == m || (p + 1 == m && t[p] == ':');
                return "trailer:prompt";
            }
        }
    }
    if (starts_word(t, m, "follow") &&
        (contains_ci(t, m, " on twitter") || contains_ci(t, m, " on x") || contains_ci(t, m, " on facebook") ||
         contains_ci(t, m, " on instagram") || contains_ci(t, m, " on telegram") ||
         contains_ci(t, m, " on threads") || contains_ci(t, m, "http") || memchr(t, '@', m)))
        return "trailer:follow";
    if (contains_ci(t, m, "newsletter") &&
        (contains_ci(t, m, "sign up") || contains_ci(t, m, "subscribe") || contains_ci(t, m, " your ") ||
         contains_ci(t, m, " you ") || contains_ci(t, m, "our ")))
        return "trailer:newsletter";
    return NULL;
}

/* "... contributed to this report.", "Reporting by ...; Editing by ..." */
static int is_contribution(const char *s, size_t n, unsigned words)
{
    if (words > 60)
        return 0;
    if (contains_ci(s, n, "contributed ") &&
        (contains_ci(s, n, "contributed to this report") || contains_ci(s, n, "contributed to this story") ||
        contains_ci(s, n, "contributed to this article") || contains_ci(s, n, "contributed to the report") ||
         contains_ci(s, n, "contributed reporting") || contains_ci(s, n, "contributed additional reporting")))
        return 1;
    const char *t = s;
    size_t m = n;
    if (m > 0 && t[0] == '(')
        t++, m--;
    return starts_word(t, m, "reporting by") || starts_word(t, m, "additional reporting") ||
           starts_word(t, m, "editing by") || starts_word(t, m, "writing by") || starts_word(t, m, "compiled by");
}

/* "© 2025 The Associated Press. All rights reserved." */
static int is_copyright(const char *s, size_t n, unsigned words)
{
    if (words > 25)
        return 0;
    if (memchr(s, 0xC2, n) && contains_ci(s, n, "\xC2\xA9"))
        return 1;
    if (contains_ci(s, n, "rights reserved"))
        return 1;
    if (starts_word(s, n, "copyright") && n > 10 && (is_digit((unsigned char)s[10]) || s[10] == '('))
        return 1;
    return starts_word(s, n, "(c)") && n > 4 && is_digit((unsigned char)s[4]);
}

static const char *const furniture[] = {
    "advertisement", "advertisements", "ad", "ads", "sponsored", "sponsored content", "paid content",
    "story continues below", "story continues below advertisement", "article continues below",
    "continue reading", "continue reading below", "skip advertisement", "skip to content",
    "skip to main content", "listen to this article", "listen to article", "listen", "share", "share this",
    "share this article", "tweet", "print", "email", "e-mail", "comments", "comment", "close", "menu",
    "loading", "scroll to continue with content", "view comments", "view gallery", "enlarge", "expand",
    "toggle caption", "hide caption", "image", "photo", "video", "audio", "copy link", "link copied", NULL};

static int is_furniture(const char *s, size_t n, unsigned words)
{
    if (words > 7)
        return 0;
    size_t m = n;
    while (m > 0 && (s[m - 1] == '.' || s[m - 1] == ':' || s[m - 1] == ' '))
        m--;
    if (in_list(s, m, furniture))
        return 1;
    if (words == 1 && ((m > 7 && strncmp(s, "http://", 7) == 0) || (m > 8 && strncmp(s, "https://", 8) == 0) ||
                       (m > 4 && strncmp(s, "www.", 4) == 0)))
        return 1; /* a bare link */
    /* "5 min read", "12 comments", "3 photos" */
    size_t at = 0;
    const char *w;
    size_t wn = next_word(s, m, &at, &w);
    size_t nd = 0;
    while (nd < wn && is_digit((unsigned char)w[nd]))
        nd++;
    if (nd == 0 || nd != wn || words > 3)
        return 0;
    const char *rest = s + at + 1;
    size_t rn = at < m ? m - at - 1 : 0;
    return starts_word(rest, rn, "min read") || starts_word(rest, rn, "mins read") ||
           starts_word(rest, rn, "minute read") || starts_word(rest, rn, "minutes read") ||
           starts_word(rest, rn, "comments") || starts_word(rest, rn, "comment") ||
           starts_word(rest, rn, "photos") || starts_word(rest, rn, "views");
}

/* ---------------------------------------------------------------- the dateline */

static int all_caps_word(const char *w, size_t n)
{
    int letters = 0;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)w[i];
        if (c >= 'a' && c <= 'z')
            return 0;
        if (c >= 'A' && c <= 'Z')
            letters++;
        else if (!(c == '.' || c == '\'' || c == '-' || c == ',' || c >= 0x80))
            return 0;
    }
    return letters >= 1;
}

uint32_t vg_article_dateline(const char *text, size_t len, uint32_t *body_offset)
{
    *body_offset = 0;
    size_t limit = len < 100 ? len : 100;
    size_t dash = 0, after = 0;
    for (size_t i = 1; i + 2 < limit + (limit == len) && !dash; i++) {
        if (i + 2 < len && text[i] == ' ' && text[i + 1] == '-' && (text[i + 2] == ' ' || text[i + 2] == '-'))
            dash = i, after = i + 3;
        else if ((unsigned char)text[i] == 0xE2 && i + 2 < len && (unsigned char)text[i + 1] == 0x80 &&
                 ((unsigned char)text[i + 2] == 0x94 || (unsigned char)text[i + 2] == 0x93)) {
            dash = text[i - 1] == ' ' ? i - 1 : i; /* "WASHINGTON (AP) — " or "JERUSALEM—" */
            after = i + 3;
        }
    }
    if (!dash)
        return 0;
    while (after < len && text[after] == ' ')
        after++;
    if (after < len) {
        unsigned char next = (unsigned char)text[after];
        if (!((next >= 'A' && next <= 'Z') || is_digit(next) || next == '"' || next == '\'' || next == 0xE2 ||
              next >= 0xC3))
            return 0; /* running text starts as a sentence does */
    } /* (else a dateline alone on its line: "CNN —") */
    const char *p = text;
    size_t pn = dash;
    while (pn > 0 && p[pn - 1] == ' ')
        pn--;
    if (pn == 0 || pn > 80 || count_words(p, pn, 13) > 12 || memchr(p, '"', pn) || contains_ci(p, pn, "\xE2\x80\x9C"))
        return 0;
    int ok = 0;
    /* "... (AP)": an agency in brackets ending the prefix */
    if (p[pn - 1] == ')') {
        const char *open = NULL;
        for (size_t i = pn - 1; i > 0; i--)
            if (p[i - 1] == '(') {
                open = p + i - 1;
                break;
            }
        if (open) {
            const char *c = open + 1;
            size_t cn = (size_t)(p + pn - 1 - c);
            unsigned words = count_words(c, cn, 6);
            ok = cn > 0 && words <= 5 && ((c[0] >= 'A' && c[0] <= 'Z') || (unsigned char)c[0] >= 0x80);
        }
    }
    /* "NEW YORK —", "TEL AVIV, Israel —": the place in capitals, a short qualifier after a comma */
    if (!ok) {
        size_t at = 0;
        const char *w;
        size_t wn;
        int caps = 0, after_comma = 0;
        ok = 1;
        while ((wn = next_word(p, pn, &at, &w)) > 0) {
            if (!after_comma) {
                if (!all_caps_word(w, wn) || (wn == 1 && caps == 0)) {
                    ok = 0;
                    break;
                }
                caps++;
                if (w[wn - 1] == ',')
                    after_comma = 1;
            } else if (++after_comma > 6) {
                ok = 0;
                break;
            }
        }
        ok = ok && caps >= 1;
    }
    if (!ok)
        return 0;
    *body_offset = (uint32_t)after;
    return (uint32_t)pn;
}

/* ---------------------------------------------------------------- classification */

typedef struct shape {
    unsigned words;
    int terminal;           /* 1 sentence end, 2 full stop */
    const char *caption;    /* a caption rule, or NULL */
    const char *trailer;    /* a prompt rule, or NULL */
    int bare;               /* the prompt is only a label */
    unsigned char separator, byline, date, breadcrumb, contribution, copyright, furniture;
} shape;

static void shape_of(const vg_article_line *l, shape *f)
{
    memset(f, 0, sizeof *f);
    const char *s = l->text;
    size_t n = l->len;
    f->words = count_words(s, n, 0xFFFFFFFFu);
    f->terminal = ends_sentence(s, n, f->words);
    /* Three sentences and more are running text, whatever they hold: a whole article sent as
     * one paragraph (JSON Lines "text") that ends "... contributed to this report." or with
     * a copyright is an article, not a trailer, and must not be dropped with it. */
    if (sentence_ends(s, n) >= RUNNING_TEXT_SENTENCES)
        return;
    if (f->words <= 60) { /* the shapes below are all short lines */
        f->separator = (unsigned char)is_separator(s, n);
        f->byline = (unsigned char)(f->words <= 16 && byline_shape(s, n));
        vg_date d;
        f->date = (unsigned char)(f->words <= DATE_MAX_WORDS && vg_date_parse(s, n, 1, &d));
        f->breadcrumb = (unsigned char)(!f->terminal && is_breadcrumb(s, n, f->words));
        f->contribution = (unsigned char)is_contribution(s, n, f->words);
        f->copyright = (unsigned char)is_copyright(s, n, f->words);
        f->furniture = (unsigned char)is_furniture(s, n, f->words);
        f->trailer = trailer_rule(s, n, f->words, &f->bare);
    }
    f->caption = caption_rule(s, n);
}

/* Running text: ends as a sentence and is none of the shapes that also may. */
static int sentence_like(const shape *f, unsigned min_words)
{
    return f->terminal && f->words >= min_words && !f->caption && !f->trailer && !f->byline && !f->date &&
           !f->contribution && !f->copyright && !f->furniture && !f->separator;
}

/* Same text, ignoring ASCII case and runs of white space. */
static int same_words(const char *a, size_t an, const char *b)
{
    size_t i = 0, j = 0, bn = strlen(b);
    while (1) {
        while (i < an && a[i] == ' ')
            i++;
        while (j < bn && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r'))
            j++;
        if (i >= an || j >= bn)
            return i >= an && j >= bn;
        int sa = i > 0 && a[i - 1] == ' ', sb = j > 0 && (b[j - 1] == ' ' || b[j - 1] == '\t' || b[j - 1] == '\n');
        if (i > 0 && j > 0 && sa != sb)
            return 0;
        if (lower((unsigned char)a[i]) != lower((unsigned char)b[j]))
            return 0;
        i++, j++;
    }
}

#define RULE_NOT_SENTENCE "caption:not-a-sentence"
#define RULE_LIST_ITEM "body:list-item"

static void set(vg_article_line *l, vg_part_kind kind, const char *rule)
{
    l->kind = (uint8_t)kind;
    l->rule = rule;
}

static int repeats(const vg_article_line *lines, size_t i, size_t prev)
{
    return prev != (size_t)-1 && lines[prev].len == lines[i].len &&
           memcmp(lines[prev].text, lines[i].text, lines[i].len) == 0;
}

/* How many lines after i read as running text (stops counting at limit). */
static unsigned body_lines_after(const vg_article_line *lines, const shape *shapes, size_t i, size_t n,
                                 unsigned limit)
{
    unsigned count = 0;
    for (size_t j = i + 1; j < n && count < limit; j++)
        if (lines[j].hint == VG_PART_UNKNOWN && sentence_like(&shapes[j], 8))
            count++;
    return count;
}

int vg_article_classify(vg_article_line *lines, size_t n, const vg_article_options *opts)
{
    static const vg_article_options defaults = {1, NULL};
    if (!opts)
        opts = &defaults;
    if (n == 0)
        return 0;
    /* n is bounded by VG_MAX_DOCUMENT_LINES, so one shape per line is a bounded cost. */
    shape one;
    shape *shapes = n == 1 ? &one : vg_malloc(n * sizeof *shapes);
    if (!shapes)
        return VG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        lines[i].dateline_len = lines[i].body_offset = 0;
        if (lines[i].hint != VG_PART_UNKNOWN) {
            set(&lines[i], (vg_part_kind)lines[i].hint, "markup");
            memset(&shapes[i], 0, sizeof shapes[i]);
        } else {
            set(&lines[i], VG_PART_UNKNOWN, NULL);
            shape_of(&lines[i], &shapes[i]);
        }
    }

    /* 1. The headline. */
    size_t first = 0;
    while (first < n && lines[first].kind != VG_PART_UNKNOWN)
        first++;
    size_t header_start = first;
    if (opts->title && opts->title[0]) {
        for (size_t i = first; i < n && i < first + 3; i++)
            if (lines[i].kind == VG_PART_UNKNOWN && same_words(lines[i].text, lines[i].len, opts->title)) {
                set(&lines[i], VG_PART_HEADLINE, "headline:title");
                header_start = i + 1;
                break;
            }
    } else if (opts->first_line_is_headline && first < n && n - first >= 2) {
        const shape *f = &shapes[first];
        if ((f->terminal != 2 || ends_with_abbreviation(lines[first].text, lines[first].len)) && !f->date &&
            !f->byline && !f->breadcrumb && !f->separator && !f->caption &&
            !f->contribution && f->words <= 40 && lines[first].len <= 400) {
            set(&lines[first], VG_PART_HEADLINE, "headline:first-line");
            header_start = first + 1;
        }
    }

    /* 2. Where the trailers begin: at an end marker with (almost) no running text after it. */
    size_t trailer_start = n;
    for (size_t i = header_start; i < n; i++) {
        const shape *f = &shapes[i];
        if (lines[i].kind != VG_PART_UNKNOWN || !(f->separator || f->contribution || f->copyright))
            continue;
        if (body_lines_after(lines, shapes, i, n, 3) <= 2) {
            trailer_start = i;
            break;
        }
    }
    for (size_t i = trailer_start; i < n; i++) {
        if (lines[i].kind != VG_PART_UNKNOWN)
            continue;
        const shape *f = &shapes[i];
        set(&lines[i], VG_PART_TRAILER,
            i == trailer_start ? (f->separator ? "trailer:separator"
                                  : f->contribution ? "trailer:contribution"
                                                    : "trailer:copyright")
                               : "trailer:after-end-marker");
    }

    /* 3. The header: lines between the headline and the first running text. */
    size_t body_start = trailer_start, prev = (size_t)-1;
    int have_subtitle = 0;
    uint32_t skip;
    for (size_t i = header_start; i < trailer_start; i++) {
        if (lines[i].kind != VG_PART_UNKNOWN)
            continue;
        const shape *f = &shapes[i];
        uint32_t dateline = vg_article_dateline(lines[i].text, lines[i].len, &skip);
        if (dateline > 0 && skip >= lines[i].len) {
            set(&lines[i], VG_PART_DATELINE, "dateline:own-line");
            lines[i].dateline_len = dateline;
            prev = i;
            continue;
        }
        if (dateline > 0 || sentence_like(f, 4)) {
            body_start = i;
            break;
        }
        if (repeats(lines, i, prev))
            set(&lines[i], VG_PART_NOISE, "noise:repeated");
        else if (f->date)
            set(&lines[i], VG_PART_DATE, "date:line");
        else if (f->byline)
            set(&lines[i], VG_PART_BYLINE, "byline");
        else if (f->breadcrumb)
            set(&lines[i], VG_PART_SECTION, "section:breadcrumb");
        else if (f->furniture)
            set(&lines[i], VG_PART_SECTION, "section:furniture");
        else if (f->caption)
            set(&lines[i], VG_PART_CAPTION, f->caption);
        else if (f->trailer)
            set(&lines[i], VG_PART_TRAILER, f->trailer);
        else if (f->separator)
            set(&lines[i], VG_PART_NOISE, "noise:separator");
        else if (f->contribution || f->copyright)
            set(&lines[i], VG_PART_TRAILER, f->contribution ? "trailer:contribution" : "trailer:copyright");
        else if (!f->terminal && f->words >= 8 && !have_subtitle && (have_subtitle = 1))
            set(&lines[i], VG_PART_SUBTITLE, "subtitle:not-a-sentence");
        else
            set(&lines[i], VG_PART_SECTION, "section:header-line");
        prev = i;
    }

    /* 4. The body zone. */
    int link_list = 0;
    size_t last_body = (size_t)-1, first_body = (size_t)-1;
    for (size_t i = body_start; i < trailer_start; i++) {
        if (lines[i].kind != VG_PART_UNKNOWN)
            continue;
        const shape *f = &shapes[i];
        if (repeats(lines, i, prev))
            set(&lines[i], VG_PART_NOISE, "noise:repeated");
        else if (f->separator)
            set(&lines[i], VG_PART_NOISE, "noise:separator");
        else if (f->caption)
            set(&lines[i], VG_PART_CAPTION, f->caption);
        else if (f->contribution)
            set(&lines[i], VG_PART_TRAILER, "trailer:contribution");
        else if (f->copyright)
            set(&lines[i], VG_PART_TRAILER, "trailer:copyright");
        else if (f->trailer) {
            set(&lines[i], VG_PART_TRAILER, f->trailer);
            link_list = f->bare;
        } else if (f->furniture)
            set(&lines[i], VG_PART_SECTION, "section:furniture");
        else if (f->byline && f->words <= 10)
            set(&lines[i], VG_PART_BYLINE, "byline");
        else if (f->date)
            set(&lines[i], VG_PART_DATE, "date:line");
        else if (link_list && !f->terminal)
            set(&lines[i], VG_PART_TRAILER, "trailer:link-list");
        else if (f->terminal || f->words >= 20) {
            set(&lines[i], VG_PART_BODY, f->terminal ? "body:sentence" : "body:long-line");
            link_list = 0;
            if (first_body == (size_t)-1)
                first_body = i;
            last_body = i;
        } else if (f->words >= 5 && bullet_length(lines[i].text, lines[i].len) > 0) {
            /* a list item, running text though without a full stop ("- Two soldiers were hurt") */
            set(&lines[i], VG_PART_BODY, RULE_LIST_ITEM);
            if (first_body == (size_t)-1)
                first_body = i;
        } else
            set(&lines[i], VG_PART_CAPTION, RULE_NOT_SENTENCE);
        prev = i;
    }

    int unstructured = 0;
    if (first_body == (size_t)-1) {
        /* No running text: a note, a single line, a text without sentence punctuation. Keep
         * only what is clearly something else out of the body. */
        for (size_t i = 0; i < n; i++) {
            const char *r = lines[i].rule;
            if (lines[i].kind == VG_PART_SUBTITLE || lines[i].kind == VG_PART_UNKNOWN ||
                (r && (strcmp(r, RULE_NOT_SENTENCE) == 0 || strcmp(r, "section:header-line") == 0))) {
                set(&lines[i], VG_PART_BODY, "body:unstructured");
                if (first_body == (size_t)-1)
                    first_body = i;
                unstructured = 1;
            }
        }
    } else {
        /* Lines that are not sentences after the last paragraph are trailers (tags, links,
         * and bulleted links: list items count as running text only before a sentence). */
        if (last_body == (size_t)-1)
            last_body = body_start;
        for (size_t i = last_body + 1; i < trailer_start; i++)
            if ((lines[i].kind == VG_PART_CAPTION && strcmp(lines[i].rule, RULE_NOT_SENTENCE) == 0) ||
                (lines[i].kind == VG_PART_BODY && strcmp(lines[i].rule, RULE_LIST_ITEM) == 0))
                set(&lines[i], VG_PART_TRAILER, "trailer:after-body");
        first_body = (size_t)-1;
        for (size_t i = 0; i < n && first_body == (size_t)-1; i++)
            if (lines[i].kind == VG_PART_BODY)
                first_body = i;
    }
    if (first_body != (size_t)-1) {
        vg_article_line *l = &lines[first_body];
        uint32_t dl = vg_article_dateline(l->text, l->len, &skip);
        if (dl > 0 && skip < l->len) {
            l->dateline_len = dl;
            l->body_offset = skip;
        }
    }
    /* List bullets are not part of the running text. */
    for (size_t i = 0; i < n; i++)
        if (lines[i].kind == VG_PART_BODY && lines[i].dateline_len == 0)
            lines[i].body_offset = bullet_length(lines[i].text, lines[i].len);
    for (size_t i = 0; i < n; i++)
        if (lines[i].kind == VG_PART_UNKNOWN)
            set(&lines[i], VG_PART_BODY, "body:unstructured");
    if (shapes != &one)
        vg_free(shapes);
    return unstructured;
}
