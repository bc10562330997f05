#!/bin/sh
# halves.sh GEN: a register of 8 MiB or more is read in two halves at
# once (bigreg.c read_once()).  Whatever lies across the middle of the
# file, gen must say what one reader would: the same counts, and each
# error once, on its own line.  make tsan runs this under
# ThreadSanitizer too.
set -u
. "$(dirname "$0")/lib.sh"
rows=${HALVES_ROWS:-120000}

# expect NAME TEXT: out.log of the last run holds the line TEXT
expect() {
	if grep -qxF "$2" "$tmp/out.log"; then
		pass=$((pass + 1))
	else
		echo "FAIL: $1: no line '$2'"
		tail -5 "$tmp/out.log"
		fail=$((fail + 1))
	fi
}

mkdir -p "$tmp/c/r"
cp "$root/content/codes.csv" "$tmp/c/"
cd "$tmp/c" || exit 1
printf -- '---\ntitle: R\ndate: 2021-12-01\n---\n' >"$tmp/c/r/index.md"
# part FIRST N: N rows from id FIRST, as the bench generates them
part() {
	awk -v f="$1" -v n="$2" 'BEGIN {
	  split("email telefoon ambassadeur regioadviseur jeugdautoriteit", s, " ")
	  split("tarief contractvoorwaarden vertrouwen perspectief zorgcontinuiteit", t, " ")
	  for (i = f; i < f + n; i++) {
	    a = t[1 + i % 5]; b = t[1 + (i * 7 + 3) % 5]; if (a == b) b = t[1 + (i + 1) % 5]
	    printf "T%07d,bemiddeling,Regio %d,gemeente-aanbieder,%s,\"%s;%s\",%s,aanbesteding,2020-%02d-%02d,2020-%02d-%02d,%d,geslaagd,geen\n",
	      i, i < f + n / 2 ? i % 5 : i % 9, s[1 + i % 5], a, b, a, 1 + i % 9, 1 + i % 28, 2 + i % 9, 1 + i % 28, 3 + i % 8
	  }
	}'
}
hdr="id,soort,regio,partijen,signaal,themas,hoofdthema,aanleiding,start,eind,gesprekken,uitkomst,escalatie"
half=$((rows / 2))
reg="$tmp/c/r/trajecten.csv"

# Valid: regions 5 to 8 are first seen in the second half.
{ echo "$hdr"; part 0 "$half"; part "$half" "$half"; } >"$reg"
[ "$(wc -c <"$reg")" -gt 8388608 ] || { echo "FAIL: register under 8 MiB"; exit 1; }
check "valid" 0 "$gen" stats --json r
expect "valid" "  \"aantal\": $rows,"

# A quoted field whose 3,000 line breaks lie across the middle.
{
	echo "$hdr"; part 0 "$half"
	printf 'X1,bemiddeling,Regio 1,gemeente-aanbieder,email,"tarief;'
	i=0; while [ $i -lt 3000 ]; do echo; i=$((i + 1)); done
	printf 'vertrouwen",,aanbesteding,2020-01-01,2020-02-01,3,geslaagd,geen\n'
	part "$half" "$half"
} >"$reg"
check "quoted line breaks across the middle" 0 "$gen" stats --json r
expect "quoted line breaks across the middle" "  \"aantal\": $((rows + 1)),"

# Errors in the second half only: each once, on its own line.
{
	echo "$hdr"; part 0 "$half"; part "$half" 1000
	echo "X2,bemiddeling,Regio 1,gemeente-aanbieder,fax,tarief,,,2020-01-01,,3,lopend,geen"
	part $((half + 1000)) $((half - 1000))
	echo "T0000007,bemiddeling,Regio 1,gemeente-aanbieder,email,tarief,,,2020-01-01,,3,lopend,geen"
} >"$reg"
check "errors in the second half" 1 "$gen" check r
l=$((half + 1000 + 2))
expect "errors in the second half" \
    "r/trajecten.csv:$l:43: error: unknown code 'fax' in column signaal"
expect "errors in the second half" \
    "r/trajecten.csv:$((rows + 3)):1: error: duplicate id 'T0000007' (first on line 9)"
n=$(grep -c ': error: ' "$tmp/out.log")
[ "$n" -eq 2 ] && pass=$((pass + 1)) ||
    { echo "FAIL: errors in the second half: $n errors, expected 2"; fail=$((fail + 1)); }

summary halves
