# vigil parse end to end: help texts, the seeds' sentences, and bad input that must not crash.
. "$(dirname "$0")/common.bash"

check "vigil --help" "$vigil" --help >/dev/null
for cmd in parse eval-parse train; do
  check "vigil $cmd --help" "$vigil" "$cmd" --help >/dev/null
done
"$vigil" frobnicate >/dev/null 2>&1; [ $? -eq 2 ] && ok || fail "unknown command exits 2"

# Sentences, tokens and trees from raw text.
printf 'Mexican authorities denied any knowledge of the plot. Officials said on Friday that it was contained.\n' >"$work/two.txt"
"$vigil" parse -q "$work/two.txt" >"$work/two.conllu" 2>"$work/err" || fail "parse two sentences: $(cat "$work/err")"
[ "$(grep -c '^# text = ' "$work/two.conllu")" -eq 2 ] && ok || fail "two sentences expected"
# Every sentence has exactly one root, and every token a head.
awk -F'\t' '/^[0-9]+\t/ { if ($7 == "0") roots++; if ($7 == "_") bad++ }
            /^$/ { if (roots != 1) bad++; roots = 0 } END { exit bad > 0 }' "$work/two.conllu" \
  && ok || fail "one root per sentence"
grep -qP '^\d+\tdenied\tdeny\tVERB\tVBD\t' "$work/two.conllu" && ok || fail "denied/deny/VERB/VBD"
grep -qP '^\d+\tauthorities\tauthority\tNOUN\tNNS\t_\t\d+\tnsubj\t' "$work/two.conllu" && ok || fail "authorities is the subject"

# Stdin, JSON Lines and HTML input.
printf 'The ministry thanked the police.\n' | "$vigil" parse -q - | grep -q '^# text = The ministry thanked the police.' \
  && ok || fail "stdin"
printf '{"id":"a1","date":"2025-11-07","title":"T","text":"Police arrested two men."}\n{"id":"a2","text":"broken\n{"id":"a3","text":"The envoy left."}\n' >"$work/docs.jsonl"
"$vigil" parse -q "$work/docs.jsonl" >"$work/jsonl.conllu" 2>"$work/err"
grep -q 'newdoc id = a1' "$work/jsonl.conllu" && grep -q 'newdoc id = a3' "$work/jsonl.conllu" && ok \
  || fail "JSON Lines: the records around a malformed one are read"
grep -q 'docs.jsonl:2' "$work/err" && ok || fail "JSON Lines: the malformed line is named ($(cat "$work/err"))"
printf '<html><head><title>T</title><script>var x = "no";</script></head><body><nav>Home | World</nav><article><p>The army shelled the town on Monday.</p></article></body></html>' >"$work/page.html"
"$vigil" parse -q "$work/page.html" >"$work/html.conllu"
grep -q '^# text = The army shelled the town on Monday.' "$work/html.conllu" && ! grep -q 'Home' "$work/html.conllu" \
  && ok || fail "HTML body without navigation"

# Bad input: never a crash; a warning where something was repaired.
: >"$work/empty.txt"
check "empty file" "$vigil" parse -q "$work/empty.txt" >/dev/null
head -c 65536 /dev/urandom >"$work/random.bin"
"$vigil" parse -q "$work/random.bin" >/dev/null 2>&1; [ $? -le 1 ] && ok || fail "binary file"
printf 'The minister \xff\xfe said \xc0\xaf it.\n' >"$work/bad-utf8.txt"
"$vigil" parse -q "$work/bad-utf8.txt" >"$work/out" 2>"$work/err" && grep -q 'bad-utf8.txt' "$work/err" \
  && ok || fail "invalid UTF-8 is repaired with a warning naming the file"
printf 'The army\0 left the city.\n' >"$work/nul.txt"
check "NUL bytes" "$vigil" parse -q "$work/nul.txt" >/dev/null 2>&1
{ printf '<html><body>'; for _ in $(seq 100000); do printf '<div>'; done; printf 'deep text'; printf '</body></html>'; } >"$work/deep.html"
"$vigil" parse -q "$work/deep.html" >/dev/null 2>&1; [ $? -le 1 ] && ok || fail "HTML nested 100,000 deep"

# A long line without punctuation: cut into sentences of at most VG_MAX_SENTENCE_TOKENS
# tokens, in bounded memory. 5 MB here (50 MB in the normal build's bench-sized run).
size_mb=5
[ -z "${VIGIL_SANITIZED:-}" ] && size_mb=50
head -c $((size_mb * 1024 * 1024)) /dev/zero | tr '\0' 'x' | fold -w 23 | tr '\n' ' ' >"$work/long.txt"
/usr/bin/time -f '%M' -o "$work/rss" "$vigil" parse -q "$work/long.txt" >"$work/long.conllu" 2>"$work/err" \
  && ok || fail "a $size_mb MB line: $(tail -2 "$work/err")"
awk -F'\t' '/^[0-9]+\t/ { if ($1 > 250) bad = 1 } END { exit bad }' "$work/long.conllu" && ok || fail "sentences cut at 250 tokens"
if [ -z "${VIGIL_SANITIZED:-}" ]; then
  [ "$(cat "$work/rss")" -lt $((400 * 1024)) ] && ok || fail "memory for the long line: $(cat "$work/rss") KB"
fi

# The seed articles: the body's sentences, never the captions, bylines or trailers.
if [ -d "$shared/seeds" ]; then
  "$vigil" parse -q "$shared"/seeds/*.txt >"$work/seeds.conllu"
  n=$(grep -c '^# text = ' "$work/seeds.conllu")
  [ "$n" -eq 55 ] && ok || fail "seed sentences: $n, want 55 (58 segments of the seeds less 3 photo captions)"
  for noise in 'Audio By' 'contributed to this report' 'By MATTHEW LEE' 'YouTube screenshot' 'News > Politics'; do
    grep -q "^# text = .*$noise" "$work/seeds.conllu" && fail "seed noise coded: $noise" || ok
  done
else
  echo "skip: $shared/seeds is absent"
fi
finish
