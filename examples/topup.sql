-- The seed's top-up prediction pipeline in streaming SQL (`s360 topup` as a pipeline file).
--
--   s360 run examples/topup.sql --var FIXTURES=../shared/fixtures --var OUT=out/topup-sql \
--     --checkpoint out/topup-sql/checkpoint
--   python3 ../shared/tools/compare_dumps.py ../shared/fixtures/topup-small/expected out/topup-sql
--
-- Variables: INPUT (the directory holding customer/ and bureau/), MODEL (a saved Spark
-- PipelineModel), OUT (where the JSON-lines outputs go); by default the topup-small fixture
-- under FIXTURES. Each INSERT is one streaming query with its own sources, as in the seed.

-- Sources: one JSON message per line, each an array of records (Spark's from_json + explode),
-- read one file per micro-batch; event time `ts` with a 5-second watermark on both streams.
CREATE TABLE customer (
  ID STRING, Frequency STRING, InstlmentMode STRING, LoanStatus STRING, PaymentMode STRING,
  BranchID STRING, Area STRING, Tenure STRING, AssetCost STRING, AmountFinance STRING,
  DisbursalAmount STRING, EMI STRING, DisbursalDate STRING, MaturityDAte STRING, AuthDate STRING,
  AssetID STRING, ManufacturerID STRING, SupplierID STRING, LTV STRING, SEX STRING, AGE STRING,
  MonthlyIncome STRING, City STRING, State STRING, ZiPCODE STRING, `Top-up Month` STRING,
  ts TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) USING json OPTIONS (path '${INPUT:-${FIXTURES}/topup-small/input}/customer', maxFilesPerTrigger '1');

CREATE TABLE bureau (
  ID STRING, `SELF-INDICATOR` STRING, `MATCH-TYPE` STRING, `ACCT-TYPE` STRING,
  `CONTRIBUTOR-TYPE` STRING, `DATE-REPORTED` STRING, `OWNERSHIP-IND` STRING,
  `ACCOUNT-STATUS` STRING, `DISBURSED-DT` STRING, `CLOSE-DT` STRING, `LAST-PAYMENT-DATE` STRING,
  `CREDIT-LIMIT/SANC AMT` STRING, `DISBURSED-AMT/HIGH CREDIT` STRING, `INSTALLMENT-AMT` STRING,
  `CURRENT-BAL` STRING, `INSTALLMENT-FREQUENCY` STRING, `OVERDUE-AMT` STRING,
  `WRITE-OFF-AMT` STRING, ASSET_CLASS STRING, `REPORTED DATE - HIST` STRING, `DPD - HIST` STRING,
  `CUR BAL - HIST` STRING, `AMT OVERDUE - HIST` STRING, `AMT PAID - HIST` STRING, TENURE STRING,
  ts TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) USING json OPTIONS (path '${INPUT:-${FIXTURES}/topup-small/input}/bureau', maxFilesPerTrigger '1');

-- Step 1, customer: the seed's casts and output names (MaturityDAte → MaturityDate, …).
CREATE VIEW customer_parsed AS
SELECT ID, Frequency, InstlmentMode, LoanStatus, PaymentMode, BranchID, Area,
       CAST(Tenure AS INT) AS Tenure, CAST(AssetCost AS INT) AS AssetCost,
       CAST(AmountFinance AS DOUBLE) AS AmountFinance, CAST(DisbursalAmount AS DOUBLE) AS DisbursalAmount,
       CAST(EMI AS DOUBLE) AS EMI, CAST(DisbursalDate AS TIMESTAMP) AS DisbursalDate,
       CAST(MaturityDate AS TIMESTAMP) AS MaturityDate, CAST(AuthDate AS TIMESTAMP) AS AuthDate,
       AssetID, ManufacturerID, SupplierID, CAST(LTV AS DOUBLE) AS LTV, Sex AS Sex, CAST(Age AS INT) AS Age,
       CAST(MonthlyIncome AS DOUBLE) AS MonthlyIncome, City, State, ZipCode AS ZipCode, `Top-up Month`, ts
FROM customer;

-- Steps 1-3, bureau: casts, digits-only amounts, SELF-INDICATOR TRUE/FALSE → 1/0.
CREATE VIEW bureau_cleaned AS
SELECT ID,
       CAST(CASE WHEN `SELF-INDICATOR` = 'TRUE' THEN 1 WHEN `SELF-INDICATOR` = 'FALSE' THEN 0
                 ELSE `SELF-INDICATOR` END AS INT) AS `SELF-INDICATOR`,
       `MATCH-TYPE`, `ACCT-TYPE`, `CONTRIBUTOR-TYPE`, CAST(`DATE-REPORTED` AS TIMESTAMP) AS `DATE-REPORTED`,
       `OWNERSHIP-IND`, `ACCOUNT-STATUS`, CAST(`DISBURSED-DT` AS TIMESTAMP) AS `DISBURSED-DT`,
       CAST(`CLOSE-DT` AS TIMESTAMP) AS `CLOSE-DT`, CAST(`LAST-PAYMENT-DATE` AS TIMESTAMP) AS `LAST-PAYMENT-DATE`,
       `CREDIT-LIMIT/SANC AMT`,
       CAST(keep_digits(`DISBURSED-AMT/HIGH CREDIT`) AS INT) AS `DISBURSED-AMT/HIGH CREDIT`,
       CAST(keep_digits(`INSTALLMENT-AMT`) AS INT) AS `INSTALLMENT-AMT`,
       CAST(keep_digits(`CURRENT-BAL`) AS INT) AS `CURRENT-BAL`,
       `INSTALLMENT-FREQUENCY`,
       CAST(keep_digits(`OVERDUE-AMT`) AS INT) AS `OVERDUE-AMT`,
       CAST(`WRITE-OFF-AMT` AS INT) AS `WRITE-OFF-AMT`,
       ASSET_CLASS, `REPORTED DATE - HIST`, `DPD - HIST`, `CUR BAL - HIST`, `AMT OVERDUE - HIST`,
       `AMT PAID - HIST`, TENURE, ts
FROM bureau;

-- Steps 4-5: bureau aggregates per customer and 30-second window, emitted when the window closes.
CREATE VIEW bureau_groups AS
SELECT ID,
       sum(`SELF-INDICATOR`) AS `SELF-INDICATOR_sum`,
       sum(`DISBURSED-AMT/HIGH CREDIT`) AS `DISBURSED-AMT/HIGH CREDIT_sum`,
       sum(`INSTALLMENT-AMT`) AS `INSTALLMENT-AMT_sum`,
       sum(`CURRENT-BAL`) AS `CURRENT-BAL_sum`,
       sum(`OVERDUE-AMT`) AS `OVERDUE-AMT_sum`,
       sum(`WRITE-OFF-AMT`) AS `WRITE-OFF-AMT_sum`,
       approx_count_distinct(`MATCH-TYPE`) AS `MATCH-TYPE_dist`,
       approx_count_distinct(`ACCT-TYPE`) AS `ACCT-TYPE_dist`,
       approx_count_distinct(`CONTRIBUTOR-TYPE`) AS `CONTRIBUTOR-TYPE_dist`,
       approx_count_distinct(`DATE-REPORTED`) AS `DATE-REPORTED_dist`,
       approx_count_distinct(`OWNERSHIP-IND`) AS `OWNERSHIP-IND_dist`,
       approx_count_distinct(`ACCOUNT-STATUS`) AS `ACCOUNT-STATUS_dist`,
       approx_count_distinct(`DISBURSED-DT`) AS `DISBURSED-DT_dist`,
       approx_count_distinct(`CLOSE-DT`) AS `CLOSE-DT_dist`,
       approx_count_distinct(`LAST-PAYMENT-DATE`) AS `LAST-PAYMENT-DATE_dist`,
       approx_count_distinct(`CREDIT-LIMIT/SANC AMT`) AS `CREDIT-LIMIT/SANC AMT_dist`,
       approx_count_distinct(`INSTALLMENT-FREQUENCY`) AS `INSTALLMENT-FREQUENCY_dist`,
       approx_count_distinct(ASSET_CLASS) AS ASSET_CLASS_dist,
       approx_count_distinct(`REPORTED DATE - HIST`) AS `REPORTED DATE - HIST_dist`,
       approx_count_distinct(`DPD - HIST`) AS `DPD - HIST_dist`,
       approx_count_distinct(`CUR BAL - HIST`) AS `CUR BAL - HIST_dist`,
       approx_count_distinct(`AMT OVERDUE - HIST`) AS `AMT OVERDUE - HIST_dist`,
       approx_count_distinct(`AMT PAID - HIST`) AS `AMT PAID - HIST_dist`,
       approx_count_distinct(TENURE) AS TENURE_dist,
       window.start AS window_start, window.end AS window_end
FROM bureau_cleaned
GROUP BY window(ts, '30 seconds'), ID;

-- Step 6: the stream-stream join on ID and event time within the window (bounds included).
CREATE VIEW joined AS
SELECT g.*, c.Frequency, c.InstlmentMode, c.LoanStatus, c.PaymentMode, c.BranchID, c.Area, c.Tenure,
       c.AssetCost, c.AmountFinance, c.DisbursalAmount, c.EMI, c.DisbursalDate, c.MaturityDate,
       c.AuthDate, c.AssetID, c.ManufacturerID, c.SupplierID, c.LTV, c.Sex, c.Age, c.MonthlyIncome,
       c.City, c.State, c.ZipCode, c.`Top-up Month`, c.ts
FROM bureau_groups g
JOIN customer_parsed c ON c.ID = g.ID AND c.ts BETWEEN g.window_start AND g.window_end;

-- Step 7: the joined stream scored by the saved Spark PipelineModel.
CREATE VIEW scored AS
SELECT ID, window_start, window_end, ts, prediction, probability[1] AS probability,
       `Top-up Month` AS `Top-up_Month`, State
FROM predict(MODEL '${MODEL:-${FIXTURES}/topup-small/spark_pipeline_model}', TABLE joined);

-- Sinks: JSON-lines files shaped like a fixture's expected/ directory.
CREATE TABLE customer_parsed_out USING jsonl OPTIONS (path '${OUT}/customer_parsed.jsonl');
CREATE TABLE bureau_cleaned_out USING jsonl OPTIONS (path '${OUT}/bureau_cleaned.jsonl');
CREATE TABLE bureau_groups_out USING jsonl OPTIONS (path '${OUT}/bureau_groups.jsonl');
CREATE TABLE joined_out USING jsonl OPTIONS (path '${OUT}/joined.jsonl');
CREATE TABLE predictions_out USING jsonl OPTIONS (path '${OUT}/predictions.jsonl');
-- The seed's foreachBatch: per micro-batch, the predicted top-ups counted by State.
CREATE TABLE state_counts_out USING jsonl
  OPTIONS (path '${OUT}/state_counts.jsonl', foreachBatch 'topup_state_counts');

INSERT INTO customer_parsed_out SELECT * FROM customer_parsed;
INSERT INTO bureau_cleaned_out SELECT * FROM bureau_cleaned;
INSERT INTO bureau_groups_out SELECT * FROM bureau_groups;
INSERT INTO joined_out SELECT * FROM joined;
INSERT INTO predictions_out
  SELECT ID, window_start, window_end, ts, prediction, probability, `Top-up_Month` FROM scored;
INSERT INTO state_counts_out SELECT * FROM scored;
