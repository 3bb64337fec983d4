"""Workbooks for the end-to-end tests, written here rather than kept as
binary files: `python3 workbooks.py DIR` writes every one of them into DIR.

Realistic workbooks are written with openpyxl, as Excel would write them;
the ones that need a part openpyxl cannot write (inline strings, rich text,
formula errors, hostile parts) are put together from their XML with
zipfile. Run by /usr/bin/python3 (Debian's python3-openpyxl)."""
import datetime
import os
import sys
import zipfile

import openpyxl
from openpyxl.styles import numbers

OUT = sys.argv[1]


def path(name):
    return os.path.join(OUT, name)


# ---- realistic workbooks (openpyxl) ----

def assessment_xlsx():
    """Headings by synonym, a theme row, a merged theme cell, labels and
    codes in either case, dates as date cells, as text and as serials, a
    hidden row, an unused column, a second sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Notes"
    ws["A1"] = "This sheet is not read"
    ws = wb.create_sheet("Self Assessment")
    ws.append(["Theme", "Theme code", "Reference", "Characteristic", "RAG status",
               "Previous RAG", "Evidence of compliance", "Next steps",
               "Lead officer", "Timescale", "Notes"])
    ws.append(["Continuous Improvement", "CI"])
    ws.append([None, None, "CI001", "A clear understanding of performance",
               "Green", "a", "Quarterly reports", None, "Head of Policy",
               datetime.date(2024, 6, 30), "ignored"])
    ws.append([None, None, "CI002", "Improvement is planned", "A", None,
               "Plans exist", "Refresh the plan", "Chief Executive",
               "31/03/2025", None])
    ws.append(["Governance", "GV", "GV001", "Decisions are open", "r", "R",
               None, "Publish decisions", None, 45657, None])
    ws.append([None, None, "GV002", "Members are trained", "blue", None,
               "All trained", None, None, None, None])
    ws.merge_cells("A5:A6")
    ws.row_dimensions[6].hidden = True
    ws["J3"].number_format = numbers.FORMAT_DATE_DDMMYY
    wb.save(path("assessment.xlsx"))


def measures_xlsx():
    """Percentages as percent-formatted cells, numbers, a context measure,
    polarity in words."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Measures"
    ws.append(["Directorate", "PI ref", "Indicator", "Unit", "Good is",
               "Kind", "Target", "Tolerance %", "Outturn", "Last quarter",
               "Comments"])
    ws.append(["Housing", "H01", "Repairs completed on time", "%",
               "Higher is better", None, 0.9, None, 0.92, 0.88, None])
    ws.append([None, "H02", "Average days to relet a home", "days",
               "Lower is better", None, 20, 0.1, 21.5, 23, None])
    ws.append([None, "H03", "Rent collected", "%", "higher", None, 95, None,
               80, 85, "Arrears rose"])
    ws.append([None, "H05", "Households on the housing register", "number",
               "higher", "Contextual", None, None, 1240, 1100, None])
    for cell in ("G2", "I2", "J2", "H3"):
        ws[cell].number_format = numbers.FORMAT_PERCENTAGE
    wb.save(path("measures.xlsx"))


