/* Human-readable printing of the store's JSON answers (incidents, ledgers), shared by
 * vigil incidents, claims and board. */
#ifndef VIGIL_CLI_LEDGER_PRINT_H
#define VIGIL_CLI_LEDGER_PRINT_H
#include <jansson.h>
#include <stdio.h>

/* One incident: a header line, then (indented) its ledger, and with sentences its evidence and
 * the words of every claim. */
void ledger_print_incident(FILE *out, const json_t *incident, int sentences, const char *indent);
/* A JSON value to out, indented, followed by a newline. Returns 0 or -1. */
int ledger_print_json(FILE *out, const json_t *value);
/* The string under key in o, or missing when there is none or it is empty. */
const char *ledger_text_or(const json_t *o, const char *key, const char *missing);
/* The string under key in o, or "" when there is none. */
const char *ledger_text(const json_t *o, const char *key);
/* Who makes a claim, into buf: its words, and when they are one word that is not the name
 * the coder resolved them to ("He" for Faris Adel), the name too: "He [Faris Adel]". */
const char *ledger_claimant(const json_t *claim, char *buf, size_t size);
/* "text (CODE)" of an actor object, or "?" into buf. */
const char *ledger_actor_label(const json_t *actor, char *buf, size_t size);

#endif
