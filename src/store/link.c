/* Incident linking and the claims ledger: a stored document's events join the incidents that
 * report the same act (or open new ones), and allegations, confirmations, denials and
 * no-comments become ledger entries. The rules, with their reasons: docs/incidents.md. */
#include "store/store_internal.h"
#include "store/threat.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/hash.h"
#include <stdio.h>
#include <string.h>

const char *vg_store_family(const char *cameo)
{
    static const char *const roots[] = {"00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10",
                                        "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"};
    if (!cameo || cameo[0] < '0' || cameo[0] > '2' || cameo[1] < '0' || cameo[1] > '9')
        return "00";
    int root = (cameo[0] - '0') * 10 + (cameo[1] - '0');
    if (root > 20)
        return "00";
    /* Unconventional violence (18: attack, plot, attempt, assassination), conventional force
     * (19) and mass violence (20) are one family: outlets name one attack differently. */
    if (root >= 18)
        return "violence";
    return roots[root];
}

typedef enum claim_kind {
    KIND_ACT = 0,       /* an act: it joins or opens an incident */
    KIND_ALLEGATION,    /* 112x with content: its source alleges the content */
    KIND_DENIAL,        /* 016 */
    KIND_NO_COMMENT,    /* 011 */
    KIND_RESPONSIBILITY,/* 015: claims or acknowledges responsibility, i.e. confirms */
    KIND_STATEMENT      /* other public statements (01x): neither act nor claim */
} claim_kind;

static claim_kind kind_of(const vg_event *e, int has_content)
{
    const char *code = e->cameo->code;
    if (strncmp(code, "112", 3) == 0 && has_content)
        return KIND_ALLEGATION;
    if (strcmp(code, "016") == 0)
        return KIND_DENIAL;
    if (strcmp(code, "011") == 0)
        return KIND_NO_COMMENT;
    if (strcmp(code, "015") == 0)
        return KIND_RESPONSIBILITY;
    if (strncmp(code, "01", 2) == 0)
        return KIND_STATEMENT;
    return KIND_ACT;
}

static const char *nonempty(const char *s)
{
    return s && *s ? s : NULL;
}

/* Where the act happened as far as the report tells: its place, else the country the targeted
 * diplomat is posted to (an attack on the ambassador to Astoria happens in Astoria). */
static const char *place_of(const vg_event *e)
{
    if (nonempty(e->place_country))
        return e->place_country;
    return e->target ? nonempty(e->target->host) : NULL;
}

/* The incidents this document opened or added to, for the summaries at the end. */
typedef struct touched {
    char (*ids)[24];
    unsigned char *is_new;
    size_t n, cap;
} touched;

static int touch(vg_store *store, touched *t, const char *id, int is_new)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->ids[i], id) == 0)
            return 0;
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 8;
        char (*ids)[24] = vg_realloc(t->ids, cap * sizeof *ids);
        if (!ids)
            return vg_error_set(store->err, VG_ENOMEM, "out of memory");
        t->ids = ids;
        unsigned char *flags = vg_realloc(t->is_new, cap);
        if (!flags)
            return vg_error_set(store->err, VG_ENOMEM, "out of memory");
        t->is_new = flags;
        t->cap = cap;
    }
    snprintf(t->ids[t->n], sizeof t->ids[t->n], "%s", id);
    t->is_new[t->n] = (unsigned char)is_new;
    t->n++;
    return 0;
}

/* Whether a code names no one: CAMEO's unidentified armed forces ("gunmen" in Astoria are
 * XASUAF), who may be anyone's. */
static int unidentified(const char *code)
{
    return strlen(code) >= 6 && !strncmp(code + 3, "UAF", 3);
}

/* Source actors agree when their countries (first three letters) do; unidentified ones
 * neither agree nor disagree. */
static int source_compatible(const char *a, const char *b, int *agree)
{
    if (!a || !b || unidentified(a) || unidentified(b))
        return 1;
    if (strncmp(a, b, 3) != 0)
        return 0;
    *agree += 1;
    return 1;
}

