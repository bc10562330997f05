#!/bin/sh
#
# subset-fonts.sh: make the typefaces gen ships in assets/fonts/.
#
# Run by hand when the fonts must be remade (never at build time); the
# results are committed.  From the repository root:
#
#     tools/subset-fonts.sh            # writes assets/fonts/
#     tools/subset-fonts.sh /tmp/f     # or into another folder
#
# Needs (Debian 12 packages):
#     fonts-lato 2.0-2.1           Lato-{Regular,Bold,Italic,BoldItalic}.ttf
#     fonts-liberation2 2.1.5-1    LiberationMono-Regular.ttf
#     fonts-dejavu-core 2.37-6     DejaVuSans.ttf (fallback glyphs, see below)
#     python3-fonttools, python3-brotli   (pyftsubset, WOFF2 writer)
#     fontconfig                   (fc-scan, for the check at the end)
#
# Names: Lato and Liberation Mono are under the SIL Open Font License
# 1.1 with Reserved Font Names ("Lato", "Liberation").  A subset is a
# Modified Version (OFL section 3, and the OFL FAQ on subsetting), which
# may not carry a Reserved Font Name, so the subsets are renamed: Lato
# becomes "Gen Sans" (GenSans-*.ttf), Liberation Mono "Gen Mono"
# (GenMono-Regular.ttf), in every family, full-name, PostScript-name and
# unique-ID record; the copyright, trademark and licence records stay,
# and the description record says what the font was made from.  DejaVu's
# licence only forbids the words "Bitstream" and "Vera" in modified
# names, so its subset keeps "DejaVu Sans".
#
# What it makes, for every face:
#     <Face>.ttf     read by gen's C code (fonts.c registers every *.ttf in
#                    the folder with a private fontconfig set; Cairo embeds
#                    them, subset again, in the PDF)
#     <Face>.woff2   loaded by gen.css with @font-face for the HTML
#
# Subset: what Dutch reports need.
#     U+0020-007E  Basic Latin          U+00A0-00FF  Latin-1 Supplement
#     U+0100-017F  Latin Extended-A     (ĳ/Ĳ, and names: Łódź, Dvořák, ...)
#     U+0301,0308  combining acute, diaeresis (emphasis "íj́", "vóór")
#     U+2000-206F  General Punctuation  (– — ‘ ’ “ ” „ … • ‰ ′ ″, spaces)
#     U+20AC €  U+2212 −  U+2264 ≤  U+2265 ≥  U+2192 →  U+21A9 ↩  U+2713 ✓
#     U+2717 ✗  (× ÷ are in Latin-1)
# Names from everywhere in Europe and common mathematics (issue 16):
#     U+0180-024F  Latin Extended-B     (Romanian ș ț, Vietnamese ơ ư)
#     U+02B0-02FF  spacing modifiers    U+0300-036F  combining marks
#     U+0370-03FF  Greek (monotonic)    U+0400-04FF  Cyrillic
#     U+1E00-1EFF  Latin Extended Additional (Vietnamese: ễ ệ ộ ự ...)
#     U+2070-209F  super- and subscripts U+20A0-20CF currency symbols
#     letterlike symbols (℃ № ™ Ω ℕ ℤ ℚ ℝ), fractions U+2150-215F, the
#     simple and double arrows, the common mathematical operators
#     (∀ ∂ ∃ ∅ ∆ ∇ ∈ ∉ ∏ ∑ ∓ √ ∝ ∞ ∠ ∧ ∨ ∩ ∪ ∫ ∼ ≅ ≈ ≠ ≡ ≤ ≥ ≪ ≫ ⊂ ⊃ ⊆ ⊇
#     ⊕ ⊗ ⊥ ⋅), and U+2610-2612 ☐ ☑ ☒ (task lists)
# Polytonic Greek, the Cyrillic Supplement and the rarer operators are left
# out to keep the faces small (the HTML loads them).
# What no shipped face has (Arabic, Hebrew, CJK, emoji) gen warns about,
# at the character, when it sets the PDF.
# Code points a face lacks are silently skipped by pyftsubset; the check at
# the end lists them.  Lato 2.007 and Liberation Mono 2.1.5 both lack
# ↩ ✓ ✗ and U+2011 (non-breaking hyphen); Liberation Mono also lacks the
# thin spaces U+2009 and U+202F; Lato lacks some mathematical operators
# (∈ ∪ ∅ ∇ ∧ ...), letterlike symbols (ℕ ℝ) and the ballot boxes, Liberation
# Mono also some super- and subscripts.  Every wanted code point that one
# of the Gen faces lacks comes from a subset of DejaVu Sans (family
# "DejaVu Sans"), shipped alongside: fontconfig/Pango
# fall back to it on their own, the CSS names it after Lato with a
# unicode-range so browsers only fetch it when such a glyph is on the page.
#
# Kept: all OpenType layout features (--layout-features='*': kern, liga,
# tnum, lnum, onum, case, ...), the hinting, and every name record (family
# names for fontconfig, copyright and licence for the OFL), with the
# original head.modified timestamp, so that the output is the same bytes
# every run.  Glyph names and the legacy 'kern' table are dropped (GPOS
# has the kerning).
#
# Licences: Lato and Liberation are under the SIL Open Font License 1.1,
# DejaVu under the Bitstream Vera licence with public-domain changes; the
# texts are copied next to the fonts as LICENSE-*.txt.

