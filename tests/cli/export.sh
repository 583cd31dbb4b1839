# vigil export: a few example reports (and one JSON Lines document with a URL and commas)
# ingested into a temporary store, exported as JSON Lines, CSV and STIX. Every line and row
# parses and matches the store, the CSV header is the one docs/formats/exports.md documents,
# every STIX reference resolves and ids are the documented UUIDv5s, a re-export is
# byte-identical, --since filters, and bad arguments are refused with clear messages.
# (Schema validation of the STIX objects: export_stix.sh.)
. "$(dirname "$0")/common.bash"

[ -f "$src/data/models/en_ewt.parser" ] || { echo "skip: models absent"; exit 77; }
[ -f "$src/examples/actors.txt" ] || { echo "skip: examples/actors.txt (the example story's dictionary) absent"; exit 77; }
db=$work/export.db
actors=(--actors "$src/examples/actors.txt")
reports=("$src"/examples/reports/0[1-3]-*.txt "$src"/examples/reports/0[7-9]-*.txt
         "$src"/examples/reports/1[0-1]-*.txt "$src"/examples/reports/2[01]-*.txt)
cat >"$work/wire.jsonl" <<'JSON'
{"id":"herald-0131","date":"2026-01-31","title":"Norland says \"Karesh, again\"","url":"https://example.org/news?id=7,page=2","source":"Valdoria Herald","text":"Norland's foreign ministry accused Karesh of plotting to attack the Norland embassy in Valdoria, officials said on Saturday. Karesh denied the accusation."}
JSON
"$vigil" ingest -q --db "$db" "${actors[@]}" "${reports[@]}" "$work/wire.jsonl" || fail "ingest the reports"

export_to() { "$vigil" export --db "$db" "${actors[@]}" "$@"; }

# JSON Lines: one event per line, each line an event record with its incident and document.
export_to --format jsonl >"$work/a.jsonl" || fail "export jsonl"
python3 - "$work/a.jsonl" "$db" <<'PY' && ok || fail "jsonl lines"
import json, sqlite3, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
events = [json.loads(line) for line in lines]
db = sqlite3.connect(sys.argv[2])
assert len(events) == db.execute("SELECT count(*) FROM events").fetchone()[0] > 0, len(events)
ids = [e["id"] for e in events]
assert len(set(ids)) == len(ids) and all(i.isdigit() for i in ids)
for e in events:
    for key in ("doc", "sentence", "text", "source", "target", "cameo", "cameo_name", "plover", "mode",
                "negated", "stance", "attributed_to", "date", "date_precision", "place", "rule", "span",
                "incident", "link", "document"):
        assert key in e, (key, e)
    assert e["text"] and e["cameo"].isdigit() and e["stance"] in ("asserted", "alleged", "denied")
    assert e["document"]["id"] == e["doc"]
# The JSON Lines document's URL and publisher come through; allegations keep who says so.
herald = [e for e in events if e["doc"] == "herald-0131"]
assert herald and all(e["document"]["url"] == "https://example.org/news?id=7,page=2" for e in herald)
assert all(e["document"]["publisher"] == "Valdoria Herald" for e in herald)
assert any(e["stance"] == "alleged" and e["attributed_to"] for e in events)
assert any(e["incident"] for e in events)
# Ordered by publication date.
dates = [e["document"]["date"] for e in events]
assert dates == sorted(dates)
PY

# CSV: RFC 4180, the documented header, one row per event.
export_to --format csv --out "$work/a.csv" || fail "export csv"
python3 - "$work/a.csv" "$work/a.jsonl" "$src/docs/formats/exports.md" <<'PY' && ok || fail "csv rows"
import csv, json, re, sys
raw = open(sys.argv[1], "rb").read()
assert raw.endswith(b"\r\n"), "rows end with CRLF"
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"), strict=True))
doc = open(sys.argv[3], encoding="utf-8").read()
table = doc.split("### CSV columns", 1)[1].split("\n\n", 2)[1]
documented = []
for line in table.splitlines():
    m = re.match(r"\| `([A-Za-z0-9_]+)`(?:, `([A-Za-z0-9_]+)`)*", line)
    if m:
        documented += re.findall(r"`([A-Za-z0-9_]+)`", line.split("|")[1])
