public import Columnar
public import Connectors
public import Expressions
public import StreamOperators
public import StreamPlan

/// The seed's "Joining streams and NoSQL tables for Customer 360" pipeline as DataFrames:
/// a clickstream joined with a flexible-schema CRM table, web-traffic statistics, a churn label.
///
/// Bad and unusual input, as Spark treats it (tested in `EndToEndTests/ChurnBadInputTests`):
/// - A clickstream message that is not JSON yields no event (`from_json` gives null, `explode`
///   nothing); the query keeps going with the rest of its batch and the message is quarantined
///   with its file and line (`OUT/quarantine/joined/batch-N.jsonl` in ``ChurnDump``). A `null`
///   element of a message's array is not malformed: Spark 4.3 keeps it, and `explode` makes it an
///   event whose every field is null (counted in the statistics' null groups, never joined).
/// - The join is the seed's **inner** stream-static join (`FROM weblog JOIN crm`, as the
///   `c360-small` fixture confirms), not a left outer join: an event whose `user_id` has no CRM
///   document is dropped from ``joined()`` and the scored stream, yet still counted by
///   ``statistics(by:)``, which reads the parsed clickstream before the join.
/// - `churn_risk` takes the type `spark.read.json` infers over all CRM documents: `bigint` if all
///   are integers, `double` if some have fractions, `string` as soon as one document writes it as
///   text (`"35"`); numbers in other documents then keep their exact text (`35`, `23.50`). The
///   label compares it with the `int` literal 20, so a string is cast to `int` (non-ANSI: trimmed,
///   fraction dropped; `"high"`, `"1e2"`, `""` give null) and a null `churn_risk` gives label 0
///   (`CASE WHEN NULL` falls to `ELSE 0`).
/// - Text fields (quotes, backslashes, newlines, non-ASCII) pass through the JSON reader, the
///   document store and the join unchanged, byte for byte.
public struct ChurnPipeline {
    public let clickSource: any StreamSource
    /// The CRM documents, one row per customer, with the schema inferred from the documents.
    public let crm: RecordBatch

    public init(clickSource: any StreamSource, crm: RecordBatch) {
        self.clickSource = clickSource
        self.crm = crm
    }

    /// The parsed clickstream: `datetime` as a timestamp, `response_time_ms` cast to int
    /// (non-ANSI: "", "n/a", "1,203", "250ms" become null).
    public func weblog() throws(PlanError) -> DataFrame {
        try Self.weblog(try DataFrame.readStream(clickSource))
    }

    /// The parsed clickstream from any DataFrame of click messages (a `value` string column).
    public static func weblog(_ messages: DataFrame) throws(PlanError) -> DataFrame {
        try messages
            .parseJSON(column: "value", schema: ChurnSchemas.clickRecord)
            .select(
                col("user_id"), toTimestamp(col("datetime"), "yyyy-MM-dd HH:mm:ss").alias("datetime"), col("os"),
                col("browser"), col("response_time_ms").cast(.int).alias("response_time_ms"), col("product"), col("url"))
    }

    /// The seed SQL: `SELECT weblog.datetime, os, browser, response_time_ms, product, url, crm.*,
    /// CASE WHEN crm.churn_risk >= 20 THEN 1 ELSE 0 END AS churn_label FROM weblog JOIN crm ON
    /// weblog.user_id = crm.user_id` (a stream-static inner join: events of unknown users are dropped).
    public func joined() throws(PlanError) -> DataFrame {
        try Self.joined(weblog: try weblog(), crm: crm)
    }

    /// The seed SQL's join of a parsed clickstream (a stream or a table) with the CRM table.
    public static func joined(weblog: DataFrame, crm: RecordBatch) throws(PlanError) -> DataFrame {
        let clicks = try weblog.withColumnRenamed("user_id", "click_user_id")
        let table = try DataFrame.table(crm)
        let label = when(col("churn_risk") >= lit(ChurnSchemas.churnRiskThreshold), lit(Int32(1)))
            .otherwise(lit(Int32(0))).alias("churn_label")
        let selected = ["datetime", "os", "browser", "response_time_ms", "product", "url"].map { col($0) }
            + crm.schema.names.map { col($0) } + [label]
        return try clicks.join(table, on: col("click_user_id") == col("user_id")).select(selected)
    }

    /// Web-traffic statistics by one dimension (`product`, `browser` or `os`), as a complete-mode
    /// aggregation: events, non-null response times, average, exact and approximate p50/p95.
    public func statistics(by dimension: String) throws(PlanError) -> DataFrame {
        let rt = "response_time_ms"
        let aggregated = try weblog().groupBy(window: nil, [dimension], aggregations: [
            Aggregation(.countAll, rt, as: "events"),
            Aggregation(.count, rt, as: "response_time_count"),
            Aggregation(.avg, rt, as: "avg_response_time_ms"),
            Aggregation(.percentile(0.5), rt, as: "p50_response_time_ms"),
            Aggregation(.percentile(0.95), rt, as: "p95_response_time_ms"),
            Aggregation(.percentileApprox(0.5, accuracy: 10_000), rt, as: "p50_approx_response_time_ms"),
            Aggregation(.percentileApprox(0.95, accuracy: 10_000), rt, as: "p95_approx_response_time_ms"),
        ])
        return try aggregated.select([lit(dimension).alias("dimension"), col(dimension).alias("value")]
            + aggregated.schema.names.dropFirst().map { col($0) })
    }
}
