#!/usr/bin/python3
"""typeset.py [--check] PDF ...: the typesetting report of issue 12.

Per PDF, from MuPDF's structured text (mutool draw -F stext: every line
with its box and every character with its font size):

  pages      pages of the PDF
  fill       mean fill of the body pages: the lowest text on the page
             (the footer band left out) below the top margin, as a share
             of the body height
  under60    pages under 60% full while their chapter goes on (the next
             page does not start a chapter; a chapter starts where its
             34 pt number is); the cover and the pages before the first
             chapter are not counted
  hyph       share of body lines (10.5 pt) that end in a hyphen
  run        longest run of consecutive body lines ending in a hyphen
  split      words split across pages: a page whose last body line ends
             in a hyphen after a letter
  over       body lines whose hyphen or text sticks out past the right
             margin

With --check, exits 1 and says which when a PDF breaks a rule of the
issue: under60 > 0, run > 2, split > 0, over > 0, or (with --hyph-max
SHARE) hyph above SHARE.  --rules LIST checks only the rules named
(under60,run,split,over; default all).
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

PAGE_W, PAGE_H = 595.276, 841.890
M_LEFT, M_RIGHT, M_TOP, M_BOTTOM = 79.37, 79.37, 70.87, 85.04
BODY_H = PAGE_H - M_TOP - M_BOTTOM
FOOT_BAND = PAGE_H - 62.0 - 4          # above the footer's rule


def pages_of(pdf):
    xml = subprocess.run(["mutool", "draw", "-q", "-F", "stext", "-o", "-",
                          pdf], capture_output=True, check=True).stdout
    root = ET.fromstring(xml)
    out = []
    for pg in root.iter("page"):
        lines = []
        for ln in pg.iter("line"):
            x0, y0, x1, y1 = (float(v) for v in ln.get("bbox").split())
            chars, sizes = [], []
            for f in ln.iter("font"):
                for ch in f.iter("char"):
                    chars.append(ch.get("c"))
                    sizes.append(float(f.get("size")))
            lines.append({"box": (x0, y0, x1, y1), "text": "".join(chars),
                          "size": max(sizes) if sizes else 0})
        out.append(lines)
    return out


def report(pdf):
    pages = pages_of(pdf)
    r = {"pages": len(pages)}
    chap = [any(abs(l["size"] - 34) < 0.5 for l in p) for p in pages]
    first = chap.index(True) if True in chap else len(pages)
    fills, under = [], []
    for i, p in enumerate(pages):
        if i == 0:
            continue
        body = [l for l in p if l["box"][1] < FOOT_BAND]
        low = max((l["box"][3] for l in body), default=M_TOP)
        fill = max(0.0, (low - M_TOP) / BODY_H)
        fills.append(fill)
        if i >= first and i + 1 < len(pages) and not chap[i + 1] and \
                fill < 0.6:
            under.append((i + 1, round(fill * 100)))
    r["fill"] = sum(fills) / len(fills) if fills else 0
    r["under60"] = under
    nbody = nhy = run = best = 0
    split, over = [], []
    for i, p in enumerate(pages):
        if i == 0:
            continue
        body = [l for l in p if abs(l["size"] - 10.5) < 0.01 and
                l["box"][1] < FOOT_BAND and l["text"].strip()]
        body.sort(key=lambda l: (l["box"][1], l["box"][0]))
        prev_bottom = None
        for l in body:
            nbody += 1
            t = l["text"].rstrip()
            hy = t.endswith("-") and len(t) > 1 and t[-2].isalpha()
            if prev_bottom is not None and l["box"][1] - prev_bottom > 10:
                run = 0         # another paragraph or column
            prev_bottom = l["box"][3]
            if hy:
                nhy += 1
                run += 1
                best = max(best, run)
            else:
                run = 0
            if l["box"][2] > PAGE_W - M_RIGHT + 0.5:
                over.append((i + 1, t[-20:], round(l["box"][2] -
                             (PAGE_W - M_RIGHT), 1)))
        run = 0
        if body:
            t = body[-1]["text"].rstrip()
            if t.endswith("-") and len(t) > 1 and t[-2].isalpha():
                split.append((i + 1, t.split()[-1]))
    r["hyph"] = nhy / nbody if nbody else 0
    r["hyphlines"] = (nhy, nbody)
    r["run"] = best
    r["split"] = split
    r["over"] = over
    return r


def main(argv):
    check = "--check" in argv
    hmax = None
    rules = {"under60", "run", "split", "over"}
    args = []
    it = iter(argv)
    for a in it:
        if a == "--check":
            continue
        if a == "--hyph-max":
            hmax = float(next(it))
            continue
        if a == "--rules":
            rules = set(next(it).split(","))
            continue
        args.append(a)
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    bad = 0
    for pdf in args:
        r = report(pdf)
        print("%s: %d pages, mean fill %.0f%%, %d under 60%% while the "
              "chapter goes on%s, hyphenated %d/%d lines (%.1f%%), longest "
              "run %d, %d words split across pages%s, %d lines past the "
              "margin" % (pdf, r["pages"], r["fill"] * 100, len(r["under60"]),
                          " " + str(r["under60"]) if r["under60"] else "",
                          r["hyphlines"][0], r["hyphlines"][1], r["hyph"] * 100,
                          r["run"], len(r["split"]),
                          " " + str(r["split"]) if r["split"] else "",
                          len(r["over"])))
        if not check:
            continue
        why = []
        if r["under60"] and "under60" in rules:
            why.append("pages under 60%% full: %s" % r["under60"])
        if r["run"] > 2 and "run" in rules:
            why.append("%d hyphenated lines in a row" % r["run"])
        if r["split"] and "split" in rules:
            why.append("words split across pages: %s" % r["split"])
        if r["over"] and "over" in rules:
            why.append("lines past the right margin: %s" % r["over"][:5])
        if hmax is not None and r["hyph"] > hmax:
            why.append("%.1f%% of the lines hyphenated (at most %.1f%%)" %
                       (r["hyph"] * 100, hmax * 100))
        for w in why:
            print("FAIL: %s: %s" % (pdf, w))
            bad = 1
    return bad


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
