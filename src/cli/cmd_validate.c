/* vigil validate: runs PETRARCH validation records (their text only, parsed by vigil) through the
 * PETRARCH-format coder and compares the coded (source, target, code) triples with the expected. */
#include "cli/commands.h"
#include "cli/options.h"
#include "code/cameo.h"
#include "code/petrarch.h"
#include "parse/parser.h"
#include "tag/tagger.h"
#include "text/segment.h"
#include "util/alloc.h"
#include "vigil.h"
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: vigil validate [options] FILE.xml\n"
    "\n"
    "Runs PETRARCH validation records: each <Sentence>'s <Text> (any given parse is ignored) is\n"
    "split, tagged and parsed by vigil and coded with the PETRARCH-format dictionaries named in\n"
    "the file's <Environment> (Verbfile, Actorfile, Agentfile, Discardfile, PICOfile), at the\n"
    "record's date.\n"
    "A record passes when its set of (source, target, event code) triples equals the expected set\n"
    "(<EventCoding noevents=\"True\"/> expects none). Records with evaluate=\"false\" or whose\n"
    "category is not in <Include> are skipped. Prints each record, a summary per category and,\n"
    "last, 'N passed, M failed'.\n"
    "\n"
    "options:\n"
    "  --dicts DIR       where the dictionaries are (default: the folder of FILE.xml)\n"
    "  --models DIR      model folder (default: $VIGIL_MODELS or the built-in data/models)\n"
    "  --codebook FILE   CAMEO codebook (default: cameo/codes.txt of $VIGIL_DATA or the built-in data/)\n"
    "  --verbose         also print each record's text and the rule behind each coded triple\n"
    "  --failures        print only the records that fail (and the summary)\n";

#define MAX_TRIPLES 64
#define MAX_CATEGORIES 64

typedef struct triple {
    char source[64], target[64], code[16];
} triple;

typedef struct category {
    char name[64];
    int passed, failed;
} category;

static char *prop(xmlNode *node, const char *name)
{
    return (char *)xmlGetProp(node, (const xmlChar *)name);
}

static xmlNode *child(xmlNode *node, const char *name)
{
    for (xmlNode *c = node ? node->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name))
            return c;
    return NULL;
}

/* The text of an element with every run of white space made one blank. */
static char *text_of(xmlNode *node)
{
    xmlChar *raw = xmlNodeGetContent(node);
    if (!raw)
        return NULL;
    char *s = (char *)raw, *out = s;
    for (char *p = s; *p; p++) {
        int blank = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
        if (blank) {
            if (out != s && out[-1] != ' ')
                *out++ = ' ';
        } else {
            *out++ = *p;
        }
    }
    while (out > s && out[-1] == ' ')
        out--;
    *out = '\0';
    return s;
}

static int triple_cmp(const void *a, const void *b)
{
    const triple *x = a, *y = b;
    int r = strcmp(x->source, y->source);
    if (!r)
        r = strcmp(x->target, y->target);
    return r ? r : strcmp(x->code, y->code);
}

/* Sorts and removes duplicates; returns the new count. */
static int normalise_set(triple *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, triple_cmp);
    int k = 0;
    for (int i = 0; i < n; i++)
        if (!k || triple_cmp(&t[k - 1], &t[i]))
            t[k++] = t[i];
    return k;
}

static void print_set(const char *label, const triple *t, int n)
{
    printf("  %-9s", label);
    if (!n)
        printf(" (none)");
    for (int i = 0; i < n; i++)
        printf(" (%s, %s, %s)", t[i].source, t[i].target, t[i].code);
    printf("\n");
}

typedef struct runner {
    const vg_tagger *tagger;
    const vg_parser *parser;
    vg_petrarch *petrarch;
    int verbose, failures_only;
    category cats[MAX_CATEGORIES];
    int n_cats;
    int passed, failed, skipped;
    char *rules[MAX_TRIPLES];    /* the rule behind each triple of the record being run */
} runner;

