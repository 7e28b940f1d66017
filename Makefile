# Stream360: the two commands of the quick start, plus helpers for developers.
SHELL := /bin/bash
FIXTURES ?= $(abspath ../shared/fixtures)
TOPUP := $(FIXTURES)/topup-small

.PHONY: deps build release demo test bench-core clean

deps:
	@bash scripts/install-deps.sh

build: deps
	swift build

release: deps
	swift build -c release --product s360

## make demo: build in release mode and run the top-up pipeline on the small fixture.
demo: release
	@mkdir -p demo
	.build/release/s360 topup \
	  --customer $(TOPUP)/input/customer --bureau $(TOPUP)/input/bureau \
	  --max-files-per-trigger 1 --trigger available-now --dump demo/topup
	@echo "Outputs written to demo/topup"

## make test: install what is missing and run every test.
test: deps
	swift build --build-tests
	swift test --skip-build --disable-xctest

## make bench-core: engine benchmark (release) over generated data.
bench-core: deps
	bash scripts/bench-core.sh

clean:
	rm -rf .build demo out
