#!/bin/sh
# A Welsh risk register prints its fixed words in Welsh: the register's
# columns, the leads of cause, consequence, controls and further actions,
# owners' due dates, review dates, directions, the key and levels tables,
# the counts sentence and the heat map's axes and data table; none of the
# English ones is left. An English register keeps its English words, and a
# house style's label replaces a register word as it does any other.
. tests/e2e/lib.sh
export SOURCE_DATE_EPOCH=1700000000

"$BIN" render tests/layout/welsh-risks.xml -o "$work/cy.pdf" 2> "$work/cy.err"
check "the Welsh register renders" test -s "$work/cy.pdf"
check "the Welsh register renders without a message" test ! -s "$work/cy.err"
pdftotext "$work/cy.pdf" - | tr '\n' ' ' | tr -s ' ' > "$work/cy.txt"
for phrase in "Cynhenid" "Presennol" "Targed" "Tuedd" "Perchennog" \
	"Rheolaethau a chamau gweithredu" "Achos: Mae'r galw" "Canlyniad: Mae'r cronfeydd" \
	"Rheolaethau: Monitro" "Camau gweithredu pellach:" "(Pennaeth Cyllid, erbyn 30 Medi" \
	"(erbyn 31 Rhagfyr 2024)" "Adolygwyd 28 Mehefin 2024" "Sefydlog" "Newydd" \
	"Sgorau" "5 i 12" "Lefel" "Tebygolrwydd" "Effaith" "Risgiau" \
	"5 risg: 2 Isel, 1 Canolig, 2 Uchel." \
	"Ers adolygiad 31 Mawrth 2024: 1 wedi lleihau, 1 wedi cynyddu, 1 yn sefydlog, 1 newydd."; do
	grep -qF "$phrase" "$work/cy.txt" || fail "the Welsh register lacks \"$phrase\""
done
for english in "Ref" "Risk" "Owner" "Inherent" "Current" "Target" "Direction" \
	"Controls" "Cause" "Consequence" "Further" "actions" "Reviewed" "by" \
	"Reduced" "Increased" "Unchanged" "New" "compared" "Scores" "to" "Level" \
	"Likelihood" "Impact" "Score" "Risks" "Rating" "Meaning" "risks" "Since" \
	"reduced" "increased" "unchanged" "new" "review"; do
	grep -qwF "$english" "$work/cy.txt" && fail "the Welsh register prints \"$english\""
done

# The English register says the same in English.
"$BIN" render tests/layout/risk-register.xml -o "$work/en.pdf" 2> /dev/null
pdftotext "$work/en.pdf" - | tr '\n' ' ' | tr -s ' ' > "$work/en.txt"
for phrase in "Inherent" "Controls and further actions" "Cause: Demand" \
	"Further actions:" "(Head of Finance, by 30 September 2024)" \
	"Reviewed 28 June 2024" "Reduced" "Unchanged" "1 to 4" "6 risks:" \
	"Since the review of 31 March 2024:"; do
	grep -qF "$phrase" "$work/en.txt" || fail "the English register lacks \"$phrase\""
done

# A house style's label replaces a register word.
sed 's|</furniture>|</furniture>\n  <labels>\n    <label key="risks.column.current">Residual</label>\n  </labels>|' \
	layouts/committee-report.xml > "$work/labelled.xml"
sed 's|layout="committee-report"|layout="labelled.xml"|' \
	tests/layout/risk-register.xml > "$work/labelled-paper.xml"
"$BIN" render "$work/labelled-paper.xml" -o "$work/labelled.pdf" 2> "$work/labelled.err"
pdftotext "$work/labelled.pdf" - | grep -qw "Residual" || fail "the label did not replace the register's column"
finish
