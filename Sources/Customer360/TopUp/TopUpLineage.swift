public import Columnar
public import StreamPlan

/// Lineage of a top-up prediction (opt-in: `s360 topup --lineage`, the demo's `lineage`): the
/// input records that produced it.
///
/// The predictions stage's plan is traced (``DataFrame/withLineage(limit:)``): each parsed
/// record keeps its source position (`FILE:LINE#K` for a text file, `TOPIC-PARTITION@OFFSET#K`
/// for Kafka, K being the record's 1-based index in its message's JSON array); the bureau
/// aggregate keeps, per customer and window, how many records it took in and the positions of
/// the first ``limit`` of them in arrival order (saved with the window's state, so a restored
/// query lists the same records); the join carries both sides. The stage writes them as a side
/// table keyed like the predictions by ID and window (``sideTable(scored:)``, `lineage.jsonl`).
///
/// Off (the default) the plan is not traced, and every output is Spark's, column for column.
public struct TopUpLineage: Sendable, Hashable {
    /// How many bureau positions a window keeps at most; ``bureauRecords`` is always exact.
    public var limit: Int

    /// The customer record's position.
    public static let customerSource = "customer_source"
    /// How many bureau records the window aggregated.
    public static let bureauRecords = "bureau_records"
    /// The positions of the window's first ``limit`` bureau records, in arrival order.
    public static let bureauSources = "bureau_sources"
    /// The columns of the side table: the prediction's key and outcome, then its lineage.
    public static let sideTableColumns = [
        "ID", "window_start", "window_end", "ts", "prediction", "probability", customerSource, bureauRecords, bureauSources,
    ]

    /// - Parameter limit: bureau positions kept per window (at least 1; default 10).
    public init(limit: Int = Lineage.defaultLimit) {
        self.limit = limit
    }

    /// `scored` (a top-up stage's DataFrame) traced: its columns, then `_source` (the customer
    /// record), `_source_count` and `_sources` (the window's bureau records).
    public func traced(_ scored: DataFrame) throws(PlanError) -> DataFrame {
        try scored.withLineage(limit: limit)
    }

    /// The rows of `lineage.jsonl` in a traced scored batch: its ``sideTableColumns``.
    public static func sideTable(scored batch: RecordBatch) throws(ColumnarError) -> RecordBatch {
        let renamed = [Lineage.source: customerSource, Lineage.sourceCount: bureauRecords, Lineage.sources: bureauSources]
        let reverse = Dictionary(uniqueKeysWithValues: renamed.map { ($0.value, $0.key) })
        var fields: [Field] = []
        var columns: [Column] = []
        for name in sideTableColumns {
            let index = try batch.schema.requireIndex(of: reverse[name] ?? name)
            fields.append(Field(name, batch.schema.fields[index].type))
            columns.append(batch.columns[index])
        }
        return RecordBatch(trusted: Schema(fields), columns: columns, rowCount: batch.rowCount)
    }

    /// A traced batch with its lineage columns under the side table's names (`customer_source`,
    /// `bureau_records`, `bureau_sources`), for the demo's `topup_predictions` documents.
    public static func renamed(_ batch: RecordBatch) -> RecordBatch {
        let names = [Lineage.source: customerSource, Lineage.sourceCount: bureauRecords, Lineage.sources: bureauSources]
        let fields = batch.schema.fields.map { field in Field(names[field.name] ?? field.name, field.type, nullable: field.nullable) }
        return RecordBatch(trusted: Schema(fields), columns: batch.columns, rowCount: batch.rowCount)
    }

    /// A traced batch without its lineage columns, for sinks that keep the untraced columns
    /// (the Parquet predictions dataset, whose writer takes no arrays); the batch itself when
    /// it has none.
    public static func withoutLineage(_ batch: RecordBatch) -> RecordBatch {
        let kept = batch.schema.fields.indices.filter { !Lineage.isLineageColumn(batch.schema.fields[$0].name) }
        guard kept.count < batch.schema.count else { return batch }
        return RecordBatch(trusted: Schema(kept.map { batch.schema.fields[$0] }), columns: kept.map { batch.columns[$0] },
                           rowCount: batch.rowCount)
    }
}
