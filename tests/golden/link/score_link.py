#!/usr/bin/env python3
"""Scores vigil's incident linker against a hand-made gold standard of acts.

usage: score_link.py GOLD.tsv STORE.db [--verbose] [--check] [--floor F]

GOLD.tsv (tests/golden/link/examples.tsv) defines acts (`@label` lines) and says, for each body
sentence, which acts it reports or talks about. STORE.db is a vigil store (docs/store.md) made
by `vigil ingest` from the same reports.

Each stored event that vigil linked to an incident is mapped to a gold act of its sentence:
- an event goes to the acts on its sentence's line whose root list holds its CAMEO root; when
  several do, to the one whose source, target and place agree best with the event's (an actor
  code agrees when one code extends the other), ties going to the first listed;
- a claim goes to the act it is about, the first listed on its sentence's line: a root-01 code
  (denial, declined comment, claim of responsibility), and an accusation (112x) or an event vigil
  stored as a claim when no act on the line has its root; an accusation prefers the first act
  whose source is the accused (the event's target).
Events with no gold line, or no act of a fitting root, are unmatched; events vigil did not link
(plain statements) are left out. Over the matched events it reports pairwise linking precision
(pairs vigil put in one incident that the gold puts in one act), recall (pairs the gold puts in
one act that vigil put in one incident) and F1, and with --verbose the worst wrong merges and
splits.

--check validates the gold file against the store and exits 1 on any error: malformed lines,
labels defined twice or never defined, bad root lists or modes, documents or sentences the store
does not have, a sentence listed twice. --floor F exits 1 when F1 is below F.
"""

import re
import sqlite3
import sys
from collections import defaultdict
from itertools import combinations

MODES = {"occurred", "attempted", "planned", "thwarted", "threatened"}
LABEL_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
CODE_RE = re.compile(r"^([A-Z]{3,})\b")
PLACE_CODE_RE = re.compile(r"\(([A-Z]{3})\)\s*$")
DATE_RE = re.compile(r"^(-|\d{4}-\d{2}-\d{2}(\.\.\d{4}-\d{2}-\d{2})?)$")


class Gold:
    def __init__(self):
        self.acts = {}          # label -> dict(roots, mode, source, target, place, line)
        self.order = []         # labels in definition order
        self.sentences = {}     # (doc, k) -> (labels, note, line)
        self.errors = []


def actor_code(field):
    """The leading actor code of a gold actor field ("XNLGOV (its missions)"), or None."""
    m = CODE_RE.match(field.strip())
    return m.group(1) if m else None


def read_gold(path):
    gold = Gold()
    used = []
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            where = f"{path}:{n}"
            fields = line.split("\t")
            if line.startswith("@"):
                if len(fields) != 8:
                    gold.errors.append(f"{where}: an act line has 8 tab-separated fields, this has {len(fields)}")
                    continue
                label, roots, mode, source, target, place, date, desc = (x.strip() for x in fields)
                label = label[1:]
                if not LABEL_RE.match(label):
                    gold.errors.append(f"{where}: bad label '{label}'")
                    continue
                if label in gold.acts:
                    gold.errors.append(f"{where}: act '{label}' defined twice (first on line {gold.acts[label]['line']})")
                    continue
                root_list = roots.split(",")
                if not all(re.fullmatch(r"\d\d", r) and 1 <= int(r) <= 20 for r in root_list) \
                        or len(set(root_list)) != len(root_list):
                    gold.errors.append(f"{where}: bad root list '{roots}' (two-digit CAMEO roots 01-20, comma-separated)")
                if mode not in MODES:
                    gold.errors.append(f"{where}: bad mode '{mode}'")
                if not DATE_RE.match(date):
                    gold.errors.append(f"{where}: bad date '{date}' (YYYY-MM-DD, A..B or -)")
                if not desc:
                    gold.errors.append(f"{where}: act '{label}' has no description")
                pm = PLACE_CODE_RE.search(place)
                gold.acts[label] = dict(roots=root_list, mode=mode, source=actor_code(source),
                                        target=actor_code(target), place=pm.group(1) if pm else None,
                                        desc=desc, line=n)
                gold.order.append(label)
                continue
            if len(fields) != 4:
                gold.errors.append(f"{where}: a sentence line has 4 tab-separated fields, this has {len(fields)}")
                continue
            doc, k, labels, note = (x.strip() for x in fields)
            if not k.isdigit() or int(k) < 1:
                gold.errors.append(f"{where}: bad sentence number '{k}'")
                continue
            key = (doc, int(k))
            if key in gold.sentences:
                gold.errors.append(f"{where}: {doc} sentence {k} listed twice (first on line {gold.sentences[key][2]})")
                continue
            label_list = labels.split(",")
            if not labels or len(set(label_list)) != len(label_list):
                gold.errors.append(f"{where}: bad label list '{labels}'")
                continue
            gold.sentences[key] = (label_list, note, n)
            used.extend((lab, where) for lab in label_list)
    for lab, where in used:
        if lab not in gold.acts:
            gold.errors.append(f"{where}: unknown act '{lab}'")
    used_labels = {lab for lab, _ in used}
    for lab in gold.order:
        if lab not in used_labels:
            gold.errors.append(f"{path}:{gold.acts[lab]['line']}: act '{lab}' is on no sentence")
    return gold


