#!/bin/sh
# The Best Value assessment table read back with poppler-utils: the
# structure tree has its header cell "Ref" once per table, while the page
# text shows "Ref" at the top of every page the table reaches; a theme that
# continues onto a page is repeated there as "(continued)", on the page but
# not in the structure; and every rating label of the scale is printed in
# the table and tagged as a cell.
set -u
. tests/e2e/lib.sh
sample=samples/best-value-2024.xml

"$BIN" render "$sample" -o "$work/paper.pdf" 2> "$work/render.err"
check "render exits 0" test $? -eq 0
pdfinfo -struct-text "$work/paper.pdf" > "$work/struct.txt" 2> "$work/struct.err"
check "pdfinfo reads the structure tree" test -s "$work/struct.txt"
pages=$(pdfinfo "$work/paper.pdf" | sed -n 's/^Pages: *//p')
check "the paper has pages" test "${pages:-0}" -gt 0

# Tables with a Ref column: one per assessment in the source.
tables=$(grep -c '<assessment[ >]' "$sample")
check "the sample has an assessment" test "$tables" -ge 1
ref_cells=$(grep -c '^ *"Ref"$' "$work/struct.txt")
check "structure: header cell \"Ref\" once per table ($ref_cells for $tables)" \
	test "$ref_cells" -eq "$tables"
check "structure: \"Ref\" is a TH" \
	sh -c "grep -B3 '^ *\"Ref\"\$' '$work/struct.txt' | grep -q '^ *TH:\{0,1\}\$'"

# A table page is one that shows an item reference (CI001, SD004 …) at the
# start of a line; on each, the first such line or "Ref" line is "Ref".
table_pages=0
ref_tops=0
continued_pages=0
p=1
while [ "$p" -le "${pages:-0}" ]; do
	pdftotext -layout -f "$p" -l "$p" "$work/paper.pdf" "$work/page.txt"
	first=$(grep -E -m 1 '^ *(Ref |[A-Z]{1,3}[0-9]{3} )' "$work/page.txt")
	if grep -E -q '^ *[A-Z]{1,3}[0-9]{3} ' "$work/page.txt"; then
		table_pages=$((table_pages + 1))
		case "$first" in
		*Ref\ *Characteristic*) ref_tops=$((ref_tops + 1)) ;;
		*) echo "     page $p starts with: $first" ;;
		esac
		grep -q '(continued)' "$work/page.txt" &&
			continued_pages=$((continued_pages + 1))
	fi
	p=$((p + 1))
done
check "the table spans pages ($table_pages)" test "$table_pages" -ge 2
check "page text: \"Ref\" heads every table page ($ref_tops of $table_pages)" \
	test "$ref_tops" -eq "$table_pages"
check "page text: continued themes are shown ($continued_pages pages)" \
	test "$continued_pages" -ge 1
check "structure: \"(continued)\" is not tagged" \
	sh -c "! grep -q 'continued)' '$work/struct.txt'"

# Every rating label of the scale: printed, and tagged as a cell of its own.
pdftotext -layout "$work/paper.pdf" "$work/all.txt"
sed -n 's/.*<rating code="[^"]*" label="\([^"]*\)".*/\1/p' "$sample" > "$work/labels"
check "the scale has labels" test -s "$work/labels"
while IFS= read -r label; do
	check "label \"$label\" printed in the table" \
		grep -E -q "^ *[A-Z]{1,3}[0-9]{3} .* $label( |\$)" "$work/all.txt"
	check "label \"$label\" tagged as a cell" \
		grep -q "^ *\"$label\"\$" "$work/struct.txt"
done < "$work/labels"

finish
