public import Columnar

/// A destination for the result of each micro-batch.
///
/// `addBatch` must be idempotent by batch id: after a crash the runner re-runs the last
/// uncommitted batch with the same id and the same rows, and the sink must not duplicate
/// them (a file sink replaces its files, a table sink upserts by key, a memory sink ignores
/// a batch id it already holds).
public protocol StreamSink: AnyObject {
    /// A short description for progress reports.
    var description: String { get }
    /// Writes the rows of batch `batchId`. Throwing fails the batch, which may be retried.
    func addBatch(_ batchId: Int64, _ batch: RecordBatch) throws
}