/* Targets agree when one code is the other or extends it (ISR and ISRGOV; not ISRGOV and
 * ISRMIL): who was targeted is what tells two acts apart. */
static int target_compatible(const char *a, const char *b, int *agree)
{
    if (!a || !b)
        return 1;
    size_t la = strlen(a), lb = strlen(b);
    if (strncmp(a, b, la < lb ? la : lb) != 0)
        return 0;
    *agree += 1;
    return 1;
}

static const char *column_text(sqlite3_stmt *stmt, int col)
{
    return (const char *)sqlite3_column_text(stmt, col);
}

static void date_text(int32_t ymd, char buf[11])
{
    vg_store_date_format(ymd, buf);
}

static int touched_has(const touched *t, const char *id)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->ids[i], id) == 0)
            return 1;
    return 0;
}

/* Whether an actor's code is only the country of the report's dateline, given to a place or
 * thing the sentence does not place ("wounded two bodyguards" in an ASTORIA story): a guess
 * that tells nothing of whom an act was against. */
static int guessed_country(const vg_actor *a)
{
    return a->resolved && !a->name && a->code && strlen(a->code) == 3;
}

/* The name that tells a target apart: the entity's own, not the words a pronoun or a
 * description was resolved to ("his car" is "Norland's ambassador to Astoria"'s, which is no
 * name and may be worded otherwise elsewhere). */
static const char *target_name(const vg_event *e)
{
    return e->target && !e->target->resolved ? nonempty(e->target->name) : NULL;
}

/* What the act's target is, for telling acts apart: "person", "facility", or "people" for an
 * unnamed class of people ("diplomats", "officials"): a threat against Norland's diplomats is
 * not the threat against its foreign minister, though both target XNLGOV people. NULL when
 * the words do not tell. */
static const char *target_kind(const vg_event *e)
{
    if (!e->target)
        return NULL;
    if (e->target->kind == VG_KIND_PERSON && e->target->anonymous)
        return "people";
    return vg_actor_kind_name((vg_actor_kind)e->target->kind);
}

/* The best incident an act can join, or "" in best. this_doc: the incidents the document
 * being linked has reported so far. */
