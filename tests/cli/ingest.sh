# vigil ingest end to end: idempotence, the same document twice, kill -9 in the middle of a
# large ingest then a rerun (the store must equal a clean run's), bad input and arguments.
. "$(dirname "$0")/common.bash"

[ -f "$src/data/models/en_ewt.parser" ] || { echo "skip: models absent"; exit 77; }

check "vigil ingest --help" "$vigil" ingest --help >/dev/null
for cmd in incidents claims actor board; do
  check "vigil $cmd --help" "$vigil" "$cmd" --help >/dev/null
done
"$vigil" ingest >/dev/null 2>&1; [ $? -eq 2 ] && ok || fail "ingest without input exits 2"
"$vigil" ingest --date 2025-13-01 x >/dev/null 2>&1; [ $? -eq 2 ] && ok || fail "a bad --date exits 2"

# Many small documents, each reporting an act between two of a dozen countries; the same
# generator (a fixed seed) for the clean and the interrupted runs. Fewer under the sanitizers,
# which make coding several times slower.
n=10000
[ -n "${VIGIL_SANITIZED:-}" ] && n=1500
awk -v n="$n" 'BEGIN {
  split("Mexico Iran Israel France Germany Brazil Kenya Japan Turkey Egypt India Canada", c, " ");
  split("threatened attacked accused criticized praised", v, " ");
  srand(11);
  for (i = 0; i < n; i++) {
    a = c[int(rand() * 12) + 1]; b = c[int(rand() * 12) + 1]; if (a == b) b = "Peru";
    printf "{\"id\":\"d%d\",\"date\":\"2025-%02d-%02d\",\"source\":\"P%d\",\"text\":\"%s %s %s on Monday, report %d said. Officials in %s declined to comment.\"}\n",
      i, int(rand() * 12) + 1, int(rand() * 28) + 1, i % 7, a, v[int(rand() * 5) + 1], b, i, b
  }
}' >"$work/docs.jsonl"

summary() { # the store as the incidents command sees it, every incident with its ledger
  "$vigil" incidents --db "$1" --json --limit 0
}

# A clean run.
"$vigil" ingest --db "$work/clean.db" "$work/docs.jsonl" 2>"$work/clean.err" || fail "clean ingest: $(cat "$work/clean.err")"
grep -q "$n documents: $n new" "$work/clean.err" && ok || fail "clean ingest stores $n documents: $(cat "$work/clean.err")"
summary "$work/clean.db" >"$work/clean.json"
[ "$(grep -c '"id": "inc-' "$work/clean.json")" -gt 100 ] && ok || fail "the clean run has incidents"

# Idempotence: the same input again stores nothing and changes nothing.
"$vigil" ingest --db "$work/clean.db" "$work/docs.jsonl" 2>"$work/again.err"
grep -q "0 new (0 copies of stored stories), $n already stored" "$work/again.err" && ok \
  || fail "a second ingest stores nothing: $(cat "$work/again.err")"
summary "$work/clean.db" | cmp -s - "$work/clean.json" && ok || fail "a second ingest changes the store"

# kill -9 at three moments of an ingest, then a rerun to the end: the store equals the clean run's.
interrupted=0
for delay in 0.3 0.6 0.9; do
  "$vigil" ingest -q --db "$work/killed.db" "$work/docs.jsonl" 2>/dev/null &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then interrupted=$((interrupted + 1)); fi
  wait "$pid" 2>/dev/null
done
[ "$interrupted" -gt 0 ] && ok || fail "no ingest was interrupted (the machine is too fast for the delays)"
"$vigil" ingest --db "$work/killed.db" "$work/docs.jsonl" 2>"$work/rerun.err" || fail "rerun: $(cat "$work/rerun.err")"
grep -q "holds $n documents" "$work/rerun.err" && ok || fail "after the rerun the store holds $n documents: $(cat "$work/rerun.err")"
summary "$work/killed.db" >"$work/killed.json"
cmp -s "$work/killed.json" "$work/clean.json" && ok || fail "the interrupted-then-rerun store differs from a clean run"
grep "holds" "$work/clean.err" | sed 's/.*holds//' >"$work/clean.counts"
grep "holds" "$work/rerun.err" | sed 's/.*holds//' >"$work/rerun.counts"
cmp -s "$work/clean.counts" "$work/rerun.counts" && ok || fail "counts differ: $(cat "$work/clean.counts") vs $(cat "$work/rerun.counts")"

# The same document twice in one input is stored once; the same body from another publisher
# is another document, a copy of the first.
body="Iran threatened Israel on Monday, officials said. The Israeli foreign ministry declined to comment."
printf '{"id":"a","date":"2025-11-03","source":"Wire","text":"%s"}\n{"id":"a","date":"2025-11-03","source":"Wire","text":"%s"}\n{"id":"b","date":"2025-11-03","source":"Other","text":"%s"}\n' \
  "$body" "$body" "$body" >"$work/twice.jsonl"
"$vigil" ingest --db "$work/twice.db" "$work/twice.jsonl" 2>"$work/twice.err"
grep -q "3 documents: 2 new (1 copies of stored stories), 1 already stored" "$work/twice.err" && ok \
  || fail "the same document twice: $(cat "$work/twice.err")"

# Bad input: a malformed JSON line is reported with its line and the rest is stored.
printf '{"id":"x1","text":"Iran threatened Israel."}\n{"id":"x2","text":"broken\n{"id":"x3","text":"France criticized Brazil."}\n' >"$work/bad.jsonl"
"$vigil" ingest --db "$work/bad.db" "$work/bad.jsonl" 2>"$work/bad.err"; rc=$?
[ "$rc" -eq 1 ] && ok || fail "a malformed record makes ingest exit 1 (got $rc)"
grep -q 'bad.jsonl:2' "$work/bad.err" && grep -q '2 new' "$work/bad.err" && ok || fail "malformed record: $(cat "$work/bad.err")"
# Empty input (an empty stdin, a blank file) has no text: skipped with a warning, not stored.
printf '' | "$vigil" ingest --db "$work/empty.db" - 2>"$work/empty.err"; rc=$?
printf ' \n\n' >"$work/blank.txt"
"$vigil" ingest --db "$work/empty.db" "$work/blank.txt" 2>>"$work/empty.err"
[ "$rc" -eq 0 ] && grep -q -- '-: no text; skipped' "$work/empty.err" && grep -q 'blank.txt: no text; skipped' "$work/empty.err" \
  && grep -q 'holds 0 documents' "$work/empty.err" && ok || fail "empty input: $(cat "$work/empty.err")"
# Not a store.
echo "not a database" >"$work/notdb.db"
"$vigil" ingest --db "$work/notdb.db" "$work/bad.jsonl" >/dev/null 2>"$work/notdb.err"; rc=$?
[ "$rc" -eq 1 ] && grep -q 'notdb.db' "$work/notdb.err" && ok || fail "a file that is not a store: $(cat "$work/notdb.err")"
"$vigil" incidents --db "$work/absent.db" >/dev/null 2>"$work/absent.err"; rc=$?
[ "$rc" -eq 1 ] && grep -q 'absent.db' "$work/absent.err" && ok || fail "querying an absent store: $(cat "$work/absent.err")"

finish
