#!/bin/sh
# committee-pdf render on the samples, read back with poppler-utils: pages
# and their sizes, reading order, fonts, outline, structure tags, metadata,
# repeatable bytes, SOURCE_DATE_EPOCH, and output written whole or not at all.
set -u
. tests/e2e/lib.sh
sample=samples/best-value-2024.xml

# Line number of the first line matching a pattern (0 when none).
line_of() { # file pattern
	n=$(grep -n -m 1 -e "$2" "$1" | cut -d: -f1)
	echo "${n:-0}"
}
before() { # file first second: first is found, and above second
	a=$(line_of "$1" "$2"); b=$(line_of "$1" "$3")
	[ "$a" -gt 0 ] && [ "$b" -gt 0 ] && [ "$a" -lt "$b" ]
}

unset SOURCE_DATE_EPOCH
"$BIN" render "$sample" -o "$work/paper.pdf" 2> "$work/render.err"
check "render exits 0" test $? -eq 0
check "render says nothing for a clean sample" test ! -s "$work/render.err"
check "writes a PDF" sh -c "head -c 5 '$work/paper.pdf' | grep -q '%PDF-'"

# ---- pages ----
pdfinfo -l 999 "$work/paper.pdf" > "$work/info"
pages=$(sed -n 's/^Pages: *//p' "$work/info")
check "several pages ($pages)" test "${pages:-0}" -ge 4
check "first page portrait A4" grep -q "^Page *1 size: *595.276 x 841.89 pts" "$work/info"
check "the landscape appendix has landscape pages" \
	grep -q "^Page *$pages size: *841.89 x 595.276 pts" "$work/info"
check "tagged" grep -q "^Tagged: *yes" "$work/info"
check "title from the cover" \
	grep -q "^Title: *Best Value Standards and Intervention Guidance" "$work/info"
check "author is the authority" grep -q "^Author: *City of Wolverhampton Council" "$work/info"
check "creator names the program" grep -q "^Creator: *committee-pdf [0-9]" "$work/info"
check "creation date is the meeting date, not the clock" \
	grep -q "^CreationDate: *Thu Feb 22 00:00:00 2024 UTC" "$work/info"

# ---- reading order ----
pdftotext -layout "$work/paper.pdf" "$work/text"
check "cover title before the recommendations" \
	before "$work/text" "Best Value Standards and Intervention Guidance" "Recommendations for decision"
check "recommendations before 1.0 Purpose" \
	before "$work/text" "Recommendations for decision" "1\.0 *Purpose"
check "1.0 Purpose before 2.0 Background" before "$work/text" "1\.0 *Purpose" "2\.0 *Background"
check "2.0 Background before the appendices" \
	before "$work/text" "2\.0 *Background" "^Appendix 2: City of Wolverhampton"
check "the appendix's last characteristic comes last" \
	before "$work/text" "^Appendix 2: City of Wolverhampton" "PCE005"
check "a word shaped as a ligature reads as letters" grep -q "office\|official\|find" "$work/text"

# ---- fonts: all embedded and subset ----
pdffonts "$work/paper.pdf" | tail -n +3 > "$work/fonts"
check "uses fonts" test -s "$work/fonts"
check "every font subset (XXXXXX+Name)" sh -c "! grep -Ev '^[A-Z]{6}\+' '$work/fonts'"
check "every font embedded (emb sub uni yes)" \
	sh -c "! grep -v ' yes yes yes ' '$work/fonts'"
check "only the fonts used: Liberation, DejaVu for Arabic and Farsi" \
	sh -c "! grep -vi 'liberation\|dejavu' '$work/fonts'"

