#!/bin/sh
# committee-pdf check: today's Cairo output fails the PDF/UA-1 and PDF/A-2
# rules it is known to break; a file made to pass (tests/e2e/pdf_craft.py,
# with python3-pikepdf) passes, and the same file with one rule broken fails
# naming that rule; damaged, encrypted and garbage files end in a message
# and exit 1, never a crash; render --check runs the same check.
set -u
. tests/e2e/lib.sh
py=/usr/bin/python3
craft=tests/e2e/pdf_craft.py

# Cairo's own file, before the finishing pass makes it PDF/UA and PDF/A.
COMMITTEE_PDF_UNFINISHED=1 "$BIN" render samples/best-value-2024.xml -o "$work/plain.pdf" 2> /dev/null
check "renders the sample" test -s "$work/plain.pdf"

# check FILE: output in $work/out, exit status in $status.
run_check() {
	"$BIN" check "$@" > "$work/out" 2> "$work/err"
	status=$?
}
has() { grep -q -e "$1" "$work/out"; }
lines() { grep -c -e "$1" "$work/out"; }

# ---- a plain Cairo PDF fails what Cairo 1.16 cannot write ----
run_check "$work/plain.pdf"
check "plain Cairo PDF: exit 1" test "$status" -eq 1
for rule in "7.2-34 (Matterhorn 11-001)" "7.1-10 (Matterhorn 07-001)" \
	"7.1-8 (Matterhorn 06-001)" "6.6.2.1-1 (PDF/A-2)" "6.2.4.3-2 (PDF/A-2)" \
	"7.5-1 (Matterhorn 15-003)" "7.3-1 (Matterhorn 13-004)" \
	"7.18.5-2 (Matterhorn 28-012)" "7.18.3-1 (Matterhorn 28-008)" \
	"7.2-42 (Matterhorn 09-004)" "7.21.3.2-1 (Matterhorn 31-005)"; do
	check "plain Cairo PDF fails $rule" has ": $rule: "
done
# Cairo leaves fills and rules unmarked (the finishing pass makes them
# artifacts): each page with some is named.
check "unmarked content is reported by page" \
	test "$(lines ': page [0-9]*: 7.1-3 (Matterhorn 01-005): .*neither tagged nor marked as artifacts')" -ge 1
check "document-level rules have no page part" \
	has "^$work/plain.pdf: 7.2-34 (Matterhorn 11-001): the document's language is not set"
check "a count at the end" has "^[1-9][0-9]* failures in 1 file$"
check "says what a person must review" has "^Not decided here.*reading order"
check "nothing on standard error" test ! -s "$work/err"

# ---- a file made to pass, then each rule broken alone ----
$py "$craft" fix "$work/plain.pdf" "$work/fixed.pdf"
check "pikepdf made a passing file" test -s "$work/fixed.pdf"
run_check --quiet "$work/fixed.pdf"
check "the fixed file passes: exit 0" test "$status" -eq 0
check "the fixed file: 0 failures" has "^0 failures in 1 file$"
check "--quiet leaves out the review note" sh -c "! grep -q 'Not decided' '$work/out'"

breaks() { # kind rule page-part message-part
	$py "$craft" break "$1" "$work/fixed.pdf" "$work/$1.pdf"
	run_check --quiet "$work/$1.pdf"
	check "$1: exit 1" test "$status" -eq 1
	check "$1: fails $2" has "^$work/$1.pdf: $3$2: .*$4"
	check "$1: fails nothing else" has "^1 failure in 1 file$"
}
breaks no-lang "7.2-34 (Matterhorn 11-001)" "" "language is not set"
breaks footer "7.1-3 (Matterhorn 01-005)" "page 4: " \
	"running footer or page number is neither tagged nor marked as an artifact"
