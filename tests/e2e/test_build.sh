#!/bin/sh
# build over a folder of good and bad sources: the good are built, the bad
# reported with their positions, the summary counts both, exit status 1.
. tests/e2e/lib_batch.sh

mkdir -p "$work/papers" "$work/out"
small_paper "$work/papers/a-first.xml" "First paper"
small_paper "$work/papers/c-third.xml" "Third paper"
bad_paper "$work/papers/b-broken.xml"
echo "not a source" > "$work/papers/notes.txt"

"$BIN" build -j 2 -o "$work/out" "$work/papers" > "$work/stdout" 2> "$work/stderr"
status=$?
cat "$work/stderr"

check "exit status 1 when a document failed" [ "$status" -eq 1 ]
check "first paper built" [ -s "$work/out/a-first.pdf" ]
check "third paper built" [ -s "$work/out/c-third.pdf" ]
check "broken paper has no output" [ ! -e "$work/out/b-broken.pdf" ]
check "no output for the text file" [ ! -e "$work/out/notes.pdf" ]
check "PDFs are PDFs" sh -c "head -c 5 '$work/out/a-first.pdf' | grep -q '%PDF-'"
check "broken paper's diagnostic has FILE:LINE:COL" \
	grep -q "b-broken.xml:5:[0-9]*: error:" "$work/stderr"
check "broken paper reported as failed" grep -q "b-broken.xml failed" "$work/stderr"
check "summary line" grep -q "^built 2, up to date 0, failed 1 in [0-9.]* s$" "$work/stderr"
check "nothing but PDFs in the output folder" \
	[ "$(ls -A "$work/out" | grep -vc '\.pdf$')" -eq 0 ]

# Without -o the PDFs go beside the sources; all good: exit 0.
rm "$work/papers/b-broken.xml"
"$BIN" build "$work/papers" 2> "$work/stderr2"
check "exit status 0 when all built" [ $? -eq 0 ]
check "default output beside the source" [ -s "$work/papers/a-first.pdf" ]

# A missing source is a failure of its own, not of the others.
"$BIN" build -o "$work/out" --force "$work/papers/a-first.xml" "$work/nowhere.xml" 2> "$work/stderr3"
check "missing source fails the build" [ $? -eq 1 ]
check "missing source named" grep -q "nowhere.xml" "$work/stderr3"

# Two sources of one name in two folders would write one PDF: the later
# fails and names the earlier; the earlier is built.
mkdir -p "$work/north" "$work/south" "$work/both"
small_paper "$work/north/budget.xml" "North budget"
small_paper "$work/south/budget.xml" "South budget"
"$BIN" build -o "$work/both" "$work/north" "$work/south" 2> "$work/stderr4"
check "a collision fails the build" [ $? -eq 1 ]
check "the collision names both sources" \
	grep -q "south/budget.xml: error: '.*north/budget.xml' writes" "$work/stderr4"
check "the first of the two is built" \
	sh -c "pdftotext '$work/both/budget.pdf' - | grep -q 'North budget'"

# On a terminal: one progress line rewritten with carriage returns, no
# per-document lines, then the summary.
if command -v script > /dev/null; then
	script -qec "'$BIN' build --force -o '$work/out' '$work/papers'" /dev/null > "$work/tty" 2>&1
	check "terminal: progress counts to the total" grep -q "$(printf '\r')\[2/2\] 0 failed, " "$work/tty"
	check "terminal: no per-document lines" [ "$(grep -c 'built .* -> ' "$work/tty")" -eq 0 ]
	check "terminal: summary" grep -q "built 2, up to date 0, failed 0 in" "$work/tty"
fi

# A folder holding a house style and a meeting-like file beside its papers:
# those are passed over with a note each and the build succeeds; the same
# house style named on the command line is an error.
mkdir -p "$work/mixed"
small_paper "$work/mixed/a-first.xml" "First paper"
cp layouts/committee-report.xml "$work/mixed/house-style.xml"
printf '<?xml version="1.0"?>\n<meeting xmlns="urn:committee-pdf:paper:1"/>\n' > "$work/mixed/meeting.xml"
"$BIN" build -o "$work/mixed-out" "$work/mixed" > /dev/null 2> "$work/stderr5"
check "a folder with a house style in it builds: exit 0" [ $? -eq 0 ]
check "the paper beside it is built" [ -s "$work/mixed-out/a-first.pdf" ]
check "the house style is passed over with a note" grep -qx \
	"$work/mixed/house-style.xml: note: passed over: its root element is <layout>, not a committee paper's <paper>" "$work/stderr5"
check "the meeting file is passed over with a note" grep -q \
	"meeting.xml: note: passed over: its root element is <meeting>" "$work/stderr5"
check "the summary counts the paper only" grep -q "^built 1, up to date 0, failed 0 in" "$work/stderr5"
"$BIN" build -o "$work/mixed-out" "$work/mixed/house-style.xml" > /dev/null 2> "$work/stderr6"
check "a house style named on the command line fails the build" [ $? -eq 1 ]
check "and says its root is not <paper>" grep -q "house-style.xml:.*error: .*root element is <layout>" "$work/stderr6"

# Usage errors exit 2.
"$BIN" build 2>/dev/null
check "no arguments: usage error" [ $? -eq 2 ]
"$BIN" build -j 0 "$work/papers" 2>/dev/null
check "-j 0: usage error" [ $? -eq 2 ]
"$BIN" build --help | grep -q "usage: committee-pdf build"
check "--help prints usage" [ $? -eq 0 ]
finish
