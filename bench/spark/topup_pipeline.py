#!/usr/bin/env python3
"""The seed's top-up prediction pipeline in PySpark Structured Streaming, as one query.

This is the Spark side of `make bench`, written exactly as the topup-small fixture README
("How Spark ran it") describes the pipeline:

  readStream.text(dir) for each stream -> from_json(value, array<struct<... all strings, ts timestamp>>)
  -> explode -> casts (non-ANSI) -> bureau: digits-only amounts cast to int, SELF-INDICATOR mapping
  -> withWatermark("ts", "5 seconds") on both streams
  -> groupBy(window(ts, "30 seconds"), ID): sum -> <col>_sum, approx_count_distinct -> <col>_dist
  -> stream-stream inner join (cust.ID2 = bu.ID AND cust.ts BETWEEN window_start AND window_end)
  -> PipelineModel.transform -> JSON file sink (joined columns, prediction, probability of class 1)

local[2], UTC, spark.sql.shuffle.partitions=2, spark.sql.ansi.enabled=false.

Digits-only step: the seed uses a Python UDF (`''.join(ch for ch in a if ch.isdigit()) if a else ''`).
By default this script uses Spark's built-in `regexp_replace(col, '[^0-9]', '')` instead, which
avoids the Python worker round trip; then cast to int ('' -> null; null stays null, as the UDF's
'' does). The two give identical results on every input whose digits are ASCII (Python's
isdigit() also accepts other Unicode digits, which Spark's int cast then rejects anyway unless
they sit among ASCII digits); run_bench.py checks that the generated input is pure ASCII.
`--digits udf` runs the seed's Python UDF instead.

Output: one JSON-lines part file per micro-batch with rows (Spark's file sink, with
`ignoreNullFields=false` so nulls are written as null). The runner compares it with
Stream360's output with compare_dumps.py before it reports any time.

Usage:
  topup_pipeline.py --customer DIR --bureau DIR --model DIR --out DIR --checkpoint DIR
                    [--max-files-per-trigger N] [--trigger available-now|processing-time=SECONDS]
                    [--digits builtin|udf] [--stop-file PATH]
With a processing-time trigger the query runs until --stop-file exists.
"""
import argparse
import os
import sys
import time


