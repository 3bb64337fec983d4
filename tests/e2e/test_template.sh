#!/bin/sh
# committee-pdf template: the workbook an officer fills in, read back with
# openpyxl (its sheets, frozen bold header, widths, data validations and
# the sheet explaining the columns); filled from a source, it gives the
# same paper read back; usage errors exit 2; a source with errors exits 1
# and writes nothing.
. tests/e2e/lib_template.sh

# ---- an empty assessment template ----
check "an assessment template is written" "$BIN" template assessment -o "$work/a.xlsx"
facts "$work/a.xlsx" > "$work/a.facts"
check "two sheets: the rows and the columns explained" \
	has_fact "$work/a.facts" "sheets Assessment|About the columns"
check "the header row is frozen" has_fact "$work/a.facts" "frozen A2"
check "the header row is bold" has_fact "$work/a.facts" "bold True"
check "the headings are the readers' own" has_fact "$work/a.facts" \
	"header Theme|Theme ref|Theme description|Ref|Characteristic|Rating|Previous rating|Evidence|Actions|Owner|Due|See"
check "the rating has a dropdown of codes and labels" has_fact "$work/a.facts" \
	'validation Rating list - "R,A,G,B,Red,Amber,Green,Blue" - stop prompt'
check "so has the previous rating" has_fact "$work/a.facts" \
	'validation Previous rating list - "R,A,G,B,Red,Amber,Green,Blue" - stop prompt'
check "the due date takes only dates" has_fact "$work/a.facts" \
	"validation Due date - 1 2958465 stop prompt"
check "no rows yet" has_fact "$work/a.facts" "rows 0"
check "every column is explained" has_fact "$work/a.facts" "about explains every column True "

# ---- an empty performance template ----
check "a performance template is written" "$BIN" template performance -o "$work/p.xlsx"
facts "$work/p.xlsx" > "$work/p.facts"
for field in Target Actual Previous; do
	check "$field takes only numbers" has_fact "$work/p.facts" \
		"validation $field decimal - -1000000000000000 1000000000000000 stop prompt"
done
check "the tolerance is a percentage" has_fact "$work/p.facts" \
	"validation Tolerance decimal - 0 100 stop prompt"
check "polarity is a dropdown" has_fact "$work/p.facts" \
	'validation Polarity list - "higher,lower" - stop prompt'
check "the rating offers the performance scale" has_fact "$work/p.facts" \
	'validation Rating list - "G,A,R,ND,On target,Within tolerance,Off target,No data" - stop prompt'
check "every measure column is explained" has_fact "$work/p.facts" "about explains every column True "

# ---- filled from a source: the round trip ----
check "--from fills it with the Best Value sample's rows" \
	"$BIN" template assessment --from samples/best-value-2024.xml -o "$work/bv.xlsx"
facts "$work/bv.xlsx" > "$work/bv.facts"
check "every characteristic is a row" has_fact "$work/bv.facts" "rows 74"
check "every column is as wide as its text, or wraps" \
	sh -c "! grep -q '^width .* narrow' '$work/bv.facts'"
workbook_twin samples/best-value-2024.xml "$work/bv.xml" bv.xlsx Assessment
check "source, template, source: the same display list" \
	same_dump samples/best-value-2024.xml "$work/bv.xml"
check "the twin holds no rows of its own" sh -c "! grep -q '<item ref=' '$work/bv.xml'"

check "--from fills a performance template" "$BIN" template performance \
	--from tests/layout/performance-measures.xml -o "$work/q.xlsx"
workbook_twin tests/layout/performance-measures.xml "$work/q.xml" q.xlsx Measures
check "measures round-trip to the same display list" \
	same_dump tests/layout/performance-measures.xml "$work/q.xml"
facts "$work/q.xlsx" > "$work/q.facts"
check "the dropdown offers the source's own scale" sh -c \
	"grep -q '^validation Rating list - \"G,A,R,ND,' '$work/q.facts'"

export SOURCE_DATE_EPOCH=1700000000
"$BIN" template performance --from tests/layout/performance-measures.xml -o "$work/q.xlsx"
check "--id picks a block by its id" "$BIN" template performance \
	--from tests/layout/performance-measures.xml --id q2 -o "$work/q2.xlsx"
check "and the same bytes are written (SOURCE_DATE_EPOCH)" cmp "$work/q.xlsx" "$work/q2.xlsx"
unset SOURCE_DATE_EPOCH

