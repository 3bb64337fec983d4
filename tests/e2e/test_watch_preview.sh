#!/bin/sh
# preview --watch: draws the pages at once and again after each save of the
# source or of its house style.
. tests/e2e/lib_batch.sh

small_paper "$work/paper.xml" "Before"
mkdir -p "$work/style"
cp layouts/committee-report.xml "$work/style/committee-report.xml"
mkdir -p "$work/png"
"$BIN" preview --watch --dpi 20 --pages 1 --layout "$work/style/committee-report.xml" \
	-o "$work/png" "$work/paper.xml" > "$work/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT

renders() { grep -c '^rendered ' "$work/log"; }
at_least() { [ "$(renders)" -ge "$1" ]; }
check "first drawing within 10 s" wait_for 10 at_least 1
check "image written" [ -s "$work/png/paper-1.png" ]
first=$(cksum < "$work/png/paper-1.png")

small_paper "$work/paper.new" "After a much longer title that wraps onto more lines of the cover"
mv "$work/paper.new" "$work/paper.xml"
check "drawn again after the source changed" wait_for 10 at_least 2
check "the image changed" [ "$(cksum < "$work/png/paper-1.png")" != "$first" ]

echo "<!-- an edit -->" >> "$work/style/committee-report.xml"
check "drawn again after the house style changed" wait_for 10 at_least 3

echo "unrelated" > "$work/other.xml"
sleep 0.5
check "an unrelated file changes nothing" [ "$(renders)" -eq 3 ]
kill "$pid"
cat "$work/log"
finish
