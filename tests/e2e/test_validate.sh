#!/bin/sh
# committee-pdf validate: every bad source in tests/bad gives exactly the
# diagnostics in its .expected file and exit status 1; every sample is valid;
# hostile sources are refused fast and read nothing but themselves.
# Runs from the repository root with $BIN and $BUILD set (tests/e2e/run.sh).
set -u
. tests/e2e/lib.sh

count_line='^[0-9][0-9]* errors\{0,1\}, [0-9][0-9]* warnings\{0,1\}$'

# Runs validate on its arguments; stderr in $work/err, status in $status.
# A run the 20 s guard had to stop is a hang (or work that grew without
# bound), whatever the machine's load; speed itself is make bench's to
# measure, not a test's.
run_validate() {
	timeout 20 "$BIN" validate "$@" > "$work/out" 2> "$work/err"
	status=$?
	[ "$status" -ne 124 ] || fail "validate $*: still running after 20 s"
}

# The diagnostics (all but the count line) must equal $1; the count line
# must be last.
check_diagnostics() {
	expected=$1
	name=$2
	sed '$d' "$work/err" > "$work/diags"
	if ! cmp -s "$work/diags" "$expected"; then
		fail "$name: diagnostics differ"
		diff "$expected" "$work/diags" | sed 's/^/    /'
	fi
	if ! tail -n 1 "$work/err" | grep -q "$count_line"; then
		fail "$name: no count line at the end: $(tail -n 1 "$work/err")"
	fi
}

