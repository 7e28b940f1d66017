#!/usr/bin/env bash
# Engine-only micro-benchmarks, no Spark needed, a few minutes in all (`make bench-engine`):
#   1. JSON parsing      JSONIngestBenchmark over the topup-small fixture's bureau and customer files
#   2. window aggregate  OperatorBenchmark (count + sums; sums + 18 approx_count_distinct)
#   3. join              OperatorBenchmark (stream-stream join on ID and ts in window)
#   4. scoring           TopUpScoringBenchmark: the Spark-trained GBT pipeline over the fixture's rows
#   5. Parquet writing   ParquetBenchmark (1 M predictions-shaped rows, snappy)
# Every figure is printed by the benchmark itself (rows/s, MB/s, peak memory); each main.swift
# under Benchmarks/ says what it measures. Release build; run on a quiet machine to compare runs.
set -euo pipefail
cd "$(dirname "$0")/.."
FIXTURES="${FIXTURES:-$(cd .. && pwd)/shared/fixtures}"
TOPUP="$FIXTURES/topup-small"
PRODUCTS=(JSONIngestBenchmark OperatorBenchmark TopUpScoringBenchmark ParquetBenchmark)
for product in "${PRODUCTS[@]}"; do
  swift build -c release --product "$product" 2>&1 | tail -1
done
BIN=.build/release
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%M:%SZ)"

echo; echo "== 1. JSON parsing (bureau records, then customer records)"
"$BIN/JSONIngestBenchmark" "$TOPUP"/input/bureau/*
"$BIN/JSONIngestBenchmark" "$TOPUP"/input/customer/*

echo; echo "== 2–3. window aggregation and join"
"$BIN/OperatorBenchmark"

echo; echo "== 4. scoring"
"$BIN/TopUpScoringBenchmark" "$TOPUP/spark_pipeline_model" "$TOPUP/input"

echo; echo "== 5. Parquet writing and reading"
"$BIN/ParquetBenchmark" 1000000
