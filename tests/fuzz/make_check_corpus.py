"""Writes the seed corpus of tests/fuzz/fuzz_check.c into
tests/fuzz/corpus_check/: small, uncompressed PDFs (so that a fuzzer's
byte changes reach the objects) with the features check reads, and the
hostile shapes it must survive. Run with /usr/bin/python3 (python3-pikepdf)
from the top of the repository; the files are committed, so this only runs
again when a seed is added.
"""
import os

import pikepdf
from pikepdf import Array, Dictionary, Name, String

OUT = "tests/fuzz/corpus_check"


def save(pdf, name):
    pdf.save(os.path.join(OUT, name), compress_streams=False,
             object_stream_mode=pikepdf.ObjectStreamMode.disable,
             static_id=True, fix_metadata_version=False)


def element(pdf, kind, parent, page, kids=None, **extra):
    e = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + kind),
                                     **extra))
    if parent is not None:
        e.P = parent
    if page is not None:
        e.Pg = page
    e.K = Array(kids or [])
    return e


def tagged_page(pdf):
    """One page: a heading, a paragraph with a link, a figure, a table with
    a row span, an artifact footer, an inline image and an untagged line."""
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1,
                                        BaseFont=Name.Helvetica))
    content = (b"/H1 <</MCID 0>> BDC BT /F1 18 Tf 72 760 Td (Title) Tj ET EMC\n"
               b"/P <</MCID 1>> BDC BT /F1 11 Tf 72 730 Td [(A (nested) ) -20 (link)] TJ ET EMC\n"
               b"/Figure /Fig1 BDC q 10 0 0 10 72 600 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \x80 EI Q EMC\n"
               b"/TH <</MCID 3>> BDC BT 72 500 Td (Head) Tj ET EMC\n"
               b"/TD <</MCID 4>> BDC BT 200 500 Td <48656c6c6f> Tj ET EMC\n"
               b"/Artifact BMC BT 280 20 Td (Page 1) Tj ET EMC\n"
               b"0 0 m 100 100 l S % an untagged line\n")
    page = pdf.make_indirect(Dictionary(
        Type=Name.Page, MediaBox=Array([0, 0, 595, 842]),
        Resources=Dictionary(Font=Dictionary(F1=font),
                             Properties=Dictionary(Fig1=Dictionary(MCID=2))),
        Contents=pdf.make_stream(content)))
    link = pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Link,
                                        Rect=Array([72, 725, 200, 740]),
                                        StructParent=1))
    page.Annots = Array([link])
    pdf.pages.append(pikepdf.Page(page))
    return pdf.pages[0].obj, link


def tagged(name, breaks=None):
    pdf = pikepdf.new()
    page, link = tagged_page(pdf)
    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot,
                                        RoleMap=Dictionary(Heading=Name.H1)))
    doc = element(pdf, "Document", root, page)
    root.K = Array([doc])
    h1 = element(pdf, "Heading", doc, page, [0])
    p = element(pdf, "P", doc, page, [1])
    a = element(pdf, "Link", p, page, [Dictionary(Type=Name.OBJR, Obj=link)])
    p.K.append(a)
    fig = element(pdf, "Figure", doc, page, [2], Alt=String("A grey square"))
    table = element(pdf, "Table", doc, page)
    row = element(pdf, "TR", table, page)
    th = element(pdf, "TH", row, page, [3],
                 A=Dictionary(O=Name.Table, Scope=Name.Column, RowSpan=2))
    td = element(pdf, "TD", row, page, [4])
    row.K = Array([th, td])
    row2 = element(pdf, "TR", table, page,
                   [element(pdf, "TD", None, page)])
    table.K = Array([row, row2])
    doc.K = Array([h1, p, fig, table, element(pdf, "H3", doc, page)])
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.Root.Lang = String("en-GB")
    if breaks:
        breaks(pdf, doc)
    save(pdf, name)


def cycle(pdf, doc):
    """A kid that is its own grandparent."""
    doc.K[1].K.append(doc)


def deep(pdf, doc):
    """Structure nested far deeper than any document."""
    parent = doc
    for _ in range(400):
        child = element(pdf, "Div", parent, None)
        parent.K = Array([child])
        parent = child


def bad_xmp(pdf, doc):
    """XMP with an entity expansion bomb."""
    xml = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
           b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
           b'<x:xmpmeta xmlns:x="adobe:ns:meta/">&b;</x:xmpmeta>')
    pdf.Root.Metadata = pdf.make_stream(xml, Type=Name.Metadata, Subtype=Name.XML)


def broken_content(pdf, doc):
    pdf.pages[0].obj.Contents = pdf.make_stream(b"EMC EMC /P BMC (unterminated")


def self_parent_pages(name):
    data = (b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            b"2 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj\n"
            b"trailer << /Root 1 0 R /Size 3 >>\n%%EOF\n")
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    tagged("tagged.pdf")
    tagged("structure-cycle.pdf", cycle)
    tagged("structure-deep.pdf", deep)
    tagged("xmp-entities.pdf", bad_xmp)
    tagged("content-broken.pdf", broken_content)
    self_parent_pages("pages-loop.pdf")


if __name__ == "__main__":
    main()
