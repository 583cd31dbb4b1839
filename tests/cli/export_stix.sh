# vigil export --format stix, validated object by object against the OASIS STIX 2.1 JSON
# schemas in ../shared/stix2-json-schemas/ (each object against its own type's schema, $refs
# resolved locally; the bundle schema is not used, as it rejects valid notes and opinions),
# with python3-jsonschema (scripts/deps.sh), plus every *_ref and *_refs resolving.
. "$(dirname "$0")/common.bash"

schemas=$shared/stix2-json-schemas/schemas
[ -f "$src/data/models/en_ewt.parser" ] || { echo "skip: models absent"; exit 77; }
[ -f "$src/examples/actors.txt" ] || { echo "skip: examples/actors.txt (the example story's dictionary) absent"; exit 77; }
[ -d "$schemas" ] || { echo "skip: $schemas absent (../shared not present)"; exit 77; }
# Debian's python3-jsonschema is in /usr/bin/python3; a python3 earlier on PATH may have its own.
python=
for p in /usr/bin/python3 python3; do
  if "$p" -c 'import jsonschema' 2>/dev/null; then python=$p; break; fi
done
[ -n "$python" ] || { echo "FAIL: no python3 with jsonschema (scripts/deps.sh installs python3-jsonschema)" >&2; exit 1; }

db=$work/examples.db
"$vigil" ingest -q --db "$db" --actors "$src/examples/actors.txt" "$src"/examples/reports/*.txt \
  || fail "ingest the example reports"
"$vigil" export --db "$db" --actors "$src/examples/actors.txt" --format stix --out "$work/bundle.json" \
  || fail "export stix"
"$python" "$src/tests/cli/stix_validate.py" "$work/bundle.json" "$schemas" && ok || fail "STIX objects valid"
"$vigil" export --db "$db" --actors "$src/examples/actors.txt" --format stix --since 2026-02-10 \
  --out "$work/since.json" || fail "export stix --since"
"$python" "$src/tests/cli/stix_validate.py" "$work/since.json" "$schemas" && ok || fail "STIX --since objects valid"

# The validator itself fails on what the schemas forbid: a note without content, an opinion
# outside the vocabulary, a timestamp without milliseconds, a reference out of the bundle.
"$python" - "$work/bundle.json" "$work/broken.json" <<'PY' || fail "break the bundle"
import json, sys
bundle = json.load(open(sys.argv[1]))
first = {}
for o in bundle["objects"]:
    first.setdefault(o["type"], o)
del first["note"]["content"]
first["opinion"]["opinion"] = "not-sure"
first["report"]["created"] = "2026-01-20T00:00:00Z"
first["relationship"]["target_ref"] = "identity--00000000-0000-5000-8000-000000000000"
json.dump(bundle, open(sys.argv[2], "w"))
PY
"$python" "$src/tests/cli/stix_validate.py" "$work/broken.json" "$schemas" 2>"$work/problems" >/dev/null
[ $? -eq 1 ] && [ "$(grep -c '^stix: ' "$work/problems")" -ge 4 ] && grep -q "'content' is a required property" "$work/problems" \
  && grep -q "not-sure" "$work/problems" && grep -q "is not in the bundle" "$work/problems" && ok \
  || fail "the validator rejects a broken bundle: $(cat "$work/problems")"
finish
