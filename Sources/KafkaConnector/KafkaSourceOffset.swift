public import Connectors
public import KafkaClient

/// A Kafka source's position: for every partition, the offset of the next message to read.
///
/// Serialized exactly as Spark's Kafka source writes it to the offset log,
/// `{"customer_data":{"0":42,"1":7}}`: topics in name order, partitions in numeric order, so the
/// same position always gives the same JSON and offsets compare as strings. A batch covers
/// `[start[p], end[p])` for every partition `p` of its end offset.
public struct KafkaSourceOffset: Sendable, Hashable, CustomStringConvertible {
    /// The next offset to read, per partition.
    public var offsets: [KafkaTopicPartition: Int64]

    /// Creates a position from per-partition next offsets.
    public init(_ offsets: [KafkaTopicPartition: Int64] = [:]) {
        self.offsets = offsets
    }

    /// Parses Spark's Kafka offset JSON.
    public init(_ offset: SourceOffset) throws(KafkaConnectorError) {
        self = try Self.parse(offset.json)
    }

    /// The engine's form of this position.
    public var sourceOffset: SourceOffset { SourceOffset(json: json) }

    /// Spark's Kafka offset JSON, canonical (sorted topics and partitions).
    public var json: String {
        let byTopic = Dictionary(grouping: offsets, by: { $0.key.topic })
        let topics = byTopic.keys.sorted().map { topic in
            let partitions = (byTopic[topic] ?? []).sorted { $0.key.partition < $1.key.partition }
                .map { "\"\($0.key.partition)\":\($0.value)" }
            return "\(Self.quoted(topic)):{\(partitions.joined(separator: ","))}"
        }
        return "{\(topics.joined(separator: ","))}"
    }

    public var description: String { json }

    /// Total number of messages between `start` (partitions absent there count from `fallback`) and this position.
    public func messages(after start: KafkaSourceOffset, fallback: (KafkaTopicPartition) -> Int64 = { _ in 0 }) -> Int64 {
        offsets.reduce(0) { total, entry in
            total + max(0, entry.value - (start.offsets[entry.key] ?? fallback(entry.key)))
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A small parser for the two-level object of strings to integers; anything else is rejected.
    private static func parse(_ json: String) throws(KafkaConnectorError) -> KafkaSourceOffset {
        var scanner = OffsetJSONScanner(Array(json.utf8))
        var offsets: [KafkaTopicPartition: Int64] = [:]
        guard scanner.consume(UInt8(ascii: "{")) else { throw .invalidOffset(json: json, reason: "not a JSON object") }
        if !scanner.consume(UInt8(ascii: "}")) {
            repeat {
                guard let topic = scanner.string(), scanner.consume(UInt8(ascii: ":")), scanner.consume(UInt8(ascii: "{")) else {
                    throw .invalidOffset(json: json, reason: "expected \"topic\":{...}")
                }
                if !scanner.consume(UInt8(ascii: "}")) {
                    repeat {
                        guard let key = scanner.string(), let partition = Int32(key), scanner.consume(UInt8(ascii: ":")),
                              let offset = scanner.integer()
                        else { throw .invalidOffset(json: json, reason: "expected \"partition\":offset in topic \(topic)") }
                        offsets[KafkaTopicPartition(topic: topic, partition: partition)] = offset
                    } while scanner.consume(UInt8(ascii: ","))
                    guard scanner.consume(UInt8(ascii: "}")) else { throw .invalidOffset(json: json, reason: "unclosed topic \(topic)") }
                }
            } while scanner.consume(UInt8(ascii: ","))
            guard scanner.consume(UInt8(ascii: "}")) else { throw .invalidOffset(json: json, reason: "unclosed object") }
        }
        guard scanner.atEnd else { throw .invalidOffset(json: json, reason: "text after the object") }
        return KafkaSourceOffset(offsets)
    }
}

/// Byte cursor over offset JSON: whitespace-skipping tokens only.
private struct OffsetJSONScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool {
        mutating get { skipSpace(); return position == bytes.count }
    }

    mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    mutating func string() -> String? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        var out: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
            if byte == UInt8(ascii: "\\") {
                guard position < bytes.count else { return nil }
                out.append(bytes[position])
                position += 1
            } else {
                out.append(byte)
            }
        }
        return nil
    }

    mutating func integer() -> Int64? {
        skipSpace()
        let start = position
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
        return Int64(String(decoding: bytes[start..<position], as: UTF8.self))
    }
}
