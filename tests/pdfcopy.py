#!/usr/bin/python3
"""pdfcopy.py PDF HTML ...: copying a word hyphenated at a line end
gives the whole word, and a real hyphen stays a hyphen.

The words broken at line ends are found in MuPDF's text (mutool draw -F
txt), which shows the lines as drawn: a line ending in "xxx-" followed
by a line starting with "yyy".  The edition's HTML page (its running
text: paragraphs, list items, headings, cells) decides whether
the hyphen is a real one ("jeugd-ggz") or one added where the word was
broken ("bemiddeling"); then:

  - pdftotext's text holds the whole word, "xxx-yyy" or "xxxyyy", as one
    word (gen writes it as the ActualText of the line end);
  - MuPDF 1.21 (Debian 12) ignores ActualText, so its text keeps the
    two halves on their lines: checked is only that they are a word of
    the text, the first half ending in a plain hyphen (U+002D);
  - no soft hyphen (U+00AD) is left in either text;
  - every hyphenated word of the HTML's running text ("e-mail") is in
    pdftotext's text with its hyphen.

Prints a line per failure and a figure line per file; exits 1 on any
failure, and when no line-end hyphen was found at all.
"""
import html.parser
import re
import subprocess
import sys

WORD = r"[^\W_]+(?:-[^\W_]+)*"


def run(cmd):
    return subprocess.run(cmd, capture_output=True, check=True).stdout.decode("utf-8")


class Running(html.parser.HTMLParser):
    """The running text of an HTML page, without charts and scripts."""
    BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "td", "th", "caption"}

    def __init__(self):
        super().__init__()
        self.depth = 0          # inside a running-text element
        self.skip = 0           # inside svg, script, style
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag in ("svg", "script", "style"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.depth += 1
            self.text.append(" ")

    def handle_endtag(self, tag):
        if tag in ("svg", "script", "style"):
            self.skip -= 1
        elif tag in self.BLOCKS:
            self.depth -= 1
            self.text.append(" ")

    def handle_data(self, data):
        if self.depth > 0 and self.skip == 0:
            self.text.append(data)


def sources(page):
    p = Running()
    with open(page, encoding="utf-8") as f:
        p.feed(f.read())
    return "".join(p.text)


def main(args):
    if len(args) % 2:
        print(__doc__, file=sys.stderr)
        return 2
    bad = 0
    for pdf, page in zip(args[::2], args[1::2]):
        src = sources(page)
        src_words = set(w.lower() for w in re.findall(WORD, src))
        poppler = run(["pdftotext", "-enc", "UTF-8", pdf, "-"])
        pop_words = set(w.lower() for w in re.findall(WORD, poppler))
        mu = run(["mutool", "draw", "-q", "-F", "txt", "-o", "-", pdf])
        lines = [l.rstrip() for l in mu.split("\n")]
        checks = fails = broken = 0

        def check(ok, what):
            nonlocal checks, fails
            checks += 1
            if not ok:
                fails += 1
                print("FAIL: %s: %s" % (pdf, what))

        for a, b in zip(lines, lines[1:]):
            m = re.search(r"(" + WORD + r")-$", a)
            n = re.match(r"(" + WORD + r")", b.lstrip())
            if not m or not n:
                continue
            head, tail = m.group(1), n.group(1)
            real, soft = head + "-" + tail, head + tail
            broken += 1
            if real.lower() in src_words:
                whole = real
            elif soft.lower() in src_words:
                whole = soft
            else:
                check(False, "MuPDF's line end '%s-' and next line '%s' make "
                      "no word of the text" % (head, tail))
                continue
            check(whole.lower() in pop_words,
                  "pdftotext breaks '%s' (line end '%s-')" % (whole, head))
        check(broken > 0, "no word hyphenated at a line end found")
        check("\u00ad" not in poppler, "pdftotext's text holds a soft hyphen")
        check("\u00ad" not in mu, "MuPDF's text holds a soft hyphen")
        for w in sorted(set(w for w in re.findall(WORD, src) if "-" in w)):
            check(w.lower() in pop_words,
                  "the hyphenated word '%s' is not in pdftotext's text" % w)
        print("pdfcopy: %s: %d line-end hyphens, %d checks, %d failed"
              % (pdf, broken, checks, fails))
        bad += fails > 0
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
