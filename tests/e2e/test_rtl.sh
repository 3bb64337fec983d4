#!/bin/sh
# Right-to-left and mixed text (tests/layout/right-to-left.xml: Hebrew and Arabic
# in cover values, a heading, paragraphs, a list, table cells and chart
# labels) under every shipped house style: render and preview exit 0 and
# say nothing, leave no temporary file, and the PDF's text and structure
# read in logical order. Also the Arabic and Farsi notice of the Best
# Value sample.
set -u
. tests/e2e/lib.sh
source=tests/layout/right-to-left.xml

# pdftotext's text without its bidi marks (U+200E/F, U+202A-E) and without
# spaces: poppler puts a space inside some right-to-left words drawn at
# unrounded positions, which says nothing about their order.
letters() { # file
	LC_ALL=C sed -e 's/\xe2\x80[\x8e\x8f\xaa\xab\xac\xad\xae]//g' \
		-e 's/[[:space:]]//g' "$1" | tr -d '\n'
}

# Each argument in logical order, spaces left out.
has_letters() { # file words...
	file=$1
	shift
	for words in "$@"; do
		squeezed=$(printf '%s' "$words" | tr -d ' ')
		case $(letters "$file") in
		*"$squeezed"*) ;;
		*) echo "     missing: $words"; return 1 ;;
		esac
	done
}

temporaries() { # folder: no .NAME.PID-N.tmp left in it
	! ls -a "$1" | grep -q '\.tmp$'
}

for path in layouts/*.xml; do
	layout=$(basename "$path" .xml)
	out=$work/$layout
	mkdir -p "$out"
	"$BIN" render "$source" --layout "$layout" -o "$out/paper.pdf" \
		2> "$out/render.err"
	check "$layout: render exits 0" test $? -eq 0
	check "$layout: render says nothing" test ! -s "$out/render.err"
	check "$layout: writes the PDF" test -s "$out/paper.pdf"
	check "$layout: no temporary file" temporaries "$out"

	pdftotext "$out/paper.pdf" "$out/text" 2> /dev/null
	check "$layout: text in logical order" has_letters "$out/text" \
		"דוח" "סיכום" "הודעה" "שירותי תרגום" "נועה כהן" "يوسف حداد" \
		"يمكنك الحصول على هذه المعلومات بخط كبير أو بطريقة برايل" \
		"اتصل بنا" "שותפויות עם" "הנהגה" "الشراكات" "خدمات المجتمع" \
		"בקשות תרגום שטופלו" "Leadership (" "القيادة"

	pdfinfo -struct-text "$out/paper.pdf" > "$out/struct" 2> /dev/null
	check "$layout: tagged heading" \
		sh -c "grep -A1 '^ *H1' '$out/struct' | grep -q '\"1.0 סיכום: הודעה\"'"
	check "$layout: tagged paragraph, Hebrew then a colon" \
		sh -c "grep -A1 '^ *P' '$out/struct' | grep -q '\"1.1 דוח:\"'"
	check "$layout: tagged mixed paragraph in logical order" \
		grep -q '"1.3 Call 01902 551155 (العربية: اتصل بنا) or ask at reception in the Civic Centre."' \
		"$out/struct"
	check "$layout: a right-to-left paragraph's lines joined in order" \
		grep -q '"1.2 يمكنك الحصول على هذه المعلومات بخط كبير أو بطريقة برايل أو بتسجيل صوتي أو بلغة أخرى' \
		"$out/struct"
	check "$layout: tagged table cells" \
		sh -c "grep -A1 '^ *TD' '$out/struct' | grep -q '\"שירותי תרגום\"' &&
			grep -A1 '^ *TD' '$out/struct' | grep -q '\"דוח:\"'"
	check "$layout: tagged chart labels" \
		sh -c "grep -A1 '^ *Figure' '$out/struct' | grep -q '\"הנהגה A 1 · G 1 الشراكات R 1'"

	"$BIN" preview "$source" --layout "$layout" -o "$out" > "$out/written" \
		2> "$out/preview.err"
	check "$layout: preview exits 0" test $? -eq 0
	check "$layout: preview says nothing" test ! -s "$out/preview.err"
	pages=$(pdfinfo "$out/paper.pdf" | sed -n 's/^Pages: *//p')
	check "$layout: one image per page" \
		test "$(ls "$out"/*.png | wc -l)" -eq "${pages:-0}"
	check "$layout: no temporary file after preview" temporaries "$out"
done

# The sample's notice of other formats and languages.
"$BIN" render samples/best-value-2024.xml -o "$work/sample.pdf" 2> "$work/sample.err"
check "the sample renders" test $? -eq 0 -a ! -s "$work/sample.err"
pdftotext "$work/sample.pdf" "$work/sample.txt"
check "the sample's Arabic and Farsi notice in logical order" \
	has_letters "$work/sample.txt" \
	"يمكنك الحصول على هذه المعلومات بخط كبير أو بطريقة برايل أو بتسجيل صوتي أو بلغة" \
	"برای دریافت این"
finish
