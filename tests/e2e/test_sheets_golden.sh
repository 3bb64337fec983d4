#!/bin/sh
# The golden case whose measures come from a CSV file gives the same
# display list as the case that writes them in XML: both expected dumps
# are equal, and so are the dumps rendered now.
. tests/e2e/lib.sh
check "the expected dumps are the same" \
	cmp tests/layout/performance-from-csv.dump.json tests/layout/performance-measures.dump.json
export SOURCE_DATE_EPOCH=1700000000
"$BIN" render --dump-layout tests/layout/performance-from-csv.xml > "$work/csv.json"
"$BIN" render --dump-layout tests/layout/performance-measures.xml > "$work/xml.json"
check "and so are the dumps rendered now" cmp "$work/csv.json" "$work/xml.json"
check "the CSV case takes no rows from XML" sh -c '! grep -q "<measure" tests/layout/performance-from-csv.xml'
finish
