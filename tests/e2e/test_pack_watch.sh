#!/bin/sh
# pack --watch: packs at once, then again when a paper is touched or
# replaced (by rename, as editors save), when a workbook a paper takes its
# rows from changes, and when the meeting changes (a paper added to it is
# then watched too); a broken edit prints its FILE:LINE:COL and the last
# good pack stays; SIGTERM ends it with no temporary file left.
. tests/e2e/lib_batch.sh

cp -R samples/workbooks "$work/wb"
small_paper "$work/paper.xml" "Before the edit"
small_paper "$work/later.xml" "A paper added later"
# meeting FILE TITLE [EXTRA]: two items, the small paper and Adult
# Services' Quarter 3 (rows in a CSV workbook); EXTRA is a third item.
meeting() {
	cat > "$1" <<MEETING
<?xml version="1.0" encoding="UTF-8"?>
<meeting xmlns="urn:committee-pdf:paper:1" xml:lang="en-GB">
  <authority>Test Borough Council</authority>
  <committee>Audit Committee</committee>
  <date>2024-03-14</date>
  <time>18:00</time>
  <venue>Committee Room 1</venue>
  <membership><chair>Cllr A Chair</chair></membership>
  <contact><name>An Officer</name></contact>
  <item number="1"><title>$2</title><paper src="paper.xml"/></item>
  <item number="2"><title>Adult Services Quarter 3</title>
    <paper src="wb/adults-2024-q3.xml"/></item>
$3
</meeting>
MEETING
}
meeting "$work/meeting.xml" "The audit plan"
out="$work/out"
"$BIN" pack --watch "$work/meeting.xml" -o "$out" > "$work/log" 2> "$work/err" &
pid=$!
trap 'kill $pid 2>/dev/null; [ "$failures" -eq 0 ] || cat "$work/err"; rm -rf "$work"' EXIT

pack_text() { pdftotext "$out/reports-pack.pdf" - 2>/dev/null | tr '\n' ' '; }
has_text() { pack_text | grep -qF "$1"; }
packs() { grep -c '^packed .* into .* in [0-9]* ms$' "$work/log"; }
packed_more() { [ "$(packs)" -gt "$1" ]; }
check "first pack within 20 s" wait_for 20 has_text "Before the edit"
check "the agenda is written too" pdftotext "$out/agenda.pdf" /dev/null

n=$(packs)
cp -p "$out/reports-pack.pdf" "$work/before-touch.pdf"
sleep 1
touch "$work/paper.xml"
check "touching a paper packs again" wait_for 20 packed_more "$n"
check "and writes the pack again" test "$out/reports-pack.pdf" -nt "$work/before-touch.pdf"

small_paper "$work/paper.new" "After the edit"
mv "$work/paper.new" "$work/paper.xml"
check "replacing a paper packs it in" wait_for 20 has_text "After the edit"

sed 's/Up from 77% last quarter\./Edited in the workbook./' "$work/wb/adults-2024-q3.csv" > "$work/wb/q3.new"
mv "$work/wb/q3.new" "$work/wb/adults-2024-q3.csv"
check "a paper's workbook changed: its new rows are in the pack" \
	wait_for 20 has_text "Edited in the workbook."

meeting "$work/meeting.new" "The audit plan retitled"
mv "$work/meeting.new" "$work/meeting.xml"
check "a changed meeting packs again" wait_for 20 has_text "The audit plan retitled"

meeting "$work/meeting.xml" "The audit plan retitled" \
	'  <item number="3"><title>Added</title><paper src="later.xml"/></item>'
check "a paper added to the meeting is packed in" wait_for 20 has_text "A paper added later"
small_paper "$work/later.xml" "The added paper, edited"
check "and watched from then on" wait_for 20 has_text "The added paper, edited"

bad_paper "$work/paper.xml"
check "a broken paper prints its diagnostics" \
	wait_for 20 grep -q "^$work/paper.xml:5:[0-9]*: error:" "$work/err"
check "and says the last good files stay" \
	grep -qx "$work/meeting.xml failed; the last good files in $out stay" "$work/err"
check "the last good pack stays" has_text "After the edit"
check "and it is whole" sh -c "pdfinfo '$out/reports-pack.pdf' > /dev/null"
small_paper "$work/paper.xml" "Fixed again"
check "a fixed paper packs again" wait_for 20 has_text "Fixed again"
meeting "$work/meeting.new" "The audit plan retitled" \
	'  <item number="4"><title>Misnumbered</title><paper src="later.xml"/></item>'
mv "$work/meeting.new" "$work/meeting.xml"
check "a broken meeting prints its diagnostic" \
	wait_for 20 grep -q "^$work/meeting.xml:13:9: error: item 4 follows item 2; items are numbered 1, 2, 3 … in order$" "$work/err"
check "the pack stays" has_text "Fixed again"
meeting "$work/meeting.xml" "The meeting mended"
check "a mended meeting packs again" wait_for 20 has_text "The meeting mended"

check "still watching" kill -0 "$pid"
kill -TERM "$pid"
wait "$pid"
status=$?
check "SIGTERM ends it: exit status 143 ($status)" test "$status" -eq 143
check "no temporary file left" test -z "$(find "$work" -name '*.tmp')"
check "the pack is whole" sh -c "pdfinfo '$out/reports-pack.pdf' > /dev/null"

"$BIN" pack --watch --dump-layout "$work/meeting.xml" 2> /dev/null
check "--watch with --dump-layout: usage, exit 2" test $? -eq 2
finish