set -eu

out=${1:-assets/fonts}
lato=/usr/share/fonts/truetype/lato
lib=/usr/share/fonts/truetype/liberation2
dejavu=/usr/share/fonts/truetype/dejavu
# The Debian python, not a virtualenv or pyenv one that lacks fontTools.
py=/usr/bin/python3

unicodes='U+0020-007E,U+00A0-00FF,U+0100-017F,U+0301,U+0308,U+2000-206F,'\
'U+20AC,U+2212,U+2264,U+2265,U+2192,U+21A9,U+2713,U+2717,'\
'U+0180-024F,U+02B0-02FF,U+0300-036F,U+0370-03FF,U+0400-04FF,'\
'U+1E00-1EFF,U+2070-209F,U+20A0-20CF,U+2103,U+2109,U+2115,U+2116,'\
'U+2119,U+211A,U+211D,U+2122,U+2124,U+2126,U+2150-215F,U+2190-2199,'\
'U+21D0-21D5,U+2200-2211,U+2213-221E,U+2220-222B,U+2234,U+223C,U+2245,'\
'U+2248,U+2260-2265,U+226A,U+226B,U+2282-2287,U+2295,U+2297,U+22A5,'\
'U+22C5,U+2610-2612'

mkdir -p "$out"

# subset SRC DEST-BASENAME UNICODES [OLD-FAMILY NEW-FAMILY]: writes
# DEST.ttf and DEST.woff2, renamed when a new family is given.
subset() {
	"$py" -m fontTools.subset "$1" \
	    --unicodes="$3" \
	    --layout-features='*' \
	    --name-IDs='*' --name-languages='*' --name-legacy \
	    --notdef-outline \
	    --output-file="$out/$2.ttf"
	if [ $# -ge 5 ]; then
		"$py" - "$out/$2.ttf" "$4" "$5" "$(basename "$1")" <<'EOF'
import sys
from fontTools.ttLib import TTFont
path, old, new, src = sys.argv[1:5]
oldps, newps = old.replace(" ", ""), new.replace(" ", "")
f = TTFont(path, recalcTimestamp=False)
name = f["name"]
for rec in name.names:
    if rec.nameID in (1, 3, 4, 16, 18, 21):
        rec.string = rec.toUnicode().replace(old, new)
    elif rec.nameID == 6:
        rec.string = rec.toUnicode().replace(oldps, newps)
for rec in name.names:
    left = rec.toUnicode()
    if rec.nameID in (1, 3, 4, 6, 16, 18, 21) and (old in left or oldps in left):
        sys.exit("%s: name ID %d still says %r" % (path, rec.nameID, left))
name.names = [r for r in name.names if r.nameID != 10]
name.setName("A subset of %s (%s), renamed %s as the SIL Open Font "
             "License 1.1 requires of a Modified Version; made for gen's "
             "reports." % (old, src, new), 10, 3, 1, 0x409)
f.save(path, reorderTables=None)
EOF
	fi
	# WOFF2 is a lossless repackaging of the same TTF; the timestamp is kept.
	"$py" -c 'import sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1], recalcTimestamp=False)
f.flavor = "woff2"
f.save(sys.argv[2], reorderTables=None)' "$out/$2.ttf" "$out/$2.woff2"
}

for face in Regular Bold Italic BoldItalic; do
	subset "$lato/Lato-$face.ttf" "GenSans-$face" "$unicodes" \
	    "Lato" "Gen Sans"
done
subset "$lib/LiberationMono-Regular.ttf" GenMono-Regular "$unicodes" \
    "Liberation Mono" "Gen Mono"
# Only what Lato or Liberation Mono lack: every wanted code point that one
# of the Gen faces does not have and DejaVu Sans does.  The same list is
# the unicode-range of DejaVu Sans in gen.css (printed at the end).
fallback=$("$py" - "$out" "$dejavu/DejaVuSans.ttf" "$unicodes" <<'EOF'
import glob, os, sys
from fontTools.ttLib import TTFont
out, dejavu, spec = sys.argv[1:4]
want = set()
for part in spec.split(","):
    lo, _, hi = part[2:].partition("-")
    want.update(range(int(lo, 16), int(hi or lo, 16) + 1))
lack = set()
for f in sorted(glob.glob(os.path.join(out, "Gen*.ttf"))):
    cmap = TTFont(f).getBestCmap()
    lack |= {u for u in want if u not in cmap}
lack = sorted(lack & set(TTFont(dejavu).getBestCmap()))
runs = []
for u in lack:
    if runs and runs[-1][1] == u - 1:
        runs[-1][1] = u
    else:
        runs.append([u, u])
print(",".join("U+%04X" % a if a == b else "U+%04X-%04X" % (a, b)
               for a, b in runs))
EOF
)
subset "$dejavu/DejaVuSans.ttf" DejaVuSans-Fallback "$fallback"
echo "unicode-range of DejaVu Sans for gen.css:"
echo "  $fallback" | sed 's/,/, /g' | fold -s -w 72

cp /usr/share/doc/fonts-lato/copyright "$out/LICENSE-Lato.txt"
cp /usr/share/doc/fonts-liberation2/copyright "$out/LICENSE-Liberation.txt"
cp /usr/share/doc/fonts-dejavu-core/copyright "$out/LICENSE-DejaVu.txt"
# Debian's copyright file for Lato leaves out what the fonts' own name
# table says; keep that statement with the licence.
"$py" - "$lato/Lato-Regular.ttf" >>"$out/LICENSE-Lato.txt" <<'EOF'
import sys
from fontTools.ttLib import TTFont
name = TTFont(sys.argv[1])["name"]
print("\nCopyright notice in the font files (name ID 0):\n "
      + name.getDebugName(0).strip())
EOF

# Check: family and style as fontconfig sees them, sizes, and which of the
# wanted code points each face does not have.
echo "fontconfig:"
fc-scan --format '  %{file}: %{family} / %{style} (weight %{weight}, slant %{slant})\n' "$out"/*.ttf
echo "sizes (bytes):"
for f in "$out"/*.ttf "$out"/*.woff2; do
	printf '  %8d  %s\n' "$(wc -c <"$f")" "$f"
done
echo "missing from the wanted set (covered by DejaVuSans-Fallback if listed there):"
"$py" - "$out" <<'EOF'
import glob, os, sys
from fontTools.ttLib import TTFont
want = [0x20AC, 0x2212, 0x2264, 0x2265, 0x2192, 0x21A9, 0x2713, 0x2717,
        0x00D7, 0x00F7, 0x2011, 0x2009, 0x202F, 0x2013, 0x2014, 0x2018,
        0x2019, 0x201C, 0x201D, 0x201E, 0x2026, 0x2022, 0x2030]
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.ttf"))):
    cmap = TTFont(f).getBestCmap()
    gone = [u for u in want if u not in cmap]
    if "Fallback" in f:
        print("  %s: has %s" % (os.path.basename(f),
              " ".join("U+%04X %s" % (u, chr(u)) for u in sorted(cmap))))
    else:
        print("  %s: %d code points; lacks %s" % (os.path.basename(f),
              len(cmap), " ".join("U+%04X %s" % (u, chr(u)) for u in gone)
              or "nothing"))
EOF
