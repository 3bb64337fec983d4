#!/bin/sh
# Colours by meaning (tests/layout/council-scales.xml: a High/Medium/Low/
# Closed risk register and a 1-5 maturity scale, codes no palette names)
# under every shipped house style: no rating cell, key swatch or chart bar
# in the fallback grey, High and 1 in the palette's red, Low and 5 in its
# green, Closed in its blue; validate says nothing; the chart's labels
# name the 1-5 ratings by label, not by bare number.
set -u
. tests/e2e/lib.sh
paper=tests/layout/council-scales.xml

# palette_colour LAYOUT_FILE CODE|fallback ATTRIBUTE
palette_colour() {
	if [ "$2" = fallback ]; then
		grep '<fallback ' "$1"
	else
		grep "<rating code=\"$2\" " "$1"
	fi | sed -n "s/.* $3=\"\\(#[0-9a-f]*\\)\".*/\\1/p"
}

# The fill of the rect boxed just before the cell text $2 in dump $1.
cell_fill() {
	grep -B1 "\"text\":\"$2\"" "$1" | head -n 1 |
		sed -n 's/.*"kind":"rect".*"fill":"\([^"]*\)".*/\1/p'
}

"$BIN" validate "$paper" > /dev/null 2> "$work/err"
check "validate: exit 0" test $? -eq 0
check "validate: no warning" grep -qx '0 errors, 0 warnings' "$work/err"

for path in layouts/*.xml; do
	layout=$(basename "$path" .xml)
	dump=$work/$layout.json
	"$BIN" render --layout "$layout" --dump-layout "$paper" > "$dump" 2> "$work/err"
	check "$layout: renders" test $? -eq 0
	check "$layout: says nothing" test ! -s "$work/err"
	grey=$(palette_colour "$path" fallback background)
	grey_chart=$(palette_colour "$path" fallback chart)
	check "$layout: read the fallback" test -n "$grey" -a -n "$grey_chart"
	if grep '"kind":"rect"' "$dump" | grep -E '"role":"T[HD]"' |
		grep -q "\"fill\":\"$grey\""; then
		fail "$layout: a table cell is in the fallback $grey"
	fi
	if grep '"kind":"rect"' "$dump" | grep '"role":"Figure"' |
		grep -q "\"fill\":\"$grey_chart\""; then
		fail "$layout: a chart bar or swatch is in the fallback $grey_chart"
	fi
	red=$(palette_colour "$path" R background)
	green=$(palette_colour "$path" G background)
	blue=$(palette_colour "$path" B background)
	check "$layout: High is red" test "$(cell_fill "$dump" 'High (H)')" = "$red"
	check "$layout: Low is green" test "$(cell_fill "$dump" 'Low (L)')" = "$green"
	check "$layout: Closed is blue" test "$(cell_fill "$dump" 'Closed (C)')" = "$blue"
	check "$layout: 1 is red" test "$(cell_fill "$dump" 'Very weak (1)')" = "$red"
	check "$layout: 5 is green" test "$(cell_fill "$dump" 'Excellent (5)')" = "$green"
	medium=$(cell_fill "$dump" 'Medium (M)')
	check "$layout: Medium has a colour of its own" \
		test -n "$medium" -a "$medium" != "$red" -a "$medium" != "$green"
	# Beside the bars: "Very weak 1 · Weak 2 · …", never "1 1 · 2 2".
	grep '"role":"Figure"' "$dump" | sed -n 's/.*"text":"\([^"]*\)".*/\1/p' \
		> "$work/labels"
	check "$layout: bar labels name the 1-5 ratings" grep -q '^Very weak 1' "$work/labels"
	check "$layout: no bare number beside a count" \
		sh -c "! grep -Eq '(^| )[1-5] [0-9]+( |\$)' '$work/labels'"
	check "$layout: legend names Excellent" grep -qx 'Excellent' "$work/labels"
	check "$layout: codes that are words stay" grep -q '^H 1 · M 2' "$work/labels"
done

# A house style whose palette names codes only (no standing, no position):
# none of the council's ratings, in the risk register or the assessment,
# can be coloured, and each is a warning at its <rating>; the PDF is
# still written.
mkdir -p "$work/own"
sed -e 's/ standing="[a-z-]*"//; s/ position="[0-9.]*"//' layouts/committee-report.xml \
	> "$work/own/committee-report.xml"
check "the palette lost its standings" sh -c "! grep -q 'standing=' '$work/own/committee-report.xml'"
sed 's|layout="committee-report"|layout="committee-report.xml"|' "$paper" > "$work/own/paper.xml"
"$BIN" validate "$work/own/paper.xml" > /dev/null 2> "$work/own.err"
check "codes only: validate exits 0" test $? -eq 0
for at in "31:9: warning: rating \"H\" (High)" "34:9: warning: rating \"C\" (Closed)" \
	"60:9: warning: rating \"1\" (Very weak)" "64:9: warning: rating \"5\" (Excellent)"; do
	grep -qF "$work/own/paper.xml:$at would print in the fallback grey: house style 'committee-report' has no colour for code" "$work/own.err" ||
		fail "codes only: no warning $at"
done
check "codes only: one warning per rating" grep -qx '0 errors, 9 warnings' "$work/own.err"
"$BIN" render "$work/own/paper.xml" -o "$work/own.pdf" 2> /dev/null
check "codes only: the PDF is written" test -s "$work/own.pdf"
finish
