#!/usr/bin/python3
"""spec.py RENDER SPECDIR: the CommonMark 0.29 + GFM spec examples through
gen's Markdown path (tests/spec.sh fetches SPECDIR, the test/ folder of
Debian's cmark-gfm 0.29.0.gfm.6 source package).

Every example of SPECDIR/spec.txt and SPECDIR/extensions.txt (701, the
"disabled" ones left out as the package's own runner does) is rendered
by RENDER (build/obj/spec_render --unsafe: an edition's text, raw HTML
let through as with unsafe_html: true) and compared, after the package's
normalize.py, with the spec's HTML.  gen's documented policies (README,
"Markdown and the CommonMark spec") are undone before comparing, each by
one function below; an example that still differs is unexplained, and
any unexplained difference fails the test.

  comments    HTML comments are dropped from every output
  headings    a # heading is <h2> with an id (the page's <h1> is the title)
  tables      GFM tables: a wrapper, class="md", scope="col", alignment as
              class="num"/"center", left alignment not written
  images      shown as their description, never loaded
  urls        only http:, https:, mailto:, tel: and relative links are
              published (url.c); a link with any other scheme is text
  footnotes   gen's note markup (numbers as ids, Dutch labels, a heading)
  tasks       a task's box has a Dutch aria-label ("gedaan", "nog te doen")
  extensions  table, strikethrough, autolink, tagfilter, tasklist and
              footnotes are always on: where an example of the core spec
              is written for cmark without them, the reference is
              Debian's libcmark-gfm with gen's extensions

Prints one line per unexplained example and the counts.
"""
import ctypes
import html
import os
import re
import subprocess
import sys

if len(sys.argv) != 3:
    sys.exit("usage: spec.py RENDER SPECDIR")
render, specdir = sys.argv[1:3]
sys.path.insert(0, specdir)
from spec_tests import get_tests          # noqa: E402 (the package's)
from normalize import normalize_html      # noqa: E402

GEN_EXTS = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]


# --- the policies, undone ---------------------------------------------------

def comments(exp, act):
    return re.sub(r"<!--.*?-->", "", exp, flags=re.S), act


def headings(exp, act):
    # One level down, so levels 5 and 6 are both <h6>: the spec's side
    # is moved instead of gen's.
    def down(m):
        return "<%sh%d>" % (m.group(1), min(int(m.group(2)) + 1, 6))
    act = re.sub(r"<h([1-6]) id=\"[^\"]*\">", r"<h\1>", act)
    exp = re.sub(r"<(/?)h([1-6])>", down, exp)
    return exp, act


def tables(exp, act):
    act = act.replace('<div class="table-wrap"><table class="md">', "<table>")
    act = act.replace("</table></div>", "</table>")
    act = act.replace(' scope="col"', "")
    act = act.replace(' class="num"', ' align="right"')
    act = act.replace(' class="center"', ' align="center"')
    exp = exp.replace(' align="left"', "")
    return exp, act


def images(exp, act):
    def alt(m):
        text = re.sub(r'<img alt="([^"]*)" />', r"\1", m.group(1))
        return '<img alt="%s" />' % html.escape(
            html.unescape(re.sub(r"<[^>]*>", "", text)), quote=True)
    # Innermost first: an image inside an image's description.
    while True:
        new = re.sub(r'<span class="image-alt">((?:(?!<span class="image-alt">).)*?)</span>',
                     alt, act, flags=re.S)
        if new == act:
            break
        act = new
    exp = re.sub(r'<img src="[^"]*" alt="([^"]*)"(?: title="[^"]*")? />',
                 r'<img alt="\1" />', exp)
    return exp, act


def urls(exp, act):
    exp = re.sub(r'<a href="(?!(?:https?|mailto|tel):)[A-Za-z][A-Za-z0-9+.-]*:'
                 r'[^"]*"(?: title="[^"]*")?>(.*?)</a>', r"\1", exp,
                 flags=re.I | re.S)
    return exp, act


def tasks(exp, act):
    act = re.sub(r'(<input type="checkbox"[^>]*?) aria-label="[^"]*"', r"\1", act)
    return exp, act


def notes_canon(s):
    """Footnote markup reduced to what both renderers must agree on."""
    s = s.replace('<h2 id="fn-title">Noten</h2>\n', "")
    s = re.sub(r'<section class="footnotes"[^>]*>', '<section class="footnotes">', s)
    s = re.sub(r'<sup class="(?:fn-ref|footnote-ref)"><a href="#fn-([^"]*)" '
               r'id="fnref-([^"]*)"[^>]*>', r'<sup><a href="#fn-\1" id="fnref-\2">', s)
    s = re.sub(r'\u21a9<sup class="footnote-ref">\d+</sup>', '\u21a9', s)
    s = re.sub(r'\s<a href="#fnref-([^"]*)" class="(?:fn-back|footnote-backref)"'
               r'[^>]*>\u21a9</a>', ' <a href="#fnref-\\1">\u21a9</a>', s)
    labels = re.findall(r'<li id="fn-([^"]*)">', s)
    for i, lab in enumerate(labels, 1):
        s = re.sub(r'(["#])(fn(?:ref)?)-%s(-\d+)?"' % re.escape(lab),
                   lambda m, i=i: '%s%s-@%d%s"' % (m.group(1), m.group(2), i,
                                                   m.group(3) or ""), s)
    return s


