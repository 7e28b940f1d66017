public import Connectors

/// Spark's `offsets/` log: for each batch, written *before* the batch runs, the watermark in
/// force and the offset every source will read up to.
public typealias OffsetLog = MetadataLog<OffsetSeq>

/// Spark's `OffsetSeqMetadata`: facts about a batch that a re-run must reproduce.
public struct OffsetSeqMetadata: Sendable, Hashable {
    /// The watermark in force during the batch, milliseconds since the epoch.
    public var batchWatermarkMs: Int64
    /// When the batch was planned, milliseconds since the epoch (processing time).
    public var batchTimestampMs: Int64
    /// Settings that must not change across a restart (Spark's `conf`), sorted by key when written.
    public var conf: [String: String]

    public init(batchWatermarkMs: Int64, batchTimestampMs: Int64, conf: [String: String] = [:]) {
        self.batchWatermarkMs = batchWatermarkMs
        self.batchTimestampMs = batchTimestampMs
        self.conf = conf
    }
}

/// One `offsets/N` entry (Spark's `OffsetSeq`): the metadata line, then one offset per source
/// in source order, `-` for a source that has no offset yet.
///
/// ```
/// v1
/// {"batchWatermarkMs":1704067225000,"batchTimestampMs":1714000000000,"conf":{"spark.sql.streaming.multipleWatermarkPolicy":"min"}}
/// {"logOffset":3}
/// {"logOffset":3}
/// ```
public struct OffsetSeq: MetadataLogEntry {
    public static let formatVersion = 1
    public var metadata: OffsetSeqMetadata
    /// The end offset of each source for the batch (nil: the source had nothing yet).
    public var offsets: [SourceOffset?]

    public init(metadata: OffsetSeqMetadata, offsets: [SourceOffset?]) {
        self.metadata = metadata
        self.offsets = offsets
    }

    public func serializedLines() -> [String] {
        let conf = JSONValue.object(metadata.conf.keys.sorted().map { ($0, .string(metadata.conf[$0] ?? "")) })
        let head = JSONValue.object([
            ("batchWatermarkMs", .int(metadata.batchWatermarkMs)),
            ("batchTimestampMs", .int(metadata.batchTimestampMs)),
            ("conf", conf),
        ])
        return [head.description] + offsets.map { $0?.json ?? "-" }
    }

    public static func parse(lines: [Substring], path: String) throws(CheckpointError) -> OffsetSeq {
        guard let first = lines.first else {
            throw .malformedEntry(path: path, line: 2, detail: "the metadata line is missing")
        }
        guard let head = JSONValue.parse(first) else {
            throw .malformedEntry(path: path, line: 2, detail: "the metadata line is not JSON: \(first)")
        }
        var conf: [String: String] = [:]
        if case .object(let members)? = head["conf"] {
            for (key, value) in members { conf[key] = value.stringValue ?? value.description }
        }
        let metadata = OffsetSeqMetadata(
            batchWatermarkMs: head["batchWatermarkMs"]?.int64 ?? 0,
            batchTimestampMs: head["batchTimestampMs"]?.int64 ?? 0,
            conf: conf)
        var offsets: [SourceOffset?] = []
        for (i, line) in lines.dropFirst().enumerated() {
            let text = line.trimmingSpaces
            if text == "-" {
                offsets.append(nil)
            } else if JSONValue.parse(Substring(text)) != nil {
                offsets.append(SourceOffset(json: text))
            } else {
                throw .malformedEntry(path: path, line: i + 3, detail: "a source offset must be JSON or '-', found '\(text)'")
            }
        }
        return OffsetSeq(metadata: metadata, offsets: offsets)
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\r" }.reversed())
    }
}
