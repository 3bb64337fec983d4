"""The first sheet of an .xlsx as an OpenDocument spreadsheet or a CSV file,
for the samples whose rows come from a LibreOffice or CSV workbook:

    /usr/bin/python3 convert.py BOOK.xlsx OUT.ods [SHEET]
    /usr/bin/python3 convert.py BOOK.xlsx OUT.csv

Text stays text and numbers stay numbers; the output is the same bytes for
the same workbook (fixed zip dates). Needs Debian's python3-openpyxl."""
import csv
import sys
import zipfile
from xml.sax.saxutils import escape

import openpyxl

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""

CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
<office:body><office:spreadsheet><table:table table:name="%s">%s</table:table></office:spreadsheet></office:body>
</office:document-content>"""


def shown(value):
    """A number as it reads: no trailing .0 on whole numbers."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def ods_cell(value):
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, (int, float)):
        return ('<table:table-cell office:value-type="float" office:value="%s">'
                "<text:p>%s</text:p></table:table-cell>" % (shown(value), shown(value)))
    return ('<table:table-cell office:value-type="string"><text:p>%s</text:p>'
            "</table:table-cell>" % escape(str(value)))


def entry(name):
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
    return info


def main():
    book, out = sys.argv[1], sys.argv[2]
    sheet = openpyxl.load_workbook(book).worksheets[0]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    if out.endswith(".csv"):
        with open(out, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\r\n")
            for row in rows:
                writer.writerow(["" if v is None else shown(v) for v in row])
        return
    name = sys.argv[3] if len(sys.argv) > 3 else sheet.title
    body = "".join("<table:table-row>%s</table:table-row>" % "".join(ods_cell(v) for v in row)
                   for row in rows)
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(entry("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr(entry("META-INF/manifest.xml"), MANIFEST)
        z.writestr(entry("content.xml"), CONTENT % (escape(name, {'"': "&quot;"}), body))


main()
