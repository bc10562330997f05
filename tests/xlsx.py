#!/usr/bin/python3
# xlsx.py: writes the workbooks of tests/xlsx.sh.  Run with Debian's
# /usr/bin/python3 (python3-openpyxl).
#
#   xlsx.py sheet CSV OUT [--1904] [--builtin] [--second] [--inline]
#       the CSV as a workbook written by openpyxl: dates (start, eind)
#       as date cells (format d-m-yyyy, or the built-in 14), whole
#       numbers (gesprekken, volgorde) as number cells, the rest as
#       text; --1904 uses the 1904 date system, --second puts the data
#       on a second sheet "Trajecten" after a sheet "Uitleg", --inline
#       writes inline strings (openpyxl's write-only mode) instead of
#       shared ones
#   xlsx.py quirks CSV OUT [--stored]
#       the same rows in a workbook written by hand, each column in
#       another of the forms Excel writes: rich text and phonetic runs,
#       inline strings, formulas with cached values, escaped line
#       breaks, numbers in exponent form, dates in the 1904 system with
#       a time, cells without a reference, skipped and empty rows, the
#       sheet second and its part outside xl/worksheets; --stored
#       leaves the parts uncompressed (a seed for fuzz_xlsx)
#   xlsx.py merged OUT | baddate OUT | leapday OUT
#       a small register with a merged header; with a text date
#       31-02-2021 in F12; with the date serial 60 (Excel's 1900-02-29)
#   xlsx.py bomb OUT | dtd OUT | laughs OUT
#       a workbook.xml that inflates past gen's bound; one with a DTD
#       declaring an entity; one with "a billion laughs"
#   xlsx.py bench ROWS OUT [CSV]
#       a register of ROWS rows as Excel writes it (shared strings), and
#       the same rows as a CSV
import csv
import datetime
import io
import sys
import zipfile

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils.datetime import CALENDAR_MAC_1904

DATES = ("start", "eind")
NUMBERS = ("gesprekken", "volgorde")


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def parse_date(v):
    a = v.split("-")
    if len(a[0]) == 4:
        return datetime.date(int(a[0]), int(a[1]), int(a[2]))
    return datetime.date(int(a[2]), int(a[1]), int(a[0]))


def typed(h, v):
    if v == "":
        return None
    if h in DATES:
        try:
            return parse_date(v)
        except ValueError:
            return v    # no date: Excel keeps it as text
    if h in NUMBERS and v.lstrip("-").isdigit():
        return int(v)
    return v


def sheet(args):
    src, out = args[0], args[1]
    hdr, rows = read_csv(src)
    inline = "--inline" in args
    wb = openpyxl.Workbook(write_only=inline)
    if "--1904" in args:
        wb.epoch = CALENDAR_MAC_1904
    fmt = "mm-dd-yy" if "--builtin" in args else "d-m-yyyy"
    if inline:
        if "--second" in args:
            wb.create_sheet("Uitleg").append(["Zie het blad Trajecten."])
        ws = wb.create_sheet("Trajecten")
    else:
        ws = wb.active
        if "--second" in args:
            ws.title = "Uitleg"
            ws.append(["Zie het blad Trajecten."])
            ws = wb.create_sheet("Trajecten")
        else:
            ws.title = "Trajecten"
    ws.append(hdr)
    for i, r in enumerate(rows):
        cells = []
        for h, v in zip(hdr, r):
            t = typed(h.strip().lower(), v)
            # Some end dates typed as text, which the date system does
            # not touch: a day too many or too few shows in durations.
            if i % 5 == 0 and h.strip().lower() == "eind":
                t = v
            if inline:
                c = WriteOnlyCell(ws, value=t)
                if isinstance(t, datetime.date):
                    c.number_format = fmt
                cells.append(c)
            else:
                cells.append(t)
        ws.append(cells)
    if not inline:
        for row in ws.iter_rows(min_row=2):
            for c in row:
                if isinstance(c.value, (datetime.date, datetime.datetime)):
                    c.number_format = fmt
    wb.save(out)


