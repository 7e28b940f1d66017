/// Spark's `commits/` log: batch N's entry is written once every sink has committed N and
/// the state of N is saved; a batch with offsets but no commit is re-run on restart.
public typealias CommitLog = MetadataLog<CommitEntry>

/// One `commits/N` entry (Spark's `CommitMetadata`): `v1`, then `{"nextBatchWatermarkMs":…}`,
/// the watermark computed at the end of batch N, in force for batch N + 1.
public struct CommitEntry: MetadataLogEntry {
    public static let formatVersion = 1
    /// Milliseconds since the epoch.
    public var nextBatchWatermarkMs: Int64

    public init(nextBatchWatermarkMs: Int64) {
        self.nextBatchWatermarkMs = nextBatchWatermarkMs
    }

    public func serializedLines() -> [String] {
        [JSONValue.object([("nextBatchWatermarkMs", .int(nextBatchWatermarkMs))]).description]
    }

    public static func parse(lines: [Substring], path: String) throws(CheckpointError) -> CommitEntry {
        guard let line = lines.first, let json = JSONValue.parse(line) else {
            throw .malformedEntry(path: path, line: 2, detail: "expected {\"nextBatchWatermarkMs\":…}")
        }
        return CommitEntry(nextBatchWatermarkMs: json["nextBatchWatermarkMs"]?.int64 ?? 0)
    }
}