def simple(name, header, rows, sheet="Assessment", edit=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(header)
    for row in rows:
        ws.append(row)
    if edit:
        edit(ws)
    wb.save(path(name))


HEADER = ["Theme", "Ref", "Characteristic", "Rating", "Due"]


def error_workbooks():
    simple("bad-rating.xlsx", HEADER, [
        ["Governance", "CI001", "Open decisions", "G", None],
        [None, "CI004", "Trained members", "Gren", None]])
    simple("no-cached-value.xlsx", HEADER, [
        ["Governance", "CI001", "Open decisions", "=IF(1,\"G\",\"R\")", None]])
    simple("bad-values.xlsx", HEADER, [
        ["Governance", "CI001", "Open decisions", "G", "31/02/2024"],
        [None, "CI 002", "Trained members", "G", None],
        [None, "CI001", "Again", "A", None],
        [None, "CI003", None, "A", None]])
    simple("missing-column.xlsx", ["Theme", "Reference", "RAG"], [
        ["Governance", "CI001", "G"]])
    simple("two-columns.xlsx", ["Theme", "Ref", "Characteristic", "RAG", "Rating"], [
        ["Governance", "CI001", "Open decisions", "G", "G"]])
    simple("no-theme.xlsx", HEADER, [
        [None, "CI001", "Open decisions", "G", None]])
    simple("empty-sheet.xlsx", [], [])
    simple("header-only.xlsx", HEADER, [])
    simple("measures-bad.xlsx",
           ["Group", "Ref", "Measure", "Polarity", "Target", "Actual"],
           [["Housing", "H01", "Repairs", "sideways", "n/a", 5]],
           sheet="Measures")
    # Each kind of value wrong once, beside two columns nobody reads.
    simple("value-errors.xlsx", ["Theme", "Ref", "Characteristic", "Rating",
                                 "Previous rating", "Due", "See", "Notes",
                                 "Comments"], [
        ["Gov", "CI001", "Open", "G", "Purple", None, "CI009", "x", "y"],
        [None, "CI002", "Closed", "A", None, "2024-13-01", None, None, None]])
    simple("measure-errors.xlsx",
           ["Group", "Ref", "Measure", "Polarity", "Kind", "Target", "Tolerance",
            "Actual", "Previous rating", "History 2024-Q1"],
           [["Housing", "H01", "Repairs", "higher", "sometimes", 90, -5, 80,
             "Gren", "lots"]], sheet="Measures")
    simple("custom-heading.xlsx", ["Theme", "Ref", "Characteristic", "RAG Status (Q2)"], [
        ["Governance", "CI001", "Open decisions", "Green"]])
    simple("duplicate-of-xml.xlsx", HEADER, [
        ["Governance", "intro", "Clashes with an id of the paper", "G", None]])
    simple("too-many-columns.xlsx", HEADER, [
        ["Governance", "CI001", "Open decisions", "G", None]],
        edit=lambda ws: ws.cell(row=2, column=257, value="far out"))


# ---- workbooks put together from their parts ----

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Assessment" sheetId="1" r:id="rId1"%s/></sheets></workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="%s"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""
SHEET = """<?xml version="1.0" encoding="UTF-8"?>%s
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData>%s</worksheet>"""


def raw_xlsx(name, rows_xml, strings_xml="", merges="", doctype="",
             target="worksheets/sheet1.xml", sheet_part=None, hidden=False,
             extra=None):
    with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml",
                   WORKBOOK % (' state="hidden"' if hidden else ""))
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS % target)
        z.writestr("xl/sharedStrings.xml",
                   '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.'
                   'org/spreadsheetml/2006/main">%s</sst>' % strings_xml)
        z.writestr(sheet_part or "xl/worksheets/sheet1.xml",
                   SHEET % (doctype, rows_xml, merges))
        for part, data in (extra or []):
            z.writestr(part, data)


def inline(ref, text):
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, text)


HEADER_ROW = ('<row r="1">' + inline("A1", "Theme") + inline("B1", "Ref") +
              inline("C1", "Characteristic") + inline("D1", "Rating") + '</row>')


