#!/usr/bin/python3
"""pdfcheck.py PDF...: the machine-checkable conditions of PDF/A-2b and
PDF/UA-1 (Matterhorn protocol) that gen's PDFs must meet (spec 6.2),
and the structure around them, with Debian's python3-pikepdf.  veraPDF,
the reference checker, is in neither Debian nor npm.

Prints one line per failed check (file: check: detail, at most a few
details each), then a figure line per file:

    pdfcheck: FILE: N checks, F failed

and exits 1 if any check failed.  -q prints only the figure lines.
"""
import datetime
import re
import sys
import xml.etree.ElementTree as ET

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream, String

# Standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4).
STANDARD = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI Index
NonStruct Private H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead
TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP
Warichu WT WP Figure Formula Form""".split())
# gen draws decoration in these two (pdfa.h); none may stay in the tree.
RESERVED = {"Private", "NonStruct"}
PAINT = {"Tj", "TJ", "'", '"', "f", "F", "f*", "B", "B*", "b", "b*", "S",
         "s", "sh", "Do", "INLINE IMAGE", "BI"}
NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
}


class Report:
    """Counts checks; keeps the details of failed ones."""

    def __init__(self, path):
        self.path = path
        self.checks = {}    # name -> list of failure details

    def check(self, name, ok, detail=""):
        fails = self.checks.setdefault(name, [])
        if not ok:
            fails.append(detail)
        return ok

    def failed(self):
        return [n for n, f in self.checks.items() if f]

    def print(self, quiet):
        if not quiet:
            for name, fails in self.checks.items():
                if not fails:
                    continue
                shown = "; ".join(str(d) for d in fails[:3] if d)
                more = " (and %d more)" % (len(fails) - 3) if len(fails) > 3 else ""
                print("%s: %s: %d failure%s%s%s" % (
                    self.path, name, len(fails), "" if len(fails) == 1 else "s",
                    ": " + shown if shown else "", more))
        print("pdfcheck: %s: %d checks, %d failed" % (
            self.path, len(self.checks), len(self.failed())))


def name_of(o):
    return str(o)[1:] if isinstance(o, Name) else None


def text(o):
    return str(o) if isinstance(o, String) else None


def objid(o):
    try:
        return o.objgen
    except Exception:
        return (0, 0)


# --- document level ------------------------------------------------------

def check_document(pdf, r):
    root = pdf.Root
    r.check("trailer /ID: two strings", "/ID" in pdf.trailer and
            len(pdf.trailer.ID) == 2 and
            all(isinstance(x, String) and len(bytes(x)) == 16 for x in pdf.trailer.ID))
    r.check("header version at most 1.7", float(pdf.pdf_version) <= 1.7,
            pdf.pdf_version)
    r.check("not encrypted", not pdf.is_encrypted)
    lang = text(root.get("/Lang"))
    r.check("catalog /Lang nl-NL", lang == "nl-NL", lang)
    mi = root.get("/MarkInfo")
    r.check("MarkInfo /Marked true", isinstance(mi, Dictionary) and
            mi.get("/Marked") is True)
    vp = root.get("/ViewerPreferences")
    r.check("ViewerPreferences /DisplayDocTitle true",
            isinstance(vp, Dictionary) and vp.get("/DisplayDocTitle") is True)
    r.check("no JavaScript or additional actions", "/AA" not in root and
            ("/Names" not in root or "/JavaScript" not in root.Names))
    r.check("no embedded files", "/Names" not in root or
            "/EmbeddedFiles" not in root.Names)
    r.check("no interactive form", "/AcroForm" not in root)


def iccinfo(data):
    return data[16:20], data[12:16], int.from_bytes(data[8:9], "big")


def check_output_intent(pdf, r):
    ois = pdf.Root.get("/OutputIntents")
    gts = [oi for oi in (ois or []) if isinstance(oi, Dictionary) and
           oi.get("/S") == Name.GTS_PDFA1]
    r.check("one GTS_PDFA1 OutputIntent", len(gts) == 1, len(gts))
    if len(gts) != 1:
        r.check("OutputIntent: sRGB ICC profile embedded", False, "none")
        return
    oi = gts[0]
    prof = oi.get("/DestOutputProfile")
    ok = isinstance(prof, Stream)
    detail = ""
    if ok:
        data = prof.read_bytes()
        space, cls, major = iccinfo(data)
        ok = (space == b"RGB " and prof.get("/N") == 3 and major in (2, 4)
              and cls in (b"mntr", b"prtr", b"scnr", b"spac"))
        detail = (space, cls, major)
    r.check("OutputIntent: sRGB ICC profile embedded", ok, detail)
    r.check("OutputIntent: OutputConditionIdentifier",
            text(oi.get("/OutputConditionIdentifier")) not in (None, ""))


def pdfdate(s):
    """D:YYYYMMDDHHmmSS+HH'mm' -> aware datetime, or None."""
    m = re.match(r"D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?"
                 r"(Z|[+-]\d\d'?\d\d'?)?", s or "")
    if not m:
        return None
    y, mo, d, h, mi, se, tz = m.groups()
    off = datetime.timezone.utc
    if tz and tz != "Z":
        sign = -1 if tz[0] == "-" else 1
        hh, mm = int(tz[1:3]), int(tz.replace("'", "")[3:5] or 0)
        off = datetime.timezone(sign * datetime.timedelta(hours=hh, minutes=mm))
    return datetime.datetime(int(y), int(mo or 1), int(d or 1), int(h or 0),
                             int(mi or 0), int(se or 0), tzinfo=off)


def xmpdate(s):
    try:
        return datetime.datetime.fromisoformat((s or "").replace("Z", "+00:00"))
    except ValueError:
        return None


def xmp_values(root):
    desc = root.findall(".//rdf:Description", NS)

    def first(path):
        for d in desc:
            e = d.find(path, NS)
            if e is not None:
                return e
            # attribute form: <rdf:Description pdfaid:part="2">
            pre, local = path.split(":")
            a = d.get("{%s}%s" % (NS[pre], local))
            if a is not None:
                el = ET.Element("v")
                el.text = a
                return el
        return None

    def simple(path):
        e = first(path)
        return e.text if e is not None else None

    def li(path):
        e = first(path)
        if e is None:
            return None
        items = e.findall(".//rdf:li", NS)
        return [i.text or "" for i in items]

    return first, simple, li


def check_xmp(pdf, r):
    md = pdf.Root.get("/Metadata")
    ok = isinstance(md, Stream) and md.get("/Type") == Name.Metadata and \
        md.get("/Subtype") == Name.XML
    r.check("XMP metadata stream", ok)
    if not ok:
        for c in ("XMP: pdfaid:part 2, conformance B", "XMP: pdfuaid:part 1",
                  "XMP: PDF/UA extension schema", "XMP: dc:title",
                  "XMP matches Info"):
            r.check(c, False, "no XMP")
        return
    r.check("XMP stream not filtered", "/Filter" not in md)
    raw = md.read_bytes()
    try:
        root = ET.fromstring(raw.split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0])
    except (ET.ParseError, IndexError) as e:
        r.check("XMP is well-formed XML", False, e)
        return
    r.check("XMP is well-formed XML", True)
    first, simple, li = xmp_values(root)
    r.check("XMP: pdfaid:part 2, conformance B",
            simple("pdfaid:part") == "2" and simple("pdfaid:conformance") == "B",
            (simple("pdfaid:part"), simple("pdfaid:conformance")))
    r.check("XMP: pdfuaid:part 1", simple("pdfuaid:part") == "1",
            simple("pdfuaid:part"))
    schemas = root.findall(".//pdfaExtension:schemas//pdfaSchema:namespaceURI", NS)
    props = root.findall(".//pdfaSchema:property//pdfaProperty:name", NS)
    r.check("XMP: PDF/UA extension schema",
            any(s.text == NS["pdfuaid"] for s in schemas) and
            any(p.text == "part" for p in props))
    info = pdf.trailer.get("/Info") or Dictionary()
    title = li("dc:title")
    r.check("XMP: dc:title", bool(title and title[0]), title)
    pairs = [("/Title", (title or [None])[0]),
             ("/Author", "; ".join(li("dc:creator") or []) or None),
             ("/Subject", (li("dc:description") or [None])[0]),
             ("/Creator", simple("xmp:CreatorTool")),
             ("/Producer", simple("pdf:Producer")),
             ("/Keywords", simple("pdf:Keywords"))]
    for key, xv in pairs:
        iv = text(info.get(key))
        r.check("XMP matches Info", iv == xv, "%s %r vs %r" % (key, iv, xv))
    for key, xk in (("/CreationDate", "xmp:CreateDate"),
                    ("/ModDate", "xmp:ModifyDate")):
        iv, xv = text(info.get(key)), simple(xk)
        if iv is None and xv is None:
            continue
        r.check("XMP matches Info", pdfdate(iv) is not None and
                pdfdate(iv) == xmpdate(xv), "%s %r vs %r" % (key, iv, xv))
    r.check("XMP: xmp:CreateDate", simple("xmp:CreateDate") is not None)
    r.check("Info /Title", bool(text(info.get("/Title"))))


# --- structure tree ----------------------------------------------------------

class Tree:
    """The structure elements, their kids, MCIDs and object references."""

    def __init__(self, pdf, r):
        self.elems = []         # (elem, type, parent) in document order
        self.mcids = {}         # (page objgen, mcid) -> elem
        self.objr = {}          # annotation objgen -> elem
        self.r = r
        st = pdf.Root.get("/StructTreeRoot")
        self.root = st
        self.rolemap = {}
        if isinstance(st, Dictionary) and isinstance(st.get("/RoleMap"), Dictionary):
            self.rolemap = {k[1:]: name_of(v) for k, v in st.RoleMap.items()}
        seen = set()
        if isinstance(st, Dictionary):
            self.walk(st, None, seen)

    def std(self, t):
        n = 0
        while t not in STANDARD and t in self.rolemap and n < 10:
            t = self.rolemap[t]
            n += 1
        return t

    def walk(self, e, page, seen):
        k = e.get("/K")
        if k is None:
            return
        kids = list(k) if isinstance(k, Array) else [k]
        for c in kids:
            if isinstance(c, int):
                self.addmcid(page, c, e)
            elif isinstance(c, Dictionary):
                t = c.get("/Type")
                if t == Name.MCR:
                    self.addmcid(c.get("/Pg", page), int(c.MCID), e)
                elif t == Name.OBJR:
                    self.objr[objid(c.Obj)] = e
                elif "/S" in c:
                    if objid(c) in seen and objid(c) != (0, 0):
                        self.r.check("structure elements appear once", False,
                                     objid(c))
                        continue
                    seen.add(objid(c))
                    self.r.check("element /P is its parent",
                                 objid(c.get("/P")) == objid(e), name_of(c.S))
                    self.elems.append((c, self.std(name_of(c.S)),
                                       e if "/S" in e else None))
                    self.walk(c, c.get("/Pg", page), seen)

    def addmcid(self, page, mcid, e):
        if page is None:
            self.r.check("MCIDs have a page", False, mcid)
            return
        key = (objid(page), mcid)
        self.r.check("MCIDs are unique per page", key not in self.mcids, key)
        self.mcids[key] = e


def kids_of(e):
    k = e.get("/K")
    kids = list(k) if isinstance(k, Array) else [k] if k is not None else []
    return [c for c in kids if isinstance(c, Dictionary) and "/S" in c]


def check_structure(pdf, r, pagemcids):
    st = pdf.Root.get("/StructTreeRoot")
    r.check("StructTreeRoot", isinstance(st, Dictionary))
    if not isinstance(st, Dictionary):
        return
    tree = Tree(pdf, r)
    tree.pagemcids = pagemcids
    types = [t for _, t, _ in tree.elems]
    r.check("structure types standard or role-mapped",
            all(t in STANDARD for t in types),
            sorted(set(t for t in types if t not in STANDARD)))
    r.check("no decoration element (Private, NonStruct) left in the tree",
            not any(t in RESERVED for t in types),
            sorted(set(t for t in types if t in RESERVED)))
    r.check("one Document element at the root",
            len(kids_of(st)) == 1 and types[:1] == ["Document"])
    # Headings: the first is H1; no level skipped going down.
    levels = [int(t[1]) for t in types if re.fullmatch(r"H[1-6]", t)]
    r.check("headings: first is H1", levels[:1] == [1], levels[:1])
    bad = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    r.check("headings: no level skipped", not bad, bad[:3])
    r.check("no generic H with numbered headings", "H" not in types or not levels)
    for e, t, parent in tree.elems:
        kids = [tree.std(name_of(c.S)) for c in kids_of(e)]
        pt = tree.std(name_of(parent.S)) if parent is not None and "/S" in parent else None
        if t == "Figure":
            alt = text(e.get("/Alt"))
            r.check("Figure has /Alt", bool(alt and alt.strip()))
        elif t == "Table":
            rows = [k for k in kids if k != "Caption"]
            r.check("Table holds rows (TR, THead, TBody, TFoot) and Caption",
                    rows and all(k in ("TR", "THead", "TBody", "TFoot") for k in rows), kids)
        elif t in ("THead", "TBody", "TFoot"):
            r.check("THead/TBody/TFoot hold TR", all(k == "TR" for k in kids), kids)
        elif t == "TR":
            r.check("TR holds TH and TD", kids and all(k in ("TH", "TD") for k in kids), kids)
            r.check("TR inside a table", pt in ("Table", "THead", "TBody", "TFoot"), pt)
        elif t in ("TH", "TD"):
            r.check("TH/TD inside TR", pt == "TR", pt)
        if t == "TH":
            a = e.get("/A")
            attrs = list(a) if isinstance(a, Array) else [a] if a is not None else []
            scope = [x.get("/Scope") for x in attrs if isinstance(x, Dictionary)
                     and x.get("/O") == Name.Table]
            r.check("TH has /Scope", any(s in (Name.Row, Name.Column, Name.Both)
                                         for s in scope))
        elif t == "L":
            r.check("L holds LI (and Caption, L)", kids and
                    all(k in ("LI", "Caption", "L") for k in kids), kids)
        elif t == "LI":
            r.check("LI holds Lbl and LBody", kids and
                    all(k in ("Lbl", "LBody") for k in kids), kids)
            r.check("LI inside L", pt == "L", pt)
        elif t == "LBody" or t == "Lbl":
            r.check("Lbl/LBody inside LI or Note", pt in ("LI", "Note", "TOCI",
                                                       "BibEntry"), (t, pt))
        elif t == "TOC":
            r.check("TOC holds TOCI", kids and all(k in ("TOCI", "TOC", "Caption")
                                                   for k in kids), kids)
        elif t == "TOCI":
            r.check("TOCI inside TOC", pt == "TOC", pt)
            ref = [c for c in kids_of(e) if tree.std(name_of(c.S)) == "Reference"]
            r.check("TOCI > Reference > Link", ref and any(
                tree.std(name_of(x.S)) == "Link" for x in kids_of(ref[0])), kids)
        elif t == "Note":
            r.check("Note has /ID", text(e.get("/ID")) not in (None, ""))
        elif t == "Link":
            k = e.get("/K")
            k = list(k) if isinstance(k, Array) else [k]
            r.check("Link holds an OBJR to its annotation", any(
                isinstance(x, Dictionary) and x.get("/Type") == Name.OBJR for x in k))
    ids = [text(e.get("/ID")) for e, _, _ in tree.elems if "/ID" in e]
    r.check("element /IDs are unique", len(ids) == len(set(ids)))
    check_parent_tree(pdf, st, tree, r)


def number_tree(nt, out, depth=0):
    if not isinstance(nt, Dictionary) or depth > 20:
        return
    nums = nt.get("/Nums")
    if isinstance(nums, Array):
        for i in range(0, len(nums) - 1, 2):
            out[int(nums[i])] = nums[i + 1]
    for k in nt.get("/Kids", []):
        number_tree(k, out, depth + 1)


def check_parent_tree(pdf, st, tree, r):
    pt = {}
    number_tree(st.get("/ParentTree"), pt)
    r.check("ParentTree", bool(pt))
    nk = st.get("/ParentTreeNextKey")
    if nk is not None:
        r.check("ParentTreeNextKey above every key", all(k < int(nk) for k in pt))
    used = set()
    for n, page in enumerate(pdf.pages, 1):
        po = page.obj
        mcids = tree.pagemcids.get(objid(po), [])
        if "/StructParents" not in po:
            r.check("page with tagged content has /StructParents", not mcids, n)
            continue
        sp = int(po.StructParents)
        used.add(sp)
        arr = pt.get(sp)
        r.check("ParentTree entry of each page", isinstance(arr, Array), n)
        if not isinstance(arr, Array):
            continue
        for mcid in mcids:
            e = arr[mcid] if mcid < len(arr) else None
            owner = tree.mcids.get((objid(po), mcid))
            r.check("MCID in content -> ParentTree -> element holding it",
                    isinstance(e, Dictionary) and owner is not None and
                    objid(e) == objid(owner), "page %d MCID %d" % (n, mcid))
        # Every MCID an element claims on this page is in the content.
        for (pg, mcid), e in tree.mcids.items():
            if pg == objid(po):
                r.check("element MCIDs exist in the page content", mcid in mcids,
                        "page %d MCID %d" % (n, mcid))
        for a in po.get("/Annots", []):
            if a.get("/Subtype") in (Name.Popup,):
                continue
            sp2 = a.get("/StructParent")
            ok = sp2 is not None and objid(pt.get(int(sp2))) == objid(tree.objr.get(objid(a)))
            r.check("annotation -> ParentTree -> element with its OBJR",
                    ok and objid(a) in tree.objr, "page %d" % n)
            if sp2 is not None:
                used.add(int(sp2))


# --- pages ---------------------------------------------------------------

def check_content(pdf, r):
    """Every painting operator in a tagged sequence or an artifact, never one
    in the other.  Returns each page's MCIDs (by page object)."""
    pagemcids = {}
    for n, page in enumerate(pdf.pages, 1):
        stack = []              # "tag", "art", "bare" (untyped artifact), "other"
        mcids = []
        outside = 0
        nested = 0
        untyped = 0
        for ins in pikepdf.parse_content_stream(page):
            op = str(ins.operator)
            if op in ("BDC", "BMC"):
                tag = name_of(ins.operands[0])
                props = ins.operands[1] if op == "BDC" and len(ins.operands) > 1 else None
                kind = "other"
                if tag == "Artifact":
                    kind = "art" if isinstance(props, Dictionary) and \
                        "/Type" in props else "bare"
                elif isinstance(props, Dictionary) and "/MCID" in props:
                    kind = "tag"
                    mcids.append(int(props.MCID))
                if kind in ("art", "bare") and "tag" in stack or \
                        kind == "tag" and ("art" in stack or "bare" in stack):
                    nested += 1
                stack.append(kind)
            elif op == "EMC":
                if stack:
                    stack.pop()
                else:
                    r.check("BDC/BMC and EMC balance", False, "page %d" % n)
            elif op in PAINT:
                if "tag" not in stack and "art" not in stack:
                    if "bare" in stack:
                        untyped += 1
                    else:
                        outside += 1
        r.check("BDC/BMC and EMC balance", not stack, "page %d" % n)
        r.check("content inside a tag or an artifact", outside == 0,
                "page %d: %d operators" % (n, outside))
        r.check("no tagged content in an artifact, no artifact in tagged content",
                nested == 0, "page %d" % n)
        # gen marks its decoration on purpose (layout, pagination); paint
        # in an untyped artifact is something drawn outside any tag.
        r.check("drawn artifacts have a /Type", untyped == 0,
                "page %d: %d operators" % (n, untyped))
        pagemcids[objid(page.obj)] = mcids
    return pagemcids


