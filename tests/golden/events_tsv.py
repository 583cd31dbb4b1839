#!/usr/bin/env python3
"""Reduce vigil code's JSON Lines to the fields a construction test checks, one event a line:

    SENTENCE SOURCE TARGET CAMEO MODE STANCE NEGATED ATTRIBUTED_TO DATE PRECISION

Actors are their codes ("-" when none); ATTRIBUTED_TO joins the speakers' codes with ","
("-" when none). Usage: events_tsv.py < events.jsonl
"""
import json
import sys


def code(actor):
    if not actor:
        return "-"
    return actor.get("code") or ("role:" + actor["role"] if actor.get("role") else "?")


for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    e = json.loads(line)
    speakers = ",".join(code(a) for a in e.get("attributed_to") or []) or "-"
    print("\t".join(str(x) for x in (
        e["sentence"], code(e.get("source")), code(e.get("target")), e["cameo"], e["mode"], e["stance"],
        "negated" if e.get("negated") else "-", speakers, e.get("date") or "-", e.get("date_precision") or "-")))
