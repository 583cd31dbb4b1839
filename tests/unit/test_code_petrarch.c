/* Unit tests of the PETRARCH-format dictionaries and coder: small dictionaries written here
 * (synsets, verb forms, patterns, dated actors, agents, discards), every loader error with its
 * FILE:LINE message, damaged input that must never crash, a hand-built tree coded end to end,
 * and the real PETRARCH2 dictionaries when ../shared is present. */
#include "check.h"
#include "code/petr_actors.h"
#include "code/petr_agents.h"
#include "code/petr_discards.h"
#include "code/petr_verbs.h"
#include "code/petrarch.h"
#include "text/tagset.h"
#include "util/alloc.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/vigil-petrarch-XXXXXX";
static vg_cameo *cameo;

static const char *write_file(const char *name, const char *text)
{
    static char paths[8][512];
    static int next;
    char *path = paths[next++ % 8];
    snprintf(path, 512, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        return path;
    fputs(text, f);
    fclose(f);
    return path;
}

static const char verbs_text[] =
    "# a small verb dictionary\n"
    "&TIES_\n+TIES\n+RELATIONS\n\n"
    "&CURRENCY\n+DOLLAR\n+EURO\n\n"
    "--- RESTORE [050] ---\n"
    "RESTORE\n"
    "- * &TIES (WITH +) [051]\n"
    "- * {FULL &TIES} [052]\n\n"
    "--- BREAK [120] ---\n"
    "BREAK {BROKE BROKEN}\n"
    "+BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN}\n"
    "- * TREATY [1246]\n\n"
    "--- MEET [040:040] ---\n"
    "MEET {MEETS MET MEETING}\n"
    "- % * [043:043]\n\n"
    "--- GIVE [070] ---\n"
    "GIVE {GAVE GIVEN}\n"
    "- * &CURRENCY [071] <!-- an XML comment --> \n"
    "- * ODD [07A]\n";

static const char actors_text[] =
    "<!-- actors\n"
    "# spread over lines -->\n"
    "ARNOR [ARN]\n"
    "GONDOR [GON]\n+MINAS_TIRITH\n"
    "SAM_GAMGEE [HOB]\n"
    "\t[HOBCIV <20080120]\n"
    "\t[HOBMIL 20080120-20121109]\n"
    "\t[HOBELI >121110]\n"
    "BOROMIR [---]\n"
    "OBAMA\n\t[USAELI 780101-000101]\n\t[USAGOV >090120]\n";

static const char agents_text[] =
    "!PERSON! = MAN, WOMAN\n"
    "GOVERNMENT [~GOV]\n"
    "CONGRESS!PERSON! [~LEG]\n"
    "POLICE {} [~COP]\n"
    "HUMAN_RIGHTS_BODY [NGO~]\n"
    "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\n";

static const char discards_text[] = "BASEBALL\n+TYPHOON\nWORLD CUP_\n";

static void test_loaders(void)
{
    vg_error err = {0};
    vg_petr_verbs v;
    int rc = vg_petr_verbs_load(&v, write_file("v.txt", verbs_text), &err);
    CHECK_INT(rc, 0);
    if (rc) {
        fprintf(stderr, "%s\n", err.message);
        return;
    }
    CHECK_INT(v.n_blocks, 4);
    CHECK_INT(v.n_patterns, 6);
    CHECK_INT(v.n_synsets, 2);
    CHECK_INT(v.synsets[1].n_members, 4); /* DOLLAR, DOLLARS, EURO, EUROS; &TIES_ has no plurals */
    CHECK_INT(v.synsets[0].n_members, 2);
    const char *w[1] = {"BROKE"};
    int32_t id = -1;
    CHECK_INT(vg_petr_index_longest(&v.forms, w, 1, 0, &id), 1);
    const char *restored[1] = {"RESTORED"}, *restoring[1] = {"RESTORING"}, *restores[1] = {"RESTORES"};
    CHECK_INT(vg_petr_index_longest(&v.forms, restored, 1, 0, &id), 1);
    CHECK_INT(vg_petr_index_longest(&v.forms, restoring, 1, 0, &id), 1);
    CHECK_INT(vg_petr_index_longest(&v.forms, restores, 1, 0, &id), 1);
    const char *wrong[1] = {"RESTOREDS"};
    CHECK_INT(vg_petr_index_longest(&v.forms, wrong, 1, 0, &id), 0);
    const vg_petr_pattern *meet = &v.patterns[v.blocks[2].first_pattern];
    CHECK(meet->compound);
    CHECK_STR(meet->codes.code, "043");
    CHECK_STR(meet->codes.code2, "043");
    CHECK_STR(v.blocks[2].codes.code2, "040");
    vg_petr_verbs_free(&v);

    vg_petr_actors a;
    vg_petr_actors_init(&a);
    rc = vg_petr_actors_load(&a, write_file("a.txt", actors_text), &err);
    CHECK_INT(rc, 0);
    CHECK_INT(a.n_actors, 5);
    const char *minas[2] = {"MINAS", "TIRITH"};
    CHECK_INT(vg_petr_index_longest(&a.index, minas, 2, 0, &id), 2);
    CHECK_STR(a.actors[id].code, "GON");
    const char *sam[2] = {"SAM", "GAMGEE"};
    CHECK_INT(vg_petr_index_longest(&a.index, sam, 2, 0, &id), 2);
    CHECK_STR(vg_petr_actor_code(&a.actors[id], 19950104), "HOBCIV");
    CHECK_STR(vg_petr_actor_code(&a.actors[id], 20100106), "HOBMIL");
    CHECK_STR(vg_petr_actor_code(&a.actors[id], 20130101), "HOBELI");
    CHECK_STR(vg_petr_actor_code(&a.actors[id], 0), "HOB");
    CHECK(a.actors[3].code == NULL); /* [---] */
    CHECK_STR(vg_petr_actor_code(&a.actors[4], 0), "USAGOV");   /* no date: the latest role */
    CHECK_STR(vg_petr_actor_code(&a.actors[4], 19950101), "USAELI");
    CHECK(vg_petr_actor_code(&a.actors[4], 20000601) == NULL);  /* between the two */
    vg_petr_actors_free(&a);

    vg_petr_agents g;
    vg_petr_agents_init(&g);
    rc = vg_petr_agents_load(&g, write_file("g.txt", agents_text), &err);
    CHECK_INT(rc, 0);
    const char *congress[1] = {"CONGRESSWOMAN"}, *police[1] = {"POLICES"}, *govs[1] = {"GOVERNMENTS"};
    CHECK_INT(vg_petr_index_longest(&g.index, congress, 1, 0, &id), 1);
    CHECK_STR(g.agents[id].code, "LEG");
    CHECK_INT(vg_petr_index_longest(&g.index, police, 1, 0, &id), 0);
    CHECK_INT(vg_petr_index_longest(&g.index, govs, 1, 0, &id), 1);
    const char *body[3] = {"HUMAN", "RIGHTS", "BODY"}, *attys[2] = {"ATTORNEYS", "GENERAL"};
    CHECK_INT(vg_petr_index_longest(&g.index, body, 3, 0, &id), 3);
    CHECK(g.agents[id].prefix);
    CHECK_STR(g.agents[id].code, "NGO");
    CHECK_INT(vg_petr_index_longest(&g.index, attys, 2, 0, &id), 2);
    vg_petr_agents_free(&g);

    vg_petr_discards d;
    vg_petr_discards_init(&d);
    rc = vg_petr_discards_load(&d, write_file("d.txt", discards_text), &err);
    CHECK_INT(rc, 0);
    CHECK(vg_petr_discards_find(&d, "The baseballs flew.") != NULL);
    CHECK(vg_petr_discards_find(&d, "A typhoon hit.")->story);
    CHECK(vg_petr_discards_find(&d, "The World Cup final.") != NULL);
    CHECK(vg_petr_discards_find(&d, "The World Cups.") == NULL);
    CHECK(vg_petr_discards_find(&d, "Talks resumed.") == NULL);
    vg_petr_discards_free(&d);
}

/* Each malformed file must fail with "FILE:LINE: ..." naming the line. */
static char warnings[4096];
static void capture_warning(void *context, const char *message);

static void expect_error(int kind, const char *text, int line, const char *what)
{
    const char *path = write_file("bad.txt", text);
    vg_error err = {0};
    int rc;
    if (kind == 0) {
        vg_petr_verbs v;
        rc = vg_petr_verbs_load(&v, path, &err);
    } else if (kind == 1) {
        vg_petr_actors a;
        vg_petr_actors_init(&a);
        rc = vg_petr_actors_load(&a, path, &err);
        vg_petr_actors_free(&a);
    } else {
        vg_petr_agents g;
        vg_petr_agents_init(&g);
        rc = vg_petr_agents_load(&g, path, &err);
        vg_petr_agents_free(&g);
    }
    char want[600];
    snprintf(want, sizeof want, "%s:%d: ", path, line);
    if (kind == 4) { /* an agent left out with a warning */
        vg_petr_agents g;
        vg_petr_agents_init(&g);
        warnings[0] = '\0';
        vg_warning_set_sink(capture_warning, NULL);
        rc = vg_petr_agents_load(&g, path, &err);
        vg_warning_set_sink(NULL, NULL);
        if (rc || strncmp(warnings, want, strlen(want)) || !strstr(warnings, what) || g.n_agents != 0) {
            fprintf(stderr, "expected warning \"%s...%s\", got rc %d \"%s\"\n", want, what, rc, warnings);
            check_failures++;
        }
        vg_petr_agents_free(&g);
        return;
    }
    if (kind == 3) { /* an actor restriction left out with a warning */
        vg_petr_actors a;
        vg_petr_actors_init(&a);
        warnings[0] = '\0';
        vg_warning_set_sink(capture_warning, NULL);
        rc = vg_petr_actors_load(&a, path, &err);
        vg_warning_set_sink(NULL, NULL);
        if (rc || strncmp(warnings, want, strlen(want)) || !strstr(warnings, what) || a.n_actors != 1 ||
            a.actors[0].n_dated != 0) {
            fprintf(stderr, "expected warning \"%s...%s\", got rc %d \"%s\"\n", want, what, rc, warnings);
            check_failures++;
        }
        vg_petr_actors_free(&a);
        return;
    }
    if (rc == 0 || strncmp(err.message, want, strlen(want)) != 0 || !strstr(err.message, what)) {
        fprintf(stderr, "expected \"%s...%s\", got rc %d \"%s\"\n", want, what, rc, err.message);
        check_failures++;
    }
}

static void capture_warning(void *context, const char *message)
{
    (void)context;
    size_t used = strlen(warnings);
    if (used > sizeof warnings - 600)
        used = 0, warnings[0] = '\0';
    snprintf(warnings + used, sizeof warnings - used, "%s\n", message);
}

/* A pattern PETRARCH cannot read is left out with a warning naming its line. */
static void expect_warning(const char *text, int line, const char *what)
{
    const char *path = write_file("warn.txt", text);
    vg_error err = {0};
    vg_petr_verbs v;
    warnings[0] = '\0';
    vg_warning_set_sink(capture_warning, NULL);
    int rc = vg_petr_verbs_load(&v, path, &err);
    vg_warning_set_sink(NULL, NULL);
    char want[600];
    snprintf(want, sizeof want, "%s:%d: ", path, line);
    if (rc != 0 || strncmp(warnings, want, strlen(want)) != 0 || !strstr(warnings, what)) {
        fprintf(stderr, "expected warning \"%s...%s\", got rc %d \"%s\" \"%s\"\n", want, what, rc, err.message,
                warnings);
        check_failures++;
    }
    if (!rc) {
        CHECK_INT(v.n_patterns, 0);
        CHECK_INT(v.n_skipped, 1);
        vg_petr_verbs_free(&v);
    }
}

static void test_errors(void)
{
    expect_error(0, "- * TIES [050]\n", 1, "before the first");
    expect_error(0, "--- A [010] ---\nA\n- * TIES\n", 3, "without a [code]");
    expect_warning("--- A [010] ---\nA\n- * (WITH [050]\n", 3, "unclosed '('");
    expect_warning("--- A [010] ---\nA\n- * {WITH [050]\n", 3, "unclosed '{'");
    expect_warning("--- A [010] ---\nA\n- * WITH) [050]\n", 3, "')' without '('");
    expect_warning("--- A [010] ---\nA\n\n- TIES [050]\n", 4, "without the verb");
    expect_warning("--- A [010] ---\nA\n- * * TIES [050]\n", 3, "more than one");
    expect_error(0, "--- A [010] ---\nA\n- * TIES [050\n", 3, "without ']'");
    expect_error(0, "--- A [010] ---\nA\n- * TIES [05 0]\n", 3, "malformed code");
    expect_error(0, "&SET\n+&OTHER\n", 2, "before it is defined");
    expect_error(0, "--- A [010] ---\nA {AS\n", 2, "without '}'");
    expect_error(0, "--- A [010] ---\nA\n- * T\1IES\n", 3, "without a [code]"); /* ^A read as a blank */
    expect_error(1, "+GONDOR\n", 1, "before any actor");
    expect_error(1, "\t[GON]\n", 1, "before any actor");
    expect_error(1, "GONDOR [GON\n", 1, "without ']'");
    expect_error(3, "GONDOR\n\t[GON 1995-]\n", 2, "malformed date");
    expect_error(3, "GONDOR\n\t[GON 19951345-19960101]\n", 2, "malformed date");
    expect_error(3, "GONDOR\n\t[GON 950101 960101]\n", 2, "date restriction");
    expect_error(4, "# agents\nMINISTER\nPRESIDENT [~GOV}\n", 2, "without a [~CODE]");
    expect_error(2, "MINISTER [~G~V]\n", 1, "malformed agent code");
    expect_error(2, "!MINIST!_OF_WAR [~GOV]\n", 1, "unknown substitution");
    expect_error(2, "!X! = ,\n", 1, "empty substitution set");
    expect_error(2, "!A! = A1, A2, A3, A4, A5, A6, A7, A8, A9, B1, B2, B3, B4, B5, B6, B7, B8\n"
                    "X!A!_!A!_!A! [~GOV]\n", 2, "more than 4096 phrases"); /* 17^3 */
}

/* Random damage to a valid verb dictionary: the loader returns 0 or an error naming the file,
 * never crashes (the sanitizer build checks memory). */
static void test_damaged_input(void)
{
    static const char junk[] = {'[', ']', '{', '}', '(', ')', '*', '$', '+', '%', '^', '&', '_', '-', ':', '#',
                                '<', '!', '\n', '\t', ' ', 'A', '\xFF', '\0'};
    uint32_t seed = 777;
    char tmp[600];
    snprintf(tmp, sizeof tmp, "%s/damaged.txt", dir);
    for (int round = 0; round < 300; round++) {
        const char *original = round % 3 == 0 ? actors_text : round % 3 == 1 ? verbs_text : agents_text;
        if (check_write_damaged(tmp, original, strlen(original), round, 6, &seed, junk, sizeof junk) != 0)
            break;
        vg_error err = {0};
        int rc;
        if (round % 3 == 1) {
            vg_petr_verbs v;
            rc = vg_petr_verbs_load(&v, tmp, &err);
            if (!rc)
                vg_petr_verbs_free(&v);
        } else if (round % 3 == 0) {
            vg_petr_actors a;
            vg_petr_actors_init(&a);
            rc = vg_petr_actors_load(&a, tmp, &err);
            vg_petr_actors_free(&a);
        } else {
            vg_petr_agents g;
            vg_petr_agents_init(&g);
            rc = vg_petr_agents_load(&g, tmp, &err);
            vg_petr_agents_free(&g);
        }
        if (rc && strncmp(err.message, tmp, strlen(tmp)) != 0) {
            fprintf(stderr, "damaged input, round %d: rc %d, message \"%s\"\n", round, rc, err.message);
            check_failures++;
        }
    }
}

/* A hand-built analysed sentence: forms, UPOS, heads (1-based) and relations. */
typedef struct tok { const char *form; int upos; int head; const char *deprel; } tok;

static vg_sentence *make_sentence(const tok *toks, uint32_t n, const char *text)
{
    static vg_sentence s;
    static vg_token tokens[32];
    memset(tokens, 0, sizeof tokens);
    for (uint32_t i = 0; i < n; i++) {
        tokens[i].form = toks[i].form;
        tokens[i].lemma = toks[i].form;
        tokens[i].upos = (uint8_t)toks[i].upos;
        tokens[i].head = (int16_t)toks[i].head;
        tokens[i].deprel = (uint8_t)vg_deprel_id(toks[i].deprel);
        tokens[i].space_after = 1;
    }
    s.tokens = tokens;
    s.n_tokens = n;
    s.text = text;
    s.start = 0;
    s.end = (uint32_t)strlen(text);
    return &s;
}

static const char *triples(const vg_event *e, size_t n)
{
    static char out[1024];
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        size_t used = strlen(out);
        snprintf(out + used, sizeof out - used, "%s(%s,%s,%s)", i ? " " : "", e[i].source ? e[i].source->code : "-",
                 e[i].target ? e[i].target->code : "-", e[i].cameo->code);
    }
    return out;
}

