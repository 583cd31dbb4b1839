# The coder's golden reports (tests/golden/code/): the scorer's self-test, every .events file
# well-formed, and, once `vigil code` exists, recall of the coded events against the files.
. "$(dirname "$0")/../cli/common.bash"

# Recall that `vigil code` must reach on tests/golden/code/: the measured recall less a margin;
# raise it as the coder improves (BENCHMARKS.md has the figure).
FLOOR=0.48
# Expected events the files must hold at least (guards against files silently dropped).
MIN_EXPECTED=250

golden="$src/tests/golden/code"
scorer="$src/tests/golden/score_code.py"
command -v python3 >/dev/null || { echo "skip: python3 is not installed"; exit 77; }

python3 "$scorer" --selftest >"$work/selftest" 2>&1 && ok || fail "score_code.py --selftest: $(cat "$work/selftest")"

# Every .events file parses, every evidence is in its report, every code is in the codebook.
: >"$work/empty.jsonl"
if python3 "$scorer" "$golden" "$work/empty.jsonl" >"$work/parse" 2>&1; then ok; else fail "golden files: $(cat "$work/parse")"; fi
expected=$(tail -1 "$work/parse" | sed -n 's/.* expected=\([0-9]*\) .*/\1/p')
[ "${expected:-0}" -ge "$MIN_EXPECTED" ] && ok || fail "expected events: ${expected:-none}, want at least $MIN_EXPECTED"
n=$(ls "$golden"/*.txt | wc -l)
[ "$n" -ge 44 ] && ok || fail "golden reports: $n, want at least 44"
python3 "$golden/coverage.py" --check >/dev/null 2>"$work/coverage" && ok || fail "coverage: $(cat "$work/coverage")"

# The coder itself, when it is there.
if "$vigil" code --help >/dev/null 2>&1; then
  "$vigil" code "$golden"/*.txt >"$work/pred.jsonl" 2>"$work/err" || fail "vigil code: $(tail -3 "$work/err")"
  python3 "$scorer" "$golden" "$work/pred.jsonl" --floor "$FLOOR" >"$work/score" 2>&1 \
    && ok || fail "recall under $FLOOR: $(tail -1 "$work/score")"
  tail -1 "$work/score"
else
  echo "note: vigil code is not built yet; only the golden files were checked"
fi
finish
