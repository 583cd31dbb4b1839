#!/usr/bin/env bash
# make run: ingests the example reports (examples/reports/) into a fresh store and shows what
# vigil makes of them: the threat board for the example watchlist, then the incidents with
# their claims ledgers.
set -euo pipefail
vigil=${1:-build/vigil}
cd "$(dirname "$0")/.."
db=$(dirname "$vigil")/examples.db
rm -f "$db" "$db-wal" "$db-shm"

echo "== vigil $("$vigil" --version | cut -d' ' -f2): ingesting the example reports (examples/reports/*.txt)"
# The reports' invented countries and people are coded with their own small dictionary.
actors=()
[ -f examples/actors.txt ] && actors=(--actors examples/actors.txt)
"$vigil" ingest --db "$db" "${actors[@]}" examples/reports/*.txt
echo
"$vigil" board --db "$db" --watchlist examples/watchlist.txt
echo
echo "== Incidents (severity 3 and above), most recently reported first, with their claims ledgers"
echo
"$vigil" incidents --db "$db" --min-severity 3
echo
echo "The store is $db. Try:"
echo "  $vigil claims --db $db 'Helga Brandt'        # every incident around her, with the sentences"
echo "  $vigil actor --db $db Karesh                 # what the store knows of an actor"
echo "  $vigil board --db $db --watchlist examples/watchlist.txt --json"
