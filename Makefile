# committee-pdf: XML committee paper sources to PDF.
# `make samples` renders the samples, `make check` runs every test; both
# install the Debian packages they need first (`make deps`).

PREFIX ?= /usr/local
DESTDIR ?=
BUILD ?= build
CC ?= cc
PKGS = libxml-2.0 pangocairo cairo fontconfig pangoft2 libqpdf zlib libzip xlsxwriter librsvg-2.0
DEBIAN_PACKAGES = pkg-config libxml2-dev libxml2-utils libpango1.0-dev \
	libcairo2-dev libfontconfig-dev libcmocka-dev fonts-liberation2 \
	fonts-dejavu-core poppler-utils valgrind \
	libqpdf-dev zlib1g-dev qpdf icc-profiles-free python3-pikepdf \
	libzip-dev libcsv-dev python3-openpyxl libxlsxwriter-dev librsvg2-dev

# SAN=1 builds into build/san with AddressSanitizer and UBSan.
ifeq ($(SAN),1)
BUILD = build/san
# float-cast-overflow: a double too large for the integer it is cast to,
# which -fsanitize=undefined leaves out in GCC.
SAN_FLAGS = -fsanitize=address,undefined,float-cast-overflow \
	-fno-omit-frame-pointer -fno-sanitize-recover=all
export ASAN_OPTIONS = detect_leaks=1:abort_on_error=0
export LSAN_OPTIONS = suppressions=$(abspath tests/lsan.supp):print_suppressions=0
export UBSAN_OPTIONS = print_stacktrace=1:halt_on_error=1
endif

CFLAGS ?= -O2 -g
CFLAGS += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Werror \
	-MMD -MP $(SAN_FLAGS) $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lm
LDFLAGS += $(SAN_FLAGS)