static int find_incident(vg_store *store, const vg_link_event *le, const char *family, const touched *this_doc,
                         char best[24])
{
    const vg_event *e = le->event;
    const char *src = e->source ? nonempty(e->source->code) : NULL;
    const char *tgt = e->target && !guessed_country(e->target) ? nonempty(e->target->code) : NULL;
    const char *tgt_name = target_name(e);
    const char *tgt_kind = target_kind(e);
    const char *place = place_of(e);
    best[0] = '\0';
    if (!src && !tgt)
        return 0; /* nothing to tell this act from another of its kind */
    char lo[11], hi[11];
    date_text(le->window_lo, lo);
    date_text(le->window_hi, hi);
    int best_score = 0, best_events = 0, rc = 0;
    /* First the incidents on the same target country, then this document's own incidents
     * (which may have no target yet). */
    for (size_t pass = 0; pass <= this_doc->n && !rc; pass++) {
        sqlite3_stmt *stmt;
        if (pass == 0) {
            if (!tgt)
                continue;
            if (!(stmt = vg_store_stmt(store, ST_INCIDENT_CANDIDATES)))
                return VG_EIO;
            char country[4];
            snprintf(country, sizeof country, "%s", tgt);
            vg_store_bind_text(stmt, 1, family);
            vg_store_bind_text(stmt, 2, lo);
            vg_store_bind_text(stmt, 3, hi);
            vg_store_bind_text(stmt, 4, country);
        } else {
            if (!(stmt = vg_store_stmt(store, ST_INCIDENT_BY_ID)))
                return VG_EIO;
            vg_store_bind_text(stmt, 1, this_doc->ids[pass - 1]);
            vg_store_bind_text(stmt, 2, family);
            vg_store_bind_text(stmt, 3, lo);
            vg_store_bind_text(stmt, 4, hi);
        }
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            int source_agrees = 0, target_agrees = 0, score = 0;
            const char *c_id = column_text(stmt, 0);
            const char *c_src = column_text(stmt, 1), *c_tgt = column_text(stmt, 2);
            const char *c_name = column_text(stmt, 3), *c_place = column_text(stmt, 4);
            if (!source_compatible(src, c_src, &source_agrees) || !target_compatible(tgt, c_tgt, &target_agrees))
                continue;
            /* an embassy and an ambassador are two targets, though both are the country's GOV */
            const char *c_kind = column_text(stmt, 8);
            if (tgt_kind && c_kind && strcmp(tgt_kind, c_kind) != 0)
                continue;
            /* Two acts each dated to a day, days apart, are two acts ("arrested on January 19",
             * "charged on Thursday", the 22nd): the days' windows allow for reports that
             * disagree about a date, not for two dates both stated. */
            if (le->precision_rank == 1 && sqlite3_column_int(stmt, 5) == 1 && e->date) {
                int32_t c_date = vg_date_parse_iso(column_text(stmt, 10) ? column_text(stmt, 10) : "");
                long apart = c_date ? vg_date_diff_days(c_date, e->date) : 0;
                if (apart > 1 || apart < -1)
                    continue;
            }
            int same_doc = touched_has(this_doc, c_id);
            int undated = le->precision_rank == 7 || sqlite3_column_int(stmt, 5) == 7;
            /* Who was targeted tells acts apart; without it only the document's own earlier
             * report of the act ("the plot") can be the same, and without dates the source
             * must agree too. */
            if (!target_agrees && !(same_doc && source_agrees))
                continue;
            if (target_agrees && undated && !source_agrees && !same_doc)
                continue;
            score = 4 * (source_agrees + target_agrees) + same_doc;
            if (tgt_name && c_name) {
                if (strcmp(tgt_name, c_name) != 0)
                    continue;
                score += 2;
            }
            if (place && c_place) {
                if (strcmp(place, c_place) != 0)
                    continue;
                score += 1;
            }
            /* equal agreement: the incident more reports have already told of */
            int c_events = sqlite3_column_int(stmt, 9);
            if (score > best_score || (score == best_score && c_events > best_events)) {
                best_score = score;
                best_events = c_events;
                snprintf(best, 24, "%s", c_id);
            }
        }
        if (rc != SQLITE_DONE)
            return vg_store_fail(store, "finding incidents");
        rc = 0;
        sqlite3_reset(stmt);
    }
    return 0;
}

/* The incident of the act that a near copy's event repeats (ST_COPY_EVENT_INCIDENT), or ""
 * in id: a wire story run by several outlets reports the same acts, whatever the linking
 * rules would make of its events one by one (a charge against unnamed men has nothing else
 * to link by). */
static int copy_incident(vg_store *store, const vg_link_document *doc, const vg_link_event *le, char id[24])
{
    id[0] = '\0';
    if (!doc->copy_of)
        return 0;
    const vg_event *e = le->event;
    sqlite3_stmt *stmt = vg_store_stmt(store, ST_COPY_EVENT_INCIDENT);
    if (!stmt)
        return VG_EIO;
    sqlite3_bind_int64(stmt, 1, doc->copy_of);
    vg_store_bind_text(stmt, 2, e->cameo->code);
    vg_store_bind_text(stmt, 3, e->source && e->source->code ? e->source->code : "");
    vg_store_bind_text(stmt, 4, e->target && e->target->code ? e->target->code : "");
    sqlite3_bind_int64(stmt, 5, doc->rowid);
    sqlite3_bind_int(stmt, 6, (int)e->sentence);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW && column_text(stmt, 0))
        snprintf(id, 24, "%s", column_text(stmt, 0));
    else if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return vg_store_fail(store, "finding a copied act's incident");
    sqlite3_reset(stmt);
    return 0;
}

