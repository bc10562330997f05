#!/bin/sh
# safety.sh GEN: what gen reads and publishes cannot be turned against
# its users (issue 9 items 3, 4 and 7; spec 6.4), on scratch copies of
# tests/golden/minimal and tests/golden/disclosure:
#
#   - only regular files inside the content folder are read: a chapter,
#     logo, register, codebook, edition folder or frozen file that is a
#     symbolic link leading outside, a FIFO (no hang), a device or a
#     folder is an error naming the path, and out/ stays as it was; a
#     symbolic link that stays inside is followed;
#   - no link runs script: 13 javascript:, vbscript: and data: links,
#     disguised with controls, white space and entities, are plain text
#     with a warning at their line:column; every href in the HTML and
#     every /URI in the PDF, read as a browser reads them (the checker
#     here is written apart from gen), is http(s), mailto, tel, a
#     fragment or relative, and holds no control character;
#   - an SVG logo is published without script, handlers or references
#     outside it; a logo that is no image is an error at its logo: line;
#   - edition folders must be slugs, and gen new SLUG takes only a slug
#     and makes it inside the content folder (-C).
set -u
. "$(dirname "$0")/lib.sh"
export GEN_ASSETS="$root/assets"

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# expect NAME STATUS LINE COMMAND...: the exit status and, unless LINE
# is empty, LINE once as a whole line of the output (in $tmp/log), which
# holds no sanitizer report.  30 s at most: a FIFO must not hang gen.
expect() {
	name=$1 want=$2 line=$3
	shift 3
	timeout 30 "$@" >"$tmp/log" 2>&1
	got=$?
	if grep -q 'Sanitizer\|runtime error:' "$tmp/log"; then
		bad "$name: a sanitizer reported a fault"
		sed 's/^/    /' "$tmp/log" | head -20
	elif [ "$got" -ne "$want" ]; then
		bad "$name: exit $got, expected $want"
		sed 's/^/    /' "$tmp/log" | head -20
	elif [ -n "$line" ] && [ "$(grep -cFx -- "$line" "$tmp/log")" -ne 1 ]; then
		bad "$name: not once the line '$line'"
		sed 's/^/    /' "$tmp/log" | head -20
	else
		ok
	fi
}

# fresh [CASE]: c/ a new copy of a golden case's content (minimal by
# default), out/ an earlier build's stand-in, its listing kept.
fresh() {
	rm -rf c out
	cp -R "$root/tests/golden/${1:-minimal}/content" c
	mkdir out && echo "earlier build" >out/index.html
	printf '%s\n' "# gen build wrote this folder and may replace it. Paths it wrote:" \
	    index.html >out/.gen-output
	(cd out && find . -type f -exec sha256sum {} + | sort) >"$tmp/out.before"
}

# unchanged NAME: out/ is as fresh left it.
unchanged() {
	(cd out && find . -type f -exec sha256sum {} + | sort) >"$tmp/out.now"
	cmp -s "$tmp/out.before" "$tmp/out.now" && ok ||
	    bad "$1: a failed build changed out/"
}

cd "$tmp" || exit 1
ed=c/2022-kort
printf '# Geheim\n\nGEHEIM-4711 uit een bestand buiten content.\n' >secret.md
outside="leads outside the content folder (through a symbolic link, an absolute path or '..'); gen reads only files inside it"
fifo="is a FIFO (named pipe), not a regular file; gen reads only regular files inside the content folder"

# --- item 3: only regular files inside the content folder -------------

fresh
ln -s "$tmp/secret.md" "$ed/02-buiten.md"
expect "chapter linked outside" 1 "$ed/02-buiten.md: error: $outside" \
    "$gen" build -o out c
unchanged "chapter linked outside"
expect "chapter linked outside, check" 1 "$ed/02-buiten.md: error: $outside" \
    "$gen" check c

fresh
ln -s ../../secret.md "$ed/02-buiten.md"
expect "chapter linked outside by ../" 1 "$ed/02-buiten.md: error: $outside" \
    "$gen" build -o out c

fresh
ln -s ../secret.md c/link
ln -s ../link "$ed/02-buiten.md"
expect "chapter linked to a link that leads outside" 1 \
    "$ed/02-buiten.md: error: $outside" "$gen" build -o out c