def codes_agree(a, b):
    """Actor codes agree when either is unknown or one extends the other (XNL and XNLGOV)."""
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def disagreements(act, ev):
    n = 0
    n += not codes_agree(act["source"], ev["source_code"])
    n += not codes_agree(act["target"], ev["target_code"])
    if act["place"] and ev["place_country"] and act["place"] != ev["place_country"]:
        n += 1
    return n


def is_claim(ev):
    """Root-01 codes (denials, declined comments, claims of responsibility) and whatever vigil
    stored as a claim say something about an act rather than report one."""
    return ev["link"] == "claim" or ev["cameo"].startswith("01")


def claim_act(gold, labels, ev):
    """The act a claim is about: the first on its sentence's line, except that an accusation
    (112x) goes to the first act whose source is the accused (the event's target), if any."""
    if ev["cameo"].startswith("112") and ev["target_code"]:
        for lab in labels:
            if gold.acts[lab]["source"] and codes_agree(gold.acts[lab]["source"], ev["target_code"]):
                return lab
    return labels[0]


def map_event(gold, ev):
    """The gold act an event reports or talks about, or None when it is unmatched."""
    entry = gold.sentences.get((ev["doc"], ev["sentence"]))
    if entry is None:
        return None
    labels = [lab for lab in entry[0] if lab in gold.acts]
    if not labels:
        return None
    if ev["cameo"].startswith("01"):
        return claim_act(gold, labels, ev)
    fitting = [lab for lab in labels if ev["cameo"][:2] in gold.acts[lab]["roots"]]
    if fitting:
        return min(fitting, key=lambda lab: (disagreements(gold.acts[lab], ev), fitting.index(lab)))
    # An accusation with no accusation-as-a-deed act on its line is an allegation about an act.
    if is_claim(ev) or ev["cameo"].startswith("112"):
        return claim_act(gold, labels, ev)
    return None


