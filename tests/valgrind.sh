#!/bin/sh
# valgrind.sh GEN: gen under valgrind's memcheck on the sample content
# (build, check, stats, stats --json), on every golden case and on every
# bad-input case: no invalid read or write, no use of uninitialised
# memory, no definite leak.  Leaks inside Debian's libraries are listed
# in tests/valgrind.supp.
set -u
gen=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

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
vg "stats" "$gen" stats content/2020-bemiddeling
vg "stats --json" "$gen" stats --json content/leergang-helmond
for d in tests/golden/*/ tests/bad/*/; do
	[ -d "$d/content" ] || continue
	cd "$root/$d" || exit 1
	vg "build $d" "$gen" build -o "$tmp/o" content
	cd "$root" || exit 1
	rm -rf "$tmp/o"
done
echo "valgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
