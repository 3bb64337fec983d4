#!/bin/sh
# Writes the benchmark's seven-item assessment (bench/gen_assessment.sh)
# with one long text in it, for the benchmark and the long-word tests:
#   sh bench/gen_long_word.sh KIND N OUT.xml
# KIND says where N characters go:
#   paragraph  one word at the start of the first paragraph
#   cell       one word at the start of the first item's evidence
#   theme      one word as the first theme's name
#   names      the first theme's name as words of eight letters and a space
set -eu
kind=${1:?usage: gen_long_word.sh paragraph|cell|theme|names N OUT.xml}
n=${2:?usage: gen_long_word.sh KIND N OUT.xml}
out=${3:?usage: gen_long_word.sh KIND N OUT.xml}
case $kind in
paragraph | cell | theme | names) ;;
*) echo "gen_long_word.sh: unknown KIND $kind" >&2; exit 2 ;;
esac
mkdir -p "$(dirname "$out")"
sh "$(dirname "$0")/gen_assessment.sh" 7 "$out.base"
awk -v kind="$kind" -v n="$n" '
BEGIN {
	# Doubling, not sprintf: awk limits how long one printf may be.
	text = kind == "names" ? "abcdefgh " : "x"
	while (length(text) < n)
		text = text text
	text = substr(text, 1, n)
	sub(/ $/, "h", text)
}
!done && (kind == "theme" || kind == "names") && /<theme ref=/ {
	sub(/name="[^"]*"/, "name=\"" text "\""); done = 1
}
!done && kind == "cell" && /<evidence>/ { sub(/<evidence>/, "<evidence>" text " "); done = 1 }
!done && kind == "paragraph" && /<para>/ { sub(/<para>/, "<para>" text " "); done = 1 }
{ print }' "$out.base" > "$out"
rm -f "$out.base"
