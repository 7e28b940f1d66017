public import Columnar

/// What one micro-batch's execution knows: its id, its watermarks and its input rows.
///
/// Two watermarks are in play, as in Spark 3.4+: rows are judged late against the watermark
/// of the previous batch (``watermarkForLateEvents``), while state is emitted and evicted with
/// the watermark in force for this batch (``watermarkForEviction``). Both are microseconds
/// since the epoch; before any data they are 0 (1970-01-01).
public struct BatchContext: Sendable {
    public let batchId: Int64
    public let watermarkForLateEvents: Int64
    public let watermarkForEviction: Int64
    /// The rows each source contributes to this batch, by source index.
    public let inputs: [Int: RecordBatch]

    public init(batchId: Int64, watermarkForLateEvents: Int64, watermarkForEviction: Int64, inputs: [Int: RecordBatch]) {
        self.batchId = batchId
        self.watermarkForLateEvents = watermarkForLateEvents
        self.watermarkForEviction = watermarkForEviction
        self.inputs = inputs
    }
}
