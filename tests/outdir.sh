#!/bin/sh
# outdir.sh GEN: the output folder (spec 5 and 6.4), on copies of the
# sample content (tests/golden/sample/content) and of the assets:
#
#   - gen refuses, with a message naming the folder and without
#     changing anything, an output folder that is, lies inside or holds
#     the content folder or the assets folder (also through a symbolic
#     link, "." and ".."), one that holds files gen did not write, and
#     one that is not a folder; it accepts a missing or empty folder and
#     its own earlier build, and leaves only its lock beside it;
#   - at every moment of repeated builds a complete out/ exists; a
#     build killed with SIGKILL leaves out/ as it was, and the next
#     build removes what it left; where renameat2() cannot exchange
#     (a preloaded stand-in says EINVAL) the build still succeeds;
#   - two builds started together into one out/ both succeed and the
#     result is byte for byte one of them, in every trial;
#   - gen build -o out EDITION_DIR keeps every edition and gives the
#     same bytes as a build of the whole content folder, keeping the
#     PDF of an unchanged edition, without the whole folder's check
#     that every codebook column is used;
#   - gen check and gen build end a good run with one summary line,
#     -q silences it, and a failed run ends with its error count.
set -u
. "$(dirname "$0")/lib.sh"

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# Every path under a folder, and the SHA-256 of every file.
listing() {
	(cd "$1" && find . | sort && find . -type f -exec sha256sum {} + |
	    sort -k 2)
}

# same NAME A B: folders A and B hold the same bytes.
same() {
	if diff -r "$2" "$3" >"$tmp/diff" 2>&1; then
		ok
	else
		bad "$1: $2 and $3 differ:"
		head -n 10 "$tmp/diff"
	fi
}

# refused NAME WATCH PATTERN COMMAND...: exit 1, the output has a line
# with PATTERN, and the folder WATCH is unchanged.
refused() {
	name=$1 watch=$2 pat=$3
	shift 3
	listing "$watch" >"$tmp/before"
	timeout 300 "$@" >"$tmp/log" 2>&1
	st=$?
	listing "$watch" >"$tmp/after"
	if [ "$st" -ne 1 ]; then
		bad "$name: exit $st, expected 1"
		cat "$tmp/log"
	elif ! grep -qF -- "$pat" "$tmp/log"; then
		bad "$name: no line with '$pat'"
		cat "$tmp/log"
	elif ! cmp -s "$tmp/before" "$tmp/after"; then
		bad "$name: $watch changed:"
		diff "$tmp/before" "$tmp/after" | head -n 10
	else
		ok
	fi
	setup
}

# leftovers NAME DIR: nothing beside DIR but its lock.
leftovers() {
	l=$(ls -a "$(dirname "$2")" | grep -F ".$(basename "$2")." |
	    grep -v '\.lock$')
	[ -z "$l" ] && ok || bad "$1: left beside $2: $l"
}

umask 022
w=$tmp/w
mkdir -p "$w"
cd "$w" || exit 1
GEN_ASSETS=$w/assets
export GEN_ASSETS

# The content, a second version of it (to tell two builds apart) and the
# assets, afresh: a gen that destroyed one cannot spoil the next check.
setup() {
	rm -rf content content-b assets
	cp -R "$root/tests/golden/sample/content" content
	cp -R "$root/assets" assets
	cp -R content content-b
	sed -i 's/^title: .*/title: "Tweede versie"/' \
	    content-b/2021-intermediair/index.md
	echo "Een zin die alleen de tweede versie heeft." \
	    >>content-b/leergang-helmond/01-visie-en-samenwerking.md
}
setup

# --- item 1: which folder gen may replace ---------------------------------

refused "-o content content" content "content: error: the output folder is the content folder" \
    "$gen" build -o content content
refused "-o content/2020-bemiddeling" content \
    "content/2020-bemiddeling: error: the output folder lies inside the content folder" \
    "$gen" build -o content/2020-bemiddeling content
refused "-o content/new (missing, inside)" content \
    "content/new: error: the output folder lies inside the content folder" \
    "$gen" build -o content/new content
refused "-o . with content below" "$w" ".: error: the output folder holds the content folder" \
    "$gen" build -o . content
refused "-o .. from inside content" "$w" "..: error: the output folder holds the content folder" \
    sh -c 'cd content && "$1" build -o .. .' sh "$gen"
ln -s content link
refused "-o a symbolic link to content" content "link: error: the output folder is the content folder" \
    "$gen" build -o link content
refused "-o a folder inside content through a link" content \
    "link/out: error: the output folder lies inside the content folder" \
    "$gen" build -o link/out content
refused "-o content, read through a link" content "content: error: the output folder is the content folder" \
    "$gen" build -o content link
