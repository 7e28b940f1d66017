#!/usr/bin/env python3
"""The churn fixture's weblog_stats as Spark 4.3 computes them (the c360-small README).

Usage: python3 churn_weblog_stats.py [--splits] [--conf KEY=VALUE] CLICKSTREAM_DIR OUT.jsonl [[--conf KEY=VALUE] CLICKSTREAM_DIR OUT.jsonl ...]

A batch job over all clickstream files (spark.read.text, local[2], UTC, non-ANSI,
spark.sql.shuffle.partitions=2): explode(from_json(value, array<event>)), to_timestamp,
cast(response_time_ms as int); then per dimension (product, browser, os), grouped by value:
count(*), count, avg, percentile 0.5/0.95 and percentile_approx 0.5/0.95 (accuracy 10000).
Rows ordered by (dimension, value with null first), written as JSON lines in Spark's column
order. Several directories share one Spark session (its start-up is most of the run time).
With --splits, also writes OUT.splits.jsonl: the scan's partitions, one line per (partition,
split) with the file name, block start and block length. --conf sets a Spark SQL option
(such as spark.sql.files.maxPartitionBytes) for the directories after it.
"""
import json
import sys

from pyspark.sql import SparkSession, functions as F
from pyspark.sql.types import ArrayType, IntegerType, StringType, StructField, StructType

EVENT = StructType([StructField("user_id", IntegerType()), StructField("datetime", StringType()),
                    StructField("os", StringType()), StructField("browser", StringType()),
                    StructField("response_time_ms", StringType()), StructField("product", StringType()),
                    StructField("url", StringType())])


def main():
    arguments = sys.argv[1:]
    with_splits = "--splits" in arguments
    arguments = [a for a in arguments if a != "--splits"]
    if len([a for a in arguments if not a.startswith("--")]) % 2 or not arguments:
        sys.exit(__doc__)
    spark = (SparkSession.builder.master("local[2]").appName("weblog_stats")
             .config("spark.sql.session.timeZone", "UTC").config("spark.sql.ansi.enabled", "false")
             .config("spark.sql.shuffle.partitions", "2").config("spark.ui.enabled", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    pending = []
    while arguments:
        argument = arguments.pop(0)
        if argument == "--conf":
            key, value = arguments.pop(0).split("=", 1)
            spark.conf.set(key, value)
            continue
        pending.append(argument)
        if len(pending) == 2:
            clicks, out = pending
            write_statistics(spark, clicks, out, out + ".splits.jsonl" if with_splits else None)
            pending = []
    spark.stop()


def write_statistics(spark, clicks, out, splits):
    text = spark.read.text(clicks)
    events = (text.select(F.explode(F.from_json("value", ArrayType(EVENT))).alias("e")).select("e.*")
              .select("user_id", F.to_timestamp("datetime", "yyyy-MM-dd HH:mm:ss").alias("datetime"), "os",
                      "browser", F.col("response_time_ms").cast("int").alias("response_time_ms"), "product", "url"))
    rt = F.col("response_time_ms")
    parts = []
    for dimension in ["product", "browser", "os"]:
        parts.append(events.groupBy(dimension).agg(
            F.count(F.lit(1)).alias("events"), F.count(rt).alias("response_time_count"),
            F.avg(rt).alias("avg_response_time_ms"),
            F.percentile(rt, 0.5).alias("p50_response_time_ms"),
            F.percentile(rt, 0.95).alias("p95_response_time_ms"),
            F.percentile_approx(rt, 0.5, 10000).alias("p50_approx_response_time_ms"),
            F.percentile_approx(rt, 0.95, 10000).alias("p95_approx_response_time_ms"))
            .select(F.lit(dimension).alias("dimension"), F.col(dimension).alias("value"), "events",
                    "response_time_count", "avg_response_time_ms", "p50_response_time_ms", "p95_response_time_ms",
                    "p50_approx_response_time_ms", "p95_approx_response_time_ms"))
    rows = []
    for part in parts:
        rows.extend(r.asDict() for r in part.collect())
    rows.sort(key=lambda r: (r["dimension"], r["value"] is not None, r["value"] or ""))
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    if splits:
        blocks = (text.select(F.spark_partition_id().alias("partition"), F.col("_metadata.file_name").alias("file"),
                              F.col("_metadata.file_block_start").alias("start"),
                              F.col("_metadata.file_block_length").alias("length"))
                  .distinct().collect())
        with open(splits, "w", encoding="utf-8") as f:
            for b in sorted(blocks, key=lambda b: (b["partition"], b["file"], b["start"])):
                f.write(json.dumps(b.asDict()) + "\n")


if __name__ == "__main__":
    main()
