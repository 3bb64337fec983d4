#!/bin/sh
# The pattern rule of docs/make-integration.md, taken from the document
# itself, runs under make -j2 over two of the samples.
. tests/e2e/lib_batch.sh

command -v make > /dev/null || { echo "make is not installed: skipped"; exit 0; }
# The inner make must not inherit the outer one's flags (-s would hide the
# "Nothing to be done" this test reads).
unset MAKEFLAGS MFLAGS MAKELEVEL
mkdir -p "$work/bin" "$work/papers"
ln -s "$BIN" "$work/bin/committee-pdf"
# Two of the samples: a committee report and a quarterly dashboard.
cp samples/best-value-2024.xml "$work/papers/one.xml"
cp samples/adults-2024-q1.xml "$work/papers/two.xml"

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

# An edit to one paper remakes that one only.
sleep 1.1
touch "$work/papers/two.xml"
(cd "$work" && PATH="$work/bin:$PATH" make -j2 -f Makefile) > "$work/make3.log" 2>&1
check "an edited paper is remade" grep -q "render papers/two.xml" "$work/make3.log"
check "the other is not" [ "$(grep -c "render papers/one.xml" "$work/make3.log")" -eq 0 ]
finish