def esc(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;"))


def colname(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def serial1904(d, frac=0.0):
    return (d - datetime.date(1904, 1, 1)).days + frac


CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def write_zip(out, parts, stored=False):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED if stored else
                         zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def quirks(args):
    src, out = args[0], args[1]
    hdr, rows = read_csv(src)
    hl = [h.strip().lower() for h in hdr]
    sst = []

    def shared(xml):
        sst.append("<si>%s</si>" % xml)
        return len(sst) - 1

    def cell(ref, col, v, i):
        """One cell of column col (lower-case name) in row i, in a form
        that depends on the column."""
        r = ' r="%s"' % ref if i % 3 else ""   # some rows without r
        if v == "":
            # an empty cell: left out, or a styled cell without value
            return "" if r and i % 2 else '<c%s s="0"/>' % r
        if col == "id":
            a, b = v[:2], v[2:]
            return ('<c%s t="s"><v>%d</v></c>' % (r, shared(
                '<r><rPr><b/></rPr><t>%s</t></r><r><t>%s</t></r>'
                '<rPh sb="0" eb="1"><t>PHONETIC</t></rPh>'
                % (esc(a), esc(b)))))
        if col in DATES:
            d = parse_date(v)
            if col == "eind" and i % 4 == 0:
                return '<c%s t="s"><v>%d</v></c>' % (
                    r, shared("<t>%s</t>" % esc(v)))
            if col == "start":
                return '<c%s s="1"><v>%r</v></c>' % (
                    r, serial1904(d, 0.5))
            return '<c%s s="2"><f>J%d+0</f><v>%d</v></c>' % (
                r, i, serial1904(d))
        if col == "gesprekken":
            n = int(v)
            if i % 2:
                return '<c%s><v>%sE0</v></c>' % (r, n)
            return '<c%s><f>SUM(1,%d)-1</f><v>%d.0</v></c>' % (r, n, n)
        if col in ("soort", "hoofdthema"):
            return ('<c%s t="inlineStr"><is><t xml:space="preserve"> %s '
                    '</t></is></c>' % (r, esc(v)))
        if col in ("partijen", "escalatie"):
            return ('<c%s t="str"><f>"%s"</f><v>%s</v></c>'
                    % (r, esc(v), esc(v)))
        if col in ("themas", "aanleiding"):
            v = v.replace(";", ";_x000D_\n")
        return '<c%s t="s"><v>%d</v></c>' % (
            r, shared('<t xml:space="preserve">%s</t>' % esc(v)))

    # The header on row 2, after an empty row.
    body = ['<row r="1" spans="1:2"/>', '<row r="2">' + "".join(
        '<c r="%s2" t="s"><v>%d</v></c>' % (colname(j), shared(
            "<t>%s</t>" % esc(h))) for j, h in enumerate(hdr)) + "</row>"]
    rownum = 3
    for i, row in enumerate(rows):
        if i % 5 == 4:
            body.append('<row r="%d"><c r="A%d" s="1"/></row>'
                        % (rownum, rownum))
            rownum += 2     # an empty row, and one skipped
        cells = "".join(cell("%s%d" % (colname(j), rownum), hl[j], v,
                             rownum) for j, v in enumerate(row))
        body.append('<row r="%d">%s</row>' % (rownum, cells))
        rownum += 1
    sheetxml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<worksheet %s><dimension ref="A1:P%d"/><sheetData>%s'
                '</sheetData><mergeCells count="1"><mergeCell ref="A%d:C%d"/>'
                '</mergeCells></worksheet>' % (NS, rownum, "".join(body),
                                               rownum + 3, rownum + 3))
    parts = {
        "[Content_Types].xml": CT,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook %s><workbookPr date1904="1"/><sheets>'
            '<sheet name="Uitleg" sheetId="1" r:id="rId1"/>'
            '<sheet name="Trajecten" sheetId="2" r:id="rId2"/>'
            '</sheets></workbook>' % NS),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="%sworksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="%sworksheet" Target="/xl/data/register.xml"/>'
            '<Relationship Id="rId3" Type="%ssharedStrings" Target="sharedStrings.xml"/>'
            '<Relationship Id="rId4" Type="%sstyles" Target="styles.xml"/>'
            '</Relationships>' % (REL, REL, REL, REL)),
        "xl/styles.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<numFmts count="2"><numFmt numFmtId="164" formatCode="[$-413]d\\-m\\-yyyy;@"/>'
            '<numFmt numFmtId="165" formatCode="[h]:mm:ss"/></numFmts>'
            '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
            '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/>'
            '<xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="165"/></cellXfs>'
            '</styleSheet>'),
        "xl/worksheets/sheet1.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet %s><sheetData><row r="1"><c r="A1" t="inlineStr">'
            '<is><t>Zie het blad Trajecten.</t></is></c></row></sheetData>'
            '</worksheet>' % NS),
        "xl/data/register.xml": sheetxml,
        "xl/sharedStrings.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'count="%d" uniqueCount="%d">%s</sst>'
            % (len(sst), len(sst), "".join(sst))),
    }
    write_zip(out, parts, "--stored" in args)


