/// Settings for a Kafka producer or consumer: typed common values plus free-form librdkafka properties.
///
/// The typed values cover what Stream360 needs to decide on purpose (idempotence, acks, offset
/// reset, group); everything else librdkafka offers is reachable through ``properties``, whose
/// entries are applied last and so win over the typed values. Names and values are librdkafka's
/// (see its CONFIGURATION.md). Values are checked by librdkafka when a client is created, and a
/// rejected one raises ``KafkaError/invalidConfiguration(property:value:reason:)`` naming it.
///
/// ```swift
/// var configuration = KafkaConfiguration(bootstrapServers: "127.0.0.1:9092")
/// configuration.properties["compression.type"] = "zstd"
/// let producer = try KafkaProducer(configuration: configuration)
/// ```
public struct KafkaConfiguration: Sendable, Hashable {
    /// Comma-separated `host:port` list of brokers to bootstrap from (`bootstrap.servers`).
    public var bootstrapServers: String
    /// The client id the brokers log (`client.id`).
    public var clientID: String = "stream360"
    /// Consumer group (`group.id`); needed by ``KafkaConsumer/subscribe(topics:)``, optional with assign.
    public var groupID: String? = nil
    /// Producer: write each message exactly once per partition, in order (`enable.idempotence`).
    public var enableIdempotence: Bool = true
    /// Producer: how many replicas must acknowledge a write (`acks`); idempotence needs `.all`.
    public var acks: Acks = .all
    /// Producer: how long to wait to fill a batch before sending (`linger.ms`).
    public var linger: Duration = .milliseconds(5)
    /// Producer: how long librdkafka retries a message before its delivery fails (`message.timeout.ms`).
    public var messageTimeout: Duration = .seconds(30)
    /// Largest message the client sends or accepts (`message.max.bytes`); `nil` keeps librdkafka's 1 MB.
    public var maxMessageBytes: Int? = nil
    /// Consumer: where to start when there is no valid committed offset (`auto.offset.reset`).
    public var autoOffsetReset: OffsetReset = .earliest
    /// Consumer: commit offsets to the group automatically (`enable.auto.commit`). Off by default:
    /// in Stream360 the query's checkpoint owns offsets and the group commit is informational.
    public var enableAutoCommit: Bool = false
    /// Any other librdkafka property, applied after (and over) the typed values.
    public var properties: [String: String] = [:]

    /// Creates a configuration with defaults for everything but the brokers.
    public init(bootstrapServers: String) {
        self.bootstrapServers = bootstrapServers
    }

    /// Producer acknowledgement levels (`acks`).
    public enum Acks: String, Sendable, Hashable {
        /// No acknowledgement (`acks=0`).
        case none = "0"
        /// The partition leader only (`acks=1`).
        case leader = "1"
        /// Every in-sync replica (`acks=all`).
        case all = "all"
    }

    /// Where a consumer starts without a valid committed offset (`auto.offset.reset`).
    public enum OffsetReset: String, Sendable, Hashable {
        /// The oldest retained message.
        case earliest
        /// Only messages produced from now on.
        case latest
        /// Fail with ``KafkaError/consumeFailed(code:topic:partition:offset:)``.
        case error
    }

    /// Checks combinations librdkafka would reject with a less helpful message.
    func validate() throws(KafkaError) {
        if bootstrapServers.isEmpty && properties["bootstrap.servers"] == nil {
            throw .invalidConfiguration(
                property: "bootstrap.servers", value: "", reason: "give at least one host:port")
        }
        if enableIdempotence && acks != .all && properties["acks"] == nil {
            throw .invalidConfiguration(
                property: "acks", value: acks.rawValue,
                reason: "an idempotent producer needs acks=all; set acks to .all or enableIdempotence to false")
        }
    }

    /// The librdkafka properties for a client in `role`, typed values first, then ``properties``.
    func librdkafkaProperties(for role: ClientRole) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = [
            ("bootstrap.servers", bootstrapServers),
            ("client.id", clientID),
        ]
        if let maxMessageBytes { result.append(("message.max.bytes", String(maxMessageBytes))) }
        switch role {
        case .producer:
            result += [
                ("enable.idempotence", String(enableIdempotence)),
                ("acks", acks.rawValue),
                ("linger.ms", String(linger.wholeMilliseconds)),
                ("message.timeout.ms", String(messageTimeout.wholeMilliseconds)),
            ]
        case .consumer:
            if let groupID { result.append(("group.id", groupID)) }
            result += [
                ("auto.offset.reset", autoOffsetReset.rawValue),
                ("enable.auto.commit", String(enableAutoCommit)),
            ]
        }
        result += properties.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        return result
    }
}

/// Which kind of librdkafka handle a configuration is for.
enum ClientRole: String, Sendable {
    case producer, consumer
}

extension Duration {
    /// The duration in whole milliseconds, rounded down, clamped to `Int32` for librdkafka's `int timeout_ms`.
    var wholeMilliseconds: Int32 {
        let (seconds, attoseconds) = components
        let millis = seconds.multipliedReportingOverflow(by: 1000)
        if millis.overflow || millis.partialValue > Int64(Int32.max) { return Int32.max }
        let total = millis.partialValue + attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, total))
    }
}
