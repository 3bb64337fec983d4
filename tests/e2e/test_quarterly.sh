#!/bin/sh
# The four-quarter chain of one directorate's performance reports, each
# rendered against the quarter before (its previous-source): ratings computed
# from targets, directions of travel by polarity, a measure that appears and
# one that goes, the no-data case, the dashboard sentence, and the one
# stated rating in the samples that contradicts its numbers.
set -u
fail=0
check() { # description, then a command that must succeed
	what=$1; shift
	if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fail=1; fi
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for q in 1 2 3 4; do
	"$BIN" render "samples/adults-2024-q$q.xml" -o "$tmp/q$q.pdf" 2> "$tmp/q$q.err"
	check "quarter $q renders" test $? -eq 0 -a -s "$tmp/q$q.pdf"
	pdftotext "$tmp/q$q.pdf" "$tmp/q$q.txt"
done

check "quarter 1 has nothing to compare with, so says nothing" test ! -s "$tmp/q1.err"
cat > "$tmp/q3.expected" <<'WARN'
samples/adults-2024-q3.xml:132:5: warning: measure ASC07 of 2024-Q2 is no longer reported
samples/adults-2024-q3.xml:233:9: warning: measure ASC13 is new: it is not in 2024-Q2
WARN
check "quarter 3 warns of the measure that went and the one that came" \
	cmp -s "$tmp/q3.expected" "$tmp/q3.err"
check "the new measure is shown as new" grep -q "★ New" "$tmp/q3.txt"
check "no data is its own rating" grep -q "No data" "$tmp/q2.txt"
check "demand rises without being judged" grep -q "↗ Rising" "$tmp/q3.txt"
for word in "↑ Improving" "↓ Declining"; do
	check "some measure reads '$word'" grep -q "$word" "$tmp/q2.txt" "$tmp/q3.txt" "$tmp/q4.txt"
done
for label in "On target" "Within tolerance" "Off target"; do
	check "the rating '$label' appears" sh -c "cat '$tmp'/q*.txt | grep -q '$label'"
done
check "the dashboard counts the measures" \
	grep -q "of 12 measures ([0-9]*%) On target" "$tmp/q3.txt"
check "the chart's legend names its ratings" grep -q "Within tolerance" "$tmp/q4.txt"

# A stated rating that its numbers contradict is a positioned warning, and
# the paper still renders.
"$BIN" render samples/environment-2024-q3.xml -o "$tmp/env.pdf" 2> "$tmp/env.err"
check "a contradicted stated rating still renders" test $? -eq 0 -a -s "$tmp/env.pdf"
check "and warns where it is stated" grep -q \
	"^samples/environment-2024-q3.xml:[0-9]*:[0-9]*: warning: measure ENV11 is stated G (On target) but its actual 89% against target 90% within 5% tolerance computes A (Within tolerance)$" \
	"$tmp/env.err"

exit $fail
