#!/bin/sh
# A Welsh paper prints no English word of its own: the two Welsh golden
# cases (welsh-paper, an assessment; welsh-quarterly, performance with
# trends, a table continued over a page, <appendices/>, generated refs, the
# agenda item, notes on absent columns) under every shipped house style.
# The English words are not a hand-kept list but every word of
# words/en-GB.xml that Welsh does not share; the text read is the page
# text (pdftotext) and what a reader hears but does not see: figure
# alternatives, link descriptions, bookmarks and the document's title and
# subject. Then a house style's <labels> replace the Welsh words, and a
# label with xml:lang serves only papers in that language.
set -u
. tests/e2e/lib.sh
export SOURCE_DATE_EPOCH=1700000000

# words FILE: the text of each <word>/<label> of a catalogue or house
# style, fields in braces dropped, one word a line.
words() {
	sed -n 's/.*<\(word\|label\) [^>]*>\(.*\)<\/\(word\|label\)>.*/\2/p' "$1" |
		sed 's/{[a-z-]*}/ /g' | tr -c "A-Za-z\n" '\n' | grep -E '^..+$' | sort -u
}

# What a reader gets from FILE.pdf besides the page text: figure /Alt,
# link /Contents, bookmark titles, the document's title and subject.
unseen_text() {
	/usr/bin/python3 - "$1" <<'PY'
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
def walk(node, depth=0):
    if depth > 200 or not isinstance(node, pikepdf.Dictionary):
        return
    for key in ('/Alt', '/ActualText', '/E'):
        if key in node:
            print(str(node[key]))
    kids = node.get('/K')
    for k in (kids if isinstance(kids, pikepdf.Array) else [kids]):
        walk(k, depth + 1)
walk(pdf.Root.StructTreeRoot)
for page in pdf.pages:
    for annot in page.get('/Annots', []):
        if '/Contents' in annot:
            print(str(annot.Contents))
with pdf.open_outline() as outline:
    stack = list(outline.root)
    while stack:
        item = stack.pop()
        print(item.title)
        stack.extend(item.children)
for key in ('/Title', '/Subject'):
    if key in pdf.docinfo:
        print(str(pdf.docinfo[key]))
PY
}

# The catalogue's words and the small words English sentences are made of,
# so that a fixed phrase outside the catalogues ("Go to page 3") shows too.
{ words words/en-GB.xml; printf '%s\n' the The of and to To is are was by for \
	with from on at in this that not Go Link Page page Figure Table Chart \
	Appendix Section Paragraph continued Bookmark Contents; } |
	sort -u > "$work/english.all"
words words/cy.xml > "$work/welsh.words"
check "the English catalogue has words" test "$(wc -l < "$work/english.all")" -gt 100
# Words both languages print ("Cabinet", "Schedule 12A"'s "A") are not English.
comm -23 "$work/english.all" "$work/welsh.words" > "$work/english.only"
for word in Page Rating Characteristic Recommendations Total Theme February; do
	check "the English list holds $word" grep -qx "$word" "$work/english.only"
done

for paper in welsh-paper welsh-quarterly; do
	source=tests/layout/$paper.xml
	# Words the source prints itself (its text and the labels and names
	# its attributes give; not its markup or comments) are the author's.
	/usr/bin/python3 - "$source" <<'PY' | tr -c "A-Za-z\n" '\n' | sort -u > "$work/$paper.own"
import sys, xml.etree.ElementTree as ET
for e in ET.parse(sys.argv[1]).iter():
    print(e.text or '', e.tail or '', e.get('label', ''), e.get('name', ''))
