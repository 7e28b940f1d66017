/// One record read from a Kafka partition, with Spark's Kafka-source columns.
///
/// Keys, values and header values are copied out of librdkafka's buffers, so a message is a
/// plain `Sendable` value that outlives the poll that returned it.
public struct KafkaMessage: Sendable, Hashable {
    /// The topic the message was read from.
    public var topic: String
    /// The partition within ``topic``.
    public var partition: Int32
    /// The message's offset within its partition.
    public var offset: Int64
    /// The key bytes, or `nil` for a message without a key.
    public var key: [UInt8]?
    /// The value bytes, or `nil` for a tombstone.
    public var value: [UInt8]?
    /// Headers in the order the producer wrote them (names may repeat).
    public var headers: [KafkaHeader]
    /// Milliseconds since the Unix epoch, or `nil` when ``timestampType`` is `.notAvailable`.
    public var timestamp: Int64?
    /// What ``timestamp`` means: set by the producer, or by the broker on append.
    public var timestampType: KafkaTimestampType

    /// Creates a message; the client creates them when polling, tests may build their own.
    public init(
        topic: String, partition: Int32, offset: Int64, key: [UInt8]?, value: [UInt8]?,
        headers: [KafkaHeader] = [], timestamp: Int64? = nil, timestampType: KafkaTimestampType = .notAvailable
    ) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.headers = headers
        self.timestamp = timestamp
        self.timestampType = timestampType
    }
}

/// The meaning of a message timestamp, as Spark's `timestampType` column reports it (0 or 1).
public enum KafkaTimestampType: Int, Sendable, Hashable {
    /// The broker did not provide a timestamp.
    case notAvailable = -1
    /// The producer's creation time (Spark: 0).
    case createTime = 0
    /// The broker's log-append time (Spark: 1).
    case logAppendTime = 1
}

/// A message header: a name and optional bytes.
public struct KafkaHeader: Sendable, Hashable {
    /// The header name.
    public var name: String
    /// The header value, or `nil` for a null value.
    public var value: [UInt8]?

    /// Creates a header with raw bytes.
    public init(name: String, value: [UInt8]?) {
        self.name = name
        self.value = value
    }

    /// Creates a header whose value is the UTF-8 bytes of a string.
    public init(name: String, string: String) {
        self.init(name: name, value: Array(string.utf8))
    }
}

/// A partition of a topic.
public struct KafkaTopicPartition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The topic name.
    public var topic: String
    /// The partition number, from 0.
    public var partition: Int32

    /// Names a partition of a topic.
    public init(topic: String, partition: Int32) {
        self.topic = topic
        self.partition = partition
    }

    public var description: String { "\(topic)[\(partition)]" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.topic, lhs.partition) < (rhs.topic, rhs.partition)
    }
}

/// Where a consumer starts reading an assigned partition.
public enum KafkaOffset: Sendable, Hashable {
    /// The oldest retained message.
    case beginning
    /// After the last message: only messages produced from now on.
    case end
    /// The offset committed by the consumer group (falls back to `auto.offset.reset`).
    case stored
    /// An exact offset: the next message read is the one at this offset.
    case exact(Int64)

    /// librdkafka's encoding: logical offsets are negative sentinels.
    var rawValue: Int64 {
        switch self {
        case .beginning: -2
        case .end: -1
        case .stored: -1000
        case .exact(let offset): offset
        }
    }
}

/// The low and high watermarks of a partition: the first retained offset and the next offset to be written.
public struct KafkaWatermarks: Sendable, Hashable {
    /// The earliest offset still retained.
    public var low: Int64
    /// The offset the next produced message will get (one past the last message).
    public var high: Int64

    /// Creates watermarks.
    public init(low: Int64, high: Int64) {
        self.low = low
        self.high = high
    }
}
