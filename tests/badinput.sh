#!/bin/sh
# badinput.sh GEN [--update]: content with defects is refused, exactly.
#
# Every folder tests/bad/<case>/ holds a content folder (content/) with
# one or more defects and a file "expected": the exact diagnostics of
# "gen build -o OUT content" run inside the case folder (the output
# folder shown as OUT).  For every case:
#   - the exit status is 1 and stdout is empty;
#   - stderr is exactly "expected";
#   - OUT, made beforehand as an earlier build (a few files and gen's
#     .gen-output marker listing them), is byte for byte as it was (a
#     SHA-256 listing of every file and the list of every path), and
#     nothing (no lock, no temporary folder) was made beside it;
#   - "gen check content" reports the same and exits 1 too (or, for
#     errors only the PDF's layout finds, what "check-expected" says).
# Then usage errors exit 2.  With --update, the expected files are
# shown as a diff and replaced.  The Makefile passes the program as the
# first argument (gen/gen, or the sanitized build/asan/gen).
set -u
LC_ALL=C
TZ=UTC
export LC_ALL TZ
unset LANG LANGUAGE 2>/dev/null || true

[ $# -ge 1 ] || { echo "usage: tests/badinput.sh GEN [--update]" >&2; exit 2; }
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
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gen-bad.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM HUP
# The program under test, copied: a rebuild during the run cannot touch it.
cp "$gen" "$tmp/gen" || exit 2
gen=$tmp/gen
pass=0 fail=0
out=$tmp/out
# The first line of the marker of a folder gen wrote (gen/outdir.c).
marker="# gen build wrote this folder and may replace it. Paths it wrote:"

# Every path under a folder, and the SHA-256 of every file.
listing() {
	(cd "$1" && find . | sort && find . -type f -exec sha256sum {} + |
	    sort -k 2)
}

# bad NAME WHY: reports a failed check of case NAME.
bad() {
	echo "FAIL: $1: $2"
	ok=0
}

for c in "$root"/tests/bad/*/; do
	c=${c%/}
	name=$(basename "$c")
	[ -d "$c/content" ] || continue
	ok=1

	rm -rf "$out" "$out.tmp-gen" "$out.old-gen"
	mkdir -p "$out/2020"
	echo "sentinel" >"$out/SENTINEL"
	echo "<p>an earlier build</p>" >"$out/2020/index.html"
	: >"$out/empty"
	printf '%s\n' "$marker" 2020/ 2020/index.html SENTINEL empty \
	    >"$out/.gen-output"
	listing "$out" >"$tmp/before"

	st=0
	(cd "$c" && "$gen" build -o "$out" content) \
	    >"$tmp/stdout" 2>"$tmp/stderr.raw" || st=$?
	sed "s|$out|OUT|g" "$tmp/stderr.raw" >"$tmp/stderr"

	if [ "$update" = 1 ] &&
	    ! cmp -s "$c/expected" "$tmp/stderr" 2>/dev/null; then
		echo "=== $name: updating tests/bad/$name/expected"
		diff -u "$c/expected" "$tmp/stderr" 2>/dev/null ||
		    cat "$tmp/stderr"
		cp "$tmp/stderr" "$c/expected"
	fi

	[ "$st" -eq 1 ] || bad "$name" "build exit status $st, not 1"
	[ -s "$tmp/stdout" ] && bad "$name" "build wrote to stdout"
	if [ ! -f "$c/expected" ]; then
		bad "$name" "no expected file"
	elif ! cmp -s "$c/expected" "$tmp/stderr"; then
		bad "$name" "diagnostics differ from tests/bad/$name/expected:"
		diff -u "$c/expected" "$tmp/stderr" | head -n 40
	fi
	listing "$out" >"$tmp/after"
	cmp -s "$tmp/before" "$tmp/after" || {
		bad "$name" "the output folder changed:"
		diff "$tmp/before" "$tmp/after" | head -n 20
	}
	ls -a "$tmp" | grep -q '^\.out\.' &&
	    bad "$name" "something was made beside OUT: $(ls -a "$tmp" |
	    grep '^\.out\.' | tr '\n' ' ')"

	# check: the same diagnostics, without "nothing was written".  A
	# case with errors that only laying out the PDF finds (gen check
	# does not lay it out) has what check reports in check-expected
	# instead; check exits 0 when that file holds no error.
	st=0
	(cd "$c" && "$gen" check content) >"$tmp/stdout" 2>"$tmp/check" ||
	    st=$?
	if [ -f "$c/check-expected" ]; then
		cp "$c/check-expected" "$tmp/want"
		wst=1
		grep -q ': error: ' "$tmp/want" || wst=0
	else
		sed 's/; nothing was written$//' "$tmp/stderr" >"$tmp/want"
		wst=1
	fi
	[ "$st" -eq "$wst" ] || bad "$name" "check exit status $st, not $wst"
	cmp -s "$tmp/want" "$tmp/check" || {
		bad "$name" "check reports differently from build:"
		diff -u "$tmp/want" "$tmp/check" | head -n 20
	}

	if [ "$ok" = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
	fi
done

# usage ARGS... : exit status 2, nothing on stdout, and the first line
# of stderr as given in $want.
usage() {
	st=0
	"$gen" "$@" >"$tmp/stdout" 2>"$tmp/stderr" || st=$?
	first=$(head -n 1 "$tmp/stderr")
	if [ "$st" -eq 2 ] && [ ! -s "$tmp/stdout" ] &&
	    [ "$first" = "$want" ]; then
		pass=$((pass + 1))
	else
		echo "FAIL: gen $*: status $st (want 2), first line of" \
		    "stderr '$first' (want '$want')"
		fail=$((fail + 1))
	fi
}

# Fonts the build cannot do without, missing: one error through diag
# ("path: error: ..."), nothing on stdout, nothing written.
fonts() {
	st=0
	(cd "$tmp/f" && GEN_ASSETS=assets "$gen" build -o out "$root/content" \
	    >"$tmp/stdout" 2>"$tmp/stderr") || st=$?
	if [ "$st" -eq 1 ] && [ ! -s "$tmp/stdout" ] && [ ! -e "$tmp/f/out" ] &&
	    printf '%s\n' "$want" "gen: 1 error; nothing was written" |
	    cmp -s - "$tmp/stderr"; then
		pass=$((pass + 1))
	else
		echo "FAIL: fonts: status $st (want 1), stderr (want '$want'):"
		cat "$tmp/stderr"
		fail=$((fail + 1))
	fi
}
mkdir -p "$tmp/f/assets/fonts"
cp -R "$root/assets/." "$tmp/f/assets/"
rm -f "$tmp/f/assets/fonts/"*.ttf
want="assets/fonts: error: no *.ttf fonts"
fonts
cp "$root/assets/fonts/GenMono-Regular.ttf" "$tmp/f/assets/fonts/"
want='assets/fonts: error: "Gen Sans" is missing (GenSans-Regular.ttf expected); fontconfig offers "Gen Mono" instead'
fonts

cd "$tmp" || exit 2
mkdir -p content
want="usage: gen build [-q] [-o OUTDIR] [CONTENT_DIR | EDITION_DIR ...]"
usage
usage stats
usage stats --json
usage stats a b
usage build -o
want="gen: unknown command 'bogus'"
usage bogus
want="gen: unknown option --frobnicate"
usage build --frobnicate content
usage check --frobnicate

echo "badinput: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
