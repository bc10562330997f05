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
  short      paragraphs and lists that go on over a page with fewer
             than two lines on the next page: from the structure tree
             (pikepdf), each P, L and LBody with the marked content of
             everything under it, and the content streams, whose text
             lines are counted per page by their baselines

With --check, exits 1 and says which when a PDF breaks a rule of the
issue: under60 > 0, run > 2, split > 0, over > 0, short > 0, or (with
--hyph-max SHARE) hyph above SHARE.  --rules LIST checks only the rules
named (under60,run,split,over,short; default all).
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


def mcid_lines(pdf, page):
    """{mcid: [baseline y, ...]} of the text shown in each marked-content
    sequence of the page (the innermost one with an MCID)."""
    import pikepdf
    out = {}
    stack = []
    lm = tm = [1, 0, 0, 1, 0, 0]
    tl = 0.0

    def move(tx, ty):
        nonlocal lm, tm
        a, b, c, d, e, f = lm
        lm = [a, b, c, d, tx * a + ty * c + e, tx * b + ty * d + f]
        tm = lm
    for ops, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op in ("BDC", "BMC"):
            m = None
            if op == "BDC" and isinstance(ops[1], pikepdf.Dictionary) and \
                    "/MCID" in ops[1]:
                m = int(ops[1].MCID)
            stack.append(m if m is not None else
                         (stack[-1] if stack else None))
        elif op == "EMC":
            if stack:
                stack.pop()
        elif op == "BT":
            lm = tm = [1, 0, 0, 1, 0, 0]
        elif op == "Tm":
            lm = tm = [float(x) for x in ops]
        elif op == "TL":
            tl = float(ops[0])
        elif op in ("Td", "TD"):
            if op == "TD":
                tl = -float(ops[1])
            move(float(ops[0]), float(ops[1]))
        elif op in ("T*", "'", '"'):
            move(0, -tl)
        if op in ("Tj", "TJ", "'", '"') and stack and stack[-1] is not None:
            out.setdefault(stack[-1], []).append(tm[5])
    return out


def lines_of(ys):
    """The number of text lines among baselines: a line is a baseline
    more than 5 pt from the one before (a raised note number is not)."""
    n, last = 0, None
    for y in sorted(ys):
        if last is None or y - last > 5:
            n += 1
        last = y
    return n


def short_tops(pdf):
    """[(page, element, lines)]: each paragraph (P), list (L) or list
    item's body (LBody) that goes on from one page to the next with
    fewer than two of its lines on the next page."""
    import pikepdf
    out = []
    with pikepdf.open(pdf) as p:
        num = {pg.obj.objgen: i for i, pg in enumerate(p.pages)}
        lines = {}

        def ys(i, mcid):
            if i not in lines:
                lines[i] = mcid_lines(pdf, p.pages[i])
            return lines[i].get(mcid, [])

        def kids(e):
            k = e.get("/K")
            return list(k) if isinstance(k, pikepdf.Array) else \
                ([] if k is None else [k])

        def walk(e, pg):
            """{page: [baseline y]} of everything under e."""
            if "/Pg" in e:
                pg = num.get(e.Pg.objgen, pg)
            got = {}
            for k in kids(e):
                if isinstance(k, int):
                    got.setdefault(pg, []).extend(ys(pg, k))
                elif isinstance(k, pikepdf.Dictionary) and "/S" in k:
                    for i, y in walk(k, pg).items():
                        got.setdefault(i, []).extend(y)
                elif isinstance(k, pikepdf.Dictionary) and "/MCID" in k:
                    i = num.get(k.Pg.objgen, pg) if "/Pg" in k else pg
                    got.setdefault(i, []).extend(ys(i, int(k.MCID)))
            s = str(e.get("/S", ""))
            have = sorted(i for i, y in got.items() if y)
            if s in ("/P", "/L", "/LBody"):
                for i in have[1:]:
                    n = lines_of(got[i])
                    if n < 2:
                        out.append((i + 1, s[1:], n))
            return got
        walk(p.Root.StructTreeRoot, 0)
    return sorted(set(out))


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
    r["short"] = short_tops(pdf)
    return r


def main(argv):
    check = "--check" in argv
    hmax = None
    rules = {"under60", "run", "split", "over", "short"}
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
              "margin, %d paragraphs or lists going on with one line%s" % (pdf, r["pages"], r["fill"] * 100, len(r["under60"]),
                          " " + str(r["under60"]) if r["under60"] else "",
                          r["hyphlines"][0], r["hyphlines"][1], r["hyph"] * 100,
                          r["run"], len(r["split"]),
                          " " + str(r["split"]) if r["split"] else "",
                          len(r["over"]), len(r["short"]),
                          " " + str(r["short"]) if r["short"] else ""))
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
        if r["short"] and "short" in rules:
            why.append("a paragraph or list goes on with fewer than two "
                       "lines on the next page: %s" % r["short"][:5])
        if hmax is not None and r["hyph"] > hmax:
            why.append("%.1f%% of the lines hyphenated (at most %.1f%%)" %
                       (r["hyph"] * 100, hmax * 100))
        for w in why:
            print("FAIL: %s: %s" % (pdf, w))
            bad = 1
    return bad


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
