#!/bin/sh
# What councils print and check: every source in tests/warnings gives
# exactly its .expected warnings from validate (exit 0) and from render
# (which still writes the PDF); the agenda item on the cover under every
# shipped house style and in the paper's language, and in the running
# header of a style that asks for {agenda-item}.
set -u
. tests/e2e/lib.sh

# ---- warnings: validate and render say the same, neither fails ----
for source in tests/warnings/*.xml; do
	name=${source%.xml}
	base=$(basename "$name")
	"$BIN" validate "$source" > /dev/null 2> "$work/err"
	check "$source: validate exits 0" test $? -eq 0
	sed '$d' "$work/err" > "$work/got"
	if ! cmp -s "$name.expected" "$work/got"; then
		fail "$source: validate's warnings differ"
		diff "$name.expected" "$work/got" | sed 's/^/    /'
	fi
	warnings=$(wc -l < "$name.expected" | tr -d ' ')
	check "$source: count line" \
		grep -qx "0 errors, $warnings warnings\{0,1\}" "$work/err"
	"$BIN" render "$source" -o "$work/$base.pdf" > /dev/null 2> "$work/render"
	check "$source: render exits 0" test $? -eq 0
	check "$source: render writes the PDF" test -s "$work/$base.pdf"
	if ! cmp -s "$name.expected" "$work/render"; then
		fail "$source: render's warnings differ"
		diff "$name.expected" "$work/render" | sed 's/^/    /'
	fi
done

# ---- the agenda item on the cover ----
paper=tests/layout/council-scales.xml
for path in layouts/*.xml; do
	layout=$(basename "$path" .xml)
	"$BIN" render --layout "$layout" "$paper" -o "$work/$layout.pdf" 2> "$work/err"
	check "$layout: renders the council-scales paper" test $? -eq 0
	pdftotext -f 1 -l 1 "$work/$layout.pdf" "$work/cover.txt"
	check "$layout: 'Agenda item 7' on the cover" \
		grep -q 'Agenda item 7' "$work/cover.txt"
done
# In the paper's language: Welsh councils' "Eitem ar yr agenda".
sed 's|</marking>|&<agenda-item>7</agenda-item>|' tests/layout/welsh-paper.xml \
	> "$work/welsh.xml"
check "the Welsh paper has an agenda item" grep -q '<agenda-item>7<' "$work/welsh.xml"
"$BIN" render "$work/welsh.xml" -o "$work/welsh.pdf" 2> "$work/err"
check "the Welsh paper renders" test $? -eq 0
pdftotext -f 1 -l 1 "$work/welsh.pdf" "$work/welsh.txt"
check "'Eitem ar yr agenda 7' on the Welsh cover" \
	grep -q 'Eitem ar yr agenda 7' "$work/welsh.txt"
"$BIN" render tests/warnings/missing-sign-off.xml -o "$work/none.pdf" 2> /dev/null
pdftotext "$work/none.pdf" "$work/none.txt"
check "no agenda item, no 'Agenda item' line" \
	sh -c "! grep -q 'Agenda item' '$work/none.txt'"

# ---- {agenda-item} in the running header, when the style asks ----
mkdir -p "$work/styles"
sed 's|<header left="\([^"]*\)"/>|<header left="\1" right="{agenda-item}"/>|' \
	layouts/committee-report.xml > "$work/styles/committee-report.xml"
check "the header asks for {agenda-item}" \
	grep -q 'right="{agenda-item}"' "$work/styles/committee-report.xml"
"$BIN" render --layout "$work/styles/committee-report.xml" "$paper" \
	-o "$work/header.pdf" 2> "$work/err"
check "renders with {agenda-item} in the header" test $? -eq 0
pages=$(pdfinfo "$work/header.pdf" | sed -n 's/^Pages: *//p')
page=1
while [ "$page" -le "$pages" ]; do
	pdftotext -f "$page" -l "$page" "$work/header.pdf" "$work/page.txt"
	check "page $page's header says 'Agenda item 7'" grep -q 'Agenda item 7' "$work/page.txt"
	page=$((page + 1))
done
finish
