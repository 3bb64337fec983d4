#!/bin/sh
# Hostile workbooks get the care hostile XML gets: a zip bomb, too many
# rows or columns, a DOCTYPE inside a part, encryption, an .xls, a file
# that is not what its extension says, names leading out of the zip, a
# missing or empty sheet, CSV that is not UTF-8 text: each one clear
# positioned error, quickly, and never a crash.
. tests/e2e/lib_sheets.sh
make_workbooks
b=$work/books
printf 'Theme,Ref,Characteristic,Rating\nGov,CI001,Open,G\nGov,CI002,Caf\351,G\n' > "$b/latin1.csv"
printf 'Theme,Ref,Characteristic,Rating\nGov,CI001,Open\000,G\n' > "$b/nul.csv"
printf 'Theme,Ref,Characteristic,Rating\nGov,CI001,"Open,G\n' > "$b/quotes.csv"
printf 'Theme,Ref,Characteristic,Rating\n\nGov,CI001,"Open\ndecisions",G\nGov,CI002,Trained,Gren\n' > "$b/rating.csv"
echo "Theme,Ref" > "$b/notes.txt"
mkdir -p "$work/outside"
cp "$b/rating.csv" "$work/outside/rows.csv"
awk 'BEGIN { print "Theme,Ref,Characteristic,Rating"
	for (i = 2; i <= 100002; i++) print "Gov,R" i ",x,G" }' > "$b/many.csv"

assessment_paper "$b/bomb.xml" 'src="bomb.xlsx"'
cat > "$work/expected" <<EOF2
$b/bomb.xml:21:27: error: $b/bomb.xlsx holds xl/worksheets/sheet1.xml, which inflates to more than 256 MiB; the workbook is refused (a zip bomb?)
1 error, 0 warnings
EOF2
check "a zip bomb (a part inflating past 256 MiB)" says "$b/bomb.xml" "$work/expected"

assessment_paper "$b/too-many-rows.xml" 'src="too-many-rows.xlsx"'
cat > "$work/expected" <<EOF2
$b/too-many-rows.xlsx:Assessment!A100001: error: the sheet has more than 100000 rows; sheets are refused above that
1 error, 0 warnings
EOF2
check "more rows than the limit" says "$b/too-many-rows.xml" "$work/expected"

assessment_paper "$b/too-many-columns.xml" 'src="too-many-columns.xlsx"'
cat > "$work/expected" <<EOF2
$b/too-many-columns.xlsx:Assessment!IW2: error: the sheet has content beyond column 256; sheets are refused with more than 256 columns
1 error, 0 warnings
EOF2
check "content past the last column allowed" says "$b/too-many-columns.xml" "$work/expected"

# A few hundred bytes can say "this cell, a million times": what a sheet
# holds once read is bounded, and refused past the bound, not out of memory.
assessment_paper "$b/text-bomb.xml" 'src="text-bomb.ods" sheet="Measures"'
cat > "$work/expected" <<EOF2
$b/text-bomb.ods:Measures!DR19: error: the sheet holds more than 128 MiB of text; sheets are refused above that
1 error, 0 warnings
EOF2
check "a 30,000-byte cell repeated over the sheet (.ods)" says "$b/text-bomb.xml" "$work/expected"

assessment_paper "$b/string-bomb.xml" 'src="string-bomb.xlsx"'
cat > "$work/expected" <<EOF2
$b/string-bomb.xlsx:Assessment!BV46: error: the sheet holds more than 128 MiB of text; sheets are refused above that
1 error, 0 warnings
EOF2
check "a 30,000-byte shared string in every cell (.xlsx)" says "$b/string-bomb.xml" "$work/expected"

assessment_paper "$b/cell-bomb.xml" 'src="cell-bomb.ods" sheet="Measures"'
cat > "$work/expected" <<EOF2
$b/cell-bomb.ods:Measures!IS15626: error: the sheet has more than 4000000 cells with content; sheets are refused above that
1 error, 0 warnings
EOF2
check "a small cell repeated past the cell limit" says "$b/cell-bomb.xml" "$work/expected"

assessment_paper "$b/merge-bomb.xml" 'src="merge-bomb.ods" sheet="Measures"'
cat > "$work/expected" <<EOF2
$b/merge-bomb.ods:Measures!A2: error: the merged ranges would fill more than 4000000 cells; sheets are refused above that
1 error, 0 warnings
EOF2
check "a merged range that would fill past the cell limit" says "$b/merge-bomb.xml" "$work/expected"
# Refused at the bound, within 1 GB of address space (the sanitizers'
# shadow memory needs more than that, so not under them).
if ! ldd "$BIN" 2> /dev/null | grep -q libasan; then
	( ulimit -v 1000000; "$BIN" validate "$b/text-bomb.xml" > /dev/null 2> "$work/bomb.err" )
	check "the repeated cell is refused within 1 GB of memory" \
		grep -q "more than 128 MiB of text" "$work/bomb.err"
