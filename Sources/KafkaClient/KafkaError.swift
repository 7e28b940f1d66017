internal import CRdKafka

/// Errors raised by the Kafka client: configuration, broker, delivery and consumption failures.
///
/// Every case that comes from librdkafka carries its ``Code`` (number, symbolic name and
/// librdkafka's own text) plus the context a person needs to act on it: the operation, and the
/// topic, partition and offset when there is one.
///
/// ```swift
/// do { try producer.flush(timeout: .seconds(5)) }
/// catch .deliveryFailed(let failures, _) { for f in failures { print(f) } }
/// ```
public enum KafkaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// librdkafka rejected a configuration property (unknown name or invalid value).
    case invalidConfiguration(property: String, value: String, reason: String)
    /// librdkafka could not create a client handle (producer, consumer or mock cluster).
    case clientCreationFailed(role: String, reason: String)
    /// A call to librdkafka failed; `topic` and `partition` are set when the call concerned one.
    case operationFailed(operation: String, code: Code, topic: String?, partition: Int32?)
    /// The local producer queue refused a message (full, too large, unknown partition...).
    case produceFailed(code: Code, topic: String, partition: Int32?, valueBytes: Int)
    /// One or more messages were not delivered; `delivered` counts those that were.
    case deliveryFailed([KafkaDeliveryFailure], delivered: Int)
    /// A consumed message carried an error instead of data (for example offset out of range).
    case consumeFailed(code: Code, topic: String?, partition: Int32?, offset: Int64?)
    /// An operation did not complete within its time limit.
    case timedOut(operation: String, limit: Duration, pending: Int)
    /// The client has been closed; create a new one.
    case closed(operation: String)
    /// A topic has no metadata in the cluster (it does not exist, or auto-creation is off).
    case unknownTopic(String)

    public var description: String {
        switch self {
        case .invalidConfiguration(let property, let value, let reason):
            "invalid Kafka configuration \(property)=\(value.prefix(80)): \(reason)"
        case .clientCreationFailed(let role, let reason):
            "could not create Kafka \(role): \(reason)"
        case .operationFailed(let operation, let code, let topic, let partition):
            "Kafka \(operation) failed\(Self.place(topic, partition)): \(code)"
        case .produceFailed(let code, let topic, let partition, let valueBytes):
            "could not enqueue a \(valueBytes)-byte message for \(Self.place(topic, partition).dropFirst(4)): \(code)"
                + (code == .messageSizeTooLarge
                    ? " (raise message.max.bytes on the client and the broker, or send smaller messages)" : "")
        case .deliveryFailed(let failures, let delivered):
            "\(failures.count) Kafka message(s) not delivered (\(delivered) delivered); first: "
                + (failures.first.map { "\($0)" } ?? "none")
        case .consumeFailed(let code, let topic, let partition, let offset):
            "Kafka consume failed\(Self.place(topic, partition))\(offset.map { " at offset \($0)" } ?? ""): \(code)"
        case .timedOut(let operation, let limit, let pending):
            "Kafka \(operation) did not finish within \(limit) (\(pending) pending); is the broker reachable?"
        case .closed(let operation):
            "Kafka \(operation) called on a closed client"
        case .unknownTopic(let topic):
            "Kafka topic '\(topic)' does not exist; create it or enable auto-creation on the broker"
        }
    }

    static func place(_ topic: String?, _ partition: Int32?) -> String {
        switch (topic, partition) {
        case (let topic?, let partition?): " on \(topic)[\(partition)]"
        case (let topic?, nil): " on \(topic)"
        default: ""
        }
    }
}

extension KafkaError {
    /// A librdkafka error code (`rd_kafka_resp_err_t`) with its symbolic name and text.
    ///
    /// Negative codes are librdkafka's own (local) errors, positive ones come from the broker.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The numeric `rd_kafka_resp_err_t` value.
        public let rawValue: Int32

        /// Wraps a raw librdkafka error code.
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// librdkafka's symbolic name without the `RD_KAFKA_RESP_ERR_` prefix, e.g. `_UNKNOWN_PARTITION`.
        public var name: String { String(cString: rd_kafka_err2name(rd_kafka_resp_err_t(rawValue))) }

        /// librdkafka's human-readable text for the code.
        public var text: String { String(cString: rd_kafka_err2str(rd_kafka_resp_err_t(rawValue))) }

        /// librdkafka's text, its symbolic name for searching, and what to check when the brokers
        /// cannot be reached: `Local: Broker transport failure [_TRANSPORT]; check that …`.
        public var description: String {
            "\(text) [\(name)]" + (Self.unreachable.contains(self)
                ? "; check that a Kafka broker is running at the bootstrap servers (kafka://HOST:PORT) and reachable from here" : "")
        }

        /// Local: the broker connection failed.
        public static let transport = Code(rawValue: -195)
        /// Local: the broker host name did not resolve.
        public static let resolve = Code(rawValue: -193)
        /// The codes that mean no broker could be reached.
        static let unreachable: Set<Code> = [.transport, .resolve, .allBrokersDown]

        /// Local: the partition does not exist in the topic.
        public static let unknownPartition = Code(rawValue: -190)
        /// Local: the topic does not exist.
        public static let unknownTopic = Code(rawValue: -188)
        /// Local: message timed out before delivery (`message.timeout.ms`).
        public static let messageTimedOut = Code(rawValue: -192)
        /// Local: an operation timed out.
        public static let timedOut = Code(rawValue: -185)
        /// Local: the producer queue is full (`queue.buffering.max.messages`).
        public static let queueFull = Code(rawValue: -184)
        /// The message is larger than `message.max.bytes` (client) or than the broker accepts.
        public static let messageSizeTooLarge = Code(rawValue: 10)
        /// Broker: the topic or partition does not exist.
        public static let unknownTopicOrPartition = Code(rawValue: 3)
        /// Broker: the requested offset is outside the partition's retained range (data loss).
        public static let offsetOutOfRange = Code(rawValue: 1)
        /// Local: reached the end of a partition (only with `enable.partition.eof=true`).
        public static let partitionEOF = Code(rawValue: -191)
        /// Local: all brokers are down.
        public static let allBrokersDown = Code(rawValue: -187)
    }
}

extension KafkaError.Code {
    init(_ err: rd_kafka_resp_err_t) { self.init(rawValue: err.rawValue) }
}
