#!/usr/bin/env bash
# make run: analyses the project's example reports and shows what vigil read in them.
set -euo pipefail
vigil=${1:-build/vigil}
cd "$(dirname "$0")/.."
out=$(mktemp)
trap 'rm -f "$out"' EXIT

echo "== vigil $("$vigil" --version | cut -d' ' -f2): parsing the example reports in examples/reports/"
"$vigil" parse examples/reports >"$out"
echo
# Per document: its sentences, and the subject-verb-object skeleton of each sentence's main clause.
awk -F'\t' '
  /^# newdoc id = / { sub(/^# newdoc id = /, ""); printf "\n%s\n", $0; next }
  /^# text = /      { text = substr($0, 10); next }
  /^[0-9]+\t/       { form[$1] = $2; upos[$1] = $4; head[$1] = $7; rel[$1] = $8; n = $1; next }
  /^$/ && n {
    root = 0; subj = ""; obj = "";
    for (i = 1; i <= n; i++) if (head[i] == 0) root = i;
    for (i = 1; i <= n; i++) {
      if (head[i] == root && rel[i] ~ /^nsubj/) subj = form[i];
      if (head[i] == root && rel[i] == "obj") obj = form[i];
    }
    printf "  %-60.60s  [%s -> %s -> %s]\n", text, subj ? subj : "-", form[root], obj ? obj : "-";
    delete form; delete upos; delete head; delete rel; n = 0
  }' "$out"
echo
echo "Full CoNLL-U: $vigil parse examples/reports  (see '$vigil --help')"
