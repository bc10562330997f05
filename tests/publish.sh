#!/bin/sh
# publish.sh GEN: published editions (spec 6.3) end to end, on a draft
# copy of the sample content (tests/golden/sample/content):
#
#   - gen publish freezes an edition: status set, SHA-256 sums that
#     coreutils' sha256sum accepts, keyfigs kept; publishing it again is
#     refused;
#   - later builds serve the frozen bytes, even after the stylesheet
#     (GEN_ASSETS), the edition's text and the shared data changed, while
#     draft editions follow those changes; the archive page still shows
#     the frozen edition's key figures;
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

expect "publish" 0 "published 2020-bemiddeling" "$gen" publish "$ed"
grep -q '^status: published$' "$ed/index.md" && ok ||
    bad "publish did not set status: published"
(cd "$pub" && sha256sum --quiet -c SHA256SUMS) >"$tmp/log" 2>&1 && ok ||
    { bad "sha256sum -c rejects SHA256SUMS"; cat "$tmp/log"; }
for f in index.html gen.css 2020-bemiddeling.pdf; do
	[ -s "$pub/files/$f" ] && ok || bad "no frozen $f"
done
[ -s "$pub/keyfigs.tsv" ] && ok || bad "no keyfigs.tsv"
expect "publish twice" 1 "already published" "$gen" publish "$ed"
expect "publish the 2021 edition" 0 "" "$gen" publish content/2021-intermediair

# Builds serve the frozen bytes.  The 2021 edition is the only user of
# codebook columns through its further tables: the build must not call
# them unused.
expect "build" 0 "" "$gen" build -o out content
diff -r "$pub/files" out/2020-bemiddeling >"$tmp/log" 2>&1 && ok ||
    { bad "out/2020-bemiddeling is not the frozen files"; head "$tmp/log"; }
n=$(awk -F'\t' '$1 == "aantal" { print $2 }' "$pub/keyfigs.tsv")
grep -q "$n" out/index.html && [ -n "$n" ] && ok ||
    bad "the archive lacks the frozen key figure aantal ($n)"

# Change the stylesheet, the text and the shared data.
echo "/* changed after publishing */" >>assets/gen.css
echo "Een zin die na publicatie is toegevoegd." >>"$ed/01-aanloopfase.md"
sed -i '$d' content/data/trajecten.csv
expect "build after changes" 0 "" "$gen" build -o out content
diff -r "$pub/files" out/2020-bemiddeling >"$tmp/log" 2>&1 && ok ||
    { bad "a change reached the published edition"; head "$tmp/log"; }
grep -q "changed after publishing" out/leergang-helmond/gen.css && ok ||
    bad "the draft edition did not get the new stylesheet"

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

cd "$root" || exit 1
summary publish