fresh
mkdir c/gedeeld
printf '# Gedeeld\n\nGEDEELD-0815 uit een gedeelde map.\n' >c/gedeeld/h.md
ln -s ../gedeeld/h.md "$ed/02-gedeeld.md"
expect "chapter linked inside" 0 "" "$gen" build -o out c
grep -q GEDEELD-0815 out/2022-kort/index.html && ok ||
    bad "a chapter linked inside the content folder is not published"

fresh
mkfifo "$ed/03-fifo.md"
expect "FIFO chapter" 1 "$ed/03-fifo.md: error: $fifo" "$gen" build -o out c
unchanged "FIFO chapter"

fresh
mkdir c/2023-fifo
mkfifo c/2023-fifo/index.md
expect "FIFO index.md" 1 "c/2023-fifo/index.md: error: $fifo" \
    "$gen" build -o out c

fresh
rm c/codes.csv
mkfifo c/codes.csv
expect "FIFO codebook" 1 "c/codes.csv: error: $fifo" "$gen" build -o out c

fresh
mkdir "$ed/04-map.md"
expect "folder named .md" 1 \
    "$ed/04-map.md: error: is a folder, but a name ending in .md is a chapter; rename it" \
    "$gen" build -o out c

fresh
if mknod "$ed/05-apparaat.md" c 1 3 2>/dev/null; then
	expect "device chapter" 1 \
	    "$ed/05-apparaat.md: error: is a device, not a regular file; gen reads only regular files inside the content folder" \
	    "$gen" build -o out c
fi

fresh
mkdir elders
cp "$ed/index.md" elders/index.md
ln -s "$tmp/elders" c/2023-elders
expect "edition folder linked outside" 1 "c/2023-elders: error: $outside" \
    "$gen" build -o out c
unchanged "edition folder linked outside"

fresh
sed -i '3a brand: { logo: logo.svg }' "$ed/index.md"
ln -s /etc/passwd "$ed/logo.svg"
expect "logo linked to /etc/passwd" 1 "$ed/logo.svg: error: $outside" \
    "$gen" build -o out c
unchanged "logo linked to /etc/passwd"

fresh disclosure
mv c/regio/trajecten.csv register.csv
ln -s "$tmp/register.csv" c/regio/trajecten.csv
expect "register linked outside" 1 "c/regio/trajecten.csv: error: $outside" \
    "$gen" build -o out c
rm c/regio/trajecten.csv
mkfifo c/regio/trajecten.csv
expect "FIFO register" 1 "c/regio/trajecten.csv: error: $fifo" \
    "$gen" build -o out c
unchanged "FIFO register"

# A published edition's frozen file replaced by a link to outside.
fresh
expect "publish" 0 "" "$gen" publish "$ed"
cp "$ed/published/files/index.html" frozen.html
rm "$ed/published/files/index.html"
ln -s "$tmp/frozen.html" "$ed/published/files/index.html"
expect "frozen file linked outside" 1 \
    "$ed/published/files/index.html: error: $outside" "$gen" build -o out c
unchanged "frozen file linked outside"

# gen new --from copies no file from outside.
fresh
ln -s "$tmp/secret.md" "$ed/02-buiten.md"
expect "new --from an edition with a link outside" 1 \
    "$ed/02-buiten.md: error: $outside" "$gen" new kopie -C c --from "$ed"
grep -rqs GEHEIM-4711 c/kopie && bad "gen new --from copied a file from outside" || ok

# --- item 4: links that run script --------------------------------------

