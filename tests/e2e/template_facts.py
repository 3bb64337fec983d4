"""Prints what a template workbook holds, one fact a line, for
test_template.sh to compare: `python3 template_facts.py FILE.xlsx`.
Read with openpyxl (Debian's python3-openpyxl), as an officer's Excel
would read the sheets, their frozen header, fonts, widths and data
validations."""
import datetime
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
print("sheets", "|".join(book.sheetnames))
ws = book.worksheets[0]
print("frozen", ws.freeze_panes)
header = [c.value for c in ws[1]]
print("header", "|".join(header))
print("bold", all(c.font.b for c in ws[1]))


def shown(value):
    """A cell as it shows: dates as dd/mm/yyyy."""
    if isinstance(value, datetime.datetime):
        return value.strftime("%d/%m/%Y")
    return str(value)


letters = [c.column_letter for c in ws[1]]
for col, (letter, heading) in enumerate(zip(letters, header), start=1):
    # As wide as the longest line in the column, up to 60 (longer wraps).
    longest = max(len(line) for row in ws.iter_rows(min_col=col, max_col=col)
                  for cell in row if cell.value is not None
                  for line in shown(cell.value).split("\n"))
    width = ws.column_dimensions[letter].width or 0
    wraps = all(c.alignment.wrap_text for r in ws.iter_rows(min_row=2, min_col=col, max_col=col)
                for c in r if isinstance(c.value, str))
    fits = width >= min(longest, 60) and (longest <= 60 or wraps)
    print("width", heading, "fits" if fits else "narrow %s < %s" % (width, longest))
for dv in ws.data_validations.dataValidation:
    cols = "|".join(header[c.min_col - 1] for c in dv.sqref.ranges)
    print("validation", cols, dv.type, dv.operator or "-", dv.formula1, dv.formula2 or "-",
          "stop" if dv.errorStyle in (None, "stop") else dv.errorStyle,
          "prompt" if dv.prompt else "no-prompt")
print("rows", ws.max_row - 1)
about = book.worksheets[1]
explained = [r[0].value for r in about.iter_rows(min_row=2) if r[0].value]
missing = [h for h in header if h not in explained]
print("about explains every column", not missing, "|".join(missing))
