# vigil code end to end: help, the record's fields, --explain, --date, --conllu, data errors
# reported with file and line, and bad input that must not crash.
. "$(dirname "$0")/common.bash"

check "vigil code --help" "$vigil" code --help >/dev/null
"$vigil" code --frobnicate >/dev/null 2>&1; [ $? -eq 2 ] && ok || fail "unknown option exits 2"
"$vigil" code --date >/dev/null 2>&1; [ $? -eq 2 ] && ok || fail "--date without a value exits 2"

# One report: the record has MISSION.md's fields, and valid JSON on every line.
cat >"$work/report.txt" <<'REPORT'
Plot against envoy foiled

Mexican police foiled an Iranian plot to kill Israel's ambassador on Tuesday, Israeli officials said.
Iran's foreign ministry denied any knowledge of the plot.
REPORT
"$vigil" code -q --date 2025-11-07 "$work/report.txt" >"$work/events.jsonl" 2>"$work/err" || fail "code: $(cat "$work/err")"
python3 - "$work/events.jsonl" <<'PY' && ok || fail "event records"
import json, sys
events = [json.loads(l) for l in open(sys.argv[1])]
need = {"doc", "sentence", "text", "source", "target", "cameo", "plover", "mode", "negated", "stance",
        "attributed_to", "date", "date_precision", "place", "rule", "span"}
assert events, "no events"
for e in events:
    missing = need - set(e)
    assert not missing, f"missing {missing}"
plot = [e for e in events if e["cameo"] == "185"]
assert plot, "no 185 for the plot"
p = plot[0]
assert p["source"]["code"] == "IRN" and p["target"]["code"].startswith("ISR"), p
assert p["mode"] == "thwarted", p["mode"]
assert p["attributed_to"] and p["attributed_to"][0]["code"] == "ISRGOV", p["attributed_to"]
assert p["date"] == "2025-11-04" and p["date_precision"] == "day", (p["date"], p["date_precision"])
denial = [e for e in events if e["cameo"] == "016"]
assert denial and denial[0]["stance"] == "denied" and denial[0]["source"]["code"] == "IRNGOV", denial
assert all(e["doc"] == "report" for e in events)
PY
grep -q '"path"' "$work/events.jsonl" && fail "no path without --explain" || ok
"$vigil" code -q --explain --date 2025-11-07 "$work/report.txt" | grep -q '"path":' && ok || fail "--explain adds the path"
"$vigil" code -q --date 2025-13-40 "$work/report.txt" >/dev/null 2>"$work/err"; [ $? -eq 1 ] && grep -q 'bad date' "$work/err" \
  && ok || fail "a bad --date is refused: $(cat "$work/err")"

# JSON Lines input takes its own date; stdin works.
printf '{"id":"j1","date":"2025-03-14","text":"Police arrested an Iranian agent on Monday."}\n' \
  | "$vigil" code -q - >"$work/j.jsonl"
grep -q '"date":"2025-03-10"' "$work/j.jsonl" && grep -q '"doc":"j1"' "$work/j.jsonl" && ok || fail "JSON Lines date: $(cat "$work/j.jsonl")"

# A checked tree in CoNLL-U is coded as given.
"$vigil" code -q --date 2025-11-07 --conllu "$src/tests/golden/constructions/planned.conllu" | grep -q '"cameo":"185"' \
  && ok || fail "--conllu"

