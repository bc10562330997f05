#!/bin/sh
# pdf.sh GEN: structure checks of every sample edition's PDF (spec 6.2),
# with the tools a reader's or archivist's machine has: qpdf, pdfinfo,
# pdffonts, pdftotext.  Builds tests/golden/sample/content, the draft
# copy of content/ (whose published editions are frozen, not laid out
# again), into a temporary folder, after checking the copy is current.
#
#   - qpdf --check finds no errors;
#   - pdfinfo: Tagged: yes, A4 pages, the front matter's title;
#   - the structure tree holds Document, H1, P, L/LI, Table, Figure,
#     Caption, TOC/TOCI and Link elements;
#   - pdffonts: every font embedded and subset;
#   - pdftotext: every contents entry's page holds that heading, every
#     "Figuur N." and "Tabel N." caption of the HTML is in the PDF, and
#     the key figures and diacritics come through intact;
#   - pdfcheck.py: PDF/A-2b and PDF/UA-1 conditions, structure tree,
#     content marking, fonts, annotations, XMP, output intent, trailer ID;
#   - pdfnav.py: every bookmark and contents link lands on its heading's
#     page (the first match of its name, as viewers resolve it);
#   - pdfcopy.py: a word hyphenated at a line end copies as the whole
#     word, a real hyphen stays a hyphen;
#   - pdfcheck.py and pdfnav.py also on the PDFs of the other golden
#     cases, and qpdf --check on every PDF.
#   - the cover band of a long title holds the whole title (below).
set -u
. "$(dirname "$0")/lib.sh"

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# Spaces collapsed, soft hyphens and line-end hyphens of wrapped words
# left as pdftotext gives them; headings are never hyphenated.
flat() { tr '\n\f' '  ' | tr -s ' '; }

src=tests/golden/sample/content
# The copy may differ from content/ only in the status line and the
# frozen files of published editions.
if ! diff -r -x published -I '^status: ' content "$src" >"$tmp/sync" 2>&1; then
	echo "FAIL: $src is not a copy of content/:"
	head -20 "$tmp/sync"
	echo "pdf: 0 passed, 1 failed"
	exit 1
fi

if ! "$gen" build -o "$tmp/out" "$src" >"$tmp/build.log" 2>&1; then
	cat "$tmp/build.log"
	echo "pdf: 0 passed, 1 failed"
	exit 1
fi