def parse_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--customer", required=True)
    ap.add_argument("--bureau", required=True)
    ap.add_argument("--model", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--checkpoint", required=True)
    ap.add_argument("--max-files-per-trigger", type=int, default=None)
    ap.add_argument("--trigger", default="available-now")
    ap.add_argument("--digits", choices=["builtin", "udf"], default="builtin")
    ap.add_argument("--stop-file", default=None)
    ap.add_argument("--driver-memory", default="4g")
    return ap.parse_args()


CUSTOMER_KEYS = [
    "ID", "Frequency", "InstlmentMode", "LoanStatus", "PaymentMode", "BranchID", "Area", "Tenure",
    "AssetCost", "AmountFinance", "DisbursalAmount", "EMI", "DisbursalDate", "MaturityDAte", "AuthDate", "AssetID",
    "ManufacturerID", "SupplierID", "LTV", "SEX", "AGE", "MonthlyIncome", "City", "State", "ZiPCODE", "Top-up Month",
]
BUREAU_KEYS = [
    "ID", "SELF-INDICATOR", "MATCH-TYPE", "ACCT-TYPE", "CONTRIBUTOR-TYPE", "DATE-REPORTED", "OWNERSHIP-IND",
    "ACCOUNT-STATUS", "DISBURSED-DT", "CLOSE-DT", "LAST-PAYMENT-DATE", "CREDIT-LIMIT/SANC AMT",
    "DISBURSED-AMT/HIGH CREDIT", "INSTALLMENT-AMT", "CURRENT-BAL", "INSTALLMENT-FREQUENCY", "OVERDUE-AMT",
    "WRITE-OFF-AMT", "ASSET_CLASS", "REPORTED DATE - HIST", "DPD - HIST", "CUR BAL - HIST",
    "AMT OVERDUE - HIST", "AMT PAID - HIST", "TENURE",
]
SUMMED = ["SELF-INDICATOR", "DISBURSED-AMT/HIGH CREDIT", "INSTALLMENT-AMT", "CURRENT-BAL", "OVERDUE-AMT", "WRITE-OFF-AMT"]
DISTINCT = [k for k in BUREAU_KEYS if k != "ID" and k not in SUMMED]


def main():
    args = parse_args()
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql.types import ArrayType, StringType, StructField, StructType, TimestampType, IntegerType
    from pyspark.ml import PipelineModel
    from pyspark.ml.functions import vector_to_array

    spark = (SparkSession.builder.master("local[2]").appName("topup-bench")
             .config("spark.sql.session.timeZone", "UTC")
             .config("spark.sql.shuffle.partitions", "2")
             .config("spark.sql.ansi.enabled", "false")
             .config("spark.driver.memory", args.driver_memory)
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.streaming.schemaInference", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")

    def schema(keys):
        return ArrayType(StructType([StructField(k, StringType()) for k in keys] + [StructField("ts", TimestampType())]))

    def read(directory, keys):
        reader = spark.readStream.format("text")
        if args.max_files_per_trigger:
            reader = reader.option("maxFilesPerTrigger", args.max_files_per_trigger)
        return (reader.load(directory)
                .select(F.explode(F.from_json(F.col("value"), schema(keys))).alias("r")).select("r.*"))

    c = F.col
    customer = read(args.customer, CUSTOMER_KEYS).select(
        c("ID"), c("Frequency"), c("InstlmentMode"), c("LoanStatus"), c("PaymentMode"), c("BranchID"), c("Area"),
        c("Tenure").cast("int").alias("Tenure"), c("AssetCost").cast("int").alias("AssetCost"),
        c("AmountFinance").cast("double").alias("AmountFinance"),
        c("DisbursalAmount").cast("double").alias("DisbursalAmount"), c("EMI").cast("double").alias("EMI"),
        c("DisbursalDate").cast("timestamp").alias("DisbursalDate"),
        c("MaturityDate").cast("timestamp").alias("MaturityDate"),   # resolves MaturityDAte (case-insensitive)
        c("AuthDate").cast("timestamp").alias("AuthDate"), c("AssetID"), c("ManufacturerID"), c("SupplierID"),
        c("LTV").cast("double").alias("LTV"), c("Sex").alias("Sex"), c("Age").cast("int").alias("Age"),
        c("MonthlyIncome").cast("double").alias("MonthlyIncome"), c("City"), c("State"),
        c("ZipCode").alias("ZipCode"), c("`Top-up Month`"), c("ts"))

    if args.digits == "udf":
        digits_only = F.udf(lambda a: ''.join(ch for ch in a if ch.isdigit()) if a else '', StringType())
    else:
        def digits_only(column):
            return F.regexp_replace(column, '[^0-9]', '')

    def digits(name):
        return digits_only(c(f"`{name}`")).cast(IntegerType()).alias(name)

    self_indicator = (F.when(c("`SELF-INDICATOR`") == "TRUE", 1).when(c("`SELF-INDICATOR`") == "FALSE", 0)
                      .otherwise(c("`SELF-INDICATOR`")).cast("int").alias("SELF-INDICATOR"))
    bureau = read(args.bureau, BUREAU_KEYS).select(
        c("ID"), self_indicator, c("`MATCH-TYPE`"), c("`ACCT-TYPE`"), c("`CONTRIBUTOR-TYPE`"),
        c("`DATE-REPORTED`").cast("timestamp").alias("DATE-REPORTED"), c("`OWNERSHIP-IND`"), c("`ACCOUNT-STATUS`"),
        c("`DISBURSED-DT`").cast("timestamp").alias("DISBURSED-DT"), c("`CLOSE-DT`").cast("timestamp").alias("CLOSE-DT"),
        c("`LAST-PAYMENT-DATE`").cast("timestamp").alias("LAST-PAYMENT-DATE"), c("`CREDIT-LIMIT/SANC AMT`"),
        digits("DISBURSED-AMT/HIGH CREDIT"), digits("INSTALLMENT-AMT"), digits("CURRENT-BAL"),
        c("`INSTALLMENT-FREQUENCY`"), digits("OVERDUE-AMT"), c("`WRITE-OFF-AMT`").cast("int").alias("WRITE-OFF-AMT"),
        c("`ASSET_CLASS`"), c("`REPORTED DATE - HIST`"), c("`DPD - HIST`"), c("`CUR BAL - HIST`"),
        c("`AMT OVERDUE - HIST`"), c("`AMT PAID - HIST`"), c("`TENURE`"), c("ts"))

    bureau = bureau.withWatermark("ts", "5 seconds")
    customer = customer.withWatermark("ts", "5 seconds")

    aggs = ([F.sum(c(f"`{k}`")).alias(f"{k}_sum") for k in SUMMED]
            + [F.approx_count_distinct(c(f"`{k}`")).alias(f"{k}_dist") for k in DISTINCT])
    grouped = bureau.groupBy(F.window(c("ts"), "30 seconds"), c("ID")).agg(*aggs)
    groups = grouped.select([c(f"`{n}`") for n in grouped.columns if n != "window"]
                            + [c("window.start").alias("window_start"), c("window.end").alias("window_end")])

    joined = (groups.alias("bu")
              .join(customer.withColumnRenamed("ID", "ID2").alias("cust"),
                    F.expr("cust.ID2 = bu.ID AND cust.ts BETWEEN bu.window_start AND bu.window_end"), "inner")
              .drop("ID2"))

    model = PipelineModel.load(args.model)
    scored = model.transform(joined).select(
        [c(f"`{n}`") for n in joined.columns]
        + [c("prediction"), vector_to_array(c("probability"))[1].alias("probability")])

    writer = (scored.writeStream.format("json").outputMode("append")
              .option("path", args.out).option("checkpointLocation", args.checkpoint)
              .option("ignoreNullFields", "false")
              .option("timestampFormat", "yyyy-MM-dd'T'HH:mm:ssXXX"))
    if args.trigger == "available-now":
        writer = writer.trigger(availableNow=True)
    elif args.trigger.startswith("processing-time="):
        seconds = float(args.trigger.split("=", 1)[1])
        writer = writer.trigger(processingTime=f"{int(seconds * 1000)} milliseconds")
    else:
        sys.exit(f"unknown --trigger {args.trigger}")

    started = time.time()
    query = writer.start()
    print("started: query topup-bench", flush=True)
    if args.trigger == "available-now":
        query.awaitTermination()
    else:
        while query.isActive and not (args.stop_file and os.path.exists(args.stop_file)):
            query.awaitTermination(0.2)
        query.stop()
    if query.exception():
        print(query.exception(), file=sys.stderr)
        sys.exit(1)
    batches = (query.lastProgress or {}).get("batchId", -1) + 1
    print(f"done in {time.time() - started:.3f}s: {batches} batches -> {args.out}", flush=True)
    spark.stop()


if __name__ == "__main__":
    main()
