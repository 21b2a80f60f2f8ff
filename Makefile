# plangraph: two commands on a fresh Debian machine — `make demo` and `make test`.
SWIFT ?= swift
PLAN ?= plans/chengqu-2017/plan.yaml
# The demo's as-of date: a fortnight after the plan's first year-end deadlines.
DEMO_AS_OF ?= 2018-01-15
RELEASE_BIN = .build/release/plangraph
# The demo's charts: each kind as SVG and PNG, in Chinese.
GRAPHS = graphs
CHARTS = graph timeline gantt

.PHONY: all deps build demo test lint format clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product plangraph

demo: build
	$(RELEASE_BIN) check --strict $(PLAN) --as-of $(DEMO_AS_OF)
	@mkdir -p $(GRAPHS)
	@for chart in $(CHARTS); do \
	  for ext in svg png; do \
	    out=$(GRAPHS)/chengqu-2017-$$chart.$$ext; \
	    $(RELEASE_BIN) render $(PLAN) --chart $$chart --as-of $(DEMO_AS_OF) --lang zh -o $$out || exit 1; \
	    echo "$$out"; \
	  done; \
	done

test: deps lint
	$(SWIFT) test

lint:
	$(SWIFT) format lint --strict -r Sources Tests

format:
	$(SWIFT) format -i -r Sources Tests

clean:
	rm -rf .build
