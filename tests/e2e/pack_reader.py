#!/usr/bin/python3
"""Reads a reports pack with pikepdf, independently of committee-pdf, and
prints what test_pack.sh compares: where each link of a page lands, the
structure elements under the Document, and the page labels.

    pack_reader.py FILE.pdf links PAGE   "TEXT-OF-/Contents -> PAGE" lines
    pack_reader.py FILE.pdf parts        one /S per child of the Document
    pack_reader.py FILE.pdf labels       one label per page ("1", "A2-1")
    pack_reader.py FILE.pdf ranges       "PAGE-INDEX START" per /PageLabels entry
    pack_reader.py FILE.pdf watermarks   each page with a /Watermark artifact
"""
import sys

import pikepdf


def names_in(tree):
    """The (name, value) pairs of a name tree."""
    if "/Names" in tree:
        items = list(tree.Names)
        for i in range(0, len(items), 2):
            yield str(items[i]), items[i + 1]
    for kid in tree.get("/Kids", []):
        yield from names_in(kid)


def numbers_in(tree):
    """The (number, value) pairs of a number tree."""
    if "/Nums" in tree:
        items = list(tree.Nums)
        for i in range(0, len(items), 2):
            yield int(items[i]), items[i + 1]
    for kid in tree.get("/Kids", []):
        yield from numbers_in(kid)


def page_number(pdf, dest, named):
    if isinstance(dest, (pikepdf.String, pikepdf.Name)):
        dest = named[str(dest).lstrip("/")]
    if isinstance(dest, pikepdf.Dictionary):
        dest = dest.D
    target = dest[0]
    for n, page in enumerate(pdf.pages, 1):
        if page.obj.objgen == target.objgen:
            return n
    return 0


def links(pdf, page_index):
    named = {}
    if "/Names" in pdf.Root and "/Dests" in pdf.Root.Names:
        named = dict(names_in(pdf.Root.Names.Dests))
    if "/Dests" in pdf.Root:
        named.update({k.lstrip("/"): v for k, v in pdf.Root.Dests.items()})
    page = pdf.pages[page_index - 1]
    for annot in page.obj.get("/Annots", []):
        if annot.get("/Subtype") != "/Link":
            continue
        dest = annot.get("/Dest")
        if dest is None and "/A" in annot and annot.A.get("/S") == "/GoTo":
            dest = annot.A.D
        if dest is None:
            continue
        print(f"{annot.get('/Contents', '')} -> {page_number(pdf, dest, named)}")


def parts(pdf):
    root = pdf.Root.StructTreeRoot
    kids = root.K if isinstance(root.K, pikepdf.Array) else [root.K]
    for top in kids:
        inner = top.K if isinstance(top.K, pikepdf.Array) else [top.K]
        for kid in inner:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                print(str(kid.S).lstrip("/"))


def labels(pdf):
    ranges = sorted(numbers_in(pdf.Root.PageLabels)) if "/PageLabels" in pdf.Root else []
    for index in range(len(pdf.pages)):
        start, label = max((r for r in ranges if r[0] <= index),
                           default=(0, pikepdf.Dictionary()))
        prefix = str(label.get("/P", ""))
        number = int(label.get("/St", 1)) + index - start
        print(prefix + (str(number) if label.get("/S") == "/D" else ""))


def ranges(pdf):
    for index, label in sorted(numbers_in(pdf.Root.PageLabels)):
        print(index, int(label.get("/St", 1)))


def watermarks(pdf):
    for n, page in enumerate(pdf.pages, 1):
        for operands, operator in pikepdf.parse_content_stream(page):
            if (str(operator) == "BDC" and str(operands[0]) == "/Artifact"
                    and isinstance(operands[1], pikepdf.Dictionary)
                    and operands[1].get("/Subtype") == "/Watermark"):
                print(n)
                break


def main():
    pdf = pikepdf.open(sys.argv[1])
    what = sys.argv[2]
    if what == "links":
        links(pdf, int(sys.argv[3]))
    elif what == "parts":
        parts(pdf)
    elif what == "labels":
        labels(pdf)
    elif what == "ranges":
        ranges(pdf)
    elif what == "watermarks":
        watermarks(pdf)


if __name__ == "__main__":
    main()
