#!/bin/sh
# valgrind.sh GEN: gen under valgrind's memcheck on the sample content
# (build, check, stats, stats --json), on a register large enough to be
# read by two threads, on workbooks, on every golden case and on every bad-input
# case: no invalid read or write, no use of uninitialised memory, no
# definite leak.  Leaks inside Debian's libraries are listed in
# tests/valgrind.supp.
set -u
. "$(dirname "$0")/lib.sh"

# vg NAME COMMAND...: the command's own exit status is not judged here
# (bad input exits 1), only valgrind's findings (exit 99).
vg() {
	name=$1
	shift
	valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
	    --suppressions="$root/tests/valgrind.supp" --num-callers=30 \
	    "$@" >"$tmp/out" 2>"$tmp/err"
	if [ $? -eq 99 ]; then
		echo "FAIL: $name"
		grep '^==' "$tmp/err" | head -40
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}

cd "$root" || exit 1
vg "build content" "$gen" build -o "$tmp/out1" content
vg "check content" "$gen" check content
# The output folder: one edition into an earlier build, and a refusal.
vg "build one edition" "$gen" build -o "$tmp/out1" content/leergang-helmond
vg "refused output folder" "$gen" build -o content/2020-bemiddeling content
vg "stats" "$gen" stats content/2020-bemiddeling
vg "stats --json" "$gen" stats --json content/leergang-helmond
# An edition alone: its previous edition (vorige.*) is loaded from its
# folder, a draft one and a published one.
vg "stats, previous draft" "$gen" stats tests/golden/archive/content/2021-noord
vg "stats, previous published" "$gen" stats \
    tests/golden/archive/content/2021-landelijk
# A register over 8 MiB, which two threads read (bigreg.c read_once()).
mkdir -p "$tmp/big/r"
cp content/codes.csv "$tmp/big/"
printf -- '---\ntitle: R\ndate: 2021-12-01\n---\n' >"$tmp/big/r/index.md"
awk 'BEGIN {
	print "id,soort,regio,partijen,signaal,themas,hoofdthema,aanleiding,start,eind,gesprekken,uitkomst,escalatie"
	for (i = 0; i < 66000; i++)
		printf "T%07d,bemiddeling,Regio %d,gemeente-aanbieder,email,\"tarief;vertrouwen\",vertrouwen,aanbesteding,2020-01-%02d,2020-03-%02d,%d,geslaagd,geen\n",
		    i, i % 25, 1 + i % 28, 1 + i % 28, 3 + i % 8
}' >"$tmp/big/r/trajecten.csv"
vg "stats, a register read in two halves" "$gen" stats "$tmp/big/r"
# Workbooks (xlsx.c): the quirks of one written by hand, a merged
# header (its messages held back and dropped), one cut short.
mkdir -p "$tmp/wb/q"
cp content/codes.csv "$tmp/wb/"
printf -- '---\ntitle: W\ndate: 2021-12-01\ndata: q.xlsx#trajecten\n---\n' \
    >"$tmp/wb/q/index.md"
/usr/bin/python3 tests/xlsx.py quirks content/data/trajecten.csv \
    "$tmp/wb/q/q.xlsx" || fail=$((fail + 1))
vg "stats, a workbook" "$gen" stats --json "$tmp/wb/q"
/usr/bin/python3 tests/xlsx.py merged "$tmp/wb/q/q.xlsx" ||
    fail=$((fail + 1))
vg "check, a workbook with a merged header" "$gen" check "$tmp/wb/q"
head -c 2000 "$tmp/wb/q/q.xlsx" >"$tmp/wb/q/cut" && mv "$tmp/wb/q/cut" "$tmp/wb/q/q.xlsx"
vg "check, a workbook cut short" "$gen" check "$tmp/wb/q"
for d in tests/golden/*/ tests/bad/*/; do
	[ -d "$d/content" ] || continue
	cd "$root/$d" || exit 1
	vg "build $d" "$gen" build -o "$tmp/o" content
	cd "$root" || exit 1
	rm -rf "$tmp/o"
done
summary valgrind