static category *category_of(runner *r, const char *name)
{
    for (int i = 0; i < r->n_cats; i++)
        if (!strcmp(r->cats[i].name, name))
            return &r->cats[i];
    if (r->n_cats == MAX_CATEGORIES)
        return NULL;
    category *c = &r->cats[r->n_cats++];
    memset(c, 0, sizeof *c);
    snprintf(c->name, sizeof c->name, "%s", name);
    return c;
}

static int included(const char *include, const char *cat)
{
    if (!include)
        return 1;
    size_t n = strlen(cat);
    for (const char *p = include; *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        const char *start = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n')
            p++;
        if ((size_t)(p - start) == n && n && !strncmp(start, cat, n))
            return 1;
    }
    return 0;
}

/* Codes one record's text; fills coded. Returns the count, or -1 on error. */
static int code_text(runner *r, const char *text, int32_t date, triple *coded, char ***rules, vg_error *err)
{
    vg_arena arena;
    vg_arena_init(&arena, 0);
    vg_sentence *sentences = NULL;
    size_t n_sentences = 0;
    int n = 0;
    if (vg_segment(text, strlen(text), &arena, &sentences, &n_sentences, err)) {
        vg_arena_free(&arena);
        return -1;
    }
    char **rule_store = r->rules;
    for (int i = 0; i < MAX_TRIPLES; i++) {
        free(rule_store[i]);
        rule_store[i] = NULL;
    }
    for (size_t i = 0; i < n_sentences; i++) {
        vg_sentence *s = &sentences[i];
        if (vg_tagger_tag(r->tagger, s, &arena) || vg_parser_parse(r->parser, s)) {
            vg_error_set(err, VG_ENOMEM, "tagging or parsing failed");
            n = -1;
            break;
        }
        vg_event *events;
        size_t n_events;
        if (vg_petrarch_code_sentence(r->petrarch, s, (uint32_t)(i + 1), date, &arena, &events, &n_events)) {
            vg_error_set(err, VG_ENOMEM, "out of memory while coding");
            n = -1;
            break;
        }
        for (size_t k = 0; k < n_events && n < MAX_TRIPLES; k++) {
            triple *t = &coded[n];
            snprintf(t->source, sizeof t->source, "%s", events[k].source ? events[k].source->code : "---");
            snprintf(t->target, sizeof t->target, "%s", events[k].target ? events[k].target->code : "---");
            snprintf(t->code, sizeof t->code, "%s", events[k].cameo->code);
            if (events[k].path) {
                size_t len = strlen(t->source) + strlen(t->target) + strlen(events[k].path) + 32;
                rule_store[n] = malloc(len);
                if (rule_store[n])
                    snprintf(rule_store[n], len, "(%s, %s, %s) <- %s", t->source, t->target, t->code, events[k].path);
            }
            n++;
        }
    }
    *rules = rule_store;
    vg_arena_free(&arena);
    return n;
}