header = rows[0]
assert header == documented, (header, documented)
events = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
body = rows[1:]
assert len(body) == len(events)
col = {name: i for i, name in enumerate(header)}
for row, e in zip(body, events):
    assert len(row) == len(header)
    assert row[col["GLOBALEVENTID"]] == e["id"]
    assert row[col["EventCode"]] == e["cameo"] and row[col["EventRootCode"]] == e["cameo"][:2]
    assert row[col["QuadClass"]] in ("1", "2", "3", "4")
    assert -10.0 <= float(row[col["GoldsteinScale"]]) <= 10.0
    assert re.fullmatch(r"\d{8}", row[col["SQLDATE"]]) and row[col["Year"]] == row[col["SQLDATE"]][:4]
    assert int(row[col["NumSources"]]) >= 1 and int(row[col["NumArticles"]]) >= int(row[col["NumSources"]])
    assert int(row[col["NumMentions"]]) >= 1
    assert row[col["Mode"]] == e["mode"] and row[col["Stance"]] == e["stance"]
    assert row[col["IncidentID"]] == (e["incident"] or "")
    if e["source"] and e["source"]["code"]:
        assert row[col["Actor1Code"]] == e["source"]["code"]
# Quoting: the URL with a comma survives; a country code is found for a coded government.
herald = [r for r in body if r[col["DocumentID"]] == "herald-0131"]
assert herald and all(r[col["SOURCEURL"]] == "https://example.org/news?id=7,page=2" for r in herald)
assert b'"https://example.org/news?id=7,page=2"' in raw
assert any(r[col["Actor1CountryCode"]] == "XNL" and r[col["Actor1Type1Code"]] == "GOV" for r in body)
assert any(r[col["AttributedTo"]] for r in body)
PY

# STIX: a bundle whose references all resolve, with the documented ids.
export_to --format stix --out "$work/a.stix.json" || fail "export stix"
python3 "$src/tests/cli/stix_validate.py" "$work/a.stix.json" - >/dev/null || fail "stix references resolve"
python3 - "$work/a.stix.json" <<'PY' && ok || fail "stix contents"
import collections, json, sys, uuid
bundle = json.load(open(sys.argv[1], encoding="utf-8"))
objects = bundle["objects"]
by_id = {o["id"]: o for o in objects}
types = collections.Counter(o["type"] for o in objects)
for t in ("report", "identity", "threat-actor", "location", "relationship", "note", "opinion"):
    assert types[t] > 0, (t, types)
ns = uuid.UUID("aa1e8cb3-db00-5618-a6ca-625d753066c9")
def sid(t, key): return "%s--%s" % (t, uuid.uuid5(ns, "%s|%s" % (t, key)))
assert sid("location", "XNL") in by_id and by_id[sid("location", "XNL")]["country"]
assert sid("identity", "country:XNL") in by_id
for o in objects:
    if o["type"] == "report":
        assert o["id"] == sid("report", o["x_vigil_incident"])
        assert o["created"] <= o["modified"] and o["published"] == o["modified"]
    if o["type"] == "relationship":
        assert o["id"] == sid("relationship", "%s|%s|%s" % (o["relationship_type"], o["source_ref"], o["target_ref"]))
rels = collections.Counter(o["relationship_type"] for o in objects if o["type"] == "relationship")
assert rels["targets"] and rels["attributed-to"], rels
# Denials are opinions that strongly disagree, quoting their sentence; allegations are notes.
opinions = [o for o in objects if o["type"] == "opinion"]
assert all(o["opinion"] == "strongly-disagree" and o["explanation"] and o["authors"] for o in opinions)
assert any("denied" in o["explanation"] for o in opinions)
notes = [o for o in objects if o["type"] == "note"]
assert any(o["abstract"].startswith("Alleged by ") and o["x_vigil_role"] == "alleges" for o in notes)
# A unit of a state that plots is attributed to that state (Karesh's intelligence service).
karesh = sid("identity", "country:XKR")
assert any(o["type"] == "relationship" and o["relationship_type"] == "attributed-to" and o["target_ref"] == karesh
           and o["source_ref"].startswith("threat-actor--") for o in objects)
PY

# Deterministic: every format exports to the same bytes again (and to stdout as to --out).
export_to --format jsonl >"$work/b.jsonl" && cmp -s "$work/a.jsonl" "$work/b.jsonl" && ok || fail "jsonl re-export identical"
export_to --format csv >"$work/b.csv" && cmp -s "$work/a.csv" "$work/b.csv" && ok || fail "csv re-export identical"
export_to --format stix >"$work/b.stix.json" && cmp -s "$work/a.stix.json" "$work/b.stix.json" && ok \
  || fail "stix re-export identical"

