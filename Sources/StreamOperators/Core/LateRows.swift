public import Columnar

/// Rows an operator set aside instead of processing them: behind the watermark (late), or,
/// with the event-time guard, too far ahead of their arrival (suspect). The query writes them
/// to its late-rows side output with the reason and the watermark that decided.
public struct LateRows: Sendable {
    /// The operator that set the rows aside (`stateStoreSave`, `symmetricHashJoin`, `eventTimeWatermark`).
    public var operatorName: String
    /// The watermark (or, for suspect rows, the latest event time allowed) the rows were judged by, in microseconds.
    public var watermark: Int64
    /// The rows, in the operator's input schema.
    public var rows: RecordBatch
    /// Why each row was set aside, one line per row.
    public var reasons: [String]

    public init(operatorName: String, watermark: Int64, rows: RecordBatch, reasons: [String]) {
        precondition(reasons.count == rows.rowCount, "\(reasons.count) reasons for \(rows.rowCount) rows")
        self.operatorName = operatorName
        self.watermark = watermark
        self.rows = rows
        self.reasons = reasons
    }
}

/// An operator that can keep the rows it drops for the query's late-rows side output.
///
/// Dropping is Spark's behaviour and does not change; keeping is off by default, so a query
/// without a side output pays nothing. The query turns it on for every such operator when it
/// has a late-rows sink, and drains the kept rows after each batch.
public protocol LateRowReporting: PhysicalOperator {
    /// Whether dropped rows are kept (besides being counted).
    var keepsLateRows: Bool { get set }
    /// The rows kept since the last call.
    func drainLateRows() -> [LateRows]
}