static const char *precision_name(const vg_event *e, int rank)
{
    return rank == 6 && e->date_precision != VG_DATE_PUBLICATION ? "publication"
                                                                 : vg_date_precision_name(e->date_precision);
}

/* Opens an incident for an act. Its id is a hash of the act's place in the store (the
 * document's identity and the event's index), so storing the same documents again in the same
 * order gives the same ids. */
/* Binds, from parameter k on, what an incident takes from an event: source and target (code,
 * name, words), place, date, its precision, the window of dates it may have happened in and
 * what the target's words name (14 parameters). Opening and joining an incident write the
 * same columns. */
static void bind_sides_and_time(sqlite3_stmt *stmt, int k, const vg_link_document *doc, const vg_link_event *le)
{
    const vg_event *e = le->event;
    char date[11], lo[11], hi[11];
    date_text(e->date ? e->date : (le->precision_rank == 6 ? doc->pubdate : 0), date);
    date_text(le->window_lo, lo);
    date_text(le->window_hi, hi);
    const vg_actor *sides[2] = { e->source, e->target };
    for (int s = 0; s < 2; s++, k += 3)
        if (sides[s]) {
            /* a dateline's guess is no incident's target: later reports would match it */
            if (s == 1 && guessed_country(sides[s])) {
                vg_store_bind_text(stmt, k + 2, nonempty(sides[s]->text));
                continue;
            }
            vg_store_bind_text(stmt, k, nonempty(sides[s]->code));
            vg_store_bind_text(stmt, k + 1, s == 1 ? target_name(e) : nonempty(sides[s]->name));
            vg_store_bind_text(stmt, k + 2, nonempty(sides[s]->text));
        }
    vg_store_bind_text(stmt, k, nonempty(e->place_name));
    vg_store_bind_text(stmt, k + 1, place_of(e));
    vg_store_bind_text(stmt, k + 2, date[0] ? date : NULL);
    vg_store_bind_text(stmt, k + 3, precision_name(e, le->precision_rank));
    sqlite3_bind_int(stmt, k + 4, le->precision_rank);
    vg_store_bind_text(stmt, k + 5, lo);
    vg_store_bind_text(stmt, k + 6, hi);
    vg_store_bind_text(stmt, k + 7, target_kind(e));
}

static int open_incident(vg_store *store, const vg_link_document *doc, const vg_link_event *le, size_t index,
                         const char *family, char id[24])
{
    const vg_event *e = le->event;
    char key[128];
    int len = snprintf(key, sizeof key, "%s|%s|%zu", doc->body_hash, doc->publisher, index);
    uint64_t h = vg_hash_bytes(key, (size_t)len, 0x696e636964656e74ULL);
    snprintf(id, 24, "inc-%016llx", (unsigned long long)h);
    sqlite3_stmt *stmt = vg_store_stmt(store, ST_INCIDENT_INSERT);
    if (!stmt)
        return VG_EIO;
    vg_store_bind_text(stmt, 1, id);
    vg_store_bind_text(stmt, 2, family);
    vg_store_bind_text(stmt, 3, e->cameo->code);
    sqlite3_bind_int(stmt, 4, e->cameo->severity);
    vg_store_bind_text(stmt, 5, vg_event_mode_name(e->mode));
    vg_store_bind_text(stmt, 6, vg_stance_name(e->stance));
    bind_sides_and_time(stmt, 7, doc, le);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_CONSTRAINT) /* the same hash twice: vanishingly rare; salt the index */
        return vg_error_set(store->err, VG_EIO, "store: incident id %s is taken", id);
    if (rc != SQLITE_DONE)
        return vg_store_fail(store, "opening an incident");
    sqlite3_reset(stmt);
    return 0;
}

