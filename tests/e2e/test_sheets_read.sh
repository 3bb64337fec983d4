#!/bin/sh
# Appendix rows read from workbooks give exactly the model the same rows
# written in XML give: the same display list, for .xlsx written as Excel
# writes it (openpyxl), an .xlsx put together from inline strings, rich
# text and cached formula values, an .ods and a .csv. Headings by their
# synonyms, ratings by label or code in any case, dates as date cells, text
# and serials, percentages as percent cells, merged cells and hidden rows.
. tests/e2e/lib_sheets.sh
make_workbooks
b=$work/books

# ---- an assessment from .xlsx ----
assessment_paper "$b/assessment.xml" 'src="assessment.xlsx" sheet="Self Assessment"'
assessment_paper "$b/assessment-xml.xml" '' '
      <theme ref="CI" name="Continuous Improvement">
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
        <item ref="GV002" rating="B">
          <characteristic>Members are trained</characteristic>
          <evidence>All trained</evidence>
        </item>
      </theme>'
check "assessment.xlsx gives the XML's display list" same_dump "$b/assessment.xml" "$b/assessment-xml.xml"
cat > "$work/expected" <<EOF2
$b/assessment.xlsx:'Self Assessment'!K1: note: column not used: "Notes" (K1)
$b/assessment.xlsx:'Self Assessment'!A6: note: 1 hidden row, the first here, is read like the others
0 errors, 0 warnings
EOF2
check "an unused column and a hidden row are notes" says "$b/assessment.xml" "$work/expected"

# ---- measures from .xlsx, .ods and .csv ----
measures_xml='
      <group name="Housing">
        <measure ref="H01" unit="%" polarity="higher" target="90" actual="92" previous="88">
          <name>Repairs completed on time</name>
        </measure>
        <measure ref="H02" unit="days" polarity="lower" target="20" tolerance="10" actual="21.5" previous="23">
          <name>Average days to relet a home</name>
        </measure>
        <measure ref="H03" unit="%" polarity="higher" target="95" actual="80" previous="85">
          <name>Rent collected</name>
          <commentary>Arrears rose</commentary>
        </measure>
        <measure ref="H05" kind="context" unit="number" polarity="higher" actual="1240" previous="1100">
          <name>Households on the housing register</name>
        </measure>
      </group>'
performance_paper "$b/measures-xml.xml" '' "$measures_xml"
performance_paper "$b/measures.xml" 'src="measures.xlsx"'
check "measures.xlsx (percent cells) gives the XML's display list" same_dump "$b/measures.xml" "$b/measures-xml.xml"
# The ODS has no commentary: the XML without it.
performance_paper "$b/measures-ods-xml.xml" '' "$(echo "$measures_xml" | grep -v commentary)"
performance_paper "$b/measures-ods.xml" 'src="measures.ods" sheet="measures"'
check "measures.ods gives the XML's display list" same_dump "$b/measures-ods.xml" "$b/measures-ods-xml.xml"
{ printf '\357\273\277'; printf '%s\r\n' 'Group,Ref,Measure,Unit,Polarity,Kind,Target,Tolerance,Actual,Previous,Commentary' \
	'Housing,H01,Repairs completed on time,%,higher,,90%,,92%,88%,' \
	'Housing,H02,"Average days to relet
a home",days,lower,,20,10,21.5,23,' \
	'Housing,H03,Rent collected,%,higher,,95,,80,85,"Arrears rose"' \
	'Housing,H05,Households on the housing register,number,higher,context,,,"1,240",1100,'; } > "$b/measures.csv"
performance_paper "$b/measures-csv.xml" 'src="measures.csv"'
check "measures.csv (BOM, CRLF, quoted line break) gives the XML's display list" \
	same_dump "$b/measures-csv.xml" "$b/measures-xml.xml"

assessment_paper "$b/dates-ods.xml" 'src="dates.ods" sheet="Measures"'
assessment_paper "$b/dates-ods-xml.xml" '' '
      <theme name="Gov">
        <item ref="CI001" rating="G"><characteristic>Open</characteristic><due>2024-06-30</due></item>
        <item ref="CI002" rating="A"><characteristic>Shut</characteristic><due>2025-03-31</due></item>
        <item ref="CI003" rating="R"><characteristic>Ajar</characteristic><due>2024-12-31</due></item>
      </theme>'
check "dates.ods (date cells with and without a time, a typed date) as the XML" \
	same_dump "$b/dates-ods.xml" "$b/dates-ods-xml.xml"

# ---- parts openpyxl does not write ----
assessment_paper "$b/parts.xml" 'src="parts.xlsx"'
assessment_paper "$b/parts-xml.xml" '' '
      <theme name="Governance">
        <item ref="GV001" rating="G"><characteristic>Open decisions</characteristic></item>
        <item ref="GV002" rating="B"><characteristic>Members trained</characteristic>
          <evidence>TRUE</evidence></item>
      </theme>'
check "inline strings, rich text, cached formula values, booleans as the XML" \
	same_dump "$b/parts.xml" "$b/parts-xml.xml"
cat > "$work/expected" <<EOF2
$b/parts.xml:21:27: note: sheet "Assessment" of $b/parts.xlsx is hidden; it is read like any other
0 errors, 0 warnings
EOF2
check "a hidden sheet is a note" says "$b/parts.xml" "$work/expected"

# ---- <column> names a heading that is no synonym ----
assessment_paper "$b/custom.xml" 'src="custom-heading.xlsx"' '<column field="rating" header="rag status (q2)"/>'
assessment_paper "$b/custom-xml.xml" '' '
      <theme name="Governance">
        <item ref="CI001" rating="G"><characteristic>Open decisions</characteristic></item>
      </theme>'
check "<column field= header=> reads a heading of its own" same_dump "$b/custom.xml" "$b/custom-xml.xml"

# ---- <ref to> and see= reach workbook rows ----
assessment_paper "$b/refs.xml" 'src="assessment.xlsx" sheet="Self Assessment"'
sed -i 's|<para>The appendix reads its rows from a workbook.</para>|<para>See <ref to="CI002">CI002</ref>.</para>|' "$b/refs.xml"
"$BIN" validate "$b/refs.xml" > /dev/null 2>&1
check "<ref to> a workbook row's ref resolves" [ $? -eq 0 ]
finish
