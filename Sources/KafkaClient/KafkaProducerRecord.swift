/// A message to send: topic, optional partition, key, value and headers.
///
/// Without a ``partition`` librdkafka's partitioner chooses one from the key
/// (`partitioner=consistent_random` by default: keyed messages hash, unkeyed ones spread).
public struct KafkaProducerRecord: Sendable, Hashable {
    /// The destination topic.
    public var topic: String
    /// The destination partition, or `nil` to let the partitioner choose.
    public var partition: Int32?
    /// The key bytes, or `nil` for no key.
    public var key: [UInt8]?
    /// The value bytes, or `nil` for a tombstone.
    public var value: [UInt8]?
    /// Headers, sent in order.
    public var headers: [KafkaHeader]
    /// Create time in milliseconds since the Unix epoch, or `nil` for "now".
    public var timestamp: Int64?

    /// Creates a record from bytes.
    public init(
        topic: String, partition: Int32? = nil, key: [UInt8]? = nil, value: [UInt8]?,
        headers: [KafkaHeader] = [], timestamp: Int64? = nil
    ) {
        self.topic = topic
        self.partition = partition
        self.key = key
        self.value = value
        self.headers = headers
        self.timestamp = timestamp
    }

    /// Creates a record whose key and value are the UTF-8 bytes of strings.
    public init(
        topic: String, partition: Int32? = nil, key: String?, value: String,
        headers: [KafkaHeader] = [], timestamp: Int64? = nil
    ) {
        self.init(
            topic: topic, partition: partition, key: key.map { Array($0.utf8) }, value: Array(value.utf8),
            headers: headers, timestamp: timestamp)
    }
}

/// A message the broker did not acknowledge, as reported by librdkafka's delivery report.
public struct KafkaDeliveryFailure: Sendable, Hashable, CustomStringConvertible {
    /// The sequence number ``KafkaProducer/send(_:)`` returned for the message.
    public var messageID: UInt64
    /// The topic the message was sent to.
    public var topic: String
    /// The partition, when one was chosen (`-1` means none had been assigned).
    public var partition: Int32
    /// Why delivery failed.
    public var code: KafkaError.Code
    /// The start of the key (at most 64 bytes), to identify the record.
    public var keyPrefix: [UInt8]?

    /// Creates a failure report.
    public init(messageID: UInt64, topic: String, partition: Int32, code: KafkaError.Code, keyPrefix: [UInt8]?) {
        self.messageID = messageID
        self.topic = topic
        self.partition = partition
        self.code = code
        self.keyPrefix = keyPrefix
    }

    public var description: String {
        let key = keyPrefix.map { " key '\(String(decoding: $0, as: UTF8.self))'" } ?? ""
        return "message #\(messageID)\(key) to \(topic)[\(partition)]: \(code)"
    }
}

/// What a ``KafkaProducer/flush(timeout:)`` observed: messages delivered since the previous flush.
public struct KafkaDeliverySummary: Sendable, Hashable {
    /// Messages acknowledged by the broker since the previous flush.
    public var delivered: Int
}
