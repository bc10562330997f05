#!/bin/sh
# install.sh GEN MAKE: make install and make uninstall (run by
# `make install-check`, whose OBJDIR, BIN and flags the make commands
# below inherit through MAKEFLAGS):
#
#   - make install DESTDIR=D puts bin/gen (the program GEN), the man page
#     and the assets under D/usr/local; the installed gen, run from
#     another folder on a copy of content/ and without GEN_ASSETS, builds
#     byte for byte what GEN builds from the source tree (make's out/);
#     make uninstall DESTDIR=D removes every file it installed;
#   - make install PREFIX=P (a build of its own) compiles P/share/gen in:
#     the installed gen finds its assets there even when the program is
#     moved away from P.
set -u
. "$(dirname "$0")/lib.sh"
make=${2:-make}

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# The reference: what `make` writes into out/, written elsewhere.
(cd "$root" && "$gen" build -o "$tmp/ref" content) >"$tmp/log" 2>&1 ||
    { bad "gen build of content/ failed"; cat "$tmp/log"; }

dest=$tmp/dest
$make -s --no-print-directory -C "$root" install DESTDIR="$dest" \
    >"$tmp/log" 2>&1 || { bad "make install DESTDIR failed"; cat "$tmp/log"; }
p=$dest/usr/local
for f in bin/gen share/man/man1/gen.1 share/gen/gen.css \
    share/gen/fonts/GenSans-Regular.woff2 share/gen/fonts/GenSans-Regular.ttf \
    share/gen/fonts/LICENSE-Lato.txt; do
	[ -f "$p/$f" ] && ok || bad "make install did not install $f"
done
[ -x "$p/bin/gen" ] && ok || bad "bin/gen is not executable"
cmp -s "$gen" "$p/bin/gen" && ok || bad "bin/gen is not $gen"
[ -d "$p/share/gen/preview" ] && bad "the design previews were installed" || ok

# The installed gen, from another folder, without the source tree.
mkdir -p "$tmp/elsewhere"
cp -R "$root/content" "$tmp/elsewhere/content"
(cd "$tmp/elsewhere" && env -u GEN_ASSETS "$p/bin/gen" build -o site content) \
    >"$tmp/log" 2>&1 && ok || { bad "the installed gen failed"; cat "$tmp/log"; }
diff -r "$tmp/ref" "$tmp/elsewhere/site" >"$tmp/log" 2>&1 && ok ||
    { bad "the installed gen built other bytes than make's out/"; head -20 "$tmp/log"; }
(cd "$tmp/elsewhere" && env -u GEN_ASSETS "$p/bin/gen" --version) \
    >"$tmp/log" 2>&1 && ok || bad "installed gen --version"

$make -s --no-print-directory -C "$root" uninstall DESTDIR="$dest" \
    >"$tmp/log" 2>&1 || { bad "make uninstall failed"; cat "$tmp/log"; }
left=$(find "$dest" -type f | sed "s|^$dest||")
[ -z "$left" ] && ok || bad "make uninstall left: $left"

# A PREFIX of its own: the assets folder compiled in.  Its own objects,
# so that the project's stay as they are.
pre=$tmp/prefix
$make -s --no-print-directory -C "$root" install PREFIX="$pre" \
    OBJDIR="$tmp/obj" BIN="$tmp/obj/gen" >"$tmp/log" 2>&1 ||
    { bad "make install PREFIX failed"; cat "$tmp/log"; }
mkdir -p "$tmp/moved/bin"
mv "$pre/bin/gen" "$tmp/moved/bin/gen"
rm -rf "$tmp/elsewhere/site"
(cd "$tmp/elsewhere" && env -u GEN_ASSETS "$tmp/moved/bin/gen" build -o site content) \
    >"$tmp/log" 2>&1 && ok || { bad "gen moved out of PREFIX failed"; cat "$tmp/log"; }
diff -r "$tmp/ref" "$tmp/elsewhere/site" >/dev/null 2>&1 && ok ||
    bad "gen moved out of PREFIX built other bytes"
# Proof that it read PREFIX/share/gen: without it the build fails.
mv "$pre/share/gen" "$pre/share/gen.away"
(cd "$tmp/elsewhere" && env -u GEN_ASSETS "$tmp/moved/bin/gen" build -o site2 content) \
    >/dev/null 2>&1 && bad "gen built without any assets folder" || ok
mv "$pre/share/gen.away" "$pre/share/gen"
mv "$tmp/moved/bin/gen" "$pre/bin/gen"
$make -s --no-print-directory -C "$root" uninstall PREFIX="$pre" \
    >"$tmp/log" 2>&1 || { bad "make uninstall PREFIX failed"; cat "$tmp/log"; }
left=$(find "$pre" -type f)
[ -z "$left" ] && ok || bad "make uninstall PREFIX left: $left"

summary install.sh
