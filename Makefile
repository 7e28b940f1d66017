# Stream360: the two commands of the quick start, plus helpers for developers.
SHELL := /bin/bash
FIXTURES ?= $(abspath ../shared/fixtures)
TOPUP := $(FIXTURES)/topup-small
C360 := $(FIXTURES)/c360-small

.PHONY: deps build release demo check-fixtures test example bench bench-confirm bench-engine bench-core bench-documents clean

deps:
	@bash scripts/install-deps.sh

build: deps
	swift build

release: deps
	swift build -c release --product s360

## make demo: build in release mode, generate data and train both models under demo/ (reused by the
## next run; DEMO_ARGS=--regenerate makes them again), then run both pipelines end to end with
## embedded defaults (in-memory Kafka broker, SQLite, Parquet under demo/); stops by itself after
## the feed, or on Ctrl-C/SIGTERM after the running batch. DEMO_ARGS="--config FILE" for real servers;
## DEMO_ARGS="--fixtures $(FIXTURES)" streams the shared fixtures with their Spark-trained models.
DEMO_ARGS ?=
demo: release
	.build/release/s360 demo --dir demo $(DEMO_ARGS)

## make check-fixtures: run the top-up and churn pipelines on the fixtures and compare with Spark.
check-fixtures: release
	.build/release/s360 topup --customer $(TOPUP)/input/customer --bureau $(TOPUP)/input/bureau \
	  --max-files-per-trigger 1 --trigger available-now --model $(TOPUP)/spark_pipeline_model --dump out/topup
	python3 $(abspath ../shared/tools/compare_dumps.py) $(TOPUP)/expected out/topup
	.build/release/s360 churn --clicks $(C360)/input/clickstream --crm $(C360)/input/crm/crm.jsonl \
	  --max-files-per-trigger 1 --model $(C360)/spark_churn_model --dump out/churn
	python3 $(abspath ../shared/tools/compare_dumps.py) $(C360)/expected out/churn

## make test: install what is missing and run every test, one at a time (in parallel, the suites'
## long synchronous stretches starved the two cooperative threads and time-limited tests failed); the DocumentStore contract tests
## run against a throwaway PostgreSQL server, started here and stopped afterwards (even on failure).
test: deps
	swift build --build-tests
	@trap 'bash scripts/postgres-test-server.sh stop' EXIT; \
	url=$$(bash scripts/postgres-test-server.sh start) && echo "PostgreSQL test server: $$url"; \
	STREAM360_POSTGRES_URL="$$url" swift test --skip-build --disable-xctest --no-parallel

## make example: build the Examples/ClickWindows package against the Stream360 library product and
## run its pipeline on its own data (it checks its result and fails otherwise).
example: deps
	cd Examples/ClickWindows && swift build && out=$$(mktemp -d) && swift run --skip-build ClickWindows data "$$out" && rm -rf "$$out"

## make bench-documents: bulk-save 100,000 documents to SQLite and to a throwaway PostgreSQL (release).
bench-documents: deps
	swift build -c release --product DocumentStoreBenchmark
	@trap 'bash scripts/postgres-test-server.sh stop' EXIT; \
	url=$$(bash scripts/postgres-test-server.sh start); \
	.build/release/DocumentStoreBenchmark sqlite:/tmp/stream360-bench-documents.db "$$url"; \
	rm -f /tmp/stream360-bench-documents.db*

## make bench: Stream360 against Apache Spark (PySpark, local[2]) on the top-up pipeline, side by side:
## installs what is missing, generates data under out/bench, checks both outputs agree, then measures
## throughput, latency, memory, cold start and CPU; writes bench/results/ and the README table (about 1 h).
bench:
	bash bench/run.sh

## make bench-confirm: the same measurements as make bench again (no scaling curve), written to
## bench/results/confirm.json and checked against the published ratios (README's re-run check; about 40 min).
bench-confirm:
	SCALES=1 bash bench/run.sh --confirm

## make bench-engine: engine-only micro-benchmarks (JSON parsing, window aggregation, join, scoring,
## Parquet writing), release build, no Spark, a few minutes.
bench-engine: deps
	bash bench/engine.sh

## make bench-core: engine benchmark (release) over about 1 M generated bureau records.
BENCH_DATA ?= out/bench/data-1m
bench-core: release
	@test -f $(BENCH_DATA)/manifest.json || python3 $(abspath ../shared/tools/gen_topup.py) --customers 185000 --seed 3 --out $(BENCH_DATA)
	.build/release/s360 bench core --data $(BENCH_DATA)

clean:
	rm -rf .build demo out