for dir in "$tmp"/out/*/; do
	slug=$(basename "$dir")
	[ -f "$src/$slug/index.md" ] || continue	# fonts/, assets
	pdf="$dir$slug.pdf"
	html="$dir/index.html"
	if [ ! -f "$pdf" ]; then
		bad "$slug: no $slug.pdf"
		continue
	fi

	if qpdf --check "$pdf" >"$tmp/qpdf.log" 2>&1; then ok; else
		bad "$slug: qpdf --check"; tail -5 "$tmp/qpdf.log"; fi

	pdfinfo "$pdf" >"$tmp/info"
	grep -q '^Tagged: *yes' "$tmp/info" && ok || bad "$slug: not tagged"
	grep -q '^Page size: *595.276 x 841.89 pts (A4)' "$tmp/info" && ok ||
	    bad "$slug: page size is not A4"
	title=$(sed -n 's/^title: *//p' "$src/$slug/index.md" | head -1 |
	    sed 's/^"\(.*\)"$/\1/')
	grep -qF "Title:           $title" "$tmp/info" && ok ||
	    bad "$slug: PDF title is not '$title'"
	# Every page but the cover: A4 too.
	pages=$(sed -n 's/^Pages: *//p' "$tmp/info")
	n=$(pdfinfo -f 1 -l "$pages" "$pdf" | grep -c 'size: *595.276 x 841.89')
	[ "$n" -eq "$pages" ] && ok || bad "$slug: $n of $pages pages are A4"

	pdfinfo -struct "$pdf" | awk '{ sub(/:$/, "", $1); print $1 }' | sort -u >"$tmp/tags"
	tags="Document H1 H2 P L LI Table TR TH TD Figure Caption TOC TOCI Link"
	grep -q 'class="footnotes"' "$html" && tags="$tags Note"
	for t in $tags; do
		grep -qx "$t" "$tmp/tags" && ok ||
		    bad "$slug: no $t element in the structure tree"
	done

	pdffonts "$pdf" | tail -n +3 >"$tmp/fonts"
	if [ -s "$tmp/fonts" ] && awk '$(NF-4) != "yes" || $(NF-3) != "yes" \
	    { exit 1 }' "$tmp/fonts"; then ok; else
		bad "$slug: a font is not embedded and subset"
		cat "$tmp/fonts"
	fi

	# The contents: "N  Title  page" lines on the pages before the
	# first chapter; each title must be on the page it names.
	pdftotext -layout -f 2 -l 4 "$pdf" - | awk '
	    /^[ \t]*[0-9]*[ \t]+[^ ].*[^ ][ \t]+[0-9]+[ \t]*$/ {
		p = $NF; $NF = ""; sub(/^[ \t]*[0-9]+[ \t]+/, ""); 
		sub(/^[ \t]+/, ""); sub(/[ \t]+$/, ""); print p "\t" $0 }' \
	    >"$tmp/toc"
	ntoc=$(wc -l <"$tmp/toc")
	nhead=$(grep '<h[23][ >]' "$html" |
	    grep -cv 'id="toc-title"\|id="fn-title"')
	[ "$ntoc" -ge 3 ] && [ "$ntoc" -eq "$nhead" ] && ok ||
	    bad "$slug: $ntoc contents entries read back, HTML has $nhead headings"
	while IFS='	' read -r p t; do
		pdftotext -f "$p" -l "$p" "$pdf" - | flat >"$tmp/page"
		grep -qF -- "$t" "$tmp/page" && ok ||
		    bad "$slug: contents entry '$t' points at page $p, which lacks it"
	done <"$tmp/toc"

	pdftotext "$pdf" - | flat >"$tmp/text"
	# Captions as the HTML numbers them.
	grep -o '\(fig-num">\|<caption>\)\(Figuur\|Tabel\) [0-9]*\.' "$html" |
	    sed 's/.*>//' | sort -u >"$tmp/caps"
	[ -s "$tmp/caps" ] && ok || bad "$slug: no captions found in the HTML"
	while read -r c; do
		grep -qF -- "$c" "$tmp/text" && ok ||
		    bad "$slug: caption '$c' of the HTML is not in the PDF"
	done <"$tmp/caps"
	# The key figures, as gen stats formats them, in the PDF's text.
	"$gen" stats "$src/$slug" >"$tmp/stats" 2>/dev/null
	aantal=$(awk '$1 == "aantal" { print $3 }' "$tmp/stats")
	grep -qF -- "$aantal" "$tmp/text" && [ -n "$aantal" ] && ok ||
	    bad "$slug: the number of trajectories ($aantal) is not in the PDF"
	# Diacritics and typographic quotes survive (ë, ï, é or ’ in text).
	grep -q 'ë\|ï\|é\|’' "$tmp/text" && ok ||
	    bad "$slug: no diacritics in the extracted text"
done

# The archival checks (Python with Debian's pikepdf).
py=/usr/bin/python3
if ! $py -c 'import pikepdf' 2>/dev/null || ! command -v mutool >/dev/null; then
	bad "python3-pikepdf or mupdf-tools missing (make deps installs them)"
