#!/bin/sh
# Risk registers end to end: the Audit and Risk Committee samples validate
# cleanly and render a PDF whose text has the heat map and the register;
# a stated rating that disagrees is a positioned warning; a previous-source
# outside the folder is refused at its attribute; a build renders a
# register again when the last review's paper changes.
. tests/e2e/lib.sh

q1=samples/audit-risk-2024-q1.xml
q2=samples/audit-risk-2024-q2.xml

"$BIN" validate "$q1" "$q2" 2> "$work/err"
check "samples validate" [ $? -eq 0 ]
check "samples have no warnings" [ "$(tail -n 1 "$work/err")" = "0 errors, 0 warnings" ]

"$BIN" render "$q2" -o "$work/q2.pdf" 2> "$work/err"
check "the register renders" [ -s "$work/q2.pdf" ]
pdftotext -layout "$work/q2.pdf" "$work/q2.txt"
check "the heat map's cells are text" grep -q "20 High" "$work/q2.txt"
check "a new risk is marked" grep -q "New" "$work/q2.txt"
check "the counts and directions are told" \
	grep -q "17 risks: 2 Low, 10 Medium, 5 High. Since the review of 31 March 2024: 8 reduced, 1 increased, 7 unchanged, 1 new." "$work/q2.txt"
check "the register has its columns" grep -q "Controls and further actions" "$work/q2.txt"

# SR07 is 5 x 4 = 20: stating it Medium (A) is a warning at the attribute.
mkdir -p "$work/papers"
cp "$q1" "$work/papers/audit-risk-2024-q1.xml"
sed 's|<risk ref="SR07">|<risk ref="SR07" rating="A">|' "$q2" > "$work/papers/q2.xml"
"$BIN" validate "$work/papers/q2.xml" 2> "$work/err"
check "a disagreeing rating is only a warning" [ $? -eq 0 ]
line=$(grep -n '<risk ref="SR07"' "$work/papers/q2.xml" | cut -d: -f1)
check "the warning names the risk, both ratings and the score" grep -qF \
	"$work/papers/q2.xml:$line:24: warning: risk SR07 is stated A (Medium) but its current score 5 × 4 = 20 is in the band of R (High)" \
	"$work/err"

# The last review's paper may not lie outside the source's folder.
sed 's|previous-source="audit-risk-2024-q1.xml"|previous-source="../audit-risk-2024-q1.xml"|' \
	"$q2" > "$work/papers/outside.xml"
"$BIN" validate "$work/papers/outside.xml" 2> "$work/err"
check "a previous-source outside the folder fails" [ $? -eq 1 ]
line=$(grep -n 'previous-source=' "$work/papers/outside.xml" | cut -d: -f1)
check "at its attribute" grep -q "^$work/papers/outside.xml:$line:[0-9]*: error: .*previous-source" "$work/err"
rm "$work/papers/outside.xml"

# A build follows previous-source: changing March renders June again.
mkdir -p "$work/out"
build() { "$BIN" build -j 1 -o "$work/out" "$@" 2> "$work/stderr"; }
summary() { tail -n 1 "$work/stderr" | sed 's/ in [0-9.]* s$//'; }
build "$work/papers"
check "first build builds both" [ "$(summary)" = "built 2, up to date 0, failed 0" ]
sleep 1.1 # coarse file systems keep seconds
touch "$work/papers/audit-risk-2024-q1.xml"
build "$work/papers"
check "a changed last review builds the register again" \
	[ "$(summary)" = "built 2, up to date 0, failed 0" ]
build "$work/papers"
check "then both are up to date" [ "$(summary)" = "built 0, up to date 2, failed 0" ]
finish
