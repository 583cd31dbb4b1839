#!/usr/bin/env python3
"""Score `vigil code` output against the team's golden event files (tests/golden/code/).

    score_code.py DIR PRED.jsonl [--floor F] [--verbose]
    score_code.py --selftest

DIR holds NN-name.txt reports and their NN-name.events files (format in DIR/README.md).
PRED.jsonl is `vigil code` output: one event per line with at least doc, text, source,
target, cameo, mode and stance (the event record of MISSION.md).

An expected event is found when a predicted event of the same document, on a sentence whose
text contains the evidence substring (whitespace collapsed, curly and straight quotes equal),
has source and target codes that start with the expected ones ("-" = no actor or no code,
"*" = anything), the same CAMEO code, mode and stance. Each predicted event finds at most one
expected event. recall_root asks less: the same first three letters of each expected actor
code and the same CAMEO root, whatever the mode and stance. A noevent line is violated by any
predicted event on its sentence.

The last line printed is always
    recall=0.xx recall_root=0.xx expected=N found=N noevent_violations=N
Exit status: 1 when recall < --floor, when an .events line is malformed (FILE:LINE: why), or
when a prediction line is not a JSON object; else 0. Python 3 standard library only.
"""
import argparse
import json
import os
import re
import sys
import tempfile

MODES = ("occurred", "planned", "attempted", "thwarted", "threatened")
STANCES = ("asserted", "alleged", "denied")
ACTOR_RE = re.compile(r"^(?:[A-Z]{3}){1,5}$")
CAMEO_RE = re.compile(r"^\d{3,4}$")
DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")

QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                        "\u00ab": '"', "\u00bb": '"'})


def norm(text):
    """Whitespace collapsed, curly quotes and apostrophes made straight."""
    return " ".join((text or "").translate(QUOTES).split())


def codebook_path():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.join(here, "..", "..", "data", "cameo", "codes.txt")


def load_codebook(path):
    """The set of CAMEO event codes in data/cameo/codes.txt, or None when it is absent."""
    if not path or not os.path.exists(path):
        return None
    codes = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^(\d{3,4})\s", line)
            if m:
                codes.add(m.group(1))
    return codes


class Expected:
    def __init__(self, doc, where, source, target, cameo, mode, stance, evidence, date, covers):
        self.doc, self.where = doc, where
        self.source, self.target, self.cameo = source, target, cameo
        self.mode, self.stance, self.evidence, self.date = mode, stance, evidence, date
        self.covers = covers

    def describe(self):
        d = " date=" + self.date if self.date else ""
        return "%s %s %s %s %s%s | %s" % (self.source, self.target, self.cameo, self.mode, self.stance, d,
                                          self.evidence)


def parse_events_file(path, doc, body, codebook, errors):
    """Reads one .events file. Returns (events, noevents, covers); appends FILE:LINE messages."""
    events, noevents, covers = [], [], []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        where = "%s:%d" % (path, number)
        if not line:
            continue
        if line.startswith("#"):
            m = re.match(r"^#\s*covers:\s*(.*)$", line)
            if m:
                covers.extend(t for t in re.split(r"[\s,]+", m.group(1)) if t)
            continue
        if "|" not in line:
            errors.append("%s: no '| evidence' part" % where)
            continue
        head, evidence = line.split("|", 1)
        evidence = norm(evidence)
        fields = head.split()
        if not evidence:
            errors.append("%s: empty evidence" % where)
            continue
        if body is not None:
            count = body.count(evidence)
            if count == 0:
                errors.append("%s: evidence not found in the report: %r" % (where, evidence))
                continue
        if not fields:
            errors.append("%s: empty line before '|'" % where)
            continue
        kind = fields[0]
        if kind == "noevent":
            if len(fields) != 1:
                errors.append("%s: 'noevent' takes nothing before '|'" % where)
                continue
            noevents.append((where, evidence))
            continue
        if kind != "event":
            errors.append("%s: a line starts with 'event' or 'noevent', not %r" % (where, kind))
            continue
        if len(fields) not in (6, 7):
            errors.append("%s: want 'event SOURCE TARGET CAMEO MODE STANCE [date=...] | evidence'" % where)
            continue
        _, source, target, cameo, mode, stance = fields[:6]
        date = None
        bad = False
        if len(fields) == 7:
            if not fields[6].startswith("date=") or not DATE_RE.match(fields[6][5:]):
                errors.append("%s: the optional seventh field is date=YYYY[-MM[-DD]], not %r" % (where, fields[6]))
                bad = True
            else:
                date = fields[6][5:]
        for role, code in (("source", source), ("target", target)):
            if code not in ("-", "*") and not ACTOR_RE.match(code):
                errors.append("%s: %s %r is not '-', '*' or a CAMEO actor code (blocks of three capitals)"
                              % (where, role, code))
                bad = True
        if not CAMEO_RE.match(cameo):
            errors.append("%s: CAMEO code %r is not 3 or 4 digits" % (where, cameo))
            bad = True
        elif codebook is not None and cameo not in codebook:
            errors.append("%s: CAMEO code %s is not in data/cameo/codes.txt" % (where, cameo))
            bad = True
        if mode not in MODES:
            errors.append("%s: mode %r is not one of %s" % (where, mode, " ".join(MODES)))
            bad = True
        if stance not in STANCES:
            errors.append("%s: stance %r is not one of %s" % (where, stance, " ".join(STANCES)))
            bad = True
        if not bad:
            events.append(Expected(doc, where, source, target, cameo, mode, stance, evidence, date, covers))
    return events, noevents, covers