static int join_incident(vg_store *store, const vg_link_document *doc, const vg_link_event *le, const char *id)
{
    sqlite3_stmt *stmt = vg_store_stmt(store, ST_INCIDENT_UPDATE_LINK);
    if (!stmt)
        return VG_EIO;
    vg_store_bind_text(stmt, 1, id);
    bind_sides_and_time(stmt, 2, doc, le);
    if (sqlite3_step(stmt) != SQLITE_DONE)
        return vg_store_fail(store, "adding to an incident");
    sqlite3_reset(stmt);
    return 0;
}

static int set_event_incident(vg_store *store, vg_link_event *le, const char *id, const char *link)
{
    sqlite3_stmt *stmt = vg_store_stmt(store, ST_EVENT_SET_INCIDENT);
    if (!stmt)
        return VG_EIO;
    sqlite3_bind_int64(stmt, 1, le->rowid);
    vg_store_bind_text(stmt, 2, id);
    vg_store_bind_text(stmt, 3, link);
    if (sqlite3_step(stmt) != SQLITE_DONE)
        return vg_store_fail(store, "linking an event");
    sqlite3_reset(stmt);
    snprintf(le->incident, sizeof le->incident, "%s", id);
    return 0;
}

static int add_incident_actor(vg_store *store, const char *id, const char *role, const vg_actor *a)
{
    if (!a || (!nonempty(a->code) && !nonempty(a->name) && !nonempty(a->text)))
        return 0;
    sqlite3_stmt *stmt = vg_store_stmt(store, ST_INCIDENT_ACTOR_INSERT);
    if (!stmt)
        return VG_EIO;
    vg_store_bind_text(stmt, 1, id);
    vg_store_bind_text(stmt, 2, role);
    vg_store_bind_text(stmt, 3, a->code ? a->code : "");
    vg_store_bind_text(stmt, 4, a->name ? a->name : "");
    vg_store_bind_text(stmt, 5, a->text ? a->text : "");
    vg_store_bind_text(stmt, 6, a->host ? a->host : "");
    if (sqlite3_step(stmt) != SQLITE_DONE)
        return vg_store_fail(store, "recording an incident's actor");
    sqlite3_reset(stmt);
    return 0;
}

/* One ledger entry: actor says (role) of incident id, in event le's sentence. */
static int add_claim(vg_store *store, const vg_link_document *doc, const char *id, const char *role,
                     const vg_actor *actor, const vg_link_event *le, vg_store_result *result)
{
    if (!actor || (!nonempty(actor->text) && !nonempty(actor->code) && !nonempty(actor->name)))
        return 0;
    sqlite3_stmt *stmt = vg_store_stmt(store, ST_CLAIM_INSERT);
    if (!stmt)
        return VG_EIO;
    const char *key = nonempty(actor->name) ? actor->name : nonempty(actor->code);
    vg_store_bind_text(stmt, 1, id);
    vg_store_bind_text(stmt, 2, role);
    vg_store_bind_text(stmt, 3, key);
    vg_store_bind_text(stmt, 4, actor->text ? actor->text : "");
    vg_store_bind_text(stmt, 5, nonempty(actor->code));
    vg_store_bind_text(stmt, 6, nonempty(actor->name));
    sqlite3_bind_int(stmt, 7, actor->anonymous ? 1 : 0);
    sqlite3_bind_int64(stmt, 8, le->rowid);
    sqlite3_bind_int64(stmt, 9, doc->rowid);
    sqlite3_bind_int(stmt, 10, (int)le->event->sentence);
    vg_store_bind_text(stmt, 11, doc->said_on);
    vg_store_bind_text(stmt, 12, doc->origin);
    if (sqlite3_step(stmt) != SQLITE_DONE)
        return vg_store_fail(store, "adding to the claims ledger");
    result->claims += (size_t)sqlite3_changes(store->db);
    sqlite3_reset(stmt);
    return 0;
}

