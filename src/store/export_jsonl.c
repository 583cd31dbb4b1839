/* vigil export --format jsonl: each stored event as the event record, plus where it sits. */
#include "store/export_jsonl.h"
#include <inttypes.h>
#include <jansson.h>
#include <string.h>

typedef struct jsonl_state {
    FILE *out;
    vg_error *err;
    json_t *attributed;   /* the current event's attributions, filled by add_attribution */
} jsonl_state;

static json_t *str_or_null(const char *s)
{
    return s && *s ? json_string(s) : json_null();
}

static json_t *actor(const char *text, const char *code, const char *name)
{
    if (!text && !code && !name)
        return json_null();
    json_t *a = json_object();
    json_object_set_new(a, "text", str_or_null(text));
    json_object_set_new(a, "code", str_or_null(code));
    json_object_set_new(a, "name", str_or_null(name));
    return a;
}

static int add_attribution(void *context, const vg_export_attribution *at)
{
    jsonl_state *s = context;
    json_t *a = actor(at->text, at->code, at->name);
    if (json_is_object(a))
        json_object_set_new(a, "anonymous", json_boolean(at->anonymous));
    json_array_append_new(s->attributed, a);
    return 0;
}

static int write_event(void *context, vg_export_walk *walk, const vg_export_event *e)
{
    jsonl_state *s = context;
    json_t *o = json_object();
    char id[24];
    snprintf(id, sizeof id, "%" PRIu64, e->id);
    json_object_set_new(o, "id", json_string(id));
    json_object_set_new(o, "doc", str_or_null(e->doc_id));
    json_object_set_new(o, "sentence", json_integer(e->sentence));
    json_object_set_new(o, "text", str_or_null(e->text));
    json_t *source = actor(e->source_text, e->source_code, e->source_name);
    if (json_is_object(source) && e->source_anonymous)
        json_object_set_new(source, "anonymous", json_true());
    json_object_set_new(o, "source", source);
    json_t *target = actor(e->target_text, e->target_code, e->target_name);
    if (json_is_object(target) && e->target_host && *e->target_host)
        json_object_set_new(target, "host", json_string(e->target_host));
    json_object_set_new(o, "target", target);
    json_object_set_new(o, "cameo", str_or_null(e->cameo));
    json_object_set_new(o, "cameo_name", str_or_null(e->cameo_name));
    json_object_set_new(o, "plover", str_or_null(e->plover));
    json_object_set_new(o, "mode", str_or_null(e->mode));
    json_object_set_new(o, "negated", json_boolean(e->negated));
    json_object_set_new(o, "stance", str_or_null(e->stance));
    s->attributed = json_array();
    int rc = vg_export_attributions(walk, e, add_attribution, s);
    json_object_set_new(o, "attributed_to", s->attributed);
    json_object_set_new(o, "date", str_or_null(e->date));
    json_object_set_new(o, "date_end", str_or_null(e->date_end));
    json_object_set_new(o, "date_precision", str_or_null(e->date_precision));
    json_object_set_new(o, "date_text", str_or_null(e->date_text));
    if (e->place_name || e->place_country) {
        json_t *place = json_object();
        json_object_set_new(place, "name", str_or_null(e->place_name));
        json_object_set_new(place, "country", str_or_null(e->place_country));
        json_object_set_new(o, "place", place);
    } else {
        json_object_set_new(o, "place", json_null());
    }
    if (e->rule_file) {
        char rule[1024];
        snprintf(rule, sizeof rule, "%s:%d %s", e->rule_file, e->rule_line, e->rule_text ? e->rule_text : "");
        json_object_set_new(o, "rule", json_string(rule));
    } else {
        json_object_set_new(o, "rule", json_null());
    }
    json_object_set_new(o, "span", json_pack("[ii]", e->span_start, e->span_end));
    if (e->parent_idx >= 0)
        json_object_set_new(o, "parent", json_integer(e->parent_idx));
    if (e->path && *e->path)
        json_object_set_new(o, "path", json_string(e->path));
    json_object_set_new(o, "index", json_integer(e->idx));
    json_object_set_new(o, "incident", str_or_null(e->incident));
    json_object_set_new(o, "link", str_or_null(e->link));
    json_t *d = json_object();
    json_object_set_new(d, "id", str_or_null(e->doc_id));
    json_object_set_new(d, "title", str_or_null(e->title));
    json_object_set_new(d, "url", str_or_null(e->url));
    json_object_set_new(d, "publisher", str_or_null(e->publisher));
    json_object_set_new(d, "origin", str_or_null(e->origin));
    json_object_set_new(d, "date", str_or_null(e->pubdate));
    json_object_set_new(d, "copy", json_boolean(e->copy_of_rowid != 0));
    json_object_set_new(o, "document", d);
    if (!rc) {
        if (json_dumpf(o, s->out, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6)) ||
            fputc('\n', s->out) == EOF)
            rc = vg_error_set(s->err, VG_EIO, "cannot write the output");
    }
    json_decref(o);
    return rc;
}

int vg_export_jsonl(vg_store *store, const vg_export_options *options, FILE *out, vg_error *err)
{
    jsonl_state s = {out, err, NULL};
    return vg_export_events_each(store, options, write_event, &s, err);
}
