#!/bin/sh
# publish.sh GEN: published editions (spec 6.3) end to end, on a draft
# copy of the sample content (tests/golden/sample/content):
#
#   - gen publish freezes an edition: status set, SHA-256 sums that
#     coreutils' sha256sum accepts (of the built files, and of the
#     edition's own files in SOURCES), its figures kept; publishing it
#     again is refused;
#   - gen stats and gen stats --json on a published edition print the
#     frozen figures, the same as on the draft before publishing;
#   - later builds serve the frozen bytes, even after the stylesheet
#     (GEN_ASSETS) and rows of the shared data that the edition does not
#     select changed, while draft editions follow those changes; the
#     archive page shows the frozen title, date and key figures;
#   - a changed, added or removed chapter, a changed index.md (title,
#     date) and shared data that change the edition's figures are errors
#     that name the file and say how to thaw the edition; thawing as
#     told works;
#   - the published editions of the real content/ are what this gen
#     builds from them, byte for byte (thawed in a copy);
#   - a published edition whose further table is the only user of a
#     codebook column still counts for the codebook's check;
#   - a changed, removed or added frozen file, published without frozen
#     files, and frozen files under a draft are errors that name the
#     file, and a failed build leaves the output folder as it was.
set -u
. "$(dirname "$0")/lib.sh"

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# expect NAME STATUS PATTERN COMMAND...: exit status and a line of output.
expect() {
	name=$1 want=$2 pat=$3
	shift 3
	"$@" >"$tmp/log" 2>&1
	got=$?
	if [ "$got" -ne "$want" ]; then
		bad "$name: exit $got, expected $want"
		cat "$tmp/log"
	elif [ -n "$pat" ] && ! grep -qF -- "$pat" "$tmp/log"; then
		bad "$name: no line with '$pat'"
		cat "$tmp/log"
	else
		ok
	fi
}

cd "$tmp" || exit 1
cp -R "$root/tests/golden/sample/content" content
cp -R "$root/assets" assets
export GEN_ASSETS="$tmp/assets"
ed=content/2020-bemiddeling
pub=$ed/published

"$gen" stats "$ed" >"$tmp/draft.txt" 2>&1 || bad "gen stats on the draft"
"$gen" stats --json "$ed" >"$tmp/draft.json" 2>&1 ||
    bad "gen stats --json on the draft"
expect "publish" 0 "published 2020-bemiddeling" "$gen" publish "$ed"
grep -q '^status: published$' "$ed/index.md" && ok ||
    bad "publish did not set status: published"
(cd "$pub" && sha256sum --quiet -c SHA256SUMS) >"$tmp/log" 2>&1 && ok ||
    { bad "sha256sum -c rejects SHA256SUMS"; cat "$tmp/log"; }
(cd "$ed" && sha256sum --quiet -c published/SOURCES) >"$tmp/log" 2>&1 && ok ||
    { bad "sha256sum -c rejects SOURCES"; cat "$tmp/log"; }
for f in index.md 01-aanloopfase.md trajecten.csv; do
	grep -q "  $f\$" "$pub/SOURCES" && ok || bad "SOURCES lacks $f"
done

# gen stats on the published edition: the frozen figures (it crashed).
expect "stats on a published edition" 0 "" "$gen" stats "$ed"
cmp -s "$tmp/log" "$tmp/draft.txt" && ok ||
    { bad "gen stats differs from the draft's"; diff "$tmp/draft.txt" "$tmp/log" | head; }
expect "stats --json on a published edition" 0 "" "$gen" stats --json "$ed"
cmp -s "$tmp/log" "$tmp/draft.json" && ok ||
    { bad "gen stats --json differs from the draft's"; diff "$tmp/draft.json" "$tmp/log" | head; }
for f in index.html gen.css 2020-bemiddeling.pdf; do
	[ -s "$pub/files/$f" ] && ok || bad "no frozen $f"
