#!/bin/sh
# render --watch: renders at once, renders again after the source is saved
# (by rename, as editors do), keeps the last good PDF when an edit breaks
# the source, and recovers when it is fixed.
. tests/e2e/lib_batch.sh

small_paper "$work/paper.xml" "Before the edit"
"$BIN" render --watch "$work/paper.xml" -o "$work/paper.pdf" > "$work/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT

has_text() { pdftotext "$work/paper.pdf" - 2>/dev/null | grep -q "$1"; }
check "first render within 10 s" wait_for 10 has_text "Before the edit"

small_paper "$work/paper.new" "After the edit"
mv "$work/paper.new" "$work/paper.xml"
check "re-rendered after the edit within 10 s" wait_for 10 has_text "After the edit"
check "each render is reported" sh -c "[ \$(grep -c '^rendered .* in [0-9]* ms' '$work/log') -ge 2 ]"

bad_paper "$work/paper.xml"
check "a broken edit prints its diagnostics" wait_for 10 grep -q "paper.xml:5:[0-9]*: error:" "$work/log"
check "the last good PDF stays" has_text "After the edit"
check "and it is whole" sh -c "pdfinfo '$work/paper.pdf' > /dev/null 2>&1"

small_paper "$work/paper.xml" "Fixed again"
check "a fixed source renders again" wait_for 10 has_text "Fixed again"
check "still watching" kill -0 "$pid"
kill "$pid"
wait "$pid" 2>/dev/null
check "no temporary files left" [ "$(ls -A "$work" | grep -v -e '^paper.xml$' -e '^paper.pdf$' -e '^log$' | wc -l)" -eq 0 ]
cat "$work/log"
finish
