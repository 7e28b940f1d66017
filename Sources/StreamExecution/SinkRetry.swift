/// A sink write that failed with a transient error and will be tried again: what the query
/// reports to ``StreamingQuery/retryHandler`` before it waits.
///
/// ``description`` is the line a command-line tool prints:
/// `batch 7: writing to DocumentTableSink[scores, upsert] failed (…), retrying in 2 s (attempt 3)`.
public struct SinkRetry: Sendable, CustomStringConvertible {
    /// The query's name.
    public var query: String
    /// The batch whose write failed; the retry writes the same batch id and rows.
    public var batchId: Int64
    /// The sink's description.
    public var sinkDescription: String
    /// The number of the attempt that comes after the wait (2 for the first retry).
    public var nextAttempt: Int
    /// The wait before it, from the query's ``RetryPolicy``.
    public var delay: Duration
    /// The time since the first attempt of this batch's write started, on the query's clock.
    public var elapsed: Duration
    /// The transient error the failed attempt threw.
    public var error: any Error

    /// - Parameters: the fields, as described on each property.
    public init(query: String, batchId: Int64, sinkDescription: String, nextAttempt: Int, delay: Duration,
                elapsed: Duration, error: any Error) {
        self.query = query
        self.batchId = batchId
        self.sinkDescription = sinkDescription
        self.nextAttempt = nextAttempt
        self.delay = delay
        self.elapsed = elapsed
        self.error = error
    }

    public var description: String {
        "batch \(batchId): writing to \(sinkDescription) failed (\(error)), retrying in \(RetryPolicy.format(delay)) "
            + "(attempt \(nextAttempt))"
    }
}
