# The incident linker against the hand-made gold standard of the example reports' acts
# (tests/golden/link/examples.tsv): the gold file is checked against a store ingested from
# examples/, then pairwise linking precision, recall and F1 are scored.
. "$(dirname "$0")/../cli/common.bash"

# F1 that the linker must keep on examples/: the measured F1 less 0.05, rounded down; raise it
# as the linker improves (tests/golden/link/README.md has the figures).
FLOOR=0.75

gold="$src/tests/golden/link/examples.tsv"
scorer="$src/tests/golden/link/score_link.py"
command -v python3 >/dev/null || { echo "skip: python3 is not installed"; exit 77; }

# The same store `make run` builds (scripts/run-examples.sh).
db="$work/examples.db"
if "$vigil" ingest --db "$db" --actors "$src/examples/actors.txt" "$src"/examples/reports/*.txt \
    >"$work/ingest" 2>&1; then ok; else fail "vigil ingest: $(tail -3 "$work/ingest")"; fi

python3 "$scorer" "$gold" "$db" --check >"$work/check" 2>&1 && ok || fail "gold file: $(cat "$work/check")"

# A malformed gold file must be refused: an unknown act, a sentence the store does not have.
{ cat "$gold"; printf '01-embassy-plot-foiled\t99\tno-such-act\tbroken on purpose\n'; } >"$work/bad.tsv"
python3 "$scorer" "$work/bad.tsv" "$db" --check >"$work/bad" 2>&1 && fail "--check accepted a broken gold file" || ok
grep -q "no-such-act" "$work/bad" && grep -q "no sentence 99" "$work/bad" && ok \
  || fail "--check did not name both errors: $(cat "$work/bad")"

if python3 "$scorer" "$gold" "$db" --floor "$FLOOR" >"$work/score" 2>&1; then ok; else fail "F1 under $FLOOR: $(tail -2 "$work/score")"; fi
cat "$work/score"
finish