fi

assessment_paper "$b/doctype.xml" 'src="doctype.xlsx"'
cat > "$work/expected" <<EOF2
$b/doctype.xml:21:27: error: $b/doctype.xlsx holds xl/worksheets/sheet1.xml, which has a DOCTYPE; workbooks with DTDs or entities are refused
1 error, 0 warnings
EOF2
check "a DOCTYPE inside a part" says "$b/doctype.xml" "$work/expected"

assessment_paper "$b/encrypted.xml" 'src="encrypted.xlsx"'
cat > "$work/expected" <<EOF2
$b/encrypted.xml:21:27: error: $b/encrypted.xlsx is encrypted (protected by a password); save a copy without a password and name that instead
1 error, 0 warnings
EOF2
check "an encrypted (password-protected) workbook" says "$b/encrypted.xml" "$work/expected"

assessment_paper "$b/encrypted-ods.xml" 'src="encrypted.ods"'
cat > "$work/expected" <<EOF2
$b/encrypted-ods.xml:21:27: error: $b/encrypted.ods is encrypted (protected by a password); save a copy without a password and name that instead
1 error, 0 warnings
EOF2
check "an encrypted OpenDocument file" says "$b/encrypted-ods.xml" "$work/expected"

assessment_paper "$b/xls.xml" 'src="old.xls"'
cat > "$work/expected" <<EOF2
$b/xls.xml:21:27: error: $b/old.xls is an Excel 97-2003 workbook (.xls), which is not read; save it as Excel Workbook (.xlsx) or as OpenDocument (.ods)
1 error, 0 warnings
EOF2
check "an .xls" says "$b/xls.xml" "$work/expected"

assessment_paper "$b/xls-named-xlsx.xml" 'src="old.xlsx"'
cat > "$work/expected" <<EOF2
$b/xls-named-xlsx.xml:21:27: error: $b/old.xlsx is an Excel 97-2003 workbook (.xls) whatever its name says; save it as Excel Workbook (.xlsx) or as OpenDocument (.ods)
1 error, 0 warnings
EOF2
check "an .xls named .xlsx" says "$b/xls-named-xlsx.xml" "$work/expected"

assessment_paper "$b/text-named-xlsx.xml" 'src="text.xlsx"'
cat > "$work/expected" <<EOF2
$b/text-named-xlsx.xml:21:27: error: $b/text.xlsx is not a .xlsx workbook: it is not a zip archive, as every .xlsx file is (a CSV or an .xls file renamed?)
1 error, 0 warnings
EOF2
check "text named .xlsx" says "$b/text-named-xlsx.xml" "$work/expected"

assessment_paper "$b/ods-named-xlsx.xml" 'src="ods-named.xlsx"'
cat > "$work/expected" <<EOF2
$b/ods-named-xlsx.xml:21:27: error: $b/ods-named.xlsx is not an Excel workbook: it has no xl/workbook.xml part (an OpenDocument file named .xlsx? name it .ods)
1 error, 0 warnings
EOF2
check "an .ods named .xlsx" says "$b/ods-named-xlsx.xml" "$work/expected"

assessment_paper "$b/zip-named-csv.xml" 'src="zip.csv"'
cat > "$work/expected" <<EOF2
$b/zip-named-csv.xml:21:27: error: $b/zip.csv is a zip archive (a workbook?), not CSV text; name it .xlsx or .ods if that is what it is
1 error, 0 warnings
EOF2
check "a workbook named .csv" says "$b/zip-named-csv.xml" "$work/expected"

assessment_paper "$b/other-extension.xml" 'src="notes.txt"'
cat > "$work/expected" <<EOF2
$b/other-extension.xml:21:27: error: $b/notes.txt is not a workbook this program reads: name an .xlsx, .ods or .csv file
1 error, 0 warnings
EOF2
check "a file of no workbook format" says "$b/other-extension.xml" "$work/expected"

assessment_paper "$b/damaged.xml" 'src="damaged.xlsx"'
cat > "$work/expected" <<EOF2
$b/damaged.xml:21:27: error: $b/damaged.xlsx is damaged: it cannot be read as a zip archive (Not a zip archive)
1 error, 0 warnings
EOF2
check "a damaged zip" says "$b/damaged.xml" "$work/expected"

assessment_paper "$b/dotdot.xml" 'src="dotdot.xlsx"'
cat > "$work/expected" <<EOF2
$b/dotdot.xml:21:27: error: $b/dotdot.xlsx holds a file named "../../outside.xml", which leads out of the archive; the workbook is refused
1 error, 0 warnings
EOF2
check "a name with .. inside the zip" says "$b/dotdot.xml" "$work/expected"

