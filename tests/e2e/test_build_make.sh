#!/bin/sh
# The pattern rule of docs/make-integration.md, taken from the document
# itself, runs under make -j2 over two papers.
. tests/e2e/lib_batch.sh

command -v make > /dev/null || { echo "make is not installed: skipped"; exit 0; }
mkdir -p "$work/bin" "$work/papers"
ln -s "$BIN" "$work/bin/committee-pdf"
small_paper "$work/papers/one.xml" "One"
small_paper "$work/papers/two.xml" "Two"

# The first make block of the document: the rule a council would copy.
awk '/^```make$/ { on = 1; next } /^```$/ { if (on) exit } on' \
	docs/make-integration.md > "$work/rule.mk"
check "the document has a pattern rule" grep -q '^%.pdf: %.xml' "$work/rule.mk"
{
	echo "all: papers/one.pdf papers/two.pdf"
	cat "$work/rule.mk"
} > "$work/Makefile"

(cd "$work" && PATH="$work/bin:$PATH" make -j2 -f Makefile) > "$work/make.log" 2>&1
status=$?
cat "$work/make.log"
check "make -j2 succeeds" [ "$status" -eq 0 ]
check "one.pdf made" [ -s "$work/papers/one.pdf" ]
check "two.pdf made" [ -s "$work/papers/two.pdf" ]

(cd "$work" && PATH="$work/bin:$PATH" make -j2 -f Makefile) > "$work/make2.log" 2>&1
check "second make has nothing to do" grep -q "Nothing to be done" "$work/make2.log"
finish