/* Mode and stance of an incident: the strongest the reports support (docs/incidents.md). */
static int mode_rank(const char *mode)
{
    static const char *const order[] = {"threatened", "planned", "thwarted", "attempted", "occurred"};
    for (int i = 0; i < 5; i++)
        if (mode && strcmp(mode, order[i]) == 0)
            return i + 1;
    return 0;
}

static int stance_rank(const char *stance, int negated)
{
    if (negated || !stance || strcmp(stance, "denied") == 0)
        return 1;
    if (strcmp(stance, "alleged") == 0)
        return 2;
    return 3;
}

static int summarise(vg_store *store, const char *id)
{
    sqlite3_stmt *stmt = vg_store_stmt(store, ST_INCIDENT_SUMMARY_ACTS);
    if (!stmt)
        return VG_EIO;
    vg_store_bind_text(stmt, 1, id);
    char cameo[8] = "", cameo_name[128] = "", mode[16] = "occurred", any_mode[16] = "occurred";
    int severity = -1, best_mode = 0, best_any_mode = 0, best_stance = 0, n_events = 0, rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        n_events++;
        const char *c = column_text(stmt, 0);
        int sev = sqlite3_column_int(stmt, 1);
        const char *m = column_text(stmt, 2), *s = column_text(stmt, 3);
        int negated = sqlite3_column_int(stmt, 4);
        if (sev > severity) {
            severity = sev;
            snprintf(cameo, sizeof cameo, "%s", c ? c : "");
            snprintf(cameo_name, sizeof cameo_name, "%s", column_text(stmt, 5) ? column_text(stmt, 5) : "");
        }
        int st = stance_rank(s, negated);
        if (st > best_stance)
            best_stance = st;
        int mr = mode_rank(m);
        if (mr > best_any_mode) {
            best_any_mode = mr;
            snprintf(any_mode, sizeof any_mode, "%s", m ? m : "occurred");
        }
        if (st > 1 && mr > best_mode) {
            best_mode = mr;
            snprintf(mode, sizeof mode, "%s", m ? m : "occurred");
        }
    }
    if (rc != SQLITE_DONE)
        return vg_store_fail(store, "summarising an incident");
    sqlite3_reset(stmt);
    if (!best_mode) /* only denied or negated reports: what they deny */
        snprintf(mode, sizeof mode, "%s", any_mode);
    const char *stance = best_stance == 3 ? "asserted" : best_stance == 2 ? "alleged" : "denied";

    if (!(stmt = vg_store_stmt(store, ST_INCIDENT_SUMMARY_DOCS)))
        return VG_EIO;
    vg_store_bind_text(stmt, 1, id);
    if (sqlite3_step(stmt) != SQLITE_ROW)
        return vg_store_fail(store, "summarising an incident");
    int n_documents = sqlite3_column_int(stmt, 0), n_sources = sqlite3_column_int(stmt, 1);
    char first[11] = "", last[11] = "";
    if (column_text(stmt, 2))
        snprintf(first, sizeof first, "%s", column_text(stmt, 2));
    if (column_text(stmt, 3))
        snprintf(last, sizeof last, "%s", column_text(stmt, 3));
    sqlite3_reset(stmt);

    if (!(stmt = vg_store_stmt(store, ST_INCIDENT_SUMMARY_CLAIMS)))
        return VG_EIO;
    vg_store_bind_text(stmt, 1, id);
    if (sqlite3_step(stmt) != SQLITE_ROW)
        return vg_store_fail(store, "summarising an incident");
    int n_claims = sqlite3_column_int(stmt, 0);
    sqlite3_reset(stmt);

    if (severity < 0)
        severity = 0;
    double weight = vg_threat_incident_weight(severity, vg_threat_mode_parse(mode),
                                              vg_threat_stance_parse(stance), n_sources);
    if (!(stmt = vg_store_stmt(store, ST_INCIDENT_UPDATE_SUMMARY)))
        return VG_EIO;
    vg_store_bind_text(stmt, 1, id);
    vg_store_bind_text(stmt, 2, cameo);
    sqlite3_bind_int(stmt, 3, severity);
    vg_store_bind_text(stmt, 4, mode);
    vg_store_bind_text(stmt, 5, stance);
    sqlite3_bind_int(stmt, 6, n_events);
    sqlite3_bind_int(stmt, 7, n_documents);
    sqlite3_bind_int(stmt, 8, n_sources);
    vg_store_bind_text(stmt, 9, first[0] ? first : NULL);
    vg_store_bind_text(stmt, 10, last[0] ? last : NULL);
    sqlite3_bind_int(stmt, 11, n_claims);
    sqlite3_bind_double(stmt, 12, weight);
    vg_store_bind_text(stmt, 13, cameo_name[0] ? cameo_name : NULL);
    if (sqlite3_step(stmt) != SQLITE_DONE)
        return vg_store_fail(store, "summarising an incident");
    sqlite3_reset(stmt);
    return 0;
}