assessment_paper "$b/target-out.xml" 'src="target-out.xlsx"'
cat > "$work/expected" <<EOF2
$b/target-out.xml:21:27: error: $b/target-out.xlsx names no part for sheet "Assessment" inside the archive (its target leads out of it)
1 error, 0 warnings
EOF2
check "a relationship leading out of the zip" says "$b/target-out.xml" "$work/expected"

assessment_paper "$b/missing-sheet.xml" 'src="assessment.xlsx" sheet="Measures"'
cat > "$work/expected" <<EOF2
$b/missing-sheet.xml:21:27: error: $b/assessment.xlsx has no sheet "Measures"; its sheets are "Notes", "Self Assessment"
1 error, 0 warnings
EOF2
check "a sheet the workbook does not have" says "$b/missing-sheet.xml" "$work/expected"

assessment_paper "$b/empty-sheet.xml" 'src="empty-sheet.xlsx"'
cat > "$work/expected" <<EOF2
$b/empty-sheet.xml:21:27: error: sheet "Assessment" of $b/empty-sheet.xlsx is empty: it has no header row
1 error, 0 warnings
EOF2
check "an empty sheet" says "$b/empty-sheet.xml" "$work/expected"

assessment_paper "$b/latin1.xml" 'src="latin1.csv"'
cat > "$work/expected" <<EOF2
$b/latin1.csv:3:14: error: this byte is not UTF-8; save the CSV as "CSV UTF-8" (Excel) or with the UTF-8 character set (LibreOffice)
1 error, 0 warnings
EOF2
check "a CSV that is not UTF-8" says "$b/latin1.xml" "$work/expected"

assessment_paper "$b/nul.xml" 'src="nul.csv"'
cat > "$work/expected" <<EOF2
$b/nul.csv:2:15: error: a NUL byte; CSV is text, and a NUL is not
1 error, 0 warnings
EOF2
check "a CSV with a NUL byte" says "$b/nul.xml" "$work/expected"

assessment_paper "$b/quotes.xml" 'src="quotes.csv"'
cat > "$work/expected" <<EOF2
$b/quotes.csv:2:3: error: the quotes do not pair up: a field opened with a quote must close with one, and a quote inside it is written twice ("")
1 error, 0 warnings
EOF2
check "a CSV whose quotes do not pair up" says "$b/quotes.xml" "$work/expected"

assessment_paper "$b/rating-csv.xml" 'src="rating.csv"'
cat > "$work/expected" <<EOF2
$b/rating.csv:5:4: error: rating "Gren" of CI002 is not in the scale (R, A, G, B)
1 error, 0 warnings
EOF2
check "a CSV problem at LINE:COL, after a blank line and a quoted line break" says "$b/rating-csv.xml" "$work/expected"

assessment_paper "$b/many-csv.xml" 'src="many.csv"'
cat > "$work/expected" <<EOF2
$b/many.csv:100001:1: error: the sheet has more than 100000 rows; sheets are refused above that
1 error, 0 warnings
EOF2
check "a CSV with more rows than the limit" says "$b/many-csv.xml" "$work/expected"

assessment_paper "$b/escape.xml" 'src="../outside/rows.csv"'
cat > "$work/expected" <<EOF2
$b/escape.xml:21:27: error: src="../outside/rows.csv" leads out of the source's folder; a source may name only files in its own folder (allow the folder with --allow-dir DIR)
1 error, 0 warnings
EOF2
check "a workbook outside the source's folder is not read" says "$b/escape.xml" "$work/expected"

# What src= names is opened only when it is a regular file under the limit.
mkfifo "$b/pipe.csv"
truncate -s 65M "$b/big.xlsx"
mkdir "$b/folder.ods"
for named in "pipe.csv:is a FIFO, not a regular file" \
	"big.xlsx:is larger than 67108864 bytes (64 MiB); files named in a source are refused above that size" \
	"folder.ods:is a folder, not a regular file"; do
	file=${named%%:*}
	assessment_paper "$b/named.xml" "src=\"$file\""
	printf '%s\n' "$b/named.xml:21:27: error: src=\"$file\" ${named#*:}" \
		"1 error, 0 warnings" > "$work/expected"
	check "src= naming $file" says "$b/named.xml" "$work/expected"
done

# Quickly: the bomb is refused before it is inflated.
start=$(date +%s)
"$BIN" validate "$b/bomb.xml" > /dev/null 2>&1
check "the zip bomb is refused within 5 s" [ $(( $(date +%s) - start )) -le 5 ]
finish