def check_annotations(pdf, r):
    for n, page in enumerate(pdf.pages, 1):
        annots = page.obj.get("/Annots")
        if not annots:
            continue
        r.check("page with annotations has /Tabs /S",
                page.obj.get("/Tabs") == Name.S, n)
        for a in annots:
            f = int(a.get("/F", 0))
            r.check("annotation printable (/F 4), not hidden",
                    f & 4 and not f & (1 | 2 | 32), "page %d /F %d" % (n, f))
            if a.get("/Subtype") == Name.Link:
                c = text(a.get("/Contents"))
                r.check("link annotation has /Contents", bool(c and c.strip()), n)
                act = a.get("/A")
                r.check("no JavaScript or launch actions",
                        not isinstance(act, Dictionary) or
                        act.get("/S") in (Name.URI, Name.GoTo), n)
            else:
                r.check("non-link annotations have an appearance", "/AP" in a, n)


def check_dests(pdf, r):
    names = []

    def walk(node, depth=0):
        if not isinstance(node, Dictionary) or depth > 30:
            return
        arr = node.get("/Names")
        if isinstance(arr, Array):
            names.extend(str(arr[i]) for i in range(0, len(arr), 2))
        for k in node.get("/Kids", []):
            walk(k, depth + 1)

    if "/Names" in pdf.Root and "/Dests" in pdf.Root.Names:
        walk(pdf.Root.Names.Dests)
    dup = sorted(set(x for x in names if names.count(x) > 1))
    r.check("named destinations are unique", not dup, dup[:3])


