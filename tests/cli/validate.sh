# vigil validate on the PETRARCH validation suites (../shared/petrarch2), with a floor under the
# measured counts (BENCHMARKS.md), and its handling of bad input. The sanitizer build runs the
# same suites (they take well under a minute there).
. "$(dirname "$0")/common.bash"

check "vigil validate --help" "$vigil" validate --help >/dev/null
"$vigil" validate >/dev/null 2>&1; [ $? -eq 2 ] && ok || fail "no file: usage error"
"$vigil" validate --frobnicate x.xml >/dev/null 2>&1; [ $? -eq 2 ] && ok || fail "unknown option: usage error"
"$vigil" validate "$work/missing.xml" >/dev/null 2>"$work/err"; [ $? -eq 1 ] && grep -q missing.xml "$work/err" \
  && ok || fail "a missing file is named"
printf '<Validation><Sentences></Sentences></Validation>' >"$work/noenv.xml"
"$vigil" validate "$work/noenv.xml" >/dev/null 2>"$work/err"; [ $? -eq 1 ] && grep -q Environment "$work/err" \
  && ok || fail "no <Environment>: error"
head -c 4096 /dev/urandom >"$work/random.xml"
"$vigil" validate "$work/random.xml" >/dev/null 2>&1; [ $? -le 1 ] && ok || fail "binary file"

# A suite of our own: two records, a bad dictionary line named by file and line.
cat >"$work/verbs.txt" <<'DICT'
--- RESTORE [050] ---
RESTORE
- * TIES [051]
DICT
printf 'ARNOR [ARN]\nGONDOR [GON]\n' >"$work/actors.txt"
cat >"$work/suite.xml" <<'XML'
<Validation>
<Environment><Verbfile>verbs.txt</Verbfile><Actorfile>actors.txt</Actorfile><Include>DEMO</Include></Environment>
<Sentences>
<Sentence category="DEMO" date="19950101" id="ONE"><EventCoding eventcode="051" sourcecode="ARN" targetcode="GON"/>
<Text>Arnor restored ties with Gondor.</Text></Sentence>
<Sentence category="DEMO" date="19950101" id="TWO"><EventCoding noevents="True"/>
<Text>The weather was fine in
Gondor.</Text></Sentence>
<Sentence category="OTHER" date="19950101" id="THREE"><EventCoding noevents="True"/><Text>Arnor restored ties with Gondor.</Text></Sentence>
</Sentences></Validation>
XML
"$vigil" validate "$work/suite.xml" >"$work/out" 2>"$work/err" || fail "own suite: $(cat "$work/err")"
[ "$(tail -n 1 "$work/out")" = "2 passed, 0 failed" ] && ok || fail "own suite: $(tail -n 1 "$work/out")"
grep -q '^PASS ONE' "$work/out" && grep -q '(ARN, GON, 051)' "$work/out" && ok || fail "own suite: record ONE"
printf -- '- * TIES [051\n' >>"$work/verbs.txt"
"$vigil" validate "$work/suite.xml" >/dev/null 2>"$work/err"; [ $? -eq 1 ] && grep -q 'verbs.txt:4:' "$work/err" \
  && ok || fail "a bad dictionary line is named: $(cat "$work/err")"

# The PETRARCH suites: the last line is "N passed, M failed", N at least the floor.
suite() { # NAME FLOOR FILE [OPTIONS]
  local name=$1 floor=$2 file=$3; shift 3
  "$vigil" validate "$file" "$@" >"$work/$name.out" 2>"$work/$name.err" || { fail "$name: $(cat "$work/$name.err")"; return; }
  local last passed
  last=$(tail -n 1 "$work/$name.out")
  passed=${last%% passed*}
  echo "$name: $last"
  [[ "$last" =~ ^[0-9]+\ passed,\ [0-9]+\ failed$ ]] && [ "$passed" -ge "$floor" ] && ok \
    || fail "$name: '$last', floor $floor"
}
if [ -d "$shared/petrarch2/validate-2.02" ]; then
  suite validate-2.02 213 "$shared/petrarch2/validate-2.02/PETR_Validate_records_2_02.xml"
  suite unit-tests 202 "$shared/petrarch2/text/PETR.UnitTest.records.xml" --dicts "$shared/petrarch2/dictionaries"
else
  echo "validate: $shared/petrarch2 is absent: the PETRARCH suites are skipped"
fi
finish
