# Sourced by the template tests: facts about a workbook (template_facts.py,
# read with Debian's python3-openpyxl) and a source's twin whose rows come
# from a workbook.
. tests/e2e/lib_sheets.sh

# facts FILE.xlsx: what the workbook holds, one fact a line.
facts() {
	"$PYTHON" tests/e2e/template_facts.py "$1"
}

# has_fact FACTS LINE: FACTS (a file) holds LINE exactly.
has_fact() {
	grep -qxF "$2" "$1" || { echo "no line: $2"; sed 's/^/  /' "$1"; return 1; }
}

# workbook_twin SOURCE OUT.xml BOOK.xlsx SHEET: SOURCE with its first
# <assessment> or <performance> taking its rows from BOOK.xlsx (SHEET).
workbook_twin() {
	"$PYTHON" - "$1" "$2" "$3" "$4" <<'PY'
import re, sys
source, out, book, sheet = sys.argv[1:]
text = open(source, encoding="utf-8").read()
text, n = re.subn(r"<(assessment|performance)\b([^>]*)>",
                  lambda m: '<%s%s src="%s" sheet="%s">' % (m.group(1), m.group(2), book, sheet),
                  text, count=1)
assert n == 1, "no block"
text = re.sub(r"\s*<(theme|group)\b.*?</\1>", "", text, flags=re.S)
open(out, "w", encoding="utf-8").write(text)
PY
}
