#!/bin/sh
# Long words render and stay inside the page: a 100,000-character word in
# a paragraph and in a table cell, and a 2,000-character theme name, one
# word or words with spaces (it is also the dashboard's row name and bar
# label). Each completes without a diagnostic (one outside the margins
# would be one) and every character is laid out. The timeout only stops a
# hang and measures nothing: the unit tests count the work instead, and
# test the overflow of large sizes.
set -u
. tests/e2e/lib.sh

# render_long KIND N LETTER COUNT: the paper with N characters of KIND
# (see bench/gen_long_word.sh) renders, and its layout dump shows LETTER
# at least COUNT times.
render_long() {
	sh bench/gen_long_word.sh "$1" "$2" "$work/$1.xml"
	timeout 120 "$BIN" render "$work/$1.xml" -o "$work/$1.pdf" \
		2> "$work/$1.err"
	status=$?
	check "$1 of $2 characters: render exits 0 (exit $status)" \
		test "$status" -eq 0
	check "$1 of $2 characters: no diagnostics" test ! -s "$work/$1.err"
	[ -s "$work/$1.err" ] && head -n 3 "$work/$1.err"
	check "$1 of $2 characters: the PDF is written" test -s "$work/$1.pdf"
	timeout 120 "$BIN" render --dump-layout "$work/$1.xml" \
		> "$work/$1.json" 2> /dev/null
	shown=$(grep -o '"text":"[^"]*"' "$work/$1.json" | tr -cd "$3" | wc -c)
	check "$1 of $2 characters: every character is laid out ($shown of $4 '$3')" \
		test "$shown" -ge "$4"
}

render_long paragraph 100000 x 100000
render_long cell 100000 x 100000
render_long theme 2000 x 2000
render_long names 2000 h 444

finish
