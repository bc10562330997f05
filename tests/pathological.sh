#!/bin/sh
# pathological.sh GEN: inputs built to hurt (deep nesting, 10,000
# footnotes, a 1 MB line, a 1,000,000-row register, a chart with 500
# codes).  Each must finish (no crash, no hang: a generous timeout) with
# the right exit status.  Speed itself is measured by make bench.
set -u
. "$(dirname "$0")/lib.sh"
rows=${PATHO_ROWS:-1000000}

c="$tmp/content"
mkdir -p "$c/p"
# A codebook with 500 signal codes, and a register using all of them.
{
	echo "kolom,code,label"
	i=0
	while [ $i -lt 500 ]; do
		echo "signaal,s$i,Signaalbron nummer $i met een lang label"
		i=$((i + 1))
	done
	echo "themas,tarief,Tarief"
	echo "themas,vertrouwen,Vertrouwen"
} >"$c/codes.csv"
awk -v n=1500 'BEGIN {
	print "id,regio,signaal,themas,start,eind,gesprekken,uitkomst"
	for (i = 0; i < n; i++)
		printf "t%d,Regio %d,s%d,\"tarief;vertrouwen\",2020-01-%02d,2020-03-%02d,%d,geslaagd\n",
		    i, i % 7, i % 500, 1 + i % 28, 1 + i % 28, 3 + i % 5
}' >"$c/p/trajecten.csv"
{
	printf -- '---\ntitle: Pathologisch\ndate: 2020-12-01\n---\n\n'
	printf '```chart\ntype: hbar\ndata: signaal\ntitle: Vijfhonderd codes\n```\n\n'
	printf '```chart\ntype: donut\ndata: signaal\ntitle: Ring\n```\n\n'
	printf '```table\ndata: signaal\ntitle: Tabel\n```\n'
} >"$c/p/index.md"
awk 'BEGIN { print "# Noten\n"; for (i = 0; i < 10000; i++)
	printf "woord[^%d] ", i; print "\n"; for (i = 0; i < 10000; i++)
	printf "[^%d]: noot %d\n\n", i, i }' >"$c/p/02-noten.md"
awk 'BEGIN { printf "# Regel\n\n"; for (i = 0; i < 70000; i++)
	printf "woord {{ aantal }} "; print "" }' >"$c/p/03-regel.md"
# A bar chart and a donut of 500 codes cannot fit a page: each is an
# error at its line (nothing is cut off), not a crash or a hang.
check "10,000 footnotes, 1 MB line, 500-code charts" 1 \
    "$gen" build -o "$tmp/out" "$c"
if [ "$(grep -c 'taller than a page and cannot be broken' "$tmp/out.log")" -ne 2 ]; then
	echo "FAIL: 500-code charts: expected two 'taller than a page' errors"
	cat "$tmp/out.log"
	fail=$((fail + 1))
else
	pass=$((pass + 1))
fi
# Without them, the rest builds: the 500-row table breaks over pages.
sed -i '/^```chart$/,/^```$/d' "$c/p/index.md"
check "10,000 footnotes, 1 MB line, a 500-row table" 0 \
    "$gen" build -o "$tmp/out" "$c"

# 20,000 nested quotes and 2,000 nested lists: both reported (exit 1),
# with the nesting limit in the message, and no crash.
mkdir -p "$tmp/c4/p"
cp "$c/codes.csv" "$c/p/trajecten.csv" "$tmp/c4/"
mv "$tmp/c4/trajecten.csv" "$tmp/c4/p/"
{
	printf -- '---\ntitle: Diep\ndate: 2020-12-01\n---\n\n'
	awk 'BEGIN { for (i = 0; i < 20000; i++) printf ">"; print " diep" }'
} >"$tmp/c4/p/index.md"
awk 'BEGIN { print "# Lijsten\n"; for (i = 0; i < 2000; i++) {
	for (j = 0; j < i; j++) printf "  "; print "- punt" } }' \
    >"$tmp/c4/p/01-lijsten.md"
check "20,000 nested quotes, 2,000 nested lists" 1 \
    "$gen" build -o "$tmp/out4" "$tmp/c4"
if [ "$(grep -c 'nested more than' "$tmp/out.log")" -ne 2 ]; then
	echo "FAIL: deep nesting: expected two 'nested more than' errors"
	cat "$tmp/out.log"
	fail=$((fail + 1))
fi
if [ -e "$tmp/out4" ]; then
	echo "FAIL: deep nesting: wrote $tmp/out4"
	fail=$((fail + 1))
fi

# A 1 MB line in a CSV field.
mkdir -p "$tmp/c2/q"
cp "$c/codes.csv" "$tmp/c2/"
awk 'BEGIN { print "id,regio,signaal,themas,start,gesprekken,uitkomst";
	printf "x1,R,s1,tarief,2020-01-01,3,lopend,"; for (i = 0; i < 1048576; i++)
	printf "a"; print "" }' >"$tmp/c2/q/trajecten.csv"
printf -- '---\ntitle: Q\ndate: 2020-12-01\n---\n' >"$tmp/c2/q/index.md"
check "1 MB CSV line (a ragged row: exit 1)" 1 "$gen" check "$tmp/c2/q"

# A register of $rows rows.
mkdir -p "$tmp/c3/r"
cp "$c/codes.csv" "$tmp/c3/"
awk -v n="$rows" 'BEGIN {
	print "id,regio,signaal,themas,start,eind,gesprekken,uitkomst"
	for (i = 0; i < n; i++)
		printf "t%d,Regio %d,s%d,\"tarief;vertrouwen\",2020-01-%02d,2020-0%d-%02d,%d,geslaagd\n",
		    i, i % 7, i % 500, 1 + i % 28, 2 + i % 8, 1 + i % 28, 3 + i % 5
}' >"$tmp/c3/r/trajecten.csv"
printf -- '---\ntitle: R\ndate: 2020-12-01\n---\n{{ aantal }}\n' >"$tmp/c3/r/index.md"
check "$rows-row register" 0 "$gen" stats "$tmp/c3/r"
if [ "$fail" -eq 0 ] && ! grep -q "^aantal = " "$tmp/out.log"; then
	echo "FAIL: stats printed no aantal"; fail=$((fail + 1))
fi

# The same register with the first id repeated as its last row, and a
# Windows-1252 byte near the end: both found past the pages already given
# back while reading (csvread.c maps the file and drops what it parsed).
{
	cat "$tmp/c3/r/trajecten.csv"
	printf 't0,Regio 1,s1,tarief,2020-01-01,2020-02-01,3,geslaagd\n'
	printf 't\351,Regio 1,s1,tarief,2020-01-01,2020-02-01,3,geslaagd\n'
} >"$tmp/c3/r/t2.csv"
mv "$tmp/c3/r/t2.csv" "$tmp/c3/r/trajecten.csv"
check "$rows-row register, duplicate id at the end" 1 \
    "$gen" check "$tmp/c3/r"
want="trajecten.csv:$((rows + 2)):1: error: duplicate id 't0' (first on line 2)"
if ! grep -qF "$want" "$tmp/out.log"; then
	echo "FAIL: expected '$want'"; tail -3 "$tmp/out.log"; fail=$((fail + 1))
fi
want="trajecten.csv:$((rows + 3)):2: warning: not valid UTF-8"
if ! grep -qF "$want" "$tmp/out.log"; then
	echo "FAIL: expected '$want'"; tail -3 "$tmp/out.log"; fail=$((fail + 1))
fi

summary pathological
