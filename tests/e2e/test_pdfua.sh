#!/bin/sh
# The finishing pass (pdf_finish.h) on every sample: the file passes
# qpdf --check; its pages render pixel for pixel as Cairo drew them
# (COMMITTEE_PDF_UNFINISHED=1 writes Cairo's file as it is); its text
# extracts the same; it is no larger; the same source gives the same bytes;
# and an independent reader (pikepdf, test_pdfua_reader.py) finds what
# PDF/UA-1 and PDF/A-2 ask for: /Lang, DisplayDocTitle, XMP pdfuaid:part,
# TH /Scope, Figure /Alt, link /Contents, no content outside marked content.
set -u
. tests/e2e/lib.sh
reader=tests/e2e/test_pdfua_reader.py
python=/usr/bin/python3

# pages_identical RAW FINISHED NAME: every page at 72 dpi, byte for byte.
pages_identical() {
	mkdir -p "$work/$3"
	pdftoppm -r 72 "$1" "$work/$3/raw" && pdftoppm -r 72 "$2" "$work/$3/fin" || return 1
	for page in "$work/$3"/raw-*.ppm; do
		cmp -s "$page" "$(echo "$page" | sed 's|/raw-|/fin-|')" || return 1
	done
	rm -rf "${work:?}/$3"
}

for source in samples/*.xml; do
	name=$(basename "$source" .xml)
	lang=$(sed -n 's/.*xml:lang="\([^"]*\)".*/\1/p' "$source" | head -n 1)
	raw=$work/$name.raw.pdf
	pdf=$work/$name.pdf
	COMMITTEE_PDF_UNFINISHED=1 "$BIN" render "$source" -o "$raw" 2>/dev/null ||
		fail "$name: renders without the pass"
	if ! "$BIN" render "$source" -o "$pdf" 2> "$work/err"; then
		fail "$name: renders with the pass ($(grep error "$work/err"))"
		continue
	fi
	check "$name: qpdf --check is clean" sh -c "qpdf --check '$pdf' > '$work/qpdf' 2>&1"
	check "$name: pages pixel-identical" pages_identical "$raw" "$pdf" "$name"
	pdftotext "$raw" "$work/raw.txt"
	pdftotext "$pdf" "$work/fin.txt"
	check "$name: text unchanged" cmp -s "$work/raw.txt" "$work/fin.txt"
	check "$name: no larger than Cairo's file" \
		test "$(wc -c < "$pdf")" -le "$(wc -c < "$raw")"
	check "$name: PDF/UA and PDF/A by pikepdf" \
		sh -c "'$python' '$reader' '$pdf' '$lang' > '$work/reader' 2>&1" ||
		cat "$work/reader"
done

# The reader does find what is missing: Cairo's own file fails it.
sample=samples/best-value-2024.xml
"$python" "$reader" "$work/best-value-2024.raw.pdf" en-GB > "$work/reader" 2>&1
check "the reader rejects Cairo's unfinished file" test $? -eq 1
for rule in "catalog /Lang" "DisplayDocTitle" "pdfuaid:part" "TH has no /Scope" \
	"Figure has no /Alt" "link has no /Contents" "outside marked content"; do
	check "unfinished: the reader names '$rule'" grep -q "$rule" "$work/reader"
done

# What the reader saw on the finished sample.
"$python" "$reader" "$work/best-value-2024.pdf" en-GB > "$work/reader" 2>&1
check "best-value-2024: header and footer typed as pagination artifacts" \
	grep -q "'/Footer', '/Header'" "$work/reader"
check "a draft's watermark typed as a pagination artifact" \
	sh -c "'$python' '$reader' '$work/best-value-2024-update.pdf' en-GB | grep -q /Watermark"

# Deterministic: the same source and date give the same bytes.
SOURCE_DATE_EPOCH=1700000000 "$BIN" render "$sample" -o "$work/a.pdf"
SOURCE_DATE_EPOCH=1700000000 "$BIN" render "$sample" -o "$work/b.pdf"
check "same input, same bytes" cmp -s "$work/a.pdf" "$work/b.pdf"
qpdf --qdf --object-streams=disable "$work/a.pdf" "$work/a.qdf"
check "XMP and Info carry SOURCE_DATE_EPOCH" \
	sh -c "grep -aq '<xmp:CreateDate>2023-11-14T22:13:20Z<' '$work/a.qdf' &&
	       grep -aq '/CreationDate (D:20231114221320Z)' '$work/a.qdf'"
check "the XMP says PDF/A-2A" \
	sh -c "grep -aq '<pdfaid:part>2<' '$work/a.qdf' &&
	       grep -aq '<pdfaid:conformance>A<' '$work/a.qdf'"
check "sRGB output intent" grep -aq "/OutputConditionIdentifier (sRGB IEC61966-2.1)" "$work/a.qdf"
check "link annotations say where they go" \
	grep -aq "/Contents (Go to .*, page [0-9]*)" "$work/a.qdf"

finish
