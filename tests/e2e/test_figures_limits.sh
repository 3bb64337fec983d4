#!/bin/sh
# An image's size in bytes, on each side of the limit: a figure of exactly
# 16 MiB is read (and judged by its content), one byte more is refused
# before it is read, as one positioned error, by validate and by render,
# which writes no PDF. The files are sparse: nothing large is written.
. tests/e2e/lib.sh

mkdir -p "$work/paper"
sed 's|too-many-pixels.png|big.png|' tests/bad/figure-too-many-pixels.xml > "$work/paper/paper.xml"
line=$(grep -n 'src="big.png"' "$work/paper/paper.xml" | cut -d: -f1)
col=$(sed -n "${line}p" "$work/paper/paper.xml" | awk '{ print index($0, "src=") }')

# Exactly the limit: read, and its content judged.
printf '\211PNG\r\n\032\n' > "$work/paper/big.png"
truncate -s 16777216 "$work/paper/big.png"
"$BIN" validate "$work/paper/paper.xml" 2> "$work/at.err"
cat > "$work/at.expected" <<EOT
$work/paper/paper.xml:$line:$col: error: src="big.png" is a damaged PNG image: its header is missing
1 error, 0 warnings
EOT
if ! cmp -s "$work/at.expected" "$work/at.err"; then
	fail "an image of exactly 16 MiB is judged by its content"
	diff "$work/at.expected" "$work/at.err" | sed 's/^/    /'
fi

# One byte over: refused for its size.
truncate -s 16777217 "$work/paper/big.png"
"$BIN" validate "$work/paper/paper.xml" 2> "$work/over.err"
check "validate exits 1 for an image over 16 MiB" test $? -eq 1
cat > "$work/over.expected" <<EOT
$work/paper/paper.xml:$line:$col: error: src="big.png" is larger than 16777216 bytes (16 MiB); files named in a source are refused above that size
1 error, 0 warnings
EOT
if ! cmp -s "$work/over.expected" "$work/over.err"; then
	fail "an image over 16 MiB: its message"
	diff "$work/over.expected" "$work/over.err" | sed 's/^/    /'
fi
"$BIN" render "$work/paper/paper.xml" -o "$work/out.pdf" 2> "$work/render.err"
check "render exits 1 for an image over 16 MiB" test $? -eq 1
check "render writes no PDF" test ! -e "$work/out.pdf"
check "render gives the same positioned error" grep -qF \
	"$work/paper/paper.xml:$line:$col: error: src=\"big.png\" is larger than 16777216 bytes" "$work/render.err"
finish
