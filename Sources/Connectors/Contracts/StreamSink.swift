public import Columnar

/// A destination for the result of each micro-batch.
///
/// `addBatch` must be idempotent by batch id: after a crash the runner re-runs the last
/// uncommitted batch with the same id and the same rows, and the sink must not duplicate
/// them (a file sink replaces its files, a table sink upserts by key, a memory sink ignores
/// a batch id it already holds). The same holds within one run: a write that failed with a
/// transient error (see ``TransientFailure``) is tried again with the same batch id and rows,
/// and the failed attempt may have written some or all of them.
public protocol StreamSink: AnyObject {
    /// A short description for progress reports.
    var description: String { get }
    /// Writes the rows of batch `batchId`. Throwing fails the batch; an error that is a
    /// ``TransientFailure`` answering `isTransient == true` makes the runner call again with the
    /// same batch id and rows after a back-off (its `sinkRetry` policy), any other fails the query.
    func addBatch(_ batchId: Int64, _ batch: RecordBatch) throws
}
