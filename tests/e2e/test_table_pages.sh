#!/bin/sh
# Tables that fit take fewer pages: no sample takes more pages than it did
# before appendix tables left out their empty columns, sized their columns
# from their content and split rows that do not fit (the counts below), and
# together they take fewer; the generated 420-item assessment with no
# previous ratings or owners (151 pages before) takes at least 25 % fewer,
# and its table fills at least 90 % of its pages (bench/table_fill.sh).
set -u
. tests/e2e/lib.sh

pages_of() {
	pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'
}

total_before=0
total_now=0
while read -r name before; do
	if ! "$BIN" render "samples/$name.xml" -o "$work/$name.pdf" 2> "$work/err"; then
		fail "render $name"; cat "$work/err"
		continue
	fi
	now=$(pages_of "$work/$name.pdf")
	check "$name: $now pages, no more than $before" test "${now:-999}" -le "$before"
	total_before=$((total_before + before))
	total_now=$((total_now + ${now:-999}))
done <<'COUNTS'
adults-2024-q1 5
adults-2024-q2 5
adults-2024-q3 5
adults-2024-q4 5
audit-risk-2024-q1 9
audit-risk-2024-q2 10
best-value-2024-update 7
best-value-2024 22
budget-monitoring-2024-q2 4
children-2024-q1 5
children-2024-q2 5
children-2024-q3 5
children-2024-q4 5
environment-2024-q1 5
environment-2024-q2 5
environment-2024-q3 5
environment-2024-q4 5
fleet-contract-2024 3
resources-2024-q1 5
resources-2024-q2 5
resources-2024-q3 6
resources-2024-q4 5
ward-review-2024 2
COUNTS
check "the samples take $total_now pages, fewer than $total_before" \
	test "$total_now" -lt "$total_before"
check "every sample was counted" test "$(ls samples/*.xml | wc -l)" -eq 23

sh bench/gen_assessment.sh 420 "$work/assessment-420.xml" no-owners
check "the 420-item assessment has no owners" \
	test "$(grep -c '<owner>' "$work/assessment-420.xml")" -eq 0
"$BIN" render "$work/assessment-420.xml" -o "$work/assessment-420.pdf" 2> "$work/err"
check "render the 420-item assessment" test $? -eq 0
pages=$(pages_of "$work/assessment-420.pdf")
check "420 items: $pages pages, at least 25 % fewer than 151 (113 or fewer)" \
	test "${pages:-999}" -le 113
"$BIN" render --dump-layout "$work/assessment-420.xml" > "$work/assessment-420.json" 2> "$work/err"
set -- $(sh bench/table_fill.sh "$work/assessment-420.json" layouts/committee-report.xml)
check "420 items: the dump has the PDF's $pages pages" test "$1" -eq "${pages:-0}"
check "420 items: the table fills $2 % of its pages (at least 90)" \
	awk -v f="$2" 'BEGIN { exit !(f >= 90) }'
finish
