# Sourced by the workbook tests: papers whose appendix rows come from a
# workbook, and the workbooks themselves (tests/e2e/workbooks.py, written
# into $work/books by Debian's python3 with python3-openpyxl).
[ -n "${work:-}" ] || . tests/e2e/lib.sh

PYTHON=${PYTHON:-/usr/bin/python3}

# make_workbooks: every test workbook into $work/books.
make_workbooks() {
	"$PYTHON" tests/e2e/workbooks.py "$work/books" || fail "workbooks.py failed"
}

# paper_head FILE: the cover and a section, up to the appendix.
paper_head() {
	cat > "$1" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<paper xmlns="urn:committee-pdf:paper:1" xml:lang="en-GB" layout="committee-report">
  <cover>
    <authority>Borough Council of Northfield</authority>
    <committee>Audit and Standards Committee</committee>
    <meeting-date>2024-06-12</meeting-date>
    <marking>PUBLIC [NOT PROTECTIVELY MARKED]</marking>
    <title>Rows from a workbook</title>
    <cabinet-member><name>Councillor Amir Shah</name></cabinet-member>
    <director><name>Sam Okafor</name></director>
    <service>Corporate Performance</service>
    <employee><name>Ruth Evans</name></employee>
    <considered-by/>
  </cover>
  <section id="intro">
    <heading>Purpose</heading>
    <para>The appendix reads its rows from a workbook.</para>
  </section>
XML
}

# assessment_paper FILE ATTRIBUTES [INSIDE]: an assessment appendix whose
# <assessment> carries ATTRIBUTES (src=…, sheet=…) and holds INSIDE after
# its scale (<column/> elements, or themes).
assessment_paper() {
	paper_head "$1"
	cat >> "$1" <<XML
  <appendix id="bv" landscape="yes">
    <title>Self-assessment</title>
    <assessment id="self" $2>
      <scale>
        <rating code="R" label="Red" standing="not-met">Not met</rating>
        <rating code="A" label="Amber" standing="partly">Partly met</rating>
        <rating code="G" label="Green" standing="met">Met</rating>
        <rating code="B" label="Blue" standing="complete">Complete</rating>
      </scale>
      ${3:-}
    </assessment>
  </appendix>
</paper>
XML
}

# performance_paper FILE ATTRIBUTES [INSIDE]: the same for measures.
performance_paper() {
	paper_head "$1"
	cat >> "$1" <<XML
  <appendix id="perf" landscape="yes">
    <title>Quarter 2 performance</title>
    <performance id="q2" period="2024-Q2" tolerance="5" $2>
      <scale>
        <rating code="G" label="On target" standing="met">On or better than target</rating>
        <rating code="A" label="Within tolerance" standing="partly">Within tolerance</rating>
        <rating code="R" label="Off target" standing="not-met">Beyond tolerance</rating>
        <rating code="ND" label="No data" standing="no-data">No data this quarter</rating>
      </scale>
      ${3:-}
    </performance>
  </appendix>
</paper>
XML
}

# same_dump A.xml B.xml: both sources give the same display list.
same_dump() {
	SOURCE_DATE_EPOCH=1700000000 "$BIN" render --dump-layout "$1" > "$work/a.json" 2> "$work/a.err" &&
		SOURCE_DATE_EPOCH=1700000000 "$BIN" render --dump-layout "$2" > "$work/b.json" 2> "$work/b.err" &&
		cmp -s "$work/a.json" "$work/b.json"
}

# says SOURCE EXPECTED: validate prints exactly EXPECTED (a file) on stderr.
says() {
	"$BIN" validate "$1" > /dev/null 2> "$work/said"
	if cmp -s "$2" "$work/said"; then
		return 0
	fi
	diff -u "$2" "$work/said" | sed 's/^/    /'
	return 1
}