/* A coder over the dictionaries given as texts (discards may be NULL), written to files named
 * from prefix; NULL, a check failure and the loader's message when it does not load. */
static vg_petrarch *load_texts(const char *prefix, const char *verbs, const char *actors, const char *agents,
                               const char *discards)
{
    char names[4][64];
    static const char *const kinds[] = {"v", "a", "g", "d"};
    for (int i = 0; i < 4; i++)
        snprintf(names[i], sizeof names[i], "%s%s.txt", prefix, kinds[i]);
    vg_error err = {0};
    vg_petrarch *p = NULL;
    int rc = vg_petrarch_load_files(&p, write_file(names[0], verbs), write_file(names[1], actors),
                                    write_file(names[2], agents), discards ? write_file(names[3], discards) : NULL,
                                    cameo, &err);
    CHECK_INT(rc, 0);
    if (rc)
        fprintf(stderr, "%s\n", err.message);
    return rc ? NULL : p;
}

static void test_coding(void)
{
    vg_petrarch *p = load_texts("c", verbs_text, actors_text, agents_text, discards_text);
    if (!p)
        return;
    vg_error err = {0};
    int rc;
    vg_arena arena;
    vg_arena_init(&arena, 0);
    vg_event *ev;
    size_t n;
    /* Arnor's government restored full relations with Gondor. */
    const tok t1[] = {{"Arnor", VG_UPOS_PROPN, 3, "nmod:poss"}, {"'s", VG_UPOS_PART, 1, "case"},
                      {"government", VG_UPOS_NOUN, 4, "nsubj"}, {"restored", VG_UPOS_VERB, 0, "root"},
                      {"full", VG_UPOS_ADJ, 6, "amod"}, {"relations", VG_UPOS_NOUN, 4, "obj"},
                      {"with", VG_UPOS_ADP, 8, "case"}, {"Gondor", VG_UPOS_PROPN, 6, "nmod"},
                      {".", VG_UPOS_PUNCT, 4, "punct"}};
    rc = vg_petrarch_code_sentence(p, make_sentence(t1, 9, "Arnor's government restored full relations with Gondor."),
                                   1, 19950101, &arena, &ev, &n);
    CHECK_INT(rc, 0);
    CHECK_STR(triples(ev, n), "(ARNGOV,GON,051)"); /* as many words; it places the target too */
    /* Arnor and Gondor met: the compound pattern gives both directions. */
    const tok t2[] = {{"Arnor", VG_UPOS_PROPN, 4, "nsubj"}, {"and", VG_UPOS_CCONJ, 3, "cc"},
                      {"Gondor", VG_UPOS_PROPN, 1, "conj"}, {"met", VG_UPOS_VERB, 0, "root"},
                      {".", VG_UPOS_PUNCT, 4, "punct"}};
    rc = vg_petrarch_code_sentence(p, make_sentence(t2, 5, "Arnor and Gondor met."), 1, 19950101, &arena, &ev, &n);
    CHECK_STR(triples(ev, n), "(ARN,GON,043) (GON,ARN,043)");
    /* Sam Gamgee gave dollars to Gondor: a dated actor and a synset plural; 071 is in the codebook. */
    const tok t3[] = {{"Sam", VG_UPOS_PROPN, 3, "nsubj"}, {"Gamgee", VG_UPOS_PROPN, 1, "flat"},
                      {"gave", VG_UPOS_VERB, 0, "root"}, {"dollars", VG_UPOS_NOUN, 3, "obj"},
                      {"to", VG_UPOS_ADP, 6, "case"}, {"Gondor", VG_UPOS_PROPN, 3, "obl"}};
    rc = vg_petrarch_code_sentence(p, make_sentence(t3, 6, "Sam Gamgee gave dollars to Gondor"), 1, 20100106, &arena,
                                   &ev, &n);
    CHECK_STR(triples(ev, n), "(HOBMIL,GON,071)");
    /* A code the codebook lacks gets a record of its own. */
    const tok t4[] = {{"Arnor", VG_UPOS_PROPN, 2, "nsubj"}, {"gave", VG_UPOS_VERB, 0, "root"},
                      {"odd", VG_UPOS_ADJ, 4, "amod"}, {"things", VG_UPOS_NOUN, 2, "obj"},
                      {"to", VG_UPOS_ADP, 6, "case"}, {"Gondor", VG_UPOS_PROPN, 2, "obl"}};
    rc = vg_petrarch_code_sentence(p, make_sentence(t4, 6, "Arnor gave odd things to Gondor"), 1, 0, &arena, &ev, &n);
    CHECK_STR(triples(ev, n), "(ARN,GON,07A)");
    CHECK(n == 1 && ev[0].cameo->parent && !strcmp(ev[0].cameo->parent->code, "07"));
    /* A discard stops the sentence; a null-coded actor gives no event. */
    const tok t5[] = {{"Arnor", VG_UPOS_PROPN, 2, "nsubj"}, {"met", VG_UPOS_VERB, 0, "root"},
                      {"Gondor", VG_UPOS_PROPN, 2, "obj"}, {"at", VG_UPOS_ADP, 5, "case"},
                      {"baseball", VG_UPOS_NOUN, 2, "obl"}};
    rc = vg_petrarch_code_sentence(p, make_sentence(t5, 5, "Arnor met Gondor at baseball"), 1, 0, &arena, &ev, &n);
    CHECK_INT(n, 0);
    const tok t6[] = {{"Boromir", VG_UPOS_PROPN, 2, "nsubj"}, {"met", VG_UPOS_VERB, 0, "root"},
                      {"Gondor", VG_UPOS_PROPN, 2, "obj"}};
    rc = vg_petrarch_code_sentence(p, make_sentence(t6, 3, "Boromir met Gondor"), 1, 0, &arena, &ev, &n);
    CHECK_INT(n, 0);
    /* require_dyad: an event without a target only when it is off. */
    const tok t8[] = {{"Arnor", VG_UPOS_PROPN, 2, "nsubj"}, {"restored", VG_UPOS_VERB, 0, "root"},
                      {"order", VG_UPOS_NOUN, 2, "obj"}};
    vg_petrarch_code_sentence(p, make_sentence(t8, 3, "Arnor restored order"), 1, 0, &arena, &ev, &n);
    CHECK_INT(n, 0);
    CHECK_INT(vg_petrarch_set_option(p, "require_dyad", "False"), 0);
    vg_petrarch_code_sentence(p, make_sentence(t8, 3, "Arnor restored order"), 1, 0, &arena, &ev, &n);
    CHECK_STR(triples(ev, n), "(ARN,-,050)");
    CHECK_INT(vg_petrarch_set_option(p, "require_dyad", "maybe"), VG_EINVAL);
    CHECK_INT(vg_petrarch_set_option(p, "comma_max", "3"), VG_EINVAL);
    CHECK_INT(vg_petrarch_set_option(p, "require_dyad", "true"), 0);
    /* Negation: with the coding ontology, "Arnor did not restore ties" is what not-050 is. */
    const char *ontology = write_file("pico.txt", "# ontology\n051:0x1007f#0xFFFF+0x0080#0x7000#Name\n"
                                                  "110:0x0080#Other\n");
    rc = vg_petrarch_load_ontology(p, ontology, &err);
    CHECK_INT(rc, 0);
    const tok t7[] = {{"Arnor", VG_UPOS_PROPN, 4, "nsubj"}, {"did", VG_UPOS_AUX, 4, "aux"},
                      {"not", VG_UPOS_PART, 4, "advmod"}, {"restore", VG_UPOS_VERB, 0, "root"},
                      {"ties", VG_UPOS_NOUN, 4, "obj"}, {"with", VG_UPOS_ADP, 7, "case"},
                      {"Gondor", VG_UPOS_PROPN, 5, "nmod"}};
    rc = vg_petrarch_code_sentence(p, make_sentence(t7, 7, "Arnor did not restore ties with Gondor"), 1, 0, &arena,
                                   &ev, &n);
    CHECK_STR(triples(ev, n), "(ARN,GON,110)");
    CHECK_INT(vg_petrarch_load_ontology(p, write_file("badpico.txt", "050 0x10\n"), &err), VG_EINVAL);
    CHECK(strstr(err.message, "badpico.txt:1:") != NULL);
    vg_arena_free(&arena);
    vg_petrarch_free(p);
}

