"""The rows of a generated assessment (bench/gen_assessment.sh) moved into
an .xlsx, for the benchmark's workbook figure:
    python3 bench/gen_workbook.py IN.xml OUT.xml OUT.xlsx
OUT.xml is IN.xml with its themes replaced by src="OUT.xlsx"; both give
the same paper. Run by /usr/bin/python3 (Debian's python3-openpyxl)."""
import datetime
import os
import re
import sys
import xml.etree.ElementTree as ET

import openpyxl

source, out_xml, out_xlsx = sys.argv[1:4]
NS = {"p": "urn:committee-pdf:paper:1"}
text = open(source, encoding="utf-8").read()
root = ET.fromstring(text.encode("utf-8"))

wb = openpyxl.Workbook(write_only=True)
ws = wb.create_sheet("Assessment")
ws.append(["Theme", "Theme ref", "Ref", "Characteristic", "RAG", "Previous",
           "Evidence", "Actions", "Lead officer", "Due"])
for theme in root.iterfind(".//p:theme", NS):
    ws.append([theme.get("name"), theme.get("ref")])
    for item in theme.iterfind("p:item", NS):
        def child(name):
            node = item.find("p:" + name, NS)
            return node.text if node is not None else None
        due = child("due")
        ws.append([None, None, item.get("ref"), child("characteristic"),
                   item.get("rating"), item.get("previous"), child("evidence"),
                   child("actions"), child("owner"),
                   datetime.date.fromisoformat(due) if due else None])
wb.save(out_xlsx)

start = text.index("      <theme ")
end = text.rindex("</theme>") + len("</theme>\n")
text = text[:start] + text[end:]
text = text.replace('<assessment id="bv"', '<assessment id="bv" src="%s"'
                    % os.path.basename(out_xlsx), 1)
open(out_xml, "w", encoding="utf-8").write(text)
