#!/usr/bin/python3
"""wordcheck.py EDITION_DIR OUT_EDITION_DIR ...: every word an author
writes reaches the page, in both back-ends (issue 16).

For every pair of an edition's content folder and its built folder:

  - every word of every chapter and of index.md's text (the Markdown
    rendered to plain text by cmark-gfm, with the template blocks
    ```chart and ```table, {{ figures }} and HTML comments removed) is
    in the PDF's text layer (pdftotext) and in the HTML's text, as
    often as the Markdown has it (words compared case-folded);
  - pdftotext -bbox: no word of a body page lies outside the text area
    (the margins, with 1 pt of slack) or between the body and the
    footer, nothing but the footer's own line is in the footer band,
    and no two words overlap;
  - the reading order: figures stand among the headings of the PDF's
    structure tree as among those of the HTML (a figure moved forward
    on the page is still read where the author put it).

Prints one line per failure and a figure line per edition; exits 1 on
any failure.
"""
import collections
import html.parser
import os
import re
import subprocess
import sys

PAGE_W, PAGE_H = 595.276, 841.890
M_LEFT, M_RIGHT, M_TOP, M_BOTTOM = 79.37, 79.37, 70.87, 85.04
BODY_BOT = PAGE_H - M_BOTTOM
FOOT_RULE = PAGE_H - 62.0
SLACK = 1.0
WORD = re.compile(r"[^\W_]+")


def words(text):
    return collections.Counter(w.casefold() for w in WORD.findall(text))


def pdf_words(text):
    """As words(), and a word with a footnote number run into it
    ("Jeugdhulp1") counts as the word too."""
    c = words(text)
    for w in list(c):
        m = re.fullmatch(r"([^\W\d_]+)\d+", w)
        if m:
            c[m.group(1)] += c[w]
    return c


def markdown_text(path):
    with open(path, encoding="utf-8") as f:
        src = f.read()
    if os.path.basename(path) == "index.md" and src.startswith("---"):
        end = src.find("\n---", 3)
        src = src[src.find("\n", end + 1) + 1:] if end >= 0 else ""
    src = re.sub(r"<!--.*?-->", " ", src, flags=re.S)
    src = re.sub(r"^([ \t>]*)(```+|~~~+)[ \t]*(chart|table)\b.*?^\1\2[ \t]*$",
                 "", src, flags=re.S | re.M)
    src = re.sub(r"\{\{.*?\}\}", " ", src)
    # A callout's [!kind] is syntax; without a title gen shows the kind.
    src = re.sub(r"(?m)^([ \t]*>[ \t]*)\[![a-z-]+\][ \t]*$", r"\1", src)
    src = re.sub(r"(?m)^([ \t]*>[ \t]*)\[![a-z-]+\]", r"\1", src)
    out = subprocess.run(["cmark-gfm", "-e", "table", "-e", "strikethrough",
                          "-e", "autolink", "-e", "footnotes", "-t",
                          "plaintext"], input=src.encode("utf-8"),
                         capture_output=True, check=True).stdout.decode()
    out = re.sub(r"\[\^[^\]]*\]:?", " ", out)
    # An ordered list's numbers are the browser's in the HTML, not text.
    out = re.sub(r"(?m)^([ \t]*)\d+[.)](?=[ \t])", r"\1", out)
    return out


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.skip = 0
        self.body = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"):
            self.skip += 1
        self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head"):
            self.skip -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if self.skip == 0:
            self.parts.append(data)


def html_text(path):
    p = Text()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    return "".join(p.parts)


def bboxes(pdf):
    out = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-"],
                         capture_output=True, check=True).stdout.decode()
    pages = []
    for pg in re.split(r"<page ", out)[1:]:
        ws = []
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" '
                             r'xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                             pg):
            ws.append(tuple(float(m.group(i)) for i in range(1, 5)) +
                      (m.group(5),))
        pages.append(ws)
    return pages


