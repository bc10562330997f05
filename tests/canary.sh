#!/bin/sh
# canary.sh GEN: outputs hold aggregates only (spec 4.6).  Every CSV of
# a copy of the sample content gets an extra column of canary strings;
# after a build, neither the canaries nor any trajectory id may appear
# in any output file, the text of the PDFs included.
set -u
. "$(dirname "$0")/lib.sh"

cp -R "$root/content" "$tmp/content"
# Published editions would serve their frozen files whatever the data
# says: thaw them in the copy, so every edition is built from the data.
for d in "$tmp"/content/*/published; do
	[ -d "$d" ] || continue
	rm -rf "$d"
	sed 's/^status: published$/status: draft/' "${d%/published}/index.md" \
	    >"$tmp/index.md" && mv "$tmp/index.md" "${d%/published}/index.md"
done
# Add a column "notitie" to every data CSV (not the codebook).
find "$tmp/content" -name '*.csv' ! -name codes.csv | sort | while read -r f; do
	awk -v F="$(basename "$f")" '
	NR == 1 { d = (gsub(/;/, ";") > gsub(/,/, ",")) ? ";" : ","
		  sub(/\r$/, ""); print $0 d "notitie"; next }
	/^[[:space:]]*$/ { print; next }
	{ sub(/\r$/, ""); print $0 d "CANARY-" F "-" NR }' "$f" >"$f.new" &&
	    mv "$f.new" "$f"
done
(cd "$tmp" && "$gen" build -o out content) >"$tmp/log" 2>&1 ||
    { cat "$tmp/log"; echo "canary: 0 passed, 1 failed"; exit 1; }

# Everything a reader can get: the files, and the text inside PDFs.
find "$tmp/out" -name '*.pdf' | while read -r p; do
	pdftotext -q "$p" "$p.txt" 2>/dev/null || true
done
if grep -rl "CANARY" "$tmp/out" >"$tmp/hits" 2>/dev/null; then
	echo "FAIL: canary strings leaked into:"; cat "$tmp/hits"
	fail=$((fail + 1))
else
	pass=$((pass + 1))
fi
# Trajectory ids are confidential too.
find "$tmp/content" -name 'trajecten*.csv' | while read -r f; do
	awk -F'[,;]' 'NR > 1 && $1 != "" { print $1 }' "$f"
done | sort -u >"$tmp/ids"
leaked=0
while read -r id; do
	if grep -rqw -e "$id" "$tmp/out" --include='*.html' \
	    --include='*.txt' 2>/dev/null; then
		echo "FAIL: trajectory id '$id' appears in an output"
		leaked=1
	fi
done <"$tmp/ids"
if [ "$leaked" -eq 0 ] && [ -s "$tmp/ids" ]; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
fi
summary canary
