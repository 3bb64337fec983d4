#!/bin/sh
# --draft: the layout carries the rotated watermark on every page (seen in
# the display-list dump of render --dump-layout --draft) and a final has
# none; build --draft and preview --draft pass it on too.
. tests/e2e/lib_batch.sh

sample=samples/best-value-2024.xml
"$BIN" render "$sample" --dump-layout --draft > "$work/draft.json" 2> "$work/stderr"
check "draft dump exits 0" [ $? -eq 0 ]
"$BIN" render "$sample" --dump-layout > "$work/final.json" 2>> "$work/stderr"
check "final dump exits 0" [ $? -eq 0 ]
cat "$work/stderr"

# The dump prints one page or box per line; the watermark is the text with
# an angle.
pages=$(grep -c '^{"width":' "$work/draft.json")
marked=$(grep '"kind":"text"' "$work/draft.json" | grep '"angle":' |
	sed 's/.*"page":\([0-9]*\).*/\1/' | sort -un | wc -l)
check "draft has pages ($pages)" [ "$pages" -gt 1 ]
check "watermark on every page ($marked of $pages)" [ "$marked" -eq "$pages" ]
check "final has no watermark" [ "$(grep -c '"angle":' "$work/final.json")" -eq 0 ]

# The draft footer shows the build time, from SOURCE_DATE_EPOCH when set.
SOURCE_DATE_EPOCH=1700000000 "$BIN" render "$sample" --dump-layout --draft > "$work/dated.json"
check "draft footer shows SOURCE_DATE_EPOCH's date" grep -q '2023-11-14' "$work/dated.json"
check "a final does not" [ "$(grep -c '2023-11-14' "$work/final.json")" -eq 0 ]

mkdir -p "$work/out"
"$BIN" build --draft -o "$work/out" "$sample" 2> "$work/stderr"
check "build --draft builds" [ -s "$work/out/best-value-2024.pdf" ]
check "build --draft PDF says DRAFT" sh -c "pdftotext '$work/out/best-value-2024.pdf' - | grep -qi draft"
"$BIN" build -o "$work/out" --force "$sample" 2> "$work/stderr"
check "build without --draft: no DRAFT" sh -c "! pdftotext '$work/out/best-value-2024.pdf' - | grep -q DRAFT"

"$BIN" preview "$sample" --pages 1 --dpi 30 -o "$work/final-png" > /dev/null
"$BIN" preview "$sample" --pages 1 --dpi 30 --draft -o "$work/draft-png" > /dev/null
check "preview --draft draws something else" \
	sh -c "! cmp -s '$work/final-png/best-value-2024-1.png' '$work/draft-png/best-value-2024-1.png'"
finish