def load_golden(directory, codebook, errors):
    """Every DIR/*.events with its report. Returns (docs, events, noevents)."""
    docs, events, noevents = {}, [], []
    names = sorted(n for n in os.listdir(directory) if n.endswith(".events"))
    for name in names:
        doc = name[: -len(".events")]
        txt = os.path.join(directory, doc + ".txt")
        body = None
        if not os.path.exists(txt):
            errors.append("%s: no report %s beside it" % (os.path.join(directory, name), doc + ".txt"))
        else:
            with open(txt, encoding="utf-8") as f:
                body = norm(f.read())
        ev, ne, covers = parse_events_file(os.path.join(directory, name), doc, body, codebook, errors)
        docs[doc] = covers
        events.extend(ev)
        noevents.extend((doc, where, text) for where, text in ne)
    return docs, events, noevents


def actor_code(actor):
    if isinstance(actor, dict):
        code = actor.get("code")
        return code if isinstance(code, str) and code else None
    return None


def load_predictions(path, errors):
    """Predicted events grouped by document id."""
    by_doc = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append("%s:%d: not JSON: %s" % (path, number, e))
                continue
            if not isinstance(record, dict):
                errors.append("%s:%d: not a JSON object" % (path, number))
                continue
            doc = record.get("doc")
            doc = os.path.splitext(os.path.basename(str(doc)))[0] if doc is not None else ""
            by_doc.setdefault(doc, []).append({
                "text": norm(record.get("text")),
                "source": actor_code(record.get("source")),
                "target": actor_code(record.get("target")),
                "cameo": str(record.get("cameo") or ""),
                "mode": record.get("mode"),
                "stance": record.get("stance"),
                "date": str(record.get("date") or ""),
                "line": number,
            })
    return by_doc


def actor_matches(expected, predicted, prefix_len=None):
    if expected == "*":
        return True
    if expected == "-":
        return predicted is None
    if predicted is None:
        return False
    want = expected if prefix_len is None else expected[:prefix_len]
    return predicted.startswith(want)


def exact_match(e, p):
    return (e.evidence in p["text"] and actor_matches(e.source, p["source"]) and actor_matches(e.target, p["target"])
            and p["cameo"] == e.cameo and p["mode"] == e.mode and p["stance"] == e.stance)


def root_match(e, p):
    return (e.evidence in p["text"] and actor_matches(e.source, p["source"], 3)
            and actor_matches(e.target, p["target"], 3) and p["cameo"][:2] == e.cameo[:2])


def assign(events, by_doc, match):
    """One-to-one greedy assignment; the most specific expectations choose first.
    Returns {id(expected): predicted} for the found ones."""
    def specificity(e):
        return -sum(len(c) for c in (e.source, e.target) if c not in ("-", "*"))
    found, used = {}, set()
    for e in sorted(events, key=specificity):
        for i, p in enumerate(by_doc.get(e.doc, [])):
            key = (e.doc, i)
            if key not in used and match(e, p):
                used.add(key)
                found[id(e)] = p
                break
    return found


def ratio(a, b):
    return a / b if b else 0.0