def raw_workbooks():
    # Inline strings, rich text runs with a phonetic run, a string formula
    # with its cached value, an escaped character, a hidden sheet.
    strings = ('<si><r><t>Open </t></r><r><rPr><b/></rPr><t>decisions</t></r>'
               '<rPh sb="0" eb="1"><t>ignored</t></rPh></si>')
    rows = (HEADER_ROW.replace('</row>', inline("E1", "Evidence") + '</row>') +
            '<row r="2">' + inline("A2", "Governance") + inline("B2", "GV001") +
            '<c r="C2" t="s"><v>0</v></c><c r="D2" t="str"><f>"G"</f><v>G</v></c></row>'
            '<row r="3">' + inline("B3", "GV002") +
            inline("C3", "Members_x0020_trained") + inline("D3", "b") +
            '<c r="E3" t="b"><v>1</v></c></row>')
    raw_xlsx("boolean-rating.xlsx", HEADER_ROW + '<row r="2">' + inline("A2", "Gov") +
             inline("B2", "GV001") + inline("C2", "Open") +
             '<c r="D2" t="b"><v>1</v></c></row>')
    raw_xlsx("parts.xlsx", rows, strings, hidden=True)
    raw_xlsx("formula-error.xlsx", HEADER_ROW + '<row r="2">' + inline("A2", "Gov") +
             inline("B2", "GV001") + inline("C2", "Open") +
             '<c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>')
    # "nan" and "inf" are numbers to strtod, to no spreadsheet.
    raw_xlsx("not-finite.xlsx", '<row r="1">' + "".join(
        inline("%s1" % c, t) for c, t in zip("ABCDEF", (
            "Group", "Ref", "Measure", "Polarity", "Target", "Actual"))) +
        '</row><row r="2">' + inline("A2", "Housing") + inline("B2", "H01") +
        inline("C2", "Repairs") + inline("D2", "higher") +
        '<c r="E2"><v>nan</v></c><c r="F2"><v>-inf</v></c></row>')
    raw_xlsx("doctype.xlsx", HEADER_ROW,
             doctype='<!DOCTYPE worksheet [<!ENTITY lol "lol">]>')
    raw_xlsx("dotdot.xlsx", HEADER_ROW, extra=[("../../outside.xml", "<x/>")])
    raw_xlsx("target-out.xlsx", HEADER_ROW, target="../../etc/passwd")
    # A zip bomb: a sheet part that inflates past the part limit (256 MiB).
    with zipfile.ZipFile(path("bomb.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK % "")
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS % "worksheets/sheet1.xml")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            block = b" " * (1 << 20)
            for _ in range(257):
                part.write(block)
    # More rows than the limit (100,000).
    many = "".join('<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i)
                   for i in range(2, 100003))
    raw_xlsx("too-many-rows.xlsx", HEADER_ROW + many)
    # One 30,000-byte shared string in every cell: the text limit (128 MiB)
    # is passed in a part of a few kilobytes.
    cells = '<c t="s"><v>0</v></c>' * 100
    raw_xlsx("string-bomb.xlsx", HEADER_ROW + "".join(
        '<row r="%d">%s</row>' % (i, cells) for i in range(2, 52)),
        "<si><t>%s</t></si>" % ("y" * 30000))
    # Not workbooks, whatever their names say.
    with open(path("text.xlsx"), "w") as f:
        f.write("Theme,Ref\nGovernance,CI001\n")
    ole = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504)
    with open(path("old.xlsx"), "wb") as f:
        f.write(ole + "Workbook".encode("utf-16-le") + bytes(1024))
    with open(path("old.xls"), "wb") as f:
        f.write(ole + "Workbook".encode("utf-16-le") + bytes(1024))
    with open(path("encrypted.xlsx"), "wb") as f:
        f.write(ole + bytes(3000) + "EncryptedPackage".encode("utf-16-le") + bytes(100))
    with open(path("damaged.xlsx"), "wb") as f:
        f.write(b"PK\x03\x04" + bytes(40))
    os.link(path("assessment.xlsx"), path("zip.csv")) if not os.path.exists(
        path("zip.csv")) else None


# ---- OpenDocument ----

ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
 office:version="1.3"><office:body><office:spreadsheet>
<table:table table:name="Cover"><table:table-row><table:table-cell office:value-type="string"><text:p>Not read</text:p></table:table-cell></table:table-row></table:table>
<table:table table:name="Measures">
<table:table-row>%s</table:table-row>
%s
<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"""
MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">%s</manifest:file-entry>
</manifest:manifest>"""


def text_cell(text, extra=""):
    return ('<table:table-cell office:value-type="string"%s><text:p>%s</text:p>'
            '</table:table-cell>' % (extra, text))


def float_cell(value, kind="float"):
    return ('<table:table-cell office:value-type="%s" office:value="%s"><text:p>%s'
            '</text:p></table:table-cell>' % (kind, value, value))


def ods(name, header, rows, encrypted=False):
    with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"),
                   "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", MANIFEST % (
            '<manifest:encryption-data manifest:checksum-type="SHA1"/>'
            if encrypted else ""))
        z.writestr("content.xml", ODS_CONTENT % (header, rows))


