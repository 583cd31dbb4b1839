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

# 1. Tagging + parsing with the treebank's tokenisation: the test set ten times over, greedy
#    (what the event coder and ingest use) and with the beam of four (vigil parse's default).
for _ in $(seq 10); do cat "$ewt/en_ewt-ud-test.conllu"; done >"$work/test10.conllu"
read -r secs rss < <(best_of_three "$vigil" parse --beam 1 --conllu "$work/test10.conllu")
tokens=$(tokens_in "$work/out")
printf 'tag+parse, greedy        %8d tokens  %6.2f s  %9.0f tokens/s  peak RSS %d MB\n' \
  "$tokens" "$secs" "$(awk -v t="$tokens" -v s="$secs" 'BEGIN{print t/s}')" $((rss / 1024))

# 1b. The same with the parser's beam of four.
read -r secs rss < <(best_of_three "$vigil" parse --beam 4 --conllu "$work/test10.conllu")
tokens=$(tokens_in "$work/out")
printf 'tag+parse, beam 4        %8d tokens  %6.2f s  %9.0f tokens/s  peak RSS %d MB\n' \
  "$tokens" "$secs" "$(awk -v t="$tokens" -v s="$secs" 'BEGIN{print t/s}')" $((rss / 1024))

# 2. vigil parse from raw text (its default, the beam of four): the training set's sentences as
#    paragraphs of running text.
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

# 5. The store (issue 4). Ingest: 500-word reports (the treebank's sentences as running text,
#    25 sentences a document) read, analysed, coded, linked and stored into a fresh SQLite file.
#    Target: >= 500 documents/s on one core.
python3 - "$ewt/en_ewt-ud-train.conllu" "$work/reports500.jsonl" <<'PY'
import json, sys
sents = [l[9:].strip() for l in open(sys.argv[1], encoding="utf-8") if l.startswith("# text = ")]
out, words, doc, n = open(sys.argv[2], "w"), 0, [], 0
for s in sents:
    doc.append(s); words += len(s.split())
    if words >= 500:
        out.write(json.dumps({"id": f"r{n}", "date": f"2025-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                              "source": f"Outlet {n % 9}", "text": " ".join(doc)}) + "\n")
        n += 1; doc, words = [], 0
        if n == 1000: break
PY
ndocs=$(wc -l <"$work/reports500.jsonl")
best=""
for _ in 1 2 3; do
  rm -f "$work/ingest.db"*
  /usr/bin/time -f "%e %M" -o "$work/time" taskset -c 0 "$vigil" ingest -q --db "$work/ingest.db" \
    "$work/reports500.jsonl" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r secs kib <"$work/time"
  if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$secs; fi
done
read -r secs rss < <(best_of_three "$vigil" code -q "$work/reports500.jsonl")
printf 'ingest 500-word reports  %6d docs  %6.2f s  %7.0f docs/s  (vigil code alone: %.2f s, %.0f docs/s)\n' \
  "$ndocs" "$best" "$(awk -v n="$ndocs" -v s="$best" 'BEGIN{print n/s}')" "$secs" \
  "$(awk -v n="$ndocs" -v s="$secs" 'BEGIN{print n/s}')"

# 6. Queries on a store of 100,000 incidents: one-sentence reports of threats and attacks
#    between the dictionary's countries, on days spread over ten years, ingested once; then
#    vigil board (a 12-entry watchlist) and vigil incidents --json (the default page of 100
#    with ledgers, and all of them). Target: < 100 ms.
python3 - "$here/../data/actors/countries.txt" "$work/acts.jsonl" "$work/watch.txt" <<'PY'
import json, random, re, sys
countries, code = [], None
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"^([A-Z]{3})  ([^|#]+)", line)
    if m:
        code, name = m.group(1), m.group(2).strip()
    m = re.match(r"^\s+adjective: ([^|#]+)", line)
    if m and code:
        countries.append((code, name, m.group(1).strip()))
        code = None
countries = [c for c in countries if " " not in c[1] and " " not in c[2]][:150]
rng = random.Random(4)
verbs = ["threatened", "attacked", "bombed", "threatened to attack"]
targets = ["embassy", "ambassador", "consulate", "army", "police", "president"]
with open(sys.argv[2], "w") as f:
    for i in range(115000):
        a, b = rng.sample(countries, 2)
        y, m, d = rng.randint(2016, 2025), rng.randint(1, 12), rng.randint(1, 28)
        f.write(json.dumps({"id": f"a{i}", "date": f"{y}-{m:02d}-{d:02d}", "source": f"Outlet {i % 40}",
                            "text": f"{a[1]} {rng.choice(verbs)} the {b[2]} {rng.choice(targets)} on Monday, report {i} said."}) + "\n")
with open(sys.argv[3], "w") as w:
    for c in countries[:12]:
        w.write(f"class  {c[2]} diplomats\n  codes: {c[0]}GOV\n  roles: embassy | ambassador | consulate\n")
PY
taskset -c 0 "$vigil" ingest -q --db "$work/big.db" "$work/acts.jsonl" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
incidents=$("$vigil" incidents --db "$work/big.db" --limit 1 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
read -r secs rss < <(best_of_three "$vigil" board --db "$work/big.db" --watchlist "$work/watch.txt")
printf 'board, %d incidents     %6.3f s  peak RSS %d MB\n' "$incidents" "$secs" $((rss / 1024))
read -r secs rss < <(best_of_three "$vigil" board --db "$work/big.db" --watchlist "$work/watch.txt" --json)
printf 'board --json             %6.3f s\n' "$secs"
read -r secs rss < <(best_of_three "$vigil" incidents --db "$work/big.db" --json)
printf 'incidents --json (100)   %6.3f s\n' "$secs"
read -r secs rss < <(best_of_three "$vigil" incidents --db "$work/big.db" --json --limit 0)
printf 'incidents --json (all)   %6.3f s  peak RSS %d MB\n' "$secs" $((rss / 1024))