SMALL = [
    ["id", "regio", "signaal", "themas", "start", "eind", "gesprekken",
     "uitkomst"],
    ["a1", "Twente", "email", "tarief", "2019-01-05", "2019-04-01", 4,
     "geslaagd"],
]


def small(out, edit):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Trajecten"
    ws.append(SMALL[0])
    ws.append([typed(SMALL[0][j], v) if isinstance(v, str) else v
               for j, v in enumerate(SMALL[1])])
    for i in range(3, 13):
        ws.append(["a%d" % i, "Twente", "email", "tarief",
                   datetime.date(2020, 1, i), datetime.date(2020, 2, i), 3,
                   "geslaagd"])
    for row in ws.iter_rows(min_row=2):
        for c in row:
            if isinstance(c.value, (datetime.date, datetime.datetime)):
                c.number_format = "d-m-yyyy"
    edit(ws)
    wb.save(out)


def merged(args):
    small(args[0], lambda ws: ws.merge_cells("B1:C1"))


def baddate(args):
    def edit(ws):
        ws["F12"] = "31-02-2021"
    small(args[0], edit)


def leapday(args):
    def edit(ws):
        ws["E4"] = 60
        ws["E4"].number_format = "d-m-yyyy"
    small(args[0], edit)


def minimal(out, workbook_xml):
    write_zip(out, {
        "[Content_Types].xml": CT,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": workbook_xml,
    })


def bomb(args):
    # 40 MiB of white space (in short runs: libxml2 refuses a text
    # node over 10 MB by itself) inflate from some 40 KiB.
    minimal(args[0], '<?xml version="1.0"?>\n<workbook %s>%s</workbook>'
            % (NS, ("<x/>" + " " * (1 << 20)) * 40))


def dtd(args):
    minimal(args[0], '<?xml version="1.0"?>\n<!DOCTYPE workbook [<!ENTITY '
            'e "Blad1">]>\n<workbook %s><sheets><sheet name="&e;" '
            'sheetId="1" r:id="rId1"/></sheets></workbook>' % NS)


def laughs(args):
    lol = "".join('<!ENTITY l%d "&l%d;&l%d;&l%d;&l%d;&l%d;">' % (
        i, i - 1, i - 1, i - 1, i - 1, i - 1) for i in range(1, 10))
    minimal(args[0], '<?xml version="1.0"?>\n<!DOCTYPE workbook [<!ENTITY '
            'l0 "lol">%s]>\n<workbook %s><sheets><sheet name="&l9;" '
            'sheetId="1" r:id="rId1"/></sheets></workbook>' % (lol, NS))


def bench(args):
    n, out = int(args[0]), args[1]
    sig = ["email", "telefoon", "ambassadeur", "regioadviseur",
           "jeugdautoriteit"]
    th = ["tarief", "contractvoorwaarden", "vertrouwen", "perspectief",
          "zorgcontinuiteit"]
    reg = ["Twente", "Rijnmond", "Holland Rijnland", "Zuid-Limburg"]
    uit = ["geslaagd", "deels", "niet-geslaagd", "geweigerd"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Trajecten"
    hdr = ["id", "regio", "signaal", "themas", "hoofdthema", "start",
           "eind", "gesprekken", "uitkomst"]
    ws.append(hdr)
    cw = csv.writer(open(args[2], "w", newline="")) if len(args) > 2 \
        else None
    if cw:
        cw.writerow(hdr)
    base = datetime.date(2019, 1, 1)
    for i in range(n):
        s = base + datetime.timedelta(days=i % 700)
        row = ["T%07d" % i, reg[i % 4], sig[i % 5],
               "%s;%s" % (th[i % 5], th[(i + 2) % 5]), th[i % 5], s,
               s + datetime.timedelta(days=20 + i % 200), i % 12,
               uit[i % 4]]
        ws.append(row)
        if cw:
            cw.writerow(row)
    for row in ws.iter_rows(min_row=2, min_col=6, max_col=7):
        for c in row:
            c.number_format = "d-m-yyyy"
    wb.save(out)


CMDS = {"sheet": sheet, "quirks": quirks, "merged": merged,
        "baddate": baddate, "leapday": leapday, "bomb": bomb, "dtd": dtd,
        "laughs": laughs,
        "bench": bench}

if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in CMDS:
        sys.stderr.write("usage: xlsx.py %s ...\n" % "|".join(CMDS))
        sys.exit(2)
    CMDS[sys.argv[1]](sys.argv[2:])
