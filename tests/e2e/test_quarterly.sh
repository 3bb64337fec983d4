#!/bin/sh
# The four-quarter chain of one directorate's performance reports, each
# rendered against the quarter before (its previous-source): ratings computed
# from targets, directions of travel by polarity, a measure that appears and
# one that goes, the no-data case, the dashboard sentence, and the one
# stated rating in the samples that contradicts its numbers.
set -u
. tests/e2e/lib.sh

for q in 1 2 3 4; do
	"$BIN" render "samples/adults-2024-q$q.xml" -o "$work/q$q.pdf" 2> "$work/q$q.err"
	check "quarter $q renders" test $? -eq 0 -a -s "$work/q$q.pdf"
	pdftotext "$work/q$q.pdf" "$work/q$q.txt"
done

check "quarter 1 has nothing to compare with, so says nothing" test ! -s "$work/q1.err"
cat > "$work/q3.expected" <<'WARN'
samples/adults-2024-q3.xml:132:5: warning: measure ASC07 of 2024-Q2 is no longer reported
samples/adults-2024-q3.xml:233:9: warning: measure ASC13 is new: it is not in 2024-Q2
WARN
check "quarter 3 warns of the measure that went and the one that came" \
	cmp -s "$work/q3.expected" "$work/q3.err"
check "the new measure is shown as new" grep -q "★ New" "$work/q3.txt"
check "no data is its own rating" grep -q "No data" "$work/q2.txt"
check "demand rises without being judged" grep -q "↗ Rising" "$work/q3.txt"
for word in "↑ Improving" "↓ Declining"; do
	check "some measure reads '$word'" grep -q "$word" "$work/q2.txt" "$work/q3.txt" "$work/q4.txt"
done
for label in "On target" "Within tolerance" "Off target"; do
	check "the rating '$label' appears" sh -c "cat '$work'/q*.txt | grep -q '$label'"
done
check "the dashboard counts the measures" \
	grep -q "of 12 measures ([0-9]*%) On target" "$work/q3.txt"
check "the chart's legend names its ratings" grep -q "Within tolerance" "$work/q4.txt"

# A stated rating that its numbers contradict is a positioned warning, and
# the paper still renders.
"$BIN" render samples/environment-2024-q3.xml -o "$work/env.pdf" 2> "$work/env.err"
check "a contradicted stated rating still renders" test $? -eq 0 -a -s "$work/env.pdf"
check "and warns where it is stated" grep -q \
	"^samples/environment-2024-q3.xml:[0-9]*:[0-9]*: warning: measure ENV11 is stated G (On target) but its actual 89% against target 90% within 5% tolerance computes A (Within tolerance)$" \
	"$work/env.err"

finish
