public import Columnar
public import MachineLearning
import Expressions
public import StreamPlan

extension TopUpPipeline {
    /// Step 7: the joined stream scored by the top-up model (Spark's `model.transform(joined)`),
    /// reduced to the columns the seed publishes, plus `State` for the per-state counts:
    /// ID, window_start, window_end, ts, prediction, probability (of class 1), Top-up_Month, State.
    public func scored(model: PipelineModel) throws(PlanError) -> DataFrame {
        try joined().transform(with: model).select(
            col("ID"), col("window_start"), col("window_end"), col("ts"), col("prediction"),
            vectorElement(col("probability"), 1).alias("probability"), col("Top-up Month").alias("Top-up_Month"),
            col("State"))
    }

    /// The columns of `predictions.jsonl`: ``scored(model:)`` without `State`.
    public static let predictionColumns = ["ID", "window_start", "window_end", "ts", "prediction", "probability", "Top-up_Month"]
}

/// The seed's `foreachBatch` over the scored stream: customers predicted to take a top-up,
/// counted per state in each micro-batch.
public enum TopUpTargeting {
    /// The rows of `predictions.jsonl` in a scored batch: its ``TopUpPipeline/predictionColumns``.
    public static func predictions(scored batch: RecordBatch) throws(ColumnarError) -> RecordBatch {
        var fields: [Field] = []
        var columns: [Column] = []
        for name in TopUpPipeline.predictionColumns {
            let index = try batch.schema.requireIndex(of: name)
            fields.append(batch.schema.fields[index])
            columns.append(batch.columns[index])
        }
        return RecordBatch(trusted: Schema(fields), columns: columns, rowCount: batch.rowCount)
    }

    /// One micro-batch's counts as the seed publishes them: a single row whose one column is
    /// named by the batch's largest `window_end` among predicted rows and holds
    /// `[{State, target_customers}]` ordered by State (null first), then `batch_id`.
    /// Nil when no row of the batch has prediction 1.0.
    public static func stateCounts(batchId: Int64, scored batch: RecordBatch) throws(ColumnarError) -> RecordBatch? {
        let prediction = try batch.column("prediction")
        let state = try batch.column("State")
        let windowEnd = try batch.column("window_end")
        guard case .float64(let predicted) = prediction.storage, case .int64(let ends) = windowEnd.storage else { return nil }
        var counts: [String?: Int64] = [:]
        var maxEnd: Int64?
        for row in 0..<batch.rowCount where !prediction.isNull(row) && predicted[row] == 1.0 {
            let name: String? = state.isNull(row) ? nil : state.strings.string(row)
            counts[name, default: 0] += 1
            if !windowEnd.isNull(row) { maxEnd = max(maxEnd ?? ends[row], ends[row]) }
        }
        guard !counts.isEmpty else { return nil }
        let ordered = counts.sorted { a, b in
            switch (a.key, b.key) {
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?): return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
            }
        }
        let entryType = DataType.structure([Field("State", .string), Field("target_customers", .long)])
        let list = Scalar.array(ordered.map { .structure([$0.key.map(Scalar.string) ?? .null, .long($0.value)]) })
        let key = maxEnd.map { TimestampFormat.iso8601(micros: $0) } ?? "null"
        return RecordBatch(
            trusted: Schema([Field(key, .array(entryType)), Field("batch_id", .long)]),
            columns: [Column(.array(entryType), [list]), Column(.long, [.long(batchId)])], rowCount: 1)
    }
}
