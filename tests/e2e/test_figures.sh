#!/bin/sh
# Plain tables, figures and the logo through the whole program: the budget
# sample's appendix table repeats its heading on every page it reaches while
# the structure holds it once, with column scope and a spanning cell; the
# ward review's map and cover logo are Figures with their alternative text;
# every paper passes committee-pdf check; a figure in a folder given with
# --allow-dir is read, and the same one without it is an error at its src.
set -u
. tests/e2e/lib.sh

budget=samples/budget-monitoring-2024-q2.xml
"$BIN" render "$budget" -o "$work/budget.pdf" 2> "$work/budget.err"
check "budget sample renders" test $? -eq 0
pdfinfo -struct-text "$work/budget.pdf" > "$work/budget.struct" 2>/dev/null
pdftotext "$work/budget.pdf" "$work/budget.txt"
check "money printed with £, commas and brackets" \
	grep -q '(£2,500,000)' "$work/budget.txt"
check "£m to one decimal" grep -q '^312\.3$' "$work/budget.txt"
shown=$(grep -c '^Service$' "$work/budget.txt")
tagged=$(grep -c '^ *"Service"$' "$work/budget.struct")
check "appendix heading on every page it reaches ($shown shown)" test "$shown" -ge 2
check "appendix heading once in the structure ($tagged)" test "$tagged" -eq 1
"$BIN" check "$work/budget.pdf" > "$work/budget.check" 2>&1
check "budget sample passes committee-pdf check" test $? -eq 0
/usr/bin/python3 - "$work/budget.pdf" > "$work/budget.attrs" 2>&1 <<'PY'
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
spans, scopes = 0, set()
def walk(node, depth=0):
    global spans
    if depth > 200 or not isinstance(node, pikepdf.Dictionary):
        return
    a = node.get('/A')
    if isinstance(a, pikepdf.Dictionary):
        if '/ColSpan' in a and int(a.ColSpan) == 4:
            spans += 1
        if '/Scope' in a:
            scopes.add(str(a.Scope))
    kids = node.get('/K')
    if isinstance(kids, pikepdf.Array):
        for k in kids:
            walk(k, depth + 1)
    else:
        walk(kids, depth + 1)
walk(pdf.Root.StructTreeRoot)
print("spans", spans, "scopes", " ".join(sorted(scopes)))
PY
check "group rows span four columns" grep -q '^spans 2 ' "$work/budget.attrs"
check "TH with column and row scope" grep -q 'scopes /Column /Row' "$work/budget.attrs"

ward=samples/ward-review-2024.xml
"$BIN" render "$ward" -o "$work/ward.pdf" 2> "$work/ward.err"
check "ward review renders" test $? -eq 0
"$BIN" check "$work/ward.pdf" > "$work/ward.check" 2>&1
check "ward review passes committee-pdf check" test $? -eq 0
/usr/bin/python3 - "$work/ward.pdf" > "$work/ward.alts" 2>&1 <<'PY'
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
def walk(node, depth=0):
    if depth > 200 or not isinstance(node, pikepdf.Dictionary):
        return
    if node.get('/S') == '/Figure' and '/Alt' in node:
        print(str(node.Alt))
    kids = node.get('/K')
    for k in (kids if isinstance(kids, pikepdf.Array) else [kids]):
        walk(k, depth + 1)
walk(pdf.Root.StructTreeRoot)
PY
check "the cover logo is a Figure with its alt" grep -qx 'Sample Council logo' "$work/ward.alts"
check "the map is a Figure with its alt" grep -q "^Map of the borough's five draft wards" "$work/ward.alts"

# A figure in a folder beside the source's: refused, unless allowed.
mkdir -p "$work/paper" "$work/images"
cp tests/layout/bars.png "$work/images/"
sed 's|src="bars.png"|src="../images/bars.png"|' tests/layout/figures.xml \
	| sed 's|src="divider.svg"|src="../images/bars.png"|; s|src="wide-banner.png"|src="../images/bars.png"|g' \
	> "$work/paper/figures.xml"
"$BIN" render "$work/paper/figures.xml" -o "$work/refused.pdf" 2> "$work/refused.err"
check "a figure outside the folder: exit 1" test $? -eq 1
check "a figure outside the folder: no PDF" test ! -e "$work/refused.pdf"
check "a figure outside the folder: error at its src" \
	grep -q "figures.xml:[0-9]*:[0-9]*: error: src=\"../images/bars.png\" leads out of the source's folder" "$work/refused.err"
"$BIN" render --allow-dir "$work/images" "$work/paper/figures.xml" -o "$work/allowed.pdf" 2> "$work/allowed.err"
check "--allow-dir lets it be read" test $? -eq 0 -a -s "$work/allowed.pdf"
finish
