#!/bin/sh
# committee-pdf layouts: the listing, --dir, and every bad layout in
# tests/bad-layouts giving exactly the diagnostics in its .expected file.
set -u
. tests/e2e/lib.sh

"$BIN" layouts > "$work/list" 2> "$work/list.err"
check "layouts exits 0" test $? -eq 0
for name in committee-report committee-report-landscape-appendix quarterly-dashboard; do
	check "lists $name" grep -q "^$name " "$work/list"
	check "says where $name came from" grep -q "^    from .*/layouts/$name.xml\$" "$work/list"
done
check "lists titles" grep -q "Committee report (portrait A4)" "$work/list"

"$BIN" layouts --help > "$work/help"
check "--help exits 0" test $? -eq 0
check "--help names --dir" grep -q -- "--dir DIR" "$work/help"
"$BIN" layouts --bogus > /dev/null 2>&1
check "an unknown option is a usage error" test $? -eq 2

# A source folder's own layout is listed first and hides a shipped one of
# the same name; a paper in the folder is not mistaken for a layout.
mkdir -p "$work/src/layouts"
sed 's/name="committee-report"/name="council-brand"/' layouts/committee-report.xml \
	> "$work/src/layouts/council-brand.xml"
cp layouts/quarterly-dashboard.xml "$work/src/quarterly-dashboard.xml"
printf '<paper xmlns="urn:committee-pdf:paper:1"/>\n' > "$work/src/committee-report.xml"
"$BIN" layouts --dir "$work/src" > "$work/dirlist"
check "--dir lists the folder's layouts" grep -q "^council-brand " "$work/dirlist"
check "--dir says the folder's path" grep -q "from $work/src/layouts/council-brand.xml" "$work/dirlist"
first=$(grep -n "^council-brand " "$work/dirlist" | cut -d: -f1)
shipped=$(grep -n "^committee-report " "$work/dirlist" | cut -d: -f1)
check "--dir lists the folder first" test "$first" -lt "$shipped"
check "a shipped layout of the same name is marked hidden" \
	grep -q "^quarterly-dashboard .*(hidden by" "$work/dirlist"
check "a paper in the folder is not listed as a layout" \
	test "$(grep -c "^committee-report " "$work/dirlist")" -eq 1

for f in layouts/*.xml; do
	"$BIN" layouts --check --fonts-conf fonts/fonts.conf "$f" > "$work/out" 2>&1
	check "shipped $f checks clean" test $? -eq 0 -a ! -s "$work/out"
done

for f in tests/bad-layouts/*.xml; do
	expected=${f%.xml}.expected
	"$BIN" layouts --check --fonts-conf fonts/fonts.conf "$f" > /dev/null 2> "$work/got"
	status=$?
	if grep -q ': error: ' "$expected"; then want=1; else want=0; fi
	check "$f exits $want" test "$status" -eq "$want"
	if diff -u "$expected" "$work/got" > "$work/diff"; then
		echo "ok   $f diagnostics"
	else
		fail "$f diagnostics"; cat "$work/diff"
	fi
done

# A house style with a heading level twice used to crash the font check in
# render too: now a positioned error, exit 1 and no PDF.
"$BIN" render --layout tests/bad-layouts/duplicate-heading.xml \
	samples/best-value-2024.xml -o "$work/duplicate.pdf" 2> "$work/duplicate.err"
check "render with a heading level twice exits 1" test $? -eq 1
check "render names the repeated heading level" grep -q \
	'^tests/bad-layouts/duplicate-heading.xml:16:5: error: <heading level="1"> is given twice' \
	"$work/duplicate.err"
check "render with a heading level twice writes no PDF" test ! -e "$work/duplicate.pdf"

# --fonts-conf naming the folder instead of the file says so.
"$BIN" layouts --check --fonts-conf fonts layouts/committee-report.xml 2> "$work/folder.err"
check "a fonts.conf folder fails the check" test $? -eq 1
check "the error says the configuration is a folder" grep -qx \
	"fonts: error: the font configuration is a folder, not a file: name the fonts.conf file itself (committee-pdf ships fonts/fonts.conf)" \
	"$work/folder.err"

# A font configuration without Liberation: the shipped layout cannot be used,
# and the message says which family and which package.
cat > "$work/dejavu-only.conf" <<'CONF'
<?xml version="1.0"?>
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <cachedir prefix="xdg">fontconfig</cachedir>
</fontconfig>
CONF
"$BIN" layouts --check --fonts-conf "$work/dejavu-only.conf" layouts/committee-report.xml 2> "$work/nofont"
check "a missing family fails the check" test $? -eq 1
check "the error names the family and the package" grep -q \
	"error: font family 'Liberation Sans' named by layouts/committee-report.xml is not available: install Debian's fonts-liberation2" \
	"$work/nofont"
check "one error per missing family" test "$(grep -c 'error:' "$work/nofont")" -eq 1
finish