/* The incident a claim without content of its own is about. A claim whose target the coder
 * knows answers that actor ("declined to comment on the charges": the prosecutors who brought
 * them), so first the nearest act by it, before the claim, else after. Otherwise denials and
 * no-comments answer allegations: the nearest act before the claim that is alleged (or
 * already denied), else the first such act after it; failing those, the nearest act before
 * it, else after it. */
static int contested(const vg_link_event *le)
{
    return le->event->stance != VG_STANCE_ASSERTED;
}

static int by_answered(const vg_link_event *act, const vg_event *claim)
{
    const vg_actor *s = act->event->source, *t = claim->target;
    return s && t && s->code && t->code && !strcmp(s->code, t->code);
}

static const char *main_act(const vg_link_event *events, const unsigned char *kinds, size_t n, size_t i)
{
    const vg_event *claim = events[i].event;
    for (int pass = 0; pass < 3; pass++) {
        for (size_t k = i; k-- > 0;)
            if (kinds[k] == KIND_ACT && events[k].incident[0] &&
                (pass == 2 || (pass == 1 ? contested(&events[k]) : by_answered(&events[k], claim))))
                return events[k].incident;
        for (size_t k = i + 1; k < n; k++)
            if (kinds[k] == KIND_ACT && events[k].incident[0] &&
                (pass == 2 || (pass == 1 ? contested(&events[k]) : by_answered(&events[k], claim))))
                return events[k].incident;
    }
    return NULL;
}

/* Who makes a claim: its source, unless that is a pronoun and the sentence names the speaker
 * ("it declined to comment, Iran's mission said"). */
static const vg_actor *claimant(const vg_event *e)
{
    if (e->source && !(e->source->resolved && e->n_attributed))
        return e->source;
    return e->n_attributed ? &e->attributed_to[0] : e->source;
}

/* Whether events i and k are an accusation or denial and its content: the coder links them
 * through `parent`, from the content to the claim or from a derived claim to its content. */
static int related(const vg_link_event *events, size_t n, size_t i, size_t k)
{
    int32_t pk = events[k].event->parent, pi = events[i].event->parent;
    return (pk >= 0 && (size_t)pk == i) || (pi >= 0 && (size_t)pi == k && k < n);
}

