# gen: Markdown + CSV -> HTML reports.  See README.md.
#
#   make          install missing Debian packages (as root), build gen,
#                 build the sample reports into out/
#   make test     every test: unit, golden, bad input, then all of it
#                 again under AddressSanitizer + UBSan
#   make gen/gen  only the program
#   make browser  the built pages in headless Chromium: axe-core WCAG 2.1 AA,
#                 screenshots in build/screenshots/, Nu HTML checker

CC       = cc
CXX      = c++
PKGS     = nettle libcmark-gfm pangocairo cairo cairo-pdf pangofc fontconfig yaml-0.1 \
           librsvg-2.0 libpng libqpdf libxml-2.0 libzip libmicrohttpd
CSTD     = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN     = -Wall -Wextra -Wshadow -Wmissing-prototypes -Wstrict-prototypes \
           -Wwrite-strings -Werror
CFLAGS   = -O2 -g
LDFLAGS  =
OBJDIR   = build/obj
BIN      = gen/gen
# make install: PREFIX/bin/gen, PREFIX/share/man/man1/gen.1 and the assets
# in PREFIX/share/gen, below DESTDIR when given.
PREFIX   = /usr/local
DESTDIR  =
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man
DATADIR  = $(PREFIX)/share/gen
PKGCFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -pthread
PKGLIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) \
            -lcmark-gfm-extensions -lcsv -lhyphen -lstdc++ -lm -pthread
ALLCFLAGS = $(CSTD) $(WARN) $(CFLAGS) $(PKGCFLAGS)
# The one C++ file (gen/pdfa_content.cc: qpdf's content tokenizer).
CXXWARN   = -Wall -Wextra -Wshadow -Wmissing-declarations -Werror
ALLCXXFLAGS = -std=c++17 -DPOINTERHOLDER_TRANSITION=4 $(CXXWARN) $(CFLAGS) $(PKGCFLAGS)

# Debian packages needed to build and test.
DEB_BUILD = build-essential pkg-config libcmark-gfm-dev \
            libcmark-gfm-extensions-dev libcsv-dev libcairo2-dev \
            libpango1.0-dev libyaml-dev libcmocka-dev \
            libhyphen-dev hyphen-nl librsvg2-dev nettle-dev libpng-dev libqpdf-dev \
            libxml2-dev libzip-dev libmicrohttpd-dev
DEB_TEST  = valgrind poppler-utils qpdf clang libclang-rt-14-dev bc python3 \
            python3-pikepdf mupdf-tools python3-openpyxl dpkg-dev curl cmark-gfm

LIB_SRCS = gen/util.c gen/diag.c gen/fmt.c gen/cfile.c gen/csvread.c gen/xlsx.c \
           gen/codes.c gen/bigreg.c \
           gen/register.c gen/tables.c gen/stats.c gen/chartdata.c \
           gen/edition.c gen/doc.c gen/docblock.c gen/content.c gen/chart.c \
           gen/chart_svg.c gen/chart_cairo.c gen/fonts.c gen/html.c \
           gen/build.c gen/outdir.c gen/publish.c gen/newed.c gen/pngcheck.c \
           gen/series.c gen/archive.c gen/logo.c gen/logopng.c \
           gen/url.c gen/hyph.c gen/pdflayout.c gen/pdf.c gen/pdftext.c gen/pdfbox.c \
           gen/pdfdraw.c gen/pdftag.c \
           gen/pdfa.c gen/serve.c gen/tree.c
LIB_CXX  = gen/pdfa_content.cc
LIB_OBJS = $(patsubst gen/%.c,$(OBJDIR)/%.o,$(LIB_SRCS)) \
           $(patsubst gen/%.cc,$(OBJDIR)/%.o,$(LIB_CXX))