fresh
warn="is shown as plain text: only http:, https:, mailto:, tel: and relative links are published"
# One link a paragraph, from line 9 of index.md on: link i on line 7+2i.
i=0
{
	echo
	for l in \
	    '[v](java&#x0A;script:alert(1))' \
	    '[v](java&#x09;script:alert(1))' \
	    '[v](java&#x0D;script:alert(1))' \
	    '[v](&#x20;javascript:alert(1))' \
	    '[v](&#x01;javascript:alert(1))' \
	    '[v](&#x0C;javascript:alert(1))' \
	    '[v](&#x1F;javascript:alert(1))' \
	    '[v](JaVaScRiPt:alert(1))' \
	    '[v](javascript&#x3A;alert(1))' \
	    '<javascript:alert(1)>' \
	    '[v](&#x0A;&#x09;javascript:alert(1)&#x1F;)' \
	    '[v](vbscript:msgbox(1))' \
	    '[v](DATA:text/html;base64,PHNjcmlwdD5hbGVydChkb2N1bWVudC5jb29raWUpPC9zY3JpcHQ+)' \
	    '[ok](java&#x01;script:alert(1))' \
	    '[ok](java&#x0C;script:alert(1))' \
	    '[ok](java&#x1F;script:alert(1))' \
	    '[ok](https://example.org/a&#x20;b&#x0A;c)' \
	    '[ok](tel:+31201234567)' \
	    '[ok](mailto:info@example.org)' \
	    '[ok](HTTPS://EXAMPLE.ORG/X)' \
	    '[ok](../elders.html)' \
	    'Zie www.example.org voor meer.'; do
		printf '%s\n\n' "$l"
	done
} >>"$ed/index.md"
expect "links" 0 "" "$gen" build -o out c
for w in "9:1:java%0Ascript:alert(1)" "11:1:java%09script:alert(1)" \
    "13:1:java%0Dscript:alert(1)" "15:1: javascript:alert(1)" \
    "17:1:%01javascript:alert(1)" "19:1:%0Cjavascript:alert(1)" \
    "21:1:%1Fjavascript:alert(1)" "23:1:JaVaScRiPt:alert(1)" \
    "25:1:javascript:alert(1)" "27:1:javascript:alert(1)" \
    "29:1:%0A%09javascript:alert(1)%1F" "31:1:vbscript:msgbox(1)" \
    "33:1:DATA:text/html;base64,PHNjcmlwdD5hbGVydChkb2N1bWVudC5jb29raW..."; do
	pos=${w%%:*} rest=${w#*:}
	pos=$pos:${rest%%:*} url=${rest#*:}
	grep -qFx "$ed/index.md:$pos: warning: link to '$url' $warn" "$tmp/log" &&
	    ok || bad "links: no warning at $pos for '$url'"
done
n=$(grep -c "warning: link to" "$tmp/log")
[ "$n" -eq 13 ] && ok || bad "links: $n warnings, expected 13"
for h in 'java%01script:alert(1)' 'java%0Cscript:alert(1)' \
    'java%1Fscript:alert(1)' 'https://example.org/a%20bc' \
    'tel:+31201234567' 'mailto:info@example.org' \
    'HTTPS://EXAMPLE.ORG/X' '../elders.html' 'http://www.example.org'; do
	grep -qF "href=\"$h\"" out/2022-kort/index.html && ok ||
	    bad "links: no href=\"$h\" in the HTML"
done

# The checker: hrefs (entities decoded) and /URIs read as a browser
# reads a URL (WHATWG: strip C0 and space at both ends, drop tab, LF,
# CR, then the scheme).
cat >judge.py <<'EOF'
import re, sys
from html.parser import HTMLParser

def scheme(u):
    u = u.strip("".join(chr(c) for c in range(0x21)))
    u = re.sub("[\t\n\r]", "", u)
    m = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", u)
    return m.group(1).lower() if m else None

def judge(where, urls):
    bad = 0
    for u in urls:
        s = scheme(u)
        if s not in (None, "http", "https", "mailto", "tel"):
            print("FAIL: %s: %r is a %s: URL to a browser" % (where, u, s))
            bad += 1
        if re.search("[\x00-\x20\x7f]", u):
            print("FAIL: %s: %r holds a control character or space" % (where, u))
            bad += 1
    return bad

class Hrefs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []
    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k in ("href", "src", "xlink:href") and v is not None:
                self.urls.append(v)

h = Hrefs()
h.feed(open(sys.argv[1], encoding="utf-8").read())
n = judge("HTML", h.urls)
import pikepdf
uris = []
with pikepdf.open(sys.argv[2]) as pdf:
    for page in pdf.pages:
        for a in page.get("/Annots", []):
            act = a.get("/A")
            if act is not None and "/URI" in act:
                uris.append(bytes(act.URI).decode("latin-1"))
n += judge("PDF", uris)
want = ["https://example.org/a%20bc", "tel:+31201234567",
        "mailto:info@example.org", "HTTPS://EXAMPLE.ORG/X",
        "http://www.example.org"]
for w in want:
    if w not in uris:
        print("FAIL: PDF: no link to %r (links: %r)" % (w, uris))
        n += 1
print("judged %d hrefs, %d URIs" % (len(h.urls), len(uris)))
sys.exit(1 if n else 0)
EOF
if /usr/bin/python3 judge.py out/2022-kort/index.html out/2022-kort/2022-kort.pdf \
    >"$tmp/judge.log" 2>&1; then
	ok
else
	bad "links: the HTML or the PDF links a URL that runs script"
	cat "$tmp/judge.log"
fi

# A refused link in a callout's title line (fuzz_markdown found a crash).
fresh
printf '\n> [!kader] Zie [hier](java&#x0A;script:x) en www.example.org\n> Tekst.\n' \
    >>"$ed/index.md"
expect "refused link in a callout title" 0 \
    "$ed/index.md:9:16: warning: link to 'java%0Ascript:x' $warn" \
    "$gen" build -o out c

# An SVG logo with script, handlers and references outside it.
fresh
sed -i '3a brand: { logo: logo.svg }' "$ed/index.md"
cat >"$ed/logo.svg" <<'EOF'
<?xml version="1.0"?>
<?xml-stylesheet href="http://evil.example/x.css"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:h="http://www.w3.org/1999/xhtml" width="120" height="40" onload="alert(1)">
  <script>alert(2)</script>
  <h:script>alert(3)</h:script>
  <h:iframe src="http://evil.example/"/>
  <foreignObject width="9" height="9"><h:iframe src="http://evil.example/"/></foreignObject>
  <style>rect { fill: url(http://evil.example/x.svg#a) }</style>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#0b6e4f"/></linearGradient></defs>
  <a xlink:href="javascript:alert(4)"><rect width="40" height="40" fill="url(#g)" ONCLICK="alert(5)"/></a>
  <a href="#g"><set attributeName="href" to="javascript:alert(6)"/></a>
  <image href="http://evil.example/track.png" width="1" height="1"/>
  <use xlink:href="http://evil.example/sprite.svg#x"/>
  <use xlink:href="#g"/>
  <rect style="fill:URL( 'http://evil.example/y' )" x="50" width="10" height="10"/>
  <text x="60" y="30" font-size="20">Logo</text>
</svg>
EOF
expect "SVG logo cleaned" 0 \
    "$ed/index.md:4:16: warning: logo 'logo.svg' is published without its <script>, <foreignObject>, event handlers (on...), links to outside the file (href), references to outside the file (url(), javascript:), animations of links, processing instructions" \
    "$gen" build -o out c
# The pages show the cleaned SVG drawn into a PNG (logopng.c); the SVG
# itself is not published, and nothing of what was cut reaches a page.
[ ! -e out/2022-kort/logo.svg ] && ok || bad "SVG logo: the SVG itself was published"
head -c 8 out/2022-kort/logo.png 2>/dev/null | od -An -c | grep -q 'P   N   G' && ok ||
    bad "SVG logo: no PNG drawn for the pages"
grep -q 'src="logo.png"' out/2022-kort/index.html && ok ||
    bad "SVG logo: the page does not show logo.png"
if grep -aEiq 'evil|alert\(' out/2022-kort/index.html out/2022-kort/2022-kort.pdf; then
	bad "SVG logo: what was cut reached a page"
else
	ok
fi

# A clean SVG draws without a word and reaches the pages as a PNG.
fresh
sed -i '3a brand: { logo: logo.svg }' "$ed/index.md"
cp "$root/tests/golden/sample/content/leergang-helmond/logo.svg" "$ed/logo.svg"
expect "clean SVG logo" 0 "" "$gen" build -o out c
[ -s out/2022-kort/logo.png ] && ok ||
    bad "a clean SVG logo was not drawn for the pages"

# A PNG logo is published byte for byte; a damaged one is an error.
fresh
sed -i '3a brand: { logo: logo.png }' "$ed/index.md"
/usr/bin/python3 - "$ed/logo.png" <<'EOF'
import struct, sys, zlib
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
raw = b"".join(b"\x00" + b"\x0b\x6e\x4f" * 8 for _ in range(4))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" +
    chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 4, 8, 2, 0, 0, 0)) +
    chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
EOF
expect "PNG logo" 0 "" "$gen" build -o out c
cmp -s "$ed/logo.png" out/2022-kort/logo.png && ok ||
    bad "a PNG logo was not published as it is"
fresh
sed -i '3a brand: { logo: logo.png }' "$ed/index.md"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\010' >"$ed/logo.png"
expect "damaged PNG" 1 \
    "$ed/index.md:4:16: error: logo 'logo.png' is a damaged PNG image (libpng: the file ends inside the image)" \
    "$gen" build -o out c
unchanged "damaged PNG"

# Logos that are no image: errors at the logo: value.
fresh
sed -i '3a brand: { logo: logo.png }' "$ed/index.md"
echo "dit is tekst" >"$ed/logo.png"
expect "text named logo.png" 1 \
    "$ed/index.md:4:16: error: logo 'logo.png' is not a PNG image (it does not start like one); save it as PNG, or use an SVG" \
    "$gen" build -o out c
unchanged "text named logo.png"
fresh
sed -i '3a brand: { logo: logo.svg }' "$ed/index.md"
printf '<svg xmlns="http://www.w3.org/2000/svg"><rect>\n' >"$ed/logo.svg"
expect "invalid SVG" 1 "" "$gen" build -o out c
grep -q "^$ed/index.md:4:16: error: logo 'logo.svg' is not valid SVG: " \
    "$tmp/log" && ok || { bad "invalid SVG: no error at the logo: line"; cat "$tmp/log"; }
unchanged "invalid SVG"
printf '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]>\n<svg xmlns="http://www.w3.org/2000/svg"><text>&a;</text></svg>\n' \
    >"$ed/logo.svg"
expect "SVG with entities" 1 \
    "$ed/index.md:4:16: error: logo 'logo.svg' is an SVG that declares entities (<!ENTITY>), which gen does not publish; save it without a DOCTYPE" \
    "$gen" build -o out c
printf '<html xmlns="http://www.w3.org/1999/xhtml"/>\n' >"$ed/logo.svg"
expect "SVG that is HTML" 1 \
    "$ed/index.md:4:16: error: logo 'logo.svg' is not an SVG image (its root element is <html>, not <svg> in the SVG namespace)" \
    "$gen" build -o out c
unchanged "SVG that is HTML"

# --- item 7: names and paths ----------------------------------------------

rule="an edition's folder name is its URL: use only lower-case letters a-z, digits and '-', starting with a letter or digit (e.g. 2025-regio-helmond)"
for folder in "met spatie" "a#b" "50%" "café-ë" "Hoofdletters" "-streep" \
    "fonts"; do
	fresh
	mkdir "c/$folder"
	cp "$ed/index.md" "c/$folder/index.md"
	expect "edition folder '$folder'" 1 \
	    "c/$folder: error: '$folder' is not a valid edition name; $rule" \
	    "$gen" build -o out c
	unchanged "edition folder '$folder'"
done

fresh
for slug in a/b "$tmp/abs/pad" ../buiten "met spatie" fonts; do
	expect "gen new '$slug'" 1 \
	    "$slug: error: not a valid edition name; $rule; the edition is made in the content folder (-C)" \
	    "$gen" new "$slug" -C c
done
[ ! -e c/a ] && [ ! -e a ] && [ ! -e "$tmp/abs" ] && [ ! -e buiten ] &&
    [ ! -e c/fonts ] && ok || bad "gen new made a folder for a name it refused"
expect "gen new -C" 0 "" "$gen" new nieuw-2025 -C c
[ -f c/nieuw-2025/index.md ] && [ ! -e nieuw-2025 ] && ok ||
    bad "gen new SLUG -C c did not make c/SLUG"

cd "$root" || exit 1
summary safety
