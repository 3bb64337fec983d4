#!/bin/sh
# The README's way for an officer: write the empty template, fill it in as
# Excel would (tests/e2e/template_fill.py: openpyxl saves it again, keeping
# its dropdowns), name it in the source and build the paper. It gives the
# paper of the same rows written in XML, and the dropdowns survive the save.
. tests/e2e/lib_template.sh

check "an empty assessment template" "$BIN" template assessment -o "$work/self-assessment.xlsx"
check "filled in as Excel would" "$PYTHON" tests/e2e/template_fill.py assessment \
	"$work/self-assessment.xlsx"
facts "$work/self-assessment.xlsx" > "$work/a.facts"
check "the rating dropdown survives the save" has_fact "$work/a.facts" \
	'validation Rating list - "R,A,G,B,Red,Amber,Green,Blue" - stop prompt'
assessment_paper "$work/paper.xml" 'src="self-assessment.xlsx"'
assessment_paper "$work/paper-xml.xml" '' '
      <theme ref="CI" name="Continuous Improvement">
        <description>Make effective arrangements</description>
        <item ref="CI001" rating="G" previous="A">
          <characteristic>A clear understanding of performance</characteristic>
          <evidence>Quarterly reports</evidence>
          <owner>Head of Policy</owner>
          <due>2024-06-30</due>
        </item>
        <item ref="CI002" rating="A">
          <characteristic>Improvement is planned</characteristic>
          <evidence>Plans exist</evidence>
          <actions>Refresh the plan</actions>
          <owner>Chief Executive</owner>
          <due>2025-03-31</due>
        </item>
      </theme>
      <theme ref="GV" name="Governance">
        <item ref="GV001" rating="R" previous="R">
          <characteristic>Decisions are open</characteristic>
          <actions>Publish decisions</actions>
          <due>2024-12-31</due>
        </item>
        <item ref="GV002" rating="B" see="GV001">
          <characteristic>Members are trained</characteristic>
          <evidence>All trained</evidence>
        </item>
      </theme>'
check "validate finds nothing to say" sh -c \
	"'$BIN' validate '$work/paper.xml' 2>&1 | grep -qx '0 errors, 0 warnings'"
check "the filled template gives the XML rows' display list" \
	same_dump "$work/paper.xml" "$work/paper-xml.xml"
check "and a PDF" "$BIN" render "$work/paper.xml" -o "$work/paper.pdf"

check "an empty performance template" "$BIN" template performance -o "$work/q3.xlsx"
check "filled in as Excel would" "$PYTHON" tests/e2e/template_fill.py performance "$work/q3.xlsx"
performance_paper "$work/q3.xml" 'src="q3.xlsx" sheet="Measures"'
performance_paper "$work/q3-xml.xml" '' '
      <group name="Housing">
        <measure ref="H01" unit="%" polarity="higher" target="90" actual="92" previous="88">
          <name>Repairs completed on time</name>
        </measure>
        <measure ref="H02" unit="days" polarity="lower" target="20" tolerance="10" actual="21.5" previous="23">
          <name>Average days to relet a home</name>
          <commentary>Voids rose</commentary>
          <owner>Head of Housing</owner>
        </measure>
        <measure ref="H05" kind="context" unit="number" polarity="higher" actual="1240" previous="1100">
          <name>Households on the register</name>
        </measure>
      </group>'
check "the filled measures give the XML rows' display list" \
	same_dump "$work/q3.xml" "$work/q3-xml.xml"
finish