# ---- usage errors: exit 2, nothing written ----
usage_exit() {
	"$BIN" template "$@" > /dev/null 2> "$work/usage.err"
	status=$?
	[ "$status" -eq 2 ] || { echo "exit $status for: $*"; return 1; }
	grep -q "^committee-pdf template: " "$work/usage.err" &&
		grep -qx "Run 'committee-pdf template --help' for usage." "$work/usage.err"
}
check "no template named" usage_exit -o "$work/u.xlsx"
check "an unknown template" usage_exit minutes -o "$work/u.xlsx"
check "no -o" usage_exit assessment
check "-o without a value" usage_exit assessment -o
check "-o not an .xlsx" usage_exit assessment -o "$work/u.ods"
check "an unknown option" usage_exit assessment --colour -o "$work/u.xlsx"
check "--id without --from" usage_exit assessment --id bv -o "$work/u.xlsx"
check "an extra argument" usage_exit assessment performance -o "$work/u.xlsx"
check "nothing written by a usage error" sh -c "! ls '$work'/u.* 2> /dev/null"
check "--help exits 0" sh -c "'$BIN' template --help | grep -q '^usage: committee-pdf template'"
check "committee-pdf --help names template" sh -c "'$BIN' --help | grep -q '^  template '"

# ---- a source with errors: exit 1, no file, an old file kept ----
sed 's/rating="G" previous="A">/rating="Gren" previous="A">/' samples/best-value-2024.xml \
	> "$work/bad.xml"
"$BIN" template assessment --from "$work/bad.xml" -o "$work/bad.xlsx" 2> "$work/bad.err"
check "a source with errors exits 1" test $? -eq 1
check "its error is positioned" grep -q "^$work/bad.xml:[0-9]*:[0-9]*: error: .*Gren" "$work/bad.err"
check "and no workbook is written" test ! -e "$work/bad.xlsx"
cp "$work/a.xlsx" "$work/kept.xlsx"
"$BIN" template assessment --from "$work/bad.xml" -o "$work/kept.xlsx" 2> /dev/null
check "a workbook already there is left as it was" cmp "$work/a.xlsx" "$work/kept.xlsx"
check "no temporary file is left" sh -c "! ls -a '$work' | grep -q '\\.tmp\$'"

"$BIN" template assessment --from tests/layout/performance-measures.xml -o "$work/none.xlsx" \
	2> "$work/none.err"
check "a source without the block exits 1" test $? -eq 1
check "and says so" grep -q "performance-measures.xml: error: has no <assessment> to fill the template from" "$work/none.err"
check "and writes nothing" test ! -e "$work/none.xlsx"
"$BIN" template performance --from tests/layout/performance-measures.xml --id q9 \
	-o "$work/none.xlsx" 2> "$work/none.err"
check "an --id no block has exits 1" test $? -eq 1
check "and names the id" grep -q 'has no <performance id="q9">' "$work/none.err"

"$BIN" template assessment -o "$work/no/such/folder/a.xlsx" 2> "$work/folder.err"
check "a folder that does not exist exits 1" test $? -eq 1
check "with a message naming the file" grep -q "^$work/no/such/folder/a.xlsx: error: " "$work/folder.err"

# ---- history: one "History PERIOD" column per period ----
check "a quarter with history is written" "$BIN" template performance \
	--from samples/adults-2024-q2.xml -o "$work/hist.xlsx"
facts "$work/hist.xlsx" > "$work/hist.facts"
check "each period of history is a column, oldest first" sh -c \
	"grep -q '^header Group|.*|Owner|History 2023-Q2|History 2023-Q3|History 2023-Q4|History 2024-Q1\$' '$work/hist.facts'"
check "history takes only numbers" has_fact "$work/hist.facts" \
	"validation History 2023-Q2 decimal - -1000000000000000 1000000000000000 stop prompt"
cp samples/adults-2024-q1.xml samples/adults-2024-q2.xml "$work/"
workbook_twin samples/adults-2024-q2.xml "$work/hist.xml" hist.xlsx Measures
check "history round-trips: the same trend lines and table" \
	same_dump "$work/adults-2024-q2.xml" "$work/hist.xml"

# ---- markup a cell cannot hold is a warning ----
sed 's|<evidence>A refreshed corporate|<evidence><em>A refreshed</em> corporate|' \
	samples/best-value-2024.xml > "$work/em.xml"
"$BIN" template assessment --from "$work/em.xml" -o "$work/em.xlsx" 2> "$work/em.err"
check "markup in the rows still writes the template" test $? -eq 0
check "with a warning at the block" grep -q \
	"^$work/em.xml:[0-9]*:[0-9]*: warning: emphasis, links and references in its rows' text are written as plain text" \
	"$work/em.err"
finish
