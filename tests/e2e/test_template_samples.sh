#!/bin/sh
# The samples whose appendix rows come from workbooks (samples/workbooks/)
# give byte for byte the display list of the XML sample they stand beside,
# and each committed workbook is the one the template writes today from
# that sample, so neither can drift from the other.
. tests/e2e/lib_template.sh

for source in samples/workbooks/*.xml; do
	name=$(basename "$source" .xml)
	check "$name: its appendix takes no rows from XML" \
		sh -c "! grep -q '<item ref=\\|<measure ref=' '$source'"
	check "$name: the same display list as samples/$name.xml" \
		same_dump "samples/$name.xml" "$source"
	check "$name: the dump is not empty" test -s "$work/a.json"
done

# written KIND NAME BOOK: the committed BOOK is what the template writes
# from samples/NAME.xml (made .ods or .csv by convert.py).
written() {
	SOURCE_DATE_EPOCH=1708560000 "$BIN" template "$1" --from "samples/$2.xml" \
		-o "$work/$2.xlsx" || return 1
	case $3 in
	*.xlsx) ;;
	*) "$PYTHON" samples/workbooks/convert.py "$work/$2.xlsx" "$work/$3" || return 1 ;;
	esac
	cmp "$work/$3" "samples/workbooks/$3"
}
check "best-value-2024.xlsx is what the template writes" \
	written assessment best-value-2024 best-value-2024.xlsx
check "adults-2024-q1.xlsx is what the template writes" \
	written performance adults-2024-q1 adults-2024-q1.xlsx
check "adults-2024-q2.ods is the template's, converted" \
	written performance adults-2024-q2 adults-2024-q2.ods
check "adults-2024-q3.csv is the template's, converted" \
	written performance adults-2024-q3 adults-2024-q3.csv
check "adults-2024-q4.xlsx is what the template writes" \
	written performance adults-2024-q4 adults-2024-q4.xlsx
check "the quarters come from .xlsx, .ods and .csv" sh -c \
	"grep -q 'src=\"adults-2024-q2.ods\"' samples/workbooks/adults-2024-q2.xml &&
	 grep -q 'src=\"adults-2024-q3.csv\"' samples/workbooks/adults-2024-q3.xml"
finish
