# The coder on checked trees (tests/golden/constructions/): one small document per construction
# (passive, coordination, negation, attribution, nested allegation, denial, no-comment, each
# mode, each date form, pronoun, alias, definite description, light verb, relative clause,
# control). The trees are vigil parse output corrected by hand, so the test checks the coder
# alone; NAME.expected holds the events an analyst marks, reduced by events_tsv.py. A rule that
# needs a whole report (a dateline's country) has NAME.txt instead, read by the whole pipeline.
# All are coded against a publication date of Friday 2025-11-07.
. "$(dirname "$0")/../cli/common.bash"
command -v python3 >/dev/null || { echo "skip: python3 is not installed"; exit 77; }

dir="$src/tests/golden/constructions"
n=0
for tree in "$dir"/*.conllu "$dir"/*.txt; do
  name=$(basename "$tree"); name=${name%.*}
  case $tree in *.conllu) as=--conllu ;; *) as= ;; esac
  if ! "$vigil" code -q --date 2025-11-07 $as "$tree" >"$work/$name.jsonl" 2>"$work/$name.err"; then
    fail "$name: vigil code failed: $(cat "$work/$name.err")"
    continue
  fi
  python3 "$src/tests/golden/events_tsv.py" <"$work/$name.jsonl" >"$work/$name.tsv"
  if diff -u "$dir/$name.expected" "$work/$name.tsv" >"$work/$name.diff"; then ok; else fail "$name: $(cat "$work/$name.diff")"; fi
  n=$((n + 1))
done
[ "$n" -ge 65 ] && ok || fail "only $n construction files"
finish
