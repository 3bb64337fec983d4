#!/bin/sh
# Up-to-date skipping: a second build skips what is newer than its source
# and its house style; touching either builds again; --force builds all.
. tests/e2e/lib_batch.sh

mkdir -p "$work/papers" "$work/out"
small_paper "$work/papers/one.xml" "One"
small_paper "$work/papers/two.xml" "Two"
mkdir -p "$work/style"
cp layouts/committee-report.xml "$work/style/committee-report.xml"

build() { "$BIN" build -j 2 -o "$work/out" "$@" 2> "$work/stderr"; }
summary() { tail -n 1 "$work/stderr" | sed 's/ in [0-9.]* s$//'; }

build --layout "$work/style/committee-report.xml" "$work/papers"
check "first build builds both" [ "$(summary)" = "built 2, up to date 0, failed 0" ]

sleep 1.1 # coarse file systems keep seconds
build --layout "$work/style/committee-report.xml" "$work/papers"
check "second build skips both" [ "$(summary)" = "built 0, up to date 2, failed 0" ]
check "skipped ones are named" grep -q "up to date $work/papers/one.xml" "$work/stderr"

touch "$work/papers/two.xml"
build --layout "$work/style/committee-report.xml" "$work/papers"
check "edited source is built again" [ "$(summary)" = "built 1, up to date 1, failed 0" ]

touch "$work/style/committee-report.xml"
build --layout "$work/style/committee-report.xml" "$work/papers"
check "edited house style builds all again" [ "$(summary)" = "built 2, up to date 0, failed 0" ]

build --force --layout "$work/style/committee-report.xml" "$work/papers"
check "--force builds even up-to-date ones" [ "$(summary)" = "built 2, up to date 0, failed 0" ]

# The source's own layout (by name) is found and checked as well.
build "$work/papers"
check "by the source's own layout name: up to date" [ "$(summary)" = "built 0, up to date 2, failed 0" ]
finish