# ---- outline and destinations ----
# Objects sit in compressed object streams: read them as qpdf lays them out.
qpdf --qdf --object-streams=disable "$work/paper.pdf" "$work/paper.qdf"
check "has an outline" grep -aq "/Type /Outlines" "$work/paper.qdf"
outline_count=$(grep -a -B 3 -A 3 "/Type /Outlines" "$work/paper.qdf" | sed -n 's/.*\/Count -\{0,1\}\([0-9]*\).*/\1/p' | head -1)
check "outline lists the sections ($outline_count)" test "${outline_count:-0}" -ge 3
pdfinfo -dests "$work/paper.pdf" > "$work/dests"
check "named destinations for links and the outline" test "$(wc -l < "$work/dests")" -ge 3
check "link annotations" grep -aq "/Subtype /Link" "$work/paper.qdf"

# ---- structure ----
pdfinfo -struct-text "$work/paper.pdf" > "$work/struct"
roles=$(grep -o '^ *[A-Z][A-Za-z0-9]*' "$work/struct" | tr -d ' ' | tr '\n' ' ')
check "structure: document first" sh -c "echo '$roles' | grep -q '^Document '"
for role in Sect H1 P L LI Lbl LBody Table TR TH TD Figure; do
	check "structure has $role" sh -c "echo '$roles' | grep -q ' $role '"
done
check "structure order: H1, then P, then a table with TR, TH, TD" \
	sh -c "echo '$roles' | grep -q 'H1 .*P .*Table TR TH .*TD'"
check "page furniture is no content" sh -c "! grep -q 'Page 1 of' '$work/struct'"
check "a table header repeated on later pages is no content" \
	test "$(grep -c '^ *"Ref"$' "$work/struct")" -eq 1
check "the assessment table continues as one Table across pages" \
	test "$(grep -c '^ *Table' "$work/struct")" -le 5
check "tagged text keeps spaces at line ends" \
	grep -q "Best Value for local authorities" "$work/struct"
check "tagged text separates a number from its heading" grep -q '"1.0 Purpose"' "$work/struct"
check "tagged text separates a number from its paragraph" grep -q '"1.1 The purpose' "$work/struct"
check "tagged text separates lines broken by hand" grep -q "Laura Collings Head of" "$work/struct"

# ---- bytes: repeatable, SOURCE_DATE_EPOCH honoured ----
"$BIN" render "$sample" -o "$work/again.pdf"
check "two renders are byte-identical" cmp -s "$work/paper.pdf" "$work/again.pdf"
SOURCE_DATE_EPOCH=1700000000 "$BIN" render "$sample" -o "$work/epoch.pdf"
check "SOURCE_DATE_EPOCH sets the creation date" \
	sh -c "pdfinfo '$work/epoch.pdf' | grep -q '^CreationDate: *Tue Nov 14 22:13:20 2023 UTC'"
SOURCE_DATE_EPOCH=1700000000 "$BIN" render "$sample" -o "$work/epoch2.pdf"
check "with SOURCE_DATE_EPOCH too" cmp -s "$work/epoch.pdf" "$work/epoch2.pdf"

# ---- default output name, draft, previous quarter, dump ----
mkdir "$work/src"
cp "$sample" "$work/src/paper.xml"
"$BIN" render "$work/src/paper.xml"
check "default output is the source's name with .pdf" test -s "$work/src/paper.pdf"
"$BIN" render --draft "$sample" -o "$work/draft.pdf"
check "--draft exits 0" test $? -eq 0
check "--draft draws the watermark" sh -c "pdftotext '$work/draft.pdf' - | grep -q DRAFT"
check "--draft watermark is no content" \
	sh -c "! pdfinfo -struct-text '$work/draft.pdf' | grep -q DRAFT"
"$BIN" render samples/adults-2024-q2.xml --previous samples/adults-2024-q1.xml \
	-o "$work/q2.pdf" 2> "$work/q2.err"
