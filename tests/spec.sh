#!/bin/sh
# spec.sh RENDER: the 701 CommonMark 0.29 + GFM spec examples through
# gen's Markdown path (issue 16 item 10).  RENDER is build/obj/spec_render
# (tests/spec_render.c: gen's document and HTML back-end); the examples,
# test/spec.txt and test/extensions.txt with the runner's normalize.py,
# come from Debian's source package of the cmark-gfm that gen links
# (the version of libcmark-gfm-dev), fetched at test time with apt-get
# source and a private sources list into build/spec/, never into the
# repository.  tests/spec.py compares, with gen's documented policies
# undone, and fails on any unexplained difference.  A fetch that fails
# (no network, no such version) fails the test: it never skips.
set -u
. "$(dirname "$0")/lib.sh"

ver=$(dpkg-query -W -f='${source:Version}' libcmark-gfm-dev 2>/dev/null)
if [ -z "$ver" ]; then
	echo "FAIL: spec: libcmark-gfm-dev is not installed"
	exit 1
fi
up=${ver%-*}
dir=$root/build/spec
src=$dir/src/cmark-gfm-$up/test
if [ ! -f "$src/spec.txt" ] || [ ! -f "$src/extensions.txt" ] ||
    [ ! -f "$src/normalize.py" ]; then
	rm -rf "$dir"
	mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial" "$dir/src"
	echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg]" \
	    "http://deb.debian.org/debian bookworm main" >"$dir/sources.list"
	set -- -o "Dir::Etc::SourceList=$dir/sources.list" \
	    -o Dir::Etc::SourceParts=/nonexistent \
	    -o "Dir::State::Lists=$dir/lists" -o "Dir::Cache=$dir/cache" \
	    -o Debug::NoLocking=1
	if ! apt-get "$@" update >"$dir/fetch.log" 2>&1 ||
	    ! (cd "$dir/src" && apt-get "$@" source "cmark-gfm=$ver") \
	    >>"$dir/fetch.log" 2>&1 || [ ! -f "$src/spec.txt" ]; then
		tail -n 5 "$dir/fetch.log"
		echo "FAIL: spec: cannot fetch Debian's cmark-gfm $ver source" \
		    "package (network?); see build/spec/fetch.log"
		exit 1
	fi
fi

if /usr/bin/python3 "$root/tests/spec.py" "$gen" "$src"; then
	pass=1
else
	fail=1
fi
summary spec