int vg_store_link(vg_store *store, const vg_link_document *doc, vg_link_event *events, size_t n,
                  vg_store_result *result)
{
    if (n == 0)
        return 0;
    int rc = 0;
    touched t = {0};
    unsigned char *has_content = vg_calloc(n, 1), *kinds = vg_calloc(n, 1);
    if (!has_content || !kinds) {
        rc = vg_error_set(store->err, VG_ENOMEM, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        int32_t p = events[i].event->parent;
        if (p >= 0 && (size_t)p < n && (size_t)p != i) {
            has_content[p] = 1;
            has_content[i] = 1;
        }
    }
    for (size_t i = 0; i < n; i++)
        kinds[i] = (unsigned char)kind_of(events[i].event, has_content[i]);

    /* 1. Acts join or open incidents, in the order the document reports them. */
    for (size_t i = 0; i < n && !rc; i++) {
        if (kinds[i] != KIND_ACT)
            continue;
        vg_link_event *le = &events[i];
        const char *family = vg_store_family(le->event->cameo->code);
        char id[24];
        int is_new = 0;
        if ((rc = copy_incident(store, doc, le, id)))
            break;
        if (!id[0] && (rc = find_incident(store, le, family, &t, id)))
            break;
        if (id[0]) {
            rc = join_incident(store, doc, le, id);
        } else {
            rc = open_incident(store, doc, le, i, family, id);
            is_new = 1;
        }
        if (!rc)
            rc = set_event_incident(store, le, id, "act");
        if (!rc)
            rc = touch(store, &t, id, is_new);
        if (!rc)
            rc = add_incident_actor(store, id, "source", le->event->source);
        if (!rc)
            rc = add_incident_actor(store, id, "target", le->event->target);
    }

    /* 2. What each act's speakers say of it: attributed allegations, confirmations, denials. */
    for (size_t i = 0; i < n && !rc; i++) {
        if (kinds[i] != KIND_ACT || !events[i].incident[0])
            continue;
        const vg_event *e = events[i].event;
        int32_t p = e->parent;
        int parent_denies = p >= 0 && (size_t)p < n && kinds[p] == KIND_DENIAL;
        const char *role = e->stance == VG_STANCE_DENIED || e->negated ? "denies"
                           : e->stance == VG_STANCE_ALLEGED            ? "alleges"
                                                                       : "confirms";
        for (uint32_t k = 0; k < e->n_attributed && !rc; k++)
            rc = add_claim(store, doc, events[i].incident, role, &e->attributed_to[k], &events[i], result);
        /* "Iran denied plotting against him": the actor denies its own act. */
        if (!rc && e->stance == VG_STANCE_DENIED && !e->n_attributed && !parent_denies)
            rc = add_claim(store, doc, events[i].incident, "denies", e->source, &events[i], result);
    }

    /* 3. Claims about acts: accusations, denials, no-comments, claims of responsibility. */
    for (size_t i = 0; i < n && !rc; i++) {
        claim_kind kind = (claim_kind)kinds[i];
        if (kind == KIND_ACT || kind == KIND_STATEMENT)
            continue;
        const char *role = kind == KIND_ALLEGATION ? "alleges"
                           : kind == KIND_DENIAL   ? "denies"
                           : kind == KIND_NO_COMMENT ? "no_comment"
                                                     : "confirms";
        const vg_actor *who = claimant(events[i].event);
        const char *about = NULL;
        /* Its content: the acts it is linked to. */
        for (size_t k = 0; k < n && !rc; k++) {
            if (k == i || kinds[k] != KIND_ACT || !events[k].incident[0] || !related(events, n, i, k))
                continue;
            about = events[k].incident;
            rc = add_claim(store, doc, about, role, who, &events[i], result);
            if (!rc)
                rc = touch(store, &t, about, 0);
        }
        if (rc)
            break;
        if (!about && kind != KIND_ALLEGATION) {
            about = main_act(events, kinds, n, i);
            if (about) {
                rc = add_claim(store, doc, about, role, who, &events[i], result);
                if (!rc)
                    rc = touch(store, &t, about, 0);
            }
        }
        if (!rc && about)
            rc = set_event_incident(store, &events[i], about, "claim");
    }

    /* 4. The incidents' summaries (severity, mode, stance, documents, sources, weight). */
    for (size_t i = 0; i < t.n && !rc; i++) {
        rc = summarise(store, t.ids[i]);
        if (t.is_new[i])
            result->incidents_new++;
        else
            result->incidents_linked++;
    }
out:
    vg_free(has_content);
    vg_free(kinds);
    vg_free(t.ids);
    vg_free(t.is_new);
    return rc;
}
