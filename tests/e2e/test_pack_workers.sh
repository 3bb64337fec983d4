#!/bin/sh
# pack -j N lays the papers out in worker processes and draws the files
# side by side: -j 1 (one process) and -j 2 write byte-identical files for
# the sample meetings, with and without --members, so page numbers,
# bookmarks and labels are unchanged; a paper's error still names its own
# file and position and stops the pack with nothing written; a worker
# killed in the middle fails the pack with nothing written, no temporary
# file and no process left; progress shows on a terminal only.
set -u
. tests/e2e/lib.sh
export SOURCE_DATE_EPOCH=1708560000
reader=tests/e2e/pack_reader.py

for meeting in samples/meetings/*.xml; do
	name=$(basename "$meeting" .xml)
	for members in "" --members; do
		for j in 1 2; do
			"$BIN" pack --force -j $j $members --allow-dir samples "$meeting" \
				-o "$work/$name$members-j$j" 2> "$work/err-j$j"
			check "$name $members -j $j: exit 0" test $? -eq 0
		done
		check "$name $members: -j 1 and -j 2 say the same" \
			cmp -s "$work/err-j1" "$work/err-j2"
		check "$name $members: the same files" test \
			"$(ls "$work/$name$members-j1")" = "$(ls "$work/$name$members-j2")"
		for file in "$work/$name$members-j1"/*.pdf; do
			base=$(basename "$file")
			other="$work/$name$members-j2/$base"
			check "$name $members $base: -j 1 and -j 2 byte-identical" \
				cmp -s "$file" "$other"
			# What a reader sees, compared on its own should the bytes
			# ever differ for a harmless reason: text with its page
			# numbers, bookmarks and page labels.
			pdftotext -layout "$file" "$work/a.txt"
			pdftotext -layout "$other" "$work/b.txt"
			check "$name $members $base: the same text and page numbers" \
				cmp -s "$work/a.txt" "$work/b.txt"
			qpdf --json --json-key=outlines "$file" > "$work/a.json"
			qpdf --json --json-key=outlines "$other" > "$work/b.json"
			check "$name $members $base: the same bookmarks" \
				cmp -s "$work/a.json" "$work/b.json"
			/usr/bin/python3 "$reader" "$file" labels > "$work/a.labels"
			/usr/bin/python3 "$reader" "$other" labels > "$work/b.labels"
			check "$name $members $base: the same page labels" \
				test -s "$work/a.labels" -a "$(cat "$work/a.labels")" = "$(cat "$work/b.labels")"
		done
	done
	"$BIN" pack -j 1 --members --dump-layout --allow-dir samples "$meeting" > "$work/dump-j1" 2> /dev/null
	"$BIN" pack -j 2 --members --dump-layout --allow-dir samples "$meeting" > "$work/dump-j2" 2> /dev/null
	check "$name: the members' display list is the same from the workers" \
		test -s "$work/dump-j1" -a "$(cat "$work/dump-j1")" = "$(cat "$work/dump-j2")"
done

# ---- a paper's error: its own file and position, nothing written ----
meeting=samples/meetings/governance-2024-02-22.xml
cp tests/bad/impossible-date.xml "$work/broken.xml"
sed "s|\"\\.\\./|\"$PWD/samples/|" "$meeting" > "$work/moved.xml"
sed 's|"[^"]*/best-value-2024.xml"|"broken.xml"|' "$work/moved.xml" > "$work/meeting.xml"
sed "s|^tests/bad/impossible-date.xml:|$work/broken.xml:|" tests/bad/impossible-date.expected > "$work/expected"
"$BIN" pack -j 2 --members --allow-dir samples "$work/meeting.xml" -o "$work/bad" 2> "$work/err"
check "a bad paper, -j 2: exit 1" test $? -eq 1
check "a bad paper, -j 2: nothing written" test ! -e "$work/bad"
check "a bad paper, -j 2: its error in its own file at its place" \
	grep -qxF "$(cat "$work/expected")" "$work/err"
"$BIN" pack -j 1 --members --allow-dir samples "$work/meeting.xml" -o "$work/bad" 2> "$work/err-j1"
check "a bad paper: -j 1 and -j 2 say the same" cmp -s "$work/err-j1" "$work/err"

# ---- a worker killed in the middle ----
mkdir "$work/crash"
echo old > "$work/crash/reports-pack.pdf"
COMMITTEE_PDF_TEST_CRASH=best-value-2024.xml \
	"$BIN" pack --force -j 2 --members --allow-dir samples "$meeting" -o "$work/crash" 2> "$work/err"
check "a worker killed: exit 1" test $? -eq 1
check "a worker killed: said, on the paper it held" \
	grep -qx "samples/meetings/../best-value-2024.xml: error: pack worker killed by signal 9" "$work/err"
check "a worker killed: nothing written, the old file kept, no temporary file" \
	test "$(ls -A "$work/crash")" = reports-pack.pdf -a "$(cat "$work/crash/reports-pack.pdf")" = old
check "a worker killed: no process of the pack is left" \
	test "$(ps -eo args | grep -c "[-]o $work/crash")" -eq 0
# In one process the hook does nothing: it is for workers only.
COMMITTEE_PDF_TEST_CRASH=best-value-2024.xml \
	"$BIN" pack --force -j 1 --allow-dir samples "$meeting" -o "$work/crash" 2> /dev/null
check "-j 1 forks no worker for the hook to kill" test $? -eq 0

# ---- a drawing process killed while it writes ----
mkdir "$work/drawcrash"
echo old > "$work/drawcrash/reports-pack.pdf"
COMMITTEE_PDF_TEST_CRASH=reports-pack.pdf \
	"$BIN" pack --force -j 2 --allow-dir samples "$meeting" -o "$work/drawcrash" 2> "$work/err"
check "a drawing process killed: exit 1" test $? -eq 1
check "a drawing process killed: said, on its file" \
	grep -qx "$work/drawcrash/reports-pack.pdf: error: the process drawing this file was killed by signal 9" "$work/err"
check "a drawing process killed: the old file kept, no temporary file" \
	test "$(cat "$work/drawcrash/reports-pack.pdf")" = old -a \
	"$(ls -A "$work/drawcrash" | grep -cv '^agenda.pdf$\|^reports-pack.pdf$')" -eq 0
check "a drawing process killed: no process of the pack is left" \
	test "$(ps -eo args | grep -c "[-]o $work/drawcrash")" -eq 0

# ---- -j ----
"$BIN" pack -j 0 "$meeting" 2> "$work/err"
check "-j 0: usage, exit 2" test $? -eq 2
check "-j 0: said" grep -q "^committee-pdf pack: -j wants a number from 1 to 1024, not '0'" "$work/err"
"$BIN" pack -j two "$meeting" 2> /dev/null
check "-j two: usage, exit 2" test $? -eq 2

# ---- progress on a terminal, none elsewhere ----
"$BIN" pack --force -j 2 --allow-dir samples "$meeting" -o "$work/quiet" 2> "$work/err"
check "stderr not a terminal: no progress" test ! -s "$work/err"
script -qec "$BIN pack --force -j 2 --allow-dir samples $meeting -o $work/tty" /dev/null \
	> "$work/tty.out" 2>&1
check "on a terminal: exit 0" test $? -eq 0
check "on a terminal: the papers counted" grep -q '\[3/3\] 0 failed' "$work/tty.out"
check "on a terminal: the drawing said" grep -q 'drawing reports-pack.pdf' "$work/tty.out"
check "on a terminal: the same pack" \
	cmp -s "$work/tty/reports-pack.pdf" "$work/quiet/reports-pack.pdf"
finish
