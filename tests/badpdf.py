#!/usr/bin/python3
"""badpdf.py OUT.pdf: writes a small tagged PDF that breaks every rule
typeset.py --check asserts, so layout.sh can prove each check fails:

  page 1  the cover (not judged);
  page 2  a chapter's first page (its 34 pt number), a list's first
          item in two lines, then four 10.5 pt lines of one paragraph
          that all end in a hyphen (a run of four, the page's last line
          hyphenated, four lines in nine hyphenated) and the page 20% full
          while its chapter goes on;
  page 3  the list's last item in one line, the paragraph's one last
          line, and a line running past the right margin.
"""
import sys

import pikepdf
from pikepdf import Array, Dictionary, Name

H = 841.890


def text(lines):
    """Content stream: each (x, y_from_top, size, text, mcid)."""
    out = []
    for x, y, size, t, mcid in lines:
        if mcid is not None:
            out.append("/P <</MCID %d>> BDC" % mcid)
        out.append("BT /F1 %g Tf 1 0 0 1 %g %g Tm (%s) Tj ET" %
                   (size, x, H - y, t))
        if mcid is not None:
            out.append("EMC")
    return "\n".join(out).encode("latin-1")


def main(path):
    pdf = pikepdf.new()
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1,
                                        BaseFont=Name.Helvetica))
    pages = [
        [(200, 300, 24, "Omslag", None)],
        [(80, 110, 34, "1", None), (80, 130, 10.5, "eerste punt", 1),
         (80, 145, 10.5, "van de lijst", 1)] +
        [(80, 160 + 15 * i, 10.5, "regel %d van de alinea af-" % (i + 1), 0)
         for i in range(4)],
        [(80, 90, 10.5, "tweede punt", 1), (80, 105, 10.5, "einde.", 0),
         (300, 120, 10.5, "een regel die ver voorbij de rechtermarge "
          "doorloopt tot buiten de pagina", None)],
    ]
    for p in pages:
        pg = pikepdf.Page(Dictionary(
            Type=Name.Page, MediaBox=Array([0, 0, 595.276, H]),
            Resources=Dictionary(Font=Dictionary(F1=font)),
            Contents=pdf.make_stream(text(p))))
        pdf.pages.append(pg)
    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    para = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.P,
                                        P=root))
    para.K = Array([Dictionary(Type=Name.MCR, MCID=0, Pg=pdf.pages[i].obj)
                    for i in (1, 2)])
    lst = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.L,
                                       P=root))
    items = []
    for i in (1, 2):
        li = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.LI,
                                          P=lst))
        body = pdf.make_indirect(Dictionary(
            Type=Name.StructElem, S=Name.LBody, P=li, Pg=pdf.pages[i].obj,
            K=1))
        li.K = Array([body])
        items.append(li)
    lst.K = Array(items)
    root.K = Array([lst, para])
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.save(path)


if __name__ == "__main__":
    main(sys.argv[1])