LIB_SRC = $(filter-out generator/main.c, $(wildcard generator/*.c))
LIB_OBJ = $(LIB_SRC:generator/%.c=$(BUILD)/obj/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_NAMES = $(FUZZ_SRC:tests/fuzz/fuzz_%.c=%)
REPLAY_BIN = $(FUZZ_NAMES:%=$(BUILD)/tests/replay_%)
SAMPLES = $(wildcard samples/*.xml)
BIN = $(BUILD)/committee-pdf

.PHONY: all deps deps-fuzz check check-unit check-e2e check-golden golden check-san check-valgrind samples bench install clean fuzz fuzz-build fuzz-clang

all: $(BIN)

$(BUILD)/obj/%.o: generator/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/libcommittee.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BIN): $(BUILD)/obj/main.o $(BUILD)/libcommittee.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libcommittee.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Igenerator -o $@ $< $(BUILD)/libcommittee.a $(LDFLAGS) \
		$(LDLIBS) $(shell pkg-config --libs cmocka 2>/dev/null)

# Installs what is missing: as root with apt-get, otherwise says what to run.
deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" -ne 0 ]; then \
		echo "committee-pdf needs:$$missing"; \
		echo "run: sudo apt-get install -y$$missing"; exit 1; \
	fi; \
	echo "installing:$$missing"; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null

samples: deps
	$(MAKE) $(BIN)
	@mkdir -p $(BUILD)/samples $(BUILD)/samples/workbooks
	$(BIN) build --force -o $(BUILD)/samples samples/
	$(BIN) build --force -o $(BUILD)/samples/workbooks samples/workbooks/

check: deps
	$(MAKE) check-unit check-e2e check-golden

# Each fuzz target replayed over its corpus (tests/fuzz/corpus_NAME) by
# tests/fuzz/replay.c, so the corpora run without clang.
$(BUILD)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(BUILD)/libcommittee.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Igenerator -o $@ $< tests/fuzz/replay.c $(BUILD)/libcommittee.a \
		$(LDFLAGS) $(LDLIBS)

check-unit: $(UNIT_BIN) $(REPLAY_BIN)
	@failed=0; for t in $(UNIT_BIN); do \
		echo "== $$t"; $$t || failed=1; \
	done; \
	for n in $(FUZZ_NAMES); do \
		echo "== replay $$n"; $(BUILD)/tests/replay_$$n tests/fuzz/corpus_$$n || failed=1; \
	done; exit $$failed

check-e2e: $(BIN)
	@BIN=$(abspath $(BIN)) BUILD=$(abspath $(BUILD)) sh tests/e2e/run.sh

# Golden layout tests: each source's display-list dump against the expected
# one in tests/layout/; `make golden` rewrites them after an intended change.
check-golden: $(BIN)
	@BIN=$(abspath $(BIN)) sh tests/layout/run.sh check

golden: $(BIN)
	@BIN=$(abspath $(BIN)) sh tests/layout/run.sh update

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer.
check-san: deps
	$(MAKE) SAN=1 check-unit check-e2e check-golden

# The unit tests under valgrind: memory errors and definite leaks of our own
# (the font libraries' caches are suppressed) fail the run.
check-valgrind: $(UNIT_BIN) $(REPLAY_BIN)
	@failed=0; for t in $(UNIT_BIN) $(REPLAY_BIN); do \
		args=""; case $$t in *replay_*) args=tests/fuzz/corpus_$${t##*replay_};; esac; \
		echo "== valgrind $$t $$args"; \
		valgrind -q --error-exitcode=9 --leak-check=full \
			--errors-for-leak-kinds=definite \
			--suppressions=tests/valgrind.supp $$t $$args > $(BUILD)/valgrind.log 2>&1 \
			|| { failed=1; tail -n 60 $(BUILD)/valgrind.log; }; \
	done; exit $$failed

bench: deps
	$(MAKE) $(BIN)
	@BIN=$(abspath $(BIN)) sh bench/run.sh

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/committee-pdf/schema \
		$(DESTDIR)$(PREFIX)/share/committee-pdf/layouts \
		$(DESTDIR)$(PREFIX)/share/committee-pdf/fonts \
		$(DESTDIR)$(PREFIX)/share/committee-pdf/words \
		$(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/committee-pdf
	install -m 644 generator/*.xsd $(DESTDIR)$(PREFIX)/share/committee-pdf/schema/
	install -m 644 layouts/*.xml layouts/*.svg $(DESTDIR)$(PREFIX)/share/committee-pdf/layouts/
	install -m 644 fonts/*.conf $(DESTDIR)$(PREFIX)/share/committee-pdf/fonts/
	install -m 644 words/*.xml $(DESTDIR)$(PREFIX)/share/committee-pdf/words/
	install -m 644 man/committee-pdf.1 $(DESTDIR)$(PREFIX)/share/man/man1/

# libFuzzer targets, one per parser and one for the whole pipeline
# (tests/fuzz/fuzz_NAME.c becomes build/fuzz/fuzz_NAME); needs clang, which
# `make deps-fuzz` installs. `make fuzz` builds each and runs it for
# FUZZ_SECONDS over a copy of its corpus (tests/fuzz/corpus_NAME) with its
# dictionary (tests/fuzz/NAME.dict) when there is one; a crash fails it and
# leaves the input in build/fuzz/. Inputs worth keeping go into the corpus,
# which replays in check-unit.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_DEBIAN_PACKAGES = clang libclang-rt-14-dev
deps-fuzz:
	@$(MAKE) --no-print-directory deps DEBIAN_PACKAGES="$(FUZZ_DEBIAN_PACKAGES)"

# The library is compiled once for every target (fuzzer-no-link), each
# target then linked with libFuzzer's main; `make fuzz-build` stops there.
# UBSan stops the run at the first report, so the fuzzer keeps the input.
FUZZ_FLAGS = -g -O1 -fsanitize=address,undefined,float-cast-overflow \
	-fno-sanitize-recover=all -std=c11 \
	-D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Igenerator \
	$(shell pkg-config --cflags $(PKGS) 2>/dev/null)
FUZZ_OBJ = $(LIB_SRC:generator/%.c=$(BUILD)/fuzz/obj/%.o)
FUZZ_BIN = $(FUZZ_NAMES:%=$(BUILD)/fuzz/fuzz_%)

fuzz-clang:
	@if ! command -v $(FUZZ_CC) > /dev/null 2>&1; then \
		echo "make fuzz needs clang (libFuzzer): run make deps-fuzz"; exit 1; \
	fi

$(BUILD)/fuzz/obj/%.o: generator/%.c | fuzz-clang
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJ) $(LDLIBS)

fuzz-build: $(FUZZ_BIN)
.SECONDARY: $(FUZZ_OBJ)

fuzz: fuzz-build
	@set -e; for n in $(FUZZ_NAMES); do \
		mkdir -p $(BUILD)/fuzz/corpus_$$n; \
		dict=""; [ -f tests/fuzz/$$n.dict ] && dict=-dict=tests/fuzz/$$n.dict; \
		echo "== fuzz_$$n for $(FUZZ_SECONDS) s"; \
		LSAN_OPTIONS=suppressions=$(abspath tests/lsan.supp):print_suppressions=0 \
		$(BUILD)/fuzz/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=2048 \
			-max_len=65536 -keep_seed=1 -artifact_prefix=$(BUILD)/fuzz/ $$dict \
			$(BUILD)/fuzz/corpus_$$n tests/fuzz/corpus_$$n \
			> $(BUILD)/fuzz/fuzz_$$n.log 2>&1 || \
			{ tail -n 40 $(BUILD)/fuzz/fuzz_$$n.log; exit 1; }; \
		tail -n 1 $(BUILD)/fuzz/fuzz_$$n.log; \
	done

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(BUILD)/obj/main.d $(UNIT_BIN:=.d) $(FUZZ_OBJ:.o=.d)