def score(directory, pred_path, floor=0.0, verbose=False, out=sys.stdout, codebook=None):
    errors = []
    docs, events, noevents = load_golden(directory, codebook, errors)
    pred_errors = []
    by_doc = load_predictions(pred_path, pred_errors) if pred_path else {}
    for message in errors + pred_errors:
        print(message, file=out)

    found = assign(events, by_doc, exact_match)
    found_root = assign(events, by_doc, root_match)
    violations = []
    for doc, where, text in noevents:
        for p in by_doc.get(doc, []):
            if text in p["text"]:
                violations.append((where, text, p))

    if verbose:
        for doc in sorted(docs):
            misses = [e for e in events if e.doc == doc and id(e) not in found]
            bad = [v for v in violations if v[0].startswith(os.path.join(directory, doc + ".events"))]
            if not misses and not bad:
                continue
            print("== %s" % doc, file=out)
            for e in misses:
                print("  missed %s: %s" % (e.where, e.describe()), file=out)
                near = [p for p in by_doc.get(doc, []) if e.evidence in p["text"]]
                for p in near:
                    print("    coded %s %s %s %s %s" % (p["source"] or "-", p["target"] or "-", p["cameo"], p["mode"],
                                                       p["stance"]), file=out)
                if not near:
                    print("    (nothing coded on that sentence)", file=out)
            for where, text, p in bad:
                print("  noevent %s: coded %s %s %s on %r" % (where, p["source"] or "-", p["target"] or "-",
                                                            p["cameo"], text), file=out)

    # Breakdowns: by CAMEO root, mode, stance and construction (the files' "# covers:" tags).
    def table(title, key_of):
        groups = {}
        for e in events:
            for k in key_of(e):
                g = groups.setdefault(k, [0, 0])
                g[0] += 1
                g[1] += id(e) in found
        if groups:
            cells = ["%s %d/%d" % (k, g[1], g[0]) for k, g in sorted(groups.items())]
            print("%s: %s" % (title, ", ".join(cells)), file=out)
    if events and (verbose or by_doc):
        table("by root", lambda e: [e.cameo[:2]])
        table("by mode", lambda e: [e.mode])
        table("by stance", lambda e: [e.stance])
        table("by construction (events of the reports that cover it)", lambda e: e.covers)
        dated = [e for e in events if e.date and id(e) in found]
        if dated:
            right = sum(1 for e in dated if found[id(e)]["date"].startswith(e.date))
            print("dates: %d/%d found events with an expected date have it" % (right, len(dated)), file=out)

    n = len(events)
    recall = ratio(len(found), n)
    recall_root = ratio(len(found_root), n)
    print("recall=%.2f recall_root=%.2f expected=%d found=%d noevent_violations=%d"
          % (recall, recall_root, n, len(found), len(violations)), file=out)
    if errors or pred_errors:
        return 1
    return 1 if recall < floor else 0


# ----------------------------------------------------------------------------- self-test

