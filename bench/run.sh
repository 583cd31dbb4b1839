#!/usr/bin/env bash
# make bench: the speed figures of BENCHMARKS.md, measured on this machine, one core.
# Usage: bench/run.sh path/to/vigil
set -euo pipefail
vigil=${1:-build/vigil}
here=$(cd "$(dirname "$0")" && pwd)
shared=${VIGIL_SHARED_DIR:-$here/../../shared}
ewt=$shared/ud-english-ewt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -f "$ewt/en_ewt-ud-test.conllu" ]; then
  echo "bench: $ewt is absent; the parsing benchmarks need the UD English EWT treebank" >&2
  exit 0
fi

# The best of three runs of a command; prints seconds and peak resident memory (KiB).
best_of_three() {
  local best="" rss=0
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$work/time" taskset -c 0 "$@" >"$work/out" 2>"$work/err" \
      || { cat "$work/err" >&2; exit 1; }
    read -r secs kib <"$work/time"
    if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$secs; fi
    [ "$kib" -gt "$rss" ] && rss=$kib
  done
  echo "$best $rss"
}

tokens_in() { grep -c -P '^\d+\t' "$1"; }

# 1. Tagging + parsing with the treebank's tokenisation: the test set ten times over.
for _ in $(seq 10); do cat "$ewt/en_ewt-ud-test.conllu"; done >"$work/test10.conllu"
read -r secs rss < <(best_of_three "$vigil" parse --conllu "$work/test10.conllu")
tokens=$(tokens_in "$work/out")
printf 'tag+parse (gold tokens)  %8d tokens  %6.2f s  %9.0f tokens/s  peak RSS %d MB\n' \
  "$tokens" "$secs" "$(awk -v t="$tokens" -v s="$secs" 'BEGIN{print t/s}')" $((rss / 1024))

# 2. vigil parse from raw text: the training set's sentences as paragraphs of running text.
grep '^# text = ' "$ewt/en_ewt-ud-train.conllu" | sed 's/^# text = //' >"$work/raw.txt"
read -r secs rss < <(best_of_three "$vigil" parse "$work/raw.txt")
tokens=$(tokens_in "$work/out")
printf 'parse from raw text      %8d tokens  %6.2f s  %9.0f tokens/s  peak RSS %d MB\n' \
  "$tokens" "$secs" "$(awk -v t="$tokens" -v s="$secs" 'BEGIN{print t/s}')" $((rss / 1024))

# 3. Model load time: parsing one short sentence.
echo "Officials said Friday that the plot was foiled." >"$work/one.txt"
read -r secs rss < <(best_of_three "$vigil" parse "$work/one.txt")
printf 'start-up + one sentence  %6.3f s  peak RSS %d MB\n' "$secs" $((rss / 1024))

# 4. Coding on top of analysis: the team's reports (tests/golden/code, examples/reports) as one
#    JSON Lines document each, forty times over; vigil code --timing splits the time between
#    analysis (segment, tag, parse) and coding. The target: coding adds at most 25%.
python3 - "$here/.." "$work/reports.jsonl" <<'PY'
import glob, json, sys
root, out = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(root + "/tests/golden/code/*.txt")) + sorted(glob.glob(root + "/examples/reports/*.txt"))
with open(out, "w") as f:
    for r in range(40):
        for p in files:
            lines = open(p, encoding="utf-8").read().split("\n")
            body = "\n".join(l for l in lines[2:] if l.strip())
            f.write(json.dumps({"id": f"{r}-{p.rsplit('/', 1)[-1][:-4]}", "date": "2025-11-07",
                                "title": lines[0], "text": body}) + "\n")
PY
best=""
for _ in 1 2 3; do
  taskset -c 0 "$vigil" code --timing "$work/reports.jsonl" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  share=$(sed -n 's/.*coding adds \([0-9.]*\)%.*/\1/p' "$work/err")
  if [ -z "$best" ] || awk -v a="$share" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$share; line=$(tail -1 "$work/err"); fi
done
printf 'coding on analysis       %s\n' "${line#vigil code: }"
