public import KafkaClient

/// How a ``KafkaSource`` subscribes and where it starts: Spark's Kafka source options as typed values.
///
/// ```swift
/// var configuration = KafkaSourceConfiguration(bootstrapServers: servers, subscription: .topics(["customer_data"]))
/// configuration.startingOffsets = .earliest
/// let source = try KafkaSource(configuration: configuration)
/// ```
public struct KafkaSourceConfiguration: Sendable {
    /// Comma-separated `host:port` bootstrap servers (Spark's `kafka.bootstrap.servers`).
    public var bootstrapServers: String
    /// Which topics to read (Spark's `subscribe` / `subscribePattern`).
    public var subscription: Subscription
    /// Where the first batch starts (Spark's `startingOffsets`). Partitions that appear later
    /// always start at their earliest offset, as in Spark.
    public var startingOffsets: StartingOffsets = .latest
    /// Whether offsets that are gone from the broker fail the query (Spark's `failOnDataLoss`);
    /// when false the source skips ahead to the earliest retained offset.
    public var failOnDataLoss: Bool = true
    /// Available-now: the first ``KafkaSource/latestOffset(after:limit:)`` records the end of
    /// every partition and no batch reads past it, so the query stops after processing what was
    /// there at its start even while producers keep writing (Spark's `Trigger.AvailableNow`).
    public var boundedAtStart: Bool = false
    /// How long reading a recorded range may take before ``KafkaConnectorError/incompleteRange(topic:partition:from:until:reached:)``.
    public var fetchTimeout: Duration = .seconds(30)
    /// Timeout of metadata and watermark requests.
    public var metadataTimeout: Duration = .seconds(10)
    /// Other librdkafka consumer properties (Spark's `kafka.`-prefixed options).
    public var properties: [String: String] = [:]

    /// Creates a configuration that starts at the latest offsets, like Spark.
    public init(bootstrapServers: String, subscription: Subscription) {
        self.bootstrapServers = bootstrapServers
        self.subscription = subscription
    }

    /// The topics a source reads.
    public enum Subscription: Sendable, Hashable, CustomStringConvertible {
        /// These topics (Spark's `subscribe`).
        case topics([String])
        /// Every topic whose whole name matches this regular expression (Spark's `subscribePattern`).
        case pattern(String)

        public var description: String {
            switch self {
            case .topics(let topics): "topics \(topics.joined(separator: ","))"
            case .pattern(let pattern): "pattern \(pattern)"
            }
        }
    }

    /// Where a query without a recorded offset starts.
    public enum StartingOffsets: Sendable, Hashable {
        /// Each partition's earliest retained offset.
        case earliest
        /// Each partition's end: only messages produced after the query starts.
        case latest
        /// Exact offsets per partition; in Spark's JSON `-2` means earliest and `-1` latest.
        /// Partitions of subscribed topics not listed start at the earliest offset.
        case offsets(KafkaSourceOffset)
    }

    /// The librdkafka consumer configuration: no group commits (the query owns offsets).
    var consumerConfiguration: KafkaConfiguration {
        var configuration = KafkaConfiguration(bootstrapServers: bootstrapServers)
        configuration.clientID = "stream360-source"
        configuration.enableAutoCommit = false
        configuration.autoOffsetReset = .error
        configuration.properties = properties
        return configuration
    }
}