/* The tree rules: passives, complements, pronouns, coordination, agents composed with the
 * actors of their modifiers and conjuncts. */
static void test_tree_rules(void)
{
    static const char verbs[] = "--- NOTE [010] ---\nNOTE\n\n--- REGRET [111] ---\nREGRET\n\n"
                                "--- SHOOT [190] ---\nSHOOT {SHOOTS SHOT SHOOTING}\n\n"
                                "--- PRAISE [051] ---\nPRAISE\n";
    static const char actors[] = "ARNOR [ARN]\nGONDOR [GON]\nMORDOR [MOR]\nDENMARK [DNK]\n+DANISH\n";
    static const char agents[] = "MINISTER [~GOV]\nAMBASSADOR [~GOV]\nMEDIA {} [~MED]\nGOVERNMENT [~GOV]\n";
    vg_petrarch *p = load_texts("t", verbs, actors, agents, NULL);
    if (!p)
        return;
    vg_arena arena;
    vg_arena_init(&arena, 0);
    vg_event *ev;
    size_t n;
    /* A passive without "by": the first actor after the verb is the source. */
    const tok t1[] = {{"Arnor", VG_UPOS_PROPN, 3, "nsubj:pass"}, {"was", VG_UPOS_AUX, 3, "aux:pass"},
                      {"shot", VG_UPOS_VERB, 0, "root"}, {"in", VG_UPOS_ADP, 5, "case"},
                      {"Mordor", VG_UPOS_PROPN, 3, "obl"}};
    vg_petrarch_code_sentence(p, make_sentence(t1, 5, "Arnor was shot in Mordor"), 1, 0, &arena, &ev, &n);
    CHECK_STR(triples(ev, n), "(MOR,ARN,190)");
    /* "by": the agent is the source. */
    const tok t2[] = {{"Arnor", VG_UPOS_PROPN, 3, "nsubj:pass"}, {"was", VG_UPOS_AUX, 3, "aux:pass"},
                      {"praised", VG_UPOS_VERB, 0, "root"}, {"by", VG_UPOS_ADP, 5, "case"},
                      {"Gondor", VG_UPOS_PROPN, 3, "obl:agent"}};
    vg_petrarch_code_sentence(p, make_sentence(t2, 5, "Arnor was praised by Gondor"), 1, 0, &arena, &ev, &n);
    CHECK_STR(triples(ev, n), "(GON,ARN,051)");
    /* An event in the complement of another is its content: only the outer is coded. */
    const tok t3[] = {{"Arnor", VG_UPOS_PROPN, 2, "nsubj"}, {"noted", VG_UPOS_VERB, 0, "root"},
                      {"that", VG_UPOS_SCONJ, 5, "mark"}, {"Gondor", VG_UPOS_PROPN, 5, "nsubj"},
                      {"regretted", VG_UPOS_VERB, 2, "ccomp"}, {"Mordor", VG_UPOS_PROPN, 5, "obj"}};
    vg_petrarch_code_sentence(p, make_sentence(t3, 6, "Arnor noted that Gondor regretted Mordor"), 1, 0, &arena,
                              &ev, &n);
    CHECK_STR(triples(ev, n), "(ARN,GON,010)");
    /* Coordinated subjects and objects: every pair; an agent composed with a possessor. */
    const tok t4[] = {{"Arnor", VG_UPOS_PROPN, 5, "nsubj"}, {"and", VG_UPOS_CCONJ, 4, "cc"},
                      {"Gondor", VG_UPOS_PROPN, 4, "nmod:poss"}, {"minister", VG_UPOS_NOUN, 1, "conj"},
                      {"praised", VG_UPOS_VERB, 0, "root"}, {"Mordor", VG_UPOS_PROPN, 5, "obj"}};
    vg_petrarch_code_sentence(p, make_sentence(t4, 6, "Arnor and Gondor minister praised Mordor"), 1, 0, &arena,
                              &ev, &n);
    CHECK_STR(triples(ev, n), "(ARN,MOR,051) (GONGOV,MOR,051)");
    /* "the ambassadors of Arnor", and a conjunct naming only an agent takes its partner's actor. */
    const tok t5[] = {{"ambassadors", VG_UPOS_NOUN, 4, "nsubj"}, {"of", VG_UPOS_ADP, 3, "case"},
                      {"Arnor", VG_UPOS_PROPN, 1, "nmod"}, {"praised", VG_UPOS_VERB, 0, "root"},
                      {"Danish", VG_UPOS_ADJ, 6, "amod"}, {"media", VG_UPOS_NOUN, 4, "obj"},
                      {"and", VG_UPOS_CCONJ, 8, "cc"}, {"government", VG_UPOS_NOUN, 6, "conj"}};
    vg_petrarch_code_sentence(p, make_sentence(t5, 8, "ambassadors of Arnor praised Danish media and government"),
                              1, 0, &arena, &ev, &n);
    CHECK_STR(triples(ev, n), "(ARNGOV,DNKMED,051) (ARNGOV,DNKGOV,051)");
    /* A pronoun subject in a complement takes the subject of the clause above. */
    const tok t6[] = {{"Arnor", VG_UPOS_PROPN, 2, "nsubj"}, {"said", VG_UPOS_VERB, 0, "root"},
                      {"it", VG_UPOS_PRON, 4, "nsubj"}, {"praised", VG_UPOS_VERB, 2, "ccomp"},
                      {"Gondor", VG_UPOS_PROPN, 4, "obj"}};
    vg_petrarch_code_sentence(p, make_sentence(t6, 5, "Arnor said it praised Gondor"), 1, 0, &arena, &ev, &n);
    CHECK_STR(triples(ev, n), "(ARN,GON,051)");
    vg_arena_free(&arena);
    vg_petrarch_free(p);
}

