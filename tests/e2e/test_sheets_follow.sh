#!/bin/sh
# build and --watch follow the workbook: a PDF is out of date when its
# workbook changed, and saving the workbook (by rename, as Excel and
# LibreOffice do) renders again.
. tests/e2e/lib_batch.sh
. tests/e2e/lib_sheets.sh

mkdir -p "$work/papers" "$work/out"
rows() { # rows FILE NAME: one measure called NAME
	printf '%s\n' 'Group,Ref,Measure,Polarity,Target,Actual' \
		"Housing,H01,$2,higher,90,92" > "$1"
}
rows "$work/papers/q2.csv" "Repairs done"
performance_paper "$work/papers/q2.xml" 'src="q2.csv"'

build() { "$BIN" build -j 2 -o "$work/out" "$@" 2> "$work/stderr"; }
summary() { tail -n 1 "$work/stderr" | sed 's/ in [0-9.]* s$//'; }
build "$work/papers"
check "first build builds it" [ "$(summary)" = "built 1, up to date 0, failed 0" ]
sleep 1.1 # coarse file systems keep seconds
build "$work/papers"
check "second build skips it" [ "$(summary)" = "built 0, up to date 1, failed 0" ]
touch "$work/papers/q2.csv"
build "$work/papers"
check "an edited workbook builds it again" [ "$(summary)" = "built 1, up to date 0, failed 0" ]

"$BIN" render --watch "$work/papers/q2.xml" -o "$work/q2.pdf" > "$work/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
has_text() { pdftotext "$work/q2.pdf" - 2>/dev/null | grep -q "$1"; }
check "first render within 10 s" wait_for 10 has_text "Repairs done"
rows "$work/papers/~q2.tmp" "Repairs finished"
mv "$work/papers/~q2.tmp" "$work/papers/q2.csv"
check "saving the workbook renders again within 10 s" wait_for 10 has_text "Repairs finished"
kill "$pid"
wait "$pid" 2>/dev/null
finish
