"""Fills an empty template in as an officer does in Excel, for
test_template_officer.sh: `python3 template_fill.py assessment|performance
FILE.xlsx`. The workbook is opened and saved again by openpyxl, which keeps
the template's header, validations and second sheet, as Excel does; values
go in as Excel stores what is typed: a date typed into the Due column is a
date cell, 92% is 0.92 in a percent-formatted cell, labels where codes
would do."""
import datetime
import sys

import openpyxl

kind, path = sys.argv[1:3]
book = openpyxl.load_workbook(path)
sheet = book.worksheets[0]
header = [c.value for c in sheet[1]]


def put(row, **values):
    for heading, value in values.items():
        cell = sheet.cell(row=row, column=header.index(heading.replace("_", " ")) + 1,
                          value=value)
        if isinstance(value, float) and value < 1:
            cell.number_format = "0%"


if kind == "assessment":
    put(2, Theme="Continuous Improvement", Theme_ref="CI",
        Theme_description="Make effective arrangements")
    put(3, Ref="CI001", Characteristic="A clear understanding of performance",
        Rating="Green", Previous_rating="A", Evidence="Quarterly reports",
        Owner="Head of Policy", Due=datetime.date(2024, 6, 30))
    put(4, Ref="CI002", Characteristic="Improvement is planned", Rating="Amber",
        Evidence="Plans exist", Actions="Refresh the plan", Owner="Chief Executive",
        Due=datetime.datetime(2025, 3, 31))
    put(5, Theme="Governance", Theme_ref="GV", Ref="GV001",
        Characteristic="Decisions are open", Rating="R", Previous_rating="Red",
        Actions="Publish decisions", Due="31/12/2024")
    put(6, Ref="GV002", Characteristic="Members are trained", Rating="B",
        Evidence="All trained", See="GV001")
else:
    put(2, Group="Housing", Ref="H01", Measure="Repairs completed on time", Unit="%",
        Polarity="higher", Target=0.9, Actual=0.92, Previous=0.88)
    put(3, Ref="H02", Measure="Average days to relet a home", Unit="days",
        Polarity="lower", Target=20, Tolerance=10, Actual=21.5, Previous=23,
        Commentary="Voids rose", Owner="Head of Housing")
    put(4, Ref="H05", Measure="Households on the register", Unit="number",
        Polarity="higher", Kind="context", Actual=1240, Previous=1100)
book.save(path)