check "--previous renders a quarter against the last" test $? -eq 0 -a -s "$work/q2.pdf"
"$BIN" render --dump-layout "$sample" -o "$work/dump.pdf" > "$work/dump.json"
check "--dump-layout exits 0" test $? -eq 0
check "--dump-layout prints the display list" grep -q '^{"pages":\[' "$work/dump.json"
check "--dump-layout writes no PDF" test ! -e "$work/dump.pdf"
"$BIN" render --layout no-such-layout "$sample" -o "$work/nolayout.pdf" 2> "$work/nolayout.err"
check "an unknown layout fails with 1" test $? -eq 1
check "an unknown layout is named" grep -q "no-such-layout" "$work/nolayout.err"
check "an unknown layout writes nothing" test ! -e "$work/nolayout.pdf"
"$BIN" render --layout committee-report-landscape-appendix "$sample" -o "$work/other.pdf"
check "--layout NAME picks another house style" test $? -eq 0 -a -s "$work/other.pdf"

# ---- whole or nothing ----
mkdir "$work/out"
cp "$work/paper.pdf" "$work/out/good.pdf"
printf '<?xml version="1.0"?>\n<paper xmlns="urn:committee-pdf:paper:1">\n  <oops>\n</paper>\n' \
	> "$work/bad.xml"
"$BIN" render "$work/bad.xml" -o "$work/out/good.pdf" 2> "$work/bad.err"
check "a bad source fails with 1" test $? -eq 1
check "diagnostics say FILE:LINE:COL" grep -q "^$work/bad.xml:[0-9][0-9]*:[0-9][0-9]*: error: " "$work/bad.err"
check "a failed render leaves the good PDF untouched" cmp -s "$work/paper.pdf" "$work/out/good.pdf"
check "and no temporary file" test "$(ls -A "$work/out" | wc -l)" -eq 1

"$BIN" render "$sample" -o "$work/missing/paper.pdf" 2> "$work/missing.err"
check "a missing folder fails with 1" test $? -eq 1
check "a missing folder is named" grep -q "$work/missing" "$work/missing.err"
check "a missing folder leaves nothing" test ! -e "$work/missing"

if [ "$(id -u)" -ne 0 ]; then
	mkdir "$work/locked"
	chmod 555 "$work/locked"
	"$BIN" render "$sample" -o "$work/locked/paper.pdf" 2> "$work/locked.err"
	check "a read-only folder fails with 1" test $? -eq 1
	check "a read-only folder says why" grep -q "Permission denied" "$work/locked.err"
	check "a read-only folder stays empty" test "$(ls -A "$work/locked" | wc -l)" -eq 0
elif [ -d /sys/kernel ]; then
	# root writes into any folder of a normal file system; sysfs still
	# refuses new files.
	"$BIN" render "$sample" -o /sys/paper.pdf 2> "$work/locked.err"
	check "a folder refusing files fails with 1" test $? -eq 1
	check "a folder refusing files says why" grep -q "Permission denied" "$work/locked.err"
	check "a folder refusing files gets none" test ! -e /sys/paper.pdf
else
	echo "skip read-only folder: root writes anywhere"
fi

"$BIN" render "$sample" -o "$work" 2> "$work/dir.err"
check "a folder as output fails with 1" test $? -eq 1

# ---- usage ----
"$BIN" render > /dev/null 2>&1
check "no source is a usage error" test $? -eq 2
"$BIN" render --bogus "$sample" > /dev/null 2>&1
check "an unknown option is a usage error" test $? -eq 2
"$BIN" render "$sample" "$sample" > /dev/null 2>&1
check "two sources are a usage error" test $? -eq 2
"$BIN" render "$sample" -o > /dev/null 2>&1
check "-o without a name is a usage error" test $? -eq 2
"$BIN" render --help > "$work/help"
check "--help exits 0" test $? -eq 0
for option in -o --layout --draft --previous --dump-layout; do
	check "--help names $option" grep -q -- "$option" "$work/help"
done
"$BIN" render "$work/src/paper.xml" -o "$work/src/paper.xml" 2> /dev/null
check "refuses to overwrite the source" test $? -eq 1
check "the source survives" grep -q "urn:committee-pdf:paper:1" "$work/src/paper.xml"

finish
