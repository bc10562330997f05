#!/bin/sh
# golden.sh GEN [--update]: golden tests of whole builds.
#
# Every folder tests/golden/<case>/ holds a content folder (content/)
# and what building it must give (expected/):
#   status        the exit status of "gen build -o OUT content"
#   stderr.txt    its diagnostics, exactly (the output folder shown as OUT)
#   files.txt     the names of every file of the output tree
#   out/...       every HTML file of the output tree, editions.json (its
#                 SHA-256 sums masked) and feed.xml, byte for byte
#   tree-<slug>.txt
#                 "gen tree content/<slug>": the document tree every
#                 back-end walks, for every draft edition of the case
#                 (as lowdown's regression trees sit beside its input)
#   stats-<slug>.txt, stats-<slug>.json
#                 "gen stats [--json] content/<slug>", for every slug
#                 listed in the case's file "stats" (optional)
# The build runs inside the case folder, so diagnostics name
# content/...; fonts, stylesheets and images are only listed.
#
# With --update, the differences are shown and then the expected files
# are replaced: the only way to change them.  Run from anywhere; the
# Makefile passes the program as the first argument (gen/gen, or the
# sanitized build/asan/gen).
set -u
LC_ALL=C
TZ=UTC
export LC_ALL TZ
unset LANG LANGUAGE 2>/dev/null || true

[ $# -ge 1 ] || { echo "usage: tests/golden.sh GEN [--update]" >&2; exit 2; }
gen=$1
case $gen in
/*) ;;
*) gen=$(pwd)/$gen ;;
esac
update=0
[ "${2-}" = --update ] && update=1
root=$(cd "$(dirname "$0")/.." && pwd)
GEN_ASSETS=$root/assets
export GEN_ASSETS
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gen-golden.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM HUP
# The program under test, copied: a rebuild during the run cannot touch it.
cp "$gen" "$tmp/gen" || exit 2
gen=$tmp/gen
pass=0 fail=0 updated=0

# run CASE_DIR ACTUAL_DIR: builds the case and fills ACTUAL_DIR.
run() {
	c=$1 a=$2
	mkdir -p "$a/out"
	st=0
	(cd "$c" && "$gen" build -o "$tmp/build" content) \
	    >"$tmp/stdout" 2>"$tmp/stderr" || st=$?
	echo "$st" >"$a/status"
	sed "s|$tmp/build|OUT|g" "$tmp/stderr" >"$a/stderr.txt"
	if [ -d "$tmp/build" ]; then
		(cd "$tmp/build" && find . -type f | sed 's|^\./||' | sort) \
		    >"$a/files.txt"
		(cd "$tmp/build" && find . -type f \( -name '*.html' -o \
		    -name editions.json -o -name feed.xml \)) |
		while read -r f; do
			mkdir -p "$a/out/$(dirname "$f")"
			cp "$tmp/build/$f" "$a/out/$f"
		done
		# The sums change with every byte of every page: archive.sh
		# checks them against the files; here they are masked.
		if [ -f "$a/out/editions.json" ]; then
			sed 's/"sha256": "[0-9a-f]\{64\}"/"sha256": "SUM"/' \
			    "$a/out/editions.json" >"$tmp/ej" &&
			    mv "$tmp/ej" "$a/out/editions.json"
		fi
	else
		: >"$a/files.txt"
	fi
	rm -rf "$tmp/build"
	for ed in "$c"/content/*/index.md; do
		[ -f "$ed" ] || continue
		ed=$(dirname "$ed")
		slug=$(basename "$ed")
		# A published edition is served from its frozen files.
		[ -d "$ed/published" ] && continue
		(cd "$c" && "$gen" tree "content/$slug") \
		    >"$a/tree-$slug.txt" 2>/dev/null ||
		    echo "exit status $?" >>"$a/tree-$slug.txt"
	done
	if [ -f "$c/stats" ]; then
		while read -r slug; do
			[ -n "$slug" ] || continue
			(cd "$c" && "$gen" stats "content/$slug") \
			    >"$a/stats-$slug.txt" 2>&1 ||
			    echo "exit status $?" >>"$a/stats-$slug.txt"
			(cd "$c" && "$gen" stats --json "content/$slug") \
			    >"$a/stats-$slug.json" 2>&1 ||
			    echo "exit status $?" >>"$a/stats-$slug.json"
		done <"$c/stats"
	fi
}

for c in "$root"/tests/golden/*/; do
	c=${c%/}
	name=$(basename "$c")
	[ -d "$c/content" ] || continue
	a=$tmp/actual-$name
	run "$c" "$a"
	# git keeps no empty folder: neither may the comparison.
	find "$a" -depth -type d -empty -delete
	if [ -d "$c/expected" ] &&
	    diff -r "$c/expected" "$a" >/dev/null 2>&1; then
		pass=$((pass + 1))
		continue
	fi
	if [ "$update" = 1 ]; then
		echo "=== $name: updating tests/golden/$name/expected"
		if [ -d "$c/expected" ]; then
			(cd "$tmp" && diff -ruN "$c/expected" "$a") |
			    sed "s|$a|tests/golden/$name/actual|g"
		else
			echo "(new case)"
		fi
		rm -rf "$c/expected"
		cp -R "$a" "$c/expected"
		updated=$((updated + 1))
		pass=$((pass + 1))
		continue
	fi
	echo "FAIL: $name (tests/golden/$name/expected differs;" \
	    "make golden-update shows and accepts the change)"
	if [ -d "$c/expected" ]; then
		diff -ruN "$c/expected" "$a" | sed "s|$a|actual|g" >"$tmp/diff"
		head -n 80 "$tmp/diff"
		n=$(wc -l <"$tmp/diff")
		[ "$n" -gt 80 ] && echo "... ($((n - 80)) more lines of diff)"
	else
		echo "  no expected/ folder yet"
	fi
	fail=$((fail + 1))
done

[ "$updated" -gt 0 ] && echo "golden: $updated case(s) updated"
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