# ---- every bad source ----
bad_count=0
for source in tests/bad/*.xml; do
	name=${source%.xml}
	bad_count=$((bad_count + 1))
	if [ ! -f "$name.expected" ]; then
		fail "$source has no $name.expected"
		continue
	fi
	run_validate "$source"
	[ "$status" -eq 1 ] || fail "$source: exit status $status, expected 1"
	check_diagnostics "$name.expected" "$source"
	[ -s "$work/out" ] && fail "$source: wrote to standard output"
	if grep -q 'root:.*:0:0:' "$work/err"; then
		fail "$source: the contents of /etc/passwd appear in the output"
	fi
done
[ "$bad_count" -ge 30 ] || fail "only $bad_count bad sources in tests/bad"
echo "checked $bad_count bad sources"

# Hostile sources are refused before any expansion (their diagnostics are
# checked above; an expansion would not end inside the guard).
for source in tests/bad/billion-laughs.xml tests/bad/quadratic-blowup.xml \
	tests/bad/deep-nesting.xml; do
	run_validate "$source"
	[ "$status" -eq 1 ] || fail "$source: exit $status"
done

# ---- the schema documents every element; the example shows every name ----
schema=generator/committee-paper.xsd
if command -v xmllint > /dev/null 2>&1; then
	undocumented=$(xmllint --xpath 'count(//*[local-name()="element"][not(*[local-name()="annotation"]/*[local-name()="documentation"])])' "$schema")
	[ "$undocumented" = 0 ] || fail "$undocumented elements of $schema have no xs:documentation"
	for name in $(xmllint --xpath '//*[local-name()="element"]/@name' "$schema" |
		sed 's/ name="\([^"]*\)"/\1\n/g' | sort -u); do
		grep -q "<$name[ >/]" docs/source-format.xml ||
			fail "<$name> is in the schema but not in docs/source-format.xml"
	done
	for name in $(xmllint --xpath '//*[local-name()="attribute"]/@name' "$schema" |
		sed 's/ name="\([^"]*\)"/\1\n/g' | sort -u); do
		grep -q " $name=\"" docs/source-format.xml ||
			fail "attribute $name is in the schema but not in docs/source-format.xml"
	done
fi

# ---- every sample is valid ----
sample_count=0
for source in samples/*.xml docs/source-format.xml; do
	[ -e "$source" ] || continue
	sample_count=$((sample_count + 1))
	run_validate "$source"
	if [ "$status" -ne 0 ]; then
		fail "$source: exit status $status, expected 0"
		sed 's/^/    /' "$work/err"
	fi
	grep -q ': error: ' "$work/err" && fail "$source: reports errors"
	tail -n 1 "$work/err" | grep -q '^0 errors, ' || fail "$source: count line $(tail -n 1 "$work/err")"
done
echo "checked $sample_count valid sources"

# ---- many files in one run: every problem of every file, in file order ----
run_validate tests/bad/missing-committee.xml docs/source-format.xml tests/bad/impossible-date.xml
[ "$status" -eq 1 ] || fail "two bad files and a good one: exit $status"
cat tests/bad/missing-committee.expected tests/bad/impossible-date.expected > "$work/both"
check_diagnostics "$work/both" "several files"
tail -n 1 "$work/err" | grep -qx '2 errors, 0 warnings' || fail "several files: count $(tail -n 1 "$work/err")"

# ---- standard input ----
timeout 20 "$BIN" validate - < tests/bad/rating-not-in-scale.xml 2> "$work/err"
status=$?
[ "$status" -eq 1 ] || fail "stdin: exit $status"
sed 's|^tests/bad/rating-not-in-scale.xml:|<stdin>:|' tests/bad/rating-not-in-scale.expected > "$work/stdin.expected"
check_diagnostics "$work/stdin.expected" "stdin"
# From standard input a previous-source is relative to the current folder,
# as render reads it, so the valid source here names none.
timeout 20 "$BIN" validate - < samples/best-value-2024.xml 2> "$work/err" || fail "stdin: valid source refused"

# ---- a quarterly report is compared with its previous quarter ----
# The warnings render gives; they do not fail validation.
run_validate samples/adults-2024-q3.xml
[ "$status" -eq 0 ] || fail "quarterly: exit $status"
grep -qx 'samples/adults-2024-q3.xml:132:5: warning: measure ASC07 of 2024-Q2 is no longer reported' "$work/err" ||
	fail "quarterly: no 'no longer reported' warning: $(cat "$work/err")"
grep -qx 'samples/adults-2024-q3.xml:233:9: warning: measure ASC13 is new: it is not in 2024-Q2' "$work/err" ||
	fail "quarterly: no 'is new' warning: $(cat "$work/err")"
tail -n 1 "$work/err" | grep -qx '0 errors, 2 warnings' || fail "quarterly: count $(tail -n 1 "$work/err")"
# A previous-source that is not there: the error render gives, at the
# attribute.
mkdir -p "$work/alone"
cp samples/adults-2024-q3.xml "$work/alone/"
run_validate "$work/alone/adults-2024-q3.xml"
[ "$status" -eq 1 ] || fail "missing previous quarter: exit $status"
{
	echo "$work/alone/adults-2024-q3.xml:133:18: error: previous-source=\"adults-2024-q2.xml\" names no file that can be read: $work/alone/adults-2024-q2.xml: No such file or directory"
} > "$work/expected"
check_diagnostics "$work/expected" "missing previous quarter"

# ---- usage ----
"$BIN" validate > /dev/null 2>&1
[ $? -eq 2 ] || fail "no FILE: exit status is not 2"
"$BIN" validate --frobnicate docs/source-format.xml > /dev/null 2>&1
[ $? -eq 2 ] || fail "unknown option: exit status is not 2"
"$BIN" validate --help > "$work/out" 2>&1 || fail "--help: exit status not 0"
grep -q '^usage: committee-pdf validate' "$work/out" || fail "--help: no usage line"
run_validate "$work/does-not-exist.xml"
[ "$status" -eq 1 ] || fail "missing file: exit $status"
grep -q 'does-not-exist.xml: error: cannot open: No such file or directory' "$work/err" ||
	fail "missing file: $(cat "$work/err")"

# ---- sizes generated here rather than committed ----
# One byte over SOURCE_MAX_BYTES (16 MiB), from a file and from a pipe.
{
	printf '<paper xmlns="urn:committee-pdf:paper:1">'
	head -c $((16777217 - 41 - 9)) /dev/zero | tr '\0' ' '
	printf '</paper>\n'
} > "$work/oversized.xml"
[ "$(wc -c < "$work/oversized.xml")" -eq 16777217 ] || fail "oversized.xml has the wrong size"
run_validate "$work/oversized.xml"
[ "$status" -eq 1 ] || fail "oversized: exit $status"
echo "$work/oversized.xml: error: the source is larger than 16777216 bytes (16 MiB); sources are refused above that size unless --max-size allows more (such as --max-size 64M)" > "$work/expected"
check_diagnostics "$work/expected" "oversized file"
timeout 20 "$BIN" validate - < "$work/oversized.xml" 2> "$work/err"
echo "<stdin>: error: the source is larger than 16777216 bytes (16 MiB); sources are refused above that size unless --max-size allows more (such as --max-size 64M)" > "$work/expected"
check_diagnostics "$work/expected" "oversized stdin"

# A text node one byte over SOURCE_MAX_TEXT_BYTES (1 MiB).
{
	printf '<paper xmlns="urn:committee-pdf:paper:1">\n  <cover>'
	head -c 1048577 /dev/zero | tr '\0' 'a'
	printf '</cover>\n</paper>\n'
} > "$work/huge-text.xml"
run_validate "$work/huge-text.xml"
[ "$status" -eq 1 ] || fail "huge text: exit $status"
echo "$work/huge-text.xml:2:10: error: text is longer than 1048576 bytes; sources are limited to 1048576 bytes of text between tags" > "$work/expected"
check_diagnostics "$work/expected" "huge text node"

# ---- hostile sizes that stay under the byte limit ----
# 100,000 items each with two problems: the report stops at 1,000 problems
# and the run stays fast (libxml2 must not rescan the tree per error).
paper_around() { # $1: items, one theme of an assessment
	printf '<paper xmlns="urn:committee-pdf:paper:1"><cover><authority>A</authority>'
	printf '<committee>C</committee><meeting-date>2024-02-22</meeting-date>'
	printf '<marking>M</marking><title>T</title><cabinet-member><name>N</name>'
	printf '</cabinet-member><director><name>D</name></director><service>S</service>'
	printf '<employee><name>E</name></employee><considered-by/></cover>'
	printf '<section><heading>H</heading></section><appendix><title>A</title>'
	printf '<assessment><scale><rating code="R" label="Red" standing="not-met"/>'
	printf '<rating code="G" label="Green" standing="met"/></scale><theme name="T">\n'
	cat "$1"
	printf '</theme></assessment></appendix></paper>\n'
}
awk 'BEGIN { for (i = 0; i < 100000; i++)
	printf "<item ref=\"X%06d\" rating=\"Q\" colour=\"red\"><characteristic>c</characteristic></item>\n", i }' \
	> "$work/bad-items"
paper_around "$work/bad-items" > "$work/many-problems.xml"
run_validate "$work/many-problems.xml"
[ "$status" -eq 1 ] || fail "many problems: exit $status"
grep -q "^$work/many-problems.xml: error: too many problems: only the first 999 are reported\$" "$work/err" ||
	fail "many problems: no 'too many problems' line"
tail -n 1 "$work/err" | grep -qx '1000 errors, 0 warnings' || fail "many problems: $(tail -n 1 "$work/err")"

# 150,000 valid items on one line: columns are counted once per line.
awk 'BEGIN { for (i = 0; i < 150000; i++)
	printf "<item ref=\"X%06d\" rating=\"G\"><characteristic>c</characteristic></item>", i }' \
	> "$work/good-items"
paper_around "$work/good-items" | tr -d '\n' > "$work/one-line.xml"
run_validate "$work/one-line.xml"
[ "$status" -eq 0 ] || { fail "one-line paper: exit $status"; head -n 3 "$work/err"; }

# A 900 kB rating code and a 900 kB date: quoted short, still explained
# (libxml2 cuts its own message before naming the type).
{
	printf '<item ref="X1" rating="'
	head -c 900000 /dev/zero | tr '\0' 'a'
	printf '"><characteristic>c</characteristic><due>2024-06-3'
	head -c 900000 /dev/zero | tr '\0' '0'
	printf '</due></item>\n'
} > "$work/huge-values"
paper_around "$work/huge-values" > "$work/huge-values.xml"
run_validate "$work/huge-values.xml"
[ "$status" -eq 1 ] || fail "huge values: exit $status"
{
	echo "$work/huge-values.xml:2:16: error: rating=\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…\" on <item> is too long"
	echo "$work/huge-values.xml:2:900060: error: <due> \"2024-06-30000000000000000000000000000000…\" is not a real date (expected YYYY-MM-DD)"
} > "$work/expected"
check_diagnostics "$work/expected" "huge values"

# ---- nothing outside the source is read, nothing is sent ----
if command -v strace > /dev/null 2>&1 &&
	strace -f -qq -e trace=openat -o "$work/probe" true 2> /dev/null; then
	# A valid paper whose xsi:schemaLocation names other files: never followed.
	sed 's|<paper xmlns="urn:committee-pdf:paper:1"|& xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:committee-pdf:paper:1 /etc/passwd" xsi:noNamespaceSchemaLocation="http://example.com/x.xsd"|' \
		docs/source-format.xml > "$work/xsi.xml"
	grep -q 'xsi:schemaLocation' "$work/xsi.xml" || fail "xsi.xml was not made"
	strace -f -qq -e trace=open,openat,connect,socket -o "$work/trace" \
		"$BIN" validate tests/bad/xxe-file-read.xml tests/bad/external-dtd-file.xml \
		tests/bad/external-dtd-network.xml docs/source-format.xml "$work/xsi.xml" \
		> /dev/null 2>&1
	grep -q 'tests/bad/xxe-file-read.xml' "$work/trace" || fail "strace saw no source being opened"
	if grep -E 'connect\(|socket\(' "$work/trace" > /dev/null; then
		fail "validate used the network:"
		grep -E 'connect\(|socket\(' "$work/trace" | sed 's/^/    /'
	fi
	# Shared libraries, the sources named, the shipped schemas and
	# catalogues of words, the shipped house style they name (its palette
	# colours their ratings), and the images the sources' figures name
	# (librsvg reads the locale aliases); nothing else.
	grep -E 'open(at)?\(' "$work/trace" | grep -v ENOENT |
		sed -n 's/^[^"]*"\([^"]*\)".*/\1/p' |
		grep -Ev '\.so(\.[0-9.]+)?$|^/etc/ld\.so\.cache$|^/proc/filesystems$|^/proc/self/|/usr/lib/locale/|^/usr/share/locale/locale\.alias$|\.xsd$|/words(/[A-Za-z-]+\.xml)?$' |
		grep -Ev '/layouts/committee-report\.xml$' |
		grep -Ev '^(tests/bad/(xxe-file-read|external-dtd-file|external-dtd-network)\.xml|docs/source-format(-q1)?\.xml|docs/source-format-measures\.csv|docs/ward-map\.svg)$' |
		grep -vxF "$work/xsi.xml" \
		> "$work/unexpected"
	if [ -s "$work/unexpected" ]; then
		fail "validate opened files other than the sources and schemas:"
		sed 's/^/    /' "$work/unexpected"
	fi
	grep -q '/etc/passwd' "$work/trace" && fail "validate opened /etc/passwd"
else
	echo "strace unavailable here: the /etc/passwd output check stands alone"
fi

finish