/* Random trees (heads anywhere, cycles, any relation and tag) over words the dictionaries know:
 * coding returns, never crashes or loops (the sanitizer build checks memory). */
static void test_random_trees(void)
{
    vg_petrarch *p = load_texts("r", verbs_text, actors_text, agents_text, NULL);
    if (!p)
        return;
    static const char *const words[] = {"Arnor", "Gondor", "restored", "ties", "with", "met", "and", "government",
                                        "police", "gave", "dollars", "to", "not", "'s", "-", "Sam", "Gamgee", "."};
    const size_t n_words = sizeof words / sizeof *words;
    uint32_t seed = 99;
    vg_arena arena;
    vg_arena_init(&arena, 0);
    for (int round = 0; round < 400; round++) {
        tok t[24];
        char text[512] = "";
        uint32_t n = 1 + (uint32_t)(round % 24);
        for (uint32_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            t[i].form = words[(seed >> 8) % n_words];
            t[i].upos = (int)((seed >> 16) % 18);
            t[i].head = (int)((seed >> 4) % (n + 3)) - 1; /* -1 .. n+1: some out of range */
            t[i].deprel = vg_deprel_names[(seed >> 20) % vg_deprel_count];
            strncat(text, t[i].form, sizeof text - strlen(text) - 2);
            strncat(text, " ", sizeof text - strlen(text) - 1);
        }
        vg_event *ev;
        size_t n_ev;
        CHECK_INT(vg_petrarch_code_sentence(p, make_sentence(t, n, text), 1, 19950101, &arena, &ev, &n_ev), 0);
        vg_arena_reset(&arena);
    }
    vg_arena_free(&arena);
    vg_petrarch_free(p);
}

