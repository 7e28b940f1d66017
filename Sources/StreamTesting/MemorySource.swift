public import Columnar
public import Connectors
import Synchronization

/// A source fed by the test: every ``addData(_:)`` call becomes one unit of offset, so each
/// batch of a query with `ReadLimit.maxFiles(1)` sees exactly one added batch (the same
/// limit the file source uses, where one file is one unit).
public final class MemorySource: StreamSource, Sendable {
    public let schema: Schema
    public let description: String
    private let added = Mutex<[RecordBatch]>([])

    public init(schema: Schema, name: String = "memory") {
        self.schema = schema
        self.description = "MemorySource[\(name)]"
    }

    /// A source of JSON messages: one string column `value`, like a text file or Kafka value.
    public static func messages(name: String = "messages") -> MemorySource {
        MemorySource(schema: Schema([Field("value", .string)]), name: name)
    }

    /// Appends rows; they become visible to the next batch.
    public func addData(_ batch: RecordBatch) {
        precondition(batch.schema == schema, "MemorySource[\(description)] expects \(schema), got \(batch.schema)")
        added.withLock { $0.append(batch) }
    }

    /// Appends messages to a ``messages(name:)`` source.
    public func addMessages(_ messages: [String]) {
        addData(RecordBatch(trusted: schema, columns: [.strings(messages)], rowCount: messages.count))
    }

    public func latestOffset(after start: SourceOffset?, limit: ReadLimit) throws -> SourceOffset? {
        let count = added.withLock { $0.count }
        let first = try Self.index(start, description) + 1
        guard first < count else { return start }
        var last = count - 1
        if case .maxFiles(let n) = limit { last = min(last, first + max(n, 1) - 1) }
        return SourceOffset(json: "{\"batch\":\(last)}")
    }

    public func read(from start: SourceOffset?, to end: SourceOffset) throws -> RecordBatch {
        let first = try Self.index(start, description) + 1
        let last = try Self.index(end, description)
        let batches = added.withLock { Array($0[first...last]) }
        return RecordBatch.concatenate(batches, schema: schema)
    }

    static func index(_ offset: SourceOffset?, _ description: String) throws -> Int {
        guard let offset else { return -1 }
        let prefix = "{\"batch\":"
        guard offset.json.hasPrefix(prefix), let n = Int(offset.json.dropFirst(prefix.count).dropLast()) else {
            throw ConnectorError.invalidOffset(source: description, offset: offset.json)
        }
        return n
    }
}