# The knowledge is checked when it loads: an error names the file and the line.
mkdir -p "$work/data/actors" "$work/data/cameo" "$work/data/events"
cp "$src"/data/actors/*.txt "$work/data/actors/"
cp "$src/data/cameo/codes.txt" "$work/data/cameo/"
{ cat "$src/data/events/patterns.txt"; printf '[events]\n187  verb  obliterate\n'; } >"$work/data/events/patterns.txt"
line=$(wc -l <"$work/data/events/patterns.txt")
"$vigil" code -q --data "$work/data" "$work/report.txt" >/dev/null 2>"$work/err"; [ $? -eq 1 ] && ok || fail "bad patterns exit 1"
grep -q "patterns.txt:$line: unknown CAMEO code \"187\"" "$work/err" && ok || fail "error names file and line: $(cat "$work/err")"
"$vigil" code -q --data "$work/nowhere" "$work/report.txt" >/dev/null 2>"$work/err"; [ $? -eq 1 ] && ok || fail "missing data exits 1"
# So are the word classes: a misspelt section is named with its line.
cp "$src/data/events/patterns.txt" "$work/data/events/"
{ cat "$src/data/events/wordclasses.txt"; printf '[light-verbs]\nlevy\n'; } >"$work/data/events/wordclasses.txt"
line=$(( $(wc -l <"$work/data/events/wordclasses.txt") - 1 ))
"$vigil" code -q --data "$work/data" "$work/report.txt" >/dev/null 2>"$work/err"; [ $? -eq 1 ] && ok || fail "bad word classes exit 1"
grep -q "wordclasses.txt:$line: unknown section \"\[light-verbs\]\"" "$work/err" && ok || fail "word class error names file and line: $(cat "$work/err")"

# PETRARCH2-format dictionaries instead of vigil's own (when the shared data is here).
if [ -d "$shared/petrarch2/dictionaries" ]; then
  printf 'Mexican police arrested two Iranian agents on Tuesday.\n' >"$work/petr.txt"
  "$vigil" code -q --date 2025-11-07 --petrarch "$shared/petrarch2/dictionaries" "$work/petr.txt" \
    >"$work/petr.jsonl" 2>/dev/null && ok || fail "--petrarch"
  grep -q '"cameo":"17' "$work/petr.jsonl" && ok || fail "--petrarch codes the arrest: $(cat "$work/petr.jsonl")"
  "$vigil" code -q --petrarch "$work/nowhere" "$work/petr.txt" >/dev/null 2>&1; [ $? -eq 1 ] && ok || fail "--petrarch with no dictionaries exits 1"
else
  echo "note: $shared/petrarch2 is absent; --petrarch not tested"
fi

# Bad input: never a crash.
: >"$work/empty.txt"
"$vigil" code -q "$work/empty.txt" >"$work/out" && [ ! -s "$work/out" ] && ok || fail "empty file: no events, no error"
head -c 65536 /dev/urandom >"$work/random.bin"
"$vigil" code -q "$work/random.bin" >/dev/null 2>&1; [ $? -le 1 ] && ok || fail "binary file"
printf 'The minister \xff\xfe said \xc0\xaf Iran attacked Israel.\n' >"$work/bad-utf8.txt"
"$vigil" code -q "$work/bad-utf8.txt" >"$work/out" 2>"$work/err"; [ $? -le 1 ] && python3 -c "
import json,sys
[json.loads(l) for l in open('$work/out')]" && ok || fail "invalid UTF-8: output stays valid JSON"
# A long line without punctuation is split at the documented limit, in bounded time.
python3 -c "print(' '.join(['Iran attacked Israel and'] * 20000))" >"$work/long.txt"
"$vigil" code -q "$work/long.txt" >/dev/null 2>&1; [ $? -le 1 ] && ok || fail "a long line"
# "The same people" points back in the document; it is not the dateline country's people.
printf 'Minister says attackers were sent by old enemies\nPublished 2026-01-29\n\nLONDON (Reuters) \xe2\x80\x94 The foreign minister said the gunmen had been sent by the same people who tried to bomb the British embassy in Rome.\n' >"$work/same.txt"
"$vigil" code "$work/same.txt" >"$work/same.jsonl" 2>/dev/null && grep -q '"cameo":"1834"' "$work/same.jsonl" \
  && ! grep -q 'GBRCVL' "$work/same.jsonl" && ok || fail "the same people: $(cat "$work/same.jsonl")"
# A time hung on a name is no part of it: the actor is "Iran", not "Iran on Monday".
printf 'Iran on Monday denied the accusations.\n' >"$work/time.txt"
"$vigil" code --date 2025-11-07 "$work/time.txt" 2>/dev/null | grep -q '"source":{"text":"Iran","code":"IRN"' \
  && ok || fail "a time in an actor's words: $("$vigil" code --date 2025-11-07 "$work/time.txt" 2>&1)"
# --beam: the parser's beam for the coder (greedy by default), as VIGIL_PARSE_BEAM gives it.
"$vigil" code -q --beam 4 "$src"/tests/golden/code/0*.txt >"$work/beam.jsonl" 2>/dev/null &&
  VIGIL_PARSE_BEAM=4 "$vigil" code -q "$src"/tests/golden/code/0*.txt >"$work/env.jsonl" 2>/dev/null &&
  cmp -s "$work/beam.jsonl" "$work/env.jsonl" && ok || fail "--beam 4 and VIGIL_PARSE_BEAM=4 differ"
"$vigil" code --beam 0 "$work/time.txt" >/dev/null 2>"$work/err"; [ $? -eq 2 ] && grep -q 'from 1 to 16' "$work/err" \
  && ok || fail "--beam 0: $(cat "$work/err")"
# "threatened to kill [her last month]" read with the time as the object: the target is "her".
"$vigil" code --actors "$src/examples/actors.txt" "$src/examples/reports/18-brandt-visits-valdoria.txt" >"$work/her.jsonl" 2>/dev/null
grep -q '"cameo":"1383"' "$work/her.jsonl" && grep '"cameo":"1383"' "$work/her.jsonl" | grep -q '"target":{"text":"her",' \
  && ok || fail "a time read as the object: $(grep '"cameo":"1383"' "$work/her.jsonl")"
# A past time in the threatened act's clause dates the threat; a future one does not.
printf 'Hezbollah threatened to kill the minister last month.\n\nHezbollah threatened to kill the minister next week.\n' >"$work/when.txt"
"$vigil" code --date 2025-11-07 "$work/when.txt" >"$work/when.jsonl" 2>/dev/null
grep '"sentence":1,' "$work/when.jsonl" | grep -q '"date":"2025-10-01"' && grep '"sentence":2,' "$work/when.jsonl" | grep -q '"date_precision":"publication"' \
  && ok || fail "the time of a threatened act: $(cat "$work/when.jsonl")"
finish
