#!/bin/sh
# layout.sh GEN: the PDF layout rules of issues 12 and 16 on every
# sample edition (the draft copies in tests/golden/sample/content) and
# on the stress edition (tests/stress/content):
#
#   - wordcheck.py: every word of every chapter is in the PDF's text
#     layer and in the HTML, no PDF word lies outside the text area or
#     in the footer band, no two words overlap;
#   - typeset.py --check: no line past the right margin, at most two
#     hyphenated lines in a row, no word split across pages (no hyphen
#     on a page's last line), at most one line in six ending in a
#     hyphen, no page under 60% full while its chapter goes on, no
#     paragraph or list going on over a page with fewer than two lines
#     on the next page (typeset.py's rules fail on badpdf.py's PDF, which
#     breaks each of them);
#   - the stress edition: its 340-row table and its table block go on
#     over pages with their header ("Tabel N (vervolg)" for the block),
#     its 916-word cell is whole;
#   - what cannot be laid out is an error at its line, nothing written:
#     a table too wide even in 7 pt type names its column, a chart
#     taller than a page says so.
set -u
. "$(dirname "$0")/lib.sh"
GEN_ASSETS=$root/assets
export GEN_ASSETS
py=/usr/bin/python3

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

if ! "$gen" build -o "$tmp/sample" "$root/tests/golden/sample/content" \
    >"$tmp/sample.log" 2>&1; then
	cat "$tmp/sample.log"; bad "the sample editions do not build"
fi
if ! "$gen" build -o "$tmp/stress" "$root/tests/stress/content" \
    >"$tmp/stress.log" 2>&1; then
	cat "$tmp/stress.log"; bad "the stress edition does not build"
fi
grep -q ": warning:" "$tmp/stress.log" && { bad "warnings on the stress edition:"
    cat "$tmp/stress.log"; }

for d in "$root"/tests/golden/sample/content/*/ "$root"/tests/stress/content/*/; do
	[ -f "$d/index.md" ] || continue
	slug=$(basename "$d")
	case $d in
	*/stress/*) out=$tmp/stress/$slug ;;
	*) out=$tmp/sample/$slug ;;
	esac
	if $py "$root/tests/wordcheck.py" "$d" "$out" >"$tmp/wc.log" 2>&1; then
		ok; cat "$tmp/wc.log"
	else
		cat "$tmp/wc.log"; bad "$slug: word check"
	fi
	if $py "$root/tests/typeset.py" --check --rules over,run,split,under60,short \
	    --hyph-max 0.167 \
	    "$out/$slug.pdf" >"$tmp/ts.log" 2>&1; then
		ok; sed "s|$tmp/||" "$tmp/ts.log"
	else
		sed "s|$tmp/||" "$tmp/ts.log"; bad "$slug: typesetting rules"
	fi
done

# Each rule of typeset.py fails on a PDF that breaks it.
$py "$root/tests/badpdf.py" "$tmp/bad.pdf"
$py "$root/tests/typeset.py" --check --hyph-max 0.167 "$tmp/bad.pdf" \
    >"$tmp/bad.log" 2>&1
st=$?
[ "$st" -eq 1 ] && ok || bad "typeset.py passes a PDF breaking its rules: exit $st"
for w in "pages under 60% full: \[(2, " "4 hyphenated lines in a row" \
    "words split across pages: \[(2, 'af-')\]" \
    "lines past the right margin: \[(3, " \
    "fewer than two lines on the next page: \[(3, 'L', 1), (3, 'P', 1)\]" \
    "44.4% of the lines hyphenated"; do
	grep -q "FAIL: .*bad.pdf: .*$w" "$tmp/bad.log" && ok ||
	    { bad "typeset.py does not find: $w"; cat "$tmp/bad.log"; }
done

pdf=$tmp/stress/stress/stress.pdf
pdftotext -enc UTF-8 "$pdf" "$tmp/stress.txt" 2>/dev/null
for w in "Tabel 1 (vervolg)" Gemeente340 woord915 Einde "Tekst na de tabel"; do
	grep -qF "$w" "$tmp/stress.txt" && ok || bad "stress: '$w' is not in the PDF"
done
# The 340-row table's header on every page it runs over.
n=$(pdftotext -enc UTF-8 -f 4 -l 30 "$pdf" - | grep -c '^Trajecten$')
[ "$n" -ge 5 ] && ok || bad "stress: the long table's header is repeated $n times"

# Errors at the block's line; nothing written.
mk() {	# mk NAME: a copy of the stress content with one chapter
	rm -rf "$tmp/$1"
	mkdir -p "$tmp/$1/e"
	cp "$root/tests/stress/content/codes.csv" "$tmp/$1/"
	cp "$root/tests/stress/content/stress/index.md" \
	    "$root/tests/stress/content/stress/trajecten.csv" \
	    "$root/tests/stress/content/stress/gemeenten.csv" "$tmp/$1/e/"
}
mk wide
{
	echo "# Te breed"; echo
	h="|"; s="|"; r="|"
	for i in $(seq 1 14); do
		h="$h Kolom$i |"; s="$s---|"
		r="$r onafgebrokenwoordzonderafbreekpunten$i |"
	done
	echo "$h"; echo "$s"; echo "$r"
} >"$tmp/wide/e/01-breed.md"
"$gen" build -o "$tmp/wide-out" "$tmp/wide/" >"$tmp/wide.log" 2>&1
st=$?
[ "$st" -eq 1 ] && ok || bad "too wide a table: exit $st, expected 1"
grep -q "01-breed.md:3:1: error: PDF: this table is too wide for the page even in 7 pt type: column [0-9]* ('Kolom[0-9]*')" \
    "$tmp/wide.log" && ok || { bad "too wide a table: no error naming the column"; cat "$tmp/wide.log"; }
[ ! -e "$tmp/wide-out" ] && ok || bad "too wide a table: something was written"

mk tall
{
	echo "# Te hoog"; echo
	echo "Tekst."; echo
	printf '```chart\ntype: hbar\ndata: gemeenten.gemeente\ntitle: Alle gemeenten\n```\n'
} >"$tmp/tall/e/01-hoog.md"
i=40
while [ $i -lt 75 ]; do
	echo "gemeente,extra$i,Extra gemeente $i,$((i + 1))" >>"$tmp/tall/codes.csv"
	echo "extra$i" >>"$tmp/tall/e/gemeenten.csv"
	i=$((i + 1))
done
"$gen" build -o "$tmp/tall-out" "$tmp/tall/" >"$tmp/tall.log" 2>&1
st=$?
[ "$st" -eq 1 ] && ok || bad "too tall a chart: exit $st, expected 1"
grep -q "01-hoog.md:5:1: error: PDF: this figure is taller than a page" \
    "$tmp/tall.log" && ok || { bad "too tall a chart: no error at its line"; cat "$tmp/tall.log"; }

summary layout
