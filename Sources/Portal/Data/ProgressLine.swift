/// One line of a progress file: the fields of `QueryProgress.json` the dashboard shows.
///
/// Fields the portal does not use (offsets, the sink) are ignored, and every field is optional
/// so a line from an older or newer engine still reads.
public struct ProgressLine: Sendable, Hashable, Decodable {
    /// One source of the batch (a Kafka topic or a directory).
    public struct Source: Sendable, Hashable, Decodable {
        /// The source as the engine describes it (`KafkaSource[clickstream]`, `TextFileSource[in/crm]`).
        public var description: String?
        /// Rows (messages) read from it in this batch.
        public var numInputRows: Int?
    }

    /// One stateful operator's state size after the batch.
    public struct StateOperator: Sendable, Hashable, Decodable {
        public var operatorName: String?
        public var numRowsTotal: Int?
    }

    /// The event-time facts of the batch (ISO-8601 text).
    public struct EventTime: Sendable, Hashable, Decodable {
        public var watermark: String?
        public var min: String?
        public var max: String?
    }

    public var name: String?
    public var batchId: Int?
    public var numInputRows: Int?
    public var inputRowsPerSecond: Double?
    public var processedRowsPerSecond: Double?
    public var durationMs: [String: Double]?
    public var eventTime: EventTime?
    public var stateOperators: [StateOperator]?
    public var sources: [Source]?
    public var numQuarantinedMessages: Int?

    /// The whole batch's duration in milliseconds (`durationMs.triggerExecution`).
    public var batchDurationMs: Double { durationMs?["triggerExecution"] ?? 0 }

    /// Rows held in state by all stateful operators after the batch.
    public var stateRows: Int { (stateOperators ?? []).reduce(0) { $0 + ($1.numRowsTotal ?? 0) } }
}