/* The real PETRARCH2 dictionaries load without error. */
static void test_real_dictionaries(void)
{
    const char *dict_dir = check_shared_path("petrarch2/dictionaries");
    if (!dict_dir)
        return;
    vg_error err = {0};
    vg_petrarch *p = NULL;
    int rc = vg_petrarch_load(&p, dict_dir, cameo, &err);
    CHECK_INT(rc, 0);
    if (rc) {
        fprintf(stderr, "%s\n", err.message);
        return;
    }
    size_t verbs, patterns, actors, agents, discards;
    vg_petrarch_counts(p, &verbs, &patterns, &actors, &agents, &discards);
    CHECK(verbs > 5000);
    CHECK(patterns > 4000);
    CHECK(actors > 10000);
    CHECK(agents > 500);
    CHECK(discards > 100);
    vg_petrarch_free(p);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        fprintf(stderr, "cannot make a temporary folder\n");
        return 1;
    }
    vg_error err = {0};
    if (vg_cameo_load(&cameo, check_source_path("data/cameo/codes.txt"), &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    test_loaders();
    test_errors();
    vg_warning_set_sink(capture_warning, NULL); /* the damage and the real files' typos warn */
    test_damaged_input();
    test_coding();
    test_tree_rules();
    test_random_trees();
    test_real_dictionaries();
    vg_warning_set_sink(NULL, NULL);
    vg_cameo_free(cameo);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return check_finish("test_code_petrarch");
}