def ods_bombs():
    """A few hundred bytes that say "this cell, a million times": the text
    repeated past the text limit, small cells past the cell limit, and a
    merged range that would fill past it."""
    header = "".join(text_cell(t) for t in ("Theme", "Ref", "Characteristic",
                                            "Rating"))
    many = ' table:number-columns-repeated="256"'
    ods("text-bomb.ods", header,
        '<table:table-row table:number-rows-repeated="99990">%s</table:table-row>'
        % text_cell("x" * 30000, many))
    ods("cell-bomb.ods", header,
        '<table:table-row table:number-rows-repeated="99990">%s</table:table-row>'
        % text_cell("x", many))
    ods("merge-bomb.ods", header,
        '<table:table-row>%s</table:table-row>'
        '<table:table-row table:number-rows-repeated="29999">%s</table:table-row>'
        % (text_cell("Gov", ' table:number-columns-spanned="256"'
                     ' table:number-rows-spanned="30000"'), text_cell("x")))


def ods_workbooks():
    header = "".join(text_cell(t) for t in (
        "Directorate", "Ref", "Measure", "Unit", "Polarity", "Kind", "Target",
        "Tolerance", "Actual", "Previous"))
    empty = '<table:table-cell/>'
    rows = [
        text_cell("Housing", ' table:number-rows-spanned="3"') +
        text_cell("H01") + text_cell("Repairs <text:span>completed</text:span>"
                                     "<text:s/>on time") +
        text_cell("%") + text_cell("higher") + empty +
        float_cell("0.9", "percentage") + empty +
        float_cell("0.92", "percentage") + float_cell("0.88", "percentage"),
        '<table:covered-table-cell/>' + text_cell("H02") +
        text_cell("Average days to relet a home<office:annotation><text:p>not "
                  "this</text:p></office:annotation>") +
        text_cell("days") + text_cell("lower") + empty + float_cell("20") +
        float_cell("0.1", "percentage") + float_cell("21.5") + float_cell("23"),
        '<table:covered-table-cell/>' + text_cell("H03") + text_cell("Rent collected") +
        text_cell("%") + text_cell("higher") + empty + float_cell("95") + empty +
        float_cell("80") + float_cell("85") +
        '<table:table-cell table:number-columns-repeated="1000"/>',
        '<table:table-cell/>' + text_cell("H05") +
        text_cell("Households on the housing register") + text_cell("number") +
        text_cell("higher") + text_cell("context") + empty + empty +
        float_cell("1240") + float_cell("1100"),
    ]
    body = "".join('<table:table-row>%s</table:table-row>' % r for r in rows[:3])
    body += ('<table:table-row table:number-rows-repeated="3"><table:table-cell '
             'table:number-columns-repeated="12"/></table:table-row>')
    body += '<table:table-row>%s</table:table-row>' % rows[3]
    ods("measures.ods", header, body)
    ods("encrypted.ods", header, "", encrypted=True)
    # Dates as LibreOffice saves them: a date cell (with or without a time)
    # whatever it shows, or text an officer typed.
    def date_cell(value, shown):
        return ('<table:table-cell office:value-type="date" office:date-value="%s">'
                '<text:p>%s</text:p></table:table-cell>' % (value, shown))
    ods("dates.ods", "".join(text_cell(t) for t in (
        "Theme", "Ref", "Characteristic", "Rating", "Due")),
        '<table:table-row>%s</table:table-row>' * 3 % (
            text_cell("Gov") + text_cell("CI001") + text_cell("Open") +
            text_cell("Green") + date_cell("2024-06-30", "30/06/2024"),
            empty + text_cell("CI002") + text_cell("Shut") + text_cell("a") +
            date_cell("2025-03-31T00:00:00", "31/03/25"),
            empty + text_cell("CI003") + text_cell("Ajar") + text_cell("R") +
            text_cell("31/12/2024")))
    # An ODS named .xlsx.
    os.link(path("measures.ods"), path("ods-named.xlsx"))


os.makedirs(OUT, exist_ok=True)
assessment_xlsx()
measures_xlsx()
error_workbooks()
raw_workbooks()
ods_workbooks()
ods_bombs()
