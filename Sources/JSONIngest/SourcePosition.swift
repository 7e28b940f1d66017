/// Where a message came from, precisely enough to find it again.
public enum SourcePosition: Sendable, Hashable, CustomStringConvertible {
    /// Line `line` (1-based) of a text file.
    case file(path: String, line: Int)
    /// A Kafka record.
    case topic(name: String, partition: Int32, offset: Int64)
    /// The `index`th message of an in-memory source (tests, `MemorySource`).
    case memory(index: Int)

    public var description: String {
        switch self {
        case .file(let path, let line): "\(path):\(line)"
        case .topic(let name, let partition, let offset): "\(name)-\(partition)@\(offset)"
        case .memory(let index): "memory message \(index)"
        }
    }
}
