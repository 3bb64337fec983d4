#!/bin/sh
# render --watch over a house style that is deleted and later restored: the
# render in between fails and keeps the last good PDF, and restoring the
# house style renders again at once, without another save of the source.
. tests/e2e/lib_batch.sh

sed 's/name="committee-report"/name="house"/' layouts/committee-report.xml > "$work/house.keep"
cp "$work/house.keep" "$work/house.xml"
paper() { small_paper "$1" "$2"; sed -i 's/layout="committee-report"/layout="house.xml"/' "$1"; }
paper "$work/paper.xml" "Before the deletion"
"$BIN" render --watch "$work/paper.xml" -o "$work/paper.pdf" > "$work/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT

has_text() { pdftotext "$work/paper.pdf" - 2>/dev/null | grep -q "$1"; }
renders() { grep -c '^rendered .* in [0-9]* ms' "$work/log"; }
check "first render within 10 s" wait_for 10 has_text "Before the deletion"

rm "$work/house.xml"
paper "$work/paper.new" "After the restore"
mv "$work/paper.new" "$work/paper.xml"
check "a render without its house style fails" \
	wait_for 10 grep -q "failed; the last good .*paper.pdf stays" "$work/log"
check "its message names the attribute" \
	grep -q "paper.xml:3:8: error: layout=\"house.xml\" names no file that can be read" "$work/log"
check "the last good PDF stays" has_text "Before the deletion"

cp "$work/house.keep" "$work/house.xml"
check "restoring the house style renders again within 10 s" \
	wait_for 10 has_text "After the restore"
check "two renders reported" [ "$(renders)" -eq 2 ]
check "still watching" kill -0 "$pid"
kill "$pid"
wait "$pid" 2>/dev/null
cat "$work/log"
finish
