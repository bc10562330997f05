#!/bin/sh
# xlsx.sh GEN: registers straight from Excel (spec 2), end to end.
#
#   - the sample content with every CSV (registers, further tables, the
#     codebook) replaced by a workbook written here by openpyxl, with
#     date cells, number cells and text, in the 1900 and 1904 date
#     systems, shared and inline strings, a sheet chosen by name and
#     the default trajecten.xlsx: gen stats --json of every edition is
#     byte for byte that of the CSV content, and gen check passes;
#   - a register with mistakes as CSV and as a workbook: the same
#     messages, at line:column and at the cell;
#   - a workbook written by hand with the quirks Excel writes (rich
#     text, phonetic runs, formulas with cached values, escaped line
#     breaks, cells without references, skipped and empty rows, a date
#     with a time): the same figures again;
#   - a merged header, a text date that does not exist, Excel's
#     1900-02-29, an unknown sheet, a zip bomb, a DTD with entities, a
#     file that is no workbook, an .xls and a damaged workbook: each
#     exactly one message, the cell named as Sheet!F12, exit 1;
#   - Excel's text exports: tab separated (Windows-1252), UTF-16 LE and
#     BE with a byte order mark read with the same figures; UTF-16
#     without one and broken UTF-16 refused in one message;
#   - gen new uses a shared register in Excel.
set -u
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# mk ARGS...: a workbook through tests/xlsx.py.
mk() {
	"$py" "$root/tests/xlsx.py" "$@" 2>"$tmp/py.log" ||
	    { bad "xlsx.py $*"; cat "$tmp/py.log"; }
}

# same NAME EDITION_A EDITION_B: gen stats --json of both, identical.
same() {
	"$gen" stats --json "$2" >"$tmp/a.json" 2>"$tmp/a.err"
	sa=$?
	"$gen" stats --json "$3" >"$tmp/b.json" 2>"$tmp/b.err"
	sb=$?
	if [ $sa -ne 0 ] || [ $sb -ne 0 ]; then
		bad "$1: gen stats exited $sa and $sb"
		cat "$tmp/a.err" "$tmp/b.err"
	elif ! [ -s "$tmp/a.json" ] || ! cmp -s "$tmp/a.json" "$tmp/b.json"; then
		bad "$1: gen stats --json differs"
		diff "$tmp/a.json" "$tmp/b.json" | head -10
	else
		ok
	fi
}

# one NAME LINE COMMAND...: exit 1, and LINE is the one error printed.
one() {
	name=$1 want=$2
	shift 2
	"$@" >"$tmp/log" 2>&1
	st=$?
	n=$(grep -c ': error: ' "$tmp/log")
	if [ $st -ne 1 ]; then
		bad "$name: exit $st, expected 1"
		cat "$tmp/log"
	elif [ "$n" -ne 1 ] || ! grep -qxF -- "$want" "$tmp/log"; then
		bad "$name: expected the one error line"
		echo "  want: $want"
		sed 's/^/  got:  /' "$tmp/log"
	else
		ok
	fi
}

# edition DIR DATA: a minimal edition whose register is DATA.
edition() {
	mkdir -p "$1"
	printf -- '---\ntitle: "Excel"\ndate: 2020-12-01\ndata: %s\n---\n\nTekst.\n' \
	    "$2" >"$1/index.md"
}

# --- the sample content, every CSV a workbook ------------------------------
mkdir -p "$tmp/csv"
cp -R "$root/content/." "$tmp/csv/"
for ed in "$tmp"/csv/*/index.md; do
	d=$(dirname "$ed")
	rm -rf "$d/published"
	sed -i 's/^status: published$/status: draft/' "$ed"
done
cp -R "$tmp/csv" "$tmp/wb"
w=$tmp/wb
mk sheet "$w/codes.csv" "$w/codes.xlsx" && rm "$w/codes.csv"
mk sheet "$w/data/trajecten.csv" "$w/data/trajecten.xlsx" &&
    rm "$w/data/trajecten.csv"
mk sheet "$w/2020-bemiddeling/trajecten.csv" \
    "$w/2020-bemiddeling/trajecten.xlsx" --1904 --builtin &&
    rm "$w/2020-bemiddeling/trajecten.csv"
mk sheet "$w/2021-intermediair/vragen.csv" "$w/2021-intermediair/vragen.xlsx" \
    --inline && rm "$w/2021-intermediair/vragen.csv"
mk sheet "$w/2021-intermediair/pilots.csv" "$w/2021-intermediair/pilots.xlsx" \
    --second && rm "$w/2021-intermediair/pilots.csv"
# The 2020 edition finds trajecten.xlsx by default; the others name theirs.
sed -i '/^data: trajecten.csv$/d' "$w/2020-bemiddeling/index.md"
sed -i -e 's|\.\./data/trajecten\.csv|../data/trajecten.xlsx|' \
    -e 's|vragen: vragen.csv|vragen: vragen.xlsx|' \
    -e 's|pilots: pilots.csv|pilots: pilots.xlsx#trajecten|' \
    "$w"/*/index.md
