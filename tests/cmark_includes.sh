#!/bin/sh
# cmark_includes.sh [ROOT]: cmark-gfm, the Markdown parser, stops at the
# document.  Lists every C file and header of gen/ and tests/ that
# includes a cmark-gfm header, directly or through gen's own headers
# (a header that reaches cmark-gfm makes each file that includes it
# reach it too), and fails if any lies outside the allowed set:
#
#   gen/doc.c         the parser's one user, which builds gen's own
#                     document tree (doc.h: struct dnode) from it
#
# The back-ends (html.c, the pdf*.c files, tree.c) walk that tree, and
# build.c, publish.c, main.c and the rest must not see cmark-gfm: not
# through edition.h, nor through doc.h.
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root" || exit 2
allowed="gen/doc.c"

files=$(find gen tests -type f \( -name '*.c' -o -name '*.h' -o -name '*.cc' \) | sort)
[ -n "$files" ] || { echo "cmark_includes: no sources under $root"; exit 2; }
# Files that include cmark-gfm themselves.
reach=$(grep -l '^[[:space:]]*#[[:space:]]*include[[:space:]]*<cmark-gfm' $files)
# Then, until nothing changes, every file that includes one of those
# headers by name.
while :; do
	more=$reach
	for f in $reach; do
		case $f in
		*.h) more="$more $(grep -l "^[[:space:]]*#[[:space:]]*include[[:space:]]*\"$(basename "$f")\"" $files)" ;;
		esac
	done
	more=$(printf '%s\n' $more | sort -u)
	[ "$more" = "$reach" ] && break
	reach=$more
done

fail=0
for f in $reach; do
	ok=0
	for a in $allowed; do
		[ "$f" = "$a" ] && ok=1
	done
	if [ "$ok" -eq 1 ]; then
		echo "  $f"
	else
		echo "FAIL: $f includes cmark-gfm (directly or through a header)"
		fail=$((fail + 1))
	fi
done
[ "$fail" -eq 0 ] || echo "only these may: $allowed"
echo "cmark_includes: $(printf '%s\n' $reach | wc -l) files reach cmark-gfm, $fail not allowed"
[ "$fail" -eq 0 ]
