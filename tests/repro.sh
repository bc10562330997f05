#!/bin/sh
# repro.sh GEN: the same content gives byte-identical outputs, whatever
# the folder, time zone, locale or time of day (issue: reproducible).
# Builds the sample content twice, from two differently named copies,
# with different TZ and LC_ALL, and compares every byte.
set -u
. "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/a" "$tmp/deeper/b c"
cp -R "$root/content" "$tmp/a/content"
cp -R "$root/content" "$tmp/deeper/b c/content"

(cd "$tmp/a" && TZ=UTC LC_ALL=C "$gen" build -o out content) \
    >"$tmp/a.log" 2>&1 || { cat "$tmp/a.log"; exit 1; }
(cd "$tmp/deeper/b c" && TZ=Pacific/Kiritimati LC_ALL=nl_NL.UTF-8 \
    LANG=nl_NL.UTF-8 "$gen" build -o "$tmp/deeper/b c/uit" content) \
    >"$tmp/b.log" 2>&1 || { cat "$tmp/b.log"; exit 1; }

if diff -r "$tmp/a/out" "$tmp/deeper/b c/uit" >"$tmp/diff" 2>&1; then
	pass=$((pass + 1))
else
	echo "FAIL: outputs differ between two builds:"; head -20 "$tmp/diff"
	fail=$((fail + 1))
fi
# No absolute path of either build may appear in any output.
if grep -rl -e "$tmp" "$tmp/a/out" "$tmp/deeper/b c/uit" >/dev/null 2>&1; then
	echo "FAIL: an absolute path leaked into the output"
	fail=$((fail + 1))
else
	pass=$((pass + 1))
fi
# The same build again into the same folder: still the same bytes.
(cd "$tmp/a" && "$gen" build -o out2 content) >/dev/null 2>&1
if diff -r "$tmp/a/out" "$tmp/a/out2" >/dev/null 2>&1; then
	pass=$((pass + 1))
else
	echo "FAIL: a second build in the same folder differs"
	fail=$((fail + 1))
fi
summary repro
