-- The seed's Customer 360 churn pipeline in streaming SQL (`s360 churn` as a pipeline file):
-- a clickstream joined with the flexible-schema CRM documents, labelled and scored.
--
--   s360 run examples/churn.sql --var FIXTURES=../shared/fixtures --var OUT=out/churn-sql \
--     --checkpoint out/churn-sql/checkpoint
--   python3 ../shared/tools/compare_dumps.py ../shared/fixtures/c360-small/expected out/churn-sql
--
-- Variables: CLICKS (a directory of click messages), CRM (the CRM export, JSON lines), MODEL
-- (a saved Spark PipelineModel), OUT (where the JSON-lines outputs go), STORE (the SQLite
-- document store the scores are saved into; default OUT/customer360.sqlite); by default the
-- c360-small fixture under FIXTURES.

-- The clickstream: one JSON message per line, an event or an array of events.
CREATE TABLE clicks (
  user_id INT, datetime STRING, os STRING, browser STRING, response_time_ms STRING,
  product STRING, url STRING
) USING json OPTIONS (path '${CLICKS:-${FIXTURES}/c360-small/input/clickstream}', maxFilesPerTrigger '1');

-- The CRM documents, read once; the schema is inferred as spark.read.json infers it
-- (fields sorted by name, a field some documents lack is null). A document table works too:
-- CREATE TABLE crm USING sqlite OPTIONS (path 'demo/customer360.sqlite#crm').
CREATE TABLE crm USING json OPTIONS (path '${CRM:-${FIXTURES}/c360-small/input/crm/crm.jsonl}', static 'true');

CREATE VIEW weblog AS
SELECT user_id, to_timestamp(datetime, 'yyyy-MM-dd HH:mm:ss') AS datetime, os, browser,
       CAST(response_time_ms AS INT) AS response_time_ms, product, url
FROM clicks;

-- The seed SQL: a stream-static inner join (events of unknown users are dropped) and the label.
CREATE VIEW joined AS
SELECT weblog.datetime, os, browser, response_time_ms, product, url, crm.*,
       CASE WHEN crm.churn_risk >= 20 THEN 1 ELSE 0 END AS churn_label
FROM weblog JOIN crm ON weblog.user_id = crm.user_id;

-- The web-traffic statistics, as the batch job Spark ran over every click file: the files
-- replayed as Spark's batch scan splits them (one partition per micro-batch, which is what makes
-- percentile_approx merge its summaries as Spark's does), a complete-mode aggregation by
-- (dimension, value) whose last result is the file.
CREATE TABLE click_partitions (
  user_id INT, datetime STRING, os STRING, browser STRING, response_time_ms STRING,
  product STRING, url STRING
) USING json OPTIONS (path '${CLICKS:-${FIXTURES}/c360-small/input/clickstream}', partitioning 'spark-batch');

CREATE VIEW weblog_by_dimension AS
SELECT explode(split('product,browser,os', ',')) AS dimension, product, browser, os,
       CAST(response_time_ms AS INT) AS response_time_ms
FROM click_partitions;

CREATE TABLE weblog_stats_out USING jsonl OPTIONS (path '${OUT}/weblog_stats.jsonl', outputMode 'complete');

INSERT INTO weblog_stats_out
SELECT dimension,
       CASE dimension WHEN 'product' THEN product WHEN 'browser' THEN browser ELSE os END AS value,
       count(*) AS events, count(response_time_ms) AS response_time_count,
       avg(response_time_ms) AS avg_response_time_ms,
       percentile(response_time_ms, 0.5) AS p50_response_time_ms,
       percentile(response_time_ms, 0.95) AS p95_response_time_ms,
       percentile_approx(response_time_ms, 0.5, 10000) AS p50_approx_response_time_ms,
       percentile_approx(response_time_ms, 0.95, 10000) AS p95_approx_response_time_ms
FROM weblog_by_dimension
GROUP BY dimension, value;

CREATE TABLE joined_out USING jsonl OPTIONS (path '${OUT}/joined.jsonl');
CREATE TABLE predictions_out USING jsonl OPTIONS (path '${OUT}/predictions.jsonl');

INSERT INTO joined_out SELECT * FROM joined;

-- The joined stream scored by the saved churn model: probability of churning is element 1.
CREATE VIEW scored AS
SELECT user_id, datetime, product, url, response_time_ms, churn_label, prediction, probability[1] AS probability
FROM predict(MODEL '${MODEL:-${FIXTURES}/c360-small/spark_churn_model}', TABLE joined);

INSERT INTO predictions_out SELECT * FROM scored;

-- The scores saved back into the document store, as the seed did: one document per customer,
-- upserted by user_id in one transaction per batch (a later click's score replaces an earlier one).
CREATE TABLE churn_scores USING sqlite
  OPTIONS (path '${STORE:-${OUT}/customer360.sqlite}#churn_predictions', idField 'user_id', mode 'upsert');

INSERT INTO churn_scores
SELECT user_id, prediction AS churn_prediction, probability AS churn_probability, churn_label, datetime AS last_event
FROM scored;