breaks th-scope "7.5-1 (Matterhorn 15-003)" "page 1: " "no /Scope"
# The first figure (the dashboard's chart) is on the page the layout put it.
figure_page=$("$BIN" render --dump-layout samples/best-value-2024.xml |
	sed -n 's/.*"page":\([0-9]*\),.*"role":"Figure".*/\1/p' | head -n 1)
breaks figure-alt "7.3-1 (Matterhorn 13-004)" "page $figure_page: " "no alternative text"
breaks link-contents "7.18.5-2 (Matterhorn 28-012)" "page 1: " "no description"
breaks link-text "7.18.5 (PDF/UA-1)" "page 1: " "words are not inside its Link element"

# ---- damaged, encrypted and garbage files ----
unreadable() { # name what-the-message-says
	run_check --quiet "$work/$1"
	check "$1: exit 1" test "$status" -eq 1
	check "$1: says why" has "^$work/$1: error: .*$2"
	check "$1: no crash output" test ! -s "$work/err"
}
size=$(wc -c < "$work/fixed.pdf")
head -c $((size / 2)) "$work/fixed.pdf" > "$work/truncated.pdf"
unreadable truncated.pdf "damaged"
head -c 4096 /dev/urandom > "$work/garbage.pdf"
unreadable garbage.pdf "not a PDF file"
printf '%%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' \
	> "$work/loop.pdf"
run_check --quiet "$work/loop.pdf"
check "a page tree that points at itself: exit 1, no crash" \
	sh -c "[ $status -eq 1 ] && [ ! -s '$work/err' ]"
: > "$work/empty.pdf"
unreadable empty.pdf "not a PDF file"
unreadable missing.pdf "cannot open the file"
qpdf --encrypt user owner 256 -- "$work/fixed.pdf" "$work/password.pdf"
unreadable password.pdf "encrypted with a password"
qpdf --encrypt "" owner 256 -- "$work/fixed.pdf" "$work/encrypted.pdf"
run_check --quiet "$work/encrypted.pdf"
check "encrypted without a password: exit 1" test "$status" -eq 1
check "encrypted without a password: fails 6.1.3-2" has ": 6.1.3-2 (PDF/A-2): the file is encrypted"

# ---- several files, usage ----
run_check --quiet "$work/fixed.pdf" "$work/no-lang.pdf" "$work/garbage.pdf"
check "several files: one count" \
	has "^1 failure in 3 files, 1 file could not be read whole$"
run_check
check "no FILE: exit 2" test "$status" -eq 2
run_check --bogus "$work/fixed.pdf"
check "unknown option: exit 2" test "$status" -eq 2
run_check --help
check "--help: exit 0" test "$status" -eq 0
check "--help names the output form" has "FILE: page N: RULE (CHECKPOINT): MESSAGE"

# ---- render --check ----
# A finished paper passes; Cairo's unfinished file fails, reported on
# standard error, and is still written.
"$BIN" render samples/adults-2024-q1.xml -o "$work/q1.pdf" --check > "$work/out" 2> "$work/err"
check "render --check: exit 0 on a finished paper" test $? -eq 0
check "render --check: a count of none" grep -q "^0 PDF/UA-1 and PDF/A-2 failures in $work/q1.pdf" "$work/err"
COMMITTEE_PDF_UNFINISHED=1 "$BIN" render samples/adults-2024-q1.xml -o "$work/q1u.pdf" --check > "$work/out" 2> "$work/err"
check "render --check: exit 1 on Cairo's own file" test $? -eq 1
check "render --check: the report on standard error" \
	grep -q "^$work/q1u.pdf: 7.2-34 (Matterhorn 11-001)" "$work/err"
check "render --check: a count" grep -q "PDF/UA-1 and PDF/A-2 failures in $work/q1u.pdf" "$work/err"
check "render --check still writes the PDF" test -s "$work/q1u.pdf"
"$BIN" render samples/adults-2024-q1.xml --check --dump-layout > /dev/null 2>&1
check "render --check with --dump-layout: exit 2" test $? -eq 2

finish
