#!/bin/sh
# PDF page labels say what the running footer prints: 1, 2, 3 … for a
# house style that prints "Page X of Y" through the paper; "A1-1", "A2-1"
# … on the appendices' pages for one that prints {page-label}, in Welsh
# too; and the paper still passes check.
. "$(dirname "$0")/lib.sh"
BIN=${BIN:-build/committee-pdf}
here=$(cd "$(dirname "$0")/../.." && pwd)
reader="$here/tests/e2e/pack_reader.py"
source="$here/tests/layout/appendix-page-labels.xml"
export SOURCE_DATE_EPOCH=1700000000

labels() { /usr/bin/python3 "$reader" "$1" labels | tr '\n' ' '; }

"$BIN" render "$source" -o "$work/own.pdf" 2> "$work/err" ||
	fail "render with appendix numbering: $(cat "$work/err")"
got=$(labels "$work/own.pdf")
[ "$got" = "1 A1-1 A1-2 A1-3 A2-1 " ] || fail "appendix page labels: $got"
pdftotext -layout "$work/own.pdf" - | grep -o 'Page [A0-9-]*$' | tr '\n' ' ' > "$work/footers"
[ "$(cat "$work/footers")" = "Page 1 Page A1-1 Page A1-2 Page A1-3 Page A2-1 " ] ||
	fail "footers do not print the labels: $(cat "$work/footers")"
check "check passes the paper numbered by appendix" \
	sh -c '"$1" check "$2" > /dev/null' sh "$BIN" "$work/own.pdf"

# The same paper in a style that counts through it: one range.
"$BIN" render --layout committee-report "$source" -o "$work/through.pdf" 2> "$work/err" ||
	fail "render with committee-report: $(cat "$work/err")"
got=$(labels "$work/through.pdf")
[ "$got" = "1 2 3 4 5 " ] || fail "page labels through the paper: $got"

# Welsh: the prefix comes from the catalogue.
sed 's/xml:lang="en-GB"/xml:lang="cy"/' "$source" > "$work/cy.xml"
cp -R "$here/tests/layout/layouts" "$work/layouts"
"$BIN" render "$work/cy.xml" -o "$work/cy.pdf" 2> "$work/err" ||
	fail "render in Welsh: $(cat "$work/err")"
got=$(labels "$work/cy.pdf")
[ "$got" = "1 A1-1 A1-2 A1-3 A2-1 " ] || fail "Welsh appendix page labels: $got"
finish