done
[ -s "$pub/figures.tsv" ] && ok || bad "no figures.tsv"
expect "publish twice" 1 "already published" "$gen" publish "$ed"
expect "publish the 2021 edition" 0 "" "$gen" publish content/2021-intermediair

# Builds serve the frozen bytes.  The 2021 edition is the only user of
# codebook columns through its further tables: the build must not call
# them unused.
expect "build" 0 "" "$gen" build -o out content
diff -r "$pub/files" out/2020-bemiddeling >"$tmp/log" 2>&1 && ok ||
    { bad "out/2020-bemiddeling is not the frozen files"; head "$tmp/log"; }
n=$(awk -F'\t' '$2 == "aantal" { print $6 }' "$pub/figures.tsv")
grep -q "<dd>$n</dd>" out/index.html && [ -n "$n" ] && ok ||
    bad "the archive lacks the frozen key figure aantal ($n)"
t=$(awk -F'\t' '$2 == "title" { print $3 }' "$pub/figures.tsv")
grep -qF "$t</a></h3>" out/index.html && [ -n "$t" ] && ok ||
    bad "the archive lacks the frozen title ($t)"
grep -q '<time datetime="2020-12-01">' out/index.html && ok ||
    bad "the archive lacks the frozen date"

# Change the stylesheet and a row of the shared data that no published
# edition selects (the last row is a running bemiddeling trajectory;
# the 2021 edition selects soort intermediair).
echo "/* changed after publishing */" >>assets/gen.css
tail -1 content/data/trajecten.csv | grep -q ',bemiddeling,' && ok ||
    bad "the last shared row is not a bemiddeling one"
sed -i '$d' content/data/trajecten.csv
expect "build after changes" 0 "" "$gen" build -o out content
diff -r "$pub/files" out/2020-bemiddeling >"$tmp/log" 2>&1 && ok ||
    { bad "a change reached the published edition"; head "$tmp/log"; }
grep -q "changed after publishing" out/leergang-helmond/gen.css && ok ||
    bad "the draft edition did not get the new stylesheet"

# Changes to a published edition's own files and data: each named, with
# how to thaw it, and out/ untouched.
cp -R out out.keep
thaw="set 'status: draft' in $ed/index.md, delete $pub and publish it again"
cp "$ed/01-aanloopfase.md" "$tmp/ch1.md"
echo "Een zin die na publicatie is toegevoegd." >>"$ed/01-aanloopfase.md"
expect "changed chapter" 1 "$ed/01-aanloopfase.md: error: changed after the edition was published" \
    "$gen" build -o out content
grep -qF "$thaw" "$tmp/log" && ok || { bad "changed chapter: no thaw advice"; cat "$tmp/log"; }
expect "stats on a changed published edition" 1 "01-aanloopfase.md" "$gen" stats "$ed"
cp "$tmp/ch1.md" "$ed/01-aanloopfase.md"
echo "# Nieuw" >"$ed/07-nieuw.md"
expect "added chapter" 1 "$ed/07-nieuw.md: error: added after the edition was published" \
    "$gen" build -o out content
rm "$ed/07-nieuw.md"
mv "$ed/06-reflectie.md" "$tmp/ch6.md"
expect "removed chapter" 1 "$ed/06-reflectie.md: error: removed after the edition was published" \
    "$gen" build -o out content
mv "$tmp/ch6.md" "$ed/06-reflectie.md"
cp "$ed/index.md" "$tmp/index.md"
sed -i 's/^title: .*/title: "Een andere titel"/' "$ed/index.md"
expect "changed title" 1 "$ed/index.md: error: changed after the edition was published" \
    "$gen" build -o out content
cp "$tmp/index.md" "$ed/index.md"
sed -i 's/^date: .*/date: 2020-12-02/' "$ed/index.md"
expect "changed date" 1 "$ed/index.md: error: changed after the edition was published" \
    "$gen" build -o out content
