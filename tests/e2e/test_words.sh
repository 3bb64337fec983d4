#!/bin/sh
# Words as data: a Welsh paper prints every fixed word and date in Welsh;
# an English paper keeps a Welsh phrase's language; empty refs print their
# targets' names as links; an unknown language is a warning and English;
# a house style's <label> replaces a word; the catalogues hold the same
# keys, every key the program asks for, and are valid against words.xsd.
. tests/e2e/lib.sh
export SOURCE_DATE_EPOCH=1700000000

# ---- a Welsh paper ----
"$BIN" render tests/layout/welsh-paper.xml -o "$work/cy.pdf" 2> "$work/cy.err"
check "the Welsh paper renders" test -s "$work/cy.pdf"
check "the Welsh paper renders without a message" test ! -s "$work/cy.err"
pdftotext "$work/cy.pdf" "$work/cy.txt"
for phrase in "Pwnc" "Penderfyniad allweddol" "Argymhellion i'w penderfynu:" \
	"22 Chwefror 2024" "1 Chwefror 2024" "Tudalen 1 o 2" "Tudalen 2 o 2" \
	"Dosbarthiad yr adroddiad hwn: CYFYNGEDIG" "Atodiad 1: Hunanasesiad" \
	"Sgôr" "Ystyr" "Nodwedd" "Blaenorol" "Tystiolaeth" "Perchennog" \
	"Cyfanswm" "Thema" "Gweler GP001" "Newydd" "erbyn 30" "Mehefin 2024" \
	"31 Hydref 2023" "DRAFFT" "Drafft" "atodiad 1." "Ffôn 01234 567890" \
	"yn rhinwedd paragraff 3 o Atodlen 12A"; do
	grep -qF "$phrase" "$work/cy.txt" || fail "the Welsh paper lacks \"$phrase\""
done
# None of the English words the program prints itself.
for english in "Report title" "Key decision" "Recommendations" "Page " \
	"This report is" "Appendix" "Rating" "Meaning" "Characteristic" \
	"Evidence" "Owner" "Total" "Theme" "See " "New" "February" "June" \
	"October" "DRAFT" "Draft" "Tel " "Email " "Schedule 12A" "improved" \
	"not rated" "characteristic"; do
	grep -qwF "$english" "$work/cy.txt" && fail "the Welsh paper prints \"$english\""
done

# ---- Welsh inside an English paper: the nodes carry cy ----
"$BIN" render --dump-layout tests/layout/language-of-parts.xml > "$work/parts.json"
grep -q '"text":"Cynllun Croeso","role":"Span","lang":"cy"' "$work/parts.json" ||
	fail "the Welsh span is not a Span node with lang cy"
grep -q '"text":"Mae.r paragraff hwn yn Gymraeg i gyd.","role":"P","lang":"cy"' "$work/parts.json" ||
	fail "the Welsh paragraph's node has no lang cy"
grep -q '"text":"Nodwedd yn Gymraeg.","role":"TD","lang":"cy"' "$work/parts.json" ||
	fail "the Welsh characteristic's cell has no lang cy"
grep -q '"lang":"cy".*"text":"The scheme' "$work/parts.json" &&
	fail "English text was marked Welsh"
grep -c '"lang":"cy"' "$work/parts.json" > "$work/count"
check "the English text around Welsh keeps the paper's language" \
	sh -c '! grep -q "\"text\":\"The scheme.s Welsh name, \",\"role\":\"P\",\"lang\"" "$0"' "$work/parts.json"

# Drawn, the Span's words are tagged with their paragraph and read in order.
"$BIN" render tests/layout/language-of-parts.xml -o "$work/parts.pdf"
pdftotext "$work/parts.pdf" - | tr '\n' ' ' |
	grep -qF "The scheme's Welsh name, Cynllun Croeso, is used on every sign" ||
	fail "the Welsh span's words are not read in place"
pdfinfo "$work/parts.pdf" | grep -q '^Tagged: *yes' || fail "the paper with Welsh spans is not tagged"