static int run_record(runner *r, xmlNode *sentence, const char *include, vg_error *err)
{
    /* <Config> options hold from their record on, as in PETRARCH */
    for (xmlNode *c = sentence->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "Config")) {
            char *option = prop(c, "option"), *value = prop(c, "value");
            if (option && value)
                vg_petrarch_set_option(r->petrarch, option, value);
            xmlFree(option);
            xmlFree(value);
        }
    char *id = prop(sentence, "id"), *cat = prop(sentence, "category"), *eval = prop(sentence, "evaluate"),
         *date_s = prop(sentence, "date");
    int skip = (eval && !strcmp(eval, "false")) || !included(include, cat ? cat : "");
    int status = 0;
    xmlNode *text_node = child(sentence, "Text");
    char *text = skip || !text_node ? NULL : text_of(text_node);
    if (skip || !text) {
        r->skipped++;
        goto out;
    }
    triple expected[MAX_TRIPLES], coded[MAX_TRIPLES];
    int n_expected = 0;
    for (xmlNode *c = sentence->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "EventCoding"))
            continue;
        char *code = prop(c, "eventcode"), *src = prop(c, "sourcecode"), *tgt = prop(c, "targetcode");
        if (code && n_expected < MAX_TRIPLES) {
            triple *t = &expected[n_expected++];
            snprintf(t->source, sizeof t->source, "%s", src ? src : "---");
            snprintf(t->target, sizeof t->target, "%s", tgt ? tgt : "---");
            snprintf(t->code, sizeof t->code, "%s", code);
        }
        xmlFree(code);
        xmlFree(src);
        xmlFree(tgt);
    }
    int32_t date = date_s ? (int32_t)strtol(date_s, NULL, 10) : 0;
    char **rules = NULL;
    int n_coded = code_text(r, text, date, coded, &rules, err);
    if (n_coded < 0) {
        fprintf(stderr, "vigil validate: record %s: %s\n", id ? id : "?", err->message);
        status = 1;
        goto out;
    }
    n_expected = normalise_set(expected, n_expected);
    int n_raw = n_coded;
    n_coded = normalise_set(coded, n_coded);
    int pass = n_expected == n_coded;
    for (int i = 0; pass && i < n_expected; i++)
        pass = !triple_cmp(&expected[i], &coded[i]);
    category *c = category_of(r, cat ? cat : "");
    if (c)
        *(pass ? &c->passed : &c->failed) += 1;
    *(pass ? &r->passed : &r->failed) += 1;
    if (!pass || !r->failures_only) {
        printf("%s %s [%s]\n", pass ? "PASS" : "FAIL", id ? id : "?", cat ? cat : "");
        if (r->verbose)
            printf("  text:     %s\n", text);
        print_set("expected:", expected, n_expected);
        print_set("coded:", coded, n_coded);
        if (r->verbose)
            for (int i = 0; i < n_raw; i++)
                if (rules[i])
                    printf("  rule:     %s\n", rules[i]);
    }
out:
    xmlFree(text);
    xmlFree(id);
    xmlFree(cat);
    xmlFree(eval);
    xmlFree(date_s);
    return status;
}

static void find_sentences(xmlNode *node, xmlNode **out, size_t *n, size_t max)
{
    for (xmlNode *c = node; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!strcmp((const char *)c->name, "Sentence")) {
            if (*n < max)
                out[(*n)++] = c;
            continue;
        }
        find_sentences(c->children, out, n, max);
    }
}

static xmlNode *find_element(xmlNode *node, const char *name)
{
    for (xmlNode *c = node; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!strcmp((const char *)c->name, name))
            return c;
        xmlNode *d = find_element(c->children, name);
        if (d)
            return d;
    }
    return NULL;
}

static char *env_path(xmlNode *env, const char *name, const char *dir)
{
    xmlNode *n = child(env, name);
    char *file = n ? text_of(n) : NULL;
    if (!file || !*file) {
        xmlFree(file);
        return NULL;
    }
    size_t len = strlen(dir) + strlen(file) + 2;
    char *path = malloc(len);
    if (path)
        snprintf(path, len, "%s/%s", dir, file);
    xmlFree(file);
    return path;
}

