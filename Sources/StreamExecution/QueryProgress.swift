public import StreamOperators

/// Facts about one micro-batch, named as in Spark's `StreamingQueryProgress`.
public struct QueryProgress: Sendable {
    public struct SourceProgress: Sendable {
        public var description: String
        public var startOffset: String?
        public var endOffset: String?
        public var numInputRows: Int
    }

    public var name: String
    public var batchId: Int64
    /// Input rows of all sources (for text sources: messages, i.e. lines).
    public var numInputRows: Int
    public var inputRowsPerSecond: Double
    public var processedRowsPerSecond: Double
    /// Milliseconds by phase: `latestOffset`, `getBatch` (reading), `addBatch` (executing and
    /// writing), `triggerExecution` (the whole batch).
    public var durationMs: [String: Double]
    /// The watermark in force during the batch, microseconds since the epoch.
    public var watermark: Int64
    public var eventTimeMin: Int64?
    public var eventTimeMax: Int64?
    public var stateOperators: [StateOperatorProgress]
    public var sources: [SourceProgress]
    public var sinkDescription: String
    public var numOutputRows: Int
    /// Malformed messages set aside by this batch.
    public var numQuarantinedMessages: Int
    /// How many times the sink write was retried after a transient failure (0 when the first
    /// attempt succeeded); the waits are included in `durationMs["addBatch"]`.
    public var numSinkRetries: Int = 0
    /// Rows the event-time guard set aside (``StreamingQueryConfiguration/maxEventTimeSkew``):
    /// event times too far after their arrival to be trusted with the watermark.
    public var numSuspectEventTimeRows: Int = 0
    /// Rows written to the late-rows side output (``StreamingQueryConfiguration/lateRowsDirectory``).
    public var numLateRowsWritten: Int = 0
}