def footnotes(exp, act):
    return notes_canon(exp), notes_canon(act)


POLICIES = [comments, footnotes, headings, tables, images, urls, tasks]


def undo(exp, act):
    used = []
    for p in POLICIES:
        e2, a2 = p(exp, act)
        if (e2, a2) != (exp, act):
            used.append(p.__name__)
        exp, act = e2, a2
    return exp, act, used


def same(a, b):
    try:
        return normalize_html(a) == normalize_html(b)
    except Exception:
        return a == b


# --- the reference with gen's extensions -----------------------------------

class Reference:
    """Debian's libcmark-gfm (the library gen links) with gen's options."""
    def __init__(self):
        self.lib = ctypes.CDLL("libcmark-gfm.so.0.29.0.gfm.6")
        self.ext = ctypes.CDLL("libcmark-gfm-extensions.so.0.29.0.gfm.6")
        L = self.lib
        L.cmark_find_syntax_extension.restype = ctypes.c_void_p
        L.cmark_find_syntax_extension.argtypes = [ctypes.c_char_p]
        L.cmark_parser_new.restype = ctypes.c_void_p
        L.cmark_parser_new.argtypes = [ctypes.c_int]
        L.cmark_parser_attach_syntax_extension.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        L.cmark_parser_feed.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
        L.cmark_parser_finish.restype = ctypes.c_void_p
        L.cmark_parser_finish.argtypes = [ctypes.c_void_p]
        L.cmark_parser_get_syntax_extensions.restype = ctypes.c_void_p
        L.cmark_parser_get_syntax_extensions.argtypes = [ctypes.c_void_p]
        L.cmark_render_html.restype = ctypes.c_void_p
        L.cmark_render_html.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p]
        L.cmark_parser_free.argtypes = [ctypes.c_void_p]
        L.cmark_node_free.argtypes = [ctypes.c_void_p]
        self.libc = ctypes.CDLL(None)
        self.libc.free.argtypes = [ctypes.c_void_p]
        self.ext.cmark_gfm_core_extensions_ensure_registered()

    def html(self, text):
        L = self.lib
        opts = (1 << 17) | (1 << 13)      # CMARK_OPT_UNSAFE | _FOOTNOTES
        p = L.cmark_parser_new(opts)
        for e in GEN_EXTS:
            L.cmark_parser_attach_syntax_extension(
                p, L.cmark_find_syntax_extension(e.encode()))
        b = text.encode("utf-8")
        L.cmark_parser_feed(p, b, len(b))
        doc = L.cmark_parser_finish(p)
        out = L.cmark_render_html(doc, opts, L.cmark_parser_get_syntax_extensions(p))
        s = ctypes.string_at(out).decode("utf-8")
        self.libc.free(out)
        L.cmark_node_free(doc)
        L.cmark_parser_free(p)
        return s


# --- the run ---------------------------------------------------------------

def main():
    tests = []
    for name in ("spec.txt", "extensions.txt"):
        for t in get_tests(os.path.join(specdir, name)):
            t["file"] = name
            tests.append(t)
    if len(tests) != 701:
        sys.exit("spec: %d examples in %s, not the 701 of cmark-gfm "
                 "0.29.0.gfm.6" % (len(tests), specdir))
    feed = "\0".join(t["markdown"] for t in tests) + "\0"
    run = subprocess.run([render, "--unsafe"], input=feed.encode("utf-8"),
                         stdout=subprocess.PIPE, check=True)
    outs = run.stdout.decode("utf-8").split("\0")[:-1]
    if len(outs) != len(tests):
        sys.exit("spec: %d examples, %d outputs from %s"
                 % (len(tests), len(outs), render))
    ref = Reference()
    match = explained = 0
    why = {}
    bad = []
    for t, act in zip(tests, outs):
        if t["html"].strip() == "<IGNORE>":     # as the package's runner
            match += 1
            continue
        exp, act2, used = undo(t["html"], act)
        if same(exp, act2):
            if used:
                explained += 1
                for u in used:
                    why[u] = why.get(u, 0) + 1
            else:
                match += 1
            continue
        exts = t["extensions"] if t["file"] == "spec.txt" else GEN_EXTS
        if sorted(set(exts)) != sorted(GEN_EXTS):
            rexp, ract, used = undo(ref.html(t["markdown"]), act)
            if same(rexp, ract):
                explained += 1
                for u in used + ["extensions"]:
                    why[u] = why.get(u, 0) + 1
                continue
        bad.append(t)
        print("UNEXPLAINED: %s example %d (line %d, %s)"
              % (t["file"], t["example"], t["start_line"], t["section"]))
        print("  markdown: %r" % t["markdown"])
        print("  expected: %r" % normalize_html(exp))
        print("  gen:      %r" % normalize_html(act2))
    print("spec: %d examples: %d identical, %d identical once gen's policies "
          "are undone (%s), %d unexplained"
          % (len(tests), match, explained,
             ", ".join("%s %d" % (k, v) for k, v in sorted(why.items())),
             len(bad)))
    by = {}
    for t in bad:
        by[t["section"]] = by.get(t["section"], 0) + 1
    if by:
        print("spec: unexplained by section: " +
              ", ".join("%s %d" % kv for kv in sorted(by.items())))
    return 1 if bad else 0


sys.exit(main())
