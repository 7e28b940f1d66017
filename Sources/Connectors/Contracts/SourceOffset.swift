/// A position in a source, as the source itself defines it, serialized as a JSON string.
///
/// Offsets are what the offset log records before a batch runs, so that a restarted query
/// replays exactly the same range. Like Spark, each source chooses its own JSON shape:
/// the file source writes `{"logOffset":3}`, a Kafka source `{"topic":{"0":42}}`.
public struct SourceOffset: Sendable, Hashable, CustomStringConvertible {
    public let json: String

    public init(json: String) {
        self.json = json
    }

    public var description: String { json }
}

/// How much new data a source may hand to one micro-batch.
public enum ReadLimit: Sendable, Hashable {
    /// Everything available (Spark's default).
    case all
    /// At most this many files (Spark's `maxFilesPerTrigger`).
    case maxFiles(Int)
    /// At most this many records (Spark's `maxOffsetsPerTrigger` for Kafka).
    case maxRows(Int)
}
