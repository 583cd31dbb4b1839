/* The JSON form of an event record (event.h), with jansson: the fields of MISSION.md's event
 * record, in that order, plus "plover", "date_end" and, with explain, the rule and path. */
#include "code/event.h"
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/error.h"

static json_t *actor_json(const vg_actor *a)
{
    if (!a)
        return json_null();
    json_t *o = json_object();
    if (!o)
        return NULL;
    json_object_set_new(o, "text", a->text ? json_string(a->text) : json_null());
    json_object_set_new(o, "code", a->code ? json_string(a->code) : json_null());
    json_object_set_new(o, "name", a->name ? json_string(a->name) : json_null());
    if (a->role)
        json_object_set_new(o, "role", json_string(a->role));
    if (a->host)
        json_object_set_new(o, "host", json_string(a->host));
    if (a->anonymous)
        json_object_set_new(o, "anonymous", json_true());
    if (a->resolved)
        json_object_set_new(o, "resolved", json_true());
    return o;
}

static json_t *date_json(int32_t d)
{
    if (!d)
        return json_null();
    char buf[16];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", (int)(d / 10000), (int)(d / 100 % 100), (int)(d % 100));
    return json_string(buf);
}

int vg_event_write_json(FILE *out, const char *doc, const vg_event *e, int explain)
{
    json_t *o = json_object();
    if (!o)
        return VG_ENOMEM;
    json_object_set_new(o, "doc", json_string(doc ? doc : ""));
    json_object_set_new(o, "sentence", json_integer(e->sentence));
    json_object_set_new(o, "text", json_string(e->text ? e->text : ""));
    json_object_set_new(o, "source", actor_json(e->source));
    json_object_set_new(o, "target", actor_json(e->target));
    json_object_set_new(o, "cameo", json_string(e->cameo->code));
    json_object_set_new(o, "cameo_name", json_string(e->cameo->name));
    json_object_set_new(o, "plover", json_string(vg_plover_name(e->cameo->plover)));
    json_object_set_new(o, "mode", json_string(vg_event_mode_name(e->mode)));
    json_object_set_new(o, "negated", json_boolean(e->negated));
    json_object_set_new(o, "stance", json_string(vg_stance_name(e->stance)));
    json_t *by = json_array();
    for (uint32_t i = 0; i < e->n_attributed; i++)
        json_array_append_new(by, actor_json(&e->attributed_to[i]));
    json_object_set_new(o, "attributed_to", by);
    json_object_set_new(o, "date", date_json(e->date));
    if (e->date_end && e->date_end != e->date)
        json_object_set_new(o, "date_end", date_json(e->date_end));
    json_object_set_new(o, "date_precision", json_string(vg_date_precision_name(e->date_precision)));
    if (e->date_text)
        json_object_set_new(o, "date_text", json_string(e->date_text));
    if (e->place_name || e->place_country) {
        json_t *pl = json_object();
        json_object_set_new(pl, "name", e->place_name ? json_string(e->place_name) : json_null());
        json_object_set_new(pl, "country", e->place_country ? json_string(e->place_country) : json_null());
        json_object_set_new(o, "place", pl);
    } else {
        json_object_set_new(o, "place", json_null());
    }
    char rule[512];
    if (e->rule) {
        /* The file's name only: the record stays the same wherever the data folder is. */
        const char *file = e->rule->file ? e->rule->file : "?";
        const char *slash = strrchr(file, '/');
        snprintf(rule, sizeof rule, "%s:%u %s", slash ? slash + 1 : file, (unsigned)e->rule->line,
                 e->rule->text ? e->rule->text : "");
    }
    else
        snprintf(rule, sizeof rule, "-");
    json_object_set_new(o, "rule", json_string(rule));
    json_t *span = json_array();
    json_array_append_new(span, json_integer(e->start));
    json_array_append_new(span, json_integer(e->end));
    json_object_set_new(o, "span", span);
    if (e->parent >= 0)
        json_object_set_new(o, "parent", json_integer(e->parent));
    if (explain && e->path)
        json_object_set_new(o, "path", json_string(e->path));
    /* Invalid UTF-8 cannot reach here (the reader repairs it), so a failed dump is memory. */
    char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    if (!s)
        return VG_ENOMEM;
    int rc = fputs(s, out) < 0 || fputc('\n', out) == EOF ? VG_EIO : 0;
    free(s);
    return rc;
}