else
	for dir in "$tmp"/out/*/; do
		slug=$(basename "$dir")
		[ -f "$src/$slug/index.md" ] || continue
		pdf="$dir$slug.pdf"
		for t in "pdfcheck.py" "pdfnav.py -r" "pdfcopy.py"; do
			set -- "$pdf"
			[ "$t" = pdfcopy.py ] && set -- "$pdf" "$dir/index.html"
			# shellcheck disable=SC2086
			if $py "$root/tests/"$t "$@" >"$tmp/py.log" 2>&1; then
				ok
			else
				bad "$slug: ${t%% *}"
				grep -v '^pdf[a-z]*: ' "$tmp/py.log" | head -20
			fi
			tail -1 "$tmp/py.log" | sed "s|$tmp/out/||"
		done
	done
	# Every other golden case that builds: its PDFs pass too.
	for c in "$root"/tests/golden/*/; do
		name=$(basename "$c")
		[ "$name" = sample ] && continue
		[ "$(cat "$c/expected/status")" = 0 ] || continue
		if ! "$gen" build -o "$tmp/g-$name" "$c/content" >/dev/null 2>&1; then
			bad "golden case $name does not build"
			continue
		fi
		for pdf in "$tmp/g-$name"/*/*.pdf; do
			qpdf --check "$pdf" >/dev/null 2>&1 && ok ||
			    bad "$name: qpdf --check $(basename "$pdf")"
			for t in pdfcheck.py pdfnav.py; do
				if $py "$root/tests/$t" "$pdf" >"$tmp/py.log" 2>&1
				then ok; else
					bad "$name: $t $(basename "$pdf")"
					grep -v '^pdf[a-z]*: ' "$tmp/py.log" | head -20
				fi
			done
		done
	done
fi

# Same inputs, same bytes.
"$gen" build -o "$tmp/again" "$src" >/dev/null 2>&1
for f in "$tmp"/out/*/*.pdf; do
	g="$tmp/again/${f#"$tmp"/out/}"
	cmp -s "$f" "$g" && ok || bad "$(basename "$f"): bytes differ between two builds"
done

# The cover band grows with the title (issue 16 item 8): on the cover of
# tests/words/content/2026-omslag (a long title and subtitle, a logo)
# every word lies above the band's lower edge.  The words' boxes come
# from pdftotext -bbox, the edge from the cover rendered at 72 dpi (one
# pixel a point): the last row of the band's tint at the page's left
# edge.  Its two-line footer is whole on page 2.
omslag=$root/tests/words/content/2026-omslag
if "$gen" build -o "$tmp/omslag" "$omslag" >"$tmp/build.log" 2>&1; then
	pdf=$tmp/omslag/2026-omslag/2026-omslag.pdf
	pdftotext -bbox -f 1 -l 1 "$pdf" "$tmp/cover.html"
	pdftoppm -gray -r 72 -f 1 -l 1 "$pdf" >"$tmp/cover.pgm"
	if /usr/bin/python3 - "$tmp/cover.html" "$tmp/cover.pgm" <<'PY'
import re, sys
words = [(float(m.group(1)), m.group(2)) for m in re.finditer(
    r'<word [^>]*yMax="([0-9.]+)">([^<]*)</word>', open(sys.argv[1]).read())]
data = open(sys.argv[2], "rb").read()
head = data.split(b"\n", 3)		# P5, width height, maxval, pixels
w, h = map(int, head[1].split())
px = head[3]
edge = max(y for y in range(h) if px[y * w + 2] < 250)
low = max(words)
print("cover: band's lower edge at %d pt, lowest word '%s' ends at %.1f pt"
      % (edge, low[1], low[0]))
sys.exit(0 if len(words) > 40 and low[0] < edge else 1)
PY
	then ok; else bad "2026-omslag: a word of the cover lies on or below the band's edge"; fi
	pdftotext -f 2 -l 2 "$pdf" - | tr '\n' ' ' >"$tmp/p2"
	grep -qF 'netjes over twee regels wordt gezet, zonder iets weg te laten' \
	    "$tmp/p2" && ok || bad "2026-omslag: the footer's second line is missing"
else
	bad "2026-omslag does not build"
	cat "$tmp/build.log"
fi

summary pdf