# Each Welsh phrase is a Span element with /Lang cy holding its own words,
# read by pikepdf (the languages of the Spans in tree order) beside poppler
# (the words of the Spans in the same order); the English words around it
# stay in the paragraph, in Spans with no /Lang.
/usr/bin/python3 - "$work/parts.pdf" > "$work/span-langs" <<'PY'
import sys
import pikepdf
def walk(e):
    if isinstance(e, pikepdf.Array):
        for kid in e:
            walk(kid)
    elif isinstance(e, pikepdf.Dictionary) and "/S" in e:
        if e.S == pikepdf.Name.Span:
            print(str(e.get("/Lang", "-")))
        walk(e.get("/K"))
walk(pikepdf.open(sys.argv[1]).Root.StructTreeRoot.K)
PY
pdfinfo -struct-text "$work/parts.pdf" | grep -A1 '^ *Span' | grep '"' |
	sed 's/^ *"\(.*\)"$/\1/' > "$work/span-words"
paste -d' ' "$work/span-langs" "$work/span-words" > "$work/spans"
for span in "cy Cynllun Croeso" "cy Gorau chwarae cyd chwarae" \
	"- 1.1 The scheme's Welsh name, " "- , is used on every sign, and its motto is "; do
	check "the span \"$span\" has its language" grep -qxF -e "$span" "$work/spans"
done
check "only the Welsh phrases are Spans in Welsh" \
	test "$(grep -c '^cy ' "$work/spans")" -eq 2
"$BIN" check "$work/parts.pdf" > "$work/parts-check" 2>&1
check "the paper with Welsh spans passes check" test $? -eq 0

# ---- generated cross-references, as links ----
"$BIN" render --dump-layout tests/layout/generated-refs.xml > "$work/refs.json"
"$BIN" render tests/layout/generated-refs.xml -o "$work/refs.pdf"
pdftotext "$work/refs.pdf" - | tr '\n' ' ' > "$work/refs.txt"
for phrase in "risk register (appendix 1)" "As section 1.0 says" "see CI002 and RS01" \
	"and paragraph 2.2 for" "keeps it: the review" "Appendix 1: Risk register" \
	"Appendix 2: Indicators" "1 of 2 risks (50%) High" "1 risk is not rated" \
	"1 of 1 indicators" "each indicator's first value" "(31 March 2024)"; do
	grep -qF "$phrase" "$work/refs.txt" || fail "generated-refs lacks \"$phrase\""
done
for dest in register purpose CI002 RS01 p-review appendix:2; do
	grep -q "\"kind\":\"link\".*\"dest\":\"$dest\"" "$work/refs.json" ||
		fail "no link to $dest"
	grep -q "\"kind\":\"dest\".*\"name\":\"$dest\"" "$work/refs.json" ||
		fail "no destination $dest for its link"
done

# ---- a language with no catalogue ----
sed 's/xml:lang="en-GB"/xml:lang="fr"/' tests/layout/generated-refs.xml > "$work/french.xml"
"$BIN" validate "$work/french.xml" > /dev/null 2> "$work/french.err"
status=$?
check "a language with no catalogue still validates" test "$status" -eq 0
cat > "$work/french.expected" <<EOT
$work/french.xml:6:42: warning: there are no words for the language "fr" (there are: cy, en-GB); the paper's fixed words print in English
0 errors, 1 warning
EOT
if ! cmp -s "$work/french.err" "$work/french.expected"; then
	fail "the unknown language's warning"
	diff "$work/french.expected" "$work/french.err" | sed 's/^/    /'
fi
"$BIN" render "$work/french.xml" -o "$work/french.pdf" 2> /dev/null
pdftotext "$work/french.pdf" - | grep -q "Page 1 of 3" || fail "the unknown language does not get English"
sed 's/xml:lang="en-GB"/xml:lang="cy-GB"/' tests/layout/generated-refs.xml > "$work/cy-gb.xml"
"$BIN" validate "$work/cy-gb.xml" 2>&1 | grep -q 'warning:' && fail "cy-GB did not find the Welsh catalogue"

# ---- a house style's own labels ----
sed 's|</furniture>|</furniture>\n  <labels>\n    <label key="assessment.column.rating">RAG status</label>\n    <label key="furniture.page-of-pages">{page}/{pages}</label>\n  </labels>|' \
	layouts/committee-report.xml > "$work/labelled.xml"