# --since: events of documents published on or after the date; incidents last reported then.
export_to --format jsonl --since 2026-01-23 >"$work/since.jsonl" || fail "export --since"
export_to --format csv --since 2026-01-23 >"$work/since.csv" || fail "export csv --since"
export_to --format stix --since 2026-02-01 >"$work/since.stix.json" || fail "export stix --since"
python3 - "$work" "$db" <<'PY' && ok || fail "--since filters"
import csv, json, sqlite3, sys
work, db = sys.argv[1], sqlite3.connect(sys.argv[2])
all_events = [json.loads(l) for l in open(work + "/a.jsonl")]
since = [json.loads(l) for l in open(work + "/since.jsonl")]
expected = db.execute("SELECT count(*) FROM events e JOIN documents d ON d.id = e.document"
                      " WHERE d.pubdate >= '2026-01-23'").fetchone()[0]
assert 0 < len(since) == expected < len(all_events), (len(since), expected, len(all_events))
assert all(e["document"]["date"] >= "2026-01-23" for e in since)
assert since == [e for e in all_events if e["document"]["date"] >= "2026-01-23"]
rows = list(csv.reader(open(work + "/since.csv", newline="")))
assert len(rows) - 1 == expected and all(r[22] >= "20260123" for r in rows[1:])
full = json.load(open(work + "/a.stix.json"))["objects"]
part = json.load(open(work + "/since.stix.json"))["objects"]
reports = [o for o in part if o["type"] == "report"]
expected = db.execute("SELECT count(*) FROM incidents WHERE last_reported >= '2026-02-01'").fetchone()[0]
assert 0 < len(reports) == expected < len([o for o in full if o["type"] == "report"])
assert all(o["published"] >= "2026-02-01" for o in reports)
PY
python3 "$src/tests/cli/stix_validate.py" "$work/since.stix.json" - >/dev/null || fail "stix --since references resolve"

# Errors: usage errors exit 2, store errors exit 1, each with a message naming the problem.
expect_error() { # STATUS PATTERN ARGS...
  local status=$1 pattern=$2; shift 2
  "$vigil" export "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [ "$got" -eq "$status" ] && grep -q -- "$pattern" "$work/err" && [ ! -s "$work/out" ]; then ok
  else fail "export $* gave $got: $(cat "$work/err")"; fi
}
expect_error 2 "unknown format 'xml'" --db "$db" --format xml
expect_error 2 "format jsonl|csv|stix is required" --db "$db"
expect_error 2 "bad date \"2026-13-45\"" --db "$db" --format csv --since 2026-13-45
expect_error 2 "bad date \"yesterday\"" --db "$db" --format csv --since yesterday
expect_error 2 "needs a value" --db "$db" --format
expect_error 2 "unknown argument '--frmat'" --db "$db" --frmat csv
expect_error 1 "$work/missing.db" --db "$work/missing.db" --format jsonl
[ ! -e "$work/missing.db" ] && ok || fail "a missing store is not created"
printf 'not a database, just text\n' >"$work/text.db"
expect_error 1 "$work/text.db" --db "$work/text.db" --format stix
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE t (x)'); c.commit()" "$work/other.db"
expect_error 1 "not a vigil store" --db "$work/other.db" --format csv
expect_error 1 "cannot write $work/no/such/dir/out.csv" --db "$db" "${actors[@]}" --format csv --out "$work/no/such/dir/out.csv"
# A full disk, where the machine has /dev/full (never write to it when it is not the device:
# as root that would make it a plain file).
if [ -c /dev/full ]; then
  for format in jsonl csv stix; do
    "$vigil" export --db "$db" "${actors[@]}" --format $format >/dev/full 2>"$work/err"
    [ $? -eq 1 ] && grep -q "cannot write" "$work/err" && ok || fail "$format to a full disk: $(cat "$work/err")"
  done
  "$vigil" export --db "$db" "${actors[@]}" --format csv --out /dev/full 2>"$work/err"
  [ $? -eq 1 ] && grep -q "cannot write /dev/full" "$work/err" && [ -c /dev/full ] && ok || fail "--out /dev/full"
else
  echo "note: /dev/full is not a character device here; the full-disk checks are skipped"
fi
"$vigil" export --help | grep -q -- "--since" && ok || fail "export --help"
finish