def selftest():
    """Checks the matcher and the file checks on small built-in cases."""
    failures = []

    def expect(what, cond):
        if not cond:
            failures.append(what)

    with tempfile.TemporaryDirectory() as tmp:
        gold = os.path.join(tmp, "gold")
        os.mkdir(gold)
        with open(os.path.join(gold, "01-a.txt"), "w", encoding="utf-8") as f:
            f.write("Plot foiled\nPublished 2025-03-14\n\n"
                    "Police in Mexico  thwarted a plot by Iran to kill Israel\u2019s ambassador, officials said.\n"
                    "Iran denied it. The weather was fine.\n")
        with open(os.path.join(gold, "01-a.events"), "w", encoding="utf-8") as f:
            f.write("# covers: passive-by negation\n"
                    "event IRNMIL ISRGOV 185 thwarted alleged date=2025-03 | plot by Iran to kill Israel's ambassador\n"
                    "event IRN - 016 occurred denied | Iran denied it\n"
                    "event MEX * 173 occurred asserted | Police in Mexico thwarted\n"
                    "noevent | The weather was fine.\n")

        def run(preds, **kw):
            path = os.path.join(tmp, "pred.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                for p in preds:
                    f.write((p if isinstance(p, str) else json.dumps(p)) + "\n")
            buf = _Capture()
            rc = score(gold, path, out=buf, **kw)
            return rc, buf.text.strip().split("\n")[-1], buf.text

        s1 = "Police in Mexico thwarted a plot by Iran to kill Israel's ambassador, officials said."
        plot = {"doc": "01-a", "sentence": 1, "text": s1, "source": {"code": "IRNMIL"},
                "target": {"code": "ISRGOVXXX"}, "cameo": "185", "mode": "thwarted", "stance": "alleged",
                "date": "2025-03-14"}
        deny = {"doc": "01-a", "sentence": 2, "text": "Iran denied it.", "source": {"code": "IRNGOV"},
                "target": None, "cameo": "016", "mode": "occurred", "stance": "denied"}
        rc, last, _ = run([plot, deny])
        expect("two of three found: " + last, "expected=3 found=2" in last and rc == 0)
        expect("recall printed with two decimals: " + last, last.startswith("recall=0.67 recall_root=0.67"))
        # The code of a target must start with the expected one, not the other way round.
        rc, last, _ = run([dict(plot, source={"code": "IRN"}), deny])
        expect("a shorter predicted code does not match a longer expected one: " + last, "found=1" in last)
        # '-' expects no actor: a null actor, an actor without a code; not a coded one.
        rc, last, _ = run([dict(deny, target={"text": "it", "code": None})])
        expect("an actor without a code counts as '-': " + last, "found=1" in last)
        rc, last, _ = run([dict(deny, target={"code": "USA"})])
        expect("a coded actor does not match '-': " + last, "found=0" in last)
        # '*' takes anything; a different mode or stance misses but the root still counts.
        arrest = {"doc": "01-a", "text": s1, "source": {"code": "MEXCOP"}, "target": None, "cameo": "173",
                  "mode": "occurred", "stance": "asserted"}
        rc, last, _ = run([arrest])
        expect("'*' matches a missing target: " + last, "found=1" in last)
        rc, last, _ = run([dict(plot, mode="planned")])
        expect("wrong mode: missed exactly, found at root level: " + last,
               "found=0" in last and "recall_root=0.33" in last)
        # Curly and straight quotes, runs of spaces, and a doc given as a path.
        rc, last, _ = run([dict(plot, doc="some/dir/01-a.txt", text=s1.replace("'", "\u2019").replace(" ", "  "))])
        expect("quotes, spaces and doc paths normalised: " + last, "found=1" in last)
        # One prediction finds one expectation; the wrong document finds none.
        rc, last, _ = run([dict(plot, doc="02-b")])
        expect("another document's event does not count: " + last, "found=0" in last)
        # noevent violations, and the floor.
        rc, last, _ = run([dict(deny, text="Iran denied it. The weather was fine.")])
        expect("noevent violation counted: " + last, "noevent_violations=1" in last)
        rc, last, _ = run([plot], floor=0.5)
        expect("recall under the floor exits 1", rc == 1)
        rc, last, out = run([plot, deny], verbose=True)
        expect("verbose names the miss", "missed" in out and "173" in out)
        expect("date breakdown", "dates: 1/1" in out)
        rc, last, _ = run(["{not json"])
        expect("a broken prediction line exits 1", rc == 1)

        # Malformed .events lines are reported with file and line, and exit 1.
        bad_cases = [
            ("event IRN ISR 185 thwarted | plot by Iran", "want 'event SOURCE"),
            ("event IRN ISR 999 occurred asserted | plot by Iran", "not in data/cameo"),
            ("event IRN ISR 185 done asserted | plot by Iran", "mode"),
            ("event IRN ISR 185 planned rumoured | plot by Iran", "stance"),
            ("event Iran ISR 185 planned alleged | plot by Iran", "source"),
            ("event IRN ISR 185 planned alleged | a sentence that is not there", "evidence not found"),
            ("event IRN ISR 185 planned alleged when=2025 | plot by Iran", "date="),
            ("noevent The weather was fine.", "no '| evidence'"),
            ("evnt IRN ISR 185 planned alleged | plot by Iran", "starts with 'event'"),
        ]
        codebook = {"185", "016", "173"}
        for line, want in bad_cases:
            with open(os.path.join(gold, "01-a.events"), "w", encoding="utf-8") as f:
                f.write("# a comment\n\n" + line + "\n")
            buf = _Capture()
            rc = score(gold, None, out=buf, codebook=codebook)
            expect("malformed %r: exit 1 and %r in %r" % (line, want, buf.text),
                   rc == 1 and want in buf.text and "01-a.events:3:" in buf.text)
    for f in failures:
        print("selftest FAIL: " + f)
    print("selftest: %d failed" % len(failures))
    return 1 if failures else 0


class _Capture:
    def __init__(self):
        self.text = ""

    def write(self, s):
        self.text += s

    def flush(self):
        pass


def main(argv):
    ap = argparse.ArgumentParser(description="Score vigil code output against golden .events files.")
    ap.add_argument("dir", nargs="?", help="directory of NN-name.txt and NN-name.events files")
    ap.add_argument("pred", nargs="?", help="vigil code output (JSON Lines)")
    ap.add_argument("--floor", type=float, default=0.0, help="exit 1 when recall is below this")
    ap.add_argument("--verbose", action="store_true", help="print every missed event and noevent violation")
    ap.add_argument("--selftest", action="store_true", help="check the matcher on built-in cases")
    ap.add_argument("--codes", default=codebook_path(), help="CAMEO codebook (default: data/cameo/codes.txt)")
    args = ap.parse_args(argv)
    if args.selftest:
        return selftest()
    if not args.dir or not args.pred:
        ap.error("DIR and PRED.jsonl are required")
    return score(args.dir, args.pred, args.floor, args.verbose, codebook=load_codebook(args.codes))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
