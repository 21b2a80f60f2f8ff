# plangraph: two commands on a fresh Debian machine — `make demo` and `make test`.
SWIFT ?= swift
PLAN ?= plans/chengqu-2017/plan.yaml
# The demo's as-of date: a fortnight after the plan's first year-end deadlines.
DEMO_AS_OF ?= 2018-01-15
# The plan is Chinese and so are its users; `make demo DEMO_LANG=en` for English.
DEMO_LANG ?= zh
RELEASE_BIN = .build/release/plangraph

.PHONY: all deps build demo test lint format clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product plangraph

demo: build
	$(RELEASE_BIN) check --strict $(PLAN) --as-of $(DEMO_AS_OF)
	@echo
	@# overdue exits 1 when something is overdue: that is the report's finding, not a failure of the demo.
	$(RELEASE_BIN) overdue $(PLAN) --as-of $(DEMO_AS_OF) --lang $(DEMO_LANG) || [ $$? -eq 1 ]

test: deps lint
	$(SWIFT) test

lint:
	$(SWIFT) format lint --strict -r Sources Tests

format:
	$(SWIFT) format -i -r Sources Tests

clean:
	rm -rf .build
