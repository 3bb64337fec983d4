#!/bin/sh
# A build told to stop (SIGTERM, as Ctrl-C's SIGINT) finishes the documents
# in hand, starts no others, leaves no temporary file and says how many were
# not started; every PDF it leaves is whole.
. tests/e2e/lib_batch.sh

sh bench/gen_quarterly.sh 100 "$work/papers"
mkdir -p "$work/out"
"$BIN" build -j 2 -o "$work/out" "$work/papers" 2> "$work/stderr" &
pid=$!
first_pdf() { ls "$work/out" | grep -q '\.pdf$'; }
check "building has begun" wait_for 10 first_pdf
kill -TERM "$pid"
wait "$pid"
status=$?
tail -n 1 "$work/stderr"
built=$(ls "$work/out" | grep -c '\.pdf$')
check "no temporary files left" [ "$(ls -A "$work/out" | grep -vc '\.pdf$')" -eq 0 ]
for pdf in "$work/out"/*.pdf; do
	pdfinfo "$pdf" > /dev/null 2>&1 || fail "$pdf is not a whole PDF"
done
echo "ok: the $built PDFs left are whole"
if grep -q "^interrupted" "$work/stderr"; then
	check "exit status 1 when stopped" [ "$status" -eq 1 ]
	check "the summary counts what was built" \
		grep -q "^interrupted, $((100 - built)) not started: built $built," "$work/stderr"
else
	echo "note: all 100 were built before the signal arrived"
	check "all 100 built" [ "$built" -eq 100 ]
fi
finish
