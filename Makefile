# plangraph: two commands on a fresh Debian machine — `make demo` and `make test`.
SWIFT ?= swift
PLAN ?= plans/chengqu-2017/plan.yaml
# The demo's as-of date: a fortnight after the plan's first year-end deadlines.
DEMO_AS_OF ?= 2018-01-15
# The plan is Chinese and so are its users; `make demo DEMO_LANG=en` for English.
DEMO_LANG ?= zh
RELEASE_BIN = .build/release/plangraph
# Release builds link Swift's runtime and Foundation into the program: it starts in 9 ms instead of 14
# (no dynamic linking of a dozen Swift libraries) and runs on a machine without the Swift toolchain.
RELEASE = -c release --static-swift-stdlib
# The demo's charts: each kind as SVG and PNG, in Chinese.
GRAPHS = graphs
CHARTS = graph timeline gantt

PREFIX ?= /usr/local
MAN_DATE ?= 2026-11-29

SECONDS ?= 60
JOBS ?= 1

.PHONY: all deps test-deps build demo test lint format clean install fuzz bench reference check-reference

all: build

deps:
	@scripts/install-deps.sh

# The tests also need a browser, Python's YAML and JSON Schema, /usr/bin/time, Neovim, and
# pytest-lsp from PyPI for the language server's end-to-end tests.
test-deps:
	@scripts/install-deps.sh --test

build: deps
	$(SWIFT) build $(RELEASE) --product plangraph

demo: build
	$(RELEASE_BIN) check --strict $(PLAN) --as-of $(DEMO_AS_OF) --lang $(DEMO_LANG)
	@mkdir -p $(GRAPHS)
	@for chart in $(CHARTS); do \
	  for ext in svg png; do \
	    out=$(GRAPHS)/chengqu-2017-$$chart.$$ext; \
	    $(RELEASE_BIN) render $(PLAN) --chart $$chart --as-of $(DEMO_AS_OF) --lang $(DEMO_LANG) -o $$out || exit 1; \
	    echo "$$out"; \
	  done; \
	done
	@# The milestone trend over the plan's commits, read from this repository's history (none in a tarball).
	@for ext in svg png; do \
	  out=$(GRAPHS)/chengqu-2017-trend.$$ext; \
	  if $(RELEASE_BIN) render $(PLAN) --chart trend --as-of $(DEMO_AS_OF) --lang $(DEMO_LANG) -o $$out; then \
	    echo "$$out"; else echo "(no git history here: the trend chart is left out)"; break; fi; \
	done
	$(RELEASE_BIN) report $(PLAN) --as-of $(DEMO_AS_OF) --lang $(DEMO_LANG) -o $(GRAPHS)/chengqu-2017-report.html
	@echo "$(GRAPHS)/chengqu-2017-report.html"
	$(RELEASE_BIN) ledger $(PLAN) --as-of $(DEMO_AS_OF) --lang $(DEMO_LANG) -o $(GRAPHS)/chengqu-2017-ledger.xlsx
	@echo "$(GRAPHS)/chengqu-2017-ledger.xlsx"
	$(RELEASE_BIN) render $(PLAN) --chart timeline --by unit --paper A3 --landscape --as-of $(DEMO_AS_OF) \
	  --lang $(DEMO_LANG) -o $(GRAPHS)/chengqu-2017-battle-map-A3.pdf
	@echo "$(GRAPHS)/chengqu-2017-battle-map-A3.pdf"
	@echo
	@# overdue exits 1 when something is overdue: that is the report's finding, not a failure of the demo.
	$(RELEASE_BIN) overdue $(PLAN) --as-of $(DEMO_AS_OF) --lang $(DEMO_LANG) || [ $$? -eq 1 ]

# The language server is then tested end to end by real clients: pytest-lsp and headless Neovim.
test: test-deps lint
	$(SWIFT) test
	$(SWIFT) build --product plangraph
	PLANGRAPH_BIN=$(CURDIR)/.build/debug/plangraph python3 -m pytest -q -p no:cacheprovider Tests/lsp

lint:
	$(SWIFT) format lint --strict -r Sources Tests

format:
	$(SWIFT) format -i -r Sources Tests

# The binary, shell completions for bash, zsh and fish, and a man page, all generated from the
# argument definitions; `make install PREFIX=$$HOME/.local` for a user install.
install: build
	$(SWIFT) package generate-manual --date $(MAN_DATE)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/plangraph
	install -m 644 .build/plugins/GenerateManual/outputs/plangraph/plangraph.1 $(DESTDIR)$(PREFIX)/share/man/man1/plangraph.1
	$(RELEASE_BIN) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/plangraph
	$(RELEASE_BIN) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_plangraph
	$(RELEASE_BIN) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/plangraph.fish
	@echo "installed plangraph in $(DESTDIR)$(PREFIX)"

# End-to-end timings on generated plans of 1,000 to 1,000,000 tasks, the scheduler alone, TaskJuggler
# (installed here) on the same plans, and the C reference pipeline: `make bench RUNS=5`. Never part of
# `make test`.
RUNS ?= 5
bench:
	@scripts/install-deps.sh tj3 libsimdjson-dev g++
	$(SWIFT) build $(RELEASE) --product plangraph
	$(SWIFT) build $(RELEASE) --product plangraph-bench
	@$(MAKE) --no-print-directory reference
	.build/release/plangraph-bench --binary $(RELEASE_BIN) --reference $(REFERENCE_BIN) --runs $(RUNS)

# The C++ reference pipeline (bench/c-reference): plangraph's `overdue --format json` on generated plans,
# for the bench's yardstick; not part of the product, never built by `make test` or `make demo`. Built
# for this machine's CPU (-march=native), as simdjson's SIMD parsers need.
REFERENCE_BIN = .build/c-reference/overdue-ref
REFERENCE_FLAGS ?= -O2 -march=native -std=c++17
reference: $(REFERENCE_BIN)
$(REFERENCE_BIN): bench/c-reference/overdue-ref.cpp
	@scripts/install-deps.sh libsimdjson-dev g++
	@mkdir -p $(dir $@)
	$(CXX) $(REFERENCE_FLAGS) -o $@ $< -lsimdjson

# The reference's output byte for byte against plangraph's: generated plans of 1,000 to 100,000 tasks,
# seeds 1, 7 and 42, two as-of dates (`make check-reference REFERENCE_SIZES=1000000` for the largest).
REFERENCE_SIZES ?= 1000 10000 100000
check-reference: reference
	$(SWIFT) build $(RELEASE) --product plangraph
	scripts/check-c-reference.sh $(RELEASE_BIN) $(REFERENCE_BIN) $(REFERENCE_SIZES)

# libFuzzer over the loader, scheduler, reports and parsers, seeded with every fixture: `make fuzz SECONDS=600`.
fuzz: deps
	scripts/fuzz.sh $(SECONDS) $(JOBS)

clean:
	rm -rf .build .build-fuzz
