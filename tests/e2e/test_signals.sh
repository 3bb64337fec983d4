#!/bin/sh
# Stopped while writing, render, preview and render --watch remove their
# temporary file, say so in one line and exit as the signal would: SIGTERM
# (143), SIGHUP (129), or a file size limit, SIGXFSZ from `ulimit -f`
# (153). The PDF an earlier run made stays as it was. A temporary that a
# process no longer running left is removed by the next render to the same
# path. (SIGINT is the same handler, tested in test_file_atomic_signals:
# a shell starts background jobs with SIGINT ignored, and so it stays.)
. tests/e2e/lib_batch.sh

big="$work/big.xml"
sh bench/gen_assessment.sh 1000 "$big"
small_paper "$work/small.xml" "The old paper"
"$BIN" render "$work/small.xml" -o "$work/out.pdf" 2> /dev/null
cp "$work/out.pdf" "$work/old.pdf"
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT

temporaries() { ls -A "$work" | grep '\.tmp$'; }
writing() { [ -n "$(temporaries)" ]; }
no_temporaries() { [ -z "$(temporaries)" ]; }
old_intact() { cmp -s "$work/out.pdf" "$work/old.pdf"; }

# stop_render SIGNAL STATUS: kill a render of the big source mid-write.
stop_render() {
	"$BIN" render "$big" -o "$work/out.pdf" 2> "$work/err" &
	pid=$!
	check "render $1: writing has begun" wait_for 60 writing
	kill -"$1" "$pid"
	wait "$pid"
	status=$?
	pid=
	check "render $1: exit status $2" [ "$status" -eq "$2" ]
	check "render $1: says so" grep -qx \
		"committee-pdf: stopped by SIG$1; the unfinished output was removed" "$work/err"
	check "render $1: no temporary file" no_temporaries
	check "render $1: the old PDF is intact" old_intact
}
stop_render TERM 143
stop_render HUP 129

# ulimit -f counts blocks of 512 or 1024 bytes: either way far below the
# big paper's PDF.
(ulimit -f 400; exec "$BIN" render "$big" -o "$work/out.pdf") 2> "$work/err"
status=$?
check "file size limit: exit status 153" [ "$status" -eq 153 ]
check "file size limit: says so" grep -qx "committee-pdf: stopped by SIGXFSZ: an output \
grew past the file size limit (ulimit -f); the unfinished output was removed" "$work/err"
check "file size limit: no temporary file" no_temporaries
check "file size limit: the old PDF is intact" old_intact

# preview writes one PNG after another, each through its own temporary;
# the test hook holds it with the first one open (else, under load, it
# could finish every page before the signal came).
mkdir -p "$work/png"
COMMITTEE_PDF_PAUSE_IN_IMAGE=1 "$BIN" preview "$big" -o "$work/png" > /dev/null 2> "$work/err" &
pid=$!
png_writing() { ls -A "$work/png" | grep -q '\.tmp$'; }
check "preview TERM: an image is being written" wait_for 60 png_writing
kill -TERM "$pid"
wait "$pid"
status=$?
pid=
check "preview TERM: exit status 143" [ "$status" -eq 143 ]
check "preview TERM: says so" grep -q "^committee-pdf: stopped by SIGTERM" "$work/err"
check "preview TERM: no temporary file" [ -z "$(ls -A "$work/png" | grep '\.tmp$')" ]
check "preview TERM: stopped in its first image" [ -z "$(ls -A "$work/png")" ]
(ulimit -f 20; exec "$BIN" preview "$big" --pages 1 -o "$work/png") > /dev/null 2> "$work/err"
status=$?
check "preview file size limit: exit status 153" [ "$status" -eq 153 ]
check "preview file size limit: says so" grep -q "^committee-pdf: stopped by SIGXFSZ" "$work/err"
check "preview file size limit: no temporary file" [ -z "$(ls -A "$work/png" | grep '\.tmp$')" ]

# --watch finishes the round in hand, then stops; a file size limit stops
# it at once.
"$BIN" render --watch "$big" -o "$work/watched.pdf" > /dev/null 2> "$work/err" &
pid=$!
check "watch TERM: writing has begun" wait_for 60 writing
kill -TERM "$pid"
wait "$pid"
status=$?
pid=
check "watch TERM: exit status 143" [ "$status" -eq 143 ]
check "watch TERM: says so" grep -q "^committee-pdf: stopped by SIGTERM" "$work/err"
check "watch TERM: no temporary file" no_temporaries
cp "$work/old.pdf" "$work/watched.pdf"
(ulimit -f 400; exec "$BIN" render --watch "$big" -o "$work/watched.pdf") > /dev/null 2> "$work/err"
status=$?
check "watch file size limit: exit status 153" [ "$status" -eq 153 ]
check "watch file size limit: says so" grep -q "^committee-pdf: stopped by SIGXFSZ" "$work/err"
check "watch file size limit: no temporary file" no_temporaries
check "watch file size limit: the old PDF is intact" cmp -s "$work/watched.pdf" "$work/old.pdf"

# A temporary of a process that no longer exists (its pid is past any
# pid_max) goes at the next render of that path; one of a live process
# (this shell) stays.
touch "$work/.out.pdf.99999999-0.tmp" "$work/.out.pdf.$$-0.tmp"
"$BIN" render "$work/small.xml" -o "$work/out.pdf" 2> /dev/null
check "render after a stale temporary exits 0" [ $? -eq 0 ]
check "the stale temporary is removed" [ ! -e "$work/.out.pdf.99999999-0.tmp" ]
check "a live process's temporary is kept" [ -e "$work/.out.pdf.$$-0.tmp" ]
finish