PY
	comm -23 "$work/english.only" "$work/$paper.own" > "$work/$paper.english"
	for path in layouts/*.xml; do
		layout=$(basename "$path" .xml)
		out=$work/$paper-$layout
		"$BIN" render --layout "$layout" "$source" -o "$out.pdf" 2> "$out.err"
		check "$paper/$layout: renders" test $? -eq 0
		check "$paper/$layout: says nothing" test ! -s "$out.err"
		pdftotext "$out.pdf" "$out.txt"
		unseen_text "$out.pdf" >> "$out.txt"
		check "$paper/$layout: has figure alternatives and bookmarks" \
			grep -q "^Atodiad 1: " "$out.txt"
		grep -owFf "$work/$paper.english" "$out.txt" | sort -u > "$out.found"
		if [ -s "$out.found" ]; then
			fail "$paper/$layout prints English: $(tr '\n' ' ' < "$out.found")"
		fi
	done
done

# The words welsh-quarterly reaches, in Welsh (committee-report: portrait).
txt=$work/welsh-quarterly-quarterly-dashboard.txt
for phrase in "Eitem ar yr agenda 5" "Argymhellion i'w nodi:" "atodiad 1" \
	"paragraff 1.1" "adran 2.0" "Atodiad 3: Cyd-destun" "Gwasanaethau cymunedol (parhad)" \
	"Mesur" "Targed" "Gwirioneddol" "Tuedd" "Sylwadau" "Gwella" "Dirywio" \
	"Sefydlog" "Codi" "Gostwng" "Dim cymhariaeth" "Cyd-destun" "mesur cyd-destunol" \
	"Tueddiadau:" "Nid oes sgoriau blaenorol" "Nid oes targedau wedi’u gosod" \
	"11 Gorffennaf 2024" "27 Mehefin 2024" "Terfynol" "Tudalen 6 o 6" \
	"Yn y blaengynllun" "Siart bar o mesurau" "Llinellau tuedd mesurau"; do
	grep -qF "$phrase" "$txt" || fail "welsh-quarterly lacks \"$phrase\""
done
# The dashboard's totals row keeps its Welsh label whole ("Cyfanswm" is
# wider than the theme column's other words).
for path in layouts/*.xml; do
	layout=$(basename "$path" .xml)
	grep -q '^Cyfansw$' "$work/welsh-quarterly-$layout.txt" &&
		fail "$layout: the dashboard's \"Cyfanswm\" is broken over two lines"
done

# ---- a house style's labels, in a Welsh paper ----
sed 's|</furniture>|</furniture>\n  <labels>\n    <label key="performance.column.rating">Statws RAG</label>\n    <label key="furniture.page-of-pages">{page}/{pages}</label>\n  </labels>|' \
	layouts/quarterly-dashboard.xml > "$work/labelled.xml"
cp layouts/sample-logo.svg "$work/"
"$BIN" layouts --check "$work/labelled.xml" > /dev/null 2>&1
check "the labelled house style is valid" test $? -eq 0
"$BIN" render --layout "$work/labelled.xml" tests/layout/welsh-quarterly.xml \
	-o "$work/labelled.pdf" 2> "$work/labelled.err"
check "the Welsh paper renders with the labels" test $? -eq 0
pdftotext "$work/labelled.pdf" "$work/labelled.txt"
check "the label replaces the Welsh column header" grep -q "Statws RAG" "$work/labelled.txt"
check "the label replaces the Welsh page template" grep -qx "6/6" "$work/labelled.txt"
check "no Welsh page template is left" sh -c "! grep -q 'Tudalen ' '$work/labelled.txt'"

# A label for one language: a bilingual council's house style says "RAG
# status" in English papers and "Statws RAG" in Welsh ones; its Welsh
# page template is Welsh papers' only.
sed 's|</furniture>|</furniture>\n  <labels>\n    <label key="performance.column.rating">RAG status</label>\n    <label key="performance.column.rating" xml:lang="cy">Statws RAG</label>\n    <label key="furniture.page-of-pages" xml:lang="cy">Tud. {page} o {pages}</label>\n  </labels>|' \
	layouts/quarterly-dashboard.xml > "$work/bilingual.xml"
"$BIN" layouts --check "$work/bilingual.xml" > /dev/null 2> "$work/bilingual.err"
check "labels with xml:lang are valid" test $? -eq 0
"$BIN" render --layout "$work/bilingual.xml" tests/layout/welsh-quarterly.xml \
	-o "$work/bilingual-cy.pdf" 2> /dev/null
pdftotext "$work/bilingual-cy.pdf" "$work/bilingual-cy.txt"
check "the Welsh paper takes the Welsh label" grep -q "Statws RAG" "$work/bilingual-cy.txt"
check "the Welsh paper takes no English label" sh -c "! grep -q 'RAG status' '$work/bilingual-cy.txt'"
check "the Welsh paper takes the Welsh page template" grep -qx "Tud. 6 o 6" "$work/bilingual-cy.txt"
"$BIN" render --layout "$work/bilingual.xml" tests/layout/measure-history.xml \
	-o "$work/bilingual-en.pdf" 2> /dev/null
pdftotext "$work/bilingual-en.pdf" "$work/bilingual-en.txt"
check "the English paper takes the label for every language" grep -q "RAG status" "$work/bilingual-en.txt"
check "the English paper takes no Welsh label" sh -c "! grep -Eq 'Statws|Tud\.' '$work/bilingual-en.txt'"
check "the English paper keeps its own page template" grep -q "^Page 1 of " "$work/bilingual-en.txt"

finish
