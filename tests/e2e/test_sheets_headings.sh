#!/bin/sh
# Every heading issue 13 names for a column finds its field through the
# reader: the same rows under each heading (case and spacing changed in
# one round) give the display list of the rows written in XML. The
# headings are listed here, as councils write them, not taken from
# sheet_fields.c, so the table cannot drop one unseen.
. tests/e2e/lib_sheets.sh
b=$work/books
mkdir -p "$b"

# csv FILE HEADING|HEADING|… ROW…: a CSV file of the headings and rows.
csv() {
	out=$1
	echo "$2" | tr '|' ',' > "$out"
	shift 2
	printf '%s\n' "$@" >> "$out"
}

assessment_rows() {
	csv "$1" "$2" \
		'Governance,GV001,Decisions are open,Green,A,Minutes published,Publish more,Head of Policy,2024-06-30' \
		',GV002,Members are trained,R,,,Train them,,2025-03-31'
}
assessment_paper "$b/assessment-xml.xml" '' '
      <theme name="Governance">
        <item ref="GV001" rating="G" previous="A">
          <characteristic>Decisions are open</characteristic>
          <evidence>Minutes published</evidence>
          <actions>Publish more</actions>
          <owner>Head of Policy</owner>
          <due>2024-06-30</due>
        </item>
        <item ref="GV002" rating="R">
          <characteristic>Members are trained</characteristic>
          <actions>Train them</actions>
          <due>2025-03-31</due>
        </item>
      </theme>'
round=0
for headings in \
	'Theme|Ref|Characteristic|RAG|Previous|Evidence|Actions|Owner|Due' \
	'Theme|Reference|Characteristic|Rating|Previous rating|Evidence|Actions|Lead officer|Timescale' \
	'THEME|  reference |characteristic|RAG status|previous  RATING|EVIDENCE|actions|LEAD OFFICER|timescale'
do
	round=$((round + 1))
	assessment_rows "$b/assessment-$round.csv" "$headings"
	assessment_paper "$b/assessment-$round.xml" "src=\"assessment-$round.csv\""
	check "assessment headings $headings" \
		same_dump "$b/assessment-$round.xml" "$b/assessment-xml.xml"
	check "  and no column left unread" sh -c "! grep -q 'not used' '$work/a.err'"
done

measure_rows() {
	csv "$1" "$2" \
		'Housing,H01,Repairs completed on time,%,higher,90,,92,88,Fewer late jobs' \
		',H02,Average days to relet a home,days,lower,20,10,21.5,23,'
}
performance_paper "$b/measures-xml.xml" '' '
      <group name="Housing">
        <measure ref="H01" unit="%" polarity="higher" target="90" actual="92" previous="88">
          <name>Repairs completed on time</name>
          <commentary>Fewer late jobs</commentary>
        </measure>
        <measure ref="H02" unit="days" polarity="lower" target="20" tolerance="10" actual="21.5" previous="23">
          <name>Average days to relet a home</name>
        </measure>
      </group>'
round=0
for headings in \
	'Group|Ref|Measure|Unit|Polarity|Target|Tolerance|Actual|Previous|Commentary' \
	'Theme|Reference|Indicator|Unit|Good is|Target|Tolerance|Actual|Previous|Commentary' \
	'  theme|REF|indicator|UNIT|good   IS|target|TOLERANCE|actual|PREVIOUS|commentary '
do
	round=$((round + 1))
	measure_rows "$b/measures-$round.csv" "$headings"
	performance_paper "$b/measures-$round.xml" "src=\"measures-$round.csv\""
	check "measure headings $headings" \
		same_dump "$b/measures-$round.xml" "$b/measures-xml.xml"
	check "  and no column left unread" sh -c "! grep -q 'not used' '$work/a.err'"
done
finish
