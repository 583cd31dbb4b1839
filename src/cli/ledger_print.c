/* Printing incidents and their claims ledgers as text (see ledger_print.h). */
#include "cli/ledger_print.h"
#include <string.h>
#include <strings.h>

const char *ledger_text_or(const json_t *o, const char *key, const char *missing)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s && *s ? s : missing;
}

const char *ledger_text(const json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

const char *ledger_actor_label(const json_t *actor, char *buf, size_t size)
{
    if (!json_is_object(actor)) {
        snprintf(buf, size, "?");
        return buf;
    }
    const char *code = ledger_text(actor, "code");
    const char *label = ledger_text_or(actor, "name", ledger_text_or(actor, "text", "?"));
    /* "its intelligence service (XKRSPY)": whose, when the words only say "its", "his", ... */
    const char *country = ledger_text(actor, "country_name");
    static const char *const possessives[] = { "its ", "his ", "her ", "their " };
    int owner_unsaid = 0;
    for (size_t k = 0; k < sizeof possessives / sizeof *possessives && !owner_unsaid; k++)
        owner_unsaid = !strncasecmp(label, possessives[k], strlen(possessives[k]));
    const char *refers_to = ledger_text(actor, "refers_to");
    if (*refers_to && strcmp(refers_to, label))
        snprintf(buf, size, *code ? "%s [%s] (%s)" : "%s [%s]", label, refers_to, code);
    else if (*code && *country && owner_unsaid)
        snprintf(buf, size, "%s [%s] (%s)", label, country, code);
    else if (*code)
        snprintf(buf, size, "%s (%s)", label, code);
    else
        snprintf(buf, size, "%s", label);
    return buf;
}

/* Whether some word of `words` (split at spaces) occurs in `name`, ignoring case. */
static int shares_word(const char *words, const char *name)
{
    while (*words) {
        size_t len = strcspn(words, " ");
        for (const char *p = name; len && *p; p++)
            if (!strncasecmp(p, words, len) && (p == name || p[-1] == ' ') && (p[len] == '\0' || p[len] == ' ' ||
                                                                            p[len] == '\''))
                return 1;
        words += len;
        words += strspn(words, " ");
    }
    return 0;
}

const char *ledger_claimant(const json_t *claim, char *buf, size_t size)
{
    const char *words = ledger_text(claim, "actor"), *name = ledger_text(claim, "name");
    if (*name && *words && !strchr(words, ' ') && !shares_word(words, name))
        snprintf(buf, size, "%s [%s]", words, name);
    else
        snprintf(buf, size, "%s", words);
    return buf;
}

int ledger_print_json(FILE *out, const json_t *value)
{
    if (json_dumpf(value, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(4)) != 0)
        return -1;
    fputc('\n', out);
    return 0;
}

/* Whether claims a and b are one speaker's same words (a wire story run by several outlets). */
static int same_words(const json_t *a, const json_t *b)
{
    return !strcmp(ledger_text(a, "actor"), ledger_text(b, "actor")) && *ledger_text(a, "text") &&
           !strcmp(ledger_text(a, "text"), ledger_text(b, "text"));
}

/* Whether claims a and b have one speaker: the same name the coder resolved, or the same words. */
static int same_speaker(const json_t *a, const json_t *b)
{
    const char *name = ledger_text(a, "name");
    return (*name && !strcmp(name, ledger_text(b, "name"))) || !strcmp(ledger_text(a, "actor"), ledger_text(b, "actor"));
}

static void print_claims(FILE *out, const json_t *ledger, const char *role, const char *label, int sentences,
                         const char *indent)
{
    const json_t *list = json_object_get(ledger, role);
    size_t n = json_array_size(list);
    if (!n)
        return;
    if (sentences) {
        /* Each claim with its sentence; the same words again in other reports (copies of one
         * story) are named on one line instead of repeated. */
        fprintf(out, "%s  %s:\n", indent, label);
        for (size_t i = 0; i < n; i++) {
            const json_t *c = json_array_get(list, i);
            int repeated = 0;
            for (size_t k = 0; k < i && !repeated; k++)
                repeated = same_words(json_array_get(list, k), c);
            if (repeated)
                continue;
            char who[512];
            fprintf(out, "%s    %s%s — %s, %s (%s #%lld)\n", indent, ledger_claimant(c, who, sizeof who),
                    json_is_true(json_object_get(c, "anonymous")) ? " [anonymous]" : "",
                    ledger_text_or(c, "said_on", "undated"),
                    ledger_text_or(c, "publisher", "unknown publisher"), ledger_text(c, "doc"),
                    (long long)json_integer_value(json_object_get(c, "sentence")));
            if (*ledger_text(c, "text"))
                fprintf(out, "%s        \"%s\"\n", indent, ledger_text(c, "text"));
            int copies = 0;
            for (size_t k = i + 1; k < n; k++) {
                const json_t *d = json_array_get(list, k);
                if (!same_words(c, d))
                    continue;
                if (copies++ == 0)
                    fprintf(out, "%s        the same words in", indent);
                fprintf(out, "%s %s #%lld", copies > 1 ? "," : "", ledger_text(d, "doc"),
                        (long long)json_integer_value(json_object_get(d, "sentence")));
            }
            if (copies)
                fputc('\n', out);
        }
        return;
    }
    /* Compact: each speaker once, with the first day they said so. */
    fprintf(out, "%s  %-11s", indent, label);
    int first = 1;
    for (size_t i = 0; i < n; i++) {
        const json_t *c = json_array_get(list, i);
        int seen = 0;
        for (size_t k = 0; k < i && !seen; k++)
            seen = same_speaker(json_array_get(list, k), c);
        if (seen)
            continue;
        char who[512];
        fprintf(out, "%s%s%s (%s)", first ? " " : "; ", ledger_claimant(c, who, sizeof who),
                json_is_true(json_object_get(c, "anonymous")) ? " [anon.]" : "",
                ledger_text_or(c, "said_on", "undated"));
        first = 0;
    }
    fputc('\n', out);
}

/* An incident's date as precise as it is known: "2026-01-20", "2025-12", "2025"; a date the
 * text only placed loosely ("recently", "in the past") or not at all (the report's date stands
 * in) is said so, not printed as if it were a day. */
static const char *incident_date(const json_t *inc, char *buf, size_t size)
{
    const char *date = ledger_text(inc, "date"), *precision = ledger_text(inc, "date_precision");
    if (strlen(date) < 10)
        return *date ? date : "undated";
    if (!strcmp(precision, "month") || !strcmp(precision, "part_of_year"))
        snprintf(buf, size, "%.7s", date);
    else if (!strcmp(precision, "year"))
        snprintf(buf, size, "%.4s", date);
    else if (!strcmp(precision, "approximate"))
        snprintf(buf, size, "after %s", date);
    else if (!strcmp(precision, "publication"))
        snprintf(buf, size, "by %s", date);
    else
        snprintf(buf, size, "%s", date);
    return buf;
}

void ledger_print_incident(FILE *out, const json_t *inc, int sentences, const char *indent)
{
    char source[256], target[256], date[32];
    ledger_actor_label(json_object_get(inc, "source"), source, sizeof source);
    ledger_actor_label(json_object_get(inc, "target"), target, sizeof target);
    fprintf(out, "%s%s  %s  %s %s (%s, %s): %s -> %s\n", indent, ledger_text(inc, "id"),
            incident_date(inc, date, sizeof date), ledger_text(inc, "cameo"), ledger_text(inc, "event"),
            ledger_text(inc, "mode"), ledger_text(inc, "stance"), source, target);
    const json_t *place = json_object_get(inc, "place");
    char when[32] = "";
    if (*ledger_text(inc, "first_reported"))
        snprintf(when, sizeof when, " %s..%s", ledger_text(inc, "first_reported"), ledger_text(inc, "last_reported"));
    fprintf(out, "%s  reported%s in %lld documents by %lld independent source%s", indent, when,
            (long long)json_integer_value(json_object_get(inc, "documents")),
            (long long)json_integer_value(json_object_get(inc, "independent_sources")),
            json_integer_value(json_object_get(inc, "independent_sources")) == 1 ? "" : "s");
    if (json_is_object(place))
        fprintf(out, "; place %s", ledger_text_or(place, "name", ledger_text(place, "country")));
    fputc('\n', out);
    /* Who reported it, by independent source: "Meridian News Agency (3 documents, 2 copies)". */
    const json_t *reported = json_object_get(inc, "reported_by");
    size_t n_reported = json_array_size(reported);
    if (n_reported) {
        fprintf(out, "%s  sources    ", indent);
        int first = 1;
        for (size_t i = 0; i < n_reported; i++) {
            const char *origin = ledger_text(json_array_get(reported, i), "counts_as");
            int seen = 0;
            for (size_t k = 0; k < i && !seen; k++)
                seen = !strcmp(ledger_text(json_array_get(reported, k), "counts_as"), origin);
            if (seen)
                continue;
            size_t docs = 0, copies = 0;
            for (size_t k = i; k < n_reported; k++) {
                const json_t *p = json_array_get(reported, k);
                if (strcmp(ledger_text(p, "counts_as"), origin) != 0)
                    continue;
                docs++;
                copies += json_is_true(json_object_get(p, "copy"));
            }
            const char *name = strncmp(origin, "body:", 5) ? origin : ledger_text(json_array_get(reported, i), "doc");
            fprintf(out, "%s%s", first ? " " : "; ", name);
            if (docs > 1 && copies)
                fprintf(out, " (%zu documents, %zu copies of one story)", docs, copies);
            else if (docs > 1)
                fprintf(out, " (%zu documents)", docs);
            first = 0;
        }
        fputc('\n', out);
    }
    const json_t *ledger = json_object_get(inc, "ledger");
    if (json_is_object(ledger)) {
        print_claims(out, ledger, "alleges", "alleged by", sentences, indent);
        print_claims(out, ledger, "confirms", "confirmed by", sentences, indent);
        print_claims(out, ledger, "denies", "denied by", sentences, indent);
        print_claims(out, ledger, "no_comment", "no comment", sentences, indent);
    }
    const json_t *evidence = json_object_get(inc, "evidence");
    if (sentences && json_array_size(evidence)) {
        fprintf(out, "%s  evidence:\n", indent);
        size_t n = json_array_size(evidence);
        for (size_t i = 0; i < n; i++) {
            const json_t *e = json_array_get(evidence, i);
            int repeated = 0;
            for (size_t k = 0; k < i && !repeated; k++)
                repeated = !strcmp(ledger_text(json_array_get(evidence, k), "text"), ledger_text(e, "text"));
            if (repeated)
                continue;
            fprintf(out, "%s    %s #%lld (%s, %s): \"%s\"", indent, ledger_text(e, "doc"),
                    (long long)json_integer_value(json_object_get(e, "sentence")),
                    ledger_text_or(e, "publisher", "unknown publisher"), ledger_text(e, "published"),
                    ledger_text(e, "text"));
            /* the same sentence in copies of the story */
            int copies = 0;
            for (size_t k = i + 1; k < n; k++) {
                const json_t *d = json_array_get(evidence, k);
                if (strcmp(ledger_text(d, "text"), ledger_text(e, "text")))
                    continue;
                fprintf(out, "%s %s #%lld", copies++ ? "," : " — also", ledger_text(d, "doc"),
                        (long long)json_integer_value(json_object_get(d, "sentence")));
            }
            fputc('\n', out);
        }
    }
}
