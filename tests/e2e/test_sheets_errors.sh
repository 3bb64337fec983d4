#!/bin/sh
# Every mistake in a workbook, and in how a source names one, reported at
# its cell (FILE:SHEET!D14) or at the source's attribute, with its exact
# words, all of them in one run.
. tests/e2e/lib_sheets.sh
make_workbooks
b=$work/books

assessment_paper "$b/bad-rating.xml" 'src="bad-rating.xlsx"'
cat > "$work/expected" <<EOF2
$b/bad-rating.xlsx:Assessment!D3: error: rating "Gren" of CI004 is not in the scale (R, A, G, B)
1 error, 0 warnings
EOF2
check "a rating not in the scale, at its cell" says "$b/bad-rating.xml" "$work/expected"

assessment_paper "$b/no-cached-value.xml" 'src="no-cached-value.xlsx"'
cat > "$work/expected" <<EOF2
$b/no-cached-value.xlsx:Assessment!D2: error: the rating of CI001 is a formula saved without its value; open and save the workbook in Excel or LibreOffice
1 error, 0 warnings
EOF2
check "a formula with no cached value" says "$b/no-cached-value.xml" "$work/expected"

assessment_paper "$b/formula-error.xml" 'src="formula-error.xlsx"'
cat > "$work/expected" <<EOF2
$b/formula-error.xlsx:Assessment!D2: error: the rating of GV001 is the formula error #DIV/0!; correct the formula
1 error, 0 warnings
EOF2
check "a formula's error value" says "$b/formula-error.xml" "$work/expected"

assessment_paper "$b/boolean-rating.xml" 'src="boolean-rating.xlsx"'
cat > "$work/expected" <<EOF2
$b/boolean-rating.xlsx:Assessment!D2: error: rating "TRUE" of GV001 is not in the scale (R, A, G, B)
1 error, 0 warnings
EOF2
check "a boolean where a rating belongs" says "$b/boolean-rating.xml" "$work/expected"

assessment_paper "$b/bad-values.xml" 'src="bad-values.xlsx"'
cat > "$work/expected" <<EOF2
$b/bad-values.xlsx:Assessment!E2: error: due date "31/02/2024" of CI001 is not a real date (type a date, or write it as YYYY-MM-DD)
$b/bad-values.xlsx:Assessment!B3: error: ref "CI 002" is not a valid name (a letter first, then letters, digits, '-', '_' or '.'; no spaces)
$b/bad-values.xlsx:Assessment!B4: error: ref "CI001" is already used at B2
$b/bad-values.xlsx:Assessment!C5: error: CI003 has no characteristic
4 errors, 0 warnings
EOF2
check "an impossible date, a ref with a space, a repeated ref, a missing characteristic: all in one run" says "$b/bad-values.xml" "$work/expected"

performance_paper "$b/measures-bad.xml" 'src="measures-bad.xlsx"'
cat > "$work/expected" <<EOF2
$b/measures-bad.xlsx:Measures!D2: error: polarity "sideways" of H01 is neither higher nor lower (is better)
$b/measures-bad.xlsx:Measures!E2: error: target "n/a" of H01 is not a number
2 errors, 0 warnings
EOF2
check "a polarity in no known words, a target that is no number" says "$b/measures-bad.xml" "$work/expected"

assessment_paper "$b/value-errors.xml" 'src="value-errors.xlsx"'
sed -i 's|<para>The appendix reads its rows from a workbook.</para>|<para>See <ref to="NOPE">this</ref>.</para>|' "$b/value-errors.xml"
cat > "$work/expected" <<EOF2
$b/value-errors.xlsx:Assessment!H1: note: columns not used: "Notes" (H1), "Comments" (I1)
$b/value-errors.xlsx:Assessment!E2: error: previous rating "Purple" of CI001 is not in the scale (R, A, G, B)
$b/value-errors.xlsx:Assessment!G2: error: item CI001 says see "CI009", but no item has that ref
$b/value-errors.xlsx:Assessment!F3: error: due date "2024-13-01" of CI002 is not a real date (type a date, or write it as YYYY-MM-DD)
$b/value-errors.xml:17:20: error: <ref to="NOPE"> points to nothing: no id or ref in this paper is "NOPE"
4 errors, 0 warnings
EOF2
check "a previous rating, a see= and a date wrong, the source's own error beside them, unused columns in one note" \
	says "$b/value-errors.xml" "$work/expected"

performance_paper "$b/measure-errors.xml" 'src="measure-errors.xlsx"'
cat > "$work/expected" <<EOF2
$b/measure-errors.xlsx:Measures!E2: error: kind "sometimes" of H01 is not context (leave it empty for a rated measure)
$b/measure-errors.xlsx:Measures!G2: error: tolerance "-5" of H01 must be 0 or more (a percent of the target)
$b/measure-errors.xlsx:Measures!I2: error: previous rating "Gren" of H01 is not in the scale (G, A, R, ND)
$b/measure-errors.xlsx:Measures!J2: error: history value "lots" of H01 is not a number
4 errors, 0 warnings
EOF2
check "a kind, a negative tolerance (as XML refuses it), a previous rating, a history value" \
	says "$b/measure-errors.xml" "$work/expected"

