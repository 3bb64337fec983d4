#!/bin/sh
# The samples whose appendix rows come from workbooks (samples/workbooks/)
# give byte for byte the display list of the XML sample they stand beside,
# and each committed workbook is the one the template writes today from
# that sample, so neither can drift from the other.
. tests/e2e/lib_template.sh

# twin_of NAME: the XML sample a workbook sample stands beside.
for source in samples/workbooks/*.xml; do
	name=$(basename "$source" .xml)
	check "$name: its appendix takes no rows from XML" \
		sh -c "! grep -q '<item ref=\\|<measure ref=' '$source'"
	check "$name: the same display list as samples/$name.xml" \
		same_dump "samples/$name.xml" "$source"
	check "$name: the dump is not empty" test -s "$work/a.json"
done

SOURCE_DATE_EPOCH=1708560000 "$BIN" template assessment \
	--from samples/best-value-2024.xml -o "$work/best-value-2024.xlsx"
check "best-value-2024.xlsx is what the template writes from the XML sample" \
	cmp "$work/best-value-2024.xlsx" samples/workbooks/best-value-2024.xlsx
finish