MAIN_OBJ = $(OBJDIR)/main.o
HDRS     = $(wildcard gen/*.h)
UNIT     = $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))
UNIT_BIN = $(addprefix $(OBJDIR)/,$(UNIT))

TEST_ENV = LC_ALL=C TZ=UTC SOURCE_DATE_EPOCH=1606780800
SAN      = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
           -fno-sanitize-recover=all

.PHONY: all deps reports test check-suite unit golden badinput sanitize \
        repro canary pathological bench pdf pdf-golden-update valgrind publish \
        golden-update clean fuzz fuzz-quick browser halves tsan archive outdir \
        safety xlsx words spec serve cmark-includes headers layout typeset-report \
        install uninstall install-check FORCE

all: deps $(BIN) reports

# Installs what a fresh Debian machine lacks when run as root; otherwise
# prints the install line and stops.
deps:
	@missing=""; for p in $(DEB_BUILD) $(DEB_TEST); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "missing Debian packages; run as root:"; \
	    echo "  apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

$(OBJDIR)/%.o: gen/%.c $(HDRS)
	@mkdir -p $(OBJDIR)
	@echo "  CC      $@"
	@$(CC) $(ALLCFLAGS) -c $< -o $@

$(OBJDIR)/%.o: gen/%.cc $(HDRS)
	@mkdir -p $(OBJDIR)
	@echo "  CXX     $@"
	@$(CXX) $(ALLCXXFLAGS) -c $< -o $@

# The assets folder an installed gen falls back on, compiled into main.o;
# the stamp changes (and main.o is rebuilt) only when DATADIR does.
$(MAIN_OBJ): ALLCFLAGS += -DGEN_DATADIR='"$(DATADIR)"'
$(MAIN_OBJ): $(OBJDIR)/datadir
$(OBJDIR)/datadir: FORCE
	@mkdir -p $(OBJDIR)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' >$@

$(BIN): $(LIB_OBJS) $(MAIN_OBJ)
	@mkdir -p $(dir $(BIN))
	@echo "  LD      $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(LIB_OBJS) $(MAIN_OBJ) $(PKGLIBS)

reports: $(BIN)
	./$(BIN) build -o out content

# What gen reads at run time: the stylesheet and fonts (not the design
# previews in assets/preview).
ASSETS = $(sort $(filter-out assets/preview/%,$(shell find assets -type f)))

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/gen
	install -m 644 gen.1 $(DESTDIR)$(MANDIR)/man1/gen.1
	@for f in $(ASSETS); do \
	  t=$(DESTDIR)$(DATADIR)/$${f#assets/}; \
	  install -d "$${t%/*}" && install -m 644 "$$f" "$$t" || exit 1; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/gen $(DESTDIR)$(MANDIR)/man1/gen.1
	rm -rf $(DESTDIR)$(DATADIR)

FORCE:

# --- tests -----------------------------------------------------------------

$(OBJDIR)/test_%: tests/unit/test_%.c $(LIB_OBJS) $(HDRS)
	@echo "  CC/LD   $@"
	@$(CC) $(ALLCFLAGS) $(LDFLAGS) -Igen -o $@ $< $(LIB_OBJS) $(PKGLIBS) -lcmocka

unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do $(TEST_ENV) ./$$t || exit 1; done

golden: $(BIN)
	@$(TEST_ENV) sh tests/golden.sh ./$(BIN)

golden-update: $(BIN)
	@$(TEST_ENV) sh tests/golden.sh ./$(BIN) --update

badinput: $(BIN)
	@$(TEST_ENV) sh tests/badinput.sh ./$(BIN)

repro: $(BIN)
	@sh tests/repro.sh ./$(BIN)

canary: $(BIN)
	@$(TEST_ENV) sh tests/canary.sh ./$(BIN)

pathological: $(BIN)
	@$(TEST_ENV) PATHO_ROWS=$(PATHO_ROWS) sh tests/pathological.sh ./$(BIN)

PATHO_ROWS = 1000000

pdf: $(BIN)
	@$(TEST_ENV) sh tests/pdf.sh ./$(BIN)

# The PDF layout dump of the sample edition (tests/unit/test_pdfgolden.c):
# shows the change, then accepts it.
pdf-golden-update: $(OBJDIR)/test_pdfgolden
	@mkdir -p tests/golden-pdf
	@$(TEST_ENV) ./$(OBJDIR)/test_pdfgolden --dump >build/pdf-dump.txt
	@diff -u tests/golden-pdf/2020-bemiddeling.txt build/pdf-dump.txt || true
	@mv build/pdf-dump.txt tests/golden-pdf/2020-bemiddeling.txt
	@echo "pdf-golden-update: tests/golden-pdf/2020-bemiddeling.txt accepted"

publish: $(BIN)
	@$(TEST_ENV) sh tests/publish.sh ./$(BIN)

halves: $(BIN)
	@$(TEST_ENV) sh tests/halves.sh ./$(BIN)

# editions.json and feed.xml checked against their files and RFC 4287.
archive: $(BIN)
	@$(TEST_ENV) sh tests/archive.sh ./$(BIN)

# The PDF layout rules (issues 12 and 16) on the sample and stress
# editions: every word on the page, nothing in the margins or the
# footer, no overlaps, hyphenation limits, long tables, errors at the
# line of what cannot be laid out.
layout: $(BIN)
	@$(TEST_ENV) sh tests/layout.sh ./$(BIN)

# Prints the typesetting figures of every sample and stress PDF (pages,
# fill, pages under 60% while the chapter goes on, hyphenated lines,
# runs, words split across pages); never fails.
typeset-report: $(BIN)
	@t=$$(mktemp -d) && trap 'rm -rf "$$t"' EXIT && \
	  $(TEST_ENV) ./$(BIN) build -q -o "$$t/s" tests/golden/sample/content && \
	  $(TEST_ENV) ./$(BIN) build -q -o "$$t/x" tests/stress/content && \
	  /usr/bin/python3 tests/typeset.py "$$t"/s/*/*.pdf "$$t"/x/*/*.pdf | sed "s|$$t/./||"
# The output folder: what gen refuses, two builds at once, a killed build,
# building one edition, the summary line.
outdir: $(BIN)
	@$(TEST_ENV) sh tests/outdir.sh ./$(BIN)

# Only regular files inside content/, no link or logo that runs script,
# edition names that are slugs (issue 9 items 3, 4, 7).
safety: $(BIN)
	@$(TEST_ENV) sh tests/safety.sh ./$(BIN)

# Registers straight from Excel: workbooks written by tests/xlsx.py with
# Debian's python3-openpyxl, and Excel's text exports.
xlsx: $(BIN)
	@$(TEST_ENV) sh tests/xlsx.sh ./$(BIN)

# Every word reaches the page; glyphs outside the fonts are named.
words: $(BIN)
	@$(TEST_ENV) sh tests/words.sh ./$(BIN)

# The CommonMark 0.29 + GFM spec examples through gen's Markdown path;
# the spec is fetched from Debian's cmark-gfm source package into build/.
$(OBJDIR)/spec_render: tests/spec_render.c $(LIB_OBJS) $(HDRS)
	@echo "  CC/LD   $@"
	@$(CC) $(ALLCFLAGS) $(LDFLAGS) -Igen -o $@ $< $(LIB_OBJS) $(PKGLIBS)

spec: $(OBJDIR)/spec_render
	@$(TEST_ENV) sh tests/spec.sh ./$(OBJDIR)/spec_render

# gen serve with curl: HTTP rules, reload events, diagnostics in the page.
serve: $(BIN)
	@$(TEST_ENV) sh tests/serve.sh ./$(BIN)

# make install into a DESTDIR and a PREFIX; the installed gen run from
# another folder builds what ./$(BIN) builds.  It runs make itself, with
# this make's OBJDIR, BIN and flags.
install-check: $(BIN)
	@$(TEST_ENV) sh tests/install.sh ./$(BIN) "$(MAKE)"

# Only doc.c may see cmark-gfm.
cmark-includes:
	@sh tests/cmark_includes.sh

# Every header's "Included by" line is true.
headers:
	@sh tests/headers.sh

check-suite: unit golden badinput pdf publish repro canary pathological halves \
             archive outdir safety xlsx words spec serve install-check \
             cmark-includes headers layout

# The whole suite again under AddressSanitizer and UBSan, in its own tree.
sanitize:
	@LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  GEN_ASSETS=$(CURDIR)/assets $(MAKE) --no-print-directory OBJDIR=build/asan BIN=build/asan/gen \
	  CFLAGS="$(SAN)" LDFLAGS="$(SAN)" PATHO_ROWS=100000 check-suite

# The two threads that read a large register, under ThreadSanitizer.
TSAN = -O1 -g -fsanitize=thread
tsan:
	@TSAN_OPTIONS="halt_on_error=1 exitcode=66" $(MAKE) --no-print-directory \
	  OBJDIR=build/tsan BIN=build/tsan/gen CFLAGS="$(TSAN)" LDFLAGS="$(TSAN)" halves

# gen under valgrind memcheck: sample content, golden and bad-input cases.
valgrind: $(BIN)
	@$(TEST_ENV) sh tests/valgrind.sh ./$(BIN)

# --- benchmark: prints its figures, never fails on time ----------------------

# pandoc (the comparison) and GNU time (peak memory), installed as
# root when missing.
DEB_BENCH = pandoc time curl

bench: $(BIN)
	@missing=""; for p in $(DEB_BENCH); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "make bench needs:$$missing (apt-get install -y$$missing)"; exit 1; \
	  fi; \
	fi
	@sh bench/bench.sh ./$(BIN)

# --- fuzzing (clang libFuzzer) ----------------------------------------------

FUZZERS   = fuzz_csv fuzz_halves fuzz_frontmatter fuzz_block fuzz_markdown \
            fuzz_xlsx
FUZZ_DIR  = build/fuzz
FUZZ_SAN  = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_TIME = 60
FUZZ_OBJS = $(patsubst gen/%.c,$(FUZZ_DIR)/%.o,$(LIB_SRCS)) \
            $(patsubst gen/%.cc,$(FUZZ_DIR)/%.o,$(LIB_CXX))

$(FUZZ_DIR)/%.o: gen/%.c $(HDRS)
	@mkdir -p $(FUZZ_DIR)
	@clang $(CSTD) $(WARN) $(FUZZ_SAN) -fsanitize=fuzzer-no-link $(PKGCFLAGS) -c $< -o $@

$(FUZZ_DIR)/%.o: gen/%.cc $(HDRS)
	@mkdir -p $(FUZZ_DIR)
	@clang++ -std=c++17 -DPOINTERHOLDER_TRANSITION=4 $(CXXWARN) $(FUZZ_SAN) -fsanitize=fuzzer-no-link $(PKGCFLAGS) -c $< -o $@

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/common.h $(FUZZ_OBJS)
	@clang $(CSTD) $(WARN) $(FUZZ_SAN) -fsanitize=fuzzer \
	  -fsanitize-link-c++-runtime $(PKGCFLAGS) -Igen \
	  -o $@ $< $(FUZZ_OBJS) $(PKGLIBS)

.SECONDARY: $(FUZZ_OBJS) $(LIB_OBJS)

# Each fuzzer for FUZZ_TIME seconds, new inputs kept in build/fuzz/work-*.
fuzz: $(addprefix $(FUZZ_DIR)/,$(FUZZERS))
	@for f in $(FUZZERS); do \
	  c=$${f#fuzz_}; mkdir -p $(FUZZ_DIR)/work-$$c; \
	  echo "fuzzing $$c for $(FUZZ_TIME)s"; \
	  $(FUZZ_DIR)/$$f -max_total_time=$(FUZZ_TIME) -max_len=65536 \
	    -print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/ \
	    $(FUZZ_DIR)/work-$$c tests/fuzz/corpus/$$c \
	    2>$(FUZZ_DIR)/$$f.log || { tail -40 $(FUZZ_DIR)/$$f.log; exit 1; }; \
	  grep -E 'stat::number_of_executed_units' $(FUZZ_DIR)/$$f.log; \
	done

# The brief run inside make test.
fuzz-quick:
	@$(MAKE) --no-print-directory fuzz FUZZ_TIME=8

test: deps check-suite sanitize tsan valgrind fuzz-quick
	@echo "all test suites passed"

# --- browser: the built pages in a real browser -----------------------------
#
# Serves out/ on 127.0.0.1, opens every page in Debian's headless Chromium
# (driven by playwright-core), runs axe-core's WCAG 2.1 AA rules, saves
# screenshots at 390 and 1280 px in build/screenshots/, and runs the Nu
# HTML checker (vnu.jar) on the machine's Java.  See tests/browser/run.mjs.
# Installs chromium and a JRE when missing (as root), and the pinned npm
# packages of tests/browser/package-lock.json (install scripts off: vnu-jar's
# would download a JDK).

browser: deps $(BIN)
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "missing Debian packages; run as root:"; \
	    echo "  apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi
	@if [ ! -f tests/browser/node_modules/.package-lock.json ] || \
	    [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then \
	  echo "  NPM     tests/browser"; \
	  (cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || exit 1; \
	fi
	./$(BIN) build -o out content
	@GEN=./$(BIN) node tests/browser/run.mjs out build/screenshots

clean:
	rm -rf build gen/gen out.tmp-gen out.old-gen
