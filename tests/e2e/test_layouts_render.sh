#!/bin/sh
# The shipped layouts as they reach the PDF: paper and orientation, only the
# project's fonts embedded, the furniture templates expanded, and a layout
# that fails its checks stopping the render with its diagnostics.
set -u
fail=0
check() { # description, then a command that must succeed
	what=$1; shift
	if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fail=1; fi
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sample=samples/best-value-2024.xml

render() { # layout, output name
	"$BIN" render "$sample" --layout "$1" -o "$tmp/$2.pdf" 2> "$tmp/$2.err"
}

for layout in committee-report committee-report-landscape-appendix quarterly-dashboard; do
	render "$layout" "$layout"
	check "$layout renders" test $? -eq 0 -a ! -s "$tmp/$layout.err"
	pdfinfo -l 999 "$tmp/$layout.pdf" > "$tmp/$layout.info"
	pdffonts "$tmp/$layout.pdf" | tail -n +3 | awk '{print $1}' | sed 's/^[A-Z]*+//' \
		| sort -u > "$tmp/$layout.fonts"
	check "$layout embeds only Liberation and DejaVu fonts" \
		sh -c "! grep -v -e '^LiberationSans' -e '^DejaVuSans' '$tmp/$layout.fonts'"
	check "$layout uses Liberation Sans" grep -q '^LiberationSans$' "$tmp/$layout.fonts"
	pdftotext -f 1 -l 1 -layout "$tmp/$layout.pdf" "$tmp/$layout.p1.txt"
	check "$layout header expands {marking}" \
		grep -q "This report is PUBLIC \[NOT PROTECTIVELY MARKED\]" "$tmp/$layout.p1.txt"
	pages=$(sed -n 's/^Pages: *//p' "$tmp/$layout.info")
	check "$layout footer expands {page} and {pages}" \
		grep -q "Page 1 of $pages" "$tmp/$layout.p1.txt"
	check "$layout footer expands {committee} {meeting-date}" \
		grep -q "Governance and Ethics Committee 22 February 2024" "$tmp/$layout.p1.txt"
done

portrait="595.276 x 841.89 pts"
landscape="841.89 x 595.276 pts"
info=$tmp/committee-report.info
check "committee-report starts portrait A4" grep -q "^Page *1 size: *$portrait" "$info"
info=$tmp/quarterly-dashboard.info
check "quarterly-dashboard is landscape throughout" \
	sh -c "! grep '^Page .* size:' '$info' | grep -v '$landscape'"
info=$tmp/committee-report-landscape-appendix.info
check "the landscape-appendix layout keeps the report portrait" grep -q "^Page *1 size: *$portrait" "$info"
last=$(sed -n 's/^Pages: *//p' "$info")
check "and turns the assessment appendix landscape" grep -q "^Page *$last size: *$landscape" "$info"

# landscape-assessments turns an assessment appendix the source left portrait.
sed 's/ landscape="yes"//' "$sample" > "$tmp/portrait-source.xml"
for layout in committee-report committee-report-landscape-appendix; do
	"$BIN" render "$tmp/portrait-source.xml" --layout "$layout" -o "$tmp/p-$layout.pdf" 2>/dev/null
	pdfinfo -l 999 "$tmp/p-$layout.pdf" > "$tmp/p-$layout.info"
done
last=$(sed -n 's/^Pages: *//p' "$tmp/p-committee-report.info")
check "committee-report leaves a portrait appendix portrait" \
	grep -q "^Page *$last size: *$portrait" "$tmp/p-committee-report.info"
last=$(sed -n 's/^Pages: *//p' "$tmp/p-committee-report-landscape-appendix.info")
check "committee-report-landscape-appendix turns it landscape" \
	grep -q "^Page *$last size: *$landscape" "$tmp/p-committee-report-landscape-appendix.info"

# A4 is the default paper; Letter by name.
sed -e 's/size="A4" //' layouts/committee-report.xml > "$tmp/default-paper.xml"
sed -e 's/size="A4"/size="Letter"/' layouts/committee-report.xml > "$tmp/letter.xml"
render "$tmp/default-paper.xml" default-paper
check "no size means A4" sh -c "pdfinfo '$tmp/default-paper.pdf' | grep -q 'Page size: *595.276 x 841.89'"
render "$tmp/letter.xml" letter
check "Letter by name" sh -c "pdfinfo '$tmp/letter.pdf' | grep -q 'Page size: *612 x 792'"

# A layout that fails its checks stops the render, naming the pair.
render tests/bad-layouts/low-contrast-amber.xml bad
check "a bad layout fails the render" test $? -eq 1
check "and says why, at its position" grep -q \
	"^tests/bad-layouts/low-contrast-amber.xml:35:5: error: rating 'A': text #ffffff on #f47738 has contrast 2.78:1" \
	"$tmp/bad.err"
check "and writes no PDF" test ! -e "$tmp/bad.pdf"
render no-such-layout missing
check "an unknown layout name fails" test $? -eq 1
check "and says where it looked" grep -q "no layout named 'no-such-layout': looked for no-such-layout.xml in" "$tmp/missing.err"
exit $fail