# The same folder under another name (a bind mount, where root may
# mount): compared as a folder, not as a name.  Mounted for each check,
# as each ends with fresh content.
mkdir alias
if mount --bind content alias 2>/dev/null; then
	trap 'umount "$w/alias" 2>/dev/null; rm -rf "$tmp"' EXIT
	refused "-o content mounted elsewhere" content \
	    "alias: error: the output folder is the content folder" \
	    "$gen" build -o alias content
	umount alias
	mount --bind content alias
	refused "-o a new folder in content mounted elsewhere" content \
	    "alias/nieuw: error: the output folder lies inside the content folder" \
	    "$gen" build -o alias/nieuw content
	umount alias
else
	echo "outdir: bind mounts not permitted here; two checks skipped"
fi
rmdir alias
refused "-o the assets folder" assets "error: the output folder is the assets folder" \
    "$gen" build -o "$GEN_ASSETS" content
mkdir Documenten
echo "het jaarverslag" >Documenten/jaarverslag.docx
refused "-o a folder with a user's files" Documenten \
    "Documenten: error: the output folder holds files gen did not write, such as 'jaarverslag.docx'" \
    "$gen" build -o Documenten content
echo "geen map" >bestand
refused "-o a file" "$w" "bestand: error: the output folder is not a folder" \
    "$gen" build -o bestand content

# Missing, nested, empty: accepted; gen's own build: replaced.
check "build into a missing folder" 0 "$gen" build -o ref-a content
[ -f ref-a/.gen-output ] && ok || bad "no .gen-output marker in the build"
check "build into missing parents" 0 "$gen" build -o diep/er/out content
same "a nested build" ref-a diep/er/out
mkdir leeg
check "build into an empty folder" 0 "$gen" build -o leeg content
same "a build into an empty folder" ref-a leeg
check "build into gen's own build" 0 "$gen" build -o leeg content
same "a rebuild" ref-a leeg
leftovers "after builds" "$w/leeg"
[ "$(stat -c %a leeg)" = 755 ] && ok || bad "the output folder is not 755"

# gen's build with something added by hand is no longer only gen's.
echo "mijn aantekeningen" >leeg/notities.txt
refused "a file added to gen's build" leeg \
    "leeg: error: the output folder holds 'notities.txt', which gen did not write" \
    "$gen" build -o leeg content
rm leeg/notities.txt
ln -s /etc/passwd leeg/2020-bemiddeling/wachtwoorden
refused "a link added to gen's build" leeg \
    "leeg: error: the output folder holds '2020-bemiddeling/wachtwoorden', which gen did not write" \
    "$gen" build -o leeg content
rm leeg/2020-bemiddeling/wachtwoorden

# --- item 1: a complete out/ at every moment; a killed build ---------------

check "reference build of the second version" 0 "$gen" build -o ref-b content-b
cp -R ref-a out
rm -f stop
( m=0; while [ ! -e stop ]; do [ -f out/index.html ] || m=$((m + 1)); done
  echo "$m" >misses ) &
poller=$!
for i in 1 2 3 4; do
	"$gen" build -o out content 2>/dev/null ||
	    bad "build $i in the swap test"
done
: >stop
wait "$poller"
[ "$(cat misses)" = 0 ] && ok ||
    bad "out/index.html was missing $(cat misses) times during builds"
same "after repeated builds" ref-a out

"$gen" build -o out content-b 2>/dev/null &
pid=$!
i=0
while [ "$i" -lt 2000 ] && ! ls -a | grep -q '^\.out\.gen-'; do
	sleep 0.01
	i=$((i + 1))
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
if ls -a | grep -q '^\.out\.gen-'; then ok; else
	bad "no temporary folder .out.gen-* seen while the build ran"
fi
same "out/ after a killed build" ref-a out
check "the build after a killed one" 0 "$gen" build -o out content-b
leftovers "after a killed build" "$w/out"
same "the build after a killed one" ref-b out

# Where the file system lacks RENAME_EXCHANGE (renameat2 says EINVAL, as
# a small preloaded library makes it say), gen renames twice.
cat >"$tmp/noexchange.c" <<'EOF'
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

int
renameat2(int ofd, const char *o, int nfd, const char *n, unsigned int fl)
{
	FILE	*f;

	if (fl == 0)
		return renameat(ofd, o, nfd, n);
	if ((f = fopen(getenv("NOEXCHANGE_LOG"), "a")) != NULL) {
		fprintf(f, "%u\n", fl);
		fclose(f);
	}
	errno = EINVAL;
	return -1;
}
EOF
if ${CC:-cc} -shared -fPIC -o "$tmp/noexchange.so" "$tmp/noexchange.c"; then
	rm -rf out
	for c in content content-b; do
		check "build without RENAME_EXCHANGE ($c)" 0 env \
		    NOEXCHANGE_LOG="$tmp/noexchange.log" \
		    LD_PRELOAD="$tmp/noexchange.so" \
		    ASAN_OPTIONS=verify_asan_link_order=0 \
		    "$gen" build -o out "$c"
	done
	[ "$(cat "$tmp/noexchange.log" 2>/dev/null | wc -l)" = 2 ] && ok ||
	    bad "renameat2 was not tried with its flags twice"
	same "a build without RENAME_EXCHANGE" ref-b out
	leftovers "without RENAME_EXCHANGE" "$w/out"
