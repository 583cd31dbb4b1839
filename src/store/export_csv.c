/* vigil export --format csv: GDELT-like event rows. Counts are the incident's, so every report
 * of one act carries how often and how independently the act is reported. */
#include "store/export_csv.h"
#include <inttypes.h>
#include <string.h>

const char *const vg_export_csv_columns[] = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "DATEADDED", "SOURCEURL",
    "Plover", "Mode", "Negated", "Stance", "AttributedTo", "AttributedToCodes",
    "IncidentID", "Link", "DocumentID", "Publisher", "Sentence", "DatePrecision",
    NULL};

typedef struct csv_state {
    FILE *out;
    const vg_export_options *options;
    vg_error *err;
    char names[2048], codes[512]; /* the current event's attributions, "; "-joined */
} csv_state;

/* One field, quoted when it holds a comma, quote, CR or LF (RFC 4180); sep before it unless first. */
static void field(FILE *out, const char *s, int first)
{
    if (!first)
        fputc(',', out);
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void field_int(FILE *out, long long n)
{
    fprintf(out, ",%lld", n);
}

/* "2025-11-07" -> "20251107" (size 9), "" when s is not a date. */
static void compact_date(const char *s, char buf[9])
{
    buf[0] = '\0';
    if (s && strlen(s) == 10 && s[4] == '-' && s[7] == '-') {
        memcpy(buf, s, 4);
        memcpy(buf + 4, s + 5, 2);
        memcpy(buf + 6, s + 8, 2);
        buf[8] = '\0';
    }
}

/* The actor columns: code, name (the canonical name, else the words), the country (the code's
 * first block when the dictionaries know it as a country) and the role block after it. */
static void actor_fields(csv_state *s, const char *code, const char *name, const char *text)
{
    char country[4] = "", type[4] = "";
    if (code && strlen(code) >= 3 && s->options->dict && vg_dict_country(s->options->dict, code)) {
        memcpy(country, code, 3);
        if (strlen(code) >= 6)
            memcpy(type, code + 3, 3);
    }
    field(s->out, code, 0);
    field(s->out, name && *name ? name : text, 0);
    field(s->out, country, 0);
    field(s->out, type, 0);
}

/* Appends s to the "; "-separated list in buf, cutting it at the buffer's end. */
static void append(char *buf, size_t size, const char *s)
{
    size_t n = strlen(buf);
    if (n + 1 >= size)
        return;
    snprintf(buf + n, size - n, "%s%s", n ? "; " : "", s);
}

static int add_attribution(void *context, const vg_export_attribution *a)
{
    csv_state *s = context;
    const char *who = a->name && *a->name ? a->name : a->text;
    /* One reporting phrase may name several codes ("Israeli and U.S. officials"): the words once. */
    if (who && !strstr(s->names, who))
        append(s->names, sizeof s->names, who);
    if (a->code && *a->code)
        append(s->codes, sizeof s->codes, a->code);
    return 0;
}

static int write_row(void *context, vg_export_walk *walk, const vg_export_event *e)
{
    csv_state *s = context;
    FILE *out = s->out;
    s->names[0] = s->codes[0] = '\0';
    if (vg_export_attributions(walk, e, add_attribution, s))
        return VG_EIO;
    char sqldate[9], added[9], buf[32];
    compact_date(e->date ? e->date : e->pubdate, sqldate);
    compact_date(e->pubdate, added);
    snprintf(buf, sizeof buf, "%" PRIu64, e->id);
    field(out, buf, 1);
    field(out, sqldate, 0);
    snprintf(buf, sizeof buf, "%.6s", sqldate);
    field(out, buf, 0);
    snprintf(buf, sizeof buf, "%.4s", sqldate);
    field(out, buf, 0);
    actor_fields(s, e->source_code, e->source_name, e->source_text);
    actor_fields(s, e->target_code, e->target_name, e->target_text);
    const char *code = e->cameo ? e->cameo : "";
    field(out, code, 0);
    snprintf(buf, sizeof buf, "%.3s", code);
    field(out, buf, 0);
    field(out, e->root, 0);
    const vg_cameo_code *c = vg_cameo_find(s->options->cameo, code);
    if (c)
        field_int(out, c->quad);
    else
        field(out, "", 0);
    if (e->has_goldstein || c)
        fprintf(out, ",%.1f", e->has_goldstein ? e->goldstein : c->goldstein);
    else
        field(out, "", 0);
    /* An event outside any incident is one mention in one article of one source. */
    field_int(out, e->incident ? e->incident_events : 1);
    field_int(out, e->incident ? e->incident_sources : 1);
    field_int(out, e->incident ? e->incident_documents : 1);
    field(out, e->place_name, 0);
    field(out, e->place_country, 0);
    field(out, added, 0);
    field(out, e->url, 0);
    field(out, e->plover, 0);
    field(out, e->mode, 0);
    field_int(out, e->negated);
    field(out, e->stance, 0);
    field(out, s->names, 0);
    field(out, s->codes, 0);
    field(out, e->incident, 0);
    field(out, e->link, 0);
    field(out, e->doc_id, 0);
    field(out, e->publisher, 0);
    field_int(out, e->sentence);
    field(out, e->date_precision, 0);
    fputs("\r\n", out);
    return ferror(out) ? vg_error_set(s->err, VG_EIO, "cannot write the output") : 0;
}

int vg_export_csv(vg_store *store, const vg_export_options *options, FILE *out, vg_error *err)
{
    if (!options->cameo)
        return vg_error_set(err, VG_EINVAL, "the CSV export needs the CAMEO codebook");
    for (size_t i = 0; vg_export_csv_columns[i]; i++)
        field(out, vg_export_csv_columns[i], i == 0);
    fputs("\r\n", out);
    csv_state s = {out, options, err, "", ""};
    return vg_export_events_each(store, options, write_row, &s, err);
}
