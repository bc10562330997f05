#!/bin/sh
# words.sh GEN: every character an author writes reaches the PDF, or gen
# says which one does not (issue 16 item 4).  Builds tests/words/content:
#
#   - 2026-namen: names in Greek, Cyrillic, Romanian (ș ț), Vietnamese,
#     mathematical symbols, super- and subscripts, in body text, bold,
#     italic, a list, a table, code, the cover and the footer.  Every
#     word of its Markdown and front matter that is not plain ASCII is
#     in the PDF's text layer (pdftotext) exactly, so no glyph became a
#     box (a box extracts as hex digits), and in the HTML;
#   - 2026-tekens: Chinese, Japanese, Korean, Arabic, Hebrew and an emoji,
#     which no shipped face has: the build succeeds, with exactly the
#     warnings in tests/words/expected (one per script and text, at the
#     first such character, naming it).
#   - tests/golden/markdown (whose HTML golden.sh checks): no HTML comment
#     reaches the PDF, with or without unsafe_html, and <br> is a line
#     break in a paragraph and a table cell; task list items are ballot
#     boxes (☑ ☐) before their text.
#
#   - a chart and a computed table inside a footnote: the PDF does not
#     draw them at the foot of a page but writes out their caption and
#     every figure as text.
#
# Prints "words: N of M found" for the figures of the report.
set -u
. "$(dirname "$0")/lib.sh"

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

cd "$root/tests/words" || exit 2
st=0
"$gen" build -q -o "$tmp/out" content >"$tmp/stdout" 2>"$tmp/stderr" || st=$?
[ "$st" -eq 0 ] && ok || bad "build exit status $st, not 0"
if cmp -s expected "$tmp/stderr"; then ok; else
	bad "warnings differ from tests/words/expected:"
	diff -u expected "$tmp/stderr" | head -n 30
fi

ed=$tmp/out/2026-namen
if [ ! -f "$ed/2026-namen.pdf" ]; then
	bad "no 2026-namen.pdf"
	summary words
	exit 1
fi
pdftotext "$ed/2026-namen.pdf" "$tmp/text" || bad "pdftotext failed"
# Words with a character beyond ASCII, from the Markdown and front matter.
/usr/bin/python3 - content/2026-namen/*.md >"$tmp/words" <<'PY'
import re, sys
seen = []
for path in sys.argv[1:]:
    for w in re.findall(r"[^\s`*|,.;:()\"'-]+", open(path, encoding="utf-8").read()):
        if any(ord(c) > 127 for c in w) and w not in seen:
            seen.append(w)
print("\n".join(seen))
PY
total=$(wc -l <"$tmp/words")
found=0
while IFS= read -r w; do
	if grep -qF -- "$w" "$tmp/text"; then
		found=$((found + 1))
	else
		bad "2026-namen: '$w' is not in the PDF's text layer"
	fi
	grep -qF -- "$w" "$ed/index.html" ||
	    bad "2026-namen: '$w' is not in the HTML"
done <"$tmp/words"
echo "words: $found of $total found in the PDF's text layer"
[ "$total" -ge 60 ] && ok || bad "only $total words to look for"
[ "$found" -eq "$total" ] && ok
# A box for a missing glyph extracts as its hex code: none may be there.
if grep -qE '(^| )[0-9A-F]{2}( [0-9A-F]{2}){2,}' "$tmp/text"; then
	bad "2026-namen: hex codes of missing glyphs in the text layer:"
	grep -E '(^| )[0-9A-F]{2}( [0-9A-F]{2}){2,}' "$tmp/text" | head -5
else
	ok
fi
# The fallback face is embedded where it is needed (∈ ∪ ℝ ⁰).
pdffonts "$ed/2026-namen.pdf" | grep -q 'DejaVuSans' && ok ||
    bad "2026-namen: the DejaVu Sans fallback is not in the PDF"

# Raw HTML in the PDF (item 5), on the golden case tests/golden/markdown:
# no comment reaches it, with or without unsafe_html, and <br> is a line
# break in a paragraph and in a table cell, never text.
cd "$root/tests/golden/markdown" || exit 2
if "$gen" build -o "$tmp/md" content >/dev/null 2>&1; then ok; else
	bad "tests/golden/markdown does not build"; fi
for slug in veilig onveilig; do
	pdftotext "$tmp/md/$slug/$slug.pdf" - 2>/dev/null |
	    sed 's/\xc2\xad//g' >"$tmp/md.txt"
	if grep -qi 'TODO\|Jan\|<!--\|-->\|intern\|<br\|ook niet te zien' \
	    "$tmp/md.txt"; then
		bad "$slug: a comment or <br> is in the PDF's text:"
		grep -i 'TODO\|Jan\|<!--\|-->\|intern\|<br\|ook niet' "$tmp/md.txt"
	else
		ok
	fi
done
# veilig: each <br> ends its line: the text before it ends a line and the
# text after it starts the next.
pdftotext "$tmp/md/veilig/veilig.pdf" - | sed 's/\xc2\xad//g' >"$tmp/md.txt"
for pair in 'een regel|afbreking, nog een' 'nog een|en nog een' \
    'Gemeente|Regio' 'eerste regel|tweede regel'; do
	a=${pair%|*} b=${pair#*|}
	if awk -v a="$a" -v b="$b" '
	    { n = length(prev) - length(a) + 1 }
	    n >= 1 && substr(prev, n) == a && index($0, b) == 1 { f = 1 }
	    { prev = $0 }
	    END { exit !f }' "$tmp/md.txt"; then ok; else
		bad "veilig: no line break between '$a' and '$b' in the PDF"
	fi
done
grep -qF 'Een <b>vet</b> woord blijft tekst.' "$tmp/md.txt" && ok ||
    bad "veilig: other raw HTML is not shown as text in the PDF"
# Task lists (item 10) as ballot boxes, checked or not.
for t in '☑ Cijfers nagekeken' '☐ Tekst voorgelegd aan de regio' '☑ Twente'; do
	grep -qxF -- "$t" "$tmp/md.txt" && ok ||
	    bad "veilig: task '$t' is not in the PDF as a box and its text"
done

# A chart and a table block inside a footnote reach the PDF as text.
mkdir -p "$tmp/fn"
cp -R "$root/tests/golden/sample/content" "$tmp/fn/content"
cat >>"$tmp/fn/content/2020-bemiddeling/index.md" <<'MD'

Zie de noot.[^cijfers]

[^cijfers]: De cijfers in de noot:

    ```chart
    type: bar
    data: signaal
    title: Signalen in de noot
    ```

    ```table
    data: uitkomst
    columns: [aantal, pct]
    title: Uitkomsten in de noot
    ```
MD
if (cd "$tmp/fn" && "$gen" build -q -o out content) >/dev/null 2>&1; then
	pdftotext "$tmp/fn/out/2020-bemiddeling/2020-bemiddeling.pdf" - |
	    tr '\n' ' ' >"$tmp/fn.txt"
	for w in "Signalen in de noot: Rechtstreeks per e-mail 9" \
	    "Uitkomsten in de noot: Geslaagd 41 (91%)" "Totaal"; do
		if grep -qF -- "$w" "$tmp/fn.txt"; then ok; else
			bad "a block in a footnote: '$w' is not in the PDF"
		fi
	done
else
	bad "a chart and a table in a footnote: the build failed"
fi

summary words
