import Columnar
import Connectors
import DocumentStore
import Expressions

/// Writes the pipelines' results into the document tables the portal reads (see
/// `Sources/Portal/README.md` for the contract): `clicks`, `realtime_churn_predictions`, the churn
/// score merged into `crm`, `topup_predictions` and `statewide_customer_count`.
/// Every write is an upsert or merge by key, so a re-run batch rewrites the same documents.
struct DemoTables: Sendable {
    let crm: any DocumentTable
    let clicks: any DocumentTable
    let churnPredictions: any DocumentTable
    let topupPredictions: any DocumentTable
    let stateCounts: any DocumentTable

    init(store: any DocumentStore) throws {
        crm = try store.createTable("crm", idField: "user_id")
        clicks = try store.createTable("clicks", idField: "id")
        churnPredictions = try store.createTable("realtime_churn_predictions", idField: "id")
        topupPredictions = try store.createTable("topup_predictions", idField: "id")
        stateCounts = try store.createTable("statewide_customer_count", idField: "window_end")
    }

    /// The features the churn model scored (its StringIndexers' and Imputer's inputs), saved
    /// with each prediction so an application can tell what the score was based on.
    static let churnFeatures = ["os", "browser", "product", "sentiment", "persona", "loyalty_tier", "response_time_ms"]

    /// One churn-scored batch: user_id, datetime, os, browser, product, url, response_time_ms,
    /// churn_label, prediction, probability, sentiment, persona, loyalty_tier.
    func saveChurn(_ batch: RecordBatch, scoredAt: String) throws {
        guard batch.rowCount > 0 else { return }
        let evaluator = ExpressionEvaluator()
        let clickRows = try RecordBatch(
            schema: Schema([Field("id", .string)] + batch.schema.fields.prefix(7)),
            columns: [try evaluator.evaluate(
                .user(Self.clickID, [col("user_id"), col("datetime"), col("url")]), on: batch)] + batch.columns.prefix(7),
            rowCount: batch.rowCount)
        try clicks.upsert(DocumentEncoder.documents(clickRows))

        // The latest score of each customer in the batch.
        let users = batch.columns[0].scalars
        var latest: [Scalar: Int] = [:]
        for row in 0..<batch.rowCount { latest[users[row]] = row }
        let rows = latest.values.sorted()
        let picked = batch.take(rows)
        let features = try Self.churnFeatures.map { name in
            let column = try picked.column(name)
            return (column, Field(name, column.type))
        }
        let scored = try RecordBatch(
            schema: Schema([Field("id", .string), Field("user_id", .long), Field("churn_probability", .double),
                            Field("churn_prediction", .double), Field("scored_at", .string)]
                + features.map { Field($0.1.name, $0.1.type) }),
            columns: [
                CastKernel.cast(picked.columns[0], to: .string), CastKernel.cast(picked.columns[0], to: .long),
                try picked.column("probability"), try picked.column("prediction"),
                Column(repeating: .string(scoredAt), type: .string, count: rows.count),
            ] + features.map(\.0),
            rowCount: rows.count)
        try churnPredictions.upsert(DocumentEncoder.documents(scored))
        let merge = try RecordBatch(
            schema: Schema([Field("user_id", .long), Field("churn_probability", .double), Field("churn_prediction", .double),
                            Field("churn_scored_at", .string)]),
            columns: [scored.columns[1], scored.columns[2], scored.columns[3], scored.columns[4]], rowCount: rows.count)
        try crm.merge(DocumentEncoder.documents(merge))
    }

    /// One top-up-scored batch: ID, window_start, window_end, ts, prediction, probability, Top-up_Month, State.
    func saveTopUp(_ batch: RecordBatch, stateCounts counts: RecordBatch?) throws {
        guard batch.rowCount > 0 else { return }
        let evaluator = ExpressionEvaluator()
        let id = try evaluator.evaluate(.user(Self.predictionID, [col("ID"), col("window_start")]), on: batch)
        let rows = RecordBatch(trusted: Schema([Field("id", .string)] + batch.schema.fields),
                               columns: [id] + batch.columns, rowCount: batch.rowCount)
        try topupPredictions.upsert(DocumentEncoder.documents(rows))
        // The seed's per-batch document: one column named by the max window_end holding the
        // per-state counts, then batch_id; stored keyed by that window_end.
        guard let counts, counts.rowCount == 1, counts.schema.count >= 2, let key = counts.schema.fields.first?.name else { return }
        let document = RecordBatch(
            trusted: Schema([Field("window_end", .string), Field("batch_id", counts.schema.fields[1].type),
                             Field("counts", counts.schema.fields[0].type)]),
            columns: [.strings([key]), counts.columns[1], counts.columns[0]], rowCount: 1)
        try stateCounts.upsert(DocumentEncoder.documents(document))
    }

    static let clickID = UserFunction(name: "click_id", returnType: .string) { columns in
        Column.strings((0..<columns[0].count).map { row in
            columns.map { $0.scalar(at: row).description }.joined(separator: "|")
        })
    }

    static let predictionID = UserFunction(name: "prediction_id", returnType: .string) { columns in
        Column.strings((0..<columns[0].count).map { row in
            "\(columns[0].scalar(at: row))@\(columns[1].scalar(at: row))"
        })
    }
}
