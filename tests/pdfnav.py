#!/usr/bin/python3
"""pdfnav.py [-r] PDF...: every bookmark and every contents-page link lands on
the page that holds its heading, resolved as a viewer resolves it: a
named destination is the first match in the /Dests name tree.

Bookmark: its title must be in the text of the page it leads to.
Contents link (a Link inside a TOCI, and its annotation): the text under its
rectangle, "N  Title  page", gives the title, which must be in the text
of the page the link leads to, and the page number, which must be that
page's.  Page text is pdftotext's (poppler-utils), white space collapsed.

With -r a PDF without bookmarks or contents links fails too.  Prints a
line per failure and a figure line per file; exits 1 on any failure.
"""
import html
import re
import subprocess
import sys

import pikepdf
from pikepdf import Array, Dictionary, Name, String


def flat(s):
    return " ".join(s.replace("\u00ad", "").split())


def starts_on(title, text):
    """A heading lands on the page where it starts: a heading longer than
    a page (a defect reported by gen itself) is matched on its first 80
    characters."""
    return title[:80] in text


class Nav:
    def __init__(self, path):
        self.path = path
        self.pdf = pikepdf.open(path)
        self.pageno = {p.obj.objgen: i + 1 for i, p in enumerate(self.pdf.pages)}
        self.names = []         # (name, dest) in name tree order
        root = self.pdf.Root
        if "/Names" in root and "/Dests" in root.Names:
            self.walk(root.Names.Dests, 0)
        if "/Dests" in root:    # the PDF 1.1 dictionary form
            for k, v in root.Dests.items():
                self.names.append((k[1:], v))
        self.text = {}
        self.words = {}
        self.fails = 0
        self.checks = 0

    def walk(self, node, depth):
        if depth > 30:
            return
        arr = node.get("/Names")
        if isinstance(arr, Array):
            for i in range(0, len(arr) - 1, 2):
                self.names.append((str(arr[i]), arr[i + 1]))
        for k in node.get("/Kids", []):
            self.walk(k, depth + 1)

    def page_of(self, dest):
        """Page number a /Dest value leads to, or None."""
        if isinstance(dest, (String, Name)):
            key = str(dest) if isinstance(dest, String) else str(dest)[1:]
            for name, d in self.names:      # the first match wins
                if name == key:
                    return self.page_of(d)
            return None
        if isinstance(dest, Dictionary) and "/D" in dest:
            return self.page_of(dest.D)
        if isinstance(dest, Array) and len(dest) > 0:
            return self.pageno.get(dest[0].objgen)
        return None

    def link_page(self, item):
        if "/Dest" in item:
            return self.page_of(item.Dest)
        a = item.get("/A")
        if isinstance(a, Dictionary) and a.get("/S") == Name.GoTo:
            return self.page_of(a.D)
        return None

    def page_text(self, n):
        """Text of page n as pdftotext -f n -l n gives it."""
        if not self.text:
            out = subprocess.run(["pdftotext", "-enc", "UTF-8", self.path, "-"],
                                 capture_output=True, check=True).stdout
            for i, t in enumerate(out.decode("utf-8").split("\f"), 1):
                self.text[i] = flat(t)
        return self.text.get(n, "")

    def crop_text(self, n, rect):
        """The words of page n inside rect (PDF user space)."""
        if not self.words:
            out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox",
                                  self.path, "-"], capture_output=True,
                                 check=True).stdout.decode("utf-8")
            for i, page in enumerate(out.split("<page ")[1:], 1):
                self.words[i] = [
                    (float(a), float(b), float(c), float(d), html.unescape(w))
                    for a, b, c, d, w in re.findall(
                        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                        r'yMax="([\d.]+)">([^<]*)</word>', page)]
        h = float(self.pdf.pages[n - 1].mediabox[3])
        x0, y0, x1, y1 = (float(v) for v in rect)
        top, bot = h - y1, h - y0
        return flat(" ".join(w for a, b, c, d, w in self.words.get(n, [])
                             if a >= x0 - 1 and c <= x1 + 1 and
                             (b + d) / 2 >= top and (b + d) / 2 <= bot))

    def check(self, ok, what):
        self.checks += 1
        if not ok:
            self.fails += 1
            print("FAIL: %s: %s" % (self.path, what))

    def bookmarks(self):
        ol = self.pdf.Root.get("/Outlines")
        n = 0
        stack = [ol.get("/First")] if isinstance(ol, Dictionary) else []
        while stack:
            item = stack.pop()
            if not isinstance(item, Dictionary):
                continue
            n += 1
            title = flat(str(item.get("/Title", "")))
            p = self.link_page(item)
            self.check(p is not None and starts_on(title, self.page_text(p)),
                       "bookmark '%s' leads to page %s, which lacks it" % (title, p))
            stack.append(item.get("/Next"))
            stack.append(item.get("/First"))
        return n

    def contents(self):
        st = self.pdf.Root.get("/StructTreeRoot")
        annots = []

        def kids(e):
            k = e.get("/K")
            return list(k) if isinstance(k, Array) else [k] if k is not None else []

        def walk(e, path):
            for c in kids(e):
                if not isinstance(c, Dictionary):
                    continue
                if c.get("/Type") == Name.OBJR and "TOCI" in path and path[-1] == "Link":
                    annots.append(c.Obj)
                elif "/S" in c:
                    walk(c, path + [str(c.S)[1:]])

        if isinstance(st, Dictionary):
            walk(st, [])
        where = {}
        for i, page in enumerate(self.pdf.pages, 1):
            for a in page.obj.get("/Annots", []):
                where[a.objgen] = i
        for a in annots:
            n = where.get(a.objgen)
            text = self.crop_text(n, a.Rect) if n else ""
            m = re.match(r"^(?:\d+(?:\.\d+)*\s+)?(.*\S)\s+(\d+)$", text)
            self.check(m is not None, "contents link with text '%s'" % text)
            if m is None:
                continue
            title, printed = m.group(1), int(m.group(2))
            p = self.link_page(a)
            self.check(p is not None and starts_on(title, self.page_text(p)),
                       "contents entry '%s' leads to page %s, which lacks it"
                       % (title, p))
            self.check(p == printed, "contents entry '%s' says page %d, leads to %s"
                       % (title, printed, p))
        return len(annots)


def main(args):
    req = "-r" in args
    bad = 0
    for path in (a for a in args if a != "-r"):
        nav = Nav(path)
        with nav.pdf:
            nb = nav.bookmarks()
            nt = nav.contents()
            if req:
                nav.check(nb > 0, "no bookmarks")
                nav.check(nt > 0, "no contents links (TOCI ... Link)")
        print("pdfnav: %s: %d bookmarks, %d contents links, %d checks, %d failed"
              % (path, nb, nt, nav.checks, nav.fails))
        bad += nav.fails > 0
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