def check_boxes(pdf, fail):
    pages = bboxes(pdf)
    n = 0
    for i, ws in enumerate(pages):
        for (x0, y0, x1, y1, t) in ws:
            n += 1
            if x0 < -SLACK or x1 > PAGE_W + SLACK or y0 < -SLACK or \
                    y1 > PAGE_H + SLACK:
                fail("page %d: '%s' lies outside the page" % (i + 1, t))
            if i == 0:
                continue
            if x0 < M_LEFT - SLACK or x1 > PAGE_W - M_RIGHT + SLACK:
                fail("page %d: '%s' lies in the margin (x %.1f-%.1f)" %
                     (i + 1, t, x0, x1))
            if y0 < M_TOP - 6:
                fail("page %d: '%s' lies above the text area (y %.1f)" %
                     (i + 1, t, y0))
            if y1 > BODY_BOT + SLACK and y0 < FOOT_RULE:
                fail("page %d: '%s' runs into the footer (y %.1f-%.1f)" %
                     (i + 1, t, y0, y1))
        if i > 0:
            foot = [w for w in ws if w[1] >= FOOT_RULE]
            if foot and max(w[3] for w in foot) - min(w[1] for w in foot) \
                    > 14:
                fail("page %d: more than the footer's line in the footer "
                     "band: %s" % (i + 1, " ".join(w[4] for w in foot)[:80]))
        s = sorted(ws, key=lambda w: w[1])
        for a in range(len(s)):
            for b in range(a + 1, len(s)):
                if s[b][1] >= s[a][3]:
                    break
                ix = min(s[a][2], s[b][2]) - max(s[a][0], s[b][0])
                iy = min(s[a][3], s[b][3]) - max(s[a][1], s[b][1])
                h = min(s[a][3] - s[a][1], s[b][3] - s[b][1])
                if ix > 1.0 and iy > 0.25 * h:
                    fail("page %d: '%s' and '%s' overlap" %
                         (i + 1, s[a][4], s[b][4]))
    return n


def figure_gaps(seq):
    """The number of headings between consecutive figures."""
    gaps, n, seen = [], 0, False
    for t in seq:
        if t == "F":
            if seen:
                gaps.append(n)
            seen, n = True, 0
        else:
            n += 1
    return gaps


def reading_order(pdf, page, fail):
    import pikepdf
    seq = []

    def walk(e):
        s = str(e.get("/S", ""))
        if re.fullmatch(r"/H\d", s):
            seq.append("H")
        elif s == "/Figure":
            seq.append("F")
        k = e.get("/K")
        for x in (k if isinstance(k, pikepdf.Array) else [k]):
            if isinstance(x, pikepdf.Dictionary) and "/S" in x:
                walk(x)
    with pikepdf.open(pdf) as p:
        walk(p.Root.StructTreeRoot)
    with open(page, encoding="utf-8") as f:
        h = f.read()
    h = h[h.find("<main"):]
    hs = ["F" if "figure" in t else "H" for t in
          re.findall(r'<h[1-6][ >]|<figure class="chart"', h)]
    if seq.count("F") != hs.count("F") or figure_gaps(seq) != \
            figure_gaps(hs):
        fail("the figures are not read where the HTML has them: PDF %s, "
             "HTML %s" % ("".join(seq), "".join(hs)))


def main(args):
    if not args or len(args) % 2:
        print(__doc__, file=sys.stderr)
        return 2
    bad = 0
    for ed, built in zip(args[::2], args[1::2]):
        slug = os.path.basename(os.path.normpath(built))
        pdf = os.path.join(built, slug + ".pdf")
        page = os.path.join(built, "index.html")
        errs = []

        def fail(msg):
            errs.append(msg)
        md = collections.Counter()
        for f in sorted(os.listdir(ed)):
            if f.endswith(".md"):
                md += words(markdown_text(os.path.join(ed, f)))
        pdfw = pdf_words(subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"],
                                    capture_output=True, check=True)
                     .stdout.decode())
        htmlw = words(html_text(page))
        for name, have in (("PDF", pdfw), ("HTML", htmlw)):
            miss = [(w, c - have[w]) for w, c in sorted(md.items())
                    if have[w] < c]
            if miss:
                fail("%d words missing from the %s: %s" % (
                    sum(k for _, k in miss), name,
                    " ".join("%s(%d)" % m for m in miss[:12])))
        nb = check_boxes(pdf, fail)
        reading_order(pdf, page, fail)
        for e in errs[:40]:
            print("FAIL: %s: %s" % (slug, e))
        if len(errs) > 40:
            print("FAIL: %s: ... and %d more" % (slug, len(errs) - 40))
        print("wordcheck %s: %d words of Markdown, %d PDF words placed, "
              "%d failures" % (slug, sum(md.values()), nb, len(errs)))
        bad = bad or bool(errs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