else
	bad "cannot compile the renameat2 stand-in"
fi

# --- item 2: two builds at once -------------------------------------------

for trial in 1 2 3 4; do
	if [ $((trial % 2)) = 1 ]; then first=content second=content-b
	else first=content-b second=content; fi
	"$gen" build -o out "$first" >"$tmp/one.log" 2>&1 &
	p1=$!
	"$gen" build -o out "$second" >"$tmp/two.log" 2>&1 &
	p2=$!
	wait "$p1"
	s1=$?
	wait "$p2"
	s2=$?
	if [ "$s1" -ne 0 ] || [ "$s2" -ne 0 ]; then
		bad "trial $trial: exit $s1 and $s2"
		cat "$tmp/one.log" "$tmp/two.log"
	elif diff -r ref-a out >/dev/null 2>&1 ||
	    diff -r ref-b out >/dev/null 2>&1; then
		ok
	else
		bad "trial $trial: out/ is neither build:"
		diff -r ref-a out | head -n 5
		diff -r ref-b out | head -n 5
	fi
	cat "$tmp/one.log" "$tmp/two.log" >>"$tmp/both.log"
	leftovers "trial $trial" "$w/out"
done
grep -q "^gen: waiting for another build into out to finish$" \
    "$tmp/both.log" && ok || bad "no build ever waited for the other"

# --- item 8: building one edition keeps the others ---------------------------

rm -rf out
cp -R ref-a out
cp -R content-b content-c
# The same text as content: only the named edition differs from ref-a.
cp content/leergang-helmond/01-visie-en-samenwerking.md \
    content-c/leergang-helmond/
sed -i 's/^title: .*/title: "Nieuwe titel"/' content-c/leergang-helmond/index.md
check "reference build of the third version" 0 "$gen" build -o ref-c content-c
"$gen" build -o out content-c/leergang-helmond >"$tmp/log" 2>&1 &&
    ok || { bad "building one edition failed"; cat "$tmp/log"; }
same "building one edition" ref-c out
want="gen: 3 editions built into out (the PDF of 1 unchanged edition kept): 0 errors, 0 warnings"
[ "$(tail -n 1 "$tmp/log")" = "$want" ] && ok ||
    bad "building one edition: '$(tail -n 1 "$tmp/log")', expected '$want'"
check "building one edition into a missing folder" 0 \
    "$gen" build -o nieuw content-c/leergang-helmond
same "building one edition into a missing folder" ref-c nieuw
for s in 2020-bemiddeling 2021-intermediair leergang-helmond; do
	grep -q "href=\"$s/" out/index.html && ok ||
	    bad "the archive does not list $s after building one edition"
done
# The whole folder's own check (every codebook column used) stays with
# a build of the whole folder: without the edition that uses some
# columns, one edition still builds.
cp -R content content-e
rm -rf content-e/2021-intermediair
check "check of a folder with unused codebook columns" 1 \
    "$gen" check content-e
check "building one edition of that folder" 0 \
    "$gen" build -o deel content-e/leergang-helmond

# --- item 11: the summary line ---------------------------------------------

# line NAME WANT COMMAND...: exit 0, nothing on stdout, stderr is WANT.
line() {
	name=$1 want=$2
	shift 2
	"$@" >"$tmp/stdout" 2>"$tmp/stderr"
	st=$?
	if [ "$st" -ne 0 ] || [ -s "$tmp/stdout" ] ||
	    [ "$(cat "$tmp/stderr")" != "$want" ]; then
		bad "$name: exit $st, stderr '$(cat "$tmp/stderr")'," \
		    "expected '$want'"
	else
		ok
	fi
}
line "check" "gen: 3 editions checked: 0 errors, 0 warnings" \
    "$gen" check content
line "check -q" "" "$gen" check -q content
line "build" "gen: 3 editions built into out: 0 errors, 0 warnings" \
    "$gen" build -o out content
line "build -q" "" "$gen" build -q -o out content
line "check of one edition" \
    "gen: 1 edition checked: 0 errors, 0 warnings" \
    "$gen" check content/leergang-helmond
cp -R content content-d
printf '\n> [!kadr] Bijna\n> Een bijna-callout.\n' \
    >>content-d/leergang-helmond/01-visie-en-samenwerking.md
"$gen" check content-d >"$tmp/stdout" 2>"$tmp/stderr"
[ "$(tail -n 1 "$tmp/stderr")" = \
    "gen: 3 editions checked: 0 errors, 1 warning" ] &&
    [ "$(wc -l <"$tmp/stderr")" = 2 ] && ok ||
    { bad "check with a warning:"; cat "$tmp/stderr"; }
sed -i '/^title: /d' content-d/leergang-helmond/index.md
"$gen" build -q -o out content-d >"$tmp/stdout" 2>"$tmp/stderr"
[ "$(tail -n 1 "$tmp/stderr")" = "gen: 1 error; nothing was written" ] &&
    ok || { bad "a failed build's last line:"; cat "$tmp/stderr"; }

cd "$root" || exit 1
summary outdir