def fonts(pdf):
    for o in pdf.objects:
        if isinstance(o, Dictionary) and o.get("/Type") == Name.Font and \
                o.get("/Subtype") != Name.CIDFontType2 and \
                o.get("/Subtype") != Name.CIDFontType0:
            yield o


def check_fonts(pdf, r):
    n = 0
    for f in fonts(pdf):
        n += 1
        base = str(f.get("/BaseFont", f.get("/Subtype")))
        sub = f.get("/Subtype")
        r.check("fonts have /ToUnicode", "/ToUnicode" in f, base)
        if sub == Name.Type3:
            continue
        if sub == Name.Type0:
            d = f.DescendantFonts[0]
            fd = d.get("/FontDescriptor")
            if d.get("/Subtype") == Name.CIDFontType2:
                m = d.get("/CIDToGIDMap")
                r.check("CIDFontType2 has /CIDToGIDMap",
                        m == Name.Identity or isinstance(m, Stream), base)
            r.check("CIDFont /CIDSystemInfo", "/CIDSystemInfo" in d, base)
        else:
            fd = f.get("/FontDescriptor")
            r.check("simple fonts have /Widths", "/Widths" in f, base)
        r.check("fonts embedded", isinstance(fd, Dictionary) and any(
            k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")), base)
    r.check("fonts present", n > 0)


def main(argv):
    quiet = "-q" in argv
    paths = [a for a in argv if a != "-q"]
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    bad = 0
    for path in paths:
        r = Report(path)
        try:
            pdf = pikepdf.open(path)
        except Exception as e:
            r.check("opens", False, e)
            r.print(quiet)
            bad += 1
            continue
        with pdf:
            check_document(pdf, r)
            check_output_intent(pdf, r)
            check_xmp(pdf, r)
            # Content first: the parent tree check needs each page's MCIDs.
            check_structure(pdf, r, check_content(pdf, r))
            check_annotations(pdf, r)
            check_dests(pdf, r)
            check_fonts(pdf, r)
        r.print(quiet)
        bad += bool(r.failed())
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