if grep -rq '\.csv' "$w"/*/index.md || ls "$w"/*.csv "$w"/*/*.csv \
    >/dev/null 2>&1; then
	bad "sample: a CSV is left in the workbook content"
fi
for ed in "$tmp"/csv/*/index.md; do
	slug=$(basename "$(dirname "$ed")")
	same "sample $slug" "$tmp/csv/$slug" "$w/$slug"
done
check "sample: gen check of the workbook content" 0 "$gen" check "$w"

# --- the quirks of a workbook written by hand -------------------------------
edition "$tmp/q/csv" trajecten.csv
edition "$tmp/q/wb" quirks.xlsx#Trajecten
cp "$root/content/codes.csv" "$tmp/q/"
cp "$root/content/data/trajecten.csv" "$tmp/q/csv/"
mk quirks "$root/content/data/trajecten.csv" "$tmp/q/wb/quirks.xlsx"
same "quirks" "$tmp/q/csv" "$tmp/q/wb"

# --- the same checks and messages as for the CSV --------------------------------
# A register with mistakes of every kind the loader checks, as CSV and as
# a workbook: the same messages, each at its place (line:column, cell).
m=$tmp/m
edition "$m/csv" trajecten.csv
edition "$m/wb" trajecten.xlsx
cp "$root/content/codes.csv" "$m/"
awk -F, -v OFS=, 'NR == 3 { $6 = "emial" } NR == 4 { $12 = "2.5" }
	NR == 5 { $1 = "B19-01" } NR == 6 { $10 = "2019-02-30" }
	NR == 7 { $11 = "2018-01-01" } NR == 8 { $13 = "misschien" }
	NR == 9 { $7 = "" } { print }' "$root/content/data/trajecten.csv" \
    >"$m/csv/trajecten.csv"
mk sheet "$m/csv/trajecten.csv" "$m/wb/trajecten.xlsx"
"$gen" check "$m/csv" >"$tmp/m-csv.log" 2>&1
"$gen" check "$m/wb" >"$tmp/m-wb.log" 2>&1
sed -n 's/^[^ ]*: error: //p' "$tmp/m-csv.log" >"$tmp/m-csv.msg"
sed -n 's/^[^ ]*: error: //p' "$tmp/m-wb.log" >"$tmp/m-wb.msg"
if [ "$(wc -l <"$tmp/m-csv.msg")" -lt 6 ] ||
    ! cmp -s "$tmp/m-csv.msg" "$tmp/m-wb.msg"; then
	bad "same messages: the CSV's and the workbook's differ"
	diff "$tmp/m-csv.log" "$tmp/m-wb.log"
elif ! grep -qF "$m/wb/trajecten.xlsx:Trajecten!F3: error: unknown code 'emial' in column signaal; did you mean 'email'?" "$tmp/m-wb.log"; then
	bad "same messages: the cell is not named"
	cat "$tmp/m-wb.log"
else
	ok
fi

# --- one message each --------------------------------------------------------
e=$tmp/q/e
edition "$e" small.xlsx
mk merged "$e/small.xlsx"
one "merged header" "$e/small.xlsx:Trajecten!B1: error: merged cells B1:C1 in the header row (the first row that is not empty): unmerge them; the header needs each column's name in a cell of its own" \
    "$gen" check "$e"
mk baddate "$e/small.xlsx"
one "impossible date" "$e/small.xlsx:Trajecten!F12: error: impossible date '31-02-2021' in column eind" \
    "$gen" check "$e"
mk leapday "$e/small.xlsx"
one "1900-02-29" "$e/small.xlsx:Trajecten!E4: error: impossible date '1900-02-29' in column start" \
    "$gen" check "$e"
edition "$e" small.xlsx#Blad2
one "unknown sheet" "$e/small.xlsx:Blad2: error: no sheet 'Blad2' in the workbook; its sheets are 'Trajecten'" \
    "$gen" check "$e"
edition "$e" bomb.xlsx
mk bomb "$e/bomb.xlsx"
one "zip bomb" "$e/bomb.xlsx: error: xl/workbook.xml decompresses to more than 32 MiB: refused as a damaged or malicious workbook" \
    "$gen" check "$e"
edition "$e" dtd.xlsx
mk dtd "$e/dtd.xlsx"
one "DTD" "$e/dtd.xlsx: error: damaged workbook: xl/workbook.xml has a document type declaration, which Excel never writes" \
    "$gen" check "$e"
edition "$e" laughs.xlsx
mk laughs "$e/laughs.xlsx"
one "billion laughs" "$e/laughs.xlsx: error: damaged workbook: xl/workbook.xml, line 3: Detected an entity reference loop" \
    "$gen" check "$e"
edition "$e" text.xlsx
cp "$root/content/data/trajecten.csv" "$e/text.xlsx"
one "not a workbook" "$e/text.xlsx: error: not an Excel workbook (.xlsx): not a ZIP file; open it in Excel and save it as 'Excel Workbook (.xlsx)' without a password, or as 'CSV UTF-8'" \
    "$gen" check "$e"
edition "$e" old.xlsx
printf '\320\317\021\340\241\261\032\341rest of an OLE2 file' >"$e/old.xlsx"
one "xls or password" "$e/old.xlsx: error: an Excel 97-2003 workbook (.xls), or one protected with a password; open it in Excel and save it as 'Excel Workbook (.xlsx)' without a password, or as 'CSV UTF-8'" \
    "$gen" check "$e"
edition "$e" old.csv
cp "$e/old.xlsx" "$e/old.csv"
one "xls named .csv" "$e/old.csv: error: an Excel 97-2003 workbook (.xls) or one protected with a password, not text; open it in Excel and save it as 'CSV UTF-8' or as 'Excel Workbook (.xlsx)'" \
    "$gen" check "$e"
edition "$e" zip.csv
cp "$tmp/q/wb/quirks.xlsx" "$e/zip.csv"
one "workbook named .csv" "$e/zip.csv: error: an Excel workbook (or another ZIP file), not text; give a workbook a name that ends in .xlsx" \
    "$gen" check "$e"
edition "$e" cut.xlsx
head -c 3000 "$tmp/q/wb/quirks.xlsx" >"$e/cut.xlsx"
"$gen" check "$e" >"$tmp/log" 2>&1
if [ $? -ne 1 ] || [ "$(grep -c ': error: ' "$tmp/log")" -ne 1 ] ||
    ! grep -qxF "$e/cut.xlsx: error: damaged workbook: its ZIP container is cut short or broken; open it in Excel and save it as 'Excel Workbook (.xlsx)' without a password, or as 'CSV UTF-8'" "$tmp/log"; then
	bad "damaged workbook: expected one 'damaged workbook' error"
	cat "$tmp/log"
else
	ok
fi

# --- Excel's text exports -----------------------------------------------------
x=$tmp/x
"$py" -c 'import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
w = csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""),
    delimiter="\t", lineterminator="\r\n")
w.writerows(rows)' "$root/content/data/trajecten.csv" "$tmp/tab.txt" ||
    bad "tab-separated export"
for kind in tab le be nobom odd; do
	edition "$x/$kind" trajecten.csv
done
cp "$root/content/codes.csv" "$x/"
cp "$root/content/data/trajecten.csv" "$x/trajecten.csv"
edition "$x/csv" ../trajecten.csv
iconv -f UTF-8 -t CP1252 "$tmp/tab.txt" >"$x/tab/trajecten.csv"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$tmp/tab.txt"; } \
    >"$x/le/trajecten.csv"
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$tmp/tab.txt"; } \
    >"$x/be/trajecten.csv"
iconv -f UTF-8 -t UTF-16LE "$tmp/tab.txt" >"$x/nobom/trajecten.csv"
{ cat "$x/le/trajecten.csv"; printf 'x'; } >"$x/odd/trajecten.csv"
same "tab separated" "$x/csv" "$x/tab"
same "UTF-16 LE" "$x/csv" "$x/le"
same "UTF-16 BE" "$x/csv" "$x/be"
one "UTF-16 without BOM" "$x/nobom/trajecten.csv: error: UTF-16 text without a byte order mark; open it in Excel and save it as 'CSV UTF-8'" \
    "$gen" check "$x/nobom"
size=$(wc -c <"$x/odd/trajecten.csv")
one "broken UTF-16" "$x/odd/trajecten.csv: error: not valid UTF-16 (at byte $((size - 1))); open it in Excel and save it as 'CSV UTF-8'" \
    "$gen" check "$x/odd"
# A problem in a UTF-16 file is in its line, at its character.
sed '3s/,email,/,emial,/' "$root/content/data/trajecten.csv" |
    iconv -f UTF-8 -t UTF-16LE >"$tmp/bad16"
{ printf '\377\376'; cat "$tmp/bad16"; } >"$x/le/trajecten.csv"
col=$(sed -n 3p "$root/content/data/trajecten.csv" | awk -F, '{
	n = 0; for (i = 1; i < 6; i++) n += length($i) + 1; print n + 1 }')
one "UTF-16 line and column" "$x/le/trajecten.csv:3:$col: error: unknown code 'emial' in column signaal; did you mean 'email'?" \
    "$gen" check "$x/le"

# --- gen new with a shared register in Excel ----------------------------------
n=$tmp/new
mkdir -p "$n/data"
cp "$root/content/codes.csv" "$n/"
cp "$w/data/trajecten.xlsx" "$n/data/"
check "gen new" 0 "$gen" new 2025-excel --regio Twente -C "$n"
if grep -qx 'data: ../data/trajecten.xlsx' "$n/2025-excel/index.md"; then
	ok
else
	bad "gen new: index.md does not name ../data/trajecten.xlsx"
fi
check "gen new: gen check" 0 "$gen" check "$n/2025-excel"

summary xlsx