sed 's|layout="committee-report"|layout="labelled.xml"|' \
	tests/layout/generated-refs.xml > "$work/labelled-paper.xml"
"$BIN" render "$work/labelled-paper.xml" -o "$work/labelled.pdf" 2> "$work/labelled.err"
pdftotext "$work/labelled.pdf" - > "$work/labelled.txt"
tr '\n' ' ' < "$work/labelled.txt" | grep -q "RAG status" || fail "the label did not replace the column header"
grep -q "^1/3$" "$work/labelled.txt" || fail "the label did not replace the page number template"
grep -q "Page 1 of 3" "$work/labelled.txt" && fail "the page template was not replaced"
sed 's|key="assessment.column.rating"|key="assessment.column.ratng"|' "$work/labelled.xml" > "$work/typo.xml"
"$BIN" layouts --check "$work/typo.xml" > /dev/null 2> "$work/typo.err"
status=$?
check "a label naming no word is an error" test "$status" -eq 1
grep -q ':49:5: error: <label key="assessment.column.ratng"> names no word the program prints' "$work/typo.err" ||
	{ fail "the label typo's message"; sed 's/^/    /' "$work/typo.err"; }

# ---- the catalogues ----
check "the catalogues are valid against words.xsd" \
	xmllint --noout --schema generator/words.xsd words/en-GB.xml words/cy.xml
grep -o 'key="[^"]*"' words/en-GB.xml | sort > "$work/en.keys"
grep -o 'key="[^"]*"' words/cy.xml | sort > "$work/cy.keys"
check "both catalogues hold the same keys" cmp -s "$work/en.keys" "$work/cy.keys"
# Every key a layout_word/layout_format call names literally, and the keys
# built from tables of them, is in the catalogue.
grep -ohE '"(word|cover|recommendations|appendix|ref|key|assessment|performance|table|travel|dashboard|chart|trend|furniture|noun|month|date|agenda|risks|link)\.[a-z0-9.-]+"' \
	generator/*.c | tr -d '"' | grep -v '\.$' | grep -v '\.pdf$' | sort -u > "$work/used.keys"
check "the program asks for some keys" test "$(wc -l < "$work/used.keys")" -gt 60
# A prefix such as dashboard.unrated takes ".one" and ".many".
while read -r key; do
	grep -qx "key=\"$key\"" "$work/en.keys" ||
		grep -qx "key=\"$key.one\"" "$work/en.keys" ||
		fail "the key $key is not in words/en-GB.xml"
done < "$work/used.keys"
for noun in $(sed -n 's/.*<xs:enumeration value="\([a-z]*\)"\/>.*/\1/p' generator/committee-paper.xsd |
	grep -E '^(characteristic|risk|measure|indicator|objective|action)$'); do
	grep -qx "key=\"noun.$noun.one\"" "$work/en.keys" || fail "noun $noun has no singular"
	grep -qx "key=\"noun.$noun.many\"" "$work/en.keys" || fail "noun $noun has no plural"
done
for m in 1 2 3 4 5 6 7 8 9 10 11 12; do
	grep -qx "key=\"month.$m\"" "$work/cy.keys" || fail "month $m is not in words/cy.xml"
done
# Each Welsh word says where it came from.
grep '<word ' words/cy.xml | grep -v 'source="' > "$work/unsourced"
check "every Welsh word names its source" test ! -s "$work/unsourced"
# No English word the source does not give is left in the layout's C.
grep -nE '"(Report title|Recommendations|Appendix|Rating|Meaning|Context|Ref|Characteristic|Previous|Evidence|Actions|Owner|Measure|Target|Actual|Commentary|Total|Theme|Group|New|See|By|Page|DRAFT|Draft|Final|Yes|No|None|Tel|Email|Cause|Consequence|Controls|Further actions|Reviewed|Likelihood|Impact|Inherent|Current|Direction|Score|Scores|Level|Risks|Heat map|Since)[ "%:]' \
	generator/layout*.c | grep -vE '/\*|:[0-9]+:\s*\*' > "$work/literals"
check "no fixed English word is left in layout_*.c" test ! -s "$work/literals"
[ -s "$work/literals" ] && sed 's/^/    /' "$work/literals"

finish
