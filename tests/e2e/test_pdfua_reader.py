"""An independent reader of our PDFs (pikepdf, Debian's python3-pikepdf):
checks what PDF/UA-1 and PDF/A-2 ask of the finished file. Run with
/usr/bin/python3 by test_pdfua.sh as: test_pdfua_reader.py FILE.pdf LANG.
Prints one line per failed rule and exits 1 when any failed."""
import re
import sys

import pikepdf
from pikepdf import Name

PAINTING = {
    "m", "l", "c", "v", "y", "h", "re", "S", "s", "f", "F", "f*", "B", "B*",
    "b", "b*", "n", "BT", "ET", "Tj", "TJ", "'", '"', "sh", "Do", "BI", "INLINE IMAGE",
}

failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


def check_catalog(pdf, lang):
    root = pdf.Root
    if str(root.get("/Lang", "")) != lang:
        fail(f"catalog /Lang is {root.get('/Lang')!r}, not {lang!r}")
    prefs = root.get("/ViewerPreferences", {})
    if prefs.get("/DisplayDocTitle") is not True:
        fail("no /ViewerPreferences /DisplayDocTitle true")
    if root.get("/MarkInfo", {}).get("/Marked") is not True:
        fail("no /MarkInfo /Marked true")
    intents = root.get("/OutputIntents", [])
    if len(intents) != 1 or intents[0].get("/S") != Name.GTS_PDFA1 or \
            int(intents[0].DestOutputProfile.get("/N", 0)) != 3:
        fail("no sRGB /OutputIntents for PDF/A")
    meta = pdf.open_metadata()
    pdfua_part = meta.get("{http://www.aiim.org/pdfua/ns/id/}part")
    if pdfua_part != "1":
        fail(f"XMP pdfuaid:part is {pdfua_part!r}")
    if meta.get("pdfaid:part") != "2" or meta.get("pdfaid:conformance") != "A":
        fail("XMP does not say PDF/A-2A")
    info = pdf.docinfo
    if str(meta.get("dc:title", "")) != str(info.get("/Title", "")):
        fail("XMP dc:title and Info /Title differ")
    if str(meta.get("pdf:Producer", "")) != str(info.get("/Producer", "")):
        fail("XMP pdf:Producer and Info /Producer differ")
    if "/Metadata" in root and "/Filter" in root.Metadata:
        fail("the XMP stream is compressed (PDF/A forbids it)")


def walk(element, visit, depth=0):
    if not isinstance(element, pikepdf.Dictionary) or "/S" not in element:
        return
    visit(element)
    kids = element.get("/K")
    if kids is None:
        return
    if not isinstance(kids, pikepdf.Array):
        kids = [kids]
    for kid in kids:
        walk(kid, visit, depth + 1)


def cells_of(row):
    kids = row.get("/K", [])
    if not isinstance(kids, pikepdf.Array):
        kids = [kids]
    return [k for k in kids if isinstance(k, pikepdf.Dictionary)
            and k.get("/S") in (Name.TH, Name.TD)]


def span(cell):
    return int(cell.get("/A", {}).get("/ColSpan", 1))


def check_structure(pdf):
    tree = pdf.Root.StructTreeRoot
    counts = {"TH": 0, "Figure": 0, "Table": 0, "ragged": 0}

    def visit(element):
        s = str(element.S)[1:]
        if s == "Private":
            fail("a placeholder element is left in the tree")
        if s == "TH":
            counts["TH"] += 1
            scope = element.get("/A", {}).get("/Scope")
            if scope not in (Name.Row, Name.Column, Name.Both):
                fail("a TH has no /Scope")
        if s == "Figure":
            counts["Figure"] += 1
            if not str(element.get("/Alt", "")):
                fail("a Figure has no /Alt")
        if s == "Table":
            counts["Table"] += 1
            rows = [k for k in element.get("/K", [])
                    if isinstance(k, pikepdf.Dictionary) and k.get("/S") == Name.TR]
            widths = {sum(span(c) for c in cells_of(r)) for r in rows}
            if len(widths) > 1:
                counts["ragged"] += 1

    kids = tree.K if isinstance(tree.K, pikepdf.Array) else [tree.K]
    for kid in kids:
        walk(kid, visit)
    if counts["ragged"]:
        fail(f"{counts['ragged']} table(s) have rows of different widths")
    return counts


def check_pages(pdf):
    links = 0
    artifacts = set()
    for number, page in enumerate(pdf.pages, 1):
        annots = page.obj.get("/Annots", [])
        if len(annots) and page.obj.get("/Tabs") != Name.S:
            fail(f"page {number} has annotations but no /Tabs /S")
        for annot in annots:
            if annot.get("/Subtype") == Name.Link:
                links += 1
                if not str(annot.get("/Contents", "")):
                    fail(f"page {number}: a link has no /Contents")
        depth = 0
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("BDC", "BMC"):
                depth += 1
                if str(operands[0]) == "/Artifact" and op == "BDC":
                    artifacts.add(str(operands[1].get("/Subtype", "")))
            elif op == "EMC":
                depth -= 1
            elif depth == 0 and op in PAINTING:
                fail(f"page {number}: '{op}' outside marked content")
                break
        fonts = page.obj.Resources.get("/Font", {})
        for key in fonts.keys():
            font = fonts[key]
            for cid_font in font.get("/DescendantFonts", []):
                if cid_font.get("/Subtype") == Name.CIDFontType2 and \
                        "/CIDToGIDMap" not in cid_font:
                    fail(f"page {number}: font {key} has no /CIDToGIDMap")
    return links, artifacts


def main():
    path, lang = sys.argv[1], sys.argv[2]
    with pikepdf.open(path) as pdf:
        check_catalog(pdf, lang)
        counts = check_structure(pdf)
        links, artifacts = check_pages(pdf)
        if "/Footer" not in artifacts:
            fail("no footer typed as a pagination artifact")
    print(f"{path}: {counts['TH']} TH, {counts['Figure']} Figure, "
          f"{counts['Table']} Table, {links} links, artifacts {sorted(artifacts)}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
