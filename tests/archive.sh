#!/bin/sh
# archive.sh GEN: the archive for partners and machines (spec 6.3).
#
#   - out/feed.xml and out/editions.json of the golden archive case and of
#     the sample content pass tests/archive/check.py (Atom's required
#     elements; every file named exists with the SHA-256 listed, and a
#     published edition's is the frozen one);
#   - the checker fails on a feed without an entry id, a changed PDF and
#     a hidden key figure with a value: it can fail;
#   - both files are the same bytes when built at another time, in
#     another time zone;
#   - an edition built or counted alone still finds its previous
#     edition (vorige.*) in its content folder;
#   - the sample archive shows the mediation and intermediary reports
#     as series of their own, with no chart across them.
set -u
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
checker=$root/tests/archive/check.py
arch=$root/tests/golden/archive/content
export GEN_ASSETS="$root/assets"

# expect NAME: counts the last command's status 0 as a pass.
expect() {
	if [ "$?" -eq 0 ]; then
		pass=$((pass + 1))
	else
		echo "FAIL: $1"
		fail=$((fail + 1))
	fi
}

check "build the archive case" 0 "$gen" build -o "$tmp/a" "$arch"
"$py" "$checker" "$tmp/a" "$arch" >"$tmp/check.log" 2>&1
expect "archive case: feed.xml and editions.json ($(head -3 "$tmp/check.log"))"
check "build the sample content" 0 "$gen" build -o "$tmp/s" "$root/content"
"$py" "$checker" "$tmp/s" "$root/content" >"$tmp/check.log" 2>&1
expect "sample: feed.xml and editions.json ($(head -3 "$tmp/check.log"))"

# The checker fails on broken files.
cp -R "$tmp/a" "$tmp/b"
sed '0,/^    <id>tag:/{//d}' "$tmp/a/feed.xml" >"$tmp/b/feed.xml"
! "$py" "$checker" "$tmp/b" "$arch" >"$tmp/check.log" 2>&1 &&
    grep -q 'needs exactly one atom:id' "$tmp/check.log"
expect "checker: an entry without an id is refused"
cp "$tmp/a/feed.xml" "$tmp/b/feed.xml"
printf 'x' >>"$tmp/b/2021-noord/2021-noord.pdf"
! "$py" "$checker" "$tmp/b" "$arch" >"$tmp/check.log" 2>&1 &&
    grep -q 'sha256 of 2021-noord/2021-noord.pdf' "$tmp/check.log"
expect "checker: a changed PDF is refused"
cp "$tmp/a/2021-noord/2021-noord.pdf" "$tmp/b/2021-noord/"
sed 's/"shown": "\(<5\|–\)", "value": null/"shown": "\1", "value": 3/' \
    "$tmp/a/editions.json" >"$tmp/b/editions.json"
! cmp -s "$tmp/a/editions.json" "$tmp/b/editions.json" &&
    ! "$py" "$checker" "$tmp/b" "$arch" >"$tmp/check.log" 2>&1 &&
    grep -q 'but its value 3 is listed' "$tmp/check.log"
expect "checker: a hidden key figure with a value is refused"

# Reproducible: another time, another zone.
SOURCE_DATE_EPOCH=2000000000 TZ=Asia/Tokyo "$gen" build -o "$tmp/c" "$arch" \
    >/dev/null 2>&1
for f in editions.json feed.xml index.html; do
	cmp -s "$tmp/a/$f" "$tmp/c/$f"
	expect "reproducible: $f differs when built at another time"
done

# An edition named alone finds its previous edition in its folder.
check "build 2021-noord alone" 0 "$gen" build -o "$tmp/d" "$arch/2021-noord"
grep -q 'vorige editie' "$tmp/d/2021-noord/index.html" &&
    ! grep -q '{{' "$tmp/d/2021-noord/index.html" &&
    cmp -s "$tmp/a/2021-noord/index.html" "$tmp/d/2021-noord/index.html"
expect "2021-noord alone: the same page as in the whole build"
"$gen" stats "$arch/2021-landelijk" >"$tmp/stats.txt" 2>&1 &&
    grep -qx 'vorige.aantal = 21' "$tmp/stats.txt" &&
    grep -qx 'vorige.succes.pct = 67%' "$tmp/stats.txt"
expect "gen stats 2021-landelijk lists the published 2020's frozen figures"

# The sample archive: the December reports are series of their own.
n=$(grep -c '<section class="series"' "$tmp/s/index.html")
[ "$n" -eq 3 ] && ! grep -q '<figure class="chart"' "$tmp/s/index.html"
expect "sample archive: 3 series and no chart across them (got $n series)"
grep -q '"series": "Eerstelijnsbemiddeling"' "$tmp/s/editions.json" &&
    grep -q '"series": "Intermediair vrijgevestigden"' "$tmp/s/editions.json"
expect "sample editions.json: mediation and intermediary series"

summary archive
