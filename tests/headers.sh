#!/bin/sh
# headers.sh [ROOT]: every header's comment says what it is for and who
# includes it, and that line is true.  For each gen/*.h, its opening
# comment must hold an "Included by" sentence; every file of gen/ that
# includes the header must be named in it (as "pdf.c"), and every file
# of gen/ it names must include the header.  Where a header is
# included by nearly every module, the sentence says "every module but"
# and names the exceptions ("but chart_cairo.c"), which must not
# include it, or "every module that ..." and the files it names.  The tests are named loosely ("and the tests"), so only
# the files of gen/ are held to it; a module's own source (x.c for x.h)
# need not be named.
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root/gen" || exit 2
pass=0 fail=0
for h in *.h; do
	# The opening comment, on one line.
	top=$(awk 'NR==1 && !/^\/\*/ { exit } { print } /\*\// { exit }' "$h" |
	    tr '\n' ' ' | sed 's/[[:space:]]*\*[[:space:]]*/ /g; s/  */ /g')
	case $top in
	*"Included by"*) ;;
	*) echo "FAIL: gen/$h: its opening comment has no 'Included by'"
	   fail=$((fail + 1)); continue ;;
	esac
	said=${top#*Included by}
	named=$(printf '%s\n' "$said" | grep -o '[A-Za-z0-9_]*\.\(c\|h\|cc\)\b' |
	    sort -u)
	# Who includes it, the module's own source (x.c for x.h) aside.
	users=$(grep -l "^#[[:space:]]*include[[:space:]]*\"$h\"" *.c *.h *.cc \
	    2>/dev/null | grep -vx "$h" | grep -vx "${h%.h}.c" | sort -u)
	ok=1
	case $said in
	*"every module but"*)
		# The files named after "but" must not include it.
		for f in $(printf '%s\n' "${said#*every module but}" |
		    sed 's/,.*//; s/ by .*//' |
		    grep -o '[A-Za-z0-9_]*\.\(c\|h\|cc\)\b'); do
			if printf '%s\n' "$users" | grep -qx "$f"; then
				echo "FAIL: gen/$h: says gen/$f does not include it, but it does"
				ok=0
			fi
		done ;;
	*)
		# Every includer is named, unless the comment says "every
		# module that ...".
		case $said in
		*"every module"*) ;;
		*) for f in $users; do
			printf '%s\n' "$named" | grep -qx "$f" && continue
			echo "FAIL: gen/$h: included by gen/$f, which its comment does not name"
			ok=0
		   done ;;
		esac
		# Every file named includes it.
		for f in $named; do
			[ -f "$f" ] || continue
			[ "$f" = "$h" ] || [ "$f" = "${h%.h}.c" ] && continue
			printf '%s\n' "$users" | grep -qx "$f" && continue
			echo "FAIL: gen/$h: its comment names gen/$f, which does not include it"
			ok=0
		done ;;
	esac
	if [ "$ok" -eq 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "headers: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
