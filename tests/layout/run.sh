#!/bin/sh
# Golden layout tests: every source here and every sample, laid out with
# `render --dump-layout`, must give its NAME.dump.json byte for byte.
#   run.sh check    compare (make check); prints a diff of what changed
#   run.sh update   rewrite the expected dumps (make golden), after an
#                   intended layout change; review it with `git diff`.
# BIN is the program. Dates are fixed so drafts and metadata do not move.
set -u
mode=${1:-check}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/committee-pdf-golden.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1700000000
passed=0
failed=0

# golden SOURCE EXPECTED: a paper through render, a meeting through pack.
golden() {
	command=render
	case $1 in */meetings/*) command=pack ;; esac
	if ! "$BIN" $command --dump-layout "$1" > "$tmp/dump.json" 2> "$tmp/err"; then
		echo "FAIL $1: $command --dump-layout failed"
		sed 's/^/     /' "$tmp/err"
		failed=$((failed + 1))
		return
	fi
	if [ "$mode" = update ]; then
		cmp -s "$tmp/dump.json" "$2" || { cp "$tmp/dump.json" "$2"; echo "updated $2"; }
	elif cmp -s "$tmp/dump.json" "$2"; then
		passed=$((passed + 1))
		return
	else
		echo "FAIL $1: its layout differs from $2"
		if [ -f "$2" ]; then
			diff -u "$2" "$tmp/dump.json" | head -n 40 | sed 's/^/     /'
		else
			echo "     $2 does not exist: run make golden and review it"
		fi
		failed=$((failed + 1))
	fi
}

cd "$root" || exit 1
for source in tests/layout/*.xml; do
	golden "$source" "${source%.xml}.dump.json"
done
# Agenda front sheets: meetings whose items name no paper.
for source in tests/layout/meetings/*.xml; do
	golden "$source" "${source%.xml}.dump.json"
done
mkdir -p tests/layout/samples
for source in samples/*.xml; do
	name=$(basename "$source" .xml)
	golden "$source" "tests/layout/samples/$name.dump.json"
done
[ "$mode" = update ] && exit "$((failed > 0))"
echo "golden: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
