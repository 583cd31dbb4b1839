# The issue's acceptance case: the three seed articles ingested together give one incident for
# the plot against Israel's ambassador to Mexico, alleged by U.S. and Israeli officials, denied
# by Mexico's authorities, with no comment from Iran's mission to the UN and from Israel's
# embassy in Mexico.
. "$(dirname "$0")/common.bash"

[ -f "$src/data/models/en_ewt.parser" ] || { echo "skip: models absent"; exit 77; }
[ -d "$shared/seeds" ] || { echo "skip: $shared/seeds absent (../shared not present)"; exit 77; }

"$vigil" ingest -q --db "$work/seeds.db" "$shared/seeds" || fail "ingest the seeds"
"$vigil" claims --db "$work/seeds.db" --json "ambassador" >"$work/claims.json" || fail "claims ambassador"
python3 - "$work/claims.json" <<'PY' && ok || fail "the ambassador plot's ledger"
import json, sys
incidents = json.load(open(sys.argv[1]))["incidents"]
def words(i, role):
    return " | ".join(c["actor"] + " " + (c["code"] or "") for c in i["ledger"][role])
plots = [i for i in incidents
         if i["family"] == "violence" and (i["target"] or {}).get("code", "").startswith("ISR")
         and "ambassador" in ((i["target"] or {}).get("text") or "")]
assert len(plots) == 1, [(i["id"], i["target"]) for i in plots]
plot = plots[0]
alleges, denies, silent = words(plot, "alleges"), words(plot, "denies"), words(plot, "no_comment")
assert "U.S." in alleges and "Israeli" in alleges, alleges
assert "MEX" in denies, denies
assert "U.N." in silent or "UN" in silent, silent
assert "Embassy" in silent and "ISRGOV" in silent, silent
assert plot["source"] and plot["source"]["code"].startswith("IRN"), plot["source"]
PY
finish
