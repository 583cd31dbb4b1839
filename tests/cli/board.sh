# vigil board, incidents, claims and actor on the example reports: the wire story run by three
# outlets counts once, the plot's ledger has its denial and no-comment, the watched diplomats
# are at a raised level with the incidents and sentences behind it, and bad watchlists are
# refused with FILE:LINE.
. "$(dirname "$0")/common.bash"

[ -f "$src/data/models/en_ewt.parser" ] || { echo "skip: models absent"; exit 77; }
[ -f "$src/examples/actors.txt" ] || { echo "skip: examples/actors.txt (the example story's dictionary) absent"; exit 77; }
db=$work/examples.db
"$vigil" ingest -q --db "$db" --actors "$src/examples/actors.txt" "$src"/examples/reports/*.txt \
  || fail "ingest the example reports"

# The three copies of the wire story are three documents and one independent source.
"$vigil" incidents --db "$db" --json --limit 0 >"$work/incidents.json" || fail "incidents --json"
python3 - "$work/incidents.json" <<'PY' && ok || fail "wire copies count once"
import json, sys
incidents = json.load(open(sys.argv[1]))["incidents"]
docs = lambda i: {p["doc"] for p in i["reported_by"]}
wire = {"09-wire-embassy-plot-charges", "10-wire-embassy-plot-charges-herald", "11-wire-embassy-plot-charges-ledger"}
hits = [i for i in incidents if wire <= docs(i)]
assert hits, "no incident is reported by all three copies"
for i in hits:
    origins = [p["counts_as"] for p in i["reported_by"] if p["doc"] in wire]
    assert len(set(origins)) == 1, origins
    assert i["independent_sources"] == len({p["counts_as"] for p in i["reported_by"]}), i["id"]
    assert i["independent_sources"] < i["documents"], (i["independent_sources"], i["documents"])
PY

# Every ledger entry points at a stored sentence; the embassy plot has a denial and a no-comment.
python3 - "$work/incidents.json" <<'PY' && ok || fail "ledgers"
import json, sys
incidents = json.load(open(sys.argv[1]))["incidents"]
entries = [c for i in incidents for role in i["ledger"].values() for c in role]
assert entries and all(c["text"] and c["doc"] and c["sentence"] >= 1 for c in entries)
roles = {r for i in incidents for r, cs in i["ledger"].items() if cs}
assert {"alleges", "confirms", "denies", "no_comment"} <= roles, roles
# every dated incident says the days it may have happened on, its date among them
for i in incidents:
    w = i.get("date_window")
    assert w and w["from"] <= i["date"] <= w["to"], (i["id"], i["date"], w)
PY

# The board: the diplomats are above normal, with incidents, contributions and evidence.
"$vigil" board --db "$db" --watchlist "$src/examples/watchlist.txt" --json >"$work/board.json" || fail "board --json"
python3 - "$work/board.json" <<'PY' && ok || fail "board"
import json, sys
board = json.load(open(sys.argv[1]))
assert board["as_of"] == "2026-02-17", board["as_of"]
levels = [e["level"] for e in board["entities"]]
assert levels == sorted(levels, reverse=True)
d = next(e for e in board["entities"] if e["entity"].startswith("Norland's diplomatic missions"))
assert d["level"] >= 3 and d["incidents"], d["level"]
assert abs(sum(i["contribution"] for i in d["incidents"]) - d["score"]) < 1e-3 * len(d["incidents"])
top = d["incidents"][0]
assert top["evidence"] and top["evidence"][0]["text"]
assert abs(top["weight"] * top["recency"] - top["contribution"]) < 1e-3
PY
"$vigil" board --db "$db" --watchlist "$src/examples/watchlist.txt" >"$work/board.txt" || fail "board"
grep -q "THREAT BOARD as of 2026-02-17" "$work/board.txt" && grep -q "Norland's diplomatic missions" "$work/board.txt" \
  && ok || fail "board table"
# Seen a year later, everything has faded to normal.
"$vigil" board --db "$db" --watchlist "$src/examples/watchlist.txt" --as-of 2027-02-17 --json \
  | python3 -c 'import json,sys; b=json.load(sys.stdin); assert all(e["level"] == 1 for e in b["entities"])' \
  && ok || fail "levels fade"

# A wire story's claim run by three outlets is printed once, naming the copies.
grep -q "the same words in 10-wire-embassy-plot-charges-herald #8, 11-wire" "$work/board.txt" && ok \
  || fail "copies of one claim not collapsed"
grep -q "(10-wire-embassy-plot-charges-herald #8)" "$work/board.txt" && fail "a copied denial printed again" || ok
# a place known only by its country's code is named ("the convoy of Norland's ambassador to Astoria")
grep -q "place Astoria" "$work/board.txt" && ok || fail "a place by its country's name"
grep -q "place XAS" "$work/board.txt" && fail "a place printed as a code" || ok
# a side named only by a possessive shows whose ("its intelligence service [Karesh] (XKRSPY)")
grep -q "its intelligence service \[Karesh\] (XKRSPY)" "$work/board.txt" && ok || fail "whose 'its' side"
# a side named by a pronoun shows whom its events resolved it to
"$vigil" incidents --db "$db" | grep -q "she \[Mira Castell\] (XNLMED)" && ok || fail "a pronoun side's name"
# a claimant found through a pronoun shows whom the coder took it for ("He" of 21 #3 is Faris Adel)
"$vigil" claims --db "$db" "Faris Adel" | grep -q "He \[Faris Adel\] denies" && ok || fail "a resolved claimant's name"

# claims and actor.
"$vigil" claims --db "$db" "Helga Brandt" >"$work/claims.txt" && grep -q "incident" "$work/claims.txt" && ok \
  || fail "claims Helga Brandt"
"$vigil" claims --db "$db" XNLGOV --json | python3 -c 'import json,sys; assert json.load(sys.stdin)["incidents"]' \
  && ok || fail "claims by code"
"$vigil" actor --db "$db" Karesh >"$work/actor.txt" && grep -q "XKR" "$work/actor.txt" && ok || fail "actor Karesh"
"$vigil" actor --db "$db" "Nobody At All" | grep -q "no actor matches" && ok || fail "an unknown actor"

# Watchlist errors name the file and line; the store is not touched.
printf 'class  Diplomats\n  codes: XNLGOV\nperson  Brandt\n  code: XNLGOV\n' >"$work/bad-watch.txt"
"$vigil" board --db "$db" --watchlist "$work/bad-watch.txt" >/dev/null 2>"$work/err"; rc=$?
[ "$rc" -eq 1 ] && grep -q "bad-watch.txt:4: unknown field 'code'" "$work/err" && ok || fail "watchlist error: $(cat "$work/err")"
"$vigil" board --db "$db" --watchlist "$work/absent.txt" >/dev/null 2>"$work/err"; rc=$?
[ "$rc" -eq 1 ] && grep -q "absent.txt" "$work/err" && ok || fail "absent watchlist: $(cat "$work/err")"
"$vigil" board --db "$db" --watchlist "$src/examples/watchlist.txt" --as-of 2026-02-30x >/dev/null 2>&1
[ $? -eq 2 ] && ok || fail "a bad --as-of exits 2"

finish
