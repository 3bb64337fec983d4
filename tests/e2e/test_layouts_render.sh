#!/bin/sh
# The shipped layouts as they reach the PDF: paper and orientation, only the
# project's fonts embedded, the furniture templates expanded, and a layout
# that fails its checks stopping the render with its diagnostics.
set -u
. tests/e2e/lib.sh
sample=samples/best-value-2024.xml

render() { # layout, output name
	"$BIN" render "$sample" --layout "$1" -o "$work/$2.pdf" 2> "$work/$2.err"
}

for layout in committee-report committee-report-landscape-appendix quarterly-dashboard; do
	render "$layout" "$layout"
	check "$layout renders" test $? -eq 0 -a ! -s "$work/$layout.err"
	pdfinfo -l 999 "$work/$layout.pdf" > "$work/$layout.info"
	pdffonts "$work/$layout.pdf" | tail -n +3 | awk '{print $1}' | sed 's/^[A-Z]*+//' \
		| sort -u > "$work/$layout.fonts"
	check "$layout embeds only Liberation and DejaVu fonts" \
		sh -c "! grep -v -e '^LiberationSans' -e '^DejaVuSans' '$work/$layout.fonts'"
	check "$layout uses Liberation Sans" grep -q '^LiberationSans$' "$work/$layout.fonts"
	pdftotext -f 1 -l 1 -layout "$work/$layout.pdf" "$work/$layout.p1.txt"
	check "$layout header expands {marking}" \
		grep -q "This report is PUBLIC \[NOT PROTECTIVELY MARKED\]" "$work/$layout.p1.txt"
	pages=$(sed -n 's/^Pages: *//p' "$work/$layout.info")
	check "$layout footer expands {page} and {pages}" \
		grep -q "Page 1 of $pages" "$work/$layout.p1.txt"
	check "$layout footer expands {committee} {meeting-date}" \
		grep -q "Governance and Ethics Committee 22 February 2024" "$work/$layout.p1.txt"
done

portrait="595.276 x 841.89 pts"
landscape="841.89 x 595.276 pts"
info=$work/committee-report.info
check "committee-report starts portrait A4" grep -q "^Page *1 size: *$portrait" "$info"
info=$work/quarterly-dashboard.info
check "quarterly-dashboard is landscape throughout" \
	sh -c "! grep '^Page .* size:' '$info' | grep -v '$landscape'"
info=$work/committee-report-landscape-appendix.info
check "the landscape-appendix layout keeps the report portrait" grep -q "^Page *1 size: *$portrait" "$info"
last=$(sed -n 's/^Pages: *//p' "$info")
check "and turns the assessment appendix landscape" grep -q "^Page *$last size: *$landscape" "$info"

# landscape-assessments turns an assessment appendix the source left portrait.
sed 's/ landscape="yes"//' "$sample" > "$work/portrait-source.xml"
for layout in committee-report committee-report-landscape-appendix; do
	"$BIN" render "$work/portrait-source.xml" --layout "$layout" -o "$work/p-$layout.pdf" 2>/dev/null
	pdfinfo -l 999 "$work/p-$layout.pdf" > "$work/p-$layout.info"
done
last=$(sed -n 's/^Pages: *//p' "$work/p-committee-report.info")
check "committee-report leaves a portrait appendix portrait" \
	grep -q "^Page *$last size: *$portrait" "$work/p-committee-report.info"
last=$(sed -n 's/^Pages: *//p' "$work/p-committee-report-landscape-appendix.info")
check "committee-report-landscape-appendix turns it landscape" \
	grep -q "^Page *$last size: *$landscape" "$work/p-committee-report-landscape-appendix.info"

# A4 is the default paper; Letter by name.
sed -e 's/size="A4" //' layouts/committee-report.xml > "$work/default-paper.xml"
sed -e 's/size="A4"/size="Letter"/' layouts/committee-report.xml > "$work/letter.xml"
render "$work/default-paper.xml" default-paper
check "no size means A4" sh -c "pdfinfo '$work/default-paper.pdf' | grep -q 'Page size: *595.276 x 841.89'"
render "$work/letter.xml" letter
check "Letter by name" sh -c "pdfinfo '$work/letter.pdf' | grep -q 'Page size: *612 x 792'"

# A layout that fails its checks stops the render, naming the pair.
render tests/bad-layouts/low-contrast-amber.xml bad
check "a bad layout fails the render" test $? -eq 1
check "and says why, at its position" grep -q \
	"^tests/bad-layouts/low-contrast-amber.xml:35:5: error: rating 'A': text #ffffff on #f47738 has contrast 2.78:1" \
	"$work/bad.err"
check "and writes no PDF" test ! -e "$work/bad.pdf"
render no-such-layout missing
check "an unknown layout name fails" test $? -eq 1
check "and says where it looked" grep -q "no layout named 'no-such-layout': looked for no-such-layout.xml in" "$work/missing.err"
finish
