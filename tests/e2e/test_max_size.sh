#!/bin/sh
# --max-size: a source over the 16 MiB limit is refused with a message
# naming the option, and read when the option allows it, by validate,
# render, preview, build, template and pack alike; sizes that are not sizes are usage
# errors. Also: a source above libxml2's 10 MB lookup limit parses.
. "$(dirname "$0")/lib.sh"
BIN=${BIN:-build/committee-pdf}
here=$(cd "$(dirname "$0")/../.." && pwd)

# pad SOURCE BYTES OUT: SOURCE with BYTES of comments before </paper>.
pad() {
	awk -v total="$2" 'BEGIN {
		line = "<!--"
		while (length(line) < 995)
			line = line " padding"
		line = line " -->"
	}
	/^<\/paper>/ && !done {
		for (have = 0; have < total; have += length(line) + 3)
			print "  " line
		done = 1
	}
	{ print }' "$1" > "$3"
}

big="$work/big.xml"
pad "$here/samples/best-value-2024.xml" 17000000 "$big"
[ "$(wc -c < "$big")" -gt 16777216 ] || fail "the padded source is not over 16 MiB"

# ---- over the limit: refused, and the message names the option ----
limit_message="error: the source is larger than 16777216 bytes (16 MiB); sources are refused above that size unless --max-size allows more (such as --max-size 64M)"
"$BIN" validate "$big" 2> "$work/err"
status=$?
[ "$status" -eq 1 ] || fail "validate over the limit: exit $status"
grep -qxF "$big: $limit_message" "$work/err" ||
	fail "validate over the limit: $(cat "$work/err")"
"$BIN" validate - < "$big" 2> "$work/err"
grep -qxF "<stdin>: $limit_message" "$work/err" ||
	fail "validate - over the limit: $(cat "$work/err")"
"$BIN" render "$big" -o "$work/big.pdf" 2> "$work/err"
status=$?
[ "$status" -eq 1 ] || fail "render over the limit: exit $status"
grep -qF "$limit_message" "$work/err" || fail "render over the limit: $(cat "$work/err")"
[ ! -e "$work/big.pdf" ] || fail "render over the limit wrote a PDF"

# template --from reads its source under the same limit.
"$BIN" template assessment --from "$big" -o "$work/big.xlsx" 2> "$work/err"
status=$?
[ "$status" -eq 1 ] || fail "template --from over the limit: exit $status"
grep -qF "$limit_message" "$work/err" || fail "template over the limit: $(cat "$work/err")"
[ ! -e "$work/big.xlsx" ] || fail "template over the limit wrote a workbook"
check "template --max-size 32M reads it" \
	"$BIN" template assessment --max-size 32M --from "$big" -o "$work/big.xlsx"

# pack reads each paper under it too.
"$BIN" pack --max-size 4K --allow-dir "$here/samples" \
	"$here/samples/meetings/governance-2024-02-22.xml" -o "$work/pack" 2> "$work/err"
status=$?
[ "$status" -eq 1 ] || fail "pack --max-size 4K: exit $status"
grep -qF 'governance-2024-02-22.xml:38:12: error: src="../best-value-2024.xml" is larger than 4096 bytes (4 KiB); files named in a source are refused above that size' "$work/err" ||
	fail "pack --max-size 4K: $(cat "$work/err")"
[ ! -e "$work/pack/reports-pack.pdf" ] || fail "pack over the limit wrote a pack"

# A limit lowered or raised is the one the message states.
"$BIN" validate --max-size 1M "$here/samples/best-value-2024.xml" 2> "$work/err"
[ $? -eq 0 ] || fail "validate --max-size 1M of a small sample: $(cat "$work/err")"
"$BIN" render --max-size 10M "$big" -o "$work/big.pdf" 2> "$work/err"
grep -qF "error: the source is larger than 10485760 bytes (10 MiB); sources are refused above that size unless --max-size allows more" "$work/err" ||
	fail "render --max-size 10M: $(cat "$work/err")"
"$BIN" validate --max-size 16000001 "$big" 2> "$work/err"
grep -qF "error: the source is larger than 16000001 bytes; sources are refused" "$work/err" ||
	fail "validate --max-size 16000001: $(cat "$work/err")"

# ---- allowed with the option ----
check "validate --max-size 32M reads it" \
	sh -c '"$1" validate --max-size 32M "$2" 2> "$3" && grep -qx "0 errors, 0 warnings" "$3"' \
	sh "$BIN" "$big" "$work/err"
"$BIN" render --max-size 32M "$big" -o "$work/big.pdf" 2> "$work/err"
status=$?
[ "$status" -eq 0 ] || fail "render --max-size 32M: exit $status: $(cat "$work/err")"
pages=$(pdfinfo "$work/big.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
[ "${pages:-0}" -gt 1 ] || fail "render --max-size 32M: no pages in the PDF"
"$BIN" preview --max-size 32M --pages 1 -o "$work/png" "$big" > "$work/out" 2> "$work/err" ||
	fail "preview --max-size 32M: $(cat "$work/err")"
[ -s "$work/png/big-1.png" ] || fail "preview --max-size 32M drew no page 1"
mkdir -p "$work/batch" "$work/batch-pdf"
cp "$big" "$work/batch/big.xml"
"$BIN" build -j 1 -o "$work/batch-pdf" "$work/batch" > "$work/out" 2>&1
[ ! -e "$work/batch-pdf/big.pdf" ] || fail "build without --max-size wrote the PDF"
"$BIN" build -j 1 --max-size 32M -o "$work/batch-pdf" "$work/batch" > "$work/out" 2>&1 ||
	fail "build --max-size 32M: $(cat "$work/out")"
[ -s "$work/batch-pdf/big.pdf" ] || fail "build --max-size 32M wrote no PDF"

# ---- sizes that are not sizes ----
for bad in 0 2G 64X M 1.5M -3 64MB ''; do
	"$BIN" validate --max-size "$bad" "$big" 2> "$work/err"
	status=$?
	[ "$status" -eq 2 ] || fail "--max-size '$bad': exit $status"
	grep -qF "committee-pdf validate: --max-size wants a size from 1 byte to 1G, such as 64M, not '$bad'" "$work/err" ||
		fail "--max-size '$bad': $(cat "$work/err")"
done
"$BIN" render --max-size 1G --dump-layout "$here/samples/best-value-2024.xml" > /dev/null 2> "$work/err" ||
	fail "--max-size 1G: $(cat "$work/err")"
"$BIN" render --max-size 64KiB "$here/samples/best-value-2024.xml" -o "$work/small.pdf" 2> "$work/err" ||
	fail "--max-size 64KiB: $(cat "$work/err")"

# ---- above libxml2's lookup limit (10,000,000 bytes), under ours ----
# 14,000 generated items (11 MB) halted with "Huge input lookup".
sh "$here/bench/gen_assessment.sh" 14000 "$work/items-14000.xml"
check "a source of 14,000 items (11 MB) validates" \
	sh -c '"$1" validate "$2" 2> "$3" && grep -qx "0 errors, 0 warnings" "$3"' \
	sh "$BIN" "$work/items-14000.xml" "$work/err"

finish
