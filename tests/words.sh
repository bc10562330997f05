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
#
# Prints "words: N of M found" for the figures of the report.
set -u
. "$(dirname "$0")/lib.sh"

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

cd "$root/tests/words" || exit 2
st=0
"$gen" build -o "$tmp/out" content >"$tmp/stdout" 2>"$tmp/stderr" || st=$?
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

summary words