performance_paper "$b/not-finite.xml" 'src="not-finite.xlsx" sheet="Assessment"'
cat > "$work/expected" <<EOF2
$b/not-finite.xlsx:Assessment!E2: error: target "nan" of H01 is not a number
$b/not-finite.xlsx:Assessment!F2: error: actual "-inf" of H01 is not a number
2 errors, 0 warnings
EOF2
check "nan and inf in number cells are no numbers" says "$b/not-finite.xml" "$work/expected"

assessment_paper "$b/missing-column.xml" 'src="missing-column.xlsx"'
cat > "$work/expected" <<EOF2
$b/missing-column.xlsx:Assessment!A1: error: no column gives the characteristic (headed "Characteristic" or "Characteristics"); the headings found are "Theme", "Reference", "RAG"
1 error, 0 warnings
EOF2
check "a required column missing names the headings found" says "$b/missing-column.xml" "$work/expected"

assessment_paper "$b/two-columns.xml" 'src="two-columns.xlsx"'
cat > "$work/expected" <<EOF2
$b/two-columns.xlsx:Assessment!E1: error: columns D1 ("RAG") and E1 ("Rating") both give the rating; keep one, or name the one to read with <column field="rating" header="…"/>
1 error, 0 warnings
EOF2
check "two columns for one field" says "$b/two-columns.xml" "$work/expected"

assessment_paper "$b/no-theme.xml" 'src="no-theme.xlsx"'
cat > "$work/expected" <<EOF2
$b/no-theme.xlsx:Assessment!B2: error: the row has no theme: fill in its Theme cell, or put a row with only the theme above it
1 error, 0 warnings
EOF2
check "a row before any theme" says "$b/no-theme.xml" "$work/expected"

assessment_paper "$b/header-only.xml" 'src="header-only.xlsx"'
cat > "$work/expected" <<EOF2
$b/header-only.xml:21:27: error: sheet "Assessment" of $b/header-only.xlsx has a header row but no rows under it
1 error, 0 warnings
EOF2
check "a header row and nothing under it" says "$b/header-only.xml" "$work/expected"

assessment_paper "$b/custom-heading.xml" 'src="custom-heading.xlsx"' '<column field="owner" header="Lead"/>'
cat > "$work/expected" <<EOF2
$b/custom-heading.xml:28:7: error: no column of $b/custom-heading.xlsx is headed "Lead" (its headings: "Theme", "Ref", "Characteristic", "RAG Status (Q2)")
1 error, 0 warnings
EOF2
check "a <column> naming no heading of the sheet" says "$b/custom-heading.xml" "$work/expected"

assessment_paper "$b/wrong-field.xml" 'src="custom-heading.xlsx"' '<column field="polarity" header="RAG Status (Q2)"/>'
cat > "$work/expected" <<EOF2
$b/wrong-field.xml:28:7: error: field="polarity" is not a column of an assessment
1 error, 0 warnings
EOF2
check "a <column> naming a field of the other table" says "$b/wrong-field.xml" "$work/expected"

assessment_paper "$b/duplicate-of-xml.xml" 'src="duplicate-of-xml.xlsx"'
cat > "$work/expected" <<EOF2
$b/duplicate-of-xml.xlsx:Assessment!B2: error: ref "intro" is already used by <section> at line 15:3
1 error, 0 warnings
EOF2
check "a workbook ref already an id of the paper" says "$b/duplicate-of-xml.xml" "$work/expected"

assessment_paper "$b/both.xml" 'src="bad-rating.xlsx"' '<theme name="X"><item ref="X1"><characteristic>x</characteristic></item></theme>'
cat > "$work/expected" <<EOF2
$b/both.xml:28:7: error: <assessment> takes its rows from src="bad-rating.xlsx", so it cannot also hold <theme>; keep one or the other
1 error, 0 warnings
EOF2
check "src and themes together" says "$b/both.xml" "$work/expected"

assessment_paper "$b/neither.xml" ''
cat > "$work/expected" <<EOF2
$b/neither.xml:21:5: error: <assessment> has no <theme>: give it its rows, or src="…" naming the workbook that holds them
1 error, 0 warnings
EOF2
check "neither src nor themes" says "$b/neither.xml" "$work/expected"

assessment_paper "$b/sheet-alone.xml" 'sheet="Assessment"' '<theme name="X"><item ref="X1"><characteristic>x</characteristic></item></theme>'
cat > "$work/expected" <<EOF2
$b/sheet-alone.xml:21:27: error: sheet="…" names a sheet of a workbook, but <assessment> has no src="…"
1 error, 0 warnings
EOF2
check "sheet= without src=" says "$b/sheet-alone.xml" "$work/expected"

assessment_paper "$b/missing-file.xml" 'src="nowhere.xlsx"'
cat > "$work/expected" <<EOF2
$b/missing-file.xml:21:27: error: src="nowhere.xlsx" names no file that can be read: $b/nowhere.xlsx: No such file or directory
1 error, 0 warnings
EOF2
check "a workbook that is not there" says "$b/missing-file.xml" "$work/expected"

finish