def read_store(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    docs = {r["doc_id"]: r["id"] for r in db.execute("SELECT id, doc_id FROM documents")}
    sentences = {}
    for r in db.execute("SELECT d.doc_id, s.idx, s.text FROM sentences s JOIN documents d ON d.id = s.document"):
        sentences[(r["doc_id"], r["idx"])] = r["text"]
    events = [dict(r) for r in db.execute(
        "SELECT e.id, d.doc_id AS doc, e.sentence, e.cameo, e.source_code, e.target_code,"
        " e.place_country, e.incident, e.link FROM events e JOIN documents d ON d.id = e.document"
        " ORDER BY d.id, e.idx")]
    db.close()
    return docs, sentences, events


def check(gold, path, docs, sentences):
    errors = list(gold.errors)
    for (doc, k), (_, _, n) in gold.sentences.items():
        if doc not in docs:
            errors.append(f"{path}:{n}: no document '{doc}' in the store")
        elif (doc, k) not in sentences:
            errors.append(f"{path}:{n}: {doc} has no sentence {k} in the store")
    return errors


def pair_count(n):
    return n * (n - 1) // 2


def score(matched):
    """Pairwise precision, recall and F1 of incidents against gold acts over matched events."""
    by_inc = defaultdict(list)
    by_act = defaultdict(list)
    for ev in matched:
        by_inc[ev["incident"]].append(ev)
        by_act[ev["act"]].append(ev)
    both = defaultdict(int)
    for ev in matched:
        both[(ev["incident"], ev["act"])] += 1
    tp = sum(pair_count(n) for n in both.values())
    sys_pairs = sum(pair_count(len(v)) for v in by_inc.values())
    gold_pairs = sum(pair_count(len(v)) for v in by_act.values())
    p = tp / sys_pairs if sys_pairs else 1.0
    r = tp / gold_pairs if gold_pairs else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return dict(p=p, r=r, f=f, tp=tp, sys_pairs=sys_pairs, gold_pairs=gold_pairs,
                by_inc=by_inc, by_act=by_act)


def describe(ev, sentences):
    text = sentences.get((ev["doc"], ev["sentence"]), "")
    if len(text) > 110:
        text = text[:107] + "..."
    return f"{ev['doc'][:2]}/{ev['sentence']} {ev['cameo']:<5} {text}"


def mixed(by_key, other):
    """For each group of events holding several values of `other`: the pairs across them, the
    key and the events by value, e.g. incidents holding several acts."""
    out = []
    for key, evs in by_key.items():
        groups = defaultdict(list)
        for ev in evs:
            groups[ev[other]].append(ev)
        across = pair_count(len(evs)) - sum(pair_count(len(g)) for g in groups.values())
        if across:
            out.append((across, key, groups))
    return out


def report_errors(s, sentences, worst):
    """The incidents mixing several acts and the acts spread over several incidents."""
    merges = mixed(s["by_inc"], "act")
    splits = mixed(s["by_act"], "incident")
    print(f"\nworst wrong merges (incidents holding several gold acts; wrong pairs):")
    for wrong, inc, groups in sorted(merges, key=lambda x: (-x[0], x[1]))[:worst]:
        print(f"  {inc}: {wrong} wrong pairs, acts {', '.join(sorted(groups))}")
        for act in sorted(groups):
            for ev in groups[act]:
                print(f"      {act:<34} {describe(ev, sentences)}")
    print(f"\nworst splits (gold acts spread over several incidents; missed pairs):")
    for missed, act, groups in sorted(splits, key=lambda x: (-x[0], x[1]))[:worst]:
        print(f"  {act}: {missed} missed pairs over {len(groups)} incidents")
        for inc in sorted(groups):
            for ev in groups[inc]:
                print(f"      {inc}  {describe(ev, sentences)}")


def main(argv):
    if "--help" in argv or "-h" in argv:
        print(__doc__)
        return 0
    args = [a for a in argv if not a.startswith("--")]
    verbose = "--verbose" in argv
    check_only = "--check" in argv
    floor = None
    if "--floor" in argv:
        i = argv.index("--floor")
        try:
            floor = float(argv[i + 1])
            args.remove(argv[i + 1])
        except (IndexError, ValueError):
            print("score_link.py: --floor needs a number", file=sys.stderr)
            return 2
    known = {"--verbose", "--check", "--floor"}
    bad = [a for a in argv if a.startswith("--") and a not in known]
    if len(args) != 2 or bad:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    gold_path, store_path = args
    try:
        gold = read_gold(gold_path)
        docs, sentences, events = read_store(store_path)
    except (OSError, sqlite3.Error) as e:
        print(f"score_link.py: {e}", file=sys.stderr)
        return 2

    if check_only:
        errors = check(gold, gold_path, docs, sentences)
        for e in errors:
            print(e, file=sys.stderr)
        if errors:
            print(f"score_link.py: {len(errors)} errors in {gold_path}", file=sys.stderr)
            return 1
        print(f"{gold_path}: {len(gold.acts)} acts, {len(gold.sentences)} sentences: well-formed")
        return 0

    linked = [ev for ev in events if ev["incident"]]
    matched, unmatched = [], []
    for ev in linked:
        ev["act"] = map_event(gold, ev)
        (matched if ev["act"] else unmatched).append(ev)
    s = score(matched)
    covered = {ev["act"] for ev in matched}
    acts_only = score([ev for ev in matched if not is_claim(ev)])

    print(f"events: {len(events)} stored, {len(events) - len(linked)} not linked (statements), "
          f"{len(matched)} matched to a gold act, {len(unmatched)} unmatched")
    print(f"gold acts: {len(gold.acts)}, {len(covered)} with a matched event (act coverage "
          f"{len(covered) / len(gold.acts):.3f}); matched events fall in {len(s['by_inc'])} incidents")
    print(f"acts only (claims left out): precision {acts_only['p']:.3f} recall {acts_only['r']:.3f} "
          f"F1 {acts_only['f']:.3f}")
    print(f"pairs: {s['sys_pairs']} linked by vigil, {s['gold_pairs']} in the gold, {s['tp']} both")
    if verbose:
        report_errors(s, sentences, 5)
        print("\nunmatched events:")
        for ev in unmatched:
            print(f"      {describe(ev, sentences)}")
        missing = [lab for lab in gold.order if lab not in covered]
        print(f"\ngold acts with no matched event: {', '.join(missing) or 'none'}")
    print(f"precision {s['p']:.3f} recall {s['r']:.3f} F1 {s['f']:.3f}")
    if floor is not None and s["f"] < floor:
        print(f"score_link.py: F1 {s['f']:.3f} is under the floor {floor}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
