#!/bin/sh
# preview: one PNG per page (as many as the PDF has pages), named
# BASE-N.png, whose pixel size follows the page size and --dpi; --pages
# selects; the files written are printed.
. tests/e2e/lib_batch.sh

sample=samples/best-value-2024.xml
mkdir -p "$work/png72" "$work/png144" "$work/pdf"
"$BIN" build -o "$work/pdf" "$sample" 2> "$work/stderr" || cat "$work/stderr"
cp "$work/pdf/best-value-2024.pdf" "$work/paper.pdf"
pages=$(pdfinfo "$work/paper.pdf" | awk '/^Pages:/ { print $2 }')
check "the sample renders to a PDF with pages" [ "${pages:-0}" -gt 1 ]

"$BIN" preview "$sample" -o "$work/png72" --dpi 72 > "$work/written" 2> "$work/stderr"
check "preview exits 0" [ $? -eq 0 ]
cat "$work/stderr"
check "one image per page" [ "$(ls "$work/png72" | wc -l)" -eq "$pages" ]
check "the files written are printed" [ "$(wc -l < "$work/written")" -eq "$pages" ]
check "printed names exist" sh -c "xargs ls < '$work/written' > /dev/null"
check "named BASE-N.png" [ -s "$work/png72/best-value-2024-1.png" ]
check "PNG signature" sh -c "head -c 8 '$work/png72/best-value-2024-1.png' | od -An -c | grep -q 'P   N   G'"

# Page 1 is portrait A4: 595.28 x 841.89 pt, so 595-596 x 842 pixels at 72
# dpi and twice that at 144 dpi.
set -- $(png_size "$work/png72/best-value-2024-1.png")
check "72 dpi width ($1)" [ "$1" -ge 595 ] && [ "$1" -le 596 ]
check "72 dpi height ($2)" [ "$2" -ge 841 ] && [ "$2" -le 843 ]

# Each image has its own page's size: compare with pdfinfo page by page.
n=1
while [ "$n" -le "$pages" ]; do
	size=$(pdfinfo -f "$n" -l "$n" "$work/paper.pdf" | awk '/^Page.*size:/ { printf "%d %d", $4 + 0.5, $6 + 0.5 }')
	set -- $(png_size "$work/png72/best-value-2024-$n.png")
	set -- "$1" "$2" $size
	if [ $(( $1 - $3 )) -gt 1 ] || [ $(( $3 - $1 )) -gt 1 ] ||
	   [ $(( $2 - $4 )) -gt 1 ] || [ $(( $4 - $2 )) -gt 1 ]; then
		fail "page $n is $1 x $2 pixels, its PDF page $3 x $4 pt"
	fi
	n=$((n + 1))
done
echo "ok: every image matches its PDF page's size"

"$BIN" preview "$sample" -o "$work/png144" --dpi 144 --pages 1,2 > "$work/written" 2>&1
check "--pages 1,2 writes two images" [ "$(ls "$work/png144" | wc -l)" -eq 2 ]
set -- $(png_size "$work/png144/best-value-2024-2.png")
check "144 dpi width ($1)" [ "$1" -ge 1190 ] && [ "$1" -le 1192 ]
check "144 dpi height ($2)" [ "$2" -ge 1683 ] && [ "$2" -le 1685 ]

# Default: beside the source, at 96 dpi.
cp "$sample" "$work/copy.xml"
"$BIN" preview "$work/copy.xml" --pages 1 > "$work/written" 2>&1
check "default folder is the source's" [ -s "$work/copy-1.png" ]
set -- $(png_size "$work/copy-1.png")
check "default 96 dpi width ($1)" [ "$1" -ge 793 ] && [ "$1" -le 795 ]

"$BIN" preview "$sample" --dpi 0 -o "$work" 2>/dev/null
check "--dpi 0 is a usage error" [ $? -eq 2 ]
"$BIN" preview "$sample" --pages 2-1 -o "$work" 2>/dev/null
check "--pages 2-1 is a usage error" [ $? -eq 2 ]
"$BIN" preview "$sample" --pages 1,99 -o "$work/png-none" > /dev/null 2> "$work/stderr"
check "--pages beyond the last page fails" [ $? -eq 1 ]
check "and names the source, not the output folder" \
	grep -q "^$sample: error: pages '1,99' do not name pages 1 to $pages" "$work/stderr"
check "and writes no image" [ ! -e "$work/png-none/best-value-2024-1.png" ]
bad_paper "$work/bad.xml"
"$BIN" preview "$work/bad.xml" -o "$work" 2> "$work/stderr"
check "a bad source exits 1" [ $? -eq 1 ]
check "with its position" grep -q "bad.xml:5:[0-9]*: error:" "$work/stderr"
finish
