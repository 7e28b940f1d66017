import Columnar
import Connectors

/// A micro-batch whose plan ran and whose output waits for the sink.
///
/// The query keeps it between the attempts of a sink write (and after a failed one), so that
/// every attempt hands the sink the same batch id and rows and the plan, whose stateful
/// operators already took the batch in, never runs twice for it.
struct PreparedBatch {
    let batchId: Int64
    /// The end offset of every source, as written to `offsets/N`.
    let ends: [SourceOffset?]
    let sourceProgress: [QueryProgress.SourceProgress]
    /// What the plan produced: the rows for the sink.
    let output: RecordBatch
    let numQuarantined: Int
    let numLateRowsWritten: Int
    let numSuspectEventTimeRows: Int
    let started: ContinuousClock.Instant
    let offsetsDone: ContinuousClock.Instant
    let readDone: ContinuousClock.Instant
    /// Sink writes of this batch that failed so far.
    var failedAttempts = 0
    /// Waits before a new attempt so far (failed attempts that were retried).
    var retries = 0
}
