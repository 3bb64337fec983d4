#!/bin/sh
# A worker killed in the middle of a document (the COMMITTEE_PDF_TEST_CRASH
# test hook): that document is reported with the signal, its output is
# absent and leaves no temporary file, a new worker takes over and the
# others are built.
. tests/e2e/lib_batch.sh

mkdir -p "$work/papers" "$work/out"
for name in a b c d e; do
	small_paper "$work/papers/$name.xml" "Paper $name"
done

COMMITTEE_PDF_TEST_CRASH=b.xml "$BIN" build -j 2 -o "$work/out" "$work/papers" 2> "$work/stderr"
status=$?
cat "$work/stderr"
check "exit status 1" [ "$status" -eq 1 ]
check "crash reported with its signal" \
	grep -q "b.xml failed: worker killed by signal 9" "$work/stderr"
check "crashed document has no output" [ ! -e "$work/out/b.pdf" ]
for name in a c d e; do
	check "$name.pdf built despite the crash" [ -s "$work/out/$name.pdf" ]
done
check "no temporary files left" [ "$(ls -A "$work/out" | wc -l)" -eq 4 ]
check "summary counts the crash" grep -q "^built 4, up to date 0, failed 1 in" "$work/stderr"

# One worker for everything: the replacement worker finishes the rest.
rm -f "$work/out"/*
COMMITTEE_PDF_TEST_CRASH=a.xml "$BIN" build -j 1 -o "$work/out" "$work/papers" 2> "$work/stderr"
check "-j1: crash on the first document, exit 1" [ $? -eq 1 ]
check "-j1: the other four built" [ "$(ls "$work/out" | wc -l)" -eq 4 ]
finish
