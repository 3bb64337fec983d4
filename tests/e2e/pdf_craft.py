"""PDFs made to pass or to break one rule of `committee-pdf check`.

Run with Debian's /usr/bin/python3 (python3-pikepdf):

    pdf_craft.py fix IN.pdf OUT.pdf          every checked rule holds
    pdf_craft.py break KIND IN.pdf OUT.pdf   IN (a fixed file) with one rule broken

KIND is one of: no-lang, footer, th-scope, figure-alt, link-contents,
link-text.

`fix` is a blunt stand-in for the finishing pass, made only so that the
tests have a file on which check passes: it wraps everything Cairo left
unmarked in /Artifact, gives every TH a column scope, every figure a
placeholder alternative text, every short table row a column span, every
link a description, and the catalog its language, title display, output
intent and XMP identification. It is not a way to make a PDF accessible.
"""
import sys

import pikepdf
from pikepdf import Array, Dictionary, Name, Operator, String

XMP = """<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <pdfuaid:part>1</pdfuaid:part>
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>A</pdfaid:conformance>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;")


def kids(element):
    k = element.get("/K")
    items = list(k) if isinstance(k, Array) else [k]
    return [x for x in items if isinstance(x, Dictionary) and "/S" in x]


def elements(root):
    """Every structure element, in pre-order."""
    stack = list(reversed(kids(root)))
    while stack:
        element = stack.pop()
        yield element
        stack.extend(reversed(kids(element)))


def wrap_artifacts(pdf, page):
    """Everything at marked-content depth 0 goes into /Artifact BMC ... EMC."""
    out, depth, open_artifact = [], 0, False
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if depth == 0 and op not in ("BDC", "BMC", "EMC") and not open_artifact:
            out.append(([Name.Artifact], Operator("BMC")))
            open_artifact = True
        if depth == 0 and op in ("BDC", "BMC") and open_artifact:
            out.append(([], Operator("EMC")))
            open_artifact = False
        out.append((operands, operator))
        depth += op in ("BDC", "BMC")
        depth -= op == "EMC" and depth > 0
    if open_artifact:
        out.append(([], Operator("EMC")))
    page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))


def table_attribute(element, **entries):
    attributes = element.get("/A", Dictionary(O=Name.Table))
    for key, value in entries.items():
        attributes[Name("/" + key)] = value
    element.A = attributes


def cells(row):
    return [c for c in kids(row) if c.S in (Name.TH, Name.TD)]


def fix_tables(root):
    for table in (e for e in elements(root) if e.S == Name.Table):
        rows = [r for r in elements(table) if r.S == Name.TR]
        width = max((len(cells(r)) for r in rows), default=0)
        for row in rows:
            found = cells(row)
            if found and len(found) < width:
                table_attribute(found[-1], ColSpan=width - len(found) + 1)


def fix(pdf):
    info = pdf.trailer.Info
    title = str(info.get("/Title", "Untitled"))
    author = str(info.get("/Author", ""))
    pdf.Root.Lang = String("en-GB")
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    metadata = pdf.make_stream(
        XMP.format(title=escape(title), author=escape(author)).encode())
    metadata.Type, metadata.Subtype = Name.Metadata, Name.XML
    pdf.Root.Metadata = metadata
    profile = pdf.make_stream(b"stand-in for an ICC profile")
    profile.N = 3
    pdf.Root.OutputIntents = Array([Dictionary(
        Type=Name.OutputIntent, S=Name.GTS_PDFA1,
        OutputConditionIdentifier=String("sRGB"), DestOutputProfile=profile)])
    root = pdf.Root.StructTreeRoot
    for element in elements(root):
        if element.S == Name.TH:
            table_attribute(element, Scope=Name.Column)
        elif element.S == Name.Figure:
            element.Alt = String("A chart of the ratings")
    fix_tables(root)
    for page in pdf.pages:
        wrap_artifacts(pdf, page)
        annots = page.obj.get("/Annots")
        if annots:
            page.obj.Tabs = Name.S
            for annot in annots:
                annot.Contents = String("Go to the section it names")
        fonts = page.obj.Resources.get("/Font", Dictionary())
        for key in fonts.keys():
            font = fonts[key]
            for cid in font.get("/DescendantFonts", Array()):
                if cid.Subtype == Name.CIDFontType2:
                    cid.CIDToGIDMap = Name.Identity


def first(root, kind):
    return next(e for e in elements(root) if e.S == kind)


def add_untagged_footer(pdf, page_number):
    """Page text drawn at the foot of the page with no marked content, put
    first so that no transformation of the page's own content applies."""
    page = pdf.pages[page_number - 1]
    font = next(iter(page.obj.Resources.Font.keys()))
    footer = ("BT %s 9 Tf 1 0 0 1 280 20 Tm (Page %d) Tj ET\n"
              % (font, page_number)).encode()
    page.contents_add(pdf.make_stream(footer), prepend=True)


def break_rule(pdf, kind):
    root = pdf.Root.StructTreeRoot
    if kind == "no-lang":
        del pdf.Root.Lang
    elif kind == "footer":
        add_untagged_footer(pdf, 4)
    elif kind == "th-scope":
        del first(root, Name.TH).A
    elif kind == "figure-alt":
        del first(root, Name.Figure).Alt
    elif kind == "link-contents":
        page = next(p for p in pdf.pages if p.obj.get("/Annots"))
        del page.obj.Annots[0].Contents
    elif kind == "link-text":
        # The first Link keeps its annotation (OBJR) and loses its words.
        link = first(root, Name.Link)
        link.K = Array([k for k in link.K if isinstance(k, Dictionary)
                        and k.get("/Type") == Name.OBJR])
    else:
        sys.exit("unknown kind: " + kind)


def main(argv):
    if len(argv) == 4 and argv[1] == "fix":
        pdf = pikepdf.open(argv[2])
        fix(pdf)
        pdf.save(argv[3])
    elif len(argv) == 5 and argv[1] == "break":
        pdf = pikepdf.open(argv[3])
        break_rule(pdf, argv[2])
        pdf.save(argv[4])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