int cmd_validate(int argc, char **argv)
{
    const char *file = NULL, *dicts = NULL, *models = NULL, *codebook = NULL;
    runner r;
    memset(&r, 0, sizeof r);
    const cli_option options[] = {
        {.name = "--verbose", .alias = "-v", .flag = &r.verbose},
        {.name = "--failures", .flag = &r.failures_only},
        {.name = "--dicts", .value = &dicts},
        {.name = "--models", .value = &models},
        {.name = "--codebook", .value = &codebook},
        {0},
    };
    const cli_command command = {"validate", help, options, 1};
    int n_files;
    int rc = cli_options_parse(&command, argc, argv, &n_files);
    if (rc >= 0)
        return rc;
    if (n_files > 1) {
        fprintf(stderr, "vigil validate: one FILE.xml at a time\n");
        return 2;
    }
    if (!n_files) {
        fprintf(stderr, "vigil validate: no FILE.xml (see --help)\n");
        return 2;
    }
    file = argv[1];
    if (!models)
        models = vigil_default_model_dir();
    char dir_buf[4096], codebook_buf[4096], path[4096];
    if (!dicts) {
        snprintf(dir_buf, sizeof dir_buf, "%s", file);
        char *slash = strrchr(dir_buf, '/');
        if (slash)
            *slash = '\0';
        else
            snprintf(dir_buf, sizeof dir_buf, ".");
        dicts = dir_buf;
    }
    if (!codebook) {
        snprintf(codebook_buf, sizeof codebook_buf, "%s/cameo/codes.txt", vigil_default_data_dir());
        codebook = codebook_buf;
    }
    int status = 1;
    vg_error err = {0};
    vg_cameo *cameo = NULL;
    vg_tagger *tagger = NULL;
    vg_parser *parser = NULL;
    char *verbs = NULL, *actors = NULL, *agents = NULL, *discards = NULL, *ontology = NULL, *include = NULL;
    xmlNode **sentences = NULL;
    xmlDoc *doc = xmlReadFile(file, NULL, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc || !xmlDocGetRootElement(doc)) {
        fprintf(stderr, "vigil validate: %s: not a readable XML file\n", file);
        goto out;
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    xmlNode *env = find_element(root, "Environment");
    if (!env) {
        fprintf(stderr, "vigil validate: %s: no <Environment> naming the dictionaries\n", file);
        goto out;
    }
    verbs = env_path(env, "Verbfile", dicts);
    actors = env_path(env, "Actorfile", dicts);
    agents = env_path(env, "Agentfile", dicts);
    discards = env_path(env, "Discardfile", dicts);
    ontology = env_path(env, "PICOfile", dicts);
    xmlNode *inc = child(env, "Include");
    include = inc ? text_of(inc) : NULL;
    if (!verbs || !actors) {
        fprintf(stderr, "vigil validate: %s: <Environment> lacks a <Verbfile> or an <Actorfile>\n", file);
        goto out;
    }
    if (vg_cameo_load(&cameo, codebook, &err) ||
        vg_petrarch_load_files(&r.petrarch, verbs, actors, agents, discards, cameo, &err) ||
        (ontology && vg_petrarch_load_ontology(r.petrarch, ontology, &err))) {
        fprintf(stderr, "vigil validate: %s\n", err.message);
        goto out;
    }
    snprintf(path, sizeof path, "%s/en_ewt.tagger", models);
    if (vg_tagger_open(&tagger, path, &err)) {
        fprintf(stderr, "vigil validate: %s\n", err.message);
        goto out;
    }
    snprintf(path, sizeof path, "%s/en_ewt.parser", models);
    if (vg_parser_open(&parser, path, &err)) {
        fprintf(stderr, "vigil validate: %s\n", err.message);
        goto out;
    }
    r.tagger = tagger;
    r.parser = parser;
    size_t max = 100000, n = 0;
    sentences = malloc(max * sizeof *sentences);
    if (!sentences) {
        fprintf(stderr, "vigil validate: out of memory\n");
        goto out;
    }
    find_sentences(root, sentences, &n, max);
    status = 0;
    for (size_t i = 0; i < n; i++)
        status |= run_record(&r, sentences[i], include, &err);
    printf("\nby category:\n");
    for (int i = 0; i < r.n_cats; i++)
        printf("  %-12s %3d of %3d passed\n", r.cats[i].name, r.cats[i].passed, r.cats[i].passed + r.cats[i].failed);
    printf("  (%d records skipped: evaluate=\"false\" or a category not in <Include>)\n", r.skipped);
    printf("%d passed, %d failed\n", r.passed, r.failed);
    if (fflush(stdout) || ferror(stdout)) {
        fprintf(stderr, "vigil validate: error writing the output\n");
        status = 1;
    }
out:
    for (int i = 0; i < MAX_TRIPLES; i++)
        free(r.rules[i]);
    free(sentences);
    free(verbs);
    free(actors);
    free(agents);
    free(discards);
    free(ontology);
    xmlFree(include);
    vg_parser_close(parser);
    vg_tagger_close(tagger);
    vg_petrarch_free(r.petrarch);
    vg_cameo_free(cameo);
    if (doc)
        xmlFreeDoc(doc);
    return status;
}