cp "$tmp/index.md" "$ed/index.md"
cp "$ed/trajecten.csv" "$tmp/own.csv"
sed -i '$d' "$ed/trajecten.csv"
expect "changed own data" 1 "$ed/trajecten.csv: error: changed after the edition was published" \
    "$gen" build -o out content
cp "$tmp/own.csv" "$ed/trajecten.csv"
# A shared row that the 2021 edition (soort intermediair) selects.
sed -n '/,intermediair,/{s/^[^,]*,/I99-99,/;p;q}' content/data/trajecten.csv \
    >>content/data/trajecten.csv
expect "shared data under a published edition" 1 \
    "content/data/trajecten.csv: error: changes the figures of published edition '2021-intermediair'" \
    "$gen" build -o out content
grep -qF "status: draft' in content/2021-intermediair/index.md" "$tmp/log" && ok ||
    bad "shared data: no thaw advice"
sed -i '$d' content/data/trajecten.csv
diff -r out.keep out >/dev/null 2>&1 && ok || bad "a refused build changed out/"
rm -rf out.keep
expect "restored" 0 "" "$gen" build -o out content

# Damage: every kind is named, and out/ stays as it was.
cp -R out out.before
cp "$pub/files/index.html" "$tmp/index.html"
printf 'x' >>"$pub/files/index.html"
expect "changed frozen file" 1 "files/index.html" "$gen" build -o out content
grep -q "SHA-256" "$tmp/log" && ok || bad "changed frozen file: no SHA-256 in the message"
diff -r out.before out >/dev/null 2>&1 && ok || bad "a failed build changed out/"
cp "$tmp/index.html" "$pub/files/index.html"
mv "$pub/files/gen.css" "$tmp/gen.css"
expect "removed frozen file" 1 "files/gen.css" "$gen" build -o out content
mv "$tmp/gen.css" "$pub/files/gen.css"
echo extra >"$pub/files/extra.txt"
expect "added frozen file" 1 "files/extra.txt" "$gen" build -o out content
rm "$pub/files/extra.txt"
expect "repaired" 0 "" "$gen" build -o out content

mv "$pub" "$tmp/published"
expect "published without frozen files" 1 "frozen files are missing" \
    "$gen" build -o out content
mv "$tmp/published" "$pub"
sed -i 's/^status: published$/status: draft/' "$ed/index.md"
expect "frozen files under a draft" 1 "status is draft" \
    "$gen" build -o out content
diff -r out.before out >/dev/null 2>&1 && ok || bad "a failed build changed out/"


# Thawing as the message says: the changed text is built again.
rm -rf "$pub"
echo "Een zin die na het ontdooien is toegevoegd." >>"$ed/01-aanloopfase.md"
expect "thawed" 0 "" "$gen" build -o out content
grep -q "na het ontdooien" out/2020-bemiddeling/index.html && ok ||
    bad "the thawed edition was not built again"

# The published editions of the real content are what gen builds from
# them (republish them as the README says when this fails).
rm -rf real && mkdir real && cp -R "$root/content" real/content
for p in real/content/*/published; do
	e=${p%/published}
	s=$(basename "$e")
	mv "$p" "real/$s.frozen"
	sed -i 's/^status: published$/status: draft/' "$e/index.md"
done
expect "build the thawed real content" 0 "" \
    env GEN_ASSETS="$root/assets" "$gen" build -o real/out real/content
for f in real/*.frozen; do
	s=$(basename "$f" .frozen)
	diff -r "$f/files" "real/out/$s" >"$tmp/log" 2>&1 && ok ||
	    { bad "real content/$s: its frozen files are not what gen builds (republish it)"; head -5 "$tmp/log"; }
	"$gen" stats --json "real/content/$s" >"$tmp/now.json" 2>&1
	"$gen" stats --json "$root/content/$s" >"$tmp/frozen.json" 2>&1
	cmp -s "$tmp/now.json" "$tmp/frozen.json" && ok ||
	    bad "real content/$s: its frozen figures are not what gen computes (republish it)"
done

cd "$root" || exit 1
summary publish
