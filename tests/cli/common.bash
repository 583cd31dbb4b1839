# Shared helpers for the command-line tests: a tally, and a skip when models are absent.
set -u
vigil=${VIGIL_BIN:?VIGIL_BIN is not set}
src=${VIGIL_SOURCE_DIR:-.}
shared=${VIGIL_SHARED_DIR:-$src/../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
# check DESCRIPTION COMMAND...: the command must succeed.
check() { local what=$1; shift; if "$@"; then ok; else fail "$what"; fi; }
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; }
